/*
 * Mojibake repair: text that was UTF-8, decoded as a single-byte code page
 * (windows-1252, Latin-1, windows-1251, MacRoman, ...), once or twice.
 *
 * A line is first measured for "badness": pairs of characters that are rare
 * in real text and common in mojibake (an accented capital followed by a
 * currency or numeric sign, a C1 control, ...). Only a bad line is touched.
 * The whole line is then encoded back to each code page in turn (with ICU's
 * tables) and decoded as UTF-8; a decoding that is valid and less bad wins,
 * and the process repeats for double encodings. When the line mixes good
 * text with mojibake (so that it cannot be re-encoded as a whole), runs that
 * form complete UTF-8 sequences under windows-1252 are repaired one by one,
 * each only if it is bad by itself. Legitimate accented text ("naïve",
 * "Élysée", Czech, Vietnamese) has no bad pairs and stays as it is.
 */
#include <string.h>

#include <unicode/uchar.h>

#include "text/text.h"

enum {
    K_C1 = 1 << 0, K_BAD = 1 << 1, K_ACCU = 1 << 2, K_ACCL = 1 << 3,
    K_BOX = 1 << 4, K_SP = 1 << 5, K_EP = 1 << 6, K_CUR = 1 << 7,
    K_NUM = 1 << 8, K_LAW = 1 << 9, K_CYR = 1 << 10
};
#define K_ACC (K_ACCU | K_ACCL)
#define K_SYM (K_ACC | K_BOX | K_SP | K_EP | K_CUR | K_NUM | K_LAW)

static unsigned kind(uint32_t c)
{
    if (c < 0x80)
        return 0;
    if (c < 0xA0)
        return K_C1;
    switch (c) {
    case 0xA4: case 0xA6: case 0xA8: case 0xAC: case 0xAF: case 0xB8:
    case 0x2C7: case 0x2D8: case 0x2D9: case 0x2DB: case 0x2DD: case 0x192: case 0x2C6: case 0x2DC: case 0x2039: case 0x203A:
    case 0x2030: case 0x2020: case 0x2021: case 0x25CA: case 0x2202:
    case 0x220F: case 0x2211: case 0x2248: case 0x2260: case 0xFB01:
    case 0xFB02:
        return K_BAD;
    case 0xB2: case 0xB3: case 0xB9: case 0xBC: case 0xBD: case 0xBE:
    case 0xB1: case 0xD7: case 0xF7: case 0xB5: case 0xB0: case 0x2044:
    case 0x2206: case 0x221E: case 0x2229: case 0x222B: case 0x2261:
    case 0x2264: case 0x2265: case 0x2116:
        return K_NUM;
    case 0xB6: case 0xA7:
        return K_LAW;
    case 0xA1: case 0xBF: case 0xAB: case 0x2018: case 0x201C: case 0x201A:
    case 0x201E:
        return K_SP;
    case 0xBB: case 0x201D:
        return K_EP;
    default:
        break;
    }
    if (c >= 0xC0 && c <= 0x24F)
        return u_isupper((UChar32)c) ? K_ACCU : K_ACCL;
    if (c >= 0x2500 && c <= 0x259F)
        return K_BOX;
    if (c >= 0x400 && c <= 0x45F && !(c >= 0x410 && c <= 0x44F) && c != 0x401 &&
        c != 0x451)
        return K_CYR;  /* Cyrillic letters outside the Russian alphabet */
    if (c == 0x490 || c == 0x491)
        return K_CYR;
    if (u_charType((UChar32)c) == U_CURRENCY_SYMBOL)
        return K_CUR;
    return 0;
}

static int is_in(uint32_t c, const uint32_t *set)
{
    for (; *set; set++)
        if (*set == c)
            return 1;
    return 0;
}

/* After Â, Ã, Î or Ð: characters that make windows-1252 mojibake. */
static const uint32_t after_a[] = {
    0x20AC, 0x153, 0x160, 0x161, 0xA2, 0xA3, 0x178, 0x17E, 0x17D, 0xA0, 0xAD,
    0xAE, 0xA9, 0xB0, 0xB7, 0xBB, 0x2013, 0x2014, 0xB4, 0x2122, 0x2018,
    0x201C, 0x201D, 0x201E, 0x201A, 0xAB, 0xA1, 0xBF, 0x2022, 0x152, 0xAA,
    0xBA, 0
};

static int is_lower_ascii(uint32_t c) { return c >= 'a' && c <= 'z'; }

static int badness(const uint32_t *u, size_t n)
{
    size_t i;
    int bad = 0, cyr = 0;
    for (i = 0; i < n; i++) {
        uint32_t a = u[i], b = i + 1 < n ? u[i + 1] : 0;
        uint32_t c = i + 2 < n ? u[i + 2] : 0;
        unsigned ka = kind(a), kb = kind(b);
        if (a < 0x80)
            continue;
        if (ka & K_C1)
            bad++;
        if ((ka & (K_SYM | K_BAD)) && (kb & K_BAD))
            bad++;
        else if ((ka & K_BAD) && (kb & K_SYM))
            bad++;
        else if ((ka & (K_ACCL | K_BOX | K_EP | K_CUR | K_NUM)) && (kb & K_ACCU))
            bad++;
        else if ((ka & (K_BOX | K_EP | K_CUR | K_NUM)) && (kb & K_ACCL))
            bad++;
        else if ((ka & (K_ACCL | K_BOX | K_EP)) && (kb & K_CUR))
            bad++;
        else if ((ka & (K_ACCU | K_BOX)) && (kb & (K_NUM | K_LAW)))
            bad++;
        else if ((ka & (K_CUR | K_NUM | K_BOX)) && (kb & K_SP))
            bad++;
        else if ((ka & (K_SYM & ~K_SP)) && (kb & K_EP) && (kind(c) & K_SP))
            bad++;
        else if ((a == 0xC2 || a == 0xC3 || a == 0xCE || a == 0xD0) &&
                 is_in(b, after_a))
            bad++;
        else if ((ka & K_ACC) && (kb & (K_SP | K_EP)) && c < 0x80 &&
                 ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'))
            bad++;
        else if ((ka & K_ACCU) && (kb & K_CUR) && i > 0 && u[i - 1] == ' ')
            bad++;
        else if ((a == 0x152 || a == 0x153) && !(b < 0x80 && ((b | 0x20) >= 'a' && (b | 0x20) <= 'z')))
            bad++;
        else if (a == 0x221A && b >= 0x80 && !u_isalpha((UChar32)b))
            bad++;
        else if (a == 0x221A && (kb & K_ACCL))
            bad++;
        else if (a == 0x201A && (b == 0xC4 || b == 0xE2 || b == 0xF3 ||
                                 b == 0xE0))
            bad++;
        else if (a == 0xE2 && (b == 0x20AC || b == 0x201E || b == 0x201A ||
                               b == 0x2122 || b == 0x153 || b == 0x2C6 ||
                               b == 0x2030 || (b >= 0x80 && b < 0xA0)))
            bad++;
        else if (a == 0xEF && (b == 0xBC || b == 0xBD || b == 0xBF || b == 0xBB))
            bad++;
        else if (a == 0xF0 && b == 0x178)
            bad++;
        else if (a == 0x432 && b == 0x402)  /* windows-1251: "вЂ" */
            bad++;
        else if ((a == 0x412 || a == 0x413 || a == 0x420 || a == 0x421) &&
                 (kb & (K_C1 | K_BAD | K_SP | K_EP | K_CUR | K_NUM)) &&
                 (c == 0x412 || c == 0x413 || c == 0x420 || c == 0x421))
            bad++;
        else if ((a == 0x420 || a == 0x421) && (kb & K_CYR))
            cyr++;
        else if ((a == 0xC3 || a == 0xC2) && b == ' ' &&
                 ((i > 0 && is_lower_ascii(u[i - 1])) ||
                  (i > 1 && u[i - 1] == ' ' && is_lower_ascii(u[i - 2])) ||
                  i == 0))
            bad++;
    }
    if (cyr >= 2)
        bad += cyr;
    return bad;
}

/* The byte of code point u in code page cp (index ci), or -1. */
static int enc_byte(const np__codepage *cp, int ci, uint32_t u)
{
    int lo = 0, hi = cp->nrev;
    if (u < 0x80)
        return (int)u;
    if (ci == 0 && u < 0xA0)
        return (int)u;  /* read as Latin-1: C1 controls are their bytes */
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (cp->rev_cp[mid] == u)
            return cp->rev_byte[mid];
        if (cp->rev_cp[mid] < u)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

/* After "à": the Portuguese contractions "às", "àquele", "àquela",
 * "àquilo" are one word, so the space that stood for the lost byte is not
 * a space of its own (French "à" is a word by itself). */
static int pt_contraction(const unsigned char *b, size_t n)
{
    static const char *const tails[] = { "quele", "quela", "quilo", "s ", NULL };
    int k;
    for (k = 0; tails[k]; k++) {
        size_t l = strlen(tails[k]);
        if (n >= l && !memcmp(b, tails[k], l))
            return 1;
    }
    return n == 1 && b[0] == 's';
}

/* Strict UTF-8 decoding of bytes, accepting CESU-8 surrogate pairs and a
 * space where a no-break space (0xA0) was lost after C2/C3. Returns the
 * number of code points, or -1. Every code point must be assigned and not
 * a C0 control (tab and newline aside). */
static long dec_utf8(const unsigned char *b, size_t n, uint32_t *out)
{
    size_t i = 0;
    long o = 0;
    while (i < n) {
        unsigned char c = b[i];
        uint32_t cp;
        size_t k;
        if (c < 0x80) {
            out[o++] = c;
            i++;
            continue;
        }
        if (c >= 0xC2 && c <= 0xDF && i + 1 < n && b[i + 1] == 0x20 &&
            (i + 2 >= n || b[i + 2] < 0x80 || c == 0xC2)) {
            /* a no-break space (byte A0) that became a space; "à" was
             * followed by a space of its own */
            out[o++] = ((uint32_t)(c & 0x1F) << 6) | 0x20;
            i += c == 0xC3 && !pt_contraction(b + i + 2, n - i - 2) ? 1 : 2;
            continue;
        }
        if (c == 0xED && i + 5 < n && b[i + 1] >= 0xA0 && b[i + 1] <= 0xAF &&
            (b[i + 2] & 0xC0) == 0x80 && b[i + 3] == 0xED && b[i + 4] >= 0xB0 &&
            b[i + 4] <= 0xBF && (b[i + 5] & 0xC0) == 0x80) {
            uint32_t hi = 0xD000 | ((uint32_t)(b[i + 1] & 0x3F) << 6) | (b[i + 2] & 0x3F);
            uint32_t lo = 0xD000 | ((uint32_t)(b[i + 4] & 0x3F) << 6) | (b[i + 5] & 0x3F);
            out[o++] = 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);
            i += 6;
            continue;
        }
        if (c == 0xFF) {   /* a U+FFFD of the input, kept */
            out[o++] = 0xFFFD;
            i++;
            continue;
        }
        if (c >= 0xC2 && c <= 0xF4) {
            /* a sequence whose lost byte became U+FFFD: one U+FFFD */
            size_t need = c < 0xE0 ? 1 : c < 0xF0 ? 2 : 3, q;
            int lost = 0;
            for (q = 1; q <= need && i + q < n; q++) {
                if (b[i + q] == 0xFF)
                    lost = 1;
                else if ((b[i + q] & 0xC0) != 0x80)
                    break;
            }
            if (lost && q > need) {
                out[o++] = 0xFFFD;
                i += need + 1;
                continue;
            }
        }
        k = np__utf8_valid_seq(b + i, n - i);
        if (!k)
            return -1;
        {
            size_t q = i;
            cp = np__utf8_next((const char *)b, n, &q);
        }
        if (u_charType((UChar32)cp) == U_UNASSIGNED ||
            u_charType((UChar32)cp) == U_PRIVATE_USE_CHAR)
            return -1;
        /* blocks that real text almost never reaches through mojibake */
        if ((cp >= 0x500 && cp < 0x590) || (cp >= 0x700 && cp < 0x800) ||
            (cp >= 0x1D00 && cp < 0x1DC0))
            return -1;
        out[o++] = cp;
        i += k;
    }
    return o;
}

/* Tries to re-encode the whole of u in every code page. */
static int try_whole(const struct np__text_state *st, const uint32_t *u,
                     size_t n, int bad, unsigned char *bytes, uint32_t *out,
                     size_t *on, int depth)
{
    int ci;
    for (ci = 0; ci < st->ncp; ci++) {
        size_t i;
        long k;
        int high = 0;
        for (i = 0; i < n; i++) {
            int b = u[i] == 0xFFFD ? 0xFF : enc_byte(&st->cp[ci], ci, u[i]);
            if (b < 0)
                break;
            bytes[i] = (unsigned char)b;
            high |= b >= 0x80;
        }
        if (i < n || !high)
            continue;
        k = dec_utf8(bytes, n, out);
        if (k < 0)
            continue;
        {
            int b2 = badness(out, (size_t)k);
            if (b2 == bad && depth == 0) {
                /* no better yet: accept only if one more step is */
                uint32_t *o2 = np__malloc((size_t)k * sizeof(uint32_t) + 4);
                unsigned char *by2 = np__malloc((size_t)k + 1);
                size_t on2;
                int ok = o2 && by2 &&
                         try_whole(st, out, (size_t)k, b2, by2, o2, &on2, 1);
                np__free(o2);
                np__free(by2);
                if (ok) {
                    *on = (size_t)k;
                    return 1;
                }
            }
            if (b2 >= bad)
                continue;
        }
        *on = (size_t)k;
        return 1;
    }
    return 0;
}

static int cont_byte(const np__codepage *cp, uint32_t u)
{
    int b = enc_byte(cp, 0, u);
    return b >= 0x80 && b <= 0xBF ? b : -1;
}

/* Repairs the runs of windows-1252 mojibake inside an otherwise good line.
 * Writes the result to out; returns 1 if anything changed. */
static int wild_lead(uint32_t c)
{
    return c == 0xC3 || c == 0xC2 || c == 0xE2 || c == 0xF0 || c == 0xEF;
}

static int fix_partial(const struct np__text_state *st, const uint32_t *u,
                       size_t n, uint32_t *out, size_t *on)
{
    const np__codepage *cp = &st->cp[0];
    size_t i = 0, o = 0;
    int changed = 0;
    while (i < n) {
        size_t j = i, nb = 0;
        unsigned char bytes[64];
        uint32_t dec[64];
        long k;
        int wild = 0;
        /* "Ã " for "à ": the no-break space of the sequence became a space */
        if (u[i] == 0xC3 && i + 2 < n && u[i + 1] == ' ' &&
            (i == 0 || u[i - 1] == ' ') && is_lower_ascii(u[i + 2])) {
            unsigned char tail[6];
            size_t q;
            for (q = 0; q < 6 && i + 2 + q < n && u[i + 2 + q] < 0x80; q++)
                tail[q] = (unsigned char)u[i + 2 + q];
            out[o++] = 0xE0;
            i += pt_contraction(tail, q) ? 2 : 1;
            changed = 1;
            continue;
        }
        /* gather a run of complete sequences */
        while (j < n && nb + 4 < sizeof(bytes)) {
            int b = enc_byte(cp, 0, u[j]), need, q;
            if (b < 0xC2 || b > 0xF4)
                break;
            need = b < 0xE0 ? 1 : b < 0xF0 ? 2 : 3;
            for (q = 1; q <= need; q++) {
                size_t x = j + (size_t)q;
                if (x >= n)
                    break;
                if (cont_byte(cp, u[x]) >= 0)
                    continue;
                /* a byte lost to '?' or U+FFFD in a known mojibake lead */
                if ((u[x] == '?' || u[x] == 0xFFFD) && wild_lead(u[j]) &&
                    nb == 0 && j == i) {
                    wild = 1;
                    continue;
                }
                break;
            }
            if (q <= need) {
                wild = 0;
                break;
            }
            if (wild) {
                j += (size_t)need + 1;
                break;
            }
            bytes[nb++] = (unsigned char)b;
            for (q = 1; q <= need; q++)
                bytes[nb++] = (unsigned char)cont_byte(cp, u[j + (size_t)q]);
            j += (size_t)need + 1;
        }
        if (wild) {
            out[o++] = 0xFFFD;
            i = j;
            changed = 1;
            continue;
        }
        if (nb == 0) {
            out[o++] = u[i++];
            continue;
        }
        k = dec_utf8(bytes, nb, dec);
        if (k > 0 && (badness(u + i, j - i) > 0 ||
                      (j - i == 3 && u[i] == 0xE2))) {
            memcpy(out + o, dec, (size_t)k * sizeof(uint32_t));
            o += (size_t)k;
            i = j;
            changed = 1;
            continue;
        }
        out[o++] = u[i++];
    }
    *on = o;
    return changed;
}

/* Fixes one line given as code points; result in *res (len *rn). */
static int fix_line(const struct np__text_state *st, uint32_t *u, size_t n,
                    uint32_t *tmp, unsigned char *bytes, size_t *rn)
{
    int round, changed = 0;
    for (round = 0; round < 3; round++) {
        int bad = badness(u, n);
        size_t on = 0;
        if (!bad)
            break;
        if (try_whole(st, u, n, bad, bytes, tmp, &on, 0)) {
            memcpy(u, tmp, on * sizeof(uint32_t));
            n = on;
            changed = 1;
            continue;
        }
        if (fix_partial(st, u, n, tmp, &on)) {
            memcpy(u, tmp, on * sizeof(uint32_t));
            n = on;
            changed = 1;
            continue;
        }
        break;
    }
    *rn = n;
    return changed;
}

/* A line longer than this is repaired a window at a time: each piece ends
 * at the last sentence end, else the last space after an ASCII character,
 * in the second half of the window, else at the last character boundary.
 * The badness of a line is local (pairs of neighbouring characters), so a
 * piece of a long line is judged as the line would be; the window keeps the
 * work and the code point buffers bounded. */
#define MOJIBAKE_WINDOW 1000000

static size_t piece_end(const char *s, size_t ls, size_t le)
{
    size_t lim = ls + MOJIBAKE_WINDOW, k;
    if (le - ls <= MOJIBAKE_WINDOW)
        return le;
    for (k = lim; k > ls + MOJIBAKE_WINDOW / 2; k--)
        if (s[k] == ' ' && (s[k - 1] == '.' || s[k - 1] == '?' || s[k - 1] == '!'))
            return k;
    for (k = lim; k > ls + MOJIBAKE_WINDOW / 2; k--)
        if (s[k] == ' ' && (unsigned char)s[k - 1] < 0x80)
            return k;
    for (k = lim; k > ls && ((unsigned char)s[k] & 0xC0) == 0x80; k--)
        ;
    return k;
}

int np__pass_mojibake(np__cleaner *c, np__ttext *t)
{
    const char *s = t->s;
    size_t n = t->n, ls = 0, i, maxl = 0;
    uint32_t *u = NULL, *tmp = NULL;
    unsigned char *bytes = NULL;
    np__buf rep = NP__BUF_INIT;
    np__tw w;
    int rc = NP_OK, started = 0;
    if (c->flags & NP_CLEAN_NO_ENCODING)
        return NP_OK;
    for (i = 0; i < n && (unsigned char)s[i] < 0x80; i++)
        ;
    if (i == n)
        return NP_OK;
    if ((rc = np__text_codepages(c->st)) != NP_OK)
        return rc;
    while (ls < n) {
        size_t lim = n - ls > MOJIBAKE_WINDOW + 1 ? ls + MOJIBAKE_WINDOW + 1 : n;
        const char *nl = memchr(s + ls, '\n', lim - ls);
        size_t le = nl ? (size_t)(nl - s) : lim, un = 0, rn, a, b, k, next;
        int hi = 0;
        next = le + 1;
        if (le - ls > MOJIBAKE_WINDOW) {
            le = piece_end(s, ls, le);
            next = le;
        }
        for (k = ls; k < le; k++)
            if ((unsigned char)s[k] >= 0x80) {
                hi = 1;
                break;
            }
        if (!hi) {
            ls = next;
            continue;
        }
        if (le - ls + 8 > maxl) {
            maxl = le - ls + 8;
            np__free(u);
            np__free(tmp);
            np__free(bytes);
            u = np__malloc(maxl * sizeof(uint32_t));
            tmp = np__malloc(maxl * 2 * sizeof(uint32_t));
            bytes = np__malloc(maxl);
            if (!u || !tmp || !bytes) {
                rc = NP_ENOMEM;
                break;
            }
        }
        for (k = ls; k < le;)
            u[un++] = np__utf8_next(s, le, &k);
        if (fix_line(c->st, u, un, tmp, bytes, &rn)) {
            /* edit only the part that changed */
            size_t p = 0, q, bs, be;
            np__buf_clear(&rep);
            for (k = 0; k < rn; k++)
                np__buf_put_cp(&rep, u[k]);
            if (rep.oom) {
                rc = NP_ENOMEM;
                break;
            }
            while (p < rep.len && ls + p < le && rep.ptr[p] == s[ls + p])
                p++;
            while (p > 0 && ((unsigned char)rep.ptr[p] & 0xC0) == 0x80)
                p--;
            q = 0;
            while (q < rep.len - p && q < le - ls - p &&
                   rep.ptr[rep.len - 1 - q] == s[le - 1 - q])
                q++;
            while (q > 0 && ((unsigned char)s[le - q] & 0xC0) == 0x80)
                q--;
            a = ls + p;
            b = le - q;
            bs = p;
            be = rep.len - q;
            if (!started) {
                if ((rc = np__tw_begin(&w, t)) != NP_OK)
                    break;
                started = 1;
            }
            np__tw_edit(&w, a, b, rep.ptr + bs, be - bs, "mojibake");
        }
        ls = next;
    }
    np__free(u);
    np__free(tmp);
    np__free(bytes);
    np__buf_free(&rep);
    if (started) {
        int r2 = np__tw_end(&w);
        return rc != NP_OK ? rc : r2;
    }
    return rc;
}

/*
 * The character-level passes of the cleanup: byte repair, markup remnants,
 * invisible characters and compatibility forms, NFC, whitespace.
 */
#include <string.h>

#include <libxml/HTMLparser.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include "text/text.h"

static size_t put_cp(char *d, uint32_t cp)
{
    if (cp < 0x80) {
        d[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        d[0] = (char)(0xC0 | (cp >> 6));
        d[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        d[0] = (char)(0xE0 | (cp >> 12));
        d[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        d[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    d[0] = (char)(0xF0 | (cp >> 18));
    d[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    d[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    d[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* ------------------------------------------------------------ bytes */

int np__pass_bytes(np__cleaner *c, np__ttext *t)
{
    const unsigned char *s = (const unsigned char *)t->s;
    size_t n = t->n, i = 0;
    int ws = !(c->flags & NP_CLEAN_NO_WHITESPACE);
    np__tw w;
    np__buf rep = NP__BUF_INIT;
    int rc;
    if (np__utf8_valid(t->s, n) && (!ws || !memchr(t->s, '\r', n)))
        return NP_OK;
    if ((rc = np__text_codepages(c->st)) != NP_OK)
        return rc;
    if ((rc = np__tw_begin(&w, t)) != NP_OK)
        return rc;
    while (i < n) {
        size_t k;
        if (s[i] == '\r' && ws) {
            k = i + 1 < n && s[i + 1] == '\n' ? 2 : 1;
            np__tw_edit(&w, i, i + k, "\n", 1, "line-ending");
            i += k;
            continue;
        }
        if (s[i] < 0x80) {
            i++;
            continue;
        }
        k = np__utf8_valid_seq(s + i, n - i);
        if (k) {
            i += k;
            continue;
        }
        /* a run of bytes that are not UTF-8: read them as windows-1252 */
        {
            size_t j = i;
            np__buf_clear(&rep);
            while (j < n && s[j] >= 0x80 && !np__utf8_valid_seq(s + j, n - j)) {
                uint32_t cp = c->st->cp[0].to_uni[s[j] - 0x80];
                if (c->flags & NP_CLEAN_NO_ENCODING || !cp)
                    cp = 0xFFFD;
                np__buf_put_cp(&rep, cp);
                j++;
            }
            if (rep.oom) {
                np__buf_free(&rep);
                np__tw_end(&w);
                return NP_ENOMEM;
            }
            np__tw_edit(&w, i, j, rep.ptr, rep.len, "encoding");
            i = j;
        }
    }
    np__buf_free(&rep);
    return np__tw_end(&w);
}

/* ------------------------------------------------------------ markup */

static int is_alnum(unsigned char ch)
{
    return (ch >= '0' && ch <= '9') || ((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z');
}

/* Parses an entity body at s[i] (just after '&'): name; #digits; #xhex;
 * Returns 1 with *cp and *end (after ';'). */
static int ent_body(np__cleaner *c, const char *s, size_t n, size_t i,
                    uint32_t *cp, size_t *end)
{
    size_t j = i;
    uint32_t v = 0;
    if (j < n && s[j] == '#') {
        int hex = 0, digits = 0;
        j++;
        if (j < n && (s[j] == 'x' || s[j] == 'X')) {
            hex = 1;
            j++;
        }
        while (j < n && digits < 8) {
            unsigned char ch = (unsigned char)s[j];
            int d;
            if (ch >= '0' && ch <= '9')
                d = ch - '0';
            else if (hex && (ch | 0x20) >= 'a' && (ch | 0x20) <= 'f')
                d = (ch | 0x20) - 'a' + 10;
            else
                break;
            v = v * (hex ? 16 : 10) + (uint32_t)d;
            j++;
            digits++;
        }
        if (!digits || j >= n || s[j] != ';')
            return 0;
        if (v >= 0x80 && v < 0xA0) {
            if (np__text_codepages(c->st) != NP_OK)
                return 0;
            v = c->st->cp[0].to_uni[v - 0x80];
            if (!v || v < 0xA0)
                return 0;
        }
        if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v < 0xE000))
            return 0;
        *cp = v;
        *end = j + 1;
        return 1;
    } else {
        char name[33];
        const htmlEntityDesc *e;
        size_t k = 0;
        while (j < n && k < 32 && is_alnum((unsigned char)s[j]))
            name[k++] = s[j++];
        if (!k || j >= n || s[j] != ';')
            return 0;
        name[k] = '\0';
        if (!strcmp(name, "apos")) {
            *cp = '\'';
        } else {
            e = htmlEntityLookup((const xmlChar *)name);
            if (!e)
                return 0;
            *cp = e->value;
        }
        *end = j + 1;
        return 1;
    }
}

static int tag_name_known(const char *s, size_t k)
{
    char name[16];
    size_t i;
    if (k == 0 || k >= sizeof(name))
        return 0;
    for (i = 0; i < k; i++)
        name[i] = (char)(s[i] | 0x20);
    name[k] = '\0';
    return htmlTagLookup((const xmlChar *)name) != NULL;
}

static int tag_is_inline(const char *s, size_t k)
{
    char name[16];
    const htmlElemDesc *d;
    size_t i;
    for (i = 0; i < k && i < sizeof(name) - 1; i++)
        name[i] = (char)(s[i] | 0x20);
    name[i] = '\0';
    if (!strcmp(name, "br"))
        return 0;
    d = htmlTagLookup((const xmlChar *)name);
    return d && d->isinline;
}

/* A literal tag at s[i] == '<': returns its end, or 0. */
static size_t tag_at(const char *s, size_t n, size_t i, size_t *name_s,
                     size_t *name_n)
{
    size_t j = i + 1, ns, lim;
    if (j < n && s[j] == '/')
        j++;
    ns = j;
    while (j < n && is_alnum((unsigned char)s[j]) && j - ns < 12)
        j++;
    if (j == ns || !((s[ns] | 0x20) >= 'a' && (s[ns] | 0x20) <= 'z'))
        return 0;
    if (!tag_name_known(s + ns, j - ns))
        return 0;
    *name_s = ns;
    *name_n = j - ns;
    if (j < n && s[j] == '>')
        return j + 1;
    if (j + 1 < n && s[j] == '/' && s[j + 1] == '>')
        return j + 2;
    if (j >= n || (s[j] != ' ' && s[j] != '\t'))
        return 0;
    lim = n - j > 2048 ? j + 2048 : n;
    for (; j < lim; j++) {
        if (s[j] == '>')
            return j + 1;
        if (s[j] == '<' || s[j] == '\n')
            return 0;
    }
    return 0;
}

static const char *find_in_line(const char *s, size_t n, size_t i,
                                const char *pat)
{
    size_t pl = strlen(pat);
    for (; i + pl <= n && s[i] != '\n'; i++)
        if (!memcmp(s + i, pat, pl))
            return s + i;
    return NULL;
}

int np__pass_markup(np__cleaner *c, np__ttext *t)
{
    const char *s = t->s;
    size_t n = t->n, i = 0, line = 0;
    int cdata = 0;
    np__tw w;
    int rc;
    if (c->flags & NP_CLEAN_NO_MARKUP)
        return NP_OK;
    if (!memchr(s, '&', n) && !memchr(s, '<', n) && !memchr(s, '[', n) &&
        !memchr(s, '!', n) && !memchr(s, ']', n))
        return NP_OK;
    if ((rc = np__tw_begin(&w, t)) != NP_OK)
        return rc;
    while (i < n) {
        char ch = s[i];
        if (ch == '\n') {
            line = ++i;
            cdata = 0;
            continue;
        }
        if (ch == '&') {
            uint32_t cp;
            size_t end, j = i + 1;
            if (ent_body(c, s, n, j, &cp, &end)) {
                char d[4];
                uint32_t cp2;
                size_t end2;
                /* double escaping: &amp;amp; &amp;nbsp; ... */
                while (cp == '&' && ent_body(c, s, n, end, &cp2, &end2)) {
                    cp = cp2;
                    end = end2;
                }
                np__tw_edit(&w, i, end, d, put_cp(d, cp), "html-entity");
                i = end;
                continue;
            }
            i++;
            continue;
        }
        if (ch == '<') {
            const char *e;
            size_t ns, nn, end;
            if (i + 4 <= n && !memcmp(s + i, "<!--", 4) &&
                (e = find_in_line(s, n, i + 4, "-->")) != NULL) {
                np__tw_edit(&w, i, (size_t)(e - s) + 3, "", 0, "markup");
                i = (size_t)(e - s) + 3;
                continue;
            }
            if (i + 9 <= n && !memcmp(s + i, "<![CDATA[", 9)) {
                np__tw_edit(&w, i, i + 9, "", 0, "markup");
                i += 9;
                cdata = 1;
                continue;
            }
            end = tag_at(s, n, i, &ns, &nn);
            if (end) {
                int sp = !tag_is_inline(s + ns, nn);
                /* a block tag between two words keeps them apart */
                if (sp && (i == line || s[i - 1] == ' ' || end >= n ||
                           s[end] == ' ' || s[end] == '\n' || s[end] == '<'))
                    sp = 0;
                np__tw_edit(&w, i, end, " ", sp ? 1 : 0, "markup");
                i = end;
                continue;
            }
            i++;
            continue;
        }
        if (ch == '!' && i + 3 <= n && !memcmp(s + i, "!--", 3)) {
            size_t k = line;
            const char *e;
            while (k < i && (s[k] == ' ' || s[k] == '\t'))
                k++;
            if (k == i && (e = find_in_line(s, n, i + 3, "-->")) != NULL) {
                np__tw_edit(&w, i, (size_t)(e - s) + 3, "", 0, "markup");
                i = (size_t)(e - s) + 3;
                continue;
            }
            i++;
            continue;
        }
        if (ch == '[' && i + 7 <= n && !memcmp(s + i, "[CDATA[", 7)) {
            np__tw_edit(&w, i, i + 7, "", 0, "markup");
            i += 7;
            cdata = 1;
            continue;
        }
        if (ch == ']' && i + 1 < n && s[i + 1] == ']') {
            if (i + 2 < n && s[i + 2] == '>') {
                np__tw_edit(&w, i, i + 3, "", 0, "markup");
                i += 3;
                cdata = 0;
                continue;
            }
            if (cdata && (i + 2 >= n || s[i + 2] == '\n' || s[i + 2] == ' ')) {
                np__tw_edit(&w, i, i + 2, "", 0, "markup");
                i += 2;
                cdata = 0;
                continue;
            }
        }
        i++;
    }
    return np__tw_end(&w);
}

/* ------------------------------------------------------------ characters */

static int is_rtl(uint32_t cp)
{
    int d = u_charDirection((UChar32)cp);
    return d == U_RIGHT_TO_LEFT || d == U_RIGHT_TO_LEFT_ARABIC;
}

static int line_has_rtl(const char *s, size_t n, size_t at)
{
    size_t a = at, b = at, i;
    while (a > 0 && s[a - 1] != '\n')
        a--;
    while (b < n && s[b] != '\n')
        b++;
    for (i = a; i < b;) {
        uint32_t cp;
        if ((unsigned char)s[i] < 0x80) {
            i++;
            continue;
        }
        cp = np__utf8_next(s, b, &i);
        if (is_rtl(cp))
            return 1;
    }
    return 0;
}

/* Characters next to which a joiner carries meaning. */
static int joiner_context(uint32_t cp)
{
    UErrorCode err = U_ZERO_ERROR;
    UScriptCode sc;
    if (cp == 0 || cp < 0x80)
        return 0;
    if (u_hasBinaryProperty((UChar32)cp, UCHAR_EXTENDED_PICTOGRAPHIC) ||
        u_hasBinaryProperty((UChar32)cp, UCHAR_EMOJI_COMPONENT) ||
        u_hasBinaryProperty((UChar32)cp, UCHAR_EMOJI_MODIFIER) ||
        cp == 0xFE0F || cp == 0x20E3)
        return 1;
    sc = uscript_getScript((UChar32)cp, &err);
    if (U_FAILURE(err))
        return 0;
    return u_isalpha((UChar32)cp) || u_getIntPropertyValue((UChar32)cp, UCHAR_GENERAL_CATEGORY) == U_NON_SPACING_MARK
               ? (sc != USCRIPT_LATIN && sc != USCRIPT_COMMON && sc != USCRIPT_INHERITED)
               : 0;
}

static int is_fw_latin(uint32_t cp)
{
    return (cp >= 0xFF21 && cp <= 0xFF3A) || (cp >= 0xFF41 && cp <= 0xFF5A);
}

int np__pass_chars(np__cleaner *c, np__ttext *t)
{
    const char *s = t->s;
    size_t n = t->n, i = 0, rtl_line = (size_t)-1;
    int rtl = 0, inv = !(c->flags & NP_CLEAN_NO_INVISIBLE);
    int enc = !(c->flags & NP_CLEAN_NO_ENCODING);
    int ws = !(c->flags & NP_CLEAN_NO_WHITESPACE);
    int compat = !(c->flags & NP_CLEAN_NO_COMPAT);
    uint32_t prev = 0;
    np__tw w;
    int rc, started = 0;
    while (i < n) {
        unsigned char ch = (unsigned char)s[i];
        size_t st = i;
        uint32_t cp;
        const char *rule = NULL;
        char rep[16];
        size_t rl = 0;
        if (ch >= 0x20 && ch < 0x7F) {
            prev = ch;
            i++;
            continue;
        }
        if (ch == '\n' || ch == '\t') {
            prev = ch;
            i++;
            continue;
        }
        cp = np__utf8_next(s, n, &i);
        if (cp == 0) {
            rule = "control";   /* never kept: the text is a C string */
        } else if (cp < 0x20 || cp == 0x7F) {
            if (inv) {
                rule = "control";
                if (cp == 0x1B && i < n && s[i] == '[') {
                    size_t j = i + 1;
                    while (j < n && (unsigned char)s[j] >= 0x20 &&
                           (unsigned char)s[j] <= 0x3F)
                        j++;
                    if (j < n && (unsigned char)s[j] >= 0x40 &&
                        (unsigned char)s[j] <= 0x7E)
                        i = j + 1;
                }
            }
        } else if (cp >= 0x80 && cp < 0xA0) {
            uint32_t m = np__text_codepages(c->st) == NP_OK
                             ? c->st->cp[0].to_uni[cp - 0x80] : 0;
            if (enc && m >= 0xA0) {
                rule = "encoding";
                rl = put_cp(rep, m);
            } else if (inv) {
                rule = "control";
            }
        } else if (cp == 0xAD) {
            if (inv)
                rule = "soft-hyphen";
        } else if (cp == 0x200B || cp == 0x2060 || cp == 0xFEFF) {
            if (inv)
                rule = "zero-width";
        } else if (cp == 0x200C || cp == 0x200D) {
            size_t j = i;
            uint32_t next = j < n ? np__utf8_next(s, n, &j) : 0;
            if (inv && !joiner_context(prev) && !joiner_context(next))
                rule = "zero-width";
        } else if (cp == 0x200E || cp == 0x200F || cp == 0x061C ||
                   (cp >= 0x202A && cp <= 0x202E) ||
                   (cp >= 0x2066 && cp <= 0x2069)) {
            size_t ls = st;
            while (ls > 0 && s[ls - 1] != '\n')
                ls--;
            if (ls != rtl_line) {
                rtl_line = ls;
                rtl = line_has_rtl(s, n, st);
            }
            if (inv && !rtl)
                rule = "bidi";
        } else if (cp == 0xA0) {
            if (ws) {
                rule = "nbsp";
                rep[0] = ' ';
                rl = 1;
            }
        } else if (cp >= 0xFB00 && cp <= 0xFB06) {
            if (compat) {
                UChar u = (UChar)cp, o[8];
                UErrorCode err = U_ZERO_ERROR;
                int32_t k = unorm2_normalize(c->st->nfkc, &u, 1, o, 8, &err), q;
                if (U_SUCCESS(err) && k > 0 && k < 8) {
                    for (q = 0; q < k; q++)
                        rl += put_cp(rep + rl, o[q]);
                    rule = "compat";
                }
            }
        } else if (is_fw_latin(cp)) {
            if (compat) {
                rule = "compat";
                rl = put_cp(rep, cp - 0xFEE0);
            }
        } else if (cp >= 0xFF10 && cp <= 0xFF19 && compat) {
            size_t j = i;
            uint32_t next = j < n ? np__utf8_next(s, n, &j) : 0;
            if (is_fw_latin(prev) || is_fw_latin(next) ||
                (prev < 0x80 && prev > 0x20 && is_alnum((unsigned char)prev)) ||
                (next < 0x80 && next > 0x20 && is_alnum((unsigned char)next))) {
                rule = "compat";
                rl = put_cp(rep, cp - 0xFEE0);
            }
        }
        if (rule) {
            if (!started) {
                if ((rc = np__tw_begin(&w, t)) != NP_OK)
                    return rc;
                started = 1;
            }
            np__tw_edit(&w, st, i, rep, rl, rule);
            if (rl)
                prev = cp;
            continue;
        }
        prev = cp;
    }
    return started ? np__tw_end(&w) : NP_OK;
}

/* ------------------------------------------------------------ NFC */

int np__pass_nfc(np__cleaner *c, np__ttext *t)
{
    const char *s = t->s;
    size_t n = t->n, i = 0, seg = 0;
    const UNormalizer2 *nfc = c->st->nfc;
    np__tw w;
    int rc, started = 0;
    UChar small[64], *u = small, osmall[128], *o = osmall;
    np__buf rep = NP__BUF_INIT;
    while (i < n) {
        size_t st = i, e;
        uint32_t cp;
        if ((unsigned char)s[i] < 0x80) {
            seg = ++i - 1;
            continue;
        }
        cp = np__utf8_next(s, n, &i);
        if (unorm2_hasBoundaryBefore(nfc, (UChar32)cp))
            seg = st;
        if (u_getIntPropertyValue((UChar32)cp, UCHAR_NFC_QUICK_CHECK) == UNORM_YES)
            continue;
        /* the segment: from the last boundary to the next one */
        e = i;
        while (e < n) {
            size_t k = e;
            uint32_t nx = np__utf8_next(s, n, &k);
            if (unorm2_hasBoundaryBefore(nfc, (UChar32)nx))
                break;
            e = k;
        }
        {
            int32_t ul = 0, ol;
            UErrorCode err = U_ZERO_ERROR;
            size_t k = seg, cap = e - seg + 1;
            if (cap > 64) {
                u = np__malloc(cap * sizeof(UChar) * 2);
                o = np__malloc(cap * sizeof(UChar) * 4 + 16);
                if (!u || !o)
                    goto oom;
            }
            while (k < e) {
                uint32_t x = np__utf8_next(s, e, &k);
                U16_APPEND_UNSAFE(u, ul, x);
            }
            ol = unorm2_normalize(nfc, u, ul, o,
                                  (int32_t)(cap > 64 ? cap * 4 + 8 : 128), &err);
            if (U_SUCCESS(err) && (ol != ul || memcmp(u, o, (size_t)ul * sizeof(UChar)))) {
                int32_t q = 0;
                np__buf_clear(&rep);
                while (q < ol) {
                    UChar32 x;
                    U16_NEXT(o, q, ol, x);
                    np__buf_put_cp(&rep, (uint32_t)x);
                }
                if (rep.oom)
                    goto oom;
                if (!started) {
                    if ((rc = np__tw_begin(&w, t)) != NP_OK)
                        goto fail;
                    started = 1;
                }
                np__tw_edit(&w, seg, e, rep.ptr, rep.len, "nfc");
            }
            if (u != small) {
                np__free(u);
                np__free(o);
                u = small;
                o = osmall;
            }
        }
        i = e;
        seg = e;
    }
    np__buf_free(&rep);
    return started ? np__tw_end(&w) : NP_OK;
oom:
    rc = NP_ENOMEM;
fail:
    if (u != small) {
        np__free(u);
        np__free(o);
    }
    np__buf_free(&rep);
    if (started)
        np__tw_end(&w);
    return rc;
}

/* ------------------------------------------------------------ spaces */

static int word_end_char(const char *s, size_t i)
{
    /* the character ending at s[i-1] is a letter, digit or closing mark */
    unsigned char ch = (unsigned char)s[i - 1];
    size_t k = i;
    uint32_t cp;
    if (ch < 0x80)
        return is_alnum(ch) || ch == ')' || ch == '"' || ch == '\'' || ch == '%';
    cp = np__u8_prev(s, &k);
    return u_isalnum((UChar32)cp) || cp == 0x201D || cp == 0x2019;
}

int np__pass_spaces(np__cleaner *c, np__ttext *t)
{
    const char *s = t->s;
    size_t n = t->n, i = 0, line = 0;
    int ws = !(c->flags & NP_CLEAN_NO_WHITESPACE);
    int ps = !(c->flags & NP_CLEAN_NO_PUNCT_SPACE);
    np__tw w;
    int rc, started = 0;
    if (!ws && !ps)
        return NP_OK;
    while (i < n) {
        size_t a, b;
        char ch = s[i];
        if (ch == '\n') {
            line = ++i;
            continue;
        }
        if (ch != ' ' && ch != '\t') {
            i++;
            continue;
        }
        a = i;
        while (i < n && (s[i] == ' ' || s[i] == '\t'))
            i++;
        b = i;
        {
            const char *rep = NULL;
            const char *rule = "whitespace";
            size_t rl = 0;
            if (ws && (a == line || b == n || s[b] == '\n')) {
                rep = "";
            } else if (ps && a > line && b < n && strchr(",.;:?!", s[b]) &&
                       word_end_char(s, a) &&
                       (b + 1 >= n || s[b + 1] == ' ' || s[b + 1] == '\n' ||
                        s[b + 1] == '"' || (unsigned char)s[b + 1] == 0xE2) &&
                       !(b + 1 < n && s[b + 1] == s[b]) &&
                       (strchr(",.", s[b]) || c->english)) {
                rep = "";
                rule = "punct-space";
            } else if (ws && b - a > 1) {
                rep = " ";
                rl = 1;
            }
            if (rep) {
                if (!started) {
                    if ((rc = np__tw_begin(&w, t)) != NP_OK)
                        return rc;
                    started = 1;
                }
                np__tw_edit(&w, a, b, rep, rl, rule);
            }
        }
    }
    return started ? np__tw_end(&w) : NP_OK;
}

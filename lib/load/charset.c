/* Charset sniffing and decoding to UTF-8 (ICU converters). */
#include <stdio.h>
#include <string.h>

#include <unicode/ucnv.h>
#include <unicode/ustring.h>

#include "util/util.h"
#include "doc/context.h"
#include "load/load.h"

#define NP__PRESCAN 4096

static int lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static int ascii_space(int c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* Case-insensitive search of an ASCII needle in [p, end). */
static const char *find_ci(const char *p, const char *end, const char *needle)
{
    size_t n = strlen(needle);
    for (; p + n <= end; p++) {
        size_t i;
        for (i = 0; i < n && lower((unsigned char)p[i]) == needle[i]; i++)
            ;
        if (i == n)
            return p;
    }
    return NULL;
}

/* Reads a charset name after "charset" at p (skipping spaces, '=' and a
 * quote). Returns its length (0 if none) and sets *name. */
static size_t read_charset(const char *p, const char *end, const char **name)
{
    size_t n = 0;
    while (p < end && ascii_space((unsigned char)*p))
        p++;
    if (p >= end || *p != '=')
        return 0;
    p++;
    while (p < end && ascii_space((unsigned char)*p))
        p++;
    if (p < end && (*p == '"' || *p == '\''))
        p++;
    *name = p;
    while (p + n < end && n < 40) {
        unsigned char c = (unsigned char)p[n];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' ||
              c == ':'))
            break;
        n++;
    }
    return n;
}

/* The charset a <meta> in the first bytes declares, per the prescan of the
 * HTML standard (simplified): <meta charset=X> or a content="...charset=X"
 * attribute of any meta tag. */
static size_t prescan_meta(const char *buf, size_t len, const char **name)
{
    const char *end = buf + (len < NP__PRESCAN ? len : NP__PRESCAN);
    const char *p = buf;
    while ((p = find_ci(p, end, "<meta")) != NULL) {
        const char *tag_end = memchr(p, '>', (size_t)(end - p));
        const char *q;
        if (!tag_end)
            tag_end = end;
        q = p + 5;
        while ((q = find_ci(q, tag_end, "charset")) != NULL) {
            size_t n = read_charset(q + 7, tag_end, name);
            if (n)
                return n;
            q += 7;
        }
        p = tag_end;
    }
    return 0;
}

/* Maps labels to the encoding browsers use for them (WHATWG): Latin-1 and
 * ASCII labels mean windows-1252; a meta UTF-16 label means UTF-8. */
static void canonical_label(const char *in, size_t n, char *out, size_t cap)
{
    size_t i;
    if (n >= cap)
        n = cap - 1;
    for (i = 0; i < n; i++)
        out[i] = (char)lower((unsigned char)in[i]);
    out[n] = '\0';
    if (!strcmp(out, "iso-8859-1") || !strcmp(out, "iso8859-1") ||
        !strcmp(out, "latin1") || !strcmp(out, "latin-1") ||
        !strcmp(out, "l1") || !strcmp(out, "us-ascii") ||
        !strcmp(out, "ascii") || !strcmp(out, "iso_8859-1") ||
        !strcmp(out, "cp1252") || !strcmp(out, "x-cp1252"))
        snprintf(out, cap, "windows-1252");
    else if (!strcmp(out, "utf8") || !strcmp(out, "unicode-1-1-utf-8"))
        snprintf(out, cap, "utf-8");
    else if (!strcmp(out, "gb2312") || !strcmp(out, "x-gbk"))
        snprintf(out, cap, "gbk");
}

static int is_utf8_label(const char *s)
{
    return !strcmp(s, "utf-8");
}

static int has_multibyte(const char *s, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++)
        if ((unsigned char)s[i] >= 0x80)
            return 1;
    return 0;
}

/* UTF-8 with each invalid byte read as windows-1252 (as browsers do with
 * mislabelled pages). */
static int repair_utf8(np__ctx *c, const char *buf, size_t len, np__buf *out)
{
    const unsigned char *p = (const unsigned char *)buf;
    size_t i = 0, run = 0;
    UErrorCode err = U_ZERO_ERROR;
    UConverter *cp1252 = NULL;
    int rc = NP_OK;

    while (i < len) {
        size_t k = p[i] < 0x80 ? 1 : np__utf8_valid_seq(p + i, len - i);
        if (k) {
            i += k;
            continue;
        }
        if (np__buf_put(out, buf + run, i - run) != NP_OK)
            goto oom;
        if (!cp1252) {
            cp1252 = ucnv_open("windows-1252", &err);
            if (U_FAILURE(err)) {
                rc = np__error(c->parser, NP_EENCODING,
                               "cannot open the windows-1252 converter: %s",
                               u_errorName(err));
                goto done;
            }
        }
        {
            UChar u[2];
            const char *src = buf + i;
            UChar *dst = u;
            err = U_ZERO_ERROR;
            ucnv_reset(cp1252);
            ucnv_toUnicode(cp1252, &dst, u + 2, &src, src + 1, NULL, 1, &err);
            if (np__buf_put_cp(out, dst > u && U_SUCCESS(err) ? u[0] : 0xFFFD) != NP_OK)
                goto oom;
        }
        i++;
        run = i;
    }
    if (np__buf_put(out, buf + run, len - run) != NP_OK)
        goto oom;
done:
    if (cp1252)
        ucnv_close(cp1252);
    return rc;
oom:
    rc = np__error(c->parser, NP_ENOMEM, "out of memory while decoding");
    goto done;
}

/* NUL bytes become U+FFFD (as in the HTML standard's tokenizer): libxml2
 * would stop reading at the first one, and every string we hand out is
 * NUL-terminated. */
static int replace_nuls(np__ctx *c, np__buf *out, size_t from)
{
    np__buf b = NP__BUF_INIT;
    size_t i, run;
    if (out->oom || out->len <= from || !memchr(out->ptr + from, 0, out->len - from))
        return NP_OK;
    np__buf_put(&b, out->ptr, from);
    for (i = run = from; i < out->len; i++) {
        if (out->ptr[i])
            continue;
        np__buf_put(&b, out->ptr + run, i - run);
        np__buf_put(&b, "\xEF\xBF\xBD", 3);
        run = i + 1;
    }
    np__buf_put(&b, out->ptr + run, out->len - run);
    if (b.oom) {
        np__buf_free(&b);
        return np__error(c->parser, NP_ENOMEM, "out of memory while decoding");
    }
    np__buf_free(out);
    *out = b;
    return NP_OK;
}

static int convert(np__ctx *c, const char *charset, const char *buf,
                   size_t len, np__buf *out, int valid);

/* valid: whether buf is valid UTF-8, when the caller already knows (1 or
 * 0), else -1. */
static int convert_known(np__ctx *c, const char *charset, const char *buf,
                         size_t len, np__buf *out, int valid)
{
    size_t from = out->len;
    int rc = convert(c, charset, buf, len, out, valid);
    return rc == NP_OK ? replace_nuls(c, out, from) : rc;
}

int np__convert_to_utf8(np__ctx *c, const char *charset, const char *buf,
                        size_t len, np__buf *out)
{
    return convert_known(c, charset, buf, len, out, -1);
}

/* Whether buf is valid UTF-8, validated at most once per page. */
static int utf8_ok(const char *buf, size_t len, int *valid)
{
    if (*valid < 0)
        *valid = np__utf8_valid(buf, len);
    return *valid;
}

static int convert(np__ctx *c, const char *charset, const char *buf,
                   size_t len, np__buf *out, int valid)
{
    UErrorCode err = U_ZERO_ERROR;
    UConverter *cnv;
    UChar ubuf[4096];
    const char *src = buf, *src_end = buf + len;
    int rc = NP_OK;

    if (is_utf8_label(charset)) {
        if (utf8_ok(buf, len, &valid))
            return np__buf_put(out, buf, len) == NP_OK
                       ? NP_OK
                       : np__error(c->parser, NP_ENOMEM, "out of memory");
        return repair_utf8(c, buf, len, out);
    }
    cnv = ucnv_open(charset, &err);
    if (U_FAILURE(err))
        return np__error(c->parser, NP_EENCODING, "unknown charset \"%s\"", charset);
    for (;;) {
        UChar *dst = ubuf;
        UErrorCode e2 = U_ZERO_ERROR;
        char tmp[3 * 4096 + 16];
        int32_t n8 = 0;
        err = U_ZERO_ERROR;
        ucnv_toUnicode(cnv, &dst, ubuf + 4096, &src, src_end, NULL, 1, &err);
        if (U_FAILURE(err) && err != U_BUFFER_OVERFLOW_ERROR) {
            rc = np__error(c->parser, NP_EENCODING, "cannot decode %s: %s",
                           charset, u_errorName(err));
            break;
        }
        u_strToUTF8WithSub(tmp, (int32_t)sizeof(tmp), &n8, ubuf,
                           (int32_t)(dst - ubuf), 0xFFFD, NULL, &e2);
        if (U_FAILURE(e2)) {
            rc = np__error(c->parser, NP_EENCODING, "cannot encode UTF-8: %s",
                           u_errorName(e2));
            break;
        }
        if (np__buf_put(out, tmp, (size_t)n8) != NP_OK) {
            rc = np__error(c->parser, NP_ENOMEM, "out of memory while decoding");
            break;
        }
        if (err != U_BUFFER_OVERFLOW_ERROR)
            break;
    }
    ucnv_close(cnv);
    return rc;
}

/* Whether the bytes can be a page in the UTF-16 or UTF-32 charset a hint
 * names (any other label fits): whole code units, each UTF-32 unit a
 * Unicode scalar value, UTF-16 surrogates in pairs, and, from 64 bytes on,
 * a zero byte somewhere, since a page's markup, spaces and line ends are
 * ASCII, which both write with zero bytes. An ASCII or UTF-8 page under a
 * wrong "UTF-32BE" or "UTF-16" header fails the test and has no zero byte
 * at all. "utf-16" and "utf-32" without a suffix are big-endian, as ICU
 * reads them without a byte order mark. */
static int fits_wide_label(const char *label, const char *buf, size_t len)
{
    const unsigned char *p = (const unsigned char *)buf;
    int w = !strncmp(label, "utf-16", 6) ? 2 : !strncmp(label, "utf-32", 6) ? 4 : 0;
    int le = w && !strcmp(label + 6, "le");
    size_t i, zero = 0;
    uint32_t u, pending = 0;
    if (!w)
        return 1;
    if (len % (size_t)w)
        return 0;
    for (i = 0; i < len; i += (size_t)w) {
        if (w == 4)
            u = le ? (uint32_t)p[i] | (uint32_t)p[i + 1] << 8 |
                         (uint32_t)p[i + 2] << 16 | (uint32_t)p[i + 3] << 24
                   : (uint32_t)p[i] << 24 | (uint32_t)p[i + 1] << 16 |
                         (uint32_t)p[i + 2] << 8 | (uint32_t)p[i + 3];
        else
            u = le ? (uint32_t)p[i] | (uint32_t)p[i + 1] << 8
                   : (uint32_t)p[i] << 8 | (uint32_t)p[i + 1];
        zero += !p[i] || !p[i + 1];
        if (w == 4) {
            if (u > 0x10FFFF || (u >= 0xD800 && u <= 0xDFFF))
                return 0;
        } else if (u >= 0xD800 && u <= 0xDBFF) {
            if (pending)
                return 0;
            pending = 1;
        } else if (u >= 0xDC00 && u <= 0xDFFF) {
            if (!pending)
                return 0;
            pending = 0;
        } else if (pending) {
            return 0;
        }
    }
    return !pending && (len < 64 || zero > 0);
}

int np__decode_html(np__ctx *c, const char *buf, size_t len, np__buf *out)
{
    const unsigned char *p = (const unsigned char *)buf;
    char label[48];
    const char *name;
    size_t n;
    int valid = -1;

    /* 1. A byte order mark decides. */
    if (len >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF)
        return np__convert_to_utf8(c, "utf-8", buf + 3, len - 3, out);
    if (len >= 4 && p[0] == 0xFF && p[1] == 0xFE && p[2] == 0 && p[3] == 0)
        return np__convert_to_utf8(c, "UTF-32LE", buf + 4, len - 4, out);
    if (len >= 4 && p[0] == 0 && p[1] == 0 && p[2] == 0xFE && p[3] == 0xFF)
        return np__convert_to_utf8(c, "UTF-32BE", buf + 4, len - 4, out);
    if (len >= 2 && p[0] == 0xFF && p[1] == 0xFE)
        return np__convert_to_utf8(c, "UTF-16LE", buf + 2, len - 2, out);
    if (len >= 2 && p[0] == 0xFE && p[1] == 0xFF)
        return np__convert_to_utf8(c, "UTF-16BE", buf + 2, len - 2, out);

    /* 2. The caller's hint (a transport-layer charset), unless it names
     * UTF-16 or UTF-32 and the bytes cannot be that (then the page reads
     * as if there were no hint), 3. a <meta>. */
    if (c->parser->charset && *c->parser->charset &&
        (canonical_label(c->parser->charset, strlen(c->parser->charset), label,
                         sizeof(label)),
         fits_wide_label(label, buf, len))) {
        /* the hint's label */
    } else if ((n = prescan_meta(buf, len, &name)) != 0) {
        canonical_label(name, n, label, sizeof(label));
        if (!strncmp(label, "utf-16", 6) || !strncmp(label, "utf-32", 6))
            snprintf(label, sizeof(label), "utf-8");
    } else {
        /* 4. No declaration: UTF-8 if it is valid, else windows-1252. */
        snprintf(label, sizeof(label), "%s",
                 utf8_ok(buf, len, &valid) ? "utf-8" : "windows-1252");
    }

    /* A declaration of another charset over bytes that are valid UTF-8
     * with non-ASCII sequences is a wrong declaration (pages are often
     * re-saved as UTF-8 with their old meta kept): text in a single-byte
     * charset, or in a multi-byte one such as GBK or Shift_JIS, almost
     * never forms valid UTF-8 sequences throughout. UTF-16 and UTF-32 were
     * decided by their BOM above. */
    if (!is_utf8_label(label)) {
        UErrorCode err = U_ZERO_ERROR;
        UConverter *cnv = ucnv_open(label, &err);
        if (cnv)
            ucnv_close(cnv);
        if (U_FAILURE(err)) {
            /* A charset nobody knows (from the page or a header, both
             * written by anyone): read the page as if undeclared. */
            snprintf(label, sizeof(label), "%s",
                     utf8_ok(buf, len, &valid) ? "utf-8" : "windows-1252");
        } else if (has_multibyte(buf, len) && utf8_ok(buf, len, &valid)) {
            snprintf(label, sizeof(label), "utf-8");
        }
    }
    return convert_known(c, label, buf, len, out, valid);
}

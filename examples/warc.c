/*
 * warc: the WARC reader of the newsparse command (see warc.h).
 *
 * Two layers. The stream gives the file's bytes, inflating gzip members one
 * at a time: it stops at the end of each member, so that a record never
 * runs into the next member, and after a corrupt or truncated member it
 * finds the next gzip header. The record layer reads a header block, then
 * exactly Content-Length bytes, then the CRLF CRLF that must follow; when
 * they do not follow (a wrong Content-Length), or the header is garbage, it
 * reports the record and starts again at the next "WARC/" line.
 */
#include "warc.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <newsparse/newsparse.h>
#include <zlib.h>

#define RAW_SIZE 65536
#define BUF_SIZE 65536
#define MAX_HEADER (64 * 1024)      /* a WARC or HTTP header block */
#define HTTP_SLACK (1024 * 1024)    /* room for the HTTP headers over the payload limit */
#define MAX_MEMBER_KEPT (16 * 1024 * 1024)

struct warc_reader {
    FILE *f;
    unsigned char *pre;          /* bytes read again before the file: those read
                                    before warc_open(), or a bad member's */
    size_t pre_len, pre_pos;
    int raw_eof;
    long long raw_off;           /* raw bytes consumed (incl. pre) */
    unsigned char *mem;          /* gz: the current member's raw bytes read so
                                    far, to find the next member in them */
    size_t mem_len;
    int mem_over;                /* more than MAX_MEMBER_KEPT: not kept */

    int gz;
    z_stream z;
    int z_ready;
    unsigned char in[RAW_SIZE];
    long long member_start;      /* raw offset of the current gzip member */
    int member_end;              /* the member ended: no bytes until next_member() */
    int broken;                  /* the member is corrupt: find the next one */
    int pending;                 /* its error is yet to be reported */
    int lost;                    /* reported a line that starts no record: the
                                    lines up to the next "WARC/" are passed over
                                    without another error */

    unsigned char buf[BUF_SIZE]; /* decoded bytes */
    size_t pos, len;
    char *pb;                    /* bytes given back, read again first */
    size_t pb_pos, pb_len;

    char err[160];               /* the stream's error, for the record it cut */
    int nomem;
    size_t max_payload;
    int truncate;
};

/* ------------------------------------------------------------ raw bytes */

static size_t raw_read(warc_reader *r, unsigned char *dst, size_t n)
{
    size_t got = 0;
    while (got < n && r->pre_pos < r->pre_len)
        dst[got++] = r->pre[r->pre_pos++];
    if (got < n && !r->raw_eof) {
        size_t k = fread(dst + got, 1, n - got, r->f);
        if (k < n - got)
            r->raw_eof = 1;
        got += k;
    }
    r->raw_off += (long long)got;
    return got;
}

/* Keeps raw bytes of the current member (see find_member()). */
static void mem_keep(warc_reader *r, const unsigned char *p, size_t n)
{
    unsigned char *nb;
    if (r->mem_over || !n)
        return;
    if (r->mem_len + n > MAX_MEMBER_KEPT ||
        !(nb = realloc(r->mem, r->mem_len + n))) {
        r->mem_over = 1;
        return;
    }
    r->mem = nb;
    memcpy(r->mem + r->mem_len, p, n);
    r->mem_len += n;
}

/* Makes raw input available to inflate; returns the bytes available. */
static size_t raw_fill(warc_reader *r)
{
    if (r->z.avail_in == 0 && !(r->raw_eof && r->pre_pos >= r->pre_len)) {
        r->z.next_in = r->in;
        r->z.avail_in = (uInt)raw_read(r, r->in, RAW_SIZE);
        mem_keep(r, r->in, r->z.avail_in);
    }
    return r->z.avail_in;
}

/* A new member starts at z.next_in: what is kept starts there. */
static void mem_restart(warc_reader *r)
{
    r->mem_over = 0;
    r->mem_len = 0;
    mem_keep(r, r->z.next_in, r->z.avail_in);
}

/* The raw offset of the next byte inflate would read. */
static long long raw_here(const warc_reader *r)
{
    return r->raw_off - (long long)r->z.avail_in;
}

/* After a corrupt member: the next gzip header ("\x1f\x8b\x08") after the
 * start of the bad member, which may lie inside the bytes inflate already
 * read (a truncated member runs into the next one): those are read again.
 * Returns 1 when found. */
static int find_member(warc_reader *r)
{
    if (!r->mem_over && r->mem_len > 1) {
        size_t k, left;
        for (k = 1; k + 2 < r->mem_len; k++)
            if (r->mem[k] == 0x1f && r->mem[k + 1] == 0x8b && r->mem[k + 2] == 0x08)
                break;
        if (k + 2 < r->mem_len) {
            /* read again: from there on, then what is left of `pre` */
            unsigned char *nb;
            left = r->pre_len - r->pre_pos;
            nb = malloc(r->mem_len - k + left);
            if (nb) {
                memcpy(nb, r->mem + k, r->mem_len - k);
                if (left)
                    memcpy(nb + r->mem_len - k, r->pre + r->pre_pos, left);
                free(r->pre);
                r->pre = nb;
                r->pre_pos = 0;
                r->pre_len = r->mem_len - k + left;
                r->raw_off = r->member_start + (long long)k;
                r->z.avail_in = 0;
                r->mem_len = 0;
                r->mem_over = 0;
            }
        } else {
            r->mem_len = 0;   /* not in what was read: look further on */
        }
    }
    for (;;) {
        unsigned char *p;
        if (!raw_fill(r))
            return 0;
        p = memchr(r->z.next_in, 0x1f, r->z.avail_in);
        if (!p) {
            r->z.avail_in = 0;
            continue;
        }
        r->z.avail_in -= (uInt)(p - r->z.next_in);
        r->z.next_in = p;
        if (r->z.avail_in < 3) {
            /* the magic may straddle two reads: keep the tail */
            unsigned char tail[3];
            size_t k = r->z.avail_in, more;
            memcpy(tail, p, k);
            memcpy(r->in, tail, k);
            r->z.next_in = r->in;
            more = raw_read(r, r->in + k, RAW_SIZE - k);
            mem_keep(r, r->in + k, more);
            r->z.avail_in = (uInt)(k + more);
            if (r->z.avail_in < 3)
                return 0;
            p = r->z.next_in;
        }
        if (p[1] == 0x8b && p[2] == 0x08)
            return 1;
        r->z.next_in++;
        r->z.avail_in--;
    }
}

/* ------------------------------------------------------------ the stream */

/* Decoded bytes available: >0, 0 at the end of the member or file, -1 on
 * a corrupt or truncated gzip member (r->err says which). */
static int dec_fill(warc_reader *r)
{
    if (r->pos < r->len)
        return 1;
    r->pos = r->len = 0;
    if (!r->gz) {
        r->len = raw_read(r, r->buf, BUF_SIZE);
        return r->len > 0;
    }
    if (r->pending) {
        r->pending = 0;
        return -1;
    }
    if (r->member_end || r->broken)
        return 0;
    for (;;) {
        int ret;
        size_t made;
        raw_fill(r);
        r->z.next_out = r->buf;
        r->z.avail_out = BUF_SIZE;
        ret = inflate(&r->z, Z_NO_FLUSH);
        made = BUF_SIZE - r->z.avail_out;
        if (ret == Z_STREAM_END)
            r->member_end = 1;
        else if (ret == Z_MEM_ERROR) {
            r->nomem = 1;
            r->broken = 1;
            snprintf(r->err, sizeof r->err, "out of memory");
            return -1;
        } else if (ret != Z_OK && ret != Z_BUF_ERROR) {
            /* the bytes before the error are given first */
            r->broken = 1;
            snprintf(r->err, sizeof r->err, "corrupt or truncated gzip member at offset "
                     "%lld: %s", r->member_start, r->z.msg ? r->z.msg : "bad data");
            if (!made)
                return -1;
            r->pending = 1;
            r->len = made;
            return 1;
        } else if (made == 0 && r->z.avail_in == 0 && r->raw_eof &&
                   r->pre_pos >= r->pre_len) {
            r->broken = 1;
            snprintf(r->err, sizeof r->err, "truncated gzip member at offset %lld "
                     "(the file ends inside it)", r->member_start);
            return -1;
        }
        if (made) {
            r->len = made;
            return 1;
        }
        if (r->member_end)
            return 0;
    }
}

/* Moves to the next gzip member (after the end of one, or a corrupt one).
 * Returns 1 if there is one, 0 at the end of the file. Plain files have
 * one "member". */
static int next_member(warc_reader *r)
{
    if (!r->gz)
        return 0;
    if (r->broken) {
        if (!find_member(r))
            return 0;
    } else if (!r->member_end || !raw_fill(r)) {
        return 0;
    }
    r->member_start = raw_here(r);
    mem_restart(r);
    inflateReset(&r->z);
    r->member_end = r->broken = r->pending = 0;
    return 1;
}

/* One byte, or -1 at the end of the member or file, -2 on a stream error. */
static int get_byte(warc_reader *r)
{
    int k;
    if (r->pb_pos < r->pb_len)
        return (unsigned char)r->pb[r->pb_pos++];
    k = dec_fill(r);
    if (k < 0)
        return -2;
    if (k == 0)
        return -1;
    return r->buf[r->pos++];
}

/* Reads up to n bytes into dst (NULL: skips them). Returns the count, less
 * than n at the end of the member or file or on a stream error. */
static size_t get_bytes(warc_reader *r, char *dst, size_t n)
{
    size_t got = 0;
    while (got < n) {
        size_t k;
        if (r->pb_pos < r->pb_len) {
            k = r->pb_len - r->pb_pos;
            if (k > n - got)
                k = n - got;
            if (dst)
                memcpy(dst + got, r->pb + r->pb_pos, k);
            r->pb_pos += k;
            got += k;
            continue;
        }
        if (dec_fill(r) <= 0)
            break;
        k = r->len - r->pos;
        if (k > n - got)
            k = n - got;
        if (dst)
            memcpy(dst + got, r->buf + r->pos, k);
        r->pos += k;
        got += k;
    }
    return got;
}

/* Gives bytes back: they are read again before the stream. */
static int give_back(warc_reader *r, const char *p, size_t n)
{
    size_t left = r->pb_len - r->pb_pos;
    char *nb = malloc(n + left + 1);
    if (!nb) {
        r->nomem = 1;
        return -1;
    }
    memcpy(nb, p, n);
    if (left)
        memcpy(nb + n, r->pb + r->pb_pos, left);
    free(r->pb);
    r->pb = nb;
    r->pb_pos = 0;
    r->pb_len = n + left;
    return 0;
}

/* A line (with its "\n") appended to *line; returns its length, 0 at the
 * end, -1 when it is longer than `max` or on a stream error. */
static long get_line(warc_reader *r, char *line, size_t max)
{
    size_t n = 0;
    int c;
    while (n < max) {
        c = get_byte(r);
        if (c == -2)
            return -1;
        if (c < 0)
            return (long)n;
        line[n++] = (char)c;
        if (c == '\n')
            return (long)n;
    }
    return -1;
}

/* ------------------------------------------------------------ helpers */

int warc_name(const char *path)
{
    size_t n = strlen(path);
    if (n >= 5 && !strcasecmp(path + n - 5, ".warc"))
        return 1;
    return n >= 8 && !strcasecmp(path + n - 8, ".warc.gz");
}

int warc_sniff(const unsigned char *buf, size_t len)
{
    unsigned char out[8];
    z_stream z;
    int ret;
    if (len >= 5 && !memcmp(buf, "WARC/", 5))
        return 1;
    if (len < 3 || buf[0] != 0x1f || buf[1] != 0x8b || buf[2] != 0x08)
        return 0;
    memset(&z, 0, sizeof z);
    if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK)
        return 0;
    z.next_in = (unsigned char *)buf;
    z.avail_in = (uInt)len;
    z.next_out = out;
    z.avail_out = 5;
    ret = inflate(&z, Z_NO_FLUSH);
    ret = (ret == Z_OK || ret == Z_STREAM_END || ret == Z_BUF_ERROR) &&
          z.avail_out == 0 && !memcmp(out, "WARC/", 5);
    inflateEnd(&z);
    return ret;
}

static char *dup_n(const char *s, size_t n)
{
    char *d = malloc(n + 1);
    if (d) {
        memcpy(d, s, n);
        d[n] = '\0';
    }
    return d;
}

/* The value of a header line "Name: value" if its name is `name`, trimmed;
 * NULL otherwise. */
static const char *header_value(const char *line, size_t len, const char *name,
                                size_t *vlen)
{
    size_t n = strlen(name);
    const char *v, *end = line + len;
    if (len <= n || strncasecmp(line, name, n) != 0 || line[n] != ':')
        return NULL;
    v = line + n + 1;
    while (v < end && (*v == ' ' || *v == '\t'))
        v++;
    while (end > v && (end[-1] == '\r' || end[-1] == '\n' || end[-1] == ' ' ||
                       end[-1] == '\t'))
        end--;
    *vlen = (size_t)(end - v);
    return v;
}

static void set_error(warc_record *rec, int code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void set_error(warc_record *rec, int code, const char *fmt, ...)
{
    va_list ap;
    rec->kind = WARC_ERROR;
    rec->code = code;
    va_start(ap, fmt);
    vsnprintf(rec->message, sizeof rec->message, fmt, ap);
    va_end(ap);
}

/* The media type of a Content-Type value, lower-cased, into out; and its
 * charset parameter, if any, into *charset (allocated). */
static int media_type(const char *v, size_t n, char *out, size_t outsz, char **charset)
{
    size_t i = 0, k = 0;
    while (i < n && v[i] != ';' && k + 1 < outsz) {
        if (!isspace((unsigned char)v[i]))
            out[k++] = (char)tolower((unsigned char)v[i]);
        i++;
    }
    out[k] = '\0';
    while (i < n) {
        /* ; name=value */
        size_t s, e;
        while (i < n && (v[i] == ';' || v[i] == ' ' || v[i] == '\t'))
            i++;
        s = i;
        while (i < n && v[i] != '=' && v[i] != ';')
            i++;
        if (i < n && v[i] == '=' && i - s == 7 && !strncasecmp(v + s, "charset", 7)) {
            i++;
            if (i < n && v[i] == '"')
                i++;
            s = i;
            while (i < n && v[i] != ';' && v[i] != '"' && v[i] != ' ' && v[i] != '\t')
                i++;
            e = i;
            if (e > s && e - s < 64 && !*charset && !(*charset = dup_n(v + s, e - s)))
                return -1;
        }
        while (i < n && v[i] != ';')
            i++;
    }
    return 0;
}

/* ------------------------------------------------------------ payloads */

/* Undoes "Transfer-Encoding: chunked" in place. Returns the new length, or
 * (size_t)-1 when the chunks are malformed. */
static size_t unchunk(char *p, size_t n)
{
    size_t in = 0, out = 0;
    for (;;) {
        size_t size = 0, digits = 0;
        while (in < n && isxdigit((unsigned char)p[in])) {
            int c = tolower((unsigned char)p[in++]);
            if (size > (SIZE_MAX >> 4))
                return (size_t)-1;
            size = size * 16 + (size_t)(c <= '9' ? c - '0' : c - 'a' + 10);
            digits++;
        }
        if (!digits)
            return (size_t)-1;
        while (in < n && p[in] != '\n')   /* chunk extensions, CR */
            in++;
        if (in >= n)
            return (size_t)-1;
        in++;
        if (size == 0)
            return out;
        if (size > n - in)
            return (size_t)-1;
        memmove(p + out, p + in, size);
        out += size;
        in += size;
        if (in < n && p[in] == '\r')
            in++;
        if (in < n && p[in] == '\n')
            in++;
    }
}

/* Inflates a gzip, zlib or raw deflate body into a new buffer, no more than
 * `max` bytes of it. Returns 0, -1 if it is not valid, -2 out of memory. */
static int inflate_body(const char *p, size_t n, size_t max, char **out, size_t *outlen)
{
    int attempt;
    for (attempt = 0; attempt < 2; attempt++) {
        z_stream z;
        size_t cap = n * 4 + 4096, len = 0;
        char *b;
        int ret = Z_OK;
        memset(&z, 0, sizeof z);
        /* gzip or zlib first; raw deflate, which some servers send as
         * "deflate", second */
        if (inflateInit2(&z, attempt == 0 ? 32 + MAX_WBITS : -MAX_WBITS) != Z_OK)
            return -2;
        if (cap > max + 1)
            cap = max + 1;
        if (!(b = malloc(cap + 1))) {
            inflateEnd(&z);
            return -2;
        }
        z.next_in = (unsigned char *)p;
        z.avail_in = (uInt)n;
        while (ret == Z_OK && len <= max) {
            if (len == cap) {
                char *nb;
                cap = cap > max / 2 ? max + 1 : cap * 2;
                if (!(nb = realloc(b, cap + 1))) {
                    free(b);
                    inflateEnd(&z);
                    return -2;
                }
                b = nb;
            }
            z.next_out = (unsigned char *)b + len;
            z.avail_out = (uInt)(cap - len);
            ret = inflate(&z, Z_NO_FLUSH);
            len = cap - z.avail_out;
            if (ret == Z_BUF_ERROR && len < cap)
                break;   /* the input ends before the stream does */
        }
        inflateEnd(&z);
        if (ret == Z_STREAM_END || (ret == Z_OK && len > max)) {
            b[len] = '\0';
            *out = b;
            *outlen = len;
            return 0;
        }
        free(b);
    }
    return -1;
}

/* The page of a response record's block: its HTTP body, decoded, when it
 * is HTML. Takes over `block`. */
static int take_payload(warc_reader *r, warc_record *rec, const char *warc_type_v,
                        size_t warc_type_n, char *block, size_t n)
{
    char mime[96] = "", *body, *p = block, *end = block + n;
    int chunked = 0, encoded = 0;
    size_t blen;
    if (warc_type_n >= 16 && !strncasecmp(warc_type_v, "application/http", 16)) {
        /* the HTTP status line and headers */
        char *hdr_end = NULL, *q;
        if (n < 5 || strncmp(block, "HTTP/", 5) != 0) {
            set_error(rec, NP_EPARSE, "response record without an HTTP status line");
            free(block);
            return 0;
        }
        for (q = block; q < end && (size_t)(q - block) < MAX_HEADER; q++) {
            if (*q == '\n' && ((q + 1 < end && q[1] == '\n') ||
                               (q + 2 < end && q[1] == '\r' && q[2] == '\n'))) {
                hdr_end = q + 1;
                break;
            }
        }
        if (!hdr_end) {
            set_error(rec, NP_EPARSE, "response record without the end of its HTTP headers");
            free(block);
            return 0;
        }
        body = hdr_end + (*hdr_end == '\r' ? 2 : 1);
        for (p = (char *)memchr(block, '\n', (size_t)(hdr_end - block)) + 1; p < hdr_end;) {
            char *nl = memchr(p, '\n', (size_t)(hdr_end - p));
            size_t ll = nl ? (size_t)(nl - p) : (size_t)(hdr_end - p), vl;
            const char *v;
            if ((v = header_value(p, ll, "Content-Type", &vl)) != NULL && !mime[0]) {
                if (media_type(v, vl, mime, sizeof mime, &rec->charset) != 0) {
                    free(block);
                    return NP_ENOMEM;
                }
            } else if ((v = header_value(p, ll, "Transfer-Encoding", &vl)) != NULL) {
                chunked = vl >= 7 && !strncasecmp(v + vl - 7, "chunked", 7);
            } else if ((v = header_value(p, ll, "Content-Encoding", &vl)) != NULL) {
                if ((vl == 4 && !strncasecmp(v, "gzip", 4)) ||
                    (vl == 6 && !strncasecmp(v, "x-gzip", 6)) ||
                    (vl == 7 && !strncasecmp(v, "deflate", 7)))
                    encoded = 1;
                else if (!(vl == 8 && !strncasecmp(v, "identity", 8))) {
                    set_error(rec, NP_EINVAL, "unsupported Content-Encoding: %.*s",
                              (int)(vl < 40 ? vl : 40), v);
                    free(block);
                    return 0;
                }
            }
            p += ll + 1;
        }
    } else {
        /* a response of another protocol: the block is the payload */
        if (media_type(warc_type_v, warc_type_n, mime, sizeof mime, &rec->charset) != 0) {
            free(block);
            return NP_ENOMEM;
        }
        body = block;
    }
    blen = (size_t)(end - body);
    memmove(block, body, blen);
    if (chunked && (blen = unchunk(block, blen)) == (size_t)-1) {
        set_error(rec, NP_EPARSE, "malformed chunked transfer encoding");
        free(block);
        return 0;
    }
    if (encoded) {
        char *plain;
        size_t plen;
        int rc = inflate_body(block, blen, r->max_payload, &plain, &plen);
        free(block);
        if (rc == -2)
            return NP_ENOMEM;
        if (rc != 0) {
            set_error(rec, NP_EPARSE, "the compressed payload (Content-Encoding) is corrupt");
            return 0;
        }
        block = plain;
        blen = plen;
    }
    block[blen] = '\0';
    if (mime[0] ? strcmp(mime, "text/html") != 0 && strcmp(mime, "application/xhtml+xml") != 0
                : !np_looks_like_html(block, blen)) {
        set_error(rec, NP_EINVAL, "the payload is %s, not HTML",
                  mime[0] ? mime : "not HTML either by its type or its content");
        free(block);
        return 0;
    }
    rec->kind = WARC_PAGE;
    rec->payload = block;
    rec->len = blen;
    return 0;
}

/* ------------------------------------------------------------ records */

/* After a bad record: the record starts again at the next "WARC/" line,
 * looked for first in `seen` (the bytes read as the bad record's block),
 * then further on, up to the end of the gzip member. */
static void resync(warc_reader *r, const char *seen, size_t n)
{
    char line[512];
    size_t i;
    for (i = 0; seen && i + 6 <= n; i++) {
        if (seen[i] == '\n' && !memcmp(seen + i + 1, "WARC/", 5)) {
            give_back(r, seen + i + 1, n - i - 1);
            return;
        }
    }
    for (;;) {
        long k = get_line(r, line, sizeof line - 1);
        if (k == 0)
            return;
        if (k > 0 && line[k - 1] == '\n') {
            /* a whole line: is it a header's first? */
            if (k >= 5 && !memcmp(line, "WARC/", 5)) {
                give_back(r, line, (size_t)k);
                return;
            }
        } else if (k < 0) {
            /* a long line: read on to its end */
            int c;
            while ((c = get_byte(r)) >= 0 && c != '\n')
                ;
            if (c < 0)
                return;
        }
    }
}

/* Keeps a header's value (allocated) unless it was already set. */
static int keep(char **dst, const char *v, size_t n)
{
    if (*dst)
        return 0;
    if (n >= 2 && v[0] == '<' && v[n - 1] == '>') {
        v++;
        n -= 2;
    }
    return (*dst = dup_n(v, n)) ? 0 : -1;
}

int warc_next(warc_reader *r, warc_record *rec)
{
    char *hdr = NULL, *block = NULL, trailer[4];
    const char *ctype = NULL, *wtype = NULL;
    size_t ctype_n = 0, wtype_n = 0, hlen = 0, got;
    unsigned long long clen = 0;
    int have_len = 0, cut, c, rc;

    memset(rec, 0, sizeof *rec);
again:
    if (r->nomem)
        return NP_ENOMEM;
    /* between records: blank lines, the ends of gzip members */
    for (;;) {
        c = get_byte(r);
        if (c == '\r' || c == '\n')
            continue;
        if (c == -2) {
            set_error(rec, NP_EPARSE, "%s", r->err);
            next_member(r);
            return 1;
        }
        if (c == -1) {
            if (next_member(r))
                continue;
            return 0;
        }
        break;
    }
    if (!(hdr = malloc(MAX_HEADER + 1)))
        return NP_ENOMEM;
    hdr[0] = (char)c;
    hlen = 1;
    /* the header block, up to its empty line */
    for (;;) {
        long k = get_line(r, hdr + hlen, MAX_HEADER - hlen);
        const char *line = hdr + hlen;
        size_t vl;
        const char *v;
        if (k <= 0 || line[k - 1] != '\n') {
            if (r->broken)
                set_error(rec, NP_EPARSE, "%s", r->err);
            else if (k < 0)
                set_error(rec, NP_EPARSE, "a WARC header longer than %d bytes", MAX_HEADER);
            else
                set_error(rec, NP_EPARSE, "a WARC header cut short");
            hlen += (size_t)(k > 0 ? k : 0);
            break;
        }
        if (hlen == 1) {
            /* the first line, with the byte read before it */
            if (k + 1 < 5 || memcmp(hdr, "WARC/", 5) != 0) {
                int i, m = (int)(k + 1 < 24 ? k + 1 : 24);
                if (r->lost) {
                    /* the same run of text that is no record: one error
                     * for all of it, not one per line */
                    free(hdr);
                    hdr = NULL;
                    hlen = 0;
                    goto again;
                }
                r->lost = 1;
                for (i = 0; i < m; i++)
                    if (!isprint((unsigned char)hdr[i]))
                        hdr[i] = '?';
                set_error(rec, NP_EPARSE, "not a WARC record: it starts with '%.*s'",
                          m, hdr);
                hlen += (size_t)k;
                break;
            }
            r->lost = 0;
            hlen += (size_t)k;
            continue;
        }
        if (k <= 2 && (line[0] == '\n' || line[0] == '\r')) {
            hlen += (size_t)k;
            break;   /* the end of the header */
        }
        if ((v = header_value(line, (size_t)k, "WARC-Type", &vl)) != NULL) {
            wtype = v;
            wtype_n = vl;
        } else if ((v = header_value(line, (size_t)k, "WARC-Target-URI", &vl)) != NULL) {
            if (keep(&rec->target_uri, v, vl) != 0)
                goto oom;
        } else if ((v = header_value(line, (size_t)k, "WARC-Date", &vl)) != NULL) {
            if (!rec->date && !(rec->date = dup_n(v, vl)))
                goto oom;
        } else if ((v = header_value(line, (size_t)k, "WARC-Record-ID", &vl)) != NULL) {
            if (!rec->record_id && !(rec->record_id = dup_n(v, vl)))
                goto oom;
        } else if ((v = header_value(line, (size_t)k, "Content-Type", &vl)) != NULL) {
            ctype = v;
            ctype_n = vl;
        } else if ((v = header_value(line, (size_t)k, "Content-Length", &vl)) != NULL) {
            char *e;
            char num[32];
            if (vl == 0 || vl >= sizeof num || !isdigit((unsigned char)v[0])) {
                set_error(rec, NP_EPARSE, "a bad Content-Length: '%.*s'",
                          (int)(vl < 24 ? vl : 24), v);
                hlen += (size_t)k;
                break;
            }
            memcpy(num, v, vl);
            num[vl] = '\0';
            errno = 0;
            clen = strtoull(num, &e, 10);
            if (*e || errno) {
                set_error(rec, NP_EPARSE, "a bad Content-Length: '%s'", num);
                hlen += (size_t)k;
                break;
            }
            have_len = 1;
        }
        hlen += (size_t)k;
    }
    if (rec->kind == WARC_ERROR) {
        if (r->broken) {
            next_member(r);
        } else {
            /* the next header may start inside what was read */
            resync(r, hdr, hlen);
        }
        free(hdr);
        return 1;
    }
    if (!have_len) {
        set_error(rec, NP_EPARSE, "a WARC record without a Content-Length");
        resync(r, hdr, hlen);
        free(hdr);
        return 1;
    }

    /* the block: kept for a response, skipped for the other types */
    {
        int response = wtype && wtype_n == 8 && !strncasecmp(wtype, "response", 8);
        size_t limit = r->max_payload + HTTP_SLACK, want;
        if (response && clen > limit && !r->truncate) {
            set_error(rec, NP_ELIMIT, "the record is %llu bytes, the limit is %zu",
                      clen, limit);
            response = 0;   /* skipped, then checked as any other */
        }
        want = response ? (clen > limit ? limit : (size_t)clen) : 0;
        if (response && !(block = malloc(want + 1)))
            goto oom;
        got = response ? get_bytes(r, block, want) : 0;
        cut = got < want;
        if (!cut && clen > want) {
            unsigned long long left = clen - want;
            while (left > 0 && !cut) {
                size_t step = left > BUF_SIZE ? BUF_SIZE : (size_t)left;
                size_t k = get_bytes(r, NULL, step);
                left -= k;
                cut = k < step;
            }
        }
        if (cut || r->broken) {
            if (r->broken) {
                set_error(rec, NP_EPARSE, "%s", r->err);
                next_member(r);
            } else {
                set_error(rec, NP_EPARSE, "the record ends before its Content-Length of "
                          "%llu bytes (a wrong Content-Length, or a truncated file)", clen);
                resync(r, block, got);
            }
            free(block);
            free(hdr);
            return 1;
        }
        /* CRLF CRLF must follow */
        got = get_bytes(r, trailer, 4);
        if (got != 4 || memcmp(trailer, "\r\n\r\n", 4) != 0) {
            if (r->broken) {
                set_error(rec, NP_EPARSE, "%s", r->err);
                next_member(r);
            } else {
                set_error(rec, NP_EPARSE, "the record is not followed by CRLF CRLF: its "
                          "Content-Length (%llu) is wrong", clen);
                if (block) {
                    char *both = realloc(block, want + got + 1);
                    if (!both)
                        goto oom;
                    block = both;
                    memcpy(block + want, trailer, got);
                    resync(r, block, want + got);
                } else {
                    give_back(r, trailer, got);
                    resync(r, NULL, 0);
                }
            }
            free(block);
            free(hdr);
            return 1;
        }
        if (rec->kind == WARC_ERROR) {
            free(block);
            free(hdr);
            return 1;
        }
        if (!response) {
            free(hdr);
            free(rec->target_uri);
            free(rec->date);
            free(rec->record_id);
            memset(rec, 0, sizeof *rec);
            hdr = NULL;
            ctype = wtype = NULL;
            ctype_n = wtype_n = 0;
            have_len = 0;
            goto again;
        }
        rc = take_payload(r, rec, ctype ? ctype : "", ctype ? ctype_n : 0, block, want);
        free(hdr);
        if (rc != 0) {
            warc_record_clear(rec);
            return rc;
        }
        return 1;
    }
oom:
    free(block);
    free(hdr);
    warc_record_clear(rec);
    return NP_ENOMEM;
}

void warc_record_clear(warc_record *rec)
{
    free(rec->target_uri);
    free(rec->date);
    free(rec->record_id);
    free(rec->payload);
    free(rec->charset);
    memset(rec, 0, sizeof *rec);
}

int warc_open(warc_reader **out, FILE *f, const unsigned char *pre, size_t pre_len,
              size_t max_payload, int truncate)
{
    warc_reader *r = calloc(1, sizeof *r);
    unsigned char peek[3];
    size_t n;
    *out = NULL;
    if (!r)
        return NP_ENOMEM;
    r->f = f;
    r->max_payload = max_payload;
    r->truncate = truncate;
    if (pre_len) {
        if (!(r->pre = malloc(pre_len))) {
            free(r);
            return NP_ENOMEM;
        }
        memcpy(r->pre, pre, pre_len);
        r->pre_len = pre_len;
    }
    /* gzip or plain, from the first bytes */
    n = raw_read(r, peek, 3);
    r->gz = n == 3 && peek[0] == 0x1f && peek[1] == 0x8b && peek[2] == 0x08;
    if (r->gz) {
        if (inflateInit2(&r->z, 16 + MAX_WBITS) != Z_OK) {
            free(r->pre);
            free(r);
            return NP_ENOMEM;
        }
        r->z_ready = 1;
        memcpy(r->in, peek, n);
        r->z.next_in = r->in;
        r->z.avail_in = (uInt)n;
        mem_keep(r, r->in, n);
    } else {
        memcpy(r->buf, peek, n);
        r->len = n;
    }
    *out = r;
    return NP_OK;
}

void warc_close(warc_reader *r)
{
    if (!r)
        return;
    if (r->z_ready)
        inflateEnd(&r->z);
    free(r->pb);
    free(r->pre);
    free(r->mem);
    free(r);
}

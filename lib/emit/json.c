/* JSON and plain-text output. */
#include <stdlib.h>
#include <string.h>

#include "util/util.h"
#include "doc/document.h"
#include "emit/emit.h"

/* The JSON is written straight into a buffer, byte for byte what
 * jansson's json_dumps() wrote for the same document (compact, or
 * JSON_INDENT(2) when pretty): keys in insertion order, '"' '\\' and the
 * control characters escaped (\b \f \n \r \t, else \u00XX in capitals),
 * everything else ('/', U+2028, U+2029, DEL) as it is. Building jansson
 * objects and dumping them cost about 117 instructions per output byte. */

#define JW_MAXDEPTH 8

typedef struct jw {
    np__buf b;
    int pretty;
    int depth;                   /* of the open container */
    size_t count[JW_MAXDEPTH];   /* items written in each open container */
    int bad;                     /* NP_OK, or why the text cannot be
                                    written: NP_EENCODING for a string that
                                    is not UTF-8 (jansson refused those),
                                    NP_ERROR for nesting past JW_MAXDEPTH */
} jw;

static void jw_indent(jw *w, int depth)
{
    static const char spaces[] = "                                ";
    size_t n = (size_t)depth * 2;
    if (!w->pretty)
        return;
    np__buf_putc(&w->b, '\n');
    while (n > 0) {
        size_t k = n < sizeof spaces - 1 ? n : sizeof spaces - 1;
        np__buf_put(&w->b, spaces, k);
        n -= k;
    }
}

/* Before an item of the open container: a comma after the first. */
static void jw_item(jw *w)
{
    if (w->depth < 0)
        return;
    if (w->count[w->depth]++)
        np__buf_putc(&w->b, ',');
    jw_indent(w, w->depth + 1);
}

static void jw_open(jw *w, char c)
{
    np__buf_putc(&w->b, c);
    w->depth++;
    if (w->depth >= JW_MAXDEPTH) {
        w->bad = NP_ERROR;   /* a bug of this file: build() nests 4 deep */
        w->depth = JW_MAXDEPTH - 1;
    }
    w->count[w->depth] = 0;
}

static void jw_close(jw *w, char c)
{
    if (w->count[w->depth])
        jw_indent(w, w->depth);
    np__buf_putc(&w->b, c);
    w->depth--;
}

/* The escaped bytes of valid UTF-8, in quotes. */
/* Whether any byte of x is below 0x20, '"' or '\\' (exact: the tests for
 * a zero byte and for a byte below n <= 128 have no false positives). */
static int jw_word_special(uint64_t x)
{
    const uint64_t ones = UINT64_C(0x0101010101010101);
    const uint64_t high = UINT64_C(0x8080808080808080);
    uint64_t q = x ^ (ones * '"'), b = x ^ (ones * '\\');
    return (((x - ones * 0x20) & ~x) | ((q - ones) & ~q) | ((b - ones) & ~b))
           & high ? 1 : 0;
}

static void jw_escaped(jw *w, const char *s, size_t n)
{
    static const char hex[] = "0123456789ABCDEF";
    size_t i, run = 0;
    np__buf_putc(&w->b, '"');
    for (i = 0; i < n; i++) {
        unsigned char c;
        char e[6];
        size_t k = 2;
        if (n - i >= 8) {     /* eight plain bytes at a time */
            uint64_t x;
            memcpy(&x, s + i, 8);
            if (!jw_word_special(x)) {
                i += 7;       /* the loop adds the eighth */
                continue;
            }
        }
        c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        np__buf_put(&w->b, s + run, i - run);
        run = i + 1;
        e[0] = '\\';
        switch (c) {
        case '"': e[1] = '"'; break;
        case '\\': e[1] = '\\'; break;
        case '\b': e[1] = 'b'; break;
        case '\f': e[1] = 'f'; break;
        case '\n': e[1] = 'n'; break;
        case '\r': e[1] = 'r'; break;
        case '\t': e[1] = 't'; break;
        default:
            e[1] = 'u';
            e[2] = '0';
            e[3] = '0';
            e[4] = hex[c >> 4];
            e[5] = hex[c & 15];
            k = 6;
            break;
        }
        np__buf_put(&w->b, e, k);
    }
    np__buf_put(&w->b, s + run, n - run);
    np__buf_putc(&w->b, '"');
}

/* A string of n bytes that must be valid UTF-8 (as json_stringn()
 * required: the document is not written otherwise). */
static void jw_strn(jw *w, const char *s, size_t n)
{
    if (!s || !np__utf8_valid(s, n)) {
        if (w->bad == NP_OK)
            w->bad = NP_EENCODING;
        return;
    }
    jw_escaped(w, s, n);
}

/* A string, or null for NULL; invalid UTF-8 (which the stages never
 * produce) is written with U+FFFD rather than dropped. */
static void jw_str(jw *w, const char *s)
{
    size_t n, i = 0;
    np__buf r = NP__BUF_INIT;
    if (!s) {
        np__buf_put(&w->b, "null", 4);
        return;
    }
    n = strlen(s);
    if (np__utf8_valid(s, n)) {
        jw_escaped(w, s, n);
        return;
    }
    while (i < n)
        np__buf_put_cp(&r, np__utf8_next(s, n, &i));
    if (r.oom)
        w->b.oom = 1;
    else
        jw_escaped(w, np__buf_cstr(&r), r.len);
    np__buf_free(&r);
}

static void jw_int(jw *w, long long v)
{
    char t[24];
    size_t k = sizeof t;
    unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v
                                 : (unsigned long long)v;
    do {
        t[--k] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        t[--k] = '-';
    np__buf_put(&w->b, t + k, sizeof t - k);
}

/* The key of the next member of the open object (plain ASCII). */
static void jw_key(jw *w, const char *key)
{
    jw_item(w);
    np__buf_putc(&w->b, '"');
    np__buf_puts(&w->b, key);
    np__buf_put(&w->b, w->pretty ? "\": " : "\":", w->pretty ? 3 : 2);
}

static void kv_str(jw *w, const char *key, const char *s)
{
    jw_key(w, key);
    jw_str(w, s);
}

static void kv_int(jw *w, const char *key, long long v)
{
    jw_key(w, key);
    jw_int(w, v);
}

static void build(jw *w, const np_document *d, const char *source,
                  uint32_t flags)
{
    size_t i, j;
    jw_open(w, '{');
    kv_int(w, "schema", 1);
    if (source)
        kv_str(w, "source", source);
    for (i = 0; i < NP__NFIELDS; i++) {
        if (i == NP__AUTHORS)
            continue;
        kv_str(w, np__field_names[i], d->meta[i]);
        if (i == NP__DESCRIPTION) {
            jw_key(w, "authors");
            jw_open(w, '[');
            for (j = 0; j < d->authors.len; j++) {
                jw_item(w);
                jw_str(w, ((const char **)d->authors.ptr)[j]);
            }
            jw_close(w, ']');
        }
    }
    jw_key(w, "is_article");
    np__buf_puts(&w->b, d->is_article ? "true" : "false");
    if (d->truncated) {
        jw_key(w, "truncated");
        np__buf_puts(&w->b, "true");
    }
    kv_int(w, "word_count", (long long)d->word_count);
    jw_key(w, "body");
    jw_strn(w, d->body, d->body_len);

    if (!(flags & NP_JSON_NO_BLOCKS)) {
        jw_key(w, "blocks");
        jw_open(w, '[');
        for (i = 0; i < d->blocks.len; i++) {
            const np__block *b = np__vec_at(&d->blocks, i);
            if (!b->len)
                continue;
            jw_item(w);
            jw_open(w, '{');
            kv_str(w, "kind", np_block_kind_name(b->kind));
            jw_key(w, "text");
            jw_strn(w, b->text, b->len);
            kv_int(w, "start", (long long)b->start);
            if (b->image >= 0)
                kv_int(w, "image", b->image);
            jw_close(w, '}');
        }
        jw_close(w, ']');
    }
    if (!(flags & NP_JSON_NO_IMAGES)) {
        jw_key(w, "images");
        jw_open(w, '[');
        for (i = 0; i < d->images.len; i++) {
            const np__image *im = np__vec_at(&d->images, i);
            jw_item(w);
            jw_open(w, '{');
            kv_str(w, "src", im->src);
            kv_str(w, "caption", im->caption);
            kv_str(w, "credit", im->credit);
            jw_close(w, '}');
        }
        jw_close(w, ']');
    }

    jw_key(w, "entities");
    jw_open(w, '[');
    for (i = 0; i < d->entities.len; i++) {
        const np_entity *e = np__vec_at(&d->entities, i);
        jw_item(w);
        jw_open(w, '{');
        kv_str(w, "name", e->name);
        kv_str(w, "type", np_entity_type_name(e->type));
        kv_int(w, "count", (long long)e->n_mentions);
        if (e->role)
            kv_str(w, "role", e->role);
        jw_key(w, "mentions");
        jw_open(w, '[');
        for (j = 0; j < e->n_mentions; j++) {
            jw_item(w);
            jw_open(w, '{');
            kv_int(w, "start", (long long)e->spans[2 * j]);
            kv_int(w, "end", (long long)e->spans[2 * j + 1]);
            jw_close(w, '}');
        }
        jw_close(w, ']');
        jw_close(w, '}');
    }
    jw_close(w, ']');

    jw_key(w, "quotes");
    jw_open(w, '[');
    for (i = 0; i < d->quotes.len; i++) {
        const np_quote *q = np__vec_at(&d->quotes, i);
        jw_item(w);
        jw_open(w, '{');
        kv_str(w, "text", q->text);
        kv_str(w, "speaker", q->speaker);
        jw_key(w, "speaker_entity");
        if (q->speaker_entity >= 0)
            jw_int(w, q->speaker_entity);
        else
            np__buf_put(&w->b, "null", 4);
        kv_str(w, "cue", q->cue);
        kv_int(w, "start", (long long)q->start);
        kv_int(w, "end", (long long)q->end);
        kv_str(w, "kind", q->kind == NP_QUOTE_PARTIAL ? "partial" : "direct");
        jw_close(w, '}');
    }
    jw_close(w, ']');

    jw_key(w, "fixes");
    jw_open(w, '[');
    for (i = 0; i < d->fixes.len; i++) {
        const np_fix *f = np__vec_at(&d->fixes, i);
        jw_item(w);
        jw_open(w, '{');
        kv_str(w, "rule", f->rule);
        kv_str(w, "before", f->before);
        kv_str(w, "after", f->after);
        kv_int(w, "start", (long long)f->start);
        kv_int(w, "end", (long long)f->end);
        jw_close(w, '}');
    }
    jw_close(w, ']');

    if (!(flags & NP_JSON_NO_SOURCES)) {
        jw_key(w, "sources");
        jw_open(w, '{');
        for (i = 0; i < NP__NFIELDS; i++)
            if (d->sources[i])
                kv_str(w, np__field_names[i], d->sources[i]);
        jw_close(w, '}');
    }
    jw_close(w, '}');
}

int np_document_to_json(const np_document *d, const char *source,
                        uint32_t flags, char **out, size_t *len)
{
    jw w;
    size_t n;
    if (out)
        *out = NULL;
    if (len)
        *len = 0;
    if (!d || !out || (flags & ~(uint32_t)NP__JSON_FLAGS))
        return NP_EINVAL;
    memset(&w, 0, sizeof w);
    w.pretty = (flags & NP_JSON_PRETTY) != 0;
    w.depth = -1;
    /* about the body twice (body and blocks) and some room */
    np__buf_reserve(&w.b, 2 * d->body_len + 4096);
    build(&w, d, source, flags);
    if (w.bad != NP_OK) {
        np__buf_free(&w.b);
        return w.bad;
    }
    *out = np__buf_detach(&w.b, &n);
    if (!*out)
        return NP_ENOMEM;
    if (len)
        *len = n;
    return NP_OK;
}

int np__json_error_record(const char *source, int code, const char *message,
                          int pretty, char **out, size_t *len)
{
    jw w;
    size_t n;
    memset(&w, 0, sizeof w);
    w.pretty = pretty;
    w.depth = -1;
    jw_open(&w, '{');
    kv_int(&w, "schema", 1);
    if (source)
        kv_str(&w, "source", source);
    jw_key(&w, "error");
    jw_open(&w, '{');
    kv_str(&w, "code", np_strerror_name(code));
    kv_str(&w, "message", message ? message : np_strerror(code));
    jw_close(&w, '}');
    jw_close(&w, '}');
    *out = np__buf_detach(&w.b, &n);
    if (!*out)
        return NP_ENOMEM;
    if (len)
        *len = n;
    return code;
}

int np_document_to_text(const np_document *d, uint32_t flags, char **out,
                        size_t *len)
{
    np__buf b = NP__BUF_INIT;
    if (out)
        *out = NULL;
    if (len)
        *len = 0;
    if (!d || !out || flags)   /* no flag is defined yet */
        return NP_EINVAL;
    if (d->meta[NP__TITLE]) {
        np__buf_puts(&b, d->meta[NP__TITLE]);
        np__buf_puts(&b, "\n\n");
    }
    np__buf_put(&b, d->body, d->body_len);
    np__buf_putc(&b, '\n');
    *out = np__buf_detach(&b, len);
    return *out ? NP_OK : NP_ENOMEM;
}

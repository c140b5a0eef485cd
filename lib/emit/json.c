/* JSON and plain-text output. */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "np_internal.h"

/* A JSON string, or null for NULL; invalid UTF-8 (which the stages never
 * produce) is written with U+FFFD rather than dropped. */
static json_t *jstr(const char *s)
{
    json_t *j;
    np__buf b = NP__BUF_INIT;
    size_t i = 0, n;
    if (!s)
        return json_null();
    n = strlen(s);
    j = json_stringn(s, n);
    if (j)
        return j;
    while (i < n)
        np__buf_put_cp(&b, np__utf8_next(s, n, &i));
    j = b.oom ? NULL : json_stringn(np__buf_cstr(&b), b.len);
    np__buf_free(&b);
    return j;
}

/* Sets key to value, consuming value; returns -1 on failure. */
static int put(json_t *obj, const char *key, json_t *value)
{
    return value ? json_object_set_new(obj, key, value) : -1;
}

static json_t *span_obj(size_t start, size_t end)
{
    json_t *o = json_object();
    if (!o)
        return NULL;
    if (put(o, "start", json_integer((json_int_t)start)) ||
        put(o, "end", json_integer((json_int_t)end))) {
        json_decref(o);
        return NULL;
    }
    return o;
}

static json_t *build(const np_document *d, const char *source, uint32_t flags)
{
    json_t *o = json_object(), *a;
    size_t i, j;
    int bad = 0;
    if (!o)
        return NULL;
    bad |= put(o, "schema", json_integer(1));
    if (source)
        bad |= put(o, "source", jstr(source));
    for (i = 0; i < NP__NFIELDS; i++) {
        if (i == NP__AUTHORS)
            continue;
        bad |= put(o, np__field_names[i], jstr(d->meta[i]));
        if (i == NP__DESCRIPTION) {
            bad |= put(o, "authors", a = json_array());
            for (j = 0; a && j < d->authors.len; j++)
                bad |= json_array_append_new(a, jstr(((const char **)d->authors.ptr)[j]));
        }
    }
    bad |= put(o, "is_article", json_boolean(d->is_article));
    if (d->truncated)
        bad |= put(o, "truncated", json_true());
    bad |= put(o, "word_count", json_integer((json_int_t)d->word_count));
    bad |= put(o, "body", json_stringn(d->body, d->body_len));

    if (!(flags & NP_JSON_NO_BLOCKS)) {
        bad |= put(o, "blocks", a = json_array());
        for (i = 0; a && i < d->blocks.len; i++) {
            const np__block *b = np__vec_at(&d->blocks, i);
            json_t *bo = json_object();
            if (!b->len)
                {
                    json_decref(bo);
                    continue;
                }
            bad |= json_array_append_new(a, bo);
            if (!bo)
                break;
            bad |= put(bo, "kind", jstr(np_block_kind_name(b->kind)));
            bad |= put(bo, "text", json_stringn(b->text, b->len));
            bad |= put(bo, "start", json_integer((json_int_t)b->start));
            if (b->image >= 0)
                bad |= put(bo, "image", json_integer(b->image));
        }
    }
    if (!(flags & NP_JSON_NO_IMAGES)) {
        bad |= put(o, "images", a = json_array());
        for (i = 0; a && i < d->images.len; i++) {
            const np__image *im = np__vec_at(&d->images, i);
            json_t *io = json_object();
            bad |= json_array_append_new(a, io);
            if (!io)
                break;
            bad |= put(io, "src", jstr(im->src));
            bad |= put(io, "caption", jstr(im->caption));
            bad |= put(io, "credit", jstr(im->credit));
        }
    }

    bad |= put(o, "entities", a = json_array());
    for (i = 0; a && i < d->entities.len; i++) {
        const np_entity *e = np__vec_at(&d->entities, i);
        json_t *eo = json_object(), *m;
        bad |= json_array_append_new(a, eo);
        if (!eo)
            break;
        bad |= put(eo, "name", jstr(e->name));
        bad |= put(eo, "type", jstr(np_entity_type_name(e->type)));
        bad |= put(eo, "count", json_integer((json_int_t)e->n_mentions));
        if (e->role)
            bad |= put(eo, "role", jstr(e->role));
        bad |= put(eo, "mentions", m = json_array());
        for (j = 0; m && j < e->n_mentions; j++)
            bad |= json_array_append_new(m, span_obj(e->spans[2 * j], e->spans[2 * j + 1]));
    }

    bad |= put(o, "quotes", a = json_array());
    for (i = 0; a && i < d->quotes.len; i++) {
        const np_quote *q = np__vec_at(&d->quotes, i);
        json_t *qo = json_object();
        bad |= json_array_append_new(a, qo);
        if (!qo)
            break;
        bad |= put(qo, "text", jstr(q->text));
        bad |= put(qo, "speaker", jstr(q->speaker));
        bad |= put(qo, "speaker_entity", q->speaker_entity >= 0
                                              ? json_integer(q->speaker_entity)
                                              : json_null());
        bad |= put(qo, "cue", jstr(q->cue));
        bad |= put(qo, "start", json_integer((json_int_t)q->start));
        bad |= put(qo, "end", json_integer((json_int_t)q->end));
        bad |= put(qo, "kind", jstr(q->kind == NP_QUOTE_PARTIAL ? "partial" : "direct"));
    }

    bad |= put(o, "fixes", a = json_array());
    for (i = 0; a && i < d->fixes.len; i++) {
        const np_fix *f = np__vec_at(&d->fixes, i);
        json_t *fo = json_object();
        bad |= json_array_append_new(a, fo);
        if (!fo)
            break;
        bad |= put(fo, "rule", jstr(f->rule));
        bad |= put(fo, "before", jstr(f->before));
        bad |= put(fo, "after", jstr(f->after));
        bad |= put(fo, "start", json_integer((json_int_t)f->start));
        bad |= put(fo, "end", json_integer((json_int_t)f->end));
    }

    if (!(flags & NP_JSON_NO_SOURCES)) {
        json_t *so = json_object();
        bad |= put(o, "sources", so);
        for (i = 0; so && i < NP__NFIELDS; i++)
            if (d->sources[i])
                bad |= put(so, np__field_names[i], jstr(d->sources[i]));
    }
    if (bad) {
        json_decref(o);
        return NULL;
    }
    return o;
}

int np_document_to_json(const np_document *d, const char *source,
                        uint32_t flags, char **out, size_t *len)
{
    json_t *o;
    char *s;
    size_t n;
    if (out)
        *out = NULL;
    if (len)
        *len = 0;
    if (!d || !out)
        return NP_EINVAL;
    o = build(d, source, flags);
    if (!o)
        return NP_ENOMEM;
    s = json_dumps(o, (flags & NP_JSON_PRETTY) ? JSON_INDENT(2)
                                               : JSON_COMPACT);
    json_decref(o);
    if (!s)
        return NP_ENOMEM;
    /* Hand over memory that np_free() releases. */
    n = strlen(s);
    *out = np__strndup(s, n);
    free(s);
    if (!*out)
        return NP_ENOMEM;
    if (len)
        *len = n;
    return NP_OK;
}

int np_document_to_text(const np_document *d, uint32_t flags, char **out,
                        size_t *len)
{
    np__buf b = NP__BUF_INIT;
    (void)flags;
    if (out)
        *out = NULL;
    if (len)
        *len = 0;
    if (!d || !out)
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

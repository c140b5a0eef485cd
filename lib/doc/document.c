/* The document: construction by the stages, and the public accessors. */
#include <string.h>

#include "util/util.h"
#include "doc/document.h"

const char *const np__field_names[NP__NFIELDS] = {
    "title", "description", "published", "modified", "site_name",
    "language", "url", "image", "authors"
};

/* The public field ids are the internal ones. */
_Static_assert((int)NP_FIELD_TITLE == (int)NP__TITLE &&
               (int)NP_FIELD_DESCRIPTION == (int)NP__DESCRIPTION &&
               (int)NP_FIELD_PUBLISHED == (int)NP__PUBLISHED &&
               (int)NP_FIELD_MODIFIED == (int)NP__MODIFIED &&
               (int)NP_FIELD_SITE_NAME == (int)NP__SITE_NAME &&
               (int)NP_FIELD_LANGUAGE == (int)NP__LANGUAGE &&
               (int)NP_FIELD_URL == (int)NP__URL &&
               (int)NP_FIELD_IMAGE == (int)NP__IMAGE &&
               (int)NP_FIELD_AUTHORS == (int)NP__AUTHORS &&
               (int)NP__AUTHORS + 1 == (int)NP__NFIELDS,
               "NP_FIELD_* and the internal field numbers differ");

np_document *np__doc_new(void)
{
    np_document *d = np__calloc(1, sizeof(*d));
    if (!d)
        return NULL;
    d->arena = np__arena_new();
    if (!d->arena) {
        np__free(d);
        return NULL;
    }
    np__vec_init(&d->authors, sizeof(const char *));
    np__vec_init(&d->blocks, sizeof(np__block));
    np__vec_init(&d->images, sizeof(np__image));
    np__vec_init(&d->entities, sizeof(np_entity));
    np__vec_init(&d->quotes, sizeof(np_quote));
    np__vec_init(&d->fixes, sizeof(np_fix));
    d->body = "";
    d->is_article = 1;
    return d;
}

void np_document_free(np_document *d)
{
    if (!d)
        return;
    np__vec_free(&d->authors);
    np__vec_free(&d->blocks);
    np__vec_free(&d->images);
    np__vec_free(&d->entities);
    np__vec_free(&d->quotes);
    np__vec_free(&d->fixes);
    np__arena_free(d->arena);
    np__free(d);
}

static int is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Trims ASCII whitespace and UTF-8 no-break spaces at both ends. */
static void trim(const char **s, size_t *len)
{
    const unsigned char *p = (const unsigned char *)*s;
    size_t n = *len;
    for (;;) {
        if (n && is_space(*p)) {
            p++;
            n--;
        } else if (n >= 2 && p[0] == 0xC2 && p[1] == 0xA0) {
            p += 2;
            n -= 2;
        } else {
            break;
        }
    }
    for (;;) {
        if (n && is_space(p[n - 1]))
            n--;
        else if (n >= 2 && p[n - 2] == 0xC2 && p[n - 1] == 0xA0)
            n -= 2;
        else
            break;
    }
    *s = (const char *)p;
    *len = n;
}

int np__doc_set(np_document *d, int field, const char *s, size_t len,
                const char *source)
{
    char *v;
    if (field < 0 || field >= NP__AUTHORS)
        return NP_EINVAL;
    if (!s)
        return NP_OK;
    if (len == (size_t)-1)
        len = strlen(s);
    trim(&s, &len);
    if (len == 0)
        return NP_OK;
    v = np__arena_strndup(d->arena, s, len);
    if (!v)
        return NP_ENOMEM;
    d->meta[field] = v;
    d->sources[field] = source;
    return NP_OK;
}

int np__doc_add_author(np_document *d, const char *s, size_t len)
{
    const char **slot;
    char *v;
    size_t i;
    if (!s)
        return NP_OK;
    if (len == (size_t)-1)
        len = strlen(s);
    trim(&s, &len);
    if (len == 0)
        return NP_OK;
    for (i = 0; i < d->authors.len; i++) {
        const char *a = ((const char **)d->authors.ptr)[i];
        if (strlen(a) == len && memcmp(a, s, len) == 0)
            return NP_OK; /* already there */
    }
    v = np__arena_strndup(d->arena, s, len);
    if (!v)
        return NP_ENOMEM;
    slot = np__vec_push(&d->authors);
    if (!slot)
        return NP_ENOMEM;
    *slot = v;
    return NP_OK;
}

long np__doc_add_block(np_document *d, int kind, const char *text, size_t len)
{
    np__block *b;
    char *t = np__arena_strndup(d->arena, text ? text : "", text ? len : 0);
    if (!t)
        return -1;
    b = np__vec_push(&d->blocks);
    if (!b)
        return -1;
    b->kind = kind;
    b->text = t;
    b->len = text ? len : 0;
    b->image = -1;
    return (long)(d->blocks.len - 1);
}

static const char *dup_opt(np_document *d, const char *s, int *fail)
{
    const char *v;
    if (!s)
        return NULL;
    v = np__arena_strdup(d->arena, s);
    if (!v)
        *fail = 1;
    return v;
}

long np__doc_add_image(np_document *d, const char *src, const char *caption,
                       const char *credit)
{
    np__image *im;
    int fail = 0;
    const char *s = dup_opt(d, src, &fail);
    const char *c = dup_opt(d, caption, &fail);
    const char *r = dup_opt(d, credit, &fail);
    if (fail)
        return -1;
    im = np__vec_push(&d->images);
    if (!im)
        return -1;
    im->src = s;
    im->caption = c;
    im->credit = r;
    return (long)(d->images.len - 1);
}

int np__doc_join(np_document *d)
{
    size_t i, total = 0, kept = 0, n_blocks = d->blocks.len;
    np__block *blocks = d->blocks.ptr;
    size_t *pos = NULL, *index = NULL;
    char *body, *w;

    for (i = 0; i < n_blocks; i++)
        if (blocks[i].len)
            total += blocks[i].len + 2;
    body = np__arena_alloc(d->arena, total + 1);
    if (!body)
        return NP_ENOMEM;
    if (d->fixes.len && n_blocks) {
        pos = np__malloc(n_blocks * sizeof(size_t));
        index = np__malloc(n_blocks * sizeof(size_t));
        if (!pos || !index) {
            np__free(pos);
            np__free(index);
            return NP_ENOMEM;
        }
    }
    /* Blocks that cleanup emptied are dropped, so that every block's start
     * is where its text is in the body; an edit in a dropped block points
     * at the place the block had. */
    w = body;
    for (i = 0; i < n_blocks; i++) {
        np__block b = blocks[i];
        if (b.len) {
            if (kept) {
                *w++ = '\n';
                *w++ = '\n';
            }
            b.start = (size_t)(w - body);
            memcpy(w, b.text, b.len);
            w += b.len;
        }
        if (pos) {
            pos[i] = b.len ? b.start : (size_t)(w - body);
            index[i] = kept;
        }
        if (b.len)
            blocks[kept++] = b;
    }
    d->blocks.len = kept;
    *w = '\0';
    d->body = body;
    d->body_len = (size_t)(w - body);
    for (i = 0; pos && i < d->fixes.len; i++) {
        np_fix *f = np__vec_at(&d->fixes, i);
        if (f->block >= n_blocks)
            continue;
        f->start += pos[f->block];
        f->end += pos[f->block];
        if (f->start > d->body_len)
            f->start = d->body_len;
        if (f->end > d->body_len)
            f->end = d->body_len;
        f->block = index[f->block];
    }
    np__free(pos);
    np__free(index);
    d->word_count = np__count_words(d->body, d->body_len);
    return NP_OK;
}

/* ------------------------------------------------------------ accessors */

#define META(name, field) \
    const char *np_document_##name(const np_document *d) \
    { \
        return d ? d->meta[field] : NULL; \
    }
META(title, NP__TITLE)
META(description, NP__DESCRIPTION)
META(published, NP__PUBLISHED)
META(modified, NP__MODIFIED)
META(site_name, NP__SITE_NAME)
META(language, NP__LANGUAGE)
META(url, NP__URL)
META(image, NP__IMAGE)
#undef META

size_t np_document_author_count(const np_document *d)
{
    return d ? d->authors.len : 0;
}

const char *np_document_author(const np_document *d, size_t i)
{
    return d && i < d->authors.len ? ((const char **)d->authors.ptr)[i] : NULL;
}

int np_field_count(void)
{
    return NP__NFIELDS;
}

const char *np_field_name(int field)
{
    return field >= 0 && field < NP__NFIELDS ? np__field_names[field] : NULL;
}

int np_document_field(const np_document *d, int field, const char **value,
                      const char **source)
{
    const char *v = NULL, *s = NULL;
    int rc = NP_EINVAL;
    if (d && field >= 0 && field < NP__NFIELDS) {
        s = d->sources[field];
        v = field == NP__AUTHORS ? np_document_author(d, 0) : d->meta[field];
        if (!v)
            s = NULL;
        rc = v ? NP_OK : NP_ENOTFOUND;
    }
    if (value)
        *value = v;
    if (source)
        *source = s;
    return rc;
}

const char *np_document_source(const np_document *d, const char *field)
{
    int i;
    if (!d || !field)
        return NULL;
    for (i = 0; i < NP__NFIELDS; i++)
        if (strcmp(np__field_names[i], field) == 0)
            return d->sources[i];
    return NULL;
}

int np_document_is_article(const np_document *d)
{
    return d ? d->is_article : 0;
}

int np_document_truncated(const np_document *d)
{
    return d ? d->truncated : 0;
}

const char *np_document_body(const np_document *d, size_t *len)
{
    if (len)
        *len = d ? d->body_len : 0;
    return d ? d->body : "";
}

size_t np_document_word_count(const np_document *d)
{
    return d ? d->word_count : 0;
}

size_t np_document_block_count(const np_document *d)
{
    return d ? d->blocks.len : 0;
}

static const np__block *block_at(const np_document *d, size_t i)
{
    return d ? np__vec_at(&d->blocks, i) : NULL;
}

int np_document_block_kind(const np_document *d, size_t i)
{
    const np__block *b = block_at(d, i);
    return b ? b->kind : -1;
}

const char *np_block_kind_name(int kind)
{
    static const char *const names[] = {
        "paragraph", "heading", "list_item", "blockquote", "caption", "preformatted"
    };
    return kind >= 0 && kind <= NP_BLOCK_PREFORMATTED ? names[kind] : NULL;
}

const char *np_document_block_text(const np_document *d, size_t i, size_t *len,
                                   size_t *start)
{
    const np__block *b = block_at(d, i);
    if (len)
        *len = b ? b->len : 0;
    if (start)
        *start = b ? b->start : 0;
    return b ? b->text : NULL;
}

size_t np_document_image_count(const np_document *d)
{
    return d ? d->images.len : 0;
}

static const np__image *image_at(const np_document *d, size_t i)
{
    return d ? np__vec_at(&d->images, i) : NULL;
}

const char *np_document_image_src(const np_document *d, size_t i)
{
    const np__image *im = image_at(d, i);
    return im ? im->src : NULL;
}

const char *np_document_image_caption(const np_document *d, size_t i)
{
    const np__image *im = image_at(d, i);
    return im ? im->caption : NULL;
}

const char *np_document_image_credit(const np_document *d, size_t i)
{
    const np__image *im = image_at(d, i);
    return im ? im->credit : NULL;
}

size_t np_document_entity_count(const np_document *d)
{
    return d ? d->entities.len : 0;
}

const np_entity *np_document_entity(const np_document *d, size_t i)
{
    return d ? np__vec_at(&d->entities, i) : NULL;
}

const char *np_entity_name(const np_entity *e)
{
    return e ? e->name : NULL;
}

int np_entity_type(const np_entity *e)
{
    return e ? e->type : -1;
}

const char *np_entity_type_name(int type)
{
    static const char *const names[] = { "PERSON", "ORG", "PLACE" };
    return type >= 0 && type <= NP_ENTITY_PLACE ? names[type] : NULL;
}

const char *np_entity_role(const np_entity *e)
{
    return e ? e->role : NULL;
}

size_t np_entity_mention_count(const np_entity *e)
{
    return e ? e->n_mentions : 0;
}

int np_entity_mention(const np_entity *e, size_t i, size_t *start, size_t *end)
{
    if (!e)
        return NP_EINVAL;
    if (i >= e->n_mentions)
        return NP_ENOTFOUND;
    if (start)
        *start = e->spans[2 * i];
    if (end)
        *end = e->spans[2 * i + 1];
    return NP_OK;
}

size_t np_document_quote_count(const np_document *d)
{
    return d ? d->quotes.len : 0;
}

const np_quote *np_document_quote(const np_document *d, size_t i)
{
    return d ? np__vec_at(&d->quotes, i) : NULL;
}

const char *np_quote_text(const np_quote *q) { return q ? q->text : NULL; }
const char *np_quote_speaker(const np_quote *q) { return q ? q->speaker : NULL; }
int np_quote_speaker_entity(const np_quote *q, size_t *index)
{
    if (!q)
        return NP_EINVAL;
    if (q->speaker_entity < 0)
        return NP_ENOTFOUND;
    if (index)
        *index = (size_t)q->speaker_entity;
    return NP_OK;
}

const char *np_quote_cue(const np_quote *q) { return q ? q->cue : NULL; }
int np_quote_kind(const np_quote *q) { return q ? q->kind : -1; }
size_t np_quote_start(const np_quote *q) { return q ? q->start : 0; }
size_t np_quote_end(const np_quote *q) { return q ? q->end : 0; }

size_t np_document_fix_count(const np_document *d)
{
    return d ? d->fixes.len : 0;
}

const np_fix *np_document_fix(const np_document *d, size_t i)
{
    return d ? np__vec_at(&d->fixes, i) : NULL;
}

const char *np_fix_rule(const np_fix *f) { return f ? f->rule : NULL; }
const char *np_fix_before(const np_fix *f) { return f ? f->before : NULL; }
const char *np_fix_after(const np_fix *f) { return f ? f->after : NULL; }
size_t np_fix_before_len(const np_fix *f) { return f ? f->before_len : 0; }
size_t np_fix_after_len(const np_fix *f) { return f ? f->after_len : 0; }
size_t np_fix_start(const np_fix *f) { return f ? f->start : 0; }
size_t np_fix_end(const np_fix *f) { return f ? f->end : 0; }
size_t np_fix_input_start(const np_fix *f) { return f ? f->in_start : 0; }
size_t np_fix_input_end(const np_fix *f) { return f ? f->in_end : 0; }

int np_stage_count(void)
{
    return NP_STAGE_COUNT;
}

const char *np_stage_name(int stage)
{
    static const char *const names[NP_STAGE_COUNT] = {
        "load", "extract", "clean", "tokens", "entities", "quotes"
    };
    return stage >= 0 && stage < NP_STAGE_COUNT ? names[stage] : NULL;
}

double np_document_stage_seconds(const np_document *d, int stage)
{
    if (!d || stage < 0 || stage >= NP_STAGE_COUNT)
        return -1;
    return d->stage_seconds[stage];
}

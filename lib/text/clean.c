/*
 * Text cleanup: the driver that runs the passes, the public np_clean() API
 * and the document stage. The passes write through edit.c and read the
 * evidence of evidence.c.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/text.h"

void np__text_state_free(struct np__text_state *s)
{
    np__free(s);  /* ICU normalisers are shared singletons */
}

static struct np__text_state *state_new(int *rc)
{
    struct np__text_state *s = np__malloc(sizeof(*s));
    if (!s) {
        *rc = NP_ENOMEM;
        return NULL;
    }
    *rc = np__text_state_init(s);
    if (*rc != NP_OK) {
        np__free(s);
        return NULL;
    }
    return s;
}

static void evidence_decide(np__cleaner *c, size_t words, size_t english,
                            size_t curly, size_t straight)
{
    c->english = words > 0 && english * 10 >= words * 6;
    c->apos = curly > straight ? 0x2019 : (straight ? '\'' : 0x2019);
    if (!curly && !straight)
        c->apos = '\'';
}

/* ------------------------------------------------------------ driver */

static int clean_first(np__cleaner *c, np__ttext *t)
{
    int rc;
    if ((rc = np__pass_bytes(c, t)) != NP_OK)
        return rc;
    if ((rc = np__pass_mojibake(c, t)) != NP_OK)
        return rc;
    if ((rc = np__pass_markup(c, t)) != NP_OK)
        return rc;
    if ((rc = np__pass_chars(c, t)) != NP_OK)
        return rc;
    return np__pass_nfc(c, t);
}

static int clean_second(np__cleaner *c, np__ttext *t)
{
    int rc;
    if ((rc = np__pass_spaces(c, t)) != NP_OK)
        return rc;
    return np__pass_apostrophes(c, t);
}

/* ------------------------------------------------------------ public */

struct np_clean_result {
    char *text;
    size_t len;
    np__vec fixes;
    np__arena *arena;
};

/* The size of each version of np_clean_options, to the end of its last
 * field: nothing past it is read. A new version appends its row. */
static const size_t clean_options_size[NP_CLEAN_OPTIONS_VERSION + 1] = {
    0,
    offsetof(np_clean_options, max_bytes) + sizeof(size_t)    /* 1 */
};

/* Every NP_CLEAN_* bit; any other is refused. */
#define CLEAN_FLAGS (NP_CLEAN_NO_ENCODING | NP_CLEAN_NO_MARKUP | \
                     NP_CLEAN_NO_INVISIBLE | NP_CLEAN_NO_WHITESPACE | \
                     NP_CLEAN_NO_PUNCT_SPACE | NP_CLEAN_NO_COMPAT | \
                     NP_CLEAN_NO_APOSTROPHES)

int np_clean_options_init(np_clean_options *opts, unsigned int version)
{
    if (!opts || version == 0 || version > NP_CLEAN_OPTIONS_VERSION)
        return NP_EINVAL;
    memset(opts, 0, clean_options_size[version]);
    opts->version = version;
    return NP_OK;
}

/* The message of np_clean2(), cut to fit as snprintf() does. */
static int clean_error(char *errbuf, size_t size, int code, const char *fmt, ...)
    NP__PRINTF(4, 5);
static int clean_error(char *errbuf, size_t size, int code, const char *fmt, ...)
{
    va_list ap;
    if (errbuf && size) {
        va_start(ap, fmt);
        vsnprintf(errbuf, size, fmt, ap);
        va_end(ap);
    }
    return code;
}

int np_clean(np_clean_result **out, const char *buf, size_t len,
             const np_clean_options *opts)
{
    return np_clean2(out, buf, len, opts, NULL, 0);
}

int np_clean2(np_clean_result **out, const char *buf, size_t len,
              const np_clean_options *opts, char *e, size_t esize)
{
    np_clean_result *r;
    np__cleaner c;
    np__ttext t;
    np_clean_options o;
    size_t words = 0, eng = 0, curly = 0, straight = 0, max;
    int rc;
    if (e && esize)
        e[0] = '\0';
    if (out)
        *out = NULL;
    if (!out)
        return clean_error(e, esize, NP_EINVAL, "the output pointer is NULL");
    if (!buf && len)
        return clean_error(e, esize, NP_EINVAL, "the input buffer is NULL");
    memset(&o, 0, sizeof o);
    if (opts) {
        if (opts->version == 0 || opts->version > NP_CLEAN_OPTIONS_VERSION)
            return clean_error(e, esize, NP_EINVAL, "options version %u is not "
                               "one of 1 to %u", opts->version,
                               (unsigned)NP_CLEAN_OPTIONS_VERSION);
        /* only the fields of the caller's version */
        memcpy(&o, opts, clean_options_size[opts->version]);
        if (o.flags & ~(uint32_t)CLEAN_FLAGS)
            return clean_error(e, esize, NP_EINVAL, "unknown cleanup flags "
                               "0x%lx", (unsigned long)(o.flags & ~(uint32_t)CLEAN_FLAGS));
    }
    max = o.max_bytes ? o.max_bytes : (size_t)256 << 20;
    if (len > max)
        return clean_error(e, esize, NP_ELIMIT, "input is %zu bytes, the "
                           "limit is %zu", len, max);
    memset(&c, 0, sizeof(c));
    c.flags = o.flags;
    c.st = state_new(&rc);
    if (!c.st)
        return clean_error(e, esize, rc, "%s", rc == NP_ENOMEM ? "out of memory"
                           : "cannot set up the Unicode library");
    r = np__calloc(1, sizeof(*r));
    if (!r) {
        np__text_state_free(c.st);
        return clean_error(e, esize, NP_ENOMEM, "out of memory");
    }
    np__vec_init(&r->fixes, sizeof(np_fix));
    r->arena = np__arena_new();
    rc = r->arena ? np__ttext_init(&t, buf ? buf : "", len) : NP_ENOMEM;
    if (rc == NP_OK) {
        rc = clean_first(&c, &t);
        if (rc == NP_OK) {
            np__evidence_scan(&c, t.s, t.n, &words, &eng, &curly, &straight);
            evidence_decide(&c, words, eng, curly, straight);
            rc = c.oom ? NP_ENOMEM : clean_second(&c, &t);
        }
        if (rc == NP_OK)
            rc = np__ttext_fixes(&t, r->arena, &r->fixes, 0);
        if (rc == NP_OK) {
            r->text = t.s;
            r->len = t.n;
            t.s = NULL;
        }
        np__ttext_free(&t);
    }
    np__cleaner_free(&c);
    np__text_state_free(c.st);
    if (rc != NP_OK) {
        np_clean_result_free(r);
        return clean_error(e, esize, rc, "%s", rc == NP_ENOMEM ? "out of memory"
                           : np_strerror(rc));
    }
    *out = r;
    return NP_OK;
}

const char *np_clean_result_text(const np_clean_result *r, size_t *len)
{
    if (len)
        *len = r ? r->len : 0;
    return r ? r->text : "";
}

size_t np_clean_result_fix_count(const np_clean_result *r)
{
    return r ? r->fixes.len : 0;
}

const np_fix *np_clean_result_fix(const np_clean_result *r, size_t i)
{
    return r && i < r->fixes.len ? np__vec_at(&r->fixes, i) : NULL;
}

void np_clean_result_free(np_clean_result *r)
{
    if (!r)
        return;
    np__vec_free(&r->fixes);
    np__arena_free(r->arena);
    np__free(r->text);
    np__free(r);
}

/* ------------------------------------------------------------ document */

/* Cleans a metadata string in place (no fixes recorded). */
static int clean_meta(np__cleaner *c, np_document *d, const char **field)
{
    np__ttext t;
    int rc;
    if (!*field)
        return NP_OK;
    rc = np__ttext_init(&t, *field, strlen(*field));
    if (rc == NP_OK)
        rc = clean_first(c, &t);
    if (rc == NP_OK)
        rc = clean_second(c, &t);
    if (rc == NP_OK && (t.n != strlen(*field) || memcmp(t.s, *field, t.n))) {
        const char *s = np__arena_strndup(d->arena, t.s, t.n);
        if (!s)
            rc = NP_ENOMEM;
        else if (t.n)
            *field = s;
    }
    np__ttext_free(&t);
    return rc;
}

int np__clean_document(np__ctx *cx)
{
    np_document *d = cx->doc;
    np__cleaner c;
    np__ttext *tt;
    size_t nb = d->blocks.len, i;
    size_t words = 0, eng = 0, curly = 0, straight = 0;
    int rc = NP_OK;
    memset(&c, 0, sizeof(c));
    if (cx->parser) {
        if (!cx->parser->text) {
            cx->parser->text = state_new(&rc);
            if (!cx->parser->text)
                return rc;
        }
        c.st = cx->parser->text;
    } else {
        c.st = state_new(&rc);
        if (!c.st)
            return rc;
    }
    tt = np__calloc(nb ? nb : 1, sizeof(*tt));
    if (!tt) {
        rc = NP_ENOMEM;
        goto done;
    }
    for (i = 0; i < nb && rc == NP_OK; i++) {
        np__block *b = np__vec_at(&d->blocks, i);
        rc = np__ttext_init(&tt[i], b->text ? b->text : "", b->len);
        if (rc == NP_OK)
            rc = clean_first(&c, &tt[i]);
        if (rc == NP_OK)
            np__evidence_scan(&c, tt[i].s, tt[i].n, &words, &eng, &curly,
                              &straight);
    }
    if (rc == NP_OK && c.oom)
        rc = NP_ENOMEM;
    if (rc == NP_OK)
        evidence_decide(&c, words, eng, curly, straight);
    for (i = 0; i < nb && rc == NP_OK; i++) {
        np__block *b = np__vec_at(&d->blocks, i);
        {
            /* preformatted text keeps its spacing and its words as
             * written (code, tables, verse) */
            uint32_t keep = c.flags;
            if (b->kind == NP_BLOCK_PREFORMATTED)
                c.flags |= NP_CLEAN_NO_WHITESPACE | NP_CLEAN_NO_PUNCT_SPACE |
                           NP_CLEAN_NO_APOSTROPHES;
            rc = clean_second(&c, &tt[i]);
            c.flags = keep;
        }
        if (rc == NP_OK && tt[i].npass && (tt[i].n != b->len ||
                                           memcmp(tt[i].s, b->text, b->len))) {
            char *s = np__arena_strndup(d->arena, tt[i].s, tt[i].n);
            if (!s)
                rc = NP_ENOMEM;
            else {
                b->text = s;
                b->len = tt[i].n;
            }
        }
        if (rc == NP_OK)
            rc = np__ttext_fixes(&tt[i], d->arena, &d->fixes, i);
    }
    if (rc == NP_OK) {
        /* blocks that were only markup remnants are gone: drop them and
         * their fixes, renumbering the others */
        np__block *bl = d->blocks.ptr;
        np_fix *fx = d->fixes.ptr;
        size_t keep = 0, k, nf = 0;
        size_t *map = np__malloc((nb ? nb : 1) * sizeof(size_t));
        if (!map) {
            rc = NP_ENOMEM;
            goto done;
        }
        for (i = 0; i < nb; i++) {
            map[i] = bl[i].len ? keep : (size_t)-1;
            if (bl[i].len)
                bl[keep++] = bl[i];
        }
        if (keep < nb) {
            for (k = 0; k < d->fixes.len; k++) {
                size_t b = fx[k].block, q;
                if (b < nb && map[b] == (size_t)-1) {
                    /* the fix of a block that is gone stays on record, as
                     * an empty span where the block was */
                    for (q = b + 1; q < nb && map[q] == (size_t)-1; q++)
                        ;
                    if (q < nb) {
                        fx[k].block = map[q];
                        fx[k].start = fx[k].end = 0;
                    } else {
                        for (q = b; q > 0 && map[q - 1] == (size_t)-1; q--)
                            ;
                        fx[k].block = q > 0 ? map[q - 1] : (size_t)-1;
                        fx[k].start = fx[k].end =
                            q > 0 ? bl[map[q - 1]].len : 0;
                    }
                } else if (b < nb) {
                    fx[k].block = map[b];
                }
                fx[nf++] = fx[k];
            }
            d->fixes.len = nf;
            d->blocks.len = keep;
        }
        np__free(map);
    }
    if (rc == NP_OK)
        rc = clean_meta(&c, d, &d->meta[NP__TITLE]);
    if (rc == NP_OK)
        rc = clean_meta(&c, d, &d->meta[NP__DESCRIPTION]);
    for (i = 0; rc == NP_OK && i < d->authors.len; i++)
        rc = clean_meta(&c, d, (const char **)np__vec_at(&d->authors, i));
done:
    if (tt) {
        for (i = 0; i < nb; i++)
            if (tt[i].s)
                np__ttext_free(&tt[i]);
        np__free(tt);
    }
    np__cleaner_free(&c);
    if (!cx->parser)
        np__text_state_free(c.st);
    return rc;
}

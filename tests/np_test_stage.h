/* Helpers for the tests that drive one internal stage: a parser and a
 * context around a fresh document, as lib/core.c hands them to the stages.
 * Include after np_internal.h. */
#ifndef NP_TEST_STAGE_H
#define NP_TEST_STAGE_H

#include "np_test.h"

typedef struct np_test_stage {
    np_parser *p;
    np_document *d;
    np__ctx c;
} np_test_stage;

/* A parser (with options o, or the defaults) and an empty document. */
static inline void np_test_stage_open(np_test_stage *s, const np_parse_options *o)
{
    memset(s, 0, sizeof(*s));
    ck_assert_int_eq(np_parser_new(&s->p, o), NP_OK);
    s->d = np__doc_new();
    ck_assert_ptr_nonnull(s->d);
    s->c.parser = s->p;
    s->c.doc = s->d;
}

/* Opens a stage whose document is made of the NULL-terminated paragraph
 * texts, joined into the body. */
static inline void np_test_stage_paragraphs(np_test_stage *s, const char *const *blocks)
{
    size_t i;
    np_test_stage_open(s, NULL);
    for (i = 0; blocks[i]; i++)
        ck_assert_int_ge(np__doc_add_block(s->d, NP_BLOCK_PARAGRAPH, blocks[i],
                                           strlen(blocks[i])), 0);
    ck_assert_int_eq(np__doc_join(s->d), NP_OK);
}

/* The load stage's tree of an HTML page (free with np__tree_free); the
 * decoded page is left in utf8 (free with np__buf_free). */
static inline void *np_test_stage_tree(np_test_stage *s, const char *page, size_t len,
                                       np__buf *utf8)
{
    void *tree = NULL;
    ck_assert_int_eq(np__decode_html(&s->c, page ? page : "", len, utf8), NP_OK);
    ck_assert_int_eq(np__load_html(&s->c, np__buf_cstr(utf8), utf8->len, &tree), NP_OK);
    return tree;
}

static inline void np_test_stage_close(np_test_stage *s)
{
    np_document_free(s->d);
    np_parser_free(s->p);
    memset(s, 0, sizeof(*s));
}

#endif

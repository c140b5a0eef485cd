/*
 * Shared by the fuzz targets: options from the leading bytes of the input,
 * and the checks every document must pass whatever its input.
 *
 * Input layout of the parse targets: byte 0 = NP_PARSE_* flags (the six
 * defined bits), byte 1 = which limits to lower (so that the limit paths are
 * fuzzed too), the rest = the page. An input shorter than two bytes is
 * parsed as it is with default options.
 */
#ifndef NP_FUZZ_H
#define NP_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <newsparse/newsparse.h>

/* A broken invariant is a crash, so that the fuzzer keeps the input. */
#define NP_FUZZ_CHECK(cond)                                                  \
    do {                                                                     \
        if (!(cond))                                                         \
            __builtin_trap();                                                \
    } while (0)

#include "../tests/np_utf8_check.h"

/* A NULL or NUL-terminated string, valid UTF-8 when utf8 is set. */
static inline void np_fuzz_check_str_if(const char *s, int utf8)
{
    size_t n = s ? strlen(s) : 0;
    if (s && utf8)
        NP_FUZZ_CHECK(np_check_utf8(s, n));
}

/* A NULL or valid UTF-8, NUL-terminated string. */
static inline void np_fuzz_check_str(const char *s)
{
    np_fuzz_check_str_if(s, 1);
}

/* Parse options from the two leading bytes; advances *data and *size. */
static inline void np_fuzz_options(np_parse_options *o, const uint8_t **data,
                                   size_t *size)
{
    uint8_t f, lim;
    np_parse_options_init(o, NP_PARSE_OPTIONS_VERSION);
    if (*size < 2)
        return;
    f = (*data)[0];
    lim = (*data)[1];
    *data += 2;
    *size -= 2;
    o->flags = f & 0x3Fu;
    if (lim & 0x01)
        o->max_depth = 1 + (lim >> 4);          /* 1..16 */
    if (lim & 0x02)
        o->max_nodes = 1 + 4u * (lim >> 4);     /* 1..61 */
    if (lim & 0x04)
        o->max_bytes = 1 + 64u * (lim >> 4);    /* 1..961 */
    if (lim & 0x08)
        o->charset = (lim & 0x80) ? "shift_jis" : "windows-1252";
}

/* Reads everything a document offers, checking what holds for any input:
 * offsets lie in the body, counts agree, and when utf8 is set strings are
 * valid UTF-8 and offsets lie on character boundaries. utf8 is clear only
 * for a caller's tree parsed without cleanup, whose bytes are kept as they
 * are (see np_parse_xmldoc). */
static inline void np_fuzz_check_document(const np_document *d, int utf8)
{
    size_t blen = 0, i, j, n;
    const char *body = np_document_body(d, &blen);
    static const char *const fields[] = { "title", "published", "authors",
                                          "site_name", "nonsense" };
    NP_FUZZ_CHECK(body != NULL);
    NP_FUZZ_CHECK(strlen(body) == blen);
    NP_FUZZ_CHECK(!utf8 || np_check_utf8(body, blen));
#define NP_FUZZ_AT_BOUNDARY(off) \
    NP_FUZZ_CHECK((off) <= blen && (!utf8 || (off) == blen || ((unsigned char)body[(off)] & 0xC0) != 0x80))
    np_fuzz_check_str_if(np_document_title(d), utf8);
    np_fuzz_check_str_if(np_document_description(d), utf8);
    np_fuzz_check_str_if(np_document_published(d), utf8);
    np_fuzz_check_str_if(np_document_modified(d), utf8);
    np_fuzz_check_str_if(np_document_site_name(d), utf8);
    np_fuzz_check_str_if(np_document_language(d), utf8);
    np_fuzz_check_str_if(np_document_url(d), utf8);
    np_fuzz_check_str_if(np_document_image(d), utf8);
    for (i = 0; i < sizeof(fields) / sizeof(fields[0]); i++)
        np_fuzz_check_str_if(np_document_source(d, fields[i]), utf8);
    n = np_document_author_count(d);
    for (i = 0; i < n; i++) {
        NP_FUZZ_CHECK(np_document_author(d, i) != NULL);
        np_fuzz_check_str_if(np_document_author(d, i), utf8);
    }
    NP_FUZZ_CHECK(np_document_author(d, n) == NULL);
    (void)np_document_is_article(d);
    (void)np_document_truncated(d);
    (void)np_document_word_count(d);
    n = np_document_block_count(d);
    for (i = 0; i < n; i++) {
        size_t tl = 0, ts = 0;
        const char *t = np_document_block_text(d, i, &tl, &ts);
        NP_FUZZ_CHECK(t != NULL);
        NP_FUZZ_CHECK(!utf8 || np_check_utf8(t, tl));
        /* A block's text is where it says in the body. */
        NP_FUZZ_CHECK(ts <= blen && tl <= blen - ts);
        NP_FUZZ_CHECK(memcmp(body + ts, t, tl) == 0);
        NP_FUZZ_CHECK(np_block_kind_name(np_document_block_kind(d, i)) != NULL);
    }
    NP_FUZZ_CHECK(np_document_block_text(d, n, NULL, NULL) == NULL);
    n = np_document_image_count(d);
    for (i = 0; i < n; i++) {
        np_fuzz_check_str_if(np_document_image_src(d, i), utf8);
        np_fuzz_check_str_if(np_document_image_caption(d, i), utf8);
        np_fuzz_check_str_if(np_document_image_credit(d, i), utf8);
    }
    n = np_document_entity_count(d);
    for (i = 0; i < n; i++) {
        const np_entity *e = np_document_entity(d, i);
        size_t m;
        NP_FUZZ_CHECK(e != NULL);
        NP_FUZZ_CHECK(np_entity_name(e) != NULL);
        np_fuzz_check_str_if(np_entity_name(e), utf8);
        np_fuzz_check_str_if(np_entity_role(e), utf8);
        NP_FUZZ_CHECK(np_entity_type_name(np_entity_type(e)) != NULL);
        m = np_entity_mention_count(e);
        for (j = 0; j < m; j++) {
            size_t s = 0, t = 0;
            NP_FUZZ_CHECK(np_entity_mention(e, j, &s, &t) == NP_OK);
            NP_FUZZ_CHECK(s <= t);
            NP_FUZZ_AT_BOUNDARY(s);
            NP_FUZZ_AT_BOUNDARY(t);
        }
    }
    NP_FUZZ_CHECK(np_document_entity(d, n) == NULL);
    n = np_document_quote_count(d);
    for (i = 0; i < n; i++) {
        const np_quote *q = np_document_quote(d, i);
        size_t se;
        int rc;
        NP_FUZZ_CHECK(q != NULL);
        np_fuzz_check_str_if(np_quote_text(q), utf8);
        np_fuzz_check_str_if(np_quote_speaker(q), utf8);
        np_fuzz_check_str_if(np_quote_cue(q), utf8);
        rc = np_quote_speaker_entity(q, &se);
        NP_FUZZ_CHECK(rc == NP_OK || rc == NP_ENOTFOUND);
        NP_FUZZ_CHECK(rc != NP_OK || se < np_document_entity_count(d));
        NP_FUZZ_CHECK(np_quote_start(q) <= np_quote_end(q));
        NP_FUZZ_AT_BOUNDARY(np_quote_start(q));
        NP_FUZZ_AT_BOUNDARY(np_quote_end(q));
        (void)np_quote_kind(q);
    }
    n = np_document_fix_count(d);
    for (i = 0; i < n; i++) {
        const np_fix *f = np_document_fix(d, i);
        NP_FUZZ_CHECK(f != NULL);
        NP_FUZZ_CHECK(np_fix_rule(f) != NULL);
        np_fuzz_check_str_if(np_fix_before(f), utf8);
        np_fuzz_check_str_if(np_fix_after(f), utf8);
        NP_FUZZ_CHECK(np_fix_start(f) <= np_fix_end(f));
        NP_FUZZ_CHECK(np_fix_end(f) <= blen);
        NP_FUZZ_CHECK(np_fix_input_start(f) <= np_fix_input_end(f));
        /* the body holds the fix's "after" text where the fix says */
        NP_FUZZ_CHECK(np_fix_after(f) != NULL);
        NP_FUZZ_CHECK(np_fix_end(f) - np_fix_start(f) == strlen(np_fix_after(f)));
        NP_FUZZ_CHECK(np_fix_after_len(f) == np_fix_end(f) - np_fix_start(f));
        /* a fix changes something: it is no empty edit */
        NP_FUZZ_CHECK(np_fix_before_len(f) > 0 || np_fix_after_len(f) > 0);
        NP_FUZZ_CHECK(strlen(np_fix_before(f)) <= np_fix_before_len(f));
        NP_FUZZ_CHECK(memcmp(body + np_fix_start(f), np_fix_after(f),
                             np_fix_end(f) - np_fix_start(f)) == 0);
    }
    for (i = 0; i < NP_STAGE_COUNT; i++)
        (void)np_document_stage_seconds(d, (int)i);
#undef NP_FUZZ_AT_BOUNDARY
}

/* Parses one input as HTML (html != 0) or text; returns the document or
 * NULL, after checking that a failure is one of the documented codes. */
static inline np_document *np_fuzz_parse(const uint8_t *data, size_t size,
                                         int html)
{
    np_parse_options o;
    np_parser *p = NULL;
    np_document *d = NULL;
    char *copy;
    int rc;
    np_fuzz_options(&o, &data, &size);
    if (np_parser_new(&p, &o) != NP_OK)
        return NULL;
    /* An exact-size copy, so that reads past the end are caught. */
    copy = malloc(size ? size : 1);
    if (!copy) {
        np_parser_free(p);
        return NULL;
    }
    if (size)
        memcpy(copy, data, size);
    rc = html ? np_parse_html(p, &d, copy, size, "https://example.org/news/a.html")
              : np_parse_text(p, &d, copy, size, NULL);
    if (rc == NP_OK) {
        NP_FUZZ_CHECK(d != NULL);
        NP_FUZZ_CHECK(np_parser_errcode(p) == NP_OK);
    } else {
        NP_FUZZ_CHECK(d == NULL);
        NP_FUZZ_CHECK(rc == NP_ELIMIT || rc == NP_EENCODING || rc == NP_EPARSE ||
                      rc == NP_ENOMEM);
        NP_FUZZ_CHECK(np_parser_errcode(p) == rc);
        np_fuzz_check_str(np_parser_errmsg(p));
    }
    free(copy);
    np_parser_free(p);   /* the document outlives its parser */
    return d;
}

#endif /* NP_FUZZ_H */

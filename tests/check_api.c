/*
 * The public API's contract: versions, options, error codes and messages,
 * every accessor on NULL and out-of-range arguments, bad and huge inputs,
 * limits, JSON output against the accessors, and document lifetime.
 */
#define _DEFAULT_SOURCE   /* MAP_ANONYMOUS */
#include <check.h>
#include <jansson.h>
#include <locale.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "np_test.h"
#include "newsparse/newsparse.h"

#define HEADLINE "Macron Offers to Mediate US-Russia Summit, Putin Slams NATO Military Aid to Ukraine"

static const char simple_page[] =
    "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
    "<title>A simple page</title></head><body>"
    "<h1>A simple page</h1>"
    "<p>The first paragraph of the simple page has a few words in it, and then some "
    "more, so that it reads like the opening of a short news story.</p>"
    "<p>The second paragraph says something else, at some length too: enough words "
    "for any extraction to keep it as part of the article's body.</p>"
    "</body></html>";

static char *read_example(const char *name, size_t *len)
{
    char path[4096];
    char rel[256];
    char *buf;
    snprintf(rel, sizeof rel, "examples/data/%s", name);
    buf = np_test_read(np_test_path(path, sizeof path, rel), len);
    ck_assert_msg(buf != NULL, "cannot read %s", path);
    return buf;
}

static np_parser *new_parser(uint32_t flags)
{
    np_parse_options o = NP_PARSE_OPTIONS_INIT;
    np_parser *p = NULL;
    o.flags = flags;
    ck_assert_int_eq(np_parser_new(&p, &o), NP_OK);
    ck_assert_ptr_nonnull(p);
    return p;
}

static np_document *parse_html_ok(np_parser *p, const char *buf, size_t len)
{
    np_document *d = NULL;
    int rc = np_parse_html(p, &d, buf, len, NULL);
    ck_assert_msg(rc == NP_OK, "np_parse_html: %s (%s)", np_strerror(rc),
                  np_parser_errmsg(p));
    ck_assert_ptr_nonnull(d);
    return d;
}

/* Checks what holds for any document: body = blocks joined by a blank
 * line, spans inside the body, valid UTF-8 everywhere. */
static void check_document_invariants(const np_document *d)
{
    size_t blen = 0, n = np_document_block_count(d), pos = 0;
    const char *body = np_document_body(d, &blen);

    ck_assert_ptr_nonnull(body);
    ck_assert_uint_eq(strlen(body), blen);
    ck_assert_msg(np_check_utf8(body, blen), "body is not valid UTF-8");
    if (n == 0)
        ck_assert_uint_eq(blen, 0);
    for (size_t i = 0; i < n; i++) {
        size_t len = 0, start = 0;
        const char *t = np_document_block_text(d, i, &len, &start);
        ck_assert_ptr_nonnull(t);
        ck_assert_uint_eq(strlen(t), len);
        ck_assert_ptr_nonnull(np_block_kind_name(np_document_block_kind(d, i)));
        ck_assert_uint_eq(start, pos);
        ck_assert_uint_le(start + len, blen);
        ck_assert_msg(memcmp(body + start, t, len) == 0, "block %zu differs from the body", i);
        pos = start + len;
        if (i + 1 < n) {
            ck_assert_msg(pos + 2 <= blen && memcmp(body + pos, "\n\n", 2) == 0,
                          "blocks %zu and %zu not separated by a blank line", i, i + 1);
            pos += 2;
        }
    }
    ck_assert_uint_eq(pos, blen);

    for (size_t i = 0; i < np_document_entity_count(d); i++) {
        const np_entity *e = np_document_entity(d, i);
        size_t s, en;
        ck_assert_ptr_nonnull(e);
        ck_assert_ptr_nonnull(np_entity_name(e));
        ck_assert_ptr_nonnull(np_entity_type_name(np_entity_type(e)));
        for (size_t m = 0; m < np_entity_mention_count(e); m++) {
            ck_assert_int_eq(np_entity_mention(e, m, &s, &en), NP_OK);
            ck_assert_uint_le(s, en);
            ck_assert_uint_le(en, blen);
        }
        ck_assert_int_eq(np_entity_mention(e, np_entity_mention_count(e), &s, &en),
                         NP_ENOTFOUND);
    }
    for (size_t i = 0; i < np_document_quote_count(d); i++) {
        const np_quote *q = np_document_quote(d, i);
        ck_assert_ptr_nonnull(q);
        ck_assert_ptr_nonnull(np_quote_text(q));
        ck_assert_uint_le(np_quote_start(q), np_quote_end(q));
        ck_assert_uint_le(np_quote_end(q), blen);
        ck_assert(np_quote_kind(q) == NP_QUOTE_DIRECT || np_quote_kind(q) == NP_QUOTE_PARTIAL);
        {
            size_t ent = SIZE_MAX;
            int rc = np_quote_speaker_entity(q, &ent);
            ck_assert(rc == NP_OK || rc == NP_ENOTFOUND);
            ck_assert(rc != NP_OK || ent < np_document_entity_count(d));
            ck_assert(rc == NP_OK || ent == SIZE_MAX);
        }
    }
    for (size_t i = 0; i < np_document_fix_count(d); i++) {
        const np_fix *f = np_document_fix(d, i);
        const char *after;
        ck_assert_ptr_nonnull(f);
        ck_assert_ptr_nonnull(np_fix_rule(f));
        ck_assert_ptr_nonnull(np_fix_before(f));
        after = np_fix_after(f);
        ck_assert_ptr_nonnull(after);
        ck_assert_uint_le(np_fix_start(f), np_fix_end(f));
        ck_assert_uint_le(np_fix_end(f), blen);
        ck_assert_uint_le(np_fix_input_start(f), np_fix_input_end(f));
        ck_assert_uint_eq(np_fix_end(f) - np_fix_start(f), strlen(after));
        ck_assert_msg(memcmp(body + np_fix_start(f), after, strlen(after)) == 0,
                      "fix %zu (%s): body[%zu..%zu) is not its 'after' text", i,
                      np_fix_rule(f), np_fix_start(f), np_fix_end(f));
    }
}

/* ---------------------------------------------------------- versions */

START_TEST(test_version)
{
    char expect[64];
    ck_assert_str_eq(np_version(), NP_VERSION_STRING);
    ck_assert_int_eq(np_version_number(), NP_VERSION_NUMBER);
    ck_assert_int_eq(NP_VERSION_NUMBER,
                     NP_VERSION_MAJOR * 10000 + NP_VERSION_MINOR * 100 + NP_VERSION_PATCH);
    snprintf(expect, sizeof expect, "%d.%d.%d", NP_VERSION_MAJOR, NP_VERSION_MINOR,
             NP_VERSION_PATCH);
    ck_assert_str_eq(NP_VERSION_STRING, expect);
    /* The ABI version stays 0 until 1.0. */
    if (NP_VERSION_MAJOR == 0)
        ck_assert_int_eq(NP_SOVERSION, 0);
}
END_TEST

/* ----------------------------------------------------------- options */

START_TEST(test_options_init)
{
    np_parse_options o, ref = NP_PARSE_OPTIONS_INIT;
    np_clean_options co, cref = NP_CLEAN_OPTIONS_INIT;

    ck_assert_int_eq(np_parse_options_init(NULL, NP_PARSE_OPTIONS_VERSION), NP_EINVAL);
    ck_assert_int_eq(np_parse_options_init(&o, 0), NP_EINVAL);
    ck_assert_int_eq(np_parse_options_init(&o, NP_PARSE_OPTIONS_VERSION + 1), NP_EINVAL);
    ck_assert_int_eq(np_parse_options_init(&o, 0xFFFFFFFFu), NP_EINVAL);

    memset(&o, 0xA5, sizeof o);
    ck_assert_int_eq(np_parse_options_init(&o, NP_PARSE_OPTIONS_VERSION), NP_OK);
    ck_assert_uint_eq(o.version, NP_PARSE_OPTIONS_VERSION);
    ck_assert_uint_eq(o.flags, ref.flags);
    ck_assert_uint_eq(o.max_bytes, ref.max_bytes);
    ck_assert_ptr_null(o.base_url);
    ck_assert_ptr_null(o.charset);
    ck_assert_uint_eq(o.max_depth, ref.max_depth);
    ck_assert_uint_eq(o.max_nodes, ref.max_nodes);
    ck_assert_uint_eq(o.max_attributes, 0);
    ck_assert_uint_eq(o.max_blocks, 0);
    ck_assert_uint_eq(o.max_entities, 0);
    ck_assert_uint_eq(o.max_quotes, 0);
    ck_assert_uint_eq(o.max_work, 0);
    ck_assert_uint_eq(ref.version, NP_PARSE_OPTIONS_VERSION);

    ck_assert_int_eq(np_clean_options_init(NULL, NP_CLEAN_OPTIONS_VERSION), NP_EINVAL);
    ck_assert_int_eq(np_clean_options_init(&co, 0), NP_EINVAL);
    ck_assert_int_eq(np_clean_options_init(&co, NP_CLEAN_OPTIONS_VERSION + 1), NP_EINVAL);
    memset(&co, 0x5A, sizeof co);
    ck_assert_int_eq(np_clean_options_init(&co, NP_CLEAN_OPTIONS_VERSION), NP_OK);
    ck_assert_uint_eq(co.version, cref.version);
    ck_assert_uint_eq(co.flags, 0);
    ck_assert_uint_eq(co.max_bytes, 0);
}
END_TEST

/* The options structs are ABI: their layout never changes for a version.
 * A failure here means a field was inserted, removed or resized; append
 * fields and bump the version instead. */
START_TEST(test_options_layout)
{
    ck_assert_uint_eq(NP_PARSE_OPTIONS_VERSION, 1);
    ck_assert_uint_eq(offsetof(np_parse_options, version), 0);
    ck_assert_uint_eq(offsetof(np_parse_options, flags), sizeof(unsigned int));
    ck_assert_uint_eq(offsetof(np_parse_options, max_bytes), 8);
    ck_assert_uint_eq(offsetof(np_parse_options, base_url), 8 + sizeof(size_t));
    ck_assert_uint_eq(offsetof(np_parse_options, charset), 8 + sizeof(size_t) + sizeof(char *));
    ck_assert_uint_eq(offsetof(np_parse_options, max_depth), 8 + sizeof(size_t) + 2 * sizeof(char *));
    ck_assert_uint_eq(offsetof(np_parse_options, max_nodes), 8 + 2 * sizeof(size_t) + 2 * sizeof(char *));
    ck_assert_uint_eq(offsetof(np_parse_options, max_attributes), 8 + 3 * sizeof(size_t) + 2 * sizeof(char *));
    ck_assert_uint_eq(offsetof(np_parse_options, max_blocks), 8 + 4 * sizeof(size_t) + 2 * sizeof(char *));
    ck_assert_uint_eq(offsetof(np_parse_options, max_entities), 8 + 5 * sizeof(size_t) + 2 * sizeof(char *));
    ck_assert_uint_eq(offsetof(np_parse_options, max_quotes), 8 + 6 * sizeof(size_t) + 2 * sizeof(char *));
    ck_assert_uint_eq(offsetof(np_parse_options, max_work), 8 + 7 * sizeof(size_t) + 2 * sizeof(char *));
    ck_assert_uint_eq(sizeof(np_parse_options), 8 + 8 * sizeof(size_t) + 2 * sizeof(char *));

    ck_assert_uint_eq(NP_CLEAN_OPTIONS_VERSION, 1);
    ck_assert_uint_eq(offsetof(np_clean_options, flags), sizeof(unsigned int));
    ck_assert_uint_eq(offsetof(np_clean_options, max_bytes), 8);
    ck_assert_uint_eq(sizeof(np_clean_options), 8 + sizeof(size_t));
#if SIZE_MAX == UINT64_MAX
    ck_assert_uint_eq(sizeof(np_parse_options), 88);
    ck_assert_uint_eq(sizeof(np_clean_options), 16);
#endif
    /* Flag bits are never reused: pin them. */
    ck_assert_uint_eq(NP_PARSE_NO_CLEAN, 1u);
    ck_assert_uint_eq(NP_PARSE_NO_ENTITIES, 2u);
    ck_assert_uint_eq(NP_PARSE_NO_QUOTES, 4u);
    ck_assert_uint_eq(NP_PARSE_NO_METADATA, 8u);
    ck_assert_uint_eq(NP_PARSE_TRUNCATE, 16u);
    ck_assert_uint_eq(NP_PARSE_KEEP_ALL, 32u);
    ck_assert_uint_eq(NP_CLEAN_NO_APOSTROPHES, 64u);
    ck_assert_uint_eq(NP_JSON_NO_SOURCES, 8u);
}
END_TEST

START_TEST(test_parser_new_errors)
{
    np_parse_options o = NP_PARSE_OPTIONS_INIT;
    np_parser *p = (np_parser *)&o;   /* any non-NULL value: must be reset */

    ck_assert_int_eq(np_parser_new(NULL, NULL), NP_EINVAL);
    ck_assert_int_eq(np_parser_new(NULL, &o), NP_EINVAL);

    o.version = 0;
    ck_assert_int_eq(np_parser_new(&p, &o), NP_EINVAL);
    ck_assert_ptr_null(p);

    p = (np_parser *)&o;
    o.version = NP_PARSE_OPTIONS_VERSION + 1;
    ck_assert_int_eq(np_parser_new(&p, &o), NP_EINVAL);
    ck_assert_ptr_null(p);

    o.version = NP_PARSE_OPTIONS_VERSION;
    ck_assert_int_eq(np_parser_new(&p, &o), NP_OK);
    ck_assert_ptr_nonnull(p);
    ck_assert_str_eq(np_parser_errmsg(p), "");
    ck_assert_int_eq(np_parser_errcode(p), NP_OK);
    np_parser_free(p);

    ck_assert_int_eq(np_parser_new(&p, NULL), NP_OK);
    np_parser_free(p);

    /* Every free function accepts NULL. */
    np_parser_free(NULL);
    np_document_free(NULL);
    np_clean_result_free(NULL);
    np_free(NULL);
}
END_TEST

/* ------------------------------------------------------ error codes */

START_TEST(test_strerror)
{
    static const struct { int code; const char *name; } codes[] = {
        { NP_OK, "NP_OK" }, { NP_ERROR, "NP_ERROR" }, { NP_ENOMEM, "NP_ENOMEM" },
        { NP_EINVAL, "NP_EINVAL" }, { NP_EENCODING, "NP_EENCODING" },
        { NP_EPARSE, "NP_EPARSE" }, { NP_ENOTFOUND, "NP_ENOTFOUND" },
        { NP_ELIMIT, "NP_ELIMIT" },
    };
    size_t n = sizeof codes / sizeof codes[0];

    /* The codes are ABI: never renumbered. */
    ck_assert_int_eq(NP_OK, 0);
    ck_assert_int_eq(NP_ERROR, -1);
    ck_assert_int_eq(NP_ENOMEM, -2);
    ck_assert_int_eq(NP_EINVAL, -3);
    ck_assert_int_eq(NP_EENCODING, -4);
    ck_assert_int_eq(NP_EPARSE, -5);
    ck_assert_int_eq(NP_ENOTFOUND, -6);
    ck_assert_int_eq(NP_ELIMIT, -7);

    for (size_t i = 0; i < n; i++) {
        const char *s = np_strerror(codes[i].code);
        ck_assert_ptr_nonnull(s);
        ck_assert_msg(*s != '\0', "empty text for %s", codes[i].name);
        ck_assert_str_eq(np_strerror_name(codes[i].code), codes[i].name);
        for (size_t j = 0; j < i; j++)
            ck_assert_msg(strcmp(s, np_strerror(codes[j].code)) != 0,
                          "%s and %s share a text", codes[i].name, codes[j].name);
    }
    /* Unknown codes still give some static text. */
    ck_assert_ptr_nonnull(np_strerror(12345));
    ck_assert_ptr_nonnull(np_strerror(-999));
    ck_assert_str_eq(np_strerror_name(12345), "NP_UNKNOWN");
    ck_assert_str_eq(np_strerror_name(-999), "NP_UNKNOWN");
    ck_assert_str_eq(np_strerror(12345), "unknown error");
}
END_TEST

START_TEST(test_parse_null_arguments)
{
    np_parser *p = new_parser(0);
    np_document *d = (np_document *)p;

    ck_assert_int_eq(np_parse_html(NULL, &d, "<p>x</p>", 8, NULL), NP_EINVAL);
    ck_assert_ptr_null(d);
    ck_assert_int_eq(np_parse_text(NULL, &d, "x", 1, NULL), NP_EINVAL);

    ck_assert_int_eq(np_parse_html(p, NULL, "<p>x</p>", 8, NULL), NP_EINVAL);
    ck_assert_int_eq(np_parser_errcode(p), NP_EINVAL);
    ck_assert_str_ne(np_parser_errmsg(p), "");
    ck_assert_int_eq(np_parse_text(p, NULL, "x", 1, NULL), NP_EINVAL);
    ck_assert_str_ne(np_parser_errmsg(p), "");

    d = (np_document *)p;
    ck_assert_int_eq(np_parse_html(p, &d, NULL, 5, NULL), NP_EINVAL);
    ck_assert_ptr_null(d);
    ck_assert_str_ne(np_parser_errmsg(p), "");
    d = (np_document *)p;
    ck_assert_int_eq(np_parse_text(p, &d, NULL, 5, NULL), NP_EINVAL);
    ck_assert_ptr_null(d);

    /* A successful call clears the message. */
    d = parse_html_ok(p, simple_page, strlen(simple_page));
    ck_assert_str_eq(np_parser_errmsg(p), "");
    ck_assert_int_eq(np_parser_errcode(p), NP_OK);
    np_document_free(d);

    /* Without a parser there is no message, but a static text. */
    ck_assert_ptr_nonnull(np_parser_errmsg(NULL));

    ck_assert_int_eq(np_document_to_json(NULL, "x", 0, (char **)&d, NULL), NP_EINVAL);
    ck_assert_int_eq(np_document_to_text(NULL, 0, (char **)&d, NULL), NP_EINVAL);

    ck_assert_int_eq(np_looks_like_html(NULL, 0), 0);
    ck_assert_int_eq(np_looks_like_html(NULL, 100), 0);
    ck_assert_int_eq(np_looks_like_html("", 0), 0);
    np_parser_free(p);
}
END_TEST

START_TEST(test_accessors_null)
{
    size_t len = 99, start = 99, s = 1, e = 1;

    ck_assert_ptr_null(np_document_title(NULL));
    ck_assert_ptr_null(np_document_description(NULL));
    ck_assert_ptr_null(np_document_published(NULL));
    ck_assert_ptr_null(np_document_modified(NULL));
    ck_assert_ptr_null(np_document_site_name(NULL));
    ck_assert_ptr_null(np_document_language(NULL));
    ck_assert_ptr_null(np_document_url(NULL));
    ck_assert_ptr_null(np_document_image(NULL));
    ck_assert_uint_eq(np_document_author_count(NULL), 0);
    ck_assert_ptr_null(np_document_author(NULL, 0));
    ck_assert_ptr_null(np_document_source(NULL, "title"));
    ck_assert_int_eq(np_document_is_article(NULL), 0);
    ck_assert_int_eq(np_document_truncated(NULL), 0);
    ck_assert_str_eq(np_document_body(NULL, &len), "");
    ck_assert_uint_eq(len, 0);
    ck_assert_str_eq(np_document_body(NULL, NULL), "");
    ck_assert_uint_eq(np_document_word_count(NULL), 0);

    ck_assert_uint_eq(np_document_block_count(NULL), 0);
    ck_assert_int_eq(np_document_block_kind(NULL, 0), -1);
    ck_assert_ptr_null(np_document_block_text(NULL, 0, &len, &start));
    ck_assert_ptr_null(np_document_block_text(NULL, 0, NULL, NULL));

    ck_assert_uint_eq(np_document_image_count(NULL), 0);
    ck_assert_ptr_null(np_document_image_src(NULL, 0));
    ck_assert_ptr_null(np_document_image_caption(NULL, 0));
    ck_assert_ptr_null(np_document_image_credit(NULL, 0));

    ck_assert_uint_eq(np_document_entity_count(NULL), 0);
    ck_assert_ptr_null(np_document_entity(NULL, 0));
    ck_assert_ptr_null(np_entity_name(NULL));
    ck_assert_int_eq(np_entity_type(NULL), -1);
    ck_assert_ptr_null(np_entity_role(NULL));
    ck_assert_uint_eq(np_entity_mention_count(NULL), 0);
    ck_assert_int_eq(np_entity_mention(NULL, 0, &s, &e), NP_EINVAL);

    ck_assert_uint_eq(np_document_quote_count(NULL), 0);
    ck_assert_ptr_null(np_document_quote(NULL, 0));
    ck_assert_ptr_null(np_quote_text(NULL));
    ck_assert_ptr_null(np_quote_speaker(NULL));
    ck_assert_int_eq(np_quote_speaker_entity(NULL, NULL), NP_EINVAL);
    ck_assert_ptr_null(np_quote_cue(NULL));
    ck_assert_int_eq(np_quote_kind(NULL), -1);
    ck_assert_uint_eq(np_quote_start(NULL), 0);
    ck_assert_uint_eq(np_quote_end(NULL), 0);

    ck_assert_uint_eq(np_document_fix_count(NULL), 0);
    ck_assert_ptr_null(np_document_fix(NULL, 0));
    ck_assert_ptr_null(np_fix_rule(NULL));
    ck_assert_ptr_null(np_fix_before(NULL));
    ck_assert_ptr_null(np_fix_after(NULL));
    ck_assert_uint_eq(np_fix_start(NULL), 0);
    ck_assert_uint_eq(np_fix_end(NULL), 0);
    ck_assert_uint_eq(np_fix_input_start(NULL), 0);
    ck_assert_uint_eq(np_fix_input_end(NULL), 0);

    ck_assert(np_document_stage_seconds(NULL, NP_STAGE_LOAD) == -1.0);

    ck_assert_uint_eq(np_clean_result_fix_count(NULL), 0);
    ck_assert_ptr_null(np_clean_result_fix(NULL, 0));
    (void)np_clean_result_text(NULL, &len);   /* must not crash */

    /* Name tables. */
    ck_assert_str_eq(np_block_kind_name(NP_BLOCK_PARAGRAPH), "paragraph");
    ck_assert_str_eq(np_block_kind_name(NP_BLOCK_HEADING), "heading");
    ck_assert_str_eq(np_block_kind_name(NP_BLOCK_LIST_ITEM), "list_item");
    ck_assert_str_eq(np_block_kind_name(NP_BLOCK_BLOCKQUOTE), "blockquote");
    ck_assert_str_eq(np_block_kind_name(NP_BLOCK_CAPTION), "caption");
    ck_assert_str_eq(np_block_kind_name(NP_BLOCK_PREFORMATTED), "preformatted");
    ck_assert_ptr_null(np_block_kind_name(-1));
    ck_assert_ptr_null(np_block_kind_name(6));
    ck_assert_str_eq(np_entity_type_name(NP_ENTITY_PERSON), "PERSON");
    ck_assert_str_eq(np_entity_type_name(NP_ENTITY_ORG), "ORG");
    ck_assert_str_eq(np_entity_type_name(NP_ENTITY_PLACE), "PLACE");
    ck_assert_ptr_null(np_entity_type_name(-1));
    ck_assert_ptr_null(np_entity_type_name(3));
}
END_TEST

START_TEST(test_out_of_range)
{
    np_parser *p = new_parser(0);
    size_t len;
    char *html = read_example("article.html", &len);
    np_document *d = parse_html_ok(p, html, len);
    size_t big[] = { 0, 1, 1000, ((size_t)-1) / 2 };
    size_t s, e;

    for (size_t k = 0; k < sizeof big / sizeof big[0]; k++) {
        size_t off = big[k];
        size_t n = np_document_block_count(d);
        ck_assert_int_eq(np_document_block_kind(d, n + off), -1);
        ck_assert_ptr_null(np_document_block_text(d, n + off, &s, &e));
        ck_assert_ptr_null(np_document_author(d, np_document_author_count(d) + off));
        n = np_document_image_count(d);
        ck_assert_ptr_null(np_document_image_src(d, n + off));
        ck_assert_ptr_null(np_document_image_caption(d, n + off));
        ck_assert_ptr_null(np_document_image_credit(d, n + off));
        ck_assert_ptr_null(np_document_entity(d, np_document_entity_count(d) + off));
        ck_assert_ptr_null(np_document_quote(d, np_document_quote_count(d) + off));
        ck_assert_ptr_null(np_document_fix(d, np_document_fix_count(d) + off));
    }
    /* The largest index of all. */
    ck_assert_int_eq(np_document_block_kind(d, (size_t)-1), -1);
    ck_assert_ptr_null(np_document_block_text(d, (size_t)-1, NULL, NULL));
    ck_assert_ptr_null(np_document_author(d, (size_t)-1));
    ck_assert_ptr_null(np_document_image_src(d, (size_t)-1));
    ck_assert_ptr_null(np_document_entity(d, (size_t)-1));
    ck_assert_ptr_null(np_document_quote(d, (size_t)-1));
    ck_assert_ptr_null(np_document_fix(d, (size_t)-1));
    for (size_t i = 0; i < np_document_entity_count(d); i++) {
        const np_entity *en = np_document_entity(d, i);
        ck_assert_int_eq(np_entity_mention(en, (size_t)-1, &s, &e), NP_ENOTFOUND);
    }
    ck_assert(np_document_stage_seconds(d, -1) == -1.0);
    ck_assert(np_document_stage_seconds(d, NP_STAGE_COUNT) == -1.0);
    for (int st = 0; st < NP_STAGE_COUNT; st++)
        ck_assert(np_document_stage_seconds(d, st) >= 0.0);
    ck_assert_ptr_null(np_document_source(d, NULL));
    ck_assert_ptr_null(np_document_source(d, "no-such-field"));
    ck_assert_ptr_null(np_document_source(d, ""));

    check_document_invariants(d);
    np_document_free(d);
    np_parser_free(p);
    free(html);
}
END_TEST

/* --------------------------------------------------------- bad input */

START_TEST(test_empty_input)
{
    np_parser *p = new_parser(0);
    np_document *d = NULL;
    size_t len = 1;
    const char *blank = "  \n\t\r\n  ";

    ck_assert_int_eq(np_parse_html(p, &d, "", 0, NULL), NP_OK);
    ck_assert_str_eq(np_document_body(d, &len), "");
    ck_assert_uint_eq(len, 0);
    ck_assert_uint_eq(np_document_block_count(d), 0);
    ck_assert_ptr_null(np_document_title(d));
    ck_assert_int_eq(np_document_is_article(d), 0);
    np_document_free(d);

    ck_assert_int_eq(np_parse_html(p, &d, NULL, 0, NULL), NP_OK);
    ck_assert_str_eq(np_document_body(d, NULL), "");
    np_document_free(d);

    ck_assert_int_eq(np_parse_text(p, &d, NULL, 0, NULL), NP_OK);
    ck_assert_str_eq(np_document_body(d, NULL), "");
    ck_assert_uint_eq(np_document_block_count(d), 0);
    ck_assert_uint_eq(np_document_word_count(d), 0);
    np_document_free(d);

    ck_assert_int_eq(np_parse_text(p, &d, blank, strlen(blank), NULL), NP_OK);
    ck_assert_str_eq(np_document_body(d, NULL), "");
    np_document_free(d);

    ck_assert_int_eq(np_parse_html(p, &d, "<html></html>", 13, NULL), NP_OK);
    ck_assert_str_eq(np_document_body(d, NULL), "");
    np_document_free(d);
    np_parser_free(p);
}
END_TEST

START_TEST(test_invalid_utf8)
{
    static const char text[] = "caf\xe9 ol\xc3 \xff\xfe ok \xed\xa0\x80 \xc0\xaf end\n"
                               "\xf4\x90\x80\x80 more \xe2\x82 words";
    static const char page[] = "<html><head><meta charset=\"utf-8\"><title>T\xff</title>"
                               "</head><body><p>caf\xe9 \xc3\x28 \xed\xa0\x80 ok</p></body></html>";
    np_parse_options o = NP_PARSE_OPTIONS_INIT;
    np_parser *p = new_parser(0), *strict;
    np_document *d = NULL;
    const char *t;

    ck_assert_int_eq(np_parse_text(p, &d, text, sizeof text - 1, NULL), NP_OK);
    check_document_invariants(d);
    ck_assert_ptr_nonnull(strstr(np_document_body(d, NULL), "ok"));
    ck_assert_ptr_nonnull(strstr(np_document_body(d, NULL), "words"));
    np_document_free(d);

    ck_assert_int_eq(np_parse_html(p, &d, page, sizeof page - 1, NULL), NP_OK);
    check_document_invariants(d);
    t = np_document_title(d);
    if (t)
        ck_assert(np_check_utf8(t, strlen(t)));
    np_document_free(d);

    /* Without cleanup, invalid UTF-8 in text is an encoding error. */
    o.flags = NP_PARSE_NO_CLEAN;
    ck_assert_int_eq(np_parser_new(&strict, &o), NP_OK);
    d = (np_document *)strict;
    ck_assert_int_eq(np_parse_text(strict, &d, text, sizeof text - 1, NULL), NP_EENCODING);
    ck_assert_ptr_null(d);
    ck_assert_int_eq(np_parser_errcode(strict), NP_EENCODING);
    ck_assert_str_ne(np_parser_errmsg(strict), "");
    /* ... and the parser is still usable. */
    ck_assert_int_eq(np_parse_text(strict, &d, "fine text", 9, NULL), NP_OK);
    ck_assert_str_eq(np_parser_errmsg(strict), "");
    np_document_free(d);
    np_parser_free(strict);
    np_parser_free(p);
}
END_TEST

START_TEST(test_truncated_page)
{
    np_parser *p = new_parser(0);
    size_t len;
    char *html = read_example("article.html", &len);
    const char *cut_points[] = { "<p>On Sunday", "Palace, both Biden", "</article>",
                                 "</p>\n    <p>Additionally" };

    for (size_t k = 0; k < sizeof cut_points / sizeof cut_points[0]; k++) {
        const char *at = strstr(html, cut_points[k]);
        np_document *d;
        ck_assert_ptr_nonnull(at);
        /* Cut inside the tag or word that starts there. */
        d = parse_html_ok(p, html, (size_t)(at - html) + 3);
        check_document_invariants(d);
        ck_assert_str_eq(np_document_title(d), HEADLINE);
        np_document_free(d);
    }
    /* Cut in the middle of a two-byte character (the É of Élysée). */
    {
        const char *at = strstr(html, "\xc3\x89lys\xc3\xa9" "e Palace, both");
        np_document *d;
        ck_assert_ptr_nonnull(at);
        d = parse_html_ok(p, html, (size_t)(at - html) + 1);
        check_document_invariants(d);
        np_document_free(d);
        ck_assert_int_eq(np_parse_text(p, &d, html, (size_t)(at - html) + 1, NULL), NP_OK);
        check_document_invariants(d);
        np_document_free(d);
    }
    /* Cut in the middle of the document head. */
    {
        np_document *d = parse_html_ok(p, html, 200);
        check_document_invariants(d);
        np_document_free(d);
    }
    free(html);
    np_parser_free(p);
}
END_TEST

START_TEST(test_binary_junk)
{
    np_parser *p = new_parser(0);
    size_t n = 256 * 1024;
    unsigned char *junk = malloc(n);
    uint32_t x = 2463534242u;
    ck_assert_ptr_nonnull(junk);

    for (int round = 0; round < 3; round++) {
        for (size_t i = 0; i < n; i++) {
            x ^= x << 13; x ^= x >> 17; x ^= x << 5;   /* xorshift32 */
            junk[i] = (unsigned char)x;
            if (round == 1 && (x & 7) == 0)
                junk[i] = "<>&/=\"' \n"[x % 9];        /* markup-ish junk */
            if (round == 2 && i < 9)
                junk[i] = (unsigned char)"<!DOCTYPE"[i];
        }
        for (int as_text = 0; as_text < 2; as_text++) {
            np_document *d = NULL;
            int rc = as_text ? np_parse_text(p, &d, (const char *)junk, n, NULL)
                             : np_parse_html(p, &d, (const char *)junk, n, NULL);
            if (rc == NP_OK) {
                char *json = NULL;
                size_t jlen;
                check_document_invariants(d);
                ck_assert_int_eq(np_document_to_json(d, "junk", 0, &json, &jlen), NP_OK);
                ck_assert(np_check_utf8(json, jlen));
                np_free(json);
                np_document_free(d);
            } else {
                ck_assert_ptr_null(d);
                ck_assert_int_eq(np_parser_errcode(p), rc);
                ck_assert_str_ne(np_parser_errmsg(p), "");
            }
        }
    }
    free(junk);
    np_parser_free(p);
}
END_TEST

/* Appends one paragraph of about 1 KB (so that 50 MB stays well under the
 * default block limit). */
static size_t long_paragraph(char *out, size_t i, const char *open, const char *close)
{
    size_t n = (size_t)sprintf(out, "%sParagraph %zu of a very long article.", open, i);
    for (int k = 0; k < 8; k++)
        n += (size_t)sprintf(out + n, " Sentence %d goes on with enough words in it to "
                                      "read like prose and not like a list of links.", k);
    n += (size_t)sprintf(out + n, "%s", close);
    return n;
}

START_TEST(test_large_input)
{
    size_t target = 50u * 1024 * 1024, n = 0, paras = 0;
    char *buf = malloc(target + 4096);
    np_parser *p = new_parser(NP_PARSE_NO_ENTITIES | NP_PARSE_NO_QUOTES);
    np_document *d;
    size_t blen;
    const char *body;

    ck_assert_ptr_nonnull(buf);
    n += (size_t)sprintf(buf, "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                              "<title>A very long page</title></head><body><article>\n");
    while (n < target)
        n += long_paragraph(buf + n, paras++, "<p>", "</p>\n");
    n += (size_t)sprintf(buf + n, "</article></body></html>\n");

    d = parse_html_ok(p, buf, n);
    body = np_document_body(d, &blen);
    ck_assert_msg(blen > target / 2, "body of %zu bytes from a %zu-byte page", blen, n);
    ck_assert_ptr_nonnull(strstr(body, "Paragraph 0 of a very long article"));
    ck_assert_int_eq(np_document_truncated(d), 0);
    ck_assert_str_eq(np_document_title(d), "A very long page");
    check_document_invariants(d);
    np_document_free(d);

    /* 50 MB of plain text. */
    n = 0;
    paras = 0;
    while (n < target)
        n += long_paragraph(buf + n, paras++, "", "\n\n");
    ck_assert_int_eq(np_parse_text(p, &d, buf, n, NULL), NP_OK);
    body = np_document_body(d, &blen);
    ck_assert_msg(blen > target / 2, "body of %zu bytes from %zu bytes of text", blen, n);
    ck_assert_ptr_nonnull(strstr(body, "Paragraph 1 of a very long article"));
    ck_assert_int_eq(np_document_truncated(d), 0);
    np_document_free(d);

    free(buf);
    np_parser_free(p);
}
END_TEST

START_TEST(test_max_bytes)
{
    np_parse_options o = NP_PARSE_OPTIONS_INIT;
    np_parser *p, *pt;
    np_document *d = NULL;
    size_t len;
    char *html = read_example("article.html", &len);
    char *json = NULL;
    json_t *root;
    json_error_t jerr;

    ck_assert_uint_gt(len, 4000);
    o.max_bytes = 4000;
    ck_assert_int_eq(np_parser_new(&p, &o), NP_OK);

    d = (np_document *)p;
    ck_assert_int_eq(np_parse_html(p, &d, html, len, NULL), NP_ELIMIT);
    ck_assert_ptr_null(d);
    ck_assert_int_eq(np_parser_errcode(p), NP_ELIMIT);
    ck_assert_str_ne(np_parser_errmsg(p), "");
    ck_assert_msg(strstr(np_parser_errmsg(p), "4000") != NULL,
                  "the message does not give the limit: %s", np_parser_errmsg(p));

    ck_assert_int_eq(np_parse_text(p, &d, html, len, NULL), NP_ELIMIT);
    ck_assert_ptr_null(d);
    ck_assert_str_ne(np_parser_errmsg(p), "");

    /* At the limit is fine. */
    d = parse_html_ok(p, html, 4000);
    ck_assert_int_eq(np_document_truncated(d), 0);
    np_document_free(d);
    d = parse_html_ok(p, simple_page, strlen(simple_page));
    ck_assert_int_eq(np_document_truncated(d), 0);
    np_document_free(d);
    np_parser_free(p);

    /* With NP_PARSE_TRUNCATE the first max_bytes are parsed instead. */
    o.flags = NP_PARSE_TRUNCATE;
    ck_assert_int_eq(np_parser_new(&pt, &o), NP_OK);
    d = parse_html_ok(pt, html, len);
    ck_assert_int_eq(np_document_truncated(d), 1);
    check_document_invariants(d);
    ck_assert_int_eq(np_document_to_json(d, NULL, 0, &json, NULL), NP_OK);
    root = json_loads(json, 0, &jerr);
    ck_assert_msg(root != NULL, "JSON: %s", jerr.text);
    ck_assert(json_is_true(json_object_get(root, "truncated")));
    json_decref(root);
    np_free(json);
    np_document_free(d);

    ck_assert_int_eq(np_parse_text(pt, &d, html, len, NULL), NP_OK);
    ck_assert_int_eq(np_document_truncated(d), 1);
    ck_assert_uint_le(np_document_body(d, NULL) ? strlen(np_document_body(d, NULL)) : 0, 4000);
    np_document_free(d);
    np_parser_free(pt);

    /* The standalone cleanup has its own limit. */
    {
        np_clean_options co = NP_CLEAN_OPTIONS_INIT;
        np_clean_result *r = NULL;
        co.max_bytes = 10;
        ck_assert_int_eq(np_clean(&r, "0123456789ABC", 13, &co), NP_ELIMIT);
        ck_assert_ptr_null(r);
        ck_assert_int_eq(np_clean(&r, "0123456789", 10, &co), NP_OK);
        ck_assert_str_eq(np_clean_result_text(r, NULL), "0123456789");
        np_clean_result_free(r);
    }
    free(html);
}
END_TEST

START_TEST(test_clean_errors)
{
    np_clean_options co = NP_CLEAN_OPTIONS_INIT;
    np_clean_result *r = (np_clean_result *)&co;
    size_t len = 99;

    ck_assert_int_eq(np_clean(NULL, "x", 1, NULL), NP_EINVAL);
    ck_assert_int_eq(np_clean(&r, NULL, 3, NULL), NP_EINVAL);
    ck_assert_ptr_null(r);
    co.version = 0;
    ck_assert_int_eq(np_clean(&r, "x", 1, &co), NP_EINVAL);
    co.version = NP_CLEAN_OPTIONS_VERSION + 1;
    ck_assert_int_eq(np_clean(&r, "x", 1, &co), NP_EINVAL);

    ck_assert_int_eq(np_clean(&r, NULL, 0, NULL), NP_OK);
    ck_assert_str_eq(np_clean_result_text(r, &len), "");
    ck_assert_uint_eq(len, 0);
    ck_assert_uint_eq(np_clean_result_fix_count(r), 0);
    ck_assert_ptr_null(np_clean_result_fix(r, 0));
    np_clean_result_free(r);

    ck_assert_int_eq(np_clean(&r, "plain words", 11, NULL), NP_OK);
    ck_assert_str_eq(np_clean_result_text(r, &len), "plain words");
    ck_assert_uint_eq(len, 11);
    ck_assert_ptr_null(np_clean_result_fix(r, np_clean_result_fix_count(r)));
    np_clean_result_free(r);

    /* Any bytes in, valid UTF-8 out. */
    ck_assert_int_eq(np_clean(&r, "a\xff\xc3\x28z", 5, NULL), NP_OK);
    {
        const char *t = np_clean_result_text(r, &len);
        ck_assert(np_check_utf8(t, len));
        ck_assert_uint_eq(strlen(t), len);
        ck_assert_uint_gt(np_clean_result_fix_count(r), 0);
    }
    np_clean_result_free(r);
}
END_TEST

/* ---------------------------------------------------- flags and options */

START_TEST(test_stage_flags)
{
    size_t len;
    char *html = read_example("article.html", &len);
    np_parser *p = new_parser(NP_PARSE_NO_ENTITIES | NP_PARSE_NO_QUOTES | NP_PARSE_NO_CLEAN);
    np_document *d = parse_html_ok(p, html, len);

    ck_assert_uint_eq(np_document_entity_count(d), 0);
    ck_assert_uint_eq(np_document_quote_count(d), 0);
    ck_assert_uint_eq(np_document_fix_count(d), 0);
    ck_assert(np_document_stage_seconds(d, NP_STAGE_ENTITIES) == 0.0);
    ck_assert(np_document_stage_seconds(d, NP_STAGE_QUOTES) == 0.0);
    ck_assert(np_document_stage_seconds(d, NP_STAGE_CLEAN) == 0.0);
    ck_assert(np_document_stage_seconds(d, NP_STAGE_LOAD) >= 0.0);
    /* Without cleanup the damaged apostrophe stays as it was. */
    ck_assert_ptr_nonnull(strstr(np_document_body(d, NULL), "diplomacys resources"));
    check_document_invariants(d);
    np_document_free(d);
    np_parser_free(p);
    free(html);
}
END_TEST

START_TEST(test_url_and_copies)
{
    static const char page[] = "<html><head><title>No canonical here</title></head>"
                               "<body><p>Some words in a paragraph for the body, and more "
                               "of them, so that the page reads as a short article with a "
                               "body worth keeping whatever the extraction's thresholds "
                               "are.</p></body></html>";
    char base[64], url[64];
    np_parse_options o = NP_PARSE_OPTIONS_INIT;
    np_parser *p;
    np_document *d = NULL;
    char *copy;

    strcpy(base, "https://base.example.org/story");
    o.base_url = base;
    o.flags = NP_PARSE_KEEP_ALL;   /* the body is every block: no extraction choice */
    ck_assert_int_eq(np_parser_new(&p, &o), NP_OK);
    /* The options and their strings were copied. */
    memset(base, 'x', sizeof base - 1);
    o.base_url = NULL;

    d = parse_html_ok(p, page, sizeof page - 1);
    ck_assert_str_eq(np_document_url(d), "https://base.example.org/story");
    np_document_free(d);

    strcpy(url, "https://given.example.org/a/b");
    ck_assert_int_eq(np_parse_html(p, &d, page, sizeof page - 1, url), NP_OK);
    memset(url, 'y', sizeof url - 1);
    ck_assert_str_eq(np_document_url(d), "https://given.example.org/a/b");
    np_document_free(d);

    /* The input bytes were copied: the document does not read the buffer. */
    copy = strdup(page);
    ck_assert_ptr_nonnull(copy);
    d = parse_html_ok(p, copy, strlen(copy));
    memset(copy, 'z', strlen(copy));
    free(copy);
    ck_assert_str_eq(np_document_title(d), "No canonical here");
    ck_assert_ptr_nonnull(strstr(np_document_body(d, NULL), "Some words in a paragraph"));
    np_document_free(d);
    np_parser_free(p);
}
END_TEST

/* Only web addresses are exposed (url, image, images) and written into
 * HTML: javascript:, data:, file: and vbscript: in any case, with tabs or
 * newlines inside the scheme, are dropped; relative ones are resolved
 * against a web base; a base of another scheme resolves nothing. */
START_TEST(test_only_web_addresses)
{
    static const char *const bad[] = {
        "javascript:alert(1)", "JaVaScRiPt:alert(1)", " java\tscript:alert(1)",
        "file:///etc/passwd", "data:text/html,<b>x</b>", "vbscript:msgbox(1)",
    };
    char page[2048];
    size_t i, n;
    np_parser *p;
    np_document *d = NULL;
    char *html = NULL;
    ck_assert_int_eq(np_parser_new(&p, NULL), NP_OK);
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        snprintf(page, sizeof page,
                 "<html><head><title>T</title><link rel=\"canonical\" href=\"%s\">"
                 "<meta property=\"og:image\" content=\"%s\"></head><body><article>"
                 "<p>Some words in a paragraph for the body, and more of them, so "
                 "that the page reads as a short article with a body worth keeping."
                 "</p><figure><img src=\"%s\" alt=\"a cat\"><figcaption>A cat."
                 "</figcaption></figure><p>More words in a second paragraph of the "
                 "article, long enough to be kept as well by the extraction.</p>"
                 "</article></body></html>", bad[i], bad[i], bad[i]);
        ck_assert_int_eq(np_parse_html(p, &d, page, strlen(page),
                                       "https://news.example.org/a/b.html"), NP_OK);
        /* the page's own address stands in for a canonical it cannot use */
        ck_assert_str_eq(np_document_url(d), "https://news.example.org/a/b.html");
        ck_assert_ptr_null(np_document_image(d));
        for (n = 0; n < np_document_image_count(d); n++)
            ck_assert_ptr_null(np_document_image_src(d, n));
        ck_assert_int_eq(np_document_to_html(d, 0, &html, &n), NP_OK);
        ck_assert_ptr_null(strstr(html, "script:"));
        ck_assert_ptr_null(strstr(html, "file:"));
        ck_assert_ptr_null(strstr(html, "data:"));
        np_free(html);
        np_document_free(d);
    }
    /* relative and protocol-relative addresses resolve against a web base */
    snprintf(page, sizeof page,
             "<html><head><title>T</title><link rel=\"canonical\" href=\"/a/c.html\">"
             "<meta property=\"og:image\" content=\"//cdn.example.org/i.jpg\"></head>"
             "<body><p>Some words in a paragraph for the body, and more of them.</p>"
             "</body></html>");
    ck_assert_int_eq(np_parse_html(p, &d, page, strlen(page),
                                   "https://news.example.org/a/b.html"), NP_OK);
    ck_assert_str_eq(np_document_url(d), "https://news.example.org/a/c.html");
    ck_assert_str_eq(np_document_image(d), "https://cdn.example.org/i.jpg");
    np_document_free(d);
    /* a javascript: base: no relative link becomes javascript:, and the
     * base is not the document's address */
    ck_assert_int_eq(np_parse_html(p, &d, page, strlen(page),
                                   "javascript:alert(1)//"), NP_OK);
    ck_assert(!np_document_url(d) || !strstr(np_document_url(d), "script:"));
    ck_assert(!np_document_image(d) || !strstr(np_document_image(d), "script:"));
    ck_assert_int_eq(np_document_to_html(d, 0, &html, &n), NP_OK);
    ck_assert_ptr_null(strstr(html, "script:"));
    np_free(html);
    np_document_free(d);
    ck_assert_int_eq(np_parse_html(p, &d, "<p>x</p>", 8, "file:///tmp/page.html"), NP_OK);
    ck_assert_ptr_null(np_document_url(d));
    np_document_free(d);
    np_parser_free(p);
}
END_TEST

START_TEST(test_keep_all)
{
    static const char page[] =
        "<html><head><title>Keep all</title></head><body>"
        "<nav><a href=\"/\">Home</a> <a href=\"/world\">World section</a></nav>"
        "<p>Short lead.</p>"
        "<footer>Footer words here</footer>"
        "<script>var hidden = 'script text';</script></body></html>";
    np_parser *p = new_parser(NP_PARSE_KEEP_ALL);
    np_document *d = parse_html_ok(p, page, sizeof page - 1);
    const char *body = np_document_body(d, NULL);

    /* Every text block is kept, however short or boilerplate-like... */
    ck_assert_msg(strstr(body, "Short lead.") != NULL, "body: \"%s\"", body);
    ck_assert_msg(strstr(body, "World section") != NULL, "body: \"%s\"", body);
    ck_assert_msg(strstr(body, "Footer words here") != NULL, "body: \"%s\"", body);
    /* ... but scripts are not text. */
    ck_assert_ptr_null(strstr(body, "script text"));
    check_document_invariants(d);
    np_document_free(d);
    np_parser_free(p);
}
END_TEST

START_TEST(test_looks_like_html)
{
    size_t hl, tl;
    char *html = read_example("article.html", &hl);
    char *text = read_example("article.txt", &tl);

    ck_assert_int_eq(np_looks_like_html(html, hl), 1);
    ck_assert_int_eq(np_looks_like_html(text, tl), 0);
    ck_assert_int_eq(np_looks_like_html(simple_page, strlen(simple_page)), 1);
#define LOOKS(lit) np_looks_like_html(lit, sizeof(lit) - 1)
    ck_assert_int_eq(LOOKS("\xef\xbb\xbf<html><body>x"), 1);
    ck_assert_int_eq(LOOKS("  \n<div>x</div>"), 1);
    ck_assert_int_eq(LOOKS("<!doctype html><title>x</title>"), 1);
    ck_assert_int_eq(LOOKS("Just a sentence, 3 < 4 and 5 > 2."), 0);
    ck_assert_int_eq(LOOKS("Headline\n\nA paragraph of text.\n"), 0);
#undef LOOKS
    /* Never reads past len. */
    ck_assert_int_eq(np_looks_like_html("<html>", 3), 0);
    free(html);
    free(text);
}
END_TEST

/* ------------------------------------------------------------- JSON */

static void check_json_string(json_t *root, const char *key, const char *value)
{
    json_t *v = json_object_get(root, key);
    if (!value) {
        ck_assert_msg(v == NULL || json_is_null(v), "\"%s\" should be absent or null", key);
        return;
    }
    ck_assert_msg(json_is_string(v), "\"%s\" should be a string", key);
    ck_assert_str_eq(json_string_value(v), value);
}

static size_t json_size(json_t *root, const char *key)
{
    json_t *v = json_object_get(root, key);
    if (!v || json_is_null(v))
        return 0;
    ck_assert_msg(json_is_array(v), "\"%s\" should be an array", key);
    return json_array_size(v);
}

static void check_json_matches(const np_document *d, const char *source)
{
    char *out = NULL, *pretty = NULL;
    size_t len = 0, blen;
    json_t *root, *root2, *a;
    json_error_t jerr;
    const char *body = np_document_body(d, &blen);
    static const char *const fields[] = { "title", "description", "published", "modified",
                                          "site_name", "language", "url", "image" };
    const char *(*const getters[])(const np_document *) = {
        np_document_title, np_document_description, np_document_published,
        np_document_modified, np_document_site_name, np_document_language,
        np_document_url, np_document_image };

    ck_assert_int_eq(np_document_to_json(d, source, 0, &out, &len), NP_OK);
    ck_assert_ptr_nonnull(out);
    ck_assert_uint_eq(strlen(out), len);
    ck_assert_msg(memchr(out, '\n', len) == NULL, "compact JSON holds a newline");
    ck_assert(np_check_utf8(out, len));
    root = json_loadb(out, len, 0, &jerr);
    ck_assert_msg(root != NULL, "JSON does not parse: %s at %d", jerr.text, jerr.position);
    ck_assert(json_is_object(root));

    ck_assert(json_is_integer(json_object_get(root, "schema")));
    ck_assert_int_eq(json_integer_value(json_object_get(root, "schema")), 1);
    if (source)
        check_json_string(root, "source", source);
    else
        ck_assert_ptr_null(json_object_get(root, "source"));

    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
        check_json_string(root, fields[i], getters[i](d));

    ck_assert_uint_eq(json_size(root, "authors"), np_document_author_count(d));
    for (size_t i = 0; i < np_document_author_count(d); i++)
        ck_assert_str_eq(json_string_value(json_array_get(json_object_get(root, "authors"), i)),
                         np_document_author(d, i));

    a = json_object_get(root, "body");
    ck_assert(json_is_string(a));
    ck_assert_uint_eq(json_string_length(a), blen);
    ck_assert(memcmp(json_string_value(a), body, blen) == 0);

    a = json_object_get(root, "is_article");
    if (a)
        ck_assert_int_eq(json_is_true(a), np_document_is_article(d) != 0);
    a = json_object_get(root, "truncated");
    if (a)
        ck_assert_int_eq(json_is_true(a), np_document_truncated(d) != 0);
    a = json_object_get(root, "word_count");
    if (a)
        ck_assert_uint_eq((size_t)json_integer_value(a), np_document_word_count(d));

    a = json_object_get(root, "blocks");
    if (a) {
        ck_assert_uint_eq(json_array_size(a), np_document_block_count(d));
        for (size_t i = 0; i < json_array_size(a); i++) {
            json_t *b = json_array_get(a, i);
            ck_assert_str_eq(json_string_value(json_object_get(b, "kind")),
                             np_block_kind_name(np_document_block_kind(d, i)));
            ck_assert_str_eq(json_string_value(json_object_get(b, "text")),
                             np_document_block_text(d, i, NULL, NULL));
        }
    }
    a = json_object_get(root, "images");
    if (a) {
        ck_assert_uint_eq(json_array_size(a), np_document_image_count(d));
        for (size_t i = 0; i < json_array_size(a); i++) {
            json_t *im = json_array_get(a, i);
            check_json_string(im, "src", np_document_image_src(d, i));
            check_json_string(im, "caption", np_document_image_caption(d, i));
            check_json_string(im, "credit", np_document_image_credit(d, i));
        }
    }
    a = json_object_get(root, "sources");
    if (a) {
        const char *k;
        json_t *v;
        ck_assert(json_is_object(a));
        json_object_foreach(a, k, v)
            ck_assert_str_eq(json_string_value(v), np_document_source(d, k));
    }

    ck_assert_uint_eq(json_size(root, "entities"), np_document_entity_count(d));
    for (size_t i = 0; i < np_document_entity_count(d); i++) {
        const np_entity *e = np_document_entity(d, i);
        json_t *je = json_array_get(json_object_get(root, "entities"), i);
        json_t *ms = json_object_get(je, "mentions");
        check_json_string(je, "name", np_entity_name(e));
        check_json_string(je, "type", np_entity_type_name(np_entity_type(e)));
        if (json_object_get(je, "role"))
            check_json_string(je, "role", np_entity_role(e));
        ck_assert_uint_eq((size_t)json_integer_value(json_object_get(je, "count")),
                          np_entity_mention_count(e));
        ck_assert_uint_eq(json_array_size(ms), np_entity_mention_count(e));
        for (size_t m = 0; m < json_array_size(ms); m++) {
            size_t s, en;
            ck_assert_int_eq(np_entity_mention(e, m, &s, &en), NP_OK);
            ck_assert_uint_eq((size_t)json_integer_value(
                                  json_object_get(json_array_get(ms, m), "start")), s);
            ck_assert_uint_eq((size_t)json_integer_value(
                                  json_object_get(json_array_get(ms, m), "end")), en);
        }
    }
    ck_assert_uint_eq(json_size(root, "quotes"), np_document_quote_count(d));
    for (size_t i = 0; i < np_document_quote_count(d); i++) {
        const np_quote *q = np_document_quote(d, i);
        json_t *jq = json_array_get(json_object_get(root, "quotes"), i);
        check_json_string(jq, "text", np_quote_text(q));
        check_json_string(jq, "speaker", np_quote_speaker(q));
        check_json_string(jq, "cue", np_quote_cue(q));
        check_json_string(jq, "kind", np_quote_kind(q) == NP_QUOTE_DIRECT ? "direct" : "partial");
        ck_assert_uint_eq((size_t)json_integer_value(json_object_get(jq, "start")), np_quote_start(q));
        ck_assert_uint_eq((size_t)json_integer_value(json_object_get(jq, "end")), np_quote_end(q));
        if (json_object_get(jq, "speaker_entity")) {
            json_t *se = json_object_get(jq, "speaker_entity");
            size_t ent;
            if (np_quote_speaker_entity(q, &ent) != NP_OK)
                ck_assert(json_is_null(se));
            else
                ck_assert_uint_eq((size_t)json_integer_value(se), ent);
        }
    }
    ck_assert_uint_eq(json_size(root, "fixes"), np_document_fix_count(d));
    for (size_t i = 0; i < np_document_fix_count(d); i++) {
        const np_fix *f = np_document_fix(d, i);
        json_t *jf = json_array_get(json_object_get(root, "fixes"), i);
        check_json_string(jf, "rule", np_fix_rule(f));
        check_json_string(jf, "before", np_fix_before(f));
        check_json_string(jf, "after", np_fix_after(f));
        ck_assert_uint_eq((size_t)json_integer_value(json_object_get(jf, "start")), np_fix_start(f));
        ck_assert_uint_eq((size_t)json_integer_value(json_object_get(jf, "end")), np_fix_end(f));
    }

    /* Pretty output is the same object on several lines. */
    ck_assert_int_eq(np_document_to_json(d, source, NP_JSON_PRETTY, &pretty, NULL), NP_OK);
    ck_assert_ptr_nonnull(strchr(pretty, '\n'));
    root2 = json_loads(pretty, 0, &jerr);
    ck_assert_msg(root2 != NULL, "pretty JSON does not parse: %s", jerr.text);
    ck_assert_msg(json_equal(root, root2), "pretty and compact JSON differ");
    json_decref(root2);
    np_free(pretty);

    /* Leaving parts out. */
    ck_assert_int_eq(np_document_to_json(d, source, NP_JSON_NO_BLOCKS | NP_JSON_NO_IMAGES |
                                         NP_JSON_NO_SOURCES, &pretty, NULL), NP_OK);
    root2 = json_loads(pretty, 0, &jerr);
    ck_assert_ptr_nonnull(root2);
    ck_assert_ptr_null(json_object_get(root2, "blocks"));
    ck_assert_ptr_null(json_object_get(root2, "images"));
    ck_assert_ptr_null(json_object_get(root2, "sources"));
    ck_assert(json_equal(json_object_get(root, "body"), json_object_get(root2, "body")));
    json_decref(root2);
    np_free(pretty);

    json_decref(root);
    np_free(out);

    /* Plain text: the title, a blank line, the body. */
    ck_assert_int_eq(np_document_to_text(d, 0, &out, &len), NP_OK);
    ck_assert_uint_eq(strlen(out), len);
    if (np_document_title(d)) {
        size_t tl = strlen(np_document_title(d));
        ck_assert(strncmp(out, np_document_title(d), tl) == 0);
        ck_assert(strncmp(out + tl, "\n\n", 2) == 0);
        ck_assert(strncmp(out + tl + 2, body, blen) == 0);
    } else {
        ck_assert_ptr_nonnull(strstr(out, body));
    }
    np_free(out);
}

/* The output of a page, as compact JSON (np_free it). */
static char *json_of(const char *buf, size_t len, int text)
{
    np_parser *p = new_parser(0);
    np_document *d = NULL;
    char *out = NULL;
    if (text)
        ck_assert_int_eq(np_parse_text(p, &d, buf, len, NULL), NP_OK);
    else
        ck_assert_int_eq(np_parse_html(p, &d, buf, len, NULL), NP_OK);
    ck_assert_int_eq(np_document_to_json(d, NULL, 0, &out, NULL), NP_OK);
    np_document_free(d);
    np_parser_free(p);
    return out;
}

START_TEST(test_locale_independent)
{
    /* An application may call setlocale(): in a Turkish locale tolower('I')
     * is not 'i' and strcasecmp("IMAGE_SRC", "image_src") is not 0. The
     * output must not change. */
    static const char page[] =
        "<HTML LANG=\"EN\"><HEAD><TITLE>BRIDGE IS OPEN AGAIN</TITLE>"
        "<META NAME=\"DESCRIPTION\" CONTENT=\"THE BRIDGE IS OPEN\">"
        "<LINK REL=\"IMAGE_SRC\" HREF=\"https://example.com/BRIDGE.JPG\">"
        "<SCRIPT TYPE=\"APPLICATION/LD+JSON\">{\"@type\":\"NEWSARTICLE\","
        "\"datePublished\":\"FRIDAY, APRIL 1, 2022\"}</SCRIPT></HEAD>"
        "<BODY><ARTICLE><H1>BRIDGE IS OPEN AGAIN</H1>"
        "<P CLASS=\"BYLINE\">BY JANE SMITH, FRIDAY, APRIL 1, 2022</P>"
        "<P>THE OLD BRIDGE OVER THE RIVER REOPENED ON FRIDAY AFTER TWO YEARS "
        "OF REPAIRS, THE CITY COUNCIL SAID, AND THE FIRST BUSES CROSSED IT "
        "AT SIX IN THE MORNING WHILE A SMALL CROWD WATCHED.</P>"
        "<P>\"IT IS A GREAT DAY FOR THE CITY,\" SAID MAYOR IVAN IBSEN.</P>"
        "<DIV CLASS=\"SIDEBAR RELATED\"><A HREF=\"/X\">RELATED: INSIDE IT</A>"
        "</DIV></ARTICLE></BODY></HTML>";
    static const char text[] =
        "BRIDGE IS OPEN AGAIN\n\nBY JANE SMITH\nFRIDAY, APRIL 1, 2022\n\n"
        "THE OLD BRIDGE OVER THE RIVER REOPENED ON FRIDAY AFTER TWO YEARS OF "
        "REPAIRS, THE CITY COUNCIL SAID, AND ITS FIRST BUSES CROSSED IT AT "
        "SIX.\n";
    size_t hl;
    char *html = read_example("article.html", &hl);
    char *c_page, *c_text, *c_html, *t_page, *t_text, *t_html;
    const char *old = setlocale(LC_ALL, NULL);
    char saved[256];
    ck_assert_ptr_nonnull(old);
    ck_assert_uint_lt(strlen(old), sizeof saved);
    strcpy(saved, old);
    c_page = json_of(page, sizeof page - 1, 0);
    c_text = json_of(text, sizeof text - 1, 1);
    c_html = json_of(html, hl, 0);
    if (!setlocale(LC_ALL, "tr_TR.UTF-8") && !setlocale(LC_ALL, "tr_TR.utf8")) {
        fprintf(stderr, "locale: skipped, no Turkish locale here (localedef "
                        "-i tr_TR -f UTF-8 tr_TR.UTF-8 makes one)\n");
    } else {
        t_page = json_of(page, sizeof page - 1, 0);
        t_text = json_of(text, sizeof text - 1, 1);
        t_html = json_of(html, hl, 0);
        ck_assert(setlocale(LC_ALL, saved) != NULL);
        ck_assert_str_eq(t_page, c_page);
        ck_assert_str_eq(t_text, c_text);
        ck_assert_str_eq(t_html, c_html);
        np_free(t_page);
        np_free(t_text);
        np_free(t_html);
    }
    setlocale(LC_ALL, saved);
    np_free(c_page);
    np_free(c_text);
    np_free(c_html);
    free(html);
}
END_TEST

START_TEST(test_json_roundtrip)
{
    size_t hl, tl;
    char *html = read_example("article.html", &hl);
    char *text = read_example("article.txt", &tl);
    np_parser *p = new_parser(0);
    np_document *d = parse_html_ok(p, html, hl);
    char *out = NULL;

    ck_assert_str_eq(np_document_title(d), HEADLINE);
    ck_assert_ptr_nonnull(strstr(np_document_body(d, NULL),
                                 "On Sunday, French President Emmanuel Macron held bilateral calls"));
    ck_assert_uint_gt(np_document_word_count(d), 400);
    ck_assert_int_eq(np_document_is_article(d), 1);
    check_document_invariants(d);
    check_json_matches(d, "examples/data/article.html");
    check_json_matches(d, NULL);
    ck_assert_int_eq(np_document_to_json(d, "x", 0, NULL, NULL), NP_EINVAL);
    ck_assert_int_eq(np_document_to_text(d, 0, NULL, NULL), NP_EINVAL);
    np_document_free(d);

    ck_assert_int_eq(np_parse_text(p, &d, text, tl, NULL), NP_OK);
    check_document_invariants(d);
    check_json_matches(d, "article.txt");
    /* Strings needing escapes survive the trip. */
    ck_assert_int_eq(np_document_to_json(d, "quote\" back\\slash\nnewline\ttab\x01", 0, &out, NULL),
                     NP_OK);
    {
        json_error_t jerr;
        json_t *root = json_loads(out, 0, &jerr);
        ck_assert_ptr_nonnull(root);
        ck_assert_str_eq(json_string_value(json_object_get(root, "source")),
                         "quote\" back\\slash\nnewline\ttab\x01");
        json_decref(root);
    }
    np_free(out);
    np_document_free(d);

    /* U+2028 and U+2029 may stay raw: a record is still one line. */
    {
        static const char t[] = "Line one\xe2\x80\xa8still one\xe2\x80\xa9" "and \xc2\x85 more.\n\nTwo.";
        size_t len;
        ck_assert_int_eq(np_parse_text(p, &d, t, sizeof t - 1, NULL), NP_OK);
        ck_assert_int_eq(np_document_to_json(d, "-", 0, &out, &len), NP_OK);
        ck_assert_ptr_null(memchr(out, '\n', len));
        ck_assert_ptr_null(memchr(out, '\r', len));
        check_json_matches(d, "-");
        np_free(out);
        np_document_free(d);
    }
    np_parser_free(p);
    free(html);
    free(text);
}
END_TEST

/* ---------------------------------------------------------- lifetime */

START_TEST(test_document_outlives_parser)
{
    size_t hl;
    char *html = read_example("article.html", &hl);
    np_parser *p = new_parser(0);
    np_document *d1 = parse_html_ok(p, html, hl);
    np_document *d2 = parse_html_ok(p, simple_page, strlen(simple_page));
    np_document *d3;
    char *j1 = NULL, *j1b = NULL;

    ck_assert_int_eq(np_document_to_json(d1, "a", 0, &j1, NULL), NP_OK);
    np_parser_free(p);
    free(html);   /* neither the parser nor the input is needed any more */

    /* Both documents are whole and independent. */
    ck_assert_str_eq(np_document_title(d1), HEADLINE);
    ck_assert_str_eq(np_document_title(d2), "A simple page");
    check_document_invariants(d1);
    check_document_invariants(d2);
    np_document_free(d2);
    ck_assert_int_eq(np_document_to_json(d1, "a", 0, &j1b, NULL), NP_OK);
    ck_assert_str_eq(j1, j1b);
    np_document_free(d1);
    /* Output strings outlive their document too. */
    ck_assert_ptr_nonnull(strstr(j1, HEADLINE));
    np_free(j1);
    np_free(j1b);

    /* A parser is reusable, and gives the same document for the same input. */
    p = new_parser(NP_PARSE_KEEP_ALL);
    d1 = parse_html_ok(p, simple_page, strlen(simple_page));
    d3 = parse_html_ok(p, simple_page, strlen(simple_page));
    ck_assert_str_eq(np_document_body(d1, NULL), np_document_body(d3, NULL));
    np_document_free(d3);
    np_parser_free(p);
    ck_assert_ptr_nonnull(strstr(np_document_body(d1, NULL), "first paragraph"));
    np_document_free(d1);
}
END_TEST

/* ----------------------------------------------------------- threads */

typedef struct thread_job {
    const char *html;
    size_t len;
    const np_document *shared;   /* read by every thread at once */
    char *json;                  /* the last document's JSON (np_free) */
    char *shared_json;           /* the shared document's JSON (np_free) */
    int ok;
} thread_job;

static void *parse_in_thread(void *arg)
{
    thread_job *j = arg;
    np_parser *p = NULL;
    j->ok = 0;
    if (np_parser_new(&p, NULL) != NP_OK)
        return NULL;
    for (int k = 0; k < 3; k++) {
        np_document *d = NULL;
        char *out = NULL;
        if (np_parse_html(p, &d, j->html, j->len, NULL) != NP_OK)
            goto done;
        if (np_document_to_json(d, "t", 0, &out, NULL) != NP_OK) {
            np_document_free(d);
            goto done;
        }
        np_free(j->json);
        j->json = out;
        np_document_free(d);
        out = NULL;
        if (np_document_to_json(j->shared, "s", 0, &out, NULL) != NP_OK)
            goto done;
        np_free(j->shared_json);
        j->shared_json = out;
    }
    j->ok = 1;
done:
    np_parser_free(p);
    return NULL;
}

/* One parser per thread, and one document read by all threads at once,
 * give the same results as a single thread (docs/threading.md). */
START_TEST(test_threads)
{
    enum { N = 4 };
    size_t len;
    char *html = read_example("article.html", &len);
    np_parser *p = new_parser(0);
    np_document *shared = parse_html_ok(p, html, len);
    char *want = NULL, *want_shared = NULL;
    pthread_t tid[N];
    thread_job jobs[N];

    ck_assert_int_eq(np_document_to_json(shared, "t", 0, &want, NULL), NP_OK);
    ck_assert_int_eq(np_document_to_json(shared, "s", 0, &want_shared, NULL), NP_OK);
    np_parser_free(p);
    for (int i = 0; i < N; i++) {
        memset(&jobs[i], 0, sizeof jobs[i]);
        jobs[i].html = html;
        jobs[i].len = len;
        jobs[i].shared = shared;
        ck_assert_int_eq(pthread_create(&tid[i], NULL, parse_in_thread, &jobs[i]), 0);
    }
    for (int i = 0; i < N; i++)
        ck_assert_int_eq(pthread_join(tid[i], NULL), 0);
    for (int i = 0; i < N; i++) {
        ck_assert_msg(jobs[i].ok, "thread %d failed", i);
        ck_assert_str_eq(jobs[i].json, want);
        ck_assert_str_eq(jobs[i].shared_json, want_shared);
        np_free(jobs[i].json);
        np_free(jobs[i].shared_json);
    }
    np_free(want);
    np_free(want_shared);
    np_document_free(shared);
    free(html);
}
END_TEST

/* ------------------------------------------------- the API before 1.0 */

/* A struct of exactly `size` bytes ending at a page that cannot be read,
 * so that reading one byte past it faults (with or without ASan). */
typedef struct guarded {
    unsigned char *map;
    size_t map_len;
    void *obj;
} guarded;

static void guarded_new(guarded *g, size_t size)
{
    long page = sysconf(_SC_PAGESIZE);
    ck_assert_int_gt(page, 0);
    ck_assert_uint_le(size, (size_t)page);
    g->map_len = 2 * (size_t)page;
    g->map = mmap(NULL, g->map_len, PROT_READ | PROT_WRITE,
                  MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    ck_assert(g->map != MAP_FAILED);
    ck_assert_int_eq(mprotect(g->map + page, (size_t)page, PROT_NONE), 0);
    g->obj = g->map + page - size;
}

static void guarded_free(guarded *g)
{
    munmap(g->map, g->map_len);
}

/* Version 1 of each options struct, to the end of its last field: the
 * library must read no byte past it, whatever later versions append. */
#define PARSE_OPTIONS_V1_SIZE (offsetof(np_parse_options, max_work) + sizeof(size_t))
#define CLEAN_OPTIONS_V1_SIZE (offsetof(np_clean_options, max_bytes) + sizeof(size_t))

START_TEST(test_options_v1_read_exactly)
{
    guarded g;
    np_parse_options *o;
    np_clean_options *co;
    np_parser *p = NULL;
    np_document *d = NULL;
    np_clean_result *r = NULL;

    guarded_new(&g, PARSE_OPTIONS_V1_SIZE);
    o = g.obj;
    ck_assert_int_eq(np_parse_options_init(o, 1), NP_OK);
    o->flags = NP_PARSE_NO_QUOTES;
    o->max_blocks = 1;
    o->flags |= NP_PARSE_TRUNCATE;
    ck_assert_int_eq(np_parser_new(&p, o), NP_OK);
    guarded_free(&g);   /* the parser keeps a copy */
    ck_assert_int_eq(np_parse_html(p, &d, simple_page, strlen(simple_page), NULL), NP_OK);
    ck_assert_uint_eq(np_document_block_count(d), 1);   /* the caller's limit */
    ck_assert_int_eq(np_document_truncated(d), 1);
    ck_assert_uint_eq(np_document_quote_count(d), 0);
    np_document_free(d);
    np_parser_free(p);

    guarded_new(&g, CLEAN_OPTIONS_V1_SIZE);
    co = g.obj;
    ck_assert_int_eq(np_clean_options_init(co, 1), NP_OK);
    co->max_bytes = 4;
    ck_assert_int_eq(np_clean(&r, "12345", 5, co), NP_ELIMIT);
    ck_assert_ptr_null(r);
    co->max_bytes = 0;
    co->flags = NP_CLEAN_NO_WHITESPACE;
    ck_assert_int_eq(np_clean(&r, "a  b", 4, co), NP_OK);
    ck_assert_str_eq(np_clean_result_text(r, NULL), "a  b");
    np_clean_result_free(r);
    guarded_free(&g);
}
END_TEST

START_TEST(test_unknown_flags)
{
    np_parse_options o = NP_PARSE_OPTIONS_INIT;
    np_clean_options co = NP_CLEAN_OPTIONS_INIT;
    np_parser *p = NULL;
    np_clean_result *r = NULL;
    np_document *d;
    char err[128], *out = (char *)err;
    size_t len = 7;

    for (int bit = 6; bit < 32; bit++) {
        o.flags = NP_PARSE_NO_CLEAN | (1u << bit);
        p = (np_parser *)&o;
        ck_assert_int_eq(np_parser_new(&p, &o), NP_EINVAL);
        ck_assert_ptr_null(p);
    }
    for (int bit = 7; bit < 32; bit++) {
        co.flags = 1u << bit;
        ck_assert_int_eq(np_clean2(&r, "x", 1, &co, err, sizeof err), NP_EINVAL);
        ck_assert_ptr_null(r);
        ck_assert_msg(strstr(err, "flag") != NULL, "message: %s", err);
        ck_assert_int_eq(np_clean(&r, "x", 1, &co), NP_EINVAL);
    }
    p = new_parser(0);
    d = parse_html_ok(p, simple_page, strlen(simple_page));
    ck_assert_int_eq(np_document_to_json(d, NULL, 1u << 4, &out, &len), NP_EINVAL);
    ck_assert_ptr_null(out);
    ck_assert_uint_eq(len, 0);
    ck_assert_int_eq(np_document_to_json(d, NULL, 1u << 31, &out, NULL), NP_EINVAL);
    ck_assert_int_eq(np_document_to_text(d, 1, &out, NULL), NP_EINVAL);
    ck_assert_ptr_null(out);
    ck_assert_int_eq(np_document_to_markdown(d, 1u << 9, &out, NULL), NP_EINVAL);
    ck_assert_int_eq(np_document_to_html(d, 2, &out, NULL), NP_EINVAL);
    ck_assert_int_eq(np_document_to_json(d, NULL, NP_JSON_PRETTY | NP_JSON_NO_BLOCKS |
                                         NP_JSON_NO_IMAGES | NP_JSON_NO_SOURCES,
                                         &out, NULL), NP_OK);
    np_free(out);
    np_document_free(d);
    np_parser_free(p);
}
END_TEST

START_TEST(test_clean2_messages)
{
    np_clean_options co = NP_CLEAN_OPTIONS_INIT;
    np_clean_result *r = NULL;
    char err[256], tiny[8];

    co.max_bytes = 3;
    memset(err, 'x', sizeof err);
    ck_assert_int_eq(np_clean2(&r, "abcd", 4, &co, err, sizeof err), NP_ELIMIT);
    ck_assert_str_eq(err, "input is 4 bytes, the limit is 3");
    /* cut to fit, always terminated */
    memset(tiny, 'x', sizeof tiny);
    ck_assert_int_eq(np_clean2(&r, "abcd", 4, &co, tiny, sizeof tiny), NP_ELIMIT);
    ck_assert_str_eq(tiny, "input i");
    ck_assert_int_eq(np_clean2(&r, "abcd", 4, &co, NULL, 0), NP_ELIMIT);
    co.version = 99;
    ck_assert_int_eq(np_clean2(&r, "abcd", 4, &co, err, sizeof err), NP_EINVAL);
    ck_assert_msg(strstr(err, "version 99") != NULL, "message: %s", err);
    ck_assert_int_eq(np_clean2(&r, NULL, 4, NULL, err, sizeof err), NP_EINVAL);
    ck_assert_str_eq(err, "the input buffer is NULL");
    ck_assert_int_eq(np_clean2(NULL, "a", 1, NULL, err, sizeof err), NP_EINVAL);
    ck_assert_str_eq(err, "the output pointer is NULL");
    /* a success leaves "" */
    ck_assert_int_eq(np_clean2(&r, "abcd", 4, NULL, err, sizeof err), NP_OK);
    ck_assert_str_eq(err, "");
    np_clean_result_free(r);
}
END_TEST

/* A removed NUL and an insertion both have an empty "before" string; the
 * explicit lengths tell them apart. */
START_TEST(test_fix_lengths)
{
    static const char in[] = "one\0two \xff three";
    np_clean_result *r = NULL;
    size_t n, i, nul = 0, bad = 0;

    ck_assert_int_eq(np_clean(&r, in, sizeof in - 1, NULL), NP_OK);
    n = np_clean_result_fix_count(r);
    ck_assert_uint_gt(n, 0);
    for (i = 0; i < n; i++) {
        const np_fix *f = np_clean_result_fix(r, i);
        size_t in_len = np_fix_input_end(f) - np_fix_input_start(f);
        ck_assert_uint_eq(np_fix_after_len(f), np_fix_end(f) - np_fix_start(f));
        ck_assert_uint_eq(np_fix_after_len(f), strlen(np_fix_after(f)));
        ck_assert(np_fix_before_len(f) > 0 || np_fix_after_len(f) > 0);
        if (in_len == 1 && in[np_fix_input_start(f)] == '\0') {
            ck_assert_uint_eq(np_fix_before_len(f), 1);
            ck_assert_int_eq(np_fix_before(f)[0], '\0');
            ck_assert_uint_eq(np_fix_after_len(f), 0);
            nul++;
        } else if (in_len == 1 && (unsigned char)in[np_fix_input_start(f)] == 0xFF) {
            /* the byte that is not UTF-8 is written \xFF: four bytes */
            ck_assert_uint_eq(np_fix_before_len(f), 4);
            ck_assert_str_eq(np_fix_before(f), "\\xFF");
            bad++;
        } else {
            ck_assert_uint_eq(np_fix_before_len(f), in_len);
        }
    }
    ck_assert_uint_eq(nul, 1);
    ck_assert_uint_eq(bad, 1);
    ck_assert_uint_eq(np_fix_before_len(NULL), 0);
    ck_assert_uint_eq(np_fix_after_len(NULL), 0);
    np_clean_result_free(r);
}
END_TEST

START_TEST(test_stages_and_fields)
{
    size_t len;
    char *html = read_example("article.html", &len);
    np_parser *p = new_parser(0);
    np_document *d = parse_html_ok(p, html, len);
    const char *v, *src;

    ck_assert_int_eq(np_stage_count(), NP_STAGE_COUNT);
    ck_assert_str_eq(np_stage_name(NP_STAGE_LOAD), "load");
    ck_assert_str_eq(np_stage_name(NP_STAGE_TOKENS), "tokens");
    ck_assert_str_eq(np_stage_name(NP_STAGE_QUOTES), "quotes");
    ck_assert_ptr_null(np_stage_name(-1));
    ck_assert_ptr_null(np_stage_name(np_stage_count()));
    for (int i = 0; i < np_stage_count(); i++)
        ck_assert(np_document_stage_seconds(d, i) >= 0.0);

    ck_assert_int_eq(np_field_count(), NP_FIELD_AUTHORS + 1);
    ck_assert_str_eq(np_field_name(NP_FIELD_TITLE), "title");
    ck_assert_str_eq(np_field_name(NP_FIELD_SITE_NAME), "site_name");
    ck_assert_str_eq(np_field_name(NP_FIELD_AUTHORS), "authors");
    ck_assert_ptr_null(np_field_name(-1));
    ck_assert_ptr_null(np_field_name(np_field_count()));
    ck_assert_int_eq(np_document_field(d, NP_FIELD_TITLE, &v, &src), NP_OK);
    ck_assert_str_eq(v, HEADLINE);
    ck_assert_ptr_eq(v, np_document_title(d));
    ck_assert_str_eq(src, np_document_source(d, "title"));
    ck_assert_int_eq(np_document_field(d, NP_FIELD_AUTHORS, &v, &src),
                     np_document_author_count(d) ? NP_OK : NP_ENOTFOUND);
    ck_assert_ptr_eq(v, np_document_author(d, 0));
    for (int f = 0; f < np_field_count(); f++) {
        int rc = np_document_field(d, f, &v, &src);
        const char *by_name = np_document_source(d, np_field_name(f));
        if (rc == NP_ENOTFOUND) {
            ck_assert_ptr_null(v);
            ck_assert_ptr_null(src);
            continue;
        }
        ck_assert_int_eq(rc, NP_OK);
        ck_assert_ptr_nonnull(v);
        ck_assert_ptr_eq(src, by_name);
    }
    ck_assert_int_eq(np_document_field(d, NP_FIELD_URL, NULL, NULL),
                     np_document_url(d) ? NP_OK : NP_ENOTFOUND);
    v = src = "x";
    ck_assert_int_eq(np_document_field(d, 99, &v, &src), NP_EINVAL);
    ck_assert_ptr_null(v);
    ck_assert_ptr_null(src);
    ck_assert_int_eq(np_document_field(NULL, NP_FIELD_TITLE, &v, NULL), NP_EINVAL);
    np_document_free(d);

    /* a page with no metadata: every field is NP_ENOTFOUND */
    ck_assert_int_eq(np_parse_text(p, &d, "just words", 10, NULL), NP_OK);
    ck_assert_int_eq(np_document_field(d, NP_FIELD_PUBLISHED, &v, &src), NP_ENOTFOUND);
    ck_assert_int_eq(np_document_field(d, NP_FIELD_AUTHORS, &v, &src), NP_ENOTFOUND);
    np_document_free(d);
    np_parser_free(p);
    free(html);
}
END_TEST

/* The one call gives byte for byte what the handles give, and a failure
 * as the command's error record. */
START_TEST(test_parse_to_json)
{
    size_t len, n = 0, m = 0;
    char *html = read_example("article.html", &len);
    np_parser *p = new_parser(NP_PARSE_NO_QUOTES);
    np_parse_options o = NP_PARSE_OPTIONS_INIT;
    np_document *d = parse_html_ok(p, html, len);
    char *want = NULL, *got = NULL;
    json_t *rec, *err;
    json_error_t jerr;

    ck_assert_int_eq(np_document_to_json(d, "a.html", NP_JSON_NO_IMAGES, &want, &n), NP_OK);
    np_document_free(d);
    o.flags = NP_PARSE_NO_QUOTES;
    for (int input = NP_INPUT_AUTO; input <= NP_INPUT_HTML; input++) {
        ck_assert_int_eq(np_parse_to_json(html, len, input, NULL, "a.html", &o,
                                          NP_JSON_NO_IMAGES, &got, &m), NP_OK);
        ck_assert_uint_eq(m, n);
        ck_assert_str_eq(got, want);
        np_free(got);
    }
    np_free(want);

    /* text input, no options, no source */
    ck_assert_int_eq(np_parse_text(p, &d, "A line of words.", 16, "http://e.example/"), NP_OK);
    ck_assert_int_eq(np_document_to_json(d, NULL, 0, &want, NULL), NP_OK);
    ck_assert_int_eq(np_parse_to_json("A line of words.", 16, NP_INPUT_TEXT,
                                      "http://e.example/", NULL, NULL, 0, &got, NULL), NP_OK);
    ck_assert_str_eq(got, want);
    np_free(got);
    np_free(want);
    np_document_free(d);

    /* a limit: the record holds the parser's code and message */
    o.max_bytes = 100;
    np_parser_free(p);
    ck_assert_int_eq(np_parser_new(&p, &o), NP_OK);
    ck_assert_int_eq(np_parse_html(p, &d, html, len, NULL), NP_ELIMIT);
    ck_assert_int_eq(np_parse_to_json(html, len, NP_INPUT_HTML, NULL, "big.html", &o,
                                      0, &got, &m), NP_ELIMIT);
    ck_assert_uint_eq(m, strlen(got));
    ck_assert_ptr_null(strchr(got, '\n'));
    rec = json_loads(got, 0, &jerr);
    ck_assert_msg(rec != NULL, "not JSON: %s", got);
    ck_assert_int_eq(json_integer_value(json_object_get(rec, "schema")), 1);
    ck_assert_str_eq(json_string_value(json_object_get(rec, "source")), "big.html");
    err = json_object_get(rec, "error");
    ck_assert_str_eq(json_string_value(json_object_get(err, "code")), "NP_ELIMIT");
    ck_assert_str_eq(json_string_value(json_object_get(err, "message")), np_parser_errmsg(p));
    ck_assert_uint_eq(json_object_size(rec), 3);
    /* compact as jansson writes it */
    {
        char *dump = json_dumps(rec, JSON_COMPACT | JSON_PRESERVE_ORDER);
        ck_assert_str_eq(got, dump);
        free(dump);
    }
    np_free(got);
    ck_assert_int_eq(np_parse_to_json(html, len, NP_INPUT_HTML, NULL, "big.html", &o,
                                      NP_JSON_PRETTY, &got, NULL), NP_ELIMIT);
    {
        char *dump = json_dumps(rec, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
        ck_assert_str_eq(got, dump);
        free(dump);
    }
    np_free(got);
    json_decref(rec);
    np_parser_free(p);

    /* bad arguments are records too (without a source when none is given) */
    ck_assert_int_eq(np_parse_to_json("x", 1, 7, NULL, NULL, NULL, 0, &got, NULL), NP_EINVAL);
    ck_assert_str_eq(got, "{\"schema\":1,\"error\":{\"code\":\"NP_EINVAL\","
                          "\"message\":\"unknown input kind\"}}");
    np_free(got);
    ck_assert_int_eq(np_parse_to_json("x", 1, NP_INPUT_AUTO, NULL, "s", NULL, 1u << 20,
                                      &got, NULL), NP_EINVAL);
    ck_assert_ptr_nonnull(strstr(got, "\"NP_EINVAL\""));
    np_free(got);
    o.flags = 1u << 30;
    ck_assert_int_eq(np_parse_to_json("x", 1, NP_INPUT_AUTO, NULL, "s", &o, 0,
                                      &got, NULL), NP_EINVAL);
    np_free(got);
    ck_assert_int_eq(np_parse_to_json(NULL, 3, NP_INPUT_AUTO, NULL, "s", NULL, 0,
                                      &got, NULL), NP_EINVAL);
    np_free(got);
    ck_assert_int_eq(np_parse_to_json("x", 1, NP_INPUT_AUTO, NULL, "s", NULL, 0,
                                      NULL, NULL), NP_EINVAL);
    free(html);
}
END_TEST

/* Two threads in one parser: the second is refused with NP_EINVAL and a
 * message, never let in (it would share ICU objects and crash). */
typedef struct hammer {
    np_parser *p;
    const char *buf;
    size_t len;
    size_t ok, refused, other;
    atomic_int *stop;
} hammer;

static void *hammer_run(void *arg)
{
    hammer *h = arg;
    while (!atomic_load(h->stop)) {
        np_document *d = (np_document *)h;
        int rc = np_parse_html(h->p, &d, h->buf, h->len, NULL);
        if (rc == NP_OK) {
            h->ok += np_document_title(d) != NULL;
            np_document_free(d);
        } else if (rc == NP_EINVAL && d == NULL) {
            h->refused++;
        } else {
            h->other++;
        }
        if (h->ok + h->refused > 60)
            break;
    }
    return NULL;
}

START_TEST(test_parser_misuse_threads)
{
    size_t len;
    char *html = read_example("article.html", &len);
    np_parser *p = new_parser(NP_PARSE_NO_ENTITIES);
    atomic_int stop;
    hammer h[2];
    pthread_t t[2];
    size_t refused = 0;
    int round;

    atomic_init(&stop, 0);
    for (int i = 0; i < 2; i++) {
        memset(&h[i], 0, sizeof h[i]);
        h[i].p = p;
        h[i].buf = html;
        h[i].len = len;
        h[i].stop = &stop;
        ck_assert_int_eq(pthread_create(&t[i], NULL, hammer_run, &h[i]), 0);
    }
    for (int i = 0; i < 2; i++)
        ck_assert_int_eq(pthread_join(t[i], NULL), 0);
    for (int i = 0; i < 2; i++) {
        ck_assert_uint_eq(h[i].other, 0);
        refused += h[i].refused;
    }
    ck_assert_uint_gt(h[0].ok + h[1].ok, 0);

    /* One long parse in a thread; this thread tries until it is refused,
     * and reads the reason (only the in-use flag, not the other thread's
     * state). */
    for (round = 0; round < 20 && refused == 0; round++) {
        hammer one;
        memset(&one, 0, sizeof one);
        one.p = p;
        one.buf = html;
        one.len = len;
        one.stop = &stop;
        atomic_store(&stop, 0);
        ck_assert_int_eq(pthread_create(&t[0], NULL, hammer_run, &one), 0);
        for (int k = 0; k < 100000 && refused == 0; k++) {
            np_document *d = NULL;
            if (np_parse_text(p, &d, "x", 1, NULL) == NP_EINVAL) {
                ck_assert_ptr_null(d);
                ck_assert_ptr_nonnull(strstr(np_parser_errmsg(p), "another thread"));
                ck_assert_int_eq(np_parser_errcode(p), NP_EINVAL);
                refused++;
            } else {
                np_document_free(d);
            }
        }
        atomic_store(&stop, 1);
        ck_assert_int_eq(pthread_join(t[0], NULL), 0);
    }
    ck_assert_uint_gt(refused, 0);

    /* alone again, the parser works and its message is its own */
    {
        np_document *d = NULL;
        ck_assert_int_eq(np_parse_text(p, &d, "x", 1, NULL), NP_OK);
        ck_assert_str_eq(np_parser_errmsg(p), "");
        ck_assert_int_eq(np_parser_errcode(p), NP_OK);
        np_document_free(d);
    }
    np_parser_free(p);
    free(html);
}
END_TEST

Suite *np_api_suite(void)
{
    Suite *s = suite_create("api");
    TCase *tc = tcase_create("api");
    TCase *big = tcase_create("large");

    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_version);
    tcase_add_test(tc, test_options_init);
    tcase_add_test(tc, test_options_layout);
    tcase_add_test(tc, test_parser_new_errors);
    tcase_add_test(tc, test_strerror);
    tcase_add_test(tc, test_parse_null_arguments);
    tcase_add_test(tc, test_accessors_null);
    tcase_add_test(tc, test_out_of_range);
    tcase_add_test(tc, test_empty_input);
    tcase_add_test(tc, test_invalid_utf8);
    tcase_add_test(tc, test_truncated_page);
    tcase_add_test(tc, test_binary_junk);
    tcase_add_test(tc, test_max_bytes);
    tcase_add_test(tc, test_clean_errors);
    tcase_add_test(tc, test_stage_flags);
    tcase_add_test(tc, test_url_and_copies);
    tcase_add_test(tc, test_only_web_addresses);
    tcase_add_test(tc, test_keep_all);
    tcase_add_test(tc, test_looks_like_html);
    tcase_add_test(tc, test_json_roundtrip);
    tcase_add_test(tc, test_document_outlives_parser);
    tcase_add_test(tc, test_threads);
    tcase_add_test(tc, test_locale_independent);
    tcase_add_test(tc, test_options_v1_read_exactly);
    tcase_add_test(tc, test_unknown_flags);
    tcase_add_test(tc, test_clean2_messages);
    tcase_add_test(tc, test_fix_lengths);
    tcase_add_test(tc, test_stages_and_fields);
    tcase_add_test(tc, test_parse_to_json);
    tcase_add_test(tc, test_parser_misuse_threads);
    suite_add_tcase(s, tc);

    tcase_set_timeout(big, 600);
    tcase_add_test(big, test_large_input);
    suite_add_tcase(s, big);
    return s;
}

/*
 * Allocation failure: for every N, the Nth allocation of a whole parse (or
 * cleanup, or JSON output) fails; the call must return NP_ENOMEM (or
 * succeed, when the failed allocation was optional), never crash, and leave
 * nothing of ours allocated once the caller has freed what it got.
 * libxml2's, ICU's and jansson's own allocations are not ours and are not
 * failed here.
 *
 * Needs a build with -DNP_ALLOC_TESTING=ON (the hook lives in
 * lib/util/alloc.c); otherwise the suite reports itself skipped.
 */
#include "np_test.h"

#ifndef NP_ALLOC_TESTING

Suite *np_oom_suite(void)
{
    fprintf(stderr, "skip: allocation-failure injection is not built "
                    "(configure with -DNP_ALLOC_TESTING=ON)\n");
    exit(77);
}

#else

/* lib/util/alloc.c, test builds only */
void np__alloc_testing_fail_at(unsigned long n, int sticky);
unsigned long np__alloc_testing_count(void);
long np__alloc_testing_live(void);

/* A short but complete article: metadata, several blocks, a quote with its
 * speaker, entities and something to clean. */
static const char article_html[] =
    "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
    "<title>Minister resigns over budget row | The Daily Example</title>"
    "<meta property=\"og:site_name\" content=\"The Daily Example\">"
    "<meta name=\"author\" content=\"Jane Smith\">"
    "<meta property=\"article:published_time\" content=\"2024-03-05T10:30:00+01:00\">"
    "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":"
    "\"Minister resigns\",\"author\":{\"@type\":\"Person\",\"name\":\"Jane Smith\"}}</script>"
    "</head><body><nav><a href=\"/\">Home</a></nav><article>"
    "<h1>Minister resigns over budget row</h1>"
    "<p>The finance minister, John Carter, resigned on Tuesday after a row with "
    "Prime Minister Anna Berg over the budget, officials in Stockholm said.</p>"
    "<p>&ldquo;I can no longer support this plan,&rdquo; Mr Carter told reporters "
    "outside parliament. &quot;It isnt right.&quot;</p>"
    "<figure><img src=\"/a.jpg\"><figcaption>John Carter. Photo: Reuters</figcaption></figure>"
    "<p>Shares in Volvo fell on the news, and the opposition leader, Erik Lund, "
    "called for an early election in a statement on Tuesday evening.</p>"
    "</article><footer>Cookie policy</footer></body></html>";

static const char article_text[] =
    "<div class=\"x\">Minister resigns over budget row\n"
    "March 5, 2024\n"
    "By Jane Smith\n\n"
    "The finance minister, John Carter, resigned on Tuesday after a row with "
    "Prime Minister Anna Berg.\n\n"
    "\"I cant support this plan,\" Mr Carter told reporters. \"It isnt right.\"\n\n"
    "Shares in Volvo fell 2% on the news, caf\xc3\x83\xc2\xa9 owners said.\n";

/* One operation from scratch to the end, freeing everything it made.
 * Returns its code. */
typedef int (*op_fn)(void);

static int op_parse_html(void)
{
    np_parse_options o = NP_PARSE_OPTIONS_INIT;
    np_parser *p;
    np_document *d = NULL;
    char *json = NULL, *text = NULL;
    int rc;
    o.base_url = "https://example.org/news/";
    o.charset = "utf-8";
    if ((rc = np_parser_new(&p, &o)) != NP_OK)
        return rc;
    rc = np_parse_html(p, &d, article_html, sizeof(article_html) - 1, NULL);
    ck_assert_int_eq(rc, np_parser_errcode(p));
    if (rc == NP_OK) {
        rc = np_document_to_json(d, "a.html", NP_JSON_PRETTY, &json, NULL);
        if (rc == NP_OK)
            rc = np_document_to_text(d, 0, &text, NULL);
    } else {
        ck_assert_ptr_null(d);
    }
    np_free(json);
    np_free(text);
    np_document_free(d);
    np_parser_free(p);
    return rc;
}

/* The bundled full news page (read once, before counting starts). */
static char *page;
static size_t page_len;

static int op_parse_page(void)
{
    np_parser *p;
    np_document *d = NULL;
    char *json = NULL;
    int rc;
    if ((rc = np_parser_new(&p, NULL)) != NP_OK)
        return rc;
    rc = np_parse_html(p, &d, page, page_len, "https://example.org/a");
    if (rc == NP_OK)
        rc = np_document_to_json(d, "article.html", 0, &json, NULL);
    np_free(json);
    np_document_free(d);
    np_parser_free(p);
    return rc;
}

static int op_parse_text(void)
{
    np_parser *p;
    np_document *d = NULL;
    int rc;
    if ((rc = np_parser_new(&p, NULL)) != NP_OK)
        return rc;
    rc = np_parse_text(p, &d, article_text, sizeof(article_text) - 1, NULL);
    /* the second parse reuses the parser's state */
    if (rc == NP_OK) {
        np_document_free(d);
        d = NULL;
        rc = np_parse_text(p, &d, article_text, sizeof(article_text) - 1, NULL);
    }
    np_parser_free(p);   /* the document outlives its parser */
    if (rc == NP_OK)
        ck_assert_ptr_nonnull(np_document_body(d, NULL));
    np_document_free(d);
    return rc;
}

static int op_clean(void)
{
    np_clean_result *r = NULL;
    int rc = np_clean(&r, article_text, sizeof(article_text) - 1, NULL);
    if (rc != NP_OK)
        ck_assert_ptr_null(r);
    np_clean_result_free(r);
    return rc;
}

/* Fails allocation 1, 2, ... N of op (N: the count of a clean run), each
 * once (sticky = 0) or from there on (sticky = 1, every `stride`-th N). */
static void fail_every_allocation(const char *name, op_fn op, int sticky,
                                  unsigned long stride)
{
    unsigned long total, n, absorbed = 0, failed = 0;
    long live;
    /* A clean run first: whatever is built once per process (shared
     * read-only tables) is built now, not counted as a leak later. */
    np__alloc_testing_fail_at(0, 0);
    ck_assert_int_eq(op(), NP_OK);
    live = np__alloc_testing_live();
    np__alloc_testing_fail_at(0, 0);
    ck_assert_int_eq(op(), NP_OK);
    total = np__alloc_testing_count();
    ck_assert_msg(total > 0, "%s: no allocation counted", name);
    ck_assert_int_eq(np__alloc_testing_live(), live);
    for (n = 1; n <= total; n += stride) {
        int rc;
        np__alloc_testing_fail_at(n, sticky);
        rc = op();
        np__alloc_testing_fail_at(0, 0);
        ck_assert_msg(rc == NP_OK || rc == NP_ENOMEM,
                      "%s: allocation %lu of %lu failed: %s", name, n, total,
                      np_strerror_name(rc));
        ck_assert_msg(np__alloc_testing_live() == live,
                      "%s: allocation %lu of %lu failed: %ld blocks leaked", name,
                      n, total, np__alloc_testing_live() - live);
        if (rc == NP_OK)
            absorbed++;
        else
            failed++;
    }
    fprintf(stderr, "%s%s: %lu allocations, %lu failures reported NP_ENOMEM, "
                    "%lu were absorbed\n", name, sticky ? " (sticky)" : "", total,
            failed, absorbed);
}

START_TEST(test_parse_html)
{
    fail_every_allocation("parse_html", op_parse_html, 0, 1);
}
END_TEST

START_TEST(test_parse_html_sticky)
{
    fail_every_allocation("parse_html", op_parse_html, 1, 3);
}
END_TEST

START_TEST(test_parse_text)
{
    fail_every_allocation("parse_text", op_parse_text, 0, 1);
}
END_TEST

START_TEST(test_parse_text_sticky)
{
    fail_every_allocation("parse_text", op_parse_text, 1, 3);
}
END_TEST

START_TEST(test_clean)
{
    fail_every_allocation("clean", op_clean, 0, 1);
    fail_every_allocation("clean", op_clean, 1, 1);
}
END_TEST

START_TEST(test_parse_page)
{
    char path[4096];
    page = np_test_read(np_test_path(path, sizeof path, "examples/data/article.html"),
                        &page_len);
    ck_assert_ptr_nonnull(page);
    fail_every_allocation("article.html", op_parse_page, 0, 1);
    free(page);
    page = NULL;
}
END_TEST

START_TEST(test_parser_new)
{
    np_parse_options o = NP_PARSE_OPTIONS_INIT;
    np_parser *p = NULL;
    unsigned long n;
    long live = np__alloc_testing_live();
    o.base_url = "https://example.org/";
    o.charset = "windows-1252";
    for (n = 1; n <= 4; n++) {
        int rc;
        np__alloc_testing_fail_at(n, 0);
        rc = np_parser_new(&p, &o);
        np__alloc_testing_fail_at(0, 0);
        if (rc == NP_OK) {
            np_parser_free(p);
        } else {
            ck_assert_int_eq(rc, NP_ENOMEM);
            ck_assert_ptr_null(p);
        }
        ck_assert_int_eq(np__alloc_testing_live(), live);
    }
}
END_TEST

Suite *np_oom_suite(void)
{
    Suite *s = suite_create("oom");
    TCase *tc = tcase_create("every allocation");
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, test_parser_new);
    tcase_add_test(tc, test_clean);
    tcase_add_test(tc, test_parse_text);
    tcase_add_test(tc, test_parse_text_sticky);
    tcase_add_test(tc, test_parse_html);
    tcase_add_test(tc, test_parse_html_sticky);
    tcase_add_test(tc, test_parse_page);
    suite_add_tcase(s, tc);
    return s;
}

#endif /* NP_ALLOC_TESTING */

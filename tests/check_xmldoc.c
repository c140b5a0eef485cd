/* np_parse_xmldoc(): a caller's libxml2 tree, read without reparsing and
 * never changed. */
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>

#include "np_test.h"

static htmlDocPtr read_page(const char *buf, size_t len)
{
    htmlDocPtr doc = htmlReadMemory(buf, (int)len, NULL, "UTF-8",
                                   HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
                                   HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
    ck_assert_ptr_nonnull(doc);
    return doc;
}

static char *dump(htmlDocPtr doc)
{
    xmlChar *mem = NULL;
    int size = 0;
    char *copy;
    htmlDocDumpMemory(doc, &mem, &size);
    ck_assert_ptr_nonnull(mem);
    copy = strdup((const char *)mem);
    xmlFree(mem);
    return copy;
}

START_TEST(test_same_as_html_and_tree_unchanged)
{
    char path[4096];
    size_t len, b1, b2;
    char *html = np_test_read(np_test_path(path, sizeof path, "examples/data/article.html"), &len);
    np_parser *p;
    np_document *a, *b;
    htmlDocPtr tree;
    char *before, *after;

    ck_assert_ptr_nonnull(html);
    ck_assert_int_eq(np_parser_new(&p, NULL), NP_OK);
    ck_assert_int_eq(np_parse_html(p, &a, html, len, NULL), NP_OK);
    tree = read_page(html, len);
    before = dump(tree);
    ck_assert_int_eq(np_parse_xmldoc(p, &b, tree, NULL), NP_OK);
    after = dump(tree);
    ck_assert_str_eq(before, after);
    xmlFreeDoc(tree); /* the document keeps its own copies */

    ck_assert_str_eq(np_document_title(a), np_document_title(b));
    ck_assert_str_eq(np_document_body(a, &b1), np_document_body(b, &b2));
    ck_assert_uint_eq(b1, b2);
    ck_assert_uint_gt(b2, 1000);
    ck_assert_uint_eq(np_document_entity_count(a), np_document_entity_count(b));
    ck_assert_uint_eq(np_document_quote_count(a), np_document_quote_count(b));
    ck_assert_ptr_nonnull(np_document_published(b));
    free(before);
    free(after);
    free(html);
    np_document_free(a);
    np_document_free(b);
    np_parser_free(p);
}
END_TEST

START_TEST(test_bad_arguments)
{
    np_parser *p;
    np_document *d = (np_document *)1;
    htmlDocPtr tree = read_page("<p>x</p>", 8);
    ck_assert_int_eq(np_parser_new(&p, NULL), NP_OK);
    ck_assert_int_eq(np_parse_xmldoc(p, &d, NULL, NULL), NP_EINVAL);
    ck_assert_ptr_null(d);
    ck_assert_str_ne(np_parser_errmsg(p), "");
    ck_assert_int_eq(np_parse_xmldoc(NULL, &d, tree, NULL), NP_EINVAL);
    ck_assert_int_eq(np_parse_xmldoc(p, NULL, tree, NULL), NP_EINVAL);
    xmlFreeDoc(tree);
    np_parser_free(p);
}
END_TEST

START_TEST(test_limits_refuse_without_cutting)
{
    np_parse_options o = NP_PARSE_OPTIONS_INIT;
    np_parser *p;
    np_document *d = NULL;
    char buf[2000];
    size_t n = 0;
    int i;
    htmlDocPtr tree;
    char *before, *after;

    for (i = 0; i < 100; i++)
        n += (size_t)snprintf(buf + n, sizeof buf - n, "<div>");
    n += (size_t)snprintf(buf + n, sizeof buf - n, "deep text");
    tree = read_page(buf, n);
    before = dump(tree);
    o.max_depth = 20;
    ck_assert_int_eq(np_parser_new(&p, &o), NP_OK);
    ck_assert_int_eq(np_parse_xmldoc(p, &d, tree, NULL), NP_ELIMIT);
    ck_assert_ptr_null(d);
    ck_assert_ptr_nonnull(strstr(np_parser_errmsg(p), "deeper"));
    after = dump(tree);
    ck_assert_str_eq(before, after);
    np_parser_free(p);

    o.max_depth = 0;
    o.max_nodes = 50;
    ck_assert_int_eq(np_parser_new(&p, &o), NP_OK);
    ck_assert_int_eq(np_parse_xmldoc(p, &d, tree, NULL), NP_ELIMIT);
    np_parser_free(p);

    ck_assert_int_eq(np_parser_new(&p, NULL), NP_OK);
    ck_assert_int_eq(np_parse_xmldoc(p, &d, tree, NULL), NP_OK);
    np_document_free(d);
    np_parser_free(p);
    free(before);
    free(after);
    xmlFreeDoc(tree);
}
END_TEST

Suite *np_xmldoc_suite(void)
{
    Suite *s = suite_create("xmldoc");
    TCase *tc = tcase_create("xmldoc");
    tcase_add_test(tc, test_same_as_html_and_tree_unchanged);
    tcase_add_test(tc, test_bad_arguments);
    tcase_add_test(tc, test_limits_refuse_without_cutting);
    suite_add_tcase(s, tc);
    return s;
}

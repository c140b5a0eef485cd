/* np_parse_xmldoc(): a caller's libxml2 tree, read without reparsing and
 * never changed. */
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>

#include "np_test.h"
#include "newsparse/libxml2.h"

static htmlDocPtr read_page(const char *buf, size_t len)
{
    htmlDocPtr doc = htmlReadMemory(buf, (int)len, NULL, "UTF-8",
                                   HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
                                   HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
    ck_assert_ptr_nonnull(doc);
    return doc;
}

/* The tree serialised by htmlDocDumpMemory or xmlDocDumpMemory, as a
 * string to compare before and after a parse. */
static char *dump_with(xmlDocPtr doc, void (*dumper)(xmlDocPtr, xmlChar **, int *))
{
    xmlChar *mem = NULL;
    int size = 0;
    char *copy;
    dumper(doc, &mem, &size);
    ck_assert_ptr_nonnull(mem);
    copy = strdup((const char *)mem);
    xmlFree(mem);
    return copy;
}

static char *dump(htmlDocPtr doc)
{
    return dump_with(doc, htmlDocDumpMemory);
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

/* An XML tree as an application reading XHTML would have it: entity
 * references kept as nodes (no XML_PARSE_NOENT). */
static xmlDocPtr read_xml(const char *buf)
{
    xmlDocPtr doc = xmlReadMemory(buf, (int)strlen(buf), NULL, NULL,
                                  XML_PARSE_NONET | XML_PARSE_NOERROR |
                                  XML_PARSE_NOWARNING);
    ck_assert_ptr_nonnull(doc);
    return doc;
}

static char *dump_xml(xmlDocPtr doc)
{
    return dump_with(doc, xmlDocDumpMemory);
}

/* An entity reference's children are its declaration in the DTD: the tree
 * is read without entering them (the walk used to climb from there back to
 * the root: "deeper than 4096", or a hang with the limits off), and the
 * entity's text is read as text. */
START_TEST(test_entity_references_are_text)
{
    static const char page[] =
        "<?xml version=\"1.0\"?><!DOCTYPE html [<!ENTITY co \"Acme\">"
        "<!ENTITY tm \"<b>Widget</b> Works\">]><html><head><title>News "
        "from &co;</title></head><body><p>By &co;. The &tm; plant closed.</p>"
        "</body></html>";
    np_parse_options o = NP_PARSE_OPTIONS_INIT;
    np_parser *p;
    np_document *d = NULL;
    xmlDocPtr tree = read_xml(page);
    char *before = dump_xml(tree), *after;
    int round;
    o.flags = NP_PARSE_KEEP_ALL;   /* a short page: every block kept */
    for (round = 0; round < 2; round++) {
        /* the defaults, then every limit off */
        o.max_depth = round ? SIZE_MAX : 0;
        o.max_nodes = round ? SIZE_MAX : 0;
        ck_assert_int_eq(np_parser_new(&p, &o), NP_OK);
        ck_assert_int_eq(np_parse_xmldoc(p, &d, tree, NULL), NP_OK);
        ck_assert_ptr_nonnull(strstr(np_document_body(d, NULL),
                                     "By Acme. The Widget Works plant closed."));
        ck_assert_ptr_nonnull(strstr(np_document_title(d), "Acme"));
        np_document_free(d);
        np_parser_free(p);
    }
    after = dump_xml(tree);
    ck_assert_str_eq(before, after);
    free(before);
    free(after);
    xmlFreeDoc(tree);
}
END_TEST

/* Billion laughs: ten levels of entities, each ten references to the one
 * below, referenced twice from the page. libxml2's parser refuses to build
 * such a tree, but an application may build one through the tree API: the
 * entities' content here is made of reference nodes, as the parser makes
 * it. The tree is read without expanding the chain. */
START_TEST(test_entity_chain_does_not_expand)
{
    np_parse_options o = NP_PARSE_OPTIONS_INIT;
    np_parser *p;
    np_document *d = NULL;
    xmlDocPtr tree = xmlNewDoc((const xmlChar *)"1.0");
    xmlNodePtr html, body, para;
    char name[16], prev[16];
    int lv, k;
    ck_assert_ptr_nonnull(xmlCreateIntSubset(tree, (const xmlChar *)"html", NULL, NULL));
    ck_assert_ptr_nonnull(xmlAddDocEntity(tree, (const xmlChar *)"lol0",
                                          XML_INTERNAL_GENERAL_ENTITY, NULL,
                                          NULL, (const xmlChar *)"lol"));
    for (lv = 1; lv < 10; lv++) {
        xmlEntityPtr e;
        snprintf(name, sizeof name, "lol%d", lv);
        snprintf(prev, sizeof prev, "&lol%d;", lv - 1);
        e = xmlAddDocEntity(tree, (const xmlChar *)name,
                            XML_INTERNAL_GENERAL_ENTITY, NULL, NULL,
                            (const xmlChar *)"&x;");
        ck_assert_ptr_nonnull(e);
        /* the entity owns the references added below, so that
         * xmlFreeDoc() frees them with it (libxml2 frees an entity's
         * children only when it owns them) */
        e->owner = 1;
        for (k = 0; k < 10; k++)
            ck_assert_ptr_nonnull(xmlAddChild((xmlNodePtr)e,
                                              xmlNewReference(tree, (const xmlChar *)prev)));
    }
    html = xmlNewDocNode(tree, NULL, (const xmlChar *)"html", NULL);
    xmlDocSetRootElement(tree, html);
    body = xmlNewChild(html, NULL, (const xmlChar *)"body", NULL);
    para = xmlNewChild(body, NULL, (const xmlChar *)"p", (const xmlChar *)"Laughs: ");
    xmlAddChild(para, xmlNewReference(tree, (const xmlChar *)"&lol9;"));
    xmlAddChild(para, xmlNewReference(tree, (const xmlChar *)"&lol9;"));
    xmlAddChild(para, xmlNewText((const xmlChar *)" and the news."));
    o.flags = NP_PARSE_KEEP_ALL;
    o.max_depth = SIZE_MAX;
    o.max_nodes = SIZE_MAX;
    ck_assert_int_eq(np_parser_new(&p, &o), NP_OK);
    ck_assert_int_eq(np_parse_xmldoc(p, &d, tree, NULL), NP_OK);
    ck_assert_str_eq(np_document_body(d, NULL), "Laughs: and the news.");
    np_document_free(d);
    np_parser_free(p);
    xmlFreeDoc(tree);
}
END_TEST

/* The text entity references add is counted against max_bytes. */
START_TEST(test_entity_text_counts_against_max_bytes)
{
    char page[8192];
    size_t n = 0;
    int k;
    np_parse_options o = NP_PARSE_OPTIONS_INIT;
    np_parser *p;
    np_document *d = NULL;
    xmlDocPtr tree;
    n += (size_t)snprintf(page + n, sizeof page - n,
                          "<?xml version=\"1.0\"?><!DOCTYPE html [<!ENTITY e "
                          "\"one two three four five six seven eight\">]><html><body><p>");
    for (k = 0; k < 100; k++)
        n += (size_t)snprintf(page + n, sizeof page - n, "&e; ");
    snprintf(page + n, sizeof page - n, "</p></body></html>");
    tree = read_xml(page);
    o.max_bytes = 1000;
    o.flags = NP_PARSE_KEEP_ALL;
    ck_assert_int_eq(np_parser_new(&p, &o), NP_OK);
    ck_assert_int_eq(np_parse_xmldoc(p, &d, tree, NULL), NP_ELIMIT);
    ck_assert_ptr_null(d);
    ck_assert_ptr_nonnull(strstr(np_parser_errmsg(p), "entity"));
    np_parser_free(p);
    o.flags |= NP_PARSE_TRUNCATE;
    ck_assert_int_eq(np_parser_new(&p, &o), NP_OK);
    ck_assert_int_eq(np_parse_xmldoc(p, &d, tree, NULL), NP_OK);
    ck_assert(np_document_truncated(d));
    ck_assert_uint_le(strlen(np_document_body(d, NULL)), 1200);
    ck_assert_ptr_nonnull(strstr(np_document_body(d, NULL), "one two three"));
    np_document_free(d);
    np_parser_free(p);
    xmlFreeDoc(tree);
}
END_TEST

/* A caller's tree can hold text that is not UTF-8 (libxml2 does not check
 * text set with xmlNewText()); without cleanup it reaches the body, and the
 * JSON writer says so with NP_EENCODING, not as if memory ran out. */
START_TEST(test_json_of_invalid_utf8_is_an_encoding_error)
{
    static const char para[] = "The council met on Monday night and voted to "
        "close the old bridge \xff\xfe to lorries for the whole of the summer.";
    np_parse_options o = NP_PARSE_OPTIONS_INIT;
    np_parser *p;
    np_document *d;
    xmlDocPtr tree = xmlNewDoc((const xmlChar *)"1.0");
    xmlNodePtr html = xmlNewNode(NULL, (const xmlChar *)"html");
    xmlNodePtr body = xmlNewChild(html, NULL, (const xmlChar *)"body", NULL);
    xmlNodePtr art = xmlNewChild(body, NULL, (const xmlChar *)"article", NULL);
    char *out = (char *)para;
    int i;

    xmlDocSetRootElement(tree, html);
    for (i = 0; i < 3; i++) {
        xmlNodePtr pn = xmlNewChild(art, NULL, (const xmlChar *)"p", NULL);
        xmlAddChild(pn, xmlNewText((const xmlChar *)para));
    }
    o.flags = NP_PARSE_NO_CLEAN | NP_PARSE_NO_ENTITIES | NP_PARSE_NO_QUOTES;
    ck_assert_int_eq(np_parser_new(&p, &o), NP_OK);
    ck_assert_int_eq(np_parse_xmldoc(p, &d, tree, NULL), NP_OK);
    ck_assert_ptr_nonnull(strstr(np_document_body(d, NULL), "\xff\xfe"));
    ck_assert_int_eq(np_document_to_json(d, "t", 0, &out, NULL), NP_EENCODING);
    ck_assert_ptr_null(out);
    np_document_free(d);
    np_parser_free(p);
    xmlFreeDoc(tree);
}
END_TEST

/* A caller's tree may hold bytes that are not UTF-8 in an address: they
 * come out percent-encoded, so the field stays valid UTF-8. */
START_TEST(test_address_bytes_not_utf8_are_percent_encoded)
{
    np_parser *p;
    np_document *d;
    const char *url;
    xmlDocPtr tree = xmlNewDoc((const xmlChar *)"1.0");
    xmlNodePtr html = xmlNewNode(NULL, (const xmlChar *)"html");
    xmlNodePtr head = xmlNewChild(html, NULL, (const xmlChar *)"head", NULL);
    xmlNodePtr body = xmlNewChild(html, NULL, (const xmlChar *)"body", NULL);
    xmlNodePtr link = xmlNewChild(head, NULL, (const xmlChar *)"link", NULL);
    xmlNewProp(link, (const xmlChar *)"rel", (const xmlChar *)"canonical");
    xmlNewProp(link, (const xmlChar *)"href",
               (const xmlChar *)"https://example.org/caf\xe9/\xc3\xa9t\xc3");
    xmlNewTextChild(body, NULL, (const xmlChar *)"p",
                    (const xmlChar *)"The council met on Monday night.");
    xmlDocSetRootElement(tree, html);
    ck_assert_int_eq(np_parser_new(&p, NULL), NP_OK);
    ck_assert_int_eq(np_parse_xmldoc(p, &d, tree, NULL), NP_OK);
    url = np_document_url(d);
    ck_assert_ptr_nonnull(url);
    ck_assert_str_eq(url, "https://example.org/caf%E9/\xc3\xa9t%C3");
    np_document_free(d);
    np_parser_free(p);
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
    tcase_add_test(tc, test_entity_references_are_text);
    tcase_add_test(tc, test_entity_chain_does_not_expand);
    tcase_add_test(tc, test_entity_text_counts_against_max_bytes);
    tcase_add_test(tc, test_json_of_invalid_utf8_is_an_encoding_error);
    tcase_add_test(tc, test_address_bytes_not_utf8_are_percent_encoded);
    suite_add_tcase(s, tc);
    return s;
}

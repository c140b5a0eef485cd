/* Fuzz target: np_parse_xmldoc() on a tree the caller built, then every
 * accessor of the document. Options from the two leading bytes (see
 * np_fuzz.h); bit 6 of byte 0 reads the rest with libxml2's HTML parser,
 * else with its XML parser, entity references kept as nodes (no
 * XML_PARSE_NOENT) as an application reading XHTML has them: DTDs with
 * internal entities, references to them in text and in attributes, chains
 * of entities. The tree must come back unchanged. */
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "np_fuzz.h"
#include "newsparse/libxml2.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    np_parse_options o;
    np_parser *p = NULL;
    np_document *d = NULL;
    xmlDocPtr tree;
    xmlChar *before = NULL, *after = NULL;
    int html = size >= 1 && (data[0] & 0x40), nb = 0, na = 0, rc;
    np_fuzz_options(&o, &data, &size);
    if (size > 1 << 20)
        return 0;
    if (html)
        tree = htmlReadMemory((const char *)data, (int)size, NULL, NULL,
                              HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
                              HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
    else
        tree = xmlReadMemory((const char *)data, (int)size, NULL, NULL,
                             XML_PARSE_RECOVER | XML_PARSE_NOERROR |
                             XML_PARSE_NOWARNING | XML_PARSE_NONET);
    if (!tree)
        return 0;
    if (np_parser_new(&p, &o) != NP_OK) {
        xmlFreeDoc(tree);
        return 0;
    }
    xmlDocDumpMemory(tree, &before, &nb);
    rc = np_parse_xmldoc(p, &d, tree, "https://example.org/news/a.html");
    if (rc == NP_OK) {
        NP_FUZZ_CHECK(d != NULL);
        /* Without cleanup a caller's tree keeps its bytes that are not
         * UTF-8 (as documented for np_parse_xmldoc, and tested in
         * check_xmldoc.c), so only then is UTF-8 not required. */
        np_fuzz_check_document(d, !(o.flags & NP_PARSE_NO_CLEAN));
        np_document_free(d);
    } else {
        NP_FUZZ_CHECK(d == NULL);
        NP_FUZZ_CHECK(rc == NP_ELIMIT || rc == NP_ENOMEM);
        np_fuzz_check_str(np_parser_errmsg(p));
    }
    xmlDocDumpMemory(tree, &after, &na);
    NP_FUZZ_CHECK((before == NULL) == (after == NULL));
    NP_FUZZ_CHECK(nb == na && (!before || !memcmp(before, after, (size_t)nb)));
    xmlFree(before);
    xmlFree(after);
    np_parser_free(p);
    xmlFreeDoc(tree);
    return 0;
}

/**
 * @file newsparse/libxml2.h
 * @brief Opt-in: parse a tree the caller already built with libxml2.
 *
 * Not included by <newsparse/newsparse.h>: only programs that hold a
 * libxml2 tree include it, so that no other program's interface depends on
 * libxml2's types.
 *
 * @code
 * #include <libxml/HTMLparser.h>
 * #include <newsparse/newsparse.h>
 * #include <newsparse/libxml2.h>
 * @endcode
 */
#ifndef NEWSPARSE_LIBXML2_H
#define NEWSPARSE_LIBXML2_H

#include "newsparse/common.h"
#include "newsparse/parser.h"

#ifdef __cplusplus
extern "C" {
#endif

/* libxml2's document type (xmlDoc, htmlDoc); declared here so that this
 * header compiles without libxml2's. */
struct _xmlDoc;

/**
 * Parses a page the caller has already parsed with libxml2 (an htmlDocPtr
 * or xmlDocPtr), without parsing it again.
 *
 * The tree is only read, never changed, and may be freed by the caller as
 * soon as the call returns: the document copies what it keeps. Text in the
 * tree is UTF-8, as libxml2 stores it. A tree deeper than max_depth or with
 * more than max_nodes nodes is refused with NP_ELIMIT (it cannot be cut, as
 * it belongs to the caller). An entity reference left in the tree (an XML
 * tree read without XML_PARSE_NOENT) reads as its entity's text, without
 * following the references inside that text, so a chain of entities does
 * not expand; the text all references add counts against max_bytes
 * (NP_ELIMIT, or with NP_PARSE_TRUNCATE the references past it read as
 * nothing and the document is truncated).
 *
 * @param parser the parser (not NULL)
 * @param[out] out receives the document (owned: free with
 *                 np_document_free()); set to NULL on failure
 * @param[in] tree the libxml2 document (borrowed for the call)
 * @param[in] url the page's address (copied), or NULL for the options' base_url
 * @return NP_OK, NP_EINVAL for NULL arguments or a parser in use by another
 *         thread, NP_ELIMIT, NP_ENOMEM
 * @since 0.1
 */
NP_API int np_parse_xmldoc(np_parser *parser, np_document **out,
                           const struct _xmlDoc *tree, const char *url);

#ifdef __cplusplus
}
#endif

#endif /* NEWSPARSE_LIBXML2_H */

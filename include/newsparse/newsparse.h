/**
 * @file newsparse/newsparse.h
 * @brief The one header users include: parse news articles from HTML or
 *        text into documents with metadata, body, entities and quotes.
 *
 * @code
 * #include <newsparse/newsparse.h>
 * np_parser *p;
 * np_document *doc;
 * if (np_parser_new(&p, NULL) == NP_OK &&
 *     np_parse_html(p, &doc, html, html_len, NULL) == NP_OK) {
 *     printf("%s\n", np_document_title(doc));
 *     np_document_free(doc);
 * }
 * np_parser_free(p);
 * @endcode
 *
 * Programs that hold a libxml2 tree also include <newsparse/libxml2.h>
 * for np_parse_xmldoc(); nothing here depends on libxml2's types.
 */
#ifndef NEWSPARSE_H
#define NEWSPARSE_H

#include "newsparse/common.h"
#include "newsparse/parser.h"
#include "newsparse/document.h"
#include "newsparse/clean.h"

#endif /* NEWSPARSE_H */

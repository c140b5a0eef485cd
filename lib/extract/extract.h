/*
 * The extraction stage (lib/extract): the article's blocks and images from
 * a libxml2 tree or from plain text.
 */
#ifndef NP_EXTRACT_H
#define NP_EXTRACT_H

#include <stddef.h>

#include "doc/context.h"

/* extract/html.c: the article body of a libxml2 tree as blocks and images,
 * and doc->is_article. `tree` is an xmlDocPtr (kept as void * so that this
 * header does not need libxml2's). */
int np__extract_html(np__ctx *c, void *tree);
/* extract/all.c: every text block of the tree, no boilerplate removal
 * (NP_PARSE_KEEP_ALL). */
int np__extract_all(np__ctx *c, void *tree);
/* extract/text.c: a plain-text article (valid UTF-8) into blocks and the
 * metadata the text gives (headline, date line, image credit). */
int np__extract_text(np__ctx *c, const char *text, size_t len);

/* Length of an image-credit label that starts s ("Image source:",
 * "Photo:", "Credit:"...), or 0 when s does not read as a credit. */
size_t np__credit_label(const char *s, size_t n);

#endif

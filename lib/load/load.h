/*
 * The load stage (lib/load): input bytes to UTF-8, HTML to a libxml2 tree,
 * and the general DOM helpers the stages above read the tree with.
 */
#ifndef NP_LOAD_H
#define NP_LOAD_H

#include <stddef.h>

#include "util/util.h"
#include "doc/context.h"

/* load/charset.c: decodes HTML bytes to UTF-8 (BOM, meta charset,
 * http-equiv, the options' hint, windows-1252 fallback). */
int np__decode_html(np__ctx *c, const char *buf, size_t len, np__buf *out);
/* load/charset.c: converts bytes in a named charset to UTF-8 with ICU. */
int np__convert_to_utf8(np__ctx *c, const char *charset, const char *buf,
                        size_t len, np__buf *out);

/* load/html.c: parses UTF-8 HTML into a libxml2 tree (an htmlDocPtr,
 * returned as void *), enforcing the depth and node limits; and frees it. */
int np__load_html(np__ctx *c, const char *utf8, size_t len, void **tree);
/* Frees a tree np__load_html made (and only such a tree: its attributes
 * are the loader's, see "Attribute nodes" in load/html.c). */
void np__tree_free(void *tree);
/* load/text.c: plain-text input as valid UTF-8 (BOMs, UTF-16, invalid
 * bytes read as windows-1252 unless NP_PARSE_NO_CLEAN). */
int np__decode_text(np__ctx *c, const char *buf, size_t len, np__buf *out);

/* load/dom.c: the value of an element's attribute (borrowed from the
 * tree), "" for an attribute without a plain value, NULL when absent.
 * `node` is an xmlNodePtr. */
const char *np__xml_attr(const void *node, const char *name);
/* load/dom.c: whether a stage reads attributes of this name (lower case);
 * np__load_html keeps only those. */
int np__attr_read(const char *name);
/* load/dom.c: the same for the n bytes at s, in any case. */
int np__attr_read_ci(const char *s, size_t n);
/* load/dom.c: the name as np__xml_attr is given it (lower case, static)
 * when a stage reads attributes named s[0..n) in any case, else NULL. */
const char *np__attr_name_ci(const char *s, size_t n);

#endif /* NP_LOAD_H */

/* Helpers shared by the extraction and metadata stages. */
#ifndef NP_EXTRACT_H
#define NP_EXTRACT_H

/* The value of an element's attribute (borrowed from the tree), "" for an
 * attribute without a plain value, NULL when absent. `node` is an
 * xmlNodePtr. */
const char *np__xml_attr(const void *node, const char *name);

/* Length of an image-credit label that starts s ("Image source:",
 * "Photo:", "Credit:"...), or 0 when s does not read as a credit. */
size_t np__credit_label(const char *s, size_t n);

#endif

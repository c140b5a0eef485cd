/* Helpers shared by the extraction and metadata stages. */
#ifndef NP_EXTRACT_H
#define NP_EXTRACT_H

/* The value of an element's attribute (borrowed from the tree), "" for an
 * attribute without a plain value, NULL when absent. `node` is an
 * xmlNodePtr. */
const char *np__xml_attr(const void *node, const char *name);

#endif

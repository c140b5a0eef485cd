/* General helpers for reading a libxml2 tree, shared by the stages that
 * read one (extract, meta). */
#include <string.h>

#include <libxml/tree.h>

#include "load/load.h"

/* The attributes some stage reads: every name given to np__xml_attr. The
 * loader keeps no other attribute on the elements it builds (see
 * np__attr_read), so a name read by a stage must be added here;
 * tests/attrs_test.py checks the sources for it. Sorted by first letter. */
static const char *const np__read_attrs[] = {
    "alt", "aria-hidden",
    "class", "content",
    "data-lazy-src", "data-original", "data-src", "data-url", "datetime",
    "hidden", "href", "http-equiv",
    "id", "itemprop",
    "lang",
    "name",
    "property", "pubdate",
    "rel", "role",
    "src", "style",
    "type",
    NULL
};

int np__attr_read(const char *name)
{
    size_t i;
    if (!name)
        return 0;
    for (i = 0; np__read_attrs[i]; i++) {
        const char *a = np__read_attrs[i];
        if (a[0] > name[0])
            break;
        if (a[0] == name[0] && strcmp(a + 1, name + 1) == 0)
            return 1;
    }
    return 0;
}

int np__attr_read_ci(const char *s, size_t n)
{
    size_t i;
    int c;
    if (!n)
        return 0;
    c = (unsigned char)s[0];
    if (c >= 'A' && c <= 'Z')
        c += 32;
    for (i = 0; np__read_attrs[i]; i++) {
        const char *a = np__read_attrs[i];
        if ((unsigned char)a[0] > c)
            break;
        if ((unsigned char)a[0] == c && np__ascii_eq_ci(s, n, a))
            return 1;
    }
    return 0;
}

const char *np__xml_attr(const void *node, const char *name)
{
    const xmlNode *n = node;
    const xmlAttr *a;
    if (!n || n->type != XML_ELEMENT_NODE)
        return NULL;
    for (a = n->properties; a; a = a->next) {
        /* the first letter before the call: most attributes differ there */
        if (a->name && a->name[0] == (xmlChar)name[0]
            && strcmp((const char *)a->name, name) == 0) {
            if (a->children && a->children->type == XML_TEXT_NODE
                && a->children->content)
                return (const char *)a->children->content;
            return "";
        }
    }
    return NULL;
}

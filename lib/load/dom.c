/* General helpers for reading a libxml2 tree, shared by the stages that
 * read one (extract, meta). */
#include <string.h>

#include <libxml/tree.h>

#include "load/load.h"

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

/* General helpers for reading a libxml2 tree, shared by the stages that
 * read one (extract, meta). */
#include <pthread.h>
#include <string.h>

#include <libxml/tree.h>

#include "load/load.h"

/* The attributes some stage reads: every name given to np__xml_attr. The
 * loader keeps no other attribute on the elements it builds (see
 * np__attr_read), so a name read by a stage must be added here;
 * tests/attrs_test.py checks the sources for it. Sorted by first letter,
 * each with its length. */
#define NP__A(name) { name, sizeof(name) - 1 }
static const struct {
    const char *name;
    size_t len;
} np__read_attrs[] = {
    NP__A("alt"), NP__A("aria-hidden"),
    NP__A("class"), NP__A("content"),
    NP__A("data-lazy-src"), NP__A("data-original"), NP__A("data-src"), NP__A("data-url"),
    NP__A("datetime"),
    NP__A("hidden"), NP__A("href"), NP__A("http-equiv"),
    NP__A("id"), NP__A("itemprop"),
    NP__A("lang"),
    NP__A("name"),
    NP__A("property"), NP__A("pubdate"),
    NP__A("rel"), NP__A("role"),
    NP__A("src"), NP__A("style"),
    NP__A("type"),
    { NULL, 0 }
};

int np__attr_read(const char *name)
{
    return name && np__attr_name_ci(name, strlen(name)) != NULL;
}

int np__attr_read_ci(const char *s, size_t n)
{
    return np__attr_name_ci(s, n) != NULL;
}

#define NP__NREAD (sizeof np__read_attrs / sizeof np__read_attrs[0] - 1)
_Static_assert(NP__NREAD < 256, "np__read_first holds indexes below 256");

/* Where the names of each first letter begin in np__read_attrs (the
 * list's end for a letter none begins with): the pre-pass asks for every
 * attribute of the page. */
static unsigned char np__read_first[256];
static pthread_once_t np__read_once = PTHREAD_ONCE_INIT;

static void read_first_init(void)
{
    size_t i;
    int c;
    for (c = 255; c >= 0; c--) {
        for (i = 0; i < NP__NREAD && (unsigned char)np__read_attrs[i].name[0] < c; i++)
            ;
        np__read_first[c] = (unsigned char)i;
    }
}

const char *np__attr_name_ci(const char *s, size_t n)
{
    const char *a;
    size_t i, j;
    unsigned c;
    if (!n)
        return NULL;
    c = (unsigned)np__tolower((unsigned char)s[0]);
    pthread_once(&np__read_once, read_first_init);
    for (i = np__read_first[c]; (a = np__read_attrs[i].name) != NULL; i++) {
        if ((unsigned char)a[0] > c)
            break;
        if (np__read_attrs[i].len != n)
            continue;
        for (j = 1; j < n && (unsigned)np__tolower((unsigned char)s[j]) == (unsigned char)a[j]; j++)
            ;
        if (j == n)
            return a;
    }
    return NULL;
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

/* The rule log of the NP_RULE_STATS build (see rules.h). */
#include "extract/rules.h"

#ifdef NP_RULE_STATS
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

static int rule_off(const char *name)
{
    const char *off = getenv("NP_RULE_OFF");
    size_t n = strlen(name);
    while (off && *off) {
        const char *end = strchr(off, ',');
        size_t k = end ? (size_t)(end - off) : strlen(off);
        /* a name, or a rule and all its phrases ("furn:prefix") */
        if (k && k <= n && memcmp(off, name, k) == 0 && (k == n || name[k] == ':'))
            return 1;
        off = end ? end + 1 : NULL;
    }
    return 0;
}

static void put_text(FILE *f, const char *s, size_t n)
{
    size_t i;
    int space = 0;
    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
            space = 1;
            continue;
        }
        if (space)
            fputc(' ', f);
        space = 0;
        fputc(c, f);
    }
}

int np__rule(const char *name, const char *text, size_t len)
{
    const char *path = getenv("NP_RULE_LOG");
    if (rule_off(name))
        return 0;
    if (path && *path) {
        FILE *f = fopen(path, "a");
        if (f) {
            fprintf(f, "%s\t", name);
            if (text)
                put_text(f, text, len);
            fputc('\n', f);
            fclose(f);
        }
    }
    return 1;
}

int np__rule_node(const char *name, const void *node)
{
    xmlChar *t = node ? xmlNodeGetContent((const xmlNode *)node) : NULL;
    int r = np__rule(name, t ? (const char *)t : NULL, t ? strlen((const char *)t) : 0);
    if (t)
        xmlFree(t);
    return r;
}
#else
typedef int np__rules_unused;
#endif

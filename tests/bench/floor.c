/*
 * floor: the least work of an extractor that has libxml2 parse the whole
 * page (the reference of issue 7's targets). newsparse's load stage hands
 * libxml2 less: its pre-pass leaves out comments, styles and scripts other
 * than JSON-LD, which nothing reads, so it can run faster than this.
 *
 *   floor [--files-from FILE] [FILE]...
 *
 * Reads each file, parses it with libxml2's HTML parser using the options
 * of lib/load/html.c, walks the tree once (counting elements and text bytes,
 * so the walk cannot be optimised away), and frees it. One line of totals
 * goes to standard output. The benchmark (run.py) times this program beside
 * newsparse and the Readability.js peers on the same decompressed pages.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

typedef struct totals {
    unsigned long pages, failed, elements, texts;
    unsigned long long bytes, text_bytes;
} totals;

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    size_t cap = 0, n = 0, got;
    if (!f)
        return NULL;
    for (;;) {
        if (cap - n < 65536) {
            char *nb = realloc(buf, (cap = cap ? cap * 2 : 262144) + 1);
            if (!nb) {
                free(buf);
                fclose(f);
                return NULL;
            }
            buf = nb;
        }
        got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0)
            break;
    }
    fclose(f);
    buf[n] = '\0';
    *len = n;
    return buf;
}

/* One pre-order walk over the whole tree, without recursion. */
static void walk(xmlNodePtr root, totals *t)
{
    xmlNodePtr n = root;
    while (n) {
        if (n->type == XML_ELEMENT_NODE) {
            t->elements++;
        } else if (n->type == XML_TEXT_NODE && n->content) {
            t->texts++;
            t->text_bytes += strlen((const char *)n->content);
        }
        if (n->children && n->type == XML_ELEMENT_NODE) {
            n = n->children;
            continue;
        }
        while (n && n != root && !n->next)
            n = n->parent;
        if (!n || n == root)
            break;
        n = n->next;
    }
}

static void parse_one(const char *path, totals *t)
{
    /* The options of lib/load/html.c (keep them the same). */
    int opts = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
               HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC | HTML_PARSE_COMPACT |
               XML_PARSE_HUGE;
    size_t len = 0;
    char *buf = read_all(path, &len);
    htmlParserCtxtPtr ctxt;
    htmlDocPtr doc;
    if (!buf || len > 0x7fffffff) {
        fprintf(stderr, "floor: cannot read %s\n", path);
        free(buf);
        t->failed++;
        return;
    }
    ctxt = htmlNewParserCtxt();
    doc = ctxt ? htmlCtxtReadMemory(ctxt, buf, (int)len, NULL, "UTF-8", opts) : NULL;
    if (ctxt)
        htmlFreeParserCtxt(ctxt);
    free(buf);
    t->pages++;
    t->bytes += len;
    if (!doc) {
        t->failed++;
        return;
    }
    if (xmlDocGetRootElement(doc))
        walk(xmlDocGetRootElement(doc), t);
    xmlFreeDoc(doc);
}

int main(int argc, char **argv)
{
    totals t;
    int a;
    memset(&t, 0, sizeof(t));
    xmlInitParser();
    for (a = 1; a < argc; a++) {
        if (!strcmp(argv[a], "--files-from") && a + 1 < argc) {
            size_t len, i, start = 0;
            char *list = read_all(argv[++a], &len);
            if (!list) {
                fprintf(stderr, "floor: cannot read %s\n", argv[a]);
                return 2;
            }
            for (i = 0; i <= len; i++)
                if (i == len || list[i] == '\n') {
                    list[i] = '\0';
                    if (i > start)
                        parse_one(list + start, &t);
                    start = i + 1;
                }
            free(list);
        } else {
            parse_one(argv[a], &t);
        }
    }
    printf("floor pages %lu failed %lu bytes %llu elements %lu texts %lu "
           "text_bytes %llu\n", t.pages, t.failed, t.bytes, t.elements,
           t.texts, t.text_bytes);
    return t.failed ? 1 : 0;
}

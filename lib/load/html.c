/* HTML into a libxml2 tree, with limits. */
#include <pthread.h>

#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>

#include "np_internal.h"

static pthread_once_t np__xml_once = PTHREAD_ONCE_INIT;

static void init_libxml(void)
{
    xmlInitParser();
}

static void free_children(xmlNodePtr n)
{
    xmlNodePtr ch = n->children, next;
    for (; ch; ch = next) {
        next = ch->next;
        xmlUnlinkNode(ch);
        xmlFreeNode(ch);
    }
}

static void free_later_siblings(xmlNodePtr n)
{
    xmlNodePtr s = n->next, next;
    for (; s; s = next) {
        next = s->next;
        xmlUnlinkNode(s);
        xmlFreeNode(s);
    }
}

/* Enforces max_depth and max_nodes over the tree, iteratively: subtrees
 * deeper than the limit and every node past the count are cut off; *cut
 * says whether anything was. */
static void enforce_limits(xmlNodePtr root, size_t max_depth, size_t max_nodes,
                           int *cut)
{
    xmlNodePtr n = root, x;
    size_t depth = 0, count = 0;
    while (n) {
        if (++count >= max_nodes) {
            if (n->children) {
                free_children(n);
                *cut = 1;
            }
            for (x = n; x && x != root; x = x->parent)
                if (x->next) {
                    free_later_siblings(x);
                    *cut = 1;
                }
            return;
        }
        if (n->children && depth + 1 >= max_depth) {
            free_children(n);
            *cut = 1;
        }
        if (n->children) {
            n = n->children;
            depth++;
            continue;
        }
        while (n != root && !n->next) {
            n = n->parent;
            depth--;
        }
        if (n == root)
            return;
        n = n->next;
    }
}

int np__load_html(np__ctx *c, const char *utf8, size_t len, void **tree)
{
    htmlParserCtxtPtr ctxt;
    htmlDocPtr doc;
    int opts = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
               HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC | HTML_PARSE_COMPACT;
    size_t max_depth = c->parser->opts.max_depth ? c->parser->opts.max_depth
                                                 : NP_DEFAULT_MAX_DEPTH;
    size_t max_nodes = c->parser->opts.max_nodes ? c->parser->opts.max_nodes
                                                 : NP_DEFAULT_MAX_NODES;
    int cut = 0;

    *tree = NULL;
    if (len > INT32_MAX)
        return np__error(c->parser, NP_ELIMIT, "input of %zu bytes is too large "
                         "for the HTML parser", len);
    pthread_once(&np__xml_once, init_libxml);
    ctxt = htmlNewParserCtxt();
    if (!ctxt)
        return np__error(c->parser, NP_ENOMEM, "cannot create an HTML parser");
    doc = htmlCtxtReadMemory(ctxt, len ? utf8 : "", (int)len, c->url, "UTF-8", opts);
    htmlFreeParserCtxt(ctxt);
    if (!doc) {
        /* libxml2 gives no tree for input with no markup at all: an empty
         * document is still a valid (article-less) page. */
        doc = htmlNewDocNoDtD(NULL, NULL);
        if (!doc)
            return np__error(c->parser, NP_ENOMEM, "cannot create an HTML tree");
    }
    if (xmlDocGetRootElement(doc))
        enforce_limits(xmlDocGetRootElement(doc), max_depth, max_nodes, &cut);
    if (cut) {
        if (!(c->flags & NP_PARSE_TRUNCATE)) {
            xmlFreeDoc(doc);
            return np__error(c->parser, NP_ELIMIT,
                             "the page exceeds the tree limits (depth %zu, "
                             "%zu nodes)", max_depth, max_nodes);
        }
        c->doc->truncated = 1;
    }
    *tree = doc;
    return NP_OK;
}

void np__tree_free(void *tree)
{
    if (tree)
        xmlFreeDoc(tree);
}

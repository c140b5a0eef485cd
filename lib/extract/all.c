/* NP_PARSE_KEEP_ALL: every text block of the page, in order, with no
 * boilerplate removal (for callers that do their own selection). */
#include <string.h>

#include <libxml/tree.h>

#include "util/util.h"
#include "doc/context.h"
#include "extract/extract.h"

static int is_skipped(const char *name)
{
    static const char *const skip[] = {
        "script", "style", "noscript", "template", "head", "svg", "math",
        "iframe", "object", "select", "textarea", NULL
    };
    int i;
    for (i = 0; skip[i]; i++)
        if (!strcmp(name, skip[i]))
            return 1;
    return 0;
}

/* The block kind an element starts, or -1 for an inline element. */
static int block_kind(const char *name)
{
    static const char *const blocks[] = {
        "p", "div", "section", "article", "main", "header", "footer", "nav",
        "aside", "td", "th", "tr", "table", "dd", "dt", "dl", "ul", "ol",
        "form", "figure", "address", "br", "hr", "body", "html", NULL
    };
    int i;
    if (name[0] == 'h' && name[1] >= '1' && name[1] <= '6' && !name[2])
        return NP_BLOCK_HEADING;
    if (!strcmp(name, "li"))
        return NP_BLOCK_LIST_ITEM;
    if (!strcmp(name, "blockquote"))
        return NP_BLOCK_BLOCKQUOTE;
    if (!strcmp(name, "figcaption") || !strcmp(name, "caption"))
        return NP_BLOCK_CAPTION;
    if (!strcmp(name, "pre"))
        return NP_BLOCK_PREFORMATTED;
    for (i = 0; blocks[i]; i++)
        if (!strcmp(name, blocks[i]))
            return NP_BLOCK_PARAGRAPH;
    return -1;
}

/* Appends text with runs of whitespace folded to one space. */
static void put_folded(np__buf *b, const char *s)
{
    for (; *s; s++) {
        unsigned char ch = (unsigned char)*s;
        if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f') {
            if (b->len && b->ptr[b->len - 1] != ' ')
                np__buf_putc(b, ' ');
        } else {
            np__buf_putc(b, (char)ch);
        }
    }
}

static int flush(np__ctx *c, np__buf *b, int kind)
{
    size_t s = 0, e = b->len;
    while (s < e && b->ptr[s] == ' ')
        s++;
    while (e > s && b->ptr[e - 1] == ' ')
        e--;
    if (e > s && np__doc_add_block(c->doc, kind, b->ptr + s, e - s) < 0)
        return NP_ENOMEM;
    np__buf_clear(b);
    return NP_OK;
}

int np__extract_all(np__ctx *c, void *tree)
{
    xmlNodePtr root = xmlDocGetRootElement((xmlDocPtr)tree), n = root;
    np__buf b = NP__BUF_INIT;
    int kind = NP_BLOCK_PARAGRAPH, rc = NP_OK;

    while (n && rc == NP_OK) {
        int descend = 0;
        if (n->type == XML_ELEMENT_NODE) {
            const char *name = (const char *)n->name;
            int k = block_kind(name);
            if (!is_skipped(name)) {
                if (k >= 0) {
                    rc = flush(c, &b, kind);
                    kind = k;
                }
                descend = 1;
            }
        } else if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            if (n->content)
                put_folded(&b, (const char *)n->content);
        }
        if (descend && n->children) {
            n = n->children;
            continue;
        }
        /* leaving elements: a block element ends its block */
        while (n && n != root && !n->next) {
            n = n->parent;
            if (n && n->type == XML_ELEMENT_NODE && block_kind((const char *)n->name) >= 0) {
                rc = flush(c, &b, kind);
                kind = NP_BLOCK_PARAGRAPH;
            }
        }
        if (!n || n == root)
            break;
        if (n->type == XML_ELEMENT_NODE && block_kind((const char *)n->name) >= 0) {
            rc = flush(c, &b, kind);
            kind = NP_BLOCK_PARAGRAPH;
        }
        n = n->next;
    }
    if (rc == NP_OK)
        rc = flush(c, &b, kind);
    if (b.oom)
        rc = NP_ENOMEM;
    np__buf_free(&b);
    c->doc->is_article = c->doc->blocks.len > 0;
    return rc;
}

/* HTML into a libxml2 tree, with limits. */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>

#include "util/util.h"
#include "doc/context.h"
#include "load/load.h"

static pthread_once_t np__xml_once = PTHREAD_ONCE_INIT;

static void init_libxml(void)
{
    xmlInitParser();
}

/* Takes the attributes off the elements of the subtree at top (top
 * included): they are the loader's, not libxml2's (see "Attribute
 * nodes"), and must not reach xmlFreeNode or xmlFreeDoc. */
static void forget_attrs(xmlNodePtr top)
{
    xmlNodePtr n = top;
    while (n) {
        if (n->type == XML_ELEMENT_NODE)
            n->properties = NULL;
        if (n->children && (n->type == XML_ELEMENT_NODE ||
                            n->type == XML_HTML_DOCUMENT_NODE ||
                            n->type == XML_DOCUMENT_NODE)) {
            n = n->children;
            continue;
        }
        while (n != top && !n->next)
            n = n->parent;
        if (n == top)
            return;
        n = n->next;
    }
}

static void free_subtree(xmlNodePtr n)
{
    xmlUnlinkNode(n);
    forget_attrs(n);
    xmlFreeNode(n);
}

static void free_children(xmlNodePtr n)
{
    xmlNodePtr ch = n->children, next;
    for (; ch; ch = next) {
        next = ch->next;
        free_subtree(ch);
    }
}

static void free_later_siblings(xmlNodePtr n)
{
    xmlNodePtr s = n->next, next;
    for (; s; s = next) {
        next = s->next;
        free_subtree(s);
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

/* ------------------------------------------------------------------
 * A pre-pass over the UTF-8 page before libxml2 sees it.
 *
 * libxml2 2.9.14 (Debian 12) compares every attribute of an element with
 * every earlier one (quadratic in the attributes of one tag), and for an
 * end tag scans its whole stack of open elements, even when nothing there
 * has that name (so many stray end tags under deep nesting cost depth x
 * tags). The pre-pass tokenises the page the way libxml2 does (comments,
 * script and style text, attribute syntax) and
 *  - drops the attributes of an element past max_attributes, and those
 *    no stage reads (np__attr_read);
 *  - drops comments, the text of style elements and of scripts that
 *    hold no JSON (nothing downstream reads them; a JSON-LD script is
 *    kept), which spares libxml2 its slowest, character-by-character
 *    loops over what is often half a page's bytes;
 *  - drops an end tag when no element of its name was opened before it
 *    (libxml2 ignores such a tag anyway after scanning), keeping a few for
 *    html, head, body and p, which libxml2 may open by itself;
 *  - counts the work libxml2 will do (bytes, attribute comparisons, the
 *    open elements an end tag may scan, at most max_depth) and cuts the
 *    page where it passes max_work;
 *  - marks the end tags that a browser honours and libxml2 ignores (see
 *    "End tags the browser's way" below).
 * An end tag is dropped only when no element of its name was opened
 * before it (libxml2 may also refuse to close an element, when one of a
 * higher end priority such as a div is above it, so "closed once" is not
 * "closed"). The cost of the end tags kept comes from a model of libxml2's
 * stack: starts push (a p, li, dt, dd, option, tr, td or th closes one of
 * its kind on top, as a block start closes a p: a subset of what libxml2
 * closes, so the model is never shallower than libxml2), an end tag pops
 * down to its name unless an element of higher end priority is in the way
 * (as htmlAutoCloseOnClose), and a scan looks at max_depth entries at most
 * (libxml2 never gets deeper). Names are told apart by a 32-bit hash: two
 * names with one hash share an entry, which no real page shows and a
 * crafted page can only use to change its own tree.
 * ------------------------------------------------------------------ */

/* The shortest attribute value worth taking out (see "Attribute values"). */
#define PP_TAKE_MIN 4

/* The text of a JSON script, taken out of what libxml2 reads and given to
 * the script element as it is made (see "Script text" below): `at` is
 * where the text was in what libxml2 reads, [from, from + len) where it
 * is in the page. */
typedef struct pp_text {
    size_t at, from, len;
} pp_text;

/* The value of an attribute, taken out of what libxml2 reads (which then
 * reads an empty value) and given back to the element callback: `at` is
 * where the tag's end ('>' or "/>") is in what libxml2 reads, [name,
 * name + name_len) and [from, from + len) the name and the value in the
 * page. */
typedef struct pp_val {
    size_t at, name, name_len, from, len;
} pp_val;

/* The text between two tags, taken out of what libxml2 reads and given
 * back by the character callback (see "Text" below): `at` is where the
 * next tag begins in what libxml2 reads, [from, from + len) the text in
 * the page, `ph` the one character libxml2 reads instead. */
typedef struct pp_textrun {
    size_t at, from, len;
    char ph;
} pp_textrun;

#define PP_NONE ((size_t)-1)

typedef struct np__prepass {
    const char *s;
    size_t n;
    np__buf out;            /* used only once something is dropped */
    size_t copied;          /* input up to here is in out (when used) */
    int used;
    uint32_t *stack;        /* the model of libxml2's open elements */
    unsigned char *prio;    /* their end priorities */
    size_t depth, cap;
    size_t max_depth;       /* what one end tag's scan may cost at most */
    uint32_t *keys;         /* open-addressing table: name -> times opened */
    uint32_t *counts;
    size_t tcap, tlen;
    size_t stray_implied;   /* unmatched html/head/body/p end tags kept */
    size_t max_attrs;
    size_t work, max_work;
    size_t cut_at;          /* (size_t)-1, or where the budget ran out */
    int attrs_dropped;
    size_t marks;           /* end tags marked for the browser's closing */
    pp_text *texts;         /* the JSON scripts' text taken out (in order) */
    size_t ntexts, captexts;
    pp_val *vals;           /* the attribute values taken out (in order) */
    size_t nvals, capvals;
    pp_textrun *runs;           /* the texts between tags taken out (in order) */
    size_t nruns, capruns;
    size_t text_from;       /* where libxml2's text after the last tag begins,
                             * or PP_NONE */
    int keep_scripts;       /* leave every script text and value to libxml2 */
    int oom;
} np__prepass;

static int pp_blank(int c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static int pp_letter(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int pp_name_start(int c)
{
    return pp_letter(c) || c == '_' || c == ':' || c == '.';
}

static int pp_name_char(int c)
{
    return pp_name_start(c) || (c >= '0' && c <= '9') || c == '-';
}

/* Each character of a name (pp_name_char) in lower case; 0 for others. */
static const unsigned char pp_name_lower[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 45, 46, 0,
    48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 0, 0, 0, 0, 0,
    0, 97, 98, 99, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111,
    112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 0, 0, 0, 0, 95,
    0, 97, 98, 99, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111,
    112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
};

/* Reads a name as libxml2's htmlParseHTMLName does (lower-cased, at most
 * 100 characters count) from i; returns its end and sets *hash (never 0). */
static size_t pp_name(const char *s, size_t n, size_t i, uint32_t *hash)
{
    uint32_t h = NP__FNV1A_INIT;
    size_t end = n - i > 100 ? i + 100 : n;
    unsigned c;
    while (i < end && (c = pp_name_lower[(unsigned char)s[i]]) != 0) {
        h = np__fnv1a_step(h, (unsigned char)c);
        i++;
    }
    while (i < n && pp_name_lower[(unsigned char)s[i]])
        i++;
    *hash = h ? h : 1;
    return i;
}

static uint32_t pp_hash_str(const char *name)
{
    uint32_t h;
    pp_name(name, strlen(name), 0, &h);
    return h;
}

/* The open count slot of a name (inserted at 0 when absent), or NULL on
 * allocation failure. */
static uint32_t *pp_slot(np__prepass *pp, uint32_t key)
{
    size_t i;
    if ((pp->tlen + 1) * 2 > pp->tcap) {
        size_t ncap = pp->tcap ? pp->tcap * 2 : 256, j;
        uint32_t *nk = np__calloc(ncap, sizeof(*nk));
        uint32_t *nc = np__calloc(ncap, sizeof(*nc));
        if (!nk || !nc) {
            np__free(nk);
            np__free(nc);
            pp->oom = 1;
            return NULL;
        }
        for (j = 0; j < pp->tcap; j++) {
            if (!pp->keys[j])
                continue;
            for (i = pp->keys[j] & (ncap - 1); nk[i]; i = (i + 1) & (ncap - 1))
                ;
            nk[i] = pp->keys[j];
            nc[i] = pp->counts[j];
        }
        np__free(pp->keys);
        np__free(pp->counts);
        pp->keys = nk;
        pp->counts = nc;
        pp->tcap = ncap;
    }
    for (i = key & (pp->tcap - 1); pp->keys[i]; i = (i + 1) & (pp->tcap - 1))
        if (pp->keys[i] == key)
            return &pp->counts[i];
    pp->keys[i] = key;
    pp->tlen++;
    return &pp->counts[i];
}

/* The array arr of len elements of elsize bytes, whose capacity is *cap,
 * with room for one more: arr itself, or arr moved to twice its capacity
 * (first when it has none yet); NULL with oom set when that fails, arr
 * still valid. */
static void *pp_room(np__prepass *pp, void *arr, size_t *cap, size_t len,
                     size_t elsize, size_t first)
{
    size_t ncap;
    void *na;
    if (len < *cap)
        return arr;
    ncap = *cap ? *cap * 2 : first;
    na = np__realloc(arr, ncap * elsize);
    if (!na) {
        pp->oom = 1;
        return NULL;
    }
    *cap = ncap;
    return na;
}

static void pp_push(np__prepass *pp, uint32_t h, unsigned char prio)
{
    if (pp->depth == pp->cap) {
        size_t ncap = pp->cap ? pp->cap * 2 : 256;
        uint32_t *ns = np__realloc(pp->stack, ncap * sizeof(*ns));
        unsigned char *np;
        if (!ns) {
            pp->oom = 1;
            return;
        }
        pp->stack = ns;
        np = np__realloc(pp->prio, ncap);
        if (!np) {
            pp->oom = 1;
            return;
        }
        pp->prio = np;
        pp->cap = ncap;
    }
    pp->stack[pp->depth] = h;
    pp->prio[pp->depth] = prio;
    pp->depth++;
}

/* An end tag in the model: finds its name within max_depth entries of the
 * top, stopping at an element of higher end priority; pops down through
 * it when found. Returns the entries scanned (libxml2's cost). */
static size_t pp_end(np__prepass *pp, uint32_t h, unsigned char prio)
{
    size_t i = pp->depth, scanned = 0;
    while (i > 0 && scanned < pp->max_depth) {
        i--;
        scanned++;
        if (pp->stack[i] == h) {
            pp->depth = i;
            return scanned;
        }
        if (pp->prio[i] > prio)
            break;
    }
    /* libxml2 then looks for the name in its whole stack */
    return (pp->depth < pp->max_depth ? pp->depth : pp->max_depth) + 1;
}

/* Leaves [from, to) of the input out of what libxml2 reads. */
static void pp_drop(np__prepass *pp, size_t from, size_t to)
{
    if (!pp->used) {
        pp->used = 1;
        pp->copied = 0;
        if (np__buf_reserve(&pp->out, pp->n) != NP_OK) {
            pp->oom = 1;
            return;
        }
    }
    if (from > pp->copied)
        np__buf_put(&pp->out, pp->s + pp->copied, from - pp->copied);
    pp->copied = to;
}

/* Puts text into what libxml2 reads, before the input at `at`. */
static void pp_insert(np__prepass *pp, size_t at, const char *text)
{
    pp_drop(pp, at, at);
    if (!pp->oom)
        np__buf_puts(&pp->out, text);
}

static int pp_in(uint32_t h, const uint32_t *set, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++)
        if (set[i] == h)
            return 1;
    return 0;
}

/* Finds the case-insensitive ASCII needle in s[i, n), or returns n. */
static size_t pp_find_ci(const char *s, size_t n, size_t i, const char *needle)
{
    size_t m = strlen(needle);
    for (; i + m <= n; i++) {
        const char *hit = memchr(s + i, '<', n - i);
        if (!hit)
            return n;
        i = (size_t)(hit - s);
        if (i + m > n)
            return n;
        if (np__text_prefix_ci(s + i, m, needle))
            return i;
    }
    return n;
}

/* The '>' that ends a DOCTYPE's internal subset begun before i (after its
 * ']'), skipping quoted values and comments; n when there is none. */
static size_t pp_subset_end(const char *s, size_t n, size_t i)
{
    while (i < n) {
        char c = s[i];
        if (c == '"' || c == '\'') {
            const char *q = memchr(s + i + 1, c, n - i - 1);
            if (!q)
                return n;
            i = (size_t)(q - s) + 1;
        } else if (c == '<' && i + 3 < n && s[i + 1] == '!' && s[i + 2] == '-' && s[i + 3] == '-') {
            i += 4;
            while (i + 2 < n && !(s[i] == '-' && s[i + 1] == '-' && s[i + 2] == '>'))
                i++;
            if (i + 2 >= n)
                return n;
            i += 3;
        } else if (c == ']') {
            i++;
            while (i < n && pp_blank((unsigned char)s[i]))
                i++;
            if (i < n && s[i] == '>')
                return i;
        } else {
            i++;
        }
    }
    return n;
}

/* ------------------------------------------------------------------
 * End tags the browser's way.
 *
 * libxml2 refuses to close an element when one of a higher end priority
 * is above it: a </li>, </nav>, </ul> or </section> never closes a <div>
 * left open inside it, so the end tag is ignored and the rest of the page
 * becomes a child of the list item, the navigation or the button, which
 * extraction drops. A browser (HTML5 tree construction: the end tags of
 * address ... ul, li, dd, dt, p and the headings) generates the implied
 * end tags and pops every element above the one named, as long as it is
 * "in scope" (no table, cell, caption, object or template in between; no
 * list for </li>, no button for </p>).
 *
 * The pre-pass finds such end tags with its model of the stack (the name
 * open in scope, an element of higher end priority above it) and puts a
 * marker element <np-close x="name"/> before them; libxml2 reports it to
 * the start callback below, which pops libxml2's own open elements above
 * the named one the way the browser does; the end tag that follows then
 * closes it. The page's own elements of the marker's name are left out,
 * so only the pre-pass places markers.
 * ------------------------------------------------------------------ */

#define NP__MARK "np-close"

/* HTML5's end tags that close through any element in scope and that
 * libxml2 gives end priority 100 (a div, 150, blocks them). */
static const char *const np__closers[] = {
    "address", "article", "aside", "blockquote", "button", "center",
    "details", "dialog", "dir", "dl", "fieldset", "figcaption", "figure",
    "footer", "header", "hgroup", "listing", "main", "menu", "nav", "ol",
    "pre", "section", "summary", "ul", "li", "dd", "dt", "p", "h1", "h2",
    "h3", "h4", "h5", "h6", "form",
    /* raw text to a browser that runs scripts: nothing opened inside it
     * outlives it */
    "noscript"
};
#define NP__NCLOSERS (sizeof np__closers / sizeof np__closers[0])

/* Elements that bound the scope an end tag looks in (HTML5's scope, and
 * the table parts libxml2 never closes through). */
static const char *const np__scope_stops[] = {
    "applet", "caption", "html", "table", "td", "th", "marquee", "object",
    "template", "tr", "tbody", "thead", "tfoot", "body", "head"
};
#define NP__NSTOPS (sizeof np__scope_stops / sizeof np__scope_stops[0])

static int scope_stop(const char *name, const char *target)
{
    size_t k;
    for (k = 0; k < NP__NSTOPS; k++)
        if (strcmp(name, np__scope_stops[k]) == 0)
            return 1;
    if (strcmp(target, "li") == 0 && (strcmp(name, "ul") == 0 || strcmp(name, "ol") == 0))
        return 1;
    return strcmp(target, "p") == 0 && strcmp(name, "button") == 0;
}

/* The model's answer for an end tag a browser closes through any element
 * in scope (h is closers[ci]): the depth of its element when it is open
 * in scope with an element of higher end priority above it (which libxml2
 * would not close through), else -1. */
static long pp_browser_end(const np__prepass *pp, uint32_t h, const uint32_t *stops,
                           uint32_t h_li, uint32_t h_p, const uint32_t *lists)
{
    size_t i = pp->depth, scanned = 0;
    int blocked = 0;
    while (i > 0 && scanned < pp->max_depth) {
        uint32_t e;
        i--;
        scanned++;
        e = pp->stack[i];
        if (e == h)
            return blocked ? (long)i : -1;
        if (pp_in(e, stops, NP__NSTOPS) || (h == h_li && pp_in(e, lists, 2))
            || (h == h_p && e == lists[2]))
            return -1;
        if (pp->prio[i] > 100)
            blocked = 1;
    }
    return -1;
}

/* libxml2's elements that never have content. */
static const char *const pp_empty_names[] = {
    "area", "base", "basefont", "br", "col", "embed", "frame", "hr",
    "img", "input", "isindex", "link", "meta", "param"
};
#define PP_NEMPTY (sizeof pp_empty_names / sizeof pp_empty_names[0])
/* The elements libxml2 may open by itself (a p for text right under html
 * or head). */
static const char *const pp_implied_names[] = { "html", "head", "body", "p" };
#define PP_NIMPLIED (sizeof pp_implied_names / sizeof pp_implied_names[0])
/* libxml2's end priorities (htmlEndPriority); every other name: 100 */
static const struct { const char *name; unsigned char prio; } pp_prios[] = {
    { "div", 150 }, { "td", 160 }, { "th", 160 }, { "tr", 170 },
    { "thead", 180 }, { "tbody", 180 }, { "tfoot", 180 },
    { "table", 190 }, { "head", 200 }, { "body", 200 }, { "html", 220 }
};
#define PP_NPRIOS (sizeof pp_prios / sizeof pp_prios[0])
/* Starts that close an element of their own name on top. */
static const char *const pp_self_closing_names[] = {
    "p", "li", "dt", "dd", "option", "tr", "td", "th"
};
#define PP_NSELFC (sizeof pp_self_closing_names / sizeof pp_self_closing_names[0])
/* Starts that close a p on top. */
static const char *const pp_block_names[] = {
    "div", "ul", "ol", "dl", "table", "h1", "h2", "h3", "h4", "h5", "h6",
    "pre", "blockquote", "form", "address", "center", "hr"
};
#define PP_NBLOCK (sizeof pp_block_names / sizeof pp_block_names[0])

/* What the pre-pass knows of a name, by its hash (see pp_names). */
#define PP_EMPTY 1u         /* pp_empty_names */
#define PP_IMPLIED 2u       /* pp_implied_names */
#define PP_HHB 4u           /* html, head or body */
#define PP_SELFC 8u         /* pp_self_closing_names */
#define PP_BLOCK 16u        /* pp_block_names */
typedef struct pp_info {
    uint32_t h;             /* 0: a free slot */
    unsigned char flags, prio;
    signed char closer;     /* its index in np__closers, or -1 */
} pp_info;
#define PP_NINFO 256        /* a power of two, over twice the names */

/* The hashes of the names the pre-pass tells apart. */
typedef struct pp_names {
    uint32_t empty[PP_NEMPTY], implied[PP_NIMPLIED], prio[PP_NPRIOS];
    uint32_t selfc[PP_NSELFC], block[PP_NBLOCK];
    uint32_t script, style, p, li, mark;
    uint32_t closers[NP__NCLOSERS], stops[NP__NSTOPS];
    uint32_t lists[3];      /* ul, ol, button (see pp_browser_end) */
    pp_info info[PP_NINFO]; /* all of the above by hash, for every tag */
} pp_names;

/* The entry of the name of hash h (a blank one, priority 100, for the
 * names the pre-pass does not tell apart). */
static const pp_info *pp_info_of(const pp_names *nm, uint32_t h)
{
    static const pp_info none = { 0, 0, 100, -1 };
    size_t i;
    for (i = h & (PP_NINFO - 1); nm->info[i].h; i = (i + 1) & (PP_NINFO - 1))
        if (nm->info[i].h == h)
            return &nm->info[i];
    return &none;
}

static pp_info *pp_info_add(pp_names *nm, uint32_t h)
{
    size_t i;
    for (i = h & (PP_NINFO - 1); nm->info[i].h && nm->info[i].h != h;
         i = (i + 1) & (PP_NINFO - 1))
        ;
    if (!nm->info[i].h) {
        nm->info[i].h = h;
        nm->info[i].prio = 100;
        nm->info[i].closer = -1;
    }
    return &nm->info[i];
}

static void pp_names_init(pp_names *nm)
{
    size_t k;
    memset(nm->info, 0, sizeof nm->info);
    for (k = 0; k < PP_NEMPTY; k++) {
        nm->empty[k] = pp_hash_str(pp_empty_names[k]);
        pp_info_add(nm, nm->empty[k])->flags |= PP_EMPTY;
    }
    for (k = 0; k < PP_NIMPLIED; k++) {
        nm->implied[k] = pp_hash_str(pp_implied_names[k]);
        pp_info_add(nm, nm->implied[k])->flags |= k < 3 ? PP_IMPLIED | PP_HHB : PP_IMPLIED;
    }
    for (k = 0; k < PP_NPRIOS; k++) {
        nm->prio[k] = pp_hash_str(pp_prios[k].name);
        pp_info_add(nm, nm->prio[k])->prio = pp_prios[k].prio;
    }
    for (k = 0; k < PP_NSELFC; k++) {
        nm->selfc[k] = pp_hash_str(pp_self_closing_names[k]);
        pp_info_add(nm, nm->selfc[k])->flags |= PP_SELFC;
    }
    for (k = 0; k < PP_NBLOCK; k++) {
        nm->block[k] = pp_hash_str(pp_block_names[k]);
        pp_info_add(nm, nm->block[k])->flags |= PP_BLOCK;
    }
    nm->script = pp_hash_str("script");
    nm->style = pp_hash_str("style");
    nm->p = pp_hash_str("p");
    nm->li = pp_hash_str("li");
    nm->mark = pp_hash_str(NP__MARK);
    for (k = 0; k < NP__NCLOSERS; k++) {
        pp_info *in;
        nm->closers[k] = pp_hash_str(np__closers[k]);
        in = pp_info_add(nm, nm->closers[k]);
        if (in->closer < 0)
            in->closer = (signed char)k;
    }
    for (k = 0; k < NP__NSTOPS; k++)
        nm->stops[k] = pp_hash_str(np__scope_stops[k]);
    nm->lists[0] = pp_hash_str("ul");
    nm->lists[1] = pp_hash_str("ol");
    nm->lists[2] = pp_hash_str("button");
}

/* "<!" at j: a comment (dropped), a DOCTYPE (its internal subset dropped)
 * or a bogus comment (dropped). Returns where reading goes on; n when the
 * rest of the page is a comment. */
static size_t pp_declaration(np__prepass *pp, size_t j)
{
    const char *s = pp->s;
    size_t n = pp->n, i;
    if (j + 3 < n && s[j + 2] == '-' && s[j + 3] == '-') {
        size_t q = j + 4;
        const char *dash;
        while ((dash = memchr(s + q, '-', n - q)) != NULL) {
            q = (size_t)(dash - s);
            if (q + 2 < n && s[q + 1] == '-' && s[q + 2] == '>')
                break;
            q++;
        }
        if (!dash)
            return n;       /* libxml2 takes the rest as the comment */
        i = q + 3;
        pp_drop(pp, j, i);   /* nothing reads comments */
    } else if (np__text_prefix_ci(s + j + 2, n - j - 2, "doctype")) {
        const char *gt = memchr(s + j, '>', n - j);
        size_t end = gt ? (size_t)(gt - s) : n;
        const char *br = memchr(s + j, '[', end - j);
        if (br) {
            /* an internal subset: its declarations are not the page's
             * text (libxml2 would read them as text) */
            size_t sub = pp_subset_end(s, n, (size_t)(br - s) + 1);
            if (sub < n)
                end = sub;
            pp_drop(pp, (size_t)(br - s), end);
        }
        i = end < n ? end + 1 : n;
    } else {
        /* a bogus comment (<!ENTITY ...>, <![CDATA[...>): browsers drop
         * it, libxml2 would read it as text */
        const char *gt = memchr(s + j, '>', n - j);
        i = gt ? (size_t)(gt - s) + 1 : n;
        pp_drop(pp, j, i);
    }
    return i;
}

static void pp_take_run(np__prepass *pp, size_t j);

/* "</" at j: dropped when nothing of its name was opened, marked when a
 * browser closes through what libxml2 would not, else counted as libxml2's
 * scan. Returns where reading goes on. */
static size_t pp_end_tag(np__prepass *pp, const pp_names *nm, size_t j)
{
    const char *s = pp->s, *gt;
    size_t n = pp->n, e, k;
    uint32_t h, *cnt;
    const pp_info *info;
    long at = -1;

    if (j + 2 >= n || !pp_name_start((unsigned char)s[j + 2])) {
        pp->text_from = PP_NONE;
        return j + 2;
    }
    e = pp_name(s, n, j + 2, &h);
    gt = memchr(s + e, '>', n - e);
    e = gt ? (size_t)(gt - s) + 1 : n;
    cnt = pp_slot(pp, h);
    if (!cnt)
        return n;
    info = pp_info_of(nm, h);
    if (*cnt == 0 && !((info->flags & PP_IMPLIED) && pp->stray_implied++ < 8)) {
        pp->text_from = PP_NONE;
        pp_drop(pp, j, e);
        return e;
    }
    /* the text before it is libxml2's text up to here, the text after
     * it begins a new one */
    pp_take_run(pp, j);
    pp->text_from = e;
    k = info->closer >= 0 ? (size_t)info->closer : NP__NCLOSERS;
    if (k < NP__NCLOSERS)
        at = pp_browser_end(pp, h, nm->stops, nm->li, nm->p, nm->lists);
    if (at >= 0) {
        char mark[64];
        snprintf(mark, sizeof mark, "<" NP__MARK " x=\"%s\"/>", np__closers[k]);
        pp_insert(pp, j, mark);
        pp->work += pp->depth - (size_t)at + 1;
        pp->depth = (size_t)at;
        pp->marks++;
    } else {
        pp->work += pp_end(pp, h, info->prio);
    }
    return e;
}

/* ------------------------------------------------------------------
 * Script text.
 *
 * libxml2 reads the text of a script character by character (two calls
 * a character) into a buffer and appends it to the script's CDATA node a
 * thousand bytes at a time; a JSON-LD script is often the largest text of
 * a page. The pre-pass takes the text of a JSON script out of what
 * libxml2 reads, and the element callback gives the script element, as
 * soon as it is made, the one CDATA node libxml2 would have made. It does
 * so only for text libxml2 copies as it is: no control character but
 * tab, line feed and carriage return (libxml2 leaves the others out), no
 * U+FFFE or U+FFFF. The callback knows the script by where libxml2 is in
 * what it reads (just before the start tag's ">"); should a text not
 * find its element, the page is parsed again with every script's text
 * left to libxml2.
 *
 * Attribute values.
 *
 * libxml2 reads an attribute's value the same way, two calls a
 * character, and the values kept (class, href, src, content, style) are
 * a good part of a page's markup. The pre-pass takes a quoted value of
 * PP_TAKE_MIN bytes or more out of what libxml2 reads (which then reads
 * an empty value) when libxml2 copies it as it is (no '&', whose
 * references it decodes) and the attribute is the first of its name in
 * the tag (libxml2 drops the later ones); the element callback, which
 * libxml2 calls at the tag's end, fills the empty values in again as it
 * makes the attribute nodes (see "Attribute nodes"). Not for html, head
 * and body, which libxml2 may merge into the first of their name, nor
 * past 24 values in one tag. A value that finds no empty attribute of
 * its name where its tag ends has the page parsed again, as a text does.
 * ------------------------------------------------------------------ */

/* Whether libxml2 copies the script text s[0, n) as it is. */
static int pp_plain_text(const char *s, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
            return 0;
        if (c == 0xEF && i + 2 < n && (unsigned char)s[i + 1] == 0xBF
            && ((unsigned char)s[i + 2] == 0xBE || (unsigned char)s[i + 2] == 0xBF))
            return 0;
    }
    return 1;
}

/* Takes the script text [i, e) out of what libxml2 reads, for the
 * element callback to put back. */
static void pp_take_text(np__prepass *pp, size_t i, size_t e)
{
    pp_text *t;
    pp_text *nt = pp_room(pp, pp->texts, &pp->captexts, pp->ntexts,
                          sizeof(*pp->texts), 8);
    if (!nt)
        return;
    pp->texts = nt;
    pp_drop(pp, i, e);
    if (pp->oom)
        return;
    t = &pp->texts[pp->ntexts++];
    t->at = pp->out.len;
    t->from = i;
    t->len = e - i;
}

/* Takes the value [v, e) of the attribute named at a out of
 * what libxml2 reads, for the element callback to put back. */
static void pp_take_value(np__prepass *pp, size_t a, size_t v, size_t e)
{
    pp_val *t;
    size_t m = a;
    pp_val *nv = pp_room(pp, pp->vals, &pp->capvals, pp->nvals,
                         sizeof(*pp->vals), 64);
    if (!nv)
        return;
    pp->vals = nv;
    while (m < v && pp_name_char((unsigned char)pp->s[m]))
        m++;
    pp_drop(pp, v, e);
    if (pp->oom)
        return;
    t = &pp->vals[pp->nvals++];
    t->at = 0;          /* set at the end of the tag */
    t->name = a;
    t->name_len = m - a;
    t->from = v;
    t->len = e - v;
}

/* ------------------------------------------------------------------
 * Text.
 *
 * libxml2 reads the text between tags two calls a character as well
 * (htmlCurrentChar, then a copy into a buffer it hands to the character
 * callback a thousand bytes at a time), and that text is most of what a
 * page keeps once scripts and styles are gone, half of it the blanks
 * that indent the markup. The pre-pass takes the text between two tags
 * out of what libxml2 reads and leaves one character in its place: 'x'
 * for text with anything but blanks in it, ' ' for blanks. libxml2 makes
 * the same decisions on the one character as on the text (whether it is
 * blank decides whether it opens an implied p; a blank run of 1000 bytes
 * or more, which it reads in pieces, is left to it), and the character
 * callback, which it calls with the cursor on the next tag, gives the
 * text itself (NUL-terminated, as libxml2's own buffer is) to libxml2's
 * callback, which makes the same text node. Only text libxml2 copies as
 * it is is taken (no '&', whose references it decodes; no control
 * character but tab, line feed and carriage return; no U+FFFE or U+FFFF;
 * two bytes or more), and only between a tag kept and the start or end
 * tag that follows, both as libxml2 reads them: after a comment, a
 * declaration or a tag dropped, libxml2's text may run on from before
 * it. A text whose character libxml2 reads otherwise (a callback at its
 * place with another text, or none before the next one) has the page
 * parsed again with everything left to libxml2, as a script's text does.
 * ------------------------------------------------------------------ */

/* What stands for the text s[0, n) in what libxml2 reads: 'x', ' ' for
 * blanks, or 0 when the text stays libxml2's (see "Text"). */
static char pp_run_kind(const char *s, size_t n)
{
    /* 0 blank, 1 other, 2 to look at: control characters, '&', 0xEF */
    static const unsigned char cls[256] = {
        2, 2, 2, 2, 2, 2, 2, 2, 2, 0, 0, 2, 2, 0, 2, 2,
        2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
        0, 1, 1, 1, 1, 1, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1
    };
    const unsigned char *p = (const unsigned char *)s;
    unsigned solid = 0;
    size_t i;
    if (n < 2)
        return 0;
    for (i = 0; i < n; i++) {
        unsigned k = cls[p[i]];
        if (k == 2) {
            if (p[i] != 0xEF)
                return 0;
            if (i + 2 < n && p[i + 1] == 0xBF && (p[i + 2] == 0xBE || p[i + 2] == 0xBF))
                return 0;
            k = 1;
        }
        solid |= k;
    }
    if (solid)
        return 'x';
    return n < 1000 ? ' ' : 0;
}

/* The text from pp->text_from to the tag at j: taken out (see "Text")
 * when libxml2 copies it as it is. */
static void pp_take_run(np__prepass *pp, size_t j)
{
    size_t from = pp->text_from;
    pp_textrun *r, *nr;
    char ph;
    if (from == PP_NONE || j <= from || pp->keep_scripts)
        return;
    ph = pp_run_kind(pp->s + from, j - from);
    if (!ph)
        return;
    nr = pp_room(pp, pp->runs, &pp->capruns, pp->nruns, sizeof(*pp->runs), 256);
    if (!nr)
        return;
    pp->runs = nr;
    pp_drop(pp, from, j);
    if (pp->oom || np__buf_putc(&pp->out, ph) != NP_OK) {
        pp->oom = 1;
        return;
    }
    r = &pp->runs[pp->nruns++];
    r->at = pp->out.len;
    r->from = from;
    r->len = j - from;
    r->ph = ph;
}

/* The attributes of a start tag of name hash h, from p, as
 * htmlParseStartTag reads them: those past max_attributes are dropped,
 * the others counted (the budget still counts every one of them), and of
 * those, the ones no stage reads (np__attr_read) are dropped too: libxml2
 * reads an attribute's value character by character and copies it, and
 * most of a page's attributes (srcset, data-*, aria-*, on*) are read by
 * nothing. Bogus attributes (no name) are left to libxml2. Returns where
 * the tag's "/>" or ">" is (or n). */
static size_t pp_attributes(np__prepass *pp, size_t p, uint32_t h, uint32_t h_mark,
                            int take)
{
    const char *s = pp->s;
    size_t n = pp->n, nattr = 0, first_val = pp->nvals, nseen = 0, k;
    uint32_t seen[16];
    while (p < n && pp_blank((unsigned char)s[p]))
        p++;
    while (p < n && s[p] != '>' && !(s[p] == '/' && p + 1 < n && s[p + 1] == '>')) {
        size_t a = p;
        int read = 1;
        if (pp_name_start((unsigned char)s[p])) {
            uint32_t ah;
            int again = 0;
            p = pp_name(s, n, p, &ah);
            /* libxml2 reads at most 100 characters of a name (the rest
             * starts another attribute): a longer one is left to it */
            read = p - a >= 100 || np__attr_read_ci(s + a, p - a);
            /* a name met before in the tag (libxml2 keeps the first), or
             * past those the check holds: its value stays libxml2's */
            for (k = 0; k < nseen; k++)
                again |= seen[k] == ah;
            if (nseen < sizeof seen / sizeof seen[0])
                seen[nseen++] = ah;
            else
                again = 1;
            while (p < n && pp_blank((unsigned char)s[p]))
                p++;
            if (p < n && s[p] == '=') {
                p++;
                while (p < n && pp_blank((unsigned char)s[p]))
                    p++;
                if (p < n && (s[p] == '"' || s[p] == '\'')) {
                    const char *q = memchr(s + p + 1, s[p], n - p - 1);
                    size_t v = p + 1;
                    p = q ? (size_t)(q - s) + 1 : n;
                    if (q && take && read && !again && nattr < pp->max_attrs
                        && pp->nvals - first_val < 24 && p - 1 - v >= PP_TAKE_MIN
                        && !memchr(s + v, '&', p - 1 - v) && !memchr(s + v, '\0', p - 1 - v))
                        pp_take_value(pp, a, v, p - 1);
                } else {
                    while (p < n && s[p] != '>' && !pp_blank((unsigned char)s[p]))
                        p++;
                }
            }
        } else {
            /* a bogus attribute: libxml2 skips to a blank or the end */
            while (p < n && !pp_blank((unsigned char)s[p]) && s[p] != '>' &&
                   !(s[p] == '/' && p + 1 < n && s[p + 1] == '>'))
                p++;
        }
        if (++nattr > pp->max_attrs && h != h_mark) {
            pp_drop(pp, a, p);
            pp->attrs_dropped = 1;
        } else {
            pp->work += nattr;   /* compared with each earlier one */
            if (!read && h != h_mark)
                pp_drop(pp, a, p);   /* read by no stage */
        }
        while (p < n && pp_blank((unsigned char)s[p]))
            p++;
    }
    /* where libxml2 will be when it reports the element */
    for (k = first_val; k < pp->nvals; k++)
        pp->vals[k].at = pp->used ? pp->out.len + (p - pp->copied) : p;
    return p;
}

/* A start tag at j (a letter follows the "<"): its attributes, the model's
 * push (after the implied closes), a marker of the page's own dropped, a
 * script's or style's text skipped. Returns where reading goes on. */
static size_t pp_start_tag(np__prepass *pp, const pp_names *nm, size_t j)
{
    const char *s = pp->s;
    size_t n = pp->n, i, e, p;
    uint32_t h;
    const pp_info *info;
    int self_closed = 0;

    p = pp_name(s, n, j + 1, &h);
    if (h != nm->mark)
        pp_take_run(pp, j);
    pp->text_from = PP_NONE;
    info = pp_info_of(nm, h);
    /* (libxml2 may merge a misplaced html, head or body into the first:
     * their values stay libxml2's) */
    p = pp_attributes(pp, p, h, nm->mark,
                      !pp->keep_scripts && h != nm->mark && !(info->flags & PP_HHB));
    if (p < n && s[p] == '/') {
        self_closed = 1;
        p += 2;
    } else if (p < n) {
        p++;
    }
    if (h == nm->mark) {
        /* only the pre-pass places markers */
        pp_drop(pp, j, p);
        return p;
    }
    pp->work++;
    if (pp->depth && pp->stack[pp->depth - 1] == h && (info->flags & PP_SELFC))
        pp->depth--;
    else if (pp->depth && pp->stack[pp->depth - 1] == nm->p && (info->flags & PP_BLOCK))
        pp->depth--;
    if (!self_closed && !(info->flags & PP_EMPTY)) {
        uint32_t *cnt = pp_slot(pp, h);
        if (!cnt)
            return n;
        if (*cnt < UINT32_MAX)
            (*cnt)++;      /* opened at least once */
        pp_push(pp, h, info->prio);
    }
    i = p;
    if (!self_closed && (h == nm->script || h == nm->style)) {
        /* raw text up to the matching end tag, as htmlParseScript; nothing
         * reads a style's text or a script's other than JSON data
         * (JSON-LD), so libxml2 is spared the rest */
        e = pp_find_ci(s, n, i, h == nm->script ? "</script" : "</style");
        if (e > i && (h == nm->style || !np__text_contains_ci(s + j, p - j, "json")))
            pp_drop(pp, i, e);
        else if (e > i && h == nm->script && !pp->keep_scripts && pp_plain_text(s + i, e - i))
            pp_take_text(pp, i, e);
        i = e;
    } else if (h != nm->mark) {
        pp->text_from = i;
    }
    return i;
}

static void pp_run(np__prepass *pp)
{
    pp_names nm;
    const char *s = pp->s;
    size_t n = pp->n, i = 0;

    pp_names_init(&nm);
    pp->text_from = PP_NONE;
    while (i < n && !pp->oom) {
        const char *lt = memchr(s + i, '<', n - i);
        size_t j;
        if (!lt)
            break;
        j = (size_t)(lt - s);
        if (pp->work > pp->max_work || j > pp->max_work - pp->work) {
            pp->cut_at = j;
            return;
        }
        if (j + 1 >= n)
            break;
        /* (start and end tags set text_from themselves) */
        if (s[j + 1] == '!') {
            pp->text_from = PP_NONE;
            i = pp_declaration(pp, j);
        } else if (s[j + 1] == '?') {
            const char *gt = memchr(s + j, '>', n - j);
            pp->text_from = PP_NONE;
            i = gt ? (size_t)(gt - s) + 1 : n;
        } else if (s[j + 1] == '/') {
            i = pp_end_tag(pp, &nm, j);
        } else if (!pp_letter((unsigned char)s[j + 1])) {
            pp->text_from = PP_NONE;
            i = j + 1;
        } else {
            i = pp_start_tag(pp, &nm, j);
        }
    }
}

/* Runs the pre-pass; on success *page and *len say what libxml2 reads
 * (the input itself when nothing was dropped), *cut whether the work
 * budget cut the page. */
static int prepass(np__ctx *c, const char *utf8, size_t len, np__prepass *pp,
                   int keep_scripts, const char **page, size_t *plen, int *cut)
{
    const np_parse_options *o = &c->parser->opts;
    memset(pp, 0, sizeof(*pp));
    pp->keep_scripts = keep_scripts;
    pp->s = utf8;
    pp->n = len;
    pp->cut_at = (size_t)-1;
    pp->max_attrs = o->max_attributes ? o->max_attributes : NP_DEFAULT_MAX_ATTRIBUTES;
    pp->max_depth = o->max_depth ? o->max_depth : NP_DEFAULT_MAX_DEPTH;
    if (o->max_work) {
        pp->max_work = o->max_work;
    } else {
        pp->max_work = len > (SIZE_MAX - ((size_t)1 << 24)) / 64
                           ? SIZE_MAX : 64 * len + ((size_t)1 << 24);
    }
    pp_run(pp);
    np__free(pp->keys);
    np__free(pp->counts);
    np__free(pp->stack);
    np__free(pp->prio);
    pp->keys = pp->counts = pp->stack = NULL;
    pp->prio = NULL;
    if (pp->oom || pp->out.oom)
        return np__error(c->parser, NP_ENOMEM, "out of memory before parsing HTML");
    *cut = pp->cut_at != (size_t)-1;
    if (*cut)
        len = pp->cut_at;
    if (!pp->used) {
        *page = utf8;
        *plen = len;
        return NP_OK;
    }
    if (len > pp->copied && np__buf_put(&pp->out, utf8 + pp->copied, len - pp->copied) != NP_OK)
        return np__error(c->parser, NP_ENOMEM, "out of memory before parsing HTML");
    *page = np__buf_cstr(&pp->out);
    *plen = pp->out.len;
    return NP_OK;
}

/* ------------------------------------------------------------------
 * Limits while libxml2 builds the tree: its own depth limit (256) is
 * lifted with XML_PARSE_HUGE, so that ours applies, and the element
 * callback stops the parser as soon as the page is deeper than max_depth
 * or has more than max_nodes elements and comments: memory stays bounded
 * by the limits, not by what the page would have built.
 * ------------------------------------------------------------------ */

typedef struct np__guard {
    startElementSAXFunc start;
    endElementSAXFunc end;
    commentSAXFunc comment;
    charactersSAXFunc characters;
    size_t max_depth, max_nodes, nodes;
    size_t closed;          /* elements closed by markers */
    int cut;
    const char *src;        /* the page the script texts are in */
    const pp_text *texts;   /* the script texts to give back, in order */
    size_t ntexts, next;
    const pp_val *vals;     /* the attribute values to give back, in order */
    size_t nvals, nextv;
    const pp_textrun *runs;     /* the texts between tags to give back, in order */
    size_t nruns, nextr;
    np__buf text;           /* the one given back, NUL-terminated */
    np__arena *attrs;       /* the attribute nodes (the tree's, once made) */
    int missed;             /* a text or value found no element */
    int oom;
} np__guard;

static void guard_check(htmlParserCtxtPtr ctxt, np__guard *g)
{
    if (!g->cut && ((size_t)ctxt->nameNr > g->max_depth || g->nodes > g->max_nodes)) {
        g->cut = 1;
        xmlStopParser(ctxt);
    }
}

/* A marker of the pre-pass: pops libxml2's open elements above the one
 * it names, as a browser's end tag would (see "End tags the browser's
 * way"). The marker itself is on top of the name stack (libxml2 pushed it
 * before this callback) and has no node. */
static void close_as_browser(htmlParserCtxtPtr ctxt, np__guard *g, const xmlChar **atts)
{
    const char *target = atts && atts[0] && atts[1] ? (const char *)atts[1] : NULL;
    const xmlChar *mark;
    int top, i, j;
    if (!target || ctxt->nameNr < 2 || ctxt->nodeNr != ctxt->nameNr - 1)
        return;
    mark = ctxt->nameTab[ctxt->nameNr - 1];
    top = ctxt->nameNr - 2;
    for (i = top; i >= 0; i--) {
        const char *name = (const char *)ctxt->nameTab[i];
        if (!name)
            return;
        if (strcmp(name, target) == 0)
            break;
        if (scope_stop(name, target))
            return;
    }
    if (i < 0)
        return;
    for (j = top; j > i; j--) {
        xmlNodePtr cur = ctxt->node;
        if (!cur || !cur->name || !xmlStrEqual(cur->name, ctxt->nameTab[j]))
            break;      /* the two stacks disagree: leave the rest */
        g->end(ctxt, ctxt->nameTab[j]);
        ctxt->nameTab[j] = NULL;
    }
    ctxt->nameTab[j + 1] = mark;
    ctxt->nameNr = j + 2;
    ctxt->name = mark;
    g->closed += (size_t)(top - j);
}

/* A script element just made (see "Script text"): the text the pre-pass
 * took out right after its start tag becomes its CDATA node. libxml2 is
 * at the tag's ">", which in what it reads is just before the text. */
static void give_text(htmlParserCtxtPtr ctxt, np__guard *g, const xmlChar *name)
{
    xmlParserInputPtr in = ctxt->input;
    xmlNodePtr node = ctxt->node, t;
    const pp_text *want;
    size_t at;
    if (strcmp((const char *)name, "script") != 0 || !in || !in->cur || !in->base
        || *in->cur != '>')
        return;
    at = (size_t)in->consumed + (size_t)(in->cur - in->base) + 1;
    while (g->next < g->ntexts && g->texts[g->next].at < at) {
        g->next++;      /* a text whose element libxml2 did not make */
        g->missed = 1;
    }
    if (g->next == g->ntexts || g->texts[g->next].at != at || !node || node->children
        || node->type != XML_ELEMENT_NODE || !xmlStrEqual(node->name, name))
        return;
    want = &g->texts[g->next++];
    t = xmlNewCDataBlock(ctxt->myDoc, (const xmlChar *)g->src + want->from, (int)want->len);
    if (!t || !xmlAddChild(node, t)) {
        xmlFreeNode(t);
        g->missed = 1;  /* parsed again without taking the texts out */
    }
}

/* ------------------------------------------------------------------
 * Attribute nodes.
 *
 * libxml2's element callback makes each attribute with four allocations
 * (the attribute, its name, its text node, the value) and registers ids
 * in a table; freeing the tree takes four frees more. That was about a
 * tenth of the whole parse, for attributes that are only read. The
 * element callback here has libxml2 make the element without attributes
 * and gives it, out of an arena the tree holds (doc->_private), the
 * attributes libxml2 would have made of those some stage reads
 * (np__attr_read): the same xmlAttr with one text node holding the
 * value, or none when the attribute has no value, in the same order,
 * named by the lower-case static names np__xml_attr is called with.
 * libxml2's table of ids is left empty (nothing reads it). The
 * attributes are taken off the elements before libxml2 frees any of them
 * (forget_attrs: np__tree_free, enforce_limits), and the arena goes in
 * one free.
 * ------------------------------------------------------------------ */

/* A copy of s[0..n) in the tree's arena, or NULL (g->oom set). */
static xmlChar *attr_copy(np__guard *g, const char *s, size_t n)
{
    char *d = np__arena_strndup(g->attrs, s, n);
    if (!d)
        g->oom = 1;
    return (xmlChar *)d;
}

/* Appends to node the attribute name (static) with the value v[0..n), or
 * with no value when v is NULL; returns it, or NULL (g->oom set). */
static xmlAttrPtr attr_add(np__guard *g, xmlNodePtr node, xmlAttrPtr last,
                           const char *name, const char *v, size_t n)
{
    xmlAttrPtr a = np__arena_calloc(g->attrs, sizeof(*a));
    if (!a) {
        g->oom = 1;
        return NULL;
    }
    a->type = XML_ATTRIBUTE_NODE;
    a->name = (const xmlChar *)name;
    a->parent = node;
    a->doc = node->doc;
    if (v) {
        xmlNodePtr t = np__arena_calloc(g->attrs, sizeof(*t));
        if (!t || !(t->content = attr_copy(g, v, n))) {
            g->oom = 1;
            return NULL;
        }
        t->type = XML_TEXT_NODE;
        t->name = xmlStringText;
        t->parent = (xmlNodePtr)a;
        t->doc = node->doc;
        a->children = a->last = t;
    }
    if (last) {
        last->next = a;
        a->prev = last;
    } else {
        node->properties = a;
    }
    return a;
}

/* Gives the element libxml2 just made (node) the attributes of atts that
 * some stage reads, with the values the pre-pass took out of its tag
 * (g->vals[first, last)) filled in. A value that finds no empty
 * attribute of its name there is missed (and the page parsed again). */
static void give_attrs(np__guard *g, xmlNodePtr node, const xmlChar **atts,
                       size_t first, size_t last)
{
    xmlAttrPtr prev = NULL;
    uint32_t given = 0;
    size_t i, v;
    if (last - first > 32) {
        g->missed = 1;
        last = first + 32;
    }
    for (i = 0; atts && atts[i]; i += 2) {
        const char *value = (const char *)atts[i + 1];
        const char *name = np__attr_name_ci((const char *)atts[i],
                                            strlen((const char *)atts[i]));
        size_t n = value ? strlen(value) : 0;
        if (!name)
            continue;
        if (value && !n) {
            /* an empty value: the pre-pass may have taken it out */
            for (v = first; v < last; v++) {
                const pp_val *pv = &g->vals[v];
                if (!(given >> (v - first) & 1u) &&
                    np__text_eq_ci(g->src + pv->name, pv->name_len, name)) {
                    given |= 1u << (v - first);
                    value = g->src + pv->from;
                    n = pv->len;
                    break;
                }
            }
        }
        prev = attr_add(g, node, prev, name, value, n);
        if (!prev)
            return;
    }
    if (last > first && given != (last - first == 32 ? 0xFFFFFFFFu
                                                      : (1u << (last - first)) - 1u))
        g->missed = 1;      /* libxml2 read the tag otherwise */
}

static void guard_start(void *ctx, const xmlChar *name, const xmlChar **atts)
{
    htmlParserCtxtPtr ctxt = ctx;
    np__guard *g = ctxt->_private;
    xmlNodePtr parent = ctxt->node, node;
    size_t first = g->nextv, last = g->nextv;
    if (name && g->end && strcmp((const char *)name, NP__MARK) == 0) {
        close_as_browser(ctxt, g, atts);
        return;
    }
    g->nodes++;
    if (g->nextv < g->nvals && ctxt->input && ctxt->input->cur && ctxt->input->base) {
        /* the values taken out of this tag: libxml2 is at its end */
        xmlParserInputPtr in = ctxt->input;
        size_t at = (size_t)in->consumed + (size_t)(in->cur - in->base);
        while (g->nextv < g->nvals && g->vals[g->nextv].at < at) {
            g->nextv++;     /* a tag libxml2 made no element of */
            g->missed = 1;
        }
        first = g->nextv;
        while (g->nextv < g->nvals && g->vals[g->nextv].at == at)
            g->nextv++;
        last = g->nextv;
    }
    g->start(ctx, name, NULL);
    /* the element made, under parent (its name may have lost a prefix) */
    node = ctxt->node;
    if (node && node != parent && node->type == XML_ELEMENT_NODE && !node->properties
        && (!parent || node->parent == parent))
        give_attrs(g, node, atts, first, last);
    else if (last > first)
        g->missed = 1;
    if (g->oom) {
        xmlStopParser(ctxt);
        return;
    }
    guard_check(ctxt, g);
    if (g->next < g->ntexts && !g->cut && name && name[0] == 's')
        give_text(ctxt, g, name);
}

static void guard_end(void *ctx, const xmlChar *name)
{
    htmlParserCtxtPtr ctxt = ctx;
    np__guard *g = ctxt->_private;
    if (name && strcmp((const char *)name, NP__MARK) == 0)
        return;     /* a marker has no node to end */
    g->end(ctx, name);
}

/* Text: the character standing for a text the pre-pass took out (see
 * "Text") becomes that text; libxml2's cursor is on the next tag. */
static void guard_characters(void *ctx, const xmlChar *ch, int len)
{
    htmlParserCtxtPtr ctxt = ctx;
    np__guard *g = ctxt->_private;
    xmlParserInputPtr in = ctxt->input;
    if (g->nextr < g->nruns && in && in->cur && in->base) {
        size_t at = (size_t)in->consumed + (size_t)(in->cur - in->base);
        const pp_textrun *r;
        while (g->nextr < g->nruns && g->runs[g->nextr].at < at) {
            g->nextr++;     /* a text libxml2 did not read as text */
            g->missed = 1;
        }
        r = g->nextr < g->nruns ? &g->runs[g->nextr] : NULL;
        if (r && r->at == at) {
            g->nextr++;
            if (len == 1 && ch && ch[0] == (xmlChar)r->ph) {
                np__buf_clear(&g->text);
                if (np__buf_put(&g->text, g->src + r->from, r->len) != NP_OK) {
                    g->oom = 1;
                    xmlStopParser(ctxt);
                    return;
                }
                g->characters(ctx, (const xmlChar *)np__buf_cstr(&g->text), (int)r->len);
                return;
            }
            g->missed = 1;  /* libxml2 read more than the character */
        }
    }
    g->characters(ctx, ch, len);
}

static void guard_comment(void *ctx, const xmlChar *value)
{
    htmlParserCtxtPtr ctxt = ctx;
    np__guard *g = ctxt->_private;
    g->nodes++;
    g->comment(ctx, value);
    guard_check(ctxt, g);
}

/* The pre-pass and libxml2's parse: *doc (NULL when libxml2 gives none),
 * *cut whether a limit cut the page, *again whether a script text the
 * pre-pass took out found no element (keep_scripts: take none out). */
static int parse_page(np__ctx *c, const char *utf8, size_t len, int keep_scripts,
                      size_t max_depth, size_t max_nodes, htmlDocPtr *doc, int *cut,
                      int *again)
{
    htmlParserCtxtPtr ctxt;
    /* XML_PARSE_HUGE lifts libxml2's own depth (256) and text-node (10 MB)
     * limits, which would cut a page silently; ours apply instead. */
    int opts = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
               HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC | HTML_PARSE_COMPACT |
               XML_PARSE_HUGE;
    np__prepass pp;
    np__guard guard;
    const char *page = utf8;
    size_t plen = 0;
    int rc;

    *doc = NULL;
    *again = 0;
    rc = prepass(c, utf8, len, &pp, keep_scripts, &page, &plen, cut);
    if (rc != NP_OK) {
        np__free(pp.texts);
        np__free(pp.vals);
        np__free(pp.runs);
        np__buf_free(&pp.out);
        return rc;
    }
    if (*cut && !(c->flags & NP_PARSE_TRUNCATE)) {
        np__free(pp.texts);
        np__free(pp.vals);
        np__free(pp.runs);
        np__buf_free(&pp.out);
        return np__error(c->parser, NP_ELIMIT, "the page exceeds the work "
                         "budget of %zu units at byte %zu", pp.max_work, pp.cut_at);
    }
    pthread_once(&np__xml_once, init_libxml);
    ctxt = htmlNewParserCtxt();
    if (!ctxt) {
        np__free(pp.texts);
        np__free(pp.vals);
        np__free(pp.runs);
        np__buf_free(&pp.out);
        return np__error(c->parser, NP_ENOMEM, "cannot create an HTML parser");
    }
    memset(&guard, 0, sizeof(guard));
    guard.attrs = np__arena_new();
    if (!guard.attrs) {
        htmlFreeParserCtxt(ctxt);
        np__free(pp.texts);
        np__free(pp.vals);
        np__free(pp.runs);
        np__buf_free(&pp.out);
        return np__error(c->parser, NP_ENOMEM, "cannot create an HTML parser");
    }
    guard.max_depth = max_depth;
    guard.max_nodes = max_nodes;
    guard.start = ctxt->sax->startElement;
    guard.comment = ctxt->sax->comment;
    guard.end = ctxt->sax->endElement;
    if (guard.end)
        ctxt->sax->endElement = guard_end;
    if (guard.start)
        ctxt->sax->startElement = guard_start;
    if (guard.comment)
        ctxt->sax->comment = guard_comment;
    guard.characters = ctxt->sax->characters;
    if (guard.characters)
        ctxt->sax->characters = guard_characters;
    guard.src = utf8;
    guard.texts = pp.texts;
    guard.ntexts = pp.ntexts;
    guard.vals = pp.vals;
    guard.nvals = pp.nvals;
    guard.runs = pp.runs;
    guard.nruns = pp.nruns;
    ctxt->_private = &guard;
    *doc = htmlCtxtReadMemory(ctxt, plen ? page : "", (int)plen, c->url, "UTF-8", opts);
    htmlFreeParserCtxt(ctxt);
    np__free(pp.texts);
    np__free(pp.vals);
    np__free(pp.runs);
    np__buf_free(&pp.out);
    np__buf_free(&guard.text);
    if (*doc) {
        (*doc)->_private = guard.attrs;     /* see np__tree_free */
    } else {
        np__arena_free(guard.attrs);
    }
    if (guard.oom) {
        np__tree_free(*doc);
        *doc = NULL;
        return np__error(c->parser, NP_ENOMEM, "out of memory while parsing HTML");
    }
    if (guard.cut)
        *cut = 1;
    /* (texts past a cut are not missed when the tree is not kept) */
    *again = guard.missed || ((guard.next < guard.ntexts || guard.nextv < guard.nvals
                               || guard.nextr < guard.nruns)
                              && (!*cut || (c->flags & NP_PARSE_TRUNCATE)));
    return NP_OK;
}

int np__load_html(np__ctx *c, const char *utf8, size_t len, void **tree)
{
    htmlDocPtr doc = NULL;
    size_t max_depth = c->parser->opts.max_depth ? c->parser->opts.max_depth
                                                 : NP_DEFAULT_MAX_DEPTH;
    size_t max_nodes = c->parser->opts.max_nodes ? c->parser->opts.max_nodes
                                                 : NP_DEFAULT_MAX_NODES;
    int cut = 0, again = 0, rc;
    /* By default the node limit keeps the tree within the memory promise
     * (docs/reliability.md: the larger of 256 MiB and 20 times the input):
     * an element costs about NP__NODE_BYTES with its text node and the
     * extractor's index of it (a page of 16 MB of tiny paragraphs, 17 bytes
     * an element, peaked at 28 times its size). */
    if (!c->parser->opts.max_nodes) {
        size_t allow = c->input_len > NP__ALLOWANCE_FLOOR / 20
                           ? (c->input_len > SIZE_MAX / 20 ? SIZE_MAX : c->input_len * 20)
                           : NP__ALLOWANCE_FLOOR;
        if (allow / NP__NODE_BYTES < max_nodes)
            max_nodes = allow / NP__NODE_BYTES;
    }

    *tree = NULL;
    if (len > INT32_MAX)
        return np__error(c->parser, NP_ELIMIT, "input of %zu bytes is too large "
                         "for the HTML parser", len);
    rc = parse_page(c, utf8, len, 0, max_depth, max_nodes, &doc, &cut, &again);
    if (rc == NP_OK && again) {
        /* a text or value found no place: everything left to libxml2 */
        c->load_again = 1;
        np__tree_free(doc);
        cut = 0;
        rc = parse_page(c, utf8, len, 1, max_depth, max_nodes, &doc, &cut, &again);
    }
    if (rc != NP_OK)
        return rc;
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
            np__tree_free(doc);
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
    xmlDocPtr doc = tree;
    if (!doc)
        return;
    if (doc->_private) {
        forget_attrs((xmlNodePtr)doc);
        np__arena_free(doc->_private);
        doc->_private = NULL;
    }
    xmlFreeDoc(doc);
}

/*
 * Article body extraction from a libxml2 tree.
 *
 * One recursive walk indexes the element nodes in document order (skipping
 * scripts, hidden and obviously unrelated subtrees) and records, per
 * element, the text it holds directly and in total, its link text, commas
 * and a few counts. Subtree totals are then summed bottom-up over that
 * array (children follow their parent in pre-order), paragraphs give their
 * score to their ancestors, the best-scoring container is chosen, related
 * siblings are merged and the chosen subtrees are written out as typed
 * blocks, dropping boilerplate inside them.
 *
 * Every later walk visits elements in the same pre-order as the first one,
 * so a running counter gives each element's index without a lookup table.
 * See docs/extraction.md for the rules and their reasons.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/uri.h>

#include "util/util.h"
#include "doc/context.h"
#include "load/load.h"
#include "extract/extract.h"
#include "extract/rules.h"
#include "meta/meta.h"
#include "data/calendar.h"

/* ------------------------------------------------------------- tags */

enum {
    T_OTHER = 0, T_A, T_P, T_DIV, T_SECTION, T_ARTICLE, T_MAIN, T_BODY,
    T_H1, T_H2, T_H3, T_H4, T_H5, T_H6, T_UL, T_OL, T_LI, T_DL, T_DT, T_DD,
    T_BLOCKQUOTE, T_PRE, T_TABLE, T_TR, T_TD, T_TH, T_TBODY, T_THEAD,
    T_TFOOT, T_CAPTION, T_FIGURE, T_FIGCAPTION, T_IMG, T_PICTURE, T_BR,
    T_HR, T_FORM, T_HEADER, T_FOOTER, T_NAV, T_ASIDE, T_ADDRESS, T_CENTER,
    T_SCRIPT, T_STYLE, T_NOSCRIPT, T_TEMPLATE, T_SVG, T_CANVAS, T_IFRAME,
    T_OBJECT, T_EMBED, T_VIDEO, T_AUDIO, T_BUTTON, T_SELECT, T_INPUT,
    T_TEXTAREA, T_LABEL, T_HEAD, T_TITLE, T_META, T_LINK, T_SPAN, T_FONT,
    T_DETAILS, T_SUMMARY, T_DIALOG, T_MENU, T_MATH, T_SOURCE, T_OPTION,
    T_CODE, T_TIME
};

typedef struct tagname { const char *name; int id; } tagname;
static const tagname np__tags[] = {
    {"a", T_A}, {"address", T_ADDRESS}, {"article", T_ARTICLE},
    {"aside", T_ASIDE}, {"audio", T_AUDIO}, {"blockquote", T_BLOCKQUOTE},
    {"body", T_BODY}, {"br", T_BR}, {"button", T_BUTTON},
    {"canvas", T_CANVAS}, {"caption", T_CAPTION}, {"center", T_CENTER},
    {"code", T_CODE}, {"dd", T_DD}, {"details", T_DETAILS},
    {"dialog", T_DIALOG}, {"div", T_DIV}, {"dl", T_DL}, {"dt", T_DT},
    {"embed", T_EMBED}, {"figcaption", T_FIGCAPTION}, {"figure", T_FIGURE},
    {"font", T_FONT}, {"footer", T_FOOTER}, {"form", T_FORM}, {"h1", T_H1},
    {"h2", T_H2}, {"h3", T_H3}, {"h4", T_H4}, {"h5", T_H5}, {"h6", T_H6},
    {"head", T_HEAD}, {"header", T_HEADER}, {"hr", T_HR},
    {"iframe", T_IFRAME}, {"img", T_IMG}, {"input", T_INPUT},
    {"label", T_LABEL}, {"li", T_LI}, {"link", T_LINK}, {"main", T_MAIN},
    {"math", T_MATH}, {"menu", T_MENU}, {"meta", T_META}, {"nav", T_NAV},
    {"noscript", T_NOSCRIPT}, {"object", T_OBJECT}, {"ol", T_OL},
    {"option", T_OPTION}, {"p", T_P}, {"picture", T_PICTURE},
    {"pre", T_PRE}, {"script", T_SCRIPT}, {"section", T_SECTION},
    {"select", T_SELECT}, {"source", T_SOURCE}, {"span", T_SPAN},
    {"style", T_STYLE}, {"summary", T_SUMMARY}, {"svg", T_SVG},
    {"table", T_TABLE}, {"tbody", T_TBODY}, {"td", T_TD},
    {"template", T_TEMPLATE}, {"textarea", T_TEXTAREA}, {"tfoot", T_TFOOT},
    {"th", T_TH}, {"thead", T_THEAD}, {"time", T_TIME}, {"title", T_TITLE},
    {"tr", T_TR}, {"ul", T_UL}, {"video", T_VIDEO},
};

static int tag_id(const xmlChar *name)
{
    size_t lo = 0, hi = sizeof np__tags / sizeof np__tags[0];
    if (!name)
        return T_OTHER;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        /* strcmp's order, inline: tag names are a few letters */
        const unsigned char *x = name;
        const unsigned char *y = (const unsigned char *)np__tags[mid].name;
        int c;
        while (*x && *x == *y) {
            x++;
            y++;
        }
        c = (int)*x - (int)*y;
        if (c == 0)
            return np__tags[mid].id;
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return T_OTHER;
}

static int is_heading(int t) { return t >= T_H1 && t <= T_H6; }

/* Elements that start a new block of text when rendered. */
static int is_block(int t)
{
    switch (t) {
    case T_P: case T_DIV: case T_SECTION: case T_ARTICLE: case T_MAIN:
    case T_BODY: case T_H1: case T_H2: case T_H3: case T_H4: case T_H5:
    case T_H6: case T_UL: case T_OL: case T_LI: case T_DL: case T_DT:
    case T_DD: case T_BLOCKQUOTE: case T_PRE: case T_TABLE: case T_TR:
    case T_TD: case T_TH: case T_TBODY: case T_THEAD: case T_TFOOT:
    case T_CAPTION: case T_FIGURE: case T_FIGCAPTION: case T_HR:
    case T_FORM: case T_HEADER: case T_FOOTER: case T_NAV: case T_ASIDE:
    case T_ADDRESS: case T_CENTER: case T_DETAILS: case T_SUMMARY:
    case T_DIALOG: case T_MENU:
        return 1;
    default:
        return 0;
    }
}

/* Elements whose content is never article text. */
static int is_dropped(int t)
{
    switch (t) {
    case T_SCRIPT: case T_STYLE: case T_NOSCRIPT: case T_TEMPLATE:
    case T_SVG: case T_CANVAS: case T_IFRAME: case T_OBJECT: case T_EMBED:
    case T_VIDEO: case T_AUDIO: case T_BUTTON: case T_SELECT: case T_INPUT:
    case T_TEXTAREA: case T_HEAD: case T_TITLE: case T_META: case T_LINK:
    case T_DIALOG: case T_MATH: case T_SOURCE: case T_OPTION: case T_NAV:
    case T_LABEL:
        return 1;
    default:
        return 0;
    }
}

/* ------------------------------------------------------- attributes */

/* Lower-cases up to cap-1 bytes of s into out. */
static size_t lower_copy(char *out, size_t cap, size_t at, const char *s)
{
    while (s && *s && at + 1 < cap) {
        out[at++] = (char)np__tolower((unsigned char)*s);
        s++;
    }
    out[at] = '\0';
    return at;
}

/* Whether s holds any of the words (substring match). */
static int has_any(const char *s, const char *const *words)
{
    if (!s || !*s)
        return 0;
    for (; *words; words++)
        if (strstr(s, *words))
            return 1;
    return 0;
}

/* Class and id hints, after Readability's lists (substrings of the
 * lower-cased class and id). */
static const char *const np__unlikely[] = {
    "-ad-", "ai2html", "banner", "breadcrumb", "combx", "comment",
    "community", "cover-wrap", "disqus", "extra", "footer", "gdpr",
    "legends", "menu", "related", "remark", "replies", "rss",
    "shoutbox", "sidebar", "skyscraper", "social", "sponsor",
    "supplemental", "ad-break", "agegate", "pagination", "pager", "popup",
    "yom-remote", "newsletter", "cookie", "subscribe",
    "share", "sharing", "promo", "outbrain", "taboola", "recommend",
    "most-popular", "mostpopular", "trending", "byline", "author-bio",
    "signup", "sign-up", "-cta", "cta-", "donate", "donation", NULL
};
static const char *const np__maybe[] = {
    "and", "article", "body", "column", "content", "main", "shadow",
    "story", "entry", NULL
};
/* Small elements with these class/id words are page furniture even
 * inside the article. */
static const char *const np__junk[] = {
    "caption", "credit", "byline", "dateline", "timestamp", "author",
    "share", "social", "tags", "newsletter", "promo", "related", "sponsor",
    "advert", "-ad-", "subscribe", "signup", "published", "posted",
    "date", "meta", "toolbar", "print", "reprint", "copyright",
    "breadcrumb", "kicker", "eyebrow", "follow", "bio", "disclosure",
    "disclaimer", NULL
};

static const char *const np__negative[] = {
    "-ad-", "hidden", "banner", "combx", "comment", "com-", "contact",
    "foot", "masthead", "media", "meta", "outbrain", "promo", "related",
    "scroll", "share", "shoutbox", "sidebar", "skyscraper", "sponsor",
    "shopping", "tags", "tool", "widget", "caption", "credit", "byline",
    "newsletter", "subscribe", "taboola", "recirc", NULL
};
static const char *const np__positive[] = {
    "article", "body", "content", "entry", "hentry", "h-entry", "main",
    "page", "post", "text", "blog", "story", NULL
};

/* The hint lists of classify(), with the pairs of letters their words
 * start with, so that a hint is read once for all the lists, looking up
 * each pair, rather than searched once per word (about 130 strstr calls
 * per element with a class or id). */
enum {
    H_UNLIKELY = 1u << 0,
    H_MAYBE = 1u << 1,
    H_JUNK = 1u << 2,
    H_BIG = 1u << 3,
    H_NEGATIVE = 1u << 4,
    H_POSITIVE = 1u << 5,
    H_HEADER = 1u << 6,
    H_NLISTS = 7
};
/* "header" is an unlikely word outside <main> and <article> only:
 * inside them it names the article's own header, with its standfirst */
static const char *const np__header[] = { "header", NULL };

static const char *const np__big[] = {
    "caption", "credit", "bio", "author", "disclosure", "disclaimer", NULL
};

#define H_MAXWORDS 256

typedef struct hints {
    const char *const *lists[H_NLISTS];
    unsigned slow;              /* lists left to has_any (a word of one
                                 * letter, or too many words) */
    uint8_t pairs[1024];        /* per hashed pair: the lists with such a word */
    uint16_t first[1025];       /* per hashed pair: its words in word[] */
    const char *word[H_MAXWORDS];
    uint8_t list[H_MAXWORDS];   /* the list of each word (bit number) */
    unsigned bounded;           /* lists whose words must start a class
                                 * name or a part of one (after a
                                 * character other than a letter or digit):
                                 * "banner" in "top-banner", not in
                                 * "mastergridbanner"; "comment" still in
                                 * "comments" */
    unsigned compound;          /* lists whose words count only where they
                                 * name the element (see modifier_word) */
} hints;

static unsigned pair_hash(unsigned char a, unsigned char b)
{
    return ((unsigned)a * 31u + (unsigned)b) & 1023u;
}

static void hints_init(hints *h)
{
    unsigned l, k, n = 0;
    uint16_t at[1024];
    memset(h, 0, sizeof *h);
    h->lists[0] = np__unlikely;
    h->lists[1] = np__maybe;
    h->lists[2] = np__junk;
    h->lists[3] = np__big;
    h->lists[4] = np__negative;
    h->lists[5] = np__positive;
    h->lists[6] = np__header;
    h->bounded = H_UNLIKELY | H_MAYBE | H_POSITIVE | H_HEADER;
    h->compound = H_UNLIKELY | H_HEADER;
    /* count the words of each pair, then place them (counting sort) */
    for (l = 0; l < H_NLISTS; l++) {
        const char *const *w;
        size_t m = 0;
        for (w = h->lists[l]; *w; w++) {
            if (!(*w)[0] || !(*w)[1])
                h->slow |= 1u << l;
            m++;
        }
        if (n + m > H_MAXWORDS)
            h->slow |= 1u << l;
        if (h->slow & (1u << l))
            continue;
        n += (unsigned)m;
        for (w = h->lists[l]; *w; w++) {
            k = pair_hash((unsigned char)(*w)[0], (unsigned char)(*w)[1]);
            h->pairs[k] |= (uint8_t)(1u << l);
            h->first[k + 1]++;
        }
    }
    for (k = 0; k < 1024; k++) {
        h->first[k + 1] = (uint16_t)(h->first[k + 1] + h->first[k]);
        at[k] = h->first[k];
    }
    for (l = 0; l < H_NLISTS; l++) {
        const char *const *w;
        if (h->slow & (1u << l))
            continue;
        for (w = h->lists[l]; *w; w++) {
            k = pair_hash((unsigned char)(*w)[0], (unsigned char)(*w)[1]);
            h->word[at[k]] = *w;
            h->list[at[k]] = (uint8_t)l;
            at[k]++;
        }
    }
}

/* Whether the word x, found at p in the class names s, is a modifier of
 * a compound name rather than what the name calls the element: in a BEM
 * modifier ("field--label-hidden": a field whose label is hidden,
 * "layout--sidebar-end") or after a part that says the element has the
 * thing or sits by it ("has-sidebar", "with-sidebar-right",
 * "after-header", "for_sidebar": a container of the page's columns, not
 * a sidebar). */
static int modifier_word(const char *s, const char *p, const char *x)
{
    static const char *const mods[] = {
        "has", "with", "without", "no", "for", "after", "before", "below",
        "above", "under", NULL
    };
    const char *t = p, *q, *e;
    size_t i, n;
    while (*x && !np__isalnum((unsigned char)*x)) {
        x++;
        p++;
    }
    while (t > s && !np__isspace((unsigned char)t[-1]))
        t--;
    for (e = p; e > t && !np__isalnum((unsigned char)e[-1]); e--)
        ;
    if (e == p)
        return 0;
    for (q = e; q > t && np__isalnum((unsigned char)q[-1]); q--)
        ;
    n = (size_t)(e - q);
    for (i = 0; mods[i]; i++)
        if (strlen(mods[i]) == n && memcmp(mods[i], q, n) == 0)
            return 1;
    return 0;
}

/* Which of the lists in `want` have a word in s (has_any for each), in
 * one pass over s. */
static unsigned hint_scan(const hints *h, const char *s, unsigned want)
{
    const char *p;
    unsigned found = 0, l;
    for (l = 0; l < H_NLISTS; l++)
        if ((want & h->slow & (1u << l)) && has_any(s, h->lists[l]))
            found |= 1u << l;
    want &= ~h->slow;
    if (!s || !*s || !want)
        return found;
    for (p = s; p[1]; p++) {
        unsigned k = pair_hash((unsigned char)p[0], (unsigned char)p[1]), j;
        if (!(h->pairs[k] & want & ~found))
            continue;
        for (j = h->first[k]; j < h->first[k + 1]; j++) {
            const char *x = h->word[j];
            unsigned bit = 1u << h->list[j];
            size_t i;
            if (!(want & bit) || (found & bit) || x[0] != p[0] || x[1] != p[1])
                continue;
            if ((h->bounded & bit) && p > s && np__isalnum((unsigned char)x[0])
                && np__isalnum((unsigned char)p[-1]))
                continue;
            for (i = 2; x[i] && p[i] == x[i]; i++)
                ;
            if (!x[i] && (!(h->compound & bit) || !modifier_word(s, p, x)))
                found |= bit;
        }
        if ((found & want) == want)
            break;
    }
    return found;
}

static int weight_of(const hints *h, const char *s)
{
    int w = 0;
    unsigned f;
    if (!s || !*s)
        return 0;
    f = hint_scan(h, s, H_NEGATIVE | H_POSITIVE);
    if (f & H_NEGATIVE)
        w -= 25;
    if (f & H_POSITIVE)
        w += 25;
    return w;
}

/* Whether an inline style hides the element. */
static int style_hidden(const char *style)
{
    char buf[128];
    size_t n = 0;
    if (!style)
        return 0;
    for (; *style && n + 1 < sizeof buf; style++)
        if (!np__isspace((unsigned char)*style))
            buf[n++] = (char)np__tolower((unsigned char)*style);
    buf[n] = '\0';
    return strstr(buf, "display:none") || strstr(buf, "visibility:hidden");
}

/* ------------------------------------------------------------ index */

#define F_UNLIKELY  (1u << 0)   /* class/id says boilerplate */
#define F_ARTBODY   (1u << 1)   /* itemprop=articleBody and similar */
#define F_HIDDEN    (1u << 2)
#define F_FIGURE    (1u << 3)   /* inside a figure */
#define F_ROLEOUT   (1u << 4)   /* role=navigation, complementary... */
#define F_ISLINK    (1u << 5)   /* inside a link */
#define F_SKIP      (1u << 6)   /* not indexed below: never output */
#define F_JUNKHINT  (1u << 7)   /* class/id of a caption, byline, date... */
#define F_BIGJUNK   (1u << 8)   /* class/id of a caption or an author bio */
#define F_INMAIN    (1u << 9)   /* inside <main> or <article> */

typedef struct np__node {
    xmlNode *node;
    int32_t parent;
    int32_t end;          /* index just past the subtree */
    uint8_t tag;
    uint16_t flags;
    int16_t weight;       /* class/id weight */
    uint32_t own;         /* characters whose nearest block is this */
    uint32_t own_commas;
    uint32_t text;        /* characters in the subtree */
    uint32_t link;        /* ... of which inside links */
    uint32_t commas;
    uint32_t n_p, n_img, n_li, n_input, n_embed, n_head, n_a, n_bq;
    uint32_t n_article, n_h1;
    uint32_t block_kids;  /* direct children that are blocks (not summed) */
    uint32_t ptext;       /* text of prose paragraphs in the subtree */
    uint32_t ev;          /* text also in the JSON-LD evidence */
    float score;
    int scored;
} np__node;

#define NP__MAX_LD 8

typedef struct walk {
    np__vec nodes;        /* np__node */
    int relax;            /* 1: keep class-unlikely subtrees; 2: and read
                           * what noscript elements hold */
    int err;
    int noscripts;        /* noscript elements met */
    size_t max_depth;
    const xmlNode *ld[NP__MAX_LD];  /* JSON-LD scripts met */
    int nld;
    const char *ev;       /* the JSON-LD text of the article's body, or NULL */
    size_t ev_len;
    int by_evidence;      /* the root was chosen by the evidence */
    int densest;          /* choose the block of most prose */
    hints hints;
} walk;

static np__node *NODE(walk *w, int32_t i)
{
    return (np__node *)w->nodes.ptr + i;
}

static int in_evidence(const walk *w, const char *s);
static uint32_t subtree_evidence(const walk *w, const xmlNode *n, int depth);
static int holds_evidence(const walk *w, uint32_t ev);

/* Characters of a text node: code points, a whitespace run counted once.
 * Returns the count and adds the commas to *commas. */
static uint32_t text_chars(const char *s, uint32_t *commas)
{
    uint32_t n = 0;
    int space = 1;
    for (; *s; s++) {
        unsigned char ch = (unsigned char)*s;
        if (ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r' || ch == '\f') {
            if (!space)
                n++;
            space = 1;
            continue;
        }
        space = 0;
        if ((ch & 0xC0) != 0x80)
            n++;
        if (ch == ',')
            (*commas)++;
    }
    return n;
}

static int role_out(const char *role)
{
    static const char *const roles[] = {
        "menu", "menubar", "complementary", "navigation", "alert",
        "alertdialog", "dialog", "search", NULL
    };
    size_t i;
    if (!role)
        return 0;
    for (i = 0; roles[i]; i++)
        if (strcmp(role, roles[i]) == 0)
            return 1;
    return 0;
}

/* The characters of a subtree's text nodes that the JSON-LD evidence
 * holds (counted as index_children counts them). */
static uint32_t subtree_evidence(const walk *w, const xmlNode *n, int depth)
{
    const xmlNode *k;
    uint32_t ev = 0;
    if (!w->ev || depth > 64)
        return 0;
    for (k = n->children; k; k = k->next) {
        if (k->type == XML_ELEMENT_NODE) {
            ev += subtree_evidence(w, k, depth + 1);
        } else if ((k->type == XML_TEXT_NODE || k->type == XML_CDATA_SECTION_NODE)
                   && k->content) {
            uint32_t commas = 0;
            uint32_t c = text_chars((const char *)k->content, &commas);
            if (c >= 15 && in_evidence(w, (const char *)k->content))
                ev += c;
        }
    }
    return ev;
}

/* Whether a subtree holds a good part of the article's JSON-LD body
 * text (a recipe's ingredients in a "header"-classed table): its
 * class then cannot say it is boilerplate. */
static int holds_evidence(const walk *w, uint32_t ev)
{
    return w->ev && ev >= 80 && (uint64_t)ev * 10 >= (uint64_t)w->ev_len;
}

static void index_children(walk *w, xmlNode *first, int32_t parent,
                           int32_t block, unsigned inherit, size_t depth);

/* Whether an element holds a blockquote near its top (an embedded post
 * such as a tweet quoted by the article, wrapped in a "social" box). */
static int holds_quote(const xmlNode *n, int depth)
{
    const xmlNode *k;
    if (depth > 2)
        return 0;
    for (k = n->children; k; k = k->next)
        if (k->type == XML_ELEMENT_NODE
            && (tag_id(k->name) == T_BLOCKQUOTE || holds_quote(k, depth + 1)))
            return 1;
    return 0;
}

/* Recursion never goes deeper than this, whatever the options say, so
 * that a thread's stack is enough. */
#define NP__MAX_WALK_DEPTH 2048

#if defined(__GNUC__)
#  define NP__NOINLINE __attribute__((noinline))
#else
#  define NP__NOINLINE
#endif

/* What an element's attributes say (F_* flags; *weight receives the
 * class/id weight), or (unsigned)-1 when the element is not indexed.
 * Kept out of the recursive walk so that its buffers are not on the
 * stack once per level. */
static NP__NOINLINE unsigned classify(const walk *w, const xmlNode *n, int t,
                                      unsigned inherit, int *weight)
{
    char hint[256], c2[160];
    size_t hl;
    const char *cls, *id, *itemprop, *ah;
    unsigned flags = inherit & (F_FIGURE | F_ISLINK | F_INMAIN), found;

    ah = np__xml_attr(n, "aria-hidden");
    if ((np__xml_attr(n, "hidden")
         || (ah && strcmp(ah, "true") == 0 && t != T_FIGURE && t != T_IMG)
         || style_hidden(np__xml_attr(n, "style")))
        && NP_RULE_NODE("idx:hidden", n))
        return (unsigned)-1;
    if (role_out(np__xml_attr(n, "role")))
        flags |= F_ROLEOUT;

    cls = np__xml_attr(n, "class");
    id = np__xml_attr(n, "id");
    itemprop = np__xml_attr(n, "itemprop");
    hl = lower_copy(hint, sizeof hint, 0, cls);
    if (hl + 2 < sizeof hint)
        hint[hl++] = ' ';
    hl = lower_copy(hint, sizeof hint, hl, id);

    found = hl > 1 ? hint_scan(&w->hints, hint,
                               H_UNLIKELY | H_MAYBE | H_JUNK | H_BIG | H_HEADER) : 0;
    if ((found & H_HEADER) && !(inherit & F_INMAIN))
        found |= H_UNLIKELY;
    if (t == T_MAIN || t == T_ARTICLE)
        flags |= F_INMAIN;
    if (itemprop && (strstr(itemprop, "articleBody")
                     || strstr(itemprop, "reviewBody")))
        flags |= F_ARTBODY;
    if (t == T_FIGURE)
        flags |= F_FIGURE;
    if (t == T_A)
        flags |= F_ISLINK;

    if (!w->relax && t != T_BODY && t != T_ARTICLE && t != T_MAIN
        && t != T_A && !(flags & F_ARTBODY) && hl > 1
        && (found & H_UNLIKELY) && !(found & H_MAYBE)
        && !holds_quote(n, 0))
        flags |= F_UNLIKELY;
    if (hl > 1 && !(flags & F_ARTBODY) && (found & H_JUNK)
        && !holds_quote(n, 0)) {
        flags |= F_JUNKHINT;
        if (found & H_BIG)
            flags |= F_BIGJUNK;
    }
    if ((flags & (F_UNLIKELY | F_JUNKHINT)) && !(flags & F_ROLEOUT) && w->ev
        && holds_evidence(w, subtree_evidence(w, n, 0))
        && NP_RULE_NODE("keep:evidence", n))
        flags &= ~(F_UNLIKELY | F_JUNKHINT | F_BIGJUNK);
    if (!w->relax && (flags & F_UNLIKELY) && !(flags & F_ROLEOUT)) {
        if (NP_RULE_NODE("idx:unlikely-class", n))
            return (unsigned)-1;   /* the first attempt leaves such subtrees out */
        flags &= ~F_UNLIKELY;
    }
    if ((flags & F_ROLEOUT) && (!w->relax || t != T_BODY)
        && NP_RULE_NODE("idx:role", n))
        return (unsigned)-1;

    *weight = 0;
    if (cls && *cls) {
        lower_copy(c2, sizeof c2, 0, cls);
        *weight = weight_of(&w->hints, c2);
    }
    if (id && *id) {
        lower_copy(c2, sizeof c2, 0, id);
        *weight += weight_of(&w->hints, c2);
    }
    return flags;
}

static void index_element(walk *w, xmlNode *n, int32_t parent, int32_t block,
                          unsigned inherit, size_t depth)
{
    int t = tag_id(n->name);
    np__node *me, *par = parent >= 0 ? NODE(w, parent) : NULL;
    unsigned flags;
    int weight = 0;
    int32_t idx;

    if (w->err)
        return;
    /* Counts of things that are not indexed. */
    if (par) {
        if (t == T_IFRAME || t == T_EMBED || t == T_OBJECT || t == T_VIDEO)
            par->n_embed++;
        else if (t == T_SELECT || t == T_TEXTAREA)
            par->n_input++;
        else if (t == T_INPUT) {
            /* a field to fill in: a hidden one or a button is no form */
            const char *type = np__xml_attr(n, "type");
            if (!type || (np__ascii_casecmp(type, "hidden") != 0
                          && np__ascii_casecmp(type, "submit") != 0
                          && np__ascii_casecmp(type, "button") != 0
                          && np__ascii_casecmp(type, "image") != 0
                          && np__ascii_casecmp(type, "reset") != 0))
                par->n_input++;
        }
    }
    if (t == T_SCRIPT && w->nld < NP__MAX_LD) {
        const char *type = np__xml_attr(n, "type");
        if (type && strstr(type, "ld+json"))
            w->ld[w->nld++] = n;
    }
    if (t == T_NOSCRIPT)
        w->noscripts++;
    if ((is_dropped(t) && !(t == T_NOSCRIPT && w->relax > 1))
        || depth > w->max_depth || depth > NP__MAX_WALK_DEPTH)
        return;
    flags = classify(w, n, t, inherit, &weight);
    if (flags == (unsigned)-1)
        return;

    me = np__vec_push(&w->nodes);
    if (!me) {
        w->err = NP_ENOMEM;
        return;
    }
    idx = (int32_t)(w->nodes.len - 1);
    me->node = n;
    me->parent = parent;
    me->tag = (uint8_t)t;
    me->flags = (uint16_t)flags;
    me->weight = (int16_t)weight;
    if (parent >= 0 && is_block(t))
        NODE(w, parent)->block_kids++;
    if (t == T_P)
        me->n_p = 1;
    else if (t == T_IMG)
        me->n_img = 1;
    else if (t == T_LI)
        me->n_li = 1;
    else if (is_heading(t))
        me->n_head = 1;
    else if (t == T_A)
        me->n_a = 1;
    else if (t == T_BLOCKQUOTE)
        me->n_bq = 1;
    else if (t == T_ARTICLE)
        me->n_article = 1;
    if (t == T_H1)
        me->n_h1 = 1;

    index_children(w, n->children, idx, is_block(t) ? idx : block,
                   flags, depth + 1);
    me = NODE(w, idx);
    me->end = (int32_t)w->nodes.len;
    /* Text directly in a div reads as paragraphs of it. */
    if ((t == T_DIV || t == T_SECTION || t == T_ARTICLE || t == T_TD
         || t == T_CENTER || t == T_MAIN) && me->own >= 25)
        me->n_p++;
}

/* Whether a text node is (the start of) text the JSON-LD evidence
 * holds: its first bytes, whitespace folded, at least 15 of them. */
static int in_evidence(const walk *w, const char *s)
{
    char probe[48];
    size_t n = 0, at;
    int space = 0;
    for (; *s && n < sizeof probe; s++) {
        if (np__isspace((unsigned char)*s)) {
            space = n > 0;
            continue;
        }
        if (space) {
            probe[n++] = ' ';
            space = 0;
            if (n == sizeof probe)
                break;
        }
        probe[n++] = *s;
    }
    if (n < 15)
        return 0;
    for (at = 0; at + n <= w->ev_len;) {
        const char *f = memchr(w->ev + at, probe[0], w->ev_len - n + 1 - at);
        if (!f)
            return 0;
        at = (size_t)(f - w->ev);
        if (memcmp(f, probe, n) == 0)
            return 1;
        at++;
    }
    return 0;
}

static void index_children(walk *w, xmlNode *first, int32_t parent,
                           int32_t block, unsigned inherit, size_t depth)
{
    xmlNode *k;
    for (k = first; k && !w->err; k = k->next) {
        if (k->type == XML_ELEMENT_NODE) {
            index_element(w, k, parent, block, inherit, depth);
        } else if ((k->type == XML_TEXT_NODE || k->type == XML_CDATA_SECTION_NODE)
                   && k->content && parent >= 0) {
            uint32_t commas = 0;
            uint32_t n = text_chars((const char *)k->content, &commas);
            np__node *p = NODE(w, parent);
            p->text += n;
            p->commas += commas;
            if (w->ev && n >= 15 && in_evidence(w, (const char *)k->content))
                p->ev += n;
            if (inherit & F_ISLINK)
                p->link += n;
            if (block >= 0) {
                np__node *b = NODE(w, block);
                b->own += n;
                b->own_commas += commas;
            }
        }
    }
}

/* Sums the subtree counts bottom-up. */
static void sum_up(walk *w)
{
    size_t i;
    for (i = w->nodes.len; i-- > 0;) {
        np__node *me = NODE(w, (int32_t)i);
        np__node *p;
        /* own text of a paragraph-like element counts as prose when
         * it is long enough and not mostly links */
        if (me->own >= 25 && me->tag != T_LI && !is_heading(me->tag)
            && me->tag != T_A && (me->tag == T_P || me->tag == T_DIV
                || me->tag == T_SECTION || me->tag == T_ARTICLE
                || me->tag == T_TD || me->tag == T_BLOCKQUOTE
                || me->tag == T_PRE || me->tag == T_MAIN
                || me->tag == T_CENTER || me->tag == T_DD)
            && (float)me->link < 0.5f * (float)me->text)
            me->ptext += me->own;
        if (me->parent < 0)
            continue;
        p = NODE(w, me->parent);
        p->text += me->text;
        p->link += me->link;
        p->commas += me->commas;
        p->n_p += me->n_p;
        p->n_img += me->n_img;
        p->n_li += me->n_li;
        p->n_input += me->n_input;
        p->n_embed += me->n_embed;
        p->n_head += me->n_head;
        p->n_a += me->n_a;
        p->n_bq += me->n_bq;
        p->n_article += me->n_article;
        p->n_h1 += me->n_h1;
        p->ptext += me->ptext;
        p->ev += me->ev;
    }
}

static float link_density(const np__node *n)
{
    return n->text ? (float)n->link / (float)n->text : 0.0f;
}

static float init_score(const np__node *n)
{
    float s = n->weight;
    switch (n->tag) {
    case T_DIV: case T_ARTICLE: case T_MAIN: case T_SECTION:
        s += 5; break;
    case T_PRE: case T_TD: case T_BLOCKQUOTE:
        s += 3; break;
    case T_ADDRESS: case T_OL: case T_UL: case T_DL: case T_DD: case T_DT:
    case T_LI: case T_FORM:
        s -= 3; break;
    case T_H1: case T_H2: case T_H3: case T_H4: case T_H5: case T_H6:
    case T_TH:
        s -= 5; break;
    default:
        break;
    }
    if (n->flags & F_ARTBODY)
        s += 25;
    return s;
}

/* Paragraph-like elements give their score to five ancestors. */
static void score_nodes(walk *w)
{
    size_t i;
    for (i = 0; i < w->nodes.len; i++) {
        np__node *n = NODE(w, (int32_t)i);
        float s;
        int32_t a;
        int level;
        if (n->own < 25)
            continue;
        switch (n->tag) {
        case T_P: case T_PRE: case T_TD: case T_DIV: case T_SECTION:
        case T_BLOCKQUOTE: case T_DD: case T_ARTICLE: case T_CENTER:
        case T_FONT: case T_SPAN: case T_OTHER: case T_MAIN:
            break;
        case T_LI:
            /* on the second attempt, items of prose count (an article
             * written as a list), never menus */
            if (w->relax && n->own >= 80 && (float)n->link < 0.3f * (float)n->text)
                break;
            continue;
        default:
            continue;
        }
        s = 1.0f + (float)n->own_commas + (float)(n->own / 100 > 3 ? 3 : n->own / 100);
        a = n->parent;
        /* A container holding both text and blocks: its text is
         * paragraphs of its own, so it is scored first. A text leaf
         * (no block children) scores like a paragraph for its parent. */
        if (n->tag != T_P && n->tag != T_PRE && n->block_kids > 0)
            a = (int32_t)i;
        for (level = 0; a >= 0 && level < 5;
             a = NODE(w, a)->parent, level++) {
            np__node *an = NODE(w, a);
            float div = level == 0 ? 1.0f : level == 1 ? 2.0f : (float)level * 3.0f;
            if (!an->scored) {
                an->scored = 1;
                an->score = init_score(an);
            }
            an->score += s / div;
        }
    }
    for (i = 0; i < w->nodes.len; i++) {
        np__node *n = NODE(w, (int32_t)i);
        if (n->scored)
            n->score *= 1.0f - link_density(n);
    }
}

/* ------------------------------------------------------- candidates */

static int is_ancestor(walk *w, int32_t a, int32_t d)
{
    return d > a && d < NODE(w, a)->end;
}

#define NTOP 5

/* Picks the article root; -1 when nothing scored. */
static int32_t pick_top(walk *w)
{
    int32_t top[NTOP];
    int ntop = 0, k;
    size_t i;
    int32_t best;
    int evidence = 0;

    for (i = 0; i < w->nodes.len; i++) {
        np__node *n = NODE(w, (int32_t)i);
        int j;
        if (!n->scored || n->tag == T_BODY)
            continue;
        for (j = 0; j < ntop; j++)
            if (n->score > NODE(w, top[j])->score)
                break;
        if (j < NTOP) {
            int m = ntop < NTOP ? ntop : NTOP - 1;
            memmove(top + j + 1, top + j, (size_t)(m - j) * sizeof top[0]);
            top[j] = (int32_t)i;
            if (ntop < NTOP)
                ntop++;
        }
    }
    if (ntop == 0) {
        /* paragraphs straight under <body>: the body is the article */
        for (i = 0; i < w->nodes.len; i++)
            if (NODE(w, (int32_t)i)->tag == T_BODY && NODE(w, (int32_t)i)->scored)
                return (int32_t)i;
        return -1;
    }
    best = top[0];

    /* The last resort on a page that gave next to nothing: the element
     * holding most of its prose paragraphs, few links, tightest. */
    if (w->densest) {
        uint32_t most = 0;
        int32_t pick = -1;
        for (i = 0; i < w->nodes.len; i++) {
            np__node *n = NODE(w, (int32_t)i);
            if (n->tag != T_BODY && link_density(n) <= 0.3f && n->ptext > most)
                most = n->ptext;
        }
        for (i = 0; i < w->nodes.len && most >= 140; i++) {
            np__node *n = NODE(w, (int32_t)i);
            if (n->tag != T_BODY && link_density(n) <= 0.3f
                && (uint64_t)n->ptext * 5 >= (uint64_t)most * 4
                && (pick < 0 || n->text < NODE(w, pick)->text))
                pick = (int32_t)i;
        }
        return pick >= 0 ? pick : best;
    }

    /* An element marked as the article body holding most of the best
     * candidate's text wins. */
    for (i = 0; i < w->nodes.len; i++) {
        np__node *n = NODE(w, (int32_t)i);
        if ((n->flags & F_ARTBODY) && n->text >= 200
            && (is_ancestor(w, (int32_t)i, best) || (int32_t)i == best
                || n->text * 2 >= NODE(w, best)->text)) {
            if ((int32_t)i != best && NP_RULE("root:article-body", NULL, 0))
                best = (int32_t)i;
            break;
        }
    }

    /* The JSON-LD text of the article's body (an articleBody, a recipe's
     * ingredients and steps) shows where the article is: when the best
     * candidate holds under half of what the page shows of that text and
     * another candidate most of it, the tightest candidate holding nearly
     * as much as any wins (over a gallery, a lightbox or a teaser). */
    if (NODE(w, 0)->ev >= 200 && NODE(w, best)->ev * 2 < NODE(w, 0)->ev) {
        uint32_t all = NODE(w, 0)->ev, most = 0;
        int32_t pick = -1;
        for (i = 0; i < w->nodes.len; i++) {
            np__node *n = NODE(w, (int32_t)i);
            if (n->scored && n->tag != T_BODY && n->ev > most)
                most = n->ev;
        }
        if (most * 2 >= all && most >= NODE(w, best)->ev * 2) {
            for (i = 0; i < w->nodes.len; i++) {
                np__node *n = NODE(w, (int32_t)i);
                if (n->scored && n->tag != T_BODY && (uint64_t)n->ev * 5 >= (uint64_t)most * 4
                    && (pick < 0 || n->text < NODE(w, pick)->text))
                    pick = (int32_t)i;
            }
        }
        if (pick >= 0 && NP_RULE("root:evidence", NULL, 0)) {
            best = pick;
            evidence = w->by_evidence = 1;
        }
    }

    /* When several good candidates share an ancestor, take it. */
    {
        float bs = NODE(w, evidence ? top[0] : best)->score;
        int32_t a;
        for (a = NODE(w, best)->parent; a >= 0 && NODE(w, a)->tag != T_BODY;
             a = NODE(w, a)->parent) {
            int inside = 0;
            for (k = 1; k < ntop; k++)
                if (NODE(w, top[k])->score >= bs * 0.75f
                    && is_ancestor(w, a, top[k]))
                    inside++;
            if (inside >= 2) {
                if (NP_RULE("root:shared-ancestor", NULL, 0))
                    best = a;
                break;
            }
        }
    }

    /* Climb while the parent scores about as well (the article's text
     * is spread over its children). */
    {
        float last = NODE(w, best)->score;
        int32_t p = NODE(w, best)->parent;
        float threshold = last / 3.0f;
        while (p >= 0 && NODE(w, p)->tag != T_BODY) {
            np__node *pn = NODE(w, p);
            if (!pn->scored) {
                p = pn->parent;
                continue;
            }
            if (pn->score < threshold)
                break;
            if (pn->score > last) {
                if (NP_RULE("root:climb-score", NULL, 0))
                    best = p;
                break;
            }
            last = pn->score;
            p = pn->parent;
        }
    }

    /* Climb while the parent adds mostly prose: an article split into
     * sections by figures or pull quotes. */
    {
        int32_t p;
        for (p = NODE(w, best)->parent; p >= 0 && NODE(w, p)->tag != T_BODY;
             p = NODE(w, p)->parent) {
            np__node *bn = NODE(w, best), *pn = NODE(w, p);
            uint32_t extra_p = pn->ptext - bn->ptext;
            uint32_t extra_t = pn->text - bn->text;
            if (extra_p >= 100 && (float)extra_p >= 0.5f * (float)extra_t
                && link_density(pn) <= 0.3f && NP_RULE("root:climb-prose", NULL, 0))
                best = p;
            else if (extra_t - extra_p >= 50)
                break;
        }
    }

    /* A page of several <article>s (the story, then teasers of others):
     * the one holding the headline is the story. */
    if (NODE(w, best)->n_article >= 2) {
        int32_t j, found = -1, with_h1 = 0;
        for (j = best + 1; j < NODE(w, best)->end; j++) {
            np__node *a = NODE(w, j);
            if (a->tag != T_ARTICLE)
                continue;
            if (a->n_h1 > 0 && a->ptext >= 200
                && (!evidence || a->ev * 2 >= NODE(w, best)->ev)) {
                if (found < 0)
                    found = j;
                with_h1++;
            }
            j = a->end - 1;   /* not into nested ones */
        }
        if (found >= 0 && with_h1 == 1 && NP_RULE("root:article-with-h1", NULL, 0))
            best = found;
    }

    /* An only child stands for its parent. */
    for (;;) {
        int32_t p = NODE(w, best)->parent;
        int32_t j, kids = 0;
        if (p < 0 || NODE(w, p)->tag == T_BODY)
            break;
        for (j = p + 1; j < NODE(w, p)->end; j = NODE(w, j)->end)
            kids++;
        if (kids != 1 || !NP_RULE("root:only-child", NULL, 0))
            break;
        best = p;
    }
    return best;
}

/* ----------------------------------------------------------- output */

typedef struct out {
    np__ctx *c;
    walk *w;
    np__buf cur;
    int kind;             /* kind of the block being gathered */
    int space;            /* a space is pending */
    int err;
    size_t chars;         /* characters written to blocks */
    size_t paras;         /* prose blocks written (80 bytes or more) */
    size_t link_heads;    /* headings that were links (teasers) */
    long last_image;      /* index of the last image, -1 */
    const char *title;
    int32_t root;
    int32_t cur_el;          /* the block element being written */
    int cur_promo;           /* the block being gathered links to the
                              * site's channels (promo_link) */
    np__vec promo;           /* size_t: blocks that did, in order */
} out;

static void put_text(out *o, const char *s, int pre)
{
    if (pre) {
        np__buf_puts(&o->cur, s);
        return;
    }
    while (*s) {
        const char *run = s;
        unsigned char ch = (unsigned char)*s;
        if (ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r' || ch == '\f') {
            if (o->cur.len)
                o->space = 1;
            s++;
            continue;
        }
        /* a run of other characters, copied at once */
        do {
            ch = (unsigned char)*++s;
        } while (ch && ch != ' ' && ch != '\n' && ch != '\t' && ch != '\r'
                 && ch != '\f');
        if (o->space) {
            np__buf_putc(&o->cur, ' ');
            o->space = 0;
        }
        np__buf_put(&o->cur, run, (size_t)(s - run));
    }
}

/* Words that make up date lines ("Updated 1:39 am EST, Wednesday,
 * November 20, 2019"), besides the months (np__month_of). */
static const char *const np__date_words[] = {
    "mon", "monday", "tue", "tues", "tuesday", "wed", "wednesday", "thu",
    "thur", "thurs", "thursday", "fri", "friday", "sat", "saturday", "sun",
    "sunday", "am", "pm", "a", "m", "p", "et", "est", "edt", "ct", "cst",
    "cdt", "mt", "mst", "mdt", "pt", "pst", "pdt", "gmt", "utc", "bst",
    "cet", "cest", "ist", "aest", "updated", "published", "posted",
    "last", "modified", "original", "originally", "on", "at", "of", "th",
    "st", "nd", "rd", "hours", "hour", "ago", "minutes", "min", "read",
    "today", "yesterday", NULL
};

static int is_date_word(const char *w, size_t n)
{
    size_t i;
    char low[16];
    if (n == 0 || n >= sizeof low)
        return 0;
    for (i = 0; i < n; i++)
        low[i] = (char)np__tolower((unsigned char)w[i]);
    low[n] = '\0';
    if (np__month_of(low, n))
        return 1;
    for (i = 0; np__date_words[i]; i++)
        if (strcmp(low, np__date_words[i]) == 0)
            return 1;
    return 0;
}

/* A short line made only of date and time words and numbers. */
static int has_numeric_date(const char *s, size_t n);

static int is_dateline(const char *s, size_t n)
{
    size_t i = 0, words = 0, digits = 0;
    int shape = 0;   /* a month, a day, a time: not a bare number */
    if (n > 120)
        return 0;
    while (i < n) {
        size_t b;
        int has_digit = 0, has_alpha = 0;
        while (i < n && !np__isalnum((unsigned char)s[i])) {
            if ((unsigned char)s[i] >= 0x80)
                return 0;   /* other scripts: not judged here */
            i++;
        }
        b = i;
        while (i < n && np__isalnum((unsigned char)s[i])) {
            if (np__isdigit((unsigned char)s[i]))
                has_digit = 1;
            else
                has_alpha = 1;
            i++;
        }
        if (i == b)
            break;
        words++;
        if (has_digit) {
            digits++;
            /* 20th, 2019, 8:21 */
            if (has_alpha && !(i - b <= 4))
                return 0;
            if (i + 1 < n && s[i] == ':' && np__isdigit((unsigned char)s[i + 1]))
                shape = 1;
            continue;
        }
        if (!is_date_word(s + b, i - b))
            return 0;
        if (i - b > 2 && !np__text_eq_ci(s + b, i - b, "last"))
            shape = 1;   /* a month, a day, a zone, "updated", "ago" */
    }
    return words > 0 && digits > 0 && (shape || has_numeric_date(s, n));
}

/* A date line in any language: a year, two more numbers (day, time),
 * few words, no sentence. */
static int is_numeric_dateline(const char *s, size_t n)
{
    size_t i = 0, nums = 0, words = 0;
    int year = 0;
    if (n > 70 || (n && s[n - 1] == '.'))
        return 0;
    while (i < n) {
        unsigned char ch = (unsigned char)s[i];
        if (np__isdigit(ch)) {
            size_t b = i;
            int v = 0;
            while (i < n && np__isdigit((unsigned char)s[i])) {
                if (i - b < 5) /* only a year's digits matter */
                    v = v * 10 + (s[i] - '0');
                i++;
            }
            nums++;
            if (i - b == 4 && v >= 1900 && v <= 2100)
                year = 1;
        } else if (np__isalpha(ch) || ch >= 0x80) {
            while (i < n && (np__isalpha((unsigned char)s[i])
                             || (unsigned char)s[i] >= 0x80 || s[i] == '-'))
                i++;
            words++;
        } else {
            i++;
        }
    }
    return year && nums >= 3 && words <= 6;
}

/* Holds a numeric date: 04.05.2015, 05/10/2018, 2019-11-19. */
static int has_numeric_date(const char *s, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++) {
        size_t a = i, d1, d2, d3;
        char sep;
        if (!np__isdigit((unsigned char)s[i]) || (i > 0 && np__isdigit((unsigned char)s[i - 1])))
            continue;
        while (i < n && np__isdigit((unsigned char)s[i]))
            i++;
        d1 = i - a;
        if (i >= n || (s[i] != '.' && s[i] != '/' && s[i] != '-'))
            continue;
        sep = s[i++];
        a = i;
        while (i < n && np__isdigit((unsigned char)s[i]))
            i++;
        d2 = i - a;
        if (i >= n || s[i] != sep || d2 < 1 || d2 > 2)
            continue;
        a = ++i;
        while (i < n && np__isdigit((unsigned char)s[i]))
            i++;
        d3 = i - a;
        if ((d1 <= 2 && d3 == 4) || (d1 == 4 && d3 >= 1 && d3 <= 2))
            return 1;
    }
    return 0;
}

/* Ends like a sentence: a full stop, "!" or "?" (closing quotes aside). */
static int ends_like_sentence(const char *s, size_t n)
{
    while (n && (s[n - 1] == '"' || s[n - 1] == ')' || s[n - 1] == ' '))
        n--;
    if (n >= 3 && (unsigned char)s[n - 3] == 0xE2 && (unsigned char)s[n - 2] == 0x80
        && ((unsigned char)s[n - 1] == 0x9D || (unsigned char)s[n - 1] == 0x99))
        n -= 3;
    return n && (s[n - 1] == '.' || s[n - 1] == '!' || s[n - 1] == '?');
}

/* Short lines that are page furniture rather than article text. */
static const char *furniture(const char *s, size_t n, const char **phrase)
{
    static const char *const pre[] = {
        "advertisement", "read more", "read also", "also read", "see more:",
        "related:", "related articles", "related stories", "related coverage",
        "sign up", "subscribe", "follow us", "continue reading", "image:",
        "photo:", "image source", "photograph:",
        "copyright (c)", "copyright 1", "copyright 2",
        "all rights reserved", "share on", "tweet this", "email this",
        "see also", "recommended for you", "next page", "previous page",
        "(all photos", "(photo", "more from", "more on this",
        "you may also like", "we use cookies", "newsletter", "get the latest",
        "download the", "watch:", "listen:", "skip to", "log in", "sign in",
        "enable javascript", "please enable", "(reporting by", "reporting by",
        "additional reporting", "editing by", "writing by", "compiled by",
        "contributors:", "posted in", "posted by", "tags", "tagged:",
        "this document is subject to copyright", "more:", "print article",
        "order reprints", "reprints", "leave a comment", "leave a reply",
        "photo credit", "image credit", "credit:", "source:", "quelle:",
        "fuente:", "fonte:", "bron:", "topics:",
        "more about", "this article was updated",
        "this story has been updated", "this post has been updated",
        NULL
    };
    /* The prefixes above are ASCII. A short line starting with the
     * copyright sign is no furniture by itself (tried: wire copyright
     * lines the dev bodies keep went, dev F1 0.9843 to 0.9838, even
     * snippet half 0.9280 to 0.9276); "copyright" and the sign together
     * start furniture of any length (np__text_prefix_ci: any case). */
    static const char *const any_length[] = {
        "copyright \xc2\xa9", "this document is subject to copyright",
        "tags:", "tagged:", NULL
    };
    static const char *const inside[] = {
        "contributed reporting", "contributed to this report",
        "contributed to this story", "affiliate commission",
        "affiliate link", NULL
    };
    static const char *const post[] = {
        "contributed reporting.", "contributed to this report.",
        "contributed to this story.", "contributed reporting",
        "contributed to this report", NULL
    };
    size_t i;
    *phrase = NULL;
    /* no letter or digit at all: a rule, a row of stars (a row of
     * underscores is how wire stories separate their sections: kept) */
    for (i = 0; i < n; i++)
        if (np__isalnum((unsigned char)s[i]) || (unsigned char)s[i] >= 0x80 || s[i] == '_')
            break;
    if (i == n)
        return "furn:no-letters";
    for (i = 0; any_length[i]; i++) {
        size_t k = strlen(any_length[i]);
        if (np__text_prefix_ci(s, n, any_length[i])
            && (k == n || !np__isalnum((unsigned char)s[k]))) {
            *phrase = any_length[i];
            return "furn:any-length";
        }
    }
    if (n > 200)
        return NULL;
    for (i = 0; inside[i]; i++)
        if (np__text_contains_ci(s, n, inside[i])) {
            *phrase = inside[i];
            return "furn:inside";
        }
    /* words that are furniture only as a short label ("Share", not
     * "Share prices fell") */
    if (n <= 40) {
        static const char *const label[] = {
            "share", "comments", "comment", "print", "email", "tags", NULL
        };
        for (i = 0; label[i]; i++) {
            size_t k = strlen(label[i]);
            if (np__text_prefix_ci(s, n, label[i]) && (k == n || !np__isalnum((unsigned char)s[k]))
                && !ends_like_sentence(s, n)) {
                *phrase = label[i];
                return "furn:short-label";
            }
        }
    }
    /* a list of tags: "Tags calendar, racing, ..." */
    if (np__text_prefix_ci(s, n, "tags ") && !ends_like_sentence(s, n) && memchr(s, ',', n))
        return "furn:tag-list";
    /* a line of page facts around a numeric date: "Le Monde | 04.05.2015
     * à 13h36 | Par X", "05/10/2018 - Published by: X - Section: Y" */
    if (n < 200 && !ends_like_sentence(s, n) && has_numeric_date(s, n)) {
        size_t seps = 0, k;
        for (k = 0; k < n; k++) {
            if (s[k] == '|')
                seps++;
            else if (k + 2 < n && s[k] == ' ' && s[k + 1] == '-' && s[k + 2] == ' ')
                seps++;
            else if (k + 2 < n && (unsigned char)s[k] == 0xE2
                     && (unsigned char)s[k + 1] == 0x80 && (unsigned char)s[k + 2] == 0xA2)
                seps++;   /* a bullet */
        }
        if (seps >= 2)
            return "furn:date-facts";
    }
    /* a source line: "From: The Paper" */
    if (n <= 60 && np__text_prefix_ci(s, n, "from:"))
        return "furn:from";
    /* "Copyright @ 2019 The Paper." */
    if (n < 120 && np__text_prefix_ci(s, n, "copyright") && (np__text_contains_ci(s, n, " 19")
                                                     || np__text_contains_ci(s, n, " 20")))
        return "furn:copyright";
    /* "Follow us on Twitter", "Follow the coverage at https://..." */
    if (np__text_prefix_ci(s, n, "follow ")
        && (np__text_contains_ci(s, n, "http") || np__text_contains_ci(s, n, "twitter")
            || np__text_contains_ci(s, n, "facebook") || np__text_contains_ci(s, n, "instagram")
            || memchr(s, '@', n)))
        return "furn:follow";
    /* "More on this: https://..." */
    if (np__text_prefix_ci(s, n, "more ") && np__text_contains_ci(s, n, "http"))
        return "furn:more-link";
    for (i = 0; pre[i]; i++) {
        size_t k = strlen(pre[i]);
        /* a word ends where the prefix does ("share", not "shares") */
        if (np__text_prefix_ci(s, n, pre[i])
            && (k == n || !np__isalnum((unsigned char)pre[i][k - 1])
                || !np__isalnum((unsigned char)s[k]))) {
            *phrase = pre[i];
            return "furn:prefix";
        }
    }
    for (i = 0; post[i]; i++) {
        size_t k = strlen(post[i]);
        if (n >= k && np__text_prefix_ci(s + n - k, k, post[i])) {
            *phrase = post[i];
            return "furn:suffix";
        }
    }
    /* a byline: "By Jane Doe", "By Jane Doe and John Roe, Reuters" */
    if (n < 100 && np__text_prefix_ci(s, n, "by ") && n > 3
        && (np__isupper((unsigned char)s[3]) || (unsigned char)s[3] >= 0x80)
        && !ends_like_sentence(s, n)) {
        /* not "By Tuesday, ..." or "By March" */
        size_t k = 3;
        while (k < n && np__isalpha((unsigned char)s[k]))
            k++;
        if (!is_date_word(s + 3, k - 3))
            return "furn:byline";
    }
    if (is_dateline(s, n))
        return "furn:dateline";
    if (is_numeric_dateline(s, n))
        return "furn:numeric-dateline";
    /* contact lines: "may be reached at jane@example.com" */
    if (memchr(s, '@', n) && (np__text_contains_ci(s, n, "reached at")
                              || np__text_contains_ci(s, n, "email")
                              || np__text_contains_ci(s, n, "e-mail")
                              || np__text_contains_ci(s, n, "contact")))
        return "furn:contact";
    return NULL;
}

/* Whether a block is furniture (see furniture()), counted as a rule. */
static int furniture_rule(const char *s, size_t n)
{
    const char *phrase;
    const char *rule = furniture(s, n, &phrase);
    if (!rule)
        return 0;
#ifdef NP_RULE_STATS
    if (phrase) {
        char name[96];
        snprintf(name, sizeof name, "%s:%s", rule, phrase);
        return NP_RULE(name, s, n);
    }
#endif
    (void)phrase;
    return NP_RULE(rule, s, n);
}

static void flush(out *o)
{
    const char *s;
    size_t n;
    if (o->err)
        return;
    if (o->cur.oom) {
        o->err = NP_ENOMEM;
        return;
    }
    s = o->cur.ptr;
    n = o->cur.len;
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\n' || s[n - 1] == '\t'))
        n--;
    while (n && (*s == ' ' || *s == '\n' || *s == '\t')) {
        s++;
        n--;
    }
    if (n && !furniture_rule(s, n)
        && !(o->kind == NP_BLOCK_HEADING && o->title
             && strlen(o->title) == n && memcmp(o->title, s, n) == 0
             && NP_RULE("out:title-heading", s, n))) {
        if (np__doc_add_block(o->c->doc, o->kind, s, n) < 0) {
            o->err = NP_ENOMEM;
            return;
        }
        o->chars += n;
        if (o->kind != NP_BLOCK_HEADING && n >= 80)
            o->paras++;   /* prose: paragraphs, items, quotes */
        if (o->cur_promo && n < 300) {
            size_t *at = np__vec_push(&o->promo);
            if (!at) {
                o->err = NP_ENOMEM;
                return;
            }
            *at = o->c->doc->blocks.len - 1;
        }
    }
    np__buf_clear(&o->cur);
    o->space = 0;
    o->cur_promo = 0;
}

/* Whether a container inside the article is boilerplate, after
 * Readability's conditional cleaning. */
static const char *drop_container(walk *w, const np__node *n)
{
    int is_list = n->tag == T_UL || n->tag == T_OL;
    float ld = link_density(n);
    float weight = n->weight;
    uint32_t p = n->n_p, img = n->n_img, li = n->n_li;
    uint32_t len = n->text;

    if (n->flags & F_ARTBODY)
        return NULL;
    /* a good part of the article's own text as its JSON-LD gives it (a
     * recipe's ingredients, each linked to a page of its own) */
    if (holds_evidence(w, n->ev) && NP_RULE_NODE("keep:evidence-part", n->node))
        return NULL;
    /* a quoted post (a tweet) in a box of its own */
    if (n->n_bq > 0 && n->n_p <= n->n_bq + 1 && ld < 0.5f
        && NP_RULE_NODE("keep:quoted-post", n->node))
        return NULL;
    /* mostly prose: kept whatever its class says */
    if (n->ptext >= 150 && (float)n->ptext >= 0.6f * (float)len && ld < 0.2f
        && NP_RULE_NODE("keep:mostly-prose", n->node))
        return NULL;
    /* a list scores below nothing by its tag alone (Readability's -3):
     * a list of plain items (ingredients, steps, pros and cons, points
     * of a law) with no class against it is the article's */
    if (weight + (n->scored ? n->score : 0) < 0
        && !((is_list || n->tag == T_DL) && weight >= 0 && ld < 0.3f
             && NP_RULE_NODE("keep:plain-list", n->node)))
        return "cont:negative";
    if (n->commas >= 10 && ld < 0.3f && NP_RULE_NODE("keep:commas", n->node))
        return NULL;
    if (n->tag == T_TABLE)
        return NULL;   /* handled by the table rule */
    if (img > 1 && (float)p / (float)img < 0.5f && !(n->flags & F_FIGURE)
        && len < img * 100)
        return "cont:images";
    if (!is_list && li > p + 2 && li > 3 && ld > 0.2f && !(len >= li * 80 && ld < 0.5f))
        return "cont:link-items";
    if (n->n_input > p / 3 + 1)
        return "cont:inputs";
    if (!is_list && len < 25 && (img == 0 || img > 2) && n->n_embed == 0
        && !(n->flags & F_FIGURE))
        return "cont:short";
    if (!is_list && weight < 25 && ld > 0.2f && len < 1000)
        return "cont:link-density";
    if (weight >= 25 && ld > 0.5f)
        return "cont:link-density-positive";
    if (is_list && ld > 0.5f)
        return "cont:link-list";
    if ((n->n_embed == 1 && len < 75) || n->n_embed > 1)
        return "cont:embeds";
    (void)w;
    return NULL;
}

/* A container that holds most of the text of the subtree being written
 * (the chosen root or a sibling joined to it) is the article's own
 * wrapper: the root was chosen for that text, so cleaning it away as a
 * part of the article would leave the page empty. */
static int most_of_root(const out *o, const np__node *n)
{
    const np__node *r = NODE(o->w, o->root);
    return r->text >= 200 && n->text * 2 > r->text;
}

/* An image's address resolved against the page's (kept relative when
 * there is none); NULL for an address of another scheme than http or
 * https, which is never exposed. */
static char *resolve(out *o, const char *src)
{
    xmlChar *abs;
    char *r;
    if (!src || !*src || np__url_kind(src) == NP__URL_OTHER)
        return NULL;
    if (!o->c->url)
        return np__arena_strdup(o->c->doc->arena, src);
    abs = xmlBuildURI((const xmlChar *)src, (const xmlChar *)o->c->url);
    if (abs && np__url_kind((const char *)abs) == NP__URL_OTHER) {
        xmlFree(abs);
        return NULL;
    }
    r = np__arena_strdup(o->c->doc->arena, abs ? (const char *)abs : src);
    if (abs)
        xmlFree(abs);
    return r;
}

/* Whether a link points to where else the site can be followed rather
 * than to a story or a source: a profile or channel on a social network
 * or a messenger, an app in an app store, a newsletter or subscription
 * form. A post, a video or a photo on a network is a source. */
static int promo_link(const char *href)
{
    static const char *const hosts[] = {
        "t.me", "telegram.me", "wa.me", "whatsapp.com", "facebook.com",
        "fb.com", "twitter.com", "x.com", "instagram.com", "youtube.com",
        "tiktok.com", "linkedin.com", "pinterest.com", "apps.apple.com",
        "itunes.apple.com", "play.google.com", "news.google.com", NULL
    };
    static const char *const posts[] = {
        "/status", "/posts/", "/p/", "/reel", "/watch", "/video", "/photo",
        "/embed", "/shorts", "/story", "/events/", "/tv/", NULL
    };
    static const char *const forms[] = {
        "newsletter", "subscri", "suscri", NULL
    };
    const char *h, *e;
    size_t hl, i;
    if (!href)
        return 0;
    while (np__isspace((unsigned char)*href))
        href++;
    if (np__text_prefix_ci(href, strlen(href), "https://"))
        h = href + 8;
    else if (np__text_prefix_ci(href, strlen(href), "http://"))
        h = href + 7;
    else if (href[0] == '/' && href[1] == '/')
        h = href + 2;
    else
        h = NULL;
    /* a form's address names it in a short part of its own
     * ("/newsletter/", "abo.example.org/subscribe?x"), where a story
     * about subscriptions has a long slug */
    for (e = href; *e; e++) {
        const char *p = e, *q;
        if (e != href && e[-1] != '/' && e[-1] != '.' && e[-1] != '?' && e[-1] != '=')
            continue;
        for (q = p; *q && *q != '/' && *q != '?' && *q != '#' && *q != '&' && *q != '.'; q++)
            ;
        if ((size_t)(q - p) > 16)
            continue;
        for (i = 0; forms[i]; i++)
            if (np__text_prefix_ci(p, (size_t)(q - p), forms[i]))
                return 1;
    }
    if (!h)
        return 0;
    for (e = h; *e && *e != '/' && *e != '?' && *e != '#' && *e != ':'; e++)
        ;
    hl = (size_t)(e - h);
    for (i = 0; hosts[i]; i++) {
        size_t k = strlen(hosts[i]);
        if (hl >= k && np__text_prefix_ci(e - k, k, hosts[i])
            && (hl == k || h[hl - k - 1] == '.')) {
            size_t j, en = strlen(e);
            for (j = 0; posts[j]; j++)
                if (np__text_contains_ci(e, en, posts[j]))
                    return 0;
            return 1;
        }
    }
    return 0;
}

/* Whether the text of an element's first link is an address
 * ("www.example.org", "http://...", "name@example.org"): 1 when it is, 0
 * when it is not, -1 when there is no link. A line that shows where it
 * points is a source, a shop or a contact, not a teaser of another page. */
static int link_shows_address(const xmlNode *n, size_t depth)
{
    const xmlNode *k;
    if (depth > 32)
        return 0;
    for (k = n->children; k; k = k->next) {
        int r;
        if (k->type != XML_ELEMENT_NODE)
            continue;
        if (tag_id(k->name) == T_A) {
            xmlChar *t = xmlNodeGetContent(k);
            const char *s = (const char *)t;
            size_t len;
            if (!s)
                return 0;
            while (np__isspace((unsigned char)*s))
                s++;
            len = strlen(s);
            while (len && np__isspace((unsigned char)s[len - 1]))
                len--;
            r = np__text_prefix_ci(s, len, "http://") || np__text_prefix_ci(s, len, "https://")
                || np__text_prefix_ci(s, len, "www.")
                || (memchr(s, '@', len) && !memchr(s, ' ', len) && memchr(s, '.', len));
            xmlFree(t);
            return r;
        }
        if ((r = link_shows_address(k, depth + 1)) >= 0)
            return r;
    }
    return -1;
}

static const char *img_src(const xmlNode *img)
{
    static const char *const attrs[] = {
        "src", "data-src", "data-original", "data-lazy-src", "data-url", NULL
    };
    size_t i;
    for (i = 0; attrs[i]; i++) {
        const char *v = np__xml_attr(img, attrs[i]);
        if (v && *v && np__url_kind(v) != NP__URL_OTHER)   /* data: too */
            return v;
    }
    return NULL;
}

/* Collects the text of a subtree (for captions) into b, spaces collapsed,
 * leaving out `skip`. */
static void gather_text(const xmlNode *n, np__buf *b, int *space, size_t depth,
                        const xmlNode *skip)
{
    const xmlNode *k;
    if (depth > 64)
        return;
    for (k = n->children; k; k = k->next) {
        if (k == skip)
            continue;
        if (k->type == XML_TEXT_NODE && k->content) {
            const char *s = (const char *)k->content;
            for (; *s; s++) {
                unsigned char ch = (unsigned char)*s;
                if (np__isspace(ch)) {
                    if (b->len)
                        *space = 1;
                    continue;
                }
                if (*space) {
                    np__buf_putc(b, ' ');
                    *space = 0;
                }
                np__buf_putc(b, ch);
            }
        } else if (k->type == XML_ELEMENT_NODE && !is_dropped(tag_id(k->name))) {
            gather_text(k, b, space, depth + 1, skip);
        }
    }
}

static int credit_class(const xmlNode *k)
{
    static const char *const words[] = {"credit", "copyright", "source", NULL};
    char hint[160];
    size_t hl = lower_copy(hint, sizeof hint, 0, np__xml_attr(k, "class"));
    if (hl + 2 < sizeof hint)
        hint[hl++] = ' ';
    lower_copy(hint, sizeof hint, hl, np__xml_attr(k, "id"));
    return has_any(hint, words);
}

/* Finds the first img, the figcaption and a credit element of a figure. */
static void find_figure(const xmlNode *n, const xmlNode **img,
                        const xmlNode **cap, const xmlNode **credit,
                        size_t depth)
{
    const xmlNode *k;
    if (depth > 32)
        return;
    for (k = n->children; k; k = k->next) {
        int t;
        if (k->type != XML_ELEMENT_NODE)
            continue;
        t = tag_id(k->name);
        if (t == T_IMG && !*img && img_src(k))
            *img = k;
        else if (!*credit && t != T_IMG && credit_class(k))
            *credit = k;
        else if (t == T_FIGCAPTION && !*cap) {
            *cap = k;
            find_figure(k, img, cap, credit, depth + 1);
        } else
            find_figure(k, img, cap, credit, depth + 1);
    }
}

static char *node_text_dup(out *o, const xmlNode *n, const xmlNode *skip)
{
    np__buf b = NP__BUF_INIT;
    int space = 0;
    char *r = NULL;
    gather_text(n, &b, &space, 0, skip);
    if (b.oom)
        o->err = NP_ENOMEM;
    else if (b.len && !(r = np__arena_strndup(o->c->doc->arena, b.ptr, b.len)))
        o->err = NP_ENOMEM;
    np__buf_free(&b);
    return r;
}

/* Records an image with its caption and credit: the credit is a credit
 * element, or a caption that reads as one ("Image source: X"); without a
 * caption the image's alt text describes it. */
static void add_image(out *o, const xmlNode *img, const xmlNode *cap,
                      const xmlNode *credit_el)
{
    char *src = NULL, *caption = NULL, *credit = NULL;
    size_t i;
    if (o->err)
        return;
    if (img)
        src = resolve(o, img_src(img));
    if (credit_el)
        credit = node_text_dup(o, credit_el, NULL);
    if (cap)
        caption = node_text_dup(o, cap, credit_el);
    if (caption && !credit && np__credit_label(caption, strlen(caption))) {
        credit = caption;
        caption = NULL;
    }
    if (!caption && img) {
        const char *alt = np__xml_attr(img, "alt");
        if (alt && *alt && !(caption = np__arena_strdup(o->c->doc->arena, alt)))
            o->err = NP_ENOMEM;
    }
    if (o->err || (!src && !caption && !credit))
        return;
    /* the same address twice (the lead image again) is one image */
    for (i = 0; src && i < o->c->doc->images.len; i++) {
        np__image *im = np__vec_at(&o->c->doc->images, i);
        if (im->src && strcmp(im->src, src) == 0) {
            if (!im->caption && caption)
                im->caption = caption;
            if (!im->credit && credit)
                im->credit = credit;
            o->last_image = (long)i;
            return;
        }
    }
    o->last_image = np__doc_add_image(o->c->doc, src, caption, credit);
    if (o->last_image < 0)
        o->err = NP_ENOMEM;
}

static int block_kind(int t, int inherited)
{
    if (inherited != NP_BLOCK_PARAGRAPH)
        return inherited;
    if (is_heading(t))
        return NP_BLOCK_HEADING;
    switch (t) {
    case T_LI: case T_DT: case T_DD: return NP_BLOCK_LIST_ITEM;
    case T_BLOCKQUOTE: return NP_BLOCK_BLOCKQUOTE;
    case T_PRE: return NP_BLOCK_PREFORMATTED;
    default: return NP_BLOCK_PARAGRAPH;
    }
}

/* A table inside the article is kept, data (results, statistics) or
 * layout alike, unless it is mostly links (a menu or a list of stories
 * laid out as a table) or a form. */
static int link_table(const np__node *n)
{
    return link_density(n) > 0.5f || n->n_input > 0;
}

static void emit(out *o, int32_t *i, int kind, size_t depth);

static void emit_children(out *o, xmlNode *n, int32_t *i, int kind, int pre,
                          size_t depth)
{
    xmlNode *k;
    for (k = n->children; k && !o->err; k = k->next) {
        if (k->type == XML_ELEMENT_NODE) {
            /* elements the index walk left out are not in the array: the
             * next index then names a later element */
            if (*i < (int32_t)o->w->nodes.len && NODE(o->w, *i)->node == k)
                emit(o, i, kind, depth + 1);
        } else if ((k->type == XML_TEXT_NODE || k->type == XML_CDATA_SECTION_NODE)
                   && k->content) {
            put_text(o, (const char *)k->content, pre);
        }
    }
}

static void emit(out *o, int32_t *i, int kind, size_t depth)
{
    np__node *n = NODE(o->w, *i);
    int32_t self = *i;
    int t = n->tag;
    int block = is_block(t);
    int k2;

    *i = self + 1;
    if (t == T_BR) {
        if (kind == NP_BLOCK_PREFORMATTED) {
            np__buf_putc(&o->cur, '\n');
        } else if (o->cur.len) {
            /* two breaks in a row end a paragraph */
            xmlNode *nx = n->node->next;
            while (nx && nx->type == XML_TEXT_NODE && nx->content
                   && strspn((const char *)nx->content, " \t\r\n") == strlen((const char *)nx->content))
                nx = nx->next;
            if (nx && nx->type == XML_ELEMENT_NODE && tag_id(nx->name) == T_BR)
                flush(o);
            else
                o->space = 1;
        }
        return;
    }
    if (t == T_IMG) {
        if (!(n->flags & F_FIGURE))
            add_image(o, n->node, NULL, NULL);
        return;
    }
    if (t == T_FIGURE || t == T_PICTURE) {
        const xmlNode *img = NULL, *cap = NULL, *credit = NULL;
        find_figure(n->node, &img, &cap, &credit, 0);
        add_image(o, img, cap, credit);
        *i = n->end;
        return;
    }
    if (t == T_FIGCAPTION) {
        const xmlNode *cap = n->node;
        if (o->last_image >= 0) {
            np__image *im = np__vec_at(&o->c->doc->images, (size_t)o->last_image);
            if (!im->caption)
                im->caption = node_text_dup(o, cap, NULL);
        }
        *i = n->end;
        return;
    }
    if (self != o->root) {
        int container = t == T_DIV || t == T_SECTION || t == T_UL || t == T_OL
            || t == T_TABLE || t == T_FORM || t == T_ASIDE || t == T_DL
            || t == T_HEADER || t == T_FOOTER || t == T_ARTICLE
            || t == T_CENTER;
        if (is_heading(t) && n->text && link_density(n) > 0.5f)
            o->link_heads++;
        const char *rule = NULL;
        if (n->flags & F_UNLIKELY)
            rule = "out:unlikely";
        else if ((n->flags & F_JUNKHINT) && t != T_P && t != T_BLOCKQUOTE
                 && (n->text < 300 || ((n->flags & F_BIGJUNK) && n->text < 1000)))
            rule = "out:junk-class";
        else if ((n->flags & F_BIGJUNK) && t == T_P && n->text < 300)
            rule = "out:junk-class-p";
        else if (container && most_of_root(o, n)
                 && NP_RULE_NODE("keep:most-of-root", n->node))
            ;   /* the article itself, not a part of it to clean */
        else if (t == T_ASIDE || t == T_FOOTER || t == T_FORM)
            rule = "out:aside-footer-form";
        else if (container && (rule = drop_container(o->w, n)) != NULL)
            ;
        else if (t == T_TABLE && link_table(n))
            rule = "out:link-table";
        else if (t == T_H1)
            rule = "out:h1";
        else if (is_heading(t) && n->text && link_density(n) > 0.5f)
            rule = "out:link-heading";
        else if (t == T_P && n->text < 300 && link_density(n) > 0.6f)
            rule = link_shows_address(n->node, 0) > 0
                && NP_RULE_NODE("keep:address-link", n->node) ? NULL : "out:link-paragraph";
        /* a cluster of links inside the text (a hover card, a list
         * of related stories in a span) */
        else if (!block && t != T_A && n->n_a >= 2 && link_density(n) > 0.8f)
            rule = "out:link-cluster";
        else if (t == T_HEADER && n->n_p == 0)
            rule = "out:header";
        if (rule && NP_RULE_NODE(rule, n->node)) {
            *i = n->end;
            return;
        }
    }
    k2 = block ? block_kind(t, kind) : kind;
    if (block)
        flush(o);
    if (t == T_A && promo_link(np__xml_attr(n->node, "href")))
        o->cur_promo = 1;
    {
        int saved = o->kind;
        int32_t saved_el = o->cur_el;
        if (block) {
            o->kind = k2;
            o->cur_el = self;
        }
        emit_children(o, n->node, i, k2, k2 == NP_BLOCK_PREFORMATTED, depth);
        if (block) {
            flush(o);
            o->kind = saved;
            o->cur_el = saved_el;
        }
    }
    *i = n->end;
}

/* ------------------------------------------------------------- main */

/* A press release ends with "About <Company>" and boilerplate on the
 * company: a short block "About X" in the last part of the article cuts
 * the rest. */
static void drop_about(np_document *d)
{
    size_t i, n = d->blocks.len;
    for (i = n / 2 + 1; i < n; i++) {
        np__block *b = np__vec_at(&d->blocks, i);
        size_t w = 0, k;
        if (b->len > 60 || b->len < 7 || strncmp(b->text, "About ", 6) != 0)
            continue;
        if (b->text[6] < 'A' || b->text[6] > 'Z')
            continue;
        for (k = 0; k < b->len; k++)
            if (b->text[k] == ' ')
                w++;
        if (w > 5 || b->text[b->len - 1] == '.')
            continue;
#ifdef NP_RULE_STATS
        {
            size_t k2;
            int on = 1;
            for (k2 = i; k2 < n && on; k2++) {
                np__block *x = np__vec_at(&d->blocks, k2);
                on = NP_RULE("post:about", x->text, x->len);
            }
            if (!on)
                return;
        }
#endif
        d->blocks.len = i;
        return;
    }
}

/* Whether a short paragraph reads as a label rather than a sentence:
 * under 60 bytes and eight words, no comma, digit or address (a source
 * that shows where it points stays), not ending like one ("Weitere
 * Artikel zum Thema", "Read these next:"). */
static int is_label(const np__block *b)
{
    size_t k, words = 1;
    if (b->kind != NP_BLOCK_PARAGRAPH || b->len == 0 || b->len >= 60
        || ends_like_sentence(b->text, b->len))
        return 0;
    for (k = 0; k < b->len; k++) {
        if (b->text[k] == ' ')
            words++;
        else if (strchr(",./@", b->text[k]) || (b->text[k] >= '0' && b->text[k] <= '9'))
            return 0;   /* a clause goes on, a figure or an address says
                         * something */
    }
    return words <= 8;
}

/* The article's last block is never a heading nor a label: one with
 * nothing after it heads something that was left out (a list of other
 * stories, a comment form). Never the whole body. */
static void drop_trailing_labels(np_document *d)
{
    while (d->blocks.len > 1) {
        np__block *b = np__vec_at(&d->blocks, d->blocks.len - 1);
        const char *rule = b->kind == NP_BLOCK_HEADING ? "post:last-heading"
            : is_label(b) ? "post:last-label" : NULL;
        if (!rule || !NP_RULE(rule, b->text, b->len))
            return;
        d->blocks.len--;
    }
}

/* The article never ends on an invitation to follow the site elsewhere:
 * while the last block that is neither a heading nor a label is a short
 * paragraph linking to the site's channels (promo_link: "Join our
 * Telegram channel", "download our apps for iOS and Android", a
 * newsletter form), it goes, with what follows it. Blocks from `first`
 * on are this attempt's; the first of them always stays. Returns the
 * characters dropped. */
static size_t drop_trailing_promo(np_document *d, size_t first, const np__vec *promo)
{
    size_t np = promo->len, dropped = 0;
    while (np > 0) {
        size_t i, at = *(const size_t *)np__vec_at(promo, np - 1);
        np__block *b;
        for (i = d->blocks.len; i > first; i--) {
            b = np__vec_at(&d->blocks, i - 1);
            if (b->kind != NP_BLOCK_HEADING && !is_label(b))
                break;
        }
        if (i == first || i - 1 != at || at == first)
            break;
        b = np__vec_at(&d->blocks, at);
        if (b->kind != NP_BLOCK_PARAGRAPH || !NP_RULE("post:trailing-promo", b->text, b->len))
            break;
        for (i = at; i < d->blocks.len; i++)
            dropped += ((np__block *)np__vec_at(&d->blocks, i))->len;
        d->blocks.len = at;
        np--;
    }
    return dropped;
}

static int run(np__ctx *c, xmlNode *root, int relax, size_t *chars_out,
               const xmlNode **ld, int *nld, int *noscripts)
{
    walk w;
    out o;
    int32_t top;
    int rc = NP_OK;
    size_t before;

    memset(&w, 0, sizeof w);
    np__vec_init(&w.nodes, sizeof(np__node));
    hints_init(&w.hints);
    w.relax = relax == 3 ? 1 : relax;
    w.densest = relax == 3;
    if (c->evidence_len >= 200) {
        w.ev = c->evidence;
        w.ev_len = c->evidence_len;
    }
    w.max_depth = c->parser && c->parser->opts.max_depth
        ? c->parser->opts.max_depth : 4096;
    index_element(&w, root, -1, -1, 0, 0);
    if (noscripts)
        *noscripts = w.noscripts;
    if (w.err) {
        np__vec_free(&w.nodes);
        return w.err;
    }
    if (ld) {
        int k;
        for (k = 0; k < w.nld; k++)
            ld[k] = w.ld[k];
        *nld = w.nld;
    }
    *chars_out = 0;
    if (w.nodes.len == 0) {
        np__vec_free(&w.nodes);
        return NP_OK;
    }
    sum_up(&w);
    score_nodes(&w);
    top = pick_top(&w);

    memset(&o, 0, sizeof o);
    o.c = c;
    o.w = &w;
    o.last_image = -1;
    o.kind = NP_BLOCK_PARAGRAPH;
    o.title = c->doc->meta[NP__TITLE];
    o.cur_el = -1;
    o.cur.ptr = NULL;
    o.cur.len = o.cur.cap = 0;
    o.cur.oom = 0;
    np__vec_init(&o.promo, sizeof(size_t));
    before = c->doc->blocks.len;

    if (top >= 0) {
        /* The top candidate and the siblings that belong with it. */
        int32_t parent = NODE(&w, top)->parent;
        float ts = NODE(&w, top)->score;
        float threshold = ts * 0.2f > 10.0f ? ts * 0.2f : 10.0f;
        const char *tcls = np__xml_attr(NODE(&w, top)->node, "class");
        if (parent < 0) {
            int32_t j = top;
            o.root = top;
            emit(&o, &j, NP_BLOCK_PARAGRAPH, 0);
        } else {
            int32_t j;
            for (j = parent + 1; j < NODE(&w, parent)->end && !o.err;) {
                np__node *s = NODE(&w, j);
                int32_t next = s->end;
                int take = j == top;
                /* another <article> is another story */
                int other_story = j != top && s->n_article > 0
                    && NODE(&w, top)->tag == T_ARTICLE;
                if (other_story && NP_RULE_NODE("sib:other-article", s->node)) {
                    j = next;
                    continue;
                }
                /* when the evidence chose the root, a sibling without
                 * any of its text is something else (a gallery) */
                if (!take && s->scored && !(w.by_evidence && s->ev == 0)) {
                    const char *scls = np__xml_attr(s->node, "class");
                    float bonus = (tcls && scls && *tcls && strcmp(tcls, scls) == 0)
                        ? ts * 0.2f : 0.0f;
                    if (s->score + bonus >= threshold)
                        take = NP_RULE_NODE("sib:score", s->node);
                }
                if (!take && s->tag == T_P) {
                    float dens = link_density(s);
                    if (s->text > 80 && dens < 0.25f)
                        take = NP_RULE_NODE("sib:prose-p", s->node);
                    else if (s->text > 0 && s->text <= 80 && dens == 0.0f
                             && s->commas > 0)
                        take = NP_RULE_NODE("sib:short-p", s->node);
                }
                if (take) {
                    int32_t k = j;
                    o.root = j;
                    emit(&o, &k, NP_BLOCK_PARAGRAPH, 0);
                }
                j = next;
            }
        }
    }
    flush(&o);
    np__buf_free(&o.cur);
    if (o.err)
        rc = o.err;
    else
        o.chars -= drop_trailing_promo(c->doc, before, &o.promo);
    np__vec_free(&o.promo);
    *chars_out = o.chars;
    /* a listing: headlines that are links, each with a line or two */
    if (o.link_heads >= 4 && o.link_heads >= o.paras
        && NP_RULE("post:listing", NULL, 0))
        *chars_out = 0;
    np__vec_free(&w.nodes);
    return rc;
}

/* A JSON-LD articleBody is the body when the page's markup gave none (a
 * page drawn by scripts): one paragraph per line. */
static int use_ld_body(np__ctx *c, const xmlNode **ld, int nld, size_t *chars,
                       size_t min)
{
    np_document *d = c->doc;
    np__buf body = NP__BUF_INIT;
    int k, r = 0, rc = NP_OK;
    for (k = 0; k < nld && r == 0; k++)
        r = np__jsonld_article_body(ld[k], &body);
    if (r < 0) {
        np__buf_free(&body);
        return NP_ENOMEM;
    }
    if (r == 0 || body.len < 300 || body.len < min) {
        np__buf_free(&body);
        return NP_OK;
    }
    {
        size_t i = 0, n = body.len;
        const char *s = body.ptr;
        d->blocks.len = 0;
        *chars = 0;
        while (i < n) {
            const char *nl = memchr(s + i, '\n', n - i);
            size_t e = nl ? (size_t)(nl - s) : n, b = i;
            while (b < e && np__isspace((unsigned char)s[b]))
                b++;
            while (e > b && np__isspace((unsigned char)s[e - 1]))
                e--;
            if (e > b && memchr(s + b, '<', e - b) == NULL) {
                if (np__doc_add_block(d, NP_BLOCK_PARAGRAPH, s + b, e - b) < 0) {
                    rc = NP_ENOMEM;
                    break;
                }
                *chars += e - b;
            }
            i = (nl ? (size_t)(nl - s) : n) + 1;
        }
    }
    np__buf_free(&body);
    return rc;
}

/* Finds the first img under n whose address resolves to `want`. */
static const xmlNode *find_img(out *o, const xmlNode *n, const char *want,
                               size_t depth)
{
    const xmlNode *k, *r;
    int t;
    if (depth > 256)
        return NULL;
    for (k = n->children; k; k = k->next) {
        if (k->type != XML_ELEMENT_NODE)
            continue;
        t = tag_id(k->name);
        if (t == T_IMG) {
            const char *src = img_src(k);
            char *abs = src ? resolve(o, src) : NULL;
            if (abs && strcmp(abs, want) == 0)
                return k;
        } else if (!is_dropped(t) && (r = find_img(o, k, want, depth + 1))) {
            return r;
        }
    }
    return NULL;
}

/* The lead image (from the metadata) first in the image list, with the
 * caption and credit of its figure wherever that is on the page. */
static int lead_image(np__ctx *c, xmlNode *body)
{
    np_document *d = c->doc;
    const char *lead = d->meta[NP__IMAGE];
    np__image *im;
    size_t i, at = d->images.len;
    out o;
    if (!lead)
        return NP_OK;
    for (i = 0; i < d->images.len; i++) {
        im = np__vec_at(&d->images, i);
        if (im->src && strcmp(im->src, lead) == 0) {
            at = i;
            break;
        }
    }
    memset(&o, 0, sizeof o);
    o.c = c;
    o.last_image = -1;
    if (at == d->images.len || !((np__image *)np__vec_at(&d->images, at))->caption) {
        const xmlNode *img = find_img(&o, body, lead, 0);
        if (img) {
            const xmlNode *fig = img->parent, *cap = NULL, *credit = NULL, *im2 = NULL;
            size_t up;
            for (up = 0; fig && up < 4 && fig->type == XML_ELEMENT_NODE; up++, fig = fig->parent)
                if (tag_id(fig->name) == T_FIGURE)
                    break;
            if (fig && fig->type == XML_ELEMENT_NODE && tag_id(fig->name) == T_FIGURE)
                find_figure(fig, &im2, &cap, &credit, 0);
            add_image(&o, img, cap, credit);
        } else if (at == d->images.len
                   && np__doc_add_image(d, lead, NULL, NULL) < 0) {
            return NP_ENOMEM;
        }
        if (o.err)
            return o.err;
        for (i = 0; i < d->images.len; i++) {
            im = np__vec_at(&d->images, i);
            if (im->src && strcmp(im->src, lead) == 0) {
                at = i;
                break;
            }
        }
    }
    if (at > 0 && at < d->images.len) {
        np__image first = *(np__image *)np__vec_at(&d->images, at);
        np__image *v = d->images.ptr;
        memmove(v + 1, v, at * sizeof *v);
        v[0] = first;
    }
    return NP_OK;
}

/* Another attempt at the page, pass `pass` of run(), when the earlier
 * ones gave only *chars characters. Its blocks replace theirs when it
 * gives at least `min` characters (and, with `twice`, over twice as
 * many and a hundred more) and the rule `rule` is on; *chars is then
 * what it gave. Otherwise its blocks are taken back, and its images too
 * with `drop_images`. */
static int attempt(np__ctx *c, xmlNode *body, int pass, size_t *chars,
                   size_t min, int twice, int drop_images, const char *rule)
{
    size_t before = c->doc->blocks.len, images = c->doc->images.len, got = 0;
    int rc = run(c, body, pass, &got, NULL, NULL, NULL);

    (void)rule;     /* read only when rule statistics are built in */
    if (rc != NP_OK)
        return rc;
    if (got >= min && (!twice || got > *chars * 2 + 100) && NP_RULE(rule, NULL, 0)) {
        np__block *b = c->doc->blocks.ptr;
        size_t n = c->doc->blocks.len - before;
        memmove(b, b + before, n * sizeof *b);
        c->doc->blocks.len = n;
        *chars = got;
    } else {
        c->doc->blocks.len = before;
        if (drop_images)
            c->doc->images.len = images;
    }
    return NP_OK;
}

int np__extract_html(np__ctx *c, void *tree)
{
    xmlDoc *doc = tree;
    xmlNode *root, *body = NULL, *k;
    size_t chars = 0;
    const xmlNode *ld[NP__MAX_LD];
    int nld = 0, noscripts = 0, rc;

    c->doc->is_article = 0;
    if (!doc)
        return NP_OK;
    root = xmlDocGetRootElement(doc);
    if (!root)
        return NP_OK;
    for (k = root->children; k; k = k->next)
        if (k->type == XML_ELEMENT_NODE && tag_id(k->name) == T_BODY)
            body = k;
    if (!body)
        body = root;

    rc = run(c, body, 0, &chars, ld, &nld, &noscripts);
    if (rc != NP_OK)
        return rc;
    if (chars < 500) {
        /* Too little: try again keeping what class names called
         * boilerplate. */
        rc = attempt(c, body, 1, &chars, 0, 1, 0, "pass:relaxed");
        if (rc != NP_OK)
            return rc;
    }
    if (chars < 140 && noscripts > 0) {
        /* Next to nothing, and the page has noscript elements: a page
         * that draws its article by script may give the same text to
         * browsers without scripts in one. */
        rc = attempt(c, body, 2, &chars, 140, 1, 1, "pass:noscript");
        if (rc != NP_OK)
            return rc;
    }
    if (chars < 140) {
        /* Still next to nothing: the block of most prose, if the page
         * shows some. */
        rc = attempt(c, body, 3, &chars, 140, 0, 1, "pass:densest");
        if (rc != NP_OK)
            return rc;
    }
    drop_about(c->doc);
    drop_trailing_labels(c->doc);
    if ((rc = lead_image(c, body)) != NP_OK)
        return rc;
    /* No article in the markup: a JSON-LD articleBody may hold it. The
     * scripts of the <head> are looked up here (those of the body were
     * met by the index walk). */
    if (chars < 500) {
        for (k = root->children; k && nld < NP__MAX_LD; k = k->next) {
            xmlNode *h;
            if (k->type != XML_ELEMENT_NODE || tag_id(k->name) != T_HEAD)
                continue;
            for (h = k->children; h && nld < NP__MAX_LD; h = h->next) {
                const char *type;
                if (h->type != XML_ELEMENT_NODE || tag_id(h->name) != T_SCRIPT)
                    continue;
                type = np__xml_attr(h, "type");
                if (type && strstr(type, "ld+json"))
                    ld[nld++] = h;
            }
        }
        if (nld > 0 && NP_RULE("post:jsonld-body", NULL, 0)
            && (rc = use_ld_body(c, ld, nld, &chars, chars < 140 ? 0 : 3 * chars)) != NP_OK)
            return rc;
    }
    /* Without a summary in the page's metadata, the first paragraph
     * stands for it (even on a page too short to be an article). */
    if (!c->doc->meta[NP__DESCRIPTION]) {
        size_t i;
        for (i = 0; i < c->doc->blocks.len; i++) {
            np__block *b = np__vec_at(&c->doc->blocks, i);
            if (b->kind != NP_BLOCK_PARAGRAPH)
                continue;
            if (np__doc_set(c->doc, NP__DESCRIPTION, b->text, b->len, "body") != NP_OK)
                return NP_ENOMEM;
            break;
        }
    }
    /* an error page ("404", "Page not found") says so in its title */
    if (chars < 1000 && c->doc->meta[NP__TITLE]) {
        const char *t = c->doc->meta[NP__TITLE];
        size_t tl = strlen(t);
        if (np__text_prefix_ci(t, tl, "404") || np__text_prefix_ci(t, tl, "error 404")
            || np__text_prefix_ci(t, tl, "not found") || np__text_prefix_ci(t, tl, "error 50")
            || np__text_contains_ci(t, tl, "page not found") || np__text_contains_ci(t, tl, "404 not found")
            || np__text_contains_ci(t, tl, "page unavailable"))
            chars = NP_RULE("post:error-page", t, tl) ? 0 : chars;
    }
    if (chars >= 140 || (c->doc->blocks.len && !NP_RULE("post:too-short", NULL, 0)))
        c->doc->is_article = 1;
    else
        c->doc->blocks.len = 0;
    return NP_OK;
}

/*
 * Metadata from a libxml2 tree.
 *
 * One walk over the tree gathers every source at once: <html lang>,
 * <title>, the first <h1>, <meta> tags (OpenGraph, Twitter, Dublin Core,
 * Parse.ly, plain names, itemprop), <link rel=canonical|image_src>, JSON-LD
 * scripts (parsed with jansson as they are met), microdata itemprops,
 * <time datetime> and the first byline-looking element. Each field is
 * then taken from the best source present, in the order documented in
 * docs/extraction.md. Broken JSON-LD is ignored.
 */
#include <stdio.h>
#include <string.h>

#include <jansson.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/uri.h>
#include <unicode/unorm2.h>
#include <unicode/utf8.h>

#include "util/util.h"
#include "doc/context.h"
#include "load/load.h"
#include "meta/meta.h"
#include "data/bylines.h"
#include "data/ner_lexicon.h"
#include "data/calendar.h"

/* ------------------------------------------------------- meta keys */

enum {
    K_DC_TITLE, K_DCTERM_TITLE, K_OG_TITLE, K_TITLE, K_TW_TITLE,
    K_PARSELY_TITLE, K_WEIBO_TITLE,
    K_DC_CREATOR, K_DCTERM_CREATOR, K_AUTHOR, K_PARSELY_AUTHOR,
    K_ARTICLE_AUTHOR, K_SAILTHRU_AUTHOR, K_BYL,
    K_DC_DESC, K_DCTERM_DESC, K_OG_DESC, K_WEIBO_DESC, K_DESC, K_TW_DESC,
    K_OG_SITE, K_APP_NAME,
    K_PUBLISHED, K_PARSELY_PUB, K_OG_PUBLISHED, K_IP_PUBLISHED,
    K_DATE_PUBLISHED, K_PUBDATE, K_PUBLISH_DATE, K_DC_DATE, K_DCTERM_DATE,
    K_CITATION_DATE, K_SAILTHRU_DATE, K_DATE,
    K_MODIFIED, K_OG_UPDATED, K_IP_MODIFIED, K_DCTERM_MODIFIED,
    K_OG_IMAGE, K_TW_IMAGE, K_TW_IMAGE_SRC, K_IP_IMAGE,
    K_OG_URL,
    K_CONTENT_LANGUAGE, K_DC_LANGUAGE, K_LANGUAGE, K_OG_LOCALE,
    K_OG_TYPE,
    K_IP_HEADLINE, K_IP_AUTHOR, K_IP_DESC,
    NK
};

typedef struct keyname { const char *name; int key; } keyname;

/* Normalised names: lower case, spaces removed, '.' read as ':'. */
static const keyname np__keys[] = {
    {"application-name", K_APP_NAME},
    {"article:author", K_ARTICLE_AUTHOR},
    {"article:modified", K_MODIFIED},
    {"article:modified_time", K_MODIFIED},
    {"article:published", K_PUBLISHED},
    {"article:published_time", K_PUBLISHED},
    {"author", K_AUTHOR},
    {"byl", K_BYL},
    {"citation_date", K_CITATION_DATE},
    {"citation_publication_date", K_CITATION_DATE},
    {"content-language", K_CONTENT_LANGUAGE},
    {"date", K_DATE},
    {"dc:creator", K_DC_CREATOR},
    {"dc:date", K_DC_DATE},
    {"dc:date:issued", K_DC_DATE},
    {"dc:description", K_DC_DESC},
    {"dc:language", K_DC_LANGUAGE},
    {"dc:title", K_DC_TITLE},
    {"dcterm:created", K_DCTERM_DATE},
    {"dcterm:creator", K_DCTERM_CREATOR},
    {"dcterm:date", K_DCTERM_DATE},
    {"dcterm:description", K_DCTERM_DESC},
    {"dcterm:issued", K_DCTERM_DATE},
    {"dcterm:modified", K_DCTERM_MODIFIED},
    {"dcterm:title", K_DCTERM_TITLE},
    {"dcterms:created", K_DCTERM_DATE},
    {"dcterms:creator", K_DCTERM_CREATOR},
    {"dcterms:date", K_DCTERM_DATE},
    {"dcterms:description", K_DCTERM_DESC},
    {"dcterms:issued", K_DCTERM_DATE},
    {"dcterms:modified", K_DCTERM_MODIFIED},
    {"dcterms:title", K_DCTERM_TITLE},
    {"description", K_DESC},
    {"itemprop:author", K_IP_AUTHOR},
    {"itemprop:datecreated", K_IP_PUBLISHED},
    {"itemprop:datemodified", K_IP_MODIFIED},
    {"itemprop:datepublished", K_IP_PUBLISHED},
    {"itemprop:description", K_IP_DESC},
    {"itemprop:headline", K_IP_HEADLINE},
    {"itemprop:image", K_IP_IMAGE},
    {"itemprop:thumbnailurl", K_IP_IMAGE},
    {"language", K_LANGUAGE},
    {"og:article:author", K_ARTICLE_AUTHOR},
    {"og:article:modified_time", K_MODIFIED},
    {"og:article:published_time", K_OG_PUBLISHED},
    {"og:description", K_OG_DESC},
    {"og:image", K_OG_IMAGE},
    {"og:image:secure_url", K_OG_IMAGE},
    {"og:image:url", K_OG_IMAGE},
    {"og:locale", K_OG_LOCALE},
    {"og:published_time", K_OG_PUBLISHED},
    {"og:site_name", K_OG_SITE},
    {"og:title", K_OG_TITLE},
    {"og:type", K_OG_TYPE},
    {"og:updated_time", K_OG_UPDATED},
    {"og:url", K_OG_URL},
    {"parsely-author", K_PARSELY_AUTHOR},
    {"parsely-pub-date", K_PARSELY_PUB},
    {"parsely-title", K_PARSELY_TITLE},
    {"pubdate", K_PUBDATE},
    {"publish-date", K_PUBLISH_DATE},
    {"publish_date", K_PUBLISH_DATE},
    {"publishdate", K_PUBLISH_DATE},
    {"published_time", K_DATE_PUBLISHED},
    {"publication_date", K_PUBLISH_DATE},
    {"sailthru:author", K_SAILTHRU_AUTHOR},
    {"sailthru:date", K_SAILTHRU_DATE},
    {"title", K_TITLE},
    {"twitter:description", K_TW_DESC},
    {"twitter:image", K_TW_IMAGE},
    {"twitter:image:src", K_TW_IMAGE_SRC},
    {"twitter:title", K_TW_TITLE},
    {"weibo:article:description", K_WEIBO_DESC},
    {"weibo:article:title", K_WEIBO_TITLE},
    {"weibo:webpage:description", K_WEIBO_DESC},
    {"weibo:webpage:title", K_WEIBO_TITLE},
};

static int key_of(const char *name)
{
    size_t lo = 0, hi = sizeof np__keys / sizeof np__keys[0];
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(name, np__keys[mid].name);
        if (c == 0)
            return np__keys[mid].key;
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return -1;
}

/* The source name written for a key (static). */
static const char *key_source(int k)
{
    size_t i;
    for (i = 0; i < sizeof np__keys / sizeof np__keys[0]; i++)
        if (np__keys[i].key == k)
            return np__keys[i].name;
    return "meta";
}

/* ---------------------------------------------------------- state */

typedef struct jsonld {
    char *title, *name, *headline, *description, *published, *modified;
    char *site, *image, *url, *language;
    np__vec authors;     /* char * (arena) */
    uint32_t orgs;       /* bit i: author i is typed as an organisation */
    int found;
} jsonld;

/* A list of at most 32 words (ASCII, each starting with a letter) with
 * its table of letter pairs: which letters begin a word, and for each
 * such letter, which classes of character may follow it; and the words'
 * indexes by first letter (those of letter a in order[start[a] ..
 * start[a + 1])). */
typedef struct word_set {
    const char *const *words;
    uint32_t first, second[26];
    unsigned char start[27], order[32];
} word_set;

typedef struct meta {
    np__ctx *c;
    np__arena *arena;
    const char *val[NK];        /* borrowed from the tree */
    const char *src[NK];        /* the attribute name it came from */
    const char *lang;
    const xmlNode *title_el;
    const xmlNode *h1;
    const xmlNode *bylines[8];  /* first byline-looking elements */
    size_t nbylines;
    const xmlNode *bylines2[4]; /* first with "autor", "auteur" in class or id */
    size_t nbylines2;
    const xmlNode *rel_author;  /* first <a rel=author> */
    const char *time_pub;       /* <time datetime> marked as publication */
    const char *time_any;       /* first <time datetime> */
    const char *time_text;      /* text of the first <time> without one */
    const char *time_byline;    /* first <time datetime> inside a byline */
    const char *time_mod;       /* first <time datetime> said to be an update */
    const char *time_text_mod;  /* text of a <time> said to be an update */
    const xmlNode *by_text;     /* an element reading "By Jane Doe" after the <h1> */
    const xmlNode *by_label;    /* an element reading "Autor" alone, the name after it */
    const xmlNode *by_far;      /* "Escrito por Jane Doe" far from the headline */
    np__vec far;                /* the elements that may be by_far, in
                                 * document order, tested only when needed */
    int far_done;               /* far tested: by_far is final */
    const xmlNode *date_line;   /* a short element after the <h1> that is a date */
    const xmlNode *date_label;  /* an element reading "Datum:" alone, the date after it */
    const xmlNode *dateboxes[6];/* short byline or date elements */
    const xmlNode *date_part;   /* a date element too short for a whole date */
    size_t ndateboxes;
    size_t after_h1;            /* elements met since the headline */
    const xmlNode *head;        /* the headline: the first <h1>, or in a
                                 * page without one the <h2> or <h3> that
                                 * the title holds */
    int no_h1;                  /* the page has no <h1> */
    int in_figure;              /* <figure> or <figcaption> elements open */
    int in_quote;               /* <blockquote> elements open (embedded posts) */
    int noise;                  /* inside comments, related stories, ... */
    int comments;               /* inside comments */
    int in_byline;              /* inside a byline element */
    const char *canonical;
    const char *image_src;
    jsonld ld;
    json_t *art[8];             /* JSON-LD article objects met (a reference each) */
    size_t nart;
    np__buf evidence;           /* the article's own text in JSON-LD */
    int err;
    size_t max_depth;
    word_set hints;             /* hint_words */
} meta;

static char *adup(meta *m, const char *s)
{
    char *r;
    if (!s)
        return NULL;
    r = np__arena_strdup(m->arena, s);
    if (!r)
        m->err = NP_ENOMEM;
    return r;
}

/* A copy of text from JSON-LD, references decoded and spaces folded
 * (np__meta_text), or NULL. */
static char *adup_text(meta *m, const char *s)
{
    np__buf b = NP__BUF_INIT;
    char *r;
    if (!s)
        return NULL;
    if (np__meta_text(s, strlen(s), &b) != NP_OK) {
        np__buf_free(&b);
        m->err = NP_ENOMEM;
        return NULL;
    }
    r = adup(m, np__buf_cstr(&b));
    np__buf_free(&b);
    return r;
}

/* ---------------------------------------------------------- JSON-LD */

static int is_article_type(const char *t)
{
    static const char *const ends[] = {"Article", "Posting", NULL};
    size_t n, i;
    if (!t)
        return 0;
    n = strlen(t);
    for (i = 0; ends[i]; i++) {
        size_t k = strlen(ends[i]);
        if (n >= k && strcmp(t + n - k, ends[i]) == 0)
            return 1;
    }
    return strcmp(t, "Report") == 0 || strcmp(t, "APIReference") == 0;
}

static int has_article_type(json_t *o)
{
    json_t *t = json_object_get(o, "@type");
    size_t i;
    json_t *v;
    if (json_is_string(t))
        return is_article_type(json_string_value(t));
    if (json_is_array(t)) {
        json_array_foreach(t, i, v)
            if (json_is_string(v) && is_article_type(json_string_value(v)))
                return 1;
    }
    return 0;
}

static json_t *find_article(json_t *v, int depth)
{
    size_t i;
    json_t *e, *r;
    if (depth > 8 || !v)
        return NULL;
    if (json_is_array(v)) {
        json_array_foreach(v, i, e)
            if ((r = find_article(e, depth + 1)))
                return r;
        return NULL;
    }
    if (!json_is_object(v))
        return NULL;
    if (has_article_type(v))
        return v;
    if ((r = find_article(json_object_get(v, "@graph"), depth + 1)))
        return r;
    if ((r = find_article(json_object_get(v, "mainEntity"), depth + 1)))
        return r;
    return NULL;
}

static const char *jstr(json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

/* A name out of a string, an object with "name", or the first of an
 * array. */
static const char *jname(json_t *v)
{
    if (json_is_string(v))
        return json_string_value(v);
    if (json_is_object(v))
        return jstr(v, "name");
    if (json_is_array(v) && json_array_size(v) > 0)
        return jname(json_array_get(v, 0));
    return NULL;
}

/* An address out of a string, an object with "url" or "@id", or the
 * first of an array. */
static const char *jurl(json_t *v)
{
    if (json_is_string(v))
        return json_string_value(v);
    if (json_is_object(v)) {
        const char *u = jstr(v, "url");
        return u ? u : jstr(v, "@id");
    }
    if (json_is_array(v) && json_array_size(v) > 0)
        return jurl(json_array_get(v, 0));
    return NULL;
}

static void ld_author(meta *m, json_t *a)
{
    const char *nm = NULL;
    char **slot;
    if (json_is_array(a)) {
        size_t i;
        json_t *e;
        json_array_foreach(a, i, e)
            ld_author(m, e);
        return;
    }
    if (json_is_string(a))
        nm = json_string_value(a);
    else if (json_is_object(a))
        nm = jstr(a, "name");
    if (!nm || !*nm)
        return;
    if (json_is_object(a)) {
        /* "Organization", "NewsMediaOrganization", "Organisation" */
        const char *t = jstr(a, "@type");
        if (t && (strstr(t, "Organization") || strstr(t, "Organisation")))
            m->ld.orgs |= m->ld.authors.len < 32 ? 1u << m->ld.authors.len : 0;
    }
    slot = np__vec_push(&m->ld.authors);
    if (!slot) {
        m->err = NP_ENOMEM;
        return;
    }
    *slot = adup(m, nm);
}

/* Whether a name is a host name ("example.de", "news.example.co.uk"):
 * one word, a dot, and a last part of two to four letters. */
static int host_name(const char *s)
{
    const char *dot = strrchr(s, '.');
    size_t k;
    if (!dot || dot == s || strchr(s, ' '))
        return 0;
    for (k = 1; dot[k]; k++)
        if (!np__isalpha((unsigned char)dot[k]))
            return 0;
    return k >= 3 && k <= 5;
}

/* Whether every JSON-LD author is an organisation: typed so, or named as
 * the publisher or the site, or a host name. */
static int ld_orgs_only(meta *m)
{
    size_t i;
    for (i = 0; i < m->ld.authors.len; i++) {
        const char *a = ((char **)m->ld.authors.ptr)[i];
        np__buf b = NP__BUF_INIT;
        int org = i < 32 && (m->ld.orgs >> i) & 1u;
        if (!org && a) {
            np__meta_text(a, strlen(a), &b);
            org = (m->ld.site && np__ascii_casecmp(np__buf_cstr(&b), m->ld.site) == 0)
                || (m->val[K_OG_SITE]
                    && np__ascii_casecmp(np__buf_cstr(&b), m->val[K_OG_SITE]) == 0)
                || host_name(np__buf_cstr(&b));
            np__buf_free(&b);
        }
        if (!org)
            return 0;
    }
    return m->ld.authors.len > 0;
}

static void ld_take(meta *m, json_t *o)
{
    jsonld *ld = &m->ld;
    json_t *pub;
    ld->found = 1;
    ld->name = adup_text(m, jstr(o, "name"));
    ld->headline = adup_text(m, jstr(o, "headline"));
    ld->description = adup_text(m, jstr(o, "description"));
    ld->published = adup(m, jstr(o, "datePublished"));
    if (!ld->published)
        ld->published = adup(m, jstr(o, "dateCreated"));
    ld->modified = adup(m, jstr(o, "dateModified"));
    pub = json_object_get(o, "publisher");
    ld->site = adup_text(m, jname(pub));
    ld->image = adup(m, jurl(json_object_get(o, "image")));
    ld->url = adup(m, jurl(json_object_get(o, "mainEntityOfPage")));
    if (!ld->url || strncmp(ld->url, "http", 4) != 0)
        ld->url = adup(m, jstr(o, "url"));
    ld->language = adup_text(m, jname(json_object_get(o, "inLanguage")));
    ld_author(m, json_object_get(o, "author"));
    if (m->ld.authors.len == 0)
        ld_author(m, json_object_get(o, "creator"));
}

/* Pages often put raw line breaks and tabs inside JSON strings, which
 * JSON forbids: inside a string a line break becomes "\\n" and other
 * control characters a space, so that such scripts still parse. */
static void json_sanitize(const char *s, size_t n, np__buf *out)
{
    size_t i, from = 0;
    int in_str = 0, esc = 0;
    for (i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (in_str) {
            if (esc) {
                esc = 0;
            } else if (ch == '\\') {
                esc = 1;
            } else if (ch == '"') {
                in_str = 0;
            } else if (ch < 0x20) {
                np__buf_put(out, s + from, i - from);
                np__buf_puts(out, ch == '\n' ? "\\n" : " ");
                from = i + 1;
            }
        } else if (ch == '"') {
            in_str = 1;
        }
    }
    np__buf_put(out, s + from, n - from);
}

/* The JSON text of a script, unwrapped and made parseable, in out. */
static int script_json(const xmlNode *script, np__buf *out)
{
    np__buf b = NP__BUF_INIT;
    const xmlNode *k;
    const char *s;
    size_t n;
    for (k = script->children; k; k = k->next)
        if (k->content)
            np__buf_puts(&b, (const char *)k->content);
    s = np__buf_cstr(&b);
    n = b.len;
    while (n && np__isspace((unsigned char)*s)) {
        s++;
        n--;
    }
    if (n >= 9 && memcmp(s, "<![CDATA[", 9) == 0) {
        s += 9;
        n -= 9;
    }
    while (n && np__isspace((unsigned char)s[n - 1]))
        n--;
    if (n >= 3 && memcmp(s + n - 3, "]]>", 3) == 0)
        n -= 3;
    json_sanitize(s, n, out);
    np__buf_cstr(out);
    if (b.oom)
        out->oom = 1;
    np__buf_free(&b);
    return out->oom ? NP_ENOMEM : NP_OK;
}

/* Every article object of a JSON-LD value (as find_article walks it),
 * kept with a reference, up to the room there is. */
static void collect_articles(meta *m, json_t *v, int depth)
{
    size_t i;
    json_t *e;
    if (depth > 8 || !v || m->nart >= sizeof m->art / sizeof m->art[0])
        return;
    if (json_is_array(v)) {
        json_array_foreach(v, i, e)
            collect_articles(m, e, depth + 1);
        return;
    }
    if (!json_is_object(v))
        return;
    if (has_article_type(v)) {
        m->art[m->nart++] = json_incref(v);
        return;
    }
    collect_articles(m, json_object_get(v, "@graph"), depth + 1);
    collect_articles(m, json_object_get(v, "mainEntity"), depth + 1);
}

#define NP__MAX_EVIDENCE ((size_t)256 * 1024)

/* Appends a string of the article's own text to the evidence, its
 * whitespace folded, a line of its own. */
static void evidence_put(np__buf *e, const char *s)
{
    int space = 0;
    if (e->len >= NP__MAX_EVIDENCE)
        return;
    for (; *s && e->len < NP__MAX_EVIDENCE; s++) {
        if (np__isspace((unsigned char)*s)) {
            space = 1;
            continue;
        }
        if (space && e->len && e->ptr[e->len - 1] != '\n')
            np__buf_putc(e, ' ');
        space = 0;
        np__buf_putc(e, *s);
    }
    if (e->len && e->ptr[e->len - 1] != '\n')
        np__buf_putc(e, '\n');
}

/* The text JSON-LD gives of the article's own body: an articleBody, a
 * recipe's ingredients and instructions, a how-to's steps (strings, or
 * objects whose text or items hold them). `in` is set under such a key. */
static void ld_evidence(np__buf *e, json_t *v, int in, int depth)
{
    size_t i;
    const char *key;
    json_t *x;
    if (depth > 12 || !v)
        return;
    if (json_is_string(v)) {
        if (in)
            evidence_put(e, json_string_value(v));
        return;
    }
    if (json_is_array(v)) {
        json_array_foreach(v, i, x)
            ld_evidence(e, x, in, depth + 1);
        return;
    }
    if (!json_is_object(v))
        return;
    json_object_foreach(v, key, x) {
        int body = strcmp(key, "articleBody") == 0
            || strcmp(key, "recipeIngredient") == 0
            || strcmp(key, "recipeInstructions") == 0
            || strcmp(key, "step") == 0;
        if (body || (in ? strcmp(key, "text") == 0
                          || strcmp(key, "itemListElement") == 0
                        : json_is_object(x) || json_is_array(x)))
            ld_evidence(e, x, in || body, depth + 1);
    }
}

static void ld_script(meta *m, const xmlNode *script)
{
    np__buf b = NP__BUF_INIT;
    json_t *root;
    json_error_t jerr;

    if (script_json(script, &b) != NP_OK) {
        m->err = NP_ENOMEM;
        np__buf_free(&b);
        return;
    }
    root = b.len ? json_loadb(b.ptr, b.len, JSON_DECODE_ANY | JSON_ALLOW_NUL, &jerr) : NULL;
    if (root) {
        collect_articles(m, root, 0);
        ld_evidence(&m->evidence, root, 0, 0);
        if (m->evidence.oom)
            m->err = NP_ENOMEM;
        json_decref(root);
    }
    np__buf_free(&b);
}

/* Whether two addresses name the same page: equal once the scheme,
 * "www.", a trailing slash, the query and the fragment are set aside. */
static int same_page(const char *a, const char *b)
{
    size_t na, nb;
    if (!a || !b)
        return 0;
    a = strstr(a, "://") ? strstr(a, "://") + 3 : a;
    b = strstr(b, "://") ? strstr(b, "://") + 3 : b;
    if (strncmp(a, "www.", 4) == 0)
        a += 4;
    if (strncmp(b, "www.", 4) == 0)
        b += 4;
    na = strcspn(a, "?#");
    nb = strcspn(b, "?#");
    while (na && a[na - 1] == '/')
        na--;
    while (nb && b[nb - 1] == '/')
        nb--;
    return na > 0 && na == nb && memcmp(a, b, na) == 0;
}

/* The article the page is about, when JSON-LD describes several (the
 * page's own and listed or related ones): the one whose address is the
 * page's, else the one whose headline the page's title holds, else the
 * first. Its fields are then taken. */
static void ld_choose(meta *m, const char *title)
{
    size_t i, best = 0;
    int found = 0;
    const char *page = m->canonical ? m->canonical : m->val[K_OG_URL];
    if (m->nart == 0)
        return;
    for (i = 0; i < m->nart && !found && page; i++) {
        json_t *o = m->art[i];
        if (same_page(jurl(json_object_get(o, "mainEntityOfPage")), page)
            || same_page(jstr(o, "url"), page) || same_page(jstr(o, "@id"), page)) {
            best = i;
            found = 1;
        }
    }
    for (i = 0; i < m->nart && !found && title; i++) {
        const char *h = jstr(m->art[i], "headline");
        if (!h)
            h = jstr(m->art[i], "name");
        if (h && strlen(h) >= 8 && strstr(title, h)) {
            best = i;
            found = 1;
        }
    }
    ld_take(m, m->art[best]);
}

/* The "articleBody" of the article a JSON-LD script describes, appended
 * to out; 1 when found, 0 when not, NP_ENOMEM. */
int np__jsonld_article_body(const void *script, np__buf *out)
{
    np__buf b = NP__BUF_INIT;
    json_t *root, *art, *body;
    json_error_t jerr;
    int found = 0;

    if (script_json(script, &b) != NP_OK) {
        np__buf_free(&b);
        return NP_ENOMEM;
    }
    root = b.len ? json_loadb(b.ptr, b.len, JSON_DECODE_ANY | JSON_ALLOW_NUL, &jerr) : NULL;
    if (root) {
        art = find_article(root, 0);
        body = art ? json_object_get(art, "articleBody") : NULL;
        if (json_is_string(body) && json_string_length(body) > 0) {
            np__buf_put(out, json_string_value(body), json_string_length(body));
            found = out->oom ? NP_ENOMEM : 1;
        }
        json_decref(root);
    }
    np__buf_free(&b);
    return found;
}

/* ------------------------------------------------------------ walk */

/* Normalises a meta name: lower case, no spaces, '.' as ':'. */
static void norm_key(char *out, size_t cap, const char *s, size_t n)
{
    size_t i, k = 0;
    for (i = 0; i < n && k + 1 < cap; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (np__isspace(ch))
            continue;
        out[k++] = ch == '.' ? ':' : (char)np__tolower(ch);
    }
    out[k] = '\0';
}

static void set_key(meta *m, const char *name, size_t n, const char *content,
                    const char *prefix)
{
    char key[96];
    int k;
    size_t pl = prefix ? strlen(prefix) : 0;
    if (n == 0 || n + pl + 1 >= sizeof key)
        return;
    if (prefix)
        memcpy(key, prefix, pl);
    norm_key(key + pl, sizeof key - pl, name, n);
    k = key_of(key);
    if (k < 0)
        return;
    /* images: the first is the lead one; other keys: the last wins, as
     * a page's later, more specific tags override its defaults */
    if ((k == K_OG_IMAGE || k == K_TW_IMAGE || k == K_TW_IMAGE_SRC
         || k == K_IP_IMAGE || k == K_ARTICLE_AUTHOR) && m->val[k])
        return;
    m->val[k] = content;
}

/* Each space-separated name of an attribute is a key. */
static void set_keys(meta *m, const char *names, const char *content,
                     const char *prefix)
{
    const char *p = names;
    if (!names || !content)
        return;
    while (*p) {
        const char *b;
        while (*p && np__isspace((unsigned char)*p))
            p++;
        b = p;
        while (*p && !np__isspace((unsigned char)*p))
            p++;
        if (p > b)
            set_key(m, b, (size_t)(p - b), content, prefix);
    }
}

/* Whether needle (ASCII, not empty) occurs in s, ignoring ASCII case.
 * The first letter is tested inline: strncasecmp at every position cost
 * more than the rest of the metadata stage. */
static int ci_contains(const char *s, const char *needle)
{
    size_t k = strlen(needle);
    unsigned char lo = (unsigned char)np__tolower((unsigned char)needle[0]);
    unsigned char up = (unsigned char)np__toupper((unsigned char)needle[0]);
    if (!s)
        return 0;
    for (; *s; s++)
        if (((unsigned char)*s == lo || (unsigned char)*s == up)
            && np__ascii_ncasecmp(s + 1, needle + 1, k - 1) == 0)
            return 1;
    return 0;
}

/* Visible length of an element's text (whitespace not counted), up to
 * about cap. */
static size_t text_len(const xmlNode *n, size_t cap, int depth)
{
    size_t len = 0;
    const xmlNode *k;
    if (depth > 16)
        return cap;
    for (k = n->children; k && len < cap; k = k->next) {
        if (k->type == XML_TEXT_NODE && k->content) {
            const unsigned char *p = k->content;
            for (; *p && len < cap; p++)
                if (!np__isspace(*p))
                    len++;
        } else if (k->type == XML_ELEMENT_NODE)
            len += text_len(k, cap - len, depth + 1);
    }
    return len;
}

static void gather(const xmlNode *n, np__buf *b, int depth)
{
    const xmlNode *k;
    if (depth > 32)
        return;
    for (k = n->children; k; k = k->next) {
        if ((k->type == XML_TEXT_NODE || k->type == XML_CDATA_SECTION_NODE)
            && k->content)
            np__buf_puts(b, (const char *)k->content);
        else if (k->type == XML_ELEMENT_NODE && k->name
                 && strcmp((const char *)k->name, "script") != 0
                 && strcmp((const char *)k->name, "style") != 0) {
            /* a block's text is a word apart from its neighbours' */
            const htmlElemDesc *e = htmlTagLookup(k->name);
            int block = e && !e->isinline;
            if (block)
                np__buf_putc(b, ' ');
            gather(k, b, depth + 1);
            if (block)
                np__buf_putc(b, ' ');
        }
    }
}

/* Collapses whitespace of an element's text into b. */
static void node_text(const xmlNode *n, np__buf *b)
{
    np__buf raw = NP__BUF_INIT;
    size_t i;
    int space = 0;
    gather(n, &raw, 0);
    for (i = 0; i < raw.len; i++) {
        unsigned char ch = (unsigned char)raw.ptr[i];
        if (np__isspace(ch)) {
            space = b->len > 0;
            continue;
        }
        if (space)
            np__buf_putc(b, ' ');
        space = 0;
        np__buf_putc(b, ch);
    }
    if (raw.oom)
        b->oom = 1;
    np__buf_free(&raw);
}

/* The class of a character for the letter-pair filter of ci_contains_any:
 * 0..25 for a letter of either case, 26 '-', 27 '_', 28 a digit, 29 the
 * rest (and 30 the end of the string). */
static unsigned pair_class(unsigned char ch)
{
    unsigned c = (unsigned)np__tolower(ch);
    if (c - 'a' < 26u)
        return c - 'a';
    if (c == '-')
        return 26;
    if (c == '_')
        return 27;
    if (np__isdigit(ch))
        return 28;
    return ch ? 29 : 30;
}

static void word_set_init(word_set *ws, const char *const *words)
{
    unsigned i, a;
    unsigned char next[26];
    memset(ws, 0, sizeof(*ws));
    ws->words = words;
    /* a counting sort: the words of each first letter, in list order */
    for (i = 0; words[i] && i < 32; i++) {
        a = (unsigned)np__tolower((unsigned char)words[i][0]) - 'a';
        if (a < 26)
            ws->start[a + 1]++;
    }
    for (a = 0; a < 26; a++) {
        ws->start[a + 1] = (unsigned char)(ws->start[a + 1] + ws->start[a]);
        next[a] = ws->start[a];
    }
    for (i = 0; words[i] && i < 32; i++) {
        a = (unsigned)np__tolower((unsigned char)words[i][0]) - 'a';
        if (a < 26)
            ws->order[next[a]++] = (unsigned char)i;
    }
    for (i = 0; words[i] && i < 32; i++) {
        a = (unsigned)np__tolower((unsigned char)words[i][0]) - 'a';
        ws->first |= (uint32_t)1 << a;
        ws->second[a] |= words[i][1] ? (uint32_t)1 << pair_class((unsigned char)words[i][1])
                                     : ~(uint32_t)0;
    }
}

/* Which of the words occur in s, ignoring ASCII case (bit i for
 * words[i]); with `all` 0, only whether one does (the first found). A
 * position is compared with the words only when its first two characters
 * begin one of them: class strings are long and most of their letters
 * begin some word of the longer lists. */
static uint32_t word_bits(const word_set *ws, const char *s, int all)
{
    uint32_t bits = 0;
    unsigned k;
    if (!s)
        return 0;
    for (; *s; s++) {
        unsigned c = (unsigned char)*s | 0x20u;   /* lower case, for letters */
        if (c - 'a' >= 26u || !((ws->first >> (c - 'a')) & 1)
            || !((ws->second[c - 'a'] >> pair_class((unsigned char)s[1])) & 1))
            continue;
        for (k = ws->start[c - 'a']; k < ws->start[c - 'a' + 1]; k++) {
            unsigned i = ws->order[k];
            const char *w = ws->words[i];
            size_t j;
            /* np__ascii_ncasecmp(s + 1, w + 1, strlen(w) - 1), inline */
            for (j = 1; w[j]; j++)
                if (np__tolower((unsigned char)s[j]) != np__tolower((unsigned char)w[j]))
                    break;
            if (!w[j]) {
                bits |= (uint32_t)1 << i;
                if (!all)
                    return bits;
            }
        }
    }
    return bits;
}

/* Whether a class or id names the author of a picture, not of the
 * article: a word holding "author" after "photo", "image", "media",
 * "credit", "license"... ("media-license-author", "photo-author"). */
static int credit_author(const char *v)
{
    static const char *const words[] = {
        "photo", "foto", "image", "img", "bild", "media", "credit",
        "licen", "copyright", "caption", NULL
    };
    while (v && *v) {
        size_t n = 0, at, i;
        while (*v && np__isspace((unsigned char)*v))
            v++;
        while (v[n] && !np__isspace((unsigned char)v[n]))
            n++;
        at = np__text_find_ci(v, n, "author");
        for (i = 0; at < n && words[i]; i++)
            if (np__text_find_ci(v, at, words[i]) < at)
                return 1;
        v += n;
    }
    return 0;
}

/* Whether any of the words occurs in s, ignoring ASCII case: ci_contains
 * for each, in one pass over s. */
static int ci_contains_any(const char *s, const char *const *words)
{
    word_set ws;
    if (!s || !*s)
        return 0;
    word_set_init(&ws, words);
    return word_bits(&ws, s, 0) != 0;
}

/* The words every element's class and id are read for, in one pass over
 * each (hint_bits): noise_hint's (the comment words first), then
 * byline_hint's. */
static const char *const hint_words[] = {
    /* noise_hint: comments */
    "comment", "respond",
    /* noise_hint: related or recommended stories, sidebars, widgets */
    "related", "sidebar", "widget", "recommend", "popular", "trending",
    "mostread", "most-read", "teaser", "more-from", "morefrom", "read-more",
    "readmore", "also-like", "outbrain", "taboola", "infobox",
    /* byline_hint */
    "byline", "author", "writtenby", "p-author", "createdby",
    /* the author in French ("auteurs"), German, Spanish and Italian
     * ("autor", "autore"): bylines read after the others */
    "auteur", "autor",
    NULL
};
#define HINT_COMMENTS 0x3u
#define HINT_NOISE ((1u << 19) - 1)
#define HINT_BYLINE (0x1Fu << 19)
#define HINT_BYLINE2 (0x3u << 24)

/* Which hint_words an element's class or id holds. */
static uint32_t hint_bits(const word_set *hints, const char *cls, const char *id)
{
    return word_bits(hints, cls, 1) | word_bits(hints, id, 1);
}

/* Whether an element names its author: rel or itemprop, or its class or
 * id (cls, id; hint_bits in bits). */
static int byline_hint(const xmlNode *n, const char *cls, const char *id, uint32_t bits)
{
    const char *rel = np__xml_attr(n, "rel");
    const char *ip = np__xml_attr(n, "itemprop");
    if (rel && strcmp(rel, "author") == 0)
        return 1;
    if (ip && ci_contains(ip, "author"))
        return 1;
    /* Drupal's "Submitted by Jane Doe on 7 May 2020" */
    if (cls && np__text_eq_ci(cls, strlen(cls), "submitted"))
        return 1;
    if (!(bits & (HINT_BYLINE | HINT_BYLINE2)))
        return 0;
    if (credit_author(cls) || credit_author(id))
        return 0;
    /* "authority-control", "authorization", "autorisation",
     * "autorizacion" name no author (looked for only now: they hold one
     * of the words) */
    if ((ci_contains(cls, "authori") || ci_contains(id, "authori")
         || ci_contains(cls, "autoris") || ci_contains(id, "autoris")
         || ci_contains(cls, "autoriz") || ci_contains(id, "autoriz"))
        && !ci_contains(cls, "byline") && !ci_contains(id, "byline"))
        return 0;
    return bits & HINT_BYLINE ? 1 : 2;
}

/* Whether an element has an <h1> inside (looked for a bounded depth). */
static int has_h1(const xmlNode *n, int depth)
{
    const xmlNode *k;
    if (depth > 48)
        return 0;
    for (k = n->children; k; k = k->next)
        if (k->type == XML_ELEMENT_NODE && k->name
            && ((k->name[0] == 'h' && k->name[1] == '1' && !k->name[2])
                || has_h1(k, depth + 1)))
            return 1;
    return 0;
}

/* Whether a class names a page builder's block ("elementor-widget-wrap",
 * "et_pb_widget", "fl-widget", "wp-block-..."), which every part of a
 * page built with it carries. */
static int builder_widget(const char *cls)
{
    return cls && (ci_contains(cls, "elementor") || ci_contains(cls, "et_pb_")
                   || ci_contains(cls, "fl-widget") || ci_contains(cls, "wp-block")
                   || ci_contains(cls, "vc_widget") || ci_contains(cls, "so-widget"));
}

/* The words of noise_hint but "widget", and a builder's list of other
 * posts ("elementor-posts-container", "elementor-post__title"). */
static const char *const side_words[] = {
    "posts", "post__", "comment", "related", "sidebar", "recommend", "popular",
    "trending", "mostread", "most-read", "teaser", "more-from",
    "morefrom", "read-more", "readmore", "also-like", "outbrain",
    "taboola", "respond", "infobox", NULL
};

/* Whether an element holds what is not the article's own: 2 for
 * comments, 1 for related or recommended stories, sidebars and widgets,
 * navigation, 0 otherwise. Dates are not taken from either; bylines not
 * from comments (a sidebar may hold the author's box). The words of
 * class and id (cls, id) are in bits (hint_bits). */
static int noise_hint(const xmlNode *n, const char *name, const char *cls,
                      const char *id, uint32_t bits)
{
    int kind;
    int any = (bits & HINT_NOISE) != 0;
    /* page builders call every block a widget ("elementor-widget",
     * "et_pb_widget"): only the other words mark a side part there */
    if (any && builder_widget(cls))
        any = ci_contains_any(cls, side_words) || ci_contains_any(id, side_words);
    if (any && (bits & HINT_COMMENTS))
        kind = 2;
    else if (any || strcmp(name, "aside") == 0 || strcmp(name, "nav") == 0)
        kind = 1;
    else
        return 0;
    /* a wrapper of the whole page ("widget Blog", "has-sidebar") holds
     * the headline: it is not a side part */
    return has_h1(n, 0) ? 0 : kind;
}

/* Whether a class or id names a date: a word of it is "date", "time",
 * "dateline", "timestamp", "pubdate", or starts with "date", "publish",
 * "posted" or "updated", or ends in "-date", "_date", "-time", "_time"
 * ("post-date", "entry__date"; not "accessdate" or "candidate"). */
static int date_word(const char *v)
{
    static const char *const whole[] = {
        "date", "time", "dateline", "timestamp", "pubdate", NULL
    };
    static const char *const starts[] = {
        "date", "publish", "posted", "updated", NULL
    };
    static const char *const ends[] = {"-date", "_date", "-time", "_time", NULL};
    size_t i;
    int lead;
    while (v && *v) {
        size_t b, n;
        while (*v && np__isspace((unsigned char)*v))
            v++;
        b = 0;
        while (v[b] && !np__isspace((unsigned char)v[b]))
            b++;
        n = b;
        /* the words above begin with d, t, p or u, the endings with - or
         * _: most class words are ruled out by those two letters */
        lead = n ? np__tolower((unsigned char)v[0]) : 0;
        if (lead == 'd' || lead == 't' || lead == 'p' || lead == 'u') {
            for (i = 0; whole[i]; i++)
                if (np__text_eq_ci(v, n, whole[i]))
                    return 1;
            for (i = 0; starts[i]; i++)
                if (np__text_prefix_ci(v, n, starts[i]))
                    return 1;
        }
        if (n > 5 && (v[n - 5] == '-' || v[n - 5] == '_'))
            for (i = 0; ends[i]; i++)
                if (np__text_eq_ci(v + n - 5, 5, ends[i]))
                    return 1;
        v += n;
    }
    return 0;
}

static int date_hint(const xmlNode *n)
{
    return date_word(np__xml_attr(n, "class")) || date_word(np__xml_attr(n, "id"));
}

/* Where s[0..n) says "updated": the offset of the word, or n. */
static size_t updated_at(const char *s, size_t n)
{
    static const char *const words[] = {
        "updated", "modified", "aktualisiert", "mis \xc3\xa0 jour",
        "actualizado", "actualizada", "bijgewerkt", "aggiornato", NULL
    };
    size_t i, best = n;
    for (i = 0; words[i]; i++) {
        size_t at = np__text_find_ci(s, n, words[i]);
        if (at < best)
            best = at;
    }
    return best;
}

/* Whether the text just before an element says "Updated" ("Updated:
 * <time>", "<span>Last updated</span> <time>"). */
static int after_updated(const xmlNode *n)
{
    const xmlNode *p = n->prev;
    int k;
    for (k = 0; p && k < 2; p = p->prev, k++) {
        const char *t = NULL;
        size_t len;
        if (p->type == XML_TEXT_NODE)
            t = (const char *)p->content;
        else if (p->type == XML_ELEMENT_NODE && p->children
                 && p->children->type == XML_TEXT_NODE && !p->children->next)
            t = (const char *)p->children->content;
        else if (p->type == XML_ELEMENT_NODE)
            return 0;
        if (!t)
            continue;
        len = strlen(t);
        if (len > 40) {
            t += len - 40;
            len = 40;
        }
        if (updated_at(t, len) < len)
            return 1;
        if (text_len(p, 4, 0) > 0 || p->type == XML_TEXT_NODE) {
            size_t j;
            for (j = 0; j < len; j++)
                if (!np__isspace((unsigned char)t[j]))
                    return 0;
        }
    }
    return 0;
}

/* Whether text reads as a byline after a label of lib/data/bylines.c:
 * a preposition before a capitalised name ("By Jane Doe", "Von Jane
 * Doe", not "By signing up" or "Di solito"), a phrase before one
 * ("Written by Jane Doe"), or a phrase or a noun, a colon and any name,
 * a user name too ("Verfasst von: jdoe", "Autor: Jane Doe"). The text
 * starts with a capital. */
static int label_then_name(const char *s, size_t n);

static int byline_text(const char *s, size_t n)
{
    /* capitalised, or in another script than ASCII ("Écrit par",
     * Arabic "بقلم") */
    return n >= 5 && n < 100 && (np__isupper((unsigned char)s[0]) || (unsigned char)s[0] >= 0xC3)
        && label_then_name(s, n);
}

/* byline_text, whatever the case of the label. */
static int label_then_name(const char *s, size_t n)
{
    const np__byline_label *l;
    size_t k, j;
    int colon = 0, cap;
    if (n < 5 || n >= 100)
        return 0;
    if (!(l = np__byline_label_at(s, n, &k)))
        return 0;
    for (j = k; j < n && (s[j] == ' ' || s[j] == ':'); j++)
        colon |= s[j] == ':';
    if (j >= n)
        return 0;
    cap = np__isupper((unsigned char)s[j]) || (unsigned char)s[j] >= 0xC3;
    if (l->kind == NP__BYL_LEAD)
        return cap;
    return colon || (l->kind == NP__BYL_PHRASE && cap);
}

static int starts_as_date(const char *s, size_t n);

/* Whether s[0..n) is two to four words, each capitalised: a name alone
 * ("Daniela Obers"). */
static int name_words(const char *s, size_t n)
{
    size_t i = 0, words = 0;
    while (i < n) {
        const unsigned char *w = (const unsigned char *)s + i;
        if (!(np__isupper(w[0]) || (w[0] == 0xC3 && i + 1 < n && w[1] >= 0x80 && w[1] < 0x9F)))
            return 0;
        words++;
        while (i < n && s[i] != ' ')
            i++;
        while (i < n && s[i] == ' ')
            i++;
    }
    return words >= 2 && words <= 4;
}

/* Whether s[0..n) ends in a date, a separator after it or not
 * ("Veröffentlicht am 13. März 2019", "Posted on May 3, 2020 |"; not
 * "Bern, 17.08.2007 - Rede"). */
static int date_before(const char *s, size_t n)
{
    char iso[NP__DATE_MAX];
    size_t e = n, w;
    while (e && (s[e - 1] == ' ' || s[e - 1] == '|' || s[e - 1] == '-' || s[e - 1] == ','
                 || s[e - 1] == '/' || s[e - 1] == '\xb7' || s[e - 1] == '\xc2'))
        e--;
    /* the date ends there: its year or its time last */
    if (!e || !np__isdigit((unsigned char)s[e - 1]))
        return 0;
    for (w = 0; w < e; w++)
        if ((w == 0 || s[w - 1] == ' ') && np__date_parse(s + w, e - w, iso))
            return 1;
    return 0;
}

/* Whether a label is also the "of" of running text ("di", "av", "af"). */
static int of_word(const np__byline_label *l)
{
    return strcmp(l->text, "di") == 0 || strcmp(l->text, "av") == 0
        || strcmp(l->text, "af") == 0;
}

/* Whether a label is a noun ("Autor", "Interview"), which labels a
 * name at the start of a line only. */
static int noun_label(const np__byline_label *l)
{
    return l->kind == NP__BYL_NOUN || l->kind == NP__BYL_COLON;
}

/* Where a byline starts in short text: at 0 when it reads as one
 * (byline_text), or written in lower case before a name alone ("von
 * Daniela Obers"); after a date that opens the line ("Veröffentlicht am
 * 13. März 2019 von Jane Doe", "12.03.2021 | By Jane Doe"). n: none. */
static size_t byline_start(const char *s, size_t n)
{
    const np__byline_label *l;
    size_t k, i;
    if (byline_text(s, n))
        return 0;
    /* not "di", "av", "af": "of" in running text as much as "by" */
    if (n >= 5 && n < 100 && np__islower((unsigned char)s[0])
        && (l = np__byline_label_at(s, n, &k)) && !noun_label(l) && !of_word(l)
        && k < n && s[k] == ' ' && name_words(s + k + 1, n - k - 1))
        return 0;
    if (n >= 5 && n < 100 && starts_as_date(s, n))
        for (i = 1; i + 5 < n; i++)
            if (s[i - 1] == ' ' && (l = np__byline_label_at(s + i, n - i, &k))
                && !noun_label(l) && !of_word(l) && label_then_name(s + i, n - i))
                return date_before(s, i) ? i : n;
    return n;
}

/* Whether an element's text reads as a byline (byline_start). */
static int by_line(const xmlNode *n)
{
    np__buf b = NP__BUF_INIT, t = NP__BUF_INIT;
    int yes = 0;
    node_text(n, &b);
    /* read as the names will be: a no-break space is a space
     * ("Par&nbsp;<a>Jean Dupont</a>") */
    if (b.ptr && np__meta_text(b.ptr, b.len, &t) == NP_OK && t.ptr)
        yes = byline_start(t.ptr, t.len) < t.len;
    np__buf_free(&b);
    np__buf_free(&t);
    return yes;
}

/* Whether an element's text reads as a byline beyond doubt, for one far
 * from the headline: a phrase before the name ("Escrito por Jane Doe"),
 * or a preposition before a name alone ("By Jane Doe"); not a noun
 * ("Autor: Jane Doe" far from the headline is as often the author of a
 * work the page is about). */
static int by_line_far(const xmlNode *n)
{
    np__buf b = NP__BUF_INIT, t = NP__BUF_INIT;
    const np__byline_label *l;
    size_t k;
    int yes = 0;
    node_text(n, &b);
    if (b.ptr && np__meta_text(b.ptr, b.len, &t) == NP_OK && t.ptr
        && byline_text(t.ptr, t.len) && (l = np__byline_label_at(t.ptr, t.len, &k)))
        yes = l->kind == NP__BYL_PHRASE
            || (l->kind == NP__BYL_LEAD && k < t.len
                && name_words(t.ptr + k + 1, t.len - k - 1));
    np__buf_free(&b);
    np__buf_free(&t);
    return yes;
}

/* Whether an element's text is a byline label alone ("Autor", "Von",
 * "Written by:"), the name in what follows it. */
static int by_label_alone(const xmlNode *n)
{
    np__buf b = NP__BUF_INIT;
    size_t k = 0, e;
    int colon = 0;
    const np__byline_label *l = NULL;
    if (text_len(n, 24, 0) > 20)
        return 0;
    node_text(n, &b);
    e = b.len;
    while (e && (b.ptr[e - 1] == ':' || b.ptr[e - 1] == ' '))
        colon |= b.ptr[--e] == ':';
    if (b.ptr && e)
        l = np__byline_label_at(b.ptr, e, &k);
    np__buf_free(&b);
    /* "Interview" alone is a heading; "Interview:" labels a name */
    return l && k == e && (l->kind != NP__BYL_COLON || colon);
}

/* Whether an element's class or id says it holds the last update, and
 * nothing else: hAtom's "updated" is also written on publication dates
 * ("entry-meta-date updated"). */
static int box_updated(const xmlNode *n)
{
    static const char *const words[] = {"updated", "modified", NULL};
    static const char *const pub[] = {"date", "publish", "posted", NULL};
    const char *c = np__xml_attr(n, "class"), *i = np__xml_attr(n, "id");
    return (ci_contains_any(c, words) || ci_contains_any(i, words))
        && !ci_contains_any(c, pub) && !ci_contains_any(i, pub);
}

/* A <time>: its datetime as the publication, the last update or any
 * date, by what its markup and the text before it say; without a
 * datetime, its text ("February 21, 2022"). */
static void see_time(meta *m, const xmlNode *k)
{
    const char *dt = np__xml_attr(k, "datetime");
    const char *ip = np__xml_attr(k, "itemprop");
    const char *cls = np__xml_attr(k, "class");
    /* a time said to be the last update is the modified
     * date, never the publication */
    int marked = np__xml_attr(k, "pubdate")
        || (ip && ci_contains(ip, "datePublished"))
        || ci_contains(cls, "publish") || ci_contains(cls, "posted")
        || ci_contains(cls, "entry-date");
    int upd = !marked
        && (ci_contains(cls, "updated") || ci_contains(cls, "modified")
            || (ip && ci_contains(ip, "dateModified")) || after_updated(k));
    if (dt && *dt) {
        if (upd) {
            if (!m->time_mod && !m->noise)
                m->time_mod = dt;
        } else if (!m->noise) {
            if (!m->time_any)
                m->time_any = dt;
            if (!m->time_byline && m->in_byline)
                m->time_byline = dt;
            if (!m->time_pub && marked)
                m->time_pub = dt;
        }
    } else if (!m->time_text && !m->noise && k->children
               && k->children->type == XML_TEXT_NODE
               && k->children->content && !k->children->next) {
        /* <time>February 21, 2022</time> */
        const char *tx = (const char *)k->children->content;
        size_t tn = strlen(tx);
        if (upd || updated_at(tx, tn) < tn)
            m->time_text_mod = (const char *)k->children->content;
        else
            m->time_text = (const char *)k->children->content;
    }
}

/* A <meta>: its content under each of the names it carries. */
static void see_meta(meta *m, const xmlNode *k)
{
    const char *content = np__xml_attr(k, "content");
    const char *prop = np__xml_attr(k, "property");
    const char *nm = np__xml_attr(k, "name");
    const char *he = np__xml_attr(k, "http-equiv");
    const char *ip = np__xml_attr(k, "itemprop");
    if (!content || !*content)
        return;
    if (prop)
        set_keys(m, prop, content, NULL);
    if (nm)
        set_keys(m, nm, content, NULL);
    if (he)
        set_keys(m, he, content, NULL);
    if (ip)
        set_keys(m, ip, content, "itemprop:");
}

/* A <link>: the canonical address, image_src and microdata. */
static void see_link(meta *m, const xmlNode *k)
{
    const char *rel = np__xml_attr(k, "rel");
    const char *href = np__xml_attr(k, "href");
    const char *ip = np__xml_attr(k, "itemprop");
    if (!href || !*href)
        return;
    if (rel && np__ascii_casecmp(rel, "canonical") == 0 && !m->canonical)
        m->canonical = href;
    else if (rel && np__ascii_casecmp(rel, "image_src") == 0 && !m->image_src)
        m->image_src = href;
    if (ip)
        set_keys(m, ip, href, "itemprop:");
}

/* Whether the page's title (og:title, else <title>) holds the text of
 * a heading, of ten bytes or more: the headline of a page without <h1>. */
static int title_holds(meta *m, const xmlNode *h)
{
    np__buf b = NP__BUF_INIT, t = NP__BUF_INIT;
    const char *title = m->val[K_OG_TITLE];
    int yes = 0;
    if (text_len(h, 300, 0) > 250)
        return 0;
    if (!title && m->title_el) {
        node_text(m->title_el, &t);
        title = t.len ? np__buf_cstr(&t) : NULL;
    }
    node_text(h, &b);
    if (title && b.ptr && b.len >= 10 && !b.oom && !t.oom) {
        np__buf bt = NP__BUF_INIT, tt = NP__BUF_INIT;
        if (np__meta_text(b.ptr, b.len, &bt) == NP_OK
            && np__meta_text(title, strlen(title), &tt) == NP_OK
            && bt.ptr && tt.ptr && bt.len >= 10) {
            size_t i;
            char *l = (char *)np__buf_cstr(&bt);   /* the needle in lower case */
            for (i = 0; i < bt.len; i++)
                l[i] = (char)np__tolower((unsigned char)l[i]);
            yes = np__text_find_ci(tt.ptr, tt.len, l) < tt.len;
        }
        np__buf_free(&bt);
        np__buf_free(&tt);
    }
    np__buf_free(&b);
    np__buf_free(&t);
    return yes;
}

/* The elements that carry metadata by their name (html, h1, title, time,
 * meta, link, script): 1 when the element is done with (nothing below it
 * or about it is read further), 0 when the walk goes on with it. */
static int see_named(meta *m, const xmlNode *k, const char *name)
{
    switch (name[0]) {
    case 'h':
        if (strcmp(name, "html") == 0 && !m->lang) {
            const char *l = np__xml_attr(k, "lang");
            if (l && *l)
                m->lang = l;
        } else if (strcmp(name, "h1") == 0 && !m->h1) {
            m->h1 = k;
            m->head = k;
        } else if (m->no_h1 && !m->head && (strcmp(name, "h2") == 0 || strcmp(name, "h3") == 0)
                   && title_holds(m, k)) {
            m->head = k;
        }
        return 0;
    case 't':
        if (strcmp(name, "title") == 0 && !m->title_el) {
            m->title_el = k;
            return 1;
        }
        if (strcmp(name, "time") == 0)
            see_time(m, k);
        return 0;
    case 'm':
        if (strcmp(name, "meta") == 0) {
            see_meta(m, k);
            return 1;
        }
        return 0;
    case 'l':
        if (strcmp(name, "link") == 0) {
            see_link(m, k);
            return 1;
        }
        return 0;
    case 's':
        if (strcmp(name, "script") == 0) {
            const char *type = np__xml_attr(k, "type");
            if (type && ci_contains(type, "ld+json"))
                ld_script(m, k);
            return 1;
        }
        return strcmp(name, "style") == 0;
    default:
        return 0;
    }
}

/* Microdata dates on ordinary elements (<span itemprop="datePublished"
 * content=...>). */
static void see_microdata(meta *m, const xmlNode *k, const char *name)
{
    const char *ip = np__xml_attr(k, "itemprop");
    if (ip && strcmp(name, "meta") != 0) {
        if (ci_contains(ip, "datePublished") || ci_contains(ip, "dateModified")) {
            const char *v = np__xml_attr(k, "datetime");
            if (!v)
                v = np__xml_attr(k, "content");
            if (v)
                set_keys(m, ip, v, "itemprop:");
        }
    }
}

/* Whether a label sits among the facts of a reviewed work (a book, a
 * film, a record): an element just before it, or before its parent,
 * reads "Titel:", "Verlag:", "ISBN"... The author named there wrote the
 * work, not the page. */
static int in_work_box(const xmlNode *label)
{
    static const char *const facts[] = {
        "title", "titel", "titre", "t\xc3\xadtulo", "titolo", "isbn",
        "publisher", "verlag", "\xc3\xa9\x64iteur", "editorial", "editore",
        "pages", "seiten", "p\xc3\xa1ginas", "genre", "originaltitel", NULL
    };
    const xmlNode *n, *p;
    int up, k, i;
    for (up = 0, n = label; n && up < 2; n = n->parent, up++) {
        for (p = n->prev, k = 0; p && k < 8; p = p->prev) {
            np__buf b = NP__BUF_INIT;
            int hit = 0;
            if (p->type != XML_ELEMENT_NODE)
                continue;
            k++;
            if (text_len(p, 80, 0) >= 80)
                continue;
            node_text(p, &b);
            for (i = 0; facts[i] && b.ptr; i++) {
                size_t l = strlen(facts[i]);
                if (np__text_prefix_ci(b.ptr, b.len, facts[i]) && l < b.len
                    && (b.ptr[l] == ':' || (b.ptr[l] == ' ' && l + 1 < b.len
                                            && b.ptr[l + 1] == ':')))
                    hit = 1;
            }
            np__buf_free(&b);
            if (hit)
                return 1;
        }
    }
    return 0;
}

/* Whether short text starts as a date does: a digit, a month or a
 * weekday ("7. Oktober 2019", "Fri 6:45 PM, Feb 16, 2018", "Jueves, 21
 * de abril"), a word that labels a publication date or a preposition
 * before one ("Datum:", "Posted:", "am 20.09.2020", "le 7 mai 2020"), or
 * a place and a comma ("Hamburg, 2. November 2021"); not "Answers until
 * 23.06.2006" or "Release: 14.11.2019". */
static int starts_as_date(const char *s, size_t n)
{
    static const char *const labels[] = {
        "date", "datum", "data", "fecha", "posted", "published", "publi",
        "ver\xc3\xb6" "ffentlicht", "pubblicato", "gepubliceerd", "erschienen",
        "erstellt", "on", "am", "vom", "le", "el", "il", "op", NULL
    };
    size_t k = 0, i;
    if (n && np__isdigit((unsigned char)s[0]))
        return 1;
    while (k < n && (np__isalpha((unsigned char)s[k]) || (unsigned char)s[k] >= 0x80))
        k++;
    if (!k)
        return 0;
    if (np__month_of_any(s, k) || np__weekday_of_any(s, k))
        return 1;
    for (i = 0; labels[i]; i++)
        if (strlen(labels[i]) > 2 ? np__text_prefix_ci(s, k, labels[i])
                                  : np__text_eq_ci(s, k, labels[i]))
            return 1;
    /* a dateline: a place, a comma and the date */
    return k + 2 < n && s[k] == ',' && s[k + 1] == ' '
        && np__isdigit((unsigned char)s[k + 2]) && np__isupper((unsigned char)s[0]);
}

/* Whether an element's text is a label of the publication date alone
 * ("Datum:", "Published on", "Erscheinungsdatum"), the date in what
 * follows it. */
static int date_label_alone(const xmlNode *n)
{
    static const char *const labels[] = {
        "date", "datum", "data", "fecha", "erscheinungsdatum", "published",
        "published on", "posted on", "publication date", "ver\xc3\xb6" "ffentlicht",
        "ver\xc3\xb6" "ffentlicht am", "erstellt am", "publi\xc3\xa9 le",
        "publicado", "pubblicato il", "gepubliceerd op", NULL
    };
    np__buf b = NP__BUF_INIT;
    size_t e, i;
    int yes = 0;
    if (text_len(n, 30, 0) > 24)
        return 0;
    node_text(n, &b);
    e = b.len;
    while (e && (b.ptr[e - 1] == ':' || b.ptr[e - 1] == ' '))
        e--;
    for (i = 0; labels[i] && b.ptr && e; i++)
        if (np__text_eq_ci(b.ptr, e, labels[i]))
            yes = 1;
    np__buf_free(&b);
    return yes;
}

/* Whether an element's text is a short date and little else, not said
 * to be an update. */
static int date_alone(const xmlNode *n)
{
    np__buf b = NP__BUF_INIT;
    char iso[NP__DATE_MAX];
    size_t tl = text_len(n, 40, 0);
    int yes = 0;
    if (tl < 6 || tl >= 32)
        return 0;
    node_text(n, &b);
    if (b.ptr && updated_at(b.ptr, b.len) == b.len && starts_as_date(b.ptr, b.len))
        yes = np__date_parse(b.ptr, b.len, iso);
    np__buf_free(&b);
    return yes;
}

/* Whether n is below a (looked for a bounded number of levels up). */
static int inside(const xmlNode *n, const xmlNode *a)
{
    int depth;
    for (depth = 0; n && depth < 64; n = n->parent, depth++)
        if (n->parent == a)
            return 1;
    return 0;
}

/* Whether an element's class or id calls it a credit or a caption:
 * "By ..." there credits a picture or a video. */
static int picture_credit(const xmlNode *k)
{
    static const char *const words[] = {"credit", "caption", NULL};
    return ci_contains_any(np__xml_attr(k, "class"), words)
        || ci_contains_any(np__xml_attr(k, "id"), words);
}

/* Whether k, far from the headline, reads as its byline beyond doubt
 * (the innermost element that does). */
static void far_test(meta *m, const xmlNode *k)
{
    if ((!m->by_far || inside(k, m->by_far)) && !picture_credit(k)
        && text_len(k, 100, 0) < 90 && by_line_far(k) && !in_work_box(k))
        m->by_far = k;
}

/* The far byline is read only when nothing nearer names the author, so
 * its elements are kept as they come and tested then (far_resolve), in
 * the same order: the tests read the tree alone, not the walk's state.
 * Without memory to keep them, the ones kept are tested at once and the
 * rest as they come. */
static void far_candidate(meta *m, const xmlNode *k)
{
    const xmlNode **slot;
    if (!m->far_done && (slot = np__vec_push(&m->far)) != NULL) {
        *slot = k;
        return;
    }
    if (!m->far_done) {
        size_t i;
        for (i = 0; i < m->far.len; i++)
            far_test(m, *(const xmlNode **)np__vec_at(&m->far, i));
        m->far.len = 0;
        m->far_done = 1;
    }
    far_test(m, k);
}

/* by_far, once the walk is over. */
static const xmlNode *far_resolve(meta *m)
{
    size_t i;
    if (!m->far_done) {
        for (i = 0; i < m->far.len; i++)
            far_test(m, *(const xmlNode **)np__vec_at(&m->far, i));
        m->far.len = 0;
        m->far_done = 1;
    }
    return m->by_far;
}

/* The elements that may hold the byline or the date in words, kept for
 * the fields to read once the walk is over: byline boxes, "By Jane Doe"
 * after the headline, short date boxes, rel="author" links. */
static void see_candidates(meta *m, const xmlNode *k, const char *name, int noise, int byl)
{
    if (!m->comments && noise != 2 && m->nbylines < sizeof m->bylines / sizeof m->bylines[0]
        && byl) {
        size_t tl = text_len(k, 200, 0);
        if (tl > 2 && tl < 100)
            m->bylines[m->nbylines++] = k;
    }
    /* "By Jane Doe" written without a byline class, after the
     * headline; the innermost element that reads so ("<div><p>Autor:
     * Jane Doe</p><p>Kategorie: ...</p></div>") */
    if (!m->comments && noise != 2 && m->head && !byl && !m->in_figure
        && m->after_h1 < 40
        && (strcmp(name, "p") == 0 || strcmp(name, "div") == 0
            || strcmp(name, "span") == 0 || strcmp(name, "address") == 0
            || strcmp(name, "li") == 0 || strcmp(name, "small") == 0)
        && !picture_credit(k)
        && (!m->by_text || inside(k, m->by_text))
        && text_len(k, 100, 0) < 90 && by_line(k) && !in_work_box(k))
        m->by_text = k;
    /* the same further from the headline, beyond doubt and outside
     * every side part and quotation: read when nothing nearer names the
     * author */
    if (!m->comments && !m->noise && !noise && !byl && !m->in_figure && !m->in_byline
        && !m->in_quote
        && m->head && m->after_h1 >= 40
        && (strcmp(name, "p") == 0 || strcmp(name, "div") == 0
            || strcmp(name, "span") == 0 || strcmp(name, "address") == 0
            || strcmp(name, "li") == 0 || strcmp(name, "small") == 0
            || strcmp(name, "dd") == 0))
        far_candidate(m, k);
    /* "Autor" alone, the name after it, near the headline */
    if (!m->comments && noise != 2 && m->head && !m->by_label && !byl
        && m->after_h1 < 100 && by_label_alone(k) && !in_work_box(k))
        m->by_label = k;
    if (m->head)
        m->after_h1++;
    /* short elements that hold a date in words, next to the byline */
    if (!m->noise && !noise && (byl || date_hint(k)) && strcmp(name, "time") != 0
        && (!m->head || m->after_h1 < 80)
        && m->ndateboxes < sizeof m->dateboxes / sizeof m->dateboxes[0]) {
        size_t tl = text_len(k, 200, 0);
        if (tl > 5 && tl < 120)
            m->dateboxes[m->ndateboxes++] = k;
        else if (tl > 3 && tl <= 5 && !m->date_part && !byl)
            m->date_part = k;   /* "Jan 04", the year in a sibling */
    }
    /* a date alone on its line under the headline ("7. Oktober 2019") */
    if (m->head && !m->date_line && !m->noise && !noise && m->after_h1 < 40
        && strcmp(name, "time") != 0 && date_alone(k))
        m->date_line = k;
    /* "Datum:" alone, the date after it */
    if (m->head && !m->date_label && !m->noise && !noise && m->after_h1 < 100
        && date_label_alone(k))
        m->date_label = k;
    if (!m->rel_author && strcmp(name, "a") == 0 && !m->comments && noise != 2) {
        const char *rel = np__xml_attr(k, "rel");
        if (rel && strcmp(rel, "author") == 0)
            m->rel_author = k;
    }
}

/* One pass over the tree in document order: what each element says by
 * its name and attributes, then the candidates for the byline and the
 * date, then its children with the counts of the noise, comment and
 * byline boxes they are inside. */
static void walk(meta *m, const xmlNode *n, int depth)
{
    const xmlNode *k;
    if ((size_t)depth > m->max_depth || depth > 2048)
        return;   /* a bounded stack whatever the options say */
    for (k = n; k && !m->err; k = k->next) {
        const char *name, *cls, *id;
        uint32_t bits;
        int noise, byl;
        if (k->type != XML_ELEMENT_NODE || !k->name)
            continue;
        name = (const char *)k->name;
        if (see_named(m, k, name))
            continue;
        see_microdata(m, k, name);
        cls = np__xml_attr(k, "class");
        id = np__xml_attr(k, "id");
        bits = hint_bits(&m->hints, cls, id);
        noise = noise_hint(k, name, cls, id, bits);
        /* an element named for the byline ("<byline>Von Jane Doe</byline>") */
        byl = byline_hint(k, cls, id, bits);
        if (!byl && strcmp(name, "byline") == 0)
            byl = 1;
        if (byl == 2) {
            /* "autor", "auteur": a byline read after the others */
            if (!m->comments && noise != 2
                && m->nbylines2 < sizeof m->bylines2 / sizeof m->bylines2[0]) {
                size_t tl = text_len(k, 200, 0);
                if (tl > 2 && tl < 100)
                    m->bylines2[m->nbylines2++] = k;
            }
            byl = 0;
        }
        see_candidates(m, k, name, noise, byl);
        if (k->children) {
            /* a caption's "By ..." credits the picture */
            int fig = strcmp(name, "figure") == 0 || strcmp(name, "figcaption") == 0;
            int quote = strcmp(name, "blockquote") == 0;
            m->noise += noise != 0;
            m->comments += noise == 2;
            m->in_byline += byl;
            m->in_figure += fig;
            m->in_quote += quote;
            walk(m, k->children, depth + 1);
            m->noise -= noise != 0;
            m->comments -= noise == 2;
            m->in_byline -= byl;
            m->in_figure -= fig;
            m->in_quote -= quote;
        }
    }
}

/* ---------------------------------------------------------- fields */

static const char *first_of(meta *m, const int *keys, size_t n, int *which)
{
    size_t i;
    for (i = 0; i < n; i++)
        if (m->val[keys[i]] && *m->val[keys[i]]) {
            if (which)
                *which = keys[i];
            return m->val[keys[i]];
        }
    return NULL;
}

/* windows-1252 for the numeric references &#128; .. &#159;, which pages
 * write meaning that code page, as the text cleaner reads them (0: none). */
static const uint16_t np__cp1252[32] = {
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
    0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178
};

/* The reference at s[i] (just after '&'): 1 with *cp and *end (after the
 * ';'), or 0. Names are HTML's (libxml2's table, the one the parser and
 * the text cleaner use) and "apos". */
static int ref_at(const char *s, size_t n, size_t i, uint32_t *cp, size_t *end)
{
    size_t j = i;
    if (j < n && s[j] == '#') {
        int hex = 0, nd = 0;
        uint32_t v = 0;
        j++;
        if (j < n && (s[j] == 'x' || s[j] == 'X')) {
            hex = 1;
            j++;
        }
        for (; j < n && nd < 8; j++, nd++) {
            unsigned char ch = (unsigned char)s[j];
            if (np__isdigit(ch))
                v = v * (hex ? 16u : 10u) + (uint32_t)(ch - '0');
            else if (hex && np__isxdigit(ch))
                v = v * 16u + (uint32_t)(np__tolower(ch) - 'a' + 10);
            else
                break;
        }
        /* as browsers do, a number ends without its ';' too ("&#8221"
         * where a page cut its text) */
        if (!nd || (j < n && np__isalnum((unsigned char)s[j])))
            return 0;
        if (j < n && s[j] == ';')
            j++;
        if (v >= 0x80 && v < 0xA0 && np__cp1252[v - 0x80])
            v = np__cp1252[v - 0x80];
        if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v < 0xE000)
            || (v >= 0x80 && v < 0xA0))
            v = 0xFFFD;
        *cp = v;
        *end = j;
        return 1;
    } else {
        char name[33];
        size_t k = 0;
        const htmlEntityDesc *e;
        while (j < n && k < 32 && np__isalnum((unsigned char)s[j]))
            name[k++] = s[j++];
        if (!k || j >= n || s[j] != ';')
            return 0;
        name[k] = '\0';
        if (strcmp(name, "apos") == 0)
            *cp = '\'';
        else if ((e = htmlEntityLookup((const xmlChar *)name)) != NULL)
            *cp = e->value;
        else
            return 0;
    }
    *end = j + 1;
    return 1;
}

/* Whether the code point is a space to fold: ASCII white space, no-break
 * and the other Unicode spaces, the line and paragraph separators. */
static int fold_space(uint32_t cp)
{
    return cp == ' ' || (cp >= '\t' && cp <= '\r') || cp == 0x85 || cp == 0xA0
        || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028
        || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

int np__meta_text(const char *s, size_t n, np__buf *out)
{
    size_t i = 0;
    int space = 0;
    size_t start = out->len;
    while (i < n) {
        uint32_t cp;
        size_t end;
        unsigned char ch = (unsigned char)s[i];
        if (ch == '&' && ref_at(s, n, i + 1, &cp, &end)) {
            uint32_t cp2;
            size_t end2;
            /* escaped more than once: "&amp;amp;", "&amp;nbsp;" */
            while (cp == '&' && ref_at(s, n, end, &cp2, &end2)) {
                cp = cp2;
                end = end2;
            }
            i = end;
        } else if (ch < 0x80) {
            cp = ch;
            i++;
        } else {
            size_t k = np__utf8_valid_seq((const unsigned char *)s + i, n - i);
            if (!k) {
                /* not UTF-8: kept as it is, for the cleaner to judge */
                np__buf_putc(out, ch);
                space = 0;
                i++;
                continue;
            }
            cp = np__utf8_next(s, n, &i);
        }
        if (fold_space(cp)) {
            space = out->len > start;
            continue;
        }
        if (space)
            np__buf_putc(out, ' ');
        space = 0;
        np__buf_put_cp(out, cp);
    }
    np__buf_cstr(out);
    return out->oom ? NP_ENOMEM : NP_OK;
}

static int set_text(meta *m, int field, const char *s, const char *src)
{
    np__buf b = NP__BUF_INIT;
    int rc;
    if (!s)
        return NP_OK;
    rc = np__meta_text(s, strlen(s), &b);
    if (rc == NP_OK)
        rc = np__doc_set(m->c->doc, field, np__buf_cstr(&b), b.len, src);
    np__buf_free(&b);
    return rc;
}

/* Sets an address field: a web address, or a relative one resolved against
 * the page's address (kept relative when there is none). Any other scheme
 * (javascript:, data:, file:, ...) is not set. */
static int set_url_utf8(meta *m, int field, const char *s, const char *src)
{
    xmlChar *abs;
    const char *r;
    int rc;
    while (np__isspace((unsigned char)*s))
        s++;
    if (np__url_kind(s) == NP__URL_OTHER)
        return NP_OK;
    if (!m->c->url || strncmp(s, "http://", 7) == 0 || strncmp(s, "https://", 8) == 0)
        return set_text(m, field, s, src);
    abs = xmlBuildURI((const xmlChar *)s, (const xmlChar *)m->c->url);
    r = abs ? (const char *)abs : s;
    rc = np__url_kind(r) == NP__URL_OTHER ? NP_OK : set_text(m, field, r, src);
    if (abs)
        xmlFree(abs);
    return rc;
}

/* An address's bytes that are not UTF-8 (a caller's own tree may hold
 * them; the loader's never does) are percent-encoded, as a browser sends
 * them, so that the field is valid UTF-8 like every other. */
static int set_url(meta *m, int field, const char *s, const char *src)
{
    np__buf b = NP__BUF_INIT;
    size_t n, i = 0;
    int rc;
    if (!s || !*s)
        return NP_OK;
    n = strlen(s);
    if (np__utf8_valid(s, n))
        return set_url_utf8(m, field, s, src);
    while (i < n) {
        unsigned char ch = (unsigned char)s[i];
        size_t k = ch < 0x80 ? 1 : np__utf8_valid_seq((const unsigned char *)s + i, n - i);
        if (k) {
            np__buf_put(&b, s + i, k);
            i += k;
        } else {
            np__buf_printf(&b, "%%%02X", ch);
            i++;
        }
    }
    rc = b.oom ? NP_ENOMEM : set_url_utf8(m, field, np__buf_cstr(&b), src);
    np__buf_free(&b);
    return rc;
}

/* The host of a URL less "www.", into out. */
static int host_of(const char *url, char *out, size_t cap)
{
    const char *p, *e;
    size_t n;
    if (!url || !(p = strstr(url, "://")))
        return 0;
    p += 3;
    e = p;
    while (*e && *e != '/' && *e != ':' && *e != '?' && *e != '#')
        e++;
    if (e - p > 4 && np__ascii_ncasecmp(p, "www.", 4) == 0)
        p += 4;
    n = (size_t)(e - p);
    if (n == 0 || n >= cap)
        return 0;
    memcpy(out, p, n);
    out[n] = '\0';
    return 1;
}

static int set_date(meta *m, int field, const char *s, const char *src);

/* A date in the first n bytes of s (text, not NUL-terminated there). */
static int set_date_n(meta *m, int field, const char *s, size_t n, const char *src)
{
    char *t;
    if (!s || n == 0 || n > 200)
        return 0;
    t = np__arena_strndup(m->arena, s, n);
    if (!t) {
        m->err = NP_ENOMEM;
        return 0;
    }
    return set_date(m, field, t, src);
}

static int set_date(meta *m, int field, const char *s, const char *src)
{
    char iso[NP__DATE_MAX];
    np__buf b = NP__BUF_INIT;
    int ok;
    if (!s)
        return 0;
    if (np__meta_text(s, strlen(s), &b) != NP_OK) {
        np__buf_free(&b);
        m->err = NP_ENOMEM;
        return 0;
    }
    ok = np__date_parse(np__buf_cstr(&b), b.len, iso);
    np__buf_free(&b);
    if (!ok)
        return 0;
    if (np__doc_set(m->c->doc, field, iso, (size_t)-1, src) != NP_OK)
        m->err = NP_ENOMEM;
    return 1;
}

/* Site name from the page's own declarations: JSON-LD publisher,
 * og:site_name, application-name. */
static int choose_site_name(meta *m)
{
    const char *v;

    if (m->ld.site && *m->ld.site)
        return set_text(m, NP__SITE_NAME, m->ld.site, "json-ld");
    if ((v = m->val[K_OG_SITE]))
        return set_text(m, NP__SITE_NAME, v, "og:site_name");
    if ((v = m->val[K_APP_NAME]))
        return set_text(m, NP__SITE_NAME, v, "application-name");
    return NP_OK;
}

/* Canonical address (link, og:url, JSON-LD) and lead image (social
 * tags, JSON-LD, link:image_src, itemprop). */
static int choose_url_image(meta *m)
{
    static const int keys[] = {K_OG_IMAGE, K_TW_IMAGE, K_TW_IMAGE_SRC};
    int which = -1, rc = NP_OK;
    const char *v;

    if (m->canonical)
        rc = set_url(m, NP__URL, m->canonical, "link:canonical");
    else if (m->val[K_OG_URL])
        rc = set_url(m, NP__URL, m->val[K_OG_URL], "og:url");
    else if (m->ld.url)
        rc = set_url(m, NP__URL, m->ld.url, "json-ld");
    if (rc != NP_OK)
        return rc;
    if ((v = first_of(m, keys, 3, &which)))
        rc = set_url(m, NP__IMAGE, v, key_source(which));
    else if (m->ld.image)
        rc = set_url(m, NP__IMAGE, m->ld.image, "json-ld");
    else if (m->image_src)
        rc = set_url(m, NP__IMAGE, m->image_src, "link:image_src");
    else if (m->val[K_IP_IMAGE])
        rc = set_url(m, NP__IMAGE, m->val[K_IP_IMAGE], "itemprop");
    return rc;
}

/* Pages that declare no site name: the host of their address. */
static int choose_host_site(meta *m)
{
    np_document *d = m->c->doc;
    char host[256];

    if (d->meta[NP__SITE_NAME])
        return NP_OK;
    if (host_of(d->meta[NP__URL] ? d->meta[NP__URL] : m->c->url, host, sizeof host))
        return set_text(m, NP__SITE_NAME, host, "host");
    return NP_OK;
}

/* Title candidate from JSON-LD name/headline: when both differ, the one
 * that is not the publisher's name and that the page's <title> holds. */
static const char *ld_title(meta *m, np__buf *b)
{
    const char *title = m->ld.name ? m->ld.name : m->ld.headline;

    if (m->ld.name && m->ld.headline
        && ((m->ld.site && strcmp(m->ld.name, m->ld.site) == 0)
            || (m->val[K_OG_SITE] && strcmp(m->ld.name, m->val[K_OG_SITE]) == 0)))
        title = m->ld.headline;   /* the name is the publisher's */
    else if (m->ld.name && m->ld.headline
             && strcmp(m->ld.name, m->ld.headline) != 0 && m->title_el) {
        node_text(m->title_el, b);
        if (strstr(np__buf_cstr(b), m->ld.headline)
            && !strstr(np__buf_cstr(b), m->ld.name))
            title = m->ld.headline;
        np__buf_clear(b);
    }
    return title;
}

/* Title: JSON-LD, then meta tags, then <title>, then the first <h1>;
 * the site's name (or host) trimmed from its ends. */
static int choose_title(meta *m, np__buf *b)
{
    static const int keys[] = {
        K_DC_TITLE, K_DCTERM_TITLE, K_OG_TITLE, K_WEIBO_TITLE, K_TITLE,
        K_TW_TITLE, K_PARSELY_TITLE, K_IP_HEADLINE
    };
    np_document *d = m->c->doc;
    const char *title = NULL, *src = NULL, *v;
    const char *site = d->meta[NP__SITE_NAME];
    char host[256];
    int which = -1, rc;

    if (m->ld.name || m->ld.headline) {
        title = ld_title(m, b);
        src = "json-ld";
    } else if ((v = first_of(m, keys, sizeof keys / sizeof keys[0], &which))) {
        title = v;
        src = key_source(which);
    } else if (m->title_el) {
        node_text(m->title_el, b);
        if (b->len) {
            title = np__buf_cstr(b);
            src = "title";
        }
    }
    if (!title && m->h1) {
        node_text(m->h1, b);
        if (b->len) {
            title = np__buf_cstr(b);
            src = "h1";
        }
    }
    if (title) {
        np__buf tb = NP__BUF_INIT;
        size_t n, keep;
        const char *s;
        rc = np__meta_text(title, strlen(title), &tb);
        s = np__buf_cstr(&tb);
        n = tb.len;
        keep = np__title_trim(s, n, site);
        if (keep == n && host_of(m->c->url, host, sizeof host))
            keep = np__title_trim(s, n, host);
        if (rc == NP_OK)
            rc = np__doc_set(d, NP__TITLE, s, keep, src);
        np__buf_free(&tb);
        if (rc != NP_OK)
            return rc;
    }
    np__buf_clear(b);
    return NP_OK;
}

/* Description: JSON-LD, then the description meta tags. */
static int choose_description(meta *m)
{
    static const int keys[] = {
        K_DC_DESC, K_DCTERM_DESC, K_OG_DESC, K_WEIBO_DESC, K_DESC,
        K_TW_DESC, K_IP_DESC
    };
    int which = -1;
    const char *v;

    if (m->ld.description && *m->ld.description)
        return set_text(m, NP__DESCRIPTION, m->ld.description, "json-ld");
    if ((v = first_of(m, keys, sizeof keys / sizeof keys[0], &which)))
        return set_text(m, NP__DESCRIPTION, v, key_source(which));
    return NP_OK;
}

static void text_after(const xmlNode *label, np__buf *b);

/* Publication date: JSON-LD, meta tags, <time> elements, a date in the
 * address, loose <time> and dated text, then the part of a byline or
 * date element before "Updated", then the same in a byline found by its
 * words, then the date after a label alone, then a date alone under the
 * headline. */
static void choose_published(meta *m, np__buf *b)
{
    static const int pub[] = {
        K_PUBLISHED, K_PARSELY_PUB, K_OG_PUBLISHED, K_IP_PUBLISHED,
        K_DATE_PUBLISHED, K_PUBDATE, K_PUBLISH_DATE, K_DC_DATE,
        K_DCTERM_DATE, K_CITATION_DATE, K_SAILTHRU_DATE, K_DATE
    };
    np_document *d = m->c->doc;
    size_t i;
    int done = set_date(m, NP__PUBLISHED, m->ld.published, "json-ld");

    for (i = 0; !done && i < sizeof pub / sizeof pub[0]; i++)
        done = set_date(m, NP__PUBLISHED, m->val[pub[i]], key_source(pub[i]));
    if (!done)
        done = set_date(m, NP__PUBLISHED, m->time_pub, "time");
    if (!done)
        done = set_date(m, NP__PUBLISHED, m->time_byline, "time");
    if (!done) {
        char iso[NP__DATE_MAX];
        const char *u = d->meta[NP__URL] ? d->meta[NP__URL] : m->c->url;
        if (np__date_from_url(u, iso) || np__date_from_url(m->c->url, iso)) {
            done = 1;
            if (np__doc_set(d, NP__PUBLISHED, iso, (size_t)-1, "url") != NP_OK)
                m->err = NP_ENOMEM;
        }
    }
    if (!done)
        done = set_date(m, NP__PUBLISHED, m->time_any, "time");
    if (!done)
        done = set_date(m, NP__PUBLISHED, m->time_text, "time");
    /* a date written in a byline or date element: before "Updated"
     * it is the publication, after it the update */
    for (i = 0; !done && i < m->ndateboxes; i++) {
        size_t at;
        np__buf_clear(b);
        node_text(m->dateboxes[i], b);
        at = box_updated(m->dateboxes[i]) ? 0 : updated_at(np__buf_cstr(b), b->len);
        if (at > 0)
            done = set_date_n(m, NP__PUBLISHED, b->ptr, at, "byline-text");
    }
    /* a date split over sibling elements ("<span>Jan 04</span>
     * <span>09:34</span><span>2021</span>"): the short parent's text */
    for (i = 0; !done && i <= m->ndateboxes; i++) {
        const xmlNode *el = i < m->ndateboxes ? m->dateboxes[i] : m->date_part;
        const xmlNode *p = el ? el->parent : NULL;
        if (!p || p->type != XML_ELEMENT_NODE || text_len(p, 60, 0) >= 48
            || box_updated(p))
            continue;
        np__buf_clear(b);
        node_text(p, b);
        if (b->ptr && updated_at(np__buf_cstr(b), b->len) == b->len) {
            /* the time may sit between the day and the year there */
            size_t r, w = 0;
            for (r = 0; r < b->len; r++) {
                size_t k = r;
                while (k < b->len && np__isdigit((unsigned char)b->ptr[k]))
                    k++;
                if ((r == 0 || b->ptr[r - 1] == ' ') && k > r && k - r <= 2
                    && k + 2 < b->len && b->ptr[k] == ':'
                    && np__isdigit((unsigned char)b->ptr[k + 1])
                    && np__isdigit((unsigned char)b->ptr[k + 2])) {
                    r = k + 2;
                    continue;
                }
                b->ptr[w++] = b->ptr[r];
            }
            done = set_date_n(m, NP__PUBLISHED, b->ptr, w, "byline-text");
        }
    }
    /* a date in a byline found by its words ("Von Jane Doe | 7. Mai
     * 2020"), before "Updated" */
    if (!done && m->by_text) {
        size_t at;
        np__buf_clear(b);
        node_text(m->by_text, b);
        at = updated_at(np__buf_cstr(b), b->len);
        if (at > 0)
            done = set_date_n(m, NP__PUBLISHED, b->ptr, at, "byline-text");
    }
    /* the date after a label alone ("<h5>Datum:</h5> 03.11.2021") */
    if (!done && m->date_label) {
        np__buf_clear(b);
        text_after(m->date_label, b);
        done = set_date_n(m, NP__PUBLISHED, b->ptr, b->len, "text");
    }
    /* a date alone on its line under the headline */
    if (!done && m->date_line) {
        np__buf_clear(b);
        node_text(m->date_line, b);
        set_date_n(m, NP__PUBLISHED, b->ptr, b->len, "text");
    }
}

/* Modification date: JSON-LD, meta tags, <time> elements, dated text,
 * then the part of a byline or date element from "Updated" on. */
static void choose_modified(meta *m, np__buf *b)
{
    static const int mod[] = {
        K_MODIFIED, K_OG_UPDATED, K_IP_MODIFIED, K_DCTERM_MODIFIED
    };
    size_t i;
    int done = set_date(m, NP__MODIFIED, m->ld.modified, "json-ld");

    for (i = 0; !done && i < sizeof mod / sizeof mod[0]; i++)
        done = set_date(m, NP__MODIFIED, m->val[mod[i]], key_source(mod[i]));
    if (!done)
        done = set_date(m, NP__MODIFIED, m->time_mod, "time");
    if (!done)
        done = set_date(m, NP__MODIFIED, m->time_text_mod, "time");
    for (i = 0; !done && i < m->ndateboxes; i++) {
        size_t at;
        np__buf_clear(b);
        node_text(m->dateboxes[i], b);
        at = box_updated(m->dateboxes[i]) ? 0 : updated_at(np__buf_cstr(b), b->len);
        if (at < b->len)
            done = set_date_n(m, NP__MODIFIED, b->ptr + at, b->len - at, "byline-text");
    }
}

/* Days since 1970-01-01 of a date of the proleptic Gregorian calendar. */
static long civil_days(int y, int mo, int d)
{
    long era, yoe, doy, doe;
    y -= mo <= 2;
    era = (y >= 0 ? y : y - 399) / 400;
    yoe = y - era * 400;
    doy = (153L * (mo + (mo > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

/* The calendar date of days since 1970-01-01. */
static void civil_from_days(long z, int *y, int *mo, int *d)
{
    long era, doe, yoe, doy, mp;
    z += 719468;
    era = (z >= 0 ? z : z - 146096) / 146097;
    doe = z - era * 146097;
    yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *mo = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*mo <= 2));
}

/* Whether text shows the calendar date y-mo-d in numbers ("03/05/2022",
 * "5/3/2022", "03.05.2022", "2022-05-03") or as the date parser reads it. */
static int shows_day(const char *t, size_t n, int y, int mo, int d)
{
    char f[6][24], iso[NP__DATE_MAX];
    size_t i;
    snprintf(f[0], sizeof f[0], "%02d/%02d/%d", d, mo, y);
    snprintf(f[1], sizeof f[1], "%02d/%02d/%d", mo, d, y);
    snprintf(f[2], sizeof f[2], "%d/%d/%d", d, mo, y);
    snprintf(f[3], sizeof f[3], "%d/%d/%d", mo, d, y);
    snprintf(f[4], sizeof f[4], "%02d.%02d.%d", d, mo, y);
    snprintf(f[5], sizeof f[5], "%d-%02d-%02d", y, mo, d);
    for (i = 0; i < 6; i++) {
        size_t at = np__text_find_ci(t, n, f[i]);
        if (at < n && (at == 0 || !np__isdigit((unsigned char)t[at - 1])))
            return 1;
    }
    snprintf(f[0], sizeof f[0], "%04d-%02d-%02d", y, mo, d);
    return np__date_parse(t, n, iso) && strncmp(iso, f[0], 10) == 0;
}

/* A publication date given in UTC ("2022-05-04T00:44:52Z") where a date
 * element near the byline shows the page's own calendar day and clock
 * ("03/05/2022 21:44", the same minute in a zone a whole number of hours
 * away): the day the page shows, with its time, no offset. The date is
 * never converted; the page's own reading of it is kept. */
static void local_day(meta *m, np__buf *b)
{
    np_document *d = m->c->doc;
    const char *p = d->meta[NP__PUBLISHED];
    int y, mo, dd, h, mi;
    size_t len, i;
    long u;

    if (!p || (len = strlen(p)) < 17 || p[10] != 'T'
        || !(p[len - 1] == 'Z' || (len > 6 && strcmp(p + len - 6, "+00:00") == 0))
        || sscanf(p, "%4d-%2d-%2dT%2d:%2d", &y, &mo, &dd, &h, &mi) != 5)
        return;
    u = civil_days(y, mo, dd) * 1440L + h * 60L + mi;
    for (i = 0; i < m->ndateboxes; i++) {
        const char *t;
        size_t k;
        np__buf_clear(b);
        node_text(m->dateboxes[i], b);
        t = np__buf_cstr(b);
        if (!t || box_updated(m->dateboxes[i]))
            continue;
        /* the clock shown: "21:44" */
        for (k = 0; k + 5 <= b->len; k++) {
            int lh, lm, ly, lmo, ld;
            long diff, l;
            char iso[NP__DATE_MAX];
            if (!(np__isdigit((unsigned char)t[k]) && np__isdigit((unsigned char)t[k + 1])
                  && t[k + 2] == ':' && np__isdigit((unsigned char)t[k + 3])
                  && np__isdigit((unsigned char)t[k + 4])))
                continue;
            lh = (t[k] - '0') * 10 + (t[k + 1] - '0');
            lm = (t[k + 3] - '0') * 10 + (t[k + 4] - '0');
            if (lh > 23 || lm != mi || lh == h)
                break;
            diff = (lh - h) * 60L;
            if (diff > 14 * 60)
                diff -= 1440;
            else if (diff < -12 * 60)
                diff += 1440;
            l = u + diff;
            civil_from_days(l / 1440 - (l < 0 && l % 1440), &ly, &lmo, &ld);
            if (ld == dd && lmo == mo && ly == y)
                break;  /* the same day: nothing to keep apart */
            if (!shows_day(t, b->len, ly, lmo, ld))
                break;
            snprintf(iso, sizeof iso, "%04d-%02d-%02dT%02d:%02d:00", ly, lmo, ld, lh, lm);
            if (np__doc_set(d, NP__PUBLISHED, iso, (size_t)-1, "byline-text") != NP_OK)
                m->err = NP_ENOMEM;
            return;
        }
    }
}

/* Publication and modification dates; an error met on the way. */
static int choose_dates(meta *m, np__buf *b)
{
    choose_published(m, b);
    local_day(m, b);
    choose_modified(m, b);
    np__buf_clear(b);
    if (b->oom)
        m->err = NP_ENOMEM;
    return m->err;
}

/* Language: <html lang>, meta tags, JSON-LD, og:locale; kept as a
 * language tag (letters, digits, '-', '_' read as '-'). */
static int choose_language(meta *m)
{
    static const int keys[] = {K_CONTENT_LANGUAGE, K_DC_LANGUAGE, K_LANGUAGE};
    const char *l = m->lang, *src = "html-lang";
    int which = -1;
    char tag[36];
    size_t k = 0;

    if (!l || !*l) {
        l = first_of(m, keys, 3, &which);
        src = l ? key_source(which) : NULL;
    }
    if (!l && m->ld.language) {
        l = m->ld.language;
        src = "json-ld";
    }
    if (!l && m->val[K_OG_LOCALE]) {
        l = m->val[K_OG_LOCALE];
        src = "og:locale";
    }
    if (!l)
        return NP_OK;
    while (*l && np__isspace((unsigned char)*l))
        l++;
    for (; *l && k + 1 < sizeof tag; l++) {
        unsigned char ch = (unsigned char)*l;
        if (ch == '_')
            ch = '-';
        if (!(np__isalnum(ch) || ch == '-'))
            break;
        tag[k++] = (char)ch;
    }
    tag[k] = '\0';
    if (k >= 2 && np__isalpha((unsigned char)tag[0]))
        return set_text(m, NP__LANGUAGE, tag, src);
    return NP_OK;
}

/* Authors named in JSON-LD. Organisations alone (often the publisher)
 * are set aside in org_names, for when no other source names a person. */
static int authors_from_ld(meta *m, const char **org_names, size_t max_orgs,
                           size_t *norgs)
{
    np_document *d = m->c->doc;
    size_t i;
    int rc;

    if (!m->ld.authors.len)
        return NP_OK;
    for (i = 0; i < m->ld.authors.len; i++) {
        const char *a = ((char **)m->ld.authors.ptr)[i];
        if (a && (rc = np__authors_add(d, a, strlen(a))) != NP_OK)
            return rc;
    }
    if (d->authors.len)
        d->sources[NP__AUTHORS] = "json-ld";
    /* an organisation (often the publisher) named as the author where
     * the page names a person: the person, when another source has one */
    if (d->authors.len && d->authors.len <= max_orgs && ld_orgs_only(m)) {
        *norgs = d->authors.len;
        memcpy(org_names, d->authors.ptr, *norgs * sizeof org_names[0]);
        d->authors.len = 0;
    }
    return NP_OK;
}

/* Authors from author meta tags; a value that is the site's address is
 * kept aside in host_author, after the byline. */
static int authors_from_meta(meta *m, const char **host_author)
{
    static const int keys[] = {
        K_DC_CREATOR, K_DCTERM_CREATOR, K_AUTHOR, K_PARSELY_AUTHOR,
        K_SAILTHRU_AUTHOR, K_BYL, K_IP_AUTHOR
    };
    np_document *d = m->c->doc;
    const char *v;
    size_t i;
    int rc;

    for (i = 0; i < sizeof keys / sizeof keys[0] && !d->authors.len; i++) {
        v = m->val[keys[i]];
        if (!v || !*v)
            continue;
        if (host_name(v)) {
            /* the site's address, not a person: the byline first */
            if (!*host_author)
                *host_author = v;
            continue;
        }
        if ((rc = np__authors_add(d, v, strlen(v))) != NP_OK)
            return rc;
        if (d->authors.len)
            d->sources[NP__AUTHORS] = key_source(keys[i]);
    }
    return NP_OK;
}

/* Non-space bytes of n's text before its first <br> that follows some
 * text, counted into *count; 1 when such a <br> was met. */
static int line_count(const xmlNode *n, size_t *count, int depth)
{
    const xmlNode *k;
    if (depth > 32)
        return 0;
    for (k = n->children; k; k = k->next) {
        if ((k->type == XML_TEXT_NODE || k->type == XML_CDATA_SECTION_NODE) && k->content) {
            const unsigned char *p;
            for (p = k->content; *p; p++)
                *count += !np__isspace(*p);
        } else if (k->type == XML_ELEMENT_NODE && k->name) {
            if (strcmp((const char *)k->name, "br") == 0 && *count)
                return 1;
            if (strcmp((const char *)k->name, "script") != 0
                && strcmp((const char *)k->name, "style") != 0
                && line_count(k, count, depth + 1))
                return 1;
        }
    }
    return 0;
}

/* The length of the first line of an element's text t[0..n) (node_text):
 * up to its first <br> after some text ("Autor: Jane Doe<br>Google+
 * mehr" is "Autor: Jane Doe"). */
static size_t first_line(const xmlNode *el, const char *t, size_t n)
{
    size_t want = 0, got = 0, i;
    if (!t || !line_count(el, &want, 0))
        return n;
    for (i = 0; i < n && got < want; i++)
        got += !np__isspace((unsigned char)t[i]);
    return i;
}

/* Authors from the text of one byline element (its first line only when
 * line is set). */
static int authors_from_node(meta *m, const xmlNode *el, int line, np__buf *b)
{
    np_document *d = m->c->doc;
    int rc;

    np__buf_clear(b);
    node_text(el, b);
    if (line)
        b->len = first_line(el, b->ptr, b->len);
    if (b->oom)
        return NP_ENOMEM;
    if (line && b->ptr) {
        /* the byline "By ..." found in: from where it starts */
        np__buf t = NP__BUF_INIT;
        size_t off;
        rc = np__meta_text(b->ptr, b->len, &t);
        off = t.ptr ? byline_start(t.ptr, t.len) : 0;
        if (rc == NP_OK)
            rc = np__authors_add(d, t.ptr ? t.ptr + (off < t.len ? off : 0) : "",
                                 t.ptr ? t.len - (off < t.len ? off : 0) : 0);
        np__buf_free(&t);
        if (rc != NP_OK)
            return rc;
    } else if (b->ptr) {
        /* a byline element that opens with the date ("Ver\xc3\xb6" "ffentlicht
         * am 13. M\xc3\xa4rz 2019 von Jane Doe"): the names after it */
        np__buf t = NP__BUF_INIT;
        size_t off;
        rc = np__meta_text(b->ptr, b->len, &t);
        off = t.ptr ? byline_start(t.ptr, t.len) : 0;
        if (rc == NP_OK && t.ptr && off > 0 && off < t.len)
            rc = np__authors_add(d, t.ptr + off, t.len - off);
        else if (rc == NP_OK)
            rc = np__authors_add(d, b->ptr, b->len);
        np__buf_free(&t);
        if (rc != NP_OK)
            return rc;
    }
    if (d->authors.len)
        d->sources[NP__AUTHORS] = "byline";
    return NP_OK;
}

/* The text after a byline label, up to a line break or the end of its
 * parent: the following inline siblings, or the first block after it
 * ("<dt>Autor</dt><dd>Jane Doe</dd>"). */
static void text_after(const xmlNode *label, np__buf *b)
{
    const xmlNode *k;
    for (k = label->next; k && b->len < 100; k = k->next) {
        int block = 0;
        if (k->type == XML_ELEMENT_NODE && k->name) {
            const htmlElemDesc *e = htmlTagLookup(k->name);
            if (strcmp((const char *)k->name, "br") == 0)
                break;
            block = e && !e->isinline;
            if (block && b->len)
                break;
            if (strcmp((const char *)k->name, "script") == 0
                || strcmp((const char *)k->name, "style") == 0)
                continue;
            np__buf_putc(b, ' ');
            node_text(k, b);
            if (block)
                break;
        } else if (k->type == XML_TEXT_NODE && k->content) {
            np__buf_putc(b, ' ');
            np__buf_puts(b, (const char *)k->content);
        }
    }
}

/* Authors from the text after a byline label alone; after a preposition
 * ("Von"), only a capitalised name. */
static int authors_after_label(meta *m, const xmlNode *label, np__buf *b)
{
    np_document *d = m->c->doc;
    size_t k, i = 0;
    const np__byline_label *l;
    int rc;

    np__buf_clear(b);
    node_text(label, b);
    if (b->oom)
        return NP_ENOMEM;
    l = b->ptr ? np__byline_label_at(b->ptr, b->len, &k) : NULL;
    np__buf_clear(b);
    text_after(label, b);
    if (b->oom)
        return NP_ENOMEM;
    while (i < b->len && (np__isspace((unsigned char)b->ptr[i]) || b->ptr[i] == ':'))
        i++;
    if (!l || i >= b->len || (l->kind == NP__BYL_LEAD && !np__isupper((unsigned char)b->ptr[i])
                              && (unsigned char)b->ptr[i] < 0xC3))
        return NP_OK;
    if ((rc = np__authors_add(d, b->ptr + i, b->len - i)) != NP_OK)
        return rc;
    if (d->authors.len)
        d->sources[NP__AUTHORS] = "byline";
    return NP_OK;
}

static int person_like(const char *a);

/* Whether a name is shaped as a person's: two to four words, each
 * capitalised ("Didier Roy", "Ana María Pérez"), or person_like. */
static int name_shaped(const char *a)
{
    size_t i = 0, words = 0;
    while (a[i]) {
        const unsigned char *w = (const unsigned char *)a + i;
        if (!(np__isupper(w[0]) || (w[0] == 0xC3 && w[1] >= 0x80 && w[1] < 0x9F)
              || (w[0] >= 0xC4 && w[0] <= 0xC5)))
            return person_like(a);
        words++;
        while (a[i] && a[i] != ' ')
            i++;
        while (a[i] == ' ')
            i++;
    }
    return (words >= 2 && words <= 4) || person_like(a);
}

/* Authors from the page's byline elements, rel=author, then a "By ..."
 * text node, then the name after a byline label, then the elements whose
 * class or id says "autor" or "auteur". */
static int authors_from_byline(meta *m, np__buf *b)
{
    np_document *d = m->c->doc;
    size_t i;
    int rc;

    for (i = 0; i <= m->nbylines && !d->authors.len; i++) {
        const xmlNode *el = i < m->nbylines ? m->bylines[i] : m->rel_author;
        if (!el)
            continue;
        if ((rc = authors_from_node(m, el, 0, b)) != NP_OK)
            return rc;
    }
    if (!d->authors.len && m->by_text
        && (rc = authors_from_node(m, m->by_text, 1, b)) != NP_OK)
        return rc;
    if (!d->authors.len && m->by_label
        && (rc = authors_after_label(m, m->by_label, b)) != NP_OK)
        return rc;
    for (i = 0; i < m->nbylines2 && !d->authors.len; i++) {
        const char *src = d->sources[NP__AUTHORS];
        size_t k;
        if ((rc = authors_from_node(m, m->bylines2[i], 0, b)) != NP_OK)
            return rc;
        /* a weaker hint: only names shaped as persons' */
        for (k = 0; k < d->authors.len; k++)
            if (!name_shaped(((const char **)d->authors.ptr)[k])) {
                d->authors.len = 0;
                d->sources[NP__AUTHORS] = src;
            }
    }
    if (!d->authors.len && far_resolve(m)
        && (rc = authors_from_node(m, m->by_far, 1, b)) != NP_OK)
        return rc;
    return NP_OK;
}

/* Organisations set aside from JSON-LD: restored when the other sources
 * gave the same organisations, or nothing. */
static int authors_restore_orgs(meta *m, const char **org_names, size_t norgs)
{
    np_document *d = m->c->doc;
    size_t i, k, same = 0;
    int rc;

    for (i = 0; i < d->authors.len; i++)
        for (k = 0; k < norgs; k++)
            same += np__ascii_casecmp(((const char **)d->authors.ptr)[i], org_names[k]) == 0;
    if (same == d->authors.len) {
        d->authors.len = 0;
        for (k = 0; k < norgs; k++)
            if ((rc = np__doc_add_author(d, org_names[k], (size_t)-1)) != NP_OK)
                return rc;
        d->sources[NP__AUTHORS] = "json-ld";
    }
    return NP_OK;
}

/* Whether an author is written as a user name: one word in lower case
 * ("jdoe", "jane_doe", "arianschlichenmayer"). */
static int is_handle(const char *a)
{
    size_t i, letters = 0;
    for (i = 0; a[i]; i++) {
        unsigned char ch = (unsigned char)a[i];
        if (np__isupper(ch) || np__isspace(ch))
            return 0;
        letters += np__isalpha(ch) != 0;
    }
    return letters >= 2;
}

/* Whether a name is what a user name stands for: its words run together
 * ("Jane Doe" for "janedoe", "jane_doe", "doejane"), the first initial
 * and the surname ("jdoe"), or the first name or the surname alone. */
static int handle_of(const char *name, const char *handle)
{
    char h[64], all[64], w[8][32];
    size_t nh = 0, na = 0, nw = 0, i, len = 0;
    for (i = 0; handle[i] && nh + 1 < sizeof h; i++)
        if (np__isalpha((unsigned char)handle[i]) || (unsigned char)handle[i] >= 0x80)
            h[nh++] = (char)np__tolower((unsigned char)handle[i]);
    h[nh] = '\0';
    for (i = 0;; i++) {
        unsigned char ch = (unsigned char)name[i];
        if (np__isalpha(ch) || ch >= 0x80) {
            if (nw < 8 && len + 1 < sizeof w[0])
                w[nw][len++] = (char)np__tolower(ch);
            if (na + 1 < sizeof all)
                all[na++] = (char)np__tolower(ch);
        } else if (len) {
            w[nw++][len] = '\0';
            len = 0;
        }
        if (!ch || nw == 8)
            break;
    }
    all[na] = '\0';
    if (nh < 2 || nw == 0)
        return 0;
    if (strcmp(h, all) == 0 || strcmp(h, w[0]) == 0 || strcmp(h, w[nw - 1]) == 0)
        return 1;
    if (nw >= 2 && h[0] == w[0][0] && strcmp(h + 1, w[nw - 1]) == 0)
        return 1;
    if (nw == 2 && strlen(w[1]) < nh && strncmp(h, w[1], strlen(w[1])) == 0
        && strcmp(h + strlen(w[1]), w[0]) == 0)
        return 1;
    return 0;
}

/* One author written as a user name where the page's byline shows the
 * person's name for it, capitalised: the name. */
static int prefer_display_name(meta *m, np__buf *b)
{
    np_document *d = m->c->doc;
    const char *handle = ((const char **)d->authors.ptr)[0];
    const char *src = d->sources[NP__AUTHORS];
    const char *found = NULL;
    size_t i;
    int rc;

    d->authors.len = 0;
    if ((rc = authors_from_byline(m, b)) != NP_OK)
        return rc;
    for (i = 0; i < d->authors.len && !found; i++) {
        const char *a = ((const char **)d->authors.ptr)[i];
        if (np__isupper((unsigned char)a[0]) && handle_of(a, handle))
            found = a;
    }
    d->authors.len = 0;
    d->sources[NP__AUTHORS] = found ? "byline" : src;
    return np__doc_add_author(d, found ? found : handle, (size_t)-1);
}

/* A word w[0..n) with its letters' accents taken off ("Raúl" is
 * "Raul", "Çelik" "Celik"), in out; 0 when a letter has no plain
 * Latin base (ß, ø, Greek, Cyrillic...) or out is too small. */
static size_t unaccented(const char *w, size_t n, char *out, size_t cap)
{
    UErrorCode err = U_ZERO_ERROR;
    const UNormalizer2 *nfd = unorm2_getNFDInstance(&err);
    size_t o = 0;
    int32_t i = 0;
    if (U_FAILURE(err) || n > INT32_MAX)
        return 0;
    while (i < (int32_t)n) {
        UChar32 c;
        U8_NEXT((const uint8_t *)w, i, (int32_t)n, c);
        if (c < 0)
            return 0;
        if (c >= 0x80) {
            UChar dec[8];
            int32_t k = unorm2_getDecomposition(nfd, c, dec, 8, &err);
            if (U_FAILURE(err) || k < 1 || dec[0] >= 0x80 || !np__isalpha(dec[0]))
                return 0;
            c = dec[0];
        }
        if (o + 1 >= cap)
            return 0;
        out[o++] = (char)c;
    }
    return o;
}

/* Whether a name reads as a person's: two words or more, the first a
 * capitalised given name ("Mary O'Neill"; not "Technology Project",
 * "Washington" or "other outlets"). */
static int person_like(const char *a)
{
    size_t w = 0;
    char plain[32];
    size_t pn;
    if (!np__isupper((unsigned char)a[0]))
        return 0;
    while (a[w] && a[w] != ' ')
        w++;
    if (a[w] != ' ' || !a[w + 1])
        return 0;
    if (np__ner_word(a, w, 0) & (NP__LX_GIVEN | NP__LX_GIVEN_WIDE))
        return 1;
    /* the list writes given names without accents: "Raúl" is "Raul" */
    pn = unaccented(a, w, plain, sizeof plain);
    return pn && pn != w && (np__ner_word(plain, pn, 0) & (NP__LX_GIVEN | NP__LX_GIVEN_WIDE));
}

/* Whether the authors chosen hold every one of had[0..n) and more, each
 * of the others a person's name. */
static int widens(const np_document *d, const char *const *had, size_t n)
{
    size_t i, k, found = 0;
    if (d->authors.len <= n)
        return 0;
    for (k = 0; k < d->authors.len; k++) {
        const char *a = ((const char **)d->authors.ptr)[k];
        for (i = 0; i < n; i++)
            if (np__ascii_casecmp(had[i], a) == 0)
                break;
        if (i < n)
            found++;
        else if (!person_like(a))
            return 0;
    }
    return found == n;
}

/* Puts back the n authors a rule had set aside, with their source. */
static int restore_authors(np_document *d, const char *const *had, size_t n,
                           const char *src)
{
    size_t i;
    int rc;
    d->authors.len = 0;
    d->sources[NP__AUTHORS] = src;
    for (i = 0; i < n; i++)
        if ((rc = np__doc_add_author(d, had[i], (size_t)-1)) != NP_OK)
            return rc;
    return NP_OK;
}

/* The names of the author meta tags, then of the page's byline, where
 * they hold every author chosen and more: the second author JSON-LD left
 * out ("Jane Doe, John Roe" beside a JSON-LD author "Jane Doe"). */
static int authors_widen(meta *m, np__buf *b)
{
    np_document *d = m->c->doc;
    const char *had[8];
    const char *src = d->sources[NP__AUTHORS];
    const char *host = NULL;
    size_t n = d->authors.len;
    int rc;

    if (n == 0 || n > sizeof had / sizeof had[0])
        return NP_OK;
    memcpy(had, d->authors.ptr, n * sizeof had[0]);
    d->authors.len = 0;
    if ((rc = authors_from_meta(m, &host)) != NP_OK || widens(d, had, n))
        return rc;
    d->authors.len = 0;
    if ((rc = authors_from_byline(m, b)) != NP_OK || widens(d, had, n))
        return rc;
    return restore_authors(d, had, n, src);
}

/* Sets the n authors aside for the people the page's byline names, and
 * puts them back unless the byline names someone and each name reads as
 * a person's (person_like). */
static int byline_people_or_restore(meta *m, np__buf *b, const char **had,
                                    size_t n, const char *src)
{
    np_document *d = m->c->doc;
    size_t i;
    int rc;

    memcpy(had, d->authors.ptr, n * sizeof had[0]);
    d->authors.len = 0;
    if ((rc = authors_from_byline(m, b)) != NP_OK)
        return rc;
    for (i = 0; i < d->authors.len; i++)
        if (!person_like(((const char **)d->authors.ptr)[i]))
            break;
    if (d->authors.len && i == d->authors.len)
        return NP_OK;
    return restore_authors(d, had, n, src);
}

/* Authors that only name the site (the site's name as the author of
 * its own page) give way to the people the byline names, when each reads as a
 * person's name (person_like). */
static int authors_not_site(meta *m, np__buf *b)
{
    np_document *d = m->c->doc;
    const char *site = d->meta[NP__SITE_NAME];
    const char *had[4];
    const char *src = d->sources[NP__AUTHORS];
    size_t n = d->authors.len, i;

    if (!site || n == 0 || n > sizeof had / sizeof had[0])
        return NP_OK;
    for (i = 0; i < n; i++)
        if (np__ascii_casecmp(((const char **)d->authors.ptr)[i], site) != 0)
            return NP_OK;
    return byline_people_or_restore(m, b, had, n, src);
}

/* Authors from another source than the byline none of whom reads as a
 * person's name or a user name (a meta author "Bayerische Landesanstalt f\xc3\xbcr Wald -
 * LWF", "Makronom") give way to the people the page's byline shows, when
 * each of them reads as a person's name (person_like). */
static int authors_visible_people(meta *m, np__buf *b)
{
    np_document *d = m->c->doc;
    const char *had[4];
    const char *src = d->sources[NP__AUTHORS];
    size_t n = d->authors.len, i;

    if (n == 0 || n > sizeof had / sizeof had[0] || (src && strcmp(src, "byline") == 0))
        return NP_OK;
    /* a user name is matched with the byline's names (prefer_display_name) */
    for (i = 0; i < n; i++)
        if (person_like(((const char **)d->authors.ptr)[i])
            || is_handle(((const char **)d->authors.ptr)[i]))
            return NP_OK;
    return byline_people_or_restore(m, b, had, n, src);
}

/* Whether an author is only an editorial desk ("Redaktion", "Staff"). */
static int desk_only(const char *a)
{
    static const char *const desks[] = {
        "redaktion", "online-redaktion", "redaction", "r\xc3\xa9" "daction",
        "redacci\xc3\xb3n", "reda\xc3\xa7\xc3\xa3o", "redazione", "staff",
        "editorial", "newsroom", "team", "die", "the", NULL
    };
    size_t i = 0, k, words = 0;
    while (a[i]) {
        size_t b;
        while (a[i] == ' ')
            i++;
        b = i;
        while (a[i] && a[i] != ' ')
            i++;
        if (i == b)
            break;
        for (k = 0; desks[k]; k++)
            if (np__text_eq_ci(a + b, i - b, desks[k]))
                break;
        if (!desks[k])
            return 0;
        words++;
    }
    return words > 0;
}

/* Whether an author is a news agency credited with the text ("dpa",
 * "AFP", "Agenturen"). */
static int agency_only(const char *a)
{
    static const char *const agencies[] = {
        "dpa", "dpa-afx", "afx", "afp", "ap", "apa", "reuters", "sid", "kna",
        "epd", "ddp", "dts", "ansa", "efe", "upi", "ats", "sda", "belga",
        "anp", "pap", "agencies", "agenturen", "agences", "agencias", NULL
    };
    size_t i;
    for (i = 0; agencies[i]; i++)
        if (np__ascii_casecmp(a, agencies[i]) == 0)
            return 1;
    return 0;
}

/* Beside people, a desk named as an author is no author ("Michael
 * Roe", "Redaktion"); alone, it stays. So is a news agency beside a
 * person's name ("Von Jane Doe, dpa"). */
static void drop_desks(np_document *d)
{
    const char **a = d->authors.ptr;
    size_t i, w = 0, people = 0, persons = 0;
    for (i = 0; i < d->authors.len; i++) {
        people += !desk_only(a[i]);
        persons += person_like(a[i]);
    }
    for (i = 0; i < d->authors.len; i++)
        if ((people == d->authors.len || !people || !desk_only(a[i]))
            && !(persons && agency_only(a[i])))
            a[w++] = a[i];
    d->authors.len = w;
}

/* Authors: JSON-LD, then meta names, then the page's byline, then the
 * weaker fallbacks (site address, set-aside organisations, article:author);
 * a user name gives way to the name the byline shows for it. */
static int choose_authors(meta *m, np__buf *b)
{
    np_document *d = m->c->doc;
    const char *org_names[8];
    const char *host_author = NULL;
    size_t norgs = 0;
    const char *v;
    int rc;

    rc = authors_from_ld(m, org_names, sizeof org_names / sizeof org_names[0], &norgs);
    if (rc == NP_OK && !d->authors.len)
        rc = authors_from_meta(m, &host_author);
    if (rc == NP_OK && !d->authors.len)
        rc = authors_from_byline(m, b);
    else if (rc == NP_OK && d->authors.len == 1
             && is_handle(((const char **)d->authors.ptr)[0]))
        rc = prefer_display_name(m, b);
    if (rc == NP_OK && d->authors.len && d->sources[NP__AUTHORS]
        && strcmp(d->sources[NP__AUTHORS], "byline") != 0)
        rc = authors_widen(m, b);
    if (rc == NP_OK)
        rc = authors_not_site(m, b);
    if (rc == NP_OK)
        rc = authors_visible_people(m, b);
    if (rc != NP_OK)
        return rc;
    if (!d->authors.len && host_author) {
        if ((rc = np__authors_add(d, host_author, strlen(host_author))) != NP_OK)
            return rc;
        if (d->authors.len)
            d->sources[NP__AUTHORS] = "meta";
    }
    if (norgs && (rc = authors_restore_orgs(m, org_names, norgs)) != NP_OK)
        return rc;
    /* article:author is most often a profile address; a name is used
     * when nothing else gave one */
    if (!d->authors.len && (v = m->val[K_ARTICLE_AUTHOR])) {
        if ((rc = np__authors_add(d, v, strlen(v))) != NP_OK)
            return rc;
        if (d->authors.len)
            d->sources[NP__AUTHORS] = "article:author";
    }
    drop_desks(d);
    return NP_OK;
}

/* Every metadata field, each from its sources in order of trust. */
static int choose(meta *m)
{
    np__buf b = NP__BUF_INIT;
    int rc;

    if ((rc = choose_site_name(m)) != NP_OK || (rc = choose_url_image(m)) != NP_OK
        || (rc = choose_host_site(m)) != NP_OK)
        return rc;
    if ((rc = choose_title(m, &b)) == NP_OK && (rc = choose_description(m)) == NP_OK
        && (rc = choose_dates(m, &b)) == NP_OK && (rc = choose_language(m)) == NP_OK)
        rc = choose_authors(m, &b);
    np__buf_free(&b);
    return rc != NP_OK ? rc : m->err;
}

int np__meta_html(np__ctx *c, void *tree)
{
    xmlDoc *doc = tree;
    meta m;
    int rc;
    if (!doc || !xmlDocGetRootElement(doc))
        return NP_OK;
    memset(&m, 0, sizeof m);
    m.c = c;
    m.arena = c->doc->arena;
    m.max_depth = c->parser && c->parser->opts.max_depth
        ? c->parser->opts.max_depth : 4096;
    np__vec_init(&m.ld.authors, sizeof(char *));
    np__vec_init(&m.far, sizeof(const xmlNode *));
    word_set_init(&m.hints, hint_words);
    m.no_h1 = !has_h1(xmlDocGetRootElement(doc), 0);
    walk(&m, xmlDocGetRootElement(doc), 0);
    if (!m.err && m.nart) {
        /* the page's own title: og:title, else <title> */
        np__buf tb = NP__BUF_INIT;
        const char *t = m.val[K_OG_TITLE];
        if (!t && m.title_el) {
            node_text(m.title_el, &tb);
            t = tb.len ? np__buf_cstr(&tb) : NULL;
        }
        if (tb.oom)
            m.err = NP_ENOMEM;
        else
            ld_choose(&m, t);
        np__buf_free(&tb);
    }
    rc = m.err ? m.err : choose(&m);
    if (rc == NP_OK && m.evidence.len) {
        c->evidence = np__arena_strndup(m.arena, m.evidence.ptr, m.evidence.len);
        c->evidence_len = c->evidence ? m.evidence.len : 0;
        if (!c->evidence)
            rc = NP_ENOMEM;
    }
    np__buf_free(&m.evidence);
    while (m.nart)
        json_decref(m.art[--m.nart]);
    np__vec_free(&m.ld.authors);
    np__vec_free(&m.far);
    return rc;
}

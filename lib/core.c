/* The parser, errors, versions and the parse pipeline. */
#include <stdatomic.h>
#include <string.h>

#include <libxml/tree.h>
#include <unicode/uchar.h>

#include "util/util.h"
#include "doc/document.h"
#include "doc/context.h"
#include "load/load.h"
#include "extract/extract.h"
#include "meta/meta.h"
#include "text/text.h"
#include "nlp/nlp.h"
#include "emit/emit.h"
#include "newsparse/libxml2.h"

const char *np_strerror(int code)
{
    switch (code) {
    case NP_OK: return "success";
    case NP_ERROR: return "error";
    case NP_ENOMEM: return "out of memory";
    case NP_EINVAL: return "invalid argument";
    case NP_EENCODING: return "the input cannot be decoded";
    case NP_EPARSE: return "the input cannot be parsed";
    case NP_ENOTFOUND: return "not found";
    case NP_ELIMIT: return "a limit was exceeded";
    default: return "unknown error";
    }
}

const char *np_strerror_name(int code)
{
    switch (code) {
    case NP_OK: return "NP_OK";
    case NP_ERROR: return "NP_ERROR";
    case NP_ENOMEM: return "NP_ENOMEM";
    case NP_EINVAL: return "NP_EINVAL";
    case NP_EENCODING: return "NP_EENCODING";
    case NP_EPARSE: return "NP_EPARSE";
    case NP_ENOTFOUND: return "NP_ENOTFOUND";
    case NP_ELIMIT: return "NP_ELIMIT";
    default: return "NP_UNKNOWN";
    }
}

const char *np_version(void)
{
    return NP_VERSION_STRING;
}

int np_version_number(void)
{
    return NP_VERSION_NUMBER;
}

/* The size of each version of np_parse_options, to the end of its last
 * field: a caller of version v gave a struct of this many bytes, and
 * nothing past it may be read. A new version appends its row. */
static const size_t parse_options_size[NP_PARSE_OPTIONS_VERSION + 1] = {
    0,
    offsetof(np_parse_options, max_work) + sizeof(size_t)    /* 1 */
};

/* Every NP_PARSE_* bit; any other is refused. */
#define PARSE_FLAGS (NP_PARSE_NO_CLEAN | NP_PARSE_NO_ENTITIES | \
                     NP_PARSE_NO_QUOTES | NP_PARSE_NO_METADATA | \
                     NP_PARSE_TRUNCATE | NP_PARSE_KEEP_ALL)

int np_parse_options_init(np_parse_options *opts, unsigned int version)
{
    if (!opts || version == 0 || version > NP_PARSE_OPTIONS_VERSION)
        return NP_EINVAL;
    /* only the caller's version of the struct is there to write */
    memset(opts, 0, parse_options_size[version]);
    opts->version = version;
    return NP_OK;
}

static void clear_error(np_parser *p)
{
    p->err.code = NP_OK;
    np__buf_clear(&p->err.msg);
}

int np_parser_new(np_parser **out, const np_parse_options *opts)
{
    np_parser *p;
    if (!out)
        return NP_EINVAL;
    *out = NULL;
    if (opts && (opts->version == 0 || opts->version > NP_PARSE_OPTIONS_VERSION))
        return NP_EINVAL;
    if (opts && (opts->flags & ~(uint32_t)PARSE_FLAGS))
        return NP_EINVAL;
    p = np__calloc(1, sizeof(*p));
    if (!p)
        return NP_ENOMEM;
    /* Copy only the fields the caller's version knows: the rest stay 0,
     * their defaults. */
    if (opts)
        memcpy(&p->opts, opts, parse_options_size[opts->version]);
    p->opts.version = NP_PARSE_OPTIONS_VERSION;
    atomic_init(&p->busy, 0);
    atomic_init(&p->refused, 0);
    p->opts.base_url = NULL;
    p->opts.charset = NULL;
    if (opts && opts->base_url && !(p->base_url = np__strndup(opts->base_url,
                                                            strlen(opts->base_url))))
        goto oom;
    if (opts && opts->charset && !(p->charset = np__strndup(opts->charset,
                                                          strlen(opts->charset))))
        goto oom;
    p->opts.base_url = p->base_url;
    p->opts.charset = p->charset;
    *out = p;
    return NP_OK;
oom:
    np_parser_free(p);
    return NP_ENOMEM;
}

void np_parser_free(np_parser *p)
{
    if (!p)
        return;
    np__text_state_free(p->text);
    np__tokens_state_free(p->tokens);
    np__buf_free(&p->err.msg);
    np__free(p->base_url);
    np__free(p->charset);
    np__free(p);
}

static const char in_use_msg[] =
    "the parser is in use by another thread (use one parser per thread)";

/* Whether a call was refused because another thread is inside one: the
 * parser's own error state belongs to that thread and is not read. */
static int in_use(const np_parser *p)
{
    return atomic_load_explicit(&p->refused, memory_order_acquire) ||
           atomic_load_explicit(&p->busy, memory_order_acquire);
}

const char *np_parser_errmsg(const np_parser *p)
{
    if (!p)
        return "no parser";
    if (in_use(p))
        return in_use_msg;
    if (p->err.code == NP_OK)
        return "";
    /* np__error() leaves the text NUL-terminated; without it (no memory
     * for the text) the code's own text */
    return p->err.msg.ptr && p->err.msg.len ? p->err.msg.ptr : np_strerror(p->err.code);
}

int np_parser_errcode(const np_parser *p)
{
    if (!p)
        return NP_EINVAL;
    return in_use(p) ? NP_EINVAL : p->err.code;
}

/* One thread at a time: a call while another thread is inside one is
 * refused (the documents say so; two threads in one parser would share
 * its ICU objects and buffers). Costs one atomic exchange per call. */
static int acquire(np_parser *p, np_document **out)
{
    if (out)
        *out = NULL;
    if (atomic_exchange_explicit(&p->busy, 1, memory_order_acquire)) {
        atomic_store_explicit(&p->refused, 1, memory_order_release);
        return NP_EINVAL;
    }
    atomic_store_explicit(&p->refused, 0, memory_order_relaxed);
    return NP_OK;
}

static void release(np_parser *p)
{
    atomic_store_explicit(&p->busy, 0, memory_order_release);
}

static int refuse_null(np_document **out)
{
    if (out)
        *out = NULL;
    return NP_EINVAL;
}

double np_parser_stage_seconds(const np_parser *p, int stage)
{
    if (!p || stage < 0 || stage >= NP_STAGE_COUNT)
        return -1;
    return p->stage_seconds[stage];
}

int np_looks_like_html(const char *buf, size_t len)
{
    static const char *const tags[] = {
        "<!doctype", "<html", "<head", "<body", "<div", "<p>", "<p ", "<meta",
        "<title", "<article", "<!--", "<script", "<span", "<br", "<table", "<a "
    };
    size_t n = len < 4096 ? len : 4096, i, t;
    if (!buf)
        return 0;
    for (i = 0; i < n; i++) {
        if (buf[i] != '<')
            continue;
        for (t = 0; t < sizeof(tags) / sizeof(tags[0]); t++) {
            size_t k, m = strlen(tags[t]);
            if (i + m > len)
                continue;
            for (k = 0; k < m; k++) {
                char ch = buf[i + k];
                if (ch >= 'A' && ch <= 'Z')
                    ch = (char)(ch + 32);
                if (ch != tags[t][k])
                    break;
            }
            if (k == m)
                return 1;
        }
    }
    return 0;
}

/* Common start of both entry points: arguments, limits, a new document. */
static int begin(np_parser *p, np_document **out, const char *buf, size_t *len,
                 const char *url, np__ctx *c)
{
    size_t max;
    if (out)
        *out = NULL;
    if (!p)
        return NP_EINVAL;
    clear_error(p);
    memset(p->stage_seconds, 0, sizeof p->stage_seconds);
    if (!out)
        return np__error(p, NP_EINVAL, "the output pointer is NULL");
    if (!buf && *len)
        return np__error(p, NP_EINVAL, "the input buffer is NULL");
    max = p->opts.max_bytes ? p->opts.max_bytes : NP_DEFAULT_MAX_BYTES;
    c->parser = p;
    c->flags = p->opts.flags;
    c->evidence = NULL;
    c->evidence_len = 0;
    c->url = url ? url : p->base_url;
    /* only a web address is a base for links and the document's address:
     * a javascript: or file: base must not turn relative links into its
     * own scheme */
    if (c->url && np__url_kind(c->url) != NP__URL_WEB)
        c->url = NULL;
    c->doc = NULL;
    if (*len > max && !(c->flags & NP_PARSE_TRUNCATE))
        return np__error(p, NP_ELIMIT, "input is %zu bytes, the limit is %zu",
                         *len, max);
    c->doc = np__doc_new();
    if (!c->doc)
        return np__error(p, NP_ENOMEM, "out of memory");
    if (*len > max) {
        *len = max;
        c->doc->truncated = 1;
    }
    c->input_len = *len;
    return NP_OK;
}

/* Keeps at most `max` (0: `def`) elements of v: more is NP_ELIMIT, or with
 * NP_PARSE_TRUNCATE the first ones and the truncated flag. */
static int limit_count(np__ctx *c, np__vec *v, size_t max, size_t def,
                       const char *what)
{
    if (!max)
        max = def;
    if (v->len <= max)
        return NP_OK;
    if (!(c->flags & NP_PARSE_TRUNCATE))
        return np__error(c->parser, NP_ELIMIT, "the document has %zu %s, the "
                         "limit is %zu", v->len, what, max);
    v->len = max;
    c->doc->truncated = 1;
    return NP_OK;
}

/* The analysis stages keep state per token (the document's tokens, the
 * entity stage's copy and tables): about NP__TOKEN_BYTES a token at their
 * peak, and NP__CAP_BYTES more for a capitalised word (the sentences,
 * mentions and entities it brings), measured on the shapes of
 * tests/reliability/shapes.py; everything else a parse holds, about 4.5
 * times the input, is counted apart. */
#define NP__TOKEN_BYTES 64
#define NP__CAP_BYTES 64

/* The bytes of analysis state s[0..n) needs, counted until they pass
 * `left`: where the token that passed starts, or n; *used gets the count.
 * A word (a run of letters and digits of any script) is one token, every
 * other character but a space one more, as the tokenizer counts them at
 * most; a word that starts with a capital costs NP__CAP_BYTES more. */
static size_t count_tokens(const char *s, size_t n, size_t left, size_t *used)
{
    size_t i = 0, k = 0;
    int inword = 0;
    while (i < n) {
        unsigned char ch = (unsigned char)s[i];
        size_t at = i;
        int word, space, cap;
        if (ch < 0x80) {
            word = np__isalnum(ch);
            space = np__isspace(ch);
            cap = np__isupper(ch);
            i++;
        } else {
            uint32_t cp = np__utf8_next(s, n, &i);
            word = u_isalnum((UChar32)cp);
            space = u_isUWhiteSpace((UChar32)cp);
            cap = u_isupper((UChar32)cp) || u_istitle((UChar32)cp);
        }
        if (word && inword)
            continue;
        inword = word;
        if (space)
            continue;
        k += NP__TOKEN_BYTES + (cap ? NP__CAP_BYTES : 0);
        if (k > left) {
            *used = k;
            return at;
        }
    }
    *used = k;
    return n;
}

/* The memory promise (docs/reliability.md: peak within the larger of
 * 256 MiB and 20 times the input): a text with more tokens than the
 * analysis can hold within it is refused before any per-token state is
 * made, NP_ELIMIT, or with NP_PARSE_TRUNCATE cut where the budget ends
 * (whole blocks, and the block where it ends cut before the token that
 * passed it). Counted before cleanup, which adds no tokens worth counting. */
static int limit_tokens(np__ctx *c)
{
    size_t allow = c->input_len > NP__ALLOWANCE_FLOOR / 20 ? c->input_len * 20
                                                            : NP__ALLOWANCE_FLOOR;
    size_t base = c->input_len / 2 * 9, left, i, used = 0;
    np__block *b = c->doc->blocks.ptr;
    if (c->input_len > SIZE_MAX / 20)
        allow = SIZE_MAX;
    left = allow > base ? allow - base : 0;
    for (i = 0; i < c->doc->blocks.len; i++) {
        size_t at = count_tokens(b[i].text, b[i].len, left, &used);
        if (used <= left) {
            left -= used;
            continue;
        }
        if (!(c->flags & NP_PARSE_TRUNCATE))
            return np__error(c->parser, NP_ELIMIT, "the text has more words and "
                             "signs than entities and quotes can be found in "
                             "within %zu MiB (20 times the input, at least "
                             "256 MiB)", allow >> 20);
        /* keep the block up to the token where the budget ran out */
        b[i].len = at;
        b[i].text[at] = '\0';
        c->doc->blocks.len = at ? i + 1 : i;
        c->doc->truncated = 1;
        break;
    }
    return NP_OK;
}

/* The stages after extraction: clean, join, analyse. */
static int finish(np__ctx *c)
{
    double *t = c->doc->stage_seconds, t0 = np__now(), t1;
    const np_parse_options *o = &c->parser->opts;
    int rc;
    if ((rc = limit_count(c, &c->doc->blocks, o->max_blocks,
                          NP_DEFAULT_MAX_BLOCKS, "blocks")) != NP_OK)
        return rc;
    if ((!(c->flags & NP_PARSE_NO_ENTITIES) || !(c->flags & NP_PARSE_NO_QUOTES)) &&
        (rc = limit_tokens(c)) != NP_OK)
        return rc;
    if (c->url && !c->doc->meta[NP__URL] &&
        (rc = np__doc_set(c->doc, NP__URL, c->url, (size_t)-1, "input")) != NP_OK)
        return rc;
    if (!(c->flags & NP_PARSE_NO_CLEAN)) {
        if ((rc = np__clean_document(c)) != NP_OK)
            return rc;
        t[NP_STAGE_CLEAN] = np__now() - t0;
    }
    if ((rc = np__doc_join(c->doc)) != NP_OK)
        return rc;
    t1 = np__now();
    if (!(c->flags & NP_PARSE_NO_ENTITIES) || !(c->flags & NP_PARSE_NO_QUOTES)) {
        np__tokens tk;
        rc = np__tokenize(c, &tk);
        t0 = np__now();
        t[NP_STAGE_TOKENS] = t0 - t1;
        if (rc == NP_OK && !(c->flags & NP_PARSE_NO_ENTITIES))
            rc = np__entities(c, &tk);
        if (rc == NP_OK)
            rc = limit_count(c, &c->doc->entities, o->max_entities,
                             NP_DEFAULT_MAX_ENTITIES, "entities");
        t1 = np__now();
        t[NP_STAGE_ENTITIES] = t1 - t0;
        if (rc == NP_OK && !(c->flags & NP_PARSE_NO_QUOTES))
            rc = np__quotes(c, &tk);
        if (rc == NP_OK)
            rc = limit_count(c, &c->doc->quotes, o->max_quotes,
                             NP_DEFAULT_MAX_QUOTES, "quotes");
        if (rc == NP_OK) {
            /* a speaker among the entities a limit dropped is unknown */
            size_t i;
            for (i = 0; i < c->doc->quotes.len; i++) {
                np_quote *q = np__vec_at(&c->doc->quotes, i);
                if (q->speaker_entity >= (long)c->doc->entities.len)
                    q->speaker_entity = -1;
            }
        }
        t[NP_STAGE_QUOTES] = np__now() - t1;
        np__tokens_free(&tk);
    }
    return rc;
}

static int end(np__ctx *c, int rc, np_document **out)
{
    /* kept on the parser too, so that a failed parse has its timings */
    memcpy(c->parser->stage_seconds, c->doc->stage_seconds,
           sizeof c->parser->stage_seconds);
    if (rc != NP_OK) {
        if (c->parser->err.code == NP_OK)
            np__error(c->parser, rc, "%s", np_strerror(rc));
        np_document_free(c->doc);
        return c->parser->err.code;
    }
    *out = c->doc;
    return NP_OK;
}

/* What a parse call reads: bytes (HTML or text) or a caller's tree. */
typedef struct parse_input {
    const char *buf;
    size_t len;
    const struct _xmlDoc *tree;
} parse_input;

static int parse_html(np_parser *p, np_document **out, const parse_input *in,
                      const char *url)
{
    const char *buf = in->buf;
    size_t len = in->len;
    np__ctx c;
    np__buf utf8 = NP__BUF_INIT;
    void *tree = NULL;
    double t0 = np__now(), t1;
    int rc = begin(p, out, buf, &len, url, &c);
    if (rc != NP_OK)
        return rc;
    rc = np__decode_html(&c, buf ? buf : "", len, &utf8);
    if (rc == NP_OK && utf8.oom)
        rc = np__error(p, NP_ENOMEM, "out of memory while decoding");
    if (rc == NP_OK)
        rc = np__load_html(&c, np__buf_cstr(&utf8), utf8.len, &tree);
    np__buf_free(&utf8);
    t1 = np__now();
    c.doc->stage_seconds[NP_STAGE_LOAD] = t1 - t0;
    if (rc == NP_OK && !(c.flags & NP_PARSE_NO_METADATA))
        rc = np__meta_html(&c, tree);
    if (rc == NP_OK)
        rc = (c.flags & NP_PARSE_KEEP_ALL) ? np__extract_all(&c, tree)
                                           : np__extract_html(&c, tree);
    np__tree_free(tree);
    c.doc->stage_seconds[NP_STAGE_EXTRACT] = np__now() - t1;
    if (rc == NP_OK)
        rc = finish(&c);
    return end(&c, rc, out);
}

static int parse_text(np_parser *p, np_document **out, const parse_input *in,
                      const char *url)
{
    const char *buf = in->buf;
    size_t len = in->len;
    np__ctx c;
    np__buf utf8 = NP__BUF_INIT;
    double t0 = np__now(), t1;
    int rc = begin(p, out, buf, &len, url, &c);
    if (rc != NP_OK)
        return rc;
    rc = np__decode_text(&c, buf ? buf : "", len, &utf8);
    if (rc == NP_OK && utf8.oom)
        rc = np__error(p, NP_ENOMEM, "out of memory while decoding");
    t1 = np__now();
    c.doc->stage_seconds[NP_STAGE_LOAD] = t1 - t0;
    if (rc == NP_OK)
        rc = np__extract_text(&c, np__buf_cstr(&utf8), utf8.len);
    c.doc->stage_seconds[NP_STAGE_EXTRACT] = np__now() - t1;
    np__buf_free(&utf8);
    if (rc == NP_OK)
        rc = finish(&c);
    return end(&c, rc, out);
}

/* Depth and node count of a caller's tree, checked without changing it.
 * An entity reference's children are its entity's declaration in the DTD,
 * not part of the tree: the walk does not enter them, and counts the
 * references in *refs. */
static int check_tree(np__ctx *c, const xmlNode *root, size_t *refs)
{
    const np_parse_options *o = &c->parser->opts;
    size_t max_depth = o->max_depth ? o->max_depth : NP_DEFAULT_MAX_DEPTH;
    size_t max_nodes = o->max_nodes ? o->max_nodes : NP_DEFAULT_MAX_NODES;
    size_t depth = 0, count = 0;
    const xmlNode *n = root;
    *refs = 0;
    while (n) {
        if (++count > max_nodes)
            return np__error(c->parser, NP_ELIMIT,
                             "the tree has more than %zu nodes", max_nodes);
        if (n->type == XML_ENTITY_REF_NODE)
            ++*refs;
        else if (n->children) {
            if (++depth > max_depth)
                return np__error(c->parser, NP_ELIMIT,
                                 "the tree is deeper than %zu", max_depth);
            n = n->children;
            continue;
        }
        while (n != root && !n->next) {
            n = n->parent;
            depth--;
        }
        if (n == root)
            break;
        n = n->next;
    }
    return NP_OK;
}

/* Appends the text an entity reference stands for: the text nodes of its
 * entity's content (elements entered, at most `max_depth` deep), not
 * following the references inside it. A chain of entities that would
 * expand to gigabytes (billion laughs) so gives each reference no more than
 * its own entity's text. */
static void entity_text(np__buf *b, const xmlNode *ref, size_t max_depth)
{
    const xmlEntity *ent = (const xmlEntity *)ref->children;
    const xmlNode *n, *top;
    size_t depth = 0;
    if (!ent || ent->type != XML_ENTITY_DECL)
        return;
    if (!ent->children) {
        /* never parsed into nodes: its text when it holds no markup */
        if (ent->etype == XML_INTERNAL_GENERAL_ENTITY && ent->content &&
            !strpbrk((const char *)ent->content, "&<"))
            np__buf_puts(b, (const char *)ent->content);
        return;
    }
    top = (const xmlNode *)ent;
    n = ent->children;
    while (n && n != top) {
        if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) &&
            n->content)
            np__buf_puts(b, (const char *)n->content);
        if (n->type == XML_ELEMENT_NODE && n->children && depth < max_depth) {
            depth++;
            n = n->children;
            continue;
        }
        while (n && n != top && !n->next) {
            n = n->parent;
            depth--;
        }
        if (!n || n == top)
            break;
        n = n->next;
    }
}

/* A copy of a caller's tree whose entity references are text nodes holding
 * the entity's text, so that the stages read that text like any other.
 * The text all references add is counted against max_bytes: past it,
 * NP_ELIMIT, or with NP_PARSE_TRUNCATE the references after it stay empty
 * and the document is marked truncated. */
static int expand_refs(np__ctx *c, const xmlDoc *tree, xmlDoc **out)
{
    const np_parse_options *o = &c->parser->opts;
    size_t max = o->max_bytes ? o->max_bytes : NP_DEFAULT_MAX_BYTES;
    size_t max_depth = o->max_depth ? o->max_depth : NP_DEFAULT_MAX_DEPTH;
    size_t total = 0;
    np__buf b = NP__BUF_INIT;
    xmlDoc *copy = xmlCopyDoc((xmlDocPtr)tree, 1);
    const xmlNode *root = xmlDocGetRootElement((xmlDocPtr)tree), *n;
    xmlNode *k;
    int rc = NP_OK;
    *out = NULL;
    if (!copy)
        return np__error(c->parser, NP_ENOMEM, "out of memory copying the tree");
    n = root;
    k = xmlDocGetRootElement(copy);
    while (n && k && rc == NP_OK) {
        if (n->type != k->type) {
            rc = np__error(c->parser, NP_ERROR, "the copy of the tree differs");
            break;
        }
        if (n->type == XML_ENTITY_REF_NODE) {
            xmlNode *t;
            np__buf_clear(&b);
            entity_text(&b, n, max_depth);
            if (b.oom) {
                rc = np__error(c->parser, NP_ENOMEM, "out of memory");
                break;
            }
            if (b.len > max - total) {
                if (!(c->flags & NP_PARSE_TRUNCATE)) {
                    rc = np__error(c->parser, NP_ELIMIT, "the entity references "
                                   "stand for more than %zu bytes", max);
                    break;
                }
                c->doc->truncated = 1;
                b.len = 0;
            }
            total += b.len;
            t = xmlNewDocTextLen(copy, (const xmlChar *)np__buf_cstr(&b), (int)b.len);
            if (!t || !xmlReplaceNode(k, t)) {
                xmlFreeNode(t);
                rc = np__error(c->parser, NP_ENOMEM, "out of memory");
                break;
            }
            xmlFreeNode(k);
            k = t;
        } else if (n->children) {
            if (!k->children) {
                rc = np__error(c->parser, NP_ERROR, "the copy of the tree differs");
                break;
            }
            n = n->children;
            k = k->children;
            continue;
        }
        while (n != root && !n->next) {
            n = n->parent;
            k = k->parent;
        }
        if (n == root)
            break;
        n = n->next;
        k = k->next;
    }
    np__buf_free(&b);
    if (rc != NP_OK) {
        xmlFreeDoc(copy);
        return rc;
    }
    *out = copy;
    return NP_OK;
}

static int parse_xmldoc(np_parser *p, np_document **out,
                        const parse_input *in, const char *url)
{
    const struct _xmlDoc *tree = in->tree;
    np__ctx c;
    size_t len = 0, refs = 0;
    xmlDoc *copy = NULL;
    double t1;
    int rc;
    if (!tree) {
        clear_error(p);
        return np__error(p, NP_EINVAL, "the tree is NULL");
    }
    rc = begin(p, out, "", &len, url, &c);
    if (rc != NP_OK)
        return rc;
    t1 = np__now();
    if (xmlDocGetRootElement((xmlDocPtr)tree))
        rc = check_tree(&c, xmlDocGetRootElement((xmlDocPtr)tree), &refs);
    /* The stages read the tree and never change it; a tree with entity
     * references is read through a copy where they are text. */
    if (rc == NP_OK && refs)
        rc = expand_refs(&c, tree, &copy);
    if (copy)
        tree = copy;
    if (rc == NP_OK && !(c.flags & NP_PARSE_NO_METADATA))
        rc = np__meta_html(&c, (void *)tree);
    if (rc == NP_OK)
        rc = (c.flags & NP_PARSE_KEEP_ALL) ? np__extract_all(&c, (void *)tree)
                                           : np__extract_html(&c, (void *)tree);
    xmlFreeDoc(copy);
    c.doc->stage_seconds[NP_STAGE_EXTRACT] = np__now() - t1;
    if (rc == NP_OK)
        rc = finish(&c);
    return end(&c, rc, out);
}

/* Runs one parse (parse_html, parse_text or parse_xmldoc) with the parser
 * held for it: a parser in use by another thread is refused. */
static int guarded(np_parser *p, np_document **out,
                   int (*parse)(np_parser *, np_document **, const parse_input *,
                                const char *),
                   const parse_input *in, const char *url)
{
    int rc;
    if (!p)
        return refuse_null(out);
    if ((rc = acquire(p, out)) != NP_OK)
        return rc;
    rc = parse(p, out, in, url);
    release(p);
    return rc;
}

int np_parse_html(np_parser *p, np_document **out, const char *buf, size_t len,
                  const char *url)
{
    const parse_input in = { buf, len, NULL };
    return guarded(p, out, parse_html, &in, url);
}

int np_parse_text(np_parser *p, np_document **out, const char *buf, size_t len,
                  const char *url)
{
    const parse_input in = { buf, len, NULL };
    return guarded(p, out, parse_text, &in, url);
}

int np_parse_xmldoc(np_parser *p, np_document **out, const struct _xmlDoc *tree,
                    const char *url)
{
    const parse_input in = { NULL, 0, tree };
    return guarded(p, out, parse_xmldoc, &in, url);
}

/* ------------------------------------------------------------ one call */

int np_parse_to_json(const char *buf, size_t len, int input, const char *url,
                     const char *source, const np_parse_options *opts,
                     uint32_t json_flags, char **out, size_t *out_len)
{
    np_parser *p = NULL;
    np_document *doc = NULL;
    int pretty = (json_flags & NP_JSON_PRETTY) != 0, rc;
    const char *msg = NULL;
    if (out_len)
        *out_len = 0;
    if (!out)
        return NP_EINVAL;
    *out = NULL;
    if (input != NP_INPUT_AUTO && input != NP_INPUT_HTML && input != NP_INPUT_TEXT)
        msg = "unknown input kind";
    else if (!buf && len)
        msg = "the input buffer is NULL";
    else if (json_flags & ~(uint32_t)NP__JSON_FLAGS)
        msg = "unknown JSON output flags";
    if (msg)
        return np__json_error_record(source, NP_EINVAL, msg, pretty, out, out_len);
    rc = np_parser_new(&p, opts);
    if (rc != NP_OK)
        return np__json_error_record(source, rc, rc == NP_EINVAL
                                     ? "invalid options (version or flags)"
                                     : np_strerror(rc), pretty, out, out_len);
    if (input == NP_INPUT_AUTO)
        input = np_looks_like_html(buf, len) ? NP_INPUT_HTML : NP_INPUT_TEXT;
    rc = input == NP_INPUT_HTML ? np_parse_html(p, &doc, buf, len, url)
                                : np_parse_text(p, &doc, buf, len, url);
    if (rc != NP_OK)
        rc = np__json_error_record(source, rc, np_parser_errmsg(p), pretty,
                                   out, out_len);
    else if ((rc = np_document_to_json(doc, source, json_flags, out, out_len)) != NP_OK)
        rc = np__json_error_record(source, rc, np_strerror(rc), pretty, out,
                                   out_len);
    np_document_free(doc);
    np_parser_free(p);
    return rc;
}

/*
 * Internal declarations shared by the stages of the library.
 *
 * The flow is one way: load -> extract (+ meta) -> clean -> analyse -> emit.
 * Each stage reads what the previous one left in the np_document under
 * construction and adds its own part. Nothing here is exported: only np_*
 * symbols leave the shared library.
 */
#ifndef NP_INTERNAL_H
#define NP_INTERNAL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "newsparse/newsparse.h"

#if defined(__GNUC__)
#  define NP__PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#  define NP__PRINTF(f, a)
#endif

/* ---------------------------------------------------------------- util */

/* util/alloc.c: every allocation of the library goes through these, so
 * that tests can make the Nth one fail. */
void *np__malloc(size_t n);
void *np__calloc(size_t n, size_t size);
void *np__realloc(void *p, size_t n);
void np__free(void *p);
char *np__strndup(const char *s, size_t n);

/* util/arena.c: a document's strings and arrays, freed in one go.
 * Allocations are 8-byte aligned; NULL on failure. */
typedef struct np__arena np__arena;
np__arena *np__arena_new(void);
void np__arena_free(np__arena *a);
void *np__arena_alloc(np__arena *a, size_t n);
void *np__arena_calloc(np__arena *a, size_t n);
char *np__arena_strndup(np__arena *a, const char *s, size_t n);
char *np__arena_strdup(np__arena *a, const char *s);

/* util/buf.c: a growing byte buffer. On allocation failure the buffer keeps
 * what it had, sets `oom` and every later put is a no-op returning
 * NP_ENOMEM, so a writer may check once at the end. */
typedef struct np__buf {
    char *ptr;
    size_t len;
    size_t cap;
    int oom;
} np__buf;
#define NP__BUF_INIT { NULL, 0, 0, 0 }
int np__buf_reserve(np__buf *b, size_t extra);
int np__buf_put(np__buf *b, const char *s, size_t n);
int np__buf_puts(np__buf *b, const char *s);
int np__buf_putc(np__buf *b, int c);
int np__buf_printf(np__buf *b, const char *fmt, ...) NP__PRINTF(2, 3);
/* NUL-terminates (without counting it) and returns ptr ("" if empty). */
const char *np__buf_cstr(np__buf *b);
void np__buf_clear(np__buf *b);
void np__buf_free(np__buf *b);
/* Hands the bytes over (NUL-terminated, from np__malloc) and resets b. */
char *np__buf_detach(np__buf *b, size_t *len);

/* util/vec.c: a growing array of fixed-size elements (malloc-backed). */
typedef struct np__vec {
    void *ptr;
    size_t len;
    size_t cap;
    size_t elsize;
} np__vec;
void np__vec_init(np__vec *v, size_t elsize);
/* Appends a zeroed element; returns it, or NULL on allocation failure.
 * Pointers into the vector are invalidated by the next push. */
void *np__vec_push(np__vec *v);
void *np__vec_at(const np__vec *v, size_t i);
void np__vec_free(np__vec *v);

/* util/utf8.c */
/* Length of a valid UTF-8 sequence at s (1-4), or 0 if it is not valid. */
size_t np__utf8_valid_seq(const unsigned char *s, size_t n);
/* 1 if the whole buffer is valid UTF-8 (no overlongs, no surrogates). */
int np__utf8_valid(const char *s, size_t n);
/* Decodes one code point (valid input only); advances *i. */
uint32_t np__utf8_next(const char *s, size_t n, size_t *i);
/* Appends a code point as UTF-8. */
int np__buf_put_cp(np__buf *b, uint32_t cp);
/* Counts words (runs of letters/digits, apostrophes inside) in UTF-8 text. */
size_t np__count_words(const char *s, size_t n);

/* ASCII character classes and case, whatever the locale: the <ctype.h>
 * functions and strcasecmp() follow the application's setlocale(), and in
 * a Turkish locale tolower('I') is not 'i'. The library uses these only. */
static inline int np__isdigit(int c) { return c >= '0' && c <= '9'; }
static inline int np__isupper(int c) { return c >= 'A' && c <= 'Z'; }
static inline int np__islower(int c) { return c >= 'a' && c <= 'z'; }
static inline int np__isalpha(int c) { return np__isupper(c) || np__islower(c); }
static inline int np__isalnum(int c) { return np__isalpha(c) || np__isdigit(c); }
static inline int np__isxdigit(int c)
{
    return np__isdigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
static inline int np__isspace(int c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
static inline int np__tolower(int c) { return np__isupper(c) ? c + 32 : c; }
static inline int np__toupper(int c) { return np__islower(c) ? c - 32 : c; }
/* strcasecmp() and strncasecmp() in ASCII (util/ascii.c). */
int np__ascii_casecmp(const char *a, const char *b);
int np__ascii_ncasecmp(const char *a, const char *b, size_t n);

/* util/ascii.c: case-insensitive tests of s[0..n) against a lower-case
 * ASCII literal: equal, a prefix of s, the offset of its first occurrence
 * (n if none), whether it occurs. */
int np__ascii_eq_ci(const char *s, size_t n, const char *lower);
int np__ascii_prefix_ci(const char *s, size_t n, const char *lower);
size_t np__ascii_find_ci(const char *s, size_t n, const char *lower);
int np__ascii_contains_ci(const char *s, size_t n, const char *lower);

/* ------------------------------------------------------------ document */

/* Metadata fields, in JSON order. */
enum {
    NP__TITLE = 0,
    NP__DESCRIPTION,
    NP__PUBLISHED,
    NP__MODIFIED,
    NP__SITE_NAME,
    NP__LANGUAGE,
    NP__URL,
    NP__IMAGE,
    NP__AUTHORS,   /* only in sources[]: authors live in doc->authors */
    NP__NFIELDS
};
extern const char *const np__field_names[NP__NFIELDS];

struct np_fix {
    const char *rule;
    const char *before;
    const char *after;
    size_t start, end;        /* output: the body (or the clean result) */
    size_t in_start, in_end;  /* input: the block's raw text (or clean input) */
    size_t block;             /* for a document: which block (internal) */
};

struct np_entity {
    const char *name;
    const char *role;         /* NULL if none */
    int type;                 /* NP_ENTITY_* */
    size_t n_mentions;
    size_t *spans;            /* 2 * n_mentions: start, end, ... (arena) */
};

struct np_quote {
    const char *text;
    const char *speaker;      /* NULL if unknown */
    const char *cue;          /* NULL if none */
    long speaker_entity;      /* index into entities, -1 if none */
    int kind;                 /* NP_QUOTE_* */
    size_t start, end;
};

typedef struct np__block {
    int kind;                 /* NP_BLOCK_* */
    char *text;               /* arena; cleaned in place by the clean stage */
    size_t len;
    size_t start;             /* offset in the body (set when joined) */
    long image;               /* for a caption: index into images, else -1 */
} np__block;

typedef struct np__image {
    const char *src;
    const char *caption;
    const char *credit;
} np__image;

struct np_document {
    np__arena *arena;
    const char *meta[NP__NFIELDS];     /* NP__AUTHORS slot unused */
    const char *sources[NP__NFIELDS];  /* static strings: where it came from */
    np__vec authors;                   /* const char * (arena) */
    np__vec blocks;                    /* np__block */
    np__vec images;                    /* np__image */
    np__vec entities;                  /* np_entity */
    np__vec quotes;                    /* np_quote */
    np__vec fixes;                     /* np_fix */
    const char *body;                  /* arena, NUL-terminated */
    size_t body_len;
    size_t word_count;
    int is_article;
    int truncated;
    double stage_seconds[NP_STAGE_COUNT];  /* profiling (np_document_stage_seconds) */
};

np_document *np__doc_new(void);
/* Sets a metadata field (copied; len may be (size_t)-1 for strlen).
 * Trims surrounding whitespace; an empty value leaves the field unset.
 * `source` is a static string such as "json-ld" or "og:title". */
int np__doc_set(np_document *d, int field, const char *s, size_t len,
                const char *source);
int np__doc_add_author(np_document *d, const char *s, size_t len);
/* Appends a block (text copied). Returns its index, or -1 on failure. */
long np__doc_add_block(np_document *d, int kind, const char *text, size_t len);
/* Appends an image (strings copied, each may be NULL). Index or -1. */
long np__doc_add_image(np_document *d, const char *src, const char *caption,
                       const char *credit);
/* Joins the blocks into the body, sets block starts, turns the fixes'
 * block-relative offsets into body offsets and counts words. */
int np__doc_join(np_document *d);

/* -------------------------------------------------------------- parser */

struct np__text_state;   /* lib/text: per-parser cleanup state */
struct np__nlp_state;    /* lib/nlp: per-parser analysis state */

struct np_parser {
    np_parse_options opts;   /* strings point at the copies below */
    char *base_url;
    char *charset;
    int errcode;
    np__buf errmsg;
    struct np__text_state *text;  /* created lazily by lib/text */
    struct np__nlp_state *nlp;    /* created lazily by lib/nlp */
    double stage_seconds[NP_STAGE_COUNT];  /* of the last parse call */
};

/* A monotonic clock in seconds, for stage timings. */
double np__now(void);

/* Records an error on the parser and returns code. */
int np__error(np_parser *p, int code, const char *fmt, ...) NP__PRINTF(3, 4);

/* Per-parse context handed to every stage. */
typedef struct np__ctx {
    np_parser *parser;
    np_document *doc;
    const char *url;     /* the page's address or NULL */
    uint32_t flags;      /* NP_PARSE_* */
} np__ctx;

/* -------------------------------------------------------------- stages */

/* load/charset.c: decodes HTML bytes to UTF-8 (BOM, meta charset,
 * http-equiv, the options' hint, windows-1252 fallback). */
int np__decode_html(np__ctx *c, const char *buf, size_t len, np__buf *out);
/* load/charset.c: converts bytes in a named charset to UTF-8 with ICU. */
int np__convert_to_utf8(np__ctx *c, const char *charset, const char *buf,
                        size_t len, np__buf *out);

/* load/html.c: parses UTF-8 HTML into a libxml2 tree (an htmlDocPtr,
 * returned as void *), enforcing the depth and node limits; and frees it. */
int np__load_html(np__ctx *c, const char *utf8, size_t len, void **tree);
void np__tree_free(void *tree);
/* load/text.c: plain-text input as valid UTF-8 (BOMs, UTF-16, invalid
 * bytes read as windows-1252 unless NP_PARSE_NO_CLEAN). */
int np__decode_text(np__ctx *c, const char *buf, size_t len, np__buf *out);

/* extract/html.c: the article body of a libxml2 tree as blocks and images,
 * and doc->is_article. `tree` is an xmlDocPtr (kept as void * so that this
 * header does not need libxml2's). */
int np__extract_html(np__ctx *c, void *tree);
/* extract/all.c: every text block of the tree, no boilerplate removal
 * (NP_PARSE_KEEP_ALL). */
int np__extract_all(np__ctx *c, void *tree);
/* meta/meta.c: metadata of a libxml2 tree into doc->meta and authors. */
int np__meta_html(np__ctx *c, void *tree);
/* extract/text.c: a plain-text article (valid UTF-8) into blocks and the
 * metadata the text gives (headline, date line, image credit). */
int np__extract_text(np__ctx *c, const char *text, size_t len);

/* text/: cleans every block of doc in place (new arena strings), with
 * evidence shared across the blocks, and appends an np_fix per edit with
 * `block` set and offsets relative to that block. Also cleans the
 * metadata strings (without recording fixes). */
int np__clean_document(np__ctx *c);
/* text/: frees the per-parser cleanup state (NULL is a no-op). */
void np__text_state_free(struct np__text_state *s);

/* nlp/tokens.c: tokens and sentences of the body, once, with ICU break
 * iterators; shared by entities and quotes. */
#define NP__TOK_WORD       (1u << 0)  /* letters or digits */
#define NP__TOK_UPPER      (1u << 1)  /* starts with an upper-case letter */
#define NP__TOK_ALLCAPS    (1u << 2)  /* two or more letters, all upper case */
#define NP__TOK_DIGIT      (1u << 3)  /* starts with a digit */
#define NP__TOK_PUNCT      (1u << 4)  /* punctuation (not a space) */
#define NP__TOK_SENT_START (1u << 5)  /* first token of a sentence */
#define NP__TOK_PARA_START (1u << 6)  /* first token of a block */
/* Quotation marks (" “ ” „ ‟ « » ' ‘ ’ ‚ ‹ › and two ' ‘ ’ or ` in a row,
 * read as one double mark): */
#define NP__TOK_QMARK      (1u << 7)  /* a quotation mark */
#define NP__TOK_QDOUBLE    (1u << 8)  /* of the double family */
#define NP__TOK_QLEFT      (1u << 9)  /* shaped to open (“ „ ‟ « ‘ ‚ ‹ ``) */
#define NP__TOK_QRIGHT     (1u << 10) /* shaped to close (” » ’ ›) */
#define NP__TOK_QLFLANK    (1u << 11) /* left-flanking: may open */
#define NP__TOK_QRFLANK    (1u << 12) /* right-flanking: may close */
#define NP__TOK_QPAIR      (1u << 13) /* with the next token, one mark */
typedef struct np__token {
    size_t start, end;     /* byte offsets in the body */
    uint32_t flags;        /* NP__TOK_* */
    uint32_t sentence;     /* index into sentences */
    uint32_t cp;           /* the first code point */
} np__token;
typedef struct np__sentence {
    size_t start, end;          /* byte offsets in the body */
    size_t tok_begin, tok_end;  /* token index range */
    size_t block;               /* block index */
} np__sentence;
typedef struct np__tokens {
    np__vec toks;    /* np__token; spaces are not tokens */
    np__vec sents;   /* np__sentence */
} np__tokens;
int np__tokenize(np__ctx *c, np__tokens *out);
void np__tokens_free(np__tokens *t);

/* nlp/entities.c: fills doc->entities from the body. */
int np__entities(np__ctx *c, const np__tokens *tk);
/* nlp/quotes.c: fills doc->quotes from the body (reads doc->entities). */
int np__quotes(np__ctx *c, const np__tokens *tk);
/* nlp/: frees the per-parser analysis state (NULL is a no-op). */
void np__nlp_state_free(struct np__nlp_state *s);

#endif /* NP_INTERNAL_H */

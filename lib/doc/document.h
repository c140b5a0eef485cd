/*
 * The document model (lib/doc): what a parse produces, written by every
 * stage in turn and read by the emitters and the public accessors.
 */
#ifndef NP_DOC_DOCUMENT_H
#define NP_DOC_DOCUMENT_H

#include <stddef.h>
#include <stdint.h>

#include "newsparse/newsparse.h"
#include "util/util.h"


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
    const char *before;       /* may hold NUL bytes: before_len */
    const char *after;
    size_t before_len, after_len;
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

#endif /* NP_DOC_DOCUMENT_H */

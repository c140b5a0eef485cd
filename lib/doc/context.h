/*
 * The parser and the per-parse context (lib/doc): what every stage is
 * handed. One step above the document model, below every stage.
 */
#ifndef NP_DOC_CONTEXT_H
#define NP_DOC_CONTEXT_H

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

#include "newsparse/newsparse.h"
#include "util/util.h"
#include "doc/document.h"

struct np__text_state;   /* lib/text: per-parser cleanup state */
struct np__tokens_state; /* lib/text: per-parser tokenizer state */

struct np_parser {
    np__errrec err;          /* first: np__error (util) reaches it by a cast */
    np_parse_options opts;   /* strings point at the copies below */
    char *base_url;
    char *charset;
    atomic_int busy;         /* a thread is inside a parse call */
    atomic_int refused;      /* the last call was refused: busy */
    struct np__text_state *text;  /* created lazily by lib/text */
    struct np__tokens_state *tokens; /* created lazily by lib/text */
    double stage_seconds[NP_STAGE_COUNT];  /* of the last parse call */
};
_Static_assert(offsetof(struct np_parser, err) == 0,
               "np__error reaches the error record by a cast");

/* Per-parse context handed to every stage. */
/* The memory promise (docs/reliability.md): peak within the larger of
 * NP__ALLOWANCE_FLOOR and 20 times the input. The limits that keep it
 * count elements of the tree (NP__NODE_BYTES each) and tokens of the text
 * (core.c) against it. */
#define NP__ALLOWANCE_FLOOR ((size_t)256 * 1024 * 1024)
#define NP__NODE_BYTES 512

typedef struct np__ctx {
    np_parser *parser;
    np_document *doc;
    const char *url;     /* the page's address or NULL */
    uint32_t flags;      /* NP_PARSE_* */
    size_t input_len;    /* bytes of input read (0 for a caller's tree) */
    const char *evidence;  /* the article's own text as JSON-LD gives it
                            * (articleBody, recipe ingredients and steps):
                            * whitespace folded, one string a line; NULL */
    size_t evidence_len;
    int load_again;      /* the load stage parsed the page a second time,
                          * leaving everything to libxml2 (lib/load) */
} np__ctx;

#endif /* NP_DOC_CONTEXT_H */

/*
 * The edit-writing machinery of the text cleanup (lib/text/edit.c): the
 * per-parser state with its code page tables, texts under cleanup, and
 * the pass writer that records every edit. The driver (clean.c) and the
 * passes both build on it; it knows neither.
 */
#ifndef NP_TEXT_EDIT_H
#define NP_TEXT_EDIT_H

#include <unicode/unorm2.h>
#include <unicode/ucnv.h>

#include "util/util.h"
#include "doc/document.h"

/* Per-parser (or per np_clean() call) state: ICU objects and the
 * single-byte code pages used to undo mojibake. */
#define NP__CP_COUNT 9
typedef struct np__codepage {
    const char *name;          /* ICU converter name */
    uint32_t to_uni[128];      /* bytes 0x80..0xFF; 0 = unmapped */
    /* sorted (code point, byte) pairs for the reverse direction */
    uint32_t rev_cp[128];
    unsigned char rev_byte[128];
    int nrev;
} np__codepage;

struct np__text_state {
    const UNormalizer2 *nfc;
    const UNormalizer2 *nfkc;
    np__codepage cp[NP__CP_COUNT];  /* [0] is windows-1252 (sloppy) */
    int ncp;
    int cp_loaded;          /* the code pages are read on first need */
};

int np__text_state_init(struct np__text_state *s);
/* Loads the code page tables (once per state); NP_OK or NP_ERROR. */
int np__text_codepages(struct np__text_state *s);

/* One recorded edit of one pass. */
typedef struct np__tedit {
    size_t in_s, in_e;     /* span in the pass's input */
    size_t out_s, out_e;   /* span in the pass's output */
    const char *rule;      /* static string */
} np__tedit;

#define NP__MAX_PASSES 8

/* A text under cleanup. */
typedef struct np__ttext {
    char *s;               /* current text (np__malloc, NUL-terminated) */
    size_t n;
    char *orig;            /* the input, kept for the fixes' "before" */
    size_t orig_n;
    np__vec ed[NP__MAX_PASSES];  /* np__tedit per pass */
    int npass;
} np__ttext;

int np__ttext_init(np__ttext *t, const char *s, size_t n);
void np__ttext_free(np__ttext *t);

/* A pass writer: copies the input, applying edits given in order. */
typedef struct np__tw {
    np__ttext *t;
    const char *in;
    size_t n;
    size_t done;           /* input copied up to here */
    np__buf out;
    np__vec *ed;
    int err;
} np__tw;

int np__tw_begin(np__tw *w, np__ttext *t);
/* Replaces in[s..e) by rep[0..rl); s must not be before the previous edit's
 * end. Errors are sticky (checked by np__tw_end). */
void np__tw_edit(np__tw *w, size_t s, size_t e, const char *rep, size_t rl,
                 const char *rule);
/* Finishes the pass: the text becomes the output (if anything changed). */
int np__tw_end(np__tw *w);

/* Appends the edits of t as np_fix elements to out (strings in arena);
 * `block` is stored in each. */
int np__ttext_fixes(np__ttext *t, np__arena *arena, np__vec *out,
                    size_t block);

#endif /* NP_TEXT_EDIT_H */

/*
 * Internal interfaces of the text cleanup (lib/text).
 *
 * A text is cleaned by a fixed sequence of passes. Each pass reads the text
 * the previous one produced and writes a new one, recording its edits (input
 * span, output span, rule, before and after). At the end the edits of every
 * pass are mapped back to offsets in the original input and forward to
 * offsets in the final output, so that each becomes one np_fix.
 */
#ifndef NP_TEXT_H
#define NP_TEXT_H

#include <unicode/unorm2.h>
#include <unicode/ucnv.h>

#include "np_internal.h"

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

/* Options of one cleanup run. */
typedef struct np__cleaner {
    struct np__text_state *st;
    uint32_t flags;        /* NP_CLEAN_NO_* */
    int english;           /* text looks English */
    uint32_t apos;         /* apostrophe to write: ' or U+2019 */
    /* document evidence: capitalised words seen (hash set of spans) */
    np__buf namebuf;
    size_t *name_off;
    size_t *name_len;
    size_t name_cap, name_count;
    int oom;
} np__cleaner;

/* The passes (files in lib/text). */
int np__pass_bytes(np__cleaner *c, np__ttext *t);
int np__pass_mojibake(np__cleaner *c, np__ttext *t);
int np__pass_markup(np__cleaner *c, np__ttext *t);
int np__pass_chars(np__cleaner *c, np__ttext *t);
int np__pass_nfc(np__cleaner *c, np__ttext *t);
int np__pass_spaces(np__cleaner *c, np__ttext *t);
int np__pass_apostrophes(np__cleaner *c, np__ttext *t);

/* Evidence gathering over the (mostly clean) text: English words, the
 * apostrophe style and capitalised names. Counts are added to *words and
 * *english; *curly and *straight count apostrophes between letters. */
void np__evidence_scan(np__cleaner *c, const char *s, size_t n,
                       size_t *words, size_t *english, size_t *curly,
                       size_t *straight);
int np__cleaner_has_name(const np__cleaner *c, const char *s, size_t n);
void np__cleaner_free(np__cleaner *c);

/* lexicon.c */
/* Function-word classes */
#define NP__FW_DET   0x01u
#define NP__FW_PRON  0x02u
#define NP__FW_PREP  0x04u
#define NP__FW_CONJ  0x08u
#define NP__FW_AUX   0x10u
#define NP__FW_ADV   0x20u
#define NP__FW_WH    0x40u
unsigned np__funcword(const char *w, size_t n);
int np__given_name(const char *w, size_t n);
int np__place_name(const char *w, size_t n);
int np__org_cue(const char *w, size_t n);
int np__role_noun(const char *w, size_t n);
int np__demonym(const char *w, size_t n);

/* UTF-8 helpers that accept any valid text */
uint32_t np__u8_prev(const char *s, size_t *i);

#endif /* NP_TEXT_H */

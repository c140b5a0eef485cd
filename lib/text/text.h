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

#include "util/util.h"
#include "doc/context.h"
#include "text/edit.h"

/* The stage's entry points (clean.c). */

/* Cleans every block of doc in place (new arena strings), with evidence
 * shared across the blocks, and appends an np_fix per edit with `block`
 * set and offsets relative to that block. Also cleans the metadata
 * strings (without recording fixes). */
int np__clean_document(np__ctx *c);
/* Frees the per-parser cleanup state (NULL is a no-op). */
void np__text_state_free(struct np__text_state *s);

/* Options of one cleanup run. */
typedef struct np__cleaner {
    struct np__text_state *st;
    uint32_t flags;        /* NP_CLEAN_NO_* */
    int english;           /* text looks English */
    uint32_t apos;         /* apostrophe to write: ' or U+2019 */
    /* document evidence: capitalised words seen (hash set of spans) */
    np__strtab names;      /* values unused */
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
int np__title_word(const char *w, size_t n);
int np__abbrev_word(const char *w, size_t n);

/* UTF-8 helpers that accept any valid text */
uint32_t np__u8_prev(const char *s, size_t *i);

#endif /* NP_TEXT_H */

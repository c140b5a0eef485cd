/* Which words follow a possessive in edited English ("own", "wife",
 * "death") and which follow a plain word in -s ("are", "of"): weights
 * learnt from the Brown corpus (generated table in apos_context.c, built
 * by gen_apos_context.py; provenance in README.md). */
#ifndef NP_APOS_CONTEXT_H
#define NP_APOS_CONTEXT_H

#include <stddef.h>
#include <stdint.h>

typedef struct np__ctx_entry {
    uint32_t key;          /* offset in np__ctx_keys */
    int8_t weight;         /* 10 x log10 P(w | after a possessive) /
                              P(w | after a plain -s word) */
    uint8_t verb;          /* tagged as a verb at least half the time */
} np__ctx_entry;

extern const char np__ctx_keys[];
extern const np__ctx_entry np__ctx_entries[];
extern const uint32_t np__ctx_slots[];
extern const uint32_t np__ctx_slots_mask;

/* The weight of w[0..n) (any ASCII case) as the word after a possible
 * possessive: above 0 for a possessive, below 0 against; 0 when the corpus
 * saw the word too seldom. *verb (may be NULL) is set to 1 when the corpus
 * reads the word mostly as a verb. A hash look-up (lookup.c). */
int np__ctx_weight(const char *w, size_t n, int *verb);

#endif

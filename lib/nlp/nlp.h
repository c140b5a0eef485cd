/*
 * Internal declarations of the analysis stage (lib/nlp): the per-parser
 * state and the helpers shared by tokens, entities and quotes.
 */
#ifndef NP_NLP_H
#define NP_NLP_H

#include <unicode/ubrk.h>

#include "np_internal.h"

/* Per-parser analysis state, created on first use by np__tokenize() and
 * freed by np__nlp_state_free() with the parser. */
struct np__nlp_state {
    UBreakIterator *word;   /* ICU word boundaries ("en") */
    UBreakIterator *sent;   /* ICU sentence boundaries ("en@ss=standard") */
};

#endif /* NP_NLP_H */

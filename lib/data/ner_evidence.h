/* How words are typed as names in open NER data (generated table in
 * ner_evidence.c, built by gen_ner_evidence.py from the learning half of
 * wikigold, BTC, WNUT17 and GUM; CC BY 4.0, provenance in README.md). */
#ifndef NP_NER_EVIDENCE_H
#define NP_NER_EVIDENCE_H

#include <stddef.h>
#include <stdint.h>

/* Counts (capped at 255), by type: 0 PERSON, 1 ORG, 2 PLACE. */
typedef struct np__nerev_entry {
    uint32_t key;          /* offset in np__nerev_keys */
    uint8_t alone[3];      /* the word is a name of one word */
    uint8_t last[3];       /* the word ends a name of several words */
    uint8_t ocap;          /* capitalised outside any name, not first */
} np__nerev_entry;

extern const char np__nerev_keys[];
extern const np__nerev_entry np__nerev_entries[];
extern const uint32_t np__nerev_slots[];
extern const uint32_t np__nerev_slots_mask;

/* The entry of the word w[0..n) (any ASCII case), NULL when the data holds
 * no such word. A hash look-up (lookup.c). */
const np__nerev_entry *np__nerev_find(const char *w, size_t n);

#endif

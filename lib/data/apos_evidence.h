/* How often English writes "x's" against "xs" and "x" (generated table in
 * apos_evidence.c, built by gen_apos_evidence.py from wordfreq; CC BY-SA
 * 4.0, provenance in README.md). */
#ifndef NP_APOS_EVIDENCE_H
#define NP_APOS_EVIDENCE_H

#include <stddef.h>
#include <stdint.h>

/* Zipf frequencies times ten (log10 per billion words; 0: not in the
 * source table). */
typedef struct np__apos_entry {
    uint32_t key;          /* offset in np__apos_keys */
    uint8_t poss;          /* "x's" */
    uint8_t plain;         /* "xs", the same letters as a word of its own */
    uint8_t stem;          /* "x" */
} np__apos_entry;

extern const char np__apos_keys[];
extern const np__apos_entry np__apos_entries[];
extern const uint32_t np__apos_slots[];
extern const uint32_t np__apos_slots_mask;

/* The entry of the spelling w[0..n) ("states", any ASCII case), NULL when
 * the source has no "x's" for it nor a name "x" written far more often
 * than "xs" (such a name's entry has poss 0). A hash look-up (lookup.c). */
const np__apos_entry *np__apos_find(const char *w, size_t n);

#endif

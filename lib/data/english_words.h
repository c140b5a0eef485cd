/* The English lexicon compiled into the library (generated table in
 * english_words.c, built by gen_english.py; provenance in README.md). */
#ifndef NP_ENGLISH_WORDS_H
#define NP_ENGLISH_WORDS_H

#include <stddef.h>
#include <stdint.h>

/* Flags of a word: how a (lower-cased) spelling is used. */
#define NP__LEX_LOWER    0x001u  /* occurs in lower case (a common word) */
#define NP__LEX_CAP      0x002u  /* occurs capitalised (a proper noun) */
#define NP__LEX_POSS     0x004u  /* takes a possessive 's */
#define NP__LEX_NOUN     0x008u
#define NP__LEX_VERB     0x010u  /* a verb's base form */
#define NP__LEX_ADJ      0x020u
#define NP__LEX_PLURAL   0x040u  /* a plural noun made with -s */
#define NP__LEX_ING      0x080u
#define NP__LEX_ED       0x100u
#define NP__LEX_ADV      0x200u
#define NP__LEX_VERB3    0x400u  /* a verb's third person singular (-s) */
#define NP__LEX_PROPER_S 0x800u  /* a proper noun ending in s (James) */

/* A bucket of the hash index: one 64-byte cache line holding the words
 * that hash to it (or that it passed on), each with its flags, so that a
 * look-up reads one line (hashtab.py's write_lines gives the layout). */
typedef struct np__lex_line {
    _Alignas(64) unsigned char b[64];
} np__lex_line;

extern const np__lex_line np__english_lines[];
extern const uint32_t np__english_lines_mask;

/* The flags (NP__LEX_*) of the spelling w[0..n) in any ASCII case (no NUL
 * needed), 0 when it is not a word. A hash look-up (lookup.c). */
unsigned np__english_find(const char *w, size_t n);
/* Asks for the cache line np__english_find(w, n) will read, so that a
 * caller going through many words can have their misses overlap. */
void np__english_prefetch(const char *w, size_t n);

#endif

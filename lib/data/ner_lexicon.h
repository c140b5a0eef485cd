/*
 * The entity recogniser's lexicon: a table of keys (lower-cased words and
 * names) with what they can be, and its hash index, generated into
 * lib/data/ner_lexicon.c by lib/data/gen_ner_data.py. Read-only, shared by
 * every parser.
 */
#ifndef NP_DATA_NER_LEXICON_H
#define NP_DATA_NER_LEXICON_H

#include <stddef.h>
#include <stdint.h>

#define NP__LX_COMMON    (1u << 0)   /* an ordinary lower-case English word */
#define NP__LX_PROPER    (1u << 1)   /* a word only ever written capitalised */
#define NP__LX_GIVEN     (1u << 2)   /* a given name */
#define NP__LX_COUNTRY   (1u << 3)
#define NP__LX_CITY      (1u << 4)
#define NP__LX_STATE     (1u << 5)   /* US state, Canadian province */
#define NP__LX_REGION    (1u << 6)   /* continent, region */
#define NP__LX_ORG       (1u << 7)   /* a well-known organisation */
#define NP__LX_TITLE     (1u << 8)   /* "President", "Sen." before a name */
#define NP__LX_ROLE      (1u << 9)   /* "spokesperson", "coach" before a name */
#define NP__LX_ORG_CUE   (1u << 10)  /* last word of an organisation */
#define NP__LX_ORG_HEAD  (1u << 11)  /* first word: "University (of)" */
#define NP__LX_PLACE_CUE (1u << 12)  /* last word of a place: "Arena" */
#define NP__LX_CONNECTOR (1u << 13)  /* "of", "de" inside a name */
#define NP__LX_PARTICLE  (1u << 14)  /* "von", "de" inside a person's name */
#define NP__LX_DEMONYM   (1u << 15)  /* "French", "Muslims" */
#define NP__LX_NONENTITY (1u << 16)  /* months, days, page furniture */
#define NP__LX_PLACE     (1u << 17)  /* other well-known places */
#define NP__LX_CASED     (1u << 18)  /* the name flags hold only in capitals
                                        ("US", "WHO", "IN") */
#define NP__LX_EVENT     (1u << 19)  /* last word of an event: "Cup" */
#define NP__LX_ORG_MOD   (1u << 20)  /* "Correctional" (Center): an org */
#define NP__LX_TEAM      (1u << 21)  /* first word of a club: "FC" */
#define NP__LX_ABBREV    (1u << 22)  /* takes its dot: "St.", "Mt." */
#define NP__LX_PERSON_HEAD (1u << 23) /* "the actor": someone named before */
#define NP__LX_TITLE_ALONE (1u << 24) /* "Mr.", "President": alone before a
                                         surname ([title_alone]) */
#define NP__LX_ABBR_CLEANUP (1u << 25) /* no sentence end after its full
                                          stop, for the apostrophe pass */
#define NP__LX_ABBR_QUOTE (1u << 26) /* the same, for the tokens' sentence
                                        starts (lib/text/tokens.c) */
#define NP__LX_GIVEN_WIDE (1u << 27) /* a given name of the wider list, for
                                        the bylines of the metadata only */
#define NP__LX_PLACE_HEAD (1u << 28) /* first word of a place: "Fort", "Lake" */

/* Bits read only by other stages, which the entity recogniser ignores: a
 * word that has only these is no entry for it. */
#define NP__LX_OTHER_STAGES (NP__LX_ABBR_CLEANUP | NP__LX_ABBR_QUOTE | NP__LX_GIVEN_WIDE)

#define NP__LX_ANYPLACE (NP__LX_COUNTRY | NP__LX_CITY | NP__LX_STATE \
                         | NP__LX_REGION | NP__LX_PLACE)

typedef struct np__ner_entry {
    uint32_t key;     /* offset of the NUL-terminated key in np__ner_strings */
    int32_t canon;    /* offset of the usual full name, or -1 */
    uint32_t flags;   /* NP__LX_* */
} np__ner_entry;

extern const char np__ner_strings[];
extern const np__ner_entry np__ner_entries[];
extern const uint32_t np__ner_slots[];
extern const uint32_t np__ner_slots_mask;

/* The entry whose key is key[0..n) (lower case, as the generator made
 * it; no NUL needed), or NULL. A hash look-up (lib/data/lookup.c). */
const np__ner_entry *np__ner_find(const char *key, size_t n);

/* The flags of the word w[0..n) in any ASCII case ("President", "sen"),
 * 0 when the table has none; with or_dotted, ORed with those of the word
 * with a dot after it ("Sen" as "Sen.", "Dr" as "Dr."). */
uint32_t np__ner_word(const char *w, size_t n, int or_dotted);

#endif /* NP_DATA_NER_LEXICON_H */

/*
 * The words that introduce a byline, per language (lib/data/bylines.c):
 * one table for the byline finder of the metadata (lib/meta/meta.c) and
 * the byline reader (lib/meta/authors.c).
 */
#ifndef NP_DATA_BYLINES_H
#define NP_DATA_BYLINES_H

#include <stddef.h>

enum {
    /* a preposition before the name: "By Jane Doe", "Von Jane Doe" */
    NP__BYL_LEAD = 1,
    /* a phrase before the name: "Written by", "Verfasst von" */
    NP__BYL_PHRASE = 2,
    /* a noun that labels the name: "Author: Jane Doe", "Autor" */
    NP__BYL_NOUN = 3,
    /* a noun that labels the name only before a colon, being a common
     * word or heading alone: "Interview: Jane Doe", Arabic "حوار:" */
    NP__BYL_COLON = 4
};

typedef struct np__byline_label {
    const char *text;    /* lower case, UTF-8, without a colon */
    const char *lang;    /* ISO 639-1 */
    int kind;            /* NP__BYL_* */
} np__byline_label;

/* The table, ended by a NULL text. */
extern const np__byline_label np__byline_labels[];

/* The label that s[0..n) starts with (ASCII case ignored), followed by a
 * space, a colon or the end, the longest of them; NULL when none.
 * *len gets the label's length. */
const np__byline_label *np__byline_label_at(const char *s, size_t n, size_t *len);

#endif /* NP_DATA_BYLINES_H */

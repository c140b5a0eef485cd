/*
 * The names of the months (lib/data/calendar.c): one list for the date
 * parser, the byline reader, the date-line filter of the extraction and
 * the apostrophe pass.
 */
#ifndef NP_DATA_CALENDAR_H
#define NP_DATA_CALENDAR_H

#include <stddef.h>

/* "january" ... "december", lower case. */
extern const char *const np__month_names[12];

/* 1 to 12 for the name of a month or its abbreviation (the first three
 * letters, or "sept"), in any case ("March", "MAR", "Sept"); 0 for
 * anything else. */
int np__month_of(const char *w, size_t n);

/* The same, and the names of the months and their usual abbreviations
 * in German, French, Spanish, Portuguese, Italian and Dutch ("März",
 * "juillet", "mayo", "Okt"), in any case of their ASCII letters; for
 * reading dates, where a number stands next to the month. */
int np__month_of_any(const char *w, size_t n);

/* Whether w[0..n) is the name of a weekday or its abbreviation in one of
 * the languages of np__month_of_any ("Friday", "Fri", "Donnerstag",
 * "miércoles"). */
int np__weekday_of_any(const char *w, size_t n);

#endif /* NP_DATA_CALENDAR_H */

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

#endif /* NP_DATA_CALENDAR_H */

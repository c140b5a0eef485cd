/* The metadata stage (lib/meta), and its helpers shared with the
 * extraction stage (dates, bylines, the JSON-LD article body). */
#ifndef NP_META_H
#define NP_META_H

#include <stddef.h>

#include "util/util.h"
#include "doc/context.h"

/* meta/meta.c: metadata of a libxml2 tree into doc->meta and authors. */
int np__meta_html(np__ctx *c, void *tree);

/* Longest ISO 8601 text np__date_parse writes, with its NUL. */
#define NP__DATE_MAX 32

/* Appends s[0..n) to out as metadata text: character references decoded
 * (HTML's names, numbers, and references escaped more than once such as
 * "&amp;amp;" or "&amp;nbsp;") and every run of white space (no-break and
 * other Unicode spaces included) folded to one space, none at either end.
 * Returns NP_OK or NP_ENOMEM. */
int np__meta_text(const char *s, size_t n, np__buf *out);

/* Parses a date or date-time as a page writes it ("2019-11-19T08:02:00-05:00",
 * "2017-11-03 03:01:00.00000", "February 21, 2022", "21 Feb 2022 09:15 GMT",
 * "Nov. 19, 2019 8:21 am ET") into ISO 8601: "YYYY-MM-DD", or with the
 * time "YYYY-MM-DDTHH:MM:SS" followed by the source's own offset ("Z",
 * "+01:00") where it gives one. Relative dates ("3 hours ago"), dates
 * without a day and years outside 1900..2100 are rejected.
 * Returns 1 and fills `out`, or 0. */
int np__date_parse(const char *s, size_t n, char out[NP__DATE_MAX]);

/* Finds a date in a URL path (/2019/11/19/ or /2019-11-19-): 1 and
 * "YYYY-MM-DD" in out, or 0. */
int np__date_from_url(const char *url, char out[NP__DATE_MAX]);

/* Splits a byline ("By Jane Doe and John Roe, Reuters") into names and
 * adds each to the document's authors, dropping "By", job titles, dates,
 * URLs and e-mail addresses. Returns NP_OK or NP_ENOMEM. */
int np__authors_add(np_document *d, const char *s, size_t n);

/* The title less a trailing " | Site" part: returns the length to keep.
 * `site` (may be NULL) is the site name or host, which is always cut. */
size_t np__title_trim(const char *t, size_t n, const char *site);

/* The "articleBody" of the article a JSON-LD <script> element (an
 * xmlNodePtr) describes, appended to out: 1 when found, 0 when not (or
 * the JSON is broken), NP_ENOMEM. */
int np__jsonld_article_body(const void *script, np__buf *out);

#endif

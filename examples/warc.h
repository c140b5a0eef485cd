/*
 * warc: reads the pages of a WARC file (ISO 28500, WARC/1.0 and 1.1), plain
 * or gzip-compressed (one gzip member per record, as Common Crawl publishes
 * them, or the whole file as one gzip stream), for the newsparse command.
 *
 * Only `response` records become pages: their HTTP payload, with the
 * transfer and content encodings undone, when it is HTML. Other record
 * types (warcinfo, request, metadata, revisit, resource, ...) are skipped.
 * A record that cannot be read (garbage, a wrong Content-Length, a
 * truncated or corrupt gzip member, a payload that is not HTML) is reported
 * as an error and reading goes on at the next record.
 *
 * Not part of the library: it uses zlib and np_looks_like_html() only.
 */
#ifndef NEWSPARSE_EXAMPLES_WARC_H
#define NEWSPARSE_EXAMPLES_WARC_H

#include <stddef.h>
#include <stdio.h>

typedef struct warc_reader warc_reader;

#define WARC_PAGE 1    /* an HTML payload */
#define WARC_ERROR 2   /* a record that could not be read */

typedef struct warc_record {
    int kind;              /* WARC_PAGE or WARC_ERROR */
    char *target_uri;      /* WARC-Target-URI, without <>; NULL if absent */
    char *date;            /* WARC-Date as given; NULL if absent */
    char *record_id;       /* WARC-Record-ID as given; NULL if absent */
    char *payload;         /* WARC_PAGE: the HTTP body, decoded, NUL-terminated */
    size_t len;
    char *charset;         /* WARC_PAGE: the charset of the HTTP Content-Type, or NULL */
    int code;              /* WARC_ERROR: an NP_E* code */
    char message[256];     /* WARC_ERROR: what is wrong */
} warc_record;

/* Whether the first bytes of a file are those of a WARC file: "WARC/", or
 * a gzip member whose content starts so. `len` may be short (a few hundred
 * bytes are enough for gzip). */
int warc_sniff(const unsigned char *buf, size_t len);

/* Whether a file name says WARC: *.warc or *.warc.gz (any case). */
int warc_name(const char *path);

/* Starts reading a WARC from f (borrowed: the caller closes it), whose
 * first `pre_len` bytes were already read into `pre` (for
 * standard input, read to sniff it). A payload longer than max_payload is
 * an NP_ELIMIT error, or with `truncate` cut there. Returns NP_OK or
 * NP_ENOMEM. */
int warc_open(warc_reader **out, FILE *f, const unsigned char *pre, size_t pre_len,
              size_t max_payload, int truncate);

/* Reads the next page or bad record into *rec (which the caller clears
 * with warc_record_clear()). Returns 1, 0 at the end of the file, or
 * NP_ENOMEM. */
int warc_next(warc_reader *r, warc_record *rec);

void warc_record_clear(warc_record *rec);
void warc_close(warc_reader *r);

#endif

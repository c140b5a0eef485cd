/* Fuzz target: the newsparse command's WARC reader (examples/warc.c) over
 * the input as a file, plain or gzip. Byte 0's low bit asks for a small
 * payload limit (so that the limit paths are fuzzed too), bit 1 for
 * --truncate; the rest is the file. Every record must come out as a page of
 * the size it says or as an error with a message, and the reader must end. */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L   /* fmemopen() */
#endif
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../examples/warc.h"
#include <newsparse/newsparse.h>

#define NP_FUZZ_CHECK(cond)                                                  \
    do {                                                                     \
        if (!(cond))                                                         \
            __builtin_trap();                                                \
    } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    unsigned flags = size ? data[0] : 0;
    FILE *f;
    warc_reader *r = NULL;
    warc_record rec;
    size_t n = 0;
    int rc;
    if (size)
        data++, size--;
    /* fmemopen() refuses an empty buffer */
    f = size ? fmemopen((void *)data, size, "rb") : fopen("/dev/null", "rb");
    if (!f)
        return 0;
    if (warc_open(&r, f, NULL, 0, (flags & 1) ? 512 : NP_DEFAULT_MAX_BYTES,
                  (flags & 2) != 0) != NP_OK) {
        fclose(f);
        return 0;
    }
    while ((rc = warc_next(r, &rec)) == 1) {
        NP_FUZZ_CHECK(rec.kind == WARC_PAGE || rec.kind == WARC_ERROR);
        if (rec.kind == WARC_PAGE) {
            NP_FUZZ_CHECK(rec.payload != NULL && rec.payload[rec.len] == '\0');
        } else {
            NP_FUZZ_CHECK(rec.payload == NULL && rec.message[0] != '\0');
            NP_FUZZ_CHECK(rec.code < 0);
        }
        warc_record_clear(&rec);
        /* every record consumes decoded input, and deflate decodes at
         * most 1032 bytes per byte read: a bound that a reader stuck on
         * the same bytes would pass */
        NP_FUZZ_CHECK(++n <= 1032 * size + 1);
    }
    NP_FUZZ_CHECK(rc == 0 || rc == NP_ENOMEM);
    warc_close(r);
    fclose(f);
    return 0;
}

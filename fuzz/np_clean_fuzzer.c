/* Fuzz target: np_clean(). Byte 0 = NP_CLEAN_NO_* flags (the seven defined
 * bits), byte 1 = a small max_bytes when its low bit is set; the rest is
 * the text. Checks: valid UTF-8 out, as many lines out as in (when line
 * ends are kept), edits in order and inside both texts. */
#include "np_fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static size_t count_lf(const char *s, size_t n)
{
    size_t i, k = 0;
    for (i = 0; i < n; i++)
        k += s[i] == '\n';
    return k;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    np_clean_options o;
    np_clean_result *r = NULL;
    const char *text;
    char *copy;
    size_t len = 0, i, n;
    int rc;

    np_clean_options_init(&o, NP_CLEAN_OPTIONS_VERSION);
    if (size >= 2) {
        o.flags = data[0] & 0x7Fu;
        if (data[1] & 1)
            o.max_bytes = 1 + 16u * (data[1] >> 1);
        data += 2;
        size -= 2;
    }
    copy = malloc(size ? size : 1);
    if (!copy)
        return 0;
    if (size)
        memcpy(copy, data, size);
    rc = np_clean(&r, copy, size, &o);
    if (rc != NP_OK) {
        NP_FUZZ_CHECK(r == NULL);
        NP_FUZZ_CHECK(rc == NP_ELIMIT || rc == NP_ENOMEM);
        NP_FUZZ_CHECK(rc != NP_ELIMIT || size > o.max_bytes);
        free(copy);
        return 0;
    }
    text = np_clean_result_text(r, &len);
    NP_FUZZ_CHECK(text != NULL && strlen(text) == len);
    NP_FUZZ_CHECK(np_check_utf8(text, len));
    /* Lines are kept: every LF of the input is an LF of the output (CR
     * and CRLF may become LF, so the output may have more). */
    NP_FUZZ_CHECK(count_lf(text, len) >= count_lf(copy, size));
    n = np_clean_result_fix_count(r);
    for (i = 0; i < n; i++) {
        const np_fix *f = np_clean_result_fix(r, i);
        NP_FUZZ_CHECK(f != NULL && np_fix_rule(f) != NULL);
        np_fuzz_check_str(np_fix_before(f));
        np_fuzz_check_str(np_fix_after(f));
        NP_FUZZ_CHECK(np_fix_start(f) <= np_fix_end(f) && np_fix_end(f) <= len);
        NP_FUZZ_CHECK(np_fix_after(f) != NULL &&
                      np_fix_end(f) - np_fix_start(f) == strlen(np_fix_after(f)) &&
                      memcmp(text + np_fix_start(f), np_fix_after(f),
                             np_fix_end(f) - np_fix_start(f)) == 0);
        NP_FUZZ_CHECK(np_fix_input_start(f) <= np_fix_input_end(f) &&
                      np_fix_input_end(f) <= size);
    }
    NP_FUZZ_CHECK(np_clean_result_fix(r, n) == NULL);
    np_clean_result_free(r);
    free(copy);
    return 0;
}

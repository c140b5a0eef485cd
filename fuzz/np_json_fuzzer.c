/* Fuzz target: the JSON writer. Byte 0 = parse flags as in np_fuzz.h, with
 * its top bit choosing text (set) or HTML input; byte 1 = limits as in
 * np_fuzz.h, its bits 4-7 also giving the NP_JSON_* flags. The document is
 * written as JSON and read back with jansson: it must load, be one line
 * without NP_JSON_PRETTY, hold no raw control character and be valid
 * UTF-8, and its body must equal the document's. */
#include <jansson.h>

#include "np_fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    np_document *d;
    uint32_t jflags = 0;
    char *out = NULL, *text = NULL;
    size_t len = 0, tlen = 0, blen = 0, i;
    int html = 1;
    json_t *j;
    json_error_t err;

    if (size >= 2) {
        html = !(data[0] & 0x80);
        jflags = (data[1] >> 4) & 0x0Fu;
    }
    d = np_fuzz_parse(data, size, html);
    if (!d)
        return 0;
    /* The source name is part of the input too: a control character and a
     * quote, which must come out escaped. */
    NP_FUZZ_CHECK(np_document_to_json(d, "doc\x01\"\t.html", jflags, &out, &len) == NP_OK);
    NP_FUZZ_CHECK(out != NULL && strlen(out) == len);
    NP_FUZZ_CHECK(np_check_utf8(out, len));
    for (i = 0; i < len; i++) {
        unsigned char c = (unsigned char)out[i];
        if (c == '\n' && (jflags & NP_JSON_PRETTY))
            continue;
        NP_FUZZ_CHECK(c >= 0x20);
    }
    j = json_loadb(out, len, JSON_ALLOW_NUL, &err);
    NP_FUZZ_CHECK(j != NULL);
    NP_FUZZ_CHECK(json_is_object(j));
    NP_FUZZ_CHECK(json_integer_value(json_object_get(j, "schema")) == 1);
    {
        const char *body = np_document_body(d, &blen);
        json_t *jb = json_object_get(j, "body");
        NP_FUZZ_CHECK(json_is_string(jb));
        NP_FUZZ_CHECK(json_string_length(jb) == blen);
        NP_FUZZ_CHECK(memcmp(json_string_value(jb), body, blen) == 0);
        NP_FUZZ_CHECK(strcmp(json_string_value(json_object_get(j, "source")),
                             "doc\x01\"\t.html") == 0);
    }
    json_decref(j);
    np_free(out);
    NP_FUZZ_CHECK(np_document_to_text(d, 0, &text, &tlen) == NP_OK);
    NP_FUZZ_CHECK(text != NULL && strlen(text) == tlen);
    NP_FUZZ_CHECK(np_check_utf8(text, tlen));
    np_free(text);
    np_document_free(d);
    return 0;
}

/* Fuzz target: np_parse_text() with options from the two leading bytes
 * (see np_fuzz.h), then every accessor of the document. */
#include "np_fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    np_document *d = np_fuzz_parse(data, size, 0);
    if (d) {
        np_fuzz_check_document(d, 1);
        np_document_free(d);
    }
    return 0;
}

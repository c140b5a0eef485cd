/* The output writers' entry points beyond the public np_document_to_*(). */
#ifndef NP_EMIT_H
#define NP_EMIT_H

#include <stddef.h>
#include <stdint.h>

/* Every NP_JSON_* bit; any other is NP_EINVAL. */
#define NP__JSON_FLAGS (NP_JSON_PRETTY | NP_JSON_NO_BLOCKS | NP_JSON_NO_IMAGES | \
                        NP_JSON_NO_SOURCES)

/* The command's error record, {"schema":1,"source":...,"error":{"code",
 * "message"}} ("source" left out when NULL), compact or indented as
 * np_document_to_json() writes, into *out (owned: np_free()). Returns
 * code, or NP_ENOMEM with *out NULL when the record cannot be allocated. */
int np__json_error_record(const char *source, int code, const char *message,
                          int pretty, char **out, size_t *len);

#endif /* NP_EMIT_H */

/* Plain-text articles (first version): one block per non-empty line. */
#include <string.h>

#include "np_internal.h"

int np__extract_text(np__ctx *c, const char *text, size_t len)
{
    size_t i = 0;
    while (i < len) {
        const char *nl = memchr(text + i, '\n', len - i);
        size_t end = nl ? (size_t)(nl - text) : len;
        size_t s = i, e = end;
        while (s < e && (text[s] == ' ' || text[s] == '\t' || text[s] == '\r'))
            s++;
        while (e > s && (text[e - 1] == ' ' || text[e - 1] == '\t' || text[e - 1] == '\r'))
            e--;
        if (e > s && np__doc_add_block(c->doc, NP_BLOCK_PARAGRAPH, text + s, e - s) < 0)
            return NP_ENOMEM;
        i = end + 1;
    }
    c->doc->is_article = c->doc->blocks.len > 0;
    return NP_OK;
}

/* Plain-text input to valid UTF-8. */
#include "util/util.h"
#include "doc/context.h"
#include "load/load.h"

int np__decode_text(np__ctx *c, const char *buf, size_t len, np__buf *out)
{
    const unsigned char *p = (const unsigned char *)buf;
    if (len >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) {
        buf += 3;
        len -= 3;
    } else if (len >= 2 && p[0] == 0xFF && p[1] == 0xFE) {
        return np__convert_to_utf8(c, len >= 4 && !p[2] && !p[3] ? "UTF-32LE" : "UTF-16LE",
                                   buf + (len >= 4 && !p[2] && !p[3] ? 4 : 2),
                                   len - (len >= 4 && !p[2] && !p[3] ? 4 : 2), out);
    } else if (len >= 2 && p[0] == 0xFE && p[1] == 0xFF) {
        return np__convert_to_utf8(c, "UTF-16BE", buf + 2, len - 2, out);
    }
    if (!np__utf8_valid(buf, len) && (c->flags & NP_PARSE_NO_CLEAN))
        return np__error(c->parser, NP_EENCODING,
                         "the text is not valid UTF-8");
    return np__convert_to_utf8(c, "utf-8", buf, len, out);
}

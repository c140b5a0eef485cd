/* Which addresses the library exposes: web addresses only. */
#include <string.h>

#include "util/util.h"

/* Reads the scheme of s as a browser would (the URL standard: leading C0
 * controls and spaces skipped, tabs and newlines anywhere ignored): a
 * letter, then letters, digits, "+", "-" or ".", then ":". Returns
 * NP__URL_WEB for http and https (any case), NP__URL_RELATIVE when s has no
 * scheme (a path, "?query", "#fragment" or "//host/path"), NP__URL_OTHER
 * for any other scheme (javascript:, data:, file:, vbscript:, ...) and for
 * an empty address. */
int np__url_kind(const char *s)
{
    char scheme[8];
    size_t n = 0;
    if (!s)
        return NP__URL_OTHER;
    while (*s && (unsigned char)*s <= ' ')
        s++;
    if (!*s)
        return NP__URL_OTHER;
    if (!np__isalpha((unsigned char)*s))
        return NP__URL_RELATIVE;
    for (;; s++) {
        unsigned char ch = (unsigned char)*s;
        if (ch == '\t' || ch == '\n' || ch == '\r')
            continue;
        if (ch == ':')
            break;
        if (!(np__isalnum(ch) || ch == '+' || ch == '-' || ch == '.'))
            return NP__URL_RELATIVE;   /* "/", "?", "#", end: no scheme */
        if (n < sizeof(scheme))
            scheme[n] = (char)np__tolower(ch);
        n++;
    }
    if ((n == 4 && !memcmp(scheme, "http", 4)) ||
        (n == 5 && !memcmp(scheme, "https", 5)))
        return NP__URL_WEB;
    return NP__URL_OTHER;
}

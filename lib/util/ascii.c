/* Case-insensitive tests of a byte range against a literal whose ASCII
 * letters are lower case. ASCII letters match in any case; every other
 * byte, of the range or of the literal (UTF-8 sequences), matches only
 * itself. */
#include <string.h>

#include "util/util.h"

/* Whether s[0..k) equals lower[0..k), ASCII letters in any case, other
 * bytes as they are. */
static int same_text_ci(const char *s, const char *lower, size_t k)
{
    size_t i;
    for (i = 0; i < k; i++) {
        unsigned char a = (unsigned char)s[i], b = (unsigned char)lower[i];
        if (a != b && (a >= 0x80 || np__tolower(a) != b))
            return 0;
    }
    return 1;
}

int np__text_eq_ci(const char *s, size_t n, const char *lower)
{
    return strlen(lower) == n && same_text_ci(s, lower, n);
}

int np__text_prefix_ci(const char *s, size_t n, const char *lower)
{
    size_t k = strlen(lower);
    return n >= k && same_text_ci(s, lower, k);
}

size_t np__text_find_ci(const char *s, size_t n, const char *lower)
{
    size_t k = strlen(lower), i;
    for (i = 0; i + k <= n; i++)
        if (same_text_ci(s + i, lower, k))
            return i;
    return n;
}

int np__text_contains_ci(const char *s, size_t n, const char *lower)
{
    return *lower == '\0' || np__text_find_ci(s, n, lower) < n;
}

int np__ascii_ncasecmp(const char *a, const char *b, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++) {
        int x = np__tolower((unsigned char)a[i]), y = np__tolower((unsigned char)b[i]);
        if (x != y)
            return x - y;
        if (!x)
            break;
    }
    return 0;
}

int np__ascii_casecmp(const char *a, const char *b)
{
    return np__ascii_ncasecmp(a, b, (size_t)-1);
}

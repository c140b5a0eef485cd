/* ASCII case-insensitive tests of a byte range against a literal. The
 * literal must be lower-case ASCII; the range may hold any bytes (bytes
 * of UTF-8 sequences never equal an ASCII letter). */
#include <string.h>

#include "np_internal.h"

int np__ascii_eq_ci(const char *s, size_t n, const char *lower)
{
    size_t i;
    if (strlen(lower) != n)
        return 0;
    for (i = 0; i < n; i++)
        if (np__tolower((unsigned char)s[i]) != lower[i])
            return 0;
    return 1;
}

int np__ascii_prefix_ci(const char *s, size_t n, const char *lower)
{
    size_t k = strlen(lower), i;
    if (n < k)
        return 0;
    for (i = 0; i < k; i++)
        if (np__tolower((unsigned char)s[i]) != lower[i])
            return 0;
    return 1;
}

size_t np__ascii_find_ci(const char *s, size_t n, const char *lower)
{
    size_t k = strlen(lower), i, j;
    for (i = 0; i + k <= n; i++) {
        for (j = 0; j < k; j++)
            if (np__tolower((unsigned char)s[i + j]) != lower[j])
                break;
        if (j == k)
            return i;
    }
    return n;
}

int np__ascii_contains_ci(const char *s, size_t n, const char *lower)
{
    return *lower == '\0' || np__ascii_find_ci(s, n, lower) < n;
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

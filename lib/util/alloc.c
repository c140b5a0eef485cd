/* The one allocation wrapper of the library. */
#include <stdlib.h>
#include <string.h>

#include "np_internal.h"

void *np__malloc(size_t n)
{
    return malloc(n ? n : 1);
}

void *np__calloc(size_t n, size_t size)
{
    if (n == 0 || size == 0)
        n = size = 1;
    return calloc(n, size);
}

void *np__realloc(void *p, size_t n)
{
    return realloc(p, n ? n : 1);
}

void np__free(void *p)
{
    free(p);
}

char *np__strndup(const char *s, size_t n)
{
    char *d = np__malloc(n + 1);
    if (!d)
        return NULL;
    if (n)
        memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

void np_free(void *ptr)
{
    np__free(ptr);
}

/* The one allocation wrapper of the library. */
#include <stdlib.h>
#include <string.h>

#include "util/util.h"

#ifdef NP_ALLOC_TESTING
/* Test builds only (cmake -DNP_ALLOC_TESTING=ON): failure injection and
 * counts, per thread, so that a test can make the Nth allocation of a call
 * fail and check that nothing of ours is left allocated afterwards. Normal
 * builds have none of this state. These functions are internal: they are
 * not exported from the shared library (hidden visibility, not np_*). */
static _Thread_local unsigned long np__alloc_count;   /* made so far */
static _Thread_local unsigned long np__alloc_fail_at; /* 0 = never */
static _Thread_local int np__alloc_sticky;            /* fail all after */
static _Thread_local long np__alloc_live;             /* not yet freed */

void np__alloc_testing_fail_at(unsigned long n, int sticky);
unsigned long np__alloc_testing_count(void);
long np__alloc_testing_live(void);

/* Makes the nth allocation from now fail: that one only, or with `sticky`
 * every one after it too (as when memory has run out); n = 0 turns failures
 * off. Resets the count. */
void np__alloc_testing_fail_at(unsigned long n, int sticky)
{
    np__alloc_count = 0;
    np__alloc_fail_at = n;
    np__alloc_sticky = sticky;
}

unsigned long np__alloc_testing_count(void)
{
    return np__alloc_count;
}

long np__alloc_testing_live(void)
{
    return np__alloc_live;
}

static int np__alloc_fails(void)
{
    np__alloc_count++;
    return np__alloc_fail_at && (np__alloc_count == np__alloc_fail_at ||
                                 (np__alloc_sticky && np__alloc_count > np__alloc_fail_at));
}
#  define NP__FAIL() np__alloc_fails()
#  define NP__LIVE(d) (np__alloc_live += (d))
#else
#  define NP__FAIL() 0
#  define NP__LIVE(d) ((void)0)
#endif

void *np__malloc(size_t n)
{
    void *p;
    if (NP__FAIL())
        return NULL;
    p = malloc(n ? n : 1);
    if (p)
        NP__LIVE(1);
    return p;
}

void *np__calloc(size_t n, size_t size)
{
    void *p;
    if (n == 0 || size == 0)
        n = size = 1;
    if (NP__FAIL())
        return NULL;
    p = calloc(n, size);
    if (p)
        NP__LIVE(1);
    return p;
}

void *np__realloc(void *p, size_t n)
{
    void *q;
    if (NP__FAIL())
        return NULL;
    q = realloc(p, n ? n : 1);
    if (q && !p)
        NP__LIVE(1);
    return q;
}

void np__free(void *p)
{
    if (p)
        NP__LIVE(-1);
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

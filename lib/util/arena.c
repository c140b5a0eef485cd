/* A bump allocator: a document's strings and arrays, freed in one go. */
#include <string.h>

#include "util/util.h"

#define NP__ARENA_CHUNK 16384

typedef struct np__chunk {
    struct np__chunk *next;
    size_t used, size;
    /* data follows, 8-byte aligned */
} np__chunk;

struct np__arena {
    np__chunk *head;
};

#define NP__CHUNK_HDR ((sizeof(np__chunk) + 7) & ~(size_t)7)

np__arena *np__arena_new(void)
{
    return np__calloc(1, sizeof(np__arena));
}

void np__arena_free(np__arena *a)
{
    np__chunk *c, *next;
    if (!a)
        return;
    for (c = a->head; c; c = next) {
        next = c->next;
        np__free(c);
    }
    np__free(a);
}

void *np__arena_alloc(np__arena *a, size_t n)
{
    np__chunk *c = a->head;
    size_t need = (n + 7) & ~(size_t)7;
    if (need < n)
        return NULL; /* overflow */
    if (!c || c->size - c->used < need) {
        size_t size = need > NP__ARENA_CHUNK / 2 ? need : NP__ARENA_CHUNK;
        if (size > SIZE_MAX - NP__CHUNK_HDR)
            return NULL;
        c = np__malloc(NP__CHUNK_HDR + size);
        if (!c)
            return NULL;
        c->used = 0;
        c->size = size;
        if (need > NP__ARENA_CHUNK / 2 && a->head) {
            /* a big block: keep filling the current chunk afterwards */
            c->next = a->head->next;
            a->head->next = c;
        } else {
            c->next = a->head;
            a->head = c;
        }
    }
    c->used += need;
    return (char *)c + NP__CHUNK_HDR + c->used - need;
}

void *np__arena_calloc(np__arena *a, size_t n)
{
    void *p = np__arena_alloc(a, n);
    if (p)
        memset(p, 0, n);
    return p;
}

char *np__arena_strndup(np__arena *a, const char *s, size_t n)
{
    char *d;
    if (n == SIZE_MAX)
        return NULL;
    d = np__arena_alloc(a, n + 1);
    if (!d)
        return NULL;
    if (n)
        memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

char *np__arena_strdup(np__arena *a, const char *s)
{
    return np__arena_strndup(a, s, strlen(s));
}

/*
 * The string table of util/util.h (np__strtab).
 */
#include <string.h>

#include "util/util.h"

static np__strslot *slot(const np__strtab *t, const char *k, size_t n,
                         uint32_t h)
{
    size_t i = h & (t->cap - 1);
    for (;;) {
        np__strslot *s = &t->slots[i];
        if (s->len == 0 ||
            (s->hash == h && s->len == n && memcmp(t->keys.ptr + s->off, k, n) == 0))
            return s;
        i = (i + 1) & (t->cap - 1);
    }
}

static int grow(np__strtab *t)
{
    size_t cap = t->cap ? t->cap * 2 : 64, i, ocap = t->cap;
    np__strslot *old = t->slots, *ns = np__calloc(cap, sizeof(*ns));
    if (!ns)
        return NP_ENOMEM;
    t->slots = ns;
    t->cap = cap;
    for (i = 0; i < ocap; i++)
        if (old[i].len)
            *slot(t, t->keys.ptr + old[i].off, old[i].len, old[i].hash) = old[i];
    np__free(old);
    return NP_OK;
}

long np__strtab_get(const np__strtab *t, const char *k, size_t n)
{
    const np__strslot *s;
    if (!t->cap || n == 0)
        return -1;
    s = slot(t, k, n, np__fnv1a(k, n));
    return s->len ? s->val : -1;
}

int np__strtab_put(np__strtab *t, const char *k, size_t n, long v, long *old)
{
    uint32_t h = np__fnv1a(k, n);
    np__strslot *s;
    if (old)
        *old = -1;
    if (n == 0)
        return NP_OK;
    if ((t->n + 1) * 2 > t->cap && grow(t) != NP_OK)
        return NP_ENOMEM;
    s = slot(t, k, n, h);
    if (s->len) {
        if (old)
            *old = s->val;
        s->val = v;
        return NP_OK;
    }
    if (np__buf_put(&t->keys, k, n) != NP_OK)
        return NP_ENOMEM;
    s->off = t->keys.len - n;
    s->len = n;
    s->hash = h;
    s->val = v;
    t->n++;
    return NP_OK;
}

void np__strtab_free(np__strtab *t)
{
    np__free(t->slots);
    np__buf_free(&t->keys);
    memset(t, 0, sizeof(*t));
}

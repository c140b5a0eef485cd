/* Growing byte buffers and arrays. */
#include <stdio.h>
#include <string.h>

#include "util/util.h"

int np__buf_reserve(np__buf *b, size_t extra)
{
    size_t need, cap;
    char *p;
    if (b->oom)
        return NP_ENOMEM;
    if (extra > SIZE_MAX - b->len - 1)
        goto fail;
    need = b->len + extra + 1;
    if (need <= b->cap)
        return NP_OK;
    cap = b->cap ? b->cap : 64;
    while (cap < need)
        cap = cap > SIZE_MAX / 2 ? need : cap * 2;
    p = np__realloc(b->ptr, cap);
    if (!p)
        goto fail;
    b->ptr = p;
    b->cap = cap;
    return NP_OK;
fail:
    b->oom = 1;
    return NP_ENOMEM;
}

int np__buf_put(np__buf *b, const char *s, size_t n)
{
    if (np__buf_reserve(b, n) != NP_OK)
        return NP_ENOMEM;
    if (n)
        memcpy(b->ptr + b->len, s, n);
    b->len += n;
    return NP_OK;
}

int np__buf_puts(np__buf *b, const char *s)
{
    return np__buf_put(b, s, strlen(s));
}

int np__buf_putc(np__buf *b, int c)
{
    if (!b->oom && b->cap - b->len >= 2 && b->cap) {   /* room for c and NUL */
        b->ptr[b->len++] = (char)c;
        return NP_OK;
    }
    if (np__buf_reserve(b, 1) != NP_OK)
        return NP_ENOMEM;
    b->ptr[b->len++] = (char)c;
    return NP_OK;
}

int np__buf_printf(np__buf *b, const char *fmt, ...)
{
    va_list ap;
    int n;
    char small[256];
    va_start(ap, fmt);
    n = vsnprintf(small, sizeof(small), fmt, ap);
    va_end(ap);
    if (n < 0)
        return NP_ERROR;
    if ((size_t)n < sizeof(small))
        return np__buf_put(b, small, (size_t)n);
    if (np__buf_reserve(b, (size_t)n) != NP_OK)
        return NP_ENOMEM;
    va_start(ap, fmt);
    vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
    return NP_OK;
}

const char *np__buf_cstr(np__buf *b)
{
    if (!b->ptr || b->oom) {
        if (!b->ptr)
            return "";
    }
    b->ptr[b->len] = '\0';
    return b->ptr;
}

void np__buf_clear(np__buf *b)
{
    b->len = 0;
    b->oom = 0;
}

void np__buf_free(np__buf *b)
{
    np__free(b->ptr);
    b->ptr = NULL;
    b->len = b->cap = 0;
    b->oom = 0;
}

char *np__buf_detach(np__buf *b, size_t *len)
{
    char *p;
    if (b->oom || np__buf_reserve(b, 0) != NP_OK) {
        np__buf_free(b);
        return NULL;
    }
    b->ptr[b->len] = '\0';
    p = b->ptr;
    if (len)
        *len = b->len;
    b->ptr = NULL;
    b->len = b->cap = 0;
    return p;
}

void np__vec_init(np__vec *v, size_t elsize)
{
    v->ptr = NULL;
    v->len = v->cap = 0;
    v->elsize = elsize;
}

void *np__vec_push(np__vec *v)
{
    char *slot;
    if (v->len == v->cap) {
        size_t cap = v->cap ? v->cap * 2 : 8;
        void *p;
        if (cap > SIZE_MAX / v->elsize)
            return NULL;
        p = np__realloc(v->ptr, cap * v->elsize);
        if (!p)
            return NULL;
        v->ptr = p;
        v->cap = cap;
    }
    slot = (char *)v->ptr + v->len * v->elsize;
    memset(slot, 0, v->elsize);
    v->len++;
    return slot;
}

void *np__vec_at(const np__vec *v, size_t i)
{
    return i < v->len ? (char *)v->ptr + i * v->elsize : NULL;
}

void np__vec_free(np__vec *v)
{
    np__free(v->ptr);
    v->ptr = NULL;
    v->len = v->cap = 0;
}

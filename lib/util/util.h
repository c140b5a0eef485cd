/*
 * The floor of the library (lib/util): allocation, arenas, buffers and
 * arrays, UTF-8 and ASCII helpers, the clock and error recording. It
 * includes nothing of the library above it, only the public headers for
 * the error codes and the np_parser type.
 */
#ifndef NP_UTIL_H
#define NP_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "newsparse/newsparse.h"

#if defined(__GNUC__)
#  define NP__PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#  define NP__PRINTF(f, a)
#endif


/* util/alloc.c: every allocation of the library goes through these, so
 * that tests can make the Nth one fail. */
void *np__malloc(size_t n);
void *np__calloc(size_t n, size_t size);
void *np__realloc(void *p, size_t n);
void np__free(void *p);
char *np__strndup(const char *s, size_t n);

/* util/arena.c: a document's strings and arrays, freed in one go.
 * Allocations are 8-byte aligned; NULL on failure. */
typedef struct np__arena np__arena;
np__arena *np__arena_new(void);
void np__arena_free(np__arena *a);
void *np__arena_alloc(np__arena *a, size_t n);
void *np__arena_calloc(np__arena *a, size_t n);
char *np__arena_strndup(np__arena *a, const char *s, size_t n);
char *np__arena_strdup(np__arena *a, const char *s);

/* util/buf.c: a growing byte buffer. On allocation failure the buffer keeps
 * what it had, sets `oom` and every later put is a no-op returning
 * NP_ENOMEM, so a writer may check once at the end. */
typedef struct np__buf {
    char *ptr;
    size_t len;
    size_t cap;
    int oom;
} np__buf;
#define NP__BUF_INIT { NULL, 0, 0, 0 }
int np__buf_reserve(np__buf *b, size_t extra);
int np__buf_put(np__buf *b, const char *s, size_t n);
int np__buf_puts(np__buf *b, const char *s);
int np__buf_putc(np__buf *b, int c);
int np__buf_printf(np__buf *b, const char *fmt, ...) NP__PRINTF(2, 3);
/* NUL-terminates (without counting it) and returns ptr ("" if empty). */
const char *np__buf_cstr(np__buf *b);
void np__buf_clear(np__buf *b);
void np__buf_free(np__buf *b);
/* Hands the bytes over (NUL-terminated, from np__malloc) and resets b. */
char *np__buf_detach(np__buf *b, size_t *len);

/* util/vec.c: a growing array of fixed-size elements (malloc-backed). */
typedef struct np__vec {
    void *ptr;
    size_t len;
    size_t cap;
    size_t elsize;
} np__vec;
void np__vec_init(np__vec *v, size_t elsize);
/* Appends a zeroed element; returns it, or NULL on allocation failure.
 * Pointers into the vector are invalidated by the next push. */
void *np__vec_push(np__vec *v);
void *np__vec_at(const np__vec *v, size_t i);
void np__vec_free(np__vec *v);

/* util/utf8.c */
/* Length of a valid UTF-8 sequence at s (1-4), or 0 if it is not valid. */
size_t np__utf8_valid_seq(const unsigned char *s, size_t n);
/* 1 if the whole buffer is valid UTF-8 (no overlongs, no surrogates). */
int np__utf8_valid(const char *s, size_t n);
/* Decodes one code point (valid input only); advances *i. */
uint32_t np__utf8_next(const char *s, size_t n, size_t *i);
/* Appends a code point as UTF-8. */
int np__buf_put_cp(np__buf *b, uint32_t cp);
/* Counts words (runs of letters/digits, apostrophes inside) in UTF-8 text. */
size_t np__count_words(const char *s, size_t n);

/* ASCII character classes and case, whatever the locale: the <ctype.h>
 * functions and strcasecmp() follow the application's setlocale(), and in
 * a Turkish locale tolower('I') is not 'i'. The library uses these only. */
static inline int np__isdigit(int c) { return c >= '0' && c <= '9'; }
static inline int np__isupper(int c) { return c >= 'A' && c <= 'Z'; }
static inline int np__islower(int c) { return c >= 'a' && c <= 'z'; }
static inline int np__isalpha(int c) { return np__isupper(c) || np__islower(c); }
static inline int np__isalnum(int c) { return np__isalpha(c) || np__isdigit(c); }
static inline int np__isxdigit(int c)
{
    return np__isdigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
static inline int np__isspace(int c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
static inline int np__tolower(int c) { return np__isupper(c) ? c + 32 : c; }
static inline int np__toupper(int c) { return np__islower(c) ? c - 32 : c; }
/* strcasecmp() and strncasecmp() in ASCII (util/ascii.c). */
int np__ascii_casecmp(const char *a, const char *b);
int np__ascii_ncasecmp(const char *a, const char *b, size_t n);

/* util/ascii.c: case-insensitive tests of s[0..n) against a literal
 * whose ASCII letters are lower case ("published", or with UTF-8,
 * "ver\xc3\xb6" "ffentlicht"): equal, a prefix of s, the offset of its
 * first occurrence (n if none), whether it occurs. ASCII letters match in
 * any case; other bytes match as they are. */
int np__text_eq_ci(const char *s, size_t n, const char *lower);
int np__text_prefix_ci(const char *s, size_t n, const char *lower);
size_t np__text_find_ci(const char *s, size_t n, const char *lower);
int np__text_contains_ci(const char *s, size_t n, const char *lower);

/* util/url.c: the kind of an address, by its scheme. The library exposes
 * (and resolves against) web addresses only. */
enum { NP__URL_OTHER = 0, NP__URL_RELATIVE, NP__URL_WEB };
int np__url_kind(const char *s);

/* util/hash.c: FNV-1a (32 bits), the one string hash of the library
 * (lib/data/hashtab.py indexes the generated tables with it too), and a
 * small open-addressing table from byte strings (copied into the table)
 * to a long, with linear probing, at most half full; zero-initialised is
 * empty. */
#define NP__FNV1A_INIT 2166136261u
/* One byte more of an FNV-1a hash. */
static inline uint32_t np__fnv1a_step(uint32_t h, unsigned char c)
{
    return (h ^ c) * 16777619u;
}
/* The FNV-1a hash of s[0..n). */
static inline uint32_t np__fnv1a(const char *s, size_t n)
{
    uint32_t h = NP__FNV1A_INIT;
    size_t i;
    for (i = 0; i < n; i++)
        h = np__fnv1a_step(h, (unsigned char)s[i]);
    return h;
}
typedef struct np__strslot {
    size_t off, len;   /* key in the table's buffer; len 0: empty */
    uint32_t hash;
    long val;
} np__strslot;
typedef struct np__strtab {
    np__strslot *slots;
    size_t cap, n;     /* cap is 0 or a power of two */
    np__buf keys;
} np__strtab;
/* The value of k[0..n), or -1 when it is absent (or n is 0). */
long np__strtab_get(const np__strtab *t, const char *k, size_t n);
/* Sets k[0..n) to v (an empty key is ignored); *old (if not NULL) receives
 * the previous value or -1. NP_ENOMEM leaves the table as it was. */
int np__strtab_put(np__strtab *t, const char *k, size_t n, long v, long *old);
/* Frees the table and leaves it empty. */
void np__strtab_free(np__strtab *t);

/* util/clock.c: a monotonic clock in seconds, for stage timings. */
double np__now(void);

/* util/error.c: the error record of a parser: the code of the last
 * failure and its message. A parser holds one as its first member
 * (lib/doc/context.h), which is how np__error reaches it without knowing
 * the rest of the parser. */
typedef struct np__errrec {
    int code;        /* NP_OK when the last call succeeded */
    np__buf msg;     /* the message; meaningful only when code != NP_OK */
} np__errrec;

/* Records an error on the parser and returns code. */
int np__error(np_parser *p, int code, const char *fmt, ...) NP__PRINTF(3, 4);

#endif /* NP_UTIL_H */

/* Document evidence gathered by the cleanup driver and read by the passes:
 * whether the text is English, its apostrophe style, capitalised names. */
#include <string.h>

#include "text/text.h"
#include "data/english_words.h"

static uint32_t name_hash(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    size_t i;
    for (i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

static void name_add(np__cleaner *c, const char *s, size_t n)
{
    size_t i;
    if (c->oom)
        return;
    if ((c->name_count + 1) * 2 > c->name_cap) {
        size_t cap = c->name_cap ? c->name_cap * 2 : 64, k;
        size_t *no = np__calloc(cap, sizeof(*no));
        size_t *nl = np__calloc(cap, sizeof(*nl));
        if (!no || !nl) {
            np__free(no);
            np__free(nl);
            c->oom = 1;
            return;
        }
        for (k = 0; k < c->name_cap; k++) {
            if (!c->name_len[k])
                continue;
            i = name_hash(c->namebuf.ptr + c->name_off[k], c->name_len[k]) &
                (cap - 1);
            while (nl[i])
                i = (i + 1) & (cap - 1);
            no[i] = c->name_off[k];
            nl[i] = c->name_len[k];
        }
        np__free(c->name_off);
        np__free(c->name_len);
        c->name_off = no;
        c->name_len = nl;
        c->name_cap = cap;
    }
    i = name_hash(s, n) & (c->name_cap - 1);
    while (c->name_len[i]) {
        if (c->name_len[i] == n && !memcmp(c->namebuf.ptr + c->name_off[i], s, n))
            return;
        i = (i + 1) & (c->name_cap - 1);
    }
    c->name_off[i] = c->namebuf.len;
    if (np__buf_put(&c->namebuf, s, n) != NP_OK) {
        c->oom = 1;
        return;
    }
    c->name_len[i] = n;
    c->name_count++;
}

int np__cleaner_has_name(const np__cleaner *c, const char *s, size_t n)
{
    size_t i;
    if (!c->name_cap || !n)
        return 0;
    i = name_hash(s, n) & (c->name_cap - 1);
    while (c->name_len[i]) {
        if (c->name_len[i] == n && !memcmp(c->namebuf.ptr + c->name_off[i], s, n))
            return 1;
        i = (i + 1) & (c->name_cap - 1);
    }
    return 0;
}

void np__cleaner_free(np__cleaner *c)
{
    np__free(c->name_off);
    np__free(c->name_len);
    np__buf_free(&c->namebuf);
    c->name_off = NULL;
    c->name_len = NULL;
    c->name_cap = c->name_count = 0;
}

static int is_alpha(unsigned char ch)
{
    return (ch | 0x20) >= 'a' && (ch | 0x20) <= 'z';
}

void np__evidence_scan(np__cleaner *c, const char *s, size_t n,
                       size_t *words, size_t *english, size_t *curly,
                       size_t *straight)
{
    size_t i = 0, seen = 0;
    while (i < n) {
        unsigned char ch = (unsigned char)s[i];
        if (ch == '\'' && i > 0 && i + 1 < n && is_alpha((unsigned char)s[i - 1])
            && is_alpha((unsigned char)s[i + 1]))
            (*straight)++;
        if (ch == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
            (unsigned char)s[i + 2] == 0x99 && i > 0 &&
            is_alpha((unsigned char)s[i - 1]))
            (*curly)++;
        if (ch == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
            ((unsigned char)s[i + 2] >= 0x98 && (unsigned char)s[i + 2] <= 0x9D))
            (*curly)++;  /* typographic quotes: the text is typeset */
        if (is_alpha(ch)) {
            size_t st = i;
            int nonascii = 0;
            while (i < n && (is_alpha((unsigned char)s[i]) ||
                             ((unsigned char)s[i] >= 0x80 &&
                              (unsigned char)s[i] != 0xE2))) {
                if ((unsigned char)s[i] >= 0x80)
                    nonascii = 1;
                i++;
            }
            /* the language is judged on a sample of the lower-case words
             * (names belong to no language) */
            if (*words < 4000 || (++seen & 15) == 0) {
                unsigned lf = nonascii ? 0 : np__english_find(s + st, i - st);
                size_t wt = *words < 4000 ? 1 : 16;
                if (lf & NP__LEX_LOWER) {
                    *words += wt;
                    *english += wt;
                } else if (!(ch >= 'A' && ch <= 'Z')) {
                    *words += wt;
                }
            }
            if (ch >= 'A' && ch <= 'Z' && i - st > 1)
                name_add(c, s + st, i - st);
            continue;
        }
        i++;
    }
}

/* Document evidence gathered by the cleanup driver and read by the passes:
 * whether the text is English, its apostrophe style, capitalised names. */
#include <string.h>

#include "text/text.h"
#include "data/english_words.h"

static void name_add(np__cleaner *c, const char *s, size_t n)
{
    if (!c->oom && np__strtab_put(&c->names, s, n, 0, NULL) != NP_OK)
        c->oom = 1;
}

int np__cleaner_has_name(const np__cleaner *c, const char *s, size_t n)
{
    return np__strtab_get(&c->names, s, n) >= 0;
}

void np__cleaner_free(np__cleaner *c)
{
    np__strtab_free(&c->names);
}

static int is_alpha(unsigned char ch)
{
    return (ch | 0x20) >= 'a' && (ch | 0x20) <= 'z';
}

/* The end of the word at s[i] (a letter), as np__evidence_scan reads it:
 * letters and non-ASCII bytes other than the lead byte of punctuation. */
static size_t word_end(const char *s, size_t n, size_t i)
{
    while (i < n && (is_alpha((unsigned char)s[i]) ||
                     ((unsigned char)s[i] >= 0x80 && (unsigned char)s[i] != 0xE2)))
        i++;
    return i;
}

/* Asks for the lexicon's line of the next word from *ahead on and moves
 * *ahead past it. Each look-up misses the cache (the lexicon is
 * megabytes, and the page's tree has been through the cache since): a
 * word's line asked for a few words before it is read overlaps the
 * misses. */
#define READ_AHEAD 8
static void read_ahead(const char *s, size_t n, size_t *ahead)
{
    size_t i = *ahead, e;
    while (i < n && !is_alpha((unsigned char)s[i]))
        i++;
    e = word_end(s, n, i);
    if (e > i)
        np__english_prefetch(s + i, e - i);
    *ahead = e;
}

void np__evidence_scan(np__cleaner *c, const char *s, size_t n,
                       size_t *words, size_t *english, size_t *curly,
                       size_t *straight)
{
    size_t i = 0, seen = 0, ahead = 0, k;
    for (k = 0; k < READ_AHEAD && *words < 4000; k++)
        read_ahead(s, n, &ahead);
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
            if (*words < 4000)
                read_ahead(s, n, &ahead);
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

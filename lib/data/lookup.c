/* Look-ups in the generated tables through their hash indexes (built by
 * hashtab.py, which hashes and probes exactly as here). One look-up costs
 * a slot or two and a string only when the slot's tag matches (for the
 * entity table, an entry too); the 127,000 English words are kept in their
 * hash lines, so that a look-up reads one cache line where a slot and a
 * string were two misses (and a binary search some 17). */
#include <stddef.h>
#include <string.h>

#include "util/util.h"
#include "apos_context.h"
#include "apos_evidence.h"
#include "english_words.h"
#include "ner_lexicon.h"
#include "ner_evidence.h"

/* Whether the NUL-terminated entry e is exactly s[0..n). */
static int same_key(const char *e, const char *s, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++)
        if (e[i] != s[i])
            return 0;
    return e[n] == '\0';
}

/* Folds w[0..n) into key, ASCII letters to lower case: returns n, or 0
 * when w is empty, does not fit in cap bytes or holds a byte other than a
 * letter (or a hyphen, when hyphens is set): such a word has no entry. */
static size_t fold_key(const char *w, size_t n, char *key, size_t cap,
                       int hyphens)
{
    size_t i;
    if (n == 0 || n >= cap)
        return 0;
    for (i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)w[i];
        if (ch >= 'A' && ch <= 'Z')
            ch = (unsigned char)(ch + 32);
        else if (!((ch >= 'a' && ch <= 'z') || (hyphens && ch == '-')))
            return 0;
        key[i] = (char)ch;
    }
    return n;
}

/* The entry whose key is key[0..n) in a table indexed as hashtab.py builds
 * it (a slot holds the hash's high half and the entry's number from 1; 0
 * is empty), or NULL. Every entry type starts with its key's offset in
 * keys, which is what is read of an entry here. */
_Static_assert(offsetof(np__ner_entry, key) == 0, "entries start with their key");
_Static_assert(offsetof(np__apos_entry, key) == 0, "entries start with their key");
_Static_assert(offsetof(np__nerev_entry, key) == 0, "entries start with their key");
_Static_assert(offsetof(np__ctx_entry, key) == 0, "entries start with their key");

static const void *probe(const uint32_t *slots, uint32_t mask,
                         const void *entries, size_t size, const char *keys,
                         const char *key, size_t n)
{
    uint32_t h = np__fnv1a(key, n), j, v;
    for (j = h & mask; (v = slots[j]) != 0; j = (j + 1) & mask) {
        const void *e = (const char *)entries + size * ((v & 0xFFFFu) - 1);
        uint32_t off;
        memcpy(&off, e, sizeof off);
        if ((v >> 16) == (h >> 16) && same_key(keys + off, key, n))
            return e;
    }
    return NULL;
}

unsigned np__english_find(const char *w, size_t n)
{
    char key[32];
    uint32_t j;
    /* the keys are lower-case letters and hyphens: anything else is no word */
    if (!fold_key(w, n, key, sizeof(key), 1))
        return 0;
    for (j = np__fnv1a(key, n) & np__english_lines_mask;;
         j = (j + 1) & np__english_lines_mask) {
        const unsigned char *l = np__english_lines[j].b;
        size_t i = 1;
        /* records {length, flags low, flags high, key}, a zero length ends */
        while (i < sizeof(np__english_lines[0].b) && l[i]) {
            if (l[i] == n && memcmp(l + i + 3, key, n) == 0)
                return (unsigned)l[i + 1] | (unsigned)l[i + 2] << 8;
            i += 3 + (size_t)l[i];
        }
        if (!(l[0] & 1u))
            return 0;   /* no word of this line's went on */
    }
}

void np__english_prefetch(const char *w, size_t n)
{
    char key[32];
    if (!fold_key(w, n, key, sizeof(key), 1))
        return;
#if defined(__GNUC__)
    __builtin_prefetch(&np__english_lines[np__fnv1a(key, n) & np__english_lines_mask]);
#endif
}

const np__ner_entry *np__ner_find(const char *key, size_t n)
{
    if (n == 0)
        return NULL;
    return probe(np__ner_slots, np__ner_slots_mask, np__ner_entries,
                 sizeof(np__ner_entries[0]), np__ner_strings, key, n);
}

uint32_t np__ner_word(const char *w, size_t n, int or_dotted)
{
    char key[32];
    size_t i;
    const np__ner_entry *e;
    uint32_t f;
    if (n == 0 || n >= sizeof(key))
        return 0;
    for (i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)w[i];
        key[i] = (char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
    }
    e = np__ner_find(key, n);
    f = e ? e->flags : 0;
    if (or_dotted && key[n - 1] != '.' && n + 1 < sizeof(key)) {
        key[n] = '.';
        e = np__ner_find(key, n + 1);
        if (e)
            f |= e->flags;
    }
    return f;
}

const np__apos_entry *np__apos_find(const char *w, size_t n)
{
    char key[32];
    if (!fold_key(w, n, key, sizeof(key), 0))
        return NULL;
    return probe(np__apos_slots, np__apos_slots_mask, np__apos_entries,
                 sizeof(np__apos_entries[0]), np__apos_keys, key, n);
}

const np__nerev_entry *np__nerev_find(const char *w, size_t n)
{
    char key[32];
    if (!fold_key(w, n, key, sizeof(key), 0))
        return NULL;
    return probe(np__nerev_slots, np__nerev_slots_mask, np__nerev_entries,
                 sizeof(np__nerev_entries[0]), np__nerev_keys, key, n);
}

int np__ctx_weight(const char *w, size_t n, int *verb)
{
    char key[32];
    const np__ctx_entry *e = NULL;
    if (fold_key(w, n, key, sizeof(key), 1))
        e = probe(np__ctx_slots, np__ctx_slots_mask, np__ctx_entries,
                  sizeof(np__ctx_entries[0]), np__ctx_keys, key, n);
    if (verb)
        *verb = e ? e->verb : 0;
    return e ? e->weight : 0;
}

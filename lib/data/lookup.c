/* Look-ups in the generated tables through their hash indexes (built by
 * hashtab.py, which hashes and probes exactly as here). One look-up costs
 * a slot or two and one string comparison, where a binary search over the
 * 127,000 English words touched some 17 strings scattered over a megabyte. */
#include <string.h>

#include "english_words.h"
#include "nlp/lexicon.h"

static uint32_t fnv1a(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    size_t i;
    for (i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    return h;
}

/* Whether the NUL-terminated entry e is exactly s[0..n). */
static int same_key(const char *e, const char *s, size_t n)
{
    return memcmp(e, s, n) == 0 && e[n] == '\0';
}

unsigned np__english_find(const char *key, size_t n)
{
    uint32_t j, v;
    if (n == 0)
        return 0;
    for (j = fnv1a(key, n) & np__english_slots_mask;
         (v = np__english_slots[j]) != 0; j = (j + 1) & np__english_slots_mask)
        if (same_key(np__english_words + np__english_offsets[v - 1], key, n))
            return np__english_flags[v - 1];
    return 0;
}

const np__ner_entry *np__ner_find(const char *key, size_t n)
{
    uint32_t j, v;
    if (n == 0)
        return NULL;
    for (j = fnv1a(key, n) & np__ner_slots_mask;
         (v = np__ner_slots[j]) != 0; j = (j + 1) & np__ner_slots_mask)
        if (same_key(np__ner_strings + np__ner_entries[v - 1].key, key, n))
            return &np__ner_entries[v - 1];
    return NULL;
}

/* Look-ups in the generated tables through their hash indexes (built by
 * hashtab.py, which hashes and probes exactly as here). One look-up costs
 * a slot or two and, for the English words, a string only when the slot's
 * tag matches (for the entity table, an entry too), where a binary search over the
 * 127,000 English words touched some 17 strings scattered over a megabyte. */
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

unsigned np__english_find(const char *w, size_t n)
{
    char key[32];
    uint32_t h, j;
    size_t i;
    const np__lex_slot *e;
    if (n == 0 || n >= sizeof(key))
        return 0;
    /* the keys are lower-case letters and hyphens: anything else is no word */
    for (i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)w[i];
        if (ch >= 'A' && ch <= 'Z')
            ch = (unsigned char)(ch + 32);
        else if (!((ch >= 'a' && ch <= 'z') || ch == '-'))
            return 0;
        key[i] = (char)ch;
    }
    h = np__fnv1a(key, n);
    for (j = h & np__english_slots_mask;
         (e = &np__english_slots[j])->off != 0xFFFFFFFFu;
         j = (j + 1) & np__english_slots_mask)
        if (e->tag == (uint16_t)(h >> 16) &&
            same_key(np__english_words + e->off, key, n))
            return e->flags;
    return 0;
}

const np__ner_entry *np__ner_find(const char *key, size_t n)
{
    uint32_t h, j, v;
    if (n == 0)
        return NULL;
    h = np__fnv1a(key, n);
    for (j = h & np__ner_slots_mask; (v = np__ner_slots[j]) != 0;
         j = (j + 1) & np__ner_slots_mask) {
        const np__ner_entry *e = &np__ner_entries[(v & 0xFFFFu) - 1];
        if ((v >> 16) == (h >> 16) && same_key(np__ner_strings + e->key, key, n))
            return e;
    }
    return NULL;
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
    uint32_t h, j, v;
    size_t i;
    if (n == 0 || n >= sizeof(key))
        return NULL;
    for (i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)w[i];
        if (ch >= 'A' && ch <= 'Z')
            ch = (unsigned char)(ch + 32);
        else if (!(ch >= 'a' && ch <= 'z'))
            return NULL;
        key[i] = (char)ch;
    }
    h = np__fnv1a(key, n);
    for (j = h & np__apos_slots_mask; (v = np__apos_slots[j]) != 0;
         j = (j + 1) & np__apos_slots_mask) {
        const np__apos_entry *e = &np__apos_entries[(v & 0xFFFFu) - 1];
        if ((v >> 16) == (h >> 16) && same_key(np__apos_keys + e->key, key, n))
            return e;
    }
    return NULL;
}

const np__nerev_entry *np__nerev_find(const char *w, size_t n)
{
    char key[32];
    uint32_t h, j, v;
    size_t i;
    if (n == 0 || n >= sizeof(key))
        return NULL;
    for (i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)w[i];
        if (ch >= 'A' && ch <= 'Z')
            ch = (unsigned char)(ch + 32);
        else if (!(ch >= 'a' && ch <= 'z'))
            return NULL;
        key[i] = (char)ch;
    }
    h = np__fnv1a(key, n);
    for (j = h & np__nerev_slots_mask; (v = np__nerev_slots[j]) != 0;
         j = (j + 1) & np__nerev_slots_mask) {
        const np__nerev_entry *e = &np__nerev_entries[(v & 0xFFFFu) - 1];
        if ((v >> 16) == (h >> 16) && same_key(np__nerev_keys + e->key, key, n))
            return e;
    }
    return NULL;
}

int np__ctx_weight(const char *w, size_t n, int *verb)
{
    char key[32];
    uint32_t h, j, v;
    size_t i;
    if (verb)
        *verb = 0;
    if (n == 0 || n >= sizeof(key))
        return 0;
    for (i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)w[i];
        if (ch >= 'A' && ch <= 'Z')
            ch = (unsigned char)(ch + 32);
        else if (!((ch >= 'a' && ch <= 'z') || ch == '-'))
            return 0;
        key[i] = (char)ch;
    }
    h = np__fnv1a(key, n);
    for (j = h & np__ctx_slots_mask; (v = np__ctx_slots[j]) != 0;
         j = (j + 1) & np__ctx_slots_mask) {
        const np__ctx_entry *e = &np__ctx_entries[(v & 0xFFFFu) - 1];
        if ((v >> 16) == (h >> 16) && same_key(np__ctx_keys + e->key, key, n)) {
            if (verb)
                *verb = e->verb;
            return e->weight;
        }
    }
    return 0;
}

/* UTF-8 validation, decoding and word counting. */
#include <stdint.h>
#include <string.h>

#include <unicode/uchar.h>

#include "util/util.h"

size_t np__utf8_valid_seq(const unsigned char *s, size_t n)
{
    unsigned char c;
    if (n == 0)
        return 0;
    c = s[0];
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF)
        return n >= 2 && (s[1] & 0xC0) == 0x80 ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
        if (n < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
            return 0;
        if (c == 0xE0 && s[1] < 0xA0)
            return 0; /* overlong */
        if (c == 0xED && s[1] >= 0xA0)
            return 0; /* surrogate */
        return 3;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if (n < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 ||
            (s[3] & 0xC0) != 0x80)
            return 0;
        if (c == 0xF0 && s[1] < 0x90)
            return 0; /* overlong */
        if (c == 0xF4 && s[1] >= 0x90)
            return 0; /* above U+10FFFF */
        return 4;
    }
    return 0;
}

int np__utf8_valid(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        size_t k;
        if (p[i] < 0x80) {
            /* ASCII runs, most of a page, eight bytes at a time */
            uint64_t w, w2, w3, w4;
            i++;
            while (n - i >= 32) {
                memcpy(&w, p + i, 8);
                memcpy(&w2, p + i + 8, 8);
                memcpy(&w3, p + i + 16, 8);
                memcpy(&w4, p + i + 24, 8);
                if ((w | w2 | w3 | w4) & UINT64_C(0x8080808080808080))
                    break;
                i += 32;
            }
            while (n - i >= 8) {
                memcpy(&w, p + i, 8);
                if (w & UINT64_C(0x8080808080808080))
                    break;
                i += 8;
            }
            continue;
        }
        k = np__utf8_valid_seq(p + i, n - i);
        if (!k)
            return 0;
        i += k;
    }
    return 1;
}

uint32_t np__utf8_next(const char *s, size_t n, size_t *i)
{
    const unsigned char *p = (const unsigned char *)s + *i;
    size_t k = np__utf8_valid_seq(p, n - *i);
    uint32_t cp;
    switch (k) {
    case 1: cp = p[0]; break;
    case 2: cp = ((uint32_t)(p[0] & 0x1F) << 6) | (p[1] & 0x3F); break;
    case 3:
        cp = ((uint32_t)(p[0] & 0x0F) << 12) | ((uint32_t)(p[1] & 0x3F) << 6) |
             (p[2] & 0x3F);
        break;
    case 4:
        cp = ((uint32_t)(p[0] & 0x07) << 18) | ((uint32_t)(p[1] & 0x3F) << 12) |
             ((uint32_t)(p[2] & 0x3F) << 6) | (p[3] & 0x3F);
        break;
    default:
        *i += 1; /* invalid byte: skip it */
        return 0xFFFD;
    }
    *i += k;
    return cp;
}

int np__buf_put_cp(np__buf *b, uint32_t cp)
{
    char t[4];
    size_t n;
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        cp = 0xFFFD;
    if (cp < 0x80) {
        t[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        t[0] = (char)(0xC0 | (cp >> 6));
        t[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        t[0] = (char)(0xE0 | (cp >> 12));
        t[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        t[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        t[0] = (char)(0xF0 | (cp >> 18));
        t[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        t[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        t[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    return np__buf_put(b, t, n);
}

size_t np__count_words(const char *s, size_t n)
{
    size_t i = 0, words = 0;
    int in_word = 0;
    while (i < n) {
        uint32_t cp;
        if ((unsigned char)s[i] < 0x80) {
            unsigned char c = (unsigned char)s[i++];
            int alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                        (c >= '0' && c <= '9');
            if (alnum) {
                if (!in_word)
                    words++;
                in_word = 1;
            } else if (!(in_word && c == '\'')) {
                in_word = 0;
            }
            continue;
        }
        cp = np__utf8_next(s, n, &i);
        if (u_isalnum((UChar32)cp) || (U_GET_GC_MASK((UChar32)cp) & U_GC_M_MASK)) {
            if (!in_word)
                words++;
            in_word = 1;
        } else if (!(in_word && cp == 0x2019)) {
            in_word = 0;
        }
    }
    return words;
}

/*
 * The tokens of the body (lib/text/tokens.c), on the text floor: words,
 * sentences, paragraph starts and quotation marks, made once per document
 * after the cleanup and read by the analysis stage (entities, quotes).
 *
 * The cleanup runs before the tokens exist and edits the text, so its
 * apostrophe pass scans words as it goes; what a word is, its character
 * classes and the scanning step, is defined once here (np__cp_class,
 * np__word_scan) for the tokens and the cleanup alike.
 */
#ifndef NP_TEXT_TOKENS_H
#define NP_TEXT_TOKENS_H

#include <stdint.h>

#include <unicode/ubrk.h>

#include "util/util.h"
#include "doc/context.h"

/* The character classes of a word, one definition for the tokens (their
 * flags) and the cleanup (its word scanner): ASCII answered here, other
 * code points by ICU (np__cp_class_u). */
#define NP__CP_LETTER 1u  /* a letter: general category L */
#define NP__CP_UPPER  2u  /* an upper- or title-case letter */
#define NP__CP_LOWER  4u  /* a lower-case letter */
#define NP__CP_DIGIT  8u  /* a decimal digit (Nd), and no letter */
#define NP__CP_ALNUM  (NP__CP_LETTER | NP__CP_DIGIT)  /* word characters */
unsigned np__cp_class_u(uint32_t cp);
static inline unsigned np__cp_class(uint32_t cp)
{
    if (cp >= 0x80)
        return np__cp_class_u(cp);
    if (cp >= 'a' && cp <= 'z')
        return NP__CP_LETTER | NP__CP_LOWER;
    if (cp >= 'A' && cp <= 'Z')
        return NP__CP_LETTER | NP__CP_UPPER;
    return cp >= '0' && cp <= '9' ? NP__CP_DIGIT : 0u;
}

/* A word as the cleanup scans it, before the tokens exist: a run of word
 * characters (NP__CP_ALNUM), an apostrophe (' or U+2019) with a word
 * character after it staying inside ("don't", "O'Brien"). */
typedef struct np__word {
    size_t letters, uppers;  /* letters, and those upper or title case */
    unsigned char ascii;     /* only ASCII characters */
    unsigned char digit;     /* holds an ASCII digit */
    unsigned char apos;      /* holds an apostrophe */
    unsigned char cap;       /* its first letter is a capital */
} np__word;
/* Scans the word that starts at s[i] (valid UTF-8, s[i] a word character)
 * into *w; returns the offset just after it. */
size_t np__word_scan(const char *s, size_t n, size_t i, np__word *w);

/* Per-parser tokenizer state, created on first use by np__tokenize() and
 * freed by np__tokens_state_free() with the parser. */
struct np__tokens_state {
    UBreakIterator *word;   /* ICU word boundaries ("en") */
    UBreakIterator *sent;   /* ICU sentence boundaries ("en") */
    unsigned char sb[128];  /* ICU's Sentence_Break of each ASCII byte */
    unsigned char *cls;     /* a block's Sentence_Break values (tokens.c) */
    size_t cls_cap;
};

/* Tokens and sentences of the body, once, with ICU break iterators (and
 * without them for common text); shared by entities and quotes. */
#define NP__TOK_WORD       (1u << 0)  /* letters or digits */
#define NP__TOK_UPPER      (1u << 1)  /* starts with an upper-case letter */
#define NP__TOK_ALLCAPS    (1u << 2)  /* two or more letters, all upper case */
#define NP__TOK_DIGIT      (1u << 3)  /* starts with a digit */
#define NP__TOK_PUNCT      (1u << 4)  /* punctuation (not a space) */
#define NP__TOK_SENT_START (1u << 5)  /* first token of a sentence */
#define NP__TOK_PARA_START (1u << 6)  /* first token of a block */
/* Quotation marks (" “ ” „ ‟ « » ' ‘ ’ ‚ ‹ › and two ' ‘ ’ or ` in a row,
 * read as one double mark): */
#define NP__TOK_QMARK      (1u << 7)  /* a quotation mark */
#define NP__TOK_QDOUBLE    (1u << 8)  /* of the double family */
#define NP__TOK_QLEFT      (1u << 9)  /* shaped to open (“ „ ‟ « ‘ ‚ ‹ ``) */
#define NP__TOK_QRIGHT     (1u << 10) /* shaped to close (” » ’ ›) */
#define NP__TOK_QLFLANK    (1u << 11) /* left-flanking: may open */
#define NP__TOK_QRFLANK    (1u << 12) /* right-flanking: may close */
#define NP__TOK_QPAIR      (1u << 13) /* with the next token, one mark */
typedef struct np__token {
    size_t start, end;     /* byte offsets in the body */
    uint32_t flags;        /* NP__TOK_* */
    uint32_t sentence;     /* index into sentences */
    uint32_t cp;           /* the first code point */
} np__token;
typedef struct np__sentence {
    size_t start, end;          /* byte offsets in the body */
    size_t tok_begin, tok_end;  /* token index range */
    size_t block;               /* block index */
} np__sentence;
typedef struct np__tokens {
    np__vec toks;    /* np__token; spaces are not tokens */
    np__vec sents;   /* np__sentence */
} np__tokens;
int np__tokenize(np__ctx *c, np__tokens *out);
void np__tokens_free(np__tokens *t);

/* The UAX #29 sentence boundaries of text[0..n) as byte offsets, the last
 * being n, into out (at most cap of them): by the tokenizer's own rules
 * (icu == 0) or by ICU's iterator (icu != 0), so that tests can hold the
 * two to each other. Returns how many boundaries there are, or -1 when the
 * text is one the own rules leave to ICU (or ICU fails). */
int np__sentence_bounds(np__ctx *c, const char *text, size_t n, int icu,
                        size_t *out, size_t cap);

/* Frees the per-parser tokenizer state (NULL is a no-op). */
void np__tokens_state_free(struct np__tokens_state *s);

#endif /* NP_TEXT_TOKENS_H */

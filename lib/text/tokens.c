/*
 * Tokens and sentences of the body, computed once per document with ICU's
 * word and sentence break iterators and shared by the entity and quote
 * stages.
 *
 * Each block is segmented on its own (through a UTF-8 UText, so ICU's
 * indexes are byte offsets), so a sentence never crosses a block. Tokens
 * are the word-break segments that are not white space; their flags say
 * what they look like (text/tokens.h). The iterators live on the parser
 * (c->parser->tokens), created on first use and reused by every document.
 */
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include "util/util.h"
#include "doc/context.h"
#include "text/tokens.h"
#include "data/ner_lexicon.h"

static int tokens_state_get(np__ctx *c, struct np__tokens_state **out)
{
    struct np__tokens_state *s = c->parser->tokens;
    UErrorCode st = U_ZERO_ERROR;

    if (s) {
        *out = s;
        return NP_OK;
    }
    s = np__calloc(1, sizeof(*s));
    if (!s)
        return NP_ENOMEM;
    s->word = ubrk_open(UBRK_WORD, "en", NULL, 0, &st);
    if (U_SUCCESS(st))
        /* plain UAX #29 sentences; which of their breaks after a full stop
         * stand is sent_continues()'s decision ("Mr. Smith") */
        s->sent = ubrk_open(UBRK_SENTENCE, "en", NULL, 0, &st);
    {
        int ch;
        for (ch = 0; ch < 128; ch++)
            s->sb[ch] = (unsigned char)u_getIntPropertyValue(
                ch, UCHAR_SENTENCE_BREAK);
    }
    if (U_FAILURE(st)) {
        np__tokens_state_free(s);
        return st == U_MEMORY_ALLOCATION_ERROR
                   ? NP_ENOMEM
                   : np__error(c->parser, NP_ERROR,
                               "cannot open ICU break iterators: %s",
                               u_errorName(st));
    }
    c->parser->tokens = s;
    *out = s;
    return NP_OK;
}

void np__tokens_state_free(struct np__tokens_state *s)
{
    if (!s)
        return;
    if (s->word)
        ubrk_close(s->word);
    if (s->sent)
        ubrk_close(s->sent);
    np__free(s->cls);
    np__free(s);
}

unsigned np__cp_class_u(uint32_t cp)
{
    UChar32 u = (UChar32)cp;
    if (u_isalpha(u))
        return NP__CP_LETTER | (u_isupper(u) || u_istitle(u) ? NP__CP_UPPER
                                : u_islower(u)                ? NP__CP_LOWER
                                                              : 0u);
    return u_isdigit(u) ? NP__CP_DIGIT : 0u;
}

size_t np__word_scan(const char *s, size_t n, size_t i, np__word *w)
{
    memset(w, 0, sizeof *w);
    w->ascii = 1;
    while (i < n) {
        size_t q = i;
        uint32_t c = (unsigned char)s[i] < 0x80 ? (uint32_t)(unsigned char)s[q++]
                                                : np__utf8_next(s, n, &q);
        unsigned cl = np__cp_class(c);
        if (cl & NP__CP_ALNUM) {
            if (c >= 0x80)
                w->ascii = 0;
            if (c >= '0' && c <= '9')
                w->digit = 1;
            if (cl & NP__CP_LETTER) {
                w->letters++;
                if (cl & NP__CP_UPPER) {
                    w->uppers++;
                    if (w->letters == 1)
                        w->cap = 1;
                }
            }
            i = q;
            continue;
        }
        if ((c == '\'' || c == 0x2019) && q < n) {
            size_t q2 = q;
            if (np__cp_class(np__utf8_next(s, n, &q2)) & NP__CP_ALNUM) {
                w->apos = 1;
                i = q;
                continue;
            }
        }
        break;
    }
    return i;
}

/* Flags of the token text[0..n), or 0 if it is only white space; *cp0 its
 * first code point. */
static uint32_t token_flags(const char *t, size_t n, uint32_t *cp0)
{
    size_t i = 0;
    uint32_t flags = 0;
    int first = 1, letters = 0, upper = 0, lower = 0, alnum = 0, space = 1;

    *cp0 = n ? (unsigned char)t[0] : 0;
    if (n && (unsigned char)t[0] >= 0x80) {
        size_t j = 0;
        *cp0 = np__utf8_valid_seq((const unsigned char *)t, n)
                   ? np__utf8_next(t, n, &j) : 0xFFFD;
    }

    while (i < n) {
        uint32_t cp;
        unsigned cl;
        int ws;
        unsigned char c = (unsigned char)t[i];
        if (c < 0x80) {
            /* ICU's answers for ASCII without its calls: White_Space is 9
             * to 13 and the space */
            cp = c;
            ws = (c >= 9 && c <= 13) || c == ' ';
            i++;
        } else {
            size_t len = np__utf8_valid_seq((const unsigned char *)t + i, n - i);
            if (len == 0) {
                cp = 0xFFFD;
                len = 1;
            } else {
                size_t j = i;
                cp = np__utf8_next(t, n, &j);
            }
            ws = u_isUWhiteSpace((UChar32)cp) != 0;
            i += len;
        }
        if (!ws && cp != 0x200B && cp != 0xFEFF)
            space = 0;
        cl = np__cp_class(cp);
        if (cl & NP__CP_LETTER) {
            letters++;
            alnum = 1;
            if (cl & NP__CP_UPPER) {
                upper++;
                if (first)
                    flags |= NP__TOK_UPPER;
            } else if (cl & NP__CP_LOWER) {
                lower++;
            }
        } else if (cl & NP__CP_DIGIT) {
            alnum = 1;
            if (first)
                flags |= NP__TOK_DIGIT;
        }
        if (first && !ws)
            first = 0;
    }
    if (space)
        return 0;
    if (alnum)
        flags |= NP__TOK_WORD;
    else
        flags |= NP__TOK_PUNCT;
    if (letters >= 2 && lower == 0 && upper == letters)
        flags |= NP__TOK_ALLCAPS;
    return flags;
}

/* Word breaks without ICU for text made of ASCII and the few other
 * characters news text is full of (curly quotes, dashes, the ellipsis,
 * the no-break space, Latin-1 letters): the rules of ICU's word break
 * iterator (UAX #29 as ICU tailors it: '@' is a letter, ':' does not join
 * letters) for the classes these characters fall in. A block with any
 * other character goes to ICU. Checked against ubrk_next on millions of
 * random strings of these characters and every ASCII one. */
enum {
    WB_OTHER, WB_LETTER, WB_DIGIT, WB_MIDNUMLET, WB_MIDNUM, WB_EXTNUMLET,
    WB_SPACE, WB_CR, WB_LF, WB_NEWLINE, WB_NONE, WB_UNKNOWN
};

/* The class of the character at u[i] and its length in bytes. */
static int wb_class(const unsigned char *u, size_t n, size_t i, size_t *len)
{
    unsigned char c = u[i];
    *len = 1;
    if (c < 0x80) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '@')
            return WB_LETTER;
        if (c >= '0' && c <= '9')
            return WB_DIGIT;
        switch (c) {
        case '.': case '\'': return WB_MIDNUMLET;
        case ',': case ';': return WB_MIDNUM;
        case '_': return WB_EXTNUMLET;
        case ' ': return WB_SPACE;
        case '\r': return WB_CR;
        case '\n': return WB_LF;
        case '\v': case '\f': return WB_NEWLINE;
        default: return WB_OTHER;
        }
    }
    if (c == 0xC2 || c == 0xC3) {
        unsigned cp;
        if (i + 1 >= n || (u[i + 1] & 0xC0) != 0x80)
            return WB_UNKNOWN;
        cp = ((unsigned)(c & 0x1F) << 6) | (u[i + 1] & 0x3Fu);
        *len = 2;
        if (cp >= 0xC0 && cp != 0xD7 && cp != 0xF7)
            return WB_LETTER;                  /* Latin-1 letters */
        switch (cp) {
        case 0xA0: case 0xA3: case 0xA9: case 0xAE: case 0xB0:
            return WB_OTHER;                   /* no-break space, £ © ® ° */
        default:
            return WB_UNKNOWN;
        }
    }
    if (c == 0xE2 && i + 2 < n && u[i + 1] == 0x80) {
        *len = 3;
        switch (u[i + 2]) {
        case 0x98: case 0x99:
            return WB_MIDNUMLET;               /* ‘ ’ */
        case 0x93: case 0x94: case 0x9C: case 0x9D: case 0xA6:
            return WB_OTHER;                   /* – — “ ” … */
        default:
            return WB_UNKNOWN;
        }
    }
    return WB_UNKNOWN;
}

/* Whether there is a word break between classes a and b, with a2 before a
 * and b2 after b (WB_NONE at the ends). */
static int wb_break(int a2, int a, int b, int b2)
{
    int al = a == WB_LETTER, an = a == WB_DIGIT;
    if (a == WB_CR && b == WB_LF)
        return 0;                                        /* WB3 */
    if (a >= WB_CR && a <= WB_NEWLINE)
        return 1;                                        /* WB3a */
    if (b >= WB_CR && b <= WB_NEWLINE)
        return 1;                                        /* WB3b */
    if (a == WB_SPACE && b == WB_SPACE)
        return 0;                                        /* WB3d */
    if ((al || an) && (b == WB_LETTER || b == WB_DIGIT))
        return 0;                                        /* WB5, 8, 9, 10 */
    if (al && b == WB_MIDNUMLET && b2 == WB_LETTER)
        return 0;                                        /* WB6 */
    if (a2 == WB_LETTER && a == WB_MIDNUMLET && b == WB_LETTER)
        return 0;                                        /* WB7 */
    if (a2 == WB_DIGIT && (a == WB_MIDNUM || a == WB_MIDNUMLET) && b == WB_DIGIT)
        return 0;                                        /* WB11 */
    if (an && (b == WB_MIDNUM || b == WB_MIDNUMLET) && b2 == WB_DIGIT)
        return 0;                                        /* WB12 */
    if ((al || an || a == WB_EXTNUMLET) && b == WB_EXTNUMLET)
        return 0;                                        /* WB13a */
    if (a == WB_EXTNUMLET && (b == WB_LETTER || b == WB_DIGIT))
        return 0;                                        /* WB13b */
    return 1;                                            /* WB999 */
}

/* Adds the word-break segment [prev, pos) of block b if it is a token. */
static int add_token(np__tokens *out, const np__block *b, const char *text,
                     size_t prev, size_t pos, int *para_start)
{
    uint32_t cp;
    uint32_t f = token_flags(text + prev, pos - prev, &cp);
    np__token *t;
    if (!f)
        return NP_OK;
    t = np__vec_push(&out->toks);
    if (!t)
        return NP_ENOMEM;
    t->start = b->start + prev;
    t->end = b->start + pos;
    t->flags = f;
    t->cp = cp;
    t->sentence = 0;
    if (*para_start) {
        t->flags |= NP__TOK_PARA_START;
        *para_start = 0;
    }
    return NP_OK;
}

/* ------------------------------------------------------ quotation marks */

/* White space as the quotation rules read it: Unicode white space, the
 * no-break space, the soft hyphen and the invisible format characters. */
static int mark_space(uint32_t c)
{
    if (c < 0x80)
        return c == ' ' || (c >= 9 && c <= 13);
    return c == 0xA0 || c == 0xAD || u_isUWhiteSpace((UChar32)c) ||
           u_charType((UChar32)c) == U_FORMAT_CHAR;
}

/* 2 for a double mark, 1 for a single one, 0 otherwise; *dir its shape:
 * 0 straight, NP__TOK_QLEFT or NP__TOK_QRIGHT. */
static int mark_class(uint32_t c, uint32_t *dir)
{
    switch (c) {
    case '"': *dir = 0; return 2;
    case 0x201C: case 0x201E: case 0x201F: case 0x00AB:
        *dir = NP__TOK_QLEFT; return 2;
    case 0x201D: case 0x00BB: *dir = NP__TOK_QRIGHT; return 2;
    case '\'': *dir = 0; return 1;
    case 0x2018: case 0x201A: case 0x2039: *dir = NP__TOK_QLEFT; return 1;
    case 0x2019: case 0x203A: *dir = NP__TOK_QRIGHT; return 1;
    default: return 0;
    }
}

/* Characters a quotation may open after or close before. */
static int opens_after(uint32_t c)
{
    uint32_t d;
    return c == '(' || c == '[' || c == '{' || c == 0x2014 || c == 0x2013 ||
           c == '-' || c == '/' || mark_class(c, &d);
}

static int closes_before(uint32_t c)
{
    uint32_t d;
    return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' ||
           c == '?' || c == ')' || c == ']' || c == '}' || c == 0x2014 ||
           c == 0x2013 || c == '-' || c == '/' || c == 0x2026 ||
           mark_class(c, &d);
}

/* The code point at s[i] (i < n) and its length. */
static uint32_t cp_at(const char *s, size_t n, size_t i, size_t *len)
{
    size_t k, j = i;
    if ((unsigned char)s[i] < 0x80) {
        *len = 1;
        return (unsigned char)s[i];
    }
    k = np__utf8_valid_seq((const unsigned char *)s + i, n - i);
    if (!k) {
        *len = 1;
        return 0xFFFD;
    }
    *len = k;
    return np__utf8_next(s, n, &j);
}

/* The code point ending just before byte i (i > lo). */
static uint32_t cp_before(const char *s, size_t lo, size_t i)
{
    size_t j = i - 1, len;
    while (j > lo && ((unsigned char)s[j] & 0xC0) == 0x80 && i - j < 4)
        j--;
    return cp_at(s, i, j, &len);
}

/* Marks the quotation marks among the tokens [from, to) of block b: their
 * family and shape, two single marks or backticks in a row as one double
 * mark (NP__TOK_QPAIR on the first), and their flanking, from the
 * characters around them: a mark may open when it is followed by a
 * character that is not a space and preceded by a space or an opening
 * character (but not when a full stop, comma or closing bracket follows:
 * "delays ”."), and may close when it is preceded by a character that is
 * not a space and followed by a space or a closing character. A lone
 * backtick stays punctuation. */
static void mark_quotes(const np_document *d, const np__block *b,
                        np__token *toks, size_t from, size_t to)
{
    const char *s = d->body + b->start;
    size_t n = b->len, k;
    for (k = from; k < to; k++) {
        np__token *t = &toks[k];
        uint32_t c = t->cp, dir = 0, prev, next, f = NP__TOK_QMARK;
        size_t i, e, len;
        int mc, pspace, nspace;
        if (!(t->flags & NP__TOK_PUNCT))
            continue;
        mc = mark_class(c, &dir);
        if (!mc && c != '`')
            continue;
        i = t->start - b->start;
        (void)cp_at(s, n, i, &len);
        e = i + len;
        if ((mc == 1 || !mc) && k + 1 < to && toks[k + 1].start == b->start + e &&
            toks[k + 1].cp == c) {
            (void)cp_at(s, n, e, &len);
            e += len;
            mc = 2;
            f |= NP__TOK_QPAIR;
        }
        if (!mc)
            continue;                  /* a lone backtick */
        if (c == '`')
            dir = NP__TOK_QLEFT;
        if (mc == 2)
            f |= NP__TOK_QDOUBLE;
        f |= dir;
        prev = i > 0 ? cp_before(s, 0, i) : ' ';
        next = e < n ? cp_at(s, n, e, &len) : ' ';
        pspace = mark_space(prev);
        nspace = mark_space(next);
        if (!nspace && (pspace || opens_after(prev)) &&
            !(next == '.' || next == ',' || next == ';' || next == ':' ||
              next == '!' || next == '?' || next == ')' || next == ']'))
            f |= NP__TOK_QLFLANK;
        if (!pspace && (nspace || closes_before(next)))
            f |= NP__TOK_QRFLANK;
        t->flags |= f;
        if (f & NP__TOK_QPAIR)
            k++;
    }
}

/* ------------------------------------------------------------ sentences */

/* Whether the dotted word w[0..n) ("U.S", "p.m", "z.B", "R.R") is a run of
 * single letters joined by full stops: an abbreviation, where
 * "www.usef.org" or "11.99" is not. */
static int dotted_letters(const char *w, size_t n)
{
    size_t i = 0, dots = 0;
    while (i < n) {
        size_t len;
        uint32_t c = cp_at(w, n, i, &len);
        if (!(np__cp_class(c) & NP__CP_LETTER))
            return 0;
        i += len;
        if (i == n)
            break;
        if (w[i] != '.')
            return 0;
        dots++;
        i++;
    }
    return dots > 0 && i == n;
}

/* Lower-case abbreviations that a capitalised word may follow
 * ("Lakers vs. Celtics"); after other lower-case words a full stop before
 * a capital ends the sentence ("... and so on, etc. The"). */
static int lower_abbrev(const char *w, size_t n)
{
    return (n == 2 && !memcmp(w, "vs", 2)) || (n == 6 && !memcmp(w, "approx", 6));
}

/* Whether w[0..n) is a capitalised word that opens sentences and is
 * never part of a name: a pronoun, an article, a conjunction ("No. You
 * tell me", "in the U.S. The ..."). */
static int sent_opener(const char *w, size_t n)
{
    static const char *const op[] = {
        "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "But",
        "And", "So", "This", "That", "These", "Those", "His", "Her", "Its",
        "Their", "Our", "My", "Your", "There", "Then", "When", "While", "If",
        "However", "What", "Who", "Why", "How", "Yes", "No", NULL };
    size_t k;
    for (k = 0; op[k]; k++)
        if (strlen(op[k]) == n && !memcmp(op[k], w, n))
            return 1;
    return 0;
}

/* The sentence-start decision, one for every reader of the tokens: whether
 * a break that ICU's sentence rules (UAX #29, which already keep a full
 * stop before a lower-case word or a comma inside its sentence) put before
 * token ti is no break after all, because the full stop just before it
 * belongs to an abbreviation: an initial ("John Q. Public", "J. R. R.
 * Tolkien"), letters joined by full stops ("U.S. Securities", "z.B.
 * Arztbriefe"), or a capitalised word of the entity lexicon's
 * [abbrev_quote] ("Gov. Jane Doe", "Oct. 10", "Mich. (AP)"; in capitals,
 * "PA." and "MD." are postal codes that end sentences; in lower case only
 * before a number, "no. 178", or as "vs." and "approx."), unless a word
 * that opens sentences follows ("No. You tell me"). A break
 * after "!" or "?" or any other character stands, and so does one where
 * text without capitals (Korean, Chinese) follows a full stop. */
static int sent_continues(const char *body, const np__token *toks,
                          size_t first, size_t ti)
{
    const np__token *dot, *w;
    const char *p;
    size_t n;
    unsigned cl;
    if (ti < first + 2)
        return 0;
    dot = &toks[ti - 1];
    w = &toks[ti - 2];
    if (dot->cp != '.' || dot->end - dot->start != 1 || !(w->flags & NP__TOK_WORD) ||
        w->end != dot->start ||
        sent_opener(body + toks[ti].start, toks[ti].end - toks[ti].start))
        return 0;
    p = body + w->start;
    n = w->end - w->start;
    cl = np__cp_class(w->cp);
    if (memchr(p, '.', n))
        return dotted_letters(p, n);
    if (cl & NP__CP_LOWER)
        return lower_abbrev(p, n) ||
               ((toks[ti].flags & NP__TOK_DIGIT) &&
                (np__ner_word(p, n, 0) & NP__LX_ABBR_QUOTE));  /* "no. 178" */
    if (!(cl & NP__CP_UPPER))
        return 0;
    {
        size_t len;
        (void)cp_at(p, n, 0, &len);
        if (len == n)
            return 1;                              /* an initial */
    }
    if (w->flags & NP__TOK_ALLCAPS)
        return 0;                                  /* "in Elkton, MD. VIP" */
    return (np__ner_word(p, n, 0) & NP__LX_ABBR_QUOTE) != 0;
}

/* UAX #29 sentence boundaries without ICU: the rules SB3 to SB11 as ICU
 * applies them, for a block of valid UTF-8 without Extend or Format
 * characters (SB5). Each character's Sentence_Break value comes from ICU
 * (once for ASCII, sb[]), so the classes follow the linked ICU.
 * sb_classes() writes the value of each character at its first byte of
 * s->cls (SB_CONT at the others); returns 0 when the block has to go to
 * ICU. Checked against ubrk_next on the blocks of the dev pages, the
 * snippets and the metadata pages, and on millions of random strings. */
#define SB_CONT 0xFF

static int sb_classes(struct np__tokens_state *s, const unsigned char *u,
                      size_t n)
{
    size_t i = 0;
    if (n > s->cls_cap) {
        unsigned char *c = np__realloc(s->cls, n);
        if (!c)
            return 0;                           /* ICU does it */
        s->cls = c;
        s->cls_cap = n;
    }
    while (i < n) {
        int k;
        size_t len = 1;
        if (u[i] < 0x80) {
            k = s->sb[u[i]];
        } else {
            size_t j = i;
            len = np__utf8_valid_seq(u + i, n - i);
            if (!len)
                return 0;
            k = u_getIntPropertyValue(
                (UChar32)np__utf8_next((const char *)u, n, &j),
                UCHAR_SENTENCE_BREAK);
        }
        switch (k) {
        case U_SB_OTHER: case U_SB_ATERM: case U_SB_CLOSE: case U_SB_CR:
        case U_SB_LF: case U_SB_LOWER: case U_SB_NUMERIC: case U_SB_OLETTER:
        case U_SB_SCONTINUE: case U_SB_SEP: case U_SB_SP: case U_SB_STERM:
        case U_SB_UPPER:
            break;
        default:
            return 0;
        }
        s->cls[i] = (unsigned char)k;
        while (--len)
            s->cls[++i] = SB_CONT;
        i++;
    }
    return 1;
}

#define SB_PARASEP(k) ((k) == U_SB_CR || (k) == U_SB_LF || (k) == U_SB_SEP)
#define SB_SATERM(k) ((k) == U_SB_ATERM || (k) == U_SB_STERM)

/* A walk over one block's values: a and pp are the values of the two
 * characters before i, t the SATerm of "SATerm Close* Sp*" just before i
 * (0 when there is none) and sp whether its Sp* is not empty. */
typedef struct {
    const unsigned char *cls;
    size_t n, i;
    int a, pp, t, sp;
    size_t k8;      /* where SB8's last look ahead stopped */
} sb_walk;

/* The next boundary (n at the end). */
static size_t sb_next(sb_walk *w)
{
    const unsigned char *cls = w->cls;
    size_t n = w->n;
    while (++w->i < n) {
        size_t i = w->i;
        int a, c = cls[i], brk = 0;
        if (c == SB_CONT)
            continue;
        a = w->a;
        if (a == U_SB_CR && c == U_SB_LF)
            brk = 0;                                    /* SB3 */
        else if (SB_PARASEP(a))
            brk = 1;                                    /* SB4 */
        else if (a == U_SB_ATERM && c == U_SB_NUMERIC)
            brk = 0;                                    /* SB6 */
        else if (a == U_SB_ATERM && c == U_SB_UPPER &&
                 (w->pp == U_SB_UPPER || w->pp == U_SB_LOWER))
            brk = 0;                                    /* SB7 */
        else if (!w->t)
            brk = 0;                                    /* SB998 */
        else {
            brk = 1;                                    /* SB11 */
            if (w->t == U_SB_ATERM) {                   /* SB8 */
                size_t k = i;
                if (i > w->k8) {        /* else the last look still holds */
                    for (; k < n; k++) {
                        int e = cls[k];
                        if (e == U_SB_UPPER || e == U_SB_LOWER ||
                            e == U_SB_OLETTER || SB_PARASEP(e) ||
                            SB_SATERM(e))
                            break;
                    }
                    w->k8 = k;
                }
                if (w->k8 < n && cls[w->k8] == U_SB_LOWER)
                    brk = 0;
            }
            if (c == U_SB_SCONTINUE || SB_SATERM(c))
                brk = 0;                                /* SB8a */
            else if (!w->sp && (c == U_SB_CLOSE || c == U_SB_SP ||
                                SB_PARASEP(c)))
                brk = 0;                                /* SB9 */
            else if (c == U_SB_SP || SB_PARASEP(c))
                brk = 0;                                /* SB10 */
        }
        /* the context of the next character */
        if (SB_SATERM(c)) {
            w->t = c;
            w->sp = 0;
        } else if (c == U_SB_CLOSE && w->t && !w->sp) {
        } else if (c == U_SB_SP && w->t) {
            w->sp = 1;
        } else {
            w->t = 0;
        }
        w->pp = a;
        w->a = c;
        if (brk)
            return i;
    }
    return n;
}

/* Segments one block into tokens and sentences. */
static int tokenize_block(struct np__tokens_state *s, const np_document *d,
                          size_t bi, np__tokens *out)
{
    const np__block *b = np__vec_at(&d->blocks, bi);
    const char *text = d->body + b->start;
    UErrorCode st = U_ZERO_ERROR;
    UText *ut = NULL;
    int32_t prev, pos;
    size_t first_tok = out->toks.len;
    int para_start = 1, fast, plain;

    if (b->len == 0)
        return NP_OK;
    if (b->len > (size_t)INT32_MAX)
        return NP_ELIMIT;

    /* Words. */
    ut = utext_openUTF8(NULL, text, (int64_t)b->len, &st);
    if (U_FAILURE(st))
        return st == U_MEMORY_ALLOCATION_ERROR ? NP_ENOMEM : NP_ERROR;
    {
        /* without ICU when every character has a known class */
        const unsigned char *u = (const unsigned char *)text;
        size_t n = b->len, from = 0, pc, pc2, la, lc = 0, lc2 = 0;
        int a2 = WB_NONE, a, c, c2;
        fast = 1;
        a = wb_class(u, n, 0, &la);
        pc = la;
        c = pc < n ? wb_class(u, n, pc, &lc) : WB_NONE;
        if (a == WB_UNKNOWN || c == WB_UNKNOWN)
            fast = 0;
        while (fast && pc < n) {
            pc2 = pc + lc;
            c2 = pc2 < n ? wb_class(u, n, pc2, &lc2) : WB_NONE;
            if (c2 == WB_UNKNOWN) {
                fast = 0;
                break;
            }
            if (wb_break(a2, a, c, c2)) {
                if (add_token(out, b, text, from, pc, &para_start) != NP_OK) {
                    utext_close(ut);
                    return NP_ENOMEM;
                }
                from = pc;
            }
            a2 = a;
            a = c;
            c = c2;
            pc = pc2;
            lc = lc2;
        }
        if (fast && add_token(out, b, text, from, n, &para_start) != NP_OK) {
            utext_close(ut);
            return NP_ENOMEM;
        }
        if (!fast) {            /* start again with ICU */
            out->toks.len = first_tok;
            para_start = 1;
        }
    }
    if (!fast) {
        ubrk_setUText(s->word, ut, &st);
        if (U_FAILURE(st)) {
            utext_close(ut);
            return NP_ERROR;
        }
        prev = ubrk_first(s->word);
        while ((pos = ubrk_next(s->word)) != UBRK_DONE) {
            if (add_token(out, b, text, (size_t)prev, (size_t)pos,
                          &para_start) != NP_OK) {
                utext_close(ut);
                return NP_ENOMEM;
            }
            prev = pos;
        }
    }

    mark_quotes(d, b, out->toks.ptr, first_tok, out->toks.len);

    /* Sentences: each token goes to the sentence holding its start. */
    plain = sb_classes(s, (const unsigned char *)text, b->len);
    if (!plain) {
        ubrk_setUText(s->sent, ut, &st);
        if (U_FAILURE(st)) {
            utext_close(ut);
            return NP_ERROR;
        }
    }
    {
        size_t ti = first_tok;
        size_t ntok = out->toks.len;
        sb_walk sw;
        sw.cls = s->cls;
        sw.n = b->len;
        sw.i = 0;
        sw.a = plain ? s->cls[0] : 0;
        sw.pp = U_SB_OTHER;
        sw.t = plain && SB_SATERM(s->cls[0]) ? s->cls[0] : 0;
        sw.sp = 0;
        sw.k8 = 0;
        prev = plain ? 0 : ubrk_first(s->sent);
        while ((pos = plain ? (prev < (int32_t)b->len
                                   ? (int32_t)sb_next(&sw)
                                   : UBRK_DONE)
                            : ubrk_next(s->sent)) != UBRK_DONE) {
            size_t send = b->start + (size_t)pos;
            size_t tb = ti;
            np__sentence *se;
            while (ti < ntok && ((np__token *)out->toks.ptr)[ti].start < send)
                ti++;
            if (ti == tb) {   /* white space only */
                prev = pos;
                continue;
            }
            if (tb > first_tok &&
                sent_continues(d->body, out->toks.ptr, first_tok, tb)) {
                /* no break after an abbreviation: the sentence goes on */
                np__token *toks = out->toks.ptr;
                size_t k;
                se = np__vec_at(&out->sents, out->sents.len - 1);
                se->tok_end = ti;
                se->end = toks[ti - 1].end;
                for (k = tb; k < ti; k++)
                    toks[k].sentence = (uint32_t)(out->sents.len - 1);
                prev = pos;
                continue;
            }
            se = np__vec_push(&out->sents);
            if (!se) {
                utext_close(ut);
                return NP_ENOMEM;
            }
            se->tok_begin = tb;
            se->tok_end = ti;
            se->block = bi;
            {
                np__token *toks = out->toks.ptr;
                size_t k;
                se->start = toks[tb].start;
                se->end = toks[ti - 1].end;
                toks[tb].flags |= NP__TOK_SENT_START;
                for (k = tb; k < ti; k++)
                    toks[k].sentence = (uint32_t)(out->sents.len - 1);
            }
            prev = pos;
        }
        (void)prev;
    }
    utext_close(ut);
    return NP_OK;
}

int np__tokenize(np__ctx *c, np__tokens *out)
{
    struct np__tokens_state *s = NULL;
    const np_document *d = c->doc;
    size_t bi;
    int rc;

    np__vec_init(&out->toks, sizeof(np__token));
    np__vec_init(&out->sents, sizeof(np__sentence));
    if (!d->body || d->body_len == 0 || d->blocks.len == 0)
        return NP_OK;
    rc = tokens_state_get(c, &s);
    if (rc != NP_OK)
        return rc;
    for (bi = 0; bi < d->blocks.len; bi++) {
        rc = tokenize_block(s, d, bi, out);
        if (rc != NP_OK) {
            np__tokens_free(out);
            return rc == NP_ERROR
                       ? np__error(c->parser, NP_ERROR,
                                   "ICU could not segment block %zu", bi)
                       : rc;
        }
    }
    return NP_OK;
}

void np__tokens_free(np__tokens *t)
{
    if (!t)
        return;
    np__vec_free(&t->toks);
    np__vec_free(&t->sents);
}

int np__sentence_bounds(np__ctx *c, const char *text, size_t n, int icu,
                        size_t *out, size_t cap)
{
    struct np__tokens_state *s;
    size_t k = 0;
    int rc = tokens_state_get(c, &s);
    if (rc != NP_OK)
        return -1;
    if (!icu) {
        sb_walk w;
        if (n == 0 || !sb_classes(s, (const unsigned char *)text, n))
            return -1;
        w.cls = s->cls;
        w.n = n;
        w.i = 0;
        w.a = s->cls[0];
        w.pp = U_SB_OTHER;
        w.t = SB_SATERM(s->cls[0]) ? s->cls[0] : 0;
        w.sp = 0;
        w.k8 = 0;
        for (;;) {
            size_t pos = sb_next(&w);
            if (k < cap)
                out[k] = pos;
            k++;
            if (pos >= n)
                break;
        }
    } else {
        UErrorCode st = U_ZERO_ERROR;
        UText *ut = utext_openUTF8(NULL, text, (int64_t)n, &st);
        int32_t pos;
        if (U_FAILURE(st))
            return -1;
        ubrk_setUText(s->sent, ut, &st);
        if (U_FAILURE(st)) {
            utext_close(ut);
            return -1;
        }
        ubrk_first(s->sent);
        while ((pos = ubrk_next(s->sent)) != UBRK_DONE) {
            if (k < cap)
                out[k] = (size_t)pos;
            k++;
        }
        utext_close(ut);
    }
    return k > (size_t)INT32_MAX ? -1 : (int)k;
}

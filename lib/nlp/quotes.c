/*
 * Quotations and who said them.
 *
 * The body is read one paragraph (line) at a time:
 *
 *  1. words: the document's tokens (np__tokenize, which also gives each
 *     quotation mark its flanking: whether it can open or close, from the
 *     characters around it), read as words with inner apostrophes,
 *     hyphens and abbreviation dots, punctuation and marks;
 *  2. pairing: a small state machine over the marks (one level of
 *     nesting, for the other family or the other style), so that
 *     unbalanced marks cost nothing more than a skipped record; a quote
 *     left open at the end of a paragraph runs to its end and continues
 *     when the next paragraph opens with a mark;
 *  3. titles of works (Title Case inside a sentence) are set aside;
 *  4. attribution: a speech cue in the quote's own sentence, before or
 *     after it, and the noun phrase that goes with the cue (its subject,
 *     or the phrase after an inverted cue, "said the actor"), resolved to
 *     an entity, a pronoun's nearest compatible entity, or kept as text;
 *  5. quotes without a cue of their own inherit the speaker of the quote
 *     before (interrupted quotes, continued paragraphs) or of a reported-
 *     speech sentence just before; fragments inside a sentence with no
 *     source are scare quotes and are dropped.
 *
 * The speech cues are lib/data/speech.c; the other word lists are below,
 * written for this library.
 * docs/quotes.md describes the rules with examples.
 *
 * Every step looks at a bounded window of tokens, so the stage is linear
 * in the size of the body whatever the marks.
 */
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>

#include "util/util.h"
#include "doc/context.h"
#include "nlp/nlp.h"
#include "data/ner_lexicon.h"
#include "data/speech.h"

/* --------------------------------------------------------------- lexicon */

#define CUE_FIN  1   /* said, told, wrote */
#define CUE_PART 2   /* saying, adding */
#define CUE_PREP 3   /* according to, as per */

/* Words that sit between a subject and its cue ("has also said"). */
static const char *const q_skip[] = {
    "has", "have", "had", "also", "later", "then", "previously", "once",
    "again", "further", "will", "would", "is", "was", "were", "are",
    "reportedly", "allegedly", "repeatedly", "publicly", "earlier",
    "recently", "still", "just", "simply", "quickly", "initially",
    "even", "already", "however", "often", "always", "never", "finally",
    "first", "similarly", "likewise", "separately",
    "tearfully", "jokingly", "angrily", "proudly", "candidly", "flatly",
    "bluntly", "emotionally", "privately", "openly", "subsequently",
    NULL
};

/* Words that end a noun phrase read backwards or forwards. */
static const char *const q_stop[] = {
    "that", "and", "but", "when", "while", "as", "because", "which", "who",
    "whom", "whose", "where", "if", "so", "then", "after", "before",
    "although", "though", "since", "until", "whether", "what", "how",
    "why", "than", "or", "nor", "yet", "in", "on", "at", "to", "from",
    "with", "during", "about", "into", "over", "under", "without",
    "against", "between", "through", "via", "per", "by", "is", "was",
    "are", "were", "be", "been", "has", "have", "had", "will", "would",
    "could", "should", "may", "might", "can", "must", "did", "does", "do",
    "not", "also", "later", "still", "just", "however", "it", "its",
    "there", "here", "this", "these", "those", "recalled", NULL
};

static const char *const q_be[] = {
    "be", "been", "being", "was", "were", "is", "are", NULL
};

/* Verbs that name a thing ("is called", "so-dubbed"). */
static const char *const q_naming[] = {
    "called", "dubbed", "termed", "labelled", "labeled", "branded",
    "named", "known", NULL
};

/* Bare nouns that speak for a group ("police said"). */
static const char *const q_collective[] = {
    "police", "staff", "management", "government", "administration",
    "ministry", "council", "committee", "prosecution", "defence",
    "defense", "military", "army", "court", "company", "club", "team",
    "family", "board", "union", "embassy", "agency", "office",
    "department", "commission", "parliament", "congress", "leadership",
    "media", "press", "public", "opposition", NULL
};

static const char *const q_indef[] = {
    "a", "an", "one", "another", "some", "several", "many", "two", "three",
    "four", "five", "numerous", "various", "few", NULL
};

static const char *const q_poss_det[] = {
    "his", "her", "their", "its", NULL
};

static const char *const q_pron_person[] = {
    "he", "she", NULL
};

static const char *const q_pron_subj[] = {
    "he", "she", "it", "they", "we", "i", "you", NULL
};

/* Words stripped from the front of a name ("Team Leader Jane Doe", "White
 * House spokesperson Jen Psaki") that are not titles or roles of the
 * entity lexicon (q_role_word). */
static const char *const q_role_extra[] = {
    "the", "white", "house", "police", "team", "head", "senior", "junior",
    NULL
};

/* ---------------------------------------------------------------- tokens */

#define QF_WORD   0x0001u
#define QF_UPPER  0x0002u
#define QF_PUNCT  0x0004u
#define QF_MARK   0x0008u  /* quotation mark */
#define QF_DOUBLE 0x0010u  /* of the double family (" “ ” „ « » ’’) */
#define QF_LF     0x0020u  /* left-flanking: may open */
#define QF_RF     0x0040u  /* right-flanking: may close */
#define QF_SEND   0x0080u  /* ends a sentence */
#define QF_HYPH   0x0100u  /* a word with a hyphen inside */
#define QF_DIGIT  0x0200u
#define QF_POSS   0x0400u  /* s' before a lower-case word: an apostrophe */

/* Intrinsic direction of a mark. */
#define MK_STRAIGHT 0
#define MK_LEFT     1   /* “ „ « ‘ ‚ ‹ ‟ */
#define MK_RIGHT    2   /* ” » ’ › */

typedef struct qtok {
    size_t s, e;      /* bytes in the body */
    uint32_t cp;      /* first code point */
    uint16_t f;       /* QF_* */
    uint8_t dir;      /* MK_* for marks */
    int32_t q;        /* innermost record (paragraph-local) or -1 */
} qtok;

/* A quotation candidate. */
typedef struct qrec {
    size_t s, e;          /* content, trimmed, in the body */
    size_t ot, ct;        /* tokens of the marks (ct = ntok if unclosed) */
    size_t para;
    long parent;          /* local index of the enclosing record or -1 */
    int dead, closed, cont_next, cont_prev, title, midsent, own, inherited;
    int inh_prev;         /* a participle cue right after the previous quote */
    int first_person;     /* "I said": the speaker of the enclosing quote */
    int keep, nwords, kind;
    int label;            /* a headline ("'X': ...", a heading block) */
    const char *speaker;
    const char *cue;
    long ent;
    long addr;            /* the person its cue addresses ("asked X"), or -1 */
} qrec;

typedef struct qment {
    size_t s, e;
    long ent;
    int type;
} qment;

typedef struct qspan {
    size_t s, e;
} qspan;

typedef struct qsurname {
    const char *p;
    size_t n;
    long ent;
} qsurname;

/* A word list with a bitmap of its words' first two letters and length,
 * so that most words are ruled out without reading the list. */
#define QLIDX_N 3
typedef struct qlidx {
    const char *const *list;
    uint64_t bits[16];
} qlidx;

#define Q_TEXT_SPK 4

typedef struct qstate {
    np__ctx *c;
    size_t max_quotes;    /* the limit: one more ends the stage */
    int full;             /* one more than the limit was found */
    const np__tokens *tk; /* the document's tokens */
    size_t tki;           /* the first one not read yet */
    np__vec pieces;       /* np__token: those of the current paragraph */
    const char *b;        /* body */
    size_t n;
    np__vec toks;         /* qtok of the current paragraph */
    np__vec recs;         /* qrec of the current paragraph */
    np__vec spans;        /* qspan: top-level quotes so far, in order */
    qment *ments;
    size_t nments;
    unsigned char *gender;  /* per entity: 0 unknown, 1 "he", 2 "she" */
    qsurname *surnames;     /* PERSON entities by the last word of the name */
    size_t nsurnames;
    long addressee;         /* the person the current cue addresses */
    /* the last kept top-level quote of earlier paragraphs */
    int have_last;
    size_t last_para;
    int last_open;        /* it ran to the end of its paragraph */
    const char *last_speaker, *last_cue;
    long last_ent;
    /* the speaker of a cue in the last sentence of a paragraph without
     * quotes */
    int have_cue;
    size_t cue_para;
    const char *cue_speaker, *cue_word;
    long cue_ent;
    /* the last speaker who was a named person (a fallback for "he") */
    const char *last_person;
    long last_person_ent;
    const char *text_spk[Q_TEXT_SPK];  /* names quoted as speakers that are
                                          no entity, the latest last */
    size_t ntext_spk;
    /* the last top-level quote of earlier paragraphs with a speaker: its
     * speaker entity, end, the person its cue addressed, and whether it
     * asked a question (for "he said" in the paragraphs after it) */
    long prev_ent, prev_addr;
    size_t prev_end;
    int prev_question;
    qlidx lidx[QLIDX_N];  /* the longest word lists, indexed */
    int oom;
} qstate;

static int q_inlist(const char *a, size_t n, const char *const *list);
static int q_inlist_st(const qstate *st, const char *a, size_t n,
                       const char *const *list);

static uint32_t q_dec(const char *s, size_t n, size_t i, size_t *len)
{
    size_t k, j = i;
    if (i < n && (unsigned char)s[i] < 0x80) {   /* ASCII, without calls */
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

static int q_space(uint32_t c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0xA0 ||
           c == 0xAD || u_isUWhiteSpace((UChar32)c) ||
           u_charType((UChar32)c) == U_FORMAT_CHAR;
}

static int q_alnum(uint32_t c)
{
    int t;
    if (c < 0x80)
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
               (c >= '0' && c <= '9');
    t = u_charType((UChar32)c);
    return u_isalnum((UChar32)c) || t == U_NON_SPACING_MARK ||
           t == U_COMBINING_SPACING_MARK;
}

/* 2 for a double mark, 1 for a single one, 0 otherwise; *dir its kind. */
static int q_markclass(uint32_t c, uint8_t *dir)
{
    switch (c) {
    case '"': *dir = MK_STRAIGHT; return 2;
    case 0x201C: case 0x201E: case 0x201F: case 0x00AB:
        *dir = MK_LEFT; return 2;
    case 0x201D: case 0x00BB: *dir = MK_RIGHT; return 2;
    case '\'': *dir = MK_STRAIGHT; return 1;
    case 0x2018: case 0x201A: case 0x2039: *dir = MK_LEFT; return 1;
    case 0x2019: case 0x203A: *dir = MK_RIGHT; return 1;
    default: return 0;
    }
}

static int q_push_tok(qstate *st, size_t s, size_t e, uint32_t cp, unsigned f,
                      uint8_t dir)
{
    qtok *t = np__vec_push(&st->toks);
    if (!t)
        return NP_ENOMEM;
    t->s = s;
    t->e = e;
    t->cp = cp;
    t->f = (uint16_t)f;
    t->dir = dir;
    t->q = -1;
    return NP_OK;
}

static int q_joiner(uint32_t c)
{
    return c == '\'' || c == 0x2019 || c == '-' || c == 0x2010 ||
           c == 0x2011 || c == '.' || c == '&';
}

static int q_ieq(const char *a, size_t n, const char *w)
{
    size_t i;
    for (i = 0; i < n; i++) {
        unsigned char x = (unsigned char)a[i];
        if (!w[i])
            return 0;
        if (x >= 'A' && x <= 'Z')
            x = (unsigned char)(x + 32);
        if (x != (unsigned char)w[i])
            return 0;
    }
    return w[n] == '\0';
}

static unsigned q_lkey(unsigned c0, unsigned c1, size_t n)
{
    return (c0 * 961u + c1 * 31u + (unsigned)n) & 1023u;
}

static void q_lidx_init(qlidx *x, const char *const *list)
{
    memset(x, 0, sizeof *x);
    x->list = list;
    for (; *list; list++) {
        const char *w = *list;
        size_t n = strlen(w);
        unsigned k;
        if (n == 0)
            continue;
        k = q_lkey((unsigned char)w[0], n > 1 ? (unsigned char)w[1] : 0u, n);
        x->bits[k >> 6] |= (uint64_t)1 << (k & 63);
    }
}

/* q_inlist, ruling most words out by the list's bitmap when it has one
 * (the first two letters lowered as q_ieq does, and the length). */
static int q_inlist_st(const qstate *st, const char *a, size_t n,
                       const char *const *list)
{
    size_t i;
    if (n == 0 || n > 24)
        return 0;
    for (i = 0; i < QLIDX_N; i++) {
        if (st->lidx[i].list == list) {
            unsigned c0 = (unsigned char)a[0], c1 = n > 1 ? (unsigned char)a[1] : 0u, k;
            if (c0 >= 'A' && c0 <= 'Z')
                c0 += 32;
            if (c1 >= 'A' && c1 <= 'Z')
                c1 += 32;
            k = q_lkey(c0, c1, n);
            if (!((st->lidx[i].bits[k >> 6] >> (k & 63)) & 1))
                return 0;
            break;
        }
    }
    return q_inlist(a, n, list);
}

static int q_inlist(const char *a, size_t n, const char *const *list)
{
    size_t i;
    unsigned char c0;
    if (n == 0 || n > 24)
        return 0;
    /* the first letter, lowered as q_ieq does, rules out most entries
     * without a call */
    c0 = (unsigned char)a[0];
    if (c0 >= 'A' && c0 <= 'Z')
        c0 = (unsigned char)(c0 + 32);
    for (i = 0; list[i]; i++)
        if ((unsigned char)list[i][0] == c0 && q_ieq(a + 1, n - 1, list[i] + 1))
            return 1;
    return 0;
}

/* The length in bytes of code point c in UTF-8. */
static size_t q_cplen(uint32_t c)
{
    return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
}

/* Whether the single mark ending at e, after an "s", is the apostrophe of
 * a plural possessive ("the players' union"): a lower-case word follows,
 * but not a cue or a pronoun ("'... Yankees' he said"). */
static int q_plural_poss(qstate *st, size_t ps, size_t pe, size_t i, size_t e)
{
    const char *b = st->b;
    size_t j = e, l2, we;
    uint32_t w;
    if (i <= ps || (b[i - 1] != 's' && b[i - 1] != 'S') ||
        (e < pe && !q_space(q_dec(b, pe, e, &l2))))
        return 0;
    while (j < pe && q_space(q_dec(b, pe, j, &l2)))
        j += l2;
    if (j >= pe)
        return 0;
    w = q_dec(b, pe, j, &l2);
    we = j;
    while (we < pe && we - j < 24 && b[we] >= 'a' && b[we] <= 'z')
        we++;
    return u_islower((UChar32)w) &&
           !(np__speech_find(b + j, we - j, 1) &
             (NP__SPEECH_CUE | NP__SPEECH_PARTICIPLE)) &&
           !q_inlist(b + j, we - j, q_pron_subj);
}

/* Whether the tokenizer joins c inside a token where the quotation rules
 * split it: ICU keeps "3,000", "user_name" and "@handle" whole, the
 * quotation rules read the digits, the name and the handle's words. */
static int q_splits(unsigned char c)
{
    return c == ',' || c == ';' || c == '_' || c == '@';
}

/* Appends the pieces of the document's tokens in [ps, pe) to st->pieces:
 * each token, or for a token with a character of q_splits() inside, the
 * runs between those characters and each of them alone. */
static int q_pieces(qstate *st, size_t ps, size_t pe)
{
    const np__token *tt = st->tk->toks.ptr;
    size_t nt = st->tk->toks.len;
    st->pieces.len = 0;
    while (st->tki < nt && tt[st->tki].start < ps)
        st->tki++;
    for (; st->tki < nt && tt[st->tki].start < pe; st->tki++) {
        const np__token *t = &tt[st->tki];
        size_t i, from = t->start;
        np__token *p;
        int split = 0;
        for (i = t->start; t->end - t->start > 1 && i < t->end && !split; i++)
            split = q_splits((unsigned char)st->b[i]);
        if (!split) {
            if (!(p = np__vec_push(&st->pieces)))
                return NP_ENOMEM;
            *p = *t;
            continue;
        }
        for (i = t->start; i <= t->end; i++) {
            size_t len;
            uint32_t c;
            if (i < t->end && !q_splits((unsigned char)st->b[i]))
                continue;
            if (i > from) {            /* the run before */
                if (!(p = np__vec_push(&st->pieces)))
                    return NP_ENOMEM;
                c = q_dec(st->b, t->end, from, &len);
                p->start = from;
                p->end = i;
                p->cp = c;
                p->flags = (u_isupper((UChar32)c) || u_istitle((UChar32)c)
                                ? NP__TOK_UPPER : 0) |
                           (u_isdigit((UChar32)c) ? NP__TOK_DIGIT : 0) |
                           (from == t->start ? t->flags & NP__TOK_SENT_START : 0);
            }
            if (i < t->end) {          /* the character itself */
                if (!(p = np__vec_push(&st->pieces)))
                    return NP_ENOMEM;
                p->start = i;
                p->end = i + 1;
                p->cp = (unsigned char)st->b[i];
                p->flags = NP__TOK_PUNCT |
                           (i == t->start ? t->flags & NP__TOK_SENT_START : 0);
            }
            from = i + 1;
        }
    }
    return NP_OK;
}

/* Reads the paragraph [ps, pe) into st->toks from the document's tokens
 * (st->tk, np__tokenize), split as q_pieces() says: a word is a piece
 * that starts with a letter or a digit, with the pieces glued to it that
 * start with one too and those joined to it by an apostrophe, a hyphen, a
 * full stop or an ampersand between letters or digits ("well-known",
 * "AT&T", "1990's"); quotation marks come with the flags the tokenizer
 * gave them; anything else is punctuation. Then the ends of sentences. */
static int q_tokenize(qstate *st, size_t ps, size_t pe)
{
    const np__token *tt;
    size_t nt, k, pi = 0;
    int rc;
    st->toks.len = 0;
    if ((rc = q_pieces(st, ps, pe)) != NP_OK)
        return rc;
    tt = st->pieces.ptr;
    nt = st->pieces.len;
    while (pi < nt) {
        const np__token *t = &tt[pi];
        uint32_t c = t->cp;
        if (q_space(c)) {
            pi++;
            continue;
        }
        if (q_alnum(c)) {
            unsigned f = QF_WORD;
            size_t e = t->end, j = pi + 1;
            if (t->flags & NP__TOK_UPPER)
                f |= QF_UPPER;
            if (t->flags & NP__TOK_DIGIT)
                f |= QF_DIGIT;
            while (j < nt && tt[j].start == e) {
                uint32_t d = tt[j].cp;
                if (q_alnum(d)) {
                    e = tt[j++].end;
                    continue;
                }
                if (q_joiner(d) && tt[j].end - tt[j].start == q_cplen(d) &&
                    j + 1 < nt && tt[j + 1].start == tt[j].end &&
                    q_alnum(tt[j + 1].cp)) {
                    if (d == '-' || d == 0x2010 || d == 0x2011)
                        f |= QF_HYPH;
                    e = tt[j + 1].end;
                    j += 2;
                    continue;
                }
                break;
            }
            if (q_push_tok(st, t->start, e, c, f, 0))
                return NP_ENOMEM;
            pi = j;
            continue;
        }
        if (t->flags & NP__TOK_QMARK) {
            unsigned f = QF_MARK;
            uint8_t dir = (t->flags & NP__TOK_QLEFT)    ? MK_LEFT
                          : (t->flags & NP__TOK_QRIGHT) ? MK_RIGHT
                                                        : MK_STRAIGHT;
            size_t e = t->start + q_cplen(c);
            if (t->flags & NP__TOK_QPAIR)
                e = tt[pi + 1].start + q_cplen(c);
            if (t->flags & NP__TOK_QDOUBLE)
                f |= QF_DOUBLE;
            if (t->flags & NP__TOK_QLFLANK)
                f |= QF_LF;
            if (t->flags & NP__TOK_QRFLANK)
                f |= QF_RF;
            if (!(f & QF_DOUBLE) && q_plural_poss(st, ps, pe, t->start, e))
                f |= QF_POSS;
            if (q_push_tok(st, t->start, e, c, f, dir))
                return NP_ENOMEM;
            pi += (t->flags & NP__TOK_QPAIR) ? 2 : 1;
            continue;
        }
        if (q_push_tok(st, t->start, t->end, c, QF_PUNCT, 0))
            return NP_ENOMEM;
        pi++;
    }
    /* sentence ends: the tokens' sentence starts (np__tokenize), put on
     * the full stop, "?" or "!" before the first one after it (the last of
     * an ellipsis), or on the last of the paragraph */
    for (k = 0, pi = 0; k < st->toks.len; k++) {
        qtok *t = (qtok *)st->toks.ptr + k;
        qtok *nx = k + 1 < st->toks.len ? t + 1 : NULL;
        size_t j;
        if (!(t->f & QF_PUNCT) || (t->cp != '.' && t->cp != '!' && t->cp != '?'))
            continue;
        if (t->cp == '.' && nx && (nx->f & QF_PUNCT) && (nx->cp == ',' || nx->cp == '.'))
            continue;
        while (pi < nt && tt[pi].start < t->e)
            pi++;
        for (j = pi; j < nt; j++)
            if ((tt[j].flags & NP__TOK_SENT_START) || q_alnum(tt[j].cp))
                break;
        if (j == nt || (tt[j].flags & NP__TOK_SENT_START))
            t->f |= QF_SEND;
    }
    return NP_OK;
}

/* --------------------------------------------------------------- pairing */

static int q_opens(const qtok *t, int inside)
{
    int lf = !!(t->f & QF_LF), rf = !!(t->f & QF_RF);
    if (!(t->f & QF_DOUBLE)) {      /* single marks: only when flanking */
        if (t->dir == MK_RIGHT)
            return 0;
        return lf && !rf;
    }
    switch (t->dir) {
    case MK_LEFT: return lf || !rf;
    case MK_RIGHT: return lf && !rf;
    default: return lf || (!rf && !inside);
    }
}

static int q_closes(const qtok *t, int inside)
{
    int lf = !!(t->f & QF_LF), rf = !!(t->f & QF_RF);
    if (!(t->f & QF_DOUBLE))
        return rf && !lf && !(t->f & QF_POSS);
    switch (t->dir) {
    case MK_LEFT: return rf && !lf;
    case MK_RIGHT: return rf || !lf;
    default: return rf || (!lf && inside);
    }
}

static long q_newrec(qstate *st, size_t ot, size_t para, long parent)
{
    qrec *r = np__vec_push(&st->recs);
    if (!r)
        return -1;
    r->ot = ot;
    r->ct = ot;
    r->para = para;
    r->parent = parent;
    r->ent = -1;
    r->addr = -1;
    return (long)st->recs.len - 1;
}

/* Skips spaces (and no-break spaces) at either end of [s, e). */
static size_t q_trim_left(const char *b, size_t s, size_t e)
{
    for (;;) {
        if (s < e && (b[s] == ' ' || b[s] == '\t'))
            s++;
        else if (s + 1 < e && (unsigned char)b[s] == 0xC2 &&
                 (unsigned char)b[s + 1] == 0xA0)
            s += 2;
        else
            return s;
    }
}

static size_t q_trim_right(const char *b, size_t s, size_t e)
{
    for (;;) {
        if (e > s && (b[e - 1] == ' ' || b[e - 1] == '\t'))
            e--;
        else if (e >= s + 2 && (unsigned char)b[e - 2] == 0xC2 &&
                 (unsigned char)b[e - 1] == 0xA0)
            e -= 2;
        else
            return e;
    }
}

#define REC(st, i) ((qrec *)(st)->recs.ptr + (i))
#define TOK(st, i) ((qtok *)(st)->toks.ptr + (i))

static int q_next_starts_quote(qstate *st, size_t pe);

/* The style of a mark: 0 single, 1 straight double, 2 typographic double. */
static int q_style(const qtok *t)
{
    if (!(t->f & QF_DOUBLE))
        return 0;
    return t->dir == MK_STRAIGHT ? 1 : 2;
}

/* Makes the quotations nested in record `top` top-level ones (when `top`
 * turns out to be a stray mark); 1 if there were any. Each record is
 * promoted at most once, so this stays linear. */
static int q_promote(qstate *st, long top)
{
    size_t i;
    int any = 0;
    for (i = st->recs.len; i-- > (size_t)top + 1;) {
        qrec *r = REC(st, i);
        if (r->parent < 0 && !r->dead)
            break;                     /* records before it belong elsewhere */
        if (r->parent == top && !r->dead) {
            r->parent = -1;
            any = 1;
        }
    }
    return any;
}

/* Pairs the marks of the paragraph into records. A quotation opens with
 * any mark that can open; inside it a mark of the same family that can
 * close closes it (mixed pairs such as “…" are common in scraped text);
 * one that can only open starts a nested quotation when it differs in
 * family or style ('…' or "…" inside “…”), and otherwise means the first
 * one was never closed: it is given up and the new one starts. */
static int q_pair(qstate *st, size_t para, size_t pe)
{
    size_t i, ntok = st->toks.len;
    long top = -1, nest = -1;
    int topstyle = 0, neststyle = 0;
    st->recs.len = 0;
    for (i = 0; i < ntok; i++) {
        const qtok *t = TOK(st, i);
        int sty;
        if (!(t->f & QF_MARK))
            continue;
        sty = q_style(t);
        if (top < 0) {
            if (q_opens(t, 0)) {
                if ((top = q_newrec(st, i, para, -1)) < 0)
                    return NP_ENOMEM;
                topstyle = sty;
            }
            continue;
        }
        if (nest >= 0) {
            int nest_family = (sty == 0) == (neststyle == 0);
            if (nest_family && (sty == neststyle || topstyle == 0) && q_closes(t, 1)) {
                REC(st, nest)->ct = i;
                REC(st, nest)->closed = 1;
                nest = -1;
            } else if ((sty == 0) == (topstyle == 0) && q_closes(t, 1)) {
                REC(st, nest)->dead = 1;
                nest = -1;
                REC(st, top)->ct = i;
                REC(st, top)->closed = 1;
                top = -1;
            }
            continue;
        }
        if ((sty == 0) == (topstyle == 0) && q_closes(t, 1)) {
            REC(st, top)->ct = i;
            REC(st, top)->closed = 1;
            top = -1;
        } else if (q_opens(t, 1)) {
            if (sty == topstyle) {
                /* unbalanced: give up the open quote, start again here */
                q_promote(st, top);
                REC(st, top)->dead = 1;
                if ((top = q_newrec(st, i, para, -1)) < 0)
                    return NP_ENOMEM;
            } else {
                if ((nest = q_newrec(st, i, para, top)) < 0)
                    return NP_ENOMEM;
                neststyle = sty;
            }
        }
    }
    if (nest >= 0)
        REC(st, nest)->dead = 1;
    if (top >= 0) {
        REC(st, top)->ct = ntok;
        if (!q_next_starts_quote(st, pe)) {
            /* a stray opening mark that never closed: the quotations
             * nested in it stand on their own, and it goes */
            if (q_promote(st, top))
                REC(st, top)->dead = 1;
        }
    }
    /* token ownership, content offsets */
    for (i = 0; i < st->recs.len; i++) {
        qrec *r = REC(st, i);
        size_t k, s, e;
        if (r->dead)
            continue;
        for (k = r->ot; k < r->ct + (r->closed ? 1 : 0) && k < ntok; k++)
            TOK(st, k)->q = (int32_t)i;
        s = TOK(st, r->ot)->e;
        e = r->closed ? TOK(st, r->ct)->s
                      : (r->ct > r->ot + 1 ? TOK(st, r->ct - 1)->e : s);
        s = q_trim_left(st->b, s, e);
        e = q_trim_right(st->b, s, e);
        r->s = s;
        r->e = e;
        for (k = r->ot + 1; k < r->ct && k < ntok; k++)
            if (TOK(st, k)->f & QF_WORD)
                r->nwords++;
        /* nothing to quote, or a letter ("rock 'n' roll") */
        if (s >= e || r->nwords == 0 || (r->nwords == 1 && e - s < 2))
            r->dead = 1;
    }
    return NP_OK;
}

static int q_word_in(qstate *st, size_t i, const char *const *list)
{
    const qtok *t = TOK(st, i);
    if (!(t->f & QF_WORD))
        return 0;
    return q_inlist_st(st, st->b + t->s, t->e - t->s, list);
}

/* Whether a[0..n) is a title or role of the entity lexicon ("President",
 * "Sen.", "spokesperson"), with or without its dot, or one of the other
 * words that go before a name (q_role_extra). */
static int q_role_word(const char *a, size_t n)
{
    return (np__ner_word(a, n, 1) & (NP__LX_TITLE | NP__LX_ROLE)) ||
           q_inlist(a, n, q_role_extra);
}

static int q_is_role(qstate *st, size_t i)
{
    const qtok *t = TOK(st, i);
    if (!(t->f & QF_WORD))
        return 0;
    return q_role_word(st->b + t->s, t->e - t->s);
}

/* Whether a[0..n), after "the", names a person named before ("the actor"):
 * a person head of the entity lexicon. */
static int q_head_word(const char *a, size_t n)
{
    return (np__ner_word(a, n, 0) & NP__LX_PERSON_HEAD) != 0;
}

static int q_is_head(qstate *st, size_t i)
{
    const qtok *t = TOK(st, i);
    if (!(t->f & QF_WORD))
        return 0;
    return q_head_word(st->b + t->s, t->e - t->s);
}

/* Whether token i is a speech verb with one of the NP__SPEECH_* flags. */
static int q_speech(qstate *st, size_t i, unsigned flags)
{
    const qtok *t = TOK(st, i);
    if (!(t->f & QF_WORD))
        return 0;
    return (np__speech_find(st->b + t->s, t->e - t->s, 1) & flags) != 0;
}

static int q_word_is(qstate *st, size_t i, const char *w)
{
    const qtok *t = TOK(st, i);
    return (t->f & QF_WORD) && q_ieq(st->b + t->s, t->e - t->s, w);
}

/* Words before a noun: "the reports", "his calls". */
static const char *const q_dets[] = {
    "the", "a", "an", "his", "her", "their", "its", "our", "my", "your",
    "these", "those", "such", "many", "some", "several", "other", "no",
    "any", "all", "both", "recent", "new", "latest", "early", "earlier",
    "local", "news", "media", "critical", "two", "three", "few", NULL
};

static int q_cue_at(qstate *st, size_t i, size_t hi)
{
    if (!(TOK(st, i)->f & QF_WORD))
        return 0;
    if (q_word_is(st, i, "according") && i + 1 < hi && q_word_is(st, i + 1, "to"))
        return CUE_PREP;
    if (TOK(st, i)->f & QF_UPPER)
        return 0;                     /* "United States" */
    if (i > 0 && q_word_is(st, i - 1, "to"))
        return 0;                     /* an infinitive */
    if (i > 0 && q_word_in(st, i - 1, q_dets))
        return 0;                     /* a noun: "the reports", "his calls" */
    if (i > 0 && q_word_is(st, i - 1, "being"))
        return 0;                     /* "That being said, ..." */
    if (i > 0 && q_word_in(st, i, q_naming) &&
        (q_word_in(st, i - 1, q_be) || q_word_is(st, i - 1, "what's") ||
         q_word_is(st, i - 1, "what\xE2\x80\x99s") || q_word_is(st, i - 1, "so")))
        return 0;                     /* "what's called "farmer's lung"": a term */
    if (q_word_is(st, i, "according") && i + 1 < hi && q_word_is(st, i + 1, "to"))
        return CUE_PREP;
    if (q_word_is(st, i, "per") && i > 0 && q_word_is(st, i - 1, "as"))
        return CUE_PREP;
    if (q_word_is(st, i, "written"))  /* "has written", not "had written a will" */
        return i > 0 && (q_word_is(st, i - 1, "has") || q_word_is(st, i - 1, "have"))
               ? CUE_FIN : 0;
    if (q_speech(st, i, NP__SPEECH_CUE))
        return CUE_FIN;
    if (q_word_is(st, i, "put") && i + 1 < hi && q_word_is(st, i + 1, "it"))
        return CUE_FIN;               /* "as Gaiman put it, ..." */
    if ((q_word_is(st, i, "read") || q_word_is(st, i, "reads")) && i + 1 < hi &&
        (TOK(st, i + 1)->f & QF_PUNCT) &&
        (TOK(st, i + 1)->cp == ':' || TOK(st, i + 1)->cp == ',' ||
         TOK(st, i + 1)->cp == '.'))
        return CUE_FIN;               /* "The statement read: ..." */
    if (q_speech(st, i, NP__SPEECH_PARTICIPLE))
        return CUE_PART;
    return 0;
}

/* A lower-case word that reads like a verb form ("featured", "hoping"). */
static int q_verbish(qstate *st, size_t i)
{
    const qtok *t = TOK(st, i);
    size_t n = t->e - t->s;
    const char *p = st->b + t->s;
    if (!(t->f & QF_WORD) || (t->f & (QF_UPPER | QF_HYPH | QF_DIGIT)))
        return 0;
    if (n > 4 && (memcmp(p + n - 2, "ed", 2) == 0 || memcmp(p + n - 3, "ing", 3) == 0))
        return 1;
    return 0;
}

/* --------------------------------------------------------- the speakers */

typedef struct qnp {
    size_t a, b;      /* token range, b exclusive; a == b if none */
} qnp;

static int q_outside(qstate *st, size_t i, long owner)
{
    int32_t q = TOK(st, i)->q;
    if (owner >= 0)
        return q == (int32_t)owner;
    return q < 0 || REC(st, q)->title;
}

/* At the start of a sentence (a capitalised "That" is a stop word there,
 * while a capitalised "Will" elsewhere is a name). */
static int q_sentstart(qstate *st, size_t i)
{
    const qtok *p;
    if (i == 0)
        return 1;
    p = TOK(st, i - 1);
    return (p->f & (QF_SEND | QF_MARK)) ||
           ((p->f & QF_PUNCT) && (p->cp == ':' || p->cp == ';'));
}

static int q_stopword(qstate *st, size_t i)
{
    if (!q_word_in(st, i, q_stop))
        return 0;
    return !(TOK(st, i)->f & QF_UPPER) || q_sentstart(st, i);
}

static int q_is_cue_word(qstate *st, size_t i)
{
    if (TOK(st, i)->f & QF_UPPER)
        return 0;
    return q_speech(st, i, NP__SPEECH_CUE | NP__SPEECH_PARTICIPLE);
}

/* Whether token i may belong to a noun phrase; next_i is the token that
 * follows it in reading order (for "of", "for", "by": only before a name
 * or "the"). */
static int q_npword(qstate *st, size_t i, size_t next_i, int have_next)
{
    const qtok *t = TOK(st, i);
    if (t->f & QF_WORD) {
        if (q_word_is(st, i, "of") || q_word_is(st, i, "for") ||
            q_word_is(st, i, "by")) {
            const qtok *nx;
            if (!have_next)
                return 0;
            nx = TOK(st, next_i);
            return (nx->f & QF_UPPER) || q_word_is(st, next_i, "the");
        }
        if (q_stopword(st, i) || q_is_cue_word(st, i))
            return 0;
        if (t->e - t->s >= 3 &&
            (memcmp(st->b + t->e - 3, "n't", 3) == 0 ||
             (t->e - t->s >= 5 && memcmp(st->b + t->e - 5, "n\xE2\x80\x99t", 5) == 0)))
            return 0;                  /* didn't, wasn't */
        return 1;
    }
    if ((t->f & QF_PUNCT) && (t->cp == '-' || t->cp == '(' || t->cp == ')' ||
                              (t->cp == '.' && !(t->f & QF_SEND))))
        return 1;
    return 0;
}

/* The noun phrase ending just before token `end` (exclusive), read
 * backwards; lo is the first token it may use. */
static qnp q_np_back(qstate *st, size_t end, size_t lo, long owner)
{
    qnp np = { end, end };
    size_t a = end, n = 0;
    while (a > lo && n < 9) {
        size_t i = a - 1;
        if (!q_outside(st, i, owner))
            break;
        if (TOK(st, i)->f & QF_MARK) {     /* the marks of a title */
            a = i;
            continue;
        }
        /* "the singer and guitarist" */
        if (q_word_is(st, i, "and") && i > lo && a < end &&
            q_is_head(st, i - 1) && q_is_head(st, a)) {
            a = i;
            n++;
            continue;
        }
        if (TOK(st, i)->f & QF_WORD && q_word_in(st, i, q_pron_subj)) {
            if (a == end)
                a = i;                 /* "he said": the pronoun alone */
            break;
        }
        if (!q_npword(st, i, a, a < end))
            break;
        if (q_verbish(st, i))
            break;
        a = i;
        n++;
    }
    /* drop leading punctuation */
    while (a < end && !(TOK(st, a)->f & QF_WORD))
        a++;
    np.a = a;
    return np;
}

/* A word ending in 's ("Disney's"). */
static int q_possessive(qstate *st, size_t i)
{
    const qtok *t = TOK(st, i);
    size_t n = t->e - t->s;
    const char *p = st->b + t->s;
    return (t->f & QF_WORD) &&
           ((n > 2 && memcmp(p + n - 2, "'s", 2) == 0) ||
            (n > 4 && memcmp(p + n - 4, "âs", 4) == 0));
}

/* Lower-case particles inside a name ("Karl von Arden", "Anna
 * van der Berg", "Paulo da Costa"). */
static const char *const q_particles[] = {
    "von", "van", "der", "den", "de", "del", "della", "di", "da", "das",
    "dos", "du", "la", "le", "ter", "ten", "bin", "ibn", "al", "el", NULL
};

/* The noun phrase starting at token `start`, read forwards up to hi. A
 * name ends at the first lower-case word that is not a role ("Kremlin
 * spokesperson Dmitry Peskov has"), a phrase with a determiner at the
 * first verb-like word ("one campaign video featured"). */
static qnp q_np_fwd(qstate *st, size_t start, size_t hi, long owner)
{
    qnp np = { start, start };
    size_t b = start, n = 0;
    int det = 0, upper = 0;
    while (b < hi && (TOK(st, b)->f & QF_MARK) && q_outside(st, b, owner))
        b++;
    start = b;
    if (b < hi && (TOK(st, b)->f & QF_WORD) && q_word_in(st, b, q_pron_subj)) {
        np.a = b;
        np.b = b + 1;
        return np;
    }
    if (b < hi && (q_word_in(st, b, q_indef) || q_word_is(st, b, "the") ||
                   q_word_is(st, b, "this")))
        det = 1;
    while (b < hi && n < 10) {
        const qtok *t = TOK(st, b);
        if (!q_outside(st, b, owner))
            break;
        if (t->f & QF_MARK) {
            b++;
            continue;
        }
        if (!q_npword(st, b, b + 1, b + 1 < hi))
            break;
        if (q_verbish(st, b) && n > 0)
            break;
        if ((t->f & QF_PUNCT) && t->cp == '-' && n == 0)
            break;
        if ((t->f & QF_WORD) && !(t->f & (QF_UPPER | QF_DIGIT | QF_HYPH)) &&
            upper && !det && !q_is_role(st, b) &&
            !q_word_is(st, b, "of") && !q_word_is(st, b, "for") &&
            !q_word_is(st, b, "by") && !q_word_is(st, b, "the") &&
            !(q_word_in(st, b, q_particles) && b + 1 < hi &&
              (TOK(st, b + 1)->f & QF_UPPER)))
            break;
        if (t->f & QF_UPPER)
            upper = 1;
        if ((t->f & QF_WORD) && t->e - t->s > 2 &&
            (memcmp(st->b + t->e - 2, "'s", 2) == 0 ||
             (t->e - t->s > 4 && memcmp(st->b + t->e - 4, "\xE2\x80\x99s", 4) == 0)))
            det = 1;                   /* "Disney's chairman" */
        b++;
        n++;
    }
    /* trailing adverbs and punctuation */
    while (b > start) {
        const qtok *t = TOK(st, b - 1);
        if ((t->f & QF_WORD) && !q_word_in(st, b - 1, q_skip) &&
            !q_word_is(st, b - 1, "of") && !q_word_is(st, b - 1, "for") &&
            !q_word_is(st, b - 1, "by") && !q_word_is(st, b - 1, "the") &&
            !(t->e - t->s > 4 && !(t->f & QF_UPPER) &&
              memcmp(st->b + t->e - 2, "ly", 2) == 0))
            break;
        b--;
    }
    np.a = start;
    np.b = b;
    return np;
}

static size_t q_lower_bound(const qment *m, size_t n, size_t pos)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (m[mid].s < pos)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static int q_in_quote(qstate *st, size_t pos)
{
    const qspan *sp = st->spans.ptr;
    size_t lo = 0, hi = st->spans.len;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (sp[mid].s <= pos)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo > 0 && pos < sp[lo - 1].e;
}

/* The lower-case word ending before byte pos (skipping spaces), as
 * [*ws, *we); 0 if there is none (punctuation, a capital, the start). */
static int q_word_before(qstate *st, size_t pos, size_t *ws, size_t *we)
{
    size_t e = pos, s;
    while (e > 0 && (st->b[e - 1] == ' ' || st->b[e - 1] == '\t'))
        e--;
    s = e;
    while (s > 0 && ((st->b[s - 1] >= 'a' && st->b[s - 1] <= 'z') ||
                     (st->b[s - 1] >= 'A' && st->b[s - 1] <= 'Z')) && e - s < 24)
        s--;
    if (s == e || !(st->b[s] >= 'a' && st->b[s] <= 'z'))
        return 0;
    *ws = s;
    *we = e;
    return 1;
}

/* A mention right after a verb or a preposition ("told Benioff", "offices
 * of Omar", "represents Thomas") is an object, not someone who would speak
 * next; after a role noun ("negotiator Saeb Erekat") or an inverted cue
 * ("said Avi Bell") it is not. */
static int q_object_pos(qstate *st, size_t pos)
{
    static const char *const objw[] = {
        "of", "to", "with", "for", "from", "about", "at", "on", "in", "into",
        "against", "over", "between", "among", "like", "than", "toward",
        "towards", "told", "tells", "telling", "asked", "asking", "urged",
        "thanked", "called", "named", "introduced", "met", "meet", "beat",
        "represents", "represented", "representing", "replaced", "replace",
        "appointed", "hired", "fired", "sued", "charged", "accused",
        "blamed", "praised", "criticised", "criticized", "joined", "visited",
        "interviewed", "congratulated", "greeted", "invited", "defeated",
        "killed", "attacked", "threatened", "threatening", "supported",
        "backed", "endorsed", "nominated", "elected", "succeeded", "follows",
        "followed", "kill", "killing", "help", "helped", "saw", "see",
        "married", "divorced", "interview", "thank", "ask", "tell", NULL
    };
    static const char *const open_words[] = {
        "and", "but", "or", "that", "when", "while", "as", "because", "if",
        "then", "though", "although", "after", "before", "since", "so",
        "by", "whom", NULL
    };
    static const char *const inverted[] = {
        "said", "says", "added", "adds", "wrote", "writes", "explained",
        "explains", "commented", "comments", "noted", "notes", "continued",
        "recalled", "replied", "insisted", "argued", "declared", "stated",
        "tweeted", "reported", "reports", "alleged", "quipped", NULL
    };
    size_t ws, we, s2, e2, n;
    if (!q_word_before(st, pos, &ws, &we))
        return 0;
    n = we - ws;
    if (ws > 0 && st->b[ws - 1] == '-')
        return 0;                      /* a compound modifier: "25-year-old Jane Roe" */
    if (q_inlist(st->b + ws, n, inverted))
        return 0;
    if (q_ieq(st->b + ws, n, "to") && q_word_before(st, ws, &s2, &e2) &&
        q_ieq(st->b + s2, e2 - s2, "according"))
        return 0;
    if (q_inlist(st->b + ws, n, objw))
        return 1;
    if (q_inlist(st->b + ws, n, open_words) || q_role_word(st->b + ws, n) ||
        q_head_word(st->b + ws, n))
        return 0;
    /* a role noun: "negotiator", "scientist", "spokesperson" */
    if ((n > 4 && memcmp(st->b + we - 2, "or", 2) == 0) ||
        (n > 4 && memcmp(st->b + we - 3, "ist", 3) == 0) ||
        (n > 4 && memcmp(st->b + we - 3, "man", 3) == 0) ||
        (n > 6 && memcmp(st->b + we - 6, "person", 6) == 0))
        return 0;
    return 1;
}

static const char *q_ent_name(qstate *st, long e);

/* A "person" whose name reads like an office or a district ("Western
 * District of New York"): a typing slip that must not win a pronoun. */
static int q_not_a_person(qstate *st, long e)
{
    const char *nm = q_ent_name(st, e);
    return !nm || strstr(nm, " of ") || strstr(nm, " for ") ||
           strstr(nm, " the ");
}

/* Whether an entity mention runs across byte pos. */
static int q_ment_spans(qstate *st, size_t pos)
{
    size_t i = q_lower_bound(st->ments, st->nments, pos), n = 0;
    while (i > 0 && n++ < 32)
        if (st->ments[--i].e > pos)
            return 1;
    return 0;
}

/* The nearest entity of `type` mentioned before pos, outside quotes and
 * not as an object; with `salient`, of those mentioned in the few hundred
 * bytes before that one, the most mentioned ("the actor"). */
static long q_nearest(qstate *st, size_t pos, int type, int salient,
                      int gender)
{
    size_t i = q_lower_bound(st->ments, st->nments, pos), steps = 0;
    long best = -1;
    size_t best_n = 0, first = 0;
    while (i > 0 && steps < 400) {
        const qment *m = &st->ments[--i];
        const struct np_entity *en;
        steps++;
        if (m->type != type || m->e > pos)
            continue;
        if (best >= 0 && m->s + 400 < first)
            break;
        if (m->ent == st->addressee)
            continue;                  /* "he told Benioff": not Benioff */
        if (q_in_quote(st, m->s) || (st->addressee < 0 && q_object_pos(st, m->s)))
            continue;
        if (gender && st->gender && st->gender[m->ent] &&
            st->gender[m->ent] != gender)
            continue;                  /* "she" after "he" said */
        if (m->e - m->s < 2)
            continue;                  /* "I" is no one's name */
        if (type == NP_ENTITY_PERSON && q_not_a_person(st, m->ent))
            continue;
        if (!salient)
            return m->ent;
        en = np__vec_at(&st->c->doc->entities, (size_t)m->ent);
        if (best < 0) {
            first = m->s;
            best = m->ent;
            best_n = en->n_mentions;
        } else if (en->n_mentions > best_n) {
            best = m->ent;
            best_n = en->n_mentions;
        }
    }
    return best;
}

static const char *q_ent_name(qstate *st, long e)
{
    const struct np_entity *en = np__vec_at(&st->c->doc->entities, (size_t)e);
    return en ? en->name : NULL;
}

static int q_ent_type(qstate *st, long e)
{
    const struct np_entity *en = np__vec_at(&st->c->doc->entities, (size_t)e);
    return en ? en->type : -1;
}

/* A copy of body[s, e) in the arena, a leading capitalised determiner
 * lower-cased ("The statement" -> "the statement"). */
static const char *q_text(qstate *st, size_t s, size_t e, int lower_det)
{
    char *out = np__arena_strndup(st->c->doc->arena, st->b + s, e - s);
    if (!out) {
        st->oom = 1;
        return NULL;
    }
    if (lower_det && out[0] >= 'A' && out[0] <= 'Z') {
        static const char *const dets[] = {
            "the", "a", "an", "one", "another", "some", "several", "many",
            "two", "three", "four", "five", "this", "that", "federal",
            "prosecutors", "officials", "police", "critics", "analysts",
            "experts", "residents", "witnesses", "sources", "court", NULL
        };
        size_t w = 0;
        while (out[w] && out[w] != ' ')
            w++;
        if (q_inlist(out, w, dets))
            out[0] = (char)(out[0] + 32);
    }
    return out;
}

/* The surname index: the last word of every PERSON entity's name,
 * sorted, so that a name the entities stage missed finds its person in
 * logarithmic time. */
static int q_cmp_surname(const void *x, const void *y)
{
    const qsurname *a = x, *b = y;
    size_t n = a->n < b->n ? a->n : b->n;
    int c = memcmp(a->p, b->p, n);
    if (c)
        return c;
    if (a->n != b->n)
        return a->n < b->n ? -1 : 1;
    return a->ent < b->ent ? -1 : (a->ent > b->ent);
}

static int q_surnames(qstate *st)
{
    const np__vec *ents = &st->c->doc->entities;
    size_t i;
    if (!ents->len)
        return NP_OK;
    st->surnames = np__malloc(ents->len * sizeof(qsurname));
    if (!st->surnames)
        return NP_ENOMEM;
    for (i = 0; i < ents->len; i++) {
        const struct np_entity *en = np__vec_at(ents, i);
        const char *last;
        qsurname *sn;
        if (!en->name || en->type != NP_ENTITY_PERSON)
            continue;
        last = strrchr(en->name, ' ');
        last = last ? last + 1 : en->name;
        sn = &st->surnames[st->nsurnames++];
        sn->p = last;
        sn->n = strlen(last);
        sn->ent = (long)i;
    }
    qsort(st->surnames, st->nsurnames, sizeof(qsurname), q_cmp_surname);
    return NP_OK;
}

/* The PERSON entity whose name ends with the same word as body[s, e). */
static long q_by_surname(qstate *st, size_t s, size_t e)
{
    qsurname key;
    size_t lo = 0, hi = st->nsurnames;
    key.p = st->b + s;
    key.n = e - s;
    key.ent = -1;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (q_cmp_surname(&st->surnames[mid], &key) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < st->nsurnames && st->surnames[lo].n == key.n &&
        memcmp(st->surnames[lo].p, key.p, key.n) == 0)
        return st->surnames[lo].ent;
    return -1;
}

typedef struct qspk {
    const char *name;
    long ent;
} qspk;

/* A speaker noun phrase read once: its word tokens [a, b) and bytes
 * [ms, me), the token after "by (the)" (0 if none), and the entities its
 * mentions name: the first person, the one ending with the phrase, the
 * first after "by". */
typedef struct qnpread {
    size_t a, b, ms, me, by;
    long person, endent, byent;
} qnpread;

/* Trims np to its words and reads it into *q; 0 when it has no word.
 * "Rosaly Lopes of NASA's Jet Propulsion Laboratory": a name's tail goes,
 * unless one mention runs across the "of". */
static int q_np_read(qstate *st, qnp np, qnpread *q)
{
    size_t a = np.a, b = np.b, i, k;
    while (a < b && !(TOK(st, a)->f & QF_WORD))
        a++;
    while (b > a && !(TOK(st, b - 1)->f & QF_WORD))
        b--;
    if (a >= b)
        return 0;
    for (i = a + 1; i + 1 < b; i++)
        if ((q_word_is(st, i, "of") || q_word_is(st, i, "at")) &&
            (TOK(st, i - 1)->f & QF_UPPER) && !q_is_role(st, i - 1) &&
            !q_ment_spans(st, TOK(st, i)->s)) {
            b = i;
            break;
        }
    q->a = a;
    q->b = b;
    q->ms = TOK(st, a)->s;
    q->me = TOK(st, b - 1)->e;
    q->by = 0;
    q->person = q->endent = q->byent = -1;
    for (i = a; i + 1 < b; i++)
        if (q_word_is(st, i, "by")) {
            q->by = i + 1;
            if (q_word_is(st, q->by, "the") && q->by + 1 < b)
                q->by++;
            break;
        }
    for (k = q_lower_bound(st->ments, st->nments, q->ms);
         k < st->nments && st->ments[k].s < q->me; k++) {
        const qment *m = &st->ments[k];
        if (m->e > q->me)
            continue;
        if (m->type == NP_ENTITY_PERSON && q->person < 0)
            q->person = m->ent;
        if (m->e == q->me)
            q->endent = m->ent;
        if (q->by && q->byent < 0 && m->s >= TOK(st, q->by)->s)
            q->byent = m->ent;
    }
    return 1;
}

/* An indefinite phrase, "an official press release by the Élysée": the
 * entity after "by", else the phrase itself. */
static qspk q_resolve_indef(qstate *st, const qnpread *q)
{
    qspk r = { NULL, -1 };
    const qtok *tl = TOK(st, q->b - 1);
    if (q->byent >= 0) {
        r.ent = q->byent;
        r.name = q_ent_name(st, q->byent);
    } else if (q->by && (TOK(st, q->by)->f & QF_UPPER)) {
        r.ent = q_by_surname(st, tl->s, tl->e);
        r.name = r.ent >= 0 ? q_ent_name(st, r.ent)
                            : q_text(st, TOK(st, q->by)->s, q->me, 0);
    } else {
        r.name = q_text(st, q->ms, q->me, 1);
    }
    return r;
}

/* "Tottenham said they ...": an organisation named just before, in the
 * same paragraph. */
static qspk q_resolve_they(qstate *st, size_t ms)
{
    qspk r = { NULL, -1 };
    long e = q_nearest(st, ms, NP_ENTITY_ORG, 0, 0);
    size_t j = q_lower_bound(st->ments, st->nments, ms);
    while (e >= 0 && j > 0) {
        const qment *m = &st->ments[--j];
        if (m->ent == e) {
            if (m->e + 300 >= ms && m->e <= ms &&
                !memchr(st->b + m->e, '\n', ms - m->e)) {
                r.ent = e;
                r.name = q_ent_name(st, e);
            }
            break;
        }
        if (m->s + 300 < ms)
            break;
    }
    return r;
}

/* Whether person e may be "he" (gender 1) or "she" (2) at ms. */
static int q_pron_fits(qstate *st, long e, int gender)
{
    return e >= 0 && e != st->addressee &&
           q_ent_type(st, e) == NP_ENTITY_PERSON && !q_not_a_person(st, e) &&
           !(st->gender && st->gender[e] && st->gender[e] != gender);
}

/* Whether entity e is mentioned in [from, to) outside quotations. */
/* Whether the mention at pos is set off after a description in the
 * middle of a sentence ("to see his brother, Mark Ross"): an apposition
 * to what the description is in its sentence, an object as often as
 * not, where one at the start of a sentence ("His brother, Mark Ross,
 * said") is its subject. */
static int q_appos_mid(qstate *st, size_t pos)
{
    size_t p = pos, we, ws, s2, e2;
    while (p > 0 && st->b[p - 1] == ' ')
        p--;
    if (p == 0 || st->b[p - 1] != ',')
        return 0;
    if (!q_word_before(st, p - 1, &ws, &we))
        return 0;                      /* a lower-case noun before the comma */
    if (!q_word_before(st, ws, &s2, &e2) ||
        !(q_ieq(st->b + s2, e2 - s2, "his") || q_ieq(st->b + s2, e2 - s2, "her") ||
          q_ieq(st->b + s2, e2 - s2, "their") || q_ieq(st->b + s2, e2 - s2, "the") ||
          q_ieq(st->b + s2, e2 - s2, "a") || q_ieq(st->b + s2, e2 - s2, "an")))
        return 0;
    /* q_word_before reads lower-case words only: "His" at a sentence
     * start is no match, and a word before the determiner means the
     * description is inside its sentence */
    return s2 > 0 && q_word_before(st, s2, &ws, &we);
}

/* Whether entity e is mentioned in [from, to) outside quotations as one
 * who may speak next: not as an object ("told Benioff", "with Omar"),
 * an agent after "by", nor in apposition inside a sentence. */
static int q_mentioned_between(qstate *st, long e, size_t from, size_t to)
{
    size_t k = q_lower_bound(st->ments, st->nments, from), ws, we;
    for (; k < st->nments && st->ments[k].s < to; k++) {
        size_t s = st->ments[k].s;
        if (st->ments[k].ent != e || q_in_quote(st, s))
            continue;
        if (q_object_pos(st, s) || q_appos_mid(st, s) ||
            (q_word_before(st, s, &ws, &we) && q_ieq(st->b + ws, we - ws, "by")))
            continue;
        return 1;
    }
    return 0;
}

/* "he said" in the paragraphs just after a quotation: the person who
 * answers a question put to them ("a reporter asked Montoya-Lewis, '...?'"
 * then "'...,' she replied"), else the previous quotation's speaker, unless
 * the person nearest to the pronoun (near) has been named since; -1 when
 * neither applies. */
static long q_prev_speaker(qstate *st, size_t ms, int gender, long near)
{
    if (st->prev_end == 0 || ms < st->prev_end || ms - st->prev_end > 600)
        return -1;
    if (st->prev_question && q_pron_fits(st, st->prev_addr, gender))
        return st->prev_addr;
    if (!q_pron_fits(st, st->prev_ent, gender) || near == st->prev_ent)
        return -1;
    if (near >= 0 && q_mentioned_between(st, near, st->prev_end, ms))
        return -1;
    return st->prev_ent;
}

/* Whether word [p, p+n) of the body is name (or the surname, its last
 * word) as a whole word, not as a possessor ("Hadley's"). */
static size_t q_name_at(qstate *st, size_t p, const char *nm)
{
    size_t nl = strlen(nm), sl;
    const char *sp = strrchr(nm, ' ');
    size_t forms[2];
    int i;
    forms[0] = nl;
    sl = sp ? nl - (size_t)(sp + 1 - nm) : 0;
    forms[1] = sl;
    for (i = 0; i < 2 && (i == 0 || sp); i++) {
        const char *f = i == 0 ? nm : sp + 1;
        size_t fl = forms[i];
        if (fl < 2 || p + fl > st->n || memcmp(st->b + p, f, fl) != 0)
            continue;
        if (p + fl < st->n && (q_alnum((unsigned char)st->b[p + fl]) ||
                               st->b[p + fl] == '\'' ||
                               (unsigned char)st->b[p + fl] == 0xE2))
            continue;
        return fl;
    }
    return 0;
}

/* Whether a person quoted before under a name the entities stage missed
 * is named outside quotations (not as a possessor) after entity e's last
 * mention before ms and within 2,000 bytes of ms, by the name or by its
 * last word: "he" is then that name (the one named last) rather than an
 * entity named further back. One pass over the bytes, whatever the
 * number of names. */
static const char *q_text_person_nearer(qstate *st, long e, size_t ms)
{
    size_t from, p, k, steps = 0, j;
    if (!st->ntext_spk)
        return NULL;
    from = ms > 2000 ? ms - 2000 : 0;
    if (e >= 0)
        for (k = q_lower_bound(st->ments, st->nments, ms); k > 0 && steps < 400; steps++) {
            const qment *m = &st->ments[--k];
            if (m->ent == e && m->e <= ms) {
                if (m->e > from)
                    from = m->e;
                break;
            }
        }
    for (p = ms; p-- > from;) {
        unsigned char c = (unsigned char)st->b[p];
        if (c < 'A' || c > 'Z' || (p > 0 && q_alnum((unsigned char)st->b[p - 1])))
            continue;
        for (j = st->ntext_spk; j-- > 0;) {
            size_t l = q_name_at(st, p, st->text_spk[j]);
            if (l && p + l <= ms && !q_in_quote(st, p))
                return st->text_spk[j];
        }
    }
    return NULL;
}

/* A subject pronoun: the nearest entity of its type and gender, else the
 * last person quoted. */
static qspk q_resolve_pronoun(qstate *st, size_t a, size_t ms)
{
    qspk r = { NULL, -1 };
    int type = q_word_in(st, a, q_pron_person) ? NP_ENTITY_PERSON
             : q_word_is(st, a, "it") ? NP_ENTITY_ORG : -1, gender;
    if (q_word_is(st, a, "they"))
        return q_resolve_they(st, ms);
    if (type < 0)
        return r;
    gender = q_word_is(st, a, "he") ? 1 : q_word_is(st, a, "she") ? 2 : 0;
    r.ent = q_nearest(st, ms, type, 0, gender);
    if (gender) {
        long p = q_prev_speaker(st, ms, gender, r.ent);
        if (p >= 0)
            r.ent = p;
        const char *tn = q_text_person_nearer(st, r.ent, ms);
        if (tn) {
            r.name = tn;
            r.ent = -1;
            return r;
        }
    }
    if (r.ent >= 0) {
        r.name = q_ent_name(st, r.ent);
        if (gender && st->gender && !st->gender[r.ent])
            st->gender[r.ent] = (unsigned char)gender;
    }
    else if (type == NP_ENTITY_PERSON && st->last_person) {
        r.name = st->last_person;
        r.ent = st->last_person_ent;
    }
    return r;
}

/* Whether the name of entity e ends with the word hp[0..hn) (lower case):
 * "Environmental Protection Agency" for "agency". */
static int q_name_ends_with(qstate *st, long e, const char *hp, size_t hn)
{
    const char *nm = q_ent_name(st, e), *last;
    size_t j = 0;
    if (!nm)
        return 0;
    last = strrchr(nm, ' ');
    last = last ? last + 1 : nm;
    if (strlen(last) != hn)
        return 0;
    while (j < hn && (last[j] >= 'A' && last[j] <= 'Z' ? last[j] + 32 : last[j]) == hp[j])
        j++;
    return j == hn;
}

/* Whether the mention ending at me is followed by an apposition that
 * holds the word hp[0..hn) before its end: "Acme, a Boston company,". */
static int q_appos_has(qstate *st, size_t me, const char *hp, size_t hn)
{
    size_t i = me, words = 0;
    if (i + 2 >= st->n || st->b[i] != ',' || st->b[i + 1] != ' ')
        return 0;
    i += 2;
    while (i < st->n && words < 8) {
        size_t ws = i;
        while (i < st->n && ((st->b[i] >= 'a' && st->b[i] <= 'z') ||
                             (st->b[i] >= 'A' && st->b[i] <= 'Z') ||
                             st->b[i] == '-' || (unsigned char)st->b[i] >= 0x80))
            i++;
        if (i == ws)
            return 0;
        if (i - ws == hn && memcmp(st->b + ws, hp, hn) == 0)
            return words > 0;         /* after "a", "the", "its" ... */
        words++;
        if (i >= st->n || st->b[i] != ' ')
            return 0;                 /* the apposition ends */
        i++;
    }
    return 0;
}

/* "the agency", "the company": the organisation the text named before it
 * (outside quotations, within 2,000 bytes) as one: its name ends with the
 * same word ("the agency" is the Environmental Protection Agency) or an
 * apposition introduced it so ("Acme, a Boston company, ..."); -1 when
 * none did (an unnamed "the group" stays as it is). */
static long q_org_named(qstate *st, size_t pos, const char *hp, size_t hn)
{
    size_t i = q_lower_bound(st->ments, st->nments, pos), steps = 0;
    while (i > 0 && steps++ < 400) {
        const qment *m = &st->ments[--i];
        if (m->s + 2000 < pos)
            break;
        if (m->type != NP_ENTITY_ORG || m->e > pos || q_in_quote(st, m->s))
            continue;
        if (q_name_ends_with(st, m->ent, hp, hn) || q_appos_has(st, m->e, hp, hn))
            return m->ent;
    }
    return -1;
}

/* A common-noun head: "the actor" is someone named before, "the
 * statement" stays as it is. */
/* Whether the bytes [s, e) hold the word hp (lower case, hn bytes long),
 * whole, in any case. */
static int q_has_word(qstate *st, size_t s, size_t e, const char *hp, size_t hn)
{
    size_t p = s;
    while (p < e) {
        size_t w;
        while (p < e && !q_alnum((unsigned char)st->b[p]) &&
               (unsigned char)st->b[p] < 0x80)
            p++;
        w = p;
        while (p < e && (q_alnum((unsigned char)st->b[p]) ||
                         (unsigned char)st->b[p] >= 0x80 || st->b[p] == '-'))
            p++;
        if (p - w == hn && np__text_eq_ci(st->b + w, hn, hp))
            return 1;
    }
    return 0;
}

/* The person an earlier sentence introduced with the head noun of a
 * description ("the ambassador", "his predecessor"), within 3,000 bytes
 * before ms, the nearest first: the noun in the apposition after the
 * name ("John Smith, the country's ambassador to France,"), in the phrase
 * set off before it ("his predecessor, George Bush") or as a title right
 * before it ("Ambassador John Smith"). */
static long q_intro_person(qstate *st, size_t ms, const char *hp, size_t hn)
{
    size_t k = q_lower_bound(st->ments, st->nments, ms), steps = 0;
    size_t lo = ms > 3000 ? ms - 3000 : 0;
    while (k > 0 && steps++ < 200) {
        const qment *m = &st->ments[--k];
        size_t p, q;
        if (m->s < lo)
            break;
        if (m->type != NP_ENTITY_PERSON || m->e > ms || q_in_quote(st, m->s))
            continue;
        /* after: ", the country's ambassador to France," */
        p = m->e;
        if (p + 1 < st->n && st->b[p] == ',') {
            for (q = p + 1; q < st->n && q < p + 120 && st->b[q] != ',' &&
                            st->b[q] != '.' && st->b[q] != ';' && st->b[q] != '\n' &&
                            st->b[q] != '(';
                 q++)
                ;
            if (q_has_word(st, p + 1, q, hp, hn))
                return m->ent;
        }
        /* before: "his predecessor, George Bush" or "Ambassador John Smith" */
        p = m->s;
        while (p > 0 && st->b[p - 1] == ' ')
            p--;
        if (p > 0 && st->b[p - 1] == ',') {
            p--;
            q = p;
            while (q > 0 && q + 60 > p && st->b[q - 1] != ',' && st->b[q - 1] != '.' &&
                   st->b[q - 1] != '\n' && st->b[q - 1] != ';')
                q--;
            /* the noun ends the phrase: the last word before the comma */
            if (p >= hn && q_has_word(st, p - hn, p, hp, hn) &&
                (p == hn || !q_alnum((unsigned char)st->b[p - hn - 1])) && p - hn >= q)
                return m->ent;
        } else if (p >= hn && q_has_word(st, p - hn, p, hp, hn) &&
                   (p == hn || !q_alnum((unsigned char)st->b[p - hn - 1])))
            return m->ent;
    }
    return -1;
}

static qspk q_resolve_common(qstate *st, const qnpread *q)
{
    qspk r = { NULL, -1 };
    const qtok *tl = TOK(st, q->b - 1);
    size_t hn = tl->e - tl->s;
    const char *hp = st->b + tl->s;
    int definite = q_word_is(st, q->a, "the") || q_word_is(st, q->a, "this") ||
                   q_word_is(st, q->a, "that");
    size_t k0;
    int possessed = 0;
    for (k0 = q->a; k0 + 1 < q->b; k0++)
        possessed |= q_possessive(st, k0);
    /* "the victim's mother" is someone the possessor relates to, not the
     * person most mentioned: only an introduction names her (below) */
    if (definite && !possessed &&
        (q_is_head(st, q->b - 1) ||
         (hn > 8 && memcmp(hp + hn - 8, "year-old", 8) == 0))) {
        r.ent = q_nearest(st, q->ms, NP_ENTITY_PERSON, 1, 0);
        if (r.ent >= 0) {
            r.name = q_ent_name(st, r.ent);
            return r;
        }
        if (st->last_person) {
            r.name = st->last_person;
            r.ent = st->last_person_ent;
            return r;
        }
    }
    if (definite && q->b - q->a <= 3 && (np__ner_word(hp, hn, 0) & NP__LX_ORG_CUE)) {
        /* "the agency", "the production company": lower-case words only */
        size_t k;
        for (k = q->a; k < q->b && !(TOK(st, k)->f & QF_UPPER); k++)
            ;
        if (k == q->b && (r.ent = q_org_named(st, q->ms, hp, hn)) >= 0) {
            r.name = q_ent_name(st, r.ent);
            return r;
        }
        r.ent = -1;
    }
    if ((definite || q_word_in(st, q->a, q_poss_det) || q_possessive(st, q->a)) &&
        q->b - q->a <= 5 && !(tl->f & QF_UPPER) && hn >= 3) {
        /* "the ambassador", "his predecessor", "the country's envoy":
         * the person introduced so */
        char h[32];
        size_t i;
        if (hn < sizeof h) {
            for (i = 0; i < hn; i++)
                h[i] = (char)((hp[i] >= 'A' && hp[i] <= 'Z') ? hp[i] + 32 : hp[i]);
            h[hn] = '\0';
            if ((r.ent = q_intro_person(st, q->ms, h, hn)) >= 0) {
                r.name = q_ent_name(st, r.ent);
                return r;
            }
        }
        r.ent = -1;
    }
    r.name = q_text(st, q->ms, q->me, 1);
    return r;
}

/* A capitalised name no entity covers: roles, possessors and lower case
 * words in front go ("Secretary of State Mike Pompeo", "the Agency's
 * Advisory Panel"), a name's "of ..." tail too ("Robin Biesbroek of the
 * CDF"); what is left is a known surname or the name as written. */
static qspk q_resolve_name(qstate *st, size_t a, size_t b)
{
    qspk r = { NULL, -1 };
    size_t s0 = a, e0 = b, i;
    int seen = 0;
    for (i = a; i < b; i++) {
        const qtok *t = TOK(st, i);
        size_t j;
        int later = 0;
        if (!(t->f & QF_WORD))
            continue;
        if (q_word_is(st, i, "of") || q_word_is(st, i, "for") ||
            q_word_is(st, i, "by")) {
            if (seen) {
                e0 = i;
                break;
            }
            s0 = i + 1;
            continue;
        }
        if ((t->f & QF_UPPER) && !q_is_role(st, i) &&
            !q_possessive(st, i)) {
            seen = 1;
            continue;
        }
        for (j = i + 1; j < b && !later; j++)
            later = (TOK(st, j)->f & QF_UPPER) && !q_is_role(st, j);
        if (later || q_possessive(st, i)) {
            s0 = i + 1;
            seen = 0;
        }
    }
    while (s0 < e0 && !(TOK(st, s0)->f & QF_WORD))
        s0++;
    while (e0 > s0 && !(TOK(st, e0 - 1)->f & QF_WORD))
        e0--;
    if (s0 >= e0)
        return r;
    r.ent = q_by_surname(st, TOK(st, e0 - 1)->s, TOK(st, e0 - 1)->e);
    if (r.ent >= 0)
        r.name = q_ent_name(st, r.ent);
    else
        r.name = q_text(st, TOK(st, s0)->s, TOK(st, e0 - 1)->e, 0);
    return r;
}

/* Whether the phrase's persons are all possessors of a lower-case head
 * that ends it ("Smith's lawyer", "the Smiths' neighbour"), so that it
 * names someone else. */
static int q_possessor_only(qstate *st, const qnpread *q)
{
    size_t k, i, last_e = 0;
    const qtok *tl = TOK(st, q->b - 1);
    if (tl->f & (QF_UPPER | QF_DIGIT))
        return 0;
    for (k = q_lower_bound(st->ments, st->nments, q->ms);
         k < st->nments && st->ments[k].s < q->me; k++) {
        const qment *m = &st->ments[k];
        size_t e = m->e;
        if (m->e > q->me || m->type != NP_ENTITY_PERSON)
            continue;
        if (e + 2 <= q->me && st->b[e] == '\'' && st->b[e + 1] == 's')
            e += 2;
        else if (e + 4 <= q->me && memcmp(st->b + e, "\xE2\x80\x99s", 4) == 0)
            e += 4;
        else
            return 0;
        last_e = e;
    }
    if (!last_e)
        return 0;
    /* only lower-case words after the last possessor */
    for (i = q->a; i < q->b; i++)
        if (TOK(st, i)->s >= last_e && (TOK(st, i)->f & QF_UPPER))
            return 0;
    return 1;
}

/* The speaker named by the noun phrase np: an entity, a pronoun's
 * nearest compatible entity, or the phrase itself. */
static qspk q_resolve(qstate *st, qnp np)
{
    qspk r = { NULL, -1 };
    qnpread q;
    const qtok *tl;
    if (!q_np_read(st, np, &q))
        return r;
    tl = TOK(st, q.b - 1);
    if (q_word_in(st, q.a, q_indef))
        return q_resolve_indef(st, &q);
    if (q.person >= 0 && q_possessor_only(st, &q)) {
        /* "Smith's lawyer", "Hadvar's uncle": someone else, unnamed */
        r.name = q_text(st, q.ms, q.me, 1);
        return r;
    }
    if (q.person >= 0) {
        r.ent = q.person;
        r.name = q_ent_name(st, q.person);
        return r;
    }
    if (q.b == q.a + 1 && q_word_in(st, q.a, q_pron_subj))
        return q_resolve_pronoun(st, q.a, q.ms);
    if (q.endent >= 0 && q_ent_type(st, q.endent) != NP_ENTITY_PERSON) {
        r.ent = q.endent;
        r.name = q_ent_name(st, q.endent);
        return r;
    }
    /* a bare singular common noun ("with phone calls") names no one, but
     * a collective one does ("police said") */
    if (q.b == q.a + 1 && !(tl->f & (QF_UPPER | QF_DIGIT)) &&
        st->b[q.me - 1] != 's' && !q_word_in(st, q.a, q_collective))
        return r;
    if (!(tl->f & QF_UPPER))
        return q_resolve_common(st, &q);
    return q_resolve_name(st, q.a, q.b);
}

/* The subject at the start of the sentence holding token i. */
static qnp q_subject(qstate *st, size_t i, size_t lo, long owner)
{
    size_t s = i, n = 0, k;
    qnp none = { 0, 0 };
    while (s > lo && n < 60) {
        const qtok *t = TOK(st, s - 1);
        if (q_outside(st, s - 1, owner) && (t->f & QF_SEND))
            break;
        s--;
        n++;
    }
    /* skip an opening phrase ("After the hearing, ...") */
    if (s < i && (q_stopword(st, s) || q_verbish(st, s) ||
                  q_word_is(st, s, "additionally") || q_word_is(st, s, "for") ||
                  q_word_is(st, s, "following") || q_word_is(st, s, "despite") ||
                  q_word_is(st, s, "meanwhile") || q_word_is(st, s, "earlier") ||
                  q_word_is(st, s, "furthermore") || q_word_is(st, s, "critically") ||
                  q_word_is(st, s, "likewise") || q_word_is(st, s, "during") ||
                  q_word_is(st, s, "in") || q_word_is(st, s, "on") ||
                  q_word_is(st, s, "at") || q_word_is(st, s, "after"))) {
        for (k = s; k < i && k < s + 16; k++)
            if (TOK(st, k)->f & QF_PUNCT && TOK(st, k)->cp == ',') {
                s = k + 1;
                break;
            }
    }
    while (s < i && (!q_outside(st, s, owner) || (TOK(st, s)->f & QF_PUNCT) ||
                     q_word_is(st, s, "so") || q_word_is(st, s, "and") ||
                     q_word_is(st, s, "but") || q_word_is(st, s, "then") ||
                     q_word_is(st, s, "yet") || q_word_is(st, s, "also")))
        s++;                           /* "So I called her up and said" */
    if (s >= i)
        return none;
    return q_np_fwd(st, s, i, owner);
}

/* Only punctuation between tokens a (inclusive) and b (exclusive). */
static int q_only_punct(qstate *st, size_t a, size_t b)
{
    for (; a < b; a++)
        if (!(TOK(st, a)->f & QF_PUNCT) || (TOK(st, a)->f & QF_MARK))
            return 0;
    return 1;
}

/* The phrase from `from`, or the name in apposition after a description
 * ("According to his aunt, Jane Starner, ...", "said the spokesman, Tom
 * Lee"). */
static int q_np_person(qstate *st, qnp np);
static qnp q_appos_person(qstate *st, size_t from, size_t to, long owner);

static qnp q_np_fwd_appos(qstate *st, size_t from, size_t to, long owner)
{
    qnp np = q_np_fwd(st, from, to, owner);
    if (np.b > np.a && np.b + 1 < to && !(TOK(st, np.b - 1)->f & QF_UPPER) &&
        (TOK(st, np.b)->f & QF_PUNCT) && TOK(st, np.b)->cp == ',' &&
        (TOK(st, np.b + 1)->f & QF_UPPER)) {
        qnp nm = q_np_fwd(st, np.b + 1, to, owner);
        if (nm.b > nm.a)
            np = nm;
    } else if (np.b > np.a && !q_np_person(st, np) && !(TOK(st, np.a)->f & QF_UPPER)) {
        /* "wrote a former mayor, Karl von Arden, in 1911": a
         * description first, the person's name set off by commas after
         * it, at the first comma */
        size_t k = np.a;
        while (k < to && k < np.a + 8 && !(TOK(st, k)->f & QF_PUNCT) && q_outside(st, k, owner))
            k++;
        if (k < to && (TOK(st, k)->f & QF_PUNCT) && TOK(st, k)->cp == ',') {
            qnp nm = q_appos_person(st, k, to, owner);
            if (nm.b > nm.a && nm.a == k + 1)
                np = nm;
        }
    }
    return np;
}

/* Whether a PERSON mention starts within [ms, me) and ends at me (with
 * `at_end`) or anywhere up to me; the first 16 mentions from ms are read. */
static int q_person_in(qstate *st, size_t ms, size_t me, int at_end)
{
    size_t k, m = 0;
    for (k = q_lower_bound(st->ments, st->nments, ms);
         k < st->nments && st->ments[k].s < me && m < 16; k++, m++)
        if (st->ments[k].type == NP_ENTITY_PERSON &&
            (at_end ? st->ments[k].e == me : st->ments[k].e <= me))
            return 1;
    return 0;
}

/* Whether a PERSON mention lies within the tokens of np. */
static int q_np_person(qstate *st, qnp np)
{
    if (np.b <= np.a)
        return 0;
    return q_person_in(st, TOK(st, np.a)->s, TOK(st, np.b - 1)->e, 0);
}

/* Whether np ends with a PERSON mention ("Jane Roe", not "Roe's lawyer")
 * or a known person's surname. */
static int q_np_ends_person(qstate *st, qnp np)
{
    size_t me;
    if (np.b <= np.a)
        return 0;
    me = TOK(st, np.b - 1)->e;
    if ((TOK(st, np.b - 1)->f & QF_UPPER) &&
        q_by_surname(st, TOK(st, np.b - 1)->s, me) >= 0)
        return 1;
    return q_person_in(st, TOK(st, np.a)->s, me, 1);
}

/* A person's name set off by commas among the phrases from token `from`
 * to `to` ("Minister of Trade, Industry and Energy, Senator Jane Roe,
 * told"): the first capitalised phrase after a comma that holds a person
 * and ends at a comma or at `to`. */
static qnp q_appos_person(qstate *st, size_t from, size_t to, long owner)
{
    qnp none = { 0, 0 };
    size_t k;
    for (k = from; k + 1 < to && k < from + 30; k++) {
        qnp np;
        if (!q_outside(st, k, owner))
            break;
        if (!((TOK(st, k)->f & QF_PUNCT) && TOK(st, k)->cp == ',') ||
            !(TOK(st, k + 1)->f & QF_UPPER))
            continue;
        np = q_np_fwd(st, k + 1, to, owner);
        if (np.b > np.a && q_np_person(st, np) &&
            (np.b == to || ((TOK(st, np.b)->f & QF_PUNCT) && TOK(st, np.b)->cp == ',')))
            return np;
    }
    return none;
}

static const char *const q_prep[] = {
    "for", "in", "on", "at", "to", "from", "with", "about", "into", "over",
    "under", "without", "against", "between", "through", "via", "during",
    "after", "before", "despite", "like", NULL
};

/* Whether a word of np is capitalised. */
static int q_np_upper(qstate *st, qnp np)
{
    size_t k;
    for (k = np.a; k < np.b; k++)
        if (TOK(st, k)->f & QF_UPPER)
            return 1;
    return 0;
}

/* The speaker's phrase for a finite cue ("said"): its subject before it,
 * past an apposition ("X, the company's chief, said"), or the phrase after
 * an inverted cue ("said the actor"). */
static qnp q_np_of_cue(qstate *st, size_t cue, size_t lo, size_t plo,
                       size_t hi, int after_quote, long owner, int depth)
{
    size_t k = cue;
    qnp np = { 0, 0 };
    if (after_quote) {
        /* "“…,” Kurinji Selvaraj, a research analyst at the Council on
         * Energy, Environment and Water, told": the phrase right after
         * the quote, when a comma or the cue follows it */
        size_t f0 = lo, j;
        while (f0 < cue && (TOK(st, f0)->f & QF_PUNCT))
            f0++;
        if (f0 < cue && ((TOK(st, f0)->f & QF_UPPER) ||
                         q_word_in(st, f0, q_pron_subj) ||
                         q_word_in(st, f0, q_indef) || q_word_is(st, f0, "the"))) {
            np = q_np_fwd(st, f0, cue, owner);
            j = np.b;
            while (j < cue && q_word_in(st, j, q_skip))
                j++;
            if (np.b > np.a &&
                (j == cue || ((TOK(st, j)->f & QF_PUNCT) && TOK(st, j)->cp == ','))) {
                /* a role first, the person's name in apposition after it */
                if (j < cue && !q_np_person(st, np)) {
                    qnp nm = q_appos_person(st, j, cue, owner);
                    if (nm.b > nm.a)
                        return nm;
                }
                return np;
            }
        }
    }
    while (k > lo && q_word_in(st, k - 1, q_skip) &&
           !(TOK(st, k - 1)->f & QF_UPPER))
        k--;
    if (k > lo && (TOK(st, k - 1)->f & QF_PUNCT) && TOK(st, k - 1)->cp == ',') {
        size_t j = k - 1, m = 0;
        int ok = 0;
        while (j > lo && m < 30) {
            j--;
            m++;
            if (!q_outside(st, j, owner) || (TOK(st, j)->f & QF_SEND))
                break;
            if ((TOK(st, j)->f & QF_PUNCT) && TOK(st, j)->cp == ',') {
                ok = 1;
                break;
            }
            if (q_is_cue_word(st, j))
                break;
        }
        if (ok && j > lo && (TOK(st, j - 1)->f & QF_WORD)) {
            /* "the agency's spokesman, Tom Lee, said": the name between
             * the commas when the phrase before them names no person */
            qnp back = q_np_back(st, j, lo, owner);
            if (!q_np_person(st, back)) {
                qnp mid = q_np_fwd(st, j + 1, k - 1, owner);
                if (mid.b == k - 1 && q_np_person(st, mid))
                    return mid;
            }
            return back;
        }
        if (after_quote)
            return q_np_fwd_appos(st, cue + 1, hi, owner);
        return q_subject(st, cue, plo, owner);
    }
    if (k > lo && (TOK(st, k - 1)->f & QF_WORD)) {
        np = q_np_back(st, k, lo, owner);
        if (!after_quote && np.b > np.a && np.a > lo && q_word_in(st, np.a - 1, q_prep) &&
            !q_np_upper(st, np)) {
            /* "then after a pause adds": a preposition's object is no
             * subject; the sentence's is, when it is a name or pronoun */
            qnp sub = q_subject(st, cue, plo, owner);
            if (sub.b > sub.a && (q_np_upper(st, sub) ||
                                  (sub.b == sub.a + 1 && q_word_in(st, sub.a, q_pron_subj))))
                np = sub;
        }
    } else
        np = q_np_fwd_appos(st, cue + 1, hi, owner);
    if (np.a == np.b && !after_quote)
        np = q_subject(st, cue, plo, owner);
    /* "X said it viewed ...": the pronoun is X (not for "he", "she":
     * "a clerk recalled that he said" is someone else) */
    if (depth == 0 && np.b == np.a + 1 && np.a > lo &&
        q_word_in(st, np.a, q_pron_subj) && !q_word_in(st, np.a, q_pron_person)) {
        size_t p = np.a - 1;
        if (p > lo && q_word_is(st, p, "that"))
            p--;
        if (q_cue_at(st, p, hi) == CUE_FIN) {
            qnp up = q_np_of_cue(st, p, lo, plo, hi, after_quote, owner, 1);
            if (up.b > up.a)
                np = up;
        }
    }
    return np;
}

/* A past participle after "was", "been" or a comma: a passive cue. */
static int q_passive(qstate *st, size_t cue, size_t lo)
{
    const qtok *t = TOK(st, cue);
    size_t k = cue;
    if (t->e - t->s < 4 || memcmp(st->b + t->e - 2, "ed", 2) != 0)
        return 0;
    while (k > lo && q_word_in(st, k - 1, q_skip) &&
           !q_word_is(st, k - 1, "was") && !q_word_is(st, k - 1, "were") &&
           !q_word_is(st, k - 1, "is") && !q_word_is(st, k - 1, "are"))
        k--;
    if (k <= lo)
        return 0;
    return q_word_is(st, k - 1, "was") || q_word_is(st, k - 1, "were") ||
           q_word_is(st, k - 1, "been") || q_word_is(st, k - 1, "be") ||
           q_word_is(st, k - 1, "is") || q_word_is(st, k - 1, "are") ||
           q_word_is(st, k - 1, "being") ||
           ((TOK(st, k - 1)->f & QF_PUNCT) && TOK(st, k - 1)->cp == ',');
}

/* Whether the tokens from i read "he laughed" or "Davis smiled": a person
 * (an entity mention or he/she) and a lower-case past tense; *np gets the
 * person's phrase. */
static int q_manner(qstate *st, size_t i, size_t hi, long owner, qnp *np)
{
    size_t k, m;
    const qtok *v;
    *np = q_np_fwd(st, i, hi, owner);
    if (np->b <= np->a || np->b >= hi)
        return 0;
    v = TOK(st, np->b);
    if (!(v->f & QF_WORD) || (v->f & (QF_UPPER | QF_HYPH | QF_DIGIT)) ||
        v->e - v->s < 4 || memcmp(st->b + v->e - 2, "ed", 2) != 0)
        return 0;
    if (np->b == np->a + 1 && q_word_in(st, np->a, q_pron_person))
        return 1;
    k = q_lower_bound(st->ments, st->nments, TOK(st, np->a)->s);
    for (m = 0; k < st->nments && m < 8 && st->ments[k].s < TOK(st, np->b - 1)->e; k++, m++)
        if (st->ments[k].type == NP_ENTITY_PERSON)
            return 1;
    return 0;
}

/* The person a cue addresses ("told Cook"), or -1. */
static long q_addressee(qstate *st, size_t cue, size_t hi)
{
    static const char *const to[] = {
        "told", "tells", "telling", "asked", "asks", "asking", "thanked",
        "urged", "reminded", "assured", NULL
    };
    size_t k;
    if (cue + 1 >= hi || !q_word_in(st, cue, to) ||
        !(TOK(st, cue + 1)->f & QF_UPPER))
        return -1;
    k = q_lower_bound(st->ments, st->nments, TOK(st, cue + 1)->s);
    if (k < st->nments && st->ments[k].s == TOK(st, cue + 1)->s &&
        st->ments[k].type == NP_ENTITY_PERSON)
        return st->ments[k].ent;
    return -1;
}

/* What q_attribute's steps share about one record: its bounds, the
 * stretches of its sentence before and after it, and the cues found
 * there. */
typedef struct {
    long owner;                  /* the enclosing record, or -1 */
    size_t lo, hi;               /* token bounds the search stays within */
    size_t pre_lo, post_hi;      /* the quote's sentence around it */
    long pre, post, post2;       /* cues before, after, and a second after */
    int ends_open;               /* the quote ends on a comma, dash, ? or ! */
} qattr;

/* Sets the owner and the token bounds of record r. */
static void q_attr_bounds(qstate *st, const qrec *r, qattr *a)
{
    a->owner = r->parent;
    if (a->owner >= 0) {
        a->lo = REC(st, a->owner)->ot + 1;
        a->hi = REC(st, a->owner)->ct;
    } else {
        a->lo = 0;
        a->hi = st->toks.len;
    }
    a->pre = a->post = a->post2 = -1;
}

/* The quote's own sentence before it: its start, and the nearest cue. */
static void q_attr_before(qstate *st, qrec *r, qattr *a)
{
    size_t i = r->ot, n = 0;

    while (i > a->lo && n < 40 && q_outside(st, i - 1, a->owner) &&
           !(TOK(st, i - 1)->f & QF_SEND)) {
        i--;
        n++;
    }
    a->pre_lo = i;
    r->midsent = r->ot > a->lo && (TOK(st, r->ot - 1)->f & QF_WORD) &&
                 q_outside(st, r->ot - 1, a->owner);
    for (i = r->ot; i > a->pre_lo; i--)
        if (q_cue_at(st, i - 1, r->ot)) {
            a->pre = (long)(i - 1);
            break;
        }
}

/* The quote's sentence after it: its end and up to two cues, skipping a
 * participle that introduces the next quotation. */
static void q_attr_after(qstate *st, const qrec *r, qattr *a)
{
    const qtok *last;
    int terminal;
    size_t i, n;

    last = r->ct > r->ot + 1 ? TOK(st, r->ct - 1) : NULL;
    terminal = last && (last->f & QF_PUNCT) &&
               (last->cp == '.' || last->cp == '!' || last->cp == '?' ||
                last->cp == 0x2026);
    a->ends_open = last && (last->f & QF_PUNCT) &&
                   (last->cp == ',' || last->cp == '?' || last->cp == '!' ||
                    last->cp == 0x2014 || last->cp == 0x2013);
    a->post_hi = r->ct + 1;
    if (!r->closed)
        return;
    size_t lim = terminal && last->cp == '.' ? 6 : 40;
    /* after a full stop only an attribution right there counts (a
     * stopword there starts a new sentence) */
    if (terminal && last->cp == '.' && r->ct + 1 < a->hi &&
        q_stopword(st, r->ct + 1))
        lim = 0;
    i = r->ct + 1;
    n = 0;
    while (i < a->hi && n < lim && q_outside(st, i, a->owner) &&
           !(TOK(st, i)->f & QF_SEND)) {
        if (q_cue_at(st, i, a->hi) && !(i > 0 && q_word_in(st, i - 1, q_be))) {
            if (a->post < 0)
                a->post = (long)i;
            else if (a->post2 < 0)
                a->post2 = (long)i;
        }
        i++;
        n++;
    }
    a->post_hi = i;
    /* a participle right after the quote introduces the next one */
    if (a->post >= 0 && q_cue_at(st, (size_t)a->post, a->hi) == CUE_PART &&
        q_only_punct(st, r->ct + 1, (size_t)a->post) && a->post_hi < a->hi &&
        (TOK(st, a->post_hi)->f & QF_MARK)) {
        a->post = a->post2;
        a->post2 = -1;
    }
}

/* Whether tokens [a, b) are punctuation and at most three words of time
 * ("asked last week, "…?""; "said on Monday: "…""). */
static int q_only_time(qstate *st, size_t a, size_t b)
{
    static const char *const tw[] = {
        "last", "this", "next", "week", "month", "year", "night", "morning",
        "afternoon", "evening", "yesterday", "today", "tonight", "earlier",
        "again", "on", "monday", "tuesday", "wednesday", "thursday", "friday",
        "saturday", "sunday", "recently", "then", "once", NULL
    };
    size_t i, w = 0;
    for (i = a; i < b; i++) {
        const qtok *t = TOK(st, i);
        if (t->f & QF_MARK)
            return 0;
        if (!(t->f & QF_WORD))
            continue;
        if (++w > 3 || !q_word_in(st, i, tw))
            return 0;
    }
    return w > 0;
}

/* Picks the cue that governs the quote; 0 when there is none. */
static int q_attr_pick(qstate *st, const qrec *r, qattr *a, size_t *cue)
{
    /* a fragment inside a sentence needs its cue close by */
    if (r->midsent && a->pre >= 0 && r->ot - (size_t)a->pre > 20)
        a->pre = -1;
    if (r->midsent && a->post >= 0 && (size_t)a->post - r->ct > 12)
        a->post = a->post2 = -1;
    if (a->pre >= 0 && (q_only_punct(st, (size_t)a->pre + 1, r->ot) ||
                        q_only_time(st, (size_t)a->pre + 1, r->ot)))
        *cue = (size_t)a->pre;
    else if (a->post >= 0 &&
             (a->ends_open || a->pre < 0 || (!r->midsent && a->pre_lo == r->ot)))
        *cue = (size_t)a->post;
    else if (a->pre >= 0)
        *cue = (size_t)a->pre;
    else
        return 0;
    return 1;
}

/* Records the resolved speaker of np as the quote's own, if any. */
static int q_attr_own(qstate *st, qrec *r, qnp np)
{
    qspk sp = q_resolve(st, np);
    if (!sp.name)
        return 0;
    r->own = 1;
    r->speaker = sp.name;
    r->ent = sp.ent;
    return 1;
}

/* A second quotation joined by a conjunction to one just before it shares
 * that one's cue. */
static int q_attr_shared(qstate *st, qrec *r, const qattr *a)
{
    size_t pl = a->pre_lo;
    if (!(pl > a->lo && pl + 3 >= r->ot && (TOK(st, pl - 1)->f & QF_MARK) &&
          TOK(st, pl - 1)->q >= 0 && !REC(st, TOK(st, pl - 1)->q)->title &&
          REC(st, TOK(st, pl - 1)->q)->own &&
          (r->ot == pl || q_word_is(st, pl, "and") ||
           q_word_is(st, pl, "or") || q_word_is(st, pl, "but") ||
           (TOK(st, pl)->f & QF_PUNCT))))
        return 0;
    r->own = 1;
    r->inh_prev = 1;
    return 1;
}

/* A name or a personal pronoun followed by a colon introduces the quote. */
static void q_attr_colon(qstate *st, qrec *r, const qattr *a)
{
    size_t pl = a->pre_lo;
    qnp np = q_np_back(st, r->ot - 1, pl, a->owner);

    if (!(np.b > np.a && np.a == pl) && r->ot - pl <= 5 &&
        ((TOK(st, pl)->f & QF_UPPER) || q_word_in(st, pl, q_pron_person)))
        np = q_np_fwd(st, pl, r->ot - 1, a->owner);   /* a verb before the colon */
    if (np.b > np.a && np.a == pl &&
        ((TOK(st, np.b - 1)->f & QF_UPPER) ||
         (np.b == np.a + 1 && q_word_in(st, np.a, q_pron_person)))) {
        q_attr_own(st, r, np);
        return;
    }
    /* a longer clause before the colon: its subject, when that is a
     * person's name or he/she ("Lee does not hide it, but he resents it:
     * "...") */
    np = q_subject(st, r->ot - 1, a->lo, a->owner);
    if (np.b > np.a && np.a == pl &&
        (q_np_ends_person(st, np) ||
         (np.b == np.a + 1 && q_word_in(st, np.a, q_pron_person))))
        q_attr_own(st, r, np);
}

/* A dash and a capitalised name after a closed quote: an epigraph. */
static void q_attr_epigraph(qstate *st, qrec *r, const qattr *a)
{
    qnp np = q_np_fwd(st, r->ct + 2, a->hi, a->owner);
    if (np.b > np.a && (np.b == a->hi || (TOK(st, np.b)->f & QF_PUNCT)))
        q_attr_own(st, r, np);
}

/* A quote opening a sentence after one that ends in a speech verb: that
 * sentence names the speaker. */
static void q_attr_prev_sentence(qstate *st, qrec *r, const qattr *a)
{
    size_t e0 = a->pre_lo - 1, s0 = e0, k;
    int clean = 1;
    qnp np;
    qspk sp;

    while (s0 > a->lo && e0 - s0 < 60 && !(TOK(st, s0 - 1)->f & QF_SEND)) {
        if (!q_outside(st, s0 - 1, a->owner))
            clean = 0;
        s0--;
    }
    for (k = e0; clean && k > s0; k--) {
        if (q_cue_at(st, k - 1, e0) != CUE_FIN)
            continue;
        np = q_np_of_cue(st, k - 1, s0, s0, e0, 0, a->owner, 0);
        sp = q_resolve(st, np);
        if (sp.name) {
            r->inherited = 1;
            r->speaker = sp.name;
            r->ent = sp.ent;
            r->cue = q_text(st, TOK(st, k - 1)->s, TOK(st, k - 1)->e, 0);
        }
        return;
    }
    /* no cue: a sentence whose subject is a person ("Hadley hacks the
     * wolf down, then turns to me. "...""), named by a person entity or
     * as the last speaker quoted */
    if (!clean || s0 >= e0)
        return;
    np = q_subject(st, e0, s0, a->owner);
    if (np.b <= np.a || np.a != s0 || !(TOK(st, np.b - 1)->f & QF_UPPER))
        return;
    if (!q_np_ends_person(st, np) &&
        !(st->last_person && st->last_person_ent < 0 && np.b == np.a + 1 &&
          strlen(st->last_person) == TOK(st, np.a)->e - TOK(st, np.a)->s &&
          memcmp(st->last_person, st->b + TOK(st, np.a)->s,
                 TOK(st, np.a)->e - TOK(st, np.a)->s) == 0))
        return;
    sp = q_resolve(st, np);
    if (sp.name) {
        r->inherited = 1;
        r->speaker = sp.name;
        r->ent = sp.ent;
    }
}

/* A quote with no cue in its sentence: tries, in order, a shared cue, a
 * colon after a name, a manner verb, an epigraph and the sentence before. */
static void q_attr_no_cue(qstate *st, qrec *r, const qattr *a)
{
    qnp np = { 0, 0 };
    size_t hi = a->hi, lo = a->lo, pl = a->pre_lo;

    if (q_attr_shared(st, r, a))
        return;
    if (r->ot > lo && (TOK(st, r->ot - 1)->f & QF_PUNCT) &&
        TOK(st, r->ot - 1)->cp == ':') {
        q_attr_colon(st, r, a);
    } else if (r->closed && a->ends_open && r->ct + 2 < hi &&
               q_manner(st, r->ct + 1, hi, a->owner, &np)) {
        /* a person and a past tense right after the quotation */
        if (q_attr_own(st, r, np))
            r->cue = q_text(st, TOK(st, np.b)->s, TOK(st, np.b)->e, 0);
    } else if (r->closed && r->ct + 2 < hi &&
               (TOK(st, r->ct + 1)->f & QF_PUNCT) &&
               (TOK(st, r->ct + 1)->cp == 0x2014 || TOK(st, r->ct + 1)->cp == 0x2013 ||
                TOK(st, r->ct + 1)->cp == '-') &&
               (TOK(st, r->ct + 2)->f & QF_UPPER)) {
        q_attr_epigraph(st, r, a);
    } else if (pl == r->ot && pl > lo + 1 && (TOK(st, pl - 1)->f & QF_SEND)) {
        q_attr_prev_sentence(st, r, a);
    }
}

/* A participle cue before the quote: its speaker is a name or bare plural
 * before it, else the sentence's subject; 0 when the quote inherits the
 * previous speaker instead. */
static int q_attr_part_before(qstate *st, const qattr *a, size_t cue,
                              qnp *out)
{
    size_t pl = a->pre_lo, k = cue, dash = 0;
    qnp np;

    /* a participle straight after a quote keeps its speaker */
    while (k > pl && (TOK(st, k - 1)->f & QF_PUNCT) &&
           !(TOK(st, k - 1)->f & QF_MARK))
        k--;
    if (k > a->lo && k == pl && (TOK(st, k - 1)->f & QF_MARK))
        return 0;
    if (cue > pl + 1 && (TOK(st, cue - 1)->f & QF_PUNCT) &&
        (TOK(st, cue - 1)->cp == 0x2014 || TOK(st, cue - 1)->cp == 0x2013)) {
        /* a phrase set off by dashes between the speaker and the cue */
        size_t j = cue - 1, m = 0;
        while (j > pl && m++ < 30) {
            j--;
            if ((TOK(st, j)->f & QF_PUNCT) && TOK(st, j)->cp == TOK(st, cue - 1)->cp) {
                dash = j;
                break;
            }
        }
    }
    if (dash > pl && (TOK(st, dash - 1)->f & QF_WORD))
        np = q_np_back(st, dash, pl, a->owner);
    else if (cue > pl && (TOK(st, cue - 1)->f & QF_UPPER))
        np = q_np_back(st, cue, pl, a->owner);
    else {
        /* a bare plural before the participle; else the subject of the
         * sentence */
        np = q_np_back(st, cue, pl, a->owner);
        if (!(np.b == np.a + 1 && !q_word_in(st, np.a, q_pron_subj) &&
              st->b[TOK(st, np.a)->e - 1] == 's'))
            np = q_subject(st, cue, a->lo, a->owner);
    }
    *out = np;
    return np.a != np.b;
}

/* A finite speech verb: its subject or object, or the agent of a passive
 * before the quote. */
static qnp q_attr_finite(qstate *st, const qrec *r, const qattr *a, size_t cue,
                         int is_post)
{
    size_t i;
    qnp np = q_np_of_cue(st, cue, is_post ? r->ct + 1 : a->pre_lo, a->lo,
                         is_post ? a->post_hi : r->ot, is_post, a->owner, 0);

    if (!is_post && r->closed && q_passive(st, cue, a->pre_lo)) {
        /* a passive verb whose agent follows the quote */
        for (i = r->ct + 1; i + 1 < a->post_hi; i++)
            if (q_word_is(st, i, "by") &&
                ((TOK(st, i + 1)->f & QF_UPPER) || q_word_is(st, i + 1, "the"))) {
                np = q_np_fwd(st, i + 1, a->post_hi, a->owner);
                break;
            }
    }
    return np;
}

/* Attributes the quote through cue; 0 when it inherits the previous
 * speaker instead. */
static int q_attr_cue(qstate *st, qrec *r, const qattr *a, size_t cue)
{
    int cls = q_cue_at(st, cue, a->hi);
    int is_post = cue > r->ot;
    qnp np = { 0, 0 };
    qspk sp;

    r->own = 1;
    r->cue = q_text(st, TOK(st, cue)->s,
                    cls == CUE_PREP && q_word_is(st, cue, "according")
                        ? TOK(st, cue + 1)->e : TOK(st, cue)->e, 0);
    if (cls == CUE_PREP) {
        size_t from = q_word_is(st, cue, "according") ? cue + 2 : cue + 1;
        size_t to = is_post ? a->post_hi : r->ot;
        np = q_np_fwd_appos(st, from, to, a->owner);
    } else if (cls == CUE_PART && is_post) {
        /* a participle after the quote: the phrase between them */
        size_t k = r->ct + 1;
        while (k < cue && (TOK(st, k)->f & QF_PUNCT))
            k++;
        np = q_np_fwd(st, k, cue, a->owner);
    } else if (cls == CUE_PART) {
        if (!q_attr_part_before(st, a, cue, &np)) {
            r->inh_prev = 1;
            return 0;
        }
    } else {
        np = q_attr_finite(st, r, a, cue, is_post);
    }
    st->addressee = q_addressee(st, cue, a->hi);
    r->addr = st->addressee;
    sp = q_resolve(st, np);
    st->addressee = -1;
    r->speaker = sp.name;
    r->ent = sp.ent;
    r->first_person = !sp.name && np.b == np.a + 1 &&
                      (q_word_is(st, np.a, "i") || q_word_is(st, np.a, "we"));
    return 1;
}

/* Finds the cue and the speaker's phrase of record ri. */
static void q_attribute(qstate *st, long ri)
{
    qrec *r = REC(st, ri);
    qattr a;
    size_t cue;

    q_attr_bounds(st, r, &a);
    q_attr_before(st, r, &a);
    q_attr_after(st, r, &a);
    if (!q_attr_pick(st, r, &a, &cue)) {
        q_attr_no_cue(st, r, &a);
        return;
    }
    if (!q_attr_cue(st, r, &a, cue))
        return;
    /* a resolved cue after the quote failed: try a second one after it */
    if (r->speaker || !(cue > r->ot) || a.post2 < 0)
        return;
    q_attr_cue(st, r, &a, (size_t)a.post2);
}

/* Title Case words inside a sentence are the title of a work. */
static int q_titlecase(qstate *st, const qrec *r)
{
    static const char *const small[] = {
        "the", "a", "an", "of", "and", "to", "in", "on", "with", "for",
        "at", "by", "from", "or", "as", "vs", NULL
    };
    size_t i;
    int words = 0, caps = 0;
    for (i = r->ot + 1; i < r->ct && i < st->toks.len; i++) {
        const qtok *t = TOK(st, i);
        if (!(t->f & QF_WORD))
            continue;
        words++;
        if (t->f & (QF_UPPER | QF_DIGIT))
            caps++;
        else if (!q_word_in(st, i, small))
            return 0;
    }
    return words > 0 && words <= 10 && caps > 0;
}

/* --------------------------------------------------------------- driver */

static int q_cmp_ment(const void *x, const void *y)
{
    const qment *a = x, *b = y;
    if (a->s != b->s)
        return a->s < b->s ? -1 : 1;
    return a->e < b->e ? -1 : (a->e > b->e);
}

static int q_mentions(qstate *st)
{
    const np__vec *ents = &st->c->doc->entities;
    size_t i, j, n = 0;
    for (i = 0; i < ents->len; i++)
        n += ((const struct np_entity *)np__vec_at(ents, i))->n_mentions;
    if (!n)
        return NP_OK;
    st->ments = np__malloc(n * sizeof(qment));
    st->gender = np__calloc(ents->len, 1);
    if (!st->ments || !st->gender)
        return NP_ENOMEM;
    for (i = 0; i < ents->len; i++) {
        const struct np_entity *e = np__vec_at(ents, i);
        for (j = 0; j < e->n_mentions; j++) {
            qment *m = &st->ments[st->nments++];
            m->s = e->spans[2 * j];
            m->e = e->spans[2 * j + 1];
            m->ent = (long)i;
            m->type = e->type;
        }
    }
    qsort(st->ments, st->nments, sizeof(qment), q_cmp_ment);
    return NP_OK;
}

static void q_copy_spk(qrec *to, const qrec *from)
{
    to->speaker = from->speaker;
    to->ent = from->ent;
    if (!to->cue)
        to->cue = from->cue;
    to->inherited = 1;
}

static int q_next_starts_quote(qstate *st, size_t pe)
{
    size_t i = pe, len;
    uint8_t d;
    while (i < st->n) {
        uint32_t c = q_dec(st->b, st->n, i, &len);
        if (!q_space(c))
            return q_markclass(c, &d) != 0 || c == '`';
        i += len;
    }
    return 0;
}

static int q_emit(qstate *st, qrec *r)
{
    np_quote *q;
    /* Past the limit the stage stops at once rather than finding every
     * quote of a huge page first: NP_ELIMIT, or with NP_PARSE_TRUNCATE one
     * quote more than the limit, which finish() cuts off and marks. */
    if (st->c->doc->quotes.len > st->max_quotes)
        return NP_OK;
    if (st->c->doc->quotes.len == st->max_quotes) {
        if (!(st->c->flags & NP_PARSE_TRUNCATE))
            return np__error(st->c->parser, NP_ELIMIT, "the document has more "
                             "than %zu quotes, the limit is %zu",
                             st->max_quotes, st->max_quotes);
        st->full = 1;
    }
    q = np__vec_push(&st->c->doc->quotes);
    if (!q)
        return NP_ENOMEM;
    q->text = q_text(st, r->s, r->e, 0);
    if (!q->text)
        return NP_ENOMEM;
    q->speaker = r->speaker;
    q->cue = r->cue;
    q->speaker_entity = r->speaker ? r->ent : -1;
    q->kind = r->kind;
    q->start = r->s;
    q->end = r->e;
    return NP_OK;
}

/* Learns people's gender from the paragraph's own text: the first
 * "he"/"his" or "she"/"her" of a sentence, outside quotations, belongs to
 * the person named last before it in that sentence, possessors aside
 * ("Hawk Sawyer said she couldn't comment"). Only a first vote counts. */
static void q_learn_gender(qstate *st, size_t ps)
{
    static const char *const male[] = { "he", "his", "him", "himself", NULL };
    static const char *const female[] = { "she", "her", "hers", "herself", NULL };
    size_t k, mi;
    long subj = -1;
    int voted = 0;
    if (!st->gender || !st->nments)
        return;
    mi = q_lower_bound(st->ments, st->nments, ps);
    for (k = 0; k < st->toks.len; k++) {
        const qtok *t = TOK(st, k);
        int outside = t->q < 0 || REC(st, t->q)->title;
        int g;
        while (mi < st->nments && st->ments[mi].s < t->e) {
            const qment *m = &st->ments[mi];
            /* the person named last before the pronoun, not a possessor
             * ("Carlineo's sentencing") */
            if (!voted && m->s >= t->s && m->type == NP_ENTITY_PERSON &&
                outside && !(m->e < st->n && (st->b[m->e] == '\'' ||
                                              (unsigned char)st->b[m->e] == 0xE2)))
                subj = m->ent;
            mi++;
        }
        if (t->f & QF_SEND) {
            subj = -1;
            voted = 0;
            continue;
        }
        if (!outside || !(t->f & QF_WORD))
            continue;
        g = q_word_in(st, k, male) ? 1 : q_word_in(st, k, female) ? 2 : 0;
        if (g && subj >= 0) {
            if (!st->gender[subj])
                st->gender[subj] = (unsigned char)g;
            subj = -1;
            voted = 1;
        }
    }
}

/* Whether the quotation ends its sentence (or runs on), as a quoted
 * sentence does; "“Humidifier lung” may result from ..." does not. */
static int q_sentence_final(qstate *st, const qrec *r)
{
    const qtok *last, *nx;
    size_t k = r->ct;
    if (!r->closed || r->ct + 1 >= st->toks.len)
        return 1;
    while (k > r->ot + 1 && (TOK(st, k - 1)->f & QF_MARK))
        k--;                           /* "... ‘Tell them.’”" */
    last = TOK(st, k - 1);
    if (k > r->ot + 1 && (last->f & QF_PUNCT))
        return 1;
    nx = TOK(st, r->ct + 1);
    return (nx->f & (QF_SEND | QF_MARK)) != 0 ||
           ((nx->f & QF_PUNCT) && (nx->cp == ',' || nx->cp == ';' || nx->cp == ':'));
}

/* A paragraph that is nothing but a closed quotation without a final
 * punctuation mark: a pull quote or a headline, not reported speech. */
static int q_pull_quote(qstate *st, const qrec *r)
{
    const qtok *last;
    if (!r->closed || r->ot != 0 || r->ct + 1 != st->toks.len || r->ct < r->ot + 2)
        return 0;
    last = TOK(st, r->ct - 1);
    return !(last->f & QF_PUNCT) ||
           !(last->cp == '.' || last->cp == '!' || last->cp == '?' ||
             last->cp == ',' || last->cp == 0x2026 || last->cp == ')');
}

/* A title cited in a reference ("Lind, A. (2009). "Sampling Sparse
 * Graphs in Linear Time". Proceedings of ..."): after a year in parentheses,
 * a quotation of one sentence without its own final punctuation, closed
 * by a full stop outside the mark and followed by more of the reference. */
static int q_cited_title(qstate *st, const qrec *r)
{
    const qtok *nx;
    size_t k;
    if (!r->closed || r->ct < r->ot + 2 || r->ct + 2 >= st->toks.len ||
        !(TOK(st, r->ct - 1)->f & QF_WORD))
        return 0;
    nx = TOK(st, r->ct + 1);
    if (!(nx->f & QF_PUNCT) || nx->cp != '.' ||
        !(TOK(st, r->ct + 2)->f & (QF_UPPER | QF_DIGIT)))
        return 0;
    for (k = r->ot + 1; k < r->ct; k++)
        if (TOK(st, k)->f & QF_SEND)
            return 0;
    for (k = 1; k < r->ot; k++) {
        const qtok *y = TOK(st, k), *p = TOK(st, k - 1);
        /* "(2010)", "(2016-10-13)" */
        if ((p->f & QF_PUNCT) && p->cp == '(' && (y->f & QF_DIGIT) &&
            y->e - y->s >= 4 && (st->b[y->s] == '1' || st->b[y->s] == '2') &&
            (y->e - y->s == 4 || st->b[y->s + 4] == '-'))
            return 1;
    }
    return 0;
}

static int q_kind(qstate *st, const qrec *r)
{
    static const char *const subj[] = {
        "i", "we", "you", "he", "she", "it", "they", "there", "this",
        "these", "those", "my", "our", "your", "their", "i'm", "we're",
        "it's", "that's", "there's", NULL
    };
    size_t f = r->ot + 1;
    if (!r->midsent)
        return NP_QUOTE_DIRECT;
    while (f < r->ct && !(TOK(st, f)->f & QF_WORD))
        f++;
    if (f < r->ct && q_word_in(st, f, subj))
        return NP_QUOTE_DIRECT;
    if (r->ot > 0 && q_word_is(st, r->ot - 1, "that") && r->nwords >= 6 &&
        !(TOK(st, f)->f & QF_UPPER))
        return NP_QUOTE_DIRECT;
    return NP_QUOTE_PARTIAL;
}

/* Remembers who speaks in the last sentence of a paragraph without
 * quotes, for a quote paragraph that follows it. */
static void q_last_cue(qstate *st, size_t para)
{
    size_t n = st->toks.len, i, lo, k;
    qnp np;
    qspk sp;
    st->have_cue = 0;
    if (!n)
        return;
    i = n;
    while (i > 0 && (TOK(st, i - 1)->f & QF_PUNCT))
        i--;
    lo = i;
    while (lo > 0 && i - lo < 80 && !(TOK(st, lo - 1)->f & QF_SEND))
        lo--;
    for (k = lo; k < i; k++) {
        if (TOK(st, k)->q >= 0 || q_cue_at(st, k, n) != CUE_FIN)
            continue;
        np = q_np_of_cue(st, k, lo, 0, n, 0, -1, 0);
        sp = q_resolve(st, np);
        /* a named speaker, or any one when a colon hands over to the
         * quotation ("the ministry said:") */
        if (sp.name && (sp.ent >= 0 ||
                        ((TOK(st, n - 1)->f & QF_PUNCT) && TOK(st, n - 1)->cp == ':'))) {
            st->have_cue = 1;
            st->cue_para = para;
            st->cue_speaker = sp.name;
            st->cue_ent = sp.ent;
            st->cue_word = q_text(st, TOK(st, k)->s, TOK(st, k)->e, 0);
        }
        return;
    }
}

/* Whether the quotation opening at token ot is a name given to
 * something: after an indefinite noun and "called", "named", "dubbed", …
 * ("a method called"), or after a form of "call" and "a"/"an" ("are
 * calling an"). "Critics called it an "X"" and "what he called "X"" stay
 * quotations. */
static int q_names_thing(qstate *st, size_t ot)
{
    static const char *const call[] = {
        "call", "calls", "called", "calling", "dub", "dubs", "dubbed", "dubbing", NULL
    };
    static const char *const an[] = { "a", "an", NULL };
    const qtok *n;
    if (q_word_in(st, ot - 1, q_naming) && ot >= 3) {
        n = TOK(st, ot - 2);
        if ((n->f & QF_WORD) && !(n->f & QF_UPPER) && q_word_in(st, ot - 3, an))
            return 1;
    }
    return q_word_in(st, ot - 1, an) && q_word_in(st, ot - 2, call);
}

/* Marks a top-level quote of the paragraph ending at pe: whether it starts
 * mid-sentence, is a label or a title of a work, runs on into the next
 * paragraph; and records its span. */
static int q_mark(qstate *st, qrec *r, size_t pe, int heading)
{
    qspan *sp;
    if (r->dead || r->parent >= 0)
        return NP_OK;
    r->midsent = r->ot > 0 && (TOK(st, r->ot - 1)->f & QF_WORD);
    /* a heading, or "'Meth. We're On It.': South Dakota spends ...":
     * a headline, quoted only when it names its source */
    r->label = heading ||
               (r->ot == 0 && r->closed && r->ct + 1 < st->toks.len &&
                (TOK(st, r->ct + 1)->f & QF_PUNCT) && TOK(st, r->ct + 1)->cp == ':');
    /* Title Case words anywhere but at the start of a sentence or
     * after a colon: a title of a work ("hits including "Black Water,"
     * "China Grove"") */
    if (r->ot > 0 && !(TOK(st, r->ot - 1)->f & QF_SEND) &&
        !(TOK(st, r->ot - 1)->cp == ':' && (TOK(st, r->ot - 1)->f & QF_PUNCT)) &&
        q_titlecase(st, r))
        r->title = 1;
    /* the "so-called" marks a term, not a quotation */
    if (r->ot > 0 && (q_word_is(st, r->ot - 1, "so-called") ||
                      (r->ct == r->ot + 2 && q_word_is(st, r->ot + 1, "so-called"))))
        r->title = 1;
    /* a name given, not words said: "a method called "dry stacking"",
     * "some are calling an "urban blizzard"" */
    if (r->ot >= 2 && q_names_thing(st, r->ot))
        r->title = 1;
    /* a short Title Case name with no punctuation of its own, even at
     * the start of a sentence ("“Wild Rose” is now on DVD") */
    if (!r->title && r->closed && r->nwords <= 5 && r->ct > r->ot + 1 &&
        (TOK(st, r->ct - 1)->f & QF_WORD) &&
        !(r->ot > 0 && (TOK(st, r->ot - 1)->f & QF_PUNCT) &&
          TOK(st, r->ot - 1)->cp == ':') &&
        q_titlecase(st, r))
        r->title = 1;
    if (!r->closed)
        r->cont_next = q_next_starts_quote(st, pe);
    if (!(sp = np__vec_push(&st->spans)))
        return NP_ENOMEM;
    sp->s = r->s;
    sp->e = r->e;
    return NP_OK;
}

/* Speakers of quotes with no cue of their own: inherited within the
 * paragraph (forwards, then backwards from a following attributed quote)
 * and from the paragraph before; a quote inside a quote in the first
 * person ("I said, 'Look ...'") takes its outer quote's speaker. */
static void q_inherit(qstate *st, size_t nrec, size_t ps, size_t para)
{
    size_t i;
    long prev = -1;
    for (i = 0; i < nrec; i++) {
        qrec *r = REC(st, i);
        if (r->dead || r->title || r->parent >= 0)
            continue;
        if (r->label) {
            prev = (long)i;
            continue;
        }
        if (prev < 0 && !r->own && !r->midsent && st->have_last &&
            (para == st->last_para + 1 ||
             (st->last_open && para <= st->last_para + 3)) &&
            TOK(st, r->ot)->s == ps && !q_pull_quote(st, r)) {
            r->speaker = st->last_speaker;
            r->ent = st->last_ent;
            r->cue = st->last_cue;
            r->inherited = 1;
            r->cont_prev = 1;
        } else if (prev < 0 && !r->own && !r->midsent && st->have_cue &&
                   para == st->cue_para + 1 && TOK(st, r->ot)->s == ps) {
            /* "Erekat said it was only the latest move." then a quote */
            r->speaker = st->cue_speaker;
            r->ent = st->cue_ent;
            r->cue = st->cue_word;
            r->inherited = 1;
        } else if (prev >= 0 && (r->inh_prev || (!r->own && q_sentence_final(st, r))) &&
                   (REC(st, prev)->own || REC(st, prev)->inherited)) {
            q_copy_spk(r, REC(st, prev));
        }
        prev = (long)i;
    }
    prev = -1;
    for (i = nrec; i-- > 0;) {
        qrec *r = REC(st, i);
        if (r->dead || r->title || r->parent >= 0)
            continue;
        if (!r->own && !r->inherited && !r->midsent && !r->label && prev >= 0 &&
            q_sentence_final(st, r) && REC(st, prev)->own && REC(st, prev)->speaker)
            q_copy_spk(r, REC(st, prev));
        prev = (long)i;
    }
    for (i = 0; i < nrec; i++) {
        qrec *r = REC(st, i);
        if (r->dead || r->parent < 0 || !r->first_person)
            continue;
        r->speaker = REC(st, r->parent)->speaker;
        r->ent = REC(st, r->parent)->ent;
    }
}

/* Whether a quote is kept, and its kind. */
static void q_choose_keep(qstate *st, qrec *r)
{
    int attributed = r->own || r->inherited;
    r->keep = 0;
    if (r->dead || r->title)
        return;
    if (r->parent >= 0) {
        r->keep = r->own && !REC(st, r->parent)->dead &&
                  !REC(st, r->parent)->title;
    } else if (r->label) {
        r->keep = r->own && r->speaker;
    } else if (r->midsent) {
        /* a fragment is a quote only when someone is named for it */
        r->keep = r->own && r->speaker;
    } else if (!r->closed && !r->cont_next) {
        r->keep = attributed;
    } else {
        r->keep = attributed || (r->nwords >= 5 && !q_pull_quote(st, r) &&
                                 !q_cited_title(st, r));
    }
    if (r->keep)
        r->kind = q_kind(st, r);
}

/* Emits the kept quotes of paragraph para and remembers the last speaker
 * for the paragraphs after it. */
static int q_emit_kept(qstate *st, size_t nrec, size_t para)
{
    size_t i, kept = 0;
    int rc;
    for (i = 0; i < nrec; i++) {
        qrec *r = REC(st, i);
        if (!r->keep)
            continue;
        kept++;
        if ((rc = q_emit(st, r)) != NP_OK)
            return rc;
        if (r->own && r->speaker &&
            (r->ent >= 0 ? q_ent_type(st, r->ent) == NP_ENTITY_PERSON
                         : (r->speaker[0] >= 'A' && r->speaker[0] <= 'Z'))) {
            st->last_person = r->speaker;
            st->last_person_ent = r->ent;
            if (r->ent < 0) {
                size_t j;
                for (j = 0; j < st->ntext_spk && strcmp(st->text_spk[j], r->speaker); j++)
                    ;
                if (j < st->ntext_spk)
                    memmove(&st->text_spk[j], &st->text_spk[j + 1],
                            (st->ntext_spk - j - 1) * sizeof st->text_spk[0]);
                else if (st->ntext_spk == Q_TEXT_SPK)
                    memmove(&st->text_spk[0], &st->text_spk[1],
                            (Q_TEXT_SPK - 1) * sizeof st->text_spk[0]);
                else
                    st->ntext_spk++;
                st->text_spk[st->ntext_spk - 1] = r->speaker;
            }
        }
        if (r->parent < 0 && r->speaker) {
            st->prev_ent = r->ent;
            st->prev_end = r->e;
            st->prev_addr = r->addr;
            st->prev_question = r->e > r->s && st->b[r->e - 1] == '?';
        }
        if (r->parent < 0) {
            st->have_last = 1;
            st->last_para = para;
            st->last_open = !r->closed;
            st->last_speaker = r->speaker;
            st->last_ent = r->ent;
            st->last_cue = r->cue;
        }
    }
    if (!kept)
        q_last_cue(st, para);
    return st->oom ? NP_ENOMEM : NP_OK;
}

static int q_paragraph(qstate *st, size_t ps, size_t pe, size_t para,
                       int heading)
{
    size_t i, nrec;
    int rc;
    if ((rc = q_tokenize(st, ps, pe)) != NP_OK)
        return rc;
    if ((rc = q_pair(st, para, pe)) != NP_OK)
        return rc;
    nrec = st->recs.len;
    q_learn_gender(st, ps);
    for (i = 0; i < nrec; i++)
        if ((rc = q_mark(st, REC(st, i), pe, heading)) != NP_OK)
            return rc;
    for (i = 0; i < nrec; i++) {
        qrec *r = REC(st, i);
        if (r->dead || r->title)
            continue;
        if (r->parent >= 0 && (REC(st, r->parent)->dead || REC(st, r->parent)->title))
            continue;
        q_attribute(st, (long)i);
        if (st->oom)
            return NP_ENOMEM;
        if (r->parent < 0 && r->own && r->speaker) {
            /* the speaker a later "he said" of this paragraph may go on with */
            st->prev_ent = r->ent;
            st->prev_end = r->e;
            st->prev_addr = r->addr;
            st->prev_question = r->e > r->s && st->b[r->e - 1] == '?';
        }
    }
    q_inherit(st, nrec, ps, para);
    for (i = 0; i < nrec; i++)
        q_choose_keep(st, REC(st, i));
    return q_emit_kept(st, nrec, para);
}

/* A paragraph is read as a whole up to Q_WINDOW bytes; a longer one, a
 * window at a time, each ending at the last sentence end (". ", "? ",
 * "! ") in the second half of the window, else at its last space, else at
 * a character boundary. The per-token state of the stage then stays that
 * of one window, whatever the paragraph; a quote that spans two windows
 * (a quotation of hundreds of kilobytes) is read as two unclosed ones. */
#define Q_WINDOW ((size_t)1 << 20)

/* A line of program text or data left in the body (a script's
 * "(function() { ...; ... })", a JSON object's "key":"value" pairs): its
 * quotation marks delimit strings, not speech. Braces with statements
 * ("{", "}" and two ";"), or two keys or values of an object ("":"",
 * "","" with nothing between the marks). */
static int q_code_line(const char *b, size_t ps, size_t pe)
{
    size_t k, open = 0, close = 0, semi = 0, pairs = 0;
    for (k = ps; k < pe; k++) {
        switch (b[k]) {
        case '{': open++; break;
        case '}': close++; break;
        case ';': semi++; break;
        case ':':
        case ',':
            if (k > ps && k + 1 < pe && b[k - 1] == '"' &&
                (b[k + 1] == '"' || b[k + 1] == '{' || b[k + 1] == '['))
                pairs++;
            break;
        default: break;
        }
    }
    return (open && close && semi >= 2) || pairs >= 2;
}

static size_t q_window_end(const char *b, size_t ps, size_t lim)
{
    size_t k;
    for (k = lim - 1; k > ps + Q_WINDOW / 2; k--)
        if (b[k] == ' ' && (b[k - 1] == '.' || b[k - 1] == '?' || b[k - 1] == '!'))
            return k + 1;
    for (k = lim - 1; k > ps + Q_WINDOW / 2; k--)
        if (b[k] == ' ')
            return k + 1;
    for (k = lim; k > ps + 1 && ((unsigned char)b[k] & 0xC0) == 0x80; k--)
        ;
    return k;
}

int np__quotes(np__ctx *c, const np__tokens *tk)
{
    qstate st;
    np_document *d = c->doc;
    size_t ps = 0, para = 0, blk = 0;
    int rc = NP_OK, kind;
    if (!d->body || !d->body_len)
        return NP_OK;
    memset(&st, 0, sizeof st);
    st.c = c;
    st.max_quotes = c->parser->opts.max_quotes ? c->parser->opts.max_quotes
                                               : NP_DEFAULT_MAX_QUOTES;
    st.tk = tk;
    st.b = d->body;
    st.n = d->body_len;
    st.last_ent = -1;
    st.last_person_ent = -1;
    st.prev_ent = st.prev_addr = -1;
    st.addressee = -1;
    q_lidx_init(&st.lidx[0], q_stop);
    q_lidx_init(&st.lidx[1], q_skip);
    q_lidx_init(&st.lidx[2], q_dets);
    np__vec_init(&st.toks, sizeof(qtok));
    np__vec_init(&st.pieces, sizeof(np__token));
    np__vec_init(&st.recs, sizeof(qrec));
    np__vec_init(&st.spans, sizeof(qspan));
    if ((rc = q_mentions(&st)) != NP_OK || (rc = q_surnames(&st)) != NP_OK)
        goto done;
    while (ps < st.n && !st.full) {
        size_t lim = st.n - ps > Q_WINDOW ? ps + Q_WINDOW : st.n;
        const char *nl = memchr(st.b + ps, '\n', lim - ps);
        size_t pe = nl ? (size_t)(nl - st.b) : lim, next;
        next = pe + 1;
        if (!nl && lim < st.n) {
            /* a paragraph longer than the window: read a window at a time */
            pe = q_window_end(st.b, ps, lim);
            next = pe;
        }
        /* the block this line belongs to: code is not quoted speech */
        while (blk + 1 < d->blocks.len &&
               ((const np__block *)np__vec_at(&d->blocks, blk + 1))->start <= ps)
            blk++;
        kind = blk < d->blocks.len &&
                       ((const np__block *)np__vec_at(&d->blocks, blk))->start <= ps
                   ? ((const np__block *)np__vec_at(&d->blocks, blk))->kind : -1;
        if (kind == NP_BLOCK_PREFORMATTED || q_code_line(st.b, ps, pe)) {
            ps = next;
            continue;
        }
        if (pe > ps) {
            if ((rc = q_paragraph(&st, ps, pe, para, kind == NP_BLOCK_HEADING)) != NP_OK)
                goto done;
            para++;
        }
        ps = next;
    }
done:
    if (st.oom && rc == NP_OK)
        rc = NP_ENOMEM;
    np__vec_free(&st.toks);
    np__vec_free(&st.pieces);
    np__vec_free(&st.recs);
    np__vec_free(&st.spans);
    np__free(st.ments);
    np__free(st.gender);
    np__free(st.surnames);
    return rc;
}

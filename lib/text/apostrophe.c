/*
 * Restoring lost apostrophes in English text ("diplomacys resources",
 * "Its premature", "dont").
 *
 * Every word that could have lost an apostrophe is judged on three kinds of
 * evidence: the lexicon (is "bodys" a word? does "body" take a possessive?
 * is "Frances" a name?), the sentence around it (what follows "its": a noun
 * phrase or a predicate; what precedes "were"), and the document (a name
 * written elsewhere as "France"). Only clear cases are changed: a wrong
 * insertion is worse than a missed one. Texts that do not look English are
 * left alone.
 */
#include <string.h>
#ifdef NP_APOS_TRACE
#include <stdio.h>
#endif

#include <unicode/uchar.h>

#include "text/text.h"
#include "text/tokens.h"
#include "data/apos_context.h"
#include "data/apos_evidence.h"
#include "data/calendar.h"
#include "data/english_words.h"

typedef struct tok {
    size_t s, e;           /* byte span */
    unsigned lex;          /* lexicon bits (ASCII words only) */
    unsigned fw;           /* function-word class */
    unsigned char ascii;   /* letters only, ASCII */
    unsigned char digit;   /* contains a digit */
    unsigned char apos;    /* contains an apostrophe already */
    unsigned char cap;     /* first letter upper case */
    unsigned char allcaps; /* two or more letters, all upper case */
    unsigned char start;   /* first word of a sentence (or after a quote) */
    unsigned char space_after;  /* followed by spaces, then a word */
    unsigned char hyphen_after; /* followed directly by '-' */
    unsigned char comma_before; /* preceded by a comma */
    unsigned char quote_before; /* preceded by an opening quote */
    unsigned char looked;  /* lex and fw are set */
} tok;

typedef struct actx {
    const char *s;
    tok *t;
    size_t n;
    np__cleaner *c;
    const char **why;   /* the name of the last decision to insert */
} actx;

/* Every decision to insert goes through DECIDE, which notes its name: a
 * build with -DNP_APOS_TRACE prints it with the word, so that
 * tests/bench/apos_trace.py can count each decision point's hits and errors
 * on a validation set (the table in docs/cleanup.md). */
#define DECIDE(at, name) (*a->why = (name), (long)(at))

/* ------------------------------------------------------------ helpers */

/* Lexicon bits and function-word class, looked up on first use: most
 * words are never asked about. */
static void look(const actx *a, const tok *t)
{
    tok *m = (tok *)t;
    m->lex = t->ascii && !t->apos ? np__english_find(a->s + t->s, t->e - t->s) : 0;
    m->fw = t->ascii ? np__funcword(a->s + t->s, t->e - t->s) : 0;
    m->looked = 1;
}

static unsigned lx(const actx *a, const tok *t)
{
    if (!t->looked)
        look(a, t);
    return t->lex;
}

static unsigned fwc(const actx *a, const tok *t)
{
    if (!t->looked)
        look(a, t);
    return t->fw;
}

static int teq(const actx *a, const tok *t, const char *w)
{
    size_t n, i;
    if (!t)
        return 0;
    if ((a->s[t->s] | 0x20) != w[0])
        return 0;
    n = strlen(w);
    if (t->e - t->s != n)
        return 0;
    for (i = 0; i < n; i++)
        if ((a->s[t->s + i] | 0x20) != w[i])
            return 0;
    return 1;
}

static int tin(const actx *a, const tok *t, const char *const *list)
{
    for (; *list; list++)
        if (teq(a, t, *list))
            return 1;
    return 0;
}

static const tok *next_tok(const actx *a, const tok *t)
{
    size_t i = (size_t)(t - a->t);
    if (!t->space_after || i + 1 >= a->n)
        return NULL;
    return &a->t[i + 1];
}

static const tok *prev_tok(const actx *a, const tok *t)
{
    size_t i = (size_t)(t - a->t);
    if (i == 0 || t->start || t->comma_before || t->quote_before ||
        !a->t[i - 1].space_after)
        return NULL;
    return &a->t[i - 1];
}

/* Words after which a new clause may start without a conjunction
 * ("I suppose it's", "at least they're"). */
static const char *const clause_verbs[] = {
    "think", "thinks", "thought", "know", "knew", "knows", "say", "says",
    "said", "believe", "believes", "hope", "hopes", "guess", "mean", "means",
    "feel", "feels", "felt", "sure", "glad", "least", "realize", "realise",
    "suspect", "bet", "figure", "admit", "agree", "argue", "claim", "noted",
    "added", "worry", "seems", "seem", "yes", "maybe", "perhaps", "hopefully",
    "honestly", "clearly", "course", "sorry", "afraid", "now", "like",
    NULL
};

/* Irregular past participles and past tenses (closed class). */
static const char *const irregular_ed[] = {
    "been", "built", "bought", "brought", "caught", "chosen", "done", "driven",
    "found", "given", "gone", "got", "gotten", "grown", "held", "kept",
    "known", "left", "lost", "made", "meant", "met", "paid", "put", "said",
    "seen", "sent", "set", "shown", "sold", "spent", "stood", "taken",
    "taught", "thought", "told", "understood", "won", "written", "became",
    "began", "came", "fell", "felt", "gave", "grew", "knew", "led", "ran",
    "rose", "saw", "took", "went", "wrote", "says", "hit", "cut", "let",
    NULL
};

static int is_verbish(const actx *a, const tok *t)
{
    /* a verb form that cannot start a noun phrase */
    if (tin(a, t, irregular_ed))
        return 1;
    if ((lx(a, t) & (NP__LEX_VERB3 | NP__LEX_ED)) &&
        !(lx(a, t) & (NP__LEX_NOUN | NP__LEX_ADJ | NP__LEX_PLURAL)))
        return 1;
    return 0;
}

/* Can t start the noun phrase after a possessive ("France's efforts")? */
static int np_start(const actx *a, const tok *t, int strict)
{
    if (!t)
        return 0;
    if (t->digit)
        return !strict;
    if (fwc(a, t)) {
        return teq(a, t, "most") || teq(a, t, "more") ? 1 : 0;
    }
    if (teq(a, t, "own"))
        return 1;
    if (t->cap && !t->start)
        return !strict;
    if (!t->ascii)
        return !strict;
    if (!lx(a, t))
        return !strict;
    if (is_verbish(a, t))
        return 0;
    if (strict && (lx(a, t) & NP__LEX_ING) && !(lx(a, t) & NP__LEX_NOUN))
        return 0;
    if (strict && (lx(a, t) & NP__LEX_VERB) && !(lx(a, t) & (NP__LEX_NOUN | NP__LEX_ADJ)))
        return 0;
    if (lx(a, t) & NP__LEX_ADV && !(lx(a, t) & (NP__LEX_NOUN | NP__LEX_ADJ)))
        return 0;
    return 1;
}

/* The weight of the word after t as evidence for a possessive, learnt
 * from the Brown corpus (lib/data/apos_context.c): how much more often it
 * follows a possessive than a plain word in -s, 10 x log10 of the ratio.
 * 0 when there is no next word or the corpus saw it too seldom. */
static int next_weight(const actx *a, const tok *n)
{
    if (!n || !n->ascii || n->cap || n->digit)
        return 0;
    return np__ctx_weight(a->s + n->s, n->e - n->s, NULL);
}

/* Does the Brown corpus read the word after t mostly as a verb? */
static int next_is_verb(const actx *a, const tok *n)
{
    int verb = 0;
    if (!n || !n->ascii || n->cap || n->digit)
        return 0;
    (void)np__ctx_weight(a->s + n->s, n->e - n->s, &verb);
    return verb;
}

/* A word that follows possessives at least thirty times as often as plain
 * -s words ("name" 18, "wife" 19) is read as a noun after a plural, even
 * when it can be a verb. */
#define CTX_NOUN 15

/* ------------------------------------------------------------ "it's" */

static const char *const then_predicate[] = {
    "to", "that", "how", "whether", "if", "when", "why", "what", "for",
    "because", "as", "than", NULL
};

static int pred_after(const actx *a, const tok *t)
{
    /* what follows a predicate adjective or participle */
    const tok *n = next_tok(a, t);
    size_t i = (size_t)(t - a->t);
    if (t->hyphen_after)
        return 0;
    if (!n)
        return i + 1 >= a->n || !a->t[i + 1].space_after ? 1 : 0;
    return tin(a, n, then_predicate) || (fwc(a, n) & (NP__FW_PREP | NP__FW_DET)) ? 1 : 0;
}

static int plural_spelling(const actx *a, const tok *t)
{
    const char *w = a->s + t->s;
    size_t n = t->e - t->s;
    return n > 3 && w[n - 1] == 's' && w[n - 2] != 's' && w[n - 2] != 'u' &&
           w[n - 2] != 'i';
}

static int adj_pred(const actx *a, const tok *t)
{
    /* "hard to", "unclear whether", "boring." */
    if (!t || t->cap || !t->ascii || fwc(a, t))
        return 0;
    if (lx(a, t) & NP__LEX_PLURAL)
        return 0;
    if ((lx(a, t) & NP__LEX_NOUN) && !(lx(a, t) & NP__LEX_ADJ) &&
        !(lx(a, t) & NP__LEX_ING))
        return 0;
    if ((lx(a, t) & NP__LEX_ING) && (lx(a, t) & NP__LEX_NOUN))
        return 0;
    if (!lx(a, t))
        return 0;
    if (!(lx(a, t) & ~NP__LEX_LOWER) && plural_spelling(a, t))
        return 0;   /* "contractors": a plural the lexicon knows no more of */
    {
        const tok *n = next_tok(a, t);
        size_t i = (size_t)(t - a->t);
        if (t->hyphen_after)
            return 0;
        if (!n)   /* "its clear." but not "its forecast." */
            return (i + 1 >= a->n || !a->t[i + 1].space_after) &&
                   !(lx(a, t) & NP__LEX_NOUN);
        return tin(a, n, then_predicate) ? 1 : 0;
    }
}

/* "its" after p can start a clause: not after a preposition, a determiner,
 * a verb of its own ("on its roof", "revise its budget") */
static int its_clause_can_start(const actx *a, const tok *p)
{
    if (!p || (fwc(a, p) & (NP__FW_CONJ | NP__FW_WH)) || tin(a, p, clause_verbs))
        return 1;
    if (fwc(a, p) & (NP__FW_PREP | NP__FW_DET | NP__FW_AUX | NP__FW_PRON))
        return 0;
    if (tin(a, p, irregular_ed))
        return 0;   /* "the company cut its forecast" */
    /* after a noun that cannot be a verb, a new clause may start
     * ("in this role its incredibly helpful") */
    if (!(fwc(a, p) & NP__FW_ADV) &&
        !(p->ascii && !p->cap && (lx(a, p) & (NP__LEX_NOUN | NP__LEX_PLURAL)) &&
          !(lx(a, p) & (NP__LEX_VERB | NP__LEX_VERB3 | NP__LEX_ED |
                      NP__LEX_ING))))
        return 0;
    return 1;
}

/* "Its cheap, and", "but its dull.": at the start of a clause, an
 * adjective that is no noun, closing the sentence or followed by a comma
 * and a conjunction, is a predicate */
static int its_adjective_closes(const actx *a, const tok *t, const tok *p,
                                const tok *n, const tok *n2)
{
    if (!n2 && !n->hyphen_after && n->ascii && !fwc(a, n) &&
        (lx(a, n) & NP__LEX_ADJ) &&
        !(lx(a, n) & (NP__LEX_NOUN | NP__LEX_VERB | NP__LEX_PLURAL |
                      NP__LEX_VERB3 | NP__LEX_ED)) &&
        (t->start || t->quote_before ||
         (p && tin(a, p, (const char *const[]){"but", "and", "so", "because",
                                               "though", "although", "if",
                                               "when", NULL})))) {
        size_t i = (size_t)(n - a->t);
        const char *q = a->s + n->e;
        if (*q == '.' || *q == '!' || *q == '?')
            return 1;
        if (*q == ',' && i + 1 < a->n &&
            (fwc(a, &a->t[i + 1]) & (NP__FW_CONJ | NP__FW_PRON)))
            return 1;
    }
    return 0;
}

/* "its plain wrong and": two adjectives, then a conjunction or the end */
static int its_two_adjectives(const actx *a, const tok *t, const tok *p,
                              const tok *n, const tok *n2)
{
    if (n2 && !n->hyphen_after && n->ascii && !fwc(a, n) && !n2->cap &&
        (t->start || t->quote_before || t->comma_before ||
         (p && (fwc(a, p) & (NP__FW_CONJ | NP__FW_WH)))) &&
        (lx(a, n) & NP__LEX_ADJ) &&
        !(lx(a, n) & (NP__LEX_NOUN | NP__LEX_VERB | NP__LEX_PLURAL)) &&
        (lx(a, n2) & NP__LEX_ADJ) && !(lx(a, n2) & NP__LEX_PLURAL) &&
        !fwc(a, n2)) {
        const tok *n3 = next_tok(a, n2);
        const char *q = a->s + n2->e;
        if ((!n3 && (*q == '.' || *q == ',' || *q == '!' || *q == '?')) ||
            (n3 && (fwc(a, n3) & NP__FW_CONJ)))
            return 1;
    }
    return 0;
}

/* "its working out to be", "its part of the fun", "its kind of odd" */
static int its_set_phrase(const actx *a, const tok *n, const tok *n2)
{
    if ((lx(a, n) & NP__LEX_ING) && n2 && !n->hyphen_after &&
        (teq(a, n2, "out") || teq(a, n2, "up")) && next_tok(a, n2) &&
        (teq(a, next_tok(a, n2), "to") || teq(a, next_tok(a, n2), "that")))
        return 1;
    if (n2 && teq(a, n2, "of") &&
        (teq(a, n, "part") || teq(a, n, "kind") || teq(a, n, "sort")))
        return 1;
    return 0;
}

/* "its pretty easy to", "its more expensive than": a degree word, then a
 * predicate; "its very existence", "its more popular models".
 * 1: it is; 0: the possessive; -1: not decided here */
static int its_degree_word(const actx *a, const tok *n, const tok *n2)
{
    if (!n2 || !tin(a, n, (const char *const[]){"pretty", "very", "more", "less",
                                               "so", "too", "quite", "fairly",
                                               "really", "rather", NULL}))
        return -1;
    if (adj_pred(a, n2) && (lx(a, n2) & NP__LEX_ADJ || !(lx(a, n2) & NP__LEX_NOUN)))
        return 1;
    if (((lx(a, n2) & NP__LEX_ED) || tin(a, n2, irregular_ed)) &&
        !(lx(a, n2) & NP__LEX_NOUN) && pred_after(a, n2))
        return 1;
    if (teq(a, n, "very") || teq(a, n, "more") || teq(a, n, "less"))
        return 0;
    return -1;
}

/* words that after "its" only the possessive's noun phrase can follow in
 * the adverb test below */
static int its_noun_phrase_word(const actx *a, const tok *n)
{
    return teq(a, n, "own") || teq(a, n, "only") || teq(a, n, "very") ||
           teq(a, n, "more") || teq(a, n, "most") || teq(a, n, "first") ||
           teq(a, n, "last") || teq(a, n, "and") || teq(a, n, "or") ||
           teq(a, n, "but") || teq(a, n, "nor");
}

static const char *const pred_adjectives[] = {
    "hard", "easy", "unclear", "true", "possible", "impossible", "likely",
    "unlikely", "important", "difficult", NULL
};

/* the word after "its" says it: a listed word, a function word.
 * 1: it is; 0: the possessive; -1: not decided here */
static int its_next_word(const actx *a, const tok *n, const tok *n2)
{
    static const char *const yes[] = {
        "not", "been", "also", "just", "still", "so", "too", "really", "always",
        "never", "now", "here", "there", "already", "almost", "even", "ever",
        "quite", "rather", "again", "then", "yet", "like", "such", "about",
        "going", "gonna", "because", "what", "how", "why", "who", "when",
        "where", "if", "whether", "than", "actually", "probably", "definitely",
        "certainly", "clearly", "obviously", "simply", "pretty", "all",
        "hard", "easy", "unclear", "true", "possible", "impossible", "likely",
        "unlikely", "important", "difficult", "worth",
        /* a pronoun that is a noun phrase of its own: no noun after "its" */
        "nothing", "something", "everything", "anything", NULL
    };
    if (teq(a, n, "time"))
        return n2 && (teq(a, n2, "to") || teq(a, n2, "for"));
    /* "its called Plan Grow", "its past time for" */
    if (tin(a, n, (const char *const[]){"called", "named", "dubbed",
                                       "titled", NULL}))
        return 1;
    if (teq(a, n, "past") && n2 && teq(a, n2, "time"))
        return 1;
    if (teq(a, n, "worth"))
        return 1;
    if (tin(a, n, yes)) {
        /* "its likely successor", "its hard shell", "its possible
         * causes": a noun follows (the adjectives of the list are
         * adjectives whatever the lexicon says) */
        if (((lx(a, n) & NP__LEX_ADJ) || tin(a, n, pred_adjectives)) &&
            !fwc(a, n) && !teq(a, n, "worth") &&
            n2 && !adj_pred(a, n) && np_start(a, n2, 1))
            return 0;
        return 1;
    }
    if (fwc(a, n) & (NP__FW_DET | NP__FW_PRON | NP__FW_PREP | NP__FW_WH))
        return 1;
    if (fwc(a, n) & NP__FW_CONJ)
        return 1;
    if (fwc(a, n) & NP__FW_ADV)
        return 1;
    if (fwc(a, n) & NP__FW_AUX)
        return 0;   /* "its is", "its being": not a contraction */
    return -1;
}

/* a verb form or an adjective after "its": "its getting harder", "its
 * called", "its listed at", "its clear".
 * 1: it is; 0: the possessive; -1: not decided here */
static int its_verb_form(const actx *a, const tok *n, const tok *n2)
{
    if ((lx(a, n) & NP__LEX_ING) && !(lx(a, n) & NP__LEX_NOUN)) {
        if (!n2)
            return 0;   /* "improving its grip." */
        if (fwc(a, n2) || (lx(a, n2) & NP__LEX_ADV) ||
            ((lx(a, n2) & NP__LEX_ADJ) && !(lx(a, n2) & NP__LEX_NOUN)))
            return 1;
        return 0;
    }
    if ((lx(a, n) & NP__LEX_ED) || tin(a, n, irregular_ed)) {
        if (lx(a, n) & NP__LEX_NOUN)
            return 0;
        return pred_after(a, n);
    }
    if (adj_pred(a, n) && ((lx(a, n) & NP__LEX_ADJ) || !(lx(a, n) & NP__LEX_NOUN)))
        return 1;
    return -1;
}

/* "its really easy to", "its newly elected president": an adverb, then a
 * predicate */
static int its_adverb(const actx *a, const tok *n)
{
    const tok *n2;
    if (!(lx(a, n) & NP__LEX_ADV) || fwc(a, n))
        return 0;
    n2 = next_tok(a, n);
    if (!n2)
        return pred_after(a, n);
    if (fwc(a, n2) & (NP__FW_DET | NP__FW_PREP | NP__FW_ADV))
        return 1;
    /* "its currently much more popular" */
    if (teq(a, n2, "much") && !n2->hyphen_after)
        return 1;
    if (adj_pred(a, n2))
        return 1;
    if (((lx(a, n2) & NP__LEX_ED) || tin(a, n2, irregular_ed)) &&
        pred_after(a, n2))
        return 1;
    /* "its completely silent." */
    if ((lx(a, n2) & NP__LEX_ADJ) && !n2->cap && !n2->hyphen_after &&
        !next_tok(a, n2))
        return 1;
    return 0;
}

static int its_is_it_is(const actx *a, const tok *t)
{
    const tok *n = next_tok(a, t), *n2;
    const tok *p = prev_tok(a, t);
    int r;
    if (!n || n->hyphen_after || n->cap)
        return 0;
    if (!its_clause_can_start(a, p))
        return 0;
    n2 = next_tok(a, n);
    if (its_adjective_closes(a, t, p, n, n2) || its_two_adjectives(a, t, p, n, n2) ||
        its_set_phrase(a, n, n2))
        return 1;
    if ((r = its_degree_word(a, n, n2)) >= 0)
        return r;
    if (its_noun_phrase_word(a, n))
        return its_adverb(a, n);
    if ((r = its_next_word(a, n, n2)) >= 0)
        return r;
    /* "I bet its 12.", "Perhaps its 40": a number closing the clause */
    if (n->digit && !n2 && !n->hyphen_after && strchr(".,;!?", a->s[n->e]) &&
        a->s[n->e] != '\0')
        return 1;
    if (!n->ascii || !lx(a, n) || n->digit)
        return 0;
    if ((r = its_verb_form(a, n, n2)) >= 0)
        return r;
    return its_adverb(a, n);
}

/* ------------------------------------------------------------ contractions */

static int boundary_before(const actx *a, const tok *t)
{
    static const char *const conj[] = {
        "if", "because", "but", "when", "so", "then", "while", "what", "where",
        "how", "until", "unless", "though", "although", "since", "once",
        "and", "that", "now", "hopefully", NULL
    };
    const tok *p = prev_tok(a, t);
    if (t->start || t->comma_before || t->quote_before)
        return 1;
    return p && tin(a, p, conj);
}

static int verb_base(const actx *a, const tok *t)
{
    static const char *const common[] = {
        "be", "have", "see", "make", "take", "get", "do", "go", "need", "keep",
        "find", "look", "work", "start", "try", "continue", "never", "always",
        "also", "just", "probably", "definitely", "certainly", "all", "both",
        "still", "know", "let", "talk", "give", "tell", "hear", "show",
        "play", "win", "lose", "wait", "miss", "like", "love", "rather",
        "want", "say", "think", "been", "really", "likely", "soon", NULL
    };
    if (!t || t->cap)
        return 0;
    if (tin(a, t, common))
        return 1;
    return (lx(a, t) & NP__LEX_VERB) && !(lx(a, t) & (NP__LEX_NOUN | NP__LEX_ADJ)) &&
           !fwc(a, t);
}

static const char *const were_next[] = {
    "not", "going", "on", "in", "already", "still", "truly", "really", "also",
    "just", "all", "here", "there", "now", "always", "never", "ready", "able",
    "sure", "confident", "excited", "happy", "proud", "glad", "honoured",
    "honored", "committed", "pleased", "delighted", "thrilled", "gonna",
    "very", "so", "definitely", "certainly", NULL
};

/* "Tonight, were leaving": t follows a comma that closes a short opening
 * phrase with no verb of its own. */
static int intro_phrase(const actx *a, const tok *t)
{
    size_t i = (size_t)(t - a->t), k = 0;
    while (i > 0 && k < 8) {
        const tok *q = &a->t[--i];
        k++;
        if (teq(a, q, "thanks") && i + 1 < a->n && teq(a, &a->t[i + 1], "to")) {
            if (q->start || q->quote_before)
                return 1;   /* "Thanks to our staff, were opening" */
            continue;
        }
        if ((fwc(a, q) & NP__FW_AUX) || is_verbish(a, q) ||
            ((lx(a, q) & NP__LEX_VERB3) && !(lx(a, q) & NP__LEX_PLURAL)))
            return 0;
        if (q->start || q->quote_before)
            return 1;
        if (q->comma_before)
            return 0;
    }
    return 0;
}

/* A word that heads a verb phrase: a verb form, an auxiliary or a verb
 * that is no noun. */
static int verb_like(const actx *a, const tok *t)
{
    if (!t || t->cap || !t->ascii)
        return 0;
    if (fwc(a, t) & NP__FW_AUX)
        return 1;
    if (is_verbish(a, t))
        return 1;
    if ((lx(a, t) & (NP__LEX_VERB | NP__LEX_ED | NP__LEX_ING)) &&
        !(lx(a, t) & NP__LEX_NOUN))
        return 1;
    return 0;
}

/* Does the sentence of t end with a question mark? */
static int question(const actx *a, const tok *t)
{
    size_t i = (size_t)(t - a->t) + 1;
    const char *q;
    for (; i < a->n && !a->t[i].start; i++)
        ;
    q = a->s + a->t[i - 1].e;
    while (*q == '"' || *q == '\'' || *q == ')')
        q++;
    return *q == '?' || !strncmp(q, "\xE2\x80\x9D?", 4);
}

/* What a contraction step returns when the word is none of its own and
 * the next step is asked. */
#define CON_ON (-2)

/* Contractions that are never words: the table, with the few contexts
 * where the same letters are a word or a name. */
static long con_table(const actx *a, const tok *t, const tok *p, const tok *n)
{
    static const struct { const char *w; int at; } always[] = {
        {"dont", 3}, {"doesnt", 5}, {"didnt", 4}, {"isnt", 3}, {"arent", 4},
        {"wasnt", 4}, {"werent", 5}, {"hasnt", 4}, {"havent", 5},
        {"hadnt", 4}, {"couldnt", 6}, {"wouldnt", 6}, {"shouldnt", 7},
        {"mustnt", 5}, {"neednt", 5}, {"aint", 3}, {"cant", 3}, {"youre", 3},
        {"youve", 3}, {"youll", 3}, {"youd", 3}, {"theyre", 4}, {"theyve", 4},
        {"theyll", 4}, {"theyd", 4}, {"weve", 2}, {"im", 1}, {"hes", 2},
        {"shes", 3}, {"thats", 4}, {"theres", 5}, {"heres", 4}, {"whats", 4},
        {"whos", 3}, {"itll", 2}, {"thatll", 4}, {"wholl", 3}, {"whove", 3},
        {"wouldve", 5}, {"couldve", 5}, {"shouldve", 6}, {"mightve", 5},
        {"mustve", 4}, {"hed", 2}, {"itd", 2}, {"thatd", 4}, {"whod", 3},
        {"wheres", 5}, {"therell", 5}, {"whatll", 4}, {"wont", 3}, {"ive", 1},
        {NULL, 0}
    };
    int k;
    /* "get 'im", "'im and his ma": "him" with its h dropped, written with
     * the apostrophe that marks it; not a quotation opening on a
     * contraction ("'dont care'") */
    if (!t->cap && teq(a, t, "im") && t->s > 0 &&
        (a->s[t->s - 1] == '\'' ||
         (t->s >= 3 && !memcmp(a->s + t->s - 3, "\xE2\x80\x99", 3))))
        return CON_ON;
    for (k = 0; always[k].w; k++) {
        if (!teq(a, t, always[k].w))
            continue;
        if (teq(a, t, "wont") && p && (fwc(a, p) & NP__FW_DET))
            return -1;   /* "as is his wont" */
        /* "Jony Ive"; but "All Ive said": a function word opening the
         * sentence is no name */
        if (teq(a, t, "ive") && (p && p->cap && !(p->start && fwc(a, p))))
            return -1;
        /* "the plan Ive developed", "worst Ive ever heard", "Ive not
         * moved": a participle or an adverb after it */
        if (teq(a, t, "ive") && !boundary_before(a, t) &&
            !(n && !n->cap && (((lx(a, n) & NP__LEX_ED) && !(lx(a, n) & NP__LEX_NOUN)) ||
                               tin(a, n, irregular_ed) || teq(a, n, "not") ||
                               ((lx(a, n) & NP__LEX_ADV) &&
                                !(lx(a, n) & (NP__LEX_NOUN | NP__LEX_ADJ))) ||
                               teq(a, n, "never") || teq(a, n, "ever") ||
                               teq(a, n, "always") || teq(a, n, "just") ||
                               teq(a, n, "also") || teq(a, n, "already"))))
            return -1;
        if (teq(a, t, "hes") && t->cap && !t->start)
            return -1;
        return DECIDE(always[k].at, "contraction table");
    }
    return CON_ON;
}

/* Is the text between the word before t and t a closing parenthesis? */
static int paren_before(const actx *a, const tok *t)
{
    size_t k = t->s;
    while (k > 0 && (a->s[k - 1] == ' ' || a->s[k - 1] == '\t'))
        k--;
    return k > 0 && a->s[k - 1] == ')';
}

/* "were" standing for "we're": after a clause boundary or a verb that
 * opens a clause, before a predicate word or an -ing word. */
static long con_were(const actx *a, const tok *t, const tok *p, const tok *n)
{
    /* in a title ("Were Still Here"), a capitalised word after it counts
     * as written in lower case */
    if (!n || n->hyphen_after ||
        (n->cap && !(t->cap && !n->allcaps && tin(a, n, were_next))))
        return -1;
    /* "notice that were losing": "that" after a verb opens a clause,
     * and "were" right after it would have no subject */
    if (p && teq(a, p, "that") && !t->cap) {
        const tok *p2 = prev_tok(a, p);
        if (p2 && (!p2->cap || p2->start) && p2->ascii &&
            (tin(a, p2, clause_verbs) ||
             ((lx(a, p2) & (NP__LEX_VERB | NP__LEX_VERB3 | NP__LEX_ED)) &&
              !(lx(a, p2) & (NP__LEX_NOUN | NP__LEX_PLURAL | NP__LEX_ADJ)) &&
              !fwc(a, p2))) &&
            (tin(a, n, were_next) ||
             ((lx(a, n) & (NP__LEX_ING | NP__LEX_ED)) && !fwc(a, n) &&
              !n->cap)))
            return DECIDE(2, "we're after a verb and that");
    }
    if (t->comma_before && !intro_phrase(a, t))
        return -1;
    /* "the reports (BBC etc.) were": a parenthesis closes an aside
     * inside a clause whose subject came before it */
    if (!t->cap && paren_before(a, t))
        return -1;
    if (!(t->start || t->quote_before || t->comma_before) &&
        !(p && tin(a, p, clause_verbs)) &&
        !(boundary_before(a, t) && p && !teq(a, p, "and") &&
          !teq(a, p, "that") && !teq(a, p, "now")))
        return -1;
    if (t->start && t->cap && question(a, t))
        return -1;   /* "Were taking part ...?": a question */
    if (tin(a, n, were_next))
        return DECIDE(2, "we're before a predicate word");
    if ((lx(a, n) & NP__LEX_ING) && !fwc(a, n))
        return DECIDE(2, "we're before an -ing word");
    return -1;
}

/* "well" and "wed" standing for "we'll" and "we'd": at a clause
 * boundary, before a verb in its base form. */
static long con_well_wed(const actx *a, const tok *t,
                         const tok *p, const tok *n)
{
    static const char *const excl[] = {
        "as", "very", "so", "pretty", "quite", "might", "may", "could",
        "would", "too", "fairly", "just", NULL
    };
    if (!n || n->hyphen_after)
        return -1;
    /* "the core wed need": "wed" (to marry) is never followed by
     * these */
    if (teq(a, t, "wed") && !t->cap && !n->cap &&
        tin(a, n, (const char *const[]){"need", "like", "love", "have",
                                        "rather", "want", "prefer",
                                        NULL}) &&
        !(p && (fwc(a, p) & (NP__FW_PRON | NP__FW_AUX))))
        return DECIDE(2, "we'd before need, like");
    if (!boundary_before(a, t) &&
        !(p && !fwc(a, p) && !p->cap && lx(a, p) &&
          !(lx(a, p) & (NP__LEX_VERB | NP__LEX_ING | NP__LEX_ED |
                        NP__LEX_VERB3 | NP__LEX_ADV))))
        return -1;   /* "the promotions well see" */
    if (p && tin(a, p, excl))
        return -1;
    if (teq(a, t, "wed") && t->cap && !t->start)
        return -1;
    if (!verb_base(a, n))
        return -1;
    if (teq(a, t, "well") && (teq(a, n, "be") || teq(a, n, "have")) &&
        p && (fwc(a, p) & NP__FW_AUX))
        return -1;
    return DECIDE(2, "we'll before a verb");
}

/* "hell" and "shell" standing for "he'll" and "she'll": at a clause
 * boundary, before a listed verb or adverb. */
static long con_hell_shell(const actx *a, const tok *t, const tok *n)
{
    static const char *const ok[] = {
        "be", "have", "never", "probably", "also", "just", "get", "do",
        "go", "make", "take", "see", "need", "continue", "still",
        "always", "try", "likely", NULL
    };
    if (!boundary_before(a, t) || !n || !tin(a, n, ok))
        return -1;
    return teq(a, t, "hell") ? DECIDE(2, "he'll before a verb")
                             : DECIDE(3, "she'll before a verb");
}

/* "shed" and "Id" standing for "she'd" and "I'd": before a verb or
 * an adverb. */
static long con_shed_id(const actx *a, const tok *t, const tok *n)
{
    static const char *const ok[] = {
        "be", "have", "like", "love", "rather", "never", "been",
        "always", "just", "probably", "also", "say", "want", "imagine",
        "guess", "better", "had", NULL
    };
    if (teq(a, t, "id")) {
        const tok *p = prev_tok(a, t);
        /* "Id like", "if Id noticed": capital I, then a verb; not the
         * noun after a determiner ("the Id seemed") */
        if (!t->cap || t->allcaps || !n || n->cap ||
            tin(a, p, (const char *const[]){"the", "a", "an", "his", "its",
                                            "their", "my", "our", "your",
                                            NULL}) ||
            ((fwc(a, n) & ~NP__FW_ADV) && !teq(a, n, "have") &&
             !teq(a, n, "be") && !teq(a, n, "been")))
            return -1;
        if (tin(a, n, ok) || verb_base(a, n) ||
            ((lx(a, n) & NP__LEX_ED) && !(lx(a, n) & NP__LEX_NOUN)) ||
            ((lx(a, n) & NP__LEX_ADV) && !(lx(a, n) & NP__LEX_NOUN)))
            return DECIDE(1, "I'd before a verb");
        /* a participle, also one that is a noun ("Id thought him",
         * "Id seen her"): "Id" is no noun but after a determiner */
        if (tin(a, n, irregular_ed) || (lx(a, n) & NP__LEX_ED))
            return DECIDE(1, "I'd before a participle");
        return -1;
    }
    if (!n)
        return -1;
    if (boundary_before(a, t) && tin(a, n, ok))
        return DECIDE(3, "she'd before a verb");
    if (n->cap || (fwc(a, n) & ~NP__FW_ADV))
        return -1;
    /* "when shed lost her job", "she said shed go": "shed" as a verb or
     * a noun has no subject after a conjunction or a verb of saying, so
     * a participle or a verb after it is her "she'd" */
    if ((boundary_before(a, t) || tin(a, prev_tok(a, t), clause_verbs)) &&
        !tin(a, prev_tok(a, t), (const char *const[]){"and", "but", "then",
                                                       "now", "so", NULL}) &&
        (tin(a, n, irregular_ed) || verb_base(a, n) ||
         ((lx(a, n) & NP__LEX_ED) && !(lx(a, n) & (NP__LEX_NOUN | NP__LEX_ADJ)))))
        return DECIDE(3, "she'd before a participle or a verb");
    return -1;
}

/* "Ill" standing for "I'll": capitalised, before a verb, an adverb or
 * a verb with its object. */
static long con_ill(const actx *a, const tok *t, const tok *n)
{
    static const char *const ok[] = {
        "be", "have", "never", "just", "probably", "also", "get", "do",
        "go", "make", "take", "see", "tell", "give", "let", "try",
        "always", "still", "need", "show", "keep", "bet", NULL
    };
    if (!t->cap || t->allcaps || !n || n->cap)
        return -1;
    if (tin(a, n, ok) || (fwc(a, n) & NP__FW_ADV) ||
        (!t->start && tin(a, n, irregular_ed) && !teq(a, n, "said")))
        return DECIDE(1, "I'll before a listed verb or adverb");
    if ((lx(a, n) & NP__LEX_VERB) && !fwc(a, n) &&
        !(lx(a, n) & (NP__LEX_PLURAL | NP__LEX_ING | NP__LEX_ED)) &&
        !(t->start && (lx(a, n) & NP__LEX_NOUN)))
        return DECIDE(1, "I'll before a verb");
    /* "Ill review final plans": a verb that is also a noun, then
     * its object (an adjective and a noun, or a determiner); not "Ill
     * health forced him" (no verb) */
    if ((lx(a, n) & NP__LEX_VERB) && !fwc(a, n) && !n->hyphen_after &&
        !(lx(a, n) & (NP__LEX_PLURAL | NP__LEX_ING | NP__LEX_ED |
                      NP__LEX_ADJ))) {
        const tok *n2 = next_tok(a, n), *n3 = n2 ? next_tok(a, n2) : NULL;
        if (n2 && !n2->cap &&
            ((fwc(a, n2) & (NP__FW_DET | NP__FW_PRON)) ||
             ((lx(a, n2) & NP__LEX_ADJ) && !(lx(a, n2) & NP__LEX_VERB) &&
              n3 && !n3->cap && !fwc(a, n3) &&
              (lx(a, n3) & NP__LEX_NOUN) && !verb_like(a, n3))))
            return DECIDE(1, "I'll before a verb and its object");
    }
    return -1;
}

/* "lets" standing for "let's": before a verb in its base form, where
 * the third person would need an object. */
static long con_lets(const actx *a, const tok *t, const tok *n)
{
    /* "lets be fair": a third person "lets" needs an object */
    if (!n || n->cap || (fwc(a, n) & (NP__FW_PRON | NP__FW_DET | NP__FW_PREP)))
        return -1;
    if (teq(a, n, "go") && !(t->start || t->quote_before))
        return -1;
    if (t->cap && t->start && !fwc(a, n) && n->ascii)
        return DECIDE(3, "Let's opening a sentence");   /* a sentence cannot open with "Lets" the verb */
    if (!verb_base(a, n) && !teq(a, n, "not") && !teq(a, n, "go") &&
        !teq(a, n, "talk") && !teq(a, n, "get") && !teq(a, n, "take"))
        return -1;
    return DECIDE(3, "let's before a verb");
}

/* The place of the missing apostrophe of a contraction, or -1: the
 * table first, then the words that are also English words, each by its
 * own context. */
static long contraction(const actx *a, const tok *t)
{
    const tok *n = next_tok(a, t), *p = prev_tok(a, t);
    size_t len = t->e - t->s;
    long r;
    if (t->allcaps && len <= 3)
        return -1;
    if ((r = con_table(a, t, p, n)) != CON_ON)
        return r;
    if (teq(a, t, "its"))
        return its_is_it_is(a, t) ? DECIDE(2, "its before a predicate") : -1;
    if (teq(a, t, "were"))
        return con_were(a, t, p, n);
    if (teq(a, t, "well") || teq(a, t, "wed"))
        return con_well_wed(a, t, p, n);
    if (teq(a, t, "hell") || teq(a, t, "shell"))
        return con_hell_shell(a, t, n);
    if (teq(a, t, "shed") || teq(a, t, "id"))
        return con_shed_id(a, t, n);
    if (teq(a, t, "ill"))
        return con_ill(a, t, n);
    if (teq(a, t, "lets"))
        return con_lets(a, t, n);
    return -1;
}

/* ------------------------------------------------------------ possessives */

/* Verbs with two objects: "gave the workers 10-day notices", "give its
 * staff more time". */
static const char *const two_objects[] = {
    "give", "gave", "gives", "giving", "offer", "offered", "offers",
    "send", "sent", "pay", "paid", "pays", "owe", "owed", "grant", "granted",
    "award", "awarded", "tell", "told", "show", "showed", "hand", "handed",
    "lend", "lent", "sell", "sold", "promise", "promised", "deny", "denied",
    "allow", "allowed", "cost", "charge", "charged", "win", "won", "bring",
    "brought", "afford", "afforded", "earn", "earned", "make", "made", NULL
};

/* A title before a surname ("Mr. Dunbars approach"); a capitalised word
 * other than these before the name makes a longer name ("United Nations"). */
static int is_title(const actx *a, const tok *t)
{
    return t->ascii && np__title_word(a->s + t->s, t->e - t->s);
}

/* Plurals that modify a noun as they are ("the sales tax", "the jobs
 * report"), and heads that belong to a group ("the workers union"). */
static const char *const plural_modifiers[] = {
    "sales", "jobs", "sports", "arms", "goods", "savings", "earnings",
    "customs", "news", "communications", "operations", "services", "systems",
    "ratings", "rights", "weapons", "drugs", "securities", "futures",
    "options", "commodities", "admissions", "affairs", "relations",
    "resources", "parts", "products", "materials", "assets", "arts",
    "awards", "records", "accounts", "funds", "markets", "loans", "bonds",
    "stocks", "shares", "prices", "claims", "benefits", "taxes", "fees",
    "talks", "troops", "forces", "police", "media", "data", NULL
};

static const char *const collective_heads[] = {
    "union", "unions", "association", "associations", "market", "markets",
    "council", "federation", "league", "club", "movement", "group",
    "rights", "day", NULL
};

static const char *const quantifiers[] = {
    "several", "many", "few", "some", "all", "both", "most", "other",
    "these", "those", "two", "three", "four", "five", "six", "seven",
    "eight", "nine", "ten", "dozens", "hundreds", "thousands", "more",
    "fewer", "various", "numerous", "multiple", NULL
};

/* A month or its abbreviation (np__month_of), but not "may", a verb more
 * often than a month. */
static int is_month(const actx *a, const tok *t)
{
    return np__month_of(a->s + t->s, t->e - t->s) && !teq(a, t, "may");
}

static const char *const weekdays[] = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "sunday", NULL
};

static const char *const time_nouns[] = {
    "day", "week", "month", "year", "weekend", "night", "season", "quarter",
    "decade", "century", "morning", "evening", "afternoon", "summer",
    "winter", "spring", "autumn", "era", "game", "match", NULL
};

static int native_s_ending(const actx *a, const tok *t)
{
    /* names that end in s of their own: Carlos, Tsipras, Markus, Davies */
    char p = (char)(a->s[t->e - 2] | 0x20);
    return p == 's' || p == 'u' || p == 'i' || p == 'o' || p == 'a' ||
           p == 'e';
}

/* A brand written with a capital inside ("FromSoftware", "WeWork"): its
 * final s is no part of a surname. */
static int camel_case(const char *w, size_t len)
{
    /* surname prefixes: McInnes, DeVries, LaBelle, MacInnis, VanHees */
    static const char *const prefixes[] = {
        "Mc", "Mac", "De", "Di", "Da", "Du", "La", "Le", "Van", "Von", "St",
        "Fitz", NULL
    };
    size_t k, q;
    if (len < 4 || !(w[0] >= 'A' && w[0] <= 'Z'))
        return 0;
    for (k = 1; k + 1 < len; k++)
        if (w[k] >= 'A' && w[k] <= 'Z' && w[k - 1] >= 'a' && w[k - 1] <= 'z') {
            for (q = 0; prefixes[q]; q++)
                if (strlen(prefixes[q]) == k && !memcmp(w, prefixes[q], k))
                    return 0;
            /* "GeoNames": the last part is a plural of its own */
            return np__english_find(w + k, len - k) ? 0 : 1;
        }
    return 0;
}

/* Is w[0..bl) (a word less its final s) a person: an agent noun
 * ("sheriff", "prosecutor", "attorney", "general") or a name? */
static int agent_or_name(const actx *a, const tok *t, const char *w, size_t bl)
{
    static const char *const suffixes[] = {
        "er", "or", "ar", "ant", "ent", "ist", "ian", "ney", "iff", "al",
        "ee", "ess", NULL
    };
    unsigned lb = np__english_find(w, bl);
    size_t k;
    if (t->cap && !t->allcaps && (!lb || (lb & NP__LEX_CAP)))
        return 1;
    if (!(lb & NP__LEX_NOUN))
        return 0;
    for (k = 0; suffixes[k]; k++) {
        size_t sl = strlen(suffixes[k]), q;
        if (bl <= sl + 1)
            continue;
        for (q = 0; q < sl && (w[bl - sl + q] | 0x20) == suffixes[k][q]; q++)
            ;
        if (q == sl)
            return 1;
    }
    return 0;
}

/* Nouns that end in s in the singular, or plurals that modify a noun as
 * they are ("a means test", "the games console"). */
static const char *const singular_s[] = {
    "means", "news", "series", "species", "lens", "physics", "politics",
    "economics", "mathematics", "athletics", "gymnastics", "headquarters",
    "whereabouts", "crossroads", "barracks", "gallows", "odds", "thanks",
    "kudos", "games", "graphics", "electronics", "logistics", "analytics",
    "genetics", "ethics", "statistics", "works", "letters", "humanities",
    "sciences", "friends", "singles", "doubles", "mens", "womens", "kids",
    "girls", "boys", "childrens", "peoples", "veterans", "teachers",
    "farmers", "workers", "citizens", "consumers", "investors", "writers",
    "users", "members", "customers", "students", "players", "owners",
    "taxpayers", "employees", "parents", "nurses", "doctors", "drivers",
    "pilots", "miners", "fans", NULL
};

static const char *const reflexives[] = {
    "itself", "themselves", "himself", "herself", "myself", "yourself",
    "ourselves", "yourselves", "everyone", "everything", "someone",
    "something", "anyone", "anything", "nothing", "nobody", NULL
};

/* A plural of a person noun: "users", "officials", "prosecutors". */
static int person_plural(const actx *a, const tok *t)
{
    static const char *const agent[] = {
        "ers", "ors", "ists", "ants", "ents", "ians", "als", NULL
    };
    const char *w = a->s + t->s;
    size_t len = t->e - t->s, k;
    if (np__role_noun(w, len > 0 ? len - 1 : 0))
        return 1;
    for (k = 0; agent[k]; k++) {
        size_t sl = strlen(agent[k]);
        if (len > sl + 1 && !memcmp(w + len - sl, agent[k], sl))
            return 1;
    }
    return 0;
}

/* A plural after a determiner that cannot head the noun phrase: "a pilots
 * licence" (a singular determiner), "the governors aides" (a plural before
 * a plural noun). t is a lower-case plural of a noun. */
/* The plain plural is at least this much more common than "x's" (Zipf x
 * 10, 2.3: two hundred times) for it to read as a modifier after "a",
 * "every": "appeals", "sales", "jobs", "means" but not "chefs",
 * "parents". */
#define MODIFIER_OVER_POSS 23

static int modifier_plural(const actx *a, const tok *t)
{
    const np__apos_entry *e = np__apos_find(a->s + t->s, t->e - t->s);
    return e && e->plain >= e->poss + MODIFIER_OVER_POSS;
}

static int det_plural(const actx *a, const tok *t, const tok *p, const tok *n)
{
    static const char *const sing_det[] = {
        "a", "an", "every", "each", "this", "another", NULL
    };
    static const char *const poss_det[] = {
        "the", "its", NULL
    };
    const char *w = a->s + t->s;
    size_t len = t->e - t->s;
    const tok *n2;
    if (!p || !n || t->cap || p->hyphen_after || t->hyphen_after)
        return 0;
    if (p->cap && !p->start)
        return 0;   /* "Class A shares" */
    if (tin(a, t, plural_modifiers))
        return 0;
    /* "every parents worst fear": a superlative makes it a possessive
     * even of a word that often modifies a noun as it is */
    if (tin(a, t, singular_s) &&
        !(tin(a, p, sing_det) && n && !t->cap && !n->cap &&
          tin(a, n, (const char *const[]){"worst", "best", "biggest",
                                          "greatest", "largest", "own",
                                          NULL}) &&
          !teq(a, t, "means") && !teq(a, t, "news") &&
          !teq(a, t, "series") && !teq(a, t, "species")))
        return 0;
    if (len > 5 && !memcmp(w + len - 4, "ions", 4))
        return 0;   /* "the emissions targets": a plural used as a modifier */
    if (n->cap || !n->ascii || fwc(a, n) || n->digit || n->hyphen_after)
        return 0;
    n2 = next_tok(a, n);
    if (tin(a, p, sing_det)) {
        /* "this helps people", "each costs": a pronoun and a verb */
        if ((teq(a, p, "this") || teq(a, p, "each")) &&
            (lx(a, t) & NP__LEX_VERB3))
            return 0;
        if (is_verbish(a, n) || !lx(a, n))
            return 0;
        if (!np_start(a, n, 1) &&
            !((lx(a, n) & NP__LEX_ADJ) && !(lx(a, n) & NP__LEX_VERB)))
            return 0;
        /* "a savings account", "a sports car": a plural that English writes
         * far more often than its possessive is a modifier as it is */
        if (modifier_plural(a, t))
            return 0;
        /* "a pilots licence", "an astronauts basic training" */
        return !(n2 && (lx(a, n) & NP__LEX_ADJ) && !(lx(a, n) & NP__LEX_NOUN) &&
                 (fwc(a, n2) || n2->cap));
    }
    if (prev_tok(a, p) && tin(a, prev_tok(a, p), two_objects))
        return 0;
    if (tin(a, p, poss_det) && n2 && !n2->cap &&
        tin(a, n, (const char *const[]){"very", "most", "highly", NULL}) &&
        (lx(a, n2) & NP__LEX_ADJ) && !(lx(a, n2) & (NP__LEX_VERB | NP__LEX_NOUN))) {
        /* "the troopers very obvious tells" */
        const tok *n3 = next_tok(a, n2);
        /* after an adjective an -s word is a plural noun ("tells") */
        return n3 && !n3->cap && !fwc(a, n3) &&
               (((lx(a, n3) & (NP__LEX_NOUN | NP__LEX_PLURAL)) && !verb_like(a, n3)) ||
                ((lx(a, n3) & NP__LEX_VERB3) && !(lx(a, n3) & NP__LEX_ED)));
    }
    if (tin(a, p, poss_det)) {
        /* "the governors aides": a plural subject takes no -s verb, so a
         * plural after it is a noun; not a reduced relative clause ("the
         * documents prosecutors obtained") */
        if (!(lx(a, n) & NP__LEX_PLURAL) || (lx(a, n) & NP__LEX_ING) ||
            tin(a, n, plural_modifiers) || tin(a, n, collective_heads))
            return 0;
        if (n2 && !n2->cap && (verb_like(a, n2) ||
                               /* "the tools users need": people before a
                                * verb */
                               ((lx(a, n2) & NP__LEX_VERB) && !fwc(a, n2) &&
                                person_plural(a, n))))
            return 0;
        /* "deep in the bones renews itself", "to the hills serves
         * little purpose": an -s verb before its object */
        if ((lx(a, n) & NP__LEX_VERB3) && n2 &&
            ((fwc(a, n2) & (NP__FW_DET | NP__FW_PRON)) || tin(a, n2, reflexives) ||
             n2->digit || tin(a, n2, quantifiers) ||
             tin(a, n2, (const char *const[]){"little", "much", "no", NULL}) ||
             (lx(a, n2) & NP__LEX_ADJ)))
            return 0;
        return 1;
    }
    return 0;
}

/* "of Vestas surface" (where "Vesta" is in the text): a capitalised word
 * inside a sentence, named like a common noun, after a word that is no
 * determiner and before a singular noun. A team's or a
 * party's plural ("Giants fans", "Titans coach Mike Vrabel", "Democrats
 * control") stays. */
static int cap_common_possessive(const actx *a, const tok *t, const tok *p,
                                 const tok *n, unsigned lb)
{
    const char *w = a->s + t->s;
    size_t len = t->e - t->s;
    const tok *n2;
    if (t->start || t->allcaps || !t->ascii || t->hyphen_after || !p || !n)
        return 0;
    if (p->cap || p->digit || !p->ascii ||
        (fwc(a, p) & (NP__FW_DET | NP__FW_AUX | NP__FW_PRON)) ||
        tin(a, p, quantifiers))
        return 0;
    if (!(lx(a, t) & NP__LEX_PLURAL) || (lx(a, t) & NP__LEX_PROPER_S) ||
        !(lb & NP__LEX_NOUN) || !(lb & NP__LEX_POSS))
        return 0;
    /* the singular must be written as a name elsewhere in the text ("life
     * on Vesta"): a sports team's plural has no singular ("Giants") */
    if (!np__cleaner_has_name(a->c, w, len - 1))
        return 0;
    if (np__demonym(w, len) || np__demonym(w, len - 1) ||
        np__place_name(w, len) || np__org_cue(w, len) ||
        np__given_name(w, len))
        return 0;
    if (n->cap || !n->ascii || n->digit || fwc(a, n) || n->hyphen_after ||
        !lx(a, n) || np__role_noun(a->s + n->s, n->e - n->s))
        return 0;
    if (lx(a, n) & (NP__LEX_PLURAL | NP__LEX_VERB3 | NP__LEX_ED))
        return 0;
    if ((lx(a, n) & NP__LEX_ING) && !(lx(a, n) & NP__LEX_NOUN))
        return 0;
    if (!(lx(a, n) & (NP__LEX_NOUN | NP__LEX_ADJ)) || is_verbish(a, n))
        return 0;
    n2 = next_tok(a, n);
    if (n2 && n2->cap)
        return 0;   /* "Titans coach Mike Vrabel" */
    /* an adjective must lead to a noun */
    if (!(lx(a, n) & NP__LEX_NOUN) &&
        !(n2 && !fwc(a, n2) && (lx(a, n2) & (NP__LEX_NOUN | NP__LEX_PLURAL))))
        return 0;
    return 1;
}

/* Words the lexicon knows as nouns that are mostly prepositions or
 * adverbs after a noun ("reporters outside court", "workers today"). */
static const char *const not_heads[] = {
    "outside", "inside", "ahead", "behind", "near", "beyond", "alongside",
    "despite", "amid", "including", "except", "regarding", "concerning",
    "following", "besides", "together", "instead", "today", "tonight",
    "yesterday", "tomorrow", "home", "abroad", "overseas", "online",
    "downtown", "nationwide", "worldwide", "alike", "last", "first",
    "next", "back", "down", "away", "across", "opposite", "plus", "minus",
    "worth", "like", "unlike", NULL
};

/* "to voters concerns", "your tenants unmet requests": a plural of a
 * person noun with no article after a preposition (a singular would need
 * one), or after "your", "their", "our", "my", before a noun: the owners'
 * apostrophe goes after the s. */
static int bare_plural_possessive(const actx *a, const tok *t, const tok *p,
                                  const tok *n)
{
    static const char *const agent[] = {
        "er", "or", "ist", "ant", "ent", "ian", NULL
    };
    static const char *const compound_heads[] = {
        "guide", "license", "licence", "compensation", "market", "markets",
        "union", "unions", "association", "associations", "council", "club",
        "league", "federation", "group", "groups", "movement", "party",
        "rights", "day", "room", "lounge", "menu", "forum", "panel", NULL
    };
    const char *w = a->s + t->s;
    size_t len = t->e - t->s, k;
    const tok *n2;
    unsigned nl;
    int ok = 0;
    if (!p || !n || t->cap || (p->cap && !p->start) || t->hyphen_after ||
        p->hyphen_after)
        return 0;
    if (!((fwc(a, p) & NP__FW_PREP) && !(fwc(a, p) & NP__FW_CONJ)) &&
        !tin(a, p, (const char *const[]){"your", "their", "our", "my",
                                         "down", NULL}))
        return 0;
    if (teq(a, p, "like") || teq(a, p, "per") || teq(a, p, "than"))
        return 0;
    ok = np__role_noun(w, len - 1) || teq(a, t, "humans");
    for (k = 0; agent[k] && !ok; k++) {
        size_t sl = strlen(agent[k]);
        ok = len > sl + 2 && !memcmp(w + len - 1 - sl, agent[k], sl);
    }
    if (!ok || tin(a, t, plural_modifiers))
        return 0;
    if (n->cap || !n->ascii || n->digit || fwc(a, n) || n->hyphen_after ||
        tin(a, n, compound_heads) || tin(a, n, not_heads) || is_verbish(a, n))
        return 0;
    nl = lx(a, n);
    n2 = next_tok(a, n);
    if (nl & (NP__LEX_ED | NP__LEX_ADV))
        return 0;
    if ((nl & NP__LEX_PLURAL) && !(nl & NP__LEX_ING))
        return n2 == NULL || !verb_like(a, n2) || !(fwc(a, p) & NP__FW_PREP) ||
               (fwc(a, n2) & NP__FW_AUX);
    if ((nl & NP__LEX_NOUN) && !(nl & (NP__LEX_VERB | NP__LEX_ING | NP__LEX_ADJ)))
        return 1;
    /* "in historians understanding.": an -ing noun with no object */
    if ((nl & NP__LEX_ING) && (nl & NP__LEX_NOUN) && !(nl & NP__LEX_VERB) &&
        (!n2 || teq(a, n2, "of")))
        return 1;
    /* "your tenants unmet requests": a word the lexicon knows nothing more
     * of, then a noun */
    if (nl == NP__LEX_LOWER && n2 && !n2->cap && !fwc(a, n2) &&
        (lx(a, n2) & (NP__LEX_NOUN | NP__LEX_PLURAL)) && !verb_like(a, n2) &&
        !(fwc(a, p) & NP__FW_PREP))
        return 1;
    /* "Your rivals plan will": a noun that is also a verb, then a
     * modal (a plural subject's verb takes none) */
    if ((nl & NP__LEX_NOUN) && !(nl & (NP__LEX_ING | NP__LEX_ED)) && n2 &&
        tin(a, n2, (const char *const[]){"will", "would", "can", "could",
                                         "should", "may", "might", "must",
                                         "is", "was", "has", NULL}))
        return 1;
    /* "your tenants unmet requests": an adjective, then a noun */
    if ((nl & NP__LEX_ADJ) && !(nl & (NP__LEX_NOUN | NP__LEX_VERB)) && n2 &&
        !n2->cap && !fwc(a, n2) &&
        (lx(a, n2) & (NP__LEX_NOUN | NP__LEX_PLURAL)) && !verb_like(a, n2))
        return 1;
    return 0;
}

/* What a possessive step returns when it decides nothing and the next
 * step is asked (a decision is a place, >= 0, or -1). */
#define POSS_ON (-2)

/* The word after an -s word, looking past an opening quote inside a
 * noun phrase. */
static const tok *poss_quoted_next(const actx *a, const tok *t, const tok *n)
{
    if (!n && (size_t)(t - a->t) + 1 < a->n && a->t[t - a->t + 1].quote_before &&
        a->s[t->e] == ' ' &&
        (!memcmp(a->s + t->e + 1, "\xE2\x80\x9C", 3) ||
         a->s[t->e + 1] == '"') &&
        a->t[t - a->t + 1].s == t->e + (a->s[t->e + 1] == '"' ? 2u : 4u) &&
        !a->t[t - a->t + 1].cap)
        return &a->t[t - a->t + 1];
    return n;
}

/* Words that cannot be possessives, and fixed words and phrases that
 * always are: an initialism with "&", reciprocal and indefinite pronouns,
 * "people", an office held by someone. */
static long poss_fixed_words(const actx *a, const tok *t, const tok *p,
                             const tok *n, const char *w, size_t len,
                             size_t bl)
{
    /* "PG&Es principal": an initialism with "&" */
    if (len == 2 && w[0] >= 'A' && w[0] <= 'Z' && w[1] == 's' && t->s >= 2 &&
        a->s[t->s - 1] == '&' && a->s[t->s - 2] >= 'A' && a->s[t->s - 2] <= 'Z' &&
        n && !n->cap && !n->digit && !fwc(a, n) && lx(a, n) &&
        np_start(a, n, 1) && !(lx(a, n) & (NP__LEX_VERB3 | NP__LEX_ING)))
        return DECIDE(1, "initialism with &");
    if (len < 3 || w[len - 1] != 's' || t->digit || t->apos)
        return -1;
    if (w[len - 2] == 's' || w[len - 2] == 'S')
        return -1;   /* "Press", "business" */
    if (fwc(a, t))
        return -1;
    /* "each others homes", "one anothers" */
    if (p && ((teq(a, p, "each") && teq(a, t, "others")) ||
              (teq(a, p, "one") && teq(a, t, "anothers"))) &&
        n && !fwc(a, n) && np_start(a, n, 0))
        return DECIDE((long)bl, "each other's");
    /* "anyone elses", "someone elses", "everyones": never words */
    if (tin(a, t, (const char *const[]){"elses", "everyones", "everybodys",
                                        "someones", "somebodys", "anyones",
                                        "anybodys", "nobodys", NULL}))
        return DECIDE((long)bl, "someone else's");
    /* "no ones coming to", "shape peoples habits": "ones" after "no",
     * and "peoples" (not after an adjective: "indigenous peoples") before a
     * noun */
    if (teq(a, t, "ones") && !t->cap && p && teq(a, p, "no") && n &&
        !n->cap && !tin(a, n, (const char *const[]){"of", "and", "or", "who",
                                                    "that", "which", NULL}))
        return DECIDE((long)bl, "no one's");
    if (teq(a, t, "peoples") && !t->cap && n && !n->cap && n->ascii &&
        !fwc(a, n) && !n->hyphen_after && lx(a, n) &&
        (lx(a, n) & (NP__LEX_NOUN | NP__LEX_PLURAL | NP__LEX_ADJ)) &&
        !is_verbish(a, n) && !tin(a, n, not_heads) &&
        (!p || fwc(a, p) ||
         ((lx(a, p) & (NP__LEX_VERB | NP__LEX_VERB3 | NP__LEX_ED)) &&
          !(lx(a, p) & NP__LEX_ADJ))))
        return DECIDE((long)bl, "people's before a noun");
    /* "the sheriffs office", "the Public Defenders Office": an office is a
     * person's (not "the admissions office") */
    if (n && tin(a, n, (const char *const[]){"office", "offices", NULL}) &&
        t->ascii && agent_or_name(a, t, w, bl))
        return DECIDE((long)bl, "a person's office");
    return POSS_ON;
}

/* Initialisms in capitals before a name or a noun; other mixed-case
 * words are no possessives. */
static long poss_initialism(const actx *a, const tok *t, const tok *p,
                            const tok *n, const char *w, size_t bl)
{
    size_t k, up = 0;
    for (k = 0; k < bl; k++)
        up += w[k] >= 'A' && w[k] <= 'Z';
    if (up == bl && bl >= 2) {
        /* "NASAs mission", "NASAs Juno probe", "NASAs plans";
         * not "CEOs said", "SUVs and trucks" */
        if (!n || fwc(a, n) || n->digit || n->allcaps)
            return -1;
        if (p && (p->digit || tin(a, p, quantifiers)))
            return -1;   /* "several NGOs" */
        if (!n->cap && !lx(a, n))
            return -1;
        if (n->cap && !n->start)
            return DECIDE((long)bl, "initialism before a name");
        if (is_verbish(a, n) || (lx(a, n) & NP__LEX_ING) ||
            ((lx(a, n) & NP__LEX_VERB) && !(lx(a, n) & (NP__LEX_NOUN | NP__LEX_ADJ))) ||
            (!lx(a, n) && !n->ascii))
            return -1;
        return DECIDE((long)bl, "initialism before a noun");
    }
    if (up > 1 && !(w[0] >= 'A' && w[0] <= 'Z'))
        return -1;
    return POSS_ON;
}

/* A spelling the lexicon does not know whose stem it does: a singular
 * noun or a name missing its apostrophe, unless it is a surname or a
 * family named in the plural.  POSS_ON: treat it as an unknown name. */
static long poss_stem_in_lexicon(const actx *a, const tok *t, const tok *p,
                                 const tok *n, const char *w, size_t bl,
                                 unsigned lb)
{
    if (!(lb & (NP__LEX_POSS | NP__LEX_CAP)) && t->cap)
        return POSS_ON;   /* "Stadias": no plural of "stadia" */
    if (!(lb & (NP__LEX_POSS | NP__LEX_CAP)))
        return -1;
    if ((lb & NP__LEX_CAP) && !(lb & NP__LEX_LOWER) && !t->cap)
        return -1;
    /* a given name plus s may be a surname ("Caldwell Edmunds",
     * "said Edmunds plans"): not after another name, and before an
     * -s word only after a preposition */
    if (t->cap && np__given_name(w, bl) &&
        ((p && p->cap && !p->start && !is_title(a, p) &&
          !np__given_name(a->s + p->s, p->e - p->s) &&
          !(p->e + 1 == t->s && np__place_name(a->s + p->s, t->e - 1 - p->s))) ||
         (n && (lx(a, n) & NP__LEX_VERB3) &&
          !(p && (fwc(a, p) & NP__FW_PREP) && !(fwc(a, p) & NP__FW_CONJ)))))
        return -1;
    if (!np_start(a, n, 0) &&
        !(n && (lx(a, n) & NP__LEX_ADV) && next_tok(a, n) &&
          (lx(a, next_tok(a, n)) & (NP__LEX_ADJ | NP__LEX_ED))) &&
        /* "her familys wishes": after a determiner a word that is
         * no plural is a possessive, so an -s word after it is a
         * noun, whatever else it can be */
        !(p && (fwc(a, p) & NP__FW_DET) && !t->cap && n && !n->cap &&
          !fwc(a, n) && (lx(a, n) & NP__LEX_VERB3) &&
          !(next_tok(a, n) && is_verbish(a, next_tok(a, n)))))
        return -1;
    /* "the Clintons" are a family; "the Agencys" can only be the
     * agency's */
    if (p && t->cap && (teq(a, p, "the") || p->digit) &&
        !(lb & NP__LEX_LOWER) &&
        (!np_start(a, n, 1) ||
         /* "the Clintons own a house" */
         (teq(a, n, "own") && next_tok(a, n) &&
          (fwc(a, next_tok(a, n)) & (NP__FW_DET | NP__FW_PRON)))))
        return -1;
    return DECIDE((long)bl, "stem in the lexicon, spelling not a word");
}

/* A word the lexicon does not know, nor its stem as a possessive: a
 * capitalised name not known elsewhere, a possessive before a noun. */
static long poss_unknown_name(const actx *a, const tok *t, const tok *p,
                              const tok *n, const char *w, size_t len,
                              size_t bl)
{
    /* an unknown capitalised name: Epsteins lawyer */
    if (!t->cap || t->allcaps)
        return -1;
    if (len > 4 && !memcmp(w + len - 3, "ers", 3))
        return -1;   /* a team or a group: "Lakers", "Steelers" */
    if (np__cleaner_has_name(a->c, w, bl) && np_start(a, n, 0))
        return DECIDE((long)bl, "name written elsewhere in the text");
    /* not before a verb, nor before a plural that could be one
     * ("Siemens shares fell") */
    if (!np_start(a, n, 1) || !n || n->cap || fwc(a, n) ||
        (lx(a, n) & (NP__LEX_ING | NP__LEX_VERB3)))
        return -1;
    /* a vowel before the s: "Sentras" is a possessive, but "Tsipras"
     * after "Alexis", or opening a sentence, is a name of its own */
    if (native_s_ending(a, t) && !camel_case(w, len) &&
        !(a->s[t->e - 2] != 'e' && a->s[t->e - 2] != 's' && !t->start &&
          !(p && np__given_name(a->s + p->s, p->e - p->s)) &&
          (lx(a, n) & (NP__LEX_NOUN | NP__LEX_ADJ)) &&
          !(lx(a, n) & NP__LEX_PLURAL)))
        return -1;
    /* "a Norvecs permit": an article before a name that is no
     * possessive of a person; "the" names a family or a team */
    if (p && (teq(a, p, "the") || teq(a, p, "a") || teq(a, p, "an") ||
              p->digit))
        return -1;
    if (!(lx(a, n) & (NP__LEX_NOUN | NP__LEX_ADJ | NP__LEX_PLURAL)))
        return -1;
    return DECIDE((long)bl, "unknown name before a noun");
}

/* A capitalised word of the lexicon closing a name (a person, an
 * institution, a place of two words) before a noun phrase. */
static long poss_cap_name_phrase(const actx *a, const tok *t, const tok *p,
                                 const tok *n, const char *w, size_t len,
                                 size_t bl, unsigned lb)
{
    /* "Trumps decision", "Mr. Dunbars approach": a proper noun whose
     * plural is no name, before a noun phrase */
    if (!(lx(a, t) & NP__LEX_CAP) && (lb & NP__LEX_CAP) && n &&
        !fwc(a, n) &&
        ((n->cap && !n->start && !n->allcaps && !t->start &&
          n->space_after && !np__given_name(a->s + n->s, n->e - n->s)) ||
         /* "Mr. Dunbars Feb. 3 letter" */
         (n->cap && !t->start && (is_month(a, n) || tin(a, n, weekdays))) ||
         (!n->cap && np_start(a, n, 1) && lx(a, n))) &&
        !(p && (fwc(a, p) & NP__FW_DET) && !teq(a, p, "that")) &&
        !(p && p->cap && !(p->start && fwc(a, p)) && !is_title(a, p) &&
          !np__given_name(a->s + p->s, p->e - p->s) &&
          /* a proper noun of the lexicon that names no place:
           * "George Dunbars announcement" */
          !(p->ascii && !p->allcaps && (lx(a, p) & NP__LEX_CAP) &&
            !(lx(a, p) & (NP__LEX_LOWER | NP__LEX_PLURAL)) &&
            !np__place_name(a->s + p->s, p->e - p->s) &&
            !np__org_cue(a->s + p->s, p->e - p->s) &&
            !np__demonym(a->s + p->s, p->e - p->s))) &&
        !(t->start && (lx(a, n) & NP__LEX_VERB3)))
        return DECIDE((long)bl, "proper noun before a noun phrase");
    /* "the High Courts verdict", "the Treasury Departments auditor":
     * the last word of an institution's name, in the plural, closing a
     * name before a noun phrase; not a name that is plural itself
     * ("Armed Forces", "United Nations", "Public Schools") */
    if (p && p->cap && !p->allcaps && !t->start && !t->allcaps &&
        !t->hyphen_after && n && !n->cap && n->ascii && !fwc(a, n) &&
        !n->digit && lx(a, n) && np_start(a, n, 1) &&
        !(lx(a, n) & NP__LEX_VERB3) &&
        (!(lx(a, n) & NP__LEX_ING) || (lx(a, n) & NP__LEX_NOUN)) &&
        np__org_cue(w, bl) && !np__org_cue(w, len) &&
        !np__place_name(w, len))
        return DECIDE((long)bl, "last word of an institution");
    /* "New Mexicos long drought", "South Dakotas Department of Health",
     * "South Dakotas got a problem": a place of two words */
    if (p && p->cap && !p->allcaps && !t->start && n && n->ascii &&
        !n->digit &&
        ((!n->cap && !fwc(a, n) && lx(a, n) && np_start(a, n, 1) &&
          !(lx(a, n) & (NP__LEX_VERB3 | NP__LEX_ING | NP__LEX_PLURAL))) ||
         (n->cap && !n->allcaps && np__org_cue(a->s + n->s, n->e - n->s)) ||
         teq(a, n, "got")) &&
        p->e + 1 == t->s && bl + (p->e - p->s) + 1 < 32) {
        char key[32];
        size_t pl = p->e - p->s;
        memcpy(key, a->s + p->s, pl);
        key[pl] = ' ';
        memcpy(key + pl + 1, w, bl);
        if (np__place_name(key, pl + 1 + bl) &&
            !np__place_name(a->s + p->s, pl + 1 + len))
            return DECIDE((long)bl, "place of two words");
    }
    return POSS_ON;
}

/* A capitalised word of the lexicon that is the plural of a name, a name
 * ending in s, a common noun or a title; -1 for any other capitalised
 * word inside a sentence. */
static long poss_cap_plural_title(const actx *a, const tok *t, const tok *p,
                                  const tok *n, const char *w, size_t len,
                                  size_t bl, unsigned lb)
{
    /* "West Virginias budget", "Hitlers rule": the plural of a name
     * (not of a people: "Americans") before a noun phrase */
    if ((lx(a, t) & NP__LEX_CAP) && (lx(a, t) & NP__LEX_PLURAL) &&
        (lb & NP__LEX_CAP) && !(lb & NP__LEX_LOWER) && !t->start &&
        !(lx(a, t) & NP__LEX_PROPER_S) && n && !n->cap && !fwc(a, n) &&
        n->ascii && (np_start(a, n, 1) || !lx(a, n)) &&
        !(lx(a, n) & NP__LEX_ING) &&
        !(p && (fwc(a, p) & NP__FW_DET) && !teq(a, p, "that")) &&
        !(bl > 2 && w[bl - 1] == 'n' && (w[bl - 2] == 'a' || w[bl - 2] == 'e')) &&
        !(w[bl - 1] == 'i'))
        return DECIDE((long)bl, "plural of a name before a noun");
    /* "Frances efforts" (where "France" is in the text) */
    if ((lx(a, t) & NP__LEX_PROPER_S) && (lb & NP__LEX_CAP) && n && !n->cap &&
        !(p && (fwc(a, p) & NP__FW_DET)) &&
        !(p && p->cap) &&   /* "LeBron James efforts": a surname */
        (lx(a, n) & NP__LEX_PLURAL) && !(lx(a, n) & NP__LEX_VERB3) &&
        !fwc(a, n) &&
        /* the stem seen in the text, or a well-known place whose name
         * less the s is none: "Frances efforts" is France's, but
         * "James efforts" is never Jame's */
        (np__cleaner_has_name(a->c, w, bl) ||
         ((lb & NP__LEX_POSS) && np__place_name(w, bl) &&
          !np__place_name(w, len))))
        return DECIDE((long)bl, "name ending in s, stem a place");
    /* "in Charles hands", "for Thomas efforts": a given name that ends in
     * s takes the apostrophe after its s, after a preposition and
     * before a plural noun */
    if ((lx(a, t) & NP__LEX_PROPER_S) && !(lx(a, t) & NP__LEX_LOWER) &&
        !t->allcaps && np__given_name(w, len) && !np__place_name(w, len) &&
        p && (fwc(a, p) & NP__FW_PREP) && !(fwc(a, p) & NP__FW_CONJ) &&
        n && !n->cap && n->ascii && !n->hyphen_after && !fwc(a, n) &&
        (lx(a, n) & NP__LEX_PLURAL) && !(lx(a, n) & NP__LEX_ING) &&
        !tin(a, n, plural_modifiers))
        return DECIDE((long)len, "given name in s: s' before a plural");
    if (cap_common_possessive(a, t, p, n, lb))
        return DECIDE((long)bl, "capitalised common noun named in the text");
    /* "Amazons gone quiet lately": a name's "has" before a
     * participle that is nothing else */
    if (!(lx(a, t) & NP__LEX_CAP) && (lb & NP__LEX_CAP) && !t->allcaps &&
        n && !n->cap && tin(a, n, (const char *const[]){"gone", "been",
                                                       "got", NULL}) &&
        !(p && (fwc(a, p) & NP__FW_DET)) && !np__demonym(w, len))
        return DECIDE((long)bl, "name's has before gone, been");
    /* "the Presidents schedule", "this Presidents legacy": a title
     * written with a capital */
    if (p && !t->start && !t->allcaps && tin(a, p, (const char *const[]){
            "the", "this", NULL}) && n && !n->cap && n->ascii &&
        !fwc(a, n) && !n->hyphen_after && (lx(a, n) & NP__LEX_NOUN) &&
        !(lx(a, n) & (NP__LEX_VERB3 | NP__LEX_ED | NP__LEX_ING)) &&
        !tin(a, n, not_heads) && bl > 3 && np__title_word(w, bl))
        return DECIDE((long)bl, "capitalised title after the");
    if (!t->start)
        return -1;
    return POSS_ON;
}

/* Nouns that are possessives whatever comes next: relatives one has one
 * of, irregular plurals, plurals after a preposition or a determiner that
 * cannot head them; -1 for a word that is no plural noun. */
static long poss_kin_and_irregular(const actx *a, const tok *t, const tok *p,
                                   const tok *n, const char *w, size_t len,
                                   size_t bl, unsigned lb)
{
    /* "his fathers farm": one has one father, so after a possessive this
     * is no plural */
    if (p && tin(a, p, (const char *const[]){"his", "her", "their", "my",
                                            "our", "your", NULL}) &&
        n && !fwc(a, n) && !n->cap && np_start(a, n, 1) &&
        tin(a, t, (const char *const[]){"mothers", "fathers", "husbands",
                                        "grandmothers", "grandfathers",
                                        "stepfathers", "stepmothers", NULL}))
        return DECIDE((long)bl, "one-of-a-kind relative after his, her");
    /* "the mans coat", "in mans hands": nouns whose plural is not made
     * with -s, after a determiner or a preposition */
    if (p && ((fwc(a, p) & NP__FW_DET) ||
              ((fwc(a, p) & NP__FW_PREP) && !(fwc(a, p) & NP__FW_CONJ) &&
               !teq(a, p, "to"))) &&
        !teq(a, p, "that") && n && !fwc(a, n) &&
        !n->cap && np_start(a, n, 1) &&
        tin(a, t, (const char *const[]){"mans", "womans", "childs", "gooses",
                                        "mouses", "foots", "tooths", NULL}))
        return DECIDE((long)bl, "irregular plural (mans)");
    /* "of ones own", "to ones family", "keeping ones self": the plural
     * "ones" needs a determiner or a modifier ("the ones", "young ones"),
     * so a bare "ones" after a preposition or a verb before a noun phrase
     * is "one's" */
    if (teq(a, t, "ones") && p && !p->cap && n && !n->cap &&
        (teq(a, n, "own") || np_start(a, n, 1)) &&
        (((fwc(a, p) & NP__FW_PREP) && !(fwc(a, p) & NP__FW_CONJ)) ||
         (!fwc(a, p) && (lx(a, p) & (NP__LEX_VERB | NP__LEX_VERB3 |
                                      NP__LEX_ING | NP__LEX_ED)) &&
          !(lx(a, p) & (NP__LEX_ADJ | NP__LEX_NOUN)))))
        return DECIDE((long)bl, "bare ones after a preposition or a verb");
    if (!(lx(a, t) & NP__LEX_PLURAL) || !(lb & NP__LEX_NOUN))
        return -1;
    if (bare_plural_possessive(a, t, p, n))
        return DECIDE((long)len, "bare plural of people after a preposition");
    /* "the novels last chapter", "the councils own staff": a plural
     * after "the" before one of these and a noun that is no verb */
    if (p && teq(a, p, "the") && n && !t->cap && !tin(a, t, plural_modifiers) &&
        tin(a, n, (const char *const[]){"last", "first", "next", "own",
                                        "only", "latest", "newest", NULL})) {
        const tok *n2 = next_tok(a, n);
        if (n2 && !n2->cap && n2->ascii && !fwc(a, n2) && !n2->hyphen_after &&
            (lx(a, n2) & NP__LEX_NOUN) &&
            !(lx(a, n2) & (NP__LEX_VERB | NP__LEX_VERB3 | NP__LEX_ED |
                           NP__LEX_ING)) &&
            !tin(a, n2, not_heads) && !tin(a, n2, time_nouns) &&
            !tin(a, n2, (const char *const[]){"time", "times", "week", "weeks",
                                              "month", "months", "year",
                                              "years", "night", NULL}))
            return DECIDE((long)bl, "the Xs before last, own + noun");
    }
    if (det_plural(a, t, p, n))
        return DECIDE((long)bl, "determiner that cannot head a plural");
    return POSS_ON;
}

/* A plural after a determiner and one modifier, after a singular
 * determiner and a participle, or a time noun after a word that points
 * to a time.  Sets *dp to the determiner before the modifier. */
static long poss_modified_plural(const actx *a, const tok *t, const tok *p,
                                 const tok *n, const char *w, size_t bl,
                                 const tok **dp)
{
    /* "the coastal towns mayor", "the local water boards offices": a
     * modifier between "the" and the plural changes nothing */
    if (p && p->ascii && !p->digit && !fwc(a, p) && !p->hyphen_after &&
        (!p->cap || np__demonym(a->s + p->s, p->e - p->s) ||
         /* "the Morales governments usual practice": a name */
         (!p->start && !p->allcaps && !(lx(a, p) & NP__LEX_LOWER) &&
          !(lx(a, t) & NP__LEX_VERB3) && !np__place_name(a->s + p->s, p->e - p->s) &&
          /* only before an adjective: "the Debian alternatives system"
           * is a compound */
          n && (lx(a, n) & NP__LEX_ADJ) &&
          !(lx(a, n) & (NP__LEX_NOUN | NP__LEX_VERB)))) &&
        !tin(a, p, quantifiers) &&
        !tin(a, p, (const char *const[]){"many", "few", "other", "such",
                                         "same", "various", "numerous",
                                         "certain", "remaining", "top",
                                         "best", "worst", "main", NULL}) &&
        ((lx(a, p) & (NP__LEX_ADJ | NP__LEX_NOUN)) || (p->cap && !lx(a, p))) &&
        !(lx(a, p) & (NP__LEX_PLURAL | NP__LEX_VERB3 | NP__LEX_ED |
                      NP__LEX_ING | NP__LEX_ADV)) &&
        /* after a noun an -s verb is the verb of that noun: "its method
         * takes care of" */
        !((lx(a, p) & NP__LEX_NOUN) && !(lx(a, p) & NP__LEX_ADJ) &&
          (lx(a, t) & NP__LEX_VERB3)) &&
        prev_tok(a, p) &&
        tin(a, prev_tok(a, p), (const char *const[]){"the", "his", "its", NULL})) {
        *dp = prev_tok(a, p);
        if (det_plural(a, t, *dp, n))
            return DECIDE((long)bl, "determiner, modifier, plural");
    }
    /* "every working mothers daily struggle": a participle or an
     * adjective after a singular determiner */
    if (p && !p->cap && p->ascii && !fwc(a, p) && !p->hyphen_after &&
        (lx(a, p) & (NP__LEX_ADJ | NP__LEX_ING)) &&
        !(lx(a, p) & (NP__LEX_PLURAL | NP__LEX_NOUN)) &&
        !tin(a, p, quantifiers) && prev_tok(a, p) &&
        tin(a, prev_tok(a, p), (const char *const[]){"a", "an", "every",
                                                     "each", NULL}) &&
        det_plural(a, t, prev_tok(a, p), n))
        return DECIDE((long)bl, "a, participle, plural");
    /* "last weeks meeting" */
    if (p && (tin(a, p, (const char *const[]){"this", "last", "next", "that",
                                             "each", "every", "past",
                                             "previous", "yesterday",
                                             "today", NULL}) ||
              (p->cap && tin(a, p, weekdays))) &&
        !t->cap) {
        char stem[16];
        size_t k;
        if (bl < sizeof(stem)) {
            for (k = 0; k < bl; k++)
                stem[k] = (char)(w[k] | 0x20);
            stem[bl] = '\0';
            for (k = 0; time_nouns[k]; k++)
                if (!strcmp(stem, time_nouns[k]) && n && !fwc(a, n) &&
                    (np_start(a, n, 1) || (n->cap && !n->start) ||
                     /* "last months shakeup": a word the lexicon does not
                      * know is no verb */
                     (!n->cap && n->ascii && !n->digit && !lx(a, n) &&
                      !n->hyphen_after)))
                    return DECIDE((long)bl, "last weeks + noun");
        }
    }
    return POSS_ON;
}

/* A plural after "the", "his", "its" before a noun or an adjective that
 * opens a noun phrase rather than a clause. */
static long poss_the_plural_before_noun(const actx *a, const tok *t,
                                        const tok *p, const tok *n,
                                        const tok *dp, size_t bl, unsigned lb)
{
    /* "the senators refusal", "the towns old bridge": after "the", a
     * plural noun is not followed by a noun or an adjective */
    if (dp && tin(a, dp, (const char *const[]){"the", "his", "its", NULL}) &&
        n && !n->cap && !fwc(a, n) && !n->digit &&
        !t->cap && !teq(a, t, "ones") && !tin(a, n, not_heads) &&
        contraction(a, n) < 0 &&   /* "the bakers cant" */
        !(prev_tok(a, dp) && tin(a, prev_tok(a, dp), two_objects)) &&
        /* with a modifier before the plural, only an adjective after it:
         * "the public works department" is a compound */
        (dp == p ||
         tin(a, p, (const char *const[]){"last", "first", "next", "previous",
                                         "latest", "former", NULL}) ||
         ((lx(a, n) & NP__LEX_ADJ) &&
          !(lx(a, n) & (NP__LEX_NOUN | NP__LEX_VERB)))) &&
        /* a stem that is also an adjective ("the greens") only before an
         * adjective or a noun that is no verb: "the patients recovery" */
        (!(lb & NP__LEX_ADJ) ||
         ((lb & NP__LEX_POSS) && lx(a, n) &&
          !(lx(a, n) & (NP__LEX_VERB | NP__LEX_VERB3 | NP__LEX_ED | NP__LEX_ING |
                        NP__LEX_ADV)))) &&
        !tin(a, t, plural_modifiers) && !tin(a, n, collective_heads) &&
        !is_verbish(a, n) && !n->hyphen_after && n->ascii &&
        !tin(a, n, (const char *const[]){"own", "like", "down", "off", "out",
                                         "first", "last", "next", "less",
                                         "one", "two", "three", "four",
                                         "five", "six", "seven", "eight",
                                         "nine", "ten", "hundred",
                                         "thousand", "million", "billion",
                                         "according", NULL})) {
        unsigned nl = lx(a, n);
        const tok *n2 = next_tok(a, n);
        /* irregular plurals are plurals: "the extractors people use" */
        if (tin(a, n, (const char *const[]){"people", "men", "women",
                                            "children", "police", NULL}))
            nl |= NP__LEX_PLURAL;
        /* a noun that edited English writes far more often after a
         * possessive than after a plain -s word is that possessive's
         * noun, even when it can be a verb or an adjective ("the clubs
         * name", not "the bells ring": the Brown corpus) */
        if ((nl & NP__LEX_NOUN) &&
            !(nl & (NP__LEX_ED | NP__LEX_ING | NP__LEX_PLURAL)) &&
            next_weight(a, n) >= CTX_NOUN)
            return DECIDE((long)bl, "the Xs before a noun that follows possessives (Brown)");
        if ((nl & (NP__LEX_NOUN | NP__LEX_ADJ)) &&
            !(nl & (NP__LEX_ED | NP__LEX_ING | NP__LEX_PLURAL)) &&
            /* an adjective that is also a verb only before a noun that is
             * no verb: "the farms total output" */
            !((nl & NP__LEX_ADJ) && (nl & (NP__LEX_VERB | NP__LEX_VERB3)) &&
              !(n2 && !n2->cap && !fwc(a, n2) && (lx(a, n2) & NP__LEX_NOUN) &&
                !(lx(a, n2) & (NP__LEX_VERB | NP__LEX_VERB3 | NP__LEX_ED |
                               NP__LEX_ING | NP__LEX_PLURAL)))) &&
            /* an adjective must lead to a noun: not "were the results
             * real?"; a name may be that noun ("the states new ILEARN
             * exam") */
            !((nl & NP__LEX_ADJ) &&
              !(n2 && !n2->start && !fwc(a, n2) &&
                (n2->cap || !lx(a, n2) ||
                 (lx(a, n2) & (NP__LEX_NOUN | NP__LEX_PLURAL | NP__LEX_ADJ))))) &&
            /* a noun that is also a verb: "the bells ring", "the
             * petals drift away" are clauses; "of" or a noun after
             * it makes it a noun */
            (!(nl & (NP__LEX_VERB | NP__LEX_VERB3)) || teq(a, n2, "of") ||
             (n2 && !fwc(a, n2) && !n2->cap &&
              (lx(a, n2) & (NP__LEX_NOUN | NP__LEX_PLURAL)) &&
              !is_verbish(a, n2) && !(lx(a, n2) & NP__LEX_VERB3))) &&
            /* a plural English writes two hundred times as often as its
             * possessive is a modifier or a subject here as after "a":
             * "the plastics industry", "the patents committee", "the
             * components aside" (not "the towns old bridge") */
            !modifier_plural(a, t))
            return DECIDE((long)bl, "the Xs before a noun or adjective");
    }
    return POSS_ON;
}

/* A plural after "the", "that" or "this" before an institution's name,
 * a side, or an adjective and a noun. */
static long poss_plural_before_name_side(const actx *a, const tok *t,
                                         const tok *p, const tok *n,
                                         size_t bl)
{
    /* "the states Department of Health": a plural before the last word of
     * an organisation's name */
    if (p && teq(a, p, "the") && !t->cap && n && n->cap && !n->allcaps &&
        !n->start && np__org_cue(a->s + n->s, n->e - n->s) &&
        !tin(a, t, plural_modifiers) && next_tok(a, n) &&
        teq(a, next_tok(a, n), "of"))
        return DECIDE((long)bl, "the Xs before an institution of");
    /* "the ball rolled to the keepers left.": a side of someone */
    if (p && teq(a, p, "the") && n && !t->cap && !n->cap &&
        (teq(a, n, "right") || teq(a, n, "left")) && !next_tok(a, n) &&
        (a->s[n->e] == '.' || a->s[n->e] == ',') && prev_tok(a, p) &&
        tin(a, prev_tok(a, p), (const char *const[]){"to", "on", "at", "from",
                                                     NULL}))
        return DECIDE((long)bl, "the Xs right, left");
    return POSS_ON;
}

/* A plural after a determiner before a number joined to a noun, a word
 * the lexicon does not know and a noun, or a superlative. */
static long poss_plural_before_rare_heads(const actx *a, const tok *t,
                                          const tok *p, const tok *n,
                                          const tok *dp, size_t bl)
{
    /* "the firms 10-year lease": a number joined to a noun by a
     * hyphen; not after a verb that takes two objects ("gave the workers
     * 10-day notices") */
    if (p && teq(a, p, "the") && n && n->digit && n->hyphen_after && !t->cap &&
        !tin(a, t, plural_modifiers) && !tin(a, t, time_nouns) &&
        !tin(a, t, (const char *const[]){"years", "ages", "pages", "numbers",
                                         "rooms", "sizes", "grades",
                                         "levels", "points", "scores",
                                         "results", "odds", NULL})) {
        const tok *pp = prev_tok(a, p);
        if (!(pp && tin(a, pp, two_objects)))
            return DECIDE((long)bl, "the Xs before number-noun");
    }
    /* "the towns vape problem": a word the lexicon does not know, then a
     * noun that is no verb */
    if (dp && tin(a, dp, (const char *const[]){"the", "his", "its", NULL}) &&
        n && !t->cap && !n->cap && n->ascii && !n->digit && !lx(a, n) &&
        !n->hyphen_after && !tin(a, t, plural_modifiers) && n->e - n->s >= 4) {
        const tok *n2 = next_tok(a, n);
        if (n2 && !n2->cap && !fwc(a, n2) && (lx(a, n2) & NP__LEX_NOUN) &&
            !tin(a, n2, quantifiers) && !tin(a, n2, not_heads) &&
            !(lx(a, n2) & (NP__LEX_VERB | NP__LEX_VERB3 | NP__LEX_ED |
                           NP__LEX_ING)))
            return DECIDE((long)bl, "the Xs before unknown word + noun");
    }
    /* "the worlds tallest", "the worlds two tallest" */
    if (p && (teq(a, p, "the") || teq(a, p, "that") || teq(a, p, "this")) &&
        n && !n->cap && (!fwc(a, n) || teq(a, n, "most"))) {
        const char *nw;
        size_t nl;
        const tok *n2;
        if (tin(a, n, (const char *const[]){"two", "three", "four", "five",
                                            "ten", NULL}) && next_tok(a, n))
            n = next_tok(a, n);
        nw = a->s + n->s;
        nl = n->e - n->s;
        n2 = next_tok(a, n);
        if (((nl > 4 && !memcmp(nw + nl - 3, "est", 3) && (lx(a, n) & NP__LEX_ADJ)) ||
             tin(a, n, (const char *const[]){"biggest", "largest", "worst",
                                             "best", "most", "least", NULL})) &&
            n2 && !n2->cap && !fwc(a, n2) &&
            (np_start(a, n2, 1) || (lx(a, n2) & (NP__LEX_ADJ | NP__LEX_ED))))
            return DECIDE((long)bl, "the Xs before a superlative");
    }
    return -1;
}

/* A word of the lexicon: only strong context makes it a possessive. */
static long poss_known_word(const actx *a, const tok *t, const tok *p,
                            const tok *n, const char *w, size_t len,
                            size_t bl, unsigned lb)
{
    const tok *dp = p;
    long r;
    if (t->cap) {
        if ((r = poss_cap_name_phrase(a, t, p, n, w, len, bl, lb)) != POSS_ON)
            return r;
        if ((r = poss_cap_plural_title(a, t, p, n, w, len, bl, lb)) != POSS_ON)
            return r;
    }
    if ((r = poss_kin_and_irregular(a, t, p, n, w, len, bl, lb)) != POSS_ON)
        return r;
    if ((r = poss_modified_plural(a, t, p, n, w, bl, &dp)) != POSS_ON)
        return r;
    if ((r = poss_the_plural_before_noun(a, t, p, n, dp, bl, lb)) != POSS_ON)
        return r;
    if ((r = poss_plural_before_name_side(a, t, p, n, bl)) != POSS_ON)
        return r;
    return poss_plural_before_rare_heads(a, t, p, n, dp, bl);
}

/* The place of the missing apostrophe of a possessive -s word, or -1:
 * fixed words first, then initialisms, then by what the lexicon knows of
 * the word and of its stem. */
static long possessive(const actx *a, const tok *t)
{
    const char *w = a->s + t->s;
    size_t len = t->e - t->s;
    const tok *n = next_tok(a, t), *p = prev_tok(a, t);
    unsigned lb;
    size_t bl = len - 1;
    long r;
    n = poss_quoted_next(a, t, n);
    if ((r = poss_fixed_words(a, t, p, n, w, len, bl)) != POSS_ON)
        return r;
    if (t->ascii) {
        if ((r = poss_initialism(a, t, p, n, w, bl)) != POSS_ON)
            return r;
        lb = np__english_find(w, bl);
        if (lx(a, t))
            return poss_known_word(a, t, p, n, w, len, bl, lb);
        if (lb && (r = poss_stem_in_lexicon(a, t, p, n, w, bl, lb)) != POSS_ON)
            return r;
    }
    return poss_unknown_name(a, t, p, n, w, len, bl);
}

/* ------------------------------------------------------------ settling */

/* The last step of every possessive: the context rules above say that a
 * word could be a possessive; this step weighs that against what the word
 * is on its own, and writes nothing when the evidence is weak. Two kinds of
 * evidence, both general:
 *
 * - how often English writes "x's" against "xs" and "x" (wordfreq's large
 *   English table, lib/data/apos_evidence.c): "Styles", "Yankees",
 *   "iPhones" are written as they are far more often than "Style's";
 *   "participants" is used more often than "participant", so a possessive
 *   of it is most often the plural's;
 * - the name around the word: a capitalised word inside a longer name or
 *   before another capitalised word is part of that name ("Rolling
 *   Stones", "Tullys Golden Syrup") unless its stem is known as a name of
 *   its own (written in the document, a place, an institution's word, a
 *   proper noun of the lexicon).
 *
 * Returns the place of the apostrophe, or -1 to leave the word alone. */

/* Zipf frequencies times ten (0: unknown): "x's", "xs", "x". */
static int corpus(const actx *a, const tok *t, int *poss, int *plain, int *stem)
{
    const np__apos_entry *e = np__apos_find(a->s + t->s, t->e - t->s);
    if (!e)
        return 0;
    *poss = e->poss;
    *plain = e->plain;
    *stem = e->stem;
    return 1;
}

/* Is w[0..bl) a name of its own, whatever the words around it: an
 * initialism, a proper noun of the lexicon, a place, an institution's
 * word, a given name, a title or role ("Attorney", "Governor"), or a word
 * written on its own elsewhere in the document? */
static int known_stem(const actx *a, const char *w, size_t bl, int in_doc)
{
    unsigned lb = np__english_find(w, bl);
    size_t k, up = 0;
    for (k = 0; k < bl; k++)
        up += w[k] >= 'A' && w[k] <= 'Z';
    if (up == bl || ((lb & NP__LEX_CAP) && !(lb & NP__LEX_LOWER)) ||
        np__place_name(w, bl) || np__org_cue(w, bl) || np__given_name(w, bl) ||
        np__role_noun(w, bl) || (in_doc && np__cleaner_has_name(a->c, w, bl)))
        return 1;
    return np__title_word(w, bl);
}

/* The determiner of the noun phrase that ends with t, looking back over
 * modifiers ("every working mothers", "the recent months"); NULL when there
 * is none. */
static const tok *phrase_det(const actx *a, const tok *t)
{
    const tok *p = prev_tok(a, t);
    int k;
    for (k = 0; p && k < 3; k++, p = prev_tok(a, p)) {
        if (fwc(a, p) & NP__FW_DET || tin(a, p, quantifiers) || p->digit ||
            tin(a, p, (const char *const[]){"every", "each", "another", "last",
                                            "next", "past", NULL}))
            return p;
        if (p->cap || fwc(a, p) || !(lx(a, p) & (NP__LEX_ADJ | NP__LEX_ING |
                                                  NP__LEX_ED | NP__LEX_NOUN)))
            return NULL;
    }
    return NULL;
}

/* The plain word is at least this much more common than "x's" (Zipf x 10)
 * for a capitalised word to keep its spelling; a plural is at least this
 * much more common than its singular for the mark to go after the s. */
#define PLAIN_OVER_POSS 8
#define PLURAL_OVER_SING 3
/* the singular at least this much more common than the plural for the
 * mark to go before the s after "my", "your", "their" */
#define SING_OVER_PLURAL 1

static long settle(const actx *a, const tok *t, long at)
{
    const char *w = a->s + t->s;
    size_t len = t->e - t->s, bl = len - 1;
    const tok *p = prev_tok(a, t), *n = next_tok(a, t), *d;
    int zp = 0, zs = 0, zx = 0, known = corpus(a, t, &zp, &zs, &zx);
    size_t k;
    /* after a possessive determiner, which fits one owner as well as
     * many ("my sons fingers", "your tutors opinion", "their dentists
     * advice"), the mark goes where the more common number puts it: a
     * noun English writes more often in the singular takes 's */
    if (t->ascii && !t->cap && (size_t)at == len &&
        (lx(a, t) & NP__LEX_PLURAL) && known && zx >= zs + SING_OVER_PLURAL &&
        (d = phrase_det(a, t)) != NULL &&
        tin(a, d, (const char *const[]){"my", "your", "his", "her", "our",
                                        "their", NULL}))
        return (long)bl;
    if (!t->ascii || (size_t)at != bl)
        return at;
    /* number agreement: a plural before a word that the Brown corpus
     * reads mostly as a verb and writes more often after plain -s words
     * than after possessives is that verb's subject ("the towers stand",
     * "the hills rise"; not "the teams manager", "the towns water") */
    if (!t->cap && (lx(a, t) & NP__LEX_PLURAL) && next_weight(a, n) < 0 &&
        next_is_verb(a, n))
        return -1;
    /* a common word whose s is its own, neither a plural's nor a verb's,
     * written in lower case or opening a sentence ("Thus", "Gas": not
     * "Thu", "Ga"); inside a sentence a capital makes it a name ("General
     * Burnsides horse") */
    if ((!t->cap || t->start) && (lx(a, t) & NP__LEX_LOWER) &&
        !(lx(a, t) & (NP__LEX_PLURAL | NP__LEX_VERB3)))
        return -1;
    /* a spelling the English lexicon lacks but English writes as it is
     * far more often than with an apostrophe: a word of another language,
     * a brand, a team ("des", "bengals"); not the last part of a
     * compound ("66-year-olds"), which is no word alone */
    if (!lx(a, t) && known && zs >= zp + PLAIN_OVER_POSS &&
        !(t > a->t && t[-1].hyphen_after && t[-1].e + 1 == t->s))
        return -1;
    for (k = 0; k < len && !(w[k] >= 'A' && w[k] <= 'Z'); k++)
        ;
    /* a word with a capital ("Mets", "iPhones") */
    if (k < len && !t->allcaps && !known_stem(a, w, bl, 1)) {
        /* a plural or a name written as it is far more often */
        if (known && zs >= zp + PLAIN_OVER_POSS)
            return -1;
        /* a spelling that is a word of its own ("Stones", "Styles") next
         * to another capitalised word is part of a longer name: inside it
         * (not after a name of its own: "Donald", a title, an initial) or
         * before it */
        if (!lx(a, t))
            return at;
        if (p && p->cap && !p->start && p->e - p->s > 1 &&
            !known_stem(a, a->s + p->s, p->e - p->s, 0))
            return -1;
        /* before another capitalised word */
        if (n && n->cap && !n->start && !is_month(a, n) &&
            !tin(a, n, weekdays))
            return -1;
    }
    /* a plural possessive: after a quantifier or a number, or, after no
     * determiner or one that does not count ("the", "their"), a noun used
     * more often in the plural than in the singular */
    if (!t->cap && (lx(a, t) & NP__LEX_PLURAL) && !tin(a, t, time_nouns)) {
        d = phrase_det(a, t);
        if (d && (tin(a, d, quantifiers) || d->digit))
            return (long)len;
        if (d && tin(a, d, (const char *const[]){"a", "an", "every", "each",
                                                 "this", "that", "another",
                                                 "one", "last", "next", "past",
                                                 NULL}))
            return at;
        if (known && zx && zs >= zx + PLURAL_OVER_SING)
            return (long)len;
    }
    return at;
}

/* A word whose possessive English writes far more often than the word
 * itself ("Mourinhos" is rare, "Mourinho's" is not; "todays"): a
 * possessive before the start of a noun phrase that cannot be a verb. Not
 * a word that can be a verb itself ("trumps"). */
#define POSS_OVER_PLAIN 5

/* A capitalised spelling no lexicon knows whose possessive English
 * writes while the spelling itself it writes not at all, or at least ten
 * times less often ("Navarros", "Santorums", "Englands"): a name's
 * possessive before anything that can start a noun phrase, also a plural
 * that could be a verb ("Santorums views"), a number or a name. Not a
 * family or a team ("the Clintons", "two Fords"). */
#define NAME_POSS_OVER_PLAIN 10

static long attested_name_possessive(const actx *a, const tok *t,
                                     const tok *p, const tok *n)
{
    int zp = 0, zs = 0, zx = 0;
    if (!t->cap || !t->ascii || t->hyphen_after || !n || n->hyphen_after ||
        lx(a, t) || !corpus(a, t, &zp, &zs, &zx) || zp < 10 ||
        (zs && zs + NAME_POSS_OVER_PLAIN > zp))
        return -1;
    if (p && (teq(a, p, "the") || teq(a, p, "a") || teq(a, p, "an") ||
              p->digit || tin(a, p, quantifiers)))
        return -1;
    if (tin(a, n, (const char *const[]){"own", "only", "most", "more", NULL}))
        return DECIDE((long)(t->e - t->s - 1), "name whose possessive is attested, not its plain spelling (wordfreq)");
    if (!np_start(a, n, 0) || fwc(a, n) || is_verbish(a, n) ||
        (!n->cap && (lx(a, n) & (NP__LEX_ING | NP__LEX_ED)) &&
         !(lx(a, n) & NP__LEX_NOUN)))
        return -1;
    return DECIDE((long)(t->e - t->s - 1), "name whose possessive is attested, not its plain spelling (wordfreq)");
}

/* A name before a word that edited English writes at least three times as
 * often after a possessive as after a plain -s word (Brown corpus: "own",
 * "wife", "death", "army", "plans"), or before a noun or adjective the
 * corpus saw too seldom: a possessive when the name is known without its
 * s and the spelling with s is no lower-case word. The stem is known when
 * English writes it at least ten times as often as the spelling with s
 * (wordfreq: "Belgrano" 1.91, "Belgranos" unseen), or when it is a name of
 * its own (a proper noun of the lexicon, a given name, a place). */
#define CTX_FOR 5       /* 10 x log10 of 3 */
#define STEM_OVER_PLAIN 10

static long context_name_possessive(const actx *a, const tok *t,
                                    const tok *p, const tok *n)
{
    const char *w = a->s + t->s;
    size_t bl = t->e - t->s - 1;
    int zp = 0, zs = 0, zx = 0;
    int k;
    if (!t->cap || !t->ascii || t->allcaps || t->hyphen_after || bl < 3 ||
        !n || n->hyphen_after || n->cap || !n->ascii ||
        (lx(a, t) & NP__LEX_LOWER) || w[bl - 1] == 's')
        return -1;
    /* a word the corpus saw too seldom counts when it can only start a
     * noun phrase: a noun or an adjective that is no verb form */
    k = next_weight(a, n);
    if (k < CTX_FOR &&
        !(k == 0 && np_start(a, n, 1) &&
          !fwc(a, n) && (lx(a, n) & (NP__LEX_NOUN | NP__LEX_ADJ)) &&
          !(lx(a, n) & (NP__LEX_VERB | NP__LEX_VERB3 | NP__LEX_ING |
                        NP__LEX_ED))))
        return -1;
    if (p && (teq(a, p, "the") || teq(a, p, "a") || teq(a, p, "an") ||
              p->digit || tin(a, p, quantifiers)))
        return -1;
    if (!(corpus(a, t, &zp, &zs, &zx) && zx >= zs + STEM_OVER_PLAIN) &&
        !(!lx(a, t) && known_stem(a, w, bl, 1)))
        return -1;
    return DECIDE((long)bl, "name before a word that follows possessives (Brown)");
}

static long frequent_possessive(const actx *a, const tok *t)
{
    const tok *n = next_tok(a, t), *p = prev_tok(a, t);
    int zp = 0, zs = 0, zx = 0;
    long r;
    if ((r = attested_name_possessive(a, t, p, n)) >= 0)
        return r;
    if ((r = context_name_possessive(a, t, p, n)) >= 0)
        return r;
    /* the cheap tests first: this runs on every word that ends in s */
    if (!t->ascii || t->allcaps || t->hyphen_after || !n || n->cap ||
        n->digit || !n->ascii || n->hyphen_after ||
        !corpus(a, t, &zp, &zs, &zx) || zp < 10 || zp < zs + POSS_OVER_PLAIN)
        return -1;
    if (fwc(a, t) || (lx(a, t) & NP__LEX_VERB3))
        return -1;
    /* "the Clintons", "two Fords": a family, a team or a plural of a name */
    if (t->cap && p && (teq(a, p, "the") || p->digit || tin(a, p, quantifiers)))
        return -1;
    if (fwc(a, n) || !lx(a, n) || !np_start(a, n, 1) ||
        (lx(a, n) & (NP__LEX_VERB3 | NP__LEX_ING | NP__LEX_ED)))
        return -1;
    return DECIDE((long)(t->e - t->s - 1), "possessive far more frequent (wordfreq)");
}

/* ------------------------------------------------------------ pass */

/* Could t be a word that lost its apostrophe? */
static int candidate(const char *s, const tok *t)
{
    static const char *const words[] = {
        "aint", "arent", "cant", "couldnt", "couldve", "didnt", "doesnt",
        "dont", "hadnt", "hasnt", "havent", "hed", "hell", "id", "ill", "im",
        "isnt", "itd", "itll", "ive", "mightve", "mustnt", "mustve", "neednt",
        "shed", "shell", "shouldnt", "shouldve", "thatd", "thatll", "therell",
        "theyd", "theyll", "theyre", "theyve", "wasnt", "wed", "well", "were",
        "werent", "weve", "whatll", "whod", "wholl", "whove", "wont",
        "wouldnt", "wouldve", "youd", "youll", "youre", "youve", NULL
    };
    size_t n = t->e - t->s, k;
    char last;
    if (t->apos || t->digit || n < 2 || !t->ascii)
        return !t->ascii && t->cap && (s[t->e - 1] == 's');
    last = (char)(s[t->e - 1] | 0x20);
    if (last == 's')
        return 1;
    if (n > 8)
        return 0;
    {
        char key[9];
        size_t lo = 0, hi = sizeof(words) / sizeof(words[0]) - 1;
        for (k = 0; k < n; k++)
            key[k] = (char)(s[t->s + k] | 0x20);
        key[n] = '\0';
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            int c = strcmp(words[mid], key);
            if (c == 0)
                return 1;
            if (c < 0)
                lo = mid + 1;
            else
                hi = mid;
        }
    }
    return 0;
}

static int tokenize(const char *s, size_t n, np__vec *out)
{
    size_t i = 0;
    int start = 1, quote = 0, comma = 0;
    while (i < n) {
        size_t st = i, k = i;
        uint32_t cp = (unsigned char)s[i] < 0x80 ? (uint32_t)(unsigned char)s[k++]
                                                 : np__utf8_next(s, n, &k);
        if (!(np__cp_class(cp) & NP__CP_ALNUM)) {
            if (cp == '!' || cp == '?' || cp == '\n' || cp == ':' || cp == ';')
                start = 1;
            if (cp == '.') {
                /* not after an initial or an abbreviation ("Mr. Trump",
                 * "W. Bush"): the lexicon's [abbrev_cleanup] */
                tok *pt = out->len ? np__vec_at(out, out->len - 1) : NULL;
                int ab = 0;
                if (pt && pt->e == st) {
                    size_t L = pt->e - pt->s;
                    ab = L == 1 || np__abbrev_word(s + pt->s, L);
                }
                if (!ab)
                    start = 1;
            }
            if (cp == 0x201C || cp == 0x2018 || cp == '"' || cp == '\'' ||
                cp == 0xAB)
                quote = 1;
            if (cp == ',')
                comma = 1;
            if (cp != ' ' && cp != '\t' && out->len) {
                tok *pt = np__vec_at(out, out->len - 1);
                /* a spaced hyphen may join words; a spaced "--" is a
                 * dash between clauses */
                if (pt->e == st || cp != '-' ||
                    (k < n && s[k] == '-') || (st > 0 && s[st - 1] == '-'))
                    pt->space_after = 0;
                if (pt->e == st && cp == '-')
                    pt->hyphen_after = 1;
            }
            i = k;
            continue;
        }
        {
            tok *t = np__vec_push(out);
            np__word w;
            if (!t)
                return NP_ENOMEM;
            t->s = st;
            t->start = (unsigned char)start;
            t->quote_before = (unsigned char)quote;
            t->comma_before = (unsigned char)comma;
            start = quote = comma = 0;
            i = np__word_scan(s, n, st, &w);
            t->e = i;
            t->ascii = w.ascii;
            t->digit = w.digit;
            t->apos = w.apos;
            t->cap = w.cap;
            t->allcaps = w.letters >= 2 && w.uppers == w.letters;
            t->space_after = 1;
            /* lexicon look-ups are made later, near candidates only */
        }
    }
    return NP_OK;
}

/* The end of the chunk that starts at `from`: a line, or for a very long
 * line a piece of it ending at a sentence (or at least a word) boundary, so
 * that the token array stays small whatever the input. Every search stays
 * inside a window of twice the chunk size from `from`, so a line of any
 * length costs time linear in its length; a window with no space at all is
 * cut at a character boundary at its end. */
static size_t chunk_end(const char *s, size_t n, size_t from)
{
    const size_t max = (size_t)1 << 18;
    size_t lim = n - from > 2 * max ? from + 2 * max : n;
    const char *nl = memchr(s + from, '\n', lim - from);
    size_t e = nl ? (size_t)(nl - s) + 1 : lim, k;
    if (e - from <= max)
        return e;
    for (k = from + max; k + 1 < e; k++)
        if ((s[k] == '.' || s[k] == '?' || s[k] == '!') && s[k + 1] == ' ')
            return k + 2;
    for (k = from + max; k < e; k++)
        if (s[k] == ' ')
            return k + 1;
    if (nl || e == n)
        return e;
    while (e > from + max && ((unsigned char)s[e] & 0xC0) == 0x80)
        e--;
    return e;
}

int np__pass_apostrophes(np__cleaner *c, np__ttext *t)
{
    np__vec toks;
    actx a;
    size_t i, cs = 0;
    np__tw w;
    int rc = NP_OK, started = 0;
    const char *why = "";
    char ap[4];
    size_t apl;
    if ((c->flags & NP_CLEAN_NO_APOSTROPHES) || !c->english || !t->n)
        return NP_OK;
    if (c->apos == '\'') {
        ap[0] = '\'';
        apl = 1;
    } else {
        memcpy(ap, "\xE2\x80\x99", 3);
        apl = 3;
    }
    np__vec_init(&toks, sizeof(tok));
    a.why = &why;
    while (cs < t->n && rc == NP_OK) {
        size_t ce = chunk_end(t->s, t->n, cs);
        toks.len = 0;
        if ((rc = tokenize(t->s + cs, ce - cs, &toks)) != NP_OK)
            break;
        a.s = t->s + cs;
        a.t = toks.ptr;
        a.n = toks.len;
        a.c = c;
        for (i = 0; i < a.n; i++) {
            const tok *k = &a.t[i];
            long at;
            if (k->apos || k->digit || k->e - k->s < 2 || !candidate(a.s, k))
                continue;
            if (!k->ascii && !k->cap)
                continue;
            at = k->ascii ? contraction(&a, k) : -1;
            if (at < 0) {
                if ((at = possessive(&a, k)) < 0)
                    at = frequent_possessive(&a, k);
                if (at > 0)
                    at = settle(&a, k, at);
            }
            if (at <= 0)
                continue;
#ifdef NP_APOS_TRACE
            fprintf(stderr, "apos %.*s\t%s\n", (int)(k->e - k->s), a.s + k->s, why);
#endif
            if (!started) {
                if ((rc = np__tw_begin(&w, t)) != NP_OK)
                    break;
                started = 1;
            }
            np__tw_edit(&w, cs + k->s + (size_t)at, cs + k->s + (size_t)at,
                        ap, apl, "apostrophe");
        }
        cs = ce;
    }
    np__vec_free(&toks);
    if (started) {
        int r2 = np__tw_end(&w);
        return rc != NP_OK ? rc : r2;
    }
    return rc;
}

/*
 * Named entities: people, organisations and places, every mention, merged
 * under one name per real-world entity.
 *
 * A rule and lexicon recogniser over the shared tokens:
 *   1. Candidate spans are runs of capitalised words within a sentence,
 *      joined by hyphens, initials and name connectors ("of", "von").
 *   2. Each span loses what is not a name (a sentence-initial ordinary word,
 *      demonyms, titles, which become the person's role) and is typed from
 *      the lexicon (countries, cities, states, organisations, given names),
 *      from cue words ("Ministry", "Arena"), and from its context (a role
 *      noun before it, a speech verb after it, "in" before a place).
 *   3. Headlines (title case) and all-capital lines only confirm names that
 *      the running text established, so they add mentions, not guesses.
 *   4. Mentions are grouped: the lexicon's usual name ("US" with "United
 *      States"), surnames and first names with the full name, acronyms with
 *      their expansion, a short organisation name with its full name; a
 *      name listed with names of a sure type takes that type.
 *   5. Text that is not English keeps only names the lexicon knows and
 *      given names with a surname.
 * Every step is linear in the number of tokens (hash tables, bounded spans).
 */
#include <stdlib.h>
#include <string.h>

#include "util/util.h"
#include "doc/context.h"
#include "data/english_words.h"
#include "data/ner_lexicon.h"
#include "data/ner_evidence.h"
#include "nlp/nlp.h"
#include "data/speech.h"

#define MAX_SPAN 12        /* tokens in a candidate span */
#define MAX_KEY 160        /* bytes of a lookup key */

/* ------------------------------------------------------------ lexicons */

/* Lower-cases (ASCII, Latin-1), turns ’ into ', collapses white space.
 * With fold, also drops Latin-1 accents (for grouping). Returns the key's
 * length, or 0 if it does not fit. */
static size_t make_key(const char *s, size_t n, char *out, size_t cap, int fold)
{
    size_t i = 0, o = 0;
    int space = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = o > 0;
            i++;
            continue;
        }
        if (space) {
            if (o + 1 >= cap)
                return 0;
            out[o++] = ' ';
            space = 0;
        }
        if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
            ((unsigned char)s[i + 2] == 0x99 || (unsigned char)s[i + 2] == 0x98)) {
            if (o + 1 >= cap)
                return 0;
            out[o++] = '\'';
            i += 3;
            continue;
        }
        if (c == 0xC3 && i + 1 < n) {
            unsigned char d = (unsigned char)s[i + 1];
            if (d >= 0x80 && d <= 0x9E && d != 0x97)
                d = (unsigned char)(d + 0x20);
            if (fold) {
                static const char map[] = "aaaaaaaceeeeiiii"
                                          "dnooooo/ouuuuyty";
                char a = map[(d - 0xA0) & 0x1F];
                if (d >= 0xA0 && a != '/') {
                    if (o + 1 >= cap)
                        return 0;
                    out[o++] = a;
                    i += 2;
                    continue;
                }
            }
            if (o + 2 >= cap)
                return 0;
            out[o++] = (char)c;
            out[o++] = (char)d;
            i += 2;
            continue;
        }
        if (fold && c == '.') {   /* "U.S." groups with "US" */
            i++;
            continue;
        }
        if (o + 1 >= cap)
            return 0;
        out[o++] = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
        i++;
    }
    out[o] = '\0';
    return o;
}

/* The flags of an entry this stage reads: those of the words only other
 * stages read ("ill" as Illinois, for quotes) are left out. */
static uint32_t own_flags(const np__ner_entry *e)
{
    return e ? e->flags & ~(uint32_t)NP__LX_OTHER_STAGES : 0;
}

static const np__ner_entry *lx_find(const char *s, size_t n)
{
    char k[MAX_KEY];
    size_t kn = make_key(s, n, k, sizeof k, 0);
    const np__ner_entry *e = kn ? np__ner_find(k, kn) : NULL;
    /* an entry only other stages read is none here */
    return own_flags(e) ? e : NULL;
}

/* Letters all in capitals ("US", "U.S.")? */
static int all_caps(const char *s, size_t n)
{
    size_t i;
    int letters = 0;
    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 'a' && c <= 'z')
            return 0;
        if (c >= 'A' && c <= 'Z')
            letters++;
    }
    return letters > 0;
}

/* An entry's flags for this spelling: capital-only names ("US", "WHO",
 * "IN") are names only when written in capitals. */
static uint32_t lx_adjust(const np__ner_entry *e, const char *s, size_t n)
{
    if (!e)
        return 0;
    if ((e->flags & NP__LX_CASED) && !all_caps(s, n))
        return own_flags(e) & ~(uint32_t)(NP__LX_ANYPLACE | NP__LX_ORG | NP__LX_CASED);
    return own_flags(e);
}

/* ------------------------------------------------------------ mentions */

#define T_UNKNOWN (-1)

typedef struct mention {
    size_t start, end;         /* the name in the body (no possessive) */
    size_t role_start, role_end;
    size_t tb, te;             /* token range */
    int type;                  /* NP_ENTITY_* or T_UNKNOWN */
    int weight;                /* how sure the type is */
    int ntok;                  /* words in the name */
    int confirm;               /* from a headline: needs an established key */
    size_t canon_off;          /* usual name from the lexicon (strings), or -1 */
    long ent;
    long alias_of;             /* the name this acronym defines, or -1 */
    int ctx;                   /* typed by its context alone (org_context) */
} mention;

typedef struct ent {
    long first;                /* first mention */
    long best;                 /* mention with the fullest name */
    long votes[3];
    long unknown;
    long ctx;                  /* the votes that context alone gave */
    size_t n;
    size_t role_start, role_end;
    long merged_into;          /* -1, or the entity that absorbed it */
    int type;
} ent;

typedef struct run {
    np__ctx *c;
    const char *body;
    np__token *tok;
    size_t ntok;
    np__vec ms;      /* mention */
    np__vec es;      /* ent */
    np__strtab keys;       /* grouping key -> entity */
    uint8_t *skip;   /* per token: consumed (abbreviation dot) */
    int foreign;     /* not English: only names the lexicon knows */
    uint32_t *wlx;   /* per token: cached word_lx() | CACHED, once set up */
    uint32_t *wen;   /* per token: cached word_en() | CACHED */
    struct lxcache *lxc;  /* lexicon answers by spelling, or NULL */
} run;

/* Lexicon answers for the spellings met in this document: a word comes
 * back many times ("the", "said", a name), and each answer costs a binary
 * search over 127,000 or 15,000 keys. Direct-mapped; a slot holds the
 * spelling (in the body) and the answer. */
#define LXC_SLOTS 1024
typedef struct lxslot {
    const char *s;   /* NULL: empty */
    uint32_t n;
    uint32_t val;    /* np__english_find(), or the lx_find() entry + 1 (0: none) */
} lxslot;
struct lxcache {
    lxslot en[LXC_SLOTS];
    lxslot lx[LXC_SLOTS];
};

static lxslot *lxc_slot(lxslot *tab, const char *s, size_t n)
{
    return &tab[(np__fnv1a(s, n) ^ (uint32_t)n) & (LXC_SLOTS - 1)];
}

static int lxc_hit(const lxslot *e, const char *s, size_t n)
{
    return e->s && e->n == n && memcmp(e->s, s, n) == 0;
}

/* np__english_find(s, n), remembered. */
static unsigned en_flags_r(const run *r, const char *s, size_t n)
{
    lxslot *e;
    unsigned v;
    if (!r->lxc || n == 0 || n > UINT32_MAX)
        return np__english_find(s, n);
    e = lxc_slot(r->lxc->en, s, n);
    if (lxc_hit(e, s, n))
        return e->val;
    v = np__english_find(s, n);
    e->s = s;
    e->n = (uint32_t)n;
    e->val = v;
    return v;
}

/* lx_find(s, n), remembered. */
static const np__ner_entry *lx_find_r(const run *r, const char *s, size_t n)
{
    lxslot *e;
    const np__ner_entry *x;
    if (!r->lxc || n == 0 || n > UINT32_MAX)
        return lx_find(s, n);
    e = lxc_slot(r->lxc->lx, s, n);
    if (lxc_hit(e, s, n))
        return e->val ? &np__ner_entries[e->val - 1] : NULL;
    x = lx_find(s, n);
    e->s = s;
    e->n = (uint32_t)n;
    e->val = x ? (uint32_t)(x - np__ner_entries) + 1 : 0;
    return x;
}

static uint32_t lx_flags_r(const run *r, const char *s, size_t n)
{
    return lx_adjust(lx_find_r(r, s, n), s, n);
}

static const char *tok_s(const run *r, size_t i)
{
    return r->body + r->tok[i].start;
}

static size_t tok_n(const run *r, size_t i)
{
    return r->tok[i].end - r->tok[i].start;
}

static int tok_eq(const run *r, size_t i, const char *s)
{
    size_t n = strlen(s);
    return i < r->ntok && tok_n(r, i) == n && memcmp(tok_s(r, i), s, n) == 0;
}

static int tok_ieq(const run *r, size_t i, const char *s)
{
    size_t n = strlen(s), k;
    const char *t;
    if (i >= r->ntok || tok_n(r, i) != n)
        return 0;
    t = tok_s(r, i);
    for (k = 0; k < n; k++) {
        char a = t[k];
        if (a >= 'A' && a <= 'Z')
            a = (char)(a + 32);
        if (a != s[k])
            return 0;
    }
    return 1;
}

/* Length of the token without a possessive ’s / 's / trailing ’. */
static size_t core_len(const run *r, size_t i)
{
    const char *s = tok_s(r, i);
    size_t n = tok_n(r, i);
    if (r->skip[i] == 3)   /* a lost apostrophe: "Frances efforts" */
        return n - 1;
    if (n > 3 && (s[n - 1] == 's' || s[n - 1] == 'S') && s[n - 2] == '\'')
        return n - 2;
    if (n > 5 && (s[n - 1] == 's' || s[n - 1] == 'S') &&
        memcmp(s + n - 4, "\xE2\x80\x99", 3) == 0)
        return n - 4;
    return n;
}

static int is_poss(const run *r, size_t i)
{
    return core_len(r, i) != tok_n(r, i);
}

static int adjacent(const run *r, size_t i)   /* token i+1 touches token i */
{
    return i + 1 < r->ntok && r->tok[i].end == r->tok[i + 1].start;
}

static int same_sentence(const run *r, size_t i, size_t j)
{
    return j < r->ntok && r->tok[i].sentence == r->tok[j].sentence;
}

static int is_cap(const run *r, size_t i)
{
    uint32_t f = r->tok[i].flags;
    if (r->tok[i].end - r->tok[i].start == 1 && r->body[r->tok[i].start] == 'I')
        return 0;   /* the pronoun (an initial "I." is longer: it has its dot) */
    return (f & NP__TOK_WORD) && (f & (NP__TOK_UPPER | NP__TOK_ALLCAPS)) &&
           !(f & NP__TOK_DIGIT);
}

/* Inner capital after a lower-case letter ("SpaceX", "BamTech"). */
static int camel(const run *r, size_t i)
{
    static const char *const name_prefix[] = { "Mc", "Mac", "Le", "La", "De",
        "Da", "Di", "Du", "Van", "Von", "Fitz", NULL };
    const char *s = tok_s(r, i);
    size_t n = core_len(r, i), k, upper = 0, j;
    if (n > 16)
        return 0;
    for (k = 0; k < n; k++) {
        if (s[k] >= '0' && s[k] <= '9')
            return 0;
        if (s[k] >= 'A' && s[k] <= 'Z')
            upper++;
    }
    if (upper > 3)
        return 0;
    for (k = 1; k + 1 < n; k++)
        if (s[k] >= 'a' && s[k] <= 'z' && s[k + 1] >= 'A' && s[k + 1] <= 'Z') {
            for (j = 0; name_prefix[j]; j++)   /* "McDonald", "LeBron", not "MacBook" */
                if (strlen(name_prefix[j]) == k + 1 &&
                    memcmp(name_prefix[j], s, k + 1) == 0 &&
                    !(en_flags_r(r, s + k + 1, n - k - 1) & NP__LEX_LOWER))
                    return 0;
            return 1;
        }
    return 0;
}

/* The first word-token before i in its sentence, or (size_t)-1. */
static size_t prev_word(const run *r, size_t i)
{
    size_t j = i;
    while (j > 0 && r->tok[j - 1].sentence == r->tok[i].sentence) {
        j--;
        if (r->tok[j].flags & NP__TOK_WORD)
            return j;
    }
    return (size_t)-1;
}

/* Does token i start its sentence (after any quote marks or brackets), or
 * follow a colon or a dash that opens a clause? */
static int sent_initial(const run *r, size_t i)
{
    size_t j = i;
    while (j > 0 && !(r->tok[j].flags & NP__TOK_SENT_START)) {
        const char *p = tok_s(r, j - 1);
        if (r->tok[j - 1].flags & NP__TOK_WORD)
            return 0;
        if (*p == ':' || *p == '(' || (tok_n(r, j - 1) == 3 && memcmp(p, "\xE2\x80\x94", 3) == 0))
            return 1;
        j--;
    }
    return 1;
}

/* Key words that, just after a name, say a person spoke (lib/data/speech.c). */
static int speech_verb(const run *r, size_t i)
{
    if (i >= r->ntok)
        return 0;
    return (np__speech_find(tok_s(r, i), tok_n(r, i), 0) & NP__SPEECH_AFTER_NAME) != 0;
}

static int place_prep(const run *r, size_t i)
{
    static const char *const v[] = { "in", "near", "outside", "across",
                                     "throughout", NULL };
    size_t k;
    for (k = 0; v[k]; k++)
        if (tok_eq(r, i, v[k]))
            return 1;
    return 0;
}

/* -------------------------------------------------------- span parsing */

typedef struct span {
    size_t tb, te;     /* tokens [tb, te) */
} span;

/* The body bytes of tokens [a, b) with the last one's possessive dropped. */
static void span_bytes(const run *r, size_t a, size_t b, size_t *s, size_t *e)
{
    *s = r->tok[a].start;
    *e = r->tok[b - 1].start + core_len(r, b - 1);
    if (r->skip[b - 1] == 2)   /* an abbreviation keeps its dot */
        *e = r->tok[b - 1].end;
}

static uint32_t span_lx(const run *r, size_t a, size_t b,
                        const np__ner_entry **hit)
{
    size_t s, e;
    const np__ner_entry *x;
    span_bytes(r, a, b, &s, &e);
    x = lx_find_r(r, r->body + s, e - s);
    if (x && (x->flags & NP__LX_CASED) && !all_caps(r->body + s, e - s))
        x = NULL;   /* only the name flags matter for a span */
    if (hit)
        *hit = x;
    return own_flags(x);
}

#define CACHED (1u << 31)

/* The lexicon's flags for word i (cached per token once the tokens are
 * final). */
static uint32_t word_lx(const run *r, size_t i)
{
    size_t n;
    uint32_t f;
    if (r->wlx && (r->wlx[i] & CACHED))
        return r->wlx[i] & ~CACHED;
    n = core_len(r, i);
    f = 0;
    if (r->skip[i] == 2)   /* "Minn." -> look up with the dot */
        f = lx_flags_r(r, tok_s(r, i), r->tok[i].end - r->tok[i].start);
    if (!f)
        f = lx_flags_r(r, tok_s(r, i), n);
    if (r->wlx)
        r->wlx[i] = f | CACHED;
    return f;
}

static unsigned word_en(const run *r, size_t i)
{
    unsigned f;
    if (r->wen && (r->wen[i] & CACHED))
        return r->wen[i] & ~CACHED;
    f = en_flags_r(r, tok_s(r, i), core_len(r, i));
    if (r->wen)
        r->wen[i] = f | CACHED;
    return f;
}

/* An ordinary lower-case word that is not also a known name. */
static int common_word(const run *r, size_t i)
{
    unsigned en = word_en(r, i);
    uint32_t lx = word_lx(r, i);
    if (lx & (NP__LX_ANYPLACE | NP__LX_ORG))
        return 0;
    if (r->tok[i].flags & NP__TOK_ALLCAPS)
        return 0;
    return (en & NP__LEX_LOWER) != 0;
}

static int add_mention(run *r, size_t a, size_t b, int type, int weight,
                       size_t rs, size_t re, int confirm)
{
    mention *m;
    const np__ner_entry *x = NULL;
    if (a >= b)
        return NP_OK;
    m = np__vec_push(&r->ms);
    if (!m)
        return NP_ENOMEM;
    span_bytes(r, a, b, &m->start, &m->end);
    span_lx(r, a, b, &x);
    m->canon_off = x && x->canon >= 0 ? (size_t)x->canon : (size_t)-1;
    m->tb = a;
    m->te = b;
    m->type = type;
    m->weight = weight;
    m->role_start = rs < re ? rs : 0;
    m->role_end = rs < re ? re : 0;
    m->ntok = (int)(b - a);
    m->confirm = confirm;
    m->ent = -1;
    m->alias_of = -1;
    m->ctx = 0;
    return NP_OK;
}

/* Words in [a, b) (hyphens and abbreviation dots are not words). */
static size_t nwords(const run *r, size_t a, size_t b)
{
    size_t k, n = 0;
    for (k = a; k < b; k++)
        if ((r->tok[k].flags & NP__TOK_WORD) && r->skip[k] != 1)
            n++;
    return n;
}

/* Does [a, b) hold a word that is no ordinary English word, or a given
 * name, or an initial ("Jen Psaki", not "Human Rights")? */
static int has_proper(const run *r, size_t a, size_t b)
{
    size_t k;
    for (k = a; k < b; k++) {
        if (!(r->tok[k].flags & NP__TOK_WORD) || r->skip[k] == 1)
            continue;
        if ((word_lx(r, k) & NP__LX_GIVEN) || !(word_en(r, k) & NP__LEX_LOWER) ||
            r->skip[k] == 2)
            return 1;
    }
    return 0;
}

/* "University of ...", "Department for ...": a head word followed by a
 * connector within the span. */
static int org_head_of(const run *r, size_t a, size_t b)
{
    size_t k;
    for (k = a; k + 2 < b; k++)
        if ((word_lx(r, k) & NP__LX_ORG_HEAD) &&
            (tok_eq(r, k + 1, "of") || tok_eq(r, k + 1, "for") || tok_eq(r, k + 1, "on")))
            return 1;
    return 0;
}

/* Is [a, b) enclosed in quotation marks? */
static int quoted(const run *r, size_t a, size_t b)
{
    static const char *const open[] = { "\"", "\xE2\x80\x9C", "\xE2\x80\x98", "'", NULL };
    static const char *const close[] = { "\"", "\xE2\x80\x9D", "\xE2\x80\x99", "'", NULL };
    size_t k, c = b;
    int o = 0, cl = 0;
    if (a == 0 || b >= r->ntok)
        return 0;
    for (k = 0; open[k]; k++)
        if (tok_eq(r, a - 1, open[k]))
            o = 1;
    if (c < r->ntok && (tok_eq(r, c, ".") || tok_eq(r, c, ",")))
        c++;
    for (k = 0; close[k]; k++)
        if (tok_eq(r, c, close[k]))
            cl = 1;
    return o && cl;
}

/* Is token i a state or province ("NY", "N.Y.", "Texas")? */
static int state_at(const run *r, size_t i)
{
    size_t e = i;
    if (i >= r->ntok || !is_cap(r, i))
        return 0;
    /* the whole capitalised run is the state: "New York", "N.Y." (not
     * "Oklahoma City") */
    while (e < r->ntok && e < i + 4 && (is_cap(r, e) || r->skip[e] == 1) &&
           same_sentence(r, i, e))
        e++;
    return (span_lx(r, i, e, NULL) & NP__LX_STATE) != 0;
}

/* "Addison, N.Y.": the span is followed by a comma and a state. 2 for
 * "Venue, City, ST", 1 for "City, ST", else 0. */
static int before_state(const run *r, size_t b)
{
    size_t k;
    if (b + 1 >= r->ntok || !tok_eq(r, b, ",") || !same_sentence(r, b, b + 1))
        return 0;
    if (state_at(r, b + 1))
        return 1;
    for (k = b + 1; k < r->ntok && k < b + 6 && (is_cap(r, k) || r->skip[k] == 1 ||
                                                   tok_eq(r, k, "-")); k++)
        ;
    if (k > b + 1 && k + 1 < r->ntok && tok_eq(r, k, ",") && state_at(r, k + 1))
        return 2;
    return 0;
}

/* Does [a, b) hold "of", "for", "and"...: no person's name does. */
static int in_given_tail(const run *r, size_t a, size_t k);

static int has_connector(const run *r, size_t a, size_t b)
{
    size_t k;
    for (k = a; k < b; k++)
        if (!is_cap(r, k) && (r->tok[k].flags & NP__TOK_WORD) &&
            !(word_lx(r, k) & NP__LX_PARTICLE) && !in_given_tail(r, a, k))
            return 1;
    return 0;
}

/* Does the context call [a, b) a place: a lower-case place word after it
 * ("Zabul province"), an apposition ("Addison, a village"), a direction
 * before it ("southwest of Ithaca")? */
static int place_context(const run *r, size_t a, size_t b)
{
    static const char *const dir[] = { "north", "south", "east", "west",
        "northeast", "northwest", "southeast", "southwest", "outskirts",
        "suburb", "suburbs", NULL };
    size_t k;
    if (b < r->ntok && same_sentence(r, a, b) && (r->tok[b].flags & NP__TOK_WORD) &&
        !(r->tok[b].flags & (NP__TOK_UPPER | NP__TOK_DIGIT)) &&
        (lx_flags_r(r, tok_s(r, b), tok_n(r, b)) & NP__LX_PLACE_CUE))
        return 1;
    if (b + 2 < r->ntok && tok_eq(r, b, ",") && (tok_eq(r, b + 1, "a") || tok_eq(r, b + 1, "an")) &&
        !(r->tok[b + 2].flags & NP__TOK_UPPER)) {
        size_t c = b + 2;
        /* "a small village" */
        if (c + 1 < r->ntok && !(lx_flags_r(r, tok_s(r, c), tok_n(r, c)) & NP__LX_PLACE_CUE) &&
            !(r->tok[c + 1].flags & NP__TOK_UPPER))
            c++;
        if (lx_flags_r(r, tok_s(r, c), tok_n(r, c)) & NP__LX_PLACE_CUE)
            return 1;
    }
    if (a >= 2 && tok_eq(r, a - 1, "of"))
        for (k = 0; dir[k]; k++)
            if (tok_eq(r, a - 2, dir[k]))
                return 1;
    return 0;
}

/* Is the span followed by an acronym in brackets: "... Center (DLR)"? */
static int defines_acronym(const run *r, size_t b)
{
    return b + 2 < r->ntok && tok_eq(r, b, "(") && tok_eq(r, b + 2, ")") &&
           (r->tok[b + 1].flags & NP__TOK_ALLCAPS) && tok_n(r, b + 1) <= 8;
}

/* A venue-like name: a place cue word and no organisation word before it. */
static int is_venue_only(const run *r, size_t a, size_t b)
{
    size_t k;
    for (k = a; k + 1 < b; k++)
        if (word_lx(r, k) & (NP__LX_ORG_CUE | NP__LX_ORG_MOD | NP__LX_ORG_HEAD))
            return 0;
    return 1;
}

/* A given name that is also an ordinary word ("Star", "Will") starts a
 * person's name only before words that are names ("Will Moy", not "Star
 * Wars Jedi"). */
static int given_then_names(const run *r, size_t a, size_t b)
{
    size_t k;
    if (!(en_flags_r(r, tok_s(r, a), core_len(r, a)) & NP__LEX_LOWER))
        return 1;
    for (k = a + 1; k < b; k++) {
        unsigned en;
        if (!(r->tok[k].flags & NP__TOK_WORD) || r->skip[k] == 1)
            continue;
        en = word_en(r, k);
        if ((en & NP__LEX_LOWER) && !(en & NP__LEX_CAP) && !(word_lx(r, k) & NP__LX_GIVEN))
            return 0;
    }
    return 1;
}

/* A compass word that makes a region of a place. */
static int compass(const run *r, size_t i)
{
    static const char *const w[] = { "North", "South", "East", "West",
        "Northern", "Southern", "Eastern", "Western", "Central", "Upper",
        "Lower", "Greater", "Northeast", "Northwest", "Southeast",
        "Southwest", "Inner", "Outer", NULL };
    size_t k;
    for (k = 0; w[k]; k++)
        if (tok_eq(r, i, w[k]))
            return 1;
    return 0;
}

/* Is the word before the span a lower-case "the"? */
static int after_the(const run *r, size_t a)
{
    size_t p = prev_word(r, a);
    return p != (size_t)-1 && p + 1 == a && tok_eq(r, p, "the");
}

/* Do the words [p, b) after a place read as a club's name, though the
 * first is a given name: an ordinary English word ("Red", "Will") then
 * a plural that is no given name ("Boston Red Sox", not "Ukraine Marie
 * Yovanovitch")? */
static int team_tail(const run *r, size_t p, size_t b)
{
    size_t n = core_len(r, b - 1);
    char c;
    if (b - p != 2 || !(word_lx(r, p) & NP__LX_GIVEN) ||
        !(word_en(r, p) & NP__LEX_LOWER) || (word_lx(r, b - 1) & NP__LX_GIVEN) ||
        !is_cap(r, b - 1) || n < 3)
        return 0;
    c = tok_s(r, b - 1)[n - 1];
    return c == 's' || c == 'x';
}

/* Does the span start with a place and end with one or two other words
 * that are not place cues ("Los Angeles Lakers")? */
static int place_prefix(const run *r, size_t a, size_t b)
{
    size_t p;
    if (word_lx(r, b - 1) & (NP__LX_PLACE_CUE | NP__LX_ORG_CUE | NP__LX_DEMONYM))
        return 0;
    for (p = b - 1; p > a && b - p <= 2; p--)
        if (span_lx(r, a, p, NULL) & (NP__LX_CITY | NP__LX_STATE | NP__LX_COUNTRY)) {
            size_t k;
            int plural = core_len(r, b - 1) > 3 && tok_s(r, b - 1)[core_len(r, b - 1) - 1] == 's';
            /* "Brent Sherwood" is a person; "Charlotte Hornets" a team */
            if (nwords(r, a, p) == 1 && !plural && (word_lx(r, a) & NP__LX_GIVEN))
                return 0;
            if ((word_lx(r, p) & NP__LX_GIVEN) && !team_tail(r, p, b))
                return 0;   /* "Ukraine Marie Yovanovitch" */
            for (k = p; k < b; k++)
                if (word_lx(r, k) & (NP__LX_CONNECTOR | NP__LX_ANYPLACE))
                    return 0;
            return 1;
        }
    return 0;
}

static int continues(const run *r, size_t b, size_t block_end);

/* Token b is a hyphen inside the name a..b-1 whose next part is a short
 * lower-case syllable: the second half of a romanised given name (Korean,
 * Chinese, Vietnamese, ...). The part before the hyphen is a short
 * capitalised syllable that is no ordinary English word and no known
 * place or organisation, it follows another name word, and the part after
 * is alphabetic, 2 to 5 letters, and not one of the words English builds
 * compounds with ("-era", "-based", "-led"). */
static int hyphen_given(const run *r, size_t a, size_t b, size_t block_end)
{
    static const char *const glue[] = {
        "era", "led", "run", "born", "made", "like", "based", "held", "owned",
        "style", "type", "wide", "free", "bound", "area", "class", "level",
        "day", "year", "week", "old", "new", "only", "sized", "size", "up",
        "out", "off", "down", "over", "on", "to", "the", "and", "or",
        "law", "side", "term", "time", "ish", "less", "ness", "tier",
        "ward", "wards", "ist", "ists", "ism", "ite", "ites", NULL };
    const char *s;
    size_t n, k;
    if (b < a + 2 || b + 1 >= block_end || !tok_eq(r, b, "-") ||
        !adjacent(r, b - 1) || !adjacent(r, b) || !continues(r, b + 1, block_end))
        return 0;
    /* the syllable before the hyphen: capitalised, 2 to 5 letters, not
     * all capitals, no common word, no known place or organisation */
    n = tok_n(r, b - 1);
    if (n < 2 || n > 5 || !is_cap(r, b - 1) || (r->tok[b - 1].flags & NP__TOK_ALLCAPS) ||
        r->skip[b - 1] != 0 || (word_en(r, b - 1) & NP__LEX_LOWER) ||
        (word_lx(r, b - 1) & (NP__LX_ANYPLACE | NP__LX_ORG)))
        return 0;
    /* it follows a capitalised name word ("Moon", "Tsai") */
    if (!is_cap(r, b - 2) || r->skip[b - 2] != 0 || adjacent(r, b - 2))
        return 0;
    s = tok_s(r, b + 1);
    n = tok_n(r, b + 1);
    if (n < 2 || n > 5)
        return 0;
    for (k = 0; k < n; k++)
        if (s[k] < 'a' || s[k] > 'z')
            return 0;
    for (k = 0; glue[k]; k++)
        if (tok_eq(r, b + 1, glue[k]))
            return 0;
    return 1;
}

/* The span a..b ends in such a given name's lower-case part. */
static int given_tail(const run *r, size_t a, size_t b)
{
    return b >= a + 4 && tok_eq(r, b - 2, "-") && hyphen_given(r, a, b - 2, b);
}

/* Words of the span that are names: a given name's lower-case second part
 * ("Jae-in") counts as part of the name, not as an ordinary word. */
static int in_given_tail(const run *r, size_t a, size_t k)
{
    return k >= a + 3 && tok_eq(r, k - 1, "-") && hyphen_given(r, a, k - 1, k + 1);
}

/* Other languages capitalise other words: keep what the lexicon knows and
 * given names followed by a surname. */
static int classify_foreign(run *r, size_t a, size_t b, size_t n, int confirm)
{
    const np__ner_entry *x;
    uint32_t full = span_lx(r, a, b, &x);
    if (full & NP__LX_NONENTITY)
        return NP_OK;
    if (full & NP__LX_ORG)
        return add_mention(r, a, b, NP_ENTITY_ORG, 4, 0, 0, confirm);
    if (full & NP__LX_ANYPLACE)
        return add_mention(r, a, b, NP_ENTITY_PLACE, 4, 0, 0, confirm);
    if (n >= 2 && n <= 3 && (word_lx(r, a) & NP__LX_GIVEN) && !has_connector(r, a, b) &&
        !(word_lx(r, b - 1) & (NP__LX_ANYPLACE | NP__LX_ORG_CUE | NP__LX_PLACE_CUE)))
        return add_mention(r, a, b, NP_ENTITY_PERSON, 3, 0, 0, confirm);
    return add_mention(r, a, b, T_UNKNOWN, 0, 0, 0, confirm);
}

/* A one-word span in capitals that is an ordinary English word written
 * loud: a short word that English never capitalises ("YOU", "WIN"; a
 * short word English also capitalises is most often initials, "GM"). It
 * takes no type of its own: only an acronym defined in the text or a
 * name the lexicon knows gives it one. */
static int shouted(const run *r, size_t a, size_t n)
{
    unsigned en;
    if (n != 1 || !(r->tok[a].flags & NP__TOK_ALLCAPS) || tok_n(r, a) < 2)
        return 0;
    en = word_en(r, a);
    return (en & NP__LEX_LOWER) && !(en & NP__LEX_CAP);
}

/* The span [a, b) is no name we report, whatever its words: a lexicon
 * non-entity, a nationality, an event, a title alone, a name inside the
 * name of a format, a quoted nickname, a compass point, a shouted word. */
static int not_a_name(const run *r, size_t a, size_t b, size_t n, uint32_t full,
                      uint32_t last)
{
    if ((full & NP__LX_NONENTITY) && (full & NP__LX_STATE) && n == 1 && a >= 2 &&
        tok_eq(r, a - 1, ",") && is_cap(r, a - 2))
        full &= ~(uint32_t)NP__LX_NONENTITY;   /* "Uncasville, CT" is no time zone */
    if (full & NP__LX_NONENTITY || (n == 1 && (full & NP__LX_DEMONYM)))
        return 1;
    if (!(full & (NP__LX_ORG | NP__LX_ANYPLACE))) {
        /* events and competitions ("Davis Cup"), nationalities ("North
         * American"), a plural of a place ("South Dakotans") */
        if (last & NP__LX_EVENT)
            return 1;
        if ((last & NP__LX_DEMONYM) && !(last & NP__LX_ORG_CUE))
            return 1;
        if (n >= 2 && core_len(r, b - 1) > 3 && tok_s(r, b - 1)[core_len(r, b - 1) - 1] == 's') {
            size_t st, en2;
            span_bytes(r, a, b, &st, &en2);
            if ((lx_flags_r(r, r->body + st, en2 - st - 1) & NP__LX_ANYPLACE) ||
                (lx_flags_r(r, r->body + st, en2 - st - 2) & NP__LX_ANYPLACE))
                return 1;
        }
    }
    if (n == 1 && (full & (NP__LX_TITLE | NP__LX_ROLE)) &&
        !(full & (NP__LX_ANYPLACE | NP__LX_ORG)))
        return 1;
    /* "the Chinese Ministry", "a US Department": a nationality or country
     * before a word that names an office only with "of ..." after it is a
     * description, not a name ("Chinese Ministry of Commerce" is one) */
    if (n == 2 && !(full & NP__LX_ORG) &&
        (word_lx(r, a) & (NP__LX_DEMONYM | NP__LX_COUNTRY)) &&
        (tok_ieq(r, b - 1, "ministry") || tok_ieq(r, b - 1, "department") ||
         tok_ieq(r, b - 1, "bureau") || tok_ieq(r, b - 1, "office")))
        return 1;

    /* "the Normandy format", "the Paris agreement": a name inside the name
     * of a format or an agreement */
    if (after_the(r, a) && b < r->ntok && (r->tok[b].flags & NP__TOK_WORD) &&
        !(r->tok[b].flags & NP__TOK_UPPER) &&
        (lx_flags_r(r, tok_s(r, b), tok_n(r, b)) & NP__LX_EVENT))
        return 1;
    if (quoted(r, a, b) && !(full & (NP__LX_ORG | NP__LX_ANYPLACE)))
        return 1;   /* a title or nickname: “DWTS” */
    if (n == 1 && compass(r, a) && !(full & (NP__LX_ORG | NP__LX_ANYPLACE)))
        return 1;   /* "the West" is no name we report */
    if (n == 1 && (r->tok[a].flags & NP__TOK_ALLCAPS) && tok_n(r, a) > 3 &&
        !(full & (NP__LX_ORG | NP__LX_ANYPLACE)) && (word_en(r, a) & NP__LEX_LOWER))
        return 1;   /* a shouted word: "BUILD", "UPDATE" */
    return 0;
}

/* Two or three capitalised words with a word that is no ordinary English
 * word, no known place or organisation, and a given name first: most often
 * a person. */
static int reads_as_person(const run *r, size_t a, size_t b, size_t n)
{
    int names = 1, proper = 0, common = 0;
    size_t k;
    for (k = a; k < b; k++) {
        unsigned en;
        if (in_given_tail(r, a, k)) {   /* "Jae-in" */
            proper++;
            continue;
        }
        if ((r->tok[k].flags & NP__TOK_WORD) && r->skip[k] != 1 &&
            !(word_lx(r, k) & NP__LX_GIVEN) && (word_en(r, k) & NP__LEX_LOWER))
            common++;
        if (!(r->tok[k].flags & NP__TOK_WORD)) {
            if (!tok_eq(r, k, "-") && r->skip[k] != 1)
                names = 0;
            continue;
        }
        en = word_en(r, k);
        if ((word_lx(r, k) & (NP__LX_ANYPLACE | NP__LX_ORG | NP__LX_DEMONYM |
                              NP__LX_ORG_CUE | NP__LX_PLACE_CUE)) || camel(r, k))
            names = 0;
        if ((word_lx(r, k) & NP__LX_GIVEN) || !(en & NP__LEX_LOWER) ||
            (r->skip[k] == 2 && tok_n(r, k) == 2))
            proper++;
    }
    if ((word_lx(r, b - 1) & NP__LX_TITLE) && b - 1 > a && !tok_eq(r, b - 2, "-"))
        names = 0;   /* "Agassiz Professor", not "Caldwell-Pope" */
    return names && proper && !(r->tok[a].flags & NP__TOK_ALLCAPS) &&
           !has_connector(r, a, b) && (size_t)common * 2 <= n && given_then_names(r, a, b);
}

/* A span typed by the lexicon alone, or by the words just around it (a
 * role before it, a place context, a state after it, an acronym defined
 * by it). Returns the type or T_UNKNOWN; *drop is set when the span is a
 * state code out of place. */
static int type_by_lexicon(const run *r, size_t a, size_t b, size_t n, uint32_t full,
                           uint32_t last, int after_role, int *weight, int *drop)
{
    if (full & NP__LX_ORG) {
        *weight = 4;
        return NP_ENTITY_ORG;
    }
    if (n >= 2 && compass(r, a) && (span_lx(r, a + 1, b, NULL) & NP__LX_ANYPLACE)) {
        *weight = 3;
        return NP_ENTITY_PLACE;   /* "West Michigan", "Northern Ireland" */
    }
    if (n >= 2 && tok_eq(r, a, "The") && !sent_initial(r, a) && !before_state(r, b)) {
        *weight = 2;
        return NP_ENTITY_ORG;   /* "The Hill", "The Doobie Brothers" */
    }
    if (full & (NP__LX_COUNTRY | NP__LX_STATE | NP__LX_REGION | NP__LX_PLACE)) {
        *weight = 4;
        /* two-letter state codes only after "City, " */
        if (n == 1 && (full & NP__LX_STATE) && tok_n(r, a) == 2 &&
            (r->tok[a].flags & NP__TOK_ALLCAPS) &&
            !(a >= 2 && tok_eq(r, a - 1, ",") && is_cap(r, a - 2)))
            *drop = 1;
        return NP_ENTITY_PLACE;
    }
    if (after_role && n <= 4 && (has_proper(r, a, b) || n == 1) &&
        !(last & (NP__LX_ORG_CUE | NP__LX_PLACE_CUE))) {
        *weight = 3;
        return NP_ENTITY_PERSON;
    }
    if (place_context(r, a, b) && !(last & NP__LX_ORG_CUE)) {
        *weight = 3;
        return NP_ENTITY_PLACE;   /* "Zabul province", "Addison, a village" */
    }
    if (n >= 2 && defines_acronym(r, b) && !(r->tok[a].flags & NP__TOK_ALLCAPS) &&
        !(full & NP__LX_ANYPLACE) &&
        !(last & NP__LX_PLACE_CUE && !(last & NP__LX_ORG_CUE) && is_venue_only(r, a, b))) {
        *weight = 3;
        return NP_ENTITY_ORG;   /* "German Aerospace Center (DLR)" */
    }
    if (before_state(r, b) && !(full & NP__LX_STATE) && !(last & NP__LX_ORG_CUE)) {
        *weight = 3;
        return NP_ENTITY_PLACE;   /* "Addison, N.Y.", "The Forum, Los Angeles, CA" */
    }
    return T_UNKNOWN;
}

/* A span typed by its own words: a cue word at its end, a team word at
 * its start, a given name, an acronym, a speech verb after it, a
 * preposition of place before it. Returns the type or T_UNKNOWN. */
static int type_by_form(const run *r, size_t a, size_t b, size_t n, uint32_t full,
                        uint32_t first, uint32_t last, int *weight)
{
    size_t k;
    int type;
    if (n >= 2 && (last & NP__LX_ORG_CUE) && !(last & NP__LX_PLACE_CUE)) {
        *weight = 3;
        return NP_ENTITY_ORG;
    }
    if (n >= 2 && (last & NP__LX_PLACE_CUE)) {
        /* "Center for Disease Control": a cue followed by "for" is an org */
        *weight = 3;
        type = NP_ENTITY_PLACE;
        for (k = a; k < b; k++)
            if ((word_lx(r, k) & NP__LX_ORG_CUE) && k + 1 < b &&
                (tok_eq(r, k + 1, "for") || tok_eq(r, k + 1, "of")))
                type = NP_ENTITY_ORG;
        if (word_lx(r, b - 2) & NP__LX_ORG_MOD)
            type = NP_ENTITY_ORG;   /* "Correctional Center" */
        return type;
    }
    if (n >= 2 && org_head_of(r, a, b)) {
        *weight = 3;
        return NP_ENTITY_ORG;
    }
    if (b == a + 4 && given_tail(r, a, b)) {
        *weight = 3;   /* "Moon Jae-in": a romanised given name ends it */
        return NP_ENTITY_PERSON;
    }
    if (n >= 2 && (first & NP__LX_PLACE_HEAD) && !(last & NP__LX_ORG_CUE) &&
        !has_connector(r, a, b)) {
        *weight = 3;
        return NP_ENTITY_PLACE;   /* "Fort Lee", "Lake Placid" */
    }
    if (n >= 2 && (first & NP__LX_TEAM)) {
        *weight = 3;
        return NP_ENTITY_ORG;   /* "FC Porto", "Real Madrid" */
    }
    if (full & NP__LX_CITY) {
        *weight = 3;
        return NP_ENTITY_PLACE;
    }
    if (n >= 2 && place_prefix(r, a, b)) {
        *weight = 2;
        return NP_ENTITY_ORG;   /* "Oklahoma City Thunder" */
    }
    if (n >= 2 && n <= 4 && (first & NP__LX_GIVEN) && !after_the(r, a) &&
        given_then_names(r, a, b)) {
        *weight = 3;
        return NP_ENTITY_PERSON;
    }
    if (n >= 2 && (last & NP__LX_ORG_CUE)) {
        *weight = 2;
        return NP_ENTITY_ORG;
    }
    if (n == 1 && camel(r, a)) {
        *weight = 2;
        return NP_ENTITY_ORG;
    }
    if (n == 1 && (r->tok[a].flags & NP__TOK_ALLCAPS) && r->skip[a] != 2 &&
        tok_n(r, a) >= 2 && tok_n(r, a) <= 6) {
        *weight = 1;
        return NP_ENTITY_ORG;   /* an acronym */
    }
    return T_UNKNOWN;
}

/* Whether open NER data names the span's word (a one-word name) or its
 * last word (a longer one) more often an organisation than a person: the
 * odds that decide between the two once the context says only "someone
 * spoke". */
static int org_by_odds(const run *r, size_t a, size_t b, size_t n)
{
    const np__nerev_entry *e;
    const uint8_t *c;
    if (!(r->tok[b - 1].flags & NP__TOK_WORD))
        return 0;
    e = np__nerev_find(tok_s(r, b - 1), core_len(r, b - 1));
    if (!e)
        return 0;
    (void)a;
    c = n == 1 ? e->alone : e->last;
    return c[1] >= 2 && c[1] > c[0];
}

/* Is the span the object of a word of employment: "works at", "worked
 * for", "joined", "CEO of", "a professor at" (with "the" or not)? */
static int employer_context(const run *r, size_t a)
{
    static const char *const work[] = { "works", "worked", "working", "work",
                                        "employed", NULL };
    static const char *const head[] = { "CEO", "executive", "chairman",
                                        "chairwoman", "founder", "director",
                                        NULL };
    static const char *const staff[] = { "professor", "analyst", "economist",
                                         "researcher", "engineer", "executive",
                                         "director", NULL };
    size_t p = prev_word(r, a), q;
    int k;
    if (p != (size_t)-1 && p + 1 == a && tok_eq(r, p, "the"))
        p = prev_word(r, p);
    if (p == (size_t)-1)
        return 0;
    if (tok_eq(r, p, "joined") || tok_eq(r, p, "joins"))
        return 1;
    q = prev_word(r, p);
    if (q == (size_t)-1)
        return 0;
    if (tok_eq(r, p, "at") || tok_eq(r, p, "for"))
        for (k = 0; work[k]; k++)
            if (tok_eq(r, q, work[k]))
                return 1;
    /* "chief executive of", "professor at": the office is in what follows
     * ("spokesman for" may speak for a person, "a victim of" names one) */
    if (tok_eq(r, p, "of"))
        for (k = 0; head[k]; k++)
            if (tok_ieq(r, q, head[k]))
                return 1;
    if (tok_eq(r, p, "at"))
        for (k = 0; staff[k]; k++)
            if (tok_ieq(r, q, staff[k]))
                return 1;
    return 0;
}

/* Does "according to" come just before the span? */
static int according_to(const run *r, size_t a)
{
    size_t p = prev_word(r, a), q;
    if (p == (size_t)-1 || p + 1 != a || !tok_eq(r, p, "to"))
        return 0;
    q = prev_word(r, p);
    return q != (size_t)-1 && tok_ieq(r, q, "according");
}

/* Is token i one of the words of list v (lower case, exact)? */
static int tok_in(const run *r, size_t i, const char *const *v)
{
    size_t k;
    for (k = 0; v[k]; k++)
        if (tok_eq(r, i, v[k]))
            return 1;
    return 0;
}

/* What the words around a name say it is an organisation: its kind of
 * context, from the narrowest (a company's) to the widest. */
enum { OC_NONE, OC_COMPANY, OC_CLUB, OC_ANY };

/* The context of [a, b) that makes it an organisation whatever its words:
 *   OC_COMPANY  what only a company has: "Zenco's shareholders", "Zenco's
 *               chief executive", "shares of Zenco", "Zenco shares fell";
 *   OC_CLUB     what a sports club does: "Ardwick's coach", "Ardwick beat
 *               Hulme", "played for Ardwick";
 *   OC_ANY      what a body does, a person seldom: "Zenco's spokesman",
 *               "Zenco's board", "Zenco said in a statement".
 * The caller weighs the kind against what else the words are (a city
 * stands for its club, a country for no company). */
static int org_context(const run *r, size_t a, size_t b)
{
    static const char *const company[] = { "shareholders", "subsidiary",
        "subsidiaries", "shares", "stock", "earnings", "stake", NULL };
    static const char *const body[] = { "spokesman", "spokeswoman",
        "spokesperson", "board", "executives", "chairman", "chairwoman",
        "headquarters", "employees", "investors", "revenue", "revenues",
        "profit", "profits", NULL };
    static const char *const club[] = { "coach", "manager", "striker",
        "midfielder", "defender", "goalkeeper", "keeper", "quarterback",
        "squad", "fans", "supporters", NULL };
    static const char *const won[] = { "beat", "beats", "defeated", "defeats",
        "edged", "thrashed", "routed", NULL };
    static const char *const played[] = { "played", "plays", "playing",
        "signed", "signs", "signing", NULL };
    size_t n = b < r->ntok && same_sentence(r, b - 1, b) ? b : (size_t)-1;
    size_t p = prev_word(r, a), q;

    if (n != (size_t)-1 && is_poss(r, b - 1)) {
        /* "Zenco's chief executive" */
        if (tok_eq(r, n, "chief") && n + 1 < r->ntok &&
            (tok_eq(r, n + 1, "executive") || tok_eq(r, n + 1, "financial") ||
             tok_eq(r, n + 1, "operating")))
            return OC_COMPANY;
        if (tok_in(r, n, company))
            return OC_COMPANY;
        if (tok_in(r, n, club))
            return OC_CLUB;
        if (tok_in(r, n, body))
            return OC_ANY;
        return OC_NONE;
    }
    if (n != (size_t)-1 && !is_poss(r, b - 1)) {
        /* "Zenco shares fell" */
        if ((tok_eq(r, n, "shares") || tok_eq(r, n, "stock")) && n + 1 < r->ntok &&
            same_sentence(r, n, n + 1) && (r->tok[n + 1].flags & NP__TOK_WORD) &&
            !is_cap(r, n + 1) && !tok_eq(r, n + 1, "of") && !tok_eq(r, n + 1, "in"))
            return OC_COMPANY;
        /* "Ardwick beat Hulme" */
        if (tok_in(r, n, won) && n + 1 < r->ntok && same_sentence(r, n, n + 1) &&
            (is_cap(r, n + 1) || (tok_eq(r, n + 1, "the") && n + 2 < r->ntok &&
                                  is_cap(r, n + 2))))
            return OC_CLUB;
        /* "Zenco said in a statement" */
        if ((tok_eq(r, n, "said") || tok_eq(r, n, "says")) && n + 3 < r->ntok &&
            tok_eq(r, n + 1, "in") && tok_eq(r, n + 2, "a") && tok_eq(r, n + 3, "statement"))
            return OC_ANY;
    }
    if (p == (size_t)-1)
        return OC_NONE;
    if (tok_eq(r, p, "the") && p + 1 == a)
        p = prev_word(r, p);
    if (p == (size_t)-1)
        return OC_NONE;
    /* "Hulme beat Ardwick", "... lost to Ardwick" is no evidence */
    if (tok_in(r, p, won)) {
        q = p;
        while (q > 0 && !(r->tok[q - 1].flags & NP__TOK_WORD) && same_sentence(r, q - 1, p))
            q--;
        if (q > 0 && same_sentence(r, q - 1, p) && is_cap(r, q - 1))
            return OC_CLUB;
        return OC_NONE;
    }
    q = prev_word(r, p);
    if (q == (size_t)-1)
        return OC_NONE;
    /* "shares of Zenco", "a stake in Zenco" */
    if ((tok_eq(r, p, "of") || tok_eq(r, p, "in")) &&
        (tok_ieq(r, q, "shares") || tok_ieq(r, q, "stake")))
        return OC_COMPANY;
    /* "played for Ardwick", "signed for Ardwick" */
    if (tok_eq(r, p, "for") && tok_in(r, q, played))
        return OC_CLUB;
    return OC_NONE;
}

/* Is token i a dash or hyphen between two numbers of a score? */
static int score_dash(const run *r, size_t i)
{
    return tok_eq(r, i, "-") || tok_eq(r, i, "\xe2\x80\x93");   /* - or en dash */
}

/* A score written from token i ("2-1", "2 - 1", "2–1"): the token after
 * it, or 0. */
static size_t score_from(const run *r, size_t i)
{
    if (i + 2 >= r->ntok || !(r->tok[i].flags & NP__TOK_DIGIT) || tok_n(r, i) > 3 ||
        !score_dash(r, i + 1) || !(r->tok[i + 2].flags & NP__TOK_DIGIT) ||
        tok_n(r, i + 2) > 3 || !same_sentence(r, i, i + 2))
        return 0;
    return i + 3;
}

/* A city standing for its club in the words of a match: a score between
 * two names ("Ardwick 2-1 Hulme", "Hulme 2-1 Ardwick"), "v" or "vs"
 * between two names, "Ardwick fans", "at home to Ardwick", "away to
 * Ardwick", "lost to", "drew with", "a win over Ardwick". Read for cities
 * only: after a person's name the same words say nothing ("Roe v Wade",
 * "Swift fans"), and a country's team is the country. */
static int city_club_context(const run *r, size_t a, size_t b)
{
    static const char *const versus[] = { "v", "vs", "versus", NULL };
    static const char *const before[] = { "to", "with", "over", "at", NULL };
    size_t n = b < r->ntok && same_sentence(r, b - 1, b) ? b : (size_t)-1;
    size_t p = prev_word(r, a), q;

    if (n != (size_t)-1) {
        size_t e = score_from(r, n);
        if (e && e < r->ntok && same_sentence(r, n, e) && is_cap(r, e))
            return 1;   /* "Ardwick 2-1 Hulme" */
        if (!is_poss(r, b - 1) && (tok_eq(r, n, "fans") || tok_eq(r, n, "supporters")))
            return 1;
        if (tok_in(r, n, versus)) {
            e = n + 1;
            if (e < r->ntok && tok_eq(r, e, ".") && adjacent(r, n))
                e++;
            if (e < r->ntok && same_sentence(r, n, e) && is_cap(r, e))
                return 1;   /* "Ardwick v Hulme" */
        }
    }
    if (a >= 4 && (r->tok[a - 1].flags & NP__TOK_DIGIT) && score_from(r, a - 3) == a &&
        same_sentence(r, a - 4, a) && is_cap(r, a - 4))
        return 1;   /* "Hulme 2-1 Ardwick" */
    if (p == (size_t)-1)
        return 0;
    if (p + 1 == a || (p + 2 == a && tok_eq(r, p + 1, "."))) {
        if (tok_in(r, p, versus) && (q = prev_word(r, p)) != (size_t)-1 && q + 1 == p &&
            is_cap(r, q))
            return 1;   /* "Hulme v Ardwick" */
    }
    if (p + 1 != a || !tok_in(r, p, before) || (q = prev_word(r, p)) == (size_t)-1)
        return 0;
    if (tok_eq(r, p, "to"))   /* "at home to", "away to", "lost to" */
        return tok_eq(r, q, "away") || tok_eq(r, q, "lost") || tok_eq(r, q, "losing") ||
               (tok_eq(r, q, "home") && q > 0 && tok_eq(r, q - 1, "at"));
    if (tok_eq(r, p, "with"))   /* "drew with", "a draw with" */
        return tok_eq(r, q, "drew") || tok_eq(r, q, "draw");
    if (tok_eq(r, p, "over"))   /* "a win over", "victory over" */
        return tok_eq(r, q, "win") || tok_eq(r, q, "victory") || tok_eq(r, q, "wins");
    return tok_eq(r, q, "away");   /* "away at Ardwick" */
}

/* Does the context of a one-word name [a, b) override what its word
 * alone says (a given name, a city, a word open data types otherwise)?
 * A country or a state stands for no company's shares ("China's shares"
 * are a market's) and its team is typed as the place; a city is a club
 * when it plays; a given name or an unknown word is what its context
 * says. */
static int org_by_context(const run *r, size_t a, size_t b, uint32_t full)
{
    int oc;
    if (full & NP__LX_ORG)
        return 0;
    if ((full & NP__LX_CITY) &&
        !(full & (NP__LX_COUNTRY | NP__LX_STATE | NP__LX_REGION | NP__LX_PLACE)) &&
        city_club_context(r, a, b))
        return 1;
    oc = org_context(r, a, b);
    if (oc == OC_NONE)
        return 0;
    if (full & (NP__LX_COUNTRY | NP__LX_STATE | NP__LX_REGION | NP__LX_PLACE))
        return 0;
    if (full & NP__LX_CITY)
        return oc == OC_CLUB;
    return 1;
}

/* A span typed by the words around it and by its length, once neither the
 * lexicon nor its form decided. Returns the type or T_UNKNOWN. */
static int type_by_context(const run *r, size_t a, size_t b, size_t n, uint32_t first,
                           int *weight)
{
    if (n >= 2 && !(first & NP__LX_GIVEN) && org_context(r, a, b) != OC_NONE &&
        !(n <= 3 && reads_as_person(r, a, b, n))) {
        *weight = 3;
        return NP_ENTITY_ORG;   /* "Acme Widgets' shareholders" */
    }
    if (n == 1 && employer_context(r, a) &&
        !(r->tok[a].flags & NP__TOK_ALLCAPS && tok_n(r, a) > 6)) {
        *weight = 3;   /* sure: it outvotes "Acme said" elsewhere */
        return NP_ENTITY_ORG;   /* "works at Acme", "the CEO of Zenco" */
    }
    if ((speech_verb(r, b) || (b + 1 < r->ntok && tok_eq(r, b, ",") &&
                               speech_verb(r, b + 1)) || according_to(r, a)) &&
        (has_proper(r, a, b) || (n == 1 && !after_the(r, a))) &&
        !has_connector(r, a, b)) {
        *weight = 2;
        /* "The Bank said": a word that heads organisations' names */
        if (n == 1 && (word_lx(r, a) & (NP__LX_ORG_CUE | NP__LX_ORG_HEAD)))
            return NP_ENTITY_ORG;
        return org_by_odds(r, a, b, n) ? NP_ENTITY_ORG : NP_ENTITY_PERSON;
    }
    if (n == 1 && a > 0 && place_prep(r, a - 1) &&
        !is_poss(r, a) && !(r->tok[a].flags & NP__TOK_ALLCAPS) &&
        !(word_en(r, a) & NP__LEX_LOWER) && !camel(r, a)) {
        *weight = 1;
        return NP_ENTITY_PLACE;
    }
    if (n >= 2 && n <= 6 && after_the(r, a) && !(first & NP__LX_GIVEN)) {
        /* "at the Caja Magica", "the Kohelet Policy Forum": not a person */
        size_t p = prev_word(r, a);
        p = p == (size_t)-1 ? p : prev_word(r, p);
        *weight = 2;
        return (p != (size_t)-1 && (tok_eq(r, p, "at") || tok_eq(r, p, "in")))
                   ? NP_ENTITY_PLACE : NP_ENTITY_ORG;
    }
    if (n == 1 && after_the(r, a) && core_len(r, a) > 3 &&
        tok_s(r, a)[core_len(r, a) - 1] == 's' &&
        !(r->tok[a].flags & NP__TOK_ALLCAPS)) {
        *weight = 1;
        return NP_ENTITY_ORG;   /* "the Clippers", "the Beatles" */
    }
    if (n >= 2 && n <= 3) {
        if (reads_as_person(r, a, b, n)) {
            *weight = 1;
            return NP_ENTITY_PERSON;
        }
        return T_UNKNOWN;
    }
    if (n == 1 && (first & NP__LX_GIVEN)) {
        *weight = 1;
        return NP_ENTITY_PERSON;
    }
    return T_UNKNOWN;
}

/* A title just before a person's name, set off by a comma, is the role of
 * the mention ("its Defence Minister, Oleksiy Reznikov"): widen [*rs, *re)
 * to the title words. */
static void title_before_comma(const run *r, size_t a, size_t *rs, size_t *re)
{
    size_t j, titles = 0;
    if (*re != 0 || a < 2 || !tok_eq(r, a - 1, ",") || !same_sentence(r, a - 2, a))
        return;
    j = a - 2;
    while (1) {
        if (r->skip[j] == 1 && j > 0) {
            j--;
            continue;
        }
        if (!is_cap(r, j) || !(word_lx(r, j) & (NP__LX_TITLE | NP__LX_DEMONYM)) ||
            !same_sentence(r, j, a))
            break;
        if (word_lx(r, j) & NP__LX_TITLE)
            titles++;
        if (j == 0) {
            j = (size_t)-1;
            break;
        }
        j--;
    }
    if (titles && j + 1 < a - 1) {
        *rs = r->tok[j + 1].start;
        *re = r->tok[a - 2].end;
    }
}

/* A span typed by how open NER data types its word (lib/data/ner_evidence.c,
 * learned from text these rules were not written from): a one-word name
 * by how often the word alone names each type, a longer one by how often
 * its head ends a name of each type ("Airlines", "River"; the head is the
 * word before the first connector, "District" of "District of Columbia",
 * or else the last word). A type
 * needs three sightings and three in four of them. Returns the type or
 * T_UNKNOWN. */
static int type_by_evidence(const run *r, size_t a, size_t b, size_t n, int *weight)
{
    const np__nerev_entry *e;
    const uint8_t *c;
    unsigned tot;
    size_t h = b - 1, k;
    uint32_t hl;
    int t;
    for (k = a + 1; k + 1 < b; k++)
        if (tok_eq(r, k, "of") || tok_eq(r, k, "for") || tok_eq(r, k, "de") ||
            tok_eq(r, k, "du") || tok_eq(r, k, "del") || tok_eq(r, k, "della") ||
            tok_eq(r, k, "on") || tok_eq(r, k, "at")) {
            h = k - 1;
            break;
        }
    if (!(r->tok[h].flags & NP__TOK_WORD))
        return T_UNKNOWN;
    hl = word_lx(r, h);
    if (h + 1 < b && ((hl & NP__LX_ORG_CUE) ||
                      ((hl & NP__LX_PLACE_CUE) && tok_eq(r, h + 1, "for")))) {
        *weight = 2;
        return NP_ENTITY_ORG;   /* "Center for Disease Control and Prevention" */
    }
    e = np__nerev_find(tok_s(r, h), core_len(r, h));
    if (!e)
        return T_UNKNOWN;
    c = n == 1 ? e->alone : e->last;
    tot = (unsigned)c[0] + c[1] + c[2] + (n == 1 ? e->ocap : 0);
    for (t = 0; t < 3; t++)
        if (c[t] >= 3 && (unsigned)c[t] * 4 >= tot * 3) {
            static const int types[3] = {NP_ENTITY_PERSON, NP_ENTITY_ORG, NP_ENTITY_PLACE};
            /* the lexicon's word cues outrank the data's counts: a title
             * ends no person's name, an organisation's word no place's */
            if (t == 0 && (hl & (NP__LX_TITLE | NP__LX_ROLE | NP__LX_ORG_CUE |
                                 NP__LX_PLACE_CUE)))
                return T_UNKNOWN;
            if (t == 2 && (hl & (NP__LX_ORG_CUE | NP__LX_ORG_HEAD)))
                return T_UNKNOWN;
            *weight = 2;
            return types[t];
        }
    return T_UNKNOWN;
}

/* Types a cleaned span [a, b) and records it: drop what is no name, then
 * ask the lexicon, the span's form and its context in turn. */
static int classify(run *r, size_t a, size_t b, size_t rs, size_t re,
                    int after_role, int confirm)
{
    const np__ner_entry *x;
    uint32_t full, first, last;
    size_t n;
    int type, weight = 1, drop = 0;

    if (a >= b)
        return NP_OK;
    n = nwords(r, a, b);
    if (r->foreign)
        return classify_foreign(r, a, b, n, confirm);
    full = span_lx(r, a, b, &x);
    first = word_lx(r, a);
    last = word_lx(r, b - 1);
    if (not_a_name(r, a, b, n, full, last))
        return NP_OK;
    if (shouted(r, a, n) && !(full & (NP__LX_ORG | NP__LX_ANYPLACE)))
        return add_mention(r, a, b, T_UNKNOWN, 0, 0, 0, confirm);
    /* "Chelsea's coach", "Zenco's shares": the context outranks what the
     * word alone would be (a given name, a city, a word of open data) */
    if (n == 1 && !after_role && org_by_context(r, a, b, full)) {
        int rc = add_mention(r, a, b, NP_ENTITY_ORG, 3, 0, 0, confirm);
        if (rc == NP_OK)
            ((mention *)np__vec_at(&r->ms, r->ms.len - 1))->ctx = 1;
        return rc;
    }
    type = type_by_lexicon(r, a, b, n, full, last, after_role, &weight, &drop);
    if (drop)
        return NP_OK;
    if (type == T_UNKNOWN)
        type = type_by_form(r, a, b, n, full, first, last, &weight);
    if (type == T_UNKNOWN)
        type = type_by_evidence(r, a, b, n, &weight);
    if (type == T_UNKNOWN)
        type = type_by_context(r, a, b, n, first, &weight);
    if (type == NP_ENTITY_PERSON)
        title_before_comma(r, a, &rs, &re);
    return add_mention(r, a, b, type, weight, rs, re, confirm);
}

static int handle_span(run *r, size_t a, size_t b, int confirm);

/* places or organisations joined by hyphens: each part is a name of its
 * own; *done when the span was handled (as in every step below) */
static int hs_hyphen_places(run *r, size_t a, size_t b, int confirm, int *done)
{
    size_t k, parts = 0, known = 0, p = a;

    /* "US-Russia", "Earth-Mars" */
    for (k = a; k <= b; k++) {
        if (k == b || (tok_eq(r, k, "-") && adjacent(r, k - 1) && adjacent(r, k))) {
            parts++;
            if (k > p && (span_lx(r, p, k, NULL) & (NP__LX_ANYPLACE | NP__LX_ORG)))
                known++;
            p = k + 1;
        }
    }
    if (parts >= 2 && known == parts) {
        *done = 1;
        p = a;
        for (k = a; k <= b; k++)
            if (k == b || (tok_eq(r, k, "-") && adjacent(r, k - 1) && adjacent(r, k))) {
                int rc = classify(r, p, k, 0, 0, 0, confirm);
                if (rc != NP_OK)
                    return rc;
                p = k + 1;
            }
    }
    return NP_OK;
}

/* names joined by "and": two names, unless an organisation's cue word
 * and a connector before it make it one name */
static int hs_split_and(run *r, size_t a, size_t b, int confirm, int *done)
{
    size_t k;

    /* "Biden and Putin" are two; "Center for Disease Control and
     * Prevention" is one (a cue word followed by a connector before it) */
    for (k = a + 1; k + 1 < b; k++) {
        if (tok_eq(r, k, "and")) {
            size_t j;
            int org = 0;
            for (j = a; j + 1 < k; j++)
                if ((word_lx(r, j) & (NP__LX_ORG_CUE | NP__LX_ORG_HEAD | NP__LX_PLACE_CUE)) &&
                    !is_cap(r, j + 1) && (word_lx(r, j + 1) & NP__LX_CONNECTOR))
                    org = 1;
            /* "Department of Health and Human Services" stays one; "Court
             * of Justice and the UN Security Council" are two */
            if (!org || (nwords(r, k + 1, b) > 1 &&
                         (!is_cap(r, k + 1) ||
                          (span_lx(r, k + 1, b, NULL) & (NP__LX_ORG | NP__LX_ANYPLACE))))) {
                int rc = handle_span(r, a, k, confirm);
                *done = 1;
                return rc != NP_OK ? rc : handle_span(r, k + 1, b, confirm);
            }
        }
    }
    return NP_OK;
}

/* a lower-case role noun just before the span, with a capitalised word
 * before it as its organisation: sets the role's bytes, returns 1 */
static int hs_role_before(const run *r, size_t a, size_t *rs, size_t *re)
{
    /* "spokesperson Dmitry Peskov", "coach Frank Vogel" */
    if (a > 0 && same_sentence(r, a - 1, a) &&
        (lx_flags_r(r, tok_s(r, a - 1), tok_n(r, a - 1)) & NP__LX_ROLE) &&
        !(r->tok[a - 1].flags & NP__TOK_UPPER)) {
        *rs = r->tok[a - 1].start;
        *re = r->tok[a - 1].end;
        /* "Kremlin spokesperson": the capitalised word before is its org */
        if (a >= 2 && is_cap(r, a - 2) && same_sentence(r, a - 2, a))
            *rs = r->tok[a - 2].start;
        return 1;
    }
    return 0;
}

/* the last token of the last run of title words that a capitalised name
 * follows inside the span, or (size_t)-1 */
static size_t hs_title_end(run *r, size_t a, size_t b)
{
    size_t k, last_title = (size_t)-1, prev = (size_t)-1, ns0;

    for (k = a; k + 1 < b; k++) {
        uint32_t f;
        if (r->skip[k] == 1)
            continue;
        f = word_lx(r, k);
        if (((f & NP__LX_TITLE) && !is_poss(r, k)) ||
            ((f & NP__LX_CONNECTOR) && !is_cap(r, k) && prev != (size_t)-1 &&
             prev == last_title))
            last_title = k;
        else if (last_title != (size_t)-1 && prev == last_title)
            break;
        prev = k;
    }
    ns0 = last_title + 1;
    while (last_title != (size_t)-1 && ns0 < b && r->skip[ns0] == 1)
        ns0++;
    if (last_title == (size_t)-1 || ns0 >= b || !is_cap(r, ns0) ||
        (word_lx(r, ns0) & NP__LX_ORG_CUE) ||
        (nwords(r, ns0, b) > 1 && !has_proper(r, ns0, b)))
        return (size_t)-1;
    return ns0 - 1;
}

/* a run of title words followed by a short name that is not a known
 * organisation or place: the name is a person with that role */
static int hs_title_then_name(run *r, size_t a, size_t b, int confirm, int *done)
{
    size_t last_title = hs_title_end(r, a, b), ns, ts, rs, re;
    uint32_t rest, rlast;

    if (last_title == (size_t)-1)
        return NP_OK;
    ns = last_title + 1;
    ts = last_title;
    rest = span_lx(r, ns, b, NULL);
    rlast = word_lx(r, b - 1);
    if (!(rest & (NP__LX_ORG | NP__LX_ANYPLACE)) &&
        !(rlast & (NP__LX_ORG_CUE | NP__LX_PLACE_CUE)) && b - ns <= 5) {
        *done = 1;
        /* walk back over the title run */
        while (ts > a && (word_lx(r, ts - 1) & (NP__LX_TITLE | NP__LX_CONNECTOR |
                                                NP__LX_DEMONYM)))
            ts--;
        while (ts < ns && (word_lx(r, ts) & NP__LX_CONNECTOR))
            ts++;
        /* what comes before the title is its own span ("White
         * House Press Secretary", "US Secretary of State") */
        if (ts > a) {
            int rc = handle_span(r, a, ts, confirm);
            if (rc != NP_OK)
                return rc;
        }
        rs = r->tok[ts].start;
        re = r->tok[last_title].end;
        if (ts > a && !(word_lx(r, ts - 1) & NP__LX_CONNECTOR))
            rs = r->tok[a].start;
        while (ns < b && r->skip[ns] == 1)
            ns++;
        if ((word_lx(r, last_title) & NP__LX_CONNECTOR) && nwords(r, ns, b) == 1)
            return classify(r, ns, b, 0, 0, 0, confirm);   /* "CEO of Acme" */
        return classify(r, ns, b, rs, re, 1, confirm);
    }
    return NP_OK;
}

/* a long span that ends in a given name and a surname after a place,
 * organisation, cue or title word is an office and a person */
static int hs_office_then_person(run *r, size_t a, size_t b, int confirm, int *done)
{
    size_t k;

    if (nwords(r, a, b) < 3)
        return NP_OK;
    /* "Acme North America Inc.": no person's name ends in a cue word */
    if (word_lx(r, b - 1) & NP__LX_ORG_CUE)
        return NP_OK;
    for (k = b - 1; k > a; k--) {
        size_t pw = k - 1;
        if (!(r->tok[k].flags & NP__TOK_WORD) || r->skip[k] == 1 ||
            !(word_lx(r, k) & NP__LX_GIVEN) || (word_lx(r, k) & NP__LX_ANYPLACE))
            continue;
        if (team_tail(r, k, b) &&
            (span_lx(r, a, k, NULL) & (NP__LX_CITY | NP__LX_STATE)))
            continue;   /* "Boston Red Sox" is a club */
        while (pw > a && r->skip[pw] == 1)
            pw--;
        if (nwords(r, k, b) >= 2 && nwords(r, k, b) <= 4 && !has_connector(r, k, b) &&
            !tok_eq(r, pw, "-") &&
            (span_lx(r, a, pw + 1, NULL) & (NP__LX_ANYPLACE | NP__LX_ORG) ||
             (word_lx(r, pw) & (NP__LX_ANYPLACE | NP__LX_ORG | NP__LX_ORG_CUE |
                                NP__LX_PLACE_CUE | NP__LX_TITLE)) ||
             /* "Ombudsman Nadia Cruz": an office named by a word */
             (pw == a && (r->tok[pw].flags & NP__TOK_WORD) &&
              (word_en(r, pw) & NP__LEX_LOWER) && !(word_lx(r, pw) & NP__LX_GIVEN)) ||
             (span_lx(r, pw > a + 1 ? pw - 1 : a, pw + 1, NULL) & NP__LX_ANYPLACE))) {
            int rc = handle_span(r, a, pw + 1, confirm), titled = 0;
            size_t j;
            *done = 1;
            if (rc != NP_OK)
                return rc;
            for (j = a; j <= pw; j++)
                if (word_lx(r, j) & (NP__LX_TITLE | NP__LX_ORG_CUE))
                    titled = 1;
            return classify(r, k, b, titled ? r->tok[a].start : 0,
                            titled ? r->tok[pw].end : 0, 1, confirm);
        }
    }
    return NP_OK;
}

/* "of", "for", "on", "the", "at" join only organisation and place names:
 * split the others */
static int hs_split_connector(run *r, size_t a, size_t b, int confirm, int *done)
{
    size_t k;

    /* "University of ...", "Center for ..." */
    for (k = a + 1; k + 1 < b; k++) {
        if (!is_cap(r, k) && (tok_eq(r, k, "of") || tok_eq(r, k, "for") ||
                              tok_eq(r, k, "on") || tok_eq(r, k, "the") ||
                              tok_eq(r, k, "at"))) {
            size_t j;
            int keep = 0;
            for (j = a; j < k; j++)
                if (word_lx(r, j) & (NP__LX_ORG_CUE | NP__LX_ORG_HEAD | NP__LX_PLACE_CUE))
                    keep = 1;
            if (!keep) {
                int rc = handle_span(r, a, k, confirm);
                *done = 1;
                return rc != NP_OK ? rc : handle_span(r, k + 1, b, confirm);
            }
        }
    }
    return NP_OK;
}

/* leading demonyms (and non-entity words) before a given name or a known
 * name are dropped; before a name ending in an organisation's cue word
 * or other words an adjective is kept; the new start */
static size_t hs_skip_demonyms(run *r, size_t a, size_t b)
{
    /* "Ukrainian Volodymyr Zelensky"; "Chinese Center for ..." keeps it */
    while (a < b && b - a > 1 && (word_lx(r, a) & (NP__LX_DEMONYM | NP__LX_NONENTITY))) {
        uint32_t rest = span_lx(r, a + 1, b, NULL);
        if ((word_lx(r, a) & NP__LX_NONENTITY) || (word_lx(r, a + 1) & NP__LX_GIVEN) ||
            (rest & (NP__LX_ANYPLACE | NP__LX_ORG)))
            a++;
        else if (word_lx(r, b - 1) & NP__LX_ORG_CUE)
            break;   /* "Malaysian Airlines", "Chinese Communist Party" */
        else if (b - a == 2 || (word_lx(r, a + 1) & NP__LX_DEMONYM))
            a++;
        else
            break;
    }
    return a;
}

/* an ordinary word opening a sentence is dropped from the span (alone it
 * is only a short form), unless the span names an organisation or person */
static int hs_sentence_initial(run *r, size_t *pa, size_t b, int *done)
{
    size_t a = *pa;
    uint32_t f = word_lx(r, a);
    int keep = 0;

    /* "Additionally", "Both leaders" */
    if (b - a >= 2) {
        uint32_t l = word_lx(r, b - 1);
        if ((l & (NP__LX_ORG_CUE | NP__LX_PLACE_CUE)) &&
            !(word_en(r, a) & (NP__LEX_ADV | NP__LEX_ING)) &&
            !tok_ieq(r, a, "the") && !tok_ieq(r, a, "in") &&
            !tok_ieq(r, a, "on") && !tok_ieq(r, a, "at"))
            keep = 1;   /* "Deep Space Systems" */
        if ((f & NP__LX_GIVEN) && !common_word(r, a + 1))
            keep = 1;   /* "Will Moy" */
        if (b == a + 4 && given_tail(r, a, b))
            keep = 1;   /* "Moon Jae-in": a family name before a given name */
    }
    /* "Acme Depot shares fell": a company's context keeps the name whole
     * (not "By Friday Acme shares fell") */
    if (b - a >= 2 && org_context(r, a, b) != OC_NONE &&
        !(word_lx(r, a + 1) & NP__LX_NONENTITY))
        keep = 1;
    /* "Key Security Council": the rest is a known name */
    if (keep && (span_lx(r, a + 1, b, NULL) & (NP__LX_ORG | NP__LX_ANYPLACE)))
        keep = 0;
    if (!keep && b - a == 1 && !(word_lx(r, a) & (NP__LX_NONENTITY | NP__LX_CONNECTOR)) &&
        ((word_en(r, a) & NP__LEX_NOUN) || (word_lx(r, a) & NP__LX_GIVEN)) &&
        org_context(r, a, b) == OC_NONE) {
        /* alone, it counts only as the short form of a full name
         * ("Cook said" after "Tim Cook") */
        *done = 1;
        return add_mention(r, a, b, T_UNKNOWN, 0, 0, 0, 0);
    }
    if (!keep)
        a++;
    while (a < b && (word_lx(r, a) & NP__LX_CONNECTOR))
        a++;
    *pa = a;
    return NP_OK;
}

/* spans of ordinary words (a lone one mid-sentence, or all of them
 * capitalised for emphasis or a headline) count only as short forms */
static int hs_ordinary_words(run *r, size_t a, size_t b, int after_role, int *done)
{
    size_t k;

    /* a lone ordinary word mid-sentence ("the Agency") is a name only as
     * the short form of a full name ("Macron") */
    if (b - a == 1 && common_word(r, a) && !(word_en(r, a) & NP__LEX_CAP) &&
        !after_role && !(word_lx(r, a) & NP__LX_GIVEN) && org_context(r, a, b) == OC_NONE &&
        ((!speech_verb(r, b) && !(tok_eq(r, b, ",") && speech_verb(r, b + 1))) ||
         after_the(r, a)) &&
        !(after_the(r, a) && tok_s(r, a)[core_len(r, a) - 1] == 's')) {
        *done = 1;
        return add_mention(r, a, b, T_UNKNOWN, 0, 0, 0, 0);
    }
    /* all ordinary words: capitalised for emphasis or a headline */
    if (b - a >= 2 && !after_role) {
        size_t common = 0;
        for (k = a; k < b; k++)
            if ((common_word(r, k) && !(word_lx(r, k) & NP__LX_GIVEN)) ||
                (word_lx(r, k) & NP__LX_CONNECTOR) || r->skip[k] == 1 ||
                !(r->tok[k].flags & NP__TOK_WORD))
                common++;
        if (common == b - a && !(word_lx(r, b - 1) & (NP__LX_ORG_CUE | NP__LX_PLACE_CUE)) &&
            !(word_lx(r, a) & NP__LX_PLACE_HEAD) &&   /* "Lake Placid" */
            !(tok_eq(r, a, "The") && !sent_initial(r, a)) && !org_head_of(r, a, b) &&
            org_context(r, a, b) == OC_NONE) {
            /* only a list of names can make it one ("Intuitive Machines") */
            *done = 1;
            return sent_initial(r, a) ? NP_OK : add_mention(r, a, b, T_UNKNOWN, 0, 0, 0, 0);
        }
    }
    return NP_OK;
}

/* Splits off a title or role before a name ("French President Emmanuel
 * Macron"), drops a sentence-initial ordinary word, and classifies. */
static int handle_span(run *r, size_t a, size_t b, int confirm)
{
    size_t rs = 0, re = 0;
    int after_role, done = 0, rc;
    const np__ner_entry *x;
    uint32_t full;

    while (a < b && !is_cap(r, a))   /* after a split: "the UN ..." */
        a++;
    while (b > a && !is_cap(r, b - 1) && r->skip[b - 1] != 1 && !given_tail(r, a, b))
        b--;
    if (a >= b || (b - a == 1 && tok_n(r, a) == 1))   /* a lone letter */
        return NP_OK;
    full = span_lx(r, a, b, &x);
    if (full & (NP__LX_ORG | NP__LX_ANYPLACE))
        return classify(r, a, b, 0, 0, 0, confirm);

    if ((rc = hs_hyphen_places(r, a, b, confirm, &done)) != NP_OK || done ||
        (rc = hs_split_and(r, a, b, confirm, &done)) != NP_OK || done)
        return rc;
    after_role = hs_role_before(r, a, &rs, &re);
    if ((rc = hs_title_then_name(r, a, b, confirm, &done)) != NP_OK || done ||
        (rc = hs_office_then_person(r, a, b, confirm, &done)) != NP_OK || done ||
        (rc = hs_split_connector(r, a, b, confirm, &done)) != NP_OK || done)
        return rc;
    a = hs_skip_demonyms(r, a, b);
    if (sent_initial(r, a) && common_word(r, a) &&
        ((rc = hs_sentence_initial(r, &a, b, &done)) != NP_OK || done))
        return rc;
    /* "On Saturday Chelsea", "In March Acme": a day or month the dropped
     * word led into */
    while (b - a > 1 && (word_lx(r, a) & NP__LX_NONENTITY))
        a++;
    if (a >= b)
        return NP_OK;
    if ((rc = hs_ordinary_words(r, a, b, after_role, &done)) != NP_OK || done)
        return rc;
    return classify(r, a, b, rs, re, after_role, confirm);
}

/* Marks abbreviation dots: "U.S." "Minn." "W." keep their dot (skip = 2 on
 * the word, 1 on the dot). */
static void mark_abbrev(run *r)
{
    size_t i;
    /* addresses, handles and hashtags are no names: "LiveNation.com",
     * "@user", "#WorldCup" */
    for (i = 0; i < r->ntok; i++) {
        const char *s = tok_s(r, i);
        size_t n = tok_n(r, i), k;
        for (k = 0; k < n; k++)
            if (s[k] == '@' || s[k] == '/' || s[k] == '_' ||
                (s[k] == '.' && k + 1 < n && s[k + 1] >= 'a' && s[k + 1] <= 'z'))
                break;
        if (k < n || (i > 0 && (tok_eq(r, i - 1, "@") || tok_eq(r, i - 1, "#")) &&
                      adjacent(r, i - 1)))
            r->tok[i].flags &= ~(uint32_t)(NP__TOK_UPPER | NP__TOK_ALLCAPS);
        if (i + 1 < r->ntok && tok_eq(r, i + 1, ".") && adjacent(r, i) &&
            i + 2 < r->ntok && adjacent(r, i + 1) && (r->tok[i + 2].flags & NP__TOK_WORD) &&
            !(r->tok[i + 2].flags & NP__TOK_UPPER))
            r->tok[i].flags &= ~(uint32_t)(NP__TOK_UPPER | NP__TOK_ALLCAPS);   /* "LiveNation.com" */
    }
    for (i = 0; i + 1 < r->ntok; i++) {
        const char *s = tok_s(r, i);
        size_t n = tok_n(r, i);
        if (!(r->tok[i].flags & NP__TOK_WORD) || !tok_eq(r, i + 1, ".") || !adjacent(r, i))
            continue;
        if ((n == 1 && s[0] >= 'A' && s[0] <= 'Z') || memchr(s, '.', n) ||
            (r->tok[i].flags & NP__TOK_UPPER && n <= 5 &&
             (lx_flags_r(r, s, n + 1) != 0)) ||
            (r->tok[i].flags & NP__TOK_UPPER && n <= 2 && i + 2 < r->ntok &&
             same_sentence(r, i, i + 2) && (r->tok[i + 2].flags & NP__TOK_UPPER))) {
            /* a dot that ends the sentence stays a full stop unless the
             * word is an initial or a dotted abbreviation */
            r->skip[i] = 2;
            r->skip[i + 1] = 1;
            r->tok[i].end = r->tok[i + 1].end;   /* local copy */
        }
    }
    /* "Frances efforts": a known name that lost its apostrophe */
    for (i = 0; i + 1 < r->ntok; i++) {
        const char *s = tok_s(r, i);
        size_t n = tok_n(r, i);
        if (r->skip[i] || n < 4 || s[n - 1] != 's' || !(r->tok[i].flags & NP__TOK_UPPER) ||
            (r->tok[i].flags & NP__TOK_ALLCAPS) || !(r->tok[i + 1].flags & NP__TOK_WORD) ||
            (r->tok[i + 1].flags & (NP__TOK_UPPER | NP__TOK_DIGIT)) ||
            !same_sentence(r, i, i + 1))
            continue;
        if ((lx_flags_r(r, s, n) & (NP__LX_ANYPLACE | NP__LX_ORG)) ||
            !(lx_flags_r(r, s, n - 1) & (NP__LX_COUNTRY | NP__LX_STATE | NP__LX_ORG)))
            continue;
        {
            unsigned en = en_flags_r(r, tok_s(r, i + 1), tok_n(r, i + 1));
            if ((en & NP__LEX_NOUN) && !(en & (NP__LEX_VERB | NP__LEX_VERB3 | NP__LEX_ED)))
                r->skip[i] = 3;
        }
    }
}

/* Is this sentence a headline: runs of capitalised words holding ordinary
 * words ("Putin Slams NATO Military Aid")? A run that ends in a cue word
 * ("Music Center") is a name, not headline case. 2 for a line in capitals. */
static int headline_sentence(const run *r, const np__sentence *s)
{
    size_t i, words = 0, caps = 0, common_caps = 0, allcaps = 0, lower_fn = 0;
    size_t run_common = 0, function = 0;
    for (i = s->tok_begin; i < s->tok_end; i++) {
        uint32_t f = r->tok[i].flags;
        if ((f & NP__TOK_WORD) && tok_n(r, i) <= 4 &&
            (tok_ieq(r, i, "to") || tok_ieq(r, i, "of") || tok_ieq(r, i, "in") ||
             tok_ieq(r, i, "for") || tok_ieq(r, i, "on") || tok_ieq(r, i, "at") ||
             tok_ieq(r, i, "and") || tok_ieq(r, i, "the") || tok_ieq(r, i, "a") ||
             tok_ieq(r, i, "with") || tok_ieq(r, i, "as") || tok_ieq(r, i, "by") ||
             tok_ieq(r, i, "from") || tok_ieq(r, i, "over") || tok_ieq(r, i, "into") ||
             tok_ieq(r, i, "is") || tok_ieq(r, i, "are") || tok_ieq(r, i, "be")))
            function++;
        int cap = (f & NP__TOK_WORD) && (f & (NP__TOK_UPPER | NP__TOK_ALLCAPS)) &&
                  !(f & NP__TOK_DIGIT);
        if (cap) {
            uint32_t lx = word_lx(r, i);
            words++;
            caps++;
            if (f & NP__TOK_ALLCAPS)
                allcaps++;
            if (lx & (NP__LX_ORG_CUE | NP__LX_PLACE_CUE))
                run_common = 0;   /* the run so far is a name */
            else if (i != s->tok_begin && common_word(r, i) && !(lx & NP__LX_TITLE))
                run_common++;
            continue;
        }
        common_caps += run_common;
        run_common = 0;
        if (!(f & NP__TOK_WORD) || (f & NP__TOK_DIGIT))
            continue;
        words++;
        {
            unsigned en = en_flags_r(r, tok_s(r, i), tok_n(r, i));
            if (!(word_lx(r, i) & NP__LX_CONNECTOR) && tok_n(r, i) > 3 && (en & NP__LEX_LOWER))
                lower_fn++;
        }
    }
    common_caps += run_common;
    if (words >= 2 && allcaps * 10 >= words * 6)
        return 2;
    /* a sentence with a lower-case content word and function words that
     * ends in a full stop is prose dense in names ("The Boston Red Sox beat the New York
     * Yankees."), not a title-case headline */
    if (lower_fn && function >= 2 && caps * 10 < words * 8 && s->tok_end > s->tok_begin &&
        tok_eq(r, s->tok_end - 1, "."))
        return 0;
    if (words >= 6 && caps * 10 >= words * 6 && common_caps >= 2 && lower_fn <= 1 && function)
        return 1;
    return 0;
}

/* Records the capitalised words of a headline span as mentions that only
 * count if the running text established the same name. */
static int headline_span(run *r, size_t a, size_t b, int head)
{
    size_t k = a;
    int rc = NP_OK;
    while (k < b && rc == NP_OK) {
        size_t e = k + 1;
        if (!is_cap(r, k) || r->skip[k] == 1) {
            k++;
            continue;
        }
        while (e < b && (r->skip[e] == 1 || tok_eq(r, e, "-") ||
                         (is_cap(r, e) && e - k < 4)))
            e++;
        while (e > k + 1 && (tok_eq(r, e - 1, "-") || r->skip[e - 1] == 1))
            e--;
        /* the longest run first, then its single words */
        rc = add_mention(r, k, e, T_UNKNOWN, 0, 0, 0, head);
        if (rc == NP_OK && e - k > 1) {
            size_t j;
            for (j = k; j < e && rc == NP_OK; j++)
                if (is_cap(r, j) && r->skip[j] != 1)
                    rc = add_mention(r, j, j + 1, T_UNKNOWN, 0, 0, 0, head);
        }
        k = e;
    }
    return rc;
}

/* Is token i a closed-class word that starts sentences ("The", "He",
 * "But")? */
static int starter(const run *r, size_t i)
{
    static const char *const w[] = {
        "the", "a", "an", "he", "she", "it", "its", "they", "we", "i", "you",
        "in", "on", "at", "but", "and", "or", "so", "this", "that", "these",
        "those", "his", "her", "their", "our", "my", "your", "there", "then",
        "when", "while", "after", "before", "as", "if", "however",
        "meanwhile", "also", "still", "yet", "for", "with", "by", "from",
        "to", "of", "what", "who", "which", "where", "why", "how", "no",
        "not", "some", "many", "most", "all", "both", "each", "one", "two",
        "last", "next", "earlier", "later", "since", "until", "during",
        "although", "though", "because", "now", "here", "such", NULL };
    size_t k;
    for (k = 0; w[k]; k++)
        if (tok_ieq(r, i, w[k]))
            return 1;
    return 0;
}

/* May a name go on past token b-1 into token b (same block, no sentence
 * break except after an abbreviation: "Patrick W. Carlineo")? */
static int continues(const run *r, size_t b, size_t block_end)
{
    if (b >= block_end)
        return 0;
    if (!(r->tok[b].flags & NP__TOK_SENT_START))
        return 1;
    /* after an abbreviation ("W.", "Sen.", "U.S."), unless a new sentence
     * plainly starts ("in the U.S. The ...") */
    if (b < 2 || r->skip[b - 1] != 1 || r->skip[b - 2] != 2 || tok_n(r, b - 2) > 5)
        return 0;
    return !starter(r, b);
}

/* Walks the tokens and records candidate mentions. */
static int find_mentions(run *r, const np__tokens *tk)
{
    size_t si, resume = 0, block_end = 0;
    uint8_t *head;
    int rc = NP_OK;

    head = np__calloc(r->ntok ? r->ntok : 1, 1);
    if (!head)
        return NP_ENOMEM;
    for (si = 0; si < tk->sents.len; si++) {
        const np__sentence *s = np__vec_at(&tk->sents, si);
        int h = headline_sentence(r, s);
        size_t i;
        for (i = s->tok_begin; i < s->tok_end; i++)
            head[i] = (uint8_t)h;
    }
    for (si = 0; si < tk->sents.len && rc == NP_OK; si++) {
        const np__sentence *s = np__vec_at(&tk->sents, si);
        size_t i = s->tok_begin > resume ? s->tok_begin : resume;
        /* a name may run on over an abbreviation's sentence break, up to
         * the end of the block (found once per block) */
        if (si == 0 || s->block != ((const np__sentence *)np__vec_at(&tk->sents, si - 1))->block) {
            size_t sj = si + 1;
            while (sj < tk->sents.len &&
                   ((const np__sentence *)np__vec_at(&tk->sents, sj))->block == s->block)
                sj++;
            block_end = ((const np__sentence *)np__vec_at(&tk->sents, sj - 1))->tok_end;
        }
        while (i < s->tok_end && rc == NP_OK) {
            size_t a = i, b, k, keep = 0;
            int allcaps = 1;
            if (r->skip[i] == 1 || !is_cap(r, i)) {
                i++;
                continue;
            }
            b = i + 1;
            while (continues(r, b, block_end) && b - a < MAX_SPAN &&
                   (!is_poss(r, b - 1) ||
                    /* "U.S. Attorney's Office": a possessive inside a name */
                    (is_cap(r, b) && (word_lx(r, b) & NP__LX_ORG_CUE) &&
                     (word_lx(r, b - 1) & NP__LX_TITLE)))) {
                if (r->skip[b] == 1) {
                    b++;
                    continue;
                }
                if (is_cap(r, b)) {
                    b++;
                    continue;
                }
                /* hyphen inside a name: "Jean-Yves", "Caldwell-Pope"; not
                 * after a party letter ("R-Texas") */
                if (tok_eq(r, b, "-") && adjacent(r, b - 1) && adjacent(r, b) &&
                    continues(r, b + 1, block_end) && is_cap(r, b + 1) &&
                    tok_n(r, b - 1) > 1) {
                    b += 2;
                    continue;
                }
                /* a hyphenated given name whose second part is written
                 * in lower case ("Moon Jae-in", "Tsai Ing-wen"): kept
                 * whole when it follows a capitalised name word */
                if (hyphen_given(r, a, b, block_end)) {
                    b += 2;
                    keep = b;
                    break;   /* the given name ends the name */
                }
                /* "Bashar al-Assad", "Mohammed el-Sisi" */
                if (!is_cap(r, b) && (lx_flags_r(r, tok_s(r, b), tok_n(r, b)) & NP__LX_PARTICLE) &&
                    b + 2 < block_end && adjacent(r, b) && tok_eq(r, b + 1, "-") &&
                    adjacent(r, b + 1) && is_cap(r, b + 2) && continues(r, b + 2, block_end)) {
                    b += 3;
                    continue;
                }
                /* "&" or a connector followed by a capitalised word */
                if ((tok_eq(r, b, "&") ||
                     (!(r->tok[b].flags & NP__TOK_UPPER) &&
                      (lx_flags_r(r, tok_s(r, b), tok_n(r, b)) & NP__LX_CONNECTOR))) &&
                    continues(r, b + 1, block_end)) {
                    size_t c = b + 1;
                    /* at most two connectors in a row ("van de") */
                    if (!is_cap(r, c) && (lx_flags_r(r, tok_s(r, c), tok_n(r, c)) & NP__LX_CONNECTOR) &&
                        continues(r, c + 1, block_end))
                        c++;
                    if (is_cap(r, c) && !(word_lx(r, c) & NP__LX_NONENTITY)) {
                        b = c;
                        continue;
                    }
                }
                break;
            }
            /* trailing connectors and hyphens are not part of it */
            while (b > a && b > keep && !is_cap(r, b - 1) && r->skip[b - 1] != 1)
                b--;
            if (b > a && r->skip[b - 1] == 1)
                b--;   /* the abbreviation word keeps its dot */
            /* a leading party or position letter ("F Hamidou Diallo") */
            if (b - a >= 2 && tok_n(r, a) == 1 && r->skip[a] != 2)
                a++;
            for (k = a; k < b; k++)
                if ((r->tok[k].flags & NP__TOK_WORD) && !(r->tok[k].flags & NP__TOK_ALLCAPS) &&
                    r->skip[k] != 2)
                    allcaps = 0;
            if (b > a) {
                if (head[a] || (allcaps && b - a >= 2 && !(span_lx(r, a, b, NULL) &
                                                             (NP__LX_ORG | NP__LX_ANYPLACE))))
                    rc = headline_span(r, a, b, head[a] ? head[a] : 2);
                else {
                    size_t before = r->ms.len;
                    rc = handle_span(r, a, b, 0);
                    /* "German Aerospace Center (DLR)": the acronym names
                     * the entity just before it */
                    if (rc == NP_OK && r->ms.len == before + 1 && before > 0 &&
                        b - a == 1 && a > 0 && b < r->ntok && tok_eq(r, a - 1, "(") &&
                        tok_eq(r, b, ")") && (r->tok[a].flags & NP__TOK_ALLCAPS)) {
                        mention *am = np__vec_at(&r->ms, before);
                        mention *pm = np__vec_at(&r->ms, before - 1);
                        if (pm->te == a - 1 && pm->ntok >= 2 && pm->type == NP_ENTITY_ORG &&
                            !(r->tok[pm->tb].flags & NP__TOK_ALLCAPS))
                            am->alias_of = (long)before - 1;
                    }
                }
            }
            i = b > i ? b : i + 1;
            resume = i;
        }
    }
    np__free(head);
    return rc;
}

/* ------------------------------------------------------------ grouping */

/* The grouping key of a mention: the lexicon's usual name if any, else the
 * accent-folded, dot-less lower-case name. */
static size_t group_key(const run *r, const mention *m, char *k, size_t cap)
{
    size_t n;
    if (m->canon_off != (size_t)-1) {
        const char *c = np__ner_strings + m->canon_off;
        return make_key(c, strlen(c), k, cap, 1);
    }
    n = make_key(r->body + m->start, m->end - m->start, k, cap, 1);
    if (n > 4 && memcmp(k, "the ", 4) == 0) {   /* "The Associated Press" */
        memmove(k, k + 4, n - 4 + 1);
        n -= 4;
    }
    return n;
}

static ent *E(run *r, long i)
{
    return np__vec_at(&r->es, (size_t)i);
}

static mention *M(run *r, long i)
{
    return np__vec_at(&r->ms, (size_t)i);
}

static long root(run *r, long e)
{
    while (E(r, e)->merged_into >= 0)
        e = E(r, e)->merged_into;
    return e;
}

static int new_ent(run *r, long mi, long *out)
{
    ent *e = np__vec_push(&r->es);
    if (!e)
        return NP_ENOMEM;
    memset(e, 0, sizeof(*e));
    e->first = mi;
    e->best = mi;
    e->merged_into = -1;
    e->type = T_UNKNOWN;
    *out = (long)r->es.len - 1;
    return NP_OK;
}

static void vote(run *r, long ei, const mention *m)
{
    ent *e = E(r, ei);
    if (m->type >= 0)
        e->votes[m->type] += m->weight;
    if (m->type >= 0 && m->ctx)
        e->ctx += m->weight;
    if (m->type < 0)
        e->unknown++;
    e->n++;
    if (!e->role_end && m->role_end) {
        e->role_start = m->role_start;
        e->role_end = m->role_end;
    }
}

static int better_name(run *r, long a, long b)   /* is mention a fuller than b */
{
    mention *x = M(r, a), *y = M(r, b);
    if (x->ntok != y->ntok)
        return x->ntok > y->ntok;
    return x->end - x->start > y->end - y->start;
}

static void merge_into(run *r, long from, long to)
{
    ent *f = E(r, from), *t = E(r, to);
    int k;
    if (from == to)
        return;
    for (k = 0; k < 3; k++)
        t->votes[k] += f->votes[k];
    t->unknown += f->unknown;
    t->ctx += f->ctx;
    t->n += f->n;
    if (M(r, f->first)->start < M(r, t->first)->start)
        t->first = f->first;
    if (better_name(r, f->best, t->best))
        t->best = f->best;
    if (!t->role_end && f->role_end) {
        t->role_start = f->role_start;
        t->role_end = f->role_end;
    }
    f->merged_into = to;
}

static int decide_type(const ent *e)
{
    int best = T_UNKNOWN, k;
    long bv = 0;
    for (k = 0; k < 3; k++)
        if (e->votes[k] > bv) {
            bv = e->votes[k];
            best = k;
        }
    return best;
}

/* Is the evidence for the entity's type strong (the lexicon, a cue, a
 * title)? */
static int strong(const ent *e)
{
    return e->type >= 0 && e->votes[e->type] >= 3;
}

/* Are mentions x then y items of one list ("A, B and C")? */
static int listed(const run *r, const mention *x, const mention *y)
{
    size_t gap;
    if (y->tb <= x->te)
        return 0;
    gap = y->tb - x->te;
    if (gap == 1)
        return tok_eq(r, x->te, ",") || tok_eq(r, x->te, "and") || tok_eq(r, x->te, "or") ||
               tok_eq(r, x->te, ";");
    if (gap == 2)
        return tok_eq(r, x->te, ",") && (tok_eq(r, x->te + 1, "and") || tok_eq(r, x->te + 1, "or"));
    return 0;
}

/* Names listed with names of a sure type take that type ("FC Porto, Inter
 * Milan, Chelsea and Real Madrid"; "Draper, Firefly Aerospace and
 * Intuitive Machines"). */
static void list_types(run *r)
{
    size_t i;
    long prev = -1;
    for (i = 0; i < r->ms.len; i++) {
        mention *m = M(r, (long)i);
        if (m->ent < 0 || m->confirm)
            continue;
        if (prev >= 0) {
            mention *p = M(r, prev);
            ent *pe = E(r, p->ent), *me = E(r, m->ent);
            if (p->ent != m->ent && listed(r, p, m)) {
                /* people are told by their names; lists often mix them */
                if (strong(pe) && !strong(me) && me->type != NP_ENTITY_PERSON &&
                    pe->type != NP_ENTITY_PERSON)
                    me->votes[pe->type] += 3;
                else if (strong(me) && !strong(pe) && pe->type != NP_ENTITY_PERSON &&
                         me->type != NP_ENTITY_PERSON)
                    pe->votes[me->type] += 3;
            }
        }
        prev = (long)i;
    }
    for (i = 0; i < r->es.len; i++)
        E(r, (long)i)->type = decide_type(E(r, (long)i));
}

/* Words of a mention's name: [ws[i], we[i]) byte ranges, at most max. */
static size_t name_words(run *r, const mention *m, size_t *ws, size_t *we, size_t max)
{
    size_t i, n = 0;
    for (i = m->tb; i < m->te && n < max; i++) {
        if (!(r->tok[i].flags & NP__TOK_WORD) || r->skip[i] == 1)
            continue;
        ws[n] = r->tok[i].start;
        we[n] = (i + 1 == m->te) ? m->end : r->tok[i].end;
        n++;
    }
    return n;
}

static int is_suffix_word(const char *s, size_t n)
{
    static const char *const v[] = { "Jr.", "Jr", "Sr.", "Sr", "II", "III",
                                     "IV", NULL };
    size_t k;
    for (k = 0; v[k]; k++)
        if (strlen(v[k]) == n && memcmp(v[k], s, n) == 0)
            return 1;
    return 0;
}

/* A key under which transliterations of one name meet ("Gaddafi",
 * "Qaddafi", "Gadhafi" and "Kadhafi"; "Zelensky", "Zelenskyy" and
 * "Zelenskiy"): a folded key k[0..n) (lower case, no accents) with
 * g, q and c read as k, an h after a consonant dropped, a final y or ends
 * in "iy"/"yy" read as i, and doubled letters written once. Returns the
 * new length. */
static size_t translit_key(char *k, size_t n)
{
    size_t i, o = 0;
    for (i = 0; i < n; i++) {
        char c = k[i];
        if (c == 'g' || c == 'q' || c == 'c')
            c = 'k';
        if (c == 'y' && (i + 1 == n || k[i + 1] == ' ' || k[i + 1] == 'y'))
            c = 'i';
        if (c == 'h' && o > 0 && k[i - 1] != ' ' &&
            !strchr("aeiou", k[i - 1]) && k[i - 1] != 'h')
            continue;
        if (o > 0 && k[o - 1] == c && c != ' ')
            continue;
        k[o++] = c;
    }
    k[o] = '\0';
    return o;
}

/* the lookup tables the grouping steps fill and consult */
typedef struct grouping {
    np__strtab sur;     /* surnames (every proper suffix) of people */
    np__strtab firsts;  /* first names of people */
    np__strtab fam;     /* family names written first ("Moon Jae-in") */
    np__strtab tr;      /* last names of people, by translit_key */
    np__strtab trfull;  /* full names of people, by translit_key: the
                           first person so named */
    np__strtab acr;     /* initials of multi-word names */
    np__strtab heads;   /* head and first words of organisations */
    np__strtab tails;   /* last words of organisations */
    np__strtab corp;    /* companies' names without their legal form */
} grouping;

/* step 1: mentions with the same key (or an alias of a grouped mention)
 * form one entity; then each entity takes its voted type */
static int group_exact(run *r)
{
    size_t i;
    char k[MAX_KEY];
    int rc;

    for (i = 0; i < r->ms.len; i++) {
        mention *m = M(r, (long)i);
        size_t kn = group_key(r, m, k, sizeof k);
        long e;
        if (kn == 0 || m->confirm)
            continue;
        if (m->alias_of >= 0 && M(r, m->alias_of)->ent >= 0) {
            e = M(r, m->alias_of)->ent;
            if (np__strtab_get(&r->keys, k, kn) < 0 && (rc = np__strtab_put(&r->keys, k, kn, e, NULL)) != NP_OK)
                return rc;
            m->ent = e;
            vote(r, e, m);
            continue;
        }
        e = np__strtab_get(&r->keys, k, kn);
        if (e < 0) {
            if ((rc = new_ent(r, (long)i, &e)) != NP_OK ||
                (rc = np__strtab_put(&r->keys, k, kn, e, NULL)) != NP_OK)
                return rc;
        } else if (better_name(r, (long)i, E(r, e)->best)) {
            E(r, e)->best = (long)i;
        }
        m->ent = e;
        vote(r, e, m);
    }
    for (i = 0; i < r->es.len; i++)
        E(r, (long)i)->type = decide_type(E(r, (long)i));
    return NP_OK;
}

/* a surname key already held by entity old is met again ("Hawk Sawyer" is
 * "Kathleen Hawk Sawyer"): keep the longer name when one ends the other,
 * else mark it ambiguous */
static void surname_clash(run *r, grouping *g, const char *k, size_t kn, long old, const mention *m)
{
    mention *om = M(r, E(r, old)->best);
    char k2[MAX_KEY], k3[MAX_KEY];
    size_t n2 = make_key(r->body + om->start, om->end - om->start, k2, sizeof k2, 1);
    size_t n3 = make_key(r->body + m->start, m->end - m->start, k3, sizeof k3, 1);
    if (n2 < n3 && n2 && memcmp(k3 + n3 - n2, k2, n2) == 0)
        ;   /* the new one is longer: keep it */
    else if (n3 < n2 && n3 && memcmp(k2 + n2 - n3, k3, n3) == 0)
        np__strtab_put(&g->sur, k, kn, old, NULL);
    else
        np__strtab_put(&g->sur, k, kn, -2, NULL);
}

/* step 2a: multi-word person names file their surnames (every proper
 * suffix after a space or a particle's hyphen) and their first names */
static int people_keys(run *r, grouping *g)
{
    size_t i;
    char k[MAX_KEY];
    int rc;

    for (i = 0; i < r->es.len; i++) {
        ent *e = E(r, (long)i);
        mention *m = M(r, e->best);
        size_t ws[8], we[8], n, j;
        long old;
        if (e->type != NP_ENTITY_PERSON || m->ntok < 2)
            continue;
        n = name_words(r, m, ws, we, 8);
        while (n > 1 && is_suffix_word(r->body + ws[n - 1], we[n - 1] - ws[n - 1]))
            n--;
        if (n < 2)
            continue;
        for (j = 1; j < n; j++) {   /* every proper suffix of the name */
            size_t kn;
            if (r->body[ws[j] - 1] != ' ' &&
                !(r->body[ws[j] - 1] == '-' && j > 0 &&
                  (lx_flags_r(r, r->body + ws[j - 1], we[j - 1] - ws[j - 1]) & NP__LX_PARTICLE)))
                continue;   /* not after a hyphen: "Jean-Yves", but "al-Assad" */
            kn = make_key(r->body + ws[j], we[n - 1] - ws[j], k, sizeof k, 1);
            if ((rc = np__strtab_put(&g->sur, k, kn, (long)i, &old)) != NP_OK)
                return rc;
            if (old >= 0 && old != (long)i)
                surname_clash(r, g, k, kn, old, m);
        }
        /* the last name and the full name, as transliterations meet */
        for (j = 0; j < 2; j++) {
            size_t from = j == 0 ? ws[n - 1] : ws[0];
            size_t kn = make_key(r->body + from, we[n - 1] - from, k, sizeof k, 1);
            if (kn < 6 || r->body[ws[n - 1] - 1] != ' ')
                continue;
            kn = translit_key(k, kn);
            if (j == 1) {
                if (np__strtab_get(&g->trfull, k, kn) < 0 &&
                    (rc = np__strtab_put(&g->trfull, k, kn, (long)i, NULL)) != NP_OK)
                    return rc;
                continue;
            }
            if ((rc = np__strtab_put(&g->tr, k, kn, (long)i, &old)) != NP_OK)
                return rc;
            if (old >= 0 && old != (long)i)
                np__strtab_put(&g->tr, k, kn, -2, NULL);   /* two people: no guess */
        }
        {
            size_t kn = make_key(r->body + ws[0], we[0] - ws[0], k, sizeof k, 1);
            if ((rc = np__strtab_put(&g->firsts, k, kn, (long)i, &old)) != NP_OK)
                return rc;
            if (old >= 0 && old != (long)i)
                np__strtab_put(&g->firsts, k, kn, -2, NULL);
            /* a given name whose last part is a lower-case syllable after
             * a hyphen ("Jae-in") follows the family name, which is the
             * first word ("Moon said" is the same person) */
            if (n >= 3 && r->body[ws[n - 1] - 1] == '-' && r->body[ws[n - 1]] >= 'a' &&
                r->body[ws[n - 1]] <= 'z' && r->body[ws[1] - 1] == ' ') {
                if ((rc = np__strtab_put(&g->fam, k, kn, (long)i, &old)) != NP_OK)
                    return rc;
                if (old >= 0 && old != (long)i)
                    np__strtab_put(&g->fam, k, kn, -2, NULL);
            }
        }
    }
    return NP_OK;
}

/* step 2b: an entity named like a filed surname (or, for one word, a
 * first name) joins that person, unless it is surely not a person */
static void people_merge(run *r, grouping *g)
{
    size_t i;
    char k[MAX_KEY];

    for (i = 0; i < r->es.len; i++) {
        ent *e = E(r, (long)i);
        mention *m = M(r, e->best);
        size_t kn;
        long to;
        if (e->merged_into < 0 && m->ntok == 1 && e->type != NP_ENTITY_ORG) {
            kn = make_key(r->body + m->start, m->end - m->start, k, sizeof k, 1);
            to = np__strtab_get(&g->fam, k, kn);
            if (to >= 0 && to != (long)i && E(r, to)->merged_into < 0) {
                /* "Moon" of "Moon Jae-in" is no place: its votes go */
                e->votes[NP_ENTITY_ORG] = e->votes[NP_ENTITY_PLACE] = 0;
                merge_into(r, (long)i, to);
                E(r, to)->type = NP_ENTITY_PERSON;
                continue;
            }
        }
        /* a company named like a surname ("Ford") joins the person only
         * when nothing but the lexicon made it a company, or nothing but
         * the context of one mention ("Lloris's coach") */
        if (e->merged_into >= 0 ||
            (e->type == NP_ENTITY_ORG && (m->ntok != 1 || e->votes[NP_ENTITY_ORG] % 4 != 0 ||
                                          !(span_lx(r, m->tb, m->te, NULL) & NP__LX_ORG)) &&
             !(m->ntok == 1 && e->ctx == e->votes[NP_ENTITY_ORG])) ||
            (e->type == NP_ENTITY_PLACE && e->votes[NP_ENTITY_PLACE] >= 3) ||
            (e->type == T_UNKNOWN && shouted(r, m->tb, m->ntok)))   /* "YOU" is no surname */
            continue;
        kn = make_key(r->body + m->start, m->end - m->start, k, sizeof k, 1);
        to = np__strtab_get(&g->sur, k, kn);
        if (to >= 0 && e->type == NP_ENTITY_ORG)
            e->votes[NP_ENTITY_ORG] -= e->ctx;   /* "Lloris's coach": the person */
        if (to < 0 && m->ntok == 1)
            to = np__strtab_get(&g->firsts, k, kn);
        if (to < 0 && kn >= 6 && (e->type == NP_ENTITY_PERSON || e->type == T_UNKNOWN)) {
            /* "Qaddafi" for "Muammar Gaddafi"; "Muammar Qaddafi" too */
            kn = translit_key(k, kn);
            to = m->ntok == 1 ? np__strtab_get(&g->tr, k, kn) : -1;
            if (to < 0 && e->type == NP_ENTITY_PERSON && m->ntok > 1)
                to = np__strtab_get(&g->trfull, k, kn);
        }
        if (to >= 0 && to != (long)i && E(r, to)->merged_into < 0) {
            merge_into(r, (long)i, to);
            E(r, to)->type = NP_ENTITY_PERSON;
        }
    }
}

/* step 2c: a single hyphenated "person" whose every part is a known
 * other entity is a pairing of names, not a person of its own */
static void hyphen_pairs(run *r, grouping *g)
{
    size_t i;
    char k[MAX_KEY];

    for (i = 0; i < r->es.len; i++) {
        ent *e = E(r, (long)i);
        mention *m = M(r, e->best);
        size_t p = m->start, q, parts = 0, known = 0;
        if (e->merged_into >= 0 || e->type != NP_ENTITY_PERSON || e->n > 1 ||
            !memchr(r->body + m->start, '-', m->end - m->start) ||
            memchr(r->body + m->start, ' ', m->end - m->start))
            continue;
        while (p < m->end) {
            size_t kn;
            long to;
            q = p;
            while (q < m->end && r->body[q] != '-')
                q++;
            kn = make_key(r->body + p, q - p, k, sizeof k, 1);
            to = np__strtab_get(&g->sur, k, kn);
            if (to < 0)
                to = np__strtab_get(&r->keys, k, kn);
            parts++;
            if (to >= 0 && root(r, to) != (long)i)
                known++;
            p = q + 1;
        }
        if (parts >= 2 && known == parts)
            e->type = T_UNKNOWN;
    }
}

/* The legal forms a company's name may end with, written or not
 * ("Acme Corp.", "Acme Corporation", "Acme"): lower case, no dot. */
static const char *const legal_forms[] = {
    "inc", "incorporated", "corp", "corporation", "co", "company", "ltd",
    "limited", "llc", "plc", "gmbh", "ag", "sa", "nv", "lp", "llp", NULL };

/* Is body[s, e) a legal form ("Corp.", "Inc", "LLC")? */
static int legal_form(const run *r, size_t s, size_t e)
{
    char w[16];
    size_t n = 0, i;
    while (e > s && (r->body[e - 1] == '.' || r->body[e - 1] == ','))
        e--;
    if (e - s >= sizeof w)
        return 0;
    for (; s < e; s++) {
        unsigned char c = (unsigned char)r->body[s];
        if (c == '.')
            continue;
        w[n++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    w[n] = '\0';
    for (i = 0; legal_forms[i]; i++)
        if (strcmp(w, legal_forms[i]) == 0)
            return 1;
    return 0;
}

/* Is body[s, e) the lower-case word w, in any case? */
static int word_is_ci(const run *r, size_t s, size_t e, const char *w)
{
    size_t n = strlen(w), i;
    if (e - s != n)
        return 0;
    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)r->body[s + i];
        if ((c >= 'A' && c <= 'Z' ? c + 32 : c) != (unsigned char)w[i])
            return 0;
    }
    return 1;
}

/* The key of the name words [0, h) without a leading "the"; 0 if none. */
static size_t stem_key(run *r, const size_t *ws, const size_t *we, size_t h, char *k,
                       size_t cap)
{
    size_t kn = make_key(r->body + ws[0], we[h - 1] - ws[0], k, cap, 1);
    if (kn > 4 && memcmp(k, "the ", 4) == 0) {
        memmove(k, k + 4, kn - 4 + 1);
        kn -= 4;
    }
    return kn;
}

/* The entity i absorbs the organisation the text names with the key k,
 * when k names one of several words (one word is left to the head-word
 * merge). */
static void absorb_bare(run *r, long i, const char *k, size_t kn, size_t words)
{
    long other;
    if (words < 2 || kn == 0 || (other = np__strtab_get(&r->keys, k, kn)) < 0)
        return;
    other = root(r, other);
    if (other != i && E(r, other)->type == NP_ENTITY_ORG)
        merge_into(r, other, i);
}

/* step 3a, for companies: names that differ only in their legal form are
 * one organisation ("Acme Corp." and "Acme Corporation"), and so is the
 * name without it when the text uses that too ("Acme Group Inc." and
 * "Acme Group"). The fuller name is kept. */
static int corp_merge(run *r, grouping *g)
{
    size_t i;
    char k[MAX_KEY];
    int rc;

    for (i = 0; i < r->es.len; i++) {
        ent *e = E(r, (long)i);
        mention *m = M(r, e->best);
        size_t ws[16], we[16], n, h, kn;
        long other;
        if (e->merged_into >= 0 || e->type != NP_ENTITY_ORG || m->ntok < 2)
            continue;
        n = name_words(r, m, ws, we, 16);
        h = n;
        while (h > 1 && legal_form(r, ws[h - 1], we[h - 1]))
            h--;
        if (h == n)
            continue;
        kn = stem_key(r, ws, we, h, k, sizeof k);
        absorb_bare(r, (long)i, k, kn, h);
        /* "Acme Group Inc.", "Acme Holdings Ltd": the group is the company */
        if (h > 1 && (word_is_ci(r, ws[h - 1], we[h - 1], "group") ||
                      word_is_ci(r, ws[h - 1], we[h - 1], "holdings"))) {
            kn = stem_key(r, ws, we, --h, k, sizeof k);
            absorb_bare(r, (long)i, k, kn, h);
        }
        if (kn == 0)
            continue;
        /* another legal form of the same name */
        other = np__strtab_get(&g->corp, k, kn);
        if (other >= 0) {
            long to = root(r, other);
            if (to != (long)i && E(r, to)->type == NP_ENTITY_ORG)
                merge_into(r, (long)i, to);
        } else if ((rc = np__strtab_put(&g->corp, k, kn, (long)i, NULL)) != NP_OK) {
            return rc;
        }
    }
    return NP_OK;
}

/* step 3a, for organisations: file the head word (the last word that is
 * not a cue: "Walt Disney Co." -> "Disney"), the last word (also as a tail
 * after "the") and the first word ("Tottenham") */
static int org_short_keys(run *r, grouping *g, long i, const size_t *ws, const size_t *we, size_t n)
{
    char k[MAX_KEY];
    size_t kn, h = n;
    int rc;

    while (h > 1 && (lx_flags_r(r, r->body + ws[h - 1], we[h - 1] - ws[h - 1]) &
                     NP__LX_ORG_CUE))
        h--;
    if (h < n) {
        kn = make_key(r->body + ws[h - 1], we[h - 1] - ws[h - 1], k, sizeof k, 1);
        if (np__strtab_get(&g->heads, k, kn) < 0 &&
            (rc = np__strtab_put(&g->heads, k, kn, i, NULL)) != NP_OK)
            return rc;
    }
    kn = make_key(r->body + ws[n - 1], we[n - 1] - ws[n - 1], k, sizeof k, 1);
    if (!(lx_flags_r(r, r->body + ws[n - 1], we[n - 1] - ws[n - 1]) & NP__LX_ORG_CUE) &&
        np__strtab_get(&g->heads, k, kn) < 0 &&
        (rc = np__strtab_put(&g->heads, k, kn, i, NULL)) != NP_OK)
        return rc;
    /* "the Times" for "The New York Times" */
    if (np__strtab_get(&g->tails, k, kn) < 0 && (rc = np__strtab_put(&g->tails, k, kn, i, NULL)) != NP_OK)
        return rc;
    /* "the Bank" for "Bank of England": the head word before "of" */
    {
        size_t j;
        for (j = 1; j + 1 < n; j++)
            if (we[j] - ws[j] == 2 && !memcmp(r->body + ws[j], "of", 2))
                break;
        if (j + 1 < n && (lx_flags_r(r, r->body + ws[j - 1], we[j - 1] - ws[j - 1]) &
                          (NP__LX_ORG_CUE | NP__LX_ORG_HEAD))) {
            char hk[MAX_KEY];
            size_t hn = make_key(r->body + ws[j - 1], we[j - 1] - ws[j - 1], hk, sizeof hk, 1);
            if (hn && np__strtab_get(&g->tails, hk, hn) < 0 &&
                (rc = np__strtab_put(&g->tails, hk, hn, i, NULL)) != NP_OK)
                return rc;
        }
    }
    kn = make_key(r->body + ws[0], we[0] - ws[0], k, sizeof k, 1);
    if (!(lx_flags_r(r, r->body + ws[0], we[0] - ws[0]) & (NP__LX_ANYPLACE | NP__LX_GIVEN |
                                                       NP__LX_CONNECTOR)) &&
        !(en_flags_r(r, r->body + ws[0], we[0] - ws[0]) & NP__LEX_LOWER) &&
        np__strtab_get(&g->heads, k, kn) < 0 &&
        (rc = np__strtab_put(&g->heads, k, kn, i, NULL)) != NP_OK)
        return rc;
    return NP_OK;
}

/* step 3a: multi-word non-person names file their initials as an
 * acronym, and organisations their short forms */
static int org_keys(run *r, grouping *g)
{
    size_t i;
    char k[MAX_KEY];
    int rc;

    for (i = 0; i < r->es.len; i++) {
        ent *e = E(r, (long)i);
        mention *m = M(r, e->best);
        size_t ws[16], we[16], n, j, kn = 0;
        long old;
        if (e->merged_into >= 0 || e->type == NP_ENTITY_PERSON || m->ntok < 2)
            continue;
        size_t from = 0, at_and = 0, v;
        n = name_words(r, m, ws, we, 16);
        for (j = 0; j < n && kn + 1 < sizeof k; j++) {
            unsigned char c = (unsigned char)r->body[ws[j]];
            if (c >= 'A' && c <= 'Z')
                k[kn++] = (char)(c + 32);
            else if (!at_and && we[j] - ws[j] == 3 && !memcmp(r->body + ws[j], "and", 3))
                at_and = kn;
        }
        if (kn >= 2) {
            if ((rc = np__strtab_put(&g->acr, k, kn, (long)i, &old)) != NP_OK)
                return rc;
        }
        /* also without a leading nationality and without what follows
         * "and": "CDC" for "Chinese Center for Disease Control and
         * Prevention" */
        if (n > 2 && (lx_flags_r(r, r->body + ws[0], we[0] - ws[0]) & NP__LX_DEMONYM))
            from = 1;
        for (v = 0; v < 3; v++) {
            size_t lo = v == 1 ? 0 : from, hi = v == 0 ? kn : at_and;
            if ((v == 0 && from == 0) || (v > 0 && at_and == 0) || hi < lo + 3 ||
                np__strtab_get(&g->acr, k + lo, hi - lo) >= 0)
                continue;
            if ((rc = np__strtab_put(&g->acr, k + lo, hi - lo, (long)i, &old)) != NP_OK)
                return rc;
        }
        if (e->type == NP_ENTITY_ORG && (rc = org_short_keys(r, g, (long)i, ws, we, n)) != NP_OK)
            return rc;
        /* "the Communist Party" for "Chinese Communist Party": the name
         * without a leading nationality or place, two words or more */
        if (e->type == NP_ENTITY_ORG && n >= 3 && r->body[ws[1] - 1] == ' ' &&
            (lx_flags_r(r, r->body + ws[0], we[0] - ws[0]) & (NP__LX_DEMONYM | NP__LX_ANYPLACE))) {
            kn = make_key(r->body + ws[1], we[n - 1] - ws[1], k, sizeof k, 1);
            if (kn && np__strtab_get(&g->heads, k, kn) < 0 &&
                (rc = np__strtab_put(&g->heads, k, kn, (long)i, NULL)) != NP_OK)
                return rc;
        }
    }
    return NP_OK;
}

/* step 3b: a one-word entity that is a filed acronym, head word, plural
 * head word or tail joins that non-person entity, keeping its type */
static void org_merge(run *r, grouping *g)
{
    size_t i;
    char k[MAX_KEY];

    for (i = 0; i < r->es.len; i++) {
        ent *e = E(r, (long)i);
        mention *m = M(r, e->best);
        long to = -1;
        size_t kn;
        if (e->merged_into >= 0 ||
            (m->ntok != 1 && (e->type != NP_ENTITY_ORG || has_connector(r, m->tb, m->te))) ||
            (e->type == NP_ENTITY_PERSON &&
             (e->votes[NP_ENTITY_PERSON] > 2 || (word_lx(r, m->tb) & NP__LX_GIVEN))))
            continue;
        kn = make_key(r->body + m->start, m->end - m->start, k, sizeof k, 1);
        if ((r->tok[m->tb].flags & NP__TOK_ALLCAPS) &&
            !(e->type == NP_ENTITY_PLACE && strong(e)))
            to = np__strtab_get(&g->acr, k, kn);   /* not "U.S." into "U.S. Senate" */
        if (to < 0 && e->type != NP_ENTITY_PLACE)
            to = np__strtab_get(&g->heads, k, kn);
        if (to < 0 && e->type != NP_ENTITY_PLACE && kn > 3 && k[kn - 1] == 's')
            to = np__strtab_get(&g->heads, k, kn - 1);   /* "Conservatives" */
        if (to < 0 && e->type == NP_ENTITY_ORG &&
            (after_the(r, m->tb) || (m->tb > 0 && tok_eq(r, m->tb - 1, "The"))))
            to = np__strtab_get(&g->tails, k, kn);   /* "The Commission said" */
        if (to >= 0 && E(r, to)->type != NP_ENTITY_ORG && e->type == NP_ENTITY_PERSON)
            to = -1;
        if (to >= 0 && to != (long)i && E(r, to)->merged_into < 0 &&
            E(r, to)->type != NP_ENTITY_PERSON) {
            int t = E(r, to)->type;
            merge_into(r, (long)i, to);
            E(r, to)->type = t;
        }
    }
}

/* step 4, for a confirming mention matching no entity: a known place
 * opening a paragraph before punctuation (a dateline) becomes a place */
static int confirm_dateline(run *r, long i, const char *k, size_t kn)
{
    mention *m = M(r, i);
    uint32_t f = span_lx(r, m->tb, m->te, NULL);
    long e;
    int rc;

    if ((r->tok[m->tb].flags & NP__TOK_PARA_START) && (f & NP__LX_ANYPLACE) &&
        m->te < r->ntok && !(r->tok[m->te].flags & NP__TOK_WORD)) {
        if ((rc = new_ent(r, i, &e)) != NP_OK ||
            (rc = np__strtab_put(&r->keys, k, kn, e, NULL)) != NP_OK)
            return rc;
        E(r, e)->type = NP_ENTITY_PLACE;
        m->type = NP_ENTITY_PLACE;
        m->weight = 2;
        m->ent = e;
        vote(r, e, m);
    }
    return NP_OK;
}

/* step 4: headline and all-capital mentions only confirm names the body
 * established (by key, surname, first name or acronym) */
static int group_confirm(run *r, grouping *g)
{
    size_t i;
    char k[MAX_KEY];
    long last_confirm = -1;
    int rc;

    for (i = 0; i < r->ms.len; i++) {
        mention *m = M(r, (long)i);
        size_t kn;
        long e;
        if (!m->confirm)
            continue;
        kn = group_key(r, m, k, sizeof k);
        e = kn ? np__strtab_get(&r->keys, k, kn) : -1;
        if (e < 0 && kn) {
            e = np__strtab_get(&g->sur, k, kn);
            if (e < 0 && m->ntok == 1)
                e = np__strtab_get(&g->firsts, k, kn);
            if (e < 0 && m->ntok == 1 && (r->tok[m->tb].flags & NP__TOK_ALLCAPS))
                e = np__strtab_get(&g->acr, k, kn);
        }
        if (e < 0) {
            if ((rc = confirm_dateline(r, (long)i, k, kn)) != NP_OK)
                return rc;
            continue;
        }
        e = root(r, e);
        if (E(r, e)->type < 0)
            continue;
        /* single words inside an accepted longer headline run, or next to
         * a word of the same name ("Vladimir" "Putin"), are one mention */
        if (last_confirm >= 0 && M(r, last_confirm)->ent >= 0) {
            mention *lm = M(r, last_confirm);
            if (lm->start <= m->start && lm->end >= m->end)
                continue;
            if (root(r, lm->ent) == e && m->tb >= lm->te && m->tb <= lm->te + 1 &&
                (m->tb == lm->te || tok_eq(r, lm->te, "-"))) {
                lm->end = m->end;
                lm->te = m->te;
                continue;
            }
        }
        last_confirm = (long)i;
        m->ent = e;
        m->type = E(r, e)->type;
        E(r, e)->n++;
        if (M(r, E(r, e)->first)->start > m->start)
            E(r, e)->first = (long)i;
    }
    return NP_OK;
}

/* Groups mentions into entities and merges short forms into full ones:
 * exact keys, then people, then organisations, then the headline and
 * all-capital mentions that only confirm. */
static int group(run *r)
{
    grouping g;
    int rc;

    memset(&g, 0, sizeof g);
    if ((rc = group_exact(r)) != NP_OK ||
        (rc = people_keys(r, &g)) != NP_OK)
        goto out;
    people_merge(r, &g);
    list_types(r);   /* after people took their surnames: lists of sure types */
    hyphen_pairs(r, &g);
    if ((rc = corp_merge(r, &g)) != NP_OK || (rc = org_keys(r, &g)) != NP_OK)
        goto out;
    org_merge(r, &g);
    rc = group_confirm(r, &g);

out:
    np__strtab_free(&g.sur);
    np__strtab_free(&g.firsts);
    np__strtab_free(&g.fam);
    np__strtab_free(&g.tr);
    np__strtab_free(&g.trfull);
    np__strtab_free(&g.acr);
    np__strtab_free(&g.heads);
    np__strtab_free(&g.tails);
    np__strtab_free(&g.corp);
    return rc;
}

/* ---------------------------------------------------------------- output */

typedef struct outrec {
    long ent;
    size_t first;
} outrec;

static int cmp_out(const void *a, const void *b)
{
    const outrec *x = a, *y = b;
    return x->first < y->first ? -1 : x->first > y->first;
}

static int cmp_span(const void *a, const void *b)
{
    const size_t *x = a, *y = b;
    return x[0] < y[0] ? -1 : x[0] > y[0];
}

/* Whether an entity of unknown or weak evidence is kept. */
static int keep_entity(run *r, const ent *e)
{
    mention *m = M(r, e->best);
    if (e->type < 0)
        return 0;
    if (e->votes[e->type] >= 2)
        return 1;
    /* weak single guesses: need a second mention or a clear shape */
    if (e->n >= 2)
        return 1;
    if (m->ntok >= 2)
        return 1;
    return 0;
}

static int emit(run *r)
{
    np_document *d = r->c->doc;
    outrec *order;
    size_t n = 0, i;
    long *slot;
    int rc = NP_OK;

    order = np__calloc(r->es.len ? r->es.len : 1, sizeof(outrec));
    slot = np__calloc(r->es.len ? r->es.len : 1, sizeof(long));
    if (!order || !slot) {
        np__free(order);
        np__free(slot);
        return NP_ENOMEM;
    }
    for (i = 0; i < r->es.len; i++) {
        ent *e = E(r, (long)i);
        slot[i] = -1;
        if (e->merged_into >= 0 || !keep_entity(r, e))
            continue;
        order[n].ent = (long)i;
        order[n].first = M(r, e->first)->start;
        n++;
    }
    qsort(order, n, sizeof(outrec), cmp_out);
    for (i = 0; i < n; i++) {
        ent *e = E(r, order[i].ent);
        struct np_entity *o = np__vec_push(&d->entities);
        mention *b = M(r, e->best);
        if (!o) {
            rc = NP_ENOMEM;
            goto out;
        }
        slot[order[i].ent] = (long)i;
        o->name = np__arena_strndup(d->arena, r->body + b->start, b->end - b->start);
        o->role = e->role_end ? np__arena_strndup(d->arena, r->body + e->role_start,
                                                  e->role_end - e->role_start)
                              : NULL;
        o->type = e->type;
        o->n_mentions = 0;
        o->spans = NULL;
        if (!o->name || (e->role_end && !o->role)) {
            rc = NP_ENOMEM;
            goto out;
        }
    }
    /* count mentions per output entity, then fill */
    {
        size_t *cnt = np__calloc(n ? n : 1, sizeof(size_t));
        if (!cnt) {
            rc = NP_ENOMEM;
            goto out;
        }
        for (i = 0; i < r->ms.len; i++) {
            mention *m = M(r, (long)i);
            long s;
            if (m->ent < 0)
                continue;
            s = slot[root(r, m->ent)];
            if (s >= 0)
                cnt[s]++;
        }
        for (i = 0; i < n; i++) {
            struct np_entity *o = np__vec_at(&d->entities, d->entities.len - n + i);
            o->spans = np__arena_alloc(d->arena, 2 * (cnt[i] ? cnt[i] : 1) * sizeof(size_t));
            if (!o->spans) {
                np__free(cnt);
                rc = NP_ENOMEM;
                goto out;
            }
        }
        np__free(cnt);
        for (i = 0; i < r->ms.len; i++) {
            mention *m = M(r, (long)i);
            struct np_entity *o;
            long s;
            if (m->ent < 0)
                continue;
            s = slot[root(r, m->ent)];
            if (s < 0)
                continue;
            o = np__vec_at(&d->entities, d->entities.len - n + (size_t)s);
            /* a mention inside one already counted (headline runs) */
            if (o->n_mentions &&
                o->spans[2 * (o->n_mentions - 1)] <= m->start &&
                o->spans[2 * (o->n_mentions - 1) + 1] >= m->end)
                continue;
            o->spans[2 * o->n_mentions] = m->start;
            o->spans[2 * o->n_mentions + 1] = m->end;
            o->n_mentions++;
        }
        for (i = 0; i < n; i++) {
            struct np_entity *o = np__vec_at(&d->entities, d->entities.len - n + i);
            qsort(o->spans, o->n_mentions, 2 * sizeof(size_t), cmp_span);
        }
    }
out:
    np__free(order);
    np__free(slot);
    return rc;
}

/* Is the document in another language than English: a language tag that
 * says so, or lower-case words that are mostly not English? */
static int foreign_text(const run *r, const np_document *d)
{
    const char *lang = d->meta[NP__LANGUAGE];
    size_t i, words = 0, english = 0;
    if (lang && *lang && !((lang[0] == 'e' || lang[0] == 'E') &&
                           (lang[1] == 'n' || lang[1] == 'N') &&
                           (lang[2] == '\0' || lang[2] == '-' || lang[2] == '_')))
        return 1;
    for (i = 0; i < r->ntok && words < 4000; i++) {
        uint32_t f = r->tok[i].flags;
        if (!(f & NP__TOK_WORD) || (f & (NP__TOK_UPPER | NP__TOK_ALLCAPS | NP__TOK_DIGIT)))
            continue;
        words++;
        if (en_flags_r(r, tok_s(r, i), tok_n(r, i)) & NP__LEX_LOWER)
            english++;
    }
    return words >= 8 && english * 10 < words * 6;
}

int np__entities(np__ctx *c, const np__tokens *tk)
{
    run r;
    int rc;

    if (!c->doc->body || tk->toks.len == 0)
        return NP_OK;
    memset(&r, 0, sizeof(r));
    r.c = c;
    r.body = c->doc->body;
    r.ntok = tk->toks.len;
    /* a private copy: abbreviations take their dot */
    r.tok = np__malloc(r.ntok * sizeof(np__token));
    r.skip = np__calloc(r.ntok, 1);
    np__vec_init(&r.ms, sizeof(mention));
    np__vec_init(&r.es, sizeof(ent));
    if (!r.tok || !r.skip) {
        rc = NP_ENOMEM;
        goto out;
    }
    memcpy(r.tok, tk->toks.ptr, r.ntok * sizeof(np__token));
    /* optional: without it the lexicon answers are only slower */
    r.lxc = np__calloc(1, sizeof(*r.lxc));
    r.foreign = foreign_text(&r, c->doc);
    mark_abbrev(&r);
    /* the tokens are final: cache their lexicon flags from now on */
    r.wlx = np__calloc(r.ntok, sizeof(uint32_t));
    r.wen = np__calloc(r.ntok, sizeof(uint32_t));
    if (!r.wlx || !r.wen) {
        rc = NP_ENOMEM;
        goto out;
    }
    rc = find_mentions(&r, tk);
    if (rc == NP_OK)
        rc = group(&r);
    if (rc == NP_OK)
        rc = emit(&r);
out:
    np__free(r.tok);
    np__free(r.skip);
    np__free(r.wlx);
    np__free(r.wen);
    np__free(r.lxc);
    np__vec_free(&r.ms);
    np__vec_free(&r.es);
    np__strtab_free(&r.keys);
    return rc;
}

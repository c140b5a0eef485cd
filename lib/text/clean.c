/*
 * Text cleanup: the public np_clean() API, the document stage, and the
 * machinery shared by the passes (edit recording and offset mapping).
 */
#include <stdlib.h>
#include <string.h>

#include <unicode/ucnv.h>
#include <unicode/unorm2.h>

#include "text.h"
#include "data/english_words.h"

/* ------------------------------------------------------------ state */

static const char *const cp_names[NP__CP_COUNT] = {
    "windows-1252", "windows-1251", "windows-1250", "windows-1257",
    "macintosh", "ibm-437", "iso-8859-2", "windows-1253", "windows-1254"
};

static int cp_load(np__codepage *cp, const char *name)
{
    UErrorCode err = U_ZERO_ERROR;
    UConverter *cv = ucnv_open(name, &err);
    int i, j;
    if (U_FAILURE(err) || !cv)
        return -1;
    ucnv_setToUCallBack(cv, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &err);
    cp->name = name;
    cp->nrev = 0;
    for (i = 0; i < 128; i++) {
        char b = (char)(0x80 + i);
        UChar u[4];
        int32_t k;
        err = U_ZERO_ERROR;
        ucnv_reset(cv);
        k = ucnv_toUChars(cv, u, 4, &b, 1, &err);
        cp->to_uni[i] = 0;
        if (U_SUCCESS(err) && k == 1 && u[0] != 0xFFFD && u[0] != 0x1A)
            cp->to_uni[i] = u[0];
        else if (i < 0x20)
            cp->to_uni[i] = 0x80 + (uint32_t)i;  /* sloppy: C1 as itself */
    }
    ucnv_close(cv);
    /* reverse table, sorted by code point (insertion sort: 128 items) */
    for (i = 0; i < 128; i++) {
        uint32_t u = cp->to_uni[i];
        if (!u)
            continue;
        j = cp->nrev++;
        while (j > 0 && cp->rev_cp[j - 1] > u) {
            cp->rev_cp[j] = cp->rev_cp[j - 1];
            cp->rev_byte[j] = cp->rev_byte[j - 1];
            j--;
        }
        cp->rev_cp[j] = u;
        cp->rev_byte[j] = (unsigned char)(0x80 + i);
    }
    return 0;
}

int np__text_state_init(struct np__text_state *s)
{
    UErrorCode err = U_ZERO_ERROR;
    memset(s, 0, sizeof(*s));
    s->nfc = unorm2_getNFCInstance(&err);
    if (U_FAILURE(err))
        return NP_ERROR;
    s->nfkc = unorm2_getNFKCInstance(&err);
    if (U_FAILURE(err))
        return NP_ERROR;
    return NP_OK;
}

int np__text_codepages(struct np__text_state *s)
{
    int i;
    if (s->cp_loaded)
        return s->ncp ? NP_OK : NP_ERROR;
    s->cp_loaded = 1;
    for (i = 0; i < NP__CP_COUNT; i++)
        if (cp_load(&s->cp[s->ncp], cp_names[i]) == 0)
            s->ncp++;
    if (s->ncp == 0 || strcmp(s->cp[0].name, "windows-1252")) {
        s->ncp = 0;
        return NP_ERROR;
    }
    return NP_OK;
}

void np__text_state_free(struct np__text_state *s)
{
    np__free(s);  /* ICU normalisers are shared singletons */
}

static struct np__text_state *state_new(int *rc)
{
    struct np__text_state *s = np__malloc(sizeof(*s));
    if (!s) {
        *rc = NP_ENOMEM;
        return NULL;
    }
    *rc = np__text_state_init(s);
    if (*rc != NP_OK) {
        np__free(s);
        return NULL;
    }
    return s;
}

/* ------------------------------------------------------------ texts */

int np__ttext_init(np__ttext *t, const char *s, size_t n)
{
    int i;
    memset(t, 0, sizeof(*t));
    for (i = 0; i < NP__MAX_PASSES; i++)
        np__vec_init(&t->ed[i], sizeof(np__tedit));
    t->s = np__malloc(n + 1);
    t->orig = np__malloc(n + 1);
    if (!t->s || !t->orig) {
        np__free(t->s);
        np__free(t->orig);
        t->s = t->orig = NULL;
        return NP_ENOMEM;
    }
    if (n) {
        memcpy(t->s, s, n);
        memcpy(t->orig, s, n);
    }
    t->s[n] = '\0';
    t->orig[n] = '\0';
    t->n = n;
    t->orig_n = n;
    return NP_OK;
}

void np__ttext_free(np__ttext *t)
{
    int i;
    for (i = 0; i < NP__MAX_PASSES; i++)
        np__vec_free(&t->ed[i]);
    np__free(t->s);
    np__free(t->orig);
    t->s = NULL;
    t->orig = NULL;
}

int np__tw_begin(np__tw *w, np__ttext *t)
{
    np__buf z = NP__BUF_INIT;
    w->t = t;
    w->in = t->s;
    w->n = t->n;
    w->done = 0;
    w->out = z;
    w->err = NP_OK;
    if (t->npass >= NP__MAX_PASSES)
        return NP_ERROR;
    w->ed = &t->ed[t->npass];
    return NP_OK;
}

void np__tw_edit(np__tw *w, size_t s, size_t e, const char *rep, size_t rl,
                 const char *rule)
{
    np__tedit *ed;
    if (w->err || s < w->done || e < s || e > w->n)
        return;
    if (s == e && rl == 0)
        return;
    if (e - s == rl && !memcmp(w->in + s, rep, rl))
        return;
    if (!w->out.cap && np__buf_reserve(&w->out, w->n + 16) != NP_OK) {
        w->err = NP_ENOMEM;
        return;
    }
    np__buf_put(&w->out, w->in + w->done, s - w->done);
    ed = np__vec_push(w->ed);
    if (!ed) {
        w->err = NP_ENOMEM;
        return;
    }
    ed->in_s = s;
    ed->in_e = e;
    ed->out_s = w->out.len;
    ed->rule = rule;
    np__buf_put(&w->out, rep, rl);
    ed->out_e = w->out.len;
    w->done = e;
    if (w->out.oom)
        w->err = NP_ENOMEM;
}

int np__tw_end(np__tw *w)
{
    np__ttext *t = w->t;
    if (w->err) {
        np__buf_free(&w->out);
        return w->err;
    }
    t->npass++;
    if (!w->ed->len) {
        np__buf_free(&w->out);
        return NP_OK;
    }
    np__buf_put(&w->out, w->in + w->done, w->n - w->done);
    if (w->out.oom) {
        np__buf_free(&w->out);
        return NP_ENOMEM;
    }
    np__free(t->s);
    t->s = np__buf_detach(&w->out, &t->n);
    return NP_OK;
}

/* Maps an offset of pass j's output back to its input (is_end picks the
 * end of an edit the offset falls inside). */
static size_t map_back(const np__vec *ed, size_t x, int is_end)
{
    const np__tedit *e = ed->ptr;
    size_t lo = 0, hi = ed->len;
    while (lo < hi) {     /* first edit with out_s > x */
        size_t mid = (lo + hi) / 2;
        if (e[mid].out_s <= x)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == 0)
        return x;
    e += lo - 1;
    if (x == e->out_s && (!is_end || e->out_s == e->out_e))
        return e->in_s;
    if (x < e->out_e || (x == e->out_e && x == e->out_s))
        return is_end ? e->in_e : e->in_s;
    return x - e->out_e + e->in_e;
}

static size_t map_fwd(const np__vec *ed, size_t x, int is_end)
{
    const np__tedit *e = ed->ptr;
    size_t lo = 0, hi = ed->len;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (e[mid].in_s <= x)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == 0)
        return x;
    e += lo - 1;
    if (x == e->in_s && (!is_end || e->in_s == e->in_e))
        return e->out_s;
    if (x < e->in_e || (x == e->in_e && x == e->in_s))
        return is_end ? e->out_e : e->out_s;
    return x - e->in_e + e->out_e;
}

typedef struct fixrec {
    size_t a, b, c, d;   /* input span, output span */
    const char *rule;
    size_t order;
} fixrec;

static int fixrec_cmp(const void *x, const void *y)
{
    const fixrec *p = x, *q = y;
    if (p->c != q->c)
        return p->c < q->c ? -1 : 1;
    if (p->a != q->a)
        return p->a < q->a ? -1 : 1;
    return p->order < q->order ? -1 : p->order > q->order;
}

/* A copy of s[0..n) in the arena, bytes that are not UTF-8 as \xNN. */
static char *arena_text(np__arena *arena, const char *s, size_t n)
{
    np__buf b = NP__BUF_INIT;
    size_t k = 0;
    char *r;
    if (np__utf8_valid(s, n))
        return np__arena_strndup(arena, s, n);
    while (k < n) {
        size_t q = np__utf8_valid_seq((const unsigned char *)s + k, n - k);
        if (q) {
            np__buf_put(&b, s + k, q);
            k += q;
        } else {
            np__buf_printf(&b, "\\x%02X", (unsigned char)s[k]);
            k++;
        }
    }
    r = b.oom ? NULL : np__arena_strndup(arena, b.ptr ? b.ptr : "", b.len);
    np__buf_free(&b);
    return r;
}

/* The edits of every pass, mapped to the original input and the final
 * output; edits that touch the same text are merged into one fix (named
 * after the first rule that touched it), so that each fix's "after" is
 * exactly the output between its offsets and its "before" the input
 * between its input offsets. */
int np__ttext_fixes(np__ttext *t, np__arena *arena, np__vec *out,
                    size_t block)
{
    int k, j;
    size_t i, total = 0, m = 0;
    fixrec *rec;
    for (k = 0; k < t->npass; k++)
        total += t->ed[k].len;
    if (!total)
        return NP_OK;
    rec = np__malloc(total * sizeof(*rec));
    if (!rec)
        return NP_ENOMEM;
    for (k = 0; k < t->npass; k++) {
        const np__tedit *e = t->ed[k].ptr;
        for (i = 0; i < t->ed[k].len; i++) {
            size_t a = e[i].in_s, b = e[i].in_e;
            size_t c = e[i].out_s, d = e[i].out_e;
            for (j = k - 1; j >= 0; j--) {
                a = map_back(&t->ed[j], a, 0);
                b = map_back(&t->ed[j], b, 1);
            }
            for (j = k + 1; j < t->npass; j++) {
                c = map_fwd(&t->ed[j], c, 0);
                d = map_fwd(&t->ed[j], d, 1);
            }
            rec[m].a = a;
            rec[m].b = b < a ? a : b;
            rec[m].c = c;
            rec[m].d = d < c ? c : d;
            rec[m].rule = e[i].rule;
            rec[m].order = m;
            m++;
        }
    }
    qsort(rec, m, sizeof(*rec), fixrec_cmp);
    for (i = 0; i < m;) {
        fixrec f = rec[i++];
        np_fix *x;
        /* merge what overlaps (or is an insertion at the same place) */
        while (i < m && (rec[i].c < f.d || (rec[i].c == f.c && rec[i].c == f.d) ||
                         rec[i].a < f.b)) {
            if (rec[i].a < f.a)
                f.a = rec[i].a;
            if (rec[i].b > f.b)
                f.b = rec[i].b;
            if (rec[i].d > f.d)
                f.d = rec[i].d;
            if (rec[i].order < f.order) {
                f.order = rec[i].order;
                f.rule = rec[i].rule;
            }
            i++;
        }
        if (f.b > t->orig_n)
            f.b = t->orig_n;
        if (f.d > t->n)
            f.d = t->n;
        if (f.b - f.a == f.d - f.c &&
            !memcmp(t->orig + f.a, t->s + f.c, f.b - f.a))
            continue;   /* changed and changed back */
        x = np__vec_push(out);
        if (!x) {
            np__free(rec);
            return NP_ENOMEM;
        }
        x->rule = f.rule;
        x->before = arena_text(arena, t->orig + f.a, f.b - f.a);
        x->after = np__arena_strndup(arena, t->s + f.c, f.d - f.c);
        x->in_start = f.a;
        x->in_end = f.b;
        x->start = f.c;
        x->end = f.d;
        x->block = block;
        if (!x->before || !x->after) {
            np__free(rec);
            return NP_ENOMEM;
        }
    }
    np__free(rec);
    return NP_OK;
}

/* ------------------------------------------------------------ evidence */

static uint32_t name_hash(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    size_t i;
    for (i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

static void name_add(np__cleaner *c, const char *s, size_t n)
{
    size_t i;
    if (c->oom)
        return;
    if ((c->name_count + 1) * 2 > c->name_cap) {
        size_t cap = c->name_cap ? c->name_cap * 2 : 64, k;
        size_t *no = np__calloc(cap, sizeof(*no));
        size_t *nl = np__calloc(cap, sizeof(*nl));
        if (!no || !nl) {
            np__free(no);
            np__free(nl);
            c->oom = 1;
            return;
        }
        for (k = 0; k < c->name_cap; k++) {
            if (!c->name_len[k])
                continue;
            i = name_hash(c->namebuf.ptr + c->name_off[k], c->name_len[k]) &
                (cap - 1);
            while (nl[i])
                i = (i + 1) & (cap - 1);
            no[i] = c->name_off[k];
            nl[i] = c->name_len[k];
        }
        np__free(c->name_off);
        np__free(c->name_len);
        c->name_off = no;
        c->name_len = nl;
        c->name_cap = cap;
    }
    i = name_hash(s, n) & (c->name_cap - 1);
    while (c->name_len[i]) {
        if (c->name_len[i] == n && !memcmp(c->namebuf.ptr + c->name_off[i], s, n))
            return;
        i = (i + 1) & (c->name_cap - 1);
    }
    c->name_off[i] = c->namebuf.len;
    if (np__buf_put(&c->namebuf, s, n) != NP_OK) {
        c->oom = 1;
        return;
    }
    c->name_len[i] = n;
    c->name_count++;
}

int np__cleaner_has_name(const np__cleaner *c, const char *s, size_t n)
{
    size_t i;
    if (!c->name_cap || !n)
        return 0;
    i = name_hash(s, n) & (c->name_cap - 1);
    while (c->name_len[i]) {
        if (c->name_len[i] == n && !memcmp(c->namebuf.ptr + c->name_off[i], s, n))
            return 1;
        i = (i + 1) & (c->name_cap - 1);
    }
    return 0;
}

void np__cleaner_free(np__cleaner *c)
{
    np__free(c->name_off);
    np__free(c->name_len);
    np__buf_free(&c->namebuf);
    c->name_off = NULL;
    c->name_len = NULL;
    c->name_cap = c->name_count = 0;
}

static int is_alpha(unsigned char ch)
{
    return (ch | 0x20) >= 'a' && (ch | 0x20) <= 'z';
}

void np__evidence_scan(np__cleaner *c, const char *s, size_t n,
                       size_t *words, size_t *english, size_t *curly,
                       size_t *straight)
{
    size_t i = 0, seen = 0;
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

static void evidence_decide(np__cleaner *c, size_t words, size_t english,
                            size_t curly, size_t straight)
{
    c->english = words > 0 && english * 10 >= words * 6;
    c->apos = curly > straight ? 0x2019 : (straight ? '\'' : 0x2019);
    if (!curly && !straight)
        c->apos = '\'';
}

/* ------------------------------------------------------------ driver */

static int clean_first(np__cleaner *c, np__ttext *t)
{
    int rc;
    if ((rc = np__pass_bytes(c, t)) != NP_OK)
        return rc;
    if ((rc = np__pass_mojibake(c, t)) != NP_OK)
        return rc;
    if ((rc = np__pass_markup(c, t)) != NP_OK)
        return rc;
    if ((rc = np__pass_chars(c, t)) != NP_OK)
        return rc;
    return np__pass_nfc(c, t);
}

static int clean_second(np__cleaner *c, np__ttext *t)
{
    int rc;
    if ((rc = np__pass_spaces(c, t)) != NP_OK)
        return rc;
    return np__pass_apostrophes(c, t);
}

/* ------------------------------------------------------------ public */

struct np_clean_result {
    char *text;
    size_t len;
    np__vec fixes;
    np__arena *arena;
};

int np_clean_options_init(np_clean_options *opts, unsigned int version)
{
    if (!opts || version == 0 || version > NP_CLEAN_OPTIONS_VERSION)
        return NP_EINVAL;
    memset(opts, 0, sizeof(*opts));
    opts->version = version;
    return NP_OK;
}

int np_clean(np_clean_result **out, const char *buf, size_t len,
             const np_clean_options *opts)
{
    np_clean_result *r;
    np__cleaner c;
    np__ttext t;
    size_t words = 0, eng = 0, curly = 0, straight = 0, max;
    int rc;
    if (out)
        *out = NULL;
    if (!out || (!buf && len))
        return NP_EINVAL;
    if (opts && (opts->version == 0 || opts->version > NP_CLEAN_OPTIONS_VERSION))
        return NP_EINVAL;
    max = opts && opts->max_bytes ? opts->max_bytes : (size_t)256 << 20;
    if (len > max)
        return NP_ELIMIT;
    memset(&c, 0, sizeof(c));
    c.flags = opts ? opts->flags : 0;
    c.st = state_new(&rc);
    if (!c.st)
        return rc;
    r = np__calloc(1, sizeof(*r));
    if (!r) {
        np__text_state_free(c.st);
        return NP_ENOMEM;
    }
    np__vec_init(&r->fixes, sizeof(np_fix));
    r->arena = np__arena_new();
    rc = r->arena ? np__ttext_init(&t, buf ? buf : "", len) : NP_ENOMEM;
    if (rc == NP_OK) {
        rc = clean_first(&c, &t);
        if (rc == NP_OK) {
            np__evidence_scan(&c, t.s, t.n, &words, &eng, &curly, &straight);
            evidence_decide(&c, words, eng, curly, straight);
            rc = c.oom ? NP_ENOMEM : clean_second(&c, &t);
        }
        if (rc == NP_OK)
            rc = np__ttext_fixes(&t, r->arena, &r->fixes, 0);
        if (rc == NP_OK) {
            r->text = t.s;
            r->len = t.n;
            t.s = NULL;
        }
        np__ttext_free(&t);
    }
    np__cleaner_free(&c);
    np__text_state_free(c.st);
    if (rc != NP_OK) {
        np_clean_result_free(r);
        return rc;
    }
    *out = r;
    return NP_OK;
}

const char *np_clean_result_text(const np_clean_result *r, size_t *len)
{
    if (len)
        *len = r ? r->len : 0;
    return r ? r->text : "";
}

size_t np_clean_result_fix_count(const np_clean_result *r)
{
    return r ? r->fixes.len : 0;
}

const np_fix *np_clean_result_fix(const np_clean_result *r, size_t i)
{
    return r && i < r->fixes.len ? np__vec_at(&r->fixes, i) : NULL;
}

void np_clean_result_free(np_clean_result *r)
{
    if (!r)
        return;
    np__vec_free(&r->fixes);
    np__arena_free(r->arena);
    np__free(r->text);
    np__free(r);
}

/* ------------------------------------------------------------ document */

/* Cleans a metadata string in place (no fixes recorded). */
static int clean_meta(np__cleaner *c, np_document *d, const char **field)
{
    np__ttext t;
    int rc;
    if (!*field)
        return NP_OK;
    rc = np__ttext_init(&t, *field, strlen(*field));
    if (rc == NP_OK)
        rc = clean_first(c, &t);
    if (rc == NP_OK)
        rc = clean_second(c, &t);
    if (rc == NP_OK && (t.n != strlen(*field) || memcmp(t.s, *field, t.n))) {
        const char *s = np__arena_strndup(d->arena, t.s, t.n);
        if (!s)
            rc = NP_ENOMEM;
        else if (t.n)
            *field = s;
    }
    np__ttext_free(&t);
    return rc;
}

int np__clean_document(np__ctx *cx)
{
    np_document *d = cx->doc;
    np__cleaner c;
    np__ttext *tt;
    size_t nb = d->blocks.len, i;
    size_t words = 0, eng = 0, curly = 0, straight = 0;
    int rc = NP_OK;
    memset(&c, 0, sizeof(c));
    if (cx->parser) {
        if (!cx->parser->text) {
            cx->parser->text = state_new(&rc);
            if (!cx->parser->text)
                return rc;
        }
        c.st = cx->parser->text;
    } else {
        c.st = state_new(&rc);
        if (!c.st)
            return rc;
    }
    tt = np__calloc(nb ? nb : 1, sizeof(*tt));
    if (!tt) {
        rc = NP_ENOMEM;
        goto done;
    }
    for (i = 0; i < nb && rc == NP_OK; i++) {
        np__block *b = np__vec_at(&d->blocks, i);
        rc = np__ttext_init(&tt[i], b->text ? b->text : "", b->len);
        if (rc == NP_OK)
            rc = clean_first(&c, &tt[i]);
        if (rc == NP_OK)
            np__evidence_scan(&c, tt[i].s, tt[i].n, &words, &eng, &curly,
                              &straight);
    }
    if (rc == NP_OK && c.oom)
        rc = NP_ENOMEM;
    if (rc == NP_OK)
        evidence_decide(&c, words, eng, curly, straight);
    for (i = 0; i < nb && rc == NP_OK; i++) {
        np__block *b = np__vec_at(&d->blocks, i);
        {
            /* preformatted text keeps its spacing and its words as
             * written (code, tables, verse) */
            uint32_t keep = c.flags;
            if (b->kind == NP_BLOCK_PREFORMATTED)
                c.flags |= NP_CLEAN_NO_WHITESPACE | NP_CLEAN_NO_PUNCT_SPACE |
                           NP_CLEAN_NO_APOSTROPHES;
            rc = clean_second(&c, &tt[i]);
            c.flags = keep;
        }
        if (rc == NP_OK && tt[i].npass && (tt[i].n != b->len ||
                                           memcmp(tt[i].s, b->text, b->len))) {
            char *s = np__arena_strndup(d->arena, tt[i].s, tt[i].n);
            if (!s)
                rc = NP_ENOMEM;
            else {
                b->text = s;
                b->len = tt[i].n;
            }
        }
        if (rc == NP_OK)
            rc = np__ttext_fixes(&tt[i], d->arena, &d->fixes, i);
    }
    if (rc == NP_OK) {
        /* blocks that were only markup remnants are gone: drop them and
         * their fixes, renumbering the others */
        np__block *bl = d->blocks.ptr;
        np_fix *fx = d->fixes.ptr;
        size_t keep = 0, k, nf = 0;
        size_t *map = np__malloc((nb ? nb : 1) * sizeof(size_t));
        if (!map) {
            rc = NP_ENOMEM;
            goto done;
        }
        for (i = 0; i < nb; i++) {
            map[i] = bl[i].len ? keep : (size_t)-1;
            if (bl[i].len)
                bl[keep++] = bl[i];
        }
        if (keep < nb) {
            for (k = 0; k < d->fixes.len; k++) {
                size_t b = fx[k].block, q;
                if (b < nb && map[b] == (size_t)-1) {
                    /* the fix of a block that is gone stays on record, as
                     * an empty span where the block was */
                    for (q = b + 1; q < nb && map[q] == (size_t)-1; q++)
                        ;
                    if (q < nb) {
                        fx[k].block = map[q];
                        fx[k].start = fx[k].end = 0;
                    } else {
                        for (q = b; q > 0 && map[q - 1] == (size_t)-1; q--)
                            ;
                        fx[k].block = q > 0 ? map[q - 1] : (size_t)-1;
                        fx[k].start = fx[k].end =
                            q > 0 ? bl[map[q - 1]].len : 0;
                    }
                } else if (b < nb) {
                    fx[k].block = map[b];
                }
                fx[nf++] = fx[k];
            }
            d->fixes.len = nf;
            d->blocks.len = keep;
        }
        np__free(map);
    }
    if (rc == NP_OK)
        rc = clean_meta(&c, d, &d->meta[NP__TITLE]);
    if (rc == NP_OK)
        rc = clean_meta(&c, d, &d->meta[NP__DESCRIPTION]);
    for (i = 0; rc == NP_OK && i < d->authors.len; i++)
        rc = clean_meta(&c, d, (const char **)np__vec_at(&d->authors, i));
done:
    if (tt) {
        for (i = 0; i < nb; i++)
            if (tt[i].s)
                np__ttext_free(&tt[i]);
        np__free(tt);
    }
    np__cleaner_free(&c);
    if (!cx->parser)
        np__text_state_free(c.st);
    return rc;
}

/*
 * The machinery the cleanup passes write with: the per-parser state and its
 * code page tables, texts under cleanup, the pass writer that records each
 * edit, and the mapping of every pass's edits back to the input and forward
 * to the output as np_fix elements.
 */
#include <stdlib.h>
#include <string.h>

#include <unicode/ucnv.h>
#include <unicode/unorm2.h>

#include "text/edit.h"

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

/* The two sides of a pass's edits: its input and its output. */
enum { SIDE_IN, SIDE_OUT };

static size_t side_s(const np__tedit *e, int side)
{
    return side == SIDE_IN ? e->in_s : e->out_s;
}

static size_t side_e(const np__tedit *e, int side)
{
    return side == SIDE_IN ? e->in_e : e->out_e;
}

/* Maps offset x on one side (from) of a pass's edits to the other side:
 * before every edit it stays; at or inside an edit it goes to the edit's
 * start on the other side, or with is_end to its end; after an edit it
 * moves by the difference of the two sides. */
static size_t map_side(const np__vec *ed, size_t x, int is_end, int from)
{
    const np__tedit *e = ed->ptr;
    const int to = from == SIDE_IN ? SIDE_OUT : SIDE_IN;
    size_t lo = 0, hi = ed->len, s, en;
    while (lo < hi) {     /* the first edit that starts after x */
        size_t mid = (lo + hi) / 2;
        if (side_s(&e[mid], from) <= x)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == 0)
        return x;
    e += lo - 1;
    s = side_s(e, from);
    en = side_e(e, from);
    if (x == s && (!is_end || s == en))
        return side_s(e, to);
    if (x < en || (x == en && x == s))
        return is_end ? side_e(e, to) : side_s(e, to);
    return x - en + side_e(e, to);
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

/* A copy of s[0..n) in the arena, bytes that are not UTF-8 as \xNN; its
 * length in *len (it may hold NUL bytes). */
static char *arena_text(np__arena *arena, const char *s, size_t n, size_t *len)
{
    np__buf b = NP__BUF_INIT;
    size_t k = 0;
    char *r;
    *len = n;
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
    *len = b.len;
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
                a = map_side(&t->ed[j], a, 0, SIDE_OUT);
                b = map_side(&t->ed[j], b, 1, SIDE_OUT);
            }
            for (j = k + 1; j < t->npass; j++) {
                c = map_side(&t->ed[j], c, 0, SIDE_IN);
                d = map_side(&t->ed[j], d, 1, SIDE_IN);
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
        x->before = arena_text(arena, t->orig + f.a, f.b - f.a, &x->before_len);
        x->after = np__arena_strndup(arena, t->s + f.c, f.d - f.c);
        x->after_len = f.d - f.c;
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

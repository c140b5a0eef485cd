/*
 * Plain-text articles, as scraped from a page: one paragraph per line
 * (blank lines between paragraphs or not).
 *
 * The head of such a text often carries what the page's markup held: a
 * left-over tag or comment, the headline, a standfirst, a date line, the
 * headline again, an image caption and its credit ("IMAGE SOURCE: ...").
 * These are recognised by their shape, never by their words alone:
 *
 *  - a line that is markup ("<...>", "!-- ... -->") is dropped anywhere;
 *  - the first line is the headline only with evidence: it is repeated
 *    later, or a date line follows within three lines. A real first
 *    paragraph is never taken for a headline on its length alone;
 *  - the lines between that headline and the date line are the
 *    standfirst (the description);
 *  - a short line that is only a date is the publication date;
 *  - a short "By ..." line near the top gives the authors;
 *  - a credit line ("Image source: X", "Photo: X") is the image credit,
 *    and the line right above it, when no blank line separates them in a
 *    text that separates paragraphs by blank lines, is the caption.
 */
#include <string.h>

#include "util/util.h"
#include "doc/context.h"
#include "extract/extract.h"
#include "meta/meta.h"

typedef struct line {
    const char *s;
    size_t n;
    int blank_before;   /* a blank line precedes it */
    int drop;
} line;

static int is_space_byte(unsigned char ch)
{
    return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\f' || ch == '\v';
}

/* A left-over tag or comment. */
static int is_markup(const char *s, size_t n)
{
    if (n >= 3 && memcmp(s, "!--", 3) == 0)
        return 1;
    if (n >= 4 && memcmp(s, "<!--", 4) == 0)
        return 1;
    if (n >= 3 && memcmp(s + n - 3, "-->", 3) == 0)
        return 1;
    if (n >= 3 && s[0] == '<' && s[n - 1] == '>') {
        /* "<div class=x>", "</p>", "<br/>"; not "<The Palace: Jang Noksu>" */
        size_t i = s[1] == '/' ? 2 : 1, b = i, upper = 0, lower = 0;
        while (i < n && np__isalnum((unsigned char)s[i])) {
            if (np__isupper((unsigned char)s[i]))
                upper++;
            else if (np__islower((unsigned char)s[i]))
                lower++;
            i++;
        }
        if (i == b || i - b > 10 || (upper && lower) || !np__isalpha((unsigned char)s[b]))
            return 0;
        if (s[i] == '>' || s[i] == '/')
            return 1;
        if (s[i] == ' ' && memchr(s, '=', n))
            return 1;
    }
    return 0;
}

size_t np__credit_label(const char *s, size_t n)
{
    static const char *const labels[] = {
        "image source:", "image source ", "image credit:", "image credits:",
        "image:", "photo credit:", "photo credits:", "photo:", "photos:",
        "photograph:", "picture:", "pictures:", "credit:", "credits:",
        "source image:", "illustration:", "(photo:", "photo by ",
        "image by ", "image courtesy of ", "photo courtesy of ", NULL
    };
    size_t i;
    if (n > 120)
        return 0;
    for (i = 0; labels[i]; i++)
        if (np__text_prefix_ci(s, n, labels[i]))
            return strlen(labels[i]);
    return 0;
}

/* Ends like a sentence. */
static int ends_sentence(const char *s, size_t n)
{
    unsigned char c;
    while (n && (s[n - 1] == '"' || s[n - 1] == '\'' || s[n - 1] == ')'))
        n--;
    if (n >= 3 && (unsigned char)s[n - 3] == 0xE2 && (unsigned char)s[n - 2] == 0x80
        && ((unsigned char)s[n - 1] == 0x9D || (unsigned char)s[n - 1] == 0x99))
        n -= 3;   /* a closing curly quote */
    if (!n)
        return 0;
    c = (unsigned char)s[n - 1];
    return c == '.' || c == '!' || c == '?' || c == ':' || c == ';';
}

/* A short line that is a date and nothing much else. */
static int date_line(const char *s, size_t n, char iso[NP__DATE_MAX])
{
    static const char *const small[] = {
        "on", "at", "of", "the", "updated", "published", "posted", "am", "pm",
        "a", "p", "m", "st", "nd", "rd", "th", "de", "le", "el", "du", "um",
        "last", "modified", NULL
    };
    size_t i = 0, letters = 0;
    if (n > 60 || ends_sentence(s, n))
        return 0;
    /* "February 21, 2022", "Monday 21 Feb 2022 09:15 GMT": names and
     * numbers; a lower-case word other than a few small ones makes it a
     * sentence ("He died on March 3, 2019") */
    while (i < n) {
        size_t b = i, k;
        int ok = 0;
        if (!np__isalpha((unsigned char)s[i])) {
            i++;
            continue;
        }
        while (i < n && np__isalpha((unsigned char)s[i]))
            i++;
        letters += i - b;
        if (!np__islower((unsigned char)s[b]))
            continue;
        for (k = 0; small[k]; k++)
            if (strlen(small[k]) == i - b && np__text_prefix_ci(s + b, i - b, small[k]))
                ok = 1;
        if (!ok)
            return 0;
    }
    if (letters > 30)
        return 0;
    return np__date_parse(s, n, iso);
}

static int same_line(const line *a, const line *b)
{
    return a->n == b->n && memcmp(a->s, b->s, a->n) == 0;
}

static size_t words_in(const char *s, size_t n)
{
    size_t i = 0, w = 0;
    while (i < n) {
        while (i < n && s[i] == ' ')
            i++;
        if (i < n)
            w++;
        while (i < n && s[i] != ' ')
            i++;
    }
    return w;
}

/* The text's non-empty lines, trimmed, each knowing whether a blank line
 * precedes it; *blanks counts those that do. */
static int split_lines(np__vec *lines, const char *text, size_t len, size_t *blanks)
{
    size_t at = 0;
    int blank = 0;
    while (at < len) {
        const char *nlp = memchr(text + at, '\n', len - at);
        size_t end = nlp ? (size_t)(nlp - text) : len;
        size_t s = at, e = end;
        while (s < e && is_space_byte((unsigned char)text[s]))
            s++;
        while (e > s && is_space_byte((unsigned char)text[e - 1]))
            e--;
        if (e > s) {
            line *l = np__vec_push(lines);
            if (!l)
                return NP_ENOMEM;
            l->s = text + s;
            l->n = e - s;
            l->blank_before = blank;
            l->drop = 0;
            *blanks += blank;
            blank = 0;
        } else {
            blank = 1;
        }
        at = end + 1;
    }
    return NP_OK;
}

/* The index of a date line among the first six kept lines, or -1. */
static long find_date_line(const line *L, size_t nl, size_t first, char iso[NP__DATE_MAX])
{
    size_t k, seen = 0;
    for (k = first; k < nl && seen < 6; k++) {
        if (L[k].drop)
            continue;
        seen++;
        if (date_line(L[k].s, L[k].n, iso))
            return (long)k;
    }
    return -1;
}

/* A short "By Name" line among the first six kept lines gives the
 * authors; the line is dropped when it yielded any. */
static int take_byline(np__ctx *c, line *L, size_t nl, size_t first)
{
    size_t k, seen = 0;
    int rc;
    for (k = first; k < nl && seen < 6; k++) {
        if (L[k].drop)
            continue;
        seen++;
        if (L[k].n < 100 && np__text_prefix_ci(L[k].s, L[k].n, "by ") && L[k].n > 3
            && (np__isupper((unsigned char)L[k].s[3]) || (unsigned char)L[k].s[3] >= 0x80)
            && !ends_sentence(L[k].s, L[k].n)) {
            if ((rc = np__authors_add(c->doc, L[k].s, L[k].n)) != NP_OK)
                return rc;
            if (c->doc->authors.len) {
                c->doc->sources[NP__AUTHORS] = "text";
                L[k].drop = 1;
            }
            break;
        }
    }
    return NP_OK;
}

/* The headline: the first line when short, not a sentence, and confirmed
 * by a repeat or a date line close below it; -1 when there is none. */
static long find_headline(const line *L, size_t nl, size_t first, long date)
{
    size_t k;
    if ((long)first == date || L[first].n > 250 || words_in(L[first].s, L[first].n) > 30
        || ends_sentence(L[first].s, L[first].n))
        return -1;
    for (k = first + 1; k < nl; k++)
        if (same_line(&L[first], &L[k]))
            return (long)first;
    if (date > (long)first && date - (long)first <= 3)
        return (long)first;
    return -1;
}

/* Sets the title from the headline, drops its repeats, and makes what lies
 * between it and the date line the standfirst (the description). */
static int take_headline(np__ctx *c, line *L, size_t nl, long head, long date)
{
    size_t k;
    int rc;
    if ((rc = np__doc_set(c->doc, NP__TITLE, L[head].s, L[head].n, "text")) != NP_OK)
        return rc;
    L[head].drop = 1;
    for (k = (size_t)head + 1; k < nl; k++)
        if (same_line(&L[head], &L[k]))
            L[k].drop = 1;
    if (date > head + 1) {
        np__buf b = NP__BUF_INIT;
        for (k = (size_t)head + 1; k < (size_t)date; k++) {
            if (L[k].drop)
                continue;
            if (b.len)
                np__buf_putc(&b, ' ');
            np__buf_put(&b, L[k].s, L[k].n);
            L[k].drop = 1;
        }
        if (b.oom)
            rc = NP_ENOMEM;
        else if (b.len)
            rc = np__doc_set(c->doc, NP__DESCRIPTION, b.ptr, b.len, "text");
        np__buf_free(&b);
    }
    return rc;
}

/* Image credit lines become images, with the caption glued above one
 * when the text separates its paragraphs by blank lines. */
static int take_credits(np__ctx *c, line *L, size_t nl, size_t blanks)
{
    size_t i;
    for (i = 0; i < nl; i++) {
        size_t lab;
        const char *cap = NULL, *cred;
        size_t capn = 0, credn;
        np__buf cb = NP__BUF_INIT, rb = NP__BUF_INIT;
        long idx;
        if (L[i].drop || !(lab = np__credit_label(L[i].s, L[i].n)))
            continue;
        cred = L[i].s + lab;
        credn = L[i].n - lab;
        while (credn && (*cred == ' ' || *cred == ':')) {
            cred++;
            credn--;
        }
        while (credn && cred[credn - 1] == ')')
            credn--;
        L[i].drop = 1;
        if (i > 0 && !L[i].blank_before && !L[i - 1].drop && L[i - 1].n < 400
            && blanks * 3 >= nl) {
            cap = L[i - 1].s;
            capn = L[i - 1].n;
            L[i - 1].drop = 1;
        }
        np__buf_put(&cb, cap ? cap : "", capn);
        np__buf_put(&rb, cred, credn);
        if (cb.oom || rb.oom) {
            np__buf_free(&cb);
            np__buf_free(&rb);
            return NP_ENOMEM;
        }
        idx = np__doc_add_image(c->doc, NULL, cap ? np__buf_cstr(&cb) : NULL,
                                credn ? np__buf_cstr(&rb) : NULL);
        np__buf_free(&cb);
        np__buf_free(&rb);
        if (idx < 0)
            return NP_ENOMEM;
    }
    return NP_OK;
}

/* Reads the head of the text (date, byline, headline, standfirst) and
 * the image credits into the document's metadata, dropping their lines. */
static int take_head(np__ctx *c, line *L, size_t nl, size_t first, size_t blanks)
{
    char iso[NP__DATE_MAX];
    long head, date;
    int rc;

    date = find_date_line(L, nl, first, iso);
    if ((rc = take_byline(c, L, nl, first)) != NP_OK)
        return rc;
    head = find_headline(L, nl, first, date);
    if (head >= 0 && (rc = take_headline(c, L, nl, head, date)) != NP_OK)
        return rc;
    if (date >= 0) {
        date_line(L[date].s, L[date].n, iso);
        if ((rc = np__doc_set(c->doc, NP__PUBLISHED, iso, (size_t)-1, "text")) != NP_OK)
            return rc;
        L[date].drop = 1;
    }
    return take_credits(c, L, nl, blanks);
}

int np__extract_text(np__ctx *c, const char *text, size_t len)
{
    np__vec lines;
    line *L;
    size_t nl, i, first = (size_t)-1, blanks = 0;
    int rc;

    np__vec_init(&lines, sizeof(line));
    if ((rc = split_lines(&lines, text, len, &blanks)) != NP_OK)
        goto done;
    L = lines.ptr;
    nl = lines.len;

    for (i = 0; i < nl; i++)
        if (is_markup(L[i].s, L[i].n))
            L[i].drop = 1;
    for (i = 0; i < nl && first == (size_t)-1; i++)
        if (!L[i].drop)
            first = i;
    if (first != (size_t)-1 && (rc = take_head(c, L, nl, first, blanks)) != NP_OK)
        goto done;

    for (i = 0; i < nl; i++) {
        if (L[i].drop)
            continue;
        if (np__doc_add_block(c->doc, NP_BLOCK_PARAGRAPH, L[i].s, L[i].n) < 0) {
            rc = NP_ENOMEM;
            goto done;
        }
    }
    c->doc->is_article = c->doc->blocks.len > 0;
done:
    np__vec_free(&lines);
    return rc;
}

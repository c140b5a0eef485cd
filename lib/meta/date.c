/*
 * Dates as pages write them, into ISO 8601.
 *
 * Two readers: one for ISO-like text ("2019-11-19T08:02:00-05:00",
 * "2017-11-03 03:01:00.00000", "2019/11/19") and one for prose
 * ("February 21, 2022", "21 Feb 2022 09:15 GMT", "Tuesday, Nov. 19, 2019
 * 8:21 am ET", and in other languages "7. Dezember 2026", "7 décembre
 * 2026", "7 de diciembre de 2026", "07.12.2026"; the months are those of
 * lib/data/calendar.c). Both are single scans without allocation. The source's own
 * UTC offset is kept, never converted; a time without one is written
 * without one.
 */
#include <stdio.h>
#include <string.h>

#include "meta/meta.h"
#include "data/calendar.h"

#define YEAR_MIN 1900
#define YEAR_MAX 2100

static int days_in(int y, int m)
{
    static const int d[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return d[m - 1];
}

static int valid_date(int y, int m, int d)
{
    return y >= YEAR_MIN && y <= YEAR_MAX && m >= 1 && m <= 12 && d >= 1
        && d <= days_in(y, m);
}

/* Reads up to `max` digits at s[*i]; returns the count read. */
static int digits(const char *s, size_t n, size_t *i, int max, int *val)
{
    int k = 0, v = 0;
    while (*i < n && k < max && np__isdigit((unsigned char)s[*i])) {
        v = v * 10 + (s[*i] - '0');
        (*i)++;
        k++;
    }
    *val = v;
    return k;
}

/* Writes the result. tz: NULL (none), "Z", or "+HH:MM". */
static void put(char out[NP__DATE_MAX], int y, int mo, int d, int h, int mi,
                int sec, const char *tz)
{
    unsigned uy = (unsigned)y % 10000u, um = (unsigned)mo % 100u;
    unsigned ud = (unsigned)d % 100u;
    if (h < 0)
        snprintf(out, NP__DATE_MAX, "%04u-%02u-%02u", uy, um, ud);
    else
        snprintf(out, NP__DATE_MAX, "%04u-%02u-%02uT%02u:%02u:%02u%.6s", uy, um,
                 ud, (unsigned)h % 100u, (unsigned)mi % 100u,
                 (unsigned)sec % 100u, tz ? tz : "");
}

/* A numeric offset at s[*i] ("Z", "+05:00", "-0500", "+05"). */
static int read_offset(const char *s, size_t n, size_t *i, char tz[8])
{
    size_t j = *i;
    int hh = 0, mm = 0;
    char sign;
    if (j < n && (s[j] == 'Z' || s[j] == 'z')) {
        strcpy(tz, "Z");
        *i = j + 1;
        return 1;
    }
    if (j >= n || (s[j] != '+' && s[j] != '-'))
        return 0;
    sign = s[j++];
    if (digits(s, n, &j, 2, &hh) != 2 || hh > 14)
        return 0;
    if (j < n && s[j] == ':')
        j++;
    if (j < n && np__isdigit((unsigned char)s[j])) {
        if (digits(s, n, &j, 2, &mm) != 2 || mm > 59)
            return 0;
    }
    snprintf(tz, 8, "%c%02u:%02u", sign, (unsigned)hh % 100u, (unsigned)mm % 100u);
    *i = j;
    return 1;
}

/* Time-zone names whose offset is fixed. */
static const char *zone_offset(const char *w, size_t n)
{
    static const struct { const char *name, *off; } zones[] = {
        {"gmt", "+00:00"}, {"utc", "+00:00"}, {"z", "Z"}, {"est", "-05:00"},
        {"edt", "-04:00"}, {"cst", "-06:00"}, {"cdt", "-05:00"},
        {"mst", "-07:00"}, {"mdt", "-06:00"}, {"pst", "-08:00"},
        {"pdt", "-07:00"}, {"bst", "+01:00"}, {"cet", "+01:00"},
        {"cest", "+02:00"}, {"eet", "+02:00"}, {"eest", "+03:00"},
        {"jst", "+09:00"}, {"aest", "+10:00"}, {"aedt", "+11:00"},
        {NULL, NULL}
    };
    size_t i, k;
    for (i = 0; zones[i].name; i++) {
        if (strlen(zones[i].name) != n)
            continue;
        for (k = 0; k < n; k++)
            if (np__tolower((unsigned char)w[k]) != zones[i].name[k])
                break;
        if (k == n)
            return zones[i].off;
    }
    return NULL;
}

static int parse_iso(const char *s, size_t n, char out[NP__DATE_MAX])
{
    size_t i = 0;
    int y, mo, d, h = -1, mi = 0, sec = 0;
    char tz[8] = "";
    char sep;
    while (i < n && np__isspace((unsigned char)s[i]))
        i++;
    if (digits(s, n, &i, 4, &y) != 4 || i >= n)
        return 0;
    sep = s[i];
    if (sep != '-' && sep != '/' && sep != '.')
        return 0;
    i++;
    if (digits(s, n, &i, 2, &mo) < 1 || i >= n || s[i] != sep)
        return 0;
    i++;
    if (digits(s, n, &i, 2, &d) < 1)
        return 0;
    if (i < n && np__isdigit((unsigned char)s[i]))
        return 0;
    if (!valid_date(y, mo, d))
        return 0;
    if (i < n && (s[i] == 'T' || s[i] == 't' || s[i] == ' ')) {
        size_t j = i + 1;
        int hh, mm;
        while (j < n && s[j] == ' ')
            j++;
        if (digits(s, n, &j, 2, &hh) == 2 && j < n && s[j] == ':'
            && (j++, digits(s, n, &j, 2, &mm) == 2) && hh < 24 && mm < 60) {
            h = hh;
            mi = mm;
            if (j < n && s[j] == ':') {
                j++;
                if (digits(s, n, &j, 2, &sec) != 2 || sec > 60)
                    sec = 0;
                if (sec == 60)
                    sec = 59;
                if (j < n && (s[j] == '.' || s[j] == ',')) {
                    int frac;
                    j++;
                    while (j < n && np__isdigit((unsigned char)s[j]))
                        digits(s, n, &j, 9, &frac);
                }
            }
            while (j < n && s[j] == ' ')
                j++;
            if (!read_offset(s, n, &j, tz)) {
                size_t b = j;
                while (j < n && np__isalpha((unsigned char)s[j]))
                    j++;
                if (j > b) {
                    const char *z = zone_offset(s + b, j - b);
                    if (z)
                        snprintf(tz, sizeof tz, "%s", z);
                }
            }
        }
    }
    put(out, y, mo, d, h, mi, sec, tz[0] ? tz : NULL);
    return 1;
}

typedef struct tok { const char *s; size_t n; int num; int isnum; } tok;

/* The ending of an ordinal number glued to its digits ("21st", "1er"). */
static int ordinal_suffix(const char *w, size_t n)
{
    static const char *const ends[] = {"st", "nd", "rd", "th", "er", "re", NULL};
    size_t i;
    for (i = 0; ends[i]; i++)
        if (np__text_eq_ci(w, n, ends[i]))
            return 1;
    return 0;
}

/* Tokens of s: runs of letters, runs of digits (the ':' of a time is
 * read between them); the count. The Spanish and Portuguese "de" between
 * day, month and year and the ending of an ordinal day are no tokens. */
static size_t tokenize(const char *s, size_t n, tok *t, size_t max)
{
    size_t i = 0, nt = 0;
    while (i < n && nt < max) {
        unsigned char ch = (unsigned char)s[i];
        size_t b = i;
        if (np__isalpha(ch) || ch >= 0x80) {
            /* letters, with those of other scripts ("März", "août") */
            while (i < n && (np__isalpha((unsigned char)s[i]) || (unsigned char)s[i] >= 0x80))
                i++;
            if (i - b <= 3 && (np__text_eq_ci(s + b, i - b, "de")
                               || np__text_eq_ci(s + b, i - b, "del")))
                continue;   /* "4 de mayo de 2022": the day, month, year */
            if (nt && t[nt - 1].isnum && t[nt - 1].s + t[nt - 1].n == s + b
                && ordinal_suffix(s + b, i - b))
                continue;   /* "21st", "1er" */
            t[nt].s = s + b;
            t[nt].n = i - b;
            t[nt].isnum = 0;
            t[nt].num = 0;
            nt++;
        } else if (np__isdigit(ch)) {
            int v = 0;
            while (i < n && np__isdigit((unsigned char)s[i]) && i - b < 9)
                v = v * 10 + (s[i++] - '0');
            while (i < n && np__isdigit((unsigned char)s[i]))
                i++;
            t[nt].s = s + b;
            t[nt].n = i - b;
            t[nt].isnum = 1;
            t[nt].num = v;
            nt++;
        } else {
            i++;
        }
    }
    return nt;
}

/* A month's name with the day and year around it ("February 21, 2022",
 * "21 Feb 2022", "2022 Feb 21"): the index of the last token read, or -1. */
static int month_date(const tok *t, size_t nt, int *y, int *mo, int *d)
{
    size_t k;
    for (k = 0; k < nt; k++) {
        int m;
        if (t[k].isnum || !(m = np__month_of_any(t[k].s, t[k].n)))
            continue;
        /* "May" is also a word: it needs a number next to it */
        if (k + 1 < nt && t[k + 1].isnum && t[k + 1].n <= 2 && k + 2 < nt
            && t[k + 2].isnum && t[k + 2].n == 4) {
            /* Month Day Year */
            *mo = m;
            *d = t[k + 1].num;
            *y = t[k + 2].num;
            return (int)(k + 2);
        } else if (k >= 1 && t[k - 1].isnum && t[k - 1].n <= 2 && k + 1 < nt
                   && t[k + 1].isnum && t[k + 1].n == 4) {
            /* Day Month Year */
            *mo = m;
            *d = t[k - 1].num;
            *y = t[k + 1].num;
            return (int)(k + 1);
        } else if (k >= 1 && t[k - 1].isnum && t[k - 1].n <= 2 && k >= 2
                   && t[k - 2].isnum && t[k - 2].n == 4) {
            /* Year Day Month is rare; Year Month Day below */
            continue;
        } else if (k >= 1 && t[k - 1].isnum && t[k - 1].n == 4 && k + 1 < nt
                   && t[k + 1].isnum && t[k + 1].n <= 2) {
            /* Year Month Day */
            *mo = m;
            *y = t[k - 1].num;
            *d = t[k + 1].num;
            return (int)(k + 1);
        }
    }
    return -1;
}

/* A numeric day/month/year, only when unambiguous (day first when
 * written with dots, as in German): the index of the
 * year, -1 when there is none, -2 when it is ambiguous. */
static int numeric_date(const char *s, size_t n, const tok *t, size_t nt, int *y,
                        int *mo, int *d)
{
    size_t k;
    for (k = 0; k + 2 < nt; k++) {
        int a, b;
        if (!t[k].isnum || !t[k + 1].isnum || !t[k + 2].isnum
            || t[k + 2].n != 4 || t[k].n > 2 || t[k + 1].n > 2)
            continue;
        if (t[k].s + t[k].n >= s + n || (t[k].s[t[k].n] != '/'
                                          && t[k].s[t[k].n] != '.'
                                          && t[k].s[t[k].n] != '-'))
            continue;
        a = t[k].num;
        b = t[k + 1].num;
        if (t[k].s[t[k].n] == '.' && t[k + 1].s[t[k + 1].n] == '.' && a <= 31 && b <= 12) {
            /* "03.11.2021": dots write the day first */
            *d = a;
            *mo = b;
        } else if (a > 12 && b <= 12) {
            *d = a;
            *mo = b;
        } else if (b > 12 && a <= 12) {
            *mo = a;
            *d = b;
        } else {
            return -2;
        }
        *y = t[k + 2].num;
        return (int)(k + 2);
    }
    return -1;
}

/* An optional time after the date at token `from`: "8:21 am ET",
 * "09:15 GMT". Leaves *h at -1 when there is none or it is out of range;
 * 0 for a 12-hour time that cannot be one (the whole date is refused). */
static int time_after(const tok *t, size_t nt, size_t from, int *h, int *mi,
                      int *sec, const char **tz)
{
    size_t k;
    for (k = from; k + 1 < nt; k++) {
        const char *sep;
        if (!t[k].isnum || !t[k + 1].isnum || t[k].n > 2 || t[k + 1].n != 2)
            continue;
        sep = t[k].s + t[k].n;
        if (*sep != ':' || sep + 1 != t[k + 1].s)
            continue;
        *h = t[k].num;
        *mi = t[k + 1].num;
        k += 2;
        if (k < nt && t[k].isnum && t[k].n == 2 && t[k].s[-1] == ':') {
            *sec = t[k].num;
            k++;
        }
        if (k < nt && !t[k].isnum) {
            int pm = (t[k].s[0] == 'p' || t[k].s[0] == 'P');
            int am = (t[k].s[0] == 'a' || t[k].s[0] == 'A');
            if ((pm || am) && (t[k].n == 2 || (t[k].n == 1 && k + 1 < nt
                                               && (t[k + 1].s[0] == 'm'
                                                   || t[k + 1].s[0] == 'M')))) {
                if (*h < 1 || *h > 12)
                    return 0;
                if (pm && *h != 12)
                    *h += 12;
                if (am && *h == 12)
                    *h = 0;
                k += t[k].n == 1 ? 2 : 1;
            }
        }
        if (k < nt && !t[k].isnum)
            *tz = zone_offset(t[k].s, t[k].n);
        if (*h > 23 || *mi > 59 || *sec > 59)
            *h = -1;
        break;
    }
    return 1;
}

static int parse_text(const char *s, size_t n, char out[NP__DATE_MAX])
{
    tok t[48];
    size_t nt, k;
    int y = 0, mo = 0, d = 0, h = -1, mi = 0, sec = 0;
    int mpos;
    const char *tz = NULL;

    nt = tokenize(s, n, t, sizeof t / sizeof t[0]);
    for (k = 0; k < nt; k++)
        if (!t[k].isnum && t[k].n == 3
            && strncmp(t[k].s, "ago", 3) == 0)
            return 0;   /* "3 hours ago" */
    mpos = month_date(t, nt, &y, &mo, &d);
    if (mpos < 0)
        mpos = numeric_date(s, n, t, nt, &y, &mo, &d);
    if (mpos < 0 || !valid_date(y, mo, d))
        return 0;
    if (!time_after(t, nt, (size_t)mpos + 1, &h, &mi, &sec, &tz))
        return 0;
    put(out, y, mo, d, h, mi, sec, tz);
    return 1;
}

int np__date_parse(const char *s, size_t n, char out[NP__DATE_MAX])
{
    if (!s)
        return 0;
    while (n && np__isspace((unsigned char)*s)) {
        s++;
        n--;
    }
    if (n == 0 || n > 200)
        return 0;
    if (parse_iso(s, n, out))
        return 1;
    return parse_text(s, n, out);
}

int np__date_from_url(const char *url, char out[NP__DATE_MAX])
{
    const char *p;
    if (!url)
        return 0;
    p = strstr(url, "://");
    p = p ? strchr(p + 3, '/') : url;
    for (; p && *p; p++) {
        size_t i = 1;
        int y, mo, d;
        char sep;
        if (*p != '/' )
            continue;
        if (digits(p, strlen(p), &i, 4, &y) != 4)
            continue;
        sep = p[i];
        if (sep != '/' && sep != '-' && sep != '_')
            continue;
        i++;
        if (digits(p, strlen(p), &i, 2, &mo) != 2 || p[i] != sep)
            continue;
        i++;
        if (digits(p, strlen(p), &i, 2, &d) != 2)
            continue;
        if (np__isdigit((unsigned char)p[i]))
            continue;
        if (!valid_date(y, mo, d))
            continue;
        put(out, y, mo, d, -1, 0, 0, NULL);
        return 1;
    }
    return 0;
}

/*
 * The names of the months, in English (written for this library).
 */
#include <string.h>

#include "util/util.h"
#include "calendar.h"

const char *const np__month_names[12] = {
    "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december"
};

int np__month_of(const char *w, size_t n)
{
    char low[16];
    size_t k;
    int m;
    if (n < 3 || n >= sizeof low)
        return 0;
    for (k = 0; k < n; k++)
        low[k] = (char)np__tolower((unsigned char)w[k]);
    low[n] = '\0';
    for (m = 0; m < 12; m++) {
        if (strcmp(low, np__month_names[m]) == 0)
            return m + 1;
        if ((n == 3 || (n == 4 && m == 8 && strcmp(low, "sept") == 0))
            && strncmp(low, np__month_names[m], n) == 0)
            return m + 1;
    }
    return 0;
}

/* Month names and their usual abbreviations in German, French, Spanish,
 * Portuguese, Italian and Dutch, lower case, with the month's number.
 * English is np__month_names. Left out: abbreviations that are common
 * words in one of these languages or in English ("ago", "set", "out"),
 * and the French "jui", which is both June and July. */
static const struct { const char *name; unsigned char month; } np__months_other[] = {
    /* German */
    {"januar", 1}, {"j\xc3\xa4nner", 1}, {"februar", 2}, {"m\xc3\xa4rz", 3},
    {"m\xc3\xa4r", 3}, {"mrz", 3}, {"mai", 5}, {"juni", 6}, {"juli", 7},
    {"oktober", 10}, {"okt", 10}, {"dezember", 12}, {"dez", 12},
    /* French */
    {"janvier", 1}, {"janv", 1}, {"f\xc3\xa9vrier", 2}, {"f\xc3\xa9vr", 2},
    {"f\xc3\xa9v", 2}, {"fevrier", 2}, {"mars", 3}, {"avril", 4}, {"avr", 4},
    {"juin", 6}, {"juillet", 7}, {"juil", 7}, {"ao\xc3\xbbt", 8}, {"aout", 8},
    {"septembre", 9}, {"octobre", 10}, {"novembre", 11},
    {"d\xc3\xa9\x63\x65mbre", 12}, {"d\xc3\xa9\x63", 12}, {"decembre", 12},
    /* Spanish */
    {"enero", 1}, {"ene", 1}, {"febrero", 2}, {"marzo", 3}, {"abril", 4},
    {"abr", 4}, {"mayo", 5}, {"junio", 6}, {"julio", 7}, {"agosto", 8},
    {"septiembre", 9}, {"setiembre", 9}, {"octubre", 10}, {"noviembre", 11},
    {"diciembre", 12}, {"dic", 12},
    /* Portuguese */
    {"janeiro", 1}, {"fevereiro", 2}, {"fev", 2}, {"mar\xc3\xa7o", 3},
    {"maio", 5}, {"junho", 6}, {"julho", 7}, {"setembro", 9}, {"outubro", 10},
    {"dezembro", 12},
    /* Italian */
    {"gennaio", 1}, {"gen", 1}, {"febbraio", 2}, {"aprile", 4}, {"maggio", 5},
    {"mag", 5}, {"giugno", 6}, {"giu", 6}, {"luglio", 7}, {"lug", 7},
    {"settembre", 9}, {"ottobre", 10}, {"ott", 10}, {"novembre", 11},
    {"dicembre", 12},
    /* Dutch */
    {"januari", 1}, {"februari", 2}, {"maart", 3}, {"mrt", 3}, {"mei", 5},
    {"augustus", 8}, {NULL, 0}
};

int np__month_of_any(const char *w, size_t n)
{
    char low[16];
    size_t k;
    int m = np__month_of(w, n);
    if (m || n < 3 || n >= sizeof low)
        return m;
    for (k = 0; k < n; k++)
        low[k] = (char)np__tolower((unsigned char)w[k]);
    low[n] = '\0';
    for (k = 0; np__months_other[k].name; k++)
        if (strcmp(low, np__months_other[k].name) == 0)
            return np__months_other[k].month;
    return 0;
}

/* Weekday names and abbreviations in English, German, French, Spanish,
 * Portuguese, Italian and Dutch, lower case, without accents where they
 * have one (the ASCII letters before it are what is compared). */
static const char *const np__weekdays[] = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "sunday", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri",
    "sat", "sun",
    "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag",
    "sonnabend", "sonntag",
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    "lunes", "martes", "mi", "jueves", "viernes", "domingo",
    "segunda", "ter", "quarta", "quinta", "sexta",
    "luned", "marted", "mercoled", "gioved", "venerd", "sabato", "domenica",
    "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag",
    "zondag", NULL
};

int np__weekday_of_any(const char *w, size_t n)
{
    size_t i, k = 0;
    /* the ASCII letters at the start ("mi" of "miércoles") */
    while (k < n && np__isalpha((unsigned char)w[k]))
        k++;
    if (k < 2)
        return 0;
    for (i = 0; np__weekdays[i]; i++)
        if (np__text_eq_ci(w, k, np__weekdays[i])
            && (k == n || strlen(np__weekdays[i]) >= 3 || (unsigned char)w[k] >= 0x80))
            return 1;
    return 0;
}

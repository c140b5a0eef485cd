/*
 * Bylines into author names, and titles without their site suffix.
 */
#include <string.h>

#include "meta/meta.h"
#include "data/calendar.h"
#include "data/bylines.h"
#include "data/ner_lexicon.h"

static int month_word(const char *s, size_t n)
{
    const char *const *m = np__month_names;
    size_t i, k;
    for (i = 0; i < 12; i++) {
        size_t ml = strlen(m[i]);
        /* the name or its abbreviation ("Apr", "Sept"), then a non-letter */
        for (k = 0; k < n && k < ml && np__tolower((unsigned char)s[k]) == m[i][k]; k++)
            ;
        if (k >= 3 && (k == n || !np__isalpha((unsigned char)s[k]))
            && (k == ml || k <= 4))
            return 1;
    }
    return 0;
}

static int weekday_word(const char *s, size_t n)
{
    static const char *const d[] = {
        "mon", "tue", "wed", "thu", "fri", "sat", "sun", NULL
    };
    size_t i;
    for (i = 0; d[i]; i++)
        if (np__text_prefix_ci(s, n, d[i]))
            return 1;
    return 0;
}

/* Words that name a job, not a person ("Staff Writer", "Senior Editor"). */
static const char *const np__job_words[] = {
    "staff", "writer", "writers", "reporter", "reporters", "correspondent",
    "editor", "editors", "contributor", "contributing", "columnist",
    "senior", "chief", "associate", "assistant", "deputy", "political",
    "freelance", "guest", "special", "photographer", "producer", "analyst",
    "host", "anchor", "news", "desk", "team", "digital", "managing",
    "executive", "national", "international", "business", "science",
    "health", "sports", "technology", "tech", "culture", "opinion",
    "investigative", "the", "a", "an", "for", "to", "of", "and", "in",
    "at", "on", "posted", "published", "written", "updated", "by", "von",
    "par", "por", "stand", "author", "journalist", "reporting", "report", "intern",
    "fellow", "director", "manager", "head", "lead", "ma", "phd", "md",
    "msc", "bsc", "rn", "jr", "sr", "ver\xc3\xb6" "ffentlicht", "erstellt",
    "verfasst", "geschrieben", "publi\xc3\xa9", "publicado", "pubblicato",
    "gepubliceerd", NULL
};

static int is_job_word(const char *w, size_t n)
{
    size_t i;
    for (i = 0; np__job_words[i]; i++)
        if (np__text_eq_ci(w, n, np__job_words[i]))
            return 1;
    return 0;
}

/* Words that describe a person's work, not the person: a part of a byline
 * holding one, after a name, is that person's description ("Jane Doe,
 * Senior Editor at Healthline, ten years of experience"). */
static const char *const np__role_words[] = {
    "editor", "editors", "writer", "reporter", "correspondent", "columnist",
    "contributor", "contributing", "director", "professor", "manager",
    "officer", "founder", "co-founder", "ceo", "cto", "cfo", "president",
    "analyst", "specialist", "expert", "nutritionist", "dietitian",
    "dietician", "physician", "doctor", "nurse", "journalist", "author",
    "producer", "photographer", "researcher", "scientist", "lecturer",
    "consultant", "coach", "trainer", "therapist", "psychologist",
    "psychiatrist", "pharmacist", "surgeon", "dermatologist", "cardiologist",
    "pediatrician", "paediatrician", "chief", "fellow", "intern", "chair",
    "chairman", "chairwoman", "strategist", "economist", "reviewer",
    "reviewed", "editorial", "staff", "senior", "associate", "assistant",
    "deputy", "freelance", "freelancer", "managing", "executive", "counsel",
    "attorney", "lawyer", "engineer", "developer", "designer", "teacher",
    "student", "candidate", "practitioner", "educator", "advisor", "adviser",
    "commentator", "blogger", "experience", "years", "certified",
    "licensed", "board-certified", "registered", "redakteur", "redakteurin",
    "autor", "autorin", "journalistin", "korrespondent", "korrespondentin",
    "chefredakteur", "chefredakteurin", "redaktion", "volontär",
    "volontärin", "experte", "expertin", "rédacteur", "rédactrice", "journaliste", "periodista",
    "redactor", "redactora", "corresponsal",
    /* professions written before a name ("Rechtsanwalt Jane Doe") */
    "rechtsanwalt", "rechtsanwältin", "anwalt", "anwältin", "fachanwalt",
    "fachanwältin", "notar", "notarin", "steuerberater", "steuerberaterin",
    "arzt", "ärztin", "avocat", "avocate", "abogado", "abogada", "avvocato",
    "advocaat", "solicitor", "barrister", NULL
};

/* Letters after a name that are a degree or a licence ("MD", "Ph.D.",
 * "RN", "PharmD"): written in capitals, as these are. */
static const char *const np__credentials[] = {
    "MD", "M.D.", "PhD", "Ph.D.", "Ph.D", "RN", "MPH", "MS", "MSc", "M.Sc.",
    "BSN", "MSN", "RD", "RDN", "LD", "LDN", "CDE", "CDCES", "FACP", "FACS",
    "FAAP", "FAAD", "FACC", "FACOG", "DNP", "APRN", "NP", "FNP", "FNP-BC",
    "PA-C", "PharmD", "RPh", "DDS", "DMD", "DVM", "MBA", "JD", "J.D.",
    "Esq", "Esq.", "CPT", "IBCLC", "LCSW", "LMFT", "LPC", "MSW", "PsyD",
    "Psy.D.", "EdD", "Ed.D.", "MEd", "M.Ed.", "MA", "M.A.", "BSc", "B.Sc.",
    "BA", "B.A.", "FRCP", "FRCS", "MRCP", "MBBS", "MBChB", "FAAN", "CNM",
    "CSCS", "CPH", "DO", "D.O.", "DPT", "MHS", "CFP", "CFA", "CPA",
    "ACSM", "NASM", "OTR", "CCC-SLP", "DrPH", "MPhil", "DPhil", "MS,",
    NULL
};

static int in_list(const char *w, size_t n, const char *const *list, int fold)
{
    size_t i;
    for (i = 0; list[i]; i++)
        if (fold ? np__text_eq_ci(w, n, list[i])
                 : (strlen(list[i]) == n && memcmp(w, list[i], n) == 0))
            return 1;
    return 0;
}

/* Credentials at the end of a name go: "Jane Doe MD" is "Jane Doe".
 * Returns the length to keep (all of it when nothing else is left). */
static size_t strip_credentials(const char *s, size_t n)
{
    size_t e = n;
    for (;;) {
        size_t w = e;
        while (e && (s[e - 1] == ' ' || s[e - 1] == ','))
            e--;
        w = e;
        while (w && s[w - 1] != ' ' && s[w - 1] != ',')
            w--;
        if (w == 0 || w == e || !in_list(s + w, e - w, np__credentials, 0))
            return e;
        e = w;
    }
}

/* Whether a part of a byline describes a person: it holds a role word, or
 * is only credentials. */
static int is_description(const char *s, size_t n)
{
    size_t i = 0, words = 0, creds = 0;
    while (i < n) {
        size_t b;
        while (i < n && (s[i] == ' ' || s[i] == '.' || s[i] == '-' || s[i] == '&'))
            i++;
        b = i;
        while (i < n && s[i] != ' ')
            i++;
        if (i > b) {
            size_t e = i;
            while (e > b && (s[e - 1] == '.' || s[e - 1] == ','))
                e--;
            words++;
            if (in_list(s + b, i - b, np__credentials, 0)
                || in_list(s + b, e - b, np__credentials, 0))
                creds++;
            else if (e > b && in_list(s + b, e - b, np__role_words, 1))
                return 1;
        }
    }
    return words > 0 && creds == words;
}

/* Whether what follows a dash at s[i], up to the next comma, semicolon
 * or bar, describes a person. */
static int dash_description(const char *s, size_t n, size_t i)
{
    size_t e = i;
    while (e < n && s[e] != ',' && s[e] != ';' && s[e] != '|')
        e++;
    return is_description(s + i, e - i);
}

/* A byline phrase of lib/data/bylines.c before the name ("Verfasst
 * von", "Escrito por"), or another label with a colon ("Autor:",
 * "Por:"), goes: 1 when one went. */
static int strip_label(const char **s, size_t *n)
{
    size_t k;
    const np__byline_label *l = np__byline_label_at(*s, *n, &k);
    size_t c = k;
    while (c < *n && (*s)[c] == ' ')
        c++;
    if (!l || c >= *n || (l->kind != NP__BYL_PHRASE && (*s)[c] != ':'))
        return 0;
    *s += k;
    *n -= k;
    return 1;
}

/* Spaces in s[0..n). */
static size_t count_spaces(const char *s, size_t n)
{
    size_t i, k = 0;
    for (i = 0; i < n; i++)
        k += s[i] == ' ';
    return k;
}

/* What a template writes where it knows no author ("Unknown",
 * "Anonymous", "Unbekannt", "N/A"): no name. A user name such as "admin"
 * is what the page shows, and stays. */
static int placeholder(const char *s, size_t n)
{
    static const char *const words[] = {
        "unknown", "unknown author", "anonymous", "anonym", "anonyme",
        "anÃ³nimo", "anonimo", "unbekannt", "inconnu", "desconocido",
        "sconosciuto", "onbekend", "n/a", "none", "null", "undefined",
        "no author", "not available", NULL
    };
    return in_list(s, n, words, 1);
}

/* Whether a name is initials alone ("K A", "J.D.", "A. B."): no name the
 * page gives in words. */
static int initials_only(const char *s, size_t n)
{
    size_t i = 0, words = 0;
    while (i < n) {
        size_t b;
        while (i < n && (s[i] == ' ' || s[i] == '.'))
            i++;
        b = i;
        while (i < n && s[i] != ' ' && s[i] != '.')
            i++;
        if (i == b)
            break;
        if (i - b != 1 || !np__isupper((unsigned char)s[b]))
            return 0;
        words++;
    }
    return words > 0;
}

/* Whether w[0..n) is a given name of the lexicon's lists, in any ASCII
 * case. */
static int given_word(const char *w, size_t n)
{
    return (np__ner_word(w, n, 0) & (NP__LX_GIVEN | NP__LX_GIVEN_WIDE)) != 0;
}

/* Whether s[0..n) is one word that labels a publication date, which no
 * name starts with ("Ver\xc3\xb6" "ffentlicht am", "Published on"). */
static int publication_word(const char *s, size_t n)
{
    static const char *const words[] = {
        "published", "posted", "updated", "ver\xc3\xb6" "ffentlicht", "erschienen",
        "aktualisiert", "publi\xc3\xa9", "publi\xc3\xa9" "e", "publicado", "publicada",
        "pubblicato", "gepubliceerd", "publicerad", "publiceret", NULL
    };
    return in_list(s, n, words, 1);
}

/* Length of the first word of s[0..n). */
static size_t first_word(const char *s, size_t n)
{
    size_t w = 0;
    while (w < n && s[w] != ' ')
        w++;
    return w;
}

/* A publication after a person's name goes: "Brendan Carlin For The Mail
 * On Sunday", "Jane Doe for CNN", "Jana Berg f\xc3\xbcr die Zeit". The name
 * before it is two to four words, the first a given name. The length to
 * keep. */
static size_t drop_publication(const char *s, size_t n)
{
    static const char *const fors[] = {" for ", " f\xc3\xbcr ", " pour ", NULL};
    size_t i, at = n;
    for (i = 0; fors[i]; i++) {
        size_t k = np__text_find_ci(s, n, fors[i]);
        if (k < at)
            at = k;
    }
    if (at >= n || count_spaces(s, at) < 1 || count_spaces(s, at) > 3
        || !np__isupper((unsigned char)s[0]) || !given_word(s, first_word(s, at)))
        return n;
    return at;
}

/* A name written twice without a separator goes once: "Kristen
 * Falc'honKristen Falc'hon" (the second copy for screen readers), "Jane
 * Doe Jane Doe". The length to keep. */
static size_t once(const char *s, size_t n)
{
    size_t h = n / 2;
    if (n >= 4 && n % 2 == 0 && memcmp(s, s + h, h) == 0)
        return h;
    if (n >= 5 && n % 2 == 1 && s[h] == ' ' && memcmp(s, s + h + 1, h) == 0)
        return h;
    return n;
}

/* Words of a name written in lower case ("de", "von", "la", "van"). */
static int particle(const char *w, size_t n)
{
    static const char *const words[] = {
        "de", "da", "do", "dos", "das", "del", "della", "di", "du", "des",
        "la", "le", "los", "las", "van", "von", "der", "den", "ter", "ten",
        "y", "e", "al", "el", "bin", "ben", "ibn", "zu", NULL
    };
    return in_list(w, n, words, 0);
}

/* Where the name starts after words that say what kind of work it made
 * ("Un documentaire de Kristen Roe", "A film by Jane Doe"): a
 * preposition after a word in lower case, before a capitalised name. 0
 * when there is none. */
static size_t after_work_words(const char *s, size_t n)
{
    static const char *const preps[] = {
        "by", "von", "de", "par", "por", "di", "da", "door", "av", "af", NULL
    };
    size_t i = 0;
    int lower = 0;
    while (i < n) {
        size_t b = i, e;
        while (i < n && s[i] != ' ')
            i++;
        e = i;
        while (i < n && s[i] == ' ')
            i++;
        if (e > b && lower && in_list(s + b, e - b, preps, 0) && i < n
            && np__isupper((unsigned char)s[i]))
            return i;
        if (e > b && np__islower((unsigned char)s[b]) && !particle(s + b, e - b)
            && !in_list(s + b, e - b, preps, 0))
            lower = 1;
        else if (e > b && !np__isupper((unsigned char)s[b]))
            return 0;   /* a digit, a sign: not words before a name */
    }
    return 0;
}

/* Adds one cleaned name, if it still looks like one. */
static int add_name(np_document *d, const char *s, size_t n)
{
    size_t i, words = 0, jobs = 0, letters = 0;
    static const char *const lead[] = {
        "by:", "by ", "written by ", "published by ", "publi\xc3\xa9 par ",
        "ver\xc3\xb6" "ffentlicht von ", "eingestellt von ", "verfasst von ", "words by ", "posted by ", "story by ",
        "text by ", "reporting by ", "report by ", "edited by ", "von ",
        "par ", "por ", "door ", "av ", "from ", "and ", "& ", "avec ",
        "with ", NULL
    };
    int again = 1;
    while (again) {
        again = 0;
        while (n && (np__isspace((unsigned char)*s) || *s == '-' || *s == ':'
                     || *s == '|' || *s == ',' || *s == '.')) {
            s++;
            n--;
        }
        for (i = 0; lead[i]; i++) {
            if (np__text_prefix_ci(s, n, lead[i])) {
                size_t k = strlen(lead[i]);
                s += k;
                n -= k;
                again = 1;
                break;
            }
        }
        if (!again)
            again = strip_label(&s, &n);
    }
    for (;;) {
        while (n && (np__isspace((unsigned char)s[n - 1]) || s[n - 1] == ','
                     || s[n - 1] == '-' || s[n - 1] == '|' || s[n - 1] == ':'))
            n--;
        /* a dash that led to a date cut away ("Dominique \xe2\x80\x94") */
        if (n >= 3 && memcmp(s + n - 3, "\xe2\x80", 2) == 0
            && (s[n - 1] == '\x93' || s[n - 1] == '\x94'))
            n -= 3;
        else
            break;
    }
    /* a role before the name: "FOCUS-Online-Experte Robin Roe",
     * "Editor Jane Doe" (its last part a role word) */
    for (;;) {
        size_t w = 0, h;
        while (w < n && s[w] != ' ')
            w++;
        for (h = w; h > 0 && s[h - 1] != '-'; h--)
            ;
        if (w >= n || count_spaces(s + w + 1, n - w - 1) == 0
            || !in_list(s + h, w - h, np__role_words, 1))
            break;
        s += w + 1;
        n -= w + 1;
    }
    n = strip_credentials(s, n);
    {
        size_t k = after_work_words(s, n);
        s += k;
        n -= k;
    }
    n = once(s, n);
    n = drop_publication(s, n);
    if (n < 2 || n > 80)
        return NP_OK;
    /* a weekday, in any language, is never a name ("Donnerstag" before
     * the date); nor is a label of the publication date */
    if (np__weekday_of_any(s, n) && first_word(s, n) == n)
        return NP_OK;
    if (publication_word(s, first_word(s, n)))
        return NP_OK;
    /* "in News" after the name: the section, in lower case "in" */
    if (n > 3 && memcmp(s, "in ", 3) == 0)
        return NP_OK;
    {
        /* a label alone is a heading ("Authors", "Auteurs"), not a name */
        size_t k;
        if (np__byline_label_at(s, n, &k) && k == n)
            return NP_OK;
    }
    {
        static const char *const ui[] = {
            "sign in", "sign up", "log in", "login", "register", "subscribe",
            "follow", "share", "comment", "profil", "menu", "view all",
            "more from", "newsletter", "empfehlen", "teilen", "drucken", "alle beitr\xc3\xa4ge", NULL
        };
        for (i = 0; ui[i]; i++)
            if (np__text_find_ci(s, n, ui[i]) < n)
                return NP_OK;
    }
    if (memchr(s, '@', n) || np__text_find_ci(s, n, "http") < n || np__text_find_ci(s, n, "www.") < n
        || np__text_find_ci(s, n, ".com") < n || memchr(s, '?', n) || memchr(s, '=', n)
        || np__text_find_ci(s, n, ".php") < n || np__text_find_ci(s, n, ".htm") < n)
        return NP_OK;
    for (i = 0; i < n; i++) {
        if (np__isdigit((unsigned char)s[i]))
            return NP_OK;
    }
    /* words: all job words means a title, not a name */
    i = 0;
    while (i < n) {
        size_t b;
        while (i < n && (np__isspace((unsigned char)s[i]) || s[i] == '.'))
            i++;
        b = i;
        while (i < n && !np__isspace((unsigned char)s[i]) && s[i] != '.')
            i++;
        if (i > b) {
            size_t k;
            words++;
            if (is_job_word(s + b, i - b))
                jobs++;
            for (k = b; k < i; k++)
                if (np__isalpha((unsigned char)s[k]) || (unsigned char)s[k] >= 0x80)
                    letters++;
        }
    }
    if (words == 0 || jobs == words || letters == 0 || words > 6)
        return NP_OK;
    if (placeholder(s, n) || initials_only(s, n))
        return NP_OK;
    return np__doc_add_author(d, s, n);
}

/* Byline text with whitespace collapsed into s; 0 when it is too long
 * to be a byline. */
static int collapse_byline(const char *src, size_t len, char *s, size_t cap, size_t *out)
{
    size_t i, n = 0;
    int space = 0;

    for (i = 0; i < len && n + 2 < cap; i++) {
        unsigned char ch = (unsigned char)src[i];
        if (np__isspace(ch)) {
            space = n > 0;
            continue;
        }
        if (space)
            s[n++] = ' ';
        space = 0;
        s[n++] = (char)ch;
    }
    *out = n;
    return i >= len;
}

/* Addresses are not names: blank every word holding one, and what a
 * page shows for an address it hides ("[email protected]"). */
static void blank_addresses(char *s, size_t n)
{
    size_t i, at;

    for (at = 0; at + 6 <= n; at++) {
        size_t e = at;
        if (s[at] != '[' || !np__text_prefix_ci(s + at + 1, n - at - 1, "email"))
            continue;
        while (e < n && s[e] != ']')
            e++;
        memset(s + at, ' ', e < n ? e - at + 1 : e - at);
    }

    for (i = 0; i < n;) {
        size_t w0 = i, k;
        int url = 0;
        while (i < n && s[i] != ' ')
            i++;
        for (k = w0; k + 2 < i; k++)
            if ((s[k] == ':' && s[k + 1] == '/' && s[k + 2] == '/')
                || (k == w0 && np__text_prefix_ci(s + k, i - k, "www.")))
                url = 1;
        if (url)
            memset(s + w0, ' ', i - w0);
        i++;
    }
}

/* Where the names end: at a date word, a stop phrase or a date. */
static size_t names_end(const char *s, size_t n)
{
    static const char *const stops[] = {
        "updated", "published", "posted on", "last modified", "modified",
        " on ", " | ", " is a ", " is an ", " is the ", " has been ",
        "publiziert", "ver\xc3\xb6" "ffentlicht", "aktualisiert", "publi\xc3\xa9 le",
        "mis \xc3\xa0 jour", "publicado", "actualizado",
        /* the credits of pictures that follow the author's */
        " illustration", " foto von", " fotos von", " foto:", " fotos:",
        " photo by", " photos by", " photo:", " photos:", " bild:", " bilder:",
        /* the section the byline line names next ("Von Jane Doe
         * Kategorien: Mode") */
        " kategorie:", " kategorien:", " category:", " categories:", " rubrik:",
        " filed under ", " cat\xc3\xa9gorie :", " cat\xc3\xa9gorie:", " categor\xc3\xad" "a:", NULL
    };
    /* "on" before a date in other languages, in lower case only
     * ("von Jane Doe am 7. Mai", "par Jean Dupont le 7 mai"; not "Marine
     * Le Pen") */
    static const char *const on[] = {" am ", " le ", " el ", " il ", " op ", NULL};
    size_t cut = n, i;

    /* what follows a date word or a date is not a name */
    for (i = 0; stops[i]; i++) {
        size_t at = np__text_find_ci(s, n, stops[i]);
        if (at > 0 && at < cut)
            cut = at;
    }
    for (i = 1; i + 4 <= cut; i++) {
        size_t k;
        for (k = 0; on[k]; k++)
            if (memcmp(s + i, on[k], 4) == 0)
                cut = i;
        /* "at" before a time ("by Jane Doe at 12:53") */
        if (i + 5 <= cut && memcmp(s + i, " at ", 4) == 0 && np__isdigit((unsigned char)s[i + 4]))
            cut = i;
    }
    /* a date ends the names, glued to the last one or not; digits inside
     * a word make that part a user name */
    for (i = 0; i < cut; i++) {
        size_t j;
        if (!np__isdigit((unsigned char)s[i]))
            continue;
        if (i == 0 || !np__isalnum((unsigned char)s[i - 1])) {
            cut = i;
            break;
        }
        for (j = i; j < cut && np__isdigit((unsigned char)s[j]); j++)
            ;
        if (j + 4 < cut && s[j] == ' ' && month_word(s + j + 1, cut - j - 1)) {
            cut = i;
            break;
        }
        i = j;
    }
    return cut;
}

/* The word that opens a relative date before its number ("Hace 13
 * horas", "vor 2 Stunden", "há 3 dias", "il y a 2 jours"), left at the
 * end once the number has ended the names. */
static int relative_word(const char *s, size_t n)
{
    return np__text_eq_ci(s, n, "hace") || np__text_eq_ci(s, n, "vor")
        || np__text_eq_ci(s, n, "h\xc3\xa1") || np__text_eq_ci(s, n, "a");
}

/* A word that labels the date after a name ("Jane Doe Stand:
 * 05.02.2020", "Datum: ..."); the generic ones only with their colon. */
static int date_label_word(const char *s, size_t n, int colon)
{
    static const char *const always[] = {"stand", "zuletzt", NULL};
    static const char *const with_colon[] = {
        "date", "datum", "data", "fecha", "dated", NULL
    };
    return in_list(s, n, always, 1) || (colon && in_list(s, n, with_colon, 1));
}

/* What a date left behind at the end: punctuation, a month or weekday,
 * the word that opens a relative date. */
static size_t trim_date_tail(const char *s, size_t n)
{
    for (;;) {
        size_t e = n, w;
        while (e && (s[e - 1] == ' ' || s[e - 1] == ',' || s[e - 1] == '-'
                     || s[e - 1] == '.' || s[e - 1] == '|' || s[e - 1] == ':'))
            e--;
        w = e;
        while (w && (np__isalpha((unsigned char)s[w - 1]) || (unsigned char)s[w - 1] >= 0x80))
            w--;
        if (e > w && w > 0 && (e - w <= 9)
            && (month_word(s + w, e - w) || weekday_word(s + w, e - w)
                || date_label_word(s + w, e - w, e < n && s[e] == ':'))) {
            n = w;
            continue;
        }
        if (e > w && w > 0 && relative_word(s + w, e - w)) {
            /* "il y a" as a whole only */
            if (np__text_eq_ci(s + w, e - w, "a")) {
                if (w < 6 || !np__text_eq_ci(s + w - 5, 4, "il y"))
                    return e;
                w -= 5;
                if (w == 0)
                    return e;
            }
            n = w;
            continue;
        }
        return e;
    }
}

/* A relative date written in words ends the names: "Jane Doe vor einer
 * Stunde", "hace una hora", "il y a une heure", "an hour ago". The
 * offset where it starts, or n. */
static size_t relative_date_at(const char *s, size_t n)
{
    static const char *const opens[] = {
        " vor einer ", " vor einem ", " hace un ", " hace una ", " hace unos ",
        " hace unas ", " il y a ", " h\xc3\xa1 um ", " h\xc3\xa1 uma ", NULL
    };
    size_t cut = n, i, at;
    for (i = 0; opens[i]; i++) {
        at = np__text_find_ci(s, n, opens[i]);
        if (at < cut)
            cut = at;
    }
    /* "... an hour ago", "... 3 hours ago": the two words before "ago" */
    at = np__text_find_ci(s, n, " ago");
    if (at < cut && (at + 4 == n || !np__isalpha((unsigned char)s[at + 4]))) {
        size_t w = at, k;
        for (k = 0; k < 2 && w > 0; k++) {
            while (w > 0 && s[w - 1] != ' ')
                w--;
            if (k == 0 && w > 0)
                w--;
        }
        cut = w;
    }
    return cut;
}

/* A short section name before " by " goes; the new length. */
static size_t drop_section(char *s, size_t n)
{
    size_t at = np__text_find_ci(s, n, " by ");

    if (at < n) {
        size_t k, words = 1;
        for (k = 0; k < at; k++)
            if (s[k] == ' ')
                words++;
        if (words <= 4) {
            memmove(s, s + at + 4, n - at - 4);
            n -= at + 4;
        }
    }
    return n;
}

/* Parentheses: an address or a date inside goes; a name inside a name
 * is kept without them; other asides become parts of their own. */
static void parenthesised(char *s, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++) {
        size_t close, k;
        int junk = 0, more = 0;
        if (s[i] != '(')
            continue;
        for (close = i + 1; close < n && s[close] != ')'; close++)
            if (np__isdigit((unsigned char)s[close]) || s[close] == '@'
                || s[close] == '/' || s[close] == '.')
                junk = 1;
        if (close >= n)
            break;
        for (k = close + 1; k < n && s[k] == ' '; k++)
            ;
        more = k < n && s[k] != ',' && s[k] != ';' && s[k] != '|' && s[k] != '&'
            && !np__text_prefix_ci(s + k, n - k, "and ");
        if (junk) {
            for (k = i; k <= close; k++)
                s[k] = ' ';
        } else if (more) {
            s[i] = ' ';
            s[close] = ' ';
        } else {
            s[i] = ',';
            s[close] = ' ';
        }
        i = close;
    }
}

/* An '&' between two sides of more than one letter each (a one-letter
 * side belongs to a single name); b starts the current part. */
static size_t ampersand_sep(const char *s, size_t n, size_t i, size_t b)
{
    size_t k = i + 1, letters = 0, e = i, w;

    while (k < n && s[k] == ' ')
        k++;
    while (k < n && s[k] != ' ' && s[k] != ',') {
        letters++;
        k++;
    }
    while (e > b && s[e - 1] == ' ')
        e--;
    for (w = e; w > b && s[w - 1] != ' '; w--)
        ;
    return letters > 1 && e - w > 1;
}

/* Length of the separator between two parts at s[i] (0: none); clears
 * *next_person where what follows may describe the same person. */
static size_t part_separator(const char *s, size_t n, size_t i, size_t b, int *next_person)
{
    static const char *const words[] = {
        "and ", "with ", "und ", "et ", "y ", "e ", "og ", "en ",
        "edited by ", "avec ", "mit ", "con ", NULL
    };
    size_t k;

    *next_person = 1;
    if (i == n)
        return 1;
    if (s[i] == ',' || s[i] == '/') {
        *next_person = 0;
        return 1;
    }
    if (s[i] == ';' || s[i] == '|')
        return 1;
    /* a middle dot or a bullet between the parts of a byline line
     * ("8. Januar 2020 \xc2\xb7 by Jane Doe \xc2\xb7 in News") */
    if (i + 1 < n && memcmp(s + i, "\xc2\xb7", 2) == 0)
        return 2;
    if (i + 2 < n && memcmp(s + i, "\xe2\x80\xa2", 3) == 0)
        return 3;
    if (i > 0 && s[i - 1] == ' ' && i + 1 < n && s[i + 1] == ' ' && s[i] == '-') {
        /* a dash parts a name from its description only */
        *next_person = 0;
        return (size_t)dash_description(s, n, i + 1);
    }
    if (i > 0 && s[i - 1] == ' ' && i + 3 < n && s[i + 3] == ' '
        && (memcmp(s + i, "\xe2\x80\x93", 3) == 0
            || memcmp(s + i, "\xe2\x80\x94", 3) == 0)) {
        *next_person = 0;
        return dash_description(s, n, i + 3) ? 3 : 0;
    }
    if (s[i] == '&')
        return ampersand_sep(s, n, i, b);
    if (i > 0 && np__isspace((unsigned char)s[i - 1]))
        for (k = 0; words[k]; k++)
            if (np__text_prefix_ci(s + i, n - i, words[k])
                && (i + strlen(words[k]) < n))
                return strlen(words[k]);
    return 0;
}

/* Split on , ; / & | dashes and joining words; after a name, parts that
 * follow a comma, a slash or a dash and describe the person (a role, an
 * employer after a role, credentials) are dropped until "and", "&", ";"
 * or "|" starts the next person. */
static int split_parts(np_document *d, const char *s, size_t n, size_t had)
{
    size_t i = 0, b = 0;
    int describing = 0;

    while (i <= n) {
        int next_person;
        size_t sep = part_separator(s, n, i, b, &next_person);
        if (sep) {
            int rc = NP_OK;
            if (d->authors.len > had && (describing || is_description(s + b, i - b)))
                describing = 1;
            else
                rc = add_name(d, s + b, i - b);
            if (rc != NP_OK)
                return rc;
            if (next_person)
                describing = 0;
            i += sep;
            b = i;
            continue;
        }
        i++;
    }
    return NP_OK;
}

static int split_byline(np_document *d, const char *src, size_t len)
{
    size_t n, had = d->authors.len;
    char s[512];

    if (!src)
        return NP_OK;
    /* whitespace collapsed, at most a short line */
    if (!collapse_byline(src, len, s, sizeof s, &n))
        return NP_OK;   /* too long to be a byline */
    blank_addresses(s, n);
    n = names_end(s, n);
    n = relative_date_at(s, n);
    n = trim_date_tail(s, n);
    n = drop_section(s, n);
    parenthesised(s, n);
    return split_parts(d, s, n, had);
}

int np__authors_add(np_document *d, const char *src, size_t len)
{
    np__buf b = NP__BUF_INIT;
    int rc;
    if (!src)
        return NP_OK;
    if (len > 4096)
        return NP_OK;   /* too long to be a byline */
    /* references decoded first: "A &amp; B" is two names, not three */
    rc = np__meta_text(src, len, &b);
    if (rc == NP_OK)
        rc = split_byline(d, np__buf_cstr(&b), b.len);
    np__buf_free(&b);
    return rc;
}

/* Separators of a site suffix, longest first. */
static const char *const np__title_seps[] = {
    " :: ", " | ", " \xe2\x80\x94 ", " \xe2\x80\x93 ", " \xc2\xb7 ",
    " \xc2\xbb ", " - ", " / ", NULL
};

static size_t count_words(const char *s, size_t n)
{
    size_t i = 0, w = 0;
    while (i < n) {
        while (i < n && np__isspace((unsigned char)s[i]))
            i++;
        if (i < n)
            w++;
        while (i < n && !np__isspace((unsigned char)s[i]))
            i++;
    }
    return w;
}

/* Whether the suffix names the site: equal to it, or to the host less
 * its "www." and top-level domain, ignoring case, spaces and dots. */
static int names_site(const char *suf, size_t n, const char *site)
{
    size_t i = 0, j = 0, sl;
    if (!site)
        return 0;
    if (strncmp(site, "www.", 4) == 0)
        site += 4;
    sl = strlen(site);
    while (i < n && j < sl) {
        unsigned char a = (unsigned char)suf[i], b = (unsigned char)site[j];
        if (a == ' ' || a == '.') {
            i++;
            continue;
        }
        if (b == ' ' || b == '.') {
            j++;
            continue;
        }
        if (np__tolower(a) != np__tolower(b))
            return 0;
        i++;
        j++;
    }
    while (i < n && (suf[i] == ' ' || suf[i] == '.'))
        i++;
    /* the rest of the host (".com") may be left over */
    return i == n && (j == sl || site[j] == '.');
}

size_t np__title_trim(const char *t, size_t n, const char *site)
{
    size_t best = n, i;
    const char *sep = NULL;
    for (i = 0; np__title_seps[i]; i++) {
        size_t k = strlen(np__title_seps[i]), at;
        /* the last occurrence */
        for (at = n >= k ? n - k + 1 : 0; at-- > 0;) {
            if (memcmp(t + at, np__title_seps[i], k) == 0) {
                if (best == n || at > best) {
                    best = at;
                    sep = np__title_seps[i];
                }
                break;
            }
        }
    }
    if (!sep || best == 0)
        return n;
    {
        const char *suf = t + best + strlen(sep);
        size_t sn = n - best - strlen(sep);
        size_t sw = count_words(suf, sn), pw = count_words(t, best);
        int hyphen = strcmp(sep, " - ") == 0 || strcmp(sep, " / ") == 0;
        int dash = hyphen || sep[1] == '\xe2';
        if (names_site(suf, sn, site))
            return best;
        if (pw < 3)
            return n;
        if (!dash && sw <= 6)
            return best;
        if (dash && !hyphen && sw <= 3)
            return best;
        if (dash && sw <= 3 && pw >= 4) {
            /* a name: every word capitalised (or not a letter) */
            size_t k = 0;
            int ok = 1;
            while (k < sn) {
                while (k < sn && np__isspace((unsigned char)suf[k]))
                    k++;
                if (k < sn && np__islower((unsigned char)suf[k]))
                    ok = 0;
                while (k < sn && !np__isspace((unsigned char)suf[k]))
                    k++;
            }
            if (ok)
                return best;
        }
    }
    return n;
}

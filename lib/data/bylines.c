/*
 * The words that introduce a byline, in English, German, French, Spanish,
 * Portuguese, Italian, Dutch and the Scandinavian languages (written for
 * this library). Prepositions ("von", "par", "di") are bylines only before
 * a capitalised name; phrases ("verfasst von") and nouns followed by a
 * colon ("Autor:") before any name, a user name too.
 */
#include <string.h>

#include "util/util.h"
#include "bylines.h"

const np__byline_label np__byline_labels[] = {
    {"by", "en", NP__BYL_LEAD},
    {"written by", "en", NP__BYL_PHRASE},
    {"words by", "en", NP__BYL_PHRASE},
    {"story by", "en", NP__BYL_PHRASE},
    {"article by", "en", NP__BYL_PHRASE},
    {"posted by", "en", NP__BYL_PHRASE},
    {"submitted by", "en", NP__BYL_PHRASE},
    {"author", "en", NP__BYL_NOUN},
    {"authors", "en", NP__BYL_NOUN},
    {"von", "de", NP__BYL_LEAD},
    {"verfasst von", "de", NP__BYL_PHRASE},
    {"geschrieben von", "de", NP__BYL_PHRASE},
    {"erstellt von", "de", NP__BYL_PHRASE},
    {"ein beitrag von", "de", NP__BYL_PHRASE},
    {"ver\xc3\xb6" "ffentlicht von", "de", NP__BYL_PHRASE},
    {"gespeichert von", "de", NP__BYL_PHRASE},
    {"eingestellt von", "de", NP__BYL_PHRASE},
    {"text von", "de", NP__BYL_PHRASE},
    {"autor", "de", NP__BYL_NOUN},
    {"text", "de", NP__BYL_NOUN},
    {"autorin", "de", NP__BYL_NOUN},
    {"autoren", "de", NP__BYL_NOUN},
    {"par", "fr", NP__BYL_LEAD},
    {"\xc3\xa9\x63rit par", "fr", NP__BYL_PHRASE},
    {"r\xc3\xa9\x64ig\xc3\xa9 par", "fr", NP__BYL_PHRASE},
    {"auteur", "fr", NP__BYL_NOUN},
    {"auteure", "fr", NP__BYL_NOUN},
    {"auteurs", "fr", NP__BYL_NOUN},
    {"por", "es", NP__BYL_LEAD},
    {"escrito por", "es", NP__BYL_PHRASE},
    {"autora", "es", NP__BYL_NOUN},
    {"autores", "es", NP__BYL_NOUN},
    {"di", "it", NP__BYL_LEAD},
    {"scritto da", "it", NP__BYL_PHRASE},
    {"a cura di", "it", NP__BYL_PHRASE},
    {"autore", "it", NP__BYL_NOUN},
    {"autori", "it", NP__BYL_NOUN},
    {"door", "nl", NP__BYL_LEAD},
    {"geschreven door", "nl", NP__BYL_PHRASE},
    {"av", "sv", NP__BYL_LEAD},
    {"af", "da", NP__BYL_LEAD},
    {"skrevet af", "da", NP__BYL_PHRASE},
    {"skrevet av", "no", NP__BYL_PHRASE},
    {"forfatter", "da", NP__BYL_NOUN},
    {"f\xc3\xb6rfattare", "sv", NP__BYL_NOUN},
    {NULL, NULL, 0}
};

const np__byline_label *np__byline_label_at(const char *s, size_t n, size_t *len)
{
    const np__byline_label *best = NULL;
    size_t i, bl = 0;
    for (i = 0; np__byline_labels[i].text; i++) {
        size_t k = strlen(np__byline_labels[i].text);
        if (k > bl && np__text_prefix_ci(s, n, np__byline_labels[i].text)
            && (k == n || s[k] == ' ' || s[k] == ':')) {
            best = &np__byline_labels[i];
            bl = k;
        }
    }
    *len = bl;
    return best;
}

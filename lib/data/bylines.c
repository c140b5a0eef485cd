/*
 * The words that introduce a byline, in English, German, French, Spanish,
 * Portuguese, Italian, Dutch, the Scandinavian languages and Arabic
 * (written for this library). Prepositions ("von", "par", "di") are
 * bylines only before a capitalised name; phrases ("verfasst von") and
 * nouns followed by a colon ("Autor:") before any name, a user name too.
 * The nouns of an interview or a text ("Interview:", "Text:", Arabic
 * "حوار:" and "كتب:", "wrote") label a name only with their colon.
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
    {"beitrag von", "de", NP__BYL_PHRASE},
    {"artikel von", "de", NP__BYL_PHRASE},
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
    {"interview", "en", NP__BYL_COLON},
    {"interview by", "en", NP__BYL_PHRASE},
    {"interview von", "de", NP__BYL_PHRASE},
    {"entretien", "fr", NP__BYL_COLON},
    {"propos recueillis par", "fr", NP__BYL_PHRASE},
    {"entrevista", "es", NP__BYL_COLON},
    {"intervista", "it", NP__BYL_COLON},
    /* Arabic: "by the pen of", "interview", "wrote" (he, she),
     * "prepared by" */
    {"\xd8\xa8\xd9\x82\xd9\x84\xd9\x85", "ar", NP__BYL_PHRASE},
    {"\xd8\xad\xd9\x88\xd8\xa7\xd8\xb1", "ar", NP__BYL_COLON},
    {"\xd9\x83\xd8\xaa\xd8\xa8", "ar", NP__BYL_COLON},
    {"\xd9\x83\xd8\xaa\xd8\xa8\xd8\xaa", "ar", NP__BYL_COLON},
    {"\xd8\xa5\xd8\xb9\xd8\xaf\xd8\xa7\xd8\xaf", "ar", NP__BYL_COLON},
    {NULL, NULL, 0}
};

const np__byline_label *np__byline_label_at(const char *s, size_t n, size_t *len)
{
    const np__byline_label *best = NULL;
    size_t i, bl = 0;
    unsigned char c0;
    if (n == 0) {
        *len = 0;
        return NULL;
    }
    /* the first byte as np__text_prefix_ci compares it, before the rest */
    c0 = (unsigned char)np__tolower((unsigned char)s[0]);
    for (i = 0; np__byline_labels[i].text; i++) {
        size_t k;
        if ((unsigned char)np__byline_labels[i].text[0] != c0)
            continue;
        k = strlen(np__byline_labels[i].text);
        if (k > bl && np__text_prefix_ci(s, n, np__byline_labels[i].text)
            && (k == n || s[k] == ' ' || s[k] == ':')) {
            best = &np__byline_labels[i];
            bl = k;
        }
    }
    *len = bl;
    return best;
}

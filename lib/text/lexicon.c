/* Look-ups in the compiled English lexicon and the closed word classes. */
#include <string.h>

#include "text/text.h"
#include "data/english_words.h"
#include "data/ner_lexicon.h"

/* Closed classes of English function words, sorted. */
static const struct { const char *w; unsigned f; } fw[] = {
    {"a", NP__FW_DET}, {"about", NP__FW_PREP}, {"above", NP__FW_PREP},
    {"across", NP__FW_PREP}, {"after", NP__FW_PREP | NP__FW_CONJ},
    {"again", NP__FW_ADV}, {"against", NP__FW_PREP},
    {"all", NP__FW_DET}, {"almost", NP__FW_ADV}, {"already", NP__FW_ADV},
    {"also", NP__FW_ADV}, {"although", NP__FW_CONJ}, {"always", NP__FW_ADV},
    {"am", NP__FW_AUX}, {"among", NP__FW_PREP}, {"an", NP__FW_DET},
    {"and", NP__FW_CONJ}, {"another", NP__FW_DET}, {"any", NP__FW_DET},
    {"are", NP__FW_AUX}, {"around", NP__FW_PREP}, {"as", NP__FW_PREP | NP__FW_CONJ},
    {"at", NP__FW_PREP}, {"be", NP__FW_AUX}, {"because", NP__FW_CONJ},
    {"been", NP__FW_AUX}, {"before", NP__FW_PREP | NP__FW_CONJ},
    {"being", NP__FW_AUX}, {"below", NP__FW_PREP}, {"between", NP__FW_PREP},
    {"both", NP__FW_DET}, {"but", NP__FW_CONJ}, {"by", NP__FW_PREP},
    {"can", NP__FW_AUX}, {"could", NP__FW_AUX}, {"did", NP__FW_AUX},
    {"do", NP__FW_AUX}, {"does", NP__FW_AUX}, {"during", NP__FW_PREP},
    {"each", NP__FW_DET}, {"either", NP__FW_DET}, {"even", NP__FW_ADV},
    {"ever", NP__FW_ADV}, {"every", NP__FW_DET}, {"for", NP__FW_PREP},
    {"from", NP__FW_PREP}, {"had", NP__FW_AUX}, {"has", NP__FW_AUX},
    {"have", NP__FW_AUX}, {"having", NP__FW_AUX}, {"he", NP__FW_PRON},
    {"her", NP__FW_PRON | NP__FW_DET}, {"here", NP__FW_ADV},
    {"him", NP__FW_PRON}, {"his", NP__FW_DET}, {"how", NP__FW_WH},
    {"however", NP__FW_ADV}, {"i", NP__FW_PRON}, {"if", NP__FW_CONJ},
    {"in", NP__FW_PREP}, {"into", NP__FW_PREP}, {"is", NP__FW_AUX},
    {"it", NP__FW_PRON}, {"its", NP__FW_DET}, {"just", NP__FW_ADV},
    {"may", NP__FW_AUX}, {"me", NP__FW_PRON}, {"might", NP__FW_AUX},
    {"more", NP__FW_ADV}, {"most", NP__FW_ADV}, {"must", NP__FW_AUX},
    {"my", NP__FW_DET}, {"neither", NP__FW_DET}, {"never", NP__FW_ADV},
    {"no", NP__FW_DET}, {"nor", NP__FW_CONJ}, {"not", NP__FW_ADV},
    {"now", NP__FW_ADV}, {"of", NP__FW_PREP}, {"off", NP__FW_PREP},
    {"on", NP__FW_PREP}, {"once", NP__FW_CONJ}, {"onto", NP__FW_PREP},
    {"or", NP__FW_CONJ}, {"our", NP__FW_DET}, {"out", NP__FW_PREP},
    {"over", NP__FW_PREP}, {"per", NP__FW_PREP}, {"quite", NP__FW_ADV},
    {"rather", NP__FW_ADV}, {"really", NP__FW_ADV}, {"shall", NP__FW_AUX},
    {"she", NP__FW_PRON}, {"should", NP__FW_AUX}, {"since", NP__FW_PREP | NP__FW_CONJ},
    {"so", NP__FW_ADV | NP__FW_CONJ}, {"some", NP__FW_DET}, {"still", NP__FW_ADV},
    {"than", NP__FW_CONJ}, {"that", NP__FW_DET | NP__FW_CONJ},
    {"the", NP__FW_DET}, {"their", NP__FW_DET}, {"them", NP__FW_PRON},
    {"then", NP__FW_ADV}, {"there", NP__FW_ADV}, {"these", NP__FW_DET},
    {"they", NP__FW_PRON}, {"this", NP__FW_DET}, {"those", NP__FW_DET},
    {"though", NP__FW_CONJ}, {"through", NP__FW_PREP}, {"to", NP__FW_PREP},
    {"too", NP__FW_ADV}, {"toward", NP__FW_PREP}, {"towards", NP__FW_PREP},
    {"under", NP__FW_PREP}, {"unless", NP__FW_CONJ}, {"until", NP__FW_PREP | NP__FW_CONJ},
    {"up", NP__FW_PREP}, {"upon", NP__FW_PREP}, {"us", NP__FW_PRON},
    {"very", NP__FW_ADV}, {"via", NP__FW_PREP}, {"was", NP__FW_AUX},
    {"we", NP__FW_PRON}, {"were", NP__FW_AUX}, {"what", NP__FW_WH},
    {"when", NP__FW_WH | NP__FW_CONJ}, {"where", NP__FW_WH | NP__FW_CONJ},
    {"whether", NP__FW_CONJ}, {"which", NP__FW_WH}, {"while", NP__FW_CONJ},
    {"who", NP__FW_WH}, {"whom", NP__FW_WH}, {"whose", NP__FW_WH},
    {"why", NP__FW_WH}, {"will", NP__FW_AUX}, {"with", NP__FW_PREP},
    {"within", NP__FW_PREP}, {"without", NP__FW_PREP}, {"would", NP__FW_AUX},
    {"yet", NP__FW_ADV | NP__FW_CONJ}, {"you", NP__FW_PRON},
    {"your", NP__FW_DET},
};

unsigned np__funcword(const char *w, size_t n)
{
    char key[16];
    size_t i, lo = 0, hi = sizeof(fw) / sizeof(fw[0]);
    if (n == 0 || n >= sizeof(key))
        return 0;
    for (i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)w[i];
        if (ch >= 'A' && ch <= 'Z')
            ch = (unsigned char)(ch + 32);
        key[i] = (char)ch;
    }
    key[n] = '\0';
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(fw[mid].w, key);
        if (c == 0)
            return fw[mid].f;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

uint32_t np__u8_prev(const char *s, size_t *i)
{
    size_t end = *i, j = *i, k;
    if (j == 0)
        return 0;
    j--;
    while (j > 0 && ((unsigned char)s[j] & 0xC0) == 0x80 && end - j < 4)
        j--;
    *i = j;
    k = j;
    return np__utf8_next(s, end, &k);
}

/* The entity recogniser's bits for w[0..n) (0 = not in its table). */
static uint32_t ner_flags(const char *w, size_t n)
{
    return np__ner_word(w, n, 0);
}

/* Is w[0..n) a well-known place or organisation ("France", "Texas")? */
int np__place_name(const char *w, size_t n)
{
    return (ner_flags(w, n) & (NP__LX_ANYPLACE | NP__LX_ORG)) ? 1 : 0;
}

/* Is w[0..n) the last word of an organisation's name ("Department",
 * "Court")? */
int np__org_cue(const char *w, size_t n)
{
    return (ner_flags(w, n) & NP__LX_ORG_CUE) ? 1 : 0;
}

/* Is w[0..n) a role noun ("coach", "forward") or a people or party
 * ("Democrats", "Americans")? */
int np__role_noun(const char *w, size_t n)
{
    return (ner_flags(w, n) & NP__LX_ROLE) ? 1 : 0;
}

/* Is w[0..n) a title that stands alone before a surname ("President",
 * "Sen", "Mr"), from the entity lexicon's [title_alone]? */
int np__title_word(const char *w, size_t n)
{
    return (ner_flags(w, n) & NP__LX_TITLE_ALONE) ? 1 : 0;
}

/* Is w[0..n) (without its dot) a word after which a full stop does not end
 * a sentence ("Mr", "Gov", "Inc"), from the entity lexicon's
 * [abbrev_cleanup]? */
int np__abbrev_word(const char *w, size_t n)
{
    return (ner_flags(w, n) & NP__LX_ABBR_CLEANUP) ? 1 : 0;
}

int np__demonym(const char *w, size_t n)
{
    return (ner_flags(w, n) & NP__LX_DEMONYM) ? 1 : 0;
}

/* Is w[0..n) a given name and not a place or an organisation ("Mike", not
 * "Cleveland")? From the entity recogniser's read-only table. */
int np__given_name(const char *w, size_t n)
{
    uint32_t f = ner_flags(w, n);
    return (f & NP__LX_GIVEN) &&
           !(f & (NP__LX_ANYPLACE | NP__LX_ORG | NP__LX_DEMONYM));
}

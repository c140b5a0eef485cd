/*
 * Speech verbs (written for this library): the words that attribute a
 * quotation ("said", "told", "according to" aside) and their participles
 * ("saying"), and those that, right after a name, say a person spoke
 * ("Smith said", "Smith thinks"). The quotation stage and the entity
 * stage read this one table, each through its own flag. The entries are
 * sorted by byte (tests/check_util.c checks it), for np__speech_find's
 * binary search.
 */
#include <string.h>

#include "util/util.h"
#include "speech.h"

const np__speech_word np__speech_words[] = {
    { "acknowledged", NP__SPEECH_CUE | NP__SPEECH_AFTER_NAME },
    { "acknowledges", NP__SPEECH_CUE },
    { "acknowledging", NP__SPEECH_PARTICIPLE },
    { "added", NP__SPEECH_CUE | NP__SPEECH_AFTER_NAME },
    { "adding", NP__SPEECH_PARTICIPLE },
    { "adds", NP__SPEECH_CUE | NP__SPEECH_AFTER_NAME },
    { "admits", NP__SPEECH_CUE },
    { "admitted", NP__SPEECH_CUE | NP__SPEECH_AFTER_NAME },
    { "admitting", NP__SPEECH_PARTICIPLE },
    { "advised", NP__SPEECH_CUE },
    { "advises", NP__SPEECH_CUE },
    { "affirmed", NP__SPEECH_CUE },
    { "alleged", NP__SPEECH_CUE },
    { "alleges", NP__SPEECH_CUE },
    { "announced", NP__SPEECH_CUE | NP__SPEECH_AFTER_NAME },
    { "announces", NP__SPEECH_CUE },
    { "announcing", NP__SPEECH_PARTICIPLE },
    { "answered", NP__SPEECH_CUE },
    { "answering", NP__SPEECH_PARTICIPLE },
    { "answers", NP__SPEECH_CUE },
    { "argued", NP__SPEECH_CUE | NP__SPEECH_AFTER_NAME },
    { "argues", NP__SPEECH_CUE },
    { "arguing", NP__SPEECH_PARTICIPLE },
    { "asked", NP__SPEECH_CUE | NP__SPEECH_AFTER_NAME },
    { "asking", NP__SPEECH_PARTICIPLE },
    { "asks", NP__SPEECH_CUE },
    { "assured", NP__SPEECH_CUE },
    { "assures", NP__SPEECH_CUE },
    { "begged", NP__SPEECH_CUE },
    { "believes", NP__SPEECH_AFTER_NAME },
    { "blasted", NP__SPEECH_CUE },
    { "blogged", NP__SPEECH_CUE },
    { "boasted", NP__SPEECH_CUE },
    { "boasts", NP__SPEECH_CUE },
    { "branded", NP__SPEECH_CUE },
    { "called", NP__SPEECH_CUE },
    { "calling", NP__SPEECH_PARTICIPLE },
    { "calls", NP__SPEECH_CUE },
    { "captioned", NP__SPEECH_CUE },
    { "captioning", NP__SPEECH_PARTICIPLE },
    { "cautioned", NP__SPEECH_CUE },
    { "cautioning", NP__SPEECH_PARTICIPLE },
    { "cautions", NP__SPEECH_CUE },
    { "cheered", NP__SPEECH_CUE },
    { "claimed", NP__SPEECH_CUE | NP__SPEECH_AFTER_NAME },
    { "claiming", NP__SPEECH_PARTICIPLE },
    { "claims", NP__SPEECH_CUE },
    { "commented", NP__SPEECH_CUE | NP__SPEECH_AFTER_NAME },
    { "commenting", NP__SPEECH_PARTICIPLE },
    { "comments", NP__SPEECH_CUE },
    { "complained", NP__SPEECH_CUE },
    { "complains", NP__SPEECH_CUE },
    { "conceded", NP__SPEECH_CUE },
    { "concedes", NP__SPEECH_CUE },
    { "conceding", NP__SPEECH_PARTICIPLE },
    { "condemned", NP__SPEECH_CUE },
    { "confirmed", NP__SPEECH_CUE },
    { "confirming", NP__SPEECH_PARTICIPLE },
    { "confirms", NP__SPEECH_CUE },
    { "contended", NP__SPEECH_CUE },
    { "contends", NP__SPEECH_CUE },
    { "continued", NP__SPEECH_CUE | NP__SPEECH_AFTER_NAME },
    { "continues", NP__SPEECH_CUE },
    { "continuing", NP__SPEECH_PARTICIPLE },
    { "countered", NP__SPEECH_CUE },
    { "counters", NP__SPEECH_CUE },
    { "cried", NP__SPEECH_CUE },
    { "criticised", NP__SPEECH_CUE },
    { "criticized", NP__SPEECH_CUE },
    { "declared", NP__SPEECH_CUE },
    { "declares", NP__SPEECH_CUE },
    { "declaring", NP__SPEECH_PARTICIPLE },
    { "demanded", NP__SPEECH_CUE },
    { "demands", NP__SPEECH_CUE },
    { "denounced", NP__SPEECH_CUE },
    { "described", NP__SPEECH_CUE },
    { "describes", NP__SPEECH_CUE },
    { "describing", NP__SPEECH_PARTICIPLE },
    { "dubbed", NP__SPEECH_CUE },
    { "emphasised", NP__SPEECH_CUE },
    { "emphasises", NP__SPEECH_CUE },
    { "emphasising", NP__SPEECH_PARTICIPLE },
    { "emphasized", NP__SPEECH_CUE },
    { "emphasizes", NP__SPEECH_CUE },
    { "emphasizing", NP__SPEECH_PARTICIPLE },
    { "exclaimed", NP__SPEECH_CUE },
    { "explained", NP__SPEECH_CUE | NP__SPEECH_AFTER_NAME },
    { "explaining", NP__SPEECH_PARTICIPLE },
    { "explains", NP__SPEECH_CUE },
    { "hailed", NP__SPEECH_CUE },
    { "insisted", NP__SPEECH_CUE | NP__SPEECH_AFTER_NAME },
    { "insisting", NP__SPEECH_PARTICIPLE },
    { "insists", NP__SPEECH_CUE },
    { "instructed", NP__SPEECH_CUE },
    { "introduced", NP__SPEECH_CUE },
    { "joked", NP__SPEECH_CUE },
    { "jokes", NP__SPEECH_CUE },
    { "joking", NP__SPEECH_PARTICIPLE },
    { "labeled", NP__SPEECH_CUE },
    { "labelled", NP__SPEECH_CUE },
    { "lamented", NP__SPEECH_CUE },
    { "laments", NP__SPEECH_CUE },
    { "maintained", NP__SPEECH_CUE },
    { "maintains", NP__SPEECH_CUE },
    { "messaged", NP__SPEECH_CUE },
    { "mused", NP__SPEECH_CUE },
    { "muses", NP__SPEECH_CUE },
    { "muttered", NP__SPEECH_CUE },
    { "noted", NP__SPEECH_CUE | NP__SPEECH_AFTER_NAME },
    { "notes", NP__SPEECH_CUE },
    { "noting", NP__SPEECH_PARTICIPLE },
    { "observed", NP__SPEECH_CUE },
    { "observes", NP__SPEECH_CUE },
    { "observing", NP__SPEECH_PARTICIPLE },
    { "opined", NP__SPEECH_CUE },
    { "pleaded", NP__SPEECH_CUE },
    { "pledged", NP__SPEECH_CUE },
    { "pledges", NP__SPEECH_CUE },
    { "pledging", NP__SPEECH_PARTICIPLE },
    { "pointed", NP__SPEECH_CUE },
    { "posted", NP__SPEECH_CUE | NP__SPEECH_AFTER_NAME },
    { "posting", NP__SPEECH_PARTICIPLE },
    { "praised", NP__SPEECH_CUE },
    { "predicted", NP__SPEECH_CUE },
    { "predicts", NP__SPEECH_CUE },
    { "proclaimed", NP__SPEECH_CUE },
    { "proclaims", NP__SPEECH_CUE },
    { "promised", NP__SPEECH_CUE },
    { "promises", NP__SPEECH_CUE },
    { "promising", NP__SPEECH_PARTICIPLE },
    { "quipped", NP__SPEECH_CUE },
    { "quipping", NP__SPEECH_PARTICIPLE },
    { "quips", NP__SPEECH_CUE },
    { "recalled", NP__SPEECH_CUE | NP__SPEECH_AFTER_NAME },
    { "recalling", NP__SPEECH_PARTICIPLE },
    { "recalls", NP__SPEECH_CUE },
    { "recommended", NP__SPEECH_CUE },
    { "recounted", NP__SPEECH_CUE },
    { "recounts", NP__SPEECH_CUE },
    { "regarded", NP__SPEECH_CUE },
    { "regards", NP__SPEECH_CUE },
    { "reiterated", NP__SPEECH_CUE },
    { "reiterates", NP__SPEECH_CUE },
    { "reiterating", NP__SPEECH_PARTICIPLE },
    { "remarked", NP__SPEECH_CUE },
    { "remarks", NP__SPEECH_CUE },
    { "remembered", NP__SPEECH_CUE },
    { "repeated", NP__SPEECH_CUE },
    { "replied", NP__SPEECH_CUE | NP__SPEECH_AFTER_NAME },
    { "replies", NP__SPEECH_CUE },
    { "replying", NP__SPEECH_PARTICIPLE },
    { "reported", NP__SPEECH_CUE },
    { "reports", NP__SPEECH_CUE },
    { "responded", NP__SPEECH_CUE | NP__SPEECH_AFTER_NAME },
    { "responding", NP__SPEECH_PARTICIPLE },
    { "responds", NP__SPEECH_CUE },
    { "retorted", NP__SPEECH_CUE },
    { "revealed", NP__SPEECH_CUE },
    { "reveals", NP__SPEECH_CUE },
    { "said", NP__SPEECH_CUE | NP__SPEECH_AFTER_NAME },
    { "saying", NP__SPEECH_PARTICIPLE },
    { "says", NP__SPEECH_CUE | NP__SPEECH_AFTER_NAME },
    { "shouted", NP__SPEECH_CUE },
    { "slammed", NP__SPEECH_CUE },
    { "stated", NP__SPEECH_CUE | NP__SPEECH_AFTER_NAME },
    { "states", NP__SPEECH_CUE },
    { "stating", NP__SPEECH_PARTICIPLE },
    { "stressed", NP__SPEECH_CUE },
    { "stresses", NP__SPEECH_CUE },
    { "stressing", NP__SPEECH_PARTICIPLE },
    { "suggested", NP__SPEECH_CUE },
    { "suggesting", NP__SPEECH_PARTICIPLE },
    { "suggests", NP__SPEECH_CUE },
    { "telling", NP__SPEECH_PARTICIPLE },
    { "tells", NP__SPEECH_CUE | NP__SPEECH_AFTER_NAME },
    { "termed", NP__SPEECH_CUE },
    { "testified", NP__SPEECH_CUE },
    { "testifies", NP__SPEECH_CUE },
    { "texted", NP__SPEECH_CUE },
    { "thinks", NP__SPEECH_AFTER_NAME },
    { "told", NP__SPEECH_CUE | NP__SPEECH_AFTER_NAME },
    { "tweeted", NP__SPEECH_CUE | NP__SPEECH_AFTER_NAME },
    { "tweeting", NP__SPEECH_PARTICIPLE },
    { "tweets", NP__SPEECH_CUE },
    { "urged", NP__SPEECH_CUE },
    { "urges", NP__SPEECH_CUE },
    { "urging", NP__SPEECH_PARTICIPLE },
    { "viewed", NP__SPEECH_CUE },
    { "views", NP__SPEECH_CUE },
    { "vowed", NP__SPEECH_CUE },
    { "vowing", NP__SPEECH_PARTICIPLE },
    { "vows", NP__SPEECH_CUE },
    { "warned", NP__SPEECH_CUE | NP__SPEECH_AFTER_NAME },
    { "warning", NP__SPEECH_PARTICIPLE },
    { "warns", NP__SPEECH_CUE },
    { "whispered", NP__SPEECH_CUE },
    { "wondered", NP__SPEECH_CUE },
    { "wonders", NP__SPEECH_CUE },
    { "writes", NP__SPEECH_CUE },
    { "writing", NP__SPEECH_PARTICIPLE },
    { "written", NP__SPEECH_CUE },
    { "wrote", NP__SPEECH_CUE | NP__SPEECH_AFTER_NAME },
    { "yelled", NP__SPEECH_CUE },
};
const size_t np__speech_count = sizeof np__speech_words / sizeof np__speech_words[0];

unsigned np__speech_find(const char *w, size_t n, int any_case)
{
    char key[25];
    size_t lo = 0, hi = np__speech_count, i;
    if (n == 0 || n >= sizeof key)
        return 0;
    for (i = 0; i < n; i++)
        key[i] = any_case ? (char)np__tolower((unsigned char)w[i]) : w[i];
    key[n] = '\0';
    if (memchr(key, '\0', n))
        return 0;
    /* the words of key's first byte first (the list is sorted by byte, so
     * they are one run): a byte compare per step, strcmp only within */
    {
        unsigned char k0 = (unsigned char)key[0];
        size_t a = lo, b = hi;
        while (a < b) {
            size_t mid = a + (b - a) / 2;
            if ((unsigned char)np__speech_words[mid].word[0] < k0)
                a = mid + 1;
            else
                b = mid;
        }
        lo = a;
        b = hi;
        while (a < b) {
            size_t mid = a + (b - a) / 2;
            if ((unsigned char)np__speech_words[mid].word[0] <= k0)
                a = mid + 1;
            else
                b = mid;
        }
        hi = a;
    }
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(key, np__speech_words[mid].word);
        if (c == 0)
            return np__speech_words[mid].flags;
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return 0;
}

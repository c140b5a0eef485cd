/* The hash and the string table of the util floor (lib/util/hash.c), and
 * the small word tables of the data floor (lib/data/calendar.c, speech.c),
 * and the entity lexicon's word look-up (lib/data/lookup.c, lib/text/lexicon.c). */
#include "np_test.h"


#include "util/util.h"
#include "data/calendar.h"
#include "data/speech.h"
#include "data/ner_lexicon.h"
#include "data/english_words.h"
#include "text/text.h"

START_TEST(fnv1a_known_values)
{
    /* the published FNV-1a 32-bit test values */
    ck_assert_uint_eq(np__fnv1a("", 0), 0x811c9dc5u);
    ck_assert_uint_eq(np__fnv1a("a", 1), 0xe40c292cu);
    ck_assert_uint_eq(np__fnv1a("foobar", 6), 0xbf9cf968u);
    ck_assert_uint_eq(np__fnv1a_step(NP__FNV1A_INIT, 'a'), 0xe40c292cu);
}
END_TEST

START_TEST(strtab_put_get)
{
    np__strtab t = { 0 };
    char key[16];
    long old;
    int i;
    ck_assert_int_eq(np__strtab_get(&t, "x", 1), -1);
    ck_assert_int_eq(np__strtab_put(&t, "Smith", 5, 7, &old), NP_OK);
    ck_assert_int_eq(old, -1);
    ck_assert_int_eq(np__strtab_get(&t, "Smith", 5), 7);
    ck_assert_int_eq(np__strtab_get(&t, "Smit", 4), -1);
    ck_assert_int_eq(np__strtab_get(&t, "Smithy", 6), -1);
    ck_assert_int_eq(np__strtab_put(&t, "Smith", 5, 9, &old), NP_OK);
    ck_assert_int_eq(old, 7);
    ck_assert_int_eq(np__strtab_get(&t, "Smith", 5), 9);
    /* empty keys are never stored */
    ck_assert_int_eq(np__strtab_put(&t, "", 0, 3, NULL), NP_OK);
    ck_assert_int_eq(np__strtab_get(&t, "", 0), -1);
    /* growth keeps every key (compared by bytes: "k3" and "k3\0" differ) */
    for (i = 0; i < 5000; i++) {
        int n = snprintf(key, sizeof key, "k%d", i) + (i % 3 == 0);
        ck_assert_int_eq(np__strtab_put(&t, key, (size_t)n, i, NULL), NP_OK);
    }
    ck_assert_int_eq(np__strtab_get(&t, "k4", 2), 4);
    ck_assert_int_eq(np__strtab_get(&t, "k4", 3), -1);
    ck_assert_int_eq(np__strtab_get(&t, "k3", 2), -1);
    ck_assert_int_eq(np__strtab_get(&t, "k3", 3), 3);
    ck_assert_uint_eq(t.n, 5001);
    ck_assert_uint_le(t.n * 2, t.cap);
    for (i = 0; i < 5000; i++) {
        int n = snprintf(key, sizeof key, "k%d", i) + (i % 3 == 0);
        ck_assert_int_eq(np__strtab_get(&t, key, (size_t)n), i);
    }
    ck_assert_int_eq(np__strtab_get(&t, "Smith", 5), 9);
    np__strtab_free(&t);
    ck_assert_ptr_null(t.slots);
    ck_assert_int_eq(np__strtab_get(&t, "Smith", 5), -1);
    np__strtab_free(&t);
}
END_TEST

START_TEST(month_names)
{
    ck_assert_int_eq(np__month_of("January", 7), 1);
    ck_assert_int_eq(np__month_of("MAR", 3), 3);
    ck_assert_int_eq(np__month_of("may", 3), 5);
    ck_assert_int_eq(np__month_of("Sept", 4), 9);
    ck_assert_int_eq(np__month_of("sep", 3), 9);
    ck_assert_int_eq(np__month_of("decembers", 9), 0);
    ck_assert_int_eq(np__month_of("Janu", 4), 0);   /* only "sept" has 4 */
    ck_assert_int_eq(np__month_of("ja", 2), 0);
    ck_assert_int_eq(np__month_of("jan\0", 4), 0);
    ck_assert_int_eq(np__month_of("marchmarchmarchmarch", 20), 0);
    ck_assert_str_eq(np__month_names[11], "december");
}
END_TEST

START_TEST(speech_verbs)
{
    size_t i;
    /* sorted and unique, for the binary search */
    for (i = 1; i < np__speech_count; i++)
        ck_assert_int_lt(strcmp(np__speech_words[i - 1].word, np__speech_words[i].word), 0);
    ck_assert_uint_eq(np__speech_find("said", 4, 0),
                      NP__SPEECH_CUE | NP__SPEECH_AFTER_NAME);
    ck_assert_uint_eq(np__speech_find("Said", 4, 0), 0);
    ck_assert_uint_eq(np__speech_find("SAID", 4, 1),
                      NP__SPEECH_CUE | NP__SPEECH_AFTER_NAME);
    ck_assert_uint_eq(np__speech_find("saying", 6, 1), NP__SPEECH_PARTICIPLE);
    ck_assert_uint_eq(np__speech_find("thinks", 6, 0), NP__SPEECH_AFTER_NAME);
    ck_assert_uint_eq(np__speech_find("tweeted", 7, 1),
                      NP__SPEECH_CUE | NP__SPEECH_AFTER_NAME);
    ck_assert_uint_eq(np__speech_find("sai", 3, 1), 0);
    ck_assert_uint_eq(np__speech_find("saidx", 5, 1), 0);
    ck_assert_uint_eq(np__speech_find("sa\0d", 4, 1), 0);
    ck_assert_uint_eq(np__speech_find("", 0, 1), 0);
}
END_TEST

/* The English lexicon's hash lines (lib/data/english_words.c): every word
 * a line holds is found, with its flags, in any case; a line that passed
 * words on is followed to them; what no line holds is no word. */
START_TEST(english_lines)
{
    size_t j, words = 0, moved = 0;
    for (j = 0; j <= np__english_lines_mask; j++) {
        const unsigned char *l = np__english_lines[j].b;
        size_t i = 1;
        while (i < sizeof(np__english_lines[0].b) && l[i]) {
            size_t n = l[i], k;
            unsigned flags = (unsigned)l[i + 1] | (unsigned)l[i + 2] << 8;
            char w[64];
            ck_assert_uint_le(i + 3 + n, sizeof(np__english_lines[0].b));
            memcpy(w, l + i + 3, n);
            ck_assert_uint_ne(flags, 0);
            ck_assert_uint_eq(np__english_find(w, n), flags);
            for (k = 0; k < n; k++)
                w[k] = (char)(w[k] >= 'a' && w[k] <= 'z' ? w[k] - 32 : w[k]);
            ck_assert_uint_eq(np__english_find(w, n), flags);
            if ((np__fnv1a((const char *)l + i + 3, n) & np__english_lines_mask) != j)
                moved++;
            words++;
            i += 3 + n;
        }
    }
    ck_assert_uint_gt(words, 100000);
    ck_assert_uint_gt(moved, 0);    /* some words live past their line */
    ck_assert_uint_eq(np__english_find("said", 4) & NP__LEX_LOWER, NP__LEX_LOWER);
    ck_assert_uint_eq(np__english_find("xqzt", 4), 0);
    ck_assert_uint_eq(np__english_find("sai", 3), 0);
    ck_assert_uint_eq(np__english_find("saids", 5), 0);
    ck_assert_uint_eq(np__english_find("", 0), 0);
    ck_assert_uint_eq(np__english_find("said1", 5), 0);
}
END_TEST

/* One list of titles and roles (lib/data/ner_lists.txt), each stage
 * reading its own flag: the entity stage's titles and roles, the
 * apostrophe pass's titles that stand alone, the quotation stage's person
 * heads. */
START_TEST(titles_and_roles)
{
    const uint32_t alone = NP__LX_TITLE | NP__LX_TITLE_ALONE;
    ck_assert_uint_eq(np__ner_word("President", 9, 0) & alone, alone);
    ck_assert_uint_eq(np__ner_word("PRESIDENT", 9, 0) & alone, alone);
    /* "Foreign" names an office, but a surname after it is no title's */
    ck_assert_uint_eq(np__ner_word("Foreign", 7, 0) & alone, NP__LX_TITLE);
    /* the lexicon writes "Sen." with its dot; or_dotted finds it */
    ck_assert_uint_eq(np__ner_word("Sen", 3, 0) & NP__LX_TITLE, 0);
    ck_assert_uint_ne(np__ner_word("Sen", 3, 1) & NP__LX_TITLE, 0);
    ck_assert_uint_ne(np__ner_word("sen", 3, 0) & NP__LX_TITLE_ALONE, 0);
    ck_assert_uint_ne(np__ner_word("Sen.", 4, 1) & NP__LX_TITLE, 0);
    ck_assert_uint_ne(np__ner_word("spokesperson", 12, 0) & NP__LX_ROLE, 0);
    ck_assert_uint_ne(np__ner_word("actor", 5, 0) & NP__LX_PERSON_HEAD, 0);
    ck_assert_uint_eq(np__ner_word("statement", 9, 1) &
                      (NP__LX_TITLE | NP__LX_ROLE | NP__LX_PERSON_HEAD), 0);
    ck_assert_uint_eq(np__ner_word("", 0, 1), 0);
    ck_assert_uint_eq(np__ner_word("presidentpresidentpresidentpresident", 36, 1), 0);
}
END_TEST

/* One list of abbreviations (lib/data/ner_lists.txt), each stage reading
 * its own flag: the apostrophe pass's [abbrev_cleanup], the quotation
 * stage's wider [abbrev_quote], the entity stage's [abbrev] (with the dot);
 * a word only the other stages read is no entry for the entity stage. */
START_TEST(abbreviations)
{
    const uint32_t both = NP__LX_ABBR_CLEANUP | NP__LX_ABBR_QUOTE;
    ck_assert_uint_eq(np__ner_word("Gov", 3, 0) & both, both);
    ck_assert_uint_eq(np__ner_word("INC", 3, 0) & both, both);
    ck_assert_uint_eq(np__ner_word("pres", 4, 0) & both, both);
    ck_assert_uint_ne(np__ner_word("Gov", 3, 1) & NP__LX_ABBREV, 0);
    /* state abbreviations and months: the quotation stage's only */
    ck_assert_uint_eq(np__ner_word("Ill", 3, 0) & both, NP__LX_ABBR_QUOTE);
    ck_assert_uint_eq(np__ner_word("Calif", 5, 0) & both, NP__LX_ABBR_QUOTE);
    ck_assert_uint_eq(np__ner_word("Sept", 4, 0) & both, NP__LX_ABBR_QUOTE);
    ck_assert_uint_eq(np__ner_word("etc", 3, 0) & both, NP__LX_ABBR_QUOTE);
    /* the apostrophe pass's own reader */
    ck_assert_int_eq(np__abbrev_word("Mr", 2), 1);
    ck_assert_int_eq(np__abbrev_word("insp", 4), 1);
    ck_assert_int_eq(np__abbrev_word("ill", 3), 0);
    ck_assert_int_eq(np__abbrev_word("Mr.", 3), 0);
    ck_assert_int_eq(np__abbrev_word("said", 4), 0);
    ck_assert_uint_eq(np__ner_word("said", 4, 1) & both, 0);
    ck_assert_uint_eq(np__ner_word("Mister", 6, 1) & both, 0);
    /* "ill" carries no other bit: the entity stage sees no entry */
    ck_assert_uint_eq(np__ner_word("ill", 3, 0) & ~(uint32_t)NP__LX_OTHER_STAGES, 0);
}
END_TEST

/* Literals with UTF-8 bytes: np__text_* match them as they are, and
 * their ASCII letters in any case. */
START_TEST(text_ci_literals)
{
    static const char s[] = "Jane Doe \xe2\x80\x94 VER\xc3\xb6" "FFENTLICHT 2020";
    size_t n = sizeof s - 1;
    ck_assert_uint_eq(np__text_find_ci(s, n, "ver\xc3\xb6" "ffentlicht"), 13);
    ck_assert_uint_eq(np__text_find_ci(s, n, "ver\xc3\xa4" "ffentlicht"), n);
    ck_assert_int_eq(np__text_prefix_ci("Ver\xc3\xb6" "ffentlicht von", 18, "ver\xc3\xb6"), 1);
    ck_assert_int_eq(np__text_eq_ci("R\xc3\xa9" "daction", 10, "r\xc3\xa9" "daction"), 1);
    ck_assert_int_eq(np__text_eq_ci("R\xc3\x89" "daction", 10, "r\xc3\xa9" "daction"), 0);
    ck_assert_uint_eq(np__text_find_ci(s, n, "jane doe"), 0);
}
END_TEST

Suite *np_util_suite(void)
{
    Suite *s = suite_create("util");
    TCase *tc = tcase_create("hash");
    tcase_add_test(tc, fnv1a_known_values);
    tcase_add_test(tc, strtab_put_get);
    tcase_add_test(tc, month_names);
    tcase_add_test(tc, speech_verbs);
    tcase_add_test(tc, english_lines);
    tcase_add_test(tc, titles_and_roles);
    tcase_add_test(tc, abbreviations);
    tcase_add_test(tc, text_ci_literals);
    suite_add_tcase(s, tc);
    return s;
}

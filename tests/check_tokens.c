/* Tokens and sentences (lib/text/tokens.c), and the one definition of a
 * word the tokens and the cleanup share (np__cp_class, np__word_scan). */
#include "np_test.h"

#include "np_internal.h"
#include "np_test_stage.h"

typedef struct fixture {
    np_test_stage st;
    np_document *d;
    np__tokens tk;
} fixture;

/* Builds a document from NULL-terminated block texts and tokenizes it. */
static int run(fixture *f, const char *const *blocks)
{
    memset(f, 0, sizeof(*f));
    np_test_stage_paragraphs(&f->st, blocks);
    f->d = f->st.d;
    return np__tokenize(&f->st.c, &f->tk);
}

static void done(fixture *f)
{
    np__tokens_free(&f->tk);
    np_test_stage_close(&f->st);
}

static np__token *tok(fixture *f, size_t i)
{
    return np__vec_at(&f->tk.toks, i);
}

static int tok_is(fixture *f, size_t i, const char *s)
{
    np__token *t = tok(f, i);
    return t && t->end - t->start == strlen(s)
           && memcmp(f->d->body + t->start, s, t->end - t->start) == 0;
}

START_TEST(words_and_flags)
{
    static const char *const b[] = {
        "French President Emmanuel Macron met NATO in 2022, said Putin\xE2\x80\x99s aide.",
        NULL };
    fixture f;
    ck_assert_int_eq(run(&f, b), NP_OK);
    ck_assert(tok_is(&f, 0, "French"));
    ck_assert(tok_is(&f, 4, "met"));
    ck_assert(tok_is(&f, 5, "NATO"));
    ck_assert(tok_is(&f, 7, "2022"));
    ck_assert(tok_is(&f, 8, ","));
    ck_assert(tok_is(&f, 10, "Putin\xE2\x80\x99s"));
    ck_assert(tok_is(&f, 12, "."));
    ck_assert_uint_eq(f.tk.toks.len, 13);
    ck_assert(tok(&f, 0)->flags & NP__TOK_UPPER);
    ck_assert(tok(&f, 0)->flags & NP__TOK_SENT_START);
    ck_assert(tok(&f, 0)->flags & NP__TOK_PARA_START);
    ck_assert(tok(&f, 0)->flags & NP__TOK_WORD);
    ck_assert(!(tok(&f, 0)->flags & NP__TOK_ALLCAPS));
    ck_assert(!(tok(&f, 1)->flags & NP__TOK_SENT_START));
    ck_assert(!(tok(&f, 4)->flags & NP__TOK_UPPER));
    ck_assert(tok(&f, 5)->flags & NP__TOK_ALLCAPS);
    ck_assert(tok(&f, 7)->flags & NP__TOK_DIGIT);
    ck_assert(tok(&f, 8)->flags & NP__TOK_PUNCT);
    ck_assert(!(tok(&f, 8)->flags & NP__TOK_WORD));
    ck_assert_uint_eq(f.tk.sents.len, 1);
    done(&f);
}
END_TEST

START_TEST(quotation_marks)
{
    /* “Go,” he said. 'Hi' ''x'' the players' union `` ` */
    static const char *const b[] = {
        "\xE2\x80\x9CGo,\xE2\x80\x9D he said. 'Hi' ''x'' players' union `` `",
        NULL };
    fixture f;
    uint32_t q = NP__TOK_QMARK;
    ck_assert_int_eq(run(&f, b), NP_OK);
    /* “ opens: left-shaped, double, left-flanking only */
    ck_assert_uint_eq(tok(&f, 0)->cp, 0x201C);
    ck_assert_uint_eq(tok(&f, 0)->flags & (q | NP__TOK_QDOUBLE | NP__TOK_QLEFT |
                                           NP__TOK_QRIGHT | NP__TOK_QLFLANK |
                                           NP__TOK_QRFLANK),
                      q | NP__TOK_QDOUBLE | NP__TOK_QLEFT | NP__TOK_QLFLANK);
    ck_assert(tok_is(&f, 1, "Go"));
    ck_assert(!(tok(&f, 1)->flags & q));
    ck_assert(tok_is(&f, 2, ","));
    ck_assert(!(tok(&f, 2)->flags & q));
    /* ” after a comma closes only */
    ck_assert_uint_eq(tok(&f, 3)->flags & (q | NP__TOK_QRIGHT | NP__TOK_QLFLANK |
                                           NP__TOK_QRFLANK),
                      q | NP__TOK_QRIGHT | NP__TOK_QRFLANK);
    /* 'Hi': single, straight, one of each flanking */
    ck_assert(tok_is(&f, 7, "'"));
    ck_assert_uint_eq(tok(&f, 7)->flags & (q | NP__TOK_QDOUBLE | NP__TOK_QLEFT |
                                           NP__TOK_QRIGHT | NP__TOK_QLFLANK |
                                           NP__TOK_QRFLANK),
                      q | NP__TOK_QLFLANK);
    ck_assert_uint_eq(tok(&f, 9)->flags & (NP__TOK_QLFLANK | NP__TOK_QRFLANK),
                      NP__TOK_QRFLANK);
    /* '' is one double mark over two tokens */
    ck_assert(tok_is(&f, 10, "'"));
    ck_assert(tok(&f, 10)->flags & NP__TOK_QPAIR);
    ck_assert(tok(&f, 10)->flags & NP__TOK_QDOUBLE);
    ck_assert(tok(&f, 10)->flags & NP__TOK_QLFLANK);
    ck_assert(tok_is(&f, 12, "x"));
    ck_assert(tok(&f, 13)->flags & NP__TOK_QPAIR);
    ck_assert(tok(&f, 13)->flags & NP__TOK_QRFLANK);
    /* players' : a single mark that may close */
    ck_assert(tok_is(&f, 16, "'"));
    ck_assert(tok(&f, 16)->flags & NP__TOK_QRFLANK);
    /* `` opens as a double mark; a lone backtick is punctuation */
    ck_assert(tok(&f, 18)->flags & NP__TOK_QPAIR);
    ck_assert(tok(&f, 18)->flags & NP__TOK_QLEFT);
    ck_assert(tok_is(&f, 20, "`"));
    ck_assert(!(tok(&f, 20)->flags & q));
    ck_assert(tok(&f, 20)->flags & NP__TOK_PUNCT);
    ck_assert_uint_eq(f.tk.toks.len, 21);
    done(&f);
}
END_TEST

START_TEST(sentences_stay_in_blocks)
{
    static const char *const b[] = {
        "Mr. Smith went to Washington. He spoke", "Then he left.", "", NULL };
    fixture f;
    np__sentence *s;
    size_t i;
    ck_assert_int_eq(run(&f, b), NP_OK);
    ck_assert_uint_eq(f.tk.sents.len, 3);
    s = np__vec_at(&f.tk.sents, 0);
    ck_assert_uint_eq(s->block, 0);
    ck_assert_uint_eq(s->tok_begin, 0);
    ck_assert(tok_is(&f, s->tok_end - 1, "."));
    ck_assert_uint_eq(s->end - s->start, strlen("Mr. Smith went to Washington."));
    s = np__vec_at(&f.tk.sents, 1);
    ck_assert_uint_eq(s->block, 0);
    ck_assert(tok_is(&f, s->tok_begin, "He"));
    s = np__vec_at(&f.tk.sents, 2);
    ck_assert_uint_eq(s->block, 1);
    ck_assert(tok(&f, s->tok_begin)->flags & NP__TOK_PARA_START);
    ck_assert(tok_is(&f, s->tok_begin, "Then"));
    /* every token's sentence holds it */
    for (i = 0; i < f.tk.toks.len; i++) {
        np__token *t = tok(&f, i);
        np__sentence *ts = np__vec_at(&f.tk.sents, t->sentence);
        ck_assert(i >= ts->tok_begin && i < ts->tok_end);
        ck_assert(t->start >= ts->start && t->end <= ts->end);
    }
    done(&f);
}
END_TEST

/* Whether the token that spells w (its first occurrence) starts a
 * sentence. */
static int starts(fixture *f, const char *w)
{
    size_t i;
    for (i = 0; i < f->tk.toks.len; i++)
        if (tok_is(f, i, w))
            return (tok(f, i)->flags & NP__TOK_SENT_START) != 0;
    ck_abort_msg("no token %s", w);
    return 0;
}

/* One sentence-start decision for every reader: no break after an
 * initial, letters joined by full stops or a capitalised abbreviation of
 * the lexicon, unless a sentence opener follows; a break where text
 * without capitals follows a full stop. */
START_TEST(sentence_starts)
{
    static const char *const b[] = {
        "Patrick W. Carlineo met Gov. Matt Bevin at the U.S. Securities office "
        "on Oct. 10 and left. George R. R. Martin wrote no. 178 for the Lakers vs. "
        "Celtics game.",
        "Sales rose in the U.S. The firm, based in Elkton, MD. Meanwhile grew. "
        "\xE2\x80\x9CNo. You tell me,\xE2\x80\x9D she said. It rose to 11.99. Then fell.",
        "\xEA\xB7\xB8\xEB\x8A\x94 \xEB\xA7\x90\xED\x96\x88\xEB\x8B\xA4. "
        "\xEA\xB7\xB8\xEA\xB2\x83\xEC\x9D\x80 \xEC\x95\x84\xEB\x8B\x88\xEB\x8B\xA4.",
        "Prices fell, etc. Then they rose. Was it real? He thinks so! Yes.",
        NULL };
    fixture f;
    ck_assert_int_eq(run(&f, b), NP_OK);
    ck_assert(starts(&f, "Patrick"));
    ck_assert(!starts(&f, "Carlineo"));
    ck_assert(!starts(&f, "Matt"));
    ck_assert(!starts(&f, "Securities"));
    ck_assert(!starts(&f, "10"));
    ck_assert(starts(&f, "George"));
    ck_assert(!starts(&f, "R"));
    ck_assert(!starts(&f, "Martin"));
    ck_assert(!starts(&f, "178"));
    ck_assert(!starts(&f, "Celtics"));
    ck_assert_uint_eq(((np__sentence *)np__vec_at(&f.tk.sents, 0))->block, 0);
    ck_assert_uint_eq(((np__sentence *)np__vec_at(&f.tk.sents, 2))->block, 1);
    ck_assert(starts(&f, "The"));          /* "in the U.S. The firm" */
    ck_assert(starts(&f, "Meanwhile"));    /* "MD." in capitals */
    ck_assert(starts(&f, "You"));          /* "No. You" */
    ck_assert(starts(&f, "Then"));         /* "11.99. Then" */
    /* Korean: the full stop ends the first sentence */
    ck_assert(starts(&f, "\xEA\xB7\xB8\xEA\xB2\x83\xEC\x9D\x80"));
    ck_assert(starts(&f, "Was"));
    ck_assert(starts(&f, "He"));
    ck_assert(starts(&f, "Yes"));
    {   /* "etc." before a capital ends the sentence */
        size_t i, n = 0;
        for (i = 0; i < f.tk.toks.len; i++)
            if (tok_is(&f, i, "Then") && (tok(&f, i)->flags & NP__TOK_SENT_START))
                n++;
        ck_assert_uint_eq(n, 2);
    }
    done(&f);
}
END_TEST

START_TEST(empty_and_space)
{
    static const char *const none[] = { NULL };
    static const char *const sp[] = { "   \xC2\xA0 ", NULL };
    fixture f;
    ck_assert_int_eq(run(&f, none), NP_OK);
    ck_assert_uint_eq(f.tk.toks.len, 0);
    ck_assert_uint_eq(f.tk.sents.len, 0);
    done(&f);
    ck_assert_int_eq(run(&f, sp), NP_OK);
    ck_assert_uint_eq(f.tk.toks.len, 0);
    ck_assert_uint_eq(f.tk.sents.len, 0);
    done(&f);
}
END_TEST

START_TEST(non_latin_and_caps)
{
    static const char *const b[] = {
        "\xD0\x9C\xD0\x9E\xD0\xA1\xD0\x9A\xD0\x92\xD0\x90 \xE6\x9D\xB1\xE4\xBA\xAC\xE9\x83\xBD "
        "ALL CAPS TEXT HERE. \xF0\x9F\x98\x80", NULL };
    fixture f;
    size_t i;
    ck_assert_int_eq(run(&f, b), NP_OK);
    ck_assert(tok(&f, 0)->flags & NP__TOK_ALLCAPS);   /* МОСКВА */
    for (i = 0; i < f.tk.toks.len; i++) {
        np__token *t = tok(&f, i);
        ck_assert_uint_lt(t->start, t->end);
        ck_assert_uint_le(t->end, f.d->body_len);
    }
    done(&f);
}
END_TEST

START_TEST(word_classes)
{
    ck_assert_uint_eq(np__cp_class('a'), NP__CP_LETTER | NP__CP_LOWER);
    ck_assert_uint_eq(np__cp_class('Q'), NP__CP_LETTER | NP__CP_UPPER);
    ck_assert_uint_eq(np__cp_class('7'), NP__CP_DIGIT);
    ck_assert_uint_eq(np__cp_class('\''), 0);
    ck_assert_uint_eq(np__cp_class('_'), 0);
    ck_assert_uint_eq(np__cp_class(0xC9), NP__CP_LETTER | NP__CP_UPPER);   /* É */
    ck_assert_uint_eq(np__cp_class(0x3C9), NP__CP_LETTER | NP__CP_LOWER);  /* ω */
    ck_assert_uint_eq(np__cp_class(0x1C5), NP__CP_LETTER | NP__CP_UPPER);  /* ǅ, title case */
    ck_assert_uint_eq(np__cp_class(0x6771), NP__CP_LETTER);                /* 東: no case */
    ck_assert_uint_eq(np__cp_class(0x663), NP__CP_DIGIT);                  /* Arabic-Indic 3 */
    ck_assert_uint_eq(np__cp_class(0x2019), 0);
    ck_assert_uint_eq(np__cp_class(0xA0), 0);
}
END_TEST

/* The word scanner stops where the tokens' flags say a word ends, and keeps
 * an apostrophe between two word characters. */
START_TEST(word_scan)
{
    static const struct {
        const char *s;
        size_t end;
        size_t letters, uppers;
        int ascii, digit, apos, cap;
    } cases[] = {
        { "don't go", 5, 4, 0, 1, 0, 1, 0 },
        { "O\xE2\x80\x99" "Brien said", 9, 6, 2, 1, 0, 1, 1 },
        { "dogs' bowls", 4, 4, 0, 1, 0, 0, 0 },
        { "NASA's", 6, 5, 4, 1, 0, 1, 1 },
        { "3rd-place", 3, 2, 0, 1, 1, 0, 0 },
        { "\xC3\x89" "cole.", 6, 5, 1, 0, 0, 0, 1 },
        { "x", 1, 1, 0, 1, 0, 0, 0 },
        { "well-known", 4, 4, 0, 1, 0, 0, 0 },
    };
    size_t i;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        np__word w;
        size_t n = strlen(cases[i].s);
        ck_assert_uint_eq(np__word_scan(cases[i].s, n, 0, &w), cases[i].end);
        ck_assert_uint_eq(w.letters, cases[i].letters);
        ck_assert_uint_eq(w.uppers, cases[i].uppers);
        ck_assert_int_eq(w.ascii, cases[i].ascii);
        ck_assert_int_eq(w.digit, cases[i].digit);
        ck_assert_int_eq(w.apos, cases[i].apos);
        ck_assert_int_eq(w.cap, cases[i].cap);
    }
    /* an apostrophe at the end of the text stays out */
    {
        np__word w;
        ck_assert_uint_eq(np__word_scan("its'", 4, 0, &w), 3);
        ck_assert_int_eq(w.apos, 0);
    }
}
END_TEST

START_TEST(reuses_iterators)
{
    static const char *const b[] = { "One two. Three four.", NULL };
    np_parser *p;
    int k;
    ck_assert_int_eq(np_parser_new(&p, NULL), NP_OK);
    for (k = 0; k < 3; k++) {
        np_document *d = np__doc_new();
        np__ctx c;
        np__tokens tk;
        ck_assert_int_ge(np__doc_add_block(d, NP_BLOCK_PARAGRAPH, b[0], strlen(b[0])), 0);
        ck_assert_int_eq(np__doc_join(d), NP_OK);
        memset(&c, 0, sizeof(c));
        c.parser = p;
        c.doc = d;
        ck_assert_int_eq(np__tokenize(&c, &tk), NP_OK);
        ck_assert_uint_eq(tk.toks.len, 6);
        ck_assert_uint_eq(tk.sents.len, 2);
        np__tokens_free(&tk);
        np_document_free(d);
    }
    np_parser_free(p);
}
END_TEST

START_TEST(large_input)
{
    /* a long run without sentence ends and without spaces stays linear */
    size_t n = 2u << 20, i;
    char *s = malloc(n + 1);
    const char *b[2];
    fixture f;
    ck_assert_ptr_nonnull(s);
    for (i = 0; i < n; i++)
        s[i] = (i % 7 == 6) ? ' ' : "abcdefg"[i % 7];
    s[n] = '\0';
    b[0] = s;
    b[1] = NULL;
    ck_assert_int_eq(run(&f, b), NP_OK);
    ck_assert_uint_ge(f.tk.toks.len, n / 7);
    done(&f);
    free(s);
}
END_TEST

/* The tokenizer's own sentence rules give ICU's boundaries: on strings
 * drawn from pieces that exercise SB3 to SB11 (terminators, closers,
 * spaces, separators, upper and lower case, digits, numeric dots, other
 * scripts), from a fixed seed, and on a few written sentences. A block the
 * own rules leave to ICU (a combining mark here) is said to be so. */
START_TEST(sentence_rules_match_icu)
{
    static const char *const piece[] = {
        "a", "b", "The", "word", "B", "X", "1", "42", ".", ".", "?", "!",
        " ", " ", "  ", "\n", "\r\n", "\"", "'", "(", ")", "[", "]", ",",
        ";", ":", "-", "\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x99",
        "\xC3\xA9", "\xC3\x89", "\xD0\x96", "\xE4\xB8\xAD", "\xE3\x80\x82",
        "\xE2\x80\xA8", "\xE2\x80\xA9", "\xC2\xA0", "\xC2\x85", "\xE2\x80\xA6",
        "\xEF\xBC\x8E", "\xC2\xBB", "\xC2\xAB", "etc", "U.S.", "Mr", "\t",
    };
    static const char *const written[] = {
        "He left. She stayed.", "Is it? \"Yes.\" Then go!",
        "Mr. Smith met Dr. Jones at 3.45 p.m. in the U.S. Then he left.",
        "(Quoted.) Next one... and more. \xE2\x80\x9CWhy?\xE2\x80\x9D she asked.",
        "\xE4\xB8\xAD\xE6\x96\x87\xE3\x80\x82\xE4\xB8\xAD\xE6\x96\x87\xE3\x80\x82",
    };
    size_t np = sizeof(piece) / sizeof(piece[0]);
    uint32_t seed = 12345;
    char buf[512];
    size_t a[256], b[256];
    int k, own = 0;
    np_parser *p;
    np__ctx c;
    ck_assert_int_eq(np_parser_new(&p, NULL), NP_OK);
    memset(&c, 0, sizeof(c));
    c.parser = p;
    for (k = 0; k < 60000 + (int)(sizeof(written) / sizeof(written[0])); k++) {
        size_t len = 0;
        int na, nb, i;
        if (k < (int)(sizeof(written) / sizeof(written[0]))) {
            len = strlen(written[k]);
            memcpy(buf, written[k], len);
        } else {
            int m = 1 + (int)((seed = seed * 1103515245u + 12345u) >> 16) % 16;
            for (i = 0; i < m; i++) {
                const char *w = piece[((seed = seed * 1103515245u + 12345u) >> 16) % np];
                size_t wl = strlen(w);
                memcpy(buf + len, w, wl);
                len += wl;
            }
        }
        na = np__sentence_bounds(&c, buf, len, 0, a, 256);
        nb = np__sentence_bounds(&c, buf, len, 1, b, 256);
        ck_assert_int_gt(nb, 0);
        ck_assert_int_le(nb, 256);
        ck_assert_int_eq(na, nb);
        ck_assert_msg(memcmp(a, b, (size_t)na * sizeof(size_t)) == 0,
                      "boundaries differ on \"%.*s\"", (int)len, buf);
        own++;
    }
    ck_assert_int_gt(own, 60000);
    /* a combining mark (SB5) sends the block to ICU */
    ck_assert_int_eq(np__sentence_bounds(&c, "e\xCC\x81. A", 6, 0, a, 256), -1);
    ck_assert_int_eq(np__sentence_bounds(&c, "e\xCC\x81. A", 6, 1, b, 256), 2);
    np_parser_free(p);
}
END_TEST

Suite *np_tokens_suite(void)
{
    Suite *s = suite_create("tokens");
    TCase *tc = tcase_create("tokens");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, words_and_flags);
    tcase_add_test(tc, quotation_marks);
    tcase_add_test(tc, sentences_stay_in_blocks);
    tcase_add_test(tc, sentence_starts);
    tcase_add_test(tc, empty_and_space);
    tcase_add_test(tc, non_latin_and_caps);
    tcase_add_test(tc, word_classes);
    tcase_add_test(tc, word_scan);
    tcase_add_test(tc, reuses_iterators);
    tcase_add_test(tc, large_input);
    tcase_add_test(tc, sentence_rules_match_icu);
    suite_add_tcase(s, tc);
    return s;
}

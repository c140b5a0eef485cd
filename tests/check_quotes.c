/* Quotations and their speakers (lib/nlp/quotes.c). */
#include <stdarg.h>
#include <time.h>

#include "np_test.h"

#include "np_internal.h"
#include "np_test_stage.h"

#ifdef NP_ALLOC_TESTING
void np__alloc_testing_fail_at(unsigned long n, int sticky);
#endif

typedef struct fixture {
    np_test_stage st;
    np_document *d;
} fixture;

/* A document from NULL-terminated paragraph texts, without entities. */
static void build(fixture *f, const char *const *blocks)
{
    np_test_stage_paragraphs(&f->st, blocks);
    f->d = f->st.d;
}

/* Adds an entity with a mention at every whole-word occurrence of each of
 * its forms (NULL-terminated), as the entities stage would. */
static void entity(fixture *f, const char *name, int type, ...)
{
    struct np_entity *e = np__vec_push(&f->d->entities);
    size_t cap = 64, n = 0;
    const char *form;
    va_list ap;
    ck_assert_ptr_nonnull(e);
    e->name = np__arena_strdup(f->d->arena, name);
    e->type = type;
    e->spans = np__arena_alloc(f->d->arena, cap * sizeof(size_t));
    ck_assert_ptr_nonnull(e->spans);
    va_start(ap, type);
    while ((form = va_arg(ap, const char *)) != NULL) {
        const char *b = f->d->body, *p = b;
        size_t fl = strlen(form);
        while ((p = strstr(p, form)) != NULL) {
            int left = p == b || !((p[-1] >= 'A' && p[-1] <= 'Z') ||
                                   (p[-1] >= 'a' && p[-1] <= 'z'));
            int right = !((p[fl] >= 'A' && p[fl] <= 'Z') ||
                          (p[fl] >= 'a' && p[fl] <= 'z'));
            if (left && right && 2 * n + 2 <= cap) {
                e->spans[2 * n] = (size_t)(p - b);
                e->spans[2 * n + 1] = (size_t)(p - b) + fl;
                n++;
            }
            p += fl;
        }
    }
    va_end(ap);
    e->n_mentions = n;
}

static int run(fixture *f)
{
    np__tokens tk;
    int rc = np__tokenize(&f->st.c, &tk);
    if (rc == NP_OK)
        rc = np__quotes(&f->st.c, &tk);
    np__tokens_free(&tk);
    return rc;
}

static void done(fixture *f)
{
    np_test_stage_close(&f->st);
}

/* The quote whose text is exactly `text`, or NULL. */
static const np_quote *find(const fixture *f, const char *text)
{
    size_t i;
    for (i = 0; i < np_document_quote_count(f->d); i++) {
        const np_quote *q = np_document_quote(f->d, i);
        if (strcmp(np_quote_text(q), text) == 0)
            return q;
    }
    return NULL;
}

/* Asserts a quote with that text, speaker (NULL: unknown) and kind, and
 * that its offsets point at its text in the body. */
static void expect(const fixture *f, const char *text, const char *speaker,
                   int kind)
{
    const np_quote *q = find(f, text);
    ck_assert_msg(q != NULL, "no quote \"%s\"", text);
    if (speaker)
        ck_assert_msg(np_quote_speaker(q) && strcmp(np_quote_speaker(q), speaker) == 0,
                      "quote \"%s\": speaker %s, expected %s", text,
                      np_quote_speaker(q) ? np_quote_speaker(q) : "(null)", speaker);
    else
        ck_assert_ptr_null(np_quote_speaker(q));
    if (kind >= 0)
        ck_assert_int_eq(np_quote_kind(q), kind);
    ck_assert_uint_eq(np_quote_end(q) - np_quote_start(q), strlen(text));
    ck_assert(memcmp(f->d->body + np_quote_start(q), text, strlen(text)) == 0);
}

#define D NP_QUOTE_DIRECT
#define P NP_QUOTE_PARTIAL
#define ANY (-1)

START_TEST(interrupted_quote_two_records_one_speaker)
{
    static const char *const b[] = {
        "Jane Smith met the unions on Monday.",
        "\"We are ready,\" she said, \"to talk.\"",
        NULL };
    fixture f;
    build(&f, b);
    entity(&f, "Jane Smith", NP_ENTITY_PERSON, "Jane Smith", NULL);
    ck_assert_int_eq(run(&f), NP_OK);
    ck_assert_uint_eq(np_document_quote_count(f.d), 2);
    expect(&f, "We are ready,", "Jane Smith", D);
    expect(&f, "to talk.", "Jane Smith", D);
    {
        size_t ent = 99;
        ck_assert_int_eq(np_quote_speaker_entity(find(&f, "to talk."), &ent), NP_OK);
        ck_assert_uint_eq(ent, 0);
    }
    ck_assert_str_eq(np_quote_cue(find(&f, "We are ready,")), "said");
    done(&f);
}
END_TEST

START_TEST(mark_styles)
{
    static const char *const b[] = {
        "\xE2\x80\x9CWe will win,\xE2\x80\x9D Smith said.",
        "\xC2\xABThe vote is over,\xC2\xBB Jones said.",
        "\xE2\x80\x9EThe talks have failed,\xE2\x80\x9C Brown said.",
        "\xE2\x80\x98It\xE2\x80\x99s the players\xE2\x80\x99 union that decides,\xE2\x80\x99 Green said.",
        "'Nobody expected this,' White told reporters.",
        "\xE2\x80\x9CIt was an attempt to mislead,\xE2\x80\x99\xE2\x80\x99 Black told the BBC.",
        NULL };
    fixture f;
    build(&f, b);
    ck_assert_int_eq(run(&f), NP_OK);
    ck_assert_uint_eq(np_document_quote_count(f.d), 6);
    expect(&f, "We will win,", "Smith", D);
    expect(&f, "The vote is over,", "Jones", D);
    expect(&f, "The talks have failed,", "Brown", D);
    expect(&f, "It\xE2\x80\x99s the players\xE2\x80\x99 union that decides,", "Green", D);
    expect(&f, "Nobody expected this,", "White", D);
    expect(&f, "It was an attempt to mislead,", "Black", D);
    done(&f);
}
END_TEST

START_TEST(apostrophes_are_not_quotes)
{
    static const char *const b[] = {
        "The club's fans didn't travel to the '90s revival, and the players' bus left.",
        "Rock 'n' roll isn't dead, the owner's son said.",
        NULL };
    fixture f;
    build(&f, b);
    ck_assert_int_eq(run(&f), NP_OK);
    ck_assert_uint_eq(np_document_quote_count(f.d), 0);
    done(&f);
}
END_TEST

START_TEST(multi_paragraph_quote)
{
    static const char *const b[] = {
        "The club said in a statement: \"Jose is one of the most accomplished managers.",
        "\"He is renowned for his tactical prowess.",
        "\"He has won a domestic title in four different countries.\"",
        "The appointment was announced on Wednesday.",
        NULL };
    fixture f;
    build(&f, b);
    entity(&f, "Tottenham Hotspur", NP_ENTITY_ORG, "Tottenham Hotspur", NULL);
    ck_assert_int_eq(run(&f), NP_OK);
    ck_assert_uint_eq(np_document_quote_count(f.d), 3);
    expect(&f, "Jose is one of the most accomplished managers.", "the club", D);
    expect(&f, "He is renowned for his tactical prowess.", "the club", D);
    expect(&f, "He has won a domestic title in four different countries.", "the club", D);
    done(&f);
}
END_TEST

START_TEST(continuation_paragraph_inherits)
{
    static const char *const b[] = {
        "\"We worked on the architecture of the spacecraft,\" comments Robin Biesbroek of the agency.",
        "\"We looked at how a crew could be put into hibernation and what to do in emergencies.\"",
        NULL };
    fixture f;
    build(&f, b);
    entity(&f, "Robin Biesbroek", NP_ENTITY_PERSON, "Robin Biesbroek", NULL);
    ck_assert_int_eq(run(&f), NP_OK);
    ck_assert_uint_eq(np_document_quote_count(f.d), 2);
    expect(&f, "We worked on the architecture of the spacecraft,", "Robin Biesbroek", D);
    expect(&f, "We looked at how a crew could be put into hibernation and what to do in emergencies.",
           "Robin Biesbroek", D);
    done(&f);
}
END_TEST

START_TEST(partial_quotes)
{
    static const char *const b[] = {
        "Benjamin Netanyahu said he was \"very moved\" by the announcement.",
        "The Arab League called it an \"extremely adverse development\".",
        "Customers \"began to say we want you to do this,\" Cook told Benioff.",
        "Critics called it an \"utter betrayal\" of voters.",
        NULL };
    fixture f;
    build(&f, b);
    entity(&f, "Benjamin Netanyahu", NP_ENTITY_PERSON, "Benjamin Netanyahu", NULL);
    entity(&f, "Arab League", NP_ENTITY_ORG, "Arab League", NULL);
    entity(&f, "Tim Cook", NP_ENTITY_PERSON, "Cook", NULL);
    entity(&f, "Marc Benioff", NP_ENTITY_PERSON, "Benioff", NULL);
    ck_assert_int_eq(run(&f), NP_OK);
    ck_assert_uint_eq(np_document_quote_count(f.d), 4);
    expect(&f, "utter betrayal", "Critics", P);
    expect(&f, "very moved", "Benjamin Netanyahu", P);
    expect(&f, "extremely adverse development", "Arab League", P);
    expect(&f, "began to say we want you to do this,", "Tim Cook", P);
    done(&f);
}
END_TEST

START_TEST(titles_nicknames_scare_quotes)
{
    static const char *const b[] = {
        "After playing \xE2\x80\x9CTakin\xE2\x80\x99 It To the Streets,\xE2\x80\x9D the band left.",
        "Expect hits including \xE2\x80\x9C" "Black Water,\xE2\x80\x9D \xE2\x80\x9C"
        "China Grove\xE2\x80\x9D" " and others.",
        "The so-called \"deep state\" is a popular theme among the \"experts\".",
        "He starred in \"Pose\" and later in \"Dancing with the Stars.\"",
        "Dwayne \"The Rock\" Johnson arrived late.",
        "\"Why the harbour plan matters to everyone in this town\"",
        "Mold can lead to what's called \"farmer's lung,\" and to what is called "
        "\"hot tub lung.\" \"Humidifier lung\" may result from fungus.",
        "The builder uses a method called \"dry stacking\" to save time, said Ann Roe.",
        "A storm, which some are calling an \"urban blizzard,\" hit the state, officials said.",
        NULL };
    fixture f;
    build(&f, b);
    ck_assert_int_eq(run(&f), NP_OK);
    ck_assert_uint_eq(np_document_quote_count(f.d), 0);
    done(&f);
}
END_TEST

START_TEST(code_lines_and_cited_titles)
{
    static const char *const b[] = {
        "\"We have seen nothing like it in fifty years of records.\" The station closed in 1998.",
        "(function() { var c = {\"name\":\"Ann's Form\",\"text\":\"Please enter a valid email address.\"}; "
        "register(c); })();",
        "{\"settings\":{\"copy\":\"Thanks! Your first email is on its way now.\",\"button\":\"Sign Up\"}}",
        "Lind, A.; Berg, T. (2009). \"Sampling Sparse Graphs in Linear Time with Random Walks\". "
        "Proceedings of the Conference: 339-344.",
        "Wattenberg, Martin (2016-10-13). \"How to use the method effectively and well\". Distill.",
        "The report (1998) found nothing, and the mayor wrote: \"We will rebuild every house in this town\". "
        "Nobody believed him.",
        NULL };
    fixture f;
    build(&f, b);
    ck_assert_int_eq(run(&f), NP_OK);
    ck_assert_uint_eq(np_document_quote_count(f.d), 2);
    expect(&f, "We will rebuild every house in this town", "the mayor", D);
    expect(&f, "We have seen nothing like it in fifty years of records.", NULL, D);
    done(&f);
}
END_TEST

START_TEST(nested_quote)
{
    static const char *const b[] = {
        "\xE2\x80\x9C" "Coach Vogel came in here and said, 'Congratulations,' and I thought he was joking,\xE2\x80\x9D James said.",
        NULL };
    fixture f;
    build(&f, b);
    entity(&f, "LeBron James", NP_ENTITY_PERSON, "James", NULL);
    entity(&f, "Frank Vogel", NP_ENTITY_PERSON, "Vogel", NULL);
    ck_assert_int_eq(run(&f), NP_OK);
    ck_assert_uint_eq(np_document_quote_count(f.d), 2);
    expect(&f, "Coach Vogel came in here and said, 'Congratulations,' and I thought he was joking,",
           "LeBron James", D);
    expect(&f, "Congratulations,", "Frank Vogel", D);
    done(&f);
}
END_TEST

START_TEST(nested_other_style_and_stray_marks)
{
    static const char *const b[] = {
        "\xE2\x80\x9CWe are \"very\" happy with it,\xE2\x80\x9D Smith said.",
        "A stray \xE2\x80\x9C mark, then \"We are ready,\" Jones said, \"to talk.\"",
        NULL };
    fixture f;
    build(&f, b);
    ck_assert_int_eq(run(&f), NP_OK);
    expect(&f, "We are \"very\" happy with it,", "Smith", D);
    ck_assert_ptr_null(find(&f, "very"));
    expect(&f, "We are ready,", "Jones", D);
    expect(&f, "to talk.", "Jones", D);
    ck_assert_uint_eq(np_document_quote_count(f.d), 3);
    done(&f);
}
END_TEST

START_TEST(attribution_cues)
{
    static const char *const b[] = {
        "Reiterating the point, the White House Press Secretary Jen Psaki said, "
        "\xE2\x80\x9CWe are committed to diplomacy,\xE2\x80\x9D adding, "
        "\xE2\x80\x9CWe are always ready for talks.\xE2\x80\x9D",
        "\xE2\x80\x9CIt can only be held if nobody invades,\xE2\x80\x9D the statement said.",
        "\xE2\x80\x9CThe two heads of state agreed on a ceasefire,\xE2\x80\x9D a spokesperson said.",
        "\xE2\x80\x9CThe troops will withdraw after the exercises,\xE2\x80\x9D an Elys\xC3\xA9" "e official said.",
        "Kremlin spokesperson Dmitry Peskov dismissed a summit, saying, "
        "\xE2\x80\x9CIt is premature to talk about any plans.\xE2\x80\x9D",
        "\"The breaking of that consensus is important,\" said Avi Bell, a senior fellow.",
        "\"There is no need to worry about it at all,\" according to the health commission.",
        "Sasse: \"Heads needed to roll on the day he died.\"",
        NULL };
    fixture f;
    build(&f, b);
    entity(&f, "Jen Psaki", NP_ENTITY_PERSON, "Jen Psaki", NULL);
    entity(&f, "White House", NP_ENTITY_ORG, "White House", NULL);
    entity(&f, "Dmitry Peskov", NP_ENTITY_PERSON, "Dmitry Peskov", NULL);
    entity(&f, "Kremlin", NP_ENTITY_ORG, "Kremlin", NULL);
    entity(&f, "Avi Bell", NP_ENTITY_PERSON, "Avi Bell", NULL);
    entity(&f, "Ben Sasse", NP_ENTITY_PERSON, "Sasse", NULL);
    ck_assert_int_eq(run(&f), NP_OK);
    expect(&f, "We are committed to diplomacy,", "Jen Psaki", D);
    expect(&f, "We are always ready for talks.", "Jen Psaki", D);
    expect(&f, "It can only be held if nobody invades,", "the statement", D);
    expect(&f, "The two heads of state agreed on a ceasefire,", "a spokesperson", D);
    expect(&f, "The troops will withdraw after the exercises,", "an Elys\xC3\xA9" "e official", D);
    expect(&f, "It is premature to talk about any plans.", "Dmitry Peskov", D);
    expect(&f, "The breaking of that consensus is important,", "Avi Bell", D);
    expect(&f, "There is no need to worry about it at all,", "the health commission", D);
    expect(&f, "Heads needed to roll on the day he died.", "Ben Sasse", D);
    ck_assert_uint_eq(np_document_quote_count(f.d), 9);
    done(&f);
}
END_TEST

START_TEST(they_is_an_organisation_just_named)
{
    static const char *const b[] = {
        "Microsoft said on Monday it would appeal. \"We are disappointed by the ruling,\" they said.",
        "\"We are devastated,\" they said.",
        NULL };
    fixture f;
    build(&f, b);
    entity(&f, "Microsoft", NP_ENTITY_ORG, "Microsoft", NULL);
    ck_assert_int_eq(run(&f), NP_OK);
    expect(&f, "We are disappointed by the ruling,", "Microsoft", D);
    expect(&f, "We are devastated,", NULL, D);
    done(&f);
}
END_TEST

START_TEST(headlines_are_not_continuations)
{
    static const char *const b[] = {
        "\"The campaign is working,\" Noem told reporters.",
        "'Meth. We\xE2\x80\x99re On It.': South Dakota spends $449K on a new campaign",
        NULL };
    fixture f;
    build(&f, b);
    ck_assert_int_eq(run(&f), NP_OK);
    expect(&f, "The campaign is working,", "Noem", D);
    ck_assert_uint_eq(np_document_quote_count(f.d), 1);
    done(&f);
}
END_TEST

START_TEST(gender_from_the_text)
{
    static const char *const b[] = {
        "Kathleen Hawk Sawyer said she could not comment on the investigation.",
        "Senator Ben Sasse said he wanted answers from the agency.",
        "\"We don't want those people working here,\" she said.",
        NULL };
    fixture f;
    build(&f, b);
    entity(&f, "Kathleen Hawk Sawyer", NP_ENTITY_PERSON, "Kathleen Hawk Sawyer", NULL);
    entity(&f, "Ben Sasse", NP_ENTITY_PERSON, "Ben Sasse", NULL);
    ck_assert_int_eq(run(&f), NP_OK);
    expect(&f, "We don't want those people working here,", "Kathleen Hawk Sawyer", D);
    done(&f);
}
END_TEST

START_TEST(manner_verbs_and_read)
{
    static const char *const b[] = {
        "Anthony Davis scored 30 points.",
        "\xE2\x80\x9C" "Amazing,\xE2\x80\x9D Davis smiled.",
        "\xE2\x80\x9CWe are not done yet,\xE2\x80\x9D he laughed.",
        "The statement read: \"We regret the decision and will appeal it.\"",
        "In a statement, the ministry said:",
        "\"We will not tolerate this kind of behaviour.\"",
        "\"We are looking for two men in their twenties,\" police said.",
        NULL };
    fixture f;
    build(&f, b);
    entity(&f, "Anthony Davis", NP_ENTITY_PERSON, "Anthony Davis", "Davis", NULL);
    ck_assert_int_eq(run(&f), NP_OK);
    expect(&f, "Amazing,", "Anthony Davis", D);
    ck_assert_str_eq(np_quote_cue(find(&f, "Amazing,")), "smiled");
    expect(&f, "We are not done yet,", "Anthony Davis", D);
    expect(&f, "We regret the decision and will appeal it.", "the statement", D);
    expect(&f, "We will not tolerate this kind of behaviour.", "the ministry", D);
    expect(&f, "We are looking for two men in their twenties,", "police", D);
    ck_assert_uint_eq(np_document_quote_count(f.d), 5);
    done(&f);
}
END_TEST

START_TEST(pronouns_and_descriptions)
{
    static const char *const b[] = {
        "Michael Sims, chief executive of Ceres Robotics, said small firms had a role.",
        "\xE2\x80\x9CSpace exploration requires an entire ecosystem of companies,\xE2\x80\x9D he said.",
        "Jose Mourinho was appointed on Wednesday.",
        "The 56-year-old said after his appointment: \"I am excited to be joining this club.\"",
        "The Electoral Commission issued guidance. Critically, it pointed out that it "
        "doesn't have \xE2\x80\x9C" "a role in regulating content.\xE2\x80\x9D",
        NULL };
    fixture f;
    build(&f, b);
    entity(&f, "Michael Sims", NP_ENTITY_PERSON, "Michael Sims", NULL);
    entity(&f, "Ceres Robotics", NP_ENTITY_ORG, "Ceres Robotics", NULL);
    entity(&f, "Jose Mourinho", NP_ENTITY_PERSON, "Jose Mourinho", NULL);
    entity(&f, "Electoral Commission", NP_ENTITY_ORG, "Electoral Commission", NULL);
    ck_assert_int_eq(run(&f), NP_OK);
    ck_assert_uint_eq(np_document_quote_count(f.d), 3);
    expect(&f, "Space exploration requires an entire ecosystem of companies,", "Michael Sims", D);
    expect(&f, "I am excited to be joining this club.", "Jose Mourinho", D);
    expect(&f, "a role in regulating content.", "Electoral Commission", P);
    done(&f);
}
END_TEST

/* "he"/"she" in the paragraph after a quotation: the person a question
 * was put to answers it; otherwise the previous speaker, unless the
 * nearer person has been named since. */
START_TEST(pronouns_follow_the_conversation)
{
    static const char *const b[] = {
        "Anna Berg, the mayor, spoke after Carl Dunn, the treasurer, had left.",
        "At the meeting, a resident asked Anna Berg, \"Will the bridge reopen?\"",
        "\"We hope so, by spring,\" she replied.",
        "\"The money is there,\" Tom Hale said on Monday, standing beside Mary Ross.",
        "\"We will start in March,\" he added.",
        "\"The plans are ready,\" Tom Hale said. Later Paul Kent arrived.",
        "\"I signed them,\" he said.",
        NULL };
    fixture f;
    build(&f, b);
    entity(&f, "Anna Berg", NP_ENTITY_PERSON, "Anna Berg", NULL);
    entity(&f, "Carl Dunn", NP_ENTITY_PERSON, "Carl Dunn", NULL);
    entity(&f, "Tom Hale", NP_ENTITY_PERSON, "Tom Hale", NULL);
    entity(&f, "Mary Ross", NP_ENTITY_PERSON, "Mary Ross", NULL);
    entity(&f, "Paul Kent", NP_ENTITY_PERSON, "Paul Kent", NULL);
    ck_assert_int_eq(run(&f), NP_OK);
    expect(&f, "Will the bridge reopen?", "a resident", D);
    expect(&f, "We hope so, by spring,", "Anna Berg", D);
    expect(&f, "We will start in March,", "Tom Hale", D);
    /* Paul Kent is named after the previous quotation: the nearest wins */
    expect(&f, "I signed them,", "Paul Kent", D);
    done(&f);
}
END_TEST

/* "the agency", "the company": the organisation the text named as one,
 * by its name or an apposition; an unnamed "the group" stays as text. */
START_TEST(noun_phrases_named_before)
{
    static const char *const b[] = {
        "The Environmental Protection Agency issued new rules for Northwind on Monday.",
        "\"The rules protect families,\" the agency said.",
        "Acme, a Boston company, made the pumps.",
        "\"We are ready to comply,\" the company said.",
        "Workers formed a union last year.",
        "\"We were never asked,\" the group said.",
        NULL };
    fixture f;
    build(&f, b);
    entity(&f, "Environmental Protection Agency", NP_ENTITY_ORG,
           "Environmental Protection Agency", NULL);
    entity(&f, "Northwind", NP_ENTITY_ORG, "Northwind", NULL);
    entity(&f, "Acme", NP_ENTITY_ORG, "Acme", NULL);
    ck_assert_int_eq(run(&f), NP_OK);
    expect(&f, "The rules protect families,", "Environmental Protection Agency", D);
    expect(&f, "We are ready to comply,", "Acme", D);
    expect(&f, "We were never asked,", "the group", D);
    done(&f);
}
END_TEST

/* A person named in apposition to a role ("the agency's spokesman, Tom
 * Lee, said"; after the quotation, "Minister of Trade, Industry and
 * Energy, Senator Jane Roe, told"), and a name after a compound modifier
 * ("34-year-old Lena Voss") that is no object. */
START_TEST(speakers_in_apposition)
{
    static const char *const b[] = {
        "\"We are looking for partners abroad,\" Minister of Trade, Industry "
        "and Energy, Senator Jane Roe, told reporters.",
        "The water board's chief engineer, Tom Lee, said the dam was safe.",
        "\"It has held for a century,\" he said.",
        "Karl Brandt organised the buses. One of those who left was "
        "34-year-old Lena Voss.",
        "\"We walked for hours,\" she said.",
        "Head of the North Valley Water Board, Ruth Ames, added that the work would end soon.",
        "\"The pumps are already running.\"",
        NULL };
    fixture f;
    build(&f, b);
    entity(&f, "Jane Roe", NP_ENTITY_PERSON, "Jane Roe", NULL);
    entity(&f, "Tom Lee", NP_ENTITY_PERSON, "Tom Lee", NULL);
    entity(&f, "Karl Brandt", NP_ENTITY_PERSON, "Karl Brandt", NULL);
    entity(&f, "Lena Voss", NP_ENTITY_PERSON, "Lena Voss", NULL);
    entity(&f, "North Valley Water Board", NP_ENTITY_ORG, "North Valley Water Board", NULL);
    entity(&f, "Ruth Ames", NP_ENTITY_PERSON, "Ruth Ames", NULL);
    ck_assert_int_eq(run(&f), NP_OK);
    expect(&f, "We are looking for partners abroad,", "Jane Roe", D);
    expect(&f, "It has held for a century,", "Tom Lee", D);
    expect(&f, "We walked for hours,", "Lena Voss", D);
    expect(&f, "The pumps are already running.", "Ruth Ames", D);
    done(&f);
}
END_TEST

/* A clause before a colon whose subject is a person (a surname the
 * entities stage did not link counts); a phrase after a preposition is no
 * subject ("then after a pause adds"); "he" after a name the entities
 * stage missed, when that name is nearer than any person entity. */
START_TEST(particles_and_names_missed_by_entities)
{
    static const char *const b[] = {
        "The town wanted its \"fair share of the river,\" wrote a former mayor, "
        "Karl von Arden, in 1911.",
        "\"We see no obstacle,\" says Bo Wen, the chief scientist.",
        "\"I am excited,\" says Maura Kane, an astronomer. \"It will shine,\" she says.",
        "Paul Kent, a physicist at the institute, agrees.",
        "Wen hopes the data centre will move to the city.",
        "\"A good review will help,\" he says.",
        NULL };
    fixture f;
    build(&f, b);
    entity(&f, "Karl von Arden", NP_ENTITY_PERSON, "Karl von Arden", NULL);
    entity(&f, "Maura Kane", NP_ENTITY_PERSON, "Maura Kane", NULL);
    entity(&f, "Paul Kent", NP_ENTITY_PERSON, "Paul Kent", NULL);
    ck_assert_int_eq(run(&f), NP_OK);
    expect(&f, "fair share of the river,", "Karl von Arden", P);
    expect(&f, "We see no obstacle,", "Bo Wen", D);
    /* Wen, quoted before under a name that is no entity, is named after
     * Paul Kent: "he" is Wen */
    expect(&f, "A good review will help,", "Bo Wen", D);
    done(&f);
}
END_TEST

START_TEST(descriptions_introduced_before_and_possessors)
{
    static const char *const b[] = {
        "John Smith, the country's ambassador to France, arrived on Monday. "
        "Officials met him at the airport.",
        "\"We will talk about trade,\" the ambassador said.",
        "Barack Obama was followed by his predecessor, George Bush, at the podium.",
        "\"I am proud of this country,\" his predecessor said.",
        "\"He was a kind boy,\" Paul Kent's lawyer said.",
        "\"We want answers,\" the victim's mother said.",
        NULL };
    fixture f;
    build(&f, b);
    entity(&f, "John Smith", NP_ENTITY_PERSON, "John Smith", NULL);
    entity(&f, "France", NP_ENTITY_PLACE, "France", NULL);
    entity(&f, "Barack Obama", NP_ENTITY_PERSON, "Barack Obama", NULL);
    entity(&f, "George Bush", NP_ENTITY_PERSON, "George Bush", NULL);
    entity(&f, "Paul Kent", NP_ENTITY_PERSON, "Paul Kent", NULL);
    ck_assert_int_eq(run(&f), NP_OK);
    expect(&f, "We will talk about trade,", "John Smith", D);
    expect(&f, "I am proud of this country,", "George Bush", D);
    expect(&f, "He was a kind boy,", "Paul Kent's lawyer", D);
    /* nothing introduced a mother: the phrase stays */
    expect(&f, "We want answers,", "the victim's mother", D);
    done(&f);
}
END_TEST

START_TEST(pronouns_keep_the_speaker_past_objects)
{
    static const char *const b[] = {
        "Tom Hale runs the mill. \"We agreed on the price,\" Hale said on Monday. The deal "
        "was signed with the help of his brother, Mark Ross, in March. \"It was a good day "
        "for the town,\" he said.",
        "\"We will build it,\" Anna Berg said. The plan was first proposed by Carl Dunn "
        "in 2019. \"It will take a year,\" she said.",
        NULL };
    fixture f;
    build(&f, b);
    entity(&f, "Tom Hale", NP_ENTITY_PERSON, "Tom Hale", "Hale", NULL);
    entity(&f, "Mark Ross", NP_ENTITY_PERSON, "Mark Ross", NULL);
    entity(&f, "Anna Berg", NP_ENTITY_PERSON, "Anna Berg", NULL);
    entity(&f, "Carl Dunn", NP_ENTITY_PERSON, "Carl Dunn", NULL);
    ck_assert_int_eq(run(&f), NP_OK);
    expect(&f, "It was a good day for the town,", "Tom Hale", D);
    expect(&f, "It will take a year,", "Anna Berg", D);
    done(&f);
}
END_TEST

START_TEST(cue_before_a_time_adverb)
{
    static const char *const b[] = {
        "After Peggy Bell asked last week \"Why has this taken four months?\" "
        "Tom Hale responded that \"the review took time.\"",
        NULL };
    fixture f;
    build(&f, b);
    entity(&f, "Peggy Bell", NP_ENTITY_PERSON, "Peggy Bell", NULL);
    entity(&f, "Tom Hale", NP_ENTITY_PERSON, "Tom Hale", NULL);
    ck_assert_int_eq(run(&f), NP_OK);
    expect(&f, "Why has this taken four months?", "Peggy Bell", ANY);
    expect(&f, "the review took time.", "Tom Hale", ANY);
    done(&f);
}
END_TEST

START_TEST(subjects_colons_and_unlinked_names)
{
    static const char *const b[] = {
        "Dr Omar Haddad runs the ward.",
        "Haddad does not hide that the choices are hard, but he resents them: "
        "\"No doctor should have to choose.\"",
        "Maria Lopez met the group at noon.",
        "\"Thanks for coming,\" says Brannoc.",
        "He suggests we all go home, then after a pause adds, \"Stay close to the river.\"",
        "Brannoc walks off. After a while, he says \"You should rest now.\"",
        "Haddad expects three more beds by June. \"It will not be enough for the winter.\"",
        "The ward was quiet. \"Nobody has slept here in weeks, not once.\"",
        NULL };
    fixture f;
    build(&f, b);
    entity(&f, "Omar Haddad", NP_ENTITY_PERSON, "Omar Haddad", NULL);
    entity(&f, "Maria Lopez", NP_ENTITY_PERSON, "Maria Lopez", NULL);
    ck_assert_int_eq(run(&f), NP_OK);
    expect(&f, "No doctor should have to choose.", "Omar Haddad", D);
    expect(&f, "Thanks for coming,", "Brannoc", D);
    expect(&f, "Stay close to the river.", "Brannoc", D);
    expect(&f, "You should rest now.", "Brannoc", D);
    /* no cue: the sentence before names its subject, a person or no one */
    expect(&f, "It will not be enough for the winter.", "Omar Haddad", D);
    expect(&f, "Nobody has slept here in weeks, not once.", NULL, D);
    done(&f);
}
END_TEST

START_TEST(unbalanced_and_unclosed)
{
    static const char *const b[] = {
        "Smith said: \"this never closes and runs on to the end of the paragraph",
        "A stray \xE2\x80\x9D mark, then \xE2\x80\x9C an open one and \" another \xC2\xBB and \xC2\xAB.",
        "\"\"\"\"\"''''' \xE2\x80\x9C\xE2\x80\x9C\xE2\x80\x9D",
        "\"", "'", "\xE2\x80\x9C", "",
        NULL };
    fixture f;
    size_t i;
    build(&f, b);
    ck_assert_int_eq(run(&f), NP_OK);
    for (i = 0; i < np_document_quote_count(f.d); i++) {
        const np_quote *q = np_document_quote(f.d, i);
        ck_assert_uint_le(np_quote_start(q), np_quote_end(q));
        ck_assert_uint_le(np_quote_end(q), f.d->body_len);
        ck_assert_uint_gt(strlen(np_quote_text(q)), 0);
    }
    expect(&f, "this never closes and runs on to the end of the paragraph", "Smith", ANY);
    done(&f);
}
END_TEST

START_TEST(empty_and_binary)
{
    static const char *const none[] = { NULL };
    static const char *const bin[] = {
        "\xFF\xFE\x01\x02\"\xC3\x28\xE2\x80\" said \xF0\x9F\x98 \"x\x80y,\" she said.",
        NULL };
    fixture f;
    size_t i;
    build(&f, none);
    ck_assert_int_eq(run(&f), NP_OK);
    ck_assert_uint_eq(np_document_quote_count(f.d), 0);
    done(&f);
    build(&f, bin);
    ck_assert_int_eq(run(&f), NP_OK);
    for (i = 0; i < np_document_quote_count(f.d); i++)
        ck_assert_uint_le(np_quote_end(np_document_quote(f.d, i)), f.d->body_len);
    done(&f);
}
END_TEST

START_TEST(code_blocks_are_not_speech)
{
    static const char code[] = "msg = \"We are ready to talk about the plan now,\" she said";
    static const char para[] = "\"We are ready to talk,\" Jones said.";
    fixture f;
    np_test_stage_open(&f.st, NULL);
    f.d = f.st.d;
    ck_assert_int_ge(np__doc_add_block(f.d, NP_BLOCK_PREFORMATTED, code, strlen(code)), 0);
    ck_assert_int_ge(np__doc_add_block(f.d, NP_BLOCK_PARAGRAPH, para, strlen(para)), 0);
    ck_assert_int_eq(np__doc_join(f.d), NP_OK);
    ck_assert_int_eq(run(&f), NP_OK);
    ck_assert_uint_eq(np_document_quote_count(f.d), 1);
    expect(&f, "We are ready to talk,", "Jones", D);
    done(&f);
}
END_TEST

START_TEST(fragments_sharing_a_cue)
{
    static const char *const b[] = {
        "The minister called the plan \"unworkable\" and \"a betrayal of voters.\"",
        "He starred in the so-called \"reality\" show.",
        "\"If the tariff is paid at the border, the buyer pays,\" Howard Gleckman, a fellow "
        "at the institute, has written. \"The government pays nothing.\"",
        "Although he had written a will, it was never signed. \"Nobody knew where it was kept.\"",
        NULL };
    fixture f;
    build(&f, b);
    ck_assert_int_eq(run(&f), NP_OK);
    expect(&f, "unworkable", "the minister", P);
    expect(&f, "a betrayal of voters.", "the minister", P);
    ck_assert_ptr_null(find(&f, "reality"));
    expect(&f, "If the tariff is paid at the border, the buyer pays,", "Howard Gleckman", D);
    expect(&f, "The government pays nothing.", "Howard Gleckman", D);
    ck_assert_ptr_null(np_quote_speaker(find(&f, "Nobody knew where it was kept.")));
    done(&f);
}
END_TEST

/* A 10 MB paragraph of quotes, stray marks and cues: linear time. */
START_TEST(huge_paragraph)
{
    static const char unit[] =
        "\"We are ready,\" she said, \"to talk.\" A stray \xE2\x80\x9C mark 'and "
        "one\xE2\x80\x99 \xC2\xAB more, the players' bus. ";
    size_t ul = sizeof unit - 1, n = (10u << 20) / ul, i;
    char *big = malloc(n * ul + 1);
    const char *b[2];
    fixture f;
    clock_t t0;
    double secs;
    ck_assert_ptr_nonnull(big);
    for (i = 0; i < n; i++)
        memcpy(big + i * ul, unit, ul);
    big[n * ul] = '\0';
    b[0] = big;
    b[1] = NULL;
    build(&f, b);
    /* every quote is wanted here: the stage stops at max_quotes */
    f.st.p->opts.max_quotes = SIZE_MAX;
    t0 = clock();
    ck_assert_int_eq(run(&f), NP_OK);
    secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    ck_assert_msg(secs < 30.0, "10 MB paragraph took %.1f s", secs);
    ck_assert_uint_ge(np_document_quote_count(f.d), n);
    done(&f);
    /* with the default limit the stage fails at the first quote past it */
    build(&f, b);
    free(big);
    ck_assert_int_eq(run(&f), NP_ELIMIT);
    ck_assert_uint_eq(np_document_quote_count(f.d), NP_DEFAULT_MAX_QUOTES);
    ck_assert_ptr_nonnull(strstr(np_parser_errmsg(f.st.p), "more than 10000 quotes"));
    done(&f);
    /* one quote that never closes, over the whole paragraph */
    big = malloc((10u << 20) + 2);
    ck_assert_ptr_nonnull(big);
    big[0] = '"';
    memset(big + 1, 'a', 10u << 20);
    for (i = 1; i < (10u << 20); i += 7)
        big[i] = ' ';
    big[(10u << 20) + 1] = '\0';
    b[0] = big;
    build(&f, b);
    free(big);
    t0 = clock();
    ck_assert_int_eq(run(&f), NP_OK);
    secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    ck_assert_msg(secs < 30.0, "unclosed 10 MB quote took %.1f s", secs);
    done(&f);
}
END_TEST

#ifdef NP_ALLOC_TESTING
START_TEST(out_of_memory)
{
    static const char *const b[] = {
        "Jane Smith met the unions on Monday.",
        "\"We are ready,\" she said, \"to talk.\" \"Later,\" the statement said.",
        NULL };
    unsigned long k;
    for (k = 1; k < 200; k++) {
        fixture f;
        int rc;
        build(&f, b);
        entity(&f, "Jane Smith", NP_ENTITY_PERSON, "Jane Smith", NULL);
        np__alloc_testing_fail_at(k, 1);
        rc = run(&f);
        np__alloc_testing_fail_at(0, 0);
        ck_assert(rc == NP_OK || rc == NP_ENOMEM);
        done(&f);
        if (rc == NP_OK)
            break;
    }
}
END_TEST
#endif

/* The seed article through the whole pipeline: its seven quotes. */
START_TEST(seed_article)
{
    const char *shared = np_test_shared();
    char path[4096];
    char *text;
    size_t len;
    np_parser *p;
    np_document *d;
    if (!shared)
        return;
    snprintf(path, sizeof path, "%s/bench/seed/article.txt", shared);
    text = np_test_read(path, &len);
    ck_assert_ptr_nonnull(text);
    ck_assert_int_eq(np_parser_new(&p, NULL), NP_OK);
    ck_assert_int_eq(np_parse_text(p, &d, text, len, NULL), NP_OK);
    free(text);
    ck_assert_uint_eq(np_document_quote_count(d), 7);
    {
        /* in body order: a fragment of the press release, the statement,
         * Psaki twice (", adding, ..."), two unnamed speakers, Peskov */
        static const struct { const char *speaker, *words; int kind; } want[7] = {
            { "\xC3\x89lys\xC3\xA9" "e Palace", "in principle", P },
            { "the statement", "It can only be held at the condition", D },
            { "Jen Psaki", "The administration has been clear", D },
            { "Jen Psaki", "We are always ready for diplomacy.", D },
            { "a spokesperson", "The two heads of state", D },
            { "an Elys\xC3\xA9" "e official", "Putin reiterated to President Macron", D },
            { "Dmitry Peskov", "premature to talk about any specific plans", D },
        };
        size_t k;
        for (k = 0; k < 7; k++) {
            const np_quote *q = np_document_quote(d, k);
            ck_assert_str_eq(np_quote_speaker(q), want[k].speaker);
            ck_assert_msg(strstr(np_quote_text(q), want[k].words) != NULL,
                          "quote %zu: %s", k, np_quote_text(q));
            ck_assert_int_eq(np_quote_kind(q), want[k].kind);
            ck_assert_uint_eq(np_quote_end(q) - np_quote_start(q), strlen(np_quote_text(q)));
        }
        /* named speakers are linked to their entities */
        ck_assert_int_eq(np_quote_speaker_entity(np_document_quote(d, 2), NULL), NP_OK);
        ck_assert_int_eq(np_quote_speaker_entity(np_document_quote(d, 1), NULL),
                         NP_ENOTFOUND);
    }
    np_document_free(d);
    np_parser_free(p);
}
END_TEST

/* A small article of our own through the whole pipeline, against
 * tests/data/quotes/expected.tsv (kind, speaker, text per line). */
START_TEST(fixture_article)
{
    char path[4096], *text, *exp, *line, *save = NULL;
    size_t len, i = 0;
    np_parser *p;
    np_document *d;
    ck_assert_ptr_nonnull(np_test_path(path, sizeof path, "tests/data/quotes/article.txt"));
    text = np_test_read(path, &len);
    ck_assert_ptr_nonnull(text);
    np_test_path(path, sizeof path, "tests/data/quotes/expected.tsv");
    exp = np_test_read(path, NULL);
    ck_assert_ptr_nonnull(exp);
    ck_assert_int_eq(np_parser_new(&p, NULL), NP_OK);
    ck_assert_int_eq(np_parse_text(p, &d, text, len, NULL), NP_OK);
    for (line = strtok_r(exp, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        char *kind = line, *speaker, *qt;
        const np_quote *q;
        if (line[0] == '#')
            continue;
        speaker = strchr(kind, '\t');
        ck_assert_ptr_nonnull(speaker);
        *speaker++ = '\0';
        qt = strchr(speaker, '\t');
        ck_assert_ptr_nonnull(qt);
        *qt++ = '\0';
        q = np_document_quote(d, i++);
        ck_assert_msg(q != NULL, "missing quote \"%s\"", qt);
        ck_assert_str_eq(np_quote_text(q), qt);
        ck_assert_msg(np_quote_speaker(q) && strcmp(np_quote_speaker(q), speaker) == 0,
                      "\"%s\": speaker %s, expected %s", qt,
                      np_quote_speaker(q) ? np_quote_speaker(q) : "(null)", speaker);
        ck_assert_int_eq(np_quote_kind(q), strcmp(kind, "partial") == 0 ? P : D);
    }
    ck_assert_uint_eq(np_document_quote_count(d), i);
    np_document_free(d);
    np_parser_free(p);
    free(text);
    free(exp);
}
END_TEST

/* The stage is skipped on request. */
START_TEST(skip_flag)
{
    static const char text[] = "\"We are ready,\" she said.";
    np_parse_options o;
    np_parser *p;
    np_document *d;
    ck_assert_int_eq(np_parse_options_init(&o, NP_PARSE_OPTIONS_VERSION), NP_OK);
    o.flags |= NP_PARSE_NO_QUOTES;
    ck_assert_int_eq(np_parser_new(&p, &o), NP_OK);
    ck_assert_int_eq(np_parse_text(p, &d, text, sizeof text - 1, NULL), NP_OK);
    ck_assert_uint_eq(np_document_quote_count(d), 0);
    np_document_free(d);
    np_parser_free(p);
    ck_assert_ptr_null(np_quote_text(NULL));
    ck_assert_int_eq(np_quote_kind(NULL), -1);
}
END_TEST

Suite *np_quotes_suite(void)
{
    Suite *s = suite_create("quotes");
    TCase *tc = tcase_create("quotes");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, interrupted_quote_two_records_one_speaker);
    tcase_add_test(tc, mark_styles);
    tcase_add_test(tc, apostrophes_are_not_quotes);
    tcase_add_test(tc, multi_paragraph_quote);
    tcase_add_test(tc, continuation_paragraph_inherits);
    tcase_add_test(tc, partial_quotes);
    tcase_add_test(tc, titles_nicknames_scare_quotes);
    tcase_add_test(tc, code_lines_and_cited_titles);
    tcase_add_test(tc, particles_and_names_missed_by_entities);
    tcase_add_test(tc, descriptions_introduced_before_and_possessors);
    tcase_add_test(tc, pronouns_keep_the_speaker_past_objects);
    tcase_add_test(tc, cue_before_a_time_adverb);
    tcase_add_test(tc, nested_quote);
    tcase_add_test(tc, nested_other_style_and_stray_marks);
    tcase_add_test(tc, attribution_cues);
    tcase_add_test(tc, pronouns_and_descriptions);
    tcase_add_test(tc, pronouns_follow_the_conversation);
    tcase_add_test(tc, noun_phrases_named_before);
    tcase_add_test(tc, manner_verbs_and_read);
    tcase_add_test(tc, gender_from_the_text);
    tcase_add_test(tc, headlines_are_not_continuations);
    tcase_add_test(tc, they_is_an_organisation_just_named);
    tcase_add_test(tc, unbalanced_and_unclosed);
    tcase_add_test(tc, empty_and_binary);
    tcase_add_test(tc, code_blocks_are_not_speech);
    tcase_add_test(tc, fragments_sharing_a_cue);
    tcase_add_test(tc, huge_paragraph);
#ifdef NP_ALLOC_TESTING
    tcase_add_test(tc, out_of_memory);
#endif
    tcase_add_test(tc, seed_article);
    tcase_add_test(tc, fixture_article);
    tcase_add_test(tc, skip_flag);
    tcase_add_test(tc, speakers_in_apposition);
    tcase_add_test(tc, subjects_colons_and_unlinked_names);
    suite_add_tcase(s, tc);
    return s;
}

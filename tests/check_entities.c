/* Named entities (lib/nlp/entities.c) through the public API. */
#include <time.h>

#include "np_test.h"

#include "np_internal.h"

static np_document *parse(np_parser *p, const char *text)
{
    np_document *d = NULL;
    ck_assert_int_eq(np_parse_text(p, &d, text, strlen(text), NULL), NP_OK);
    ck_assert_ptr_nonnull(d);
    return d;
}

/* The entity named exactly `name`, or NULL. */
static const np_entity *find(const np_document *d, const char *name)
{
    size_t i;
    for (i = 0; i < np_document_entity_count(d); i++) {
        const np_entity *e = np_document_entity(d, i);
        if (strcmp(np_entity_name(e), name) == 0)
            return e;
    }
    return NULL;
}

/* A name and the type its entity must have. */
typedef struct typed {
    const char *name;
    int type;
} typed;

/* Each entity of the table, up to its NULL name, is there with its type. */
static void expect_types(const np_document *d, const typed *t)
{
    for (; t->name; t++) {
        const np_entity *e = find(d, t->name);
        ck_assert_msg(e != NULL, "no entity named %s", t->name);
        ck_assert_msg(np_entity_type(e) == t->type, "%s has type %d, not %d",
                      t->name, np_entity_type(e), t->type);
    }
}

static int named_like(const np_document *d, const char *part)
{
    size_t i;
    for (i = 0; i < np_document_entity_count(d); i++)
        if (strstr(np_entity_name(np_document_entity(d, i)), part))
            return 1;
    return 0;
}

/* Every mention lies in the body, in order, and reads as the text there. */
static void check_spans(const np_document *d)
{
    size_t i, j, blen;
    const char *body = np_document_body(d, &blen);
    for (i = 0; i < np_document_entity_count(d); i++) {
        const np_entity *e = np_document_entity(d, i);
        size_t prev = 0;
        ck_assert_uint_ge(np_entity_mention_count(e), 1);
        ck_assert_int_ge(np_entity_type(e), NP_ENTITY_PERSON);
        ck_assert_int_le(np_entity_type(e), NP_ENTITY_PLACE);
        for (j = 0; j < np_entity_mention_count(e); j++) {
            size_t s, t;
            ck_assert_int_eq(np_entity_mention(e, j, &s, &t), NP_OK);
            ck_assert_uint_lt(s, t);
            ck_assert_uint_le(t, blen);
            ck_assert_uint_ge(s, prev);
            prev = s;
            ck_assert_int_eq(np__utf8_valid(body + s, t - s), 1);
        }
        {
            size_t s, t;
            ck_assert_int_eq(np_entity_mention(e, j, &s, &t), NP_ENOTFOUND);
        }
    }
}

static const char *mention_text(const np_document *d, const np_entity *e, size_t i,
                                char *buf, size_t cap)
{
    size_t s, t;
    const char *body = np_document_body(d, NULL);
    ck_assert_int_eq(np_entity_mention(e, i, &s, &t), NP_OK);
    ck_assert_uint_lt(t - s, cap);
    memcpy(buf, body + s, t - s);
    buf[t - s] = '\0';
    return buf;
}

START_TEST(seed_exact)
{
    char path[1024], line[512];
    char *text;
    FILE *f;
    np_parser *p;
    np_document *d;
    size_t expected = 0;

    text = np_test_read(np_test_path(path, sizeof path, "examples/data/article.txt"), NULL);
    ck_assert_ptr_nonnull(text);
    ck_assert_int_eq(np_parser_new(&p, NULL), NP_OK);
    d = parse(p, text);
    check_spans(d);
    f = fopen(np_test_path(path, sizeof path, "tests/data/entities/seed-expected.tsv"), "r");
    ck_assert_ptr_nonnull(f);
    while (fgets(line, sizeof line, f)) {
        char *type = line, *name, *role;
        const np_entity *e;
        if (line[0] == '#' || line[0] == '\n')
            continue;
        name = strchr(type, '\t');
        ck_assert_ptr_nonnull(name);
        *name++ = '\0';
        role = strchr(name, '\t');
        ck_assert_ptr_nonnull(role);
        *role++ = '\0';
        role[strcspn(role, "\r\n")] = '\0';
        e = find(d, name);
        ck_assert_msg(e != NULL, "missing entity %s", name);
        ck_assert_str_eq(np_entity_type_name(np_entity_type(e)), type);
        if (*role)
            ck_assert_str_eq(np_entity_role(e), role);
        expected++;
    }
    fclose(f);
    ck_assert_uint_eq(expected, 21);
    ck_assert_uint_eq(np_document_entity_count(d), expected);
    /* merged mentions: "Putin" with "Vladimir Putin", "US" with "United
     * States", "NATO" with its expansion, "Elysée" with "Élysée Palace" */
    ck_assert_uint_ge(np_entity_mention_count(find(d, "Vladimir Putin")), 5);
    ck_assert_uint_ge(np_entity_mention_count(find(d, "United States")), 3);
    ck_assert_uint_ge(np_entity_mention_count(find(d, "North Atlantic Treaty Organization")), 3);
    ck_assert_uint_eq(np_entity_mention_count(find(d, "Élysée Palace")), 3);
    np_document_free(d);
    np_parser_free(p);
    free(text);
}
END_TEST

START_TEST(sentence_initial_words)
{
    np_parser *p;
    np_document *d;
    ck_assert_int_eq(np_parser_new(&p, NULL), NP_OK);
    d = parse(p, "The talks went on for hours and nobody said very much at all.\n\n"
                 "Reiterating the same point, Additionally the minister spoke. "
                 "Both leaders agreed. During the call, nothing changed.\n");
    ck_assert_uint_eq(np_document_entity_count(d), 0);
    np_document_free(d);
    np_parser_free(p);
}
END_TEST

START_TEST(titles_and_roles)
{
    np_parser *p;
    np_document *d;
    const np_entity *e;
    ck_assert_int_eq(np_parser_new(&p, NULL), NP_OK);
    d = parse(p, "The meeting was announced on Sunday after a week of talks.\n\n"
                 "French President Emmanuel Macron called. Kremlin spokesperson "
                 "Dmitry Peskov said no. Sen. Ben Sasse, R-Neb., disagreed, and "
                 "coach Frank Vogel agreed.\n");
    check_spans(d);
    e = find(d, "Emmanuel Macron");
    ck_assert_ptr_nonnull(e);
    ck_assert_int_eq(np_entity_type(e), NP_ENTITY_PERSON);
    ck_assert_str_eq(np_entity_role(e), "French President");
    e = find(d, "Dmitry Peskov");
    ck_assert_ptr_nonnull(e);
    ck_assert_str_eq(np_entity_role(e), "Kremlin spokesperson");
    expect_types(d, (const typed[]){
        { "Kremlin", NP_ENTITY_ORG },
        { "Ben Sasse", NP_ENTITY_PERSON },
        { "Neb.", NP_ENTITY_PLACE },
        { "Frank Vogel", NP_ENTITY_PERSON },
        { NULL, 0 } });
    ck_assert(!named_like(d, "President"));
    ck_assert(!named_like(d, "Sen"));
    np_document_free(d);
    /* a position, abbreviated or first in its sentence, is the role, not
     * part of the name */
    d = parse(p, "The game was played on Sunday night before a full house.\n\n"
                 "Dallas QB Dak Prescott threw three touchdowns. Goalkeeper Hugo "
                 "Lloris saved twice. Adviser Jake Sullivan said nothing.\n");
    check_spans(d);
    e = find(d, "Dak Prescott");
    ck_assert_ptr_nonnull(e);
    ck_assert_str_eq(np_entity_role(e), "Dallas QB");
    e = find(d, "Hugo Lloris");
    ck_assert_ptr_nonnull(e);
    ck_assert_str_eq(np_entity_role(e), "Goalkeeper");
    ck_assert_ptr_nonnull(find(d, "Jake Sullivan"));
    ck_assert(!named_like(d, "QB"));
    ck_assert(!named_like(d, "Adviser"));
    np_document_free(d);
    np_parser_free(p);
}
END_TEST

START_TEST(acronyms_and_merging)
{
    np_parser *p;
    np_document *d;
    const np_entity *e;
    char buf[128];
    ck_assert_int_eq(np_parser_new(&p, NULL), NP_OK);
    d = parse(p, "The statement came late in the evening after a long day.\n\n"
                 "The North Atlantic Treaty Organization (NATO) met. Russian "
                 "President Vladimir Putin spoke to the United States. Later, "
                 "Putin\xE2\x80\x99s aides said NATO\xE2\x80\x99s plan and the US "
                 "offer were late. The Elys\xC3\xA9" "e Palace said the Elys\xC3\xA9" "e "
                 "would answer.\n");
    check_spans(d);
    e = find(d, "Vladimir Putin");
    ck_assert_ptr_nonnull(e);
    ck_assert_uint_eq(np_entity_mention_count(e), 2);
    ck_assert_str_eq(mention_text(d, e, 1, buf, sizeof buf), "Putin");   /* no ’s */
    e = find(d, "North Atlantic Treaty Organization");
    ck_assert_ptr_nonnull(e);
    ck_assert_int_eq(np_entity_type(e), NP_ENTITY_ORG);
    ck_assert_uint_eq(np_entity_mention_count(e), 3);
    ck_assert_str_eq(mention_text(d, e, 2, buf, sizeof buf), "NATO");
    e = find(d, "United States");
    ck_assert_ptr_nonnull(e);
    ck_assert_int_eq(np_entity_type(e), NP_ENTITY_PLACE);
    ck_assert_uint_eq(np_entity_mention_count(e), 2);
    e = find(d, "Elys\xC3\xA9" "e Palace");
    ck_assert_ptr_nonnull(e);
    ck_assert_uint_eq(np_entity_mention_count(e), 2);
    ck_assert_ptr_null(find(d, "Putin"));
    ck_assert_ptr_null(find(d, "NATO"));
    /* ordered by first mention */
    ck_assert_str_eq(np_entity_name(np_document_entity(d, 0)),
                     "North Atlantic Treaty Organization");
    np_document_free(d);
    np_parser_free(p);
}
END_TEST

/* A company named with and without its legal form, or with another one,
 * is one organisation under its fullest name; a different cue word makes
 * a different organisation, and an acronym spelled by a name's initials
 * joins it without brackets to define it. */
/* Organisations the lexicon knows by kind: with keys that start with a
 * digit ("3M", "49ers") in the table every other key stays readable
 * ("Saudi Arabia"), a club's nickname joins its full name, and a name
 * ending in a legal form is no office before a person. */
START_TEST(organisations_by_kind)
{
    np_parser *p;
    np_document *d;
    const np_entity *e;
    ck_assert_int_eq(np_parser_new(&p, NULL), NP_OK);
    d = parse(p, "Officials met on Tuesday to discuss the budget.\n\n"
                 "Shares of 3M rose after Barclays and Tesco reported results, "
                 "and officials from Saudi Arabia visited Kentucky.\n\n"
                 "Tottenham Hotspur appointed a new manager. Spurs were beaten "
                 "by the Knicks, who then lost to the 49ers.\n\n"
                 "The plant is run by Norvale North America Inc. in Ohio.\n");
    check_spans(d);
    e = find(d, "Barclays");
    ck_assert_ptr_nonnull(e);
    ck_assert_int_eq(np_entity_type(e), NP_ENTITY_ORG);
    e = find(d, "Tesco");
    ck_assert_ptr_nonnull(e);
    ck_assert_int_eq(np_entity_type(e), NP_ENTITY_ORG);
    e = find(d, "Saudi Arabia");
    ck_assert_ptr_nonnull(e);
    ck_assert_int_eq(np_entity_type(e), NP_ENTITY_PLACE);
    e = find(d, "Kentucky");
    ck_assert_ptr_nonnull(e);
    ck_assert_int_eq(np_entity_type(e), NP_ENTITY_PLACE);
    e = find(d, "Tottenham Hotspur");
    ck_assert_ptr_nonnull(e);
    ck_assert_int_eq(np_entity_type(e), NP_ENTITY_ORG);
    ck_assert_uint_eq(np_entity_mention_count(e), 2);
    ck_assert_ptr_null(find(d, "Spurs"));
    e = find(d, "Knicks");
    ck_assert_ptr_nonnull(e);
    ck_assert_int_eq(np_entity_type(e), NP_ENTITY_ORG);
    e = find(d, "Norvale North America Inc.");
    ck_assert_ptr_nonnull(e);
    ck_assert_int_eq(np_entity_type(e), NP_ENTITY_ORG);
    np_document_free(d);
    np_parser_free(p);
}
END_TEST

/* A city stands for its club in a match's words (a score, "v", "fans",
 * "at home to", "drew with"), but not where the words follow a person's
 * name or a country. */
START_TEST(city_clubs_in_match_words)
{
    np_parser *p;
    np_document *d;
    const np_entity *e;
    ck_assert_int_eq(np_parser_new(&p, NULL), NP_OK);
    d = parse(p, "Officials met on Tuesday to discuss the budget.\n\n"
                 "Everton 4-1 Wolfsburg was the result of the night. The side "
                 "drew with Lisbon a week later, and Leeds fans sang.\n\n"
                 "Taylor Swift fans queued in Paris, and Italy fans sang too.\n");
    check_spans(d);
    e = find(d, "Wolfsburg");
    ck_assert_ptr_nonnull(e);
    ck_assert_int_eq(np_entity_type(e), NP_ENTITY_ORG);
    e = find(d, "Lisbon");
    ck_assert_ptr_nonnull(e);
    ck_assert_int_eq(np_entity_type(e), NP_ENTITY_ORG);
    e = find(d, "Leeds");
    ck_assert_ptr_nonnull(e);
    ck_assert_int_eq(np_entity_type(e), NP_ENTITY_ORG);
    e = find(d, "Taylor Swift");
    ck_assert_ptr_nonnull(e);
    ck_assert_int_eq(np_entity_type(e), NP_ENTITY_PERSON);
    e = find(d, "Paris");
    ck_assert_ptr_nonnull(e);
    ck_assert_int_eq(np_entity_type(e), NP_ENTITY_PLACE);
    e = find(d, "Italy");
    ck_assert_ptr_nonnull(e);
    ck_assert_int_eq(np_entity_type(e), NP_ENTITY_PLACE);
    np_document_free(d);
    np_parser_free(p);
}
END_TEST

/* A place's first word ("Fort", "Lake") makes the name a place though a
 * given name follows; an industry's word ("Mining") ends a company's
 * name, a feature's word ("Turnpike") a place's. */
START_TEST(place_heads_and_industry_words)
{
    np_parser *p;
    np_document *d;
    const np_entity *e;
    ck_assert_int_eq(np_parser_new(&p, NULL), NP_OK);
    d = parse(p, "Officials met on Tuesday to discuss the budget.\n\n"
                 "Within Fort Lee, the main attraction is food. Newmont Mining "
                 "held talks near Lake Placid, off the Cimarron Turnpike.\n");
    check_spans(d);
    e = find(d, "Fort Lee");
    ck_assert_ptr_nonnull(e);
    ck_assert_int_eq(np_entity_type(e), NP_ENTITY_PLACE);
    e = find(d, "Lake Placid");
    ck_assert_ptr_nonnull(e);
    ck_assert_int_eq(np_entity_type(e), NP_ENTITY_PLACE);
    e = find(d, "Newmont Mining");
    ck_assert_ptr_nonnull(e);
    ck_assert_int_eq(np_entity_type(e), NP_ENTITY_ORG);
    e = find(d, "Cimarron Turnpike");
    ck_assert_ptr_nonnull(e);
    ck_assert_int_eq(np_entity_type(e), NP_ENTITY_PLACE);
    np_document_free(d);
    np_parser_free(p);
}
END_TEST

/* A day or month after a sentence's first word is no part of the name
 * ("On Saturday Chelsea"), and a family name before a romanised given
 * name opens a person's name even at a sentence's start ("Moon Jae-in",
 * though "Moon" alone is a place). */
START_TEST(days_and_family_names_at_sentence_start)
{
    np_parser *p;
    np_document *d;
    const np_entity *e;
    ck_assert_int_eq(np_parser_new(&p, NULL), NP_OK);
    d = parse(p, "Officials met on Tuesday to discuss the budget.\n\n"
                 "On Saturday Norvale said it would hire. In March Zenco "
                 "said so too.\n\n"
                 "Moon Jae-in met Tsai Ing-wen in Seoul.\n");
    check_spans(d);
    e = find(d, "Norvale");
    ck_assert_ptr_nonnull(e);
    ck_assert_ptr_null(find(d, "Saturday Norvale"));
    e = find(d, "Zenco");
    ck_assert_ptr_nonnull(e);
    ck_assert_ptr_null(find(d, "March Zenco"));
    e = find(d, "Moon Jae-in");
    ck_assert_ptr_nonnull(e);
    ck_assert_int_eq(np_entity_type(e), NP_ENTITY_PERSON);
    np_document_free(d);
    np_parser_free(p);
}
END_TEST

START_TEST(legal_forms_and_aliases)
{
    np_parser *p;
    np_document *d;
    const np_entity *e;
    char buf[128];
    ck_assert_int_eq(np_parser_new(&p, NULL), NP_OK);
    d = parse(p, "Officials met on Tuesday to discuss the budget.\n\n"
                 "Norvale Corporation said its profits rose, and Norvale Corp. "
                 "shares fell. Norvale will report again in May. Analysts at "
                 "Brightwater Group Inc. agreed, and Brightwater Group said so too. "
                 "The Norvale University library stayed open.\n\n"
                 "The North Atlantic Treaty Organization met in Brussels. Later, "
                 "NATO said it would send troops.\n");
    check_spans(d);
    e = find(d, "Norvale Corporation");
    ck_assert_ptr_nonnull(e);
    ck_assert_int_eq(np_entity_type(e), NP_ENTITY_ORG);
    ck_assert_uint_eq(np_entity_mention_count(e), 3);
    ck_assert_str_eq(mention_text(d, e, 1, buf, sizeof buf), "Norvale Corp.");
    ck_assert_str_eq(mention_text(d, e, 2, buf, sizeof buf), "Norvale");
    ck_assert_ptr_null(find(d, "Norvale Corp."));
    e = find(d, "Brightwater Group Inc.");
    ck_assert_ptr_nonnull(e);
    ck_assert_uint_eq(np_entity_mention_count(e), 2);
    ck_assert_ptr_null(find(d, "Brightwater Group"));
    e = find(d, "Norvale University");
    ck_assert_ptr_nonnull(e);
    ck_assert_uint_eq(np_entity_mention_count(e), 1);
    e = find(d, "North Atlantic Treaty Organization");
    ck_assert_ptr_nonnull(e);
    ck_assert_uint_eq(np_entity_mention_count(e), 2);
    ck_assert_str_eq(mention_text(d, e, 1, buf, sizeof buf), "NATO");
    ck_assert_ptr_null(find(d, "NATO"));
    np_document_free(d);
    np_parser_free(p);
}
END_TEST

/* An acronym joins a name whose initials it spells once a leading
 * nationality and what follows "and" are left out; a name no rule types
 * takes the type open NER data gives its head word ("Center for" an
 * organisation, a one-word platform written like a name). */
START_TEST(acronym_parts_and_evidence)
{
    np_parser *p;
    np_document *d;
    const np_entity *e;
    char buf[128];
    ck_assert_int_eq(np_parser_new(&p, NULL), NP_OK);
    d = parse(p, "Officials met on Tuesday to discuss the outbreak.\n\n"
                 "The couple was quarantined, and the Chinese Center for Disease "
                 "Control and Prevention said it had traced every contact. The "
                 "CDC said the risk was low, and the Chinese CDC repeated it. "
                 "Her video was posted on Tumblr on Monday.\n");
    check_spans(d);
    e = find(d, "Chinese Center for Disease Control and Prevention");
    ck_assert_ptr_nonnull(e);
    ck_assert_int_eq(np_entity_type(e), NP_ENTITY_ORG);
    ck_assert_uint_eq(np_entity_mention_count(e), 3);
    ck_assert_str_eq(mention_text(d, e, 1, buf, sizeof buf), "CDC");
    ck_assert_ptr_null(find(d, "CDC"));
    e = find(d, "Tumblr");
    ck_assert_ptr_nonnull(e);
    ck_assert_int_eq(np_entity_type(e), NP_ENTITY_ORG);
    np_document_free(d);
    /* a short form of several words joins the name it shortens; a
     * nationality before a word that needs "of ..." is no name */
    d = parse(p, "Officials met on Tuesday to discuss the plan.\n\n"
                 "The Chinese Communist Party met in Beijing. Later, the Communist "
                 "Party said it would act. The Chinese Ministry of Commerce agreed, "
                 "but officials at the Chinese Ministry declined to comment. The "
                 "Swiss Army sells knives.\n");
    check_spans(d);
    e = find(d, "Chinese Communist Party");
    ck_assert_ptr_nonnull(e);
    ck_assert_uint_eq(np_entity_mention_count(e), 2);
    ck_assert_str_eq(mention_text(d, e, 1, buf, sizeof buf), "Communist Party");
    ck_assert_ptr_null(find(d, "Communist Party"));
    ck_assert_ptr_nonnull(find(d, "Chinese Ministry of Commerce"));
    ck_assert_ptr_null(find(d, "Chinese Ministry"));
    np_document_free(d);
    /* transliterations of one name are one person; names that differ
     * in more than spelling are not */
    d = parse(p, "The talks were held on Monday in the capital.\n\n"
                 "Muammar Gaddafi ruled Libya for decades. Rebels said Qaddafi "
                 "had fled. President Volodymyr Zelensky spoke, and aides to "
                 "Zelenskyy agreed. Muammar Qaddafi was killed in 2011. Steve "
                 "Martin met Tom Morton; Morton said Martin was late.\n");
    check_spans(d);
    e = find(d, "Muammar Gaddafi");
    ck_assert_ptr_nonnull(e);
    ck_assert_uint_eq(np_entity_mention_count(e), 3);
    ck_assert_str_eq(mention_text(d, e, 1, buf, sizeof buf), "Qaddafi");
    ck_assert_ptr_null(find(d, "Muammar Qaddafi"));
    e = find(d, "Volodymyr Zelensky");
    ck_assert_ptr_nonnull(e);
    ck_assert_uint_eq(np_entity_mention_count(e), 2);
    ck_assert_uint_eq(np_entity_mention_count(find(d, "Steve Martin")), 2);
    ck_assert_uint_eq(np_entity_mention_count(find(d, "Tom Morton")), 2);
    np_document_free(d);
    d = parse(p, "Officials met on Tuesday to discuss the plan.\n\n"
                 "The Chinese Ministry of Commerce agreed, but officials at the "
                 "Chinese Ministry declined to comment. The Swiss Army sells "
                 "knives.\n");
    ck_assert_ptr_null(find(d, "Chinese Ministry"));
    ck_assert(find(d, "Swiss Army") && np_entity_type(find(d, "Swiss Army")) == NP_ENTITY_ORG);
    np_document_free(d);
    np_parser_free(p);
}
END_TEST

/* An ordinary English word written in capitals is no organisation,
 * short ("YOU", "WIN") or long ("FREE"); initials are ("KPX", "GM"), even
 * when the dictionary lists them as an abbreviation. */
START_TEST(shouted_words_and_initials)
{
    np_parser *p;
    np_document *d;
    const np_entity *e;
    ck_assert_int_eq(np_parser_new(&p, NULL), NP_OK);
    d = parse(p, "Officials met on Tuesday to discuss the budget.\n\n"
                 "The retailer KPX said sales rose, and analysts at GM agreed. Fans "
                 "who read the banner saw WIN and FREE in red, and YOU in bold.\n\n"
                 "Later, KPX and GM said the banner with WIN, FREE and YOU would stay.\n");
    check_spans(d);
    e = find(d, "KPX");
    ck_assert_ptr_nonnull(e);
    ck_assert_int_eq(np_entity_type(e), NP_ENTITY_ORG);
    ck_assert_uint_eq(np_entity_mention_count(e), 2);
    e = find(d, "GM");
    ck_assert_ptr_nonnull(e);
    ck_assert_int_eq(np_entity_type(e), NP_ENTITY_ORG);
    ck_assert_ptr_null(find(d, "WIN"));
    ck_assert_ptr_null(find(d, "YOU"));
    ck_assert_ptr_null(find(d, "FREE"));
    ck_assert_uint_eq(np_document_entity_count(d), 2);
    np_document_free(d);
    np_parser_free(p);
}
END_TEST

/* A nationality before a person's name is no part of it, but before an
 * organisation's cue word it is ("Malaysian Airlines", "Irish News"). */
START_TEST(nationality_in_org_names)
{
    np_parser *p;
    np_document *d;
    const np_entity *e;
    ck_assert_int_eq(np_parser_new(&p, NULL), NP_OK);
    d = parse(p, "Officials met on Tuesday to discuss the budget.\n\n"
                 "A reporter for the Irish News said Malaysian Airlines would fly "
                 "again. Ukrainian Mary Johnson said so, and the Irish News "
                 "thanked Malaysian Airlines.\n");
    check_spans(d);
    e = find(d, "Malaysian Airlines");
    ck_assert_ptr_nonnull(e);
    ck_assert_int_eq(np_entity_type(e), NP_ENTITY_ORG);
    ck_assert_uint_eq(np_entity_mention_count(e), 2);
    e = find(d, "Irish News");
    ck_assert_ptr_nonnull(e);
    ck_assert_int_eq(np_entity_type(e), NP_ENTITY_ORG);
    ck_assert_ptr_null(find(d, "News"));
    e = find(d, "Mary Johnson");
    ck_assert_ptr_nonnull(e);
    ck_assert_int_eq(np_entity_type(e), NP_ENTITY_PERSON);
    np_document_free(d);
    np_parser_free(p);
}
END_TEST

START_TEST(hyphens_particles_initials)
{
    np_parser *p;
    np_document *d;
    ck_assert_int_eq(np_parser_new(&p, NULL), NP_OK);
    d = parse(p, "The visit was planned for months by both foreign ministries.\n\n"
                 "Foreign Minister Jean-Yves Le Drian met Ursula von der Leyen. "
                 "Patrick W. Carlineo Jr., 55, of Addison, N.Y., was charged. "
                 "Le Drian said Carlineo was wrong.\n");
    check_spans(d);
    expect_types(d, (const typed[]){
        { "Jean-Yves Le Drian", NP_ENTITY_PERSON },
        { "Ursula von der Leyen", NP_ENTITY_PERSON },
        { "Patrick W. Carlineo Jr.", NP_ENTITY_PERSON },
        { NULL, 0 } });
    ck_assert_uint_eq(np_entity_mention_count(find(d, "Jean-Yves Le Drian")), 2);
    ck_assert_uint_eq(np_entity_mention_count(find(d, "Patrick W. Carlineo Jr.")), 2);
    ck_assert_int_eq(np_entity_type(find(d, "Addison")), NP_ENTITY_PLACE);
    np_document_free(d);

    /* a sentence that ends in an abbreviation */
    d = parse(p, "The visit was planned for months by both foreign ministries.\n\n"
                 "He moved to the U.S. The company grew. Officials in the U.S. "
                 "Senate said no.\n");
    check_spans(d);
    expect_types(d, (const typed[]){
        { "U.S.", NP_ENTITY_PLACE },
        { "U.S. Senate", NP_ENTITY_ORG },
        { NULL, 0 } });
    ck_assert(!named_like(d, "The"));
    np_document_free(d);
    np_parser_free(p);
}
END_TEST

/* A romanised given name whose second part is in lower case stays whole,
 * and its surname alone later is the same person; a hyphen before an
 * English word ("-era", "-based") joins no name. */
START_TEST(hyphenated_given_names)
{
    np_parser *p;
    np_document *d;
    ck_assert_int_eq(np_parser_new(&p, NULL), NP_OK);
    d = parse(p, "The talks were planned for months by both delegations.\n\n"
                 "Delegate Han Seo-yun met Lin Wei-ting in Busan on Friday. "
                 "Han said the Brandt-era rules and the Lisbon-based firms would "
                 "stay. Lin agreed.\n");
    check_spans(d);
    ck_assert_ptr_nonnull(find(d, "Han Seo-yun"));
    ck_assert_int_eq(np_entity_type(find(d, "Han Seo-yun")), NP_ENTITY_PERSON);
    ck_assert_uint_eq(np_entity_mention_count(find(d, "Han Seo-yun")), 2);
    ck_assert_ptr_nonnull(find(d, "Lin Wei-ting"));
    ck_assert_uint_eq(np_entity_mention_count(find(d, "Lin Wei-ting")), 2);
    ck_assert(!named_like(d, "-era"));
    ck_assert(!named_like(d, "-based"));
    ck_assert_int_eq(np_entity_type(find(d, "Lisbon")), NP_ENTITY_PLACE);
    np_document_free(d);
    /* the family name comes first: alone, it is the same person, even
     * when it is also the name of a place */
    d = parse(p, "The talks were planned for months by both delegations.\n\n"
                 "South Korean President Moon Jae-in met Tsai Ing-wen in Seoul. "
                 "Moon said the talks went well, and Tsai agreed.\n");
    check_spans(d);
    ck_assert_ptr_nonnull(find(d, "Moon Jae-in"));
    ck_assert_int_eq(np_entity_type(find(d, "Moon Jae-in")), NP_ENTITY_PERSON);
    ck_assert_uint_eq(np_entity_mention_count(find(d, "Moon Jae-in")), 2);
    ck_assert_ptr_null(find(d, "Moon"));
    ck_assert_ptr_nonnull(find(d, "Tsai Ing-wen"));
    ck_assert_uint_eq(np_entity_mention_count(find(d, "Tsai Ing-wen")), 2);
    np_document_free(d);
    np_parser_free(p);
}
END_TEST

/* A prose sentence dense in names (lower-case verb, function words, a
 * full stop) is read as prose, not as a title-case headline whose names
 * need confirming elsewhere. */
START_TEST(name_dense_prose)
{
    np_parser *p;
    np_document *d;
    ck_assert_int_eq(np_parser_new(&p, NULL), NP_OK);
    d = parse(p, "The talks were planned for months by both sides.\n\n"
                 "Fans saw the Toronto Blue Jays beat the New York Mets in June.\n");
    check_spans(d);
    ck_assert_ptr_nonnull(find(d, "Toronto Blue Jays"));
    ck_assert_int_eq(np_entity_type(find(d, "Toronto Blue Jays")), NP_ENTITY_ORG);
    np_document_free(d);
    np_parser_free(p);
}
END_TEST

START_TEST(orgs_places_cues)
{
    np_parser *p;
    np_document *d;
    ck_assert_int_eq(np_parser_new(&p, NULL), NP_OK);
    d = parse(p, "LONDON (AP) \xE2\x80\x94 The results were announced late on a rainy night.\n\n"
                 "The Department of Social Services and the Electoral Commission "
                 "spoke at the Staples Center in Los Angeles. The Davis Cup starts "
                 "in Madrid. Russian troops left.\n");
    check_spans(d);
    ck_assert_int_eq(np_entity_type(find(d, "London")) == NP_ENTITY_PLACE ||
                     np_entity_type(find(d, "LONDON")) == NP_ENTITY_PLACE, 1);
    expect_types(d, (const typed[]){
        { "Department of Social Services", NP_ENTITY_ORG },
        { "Electoral Commission", NP_ENTITY_ORG },
        { "Staples Center", NP_ENTITY_PLACE },
        { "Los Angeles", NP_ENTITY_PLACE },
        { "Madrid", NP_ENTITY_PLACE },
        { NULL, 0 } });
    ck_assert_int_eq(np_entity_type(find(d, "Associated Press")) == NP_ENTITY_ORG ||
                     np_entity_type(find(d, "AP")) == NP_ENTITY_ORG, 1);
    ck_assert(!named_like(d, "Davis"));
    ck_assert(!named_like(d, "Russian"));
    np_document_free(d);

    /* an acronym defined in brackets; a person "of" an institution */
    d = parse(p, "The mission was reviewed again at the end of the month.\n\n"
                 "The German Aerospace Center (DLR) built it. Later, DLR said "
                 "that Professor Jane Smith of the University of Oxford agreed.\n");
    check_spans(d);
    ck_assert_int_eq(np_entity_type(find(d, "German Aerospace Center")), NP_ENTITY_ORG);
    ck_assert_uint_eq(np_entity_mention_count(find(d, "German Aerospace Center")), 3);
    ck_assert_ptr_null(find(d, "DLR"));
    expect_types(d, (const typed[]){
        { "Jane Smith", NP_ENTITY_PERSON },
        { "University of Oxford", NP_ENTITY_ORG },
        { NULL, 0 } });
    np_document_free(d);

    /* names listed with names of a sure type take that type */
    d = parse(p, "The agency picked its partners after a long review last year.\n\n"
                 "The winners were Lockheed Martin, Zorblax, Firefly Aerospace and "
                 "Intuitive Machines. Ilhan Omar, D-Minn., and Bob Smith agreed.\n");
    check_spans(d);
    expect_types(d, (const typed[]){
        { "Zorblax", NP_ENTITY_ORG },
        { "Intuitive Machines", NP_ENTITY_ORG },
        { "Firefly Aerospace", NP_ENTITY_ORG },
        { NULL, 0 } });
    ck_assert_ptr_null(find(d, "D"));
    np_document_free(d);
    np_parser_free(p);
}
END_TEST

START_TEST(headline_case)
{
    np_parser *p;
    np_document *d;
    ck_assert_int_eq(np_parser_new(&p, NULL), NP_OK);
    d = parse(p, "Some introduction of the story comes first in the article text.\n\n"
                 "Macron Offers to Mediate US-Russia Summit, Putin Slams NATO Military Aid to Ukraine\n\n"
                 "French President Emmanuel Macron spoke with Russian President "
                 "Vladimir Putin about Ukraine.\n\n"
                 "IMAGE SOURCE: POLITICO EU\n");
    check_spans(d);
    ck_assert(!named_like(d, "Offers"));
    ck_assert(!named_like(d, "Slams"));
    ck_assert(!named_like(d, "Military"));
    ck_assert(!named_like(d, "POLITICO"));
    ck_assert_ptr_null(find(d, "EU"));
    ck_assert_uint_eq(np_entity_mention_count(find(d, "Emmanuel Macron")), 2);
    ck_assert_uint_eq(np_entity_mention_count(find(d, "Ukraine")), 2);
    np_document_free(d);
    np_parser_free(p);
}
END_TEST

START_TEST(bad_input)
{
    static const char *const texts[] = {
        "",
        "no capitals anywhere in this text, just words and more words.",
        "ALL CAPITALS TEXT ABOUT THE PRESIDENT OF FRANCE AND RUSSIA. "
        "NOTHING HERE IS WRITTEN IN LOWER CASE AT ALL.",
        "\xD0\x92\xD0\xBB\xD0\xB0\xD0\xB4\xD0\xB8\xD0\xBC\xD0\xB8\xD1\x80 "
        "\xD0\x9F\xD1\x83\xD1\x82\xD0\xB8\xD0\xBD \xD0\xB8 \xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0. "
        "\xE6\x9D\xB1\xE4\xBA\xAC\xE3\x81\xAF\xE5\xA4\xA7\xE3\x81\x8D\xE3\x81\x84\xE3\x80\x82",
        "Der Bundeskanzler traf am Montag den Pr\xC3\xA4sidenten in Berlin.",
        "A\xFF\xFE B\x80 C\xC3 D\xE2\x82 \x01\x02 Word Word Word",
        NULL };
    np_parser *p;
    size_t i;
    ck_assert_int_eq(np_parser_new(&p, NULL), NP_OK);
    for (i = 0; texts[i]; i++) {
        np_document *d = NULL;
        int rc = np_parse_text(p, &d, texts[i], strlen(texts[i]), NULL);
        ck_assert(rc == NP_OK || rc == NP_EENCODING);
        if (d) {
            check_spans(d);
            if (i <= 2)
                ck_assert_uint_le(np_document_entity_count(d), 2);
            np_document_free(d);
        }
    }
    np_parser_free(p);
}
END_TEST

START_TEST(other_languages)
{
    np_parser *p;
    np_document *d;
    size_t i;
    ck_assert_int_eq(np_parser_new(&p, NULL), NP_OK);
    d = parse(p, "Der erste Absatz ist lang genug, damit der Text als Artikel gelesen wird.\n\n"
                 "Der Bundeskanzler traf am Montag den franz\xC3\xB6sischen Pr\xC3\xA4sidenten "
                 "Emmanuel Macron in Berlin. Die Gespr\xC3\xA4" "che dauerten drei Stunden. "
                 "Die Deutsche Bahn k\xC3\xBCndigte einen Streik an.\n");
    check_spans(d);
    /* only what the lexicon knows, and a given name with a surname */
    for (i = 0; i < np_document_entity_count(d); i++) {
        const char *n = np_entity_name(np_document_entity(d, i));
        ck_assert_msg(strcmp(n, "Berlin") == 0 || strcmp(n, "Emmanuel Macron") == 0,
                      "unexpected entity %s", n);
    }
    ck_assert_ptr_nonnull(find(d, "Berlin"));
    np_document_free(d);
    np_parser_free(p);
}
END_TEST

START_TEST(skip_flag)
{
    np_parse_options o = NP_PARSE_OPTIONS_INIT;
    np_parser *p;
    np_document *d;
    o.flags = NP_PARSE_NO_ENTITIES | NP_PARSE_NO_QUOTES;
    ck_assert_int_eq(np_parser_new(&p, &o), NP_OK);
    d = parse(p, "A long enough first paragraph so the text has a body to read.\n\n"
                 "French President Emmanuel Macron met Vladimir Putin in Moscow.\n");
    ck_assert_uint_eq(np_document_entity_count(d), 0);
    ck_assert_ptr_null(np_document_entity(d, 0));
    ck_assert_ptr_null(np_entity_name(NULL));
    ck_assert_int_eq(np_entity_type(NULL), -1);
    np_document_free(d);
    np_parser_free(p);
}
END_TEST

/* A million words of news-like text: linear time, bounded spans. */
START_TEST(large_linear)
{
    static const char *const para[] = {
        "French President Emmanuel Macron met Russian President Vladimir Putin in Moscow on Monday. ",
        "THE NORTH ATLANTIC TREATY ORGANIZATION (NATO) SAID NOTHING AT ALL. ",
        "Alpha Beta Gamma Delta Epsilon Zeta Eta Theta Iota Kappa Lambda Mu Nu Xi Omicron Pi Rho. ",
        "the quick brown fox jumps over the lazy dog again and again and again. ",
    };
    size_t target = 6u << 20, n = 0, i = 0;
    char *buf = malloc(target + 256);
    np_parser *p;
    np_document *d = NULL;
    clock_t t0;
    double secs;
    ck_assert_ptr_nonnull(buf);
    while (n < target) {
        const char *s = para[i++ % 4];
        size_t len = strlen(s);
        memcpy(buf + n, s, len);
        n += len;
        if (i % 8 == 0)
            buf[n++] = '\n';
    }
    buf[n] = '\0';
    ck_assert_int_eq(np_parser_new(&p, NULL), NP_OK);
    t0 = clock();
    ck_assert_int_eq(np_parse_text(p, &d, buf, n, NULL), NP_OK);
    secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    ck_assert_ptr_nonnull(find(d, "Emmanuel Macron"));
    ck_assert_uint_ge(np_entity_mention_count(find(d, "Emmanuel Macron")), 1000);
    ck_assert_msg(secs < 60.0, "took %.1f s", secs);
    np_document_free(d);

    /* the same as one paragraph: many sentences in one block */
    for (i = 0; i < n; i++)
        if (buf[i] == '\n')
            buf[i] = ' ';
    t0 = clock();
    ck_assert_int_eq(np_parse_text(p, &d, buf, n, NULL), NP_OK);
    secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    ck_assert_ptr_nonnull(find(d, "Emmanuel Macron"));
    ck_assert_msg(secs < 60.0, "one block took %.1f s", secs);
    np_document_free(d);
    np_parser_free(p);
    free(buf);
}
END_TEST

/* Names no lexicon, cue or learned count types take one from the words
 * around them: a workplace, the odds of the learned table after a speech
 * verb, "according to". */
START_TEST(context_evidence)
{
    static const typed t[] = {
        {"Zentrovia", NP_ENTITY_ORG},     /* "works at", then "Zentrovia said" */
        {"Quorbex", NP_ENTITY_ORG},       /* "joined" */
        {"Malvessa", NP_ENTITY_ORG},      /* "the chief executive of" */
        {"Drentham", NP_ENTITY_ORG},      /* "a professor at" */
        {"Tesco", NP_ENTITY_ORG},         /* "said": the data names it an org */
        {"Brelkowitz", NP_ENTITY_PERSON}, /* "according to", no data: a person */
        {NULL, 0}
    };
    np_parser *p;
    np_document *d;
    const np_entity *e;
    ck_assert_int_eq(np_parser_new(&p, NULL), NP_OK);
    d = parse(p, "Officials met on Monday to discuss the plan.\n\n"
                 "Her sister works at Zentrovia and likes the place. Last year "
                 "her brother joined Quorbex after a long search. He is now the "
                 "chief executive of Malvessa, and his wife is a professor at "
                 "Drentham.\n\n"
                 "Zentrovia said on Monday that profits rose. Tesco said sales "
                 "fell. According to Brelkowitz, the talks had stalled.\n");
    check_spans(d);
    expect_types(d, t);
    /* one type for the name: both mentions are the one organisation */
    e = find(d, "Zentrovia");
    ck_assert_uint_eq(np_entity_mention_count(e), 2);
    /* the office is not a person's role */
    ck_assert_ptr_null(np_entity_role(find(d, "Malvessa")));
    np_document_free(d);
    /* "a spokeswoman for" may speak for a person: no type from it */
    d = parse(p, "Officials met on Monday to discuss the plan.\n\n"
                 "A spokeswoman for Nadrowski declined to comment.\n");
    e = find(d, "Nadrowski");
    ck_assert(e == NULL || np_entity_type(e) != NP_ENTITY_ORG);
    np_document_free(d);
    np_parser_free(p);
}
END_TEST

/* What the words around a one-word name say it is outranks what the word
 * alone is: a company's shares and chief executive, a club's coach and
 * results (a given name or a city standing for its club), a body's
 * statement; but a country's shares are a market's, and a player's coach
 * is a person's. */
START_TEST(organisations_from_context)
{
    static const typed t[] = {
        {"Vextrona", NP_ENTITY_ORG},   /* "Vextrona's chief executive" */
        {"Plomquist", NP_ENTITY_ORG},  /* "shares of Plomquist" */
        {"Daskarel", NP_ENTITY_ORG},   /* "said in a statement" */
        {"Chelsea", NP_ENTITY_ORG},    /* a given name: "Chelsea beat ..." */
        {"Ardwick", NP_ENTITY_ORG},    /* "... beat Ardwick" */
        {"Leeds", NP_ENTITY_ORG},      /* a city: "Leeds's coach" */
        {"China", NP_ENTITY_PLACE},    /* "China's shares" */
        {"Glasgow", NP_ENTITY_PLACE},  /* a city with no club's context */
        {NULL, 0}
    };
    np_parser *p;
    np_document *d;
    ck_assert_int_eq(np_parser_new(&p, NULL), NP_OK);
    d = parse(p, "Officials met on Monday to discuss the plan.\n\n"
                 "The board said Vextrona's chief executive would resign. "
                 "Investors sold shares of Plomquist on Tuesday. Daskarel said "
                 "in a statement that it would cut jobs.\n\n"
                 "Fans said Chelsea beat Ardwick 2-1 in front of a full "
                 "ground. Leeds's coach said the players were tired after the "
                 "trip from Glasgow. China's shares fell on the news.\n");
    check_spans(d);
    expect_types(d, t);
    np_document_free(d);
    /* the person's full name wins over one mention's context */
    d = parse(p, "Officials met on Monday to discuss the plan.\n\n"
                 "Marek Brzozowski reached the final. Brzozowski's coach said he "
                 "was tired.\n");
    ck_assert_ptr_nonnull(find(d, "Marek Brzozowski"));
    ck_assert_int_eq(np_entity_type(find(d, "Marek Brzozowski")), NP_ENTITY_PERSON);
    ck_assert_ptr_null(find(d, "Brzozowski"));
    np_document_free(d);
    /* a company's context keeps a sentence-initial ordinary word */
    d = parse(p, "Officials met on Monday to discuss the plan.\n\n"
                 "Garden Warehouse shares rose 4 percent on Tuesday.\n");
    ck_assert_ptr_nonnull(find(d, "Garden Warehouse"));
    ck_assert_int_eq(np_entity_type(find(d, "Garden Warehouse")), NP_ENTITY_ORG);
    np_document_free(d);
    np_parser_free(p);
}
END_TEST

/* A city followed by a given name that is an ordinary word and a plural
 * is one club's name; a country followed by a person's name is two. */
START_TEST(city_club_names)
{
    np_parser *p;
    np_document *d;
    ck_assert_int_eq(np_parser_new(&p, NULL), NP_OK);
    d = parse(p, "Officials met on Monday to discuss the plan.\n\n"
                 "Fans saw the Boston Red Sox win in June, and the Detroit Red "
                 "Wings lost. Ukraine Marie Yovanovitch was not there.\n");
    check_spans(d);
    ck_assert_ptr_nonnull(find(d, "Boston Red Sox"));
    ck_assert_int_eq(np_entity_type(find(d, "Boston Red Sox")), NP_ENTITY_ORG);
    ck_assert_ptr_nonnull(find(d, "Detroit Red Wings"));
    ck_assert_int_eq(np_entity_type(find(d, "Detroit Red Wings")), NP_ENTITY_ORG);
    ck_assert_ptr_null(find(d, "Red Sox"));
    ck_assert_ptr_nonnull(find(d, "Marie Yovanovitch"));
    ck_assert_int_eq(np_entity_type(find(d, "Marie Yovanovitch")), NP_ENTITY_PERSON);
    np_document_free(d);
    np_parser_free(p);
}
END_TEST

/* A hashtag, like a handle, names nothing: the capitalised word after
 * "#" is no entity, and the same name in running text still is. */
START_TEST(hashtags_are_no_names)
{
    np_parser *p;
    np_document *d;
    ck_assert_int_eq(np_parser_new(&p, NULL), NP_OK);
    d = parse(p, "Officials met on Monday to discuss the plan.\n\n"
                 "Thoughts with the families of the #MH17 victims, wrote fans "
                 "of #WorldCup and @ReutersLive.\n\n"
                 "Later the fans went to Glasgow to watch #Glasgow.\n");
    check_spans(d);
    ck_assert_ptr_null(find(d, "MH17"));
    ck_assert_ptr_null(find(d, "WorldCup"));
    ck_assert_ptr_null(find(d, "ReutersLive"));
    ck_assert_ptr_nonnull(find(d, "Glasgow"));
    ck_assert_uint_eq(np_entity_mention_count(find(d, "Glasgow")), 1);
    np_document_free(d);
    np_parser_free(p);
}
END_TEST

/* A given name after a preposition of place is the place ("near Shelby"),
 * and the words that end the names of orchestras, labels and publishers
 * make organisations. */
START_TEST(given_name_places_and_org_words)
{
    static const typed t[] = {
        {"Shelby", NP_ENTITY_PLACE},
        {"Harmon Philharmonic", NP_ENTITY_ORG},
        {"Drelling Recordings", NP_ENTITY_ORG},
        {"Corvane Publishing", NP_ENTITY_ORG},
        {NULL, 0}
    };
    np_parser *p;
    np_document *d;
    ck_assert_int_eq(np_parser_new(&p, NULL), NP_OK);
    d = parse(p, "Officials met on Monday to discuss the plan.\n\n"
                 "The farm lies near Shelby, and the plant is in Shelby too. "
                 "Last year the Harmon Philharmonic played an album released by "
                 "Drelling Recordings and Corvane Publishing.\n");
    check_spans(d);
    expect_types(d, t);
    np_document_free(d);
    np_parser_free(p);
}
END_TEST

/* "The Bank said": a word that heads organisations' names, alone after
 * "the" before a speech verb, is an organisation, not a person. */
START_TEST(definite_org_heads)
{
    np_parser *p;
    np_document *d;
    size_t i;
    ck_assert_int_eq(np_parser_new(&p, NULL), NP_OK);
    d = parse(p, "Officials met on Monday to discuss the plan.\n\n"
                 "The Bank said inflation would fall next year. The Ministry "
                 "said it would study the figures.\n");
    check_spans(d);
    for (i = 0; i < np_document_entity_count(d); i++)
        ck_assert_int_ne(np_entity_type(np_document_entity(d, i)), NP_ENTITY_PERSON);
    ck_assert_ptr_nonnull(find(d, "Bank"));
    ck_assert_int_eq(np_entity_type(find(d, "Bank")), NP_ENTITY_ORG);
    np_document_free(d);
    /* with the full name in the text, the head is that organisation */
    d = parse(p, "Officials met on Monday to discuss the plan.\n\n"
                 "The Bank of Zembla raised rates, and the European Commission "
                 "objected. The Bank said inflation would fall. The Commission "
                 "said it would study the figures.\n");
    check_spans(d);
    ck_assert_ptr_null(find(d, "Bank"));
    ck_assert_ptr_null(find(d, "Commission"));
    ck_assert_uint_eq(np_entity_mention_count(find(d, "Bank of Zembla")), 2);
    ck_assert_uint_eq(np_entity_mention_count(find(d, "European Commission")), 2);
    np_document_free(d);
    np_parser_free(p);
}
END_TEST

Suite *np_entities_suite(void)
{
    Suite *s = suite_create("entities");
    TCase *tc = tcase_create("entities");
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, seed_exact);
    tcase_add_test(tc, sentence_initial_words);
    tcase_add_test(tc, titles_and_roles);
    tcase_add_test(tc, acronyms_and_merging);
    tcase_add_test(tc, hyphens_particles_initials);
    tcase_add_test(tc, hyphenated_given_names);
    tcase_add_test(tc, name_dense_prose);
    tcase_add_test(tc, orgs_places_cues);
    tcase_add_test(tc, headline_case);
    tcase_add_test(tc, legal_forms_and_aliases);
    tcase_add_test(tc, acronym_parts_and_evidence);
    tcase_add_test(tc, context_evidence);
    tcase_add_test(tc, organisations_from_context);
    tcase_add_test(tc, definite_org_heads);
    tcase_add_test(tc, city_club_names);
    tcase_add_test(tc, hashtags_are_no_names);
    tcase_add_test(tc, given_name_places_and_org_words);
    tcase_add_test(tc, shouted_words_and_initials);
    tcase_add_test(tc, nationality_in_org_names);
    tcase_add_test(tc, organisations_by_kind);
    tcase_add_test(tc, city_clubs_in_match_words);
    tcase_add_test(tc, place_heads_and_industry_words);
    tcase_add_test(tc, days_and_family_names_at_sentence_start);
    tcase_add_test(tc, bad_input);
    tcase_add_test(tc, other_languages);
    tcase_add_test(tc, skip_flag);
    tcase_add_test(tc, large_linear);
    suite_add_tcase(s, tc);
    return s;
}

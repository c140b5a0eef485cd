/*
 * Article extraction: boilerplate removal and typed blocks on small pages,
 * pages without an article, plain-text articles (the bundled seed's fields
 * exactly), bad input, and a floor on the mean body F1 over the benchmark's
 * dev pages (skipped without ../shared).
 */
#include <check.h>
#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/xpath.h>

#include "np_test.h"
#include "np_internal.h"
#include "np_test_stage.h"

#define SEED_TITLE "Macron Offers to Mediate US-Russia Summit, Putin Slams NATO Military Aid to Ukraine"
#define SEED_STANDFIRST "The Kremlin said that the modern weapons and ammunitions being sent to Ukraine by NATO members are encouraging Kyiv to resort to military provocation in eastern Ukraine."
#define SEED_CAPTION "French President Emmanuel Macron proposed a bilateral summit between the US and Russia to resolve the Ukraine crisis."

static np_document *parse_html_file(const char *rel, const char *url)
{
    char path[4096];
    size_t len;
    char *buf = np_test_read(np_test_path(path, sizeof path, rel), &len);
    np_parser *p = NULL;
    np_document *d = NULL;
    ck_assert_msg(buf != NULL, "cannot read %s", path);
    ck_assert_int_eq(np_parser_new(&p, NULL), NP_OK);
    ck_assert_int_eq(np_parse_html(p, &d, buf, len, url), NP_OK);
    np_parser_free(p);
    free(buf);
    return d;
}

static np_document *parse_text(const char *text)
{
    np_parser *p = NULL;
    np_document *d = NULL;
    ck_assert_int_eq(np_parser_new(&p, NULL), NP_OK);
    ck_assert_int_eq(np_parse_text(p, &d, text, strlen(text), NULL), NP_OK);
    np_parser_free(p);
    return d;
}

static np_document *parse_html(const char *html, size_t len)
{
    np_parser *p = NULL;
    np_document *d = NULL;
    ck_assert_int_eq(np_parser_new(&p, NULL), NP_OK);
    ck_assert_int_eq(np_parse_html(p, &d, html, len, NULL), NP_OK);
    np_parser_free(p);
    return d;
}

static size_t find_block(const np_document *d, int kind, const char *prefix)
{
    size_t i, n = np_document_block_count(d);
    for (i = 0; i < n; i++) {
        const char *t = np_document_block_text(d, i, NULL, NULL);
        if (np_document_block_kind(d, i) == kind && strncmp(t, prefix, strlen(prefix)) == 0)
            return i;
    }
    return (size_t)-1;
}

/* ------------------------------------------------------------- HTML */

START_TEST(boilerplate_removed)
{
    np_document *d = parse_html_file("tests/data/extract/boilerplate.html",
                                     "https://coast.example.org/news/bridge");
    const char *body = np_document_body(d, NULL);
    ck_assert_int_eq(np_document_is_article(d), 1);
    ck_assert_msg(strstr(body, "FURNITURE") == NULL, "furniture in body:\n%s", body);
    ck_assert_ptr_nonnull(strstr(body, "The harbour bridge reopened"));
    ck_assert_ptr_nonnull(strstr(body, "resurfacing the roads"));
    /* typed blocks */
    ck_assert_uint_ne(find_block(d, NP_BLOCK_HEADING, "Traffic returns"), (size_t)-1);
    ck_assert_uint_ne(find_block(d, NP_BLOCK_LIST_ITEM, "The footway reopens"), (size_t)-1);
    ck_assert_uint_ne(find_block(d, NP_BLOCK_BLOCKQUOTE, "We are proud"), (size_t)-1);
    /* no title, byline or caption in the body */
    ck_assert_ptr_null(strstr(body, "Harbour bridge reopens after repairs"));
    ck_assert_ptr_null(strstr(body, "Ann Writer"));
    ck_assert_ptr_null(strstr(body, "seen from the north quay"));
    /* the image list: the lead image first, caption and credit apart */
    ck_assert_uint_ge(np_document_image_count(d), 1);
    ck_assert_str_eq(np_document_image_src(d, 0), "https://coast.example.org/img/bridge.jpg");
    ck_assert_str_eq(np_document_image_caption(d, 0),
                     "The bridge at dusk, seen from the north quay.");
    ck_assert_str_eq(np_document_image_credit(d, 0), "Photo: Kim Lens");
    ck_assert_str_eq(np_document_author(d, 0), "Ann Writer");
    np_document_free(d);
}
END_TEST

START_TEST(home_page_is_not_an_article)
{
    np_document *d = parse_html_file("tests/data/extract/home.html", NULL);
    size_t len = 1;
    ck_assert_int_eq(np_document_is_article(d), 0);
    ck_assert_str_eq(np_document_body(d, &len), "");
    ck_assert_uint_eq(len, 0);
    ck_assert_uint_eq(np_document_block_count(d), 0);
    np_document_free(d);
}
END_TEST

START_TEST(error_page_is_not_an_article)
{
    static const char html[] =
        "<html><head><title>Page not found | Coast Herald</title></head><body>"
        "<h1>Sorry, we could not find that page</h1><p>The page you asked for "
        "may have been moved or deleted, or the address may be mistyped. Try the "
        "search box above, or go back to the home page to find the latest news "
        "from the coast.</p></body></html>";
    np_document *d = parse_html(html, sizeof html - 1);
    ck_assert_int_eq(np_document_is_article(d), 0);
    ck_assert_str_eq(np_document_body(d, NULL), "");
    np_document_free(d);
}
END_TEST

/* JSON-LD that gives the article's own text (here a recipe's ingredients
 * and steps) shows where the article is: a photo gallery with more text,
 * commas and captions loses to the smaller block holding that text; the
 * same page without the JSON-LD takes the gallery. */
START_TEST(jsonld_text_chooses_the_root)
{
    static const char head[] =
        "<html><head><title>Plum cake</title>";
    static const char ld[] =
        "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
        "\"@type\":\"Recipe\",\"name\":\"Plum cake\",\"recipeIngredient\":"
        "[\"500 g ripe plums, halved\",\"200 g flour\"],\"recipeInstructions\":"
        "[{\"@type\":\"HowToStep\",\"text\":\"Rub the butter into the flour until "
        "it looks like fine crumbs.\"},{\"@type\":\"HowToStep\",\"text\":\"Press "
        "the dough into a buttered tin and cover it with the plums.\"},"
        "{\"@type\":\"HowToStep\",\"text\":\"Bake for forty minutes, until the "
        "edges are brown and the fruit is soft.\"}]}</script>";
    static const char body[] =
        "</head><body><div class=\"reader-photos\">"
        "<p>Photo one by a reader, taken in the kitchen, with the cake, the tin, "
        "the plums and a cup of tea beside it, in the light of the morning.</p>"
        "<p>Photo two by a reader, taken at a party, with the cake, the cream, "
        "the guests and the candles, on a long table in the garden.</p>"
        "<p>Photo three by a reader, taken outdoors, with the cake, a basket, "
        "a blanket and the dog, on a hill above the town, in summer.</p>"
        "<p>Photo four by a reader, taken at a fair, with the cake, a ribbon, "
        "a judge and a crowd, beside the tent, in the rain, at noon.</p>"
        "</div><div class=\"recipe\"><h2>Method</h2>"
        "<p>Rub the butter into the flour until it looks like fine crumbs.</p>"
        "<p>Press the dough into a buttered tin and cover it with the plums.</p>"
        "<p>Bake for forty minutes, until the edges are brown and the fruit is soft and sticky.</p>"
        "</div></body></html>";
    char html[sizeof head + sizeof ld + sizeof body];
    np_document *d;
    const char *b;
    size_t n;

    n = (size_t)snprintf(html, sizeof html, "%s%s%s", head, ld, body);
    d = parse_html(html, n);
    b = np_document_body(d, NULL);
    ck_assert_int_eq(np_document_is_article(d), 1);
    ck_assert_msg(strstr(b, "Bake for forty minutes") != NULL, "body:\n%s", b);
    ck_assert_msg(strstr(b, "Photo two by a reader") == NULL, "gallery in body:\n%s", b);
    np_document_free(d);

    /* without the JSON-LD the gallery scores best */
    n = (size_t)snprintf(html, sizeof html, "%s%s", head, body);
    d = parse_html(html, n);
    b = np_document_body(d, NULL);
    ck_assert_msg(strstr(b, "Photo two by a reader") != NULL, "body:\n%s", b);
    np_document_free(d);
}
END_TEST

/* A subtree of the chosen article whose class reads as boilerplate
 * ("header") but which holds a good part of the JSON-LD text of the
 * article (a recipe's ingredients table) stays in the body; without the
 * JSON-LD the class drops it, and a header of the page that holds none of
 * that text stays out either way. */
START_TEST(jsonld_text_keeps_a_linked_list)
{
    /* ingredients each linked to a page of their own: a list all links,
     * which the conditional cleaning drops, unless the JSON-LD shows it
     * is the recipe's */
    static const char head[] =
        "<html><head><title>Plum cake</title>";
    static const char ld[] =
        "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
        "\"@type\":\"Recipe\",\"name\":\"Plum cake\",\"recipeIngredient\":"
        "[\"500 g ripe plums, halved and stoned\",\"200 g plain flour, sifted twice\","
        "\"100 g cold butter, in small cubes\",\"75 g golden caster sugar\"],"
        "\"recipeInstructions\":\"Rub the butter into the flour until it looks like "
        "fine crumbs, then press the dough into a buttered tin and cover it with the "
        "plums.\"}</script>";
    static const char body[] =
        "</head><body><div class=\"recipe\"><h2>Plum cake</h2>"
        "<p>This is the cake my grandmother baked every September, when the "
        "plums in her garden were ripe, heavy and sweet, and too many to eat.</p>"
        "<ul class=\"ingredients\">"
        "<li><a href=\"/i/plums\">500 g ripe plums, halved and stoned</a></li>"
        "<li><a href=\"/i/flour\">200 g plain flour, sifted twice</a></li>"
        "<li><a href=\"/i/butter\">100 g cold butter, in small cubes</a></li>"
        "<li><a href=\"/i/sugar\">75 g golden caster sugar</a></li></ul>"
        "<p>Rub the butter into the flour until it looks like fine crumbs, then "
        "press the dough into a buttered tin and cover it with the plums.</p>"
        "<p>Serve it warm, with cream, or cold the next day, with a cup of tea, "
        "when the crumbs have soaked up the juice of the fruit.</p>"
        "</div></body></html>";
    char html[sizeof head + sizeof ld + sizeof body];
    np_document *d;
    const char *b;
    size_t n;

    n = (size_t)snprintf(html, sizeof html, "%s%s%s", head, ld, body);
    d = parse_html(html, n);
    b = np_document_body(d, NULL);
    ck_assert_msg(strstr(b, "200 g plain flour, sifted twice") != NULL, "body:\n%s", b);
    ck_assert_msg(strstr(b, "cup of tea") != NULL, "body:\n%s", b);
    np_document_free(d);

    n = (size_t)snprintf(html, sizeof html, "%s%s", head, body);
    d = parse_html(html, n);
    b = np_document_body(d, NULL);
    ck_assert_msg(strstr(b, "cup of tea") != NULL, "body:\n%s", b);
    ck_assert_msg(strstr(b, "200 g plain flour") == NULL, "body:\n%s", b);
    np_document_free(d);
}
END_TEST

START_TEST(jsonld_text_keeps_a_header_classed_part)
{
    static const char head[] =
        "<html><head><title>Plum cake</title>";
    static const char ld[] =
        "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
        "\"@type\":\"Recipe\",\"name\":\"Plum cake\",\"recipeIngredient\":"
        "[\"500 g ripe plums, halved and stoned\",\"200 g plain flour, sifted twice\","
        "\"100 g cold butter, in small cubes\",\"75 g golden caster sugar\"],"
        "\"recipeInstructions\":[{\"@type\":\"HowToStep\",\"text\":\"Rub the butter "
        "into the flour until it looks like fine crumbs.\"},{\"@type\":\"HowToStep\","
        "\"text\":\"Press the dough into a buttered tin and cover it with the "
        "plums.\"}]}</script>";
    static const char body[] =
        "</head><body><div class=\"site-header\"><p>Kitchen Notes, recipes "
        "from our readers since the spring of the year we began.</p></div>"
        "<div class=\"recipe\"><h2>Plum cake</h2>"
        "<p>This is the cake my grandmother baked every September, when the "
        "plums in her garden were ripe, heavy and sweet, and too many to eat.</p>"
        "<table class=\"ingredients-header\"><tr><td>500 g ripe plums, halved and stoned</td></tr>"
        "<tr><td>200 g plain flour, sifted twice</td></tr>"
        "<tr><td>100 g cold butter, in small cubes</td></tr>"
        "<tr><td>75 g golden caster sugar</td></tr></table>"
        "<p>Rub the butter into the flour until it looks like fine crumbs.</p>"
        "<p>Press the dough into a buttered tin and cover it with the plums.</p>"
        "<p>Serve it warm, with cream, or cold the next day, with a cup of tea, "
        "when the crumbs have soaked up the juice of the fruit.</p>"
        "</div></body></html>";
    char html[sizeof head + sizeof ld + sizeof body];
    np_document *d;
    const char *b;
    size_t n;

    n = (size_t)snprintf(html, sizeof html, "%s%s%s", head, ld, body);
    d = parse_html(html, n);
    b = np_document_body(d, NULL);
    ck_assert_int_eq(np_document_is_article(d), 1);
    ck_assert_msg(strstr(b, "200 g plain flour, sifted twice") != NULL, "body:\n%s", b);
    ck_assert_msg(strstr(b, "Press the dough") != NULL, "body:\n%s", b);
    ck_assert_msg(strstr(b, "Kitchen Notes") == NULL, "page header in body:\n%s", b);
    np_document_free(d);

    /* without the JSON-LD the class drops the table */
    n = (size_t)snprintf(html, sizeof html, "%s%s", head, body);
    d = parse_html(html, n);
    b = np_document_body(d, NULL);
    ck_assert_msg(strstr(b, "Press the dough") != NULL, "body:\n%s", b);
    ck_assert_msg(strstr(b, "200 g plain flour") == NULL, "body:\n%s", b);
    np_document_free(d);
}
END_TEST

/* A page whose best-scoring block is a short line of a positive class
 * (under 140 characters) while its prose sits in blocks of another
 * section: rather than nothing, the block holding most of the page's
 * prose paragraphs is the body. */
START_TEST(densest_prose_when_nothing_else)
{
    static const char html[] =
        "<html><head><title>Advertise with us</title></head><body>"
        "<section><div class=\"text-center\"><h2>Reach the town</h2><p>Tell the town about what you do: we put your words where people read them every day.</p></div></section>"
        "<section><div class=\"wrap\"><div class=\"slider\">"
        "<div class=\"slide\"><p>\"Our bakery had its busiest month ever after the first week of ads, and most of the new customers told us they had seen us on the app while waiting for the bus.\"</p></div>"
        "<div class=\"slide\"><p>\"We were unsure at first, because we had never advertised before, but the team helped us write the posts and the replies from students were kind and curious.\"</p></div>"
        "<div class=\"slide\"><p>\"The bike shop now runs a small post every Friday, and the workshop is booked two weeks ahead; we would not go back to flyers in letterboxes.\"</p></div>"
        "</div></div></section>"
        "</body></html>";
    np_document *d = parse_html(html, sizeof html - 1);
    const char *b = np_document_body(d, NULL);
    ck_assert_int_eq(np_document_is_article(d), 1);
    ck_assert_msg(strstr(b, "Our bakery had its busiest month") != NULL, "body:\n%s", b);
    ck_assert_msg(strstr(b, "flyers in letterboxes") != NULL, "body:\n%s", b);
    np_document_free(d);
}
END_TEST

START_TEST(listing_is_not_an_article)
{
    np_document *d = parse_html_file("tests/data/extract/listing.html", NULL);
    ck_assert_int_eq(np_document_is_article(d), 0);
    ck_assert_str_eq(np_document_body(d, NULL), "");
    np_document_free(d);
}
END_TEST

START_TEST(bundled_page)
{
    np_document *d = parse_html_file("examples/data/article.html", NULL);
    const char *body = np_document_body(d, NULL);
    ck_assert_str_eq(np_document_title(d), SEED_TITLE);
    ck_assert_str_eq(np_document_site_name(d), "The Daily Ledger");
    ck_assert_str_eq(np_document_language(d), "en");
    ck_assert(strncmp(np_document_published(d), "2022-02-21", 10) == 0);
    ck_assert_str_eq(np_document_description(d), SEED_STANDFIRST);
    /* the standfirst repeats the description and stays in the body */
    ck_assert(strncmp(body, SEED_STANDFIRST "\n\nOn Sunday, French President Emmanuel Macron",
                      strlen(SEED_STANDFIRST) + 45) == 0);
    ck_assert_ptr_nonnull(strstr(body, "continue to attack."));
    ck_assert_uint_eq(np_document_block_count(d), 11);
    ck_assert_str_eq(np_document_image_src(d, 0),
                     "https://dailyledger.example.org/media/2022/02/macron-call-1200x675.jpg");
    ck_assert_str_eq(np_document_image_credit(d, 0), "IMAGE SOURCE: POLITICO EU");
    np_document_free(d);
}
END_TEST

START_TEST(tweet_in_social_box_kept)
{
    static const char html[] =
        "<html><body><div class=\"story\">"
        "<p>The campaign drew attention online on Monday, with many people "
        "sharing the slogan and asking how much it had cost the state.</p>"
        "<div class=\"social-media-embed\"><blockquote class=\"twitter-tweet\">"
        "<p>Yes this is real and the state paid for it: a long look at the ads.</p>"
        "&mdash; A Person (@aperson)</blockquote></div>"
        "<p>The governor defended the campaign, saying it had started the "
        "conversation the state needed to have about the drug and its harm.</p>"
        "</div></body></html>";
    np_document *d = parse_html(html, sizeof html - 1);
    ck_assert_ptr_nonnull(strstr(np_document_body(d, NULL), "Yes this is real"));
    np_document_free(d);
}
END_TEST

START_TEST(furniture_lines_dropped)
{
    static const char html[] =
        "<html><body><div class=\"story\">"
        "<p>By Jane Doe</p>"
        "<p>Updated 1:39 am EST, Wednesday, November 20, 2019</p>"
        "<p>The museum will open a new wing next spring, its director said on "
        "Tuesday, after a decade of fundraising and two years of building.</p>"
        "<p>The wing will hold the museum's collection of maps, most of which "
        "have never been shown, and a reading room open to the public.</p>"
        "<p>Advertisement</p>"
        "<p>By Tuesday night the storm had passed.</p>"
        "<p>Share prices fell on Monday.</p><p>Share</p><p>Tags: museum, maps</p>"
        "<p>The Paper | 04.05.2015 \xc3\xa0 13h36 | Par Jean Dupont</p>"
        "<p>Entry will be free on the first Sunday of every month, as it is "
        "for the rest of the museum, the director added.</p>"
        "<p>John Roe contributed reporting.</p>"
        "<p>COPYRIGHT \xc2\xa9 2019 The Paper. All rights reserved. This material "
        "may not be published, broadcast, rewritten or redistributed in any form "
        "without the prior written permission of the publisher, except for short "
        "quotations in reviews.</p>"
        "</div></body></html>";
    np_document *d = parse_html(html, sizeof html - 1);
    const char *body = np_document_body(d, NULL);
    ck_assert_uint_eq(np_document_block_count(d), 5);
    ck_assert_ptr_nonnull(strstr(body, "By Tuesday night the storm had passed."));
    ck_assert_ptr_nonnull(strstr(body, "Share prices fell on Monday."));
    ck_assert_ptr_null(strstr(body, "Tags"));
    ck_assert_ptr_null(strstr(body, "Dupont"));
    ck_assert_ptr_null(strstr(body, "Jane Doe"));
    ck_assert_ptr_null(strstr(body, "Updated"));
    ck_assert_ptr_null(strstr(body, "Advertisement"));
    ck_assert_ptr_null(strstr(body, "contributed reporting"));
    ck_assert_ptr_null(strstr(body, "All rights reserved"));
    np_document_free(d);
}
END_TEST

START_TEST(article_wrapper_not_cleaned_away)
{
    /* the wrapper of the whole story ends with a list of linked topics:
     * by the conditional cleaning's counts alone it is a list of links,
     * but it holds most of the chosen root's text, so it is the article */
    static const char html[] =
        "<html><body><div id=\"page\"><div class=\"entry\">"
        "<p>The river rose by two metres overnight, and <a href=\"/c\">the "
        "town council</a> opened its shelters to the families of the lower "
        "streets.</p>"
        "<p>By morning the water had reached <a href=\"/b\">the old bridge</a>, "
        "where volunteers filled sandbags until the police closed the road.</p>"
        "<p>The weather service expects the level to fall again by Friday, "
        "if the rain upstream eases as forecast.</p>"
        "<ul><li><a href=\"/1\">Shelters open</a></li><li><a href=\"/2\">Roads "
        "closed</a></li><li><a href=\"/3\">Schools shut</a></li><li><a "
        "href=\"/4\">Trains stopped</a></li><li><a href=\"/5\">Power cut</a>"
        "</li><li><a href=\"/6\">Volunteers</a></li></ul>"
        "</div></div></body></html>";
    np_document *d = parse_html(html, sizeof html - 1);
    const char *body = np_document_body(d, NULL);
    ck_assert_int_eq(np_document_is_article(d), 1);
    ck_assert_ptr_nonnull(strstr(body, "The river rose by two metres"));
    ck_assert_ptr_nonnull(strstr(body, "if the rain upstream eases"));
    np_document_free(d);
}
END_TEST

START_TEST(noscript_text_when_script_draws_the_article)
{
    /* the article is drawn by a script from a template; browsers without
     * scripts get the same text in a noscript element */
    static const char html[] =
        "<html><body><div class=\"post\"><h2>Safer browsing</h2>"
        "<div class=\"post-body\"><script type=\"text/template\">"
        "<p>Template copy of the article.</p></script>"
        "<noscript><p>In recent months threats on the web have become "
        "more varied, and protection that suits every user no longer "
        "suffices for those most at risk.</p><p>The new mode checks "
        "addresses against a list kept up to date in real time, which "
        "catches sites that change their domain every few minutes.</p>"
        "</noscript></div></div>"
        "<noscript><p>Please enable scripts.</p></noscript></body></html>";
    static const char plain[] =
        "<html><body><div class=\"post\"><p>Short note.</p>"
        "<noscript><p>Please enable scripts to see the comments of this page, "
        "which are drawn by a script.</p></noscript></div></body></html>";
    np_document *d = parse_html(html, sizeof html - 1);
    const char *body = np_document_body(d, NULL);
    ck_assert_int_eq(np_document_is_article(d), 1);
    ck_assert_ptr_nonnull(strstr(body, "In recent months threats"));
    ck_assert_ptr_nonnull(strstr(body, "every few minutes."));
    ck_assert_ptr_null(strstr(body, "Template copy"));
    np_document_free(d);
    /* a noscript of a few words never stands for an article */
    d = parse_html(plain, sizeof plain - 1);
    ck_assert_ptr_null(strstr(np_document_body(d, NULL), "enable scripts"));
    np_document_free(d);
}
END_TEST

START_TEST(link_line_showing_address_kept)
{
    /* a short line that is all link: a teaser of another story goes, a
     * source that shows its address stays */
    static const char html[] =
        "<html><body><div class=\"story\">"
        "<p>The council approved the new cycle lanes on Tuesday, after a year "
        "of consultation with residents and the shops along the route.</p>"
        "<p><a href=\"/news/other-story\">Read more: Bus fares to rise in spring</a></p>"
        "<p>Work on the first section starts in March and should be finished "
        "before the summer holidays, the council said in a statement.</p>"
        "<p>The plan: <a href=\"https://www.example.org/plan\">www.example.org/plans/cycle-lanes</a></p>"
        "</div></body></html>";
    np_document *d = parse_html(html, sizeof html - 1);
    const char *body = np_document_body(d, NULL);
    ck_assert_ptr_nonnull(strstr(body, "www.example.org/plans/cycle-lanes"));
    ck_assert_ptr_null(strstr(body, "Bus fares"));
    np_document_free(d);
}
END_TEST

START_TEST(trailing_label_dropped)
{
    /* a short line closing the article heads something left out (a list
     * of other stories); a sign-off with a figure or an address, and a
     * sentence without its full stop, stay */
    static const char html[] =
        "<html><body><div class=\"story\">"
        "<p>The council approved the new cycle lanes on Tuesday, after a year "
        "of consultation with residents and the shops along the route.</p>"
        "<p>Work on the first section starts in March and should be finished "
        "before the summer holidays, the council said in a statement.</p>"
        "<p>%s</p>"
        "<ul><li><a href=\"/a\">Bus fares to rise in spring</a></li>"
        "<li><a href=\"/b\">New bridge opens</a></li></ul>"
        "</div></body></html>";
    static const char *const gone[] = { "More on this topic", "Read these next:" };
    static const char *const kept[] = {
        "Without the lanes, nothing moves", "Plans at example.org/lanes",
        "Phase 2 in May"
    };
    char buf[2048];
    size_t k;
    for (k = 0; k < 2 + 3; k++) {
        const char *line = k < 2 ? gone[k] : kept[k - 2];
        np_document *d;
        const char *body;
        snprintf(buf, sizeof buf, html, line);
        d = parse_html(buf, strlen(buf));
        body = np_document_body(d, NULL);
        ck_assert_ptr_nonnull(strstr(body, "in a statement."));
        if (k < 2)
            ck_assert_ptr_null(strstr(body, line));
        else
            ck_assert_ptr_nonnull(strstr(body, line));
        np_document_free(d);
    }
}
END_TEST

START_TEST(trailing_promo_dropped)
{
    /* a closing line that links to the site's channels elsewhere (a
     * messenger channel, an app store, a newsletter form) goes, with a
     * label after it; the same line inside the article, a last line
     * linking to a post as its source, or to a story whose address only
     * mentions subscriptions, stays */
    static const char html[] =
        "<html><body><div class=\"story\">"
        "<p>The council approved the new cycle lanes on Tuesday, after a year "
        "of consultation with residents and the shops along the route.</p>"
        "%s"
        "<p>Work on the first section starts in March and should be finished "
        "before the summer holidays, the council said in a statement.</p>"
        "%s"
        "</div></body></html>";
    static const char *const promo[] = {
        "<p>Join our channel on <a href=\"https://t.me/ourpaper\">Telegram</a>.</p>",
        ("<p>Download our apps for <a href=\"https://apps.apple.com/app/id1\">iOS</a> and "
         "<a href=\"https://play.google.com/store/apps/details?id=x\">Android</a>.</p><p>More</p>"),
        "<p>Want every story? <a href=\"/newsletter/signup\">Sign up here</a></p>",
    };
    static const char *const source[] = {
        "<p>The mayor announced the date of the opening <a href=\"https://twitter.com/mayor/status/1\">on Twitter</a>.</p>",
        "<p>Read about <a href=\"/news/streaming-subscriptions-are-rising-again\">prices</a> here.</p>",
    };
    char buf[4096];
    size_t k;
    for (k = 0; k < 3; k++) {
        np_document *d;
        const char *body;
        /* last: dropped */
        snprintf(buf, sizeof buf, html, "", promo[k]);
        d = parse_html(buf, strlen(buf));
        body = np_document_body(d, NULL);
        ck_assert_ptr_nonnull(strstr(body, "in a statement."));
        ck_assert_msg(strstr(body, "in a statement.")[15] == '\0', "promo %zu kept: %s", k, body);
        np_document_free(d);
        /* inside: kept */
        snprintf(buf, sizeof buf, html, promo[k], "");
        d = parse_html(buf, strlen(buf));
        body = np_document_body(d, NULL);
        ck_assert_ptr_nonnull(strstr(body, "in a statement."));
        ck_assert_msg(strstr(body, k == 0 ? "Join our" : k == 1 ? "Download our" : "Want every") != NULL,
                      "promo %zu dropped inside: %s", k, body);
        np_document_free(d);
    }
    for (k = 0; k < 2; k++) {
        np_document *d;
        snprintf(buf, sizeof buf, html, "", source[k]);
        d = parse_html(buf, strlen(buf));
        ck_assert_ptr_nonnull(strstr(np_document_body(d, NULL), k == 0 ? "on Twitter." : "prices here."));
        np_document_free(d);
    }
}
END_TEST

START_TEST(disclosures_dropped)
{
    /* an advertiser's or affiliate's note, marked by its class, is no
     * article text, in a paragraph or a box of its own */
    static const char html[] =
        "<html><body><div class=\"story\">"
        "<p class=\"ad-disclosure\">Advertising disclosure: we may receive "
        "compensation for some of the links in our stories.</p>"
        "<p>The council approved the new cycle lanes on Tuesday, after a year "
        "of consultation with residents and the shops along the route.</p>"
        "<p>Work on the first section starts in March and should be finished "
        "before the summer holidays, the council said in a statement.</p>"
        "<div class=\"affiliate-disclosure\"><p>We earn a commission when you "
        "buy through the links on this page, at no cost to you.</p></div>"
        "</div></body></html>";
    np_document *d = parse_html(html, sizeof html - 1);
    const char *body = np_document_body(d, NULL);
    ck_assert_ptr_nonnull(strstr(body, "cycle lanes"));
    ck_assert_ptr_nonnull(strstr(body, "in a statement."));
    ck_assert_ptr_null(strstr(body, "compensation"));
    ck_assert_ptr_null(strstr(body, "commission"));
    np_document_free(d);
}
END_TEST

START_TEST(header_class_inside_main)
{
    /* "header" in a class is the page's header outside <main> and
     * <article>, and left out; inside them it is the article's own,
     * with its standfirst */
    static const char html[] =
        "<html><body><div class=\"site-header\"><div class=\"%s\">"
        "<p>Our city, our news: the paper of the valley since 1901, read every "
        "morning by more than forty thousand households.</p></div></div>"
        "<%s><div class=\"m-intro-header\"><h1>Cycle lanes approved</h1>"
        "<p class=\"a-lead\">The council backed the plan by a large majority, "
        "after a year of consultation with residents, shops and the bus company, "
        "and the first section opens in summer.</p></div>"
        "<div class=\"story\">"
        "<p>The council approved the new cycle lanes on Tuesday, after a year "
        "of consultation with residents and the shops along the route.</p>"
        "<p>Work on the first section starts in March and should be finished "
        "before the summer holidays, the council said in a statement, adding "
        "that the route would be marked, lit and swept in winter.</p>"
        "<p>Residents along the route, who had asked for parking to stay, were "
        "promised a new car park behind the station, to be built next year.</p>"
        "</div></%s></body></html>";
    static const char *const wrap[] = { "main", "article", "div" };
    char buf[4096];
    size_t k;
    for (k = 0; k < 3; k++) {
        np_document *d;
        const char *body;
        snprintf(buf, sizeof buf, html, "inner", wrap[k], wrap[k]);
        d = parse_html(buf, strlen(buf));
        body = np_document_body(d, NULL);
        ck_assert_ptr_nonnull(strstr(body, "in a statement"));
        ck_assert_ptr_null(strstr(body, "paper of the valley"));
        if (k < 2)
            ck_assert_msg(strstr(body, "large majority") != NULL, "lead left out in <%s>: %s", wrap[k], body);
        else
            ck_assert_ptr_null(strstr(body, "large majority"));
        np_document_free(d);
    }
}
END_TEST

START_TEST(class_words_at_a_boundary)
{
    /* a wrapper whose class only names a menu script (mmenu) is no
     * menu: its paragraphs stay; "sidebar" and "left-sidebar" are
     * sidebars, and "comments" the comments */
    static const char html[] =
        "<html><body><div class=\"page\">"
        "<p>The council approved the new cycle lanes on Tuesday, after a year "
        "of consultation with residents and the shops along the route, and "
        "after two public meetings that filled the town hall.</p>"
        "<p>Work on the first section starts in March and should be finished "
        "before the summer holidays, the council said in a statement, adding "
        "that buses would be diverted for six weeks.</p>"
        "<p>Shop owners on the high street, who had opposed the plan at first, "
        "said they would watch the effect on trade closely, while cyclists "
        "welcomed the decision as long overdue.</p>"
        "<div class=\"grid mmenu-page\"><p>The second section, along the "
        "river, depends on a grant from the regional government, which is "
        "expected to decide on it by the end of the year.</p></div>"
        "<div class=\"sidebar\"><p>SIDEBAR one: the most read stories of the "
        "week, collected for you by our editors every morning.</p></div>"
        "<div class=\"left-sidebar\"><p>SIDEBAR two: the most read stories of "
        "the week, collected for you by our editors every morning.</p></div>"
        "<div id=\"comments\"><p>SIDEBAR three: a reader wrote that the lanes "
        "were a waste of money and that nobody would ever use them.</p></div>"
        "</div></body></html>";
    np_document *d = parse_html(html, sizeof html - 1);
    const char *body = np_document_body(d, NULL);
    ck_assert_ptr_nonnull(strstr(body, "in a statement"));
    ck_assert_msg(strstr(body, "depends on a grant") != NULL, "wrapper left out:\n%s", body);
    ck_assert_msg(strstr(body, "SIDEBAR") == NULL, "sidebar in body:\n%s", body);
    np_document_free(d);
}
END_TEST

START_TEST(class_words_that_modify)
{
    /* "has-comments", "with-sidebar-right", "after-header": the page's
     * columns, which hold the comments or a sidebar or follow the
     * header, are neither; "comments" is the comments themselves, left
     * out (read as boilerplate, the wrapper would leave the article out
     * too, and the second attempt let the comments in with it) */
    static const char *const wrappers[] = {
        "layout with-sidebar-right", "page has-comments", "after-header",
        "grid for_sidebar"
    };
    size_t k;
    for (k = 0; k < sizeof wrappers / sizeof *wrappers; k++) {
        char html[2048];
        np_document *d;
        const char *body;
        snprintf(html, sizeof html,
                 "<html><body><div class=\"%s\"><div class=\"main-col\">"
                 "<p>The council approved the new cycle lanes on Tuesday, after "
                 "a year of consultation with residents and the shops along "
                 "the route, and after two public meetings.</p>"
                 "<p>Work on the first section starts in March and should be "
                 "finished before the summer holidays, the council said in a "
                 "statement, adding that buses would be diverted.</p>"
                 "</div><div class=\"comments\"><p>COMMENT: I live on that "
                 "street, and I can tell you that nobody asked us, whatever "
                 "the council says about its meetings, and the buses will be "
                 "a nightmare for months.</p><p>COMMENT: About time too, the "
                 "old road was dangerous for anyone on a bike, and my children "
                 "will finally be able to ride to school.</p></div>"
                 "</div></body></html>", wrappers[k]);
        d = parse_html(html, strlen(html));
        body = np_document_body(d, NULL);
        ck_assert_msg(strstr(body, "in a statement") != NULL, "%s: article left out:\n%s",
                      wrappers[k], body);
        ck_assert_msg(strstr(body, "COMMENT") == NULL, "%s: comments in body:\n%s",
                      wrappers[k], body);
        np_document_free(d);
    }
}
END_TEST

START_TEST(plain_lists_stay)
{
    /* a list of short plain items (ingredients, the points of a rule)
     * scores below nothing by its tag (Readability's -3 for a list) and
     * was dropped as negative; a list of links still goes */
    static const char html[] =
        "<html><body><div class=\"story\">"
        "<p>This cake is the easiest one we know, and it keeps for three days "
        "in the fridge, if anyone leaves some of it for later.</p>"
        "<ul><li><p>125 g flour sifted twice before use</p></li>"
        "<li><p>65 g sugar white or light brown</p></li>"
        "<li><p>65 g soft butter or margarine</p></li></ul>"
        "<p>Mix the flour, the sugar and the butter with the egg until the "
        "dough is smooth, then press it into the tin and bake it.</p>"
        "<p>Let it cool for an hour before you cut it, or it will break, "
        "however good it smells when it comes out of the oven.</p>"
        "<ul><li><a href=\"/a\">LINKED one</a></li><li><a href=\"/b\">LINKED "
        "two</a></li><li><a href=\"/c\">LINKED three</a></li></ul>"
        "</div></body></html>";
    np_document *d = parse_html(html, sizeof html - 1);
    const char *body = np_document_body(d, NULL);
    ck_assert_msg(strstr(body, "65 g sugar") != NULL, "ingredients left out:\n%s", body);
    ck_assert_msg(strstr(body, "125 g flour") != NULL, "ingredients left out:\n%s", body);
    ck_assert_msg(strstr(body, "LINKED") == NULL, "link list in body:\n%s", body);
    np_document_free(d);
}
END_TEST

START_TEST(buttons_are_no_form)
{
    /* a part of the article with buttons and hidden fields (a gallery,
     * a player) stays; one with fields to fill in is a form and goes */
    static const char html[] =
        "<html><body><div class=\"story\">"
        "<p>The council approved the new cycle lanes on Tuesday, after a year "
        "of consultation with residents and the shops along the route.</p>"
        "<p>Work on the first section starts in March and should be finished "
        "before the summer holidays, the council said in a statement.</p>"
        "<div><p>The lanes will run from the station to the harbour.</p>"
        "%s</div>"
        "<p>Residents can see the plans at the town hall until the end of "
        "the month, where officials will answer questions on Thursdays.</p>"
        "</div></body></html>";
    char buf[2048];
    np_document *d;
    snprintf(buf, sizeof buf, html,
             "<button>Previous</button><button>Next</button>"
             "<input type=\"hidden\" name=\"a\"><input type=\"submit\">");
    d = parse_html(buf, strlen(buf));
    ck_assert_ptr_nonnull(strstr(np_document_body(d, NULL), "to the harbour."));
    np_document_free(d);
    snprintf(buf, sizeof buf, html,
             "<input type=\"text\" name=\"a\"><input name=\"b\"><textarea></textarea>");
    d = parse_html(buf, strlen(buf));
    ck_assert_ptr_null(strstr(np_document_body(d, NULL), "to the harbour."));
    ck_assert_ptr_nonnull(strstr(np_document_body(d, NULL), "on Thursdays."));
    np_document_free(d);
}
END_TEST

START_TEST(jsonld_body_when_markup_shows_little)
{
    /* the markup shows a caption only, the article is in the JSON-LD,
     * after four other scripts of JSON-LD: the JSON-LD's text, three
     * times longer, is the body; beside an article the markup shows,
     * the JSON-LD is not read */
    static const char head[] =
        "<html><head>"
        "<script type=\"application/ld+json\">{\"@type\":\"Organization\",\"name\":\"Paper\"}</script>"
        "<script type=\"application/ld+json\">{\"@type\":\"WebSite\",\"name\":\"Paper\"}</script>"
        "<script type=\"application/ld+json\">{\"@type\":\"WebPage\",\"name\":\"Late train\"}</script>"
        "<script type=\"application/ld+json\">{\"@type\":\"BreadcrumbList\"}</script>"
        "<script type=\"application/ld+json\">{\"@context\":"
        "\"https://schema.org\",\"@type\":\"NewsArticle\",\"headline\":\"Late"
        " train\",\"articleBody\":\"The last train of the night will run an "
        "hour later from next month, the rail company said on Tuesday, after "
        "complaints from people who work late in the city centre.\n"
        "The change will cost little, it said, because the trains already "
        "run to the depot at that hour, empty, and can stop on the way to pick "
        "up passengers at the main stations of the line.\n"
        "Unions welcomed the change but asked for more staff on the platforms "
        "at night, saying that stations were often unmanned after ten.\"}"
        "</script></head><body><div class=\"story\">%s</div></body></html>";
    static const char caption[] =
        "<p>The last train leaving the central station, on the night of the "
        "vote, as seen from the footbridge over the tracks. Photo: Jane Doe</p>";
    static const char story[] =
        "<p>The last train leaving the central station, on the night of the "
        "vote, as seen from the footbridge over the tracks. Photo: Jane Doe</p>"
        "<p>Passengers who work late in the city centre have asked for a later "
        "train for years, and the council backed them last spring, when the "
        "timetable was last changed, after a petition of four thousand names.</p>"
        "<p>The rail company said the trains would stop at every station, and "
        "that the first month would show whether the hour suits those who "
        "asked for it, before the winter timetable is set.</p>";
    char buf[6000];
    np_document *d;
    snprintf(buf, sizeof buf, head, caption);
    d = parse_html(buf, strlen(buf));
    ck_assert_int_eq(np_document_is_article(d), 1);
    ck_assert(strncmp(np_document_body(d, NULL), "The last train of the night", 27) == 0);
    np_document_free(d);
    snprintf(buf, sizeof buf, head, story);
    d = parse_html(buf, strlen(buf));
    ck_assert_ptr_nonnull(strstr(np_document_body(d, NULL), "petition of four thousand"));
    ck_assert_ptr_null(strstr(np_document_body(d, NULL), "The last train of the night"));
    np_document_free(d);
}
END_TEST

START_TEST(jsonld_body_when_markup_has_none)
{
    /* a page drawn by scripts: its JSON-LD holds the article (with raw
     * line breaks inside the string, as pages often write it) */
    static const char html[] =
        "<html><head><script type=\"application/ld+json\">{\"@context\":"
        "\"https://schema.org\",\"@type\":\"NewsArticle\",\"headline\":\"Late"
        " train\",\"articleBody\":\"The last train of the night will run an "
        "hour later from next month, the rail company said on Tuesday, after "
        "complaints from people who work late in the city centre.\n"
        "The change will cost little, it said, because the trains already "
        "run to the depot at that hour, empty, and can stop on the way to pick "
        "up passengers at the main stations of the line.\n"
        "Unions welcomed the change but asked for more staff on the platforms "
        "at night, saying that stations were often unmanned after ten.\"}"
        "</script></head><body><div id=\"app\"></div>"
        "<noscript>Enable JavaScript</noscript></body></html>";
    np_document *d = parse_html(html, sizeof html - 1);
    ck_assert_int_eq(np_document_is_article(d), 1);
    ck_assert_uint_eq(np_document_block_count(d), 3);
    ck_assert(strncmp(np_document_body(d, NULL), "The last train of the night", 27) == 0);
    ck_assert_str_eq(np_document_title(d), "Late train");
    np_document_free(d);
}
END_TEST

START_TEST(unread_raw_text_left_out)
{
    /* Comments, styles and scripts without JSON never reach the tree (the
     * pre-pass drops them); markup-like text inside them must not leak
     * into the body, and a JSON-LD script in any case is still read. */
    static const char html[] =
        "<html><head><title>Page</title><style>p{color:red}</style>"
        "<script TYPE=\"Application/LD+JSON\">{\"@type\":\"NewsArticle\","
        "\"headline\":\"Bridge reopens\",\"author\":{\"@type\":\"Person\","
        "\"name\":\"Jane Roe\"}}</script>"
        "<script>var t = \"<p>Script words should never show</p>\";</script>"
        "</head><body><article><h1>Bridge reopens</h1>"
        "<p>The old bridge over the river reopened on Monday after two years"
        "<!-- <p>Comment words should never show</p> --> of repairs, the "
        "council said, and the first buses crossed it at six in the morning "
        "while a small crowd watched from the bank.</p>"
        "<SCRIPT type=\"text/javascript\">document.write('<p>More script "
        "words</p>')</SCRIPT>"
        "<p>Engineers replaced the deck and strengthened the piers, which had "
        "been damaged by floods, and the council says the bridge should now "
        "last another fifty years with ordinary care.</p></article>"
        "</body></html>";
    np_document *d = parse_html(html, sizeof html - 1);
    const char *body = np_document_body(d, NULL);
    ck_assert_ptr_nonnull(strstr(body, "two years of repairs"));
    ck_assert_ptr_null(strstr(body, "Script words"));
    ck_assert_ptr_null(strstr(body, "script words"));
    ck_assert_ptr_null(strstr(body, "Comment words"));
    ck_assert_ptr_null(strstr(body, "color"));
    ck_assert_ptr_nonnull(strstr(body, "fifty years"));
    ck_assert_str_eq(np_document_title(d), "Bridge reopens");
    ck_assert_ptr_nonnull(np_document_author(d, 0));
    ck_assert_str_eq(np_document_author(d, 0), "Jane Roe");
    np_document_free(d);
}
END_TEST

START_TEST(comments_cost_no_nodes)
{
    /* 5,000 comments and 4 elements under a limit of 100 nodes: the
     * comments never become nodes, so the page parses in full. */
    np_parse_options o = NP_PARSE_OPTIONS_INIT;
    np_parser *p = NULL;
    np_document *d = NULL;
    size_t i;
    np__buf b;
    memset(&b, 0, sizeof b);
    np__buf_puts(&b, "<html><body><p>Before the comments.</p>");
    for (i = 0; i < 5000; i++)
        np__buf_puts(&b, "<!-- a comment <p>not a paragraph</p> -->");
    np__buf_puts(&b, "<p>After the comments.</p></body></html>");
    ck_assert(!b.oom);
    o.max_nodes = 100;
    ck_assert_int_eq(np_parser_new(&p, &o), NP_OK);
    ck_assert_int_eq(np_parse_html(p, &d, b.ptr, b.len, NULL), NP_OK);
    ck_assert_int_eq(np_document_truncated(d), 0);
    ck_assert_ptr_null(strstr(np_document_body(d, NULL), "not a paragraph"));
    np_document_free(d);
    np_parser_free(p);
    np__buf_free(&b);
}
END_TEST

START_TEST(doctype_internal_subset_not_text)
{
    /* The declarations of a DOCTYPE's internal subset, and other bogus
     * comments (<!ENTITY ...> on their own, <![CDATA[...]]>), are not the
     * page's text (libxml2 alone reads them as text). */
    static const char *const heads[] = {
        "<!DOCTYPE html [\n<!ENTITY lol \"lol\">\n<!ENTITY lol1 \"&lol;&lol;]>\">\n"
        "<!-- a ]> comment -->\n]>\n",
        /* unterminated subset: each declaration is a bogus comment */
        "<!DOCTYPE html [\n<!ENTITY lol \"lol\">\n<!ENTITY lol1 \"&lol;&lol;\">\n",
    };
    static const char para[] =
        "<p>The old bridge over the river reopened on Monday after two years "
        "of repairs, the council said, and the first buses crossed it at six "
        "in the morning while a small crowd watched from the bank.</p>";
    size_t i;
    for (i = 0; i < sizeof heads / sizeof heads[0]; i++) {
        char page[2048];
        np_document *d;
        const char *body;
        int len = snprintf(page, sizeof page, "%s<html><body><article>%s"
                           "<![CDATA[ cdata words ]]>%s</article></body></html>",
                           heads[i], para, para);
        ck_assert_int_lt(len, (int)sizeof page);
        d = parse_html(page, (size_t)len);
        body = np_document_body(d, NULL);
        ck_assert_msg(strstr(body, "two years of repairs") != NULL, "case %zu: %s", i, body);
        ck_assert_msg(strstr(body, "ENTITY") == NULL, "case %zu: %s", i, body);
        ck_assert_msg(strstr(body, "&lol") == NULL && strstr(body, "lol1") == NULL,
                      "case %zu: %s", i, body);
        ck_assert_msg(strstr(body, "cdata words") == NULL, "case %zu: %s", i, body);
        np_document_free(d);
    }
}
END_TEST

/* ------------------------------------------- mis-nested markup */

/* The number of nodes an XPath expression selects in a tree. */
static int xpath_count(void *tree, const char *expr)
{
    xmlXPathContextPtr x = xmlXPathNewContext((xmlDocPtr)tree);
    xmlXPathObjectPtr r;
    int n;
    ck_assert_ptr_nonnull(x);
    r = xmlXPathEvalExpression((const xmlChar *)expr, x);
    ck_assert_ptr_nonnull(r);
    n = r->nodesetval ? r->nodesetval->nodeNr : 0;
    xmlXPathFreeObject(r);
    xmlXPathFreeContext(x);
    return n;
}

/* expr counted in the tree libxml2 builds alone (*plain) and in the load
 * stage's tree (the return value). */
static int count_both(const char *page, const char *expr, int *plain)
{
    np_test_stage st;
    np__buf utf8 = NP__BUF_INIT;
    void *tree;
    htmlDocPtr ref;
    int n;
    np_test_stage_open(&st, NULL);
    tree = np_test_stage_tree(&st, page, strlen(page), &utf8);
    ref = htmlReadMemory(page, (int)strlen(page), NULL, "UTF-8",
                         HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
                         HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
    ck_assert_ptr_nonnull(ref);
    *plain = xpath_count(ref, expr);
    n = xpath_count(tree, expr);
    xmlFreeDoc(ref);
    np__tree_free(tree);
    np__buf_free(&utf8);
    np_test_stage_close(&st);
    return n;
}

START_TEST(loader_keeps_the_attributes_read)
{
    /* the attributes no stage reads are left out of the tree, the others
     * kept as libxml2 reads them */
    static const char page[] =
        "<div id=\"a\" class=\"b\" onclick=\"go()\" data-ga=\"y\">"
        "<img data-src=\"p.jpg\" data-track=\"z\" alt=\"t\" hidden>"
        "<p style=\"color:red\" aria-label=\"l\" aria-hidden=\"true\">Text</p></div>";
    char big[2048];
    size_t n = 0;
    int i, plain;
    ck_assert_int_eq(count_both(page, "//@id|//@class|//@data-src|//@alt|//@hidden"
                                "|//@style|//@aria-hidden", &plain), 7);
    ck_assert_int_eq(plain, 7);
    ck_assert_int_eq(count_both(page, "//@onclick|//@data-ga|//@data-track"
                                "|//@aria-label", &plain), 0);
    ck_assert_int_eq(plain, 4);
    ck_assert(np__attr_read("class") && np__attr_read("data-src")
              && np__attr_read("type") && np__attr_read("alt"));
    ck_assert(!np__attr_read("onclick") && !np__attr_read("data-") && !np__attr_read("")
              && !np__attr_read("classes") && !np__attr_read(NULL));
    /* a tag with many attributes keeps the one read, wherever it is */
    n += (size_t)snprintf(big + n, sizeof big - n, "<div");
    for (i = 0; i < 40; i++)
        n += (size_t)snprintf(big + n, sizeof big - n, i == 33 ? " class=\"c\""
                              : " x%d=\"%d\"", i, i);
    snprintf(big + n, sizeof big - n, ">Text</div>");
    ck_assert_int_eq(count_both(big, "//@*", &plain), 1);
    ck_assert_int_eq(plain, 40);
    ck_assert_int_eq(count_both(big, "//div[@class='c']", &plain), 1);
}
END_TEST

START_TEST(misnested_end_tags_close_as_browsers_do)
{
    /* Each page leaves a div open inside an element whose end tag a
     * browser honours and libxml2 ignores: the story after it must not
     * become part of that element (libxml2 alone makes it so). */
    static const struct { const char *page, *expr; } cases[] = {
        /* a menu item with an unclosed drop-down */
        { "<nav><ul><li><a href=\"/\">Home</a><div class=\"dd\">Sub</li>"
          "<li><a href=\"/x\">X</a></li></ul></nav><p>The story.</p>",
          "//p[ancestor::nav or ancestor::li]" },
        /* a navigation bar */
        { "<body><nav><div class=\"bar\"><a href=\"/\">Home</a></nav>"
          "<article><p>The story.</p></article></body>",
          "//article[ancestor::nav]" },
        /* a button */
        { "<div><button><div>Menu</button><p>The story.</p></div>",
          "//p[ancestor::button]" },
        /* a header, a section, an aside, a figure */
        { "<header><div class=\"logo\">Site</header><p>The story.</p>",
          "//p[ancestor::header]" },
        { "<section><div>Intro</section><section><p>The story.</p></section>",
          "//section[ancestor::section]" },
        { "<aside><div>Ad</aside><p>The story.</p>", "//p[ancestor::aside]" },
        { "<figure><div><img src=\"a.jpg\"></figure><p>The story.</p>",
          "//p[ancestor::figure]" },
        /* a list and a form */
        { "<ul><li><div>one</ul><p>The story.</p>", "//p[ancestor::ul]" },
        { "<form><div><input name=\"q\"></form><p>The story.</p>",
          "//p[ancestor::form]" },
        /* a paragraph holding a div (inside an inline element) */
        { "<p>Lead <span><div>box</p><p>The story.</p>", "//p[ancestor::p]" },
        /* a heading */
        { "<h2><div>Title</h2><p>The story.</p>", "//p[ancestor::h2]" },
        /* a noscript (raw text to a browser that runs scripts) */
        { "<body><noscript><div id=\"nojs\"></noscript><div><p>The story.</p></div>",
          "//p[ancestor::noscript]" },
    };
    size_t i;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int plain, ours = count_both(cases[i].page, cases[i].expr, &plain);
        ck_assert_msg(plain > 0, "case %zu: libxml2 alone nests it", i);
        ck_assert_msg(ours == 0, "case %zu: %d nodes still mis-nested", i, ours);
    }
}
END_TEST

START_TEST(misnested_end_tags_keep_scope)
{
    int plain, ours;
    /* a </li> inside a table cell does not close the list item around the
     * table (a browser ignores it: the table bounds its scope) */
    ours = count_both("<ul><li><table><tr><td><div>cell</li>after</div></td></tr>"
                      "</table></li></ul>", "//td[contains(., 'after')]", &plain);
    ck_assert_int_eq(ours, 1);
    ck_assert_int_eq(plain, 1);
    /* a </li> does not close through a nested list to an outer item */
    ours = count_both("<ul><li>a<ul><div>x</li>y</div></ul></li></ul>",
                      "//ul/ul | //ul//ul[contains(., 'y')]", &plain);
    ck_assert_int_eq(ours, plain);
    /* nothing is closed when the element is not open */
    ours = count_both("<div><div>a</nav>b</div>c</div>", "//div/div[contains(., 'b')]",
                      &plain);
    ck_assert_int_eq(ours, 1);
    /* the page's own elements of the marker's name are left out */
    ours = count_both("<div><p>a<np-close x=\"div\"/>b</p>c</div>",
                      "//np-close | //div[contains(., 'c')]/p[contains(., 'b')]", &plain);
    ck_assert_int_eq(ours, 1);
    ck_assert_int_eq(plain, 2);
}
END_TEST

START_TEST(misnested_page_extracted)
{
    /* A menu whose items leave their drop-downs open used to swallow the
     * article (the rest of the page became part of the <nav>). */
    static const char html[] =
        "<html><body><nav><ul><li><a href=\"/\">Home</a><div class=\"dd\">"
        "<a href=\"/a\">A</a></li><li><a href=\"/b\">B</a><div>"
        "<a href=\"/c\">C</a></li></ul></nav><main><article><h1>Bridge</h1>"
        "<p>The old bridge over the river reopened on Monday after two years "
        "of repairs, the council said, and the first buses crossed it at six "
        "in the morning while a small crowd watched from the bank.</p>"
        "<p>Engineers replaced the deck and strengthened the piers, which had "
        "been damaged by floods, and the council says the bridge should now "
        "last another fifty years with ordinary care and regular checks.</p>"
        "<p>Traffic on the ring road, which carried the buses while the bridge "
        "was shut, is expected to fall by a third, the council's transport "
        "office said in a statement on Monday afternoon.</p>"
        "</article></main></body></html>";
    np_document *d = parse_html(html, sizeof html - 1);
    const char *body = np_document_body(d, NULL);
    ck_assert_int_eq(np_document_is_article(d), 1);
    ck_assert_ptr_nonnull(strstr(body, "two years of repairs"));
    ck_assert_ptr_nonnull(strstr(body, "fifty years"));
    ck_assert_ptr_null(strstr(body, "Home"));
    np_document_free(d);
}
END_TEST

/* ------------------------------------------------------- plain text */

START_TEST(seed_text_fields)
{
    char path[4096];
    size_t len, i;
    char *buf = np_test_read(np_test_path(path, sizeof path, "examples/data/article.txt"), &len);
    np_parser *p = NULL;
    np_document *d = NULL;
    const char *body;
    ck_assert_ptr_nonnull(buf);
    ck_assert_int_eq(np_parser_new(&p, NULL), NP_OK);
    ck_assert_int_eq(np_parse_text(p, &d, buf, len, NULL), NP_OK);
    body = np_document_body(d, NULL);
    ck_assert_str_eq(np_document_title(d), SEED_TITLE);
    ck_assert_str_eq(np_document_description(d), SEED_STANDFIRST);
    ck_assert_str_eq(np_document_published(d), "2022-02-21");
    ck_assert_str_eq(np_document_source(d, "published"), "text");
    ck_assert_uint_eq(np_document_image_count(d), 1);
    ck_assert_ptr_null(np_document_image_src(d, 0));
    ck_assert_str_eq(np_document_image_caption(d, 0), SEED_CAPTION);
    ck_assert_str_eq(np_document_image_credit(d, 0), "POLITICO EU");
    ck_assert_uint_eq(np_document_block_count(d), 10);
    ck_assert(strncmp(body, "On Sunday, French President", 27) == 0);
    ck_assert_ptr_null(strstr(body, "IMAGE SOURCE"));
    ck_assert_ptr_null(strstr(body, "gtag"));
    ck_assert_ptr_null(strstr(body, SEED_TITLE));
    ck_assert_ptr_null(strstr(body, "February 21, 2022"));
    for (i = 0; i < np_document_block_count(d); i++)
        ck_assert_int_eq(np_document_block_kind(d, i), NP_BLOCK_PARAGRAPH);
    ck_assert_int_eq(np_document_is_article(d), 1);
    np_document_free(d);
    np_parser_free(p);
    free(buf);
}
END_TEST

START_TEST(text_first_paragraph_kept)
{
    /* a short first line with no evidence of being a headline stays */
    np_document *d = parse_text(
        "Fox News Flash top entertainment headlines for Nov. 19\n\n"
        "Fox News Flash top entertainment and celebrity headlines are here.\n\n"
        "Check out what's clicking today in entertainment.");
    ck_assert_ptr_null(np_document_title(d));
    ck_assert_uint_eq(np_document_block_count(d), 3);
    np_document_free(d);
    /* a short sentence with a date is not a date line */
    d = parse_text("He died on March 3, 2019.\n\nHis family said the funeral would be private.");
    ck_assert_ptr_null(np_document_published(d));
    ck_assert_uint_eq(np_document_block_count(d), 2);
    np_document_free(d);
    /* angle brackets around a title are not markup */
    d = parse_text("<The Palace: Jang Noksu>\nA musical about a royal consort.");
    ck_assert_uint_eq(np_document_block_count(d), 2);
    np_document_free(d);
}
END_TEST

START_TEST(text_headline_byline_date)
{
    np_document *d = parse_text(
        "<div class=\"header\">\n"
        "Harbour Bridge Reopens After Repairs\n"
        "By Ann Writer and Bo Reed\n"
        "21 Feb 2022 09:15 GMT\n\n"
        "The harbour bridge reopened to traffic on Monday morning.\n\n"
        "Photo: Kim Lens\n\n"
        "Engineers replaced the deck joints.\n");
    ck_assert_str_eq(np_document_title(d), "Harbour Bridge Reopens After Repairs");
    ck_assert_str_eq(np_document_published(d), "2022-02-21T09:15:00+00:00");
    ck_assert_uint_eq(np_document_author_count(d), 2);
    ck_assert_str_eq(np_document_author(d, 1), "Bo Reed");
    ck_assert_uint_eq(np_document_block_count(d), 2);
    ck_assert_str_eq(np_document_image_credit(d, 0), "Kim Lens");
    np_document_free(d);
}
END_TEST

/* ----------------------------------------------------------- output */

START_TEST(markdown_and_html)
{
    np_document *d = parse_html_file("tests/data/extract/boilerplate.html",
                                     "https://coast.example.org/news/bridge");
    char *md = NULL, *html = NULL;
    size_t mlen = 0, hlen = 0;
    ck_assert_int_eq(np_document_to_markdown(d, 0, &md, &mlen), NP_OK);
    ck_assert_uint_eq(strlen(md), mlen);
    ck_assert(strncmp(md, "# Harbour bridge reopens after repairs\n", 39) == 0);
    ck_assert_ptr_nonnull(strstr(md, "\n## Traffic returns\n"));
    ck_assert_ptr_nonnull(strstr(md, "\n- The footway reopens"));
    ck_assert_ptr_nonnull(strstr(md, "\n- Cyclists will have"));
    ck_assert_ptr_nonnull(strstr(md, "\n> We are proud"));
    ck_assert_int_eq(np_document_to_html(d, 0, &html, &hlen), NP_OK);
    ck_assert_uint_eq(strlen(html), hlen);
    ck_assert_ptr_nonnull(strstr(html, "<h1>Harbour bridge reopens after repairs</h1>"));
    ck_assert_ptr_nonnull(strstr(html, "<h2>Traffic returns</h2>"));
    ck_assert_ptr_nonnull(strstr(html, "<ul>\n<li>The footway reopens"));
    ck_assert_ptr_nonnull(strstr(html, "<blockquote>\n<p>We are proud"));
    ck_assert_ptr_nonnull(strstr(html, "<img src=\"https://coast.example.org/img/bridge.jpg\""));
    ck_assert_ptr_null(strstr(html, "FURNITURE"));
    np_free(md);
    np_free(html);
    np_document_free(d);

    /* escaping */
    d = parse_text("1. a < b & *stars* [x] # not a heading");
    ck_assert_int_eq(np_document_to_markdown(d, 0, &md, NULL), NP_OK);
    ck_assert_str_eq(md, "1\\. a \\< b & \\*stars\\* \\[x\\] # not a heading\n");
    ck_assert_int_eq(np_document_to_html(d, 0, &html, NULL), NP_OK);
    ck_assert_ptr_nonnull(strstr(html, "<p>1. a &lt; b &amp; *stars* [x] # not a heading</p>"));
    np_free(md);
    np_free(html);
    np_document_free(d);

    ck_assert_int_eq(np_document_to_markdown(NULL, 0, &md, NULL), NP_EINVAL);
    ck_assert_ptr_null(md);
    ck_assert_int_eq(np_document_to_html(NULL, 0, &html, NULL), NP_EINVAL);
}
END_TEST

/* -------------------------------------------------------- bad input */

START_TEST(bad_input)
{
    static const char binary[] = "\x00\x01\x02\xff\xfe\xfd<p>\x00\x80\x81</p>";
    static const char invalid[] = "<html><body><p>Caf\xe9 \xc3\x28 \xed\xa0\x80 ok</p></body></html>";
    np_document *d;
    char *deep;
    size_t n, i;
    np_parser *p = NULL;

    d = parse_html("", 0);
    ck_assert_int_eq(np_document_is_article(d), 0);
    np_document_free(d);
    d = parse_html(binary, sizeof binary - 1);
    np_document_free(d);
    d = parse_html(invalid, sizeof invalid - 1);
    np_document_free(d);
    d = parse_text("");
    ck_assert_uint_eq(np_document_block_count(d), 0);
    np_document_free(d);
    d = parse_text("\n\n\n   \n\t\n");
    ck_assert_uint_eq(np_document_block_count(d), 0);
    np_document_free(d);

    /* very deep nesting: parsed (cut at the depth limit), no crash */
    n = 200000;
    deep = malloc(n * 5 + 64);
    ck_assert_ptr_nonnull(deep);
    for (i = 0; i < n; i++)
        memcpy(deep + i * 5, "<div>", 5);
    strcpy(deep + n * 5, "<p>deep text</p>");
    ck_assert_int_eq(np_parser_new(&p, NULL), NP_OK);
    np_parse_html(p, &d, deep, strlen(deep), NULL);
    np_document_free(d);
    d = NULL;

    /* many paragraphs: one article, every paragraph kept */
    {
        static const char para[] =
            "<p>Another paragraph of the long article, with commas, words, and a full stop.</p>";
        size_t count = 20000, k = sizeof para - 1;
        char *big = malloc(count * k + 64);
        ck_assert_ptr_nonnull(big);
        strcpy(big, "<html><body><div>");
        for (i = 0; i < count; i++)
            memcpy(big + 17 + i * k, para, k);
        strcpy(big + 17 + count * k, "</div></body></html>");
        ck_assert_int_eq(np_parse_html(p, &d, big, strlen(big), NULL), NP_OK);
        ck_assert_uint_eq(np_document_block_count(d), count);
        np_document_free(d);
        free(big);
    }
    np_parser_free(p);
    free(deep);
}
END_TEST

/* ---------------------------------------------- dev pages regression */

/* Tokens are runs of word bytes (ASCII letters, digits, '_' and every
 * non-ASCII byte): close to the scorer's \w+ for this floor. */
static int word_byte(unsigned char c)
{
    return c >= 0x80 || c == '_' || (c >= '0' && c <= '9')
        || ((c | 32) >= 'a' && (c | 32) <= 'z');
}

static uint64_t tok_hash(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ull;
    size_t i;
    for (i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ull;
    }
    return h;
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* Sorted 4-token shingle hashes of a text; *n receives the count. */
static uint64_t *shingles(const char *s, size_t *n)
{
    size_t len = strlen(s), i = 0, nt = 0, cap = 1024, k;
    uint64_t *t = malloc(cap * sizeof *t), *sh;
    ck_assert_ptr_nonnull(t);
    while (i < len) {
        size_t b;
        while (i < len && !word_byte((unsigned char)s[i]))
            i++;
        b = i;
        while (i < len && word_byte((unsigned char)s[i]))
            i++;
        if (i > b) {
            if (nt == cap) {
                cap *= 2;
                t = realloc(t, cap * sizeof *t);
                ck_assert_ptr_nonnull(t);
            }
            t[nt++] = tok_hash(s + b, i - b);
        }
    }
    *n = nt == 0 ? 0 : nt < 4 ? 1 : nt - 3;
    sh = malloc((*n + 1) * sizeof *sh);
    ck_assert_ptr_nonnull(sh);
    for (k = 0; k < *n; k++) {
        size_t j, w = nt < 4 ? nt : 4;
        uint64_t h = 7;
        for (j = 0; j < w; j++)
            h = h * 31 + t[k + j];
        sh[k] = h;
    }
    qsort(sh, *n, sizeof *sh, cmp_u64);
    free(t);
    return sh;
}

START_TEST(dev_pages_f1_floor)
{
    const char *shared = np_test_shared();
    char path[4096], *truth;
    size_t tlen, docs = 0, pdocs = 0;
    double psum = 0, rsum = 0, p, r, f1;
    json_t *gt;
    json_error_t jerr;
    const char *id;
    json_t *v;
    np_parser *parser = NULL;
    if (!shared)
        return;
    snprintf(path, sizeof path, "%s/bench/extraction/dev/ground-truth.json", shared);
    truth = np_test_read(path, &tlen);
    if (!truth) {
        fprintf(stderr, "skip: %s not found\n", path);
        return;
    }
    gt = json_loadb(truth, tlen, 0, &jerr);
    free(truth);
    ck_assert_ptr_nonnull(gt);
    ck_assert_int_eq(np_parser_new(&parser, NULL), NP_OK);
    json_object_foreach(gt, id, v) {
        const char *want = json_string_value(json_object_get(v, "articleBody"));
        char *page;
        size_t len = 0, nt, np_, i, j, tp = 0;
        uint64_t *ts, *ps;
        np_document *d = NULL;
        snprintf(path, sizeof path, "%s/bench/extraction/dev/%s.html.gz", shared, id);
        page = np_test_read_gz(path, &len);
        ck_assert_msg(page != NULL, "cannot read %s", path);
        ck_assert_int_eq(np_parse_html(parser, &d, page, len, NULL), NP_OK);
        free(page);
        ts = shingles(want ? want : "", &nt);
        ps = shingles(np_document_body(d, NULL), &np_);
        for (i = 0, j = 0; i < nt && j < np_;) {
            if (ts[i] == ps[j]) {
                tp++;
                i++;
                j++;
            } else if (ts[i] < ps[j]) {
                i++;
            } else {
                j++;
            }
        }
        docs++;
        if (nt)
            rsum += (double)tp / (double)nt;
        if (np_) {
            pdocs++;
            psum += (double)tp / (double)np_;
        }
        free(ts);
        free(ps);
        np_document_free(d);
    }
    np_parser_free(parser);
    json_decref(gt);
    ck_assert_uint_ge(docs, 100);
    p = pdocs ? psum / (double)pdocs : 0;
    r = rsum / (double)docs;
    f1 = p + r > 0 ? 2 * p * r / (p + r) : 0;
    fprintf(stderr, "dev pages: %zu, precision %.4f recall %.4f f1 %.4f\n", docs, p, r, f1);
    /* the scorer gives about 0.978; this floor only catches breakage */
    ck_assert_msg(f1 >= 0.94, "mean F1 %.4f below the floor", f1);
}
END_TEST

Suite *np_extract_suite(void)
{
    Suite *s = suite_create("extract");
    TCase *t = tcase_create("html");
    tcase_add_test(t, boilerplate_removed);
    tcase_add_test(t, home_page_is_not_an_article);
    tcase_add_test(t, listing_is_not_an_article);
    tcase_add_test(t, error_page_is_not_an_article);
    tcase_add_test(t, bundled_page);
    tcase_add_test(t, tweet_in_social_box_kept);
    tcase_add_test(t, furniture_lines_dropped);
    tcase_add_test(t, article_wrapper_not_cleaned_away);
    tcase_add_test(t, noscript_text_when_script_draws_the_article);
    tcase_add_test(t, link_line_showing_address_kept);
    tcase_add_test(t, trailing_label_dropped);
    tcase_add_test(t, trailing_promo_dropped);
    tcase_add_test(t, disclosures_dropped);
    tcase_add_test(t, header_class_inside_main);
    tcase_add_test(t, class_words_at_a_boundary);
    tcase_add_test(t, class_words_that_modify);
    tcase_add_test(t, plain_lists_stay);
    tcase_add_test(t, buttons_are_no_form);
    tcase_add_test(t, jsonld_body_when_markup_has_none);
    tcase_add_test(t, jsonld_body_when_markup_shows_little);
    tcase_add_test(t, jsonld_text_chooses_the_root);
    tcase_add_test(t, jsonld_text_keeps_a_header_classed_part);
    tcase_add_test(t, jsonld_text_keeps_a_linked_list);
    tcase_add_test(t, densest_prose_when_nothing_else);
    tcase_add_test(t, unread_raw_text_left_out);
    tcase_add_test(t, loader_keeps_the_attributes_read);
    tcase_add_test(t, comments_cost_no_nodes);
    tcase_add_test(t, misnested_end_tags_close_as_browsers_do);
    tcase_add_test(t, misnested_end_tags_keep_scope);
    tcase_add_test(t, misnested_page_extracted);
    tcase_add_test(t, doctype_internal_subset_not_text);
    suite_add_tcase(s, t);
    t = tcase_create("text");
    tcase_add_test(t, seed_text_fields);
    tcase_add_test(t, text_first_paragraph_kept);
    tcase_add_test(t, text_headline_byline_date);
    suite_add_tcase(s, t);
    t = tcase_create("output");
    tcase_add_test(t, markdown_and_html);
    suite_add_tcase(s, t);
    t = tcase_create("bad");
    tcase_set_timeout(t, 120);
    tcase_add_test(t, bad_input);
    suite_add_tcase(s, t);
    t = tcase_create("regression");
    tcase_set_timeout(t, 300);
    tcase_add_test(t, dev_pages_f1_floor);
    suite_add_tcase(s, t);
    return s;
}

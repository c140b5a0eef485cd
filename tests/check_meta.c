/*
 * Metadata: one small page per source (JSON-LD, OpenGraph, Twitter, Dublin
 * Core, meta names, microdata, <time>, rel=author, bylines, the URL), the
 * precedence between them, dates, authors and titles, and bad input.
 */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "np_test.h"
#include "np_internal.h"
#include "meta/meta.h"

static np_document *parse_url(const char *html, const char *url)
{
    np_parser *p = NULL;
    np_document *d = NULL;
    ck_assert_int_eq(np_parser_new(&p, NULL), NP_OK);
    ck_assert_int_eq(np_parse_html(p, &d, html, strlen(html), url), NP_OK);
    np_parser_free(p);
    ck_assert_ptr_nonnull(d);
    return d;
}

static np_document *parse(const char *html)
{
    return parse_url(html, NULL);
}

static np_document *parse_file(const char *name)
{
    char path[4096], rel[512];
    size_t len;
    char *buf;
    np_parser *p = NULL;
    np_document *d = NULL;
    snprintf(rel, sizeof rel, "tests/data/meta/%s", name);
    buf = np_test_read(np_test_path(path, sizeof path, rel), &len);
    ck_assert_msg(buf != NULL, "cannot read %s", path);
    ck_assert_int_eq(np_parser_new(&p, NULL), NP_OK);
    ck_assert_int_eq(np_parse_html(p, &d, buf, len, NULL), NP_OK);
    np_parser_free(p);
    free(buf);
    return d;
}

#define BODY "<p>" \
    "The council met on Tuesday evening to discuss the budget, the roads, " \
    "the school buildings and the new library, and it voted on all four.</p>"

static void assert_str(const char *got, const char *want)
{
    ck_assert_msg(got != NULL, "expected \"%s\", got NULL", want);
    ck_assert_str_eq(got, want);
}

/* ------------------------------------------------------------ JSON-LD */

START_TEST(jsonld_news_article)
{
    np_document *d = parse_file("jsonld.html");
    assert_str(np_document_title(d), "Council approves the budget");
    assert_str(np_document_description(d), "The vote was unanimous.");
    assert_str(np_document_published(d), "2021-03-04T09:15:00+01:00");
    assert_str(np_document_modified(d), "2021-03-05T10:00:00+01:00");
    assert_str(np_document_site_name(d), "The Daily Example");
    ck_assert_uint_eq(np_document_author_count(d), 2);
    assert_str(np_document_author(d, 0), "Jane Doe");
    assert_str(np_document_author(d, 1), "John Roe");
    assert_str(np_document_image(d), "https://example.com/lead.jpg");
    assert_str(np_document_source(d, "title"), "json-ld");
    assert_str(np_document_source(d, "published"), "json-ld");
    np_document_free(d);
}
END_TEST

START_TEST(jsonld_graph)
{
    np_document *d = parse(
        "<html><head><script type=\"application/ld+json\">"
        "{\"@context\":\"https://schema.org\",\"@graph\":["
        "{\"@type\":\"WebSite\",\"name\":\"Site\"},"
        "{\"@type\":[\"ReportageNewsArticle\"],\"headline\":\"From the graph\","
        "\"datePublished\":\"2020-01-02\",\"author\":{\"@type\":\"Person\","
        "\"name\":\"Ann Lee\"},\"publisher\":{\"name\":\"Graph News\"}}]}"
        "</script></head><body>" BODY "</body></html>");
    assert_str(np_document_title(d), "From the graph");
    assert_str(np_document_published(d), "2020-01-02");
    assert_str(np_document_site_name(d), "Graph News");
    ck_assert_uint_eq(np_document_author_count(d), 1);
    assert_str(np_document_author(d, 0), "Ann Lee");
    np_document_free(d);
}
END_TEST

START_TEST(jsonld_broken_is_ignored)
{
    np_document *d = parse(
        "<html><head><script type=\"application/ld+json\">"
        "{\"@type\":\"NewsArticle\",\"headline\":\"Broken\",,,</script>"
        "<meta property=\"og:title\" content=\"From OpenGraph\">"
        "</head><body>" BODY "</body></html>");
    assert_str(np_document_title(d), "From OpenGraph");
    assert_str(np_document_source(d, "title"), "og:title");
    np_document_free(d);
}
END_TEST

START_TEST(jsonld_cdata_and_array)
{
    np_document *d = parse(
        "<html><head><script type=\"application/ld+json\">/*<![CDATA[*/"
        "</script><script type=\"application/ld+json\"><![CDATA[ ["
        "{\"@type\":\"Organization\",\"name\":\"Org\"},"
        "{\"@type\":\"BlogPosting\",\"name\":\"Posting name\","
        "\"author\":\"Sam Poe\"}] ]]></script></head><body>" BODY
        "</body></html>");
    assert_str(np_document_title(d), "Posting name");
    ck_assert_uint_eq(np_document_author_count(d), 1);
    assert_str(np_document_author(d, 0), "Sam Poe");
    np_document_free(d);
}
END_TEST

/* ------------------------------------------------- meta tag families */

START_TEST(opengraph_and_twitter)
{
    np_document *d = parse_url(
        "<html lang=\"en-GB\"><head><title>Page title | Example</title>"
        "<meta property=\"og:title\" content=\"OG title\">"
        "<meta name=\"twitter:title\" content=\"Twitter title\">"
        "<meta property=\"og:description\" content=\"OG summary\">"
        "<meta property=\"og:site_name\" content=\"Example\">"
        "<meta property=\"og:image\" content=\"/img/a.jpg\">"
        "<meta property=\"og:image\" content=\"/img/b.jpg\">"
        "<meta property=\"article:published_time\" content=\"2019-11-19T08:02:00-05:00\">"
        "<meta property=\"article:modified_time\" content=\"2019-11-19T09:00:00-05:00\">"
        "<link rel=\"canonical\" href=\"/news/story\">"
        "</head><body>" BODY "</body></html>",
        "https://www.example.com/news/story?ref=home");
    assert_str(np_document_title(d), "OG title");
    assert_str(np_document_description(d), "OG summary");
    assert_str(np_document_site_name(d), "Example");
    assert_str(np_document_published(d), "2019-11-19T08:02:00-05:00");
    assert_str(np_document_modified(d), "2019-11-19T09:00:00-05:00");
    assert_str(np_document_image(d), "https://www.example.com/img/a.jpg");
    assert_str(np_document_url(d), "https://www.example.com/news/story");
    assert_str(np_document_language(d), "en-GB");
    np_document_free(d);
}
END_TEST

START_TEST(twitter_only)
{
    np_document *d = parse(
        "<html><head><meta name=\"twitter:title\" content=\"Only Twitter\">"
        "<meta name=\"twitter:description\" content=\"Card text\">"
        "<meta name=\"twitter:image\" content=\"https://t.example/i.png\">"
        "</head><body>" BODY "</body></html>");
    assert_str(np_document_title(d), "Only Twitter");
    assert_str(np_document_description(d), "Card text");
    assert_str(np_document_image(d), "https://t.example/i.png");
    np_document_free(d);
}
END_TEST

START_TEST(dublin_core)
{
    /* a property wins over a name of the same key when it comes later */
    np_document *d = parse(
        "<html><head><meta name=\"DC.title\" content=\"DC name title\">"
        "<meta property=\"dc:title\" content=\"DC property title\">"
        "<meta name=\"DC.creator\" content=\"Mary Major\">"
        "<meta name=\"DC.date\" content=\"2018-07-01\">"
        "<meta name=\"DC.language\" content=\"fr\">"
        "<meta property=\"og:title\" content=\"OG loses to DC\">"
        "</head><body>" BODY "</body></html>");
    assert_str(np_document_title(d), "DC property title");
    assert_str(np_document_published(d), "2018-07-01");
    assert_str(np_document_language(d), "fr");
    ck_assert_uint_eq(np_document_author_count(d), 1);
    assert_str(np_document_author(d, 0), "Mary Major");
    np_document_free(d);
}
END_TEST

START_TEST(space_separated_properties)
{
    np_document *d = parse(
        "<html><head><meta property=\"x:title dc:title\" content=\"Preferred\">"
        "<meta property=\"og:title twitter:title\" content=\"Other\">"
        "</head><body>" BODY "</body></html>");
    assert_str(np_document_title(d), "Preferred");
    np_document_free(d);
}
END_TEST

START_TEST(meta_author_byline_split)
{
    np_document *d = parse(
        "<html><head><meta name=\"author\" "
        "content=\"By Jane Doe and John Roe, Reuters\"></head><body>" BODY
        "</body></html>");
    /* the agency beside the people who wrote is no author */
    ck_assert_uint_eq(np_document_author_count(d), 2);
    assert_str(np_document_author(d, 0), "Jane Doe");
    assert_str(np_document_author(d, 1), "John Roe");
    np_document_free(d);
    /* alone, it is */
    d = parse("<html><head><meta name=\"author\" content=\"Reuters\"></head><body>"
              BODY "</body></html>");
    ck_assert_uint_eq(np_document_author_count(d), 1);
    assert_str(np_document_author(d, 0), "Reuters");
    np_document_free(d);
}
END_TEST

START_TEST(entities_in_values)
{
    np_document *d = parse(
        "<html><head><meta name=\"description\" "
        "content=\"That&amp;#039;s &amp;quot;it&amp;quot; &amp;#x1F62D;\">"
        "</head><body>" BODY "</body></html>");
    assert_str(np_document_description(d), "That's \"it\" \xf0\x9f\x98\xad");
    np_document_free(d);
}
END_TEST

START_TEST(entities_in_every_field)
{
    /* JSON-LD strings are not HTML: their references are decoded, as are
     * the ones attributes keep after the parser (text escaped twice), and
     * white space of every kind folds to one space. */
    np_document *d = parse(
        "<html><head>"
        "<meta property=\"og:site_name\" content=\"Bay &amp;amp; Harbour&amp;nbsp;News\">"
        "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\","
        " \"headline\": \"Tides &amp; Times:&nbsp;a\\n\\tlong&#160;summer\","
        " \"description\": \"The harbour&#8217;s\\n  summer,&nbsp; told.\","
        " \"author\": {\"@type\": \"Person\", \"name\": \"Ann Lee &amp; Bo Park\"},"
        " \"datePublished\": \"2021-06-01T08:00:00&#43;02:00\"}</script>"
        "</head><body>" BODY "</body></html>");
    assert_str(np_document_title(d), "Tides & Times: a long summer");
    assert_str(np_document_description(d), "The harbour\xe2\x80\x99s summer, told.");
    assert_str(np_document_site_name(d), "Bay & Harbour News");
    ck_assert_uint_eq(np_document_author_count(d), 2);
    assert_str(np_document_author(d, 0), "Ann Lee");
    assert_str(np_document_author(d, 1), "Bo Park");
    assert_str(np_document_published(d), "2021-06-01T08:00:00+02:00");
    np_document_free(d);

    /* a meta author escaped twice, and a byline element */
    d = parse(
        "<html><head><meta name=\"author\" content=\"Jo Marsh &amp;amp; Li Wei\">"
        "</head><body>" BODY "</body></html>");
    ck_assert_uint_eq(np_document_author_count(d), 2);
    assert_str(np_document_author(d, 0), "Jo Marsh");
    assert_str(np_document_author(d, 1), "Li Wei");
    np_document_free(d);
    d = parse(
        "<html><body><h1>Harbour tides rise</h1>"
        "<div class=\"byline\">By Lindsey O&amp;#39;Donnell&amp;nbsp;and Sam&nbsp;Ortiz</div>"
        BODY "</body></html>");
    ck_assert_uint_eq(np_document_author_count(d), 2);
    assert_str(np_document_author(d, 0), "Lindsey O'Donnell");
    assert_str(np_document_author(d, 1), "Sam Ortiz");
    np_document_free(d);

    /* not references: left as they are */
    d = parse(
        "<html><head><meta name=\"description\" content=\"Fish &amp;chips &amp;bogus; AT&amp;T\">"
        "</head><body>" BODY "</body></html>");
    assert_str(np_document_description(d), "Fish &chips &bogus; AT&T");
    np_document_free(d);
}
END_TEST

static void meta_text_is(const char *in, const char *want)
{
    np__buf b = NP__BUF_INIT;
    ck_assert_int_eq(np__meta_text(in, strlen(in), &b), NP_OK);
    ck_assert_str_eq(np__buf_cstr(&b), want);
    np__buf_free(&b);
}

START_TEST(meta_text_rules)
{
    meta_text_is("  a \t\r\n b\xc2\xa0\xe2\x80\x83" "c  ", "a b c");
    meta_text_is("&amp;amp;amp; &amp;nbsp;x &apos;&#39;&#x27;", "& x '''");
    meta_text_is("&#150;&#8211;&#x2013", "\xe2\x80\x93\xe2\x80\x93\xe2\x80\x93");
    meta_text_is("said &#8221\xe2\x80\xa6", "said \xe2\x80\x9d\xe2\x80\xa6");
    meta_text_is("&#0; &#xD800; &#1114112;", "\xef\xbf\xbd \xef\xbf\xbd \xef\xbf\xbd");
    meta_text_is("&#xZZ; &bogus; &#; & &amp", "&#xZZ; &bogus; &#; & &amp");
    meta_text_is("caf\xe9 &nbsp;", "caf\xe9");   /* not UTF-8: kept for the cleaner */
    meta_text_is("", "");
}
END_TEST

/* Whether a metadata value still holds a character reference. */
static const char *escaped(const char *v)
{
    const char *p;
    if (!v)
        return NULL;
    for (p = strchr(v, '&'); p; p = strchr(p + 1, '&'))
        if (strncmp(p, "&amp;", 5) == 0 || strncmp(p, "&nbsp;", 6) == 0
            || (p[1] == '#' && (np__isdigit((unsigned char)p[2])
                                || ((p[2] == 'x' || p[2] == 'X')
                                    && np__isxdigit((unsigned char)p[3])))))
            return p;
    return NULL;
}

/* Parses one page and fails if any metadata field keeps a reference;
 * 1 when the page was read. */
static int page_unescaped(np_parser *p, const char *path, int gz)
{
    size_t len, i;
    char *buf = gz ? np_test_read_gz(path, &len) : np_test_read(path, &len);
    np_document *d = NULL;
    const char *f[8];
    if (!buf)
        return 0;
    ck_assert_int_eq(np_parse_html(p, &d, buf, len, NULL), NP_OK);
    f[0] = np_document_title(d);
    f[1] = np_document_description(d);
    f[2] = np_document_site_name(d);
    f[3] = np_document_published(d);
    f[4] = np_document_modified(d);
    f[5] = np_document_language(d);
    f[6] = np_document_url(d);
    f[7] = np_document_image(d);
    for (i = 0; i < 8; i++)
        ck_assert_msg(!escaped(f[i]), "%s: field %zu keeps \"%.40s\"", path, i, escaped(f[i]));
    for (i = 0; i < np_document_author_count(d); i++)
        ck_assert_msg(!escaped(np_document_author(d, i)), "%s: author \"%s\"", path,
                      np_document_author(d, i));
    np_document_free(d);
    free(buf);
    return 1;
}

START_TEST(no_references_left_on_bench_pages)
{
    /* Every page of the benchmark data: the extraction dev pages, the
     * metadata test pages and the snippet pages. */
    static const struct { const char *dir, *find; int gz; } sets[] = {
        {"bench/extraction/dev", "-name '*.html.gz'", 1},
        {"bench/extraction/snippets", "-name '*.html.gz'", 1},
        {"bench/metadata/pages", "-name source.html", 0},
    };
    const char *shared = np_test_shared();
    char cmd[4400], path[4200];
    size_t i, pages = 0;
    np_parser *p = NULL;
    if (!shared)
        return;
    ck_assert_int_eq(np_parser_new(&p, NULL), NP_OK);
    for (i = 0; i < sizeof sets / sizeof sets[0]; i++) {
        FILE *ls;
        snprintf(cmd, sizeof cmd, "find '%s/%s' %s | sort", shared, sets[i].dir, sets[i].find);
        ls = popen(cmd, "r");
        ck_assert_ptr_nonnull(ls);
        while (fgets(path, sizeof path, ls)) {
            path[strcspn(path, "\n")] = '\0';
            pages += (size_t)page_unescaped(p, path, sets[i].gz);
        }
        pclose(ls);
    }
    np_parser_free(p);
    ck_assert_uint_ge(pages, 1000);
}
END_TEST

/* ------------------------------------------------ which date, which byline */

START_TEST(jsonld_own_article_wins)
{
    /* a related story described first: the page's own article is the
     * one at the page's address */
    np_document *d = parse(
        "<html><head><link rel=\"canonical\" href=\"https://news.example/a/tides\">"
        "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\","
        " \"url\": \"https://news.example/b/storms\", \"headline\": \"Storms ahead\","
        " \"datePublished\": \"2020-01-02\", \"author\": {\"name\": \"Ron Sill\"}}</script>"
        "<script type=\"application/ld+json\">{\"@graph\": [{\"@type\": \"WebSite\","
        " \"datePublished\": \"2001-01-01\"}, {\"@type\": \"NewsArticle\","
        " \"mainEntityOfPage\": {\"@id\": \"https://news.example/a/tides/\"},"
        " \"headline\": \"Tides rise\", \"datePublished\": \"2021-06-01\","
        " \"dateModified\": \"2021-06-03\", \"author\": {\"name\": \"Ann Lee\"}}]}</script>"
        "</head><body>" BODY "</body></html>");
    assert_str(np_document_title(d), "Tides rise");
    assert_str(np_document_published(d), "2021-06-01");
    assert_str(np_document_modified(d), "2021-06-03");
    assert_str(np_document_author(d, 0), "Ann Lee");
    np_document_free(d);
    /* no address: the one whose headline the page's title holds */
    d = parse(
        "<html><head><title>Tides rise | Bay News</title>"
        "<script type=\"application/ld+json\">[{\"@type\": \"NewsArticle\","
        " \"headline\": \"Storms ahead\", \"datePublished\": \"2020-01-02\"},"
        " {\"@type\": \"NewsArticle\", \"headline\": \"Tides rise\","
        " \"datePublished\": \"2021-06-01\"}]</script>"
        "</head><body>" BODY "</body></html>");
    assert_str(np_document_published(d), "2021-06-01");
    np_document_free(d);
}
END_TEST

START_TEST(dates_of_other_elements_ignored)
{
    /* related stories and comments come first in the page; the article's
     * own <time> sits in its byline */
    np_document *d = parse(
        "<html><body>"
        "<div class=\"related-stories\"><time datetime=\"2019-03-01\">March 1</time></div>"
        "<h1>Tides rise</h1>"
        "<div class=\"byline\">By Ann Lee <time datetime=\"2021-06-01T08:00:00+02:00\">June 1</time></div>"
        BODY
        "<ol class=\"comment-list\"><li><span class=\"author\">Name *</span>"
        "<time datetime=\"2021-06-05\">June 5</time></li></ol>"
        "<footer>&copy; 2023 Bay News</footer></body></html>");
    assert_str(np_document_published(d), "2021-06-01T08:00:00+02:00");
    ck_assert_ptr_null(np_document_modified(d));
    ck_assert_uint_eq(np_document_author_count(d), 1);
    assert_str(np_document_author(d, 0), "Ann Lee");
    np_document_free(d);
    /* comments before the article: their authors and times are not its */
    d = parse(
        "<html><body><div id=\"comments\"><div class=\"comment-author\">Art Vale says</div>"
        "<time datetime=\"2018-02-02\">Feb 2</time></div>"
        "<h1>Tides rise</h1>" BODY "</body></html>");
    ck_assert_uint_eq(np_document_author_count(d), 0);
    ck_assert_ptr_null(np_document_published(d));
    np_document_free(d);
}
END_TEST

START_TEST(updated_is_modified)
{
    /* the only visible date is an update: modified, published unknown */
    np_document *d = parse(
        "<html><body><h1>Tides rise</h1>"
        "<p class=\"meta\">Updated <time datetime=\"2022-02-03T10:00:00Z\">Feb. 3, 2022</time></p>"
        BODY "</body></html>");
    ck_assert_ptr_null(np_document_published(d));
    assert_str(np_document_modified(d), "2022-02-03T10:00:00Z");
    np_document_free(d);
    d = parse(
        "<html><body><h1>Tides rise</h1>"
        "<time class=\"updated\" datetime=\"2022-02-03\">Feb. 3, 2022</time>"
        BODY "</body></html>");
    ck_assert_ptr_null(np_document_published(d));
    assert_str(np_document_modified(d), "2022-02-03");
    np_document_free(d);
    /* a <time> without datetime whose text says so */
    d = parse(
        "<html><body><h1>Tides rise</h1><time>Last updated February 3, 2022</time>"
        BODY "</body></html>");
    ck_assert_ptr_null(np_document_published(d));
    assert_str(np_document_modified(d), "2022-02-03");
    np_document_free(d);
    /* both written in a date line: each where it belongs */
    d = parse(
        "<html><body><h1>Tides rise</h1>"
        "<div class=\"article-date\">Published March 3, 2022 | Updated March 5, 2022 9:15 am</div>"
        BODY "</body></html>");
    assert_str(np_document_published(d), "2022-03-03");
    assert_str(np_document_modified(d), "2022-03-05T09:15:00");
    np_document_free(d);
    /* WordPress marks its publication time "published updated" */
    d = parse(
        "<html><body><h1>Tides rise</h1>"
        "<time class=\"entry-date published updated\" datetime=\"2022-03-03\">March 3</time>"
        BODY "</body></html>");
    assert_str(np_document_published(d), "2022-03-03");
    np_document_free(d);
}
END_TEST

START_TEST(organisation_author_yields_to_person)
{
    /* the publisher named as the author, the page's byline names a
     * person: the person */
    np_document *d = parse(
        "<html><head><script type=\"application/ld+json\">{\"@type\": \"Article\","
        " \"headline\": \"Ten facts about sleep\","
        " \"author\": {\"@type\": \"Organization\", \"name\": \"Wellbeing Press\"},"
        " \"publisher\": {\"@type\": \"Organization\", \"name\": \"Wellbeing Press\"}}</script>"
        "</head><body><h1>Ten facts about sleep</h1>"
        "<div class=\"byline\">Written by Amy Lin, MD, Medical Reviewer</div>" BODY
        "</body></html>");
    ck_assert_uint_eq(np_document_author_count(d), 1);
    assert_str(np_document_author(d, 0), "Amy Lin");
    np_document_free(d);
    /* named like the site, untyped: the same */
    d = parse(
        "<html><head><meta property=\"og:site_name\" content=\"Bay News\">"
        "<meta name=\"author\" content=\"Jo Marsh\">"
        "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\","
        " \"author\": \"Bay News\"}</script></head><body>" BODY "</body></html>");
    assert_str(np_document_author(d, 0), "Jo Marsh");
    np_document_free(d);
    /* a host name as the author is the site: the byline first, else it */
    d = parse(
        "<html><head><meta name=\"author\" content=\"baynews.de\"></head><body>"
        "<h1>Tides rise</h1><div class=\"author\">Von Jo Marsh</div>" BODY "</body></html>");
    assert_str(np_document_author(d, 0), "Jo Marsh");
    np_document_free(d);
    d = parse(
        "<html><head><meta name=\"author\" content=\"baynews.de\"></head><body>"
        BODY "</body></html>");
    assert_str(np_document_author(d, 0), "baynews.de");
    np_document_free(d);
    /* no person anywhere: the organisation stays */
    d = parse(
        "<html><head><script type=\"application/ld+json\">{\"@type\": \"Article\","
        " \"author\": {\"@type\": \"Organization\", \"name\": \"Wellbeing Press\"}}</script>"
        "</head><body>" BODY "</body></html>");
    ck_assert_uint_eq(np_document_author_count(d), 1);
    assert_str(np_document_author(d, 0), "Wellbeing Press");
    np_document_free(d);
    /* a person in JSON-LD is kept whatever the byline says */
    d = parse(
        "<html><head><script type=\"application/ld+json\">{\"@type\": \"Article\","
        " \"author\": {\"@type\": \"Person\", \"name\": \"Ann Lee\"}}</script>"
        "</head><body><div class=\"byline\">By Bo Park</div>" BODY "</body></html>");
    assert_str(np_document_author(d, 0), "Ann Lee");
    ck_assert_uint_eq(np_document_author_count(d), 1);
    np_document_free(d);
}
END_TEST

START_TEST(by_line_near_headline)
{
    /* "By name" under the headline, without a byline class */
    np_document *d = parse(
        "<html><body><h1>Tides rise</h1><p>By <a href=\"/p/al\">Ann Lee</a> and Bo Park</p>"
        BODY "<p>By signing up you agree to our terms.</p></body></html>");
    ck_assert_uint_eq(np_document_author_count(d), 2);
    assert_str(np_document_author(d, 0), "Ann Lee");
    assert_str(np_document_author(d, 1), "Bo Park");
    np_document_free(d);
    /* a sentence that starts with "By" is not a byline */
    d = parse(
        "<html><body><h1>Tides rise</h1><p>By signing up you agree.</p>"
        "<p>by the sea</p>" BODY "</body></html>");
    ck_assert_uint_eq(np_document_author_count(d), 0);
    np_document_free(d);
    /* an author box heading is not a name */
    d = parse(
        "<html><body><h1>Tides rise</h1>" BODY
        "<div class=\"author-box\"><h3 class=\"author-title\">Published by</h3>"
        "<span class=\"author-name\">Ann Lee</span></div></body></html>");
    ck_assert_uint_eq(np_document_author_count(d), 1);
    assert_str(np_document_author(d, 0), "Ann Lee");
    np_document_free(d);
}
END_TEST

START_TEST(labelled_bylines_in_other_languages)
{
    /* a label with a colon before any name, a user name too */
    np_document *d = parse(
        "<html><body><h1>Ratschl\xc3\xa4ge</h1><small>Verfasst von: <strong>mitundvoneinander"
        "</strong> | 31. Dezember 2008</small>" BODY "</body></html>");
    ck_assert_uint_eq(np_document_author_count(d), 1);
    assert_str(np_document_author(d, 0), "mitundvoneinander");
    assert_str(np_document_published(d), "2008-12-31");
    np_document_free(d);
    /* "Autor:" on its own, the name after it up to the line break */
    d = parse(
        "<html><body><h1>Der lange Weg</h1><div><h5>Datum: </h5>03.11.2021<br>"
        "<h5>Autor: </h5>Peter Maahn<br><h5>Lesezeit:</h5> 5 min</div>" BODY
        "</body></html>");
    ck_assert_uint_eq(np_document_author_count(d), 1);
    assert_str(np_document_author(d, 0), "Peter Maahn");
    /* and "Datum:" on its own, the date after it */
    assert_str(np_document_published(d), "2021-11-03");
    np_document_free(d);
    /* the label and the name in two elements of a list */
    d = parse(
        "<html><body><h1>Die Rute im Test</h1><ul><li><span>Autor</span> "
        "<a href=\"/m/1\">Catch more fish</a></li><li>21. Januar 2022</li></ul>"
        BODY "</body></html>");
    ck_assert_uint_eq(np_document_author_count(d), 1);
    assert_str(np_document_author(d, 0), "Catch more fish");
    assert_str(np_document_published(d), "2022-01-21");
    np_document_free(d);
    /* Spanish and Italian prepositions before a capitalised name */
    d = parse("<html><body><h1>Las trabas</h1><p>Por: Juan Diego P\xc3\xa9rez</p>" BODY
              "</body></html>");
    ck_assert_uint_eq(np_document_author_count(d), 1);
    assert_str(np_document_author(d, 0), "Juan Diego P\xc3\xa9rez");
    np_document_free(d);
    d = parse("<html><body><h1>Il governo</h1><p>di Maria Rossi</p><p>Di solito il "
              "consiglio si riunisce il marted\xc3\xac.</p>" BODY "</body></html>");
    ck_assert_uint_eq(np_document_author_count(d), 0);
    np_document_free(d);
    /* the innermost element that reads as a byline, its first line */
    d = parse(
        "<html><body><h1>Pflege</h1><div><p>Autor: Multimedia Redaktion</p>"
        "<p>Kategorie: Diakonie, Pflege</p></div>" BODY "</body></html>");
    ck_assert_uint_eq(np_document_author_count(d), 1);
    assert_str(np_document_author(d, 0), "Multimedia Redaktion");
    np_document_free(d);
    d = parse(
        "<html><body><h1>Garten</h1><div>Autor: <a href=\"/a/1\">Angelika Leitner</a><br>"
        "<a href=\"/g\">Google+</a> <a href=\"/a/1\">mehr</a></div>" BODY "</body></html>");
    ck_assert_uint_eq(np_document_author_count(d), 1);
    assert_str(np_document_author(d, 0), "Angelika Leitner");
    np_document_free(d);
    /* the author of a reviewed book is not the page's */
    d = parse(
        "<html><body><h1>Gelesen im Mai</h1>" BODY "<div><u>Titel:</u> The Casquette Girls</div>"
        "<div><u>Seiten:</u> 400</div><div><u>Autorin: </u>Alys Arden</div></body></html>");
    ck_assert_uint_eq(np_document_author_count(d), 0);
    np_document_free(d);
}
END_TEST

START_TEST(user_name_gives_way_to_display_name)
{
    /* JSON-LD names a user name, the byline the person */
    np_document *d = parse(
        "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
        "\"headline\":\"Sportzentrum erweitert\",\"author\":{\"@type\":\"Person\","
        "\"name\":\"arianschlichenmayer\"}}</script></head><body><h1>Sportzentrum erweitert</h1>"
        "<div class=\"post-author\"><span>von</span> <a href=\"/c/a\">Arian Schlichenmayer</a>"
        "</div>" BODY "</body></html>");
    ck_assert_uint_eq(np_document_author_count(d), 1);
    assert_str(np_document_author(d, 0), "Arian Schlichenmayer");
    assert_str(np_document_source(d, "authors"), "byline");
    np_document_free(d);
    /* "jdoe" is Jane Doe */
    d = parse(
        "<html><head><meta name=\"author\" content=\"jdoe\"></head><body><h1>Tides</h1>"
        "<p>By Jane Doe</p>" BODY "</body></html>");
    ck_assert_uint_eq(np_document_author_count(d), 1);
    assert_str(np_document_author(d, 0), "Jane Doe");
    np_document_free(d);
    /* a user name with no person behind it on the page stays */
    d = parse(
        "<html><head><meta name=\"author\" content=\"jdoe\"></head><body><h1>Tides</h1>"
        "<p>By Ann Lee</p>" BODY "</body></html>");
    ck_assert_uint_eq(np_document_author_count(d), 1);
    assert_str(np_document_author(d, 0), "jdoe");
    assert_str(np_document_source(d, "authors"), "author");
    np_document_free(d);
}
END_TEST

START_TEST(dates_in_other_languages)
{
    /* a date in words in a date element, in German and French */
    np_document *d = parse(
        "<html><body><h1>Kaisers Wochenr\xc3\xbc\x63kblick</h1><span class=\"post-date\">"
        "19. Oktober 2019</span>" BODY "</body></html>");
    assert_str(np_document_published(d), "2019-10-19");
    np_document_free(d);
    d = parse(
        "<html><body><h1>La perte des terres</h1><div class=\"date\">Publi\xc3\xa9 le 7 "
        "d\xc3\xa9\x63\x65mbre 2026</div>" BODY "</body></html>");
    assert_str(np_document_published(d), "2026-12-07");
    np_document_free(d);
    /* a date alone on its line under the headline, no date markup */
    d = parse(
        "<html><body><h1>Boot Tulln abgesagt</h1><p>24.01.2022 11:38</p>" BODY
        "</body></html>");
    assert_str(np_document_published(d), "2022-01-24T11:38:00");
    assert_str(np_document_source(d, "published"), "text");
    np_document_free(d);
    d = parse(
        "<html><body><h1>MINT-Talente</h1><p>Hamburg, 2. November 2021</p>" BODY
        "</body></html>");
    assert_str(np_document_published(d), "2021-11-02");
    np_document_free(d);
    /* not a date that belongs to something else */
    d = parse(
        "<html><body><h1>Neues Spiel</h1><p>Release: 14.11.2019</p>"
        "<p>Antworten bis 23.06.2006</p>" BODY "</body></html>");
    ck_assert_ptr_null(np_document_published(d));
    np_document_free(d);
}
END_TEST

/* -------------------------------------------------- page structure */

START_TEST(microdata_and_time)
{
    np_document *d = parse(
        "<html><head><title>Microdata story</title></head><body>"
        "<article itemscope itemtype=\"https://schema.org/NewsArticle\">"
        "<h1 itemprop=\"headline\">Microdata story</h1>"
        "<time itemprop=\"datePublished\" datetime=\"2017-05-06T07:08:09Z\">May 6</time>"
        BODY "</article></body></html>");
    assert_str(np_document_published(d), "2017-05-06T07:08:09Z");
    np_document_free(d);
}
END_TEST

START_TEST(time_pubdate)
{
    np_document *d = parse(
        "<html><body><time datetime=\"2001-01-01\">sidebar</time>"
        "<time pubdate datetime=\"2016-02-29T12:00:00+09:00\">x</time>" BODY
        "</body></html>");
    assert_str(np_document_published(d), "2016-02-29T12:00:00+09:00");
    assert_str(np_document_source(d, "published"), "time");
    np_document_free(d);
}
END_TEST

START_TEST(time_text)
{
    np_document *d = parse("<html><body><time>February 21, 2022</time>" BODY
                           "</body></html>");
    assert_str(np_document_published(d), "2022-02-21");
    np_document_free(d);
}
END_TEST

START_TEST(rel_author_and_byline_class)
{
    np_document *d = parse(
        "<html><body><div class=\"byline\">By <a rel=\"author\" href=\"/p/x\">"
        "Pat Smith</a>, Staff Writer | Updated 3 hours ago</div>" BODY
        "</body></html>");
    ck_assert_uint_eq(np_document_author_count(d), 1);
    assert_str(np_document_author(d, 0), "Pat Smith");
    assert_str(np_document_source(d, "authors"), "byline");
    np_document_free(d);
}
END_TEST

START_TEST(date_from_url)
{
    np_document *d = parse_url("<html><body>" BODY "</body></html>",
                               "https://news.example.org/2019/11/19/story.html");
    assert_str(np_document_published(d), "2019-11-19");
    assert_str(np_document_source(d, "published"), "url");
    assert_str(np_document_site_name(d), "news.example.org");
    np_document_free(d);
}
END_TEST

START_TEST(title_suffix_and_h1)
{
    np_document *d = parse(
        "<html><head><title>Roads to be rebuilt next year | The Town Paper</title>"
        "</head><body>" BODY "</body></html>");
    assert_str(np_document_title(d), "Roads to be rebuilt next year");
    np_document_free(d);
    d = parse("<html><body><h1>Only a heading</h1>" BODY "</body></html>");
    assert_str(np_document_title(d), "Only a heading");
    np_document_free(d);
}
END_TEST

START_TEST(language_sources)
{
    np_document *d = parse(
        "<html><head><meta http-equiv=\"Content-Language\" content=\"de-DE\">"
        "</head><body>" BODY "</body></html>");
    assert_str(np_document_language(d), "de-DE");
    np_document_free(d);
    d = parse("<html><head><meta property=\"og:locale\" content=\"pt_BR\">"
              "</head><body>" BODY "</body></html>");
    assert_str(np_document_language(d), "pt-BR");
    np_document_free(d);
}
END_TEST

START_TEST(absurd_dates_rejected)
{
    np_document *d = parse(
        "<html><head><meta property=\"article:published_time\" content=\"9999-01-01\">"
        "<meta name=\"date\" content=\"0000-00-00\"></head><body>" BODY
        "</body></html>");
    ck_assert_ptr_null(np_document_published(d));
    np_document_free(d);
}
END_TEST

START_TEST(description_falls_back_to_first_paragraph)
{
    np_document *d = parse("<html><body><article>" BODY BODY "</article></body></html>");
    ck_assert_ptr_nonnull(np_document_description(d));
    ck_assert(strncmp(np_document_description(d), "The council met", 15) == 0);
    assert_str(np_document_source(d, "description"), "body");
    np_document_free(d);
}
END_TEST

/* ------------------------------------------------------------ units */

START_TEST(date_parse_forms)
{
    static const struct { const char *in, *out; } ok[] = {
        {"2019-11-19T08:02:00-05:00", "2019-11-19T08:02:00-05:00"},
        {"2019-11-19T08:02:00.123Z", "2019-11-19T08:02:00Z"},
        {"2017-11-03 03:01:00.00000", "2017-11-03T03:01:00"},
        {"2019/11/19", "2019-11-19"},
        {"2021-11-01T10:52:50+0100", "2021-11-01T10:52:50+01:00"},
        {"February 21, 2022", "2022-02-21"},
        {"21 Feb 2022 09:15 GMT", "2022-02-21T09:15:00+00:00"},
        {"Tuesday, Nov. 19, 2019 8:21 pm ET", "2019-11-19T20:21:00"},
        {"Sept. 3, 2018", "2018-09-03"},
        {"Published 4:00 am CST, Wednesday, November 20, 2019", "2019-11-20"},
        {"29/02/2016", "2016-02-29"},
        /* other languages: day first, the months of lib/data/calendar.c */
        {"7. Dezember 2026", "2026-12-07"},
        {"Erscheinungsdatum: 21. M\xc3\xa4rz 2022, 12:25", "2022-03-21T12:25:00"},
        {"le 7 d\xc3\xa9\x63\x65mbre 2026 \xc3\xa0 18h", "2026-12-07"},
        {"1er ao\xc3\xbbt 2021", "2021-08-01"},
        {"mi\xc3\xa9rcoles, 4 de mayo de 2022", "2022-05-04"},
        {"7 dicembre 2026", "2026-12-07"},
        {"7 december 2026", "2026-12-07"},
        {"12 mrt. 2021", "2021-03-12"},
        {"Datum: 03.11.2021", "2021-11-03"},
        {"Monday 21st February 2022", "2022-02-21"},
    };
    static const char *const bad[] = {
        "Updated 3 hours ago", "9999-01-01", "0000-01-01", "2019-02-30",
        "May we all", "05/06/2019", "", "1899-12-31", "yesterday",
        "2019-13-01", "February 2022", "Juli 2019", "7 de 2022",
        "31.02.2021",
    };
    char out[NP__DATE_MAX];
    size_t i;
    for (i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        ck_assert_msg(np__date_parse(ok[i].in, strlen(ok[i].in), out),
                      "did not parse \"%s\"", ok[i].in);
        ck_assert_str_eq(out, ok[i].out);
    }
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
        ck_assert_msg(!np__date_parse(bad[i], strlen(bad[i]), out),
                      "parsed \"%s\" as %s", bad[i], out);
    ck_assert(!np__date_parse(NULL, 0, out));
}
END_TEST

START_TEST(authors_cleaning)
{
    static const struct { const char *in; size_t n; const char *a[3]; } cases[] = {
        {"By Jane Doe and John Roe, Reuters", 3, {"Jane Doe", "John Roe", "Reuters"}},
        {"by Lucas Nolan22 Dec 2016", 1, {"Lucas Nolan"}},
        {"Written by Rob Ewaschuk\n   Edited by Betsy Beyer", 2, {"Rob Ewaschuk", "Betsy Beyer"}},
        {"Bradley M. Kuhn (http://ebb.org/bkuhn/)", 1, {"Bradley M. Kuhn"}},
        {"Staff Writer", 0, {NULL}},
        {"jdoe42", 0, {NULL}},
        {"https://www.facebook.com/someone", 0, {NULL}},
        {"Mac & i", 1, {"Mac & i"}},
        {"Jane Doe | Published March 3, 2020", 1, {"Jane Doe"}},
        /* a person with a description is one person */
        {"By Jane Doe, Senior Editor at Healthline, ten years of experience", 1, {"Jane Doe"}},
        {"Written by Amy Lin, MD, FACP", 1, {"Amy Lin"}},
        {"Amy Lin MD", 1, {"Amy Lin"}},
        {"Dr. Amy Lin, Ph.D. and Carl Berg, RN, BSN", 2, {"Dr. Amy Lin", "Carl Berg"}},
        {"Jane Doe (Staff Writer) & Li Wei, Health Reporter", 2, {"Jane Doe", "Li Wei"}},
        {"Jane Doe \xe2\x80\x94 Contributing Writer, Tech Desk", 1, {"Jane Doe"}},
        {"Jane Doe is a health writer based in Ohio", 1, {"Jane Doe"}},
        {"Bay Party - Harbour Group", 1, {"Bay Party - Harbour Group"}},
        /* a part after a name that is not a description stays */
        {"Jane Doe, Reuters", 2, {"Jane Doe", "Reuters"}},
        {"Bob Ma", 1, {"Bob Ma"}},
        /* labels are not names */
        {"Posted on", 0, {NULL}},
        {"Published by", 0, {NULL}},
        /* labels of other languages before the names */
        {"Verfasst von: Meike Neitz", 1, {"Meike Neitz"}},
        {"Autor: Petra Ruland", 1, {"Petra Ruland"}},
        {"Por: Juan Diego", 1, {"Juan Diego"}},
        {"Escrito por Ana Ruiz y Luis Gil", 2, {"Ana Ruiz", "Luis Gil"}},
        {"Auteur : Anna Kubi\xc5\xa1ta", 1, {"Anna Kubi\xc5\xa1ta"}},
        {"von Moritz Gathmann am 21. April 2020", 1, {"Moritz Gathmann"}},
        {"par Marine Le Pen le 7 mai 2020", 1, {"Marine Le Pen"}},
        /* Drupal's label, then the name, then "am" and the date */
        {"Gespeichert von rasos am 24. Juli 2017 - 18:55", 1, {"rasos"}},
        {"Submitted by jdoe on Tue, 05/03/2022", 1, {"jdoe"}},
        /* a relative date is not part of the last name */
        {"Isabel Caro y Jos\xc3\xa9 Miguel Wilson Hace 13 horas", 2,
         {"Isabel Caro", "Jos\xc3\xa9 Miguel Wilson"}},
        {"von Jana Berg vor 2 Stunden", 1, {"Jana Berg"}},
        {"Jana Berg vor einer Stunde", 1, {"Jana Berg"}},
        {"By Ann Lee an hour ago", 1, {"Ann Lee"}},
        {"Marie Roux il y a 3 heures", 1, {"Marie Roux"}},
        /* labels and roles written in other scripts than ASCII, a dash
         * left by a cut date, an address a page hides, picture credits */
        {"erstellt von Dominique \xe2\x80\x94 ver\xc3\xb6" "ffentlicht 28.01.2022 06:00", 1,
         {"Dominique"}},
        {"Ver\xc3\xb6" "ffentlicht von Henning Lobin", 1, {"Henning Lobin"}},
        {"Von FOCUS-Online-Experte Robin Roe", 1, {"Robin Roe"}},
        {"Editor Jane Doe", 1, {"Jane Doe"}},
        {"AFP/The Local - [email\xc2\xa0protected]", 2, {"AFP", "The Local"}},
        {"Text von Christian Seiler Illustration von Markus Roost", 1, {"Christian Seiler"}},
        {"By Jane Doe Photos by Ann Lee", 1, {"Jane Doe"}},
        {"so Artikel empfehlen", 0, {NULL}},
        /* a heading is not a name */
        {"Auteurs", 0, {NULL}},
        {"Authors", 0, {NULL}},
        {"Article by", 0, {NULL}},
        {"posted by Jane Roe at 12:53", 1, {"Jane Roe"}},
        /* a profession before the name, a date label after it */
        {"Rechtsanwalt Dennis T\xc3\xb6lle", 1, {"Dennis T\xc3\xb6lle"}},
        {"Fachanw\xc3\xa4ltin Jana Berg", 1, {"Jana Berg"}},
        {"Sara Zinnecker Stand: 05. Februar 2020", 1, {"Sara Zinnecker"}},
        {"Jana Berg Stand 12.03.2021", 1, {"Jana Berg"}},
        {"Jane Date", 1, {"Jane Date"}},
        /* placeholders and initials name nobody; a user name stays */
        {"Unknown", 0, {NULL}},
        {"Anonymous", 0, {NULL}},
        {"No Author", 0, {NULL}},
        {"K A", 0, {NULL}},
        {"J. D.", 0, {NULL}},
        {"admin", 1, {"admin"}},
        {"Li Na", 1, {"Li Na"}},
        /* a weekday in any language and a label of the date are no names */
        {"Donnerstag, 4. November 2021", 0, {NULL}},
        {"mercredi", 0, {NULL}},
        {"Ver\xc3\xb6" "ffentlicht am", 0, {NULL}},
        {"Published on", 0, {NULL}},
        /* the publication after a person's name goes; an organisation's
         * "for" stays */
        {"By Glen Roe And Brendan Doe For The Daily Example On Sunday", 2,
         {"Glen Roe", "Brendan Doe"}},
        {"Jane Doe for CNN", 1, {"Jane Doe"}},
        {"Jana Berg f\xc3\xbcr die Zeitung", 1, {"Jana Berg"}},
        {"Center for Science", 1, {"Center for Science"}},
        /* words that say what the work is, before the name */
        {"Un documentaire de Kristen Roe", 1, {"Kristen Roe"}},
        {"A film by Jane Doe", 1, {"Jane Doe"}},
        {"Charles de Gaulle", 1, {"Charles de Gaulle"}},
        {"Mar\xc3\xad" "a de la Luz Roe", 1, {"Mar\xc3\xad" "a de la Luz Roe"}},
        /* a name written twice, for screen readers */
        {"Kristen RoeKristen Roe", 1, {"Kristen Roe"}},
        {"Jane Doe Jane Doe", 1, {"Jane Doe"}},
        /* labels of an interview or a text, Arabic's too */
        {"Interview: Julia Roe", 1, {"Julia Roe"}},
        {"\xd8\xad\xd9\x88\xd8\xa7\xd8\xb1: \xd8\xb3\xd8\xa7\xd8\xb1\xd8\xa9 "
         "\xd9\x8a\xd9\x88\xd8\xb3\xd9\x81", 1,
         {"\xd8\xb3\xd8\xa7\xd8\xb1\xd8\xa9 \xd9\x8a\xd9\x88\xd8\xb3\xd9\x81"}},
        {"Interview", 0, {NULL}},
        /* a middle dot parts the byline line; the section goes */
        {"by Jane Doe \xc2\xb7 in News", 1, {"Jane Doe"}},
        {"Von Katharina Roe Kategorien: Mode", 1, {"Katharina Roe"}},
        {"Artikel von: jroe", 1, {"jroe"}},
        {"By Jane Doe Filed under Politics", 1, {"Jane Doe"}},
        {"jdoe \xc2\xb7", 1, {"jdoe"}},
    };
    size_t i, k;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        np_document *d = np__doc_new();
        ck_assert_ptr_nonnull(d);
        ck_assert_int_eq(np__authors_add(d, cases[i].in, strlen(cases[i].in)), NP_OK);
        ck_assert_msg(np_document_author_count(d) == cases[i].n,
                      "\"%s\": %zu authors", cases[i].in, np_document_author_count(d));
        for (k = 0; k < cases[i].n; k++)
            ck_assert_str_eq(np_document_author(d, k), cases[i].a[k]);
        np_document_free(d);
    }
}
END_TEST

/* ------------------------------------------- bylines and dates, pages */

/* A second author JSON-LD leaves out, shown in the byline. */
START_TEST(byline_adds_second_author)
{
    np_document *d = parse(
        "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
        "\"headline\":\"Roads\",\"author\":{\"@type\":\"Person\",\"name\":\"April Roach\"}}"
        "</script></head><body><h1>Roads</h1><div class=\"byline\">By "
        "<a>April Roach</a>, <a>Daniel Roe</a></div>" BODY "</body></html>");
    ck_assert_uint_eq(np_document_author_count(d), 2);
    assert_str(np_document_author(d, 0), "April Roach");
    assert_str(np_document_author(d, 1), "Daniel Roe");
    np_document_free(d);
    /* not a description or a place after the name */
    d = parse(
        "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
        "\"headline\":\"Roads\",\"author\":{\"@type\":\"Person\",\"name\":\"Jane Doe\"}}"
        "</script></head><body><h1>Roads</h1><div class=\"byline\">Jane Doe, "
        "Privacy and Technology Project</div>" BODY "</body></html>");
    ck_assert_uint_eq(np_document_author_count(d), 1);
    assert_str(np_document_author(d, 0), "Jane Doe");
    np_document_free(d);
}
END_TEST

/* An author that only names the site gives way to the person of the
 * byline; a photo credit is never the byline. */
START_TEST(byline_site_and_credit)
{
    np_document *d = parse(
        "<html><head><meta property=\"og:site_name\" content=\"Town Paper\">"
        "<meta name=\"author\" content=\"Town Paper\"></head><body><h1>Roads</h1>"
        "<p class=\"byline\">por Jana Berg</p>" BODY "</body></html>");
    ck_assert_uint_eq(np_document_author_count(d), 1);
    assert_str(np_document_author(d, 0), "Jana Berg");
    np_document_free(d);
    d = parse(
        "<html><body><figure><img src=\"a.jpg\"><p><span class=\"media-license-author\">"
        "zvg</span></p></figure><h1>Roads</h1><p class=\"author-meta\">Red. / "
        "<time datetime=\"2023-10-31\">31.10.2023</time></p>" BODY "</body></html>");
    ck_assert_uint_eq(np_document_author_count(d), 1);
    assert_str(np_document_author(d, 0), "Red.");
    np_document_free(d);
    /* a heading of a list of authors, then the byline */
    d = parse(
        "<html><body><h3 class=\"title-authors\"><a href=\"/auteurs/\">Auteurs</a></h3>"
        "<h1>Roads</h1><p class=\"byline author\">Par <a>Barbara Stiegler</a></p>" BODY
        "</body></html>");
    ck_assert_uint_eq(np_document_author_count(d), 1);
    assert_str(np_document_author(d, 0), "Barbara Stiegler");
    np_document_free(d);
}
END_TEST

/* A desk beside people is no author; alone, it is. */
START_TEST(byline_desk_beside_people)
{
    np_document *d = parse(
        "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
        "\"headline\":\"Roads\",\"author\":[\"Michael Roe\",\"Redaktion\"]}"
        "</script></head><body><h1>Roads</h1>" BODY "</body></html>");
    ck_assert_uint_eq(np_document_author_count(d), 1);
    assert_str(np_document_author(d, 0), "Michael Roe");
    np_document_free(d);
    d = parse("<html><head><meta name=\"author\" content=\"Redaktion\"></head><body>"
              "<h1>Roads</h1>" BODY "</body></html>");
    ck_assert_uint_eq(np_document_author_count(d), 1);
    assert_str(np_document_author(d, 0), "Redaktion");
    np_document_free(d);
}
END_TEST

/* Bylines the markup hides: an element named byline over a meta author
 * that is the site's address, "Article by" in an element of its own, a
 * no-break space after "Par", a class in French, a placeholder. */
START_TEST(byline_hidden_forms)
{
    np_document *d = parse(
        "<html><head><meta name=\"author\" content=\"example.de\"></head><body>"
        "<h1>Roads</h1><byline>Von Jane Doe, dpa</byline>" BODY "</body></html>");
    ck_assert_uint_eq(np_document_author_count(d), 1);
    assert_str(np_document_author(d, 0), "Jane Doe");
    np_document_free(d);
    d = parse(
        "<html><body><h1>Roads</h1><div><span class=\"article_author_single\">Article "
        "by</span><br><span class=\"author_single\">Barry Roe</span></div>" BODY
        "</body></html>");
    ck_assert_uint_eq(np_document_author_count(d), 1);
    assert_str(np_document_author(d, 0), "Barry Roe");
    np_document_free(d);
    d = parse(
        "<html><body><h1>Roads</h1><span class=\"field-contributor\">Par&nbsp;"
        "<a href=\"/jean\">Jean Dupont</a></span>" BODY "</body></html>");
    ck_assert_uint_eq(np_document_author_count(d), 1);
    assert_str(np_document_author(d, 0), "Jean Dupont");
    np_document_free(d);
    /* "auteurs": read after the other bylines, a name only */
    d = parse(
        "<html><body><div class=\"dates_auteurs\">En kiosques : <a>juillet 2020</a>"
        "</div><h1>Roads</h1><div class=\"dates_auteurs\">par <span class=\"auteurs\">"
        "Didier Roy</span>, 21 juin 2018</div>" BODY "</body></html>");
    ck_assert_uint_eq(np_document_author_count(d), 1);
    assert_str(np_document_author(d, 0), "Didier Roy");
    np_document_free(d);
    d = parse(
        "<html><body><h1>Roads</h1>" BODY "<div class=\"autor-box\">Herausgeber</div>"
        "</body></html>");
    ck_assert_uint_eq(np_document_author_count(d), 0);
    np_document_free(d);
    d = parse(
        "<html><body><h1>Roads</h1>" BODY "<span itemprop=\"author\"><span itemprop="
        "\"name\">Unknown</span></span></body></html>");
    ck_assert_uint_eq(np_document_author_count(d), 0);
    np_document_free(d);
    /* a given name with an accent is a given name: the person of the
     * byline over the site's name */
    d = parse(
        "<html><head><meta property=\"og:site_name\" content=\"El Diario\">"
        "<meta name=\"author\" content=\"El Diario\"></head><body><h1>Roads</h1>"
        "<p class=\"byline\">Por Ra\xc3\xbal Espina</p>" BODY "</body></html>");
    ck_assert_uint_eq(np_document_author_count(d), 1);
    assert_str(np_document_author(d, 0), "Ra\xc3\xbal Espina");
    np_document_free(d);
}
END_TEST

/* A page without <h1>: the heading the title holds is the headline the
 * byline follows; a credit under a picture is no byline. */
START_TEST(byline_under_other_headline)
{
    np_document *d = parse(
        "<html><head><title>The old bridge | Town Paper</title></head><body>"
        "<h2>Latest news</h2><h2>The old bridge</h2><p>Text von Christian Roe "
        "Illustration von Markus Poe</p>" BODY "</body></html>");
    ck_assert_uint_eq(np_document_author_count(d), 1);
    assert_str(np_document_author(d, 0), "Christian Roe");
    np_document_free(d);
    /* a heading the title does not hold is no headline */
    d = parse(
        "<html><head><title>The old bridge | Town Paper</title></head><body>"
        "<h2>Latest news</h2><p>Text von Christian Roe</p>" BODY "</body></html>");
    ck_assert_uint_eq(np_document_author_count(d), 0);
    np_document_free(d);
    /* "von" in lower case before a name alone; a date before "von" */
    d = parse("<html><body><h1>Roads</h1><p>von Daniela Roe</p>" BODY "</body></html>");
    ck_assert_uint_eq(np_document_author_count(d), 1);
    assert_str(np_document_author(d, 0), "Daniela Roe");
    np_document_free(d);
    d = parse("<html><body><h1>Roads</h1><p>von der Leyen sagte, dass Roe Recht hat</p>"
              BODY "</body></html>");
    ck_assert_uint_eq(np_document_author_count(d), 0);
    np_document_free(d);
    d = parse("<html><body><h1>Roads</h1><p>Ver\xc3\xb6" "ffentlicht am 13. M\xc3\xa4rz "
              "2019 von Michael Roe-Poe</p>" BODY "</body></html>");
    ck_assert_uint_eq(np_document_author_count(d), 1);
    assert_str(np_document_author(d, 0), "Michael Roe-Poe");
    np_document_free(d);
    /* a dateline, then words, then "von": a speech, not a byline */
    d = parse("<html><body><h1>Roads</h1><p>Bern, 17.08.2007 - Rede von Moritz Roe "
              "beim Gipfel</p>" BODY "</body></html>");
    ck_assert_uint_eq(np_document_author_count(d), 0);
    np_document_free(d);
    d = parse(
        "<html><body><h1>Roads</h1><p class=\"summary\">Boats at the ramp. <span "
        "class=\"credit\">By Harbour Police</span></p>" BODY "</body></html>");
    ck_assert_uint_eq(np_document_author_count(d), 0);
    np_document_free(d);
    d = parse(
        "<html><body><h1>Roads</h1><figure><img src=\"a.jpg\"><figcaption><span>By "
        "Ann Lee</span></figcaption></figure>" BODY "</body></html>");
    ck_assert_uint_eq(np_document_author_count(d), 0);
    np_document_free(d);
}
END_TEST

/* Drupal's "submitted" line: the name and the date. */
START_TEST(byline_drupal_submitted)
{
    np_document *d = parse(
        "<html><body><h1>Roads</h1>" BODY "<div class=\"submitted\">Gespeichert von "
        "<span class=\"username\">rasos</span> am 24. Juli 2017 - 18:55</div></body></html>");
    ck_assert_uint_eq(np_document_author_count(d), 1);
    assert_str(np_document_author(d, 0), "rasos");
    ck_assert_str_eq(np_document_published(d), "2017-07-24T18:55:00");
    np_document_free(d);
}
END_TEST

/* A byline element that opens with the date, or holds it beside the
 * name: the name, never the weekday or the label of the date. */
START_TEST(byline_after_date)
{
    np_document *d = parse(
        "<html><body><h1>Roads</h1><div class=\"entry-meta\"><span class=\"meta-prep "
        "meta-prep-author\">Ver\xc3\xb6" "ffentlicht am</span> <span class=\"entry-date\">"
        "13. M\xc3\xa4rz 2019</span> <span class=\"by-author\">von <span class=\"author "
        "vcard\">Jane Doe</span></span></div>" BODY "</body></html>");
    ck_assert_uint_eq(np_document_author_count(d), 1);
    assert_str(np_document_author(d, 0), "Jane Doe");
    np_document_free(d);
    d = parse(
        "<html><body><h1>Roads</h1><p class=\"byline\">Ver\xc3\xb6" "ffentlicht am "
        "13. M\xc3\xa4rz 2019 von Jane Doe</p>" BODY "</body></html>");
    ck_assert_uint_eq(np_document_author_count(d), 1);
    assert_str(np_document_author(d, 0), "Jane Doe");
    np_document_free(d);
    d = parse(
        "<html><body><h1>Roads</h1><div class=\"article-author\"><time class=\"published\" "
        "datetime=\"2021-11-04T02:00:00+01:00\">Donnerstag, 4. November 2021</time>"
        "<div class=\"article-author-text\">von <address class=\"author\">"
        "example.at Redaktion</address></div></div>" BODY "</body></html>");
    ck_assert_uint_eq(np_document_author_count(d), 1);
    assert_str(np_document_author(d, 0), "example.at Redaktion");
    np_document_free(d);
}
END_TEST

/* Bylines far from the headline: Joomla's "createdby" in a page without
 * <h1>, a phrase after the text, an Arabic label; not a work's author
 * in a list, nor the credit of an embedded post. A date line with a
 * middle dot: the name alone. */
START_TEST(byline_far_and_labelled)
{
    np_document *d;
    np__buf b = NP__BUF_INIT;
    int i;
    d = parse(
        "<html><body><article><h2>Roads</h2><dl class=\"article-info\"><dd class=\"createdby\">"
        "Escrito por Ana Ruiz Roe</dd></dl>" BODY "</article></body></html>");
    ck_assert_uint_eq(np_document_author_count(d), 1);
    assert_str(np_document_author(d, 0), "Ana Ruiz Roe");
    np_document_free(d);
    np__buf_puts(&b, "<html><body><h1>Roads</h1>");
    for (i = 0; i < 45; i++)
        np__buf_puts(&b, BODY);
    np__buf_puts(&b, "<p>Written by Jane Doe</p><ul><li>Autor: John Roe</li></ul>"
                 "<blockquote><p>Posted by Example Party on Monday</p></blockquote>"
                 "</body></html>");
    ck_assert(!b.oom);
    d = parse(np__buf_cstr(&b));
    ck_assert_uint_eq(np_document_author_count(d), 1);
    assert_str(np_document_author(d, 0), "Jane Doe");
    np_document_free(d);
    np__buf_clear(&b);
    np__buf_puts(&b, "<html><body><h1>Roads</h1>");
    for (i = 0; i < 45; i++)
        np__buf_puts(&b, BODY);
    np__buf_puts(&b, "<ul><li>Autor: John Roe</li></ul><blockquote><p>Posted by "
                 "Example Party</p></blockquote></body></html>");
    ck_assert(!b.oom);
    d = parse(np__buf_cstr(&b));
    ck_assert_uint_eq(np_document_author_count(d), 0);
    np_document_free(d);
    np__buf_free(&b);
    d = parse(
        "<html><body><h1>Roads</h1><p><strong>\xd8\xad\xd9\x88\xd8\xa7\xd8\xb1: "
        "\xd8\xb3\xd8\xa7\xd8\xb1\xd8\xa9 \xd9\x8a\xd9\x88\xd8\xb3\xd9\x81</strong><br></p>"
        BODY "</body></html>");
    ck_assert_uint_eq(np_document_author_count(d), 1);
    assert_str(np_document_author(d, 0),
               "\xd8\xb3\xd8\xa7\xd8\xb1\xd8\xa9 \xd9\x8a\xd9\x88\xd8\xb3\xd9\x81");
    np_document_free(d);
    d = parse(
        "<html><body><h1>Roads</h1><div class=\"byline\"><a href=\"/r\">8. Januar 2020</a> "
        "&middot; by <a rel=\"author\" href=\"/a/jane\">Jane Doe</a> &middot; in <a "
        "href=\"/c/news\">News</a></div>" BODY "</body></html>");
    ck_assert_uint_eq(np_document_author_count(d), 1);
    assert_str(np_document_author(d, 0), "Jane Doe");
    np_document_free(d);
}
END_TEST

/* A meta author who is no person gives way to the people the byline
 * shows; a person named in the meta tags stays. Given names of the wider
 * list ("Siddharth", "Leszek") read as persons'. */
START_TEST(byline_people_over_meta)
{
    np_document *d = parse(
        "<html><head><meta name=\"author\" content=\"Landesanstalt f\xc3\xbcr Wald - LWF\">"
        "</head><body><h1>Roads</h1>" BODY "<p><span itemprop=\"author\">Joachim Roe"
        "</span></p></body></html>");
    ck_assert_uint_eq(np_document_author_count(d), 1);
    assert_str(np_document_author(d, 0), "Joachim Roe");
    assert_str(np_document_source(d, "authors"), "byline");
    np_document_free(d);
    d = parse(
        "<html><head><meta name=\"author\" content=\"Jane Doe\"></head><body>"
        "<h1>Roads</h1><p class=\"byline\">By John Roe</p>" BODY "</body></html>");
    ck_assert_uint_eq(np_document_author_count(d), 1);
    assert_str(np_document_author(d, 0), "Jane Doe");
    np_document_free(d);
    d = parse(
        "<html><head><meta property=\"og:site_name\" content=\"Example\">"
        "<meta name=\"author\" content=\"Example\"></head><body><h1>Roads</h1>"
        "<span class=\"content-autor\">Siddharth Roe, Leszek Doe &amp; Clara Poe</span>"
        BODY "</body></html>");
    ck_assert_uint_eq(np_document_author_count(d), 3);
    assert_str(np_document_author(d, 0), "Siddharth Roe");
    assert_str(np_document_author(d, 1), "Leszek Doe");
    np_document_free(d);
}
END_TEST

/* Dates: a page builder's blocks are not side widgets, its list of
 * other posts is; a date split over sibling elements; the page's own
 * calendar day over a UTC time on the next day. */
START_TEST(dates_builder_split_local_day)
{
    np_document *d = parse(
        "<html><body><div class=\"elementor-widget-wrap\"><h1>Roads</h1></div>"
        "<div class=\"elementor-widget elementor-widget-post-info\"><ul><li>"
        "<span class=\"elementor-post-info__item--type-date\">19. Oktober 2019</span>"
        "</li></ul></div>" BODY "</body></html>");
    ck_assert_str_eq(np_document_published(d), "2019-10-19");
    np_document_free(d);
    d = parse(
        "<html><body><h1>Roads</h1>" BODY "<div class=\"elementor-widget elementor-widget-posts\">"
        "<div class=\"elementor-posts-container\"><span class=\"elementor-post-date\">"
        "22. Juni 2022</span></div></div></body></html>");
    ck_assert_ptr_null(np_document_published(d));
    np_document_free(d);
    d = parse(
        "<html><body><h1>Roads</h1><span class=\"meta\"><span class=\"meta-date\">"
        "<span>Jan 04</span></span>\n<span class=\"meta-time\"> <span>09:34</span>\n"
        " <span>2021</span></span></span>" BODY "</body></html>");
    ck_assert_str_eq(np_document_published(d), "2021-01-04");
    np_document_free(d);
    d = parse(
        "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
        "\"headline\":\"Roads\",\"datePublished\":\"2022-05-04T00:44:52.000Z\"}</script>"
        "</head><body><h1>Roads</h1><ul class=\"wgt-date\"><li>Bras\xc3\xadlia</li>"
        "<li>03/05/2022 21:44</li></ul>" BODY "</body></html>");
    ck_assert_str_eq(np_document_published(d), "2022-05-03T21:44:00");
    np_document_free(d);
    /* the same day in both: the UTC time stays as written */
    d = parse(
        "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
        "\"headline\":\"Roads\",\"datePublished\":\"2022-05-04T12:44:52Z\"}</script>"
        "</head><body><h1>Roads</h1><ul class=\"wgt-date\"><li>04/05/2022 09:44</li></ul>"
        BODY "</body></html>");
    ck_assert_str_eq(np_document_published(d), "2022-05-04T12:44:52Z");
    np_document_free(d);
}
END_TEST

START_TEST(title_trim_rules)
{
    static const struct { const char *in, *site; size_t keep; } cases[] = {
        {"Roads rebuilt next year | Town Paper", NULL, 23},
        {"Roads rebuilt next year - Town Paper", NULL, 23},
        {"Roads rebuilt next year - the council says so", NULL, 45},
        {"Lorem ipsum dolor sit amet \xe2\x80\x93 My website", NULL, 26},
        {"Budget passes \xe2\x80\x93 My website", NULL, 28},
        {"Short | Site", NULL, 12},
        {"A story about things - example", "example.com", 20},
    };
    size_t i;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
        ck_assert_msg(np__title_trim(cases[i].in, strlen(cases[i].in), cases[i].site)
                      == cases[i].keep, "\"%s\" kept %zu", cases[i].in,
                      np__title_trim(cases[i].in, strlen(cases[i].in), cases[i].site));
}
END_TEST

/* ------------------------------------------------------- bad input */

START_TEST(bad_input)
{
    static const char binary[] = "\x00\x01\xff\xfe<meta\x00 name=\"author\" content=\"\xff\xfe\">";
    np_parser *p = NULL;
    np_document *d = NULL;
    char *big;
    size_t n = 4u << 20, i;
    ck_assert_int_eq(np_parser_new(&p, NULL), NP_OK);
    ck_assert_int_eq(np_parse_html(p, &d, "", 0, NULL), NP_OK);
    ck_assert_ptr_null(np_document_title(d));
    np_document_free(d);
    ck_assert_int_eq(np_parse_html(p, &d, binary, sizeof binary - 1, NULL), NP_OK);
    np_document_free(d);
    /* a huge JSON-LD script and many meta tags */
    big = malloc(n + 1);
    ck_assert_ptr_nonnull(big);
    strcpy(big, "<html><head><script type=\"application/ld+json\">[");
    for (i = strlen(big); i + 64 < n; i += 2)
        memcpy(big + i, "[[", 2);
    strcpy(big + i, "</script></head><body><p>x</p></body></html>");
    ck_assert_int_eq(np_parse_html(p, &d, big, strlen(big), NULL), NP_OK);
    np_document_free(d);
    free(big);
    np_parser_free(p);
}
END_TEST

START_TEST(metadata_pages_floor)
{
    /* The Readability test pages: every page parses and most carry a
     * title (a floor far below the scorer's figures). */
    const char *shared = np_test_shared();
    char path[4096];
    FILE *ls;
    char name[512];
    size_t pages = 0, titled = 0;
    np_parser *p = NULL;
    if (!shared)
        return;
    snprintf(path, sizeof path, "ls %s/bench/metadata/pages", shared);
    ls = popen(path, "r");
    ck_assert_ptr_nonnull(ls);
    ck_assert_int_eq(np_parser_new(&p, NULL), NP_OK);
    while (fgets(name, sizeof name, ls)) {
        size_t len;
        char *buf;
        np_document *d = NULL;
        name[strcspn(name, "\n")] = '\0';
        snprintf(path, sizeof path, "%s/bench/metadata/pages/%s/source.html", shared, name);
        buf = np_test_read(path, &len);
        if (!buf)
            continue;
        ck_assert_int_eq(np_parse_html(p, &d, buf, len, NULL), NP_OK);
        pages++;
        titled += np_document_title(d) != NULL;
        np_document_free(d);
        free(buf);
    }
    pclose(ls);
    np_parser_free(p);
    ck_assert_uint_ge(pages, 100);
    ck_assert_msg(titled * 100 >= pages * 90, "%zu of %zu pages have a title", titled, pages);
}
END_TEST

Suite *np_meta_suite(void)
{
    Suite *s = suite_create("meta");
    TCase *t = tcase_create("sources");
    tcase_add_test(t, jsonld_news_article);
    tcase_add_test(t, jsonld_graph);
    tcase_add_test(t, jsonld_broken_is_ignored);
    tcase_add_test(t, jsonld_cdata_and_array);
    tcase_add_test(t, opengraph_and_twitter);
    tcase_add_test(t, twitter_only);
    tcase_add_test(t, dublin_core);
    tcase_add_test(t, space_separated_properties);
    tcase_add_test(t, meta_author_byline_split);
    tcase_add_test(t, entities_in_values);
    tcase_add_test(t, entities_in_every_field);
    tcase_add_test(t, jsonld_own_article_wins);
    tcase_add_test(t, dates_of_other_elements_ignored);
    tcase_add_test(t, updated_is_modified);
    tcase_add_test(t, by_line_near_headline);
    tcase_add_test(t, labelled_bylines_in_other_languages);
    tcase_add_test(t, user_name_gives_way_to_display_name);
    tcase_add_test(t, dates_in_other_languages);
    tcase_add_test(t, organisation_author_yields_to_person);
    tcase_add_test(t, microdata_and_time);
    tcase_add_test(t, time_pubdate);
    tcase_add_test(t, time_text);
    tcase_add_test(t, rel_author_and_byline_class);
    tcase_add_test(t, date_from_url);
    tcase_add_test(t, title_suffix_and_h1);
    tcase_add_test(t, language_sources);
    tcase_add_test(t, absurd_dates_rejected);
    tcase_add_test(t, description_falls_back_to_first_paragraph);
    suite_add_tcase(s, t);
    t = tcase_create("units");
    tcase_add_test(t, date_parse_forms);
    tcase_add_test(t, meta_text_rules);
    tcase_add_test(t, authors_cleaning);
    tcase_add_test(t, byline_adds_second_author);
    tcase_add_test(t, byline_site_and_credit);
    tcase_add_test(t, byline_drupal_submitted);
    tcase_add_test(t, byline_hidden_forms);
    tcase_add_test(t, byline_under_other_headline);
    tcase_add_test(t, byline_desk_beside_people);
    tcase_add_test(t, byline_after_date);
    tcase_add_test(t, byline_far_and_labelled);
    tcase_add_test(t, byline_people_over_meta);
    tcase_add_test(t, dates_builder_split_local_day);
    tcase_add_test(t, title_trim_rules);
    suite_add_tcase(s, t);
    t = tcase_create("bad");
    tcase_set_timeout(t, 120);
    tcase_add_test(t, bad_input);
    tcase_add_test(t, metadata_pages_floor);
    tcase_add_test(t, no_references_left_on_bench_pages);
    suite_add_tcase(s, t);
    return s;
}

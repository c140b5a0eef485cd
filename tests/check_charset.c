/*
 * Charset handling of HTML input: whatever the bytes' encoding and however
 * (or whether) it is declared, the document's text is the right UTF-8.
 *
 * Pages here are a <title> and one <p>, parsed with NP_PARSE_KEEP_ALL so
 * that the body's content does not depend on extraction choices.
 */
#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "np_internal.h"
#include "np_test.h"
#include "newsparse/newsparse.h"

/* Builds "<html><head>HEAD<title>TITLE</title></head><body><p>TEXT</p>..."
 * from raw bytes (any encoding; ASCII markup). Free with free(). */
static char *page(const char *head, const char *title, const char *text, size_t *len)
{
    /* The paragraph is long enough to read as an article whatever the
     * extraction's thresholds. */
    const char *fmt = "<!DOCTYPE html>\n<html><head>%s<title>%s</title></head>\n"
                      "<body><article><p>%s. This paragraph goes on in plain ASCII for a "
                      "while, so that the page has enough text in it to be read as an "
                      "article by any reasonable measure, whatever the extraction "
                      "decides.</p>\n<p>A second paragraph adds more of the same: plain "
                      "sentences, with commas and full stops, the way a news story is "
                      "written, so that no rule mistakes the page for a list of links.</p>"
                      "\n<p>A third paragraph ends the story with a few more words, enough "
                      "to pass any threshold of length that an extractor might apply to "
                      "a page before it calls it an article.</p></article></body></html>\n";
    size_t n = strlen(fmt) + strlen(head) + strlen(title) + strlen(text);
    char *buf = malloc(n + 1);
    ck_assert_ptr_nonnull(buf);
    snprintf(buf, n + 1, fmt, head, title, text);
    *len = strlen(buf);
    return buf;
}

/* UTF-8 (BMP only) to UTF-16 with a BOM, little or big endian. */
static void put16(unsigned char *out, size_t *o, uint32_t cp, int big_endian)
{
    out[*o + (big_endian ? 0 : 1)] = (unsigned char)(cp >> 8);
    out[*o + (big_endian ? 1 : 0)] = (unsigned char)(cp & 0xFF);
    *o += 2;
}

static char *utf16(const char *u8, int big_endian, size_t *len)
{
    size_t n = strlen(u8), o = 0, i = 0;
    unsigned char *out = malloc(2 * n + 2);
    const unsigned char *s = (const unsigned char *)u8;
    ck_assert_ptr_nonnull(out);
    put16(out, &o, 0xFEFF, big_endian);
    while (i < n) {
        uint32_t cp;
        if (s[i] < 0x80) {
            cp = s[i++];
        } else if ((s[i] & 0xE0) == 0xC0) {
            cp = ((uint32_t)(s[i] & 0x1F) << 6) | (s[i + 1] & 0x3F);
            i += 2;
        } else {
            cp = ((uint32_t)(s[i] & 0x0F) << 12) | ((uint32_t)(s[i + 1] & 0x3F) << 6) |
                 (s[i + 2] & 0x3F);
            i += 3;
        }
        put16(out, &o, cp, big_endian);
    }
    *len = o;
    return (char *)out;
}

/* The decoding stage alone (lib/load): the page's bytes to UTF-8, before
 * any extraction, so that a failure here is told apart from one there. */
static void expect_decoded(np_parser *p, const char *buf, size_t len,
                           const char *title, const char *body_part)
{
    np__buf out = NP__BUF_INIT;
    np__ctx c;
    np_document *d = np__doc_new();
    const char *u8;
    char *want;
    int rc;

    ck_assert_ptr_nonnull(d);
    memset(&c, 0, sizeof c);
    c.parser = p;
    c.doc = d;
    c.flags = p->opts.flags;
    rc = np__decode_html(&c, buf, len, &out);
    ck_assert_msg(rc == NP_OK, "np__decode_html: %s (%s)", np_strerror(rc),
                  np_parser_errmsg(p));
    u8 = np__buf_cstr(&out);
    ck_assert_msg(np_check_utf8(u8, out.len), "decoded page is not valid UTF-8");
    if (title) {
        want = malloc(strlen(title) + 16);
        ck_assert_ptr_nonnull(want);
        sprintf(want, "<title>%s<", title);
        ck_assert_msg(strstr(u8, want) != NULL, "decoded page lacks %s", want);
        free(want);
    }
    if (body_part)
        ck_assert_msg(strstr(u8, body_part) != NULL,
                      "decoded page lacks \"%s\": %s", body_part, u8);
    np__buf_free(&out);
    np_document_free(d);
}

/* Parses HTML bytes (with an optional charset hint) and checks that the
 * title and the body are valid UTF-8 equal to / containing what is
 * expected. */
static void expect_parsed(const char *buf, size_t len, const char *hint,
                          const char *title, const char *body_part, int decoded)
{
    np_parse_options o = NP_PARSE_OPTIONS_INIT;
    np_parser *p = NULL;
    np_document *d = NULL;
    const char *body, *t;
    size_t blen;
    int rc;

    o.flags = NP_PARSE_KEEP_ALL;
    o.charset = hint;
    ck_assert_int_eq(np_parser_new(&p, &o), NP_OK);
    if (decoded)
        expect_decoded(p, buf, len, title, body_part);
    rc = np_parse_html(p, &d, buf, len, NULL);
    ck_assert_msg(rc == NP_OK, "np_parse_html: %s (%s)", np_strerror(rc), np_parser_errmsg(p));

    body = np_document_body(d, &blen);
    ck_assert_msg(np_check_utf8(body, blen), "body is not valid UTF-8");
    ck_assert_msg(strstr(body, "\xef\xbb\xbf") == NULL, "a BOM was left in the body");
    if (body_part)
        ck_assert_msg(strstr(body, body_part) != NULL,
                      "body \"%s\" does not contain \"%s\"", body, body_part);

    t = np_document_title(d);
    if (title) {
        ck_assert_msg(t != NULL, "no title (expected \"%s\")", title);
        ck_assert_msg(np_check_utf8(t, strlen(t)), "title is not valid UTF-8");
        ck_assert_str_eq(t, title);
    } else if (t) {
        ck_assert(np_check_utf8(t, strlen(t)));
    }
    np_document_free(d);
    np_parser_free(p);
}

/* The same, and the decoded page holds the title and text as they are. */
static void expect_html(const char *buf, size_t len, const char *hint,
                        const char *title, const char *body_part)
{
    expect_parsed(buf, len, hint, title, body_part, 1);
}

#define CAFE_U8 "Caf\xc3\xa9 na\xc3\xafve \xc3\xa0 l'\xc3\x89lys\xc3\xa9" "e"
#define CAFE_L1 "Caf\xe9 na\xefve \xe0 l'\xc9lys\xe9" "e"

START_TEST(test_utf8_declared)
{
    size_t len;
    char *buf = page("<meta charset=\"utf-8\">", "Un caf\xc3\xa9",
                     CAFE_U8 " \xe2\x80\x9cquoted\xe2\x80\x9d \xe2\x82\xac 5 \xf0\x9f\x93\xb0", &len);
    expect_html(buf, len, NULL, "Un caf\xc3\xa9",
                CAFE_U8 " \xe2\x80\x9cquoted\xe2\x80\x9d \xe2\x82\xac 5 \xf0\x9f\x93\xb0");
    free(buf);
}
END_TEST

START_TEST(test_utf8_bom)
{
    size_t len;
    char *buf = page("", "Un caf\xc3\xa9", CAFE_U8, &len);
    char *bom = malloc(len + 4);
    ck_assert_ptr_nonnull(bom);
    memcpy(bom, "\xef\xbb\xbf", 3);
    memcpy(bom + 3, buf, len);
    /* A BOM and no declaration. */
    expect_html(bom, len + 3, NULL, "Un caf\xc3\xa9", CAFE_U8);
    /* The BOM wins over a contrary hint. */
    expect_html(bom, len + 3, "windows-1252", "Un caf\xc3\xa9", CAFE_U8);
    free(bom);
    free(buf);
}
END_TEST

START_TEST(test_utf8_undeclared)
{
    size_t len;
    char *buf = page("", "Un caf\xc3\xa9", CAFE_U8 " \xe2\x80\x94 ok", &len);
    /* No BOM, no declaration, but every byte sequence is valid UTF-8. */
    expect_html(buf, len, NULL, "Un caf\xc3\xa9", CAFE_U8 " \xe2\x80\x94 ok");
    free(buf);
}
END_TEST

START_TEST(test_windows1252_undeclared)
{
    size_t len;
    char *buf = page("", "Un caf\xe9", CAFE_L1 " \x93quoted\x94 \x80 5 \x96 it\x92s", &len);
    expect_html(buf, len, NULL, "Un caf\xc3\xa9",
                CAFE_U8 " \xe2\x80\x9cquoted\xe2\x80\x9d \xe2\x82\xac 5 \xe2\x80\x93 it");
    free(buf);
}
END_TEST

START_TEST(test_latin1_meta_charset)
{
    size_t len;
    char *buf = page("<meta charset=\"ISO-8859-1\">", "Un caf\xe9",
                     CAFE_L1 " \xa9 \xbd \xdf", &len);
    expect_html(buf, len, NULL, "Un caf\xc3\xa9", CAFE_U8 " \xc2\xa9 \xc2\xbd \xc3\x9f");
    free(buf);

    /* Unquoted and in other spellings. */
    buf = page("<meta charset=latin1>", "Un caf\xe9", CAFE_L1, &len);
    expect_html(buf, len, NULL, "Un caf\xc3\xa9", CAFE_U8);
    free(buf);
}
END_TEST

START_TEST(test_latin1_http_equiv)
{
    size_t len;
    char *buf = page("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">",
                     "Un caf\xe9", CAFE_L1, &len);
    expect_html(buf, len, NULL, "Un caf\xc3\xa9", CAFE_U8);
    free(buf);

    buf = page("<META HTTP-EQUIV=content-type CONTENT='text/html;charset=ISO-8859-1'>",
               "Un caf\xe9", CAFE_L1, &len);
    expect_html(buf, len, NULL, "Un caf\xc3\xa9", CAFE_U8);
    free(buf);
}
END_TEST

START_TEST(test_other_declared_charsets)
{
    size_t len;
    /* Cyrillic: "Привет, мир" in windows-1251 and KOI8-R. */
    char *buf = page("<meta charset=\"windows-1251\">", "\xcf\xf0\xe8\xe2\xe5\xf2",
                     "\xcf\xf0\xe8\xe2\xe5\xf2, \xec\xe8\xf0", &len);
    expect_html(buf, len, NULL, "\xd0\x9f\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82",
                "\xd0\x9f\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82, \xd0\xbc\xd0\xb8\xd1\x80");
    free(buf);

    buf = page("<meta charset=\"koi8-r\">", "\xf0\xd2\xc9\xd7\xc5\xd4",
               "\xf0\xd2\xc9\xd7\xc5\xd4, \xcd\xc9\xd2", &len);
    expect_html(buf, len, NULL, "\xd0\x9f\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82",
                "\xd0\x9f\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82, \xd0\xbc\xd0\xb8\xd1\x80");
    free(buf);

    /* Japanese: "日本" in Shift_JIS. */
    buf = page("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\">",
               "\x93\xfa\x96\x7b", "\x93\xfa\x96\x7b news", &len);
    expect_html(buf, len, NULL, "\xe6\x97\xa5\xe6\x9c\xac", "\xe6\x97\xa5\xe6\x9c\xac news");
    free(buf);
}
END_TEST

START_TEST(test_utf16_bom)
{
    size_t len, ulen;
    char *u8 = page("", "Un caf\xc3\xa9", CAFE_U8 " \xe2\x80\x9cquoted\xe2\x80\x9d \xe2\x82\xac",
                    &ulen);
    char *le = utf16(u8, 0, &len), *be;
    ck_assert(memcmp(le, "\xff\xfe", 2) == 0);
    expect_html(le, len, NULL, "Un caf\xc3\xa9", CAFE_U8 " \xe2\x80\x9cquoted\xe2\x80\x9d \xe2\x82\xac");
    free(le);

    be = utf16(u8, 1, &len);
    ck_assert(memcmp(be, "\xfe\xff", 2) == 0);
    expect_html(be, len, NULL, "Un caf\xc3\xa9", CAFE_U8 " \xe2\x80\x9cquoted\xe2\x80\x9d \xe2\x82\xac");
    free(be);
    free(u8);

    /* A UTF-16 page that (wrongly, as they often do) declares utf-8
     * inside: the BOM decides. */
    u8 = page("<meta charset=\"utf-8\">", "Un caf\xc3\xa9", CAFE_U8, &ulen);
    le = utf16(u8, 0, &len);
    expect_html(le, len, NULL, "Un caf\xc3\xa9", CAFE_U8);
    free(le);
    free(u8);
}
END_TEST

START_TEST(test_wrong_declaration)
{
    size_t len;
    /* Declared UTF-8, but the bytes are windows-1252. */
    char *buf = page("<meta charset=\"utf-8\">", "Un caf\xe9",
                     CAFE_L1 " \x93quoted\x94 it\x92s", &len);
    expect_html(buf, len, NULL, "Un caf\xc3\xa9", CAFE_U8);
    free(buf);

    /* Mostly UTF-8 with a few stray windows-1252 bytes: the UTF-8 stays. */
    buf = page("<meta charset=\"utf-8\">", "Un caf\xc3\xa9",
               CAFE_U8 " \xe2\x80\x94 and a stray caf\xe9 here", &len);
    expect_html(buf, len, NULL, "Un caf\xc3\xa9", CAFE_U8 " \xe2\x80\x94 and a stray caf");
    free(buf);

    /* Declared gb2312 (as pages re-saved as UTF-8 keep their old meta),
     * but the bytes are UTF-8 Chinese: UTF-8 wins. */
    buf = page("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">",
               "\xe4\xb8\xad\xe6\x96\x87\xe6\x96\xb0\xe9\x97\xbb",
               "\xe4\xb8\xad\xe6\x96\x87 news", &len);
    expect_html(buf, len, NULL, "\xe4\xb8\xad\xe6\x96\x87\xe6\x96\xb0\xe9\x97\xbb",
                "\xe4\xb8\xad\xe6\x96\x87 news");
    free(buf);

    /* Real GBK bytes under the same declaration are read as GBK:
     * "中文" is D6 D0 CE C4 there, not valid UTF-8. */
    buf = page("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">",
               "\xd6\xd0\xce\xc4", "\xd6\xd0\xce\xc4 news", &len);
    expect_html(buf, len, NULL, "\xe4\xb8\xad\xe6\x96\x87", "\xe4\xb8\xad\xe6\x96\x87 news");
    free(buf);

    /* An unknown charset name: still parsed, still valid UTF-8. */
    buf = page("<meta charset=\"x-no-such-charset\">", "Un caf\xc3\xa9", CAFE_U8, &len);
    expect_html(buf, len, NULL, "Un caf\xc3\xa9", CAFE_U8);
    free(buf);
}
END_TEST

START_TEST(test_charset_hint)
{
    size_t len;
    /* No declaration: the hint (as from an HTTP header) decides. */
    char *buf = page("", "\xcf\xf0\xe8\xe2\xe5\xf2", "\xcf\xf0\xe8\xe2\xe5\xf2, \xec\xe8\xf0", &len);
    expect_html(buf, len, "windows-1251", "\xd0\x9f\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82",
                "\xd0\x9f\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82, \xd0\xbc\xd0\xb8\xd1\x80");
    free(buf);

    buf = page("", "Un caf\xe9", CAFE_L1, &len);
    expect_html(buf, len, "ISO-8859-1", "Un caf\xc3\xa9", CAFE_U8);
    free(buf);

    /* A hint naming no known charset is ignored, not an error. */
    buf = page("<meta charset=\"utf-8\">", "Un caf\xc3\xa9", CAFE_U8, &len);
    expect_html(buf, len, "no-such-charset", "Un caf\xc3\xa9", CAFE_U8);
    free(buf);

    /* A UTF-16 or UTF-32 hint the bytes cannot be (an ASCII or UTF-8 page
     * under a wrong header) is ignored as a wrong declaration is: the page
     * reads as if undeclared, not as CJK or U+FFFD garbage. */
    {
        static const char *const wide[] = { "UTF-32BE", "utf-32le", "UTF-32",
                                             "UTF-16BE", "UTF-16LE", "utf-16" };
        size_t i, blen;
        char *be;
        buf = page("", "Un caf\xc3\xa9", CAFE_U8 " and the plain words of the page", &len);
        for (i = 0; i < sizeof wide / sizeof wide[0]; i++)
            expect_html(buf, len, wide[i], "Un caf\xc3\xa9", CAFE_U8);
        free(buf);
        /* the same page in UTF-16BE without a byte order mark: the hint
         * fits and decides */
        buf = page("", "Un caf\xc3\xa9", CAFE_U8, &len);
        be = utf16(buf, 1, &blen);
        expect_html(be + 2, blen - 2, "UTF-16BE", "Un caf\xc3\xa9", CAFE_U8);
        free(be);
        free(buf);
    }
}
END_TEST

START_TEST(test_text_input_charset)
{
    /* Plain text is UTF-8; stray bytes are read as windows-1252. */
    static const char text[] = "Caf\xe9 society\n\nThe caf\xe9 on the corner said it\x92s open.";
    np_parser *p = NULL;
    np_document *d = NULL;
    const char *body;
    size_t blen;

    ck_assert_int_eq(np_parser_new(&p, NULL), NP_OK);
    ck_assert_int_eq(np_parse_text(p, &d, text, sizeof text - 1, NULL), NP_OK);
    body = np_document_body(d, &blen);
    ck_assert(np_check_utf8(body, blen));
    ck_assert_msg(strstr(body, "The caf\xc3\xa9 on the corner") != NULL, "body: %s", body);
    np_document_free(d);

    /* A UTF-8 BOM in text is not part of the text. */
    ck_assert_int_eq(np_parse_text(p, &d, "\xef\xbb\xbfHello there, reader.", 23, NULL), NP_OK);
    body = np_document_body(d, &blen);
    ck_assert_msg(strstr(body, "\xef\xbb\xbf") == NULL, "a BOM was left in the body");
    ck_assert_ptr_nonnull(strstr(body, "Hello there, reader."));
    np_document_free(d);
    np_parser_free(p);
}
END_TEST

START_TEST(test_entities_and_references)
{
    size_t len;
    /* Character references decode the same whatever the page's charset. */
    char *buf = page("<meta charset=\"iso-8859-1\">", "Caf&eacute; &amp; co",
                     "Caf&#233; &#x2014; &ldquo;quoted&rdquo; &euro;", &len);
    expect_parsed(buf, len, NULL, "Caf\xc3\xa9 & co",
                "Caf\xc3\xa9 \xe2\x80\x94 \xe2\x80\x9cquoted\xe2\x80\x9d \xe2\x82\xac", 0);
    free(buf);
}
END_TEST

Suite *np_charset_suite(void)
{
    Suite *s = suite_create("charset");
    TCase *tc = tcase_create("charset");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_utf8_declared);
    tcase_add_test(tc, test_utf8_bom);
    tcase_add_test(tc, test_utf8_undeclared);
    tcase_add_test(tc, test_windows1252_undeclared);
    tcase_add_test(tc, test_latin1_meta_charset);
    tcase_add_test(tc, test_latin1_http_equiv);
    tcase_add_test(tc, test_other_declared_charsets);
    tcase_add_test(tc, test_utf16_bom);
    tcase_add_test(tc, test_wrong_declaration);
    tcase_add_test(tc, test_charset_hint);
    tcase_add_test(tc, test_text_input_charset);
    tcase_add_test(tc, test_entities_and_references);
    suite_add_tcase(s, tc);
    return s;
}

/*
 * The `newsparse` command, run as the benchmark scorers run it (see
 * docs/cli.md): JSON Lines out of `parse`, error records for inputs that
 * fail, `clean` keeping lines. The command's path comes from NP_CLI (set by
 * CTest); without it these tests skip.
 */
#include <check.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "np_test.h"
#include "newsparse/newsparse.h"

#define HEADLINE "Macron Offers to Mediate US-Russia Summit, Putin Slams NATO Military Aid to Ukraine"

static char html_path[4096], text_path[4096];

static const char *cli(void)
{
    const char *c = getenv("NP_CLI");
    if (!c || !*c || access(c, X_OK) != 0) {
        fprintf(stderr, "skip: NP_CLI does not name the newsparse command\n");
        return NULL;
    }
    np_test_path(html_path, sizeof html_path, "examples/data/article.html");
    np_test_path(text_path, sizeof text_path, "examples/data/article.txt");
    return c;
}

typedef struct output {
    char *buf;
    size_t len;
    int status;   /* exit status, or -1 if the command did not exit */
} output;

/* Runs a shell command line and captures its standard output. */
static output run(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static output run(const char *fmt, ...)
{
    char cmd[16384];
    va_list ap;
    output o = { NULL, 0, -1 };
    FILE *f;
    size_t cap = 0;
    int st;

    va_start(ap, fmt);
    vsnprintf(cmd, sizeof cmd, fmt, ap);
    va_end(ap);
    f = popen(cmd, "r");
    ck_assert_msg(f != NULL, "cannot run %s", cmd);
    for (;;) {
        size_t got;
        if (cap - o.len < 65536) {
            cap = cap ? 2 * cap : 131072;
            o.buf = realloc(o.buf, cap + 1);
            ck_assert_ptr_nonnull(o.buf);
        }
        got = fread(o.buf + o.len, 1, cap - o.len, f);
        if (got == 0)
            break;
        o.len += got;
    }
    o.buf[o.len] = '\0';
    st = pclose(f);
    o.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    return o;
}

/* Splits JSON Lines output on "\n" only and parses each record. Returns
 * the number of records; recs[] receives them (decref each). */
static size_t records(const output *o, json_t **recs, size_t max)
{
    size_t n = 0, i = 0;
    ck_assert_msg(o->len == 0 || o->buf[o->len - 1] == '\n',
                  "output does not end with a newline");
    while (i < o->len) {
        const char *nl = memchr(o->buf + i, '\n', o->len - i);
        size_t end = (size_t)(nl - o->buf);
        json_error_t err;
        ck_assert_uint_lt(n, max);
        recs[n] = json_loadb(o->buf + i, end - i, 0, &err);
        ck_assert_msg(recs[n] != NULL, "record %zu is not JSON: %s", n, err.text);
        ck_assert(json_is_object(recs[n]));
        ck_assert_int_eq(json_integer_value(json_object_get(recs[n], "schema")), 1);
        n++;
        i = end + 1;
    }
    return n;
}

static const char *str(json_t *rec, const char *key)
{
    json_t *v = json_object_get(rec, key);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

static void check_article(json_t *rec, const char *source)
{
    const char *body = str(rec, "body");
    ck_assert_ptr_null(json_object_get(rec, "error"));
    ck_assert_str_eq(str(rec, "source"), source);
    ck_assert_ptr_nonnull(str(rec, "title"));
    ck_assert_str_eq(str(rec, "title"), HEADLINE);
    ck_assert_ptr_nonnull(body);
    ck_assert_msg(strstr(body, "French President Emmanuel Macron held bilateral calls") != NULL,
                  "the body misses the first paragraph");
    ck_assert_msg(strstr(body, "Russia-backed rebels continue to attack.") != NULL,
                  "the body misses the last paragraph");
    /* Script text never reaches the body. */
    ck_assert_ptr_null(strstr(body, "dataLayer"));
    ck_assert_ptr_null(strstr(body, "gtag("));
    ck_assert(json_is_array(json_object_get(rec, "authors")));
    ck_assert(json_is_array(json_object_get(rec, "entities")));
    ck_assert(json_is_array(json_object_get(rec, "quotes")));
    ck_assert(json_is_array(json_object_get(rec, "fixes")));
}

static void free_records(json_t **recs, size_t n)
{
    for (size_t i = 0; i < n; i++)
        json_decref(recs[i]);
}

START_TEST(test_parse_html)
{
    const char *c = cli();
    json_t *recs[4];
    output o;
    size_t n;
    if (!c)
        return;
    o = run("'%s' parse '%s'", c, html_path);
    ck_assert_int_eq(o.status, 0);
    n = records(&o, recs, 4);
    ck_assert_uint_eq(n, 1);
    check_article(recs[0], html_path);
    free_records(recs, n);
    free(o.buf);
}
END_TEST

START_TEST(test_parse_text)
{
    const char *c = cli();
    json_t *recs[4];
    output o;
    size_t n;
    if (!c)
        return;
    o = run("'%s' parse '%s'", c, text_path);
    ck_assert_int_eq(o.status, 0);
    n = records(&o, recs, 4);
    ck_assert_uint_eq(n, 1);
    check_article(recs[0], text_path);
    /* The markup remnant on the first line is not the headline nor text. */
    ck_assert_ptr_null(strstr(str(recs[0], "body"), "Google tag"));
    free_records(recs, n);
    free(o.buf);
}
END_TEST

START_TEST(test_parse_many_and_errors)
{
    const char *c = cli();
    json_t *recs[8], *err;
    output o;
    size_t n;
    if (!c)
        return;
    o = run("'%s' parse '%s' /nonexistent/missing.html '%s' 2>/dev/null", c, html_path,
            text_path);
    ck_assert_msg(o.status != 0, "exit status 0 although an input failed");
    n = records(&o, recs, 8);
    ck_assert_uint_eq(n, 3);
    check_article(recs[0], html_path);
    check_article(recs[2], text_path);

    ck_assert_str_eq(str(recs[1], "source"), "/nonexistent/missing.html");
    err = json_object_get(recs[1], "error");
    ck_assert_msg(json_is_object(err), "no error object for a missing file");
    ck_assert(json_is_string(json_object_get(err, "code")));
    ck_assert(json_string_length(json_object_get(err, "code")) > 0);
    ck_assert(json_is_string(json_object_get(err, "message")));
    ck_assert(json_string_length(json_object_get(err, "message")) > 0);
    ck_assert_ptr_null(str(recs[1], "body"));
    free_records(recs, n);
    free(o.buf);
}
END_TEST

START_TEST(test_parse_stdin_and_files_from)
{
    const char *c = cli();
    json_t *recs[8];
    output o;
    size_t n;
    char list[] = "/tmp/np_cli_list_XXXXXX";
    FILE *f;
    int fd;
    if (!c)
        return;

    o = run("'%s' parse < '%s'", c, html_path);
    ck_assert_int_eq(o.status, 0);
    n = records(&o, recs, 8);
    ck_assert_uint_eq(n, 1);
    check_article(recs[0], "-");
    free_records(recs, n);
    free(o.buf);

    o = run("'%s' parse - < '%s'", c, text_path);
    ck_assert_int_eq(o.status, 0);
    n = records(&o, recs, 8);
    ck_assert_uint_eq(n, 1);
    check_article(recs[0], "-");
    free_records(recs, n);
    free(o.buf);

    fd = mkstemp(list);
    ck_assert_int_ge(fd, 0);
    f = fdopen(fd, "w");
    fprintf(f, "%s\n%s\n", text_path, html_path);
    fclose(f);
    o = run("'%s' parse --files-from '%s'", c, list);
    ck_assert_int_eq(o.status, 0);
    n = records(&o, recs, 8);
    ck_assert_uint_eq(n, 2);
    check_article(recs[0], text_path);
    check_article(recs[1], html_path);
    free_records(recs, n);
    free(o.buf);

    o = run("'%s' parse --files-from - < '%s'", c, list);
    ck_assert_int_eq(o.status, 0);
    n = records(&o, recs, 8);
    ck_assert_uint_eq(n, 2);
    ck_assert_str_eq(str(recs[1], "source"), html_path);
    free_records(recs, n);
    free(o.buf);
    unlink(list);
}
END_TEST

START_TEST(test_parse_options)
{
    const char *c = cli();
    json_t *recs[8], *pretty;
    json_error_t jerr;
    output o, o1, o2;
    size_t n;
    if (!c)
        return;

    /* -j N gives byte-identical output in input order. */
    o1 = run("'%s' parse -j 1 '%s' '%s' '%s'", c, html_path, text_path, html_path);
    o2 = run("'%s' parse -j 2 '%s' '%s' '%s'", c, html_path, text_path, html_path);
    ck_assert_int_eq(o1.status, 0);
    ck_assert_int_eq(o2.status, 0);
    ck_assert_uint_eq(o1.len, o2.len);
    ck_assert_msg(memcmp(o1.buf, o2.buf, o1.len) == 0, "-j 2 output differs from -j 1");
    n = records(&o2, recs, 8);
    ck_assert_uint_eq(n, 3);
    free_records(recs, n);
    free(o1.buf);
    free(o2.buf);

    /* --no-entities / --no-quotes leave those lists empty. */
    o = run("'%s' parse --no-entities --no-quotes '%s'", c, html_path);
    ck_assert_int_eq(o.status, 0);
    n = records(&o, recs, 8);
    ck_assert_uint_eq(json_array_size(json_object_get(recs[0], "entities")), 0);
    ck_assert_uint_eq(json_array_size(json_object_get(recs[0], "quotes")), 0);
    free_records(recs, n);
    free(o.buf);

    /* --input text with --url: the address is used as given. */
    o = run("'%s' parse --input text --url https://x.example.org/a '%s'", c, text_path);
    ck_assert_int_eq(o.status, 0);
    n = records(&o, recs, 8);
    ck_assert_uint_eq(n, 1);
    ck_assert_str_eq(str(recs[0], "url"), "https://x.example.org/a");
    free_records(recs, n);
    free(o.buf);

    /* --stats writes to standard error only. */
    o1 = run("'%s' parse '%s'", c, html_path);
    o2 = run("'%s' parse --stats '%s' 2>/dev/null", c, html_path);
    ck_assert_int_eq(o2.status, 0);
    ck_assert_str_eq(o1.buf, o2.buf);
    free(o1.buf);
    free(o2.buf);

    /* --pretty: one JSON object over several lines. */
    o = run("'%s' parse --pretty '%s'", c, html_path);
    ck_assert_int_eq(o.status, 0);
    ck_assert_ptr_nonnull(strchr(o.buf, '\n'));
    pretty = json_loadb(o.buf, o.len, 0, &jerr);
    ck_assert_msg(pretty != NULL, "--pretty output: %s", jerr.text);
    ck_assert_str_eq(str(pretty, "title"), HEADLINE);
    json_decref(pretty);
    free(o.buf);

    /* --format text: the title, a blank line, the body. */
    o = run("'%s' parse --format text '%s'", c, html_path);
    ck_assert_int_eq(o.status, 0);
    ck_assert(strncmp(o.buf, HEADLINE "\n\n", strlen(HEADLINE) + 2) == 0);
    free(o.buf);
}
END_TEST

START_TEST(test_help_version_usage)
{
    const char *c = cli();
    output o;
    if (!c)
        return;
    o = run("'%s' --version", c);
    ck_assert_int_eq(o.status, 0);
    ck_assert_msg(strstr(o.buf, np_version()) != NULL, "--version: %s", o.buf);
    free(o.buf);

    o = run("'%s' --help", c);
    ck_assert_int_eq(o.status, 0);
    ck_assert_ptr_nonnull(strstr(o.buf, "parse"));
    ck_assert_ptr_nonnull(strstr(o.buf, "clean"));
    free(o.buf);

    o = run("'%s' no-such-command 2>/dev/null", c);
    ck_assert_int_ne(o.status, 0);
    free(o.buf);
    o = run("'%s' parse --no-such-option '%s' 2>/dev/null", c, html_path);
    ck_assert_int_ne(o.status, 0);
    free(o.buf);
}
END_TEST

static size_t count_lf(const char *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += s[i] == '\n';
    return k;
}

START_TEST(test_clean_lines)
{
    static const char input[] =
        "plain line that needs nothing\n"
        "\n"
        "Its premature to talk about it, the spokesman said.\n"
        "a line with a CR\rinside it\n"
        "a line with U+2028\xe2\x80\xa8" "and U+2029\xe2\x80\xa9inside\n"
        "a line with NEL\xc2\x85inside\n"
        "caf\xc3\x83\xc2\xa9 mojibake and &amp; an entity\n"
        "   spaces   around   \n"
        "stray byte \xff here\n"
        "plain line that needs nothing\n";
    char path[] = "/tmp/np_cli_clean_XXXXXX";
    const char *c = cli();
    size_t in_lines = count_lf(input, sizeof input - 1);
    output o;
    FILE *f;
    int fd;
    if (!c)
        return;

    fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    f = fdopen(fd, "wb");
    fwrite(input, 1, sizeof input - 1, f);
    fclose(f);

    o = run("'%s' clean --lines '%s'", c, path);
    ck_assert_int_eq(o.status, 0);
    ck_assert_uint_eq(count_lf(o.buf, o.len), in_lines);
    ck_assert_uint_eq(strlen(o.buf), o.len);
    /* Line k of the output is line k of the input, cleaned. */
    ck_assert(strncmp(o.buf, "plain line that needs nothing\n\n", 31) == 0);
    ck_assert(o.len > 31 && strcmp(o.buf + o.len - 30, "plain line that needs nothing\n") == 0);
    free(o.buf);

    /* From standard input, the same. */
    o = run("'%s' clean --lines < '%s'", c, path);
    ck_assert_int_eq(o.status, 0);
    ck_assert_uint_eq(count_lf(o.buf, o.len), in_lines);
    free(o.buf);

    /* The seed, whole: the same lines in the same order. */
    {
        size_t tl;
        char *text = np_test_read(text_path, &tl);
        ck_assert_ptr_nonnull(text);
        o = run("'%s' clean '%s'", c, text_path);
        ck_assert_int_eq(o.status, 0);
        ck_assert_uint_eq(count_lf(o.buf, o.len), count_lf(text, tl));
        ck_assert_ptr_nonnull(strstr(o.buf, "Emmanuel Macron held bilateral calls"));
        free(o.buf);
        o = run("'%s' clean --lines '%s'", c, text_path);
        ck_assert_int_eq(o.status, 0);
        ck_assert_uint_eq(count_lf(o.buf, o.len), count_lf(text, tl));
        free(o.buf);
        free(text);
    }
    unlink(path);
}
END_TEST

Suite *np_cli_suite(void)
{
    Suite *s = suite_create("cli");
    TCase *tc = tcase_create("cli");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_parse_html);
    tcase_add_test(tc, test_parse_text);
    tcase_add_test(tc, test_parse_many_and_errors);
    tcase_add_test(tc, test_parse_stdin_and_files_from);
    tcase_add_test(tc, test_parse_options);
    tcase_add_test(tc, test_help_version_usage);
    tcase_add_test(tc, test_clean_lines);
    suite_add_tcase(s, tc);
    return s;
}

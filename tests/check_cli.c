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
#include <sys/stat.h>
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
static output vrun(const char *fmt, va_list ap)
{
    char cmd[16384];
    output o = { NULL, 0, -1 };
    FILE *f;
    size_t cap = 0;
    int st;

    vsnprintf(cmd, sizeof cmd, fmt, ap);
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

static output run(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static output run(const char *fmt, ...)
{
    va_list ap;
    output o;
    va_start(ap, fmt);
    o = vrun(fmt, ap);
    va_end(ap);
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

static void free_records(json_t **recs, size_t n);

/* Runs a command that must exit with 0 and print exactly `want` records,
 * into recs[] (room for want + 1; free_records them). */
static void run_records(json_t **recs, size_t want, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void run_records(json_t **recs, size_t want, const char *fmt, ...)
{
    va_list ap;
    output o;
    va_start(ap, fmt);
    o = vrun(fmt, ap);
    va_end(ap);
    ck_assert_int_eq(o.status, 0);
    ck_assert_uint_eq(records(&o, recs, want + 1), want);
    free(o.buf);
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
    if (!c)
        return;
    run_records(recs, 1, "'%s' parse '%s'", c, html_path);
    check_article(recs[0], html_path);
    free_records(recs, 1);
}
END_TEST

START_TEST(test_parse_text)
{
    const char *c = cli();
    json_t *recs[4];
    if (!c)
        return;
    run_records(recs, 1, "'%s' parse '%s'", c, text_path);
    check_article(recs[0], text_path);
    /* The markup remnant on the first line is not the headline nor text. */
    ck_assert_ptr_null(strstr(str(recs[0], "body"), "Google tag"));
    free_records(recs, 1);
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
    char list[] = "/tmp/np_cli_list_XXXXXX";
    FILE *f;
    int fd;
    if (!c)
        return;

    run_records(recs, 1, "'%s' parse < '%s'", c, html_path);
    check_article(recs[0], "-");
    free_records(recs, 1);

    run_records(recs, 1, "'%s' parse - < '%s'", c, text_path);
    check_article(recs[0], "-");
    free_records(recs, 1);

    fd = mkstemp(list);
    ck_assert_int_ge(fd, 0);
    f = fdopen(fd, "w");
    fprintf(f, "%s\n%s\n", text_path, html_path);
    fclose(f);
    run_records(recs, 2, "'%s' parse --files-from '%s'", c, list);
    check_article(recs[0], text_path);
    check_article(recs[1], html_path);
    free_records(recs, 2);

    run_records(recs, 2, "'%s' parse --files-from - < '%s'", c, list);
    ck_assert_str_eq(str(recs[1], "source"), html_path);
    free_records(recs, 2);
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
    run_records(recs, 1, "'%s' parse --input text --url https://x.example.org/a '%s'", c, text_path);
    ck_assert_str_eq(str(recs[0], "url"), "https://x.example.org/a");
    free_records(recs, 1);

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

/* A folder stands for the files under it: byte order of names, subfolders
 * in place, hidden names left out, links to folders not followed; a listed
 * folder too, and a folder among files keeps its place. */
START_TEST(test_parse_folders)
{
    const char *c = cli();
    json_t *recs[8];
    char dir[] = "/tmp/np_cli_dir_XXXXXX", sub[4200], path[4300], want[4300];
    char list[] = "/tmp/np_cli_dlist_XXXXXX", cmd[6 * 4096 + 512];
    FILE *f;
    int fd;
    if (!c)
        return;
    ck_assert_ptr_nonnull(mkdtemp(dir));
    snprintf(sub, sizeof sub, "%s/m", dir);
    ck_assert_int_eq(mkdir(sub, 0700), 0);
    snprintf(path, sizeof path, "%s/.hidden", dir);
    ck_assert_int_eq(mkdir(path, 0700), 0);
    /* z.html, m/b.txt, a.html, .hidden/x.html, .y.html, m/loop -> dir */
    snprintf(cmd, sizeof cmd, "cp '%s' '%s/z.html' && cp '%s' '%s/m/b.txt' && "
             "cp '%s' '%s/a.html' && cp '%s' '%s/.hidden/x.html' && cp '%s' '%s/.y.html' && "
             "ln -s '%s' '%s/m/loop'", html_path, dir, text_path, dir, html_path, dir,
             html_path, dir, html_path, dir, dir, dir);
    ck_assert_int_eq(system(cmd), 0);

    run_records(recs, 3, "'%s' parse '%s'", c, dir);
    snprintf(want, sizeof want, "%s/a.html", dir);
    check_article(recs[0], want);
    snprintf(want, sizeof want, "%s/m/b.txt", dir);
    check_article(recs[1], want);
    snprintf(want, sizeof want, "%s/z.html", dir);
    check_article(recs[2], want);
    free_records(recs, 3);

    /* a folder between files, with threads: same order */
    run_records(recs, 3, "'%s' parse -j 3 '%s' '%s/' '%s'", c, text_path, sub, html_path);
    check_article(recs[0], text_path);
    snprintf(want, sizeof want, "%s/b.txt", sub);
    check_article(recs[1], want);
    check_article(recs[2], html_path);
    free_records(recs, 3);

    fd = mkstemp(list);
    ck_assert_int_ge(fd, 0);
    f = fdopen(fd, "w");
    fprintf(f, "%s\n", sub);
    fclose(f);
    run_records(recs, 1, "'%s' parse --files-from '%s'", c, list);
    snprintf(want, sizeof want, "%s/b.txt", sub);
    check_article(recs[0], want);
    free_records(recs, 1);
    unlink(list);

    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    ck_assert_int_eq(system(cmd), 0);
}
END_TEST

/* Writes len bytes to a new temporary file; path receives its name. */
static void temp_file(char *path, size_t cap, const char *data, size_t len)
{
    FILE *f;
    int fd;
    snprintf(path, cap, "/tmp/np_cli_XXXXXX");
    fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    f = fdopen(fd, "wb");
    ck_assert_ptr_nonnull(f);
    ck_assert_uint_eq(fwrite(data, 1, len, f), len);
    ck_assert_int_eq(fclose(f), 0);
}

/* The error object of a one-record output, checked for its code. */
static void check_error_record(const output *o, const char *source, const char *code,
                               const char *message)
{
    json_t *recs[2], *err;
    size_t n = records(o, recs, 2);
    ck_assert_uint_eq(n, 1);
    ck_assert_str_eq(str(recs[0], "source"), source);
    err = json_object_get(recs[0], "error");
    ck_assert_msg(json_is_object(err), "no error in %s", o->buf);
    ck_assert_str_eq(json_string_value(json_object_get(err, "code")), code);
    if (message)
        ck_assert_str_eq(json_string_value(json_object_get(err, "message")), message);
    free_records(recs, n);
}

/* A write error on standard output is reported and the status is not 0,
 * whether it shows at a write or only when the output is closed. */
START_TEST(test_write_errors)
{
    const char *c = cli();
    output o;
    if (!c)
        return;
    if (access("/dev/full", W_OK) != 0) {
        fprintf(stderr, "skip: no /dev/full\n");
        return;
    }
    /* stderr to the pipe, stdout to /dev/full */
    o = run("'%s' parse '%s' 2>&1 >/dev/full", c, html_path);
    ck_assert_int_eq(o.status, 1);
    ck_assert_msg(strstr(o.buf, "cannot write standard output") != NULL, "%s", o.buf);
    free(o.buf);
    /* many records: the first failed write stops the run */
    o = run("'%s' parse -j 2 '%s' '%s' '%s' '%s' '%s' '%s' 2>&1 >/dev/full", c, html_path,
            text_path, html_path, text_path, html_path, text_path);
    ck_assert_int_eq(o.status, 1);
    ck_assert_msg(strstr(o.buf, "cannot write standard output") != NULL, "%s", o.buf);
    free(o.buf);
    o = run("'%s' clean '%s' 2>&1 >/dev/full", c, text_path);
    ck_assert_int_eq(o.status, 1);
    ck_assert_msg(strstr(o.buf, "cannot write standard output") != NULL, "%s", o.buf);
    free(o.buf);
    o = run("'%s' clean --lines '%s' 2>&1 >/dev/full", c, text_path);
    ck_assert_int_eq(o.status, 1);
    ck_assert_msg(strstr(o.buf, "cannot write standard output") != NULL, "%s", o.buf);
    free(o.buf);
    o = run("'%s' --help 2>&1 >/dev/full", c);
    ck_assert_int_eq(o.status, 1);
    ck_assert_msg(strstr(o.buf, "cannot write standard output") != NULL, "%s", o.buf);
    free(o.buf);
    o = run("'%s' parse --help 2>&1 >/dev/full", c);
    ck_assert_int_eq(o.status, 1);
    free(o.buf);
    o = run("'%s' --version 2>&1 >/dev/full", c);
    ck_assert_int_eq(o.status, 1);
    free(o.buf);
}
END_TEST

static size_t count_lines(const char *s)
{
    size_t k = 0;
    for (; *s; s++)
        k += *s == '\n';
    return k;
}

/* A usage error: status 2, nothing on standard output, and on standard
 * error one line that contains `says`, then the hint. */
static void check_usage_error(const char *c, const char *args, const char *says)
{
    output o = run("'%s' %s 2>&1 >/dev/null", c, args);
    ck_assert_msg(o.status == 2, "'%s' gave status %d", args, o.status);
    ck_assert_msg(strstr(o.buf, says) != NULL, "'%s' says: %s", args, o.buf);
    ck_assert_msg(strstr(o.buf, "try 'newsparse --help'") != NULL, "'%s': no hint", args);
    ck_assert_msg(count_lines(o.buf) == 2, "'%s' says more than one line: %s", args, o.buf);
    free(o.buf);
    o = run("'%s' %s 2>/dev/null", c, args);
    ck_assert_msg(o.len == 0, "'%s' wrote to standard output", args);
    free(o.buf);
}

START_TEST(test_option_errors)
{
    static const char *const need_value[] = {
        "--url", "--input", "-j", "--files-from", "--format", "--charset",
        "--max-bytes", "--max-depth", "--max-nodes", "--max-attributes",
        "--max-blocks", "--max-entities", "--max-quotes", "--max-work"
    };
    const char *c = cli();
    char args[256], says[256];
    size_t i;
    if (!c)
        return;
    for (i = 0; i < sizeof need_value / sizeof need_value[0]; i++) {
        snprintf(args, sizeof args, "parse %s", need_value[i]);
        snprintf(says, sizeof says, "option %s needs an argument", need_value[i]);
        check_usage_error(c, args, says);
        snprintf(args, sizeof args, "parse %s%s=", need_value[i],
                 need_value[i][1] == '-' ? "" : "''");
        if (need_value[i][1] == '-')
            check_usage_error(c, args, says);
    }
    check_usage_error(c, "clean --max-bytes", "option --max-bytes needs an argument");
    check_usage_error(c, "parse --no-such-option", "unknown option --no-such-option");
    check_usage_error(c, "parse --stats=yes", "option --stats takes no argument");
    check_usage_error(c, "clean --lines=1", "option --lines takes no argument");
    check_usage_error(c, "clean --url x", "unknown option --url");
    check_usage_error(c, "no-such-command", "unknown command no-such-command");
    check_usage_error(c, "", "no command");
    check_usage_error(c, "parse --input xml", "--input must be auto, html, text or warc");
    check_usage_error(c, "parse --format=yaml", "--format must be json, text, markdown or html");
    check_usage_error(c, "parse -j 0", "-j needs a number from 1 to 256");
    check_usage_error(c, "parse -j2x", "-j needs a number from 1 to 256");
    /* sizes: a number, a k/M/G suffix, nothing else */
    check_usage_error(c, "parse --max-bytes 12X", "--max-bytes needs a number of bytes");
    check_usage_error(c, "parse --max-bytes=-5", "--max-bytes needs a number of bytes");
    check_usage_error(c, "parse --max-bytes 1.5M", "--max-bytes needs a number of bytes");
    check_usage_error(c, "parse --max-bytes ' 12'", "--max-bytes needs a number of bytes");
    check_usage_error(c, "parse --max-bytes 99999999999999999999", "too large");
    check_usage_error(c, "parse --max-bytes 99999999999G", "too large");
    check_usage_error(c, "parse --max-blocks 0", "--max-blocks must be at least 1");
    check_usage_error(c, "parse --max-quotes 10k", "--max-quotes needs a whole number");
    check_usage_error(c, "clean --max-bytes 2Q", "--max-bytes needs a number of bytes");
    check_usage_error(c, "clean a b", "clean takes one input");
}
END_TEST

START_TEST(test_option_forms)
{
    const char *c = cli();
    json_t *recs[4];
    output o, o1, o2;
    size_t n;
    if (!c)
        return;
    /* --opt=value is --opt value */
    o1 = run("'%s' parse --input text --url https://x.example.org/a -j 2 '%s'", c, text_path);
    o2 = run("'%s' parse --input=text --url=https://x.example.org/a -j2 '%s'", c, text_path);
    ck_assert_int_eq(o1.status, 0);
    ck_assert_int_eq(o2.status, 0);
    ck_assert_str_eq(o1.buf, o2.buf);
    n = records(&o2, recs, 4);
    ck_assert_uint_eq(n, 1);
    ck_assert_str_eq(str(recs[0], "url"), "https://x.example.org/a");
    free_records(recs, n);
    free(o1.buf);
    free(o2.buf);
    /* a value may contain '=' */
    o = run("'%s' parse --url=https://x.example.org/a?b=c '%s'", c, text_path);
    ck_assert_int_eq(o.status, 0);
    n = records(&o, recs, 4);
    ck_assert_str_eq(str(recs[0], "url"), "https://x.example.org/a?b=c");
    free_records(recs, n);
    free(o.buf);
    /* after --, an argument that looks like an option is an input */
    o = run("'%s' parse '%s' -- --no-quotes 2>/dev/null", c, html_path);
    ck_assert_int_eq(o.status, 1);
    n = records(&o, recs, 4);
    ck_assert_uint_eq(n, 2);
    check_article(recs[0], html_path);
    ck_assert(json_array_size(json_object_get(recs[0], "quotes")) > 0);
    ck_assert_str_eq(str(recs[1], "source"), "--no-quotes");
    ck_assert(json_is_object(json_object_get(recs[1], "error")));
    free_records(recs, n);
    free(o.buf);
    o = run("'%s' clean -- '%s'", c, text_path);
    ck_assert_int_eq(o.status, 0);
    ck_assert_ptr_nonnull(strstr(o.buf, "Emmanuel Macron held bilateral calls"));
    free(o.buf);
    /* --no-metadata: no title from the page's metadata */
    o = run("'%s' parse --no-metadata '%s'", c, html_path);
    ck_assert_int_eq(o.status, 0);
    n = records(&o, recs, 4);
    ck_assert_ptr_null(str(recs[0], "published"));
    free_records(recs, n);
    free(o.buf);
}
END_TEST

/* Standard input cannot be read twice: the second would be empty. */
START_TEST(test_stdin_once)
{
    const char *c = cli();
    char args[16384];
    if (!c)
        return;
    snprintf(args, sizeof args, "parse - - < '%s'", html_path);
    check_usage_error(c, args, "standard input ('-') is given 2 times");
    snprintf(args, sizeof args, "parse '%s' - '%s' - < '%s'", text_path, text_path, html_path);
    check_usage_error(c, args, "it can be read only once");
    snprintf(args, sizeof args, "parse --files-from - - < /dev/null");
    check_usage_error(c, args, "cannot also be an input");
    {
        /* a list that names standard input while being standard input */
        char list[64];
        output o;
        temp_file(list, sizeof list, "-\n", 2);
        snprintf(args, sizeof args, "parse --files-from - < '%s'", list);
        check_usage_error(c, args, "cannot also be an input");
        /* a list file may name it once */
        o = run("'%s' parse --files-from '%s' < '%s'", c, list, html_path);
        ck_assert_int_eq(o.status, 0);
        ck_assert_uint_eq(count_lines(o.buf), 1);
        free(o.buf);
        unlink(list);
    }
}
END_TEST

/* --max-bytes trips before the input is read whole: from a regular file's
 * size, and on a stream after max + 1 bytes (the stream here never ends). */
START_TEST(test_size_limit_early)
{
    const char *c = cli();
    char msg[128], big[64];
    struct stat st;
    json_t *recs[2];
    output o;
    size_t n;
    int fd;
    if (!c)
        return;
    ck_assert_int_eq(stat(html_path, &st), 0);
    ck_assert(st.st_size > 2048);
    o = run("'%s' parse --max-bytes 1k '%s'", c, html_path);
    ck_assert_int_eq(o.status, 1);
    /* the whole size: known from the file, though at most 1025 bytes are read */
    snprintf(msg, sizeof msg, "input is %lld bytes, the limit is 1024", (long long)st.st_size);
    check_error_record(&o, html_path, "NP_ELIMIT", msg);
    free(o.buf);
    /* standard input redirected from the file: the same */
    o = run("'%s' parse --max-bytes 1k < '%s'", c, html_path);
    ck_assert_int_eq(o.status, 1);
    check_error_record(&o, "-", "NP_ELIMIT", msg);
    free(o.buf);
    /* an endless stream: reading stops past the limit */
    o = run("yes 'A line of text.' | '%s' parse --max-bytes 1M", c);
    ck_assert_int_eq(o.status, 1);
    check_error_record(&o, "-", "NP_ELIMIT",
                       "input is more than 1048576 bytes, the limit is 1048576");
    free(o.buf);
    o = run("yes 'A line of text.' | '%s' clean --max-bytes 64k 2>&1 >/dev/null", c);
    ck_assert_int_eq(o.status, 1);
    ck_assert_ptr_nonnull(strstr(o.buf, "more than 65536 bytes"));
    free(o.buf);
    /* with --truncate: the document up to the limit, marked truncated */
    run_records(recs, 1, "yes 'A line of text, and then some more words.' | "
            "'%s' parse --input text --truncate --max-bytes 64k", c);
    ck_assert(json_is_true(json_object_get(recs[0], "truncated")));
    /* each line a block, and blocks joined by a blank line */
    ck_assert_uint_le(strlen(str(recs[0], "body")), 2 * 65536);
    ck_assert_uint_gt(strlen(str(recs[0], "body")), 32768);
    free_records(recs, 1);
    o = run("'%s' parse --truncate --max-bytes 4k '%s'", c, html_path);
    ck_assert_int_eq(o.status, 0);
    n = records(&o, recs, 2);
    ck_assert(json_is_true(json_object_get(recs[0], "truncated")));
    free_records(recs, n);
    free(o.buf);
    /* A sparse file over the default limit is refused from its size. */
    snprintf(big, sizeof big, "/tmp/np_cli_big_XXXXXX");
    fd = mkstemp(big);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(ftruncate(fd, (off_t)NP_DEFAULT_MAX_BYTES + 4096), 0);
    close(fd);
    o = run("'%s' parse '%s'", c, big);
    ck_assert_int_eq(o.status, 1);
    snprintf(msg, sizeof msg, "input is %zu bytes, the limit is %zu",
             NP_DEFAULT_MAX_BYTES + 4096, NP_DEFAULT_MAX_BYTES);
    check_error_record(&o, big, "NP_ELIMIT", msg);
    free(o.buf);
    o = run("'%s' clean '%s' 2>&1", c, big);
    ck_assert_int_eq(o.status, 1);
    ck_assert_ptr_nonnull(strstr(o.buf, msg));
    free(o.buf);
    unlink(big);
    /* under the limit: the same output as without one */
    {
        output o1 = run("'%s' parse '%s'", c, html_path);
        output o2 = run("'%s' parse --max-bytes %lld '%s'", c, (long long)st.st_size,
                        html_path);
        ck_assert_int_eq(o2.status, 0);
        ck_assert_str_eq(o1.buf, o2.buf);
        free(o1.buf);
        free(o2.buf);
    }
}
END_TEST

/* One text line per block: the count limits and truncation. */
START_TEST(test_count_limits)
{
    const char *c = cli();
    char path[64], deep[64];
    json_t *recs[2];
    output o;
    size_t n, i, len = 0;
    char *text = malloc(200 * 64), *html = malloc(300 * 16 + 200);
    if (!c) {
        free(text);
        free(html);
        return;
    }
    for (i = 0; i < 200; i++)
        len += (size_t)sprintf(text + len, "Sentence number %zu stands on its own line.\n", i);
    temp_file(path, sizeof path, text, len);
    o = run("'%s' parse --max-blocks 150 '%s'", c, path);
    ck_assert_int_eq(o.status, 1);
    check_error_record(&o, path, "NP_ELIMIT", "the document has 200 blocks, the limit is 150");
    free(o.buf);
    o = run("'%s' parse --max-blocks=200 '%s'", c, path);
    ck_assert_int_eq(o.status, 0);
    n = records(&o, recs, 2);
    ck_assert_uint_eq(json_array_size(json_object_get(recs[0], "blocks")), 200);
    free_records(recs, n);
    free(o.buf);
    o = run("'%s' parse --max-blocks 150 --truncate '%s'", c, path);
    ck_assert_int_eq(o.status, 0);
    n = records(&o, recs, 2);
    ck_assert_uint_eq(json_array_size(json_object_get(recs[0], "blocks")), 150);
    ck_assert(json_is_true(json_object_get(recs[0], "truncated")));
    free_records(recs, n);
    free(o.buf);
    unlink(path);

    /* the seed has several entities and quotes */
    o = run("'%s' parse --max-entities 2 '%s'", c, html_path);
    ck_assert_int_eq(o.status, 1);
    check_error_record(&o, html_path, "NP_ELIMIT", NULL);
    free(o.buf);
    o = run("'%s' parse --max-quotes 1 '%s'", c, html_path);
    ck_assert_int_eq(o.status, 1);
    check_error_record(&o, html_path, "NP_ELIMIT", NULL);
    free(o.buf);
    o = run("'%s' parse --max-entities 2 --max-quotes 1 --truncate '%s'", c, html_path);
    ck_assert_int_eq(o.status, 0);
    n = records(&o, recs, 2);
    ck_assert_uint_eq(json_array_size(json_object_get(recs[0], "entities")), 2);
    ck_assert_uint_eq(json_array_size(json_object_get(recs[0], "quotes")), 1);
    ck_assert(json_is_true(json_object_get(recs[0], "truncated")));
    free_records(recs, n);
    free(o.buf);

    /* tree limits on a nested page */
    len = 0;
    for (i = 0; i < 300; i++)
        len += (size_t)sprintf(html + len, "<div>");
    len += (size_t)sprintf(html + len, "<p>Deep down, one paragraph of words.</p>");
    temp_file(deep, sizeof deep, html, len);
    o = run("'%s' parse '%s'", c, deep);
    ck_assert_int_eq(o.status, 0);
    free(o.buf);
    o = run("'%s' parse --max-depth 100 '%s'", c, deep);
    ck_assert_int_eq(o.status, 1);
    check_error_record(&o, deep, "NP_ELIMIT", NULL);
    free(o.buf);
    o = run("'%s' parse --max-nodes 50 '%s'", c, deep);
    ck_assert_int_eq(o.status, 1);
    check_error_record(&o, deep, "NP_ELIMIT", NULL);
    free(o.buf);
    o = run("'%s' parse --max-work 100 '%s'", c, deep);
    ck_assert_int_eq(o.status, 1);
    check_error_record(&o, deep, "NP_ELIMIT", NULL);
    free(o.buf);
    unlink(deep);
    free(text);
    free(html);
}
END_TEST

/* --stats on a document that failed on a limit: the stages it went through
 * have their times. */
START_TEST(test_stats_of_failure)
{
    const char *c = cli();
    char *line;
    double v;
    output o;
    if (!c)
        return;
    o = run("'%s' parse --stats --max-quotes 1 '%s' 2>&1 >/dev/null", c, html_path);
    ck_assert_int_eq(o.status, 1);
    line = strstr(o.buf, "stats ");
    ck_assert_msg(line != NULL, "no stats line: %s", o.buf);
    ck_assert_ptr_nonnull(strstr(line, " documents 1 failed 1 "));
    ck_assert(sscanf(strstr(line, " load "), " load %lf", &v) == 1 && v > 0);
    ck_assert(sscanf(strstr(line, " extract "), " extract %lf", &v) == 1 && v > 0);
    ck_assert(sscanf(strstr(line, " tokens "), " tokens %lf", &v) == 1 && v > 0);
    ck_assert(sscanf(strstr(line, " entities "), " entities %lf", &v) == 1 && v > 0);
    ck_assert(sscanf(strstr(line, " quotes "), " quotes %lf", &v) == 1 && v > 0);
    free(o.buf);
}
END_TEST

/* clean --max-bytes: over the limit the whole input fails; with --lines only
 * the long line does, and is written empty. */
START_TEST(test_clean_limits)
{
    const char *c = cli();
    char path[64], data[300];
    output o;
    if (!c)
        return;
    memset(data, 'x', sizeof data);
    memcpy(data, "Le caf\xc3\x83\xc2\xa9.\n", 12);
    data[200] = '\n';
    memcpy(data + 201, "Na\xc3\x83\xc2\xafve.\n", 11);
    temp_file(path, sizeof path, data, 212);
    o = run("'%s' clean --max-bytes 100 '%s' 2>/dev/null", c, path);
    ck_assert_int_eq(o.status, 1);
    ck_assert_uint_eq(o.len, 0);
    free(o.buf);
    o = run("'%s' clean --lines --max-bytes 100 '%s' 2>/dev/null", c, path);
    ck_assert_int_eq(o.status, 1);
    ck_assert_str_eq(o.buf, "Le caf\xc3\xa9.\n\nNa\xc3\xafve.\n");
    free(o.buf);
    o = run("'%s' clean --lines --max-bytes 100 < '%s' 2>&1 >/dev/null", c, path);
    ck_assert_ptr_nonnull(strstr(o.buf, "line 2 is more than 100 bytes"));
    free(o.buf);
    o = run("'%s' clean --lines --max-bytes 188 '%s'", c, path);
    ck_assert_int_eq(o.status, 0);
    ck_assert_uint_eq(count_lines(o.buf), 3);
    free(o.buf);
    /* the long line is 188 bytes: 187 is one too few */
    o = run("'%s' clean --lines --max-bytes 187 '%s' 2>/dev/null", c, path);
    ck_assert_int_eq(o.status, 1);
    free(o.buf);
    unlink(path);
}
END_TEST

/* Every option is in --help and in docs/cli.md. */
START_TEST(test_options_documented)
{
    static const char *const options[] = {
        "--input", "--url", "--charset", "--no-clean", "--no-entities", "--no-quotes",
        "--no-metadata", "--keep-all", "--files-from", "-j", "--format", "--pretty",
        "--stats", "--max-bytes", "--max-depth", "--max-nodes", "--max-attributes",
        "--max-blocks", "--max-entities", "--max-quotes", "--max-work", "--truncate",
        "--lines", "--help", "--version"
    };
    const char *c = cli();
    char docs_path[4096], quoted[64];
    char *docs;
    output o;
    size_t i;
    if (!c)
        return;
    docs = np_test_read(np_test_path(docs_path, sizeof docs_path, "docs/cli.md"), NULL);
    ck_assert_ptr_nonnull(docs);
    o = run("'%s' --help", c);
    ck_assert_int_eq(o.status, 0);
    for (i = 0; i < sizeof options / sizeof options[0]; i++) {
        snprintf(quoted, sizeof quoted, "`%s", options[i]);
        ck_assert_msg(strstr(o.buf, options[i]) != NULL, "--help lacks %s", options[i]);
        ck_assert_msg(strstr(docs, quoted) != NULL, "docs/cli.md lacks %s", options[i]);
    }
    free(o.buf);
    free(docs);
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
    tcase_add_test(tc, test_parse_folders);
    tcase_add_test(tc, test_parse_options);
    tcase_add_test(tc, test_help_version_usage);
    tcase_add_test(tc, test_clean_lines);
    tcase_add_test(tc, test_write_errors);
    tcase_add_test(tc, test_option_errors);
    tcase_add_test(tc, test_option_forms);
    tcase_add_test(tc, test_stdin_once);
    tcase_add_test(tc, test_size_limit_early);
    tcase_add_test(tc, test_count_limits);
    tcase_add_test(tc, test_stats_of_failure);
    tcase_add_test(tc, test_clean_limits);
    tcase_add_test(tc, test_options_documented);
    suite_add_tcase(s, tc);
    return s;
}

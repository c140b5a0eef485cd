/*
 * Threads: 8 threads at once, each with its own parser, parse the same
 * pages and must write byte-identical JSON to a single-threaded run; then 8
 * threads read the same documents at once (every accessor and the JSON
 * writer), and documents are freed by a thread other than the one that
 * made them, after their parser is gone. Run under ThreadSanitizer in CI
 * (.ci/run).
 *
 * Pages: the first NP_THREADS_PAGES (default 32) metadata test pages of
 * the benchmark data, or the bundled examples when it is absent.
 */
#include <dirent.h>
#include <pthread.h>

#include "np_test.h"

#define NTHREADS 8
#define MAXPAGES 130

typedef struct page {
    char *buf;
    size_t len;
    int html;
    char *json;        /* reference output, single-threaded */
} page;

static page pages[MAXPAGES];
static size_t npages;

static int cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void add_page(const char *path, int html)
{
    size_t len;
    char *buf;
    if (npages == MAXPAGES)
        return;
    buf = np_test_read(path, &len);
    if (!buf)
        return;
    pages[npages].buf = buf;
    pages[npages].len = len;
    pages[npages].html = html;
    npages++;
}

static void load_pages(void)
{
    const char *shared = np_test_shared();
    const char *env = getenv("NP_THREADS_PAGES");
    size_t want = env && *env ? (size_t)atoi(env) : 32;
    char path[4096];
    if (want > MAXPAGES)
        want = MAXPAGES;
    if (shared) {
        char dir[2048], *names[MAXPAGES * 2];
        size_t n = 0, i;
        DIR *d;
        struct dirent *e;
        snprintf(dir, sizeof dir, "%s/bench/metadata/pages", shared);
        d = opendir(dir);
        while (d && (e = readdir(d)) != NULL && n < MAXPAGES * 2)
            if (e->d_name[0] != '.')
                names[n++] = strdup(e->d_name);
        if (d)
            closedir(d);
        qsort(names, n, sizeof(*names), cmp);
        for (i = 0; i < n; i++) {
            if (npages < want) {
                snprintf(path, sizeof path, "%s/%s/source.html", dir, names[i]);
                add_page(path, 1);
            }
            free(names[i]);
        }
    }
    add_page(np_test_path(path, sizeof path, "examples/data/article.html"), 1);
    add_page(np_test_path(path, sizeof path, "examples/data/article.txt"), 0);
}

static char *parse_to_json(np_parser *p, const page *pg, np_document **keep)
{
    np_document *d = NULL;
    char *json = NULL;
    int rc = pg->html ? np_parse_html(p, &d, pg->buf, pg->len, "https://example.org/a")
                      : np_parse_text(p, &d, pg->buf, pg->len, NULL);
    if (rc != NP_OK)
        return NULL;
    if (np_document_to_json(d, "page", 0, &json, NULL) != NP_OK)
        json = NULL;
    if (keep)
        *keep = d;
    else
        np_document_free(d);
    return json;
}

static void setup(void)
{
    np_parser *p;
    size_t i;
    load_pages();
    ck_assert_uint_gt(npages, 0);
    ck_assert_int_eq(np_parser_new(&p, NULL), NP_OK);
    for (i = 0; i < npages; i++) {
        pages[i].json = parse_to_json(p, &pages[i], NULL);
        ck_assert_ptr_nonnull(pages[i].json);
    }
    np_parser_free(p);
}

static void teardown(void)
{
    size_t i;
    for (i = 0; i < npages; i++) {
        free(pages[i].buf);
        np_free(pages[i].json);
    }
    memset(pages, 0, sizeof(pages));
    npages = 0;
}

/* ---------------------------------------------------- one parser each */

typedef struct worker {
    int id;
    size_t mismatches, failures;
    np_document *made[MAXPAGES];   /* handed to another thread to free */
} worker;

static void *parse_all(void *arg)
{
    worker *w = arg;
    np_parser *p;
    size_t k;
    if (np_parser_new(&p, NULL) != NP_OK) {
        w->failures++;
        return NULL;
    }
    for (k = 0; k < npages; k++) {
        size_t i = (k + (size_t)w->id * 3) % npages;   /* each its own order */
        np_document *d = NULL;
        char *json = parse_to_json(p, &pages[i], &d);
        if (!json)
            w->failures++;
        else if (strcmp(json, pages[i].json) != 0)
            w->mismatches++;
        np_free(json);
        w->made[i] = d;
    }
    np_parser_free(p);   /* the documents outlive it */
    return NULL;
}

START_TEST(test_parallel_parsers)
{
    pthread_t t[NTHREADS];
    static worker w[NTHREADS];
    int i;
    size_t k;
    memset(w, 0, sizeof(w));
    for (i = 0; i < NTHREADS; i++) {
        w[i].id = i;
        ck_assert_int_eq(pthread_create(&t[i], NULL, parse_all, &w[i]), 0);
    }
    for (i = 0; i < NTHREADS; i++)
        ck_assert_int_eq(pthread_join(t[i], NULL), 0);
    for (i = 0; i < NTHREADS; i++) {
        ck_assert_msg(w[i].failures == 0, "thread %d: %zu parses failed", i, w[i].failures);
        ck_assert_msg(w[i].mismatches == 0, "thread %d: %zu outputs differ from "
                      "the single-threaded run", i, w[i].mismatches);
        /* freed here, by another thread than the one that made them */
        for (k = 0; k < npages; k++)
            np_document_free(w[i].made[k]);
    }
}
END_TEST

/* ---------------------------------------------------- shared documents */

static np_document *shared_docs[MAXPAGES];

static size_t read_everything(const np_document *d)
{
    size_t sum = 0, i, j, n, len;
    const char *s;
    s = np_document_body(d, &len);
    sum += len + (s ? 1 : 0);
    sum += np_document_title(d) ? strlen(np_document_title(d)) : 0;
    sum += np_document_published(d) ? 1 : 0;
    sum += np_document_source(d, "title") ? 1 : 0;
    n = np_document_author_count(d);
    for (i = 0; i < n; i++)
        sum += strlen(np_document_author(d, i));
    n = np_document_block_count(d);
    for (i = 0; i < n; i++) {
        size_t bl = 0, bs = 0;
        np_document_block_text(d, i, &bl, &bs);
        sum += bl + (size_t)np_document_block_kind(d, i);
    }
    n = np_document_entity_count(d);
    for (i = 0; i < n; i++) {
        const np_entity *e = np_document_entity(d, i);
        sum += strlen(np_entity_name(e));
        for (j = 0; j < np_entity_mention_count(e); j++) {
            size_t a, b;
            np_entity_mention(e, j, &a, &b);
            sum += b - a;
        }
    }
    n = np_document_quote_count(d);
    for (i = 0; i < n; i++)
        sum += np_quote_end(np_document_quote(d, i));
    n = np_document_fix_count(d);
    for (i = 0; i < n; i++)
        sum += np_fix_end(np_document_fix(d, i));
    return sum;
}

static void *read_shared(void *arg)
{
    worker *w = arg;
    int round;
    for (round = 0; round < 3; round++) {
        size_t k;
        for (k = 0; k < npages; k++) {
            size_t i = (k + (size_t)w->id) % npages;
            char *json = NULL;
            if (np_document_to_json(shared_docs[i], "page", 0, &json, NULL) != NP_OK)
                w->failures++;
            else if (strcmp(json, pages[i].json) != 0)
                w->mismatches++;
            np_free(json);
            (void)read_everything(shared_docs[i]);
        }
    }
    return NULL;
}

START_TEST(test_shared_documents)
{
    pthread_t t[NTHREADS];
    static worker w[NTHREADS];
    np_parser *p;
    size_t k;
    int i;
    ck_assert_int_eq(np_parser_new(&p, NULL), NP_OK);
    for (k = 0; k < npages; k++) {
        char *json = parse_to_json(p, &pages[k], &shared_docs[k]);
        ck_assert_ptr_nonnull(json);
        np_free(json);
    }
    np_parser_free(p);
    memset(w, 0, sizeof(w));
    for (i = 0; i < NTHREADS; i++) {
        w[i].id = i;
        ck_assert_int_eq(pthread_create(&t[i], NULL, read_shared, &w[i]), 0);
    }
    for (i = 0; i < NTHREADS; i++)
        ck_assert_int_eq(pthread_join(t[i], NULL), 0);
    for (i = 0; i < NTHREADS; i++) {
        ck_assert_uint_eq(w[i].failures, 0);
        ck_assert_uint_eq(w[i].mismatches, 0);
    }
    for (k = 0; k < npages; k++)
        np_document_free(shared_docs[k]);
}
END_TEST

/* ---------------------------------------------------- cleanup in threads */

static void *clean_many(void *arg)
{
    worker *w = arg;
    size_t k;
    for (k = 0; k < npages; k++) {
        np_clean_result *r = NULL;
        const page *pg = &pages[(k + (size_t)w->id) % npages];
        size_t len = pg->len < 20000 ? pg->len : 20000;
        if (np_clean(&r, pg->buf, len, NULL) != NP_OK)
            w->failures++;
        np_clean_result_free(r);
    }
    return NULL;
}

START_TEST(test_parallel_clean)
{
    pthread_t t[NTHREADS];
    static worker w[NTHREADS];
    int i;
    memset(w, 0, sizeof(w));
    for (i = 0; i < NTHREADS; i++) {
        w[i].id = i;
        ck_assert_int_eq(pthread_create(&t[i], NULL, clean_many, &w[i]), 0);
    }
    for (i = 0; i < NTHREADS; i++) {
        ck_assert_int_eq(pthread_join(t[i], NULL), 0);
        ck_assert_uint_eq(w[i].failures, 0);
    }
}
END_TEST

/* ------------------------------------------------- reading an error */

/* np_parser_errmsg() and np_parser_errcode() take a const parser: they
 * only read it, so threads may ask a failed parser for its message at the
 * same time (ThreadSanitizer reports a write there). */
static void *read_error(void *arg)
{
    const np_parser *p = arg;
    size_t sum = 0;
    int k;
    for (k = 0; k < 1000; k++) {
        sum += strlen(np_parser_errmsg(p));
        sum += (size_t)-np_parser_errcode(p);
    }
    return (void *)sum;
}

START_TEST(test_concurrent_error_readers)
{
    np_parse_options o = NP_PARSE_OPTIONS_INIT;
    np_parser *p;
    np_document *d;
    pthread_t t[NTHREADS];
    int i;
    o.max_bytes = 4;
    ck_assert_int_eq(np_parser_new(&p, &o), NP_OK);
    ck_assert_int_eq(np_parse_text(p, &d, "12345", 5, NULL), NP_ELIMIT);
    for (i = 0; i < NTHREADS; i++)
        ck_assert_int_eq(pthread_create(&t[i], NULL, read_error, p), 0);
    for (i = 0; i < NTHREADS; i++) {
        void *sum;
        ck_assert_int_eq(pthread_join(t[i], &sum), 0);
        ck_assert_uint_eq((size_t)sum, 1000 * (strlen(np_parser_errmsg(p)) + 7));
    }
    ck_assert_str_eq(np_parser_errmsg(p), "input is 5 bytes, the limit is 4");
    np_parser_free(p);
}
END_TEST

Suite *np_threads_suite(void)
{
    Suite *s = suite_create("threads");
    TCase *tc = tcase_create("threads");
    tcase_add_unchecked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, test_parallel_parsers);
    tcase_add_test(tc, test_shared_documents);
    tcase_add_test(tc, test_parallel_clean);
    tcase_add_test(tc, test_concurrent_error_readers);
    suite_add_tcase(s, tc);
    return s;
}

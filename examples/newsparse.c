/*
 * newsparse: the command-line program of the newsparse library.
 *
 *   newsparse parse [OPTIONS] [FILE|-]...   one JSON object per document
 *   newsparse clean [--lines] [FILE|-]      cleaned text
 *
 * Built against the public API only. See docs/cli.md.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>
#include <newsparse/newsparse.h>

#define INPUT_AUTO 0
#define INPUT_HTML 1
#define INPUT_TEXT 2

#define FORMAT_JSON 0
#define FORMAT_TEXT 1
#define FORMAT_MARKDOWN 2
#define FORMAT_HTML 3

typedef struct job {
    const char *path;   /* as given */
    char *out;          /* the record (with its final newline) */
    size_t out_len;
    int failed;
    int done;
    double t_read, t_parse, t_emit;
    double stage[NP_STAGE_COUNT];
} job;

typedef struct config {
    int input;
    int format;
    int pretty;
    int stats;
    const char *url;
    np_parse_options opts;
    job *jobs;
    size_t n_jobs;
    size_t next;          /* next job to take */
    pthread_mutex_t lock;
    pthread_cond_t cond;
    int oom;
} config;

static void usage(FILE *f)
{
    fputs(
        "usage: newsparse parse [OPTIONS] [FILE|-]...\n"
        "       newsparse clean [--lines] [FILE|-]\n"
        "       newsparse --help | --version\n"
        "\n"
        "parse: one JSON object per document, one per line, in input order.\n"
        "  --input auto|html|text  how to read inputs (default: auto, sniffed)\n"
        "  --url URL               the page's address (never fetched)\n"
        "  --charset NAME          the charset of HTML inputs (else sniffed)\n"
        "  --no-clean              skip text cleanup\n"
        "  --no-entities           skip entity recognition\n"
        "  --no-quotes             skip quote extraction\n"
        "  --keep-all              keep every text block (no boilerplate removal)\n"
        "  --files-from FILE|-     read input paths from FILE, one per line\n"
        "  -j N                    parse with N threads (same output as -j 1)\n"
        "  --format json|text|markdown|html\n"
        "                          output format (default: json)\n"
        "  --pretty                indent the JSON\n"
        "  --stats                 per-stage timings on standard error\n"
        "\n"
        "clean: the cleaned text of the input, same lines in the same order.\n"
        "  --lines                 clean every line as its own document\n",
        f);
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Reads a whole file ("-" is standard input). Returns 0 or an errno. */
static int read_all(const char *path, char **out, size_t *len)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    char *buf = NULL;
    size_t cap = 0, n = 0;
    int err = 0;
    if (!f)
        return errno ? errno : EIO;
    for (;;) {
        size_t got;
        if (cap - n < 65536) {
            char *nb;
            cap = cap ? cap * 2 : 262144;
            nb = realloc(buf, cap + 1);
            if (!nb) {
                err = ENOMEM;
                break;
            }
            buf = nb;
        }
        got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0) {
            if (ferror(f))
                err = errno ? errno : EIO;
            break;
        }
    }
    if (f != stdin)
        fclose(f);
    if (err) {
        free(buf);
        return err;
    }
    if (!buf && !(buf = malloc(1)))
        return ENOMEM;
    buf[n] = '\0';
    *out = buf;
    *len = n;
    return 0;
}

/* An error record: {"schema":1,"source":...,"error":{"code","message"}}. */
static int error_record(job *jb, const char *code, const char *message, int pretty)
{
    json_t *o = json_pack("{s:i,s:s,s:{s:s,s:s}}", "schema", 1, "source",
                          jb->path, "error", "code", code, "message", message);
    char *s;
    if (!o)
        return -1;
    s = json_dumps(o, pretty ? JSON_INDENT(2) : JSON_COMPACT);
    json_decref(o);
    if (!s)
        return -1;
    jb->out_len = strlen(s) + 1;
    jb->out = malloc(jb->out_len + 1);
    if (!jb->out) {
        free(s);
        return -1;
    }
    memcpy(jb->out, s, jb->out_len - 1);
    jb->out[jb->out_len - 1] = '\n';
    jb->out[jb->out_len] = '\0';
    free(s);
    jb->failed = 1;
    return 0;
}

static int run_job(config *cf, np_parser *p, job *jb)
{
    char *buf = NULL, *text = NULL;
    size_t len = 0, tlen = 0;
    np_document *doc = NULL;
    int rc, err, as_html, i;
    double t0 = now(), t1, t2;

    err = read_all(jb->path, &buf, &len);
    if (err)
        return error_record(jb, err == ENOENT ? "NP_ENOTFOUND" : "NP_ERROR",
                            strerror(err), cf->pretty);
    t1 = now();
    jb->t_read = t1 - t0;
    as_html = cf->input == INPUT_HTML ||
              (cf->input == INPUT_AUTO && np_looks_like_html(buf, len));
    rc = as_html ? np_parse_html(p, &doc, buf, len, cf->url)
                 : np_parse_text(p, &doc, buf, len, cf->url);
    free(buf);
    t2 = now();
    jb->t_parse = t2 - t1;
    if (rc != NP_OK)
        return error_record(jb, np_strerror_name(rc), np_parser_errmsg(p), cf->pretty);
    for (i = 0; i < NP_STAGE_COUNT; i++)
        jb->stage[i] = np_document_stage_seconds(doc, i);
    if (cf->format == FORMAT_TEXT)
        rc = np_document_to_text(doc, 0, &text, &tlen);
    else if (cf->format == FORMAT_MARKDOWN)
        rc = np_document_to_markdown(doc, 0, &text, &tlen);
    else if (cf->format == FORMAT_HTML)
        rc = np_document_to_html(doc, 0, &text, &tlen);
    else
        rc = np_document_to_json(doc, jb->path, cf->pretty ? NP_JSON_PRETTY : 0,
                                 &text, &tlen);
    np_document_free(doc);
    if (rc != NP_OK)
        return error_record(jb, np_strerror_name(rc), np_strerror(rc), cf->pretty);
    jb->out = malloc(tlen + 2);
    if (!jb->out) {
        np_free(text);
        return -1;
    }
    memcpy(jb->out, text, tlen);
    jb->out_len = tlen;
    if (cf->format == FORMAT_JSON || tlen == 0 || text[tlen - 1] != '\n')
        jb->out[jb->out_len++] = '\n';
    jb->out[jb->out_len] = '\0';
    np_free(text);
    jb->t_emit = now() - t2;
    return 0;
}

static void *worker(void *arg)
{
    config *cf = arg;
    np_parser *p = NULL;
    int rc = np_parser_new(&p, &cf->opts);
    for (;;) {
        job *jb;
        pthread_mutex_lock(&cf->lock);
        if (cf->next >= cf->n_jobs) {
            pthread_mutex_unlock(&cf->lock);
            break;
        }
        jb = &cf->jobs[cf->next++];
        pthread_mutex_unlock(&cf->lock);
        if (rc != NP_OK ? error_record(jb, np_strerror_name(rc), np_strerror(rc),
                                       cf->pretty)
                        : run_job(cf, p, jb))
            cf->oom = 1;
        pthread_mutex_lock(&cf->lock);
        jb->done = 1;
        pthread_cond_broadcast(&cf->cond);
        pthread_mutex_unlock(&cf->lock);
    }
    np_parser_free(p);
    return NULL;
}

/* Appends the paths listed in a file, one per line, to *paths. */
static int read_list(const char *from, char ***paths, size_t *n, size_t *cap,
                     char **store)
{
    char *buf, *line;
    size_t len;
    int err = read_all(from, &buf, &len);
    if (err) {
        fprintf(stderr, "newsparse: cannot read %s: %s\n", from, strerror(err));
        return -1;
    }
    *store = buf;
    for (line = buf; line < buf + len;) {
        char *nl = memchr(line, '\n', (size_t)(buf + len - line));
        char *end = nl ? nl : buf + len;
        if (end > line && end[-1] == '\r')
            end[-1] = '\0';
        *end = '\0';
        if (*line) {
            if (*n == *cap) {
                char **np = realloc(*paths, (*cap = *cap ? *cap * 2 : 64) * sizeof(char *));
                if (!np)
                    return -1;
                *paths = np;
            }
            (*paths)[(*n)++] = line;
        }
        line = end + 1;
    }
    return 0;
}

static int cmd_parse(int argc, char **argv)
{
    config cf;
    char **paths = NULL, *list_store = NULL;
    size_t n = 0, cap = 0, i;
    long threads = 1;
    int failed = 0, a;
    const char *from = NULL;
    pthread_t *tids = NULL;
    double t_start = now();

    memset(&cf, 0, sizeof(cf));
    np_parse_options_init(&cf.opts, NP_PARSE_OPTIONS_VERSION);
    for (a = 0; a < argc; a++) {
        const char *s = argv[a];
        if (!strcmp(s, "--input") && a + 1 < argc) {
            const char *v = argv[++a];
            if (!strcmp(v, "auto")) cf.input = INPUT_AUTO;
            else if (!strcmp(v, "html")) cf.input = INPUT_HTML;
            else if (!strcmp(v, "text")) cf.input = INPUT_TEXT;
            else {
                fprintf(stderr, "newsparse: --input must be auto, html or text\n");
                return 2;
            }
        } else if (!strcmp(s, "--format") && a + 1 < argc) {
            const char *v = argv[++a];
            if (!strcmp(v, "json")) cf.format = FORMAT_JSON;
            else if (!strcmp(v, "text")) cf.format = FORMAT_TEXT;
            else if (!strcmp(v, "markdown")) cf.format = FORMAT_MARKDOWN;
            else if (!strcmp(v, "html")) cf.format = FORMAT_HTML;
            else {
                fprintf(stderr, "newsparse: --format must be json, text, markdown or html\n");
                return 2;
            }
        } else if (!strcmp(s, "--url") && a + 1 < argc) {
            cf.url = argv[++a];
        } else if (!strcmp(s, "--charset") && a + 1 < argc) {
            cf.opts.charset = argv[++a];
        } else if (!strcmp(s, "--files-from") && a + 1 < argc) {
            from = argv[++a];
        } else if (!strcmp(s, "-j") && a + 1 < argc) {
            char *end;
            threads = strtol(argv[++a], &end, 10);
            if (*end || threads < 1 || threads > 256) {
                fprintf(stderr, "newsparse: -j needs a number from 1 to 256\n");
                return 2;
            }
        } else if (!strncmp(s, "-j", 2) && s[2]) {
            char *end;
            threads = strtol(s + 2, &end, 10);
            if (*end || threads < 1 || threads > 256) {
                fprintf(stderr, "newsparse: -j needs a number from 1 to 256\n");
                return 2;
            }
        } else if (!strcmp(s, "--no-clean")) {
            cf.opts.flags |= NP_PARSE_NO_CLEAN;
        } else if (!strcmp(s, "--no-entities")) {
            cf.opts.flags |= NP_PARSE_NO_ENTITIES;
        } else if (!strcmp(s, "--no-quotes")) {
            cf.opts.flags |= NP_PARSE_NO_QUOTES;
        } else if (!strcmp(s, "--keep-all")) {
            cf.opts.flags |= NP_PARSE_KEEP_ALL;
        } else if (!strcmp(s, "--pretty")) {
            cf.pretty = 1;
        } else if (!strcmp(s, "--stats")) {
            cf.stats = 1;
        } else if (!strcmp(s, "--help") || !strcmp(s, "-h")) {
            usage(stdout);
            return 0;
        } else if (s[0] == '-' && s[1]) {
            fprintf(stderr, "newsparse: unknown option %s\n", s);
            usage(stderr);
            return 2;
        } else {
            if (n == cap) {
                char **np = realloc(paths, (cap = cap ? cap * 2 : 16) * sizeof(char *));
                if (!np)
                    goto oom;
                paths = np;
            }
            paths[n++] = argv[a];
        }
    }
    if (from && read_list(from, &paths, &n, &cap, &list_store) != 0) {
        free(paths);
        free(list_store);
        return 2;
    }
    if (n == 0 && !from) {
        static char dash[] = "-";
        if (!(paths = malloc(sizeof(char *))))
            goto oom;
        paths[n++] = dash;
    }
    cf.jobs = calloc(n ? n : 1, sizeof(job));
    if (!cf.jobs)
        goto oom;
    for (i = 0; i < n; i++)
        cf.jobs[i].path = paths[i];
    cf.n_jobs = n;
    pthread_mutex_init(&cf.lock, NULL);
    pthread_cond_init(&cf.cond, NULL);
    if ((size_t)threads > n)
        threads = n ? (long)n : 1;
    tids = calloc((size_t)threads, sizeof(pthread_t));
    if (!tids)
        goto oom;
    for (i = 0; i < (size_t)threads; i++)
        if (pthread_create(&tids[i], NULL, worker, &cf) != 0) {
            fprintf(stderr, "newsparse: cannot start a thread\n");
            threads = (long)i;
            break;
        }
    if (threads == 0)
        worker(&cf);
    /* Write the records in input order as they complete. */
    for (i = 0; i < n; i++) {
        job *jb = &cf.jobs[i];
        pthread_mutex_lock(&cf.lock);
        while (!jb->done)
            pthread_cond_wait(&cf.cond, &cf.lock);
        pthread_mutex_unlock(&cf.lock);
        if (jb->out)
            fwrite(jb->out, 1, jb->out_len, stdout);
        failed |= jb->failed || !jb->out;
        free(jb->out);
        jb->out = NULL;
    }
    for (i = 0; i < (size_t)threads; i++)
        pthread_join(tids[i], NULL);
    fflush(stdout);
    if (cf.stats) {
        static const char *const names[NP_STAGE_COUNT] = {
            "load", "extract", "clean", "tokens", "entities", "quotes"
        };
        double r = 0, p = 0, e = 0, st[NP_STAGE_COUNT] = { 0 };
        int k;
        for (i = 0; i < n; i++) {
            r += cf.jobs[i].t_read;
            p += cf.jobs[i].t_parse;
            e += cf.jobs[i].t_emit;
            for (k = 0; k < NP_STAGE_COUNT; k++)
                st[k] += cf.jobs[i].stage[k];
        }
        fprintf(stderr, "stats documents %zu threads %ld wall %.6f read %.6f parse %.6f",
                n, threads, now() - t_start, r, p);
        for (k = 0; k < NP_STAGE_COUNT; k++)
            fprintf(stderr, " %s %.6f", names[k], st[k]);
        fprintf(stderr, " emit %.6f (seconds, summed over documents)\n", e);
    }
    pthread_mutex_destroy(&cf.lock);
    pthread_cond_destroy(&cf.cond);
    free(tids);
    free(cf.jobs);
    free(paths);
    free(list_store);
    if (cf.oom) {
        fprintf(stderr, "newsparse: out of memory\n");
        return 1;
    }
    return failed ? 1 : 0;
oom:
    fprintf(stderr, "newsparse: out of memory\n");
    free(tids);
    free(cf.jobs);
    free(paths);
    free(list_store);
    return 1;
}

/* Cleans buf[0..len) and writes the result; returns 0 or 1. */
static int clean_write(const char *buf, size_t len, int one_line)
{
    np_clean_result *r = NULL;
    const char *t;
    size_t tl, i;
    int rc = np_clean(&r, buf, len, NULL);
    if (rc != NP_OK) {
        fprintf(stderr, "newsparse: clean: %s\n", np_strerror(rc));
        return 1;
    }
    t = np_clean_result_text(r, &tl);
    if (one_line) {
        /* A line stays one line, whatever the cleaner did. */
        for (i = 0; i < tl; i++)
            putchar(t[i] == '\n' ? ' ' : t[i]);
    } else {
        fwrite(t, 1, tl, stdout);
    }
    np_clean_result_free(r);
    return 0;
}

static int cmd_clean(int argc, char **argv)
{
    int lines = 0, a, failed = 0;
    const char *path = NULL;
    char *buf;
    size_t len;
    int err;
    for (a = 0; a < argc; a++) {
        if (!strcmp(argv[a], "--lines")) {
            lines = 1;
        } else if (!strcmp(argv[a], "--help") || !strcmp(argv[a], "-h")) {
            usage(stdout);
            return 0;
        } else if (argv[a][0] == '-' && argv[a][1]) {
            fprintf(stderr, "newsparse: unknown option %s\n", argv[a]);
            return 2;
        } else if (!path) {
            path = argv[a];
        } else {
            fprintf(stderr, "newsparse: clean takes one input\n");
            return 2;
        }
    }
    err = read_all(path ? path : "-", &buf, &len);
    if (err) {
        fprintf(stderr, "newsparse: cannot read %s: %s\n", path ? path : "-",
                strerror(err));
        return 1;
    }
    if (!lines) {
        failed = clean_write(buf, len, 0);
    } else {
        size_t i = 0;
        while (i < len) {
            const char *nl = memchr(buf + i, '\n', len - i);
            size_t end = nl ? (size_t)(nl - buf) : len;
            failed |= clean_write(buf + i, end - i, 1);
            if (nl)
                putchar('\n');
            i = end + 1;
        }
    }
    free(buf);
    fflush(stdout);
    return failed;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return 2;
    }
    if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") ||
        !strcmp(argv[1], "help")) {
        usage(stdout);
        return 0;
    }
    if (!strcmp(argv[1], "--version")) {
        printf("newsparse %s\n", np_version());
        return 0;
    }
    if (!strcmp(argv[1], "parse"))
        return cmd_parse(argc - 2, argv + 2);
    if (!strcmp(argv[1], "clean"))
        return cmd_clean(argc - 2, argv + 2);
    fprintf(stderr, "newsparse: unknown command %s\n", argv[1]);
    usage(stderr);
    return 2;
}

/*
 * newsparse: the command-line program of the newsparse library.
 *
 *   newsparse parse [OPTIONS] [FILE|-]...   one JSON object per document
 *   newsparse clean [--lines] [FILE|-]      cleaned text
 *
 * Built against the public API only. See docs/cli.md.
 */
#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>
#include <newsparse/newsparse.h>

#include "warc.h"

#define INPUT_AUTO 0
#define INPUT_HTML 1
#define INPUT_TEXT 2
#define INPUT_WARC 3

#define FORMAT_JSON 0
#define FORMAT_TEXT 1
#define FORMAT_MARKDOWN 2
#define FORMAT_HTML 3

/* Exit statuses (docs/cli.md). */
#define EXIT_FAILED 1   /* an input failed, or the output could not be written */
#define EXIT_USAGE 2    /* a usage error: nothing was read or written */

/* What a job holds: an input the worker reads itself, bytes already read
 * (a page of a WARC file), or an error found while reading them. */
#define JOB_FILE 0
#define JOB_DATA 1
#define JOB_ERROR 2

typedef struct job {
    const char *path;   /* as given */
    int kind;           /* JOB_* */
    unsigned char pre[8];   /* JOB_FILE from a stream: bytes read to sniff it */
    size_t pre_len;
    FILE *f;            /* JOB_FILE: a pipe or device the reader thread opened
                         * (it can be opened and read once only), or NULL */
    char *data;         /* JOB_DATA: the page (owned) */
    size_t len;
    char *url;          /* JOB_DATA: its address, or NULL (owned) */
    char *charset;      /* JOB_DATA: its charset from HTTP, or NULL (owned) */
    json_t *warc;       /* the "warc" member of the record, or NULL (owned) */
    int err_code;       /* JOB_ERROR: an NP_E* code */
    char *err_msg;      /* JOB_ERROR (owned) */
    char *out;          /* the record (with its final newline) */
    size_t out_len;
    int failed;
    int done;
    double t_read, t_parse, t_emit;
    double *stage;      /* the library's stage times: config.n_stages */
} job;

typedef struct config {
    int input;
    int format;
    int pretty;
    int stats;
    int quiet;
    const char *url;
    np_parse_options opts;
    char **paths;         /* the inputs, in order */
    size_t n_paths;
    /* Jobs pass through a ring of slots: the reader thread fills them in
     * input order (a WARC file gives many), the workers parse them, the main
     * thread writes them in order and frees their slot. */
    job *ring;
    size_t ring_size;
    size_t produced;      /* jobs made so far */
    size_t next;          /* next job to take */
    size_t written;       /* jobs written (and their slots free) */
    int fed_all;          /* the reader has made every job */
    int stop;             /* the output failed: start nothing more */
    pthread_mutex_t lock;
    pthread_cond_t cond;
    int oom;
    int n_stages;         /* np_stage_count() */
    double *stage_times;  /* ring_size times n_stages */
    /* totals of the written jobs, for --stats and the progress line */
    size_t n_done, n_failed;
    double t_read, t_parse, t_emit;
    double *stage_total;  /* n_stages */
} config;

static void usage(FILE *f)
{
    fputs(
        "usage: newsparse parse [OPTIONS] [--] [FILE|-]...\n"
        "       newsparse clean [--lines] [--max-bytes SIZE] [--] [FILE|-]\n"
        "       newsparse --help | --version\n"
        "\n"
        "parse: one JSON object per document, one per line, in input order;\n"
        "  a FILE that is a folder stands for the files under it, in name order.\n"
        "  --input auto|html|text|warc\n"
        "                          how to read inputs (default: auto, sniffed;\n"
        "                          WARC and WARC.gz files are found by name or content)\n"
        "  --url URL               the page's address (never fetched)\n"
        "  --charset NAME          the charset of HTML inputs (else sniffed)\n"
        "  --no-clean              skip text cleanup\n"
        "  --no-entities           skip entity recognition\n"
        "  --no-quotes             skip quote extraction\n"
        "  --no-metadata           skip metadata extraction\n"
        "  --keep-all              keep every text block (no boilerplate removal)\n"
        "  --files-from FILE|-     read input paths from FILE, one per line\n"
        "  -j N                    parse with N threads (same output as -j 1)\n"
        "  --format json|text|markdown|html\n"
        "                          output format (default: json)\n"
        "  --pretty                indent the JSON\n"
        "  --stats                 per-stage timings on standard error\n"
        "  --quiet, -q             no progress line on standard error\n"
        "limits (a document over one fails with NP_ELIMIT; 0 is not allowed):\n"
        "  --max-bytes SIZE        largest input, bytes or with k, M, G (default 256M)\n"
        "  --max-depth N           deepest HTML element nesting (default 4096)\n"
        "  --max-nodes N           most HTML nodes (default 10000000)\n"
        "  --max-attributes N      most attributes read per element (default 128)\n"
        "  --max-blocks N          most body blocks (default 100000)\n"
        "  --max-entities N        most entities (default 10000)\n"
        "  --max-quotes N          most quotes (default 10000)\n"
        "  --max-work N            work budget of the HTML tree building\n"
        "  --truncate              cut a document at a limit instead of failing\n"
        "\n"
        "clean: the cleaned text of the input, same lines in the same order.\n"
        "  --lines                 clean every line as its own document\n"
        "  --max-bytes SIZE        largest input (with --lines: largest line)\n"
        "\n"
        "Options take their value as --opt VALUE or --opt=VALUE; -- ends them.\n",
        f);
}

/* A usage error: one line and a hint, on standard error. Returns EXIT_USAGE. */
static int usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static int usage_error(const char *fmt, ...)
{
    va_list ap;
    fputs("newsparse: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputs("\ntry 'newsparse --help'\n", stderr);
    return EXIT_USAGE;
}

/* The errno of the first failed write to standard output, 0 if none. The
 * threads never write there: only the main thread touches it. */
static int out_errno;

/* Writes to standard output; returns 0, or -1 once a write has failed. */
static int put(const void *p, size_t n)
{
    if (out_errno)
        return -1;
    if ((n && fwrite(p, 1, n, stdout) != n) || ferror(stdout)) {
        out_errno = errno ? errno : EIO;
        return -1;
    }
    return 0;
}

/* Flushes and closes standard output: a write error anywhere, including the
 * last buffered bytes, is reported and makes the status non-zero. */
static int close_stdout(int status)
{
    errno = 0;
    if (fflush(stdout) != 0 && !out_errno)
        out_errno = errno ? errno : EIO;
    if (ferror(stdout) && !out_errno)
        out_errno = EIO;
    errno = 0;
    if (fclose(stdout) != 0 && !out_errno)
        out_errno = errno ? errno : EIO;
    if (!out_errno)
        return status;
    fprintf(stderr, "newsparse: cannot write standard output: %s\n", strerror(out_errno));
    return status ? status : EXIT_FAILED;
}

/* ------------------------------------------------------------ options */

typedef struct opt_def {
    const char *name;   /* "--url", "-j" */
    int takes_value;
    int id;
} opt_def;

#define ARG_END (-1)
#define ARG_OPERAND (-2)
#define ARG_ERROR (-3)

typedef struct arg_scan {
    int argc;
    char **argv;
    int i;
    int operands_only;  /* after "--" */
} arg_scan;

/* The next argument: an option's id with *value set if it takes one, or
 * ARG_OPERAND with *value the operand, or ARG_END, or ARG_ERROR once a usage
 * error was reported. Accepts "--opt VALUE", "--opt=VALUE", "-jN" and "--". */
static int next_arg(arg_scan *sc, const opt_def *defs, const char **value)
{
    const char *s, *inline_value = NULL;
    size_t name_len;
    const opt_def *d;
    *value = NULL;
    for (;;) {
        if (sc->i >= sc->argc)
            return ARG_END;
        s = sc->argv[sc->i++];
        if (sc->operands_only || s[0] != '-' || !s[1]) {
            *value = s;
            return ARG_OPERAND;
        }
        if (strcmp(s, "--") != 0)
            break;
        sc->operands_only = 1;
    }
    if (s[1] == '-') {
        const char *eq = strchr(s, '=');
        name_len = eq ? (size_t)(eq - s) : strlen(s);
        if (eq)
            inline_value = eq + 1;
    } else {
        name_len = 2;   /* a short option, its value may follow: -j4 */
        if (s[2])
            inline_value = s + 2;
    }
    for (d = defs; d->name; d++)
        if (strlen(d->name) == name_len && !strncmp(d->name, s, name_len))
            break;
    if (!d->name) {
        usage_error("unknown option %.*s", (int)name_len, s);
        return ARG_ERROR;
    }
    if (!d->takes_value) {
        if (inline_value) {
            usage_error("option %s takes no argument", d->name);
            return ARG_ERROR;
        }
        return d->id;
    }
    if (!inline_value && sc->i < sc->argc)
        inline_value = sc->argv[sc->i++];
    if (!inline_value || !*inline_value) {
        usage_error("option %s needs an argument", d->name);
        return ARG_ERROR;
    }
    *value = inline_value;
    return d->id;
}

/* A whole number for a limit: at least 1, and with a k, M or G suffix
 * (powers of 1024) where `suffixes` is set. */
static int parse_count(const char *name, const char *v, int suffixes, size_t *out)
{
    unsigned long long x, mult = 1;
    char *end;
    if (*v < '0' || *v > '9')
        goto bad;
    errno = 0;
    x = strtoull(v, &end, 10);
    if (suffixes && *end && !end[1]) {
        switch (*end) {
        case 'k': case 'K': mult = 1ull << 10; end++; break;
        case 'M': mult = 1ull << 20; end++; break;
        case 'G': mult = 1ull << 30; end++; break;
        default: break;
        }
    }
    if (*end)
        goto bad;
    if (errno == ERANGE || x > SIZE_MAX / mult)
        return usage_error("%s %s is too large", name, v);
    if (x == 0)
        return usage_error("%s must be at least 1 (leave it out for the default)", name);
    *out = (size_t)(x * mult);
    return 0;
bad:
    return usage_error(suffixes ? "%s needs a number of bytes, optionally with a k, M or G "
                                  "suffix, not '%s'"
                                : "%s needs a whole number, not '%s'", name, v);
}

/* ------------------------------------------------------------ reading */

/* An input read into memory, no more than the limit allows. */
typedef struct input {
    char *buf;             /* NUL-terminated; NULL when not read */
    size_t len;
    int over;              /* more than `max` bytes */
    unsigned long long size;   /* the whole size when known (a regular file), else 0 */
} input;

/* Reads a file ("-" is standard input) but never more than max + 1 bytes,
 * so that a limit trips without reading a huge input whole: a regular file
 * over the limit is known from its size and, unless `need_bytes`, not read
 * at all. `opened`, when not NULL, is the file already open (it is closed
 * here), and `pre` holds its first bytes, or standard input's, when they
 * were already read (to sniff it). Returns 0 (in->over tells whether the
 * input is over max) or an errno. */
static int read_input(const char *path, FILE *opened, size_t max, int need_bytes,
                      input *in, const unsigned char *pre, size_t pre_len)
{
    int is_stdin = !opened && strcmp(path, "-") == 0;
    FILE *f = opened ? opened : is_stdin ? stdin : fopen(path, "rb");
    size_t cap_total = max == SIZE_MAX ? SIZE_MAX : max + 1;
    size_t cap = 0, n = 0;
    char *buf = NULL;
    struct stat st;
    int err = 0;
    memset(in, 0, sizeof *in);
    if (!f)
        return errno ? errno : EIO;
    if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) && st.st_size >= 0) {
        in->size = (unsigned long long)st.st_size;
        if (in->size > max) {
            in->over = 1;
            if (!need_bytes)
                goto done;
        }
        /* room for the whole file and the read that finds its end */
        cap = in->size < cap_total ? (size_t)in->size + 1 : cap_total;
        if (!(buf = malloc(cap + 1))) {
            err = ENOMEM;
            goto done;
        }
    }
    if (pre_len) {
        if (pre_len > cap_total)
            pre_len = cap_total;
        if (cap < pre_len) {
            char *nb = realloc(buf, pre_len + 1);
            if (!nb) {
                err = ENOMEM;
                goto done;
            }
            buf = nb;
            cap = pre_len;
        }
        memcpy(buf, pre, pre_len);
        n = pre_len;
    }
    for (;;) {
        size_t want, got;
        if (n == cap_total)
            break;  /* the limit is passed: read no further */
        if (n == cap) {
            char *nb;
            size_t grow = cap < 262144 ? 262144 : cap;
            cap = cap_total - cap > grow ? cap + grow : cap_total;
            nb = realloc(buf, cap + 1);
            if (!nb) {
                err = ENOMEM;
                break;
            }
            buf = nb;
        }
        want = cap - n;
        got = fread(buf + n, 1, want, f);
        n += got;
        if (got < want) {
            if (ferror(f))
                err = errno ? errno : EIO;
            break;
        }
    }
    if (!err && !buf && !(buf = malloc(1)))
        err = ENOMEM;
done:
    if (!is_stdin)
        fclose(f);
    if (err) {
        free(buf);
        in->buf = NULL;
        return err;
    }
    if (buf) {
        buf[n] = '\0';
        if (n > max)
            in->over = 1;
    }
    in->buf = buf;
    in->len = n;
    return 0;
}

/* The message of an input over the limit, as the library words it. */
static void over_message(char *msg, size_t size, const input *in, size_t max)
{
    if (in->size > max)
        snprintf(msg, size, "input is %llu bytes, the limit is %zu", in->size, max);
    else
        snprintf(msg, size, "input is more than %zu bytes, the limit is %zu", max, max);
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* An error record: {"schema":1,"source":...,"error":{"code","message"}},
 * with the "warc" member of a record read from a WARC file. */
static int error_record(job *jb, const char *code, const char *message, int pretty)
{
    json_t *o = json_pack("{s:i,s:s,s:{s:s,s:s}}", "schema", 1, "source",
                          jb->path, "error", "code", code, "message", message);
    char *s;
    if (!o)
        return -1;
    if (jb->warc && json_object_set(o, "warc", jb->warc) != 0) {
        json_decref(o);
        return -1;
    }
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

/* A JSON object's text (as the library writes it) with one more member,
 * `warc`, at its end, with room for one more byte and the NUL; NULL when
 * out of memory. */
static char *add_warc_member(const char *text, size_t tlen, json_t *warc, int pretty,
                             size_t *outlen)
{
    json_t *o = json_object();
    char *m = NULL, *out = NULL;
    size_t ml, cut = tlen;
    if (o && json_object_set(o, "warc", warc) == 0)
        m = json_dumps(o, pretty ? JSON_INDENT(2) : JSON_COMPACT);
    json_decref(o);
    if (!m)
        return NULL;
    /* the member without the braces around it: "warc":{...}, or
     * "\n  \"warc\": {...\n  }" when indented */
    ml = strlen(m);
    while (cut > 0 && text[cut - 1] != '}')
        cut--;
    if (cut == 0 || ml < 2 + (size_t)pretty) {
        free(m);
        return NULL;
    }
    cut--;                       /* the object's closing brace */
    if (pretty && cut > 0 && text[cut - 1] == '\n')
        cut--;
    ml -= 2 + (size_t)pretty;    /* "{" and "}" (and "\n" before it) */
    out = malloc(cut + 1 + ml + 2 + 2);
    if (out) {
        size_t n = 0;
        memcpy(out, text, cut);
        n = cut;
        out[n++] = ',';
        memcpy(out + n, m + 1, ml);
        n += ml;
        if (pretty)
            out[n++] = '\n';
        out[n++] = '}';
        out[n] = '\0';
        *outlen = n;
    }
    free(m);
    return out;
}

/* The limit on input size the parser applies, so that the command can
 * apply it first, before reading more than it. */
static size_t max_bytes_of(const np_parse_options *o)
{
    return o->max_bytes ? o->max_bytes : NP_DEFAULT_MAX_BYTES;
}

/* A worker's parsers: one with the command's options, and one for the
 * charset of the last page whose HTTP header gave another (pages of one
 * WARC file mostly share theirs). */
typedef struct parsers {
    np_parser *base;
    int base_rc;
    np_parser *cs;
    char *cs_name;
} parsers;

static int parser_for(config *cf, parsers *ps, const char *charset, np_parser **out)
{
    np_parse_options o = cf->opts;
    int rc;
    if (!charset || (cf->opts.charset && !strcasecmp(charset, cf->opts.charset))) {
        if (!ps->base && ps->base_rc == NP_OK)
            ps->base_rc = np_parser_new(&ps->base, &cf->opts);
        *out = ps->base;
        return ps->base_rc;
    }
    if (ps->cs && !strcasecmp(ps->cs_name, charset)) {
        *out = ps->cs;
        return NP_OK;
    }
    np_parser_free(ps->cs);
    free(ps->cs_name);
    ps->cs = NULL;
    if (!(ps->cs_name = strdup(charset)))
        return NP_ENOMEM;
    o.charset = charset;
    rc = np_parser_new(&ps->cs, &o);
    *out = ps->cs;
    return rc;
}

static int run_job(config *cf, parsers *ps, job *jb)
{
    char *text = NULL;
    size_t tlen = 0, max = max_bytes_of(&cf->opts);
    np_document *doc = NULL;
    np_parser *p = NULL;
    int rc, err, as_html, i, truncate = (cf->opts.flags & NP_PARSE_TRUNCATE) != 0;
    double t0 = now(), t1, t2;
    input in;

    if (jb->kind == JOB_ERROR)
        return error_record(jb, np_strerror_name(jb->err_code), jb->err_msg, cf->pretty);
    rc = parser_for(cf, ps, jb->charset, &p);
    if (rc != NP_OK)
        return error_record(jb, np_strerror_name(rc), np_strerror(rc), cf->pretty);
    if (jb->kind == JOB_DATA) {
        /* a WARC record's page, read by the reader thread */
        memset(&in, 0, sizeof in);
        in.buf = jb->data;
        in.len = jb->len;
        jb->data = NULL;
        as_html = 1;
    } else {
        /* With --truncate the library cuts the input at the limit itself
         * (and marks the document), so it needs the bytes up to there. */
        err = read_input(jb->path, jb->f, max, truncate, &in, jb->pre, jb->pre_len);
        jb->f = NULL;   /* closed by read_input */
        if (err)
            return error_record(jb, err == ENOENT ? "NP_ENOTFOUND" : "NP_ERROR",
                                strerror(err), cf->pretty);
        if (in.over && !truncate) {
            char msg[128];
            free(in.buf);
            over_message(msg, sizeof msg, &in, max);
            return error_record(jb, np_strerror_name(NP_ELIMIT), msg, cf->pretty);
        }
        as_html = cf->input == INPUT_HTML ||
                  (cf->input != INPUT_TEXT && np_looks_like_html(in.buf, in.len));
    }
    t1 = now();
    jb->t_read += t1 - t0;
    rc = as_html ? np_parse_html(p, &doc, in.buf, in.len, jb->url ? jb->url : cf->url)
                 : np_parse_text(p, &doc, in.buf, in.len, cf->url);
    free(in.buf);
    t2 = now();
    jb->t_parse = t2 - t1;
    /* from the parser: a failed parse has its timings there too */
    for (i = 0; i < cf->n_stages; i++)
        jb->stage[i] = np_parser_stage_seconds(p, i);
    if (rc != NP_OK)
        return error_record(jb, np_strerror_name(rc), np_parser_errmsg(p), cf->pretty);
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
    if (cf->format == FORMAT_JSON && jb->warc) {
        size_t wl;
        char *w = add_warc_member(text, tlen, jb->warc, cf->pretty, &wl);
        np_free(text);
        if (!w)
            return -1;
        jb->out = w;   /* with room for the newline */
        jb->out_len = wl;
    } else {
        jb->out = malloc(tlen + 2);
        if (!jb->out) {
            np_free(text);
            return -1;
        }
        memcpy(jb->out, text, tlen);
        jb->out_len = tlen;
        np_free(text);
    }
    if (cf->format == FORMAT_JSON || jb->out_len == 0 || jb->out[jb->out_len - 1] != '\n')
        jb->out[jb->out_len++] = '\n';
    jb->out[jb->out_len] = '\0';
    jb->t_emit = now() - t2;
    return 0;
}

static void *worker(void *arg)
{
    config *cf = arg;
    parsers ps;
    memset(&ps, 0, sizeof ps);
    for (;;) {
        job *jb;
        int lost;
        pthread_mutex_lock(&cf->lock);
        while (cf->next >= cf->produced && !cf->fed_all && !cf->stop)
            pthread_cond_wait(&cf->cond, &cf->lock);
        if (cf->next >= cf->produced || cf->stop) {
            pthread_mutex_unlock(&cf->lock);
            break;
        }
        jb = &cf->ring[cf->next++ % cf->ring_size];
        pthread_mutex_unlock(&cf->lock);
        lost = run_job(cf, &ps, jb);
        pthread_mutex_lock(&cf->lock);
        if (lost)
            cf->oom = 1;
        jb->done = 1;
        pthread_cond_broadcast(&cf->cond);
        pthread_mutex_unlock(&cf->lock);
    }
    np_parser_free(ps.base);
    np_parser_free(ps.cs);
    free(ps.cs_name);
    return NULL;
}

/* Frees what a job holds and empties its slot (keeping its stage times). */
static void job_clear(job *jb)
{
    double *stage = jb->stage;
    free(jb->data);
    free(jb->url);
    free(jb->charset);
    free(jb->err_msg);
    free(jb->out);
    json_decref(jb->warc);
    if (jb->f)
        fclose(jb->f);
    memset(jb, 0, sizeof *jb);
    jb->stage = stage;
}

/* Hands a job to the workers, waiting for a free slot. Takes over what the
 * job holds. Returns 0, or -1 when the output has failed (nothing more is
 * started; the job is freed). */
static int add_job(config *cf, job *tmpl)
{
    job *slot;
    pthread_mutex_lock(&cf->lock);
    while (cf->produced - cf->written >= cf->ring_size && !cf->stop)
        pthread_cond_wait(&cf->cond, &cf->lock);
    if (cf->stop) {
        pthread_mutex_unlock(&cf->lock);
        job_clear(tmpl);
        return -1;
    }
    slot = &cf->ring[cf->produced % cf->ring_size];
    tmpl->stage = slot->stage;
    *slot = *tmpl;
    cf->produced++;
    pthread_cond_broadcast(&cf->cond);
    pthread_mutex_unlock(&cf->lock);
    return 0;
}

/* A string for JSON: valid UTF-8 as it is, else every byte over 0x7F
 * written %XX (header values are meant to be ASCII). */
static json_t *header_string(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0, n = strlen(s);
    json_t *j;
    char *esc, *q;
    if ((j = json_stringn(s, n)) != NULL)
        return j;
    if (!(esc = malloc(n * 3 + 1)))
        return NULL;
    for (q = esc; i < n; i++) {
        if (p[i] < 0x80)
            *q++ = (char)p[i];
        else
            q += sprintf(q, "%%%02X", p[i]);
    }
    *q = '\0';
    j = json_string(esc);
    free(esc);
    return j;
}

/* The "warc" member of a record: {"target_uri", "date", "record_id"}. */
static json_t *warc_member(const warc_record *rec)
{
    json_t *o = json_object();
    const char *names[3] = { "target_uri", "date", "record_id" };
    const char *vals[3];
    int i;
    vals[0] = rec->target_uri;
    vals[1] = rec->date;
    vals[2] = rec->record_id;
    if (!o)
        return NULL;
    for (i = 0; i < 3; i++) {
        json_t *v = vals[i] ? header_string(vals[i]) : json_null();
        if (!v || json_object_set_new(o, names[i], v) != 0) {
            json_decref(o);
            return NULL;
        }
    }
    return o;
}

/* Reads a WARC file's pages into jobs. Returns 0, or -1 to stop. */
static int feed_warc(config *cf, const char *path, FILE *f, const unsigned char *pre,
                     size_t pre_len)
{
    warc_reader *r = NULL;
    warc_record rec;
    int rc = warc_open(&r, f, pre, pre_len, max_bytes_of(&cf->opts),
                       (cf->opts.flags & NP_PARSE_TRUNCATE) != 0);
    if (rc != NP_OK)
        return -2;
    for (;;) {
        job jb;
        double t0 = now();
        rc = warc_next(r, &rec);
        if (rc <= 0)
            break;
        memset(&jb, 0, sizeof jb);
        jb.path = path;
        jb.t_read = now() - t0;
        /* a page always has the member; a bad record where its header
         * could be read */
        if ((rec.kind == WARC_PAGE || rec.target_uri || rec.date || rec.record_id) &&
            !(jb.warc = warc_member(&rec))) {
            warc_record_clear(&rec);
            rc = NP_ENOMEM;
            break;
        }
        if (rec.kind == WARC_PAGE) {
            jb.kind = JOB_DATA;
            jb.data = rec.payload;
            jb.len = rec.len;
            jb.charset = rec.charset;
            jb.url = rec.target_uri;
            rec.payload = rec.charset = rec.target_uri = NULL;
        } else {
            jb.kind = JOB_ERROR;
            jb.err_code = rec.code;
            if (!(jb.err_msg = strdup(rec.message))) {
                job_clear(&jb);
                warc_record_clear(&rec);
                rc = NP_ENOMEM;
                break;
            }
        }
        warc_record_clear(&rec);
        if (add_job(cf, &jb) != 0) {
            warc_close(r);
            return -1;
        }
    }
    warc_close(r);
    return rc == 0 ? 0 : -2;
}

/* Whether a stream whose first bytes cannot be read twice (standard input,
 * a pipe) is a WARC file: its first five bytes say "WARC/" or a gzip
 * header. The bytes read go into pre. */
static int stream_is_warc(config *cf, FILE *f, unsigned char *pre, size_t *pre_len)
{
    size_t n = fread(pre, 1, 5, f);
    *pre_len = n;
    return cf->input == INPUT_WARC || (n == 5 && !memcmp(pre, "WARC/", 5)) ||
           (n >= 3 && pre[0] == 0x1f && pre[1] == 0x8b && pre[2] == 0x08);
}

/* Whether an input is a WARC file (--input warc, or auto and its name or
 * first bytes say so); opens it into *f when it is. The first bytes of a
 * stream that can be read once only (standard input, a pipe, a device), once
 * read, go into pre; such a stream that is no WARC file is left open in *f
 * for its job, standard input excepted. */
static int is_warc(config *cf, const char *path, FILE **f, unsigned char *pre,
                   size_t *pre_len)
{
    unsigned char head[512];
    struct stat st;
    size_t n;
    *f = NULL;
    *pre_len = 0;
    if (cf->input != INPUT_AUTO && cf->input != INPUT_WARC)
        return 0;
    if (!strcmp(path, "-")) {
        if (stream_is_warc(cf, stdin, pre, pre_len)) {
            *f = stdin;
            return 1;
        }
        return 0;
    }
    if (!(*f = fopen(path, "rb")))
        return 0;   /* the worker says why */
    if (cf->input == INPUT_WARC || warc_name(path))
        return 1;
    if (fstat(fileno(*f), &st) != 0 || !S_ISREG(st.st_mode))
        return stream_is_warc(cf, *f, pre, pre_len);
    n = fread(head, 1, sizeof head, *f);
    if (warc_sniff(head, n) && fseek(*f, 0, SEEK_SET) == 0)
        return 1;
    fclose(*f);
    *f = NULL;
    return 0;
}

/* The reader thread: turns the inputs into jobs, in order. */
static void *feeder(void *arg)
{
    config *cf = arg;
    size_t i;
    for (i = 0; i < cf->n_paths; i++) {
        job jb;
        FILE *f;
        int rc;
        memset(&jb, 0, sizeof jb);
        jb.path = cf->paths[i];
        if (is_warc(cf, jb.path, &f, jb.pre, &jb.pre_len)) {
            rc = feed_warc(cf, jb.path, f, jb.pre, jb.pre_len);
            if (f != stdin)
                fclose(f);
            if (rc == -2) {
                pthread_mutex_lock(&cf->lock);
                cf->oom = 1;
                pthread_mutex_unlock(&cf->lock);
                rc = -1;
            }
        } else {
            jb.f = f;   /* NULL, or a stream already read from */
            rc = add_job(cf, &jb);
        }
        if (rc != 0)
            break;
    }
    pthread_mutex_lock(&cf->lock);
    cf->fed_all = 1;
    pthread_cond_broadcast(&cf->cond);
    pthread_mutex_unlock(&cf->lock);
    return NULL;
}

/* A growing array of paths; `own` marks the ones this array allocated. */
typedef struct pathvec {
    char **v;
    unsigned char *own;
    size_t n, cap;
} pathvec;

static int pathvec_push(pathvec *pv, char *path, int own)
{
    if (pv->n == pv->cap) {
        size_t cap = pv->cap ? pv->cap * 2 : 64;
        char **v = realloc(pv->v, cap * sizeof *v);
        unsigned char *o;
        if (!v)
            return -1;
        pv->v = v;
        if (!(o = realloc(pv->own, cap)))
            return -1;
        pv->own = o;
        pv->cap = cap;
    }
    pv->v[pv->n] = path;
    pv->own[pv->n++] = (unsigned char)own;
    return 0;
}

static void pathvec_free(pathvec *pv)
{
    for (size_t i = 0; i < pv->n; i++)
        if (pv->own[i])
            free(pv->v[i]);
    free(pv->v);
    free(pv->own);
}

/* Appends the paths listed in a file, one per line, to pv; they point into
 * *store, which the caller frees after pv. */
static int read_list(const char *from, pathvec *pv, char **store)
{
    char *buf, *line;
    size_t len;
    input in;
    int err = read_input(from, NULL, SIZE_MAX, 1, &in, NULL, 0);
    if (err) {
        fprintf(stderr, "newsparse: cannot read %s: %s\n", from, strerror(err));
        return -1;
    }
    *store = buf = in.buf;
    len = in.len;
    for (line = buf; line < buf + len;) {
        char *nl = memchr(line, '\n', (size_t)(buf + len - line));
        char *end = nl ? nl : buf + len;
        if (end > line && end[-1] == '\r')
            end[-1] = '\0';
        *end = '\0';
        if (*line && pathvec_push(pv, line, 0) != 0) {
            fprintf(stderr, "newsparse: out of memory\n");
            return -1;
        }
        line = end + 1;
    }
    return 0;
}

/* ------------------------------------------------------------ folders */

static int not_hidden(const struct dirent *d)
{
    return d->d_name[0] != '.';
}

/* Byte order, not the locale's collation: the same order on every machine. */
static int by_name(const struct dirent **a, const struct dirent **b)
{
    return strcmp((*a)->d_name, (*b)->d_name);
}

/* Deeper folders than this are not entered (a bound, not a limit met in
 * practice). */
#define MAX_FOLDER_DEPTH 64

/* Appends the files under the folder `dir` to pv: in byte order of their
 * names, each subfolder's files where the subfolder sorts, hidden names
 * left out. Symbolic links to files are read; links to folders are not
 * followed, so that no link can make the walk loop. A folder that cannot
 * be listed stays as it is, so that reading it gives its error record.
 * Returns 0, or -1 when out of memory. */
static int walk_folder(const char *dir, int depth, pathvec *pv)
{
    struct dirent **ents = NULL;
    size_t dlen = strlen(dir);
    int m, k, rc = 0;
    if (depth > MAX_FOLDER_DEPTH)
        return 0;
    m = scandir(dir, &ents, not_hidden, by_name);
    if (m < 0) {
        char *copy = strdup(dir);
        if (!copy || pathvec_push(pv, copy, 1) != 0) {
            free(copy);
            return -1;
        }
        return 0;
    }
    for (k = 0; k < m; k++) {
        size_t nlen = strlen(ents[k]->d_name);
        int slash = dlen > 0 && dir[dlen - 1] != '/';
        char *path = rc == 0 ? malloc(dlen + (size_t)slash + nlen + 1) : NULL;
        struct stat st, lst;
        if (path) {
            memcpy(path, dir, dlen);
            if (slash)
                path[dlen] = '/';
            memcpy(path + dlen + slash, ents[k]->d_name, nlen + 1);
            if (lstat(path, &lst) != 0 || stat(path, &st) != 0) {
                free(path);         /* gone, or a dangling link */
            } else if (S_ISDIR(st.st_mode)) {
                if (!S_ISLNK(lst.st_mode))
                    rc = walk_folder(path, depth + 1, pv);
                free(path);
            } else if (!S_ISREG(st.st_mode)) {
                free(path);         /* a device, a pipe, a socket */
            } else if (pathvec_push(pv, path, 1) != 0) {
                free(path);
                rc = -1;
            }
        } else {
            rc = -1;
        }
        free(ents[k]);
    }
    free(ents);
    return rc;
}

/* Replaces every folder among the n paths by the files under it, into pv
 * (whose owned names the caller frees with pathvec_free). Returns 0, or -1
 * when out of memory. */
static int expand_folders(char **paths, size_t n, pathvec *pv)
{
    for (size_t i = 0; i < n; i++) {
        struct stat st;
        if (strcmp(paths[i], "-") != 0 && stat(paths[i], &st) == 0 &&
            S_ISDIR(st.st_mode)) {
            if (walk_folder(paths[i], 0, pv) != 0)
                return -1;
        } else if (pathvec_push(pv, paths[i], 0) != 0) {
            return -1;
        }
    }
    return 0;
}

enum {
    O_HELP = 1, O_INPUT, O_FORMAT, O_URL, O_CHARSET, O_FILES_FROM, O_JOBS,
    O_NO_CLEAN, O_NO_ENTITIES, O_NO_QUOTES, O_NO_METADATA, O_KEEP_ALL,
    O_PRETTY, O_STATS, O_TRUNCATE, O_MAX_BYTES, O_MAX_DEPTH, O_MAX_NODES,
    O_MAX_ATTRIBUTES, O_MAX_BLOCKS, O_MAX_ENTITIES, O_MAX_QUOTES, O_MAX_WORK,
    O_LINES, O_QUIET
};

static const opt_def parse_opts[] = {
    { "--help", 0, O_HELP },
    { "-h", 0, O_HELP },
    { "--input", 1, O_INPUT },
    { "--format", 1, O_FORMAT },
    { "--url", 1, O_URL },
    { "--charset", 1, O_CHARSET },
    { "--files-from", 1, O_FILES_FROM },
    { "-j", 1, O_JOBS },
    { "--no-clean", 0, O_NO_CLEAN },
    { "--no-entities", 0, O_NO_ENTITIES },
    { "--no-quotes", 0, O_NO_QUOTES },
    { "--no-metadata", 0, O_NO_METADATA },
    { "--keep-all", 0, O_KEEP_ALL },
    { "--pretty", 0, O_PRETTY },
    { "--stats", 0, O_STATS },
    { "--quiet", 0, O_QUIET },
    { "-q", 0, O_QUIET },
    { "--truncate", 0, O_TRUNCATE },
    { "--max-bytes", 1, O_MAX_BYTES },
    { "--max-depth", 1, O_MAX_DEPTH },
    { "--max-nodes", 1, O_MAX_NODES },
    { "--max-attributes", 1, O_MAX_ATTRIBUTES },
    { "--max-blocks", 1, O_MAX_BLOCKS },
    { "--max-entities", 1, O_MAX_ENTITIES },
    { "--max-quotes", 1, O_MAX_QUOTES },
    { "--max-work", 1, O_MAX_WORK },
    { NULL, 0, 0 }
};

/* Reads the options of `parse` into cf; the operands go to paths. Returns
 * 0, -1 after --help (done), or an exit status. */
static int parse_args(int argc, char **argv, config *cf, pathvec *paths,
                      const char **from, long *threads)
{
    arg_scan sc = { argc, argv, 0, 0 };
    const char *v;
    char *end;
    int id, rc = 0;
    while (rc == 0 && (id = next_arg(&sc, parse_opts, &v)) != ARG_END) {
        switch (id) {
        case ARG_ERROR:
            return EXIT_USAGE;
        case ARG_OPERAND:
            if (pathvec_push(paths, (char *)v, 0) != 0) {
                fprintf(stderr, "newsparse: out of memory\n");
                return EXIT_FAILED;
            }
            break;
        case O_HELP:
            usage(stdout);
            return -1;
        case O_INPUT:
            if (!strcmp(v, "auto")) cf->input = INPUT_AUTO;
            else if (!strcmp(v, "html")) cf->input = INPUT_HTML;
            else if (!strcmp(v, "text")) cf->input = INPUT_TEXT;
            else if (!strcmp(v, "warc")) cf->input = INPUT_WARC;
            else
                return usage_error("--input must be auto, html, text or warc, not '%s'", v);
            break;
        case O_FORMAT:
            if (!strcmp(v, "json")) cf->format = FORMAT_JSON;
            else if (!strcmp(v, "text")) cf->format = FORMAT_TEXT;
            else if (!strcmp(v, "markdown")) cf->format = FORMAT_MARKDOWN;
            else if (!strcmp(v, "html")) cf->format = FORMAT_HTML;
            else
                return usage_error("--format must be json, text, markdown or html, "
                                   "not '%s'", v);
            break;
        case O_URL: cf->url = v; break;
        case O_CHARSET: cf->opts.charset = v; break;
        case O_FILES_FROM: *from = v; break;
        case O_JOBS:
            errno = 0;
            *threads = strtol(v, &end, 10);
            if (*end || errno || *threads < 1 || *threads > 256)
                return usage_error("-j needs a number from 1 to 256, not '%s'", v);
            break;
        case O_NO_CLEAN: cf->opts.flags |= NP_PARSE_NO_CLEAN; break;
        case O_NO_ENTITIES: cf->opts.flags |= NP_PARSE_NO_ENTITIES; break;
        case O_NO_QUOTES: cf->opts.flags |= NP_PARSE_NO_QUOTES; break;
        case O_NO_METADATA: cf->opts.flags |= NP_PARSE_NO_METADATA; break;
        case O_KEEP_ALL: cf->opts.flags |= NP_PARSE_KEEP_ALL; break;
        case O_TRUNCATE: cf->opts.flags |= NP_PARSE_TRUNCATE; break;
        case O_PRETTY: cf->pretty = 1; break;
        case O_STATS: cf->stats = 1; break;
        case O_QUIET: cf->quiet = 1; break;
        case O_MAX_BYTES: rc = parse_count("--max-bytes", v, 1, &cf->opts.max_bytes); break;
        case O_MAX_DEPTH: rc = parse_count("--max-depth", v, 0, &cf->opts.max_depth); break;
        case O_MAX_NODES: rc = parse_count("--max-nodes", v, 0, &cf->opts.max_nodes); break;
        case O_MAX_ATTRIBUTES:
            rc = parse_count("--max-attributes", v, 0, &cf->opts.max_attributes);
            break;
        case O_MAX_BLOCKS: rc = parse_count("--max-blocks", v, 0, &cf->opts.max_blocks); break;
        case O_MAX_ENTITIES:
            rc = parse_count("--max-entities", v, 0, &cf->opts.max_entities);
            break;
        case O_MAX_QUOTES: rc = parse_count("--max-quotes", v, 0, &cf->opts.max_quotes); break;
        case O_MAX_WORK: rc = parse_count("--max-work", v, 0, &cf->opts.max_work); break;
        default:
            return usage_error("option not handled");  /* a table without its case */
        }
    }
    return rc;
}

/* Standard input can be read once: as one input, or as the list of inputs. */
static int check_stdin_once(char **paths, size_t n, const char *from)
{
    size_t i, dashes = 0;
    for (i = 0; i < n; i++)
        dashes += strcmp(paths[i], "-") == 0;
    if (from && !strcmp(from, "-") && dashes)
        return usage_error("standard input is the list of --files-from -, so it "
                           "cannot also be an input ('-')");
    if (dashes > 1)
        return usage_error("standard input ('-') is given %zu times; it can be read "
                           "only once", dashes);
    return 0;
}

static void print_stats(const config *cf, long threads, double wall)
{
    int k;
    fprintf(stderr, "stats documents %zu failed %zu threads %ld wall %.6f read %.6f "
            "parse %.6f", cf->n_done, cf->n_failed, threads, wall, cf->t_read, cf->t_parse);
    /* the stages of the library that runs, whatever this was built with */
    for (k = 0; k < cf->n_stages; k++)
        fprintf(stderr, " %s %.6f", np_stage_name(k) ? np_stage_name(k) : "stage",
                cf->stage_total[k]);
    fprintf(stderr, " emit %.6f (seconds, summed over documents)\n", cf->t_emit);
}

/* The progress line on standard error (a terminal): rewritten in place at
 * most twice a second, from the first second on; `last` ends it. */
static void progress(const config *cf, double start, double *shown, int last)
{
    double t = now();
    if (!last && (t - start < 1.0 || t - *shown < 0.5))
        return;
    if (last && *shown == 0)
        return;   /* a short run: no line */
    fprintf(stderr, "\rnewsparse: %zu pages, %.1f pages/s, %zu errors%s", cf->n_done,
            t > start ? (double)cf->n_done / (t - start) : 0.0, cf->n_failed,
            last ? "\n" : "   ");
    fflush(stderr);
    *shown = t;
}

static int cmd_parse(int argc, char **argv)
{
    config cf;
    char *list_store = NULL;
    pathvec paths = { NULL, NULL, 0, 0 }, inputs = { NULL, NULL, 0, 0 };
    size_t i;
    long threads = 1, started = 0;
    int failed = 0, rc, show_progress, feeding = 0;
    const char *from = NULL;
    pthread_t *tids = NULL, feed_tid;
    double t_start = now(), shown = 0;

    memset(&cf, 0, sizeof(cf));
    np_parse_options_init(&cf.opts, NP_PARSE_OPTIONS_VERSION);
    rc = parse_args(argc, argv, &cf, &paths, &from, &threads);
    if (rc == 0 && from && read_list(from, &paths, &list_store) != 0)
        rc = EXIT_USAGE;
    if (rc == 0 && paths.n == 0 && !from) {
        static char dash[] = "-";
        if (pathvec_push(&paths, dash, 0) != 0) {
            fprintf(stderr, "newsparse: out of memory\n");
            rc = EXIT_FAILED;
        }
    }
    if (rc == 0)
        rc = check_stdin_once(paths.v, paths.n, from);
    if (rc != 0) {
        pathvec_free(&paths);
        free(list_store);
        return rc < 0 ? 0 : rc;
    }
    if (expand_folders(paths.v, paths.n, &inputs) != 0)
        goto oom;
    cf.paths = inputs.v;
    cf.n_paths = inputs.n;
    /* room for every thread's job and as many again waiting to be written */
    cf.ring_size = 4 * (size_t)threads + 16;
    cf.ring = calloc(cf.ring_size, sizeof(job));
    cf.n_stages = np_stage_count();
    cf.stage_times = calloc(cf.n_stages > 0 ? (cf.ring_size + 1) * (size_t)cf.n_stages : 1,
                            sizeof(double));
    if (!cf.ring || !cf.stage_times)
        goto oom;
    cf.stage_total = cf.stage_times + cf.ring_size * (size_t)(cf.n_stages > 0 ? cf.n_stages : 0);
    for (i = 0; i < cf.ring_size; i++)
        cf.ring[i].stage = cf.stage_times + i * (size_t)(cf.n_stages > 0 ? cf.n_stages : 0);
    pthread_mutex_init(&cf.lock, NULL);
    pthread_cond_init(&cf.cond, NULL);
    tids = calloc((size_t)threads, sizeof(pthread_t));
    if (!tids)
        goto oom_locks;
    if (pthread_create(&feed_tid, NULL, feeder, &cf) != 0) {
        fprintf(stderr, "newsparse: cannot start a thread\n");
        feeder(&cf);   /* read every input first, then parse */
    } else {
        feeding = 1;
    }
    for (started = 0; started < threads; started++)
        if (pthread_create(&tids[started], NULL, worker, &cf) != 0) {
            fprintf(stderr, "newsparse: cannot start a thread\n");
            break;
        }
    if (started == 0)
        worker(&cf);
    show_progress = !cf.quiet && isatty(STDERR_FILENO);
    /* Write the records in input order as they complete; once a write
     * fails, no more documents are started. */
    for (;;) {
        job *jb;
        int k;
        pthread_mutex_lock(&cf.lock);
        for (;;) {
            jb = &cf.ring[cf.written % cf.ring_size];
            if (cf.written < cf.produced ? jb->done : cf.fed_all)
                break;
            pthread_cond_wait(&cf.cond, &cf.lock);
        }
        pthread_mutex_unlock(&cf.lock);
        if (cf.written >= cf.produced)
            break;   /* every job is written */
        failed |= jb->failed || !jb->out;
        cf.n_done++;
        cf.n_failed += jb->failed != 0;
        cf.t_read += jb->t_read;
        cf.t_parse += jb->t_parse;
        cf.t_emit += jb->t_emit;
        for (k = 0; k < cf.n_stages; k++)
            cf.stage_total[k] += jb->stage[k];
        if (jb->out && put(jb->out, jb->out_len) != 0) {
            pthread_mutex_lock(&cf.lock);
            cf.stop = 1;
            pthread_cond_broadcast(&cf.cond);
            pthread_mutex_unlock(&cf.lock);
            break;
        }
        pthread_mutex_lock(&cf.lock);
        job_clear(jb);
        for (k = 0; k < cf.n_stages; k++)
            jb->stage[k] = 0;
        cf.written++;
        pthread_cond_broadcast(&cf.cond);
        pthread_mutex_unlock(&cf.lock);
        if (show_progress)
            progress(&cf, t_start, &shown, 0);
    }
    if (feeding)
        pthread_join(feed_tid, NULL);
    for (i = 0; i < (size_t)started; i++)
        pthread_join(tids[i], NULL);
    for (i = 0; i < cf.ring_size; i++)
        job_clear(&cf.ring[i]);
    if (show_progress)
        progress(&cf, t_start, &shown, 1);
    if (cf.stats) {
        fflush(stdout);
        print_stats(&cf, threads, now() - t_start);
    }
    pthread_mutex_destroy(&cf.lock);
    pthread_cond_destroy(&cf.cond);
    free(tids);
    free(cf.ring);
    free(cf.stage_times);
    pathvec_free(&paths);
    free(list_store);
    pathvec_free(&inputs);
    if (cf.oom) {
        fprintf(stderr, "newsparse: out of memory\n");
        return EXIT_FAILED;
    }
    return failed ? EXIT_FAILED : 0;
oom_locks:
    pthread_mutex_destroy(&cf.lock);
    pthread_cond_destroy(&cf.cond);
oom:
    fprintf(stderr, "newsparse: out of memory\n");
    free(tids);
    free(cf.ring);
    free(cf.stage_times);
    pathvec_free(&paths);
    free(list_store);
    pathvec_free(&inputs);
    return EXIT_FAILED;
}

/* Cleans buf[0..len) and writes the result. Returns 0, 1 if it could not be
 * cleaned (reported), or -1 once the output cannot be written. */
static int clean_write(const char *buf, size_t len, int one_line,
                       const np_clean_options *co)
{
    np_clean_result *r = NULL;
    const char *t, *nl;
    size_t tl;
    int rc = np_clean(&r, buf, len, co), w = 0;
    if (rc != NP_OK) {
        fprintf(stderr, "newsparse: clean: %s\n", np_strerror(rc));
        return 1;
    }
    t = np_clean_result_text(r, &tl);
    /* With --lines a line stays one line, whatever the cleaner did. */
    while (one_line && w == 0 && (nl = memchr(t, '\n', tl)) != NULL) {
        w = put(t, (size_t)(nl - t)) || put(" ", 1);
        tl -= (size_t)(nl - t) + 1;
        t = nl + 1;
    }
    if (w == 0)
        w = put(t, tl);
    np_clean_result_free(r);
    return w ? -1 : 0;
}

/* `clean --lines`: reads one line at a time, so that memory is bounded by the
 * longest line, and a line over the limit is not kept at all: it is reported
 * and written empty. Returns 0, 1 if a line failed, -1 on a write error, or
 * an errno (as -2 - errno) on a read error. */
static int clean_lines(FILE *f, const char *name, const np_clean_options *co)
{
    size_t max = co->max_bytes, len = 0, cap = 0, lineno = 1;
    char chunk[65536], *line = NULL;
    int failed = 0, over = 0, eof = 0, pending = 0;
    while (!eof) {
        size_t got = fread(chunk, 1, sizeof chunk, f), i = 0;
        if (got < sizeof chunk) {
            if (ferror(f)) {
                int err = errno ? errno : EIO;
                free(line);
                return -2 - err;
            }
            eof = 1;
        }
        while (i < got || (eof && i == got && pending)) {
            const char *nl = i < got ? memchr(chunk + i, '\n', got - i) : NULL;
            size_t seg = nl ? (size_t)(nl - (chunk + i)) : got - i;
            int w;
            if (!over && seg > max - len) {
                over = 1;   /* drop what is held, skip to the line's end */
                len = 0;
            }
            if (!over && seg) {
                if (len + seg > cap) {
                    size_t ncap = cap ? cap : 4096;
                    char *nb;
                    while (ncap < len + seg)
                        ncap = ncap > SIZE_MAX / 2 ? len + seg : ncap * 2;
                    if (!(nb = realloc(line, ncap))) {
                        free(line);
                        return -2 - ENOMEM;
                    }
                    line = nb;
                    cap = ncap;
                }
                memcpy(line + len, chunk + i, seg);
                len += seg;
            }
            i += seg;
            pending = 1;
            if (!nl && !eof)
                break;  /* the line goes on in the next chunk */
            if (over) {
                fprintf(stderr, "newsparse: %s: line %zu is more than %zu bytes, the "
                        "limit; it is written empty\n", name, lineno, max);
                failed = 1;
                w = 0;
            } else {
                w = clean_write(line ? line : "", len, 1, co);
                failed |= w == 1;
            }
            if (w < 0 || (nl && put("\n", 1) != 0)) {
                free(line);
                return -1;
            }
            if (nl)
                i++;
            len = 0;
            over = 0;
            pending = 0;
            lineno++;
        }
    }
    free(line);
    return failed;
}

static const opt_def clean_opts[] = {
    { "--help", 0, O_HELP },
    { "-h", 0, O_HELP },
    { "--lines", 0, O_LINES },
    { "--max-bytes", 1, O_MAX_BYTES },
    { NULL, 0, 0 }
};

static int cmd_clean(int argc, char **argv)
{
    arg_scan sc = { argc, argv, 0, 0 };
    np_clean_options co;
    const char *path = NULL, *v;
    int lines = 0, id, rc;
    input in;

    np_clean_options_init(&co, NP_CLEAN_OPTIONS_VERSION);
    while ((id = next_arg(&sc, clean_opts, &v)) != ARG_END) {
        switch (id) {
        case ARG_ERROR:
            return EXIT_USAGE;
        case O_HELP:
            usage(stdout);
            return 0;
        case O_LINES:
            lines = 1;
            break;
        case O_MAX_BYTES:
            if (parse_count("--max-bytes", v, 1, &co.max_bytes) != 0)
                return EXIT_USAGE;
            break;
        case ARG_OPERAND:
            if (path)
                return usage_error("clean takes one input");
            path = v;
            break;
        default:
            return usage_error("option not handled");
        }
    }
    if (!path)
        path = "-";
    if (!co.max_bytes)
        co.max_bytes = NP_DEFAULT_MAX_BYTES;
    if (lines) {
        FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
        if (!f) {
            fprintf(stderr, "newsparse: cannot read %s: %s\n", path, strerror(errno));
            return EXIT_FAILED;
        }
        rc = clean_lines(f, path, &co);
        if (f != stdin)
            fclose(f);
        if (rc < -1) {
            fprintf(stderr, "newsparse: cannot read %s: %s\n", path, strerror(-2 - rc));
            return EXIT_FAILED;
        }
        return rc ? EXIT_FAILED : 0;
    }
    rc = read_input(path, NULL, co.max_bytes, 0, &in, NULL, 0);
    if (rc) {
        fprintf(stderr, "newsparse: cannot read %s: %s\n", path, strerror(rc));
        return EXIT_FAILED;
    }
    if (in.over) {
        char msg[128];
        over_message(msg, sizeof msg, &in, co.max_bytes);
        fprintf(stderr, "newsparse: cannot clean %s: %s\n", path, msg);
        free(in.buf);
        return EXIT_FAILED;
    }
    rc = clean_write(in.buf, in.len, 0, &co);
    free(in.buf);
    return rc ? EXIT_FAILED : 0;
}

int main(int argc, char **argv)
{
    int status;
    if (argc < 2)
        return usage_error("no command: use parse or clean");
    if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") ||
        !strcmp(argv[1], "help")) {
        usage(stdout);
        status = 0;
    } else if (!strcmp(argv[1], "--version")) {
        status = put("newsparse ", 10) || put(np_version(), strlen(np_version())) ||
                 put("\n", 1) ? EXIT_FAILED : 0;
    } else if (!strcmp(argv[1], "parse")) {
        status = cmd_parse(argc - 2, argv + 2);
    } else if (!strcmp(argv[1], "clean")) {
        status = cmd_clean(argc - 2, argv + 2);
    } else {
        return usage_error("unknown command %s (use parse or clean)", argv[1]);
    }
    return close_stdout(status);
}

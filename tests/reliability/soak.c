/*
 * Soak: parses N documents (default 10,000) in one process with one parser:
 * the pages given, in turn, each time mutated a little differently
 * (truncated, bytes flipped, a block repeated, markup removed, as text),
 * writes the JSON of each and frees everything. Prints the resident memory
 * after every thousand documents, so that a leak or unbounded growth shows.
 *
 *   soak [-n N] FILE...
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <newsparse/newsparse.h>

static long rss_kib(void)
{
    FILE *f = fopen("/proc/self/statm", "r");
    long pages = 0, resident = 0;
    if (!f)
        return -1;
    if (fscanf(f, "%ld %ld", &pages, &resident) != 2)
        resident = -1;
    fclose(f);
    return resident < 0 ? -1 : resident * (sysconf(_SC_PAGESIZE) / 1024);
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf;
    long n;
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    n = ftell(f);
    fseek(f, 0, SEEK_SET);
    buf = malloc((size_t)n + 1);
    if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    if (buf)
        *len = (size_t)n;
    return buf;
}

static unsigned long rng = 88172645463325252UL;
static unsigned long next(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

/* A mutated copy of page into out (capacity 2 * len + 64); returns its
 * length and sets *html. */
static size_t mutate(const char *page, size_t len, char *out, unsigned kind, int *html)
{
    size_t n = len, i;
    *html = 1;
    memcpy(out, page, len);
    switch (kind % 6) {
    case 0:                       /* as it is */
        break;
    case 1:                       /* truncated anywhere */
        n = len ? next() % len : 0;
        break;
    case 2:                       /* 32 random bytes changed */
        for (i = 0; i < 32 && len; i++)
            out[next() % len] = (char)(next() & 0xFF);
        break;
    case 3: {                     /* a slice repeated at the end */
        size_t a = len ? next() % len : 0, m = len - a;
        if (m > len / 2)
            m = len / 2;
        memcpy(out + len, page + a, m);
        n = len + m;
        break;
    }
    case 4:                       /* every '<' removed: text soup */
        for (i = n = 0; i < len; i++)
            if (page[i] != '<')
                out[n++] = page[i];
        break;
    case 5:                       /* the page read as plain text */
        *html = 0;
        break;
    }
    return n;
}

int main(int argc, char **argv)
{
    size_t total = 10000, npages = 0, k, maxlen = 0;
    char **pages;
    size_t *lens;
    char *work;
    int a = 1;
    np_parser *p;
    long first = 0, last = 0, window_max = 0;

    if (argc > 2 && !strcmp(argv[1], "-n")) {
        total = (size_t)atol(argv[2]);
        a = 3;
    }
    if (a >= argc) {
        fprintf(stderr, "usage: soak [-n N] FILE...\n");
        return 2;
    }
    pages = calloc((size_t)argc, sizeof(*pages));
    lens = calloc((size_t)argc, sizeof(*lens));
    for (; a < argc; a++) {
        size_t len;
        char *buf = read_file(argv[a], &len);
        if (!buf)
            continue;
        pages[npages] = buf;
        lens[npages++] = len;
        if (len > maxlen)
            maxlen = len;
    }
    if (!npages || np_parser_new(&p, NULL) != NP_OK)
        return 1;
    work = malloc(2 * maxlen + 64);
    /* Resident memory moves with what the allocator keeps from one
     * document to the next, so a single reading every thousand documents
     * says little; the highest reading after each document of a thousand
     * is the working set of that thousand, and it must not grow. */
    printf("documents rss_kib max_rss_kib_of_the_thousand\n");
    for (k = 1; k <= total; k++) {
        size_t i = (k - 1) % npages;
        int html;
        size_t n = mutate(pages[i], lens[i], work, (unsigned)((k - 1) / npages), &html);
        np_document *d = NULL;
        char *json = NULL;
        int rc = html ? np_parse_html(p, &d, work, n, NULL) : np_parse_text(p, &d, work, n, NULL);
        long r;
        if (rc == NP_OK && np_document_to_json(d, "soak", 0, &json, NULL) == NP_OK)
            np_free(json);
        np_document_free(d);
        r = rss_kib();
        if (r > window_max)
            window_max = r;
        if (k % 1000 == 0 || k == total) {
            if (!first)
                first = window_max;
            last = window_max;
            printf("%zu %ld %ld\n", k, r, window_max);
            fflush(stdout);
            window_max = 0;
        }
    }
    printf("growth of the highest reading from the first thousand to the last: "
           "%ld KiB\n", last - first);
    np_parser_free(p);
    for (k = 0; k < npages; k++)
        free(pages[k]);
    free(pages);
    free(lens);
    free(work);
    return 0;
}

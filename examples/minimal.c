/*
 * minimal.c: the smallest complete newsparse program.
 *
 *     minimal FILE
 *
 * Reads FILE (an HTML page or a plain-text article), parses it and prints
 * the headline, a blank line and the body. Exits 0 on success, 1 on error.
 */
#include <stdio.h>
#include <stdlib.h>

#include <newsparse/newsparse.h>

/* Reads a whole file into memory; NULL on failure. Free with free(). */
static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    size_t cap = 0, n = 0, got;

    if (!f)
        return NULL;
    do {
        if (cap - n < 65536) {
            char *nb = realloc(buf, cap + 65536);
            if (!nb) {
                free(buf);
                fclose(f);
                return NULL;
            }
            buf = nb;
            cap += 65536;
        }
        got = fread(buf + n, 1, cap - n, f);
        n += got;
    } while (got > 0);
    if (ferror(f)) {
        free(buf);
        fclose(f);
        return NULL;
    }
    fclose(f);
    *len = n;
    return buf;
}

int main(int argc, char **argv)
{
    np_parser *parser = NULL;
    np_document *doc = NULL;
    const char *title;
    char *buf;
    size_t len = 0;
    int rc;

    if (argc != 2) {
        fprintf(stderr, "usage: %s FILE\n", argv[0]);
        return 1;
    }
    buf = read_file(argv[1], &len);
    if (!buf) {
        perror(argv[1]);
        return 1;
    }

    /* NULL options: every stage on, default limits. */
    rc = np_parser_new(&parser, NULL);
    if (rc != NP_OK) {
        fprintf(stderr, "minimal: %s\n", np_strerror(rc));
        free(buf);
        return 1;
    }

    if (np_looks_like_html(buf, len))
        rc = np_parse_html(parser, &doc, buf, len, NULL);
    else
        rc = np_parse_text(parser, &doc, buf, len, NULL);
    free(buf); /* the parser copied what it needed */
    if (rc != NP_OK) {
        fprintf(stderr, "minimal: %s: %s (%s)\n", argv[1], np_strerror(rc),
                np_parser_errmsg(parser));
        np_parser_free(parser);
        return 1;
    }

    /* Strings are borrowed from the document: valid until it is freed. */
    title = np_document_title(doc);
    printf("%s\n\n%s\n", title ? title : "(no title)",
           np_document_body(doc, NULL));

    np_document_free(doc);
    np_parser_free(parser);
    return 0;
}

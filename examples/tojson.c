/*
 * tojson.c: a file's JSON record, as `newsparse parse FILE` writes it, in
 * one library call (np_parse_to_json()).
 *
 *     tojson FILE
 *
 * Exits 0 on success, 1 when the file cannot be read or parsed (the error
 * record is still written).
 */
#include <stdio.h>
#include <stdlib.h>

#include <newsparse/newsparse.h>

int main(int argc, char **argv)
{
    FILE *f;
    char *buf = NULL, *json = NULL;
    size_t cap = 0, len = 0, got, json_len = 0;
    int rc;

    if (argc != 2) {
        fprintf(stderr, "usage: %s FILE\n", argv[0]);
        return 1;
    }
    f = fopen(argv[1], "rb");
    if (!f) {
        perror(argv[1]);
        return 1;
    }
    do {
        if (cap - len < 65536) {
            char *nb = realloc(buf, cap + 65536);
            if (!nb) {
                free(buf);
                fclose(f);
                return 1;
            }
            buf = nb;
            cap += 65536;
        }
        got = fread(buf + len, 1, cap - len, f);
        len += got;
    } while (got > 0);
    rc = ferror(f) ? NP_ENOTFOUND : NP_OK;
    fclose(f);
    if (rc == NP_OK)
        rc = np_parse_to_json(buf, len, NP_INPUT_AUTO, NULL, argv[1], NULL, 0,
                              &json, &json_len);
    free(buf);
    if (!json) {
        fprintf(stderr, "%s: %s\n", argv[1], np_strerror(rc));
        return 1;
    }
    fwrite(json, 1, json_len, stdout);
    putchar('\n');
    np_free(json);
    return rc == NP_OK ? 0 : 1;
}

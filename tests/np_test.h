/* Helpers shared by the test suites. */
#ifndef NP_TEST_H
#define NP_TEST_H

#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "newsparse/newsparse.h"
#include "np_utf8_check.h"

/* The benchmark data folder, or NULL (with a message) when it is absent:
 * a user's clone has none, and tests that need it then skip. */
static inline const char *np_test_shared(void)
{
    const char *env = getenv("NP_SHARED_DIR");
    const char *dir = env && *env ? env : NP_SHARED_DIR;
    struct stat st;
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
        fprintf(stderr, "skip: benchmark data not found at %s\n", dir);
        return NULL;
    }
    return dir;
}

/* Reads all of f (NUL-terminated) or returns NULL; does not close f. */
static inline char *np_test_slurp(FILE *f, size_t *len)
{
    char *buf = NULL;
    size_t cap = 0, n = 0, got;
    for (;;) {
        if (n + 65536 + 1 > cap) {
            char *nb;
            cap = cap ? cap * 2 : 131072;
            nb = realloc(buf, cap);
            if (!nb) { free(buf); return NULL; }
            buf = nb;
        }
        got = fread(buf + n, 1, 65536, f);
        n += got;
        if (got == 0)
            break;
    }
    buf[n] = '\0';
    if (len)
        *len = n;
    return buf;
}

/* Reads a whole file (NUL-terminated) or returns NULL. Free with free(). */
static inline char *np_test_read(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf;
    if (!f)
        return NULL;
    buf = np_test_slurp(f, len);
    fclose(f);
    return buf;
}

/* Reads a gzip-compressed file through `gzip -dc` (NUL-terminated), or
 * returns NULL. Free with free(). */
static inline char *np_test_read_gz(const char *path, size_t *len)
{
    char cmd[4200];
    FILE *f;
    char *buf;
    if (strchr(path, '\'') || strlen(path) > 4096)
        return NULL;
    snprintf(cmd, sizeof cmd, "gzip -dc '%s'", path);
    f = popen(cmd, "r");
    if (!f)
        return NULL;
    buf = np_test_slurp(f, len);
    if (pclose(f) != 0) {
        free(buf);
        return NULL;
    }
    return buf;
}

/* Path of a file under the source tree. */
static inline const char *np_test_path(char *out, size_t cap, const char *rel)
{
    snprintf(out, cap, "%s/%s", NP_SOURCE_DIR, rel);
    return out;
}

#endif

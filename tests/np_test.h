/* Helpers shared by the test suites. */
#ifndef NP_TEST_H
#define NP_TEST_H

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "newsparse/newsparse.h"

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

/* Reads a whole file (NUL-terminated) or returns NULL. Free with free(). */
static inline char *np_test_read(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    size_t cap = 0, n = 0;
    if (!f)
        return NULL;
    for (;;) {
        if (n + 65536 + 1 > cap) {
            char *nb;
            cap = cap ? cap * 2 : 131072;
            nb = realloc(buf, cap);
            if (!nb) { free(buf); fclose(f); return NULL; }
            buf = nb;
        }
        size_t got = fread(buf + n, 1, 65536, f);
        n += got;
        if (got == 0)
            break;
    }
    fclose(f);
    buf[n] = '\0';
    if (len)
        *len = n;
    return buf;
}

/* Path of a file under the source tree. */
static inline const char *np_test_path(char *out, size_t cap, const char *rel)
{
    snprintf(out, cap, "%s/%s", NP_SOURCE_DIR, rel);
    return out;
}

#endif

/*
 * The names of the months, in English (written for this library).
 */
#include <string.h>

#include "util/util.h"
#include "calendar.h"

const char *const np__month_names[12] = {
    "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december"
};

int np__month_of(const char *w, size_t n)
{
    char low[16];
    size_t k;
    int m;
    if (n < 3 || n >= sizeof low)
        return 0;
    for (k = 0; k < n; k++)
        low[k] = (char)np__tolower((unsigned char)w[k]);
    low[n] = '\0';
    for (m = 0; m < 12; m++) {
        if (strcmp(low, np__month_names[m]) == 0)
            return m + 1;
        if ((n == 3 || (n == 4 && m == 8 && strcmp(low, "sept") == 0))
            && strncmp(low, np__month_names[m], n) == 0)
            return m + 1;
    }
    return 0;
}

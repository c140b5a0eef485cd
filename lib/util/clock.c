/* A monotonic clock for the stage timings. */
#include <time.h>

#include "util/util.h"

double np__now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

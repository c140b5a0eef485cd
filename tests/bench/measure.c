/*
 * measure: runs a program and reports its wall time, CPU time and peak
 * resident memory.
 *
 *   measure REPORT PROGRAM [ARG]...
 *
 * Writes one line to REPORT:
 *   status <exit code> wall <s> user <s> sys <s> maxrss_kib <n>
 * and exits with the program's status.
 *
 * Why not measure from the benchmark's Python process directly: on Linux a
 * child's ru_maxrss starts from the resident size of the process that
 * forked it (the copied address space is counted before exec), so a child
 * of a 60 MiB Python process never reports less than 60 MiB. This program
 * is a few hundred KiB, so the figure it reads is the program's own.
 */
#define _DEFAULT_SOURCE /* wait4 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double secs(struct timeval tv)
{
    return (double)tv.tv_sec + (double)tv.tv_usec / 1e6;
}

int main(int argc, char **argv)
{
    struct rusage ru;
    double t0, wall;
    int status, code;
    pid_t pid;
    FILE *f;

    if (argc < 3) {
        fputs("usage: measure REPORT PROGRAM [ARG]...\n", stderr);
        return 2;
    }
    t0 = now();
    pid = fork();
    if (pid < 0) {
        perror("measure: fork");
        return 2;
    }
    if (pid == 0) {
        execvp(argv[2], argv + 2);
        fprintf(stderr, "measure: cannot run %s: %s\n", argv[2], strerror(errno));
        _exit(127);
    }
    while (wait4(pid, &status, 0, &ru) < 0) {
        if (errno != EINTR) {
            perror("measure: wait4");
            return 2;
        }
    }
    wall = now() - t0;
    code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    f = fopen(argv[1], "w");
    if (!f) {
        perror("measure: report");
        return 2;
    }
    fprintf(f, "status %d wall %.6f user %.6f sys %.6f maxrss_kib %ld\n", code,
            wall, secs(ru.ru_utime), secs(ru.ru_stime), ru.ru_maxrss);
    fclose(f);
    return code;
}

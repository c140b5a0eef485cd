/* Error recording: the code and message of a parser's last failure. */
#include <stdio.h>

#include "util/util.h"

int np__error(np_parser *p, int code, const char *fmt, ...)
{
    /* The record is the parser's first member (lib/doc/context.h). */
    np__errrec *e = (np__errrec *)(void *)p;
    va_list ap;
    char msg[512];
    e->code = code;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    np__buf_clear(&e->msg);
    np__buf_puts(&e->msg, msg);
    np__buf_cstr(&e->msg);   /* NUL-terminated for np_parser_errmsg() */
    return code;
}

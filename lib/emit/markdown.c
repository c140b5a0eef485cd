/*
 * The document as Markdown (CommonMark): the title as a level-1 heading,
 * then the blocks in order: headings at level 2, list items as "- " lines
 * (consecutive items form one list), blockquotes as "> " lines,
 * preformatted text in a fenced block, paragraphs as text with the
 * characters Markdown would read as markup escaped.
 */
#include <string.h>

#include "util/util.h"
#include "doc/document.h"

/* Writes text escaped for Markdown; `line_start` escapes what would open
 * a block at the start of a line (#, >, -, +, 1.). Line breaks inside a
 * block become hard breaks, continued with `prefix`. */
static void put_escaped(np__buf *b, const char *s, size_t n, const char *prefix)
{
    size_t i;
    int at_start = 1;
    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\n') {
            np__buf_puts(b, "\\\n");
            np__buf_puts(b, prefix);
            at_start = 1;
            continue;
        }
        if (at_start) {
            size_t k = i;
            if (c == '#' || c == '>' || c == '-' || c == '+' || c == '=')
                np__buf_putc(b, '\\');
            while (k < n && s[k] >= '0' && s[k] <= '9')
                k++;
            if (k > i && k < n && (s[k] == '.' || s[k] == ')')) {
                np__buf_put(b, s + i, k - i);
                np__buf_putc(b, '\\');
                i = k - 1;
                at_start = 0;
                continue;
            }
            if (c == ' ')
                continue;   /* leading spaces would indent into code */
        }
        at_start = 0;
        if (c == '\\' || c == '`' || c == '*' || c == '_' || c == '[' || c == ']'
            || c == '<' || c == '|')
            np__buf_putc(b, '\\');
        np__buf_putc(b, (int)c);
    }
}

int np_document_to_markdown(const np_document *d, uint32_t flags, char **out,
                            size_t *len)
{
    np__buf b = NP__BUF_INIT;
    size_t i;
    int prev = -1;
    if (out)
        *out = NULL;
    if (len)
        *len = 0;
    if (!d || !out || flags)   /* no flag is defined yet */
        return NP_EINVAL;
    if (d->meta[NP__TITLE]) {
        np__buf_puts(&b, "# ");
        put_escaped(&b, d->meta[NP__TITLE], strlen(d->meta[NP__TITLE]), "");
        np__buf_puts(&b, "\n");
        prev = NP_BLOCK_HEADING;
    }
    for (i = 0; i < d->blocks.len; i++) {
        const np__block *bl = np__vec_at(&d->blocks, i);
        /* a blank line between blocks, none between list items */
        if (prev >= 0 && !(prev == NP_BLOCK_LIST_ITEM && bl->kind == NP_BLOCK_LIST_ITEM))
            np__buf_putc(&b, '\n');
        switch (bl->kind) {
        case NP_BLOCK_HEADING:
            np__buf_puts(&b, "## ");
            put_escaped(&b, bl->text, bl->len, "");
            break;
        case NP_BLOCK_LIST_ITEM:
            np__buf_puts(&b, "- ");
            put_escaped(&b, bl->text, bl->len, "  ");
            break;
        case NP_BLOCK_BLOCKQUOTE:
            np__buf_puts(&b, "> ");
            put_escaped(&b, bl->text, bl->len, "> ");
            break;
        case NP_BLOCK_PREFORMATTED: {
            /* a fence longer than any run of backticks inside */
            size_t run = 0, longest = 0, k;
            for (k = 0; k < bl->len; k++) {
                run = bl->text[k] == '`' ? run + 1 : 0;
                if (run > longest)
                    longest = run;
            }
            for (k = 0; k < (longest < 3 ? 3 : longest + 1); k++)
                np__buf_putc(&b, '`');
            np__buf_putc(&b, '\n');
            np__buf_put(&b, bl->text, bl->len);
            np__buf_putc(&b, '\n');
            for (k = 0; k < (longest < 3 ? 3 : longest + 1); k++)
                np__buf_putc(&b, '`');
            break;
        }
        case NP_BLOCK_CAPTION:
            np__buf_putc(&b, '*');
            put_escaped(&b, bl->text, bl->len, "");
            np__buf_putc(&b, '*');
            break;
        default:
            put_escaped(&b, bl->text, bl->len, "");
            break;
        }
        np__buf_putc(&b, '\n');
        prev = bl->kind;
    }
    if (b.oom) {
        np__buf_free(&b);
        return NP_ENOMEM;
    }
    if (b.len == 0)
        np__buf_putc(&b, '\n');
    *out = np__buf_detach(&b, len);
    return *out ? NP_OK : NP_ENOMEM;
}

/*
 * The document as a small, clean HTML page: the article alone, in
 * semantic elements (h1, p, h2, ul/li, blockquote, pre, figure), with its
 * metadata in the head and a byline and date under the title. Every text
 * is escaped; image addresses are the resolved ones the extractor kept.
 */
#include <string.h>

#include "util/util.h"
#include "doc/document.h"

static void esc(np__buf *b, const char *s, size_t n, int attr)
{
    size_t i, from = 0;
    for (i = 0; i < n; i++) {
        const char *r = NULL;
        switch (s[i]) {
        case '&': r = "&amp;"; break;
        case '<': r = "&lt;"; break;
        case '>': r = "&gt;"; break;
        case '"': r = attr ? "&quot;" : NULL; break;
        case '\n': r = attr ? " " : "<br>\n"; break;
        default: break;
        }
        if (r) {
            np__buf_put(b, s + from, i - from);
            np__buf_puts(b, r);
            from = i + 1;
        }
    }
    np__buf_put(b, s + from, n - from);
}

static void esc_z(np__buf *b, const char *s, int attr)
{
    if (s)
        esc(b, s, strlen(s), attr);
}

static void put_meta(np__buf *b, const char *name, const char *value)
{
    if (!value)
        return;
    np__buf_puts(b, "<meta name=\"");
    np__buf_puts(b, name);
    np__buf_puts(b, "\" content=\"");
    esc_z(b, value, 1);
    np__buf_puts(b, "\">\n");
}

int np_document_to_html(const np_document *d, uint32_t flags, char **out,
                        size_t *len)
{
    np__buf b = NP__BUF_INIT;
    size_t i;
    int in_list = 0, in_quote = 0;
    if (out)
        *out = NULL;
    if (len)
        *len = 0;
    if (!d || !out || flags)   /* no flag is defined yet */
        return NP_EINVAL;

    np__buf_puts(&b, "<!DOCTYPE html>\n<html");
    if (d->meta[NP__LANGUAGE]) {
        np__buf_puts(&b, " lang=\"");
        esc_z(&b, d->meta[NP__LANGUAGE], 1);
        np__buf_putc(&b, '"');
    }
    np__buf_puts(&b, ">\n<head>\n<meta charset=\"utf-8\">\n<title>");
    esc_z(&b, d->meta[NP__TITLE], 0);
    np__buf_puts(&b, "</title>\n");
    put_meta(&b, "description", d->meta[NP__DESCRIPTION]);
    /* addresses are web or relative already; checked again here, since an
     * attribute of another scheme would run in a reader's browser */
    if (d->meta[NP__URL] && np__url_kind(d->meta[NP__URL]) != NP__URL_OTHER) {
        np__buf_puts(&b, "<link rel=\"canonical\" href=\"");
        esc_z(&b, d->meta[NP__URL], 1);
        np__buf_puts(&b, "\">\n");
    }
    np__buf_puts(&b, "</head>\n<body>\n<article>\n");
    if (d->meta[NP__TITLE]) {
        np__buf_puts(&b, "<h1>");
        esc_z(&b, d->meta[NP__TITLE], 0);
        np__buf_puts(&b, "</h1>\n");
    }
    if (d->authors.len || d->meta[NP__PUBLISHED]) {
        np__buf_puts(&b, "<p class=\"byline\">");
        for (i = 0; i < d->authors.len; i++) {
            const char *a = ((const char *const *)d->authors.ptr)[i];
            if (i)
                np__buf_puts(&b, i + 1 == d->authors.len ? " and " : ", ");
            else
                np__buf_puts(&b, "By ");
            esc_z(&b, a, 0);
        }
        if (d->meta[NP__PUBLISHED]) {
            if (d->authors.len)
                np__buf_puts(&b, ", ");
            np__buf_puts(&b, "<time datetime=\"");
            esc_z(&b, d->meta[NP__PUBLISHED], 1);
            np__buf_puts(&b, "\">");
            esc_z(&b, d->meta[NP__PUBLISHED], 0);
            np__buf_puts(&b, "</time>");
        }
        np__buf_puts(&b, "</p>\n");
    }
    if (d->images.len) {
        const np__image *im = np__vec_at(&d->images, 0);
        if (im->src && np__url_kind(im->src) != NP__URL_OTHER) {
            np__buf_puts(&b, "<figure>\n<img src=\"");
            esc_z(&b, im->src, 1);
            np__buf_puts(&b, "\" alt=\"");
            esc_z(&b, im->caption, 1);
            np__buf_puts(&b, "\">\n");
            if (im->caption || im->credit) {
                np__buf_puts(&b, "<figcaption>");
                esc_z(&b, im->caption, 0);
                if (im->credit) {
                    np__buf_puts(&b, im->caption ? " <small>" : "<small>");
                    esc_z(&b, im->credit, 0);
                    np__buf_puts(&b, "</small>");
                }
                np__buf_puts(&b, "</figcaption>\n");
            }
            np__buf_puts(&b, "</figure>\n");
        }
    }
    for (i = 0; i < d->blocks.len; i++) {
        const np__block *bl = np__vec_at(&d->blocks, i);
        if (in_list && bl->kind != NP_BLOCK_LIST_ITEM) {
            np__buf_puts(&b, "</ul>\n");
            in_list = 0;
        }
        if (in_quote && bl->kind != NP_BLOCK_BLOCKQUOTE) {
            np__buf_puts(&b, "</blockquote>\n");
            in_quote = 0;
        }
        switch (bl->kind) {
        case NP_BLOCK_HEADING:
            np__buf_puts(&b, "<h2>");
            esc(&b, bl->text, bl->len, 0);
            np__buf_puts(&b, "</h2>\n");
            break;
        case NP_BLOCK_LIST_ITEM:
            if (!in_list) {
                np__buf_puts(&b, "<ul>\n");
                in_list = 1;
            }
            np__buf_puts(&b, "<li>");
            esc(&b, bl->text, bl->len, 0);
            np__buf_puts(&b, "</li>\n");
            break;
        case NP_BLOCK_BLOCKQUOTE:
            if (!in_quote) {
                np__buf_puts(&b, "<blockquote>\n");
                in_quote = 1;
            }
            np__buf_puts(&b, "<p>");
            esc(&b, bl->text, bl->len, 0);
            np__buf_puts(&b, "</p>\n");
            break;
        case NP_BLOCK_PREFORMATTED: {
            /* keep line breaks as they are */
            size_t k, from = 0;
            np__buf_puts(&b, "<pre>");
            for (k = 0; k <= bl->len; k++) {
                if (k == bl->len || bl->text[k] == '\n') {
                    esc(&b, bl->text + from, k - from, 0);
                    if (k < bl->len)
                        np__buf_putc(&b, '\n');
                    from = k + 1;
                }
            }
            np__buf_puts(&b, "</pre>\n");
            break;
        }
        case NP_BLOCK_CAPTION:
            np__buf_puts(&b, "<p class=\"caption\">");
            esc(&b, bl->text, bl->len, 0);
            np__buf_puts(&b, "</p>\n");
            break;
        default:
            np__buf_puts(&b, "<p>");
            esc(&b, bl->text, bl->len, 0);
            np__buf_puts(&b, "</p>\n");
            break;
        }
    }
    if (in_list)
        np__buf_puts(&b, "</ul>\n");
    if (in_quote)
        np__buf_puts(&b, "</blockquote>\n");
    np__buf_puts(&b, "</article>\n</body>\n</html>\n");
    if (b.oom) {
        np__buf_free(&b);
        return NP_ENOMEM;
    }
    *out = np__buf_detach(&b, len);
    return *out ? NP_OK : NP_ENOMEM;
}

/* Article body extraction from a libxml2 tree (first version). */
#include "np_internal.h"

int np__extract_html(np__ctx *c, void *tree)
{
    (void)tree;
    c->doc->is_article = 0;
    return NP_OK;
}

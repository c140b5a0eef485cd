/* Quotations (first version: none). */
#include "np_internal.h"

int np__quotes(np__ctx *c, const np__tokens *tk)
{
    (void)c;
    (void)tk;
    return NP_OK;
}

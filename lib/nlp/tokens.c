/* Tokens and sentences of the body (first version: none). */
#include "np_internal.h"

int np__tokenize(np__ctx *c, np__tokens *out)
{
    (void)c;
    np__vec_init(&out->toks, sizeof(np__token));
    np__vec_init(&out->sents, sizeof(np__sentence));
    return NP_OK;
}

void np__tokens_free(np__tokens *t)
{
    if (!t)
        return;
    np__vec_free(&t->toks);
    np__vec_free(&t->sents);
}

void np__nlp_state_free(struct np__nlp_state *s)
{
    (void)s;
}

/*
 * The analysis stage (lib/nlp): entities and quotes, which read the tokens
 * of the text floor (text/tokens.h).
 */
#ifndef NP_NLP_H
#define NP_NLP_H

#include "util/util.h"
#include "doc/context.h"
#include "text/tokens.h"

/* nlp/entities.c: fills doc->entities from the body. */
int np__entities(np__ctx *c, const np__tokens *tk);
/* nlp/quotes.c: fills doc->quotes from the body (reads doc->entities). */
int np__quotes(np__ctx *c, const np__tokens *tk);

#endif /* NP_NLP_H */

/*
 * Every internal header at once, for code outside lib/ (tests, benches)
 * that reaches into several floors. Nothing in lib/ includes it: a file of
 * the library includes the headers of the floors it uses (see
 * docs/architecture.md).
 */
#ifndef NP_INTERNAL_H
#define NP_INTERNAL_H

#include "util/util.h"
#include "doc/document.h"
#include "doc/context.h"
#include "load/load.h"
#include "extract/extract.h"
#include "meta/meta.h"
#include "text/text.h"
#include "text/tokens.h"
#include "nlp/nlp.h"

#endif /* NP_INTERNAL_H */

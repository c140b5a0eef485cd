/* Counting the extraction rules (a test-only build option).
 *
 * Built with -DNP_RULE_STATS=ON (never for the shipped library), every
 * rule of lib/extract/ that drops text or changes the choice of the
 * article reports itself: NP_RULE(name, text, len) and
 * NP_RULE_NODE(name, node) append a line "name<TAB>text" to the file named
 * by the environment variable NP_RULE_LOG (when set), and return 0, so
 * that the rule does not apply, when the name is in the comma-separated
 * list NP_RULE_OFF (or its rule is: "furn:prefix" names every phrase of
 * that rule). scripts/rule-table.py turns the log into the table of
 * docs/extraction.md. In the ordinary build both are the constant 1. */
#ifndef NP_EXTRACT_RULES_H
#define NP_EXTRACT_RULES_H

#include <stddef.h>

#ifdef NP_RULE_STATS
int np__rule(const char *name, const char *text, size_t len);
int np__rule_node(const char *name, const void *node);
#  define NP_RULE(name, text, len) np__rule((name), (text), (len))
#  define NP_RULE_NODE(name, node) np__rule_node((name), (node))
#else
#  define NP_RULE(name, text, len) 1
#  define NP_RULE_NODE(name, node) 1
#endif

#endif

/*
 * Speech verbs (lib/data/speech.c), one table for the quotation and the
 * entity stages.
 */
#ifndef NP_DATA_SPEECH_H
#define NP_DATA_SPEECH_H

#include <stddef.h>

#define NP__SPEECH_CUE        1u  /* attributes a quotation: said, told, wrote */
#define NP__SPEECH_PARTICIPLE 2u  /* the same as a participle: saying, adding */
#define NP__SPEECH_AFTER_NAME 4u  /* after a name, a person spoke: said, thinks */

typedef struct np__speech_word {
    const char *word;     /* lower case */
    unsigned flags;       /* NP__SPEECH_* */
} np__speech_word;
extern const np__speech_word np__speech_words[];
extern const size_t np__speech_count;

/* The NP__SPEECH_* flags of w[0..n), 0 when it is none of these words;
 * with any_case, ASCII capitals match their lower case ("Said"). */
unsigned np__speech_find(const char *w, size_t n, int any_case);

#endif /* NP_DATA_SPEECH_H */

/*
 * Tokens and sentences of the body, computed once per document with ICU's
 * word and sentence break iterators and shared by the entity and quote
 * stages.
 *
 * Each block is segmented on its own (through a UTF-8 UText, so ICU's
 * indexes are byte offsets), so a sentence never crosses a block. Tokens
 * are the word-break segments that are not white space; their flags say
 * what they look like (np_internal.h). The iterators live on the parser
 * (c->parser->nlp), created on first use and reused by every document.
 */
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include "np_internal.h"
#include "nlp/nlp.h"

static int nlp_state_get(np__ctx *c, struct np__nlp_state **out)
{
    struct np__nlp_state *s = c->parser->nlp;
    UErrorCode st = U_ZERO_ERROR;

    if (s) {
        *out = s;
        return NP_OK;
    }
    s = np__calloc(1, sizeof(*s));
    if (!s)
        return NP_ENOMEM;
    s->word = ubrk_open(UBRK_WORD, "en", NULL, 0, &st);
    if (U_SUCCESS(st))
        /* "en@ss=standard" keeps "Mr. Smith" and "U.S. officials" whole. */
        s->sent = ubrk_open(UBRK_SENTENCE, "en@ss=standard", NULL, 0, &st);
    if (U_FAILURE(st)) {
        np__nlp_state_free(s);
        return st == U_MEMORY_ALLOCATION_ERROR
                   ? NP_ENOMEM
                   : np__error(c->parser, NP_ERROR,
                               "cannot open ICU break iterators: %s",
                               u_errorName(st));
    }
    c->parser->nlp = s;
    *out = s;
    return NP_OK;
}

void np__nlp_state_free(struct np__nlp_state *s)
{
    if (!s)
        return;
    if (s->word)
        ubrk_close(s->word);
    if (s->sent)
        ubrk_close(s->sent);
    np__free(s);
}

/* Flags of the token text[0..n), or 0 if it is only white space. */
static uint32_t token_flags(const char *t, size_t n)
{
    size_t i = 0;
    uint32_t flags = 0;
    int first = 1, letters = 0, upper = 0, lower = 0, alnum = 0, space = 1;

    while (i < n) {
        UChar32 cp;
        size_t len;
        unsigned char c = (unsigned char)t[i];
        if (c < 0x80) {
            /* ASCII: ICU's answers, without its calls (White_Space is
             * 9 to 13 and the space; letters, cases and digits as in C) */
            int ws = (c >= 9 && c <= 13) || c == ' ';
            if (!ws)
                space = 0;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) {
                letters++;
                alnum = 1;
                if (c <= 'Z') {
                    upper++;
                    if (first)
                        flags |= NP__TOK_UPPER;
                } else {
                    lower++;
                }
            } else if (c >= '0' && c <= '9') {
                alnum = 1;
                if (first)
                    flags |= NP__TOK_DIGIT;
            }
            if (first && !ws)
                first = 0;
            i++;
            continue;
        }
        len = np__utf8_valid_seq((const unsigned char *)t + i, n - i);
        if (len == 0) {
            cp = 0xFFFD;
            len = 1;
        } else {
            size_t j = i;
            cp = (UChar32)np__utf8_next(t, n, &j);
        }
        if (!u_isUWhiteSpace(cp) && cp != 0x200B && cp != 0xFEFF)
            space = 0;
        if (u_isalpha(cp)) {
            letters++;
            alnum = 1;
            if (u_isupper(cp) || u_istitle(cp)) {
                upper++;
                if (first)
                    flags |= NP__TOK_UPPER;
            } else if (u_islower(cp)) {
                lower++;
            }
        } else if (u_isdigit(cp)) {
            alnum = 1;
            if (first)
                flags |= NP__TOK_DIGIT;
        }
        if (first && !u_isUWhiteSpace(cp))
            first = 0;
        i += len;
    }
    if (space)
        return 0;
    if (alnum)
        flags |= NP__TOK_WORD;
    else
        flags |= NP__TOK_PUNCT;
    if (letters >= 2 && lower == 0 && upper == letters)
        flags |= NP__TOK_ALLCAPS;
    return flags;
}

/* Segments one block into tokens and sentences. */
static int tokenize_block(struct np__nlp_state *s, const np_document *d,
                          size_t bi, np__tokens *out)
{
    const np__block *b = np__vec_at(&d->blocks, bi);
    const char *text = d->body + b->start;
    UErrorCode st = U_ZERO_ERROR;
    UText *ut = NULL;
    int32_t prev, pos;
    size_t first_tok = out->toks.len;
    int para_start = 1;

    if (b->len == 0)
        return NP_OK;
    if (b->len > (size_t)INT32_MAX)
        return NP_ELIMIT;

    /* Words. */
    ut = utext_openUTF8(NULL, text, (int64_t)b->len, &st);
    if (U_FAILURE(st))
        return st == U_MEMORY_ALLOCATION_ERROR ? NP_ENOMEM : NP_ERROR;
    ubrk_setUText(s->word, ut, &st);
    if (U_FAILURE(st)) {
        utext_close(ut);
        return NP_ERROR;
    }
    prev = ubrk_first(s->word);
    while ((pos = ubrk_next(s->word)) != UBRK_DONE) {
        uint32_t f = token_flags(text + prev, (size_t)(pos - prev));
        if (f) {
            np__token *t = np__vec_push(&out->toks);
            if (!t) {
                utext_close(ut);
                return NP_ENOMEM;
            }
            t->start = b->start + (size_t)prev;
            t->end = b->start + (size_t)pos;
            t->flags = f;
            if (para_start) {
                t->flags |= NP__TOK_PARA_START;
                para_start = 0;
            }
        }
        prev = pos;
    }

    /* Sentences: each token goes to the sentence holding its start. */
    ubrk_setUText(s->sent, ut, &st);
    if (U_FAILURE(st)) {
        utext_close(ut);
        return NP_ERROR;
    }
    {
        size_t ti = first_tok;
        size_t ntok = out->toks.len;
        prev = ubrk_first(s->sent);
        while ((pos = ubrk_next(s->sent)) != UBRK_DONE) {
            size_t send = b->start + (size_t)pos;
            size_t tb = ti;
            np__sentence *se;
            while (ti < ntok && ((np__token *)out->toks.ptr)[ti].start < send)
                ti++;
            if (ti == tb) {   /* white space only */
                prev = pos;
                continue;
            }
            se = np__vec_push(&out->sents);
            if (!se) {
                utext_close(ut);
                return NP_ENOMEM;
            }
            se->tok_begin = tb;
            se->tok_end = ti;
            se->block = bi;
            {
                np__token *toks = out->toks.ptr;
                size_t k;
                se->start = toks[tb].start;
                se->end = toks[ti - 1].end;
                toks[tb].flags |= NP__TOK_SENT_START;
                for (k = tb; k < ti; k++)
                    toks[k].sentence = (uint32_t)(out->sents.len - 1);
            }
            prev = pos;
        }
        (void)prev;
    }
    utext_close(ut);
    return NP_OK;
}

int np__tokenize(np__ctx *c, np__tokens *out)
{
    struct np__nlp_state *s;
    const np_document *d = c->doc;
    size_t bi;
    int rc;

    np__vec_init(&out->toks, sizeof(np__token));
    np__vec_init(&out->sents, sizeof(np__sentence));
    if (!d->body || d->body_len == 0 || d->blocks.len == 0)
        return NP_OK;
    rc = nlp_state_get(c, &s);
    if (rc != NP_OK)
        return rc;
    for (bi = 0; bi < d->blocks.len; bi++) {
        rc = tokenize_block(s, d, bi, out);
        if (rc != NP_OK) {
            np__tokens_free(out);
            return rc == NP_ERROR
                       ? np__error(c->parser, NP_ERROR,
                                   "ICU could not segment block %zu", bi)
                       : rc;
        }
    }
    return NP_OK;
}

void np__tokens_free(np__tokens *t)
{
    if (!t)
        return;
    np__vec_free(&t->toks);
    np__vec_free(&t->sents);
}

/**
 * @file newsparse/clean.h
 * @brief Standalone Unicode text cleanup.
 *
 * The same cleanup runs inside document parsing on every block; its edits
 * are then the document's fixes (newsparse/document.h).
 */
#ifndef NEWSPARSE_CLEAN_H
#define NEWSPARSE_CLEAN_H

#include "newsparse/common.h"
#include "newsparse/document.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @name Cleanup flags (np_clean_options.flags)
 * A set bit turns a rule family OFF; 0 runs every rule. Bits are never reused.
 * @{
 */
#define NP_CLEAN_NO_ENCODING    (1u << 0) /**< Invalid UTF-8 and mojibake. */
#define NP_CLEAN_NO_MARKUP      (1u << 1) /**< Entities, literal tags, comment remnants. */
#define NP_CLEAN_NO_INVISIBLE   (1u << 2) /**< Controls, zero-width, soft hyphens, stray BOMs. */
#define NP_CLEAN_NO_WHITESPACE  (1u << 3) /**< No-break spaces, runs of spaces, line ends. */
#define NP_CLEAN_NO_PUNCT_SPACE (1u << 4) /**< Space before , . ; : ? ! */
#define NP_CLEAN_NO_COMPAT      (1u << 5) /**< Ligatures and full-width Latin. */
#define NP_CLEAN_NO_APOSTROPHES (1u << 6) /**< Lost apostrophes (English only). */
/** @} A bit not defined here is NP_EINVAL. */

/**
 * Options of np_clean(). Initialise with NP_CLEAN_OPTIONS_INIT. Versioned
 * and append-only as np_parse_options: the library reads the fields of the
 * caller's version alone.
 */
typedef struct np_clean_options {
    unsigned int version;  /**< NP_CLEAN_OPTIONS_VERSION; must be first. */
    uint32_t flags;        /**< NP_CLEAN_NO_* bits. */
    size_t max_bytes;      /**< Largest input accepted; 0 = 256 MiB. */
} np_clean_options;

/** The current version of np_clean_options. */
#define NP_CLEAN_OPTIONS_VERSION 1
/** Static initialiser: every rule on, default limits. */
#define NP_CLEAN_OPTIONS_INIT { NP_CLEAN_OPTIONS_VERSION, 0, 0 }

/**
 * Initialises cleanup options to their defaults.
 * @param[out] opts the struct to fill (the fields of `version` are set)
 * @param version NP_CLEAN_OPTIONS_VERSION
 * @return NP_OK, or NP_EINVAL if opts is NULL or version is 0 or unknown
 * @since 0.1
 */
NP_API int np_clean_options_init(np_clean_options *opts, unsigned int version);

/** The result of a cleanup: text and edits. Opaque. */
typedef struct np_clean_result np_clean_result;

/**
 * Cleans text: any byte sequence in, valid NFC UTF-8 out, every change
 * reported as an edit (np_fix) with its rule and its offsets in the input
 * and in the output.
 *
 * The whole buffer is one document: evidence found in one part (apostrophe
 * style, names) is used on the rest. Line breaks are kept (CRLF and lone CR
 * become LF unless NP_CLEAN_NO_WHITESPACE), so the output has as many lines
 * as the input. Thread-safe: no shared mutable state.
 *
 * @param[out] out receives the result (owned: free with
 *                 np_clean_result_free()); set to NULL on failure
 * @param[in] buf the input bytes (borrowed for the call); may be NULL only
 *                when len is 0
 * @param len its length in bytes
 * @param[in] opts options (borrowed for the call), or NULL for the defaults
 * @return NP_OK; NP_EINVAL (NULL arguments, a bad options version, a bit
 *         that is not an NP_CLEAN_* flag); NP_ELIMIT (input over
 *         max_bytes); NP_ENOMEM. np_clean2() also says why.
 * @since 0.1
 */
NP_API int np_clean(np_clean_result **out, const char *buf, size_t len,
                    const np_clean_options *opts);

/**
 * np_clean(), and on failure a message that says what went wrong ("input
 * is 300000000 bytes, the limit is 268435456"), as np_parser_errmsg() does
 * for a parser: a standalone cleanup has no handle to keep it on.
 *
 * The message is written into the caller's buffer, so that it needs no
 * allocation (it is there after NP_ENOMEM too) and no thread-local state.
 *
 * @param[out] out as np_clean()
 * @param[in] buf as np_clean()
 * @param len as np_clean()
 * @param[in] opts as np_clean()
 * @param[out] errbuf receives the NUL-terminated message, cut to fit (as
 *               snprintf() does); "" after a success. May be NULL when
 *               errbuf_size is 0.
 * @param errbuf_size its size in bytes; 0 writes nothing
 * @return as np_clean()
 * @since 0.1
 */
NP_API int np_clean2(np_clean_result **out, const char *buf, size_t len,
                     const np_clean_options *opts, char *errbuf,
                     size_t errbuf_size);

/**
 * The cleaned text: borrowed from the result, valid until
 * np_clean_result_free(); NUL-terminated, valid UTF-8. "" (static) for a
 * NULL result.
 * @param r the result, or NULL
 * @param[out] len if not NULL, receives its length in bytes (0 for a NULL
 *                 result)
 * @return the text; never NULL
 * @since 0.1
 */
NP_API const char *np_clean_result_text(const np_clean_result *r, size_t *len);

/**
 * Number of edits.
 * @param r the result, or NULL
 * @return the number of edits; 0 for a NULL result
 * @since 0.1
 */
NP_API size_t np_clean_result_fix_count(const np_clean_result *r);

/**
 * The i-th edit, in output order. A view borrowed from the result, valid
 * until np_clean_result_free(), as every string read from it
 * (np_fix_before()...).
 * @param r the result, or NULL
 * @param i the edit's index, from 0
 * @return the edit; NULL if i is out of range or r is NULL
 * @since 0.1
 */
NP_API const np_fix *np_clean_result_fix(const np_clean_result *r, size_t i);

/**
 * Frees a cleanup result and every edit and string borrowed from it.
 * @param r the result (ownership passes to the library), or NULL (a no-op)
 * @since 0.1
 */
NP_API void np_clean_result_free(np_clean_result *r);

#ifdef __cplusplus
}
#endif

#endif /* NEWSPARSE_CLEAN_H */

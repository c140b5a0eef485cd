/**
 * @file newsparse/parser.h
 * @brief Parse options, the reusable parser and the parse entry points.
 */
#ifndef NEWSPARSE_PARSER_H
#define NEWSPARSE_PARSER_H

#include "newsparse/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A reusable parser: options plus per-thread working state. Opaque. */
typedef struct np_parser np_parser;
/** An immutable parsed document. Opaque; see newsparse/document.h. */
typedef struct np_document np_document;

/**
 * @name Parse flags (np_parse_options.flags)
 * Bits are never reused. A set bit turns a stage off or changes a policy.
 * @{
 */
#define NP_PARSE_NO_CLEAN     (1u << 0) /**< Skip the text cleanup stage. */
#define NP_PARSE_NO_ENTITIES  (1u << 1) /**< Skip entity recognition. */
#define NP_PARSE_NO_QUOTES    (1u << 2) /**< Skip quote extraction. */
#define NP_PARSE_NO_METADATA  (1u << 3) /**< Skip metadata extraction. */
#define NP_PARSE_TRUNCATE     (1u << 4) /**< On a limit, return what was read
                                             with a truncated flag instead of
                                             failing with NP_ELIMIT. */
#define NP_PARSE_KEEP_ALL     (1u << 5) /**< Keep every text block (no
                                             boilerplate removal). */
/** @} A bit not defined here is NP_EINVAL (never silently ignored). */

/**
 * @name Default limits (informational)
 * The defaults this release applies where a limit is 0. They may change in
 * any release without an ABI break: a program never needs them (0 asks for
 * the library's default at run time) and must not build them into its
 * binary as if they were fixed.
 * @{
 */
#define NP_DEFAULT_MAX_BYTES ((size_t)256 * 1024 * 1024) /**< max_bytes */
#define NP_DEFAULT_MAX_DEPTH ((size_t)4096)              /**< max_depth */
#define NP_DEFAULT_MAX_NODES ((size_t)10 * 1000 * 1000)  /**< max_nodes */
#define NP_DEFAULT_MAX_ATTRIBUTES ((size_t)128)          /**< max_attributes */
#define NP_DEFAULT_MAX_BLOCKS ((size_t)100000)           /**< max_blocks */
#define NP_DEFAULT_MAX_ENTITIES ((size_t)10000)          /**< max_entities */
#define NP_DEFAULT_MAX_QUOTES ((size_t)10000)            /**< max_quotes */
/** @} */

/**
 * Options of a parser. Initialise with NP_PARSE_OPTIONS_INIT or
 * np_parse_options_init(). Fields are only ever appended; `version` says
 * which fields the caller knows, and the library reads those fields alone
 * (never past the end of the caller's version of the struct). Zero means
 * "the default" for every limit.
 */
typedef struct np_parse_options {
    unsigned int version;   /**< NP_PARSE_OPTIONS_VERSION; must be first. */
    uint32_t flags;         /**< NP_PARSE_* bits. */
    size_t max_bytes;       /**< Largest input accepted; 0 = 256 MiB. */
    const char *base_url;   /**< Default page address (copied); may be NULL. */
    const char *charset;    /**< Charset hint for HTML input, such as from an
                                 HTTP header (copied); NULL = sniff. */
    size_t max_depth;       /**< Deepest HTML element nesting kept; 0 = default. */
    size_t max_nodes;       /**< Most HTML nodes kept; 0 = default. */
    size_t max_attributes;  /**< Most attributes read per HTML element; the
                                 rest are dropped (not an error, the page is
                                 not marked truncated); 0 = 128. */
    size_t max_blocks;      /**< Most body blocks; more is NP_ELIMIT, or with
                                 NP_PARSE_TRUNCATE the first ones;
                                 0 = 100000. */
    size_t max_entities;    /**< Most entities, likewise; 0 = 10000. */
    size_t max_quotes;      /**< Most quotes, likewise; 0 = 10000. */
    size_t max_work;        /**< Work budget of HTML tree building, in units
                                 of about one input byte or one element
                                 visited, so that no page costs more than
                                 linear time; 0 = 64 per input byte + 2^24. */
} np_parse_options;

/** The current version of np_parse_options. */
#define NP_PARSE_OPTIONS_VERSION 1
/** Static initialiser: every field at its default. */
#define NP_PARSE_OPTIONS_INIT { NP_PARSE_OPTIONS_VERSION, 0, 0, NULL, NULL, 0, 0, 0, 0, 0, 0, 0 }

/**
 * Initialises an options struct to its defaults (for FFI callers that cannot
 * use NP_PARSE_OPTIONS_INIT).
 *
 * @param[out] opts the struct to fill (the fields of `version` are set)
 * @param version NP_PARSE_OPTIONS_VERSION
 * @return NP_OK, or NP_EINVAL if opts is NULL or version is 0 or unknown
 * @since 0.1
 */
NP_API int np_parse_options_init(np_parse_options *opts, unsigned int version);

/**
 * Creates a parser.
 *
 * The parser copies the options and strings it is given. It may be reused
 * for any number of documents, by one thread at a time; use one parser per
 * thread. A parse call made while another thread is inside a call on the
 * same parser is refused with NP_EINVAL (see np_parse_html()). Documents
 * outlive the parser that made them.
 *
 * @param[out] out receives the parser (owned: free with np_parser_free());
 *                 set to NULL on failure
 * @param[in] opts options (borrowed for the call; the fields of opts->version
 *             are copied), or NULL for the defaults
 * @return NP_OK, NP_EINVAL (NULL out, bad options version, a flag bit that
 *         is not an NP_PARSE_* flag), NP_ENOMEM
 * @since 0.1
 */
NP_API int np_parser_new(np_parser **out, const np_parse_options *opts);

/**
 * Frees a parser. np_parser_free(NULL) is a no-op. Documents it made stay valid.
 * @param parser the parser (ownership passes to the library), or NULL
 * @since 0.1
 */
NP_API void np_parser_free(np_parser *parser);

/**
 * The detailed message of the parser's last failed call, such as
 * "input is 300000000 bytes, the limit is 268435456".
 *
 * Only reads the parser (several threads may read one failed parser's
 * message at once). After a call refused because another thread was inside
 * a call on the parser, it gives that reason until the parser's next call.
 *
 * @param parser the parser, or NULL
 * @return borrowed from the parser, valid until its next parse call; ""
 *         when the last call succeeded; static text if parser is NULL
 * @since 0.1
 */
NP_API const char *np_parser_errmsg(const np_parser *parser);

/**
 * The error code of the parser's last call.
 * @param parser the parser, or NULL
 * @return NP_OK after a success, else the NP_* code the call returned;
 *         NP_EINVAL for a NULL parser, or while another thread is inside a
 *         call on the parser
 * @since 0.1
 */
NP_API int np_parser_errcode(const np_parser *parser);

/**
 * The wall-clock time a stage took in the parser's last parse call, in
 * seconds, whether the call succeeded or failed: a parse that fails on a
 * limit still tells how long it worked before it stopped (a document's own
 * timings are np_document_stage_seconds()). Stages are the NP_STAGE_*
 * numbers of newsparse/document.h.
 *
 * @param parser the parser, or NULL
 * @param stage an NP_STAGE_* number, 0 to np_stage_count() minus 1
 * @return seconds; 0 for a stage that did not run (skipped, or not reached);
 *         -1 for an unknown stage or a NULL parser
 * @since 0.1
 */
NP_API double np_parser_stage_seconds(const np_parser *parser, int stage);

/**
 * Parses an HTML page held in memory.
 *
 * The bytes may be in any charset: a BOM, a \<meta charset\>, an http-equiv
 * Content-Type, the options' charset hint and a windows-1252 fallback
 * decide, and everything is decoded to UTF-8. The bytes are copied; nothing
 * is fetched from the network or read from files.
 *
 * @param parser the parser (not NULL)
 * @param[out] out receives the document (owned: free with
 *                 np_document_free()); set to NULL on failure
 * @param[in] buf the page's bytes (copied); may be NULL only when len is 0
 * @param len its length in bytes
 * @param[in] url the page's address, used to resolve links and as a fallback
 *            canonical URL (copied); NULL for the options' base_url
 * @return NP_OK; NP_EINVAL for NULL arguments, or when another thread is
 *         inside a call on the same parser (the call is refused, nothing
 *         is changed: use one parser per thread); NP_ELIMIT when a limit is
 *         exceeded (unless NP_PARSE_TRUNCATE); NP_EENCODING when the bytes
 *         cannot be decoded; NP_EPARSE; NP_ENOMEM. The message is then
 *         available from np_parser_errmsg().
 * @since 0.1
 */
NP_API int np_parse_html(np_parser *parser, np_document **out,
                         const char *buf, size_t len, const char *url);

/**
 * Parses a plain-text article (as scraped from a page).
 *
 * Paragraphs are separated by blank lines or single newlines; a short first
 * line that reads like a headline becomes the title, a date line the
 * publication date. Invalid UTF-8 is repaired (stray bytes read as
 * windows-1252) unless NP_PARSE_NO_CLEAN is set, in which case it is an
 * NP_EENCODING error.
 *
 * @param parser the parser (not NULL)
 * @param[out] out receives the document (owned: free with
 *                 np_document_free()); set to NULL on failure
 * @param[in] buf the text's bytes (copied); may be NULL only when len is 0
 * @param len its length in bytes
 * @param[in] url the article's address (copied); NULL for the options'
 *                base_url
 * @return NP_OK, or an error code as np_parse_html() (NP_EENCODING for
 *         invalid UTF-8 with NP_PARSE_NO_CLEAN); the message is then
 *         available from np_parser_errmsg()
 * @since 0.1
 */
NP_API int np_parse_text(np_parser *parser, np_document **out,
                         const char *buf, size_t len, const char *url);

/**
 * Guesses whether a buffer holds HTML (1) or plain text (0), from its first
 * kilobytes: a doctype, an \<html\>, \<head\>, \<body\>, \<div\>, \<p\> or
 * \<meta\> tag.
 * @param[in] buf the bytes (only the first 4096 are read); may be NULL
 * @param len their length in bytes
 * @return 1 for HTML, 0 for plain text (and for a NULL or empty buffer)
 * @since 0.1
 */
NP_API int np_looks_like_html(const char *buf, size_t len);

/**
 * @name Input kinds (np_parse_to_json())
 * @{
 */
#define NP_INPUT_AUTO 0 /**< HTML or text, as np_looks_like_html() guesses. */
#define NP_INPUT_HTML 1 /**< An HTML page, as np_parse_html(). */
#define NP_INPUT_TEXT 2 /**< A plain-text article, as np_parse_text(). */
/** @} */

/**
 * Parses bytes and writes the document as JSON in one call, with no handle
 * to manage: for thin bindings and scripts.
 *
 * The same as creating a parser with opts, np_parse_html() or
 * np_parse_text(), np_document_to_json() and freeing both, so the text is
 * byte for byte the command's record for the same input and options. A
 * failure also comes back as JSON: the command's error record,
 * {"schema": 1, "source": ..., "error": {"code": "NP_ELIMIT",
 * "message": "..."}} (in the layout json_flags ask for), so a caller needs
 * no handle to read the message.
 *
 * @param[in] buf the input bytes; may be NULL only when len is 0
 * @param len its length in bytes
 * @param input NP_INPUT_AUTO, NP_INPUT_HTML or NP_INPUT_TEXT
 * @param[in] url the page's address (copied), or NULL
 * @param[in] source the value of the "source" field, or NULL to leave it out
 * @param[in] opts parse options (borrowed for the call), or NULL for the
 *                 defaults
 * @param json_flags NP_JSON_* bits, as np_document_to_json()
 * @param[out] out receives the NUL-terminated JSON text, the document's or the
 *            error record's (owned: free with np_free()); NULL only when
 *            out was NULL or the record itself could not be allocated
 * @param[out] out_len if not NULL, receives its length
 * @return NP_OK with the document's JSON; else the error code of the
 *         record (NP_EINVAL for bad arguments or an unknown input kind or
 *         flag, NP_ELIMIT, NP_EENCODING, NP_EPARSE, NP_ENOMEM...)
 * @since 0.1
 */
NP_API int np_parse_to_json(const char *buf, size_t len, int input,
                            const char *url, const char *source,
                            const np_parse_options *opts, uint32_t json_flags,
                            char **out, size_t *out_len);

#ifdef __cplusplus
}
#endif

#endif /* NEWSPARSE_PARSER_H */

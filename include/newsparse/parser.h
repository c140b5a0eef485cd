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
/** @} */

/** Default for np_parse_options.max_bytes: 256 MiB. */
#define NP_DEFAULT_MAX_BYTES ((size_t)256 * 1024 * 1024)
/** Default for np_parse_options.max_depth. */
#define NP_DEFAULT_MAX_DEPTH ((size_t)4096)
/** Default for np_parse_options.max_nodes. */
#define NP_DEFAULT_MAX_NODES ((size_t)10 * 1000 * 1000)
/** Default for np_parse_options.max_attributes. */
#define NP_DEFAULT_MAX_ATTRIBUTES ((size_t)128)
/** Default for np_parse_options.max_blocks. */
#define NP_DEFAULT_MAX_BLOCKS ((size_t)100000)
/** Default for np_parse_options.max_entities. */
#define NP_DEFAULT_MAX_ENTITIES ((size_t)10000)
/** Default for np_parse_options.max_quotes. */
#define NP_DEFAULT_MAX_QUOTES ((size_t)10000)

/**
 * Options of a parser. Initialise with NP_PARSE_OPTIONS_INIT or
 * np_parse_options_init(). Fields are only ever appended; `version` says
 * which fields the caller knows. Zero means "the default" for every limit.
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
 * @param opts the struct to fill
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
 * thread. Documents outlive the parser that made them.
 *
 * @param out receives the parser (owned: free with np_parser_free());
 *            set to NULL on failure
 * @param opts options, or NULL for the defaults
 * @return NP_OK, NP_EINVAL (NULL out, bad options version), NP_ENOMEM
 * @since 0.1
 */
NP_API int np_parser_new(np_parser **out, const np_parse_options *opts);

/**
 * Frees a parser. np_parser_free(NULL) is a no-op. Documents it made stay valid.
 * @since 0.1
 */
NP_API void np_parser_free(np_parser *parser);

/**
 * The detailed message of the parser's last failed call, such as
 * "input is 300000000 bytes, the limit is 268435456".
 *
 * @return borrowed from the parser, valid until its next call; "" when the
 *         last call succeeded; a static text if parser is NULL
 * @since 0.1
 */
NP_API const char *np_parser_errmsg(const np_parser *parser);

/**
 * The error code of the parser's last call (NP_OK after a success).
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
 * @return seconds; 0 for a stage that did not run (skipped, or not reached);
 *         -1 for an unknown stage or a NULL parser
 * @since 0.1
 */
NP_API double np_parser_stage_seconds(const np_parser *parser, int stage);

/**
 * Parses an HTML page held in memory.
 *
 * The bytes may be in any charset: a BOM, a <meta charset>, an http-equiv
 * Content-Type, the options' charset hint and a windows-1252 fallback
 * decide, and everything is decoded to UTF-8. The bytes are copied; nothing
 * is fetched from the network or read from files.
 *
 * @param parser the parser (not NULL)
 * @param out receives the document (owned: free with np_document_free());
 *            set to NULL on failure
 * @param buf the page's bytes; may be NULL only when len is 0
 * @param len its length in bytes
 * @param url the page's address, used to resolve links and as a fallback
 *            canonical URL (copied); NULL for the options' base_url
 * @return NP_OK; NP_EINVAL for NULL arguments; NP_ELIMIT when a limit is
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
 * Arguments, ownership and errors as np_parse_html().
 * @since 0.1
 */
NP_API int np_parse_text(np_parser *parser, np_document **out,
                         const char *buf, size_t len, const char *url);

/* libxml2's document type, for np_parse_xmldoc(); declared here so that
 * this header does not need libxml2's. */
struct _xmlDoc;

/**
 * Parses a page the caller has already parsed with libxml2 (an htmlDocPtr
 * or xmlDocPtr), without parsing it again.
 *
 * The tree is only read, never changed, and may be freed by the caller as
 * soon as the call returns: the document copies what it keeps. Text in the
 * tree is UTF-8, as libxml2 stores it. A tree deeper than max_depth or with
 * more than max_nodes nodes is refused with NP_ELIMIT (it cannot be cut, as
 * it belongs to the caller). An entity reference left in the tree (an XML
 * tree read without XML_PARSE_NOENT) reads as its entity's text, without
 * following the references inside that text, so a chain of entities does
 * not expand; the text all references add counts against max_bytes
 * (NP_ELIMIT, or with NP_PARSE_TRUNCATE the references past it read as
 * nothing and the document is truncated).
 *
 * @param parser the parser (not NULL)
 * @param out receives the document (owned: free with np_document_free())
 * @param tree the libxml2 document (borrowed)
 * @param url the page's address (copied), or NULL for the options' base_url
 * @return NP_OK, NP_EINVAL for NULL arguments, NP_ELIMIT, NP_ENOMEM
 * @since 0.1
 */
NP_API int np_parse_xmldoc(np_parser *parser, np_document **out,
                           const struct _xmlDoc *tree, const char *url);

/**
 * Guesses whether a buffer holds HTML (1) or plain text (0), from its first
 * kilobytes: a doctype, an <html>, <head>, <body>, <div>, <p> or <meta> tag.
 * @since 0.1
 */
NP_API int np_looks_like_html(const char *buf, size_t len);

#ifdef __cplusplus
}
#endif

#endif /* NEWSPARSE_PARSER_H */

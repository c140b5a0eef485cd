/**
 * @file newsparse/document.h
 * @brief Read-only accessors of a parsed document and its parts.
 *
 * A document is immutable once returned and may be read from any number of
 * threads at once. Every string it returns is UTF-8, NUL-terminated,
 * borrowed from the document and valid until np_document_free(); so are the
 * views (np_entity, np_quote, np_fix) and their strings. Only the outputs
 * of np_document_to_*() are owned by the caller (free with np_free()).
 * Offsets are UTF-8 byte offsets into the body, end exclusive. A NULL
 * document (or an out-of-range index) gives NULL, 0 or -1 as the accessor
 * says, never a crash.
 */
#ifndef NEWSPARSE_DOCUMENT_H
#define NEWSPARSE_DOCUMENT_H

#include "newsparse/common.h"
#include "newsparse/parser.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A named entity of a document (borrowed view). */
typedef struct np_entity np_entity;
/** A quotation of a document (borrowed view). */
typedef struct np_quote np_quote;
/** A text-cleanup edit (borrowed view). */
typedef struct np_fix np_fix;

/** @name Block kinds (np_document_block_kind())
 * @{ */
#define NP_BLOCK_PARAGRAPH    0 /**< A paragraph ("paragraph"). */
#define NP_BLOCK_HEADING      1 /**< A heading inside the body ("heading"). */
#define NP_BLOCK_LIST_ITEM    2 /**< A list item ("list_item"). */
#define NP_BLOCK_BLOCKQUOTE   3 /**< A block quotation ("blockquote"). */
#define NP_BLOCK_CAPTION      4 /**< A figure or image caption ("caption"). */
#define NP_BLOCK_PREFORMATTED 5 /**< Preformatted text ("preformatted"). */
/** @} */

/** @name Entity types (np_entity_type())
 * @{ */
#define NP_ENTITY_PERSON 0 /**< A person ("PERSON"). */
#define NP_ENTITY_ORG    1 /**< An organisation ("ORG"). */
#define NP_ENTITY_PLACE  2 /**< A place ("PLACE"). */
/** @} */

/** @name Quote kinds (np_quote_kind())
 * @{ */
#define NP_QUOTE_DIRECT  0 /**< A whole quoted sentence or more ("direct"). */
#define NP_QUOTE_PARTIAL 1 /**< A quoted fragment inside a sentence ("partial"). */
/** @} */

/**
 * Frees a document and everything borrowed from it.
 * np_document_free(NULL) is a no-op.
 * @param doc the document (ownership passes to the library), or NULL
 * @since 0.1
 */
NP_API void np_document_free(np_document *doc);

/** @name Metadata
 * Each returns NULL where unknown, else text borrowed from the document,
 * valid until np_document_free().
 * @{ */
/**
 * The headline, without a trailing " | Site" suffix.
 * @param doc the document, or NULL
 * @return the text (borrowed), or NULL when unknown or doc is NULL
 * @since 0.1
 */
NP_API const char *np_document_title(const np_document *doc);
/**
 * The standfirst, summary or og:description.
 * @param doc the document, or NULL
 * @return the text (borrowed), or NULL when unknown or doc is NULL
 * @since 0.1
 */
NP_API const char *np_document_description(const np_document *doc);
/**
 * First publication, ISO 8601, in the source's own UTC offset.
 * @param doc the document, or NULL
 * @return the text (borrowed), or NULL when unknown or doc is NULL
 * @since 0.1
 */
NP_API const char *np_document_published(const np_document *doc);
/**
 * Last update, ISO 8601, in the source's own UTC offset.
 * @param doc the document, or NULL
 * @return the text (borrowed), or NULL when unknown or doc is NULL
 * @since 0.1
 */
NP_API const char *np_document_modified(const np_document *doc);
/**
 * The publication's name.
 * @param doc the document, or NULL
 * @return the text (borrowed), or NULL when unknown or doc is NULL
 * @since 0.1
 */
NP_API const char *np_document_site_name(const np_document *doc);
/**
 * The language as a BCP 47 tag ("en", "pt-BR").
 * @param doc the document, or NULL
 * @return the text (borrowed), or NULL when unknown or doc is NULL
 * @since 0.1
 */
NP_API const char *np_document_language(const np_document *doc);
/**
 * The canonical address.
 * @param doc the document, or NULL
 * @return the text (borrowed), or NULL when unknown or doc is NULL
 * @since 0.1
 */
NP_API const char *np_document_url(const np_document *doc);
/**
 * The lead image's address.
 * @param doc the document, or NULL
 * @return the text (borrowed), or NULL when unknown or doc is NULL
 * @since 0.1
 */
NP_API const char *np_document_image(const np_document *doc);
/** @} */

/**
 * Number of authors (bylines, one person or organisation each).
 * @param doc the document, or NULL
 * @return the number of authors; 0 for a NULL document
 * @since 0.1
 */
NP_API size_t np_document_author_count(const np_document *doc);
/**
 * The i-th author.
 * @param doc the document, or NULL
 * @param i the author's index, from 0
 * @return the name, borrowed from the document, valid until
 *         np_document_free(); NULL if i is out of range or doc is NULL
 * @since 0.1
 */
NP_API const char *np_document_author(const np_document *doc, size_t i);

/**
 * Metadata field ids (np_document_field(), np_field_name()), in the order of
 * the JSON output. Values are never renumbered; new fields are appended.
 * Parameters that take one are `int`, so the ABI does not depend on the
 * size of an enum.
 */
enum {
    NP_FIELD_TITLE = 0,       /**< "title" */
    NP_FIELD_DESCRIPTION = 1, /**< "description" */
    NP_FIELD_PUBLISHED = 2,   /**< "published" */
    NP_FIELD_MODIFIED = 3,    /**< "modified" */
    NP_FIELD_SITE_NAME = 4,   /**< "site_name" */
    NP_FIELD_LANGUAGE = 5,    /**< "language" */
    NP_FIELD_URL = 6,         /**< "url" */
    NP_FIELD_IMAGE = 7,       /**< "image" */
    NP_FIELD_AUTHORS = 8      /**< "authors" (a list: np_document_author()) */
};

/**
 * The number of metadata field ids of the library at run time (ids are 0
 * to this minus 1). A function, not a macro, so that it can grow.
 * @return the number of field ids (9 in this release)
 * @since 0.1
 */
NP_API int np_field_count(void);

/**
 * The JSON name of a field id ("title", "site_name"...).
 * @param field an NP_FIELD_* id
 * @return static text (never freed), or NULL for an unknown id
 * @since 0.1
 */
NP_API const char *np_field_name(int field);

/**
 * A metadata field by id, with where it came from.
 *
 * @param doc the document
 * @param field an NP_FIELD_* id
 * @param[out] value if not NULL, receives the value (borrowed from the
 *                   document, valid until np_document_free()), or NULL
 *                   when the field is unset; for NP_FIELD_AUTHORS the first
 *                   author
 * @param[out] source if not NULL, receives where it came from ("json-ld",
 *                    "og:title", "text"...; static text), or NULL when unset
 * @return NP_OK; NP_ENOTFOUND when the field is unset (both outputs are
 *         then NULL); NP_EINVAL for a NULL document or an unknown id
 * @since 0.1
 */
NP_API int np_document_field(const np_document *doc, int field,
                             const char **value, const char **source);

/**
 * Where a metadata field came from ("json-ld", "og:title", "text"...), by
 * its JSON name; np_document_field() does the same by id.
 *
 * @param doc the document, or NULL
 * @param field a field name of the JSON output ("title", "published"...)
 * @return static text (never freed), or NULL if the field is unknown or unset
 * @since 0.1
 */
NP_API const char *np_document_source(const np_document *doc, const char *field);

/**
 * Whether the page holds an article.
 * @param doc the document, or NULL
 * @return 0 for a home page, listing or error page (the body is then
 *         empty), and for a NULL document; 1 otherwise
 * @since 0.1
 */
NP_API int np_document_is_article(const np_document *doc);

/**
 * Whether a limit cut the document (NP_PARSE_TRUNCATE).
 * @param doc the document, or NULL
 * @return 1 when it was cut, else 0 (also for a NULL document)
 * @since 0.1
 */
NP_API int np_document_truncated(const np_document *doc);

/**
 * The cleaned article text: the blocks joined by one blank line.
 *
 * @param doc the document, or NULL
 * @param[out] len if not NULL, receives the length in bytes
 * @return borrowed from the document, valid until np_document_free();
 *         "" (never NULL, static) for an empty body or a NULL document
 * @since 0.1
 */
NP_API const char *np_document_body(const np_document *doc, size_t *len);

/**
 * Number of words in the body.
 * @param doc the document, or NULL
 * @return the count; 0 for a NULL document
 * @since 0.1
 */
NP_API size_t np_document_word_count(const np_document *doc);

/**
 * Number of body blocks.
 * @param doc the document, or NULL
 * @return the count; 0 for a NULL document
 * @since 0.1
 */
NP_API size_t np_document_block_count(const np_document *doc);
/**
 * The kind of the i-th block.
 * @param doc the document, or NULL
 * @param i the block's index, from 0
 * @return an NP_BLOCK_* kind; -1 if i is out of range or doc is NULL
 * @since 0.1
 */
NP_API int np_document_block_kind(const np_document *doc, size_t i);
/**
 * The name of a block kind ("paragraph", "heading"...).
 * @param kind an NP_BLOCK_* kind
 * @return static text (never freed), or NULL for an unknown kind
 * @since 0.1
 */
NP_API const char *np_block_kind_name(int kind);
/**
 * The text of the i-th block, NULL if out of range: borrowed from the
 * document, valid until np_document_free().
 * @param doc the document, or NULL
 * @param i the block's index, from 0
 * @param[out] len if not NULL, receives its length (0 if out of range)
 * @param[out] start if not NULL, receives its byte offset in the body (0 if
 *                   out of range)
 * @return the text, or NULL if i is out of range or doc is NULL
 * @since 0.1
 */
NP_API const char *np_document_block_text(const np_document *doc, size_t i,
                                          size_t *len, size_t *start);

/**
 * Number of images (the lead image first where known).
 * @param doc the document, or NULL
 * @return the count; 0 for a NULL document
 * @since 0.1
 */
NP_API size_t np_document_image_count(const np_document *doc);
/**
 * The i-th image's address: borrowed from the document, valid until
 * np_document_free(), as the caption and credit.
 * @param doc the document, or NULL
 * @param i the image's index, from 0
 * @return the address, or NULL if i is out of range or doc is NULL
 * @since 0.1
 */
NP_API const char *np_document_image_src(const np_document *doc, size_t i);
/**
 * The i-th image's caption.
 * @param doc the document, or NULL
 * @param i the image's index, from 0
 * @return the caption (borrowed), or NULL if none, if i is out of range
 *         or if doc is NULL
 * @since 0.1
 */
NP_API const char *np_document_image_caption(const np_document *doc, size_t i);
/**
 * The i-th image's credit.
 * @param doc the document, or NULL
 * @param i the image's index, from 0
 * @return the credit (borrowed), or NULL if none, if i is out of range
 *         or if doc is NULL
 * @since 0.1
 */
NP_API const char *np_document_image_credit(const np_document *doc, size_t i);

/**
 * Number of entities.
 * @param doc the document, or NULL
 * @return the count; 0 for a NULL document
 * @since 0.1
 */
NP_API size_t np_document_entity_count(const np_document *doc);
/**
 * The i-th entity: a view borrowed from the document, valid until
 * np_document_free(), as every string read from it.
 * @param doc the document, or NULL
 * @param i the entity's index, from 0
 * @return the entity, or NULL if i is out of range or doc is NULL
 * @since 0.1
 */
NP_API const np_entity *np_document_entity(const np_document *doc, size_t i);
/**
 * The entity's fullest name in the document.
 * @param e the entity, or NULL
 * @return the name (borrowed); NULL for a NULL entity
 * @since 0.1
 */
NP_API const char *np_entity_name(const np_entity *e);
/**
 * The entity's type.
 * @param e the entity, or NULL
 * @return NP_ENTITY_PERSON, NP_ENTITY_ORG or NP_ENTITY_PLACE; -1 for a
 *         NULL entity
 * @since 0.1
 */
NP_API int np_entity_type(const np_entity *e);
/**
 * The name of an entity type.
 * @param type an NP_ENTITY_* type
 * @return "PERSON", "ORG" or "PLACE" (static text, never freed); NULL
 *         for an unknown type
 * @since 0.1
 */
NP_API const char *np_entity_type_name(int type);
/**
 * A role the text gives the entity ("French President").
 * @param e the entity, or NULL
 * @return the role (borrowed), or NULL if none or for a NULL entity
 * @since 0.1
 */
NP_API const char *np_entity_role(const np_entity *e);
/**
 * Number of mentions.
 * @param e the entity, or NULL
 * @return the count; 0 for a NULL entity
 * @since 0.1
 */
NP_API size_t np_entity_mention_count(const np_entity *e);
/**
 * The i-th mention's byte span in the body.
 * @param e the entity
 * @param i the mention's index, from 0
 * @param[out] start if not NULL, receives the span's first byte offset
 *                   (untouched unless NP_OK)
 * @param[out] end if not NULL, receives the offset just past the span
 *                 (untouched unless NP_OK)
 * @return NP_OK, NP_EINVAL for a NULL entity, NP_ENOTFOUND if i is out of
 *         range
 * @since 0.1
 */
NP_API int np_entity_mention(const np_entity *e, size_t i,
                             size_t *start, size_t *end);

/**
 * Number of quotes.
 * @param doc the document, or NULL
 * @return the count; 0 for a NULL document
 * @since 0.1
 */
NP_API size_t np_document_quote_count(const np_document *doc);
/**
 * The i-th quote: a view borrowed from the document, valid until
 * np_document_free(), as every string read from it.
 * @param doc the document, or NULL
 * @param i the quote's index, from 0
 * @return the quote, or NULL if i is out of range or doc is NULL
 * @since 0.1
 */
NP_API const np_quote *np_document_quote(const np_document *doc, size_t i);
/**
 * The quoted words without their marks.
 * @param q the quote, or NULL
 * @return the text (borrowed); NULL for a NULL quote
 * @since 0.1
 */
NP_API const char *np_quote_text(const np_quote *q);
/**
 * Who said it: an entity's name or a noun phrase.
 * @param q the quote, or NULL
 * @return the speaker (borrowed); NULL if unknown or for a NULL quote
 * @since 0.1
 */
NP_API const char *np_quote_speaker(const np_quote *q);
/**
 * The index of the speaker among the document's entities
 * (np_document_entity()).
 * @param q the quote
 * @param[out] index receives the index (untouched unless NP_OK); may be NULL
 * @return NP_OK, NP_EINVAL for a NULL quote, NP_ENOTFOUND when the speaker
 *         is no entity (unknown, or a noun phrase)
 * @since 0.1
 */
NP_API int np_quote_speaker_entity(const np_quote *q, size_t *index);
/**
 * The attribution cue ("said").
 * @param q the quote, or NULL
 * @return the cue (borrowed); NULL if none or for a NULL quote
 * @since 0.1
 */
NP_API const char *np_quote_cue(const np_quote *q);
/**
 * The quote's kind.
 * @param q the quote, or NULL
 * @return NP_QUOTE_DIRECT or NP_QUOTE_PARTIAL; -1 for a NULL quote
 * @since 0.1
 */
NP_API int np_quote_kind(const np_quote *q);
/**
 * Byte offset of the quoted words in the body.
 * @param q the quote, or NULL
 * @return the offset; 0 for a NULL quote
 * @since 0.1
 */
NP_API size_t np_quote_start(const np_quote *q);
/**
 * Byte offset just past the quoted words in the body.
 * @param q the quote, or NULL
 * @return the offset; 0 for a NULL quote
 * @since 0.1
 */
NP_API size_t np_quote_end(const np_quote *q);

/**
 * Number of cleanup edits made to the body.
 * @param doc the document, or NULL
 * @return the count; 0 for a NULL document
 * @since 0.1
 */
NP_API size_t np_document_fix_count(const np_document *doc);
/**
 * The i-th edit: a view borrowed from the document, valid until
 * np_document_free(), as every string read from it.
 * @param doc the document, or NULL
 * @param i the edit's index, from 0
 * @return the edit, or NULL if i is out of range or doc is NULL
 * @since 0.1
 */
NP_API const np_fix *np_document_fix(const np_document *doc, size_t i);
/**
 * The rule that made the edit ("apostrophe", "entity", "mojibake"...).
 * @param f the edit, or NULL
 * @return static text (never freed); NULL for a NULL edit
 * @since 0.1
 */
NP_API const char *np_fix_rule(const np_fix *f);
/**
 * The text before the edit (borrowed): the input between
 * np_fix_input_start() and np_fix_input_end(), each byte that is not UTF-8
 * written as the four characters \\xNN. It may hold NUL bytes (a removed
 * U+0000): its length is np_fix_before_len(), not strlen().
 * @param f the edit, or NULL
 * @return the text (borrowed; "" for an insertion); NULL for a NULL edit
 * @since 0.1
 */
NP_API const char *np_fix_before(const np_fix *f);
/**
 * The length in bytes of np_fix_before().
 * @param f the edit, or NULL
 * @return the length; 0 only for an insertion (or a NULL edit)
 * @since 0.1
 */
NP_API size_t np_fix_before_len(const np_fix *f);
/**
 * The text after the edit: the output between np_fix_start() and
 * np_fix_end().
 * @param f the edit, or NULL
 * @return the text (borrowed; "" for a removal); NULL for a NULL edit
 * @since 0.1
 */
NP_API const char *np_fix_after(const np_fix *f);
/**
 * The length in bytes of np_fix_after().
 * @param f the edit, or NULL
 * @return the length; 0 only for a removal (or a NULL edit)
 * @since 0.1
 */
NP_API size_t np_fix_after_len(const np_fix *f);
/**
 * Byte offset of the edited text in the output (the body).
 * @param f the edit, or NULL
 * @return the offset; 0 for a NULL edit
 * @since 0.1
 */
NP_API size_t np_fix_start(const np_fix *f);
/**
 * Byte offset just past the edited text in the output.
 * @param f the edit, or NULL
 * @return the offset; 0 for a NULL edit
 * @since 0.1
 */
NP_API size_t np_fix_end(const np_fix *f);
/**
 * Byte offset of the original text in the input of the cleanup.
 * @param f the edit, or NULL
 * @return the offset; 0 for a NULL edit
 * @since 0.1
 */
NP_API size_t np_fix_input_start(const np_fix *f);
/**
 * Byte offset just past the original text in the cleanup's input.
 * @param f the edit, or NULL
 * @return the offset; 0 for a NULL edit
 * @since 0.1
 */
NP_API size_t np_fix_input_end(const np_fix *f);

/** @name Pipeline stages (np_document_stage_seconds())
 * @{ */
#define NP_STAGE_LOAD     0 /**< Charset decoding and the HTML or text parse. */
#define NP_STAGE_EXTRACT  1 /**< Metadata and body extraction. */
#define NP_STAGE_CLEAN    2 /**< Text cleanup. */
#define NP_STAGE_TOKENS   3 /**< Tokens and sentences. */
#define NP_STAGE_ENTITIES 4 /**< Entity recognition. */
#define NP_STAGE_QUOTES   5 /**< Quote extraction. */
/** Informational: the number of stages of this release. Stages may be
 * added without an ABI break: loop to np_stage_count(), not to this. */
#define NP_STAGE_COUNT    6
/** @} */

/**
 * The number of pipeline stages of the library at run time (stage numbers
 * are 0 to this minus 1).
 * @return the number of stages (NP_STAGE_COUNT in this release)
 * @since 0.1
 */
NP_API int np_stage_count(void);

/**
 * The name of a stage ("load", "extract", "clean", "tokens", "entities",
 * "quotes").
 * @param stage an NP_STAGE_* number
 * @return static text (never freed), or NULL for an unknown stage
 * @since 0.1
 */
NP_API const char *np_stage_name(int stage);

/**
 * The wall-clock time a stage took while this document was parsed.
 * For profiling; the values differ from run to run.
 * @param doc the document, or NULL
 * @param stage an NP_STAGE_* number
 * @return seconds; 0 for a stage that was skipped; -1 for an unknown stage
 *         or a NULL document
 * @since 0.1
 */
NP_API double np_document_stage_seconds(const np_document *doc, int stage);

/** @name JSON output flags (np_document_to_json())
 * @{ */
#define NP_JSON_PRETTY     (1u << 0) /**< Indent (one record per line otherwise). */
#define NP_JSON_NO_BLOCKS  (1u << 1) /**< Leave out "blocks". */
#define NP_JSON_NO_IMAGES  (1u << 2) /**< Leave out "images". */
#define NP_JSON_NO_SOURCES (1u << 3) /**< Leave out "sources". */
/** @} A bit not defined here is NP_EINVAL. */

/**
 * Writes the document as one JSON object (schema 1 of the command-line
 * contract: title, authors, body, entities, quotes, fixes...).
 *
 * Without NP_JSON_PRETTY the output holds no raw newline, so it is one
 * JSON Lines record.
 *
 * @param doc the document
 * @param[in] source the value of the "source" field (copied), or NULL to leave
 *               it out
 * @param flags NP_JSON_* bits
 * @param[out] out receives the NUL-terminated text (owned: free with
 *                 np_free()); NULL on failure
 * @param[out] len if not NULL, receives its length (0 on failure)
 * @return NP_OK; NP_EINVAL for NULL arguments or a bit that is not an
 *         NP_JSON_* flag; NP_EENCODING when a text of the document is not
 *         valid UTF-8 (only a caller's libxml2 tree parsed with
 *         NP_PARSE_NO_CLEAN can give one); NP_ENOMEM
 * @since 0.1
 */
NP_API int np_document_to_json(const np_document *doc, const char *source,
                               uint32_t flags, char **out, size_t *len);

/**
 * Writes the document as plain text: the title, a blank line, the body.
 * Arguments, ownership and errors as np_document_to_json(); no flag is
 * defined yet, so flags must be 0 (else NP_EINVAL).
 * @param doc the document
 * @param flags 0 (no flag is defined yet)
 * @param[out] out receives the NUL-terminated text (owned: free with
 *                 np_free()); NULL on failure
 * @param[out] len if not NULL, receives its length (0 on failure)
 * @return NP_OK; NP_EINVAL for NULL arguments or non-zero flags;
 *         NP_ENOMEM
 * @since 0.1
 */
NP_API int np_document_to_text(const np_document *doc, uint32_t flags,
                               char **out, size_t *len);

/**
 * Writes the document as Markdown (CommonMark): the title as a level-1
 * heading, then the blocks (headings at level 2, "- " list items, "> "
 * blockquotes, fenced preformatted text, escaped paragraphs).
 * Arguments, ownership and errors as np_document_to_json(); no flag is
 * defined yet, so flags must be 0 (else NP_EINVAL).
 * @param doc the document
 * @param flags 0 (no flag is defined yet)
 * @param[out] out receives the NUL-terminated text (owned: free with
 *                 np_free()); NULL on failure
 * @param[out] len if not NULL, receives its length (0 on failure)
 * @return NP_OK; NP_EINVAL for NULL arguments or non-zero flags;
 *         NP_ENOMEM
 * @since 0.1
 */
NP_API int np_document_to_markdown(const np_document *doc, uint32_t flags,
                                   char **out, size_t *len);

/**
 * Writes the article alone as a small HTML page of semantic elements
 * (h1, a byline with a time element, the lead image in a figure, p, h2,
 * ul/li, blockquote, pre), every text escaped.
 * Arguments, ownership and errors as np_document_to_json(); no flag is
 * defined yet, so flags must be 0 (else NP_EINVAL).
 * @param doc the document
 * @param flags 0 (no flag is defined yet)
 * @param[out] out receives the NUL-terminated text (owned: free with
 *                 np_free()); NULL on failure
 * @param[out] len if not NULL, receives its length (0 on failure)
 * @return NP_OK; NP_EINVAL for NULL arguments or non-zero flags;
 *         NP_ENOMEM
 * @since 0.1
 */
NP_API int np_document_to_html(const np_document *doc, uint32_t flags,
                               char **out, size_t *len);

#ifdef __cplusplus
}
#endif

#endif /* NEWSPARSE_DOCUMENT_H */

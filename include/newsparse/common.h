/**
 * @file newsparse/common.h
 * @brief Export macro, error codes and version of the newsparse library.
 *
 * Users include only <newsparse/newsparse.h>.
 */
#ifndef NEWSPARSE_COMMON_H
#define NEWSPARSE_COMMON_H

#include <stddef.h>
#include <stdint.h>

#include "newsparse/version.h"

/**
 * @def NP_API
 * Marks a public function: exported from the shared library (visibility
 * "default", or dllexport/dllimport on Windows), empty when NP_STATIC is
 * defined for a static link.
 */
#if defined(NP_STATIC)
#  define NP_API
#elif defined(_WIN32)
#  if defined(NP_BUILDING)
#    define NP_API __declspec(dllexport)
#  else
#    define NP_API __declspec(dllimport)
#  endif
#elif defined(__GNUC__) && __GNUC__ >= 4
#  define NP_API __attribute__((visibility("default")))
#else
#  define NP_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Error codes returned by every fallible call. Never renumbered; new codes
 * are appended.
 */
#define NP_OK        0   /**< Success. */
#define NP_ERROR    -1   /**< Generic error. */
#define NP_ENOMEM   -2   /**< An allocation failed. */
#define NP_EINVAL   -3   /**< An argument was invalid (NULL, bad version...). */
#define NP_EENCODING -4  /**< The input could not be decoded. */
#define NP_EPARSE   -5   /**< The input could not be parsed. */
#define NP_ENOTFOUND -6  /**< A requested item does not exist. */
#define NP_ELIMIT   -7   /**< A configured limit was exceeded. */

/**
 * Static English text for an error code.
 *
 * @param code one of the NP_* codes (any other value gives "unknown error")
 * @return static: never NULL, never freed
 * @since 0.1
 */
NP_API const char *np_strerror(int code);

/**
 * The symbolic name of an error code ("NP_EINVAL"), for machine output.
 *
 * @param code one of the NP_* codes
 * @return static: never NULL, never freed; "NP_UNKNOWN" for a value that is
 *         no NP_* code (no code has that name)
 * @since 0.1
 */
NP_API const char *np_strerror_name(int code);

/**
 * The library's version at run time, "MAJOR.MINOR.PATCH".
 *
 * Equal to NP_VERSION_STRING of the headers the library was built with.
 *
 * @return static: never NULL, never freed
 * @since 0.1
 */
NP_API const char *np_version(void);

/**
 * The library's version at run time as a number,
 * MAJOR * 10000 + MINOR * 100 + PATCH (same as NP_VERSION_NUMBER).
 * @return the version number (for example 10203 for 1.2.3)
 * @since 0.1
 */
NP_API int np_version_number(void);

/**
 * Frees a string or buffer the library allocated and handed to the caller
 * as owned (for example the result of np_document_to_json()).
 *
 * Never pass memory from malloc() here, nor library memory to free().
 * np_free(NULL) is a no-op.
 *
 * @param[in] ptr the memory to free (ownership passes to the library), or
 *                NULL
 * @since 0.1
 */
NP_API void np_free(void *ptr);

#ifdef __cplusplus
}
#endif

#endif /* NEWSPARSE_COMMON_H */

/* Text cleanup (first version: no rule yet; output = valid UTF-8 input). */
#include <string.h>

#include "np_internal.h"

struct np_clean_result {
    char *text;
    size_t len;
    np__vec fixes;
};

int np_clean_options_init(np_clean_options *opts, unsigned int version)
{
    if (!opts || version == 0 || version > NP_CLEAN_OPTIONS_VERSION)
        return NP_EINVAL;
    memset(opts, 0, sizeof(*opts));
    opts->version = version;
    return NP_OK;
}

int np_clean(np_clean_result **out, const char *buf, size_t len,
             const np_clean_options *opts)
{
    np_clean_result *r;
    if (out)
        *out = NULL;
    if (!out || (!buf && len))
        return NP_EINVAL;
    if (opts && (opts->version == 0 || opts->version > NP_CLEAN_OPTIONS_VERSION))
        return NP_EINVAL;
    r = np__calloc(1, sizeof(*r));
    if (!r)
        return NP_ENOMEM;
    np__vec_init(&r->fixes, sizeof(np_fix));
    r->text = np__strndup(buf ? buf : "", len);
    if (!r->text) {
        np__free(r);
        return NP_ENOMEM;
    }
    r->len = len;
    *out = r;
    return NP_OK;
}

const char *np_clean_result_text(const np_clean_result *r, size_t *len)
{
    if (len)
        *len = r ? r->len : 0;
    return r ? r->text : "";
}

size_t np_clean_result_fix_count(const np_clean_result *r)
{
    return r ? r->fixes.len : 0;
}

const np_fix *np_clean_result_fix(const np_clean_result *r, size_t i)
{
    return r && i < r->fixes.len ? np__vec_at(&r->fixes, i) : NULL;
}

void np_clean_result_free(np_clean_result *r)
{
    if (!r)
        return;
    np__vec_free(&r->fixes);
    np__free(r->text);
    np__free(r);
}

int np__clean_document(np__ctx *c)
{
    (void)c;
    return NP_OK;
}

void np__text_state_free(struct np__text_state *s)
{
    (void)s;
}

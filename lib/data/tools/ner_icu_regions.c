/*
 * Prints the English names ICU gives to every ISO 3166 country and to the
 * continents and sub-continents (UN M.49), one "CODE<TAB>KIND<TAB>Name" a
 * line, for lib/data/gen_ner_data.py. Not part of the library.
 *
 *   cc ner_icu_regions.c $(pkg-config --cflags --libs icu-uc icu-i18n) \
 *      -o ner_icu_regions && ./ner_icu_regions > ../ner_icu_regions.txt
 */
#include <stdio.h>
#include <string.h>

#include <unicode/uenum.h>
#include <unicode/uloc.h>
#include <unicode/uregion.h>
#include <unicode/ustring.h>

static void put(const char *code, const char *kind, const char *variant)
{
    char loc[64];
    UChar name[256];
    char out[512];
    UErrorCode st = U_ZERO_ERROR;
    int32_t n;

    snprintf(loc, sizeof loc, "und_%s", code);
    n = uloc_getDisplayCountry(loc, variant, name, 256, &st);
    if (U_FAILURE(st) || n <= 0)
        return;
    u_strToUTF8(out, sizeof out, NULL, name, n, &st);
    if (U_FAILURE(st) || strcmp(out, code) == 0)
        return;
    printf("%s\t%s\t%s\n", code, kind, out);
}

int main(void)
{
    const char *const *cc = uloc_getISOCountries();
    static const URegionType types[] = { URGN_CONTINENT, URGN_SUBCONTINENT,
                                         URGN_GROUPING };
    size_t i;

    for (; *cc; cc++) {
        put(*cc, "country", "en");
        put(*cc, "country", "en@alt=short");
    }
    for (i = 0; i < sizeof types / sizeof types[0]; i++) {
        UErrorCode st = U_ZERO_ERROR;
        UEnumeration *e = uregion_getAvailable(types[i], &st);
        const char *code;
        while (U_SUCCESS(st) && (code = uenum_next(e, NULL, &st)) != NULL)
            put(code, types[i] == URGN_GROUPING ? "grouping" : "region", "en");
        uenum_close(e);
    }
    return 0;
}

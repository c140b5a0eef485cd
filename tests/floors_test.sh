#!/bin/sh
# The floors check (scripts/check_floors.sh): the tree passes it, and a
# copy of lib/ with includes that point up or sideways fails it, naming
# each one.
# usage: sh tests/floors_test.sh SOURCE_DIR WORK_DIR
set -eu
SRC=$1
WORK=$2
CHECK="$SRC/scripts/check_floors.sh"

sh "$CHECK" "$SRC/lib"

rm -rf "$WORK"
mkdir -p "$WORK"
cp -R "$SRC/lib" "$WORK/lib"
L=$WORK/lib
# util sees the document model (up), meta reaches across to extract
# (beside), text reaches into nlp (up), a stage takes the umbrella,
# a bare name that is not in the folder, and a new folder without a floor.
printf '#include "doc/document.h"\n' >> "$L/util/buf.c"
printf '#include "extract/extract.h"\n' >> "$L/meta/date.c"
printf '  #  include "nlp/nlp.h"\n' >> "$L/text/passes.c"
printf '#include "np_internal.h"\n' >> "$L/load/text.c"
printf '#include "text.h"\n' >> "$L/nlp/quotes.c"
mkdir -p "$L/misc"
printf '#include "util/util.h"\n' > "$L/misc/new.c"

if sh "$CHECK" "$L" > "$WORK/out.txt" 2>&1; then
    cat "$WORK/out.txt"
    echo "FAIL: the check passed a tree with includes that point up"
    exit 1
fi
cat "$WORK/out.txt"
for want in "lib/util/buf.c: includes \"doc/document.h\"" \
            "lib/meta/date.c: includes \"extract/extract.h\"" \
            "lib/text/passes.c: includes \"nlp/nlp.h\"" \
            "lib/load/text.c: includes np_internal.h" \
            "lib/nlp/quotes.c: includes \"text.h\"" \
            "lib/misc/new.c: the folder lib/misc/ has no floor"; do
    if ! grep -qF "$want" "$WORK/out.txt"; then
        echo "FAIL: not reported: $want"
        exit 1
    fi
done
n=$(grep -c '^lib/' "$WORK/out.txt")
if [ "$n" -ne 6 ]; then
    echo "FAIL: $n reports, expected exactly the 6 planted ones"
    exit 1
fi
rm -rf "$WORK"
echo "floors: the tree passes; the 6 planted violations are each reported"

#!/bin/sh
# The ABI baseline: the exported symbols (abi/symbols.txt) and libabigail's
# dump of the public types and functions (abi/libnewsparse.abi).
#
#   abi.sh check  LIB [SOURCE_DIR]   compare LIB (libnewsparse.so.*) with the
#                                    baseline; exit 1 on a difference
#   abi.sh update LIB [SOURCE_DIR]   rewrite the baseline from LIB, on purpose
#                                    (docs/abi.md says when)
#
# The symbol list must match exactly: a function added, removed or renamed
# fails until the baseline is updated in the same change. abidiff (Debian's
# abigail-tools) then compares types: a removed function or a changed
# signature or options struct fails; additions alone pass. Without abidiff,
# or for a library without debug information, only the symbols are
# compared; NP_ABI_STRICT=1 makes that an error (CI sets it).
set -eu

mode=${1:-}
lib=${2:-}
src=${3:-$(cd "$(dirname "$0")/.." && pwd)}
if [ -z "$mode" ] || [ -z "$lib" ] || [ ! -f "$lib" ]; then
    echo "usage: $0 check|update LIB [SOURCE_DIR]" >&2
    exit 2
fi
src=$(cd "$src" && pwd)
base=$src/abi
build_inc=$(cd "$(dirname "$lib")" && pwd)/include/newsparse
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

symbols() {
    nm -D --defined-only "$1" | awk '$2 != "A" { print $3 }' | LC_ALL=C sort -u
}

dump() {
    # paths made relative to the source folder, so that the file does not
    # depend on where the tree was built
    abidw --headers-dir "$src/include/newsparse" --headers-dir "$build_inc" \
        --no-corpus-path --no-comp-dir-path --no-show-locs --drop-private-types \
        "$1" | sed "s|path='$src/|path='|g"
}

have_debug() {
    readelf -S "$1" 2>/dev/null | grep -q '\.debug_info'
}

case $mode in
update)
    mkdir -p "$base"
    symbols "$lib" >"$base/symbols.txt"
    command -v abidw >/dev/null 2>&1 || { echo "abidw not found (apt-get install abigail-tools)" >&2; exit 1; }
    have_debug "$lib" || { echo "$lib has no debug information: build with -g (RelWithDebInfo)" >&2; exit 1; }
    dump "$lib" >"$base/libnewsparse.abi"
    echo "abi: baseline updated: $(wc -l <"$base/symbols.txt") symbols"
    ;;
check)
    symbols "$lib" >"$tmp/symbols.txt"
    if ! diff -u "$base/symbols.txt" "$tmp/symbols.txt"; then
        echo "abi: the exported symbols (+) differ from the baseline (-) in abi/symbols.txt." >&2
        echo "abi: a removed or renamed function breaks every program linked to it;" >&2
        echo "abi: an added one is recorded on purpose: see docs/abi.md, 'Updating the baseline'." >&2
        exit 1
    fi
    echo "abi: $(wc -l <"$tmp/symbols.txt") exported symbols, as in the baseline"
    if ! command -v abidiff >/dev/null 2>&1 || ! have_debug "$lib"; then
        if [ "${NP_ABI_STRICT:-0}" = 1 ]; then
            echo "abi: abidiff or debug information missing, and NP_ABI_STRICT=1" >&2
            exit 1
        fi
        echo "abi: types not compared (no abidiff, or no debug information in $lib)"
        exit 0
    fi
    rc=0
    abidiff --hd2 "$src/include/newsparse" --hd2 "$build_inc" \
        "$base/libnewsparse.abi" "$lib" >"$tmp/report.txt" 2>&1 || rc=$?
    # exit bits: 1 error, 2 usage, 4 a change, 8 an incompatible change
    if [ $((rc & 3)) -ne 0 ]; then
        cat "$tmp/report.txt" >&2
        echo "abi: abidiff failed (exit $rc)" >&2
        exit 1
    fi
    if [ $((rc & 12)) -ne 0 ] &&
       grep -Eq '([1-9][0-9]* Removed|[1-9][0-9]* Changed)' "$tmp/report.txt"; then
        cat "$tmp/report.txt" >&2
        echo "abi: a function or type of the baseline was removed or changed;" >&2
        echo "abi: that is a break (docs/abi.md): keep the old one, or bump the SONAME" >&2
        echo "abi: and update the baseline on purpose." >&2
        exit 1
    fi
    echo "abi: no function or type of the baseline removed or changed"
    ;;
*)
    echo "usage: $0 check|update LIB [SOURCE_DIR]" >&2
    exit 2
    ;;
esac

#!/bin/sh
# Checks that the library's includes only point down its floors (see
# docs/architecture.md): a file under lib/ may include the public headers,
# headers of its own folder, and headers of the folders listed for its
# folder below; nothing else. Prints every include that breaks the rule
# and exits 1 if there is one.
#
# usage: sh scripts/check_floors.sh [LIBDIR]    (default: lib)
set -eu
LIB=${1:-lib}

# The folders each folder may include, besides its own. The order of the
# list is the order of the floors, from the bottom up.
allowed() {
    case $1 in
    util)    echo "" ;;
    data)    echo "util" ;;
    doc)     echo "util" ;;
    load)    echo "util doc" ;;
    meta)    echo "util data doc load" ;;
    extract) echo "util data doc load meta" ;;
    text)    echo "util doc data" ;;
    nlp)     echo "util doc data text" ;;
    emit)    echo "util doc" ;;
    .)       echo "util data doc load meta extract text nlp emit" ;;
    *)       echo "?" ;;
    esac
}

[ -d "$LIB" ] || { echo "check_floors: no folder $LIB" >&2; exit 2; }
bad=0
files=$(cd "$LIB" && find . -name '*.[ch]' | sed 's|^\./||' | LC_ALL=C sort)
for f in $files; do
    case $f in
    */*) dir=${f%%/*} ;;
    *)   dir=. ;;
    esac
    ok=$(allowed "$dir")
    if [ "$ok" = "?" ]; then
        echo "lib/$f: the folder lib/$dir/ has no floor in scripts/check_floors.sh (add it there and to docs/architecture.md)"
        bad=1
        continue
    fi
    incs=$(sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"\([^"]*\)".*/\1/p' "$LIB/$f")
    for inc in $incs; do
        case $inc in
        newsparse/*) continue ;;           # the public headers
        np_internal.h)
            echo "lib/$f: includes np_internal.h (the umbrella for tests): include the floors' own headers"
            bad=1
            continue ;;
        */*) to=${inc%%/*} ;;
        *)
            # a bare name is a header of the file's own folder
            if [ -f "$LIB/$dir/$inc" ]; then continue; fi
            echo "lib/$f: includes \"$inc\", which is not in lib/$dir/"
            bad=1
            continue ;;
        esac
        [ "$to" = "$dir" ] && continue
        case " $ok " in
        *" $to "*) continue ;;
        esac
        if [ "$dir" = . ]; then where="lib/"; else where="lib/$dir/"; fi
        echo "lib/$f: includes \"$inc\": $where may include only its own headers${ok:+ and those of: $ok}"
        bad=1
    done
done
if [ $bad -ne 0 ]; then
    echo "check_floors: includes that do not point down (docs/architecture.md)" >&2
    exit 1
fi
echo "check_floors: every include of $LIB points down"

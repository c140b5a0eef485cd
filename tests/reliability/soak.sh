#!/bin/sh
# Soak: 10,000 documents (the dev pages, repeated and mutated) parsed in one
# process; prints resident memory every thousand documents, and the highest
# reading after any document of that thousand. Memory is flat when that
# highest reading does not grow from the first thousand to the last (a
# single reading moves with what the allocator keeps between documents).
#
#   sh tests/reliability/soak.sh [BUILD_DIR] [N]
#
# BUILD_DIR: a normal build (default: build). The pages come from
# $NP_SHARED_DIR/bench (default ../shared/bench), or the bundled examples.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$root/build}
n=${2:-10000}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cc -O2 -I"$root/include" -I"$build/include" -DNP_STATIC -o "$tmp/soak" \
    "$root/tests/reliability/soak.c" "$build/libnewsparse.a" \
    $(pkg-config --libs libxml-2.0 icu-uc icu-i18n jansson) -lpthread -lm
dev=${NP_SHARED_DIR:-$root/../shared}/bench/extraction/dev
if [ -d "$dev" ]; then
    for f in "$dev"/*.html.gz; do
        gzip -dc "$f" > "$tmp/$(basename "$f" .gz)"
    done
    set -- "$tmp"/*.html
else
    echo "no benchmark data: soaking on the bundled examples"
    set -- "$root"/examples/data/article.html "$root"/examples/data/article.txt
fi
echo "$# pages, $n documents"
"$tmp/soak" -n "$n" "$@"

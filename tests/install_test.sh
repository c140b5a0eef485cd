#!/bin/sh
# Configures newsparse for one prefix, installs it into another with
# `cmake --install --prefix` (as the README does), and builds a consumer
# against the installed files only, the two ways the README documents:
#   1. pkg-config --cflags --libs newsparse
#   2. a CMake project with find_package(newsparse) and newsparse::newsparse
# (and newsparse::newsparse_static), then runs each consumer on the bundled
# article. Also checks the installed shared library (SONAME
# libnewsparse.so.0, exactly the public np_* functions exported), that the
# installed `newsparse` command finds its library without LD_LIBRARY_PATH,
# and that the static library links whole (-Wl,--whole-archive).
#
# usage: install_test.sh SOURCE_DIR WORK_DIR [C_COMPILER]
set -eu

if [ $# -lt 2 ]; then
    echo "usage: $0 SOURCE_DIR WORK_DIR [C_COMPILER]" >&2
    exit 2
fi
src=$(cd "$1" && pwd)
work=$2
cc=${3:-${CC:-cc}}

fail() {
    echo "install test: FAIL: $*" >&2
    exit 1
}
step() {
    echo "== $*"
}

for tool in cmake pkg-config nm readelf; do
    command -v "$tool" >/dev/null 2>&1 || { echo "skip: $tool not found"; exit 77; }
done

rm -rf "$work"
mkdir -p "$work"
work=$(cd "$work" && pwd)
prefix=$work/prefix
configured=$work/configured-prefix
article=$src/examples/data/article.html
headline="Macron Offers to Mediate US-Russia Summit, Putin Slams NATO Military Aid to Ukraine"
jobs=${NP_INSTALL_TEST_JOBS:-2}

# Configured for one prefix, installed into another: nothing installed may
# keep the configured prefix.
step "configure for $configured, build, install into $prefix"
cmake -S "$src" -B "$work/build" -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_C_COMPILER="$cc" -DCMAKE_INSTALL_PREFIX="$configured" \
    -DCMAKE_INSTALL_LIBDIR=lib -DNP_TESTS=OFF -DNP_EXAMPLES=ON \
    >"$work/configure.log" 2>&1 || { cat "$work/configure.log"; fail "configure"; }
cmake --build "$work/build" -j "$jobs" >"$work/build.log" 2>&1 ||
    { cat "$work/build.log"; fail "build"; }
cmake --install "$work/build" --prefix "$prefix" >"$work/install.log" 2>&1 ||
    { cat "$work/install.log"; fail "install"; }
[ ! -e "$configured" ] || fail "something was installed into the configured prefix"
if grep -rl "$configured" "$prefix" >"$work/bad.txt"; then
    cat "$work/bad.txt"
    fail "installed files name the configured prefix $configured"
fi

lib=$prefix/lib/libnewsparse.so.0
for f in "$prefix/include/newsparse/newsparse.h" \
         "$prefix/include/newsparse/version.h" \
         "$prefix/lib/libnewsparse.a" \
         "$prefix/lib/pkgconfig/newsparse.pc" \
         "$prefix/lib/cmake/newsparse/newsparseConfig.cmake" \
         "$prefix/lib/cmake/newsparse/newsparseConfigVersion.cmake" \
         "$prefix/share/man/man3/newsparse.3" \
         "$prefix/bin/newsparse" \
         "$lib"; do
    [ -e "$f" ] || fail "not installed: $f"
done

step "SONAME"
soname=$(readelf -d "$lib" | sed -n 's/.*(SONAME).*\[\(.*\)\].*/\1/p')
[ "$soname" = "libnewsparse.so.0" ] || fail "SONAME is '$soname', expected libnewsparse.so.0"
echo "SONAME $soname"

step "exported symbols"
# Defined dynamic symbols, without their version suffix; the version node
# itself (an absolute symbol named after the version script's node) is not
# a function and is left out.
nm -D --defined-only "$lib" | awk '$2 != "A" { sub(/@.*/, "", $3); print $3 }' |
    sort -u >"$work/exported.txt"
[ -s "$work/exported.txt" ] || fail "no symbol exported"
if grep -v '^np_' "$work/exported.txt" >"$work/bad.txt"; then
    cat "$work/bad.txt"
    fail "symbols outside np_* are exported"
fi
if grep '^np__' "$work/exported.txt" >"$work/bad.txt"; then
    cat "$work/bad.txt"
    fail "internal np__* symbols are exported"
fi
# Every exported function is declared NP_API in a public header, and every
# such declaration is exported.
cat "$prefix"/include/newsparse/*.h | tr '\n' ' ' | tr ';' '\n' |
    sed -n 's/.*NP_API[^(]*[^A-Za-z0-9_]\(np_[A-Za-z0-9_]*\) *(.*/\1/p' |
    sort -u >"$work/declared.txt"
[ -s "$work/declared.txt" ] || fail "no NP_API declaration found in the headers"
if ! diff -u "$work/declared.txt" "$work/exported.txt"; then
    fail "exported symbols (+) differ from the public declarations (-)"
fi
echo "$(wc -l <"$work/exported.txt") np_* functions exported, all declared"

check_output() { # name file
    grep -qF "$headline" "$2" || { cat "$2"; fail "$1: headline not in the output"; }
    grep -q 'On Sunday, French President Emmanuel Macron' "$2" ||
        { cat "$2"; fail "$1: body not in the output"; }
}

step "the installed command runs from the prefix"
# No LD_LIBRARY_PATH: the command finds the library through its run path.
readelf -d "$prefix/bin/newsparse" | grep -E 'R(UN)?PATH' | grep -qF '$ORIGIN/../lib' ||
    { readelf -d "$prefix/bin/newsparse"; fail "the command has no \$ORIGIN/../lib run path"; }
found=$(env -u LD_LIBRARY_PATH ldd "$prefix/bin/newsparse" |
        sed -n 's/^[[:space:]]*libnewsparse\.so\.0 => \(\/[^ ]*\) .*/\1/p')
[ -n "$found" ] && [ "$(readlink -f "$found")" = "$(readlink -f "$lib")" ] ||
    { env -u LD_LIBRARY_PATH ldd "$prefix/bin/newsparse"; fail "the command does not find $lib"; }
echo "the command loads $found"
env -u LD_LIBRARY_PATH "$prefix/bin/newsparse" parse "$article" >"$work/out-cli.json" ||
    fail "the installed command exited with $?"
grep -qF "$headline" "$work/out-cli.json" || { cat "$work/out-cli.json"; fail "the command's output lacks the headline"; }
echo "ok"

step "consumer built with pkg-config"
PKG_CONFIG_PATH=$prefix/lib/pkgconfig
export PKG_CONFIG_PATH
pkg-config --exists newsparse || fail "pkg-config cannot find newsparse"
pc_prefix=$(pkg-config --variable=prefix newsparse)
[ "$(cd "$pc_prefix" && pwd -P)" = "$(cd "$prefix" && pwd -P)" ] ||
    fail "pkg-config's prefix is $pc_prefix, not the install prefix $prefix"
echo "pkg-config: $(pkg-config --cflags --libs newsparse)"
[ "$(pkg-config --modversion newsparse)" = "$(sed -n 's/^ *project(newsparse VERSION \([0-9.]*\).*/\1/p' "$src/CMakeLists.txt")" ] ||
    fail "pkg-config version $(pkg-config --modversion newsparse) differs from the project's"
# shellcheck disable=SC2046
"$cc" -std=c11 -Wall -Wextra -pedantic -Werror -o "$work/minimal-pc" \
    "$src/examples/minimal.c" $(pkg-config --cflags --libs newsparse) ||
    fail "cannot build minimal.c with pkg-config"
LD_LIBRARY_PATH=$prefix/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
export LD_LIBRARY_PATH
ldd "$work/minimal-pc" | grep -q "$lib" ||
    { ldd "$work/minimal-pc"; fail "minimal-pc does not use the installed library"; }
"$work/minimal-pc" "$article" >"$work/out-pc.txt" || fail "minimal-pc exited with $?"
check_output minimal-pc "$work/out-pc.txt"
echo "ok"

step "consumer built with find_package(newsparse)"
mkdir -p "$work/consumer"
cat >"$work/consumer/CMakeLists.txt" <<EOF
cmake_minimum_required(VERSION 3.16)
project(newsparse_consumer LANGUAGES C)
find_package(newsparse 0.1 REQUIRED)
add_executable(minimal "$src/examples/minimal.c")
target_link_libraries(minimal PRIVATE newsparse::newsparse)
add_executable(minimal_static "$src/examples/minimal.c")
target_link_libraries(minimal_static PRIVATE newsparse::newsparse_static)
EOF
cmake -S "$work/consumer" -B "$work/consumer/build" -DCMAKE_C_COMPILER="$cc" \
    -DCMAKE_PREFIX_PATH="$prefix" >"$work/consumer.log" 2>&1 &&
cmake --build "$work/consumer/build" -j "$jobs" >>"$work/consumer.log" 2>&1 ||
    { cat "$work/consumer.log"; fail "cannot build the find_package consumer"; }
"$work/consumer/build/minimal" "$article" >"$work/out-cmake.txt" ||
    fail "find_package consumer exited with $?"
check_output minimal-cmake "$work/out-cmake.txt"
cmp -s "$work/out-pc.txt" "$work/out-cmake.txt" ||
    fail "the two consumers print different text"
if readelf -d "$work/consumer/build/minimal_static" | grep -q 'libnewsparse'; then
    fail "minimal_static depends on the shared library"
fi
"$work/consumer/build/minimal_static" "$article" >"$work/out-static.txt" ||
    fail "static consumer exited with $?"
cmp -s "$work/out-pc.txt" "$work/out-static.txt" ||
    fail "the static consumer prints different text"
echo "ok"

step "the static library links whole (-Wl,--whole-archive)"
# Every object of libnewsparse.a linked in: no stray main() or duplicate
# symbol may be inside it.
# shellcheck disable=SC2046
"$cc" -std=c11 -Wall -Wextra -pedantic -Werror -DNP_STATIC -o "$work/minimal-whole" \
    "$src/examples/minimal.c" $(pkg-config --cflags newsparse) \
    -Wl,--whole-archive "$prefix/lib/libnewsparse.a" -Wl,--no-whole-archive \
    $(pkg-config --libs libxml-2.0 icu-uc icu-i18n jansson) -lpthread ||
    fail "minimal.c does not link with the whole static library"
"$work/minimal-whole" "$article" >"$work/out-whole.txt" ||
    fail "minimal-whole exited with $?"
cmp -s "$work/out-pc.txt" "$work/out-whole.txt" ||
    fail "the whole-archive consumer prints different text"
echo "ok"

step "the Python package finds the library of its prefix"
pyinit=$(find "$prefix" -path '*/newsparse/__init__.py' | head -n 1)
if [ -z "$pyinit" ]; then
    echo "skip: no Python package installed (NP_PYTHON off)"
else
    pydir=$(dirname "$(dirname "$pyinit")")
    env -u NEWSPARSE_LIBRARY -u LD_LIBRARY_PATH PYTHONPATH="$pydir" PYTHONDONTWRITEBYTECODE=1 \
        python3 -c 'import sys, newsparse
doc = newsparse.parse_html(open(sys.argv[1], "rb").read())
sys.stdout.write(doc.to_json(source=sys.argv[1]) + "\n")
sys.stderr.write(newsparse.load()._name + "\n")' "$article" >"$work/out-py.json" 2>"$work/py.err" ||
        { cat "$work/py.err"; fail "the installed Python package failed"; }
    [ "$(readlink -f "$(cat "$work/py.err")")" = "$(readlink -f "$lib")" ] ||
        { cat "$work/py.err"; fail "the Python package did not load $lib"; }
    cmp -s "$work/out-cli.json" "$work/out-py.json" ||
        fail "the Python package's JSON differs from the command's"
    echo "ok: $pydir"
fi

step "error path"
if "$work/minimal-pc" "$work/no-such-file.html" >/dev/null 2>"$work/err.txt"; then
    fail "minimal succeeded on a missing file"
fi
[ -s "$work/err.txt" ] || fail "minimal printed no error for a missing file"

rm -rf "$work/build" "$work/consumer/build"
echo "install test: all passed"

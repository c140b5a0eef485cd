#!/bin/sh
# Builds the Debian packages with cpack (a build configured for /usr, as a
# distribution would), checks their names, contents and dependencies,
# unpacks them into a scratch root with `dpkg -x` (nothing is installed on
# the machine), and builds examples/minimal.c against that root with
# pkg-config (the .pc finds its prefix from its own place, ${pcfiledir});
# runs it, the packaged command and the packaged Python binding on the
# bundled article.
#
# usage: packages_test.sh SOURCE_DIR WORK_DIR [C_COMPILER]
set -eu

if [ $# -lt 2 ]; then
    echo "usage: $0 SOURCE_DIR WORK_DIR [C_COMPILER]" >&2
    exit 2
fi
src=$(cd "$1" && pwd)
work=$2
cc=${3:-${CC:-cc}}

fail() {
    echo "packages test: FAIL: $*" >&2
    exit 1
}
step() {
    echo "== $*"
}

for tool in cmake cpack dpkg dpkg-deb dpkg-shlibdeps pkg-config; do
    command -v "$tool" >/dev/null 2>&1 || { echo "skip: $tool not found (Debian: dpkg-dev)"; exit 77; }
done

rm -rf "$work"
mkdir -p "$work"
work=$(cd "$work" && pwd)
root=$work/root
article=$src/examples/data/article.html
headline="Macron Offers to Mediate US-Russia Summit, Putin Slams NATO Military Aid to Ukraine"
version=$(sed -n 's/^ *project(newsparse VERSION \([0-9.]*\).*/\1/p' "$src/CMakeLists.txt")
jobs=${NP_INSTALL_TEST_JOBS:-2}

step "configure for /usr, build, cpack -G DEB"
cmake -S "$src" -B "$work/build" -DCMAKE_BUILD_TYPE=Release -DCMAKE_C_COMPILER="$cc" \
    -DCMAKE_INSTALL_PREFIX=/usr -DNP_TESTS=OFF -DNP_EXAMPLES=ON \
    -DNP_PYTHON_SITEDIR=lib/python3/dist-packages \
    >"$work/configure.log" 2>&1 || { cat "$work/configure.log"; fail "configure"; }
cmake --build "$work/build" -j "$jobs" >"$work/build.log" 2>&1 ||
    { cat "$work/build.log"; fail "build"; }
(cd "$work/build" && cpack -G DEB) >"$work/cpack.log" 2>&1 ||
    { cat "$work/cpack.log"; fail "cpack"; }

arch=$(dpkg --print-architecture)
deb() { echo "$work/build/${1}_${version}_${arch}.deb"; }
field() { dpkg-deb -f "$(deb "$1")" "$2"; }
for p in libnewsparse0 libnewsparse-dev newsparse; do
    [ -f "$(deb $p)" ] || { ls "$work/build"/*.deb; fail "no package $p"; }
done
ls "$work/build"/*.deb | sed "s|$work/build/||"

step "names, contents, dependencies"
contents() { dpkg-deb -c "$(deb "$1")" | awk '{print $6}' | sed 's|^\./|/|'; }
contents libnewsparse0 >"$work/lib.txt"
contents libnewsparse-dev >"$work/dev.txt"
contents newsparse >"$work/cli.txt"
grep -q '^/usr/lib/.*/libnewsparse\.so\.0$' "$work/lib.txt" || { cat "$work/lib.txt"; fail "libnewsparse0 lacks libnewsparse.so.0"; }
! grep -q -e '\.h$' -e '\.a$' -e '\.pc$' -e '/bin/' "$work/lib.txt" || { cat "$work/lib.txt"; fail "libnewsparse0 holds development files or programs"; }
for f in '/usr/include/newsparse/newsparse\.h$' '/usr/lib/.*/libnewsparse\.so$' \
         '/usr/lib/.*/libnewsparse\.a$' '/usr/lib/.*/pkgconfig/newsparse\.pc$' \
         '/usr/lib/.*/cmake/newsparse/newsparseConfig\.cmake$'; do
    grep -q "$f" "$work/dev.txt" || { cat "$work/dev.txt"; fail "libnewsparse-dev lacks $f"; }
done
grep -q '^/usr/bin/newsparse$' "$work/cli.txt" || { cat "$work/cli.txt"; fail "newsparse lacks /usr/bin/newsparse"; }
! grep -q 'libnewsparse\.so' "$work/cli.txt" || fail "the newsparse package holds the library"
[ "$(field libnewsparse0 Section)" = libs ] || fail "libnewsparse0 is not in section libs"
# the shared library's own dependencies, from dpkg-shlibdeps
dep=$(field libnewsparse0 Depends)
echo "libnewsparse0 Depends: $dep"
for d in libc6 libxml2 libicu libjansson4; do
    echo "$dep" | grep -q "$d" || fail "libnewsparse0 does not depend on $d"
done
dep=$(field libnewsparse-dev Depends)
echo "libnewsparse-dev Depends: $dep"
for d in "libnewsparse0 (= $version)" libxml2-dev libicu-dev libjansson-dev; do
    echo "$dep" | grep -qF "$d" || fail "libnewsparse-dev does not depend on $d"
done
dep=$(field newsparse Depends)
echo "newsparse Depends: $dep"
for d in "libnewsparse0 (= $version)" libjansson4 zlib1g; do
    echo "$dep" | grep -qF "$d" || fail "newsparse does not depend on $d"
done
# the library package says which package provides the SONAME
dpkg-deb -e "$(deb libnewsparse0)" "$work/control"
grep -q '^libnewsparse 0 libnewsparse0' "$work/control/shlibs" ||
    { cat "$work/control/shlibs" 2>/dev/null; fail "no shlibs entry for libnewsparse.so.0"; }

step "unpack into $root (dpkg -x)"
for p in "$work/build"/*.deb; do
    dpkg -x "$p" "$root"
done
pcdir=$(dirname "$(find "$root" -name newsparse.pc | head -n 1)")
libdir=$(dirname "$pcdir")
[ -f "$libdir/libnewsparse.so.0" ] || fail "no libnewsparse.so.0 next to the .pc"

step "minimal.c built against the root with pkg-config"
PKG_CONFIG_PATH=$pcdir
export PKG_CONFIG_PATH
pc_prefix=$(pkg-config --variable=prefix newsparse)
[ "$(cd "$pc_prefix" && pwd -P)" = "$(cd "$root/usr" && pwd -P)" ] ||
    fail "pkg-config's prefix is $pc_prefix, not $root/usr: the .pc is not relocatable"
echo "pkg-config: $(pkg-config --cflags --libs newsparse)"
# shellcheck disable=SC2046
"$cc" -std=c11 -Wall -Wextra -pedantic -Werror -o "$work/minimal" \
    "$src/examples/minimal.c" $(pkg-config --cflags --libs newsparse) ||
    fail "cannot build minimal.c against the packages"
LD_LIBRARY_PATH=$libdir "$work/minimal" "$article" >"$work/out-minimal.txt" ||
    fail "minimal exited with $?"
grep -qF "$headline" "$work/out-minimal.txt" || { cat "$work/out-minimal.txt"; fail "minimal: no headline"; }
LD_LIBRARY_PATH=$libdir ldd "$work/minimal" | grep -q "$libdir/libnewsparse.so.0" ||
    fail "minimal does not use the packaged library"
echo "ok"

step "the packaged command (finds its library by its run path)"
env -u LD_LIBRARY_PATH "$root/usr/bin/newsparse" parse "$article" >"$work/out-cli.json" ||
    fail "the packaged command exited with $?"
grep -qF "$headline" "$work/out-cli.json" || fail "the command's output lacks the headline"
echo "ok"

pyinit=$(find "$root" -path '*/newsparse/__init__.py' | head -n 1)
if [ -n "$pyinit" ] && command -v python3 >/dev/null 2>&1; then
    step "the packaged Python binding loads the packaged library"
    env -u NEWSPARSE_LIBRARY -u LD_LIBRARY_PATH PYTHONDONTWRITEBYTECODE=1 \
        PYTHONPATH="$(dirname "$(dirname "$pyinit")")" python3 -c 'import sys, newsparse
doc = newsparse.parse_html(open(sys.argv[1], "rb").read())
sys.stdout.write(doc.to_json(source=sys.argv[1]) + "\n")' "$article" >"$work/out-py.json" ||
        fail "the packaged Python binding failed"
    cmp -s "$work/out-cli.json" "$work/out-py.json" ||
        fail "the Python binding's JSON differs from the command's"
    echo "ok"
fi

rm -rf "$work/build/_CPack_Packages" "$work/build/CMakeFiles"
echo "packages test: all passed"

#!/bin/sh
# The man pages: installed (cmake --install, components dev and cli), rendered by
# groff and man without a warning, every public function of the headers
# with its page (a group page or a one-line page sourcing one).
#
# usage: man_test.sh SOURCE_DIR BUILD_DIR WORK_DIR
set -eu
src=$1
build=$2
work=$3
for tool in groff man; do
    command -v "$tool" >/dev/null 2>&1 || { echo "skip: $tool not found (Debian: groff-base, man-db)"; exit 77; }
done
fail() {
    echo "man test: FAIL: $*" >&2
    exit 1
}
rm -rf "$work"
mkdir -p "$work"
# the man pages go with the packages' components: man3 with dev, man1 with cli
for component in dev cli; do
    cmake --install "$build" --prefix "$work/prefix" --component "$component" >"$work/install.log" 2>&1 ||
        { cat "$work/install.log"; fail "install $component"; }
done
root=$(find "$work/prefix" -type d -name man -path '*/share/man' | head -n 1)
[ -n "$root" ] || fail "no share/man installed"
[ -f "$root/man1/newsparse.1" ] || fail "newsparse(1) not installed"
[ -f "$root/man3/newsparse.3" ] || fail "newsparse(3) not installed"

stubs=0
pages=0
for page in "$root"/man1/*.1 "$root"/man3/*.3; do
    name=$(basename "$page")
    section=${name##*.}
    # groff: every warning, from the man root so that .so lines resolve
    (cd "$root" && groff -man -ww -z "man$section/$name") >"$work/groff.err" 2>&1 ||
        { cat "$work/groff.err"; fail "groff failed on $name"; }
    [ ! -s "$work/groff.err" ] || { cat "$work/groff.err"; fail "groff warns on $name"; }
    if grep -q '^\.so ' "$page"; then
        # a one-line page: its target is there (groff read it above)
        target=$(sed -n 's/^\.so //p' "$page")
        [ -f "$root/$target" ] || fail "$name sources $target, which is not installed"
        stubs=$((stubs + 1))
        continue
    fi
    # man: rendered as a user would see it, found by name and by file
    MANWIDTH=80 man -M "$root" "$section" "${name%.*}" \
        >"$work/page.txt" 2>"$work/man.err" || { cat "$work/man.err"; fail "man $section ${name%.*}"; }
    [ ! -s "$work/man.err" ] || { cat "$work/man.err"; fail "man warns on $name"; }
    grep -q "^NAME" "$work/page.txt" || fail "$name renders no NAME section"
    MANWIDTH=80 man -l "$page" >/dev/null 2>"$work/man.err" || fail "man -l $page"
    [ ! -s "$work/man.err" ] || { cat "$work/man.err"; fail "man -l warns on $page"; }
    pages=$((pages + 1))
done
# man finds a function's one-line page and shows its group's
MANWIDTH=80 man -M "$root" 3 np_parse_html >"$work/page.txt" 2>"$work/man.err" ||
    fail "man 3 np_parse_html"
grep -q "NP_PARSER(3)" "$work/page.txt" || fail "man np_parse_html does not show np_parser(3)"

# every public function has a page
missing=0
for fn in $(sed -n 's/.*NP_API[^;(]*[ *]\(np_[a-z0-9_]*\)(.*/\1/p' "$src"/include/newsparse/*.h | sort -u); do
    if [ ! -f "$root/man3/$fn.3" ]; then
        echo "no man page for $fn"
        missing=$((missing + 1))
    fi
done
[ "$missing" -eq 0 ] || fail "$missing public functions have no man page"
echo "man: $pages pages and $stubs one-line pages render without warnings; every public function has one"

#!/bin/sh
# The README's "same JSON four ways": the command, examples/tojson.c, the
# Python binding and the Node binding give the same bytes for the bundled
# article (Python and Node skipped, with a message, where absent).
#
# usage: readme_test.sh SOURCE_DIR CLI TOJSON LIBRARY
set -eu
src=$1
cli=$2
tojson=$3
lib=$4
cd "$src"
article=examples/data/article.html
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() {
    echo "readme test: FAIL: $*" >&2
    exit 1
}
"$cli" parse "$article" >"$tmp/cli.json"
"$tojson" "$article" >"$tmp/c.json"
cmp "$tmp/cli.json" "$tmp/c.json" || fail "tojson differs from the command"
echo "ok: C (examples/tojson.c)"
ways=2
if command -v python3 >/dev/null 2>&1; then
    PYTHONPATH=bindings/python NEWSPARSE_LIBRARY=$lib PYTHONDONTWRITEBYTECODE=1 python3 -c '
import newsparse, sys; p = "examples/data/article.html"
print(newsparse.parse(open(p, "rb").read()).to_json(source=p))' >"$tmp/py.json"
    cmp "$tmp/cli.json" "$tmp/py.json" || fail "Python differs from the command"
    echo "ok: Python"
    ways=$((ways + 1))
else
    echo "skip: Python (no python3)"
fi
if command -v node >/dev/null 2>&1 && (cd bindings/node && node -e "require('koffi')") >/dev/null 2>&1; then
    NEWSPARSE_LIBRARY=$lib node -e '
const n = require("./bindings/node"), p = "examples/data/article.html";
console.log(n.parse(require("fs").readFileSync(p)).toJSONString({ source: p }))' >"$tmp/node.json"
    cmp "$tmp/cli.json" "$tmp/node.json" || fail "Node differs from the command"
    echo "ok: Node"
    ways=$((ways + 1))
else
    echo "skip: Node (no node, or no koffi: npm ci in bindings/node)"
fi
echo "readme: $ways ways, the same $(wc -c <"$tmp/cli.json") bytes"

#!/bin/sh
# Builds the seed corpora of the fuzz targets into OUT (one folder per
# target) from the committed seeds, the bundled examples and, when present,
# the benchmark data (../shared/bench): dev pages, metadata test pages,
# cleanup cases and the seed article. Each file gets the two option bytes
# the targets expect (0, 0: default options).
#
#   sh fuzz/build_corpus.sh OUT [SHARED_DIR]
#
# Pages larger than 256 KiB are cut there (libFuzzer's -max_len applies
# anyway); nothing is written into the source tree.
set -eu
out=${1:?usage: build_corpus.sh OUT [SHARED_DIR]}
here=$(cd "$(dirname "$0")" && pwd)
shared=${2:-$here/../../shared}
max=262144

for t in parse_html parse_text clean json parse_xmldoc warc; do
    mkdir -p "$out/$t"
    cp "$here/corpus/$t/"* "$out/$t/" 2>/dev/null || true
done

# seed NAME TARGET: standard input, with two zero option bytes, cut at $max
seed() {
    { printf '\000\000'; head -c "$max"; } > "$out/$2/$1"
}
# The json target reads byte 0's top bit as "text input".
seed_text_json() {
    { printf '\200\000'; head -c "$max"; } > "$out/json/$1"
}

for f in "$here"/../examples/data/*.html; do
    [ -f "$f" ] || continue
    seed "ex-$(basename "$f")" parse_html < "$f"
    # the xmldoc target reads it through libxml2's HTML parser (bit 6)
    { printf '\100\000'; head -c "$max"; } < "$f" > "$out/parse_xmldoc/ex-$(basename "$f")"
    seed "ex-$(basename "$f")" json < "$f"
done
for f in "$here"/../examples/data/*.txt; do
    [ -f "$f" ] || continue
    seed "ex-$(basename "$f")" parse_text < "$f"
    seed "ex-$(basename "$f")" clean < "$f"
done

if [ ! -d "$shared/bench" ]; then
    echo "no benchmark data at $shared: committed seeds and examples only"
    exit 0
fi
b=$shared/bench
n=0
for f in "$b"/extraction/dev/*.html.gz; do
    [ -f "$f" ] || continue
    id=$(basename "$f" .html.gz)
    gzip -dc "$f" | seed "dev-$id" parse_html
    n=$((n + 1))
    # every fourth page also feeds the JSON writer
    [ $((n % 4)) -eq 0 ] && gzip -dc "$f" | seed "dev-$id" json
done
for d in "$b"/metadata/pages/*/; do
    [ -f "$d/source.html" ] || continue
    seed "meta-$(basename "$d")" parse_html < "$d/source.html"
done
# Article texts (ground truth) as plain-text input.
python3 - "$b/extraction/dev/ground-truth.json" "$out" <<'PY'
import json, sys
truth = json.load(open(sys.argv[1], encoding="utf-8"))
for i, (key, rec) in enumerate(sorted(truth.items())):
    body = rec.get("articleBody") if isinstance(rec, dict) else None
    if not body:
        continue
    data = b"\x00\x00" + body.encode("utf-8")[:262144]
    open(f"{sys.argv[2]}/parse_text/truth-{i:03d}", "wb").write(data)
    if i % 4 == 0:
        open(f"{sys.argv[2]}/json/truth-{i:03d}", "wb").write(b"\x80\x00" + data[2:])
PY
# Cleanup cases, one file each (the input side only).
python3 - "$b/cleanup" "$out/clean" <<'PY'
import json, os, sys
src, dst = sys.argv[1], sys.argv[2]
k = 0
for root, _, files in os.walk(src):
    for name in sorted(files):
        if not name.endswith(".jsonl"):
            continue
        for line in open(os.path.join(root, name), encoding="utf-8"):
            try:
                rec = json.loads(line)
            except ValueError:
                continue
            text = rec.get("input") or rec.get("text") or rec.get("in") if isinstance(rec, dict) else None
            if not isinstance(text, str):
                continue
            k += 1
            if k % 3:
                continue   # a third of them is plenty
            open(os.path.join(dst, f"case-{k:05d}"), "wb").write(b"\x00\x00" + text.encode("utf-8", "surrogatepass"))
PY
if [ -f "$b/seed/article.txt" ]; then
    seed seed-article parse_text < "$b/seed/article.txt"
    seed seed-article clean < "$b/seed/article.txt"
fi
for t in parse_html parse_text clean json parse_xmldoc warc; do
    echo "$t: $(ls "$out/$t" | wc -l) inputs"
done

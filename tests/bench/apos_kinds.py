#!/usr/bin/env python3
"""Apostrophe restoration by kind: recall of contractions, of 's after a
name, a common noun or an ambiguous word, and of s'; false positives on
names. Uses score-clean.py's own alignment, so totals match its figures.

Usage (from the project root, after building):
  python3 tests/bench/apos_kinds.py CASES.jsonl [--show-fp] [--show-fn KIND]
      [--bench ../shared/bench] [--newsparse build/examples/newsparse]

"ambiguous" is an 's whose word less the apostrophe is itself a common word
("states", "leaves": a Zipf frequency of 3 or more in
../shared/bench/cleanup/evidence/wordfreq-large-en.tsv.gz); "name" is a
capitalised word; "noun" is any other 's.
"""
import argparse
import difflib
import gzip
import importlib.util
import json
import os
import subprocess
import sys
import tempfile

sys.dont_write_bytecode = True
PRON_S = {"it", "he", "she", "that", "there", "here", "what", "who", "where",
          "let", "how", "when", "why", "this", "everyone", "nobody"}


def load_scorer(bench):
    spec = importlib.util.spec_from_file_location(
        "score_clean", os.path.join(bench, "score-clean.py"))
    m = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(m)
    return m


def kind(word, slot, common):
    """word: the gold word without apostrophes; slot: where one goes"""
    tail = word[slot:].lower()
    low = word.lower()
    if tail in ("t", "re", "ve", "ll", "d", "m") or \
            (tail == "s" and low[:-1] in PRON_S):
        return "contraction"
    if tail == "":
        return "s'"
    if word[0].isupper():
        return "'s name"
    if common.get(low, 0) >= 3.0:
        return "'s ambiguous"
    return "'s noun"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("cases")
    ap.add_argument("--bench", default="../shared/bench")
    ap.add_argument("--newsparse", default=os.environ.get(
        "NEWSPARSE", "build/examples/newsparse"))
    ap.add_argument("--show-fp", action="store_true")
    ap.add_argument("--show-fn", default=None)
    args = ap.parse_args()
    sc = load_scorer(args.bench)
    common = {}
    with gzip.open(os.path.join(args.bench, "cleanup/evidence/"
                                "wordfreq-large-en.tsv.gz"), "rt") as f:
        for line in f:
            w, z = line.rstrip("\n").split("\t")[:2]
            if not z[:1].isdigit():
                continue
            common[w] = float(z)
    cases = [json.loads(l) for l in open(args.cases, encoding="utf-8")]
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False,
                                     encoding="utf-8") as f:
        for c in cases:
            f.write(c["input"] + "\n")
        path = f.name
    out = subprocess.run([args.newsparse, "clean", "--lines", path],
                         capture_output=True, check=True).stdout
    os.unlink(path)
    outs = out.decode("utf-8", "replace").split("\n")[:len(cases)]
    by = {}
    fp_names = fp_all = neg_changed = nneg = 0
    for c, o in zip(cases, outs):
        rem = set(sc.removed_positions(c["input"], c["expected"]))
        g = sc.words(c["expected"], rem)
        w = sc.words(o)
        if not c["apostrophes"]:
            nneg += 1
            neg_changed += o != c["expected"]
        sm = difflib.SequenceMatcher(None, [x[0] for x in g],
                                     [x[0] for x in w], autojunk=False)
        for tag, i1, i2, j1, j2 in sm.get_opcodes():
            pairs = zip(g[i1:i2], w[j1:j2]) if tag == "equal" else \
                [(x, (x[0], set(), set())) for x in g[i1:i2]]
            for (gw, gap, grem), (_, oap, _) in pairs:
                for s in grem:
                    k = kind(gw, s, common)
                    b = by.setdefault(k, [0, 0])
                    b[0] += 1
                    b[1] += s in oap
                    if s not in oap and args.show_fn == k:
                        print("FN", gw, "|", c["input"])
                for s in oap - gap:
                    fp_all += 1
                    if gw[:1].isupper():
                        fp_names += 1
                    if args.show_fp:
                        print("FP", gw, s, "|", o)
    tot = [sum(v[0] for v in by.values()), sum(v[1] for v in by.values())]
    for k in ("contraction", "'s name", "'s noun", "'s ambiguous", "s'"):
        n, hit = by.get(k, [0, 0])
        print(f"  {k:13s} {hit:5d}/{n:<5d} recall {hit / n if n else 0:.3f}")
    print(f"kinds {os.path.basename(args.cases)} recall {tot[1] / tot[0]:.4f}"
          f" inserted_wrong {fp_all} on_capitalised {fp_names}"
          f" negatives_changed {neg_changed}/{nneg}")


if __name__ == "__main__":
    sys.exit(main())

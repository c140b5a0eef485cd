#!/usr/bin/env python3
"""Hits and errors of each apostrophe decision point on a case file.

Needs a build with the trace on, whose command prints "apos WORD<TAB>NAME"
on stderr for every apostrophe it inserts (NAME: the decision point, the
second argument of DECIDE in lib/text/apostrophe.c):

  cmake -S . -B /tmp/apos-trace -DCMAKE_BUILD_TYPE=Release \
      -DCMAKE_C_FLAGS=-DNP_APOS_TRACE && \
      cmake --build /tmp/apos-trace -j2 --target newsparse_cli
  python3 tests/bench/apos_trace.py CASES.jsonl \
      --newsparse /tmp/apos-trace/examples/newsparse [--markdown]

Each case runs on its own. An insertion is a hit when the gold word has an
apostrophe at that place, an error otherwise. A decision point is named by
the name its DECIDE gives.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

WORD = re.compile(r"[\w'\u2019]+")


def run(cmd, text):
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False,
                                     encoding="utf-8") as f:
        f.write(text + "\n")
        path = f.name
    p = subprocess.run(cmd + ["clean", path], capture_output=True)
    os.unlink(path)
    hits = [l[5:].split("\t", 1)[::-1] for l in
            p.stderr.decode("utf-8", "replace").splitlines()
            if l.startswith("apos ")]
    return hits


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("cases")
    ap.add_argument("--newsparse", required=True)
    ap.add_argument("--markdown", action="store_true")
    args = ap.parse_args()
    cases = [json.loads(l) for l in open(args.cases, encoding="utf-8")]
    with ThreadPoolExecutor(2) as ex:
        traces = list(ex.map(lambda c: run([args.newsparse], c["input"]),
                             cases))
    table = {}
    for c, tr in zip(cases, traces):
        gold = {}
        for m in WORD.finditer(c["expected"]):
            w = m.group(0)
            skel = re.sub("['\u2019]", "", w)
            gold.setdefault(skel, []).append(w)
        for line, word in tr:
            row = table.setdefault(line, [0, 0])
            ok = any(re.sub("['\u2019]", "", g) == word and g != word
                     for g in gold.get(word, []))
            row[0 if ok else 1] += 1
    rows = sorted(table.items(), key=lambda kv: -sum(kv[1]))
    if args.markdown:
        print("| decision point | hits | errors |")
        print("| --- | ---: | ---: |")
    for name, (h, e) in rows:
        if args.markdown:
            print(f"| {name} | {h} | {e} |")
        else:
            print(f"{h:5d} {e:4d}  {name}")
    print(f"trace {os.path.basename(args.cases)} hits "
          f"{sum(v[0] for v in table.values())} errors "
          f"{sum(v[1] for v in table.values())}")


if __name__ == "__main__":
    sys.exit(main())

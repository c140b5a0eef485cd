#!/usr/bin/env python3
"""Quotations and speakers on pages the rules were not written from.

usage: python3 tests/bench/quote_validate.py [--set 1|2|3] [--errors]
       python3 tests/bench/quote_validate.py --select 2|3

Run from the project root; `newsparse` is $NEWSPARSE if set, else
build/examples/newsparse.

The set (tests/bench/quote_val/gold.json) is ten pages of the snippet
set, ../shared/bench/extraction/snippets, chosen before any was read: the
pages in the order of sha256("newsparse-quote-val-v1:" + file name),
keeping the first ten whose body (as `newsparse parse --no-quotes
--no-entities` extracted it at the time) had language "en", at least four
double quotation marks and fewer than 15,000 characters. Every
quotation of their bodies was annotated by hand with its speaker, to the
guidelines of the dev annotation (docs/quotes.md): a person or
organisation by name, else the text's noun phrase ("a reporter", "my
father"); null where the text names no one (a pull quote repeating a
quotation, a list of quoted phrases). Titles, terms in quotation marks and
scare quotes are not quotations; two of the pages hold none.

Set 2 (tests/bench/quote_val/gold2.json) was drawn the same way once set
1 had been read while tuning, so that one set stays untouched: the pages
in the order of sha256("newsparse-quote-val-v2:" + file name), set 1's
pages left out, keeping the first pages whose body (`newsparse parse
--no-quotes --no-entities` at main 8e24848) has a language tag of "en"
(any region), at least
four double quotation marks (any of " \u201c \u201d \u201e \u00ab \u00bb) and
fewer than 15,000 characters (`--select 2` lists them). The rule was
written down before any page or output was read; the speakers were
annotated by hand from the page text, to the same guidelines, before any
output of the quotation stage on them was seen. The first ten pages held
51 quotations, short of the ~70 aimed at, so the next six in the same
order were taken too: 16 pages, 82 quotations, 77 with a speaker.

Set 3 (tests/bench/quote_val/gold3.json) was drawn once set 1 had been
read while tuning and set 2 was to stay untouched, so that there is a
second set to tune on besides set 1: the pages in the order of
sha256("newsparse-quote-val-v3:" + file name), the pages of sets 1 and 2
left out, keeping pages by the same test as set 2 (`newsparse parse
--no-quotes --no-entities` at main c294064; `--select 3` lists them). The
rule was written down before any page or output was read: the first 12
pages, then the next ones in the same order, one page at a time, until
the annotated quotations number at least 65 (16 pages at most). The
speakers were annotated by hand from the page text, to the same
guidelines, before any output of the quotation stage on them was seen.

Each page is parsed from its HTML (extraction included), predicted
quotations are matched to the gold ones by the same text similarity as
../shared/bench/score-nlp.py, and a speaker is right as there: any of
the gold names, a person's surname, or a noun phrase's head word.

Python 3 standard library only.
"""

import argparse
import gzip
import hashlib
import json
import os
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

ROOT = Path.cwd()
PAGES = ROOT / ".." / "shared" / "bench" / "extraction" / "snippets"
GOLDS = {"1": ROOT / "tests" / "bench" / "quote_val" / "gold.json",
         "2": ROOT / "tests" / "bench" / "quote_val" / "gold2.json",
         "3": ROOT / "tests" / "bench" / "quote_val" / "gold3.json"}
DOUBLE_MARKS = '"\u201c\u201d\u201e\u00ab\u00bb'


def select(exe, salt, skip, n=10):
    """The pages of a set: hash order, English, quotation marks, not too long."""
    names = sorted((p.name for p in PAGES.glob("*.html.gz")),
                   key=lambda f: hashlib.sha256((salt + f).encode()).hexdigest())
    out = []
    for name in names:
        if name in skip:
            continue
        html = gzip.open(PAGES / name).read()
        r = subprocess.run([exe, "parse", "--no-quotes", "--no-entities", "-"],
                           input=html, capture_output=True)
        if r.returncode != 0:
            continue
        doc = json.loads(r.stdout)
        body = doc.get("body") or ""
        lang = (doc.get("language") or "").split("-")[0].lower()
        if (lang == "en" and len(body) < 15000
                and sum(body.count(c) for c in DOUBLE_MARKS) >= 4):
            out.append(name)
            if len(out) == n:
                break
    return out


def norm(s):
    s = unicodedata.normalize("NFKC", s if isinstance(s, str) else "")
    s = s.replace("\u2019", "'").replace("\u2018", "'")
    s = re.sub(r"'s\b", "", s.lower())
    s = re.sub(r"[^\w\s]", " ", s)
    s = re.sub(r"^\s*the\s+", "", s)
    return " ".join(s.split())


def quote_match(a, b):
    ta, tb = norm(a).split(), norm(b).split()
    if not ta or not tb:
        return 0.0
    sa, sb = set(ta), set(tb)
    jac = len(sa & sb) / len(sa | sb)
    ja, jb = " ".join(ta), " ".join(tb)
    ratio = min(len(ja), len(jb)) / max(len(ja), len(jb))
    if (ja in jb or jb in ja) and ratio >= 0.8:
        return max(jac, ratio)
    return jac if jac >= 0.8 else 0.0


def speaker_ok(g, pred):
    if g.get("speaker") is None:
        return None
    if not pred:
        return False
    ps = norm(pred)
    gs = norm(g["speaker"])
    if ps == gs:
        return True
    if g.get("type") in ("PERSON", "ORG"):
        return ps.split()[-1:] == gs.split()[-1:]
    return gs.split()[-1] in ps.split()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--errors", action="store_true")
    ap.add_argument("--set", choices=sorted(GOLDS), default="1")
    ap.add_argument("--select", choices=["2", "3"], help="list the pages the rule of set 2 or 3 draws")
    a = ap.parse_args()
    exe = os.environ.get("NEWSPARSE") or str(ROOT / "build" / "examples" / "newsparse")
    if a.select == "2":
        skip = set(json.load(open(GOLDS["1"], encoding="utf-8"))["pages"])
        for name in select(exe, "newsparse-quote-val-v2:", skip, n=16):
            print(name)
        return 0
    if a.select == "3":
        skip = set()
        for k in ("1", "2"):
            skip |= set(json.load(open(GOLDS[k], encoding="utf-8"))["pages"])
        for name in select(exe, "newsparse-quote-val-v3:", skip, n=16):
            print(name)
        return 0
    gold = json.load(open(GOLDS[a.set], encoding="utf-8"))["pages"]
    tp = fp = fn = right = total = 0
    for name, gq in gold.items():
        html = gzip.open(PAGES / name).read()
        out = subprocess.run([exe, "parse", "-"], input=html, capture_output=True, check=True)
        pq = [q for q in json.loads(out.stdout).get("quotes", []) if q.get("text")]
        pairs = sorted(((quote_match(g["text"], p["text"]), i, j)
                        for i, g in enumerate(gq) for j, p in enumerate(pq)), reverse=True)
        gu, pu = set(), set()
        for s, i, j in pairs:
            if s <= 0 or i in gu or j in pu:
                continue
            gu.add(i)
            pu.add(j)
            ok = speaker_ok(gq[i], pq[j].get("speaker"))
            if ok is not None:
                total += 1
                right += ok
                if a.errors and not ok:
                    print(f"  [{name}] speaker {pq[j].get('speaker')!r} should be {gq[i]['speaker']!r}: {gq[i]['text'][:50]!r}")
        tp += len(gu)
        fn += len(gq) - len(gu)
        fp += len(pq) - len(pu)
        if a.errors:
            for i, g in enumerate(gq):
                if i not in gu:
                    print(f"  [{name}] missed ({g['speaker']}): {g['text'][:60]!r}")
            for j, p in enumerate(pq):
                if j not in pu:
                    print(f"  [{name}] spurious ({p.get('speaker')}): {p['text'][:60]!r}")
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    acc = right / total if total else 0.0
    print(f"quote-val{'' if a.set == '1' else a.set} quotes precision {p:.3f} recall {r:.3f} f1 {f:.3f} (gold {tp + fn}); "
          f"speaker accuracy {acc:.3f} of {total} pages {len(gold)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Entity validation on text the rules were not written from.

usage: python3 tests/bench/ner_validate.py split [--part tune|measure|both]
       python3 tests/bench/ner_validate.py open [--sets wikigold,btc,wnut17,gum]
                                              [--half learn|held|both]
                                              [--max-sentences N] [--errors K]

Run from the project root; `newsparse` is $NEWSPARSE if set, else
build/examples/newsparse.

split  The 17 annotated dev documents (seed included) are divided by a
       fixed hash, sha256("newsparse-ner-split-v1:" + id): an even first
       byte is the tuning part, an odd one the measured-only part (the seed
       always tunes: its output is fixed by the tests). Each part is scored
       by ../shared/bench/score-nlp.py and its last lines are printed.

open   Span-level PERSON/ORG/PLACE validation on the open NER sets in
       ../shared/bench/nlp/train (wikigold, the Broad Twitter Corpus,
       WNUT17, GUM). Their tokens are joined back into text, one sentence a
       paragraph, documents as the sets give them (wikigold's -DOCSTART-,
       GUM's "# doc"; tweets in blocks of 40), and run through
       `newsparse parse --input text --no-quotes`. A predicted span is
       (paragraph, surface string, type) with the surface read from the
       body at the mention's offsets; a gold span the same from the set's
       tags, mapped PER/person -> PERSON, ORG/corporation -> ORG,
       LOC/location -> PLACE (everything else is no entity). Handles and
       hashtags (@name, #tag) are left out on both sides: our guidelines
       do not tag them. Precision,
       recall and F1 per type and per set, and over all sets, are printed.
       The sets' guidelines differ from ours (titles, groups, tweets
       without capitals): compare runs with each other, not with dev.
       Each set's documents are split in two halves by a fixed hash of
       their id (lib/data/ner_open.py): the learning half, which rules and
       the evidence table (lib/data/gen_ner_evidence.py) may be learned
       from, and the held-out half, which only reports. Both are printed
       unless --half picks one; --errors lists the learning half's errors
       only (it needs --half learn).

Python 3 standard library only.
"""

import argparse
import collections
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path.cwd()
SHARED = ROOT / ".." / "shared" / "bench"
TRAIN = SHARED / "nlp" / "train"
TYPES = ("PERSON", "ORG", "PLACE")

sys.path.insert(0, str(ROOT / "lib" / "data"))
from ner_open import FILES, read_conll, half_of, gold_spans  # noqa: E402


def newsparse():
    return os.environ.get("NEWSPARSE") or str(ROOT / "build" / "examples" / "newsparse")


def part_of(doc_id):
    if doc_id == "seed":
        return "tune"
    h = hashlib.sha256(("newsparse-ner-split-v1:" + doc_id).encode()).digest()
    return "tune" if h[0] % 2 == 0 else "measure"


def cmd_split(args):
    gold = [json.loads(l) for l in open(SHARED / "nlp" / "dev" / "gold.jsonl", encoding="utf-8") if l.strip()]
    parts = ["tune", "measure"] if args.part == "both" else [args.part]
    for part in parts:
        docs = [g for g in gold if part_of(g["id"]) == part]
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
            for g in docs:
                f.write(json.dumps(g) + "\n")
            path = f.name
        try:
            cmd = [sys.executable, str(SHARED / "score-nlp.py"), "--gold", path,
                   "--texts", str(SHARED / "extraction" / "dev" / "ground-truth.json"),
                   "--seed", str(SHARED / "seed" / "article.txt"), "--newsparse", newsparse()]
            out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
        finally:
            os.unlink(path)
        print(f"== {part} ({len(docs)} docs: {' '.join(sorted(g['id'][:8] for g in docs))})")
        for line in out.splitlines():
            if line.split()[:1] and line.split()[0] in TYPES + ("quotes", "nlp"):
                print(line)


# ---- open sets -------------------------------------------------------------

NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "}", "'s", "’s", "n't", "'", "%", "'re", "'ve", "'ll", "'d", "'m"}
NO_SPACE_AFTER = {"(", "[", "{", "$", "#", "@"}


def detok(tokens):
    """Tokens joined as running text; returns the text and each token's start."""
    out, starts = [], []
    pos = 0
    prev = None
    for i, t in enumerate(tokens):
        glue = prev is None or t in NO_SPACE_BEFORE or prev in NO_SPACE_AFTER or \
            (t == "-" or prev == "-") and prev is not None
        if not glue:
            out.append(" ")
            pos += 1
        starts.append(pos)
        out.append(t)
        pos += len(t)
        prev = t
    return "".join(out), starts


def run_docs(texts):
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i, t in enumerate(texts):
            p = Path(tmp) / f"doc{i:05d}.txt"
            p.write_text(t, encoding="utf-8")
            paths.append(str(p))
        lst = Path(tmp) / "list"
        lst.write_text("\n".join(paths) + "\n", encoding="utf-8")
        out = subprocess.run([newsparse(), "parse", "--input", "text", "--no-quotes",
                              "--files-from", str(lst)], capture_output=True, check=False).stdout
    recs = [json.loads(l) for l in out.decode("utf-8").split("\n") if l.strip()]
    if len(recs) != len(texts):
        sys.exit(f"newsparse gave {len(recs)} records for {len(texts)} documents")
    return recs


def score_set(name, path, half, max_sentences, errors):
    docs = [d for ident, d in read_conll(path, name)
            if half == "both" or half_of(ident) == half]
    if max_sentences:
        kept, n = [], 0
        for d in docs:
            if n >= max_sentences:
                break
            kept.append(d)
            n += len(d)
        docs = kept
    texts, golds, sents_text = [], [], []
    for d in docs:
        paras, g = [], collections.Counter()
        for k, sent in enumerate(d):
            toks = [t for t, _ in sent]
            text, starts = detok(toks)
            paras.append(text)
            for s, e, typ in gold_spans(sent):
                surf = text[starts[s]:starts[e - 1] + len(toks[e - 1])]
                g[(k, surf, typ)] += 1
        texts.append("\n\n".join(paras) + "\n")
        golds.append(g)
        sents_text.append(paras)
    recs = run_docs(texts)
    tp = collections.Counter()
    np_ = collections.Counter()
    ng = collections.Counter()
    fp_ex, fn_ex = collections.Counter(), collections.Counter()
    dropped = [0]
    for rec, g, paras in zip(recs, golds, sents_text):
        body = rec.get("body") or ""
        bb = body.encode("utf-8")
        # body paragraphs, each aligned to the input sentence it reads as
        # (the command may take the first line as a title, or drop one)
        starts, pos = [], 0
        for para in bb.split(b"\n\n"):
            starts.append(pos)
            pos += len(para) + 2
        which, j = [], 0
        for para in bb.split(b"\n\n"):
            t = " ".join(para.decode("utf-8", "replace").split())
            k = j
            while k < len(paras) and " ".join(paras[k].split()) != t:
                k += 1
            if k < len(paras):
                j = k + 1
                which.append(k)
            else:
                which.append(-1)
        present = set(which)
        for key in list(g):
            if key[0] not in present:
                dropped[0] += g.pop(key)
        p = collections.Counter()
        for ent in rec.get("entities") or []:
            for m in ent["mentions"]:
                n = sum(1 for st in starts if st <= m["start"]) - 1
                k = which[n]
                surf = bb[m["start"]:m["end"]].decode("utf-8", "replace")
                if surf.startswith(("@", "#")):
                    continue
                p[(k, surf, ent["type"])] += 1
        for key, c in g.items():
            ng[key[2]] += c
            hit = min(c, p.get(key, 0))
            tp[key[2]] += hit
            if c > hit:
                fn_ex[(key[1], key[2])] += c - hit
        for key, c in p.items():
            np_[key[2]] += c
            hit = min(c, g.get(key, 0))
            if c > hit:
                fp_ex[(key[1], key[2])] += c - hit
    res = {}
    for t in TYPES:
        res[t] = (tp[t], np_[t], ng[t])
    if errors:
        print(f"-- {name}: most frequent misses (gold not found)")
        for (s, t), c in fn_ex.most_common(errors):
            print(f"   {c:4d} {t:6s} {s}")
        print(f"-- {name}: most frequent false spans")
        for (s, t), c in fp_ex.most_common(errors):
            print(f"   {c:4d} {t:6s} {s}")
    if dropped[0]:
        print(f"-- {name}: {dropped[0]} gold spans in sentences the body left out (not scored)")
    return res, sum(len(d) for d in docs)


def prf(tp, np_, ng):
    p = tp / np_ if np_ else 0.0
    r = tp / ng if ng else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def cmd_open(args):
    if args.errors and args.half != "learn":
        sys.exit("ner_validate: errors are listed for the learning half only (--half learn)")
    halves = ["learn", "held"] if args.half == "both" else [args.half]
    for half in halves:
        open_half(args, half)


def open_half(args, half):
    print(f"== {half} half")
    total = {t: [0, 0, 0] for t in TYPES}
    for name in args.sets.split(","):
        res, nsent = score_set(name, TRAIN / FILES[name], half, args.max_sentences,
                               args.errors)
        line = [f"{name:8s} sents {nsent:5d}"]
        for t in TYPES:
            tp, np_, ng = res[t]
            for j in range(3):
                total[t][j] += res[t][j]
            p, r, f = prf(tp, np_, ng)
            line.append(f"{t} P {p:.3f} R {r:.3f} F1 {f:.3f} (gold {ng})")
        print("  ".join(line))
    line = [f"open {half:5s} all     "]
    atp = anp = ang = 0
    for t in TYPES:
        tp, np_, ng = total[t]
        atp, anp, ang = atp + tp, anp + np_, ang + ng
        p, r, f = prf(tp, np_, ng)
        line.append(f"{t} P {p:.3f} R {r:.3f} F1 {f:.3f} (gold {ng})")
    p, r, f = prf(atp, anp, ang)
    line.append(f"micro F1 {f:.3f}")
    print("  ".join(line))


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("split")
    s.add_argument("--part", default="both", choices=["tune", "measure", "both"])
    o = sub.add_parser("open")
    o.add_argument("--sets", default="wikigold,btc,wnut17,gum")
    o.add_argument("--half", default="both", choices=["learn", "held", "both"])
    o.add_argument("--max-sentences", type=int, default=0)
    o.add_argument("--errors", type=int, default=0)
    args = ap.parse_args()
    if args.cmd == "split":
        cmd_split(args)
    else:
        cmd_open(args)


if __name__ == "__main__":
    main()

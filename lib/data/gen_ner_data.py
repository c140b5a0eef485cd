#!/usr/bin/env python3
"""Builds lib/data/ner_lexicon.c, the lexicon of the entity recogniser.

Inputs (all in lib/data/ unless said otherwise; provenance in README.md):
  ner_lists.txt          hand-written titles, cues, demonyms, states, places,
                         organisations
  ner_orgs.txt           hand-written well-known organisations by kind
  ner_icu_regions.txt    country and region names from ICU (tools/ner_icu_regions.c)
  ner_cities.tsv         GeoNames cities (>= 100,000 people, and capitals)
  ner_given_names.txt    given names
  ner_byline_names.txt more given names, for the bylines of the metadata
                         only (gen_byline_names.py)
  /usr/share/dict/american-english   Debian wamerican (SCOWL): cities named
                         like an ordinary lower-case word are left out

Usage: python3 lib/data/gen_ner_data.py [--dict PATH] > lib/data/ner_lexicon.c
The output depends only on these files, so the build never reads them.
"""
import argparse
import os
import sys

import hashtab

HERE = os.path.dirname(os.path.abspath(__file__))

# Keep in step with lib/data/ner_lexicon.h.
F = {
    "common": 1 << 0, "proper": 1 << 1, "given": 1 << 2, "country": 1 << 3,
    "city": 1 << 4, "state": 1 << 5, "region": 1 << 6, "org": 1 << 7,
    "title": 1 << 8, "role": 1 << 9, "org_cue": 1 << 10, "org_head": 1 << 11,
    "place_cue": 1 << 12, "connector": 1 << 13, "particle": 1 << 14,
    "demonym": 1 << 15, "nonentity": 1 << 16, "place": 1 << 17,
    "cased": 1 << 18, "event": 1 << 19, "org_mod": 1 << 20, "team": 1 << 21,
    "abbrev": 1 << 22, "person_head": 1 << 23,
    "title_alone": 1 << 24, "abbrev_cleanup": 1 << 25,
    "abbrev_quote": 1 << 26, "given_wide": 1 << 27, "place_head": 1 << 28,
}
ENTITY = F["country"] | F["city"] | F["state"] | F["region"] | F["org"] | F["place"]


def key(s):
    """The lookup key: lower case (ASCII and Latin-1), ’ as ', single spaces."""
    out = []
    for ch in s.replace("\u2019", "'").replace("\u2018", "'"):
        o = ord(ch)
        if "A" <= ch <= "Z" or (0xC0 <= o <= 0xDE and o != 0xD7):
            ch = chr(o + 32)
        out.append(ch)
    return " ".join("".join(out).split())


class Lex:
    def __init__(self):
        self.flags = {}
        self.canon = {}

    def add(self, name, flag, canon=None):
        k = key(name)
        if not k:
            return
        f = F[flag]
        if F[flag] & ENTITY and any(c.isalpha() for c in name) and \
                name.replace(".", "").isupper() and len(name.replace(".", "")) <= 6:
            # "US", "WHO", "IN": names only when written in capitals
            f |= F["cased"]
        self.flags[k] = self.flags.get(k, 0) | f
        if canon and key(canon) != k and k not in self.canon:
            self.canon[k] = canon


def read_lists(lex, path):
    section = None
    multi = {"state", "place", "org"}
    for line in open(path, encoding="utf-8"):
        line = line.split("#", 1)[0].strip() if not line.lstrip().startswith("#") else ""
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
            continue
        items = [x.strip() for x in line.split(";")] if section in multi else line.split()
        for it in items:
            if not it:
                continue
            name, _, canon = it.partition("=")
            flag = {"state": "state", "place": "place", "org": "org"}.get(section, section)
            lex.add(name.strip(), flag, canon.strip() or None)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dict", default="/usr/share/dict/american-english")
    a = ap.parse_args()
    lex = Lex()

    lower, caps = set(), set()
    for w in open(a.dict, encoding="utf-8"):
        w = w.strip()
        if not w or w.endswith("'s"):
            continue
        (caps if w[0].isupper() else lower).add(w)
    # Ordinary words and proper nouns themselves come from the shared English
    # lexicon (english_words.c); here the list only filters the cities.

    for line in open(os.path.join(HERE, "ner_given_names.txt"), encoding="utf-8"):
        if not line.startswith("#") and line.strip():
            lex.add(line.strip(), "given")

    for line in open(os.path.join(HERE, "ner_icu_regions.txt"), encoding="utf-8"):
        code, kind, name = line.rstrip("\n").split("\t")
        name = name.split(" (")[0].replace("\u2019", "'")
        if kind == "country":
            lex.add(name, "country")
        elif code in ("EU", "UN"):
            lex.add(name, "org")
        elif code != "EZ":
            lex.add(name, "region")

    for line in open(os.path.join(HERE, "ner_cities.tsv"), encoding="utf-8"):
        if line.startswith("#"):
            continue
        name, _country, feature, pop = line.rstrip("\n").split("\t")
        k = key(name)
        # A city named like an ordinary word ("Mobile", "Reading") is left
        # out unless it is very large or a capital.
        if k in lower and int(pop) < 1000000 and feature != "PPLC":
            continue
        lex.add(name, "city")
        # "Frankfurt am Main", "Frankfurt (Oder)": also the short name
        for sep in (" am ", " an der ", " (", " upon ", " on "):
            if sep in name:
                short = name.split(sep)[0]
                if key(short) not in lower:
                    lex.add(short, "city")

    read_lists(lex, os.path.join(HERE, "ner_lists.txt"))
    read_lists(lex, os.path.join(HERE, "ner_orgs.txt"))

    # The wider list of given names, read by the metadata's bylines alone
    # (a bit the entity recogniser ignores): none that the lexicon knows
    # as anything else ("Africa", "December", "Chief").
    other = 0
    for f in ("country", "city", "state", "region", "org", "title", "role",
              "org_cue", "org_head", "place_cue", "connector", "particle",
              "demonym", "nonentity", "place", "event", "org_mod", "team",
              "person_head", "title_alone", "given"):
        other |= F[f]
    for line in open(os.path.join(HERE, "ner_byline_names.txt"), encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        if not lex.flags.get(key(line.strip()), 0) & other:
            lex.add(line.strip(), "given_wide")

    keys = sorted(lex.flags, key=lambda k: k.encode("utf-8"))
    blob = bytearray()
    off = {}
    for k in keys:
        off[k] = len(blob)
        blob += k.encode("utf-8") + b"\0"
    canon_off = {}
    for k, c in lex.canon.items():
        canon_off[k] = len(blob)
        blob += c.encode("utf-8") + b"\0"

    w = sys.stdout.write
    w("/* Generated by lib/data/gen_ner_data.py: do not edit. The lexicon of\n"
      " * the entity recogniser; sources and licences in lib/data/README.md. */\n")
    w('#include "ner_lexicon.h"\n\n')
    w("#if defined(__GNUC__)\n#pragma GCC diagnostic ignored \"-Woverlength-strings\"\n#endif\n\n")
    w("const char np__ner_strings[] =\n")
    line = bytearray()
    octal = False
    for b in bytes(blob):
        # a digit right after an octal escape ("\\0" before the key "3m")
        # would be read as part of it: it is escaped too
        if b == 0:
            esc = "\\0"
        elif b < 0x20 or b >= 0x7F or b in (0x22, 0x5C, 0x3F) or \
                (octal and 0x30 <= b <= 0x39):
            esc = "\\%03o" % b
        else:
            esc = chr(b)
        octal = esc.startswith("\\")
        line += esc.encode()
        if len(line) > 70:
            w('    "' + line.decode() + '"\n')
            line = bytearray()
    w('    "' + line.decode() + '";\n\n')
    w("const np__ner_entry np__ner_entries[] = {\n")
    for k in keys:
        w("    {%d, %d, 0x%x},\n" % (off[k], canon_off.get(k, -1), lex.flags[k]))
    w("};\n\n")
    bkeys = [k.encode("utf-8") for k in keys]
    hashtab.write_packed(sys.stdout, "np__ner_slots", hashtab.build(bkeys),
                         bkeys)
    print("%d entries, %d bytes of strings" % (len(keys), len(blob)), file=sys.stderr)


if __name__ == "__main__":
    main()

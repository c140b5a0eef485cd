#!/usr/bin/env python3
"""Builds lib/data/english_words.c from Debian's hunspell-en-us and wamerican.

Run by hand when the word lists are to be refreshed:

    python3 lib/data/gen_english.py /usr/share/hunspell/en_US \
        /usr/share/dict/american-english > lib/data/english_words.c

Every ASCII word form (hunspell stems expanded with their suffix rules, plus
the plain word list) becomes one entry, keyed by its lower-case spelling, with
bits saying how the word is used (see english_words.h). The output is
deterministic: the same inputs give the same file.
"""
import re
import sys

import hashtab

LOWER, CAP, POSS, NOUN, VERB, ADJ, PLURAL, ING, ED, ADV, VERB3, PROPER_S = (
    1 << i for i in range(12))


def parse_aff(path):
    rules = {}
    with open(path, encoding="utf-8", errors="replace") as f:
        lines = [l.split() for l in f]
    for p in lines:
        if len(p) >= 5 and p[0] == "SFX":
            strip = "" if p[2] == "0" else p[2]
            add = "" if p[3] == "0" else p[3]
            cond = re.compile("(?:" + p[4] + ")$")
            rules.setdefault(p[1], []).append((strip, add, cond))
    return rules


def main():
    hun, wordlist = sys.argv[1], sys.argv[2]
    rules = parse_aff(hun + ".aff")
    table = {}

    def mark(form, bits):
        if not re.fullmatch(r"[A-Za-z][A-Za-z'-]*", form) or len(form) > 30:
            return
        key = form.lower()
        if form[0].isupper() and form != key:
            bits |= CAP
        else:
            bits |= LOWER
        table[key] = table.get(key, 0) | bits

    def expand(stem, flags, flag, bits):
        if flag not in flags:
            return
        for strip, add, cond in rules.get(flag, ()):
            if cond.search(stem):
                base = stem[:len(stem) - len(strip)] if strip else stem
                mark(base + add, bits)

    # words the plain list gives a possessive: nouns, whatever hunspell's
    # flags say (hunspell marks many nouns without its possessive flag)
    poss = set()
    with open(wordlist, encoding="utf-8", errors="replace") as f:
        for line in f:
            w = line.strip()
            if w.endswith("'s"):
                poss.add(w[:-2])
    with open(hun + ".dic", encoding="utf-8", errors="replace") as f:
        next(f)
        for line in f:
            line = line.strip()
            if not line:
                continue
            stem, _, flags = line.partition("/")
            bits = 0
            verb = "D" in flags or "G" in flags
            noun = "M" in flags or stem in poss
            if noun:
                bits |= NOUN | POSS
            if verb:
                bits |= VERB
            # -est, -ness and -ly make an adjective; -er alone does not
            # when the stem is a noun or a verb ("grouper", "gamer")
            if ("T" in flags or "P" in flags or "Y" in flags
                    or ("R" in flags and not noun and not verb)):
                bits |= ADJ
            if noun and stem[:1].isupper() and stem.endswith("s"):
                bits |= PROPER_S
            mark(stem, bits)
            if "S" in flags:
                expand(stem, flags, "S", (PLURAL if noun or not verb else 0)
                       | (VERB3 if verb else 0))
            expand(stem, flags, "D", ED)
            expand(stem, flags, "G", ING)
            expand(stem, flags, "Y", ADV)
            # -er of a noun or a verb names an agent ("viewer"), of an
            # adjective a comparative ("greater")
            expand(stem, flags, "R",
                   NOUN if (noun or verb) and "T" not in flags else ADJ)
            expand(stem, flags, "T", ADJ)
            expand(stem, flags, "J", NOUN | PLURAL)
            expand(stem, flags, "Z", NOUN | PLURAL)
            expand(stem, flags, "P", NOUN)
            expand(stem, flags, "L", NOUN)
    # The plain word list adds possessives to known words, and words that
    # hunspell does not know; it never turns a known lower-case word into a
    # proper noun (its "Fords" would hide that "Ford's" is meant).
    known = set(table)
    with open(wordlist, encoding="utf-8", errors="replace") as f:
        for line in f:
            w = line.strip()
            if w.endswith("'s"):
                if w[:-2].lower() in known:
                    table[w[:-2].lower()] |= POSS
                else:
                    mark(w[:-2], POSS)
            elif "'" not in w and w.lower() not in known:
                mark(w, 0)
    # a word that takes a possessive is a noun; an -er word that does
    # ("reporter's") is an agent noun, not a comparative, unless an -est
    # form goes with it
    for k in list(table):
        if table[k] & POSS and table[k] & LOWER and not table[k] & NOUN:
            table[k] |= NOUN
            if (k.endswith("er") and table[k] & ADJ
                    and not table.get(k[:-2] + "est", 0)
                    and not table.get(k[:-1] + "st", 0)):
                table[k] &= ~ADJ
    # plurals of those nouns that hunspell lists as words of their own
    # ("researchers")
    for k in list(table):
        if (len(k) > 3 and k.endswith("s") and not k.endswith("ss")
                and table[k] == LOWER
                and table.get(k[:-1], 0) & NOUN and table[k[:-1]] & LOWER):
            table[k] |= PLURAL
    # verbs whose -ed and -ing forms hunspell lists as words of their own
    # ("discuss", "discussed", "discussing")
    for k in list(table):
        if len(k) < 3 or table[k] & VERB or not table[k] & LOWER:
            continue
        eds = [k + "ed", k + "d" if k.endswith("e") else None,
               k[:-1] + "ied" if k.endswith("y") else None, k + k[-1] + "ed"]
        ings = [k + "ing", k[:-1] + "ing" if k.endswith("e") else None,
                k + k[-1] + "ing"]
        ed = [e for e in eds if e and table.get(e, 0) & LOWER]
        ing = [g for g in ings if g and table.get(g, 0) & LOWER]
        if ed and ing:
            table[k] |= VERB
            for e in ed:
                table[e] |= ED
            for g in ing:
                table[g] |= ING
            for s3 in (k + "s", k + "es", k[:-1] + "ies"):
                if table.get(s3, 0) & LOWER:
                    table[s3] |= VERB3
    # -ing forms that hunspell lists as words of their own ("getting")
    for k in list(table):
        if len(k) >= 5 and k.endswith("ing"):
            st = k[:-3]
            ok = any(table.get(c, 0) & VERB for c in (st, st + "e"))
            if (len(st) > 3 and st[-1] == st[-2] and st[-1] not in "aeiouls"
                    and table.get(st[:-1], 0) & LOWER):
                ok = True   # getting, running, putting
            # irregular verbs hunspell gives no -ed, -ing flags ("take",
            # "taking", "set", "setting"): the stem is a word with an -s
            # form, and a verb
            irr = None
            if len(st) >= 2 and table.get(st + "e", 0) & LOWER \
                    and table.get(st + "es", 0) & LOWER:
                irr = st + "e"
            elif (len(st) >= 3 and st[-1] == st[-2] and st[-1] not in "aeiou"
                  and table.get(st[:-1], 0) & LOWER
                  and table.get(st[:-1] + "s", 0) & LOWER
                  and len(st) <= 5):
                irr = st[:-1]
            if irr and not table[irr] & VERB and (not ok or irr == st[:-1]):
                table[irr] |= VERB
            if irr:
                ok = True
            if ok:
                table[k] |= ING
    # adverbs hunspell lists as words of their own ("incredibly")
    for k in list(table):
        if len(k) >= 5 and k.endswith("ly") and not table[k] & (NOUN | VERB):
            table[k] |= ADV
    # adjectives hunspell lists as words of their own ("unpredictable",
    # "mercurial" is flagged already): a lower-case word the lexicon knows
    # nothing more of, with an adjective ending
    adj_endings = ("able", "ible", "ous", "ful", "less", "ive", "ical", "ish",
                   "ary", "ant", "ent", "ic")
    for k in list(table):
        if (table[k] == LOWER and len(k) >= 6 and k.endswith(adj_endings)):
            table[k] |= ADJ
    keys = sorted(k for k in table if "'" not in k)
    out = sys.stdout
    out.write("/* Generated by lib/data/gen_english.py from hunspell-en-us and\n"
              " * wamerican (SCOWL); see lib/data/README.md. Do not edit. */\n")
    out.write('#include "english_words.h"\n\n')
    out.write("#if defined(__GNUC__)\n"
              "#pragma GCC diagnostic ignored \"-Woverlength-strings\"\n"
              "#endif\n\n")
    # each word's flags live beside it in its hash line, read nowhere else
    bkeys = [k.encode("ascii") for k in keys]
    hashtab.write_lines(out, "np__english_lines", bkeys,
                        [table[k] for k in keys])

if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""The loader keeps only the attributes some stage reads (lib/load/dom.c,
np__read_attrs): every name a source file under lib/ gives np__xml_attr
must be in that list. A name is a string literal in the call, or, when the
call reads `LIST[i]`, every literal of the array LIST in the same file.

usage: attrs_test.py SOURCE_DIR
"""
import glob
import os
import re
import sys


def read_list(src):
    with open(os.path.join(src, "lib", "load", "dom.c"), encoding="utf-8") as f:
        text = f.read()
    m = re.search(r"np__read_attrs\[\]\s*=\s*\{(.*?)\};", text, re.S)
    if not m:
        sys.exit("attrs_test: no np__read_attrs in lib/load/dom.c")
    return set(re.findall(r'"([^"]*)"', m.group(1)))


def strip_comments(text):
    return re.sub(r"/\*.*?\*/", " ", text, flags=re.S)


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else "."
    kept = read_list(src)
    bad, calls = [], 0
    for path in sorted(glob.glob(os.path.join(src, "lib", "**", "*.c"),
                                 recursive=True)):
        with open(path, encoding="utf-8", errors="replace") as f:
            text = strip_comments(f.read())
        rel = os.path.relpath(path, src)
        for m in re.finditer(r"\bnp__xml_attr\s*\(", text):
            if re.match(r"const\s+char\s*\*\s*$", text[max(0, m.start() - 40):m.start()].split("\n")[-1]):
                continue        # the definition
            # the second argument: up to the matching close parenthesis
            depth, i, args, cur = 1, m.end(), [], ""
            while i < len(text) and depth:
                ch = text[i]
                if ch == "(":
                    depth += 1
                elif ch == ")":
                    depth -= 1
                if depth == 1 and ch == ",":
                    args.append(cur)
                    cur = ""
                elif depth:
                    cur += ch
                i += 1
            args.append(cur)
            if len(args) != 2:
                continue        # a declaration or a macro, not a call
            calls += 1
            arg = args[1].strip()
            line = text.count("\n", 0, m.start()) + 1
            lit = re.fullmatch(r'"([^"]*)"', arg)
            idx = re.fullmatch(r"(\w+)\s*\[[^\]]*\]", arg)
            if lit:
                names = [lit.group(1)]
            elif idx:
                arr = re.search(r"\b%s\s*\[\s*\]\s*=\s*\{(.*?)\};" % idx.group(1),
                                text, re.S)
                if not arr:
                    bad.append("%s:%d: np__xml_attr(..., %s): no array %s "
                               "in the file" % (rel, line, arg, idx.group(1)))
                    continue
                names = re.findall(r'"([^"]*)"', arr.group(1))
            else:
                bad.append("%s:%d: np__xml_attr(..., %s): the name is neither a "
                           "literal nor an array's entry" % (rel, line, arg))
                continue
            for name in names:
                if name not in kept:
                    bad.append("%s:%d: attribute \"%s\" is read but the loader "
                               "leaves it out: add it to np__read_attrs in "
                               "lib/load/dom.c" % (rel, line, name))
    if calls < 10:
        bad.append("only %d calls of np__xml_attr found: the scan is broken" % calls)
    for b in bad:
        print(b)
    if bad:
        return 1
    print("attrs: %d calls, every name kept by the loader" % calls)
    return 0


if __name__ == "__main__":
    sys.exit(main())

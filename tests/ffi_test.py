#!/usr/bin/env python3
"""The bindings' table of the C API (bindings/newsparse.ffi) against the
public headers: every declaration in the table must be one of the headers,
word for word but for spacing and comments, and a struct must be whole.

usage: ffi_test.py SOURCE_DIR
"""
import glob
import os
import re
import sys


def norm(text):
    text = text.replace("*", " * ")
    text = " ".join(text.split())
    text = re.sub(r"\* (?=\*)", "*", text)        # "* *" -> "**"
    text = re.sub(r"\* (?=\w)", "*", text)        # "char * x" -> "char *x"
    return re.sub(r" ?([(),;{}]) ?", r"\1", text)


def header_decls(src):
    decls = set()
    for path in glob.glob(os.path.join(src, "include", "newsparse", "*.h")):
        with open(path, encoding="utf-8") as f:
            text = f.read()
        text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
        text = re.sub(r"//[^\n]*", " ", text)
        for m in re.finditer(r"^#\s*define\s+(NP_\w+)[ \t]+([^\n]+)$", text, re.M):
            decls.add(norm("#define %s %s" % (m.group(1), m.group(2))))
        for m in re.finditer(r"NP_API\s+([^;#]*;)", text):
            decls.add(norm(m.group(1)))
        for m in re.finditer(r"typedef struct \w+ \{[^}]*\} \w+;", text):
            decls.add(norm(m.group(0)))
    return decls


def main():
    src = sys.argv[1]
    decls = header_decls(src)
    table = os.path.join(src, "bindings", "newsparse.ffi")
    bad, n = [], 0
    with open(table, encoding="utf-8") as f:
        for no, line in enumerate(f, 1):
            line = line.strip()
            if not line or (line.startswith("#") and not line.startswith("#define")):
                continue
            n += 1
            if norm(line) not in decls:
                bad.append("%s:%d: not a declaration of the headers: %s"
                           % (table, no, line))
    for b in bad:
        print(b)
    print("ffi: %d declarations, %d passed, %d failed" % (n, n - len(bad), len(bad)))
    return 1 if bad or n == 0 else 0


if __name__ == "__main__":
    sys.exit(main())

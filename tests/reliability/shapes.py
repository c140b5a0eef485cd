#!/usr/bin/env python3
"""Inputs of unusual shapes at a given size, for linearity.sh --large and
peak_memory.sh: each is a short prefix, one pattern repeated until the
input reaches the size, and a short suffix.

    shapes.py list                 name and kind of every shape, one a line
    shapes.py make NAME BYTES OUT  writes that shape at about BYTES bytes

Kinds: html and text are parsed (`newsparse parse --input KIND`), clean is
cleaned (`newsparse clean`)."""
import sys

# name: (kind, prefix, pattern, suffix)
SHAPES = {
    # one huge paragraph, one huge line of text, one huge line to clean
    "paragraph": ("html", b"<p>", b"news ", b"</p>"),
    "text-line": ("text", b"", b"news ", b"\n"),
    "clean-line": ("clean", b"", b"news ", b"\n"),
    # many tiny paragraphs
    "tiny-paragraphs": ("html", b"", b"<p>news item.</p>", b""),
    # huge metadata: <title>, <meta content>, alt
    "title": ("html", b"<title>", b"news ",
              b"</title><p>A short body of a few words.</p>"),
    "meta-content": ("html", b'<meta name="description" content="', b"news ",
                     b'"><p>A short body of a few words.</p>'),
    "alt": ("html", b'<p>A short body.</p><img src="a.jpg" alt="', b"news ",
            b'">'),
    # JSON-LD: a huge articleBody, a huge array
    "jsonld-body": ("html",
                    b'<script type="application/ld+json">{"@type":"NewsArticle",'
                    b'"headline":"A","articleBody":"', b"news ", b'"}</script>'),
    "jsonld-array": ("html", b'<script type="application/ld+json">[',
                     b'{"@type":"Person","name":"Ann Bee"},', b'{}]</script>'),
    # sentences, runs of capitalised names, quotes
    "sentences": ("text", b"",
                  b"Mr John Smith said the plan would work in London. ", b"\n"),
    "names": ("text", b"", b"John Smith Mary Jones Peter Brown Anna Lee ", b"\n"),
    "quotes": ("text", b"", b'"We will go," she said. ', b"\n"),
    # floods: NUL bytes, punctuation, commas
    "nul-flood": ("text", b"", b"\0", b""),
    "punctuation": ("text", b"", b".,;:!?-()", b""),
    "commas": ("text", b"", b",", b""),
}


def make(name, size, out):
    kind, pre, pat, suf = SHAPES[name]
    reps = max(0, (size - len(pre) - len(suf)) // len(pat))
    with open(out, "wb") as f:
        f.write(pre)
        chunk = pat * max(1, (1 << 20) // len(pat))
        left = reps
        while left > 0:
            k = min(left, len(chunk) // len(pat))
            f.write(chunk[:k * len(pat)])
            left -= k
        f.write(suf)


if __name__ == "__main__":
    if len(sys.argv) == 2 and sys.argv[1] == "list":
        for n, (kind, *_r) in SHAPES.items():
            print(n, kind)
    elif len(sys.argv) == 5 and sys.argv[1] == "make":
        make(sys.argv[2], int(sys.argv[3]), sys.argv[4])
    else:
        sys.exit(__doc__)

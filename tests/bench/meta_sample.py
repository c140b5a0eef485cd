#!/usr/bin/env python3
"""Re-score a hand-checked metadata sample with the current binary.

usage: tests/bench/meta_sample.py [--bench DIR] [--newsparse CMD] [-v] FILE...

Each FILE (tests/bench/meta_sample*.txt) holds, one page a line, tab
separated: the page id of the snippet set (DIR/extraction/snippets/<id>
.html.gz), the byline the page shows ("-": none), the calendar date it
shows (YYYY-MM-DD, "-": none), then any columns of earlier judgements,
which are not read. "SKIP" in the byline column leaves the page out.
Lines starting with "#" are comments.

The pages are run through `newsparse parse` (neutral file names, as the
shared scorers do) and compared with score-metadata.py's own comparers:
authors by its token rule against the byline (pages that show one), the
date right when `published` or `modified` has the shown calendar date
(pages that show one). Run from the project root; DIR defaults to
../shared/bench, the program to $NEWSPARSE or build/examples/newsparse.

Prints the misses (-v: every page; --columns: page, authors right and
date right as y, n or - for every page), then one line per FILE:
  meta-sample <file> authors <k>/<n> <a> date <k>/<n> <a>
"""

import argparse
import gzip
import importlib.util
import sys
import tempfile
from pathlib import Path

sys.dont_write_bytecode = True


def load_scorer(bench):
    sys.path.insert(0, str(bench))
    spec = importlib.util.spec_from_file_location(
        "score_metadata", bench / "score-metadata.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def read_sample(path):
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 3:
            sys.exit("%s:%d: expected page, byline and date, tab separated"
                     % (path, n))
        page, byline, date = (c.strip() for c in cols[:3])
        if byline == "SKIP":
            continue
        rows.append((page, None if byline == "-" else byline,
                     None if date == "-" else date))
    return rows


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("files", nargs="+", type=Path)
    ap.add_argument("--bench", type=Path, default=Path("../shared/bench"))
    ap.add_argument("--newsparse")
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--columns", action="store_true",
                    help="print page, authors and date right (y, n or -) "
                    "for every page instead of the misses")
    a = ap.parse_args()
    sm = load_scorer(a.bench.resolve())
    cli = sm.newsparse_cli
    try:
        argv = cli.resolve_command(a.newsparse)
    except cli.UsageError as e:
        print("error: %s" % e, file=sys.stderr)
        return 2
    pages = a.bench / "extraction" / "snippets"
    samples = [(f, read_sample(f)) for f in a.files]
    ids = sorted({r[0] for _, rows in samples for r in rows})
    raws = [gzip.decompress((pages / (i + ".html.gz")).read_bytes())
            for i in ids]
    with tempfile.TemporaryDirectory(prefix="meta-sample-") as tmp:
        files = cli.stage_inputs(tmp, raws, ".html")
        recs, _ = cli.run_parse(argv, files)
        out = {i: recs.get(f, {}) for i, f in zip(ids, files)}
    lines = []
    for f, rows in samples:
        ak = an = dk = dn = 0
        for page, byline, date in rows:
            rec = out[page]
            authors = sm.present(rec.get("authors"))
            dates = [rec.get("published"), rec.get("modified")]
            marks = []
            col = ["-", "-"]
            if byline is not None:
                ok = sm.same_authors(authors, byline)
                an += 1
                ak += ok
                marks.append(ok)
                col[0] = "y" if ok else "n"
            if date is not None:
                ok = any(isinstance(d, str) and sm.same_published(d, date)
                         for d in dates)
                dn += 1
                dk += ok
                marks.append(ok)
                col[1] = "y" if ok else "n"
            if a.columns:
                print("%s\t%s\t%s" % (page, col[0], col[1]))
            elif a.verbose or not all(marks):
                print("%s %s\tbyline %r -> %r\tdate %s -> %s / %s" % (
                    f.name, page, byline, authors, date, dates[0], dates[1]))
        lines.append("meta-sample %s authors %d/%d %.3f date %d/%d %.3f" % (
            f.name, ak, an, ak / an if an else 0, dk, dn, dk / dn if dn else 0))
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The command's output validates against docs/json-schema.json (JSON
Schema 2020-12, with python3-jsonschema), and the schema rejects records
that break it.

usage: schema_test.py SOURCE_DIR NEWSPARSE_COMMAND [SHARED_DIR]
Exit 77 (skipped) without the jsonschema module.
"""

import copy
import glob
import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile

try:
    import jsonschema
except ImportError:
    print("skip: no jsonschema module (Debian: python3-jsonschema)")
    sys.exit(77)

src, cli = sys.argv[1], sys.argv[2]
shared = sys.argv[3] if len(sys.argv) > 3 else os.path.join(src, "..", "shared")
failures = []


def records(*args):
    r = subprocess.run([cli, "parse"] + list(args), stdout=subprocess.PIPE,
                       check=False)
    lines = r.stdout.split(b"\n")
    assert lines[-1] == b"", "output does not end with a newline"
    return [json.loads(line) for line in lines[:-1]]


with open(os.path.join(src, "docs", "json-schema.json"), encoding="utf-8") as f:
    schema = json.load(f)
V = jsonschema.Draft202012Validator
V.check_schema(schema)
validator = V(schema)


def check(label, rec, valid=True):
    errs = list(validator.iter_errors(rec))
    if valid and errs:
        failures.append("%s: %s" % (label, errs[0].message))
    if not valid and not errs:
        failures.append("%s: accepted, should be rejected" % label)


tmp = tempfile.mkdtemp(prefix="np-schema-")
try:
    article = os.path.join(src, "examples", "data", "article.html")
    text = os.path.join(src, "examples", "data", "article.txt")
    bad = os.path.join(tmp, "bad.txt")
    with open(bad, "wb") as f:
        f.write(b"caf\xe9 \xff")
    samples = []
    samples += records(article, text)
    samples += records("--truncate", "--max-bytes", "2000", article)
    samples += records(os.path.join(tmp, "missing.html"))
    samples += records("--max-bytes", "100", article)
    samples += records("--input", "text", "--no-clean", bad)
    samples += records("--no-entities", "--no-quotes", "--no-metadata", article)
    # the pages and error records of a WARC file carry a "warc" member
    sys.path.insert(0, os.path.join(src, "tests"))
    import warcgen
    with open(article, "rb") as f:
        page = f.read()
    warc = os.path.join(tmp, "pages.warc.gz")
    with open(warc, "wb") as f:
        f.write(warcgen.gzip_member(warcgen.response(page, "https://example.org/a")))
        f.write(warcgen.gzip_member(warcgen.response(b"GIF89a", "https://example.org/b",
                                                     content_type="image/gif")))
    from_warc = records(warc)
    assert [("error" in r, "warc" in r) for r in from_warc] == [(False, True), (True, True)]
    samples += from_warc
    kinds = sorted({"error" if "error" in r else "document" for r in samples})
    assert kinds == ["document", "error"], kinds
    assert any(r.get("truncated") for r in samples), "no truncated record"
    n_dev = 0
    dev = os.path.join(shared, "bench", "extraction", "dev")
    if os.path.isdir(dev):
        paths = []
        for p in sorted(glob.glob(os.path.join(dev, "*.html.gz"))):
            out = os.path.join(tmp, os.path.basename(p)[:-3])
            with open(p, "rb") as f, open(out, "wb") as g:
                g.write(gzip.decompress(f.read()))
            paths.append(out)
        lst = os.path.join(tmp, "list")
        with open(lst, "w") as f:
            f.write("\n".join(paths) + "\n")
        dev_records = records("--files-from", lst)
        assert len(dev_records) == len(paths)
        samples += dev_records
        n_dev = len(dev_records)
    else:
        print("note: no dev pages at %s; the bundled articles only" % dev)
    for i, rec in enumerate(samples):
        check("record %d (%s)" % (i, rec.get("source")), rec)

    # The schema can fail: records that break it are rejected.
    doc = next(r for r in samples if "body" in r and r["quotes"] and r["entities"])
    err = next(r for r in samples if "error" in r)

    def broken(rec, change):
        r = copy.deepcopy(rec)
        change(r)
        return r
    check("no body", broken(doc, lambda r: r.pop("body")), False)
    check("schema 2", broken(doc, lambda r: r.update(schema=2)), False)
    check("unknown field", broken(doc, lambda r: r.update(headline="x")), False)
    check("authors not a list", broken(doc, lambda r: r.update(authors="x")), False)
    check("negative offset", broken(doc, lambda r: r["quotes"][0].update(start=-1)), False)
    check("bad entity type", broken(doc, lambda r: r["entities"][0].update(type="THING")), False)
    check("bad quote kind", broken(doc, lambda r: r["quotes"][0].update(kind="indirect")), False)
    check("truncated false", broken(doc, lambda r: r.update(truncated=False)), False)
    check("error without message", broken(err, lambda r: r["error"].pop("message")), False)
    check("error with a body", broken(err, lambda r: r.update(body="")), False)
    check("error code lower case", broken(err, lambda r: r["error"].update(code="np_x")), False)
    check("warc without record_id", broken(from_warc[0], lambda r: r["warc"].pop("record_id")),
          False)
    check("warc with another field", broken(from_warc[1], lambda r: r["warc"].update(x=1)), False)
finally:
    shutil.rmtree(tmp)

if failures:
    for f in failures:
        print("FAIL:", f)
    sys.exit(1)
print("schema: %d records valid (%d dev pages), 13 broken records rejected"
      % (len(samples), n_dev))

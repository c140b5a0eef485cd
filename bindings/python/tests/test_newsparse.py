"""Tests of the Python binding against the built library and command.

Run by CTest (NEWSPARSE_LIBRARY, NP_CLI, NP_SOURCE_DIR, NP_SHARED_DIR set),
or by hand:
  NEWSPARSE_LIBRARY=build/libnewsparse.so.0 NP_CLI=build/examples/newsparse \
  PYTHONPATH=bindings/python python3 -m unittest discover -s bindings/python/tests
"""

import ctypes
import glob
import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import unittest

import newsparse

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.environ.get("NP_SOURCE_DIR") or os.path.normpath(os.path.join(HERE, "..", "..", ".."))
CLI = os.environ.get("NP_CLI") or os.path.join(SRC, "build", "examples", "newsparse")
SHARED = os.environ.get("NP_SHARED_DIR") or os.path.join(SRC, "..", "shared")
ARTICLE_HTML = os.path.join(SRC, "examples", "data", "article.html")
ARTICLE_TXT = os.path.join(SRC, "examples", "data", "article.txt")
DEV = os.path.join(SHARED, "bench", "extraction", "dev")


def read(path):
    with open(path, "rb") as f:
        return f.read()


def cli(*args, stdin=None):
    r = subprocess.run([CLI] + list(args), input=stdin, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, check=False)
    return r.returncode, r.stdout


def written_prefix(init, version):
    """How many bytes an *_options_init() call writes: the size of the C
    struct of that version, as the library knows it."""
    buf = (ctypes.c_ubyte * 512)(*([0xAB] * 512))
    rc = init(ctypes.cast(buf, init.argtypes[0]), version)
    assert rc == 0, rc
    n = 512
    while n > 0 and buf[n - 1] == 0xAB:
        n -= 1
    # version (an unsigned int, 1) is the only nonzero value written; the
    # rest is zeros, so the last written byte is a zero at offset n-1
    return bytes(buf[:n]), n


class TestLayout(unittest.TestCase):
    def test_parse_options_size_and_offsets(self):
        lib = newsparse.load()
        data, n = written_prefix(lib.np_parse_options_init,
                                 newsparse.PARSE_OPTIONS_VERSION)
        P = newsparse.ParseOptions
        self.assertEqual(n, ctypes.sizeof(P))
        self.assertEqual(P.max_work.offset + ctypes.sizeof(ctypes.c_size_t), n)
        # the struct the library initialised reads back as version 1, all 0
        o = P.from_buffer_copy(data)
        self.assertEqual(o.version, newsparse.PARSE_OPTIONS_VERSION)
        self.assertEqual([getattr(o, f) for f, _ in P._fields_[1:]],
                         [0, 0, None, None, 0, 0, 0, 0, 0, 0, 0])

    def test_clean_options_size(self):
        lib = newsparse.load()
        _, n = written_prefix(lib.np_clean_options_init,
                              newsparse.CLEAN_OPTIONS_VERSION)
        self.assertEqual(n, ctypes.sizeof(newsparse.CleanOptions))

    def test_fields_are_used(self):
        # a layout mistake would move max_bytes or flags: both must bite
        with self.assertRaises(newsparse.Error) as cm:
            newsparse.parse_html(b"<p>" + b"x" * 100 + b"</p>", max_bytes=50)
        self.assertEqual(cm.exception.name, "NP_ELIMIT")
        doc = newsparse.parse_html(read(ARTICLE_HTML),
                                   flags=newsparse.PARSE_NO_QUOTES)
        self.assertEqual(doc.quotes, ())
        self.assertTrue(doc.entities)


class TestDocument(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.doc = newsparse.parse_html(read(ARTICLE_HTML))
        cls.ref = json.loads(cli("parse", ARTICLE_HTML)[1])

    def test_properties_match_the_json(self):
        d, ref = self.doc, self.ref
        for f in ("title", "description", "published", "modified",
                  "site_name", "language", "url", "image", "is_article",
                  "word_count", "body", "sources"):
            self.assertEqual(getattr(d, f), ref[f], f)
        self.assertIsInstance(d.title, str)
        self.assertTrue(d.title)
        self.assertEqual(list(d.authors), ref["authors"])
        self.assertEqual([(b.kind, b.text, b.start) for b in d.blocks],
                         [(b["kind"], b["text"], b["start"]) for b in ref["blocks"]])
        self.assertEqual([(e.name, e.type, e.count, e.role) for e in d.entities],
                         [(e["name"], e["type"], e["count"], e.get("role"))
                          for e in ref["entities"]])
        self.assertEqual([(q.text, q.speaker, q.speaker_entity, q.cue, q.kind,
                           q.start, q.end) for q in d.quotes],
                         [(q["text"], q["speaker"], q["speaker_entity"], q["cue"],
                           q["kind"], q["start"], q["end"]) for q in ref["quotes"]])
        self.assertEqual([(f.rule, f.before, f.after, f.start, f.end) for f in d.fixes],
                         [(f["rule"], f["before"], f["after"], f["start"], f["end"])
                          for f in ref["fixes"]])
        self.assertEqual([(i.src, i.caption, i.credit) for i in d.images],
                         [(i["src"], i["caption"], i["credit"]) for i in ref["images"]])

    def test_char_offsets_slice_the_str_body(self):
        d = self.doc
        body, raw = d.body, d.body_bytes
        self.assertNotEqual(len(body), len(raw))  # the article is not ASCII
        spans = [(q.start, q.end, q.start_char, q.end_char) for q in d.quotes]
        spans += [(m.start, m.end, m.start_char, m.end_char)
                  for e in d.entities for m in e.mentions]
        spans += [(b.start, b.end, b.start_char, b.end_char) for b in d.blocks]
        spans += [(f.start, f.end, f.start_char, f.end_char) for f in d.fixes]
        self.assertGreater(len(d.quotes), 3)
        moved = 0
        for s, e, sc, ec in spans:
            self.assertEqual(body[sc:ec], raw[s:e].decode("utf-8"))
            moved += sc != s
        self.assertGreater(moved, 0)
        for q in d.quotes:
            self.assertEqual(body[q.start_char:q.end_char], q.text)
        for b in d.blocks:
            self.assertEqual(body[b.start_char:b.end_char], b.text)

    def test_closed_document(self):
        doc = newsparse.parse_html(read(ARTICLE_HTML))
        title = doc.title
        with doc:
            pass
        self.assertEqual(doc.title, title)  # read before: kept
        with self.assertRaises(ValueError):
            doc.to_json()


class TestIdentity(unittest.TestCase):
    """to_json()/to_dict() and parse_to_json() against `newsparse parse`."""

    def check(self, path, as_html):
        rc, ref = cli("parse", path)
        self.assertEqual(rc, 0)
        data = read(path)
        doc = (newsparse.parse_html if as_html else newsparse.parse_text)(data)
        self.assertEqual((doc.to_json(source=path) + "\n").encode("utf-8"), ref)
        self.assertEqual(doc.to_dict(source=path), json.loads(ref))
        self.assertEqual((newsparse.parse(data).to_json(source=path) + "\n")
                         .encode("utf-8"), ref)
        code, text = newsparse.parse_to_json(data, source=path)
        self.assertEqual(code, 0)
        self.assertEqual((text + "\n").encode("utf-8"), ref)
        # pretty output too
        rc, pretty = cli("parse", "--pretty", path)
        if rc == 0:
            self.assertEqual(doc.to_json(path, newsparse.JSON_PRETTY) + "\n",
                             pretty.decode("utf-8"))

    def test_article_html(self):
        self.check(ARTICLE_HTML, True)

    def test_article_txt(self):
        self.check(ARTICLE_TXT, False)

    def test_error_record(self):
        # the same error record as the command's, byte for byte
        tmp = tempfile.mkdtemp(prefix="np-py-err-")
        try:
            path = os.path.join(tmp, "bad.txt")
            with open(path, "wb") as f:
                f.write(b"caf\xe9 \xff")
            rc, ref = cli("parse", "--input", "text", "--no-clean", path)
            self.assertNotEqual(rc, 0)
            code, text = newsparse.parse_to_json(read(path), input="text",
                                                 source=path,
                                                 flags=newsparse.PARSE_NO_CLEAN)
            self.assertEqual(code, newsparse.EENCODING)
            self.assertEqual((text + "\n").encode("utf-8"), ref)
            rec = json.loads(text)
            self.assertEqual(rec["error"]["code"], "NP_EENCODING")
            self.assertTrue(rec["error"]["message"])
        finally:
            shutil.rmtree(tmp)

    def test_dev_pages(self):
        if not os.path.isdir(DEV):
            self.skipTest("no dev pages at %s (../shared absent)" % DEV)
        pages = sorted(glob.glob(os.path.join(DEV, "*.html.gz")) +
                       glob.glob(os.path.join(DEV, "*.html")))
        self.assertGreater(len(pages), 50)
        tmp = tempfile.mkdtemp(prefix="np-py-dev-")
        try:
            paths = []
            for p in pages:
                out = os.path.join(tmp, os.path.basename(p).replace(".gz", ""))
                with open(out, "wb") as f:
                    f.write(gzip.decompress(read(p)) if p.endswith(".gz") else read(p))
                paths.append(out)
            rc, ref = cli("parse", "--files-from", "-",
                          stdin=("\n".join(paths) + "\n").encode())
            lines = ref.split(b"\n")
            self.assertEqual(lines[-1], b"")
            self.assertEqual(len(lines) - 1, len(paths))
            with newsparse.Parser() as parser:
                for path, line in zip(paths, lines):
                    data = read(path)
                    try:
                        doc = parser.parse(data)
                        mine = doc.to_json(source=path)
                    except newsparse.Error:
                        mine = newsparse.parse_to_json(data, source=path)[1]
                    self.assertEqual(mine.encode("utf-8"), line, path)
        finally:
            shutil.rmtree(tmp)


class TestErrors(unittest.TestCase):
    def assertError(self, name, fn, *args, **kw):
        with self.assertRaises(newsparse.Error) as cm:
            fn(*args, **kw)
        e = cm.exception
        self.assertEqual(e.name, name)
        self.assertEqual(e.code, getattr(newsparse, name[3:]))
        self.assertIsInstance(e.message, str)
        self.assertTrue(e.message)
        self.assertIn(e.message, str(e))
        return e

    def test_lenient_by_default(self):
        # the library repairs what it can: empty, binary and invalid UTF-8
        # input give a document (as the command gives a record), no crash
        for data in (b"", b"\x00\xff\xfe\x01" * 64, b"caf\xe9 \xff\xc3(", "",
                     b"\xef\xbb\xbf"):
            for fn in (newsparse.parse_html, newsparse.parse_text, newsparse.parse):
                doc = fn(data)
                json.loads(doc.to_json())
                doc.body.encode("utf-8")  # valid text
            self.assertIsInstance(newsparse.clean(data).text, str)

    def test_invalid_utf8_without_cleanup(self):
        e = self.assertError("NP_EENCODING", newsparse.parse_text, b"caf\xe9 \xff",
                             flags=newsparse.PARSE_NO_CLEAN)
        self.assertIn("UTF-8", e.message)

    def test_binary_without_cleanup(self):
        self.assertError("NP_EENCODING", newsparse.parse_text,
                         b"\x00\xff\xfe\x01" * 64, flags=newsparse.PARSE_NO_CLEAN)

    def test_limits(self):
        e = self.assertError("NP_ELIMIT", newsparse.parse_html, b"<p>" + b"x" * 100,
                             max_bytes=10)
        self.assertIn("10", e.message)
        self.assertError("NP_ELIMIT", newsparse.parse_html, b"<div>" * 5000,
                         max_depth=10)
        self.assertError("NP_ELIMIT", newsparse.clean, b"xxxx", max_bytes=2)
        doc = newsparse.parse_html(b"<p>" + b"x" * 100, max_bytes=10,
                                   flags=newsparse.PARSE_TRUNCATE)
        self.assertTrue(doc.truncated)

    def test_bad_flags(self):
        self.assertError("NP_EINVAL", newsparse.Parser, flags=1 << 20)
        self.assertError("NP_EINVAL", newsparse.clean, b"x", flags=1 << 30)
        doc = newsparse.parse_html(b"<p>x</p>")
        self.assertError("NP_EINVAL", doc.to_json, None, 1 << 20)

    def test_wrong_types(self):
        with self.assertRaises(TypeError):
            newsparse.parse_html(12)
        with self.assertRaises(TypeError):
            newsparse.Parser(max_nothing=1)


class TestClean(unittest.TestCase):
    def test_same_as_command(self):
        rc, ref = cli("clean", ARTICLE_TXT)
        self.assertEqual(rc, 0)
        self.assertEqual(newsparse.clean(read(ARTICLE_TXT)).text.encode("utf-8"), ref)

    def test_fixes(self):
        c = newsparse.clean("caf\u00e9  \u00a0ok don\u2019t".encode() + b" \xe9t\xe9")
        self.assertTrue(c.fixes)
        for f in c.fixes:
            self.assertEqual(c.text[f.start_char:f.end_char], f.after)
            self.assertEqual(c.text.encode()[f.start:f.end].decode(), f.after)
        self.assertEqual(str(c), c.text)


class TestThreads(unittest.TestCase):
    def test_threads(self):
        data = read(ARTICLE_HTML)
        ref = newsparse.parse_html(data).to_json("a")
        shared = newsparse.Parser()
        results, errors = [], []

        def work(i):
            try:
                for _ in range(3):
                    # this thread's own default parser, and one shared parser
                    results.append(newsparse.parse_html(data).to_json("a"))
                    results.append(shared.parse_html(data).to_json("a"))
                    results.append(newsparse.clean(data).text[:10])
            except Exception as e:  # noqa: BLE001 - reported below
                errors.append(e)

        threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        shared.close()
        self.assertEqual(errors, [])
        docs = [r for r in results if len(r) > 10]
        self.assertEqual(len(docs), 24)
        self.assertTrue(all(r == ref for r in docs))


class TestLoading(unittest.TestCase):
    def run_py(self, code, env):
        full = {k: v for k, v in os.environ.items() if k != "NEWSPARSE_LIBRARY"}
        full.update(env)
        return subprocess.run([sys.executable, "-c", code], env=full,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              check=False)

    def test_explicit_path_and_env(self):
        lib = os.environ["NEWSPARSE_LIBRARY"]
        pkg = os.path.dirname(os.path.dirname(newsparse.__file__))
        r = self.run_py("import newsparse; newsparse.load(%r); "
                        "print(newsparse.library_version())" % lib,
                        {"PYTHONPATH": pkg, "NEWSPARSE_LIBRARY": "/nonexistent.so"})
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertRegex(r.stdout.decode(), r"^\d+\.\d+\.\d+\n$")
        r = self.run_py("import newsparse; newsparse.library_version()",
                        {"PYTHONPATH": pkg, "NEWSPARSE_LIBRARY": "/nonexistent.so"})
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("NEWSPARSE_LIBRARY", r.stderr.decode())

    def test_install_prefix(self):
        # a copy of the package whose _config names the library's folder
        lib = os.path.realpath(os.environ["NEWSPARSE_LIBRARY"])
        tmp = tempfile.mkdtemp(prefix="np-py-pkg-")
        try:
            dst = os.path.join(tmp, "newsparse")
            shutil.copytree(os.path.dirname(newsparse.__file__), dst,
                            ignore=shutil.ignore_patterns("__pycache__"))
            # as installed: the table of the C API beside the package
            shutil.copy(os.path.join(SRC, "bindings", "newsparse.ffi"), dst)
            libdir = os.path.join(tmp, "lib")
            os.mkdir(libdir)
            shutil.copy(lib, os.path.join(libdir, "libnewsparse.so.0"))
            with open(os.path.join(dst, "_config.py"), "w") as f:
                f.write("LIBDIR = %r\n" % libdir)
            r = self.run_py("import newsparse; newsparse.library_version(); "
                            "print(newsparse.load()._name)", {"PYTHONPATH": tmp})
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertEqual(r.stdout.decode().strip(),
                             os.path.join(libdir, "libnewsparse.so.0"))
        finally:
            shutil.rmtree(tmp)


if __name__ == "__main__":
    unittest.main()

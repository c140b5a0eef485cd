"""newsparse.warc against the command: the same lines for the pages of WARC
files (plain, gzip per record, gzip whole), the same records failing with
the same codes.

Run by CTest with the environment of test_newsparse.py (NP_CLI,
NP_SOURCE_DIR, NEWSPARSE_LIBRARY).
"""

import gzip
import json
import os
import subprocess
import sys
import tempfile
import unittest

import newsparse.warc

SRC = os.environ.get("NP_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", "..", ".."))
CLI = os.environ.get("NP_CLI", os.path.join(SRC, "build", "examples", "newsparse"))
sys.path.insert(0, os.path.join(SRC, "tests"))
import warcgen as g  # noqa: E402


class WarcTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        with open(os.path.join(SRC, "examples", "data", "article.html"), "rb") as f:
            art = f.read()
        cyr = ("<html><head><title>Новости</title></head><body><p>Сегодня в Москве "
               "прошла встреча.</p></body></html>").encode("cp1251")
        self.recs = [
            g.warcinfo(),
            g.response(art, "https://a.example/article"),
            g.response(b"GIF89a", "https://a.example/x.gif", content_type="image/gif"),
            g.response(cyr, "https://a.example/cyr",
                       content_type="text/html; charset=windows-1251"),
            g.response(art, "https://a.example/chunked", chunked=True, encoding="gzip"),
            g.response(art, "https://a.example/short", content_length=300),
            g.response(art, "https://a.example/after"),
            b"garbage\r\n",
            g.response(art, "https://a.example/deflate", encoding="deflate"),
        ]

    def tearDown(self):
        self.tmp.cleanup()

    def compare(self, name, data):
        path = os.path.join(self.tmp.name, name)
        with open(path, "wb") as f:
            f.write(data)
        want = subprocess.run([CLI, "parse", path], stdout=subprocess.PIPE).stdout
        want = want.decode("utf-8").split("\n")[:-1]
        got = list(newsparse.warc.parse_file(path))
        self.assertEqual(len(got), len(want), name)
        for a, b in zip(got, want):
            ja, jb = json.loads(a), json.loads(b)
            if "error" in jb:
                # the same record fails the same way; the wording may differ
                self.assertEqual(ja["error"]["code"], jb["error"]["code"], name)
                self.assertEqual(ja.get("warc"), jb.get("warc"), name)
            else:
                self.assertEqual(a, b, name)
        return got

    def test_plain(self):
        got = self.compare("a.warc", b"".join(self.recs))
        self.assertEqual(sum('"error":{' in line for line in got), 3)
        self.assertEqual(len(got), 8)

    def test_gzip_per_record_and_whole(self):
        members = [g.gzip_member(r) for r in self.recs]
        cut = g.gzip_member(g.response(b"<p>x</p>" * 400, "https://a.example/cut"))
        # a member cut short at the end of the file (a cut in the middle
        # makes inflate read on into the next member, and what that garbage
        # decodes to is not worth comparing)
        members.append(cut[: len(cut) // 2])
        self.compare("b.warc.gz", b"".join(members))
        self.compare("c.warc.gz", gzip.compress(b"".join(self.recs)))

    def test_is_warc(self):
        self.assertTrue(newsparse.warc.is_warc(b"", "x.WARC.gz"))
        self.assertTrue(newsparse.warc.is_warc(gzip.compress(b"WARC/1.0\r\n")))
        self.assertFalse(newsparse.warc.is_warc(gzip.compress(b"<html>")))
        self.assertFalse(newsparse.warc.is_warc(b"<html>", "page.html"))


if __name__ == "__main__":
    unittest.main()

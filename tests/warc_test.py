"""WARC input of the newsparse command: plain and gzip files made by
warcgen.py, good and bad records, read by name, by content and from
standard input, with -j N; and the progress line's switch.

    NP_CLI=build/examples/newsparse python3 tests/warc_test.py
"""

import gzip
import json
import os
import pty
import subprocess
import sys
import tempfile
import threading
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import warcgen as g  # noqa: E402

CLI = os.environ.get("NP_CLI", os.path.join(HERE, "..", "build", "examples", "newsparse"))
ARTICLE = os.path.join(HERE, "..", "examples", "data", "article.html")
with open(ARTICLE, "rb") as f:
    ART = f.read()
HEADLINE = "Macron Offers to Mediate US-Russia Summit"

# A page whose charset only its HTTP header gives: windows-1251 read as the
# windows-1252 fallback would be mojibake.
CYR_TITLE = "Новости дня"
CYR = ("<html><head><title>%s</title></head><body><article><h1>%s</h1>"
       "<p>Сегодня в Москве прошла встреча министров, которые обсудили новые "
       "правила торговли и будущие переговоры между странами.</p></article>"
       "</body></html>" % (CYR_TITLE, CYR_TITLE)).encode("cp1251")


def run(args, stdin=None, ok=(0, 1)):
    p = subprocess.run([CLI, "parse"] + args, input=stdin, capture_output=True)
    if p.returncode not in ok:
        raise AssertionError("exit %d: %s" % (p.returncode, p.stderr.decode()))
    return p


def records(out):
    return [json.loads(line) for line in out.decode("utf-8").split("\n") if line]


def summary(recs):
    """(target URI or None, 'ok' or the error code) per record."""
    return [((r.get("warc") or {}).get("target_uri"),
             r["error"]["code"] if "error" in r else "ok") for r in recs]


def mixed_records():
    """Good and bad records, in order, and the summary they must give."""
    recs = [
        (g.warcinfo(), None),
        (g.record("request", b"GET / HTTP/1.1\r\nHost: a.example\r\n\r\n",
                  uri="https://a.example/", content_type="application/http; msgtype=request"),
         None),
        (g.response(ART, "https://a.example/article"), "ok"),
        (g.response(b"\x89PNG\r\n\x1a\n....", "https://a.example/x.png",
                    content_type="image/png"), "NP_EINVAL"),
        (g.response(CYR, "https://a.example/cyr", content_type="text/html; charset=windows-1251"),
         "ok"),
        (g.response(ART, "https://a.example/chunked-gzip", chunked=True, encoding="gzip"), "ok"),
        (g.record("metadata", b"via: https://a.example/\r\n", uri="https://a.example/",
                  content_type="application/warc-fields"), None),
        (g.response(ART, "https://a.example/short", content_length=500), "NP_EPARSE"),
        (g.response(ART, "https://a.example/after-short"), "ok"),
        (g.response(ART, "https://a.example/long",
                    content_length=len(g.http_response(ART)) + 3000), "NP_EPARSE"),
        (g.response(ART, "https://a.example/after-long"), "ok"),
        (g.response(ART, "https://a.example/br", encoding=None,
                    headers=[("Content-Encoding", "br")]), "NP_EINVAL"),
        (g.response(ART, "https://a.example/no-type", content_type=None), "ok"),
    ]
    expect = []
    for data, want in recs:
        if want is not None:
            uri = data.split(b"WARC-Target-URI: ", 1)[1].split(b"\r\n", 1)[0].decode()
            expect.append((uri, want))
    return [r for r, _ in recs], expect


class WarcTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.dir = self.tmp.name

    def tearDown(self):
        self.tmp.cleanup()

    def path(self, name, data):
        p = os.path.join(self.dir, name)
        with open(p, "wb") as f:
            f.write(data)
        return p

    def test_plain_good_and_bad_records(self):
        recs, expect = mixed_records()
        # garbage between two records
        recs.insert(9, b"this is not a record\r\nnor is this\r\n")
        expect.insert(6, (None, "NP_EPARSE"))
        w = self.path("mixed.warc", b"".join(recs))
        p = run([w])
        self.assertEqual(summary(records(p.stdout)), expect)
        self.assertEqual(p.returncode, 1)   # some records failed
        for r in records(p.stdout):
            self.assertEqual(r["source"], w)
            self.assertEqual(r["schema"], 1)

    def test_page_is_parsed_as_the_page_alone(self):
        """A record's JSON is that of its payload parsed with the record's
        URL and HTTP charset, plus the "warc" member."""
        rid = "<urn:uuid:00000000-0000-4000-8000-000000000001>"
        w = self.path("one.warc", g.warcinfo()
                      + g.response(ART, "https://a.example/article", record_id=rid,
                                   date="2024-05-06T07:08:09Z")
                      + g.response(CYR, "https://a.example/cyr",
                                   content_type="text/html; charset=windows-1251"))
        got = records(run([w], ok=(0,)).stdout)
        self.assertEqual(got[0]["warc"], {"target_uri": "https://a.example/article",
                                          "date": "2024-05-06T07:08:09Z", "record_id": rid})
        self.assertEqual(list(got[0])[-1], "warc")
        page = self.path("cyr.html", CYR)
        for rec, args in ((got[0], ["--url", "https://a.example/article", ARTICLE]),
                          (got[1], ["--url", "https://a.example/cyr", "--charset",
                                    "windows-1251", page])):
            alone = records(run(args, ok=(0,)).stdout)[0]
            del rec["warc"]
            alone["source"] = w
            self.assertEqual(rec, alone)
        self.assertEqual(got[1]["title"], CYR_TITLE)
        self.assertIn(HEADLINE, got[0]["title"])

    def test_gzip_per_record_with_truncated_members(self):
        recs, expect = mixed_records()
        members = [g.gzip_member(r) for r in recs]
        cut = g.gzip_member(g.response(ART, "https://a.example/cut"))
        members.insert(3, cut[: len(cut) // 2])       # a member cut in the middle
        expect.insert(1, ("https://a.example/cut", "NP_EPARSE"))
        last = g.gzip_member(g.response(ART, "https://a.example/cut-at-end"))
        data = b"".join(members) + last[: len(last) // 2]
        expect.append(("https://a.example/cut-at-end", "NP_EPARSE"))
        w = self.path("mixed.warc.gz", data)
        got = records(run([w]).stdout)
        self.assertEqual(summary(got), expect)
        self.assertIn("gzip", got[1]["error"]["message"])
        # the same from a pipe, where the file cannot be read again
        piped = records(run(["-"], stdin=data).stdout)
        for r in piped:
            r["source"] = w
        self.assertEqual(piped, got)

    def test_gzip_whole_file_and_plain_agree(self):
        recs, expect = mixed_records()
        plain = b"".join(recs)
        a = records(run([self.path("a.warc", plain)]).stdout)
        b = records(run([self.path("b.warc.gz", gzip.compress(plain))]).stdout)
        c = records(run([self.path("c.warc.gz", b"".join(g.gzip_member(r) for r in recs))]).stdout)
        for r in a + b + c:
            r["source"] = "x"
        self.assertEqual(summary(a), expect)
        self.assertEqual(a, b)
        # per-record members: the same, but a record too long for its
        # Content-Length ends with its member rather than at a wrong CRLF CRLF
        self.assertEqual(summary(c), expect)
        self.assertEqual([r for r in a if "error" not in r], [r for r in c if "error" not in r])

    def test_recognised_by_content_and_on_standard_input(self):
        recs, expect = mixed_records()
        for data in (b"".join(recs), b"".join(g.gzip_member(r) for r in recs)):
            named = records(run([self.path("crawl.warc.gz", data)]).stdout)
            other = records(run([self.path("crawl.dat", data)]).stdout)
            piped = records(run(["-"], stdin=data).stdout)
            for r in named + other + piped:
                r["source"] = "x"
            self.assertEqual(summary(named), expect)
            self.assertEqual(other, named)
            self.assertEqual(piped, named)
        # an HTML page is still an HTML page, from a file and from stdin
        html = run([ARTICLE], ok=(0,)).stdout
        self.assertEqual(run(["-"], stdin=ART, ok=(0,)).stdout,
                         html.replace(ARTICLE.encode(), b"-"))
        self.assertNotIn(b'"warc"', html)

    def test_jobs_keep_order_and_bytes(self):
        recs, expect = mixed_records()
        many = b"".join(g.gzip_member(r) for r in recs * 3)
        files = [self.path("m1.warc.gz", many), ARTICLE,
                 self.path("m2.warc", b"".join(recs)), os.path.join(self.dir, "missing.html")]
        one = run(files).stdout
        for j in ("2", "4", "7"):
            self.assertEqual(run(["-j", j] + files).stdout, one)
        got = records(one)
        n = len(expect)
        self.assertEqual(len(got), 3 * n + 1 + n + 1)
        self.assertEqual(got[3 * n]["source"], ARTICLE)
        self.assertEqual(got[-1]["error"]["code"], "NP_ENOTFOUND")

    def test_damaged_members_give_few_errors(self):
        # inflating a damaged member runs on into text that is no record:
        # one error for that text, not one per line (it was 425 records)
        w = os.path.join(HERE, "data", "warc", "corrupt-members.warc.gz")
        p = run([w])
        got = records(p.stdout)
        self.assertEqual(p.returncode, 1)
        self.assertTrue(all(r["error"]["code"] == "NP_EPARSE" for r in got))
        self.assertGreaterEqual(len(got), 1)
        self.assertLessEqual(len(got), 4)

    def test_not_a_warc_and_garbage(self):
        # named .warc but HTML inside: one error record
        w = self.path("page.warc", ART)
        p = run([w])
        got = records(p.stdout)
        self.assertEqual(len(got), 1)
        self.assertEqual(got[0]["error"]["code"], "NP_EPARSE")
        self.assertEqual(p.returncode, 1)
        # binary garbage named .warc.gz, a gzip of garbage, an empty file
        noise = bytes((i * 7919 + 13) % 256 for i in range(20000))
        for name, data in (("noise.warc.gz", noise), ("gz.warc.gz", gzip.compress(noise)),
                           ("empty.warc", b""), ("nul.warc", b"\0" * 1000)):
            p = run([self.path(name, data), ARTICLE])
            got = records(p.stdout)
            self.assertEqual(got[-1]["source"], ARTICLE, name)
            self.assertTrue(all("error" in r for r in got[:-1]), name)
            self.assertEqual(len(got) == 1, name == "empty.warc", name)
        # --input warc forces it
        got = records(run(["--input", "warc", ARTICLE]).stdout)
        self.assertEqual([r["error"]["code"] for r in got], ["NP_EPARSE"])

    def test_limits(self):
        recs = [g.response(ART, "https://a.example/big"), g.response(b"<p>tiny</p>" * 3,
                "https://a.example/small")]
        w = self.path("l.warc", b"".join(recs))
        got = records(run(["--max-bytes", "1k", w]).stdout)
        self.assertEqual(summary(got), [("https://a.example/big", "NP_ELIMIT"),
                                        ("https://a.example/small", "ok")])
        got = records(run(["--max-bytes", "4k", "--truncate", w], ok=(0,)).stdout)
        self.assertTrue(got[0].get("truncated"))

    def test_pretty(self):
        w = self.path("p.warc", g.response(ART, "https://a.example/p"))
        out = run(["--pretty", w], ok=(0,)).stdout.decode()
        rec = json.loads(out)
        self.assertEqual(rec["warc"]["target_uri"], "https://a.example/p")
        self.assertTrue(out.endswith('"\n  }\n}\n'), out[-40:])
        compact = records(run([w], ok=(0,)).stdout)[0]
        self.assertEqual(rec, compact)

    def read_pty(self, master):
        err = b""
        while True:
            try:
                chunk = os.read(master, 4096)
            except OSError:
                break
            if not chunk:
                break
            err += chunk
        return err

    def fifo(self, name, data, delay=0.0):
        """A named pipe that a thread writes data to (after delay seconds)."""
        path = os.path.join(self.tmp.name, name)
        os.mkfifo(path)

        def feed():
            time.sleep(delay)
            with open(path, "wb") as f:
                f.write(data)

        t = threading.Thread(target=feed)
        t.start()
        self.addCleanup(t.join)
        return path

    def test_named_pipes_are_read_once(self):
        # A pipe can be read once only: the bytes read to tell a WARC file
        # from a page are part of the input, whether it is a WARC file
        # (plain or gzip) or a page.
        resp = g.response(ART, "https://a.example/f")
        ins = [self.fifo("w.warc.in", resp * 2), self.fifo("z.in", gzip.compress(resp)),
               self.fifo("t.in", b"Text read through a pipe.\n")]
        got = records(run(ins, ok=(0,)).stdout)
        self.assertEqual([r["source"] for r in got], [ins[0], ins[0], ins[1], ins[2]])
        for r in got[:3]:
            self.assertEqual(r["warc"]["target_uri"], "https://a.example/f")
            self.assertEqual(r["title"], records(run([ARTICLE]).stdout)[0]["title"])
        self.assertIn("Text read through a pipe.", got[3]["body"])

    def test_progress_line_on_a_terminal(self):
        # A run that lasts more than a second, on a terminal: a named pipe
        # between two files holds the run until it is written to.
        fifo = self.fifo("slow.txt", b"A short text that arrives late.\n", 1.5)
        master, slave = pty.openpty()
        try:
            p = subprocess.run([CLI, "parse", ARTICLE, fifo, ARTICLE],
                               stdout=subprocess.PIPE, stderr=slave)
            os.close(slave)
            slave = None
            err = self.read_pty(master)
            self.assertEqual(p.returncode, 0)
            self.assertEqual(len(records(p.stdout)), 3)
            # rewritten in place with a carriage return, ended by a newline,
            # the last count being every record
            self.assertTrue(err.startswith(b"\rnewsparse: "), err)
            self.assertTrue(err.endswith(b"\n"), err)
            last = err.rstrip(b"\r\n").split(b"\r")[-1]
            self.assertRegex(last.decode(),
                             r"^newsparse: 3 pages, [0-9.]+ pages/s, 0 errors$")
        finally:
            os.close(master)
            if slave is not None:
                os.close(slave)

    def test_progress_line(self):
        w = self.path("q.warc", g.response(ART, "https://a.example/q") * 3)
        # not a terminal: no progress line, --quiet or not
        for extra in ([], ["--quiet"], ["-q"]):
            p = run(extra + [w, ARTICLE], ok=(0,))
            self.assertEqual(p.stderr, b"", extra)
            self.assertEqual(len(records(p.stdout)), 4)
        # a terminal with --quiet: nothing either
        master, slave = pty.openpty()
        try:
            p = subprocess.run([CLI, "parse", "--quiet", w], stdout=subprocess.PIPE,
                               stderr=slave)
            os.close(slave)
            slave = None
            err = self.read_pty(master)
            self.assertEqual(p.returncode, 0)
            self.assertEqual(err, b"")
        finally:
            os.close(master)
            if slave is not None:
                os.close(slave)


if __name__ == "__main__":
    unittest.main()

"""examples/dask/parse_warcs.py on a local Dask cluster of two workers: the
dev pages (or, without ../shared, the bundled articles) packed into two
WARC.gz files come back, every page exactly once, with the same JSON line
as `newsparse parse` writes for the same files.

usage: dask_test.py SOURCE_DIR NEWSPARSE_COMMAND LIBRARY [SHARED_DIR]
Exit 77 (skipped) without dask.distributed (Debian: python3-distributed).
"""

import glob
import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile

try:
    from dask.distributed import Client, LocalCluster
except ImportError:
    print("skip: no dask.distributed for %s (Debian: python3-distributed)" % sys.executable)
    sys.exit(77)

src, cli, library = sys.argv[1:4]
shared = sys.argv[4] if len(sys.argv) > 4 else os.path.join(src, "..", "shared")
os.environ["NEWSPARSE_LIBRARY"] = os.path.abspath(library)
# the workers are processes started from this one: they inherit the path
os.environ["PYTHONPATH"] = os.pathsep.join(
    [os.path.join(src, "bindings", "python"), os.path.join(src, "examples", "dask")]
    + [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p])
sys.path[:0] = [os.path.join(src, "bindings", "python"), os.path.join(src, "examples", "dask"),
                os.path.join(src, "tests")]
import parse_warcs  # noqa: E402
import warcgen  # noqa: E402


def main():
    tmp = tempfile.mkdtemp(prefix="np-dask-")
    try:
        dev = os.path.join(shared, "bench", "extraction", "dev")
        pages = []
        for p in sorted(glob.glob(os.path.join(dev, "*.html.gz"))):
            out = os.path.join(tmp, os.path.basename(p)[:-3])
            with open(p, "rb") as f, open(out, "wb") as g:
                g.write(gzip.decompress(f.read()))
            pages.append(out)
        if not pages:
            print("note: no dev pages at %s; the bundled articles only" % dev)
            pages = sorted(glob.glob(os.path.join(src, "examples", "data", "*.html")))
        half = (len(pages) + 1) // 2
        warcs = [os.path.join(tmp, "a.warc.gz"), os.path.join(tmp, "b.warc.gz")]
        made = warcgen.pack(warcs[0], pages[:half]) + warcgen.pack(warcs[1], pages[half:])
        ids = [rid for _, _, rid in made]
        assert len(set(ids)) == len(pages)

        # the command's lines for the same files
        r = subprocess.run([cli, "parse"] + warcs, stdout=subprocess.PIPE, check=False)
        assert r.returncode == 0, "the command failed on the WARC files"
        want = {}
        for line in r.stdout.decode("utf-8").split("\n"):
            if line:
                want[json.loads(line)["warc"]["record_id"]] = line
        assert sorted(want) == sorted(ids), "the command did not give every page"

        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                          dashboard_address=None) as cluster, Client(cluster) as client:
            workers = len(client.scheduler_info()["workers"])
            assert workers == 2, "%d workers" % workers
            parts = parse_warcs.run(client, warcs, os.path.join(tmp, "out"))
        seen = {}
        failures = []
        for part in parts:
            with open(part["partition"], encoding="utf-8", newline="\n") as f:
                text = f.read()
            assert text.endswith("\n")
            for line in text[:-1].split("\n"):
                rid = json.loads(line)["warc"]["record_id"]
                seen[rid] = seen.get(rid, 0) + 1
                if want.get(rid) != line:
                    failures.append("%s: differs from the command's line" % rid)
        for rid in ids:
            if seen.get(rid, 0) != 1:
                failures.append("%s: came back %d times" % (rid, seen.get(rid, 0)))
        if set(seen) - set(ids):
            failures.append("unknown records: %s" % sorted(set(seen) - set(ids))[:3])
        if failures:
            for f in failures[:20]:
                print("FAIL:", f)
            return 1
        print("dask: %d pages in 2 WARC files, 2 workers: every page once, "
              "JSON identical to the command" % len(ids))
        return 0
    finally:
        shutil.rmtree(tmp)


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""The newsparse speed benchmark (issue 7), side by side with its peers.

usage: python3 tests/bench/run.py [--pages DIR] [--reps 3] [--out FILE.json]
                                  [--no-peers] [--no-linearity] [--no-callgrind]

Run from the project root. In one run, on the same pages, it times

  floor      libxml2's HTML parse and one tree walk (tests/bench/floor.c)
  extract    newsparse parse --no-entities --no-quotes  (extraction + cleanup)
  full       newsparse parse                            (the whole pipeline)
  linkedom   Readability.js on linkedom   (skipped without node/npm)
  jsdom      Readability.js on jsdom      (skipped without node/npm)

each in its own process over all pages, --reps times (contenders take turns
within a repetition), and prints the medians: pages/s, MB/s, CPU seconds,
peak resident memory, the ratios to the floor and to Readability.js on
linkedom, and body F1 where the folder has a ground-truth.json. Then: the
per-stage costs from `newsparse parse --stats`, -j 2 against -j 1, peak
memory against the number of documents, the entity stage in words/s, time
per MB with every page's body repeated 1x, 4x and 16x (with callgrind
instruction counts on a few pages), and the targets of issue 7.

The pages (<id>.html.gz or <id>.html) are decompressed once, before any
timing, into a temporary folder under neutral names (doc0001.html, ...).
newsparse is built in Release mode in --build (default build-perf) and the
floor in <build>/bench-floor; the npm packages pinned in tests/bench/peers/
are installed into --cache (default ~/.cache/newsparse-bench), never into
the source tree. Python 3 standard library only.
"""

import argparse
import gzip
import hashlib
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.dont_write_bytecode = True

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
PEERS = HERE / "peers"

TARGETS = {
    "extract_vs_floor": 0.6,
    "extract_vs_linkedom": 7.0,
    "full_vs_linkedom": 5.0,
    "full_vs_jsdom": 50.0,
    "rss_vs_floor": 2.5,
    "j2_vs_j1": 1.8,
    "linear_tolerance": 0.25,
    "entity_words_per_s": 500000.0,
}


def say(msg=""):
    print(msg, flush=True)


def note(msg):
    print("  " + msg, file=sys.stderr, flush=True)


# ------------------------------------------------------------------ setup

def run_quiet(argv, what, cwd=None):
    """Runs a set-up command; returns True on success (its output is shown
    only when it fails)."""
    try:
        r = subprocess.run(argv, cwd=cwd, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, text=True)
    except OSError as exc:
        note("%s: %s" % (what, exc))
        return False
    if r.returncode != 0:
        note("%s failed (exit %d):\n%s" % (what, r.returncode,
                                          r.stdout[-3000:]))
        return False
    return True


def cache_value(build, key):
    cache = build / "CMakeCache.txt"
    if not cache.is_file():
        return None
    for line in cache.read_text(errors="replace").splitlines():
        if line.startswith(key + ":"):
            return line.split("=", 1)[1]
    return None


def build_programs(args):
    """Builds newsparse (Release) and the floor; returns their paths."""
    build = args.build
    source = ROOT
    lib_build = build
    if args.rev:
        source, lib_build = export_revision(args.rev, build)
    args.source = source
    args.profile_build = (lib_build.parent / (lib_build.name + "-profile")
                          if args.rev else build / "profile")
    check_floor_options(source)
    if args.newsparse:
        newsparse = Path(args.newsparse)
    else:
        if not args.no_build:
            if not (lib_build / "CMakeCache.txt").is_file():
                if not run_quiet(["cmake", "-S", str(source), "-B",
                                  str(lib_build),
                                  "-DCMAKE_BUILD_TYPE=Release"],
                                 "configuring newsparse"):
                    sys.exit(2)
            kind = cache_value(lib_build, "CMAKE_BUILD_TYPE")
            if kind != "Release":
                note("warning: %s is a %s build, not Release" % (lib_build,
                                                                kind))
            if not run_quiet(["cmake", "--build", str(lib_build), "-j2",
                              "--target", "newsparse_cli"],
                             "building newsparse"):
                if not args.rev:
                    note("(to time a committed revision while the work "
                         "tree does not build: --rev HEAD)")
                sys.exit(2)
        newsparse = lib_build / "examples" / "newsparse"
    floor_build = build / "bench-floor"
    if not args.no_build or not (floor_build / "measure").is_file():
        if not (floor_build / "CMakeCache.txt").is_file():
            if not run_quiet(["cmake", "-S", str(HERE), "-B", str(floor_build),
                              "-DCMAKE_BUILD_TYPE=Release"],
                             "configuring the floor"):
                sys.exit(2)
        if not run_quiet(["cmake", "--build", str(floor_build)],
                         "building the floor"):
            sys.exit(2)
    floor = floor_build / "floor"
    global MEASURE
    MEASURE = (floor_build / "measure").resolve()
    for p in (newsparse, floor, MEASURE):
        if not os.access(p, os.X_OK):
            note("missing program %s" % p)
            sys.exit(2)
    return newsparse.resolve(), floor.resolve()


def parse_options(path):
    """The libxml2 flags of the `int opts = ...;` statement in a C file."""
    try:
        text = Path(path).read_text(errors="replace")
    except OSError:
        return None
    m = re.search(r"int opts\s*=([^;]*);", text)
    return set(re.findall(r"\b(?:HTML|XML)_PARSE_\w+", m.group(1))) \
        if m else None


def check_floor_options(source):
    ours = parse_options(Path(source) / "lib" / "load" / "html.c")
    floor = parse_options(HERE / "floor.c")
    if ours is not None and floor is not None and ours != floor:
        note("warning: the floor parses with %s but lib/load/html.c with %s; "
             "update tests/bench/floor.c" % (" | ".join(sorted(floor)),
                                            " | ".join(sorted(ours))))


def export_revision(rev, build):
    """Exports a committed revision (git archive) next to the build folder;
    returns (its source folder, its build folder)."""
    r = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short",
                        rev + "^{commit}"], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, text=True)
    if r.returncode != 0:
        note("no revision %s: %s" % (rev, r.stderr.strip()))
        sys.exit(2)
    sha = r.stdout.strip()
    src = build / ("rev-%s-src" % sha)
    if not (src / "CMakeLists.txt").is_file():
        src.mkdir(parents=True, exist_ok=True)
        archive = subprocess.Popen(["git", "-C", str(ROOT), "archive", sha],
                                   stdout=subprocess.PIPE)
        untar = subprocess.run(["tar", "-x", "-C", str(src)],
                               stdin=archive.stdout)
        archive.stdout.close()
        if archive.wait() != 0 or untar.returncode != 0:
            shutil.rmtree(src, ignore_errors=True)
            note("cannot export revision %s" % sha)
            sys.exit(2)
    return src, build / ("rev-%s" % sha)


def install_peers(cache):
    """Installs the pinned npm packages into cache; returns the folder
    holding node_modules, or None (with a message) when that is not
    possible."""
    if not shutil.which("node") or not shutil.which("npm"):
        note("Readability.js skipped: node or npm is not installed")
        return None
    dest = cache / "peers"
    pkg = (PEERS / "package.json").read_bytes()
    lock = (PEERS / "package-lock.json").read_bytes()
    stamp = hashlib.sha256(pkg + lock).hexdigest()
    marker = dest / ".installed"
    if marker.is_file() and marker.read_text().strip() == stamp and \
            (dest / "node_modules").is_dir():
        return dest
    note("installing Readability.js, linkedom and jsdom into %s" % dest)
    shutil.rmtree(dest, ignore_errors=True)
    dest.mkdir(parents=True, exist_ok=True)
    (dest / "package.json").write_bytes(pkg)
    (dest / "package-lock.json").write_bytes(lock)
    if not run_quiet(["npm", "ci", "--prefix", str(dest), "--no-audit",
                      "--no-fund", "--ignore-scripts", "--loglevel=error"],
                     "npm ci"):
        note("Readability.js skipped: the npm install failed")
        return None
    marker.write_text(stamp + "\n")
    return dest


def peer_versions(modules):
    out = {}
    for name in ("@mozilla/readability", "linkedom", "jsdom"):
        try:
            meta = json.loads((modules / "node_modules" / name /
                               "package.json").read_text())
            out[name] = meta.get("version", "?")
        except (OSError, ValueError):
            out[name] = "?"
    return out


# ------------------------------------------------------------------ pages

BODY_OPEN = re.compile(rb"<body\b[^>]*>", re.I)
BODY_CLOSE = re.compile(rb"</body\s*>", re.I)


def read_page(path):
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rb") as f:
        return f.read()


def page_id(path):
    name = path.name
    for ext in (".html.gz", ".htm.gz", ".html", ".htm"):
        if name.endswith(ext):
            return name[: -len(ext)]
    return name


def stage_pages(src, dest):
    """Decompresses every page of src into dest as docNNNN.html; returns
    [(path, id, size)] in order."""
    files = sorted(p for p in src.iterdir()
                   if p.is_file() and re.search(r"\.html?(\.gz)?$", p.name))
    dest.mkdir(parents=True, exist_ok=True)
    out = []
    for k, p in enumerate(files, 1):
        data = read_page(p)
        f = dest / ("doc%04d.html" % k)
        f.write_bytes(data)
        out.append((f, page_id(p), len(data)))
    return out


def repeat_body(data, times):
    """The page with its body's inner content repeated `times` times (the
    whole document when there is no <body>)."""
    if times == 1:
        return data
    m = BODY_OPEN.search(data)
    start = m.end() if m else 0
    ends = [c.start() for c in BODY_CLOSE.finditer(data, start)]
    end = ends[-1] if ends else len(data)
    return data[:start] + data[start:end] * times + data[end:]


def write_list(path, files):
    path.write_text("".join(str(f) + "\n" for f in files))
    return path


# ------------------------------------------------------------------ timing

class Run:
    __slots__ = ("wall", "cpu", "rss_kib", "rc", "stdout", "stderr")


MEASURE = None  # tests/bench/measure.c, set once built


PIN_CPU = None  # the CPU single-threaded contenders run on (--cpu)


def pinned():
    """In the child: run on PIN_CPU alone (one core for every contender, as
    the targets are stated: Node's helper threads then share that core
    too, instead of taking the other one for free)."""
    if PIN_CPU is not None:
        os.sched_setaffinity(0, {PIN_CPU})


def timed(argv, stdout_path, stderr_path, pin=True):
    """Runs argv in its own process through `measure`; returns its wall
    seconds, CPU seconds and peak RSS (KiB), those of that process alone.
    With pin, the process runs on one CPU (see --cpu)."""
    report = Path(str(stderr_path) + ".measure")
    with open(stdout_path, "wb") as so, open(stderr_path, "wb") as se:
        proc = subprocess.run([str(MEASURE), str(report)] + argv, stdout=so,
                              stderr=se, stdin=subprocess.DEVNULL,
                              preexec_fn=pinned if pin else None)
    r = Run()
    r.stdout = stdout_path
    r.stderr = stderr_path
    try:
        f = report.read_text().split()
        m = dict(zip(f[0::2], f[1::2]))
        r.rc = int(m["status"])
        r.wall = float(m["wall"])
        r.cpu = float(m["user"]) + float(m["sys"])
        r.rss_kib = int(m["maxrss_kib"])
    except (OSError, KeyError, ValueError, IndexError):
        note("measure gave no report for %s (exit %d)" % (argv[0],
                                                         proc.returncode))
        sys.exit(2)
    return r


def parse_stats(path):
    """The `stats ...` line of newsparse --stats as {key: number}."""
    try:
        text = Path(path).read_text(errors="replace")
    except OSError:
        return None
    for line in text.splitlines():
        if line.startswith("stats "):
            words = line.split()[1:]
            out = {}
            for i in range(0, len(words) - 1, 2):
                try:
                    out[words[i]] = float(words[i + 1])
                except ValueError:
                    break
            return out
    return None


def median(xs):
    return statistics.median(xs) if xs else float("nan")


# ------------------------------------------------------------------ F1

def body_f1(scorer, pages_dir, predictions, tmp, name):
    """Runs score-body.py --predictions; returns F1 or None."""
    if not scorer or not (pages_dir / "ground-truth.json").is_file():
        return None
    f = tmp / ("pred-%s.json" % name)
    f.write_text(json.dumps({i: {"articleBody": b}
                             for i, b in predictions.items()},
                            ensure_ascii=False), encoding="utf-8")
    r = subprocess.run([sys.executable, str(scorer), "--pages", str(pages_dir),
                        "--predictions", str(f), "--n-bootstrap", "0",
                        "--worst", "0"], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, text=True)
    for line in r.stdout.splitlines():
        if line.startswith("body-f1 "):
            return float(line.split()[1])
    note("score-body.py gave no F1 for %s: %s" % (name, r.stderr[-500:]))
    return None


def jsonl_records(path):
    data = Path(path).read_bytes().decode("utf-8", "replace")
    out = []
    for line in data.split("\n"):
        if line.strip():
            try:
                out.append(json.loads(line))
            except ValueError:
                out.append({})
    return out


WORD = re.compile(r"\w+(?:['\u2019]\w+)*")


# ------------------------------------------------------------------ main

def fmt_ratio(x):
    return "-" if x is None else "%.2f" % x


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pages", type=Path,
                    default=ROOT.parent / "shared" / "bench" / "extraction" / "dev",
                    help="folder of <id>.html.gz or <id>.html pages "
                         "(default ../shared/bench/extraction/dev)")
    ap.add_argument("--reps", type=int, default=3,
                    help="repetitions of every timing (medians reported)")
    ap.add_argument("--build", type=Path, default=ROOT / "build-perf",
                    help="Release build folder (default build-perf)")
    ap.add_argument("--newsparse", help="use this newsparse program as it is")
    ap.add_argument("--rev", metavar="REV",
                    help="build and time this committed revision (git "
                         "archive into the build folder) instead of the "
                         "work tree")
    ap.add_argument("--no-build", action="store_true",
                    help="do not run cmake (the programs must exist)")
    ap.add_argument("--cache", type=Path,
                    default=Path(os.environ.get("XDG_CACHE_HOME",
                                                Path.home() / ".cache"))
                    / "newsparse-bench",
                    help="where the npm packages are installed")
    ap.add_argument("--scorer", type=Path,
                    default=ROOT.parent / "shared" / "bench" / "score-body.py",
                    help="score-body.py, for body F1")
    ap.add_argument("--by", choices=("wall", "cpu"), default="wall",
                    help="speed from wall-clock or CPU time (cpu is steadier "
                         "on a loaded machine)")
    ap.add_argument("--no-peers", action="store_true",
                    help="skip Readability.js")
    ap.add_argument("--no-linearity", action="store_true")
    ap.add_argument("--linearity-pages", type=int, default=24,
                    help="pages used for the 1x/4x/16x check (default 24)")
    ap.add_argument("--no-callgrind", action="store_true")
    ap.add_argument("--callgrind-pages", type=int, default=3)
    ap.add_argument("--profile", type=int, nargs="?", const=12, default=0,
                    metavar="N",
                    help="also profile the full pipeline under callgrind on "
                         "N pages (default 12): instructions per stage and "
                         "per module, from a Release build with symbols in "
                         "<build>/profile")
    ap.add_argument("--cpu", type=int, default=None,
                    help="the CPU every single-threaded contender is pinned "
                         "to (default: the last one this process may use; "
                         "-1: no pinning). -j 2 always has every CPU")
    ap.add_argument("--keep", action="store_true",
                    help="keep the temporary folder and print its path")
    ap.add_argument("--out", type=Path, help="write all results as JSON here")
    args = ap.parse_args()
    if args.reps < 1:
        ap.error("--reps must be at least 1")
    global PIN_CPU
    allowed = sorted(os.sched_getaffinity(0))
    if args.cpu is None:
        PIN_CPU = allowed[-1]
    elif args.cpu >= 0:
        if args.cpu not in allowed:
            ap.error("--cpu %d is not one of %s" % (args.cpu, allowed))
        PIN_CPU = args.cpu
    if not args.pages.is_dir():
        ap.error("no page folder %s" % args.pages)
    scorer = args.scorer if args.scorer.is_file() else None

    newsparse, floor = build_programs(args)
    modules = None if args.no_peers else install_peers(args.cache)

    tmp = Path(tempfile.mkdtemp(prefix="newsparse-bench-"))
    try:
        results = bench(args, newsparse, floor, modules, scorer, tmp)
    finally:
        if args.keep:
            note("temporary files kept in %s" % tmp)
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    if args.out:
        args.out.write_text(json.dumps(results, indent=1, sort_keys=True))
    return 0


def environment(rev, custom, modules):
    env = {"cpus": os.cpu_count(), "loadavg_start": os.getloadavg()}
    try:
        env["commit"] = subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "--short",
             (rev or "HEAD") + "^{commit}"],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            text=True).stdout.strip()
        if rev:
            env["source"] = "revision %s" % env["commit"]
        elif custom:
            env["source"] = "the program given with --newsparse"
        else:
            dirty = subprocess.run(
                ["git", "-C", str(ROOT), "status", "--porcelain", "--",
                 "lib", "include", "examples", "CMakeLists.txt"],
                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                text=True).stdout.strip()
            env["source"] = "work tree at %s%s" % (
                env["commit"], " with uncommitted changes" if dirty else "")
    except OSError:
        pass
    try:
        env["libxml2"] = subprocess.run(
            ["pkg-config", "--modversion", "libxml-2.0"],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            text=True).stdout.strip()
    except OSError:
        pass
    if modules:
        env["node"] = subprocess.run(["node", "--version"],
                                     stdout=subprocess.PIPE,
                                     text=True).stdout.strip()
        env.update(peer_versions(modules))
    return env


def bench(args, newsparse, floor, modules, scorer, tmp):
    env = environment(args.rev, bool(args.newsparse), modules)
    pages = stage_pages(args.pages, tmp / "pages")
    if not pages:
        note("no pages in %s" % args.pages)
        sys.exit(2)
    n = len(pages)
    mb = sum(s for _, _, s in pages) / 1e6
    ids = {f.name: i for f, i, _ in pages}
    lst = write_list(tmp / "pages.txt", [f for f, _, _ in pages])

    say("newsparse benchmark: %d pages, %.1f MB of HTML from %s" %
        (n, mb, args.pages))
    say("newsparse from %s; libxml2 %s; %d CPUs; load average %.2f %.2f "
        "%.2f" % (env.get("source", "?"), env.get("libxml2", "?"),
                  env["cpus"], *env["loadavg_start"]))
    if modules:
        say("node %s, @mozilla/readability %s, linkedom %s, jsdom %s" %
            (env["node"], env["@mozilla/readability"], env["linkedom"],
             env["jsdom"]))
    say("%d repetitions, medians; speed from %s time; %s" % (
        args.reps, args.by,
        "each contender on CPU %d alone (-j 2 on all)" % PIN_CPU
        if PIN_CPU is not None else "no CPU pinning"))
    say()

    contenders = [
        ("floor", [str(floor), "--files-from", str(lst)]),
        ("extract", [str(newsparse), "parse", "--no-entities", "--no-quotes",
                     "--stats", "--files-from", str(lst)]),
        ("full", [str(newsparse), "parse", "--stats", "--files-from",
                  str(lst)]),
    ]
    if modules:
        script = str(PEERS / "readability.cjs")
        for dom in ("linkedom", "jsdom"):
            contenders.append((dom, [
                "node", script, "--modules", str(modules), "--dom", dom,
                "--files-from", str(lst), "--out",
                str(tmp / ("out-%s.json" % dom))]))
    # One more: the full pipeline on two threads, for -j 2 / -j 1.
    contenders.append(("full -j 2", [str(newsparse), "parse", "-j", "2",
                                     "--stats", "--files-from", str(lst)]))
    # And on the list four times over, for memory against document count.
    lst4 = write_list(tmp / "pages4.txt", [f for f, _, _ in pages] * 4)
    contenders.append(("full x4 docs", [str(newsparse), "parse",
                                        "--files-from", str(lst4)]))

    runs = {name: [] for name, _ in contenders}
    for rep in range(args.reps):
        for name, argv in contenders:
            tag = name.replace(" ", "_")
            r = timed(argv, tmp / ("%s.%d.out" % (tag, rep)),
                      tmp / ("%s.%d.err" % (tag, rep)),
                      pin=(name != "full -j 2"))
            if r.rc != 0:
                note("%s exited with %d (rep %d): %s" % (
                    name, r.rc, rep + 1,
                    Path(r.stderr).read_text(errors="replace")[-300:]))
            runs[name].append(r)

    def speed_seconds(name):
        rs = runs[name]
        return median([r.cpu if args.by == "cpu" else r.wall for r in rs])

    summary = {}
    for name, rs in runs.items():
        secs = speed_seconds(name)
        summary[name] = {
            "wall": median([r.wall for r in rs]),
            "cpu": median([r.cpu for r in rs]),
            "rss_mib": median([r.rss_kib for r in rs]) / 1024.0,
            "rss_max_mib": max(r.rss_kib for r in rs) / 1024.0,
            "seconds": secs,
            "pages_per_s": n / secs if secs > 0 else float("inf"),
            "mb_per_s": mb / secs if secs > 0 else float("inf"),
            "failed_runs": sum(1 for r in rs if r.rc != 0),
        }

    # Body F1 from the first repetition's output of each contender.
    f1 = {}
    records = {}
    for name in ("extract", "full"):
        recs = jsonl_records(runs[name][0].stdout)
        records[name] = recs
        pred = {}
        for rec in recs:
            src = Path(rec.get("source", "")).name
            if src in ids:
                pred[ids[src]] = rec.get("body") or ""
        f1[name] = body_f1(scorer, args.pages, pred, tmp, name)
    if modules:
        for dom in ("linkedom", "jsdom"):
            try:
                out = json.loads((tmp / ("out-%s.json" % dom)).read_text())
            except (OSError, ValueError):
                out = {}
            pred = {ids[k]: v.get("articleBody") or "" for k, v in out.items()
                    if k in ids}
            f1[dom] = body_f1(scorer, args.pages, pred, tmp, dom)

    # The main table.
    base_floor = summary["floor"]["pages_per_s"]
    base_ld = summary["linkedom"]["pages_per_s"] if "linkedom" in summary else None
    cpu_floor = summary["floor"]["cpu"]
    cpu_ld = summary["linkedom"]["cpu"] if "linkedom" in summary else None
    say("%-10s %9s %8s %8s %9s %8s %8s %8s %8s %8s" % (
        "contender", "pages/s", "MB/s", "CPU s", "peak MiB", "x floor",
        "x linkdm", "cpu xflr", "cpu xld", "body F1"))
    table = []
    for name in ("floor", "extract", "full", "linkedom", "jsdom"):
        if name not in summary:
            continue
        s = summary[name]
        s["x_floor"] = s["pages_per_s"] / base_floor
        s["x_linkedom"] = s["pages_per_s"] / base_ld if base_ld else None
        s["cpu_x_floor"] = cpu_floor / s["cpu"] if s["cpu"] else None
        s["cpu_x_linkedom"] = cpu_ld / s["cpu"] if cpu_ld and s["cpu"] \
            else None
        s["body_f1"] = f1.get(name)
        line = "%-10s %9.1f %8.1f %8.3f %9.1f %8.3f %8s %8s %8s %8s" % (
            name, s["pages_per_s"], s["mb_per_s"], s["cpu"], s["rss_mib"],
            s["x_floor"], fmt_ratio(s["x_linkedom"]),
            fmt_ratio(s["cpu_x_floor"]), fmt_ratio(s["cpu_x_linkedom"]),
            "-" if s["body_f1"] is None else "%.4f" % s["body_f1"])
        table.append(line)
        say(line)
    if not modules:
        say("(Readability.js skipped: %s)" % (
            "--no-peers" if args.no_peers else "see the message above"))
    say()

    # Stages.
    stats = [parse_stats(r.stderr) for r in runs["full"]]
    stats = [s for s in stats if s]
    stage_names = ("load", "extract", "clean", "tokens", "entities",
                   "quotes", "emit")
    stages = {}
    if stats:
        for k in stage_names + ("read", "parse", "wall"):
            stages[k] = median([s.get(k, 0.0) for s in stats])
        total = sum(stages[k] for k in stage_names) or 1.0
        say("stages of the full pipeline (newsparse parse --stats, -j 1, "
            "medians, summed over pages)")
        say("%-10s %9s %8s %10s" % ("stage", "seconds", "share", "ms/page"))
        for k in stage_names:
            say("%-10s %9.4f %7.1f%% %10.3f" % (k, stages[k],
                                                100.0 * stages[k] / total,
                                                1000.0 * stages[k] / n))
        say("%-10s %9.4f (read %.4f, command wall %.4f)" % (
            "sum", total, stages["read"], stages["wall"]))
        say()

    # Entities in words/s.
    words = 0
    for rec in records.get("full", []):
        wc = rec.get("word_count")
        words += wc if isinstance(wc, int) else len(WORD.findall(
            rec.get("body") or ""))
    ent = stages.get("entities")
    tok = stages.get("tokens")
    found = sum(len(rec.get("entities") or []) for rec in
                records.get("full", []))
    if not found:
        note("no entities in the output: the entity stage is not measured")
        ent = None
    ent_wps = words / ent if ent else None
    tokent_wps = words / (ent + tok) if ent and tok else None
    say("entity recognition: %d body words, %d entities; entities stage "
        "%s words/s; tokens+entities %s words/s" % (
            words, found, "-" if ent_wps is None else "{:,.0f}".format(ent_wps),
            "-" if tokent_wps is None else "{:,.0f}".format(tokent_wps)))

    # Threads.
    j1 = summary["full"]
    j2 = summary["full -j 2"]
    j_ratio = j1["wall"] / j2["wall"] if j2["wall"] > 0 else None
    same = all(Path(r.stdout).read_bytes() ==
               Path(runs["full"][0].stdout).read_bytes()
               for r in runs["full -j 2"])
    cpu_growth = j2["cpu"] / j1["cpu"] if j1["cpu"] else None
    say("threads: -j 1 %.1f pages/s, -j 2 %.1f pages/s (wall): x%.2f; "
        "-j 2 output %s -j 1" % (
            n / j1["wall"], n / j2["wall"], j_ratio,
            "identical to" if same else "DIFFERS from"))
    say("         CPU time -j 2 / -j 1: x%.2f (near 1: the threads do not "
        "contend; the wall-clock ratio needs two idle cores); peak %.1f MiB "
        "with -j 2 (x%.2f the floor)" % (
            cpu_growth, j2["rss_mib"],
            j2["rss_mib"] / summary["floor"]["rss_mib"]))

    # Memory against documents.
    m4 = summary["full x4 docs"]
    rss_growth = m4["rss_mib"] / j1["rss_mib"]
    say("memory: peak %.1f MiB over %d documents, %.1f MiB over %d "
        "(x%.2f)" % (j1["rss_mib"], n, m4["rss_mib"], 4 * n, rss_growth))
    say()

    lin = None
    if not args.no_linearity:
        lin = linearity(args, pages, floor, newsparse, tmp)
    prof = None
    if args.profile:
        prof = profile(args, pages, floor, tmp)

    # Targets.
    say("targets of issue 7")
    checks = []

    def check(what, value, target, ok, shown):
        checks.append({"what": what, "value": value, "target": target,
                       "ok": ok})
        say("  %-50s %-26s %s" % (what, shown,
                                  "-" if ok is None else
                                  ("ok" if ok else "MISSED")))

    ex, fu = summary["extract"], summary["full"]
    def both(x, cpu_x, digits=2):
        return "x%.*f (cpu x%.*f)" % (digits, x, digits, cpu_x)

    check("extract >= 0.6 x floor pages/s", ex["x_floor"], 0.6,
          ex["x_floor"] >= 0.6, both(ex["x_floor"], ex["cpu_x_floor"]))
    if base_ld:
        check("extract >= 7 x linkedom pages/s", ex["x_linkedom"], 7.0,
              ex["x_linkedom"] >= 7.0,
              both(ex["x_linkedom"], ex["cpu_x_linkedom"]))
        check("full >= 5 x linkedom pages/s", fu["x_linkedom"], 5.0,
              fu["x_linkedom"] >= 5.0,
              both(fu["x_linkedom"], fu["cpu_x_linkedom"]))
        jd = summary["jsdom"]
        xj = fu["pages_per_s"] / jd["pages_per_s"]
        fu["x_jsdom"] = xj
        fu["cpu_x_jsdom"] = jd["cpu"] / fu["cpu"] if fu["cpu"] else None
        check("full >= 50 x jsdom pages/s", xj, 50.0, xj >= 50.0,
              both(xj, fu["cpu_x_jsdom"], 1))
    else:
        check("extract/full against Readability.js", None, None, None,
              "skipped")
    worst_rss = max(ex["rss_mib"], fu["rss_mib"])
    rss_ratio = worst_rss / summary["floor"]["rss_mib"]
    check("peak RSS <= 2.5 x floor", rss_ratio, 2.5, rss_ratio <= 2.5,
          "x%.2f (%.1f MiB)" % (rss_ratio, worst_rss))
    check("peak RSS flat in documents (4x docs)", rss_growth, 1.1,
          rss_growth <= 1.1, "x%.2f" % rss_growth)
    check("-j 2 >= 1.8 x -j 1 pages/s", j_ratio, 1.8,
          j_ratio is not None and j_ratio >= 1.8, "x%.2f" % j_ratio)
    if lin:
        for name in ("extract", "full"):
            dev = lin[name]["deviation"]
            worst = max(dev.values(), key=abs)
            check("%s: %s/MB within 25%% at 4x, 16x" % (name, args.by),
                  abs(worst), 0.25, abs(worst) <= 0.25,
                  "%+.0f%% worst" % (100 * worst))
            cg = lin.get("callgrind", {}).get(name)
            if cg:
                worst = max(cg["deviation"].values(), key=abs)
                check("%s: instructions/byte within 25%% at 4x, 16x" % name,
                      abs(worst), 0.25, abs(worst) <= 0.25,
                      "%+.0f%% worst" % (100 * worst))
    check("entities >= 500,000 words/s", ent_wps, 500000.0,
          None if ent_wps is None else ent_wps >= 500000.0,
          "-" if ent_wps is None else "{:,.0f}".format(ent_wps))
    load_end = os.getloadavg()
    say()
    say("load average at the end %.2f %.2f %.2f%s" % (
        *load_end, "  (loaded machine: wall-clock figures are noisy)"
        if max(env["loadavg_start"][0], load_end[0]) > 0.5 * env["cpus"]
        else ""))
    env["loadavg_end"] = load_end
    return {"env": env, "pages": n, "mb": mb, "reps": args.reps,
            "by": args.by, "summary": summary, "stages": stages,
            "entity_words": words, "entity_words_per_s": ent_wps,
            "j2_over_j1": j_ratio, "j2_identical": same,
            "j2_cpu_over_j1": cpu_growth,
            "rss_growth_4x_docs": rss_growth, "linearity": lin,
            "profile": prof,
            "checks": checks, "table": table}


def linearity(args, pages, floor, newsparse, tmp):
    """Time per MB with each page's body repeated 1x, 4x and 16x, on a
    spread of pages; callgrind instruction counts on a few of them."""
    by_size = sorted(pages, key=lambda p: p[2])
    k = max(1, min(args.linearity_pages, len(by_size)))
    step = len(by_size) / k
    chosen = [by_size[int(i * step)] for i in range(k)]
    sets = {}
    for times in (1, 4, 16):
        d = tmp / ("x%d" % times)
        d.mkdir(exist_ok=True)
        files, size = [], 0
        for f, _, _ in chosen:
            data = repeat_body(f.read_bytes(), times)
            g = d / f.name
            g.write_bytes(data)
            files.append(g)
            size += len(data)
        sets[times] = (write_list(tmp / ("x%d.txt" % times), files), files,
                       size / 1e6)
    progs = {
        "floor": lambda l: [str(floor), "--files-from", str(l)],
        "extract": lambda l: [str(newsparse), "parse", "--no-entities",
                              "--no-quotes", "--files-from", str(l)],
        "full": lambda l: [str(newsparse), "parse", "--files-from", str(l)],
    }
    per_mb = {name: {t: [] for t in sets} for name in progs}
    for rep in range(args.reps):
        for name, argv in progs.items():
            for times, (l, _, size) in sets.items():
                r = timed(argv(l), tmp / "lin.out", tmp / "lin.err")
                if r.rc != 0:
                    note("%s on %dx pages exited with %d" % (name, times,
                                                             r.rc))
                secs = r.cpu if args.by == "cpu" else r.wall
                per_mb[name][times].append(secs / size)
    say("linearity: %d pages (spread over sizes), body repeated; "
        "%s ms per MB (median)" % (len(chosen), args.by))
    say("%-10s %9s %9s %9s %9s %9s" % ("", "1x", "4x", "16x", "4x/1x",
                                       "16x/1x"))
    out = {"pages": len(chosen),
           "mb": {t: sets[t][2] for t in sets}}
    for name in progs:
        m = {t: median(v) for t, v in per_mb[name].items()}
        dev = {t: m[t] / m[1] - 1.0 for t in (4, 16)}
        out[name] = {"ms_per_mb": {t: 1000 * m[t] for t in m},
                     "deviation": dev}
        say("%-10s %9.2f %9.2f %9.2f %+8.0f%% %+8.0f%%" % (
            name, 1000 * m[1], 1000 * m[4], 1000 * m[16], 100 * dev[4],
            100 * dev[16]))
    if not args.no_callgrind and shutil.which("valgrind"):
        cg = callgrind_counts(args, chosen, sets, progs, tmp)
        if cg:
            out["callgrind"] = cg
    say()
    return out


# The function that runs each stage (lib/core.c calls them in this order).
STAGE_FUNCTIONS = [
    ("load: decoding", ("np__decode_html",)),
    ("load: libxml2 parse", ("np__load_html",)),
    ("meta", ("np__meta_html",)),
    ("extract", ("np__extract_html",)),
    ("clean", ("np__clean_document",)),
    ("tokens", ("np__tokenize",)),
    ("entities", ("np__entities",)),
    ("quotes", ("np__quotes",)),
    ("emit (JSON)", ("np_document_to_json",)),
    ("free the tree", ("np__tree_free",)),
]

ANNOTATED = re.compile(r"^\s*([\d,]+)\s+\([^)]*\)\s+(\S.*)$")


def annotate(cgout, inclusive):
    """[(instructions, 'file:function [object]')] from callgrind_annotate."""
    argv = ["callgrind_annotate", "--threshold=100", "--auto=no"]
    if inclusive:
        argv.append("--inclusive=yes")
    r = subprocess.run(argv + [str(cgout)], stdout=subprocess.PIPE,
                       stderr=subprocess.DEVNULL, text=True,
                       errors="replace")
    out, body = [], False
    for line in r.stdout.splitlines():
        if not body:
            body = "file:function" in line
            continue
        if line.startswith("---"):
            continue
        if not line.strip():
            if out:
                break
            continue
        m = ANNOTATED.match(line)
        if m and "PROGRAM TOTALS" not in m.group(2):
            out.append((int(m.group(1).replace(",", "")), m.group(2)))
    return out


def function_of(entry):
    name = entry.split(" [", 1)[0]
    return name.rsplit(":", 1)[-1].split("'", 1)[0]


def module_of(entry):
    """lib/<module> for our code, else the shared object's name."""
    path = entry.split(" [", 1)[0].rsplit(":", 1)[0]
    m = re.search(r"(?:^|/)(lib/[a-z]+)/[^/]+\.c$", path)
    if m:
        return m.group(1)
    m = re.search(r"(?:^|/)lib/[^/]+\.c$", path)
    if m:
        return "lib (core)"
    if re.search(r"(?:^|/)examples/", path):
        return "examples"
    obj = entry.rsplit(" [", 1)[-1].rstrip("]") if " [" in entry else "?"
    base = os.path.basename(obj)
    base = re.sub(r"\.so[.\d]*$", "", base)
    return {"libc": "libc (malloc, string)", "libxml2": "libxml2",
            "libicuuc": "ICU", "libicui18n": "ICU", "libicudata": "ICU",
            "libjansson": "jansson"}.get(base, base)


LIBC_HOT = re.compile(r"^(__(str|mem)\w*|malloc|free|calloc|realloc)$")
TREE_LINE = re.compile(r"^\s*([\d,]+)\s+\([^)]*\)\s+([*<>])\s+(.*)$")


def libc_callers(cgout):
    """[(instructions, caller: function)] of libc string and allocation
    functions, summed per caller outside libc: who pays for them."""
    r = subprocess.run(["callgrind_annotate", "--threshold=100", "--auto=no",
                        "--inclusive=yes", "--tree=caller", str(cgout)],
                       stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                       text=True, errors="replace")
    sums = {}
    for block in r.stdout.split("\n\n"):
        rows = [TREE_LINE.match(l) for l in block.splitlines()]
        rows = [m for m in rows if m]
        star = [m for m in rows if m.group(2) == "*"]
        if not star or not LIBC_HOT.match(function_of(star[0].group(3))):
            continue
        callee = function_of(star[0].group(3))
        for m in rows:
            if m.group(2) != "<":
                continue
            entry = re.sub(r" \([\d,]+x\)", "", m.group(3))
            mod = module_of(entry)
            if mod.startswith("libc"):
                continue
            who = entry.split(" [", 1)[0]
            who = re.sub(r"^.*?/(lib|examples)/", r"\1/", who)
            if not mod.startswith(("lib/", "lib ", "examples")):
                who = "%s: %s" % (mod, function_of(entry))
            key = "%s -> %s" % (who, callee)
            sums[key] = sums.get(key, 0) + int(m.group(1).replace(",", ""))
    return sorted(((v, k) for k, v in sums.items()), reverse=True)


def profile(args, pages, floor, tmp):
    """Callgrind over the full pipeline on a spread of pages: instructions
    per stage (inclusive) and per module (self), against the floor."""
    if not shutil.which("valgrind") or not shutil.which("callgrind_annotate"):
        note("profile skipped: valgrind is not installed")
        return None
    pbuild = args.profile_build
    if args.newsparse:
        note("profile: --newsparse given, profiling %s as it is" %
             args.newsparse)
        prog = Path(args.newsparse)
    else:
        if not (pbuild / "CMakeCache.txt").is_file() and not run_quiet(
                ["cmake", "-S", str(args.source), "-B", str(pbuild),
                 "-DCMAKE_BUILD_TYPE=Release", "-DCMAKE_C_FLAGS=-g",
                 "-DNP_TESTS=OFF"], "configuring the profile build"):
            return None
        if not run_quiet(["cmake", "--build", str(pbuild), "-j2", "--target",
                          "newsparse_cli"], "building the profile build"):
            return None
        prog = pbuild / "examples" / "newsparse"
    by_size = sorted(pages, key=lambda p: p[2])
    k = max(1, min(args.profile, len(by_size)))
    chosen = [by_size[int(i * len(by_size) / k)] for i in range(k)]
    lst = write_list(tmp / "profile.txt", [f for f, _, _ in chosen])
    size = sum(sz for _, _, sz in chosen)
    outs = {}
    for name, argv in (("floor", [str(floor), "--files-from", str(lst)]),
                       ("extract", [str(prog), "parse", "--no-entities",
                                    "--no-quotes", "--files-from",
                                    str(lst)]),
                       ("full", [str(prog), "parse", "--files-from",
                                 str(lst)])):
        cg = tmp / ("profile.%s.cg" % name)
        r = subprocess.run(["valgrind", "--tool=callgrind",
                            "--callgrind-out-file=" + str(cg)] + argv,
                           stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
        if r.returncode != 0 or not cg.is_file():
            note("profile: callgrind failed on %s" % name)
            return None
        outs[name] = cg
        if args.keep:
            note("callgrind output kept: %s" % cg)
    totals = {}
    for name, cg in outs.items():
        for line in cg.read_text(errors="replace").splitlines():
            if line.startswith(("summary:", "totals:")):
                totals[name] = int(line.split()[1])
                break
    floor_total, full_total = totals["floor"], totals["full"]
    incl = annotate(outs["full"], True)
    self_cost = annotate(outs["full"], False)
    say("profile: callgrind over %d pages (%.1f MB); instructions per byte: "
        "floor %.0f, extract %.0f (x%.2f the floor), full %.0f (x%.2f)" % (
            k, size / 1e6, floor_total / size, totals["extract"] / size,
            totals["extract"] / floor_total, full_total / size,
            full_total / floor_total))
    say("%-22s %15s %7s %9s" % ("stage (inclusive)", "instructions",
                                "share", "per byte"))
    stages = {}
    for label, names in STAGE_FUNCTIONS:
        best = 0
        for ir, entry in incl:
            if function_of(entry) in names:
                best = max(best, ir)
        stages[label] = best
        if best:
            say("%-22s %15s %6.1f%% %9.1f" % (
                label, "{:,}".format(best), 100.0 * best / full_total,
                best / size))
    modules = {}
    for ir, entry in self_cost:
        modules[module_of(entry)] = modules.get(module_of(entry), 0) + ir
    say("%-22s %15s %7s" % ("module (self)", "instructions", "share"))
    for mod, ir in sorted(modules.items(), key=lambda x: -x[1])[:14]:
        say("%-22s %15s %6.1f%%" % (mod, "{:,}".format(ir),
                                    100.0 * ir / full_total))
    say("top functions (self)")
    top = []
    for ir, entry in sorted(self_cost, key=lambda x: -x[0])[:20]:
        short = entry.split(" [", 1)[0]
        mod = module_of(entry)
        if mod.startswith(("lib/", "lib ", "examples")):
            short = re.sub(r"^.*?/(lib|examples)/", r"\1/", short)
        else:
            short = "%s: %s" % (mod, function_of(entry))
        top.append((ir, short))
        say("  %13s %5.1f%%  %s" % ("{:,}".format(ir), 100.0 * ir / full_total,
                                    short[:90]))
    callers = libc_callers(outs["full"])
    if callers:
        say("libc string and allocation calls, by caller (inclusive)")
        for ir, who in callers[:12]:
            say("  %13s %5.1f%%  %s" % ("{:,}".format(ir),
                                        100.0 * ir / full_total, who[:90]))
    say()
    return {"pages": k, "bytes": size, "instructions": full_total,
            "libc_callers": callers,
            "floor_instructions": floor_total,
            "extract_instructions": totals["extract"], "stages": stages,
            "modules": modules, "top": top}


def callgrind_counts(args, chosen, sets, progs, tmp):
    """Instructions per byte under callgrind for a few mid-sized pages."""
    k = max(1, min(args.callgrind_pages, len(chosen)))
    mid = len(chosen) // 2
    names = [f.name for f, _, _ in chosen[max(0, mid - k // 2):][:k]]
    out = {}
    say("callgrind: instructions per input byte on %d pages" % len(names))
    say("%-10s %9s %9s %9s %9s %9s" % ("", "1x", "4x", "16x", "4x/1x",
                                       "16x/1x"))
    for name in ("floor", "extract", "full"):
        per_byte = {}
        for times, (_, files, _) in sets.items():
            chosen_files = [f for f in files if f.name in names]
            l = write_list(tmp / ("cg%d.txt" % times), chosen_files)
            size = sum(f.stat().st_size for f in chosen_files)
            cgout = tmp / ("cg.%s.%d.out" % (name, times))
            r = subprocess.run(
                ["valgrind", "--tool=callgrind", "--callgrind-out-file=" +
                 str(cgout)] + progs[name](l),
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            ir = None
            try:
                for line in cgout.read_text(errors="replace").splitlines():
                    if line.startswith("summary:") or \
                            line.startswith("totals:"):
                        ir = int(line.split()[1])
                        break
            except OSError:
                pass
            if r.returncode != 0 or ir is None:
                note("callgrind failed for %s at %dx" % (name, times))
                return out
            per_byte[times] = ir / size
        dev = {t: per_byte[t] / per_byte[1] - 1.0 for t in (4, 16)}
        out[name] = {"ir_per_byte": per_byte, "deviation": dev}
        say("%-10s %9.1f %9.1f %9.1f %+8.0f%% %+8.0f%%" % (
            name, per_byte[1], per_byte[4], per_byte[16], 100 * dev[4],
            100 * dev[16]))
    return out


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""How often each extraction rule fires, and how often it is right.

usage: scripts/rule-table.py BIN [--shared DIR] [--ablate] [--half odd|even]

BIN is `newsparse` built with -DNP_RULE_STATS=ON (see lib/extract/rules.h).
Run from the project root. Every page of the dev set and of the snippet set
is parsed alone with NP_RULE_LOG set; each line of the log is one firing of
a rule with the text it dropped (rules that choose rather than drop log no
text). A dropped text is judged
  - on dev: wrong when half or more of its 4-word shingles (all of its words
    when it has fewer than 4) are in the page's hand-made body, else right;
  - on the snippets: wrong when it holds or is part of a snippet that must
    stay, right when it holds or is part of one that must go, else unknown;
  - the other way round for the rules that keep text (keep:, and sib:
    but sib:other-article, which leaves another story out).
--ablate also runs the two scorers with each rule switched off
(NP_RULE_OFF) and prints the change in F1 that switching it off makes.
--half odd|even keeps the snippet pages of odd or even number.
Prints a Markdown table.
"""
import argparse, collections, gzip, json, os, re, subprocess, sys, tempfile
from pathlib import Path

WORD = re.compile(r"\w+")


def fold(t):
    return re.sub(r"\s+", " ", t or "").strip()


def shingles(tokens, k=4):
    if len(tokens) < k:
        return {tuple(tokens)} if tokens else set()
    return {tuple(tokens[i:i + k]) for i in range(len(tokens) - k + 1)}


def run_page(binary, raw, tmp):
    page = Path(tmp) / "doc.html"
    log = Path(tmp) / "rules.log"
    page.write_bytes(raw)
    if log.exists():
        log.unlink()
    env = dict(os.environ, NP_RULE_LOG=str(log))
    subprocess.run([binary, "parse", str(page)], env=env, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, timeout=120)
    out = []
    if log.exists():
        for line in log.read_text(encoding="utf-8", errors="replace").split("\n"):
            if not line:
                continue
            name, _, text = line.partition("\t")
            out.append((name, text))
    return out


def judge_dev(text, truth_sh, truth_str):
    toks = WORD.findall(text.lower())
    if not toks:
        return None
    if len(toks) < 4:
        return "wrong" if " ".join(toks) in truth_str else "right"
    sh = shingles(toks)
    hit = sum(1 for s in sh if s in truth_sh)
    return "wrong" if hit * 2 >= len(sh) else "right"


def judge_snip(text, t):
    d = fold(text)
    if not d:
        return None
    for s in t["with"]:
        s = fold(s)
        if s and (s in d or (len(d) >= 20 and d in s)):
            return "wrong"
    for s in t["without"]:
        s = fold(s)
        if s and (s in d or (len(d) >= 20 and d in s)):
            return "right"
    return None


def flip(name, verdict):
    """Rules that keep text (keep:, sib:) are right when it is article text."""
    if verdict and name.startswith(("keep:", "sib:")) and name != "sib:other-article":
        return "right" if verdict == "wrong" else "wrong"
    return verdict


def last_line(cmd, env):
    r = subprocess.run(cmd, env=env, capture_output=True, text=True)
    lines = r.stdout.strip().splitlines()
    return lines[-1] if lines else ""


def f1_of(line):
    m = re.search(r"-f1 ([0-9.]+)", line)
    return float(m.group(1)) if m else float("nan")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--ablate", action="store_true")
    ap.add_argument("--half", choices=["odd", "even"])
    a = ap.parse_args()
    binary = str(Path(a.binary).resolve())
    bench = Path(a.shared) / "bench"
    dev = bench / "extraction" / "dev"
    snip = bench / "extraction" / "snippets"
    gt = json.loads((dev / "ground-truth.json").read_text(encoding="utf-8"))
    st = json.loads((snip / "snippets.json").read_text(encoding="utf-8"))

    # stats[rule] = {"dev": [pages, fires, right, wrong], "snip": [...]}
    stats = collections.defaultdict(lambda: {"dev": [set(), 0, 0, 0, 0], "snip": [set(), 0, 0, 0, 0]})
    with tempfile.TemporaryDirectory(prefix="rules-") as tmp:
        for pid in sorted(gt):
            truth = gt[pid].get("articleBody") or ""
            toks = WORD.findall(truth.lower())
            tsh, tstr = shingles(toks), " ".join(toks)
            raw = gzip.decompress((dev / (pid + ".html.gz")).read_bytes())
            for name, text in run_page(binary, raw, tmp):
                s = stats[name]["dev"]
                s[0].add(pid)
                s[1] += 1
                j = flip(name, judge_dev(text, tsh, tstr) if text else None)
                s[2 if j == "right" else 3 if j == "wrong" else 4] += 1
        for pid in sorted(st):
            num = int(re.sub(r"\D", "", pid) or 0)
            if a.half and (num % 2 == 1) != (a.half == "odd"):
                continue
            raw = gzip.decompress((snip / (pid + ".html.gz")).read_bytes())
            for name, text in run_page(binary, raw, tmp):
                s = stats[name]["snip"]
                s[0].add(pid)
                s[1] += 1
                j = flip(name, judge_snip(text, st[pid]) if text else None)
                s[2 if j == "right" else 3 if j == "wrong" else 4] += 1

    delta = {}
    if a.ablate:
        env = dict(os.environ, NEWSPARSE=binary)
        base_dev = f1_of(last_line([sys.executable, str(bench / "score-body.py"), "--pages", str(dev)], env))
        base_snip = f1_of(last_line([sys.executable, str(bench / "score-snippets.py")], env))
        for g in sorted({":".join(n.split(":")[:2]) for n in stats}):
            e = dict(env, NP_RULE_OFF=g)
            d = f1_of(last_line([sys.executable, str(bench / "score-body.py"), "--pages", str(dev)], e))
            s = f1_of(last_line([sys.executable, str(bench / "score-snippets.py")], e))
            delta[g] = (d - base_dev, s - base_snip)
        print(f"F1 with every rule on: dev {base_dev:.4f}, snippets {base_snip:.4f}\n")

    def cell(s):
        pages, fires, right, wrong, unk = len(s[0]), s[1], s[2], s[3], s[4]
        if not fires:
            return "-"
        judged = right + wrong
        pct = f" ({100 * right / judged:.0f}% right of {judged} judged)" if judged else ""
        return f"{fires} on {pages} pages{pct}"

    def group(n):
        parts = n.split(":")
        return ":".join(parts[:2]) if len(parts) > 2 else n

    groups = collections.defaultdict(list)
    for n in stats:
        groups[group(n)].append(n)
    hdr = "| rule | dev: fires | snippets: fires |"
    sep = "| --- | --- | --- |"
    if a.ablate:
        hdr += " F1 change with the rule off (dev / snippets) |"
        sep += " --- |"
    print(hdr)
    print(sep)
    for g in sorted(groups):
        names = sorted(groups[g])
        tot = {}
        for side in ("dev", "snip"):
            t = [set(), 0, 0, 0, 0]
            for n in names:
                s = stats[n][side]
                t[0] |= s[0]
                for k in range(1, 5):
                    t[k] += s[k]
            tot[side] = t
        row = f"| `{g}` | {cell(tot['dev'])} | {cell(tot['snip'])} |"
        if a.ablate:
            d = delta.get(g)
            row += f" {d[0]:+.4f} / {d[1]:+.4f} |" if d else " |"
        print(row)
        if names != [g]:
            for n in names:
                row = f"| &nbsp; `{n[len(g) + 1:]}` | {cell(stats[n]['dev'])} | {cell(stats[n]['snip'])} |"
                print(row + (" |" if a.ablate else ""))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Long sentences, long lines and big articles: time and peak memory of the mizan binary.

Usage: python3 scripts/bench_scale.py [--mizan BINARY] [--shared DIR] [--clauses N ...]

Writes its inputs under target/bench/scale (generated, deterministic) and runs:
  - `brief` on two articles of one sentence of N clauses each (the recipe of
    tests/it/scale.rs: a figure and two glossary terms a clause; every hundredth figure
    differs in the second article), for each --clauses (default 2000 4000 8000);
  - `review --format jsonl` on the largest of those pairs;
  - `segment` and `gloss` text output on one 4 MB line of 57,000 sentences;
  - `brief` on one archive line of about 60 MB: the SaudiNewsNet articles joined into one
    article, topped up with its first million characters (needs --shared).
Prints seconds and the child's peak resident memory (getrusage). Stdlib only.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
OUT = os.path.join(ROOT, "target", "bench", "scale")
ARCHIVE = "data/saudinewsnet-sample/saudinewsnet_2015-08-02_to_08-11.jsonl"
GLOSSARY = ('[[term]]\nar = "كازاخستان"\nen = "Kazakhstan"\nkind = "place"\n\n'
            '[[term]]\nar = "ألماتي"\nen = "Almaty"\nkind = "place"\n')


def sentence(clauses: int, changed: bool) -> str:
    parts = [f"قتل {k + 1 + (1 if changed and k % 100 == 99 else 0)} من عناصر شرطة كازاخستان في ألماتي"
             for k in range(clauses)]
    return " و".join(parts) + ".\n"


def timed(cmd: list[str]) -> tuple[float, float]:
    """Seconds and peak MiB of one run (each run in a fresh process, so ru_maxrss is its own)."""
    probe = [sys.executable, "-c",
             "import resource,subprocess,sys,time;t=time.monotonic();"
             "r=subprocess.run(sys.argv[1:],stdout=subprocess.DEVNULL,stderr=subprocess.DEVNULL);"
             "print(time.monotonic()-t,resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss/1024,r.returncode)"]
    out = subprocess.run(probe + cmd, capture_output=True, text=True, check=True).stdout.split()
    if out[2] != "0":
        print(f"bench_scale: {' '.join(cmd)} exited {out[2]}", file=sys.stderr)
    return float(out[0]), float(out[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mizan", default=os.path.join(ROOT, "target", "release", "mizan"))
    parser.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    parser.add_argument("--clauses", type=int, nargs="+", default=[2000, 4000, 8000])
    args = parser.parse_args()
    os.makedirs(OUT, exist_ok=True)
    glossary = os.path.join(OUT, "glossary.toml")
    with open(glossary, "w", encoding="utf-8") as f:
        f.write(GLOSSARY)
    desk = ["--glossary", glossary, "--reviews", os.path.join(OUT, "none.toml"),
            "--translations", os.path.join(OUT, "none.toml")]
    print("| run | input | seconds | peak MiB |\n|---|---|---|---|")
    pair = []
    for n in args.clauses:
        pair = []
        for name, changed in [("a", False), ("b", True)]:
            path = os.path.join(OUT, f"long{n}-{name}.txt")
            with open(path, "w", encoding="utf-8") as f:
                f.write(sentence(n, changed))
            pair.append(path)
        size = sum(os.path.getsize(p) for p in pair) / 1e6
        s, m = timed([args.mizan, "brief", *pair, *desk, "-o", os.path.join(OUT, "brief.md")])
        print(f"| brief, one-sentence pair ({n} clauses) | {size:.1f} MB | {s:.2f} | {m:.0f} |")
    s, m = timed([args.mizan, "review", *pair, *desk[:4], "--format", "jsonl"])
    print(f"| review --format jsonl, the last pair | {size:.1f} MB | {s:.2f} | {m:.0f} |")
    line = os.path.join(OUT, "line.txt")
    with open(line, "w", encoding="utf-8") as f:
        f.write(" ".join(f"قتل {k} من عناصر شرطة كازاخستان في ألماتي أمس." for k in range(57_000)) + "\n")
    size = os.path.getsize(line) / 1e6
    for cmd in (["segment"], ["gloss", "--glossary", glossary]):
        s, m = timed([args.mizan, *cmd, line])
        print(f"| {cmd[0]} (text), one line | {size:.1f} MB | {s:.2f} | {m:.0f} |")
    archive = os.path.join(args.shared, ARCHIVE)
    if os.path.isfile(archive):
        big = os.path.join(OUT, "big.jsonl")
        parts, total = [], 0
        with open(archive, encoding="utf-8") as f:
            for raw in f:
                content = json.loads(raw)["content"]
                parts.append(content)
                total += len(content.encode())
                if total > 60_000_000:
                    break
        text = "\n".join(parts)
        while len(text.encode()) < 60_000_000:  # the archive's text is 44 MB: top it up
            text += "\n" + text[:1_000_000]
        with open(big, "w", encoding="utf-8") as f:
            f.write(json.dumps({"id": "big", "source": "x", "content": text},
                               ensure_ascii=False) + "\n")
        size = os.path.getsize(big) / 1e6
        s, m = timed([args.mizan, "brief", big, "--glossary", os.path.join(ROOT, "glossary.toml"),
                      *desk[2:], "-o", os.path.join(OUT, "big.md")])
        print(f"| brief, one archive line of articles | {size:.1f} MB | {s:.2f} | {m:.0f} |")


if __name__ == "__main__":
    main()

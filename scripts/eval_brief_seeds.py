#!/usr/bin/env python3
"""Check `mizan brief` on the four seed articles (issue 5's acceptance on the seeds).

Usage: python3 scripts/eval_brief_seeds.py [--mizan BINARY] [--shared DIR] [--glossary FILE]

Runs the briefing twice on ../shared/seeds (with the repo glossary, no reviews, no desk
translations): `--format json` (the templates' context, docs/templates.md) and `--format md`.
Checks, and prints a line for each:

  names     the Markdown names Kazakhstan, Almaty, Tokayev and the CSTO in English
  wire      the wire facts shared by 001 and 002 (scripts/gold/seeds_alignment.json) are facts
            citing both with two sources
  figures   the figures that differ list: killed 160 vs at least 164 (both 003); security
            forces killed at least 8 (001) vs 16 (003); arrested more than 200 (000) vs about 6,000 and
            5,800 (003)
  tables    every Markdown table row has as many cells as its header

Gold is figures only (file names, sentence indices, amounts); no seed text is stored.
Exit status 0 when every check passes, 1 when one fails, 2 on a setup error (no seeds,
no binary). Stdlib only.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

NAMES = ["Kazakhstan", "Almaty", "Tokayev", "CSTO"]

# (label, {amount: seed file prefix}) that must be listed as disagreeing.
FIGURES = [
    ("killed", {"160": "003", "at least 164": "003"}),
    ("security forces killed", {"at least 8": "001", "16": "003"}),
    ("arrested", {"more than 200": "000", "about 6,000": "003", "5,800": "003"}),
]


def setup_error(message: str) -> None:
    print(f"eval_brief_seeds: {message}", file=sys.stderr)
    sys.exit(2)


def run(mizan: str, seeds: str, glossary: str, fmt: str) -> str:
    nothing = os.path.join(ROOT, "target", "no-such-file.toml")
    cmd = [mizan, "brief", seeds, "--format", fmt, "--glossary", glossary,
           "--reviews", nothing, "--translations", nothing]
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        print(f"FAIL mizan brief --format {fmt} exited {done.returncode}:\n{done.stderr}")
        sys.exit(1)
    return done.stdout


def cells(line: str) -> int:
    count, escaped = 0, False
    for c in line:
        if c == "\\" and not escaped:
            escaped = True
            continue
        if c == "|" and not escaped:
            count += 1
        escaped = False
    return count - 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mizan", default=os.path.join(ROOT, "target", "release", "mizan"))
    parser.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    parser.add_argument("--glossary", default=os.path.join(ROOT, "glossary.toml"))
    args = parser.parse_args()
    seeds = os.path.join(args.shared, "seeds")
    if not os.path.isdir(seeds):
        setup_error(f"no seeds folder at {seeds} (the shared data is missing)")
    if not os.access(args.mizan, os.X_OK):
        setup_error(f"no mizan binary at {args.mizan} (cargo build --release)")
    gold_path = os.path.join(HERE, "gold", "seeds_alignment.json")
    with open(gold_path, encoding="utf-8") as f:
        gold = json.load(f)

    context = json.loads(run(args.mizan, seeds, args.glossary, "json"))
    md = run(args.mizan, seeds, args.glossary, "md")
    failures = 0

    missing = [n for n in NAMES if n not in md]
    status = "ok" if not missing else "FAIL"
    failures += bool(missing)
    print(f"{status:4} names: {len(NAMES) - len(missing)}/{len(NAMES)} in English"
          + (f" (missing {missing})" if missing else ""))

    def key(citation: dict) -> tuple[str, int]:
        return (os.path.basename(citation["doc"]), citation["sentence"])

    fact_of = {}
    for fact in context["facts"]:
        for c in fact["cited"]:
            fact_of[key(c)] = fact
    wire_ok = 0
    for a_doc, a_i, b_doc, b_i in gold["wire"]:
        fa, fb = fact_of.get((a_doc, a_i)), fact_of.get((b_doc, b_i))
        if fa is not None and fa is fb and fa["sources"] >= 2:
            wire_ok += 1
        else:
            print(f"     wire pair {a_doc[:3]}#{a_i} ~ {b_doc[:3]}#{b_i} is not one fact")
    status = "ok" if wire_ok == len(gold["wire"]) else "FAIL"
    failures += status != "ok"
    wire_facts = {id(fact_of[(d, i)]) for d, i, _, _ in gold["wire"] if (d, i) in fact_of}
    print(f"{status:4} wire: {wire_ok}/{len(gold['wire'])} pairs in a two-source fact "
          f"({len(wire_facts)} facts; {len(context['facts'])} facts in all)")

    differ = {d["label"]: d for d in context["figures_differ"]}
    for label, expected in FIGURES:
        row = differ.get(label)
        found = {}
        if row:
            for a in row["amounts"]:
                found[a["amount"]] = sorted({os.path.basename(c["citation"]["doc"])[:3]
                                             for c in a["cited"]})
        bad = [f"{amount} ({doc})" for amount, doc in expected.items()
               if doc not in found.get(amount, [])]
        status = "ok" if not bad else "FAIL"
        failures += bool(bad)
        shown = "; ".join(f"{a} {'/'.join(d)}" for a, d in found.items()) or "no row"
        print(f"{status:4} figures {label}: {shown}" + (f"  missing {bad}" if bad else ""))
    others = [d["label"] for d in context["figures_differ"]
              if d["label"] not in dict(FIGURES)]
    print(f"     other disagreements listed: {others}")

    broken, header = 0, None
    for line in md.splitlines():
        if not line.startswith("|"):
            header = None
            continue
        n = cells(line)
        if header is None:
            header = n
        elif n != header:
            broken += 1
            print(f"     row with {n} cells under a {header}-cell header: {line[:80]}")
    status = "ok" if broken == 0 else "FAIL"
    failures += broken > 0
    print(f"{status:4} tables: {broken} broken rows")

    print(f"brief seeds: {'pass' if failures == 0 else f'{failures} checks failed'}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()

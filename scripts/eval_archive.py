#!/usr/bin/env python3
"""The week's archive end to end: `mizan brief` on the 14,565-article SaudiNewsNet sample.

Usage: python3 scripts/eval_archive.py [--mizan BINARY] [--shared DIR] [--max-seconds S]
                                       [--max-mib M]

Runs `mizan brief ARCHIVE --format json --timings` (the repo glossary, no reviews, no
translations) and checks issue 13's budget: wall time under --max-seconds (10) and peak memory
under --max-mib (500), measured on the child process (getrusage). Also checks that the
briefing is sensible: it opens with stories (issue 13 item 6: at least two, in rank order,
each reported by three outlets or more, with key facts whose articles lie mostly in it), facts
come most sources first, the top fact is reported by at least five outlets, and every figure
disagreement is within one story. Prints mizan's per-stage timings and the stories' titles.
Exit 0 on pass, 1 on a failed check, 2 on a setup error (no data, no binary). Stdlib only.
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
ARCHIVE = "data/saudinewsnet-sample/saudinewsnet_2015-08-02_to_08-11.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mizan", default=os.path.join(ROOT, "target", "release", "mizan"))
    parser.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    parser.add_argument("--max-seconds", type=float, default=10.0)
    parser.add_argument("--max-mib", type=float, default=500.0)
    args = parser.parse_args()
    archive = os.path.join(args.shared, ARCHIVE)
    if not os.path.isfile(archive):
        print(f"eval_archive: no archive at {archive} (the shared data is missing)", file=sys.stderr)
        sys.exit(2)
    if not os.access(args.mizan, os.X_OK):
        print(f"eval_archive: no mizan binary at {args.mizan} (cargo build --release)", file=sys.stderr)
        sys.exit(2)
    nothing = os.path.join(ROOT, "target", "no-such-file.toml")
    cmd = [args.mizan, "brief", archive, "--format", "json", "--timings", "--quiet",
           "--glossary", os.path.join(ROOT, "glossary.toml"),
           "--reviews", nothing, "--translations", nothing]
    start = time.monotonic()
    done = subprocess.run(cmd, capture_output=True, text=True)
    seconds = time.monotonic() - start
    peak_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    if done.returncode != 0:
        print(f"FAIL mizan brief exited {done.returncode}:\n{done.stderr[-2000:]}")
        sys.exit(1)
    brief = json.loads(done.stdout)
    stages = [l for l in done.stderr.splitlines() if not l.startswith("warning:")]
    print("\n".join(stages))
    failures = 0

    def check(ok: bool, text: str) -> None:
        nonlocal failures
        failures += not ok
        print(f"{'ok  ' if ok else 'FAIL'} {text}")

    counts = brief["counts"]
    check(seconds < args.max_seconds, f"time {seconds:.1f} s (budget {args.max_seconds:.0f} s)")
    check(peak_mib < args.max_mib, f"peak memory {peak_mib:.0f} MiB (budget {args.max_mib:.0f} MiB)")
    sources = [f["sources"] for f in brief["facts"]]
    check(sources == sorted(sources, reverse=True), f"facts ranked by sources: {sources}")
    check(bool(sources) and sources[0] >= 5, f"top fact reported by {sources[0] if sources else 0} outlets")
    stories = {a["number"]: a["story"] for a in brief["articles"]}
    mixed = [d["label"] for d in brief["figures_differ"]
             if len({stories[r["citation"]["article"]] for a in d["amounts"] for r in a["cited"]}) != 1]
    check(not mixed, f"figure disagreements each within one story ({len(brief['figures_differ'])} shown)")
    shown = brief["stories"]
    check(len(shown) >= 2, f"the briefing opens with {len(shown)} stories")
    check([s["rank"] for s in shown] == sorted(s["rank"] for s in shown)
          and all(len(s["outlets"]) >= 3 for s in shown),
          "stories in rank order, each reported by 3+ outlets")
    own = True
    for s in shown:
        members = set(s["article_numbers"])
        for f in s["facts"]:
            cited = {c["article"] for c in f["cited"]}
            own &= len(cited & members) * 2 > len(cited)
    check(own and all(s["facts"] for s in shown[:5]),
          "each story's key facts lie mostly in its articles (the first five have some)")
    for s in shown:
        print(f"  story {s['rank']:2} [{s['id']}] {len(s['outlets']):2} outlets {s['articles']:4} articles "
              f"{s['facts_total']:4} facts {s['figures_differ_total']:3} differ  {s['title'][:70]}")
    print(f"archive: {counts['articles']} articles, {counts['sentences']} sentences, "
          f"{counts['facts']} facts, {counts['stories']} stories, {counts['figures_differ']} "
          f"disagreements; {seconds:.1f} s, {peak_mib:.0f} MiB")
    top = brief["facts"][0]
    print(f"top fact ({top['sources']} sources): {top['main']['arabic'][:120]}")
    print(f"archive: {'pass' if failures == 0 else f'{failures} checks failed'}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()

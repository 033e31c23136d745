#!/usr/bin/env python3
"""Stories of the week's archive against the events judged by hand (scripts/gold/archive_events.json).

Usage: python3 scripts/eval_stories.py [--mizan BINARY] [--shared DIR] [--gold FILE]
                                       [--min-found N]

Runs `mizan stories ARCHIVE --format jsonl` (the repo glossary, no reviews) and, for each gold
event, finds the story holding most of its articles: its rank, the event's completeness (share
of the event's articles in that story) and the story's purity (share of the story's articles
that are the event's). An event is *found in the top 10* when one of the ten first stories has
at least half of its articles in the event. Prints the ten first stories' titles for reading.
Fails (exit 1) when fewer than --min-found of the five events the issue names are found in the
top 10; exit 2 on a setup error (no data, no binary, no gold). Stdlib only.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
ARCHIVE = "data/saudinewsnet-sample/saudinewsnet_2015-08-02_to_08-11.jsonl"
NAMED = ["asir_mosque_bombing", "super_cup_london", "iran_nuclear_deal", "suez_canal_opening",
         "municipal_elections"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mizan", default=os.path.join(ROOT, "target", "release", "mizan"))
    parser.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    parser.add_argument("--gold", default=os.path.join(HERE, "gold", "archive_events.json"))
    parser.add_argument("--min-found", type=int, default=0,
                        help="named events that must be found in the top 10 (default 0: report only)")
    args = parser.parse_args()
    archive = os.path.join(args.shared, ARCHIVE)
    for path, what in [(archive, "archive"), (args.gold, "gold")]:
        if not os.path.isfile(path):
            print(f"eval_stories: no {what} at {path}", file=sys.stderr)
            sys.exit(2)
    if not os.access(args.mizan, os.X_OK):
        print(f"eval_stories: no mizan binary at {args.mizan} (cargo build --release)", file=sys.stderr)
        sys.exit(2)
    nothing = os.path.join(ROOT, "target", "no-such-file.toml")
    done = subprocess.run([args.mizan, "stories", archive, "--format", "jsonl", "--quiet",
                           "--glossary", os.path.join(ROOT, "glossary.toml"), "--reviews", nothing],
                          capture_output=True, text=True)
    if done.returncode != 0:
        print(f"FAIL mizan stories exited {done.returncode}:\n{done.stderr[-2000:]}")
        sys.exit(1)
    stories = [json.loads(line) for line in done.stdout.splitlines()]
    for s in stories:
        s["ids"] = {d.rsplit("#", 1)[-1] for d in s["docs"]}
    events = json.load(open(args.gold, encoding="utf-8"))["events"]
    print(f"{len(stories)} stories; gold: {len(events)} events")
    print(f"{'event':28} {'articles':>8} {'rank':>5} {'complete':>8} {'pure':>6}  top-10 story")
    found_named = 0
    for e in events:
        ids = set(e["ids"])
        best = max(stories, key=lambda s: (len(ids & s["ids"]), -s["rank"]))
        shared = len(ids & best["ids"])
        top = [s for s in stories[:10] if len(ids & s["ids"]) * 2 >= len(s["ids"])]
        mark = f"#{top[0]['rank']}" if top else "-"
        if e["key"] in NAMED and top:
            found_named += 1
        print(f"{e['key']:28} {len(ids):8} {best['rank']:5} {shared / len(ids):8.2f} "
              f"{shared / len(best['ids']):6.2f}  {mark}")
    print(f"\nnamed events found in the top 10: {found_named} of {len(NAMED)}")
    print("\nthe first ten stories:")
    for s in stories[:10]:
        print(f"  {s['rank']:2}. {len(s['outlets']):2} outlets {s['articles']:4} articles  {s['title'][:90]}")
    if found_named < args.min_found:
        print(f"FAIL fewer than {args.min_found} named events in the top 10")
        sys.exit(1)


if __name__ == "__main__":
    main()

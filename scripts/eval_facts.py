#!/usr/bin/env python3
"""Aligned pairs of the week's archive against the pairs judged by hand (scripts/gold/archive_pairs.tsv).

Usage: python3 scripts/eval_facts.py [--mizan BINARY] [--shared DIR] [--gold FILE]
                                     [--min-precision P] [--min-recall R]

Runs `mizan align ARCHIVE --format jsonl` (the repo glossary, no reviews, the default
threshold): the pairs that become facts. Then:

* **Precision by score band.** A judged pair that mizan still aligns falls in the band of its
  score now; the band's precision is the share of those judged the same fact (near-copy,
  paraphrase, partial). The overall figure weights each band by its share of all the pairs
  mizan gives now (the judged sample is even across bands, the pairs are not). A band with
  pairs but no judged pair is reported, and counts as precision 0 (unknown is not good).
* **Boilerplate.** Judged boilerplate pairs that still align: must be none.
* **Kept.** Judged same-fact pairs still aligned, by label (what the guards cost).
* **Silver recall.** Article pairs of different outlets whose word 5-grams overlap (containment,
  over the smaller article's 5-grams, at least 0.5) are wire copies or rewrites of each other:
  each should share at least one aligned sentence pair.

Exit 1 when the weighted precision is under --min-precision, a boilerplate pair aligns, or
silver recall is under --min-recall; exit 2 on a setup error (no data, no binary, no gold).
Stdlib only.
"""

from __future__ import annotations

import argparse
import collections
import csv
import json
import os
import re
import subprocess
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
ARCHIVE = "data/saudinewsnet-sample/saudinewsnet_2015-08-02_to_08-11.jsonl"
# The first band holds the partial pairs, which are paired whatever their score.
BANDS = [0.0, 0.40, 0.45, 0.50, 0.60, 0.70, 0.80, 0.85, 0.90, 0.95, 1.0001]
SAME_FACT = {"near-copy", "paraphrase", "partial"}
# A 5-gram in more articles than this is boilerplate or a stock phrase, not wire copy.
COMMON_SHINGLE = 60


def band_of(score: float) -> int:
    for i in range(len(BANDS) - 1):
        if BANDS[i] <= score < BANDS[i + 1]:
            return i
    return -1


def band_name(i: int) -> str:
    return f"{BANDS[i]:.2f}-{min(BANDS[i + 1], 1.0):.2f}"


def fold(text: str) -> str:
    """Arabic folded for matching, roughly as mizan does: no marks, one alef, ه for ة, ي for ى."""
    text = "".join(c for c in unicodedata.normalize("NFKC", text)
                   if unicodedata.category(c) != "Mn" and c != "\u0640")
    return (text.replace("أ", "ا").replace("إ", "ا").replace("آ", "ا")
            .replace("ة", "ه").replace("ى", "ي"))


def shingles(text: str) -> set[int]:
    words = re.findall(r"\w+", fold(text))
    return {hash(tuple(words[i:i + 5])) for i in range(len(words) - 4)}


def silver_pairs(archive: str) -> tuple[list[tuple[str, str]], dict[str, str]]:
    """Article pairs of different outlets with 5-gram containment >= 0.5."""
    outlet: dict[str, str] = {}
    sets: dict[str, set[int]] = {}
    with open(archive, encoding="utf-8") as f:
        for line in f:
            a = json.loads(line)
            outlet[a["id"]] = a.get("source", "")
            sets[a["id"]] = shingles((a.get("title") or "") + "\n" + (a.get("content") or ""))
    index: dict[int, list[str]] = collections.defaultdict(list)
    for doc, s in sets.items():
        for h in s:
            index[h].append(doc)
    shared: collections.Counter = collections.Counter()
    for docs in index.values():
        if 2 <= len(docs) <= COMMON_SHINGLE:
            for i, x in enumerate(docs):
                for y in docs[i + 1:]:
                    if outlet[x] != outlet[y]:
                        shared[(x, y) if x < y else (y, x)] += 1
    pairs = []
    for (x, y), n in shared.items():
        smaller = min(len(sets[x]), len(sets[y]))
        if smaller >= 10 and n / smaller >= 0.5:
            pairs.append((x, y))
    return sorted(pairs), outlet


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mizan", default=os.path.join(ROOT, "target", "release", "mizan"))
    parser.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    parser.add_argument("--gold", default=os.path.join(HERE, "gold", "archive_pairs.tsv"))
    parser.add_argument("--min-precision", type=float, default=0.0)
    parser.add_argument("--min-recall", type=float, default=0.0)
    parser.add_argument("--threshold", help="passed to mizan align (default: its own)")
    args = parser.parse_args()
    archive = os.path.join(args.shared, ARCHIVE)
    for path, what in [(archive, "archive"), (args.gold, "gold")]:
        if not os.path.isfile(path):
            print(f"eval_facts: no {what} at {path}", file=sys.stderr)
            sys.exit(2)
    if not os.access(args.mizan, os.X_OK):
        print(f"eval_facts: no mizan binary at {args.mizan} (cargo build --release)", file=sys.stderr)
        sys.exit(2)
    nothing = os.path.join(ROOT, "target", "no-such-file.toml")
    done = subprocess.run([args.mizan, "align", archive, "--format", "jsonl", "--quiet",
                           "--glossary", os.path.join(ROOT, "glossary.toml"), "--reviews", nothing]
                          + (["--threshold", args.threshold] if args.threshold else []),
                          capture_output=True, text=True)
    if done.returncode != 0:
        print(f"FAIL mizan align exited {done.returncode}:\n{done.stderr[-2000:]}")
        sys.exit(1)

    def key(doc: str, index: int) -> tuple[str, int]:
        return (doc.rsplit("#", 1)[-1], index)

    aligned: dict[frozenset, dict] = {}
    article_pairs: set[tuple[str, str]] = set()
    per_band = collections.Counter()
    for line in done.stdout.splitlines():
        p = json.loads(line)
        a, b = key(p["a"]["doc"], p["a"]["index"]), key(p["b"]["doc"], p["b"]["index"])
        aligned[frozenset([a, b])] = p
        article_pairs.add((min(a[0], b[0]), max(a[0], b[0])))
        per_band[band_of(p["score"])] += 1
    total = sum(per_band.values())
    print(f"{total} aligned pairs")

    with open(args.gold, encoding="utf-8") as f:
        rows = [r for r in csv.DictReader((l for l in f if not l.startswith("#")), delimiter="\t")]
    judged = collections.defaultdict(list)
    kept = collections.Counter()
    labels = collections.Counter(r["label"] for r in rows)
    boilerplate_aligned = []
    for r in rows:
        pair = aligned.get(frozenset([(r["id_a"], int(r["index_a"])), (r["id_b"], int(r["index_b"]))]))
        if pair is None:
            continue
        kept[r["label"]] += 1
        judged[band_of(pair["score"])].append(r["label"])
        if r["label"] == "boilerplate":
            boilerplate_aligned.append(r["n"])

    print(f"\n{'band':10} {'pairs now':>9} {'share':>6} {'judged':>6} {'same fact':>9} {'precision':>9}")
    weighted = 0.0
    for i in range(len(BANDS) - 1):
        labels_here = judged.get(i, [])
        same = sum(l in SAME_FACT for l in labels_here)
        share = per_band[i] / total if total else 0.0
        precision = same / len(labels_here) if labels_here else 0.0
        weighted += share * precision
        shown = f"{precision:9.2f}" if labels_here else "  unknown"
        print(f"{band_name(i):10} {per_band[i]:9d} {share:6.3f} {len(labels_here):6d} {same:9d} {shown}")
    print(f"\nweighted precision of the pairs that become facts: {weighted:.3f}")
    print("judged pairs still aligned, by label: "
          + ", ".join(f"{l} {kept[l]}/{labels[l]}" for l in sorted(labels)))

    silver, outlet = silver_pairs(archive)
    found = sum(p in article_pairs for p in silver)
    recall = found / len(silver) if silver else 1.0
    print(f"silver article pairs (5-gram containment >= 0.5, different outlets): {len(silver)}; "
          f"sharing an aligned sentence: {found} (recall {recall:.4f})")

    failures = 0
    if weighted < args.min_precision:
        print(f"FAIL weighted precision {weighted:.3f} < {args.min_precision}")
        failures += 1
    if boilerplate_aligned:
        print(f"FAIL judged boilerplate pairs still aligned: rows {', '.join(boilerplate_aligned)}")
        failures += 1
    if recall < args.min_recall:
        print(f"FAIL silver recall {recall:.4f} < {args.min_recall}")
        failures += 1
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()

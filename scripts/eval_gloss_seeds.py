#!/usr/bin/env python3
"""Check mizan's glossary matching of four names in the four seed articles against the gold.

Usage: python3 scripts/eval_gloss_seeds.py [--mizan PATH_TO_BINARY] [--shared DIR]
                                           [--glossary FILE] [--gold FILE]

The gold (scripts/gold/seeds_terms.json) records, per seed file, every occurrence of four names
(Almaty, Kassym-Jomart Tokayev, the CSTO, Saltanat Azirbek) as {"start", "end", "en"}: byte
offsets into the file's UTF-8 text (a BOM, if any, dropped) and the glossary's English for the
name. It was annotated by hand, independently of mizan's matcher. This script runs

    MIZAN gloss --format jsonl --glossary GLOSSARY SEED_FILE...

reads one JSON object per line ({"doc","sentence","start","end","surface","ar","en","kind"},
byte offsets into the document) and, for each gold occurrence, counts it FOUND when a hit in the
same document has the same (start, end) and the same en. Hits whose en is one of the four names
but that match no gold occurrence are false positives.

Exit status: 0 if every gold occurrence is found and there are no false positives for these
names, 1 otherwise (or if mizan fails or prints malformed output), 2 on a setup error (missing
seeds, gold, glossary or binary). The last line is always
`gloss seeds: N/M occurrences found, K false positives` when the comparison ran.
Stdlib only, Python 3.11.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tomllib
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_MIZAN = REPO / "target" / "release" / "mizan"
DEFAULT_SHARED = REPO.parent / "shared"
DEFAULT_GLOSSARY = REPO / "glossary.toml"
DEFAULT_GOLD = REPO / "scripts" / "gold" / "seeds_terms.json"
BOM = b"\xef\xbb\xbf"

# The glossary's English for the four names (also taken from the gold, see names_of_interest).
NAMES = (
    "Almaty",
    "Kassym-Jomart Tokayev",
    "Collective Security Treaty Organization (CSTO)",
    "Saltanat Azirbek",
)


def die(msg: str, code: int = 2) -> None:
    print(f"eval_gloss_seeds: error: {msg}", file=sys.stderr)
    sys.exit(code)


class Doc:
    """A seed document: its bytes (BOM dropped) and a byte offset -> line:column mapper."""

    def __init__(self, path: Path):
        raw = path.read_bytes()
        self.bom = len(BOM) if raw.startswith(BOM) else 0
        self.data = raw[self.bom:]
        self.line_starts = [0]
        for i, b in enumerate(self.data):
            if b == 0x0A:
                self.line_starts.append(i + 1)

    def line_col(self, off: int) -> str:
        """1-based line and 1-based column in characters."""
        lo, hi = 0, len(self.line_starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.line_starts[mid] <= off:
                lo = mid
            else:
                hi = mid - 1
        start = self.line_starts[lo]
        col = len(self.data[start:off].decode("utf-8", errors="replace")) + 1
        return f"{lo + 1}:{col}"

    def slice(self, start: int, end: int) -> str | None:
        if not (0 <= start <= end <= len(self.data)):
            return None
        try:
            return self.data[start:end].decode("utf-8")
        except UnicodeDecodeError:
            return None


def load_gold(path: Path) -> dict[str, list[tuple[int, int, str]]]:
    if not path.is_file():
        die(f"gold file not found: {path}")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        gold: dict[str, list[tuple[int, int, str]]] = {}
        for name, occs in data["documents"].items():
            spans = []
            for o in occs:
                start, end, en = int(o["start"]), int(o["end"]), str(o["en"])
                if not 0 <= start < end:
                    die(f"gold {name}: bad span {start}-{end}")
                spans.append((start, end, en))
            gold[name] = sorted(spans)
    except (ValueError, KeyError, TypeError, AttributeError) as e:
        die(f"gold file {path} is malformed: {e}")
    if not gold:
        die(f"gold file {path} lists no documents")
    return gold


def glossary_english(path: Path) -> set[str]:
    """The en values of the glossary's entries (used only to warn about a gold/glossary mismatch)."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
        print(f"eval_gloss_seeds: warning: cannot read {path} to check the gold's English: {e}",
              file=sys.stderr)
        return set()
    terms = data.get("term", [])
    return {t["en"] for t in terms if isinstance(t, dict) and isinstance(t.get("en"), str)}


def run_mizan(mizan: Path, glossary: Path, files: list[Path]) -> list[dict]:
    cmd = [str(mizan), "gloss", "--format", "jsonl", "--glossary", str(glossary), *map(str, files)]
    try:
        proc = subprocess.run(cmd, capture_output=True)
    except OSError as e:
        die(f"cannot run {mizan}: {e}")
    if proc.returncode != 0:
        err = proc.stderr.decode("utf-8", errors="replace").strip()
        print(f"eval_gloss_seeds: mizan exited with status {proc.returncode}:\n{err}", file=sys.stderr)
        print("gloss seeds: mizan failed")
        sys.exit(1)
    hits = []
    for n, line in enumerate(proc.stdout.decode("utf-8", errors="replace").splitlines(), 1):
        if not line.strip():
            continue
        try:
            h = json.loads(line)
            if not isinstance(h, dict):
                raise ValueError("not a JSON object")
            h["start"], h["end"] = int(h["start"]), int(h["end"])
            h["doc"], h["en"] = str(h["doc"]), str(h["en"])
        except (ValueError, KeyError, TypeError) as e:
            print(f"eval_gloss_seeds: malformed mizan output line {n}: {e}: {line[:200]}",
                  file=sys.stderr)
            print("gloss seeds: malformed mizan output")
            sys.exit(1)
        hits.append(h)
    return hits


def describe_hit(h: dict, doc: Doc) -> str:
    surface = h.get("surface")
    return (f"{h['start']}-{h['end']} ({doc.line_col(h['start'])}) en={h['en']!r} "
            f"surface={surface!r} kind={h.get('kind')!r}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mizan", type=Path, default=DEFAULT_MIZAN,
                    help=f"mizan binary (default: {DEFAULT_MIZAN.relative_to(REPO)})")
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED,
                    help="shared folder holding seeds/ (default: the repo's parent/shared)")
    ap.add_argument("--glossary", type=Path, default=DEFAULT_GLOSSARY,
                    help="glossary file (default: glossary.toml at the repo root)")
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD,
                    help="gold file (default: scripts/gold/seeds_terms.json)")
    args = ap.parse_args()

    seeds_dir = args.shared / "seeds"
    if not seeds_dir.is_dir():
        die(f"seeds folder not found: {seeds_dir} (use --shared DIR)")
    gold = load_gold(args.gold)
    files: list[Path] = []
    for name in gold:
        p = seeds_dir / name
        if not p.is_file():
            die(f"seed file not found: {p}")
        files.append(p)
    if not args.glossary.is_file():
        die(f"glossary not found: {args.glossary}")
    if not args.mizan.is_file():
        die(f"mizan binary not found: {args.mizan} (build it with `cargo build --release`, "
            f"or pass --mizan)")

    names = set(NAMES) | {en for occs in gold.values() for (_, _, en) in occs}
    gloss_en = glossary_english(args.glossary)
    if gloss_en:
        for en in sorted(names):
            if en not in gloss_en:
                print(f"eval_gloss_seeds: warning: {en!r} is not the en of any entry in "
                      f"{args.glossary}", file=sys.stderr)

    docs = {name: Doc(p) for name, p in zip(gold, files)}
    hits_by_doc: dict[str, list[dict]] = defaultdict(list)
    unknown_docs = set()
    for h in run_mizan(args.mizan, args.glossary, files):
        name = Path(h["doc"]).name
        if name in docs:
            hits_by_doc[name].append(h)
        else:
            unknown_docs.add(h["doc"])
    for d in sorted(unknown_docs):
        print(f"eval_gloss_seeds: warning: mizan reported hits for an unexpected doc {d!r}",
              file=sys.stderr)

    total_gold = total_found = total_fp = 0
    per_name_total: dict[str, list[int]] = {en: [0, 0] for en in NAMES}
    for en in names:
        per_name_total.setdefault(en, [0, 0])

    for name, occs in gold.items():
        doc = docs[name]
        hits = sorted(hits_by_doc.get(name, []), key=lambda h: (h["start"], h["end"]))
        # Sanity: the hit's surface should be the document's slice (informational only).
        for h in hits:
            sl = doc.slice(h["start"], h["end"])
            if sl is None or ("surface" in h and h["surface"] != sl):
                print(f"eval_gloss_seeds: warning: {name}: hit {h['start']}-{h['end']} en={h['en']!r} "
                      f"has surface {h.get('surface')!r} but the document's slice is {sl!r}",
                      file=sys.stderr)
        hit_keys = {(h["start"], h["end"], h["en"]) for h in hits}
        gold_keys = set(occs)
        found = [o for o in occs if o in hit_keys]
        missed = [o for o in occs if o not in hit_keys]
        fps = [h for h in hits if h["en"] in names and (h["start"], h["end"], h["en"]) not in gold_keys]
        # Collapse exact duplicate false-positive hits.
        seen = set()
        fps = [h for h in fps if not ((h["start"], h["end"], h["en"]) in seen
                                      or seen.add((h["start"], h["end"], h["en"])))]

        per_name: dict[str, list[int]] = {}
        for (s, e, en) in occs:
            c = per_name.setdefault(en, [0, 0])
            c[1] += 1
            per_name_total[en][1] += 1
            if (s, e, en) in hit_keys:
                c[0] += 1
                per_name_total[en][0] += 1

        total_gold += len(occs)
        total_found += len(found)
        total_fp += len(fps)
        print(f"{name}: {len(occs)} gold occurrences, {len(found)} found, {len(missed)} missed, "
              f"{len(fps)} false positives")
        if per_name:
            print("  recall: " + ", ".join(f"{en} {c[0]}/{c[1]}" for en, c in per_name.items()))
        for (s, e, en) in missed:
            print(f"  MISSED {s}-{e} ({doc.line_col(s)}) en={en!r}")
            overlapping = [h for h in hits if h["start"] < e and s < h["end"]]
            if overlapping:
                for h in overlapping:
                    print(f"    overlapping hit: {describe_hit(h, doc)}")
            else:
                print("    no hit overlaps it")
        for h in fps:
            print(f"  FALSE POSITIVE {describe_hit(h, doc)}")
            for (s, e, en) in occs:
                if h["start"] < e and s < h["end"]:
                    print(f"    overlaps gold {s}-{e} ({doc.line_col(s)}) en={en!r}")

    print("recall per name, all documents:")
    for en, (f, t) in per_name_total.items():
        if t:
            print(f"  {en}: {f}/{t} ({100.0 * f / t:.1f}%)")
    print(f"gloss seeds: {total_found}/{total_gold} occurrences found, {total_fp} false positives")
    sys.exit(0 if total_found == total_gold and total_fp == 0 else 1)


if __name__ == "__main__":
    main()

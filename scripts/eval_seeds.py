#!/usr/bin/env python3
"""Check mizan's sentence segmentation of the four seed articles against the gold.

Usage: python3 scripts/eval_seeds.py [--mizan PATH_TO_BINARY] [--shared DIR] [--gold FILE]

The gold (scripts/gold/seeds_sentences.json) holds, per seed file, the sentence spans
[start, end, kind] as byte offsets into the file's UTF-8 text (BOM dropped), decided by hand
according to docs/segmentation.md. This script runs

    MIZAN segment --format jsonl SEED_FILE

for each seed, reads one JSON object per line (fields doc, index, start, end, text and
optionally kind), and compares the predicted spans with the gold: exact-span matches, boundary
precision/recall/F1 on sentence END offsets, and (informational) kind accuracy on matched spans.

Gate: a document passes when its end-boundary F1 is 1.0 and mizan's output for it is well formed
(it ran, every line is a JSON object with integer start/end inside the text, and text equals the
slice). Exit status: 0 if all documents pass, 1 if any fails, 2 on a setup error (missing seeds,
gold or binary). Stdlib only, Python 3.11.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_MIZAN = REPO / "target" / "release" / "mizan"
DEFAULT_SHARED = REPO.parent / "shared"
DEFAULT_GOLD = REPO / "scripts" / "gold" / "seeds_sentences.json"
KINDS = {"body", "headline", "byline", "meta"}
CONTEXT = 20  # characters of predicted text shown on each side of a disagreement (<= 40 total)
BOM = b"\xef\xbb\xbf"


def die(msg: str) -> None:
    print(f"eval_seeds: error: {msg}", file=sys.stderr)
    sys.exit(2)


def load_gold(path: Path) -> dict[str, list[tuple[int, int, str]]]:
    if not path.is_file():
        die(f"gold file not found: {path}")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        docs = data["documents"]
        gold: dict[str, list[tuple[int, int, str]]] = {}
        for name, entry in docs.items():
            spans = []
            for s in entry["sentences"]:
                start, end, kind = int(s[0]), int(s[1]), str(s[2])
                if kind not in KINDS:
                    die(f"gold {name}: unknown kind {kind!r}")
                spans.append((start, end, kind))
            gold[name] = spans
    except (ValueError, KeyError, TypeError, IndexError) as e:
        die(f"gold file {path} is malformed: {e}")
    if not gold:
        die(f"gold file {path} lists no documents")
    return gold


class Doc:
    """A seed document: its bytes (BOM dropped) and a byte offset -> line:column mapper."""

    def __init__(self, raw: bytes):
        self.data = raw[len(BOM):] if raw.startswith(BOM) else raw
        self.text = self.data.decode("utf-8")
        self.line_starts = [0]
        for i, b in enumerate(self.data):
            if b == 0x0A:
                self.line_starts.append(i + 1)

    def is_boundary(self, off: int) -> bool:
        return 0 <= off <= len(self.data) and (
            off == len(self.data) or (self.data[off] & 0xC0) != 0x80
        )

    def linecol(self, off: int) -> str:
        """1-based line and 1-based column (in characters) of a byte offset."""
        lo, hi = 0, len(self.line_starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.line_starts[mid] <= off:
                lo = mid
            else:
                hi = mid - 1
        ls = self.line_starts[lo]
        col = len(self.data[ls:off].decode("utf-8", errors="replace")) + 1
        return f"{lo + 1}:{col}"


def run_mizan(mizan: Path, seed: Path) -> tuple[list[dict] | None, list[str]]:
    """Return (predicted segments, errors)."""
    cmd = [str(mizan), "segment", "--format", "jsonl", str(seed)]
    try:
        proc = subprocess.run(cmd, capture_output=True, timeout=120)
    except subprocess.TimeoutExpired:
        return None, [f"timed out: {' '.join(cmd)}"]
    except OSError as e:
        return None, [f"could not run {' '.join(cmd)}: {e}"]
    if proc.returncode != 0:
        err = proc.stderr.decode("utf-8", errors="replace").strip().splitlines()
        return None, [f"exit status {proc.returncode}: {' '.join(cmd)}"] + [
            "  stderr: " + line for line in err[-10:]
        ]
    segs, errors = [], []
    for n, line in enumerate(proc.stdout.decode("utf-8", errors="replace").splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except ValueError as e:
            errors.append(f"output line {n} is not JSON: {e}")
            continue
        if not isinstance(obj, dict):
            errors.append(f"output line {n} is not a JSON object")
            continue
        segs.append(obj)
    return segs, errors


def prf(gold: set[int], pred: set[int]) -> tuple[float, float, float]:
    tp = len(gold & pred)
    p = tp / len(pred) if pred else (1.0 if not gold else 0.0)
    r = tp / len(gold) if gold else (1.0 if not pred else 0.0)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def context(doc: Doc, segs: list[tuple[int, int, str | None]], off: int) -> str:
    """Up to CONTEXT chars either side of `off`, taken from the predicted segment around it."""
    for s, e, _ in segs:
        if s <= off <= e:
            before = doc.data[s:off].decode("utf-8", errors="replace")[-CONTEXT:]
            after = doc.data[off:e].decode("utf-8", errors="replace")[:CONTEXT]
            return f"  pred: {json.dumps(before + '|' + after, ensure_ascii=False)}"
    return "  (outside every predicted segment)"


def evaluate(name: str, doc: Doc, gold: list[tuple[int, int, str]], mizan: Path, seed: Path) -> bool:
    raw, errors = run_mizan(mizan, seed)
    if raw is None:
        print(f"{name}: FAIL (mizan did not produce output)")
        for e in errors:
            print(f"    {e}")
        return False

    pred: list[tuple[int, int, str | None]] = []
    for i, obj in enumerate(raw):
        start, end = obj.get("start"), obj.get("end")
        if not isinstance(start, int) or not isinstance(end, int) or isinstance(start, bool) or isinstance(end, bool):
            errors.append(f"segment {i}: start/end missing or not integers")
            continue
        if not (0 <= start <= end <= len(doc.data)):
            errors.append(f"segment {i}: span {start}..{end} outside the text (len {len(doc.data)})")
            continue
        if not (doc.is_boundary(start) and doc.is_boundary(end)):
            errors.append(f"segment {i}: span {start}..{end} cuts a UTF-8 character")
            continue
        if "text" in obj and obj["text"] != doc.data[start:end].decode("utf-8"):
            errors.append(f"segment {i} ({start}..{end}, {doc.linecol(start)}): text is not the slice")
        if "index" in obj and obj["index"] != i and obj["index"] != i + 1:
            errors.append(f"segment {i}: index field is {obj['index']!r}")
        kind = obj.get("kind")
        pred.append((start, end, kind if isinstance(kind, str) else None))

    gold_spans = {(s, e): k for s, e, k in gold}
    pred_spans = {(s, e): k for s, e, k in pred}
    exact = sorted(set(gold_spans) & set(pred_spans))
    gold_ends = {e for _, e, _ in gold}
    pred_ends = {e for _, e, _ in pred}
    p, r, f = prf(gold_ends, pred_ends)

    kinds_known = [sp for sp in exact if pred_spans[sp] is not None]
    kinds_ok = [sp for sp in kinds_known if pred_spans[sp] == gold_spans[sp]]

    passed = f == 1.0 and not errors
    print(
        f"{name}: gold {len(gold)}, predicted {len(pred)}, exact spans {len(exact)}; "
        f"end boundaries P {p:.3f} R {r:.3f} F1 {f:.3f}; "
        f"kind {len(kinds_ok)}/{len(exact)} matched spans agree"
        + (f" ({len(exact) - len(kinds_known)} without kind)" if len(kinds_known) < len(exact) else "")
        + f"  {'PASS' if passed else 'FAIL'}"
    )
    for e in errors:
        print(f"    output error: {e}")

    for off in sorted(gold_ends - pred_ends):
        print(f"    missed end      at byte {off} ({doc.linecol(off)}){context(doc, pred, off)}")
    for off in sorted(pred_ends - gold_ends):
        print(f"    spurious end    at byte {off} ({doc.linecol(off)}){context(doc, pred, off)}")
    for s, e in sorted(set(gold_spans) - set(pred_spans)):
        print(f"    gold span  {s}..{e} ({doc.linecol(s)}-{doc.linecol(e)}) [{gold_spans[(s, e)]}] not predicted")
    for s, e in sorted(set(pred_spans) - set(gold_spans)):
        k = pred_spans[(s, e)]
        print(f"    pred span  {s}..{e} ({doc.linecol(s)}-{doc.linecol(e)}) [{k or '-'}] not in gold")
    for sp in kinds_known:
        if pred_spans[sp] != gold_spans[sp]:
            s, e = sp
            print(f"    kind       {s}..{e} ({doc.linecol(s)}): gold {gold_spans[sp]}, predicted {pred_spans[sp]} (informational)")

    # Policy checks (informational): spans ordered, disjoint, covering all non-space text.
    ordered = sorted(pred)
    if [x[:2] for x in ordered] != [x[:2] for x in pred]:
        print("    note: predicted spans are not in text order")
    for (s1, e1, _), (s2, e2, _) in zip(ordered, ordered[1:]):
        if s2 < e1:
            print(f"    note: predicted spans {s1}..{e1} and {s2}..{e2} overlap")
    covered = bytearray(len(doc.data))
    for s, e, _ in pred:
        covered[s:e] = b"\x01" * (e - s)
    pos, missing = 0, 0
    for ch in doc.text:
        n = len(ch.encode("utf-8"))
        if not ch.isspace() and not covered[pos]:
            missing += 1
        pos += n
    if missing:
        print(f"    note: {missing} non-space characters are in no predicted span")
    return passed


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mizan", type=Path, default=DEFAULT_MIZAN, help=f"mizan binary (default {DEFAULT_MIZAN})")
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help=f"shared dir holding seeds/ (default {DEFAULT_SHARED})")
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help=f"gold file (default {DEFAULT_GOLD})")
    args = ap.parse_args()

    seeds_dir = args.shared / "seeds"
    if not seeds_dir.is_dir():
        die(f"seeds directory not found: {seeds_dir} (pass --shared DIR)")
    gold = load_gold(args.gold)
    missing = [n for n in gold if not (seeds_dir / n).is_file()]
    if missing:
        die(f"seed files listed in the gold are missing from {seeds_dir}: {', '.join(missing)}")
    extra = sorted(p.name for p in seeds_dir.glob("*.txt") if p.name not in gold)
    if extra:
        die(f"seed files without gold: {', '.join(extra)} (update {args.gold})")
    mizan = args.mizan
    if not (mizan.is_file() and os.access(mizan, os.X_OK)):
        die(f"mizan binary not found or not executable: {mizan} (build with `cargo build --release` or pass --mizan)")

    n_pass = n_fail = 0
    for name in sorted(gold):
        seed = seeds_dir / name
        doc = Doc(seed.read_bytes())
        bad = [(s, e) for s, e, _ in gold[name] if not (0 <= s < e <= len(doc.data))]
        if bad:
            die(f"gold spans for {name} fall outside the file: {bad[:3]} (seed changed?)")
        if evaluate(name, doc, gold[name], mizan, seed):
            n_pass += 1
        else:
            n_fail += 1
    print(f"seeds: {n_pass} passed, {n_fail} failed")
    return 0 if n_fail == 0 else 1


if __name__ == "__main__":
    sys.exit(main())

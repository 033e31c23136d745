#!/usr/bin/env python3
"""Evaluate mizan's sentence segmenter on UD Arabic-PUD beside peer tools.

Usage (with the peers venv python, see scripts/peers-env.sh):

    PY=$(bash scripts/peers-env.sh | tail -n1)
    $PY scripts/eval_pud.py [--mizan target/release/mizan] [--shared ../shared]

Metric: boundary precision/recall/F1 on document-INTERNAL boundaries only.
Gold = {(doc_id, ends[i]) for every sentence but the last of each doc}
(603 boundaries in 397 pseudo-documents). A predicted end is normalised by
skipping back over trailing white space, and a predicted end at the end of
the document (after that normalisation) is not a boundary.

mizan is run once over a temp folder holding one <doc_id>.txt per document:
    MIZAN segment --format jsonl <tmpdir>
whose lines are {"doc", "index", "start", "end", "text", ...} with UTF-8
byte offsets; they are converted to code-point offsets here.

Peers (pySBD, sentencex, blingfire) are imported in-process; a peer that is
not installed is reported as "SKIPPED: reason" and left out of the table.

Exit status: 0 if mizan's F1 >= 0.995 (the project's gate), 1 if it is
below, or mizan could not be run; 2 if the data file is missing.
The last line is always "pud: mizan F1=... (gate 0.995)".
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

GATE = 0.995
REPO_ROOT = Path(__file__).resolve().parent.parent
DATA_REL = Path("data") / "ud-arabic-pud-sentences" / "ar_pud_docs.jsonl"
MAX_LISTED = 30
CONTEXT = 40


# ---------------------------------------------------------------- data / metric

def load_docs(path):
    docs = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line:
                continue
            d = json.loads(line)
            text, ends = d["text"], d["ends"]
            if not ends or ends[-1] != len(text):
                raise SystemExit(f"eval_pud: {path}:{n}: last end {ends[-1] if ends else None} "
                                 f"!= len(text) {len(text)}")
            docs.append(d)
    return docs


def norm_end(text, end):
    """Move a predicted end back over trailing white space."""
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


def internal_boundaries(doc_id, text, ends):
    """Set of (doc_id, end) for normalised, document-internal ends."""
    last = norm_end(text, len(text))
    out = set()
    for e in ends:
        e = norm_end(text, e)
        if 0 < e < last:
            out.add((doc_id, e))
    return out


def gold_set(docs):
    gold = set()
    for d in docs:
        for e in d["ends"][:-1]:
            gold.add((d["doc_id"], e))
    return gold


def prf(pred, gold):
    tp = len(pred & gold)
    p = tp / len(pred) if pred else 0.0
    r = tp / len(gold) if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


# ---------------------------------------------------------------- helpers

def ends_by_find(text, pieces):
    """Ends of sentence strings located sequentially in text (None if one is not found)."""
    ends, pos = [], 0
    for s in pieces:
        s = s.strip()
        if not s:
            continue
        i = text.find(s, pos)
        if i < 0:
            return None
        pos = i + len(s)
        ends.append(pos)
    return ends


def byte_to_cp_map(text):
    """dict: UTF-8 byte offset -> code-point offset, for every char boundary."""
    m = {}
    b = 0
    for i, ch in enumerate(text):
        m[b] = i
        b += len(ch.encode("utf-8"))
    m[b] = len(text)
    return m


# ---------------------------------------------------------------- peers

class Skip(Exception):
    pass


def peer_pysbd():
    try:
        import pysbd
    except Exception as e:  # noqa: BLE001
        raise Skip(f"cannot import pysbd ({e})")
    seg = pysbd.Segmenter(language="ar", clean=False, char_span=True)
    version = getattr(pysbd, "__version__", "?")
    stats = {"fallback_docs": 0}

    def run(text):
        spans = seg.segment(text)
        ok = all(text[s.start:s.end] == s.sent for s in spans)
        # char_span is computed with re.finditer on the sentence string; check it
        # and locate the sentences sequentially if a span does not match.
        if ok:
            return [s.end for s in spans], len(spans)
        stats["fallback_docs"] += 1
        ends = ends_by_find(text, [s.sent for s in spans])
        if ends is None:
            raise RuntimeError("pysbd sentence not found in text")
        return ends, len(ends)

    def note():
        n = stats["fallback_docs"]
        return f"char_span mismatched in {n} docs (located by str.find)" if n else "char_span offsets verified"

    return "pysbd", version, run, note


def peer_sentencex():
    try:
        import sentencex
    except Exception as e:  # noqa: BLE001
        raise Skip(f"cannot import sentencex ({e})")
    version = _dist_version("sentencex")
    stats = {"fallback_docs": 0}

    def run(text):
        pieces = list(sentencex.segment("ar", text))
        if "".join(pieces) == text:
            # segment() keeps the white space after each sentence: the pieces
            # concatenate back to the text, so ends are cumulative lengths.
            ends, pos = [], 0
            for p in pieces:
                pos += len(p)
                ends.append(pos)
            return ends, sum(1 for p in pieces if p.strip())
        stats["fallback_docs"] += 1
        ends = ends_by_find(text, pieces)
        if ends is None:
            raise RuntimeError("sentencex sentence not found in text")
        return ends, len(ends)

    def note():
        n = stats["fallback_docs"]
        return (f"pieces did not concatenate to the text in {n} docs (located by str.find)"
                if n else "pieces concatenate to the text")

    return "sentencex", version, run, note


def peer_blingfire():
    try:
        import blingfire
    except Exception as e:  # noqa: BLE001
        raise Skip(f"cannot import blingfire ({e})")
    version = _dist_version("blingfire")
    stats = {"mismatch_docs": 0}

    def run(text):
        out, offsets = blingfire.text_to_sentences_and_offsets(text)
        # In blingfire 0.1.8 the Python wrapper maps the library's UTF-8 byte
        # offsets back to code-point offsets, with exclusive ends. Check it.
        sents = out.split("\n")
        ok = len(sents) == len(offsets) and all(
            0 <= b <= e <= len(text) and text[b:e].split() == s.split()
            for (b, e), s in zip(offsets, sents))
        if ok:
            return [e for _, e in offsets], len(offsets)
        stats["mismatch_docs"] += 1
        ends = ends_by_find(text, sents)
        if ends is None:
            raise RuntimeError("blingfire offsets do not match the text")
        return ends, len(ends)

    def note():
        n = stats["mismatch_docs"]
        return (f"offsets mismatched in {n} docs (located by str.find)"
                if n else "offsets are code points, verified against the text")

    return "blingfire", version, run, note


def _dist_version(name):
    try:
        from importlib.metadata import version
        return version(name)
    except Exception:  # noqa: BLE001
        return "?"


def eval_peer(factory, docs):
    name, version, run, note = factory()
    pred, nsent = set(), 0
    t0 = time.perf_counter()
    for d in docs:
        ends, n = run(d["text"])
        nsent += n
        pred |= internal_boundaries(d["doc_id"], d["text"], ends)
    dt = time.perf_counter() - t0
    return f"{name} {version}", pred, nsent, dt, note()


# ---------------------------------------------------------------- mizan

def eval_mizan(mizan, docs):
    """Returns (pred set, n sentences, seconds, notes) or raises RuntimeError."""
    by_id = {d["doc_id"]: d for d in docs}
    notes = []
    with tempfile.TemporaryDirectory(prefix="mizan-pud-") as tmp:
        for d in docs:
            with open(os.path.join(tmp, d["doc_id"] + ".txt"), "w", encoding="utf-8", newline="") as f:
                f.write(d["text"])
        cmd = [str(mizan), "segment", "--format", "jsonl", tmp]
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True)
        dt = time.perf_counter() - t0
    if proc.returncode != 0:
        err = proc.stderr.decode("utf-8", "replace").strip()
        raise RuntimeError(f"`{' '.join(cmd)}` exited {proc.returncode}: {err[-2000:]}")

    maps = {}
    ends_by_doc = {}
    nsent = 0
    text_mismatch = 0
    for n, line in enumerate(proc.stdout.decode("utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            raise RuntimeError(f"mizan output line {n} is not JSON ({e}): {line[:200]!r}")
        doc_id = Path(rec["doc"]).stem
        d = by_id.get(doc_id)
        if d is None:
            raise RuntimeError(f"mizan output line {n}: unknown doc {rec['doc']!r}")
        text = d["text"]
        m = maps.get(doc_id)
        if m is None:
            m = maps[doc_id] = byte_to_cp_map(text)
        bs, be = rec["start"], rec["end"]
        if bs not in m or be not in m:
            raise RuntimeError(f"mizan output line {n}: byte span {bs}..{be} of {doc_id} "
                               f"is not on a character boundary (len {len(text.encode())} bytes)")
        cs, ce = m[bs], m[be]
        if "text" in rec and rec["text"] != text[cs:ce]:
            text_mismatch += 1
        nsent += 1
        ends_by_doc.setdefault(doc_id, []).append(ce)

    missing = [d["doc_id"] for d in docs if d["doc_id"] not in ends_by_doc]
    if missing:
        notes.append(f"WARNING: {len(missing)} docs produced no segment: {' '.join(missing[:10])}")
    if text_mismatch:
        notes.append(f"WARNING: {text_mismatch} segments whose 'text' differs from text[start:end]")
    pred = set()
    for doc_id, ends in ends_by_doc.items():
        pred |= internal_boundaries(doc_id, by_id[doc_id]["text"], ends)
    return pred, nsent, dt, notes


def show_errors(kind, items, by_id):
    items = sorted(items)
    print(f"\nmizan {kind}: {len(items)}" + (f" (first {MAX_LISTED})" if len(items) > MAX_LISTED else ""))
    for doc_id, off in items[:MAX_LISTED]:
        text = by_id[doc_id]["text"]
        left = text[max(0, off - CONTEXT):off].replace("\n", "⏎")
        right = text[off:off + CONTEXT].replace("\n", "⏎")
        print(f"  {doc_id} @{off}: …{left} ‖ {right}…")


# ---------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mizan", default=str(REPO_ROOT / "target" / "release" / "mizan"),
                    help="mizan binary (default: target/release/mizan)")
    ap.add_argument("--shared", default=str(REPO_ROOT.parent / "shared"),
                    help="shared folder holding data/ (default: <repo>/../shared)")
    args = ap.parse_args()

    data = Path(args.shared) / DATA_REL
    if not data.is_file():
        print(f"eval_pud: data file not found: {data}\n"
              f"  (pass --shared DIR, the folder that holds {DATA_REL})", file=sys.stderr)
        sys.exit(2)

    docs = load_docs(data)
    by_id = {d["doc_id"]: d for d in docs}
    gold = gold_set(docs)
    print(f"data: {data}")
    print(f"{len(docs)} docs, {sum(len(d['ends']) for d in docs)} gold sentences, "
          f"{len(gold)} document-internal gold boundaries")
    print(f"python {sys.version.split()[0]} at {sys.executable}\n")

    rows = []   # (tool, p, r, f, nsent, seconds)
    notes = []

    # mizan
    mizan_f1 = None
    mizan_pred = None
    mizan = Path(args.mizan)
    if not mizan.exists():
        notes.append(f"FAILED: mizan: binary not found: {mizan} (build it: cargo build --release)")
    else:
        try:
            pred, nsent, dt, mnotes = eval_mizan(mizan, docs)
            p, r, f = prf(pred, gold)
            rows.append(("mizan", p, r, f, nsent, dt))
            mizan_f1, mizan_pred = f, pred
            notes.extend(f"mizan: {n}" for n in mnotes)
        except (RuntimeError, OSError, KeyError, ValueError) as e:
            notes.append(f"FAILED: mizan: {e}")

    # peers
    for factory in (peer_sentencex, peer_blingfire, peer_pysbd):
        try:
            tool, pred, nsent, dt, note = eval_peer(factory, docs)
        except Skip as e:
            notes.append(f"SKIPPED: {factory.__name__[5:]}: {e}")
            continue
        except Exception as e:  # noqa: BLE001  (a peer crashing must not stop the eval)
            notes.append(f"SKIPPED: {factory.__name__[5:]}: failed while running: {type(e).__name__}: {e}")
            continue
        p, r, f = prf(pred, gold)
        rows.append((tool, p, r, f, nsent, dt))
        notes.append(f"{tool}: {note}")

    w = max([len("tool")] + [len(r[0]) for r in rows])
    print(f"{'tool':<{w}}  {'precision':>9}  {'recall':>7}  {'F1':>7}  {'sentences':>9}  {'seconds':>7}")
    for tool, p, r, f, n, dt in rows:
        print(f"{tool:<{w}}  {p:9.4f}  {r:7.4f}  {f:7.4f}  {n:9d}  {dt:7.2f}")
    print(f"{'(gold)':<{w}}  {'':9}  {'':7}  {'':7}  {sum(len(d['ends']) for d in docs):9d}")
    for n in notes:
        print(n)

    if mizan_pred is not None:
        show_errors("false positives (predicted, not gold)", mizan_pred - gold, by_id)
        show_errors("false negatives (gold, not predicted)", gold - mizan_pred, by_id)

    print()
    if mizan_f1 is None:
        print(f"pud: mizan F1=n/a (gate {GATE}) -- mizan did not run")
        sys.exit(1)
    print(f"pud: mizan F1={mizan_f1:.4f} (gate {GATE})")
    sys.exit(0 if mizan_f1 >= GATE else 1)


if __name__ == "__main__":
    main()

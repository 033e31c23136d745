#!/usr/bin/env python3
"""Segmentation throughput: mizan beside sentencex on the same ~50 MB of Arabic text.

Usage (with the peers venv python, see scripts/peers-env.sh):

    PY=$(bash scripts/peers-env.sh | tail -n1)
    $PY scripts/bench_segment.py [--mizan-bench PATH] [--shared ../shared] [--pysbd] [--blingfire]

The benchmark text is every UD Arabic-PUD document joined by "\\n\\n", repeated
(joined by "\\n\\n") until it is at least 50 MiB of UTF-8; it is cached at
target/bench/pud50.txt (rewritten only when its content would differ).

mizan side: `MIZAN_BENCH --input target/bench/pud50.txt`, where MIZAN_BENCH is
--mizan-bench, else $MIZAN_BENCH, else the benches/throughput.rs binary that
`cargo bench --bench throughput --no-run` builds (found from cargo's JSON messages).
It prints one JSON line {"bytes", "normalize_s", "segment_s", "total_s", "sentences"}.
The peak RSS of that child process is reported (getrusage RUSAGE_CHILDREN; mizan is
the only child this script starts).

Peer side, in this process on the same text: sentencex.segment("ar", text), timed
once on the whole text (if a 1 MiB probe predicts more than 60 s, it is timed on a
5 MiB prefix and scaled, and the table says so). --pysbd adds pySBD on a 1 MiB prefix,
--blingfire adds blingfire.text_to_sentences on the whole text.

MB/s is 10^6 bytes of UTF-8 input per second. Exit status 0 unless something
failed to run (a peer that is not installed is reported as SKIPPED).
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DATA_REL = Path("data") / "ud-arabic-pud-sentences" / "ar_pud_docs.jsonl"
MIB = 1 << 20
MAX_PEER_S = 60.0


def build_text(data, min_bytes):
    texts = []
    with open(data, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                texts.append(json.loads(line)["text"])
    unit = "\n\n".join(texts)
    unit_bytes = len(unit.encode("utf-8"))
    reps = max(1, -(-(min_bytes + 2) // (unit_bytes + 2)))
    text = "\n\n".join([unit] * reps)
    return text, len(texts), reps


def cache_text(path, text):
    data = text.encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.is_file() and path.stat().st_size == len(data) and path.read_bytes() == data:
        return len(data), "cached"
    tmp = path.with_suffix(".tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)
    return len(data), "written"


def prefix(text, nbytes):
    """Longest prefix of whole documents (cut at a "\\n\\n") of about nbytes UTF-8 bytes."""
    # Arabic is 1-2 bytes per char here: cut by chars, then shrink to a byte budget.
    cut = min(len(text), nbytes)
    while cut > 0 and len(text[:cut].encode("utf-8")) > nbytes:
        cut = int(cut * 0.9)
    i = text.rfind("\n\n", 0, cut)
    return text[:i] if i > 0 else text[:cut]


def mbs(nbytes, seconds):
    return nbytes / 1e6 / seconds if seconds > 0 else float("inf")


def dist_version(name):
    try:
        from importlib.metadata import version
        return version(name)
    except Exception:  # noqa: BLE001
        return "?"


# ---------------------------------------------------------------- mizan

def build_bench():
    """Build benches/throughput.rs (bench profile) and return its executable's path."""
    proc = subprocess.run(
        ["cargo", "bench", "--bench", "throughput", "--no-run", "--message-format=json"],
        cwd=REPO_ROOT, capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"bench_segment: cargo bench --no-run failed:\n{proc.stderr[-3000:]}")
    for line in proc.stdout.splitlines():
        try:
            msg = json.loads(line)
        except json.JSONDecodeError:
            continue
        if (msg.get("reason") == "compiler-artifact" and msg.get("executable")
                and msg.get("target", {}).get("name") == "throughput"):
            return Path(msg["executable"])
    raise SystemExit("bench_segment: cargo built no throughput bench executable")


def run_mizan(bench, path, nbytes):
    cmd = [str(bench), "--input", str(path)]
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True)
    wall = time.perf_counter() - t0
    # Prefer the bench's own VmHWM: RUSAGE_CHILDREN also counts cargo and rustc, which
    # build_bench() ran before.
    rss_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KiB on Linux
    if proc.returncode != 0:
        err = proc.stderr.decode("utf-8", "replace").strip()
        raise RuntimeError(f"`{' '.join(cmd)}` exited {proc.returncode}: {err[-2000:]}")
    lines = [l for l in proc.stdout.decode("utf-8", "replace").splitlines() if l.strip()]
    if not lines:
        raise RuntimeError(f"`{' '.join(cmd)}` printed nothing on stdout")
    try:
        rec = json.loads(lines[-1])
        for k in ("bytes", "segment_s", "total_s"):
            rec[k]  # noqa: B018
    except (json.JSONDecodeError, KeyError, TypeError) as e:
        raise RuntimeError(f"cannot parse mizan bench output ({e}): {lines[-1][:300]!r}")
    notes = []
    if rec["bytes"] != nbytes:
        notes.append(f"WARNING: mizan reports {rec['bytes']} bytes, the file has {nbytes}")
    if rec.get("peak_rss_kb"):
        rss_kib = rec["peak_rss_kb"]
    return rec, wall, rss_kib, notes


# ---------------------------------------------------------------- peers

def time_sentencex(text, nbytes):
    import sentencex
    name = f"sentencex {dist_version('sentencex')}"
    # Probe on 1 MiB (also warms up), then decide whether the full run fits in 60 s.
    probe = prefix(text, MIB)
    pb = len(probe.encode("utf-8"))
    t0 = time.perf_counter()
    sentencex.segment("ar", probe)
    probe_s = time.perf_counter() - t0
    predicted = probe_s * nbytes / pb
    if predicted <= MAX_PEER_S:
        t0 = time.perf_counter()
        out = sentencex.segment("ar", text)
        dt = time.perf_counter() - t0
        # segment() also returns paragraph breaks ("\n\n") as pieces: count real sentences.
        nsent = sum(1 for p in out if p.strip())
        del out
        if dt > MAX_PEER_S:
            return name, nbytes, dt, nsent, f"whole text, took {dt:.1f} s (> {MAX_PEER_S:.0f} s)"
        return name, nbytes, dt, nsent, "whole text"
    part = prefix(text, 5 * MIB)
    b = len(part.encode("utf-8"))
    t0 = time.perf_counter()
    out = sentencex.segment("ar", part)
    dt = time.perf_counter() - t0
    return (name, b, dt, sum(1 for p in out if p.strip()),
            f"5 MiB prefix ({b} bytes) scaled: a 1 MiB probe predicted {predicted:.0f} s for the whole text")


def time_pysbd(text, _nbytes):
    import pysbd
    name = f"pysbd {getattr(pysbd, '__version__', '?')}"
    seg = pysbd.Segmenter(language="ar", clean=False, char_span=False)
    part = prefix(text, MIB)
    b = len(part.encode("utf-8"))
    t0 = time.perf_counter()
    out = seg.segment(part)
    dt = time.perf_counter() - t0
    return name, b, dt, len(out), f"1 MiB prefix ({b} bytes)"


def time_blingfire(text, nbytes):
    import blingfire
    name = f"blingfire {dist_version('blingfire')}"
    t0 = time.perf_counter()
    out = blingfire.text_to_sentences(text)
    dt = time.perf_counter() - t0
    return name, nbytes, dt, out.count("\n") + 1 if out else 0, "whole text, text_to_sentences"


# ---------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mizan-bench", default=os.environ.get("MIZAN_BENCH"),
                    help="mizan throughput binary (default: $MIZAN_BENCH, else built from "
                         "benches/throughput.rs with cargo bench --no-run)")
    ap.add_argument("--shared", default=str(REPO_ROOT.parent / "shared"),
                    help="shared folder holding data/ (default: <repo>/../shared)")
    ap.add_argument("--out", default=str(REPO_ROOT / "target" / "bench" / "pud50.txt"),
                    help="where to cache the benchmark text (default: target/bench/pud50.txt)")
    ap.add_argument("--min-mib", type=float, default=50.0, help="minimum size of the text in MiB (default 50)")
    ap.add_argument("--pysbd", action="store_true", help="also time pySBD on a 1 MiB prefix")
    ap.add_argument("--blingfire", action="store_true", help="also time blingfire on the whole text")
    args = ap.parse_args()

    data = Path(args.shared) / DATA_REL
    if not data.is_file():
        print(f"bench_segment: data file not found: {data}\n"
              f"  (pass --shared DIR, the folder that holds {DATA_REL})", file=sys.stderr)
        sys.exit(2)

    text, ndocs, reps = build_text(data, int(args.min_mib * MIB))
    out = Path(args.out)
    nbytes, how = cache_text(out, text)
    print(f"text: {out} ({how}): {nbytes} bytes UTF-8, {len(text)} chars "
          f"({ndocs} PUD docs x {reps} repetitions)")
    print(f"python {sys.version.split()[0]} at {sys.executable}\n")

    rows = []     # (tool, bytes, seconds, sentences, note)
    notes = []
    failed = False

    # mizan first, so that RUSAGE_CHILDREN's peak RSS is its own.
    bench = Path(args.mizan_bench) if args.mizan_bench else build_bench()
    mizan_seg = mizan_total = None
    rss_kib = None
    if not bench.exists():
        notes.append(f"FAILED: mizan: bench binary not found: {bench} "
                     f"(build it: cargo bench --bench throughput --no-run)")
        failed = True
    else:
        try:
            rec, wall, rss_kib, mnotes = run_mizan(bench, out, nbytes)
            notes.extend(f"mizan: {n}" for n in mnotes)
            b = rec["bytes"]
            sents = rec.get("sentences", "?")
            mizan_seg = mbs(b, rec["segment_s"])
            mizan_total = mbs(b, rec["total_s"])
            rows.append(("mizan segment", b, rec["segment_s"], sents, "segment_s"))
            if "normalize_s" in rec:
                rows.append(("mizan normalize", b, rec["normalize_s"], "", "normalize_s"))
            rows.append(("mizan total", b, rec["total_s"], sents, f"total_s (process wall {wall:.2f} s)"))
        except (RuntimeError, OSError) as e:
            notes.append(f"FAILED: mizan: {e}")
            failed = True

    peers = [("sentencex", time_sentencex)]
    if args.blingfire:
        peers.append(("blingfire", time_blingfire))
    if args.pysbd:
        peers.append(("pysbd", time_pysbd))
    peer_rows = []
    for mod, fn in peers:
        try:
            __import__(mod)
        except Exception as e:  # noqa: BLE001
            notes.append(f"SKIPPED: {mod}: cannot import {mod} ({e})")
            continue
        try:
            r = fn(text, nbytes)
        except Exception as e:  # noqa: BLE001
            notes.append(f"FAILED: {mod}: {type(e).__name__}: {e}")
            failed = True
            continue
        rows.append(r)
        peer_rows.append(r)

    w = max([len("tool")] + [len(r[0]) for r in rows])
    print(f"{'tool':<{w}}  {'MB':>7}  {'seconds':>8}  {'MB/s':>8}  {'mizan/peer':>22}  {'sentences':>9}  note")
    for tool, b, dt, n, note in rows:
        speed = mbs(b, dt)
        ratio = ""
        if (tool, b, dt, n, note) in peer_rows and mizan_seg is not None:
            ratio = f"{mizan_seg / speed:.1f}x seg {mizan_total / speed:.1f}x tot"
        print(f"{tool:<{w}}  {b / 1e6:7.2f}  {dt:8.3f}  {speed:8.1f}  {ratio:>22}  {str(n):>9}  {note}")
    if rss_kib is not None:
        print(f"\nmizan peak RSS: {rss_kib / 1024:.1f} MiB (VmHWM of the bench process, "
              f"input {nbytes / MIB:.1f} MiB)")
    for n in notes:
        print(n)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Alignment at scale: mizan on 1,000,000 sentences, and beside datasketch's MinHashLSH on a subset.

Usage (with the peers venv python, see scripts/peers-env.sh):

    PY=$(bash scripts/peers-env.sh | tail -n1)
    $PY scripts/bench_align.py [--shared ../shared] [--sentences 1000000] [--subset 50000]
                               [--planted-fraction 0.05] [--seed 42] [--mizan-bench PATH]

Steps, all in one run:

1. Build benches/align_scale.rs (`cargo bench --bench align_scale --no-run`; the executable
   is found from cargo's JSON messages) unless --mizan-bench or $MIZAN_ALIGN_BENCH names it.
2. mizan, full corpus: `BENCH --sentences N --dump-subset target/bench/align_subset.jsonl
   --subset M`. The bench builds the corpus (N sentences from the SaudiNewsNet sample with
   planted near-duplicates, see the bench's module docs), aligns it with
   `mizan::align::align(.., None, &Options::default())` and prints one JSON line (align
   seconds, peak RSS = VmHWM of the bench process, recall on the planted pairs). It also
   writes the subset: the first base sentences of the corpus and their planted copies (at
   least M sentences; real sentences of the sample), as {"i","text"} lines, and the planted
   pairs within it as {"a","b"} lines in align_subset.jsonl.pairs.
3. mizan, subset: `BENCH --input target/bench/align_subset.jsonl`: exactly the dumped subset.
4. datasketch, subset, in this process: MinHash(num_perm=128) over the word 3-shingles
   (whitespace tokens, joined by a space, UTF-8) of every sentence (MinHash.bulk, which
   shares the permutations between sentences: its fastest documented way), then
   MinHashLSH(threshold=0.5, num_perm=128).insert of every sentence, then query of every
   sentence. Timed: the three steps together. Memory: the growth of this process's peak RSS
   (getrusage RUSAGE_SELF ru_maxrss after minus before; the subset and the datasketch import
   are already in memory before), so it counts the MinHashes, the LSH index and the query
   results. Recall: a planted pair is found when one sentence is among the other's LSH
   candidates (no Jaccard check after the query, so this is datasketch's best case).
   The 1M figures for datasketch are extrapolated linearly from the subset and marked so.

Prints a table (tool, sentences, seconds, sentences/s, peak memory, recall), the speed ratio
mizan/datasketch on the same subset, and a last line
`align scale: N sentences in X s, peak Y MB, recall Z (gates: 60 s, 2048 MB, 0.95)`.
MB are MiB (2^20 bytes). Exit status 0 unless something failed to run (a gate that is missed
is reported, not an error).
"""

import argparse
import gc
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
GATE_S, GATE_MB, GATE_RECALL = 60.0, 2048.0, 0.95
THRESHOLD, NUM_PERM, SHINGLE = 0.5, 128, 3


def build_bench():
    """Build benches/align_scale.rs (bench profile) and return its executable's path."""
    proc = subprocess.run(
        ["cargo", "bench", "--bench", "align_scale", "--no-run", "--message-format=json"],
        cwd=REPO_ROOT, capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"bench_align: cargo bench --no-run failed:\n{proc.stderr[-3000:]}")
    for line in proc.stdout.splitlines():
        try:
            msg = json.loads(line)
        except json.JSONDecodeError:
            continue
        if (msg.get("reason") == "compiler-artifact" and msg.get("executable")
                and msg.get("target", {}).get("name") == "align_scale"):
            return Path(msg["executable"])
    raise SystemExit("bench_align: cargo built no align_scale bench executable")


def run_bench(cmd):
    """Run the bench, return its JSON record and the process wall time."""
    print("$ " + " ".join(cmd), flush=True)
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True)
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        err = proc.stderr.decode("utf-8", "replace").strip()
        raise RuntimeError(f"`{' '.join(cmd)}` exited {proc.returncode}: {err[-2000:]}")
    lines = [l for l in proc.stdout.decode("utf-8", "replace").splitlines() if l.strip()]
    if not lines:
        raise RuntimeError(f"`{' '.join(cmd)}` printed nothing on stdout")
    try:
        rec = json.loads(lines[-1])
        for k in ("sentences", "align_s", "peak_rss_kb", "recall"):
            rec[k]  # noqa: B018
    except (json.JSONDecodeError, KeyError, TypeError) as e:
        raise RuntimeError(f"cannot parse the bench output ({e}): {lines[-1][:300]!r}")
    print(f"  {lines[-1]}", flush=True)
    return rec, wall


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(l) for l in f if l.strip()]


def dist_version(name):
    try:
        from importlib.metadata import version
        return version(name)
    except Exception:  # noqa: BLE001
        return "?"


def shingles(text):
    words = text.split()
    if len(words) < SHINGLE:
        return [" ".join(words).encode("utf-8")]
    return [" ".join(words[i:i + SHINGLE]).encode("utf-8") for i in range(len(words) - SHINGLE + 1)]


def run_datasketch(texts, pairs):
    from datasketch import MinHash, MinHashLSH
    gc.collect()
    before_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    t0 = time.perf_counter()
    # MinHash.bulk shares the permutations: about 3.7x faster here than one MinHash() per
    # sentence with update_batch, so datasketch is timed at its best.
    hashes = MinHash.bulk((shingles(t) for t in texts), num_perm=NUM_PERM)
    t1 = time.perf_counter()
    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    for i, m in enumerate(hashes):
        lsh.insert(i, m)
    t2 = time.perf_counter()
    results = [lsh.query(m) for m in hashes]
    t3 = time.perf_counter()
    after_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    found = sum(1 for a, b in pairs if b in results[a] or a in results[b])
    candidates = sum(len(r) - (i in r) for i, r in enumerate(results)) // 2
    return {
        "version": dist_version("datasketch"),
        "minhash_s": t1 - t0, "insert_s": t2 - t1, "query_s": t3 - t2, "total_s": t3 - t0,
        "mem_kib": max(0, after_kib - before_kib), "peak_kib": after_kib,
        "recall": found / len(pairs) if pairs else 0.0, "found": found,
        "candidate_pairs": candidates,
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mizan-bench", default=os.environ.get("MIZAN_ALIGN_BENCH"),
                    help="align_scale bench binary (default: $MIZAN_ALIGN_BENCH, else built "
                         "from benches/align_scale.rs with cargo bench --no-run)")
    ap.add_argument("--shared", default=str(REPO_ROOT.parent / "shared"),
                    help="shared folder holding data/ (default: <repo>/../shared)")
    ap.add_argument("--sentences", type=int, default=1_000_000, help="full corpus size (default 1000000)")
    ap.add_argument("--subset", type=int, default=50_000,
                    help="sentences of the subset run by both tools (default 50000)")
    ap.add_argument("--planted-fraction", type=float, default=0.05, help="default 0.05")
    ap.add_argument("--seed", type=int, default=42, help="default 42")
    ap.add_argument("--out-dir", default=str(REPO_ROOT / "target" / "bench"),
                    help="where the subset is written (default target/bench)")
    args = ap.parse_args()

    out_dir = Path(args.out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    subset_path = out_dir / "align_subset.jsonl"
    print(f"python {sys.version.split()[0]} at {sys.executable}", flush=True)

    bench = Path(args.mizan_bench) if args.mizan_bench else build_bench()
    if not bench.exists():
        raise SystemExit(f"bench_align: bench binary not found: {bench}")
    failed = False
    notes = []
    full = sub = ds = None
    try:
        full, _ = run_bench([str(bench), "--shared", args.shared, "--sentences", str(args.sentences),
                             "--planted-fraction", str(args.planted_fraction), "--seed", str(args.seed),
                             "--dump-subset", str(subset_path), "--subset", str(args.subset)])
    except (RuntimeError, OSError) as e:
        notes.append(f"FAILED: mizan full corpus: {e}")
        failed = True
    if subset_path.is_file() and full is not None:
        try:
            sub, _ = run_bench([str(bench), "--input", str(subset_path)])
        except (RuntimeError, OSError) as e:
            notes.append(f"FAILED: mizan subset: {e}")
            failed = True
        texts = [r["text"] for r in read_jsonl(subset_path)]
        pairs = [(r["a"], r["b"]) for r in read_jsonl(str(subset_path) + ".pairs")]
        print(f"subset: {subset_path}: {len(texts)} sentences, {len(pairs)} planted pairs "
              f"(first base sentences of the corpus and their copies)", flush=True)
        try:
            import datasketch  # noqa: F401
        except Exception as e:  # noqa: BLE001
            notes.append(f"SKIPPED: datasketch: cannot import ({e})")
        else:
            try:
                print(f"datasketch {dist_version('datasketch')}: MinHashLSH(threshold={THRESHOLD}, "
                      f"num_perm={NUM_PERM}), word {SHINGLE}-shingles ...", flush=True)
                ds = run_datasketch(texts, pairs)
                ds["sentences"] = len(texts)
                print(f"  minhash {ds['minhash_s']:.1f} s, insert {ds['insert_s']:.1f} s, "
                      f"query {ds['query_s']:.1f} s; {ds['candidate_pairs']} candidate pairs; "
                      f"process peak RSS {ds['peak_kib'] / 1024:.0f} MiB", flush=True)
            except Exception as e:  # noqa: BLE001
                notes.append(f"FAILED: datasketch: {type(e).__name__}: {e}")
                failed = True

    rows = []  # tool, sentences, seconds, peak MiB, recall, note
    if full:
        rows.append(("mizan", full["sentences"], full["align_s"], full["peak_rss_kb"] / 1024,
                     full["recall"], "full corpus; peak = VmHWM of the bench process"))
    if sub:
        rows.append(("mizan", sub["sentences"], sub["align_s"], sub["peak_rss_kb"] / 1024,
                     sub["recall"], "subset; peak = VmHWM of the bench process"))
    if ds:
        name = f"datasketch {ds['version']}"
        rows.append((name, ds["sentences"], ds["total_s"], ds["mem_kib"] / 1024, ds["recall"],
                     "subset; memory = ru_maxrss growth"))
        scale = args.sentences / ds["sentences"]
        rows.append((name, args.sentences, ds["total_s"] * scale, ds["mem_kib"] / 1024 * scale,
                     None, "EXTRAPOLATED linearly from the subset, not run"))

    print()
    w = max([len("tool")] + [len(r[0]) for r in rows])
    print(f"{'tool':<{w}}  {'sentences':>9}  {'seconds':>8}  {'sentences/s':>11}  "
          f"{'peak MiB':>9}  {'recall':>6}  note")
    for tool, n, dt, mib, recall, note in rows:
        rate = n / dt if dt > 0 else float("inf")
        rec = f"{recall:.4f}" if recall is not None else "-"
        print(f"{tool:<{w}}  {n:>9}  {dt:8.2f}  {rate:11.0f}  {mib:9.0f}  {rec:>6}  {note}")
    if full:
        c = full.get("corpus", {})
        print(f"\nmizan full corpus: built in {full.get('build_s', 0):.1f} s (not counted; "
              f"{c.get('pool_sentences', '?')} pool sentences x {c.get('passes', '?')} passes, "
              f"{c.get('words', '?')} words, {c.get('bytes', '?')} bytes); "
              f"{full.get('pairs')} pairs ({full.get('cross_pass_pairs')} across passes), "
              f"{full.get('clusters')} clusters; {full.get('found')}/{full.get('planted_pairs')} "
              f"planted pairs found; RSS before align {full.get('rss_before_align_kb', 0) / 1024:.0f} MiB")
    if sub and ds:
        m_rate = sub["sentences"] / sub["align_s"]
        d_rate = ds["sentences"] / ds["total_s"]
        print(f"\nratio mizan/datasketch, sentences/s on the same {ds['sentences']} sentences: "
              f"{m_rate / d_rate:.1f}x (mizan {m_rate:.0f}/s, datasketch {d_rate:.0f}/s)")
        if full:
            f_rate = full["sentences"] / full["align_s"]
            print(f"ratio mizan at {full['sentences']} / datasketch at {ds['sentences']}: "
                  f"{f_rate / d_rate:.1f}x")
    for n in notes:
        print(n)
    if full:
        secs, mib, recall = full["align_s"], full["peak_rss_kb"] / 1024, full["recall"]
        gates = [("time", secs <= GATE_S), ("memory", mib <= GATE_MB), ("recall", recall >= GATE_RECALL)]
        missed = [g for g, ok in gates if not ok]
        print(f"gates: {'all met' if not missed else 'MISSED: ' + ', '.join(missed)}")
        print(f"align scale: {full['sentences']} sentences in {secs:.1f} s, peak {mib:.0f} MB, "
              f"recall {recall:.4f} (gates: {GATE_S:.0f} s, {GATE_MB:.0f} MB, {GATE_RECALL})")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()

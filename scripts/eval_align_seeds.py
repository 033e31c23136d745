#!/usr/bin/env python3
"""Check mizan's cross-document sentence alignment on the four seed articles against the gold.

Usage: python3 scripts/eval_align_seeds.py [--mizan PATH_TO_BINARY] [--shared DIR]
                                           [--glossary FILE] [--gold FILE]

The gold (scripts/gold/seeds_alignment.json) was judged by hand, independently of mizan's aligner.
Sentences are (seed file name, sentence index) as `mizan segment --format jsonl` numbers them.
It holds three lists of cross-document pairs [docA, indexA, docB, indexB]:

  wire        the same wire sentence copied with small edits      MUST be aligned (gate)
  paraphrase  the same fact worded differently                    SHOULD be aligned (reported)
  unrelated   merely related sentences (shared words, different    must NOT be aligned (gate)
              facts)

and a parallel "notes" object with an English description of every pair. This script runs

    MIZAN align --format jsonl --glossary GLOSSARY SEED_FILE...

and reads one JSON object per line: {"id","score","cluster","a":{"doc","index","text"},"b":{...}}
(doc is the path as given; it is matched on its file name). Two sentences count as ALIGNED when
an output line pairs them (either order) or when they carry the same "cluster" value (a cluster
groups the sentences that report one fact). Output pairs that are in no list are printed as
"unjudged" with their score and text, for the developer to review.

Exit status: 0 if every wire pair is aligned and no unrelated pair is; 1 if a wire pair is
missed, an unrelated pair is aligned, or mizan fails or prints malformed output; 2 on a setup
error (missing seeds, gold, glossary or binary, or a malformed gold). When the comparison ran,
the last line is `align seeds: wire x/y, paraphrase x/y, unrelated aligned z, unjudged w`.
Stdlib only, Python 3.11.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_MIZAN = REPO / "target" / "release" / "mizan"
DEFAULT_SHARED = REPO.parent / "shared"
DEFAULT_GLOSSARY = REPO / "glossary.toml"
DEFAULT_GOLD = REPO / "scripts" / "gold" / "seeds_alignment.json"
LISTS = ("wire", "paraphrase", "unrelated")
TEXT_CHARS = 60  # characters of each side's text shown for an unjudged pair
TIMEOUT = 300  # seconds

Sent = tuple[str, int]  # (file name, sentence index)


def die(msg: str, code: int = 2) -> None:
    print(f"eval_align_seeds: error: {msg}", file=sys.stderr)
    sys.exit(code)


def fail(msg: str) -> None:
    """mizan itself failed or misbehaved: exit 1 (not a setup error)."""
    print(msg, file=sys.stderr)
    print("align seeds: not evaluated (mizan align failed)")
    sys.exit(1)


def load_gold(path: Path) -> dict:
    if not path.is_file():
        die(f"gold file not found: {path}")
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        die(f"cannot read gold {path}: {e}")
    if not isinstance(gold, dict):
        die(f"gold {path}: top level is not a JSON object")
    notes = gold.get("notes")
    if not isinstance(notes, dict):
        die(f"gold {path}: missing \"notes\" object")
    seen: dict[frozenset, str] = {}
    for name in LISTS:
        pairs = gold.get(name)
        if not isinstance(pairs, list):
            die(f"gold {path}: missing list \"{name}\"")
        descs = notes.get(name)
        if not isinstance(descs, list) or len(descs) != len(pairs):
            die(f"gold {path}: notes.{name} must have one description per pair "
                f"({len(pairs)} pairs)")
        for k, p in enumerate(pairs):
            ok = (isinstance(p, list) and len(p) == 4 and isinstance(p[0], str)
                  and isinstance(p[2], str) and type(p[1]) is int and type(p[3]) is int
                  and p[1] >= 0 and p[3] >= 0)
            if not ok:
                die(f"gold {path}: {name}[{k}] is not [docA, indexA, docB, indexB]: {p!r}")
            if p[0] == p[2]:
                die(f"gold {path}: {name}[{k}] pairs two sentences of the same document")
            key = frozenset({(p[0], p[1]), (p[2], p[3])})
            if key in seen:
                die(f"gold {path}: {name}[{k}] repeats a pair already in {seen[key]}")
            seen[key] = f"{name}[{k}]"
    return gold


def gold_documents(gold: dict) -> list[str]:
    docs = gold.get("documents")
    if isinstance(docs, list) and docs and all(isinstance(d, str) for d in docs):
        names = list(docs)
    else:
        names = []
    for name in LISTS:
        for p in gold[name]:
            for d in (p[0], p[2]):
                if d not in names:
                    names.append(d)
    return sorted(names)


def run_align(mizan: Path, glossary: Path, seeds: list[Path]) -> str:
    cmd = [str(mizan), "align", "--format", "jsonl", "--glossary", str(glossary)]
    cmd += [str(s) for s in seeds]
    try:
        proc = subprocess.run(cmd, capture_output=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        fail(f"mizan align failed: no answer within {TIMEOUT} s: {' '.join(cmd)}")
    except OSError as e:
        fail(f"mizan align failed: cannot run {mizan}: {e}")
    if proc.returncode != 0:
        err = proc.stderr.decode("utf-8", errors="replace").strip()
        if len(err) > 2000:
            err = err[:2000] + " ..."
        fail(f"mizan align failed: exit status {proc.returncode}: {' '.join(cmd)}\n"
             f"{err or '(nothing on stderr)'}")
    try:
        return proc.stdout.decode("utf-8")
    except UnicodeDecodeError as e:
        fail(f"mizan align failed: output is not UTF-8: {e}")
    return ""  # unreachable


def parse_side(obj: object, where: str) -> tuple[Sent, str]:
    if not isinstance(obj, dict):
        fail(f"mizan align failed: malformed output, {where} is not an object")
    doc, index, text = obj.get("doc"), obj.get("index"), obj.get("text", "")
    if not isinstance(doc, str) or not doc:
        fail(f"mizan align failed: malformed output, {where}.doc is not a non-empty string")
    if type(index) is not int or index < 0:
        fail(f"mizan align failed: malformed output, {where}.index is not a non-negative integer")
    if not isinstance(text, str):
        fail(f"mizan align failed: malformed output, {where}.text is not a string")
    # doc is the path as given on the command line; match on the file name
    return (Path(doc).name, index), text


def parse_output(out: str) -> list[dict]:
    rows = []
    for n, line in enumerate(out.splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            fail(f"mizan align failed: malformed output, line {n} is not JSON ({e}): "
                 f"{line[:120]}")
        if not isinstance(obj, dict):
            fail(f"mizan align failed: malformed output, line {n} is not a JSON object")
        a, ta = parse_side(obj.get("a"), f"line {n}: a")
        b, tb = parse_side(obj.get("b"), f"line {n}: b")
        score = obj.get("score")
        if score is not None and (isinstance(score, bool) or not isinstance(score, (int, float))):
            fail(f"mizan align failed: malformed output, line {n}: score is not a number")
        cluster = obj.get("cluster")
        if isinstance(cluster, (dict, list)):
            cluster = json.dumps(cluster, sort_keys=True)  # hashable; unusual but tolerated
        rows.append({"line": n, "id": obj.get("id"), "score": score, "cluster": cluster,
                     "a": a, "b": b, "ta": ta, "tb": tb})
    return rows


def fmt(s: Sent) -> str:
    return f"{s[0]}:{s[1]}"


def short(text: str) -> str:
    t = " ".join(text.split())
    return t[:TEXT_CHARS] + ("…" if len(t) > TEXT_CHARS else "")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mizan", type=Path, default=DEFAULT_MIZAN, help="mizan binary")
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED,
                    help="shared directory holding seeds/ (default: the repo's parent /shared)")
    ap.add_argument("--glossary", type=Path, default=DEFAULT_GLOSSARY, help="glossary.toml")
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="alignment gold JSON")
    args = ap.parse_args()

    gold = load_gold(args.gold)
    seed_dir = args.shared / "seeds"
    if not seed_dir.is_dir():
        die(f"seed directory not found: {seed_dir}")
    names = gold_documents(gold)
    seeds = [seed_dir / n for n in names]
    missing = [str(s) for s in seeds if not s.is_file()]
    if missing:
        die("seed file(s) not found: " + ", ".join(missing))
    if not args.glossary.is_file():
        die(f"glossary not found: {args.glossary}")
    if not args.mizan.is_file():
        die(f"mizan binary not found: {args.mizan} (build it with `cargo build --release`)")
    if not os.access(args.mizan, os.X_OK):
        die(f"mizan binary is not executable: {args.mizan}")

    rows = parse_output(run_align(args.mizan, args.glossary, seeds))

    # direct pairs, clusters, and the text mizan shows for each sentence
    direct: dict[frozenset, dict] = {}
    clusters: dict[object, set[Sent]] = {}
    texts: dict[Sent, str] = {}
    same_doc = []
    unknown_docs = set()
    for r in rows:
        key = frozenset({r["a"], r["b"]})
        if r["a"][0] == r["b"][0]:
            same_doc.append(r)
        for s, t in ((r["a"], r["ta"]), (r["b"], r["tb"])):
            texts.setdefault(s, t)
            if s[0] not in names:
                unknown_docs.add(s[0])
        prev = direct.get(key)
        if prev is None or (r["score"] or 0) > (prev["score"] or 0):
            direct[key] = r
        if r["cluster"] is not None:
            clusters.setdefault(r["cluster"], set()).update((r["a"], r["b"]))
    cluster_of: dict[Sent, set] = {}
    for c, members in clusters.items():
        for s in members:
            cluster_of.setdefault(s, set()).add(c)

    def how_aligned(x: Sent, y: Sent) -> str | None:
        r = direct.get(frozenset({x, y}))
        if r is not None:
            sc = r["score"]
            return f"paired, score {sc:.3f}" if isinstance(sc, (int, float)) else "paired"
        common = cluster_of.get(x, set()) & cluster_of.get(y, set())
        if common:
            return f"same cluster {sorted(map(str, common))[0]}"
        return None

    # warn if a gold sentence's text differs from the one annotated (segmentation shifted?)
    fps = gold.get("fingerprints") if isinstance(gold.get("fingerprints"), dict) else {}
    stale = []
    for s, t in texts.items():
        want = fps.get(s[0], {}).get(str(s[1])) if isinstance(fps.get(s[0]), dict) else None
        if isinstance(want, str) and hashlib.sha256(t.encode("utf-8")).hexdigest()[:len(want)] != want:
            stale.append(s)

    judged: set[frozenset] = set()
    results: dict[str, list[tuple[list, str, str | None]]] = {}
    for name in LISTS:
        results[name] = []
        for p, desc in zip(gold[name], gold["notes"][name]):
            x, y = (p[0], p[1]), (p[2], p[3])
            judged.add(frozenset({x, y}))
            results[name].append((p, desc, how_aligned(x, y)))

    wire_found = sum(1 for _, _, h in results["wire"] if h)
    para_found = sum(1 for _, _, h in results["paraphrase"] if h)
    wrong = [(p, d, h) for p, d, h in results["unrelated"] if h]
    unjudged = sorted((r for k, r in direct.items() if k not in judged),
                      key=lambda r: (-(r["score"] if isinstance(r["score"], (int, float)) else 0),
                                     fmt(r["a"]), fmt(r["b"])))

    def pair_str(p: list) -> str:
        return f"{p[0]}:{p[1]} ~ {p[2]}:{p[3]}"

    print(f"mizan align: {len(rows)} output lines, {len(direct)} distinct pairs, "
          f"{len(clusters)} clusters")
    print(f"\nwire pairs found {wire_found}/{len(results['wire'])}")
    for p, d, h in results["wire"]:
        if not h:
            print(f"  MISSED {pair_str(p)}  -- {d}")
    print(f"\nparaphrases found {para_found}/{len(results['paraphrase'])}")
    for p, d, h in results["paraphrase"]:
        print(f"  {'found ' if h else 'missed'} {pair_str(p)}  -- {d}" + (f"  [{h}]" if h else ""))
    print(f"\nunrelated pairs wrongly aligned: {len(wrong)}/{len(results['unrelated'])}")
    for p, d, h in wrong:
        print(f"  WRONG {pair_str(p)}  [{h}]  -- {d}")
    print(f"\nunjudged aligned pairs (in no gold list, for review): {len(unjudged)}")
    for r in unjudged:
        sc = r["score"]
        sc_s = f"{sc:.3f}" if isinstance(sc, (int, float)) else "  -  "
        tag = "  (same document!)" if r["a"][0] == r["b"][0] else ""
        print(f"  {sc_s}  {fmt(r['a'])} ~ {fmt(r['b'])}{tag}")
        print(f"         a: {short(r['ta'])}")
        print(f"         b: {short(r['tb'])}")
    if same_doc:
        print(f"\nwarning: {len(same_doc)} output line(s) pair two sentences of the same document "
              "(the contract says pairs are across documents), e.g. line "
              f"{same_doc[0]['line']}: {fmt(same_doc[0]['a'])} ~ {fmt(same_doc[0]['b'])}")
    if unknown_docs:
        print("\nwarning: output names documents that are not seeds: "
              + ", ".join(sorted(unknown_docs)))
    if stale:
        print("\nwarning: the text mizan shows for these sentences differs from the text the gold "
              "was annotated on (segmentation changed? gold indices may be stale): "
              + ", ".join(fmt(s) for s in sorted(stale)))

    ok = wire_found == len(results["wire"]) and not wrong
    print(f"\nalign seeds: wire {wire_found}/{len(results['wire'])}, paraphrase "
          f"{para_found}/{len(results['paraphrase'])}, unrelated aligned {len(wrong)}, "
          f"unjudged {len(unjudged)}")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()

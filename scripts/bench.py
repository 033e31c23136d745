#!/usr/bin/env python3
"""One run, every peer: mizan and the peer tools on the same inputs, with the ratios.

Usage, from a fresh clone (system python3 is enough: the script creates the peers'
virtualenv with scripts/peers-env.sh and re-executes itself under it):

    python3 scripts/bench.py [--shared DIR] [--quick]

--shared DIR is the folder that holds data/ (default: <repo>/../shared). Missing data is an
error (exit 2), checked before anything is built or installed. --quick runs every row on
smaller inputs (a smoke run of about 30 s once everything is built).

Steps:
0. `cargo build --release`, then `cargo bench --no-run` of the throughput, glossary,
   align_scale and brief benches (one cargo call; the executables are found from cargo's
   JSON messages and run directly, which is what `cargo bench --bench X -- ARGS` does).
1. Normalize + segment (MB/s), on the text of scripts/bench_segment.py (the UD Arabic-PUD
   documents repeated to 50 MiB; 5 MiB with --quick), with its functions: mizan is
   benches/throughput.rs (in process, input in memory, best of 3); sentencex runs on the
   same string in this process; pySBD, about 350 times slower, on a prefix of the same
   string (1 MiB; 128 KiB with --quick), reported in MB/s.
2. Glossary matching (MB/s), on the `content` of the SaudiNewsNet archive (14,565 articles,
   44 MB; the first 1,500 articles with --quick): the wall time of
   `target/release/mizan gloss --format jsonl --glossary glossary.toml FILE > /dev/null`
   (best of 3; it includes process start, reading and parsing the JSON lines, segmenting,
   matching on every core and writing the JSON output: nothing is subtracted) beside a
   Python matcher written here (PyMatcher below), run in a child process on the same file,
   one core, timed from reading the file to the last hit. Hits are counted for both.
   `cargo bench --bench glossary` (in process, a generated 100,000-entry glossary on PUD
   text) is reported on its own row: it is not the same input, so it has no ratio.
3. Alignment: benches/align_scale.rs (the corpus of scripts/bench_align.py, whose functions
   are used) at 1,000 / 10,000 / 100,000 / 1,000,000 sentences (up to 100,000 with --quick):
   time, peak memory, recall on the planted pairs, i.e. how cost grows with input size. The
   largest run dumps the subset of bench_align.py (50,000 sentences; 10,000 with --quick),
   which mizan aligns again alone and datasketch's MinHashLSH indexes and queries in a child
   process (bench_align.run_datasketch).
4. Briefing end to end: benches/brief.rs with `--articles 100,1000 --runs 3` (`--articles 100
   --runs 1` with --quick), and `mizan brief ARCHIVE -o TMP.md` on the whole archive (the
   1,500 articles with --quick), wall time and peak RSS. No peer does this.

Peak memory of a child is its own ru_maxrss (os.wait4), or the VmHWM a bench prints. MB/s is
10^6 bytes of UTF-8 input per second; MiB is 2^20 bytes. Derived files go to target/bench/
(never into the repository). Exit status: 0, or 1 if something failed to run, 2 if the
data or a tool is missing.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = REPO_ROOT / "scripts"
VENV = REPO_ROOT / "target" / "peers-venv"
BENCH_DIR = REPO_ROOT / "target" / "bench"
MIB = 1 << 20

PUD = Path("data") / "ud-arabic-pud-sentences" / "ar_pud_docs.jsonl"
ARCHIVE = Path("data") / "saudinewsnet-sample" / "saudinewsnet_2015-08-02_to_08-11.jsonl"
CLDR = Path("data") / "glossary-cldr-isocodes" / "glossary_cldr_ar_en.tsv"
ISO = Path("data") / "glossary-cldr-isocodes" / "glossary_isocodes_ar_en.tsv"
GLOSSARY = REPO_ROOT / "glossary.toml"

QUICK_ARTICLES = 1500


def say(msg=""):
    print(msg, flush=True)


def die(msg, code=2):
    print(f"bench.py: ERROR: {msg}", file=sys.stderr, flush=True)
    sys.exit(code)


# ------------------------------------------------------------------ set-up

def resolve_shared(arg):
    shared = Path(arg).resolve()
    # Accept the data folder itself too.
    if not (shared / "data").is_dir() and (shared / "saudinewsnet-sample").is_dir():
        shared = shared.parent
    missing = [str(shared / p) for p in (PUD, ARCHIVE, CLDR, ISO) if not (shared / p).is_file()]
    if missing:
        die("shared evaluation data not found:\n  " + "\n  ".join(missing)
            + f"\n  (pass --shared DIR, the folder that holds data/; default {REPO_ROOT.parent / 'shared'})")
    return shared


def in_venv():
    try:
        return Path(sys.prefix).resolve() == VENV.resolve()
    except OSError:
        return False


def bootstrap():
    """Create the peers' virtualenv (scripts/peers-env.sh) and re-execute under its python."""
    if os.environ.get("MIZAN_BENCH_REEXEC"):
        die(f"re-executed under {sys.executable}, which is not the venv at {VENV}")
    say("bench.py: setting up the peers' virtualenv (scripts/peers-env.sh) ...")
    proc = subprocess.run(["bash", str(SCRIPTS / "peers-env.sh")], cwd=REPO_ROOT,
                          stdout=subprocess.PIPE, text=True)
    lines = [l for l in proc.stdout.splitlines() if l.strip()]
    if proc.returncode != 0 or not lines:
        die(f"scripts/peers-env.sh failed (exit {proc.returncode})")
    py = lines[-1].strip()
    if not os.access(py, os.X_OK):
        die(f"scripts/peers-env.sh printed {py!r}, not an executable python")
    env = dict(os.environ, MIZAN_BENCH_REEXEC="1")
    sys.stdout.flush()
    os.execve(py, [py, str(Path(__file__).resolve()), *sys.argv[1:]], env)


def machine():
    cpu = "?"
    try:
        for line in open("/proc/cpuinfo", encoding="utf-8"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = "?"
    try:
        for line in open("/proc/meminfo", encoding="utf-8"):
            if line.startswith("MemTotal:"):
                mem = f"{int(line.split()[1]) / MIB:.1f} GiB"
                break
    except OSError:
        pass
    try:
        nproc = len(os.sched_getaffinity(0))
    except AttributeError:
        nproc = os.cpu_count()
    return nproc, cpu, mem


def tool_version(cmd):
    try:
        return subprocess.run(cmd, capture_output=True, text=True).stdout.strip()
    except OSError:
        return "?"


def build(names):
    """`cargo build --release`, then the benches; returns {bench name: executable}."""
    if shutil.which("cargo") is None:
        die("cargo not found on PATH (a Rust toolchain, 1.89 or newer, is needed)")
    say("$ cargo build --release")
    if subprocess.run(["cargo", "build", "--release"], cwd=REPO_ROOT).returncode != 0:
        die("cargo build --release failed", 1)
    cmd = ["cargo", "bench", "--no-run", "--message-format=json"]
    for n in names:
        cmd += ["--bench", n]
    say("$ " + " ".join(cmd))
    proc = subprocess.run(cmd, cwd=REPO_ROOT, stdout=subprocess.PIPE, text=True)
    if proc.returncode != 0:
        die("cargo bench --no-run failed (its errors are above)", 1)
    exes = {}
    for line in proc.stdout.splitlines():
        try:
            msg = json.loads(line)
        except json.JSONDecodeError:
            continue
        if msg.get("reason") == "compiler-artifact" and msg.get("executable"):
            name = msg.get("target", {}).get("name")
            if name in names and "bench" in msg.get("target", {}).get("kind", []):
                exes[name] = Path(msg["executable"])
    missing = [n for n in names if n not in exes]
    if missing:
        die(f"cargo built no executable for the benches {missing}", 1)
    return exes


# Runs one command and reports its own rusage. A child forked from this (large) Python process
# would report at least this process's RSS as its ru_maxrss (Linux keeps the pre-exec peak),
# so commands are started from this small launcher instead.
_LAUNCHER = r"""
import json, os, sys, time
t0 = time.perf_counter()
pid = os.fork()
if pid == 0:
    try:
        os.execvp(sys.argv[2], sys.argv[2:])
    finally:
        os._exit(127)
_, status, ru = os.wait4(pid, 0)
wall = time.perf_counter() - t0
with open(sys.argv[1], "w") as f:
    json.dump({"wall_s": wall, "maxrss_kib": ru.ru_maxrss, "cpu_s": ru.ru_utime + ru.ru_stime}, f)
sys.exit(os.waitstatus_to_exitcode(status))
"""


def run_measured(cmd, stdout=subprocess.DEVNULL, env=None, capture=False):
    """Run `cmd`; return (wall s, peak RSS KiB, CPU s, stdout text or None). Raises on failure.

    Peak RSS and CPU time are the command's own (os.wait4 in a small launcher process, whose
    own ~7 MiB is the floor of the peak); wall time from the launcher's fork to the wait."""
    with tempfile.TemporaryFile() as err, tempfile.NamedTemporaryFile("r") as usage:
        p = subprocess.run([sys.executable, "-S", "-c", _LAUNCHER, usage.name, *map(str, cmd)],
                           cwd=REPO_ROOT, env=env, stderr=err,
                           stdout=subprocess.PIPE if capture else stdout)
        if p.returncode != 0:
            err.seek(0)
            tail = err.read().decode("utf-8", "replace").strip()[-2000:]
            raise RuntimeError(f"`{' '.join(map(str, cmd))}` exited {p.returncode}: {tail}")
        ru = json.loads(usage.read())
    out = p.stdout.decode("utf-8", "replace") if capture else None
    return ru["wall_s"], ru["maxrss_kib"], ru["cpu_s"], out


def last_json(text):
    lines = [l for l in text.splitlines() if l.strip().startswith("{")]
    if not lines:
        raise RuntimeError(f"no JSON line in the output: {text[-500:]!r}")
    return json.loads(lines[-1])


def dist_version(name):
    try:
        from importlib.metadata import version
        return version(name)
    except Exception:  # noqa: BLE001
        return "?"


# ------------------------------------------------------------------ the Python glossary matcher

# Normalization for matching, as docs/normalization.md: one str.translate (a C loop) for the
# folds and deletions, NFKC only for presentation forms, and U+0654 after و/ي composed first.
_FOLD = {ord(c): "ا" for c in "آأإٱ"}
_FOLD.update({ord("ى"): "ي", ord("ة"): "ه", 0x06CC: "ي", 0x06A9: "ك", 0x066B: ".", 0x066C: ","})
for _cp in [0x0640, *range(0x064B, 0x0660), 0x0670, *range(0x0610, 0x061B), *range(0x06D6, 0x06EE),
            *range(0x200B, 0x2010), *range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x061C,
            0xFEFF, 0x00AD, 0x2060]:
    _FOLD[_cp] = None
for _i in range(10):
    _FOLD[0x0660 + _i] = _FOLD[0x06F0 + _i] = str(_i)
_PRESENTATION = re.compile("[\uFB50-\uFDFF\uFE70-\uFEFE]")
_HAMZA_ABOVE = re.compile("([وي])\u0654")
# A term may continue across spaces, quotes, brackets and dashes, not across other
# punctuation or a line break (docs/glossary.md): the text is cut into chunks at those.
_BREAK = re.compile(r"""[^\w\s"'«»“”‘’()\[\]\-–—]+|[\n\r]+""")
# Words (letters) and numbers (digits with inner . or ,), as mizan's tokenizer.
_TOKEN = re.compile(r"[0-9]+(?:[.,][0-9]+)*|[^\W\d_]+")


def normalize(text):
    if "\u0654" in text:
        text = _HAMZA_ABOVE.sub(lambda m: "ؤ" if m.group(1) == "و" else "ئ", text)
    if _PRESENTATION.search(text):
        text = _PRESENTATION.sub(lambda m: unicodedata.normalize("NFKC", m.group(0)), text)
    return text.translate(_FOLD)


class PyMatcher:
    """Leftmost-longest glossary matcher over normalized token tuples, proclitics peeled.

    index: first token of a form (without the article if the form is written with one) →
    [(tokens, following tokens, needs the article, entry)], longest first. At each word the
    readings are: the bare word; after و or ف; then لل (= ل + ال); then one of ب ك ل س; then
    ال; at least two letters remain (mizan's chains). A form written with the article matches
    only a reading that has one. The readings of a word that reach the index are cached by
    word (news vocabulary repeats: most words are looked up once). Not done, unlike mizan:
    pronoun suffixes (حكومته), the periods of initials inside a term (أ.ف.ب)."""

    def __init__(self, path):
        import tomllib
        with open(path, "rb") as f:
            terms = tomllib.load(f).get("term", [])
        self.index = {}
        self.forms = 0
        for entry, t in enumerate(terms):
            for form in [t["ar"], *t.get("variants", [])]:
                toks = _TOKEN.findall(normalize(form))
                if not toks:
                    continue
                needs_article = False
                if form.strip().startswith("ال") and toks[0].startswith("ال") and len(toks[0]) >= 4:
                    toks[0] = toks[0][2:]
                    needs_article = True
                self.index.setdefault(toks[0], []).append(
                    (len(toks), tuple(toks[1:]), needs_article, entry))
                self.forms += 1
        for forms in self.index.values():
            forms.sort(key=lambda f: -f[0])
        self.cache = {}

    def readings(self, w):
        index = self.index
        out = [(w, False)] if w in index else []
        if len(w) < 3 or w[0] not in "وفبكلسا":
            return tuple(out)
        pos = 0
        if w[0] in "وف":
            pos = 1
            if w[1:] in index:
                out.append((w[1:], False))
        if w.startswith("لل", pos) and len(w) - pos - 2 >= 2 and w[pos + 2:] in index:
            out.append((w[pos + 2:], True))
        if pos < len(w) and w[pos] in "بكلس":
            pos += 1
            if len(w) - pos >= 2 and w[pos:] in index:
                out.append((w[pos:], False))
        if w.startswith("ال", pos) and len(w) - pos - 2 >= 2 and w[pos + 2:] in index:
            out.append((w[pos + 2:], True))
        return tuple(out)

    def count(self, text):
        """Number of hits in `text` (leftmost-longest, not overlapping)."""
        hits = 0
        cache, index = self.cache, self.index
        for chunk in _BREAK.split(normalize(text)):
            toks = _TOKEN.findall(chunk)
            n = len(toks)
            i = 0
            while i < n:
                rs = cache.get(toks[i])
                if rs is None:
                    rs = cache[toks[i]] = self.readings(toks[i])
                best = 0
                for rest, article in rs:
                    for ntok, tail, needs_article, _ in index[rest]:
                        if ntok <= best:
                            break
                        if needs_article and not article:
                            continue
                        if ntok == 1 or tuple(toks[i + 1:i + ntok]) == tail:
                            best = ntok
                            break
                if best:
                    hits += 1
                    i += best
                else:
                    i += 1
        return hits


def peer_gloss(path, glossary):
    """Child mode: the Python matcher over the `content` of every line of `path`."""
    t0 = time.perf_counter()
    m = PyMatcher(glossary)
    hits = nbytes = docs = 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                content = json.loads(line).get("content") or ""
                nbytes += len(content.encode("utf-8"))
                docs += 1
                hits += m.count(content)
    dt = time.perf_counter() - t0
    print(json.dumps({"seconds": dt, "bytes": nbytes, "docs": docs, "hits": hits,
                      "forms": m.forms, "distinct_words": len(m.cache)}))


def peer_datasketch(path):
    """Child mode: datasketch MinHashLSH on a dumped subset, as scripts/bench_align.py does."""
    import bench_align as ba
    texts = [r["text"] for r in ba.read_jsonl(path)]
    pairs = [(r["a"], r["b"]) for r in ba.read_jsonl(str(path) + ".pairs")]
    ds = ba.run_datasketch(texts, pairs)
    ds["sentences"] = len(texts)
    print(json.dumps(ds))


# ------------------------------------------------------------------ rows

class Run:
    def __init__(self):
        self.rows = []     # dicts for the final table
        self.notes = []
        self.failed = False

    def row(self, **kw):
        self.rows.append(kw)

    def fail(self, what, e):
        self.failed = True
        self.notes.append(f"FAILED: {what}: {e}")
        say(f"FAILED: {what}: {e}")


def fmt_mib(kib):
    return f"{kib / 1024:,.0f} MiB" if kib else "–"


def fmt_s(s):
    return f"{s:.3f}" if s < 1 else f"{s:.2f}" if s < 100 else f"{s:.0f}"


def row_segment(r, exe, shared, quick):
    import bench_segment as bs
    say("\n== 1. normalize + segment")
    min_mib = 5 if quick else 50
    text, ndocs, reps = bs.build_text(shared / PUD, int(min_mib * MIB))
    path = BENCH_DIR / ("pud5.txt" if quick else "pud50.txt")
    nbytes, how = bs.cache_text(path, text)
    say(f"text: {path} ({how}): {nbytes:,} bytes, {ndocs} PUD documents x {reps}")
    try:
        rec, _, rss_kib, notes = bs.run_mizan(exe, path, nbytes)
    except (RuntimeError, OSError) as e:
        return r.fail("mizan throughput bench", e)
    r.notes += [f"segment: {n}" for n in notes]
    m_mbs = bs.mbs(rec["bytes"], rec["total_s"])
    say(f"mizan: normalize {rec['normalize_s']:.3f} s + segment {rec['segment_s']:.3f} s = "
        f"{rec['total_s']:.3f} s, {m_mbs:.1f} MB/s, {rec['sentences']:,} sentences, "
        f"peak {rss_kib / 1024:.0f} MiB")
    base = dict(tool="mizan normalize + segment (in process, best of 3)",
                input=f"UD Arabic-PUD x {reps}", size=f"{nbytes / 1e6:.1f} MB",
                seconds=rec["total_s"], throughput=f"{m_mbs:.0f} MB/s", memory=fmt_mib(rss_kib))
    # sentencex: the same string, whole (bench_segment's own timing function).
    try:
        import sentencex  # noqa: F401
        name, b, dt, nsent, note = bs.time_sentencex(text, nbytes)
        p = bs.mbs(b, dt)
        say(f"{name}: {b:,} bytes in {dt:.2f} s, {p:.1f} MB/s, {nsent:,} sentences ({note})")
        r.row(**base, peer=name, peer_fig=f"{p:.1f} MB/s ({note})", ratio=m_mbs / p)
    except ImportError as e:
        r.notes.append(f"SKIPPED: sentencex: {e}")
    except Exception as e:  # noqa: BLE001
        r.fail("sentencex", f"{type(e).__name__}: {e}")
    # pySBD: a prefix of the same string (whole documents).
    try:
        import pysbd
        part = bs.prefix(text, (128 << 10) if quick else MIB)
        b = len(part.encode("utf-8"))
        seg = pysbd.Segmenter(language="ar", clean=False, char_span=False)
        t0 = time.perf_counter()
        nsent = len(seg.segment(part))
        dt = time.perf_counter() - t0
        p = bs.mbs(b, dt)
        name = f"pySBD {dist_version('pysbd')}"
        say(f"{name}: {b:,}-byte prefix in {dt:.2f} s, {p:.3f} MB/s, {nsent:,} sentences")
        r.row(**base, peer=name, peer_fig=f"{p:.3f} MB/s (first {b / 1e6:.2f} MB)", ratio=m_mbs / p)
    except ImportError as e:
        r.notes.append(f"SKIPPED: pysbd: {e}")
    except Exception as e:  # noqa: BLE001
        r.fail("pysbd", f"{type(e).__name__}: {e}")


def gloss_input(shared, quick):
    archive = shared / ARCHIVE
    if not quick:
        return archive, 14565
    path = BENCH_DIR / f"snn_first{QUICK_ARTICLES}.jsonl"
    with open(archive, "rb") as f:
        head = b"".join(f.readline() for _ in range(QUICK_ARTICLES))
    if not (path.is_file() and path.read_bytes() == head):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(head)
    return path, QUICK_ARTICLES


def row_gloss(r, exes, shared, quick):
    say("\n== 2. glossary matching")
    path, narticles = gloss_input(shared, quick)
    mizan = REPO_ROOT / "target" / "release" / "mizan"
    cmd = [mizan, "gloss", "--format", "jsonl", "--glossary", GLOSSARY, path]
    runs = 1 if quick else 3
    try:
        # Counted once (not timed): hits, and those with a pronoun suffix (explain shows `]+ه`).
        _, _, _, out = run_measured([mizan, "gloss", "--format", "explain", "--glossary", GLOSSARY,
                                     path], capture=True)
        hit_lines = [l for l in out.splitlines() if l.startswith("  ") and "\t" in l]
        m_hits = len(hit_lines)
        m_suffix = sum(1 for l in hit_lines if "]+" in l.split("\t", 1)[1].split(" → ")[0])
        del out, hit_lines
        times = []
        for _ in range(runs):
            times.append(run_measured(cmd))
        wall, _, cpu, _ = min(times, key=lambda t: t[0])
        rss = max(t[1] for t in times)
    except (RuntimeError, OSError) as e:
        return r.fail("mizan gloss", e)
    say(f"$ target/release/mizan gloss --format jsonl --glossary glossary.toml {path} > /dev/null")
    say(f"  best of {runs}: {wall:.2f} s wall, {cpu:.2f} s CPU (user+sys), peak {rss / 1024:.0f} MiB; "
        f"{m_hits:,} hits, {m_suffix:,} of them with a pronoun suffix")
    peer = peer_fig = ratio = None
    nbytes = None
    try:
        _, p_rss, _, out = run_measured([sys.executable, Path(__file__).resolve(), "--peer", "gloss",
                                         "--peer-input", path], capture=True)
        py = last_json(out)
        nbytes = py["bytes"]
        p_mbs = nbytes / 1e6 / py["seconds"]
        say(f"Python matcher ({py['forms']} forms, one core): {py['seconds']:.2f} s, "
            f"{p_mbs:.2f} MB/s, peak {p_rss / 1024:.0f} MiB; {py['hits']:,} hits "
            f"({py['distinct_words']:,} distinct words cached)")
        peer = f"Python dict matcher (python {sys.version.split()[0]})"
        peer_fig = f"{p_mbs:.2f} MB/s, {py['hits']:,} hits"
    except (RuntimeError, OSError, KeyError, ValueError) as e:
        r.fail("Python glossary matcher", e)
    if nbytes is None:
        nbytes = sum(len((json.loads(l).get("content") or "").encode("utf-8"))
                     for l in open(path, encoding="utf-8") if l.strip())
    m_mbs = nbytes / 1e6 / wall
    if peer:
        ratio = m_mbs / p_mbs
        cpu_ratio = (nbytes / 1e6 / cpu) / p_mbs
        r.notes.append(
            f"glossary: mizan {m_hits:,} hits, Python {py['hits']:,}; mizan without its "
            f"{m_suffix:,} pronoun-suffix hits: {m_hits - m_suffix:,}. Per CPU-second (mizan "
            f"{cpu:.2f} s of CPU on {os.cpu_count()} cores): {cpu_ratio:.1f}x.")
    r.row(tool=f"mizan gloss --format jsonl (process wall, best of {runs})",
          input=f"SaudiNewsNet content, {narticles:,} articles", size=f"{nbytes / 1e6:.1f} MB",
          seconds=wall, throughput=f"{m_mbs:.1f} MB/s", memory=fmt_mib(rss),
          peer=peer or "–", peer_fig=peer_fig or "–", ratio=ratio)
    # mizan's in-process figure (a different input: no ratio).
    args = ["--shared", shared] + (["--entries", "10000", "--mb", "2"] if quick else [])
    try:
        _, _, _, out = run_measured([exes["glossary"], *args], capture=True)
        g = last_json(out)
    except (RuntimeError, OSError, ValueError) as e:
        return r.fail("cargo bench --bench glossary", e)
    say(f"cargo bench --bench glossary{' -- ' + ' '.join(args[2:]) if quick else ''}: {g['entries']:,} entries, "
        f"load {g['load_s']:.2f} s + compile {g['compile_s']:.2f} s; match {g['mb_per_s']} MB/s "
        f"one core, {g['parallel_mb_per_s']} MB/s on {g['threads']} threads; peak "
        f"{g['peak_rss_kb'] / 1024:.0f} MiB")
    r.row(tool="mizan Matcher::find (in process, cargo bench --bench glossary, best of 3)",
          input=f"generated {g['entries']:,}-entry glossary; PUD x {g['text_bytes'] / 1e6:.0f} MB",
          size=f"{g['text_bytes'] / 1e6:.1f} MB", seconds=g["match_s"],
          throughput=f"{g['mb_per_s']} MB/s (1 core), {g['parallel_mb_per_s']} MB/s ({g['threads']} threads)",
          memory=fmt_mib(g["peak_rss_kb"]), peer="– (other input)", peer_fig="–", ratio=None)


def row_align(r, exe, shared, quick):
    import bench_align as ba
    say("\n== 3. alignment")
    sizes = [1_000, 10_000, 100_000] if quick else [1_000, 10_000, 100_000, 1_000_000]
    subset_n = 10_000 if quick else 50_000
    subset = BENCH_DIR / "bench_py_align_subset.jsonl"
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    recs = {}
    for n in sizes:
        cmd = [str(exe), "--shared", str(shared), "--sentences", str(n)]
        if n == sizes[-1]:
            cmd += ["--dump-subset", str(subset), "--subset", str(subset_n)]
        try:
            recs[n], _ = ba.run_bench(cmd)
        except (RuntimeError, OSError) as e:
            r.fail(f"align_scale --sentences {n}", e)
    sub = ds = None
    if sizes[-1] in recs and subset.is_file():
        try:
            sub, _ = ba.run_bench([str(exe), "--input", str(subset)])
        except (RuntimeError, OSError) as e:
            r.fail("align_scale --input subset", e)
        try:
            import datasketch  # noqa: F401
        except ImportError as e:
            r.notes.append(f"SKIPPED: datasketch: {e}")
        else:
            try:
                say(f"datasketch {dist_version('datasketch')} MinHashLSH(threshold={ba.THRESHOLD}, "
                    f"num_perm={ba.NUM_PERM}), word {ba.SHINGLE}-shingles, in a child process ...")
                _, ds_rss, _, out = run_measured([sys.executable, Path(__file__).resolve(), "--peer",
                                                  "datasketch", "--peer-input", subset], capture=True)
                ds = last_json(out)
                ds["rss_kib"] = ds_rss
                say(f"  {ds['sentences']:,} sentences: minhash {ds['minhash_s']:.1f} s, insert "
                    f"{ds['insert_s']:.1f} s, query {ds['query_s']:.1f} s; recall {ds['recall']:.4f}; "
                    f"peak {ds_rss / 1024:.0f} MiB (growth {ds['mem_kib'] / 1024:.0f} MiB)")
            except (RuntimeError, OSError, KeyError, ValueError) as e:
                r.fail("datasketch", e)
    say("\nhow cost grows with input size (align_s: the align call; peaks: VmHWM)")
    say(f"{'sentences':>9}  {'build s':>7}  {'align s':>7}  {'sent/s':>7}  {'process peak':>12}  "
        f"{'align-call peak':>15}  {'recall':>6}")
    prev = None
    for n in sizes:
        if n not in recs:
            continue
        x = recs[n]
        grow = f"  x{x['align_s'] / prev:.1f} time for x10 sentences" if prev else ""
        say(f"{n:>9,}  {x['build_s']:7.1f}  {x['align_s']:7.2f}  {n / x['align_s']:7.0f}  "
            f"{x['peak_rss_kb'] / 1024:9.0f} MiB  {x.get('align_peak_rss_kb', 0) / 1024:12.0f} MiB  "
            f"{x['recall']:.4f}{grow}")
        prev = x["align_s"]
        r.row(tool=f"mizan align (align_scale bench, {x['threads']} threads)",
              input=f"{n:,} sentences (SaudiNewsNet + {x['planted_pairs']:,} planted copies)",
              size=f"{x['corpus']['bytes'] / 1e6:.1f} MB", seconds=x["align_s"],
              throughput=f"{n / x['align_s']:,.0f} sent/s, recall {x['recall']:.4f}",
              memory=fmt_mib(x["peak_rss_kb"]), peer="–", peer_fig="–", ratio=None)
    say("(up to 5,000 sentences align scores every pair that shares any unit; beyond, prefix "
        "filtering on the 8 rarest units: docs/alignment.md. Process peaks include the "
        "SaudiNewsNet pool the corpus is built from.)")
    if sub:
        rate = sub["sentences"] / sub["align_s"]
        peer = peer_fig = ratio = None
        if ds:
            d_rate = ds["sentences"] / ds["total_s"]
            peer = f"datasketch {ds['version']} MinHashLSH"
            peer_fig = (f"{ds['total_s']:.1f} s, {d_rate:,.0f} sent/s, recall {ds['recall']:.4f}, "
                        f"{ds['rss_kib'] / 1024:,.0f} MiB")
            ratio = rate / d_rate
        r.row(tool="mizan align (align_scale --input subset)",
              input=f"{sub['sentences']:,}-sentence subset of the {sizes[-1]:,}",
              size=f"{sum(len(t['text'].encode('utf-8')) for t in ba.read_jsonl(subset)) / 1e6:.1f} MB",
              seconds=sub["align_s"], throughput=f"{rate:,.0f} sent/s, recall {sub['recall']:.4f}",
              memory=fmt_mib(sub["peak_rss_kb"]), peer=peer or "–", peer_fig=peer_fig or "–",
              ratio=ratio)


def row_brief(r, exe, shared, quick):
    say("\n== 4. briefing end to end")
    args = ["--shared", str(shared)] + (["--articles", "100", "--runs", "1"] if quick
                                        else ["--articles", "100,1000", "--runs", "3"])
    say("$ cargo bench --bench brief -- " + " ".join(args))
    try:
        _, _, _, out = run_measured([exe, *args], capture=True)
    except (RuntimeError, OSError) as e:
        return r.fail("cargo bench --bench brief", e)
    for line in out.splitlines():
        if not line.startswith("{"):
            continue
        b = json.loads(line)
        say(f"  {line}")
        r.row(tool=f"mizan brief --format {b['format']} (median of {b['runs']})",
              input=f"first {b['articles']:,} SaudiNewsNet articles as .md",
              size=f"{b['input_bytes'] / 1e6:.2f} MB", seconds=b["median_s"],
              throughput=f"{b['articles'] / b['median_s']:,.0f} articles/s", memory="–",
              peer="none exists", peer_fig="–", ratio=None)
    path, narticles = gloss_input(shared, quick)
    mizan = REPO_ROOT / "target" / "release" / "mizan"
    with tempfile.TemporaryDirectory() as tmp:
        out_md = Path(tmp) / "brief.md"
        say(f"$ target/release/mizan brief --glossary glossary.toml {path} -o {out_md}")
        try:
            wall, rss, cpu, _ = run_measured([mizan, "brief", "--glossary", GLOSSARY, path, "-o", out_md])
        except (RuntimeError, OSError) as e:
            return r.fail("mizan brief on the archive", e)
        size = out_md.stat().st_size
    nbytes = path.stat().st_size
    say(f"  {wall:.2f} s wall, {cpu:.2f} s CPU, peak {rss / 1024:.0f} MiB, briefing {size / 1e6:.1f} MB")
    r.row(tool="mizan brief -o FILE (process wall, one run)",
          input=f"SaudiNewsNet archive, {narticles:,} articles (JSON lines)",
          size=f"{nbytes / 1e6:.1f} MB", seconds=wall,
          throughput=f"{narticles / wall:,.0f} articles/s", memory=fmt_mib(rss),
          peer="none exists", peer_fig="–", ratio=None)


# ------------------------------------------------------------------ main

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default=str(REPO_ROOT.parent / "shared"),
                    help="folder holding data/ (default: <repo>/../shared)")
    ap.add_argument("--quick", action="store_true", help="smaller inputs: a smoke run")
    ap.add_argument("--peer", choices=["gloss", "datasketch"], help=argparse.SUPPRESS)
    ap.add_argument("--peer-input", help=argparse.SUPPRESS)
    args = ap.parse_args()

    if args.peer == "gloss":
        return peer_gloss(args.peer_input, GLOSSARY)
    if args.peer == "datasketch":
        sys.path.insert(0, str(SCRIPTS))
        return peer_datasketch(args.peer_input)

    shared = resolve_shared(args.shared)
    if not in_venv():
        bootstrap()  # does not return
    sys.path.insert(0, str(SCRIPTS))
    t_start = time.perf_counter()
    nproc, cpu, mem = machine()
    say(f"bench.py{' --quick' if args.quick else ''}: {time.strftime('%Y-%m-%d %H:%M')}, "
        f"{nproc} cores, {cpu}, {mem}; python {sys.version.split()[0]} ({sys.executable}); "
        f"{tool_version(['rustc', '--version'])}; shared data {shared}; "
        f"load average {os.getloadavg()[0]:.2f}")
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    exes = build(["throughput", "glossary", "align_scale", "brief"])
    t_built = time.perf_counter()

    r = Run()
    row_segment(r, exes["throughput"], shared, args.quick)
    row_gloss(r, exes, shared, args.quick)
    row_align(r, exes["align_scale"], shared, args.quick)
    row_brief(r, exes["brief"], shared, args.quick)
    total = time.perf_counter() - t_start

    say("\n== results\n")
    say(f"Machine: {nproc} cores ({cpu}), {mem} RAM. Date: {time.strftime('%Y-%m-%d')}. "
        f"Command: `python3 scripts/bench.py{' --quick' if args.quick else ''}`. "
        f"Peers: sentencex {dist_version('sentencex')}, pySBD {dist_version('pysbd')}, "
        f"datasketch {dist_version('datasketch')}, python {sys.version.split()[0]}.\n")
    say("| tool | input | size | seconds | throughput | peak memory | peer | peer figure | mizan / peer |")
    say("|---|---|---|---|---|---|---|---|---|")
    for x in r.rows:
        ratio = "–" if x["ratio"] is None else (
            f"**{x['ratio']:,.0f}x**" if x["ratio"] >= 100 else f"**{x['ratio']:.1f}x**")
        say(f"| {x['tool']} | {x['input']} | {x['size']} | {fmt_s(x['seconds'])} | {x['throughput']} "
            f"| {x['memory']} | {x['peer']} | {x['peer_fig']} | {ratio} |")
    say()
    for n in r.notes:
        say(n)
    say(f"total: {total:.0f} s ({t_built - t_start:.0f} s of it cargo build / freshness checks); "
        f"load average at the end {os.getloadavg()[0]:.2f} (1 min)")
    sys.exit(1 if r.failed else 0)


if __name__ == "__main__":
    main()

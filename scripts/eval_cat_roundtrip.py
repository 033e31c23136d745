#!/usr/bin/env python3
"""Real CAT clients read what mizan writes: a round trip through translate-toolkit.

Usage: python3 scripts/eval_cat_roundtrip.py [--shared ../shared] [--mizan target/release/mizan]

translate-toolkit (pinned in scripts/requirements-cat.txt) is installed into its own virtualenv,
target/cat-venv, on the first run (pip, so the user's index and proxy settings apply). Then, on
the four seed articles (../shared/seeds) with the repository's glossary and no translations:

1. `mizan translate --export` writes the queue as XLIFF 1.2, XLIFF 2.0 and PO; translate-toolkit
   parses each (`xliff.xlifffile`, `xliff2.Xliff2File`, `pofile`) and must find every unit with
   its id and Arabic source.
2. Its converters run both ways, `xliff2po` and `po2xliff`, and the results parse with the same
   sources; `pofilter` (escapes, newlines, printf, xmltags, tabs, numbers) runs clean on the PO
   converted from the filled XLIFF.
3. The XLIFF 1.2 targets are filled through translate-toolkit's API (each unit's target names
   its id and keeps the source's ASCII figures), saved by it, and imported with `mizan
   translate --import`; `mizan brief --format json` must then show every filled sentence
   that the briefing shows with its desk translation.
4. A unit whose source was edited comes back as stale, one translated otherwise as a conflict.
5. `--export-tm` writes TMX 1.4b that translate-toolkit's `tmxfile` reads, one unit per
   translation at least; `--import-tm` seeds a fresh desk that then has the translations.

6. OmegaT (Debian package `omegat`, installed with apt-get when missing, `--no-omegat` to
   skip): an OmegaT project is made around `--export --copy-source` XLIFF (OmegaT's filter
   translates the target element) with half of the desk's TMX in `tm/auto`; OmegaT runs in
   console mode (`--mode=console-translate`, its settings in a temporary `--config-dir`) and
   fills those segments from the memory; the XLIFF it writes is imported into a fresh desk:
   the half comes back as translations, the rest (copies of the source) as untranslated, and
   the briefing shows the imported ones as the desk's.

Exits 1 when a check fails, 2 when the data or a tool is missing.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
VENV = REPO / "target" / "cat-venv"
REQUIREMENTS = REPO / "scripts" / "requirements-cat.txt"

failures = []


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what, flush=True)
    if not ok:
        failures.append(what)


def venv_python():
    py = VENV / "bin" / "python"
    stamp = VENV / ".requirements"
    want = REQUIREMENTS.read_text()
    if not py.exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    if not stamp.exists() or stamp.read_text() != want:
        subprocess.run([str(py), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                        "-r", str(REQUIREMENTS)], check=True)
        stamp.write_text(want)
    return py


def run(cmd, cwd, ok_codes=(0,)):
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    if proc.returncode not in ok_codes:
        raise SystemExit(f"cat round trip: {' '.join(map(str, cmd))} exited {proc.returncode}:\n"
                         f"{proc.stderr[-2000:]}")
    return proc


# Runs inside the venv: translate-toolkit's view of the files, as JSON.
TOOLKIT = r'''
import json, sys, re
from translate.storage import xliff, xliff2, po, tmx
job = json.loads(sys.argv[1])
out = {}
def units(store):
    return [u for u in store.units if not u.isheader() and u.source]
if job["op"] == "parse":
    for kind, path in job["files"].items():
        data = open(path, "rb").read()
        store = {"xliff": xliff.xlifffile, "xliff2": xliff2.Xliff2File, "po": po.pofile,
                 "tmx": tmx.tmxfile}[kind].parsestring(data)
        # xliff's getid() is "<file original>\x04<id>".
        out[kind] = [{"id": (u.getid() or "").split("\x04")[-1], "context": (u.getcontext() if hasattr(u, "getcontext") else ""),
                      "source": u.source, "target": u.target or ""} for u in units(store)]
elif job["op"] == "fill":
    store = xliff.xlifffile.parsestring(open(job["in"], "rb").read())
    filled = 0
    for u in units(store):
        figures = re.findall(r"[0-9]+", u.source)
        # The id in letters: pofilter's numbers check would take its digits for figures.
        tag = u.getid().split("\x04")[-1].translate(str.maketrans("0123456789", "ghijklmnop"))
        u.settarget("Desk English for " + tag + (" (" + " ".join(figures) + ")" if figures else "") + ".")
        u.markfuzzy(False)
        filled += 1
    open(job["out"], "wb").write(bytes(store))
    out["filled"] = filled
print(json.dumps(out, ensure_ascii=False))
'''


def new_desk(path, articles):
    """A desk folder: the seed articles under seeds/ and the repository's glossary."""
    (path / "seeds").mkdir(parents=True)
    for a in articles:
        shutil.copy(a, path / "seeds" / a.name)
    shutil.copy(REPO / "glossary.toml", path / "glossary.toml")
    return path


def brief_lines(m):
    """Every sentence line of the seeds' briefing (facts' main lines and variants, then the
    single-source lines), from `mizan brief --format json` run by `m`."""
    brief = json.loads(m("brief", "--format", "json", "seeds").stdout)
    lines = []
    for fact in brief["facts"]:
        lines.append(fact["main"])
        lines.extend(v["line"] for v in fact["variants"])
    lines.extend(brief["single_source"])
    return lines


def omegat_command():
    """The omegat launcher, installed from Debian when missing; None when it cannot be."""
    found = shutil.which("omegat")
    if found:
        return found
    if shutil.which("apt-get") is None or os.geteuid() != 0:
        return None
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    cmd = ["apt-get", "install", "-y", "--no-install-recommends", "omegat"]
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env)
    if proc.returncode != 0:
        # A fresh machine may have no package lists yet.
        subprocess.run(["apt-get", "update", "-q"], capture_output=True, env=env)
        proc = subprocess.run(cmd, capture_output=True, text=True, env=env)
    if proc.returncode != 0:
        print(proc.stderr[-1500:], file=sys.stderr)
        return None
    return shutil.which("omegat")


OMEGAT_PROJECT = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<omegat>
  <project version="1.0">
    <source_dir>__DEFAULT__</source_dir>
    <target_dir>__DEFAULT__</target_dir>
    <tm_dir>__DEFAULT__</tm_dir>
    <glossary_dir>__DEFAULT__</glossary_dir>
    <glossary_file>__DEFAULT__</glossary_file>
    <dictionary_dir>__DEFAULT__</dictionary_dir>
    <source_lang>ar</source_lang>
    <target_lang>en</target_lang>
    <source_tok>org.omegat.tokenizer.LuceneArabicTokenizer</source_tok>
    <target_tok>org.omegat.tokenizer.LuceneEnglishTokenizer</target_tok>
    <sentence_seg>false</sentence_seg>
    <support_default_translations>true</support_default_translations>
    <remove_tags>false</remove_tags>
  </project>
</omegat>
"""


def omegat_round_trip(omegat, mizan, articles, desk_tmx, tmp):
    """OmegaT pre-translates mizan's XLIFF from half of the desk's TMX; mizan imports it."""
    desk = new_desk(Path(tmp) / "omegat-desk", articles)
    m = lambda *a: run([str(mizan), *a], desk)
    m("translate", "seeds", "--export", "q.xlf", "--copy-source")

    # Half of the desk's translation units (the desk's own, not the reuse units).
    tree = ET.parse(desk_tmx)
    body = tree.getroot().find("body")
    own = [tu for tu in body.findall("tu")
           if not any(p.get("type") == "x-mizan-reuse-of" for p in tu.findall("prop"))]
    kept = own[::2]
    for tu in list(body):
        if tu not in kept:
            body.remove(tu)
    project = Path(tmp) / "omegat-project"
    for sub in ("source", "target", "tm/auto", "glossary", "dictionary", "omegat"):
        (project / sub).mkdir(parents=True)
    (project / "omegat.project").write_text(OMEGAT_PROJECT)
    shutil.copy(desk / "q.xlf", project / "source" / "q.xlf")
    tree.write(project / "tm" / "auto" / "desk.tmx", encoding="UTF-8", xml_declaration=True)

    config = Path(tmp) / "omegat-config"
    config.mkdir()
    proc = subprocess.run([omegat, str(project), "--mode=console-translate",
                           f"--config-dir={config}"], capture_output=True, text=True, timeout=600)
    written = project / "target" / "q.xlf"
    check(proc.returncode == 0 and written.exists(),
          f"omegat console-translate exited {proc.returncode} and wrote target/q.xlf")
    if not written.exists():
        print(proc.stdout[-2000:] + proc.stderr[-2000:], file=sys.stderr)
        return
    stats = (project / "omegat" / "project_stats.txt").read_text(errors="replace")
    units = (desk / "q.xlf").read_text().count("<trans-unit ")
    segments = next((l.split()[1] for l in stats.splitlines() if l.startswith("Total:")), "?")
    check(segments == str(units), f"omegat reads {segments} segments of the {units} units")
    shutil.copy(written, desk / "from-omegat.xlf")
    imp = m("translate", "--import", "from-omegat.xlf").stderr.strip().splitlines()[-1]
    check(f"{len(kept)} added" in imp and f"{units - len(kept)} untranslated" in imp,
          f"omegat's XLIFF imported: {imp} (expected {len(kept)} added, "
          f"{units - len(kept)} untranslated)")
    lines = brief_lines(m)
    desk_shown = [l for l in lines if l["english"]["origin"] == "desk"]
    own = [l for l in desk_shown
           if l["english"]["text"].startswith("Desk English for " + letters(l["hash"]))]
    check(desk_shown and len(own) == len(desk_shown),
          f"brief after omegat: {len(own)} of {len(desk_shown)} desk lines carry their own "
          f"English from OmegaT's file")


def letters(hex_id):
    """A unit id as the filled targets write it (digits as letters)."""
    return hex_id.translate(str.maketrans("0123456789", "ghijklmnop"))


def toolkit(py, job):
    proc = subprocess.run([str(py), "-c", TOOLKIT, json.dumps(job, ensure_ascii=False)],
                          capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"cat round trip: translate-toolkit failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(REPO.parent / "shared"))
    ap.add_argument("--mizan", default=str(REPO / "target" / "release" / "mizan"))
    ap.add_argument("--no-omegat", action="store_true", help="skip the OmegaT round trip")
    args = ap.parse_args()
    seeds = Path(args.shared) / "seeds"
    articles = sorted(p for p in seeds.glob("*") if p.suffix in (".txt", ".md"))
    if not articles:
        print(f"cat round trip: no seed articles in {seeds}", file=sys.stderr)
        return 2
    mizan = Path(args.mizan).resolve()
    if not mizan.exists():
        print(f"cat round trip: {mizan} not built (cargo build --release)", file=sys.stderr)
        return 2
    py = venv_python()
    bin_dir = py.parent

    with tempfile.TemporaryDirectory(prefix="mizan-cat-") as tmp:
        desk = new_desk(Path(tmp) / "desk", articles)
        m = lambda *a, ok=(0,): run([str(mizan), *a], desk, ok)

        queue = [json.loads(l) for l in m("translate", "--format", "jsonl", "seeds").stdout.splitlines()]
        ids = {q["reference"]: q["ar"] for q in queue}
        m("translate", "seeds", "--export", "q.xlf")
        m("translate", "seeds", "--export", "q2.xlf", "--format", "xliff2")
        m("translate", "seeds", "--export", "q.po")
        parsed = toolkit(py, {"op": "parse", "files": {
            "xliff": str(desk / "q.xlf"), "xliff2": str(desk / "q2.xlf"), "po": str(desk / "q.po")}})
        check(len(queue) > 0, f"the seeds' queue has {len(queue)} sentences")
        for kind in ("xliff", "xliff2", "po"):
            got = parsed[kind]
            key = (lambda u: u["context"]) if kind == "po" else (lambda u: u["id"])
            found = {key(u): u["source"] for u in got}
            check(found == ids, f"{kind}: translate-toolkit reads {len(got)} units, ids and Arabic "
                                f"sources as exported ({len(ids)})")

        run([str(bin_dir / "xliff2po"), "q.xlf", "q_from_xlf.po"], desk)
        run([str(bin_dir / "po2xliff"), "q.po", "q_from_po.xlf"], desk)
        converted = toolkit(py, {"op": "parse", "files": {
            "po": str(desk / "q_from_xlf.po"), "xliff": str(desk / "q_from_po.xlf")}})
        for kind in ("po", "xliff"):
            sources = sorted(u["source"] for u in converted[kind])
            check(sources == sorted(ids.values()),
                  f"{'xliff2po' if kind == 'po' else 'po2xliff'}: {len(sources)} units, the same sources")

        filled = toolkit(py, {"op": "fill", "in": str(desk / "q.xlf"), "out": str(desk / "filled.xlf")})
        check(filled["filled"] == len(ids), f"translate-toolkit filled {filled['filled']} targets")
        run([str(bin_dir / "xliff2po"), "filled.xlf", "filled.po"], desk)
        tests = ["escapes", "newlines", "printf", "xmltags", "tabs", "numbers"]
        run([str(bin_dir / "pofilter"), *sum((["-t", t] for t in tests), []), "filled.po", "filter.po"], desk)
        # pofilter writes the units it flags, and no file when it flags none.
        flagged = (toolkit(py, {"op": "parse", "files": {"po": str(desk / "filter.po")}})["po"]
                   if (desk / "filter.po").exists() else [])
        for u in flagged:
            print(f"     flagged: {u['source'][:60]} | {u['target'][:60]}")
        check(not flagged, f"pofilter ({', '.join(tests)}) flags {len(flagged)} units of the filled PO")

        imp = m("translate", "--import", "filled.xlf")
        check(f"{len(ids)} added" in imp.stderr, f"import: {imp.stderr.strip().splitlines()[-1]}")
        lines = brief_lines(m)
        shown = [l for l in lines if l["hash"] in ids]
        desk_shown = [l for l in shown if l["english"]["origin"] == "desk"
                      and l["english"]["text"].startswith("Desk English for " + letters(l["hash"]))]
        check(shown and len(desk_shown) == len(shown),
              f"brief: {len(desk_shown)} of the {len(shown)} filled sentences it shows carry their desk translation")

        text = (desk / "filled.xlf").read_text()
        first_id, first_ar = next(iter(ids.items()))
        stale = text.replace(first_ar, first_ar + " تعديل", 1)
        (desk / "stale.xlf").write_text(stale)
        out = m("translate", "--import", "stale.xlf").stderr
        check(f"stale: unit {first_id}" in out, "a unit whose source was edited comes back as stale")
        conflict = text.replace("Desk English for " + letters(first_id), "Another English for " + letters(first_id), 1)
        (desk / "conflict.xlf").write_text(conflict)
        out = m("translate", "--import", "conflict.xlf").stderr
        check(f"conflict: unit {first_id}" in out and "1 conflict(s)" in out,
              "a unit translated otherwise comes back as a conflict")

        m("translate", "seeds", "--export-tm", "m.tmx")
        tm = toolkit(py, {"op": "parse", "files": {"tmx": str(desk / "m.tmx")}})["tmx"]
        check(len(tm) >= len(ids), f"tmx: translate-toolkit reads {len(tm)} units (>= {len(ids)} translations)")
        fresh = new_desk(Path(tmp) / "fresh", articles)
        shutil.copy(desk / "m.tmx", fresh / "m.tmx")
        run([str(mizan), "translate", "seeds", "--import-tm", "m.tmx"], fresh)
        left = [json.loads(l) for l in run([str(mizan), "translate", "--format", "jsonl", "seeds"],
                                            fresh).stdout.splitlines()]
        check(not left, f"a desk seeded from the TMX has {len(left)} sentences left to translate")

        if args.no_omegat:
            print("omegat: skipped (--no-omegat)")
        else:
            omegat = omegat_command()
            check(omegat is not None, "omegat installed (Debian package omegat)")
            if omegat:
                omegat_round_trip(omegat, mizan, articles, desk / "m.tmx", tmp)

    print(f"cat round trip: {'pass' if not failures else f'{len(failures)} check(s) failed'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""The rooms of the source keep their doors: no import cycle between source files, no file
under src/cli/ importing another command's file, clap and indicatif named only in src/cli/ and
src/main.rs.

Usage: python3 scripts/check_imports.py [--root DIR]

Reads `use crate::...`, `use super::...`, `crate::a::b` paths and `mod` declarations of every
file under src/, maps each to the file it names, and looks for cycles (Tarjan's strongly
connected components). Exit 0 when all holds, 1 with what is wrong. Stdlib only.
"""

from __future__ import annotations

import argparse
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
COMMANDS = {"align", "brief", "gloss", "glossary", "review", "segment"}


def module_of(path: str, src: str) -> list[str]:
    rel = os.path.relpath(path, src)[:-3].split(os.sep)
    if rel[-1] in ("mod", "lib", "main"):
        rel = rel[:-1]
    return rel


def file_of(module: list[str], files: dict[tuple, str]) -> str | None:
    """The file that defines `module` or, failing that, its nearest ancestor."""
    for n in range(len(module), 0, -1):
        f = files.get(tuple(module[:n]))
        if f:
            return f
    return None


def strip_comments(text: str) -> str:
    text = re.sub(r"//[^\n]*", "", text)
    return re.sub(r'"(?:\\.|[^"\\])*"', '""', text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", default=ROOT)
    args = parser.parse_args()
    src = os.path.join(args.root, "src")
    if not os.path.isdir(src):
        print(f"check_imports: no src/ under {args.root}", file=sys.stderr)
        sys.exit(2)
    paths = [os.path.join(d, f) for d, _, fs in os.walk(src) for f in fs if f.endswith(".rs")]
    lib = {tuple(module_of(p, src)): p for p in paths if not p.startswith(os.path.join(src, "cli")) and not p.endswith("main.rs")}
    cli = {tuple(module_of(p, src)): p for p in paths if p.startswith(os.path.join(src, "cli")) or p.endswith("main.rs")}
    edges: dict[str, set[str]] = {p: set() for p in paths}
    problems = []
    for p in paths:
        text = strip_comments(open(p, encoding="utf-8").read())
        # Test modules may reach anywhere; they are not part of the structure.
        text = text.split("#[cfg(test)]")[0]
        here = module_of(p, src)
        in_cli = p in cli.values()
        files = cli if in_cli else lib
        is_mod_file = os.path.basename(p) in ("mod.rs", "lib.rs", "main.rs")
        parent = here if is_mod_file else here[:-1]
        if not in_cli and re.search(r"\b(clap|indicatif)::", text):
            problems.append(f"{os.path.relpath(p, args.root)} names clap or indicatif")
        targets = []
        for m in re.finditer(r"\bcrate((?:::\w+)+)", text):
            targets.append(m.group(1).strip(":").split("::"))
        for m in re.finditer(r"\bsuper((?:::\w+)+)", text):
            targets.append(parent[:-1] + m.group(1).strip(":").split("::"))
        for m in re.finditer(r"\buse\s+super::\{([^}]*)\}", text):
            for name in re.findall(r"\b(\w+)\b", m.group(1)):
                targets.append(parent[:-1] + [name])
        for m in re.finditer(r"\buse\s+crate::\{([^}]*)\}", text):
            for name in re.findall(r"(?:^|,)\s*(\w+)", m.group(1)):
                targets.append([name])
        if in_cli:
            for m in re.finditer(r"\bsuper::(\w+)", text):
                name = m.group(1)
                if name in COMMANDS and here[-1] in COMMANDS and name != here[-1]:
                    problems.append(f"{os.path.relpath(p, args.root)} imports the command file cli/{name}.rs")
        for t in targets:
            f = file_of([x for x in t if x != "self"], files)
            # A module's own file declaring its children is not an import.
            if f and f != p and not (is_mod_file and os.path.dirname(f).startswith(os.path.dirname(p)) and module_of(f, src)[: len(here)] == here):
                edges[p].add(f)
    # Tarjan's strongly connected components.
    index, low, on, stack, out, counter = {}, {}, set(), [], [], [0]

    def visit(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in edges[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(comp)

    sys.setrecursionlimit(10000)
    for v in sorted(edges):
        if v not in index:
            visit(v)
    for comp in out:
        problems.append("import cycle: " + " ↔ ".join(sorted(os.path.relpath(c, args.root) for c in comp)))
    for p in problems:
        print(f"FAIL {p}")
    n = sum(len(e) for e in edges.values())
    print(f"check_imports: {len(paths)} files, {n} imports between them, {len(problems)} problem(s)")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()

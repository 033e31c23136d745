#!/usr/bin/env python3
"""Checks pandoc's HTML of a mizan Markdown briefing against the Markdown it came from.

    python3 check_pandoc.py --md FILE.md --html FILE.html --label NAME
        [--context BRIEF.json --literal TOKEN ... --together TOKEN ...]

- the HTML has as many <table> elements as the Markdown has tables (header-separator lines);
- every row of each table has as many cells as its header, and as the separator has columns;
- cells of right-aligned columns (---:) come out right-aligned;
- no <script> tag, no bidi control character (U+202A-U+202E, U+2066-U+2069);
- every <span dir="rtl" lang="ar"> of the Markdown survives as a span with dir=rtl and lang=ar,
  and those in table rows stay inside table cells;
- --literal TOKEN: where the briefing context (--context, `mizan brief --format json`) holds
  TOKEN, some table cell shows TOKEN literally (not turned into markup);
- --together TOKEN: these tokens must all be shown literally inside one and the same cell.

Standard library only. Prints one line per failure; exit status 1 when any check failed.
"""

import argparse
import json
import re
import sys
from html.parser import HTMLParser

SEPARATOR = re.compile(r"^\s*\|?\s*:?-{1,}:?\s*(\|\s*:?-{1,}:?\s*)+\|?\s*$")
SPAN_MD = re.compile(r'<span dir="rtl" lang="ar">')
BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")


def md_tables(md):
    """Each table of the Markdown: (line number, column alignments, rows, rtl spans in rows)."""
    lines = md.split("\n")
    tables = []
    for i, line in enumerate(lines):
        if i == 0 or not SEPARATOR.match(line) or "|" not in line:
            continue
        cells = line.strip().strip("|").split("|")
        aligns = ["right" if c.strip().endswith(":") and not c.strip().startswith(":") else
                  "center" if c.strip().startswith(":") and c.strip().endswith(":") and len(c.strip()) > 1 else
                  "left" if c.strip().startswith(":") else "" for c in cells]
        rows, spans = 1, len(SPAN_MD.findall(lines[i - 1]))
        j = i + 1
        while j < len(lines) and lines[j].strip().startswith("|"):
            rows += 1
            spans += len(SPAN_MD.findall(lines[j]))
            j += 1
        tables.append({"line": i + 1, "aligns": aligns, "rows": rows, "spans": spans})
    return tables


class Html(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tables = []  # {rows: [[cell]]}, cell = {tag, align, text}
        self.stack = []
        self.scripts = 0
        self.rtl_spans = []  # (lang, in_cell)
        self.cell = None
        self.span_depth = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "script":
            self.scripts += 1
        if tag == "table":
            self.tables.append({"rows": []})
        elif tag == "tr" and self.tables:
            self.tables[-1]["rows"].append([])
        elif tag in ("td", "th") and self.tables and self.tables[-1]["rows"]:
            style = a.get("style") or ""
            m = re.search(r"text-align:\s*(\w+)", style)
            align = m.group(1) if m else (a.get("align") or "")
            self.cell = {"tag": tag, "align": align, "text": "", "colspan": int(a.get("colspan") or 1)}
            self.tables[-1]["rows"][-1].append(self.cell)
        elif tag == "span" and a.get("dir") == "rtl":
            self.rtl_spans.append((a.get("lang"), self.cell is not None))

    def handle_endtag(self, tag):
        if tag in ("td", "th"):
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell["text"] += data


def strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from strings(v)


def check_against_markdown(md, html, p, fail):
    want = md_tables(md)
    got = p.tables
    n_table_tags = len(re.findall(r"<table\b", html, re.I))
    if n_table_tags != len(want):
        fail(f"{n_table_tags} <table> elements, the Markdown has {len(want)} tables "
             f"(separator lines at {', '.join(str(t['line']) for t in want)})")
    for k, (w, g) in enumerate(zip(want, got), 1):
        cols = len(w["aligns"])
        rows = g["rows"]
        if not rows:
            fail(f"table {k} (Markdown line {w['line']}) has no row")
            continue
        width = lambda r: sum(c["colspan"] for c in r)
        head = width(rows[0])
        if head != cols:
            fail(f"table {k} (Markdown line {w['line']}): header has {head} cells, the separator has {cols} columns")
        if len(rows) != w["rows"]:
            fail(f"table {k} (Markdown line {w['line']}): {len(rows)} rows, the Markdown has {w['rows']} (header included)")
        for r, row in enumerate(rows[1:], 2):
            if width(row) != head:
                text = " | ".join(c["text"][:40] for c in row)
                fail(f"table {k} (Markdown line {w['line']}) row {r}: {width(row)} cells, header has {head}: {text!r}")
        for r, row in enumerate(rows, 1):
            for c, cell in enumerate(row):
                if c < cols and w["aligns"][c] == "right" and cell["align"] != "right":
                    fail(f"table {k} (Markdown line {w['line']}) row {r} column {c + 1} is '---:' in the Markdown "
                         f"but aligned {cell['align'] or '(not set)'}: {cell['text'][:60]!r}")
    if p.scripts or re.search(r"<script", html, re.I):
        fail(f"<script in the HTML ({p.scripts} script element(s))")

    md_spans = len(SPAN_MD.findall(md))
    md_spans_in_tables = sum(t["spans"] for t in want)
    if len(p.rtl_spans) != md_spans:
        fail(f'{len(p.rtl_spans)} span elements with dir="rtl" in the HTML, the Markdown has {md_spans}')
    no_lang = sum(1 for lang, _ in p.rtl_spans if lang != "ar")
    if no_lang:
        fail(f'{no_lang} dir="rtl" span(s) lost lang="ar"')
    in_cells = sum(1 for _, c in p.rtl_spans if c)
    if in_cells != md_spans_in_tables:
        fail(f'{in_cells} dir="rtl" spans inside table cells, the Markdown has {md_spans_in_tables} on table rows')


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--md", help="the Markdown the HTML came from; without it only the literal-text checks run")
    ap.add_argument("--html", required=True)
    ap.add_argument("--label", required=True)
    ap.add_argument("--context")
    ap.add_argument("--literal", action="append", default=[])
    ap.add_argument("--together", action="append", default=[])
    args = ap.parse_args()

    md = open(args.md, encoding="utf-8").read() if args.md else None
    html = open(args.html, encoding="utf-8").read()
    failures, notes = [], []
    fail = failures.append

    p = Html()
    p.feed(html)
    p.close()
    got = p.tables
    if md is not None:
        check_against_markdown(md, html, p, fail)
    else:
        if p.scripts or re.search(r"<script", html, re.I):
            fail(f"<script in the HTML ({p.scripts} script element(s))")

    m = BIDI.search(html)
    if m:
        i = m.start()
        fail(f"bidi control U+{ord(m.group()):04X} in the HTML: {html[max(0, i - 40):i + 40]!r}")
    cells = [c["text"] for t in got for r in t["rows"] for c in r]
    if args.literal or args.together:
        context = "\n".join(strings(json.load(open(args.context, encoding="utf-8")))) if args.context else ""
        for tok in args.literal:
            if tok not in context:
                notes.append(f"{tok!r} is not in the briefing context: nothing to check")
                continue
            if not any(tok in c for c in cells):
                near = [c for c in cells if tok[:3] in c or tok[-3:] in c][:1]
                fail(f"{tok!r} is in the briefing but no table cell shows it literally"
                     + (f"; nearest cell: {near[0][:160]!r}" if near else ""))
        if args.together:
            missing = [t for t in args.together if t not in context]
            if missing:
                fail(f"{missing!r} not in the briefing context: the hostile sentence did not reach the briefing")
            elif not any(all(t in c for t in args.together) for c in cells):
                near = [c for c in cells if any(t in c for t in args.together)][:1]
                fail(f"no single table cell shows all of {args.together!r} literally"
                     + (f"; nearest cell: {near[0][:200]!r}" if near else ""))

    print(f"== {args.label}: {args.html}")
    if md is not None:
        want = md_tables(md)
        spans = len(SPAN_MD.findall(md))
        print(f"   {len(want)} tables, {sum(t['rows'] for t in want)} rows; {spans} rtl spans "
              f"({sum(t['spans'] for t in want)} in table rows)")
    else:
        print(f"   {len(got)} tables, {sum(len(t['rows']) for t in got)} rows (literal-text checks only)")
    for n in notes:
        print(f"   note: {n}")
    for f in failures:
        print(f"   FAIL {f}")
    if not failures:
        what = "table count, rectangular rows, right-aligned Arabic columns, no script, rtl spans kept" if md is not None else "no script"
        print(f"   ok: {what}" + (", hostile text literal" if args.literal or args.together else ""))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

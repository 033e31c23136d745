#!/usr/bin/env bash
# Every table of the Markdown briefings of the sample and the seeds, as pandoc reads them
# (gfm and pandoc's own markdown): as many tables as the Markdown has, rectangular rows,
# right-aligned Arabic, rtl spans kept (scripts/brief_render/check_pandoc.py). Installs
# Debian's pandoc when it is missing. Usage: bash scripts/check_pandoc_tables.sh [SHARED]
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED="${1:-$(cd .. && pwd)/shared}"
MIZAN=target/release/mizan
[ -x "$MIZAN" ] || { echo "check_pandoc_tables: build first (cargo build --release)" >&2; exit 2; }
[ -d "$SHARED/seeds" ] || { echo "check_pandoc_tables: no seeds in $SHARED" >&2; exit 2; }
if ! command -v pandoc >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q pandoc >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q pandoc >/dev/null; }
fi
OUT=target/pandoc-check
mkdir -p "$OUT"
none=target/no-such-file.toml
"$MIZAN" brief examples/kazakhstan --quiet -o "$OUT/sample.md"
"$MIZAN" brief "$SHARED/seeds" --quiet --reviews "$none" --translations "$none" -o "$OUT/seeds.md"
failed=0
for name in sample seeds; do
  for fmt in gfm markdown; do
    pandoc -f "$fmt" -t html "$OUT/$name.md" -o "$OUT/$name.$fmt.html"
    python3 scripts/brief_render/check_pandoc.py --md "$OUT/$name.md" --html "$OUT/$name.$fmt.html" \
      --label "$name.md, pandoc -f $fmt ($(pandoc --version | head -n1))" || failed=1
  done
done
exit $failed

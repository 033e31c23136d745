#!/usr/bin/env bash
# Renders mizan briefings and checks them the way a reader sees them:
#   - the HTML briefing (sample and a hostile case) in Debian's headless Chromium: Arabic cells
#     right to left, Arabic letters really laid out right to left, no overflow at 1280x900,
#     no script, Arabic drawn by a font that has Arabic glyphs, rectangular tables;
#   - the Markdown briefing through pandoc (gfm and pandoc's own markdown): as many tables as
#     the Markdown has, rectangular rows, Arabic columns right-aligned, rtl spans kept, no
#     script, hostile text shown literally; pandoc's GFM HTML also goes through Chromium.
# Screenshots go to target/brief-render/*.png. Not part of CI: run it by hand as root on
# Debian (it installs chromium, fonts-noto-core, pandoc and playwright-core when missing).
# See docs/testing.md, "Rendering checks (Chromium, pandoc)".
#
#   bash scripts/check_brief_render.sh
#
# Exit status 0 when every check passed, 1 when a check failed, other codes on a setup error.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
OUT=target/brief-render
NODE_DIR=scripts/brief_render
START=$SECONDS
FAILED=()

say() { printf '\n### %s\n' "$*"; }
die() { printf 'check_brief_render: %s\n' "$*" >&2; exit 2; }

# --- 1. tools -------------------------------------------------------------------------------
say "tools"
need_apt=()
command -v chromium >/dev/null || need_apt+=(chromium)
command -v pandoc >/dev/null || need_apt+=(pandoc)
command -v node >/dev/null || need_apt+=(nodejs)
command -v npm >/dev/null || need_apt+=(npm)
command -v python3 >/dev/null || need_apt+=(python3)
command -v fc-list >/dev/null || need_apt+=(fontconfig)
# Noto Naskh Arabic is the face the HTML asks for first; fonts-noto-core has it.
if ! command -v fc-list >/dev/null || [[ $(fc-list : family) != *'Noto Naskh Arabic'* ]]; then
  need_apt+=(fonts-noto-core)
fi
if ((${#need_apt[@]})); then
  [[ $(id -u) == 0 ]] || die "missing ${need_apt[*]}: run as root, or apt-get install -y ${need_apt[*]}"
  echo "installing from Debian: ${need_apt[*]}"
  t=$SECONDS
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
  echo "apt-get install took $((SECONDS - t)) s"
fi
if [[ ! -f $NODE_DIR/node_modules/playwright-core/package.json ]]; then
  echo "installing playwright-core into $NODE_DIR/node_modules (npm; no browser download)"
  t=$SECONDS
  (cd "$NODE_DIR" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
  echo "npm ci took $((SECONDS - t)) s"
fi
CHROMIUM_VERSION=$(/usr/bin/chromium --version 2>/dev/null | head -n1)
PANDOC_VERSION=$(pandoc --version | head -n1)
echo "chromium: $CHROMIUM_VERSION"
echo "pandoc:   $PANDOC_VERSION"
echo "node:     $(node --version), playwright-core $(node -p "require('./$NODE_DIR/node_modules/playwright-core/package.json').version")"
echo "python:   $(python3 --version 2>&1)"
echo "Arabic fonts: $(fc-list :lang=ar family | sort -u | paste -sd, - | cut -c1-200)"

# --- 2. briefings -----------------------------------------------------------------------------
say "build and render"
mkdir -p "$OUT"
if ! cargo build --release >"$OUT/build.log" 2>&1; then
  tail -n 30 "$OUT/build.log"
  die "cargo build --release failed (log: $OUT/build.log)"
fi
MIZAN=target/release/mizan
echo "built $MIZAN ($("$MIZAN" --version))"
rm -f "$OUT"/*.png "$OUT"/*.html "$OUT"/*.md "$OUT"/*.json

"$MIZAN" brief --format html examples/kazakhstan -o "$OUT/sample.html"
"$MIZAN" brief examples/kazakhstan -o "$OUT/sample.md"

HOSTILE=$(mktemp -d)
trap 'rm -rf "$HOSTILE"' EXIT
# A 300-character URL: one unbroken token (letters and digits only after the query mark, so
# a browser finds no break opportunity in its last 270 characters).
LONG_URL="https://example.org/almaty?ref=$(printf 'KazakhstanAlmatyUnrest2022%.0s' {1..12})"
LONG_URL=${LONG_URL:0:300}
[[ ${#LONG_URL} == 300 ]] || die "long URL is ${#LONG_URL} characters, not 300"
RLO=$(printf '\xe2\x80\xae') # U+202E RIGHT-TO-LEFT OVERRIDE
PDF=$(printf '\xe2\x80\xac') # U+202C POP DIRECTIONAL FORMATTING
cat >"$HOSTILE/01_pipe-wire.md" <<EOF
---
outlet: Pipe | Star * Wire
date: 2022-01-06
title: عنوان | فيه *نجمة* و_خط_ و\`رمز\` <script>alert(1)</script>
---
أعلنت الشرطة في ألماتي أن المحتجين|الغاضبين اقتحموا مبنى أكيمات المدينة *ليلًا* وأن _عشرات_ أصيبوا بجروح.
وقال الرئيس قاسم جومارت توكاييف إن \`الإرهابيين\` دُرّبوا في الخارج <script>alert(1)</script> وإن حالة الطوارئ مستمرة في ألماتي.
ونشرت وزارة الداخلية رابطًا [link](http://x) يقول إن سعر الوقود في كازاخستان ارتفع إلى \$5 للتر الواحد.
وكتب ناشط من ألماتي على تلغرام ${RLO}عبارة معكوسة الاتجاه abc 123${PDF} قبل أن تقطع السلطات الإنترنت عن كازاخستان.
وأصدرت منظمة معاهدة الأمن الجماعي بيانًا نشرته على الرابط ${LONG_URL} بشأن إرسال قوات إلى كازاخستان.
EOF
cat >"$HOSTILE/02_star-daily.txt" <<EOF
كازاخستان | *عاجل* _ألماتي_ \`تحديث\` <script>alert(1)</script>
قالت الشرطة في ألماتي إن المحتجين|الغاضبين اقتحموا مبنى أكيمات المدينة *ليلًا* وإن _عشرات_ أصيبوا بجروح.
وقال الرئيس قاسم جومارت توكاييف إن \`الإرهابيين\` دُرّبوا في الخارج <script>alert(1)</script> وإن حالة الطوارئ مستمرة في ألماتي.
وذكرت وزارة الداخلية في رابط [link](http://x) أن سعر الوقود في كازاخستان ارتفع إلى \$5 للتر.
ونقلت وكالة إنترفاكس عن مصدر في موسكو أن | الجداول | قد *تنكسر* إذا لم تُهرَّب ${LONG_URL} كما يجب.
EOF
"$MIZAN" brief --format html --glossary glossary.toml "$HOSTILE" -o "$OUT/hostile.html"
"$MIZAN" brief --glossary glossary.toml "$HOSTILE" -o "$OUT/hostile.md"
"$MIZAN" brief --format json --glossary glossary.toml "$HOSTILE" -o "$OUT/hostile.json"
ls -l "$OUT"/sample.html "$OUT"/sample.md "$OUT"/hostile.html "$OUT"/hostile.md | awk '{print "   " $5 "\t" $NF}'

# Hostile text that must come out literally wherever the briefing context keeps it.
LITERALS=(
  '_عشرات_' '`الإرهابيين`' '<script>alert(1)</script>' '[link](http://x)' '$5'
  "$LONG_URL" '⟨U+202E⟩' '| الجداول |' '*تنكسر*'
)
literal_args=()
for t in "${LITERALS[@]}"; do literal_args+=(--literal "$t"); done
# The hostile | and * must sit literally inside one and the same cell.
together_args=(--together 'المحتجين|الغاضبين' --together '*ليلًا*')

# --- 3. pandoc ---------------------------------------------------------------------------------
say "pandoc"
for name in sample hostile; do
  for fmt in gfm markdown; do
    pandoc -f "$fmt" -t html "$OUT/$name.md" -o "$OUT/$name.pandoc-$fmt.html"
    extra=()
    [[ $name == hostile ]] && extra=(--context "$OUT/hostile.json" "${literal_args[@]}" "${together_args[@]}")
    if ! python3 "$NODE_DIR/check_pandoc.py" --md "$OUT/$name.md" --html "$OUT/$name.pandoc-$fmt.html" \
        --label "$name.md, pandoc -f $fmt -t html" "${extra[@]}"; then
      FAILED+=("pandoc -f $fmt: $name")
    fi
  done
  # pandoc's GFM HTML as a page, for Chromium.
  {
    printf '<!DOCTYPE html>\n<html lang="en" dir="ltr">\n<head>\n<meta charset="utf-8">\n<title>%s (pandoc gfm)</title>\n</head>\n<body>\n' "$name"
    cat "$OUT/$name.pandoc-gfm.html"
    printf '</body>\n</html>\n'
  } >"$OUT/$name-pandoc-gfm.page.html"
done
# The mizan HTML shows the hostile text literally too.
if ! python3 "$NODE_DIR/check_pandoc.py" --html "$OUT/hostile.html" --label "hostile.html (mizan), literal text" \
    --context "$OUT/hostile.json" "${literal_args[@]}" "${together_args[@]}"; then
  FAILED+=("literal text: hostile.html")
fi

# --- 4. Chromium ----------------------------------------------------------------------------------
say "chromium"
if ! node "$NODE_DIR/check_html.mjs" --out "$OUT" \
    "mizan:sample:$OUT/sample.html" "mizan:hostile:$OUT/hostile.html" \
    "pandoc:sample-pandoc-gfm:$OUT/sample-pandoc-gfm.page.html" \
    "pandoc:hostile-pandoc-gfm:$OUT/hostile-pandoc-gfm.page.html"; then
  FAILED+=("chromium (see FAIL lines above)")
fi

# --- summary -------------------------------------------------------------------------------------
say "summary"
echo "screenshots: $ROOT/$OUT/sample.png $ROOT/$OUT/hostile.png"
echo "             $ROOT/$OUT/sample-pandoc-gfm.png $ROOT/$OUT/hostile-pandoc-gfm.png"
echo "chromium: $CHROMIUM_VERSION; $PANDOC_VERSION; $((SECONDS - START)) s"
if ((${#FAILED[@]})); then
  printf 'FAILED: %s\n' "${FAILED[@]}"
  exit 1
fi
echo "all rendering checks passed"

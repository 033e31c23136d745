#!/usr/bin/env bash
# Seed corpora for the fuzz targets, made at run time from the repository's sample articles
# (examples/kazakhstan) and glossary.toml, into fuzz/corpus/<target>/ (which git ignores, as
# cargo-fuzz's .gitignore says). Safe to rerun: seeds are named by content, and whatever the
# fuzzer added to a corpus is kept.
#
#   bash fuzz/seed.sh            # all targets
#   bash fuzz/seed.sh segment    # one target
set -euo pipefail

fuzz_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$fuzz_dir")"
articles=("$repo"/examples/kazakhstan/*)
glossary="$repo/glossary.toml"
if (($#)); then
    targets=("$@")
else
    targets=(normalize segment glossary_load glossary_match brief_context figures)
fi

# seed TARGET: standard input becomes a file named by its hash.
seed() {
    local dir="$fuzz_dir/corpus/$1" tmp
    mkdir -p "$dir"
    tmp="$(mktemp "$dir/.seed.XXXXXX")"
    cat >"$tmp"
    mv "$tmp" "$dir/$(sha1sum "$tmp" | cut -c1-40)"
}

# Every paragraph (line) of every article, and every article whole.
paragraphs() {
    local a
    for a in "${articles[@]}"; do
        grep -v '^[[:space:]]*$' "$a" || true
    done
}

for target in "${targets[@]}"; do
    case "$target" in
    normalize | glossary_match)
        for a in "${articles[@]}"; do seed "$target" <"$a"; done
        paragraphs | head -n 40 | while IFS= read -r line; do
            printf '%s\n' "$line" | seed "$target"
        done
        ;;
    figures)
        # One sentence each: the article lines, cut at sentence ends.
        paragraphs | sed 's/\([.؟!]\) /\1\n/g' | while IFS= read -r line; do
            printf '%s' "$line" | seed "$target"
        done
        ;;
    segment)
        # Two bytes choose body_start (a fraction of the length), then the text.
        for a in "${articles[@]}"; do
            { printf '\000\000'; cat "$a"; } | seed "$target"
            { printf '\000\100'; cat "$a"; } | seed "$target"
        done
        ;;
    glossary_load)
        seed "$target" <"$glossary"
        mkdir -p "$fuzz_dir/corpus/$target"
        # Small glossaries: the [meta] table with each run of eight [[term]] tables.
        awk -v dir="$fuzz_dir/corpus/$target" '
            /^\[\[term\]\]/ { terms++; if (terms % 8 == 1) { chunk++ } }
            terms == 0 { head = head $0 "\n"; next }
            { body[chunk] = body[chunk] $0 "\n" }
            END {
                for (c = 1; c <= chunk; c++) {
                    file = sprintf("%s/chunk-%03d", dir, c)
                    printf "%s%s", head, body[c] > file
                    close(file)
                }
            }' "$glossary"
        ;;
    brief_context)
        # Articles joined by 0xFF (never in UTF-8), one to four at a time.
        n=${#articles[@]}
        for ((i = 0; i < n; i++)); do
            seed "$target" <"${articles[i]}"
            { cat "${articles[i]}"; printf '\377'; cat "${articles[(i + 1) % n]}"; } |
                seed "$target"
        done
        { cat "${articles[0]}"; printf '\377'; cat "${articles[1]}"; printf '\377'
          cat "${articles[2]}"; printf '\377'; cat "${articles[3]}"; } | seed "$target"
        ;;
    *)
        echo "seed.sh: unknown target $target" >&2
        exit 2
        ;;
    esac
    echo "$target: $(find "$fuzz_dir/corpus/$target" -type f | wc -l) files in fuzz/corpus/$target"
done

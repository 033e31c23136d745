//! Alignment at scale: a million sentences built deterministically from the SaudiNewsNet sample
//! (`../shared/data/saudinewsnet-sample`), with planted near-duplicates, aligned in one call.
//!
//! ```text
//! cargo bench --bench align_scale -- [--shared DIR] [--sentences N] [--planted-fraction F]
//!     [--seed S] [--dump-subset PATH --subset M] [--input PATH]
//! ```
//!
//! prints one JSON line with the corpus, the timings (`build_s`: corpus building, not counted;
//! `align_s`: `mizan::align::align(&sentences, None, &Options::default())`), the memory
//! (`peak_rss_kb`: VmHWM of the whole process; `align_peak_rss_kb`: VmHWM over the align call
//! alone, reset just before it through `/proc/self/clear_refs`, which still counts the corpus
//! held in memory, `rss_before_align_kb`, one buffer of all texts as the pipeline holds its
//! articles' contents), the pairs, clusters and the recall on the planted
//! pairs. `scripts/bench_align.py` runs it beside datasketch's MinHashLSH.
//!
//! The corpus (defaults: N = 1,000,000, F = 0.05, seed 42):
//!
//! 1. The pool: every article's `content` is segmented with `mizan::text::segment`; body
//!    sentences of at least 6 whitespace words are kept, exact duplicates (same
//!    `align::sentence_key`) once, in file order.
//! 2. N − round(F·N) base sentences cycle through the pool. The first pass is the real text.
//!    Pass r ≥ 1 is a rewritten copy of the pool, so that the corpus is not full of exact
//!    copies and does not become a corpus of near-duplicates either: every word except the 1,000
//!    most frequent of the pool (by token count of its letters, the function words) gets a suffix
//!    of two or more Arabic letters that encodes r, appended to its letters (before trailing
//!    punctuation, so clitics, stems and numbers are untouched). Pass r is then a corpus with
//!    the statistics of the pool (same document frequencies, its own rare words: vocabulary
//!    grows with the corpus as in real news), sharing only the frequent words with other passes.
//! 3. round(F·N) base sentences, chosen with the seeded generator, get a planted copy with 1–3
//!    word edits (whitespace words), each one of: delete a word, substitute a word with a word
//!    drawn uniformly from the pool's vocabulary (distinct whitespace words), insert such a word,
//!    swap two adjacent words. A copy identical to its original gets one more edit.
//! 4. The N sentences are shuffled (Fisher–Yates, same generator), so a copy does not sit next
//!    to its original. Every sentence is its own document (`doc = i`), so all pairs are
//!    cross-document. The generator is splitmix64.
//!
//! Recall: a planted pair (original, copy) counts as found when both sentences are in the same
//! cluster (pairs are only reported within clusters); `pair_recall` counts the pairs reported
//! exactly. Real cross-outlet near-duplicates of the pool (wire copy republished by several
//! papers) also align, once in every pass since a pass rewrites both sides alike; they are in
//! `pairs` but not in the recall. `cross_pass_pairs` counts pairs between sentences of
//! different passes: sentences made mostly of the kept frequent words and of figures (which
//! the rewriting leaves alone) still align with their other passes (about 5% of the pairs
//! at 300,000 sentences).
//!
//! `--dump-subset PATH --subset M` also writes a closed subset: the first K base sentences (in
//! generation order: real sentences of the first pass) and their planted copies, K the smallest
//! that gives at least M sentences, in corpus order, as JSONL `{"i","text"}` (`i` renumbered
//! from 0) in PATH and its planted pairs as `{"a","b"}` lines in PATH.pairs. `--input PATH`
//! aligns such a dump (and its PATH.pairs) instead of building a corpus.

mod common;

use common::peak_rss_kb;
use mizan::align::{Options, Sentence, align, sentence_key};
use mizan::text::{SentenceKind, segment};
use rustc_hash::{FxHashMap, FxHashSet};
use serde_json::json;
use std::io::{BufRead, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Body sentences shorter than this (whitespace words) are left out of the pool.
const MIN_WORDS: usize = 6;
/// Words of the pool kept unchanged in the rewritten passes: the most frequent ones.
const KEEP_FREQUENT: usize = 1000;
/// Letters of the pass suffixes: consonants that normalization does not fold.
const SUFFIX_LETTERS: [char; 25] = [
    'ب', 'ت', 'ث', 'ج', 'ح', 'خ', 'د', 'ذ', 'ر', 'ز', 'س', 'ش', 'ص', 'ض', 'ط', 'ظ', 'ع', 'غ', 'ف',
    'ق', 'ك', 'ل', 'م', 'ن', 'ه',
];

struct Args {
    shared: PathBuf,
    sentences: usize,
    planted_fraction: f64,
    seed: u64,
    dump: Option<PathBuf>,
    subset: usize,
    input: Option<PathBuf>,
}

fn parse_args() -> Args {
    let mut a = Args {
        shared: PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared")),
        sentences: 1_000_000,
        planted_fraction: 0.05,
        seed: 42,
        dump: None,
        subset: 50_000,
        input: None,
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| {
            args.next()
                .unwrap_or_else(|| panic!("{name} needs a value"))
        };
        match arg.as_str() {
            "--shared" => a.shared = value("--shared").into(),
            "--sentences" => a.sentences = value("--sentences").parse().expect("--sentences N"),
            "--planted-fraction" => {
                a.planted_fraction = value("--planted-fraction")
                    .parse()
                    .expect("--planted-fraction F")
            }
            "--seed" => a.seed = value("--seed").parse().expect("--seed S"),
            "--dump-subset" => a.dump = Some(value("--dump-subset").into()),
            "--subset" => a.subset = value("--subset").parse().expect("--subset M"),
            "--input" => a.input = Some(value("--input").into()),
            _ => {} // cargo bench passes --bench
        }
    }
    assert!(
        (0.0..0.5).contains(&a.planted_fraction),
        "--planted-fraction must be in [0, 0.5)"
    );
    a
}

/// splitmix64: a small, fixed, seedable generator.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n > 0`), by multiply-shift.
    fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next()) * n as u128) >> 64) as usize
    }
}

/// Sentence texts held the way the pipeline holds articles: one buffer, each sentence a slice
/// of it (a `String` per sentence would add allocator overhead no real caller has: 380 MiB at
/// 1,000,000 sentences).
#[derive(Default)]
struct Texts {
    buffer: String,
    spans: Vec<(u32, u32)>,
}

impl Texts {
    fn push(&mut self, text: &str) {
        let start = self.buffer.len();
        self.buffer.push_str(text);
        let end = u32::try_from(self.buffer.len()).expect("bench corpus over 4 GiB");
        self.spans.push((start as u32, end));
    }

    fn get(&self, i: usize) -> &str {
        let (start, end) = self.spans[i];
        &self.buffer[start as usize..end as usize]
    }

    fn len(&self) -> usize {
        self.spans.len()
    }

    fn iter(&self) -> impl Iterator<Item = &str> {
        (0..self.len()).map(|i| self.get(i))
    }
}

/// The built corpus: texts in corpus order, planted pairs (original, copy) as corpus indices.
struct Corpus {
    texts: Texts,
    planted: Vec<(u32, u32)>,
    /// Base ordinal of each sentence (empty for a loaded dump): what the subset is cut by.
    base_of: Vec<u32>,
    /// Sentences of the pool (0 for a loaded dump): base ordinal / pool size = pass.
    pool_len: usize,
    stats: serde_json::Value,
}

fn main() {
    let args = parse_args();
    let t = Instant::now();
    let corpus = match &args.input {
        Some(path) => load_dump(path),
        None => build(&args),
    };
    if let (Some(path), None) = (&args.dump, &args.input) {
        dump_subset(&corpus, &args, path);
    }
    let build_s = t.elapsed().as_secs_f64();
    let Corpus {
        texts,
        planted,
        stats,
        base_of,
        pool_len,
    } = corpus;

    let build_peak_kb = peak_rss_kb();
    let rss_before_align_kb = status_kb("VmRSS:");
    // Reset VmHWM to the current RSS, so that the peak of the align call can be read alone.
    let reset = std::fs::write("/proc/self/clear_refs", "5").is_ok();
    let sentences: Vec<Sentence<'_>> = texts
        .iter()
        .enumerate()
        .map(|(i, text)| Sentence {
            doc: i,
            index: 0,
            text,
            outlet: i,
            day: None,
        })
        .collect();
    let t = Instant::now();
    let alignment = align(&sentences, None, &Options::default());
    let align_s = t.elapsed().as_secs_f64();
    let align_peak_kb = peak_rss_kb();

    let mut cluster_of = vec![u32::MAX; texts.len()];
    for (c, members) in alignment.clusters.iter().enumerate() {
        for &s in members {
            cluster_of[s] = c as u32;
        }
    }
    let reported: FxHashSet<(usize, usize)> = alignment.pairs.iter().map(|p| (p.a, p.b)).collect();
    let (mut found, mut found_pair) = (0usize, 0usize);
    for &(a, b) in &planted {
        let (a, b) = (a as usize, b as usize);
        if cluster_of[a] != u32::MAX && cluster_of[a] == cluster_of[b] {
            found += 1;
        }
        if reported.contains(&(a.min(b), a.max(b))) {
            found_pair += 1;
        }
    }
    let ratio = |x: usize| {
        if planted.is_empty() {
            0.0
        } else {
            x as f64 / planted.len() as f64
        }
    };
    // Pairs between sentences of different passes (see the module docs).
    let cross_pass = (pool_len > 0).then(|| {
        let pass = |s: usize| base_of[s] as usize / pool_len;
        alignment
            .pairs
            .iter()
            .filter(|p| pass(p.a) != pass(p.b))
            .count()
    });
    let clustered: usize = alignment.clusters.iter().map(Vec::len).sum();
    let largest = alignment.clusters.iter().map(Vec::len).max().unwrap_or(0);
    let out = json!({
        "sentences": texts.len(),
        "corpus": stats,
        "planted_pairs": planted.len(),
        "build_s": round3(build_s),
        "align_s": round3(align_s),
        "sentences_per_s": (texts.len() as f64 / align_s).round(),
        "threads": std::thread::available_parallelism().map_or(1, |n| n.get()),
        "pairs": alignment.pairs.len(),
        "clusters": alignment.clusters.len(),
        "cross_pass_pairs": cross_pass,
        "clustered_sentences": clustered,
        "largest_cluster": largest,
        "recall": round4(ratio(found)),
        "pair_recall": round4(ratio(found_pair)),
        "found": found,
        "peak_rss_kb": build_peak_kb.max(align_peak_kb),
        "build_peak_rss_kb": build_peak_kb,
        "rss_before_align_kb": rss_before_align_kb,
        "align_peak_rss_kb": if reset { json!(align_peak_kb) } else { json!(null) },
    });
    println!("{out}");
}

fn round3(x: f64) -> f64 {
    (x * 1e3).round() / 1e3
}

fn round4(x: f64) -> f64 {
    (x * 1e4).round() / 1e4
}

/// A `kB` field of /proc/self/status, 0 where unknown.
fn status_kb(field: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(field))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

/// The real body sentences of the sample, deduplicated, in file order.
fn pool(shared: &Path) -> (Vec<String>, usize) {
    let dir = shared.join("data/saudinewsnet-sample");
    let path = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e} (the shared data folder is needed)", dir.display()))
        .map(|e| e.expect("entry").path())
        .find(|p| p.extension().is_some_and(|e| e == "jsonl"))
        .unwrap_or_else(|| panic!("no .jsonl in {}", dir.display()));
    let file = std::fs::File::open(&path).expect("open sample");
    let mut seen: FxHashSet<String> = FxHashSet::default();
    let mut pool = Vec::new();
    let mut articles = 0;
    for line in std::io::BufReader::new(file).lines() {
        let line = line.expect("read sample");
        if line.trim().is_empty() {
            continue;
        }
        let value: serde_json::Value = serde_json::from_str(&line).expect("sample JSON line");
        let Some(content) = value.get("content").and_then(|c| c.as_str()) else {
            continue;
        };
        articles += 1;
        for s in segment(content) {
            if s.kind != SentenceKind::Body {
                continue;
            }
            let text = s.span.slice(content).trim();
            if text.split_whitespace().count() < MIN_WORDS {
                continue;
            }
            // One line per sentence: segments may span a wrapped line.
            let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
            if seen.insert(sentence_key(&text)) {
                pool.push(text);
            }
        }
    }
    (pool, articles)
}

/// A whitespace word split into leading punctuation, its letters and digits, trailing
/// punctuation.
fn split_word(word: &str) -> (&str, &str, &str) {
    let start = word
        .char_indices()
        .find(|(_, c)| c.is_alphanumeric())
        .map_or(word.len(), |(i, _)| i);
    let end = word
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_alphanumeric())
        .map_or(start, |(i, c)| i + c.len_utf8());
    (&word[..start], &word[start..end], &word[end..])
}

fn is_arabic_letter(c: char) -> bool {
    ('\u{0620}'..='\u{064A}').contains(&c) || ('\u{066E}'..='\u{06D3}').contains(&c)
}

/// The suffix of pass `r` (≥ 1): `r - 1` in base 25, two letters at least.
fn pass_suffix(r: usize) -> String {
    let mut x = r - 1;
    let mut s = String::new();
    for _ in 0..2 {
        s.push(SUFFIX_LETTERS[x % 25]);
        x /= 25;
    }
    while x > 0 {
        s.push(SUFFIX_LETTERS[x % 25]);
        x /= 25;
    }
    s
}

/// Pool sentence `text` as it reads in pass `r` ≥ 1: every word outside `keep` with an Arabic
/// letter gets the pass suffix after its letters.
fn rewrite(text: &str, suffix: &str, keep: &FxHashSet<&str>) -> String {
    let mut out = String::with_capacity(text.len() + 32);
    for (k, word) in text.split_whitespace().enumerate() {
        if k > 0 {
            out.push(' ');
        }
        let (lead, core, trail) = split_word(word);
        if core.is_empty() || keep.contains(core) || !core.chars().any(is_arabic_letter) {
            out.push_str(word);
        } else {
            out.push_str(lead);
            out.push_str(core);
            out.push_str(suffix);
            out.push_str(trail);
        }
    }
    out
}

/// A copy of `text` with 1–3 word edits.
fn near_copy(text: &str, vocab: &[&str], rng: &mut Rng) -> String {
    let original: Vec<&str> = text.split_whitespace().collect();
    let mut words = original.clone();
    let mut edits = 1 + rng.below(3);
    while edits > 0 || words == original {
        match rng.below(4) {
            0 if words.len() > 1 => {
                words.remove(rng.below(words.len()));
            }
            1 => {
                let at = rng.below(words.len());
                words[at] = vocab[rng.below(vocab.len())];
            }
            2 => {
                let at = rng.below(words.len() + 1);
                words.insert(at, vocab[rng.below(vocab.len())]);
            }
            3 if words.len() > 1 => {
                let at = rng.below(words.len() - 1);
                words.swap(at, at + 1);
            }
            _ => continue,
        }
        edits = edits.saturating_sub(1);
    }
    words.join(" ")
}

/// The corpus of the module docs.
fn build(args: &Args) -> Corpus {
    let t = Instant::now();
    let (pool, articles) = pool(&args.shared);
    let pool_s = t.elapsed().as_secs_f64();
    assert!(!pool.is_empty(), "empty pool");
    let mut counts: FxHashMap<&str, usize> = FxHashMap::default();
    for text in &pool {
        for word in text.split_whitespace() {
            let (_, core, _) = split_word(word);
            if !core.is_empty() {
                *counts.entry(core).or_default() += 1;
            }
        }
    }
    let mut by_count: Vec<(&str, usize)> = counts.into_iter().collect();
    by_count.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let keep: FxHashSet<&str> = by_count.iter().take(KEEP_FREQUENT).map(|w| w.0).collect();
    let mut vocab: Vec<&str> = pool.iter().flat_map(|t| t.split_whitespace()).collect();
    vocab.sort_unstable();
    vocab.dedup();

    let n = args.sentences;
    let planted_n = (args.planted_fraction * n as f64).round() as usize;
    let base_n = n - planted_n;
    let mut rng = Rng(args.seed);
    // Which base sentences get a copy: a partial Fisher–Yates over 0..base_n.
    let mut order: Vec<u32> = (0..base_n as u32).collect();
    for i in 0..planted_n {
        let j = i + rng.below(base_n - i);
        order.swap(i, j);
    }
    let mut has_copy = vec![false; base_n];
    for &b in &order[..planted_n] {
        has_copy[b as usize] = true;
    }
    drop(order);

    // Generation order: each base sentence, then its copy if it has one.
    let mut texts = Texts::default();
    texts.spans.reserve_exact(n);
    let mut base_of: Vec<u32> = Vec::with_capacity(n); // base ordinal of each sentence
    let mut planted: Vec<(u32, u32)> = Vec::with_capacity(planted_n);
    let mut suffix = String::new();
    for (b, &copied) in has_copy.iter().enumerate() {
        let (r, p) = (b / pool.len(), b % pool.len());
        let text = if r == 0 {
            pool[p].clone()
        } else {
            if p == 0 {
                suffix = pass_suffix(r);
            }
            rewrite(&pool[p], &suffix, &keep)
        };
        if copied {
            let copy = near_copy(&text, &vocab, &mut rng);
            planted.push((texts.len() as u32, texts.len() as u32 + 1));
            texts.push(&text);
            texts.push(&copy);
            base_of.extend([b as u32, b as u32]);
        } else {
            texts.push(&text);
            base_of.push(b as u32);
        }
    }
    // Shuffle: position[g] is where generated sentence g lands.
    let mut position: Vec<u32> = (0..n as u32).collect();
    for i in (1..n).rev() {
        position.swap(i, rng.below(i + 1));
    }
    // The buffer stays in generation order; only the spans move.
    let mut shuffled_spans = vec![(0u32, 0u32); n];
    let mut shuffled_base = vec![0u32; n];
    for (g, &span) in texts.spans.iter().enumerate() {
        let at = position[g] as usize;
        shuffled_spans[at] = span;
        shuffled_base[at] = base_of[g];
    }
    texts.spans = shuffled_spans;
    let shuffled = texts;
    for pair in &mut planted {
        *pair = (position[pair.0 as usize], position[pair.1 as usize]);
    }
    let words: usize = shuffled.iter().map(|t| t.split_whitespace().count()).sum();
    let bytes: usize = shuffled.buffer.len();
    let stats = json!({
        "source": "saudinewsnet-sample",
        "articles": articles,
        "pool_sentences": pool.len(),
        "pool_s": round3(pool_s),
        "passes": base_n.div_ceil(pool.len()),
        "base_sentences": base_n,
        "planted_fraction": args.planted_fraction,
        "seed": args.seed,
        "words": words,
        "bytes": bytes,
        "vocabulary": vocab.len(),
    });
    Corpus {
        texts: shuffled,
        planted,
        base_of: shuffled_base,
        pool_len: pool.len(),
        stats,
    }
}

/// Write the subset of the module docs: the first K base sentences and their copies.
fn dump_subset(corpus: &Corpus, args: &Args, path: &Path) {
    let base_of = &corpus.base_of;
    // Sentences per base ordinal, to find the smallest K giving at least M sentences.
    let mut per_base: Vec<u32> = Vec::new();
    for &b in base_of {
        let b = b as usize;
        if per_base.len() <= b {
            per_base.resize(b + 1, 0);
        }
        per_base[b] += 1;
    }
    let (mut k, mut count) = (0usize, 0usize);
    while count < args.subset && k < per_base.len() {
        count += per_base[k] as usize;
        k += 1;
    }
    let mut new_index = vec![u32::MAX; corpus.texts.len()];
    let mut out = BufWriter::new(std::fs::File::create(path).expect("create subset file"));
    let mut next = 0u32;
    for (i, text) in corpus.texts.iter().enumerate() {
        if (base_of[i] as usize) < k {
            new_index[i] = next;
            writeln!(out, "{}", json!({"i": next, "text": text})).expect("write subset");
            next += 1;
        }
    }
    out.flush().expect("write subset");
    let mut pairs_path = path.as_os_str().to_owned();
    pairs_path.push(".pairs");
    let mut out = BufWriter::new(std::fs::File::create(&pairs_path).expect("create pairs file"));
    for &(a, b) in &corpus.planted {
        let (a, b) = (new_index[a as usize], new_index[b as usize]);
        if a != u32::MAX {
            assert!(b != u32::MAX, "subset not closed");
            writeln!(out, "{}", json!({"a": a, "b": b})).expect("write pairs");
        }
    }
    out.flush().expect("write pairs");
}

/// A dump written by `--dump-subset`.
fn load_dump(path: &Path) -> Corpus {
    let read = |p: &Path| -> Vec<serde_json::Value> {
        let text = std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
        text.lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| serde_json::from_str(l).expect("JSON line"))
            .collect()
    };
    let mut texts = Texts::default();
    for (k, v) in read(path).into_iter().enumerate() {
        assert_eq!(v["i"].as_u64(), Some(k as u64), "dump lines out of order");
        texts.push(v["text"].as_str().expect("text"));
    }
    let mut pairs_path = path.as_os_str().to_owned();
    pairs_path.push(".pairs");
    let planted = read(Path::new(&pairs_path))
        .into_iter()
        .map(|v| {
            (
                v["a"].as_u64().expect("a") as u32,
                v["b"].as_u64().expect("b") as u32,
            )
        })
        .collect();
    Corpus {
        texts,
        planted,
        base_of: Vec::new(),
        pool_len: 0,
        stats: json!({"source": path.display().to_string()}),
    }
}

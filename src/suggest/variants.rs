//! Spelling-variant groups: name-like words and two-word names whose spellings differ the way
//! transliterations of one foreign name do (the rules are in the parent module's documentation).

use super::VariantGroup;
use super::reading::{CorpusWords, NONE, add_surface, best_surface};
use crate::glossary::matcher::canonical;
use crate::glossary::{Glossary, Matcher};
use crate::text::clitics::ARTICLE;
use crate::union_find::UnionFind;
use rustc_hash::{FxHashMap, FxHashSet};

/// One spelling seen in the corpus: a word, or two words.
#[derive(Default)]
struct Spelling {
    docs: Vec<u32>,
    occurrences: u32,
    /// Occurrences inside glossary hits, by entry.
    entries: Vec<(u32, u32)>,
    covered: u32,
    surfaces: Vec<(String, u32)>,
    /// Written with tanwin somewhere: an Arabic noun, not a foreign name.
    tanwin: bool,
}

impl Spelling {
    fn add(&mut self, doc: u32, surface: String, entry: u32) {
        if self.docs.last() != Some(&doc) {
            self.docs.push(doc);
        }
        self.occurrences += 1;
        if entry != NONE {
            self.covered += 1;
            match self.entries.iter_mut().find(|(e, _)| *e == entry) {
                Some((_, n)) => *n += 1,
                None => self.entries.push((entry, 1)),
            }
        }
        self.tanwin |= surface.contains(['\u{064B}', '\u{064C}', '\u{064D}']);
        add_surface(&mut self.surfaces, surface);
    }
}

/// A spelling ready to compare.
struct Node<'a> {
    normalized: String,
    skeleton: Vec<char>,
    spelling: &'a Spelling,
    /// For two-word spellings: the two words (key of the first, second as written).
    pair: Option<(u32, u32)>,
}

pub(super) fn variant_groups(
    corpus: &CorpusWords<'_>,
    glossary: &Glossary,
    matcher: &Matcher,
    limit: usize,
) -> Vec<VariantGroup> {
    let (singles, pairs) = collect_spellings(corpus);
    let text = |id: u32| corpus.vocab.text(id);

    // Single words, and two words run together (ألما آتا), compared on skeletons.
    let mut single_nodes: Vec<Node<'_>> = singles
        .iter()
        .filter(|(_, s)| !s.tanwin)
        .map(|(&key, s)| Node {
            normalized: text(key).to_string(),
            skeleton: skeleton(text(key)),
            spelling: s,
            pair: None,
        })
        .collect();
    single_nodes.extend(
        pairs
            .iter()
            .filter(|((a, b), s)| {
                !s.tanwin && corpus.word(*a).letters + corpus.word(*b).letters >= 5
            })
            .map(|(&(a, b), s)| Node {
                normalized: format!("{} {}", text(a), text(b)),
                skeleton: skeleton(&format!("{}{}", text(a), text(b))),
                spelling: s,
                pair: Some((a, b)),
            }),
    );
    single_nodes.sort_by(|a, b| a.normalized.cmp(&b.normalized));
    let single_groups = group_singles(&single_nodes);

    // Two-word names: one word the same, the other a variant.
    let mut pair_nodes: Vec<Node<'_>> = pairs
        .iter()
        .filter(|((a, b), s)| {
            !s.tanwin && corpus.word(*a).letters >= 4 && corpus.word(*b).letters >= 4
        })
        .map(|(&(a, b), s)| Node {
            normalized: format!("{} {}", text(a), text(b)),
            skeleton: Vec::new(),
            spelling: s,
            pair: Some((a, b)),
        })
        .collect();
    pair_nodes.sort_by(|a, b| a.normalized.cmp(&b.normalized));
    let pair_groups = group_pairs(&pair_nodes, corpus);

    // A two-word group whose varying words also occur elsewhere repeats a single-word group
    // (أحياء ألماتي / أحياء آلماتا): the single-word group is kept. One whose varying words
    // occur only in it is a two-word name (سلطانة أزيربك): it is kept, and the group of its
    // words alone is left out.
    let single_sets: Vec<FxHashSet<&str>> = single_groups
        .iter()
        .map(|g| {
            g.iter()
                .map(|&m| single_nodes[m].normalized.as_str())
                .collect()
        })
        .collect();
    let mut explained: Vec<FxHashSet<String>> = Vec::new();
    let mut kept_pairs: Vec<&Vec<usize>> = Vec::new();
    // قاسم جومارت / قاسم جومرد and جومارت توكاييف / جومرد توكاييف vary the same words: the
    // first is enough.
    let mut seen_varying: FxHashSet<Vec<String>> = FxHashSet::default();
    for g in &pair_groups {
        let (varying, occurrences) = varying_words(g, &pair_nodes);
        if !seen_varying.insert(varying.clone()) {
            continue;
        }
        let bound = varying.iter().all(|w| {
            corpus
                .vocab
                .ids
                .get(w.as_str())
                .and_then(|id| singles.get(id))
                .is_none_or(|s| s.occurrences <= occurrences[w])
        });
        if bound {
            let mut words: FxHashSet<String> = varying.into_iter().collect();
            words.extend(g.iter().map(|&n| pair_nodes[n].normalized.clone()));
            explained.push(words);
            kept_pairs.push(g);
        } else if !single_sets
            .iter()
            .any(|set| varying.iter().all(|w| set.contains(w.as_str())))
        {
            kept_pairs.push(g);
        }
    }

    let forms = glossary_forms(glossary);
    let mut groups: Vec<(usize, String, VariantGroup)> = Vec::new();
    let mut emit = |nodes: &[Node<'_>], members: &[usize]| {
        let mut spellings: Vec<(&Node<'_>, String, Option<usize>)> = members
            .iter()
            .map(|&m| {
                let node = &nodes[m];
                let surface = best_surface(&node.spelling.surfaces);
                let entry = entry_of(&surface, node, &forms, matcher);
                (node, surface, entry)
            })
            .collect();
        if spellings.iter().all(|(_, _, e)| e.is_some()) {
            return;
        }
        spellings.sort_by(|a, b| {
            b.0.spelling
                .docs
                .len()
                .cmp(&a.0.spelling.docs.len())
                .then(a.0.normalized.cmp(&b.0.normalized))
        });
        let mut docs: Vec<u32> = spellings
            .iter()
            .flat_map(|(n, _, _)| n.spelling.docs.iter().copied())
            .collect();
        docs.sort_unstable();
        docs.dedup();
        let covered_by = spellings.iter().find_map(|(_, _, e)| *e);
        let first = spellings[0].0.normalized.clone();
        groups.push((
            docs.len(),
            first,
            VariantGroup {
                spellings: spellings
                    .into_iter()
                    .map(|(n, s, _)| (s, n.spelling.docs.len()))
                    .collect(),
                covered_by,
            },
        ));
    };
    for g in kept_pairs {
        emit(&pair_nodes, g);
    }
    for g in &single_groups {
        let repeats = explained.iter().any(|words| {
            g.iter()
                .all(|&m| words.contains(&single_nodes[m].normalized))
        });
        if !repeats {
            emit(&single_nodes, g);
        }
    }
    groups.sort_by(|a, b| {
        b.0.cmp(&a.0)
            .then(b.2.spellings.len().cmp(&a.2.spellings.len()))
            .then(a.1.cmp(&b.1))
    });
    groups.truncate(limit);
    groups.into_iter().map(|(_, _, g)| g).collect()
}

/// The words that differ between the members of a two-word group (the second words when the
/// first is shared, and so on), each with its occurrences in the group's spellings.
fn varying_words(group: &[usize], nodes: &[Node<'_>]) -> (Vec<String>, FxHashMap<String, u32>) {
    let pairs: Vec<(u32, u32)> = group
        .iter()
        .map(|&n| nodes[n].pair.expect("pair node"))
        .collect();
    let same_first = pairs.iter().all(|p| p.0 == pairs[0].0);
    let same_second = pairs.iter().all(|p| p.1 == pairs[0].1);
    let mut occurrences: FxHashMap<String, u32> = FxHashMap::default();
    for &n in group {
        let node = &nodes[n];
        let (first, second) = node.normalized.split_once(' ').expect("two-word spelling");
        if !same_first {
            *occurrences.entry(first.to_string()).or_default() += node.spelling.occurrences;
        }
        if !same_second {
            *occurrences.entry(second.to_string()).or_default() += node.spelling.occurrences;
        }
    }
    let mut words: Vec<String> = occurrences.keys().cloned().collect();
    words.sort();
    (words, occurrences)
}

type Singles = FxHashMap<u32, Spelling>;
type Pairs = FxHashMap<(u32, u32), Spelling>;

/// Name-like words and adjacent pairs of name-like words, with their counts.
fn collect_spellings(corpus: &CorpusWords<'_>) -> (Singles, Pairs) {
    let mut singles: Singles = FxHashMap::default();
    let mut pairs: Pairs = FxHashMap::default();
    for (doc, d) in corpus.docs.iter().enumerate() {
        let body = &corpus.documents[doc].text[d.body_start..];
        // A token's key and display, when it may be part of a name.
        let name_like = |i: usize| -> Option<(u32, String)> {
            let raw = corpus.word(d.words[i]);
            let key = raw.key;
            let k = corpus.word(key);
            let key_text = corpus.vocab.text(key);
            // ـوا ends plural verbs (اقتحموا), not names.
            if raw.stop
                || raw.number
                || !k.arabic
                || k.definite
                || k.letters < 2
                || key_text.ends_with("وا")
            {
                return None;
            }
            let display = corpus.display_first(doc, i);
            if key_text.starts_with(ARTICLE) && !display.starts_with(['أ', 'إ', 'آ', 'ٱ']) {
                return None;
            }
            Some((key, display))
        };
        for run in &d.runs {
            let mut previous: Option<(u32, String)> = None;
            for i in run.clone() {
                let current = name_like(i);
                if let Some((key, display)) = &current
                    && corpus.word(*key).letters >= 4
                {
                    singles
                        .entry(*key)
                        .or_default()
                        .add(doc as u32, display.clone(), d.covered[i]);
                }
                if let (Some((a, a_display)), Some(_)) = (&previous, &current) {
                    let b = d.words[i];
                    let both_covered = d.covered[i - 1] != NONE && d.covered[i] != NONE;
                    let entry = if both_covered { d.covered[i - 1] } else { NONE };
                    let second = d.tokenized.tokens[i].span.slice(body);
                    pairs.entry((*a, b)).or_default().add(
                        doc as u32,
                        format!("{a_display} {second}"),
                        entry,
                    );
                }
                previous = current;
            }
        }
    }
    (singles, pairs)
}

/// The consonant skeleton of a normalized spelling (see the rules in [`super`]).
fn skeleton(normalized: &str) -> Vec<char> {
    let letters: Vec<char> = normalized.chars().filter(|c| !c.is_whitespace()).collect();
    let mut out = Vec::with_capacity(letters.len());
    let mut previous = None;
    for (i, &c) in letters.iter().enumerate() {
        let mapped = skeleton_letter(c, i + 1 == letters.len());
        if previous == Some(mapped) {
            continue;
        }
        previous = Some(mapped);
        if i > 0 && is_vowel_letter(mapped) {
            continue;
        }
        out.push(mapped);
    }
    out
}

/// One letter as the skeleton reads it (`last`: at the end of the spelling).
fn skeleton_letter(c: char, last: bool) -> char {
    match c {
        'ط' => 'ت',
        'ص' | 'ث' => 'س',
        'ض' => 'د',
        'ظ' | 'ذ' | 'ژ' => 'ز',
        'ق' | 'غ' | 'گ' | 'ک' => 'ك',
        'پ' => 'ب',
        'چ' => 'ج',
        'ڤ' => 'ف',
        'ة' => 'ت',
        'ه' | 'د' if last => 'ت',
        'ى' | 'ی' => 'ي',
        'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
        c => c,
    }
}

/// Long vowels and hamza seats, which transliterations add and drop.
fn is_vowel_letter(c: char) -> bool {
    matches!(c, 'ا' | 'و' | 'ي' | 'ء' | 'ؤ' | 'ئ')
}

/// Consonants that transliterations of one sound swap beyond what the skeleton folds already:
/// K, Kh and G (ق غ are ك already), the two H, T and D, the sibilants, B and F.
fn loose_class(c: char) -> u8 {
    match c {
        'ك' | 'خ' | 'ج' => 1,
        'ه' | 'ح' => 2,
        'ت' | 'د' => 3,
        'س' | 'ز' | 'ش' => 4,
        'ب' | 'ف' => 5,
        _ => 0,
    }
}

/// Equal but for one letter swapped within its [`loose_class`] (كازاخستان / قازاقستان).
fn one_loose_swap(a: &[char], b: &[char]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut differences = a.iter().zip(b).filter(|(x, y)| x != y);
    match (differences.next(), differences.next()) {
        (Some((&x, &y)), None) => loose_class(x) != 0 && loose_class(x) == loose_class(y),
        _ => false,
    }
}

/// Final inflections of Arabic nouns and verbs: feminine and plural endings, the nisba, verb
/// person endings, the accusative alef.
const INFLECTIONS: &[&str] = &["ات", "يه", "ه", "ت", "وا", "ون", "ين", "ان", "ا"];

/// Two normalized spellings that are one Arabic word in two grammatical forms (عملية /
/// عمليات, أصيب / أصيبوا, كثير / كثيرا), not two spellings of a name.
fn inflections(a: &str, b: &str) -> bool {
    fn stems(w: &str) -> impl Iterator<Item = &str> {
        std::iter::once(w).chain(INFLECTIONS.iter().filter_map(move |s| w.strip_suffix(s)))
    }
    a != b && stems(a).any(|x| stems(b).any(|y| x == y))
}

/// The letters of a spelling as consonants, each with the long vowels written after it (the
/// first letter always counts as a consonant); consonants folded as in [`skeleton`], except
/// that a final ه stays ه.
fn vowelled(normalized: &str) -> Vec<(char, Vec<char>)> {
    let letters: Vec<char> = normalized.chars().filter(|c| !c.is_whitespace()).collect();
    let mut out: Vec<(char, Vec<char>)> = Vec::with_capacity(letters.len());
    let mut previous = None;
    for (i, &c) in letters.iter().enumerate() {
        let last = i + 1 == letters.len();
        let mapped = if c == 'ه' {
            'ه'
        } else {
            skeleton_letter(c, last)
        };
        if previous == Some(mapped) {
            continue;
        }
        previous = Some(mapped);
        match out.last_mut() {
            Some((_, vowels)) if is_vowel_letter(mapped) => vowels.push(mapped),
            _ => out.push((mapped, Vec::new())),
        }
    }
    out
}

/// Whether one spelling is the other with long vowels added (توكايف → توكاييف, جومرد →
/// جومارت), the final vowel aside (ألماتي / آلماتا): how transliterations of one name differ,
/// where Arabic words of one root move their vowels (نشاط / ناشد, تقييم / تقاوم).
fn vowels_added(a: &str, b: &str) -> bool {
    let (va, vb) = (vowelled(a), vowelled(b));
    if va.len() != vb.len() || va.iter().zip(&vb).any(|(x, y)| x.0 != y.0) {
        return false;
    }
    let within = |short: &[(char, Vec<char>)], long: &[(char, Vec<char>)]| {
        short.iter().zip(long).enumerate().all(|(k, (s, l))| {
            if k + 1 == short.len() {
                // The final vowel: ي and ا are one.
                let fold = |v: &[char]| -> Vec<char> {
                    v.iter().map(|&c| if c == 'ي' { 'ا' } else { c }).collect()
                };
                is_subsequence(&fold(&s.1), &fold(&l.1))
            } else {
                is_subsequence(&s.1, &l.1)
            }
        })
    };
    within(&va, &vb) || within(&vb, &va)
}

fn is_subsequence(short: &[char], long: &[char]) -> bool {
    let mut rest = long.iter();
    short.iter().all(|c| rest.any(|d| d == c))
}

/// The skeleton and its one-letter deletions: two skeletons one edit apart share one.
fn deletions(s: &[char]) -> Vec<String> {
    let mut out = vec![s.iter().collect::<String>()];
    for i in 0..s.len() {
        out.push(s[..i].iter().chain(&s[i + 1..]).collect());
    }
    out.sort();
    out.dedup();
    out
}

fn disjoint(a: &[u32], b: &[u32]) -> bool {
    a.iter().all(|d| b.binary_search(d).is_err())
}

/// Whether two single-word (or run-together) spellings are variants of one name.
fn single_variants(a: &Node<'_>, b: &Node<'_>) -> bool {
    let (sa, sb) = (&a.skeleton, &b.skeleton);
    if inflections(&a.normalized, &b.normalized) || sa.len() < 3 || sb.len() < 3 {
        return false;
    }
    if a.pair.is_some() && b.pair.is_some() {
        // Two two-word spellings are compared word by word (`group_pairs`).
        return false;
    }
    if sa == sb {
        // Short skeletons are shared by many Arabic words of one root: only spellings that
        // never meet in one article (each outlet keeps its own) and differ by added vowels
        // are taken for variants.
        return sa.len() >= 5
            || (disjoint(&a.spelling.docs, &b.spelling.docs)
                && vowels_added(&a.normalized, &b.normalized));
    }
    sa.len() >= 5 && one_loose_swap(sa, sb)
}

fn group_singles(nodes: &[Node<'_>]) -> Vec<Vec<usize>> {
    let mut sets = UnionFind::new(nodes.len());
    // Equal skeletons meet in one bucket; skeletons one swap apart share a deletion.
    let mut buckets: FxHashMap<String, Vec<usize>> = FxHashMap::default();
    for (i, n) in nodes.iter().enumerate() {
        if n.skeleton.len() < 3 {
            continue;
        }
        if n.skeleton.len() >= 5 {
            for d in deletions(&n.skeleton) {
                buckets.entry(d).or_default().push(i);
            }
        } else {
            buckets
                .entry(n.skeleton.iter().collect())
                .or_default()
                .push(i);
        }
    }
    let mut list: Vec<&Vec<usize>> = buckets.values().filter(|b| b.len() >= 2).collect();
    list.sort();
    for bucket in list {
        for (x, &a) in bucket.iter().enumerate() {
            for &b in &bucket[x + 1..] {
                if single_variants(&nodes[a], &nodes[b]) {
                    sets.union(a, b);
                }
            }
        }
    }
    sets.groups()
}

/// (the word that stays, whether the second word varies, a deletion of the varying word's
/// skeleton).
type PairBucket = (u32, bool, String);

fn group_pairs(nodes: &[Node<'_>], corpus: &CorpusWords<'_>) -> Vec<Vec<usize>> {
    let mut sets = UnionFind::new(nodes.len());
    let text = |id: u32| corpus.vocab.text(id);
    let skeletons: Vec<(Vec<char>, Vec<char>)> = nodes
        .iter()
        .map(|n| {
            let (a, b) = n.pair.expect("pair node");
            (skeleton(text(a)), skeleton(text(b)))
        })
        .collect();
    // (the word that stays, whether the second word varies, a deletion of the varying word's
    // skeleton).
    let mut buckets: FxHashMap<PairBucket, Vec<usize>> = FxHashMap::default();
    for (i, n) in nodes.iter().enumerate() {
        let (a, b) = n.pair.expect("pair node");
        let (sa, sb) = &skeletons[i];
        if sb.len() >= 3 {
            for d in deletions(sb) {
                buckets.entry((a, true, d)).or_default().push(i);
            }
        }
        if sa.len() >= 3 {
            for d in deletions(sa) {
                buckets.entry((b, false, d)).or_default().push(i);
            }
        }
    }
    let mut list: Vec<(&PairBucket, &Vec<usize>)> =
        buckets.iter().filter(|(_, v)| v.len() >= 2).collect();
    list.sort();
    for ((_, second_varies, _), bucket) in list {
        for (x, &i) in bucket.iter().enumerate() {
            for &j in &bucket[x + 1..] {
                let (pi, pj) = (nodes[i].pair.expect("pair"), nodes[j].pair.expect("pair"));
                let (wi, wj, si, sj) = if *second_varies {
                    (pi.1, pj.1, &skeletons[i].1, &skeletons[j].1)
                } else {
                    (pi.0, pj.0, &skeletons[i].0, &skeletons[j].0)
                };
                if wi != wj
                    && !inflections(text(wi), text(wj))
                    && (si == sj || one_loose_swap(si, sj))
                {
                    sets.union(i, j);
                }
            }
        }
    }
    sets.groups()
}

/// Every form of every entry, canonical, to the entry (the first, where two share one).
fn glossary_forms(glossary: &Glossary) -> FxHashMap<String, usize> {
    let mut forms = FxHashMap::default();
    for (e, entry) in glossary.terms.iter().enumerate() {
        for form in entry.forms() {
            forms.entry(canonical(form)).or_insert(e);
        }
    }
    forms
}

/// The entry that already covers a spelling: one of its forms, a glossary match of the whole
/// spelling, or the hits around every occurrence of it in the corpus.
fn entry_of(
    surface: &str,
    node: &Node<'_>,
    forms: &FxHashMap<String, usize>,
    matcher: &Matcher,
) -> Option<usize> {
    if let Some(&e) = forms.get(&node.normalized) {
        return Some(e);
    }
    let hits = matcher.find(surface);
    if let [hit] = hits.as_slice()
        && hit.span.start == 0
        && hit.span.end == surface.len()
    {
        return Some(hit.entry);
    }
    let s = node.spelling;
    if s.occurrences > 0 && s.covered == s.occurrences {
        let mut entries = s.entries.clone();
        entries.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        return entries.first().map(|&(e, _)| e as usize);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalize::normalize_str;

    #[test]
    fn skeletons_fold_transliteration_differences() {
        let sk = |w: &str| skeleton(&normalize_str(w)).into_iter().collect::<String>();
        assert_eq!(sk("سالتانات"), sk("سلطانة"));
        assert_eq!(sk("سلطانات"), sk("سلطانة"));
        assert_eq!(sk("ألماتي"), sk("آلماتا"));
        assert_eq!(sk("ألماتا"), sk("ألما آتا"));
        assert_eq!(sk("توكاييف"), sk("توكايف"));
        assert_ne!(sk("مدينة"), sk("مدير"));
        assert!(one_loose_swap(
            &skeleton("كازاخستان"),
            &skeleton("قازاقستان")
        ));
        assert!(!one_loose_swap(&skeleton("استقالة"), &skeleton("مستقلة")));
        assert!(inflections("كثيرا", "كثير") && inflections("مسلحون", "مسلحين"));
        assert!(inflections("عمليه", "عمليات") && inflections("اصيبوا", "اصيب"));
        assert!(!inflections("الماتي", "الماتا") && !inflections("سالتانات", "سلطانه"));
        assert!(vowels_added("توكاييف", "توكايف") && vowels_added("جومارت", "جومرد"));
        assert!(vowels_added("الماتي", "الما اتا"));
        assert!(!vowels_added("نشاط", "ناشد") && !vowels_added("تقييم", "تقاوم"));
    }
}

//! The queue and the memory in the formats CAT tools read (`interchange::{xliff, po, tmx}`),
//! and translated units taken back: a unit whose source no longer hashes to its id is stale, a
//! different existing translation is a conflict unless forced.

use super::queue::{Queue, Served, served};
use super::record::{self, Recorded};
use super::{Memory, Unit};
use crate::align::sentence_hash;
use crate::brief::translations::{Translations, hash_hex};
use crate::error::Result;
use crate::glossary::Matcher;
use crate::interchange::units::{Alternative, ExportUnit, ImportUnit, TmUnit};
use crate::pipeline::Analysis;
use serde::Serialize;
use std::path::Path;

/// The queue's items as exported units: terms, figures and what the translation covers as
/// notes, memory matches as alternatives.
pub fn export_units(queue: &Queue) -> Vec<ExportUnit> {
    queue
        .items
        .iter()
        .map(|item| {
            let mut notes = Vec::new();
            if !item.terms.is_empty() {
                let terms: Vec<String> = item
                    .terms
                    .iter()
                    .map(|t| format!("{} = {}", t.surface, t.en))
                    .collect();
                notes.push(format!("terms: {}", terms.join("; ")));
            }
            if !item.figures.is_empty() {
                let figures: Vec<String> = item
                    .figures
                    .iter()
                    .map(|f| format!("{} {}", f.amount, f.label))
                    .collect();
                notes.push(format!("figures: {}", figures.join("; ")));
            }
            if let Some(fact) = item.fact {
                notes.push(format!("fact {fact}, {} outlets", item.sources));
            }
            if !item.covers.is_empty() {
                let covers: Vec<String> = item
                    .covers
                    .iter()
                    .map(|c| format!("{}#{}", c.doc, c.index))
                    .collect();
                notes.push(format!(
                    "this translation also serves {} (same text but for spelling)",
                    covers.join(", ")
                ));
            }
            ExportUnit {
                id: item.sentence.reference.clone(),
                source: item.ar.clone(),
                target: None,
                context: format!("{}#{}", item.sentence.doc, item.sentence.index),
                notes,
                alternatives: item
                    .matches
                    .iter()
                    .map(|m| Alternative {
                        percent: m.percent,
                        source: m.ar.clone(),
                        target: m.en.clone(),
                    })
                    .collect(),
            }
        })
        .collect()
}

/// What an import did.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ImportReport {
    pub added: usize,
    pub replaced: usize,
    pub unchanged: usize,
    /// Units without a translation (no target, one marked untranslated or fuzzy, or a copy of
    /// the source).
    pub untranslated: usize,
    /// Units whose source is not the sentence their id names: (id, line).
    pub stale: Vec<(String, usize)>,
    /// Units whose sentence has another translation (not replaced without force).
    pub conflicts: Vec<(String, usize)>,
}

/// Take translated units back into the translations file at `path`.
pub fn import(
    units: &[ImportUnit],
    path: &Path,
    by: Option<&str>,
    note: Option<&str>,
    force: bool,
) -> Result<ImportReport> {
    let mut report = ImportReport::default();
    let mut entries = Vec::new();
    let mut lines = Vec::new();
    for unit in units {
        let Some(target) = unit.target.as_deref() else {
            report.untranslated += 1;
            continue;
        };
        let hash = sentence_hash(&unit.source);
        if !unit.id.eq_ignore_ascii_case(&hash_hex(hash)) {
            report.stale.push((unit.id.clone(), unit.line));
            continue;
        }
        // A copy of the source is how OmegaT and Rainbow leave a segment untranslated.
        if sentence_hash(target) == hash {
            report.untranslated += 1;
            continue;
        }
        entries.push(record::Entry {
            hash,
            ar: &unit.source,
            en: target.trim(),
            by,
            note,
        });
        lines.push((unit.id.clone(), unit.line));
    }
    if entries.is_empty() {
        return Ok(report);
    }
    let outcomes = record::record(path, &entries, force)?;
    for (outcome, id) in outcomes.into_iter().zip(lines) {
        match outcome {
            Recorded::Added => report.added += 1,
            Recorded::Replaced { .. } => report.replaced += 1,
            Recorded::Unchanged => report.unchanged += 1,
            Recorded::Conflict { .. } => report.conflicts.push(id),
        }
    }
    Ok(report)
}

/// The desk's memory as TMX units: each translation (`x-mizan-origin` desk), then each
/// sentence of the articles a translation serves by exact reuse, as a further unit saying so
/// (`x-mizan-reuse-of`).
pub fn memory_units(
    analysis: &Analysis<'_>,
    translations: &Translations,
    memory: &Memory,
    matcher: &Matcher,
) -> Vec<TmUnit> {
    let mut units: Vec<TmUnit> = memory
        .units()
        .iter()
        .filter(|u| !u.ar.is_empty())
        .map(|u| {
            let mut props = vec![("x-mizan-origin".to_string(), "desk".to_string())];
            if let Some(by) = &u.by {
                props.push(("x-mizan-by".into(), by.clone()));
            }
            if let Some(note) = translations.get(u.hash).and_then(|t| t.note.clone()) {
                props.push(("x-mizan-note".into(), note));
            }
            TmUnit {
                id: Some(u.reference()),
                source: u.ar.clone(),
                target: u.en.clone(),
                props,
            }
        })
        .collect();
    let mut seen: std::collections::HashSet<u64> = memory.units().iter().map(|u| u.hash).collect();
    let hashes = analysis.sentence_hashes();
    for members in &analysis.alignment.clusters {
        let fact_units: Vec<&Unit> = members
            .iter()
            .filter_map(|&s| memory.exact(hashes[s]))
            .collect();
        if fact_units.is_empty() {
            continue;
        }
        for &s in members {
            let (text, hash) = (analysis.sentences[s].text, hashes[s]);
            if seen.contains(&hash) {
                continue;
            }
            if let Served::Reuse(from) =
                served((text, hash), None, &fact_units, memory, Some(matcher), 100)
            {
                seen.insert(hash);
                let unit = memory.exact(from).expect("served by a unit of the memory");
                units.push(TmUnit {
                    id: Some(hash_hex(hash)),
                    source: text.to_string(),
                    target: unit.en.clone(),
                    props: vec![("x-mizan-reuse-of".into(), unit.reference())],
                });
            }
        }
    }
    units
}

/// Seed the memory from a CAT tool's TMX: every Arabic–English unit becomes an entry of the
/// translations file (noted with its origin); those whose sentence is in the articles are
/// their translations, the others serve as fuzzy matches.
pub fn import_memory(
    units: &[TmUnit],
    path: &Path,
    note: &str,
    force: bool,
) -> Result<ImportReport> {
    let imports: Vec<ImportUnit> = units
        .iter()
        .map(|u| ImportUnit {
            id: hash_hex(sentence_hash(&u.source)),
            source: u.source.clone(),
            target: Some(u.target.clone()).filter(|t| !t.trim().is_empty()),
            line: 0,
        })
        .collect();
    import(&imports, path, None, Some(note), force)
}

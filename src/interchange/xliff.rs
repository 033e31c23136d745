//! XLIFF 1.2 and 2.0, the exchange format of CAT tools (OmegaT, memoQ, Trados, Poedit): the
//! queue out, translated units back.
//!
//! 1.2: `xliff/file/body/trans-unit[@id]` with `source`, `target[@state]`, `note`s and the
//! memory's matches as `alt-trans[@match-quality]`. 2.0: `xliff/file/unit[@id]` with
//! `notes/note` and `segment[@state]/source|target`; fuzzy matches go in notes (the matches
//! module of 2.0 is optional and few tools read it). The unit id is the sentence's hash.

use super::error_at;
use super::tbx::{Out, text};
use super::units::{ExportUnit, ImportUnit};
use super::xml::{self, Element};
use crate::error::Result;
use quick_xml::events::{BytesDecl, Event};
use quick_xml::writer::Writer;
use std::io;
use std::path::Path;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Version {
    V12,
    V20,
}

/// Write `units` as an XLIFF document; `original` names the source (the articles). With
/// `copy_source`, a 1.2 unit without English gets a target holding its source, with no state:
/// OmegaT's XLIFF filter translates the target element (as Okapi Rainbow prepares files), so
/// without one it finds no segment; a target that comes back equal to its source is taken as
/// untranslated.
pub fn write(units: &[ExportUnit], version: Version, original: &str, copy_source: bool) -> String {
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    match version {
        Version::V12 => write_12(&mut w, units, original, copy_source),
        Version::V20 => write_20(&mut w, units, original),
    }
    .expect("writing to memory does not fail");
    let mut bytes = w.into_inner();
    bytes.push(b'\n');
    String::from_utf8(bytes).expect("quick-xml writes the UTF-8 it is given")
}

fn leaf(w: &mut Out, name: &str, attributes: &[(&str, &str)], value: &str) -> io::Result<()> {
    w.create_element(name)
        .with_attributes(attributes.iter().copied())
        .write_inner_content(|w| text(w, value))?;
    Ok(())
}

fn write_12(
    w: &mut Out,
    units: &[ExportUnit],
    original: &str,
    copy_source: bool,
) -> io::Result<()> {
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    w.create_element("xliff")
        .with_attributes([
            ("version", "1.2"),
            ("xmlns", "urn:oasis:names:tc:xliff:document:1.2"),
        ])
        .write_inner_content(|w| {
            w.create_element("file")
                .with_attributes([
                    ("original", original),
                    ("source-language", "ar"),
                    ("target-language", "en"),
                    ("datatype", "plaintext"),
                    ("tool-id", "mizan"),
                ])
                .write_inner_content(|w| {
                    w.create_element("header").write_inner_content(|w| {
                        w.create_element("tool")
                            .with_attributes([
                                ("tool-id", "mizan"),
                                ("tool-name", "mizan"),
                                ("tool-version", env!("CARGO_PKG_VERSION")),
                            ])
                            .write_empty()?;
                        Ok(())
                    })?;
                    w.create_element("body").write_inner_content(|w| {
                        for unit in units {
                            write_unit_12(w, unit, copy_source)?;
                        }
                        Ok(())
                    })?;
                    Ok(())
                })?;
            Ok(())
        })?;
    Ok(())
}

fn write_unit_12(w: &mut Out, unit: &ExportUnit, copy_source: bool) -> io::Result<()> {
    w.create_element("trans-unit")
        .with_attributes([
            ("id", unit.id.as_str()),
            ("resname", unit.context.as_str()),
            ("xml:space", "preserve"),
        ])
        .write_inner_content(|w| {
            leaf(w, "source", &[("xml:lang", "ar")], &unit.source)?;
            if let Some(target) = &unit.target {
                leaf(
                    w,
                    "target",
                    &[("xml:lang", "en"), ("state", "translated")],
                    target,
                )?;
            } else if copy_source {
                leaf(w, "target", &[("xml:lang", "en")], &unit.source)?;
            }
            leaf(w, "note", &[("from", "mizan")], &unit.context)?;
            for note in &unit.notes {
                leaf(w, "note", &[("from", "mizan")], note)?;
            }
            for alt in &unit.alternatives {
                let quality = format!("{}%", alt.percent);
                w.create_element("alt-trans")
                    .with_attributes([
                        ("match-quality", quality.as_str()),
                        ("origin", "mizan-memory"),
                    ])
                    .write_inner_content(|w| {
                        leaf(w, "source", &[("xml:lang", "ar")], &alt.source)?;
                        leaf(w, "target", &[("xml:lang", "en")], &alt.target)?;
                        Ok(())
                    })?;
            }
            Ok(())
        })?;
    Ok(())
}

fn write_20(w: &mut Out, units: &[ExportUnit], original: &str) -> io::Result<()> {
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    w.create_element("xliff")
        .with_attributes([
            ("version", "2.0"),
            ("xmlns", "urn:oasis:names:tc:xliff:document:2.0"),
            ("srcLang", "ar"),
            ("trgLang", "en"),
        ])
        .write_inner_content(|w| {
            w.create_element("file")
                .with_attributes([("id", "f1"), ("original", original)])
                .write_inner_content(|w| {
                    for unit in units {
                        write_unit_20(w, unit)?;
                    }
                    Ok(())
                })?;
            Ok(())
        })?;
    Ok(())
}

fn write_unit_20(w: &mut Out, unit: &ExportUnit) -> io::Result<()> {
    // An XLIFF 2.0 id is an NMTOKEN: a hash is one.
    w.create_element("unit")
        .with_attributes([("id", unit.id.as_str()), ("name", unit.context.as_str())])
        .write_inner_content(|w| {
            w.create_element("notes").write_inner_content(|w| {
                leaf(w, "note", &[("category", "location")], &unit.context)?;
                for note in &unit.notes {
                    leaf(w, "note", &[("category", "mizan")], note)?;
                }
                for alt in &unit.alternatives {
                    let note = format!("memory {}%: {} = {}", alt.percent, alt.source, alt.target);
                    leaf(w, "note", &[("category", "fuzzy-match")], &note)?;
                }
                Ok(())
            })?;
            let state = if unit.target.is_some() {
                "translated"
            } else {
                "initial"
            };
            w.create_element("segment")
                .with_attribute(("state", state))
                .write_inner_content(|w| {
                    leaf(w, "source", &[("xml:space", "preserve")], &unit.source)?;
                    if let Some(target) = &unit.target {
                        leaf(w, "target", &[("xml:space", "preserve")], target)?;
                    }
                    Ok(())
                })?;
            Ok(())
        })?;
    Ok(())
}

/// States that say a target is not a translation yet.
const UNTRANSLATED: &[&str] = &["new", "needs-translation", "initial"];

/// Read the units of an XLIFF 1.2 or 2.0 document.
pub fn read(text: &str, path: &Path) -> Result<Vec<ImportUnit>> {
    let root = xml::parse(text, path)?;
    if root.name != "xliff" {
        return Err(error_at(
            path,
            text,
            root.offset,
            format!("not an XLIFF document (root <{}>)", root.name),
        ));
    }
    // Line numbers from the offsets of the line breaks: counting them from the start for
    // every unit was quadratic (9 s for 10,000 units).
    let breaks: Vec<usize> = text.match_indices('\n').map(|(i, _)| i).collect();
    let line = |offset: usize| breaks.partition_point(|&b| b < offset) + 1;
    let version = root.attribute("version").unwrap_or("1.2");
    let mut units = Vec::new();
    if version.starts_with('2') {
        let mut found = Vec::new();
        root.descendants("unit", &mut found);
        for unit in found {
            let id = required_id(unit, text, path)?;
            // One sentence is one segment; several are joined as a tool split them.
            let segments: Vec<&Element> = unit.children_named("segment").collect();
            let source: String = segments
                .iter()
                .filter_map(|s| s.child("source"))
                .map(Element::text)
                .collect::<Vec<_>>()
                .join(" ");
            let translated = segments
                .iter()
                .all(|s| !UNTRANSLATED.contains(&s.attribute("state").unwrap_or("translated")));
            let target: String = segments
                .iter()
                .filter_map(|s| s.child("target"))
                .map(Element::text)
                .collect::<Vec<_>>()
                .join(" ");
            units.push(ImportUnit {
                id,
                source,
                target: (translated && !target.trim().is_empty()).then_some(target),
                line: line(unit.offset),
            });
        }
    } else {
        let mut found = Vec::new();
        root.descendants("trans-unit", &mut found);
        for unit in found {
            let id = required_id(unit, text, path)?;
            let source = unit.child("source").map(Element::text).unwrap_or_default();
            let target = unit.child("target").and_then(|t| {
                let state = t.attribute("state").unwrap_or("translated");
                let value = t.text();
                (!UNTRANSLATED.contains(&state) && !value.trim().is_empty()).then_some(value)
            });
            units.push(ImportUnit {
                id,
                source,
                target,
                line: line(unit.offset),
            });
        }
    }
    Ok(units)
}

fn required_id(unit: &Element, text: &str, path: &Path) -> Result<String> {
    unit.attribute("id").map(str::to_string).ok_or_else(|| {
        error_at(
            path,
            text,
            unit.offset,
            format!("<{}> without an id", unit.name),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit() -> ExportUnit {
        ExportUnit {
            id: "2e31bfbbbe072027".into(),
            source: "قال \"المتحدث\" إن 8 <قتلوا> & جرحى".into(),
            target: None,
            context: "./01.txt#2".into(),
            notes: vec!["terms: المتحدث = spokesperson".into()],
            alternatives: vec![super::super::units::Alternative {
                percent: 78,
                source: "قال المتحدث".into(),
                target: "The spokesman said".into(),
            }],
        }
    }

    #[test]
    fn both_versions_read_back_what_they_write() {
        for version in [Version::V12, Version::V20] {
            let mut u = unit();
            let doc = write(&[u.clone()], version, "articles", false);
            let back = read(&doc, Path::new("q.xlf")).unwrap();
            assert_eq!(back.len(), 1, "{doc}");
            assert_eq!(back[0].source, u.source, "{doc}");
            assert_eq!(back[0].target, None);
            u.target = Some("He said 8 were <killed> & hurt.".into());
            let back = read(
                &write(&[u.clone()], version, "a", false),
                Path::new("q.xlf"),
            )
            .unwrap();
            assert_eq!(back[0].target, u.target);
            assert_eq!(back[0].id, u.id);
        }
    }

    #[test]
    fn a_target_marked_new_is_not_a_translation() {
        let doc = r#"<xliff version="1.2"><file><body>
<trans-unit id="a1"><source>س</source><target state="needs-translation">x</target></trans-unit>
<trans-unit id="a2"><source>ص</source><target state="final"><g id="1">Done</g>.</target></trans-unit>
</body></file></xliff>"#;
        let units = read(doc, Path::new("q.xlf")).unwrap();
        assert_eq!(units[0].target, None);
        assert_eq!(units[1].target.as_deref(), Some("Done."));
        assert_eq!(units[1].line, 3);
        let err = read("<xliff><file><body><trans-unit>", Path::new("q.xlf")).unwrap_err();
        assert!(err.to_string().starts_with("q.xlf:1:"), "{err}");
    }
}

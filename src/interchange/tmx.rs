//! TMX 1.4b, the translation-memory exchange format: the desk's memory out (Arabic source,
//! English target, a `<prop>` for where a unit comes from), a CAT tool's memory in.

use super::error_at;
use super::tbx::{Out, text};
use super::units::TmUnit;
use super::xml::{self, Element};
use crate::error::Result;
use quick_xml::events::{BytesDecl, Event};
use quick_xml::writer::Writer;
use std::io;
use std::path::Path;

/// Write `units` as a TMX 1.4b document.
pub fn write(units: &[TmUnit]) -> String {
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    write_document(&mut w, units).expect("writing to memory does not fail");
    let mut bytes = w.into_inner();
    bytes.push(b'\n');
    String::from_utf8(bytes).expect("quick-xml writes the UTF-8 it is given")
}

fn write_document(w: &mut Out, units: &[TmUnit]) -> io::Result<()> {
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    w.create_element("tmx")
        .with_attribute(("version", "1.4"))
        .write_inner_content(|w| {
            w.create_element("header")
                .with_attributes([
                    ("creationtool", "mizan"),
                    ("creationtoolversion", env!("CARGO_PKG_VERSION")),
                    ("segtype", "sentence"),
                    ("o-tmf", "mizan"),
                    ("adminlang", "en"),
                    ("srclang", "ar"),
                    ("datatype", "plaintext"),
                ])
                .write_empty()?;
            w.create_element("body").write_inner_content(|w| {
                for unit in units {
                    let mut tu = w.create_element("tu");
                    if let Some(id) = &unit.id {
                        tu = tu.with_attribute(("tuid", id.as_str()));
                    }
                    tu.write_inner_content(|w| {
                        for (kind, value) in &unit.props {
                            w.create_element("prop")
                                .with_attribute(("type", kind.as_str()))
                                .write_inner_content(|w| text(w, value))?;
                        }
                        for (lang, seg) in [("ar", &unit.source), ("en", &unit.target)] {
                            w.create_element("tuv")
                                .with_attribute(("xml:lang", lang))
                                .write_inner_content(|w| {
                                    w.create_element("seg")
                                        .write_inner_content(|w| text(w, seg))?;
                                    Ok(())
                                })?;
                        }
                        Ok(())
                    })?;
                }
                Ok(())
            })?;
            Ok(())
        })?;
    Ok(())
}

/// Read the Arabic–English units of a TMX document; units without both languages are left
/// out (a memory of other languages says nothing here).
pub fn read(text: &str, path: &Path) -> Result<Vec<TmUnit>> {
    let root = xml::parse(text, path)?;
    if root.name != "tmx" {
        return Err(error_at(
            path,
            text,
            root.offset,
            format!("not a TMX document (root <{}>)", root.name),
        ));
    }
    let mut tus = Vec::new();
    root.descendants("tu", &mut tus);
    let lang = |e: &Element| {
        e.attribute("xml:lang")
            .or_else(|| e.attribute("lang"))
            .unwrap_or("")
            .to_ascii_lowercase()
    };
    let is = |code: &str, base: &str| code == base || code.starts_with(&format!("{base}-"));
    let mut units = Vec::new();
    for tu in tus {
        let seg = |base: &str| {
            tu.children_named("tuv")
                .find(|t| is(&lang(t), base))
                .and_then(|t| t.child("seg"))
                .map(Element::text)
        };
        let (Some(source), Some(target)) = (seg("ar"), seg("en")) else {
            continue;
        };
        units.push(TmUnit {
            id: tu.attribute("tuid").map(str::to_string),
            source,
            target,
            props: tu
                .children_named("prop")
                .map(|p| (p.attribute("type").unwrap_or("").to_string(), p.text()))
                .collect(),
        });
    }
    Ok(units)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_memory_reads_back_as_written() {
        let units = vec![TmUnit {
            id: Some("44b042084c8294ab".into()),
            source: "فرض حالة الطوارئ من 5 إلى 19 يناير".into(),
            target: "declared a state of emergency from 5 to 19 January".into(),
            props: vec![("x-mizan-origin".into(), "desk".into())],
        }];
        let doc = write(&units);
        assert!(doc.contains("<tmx version=\"1.4\">"), "{doc}");
        assert_eq!(read(&doc, Path::new("m.tmx")).unwrap(), units);
    }

    #[test]
    fn other_languages_and_regional_codes() {
        let doc = r#"<tmx version="1.4"><header srclang="ar"/><body>
<tu><tuv xml:lang="ar-SA"><seg>نص</seg></tuv><tuv xml:lang="EN-GB"><seg>text</seg></tuv></tu>
<tu><tuv xml:lang="ar"><seg>نص</seg></tuv><tuv xml:lang="fr"><seg>texte</seg></tuv></tu>
</body></tmx>"#;
        let units = read(doc, Path::new("m.tmx")).unwrap();
        assert_eq!(units.len(), 1);
        assert_eq!(units[0].target, "text");
    }
}

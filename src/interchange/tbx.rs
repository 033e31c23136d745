//! The glossary as TBX-Basic (ISO 30042), the termbase exchange format of CAT tools.
//!
//! Export writes TBX-Basic in its ISO 30042:2008 form (`martif` / `termEntry` / `langSet` /
//! `tig`), which OmegaT, memoQ, Trados MultiTerm and most other CAT tools read. Import
//! accepts that form (with `tig`, or `ntig` / `termGrp`) and the ISO 30042:2019 form
//! (`tbx` / `conceptEntry` / `langSec` / `termSec`, DCA style, or DCT style where
//! `<basic:subjectField>` and `<basic:termType>` are elements). Elements are matched by local
//! name, so a namespace prefix does not matter.
//!
//! One entry is one concept:
//!
//! ```xml
//! <termEntry id="c1">
//!   <descrip type="subjectField">person</descrip>    <!-- kind, when there is one -->
//!   <note>President since 2019</note>                 <!-- note, when there is one -->
//!   <langSet xml:lang="ar">
//!     <tig><term>توكاييف</term><termNote type="termType">fullForm</termNote></tig>
//!     <tig><term>قاسم جومارت توكاييف</term><termNote type="termType">variant</termNote></tig>
//!   </langSet>
//!   <langSet xml:lang="en"><tig><term>Tokayev</term></tig></langSet>
//! </termEntry>
//! ```
//!
//! - The headword is the Arabic term marked `termType` `fullForm`; each variant is an
//!   Arabic term marked `variant`, in order. On import the headword is the first Arabic
//!   term whose `termType` is not `variant` (or the first Arabic term if all are), and
//!   every other Arabic term is a variant, in document order.
//! - The English is the term of the English `langSet`. When an entry has several English
//!   terms, the first is used and the others are ignored: an entry has one English.
//! - `kind` is the concept-level `<descrip type="subjectField">`: the TBX-Basic data
//!   category for a free-text classification of the concept (TBX-Basic's `partOfSpeech`
//!   is a closed list of word classes, so it cannot hold `person` or `event`). The first
//!   one is used.
//! - `note` is the concept-level `<note>` (TBX-Basic allows `note` on the entry, the
//!   language section and the term; only the entry's is read). Several entry notes are
//!   joined by a line break.
//! - Language codes `ar`, `ar-*`, `en` and `en-*` are recognised case-insensitively; other
//!   languages, notes and other data categories on languages and terms, definitions,
//!   transactions and cross-references are ignored. An entry without an Arabic or an
//!   English term is an error at its line.
//! - `[meta]` goes in the header, one field per place, so the round trip keeps all four:
//!   `name` is `titleStmt/title`, `maintainer` is `publicationStmt/p[@type="maintainer"]`,
//!   `description` is `sourceDesc/p[@type="description"]` and `updated` is
//!   `revisionDesc/change/p[@type="updated"]`. Import reads the title and any header `<p>`
//!   whose `type` is one of those three names. A `[meta]` with no fields reads back as none.
//! - Text is escaped, and CR is written as `&#13;` so that it survives XML's line-end
//!   normalization. Characters XML 1.0 cannot hold at all (control characters other than
//!   tab, LF and CR; U+FFFE; U+FFFF) are written as U+FFFD.
//! - The document has no `DOCTYPE`: CAT tools do not need one and some fail to fetch a DTD

use super::{error_at, non_blank, non_empty};
use crate::error::{Error, Result};
use crate::glossary::{Entry, Glossary, Meta};
use quick_xml::XmlVersion;
use quick_xml::escape::partial_escape;
use quick_xml::events::attributes::AttrError;
use quick_xml::events::{BytesDecl, BytesRef, BytesStart, BytesText, Event};
use quick_xml::reader::Reader;
use quick_xml::writer::Writer;
use std::io;
use std::path::Path;

/// Write a glossary as a TBX-Basic document.
pub fn write(glossary: &Glossary) -> String {
    let mut writer = Writer::new_with_indent(Vec::new(), b' ', 2);
    write_document(&mut writer, glossary).expect("writing to memory does not fail");
    let mut bytes = writer.into_inner();
    // The indenting writer does not end the last line.
    bytes.push(b'\n');
    String::from_utf8(bytes).expect("quick-xml writes the UTF-8 it is given")
}

/// Read a glossary from a TBX document (2008 or 2019 form); `path` names the text in errors.
pub fn read(text: &str, path: &Path) -> Result<Glossary> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    import_tbx(text, path)
}

// ---------------------------------------------------------------------------------------------
// TBX export

pub(crate) type Out = Writer<Vec<u8>>;

fn write_document(w: &mut Out, glossary: &Glossary) -> io::Result<()> {
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    w.create_element("martif")
        .with_attributes([("type", "TBX-Basic"), ("xml:lang", "en")])
        .write_inner_content(|w| {
            write_header(w, &glossary.meta.clone().unwrap_or_default())?;
            w.create_element("text").write_inner_content(|w| {
                w.create_element("body").write_inner_content(|w| {
                    for (i, entry) in glossary.terms.iter().enumerate() {
                        write_entry(w, &format!("c{}", i + 1), entry)?;
                    }
                    Ok(())
                })?;
                Ok(())
            })?;
            Ok(())
        })?;
    Ok(())
}

/// `martifHeader`: `[meta]`, one field per place, and the XCS the document follows.
fn write_header(w: &mut Out, meta: &Meta) -> io::Result<()> {
    w.create_element("martifHeader").write_inner_content(|w| {
        w.create_element("fileDesc").write_inner_content(|w| {
            if let Some(name) = &meta.name {
                w.create_element("titleStmt")
                    .write_inner_content(|w| leaf(w, "title", None, name))?;
            }
            if let Some(maintainer) = &meta.maintainer {
                w.create_element("publicationStmt")
                    .write_inner_content(|w| leaf(w, "p", Some("maintainer"), maintainer))?;
            }
            w.create_element("sourceDesc").write_inner_content(|w| {
                leaf(w, "p", None, "mizan glossary")?;
                if let Some(description) = &meta.description {
                    leaf(w, "p", Some("description"), description)?;
                }
                Ok(())
            })?;
            Ok(())
        })?;
        w.create_element("encodingDesc")
            .write_inner_content(|w| leaf(w, "p", Some("XCSURI"), "TBXBasicXCSV02.xcs"))?;
        if let Some(updated) = &meta.updated {
            w.create_element("revisionDesc").write_inner_content(|w| {
                w.create_element("change")
                    .write_inner_content(|w| leaf(w, "p", Some("updated"), updated))?;
                Ok(())
            })?;
        }
        Ok(())
    })?;
    Ok(())
}

/// One `termEntry`: kind and note on the concept, the Arabic terms, then the English one.
fn write_entry(w: &mut Out, id: &str, entry: &Entry) -> io::Result<()> {
    w.create_element("termEntry")
        .with_attribute(("id", id))
        .write_inner_content(|w| {
            if let Some(kind) = &entry.kind {
                leaf(w, "descrip", Some("subjectField"), kind)?;
            }
            if let Some(gloss) = entry.gloss {
                leaf(w, "descrip", Some("x-mizan-gloss"), &gloss.to_string())?;
            }
            if let Some(note) = &entry.note {
                leaf(w, "note", None, note)?;
            }
            w.create_element("langSet")
                .with_attribute(("xml:lang", "ar"))
                .write_inner_content(|w| {
                    let arabic = std::iter::once((&entry.ar, "fullForm"))
                        .chain(entry.variants.iter().map(|v| (v, "variant")));
                    for (term, term_type) in arabic {
                        w.create_element("tig").write_inner_content(|w| {
                            leaf(w, "term", None, term)?;
                            leaf(w, "termNote", Some("termType"), term_type)?;
                            Ok(())
                        })?;
                    }
                    Ok(())
                })?;
            w.create_element("langSet")
                .with_attribute(("xml:lang", "en"))
                .write_inner_content(|w| {
                    // The rendering first; the other accepted renderings after it.
                    for en in std::iter::once(&entry.en).chain(&entry.also) {
                        w.create_element("tig")
                            .write_inner_content(|w| leaf(w, "term", None, en))?;
                    }
                    Ok(())
                })?;
            Ok(())
        })?;
    Ok(())
}

/// `<name>value</name>`, or `<name type="…">value</name>`, on one line.
fn leaf(w: &mut Out, name: &str, type_attribute: Option<&str>, value: &str) -> io::Result<()> {
    let mut element = w.create_element(name);
    if let Some(type_attribute) = type_attribute {
        element = element.with_attribute(("type", type_attribute));
    }
    element.write_inner_content(|w| text(w, value))?;
    Ok(())
}

/// Element text, escaped as mizan's TBX has always been: quick-xml's `partial_escape` takes
/// `<`, `>`, `&` and CR (as `&#13;`, which survives XML's line-end normalization), and `"`
/// goes out as the `&quot;` reference (`partial_escape` leaves it, and the full `escape`
/// would also turn `'` into `&apos;`; either would change the bytes of every export).
/// Characters XML 1.0 cannot hold at all become U+FFFD.
pub(crate) fn text(w: &mut Out, value: &str) -> io::Result<()> {
    let value = value.replace(
        |c: char| {
            matches!(c, '\u{0}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}')
                && !matches!(c, '\t' | '\n' | '\r')
        },
        "\u{FFFD}",
    );
    // Text events between the references (even empty ones) keep the indenting writer from
    // breaking the line before a reference or the closing tag.
    for (i, run) in value.split('"').enumerate() {
        if i > 0 {
            w.write_event(Event::GeneralRef(BytesRef::new("quot")))?;
        }
        w.write_event(Event::Text(BytesText::from_escaped(partial_escape(run))))?;
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// TBX import

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lang {
    Arabic,
    English,
    Other,
}

impl Lang {
    fn of(code: &str) -> Lang {
        let code = code.trim().to_ascii_lowercase();
        let is = |base: &str| {
            code == base
                || code
                    .strip_prefix(base)
                    .is_some_and(|rest| rest.starts_with(['-', '_']))
        };
        if is("ar") {
            Lang::Arabic
        } else if is("en") {
            Lang::English
        } else {
            Lang::Other
        }
    }
}

/// What the text being collected is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    Title,
    Description,
    Maintainer,
    Updated,
    Kind,
    Gloss,
    Note,
    Term,
    TermType,
}

/// Text collected from an element, until the element closes.
struct Capture {
    target: Target,
    /// Depth of the element, counting the root as 1.
    depth: usize,
    text: String,
}

/// A concept entry being read.
struct EntryBuilder {
    /// `termEntry` or `conceptEntry`, for messages.
    element: String,
    offset: usize,
    depth: usize,
    kind: Option<String>,
    /// `<descrip type="x-mizan-gloss">`.
    gloss: Option<bool>,
    notes: Vec<String>,
    arabic: Vec<(String, Option<String>)>,
    english: Vec<String>,
}

impl EntryBuilder {
    fn build(self, text: &str, path: &Path) -> Result<Entry> {
        let section = if self.element == "conceptEntry" {
            "langSec"
        } else {
            "langSet"
        };
        let missing = |language: &str, code: &str| {
            error_at(
                path,
                text,
                self.offset,
                format!(
                    "{} without an {language} term (expected a <{section} xml:lang=\"{code}\"> \
                     with a <term>)",
                    self.element
                ),
            )
        };
        if self.arabic.is_empty() {
            return Err(missing("Arabic", "ar"));
        }
        let Some(en) = self.english.first().cloned() else {
            return Err(missing("English", "en"));
        };
        let is_variant = |term_type: &Option<String>| {
            term_type
                .as_deref()
                .is_some_and(|t| t.eq_ignore_ascii_case("variant"))
        };
        let head = self
            .arabic
            .iter()
            .position(|(_, term_type)| !is_variant(term_type))
            .unwrap_or(0);
        let mut arabic = self.arabic;
        let (ar, _) = arabic.remove(head);
        let note = self.notes.join("\n");
        Ok(Entry {
            ar,
            en,
            kind: self.kind,
            variants: arabic.into_iter().map(|(term, _)| term).collect(),
            note: non_blank(&note),
            also: self.english.get(1..).unwrap_or_default().to_vec(),
            gloss: self.gloss,
        })
    }
}

/// Everything the TBX reader keeps between events.
struct TbxState<'t> {
    text: &'t str,
    path: &'t Path,
    /// Local names of the open elements, root first.
    stack: Vec<String>,
    root_seen: bool,
    header_depth: Option<usize>,
    meta: Meta,
    terms: Vec<Entry>,
    entry: Option<EntryBuilder>,
    /// The language of the open `langSet` / `langSec`, with its depth.
    lang: Option<(Lang, usize)>,
    /// The open `tig` / `ntig` / `termSec`: its depth, term and term type.
    term: Option<(usize, Option<String>, Option<String>)>,
    capture: Option<Capture>,
}

impl TbxState<'_> {
    fn error(&self, offset: usize, message: impl Into<String>) -> Error {
        error_at(self.path, self.text, offset, message)
    }

    /// Every attribute of a tag, by qualified name, unescaped; malformed or repeated
    /// attributes are errors.
    fn attributes(&self, start: &BytesStart, offset: usize) -> Result<Vec<(String, String)>> {
        let mut attributes = Vec::new();
        for attribute in start.attributes() {
            let attribute = attribute.map_err(|e| {
                // Positions count from just after the tag's `<`.
                let (at, message) = match e {
                    AttrError::ExpectedEq(at) => (at, "an attribute name must be followed by `=`"),
                    AttrError::ExpectedValue(at) => (at, "`=` must be followed by a value"),
                    AttrError::UnquotedValue(at) => (at, "an attribute value must be quoted"),
                    AttrError::ExpectedQuote(at, _) => (at, "an attribute value is not closed"),
                    AttrError::Duplicated(at, _) => (at, "an attribute is repeated"),
                };
                self.error(offset + 1 + at, format!("malformed XML: {message}"))
            })?;
            let value = attribute
                .normalized_value(XmlVersion::Implicit1_0)
                .map_err(|e| self.error(offset, format!("malformed XML: {e}")))?;
            attributes.push((attribute.key.as_ref().to_string(), value.into_owned()));
        }
        Ok(attributes)
    }

    fn start(&mut self, start: &BytesStart, offset: usize) -> Result<()> {
        let name = start.local_name().as_ref().to_string();
        if start.name().as_ref().is_empty() {
            return Err(self.error(offset, "malformed XML: a tag without a name"));
        }
        let attributes = self.attributes(start, offset)?;
        let attribute = |key: &str| {
            attributes
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.as_str())
        };
        let parent = self.stack.last().cloned();
        self.stack.push(name.clone());
        let depth = self.stack.len();
        if depth == 1 {
            if self.root_seen {
                return Err(self.error(offset, "malformed XML: a second root element"));
            }
            self.root_seen = true;
            if name != "martif" && name != "tbx" {
                return Err(self.error(
                    offset,
                    format!(
                        "not a TBX document: the root element is <{name}>, expected <martif> \
                         (TBX 2008) or <tbx> (TBX 2019)"
                    ),
                ));
            }
            return Ok(());
        }
        if self.capture.is_some() {
            // Inline markup such as <hi> inside a note or term: keep collecting its text.
            return Ok(());
        }
        let target = match name.as_str() {
            "martifHeader" | "tbxHeader" if self.header_depth.is_none() => {
                self.header_depth = Some(depth);
                None
            }
            "title" if self.header_depth.is_some() && parent.as_deref() == Some("titleStmt") => {
                Some(Target::Title)
            }
            "p" if self.header_depth.is_some() => match attribute("type") {
                Some("description") => Some(Target::Description),
                Some("maintainer") => Some(Target::Maintainer),
                Some("updated") => Some(Target::Updated),
                _ => None,
            },
            "termEntry" | "conceptEntry" => {
                if self.entry.is_some() {
                    return Err(self.error(offset, format!("<{name}> inside another entry")));
                }
                self.entry = Some(EntryBuilder {
                    element: name.clone(),
                    offset,
                    depth,
                    kind: None,
                    gloss: None,
                    notes: Vec::new(),
                    arabic: Vec::new(),
                    english: Vec::new(),
                });
                None
            }
            "langSet" | "langSec" if self.entry.is_some() => {
                let Some(code) = attribute("xml:lang") else {
                    return Err(self.error(offset, format!("<{name}> without xml:lang")));
                };
                self.lang = Some((Lang::of(code), depth));
                None
            }
            "tig" | "ntig" | "termSec" if self.lang.is_some() => {
                self.term = Some((depth, None, None));
                None
            }
            "term" if self.term.is_some() => Some(Target::Term),
            "termNote" if self.term.is_some() => {
                (attribute("type") == Some("termType")).then_some(Target::TermType)
            }
            "termType" if self.term.is_some() => Some(Target::TermType),
            "descrip" if self.entry.is_some() && self.lang.is_none() => match attribute("type") {
                Some("subjectField") => Some(Target::Kind),
                Some("x-mizan-gloss") => Some(Target::Gloss),
                _ => None,
            },
            "subjectField" if self.entry.is_some() && self.lang.is_none() => Some(Target::Kind),
            "note" if self.entry.as_ref().is_some_and(|e| e.depth + 1 == depth) => {
                Some(Target::Note)
            }
            _ => None,
        };
        if let Some(target) = target {
            self.capture = Some(Capture {
                target,
                depth,
                text: String::new(),
            });
        }
        Ok(())
    }

    fn end(&mut self) -> Result<()> {
        let depth = self.stack.len();
        if let Some(capture) = self.capture.take_if(|c| c.depth == depth) {
            self.finish(capture);
        }
        if self.term.as_ref().is_some_and(|(d, _, _)| *d == depth) {
            let (_, term, term_type) = self.term.take().expect("checked");
            if let (Some(term), Some((lang, _)), Some(entry)) = (
                term.as_deref().and_then(non_empty),
                self.lang,
                &mut self.entry,
            ) {
                match lang {
                    Lang::Arabic => entry.arabic.push((term, term_type)),
                    Lang::English => entry.english.push(term),
                    Lang::Other => {}
                }
            }
        }
        if self.lang.is_some_and(|(_, d)| d == depth) {
            self.lang = None;
        }
        if self.header_depth == Some(depth) {
            self.header_depth = None;
        }
        if self.entry.as_ref().is_some_and(|e| e.depth == depth) {
            let entry = self.entry.take().expect("checked");
            self.terms.push(entry.build(self.text, self.path)?);
        }
        self.stack.pop();
        Ok(())
    }

    fn finish(&mut self, capture: Capture) {
        let Capture { target, text, .. } = capture;
        let first = |slot: &mut Option<String>, value: Option<String>| {
            if slot.is_none() {
                *slot = value;
            }
        };
        match target {
            Target::Title => first(&mut self.meta.name, non_blank(&text)),
            Target::Description => first(&mut self.meta.description, non_blank(&text)),
            Target::Maintainer => first(&mut self.meta.maintainer, non_blank(&text)),
            Target::Updated => first(&mut self.meta.updated, non_blank(&text)),
            Target::Kind => {
                if let Some(entry) = &mut self.entry {
                    first(&mut entry.kind, non_empty(&text));
                }
            }
            Target::Note => {
                if let Some(entry) = &mut self.entry {
                    entry.notes.push(text);
                }
            }
            Target::Gloss => {
                if let Some(entry) = &mut self.entry {
                    entry.gloss = match text.trim() {
                        "false" => Some(false),
                        "true" => Some(true),
                        _ => None,
                    };
                }
            }
            Target::Term => {
                if let Some((_, term, _)) = &mut self.term {
                    first(term, Some(text));
                }
            }
            Target::TermType => {
                if let Some((_, _, term_type)) = &mut self.term {
                    first(term_type, non_empty(&text));
                }
            }
        }
    }

    fn push_text(&mut self, text: &str) {
        if let Some(capture) = &mut self.capture {
            capture.text.push_str(text);
        }
    }
}

fn import_tbx(text: &str, path: &Path) -> Result<Glossary> {
    let mut reader = Reader::from_str(text);
    let mut state = TbxState {
        text,
        path,
        stack: Vec::new(),
        root_seen: false,
        header_depth: None,
        meta: Meta::default(),
        terms: Vec::new(),
        entry: None,
        lang: None,
        term: None,
        capture: None,
    };
    loop {
        let offset = usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
        let event = match reader.read_event() {
            Ok(event) => event,
            Err(e) => {
                let at = usize::try_from(reader.error_position()).unwrap_or(usize::MAX);
                return Err(state.error(at, format!("malformed XML: {e}")));
            }
        };
        match event {
            Event::Start(start) => state.start(&start, offset)?,
            Event::Empty(start) => {
                state.start(&start, offset)?;
                state.end()?;
            }
            Event::End(_) => {
                if state.stack.is_empty() {
                    return Err(
                        state.error(offset, "malformed XML: a closing tag with no open tag")
                    );
                }
                state.end()?;
            }
            Event::Text(t) => {
                if state.stack.is_empty() && !t.trim().is_empty() {
                    return Err(state.error(offset, "malformed XML: text outside the root element"));
                }
                state.push_text(&t.xml10_content());
            }
            Event::CData(c) => state.push_text(&c.xml10_content()),
            Event::GeneralRef(r) => {
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    Ok(None) => match quick_xml::escape::resolve_predefined_entity(&r) {
                        Some(s) => s.to_string(),
                        None => {
                            return Err(state.error(
                                offset,
                                format!("malformed XML: unknown entity '&{};'", &*r),
                            ));
                        }
                    },
                    Err(e) => return Err(state.error(offset, format!("malformed XML: {e}"))),
                };
                state.push_text(&resolved);
            }
            Event::Eof => break,
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) | Event::DocType(_) => {}
        }
    }
    if let Some(open) = state.stack.last() {
        return Err(state.error(
            text.len(),
            format!("malformed XML: <{open}> is not closed at the end of the file"),
        ));
    }
    if !state.root_seen {
        return Err(state.error(0, "not a TBX document: no root element"));
    }
    let meta = state.meta;
    let has_meta = meta.name.is_some()
        || meta.description.is_some()
        || meta.maintainer.is_some()
        || meta.updated.is_some();
    Ok(Glossary {
        meta: has_meta.then_some(meta),
        terms: state.terms,
    })
}

#[cfg(test)]
mod tests {
    use crate::glossary::{Entry, Glossary, Meta};
    use crate::interchange::testing::{err, read, sample};
    use crate::interchange::{Format, export};

    #[test]
    fn tbx_round_trip_keeps_entries_and_meta() {
        let g = sample();
        let text = export(&g, Format::Tbx).unwrap();
        assert!(text.contains("<title>Kazakhstan desk &lt;Astana &amp; Almaty&gt;</title>"));
        assert!(
            text.contains("<note>a &lt; b &amp;&amp; c &gt; d</note>"),
            "{text}"
        );
        assert_eq!(read(&text, Format::Tbx), g);
    }

    #[test]
    fn tbx_carries_other_renderings_and_gloss_false() {
        let mut g = sample();
        g.terms[0].also = vec!["head".into()];
        g.terms[0].gloss = Some(false);
        let text = export(&g, Format::Tbx).unwrap();
        assert!(
            text.contains("<descrip type=\"x-mizan-gloss\">false</descrip>"),
            "{text}"
        );
        assert_eq!(read(&text, Format::Tbx), g);
    }

    #[test]
    fn tbx_round_trip_of_awkward_text() {
        let g = Glossary {
            meta: Some(Meta {
                updated: Some("today".into()),
                ..Meta::default()
            }),
            terms: vec![Entry {
                gloss: None,
                also: Vec::new(),
                ar: "مُحَمَّد".into(),
                en: "Muhammad".into(),
                kind: Some("person & title".into()),
                variants: vec!["محمد".into()],
                note: Some("line one\r\nline two\n\ttabbed ]]> 'quoted' \"double\"".into()),
            }],
        };
        assert_eq!(read(&export(&g, Format::Tbx).unwrap(), Format::Tbx), g);
        let empty = Glossary::default();
        assert_eq!(
            read(&export(&empty, Format::Tbx).unwrap(), Format::Tbx),
            empty
        );
    }

    #[test]
    fn malformed_xml_has_a_position() {
        let tbx = "<martif type=\"TBX-Basic\">\n  <text><body>\n    <termEntry>\n    </tig>\n";
        let e = err(tbx, Format::Tbx);
        assert_eq!(
            e,
            "g.tbx:4:5: malformed XML: ill-formed document: expected `</termEntry>`, but \
             `</tig>` was found"
        );
        let e = err("<martif><text>", Format::Tbx);
        assert!(e.starts_with("g.tbx:1:"), "{e}");
        assert!(e.contains("malformed XML"), "{e}");
        assert_eq!(
            err(
                "<martif>\n  <text id=\"a\" id=\"b\"/>\n</martif>",
                Format::Tbx
            ),
            "g.tbx:2:16: malformed XML: an attribute is repeated"
        );
        assert_eq!(
            err("<martif>\n  <text>< body></text></martif>", Format::Tbx),
            "g.tbx:2:9: malformed XML: a tag without a name"
        );
        assert_eq!(
            err("<martif>&nbsp;</martif>", Format::Tbx),
            "g.tbx:1:9: malformed XML: unknown entity '&nbsp;'"
        );
        assert_eq!(
            err("<glossary/>", Format::Tbx),
            "g.tbx:1:1: not a TBX document: the root element is <glossary>, expected <martif> \
             (TBX 2008) or <tbx> (TBX 2019)"
        );
    }

    #[test]
    fn term_entry_without_english() {
        let tbx = r#"<?xml version="1.0"?>
<martif type="TBX-Basic" xml:lang="en">
  <text>
    <body>
      <termEntry id="c1">
        <langSet xml:lang="ar"><tig><term>أستانا</term></tig></langSet>
        <langSet xml:lang="en"><tig><term>Astana</term></tig></langSet>
      </termEntry>
      <termEntry id="c2">
        <langSet xml:lang="ar"><tig><term>توكاييف</term></tig></langSet>
        <langSet xml:lang="fr"><tig><term>Tokaïev</term></tig></langSet>
      </termEntry>
    </body>
  </text>
</martif>
"#;
        assert_eq!(
            err(tbx, Format::Tbx),
            "g.tbx:9:7: termEntry without an English term (expected a <langSet xml:lang=\"en\"> \
             with a <term>)"
        );
        let no_arabic = tbx.replace(
            "xml:lang=\"ar\"><tig><term>أستانا",
            "xml:lang=\"ar\"><tig><term> ",
        );
        assert_eq!(
            err(&no_arabic, Format::Tbx),
            "g.tbx:5:7: termEntry without an Arabic term (expected a <langSet xml:lang=\"ar\"> \
             with a <term>)"
        );
    }

    #[test]
    fn reads_tbx_2008_with_ntig_and_several_terms() {
        let tbx = r#"<martif type="TBX-Basic" xml:lang="en"><martifHeader><fileDesc>
<sourceDesc><p>from a CAT tool</p></sourceDesc></fileDesc></martifHeader>
<text><body><termEntry id="t9">
  <descripGrp><descrip type="subjectField">org</descrip></descripGrp>
  <note>first</note><note>second</note>
  <langSet xml:lang="AR-eg">
    <ntig><termGrp><term>الأمم المتحدة</term><termNote type="termType">variant</termNote></termGrp></ntig>
    <ntig><termGrp><term>هيئة الأمم المتحدة</term><termNote type="termType">fullForm</termNote></termGrp></ntig>
    <tig><term>الامم المتحدة</term><note>no hamza</note></tig>
  </langSet>
  <langSet xml:lang="en-GB"><tig><term>United Nations</term></tig><tig><term>UN</term></tig></langSet>
  <langSet xml:lang="de"><tig><term>Vereinte Nationen</term></tig></langSet>
</termEntry></body></text></martif>"#;
        let g = read(tbx, Format::Tbx);
        assert_eq!(g.meta, None);
        assert_eq!(
            g.terms,
            [Entry {
                gloss: None,
                // A second English term is another accepted rendering.
                also: vec!["UN".into()],
                ar: "هيئة الأمم المتحدة".into(),
                en: "United Nations".into(),
                kind: Some("org".into()),
                variants: vec!["الأمم المتحدة".into(), "الامم المتحدة".into()],
                note: Some("first\nsecond".into()),
            }]
        );
    }

    #[test]
    fn reads_a_hand_written_tbx_2019_document() {
        let tbx = include_str!("../../tests/fixtures/glossary/exchange/basic-2019.tbx");
        let g = read(tbx, Format::Tbx);
        assert_eq!(
            g.meta,
            Some(Meta {
                name: Some("Central Asia desk".into()),
                ..Meta::default()
            })
        );
        assert_eq!(
            g.terms,
            [
                Entry {
                    gloss: None,
                    also: Vec::new(),
                    ar: "قاسم جومارت توكاييف".into(),
                    en: "Kassym-Jomart Tokayev".into(),
                    kind: Some("person".into()),
                    variants: vec!["توكاييف".into()],
                    note: Some("President since 2019 & head of state".into()),
                },
                Entry {
                    gloss: None,
                    also: Vec::new(),
                    ar: "مجلس الأمن".into(),
                    en: "Security Council".into(),
                    kind: Some("org".into()),
                    variants: vec![],
                    note: None,
                },
            ]
        );
    }
}

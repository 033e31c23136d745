//! A small element tree read with quick-xml, for the translation formats (XLIFF, TMX), whose
//! readers walk elements rather than events. Entities and character references are resolved;
//! comments, processing instructions and the declaration are skipped.

use super::error_at;
use crate::error::Result;
use quick_xml::events::{BytesStart, Event};
use quick_xml::reader::Reader;
use std::path::Path;

#[derive(Debug, Clone, Default)]
pub struct Element {
    /// The local name (`trans-unit`, `seg`), without a namespace prefix.
    pub name: String,
    /// Attributes by qualified name (`id`, `xml:lang`).
    pub attributes: Vec<(String, String)>,
    pub children: Vec<Node>,
    /// Byte offset of the start tag, for messages.
    pub offset: usize,
}

#[derive(Debug, Clone)]
pub enum Node {
    Element(Element),
    Text(String),
}

impl Element {
    pub fn attribute(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|n| match n {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    pub fn child(&self, name: &str) -> Option<&Element> {
        self.elements().find(|e| e.name == name)
    }

    pub fn children_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Element> {
        self.elements().filter(move |e| e.name == name)
    }

    /// Every descendant named `name`, in document order.
    pub fn descendants<'a>(&'a self, name: &str, out: &mut Vec<&'a Element>) {
        for e in self.elements() {
            if e.name == name {
                out.push(e);
            }
            e.descendants(name, out);
        }
    }

    /// The text content, inline elements' text included (XLIFF's `<g>`, `<mrk>`).
    pub fn text(&self) -> String {
        let mut out = String::new();
        for node in &self.children {
            match node {
                Node::Text(t) => out.push_str(t),
                Node::Element(e) => out.push_str(&e.text()),
            }
        }
        out
    }
}

fn element(start: &BytesStart<'_>, offset: usize, text: &str, path: &Path) -> Result<Element> {
    let mut attributes = Vec::new();
    for attribute in start.attributes() {
        let attribute =
            attribute.map_err(|e| error_at(path, text, offset, format!("malformed XML: {e}")))?;
        let value = attribute
            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .map_err(|e| error_at(path, text, offset, format!("malformed XML: {e}")))?;
        attributes.push((attribute.key.as_ref().to_string(), value.into_owned()));
    }
    Ok(Element {
        name: start.local_name().as_ref().to_string(),
        attributes,
        children: Vec::new(),
        offset,
    })
}

/// Parse `text` into its root element; `path` names it in errors.
pub fn parse(text: &str, path: &Path) -> Result<Element> {
    let body = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let mut reader = Reader::from_str(body);
    let mut stack: Vec<Element> = Vec::new();
    let mut root: Option<Element> = None;
    let error = |at: usize, message: String| error_at(path, body, at, message);
    loop {
        let offset = usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
        let event = match reader.read_event() {
            Ok(event) => event,
            Err(e) => {
                let at = usize::try_from(reader.error_position()).unwrap_or(usize::MAX);
                return Err(error(at, format!("malformed XML: {e}")));
            }
        };
        let push_text = |stack: &mut Vec<Element>, t: String| -> Result<()> {
            match stack.last_mut() {
                Some(top) => {
                    match top.children.last_mut() {
                        Some(Node::Text(last)) => last.push_str(&t),
                        _ => top.children.push(Node::Text(t)),
                    }
                    Ok(())
                }
                None if t.trim().is_empty() => Ok(()),
                None => Err(error(
                    offset,
                    "malformed XML: text outside the root element".into(),
                )),
            }
        };
        match event {
            Event::Start(start) => stack.push(element(&start, offset, body, path)?),
            Event::Empty(start) => {
                let e = element(&start, offset, body, path)?;
                match stack.last_mut() {
                    Some(top) => top.children.push(Node::Element(e)),
                    None => root = Some(e),
                }
            }
            Event::End(_) => {
                let Some(done) = stack.pop() else {
                    return Err(error(
                        offset,
                        "malformed XML: a closing tag with no open tag".into(),
                    ));
                };
                match stack.last_mut() {
                    Some(top) => top.children.push(Node::Element(done)),
                    None => root = Some(done),
                }
            }
            Event::Text(t) => {
                push_text(&mut stack, t.xml10_content().into_owned())?;
            }
            Event::CData(c) => {
                push_text(&mut stack, c.xml10_content().into_owned())?;
            }
            Event::GeneralRef(r) => {
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    Ok(None) => match quick_xml::escape::resolve_predefined_entity(&r) {
                        Some(s) => s.to_string(),
                        None => {
                            return Err(error(
                                offset,
                                format!("malformed XML: unknown entity '&{};'", &*r),
                            ));
                        }
                    },
                    Err(e) => return Err(error(offset, format!("malformed XML: {e}"))),
                };
                push_text(&mut stack, resolved)?;
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if let Some(open) = stack.last() {
        return Err(error(
            body.len(),
            format!(
                "malformed XML: <{}> is not closed at the end of the file",
                open.name
            ),
        ));
    }
    root.ok_or_else(|| error(0, "not an XML document: no root element".into()))
}

//! Reading `glossary.toml` strictly: bad TOML, a missing field, a wrong type or an unknown key
//! is one message with `file:line:column`.

use super::{ENTRY_FIELDS, Glossary, META_FIELDS};
use crate::error::{Error, FileKind, Location, Result};
use crate::files::utf8_text;
use std::path::Path;

/// Load and check a glossary file.
pub fn load(path: &Path) -> Result<Glossary> {
    let bytes = std::fs::read(path)
        .map_err(|source| Error::reading(path, source).in_file(FileKind::Glossary))?;
    parse(&utf8(bytes, path)?, path)
}

/// A glossary file's bytes as text; invalid UTF-8 is an error at its line and column.
pub(crate) fn utf8(bytes: Vec<u8>, path: &Path) -> Result<String> {
    utf8_text(bytes, path, FileKind::Glossary)
}

/// Parse glossary text; `path` names it in errors.
pub fn parse(text: &str, path: &Path) -> Result<Glossary> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let glossary: Glossary = toml::from_str(text).map_err(|e| {
        Error::invalid(
            FileKind::Glossary,
            Location::span(path, text, e.span().unwrap_or(0..0)),
            explain(e.message()),
        )
    })?;
    check_meta_first(text, path)?;
    Ok(glossary)
}

/// `[meta]`, when present, comes before the first `[[term]]`, where a reader looks for it.
fn check_meta_first(text: &str, path: &Path) -> Result<()> {
    // Table headers only, not the words in comments or strings.
    let header_line = |name: &str| {
        text.lines()
            .position(|l| l.trim() == name || l.trim().starts_with(&format!("{name} ")))
    };
    if let (Some(meta), Some(term)) = (header_line("[meta]"), header_line("[[term]]"))
        && meta > term
    {
        return Err(Error::invalid(
            FileKind::Glossary,
            Location::line_column(path, meta + 1, 1),
            "[meta] must come before the first [[term]]",
        ));
    }
    Ok(())
}

/// serde's messages, in the glossary's words.
fn explain(message: &str) -> String {
    let message = message.trim();
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let key = rest.split('`').next().unwrap_or(rest);
        let expected = if META_FIELDS.iter().any(|f| rest.contains(&format!("`{f}`")))
            && !rest.contains("`ar`")
        {
            META_FIELDS
        } else if rest.contains("`term`") {
            &["meta", "term"][..]
        } else {
            ENTRY_FIELDS
        };
        return format!("unknown key '{key}' (expected {})", expected.join(", "));
    }
    if let Some(rest) = message.strip_prefix("missing field `") {
        let key = rest.split('`').next().unwrap_or(rest);
        return format!("missing required key '{key}' in this [[term]]");
    }
    message.replace('`', "'")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> String {
        parse(text, Path::new("g.toml")).unwrap_err().to_string()
    }

    #[test]
    fn reads_entries_and_meta() {
        let g = parse(
            "[meta]\nname = \"desk\"\n\n# people\n[[term]]\nar = \"توكاييف\"\nen = \"Tokayev\"\nkind = \"person\"\nvariants = [\"قاسم جومارت توكاييف\"]\n",
            Path::new("g.toml"),
        )
        .unwrap();
        assert_eq!(g.meta.unwrap().name.as_deref(), Some("desk"));
        assert_eq!(g.terms.len(), 1);
        assert_eq!(g.terms[0].variants, ["قاسم جومارت توكاييف"]);
    }

    #[test]
    fn unknown_key_names_the_place_and_the_expected_keys() {
        let e = err("[[term]]\nar = \"x\"\nen = \"y\"\nenglish = \"z\"\n");
        assert_eq!(
            e,
            "g.toml:4:1: unknown key 'english' (expected ar, en, kind, variants, note, also, gloss)"
        );
    }

    #[test]
    fn missing_field_is_reported_on_its_table() {
        let e = err("[[term]]\nar = \"x\"\nen = \"y\"\n\n[[term]]\nen = \"y\"\n");
        assert_eq!(e, "g.toml:5:1: missing required key 'ar' in this [[term]]");
    }

    #[test]
    fn wrong_type_and_bad_toml_have_positions() {
        let e = err("[[term]]\nar = \"x\"\nen = \"y\"\nvariants = \"z\"\n");
        assert!(e.starts_with("g.toml:4:"), "{e}");
        let e = err("[[term]]\nar = \"x\nen = \"y\"\n");
        assert!(e.starts_with("g.toml:2:"), "{e}");
    }

    #[test]
    fn unknown_top_level_table_and_meta_key() {
        assert!(err("[terms]\nar = \"x\"\n").contains("unknown key 'terms' (expected meta, term)"));
        assert!(
            err("[meta]\nowner = \"x\"\n")
                .contains("unknown key 'owner' (expected name, description, maintainer, updated)")
        );
    }

    #[test]
    fn headers_named_in_comments_do_not_count() {
        let g = parse(
            "# [[term]] tables follow [meta]\n[meta]\nname = \"n\"\n[[term]]\nar = \"x\"\nen = \"y\"\n",
            Path::new("g.toml"),
        );
        assert!(g.is_ok(), "{g:?}");
    }

    #[test]
    fn meta_after_terms_is_refused() {
        let e = err("[[term]]\nar = \"x\"\nen = \"y\"\n\n[meta]\nname = \"n\"\n");
        assert_eq!(e, "g.toml:5:1: [meta] must come before the first [[term]]");
    }
}

//! What the briefing and the review share to render through minijinja templates: escaping
//! article text for Markdown and for HTML inside Markdown, and template errors that name the
//! template and line.

pub(crate) mod escape;

use crate::error::{Error, FileKind, Location};
use minijinja::{Environment, UndefinedBehavior};
use std::path::Path;

/// A template environment as mizan's templates expect it: an undefined field is an error (a
/// misspelt field must not print nothing), and block tags on their own line leave no blank
/// line or indentation behind, which matters for Markdown tables.
pub(crate) fn environment() -> Environment<'static> {
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    let syntax = minijinja::syntax::SyntaxConfig::builder()
        .trim_blocks(true)
        .lstrip_blocks(true)
        .keep_trailing_newline(true)
        .build()
        .expect("the default delimiters are valid");
    env.set_syntax(syntax);
    env
}

/// A template error naming the template (its file when it is the desk's), the line and what
/// is wrong.
pub(crate) fn template_error(e: &minijinja::Error, overrides: Option<&Path>) -> Error {
    // The innermost error is where it went wrong (an included partial, say).
    let mut inner: &minijinja::Error = e;
    while let Some(source) =
        std::error::Error::source(inner).and_then(|s| s.downcast_ref::<minijinja::Error>())
    {
        inner = source;
    }
    let name = inner.name().or(e.name()).unwrap_or("template");
    let template = match overrides.map(|dir| dir.join(name)) {
        Some(path) if path.exists() => path.display().to_string(),
        _ => format!("{name} (built in)"),
    };
    let mut message = inner.kind().to_string();
    if let Some(detail) = inner.detail() {
        message.push_str(": ");
        message.push_str(detail);
    }
    let location = match inner.line().or(e.line()) {
        Some(line) => Location::line(template, line),
        None => Location::file(template),
    };
    Error::invalid(FileKind::Template, location, message)
}

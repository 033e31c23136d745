//! Rendering a briefing with minijinja templates: the defaults are compiled into the binary,
//! and a desk's `--templates DIR` overrides any of them by name.

use super::context::Briefing;
use crate::error::Result;
use crate::render::{escape, template_error};
use crate::text::bidi::shown_path;
use minijinja::value::{Serde, Value};
use minijinja::{AutoEscape, Environment};
use std::path::{Path, PathBuf};

#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Html,
}

impl Format {
    /// The template a briefing in this format starts from.
    pub fn template(self) -> &'static str {
        match self {
            Format::Markdown => "briefing.md.j2",
            Format::Html => "briefing.html.j2",
        }
    }
}

/// The built-in templates, by name (the names `--templates DIR` overrides).
pub const BUILTIN: &[(&str, &str)] = &[
    (
        "briefing.md.j2",
        include_str!("../../templates/briefing.md.j2"),
    ),
    (
        "partials/fact.md.j2",
        include_str!("../../templates/partials/fact.md.j2"),
    ),
    (
        "partials/tables.md.j2",
        include_str!("../../templates/partials/tables.md.j2"),
    ),
    (
        "briefing.html.j2",
        include_str!("../../templates/briefing.html.j2"),
    ),
    (
        "partials/fact.html.j2",
        include_str!("../../templates/partials/fact.html.j2"),
    ),
    (
        "partials/tables.html.j2",
        include_str!("../../templates/partials/tables.html.j2"),
    ),
    (
        "partials/style.css",
        include_str!("../../templates/partials/style.css"),
    ),
];

/// Templates loaded and compiled, ready to render briefings in one format.
pub struct Renderer {
    env: Environment<'static>,
    format: Format,
    overrides: Option<PathBuf>,
}

impl Renderer {
    /// Load and compile every template (the desk's from `overrides` where it has one, else the
    /// built-in one), so that a template error is found before any article is read.
    pub fn new(format: Format, overrides: Option<&Path>) -> Result<Renderer> {
        let env = environment(overrides.map(Path::to_path_buf));
        for (name, _) in BUILTIN {
            env.get_template(name)
                .map_err(|e| template_error(&e, overrides))?;
        }
        Ok(Renderer {
            env,
            format,
            overrides: overrides.map(Path::to_path_buf),
        })
    }

    pub fn render(&self, briefing: &Briefing) -> Result<String> {
        let overrides = self.overrides.as_deref();
        let template = self
            .env
            .get_template(self.format.template())
            .map_err(|e| template_error(&e, overrides))?;
        template
            .render(Value::from(Serde(briefing)))
            .map_err(|e| template_error(&e, overrides))
    }
}

/// The largest template file read from the desk's folder: templates are a few kilobytes, and
/// the limit keeps `{% include "/dev/zero" %}`-like names from growing without bound.
const MAX_TEMPLATE_BYTES: u64 = 1024 * 1024;

/// The desk's template `name` from `dir`, or `None` when the folder has none of that name (the
/// built-in one is used). A name resolves only inside `dir`: relative, without `..`, not
/// through a link that leaves the folder, a regular file of at most [`MAX_TEMPLATE_BYTES`].
fn desk_template(dir: &Path, name: &str) -> std::result::Result<Option<String>, minijinja::Error> {
    use std::io::Read;
    use std::path::Component;
    let refuse = |why: String| {
        // Not TemplateNotFound: an include would report that as a missing template and
        // lose why.
        Err(minijinja::Error::new(
            minijinja::ErrorKind::InvalidOperation,
            format!("template '{name}' {why}"),
        ))
    };
    let relative = Path::new(name);
    if name.is_empty()
        || !relative
            .components()
            .all(|c| matches!(c, Component::Normal(_)))
    {
        return refuse(format!(
            "is not a name inside the templates folder {} (no absolute paths, no '..')",
            shown_path(dir)
        ));
    }
    let path = dir.join(relative);
    let meta = match std::fs::metadata(&path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return refuse(format!("cannot be read ({}: {e})", shown_path(&path))),
    };
    let inside = match (std::fs::canonicalize(&path), std::fs::canonicalize(dir)) {
        (Ok(file), Ok(dir)) => file.starts_with(dir),
        _ => false,
    };
    if !inside {
        return refuse(format!(
            "leads outside the templates folder {} ({} is a link)",
            shown_path(dir),
            shown_path(&path)
        ));
    }
    if !meta.is_file() {
        return refuse(format!("is not a regular file ({})", shown_path(&path)));
    }
    let mut source = String::new();
    let read = std::fs::File::open(&path)
        .and_then(|f| f.take(MAX_TEMPLATE_BYTES + 1).read_to_string(&mut source));
    match read {
        Err(e) => refuse(format!("cannot be read ({}: {e})", shown_path(&path))),
        Ok(n) if n as u64 > MAX_TEMPLATE_BYTES => refuse(format!(
            "is over {MAX_TEMPLATE_BYTES} bytes ({})",
            shown_path(&path)
        )),
        Ok(_) => Ok(Some(source)),
    }
}

/// Render `briefing` in `format`; templates in `overrides` (if given) replace the built-in
/// ones of the same name.
pub fn render(briefing: &Briefing, format: Format, overrides: Option<&Path>) -> Result<String> {
    Renderer::new(format, overrides)?.render(briefing)
}

fn environment(overrides: Option<PathBuf>) -> Environment<'static> {
    let mut env = crate::render::environment();
    env.set_loader(move |name| {
        if let Some(dir) = &overrides
            && let Some(source) = desk_template(dir, name)?
        {
            return Ok(Some(source));
        }
        Ok(BUILTIN
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, source)| (*source).to_string()))
    });
    env.set_auto_escape_callback(|name| {
        if name.ends_with(".md.j2") {
            AutoEscape::Custom("markdown".into())
        } else if name.ends_with(".html.j2") || name.ends_with(".css") {
            AutoEscape::Html
        } else {
            AutoEscape::None
        }
    });
    env.set_formatter(|out, state, value| {
        if value.is_none() || value.is_undefined() {
            return Ok(());
        }
        match state.auto_escape() {
            AutoEscape::Custom(name) if name == "markdown" && !value.is_safe() => out
                .write_str(&escape::markdown(&value.to_string()))
                .map_err(minijinja::Error::from),
            AutoEscape::Custom(_) => out
                .write_str(&value.to_string())
                .map_err(minijinja::Error::from),
            _ => minijinja::escape_formatter(out, state, value),
        }
    });
    env.add_filter("md", |text: String| {
        Value::from_safe_string(escape::markdown(&text))
    });
    env.add_filter("thousands", thousands);
    env.add_filter("breakable", |text: String| {
        Value::from_safe_string(breakable(&text))
    });
    env
}

/// `text` HTML-escaped with a `<wbr>` after each separator of a file name (`/ _ - . #`), so
/// a long name wraps between its parts rather than in the middle of one.
fn breakable(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#x27;"),
            _ => out.push(c),
        }
        if matches!(c, '/' | '_' | '-' | '.' | '#') {
            out.push_str("<wbr>");
        }
    }
    out
}

/// 5800 → "5,800"; other values as they are.
fn thousands(value: Value) -> String {
    match i64::try_from(value.clone()) {
        Ok(n) => {
            let digits = n.unsigned_abs().to_string();
            let mut out = String::new();
            for (i, d) in digits.chars().enumerate() {
                if i > 0 && (digits.len() - i) % 3 == 0 {
                    out.push(',');
                }
                out.push(d);
            }
            if n < 0 { format!("-{out}") } else { out }
        }
        Err(_) => value.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_break_after_separators_and_stay_escaped() {
        assert_eq!(
            breakable("week_2015-08.jsonl#w<1>"),
            "week_<wbr>2015-<wbr>08.<wbr>jsonl#<wbr>w&lt;1&gt;"
        );
    }

    #[test]
    fn thousands_are_separated() {
        assert_eq!(thousands(Value::from(5800)), "5,800");
        assert_eq!(thousands(Value::from(175000000)), "175,000,000");
        assert_eq!(thousands(Value::from(95)), "95");
        assert_eq!(thousands(Value::from("x")), "x");
    }
}

//! Rendering a briefing with minijinja templates: the defaults are compiled into the binary,
//! and a desk's `--templates DIR` overrides any of them by name.

use super::context::Briefing;
use crate::error::Result;
use crate::render::{escape, template_error};
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

/// Render `briefing` in `format`; templates in `overrides` (if given) replace the built-in
/// ones of the same name.
pub fn render(briefing: &Briefing, format: Format, overrides: Option<&Path>) -> Result<String> {
    Renderer::new(format, overrides)?.render(briefing)
}

fn environment(overrides: Option<PathBuf>) -> Environment<'static> {
    let mut env = crate::render::environment();
    env.set_loader(move |name| {
        if let Some(dir) = &overrides {
            let path = dir.join(name);
            // A desk template is read fresh; one that is not there falls back to the default.
            match std::fs::read_to_string(&path) {
                Ok(source) => return Ok(Some(source)),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => {
                    return Err(minijinja::Error::new(
                        minijinja::ErrorKind::TemplateNotFound,
                        format!("cannot read {}: {e}", path.display()),
                    ));
                }
            }
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
    env
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
    fn thousands_are_separated() {
        assert_eq!(thousands(Value::from(5800)), "5,800");
        assert_eq!(thousands(Value::from(175000000)), "175,000,000");
        assert_eq!(thousands(Value::from(95)), "95");
        assert_eq!(thousands(Value::from("x")), "x");
    }
}

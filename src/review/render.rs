//! Reviewed pairs rendered for people: text for a terminal (coloured, or marked `[-…-]` and
//! `{+…+}`) and Markdown whose sentences are right-to-left HTML blocks, made by minijinja
//! templates compiled into the binary (templates/review/).

use super::{Callout, CalloutKind, Op, Verdict};
use crate::align::{Relation, Side};
use crate::error::Result;
use crate::render::{escape, template_error};
use crate::text::bidi::{make_visible, shown_name};
use minijinja::value::{Serde, Value};
use minijinja::{AutoEscape, Environment, context};
use serde::Serialize;
use std::borrow::Cow;
use std::fmt::Write;

/// An aligned pair with its word diff and the desk's decision: what every rendering shows.
/// Serialized, it is a line of `mizan review --format jsonl`, field for field, so a field is
/// added here only with the JSON-lines contract in mind.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct ReviewedPair<'a> {
    pub id: &'a str,
    /// The similarity, rounded to three decimals (text and Markdown show two).
    pub score: f64,
    pub cluster: usize,
    /// `full`, or `partial` when one sentence is wholly in the other, which tells more.
    pub relation: Relation,
    pub verdict: Option<Verdict>,
    pub note: Option<&'a str>,
    pub a: Side<'a>,
    pub b: Side<'a>,
    pub diff: &'a [Op],
    pub callouts: &'a [Callout],
}

/// A pair as text: a heading line, the two sides, the callouts, a blank line. Words only one
/// side has are red (A) and green (B) with `color`, else marked `[-…-]` and `{+…+}`.
pub fn text(pair: &ReviewedPair<'_>, color: bool) -> String {
    let mut out = String::new();
    write_text(&mut out, &View::of(pair), color).expect("a String takes any text");
    out
}

/// The Markdown templates, compiled. A review is rendered a pair at a time (a week's archive of
/// 14,565 articles has 133,000 pairs), so it is written as it goes.
pub struct Markdown {
    env: Environment<'static>,
}

const HEADING: &str = "review/heading.md.j2";
const PAIR: &str = "review/pair.md.j2";

impl Markdown {
    pub fn new() -> Markdown {
        Markdown { env: environment() }
    }

    /// The document's heading, before the first pair.
    pub fn heading(&self, pairs: usize) -> Result<String> {
        self.render(HEADING, context! { pairs })
    }

    /// A pair: a heading, each side a `<p dir="rtl">` block with `<del>` and `<ins>`, the
    /// callouts as a list.
    pub fn pair(&self, pair: &ReviewedPair<'_>) -> Result<String> {
        self.render(
            PAIR,
            context! { pair => Value::from(Serde(View::of(pair))) },
        )
    }

    fn render(&self, name: &str, context: Value) -> Result<String> {
        let error = |e: minijinja::Error| template_error(&e, None);
        self.env
            .get_template(name)
            .map_err(error)?
            .render(context)
            .map_err(error)
    }
}

impl Default for Markdown {
    fn default() -> Markdown {
        Markdown::new()
    }
}

/// A pair as both renderings show it.
#[derive(Serialize)]
struct View<'a> {
    id: &'a str,
    cluster: usize,
    score: String,
    /// " · partial", " · accepted", " · note: …", several, or "".
    status: String,
    sides: [ViewSide<'a>; 2],
    callouts: Vec<String>,
}

#[derive(Serialize)]
struct ViewSide<'a> {
    label: &'static str,
    /// The article, as a person is shown its name (the JSON lines keep it exact).
    doc: Cow<'a, str>,
    index: usize,
    words: Vec<Words<'a>>,
}

/// A run of words of one side, and whether the other side lacks it.
#[derive(Serialize)]
struct Words<'a> {
    text: &'a str,
    mark: Mark,
}

#[derive(Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
enum Mark {
    Equal,
    /// On side A, what B lacks.
    Delete,
    /// On side B, what A lacks.
    Insert,
}

impl<'a> View<'a> {
    fn of(pair: &ReviewedPair<'a>) -> View<'a> {
        let side = |label, s: &Side<'a>, side_a| ViewSide {
            label,
            doc: shown_name(s.doc),
            index: s.index,
            words: words(pair.diff, side_a),
        };
        View {
            id: pair.id,
            cluster: pair.cluster,
            score: format!("{:.2}", pair.score),
            status: status(pair.relation, pair.verdict, pair.note),
            sides: [side("A", &pair.a, true), side("B", &pair.b, false)],
            callouts: pair.callouts.iter().map(describe).collect(),
        }
    }
}

/// The words of one side, in order: what both have, and what only this one has.
fn words(ops: &[Op], side_a: bool) -> Vec<Words<'_>> {
    let mut words = Vec::new();
    for op in ops {
        let (text, mark) = match (op, side_a) {
            (Op::Equal { a, .. }, true) | (Op::Equal { b: a, .. }, false) => (a, Mark::Equal),
            (Op::Delete { a }, true) | (Op::Replace { a, .. }, true) => (a, Mark::Delete),
            (Op::Insert { b }, false) | (Op::Replace { b, .. }, false) => (b, Mark::Insert),
            _ => continue,
        };
        words.push(Words { text, mark });
    }
    words
}

fn status(relation: Relation, verdict: Option<Verdict>, note: Option<&str>) -> String {
    let mut s = match relation {
        Relation::Partial => " · partial".to_string(),
        Relation::Full => String::new(),
    };
    match verdict {
        Some(Verdict::Accept) => s.push_str(" · accepted"),
        Some(Verdict::Reject) => s.push_str(" · rejected"),
        None => {}
    }
    if let Some(note) = note {
        s.push_str(&format!(" · note: {note}"));
    }
    s
}

fn describe(c: &Callout) -> String {
    let or_none = |s: &str| {
        if s.is_empty() {
            "—".to_string()
        } else {
            s.to_string()
        }
    };
    match c.kind {
        CalloutKind::Figure => format!("figure: {} | {}", or_none(&c.a), or_none(&c.b)),
        CalloutKind::Spelling => format!("spelling: {} | {}", c.a, c.b),
        CalloutKind::Clause if c.a.is_empty() => format!("only in B: {}", c.b),
        CalloutKind::Clause if c.b.is_empty() => format!("only in A: {}", c.a),
        CalloutKind::Clause => format!("clause: {} | {}", c.a, c.b),
    }
}

fn write_text(out: &mut String, view: &View, color: bool) -> std::fmt::Result {
    writeln!(
        out,
        "pair {} · cluster {} · score {}{}",
        view.id, view.cluster, view.score, view.status
    )?;
    for side in &view.sides {
        write!(out, "  {} {}#{}: ", side.label, side.doc, side.index)?;
        for (i, w) in side.words.iter().enumerate() {
            if i > 0 {
                out.push(' ');
            }
            // Article words only: a bidi control in them would reorder the line.
            let s = make_visible(w.text);
            match (w.mark, color) {
                (Mark::Equal, _) => write!(out, "{s}")?,
                (Mark::Delete, true) => write!(out, "\u{1b}[31m{s}\u{1b}[0m")?,
                (Mark::Insert, true) => write!(out, "\u{1b}[32m{s}\u{1b}[0m")?,
                (Mark::Delete, false) => write!(out, "[-{s}-]")?,
                (Mark::Insert, false) => write!(out, "{{+{s}+}}")?,
            }
        }
        out.push('\n');
    }
    for c in &view.callouts {
        writeln!(out, "  ! {c}")?;
    }
    out.push('\n');
    Ok(())
}

/// The template's environment: every value printed is made visible (bidi controls) and
/// escaped for HTML in Markdown; block tags on their own line leave nothing behind.
fn environment() -> Environment<'static> {
    let mut env = crate::render::environment();
    env.set_auto_escape_callback(|_| AutoEscape::Custom("html_in_markdown".into()));
    env.set_formatter(|out, _state, value| {
        let text = if value.is_safe() {
            value.to_string()
        } else {
            escape::html_in_markdown(&make_visible(&value.to_string()))
        };
        out.write_str(&text).map_err(minijinja::Error::from)
    });
    env.add_template(
        HEADING,
        include_str!("../../templates/review/heading.md.j2"),
    )
    .expect("the built-in review templates parse");
    env.add_template(PAIR, include_str!("../../templates/review/pair.md.j2"))
        .expect("the built-in review templates parse");
    env
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pair<'a>(diff: &'a [Op], callouts: &'a [Callout]) -> ReviewedPair<'a> {
        ReviewedPair {
            id: "00000000000000ff",
            score: 0.875,
            cluster: 3,
            relation: Relation::Full,
            verdict: Some(Verdict::Accept),
            note: Some("a_b"),
            a: Side {
                doc: "x_1.txt",
                index: 2,
                text: "قال زيد 5",
            },
            b: Side {
                doc: "y.txt",
                index: 0,
                text: "قال عمرو",
            },
            diff,
            callouts,
        }
    }

    fn ops() -> Vec<Op> {
        vec![
            Op::Equal {
                a: "قال".into(),
                b: "قال".into(),
            },
            Op::Replace {
                a: "زيد".into(),
                b: "عمرو".into(),
            },
            Op::Delete {
                a: "5\u{202E}".into(),
            },
        ]
    }

    #[test]
    fn text_marks_what_one_side_lacks_in_colour_or_brackets() {
        let ops = ops();
        let callouts = [Callout {
            kind: CalloutKind::Figure,
            a: "5".into(),
            b: String::new(),
        }];
        let pair = pair(&ops, &callouts);
        assert_eq!(
            text(&pair, true),
            "pair 00000000000000ff · cluster 3 · score 0.88 · accepted · note: a_b\n\
             \x20 A x_1.txt#2: قال \x1b[31mزيد\x1b[0m \x1b[31m5⟨U+202E⟩\x1b[0m\n\
             \x20 B y.txt#0: قال \x1b[32mعمرو\x1b[0m\n\
             \x20 ! figure: 5 | —\n\n"
        );
        assert_eq!(
            text(&pair, false),
            "pair 00000000000000ff · cluster 3 · score 0.88 · accepted · note: a_b\n\
             \x20 A x_1.txt#2: قال [-زيد-] [-5⟨U+202E⟩-]\n\
             \x20 B y.txt#0: قال {+عمرو+}\n\
             \x20 ! figure: 5 | —\n\n"
        );
    }

    #[test]
    fn markdown_escapes_every_value_and_marks_with_del_and_ins() {
        let ops = ops();
        let with = [Callout {
            kind: CalloutKind::Clause,
            a: String::new(),
            b: "<i>*x*</i>".into(),
        }];
        let markdown = Markdown::new();
        let md = [pair(&ops, &with), pair(&ops, &[])]
            .iter()
            .map(|p| markdown.pair(p).unwrap())
            .collect::<String>();
        let block = "## Pair `00000000000000ff` · cluster 3 · score 0.88 · accepted · note: a&#95;b\n\n\
             <p dir=\"rtl\" lang=\"ar\"><b>A</b> <code>x&#95;1.txt#2</code>: قال <del>زيد</del> <del>5⟨U+202E⟩</del></p>\n\n\
             <p dir=\"rtl\" lang=\"ar\"><b>B</b> <code>y.txt#0</code>: قال <ins>عمرو</ins></p>\n\n";
        assert_eq!(
            md,
            format!("{block}- only in B: &lt;i&gt;&#42;x&#42;&lt;/i&gt;\n\n{block}")
        );
        assert_eq!(
            markdown.heading(0).unwrap(),
            "# Review: 0 aligned pairs\n\n"
        );
    }
}

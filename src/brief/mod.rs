//! The briefing: facts ranked by how many sources report them, Arabic beside English, the
//! figures sources disagree on and a term index, rendered by minijinja templates.
//!
//! `build` turns the stages' outputs into a [`Briefing`] (plain serializable data, documented
//! in docs/templates.md); `render` turns a briefing into Markdown or HTML.

pub(crate) mod build;
pub mod context;
mod english;
mod facts;
mod figures;
mod incidents;
pub mod render;
pub(crate) mod shown;
pub(crate) mod stories;
mod story_first;
mod terms;
pub mod translations;

pub use build::{Inputs, Options, STORY_OUTLETS, build, build_with_progress};
pub use context::Briefing;
pub use render::{Format, Renderer, render};
pub use translations::Translations;

//! mizan (ميزان, "balance"): from a folder of Arabic news articles to a reviewed, side-by-side
//! Arabic | English briefing.
//!
//! ```text
//!  paths ──corpus──▶ Corpus{Document{id, text, meta}}            pipeline::read
//!                         │ text::segment (spans; text::normalize for matching only)
//!                         ▼
//!                  sentences of each document                     pipeline::segment
//!                         │ body and headlines
//!  glossary.toml ──glossary──▶ Glossary, Matcher ─┐               DeskFiles
//!  reviews.toml ──review::decisions──▶ Reviews ───┤
//!                         ▼                       ▼
//!              align (near-duplicates, clusters, the desk's decisions)
//!                         │                                       pipeline::analyse → Analysis
//!        ┌────────────────┼──────────────────────┐
//!        ▼                ▼                      ▼
//!  review (word diffs)  brief (facts, English,  gloss (terms of
//!  review::render       figures, terms)         each document)
//!                       brief::Renderer ─▶ Markdown / HTML
//! ```
//!
//! [`pipeline`] runs the stages in this order for every command; each stage takes plain data
//! and gives plain data. Spans are byte offsets into the document's decoded text, so whatever
//! is found on normalized text is shown in the original. Beside the pipeline: [`suggest`]
//! (terms the glossary lacks, from the articles) and [`interchange`] (the glossary in the
//! formats CAT tools speak). The library never prints: only the binary does.
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod align;
pub mod boilerplate;
pub mod brief;
pub mod corpus;
pub mod desk;
pub mod error;
pub mod figures;
pub mod files;
pub mod glossary;
pub mod interchange;
pub(crate) mod parallel;
pub mod pipeline;
pub(crate) mod render;
pub mod review;
pub(crate) mod sorted;
pub mod stories;
pub mod suggest;
pub mod text;
pub mod translate;
pub(crate) mod union_find;

pub use align::{Alignment, Pair};
pub use brief::{Briefing, Renderer};
pub use corpus::{Corpus, Document, LoadOptions};
pub use error::{Error, ErrorKind, FileKind, Location, Result, Warning};
pub use glossary::{Entry, Glossary, Matcher};
pub use pipeline::{Analysis, DeskFiles, Reporter, Silent, Stage};
pub use review::{Reviews, Verdict};

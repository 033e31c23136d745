//! mizan (ميزان, "balance"): from a folder of Arabic news articles to a reviewed, side-by-side
//! Arabic | English briefing.
//!
//! ```text
//!  paths ──corpus──▶ Document{id, text, meta}
//!                         │
//!                         ├─text::normalize──▶ Normalized{text, OffsetMap}   (matching only)
//!                         ├─text::tokenize───▶ Token{span, norm, kind}
//!                         └─text::segment────▶ Sentence{span, kind}
//!                                                  │
//!  glossary.toml ──glossary──▶ Glossary ──Matcher──▶ Hit{span, entry, clitics}
//!                                                  │
//!                  align ─▶ pairs, clusters ─▶ review (word diffs, decisions)
//!                                                  │
//!               figures (numbers and what they count) ─▶ brief ─▶ Markdown / HTML
//! ```
//!
//! Every stage takes plain data and gives plain data; spans are byte offsets into the
//! document's decoded text, so whatever is found on normalized text is shown in the original.
//! The library never prints: only the binary does.
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod align;
pub mod brief;
pub mod corpus;
pub mod error;
pub mod figures;
pub mod files;
pub mod glossary;
pub mod interchange;
pub mod parallel;
pub mod pipeline;
pub mod render;
pub mod review;
pub mod suggest;
pub mod text;
pub(crate) mod union_find;

pub use error::{Error, Result};

//! Review: aligned pairs shown as word diffs, and the desk's decisions about them.

pub mod decisions;
pub(crate) mod diff;
pub mod render;

pub use decisions::{Change, Decision, Reviews, Verdict};
pub use diff::{
    Callout, CalloutKind, Op, Prepared, WordDiff, diff, diff_prepared, prepare, prepare_tokenized,
    prepare_with_hits,
};
pub use render::ReviewedPair;

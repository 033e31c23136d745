//! The translation half of the workbench (docs/translation.md): the queue of what needs
//! English, the desk's translation memory with exact and fuzzy matches, honest reuse (a
//! translation serves a near-copy only when both say the same thing), recording translations,
//! and QA.

pub mod exchange;
pub mod memory;
pub mod qa;
pub mod queue;
pub mod record;
pub mod reference;
pub mod reuse;

pub use memory::{Match, Memory, Unit};
pub use queue::{Item, Queue, Served, Suggestion, queue};
pub use reuse::{Reuse, judge};

//! Integration tests of mizan, in one test binary (as ripgrep does): one module per command or
//! area, helpers in `util`. Most modules run the `mizan` binary and check what a user sees on
//! stdout, stderr and in the exit code; `properties` checks invariants of the library on
//! generated text. Library-level behaviour is tested in the modules of `src/` themselves.
//!
//! How to add a test: `tests/README.md`.

mod align;
mod archives;
mod boilerplate;
mod brief;
mod desk;
mod desk_files;
mod glossary;
mod input_edges;
mod limits;
mod outlets;
mod output;
mod properties;
mod review;
mod scale;
mod segment;
mod stories;
mod story_brief;
mod translate;
mod util;

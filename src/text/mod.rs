//! Text primitives shared by the stages: spans, normalization, tokens, sentence boundaries,
//! function words.

pub(crate) mod abbreviations;
pub mod bidi;
pub mod chars;
pub(crate) mod clitics;
pub(crate) mod function_words;
pub(crate) mod header;
pub mod normalize;
mod normalize_simd;
pub(crate) mod numbers;
pub mod segment;
pub mod span;
pub(crate) mod tokens;

pub use normalize::{Normalized, OffsetMap, normalize, normalize_str};
pub use segment::{Sentence, SentenceKind, segment, segment_from};
pub use span::Span;
pub use tokens::{Token, TokenKind, Tokenized, tokenize};

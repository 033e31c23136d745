//! Text primitives shared by the stages: spans, normalization, tokens, sentence boundaries,
//! function words.

pub mod abbreviations;
pub mod bidi;
pub mod chars;
pub mod clitics;
pub(crate) mod function_words;
pub mod header;
pub mod normalize;
mod normalize_simd;
pub mod numbers;
pub mod segment;
pub mod span;
pub mod tokens;

pub use normalize::{Normalized, OffsetMap, normalize, normalize_str};
pub use segment::{Sentence, SentenceKind, segment, segment_from};
pub use span::Span;
pub use tokens::{Token, TokenKind, Tokenized, tokenize};

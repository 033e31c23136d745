//! Words and numbers of a text, found on its normalized form, each with its original span.

use super::normalize::{Normalized, normalize};
use super::span::Span;
use serde::Serialize;

#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TokenKind {
    Word,
    Number,
}

/// One token: where it is in the original text and in the normalized text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Byte span in the original text (diacritics and tatweel inside the word included).
    pub span: Span,
    /// Byte span in [`Tokenized::normalized`]'s text.
    pub norm: Span,
    pub kind: TokenKind,
}

/// A text's tokens, borrowing nothing: the normalized text is kept here, the original is the
/// caller's.
#[derive(Debug, Clone)]
pub struct Tokenized {
    pub normalized: Normalized,
    pub tokens: Vec<Token>,
}

impl Tokenized {
    /// The normalized form of a token.
    pub fn norm(&self, token: &Token) -> &str {
        token.norm.slice(&self.normalized.text)
    }
}

/// Split `text` into words and numbers. Punctuation and white space separate tokens; a number
/// keeps its inner separators (`7.5`, `11,300`, `٧٫٥` → `7.5`); letters and digits written
/// together are two tokens (`و62` → `و`, `62`), since a clitic can stick to a figure.
pub fn tokenize(text: &str) -> Tokenized {
    let normalized = normalize(text);
    let mut tokens = Vec::with_capacity(text.len() / 8);
    let map = &normalized.map;
    push_token_spans(&normalized.text, |norm, kind| {
        tokens.push(Token {
            span: Span::new(map.to_original(norm.start), map.to_original(norm.end)),
            norm,
            kind,
        })
    });
    Tokenized { normalized, tokens }
}

/// Token spans of an already normalized text: one pass over the bytes, Arabic letters two at a time.
#[inline(always)]
fn push_token_spans(norm: &str, mut emit: impl FnMut(Span, TokenKind)) {
    let bytes = norm.as_bytes();
    let n = bytes.len();
    let mut i = 0;
    while i < n {
        let b = bytes[i];
        let starts_word = if b < 0x80 {
            b.is_ascii_alphanumeric()
        } else if i + 1 < n && is_arabic_letter(b, bytes[i + 1]) {
            true
        } else {
            let (word, len) = word_char_at(norm, i);
            if !word {
                i += len;
                continue;
            }
            true
        };
        if !starts_word {
            i += 1;
            continue;
        }
        let start = i;
        if b.is_ascii_digit() {
            while i < n
                && (bytes[i].is_ascii_digit()
                    || (matches!(bytes[i], b'.' | b',')
                        && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)))
            {
                i += 1;
            }
            emit(Span::new(start, i), TokenKind::Number);
            continue;
        }
        while i < n {
            if i + 1 < n && is_arabic_letter(bytes[i], bytes[i + 1]) {
                i += 2;
                continue;
            }
            let (word, len) = word_char_at(norm, i);
            if !word || bytes[i].is_ascii_digit() {
                break;
            }
            i += len;
        }
        emit(Span::new(start, i), TokenKind::Word);
    }
}

/// Whether two bytes encode an Arabic letter, U+0621–U+063A or U+0641–U+064A.
#[inline(always)]
fn is_arabic_letter(lead: u8, trail: u8) -> bool {
    match lead {
        0xD8 => (0xA1..=0xBA).contains(&trail),
        0xD9 => (0x81..=0x8A).contains(&trail),
        _ => false,
    }
}

/// Whether the character at byte `i` is part of a word, and its length. ASCII and the Arabic
/// letters are decided from the bytes.
#[inline(always)]
fn word_char_at(text: &str, i: usize) -> (bool, usize) {
    let bytes = text.as_bytes();
    let b = bytes[i];
    if b < 0x80 {
        return (b.is_ascii_alphanumeric(), 1);
    }
    if i + 1 < bytes.len() && is_arabic_letter(b, bytes[i + 1]) {
        return (true, 2);
    }
    let c = text[i..].chars().next().expect("char boundary");
    (is_word_char(c), c.len_utf8())
}

fn is_word_char(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' | '0'..='9' => true,
        '\0'..='\x7f' => false,
        // The Arabic letters, the common case, without the Unicode tables.
        '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' => true,
        _ => super::chars::is_alphanumeric(c) || matches!(c, '\u{0300}'..='\u{036F}'),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<(String, String)> {
        let t = tokenize(text);
        t.tokens
            .iter()
            .map(|tok| (tok.span.slice(text).to_string(), t.norm(tok).to_string()))
            .collect()
    }

    #[test]
    fn tokens_keep_their_original_spelling_and_normalized_form() {
        assert_eq!(
            words("أعلنت الشّرطة، اليوم."),
            [
                ("أعلنت".into(), "اعلنت".into()),
                ("الشّرطة".into(), "الشرطه".into()),
                ("اليوم".into(), "اليوم".into()),
            ]
        );
    }

    #[test]
    fn numbers_keep_inner_separators() {
        let got: Vec<_> = words("نحو ٧٫٥ و11,300 في 2022-01.")
            .into_iter()
            .map(|(_, n)| n)
            .collect();
        assert_eq!(got, ["نحو", "7.5", "و", "11,300", "في", "2022", "01"]);
    }

    #[test]
    fn a_clitic_stuck_to_a_figure_is_its_own_token() {
        let t = tokenize("و62 في");
        assert_eq!(t.tokens[0].kind, TokenKind::Word);
        assert_eq!(t.tokens[1].kind, TokenKind::Number);
        assert_eq!(t.norm(&t.tokens[1]), "62");
    }

    #[test]
    fn bidi_marks_inside_a_word_do_not_split_it() {
        let text = "كازا\u{200F}خستان";
        let t = tokenize(text);
        assert_eq!(t.tokens.len(), 1);
        assert_eq!(t.tokens[0].span.slice(text), text);
    }
}

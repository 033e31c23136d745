//! What a user types to name a sentence: its hash (16 hex digits, or a unique prefix of 6 or
//! more, as git takes commits) or `FILE#N`, the article as `mizan segment` names it and the
//! sentence's index there.

use crate::brief::translations::hash_hex;

/// Why a reference names no single sentence.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Unresolved {
    #[error(
        "'{0}' is not a sentence reference: give its hash (16 hex digits, or 6 or more of them) or FILE#N"
    )]
    Malformed(String),
    #[error("no sentence of these articles is {0}")]
    NotFound(String),
    #[error("'{0}' is the start of {1} sentences' hashes; give more digits")]
    Ambiguous(String, usize),
}

/// One sentence that can be referred to.
pub struct Named<'a> {
    pub hash: u64,
    pub doc: &'a str,
    pub index: usize,
}

/// The sentences `reference` names, given every sentence. Sentences with the same hash are the
/// same sentence for translation, so a hash naming several of them is not ambiguous.
pub fn resolve(reference: &str, sentences: &[Named<'_>]) -> Result<usize, Unresolved> {
    let reference = reference.trim();
    if let Some((file, n)) = reference.rsplit_once('#')
        && !file.is_empty()
    {
        let n: usize = n
            .parse()
            .map_err(|_| Unresolved::Malformed(reference.to_string()))?;
        let file = file.strip_prefix("./").unwrap_or(file);
        return sentences
            .iter()
            .position(|s| s.index == n && s.doc.strip_prefix("./").unwrap_or(s.doc) == file)
            .ok_or_else(|| Unresolved::NotFound(reference.to_string()));
    }
    let hex = reference.to_ascii_lowercase();
    if hex.len() < 6 || hex.len() > 16 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(Unresolved::Malformed(reference.to_string()));
    }
    let mut found: Option<(usize, u64)> = None;
    let mut distinct = 0;
    for (i, s) in sentences.iter().enumerate() {
        if hash_hex(s.hash).starts_with(&hex) {
            match found {
                Some((_, h)) if h == s.hash => {}
                _ => {
                    distinct += 1;
                    found.get_or_insert((i, s.hash));
                }
            }
        }
    }
    match (found, distinct) {
        (Some((i, _)), 1) => Ok(i),
        (None, _) => Err(Unresolved::NotFound(reference.to_string())),
        (_, n) => Err(Unresolved::Ambiguous(reference.to_string(), n)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences() -> Vec<Named<'static>> {
        vec![
            Named {
                hash: 0x2e31bfbbbe072027,
                doc: "./01_a.txt",
                index: 2,
            },
            Named {
                hash: 0x2e31bf0000000000,
                doc: "./02_b.md",
                index: 0,
            },
            Named {
                hash: 0x44b042084c8294ab,
                doc: "./02_b.md",
                index: 4,
            },
        ]
    }

    #[test]
    fn a_hash_a_prefix_or_file_and_index_name_a_sentence() {
        let s = sentences();
        assert_eq!(resolve("2e31bfbbbe072027", &s), Ok(0));
        assert_eq!(resolve("44B042", &s), Ok(2));
        assert_eq!(resolve("02_b.md#4", &s), Ok(2));
        assert_eq!(resolve("./01_a.txt#2", &s), Ok(0));
    }

    #[test]
    fn an_ambiguous_or_unknown_reference_says_so() {
        let s = sentences();
        assert_eq!(
            resolve("2e31bf", &s),
            Err(Unresolved::Ambiguous("2e31bf".into(), 2))
        );
        assert!(matches!(
            resolve("abcdef", &s),
            Err(Unresolved::NotFound(_))
        ));
        assert!(matches!(
            resolve("02_b.md#9", &s),
            Err(Unresolved::NotFound(_))
        ));
        assert!(matches!(resolve("xyz", &s), Err(Unresolved::Malformed(_))));
        assert!(matches!(resolve("2e31", &s), Err(Unresolved::Malformed(_))));
    }
}

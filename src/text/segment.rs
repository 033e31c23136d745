//! Sentence boundaries for Arabic news, as byte spans into the original text.
//!
//! The rules and the reasons for them are in `docs/segmentation.md`. The segmenter never
//! changes or drops text: every character other than white space and invisible controls lies in
//! exactly one sentence.

use super::abbreviations::ABBREVIATIONS;
use super::chars::is_invisible_control;
use super::header::leading_date;
use super::normalize::{Fold, fold, normalize_str};
use super::span::Span;
use serde::Serialize;
use std::collections::HashSet;
use std::sync::OnceLock;

/// What a segment is, so later stages can skip what is not reporting.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SentenceKind {
    /// A sentence of the article.
    Body,
    /// A line without final punctuation: a headline or cross-head.
    Headline,
    /// A credit line (`إعداد: ...`, `— NetBlocks (@netblocks) ...`).
    Byline,
    /// A stray metadata header such as `date 2022-01`.
    Meta,
    /// What an outlet prints around its news: a contact, share or "read also" line, a
    /// dateline, a byline, a sign-off (found across the corpus: `crate::boilerplate`).
    Boilerplate,
}

impl SentenceKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SentenceKind::Body => "body",
            SentenceKind::Headline => "headline",
            SentenceKind::Byline => "byline",
            SentenceKind::Meta => "meta",
            SentenceKind::Boilerplate => "boilerplate",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Sentence {
    pub span: Span,
    pub kind: SentenceKind,
}

/// Segment a whole text.
pub fn segment(text: &str) -> Vec<Sentence> {
    segment_from(text, 0)
}

/// Segment `text` from byte `body_start` on (text before it, such as front matter, is not
/// article text). Spans are offsets into `text`.
pub fn segment_from(text: &str, body_start: usize) -> Vec<Sentence> {
    let mut seg = Segmenter {
        text,
        bytes: text.as_bytes(),
        out: Vec::new(),
        start: body_start,
        wrapped: is_hard_wrapped(&text[body_start..]),
    };
    if let Some((span, _)) = leading_date(text, body_start) {
        seg.out.push(Sentence {
            span,
            kind: SentenceKind::Meta,
        });
        seg.start = span.end;
    }
    seg.run();
    seg.out
}

/// Bytes the scanner stops at: ASCII terminals, line feed, straight quote, and the last
/// bytes of `؟` (D8 9F), `۔` (DB 94) and `…` (E2 80 A6).
static SIGNIFICANT: [bool; 256] = {
    let mut t = [false; 256];
    let mut k = 0;
    while k < SIGNIFICANT_BYTES.len() {
        t[SIGNIFICANT_BYTES[k] as usize] = true;
        k += 1;
    }
    t
};

const SIGNIFICANT_BYTES: [u8; 8] = [b'.', b'!', b'?', b'\n', b'"', 0x9F, 0x94, 0xA6];

/// The first significant byte at or after `from`: sixteen bytes at a time with SSE2 (x86-64),
/// then the table for the tail.
fn next_significant(bytes: &[u8], mut from: usize) -> Option<usize> {
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::*;
        while from + 16 <= bytes.len() {
            // SAFETY: the 16-byte load is inside `bytes` (`from + 16 <= len`); SSE2 is part of
            // the x86-64 baseline.
            let mask = unsafe {
                let chunk = _mm_loadu_si128(bytes.as_ptr().add(from) as *const __m128i);
                let mut hits = _mm_setzero_si128();
                for b in SIGNIFICANT_BYTES {
                    hits = _mm_or_si128(hits, _mm_cmpeq_epi8(chunk, _mm_set1_epi8(b as i8)));
                }
                _mm_movemask_epi8(hits)
            };
            if mask != 0 {
                return Some(from + mask.trailing_zeros() as usize);
            }
            from += 16;
        }
    }
    bytes[from.min(bytes.len())..]
        .iter()
        .position(|&b| SIGNIFICANT[b as usize])
        .map(|p| from + p)
}

struct Segmenter<'t> {
    text: &'t str,
    bytes: &'t [u8],
    out: Vec<Sentence>,
    /// Where the current sentence began (possibly on white space, trimmed when emitted).
    start: usize,
    /// The text is hard-wrapped: single line breaks are not paragraph ends.
    wrapped: bool,
}

/// How a candidate sentence was closed.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Close {
    Punctuation,
    LineEnd,
}

impl Segmenter<'_> {
    fn run(&mut self) {
        let len = self.bytes.len();
        // Straight double quotes open and close alike: track whether one is open in this line.
        let mut quote_open = false;
        let mut i = self.start;
        while i < len {
            // Most bytes are letters: skip to the next one that can matter.
            match next_significant(self.bytes, i) {
                Some(p) => i = p,
                None => break,
            }
            let b = self.bytes[i];
            let terminal_len = match b {
                b'.' | b'!' | b'?' => 1,
                b'\n' => {
                    if self.line_end_is_boundary(i) {
                        self.emit(i, Close::LineEnd);
                        self.start = i + 1;
                    }
                    quote_open = false;
                    i += 1;
                    continue;
                }
                b'"' => {
                    quote_open = !quote_open;
                    i += 1;
                    continue;
                }
                // Continuation bytes: look back for the lead bytes of ؟ ۔ and ….
                0x9F if i >= 1 && self.bytes[i - 1] == 0xD8 => {
                    i -= 1;
                    2
                }
                0x94 if i >= 1 && self.bytes[i - 1] == 0xDB => {
                    i -= 1;
                    2
                }
                0xA6 if i >= 2 && self.bytes[i - 2..i] == [0xE2, 0x80] => {
                    i -= 2;
                    3
                }
                _ => {
                    i += 1;
                    continue;
                }
            };
            i = self.after_terminal(i, terminal_len, &mut quote_open);
        }
        self.emit(len, Close::LineEnd);
    }

    /// Handle a run of terminal punctuation starting at `at`; returns where scanning goes on.
    fn after_terminal(&mut self, at: usize, first_len: usize, quote_open: &mut bool) -> usize {
        let mut j = at + first_len;
        let mut dots = usize::from(self.bytes[at] == b'.');
        let mut ellipsis = first_len == 3;
        let mut strong = matches!(self.bytes[at], b'!' | b'?') || first_len == 2;
        // The rest of the run: `?!`, `...`, `؟!`.
        while let Some(c) = self.text[j..].chars().next() {
            match c {
                '.' => dots += 1,
                '…' => ellipsis = true,
                '!' | '?' | '؟' | '۔' => strong = true,
                _ => break,
            }
            j += c.len_utf8();
        }
        ellipsis |= dots >= 2;
        // Closing quotes and brackets stay with the sentence.
        while let Some(c) = self.text[j..].chars().next() {
            match c {
                '»' | '”' | '’' | ')' | ']' | '}' | '›' => {}
                '"' if *quote_open => *quote_open = false,
                _ => break,
            }
            j += c.len_utf8();
        }
        let end = j;
        let Some(next) = self.text[end..].chars().next() else {
            return end;
        };
        if !next.is_whitespace() {
            return end; // 7.5, t.co/x, أ.ف.ب, "word.word": not a boundary
        }
        let line_ends_here = self.rest_of_line_is_blank(end);
        if !line_ends_here {
            if ellipsis && !strong {
                return end; // a pause, not an end: "ما تفعله... في الواقع"
            }
            if dots == 1 && !strong && end == at + 1 && self.is_abbreviation_before(at) {
                return end;
            }
            if self.next_word_is_lowercase_latin(end) {
                return end; // "e.g. this", "p.m. on"
            }
        }
        self.emit(end, Close::Punctuation);
        self.start = end;
        end
    }

    /// Whether the line break at `nl` ends the current sentence.
    fn line_end_is_boundary(&self, nl: usize) -> bool {
        let Some(last) = self.text[self.start..nl]
            .trim_end()
            .chars()
            .next_back()
            .filter(|_| self.has_content(self.start, nl))
        else {
            return false; // nothing pending (its start moves on when the next one is emitted)
        };
        let blank_follows = self.rest_of_line_is_blank(nl + 1) || nl + 1 >= self.bytes.len();
        if blank_follows {
            return true;
        }
        if self.wrapped {
            return false;
        }
        !matches!(last, '،' | '؛' | ':' | ',' | '-' | '–')
    }

    /// Emit the pending sentence, ending at `end`, if it has any content.
    fn emit(&mut self, end: usize, close: Close) {
        let Some(span) = self.trimmed(self.start, end) else {
            return;
        };
        let kind = if close == Close::LineEnd {
            self.line_kind(span)
        } else {
            SentenceKind::Body
        };
        self.out.push(Sentence { span, kind });
    }

    /// The span without surrounding white space; `None` if nothing is left to read.
    fn trimmed(&self, start: usize, end: usize) -> Option<Span> {
        let s = &self.text[start..end];
        let lead = s.len() - s.trim_start().len();
        let body = s.trim();
        if !self.has_content(start, end) {
            return None;
        }
        Some(Span::new(start + lead, start + lead + body.len()))
    }

    fn has_content(&self, start: usize, end: usize) -> bool {
        self.text[start..end]
            .chars()
            .any(|c| !c.is_whitespace() && !is_invisible_control(c))
    }

    /// Kind of a segment closed by a line end rather than by punctuation.
    fn line_kind(&self, span: Span) -> SentenceKind {
        let s = span.slice(self.text);
        let ends_in_terminal = s
            .trim_end_matches(['»', '”', '’', ')', ']', '"', '\''])
            .ends_with(['.', '!', '?', '؟', '۔', '…']);
        let starts_line = span.start == 0
            || self.text[..span.start]
                .chars()
                .rev()
                .find(|c| !c.is_whitespace() || *c == '\n')
                .is_none_or(|c| c == '\n');
        let words = s.split_whitespace().count();
        if starts_line && is_byline(s, words) {
            SentenceKind::Byline
        } else if !ends_in_terminal && words <= 20 && !s.contains("://") {
            SentenceKind::Headline
        } else {
            SentenceKind::Body
        }
    }

    fn rest_of_line_is_blank(&self, from: usize) -> bool {
        self.text[from.min(self.bytes.len())..]
            .chars()
            .take_while(|&c| c != '\n')
            .all(|c| c.is_whitespace() || is_invisible_control(c))
    }

    fn next_word_is_lowercase_latin(&self, from: usize) -> bool {
        self.text[from..]
            .chars()
            .find(|c| !c.is_whitespace())
            .is_some_and(|c| c.is_lowercase() && c.is_ascii_alphabetic())
    }

    /// Whether the word ending just before the `.` at `dot` is an abbreviation.
    fn is_abbreviation_before(&self, dot: usize) -> bool {
        let before = &self.text[self.start.min(dot)..dot];
        let word_start = before
            .rfind(|c: char| c.is_whitespace() || matches!(c, '(' | '[' | '«' | '“' | '"' | '\''))
            .map_or(0, |p| {
                p + before[p..].chars().next().map_or(1, char::len_utf8)
            });
        let raw = &before[word_start..];
        // Listed abbreviations have at most 4 letters; longer words need no lookup.
        let letters = raw.chars().filter(|&c| !matches!(fold(c), Fold::Delete));
        if !raw.contains('.') && letters.clone().nth(4).is_some() {
            return false;
        }
        let word = normalize_str(raw).to_lowercase();
        if word.is_empty() || word.contains(|c: char| c.is_ascii_digit()) {
            return false; // "عام 393." and "1989م." end sentences
        }
        let after_number = before[..word_start]
            .trim_end()
            .ends_with(|c: char| c.is_ascii_digit() || ('٠'..='٩').contains(&c));
        let letters: Vec<char> = word.chars().collect();
        let single_letter = letters.len() == 1 && letters[0].is_alphabetic();
        let initialism = letters.len() >= 3
            && letters.iter().enumerate().all(|(k, c)| {
                if k % 2 == 0 {
                    c.is_alphabetic()
                } else {
                    *c == '.'
                }
            });
        if single_letter || initialism {
            return !after_number; // "5 م." is a unit and may end the sentence
        }
        if after_number {
            return false;
        }
        abbreviations().contains(word.as_str())
    }
}

fn abbreviations() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| ABBREVIATIONS.iter().copied().collect())
}

/// Credit lines: a short line that starts with a credit word, or with a dash before a name.
fn is_byline(line: &str, words: usize) -> bool {
    const CREDITS: &[&str] = &[
        "اعداد",
        "تحرير",
        "ترجمه",
        "تقرير",
        "بقلم",
        "كتب",
        "كتبت",
        "مراسل",
        "مراسله",
        "تصوير",
        "متابعه",
        "المصدر",
        "المحرر",
    ];
    if words > 8 {
        return false;
    }
    if line.starts_with(['—', '―']) {
        return true;
    }
    let first = line
        .split(|c: char| c.is_whitespace() || c == ':')
        .next()
        .unwrap_or("");
    CREDITS.contains(&normalize_str(first).as_str()) && (line.contains(':') || words <= 4)
}

/// A hard-wrapped text breaks long lines mid-sentence: most of its long lines that are followed
/// by another line (not a blank one) end without terminal punctuation.
fn is_hard_wrapped(body: &str) -> bool {
    // Lengths in bytes: Arabic letters take two, so 80 bytes is about 40 letters.
    const LONG: usize = 80;
    const TOO_LONG_FOR_WRAPPING: usize = 240;
    let mut long_followed = 0;
    let mut long_unfinished = 0;
    let mut lines = body.split('\n').map(str::trim).peekable();
    while let Some(line) = lines.next() {
        let Some(next) = lines.peek() else { break };
        if line.len() > TOO_LONG_FOR_WRAPPING {
            return false; // one paragraph per line, not a wrapped text
        }
        if next.is_empty() || line.len() < LONG {
            continue;
        }
        long_followed += 1;
        let finished = line
            .trim_end_matches(['»', '”', '’', ')', '"'])
            .ends_with(['.', '!', '?', '؟', '…', ':']);
        if !finished {
            long_unfinished += 1;
        }
    }
    long_unfinished >= 3 && long_unfinished * 2 >= long_followed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sents(text: &str) -> Vec<&str> {
        segment(text).iter().map(|s| s.span.slice(text)).collect()
    }

    #[test]
    fn breaks_after_terminal_punctuation() {
        assert_eq!(
            sents("قال الوزير. وأضاف أمس! هل انتهى؟ نعم"),
            ["قال الوزير.", "وأضاف أمس!", "هل انتهى؟", "نعم"]
        );
    }

    #[test]
    fn runs_of_terminals_are_one_boundary() {
        assert_eq!(sents("ماذا؟! لا أعرف."), ["ماذا؟!", "لا أعرف."]);
    }

    #[test]
    fn closing_quotes_and_brackets_stay_in_the_sentence() {
        assert_eq!(
            sents("قال «انتهى الأمر.» ثم غادر. وقيل (هذا كل شيء.) أخيرا"),
            [
                "قال «انتهى الأمر.»",
                "ثم غادر.",
                "وقيل (هذا كل شيء.)",
                "أخيرا"
            ]
        );
        assert_eq!(
            sents("قال \"انتهى.\" ثم \"غادر\". وعاد."),
            ["قال \"انتهى.\"", "ثم \"غادر\".", "وعاد."]
        );
    }

    #[test]
    fn commas_semicolons_and_colons_never_break() {
        assert_eq!(
            sents("أولا، ثانيا؛ ثالثا: رابعا."),
            ["أولا، ثانيا؛ ثالثا: رابعا."]
        );
    }

    #[test]
    fn numbers_dates_and_times_do_not_break() {
        let text = "بلغ 7.5 و11,300 و٧٫٥ في 12:30 يوم 10.09.2023 وفي 2022-01 كذلك.";
        assert_eq!(sents(text), [text]);
    }

    #[test]
    fn urls_emails_handles_and_hashtags_do_not_break() {
        let text = "راجع https://t.co/Op5Gw?x=1 وpic.twitter.com/pd و news@example.org و@net.blocks و#Kazakhstan.";
        assert_eq!(sents(text), [text]);
    }

    #[test]
    fn abbreviations_and_initials_do_not_break() {
        assert_eq!(
            sents("قال د. أحمد إن أحمد ز. أمين وصل."),
            ["قال د. أحمد إن أحمد ز. أمين وصل."]
        );
        assert_eq!(
            sents("وذكرت أ.ف.ب. أن الوضع هادئ."),
            ["وذكرت أ.ف.ب. أن الوضع هادئ."]
        );
        assert_eq!(
            sents("الأشجار والمباني إلخ. وغيرها."),
            ["الأشجار والمباني إلخ. وغيرها."]
        );
    }

    #[test]
    fn abbreviations_are_looked_up_after_normalization() {
        // A bidi mark and a kasra do not hide the abbreviation.
        assert_eq!(
            sents("قال \u{200F}دِ. أحمد ذلك."),
            ["قال \u{200F}دِ. أحمد ذلك."]
        );
    }

    #[test]
    fn a_unit_after_a_number_may_end_the_sentence() {
        assert_eq!(
            sents("ولد عام 1989م. ثم سافر."),
            ["ولد عام 1989م.", "ثم سافر."]
        );
        assert_eq!(
            sents("المسافة 5 كم. ثم وصلوا."),
            ["المسافة 5 كم.", "ثم وصلوا."]
        );
        assert_eq!(
            sents("انتهت عام 393. بدأ غيرها."),
            ["انتهت عام 393.", "بدأ غيرها."]
        );
    }

    #[test]
    fn mid_line_ellipsis_is_a_pause() {
        assert_eq!(
            sents("ما تفعله... في الواقع لا يصدق."),
            ["ما تفعله... في الواقع لا يصدق."]
        );
        assert_eq!(sents("وانتظرنا…\nثم وصلوا."), ["وانتظرنا…", "ثم وصلوا."]);
    }

    #[test]
    fn lowercase_latin_continues() {
        assert_eq!(
            sents("It was 5 p.m. on Monday. Then"),
            ["It was 5 p.m. on Monday.", "Then"]
        );
    }

    #[test]
    fn line_ends_and_headlines() {
        let text = "روسيا تطير لمساعدة القوة\nوقال البيان إن القوات وصلت.\n\"ضبط النفس\"\nودعت موسكو إلى الحوار.";
        let got = segment(text);
        let kinds: Vec<_> = got.iter().map(|s| s.kind).collect();
        assert_eq!(
            kinds,
            [
                SentenceKind::Headline,
                SentenceKind::Body,
                SentenceKind::Headline,
                SentenceKind::Body
            ]
        );
    }

    #[test]
    fn a_line_ending_in_a_comma_or_colon_continues() {
        assert_eq!(
            sents("وقال الوزير:\n«الوضع هادئ».\nوأضاف،\nأن الحدود مغلقة."),
            ["وقال الوزير:\n«الوضع هادئ».", "وأضاف،\nأن الحدود مغلقة."]
        );
    }

    #[test]
    fn blank_lines_always_break() {
        assert_eq!(sents("عنوان:\n\nنص الخبر."), ["عنوان:", "نص الخبر."]);
    }

    #[test]
    fn hard_wrapped_text_joins_single_line_breaks() {
        let text = "أعلنت الشرطة في كازاخستان عن مقتل عشرات المتظاهرين مساء\n\
                    الأربعاء، في حين قالت وزارة الصحة إن أكثر من ألف شخص\n\
                    جرحوا في الاحتجاجات وأعمال الشغب التي تهز البلاد منذ\n\
                    أيام. وأعلنت روسيا وحلفاؤها الخميس إرسال الكتيبة الأولى\n\
                    من قوات حفظ السلام إلى كازاخستان.\n\nفقرة ثانية.";
        let got = sents(text);
        assert_eq!(got.len(), 3, "{got:?}");
        assert!(got[0].ends_with("أيام."));
    }

    #[test]
    fn date_header_is_a_meta_segment_and_bylines_are_marked() {
        let text = " date 2022-01 أعلنت الشرطة مقتل العشرات.\nإعداد: نالين عجو\nتحرير: حلا مشوح";
        let got = segment(text);
        let view: Vec<_> = got.iter().map(|s| (s.span.slice(text), s.kind)).collect();
        assert_eq!(
            view,
            [
                ("date 2022-01", SentenceKind::Meta),
                ("أعلنت الشرطة مقتل العشرات.", SentenceKind::Body),
                ("إعداد: نالين عجو", SentenceKind::Byline),
                ("تحرير: حلا مشوح", SentenceKind::Byline),
            ]
        );
    }

    #[test]
    fn spans_exclude_white_space_and_crlf() {
        let text = "  أولا.  \r\n\r\n ثانيا. \r\n";
        assert_eq!(sents(text), ["أولا.", "ثانيا."]);
    }

    #[test]
    fn text_of_only_space_and_controls_has_no_sentences() {
        assert!(segment(" \n\u{200F}\t\n").is_empty());
    }

    #[test]
    fn body_start_skips_front_matter() {
        let text = "---\ntitle: x\n---\nنص.";
        let got = segment_from(text, text.find("نص").unwrap());
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].span.slice(text), "نص.");
    }
}

//! Arabic normalization for matching and comparing, never for display.
//!
//! [`normalize`] folds the spelling differences that do not change which word is meant
//! (diacritics, tatweel, alef and ya forms, teh marbuta, digits, presentation forms, invisible
//! and bidi controls) and returns, beside the folded text, an [`OffsetMap`] back to the original
//! bytes, so every match found on the normalized text can be shown in the original. The rules,
//! with code points, are in `docs/normalization.md`.

use unicode_normalization::char::decompose_compatible;

/// What normalization does with one character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fold {
    /// Unchanged.
    Keep,
    /// Removed (diacritics, tatweel, invisible and bidi controls).
    Delete,
    /// Replaced by another character.
    Replace(char),
    /// A presentation form: replaced by its NFKC decomposition, itself folded.
    Compatibility,
}

/// The fold of a single character. This is the whole rule table of `docs/normalization.md`.
pub const fn fold(c: char) -> Fold {
    match c {
        // Alef with madda, hamza above, hamza below, wasla -> bare alef.
        '\u{0622}' | '\u{0623}' | '\u{0625}' | '\u{0671}' => Fold::Replace('\u{0627}'),
        // Alef maqsura -> ya (not alef: على must not become علا).
        '\u{0649}' => Fold::Replace('\u{064A}'),
        // Teh marbuta -> heh.
        '\u{0629}' => Fold::Replace('\u{0647}'),
        // Persian yeh and keheh -> Arabic ya and kaf.
        '\u{06CC}' => Fold::Replace('\u{064A}'),
        '\u{06A9}' => Fold::Replace('\u{0643}'),
        // Arabic-Indic and Eastern Arabic-Indic digits -> ASCII digits.
        '\u{0660}'..='\u{0669}' => Fold::Replace(ascii_digit(c as u32 - 0x0660)),
        '\u{06F0}'..='\u{06F9}' => Fold::Replace(ascii_digit(c as u32 - 0x06F0)),
        // Arabic decimal and thousands separators -> '.' and ','.
        '\u{066B}' => Fold::Replace('.'),
        '\u{066C}' => Fold::Replace(','),
        // Tatweel; harakat, shadda, sukun; other marks; dagger alef; Quranic signs.
        '\u{0640}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{0610}'..='\u{061A}'
        | '\u{06D6}'..='\u{06ED}' => Fold::Delete,
        c if is_invisible_control(c) => Fold::Delete,
        '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFE}' => Fold::Compatibility,
        _ => Fold::Keep,
    }
}

const fn ascii_digit(value: u32) -> char {
    (b'0' + value as u8) as char
}

use super::chars::is_invisible_control;

/// Normalized text with its way back to the original.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Normalized {
    pub text: String,
    pub map: OffsetMap,
}

/// Maps byte offsets of a normalized text to byte offsets of the original.
///
/// Stored as anchors where the two texts stop advancing in step, so text that normalization
/// leaves alone costs nothing. A deleted character belongs to the character before it: the span
/// of a word covers its diacritics.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OffsetMap {
    /// `(normalized, original)` pairs, strictly increasing in `normalized`, non-decreasing in
    /// `original`; the implicit first anchor is `(0, 0)`.
    anchors: Vec<(u32, u32)>,
    original_len: usize,
}

impl OffsetMap {
    /// The original offset of a normalized offset. `normalized` must be a char boundary of the
    /// normalized text; the result is a char boundary of the original.
    pub fn to_original(&self, normalized: usize) -> usize {
        if self.anchors.is_empty() {
            return normalized.min(self.original_len);
        }
        let n = normalized as u32;
        let idx = self.anchors.partition_point(|&(a, _)| a <= n);
        let (an, ao) = if idx == 0 {
            (0, 0)
        } else {
            self.anchors[idx - 1]
        };
        ((ao + (n - an)) as usize).min(self.original_len)
    }

    /// Number of anchors: a measure of how much normalization changed.
    pub fn anchor_count(&self) -> usize {
        self.anchors.len()
    }

    fn push(&mut self, normalized: usize, original: usize) {
        let anchor = (normalized as u32, original as u32);
        if let Some(last) = self.anchors.last_mut()
            && last.0 == anchor.0
        {
            *last = anchor;
            return;
        }
        let (ln, lo) = self.anchors.last().copied().unwrap_or((0, 0));
        // An anchor that only continues the current step adds nothing.
        if anchor.1 - lo != anchor.0 - ln {
            self.anchors.push(anchor);
        }
    }
}

/// [`fold`] of every character of the Arabic block, U+0600–U+06FF, computed at compile time.
static ARABIC_BLOCK: [Fold; 256] = {
    let mut table = [Fold::Keep; 256];
    let mut k = 0;
    while k < 256 {
        table[k] = match char::from_u32(0x0600 + k as u32) {
            Some(c) => fold(c),
            None => Fold::Keep,
        };
        k += 1;
    }
    table
};

/// What the hot loop does with a character of the Arabic block: keep it (`KEEP`), or hand it to
/// the general path (`SLOW`), or overwrite its two bytes with the two bytes given (a fold to a
/// character of the same length, such as أ → ا, ة → ه, ى → ي).
const KEEP: u16 = 0;
const SLOW: u16 = 1;
static ARABIC_BLOCK_ACTION: [u16; 256] = {
    let mut table = [KEEP; 256];
    let mut k = 0;
    while k < 256 {
        table[k] = match ARABIC_BLOCK[k] {
            Fold::Keep => KEEP,
            Fold::Replace(r) if r.len_utf8() == 2 => {
                let mut buf = [0u8; 4];
                let enc = r.encode_utf8(&mut buf).as_bytes();
                ((enc[0] as u16) << 8) | enc[1] as u16
            }
            _ => SLOW,
        };
        k += 1;
    }
    table
};

/// Advance from `i` over characters that keep their length, patching same-length folds in place
/// in `buf` (a copy of the text); returns the first position that needs the general path. This
/// is the hot loop: ASCII and the Arabic block are decided from the bytes, without decoding.
#[inline]
fn skip_in_place(buf: &mut [u8], mut i: usize) -> usize {
    loop {
        i = super::normalize_simd::skip_clean_chunks(buf, i);
        // A few characters one at a time, then back to whole chunks.
        let stop = (i + 32).min(buf.len());
        i = skip_scalar(buf, i, stop);
        if i < stop || i >= buf.len() {
            return i;
        }
    }
}

/// [`skip_in_place`] one character at a time, up to `stop` (or just past it).
#[inline]
fn skip_scalar(buf: &mut [u8], mut i: usize, stop: usize) -> usize {
    while i < stop {
        let b = buf[i];
        if b < 0x80 {
            i += 1;
        } else if b.wrapping_sub(0xD8) < 4 && i + 1 < buf.len() {
            let index = (usize::from(b - 0xD8) << 6) | usize::from(buf[i + 1] & 0x3F);
            match ARABIC_BLOCK_ACTION[index] {
                KEEP => {}
                SLOW => return i,
                patch => {
                    buf[i] = (patch >> 8) as u8;
                    buf[i + 1] = patch as u8;
                }
            }
            i += 2;
        } else {
            let len = utf8_len(b);
            let c = std::str::from_utf8(&buf[i..i + len])
                .ok()
                .and_then(|s| s.chars().next());
            if c.is_none_or(|c| !matches!(fold(c), Fold::Keep)) {
                return i;
            }
            i += len;
        }
    }
    i
}

fn utf8_len(lead: u8) -> usize {
    match lead {
        0xF0..=0xF7 => 4,
        0xE0..=0xEF => 3,
        _ => 2,
    }
}

/// Offsets are stored as `u32`: larger inputs are refused by the corpus loader first.
pub const MAX_TEXT_LEN: usize = u32::MAX as usize;

/// Normalize `text` for matching, keeping a map back to the original bytes.
pub fn normalize(text: &str) -> Normalized {
    assert!(
        text.len() < MAX_TEXT_LEN,
        "text of {} bytes is over the 4 GiB offset limit",
        text.len()
    );
    let mut map = OffsetMap {
        anchors: Vec::new(),
        original_len: text.len(),
    };
    // Normalization shortens text or keeps its length, except for presentation forms (ﷲ →
    // الله). So the output is built in a copy of the input: `w` (written) never passes `i` (read),
    // and runs of unchanged bytes move at most once. At the first expansion, the rest is
    // appended instead.
    let mut buf = text.as_bytes().to_vec();
    let mut w = 0;
    let mut kept_from = 0;
    let mut i = 0;
    let mut tail = None;
    loop {
        i = skip_in_place(&mut buf, i);
        if i >= buf.len() {
            break;
        }
        let c = text[i..].chars().next().expect("i is a char boundary");
        let len = c.len_utf8();
        match fold(c) {
            Fold::Keep => {
                i += len; // outside the Arabic block and ASCII: “quotes”, Latin, emoji
                continue;
            }
            Fold::Compatibility => {
                tail = Some(i);
                break;
            }
            _ => {}
        }
        buf.copy_within(kept_from..i, w);
        w += i - kept_from;
        match fold(c) {
            Fold::Delete if c == '\u{0654}' => {
                // A combining hamza above composes with waw and ya (NFC); elsewhere a mark.
                compose_hamza_bytes(&mut buf[..w]);
            }
            Fold::Replace(r) => w += r.encode_utf8(&mut buf[w..w + len]).len(),
            _ => {}
        }
        i += len;
        kept_from = i;
        map.push(w, i);
    }
    let end = tail.unwrap_or(buf.len());
    buf.copy_within(kept_from..end, w);
    w += end - kept_from;
    buf.truncate(w);
    debug_assert!(std::str::from_utf8(&buf).is_ok());
    // SAFETY: `buf` started as the bytes of a `str`, and it was changed only by moving runs that
    // start and end on char boundaries and by writing whole encoded characters in place of
    // whole characters; so it is still UTF-8. (Checking costs as much as normalizing.)
    let mut out = unsafe { String::from_utf8_unchecked(buf) };
    if let Some(from) = tail {
        normalize_tail(text, from, &mut out, &mut map);
    }
    Normalized { text: out, map }
}

/// [`normalize`] by the general path alone, one character at a time: the reference the fast
/// path is tested against.
#[doc(hidden)]
pub fn normalize_reference(text: &str) -> Normalized {
    let mut out = String::with_capacity(text.len());
    let mut map = OffsetMap {
        anchors: Vec::new(),
        original_len: text.len(),
    };
    normalize_tail(text, 0, &mut out, &mut map);
    Normalized { text: out, map }
}

/// The general path, appending to `out`: used from the first presentation form on.
fn normalize_tail(text: &str, from: usize, out: &mut String, map: &mut OffsetMap) {
    let mut kept_from = from;
    let mut i = from;
    while let Some(c) = text[i..].chars().next() {
        let len = c.len_utf8();
        let fold = fold(c);
        if matches!(fold, Fold::Keep) {
            i += len;
            continue;
        }
        out.push_str(&text[kept_from..i]);
        match fold {
            Fold::Keep => unreachable!(),
            Fold::Delete => {
                if c == '\u{0654}' {
                    compose_hamza(out);
                }
            }
            Fold::Replace(r) => out.push(r),
            Fold::Compatibility => {
                let mut first = true;
                decompose_compatible(c, |d| {
                    let Some(d) = fold_simple(d) else { return };
                    if !first {
                        // Every character of an expansion maps to the start of its source.
                        map.push(out.len(), i);
                    }
                    first = false;
                    out.push(d);
                });
            }
        }
        i += len;
        kept_from = i;
        map.push(out.len(), i);
    }
    out.push_str(&text[kept_from..]);
}

/// Normalize without keeping the map, for keys (glossary forms, abbreviations).
pub fn normalize_str(text: &str) -> String {
    normalize(text).text
}

/// Fold one character of a compatibility decomposition (which never needs decomposing again).
fn fold_simple(c: char) -> Option<char> {
    match fold(c) {
        Fold::Keep | Fold::Compatibility => Some(c),
        Fold::Delete => None,
        Fold::Replace(r) => Some(r),
    }
}

/// [`compose_hamza`] on bytes: waw (D9 88) → ؤ (D8 A4), ya (D9 8A) → ئ (D8 A6).
fn compose_hamza_bytes(out: &mut [u8]) {
    if let [.., lead, trail] = out
        && *lead == 0xD9
        && matches!(*trail, 0x88 | 0x8A)
    {
        *trail = if *trail == 0x88 { 0xA4 } else { 0xA6 };
        *lead = 0xD8;
    }
}

fn compose_hamza(out: &mut String) {
    let composed = match out.chars().next_back() {
        Some('\u{0648}') => '\u{0624}',
        Some('\u{064A}') => '\u{0626}',
        _ => return,
    };
    out.pop();
    out.push(composed);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(s: &str) -> String {
        normalize_str(s)
    }

    #[test]
    fn alef_forms_become_bare_alef() {
        assert_eq!(n("آ أ إ ٱ"), "ا ا ا ا");
        assert_eq!(n("إعلام"), "اعلام");
    }

    #[test]
    fn alef_maqsura_becomes_ya_not_alef() {
        assert_eq!(n("على"), "علي");
        assert_eq!(n("مبنى"), "مبني");
    }

    #[test]
    fn teh_marbuta_becomes_heh() {
        assert_eq!(n("الشرطة"), "الشرطه");
    }

    #[test]
    fn tatweel_is_deleted() {
        assert_eq!(n("بـ 37"), "ب 37");
        assert_eq!(n("كــازاخستان"), "كازاخستان");
    }

    #[test]
    fn harakat_shadda_sukun_are_deleted() {
        assert_eq!(n("اعتُقِلَ"), "اعتقل");
        assert_eq!(n("التجمّعات"), "التجمعات");
        assert_eq!(n("ارتفاعًا"), "ارتفاعا");
        assert_eq!(n("مِنْ"), "من");
    }

    #[test]
    fn dagger_alef_is_deleted() {
        assert_eq!(n("هٰذا"), "هذا");
    }

    #[test]
    fn other_marks_and_quranic_signs_are_deleted() {
        assert_eq!(n("ص\u{0610}لى"), "صلي");
        assert_eq!(n("الله\u{06D6}"), "الله");
        assert_eq!(n("ب\u{0653}"), "ب");
    }

    #[test]
    fn combining_hamza_composes_with_waw_and_ya() {
        assert_eq!(n("سو\u{0654}ال"), "سؤال");
        assert_eq!(n("ي\u{0654}"), "ئ");
        // On alef it is a mark like any other, and alef forms fold anyway.
        assert_eq!(n("ا\u{0654}"), "ا");
    }

    #[test]
    fn arabic_indic_and_eastern_digits_become_ascii() {
        assert_eq!(n("٠١٢٣٤٥٦٧٨٩"), "0123456789");
        assert_eq!(n("۰۱۲۳۴۵۶۷۸۹"), "0123456789");
    }

    #[test]
    fn decimal_and_thousands_separators_become_ascii() {
        assert_eq!(n("٧٫٥"), "7.5");
        assert_eq!(n("١١٬٣٠٠"), "11,300");
    }

    #[test]
    fn presentation_forms_are_decomposed_and_folded() {
        assert_eq!(n("\u{FEFB}"), "لا"); // lam-alef ligature
        assert_eq!(n("\u{FEF7}"), "لا"); // lam-alef with hamza above: the alef folds too
        assert_eq!(n("\u{FDF2}"), "الله");
        assert_eq!(n("\u{FE8D}\u{FEDF}\u{FEE4}"), "الم"); // isolated/initial/medial forms
    }

    #[test]
    fn persian_yeh_and_keheh_fold() {
        assert_eq!(n("ی"), "ي");
        assert_eq!(n("ک"), "ك");
    }

    #[test]
    fn invisible_and_bidi_controls_are_deleted() {
        for c in [
            '\u{200B}', '\u{200C}', '\u{200D}', '\u{200E}', '\u{200F}', '\u{202A}', '\u{202B}',
            '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}',
            '\u{061C}', '\u{FEFF}',
        ] {
            assert_eq!(n(&format!("كا{c}زاخ")), "كازاخ", "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn latin_and_punctuation_are_kept() {
        assert_eq!(n("CSTO, 2022-01: «نص»"), "CSTO, 2022-01: «نص»");
    }

    #[test]
    fn normalization_is_idempotent_on_mixed_text() {
        let s = "أعلنت الشّرطة ﻻ ٣٩٥٨ مبنى\u{200F} كـازاخستان";
        assert_eq!(n(&n(s)), n(s));
    }

    #[test]
    fn map_points_words_back_to_the_original() {
        let original = "قَالَ الرئيسُ ٣٩٥٨ شخصاً";
        let norm = normalize(original);
        assert_eq!(norm.text, "قال الرئيس 3958 شخصا");
        for word in ["الرئيس", "3958", "شخصا"] {
            let ns = norm.text.find(word).unwrap();
            let (os, oe) = (
                norm.map.to_original(ns),
                norm.map.to_original(ns + word.len()),
            );
            let back = &original[os..oe];
            assert_eq!(n(back.trim_end()), word, "word {word} mapped to {back:?}");
        }
        assert_eq!(norm.map.to_original(norm.text.len()), original.len());
    }

    #[test]
    fn deleted_marks_belong_to_the_word_before() {
        let original = "كَتَبَ زيد";
        let norm = normalize(original);
        let end = norm.map.to_original("كتب".len());
        assert_eq!(&original[..end], "كَتَبَ");
    }

    #[test]
    fn map_inside_an_expansion_stays_on_char_boundaries() {
        let original = "ب\u{FEFB}ب";
        let norm = normalize(original);
        assert_eq!(norm.text, "بلاب");
        for (i, _) in norm.text.char_indices() {
            assert!(original.is_char_boundary(norm.map.to_original(i)));
        }
        assert_eq!(norm.map.to_original("بلا".len()), "ب\u{FEFB}".len());
    }

    #[test]
    fn chunked_fast_path_agrees_with_the_reference_at_every_alignment() {
        let body =
            "أعلنت الشرطة إلى مبنى آلماتا وإدارة المدينة على ٣٩٥٨ كـازاخستان اعتُقِلَ \u{061C}ی";
        for shift in 0..20 {
            let text = format!("{}{}", "x".repeat(shift), body.repeat(4));
            let fast = normalize(&text);
            let reference = normalize_reference(&text);
            assert_eq!(fast.text, reference.text, "shift {shift}");
            for (i, _) in fast.text.char_indices() {
                assert_eq!(fast.map.to_original(i), reference.map.to_original(i));
            }
        }
    }

    #[test]
    fn untouched_text_needs_no_anchors() {
        assert_eq!(normalize("كازاخستان اليوم").map.anchor_count(), 0);
    }
}

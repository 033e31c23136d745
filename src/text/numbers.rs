//! Quantities in normalized Arabic text: digits (`3,958`, `7.5`), number words (ثمانية، ألفي،
//! خمسة وعشرون), a multiplier after a number (`6 آلاف`, `175 مليون`, ستة آلاف) and vague counts
//! (عشرات "dozens", مئات, آلاف alone, عدة / بضع "several") that have no exact value.
//!
//! Everything here reads the normalized forms of [`Tokenized`] (أإآ → ا, ة → ه, ى → ي, digits in
//! ASCII). Proclitics are peeled with [`crate::text::clitics`], never by hand.

use super::clitics::for_each_reading;
use super::tokens::{TokenKind, Tokenized};
use serde::Serialize;
use std::sync::OnceLock;

/// A count given without a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Vague {
    /// عدة، بضع، بضعة
    Several,
    /// عشرات
    Dozens,
    /// مئات، عدة مئات
    Hundreds,
    /// آلاف (alone), عدة آلاف
    Thousands,
    /// عشرات الآلاف
    TensOfThousands,
    /// مئات الآلاف
    HundredsOfThousands,
    /// ملايين (alone)
    Millions,
    /// عشرات الملايين
    TensOfMillions,
    /// مليارات (alone)
    Billions,
}

impl Vague {
    /// The English a briefing shows.
    pub fn english(self) -> &'static str {
        match self {
            Vague::Several => "several",
            Vague::Dozens => "dozens",
            Vague::Hundreds => "hundreds",
            Vague::Thousands => "thousands",
            Vague::TensOfThousands => "tens of thousands",
            Vague::HundredsOfThousands => "hundreds of thousands",
            Vague::Millions => "millions",
            Vague::TensOfMillions => "tens of millions",
            Vague::Billions => "billions",
        }
    }
}

/// What a quantity expression says.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Quantity {
    Exact(f64),
    Vague(Vague),
}

/// A quantity found in a token stream: tokens `start..end` of the [`Tokenized`] it came from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct QuantityMatch {
    pub start: usize,
    pub end: usize,
    pub quantity: Quantity,
    /// Bytes of proclitics read off the first token's normalized form (`وثمانيه` → 2). A number
    /// written in digits carries none: `و62` is two tokens.
    pub clitic_len: usize,
}

/// The value of a number written in digits (normalized: ASCII digits, `.` and `,`).
///
/// A comma followed by three digits groups thousands (`3,958` = 3958, `1,234,567`); a single
/// comma followed by other than three digits is a decimal comma (`2,5` = 2.5); a dot is a
/// decimal point, unless several dots each precede three digits (`1.234.567`). Anything else
/// (`06.01.2022`, `1,2,3`) is not one number.
pub fn parse_digits(norm: &str) -> Option<f64> {
    if norm.is_empty()
        || !norm.starts_with(|c: char| c.is_ascii_digit())
        || !norm
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
    {
        return None;
    }
    let groups_of_three = |s: &str, sep: char| s.split(sep).skip(1).all(|g| g.len() == 3);
    let commas = norm.matches(',').count();
    let dots = norm.matches('.').count();
    let plain: String = match (commas, dots) {
        (0, 0) => norm.to_string(),
        // 360.000: nobody writes a decimal with trailing zeros; a dot grouping thousands does.
        (0, 1)
            if norm
                .split('.')
                .nth(1)
                .is_some_and(|g| g.len() == 3 && g.ends_with('0')) =>
        {
            norm.replace('.', "")
        }
        (0, 1) => norm.to_string(),
        (0, _) if groups_of_three(norm, '.') => norm.replace('.', ""),
        (_, 0) if groups_of_three(norm, ',') => norm.replace(',', ""),
        (1, 0) => norm.replace(',', "."),
        // 1,234.5: commas group, the one dot is the decimal point.
        (_, 1) => {
            let (whole, _) = norm.split_once('.')?;
            if !groups_of_three(whole, ',') {
                return None;
            }
            norm.replace(',', "")
        }
        _ => return None,
    };
    plain.parse().ok().filter(|v: &f64| v.is_finite())
}

/// What one number word does in a number.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Role {
    /// Adds its value: units, tens, 200–900, duals (ألفان = 2000).
    Value(f64),
    /// عشر، عشرة: 10 alone, a teen after a unit (خمسة عشر = 15).
    Ten,
    /// مئة، مائة: 100 alone, ×100 after a unit (ثلاث مئة = 300).
    Hundred,
    /// Only before عشر: أحد عشر, اثنا عشر (أحد alone is "one of", or Sunday).
    BeforeTen(f64),
    /// ألف، مليون، مليار (and the accusative ألفا): ×value after a number, the value alone.
    Multiplier(f64),
    /// آلاف، ملايين، مليارات: ×value after a number, a vague count alone.
    Plural(f64, Vague),
    /// عشرات، مئات: a vague count.
    Vague(Vague),
    /// عدة، بضع، بضعة: "several", alone or before مئات / آلاف.
    Several,
    /// نصف، ربع: a fraction of the multiplier after it (نصف مليون) or before it (مليون ونصف).
    Fraction(f64),
}

/// The number words, normalized and without clitics.
const WORDS: &[(&str, Role)] = &[
    ("واحد", Role::Value(1.0)),
    ("واحده", Role::Value(1.0)),
    ("اثنان", Role::Value(2.0)),
    ("اثنين", Role::Value(2.0)),
    ("اثنتان", Role::Value(2.0)),
    ("اثنتين", Role::Value(2.0)),
    ("ثلاثه", Role::Value(3.0)),
    ("ثلاث", Role::Value(3.0)),
    ("اربعه", Role::Value(4.0)),
    ("اربع", Role::Value(4.0)),
    ("خمسه", Role::Value(5.0)),
    ("خمس", Role::Value(5.0)),
    ("سته", Role::Value(6.0)),
    ("ست", Role::Value(6.0)),
    ("سبعه", Role::Value(7.0)),
    ("سبع", Role::Value(7.0)),
    ("ثمانيه", Role::Value(8.0)),
    ("ثماني", Role::Value(8.0)),
    ("ثمان", Role::Value(8.0)),
    ("تسعه", Role::Value(9.0)),
    ("تسع", Role::Value(9.0)),
    ("عشره", Role::Ten),
    ("عشر", Role::Ten),
    ("احد", Role::BeforeTen(1.0)),
    ("احدي", Role::BeforeTen(1.0)),
    ("اثنا", Role::BeforeTen(2.0)),
    ("اثني", Role::BeforeTen(2.0)),
    ("اثنتا", Role::BeforeTen(2.0)),
    ("اثنتي", Role::BeforeTen(2.0)),
    ("عشرون", Role::Value(20.0)),
    ("عشرين", Role::Value(20.0)),
    ("ثلاثون", Role::Value(30.0)),
    ("ثلاثين", Role::Value(30.0)),
    ("اربعون", Role::Value(40.0)),
    ("اربعين", Role::Value(40.0)),
    ("خمسون", Role::Value(50.0)),
    ("خمسين", Role::Value(50.0)),
    ("ستون", Role::Value(60.0)),
    ("ستين", Role::Value(60.0)),
    ("سبعون", Role::Value(70.0)),
    ("سبعين", Role::Value(70.0)),
    ("ثمانون", Role::Value(80.0)),
    ("ثمانين", Role::Value(80.0)),
    ("تسعون", Role::Value(90.0)),
    ("تسعين", Role::Value(90.0)),
    ("مئه", Role::Hundred),
    ("مائه", Role::Hundred),
    ("مئتان", Role::Value(200.0)),
    ("مئتين", Role::Value(200.0)),
    ("مئتي", Role::Value(200.0)),
    ("مائتان", Role::Value(200.0)),
    ("مائتين", Role::Value(200.0)),
    ("مائتي", Role::Value(200.0)),
    ("ثلاثمئه", Role::Value(300.0)),
    ("ثلاثمائه", Role::Value(300.0)),
    ("اربعمئه", Role::Value(400.0)),
    ("اربعمائه", Role::Value(400.0)),
    ("خمسمئه", Role::Value(500.0)),
    ("خمسمائه", Role::Value(500.0)),
    ("ستمئه", Role::Value(600.0)),
    ("ستمائه", Role::Value(600.0)),
    ("سبعمئه", Role::Value(700.0)),
    ("سبعمائه", Role::Value(700.0)),
    ("ثمانمئه", Role::Value(800.0)),
    ("ثمانمائه", Role::Value(800.0)),
    ("ثمانيمئه", Role::Value(800.0)),
    ("ثمانيمائه", Role::Value(800.0)),
    ("تسعمئه", Role::Value(900.0)),
    ("تسعمائه", Role::Value(900.0)),
    ("الف", Role::Multiplier(1e3)),
    ("الفا", Role::Multiplier(1e3)),
    ("الفان", Role::Value(2e3)),
    ("الفين", Role::Value(2e3)),
    ("الفي", Role::Value(2e3)),
    ("الاف", Role::Plural(1e3, Vague::Thousands)),
    ("مليون", Role::Multiplier(1e6)),
    ("مليونا", Role::Multiplier(1e6)),
    ("مليونان", Role::Value(2e6)),
    ("مليونين", Role::Value(2e6)),
    ("مليوني", Role::Value(2e6)),
    ("ملايين", Role::Plural(1e6, Vague::Millions)),
    ("مليار", Role::Multiplier(1e9)),
    ("مليارا", Role::Multiplier(1e9)),
    ("ملياران", Role::Value(2e9)),
    ("مليارين", Role::Value(2e9)),
    ("ملياري", Role::Value(2e9)),
    ("مليارات", Role::Plural(1e9, Vague::Billions)),
    ("عشرات", Role::Vague(Vague::Dozens)),
    ("مئات", Role::Vague(Vague::Hundreds)),
    ("عده", Role::Several),
    ("بضع", Role::Several),
    ("بضعه", Role::Several),
    ("نصف", Role::Fraction(0.5)),
    ("ربع", Role::Fraction(0.25)),
];

/// The number words by form, and a quick filter in front of them: the aligner asks about
/// every word of a million sentences, and most begin with a letter no number word begins with.
struct Table {
    roles: rustc_hash::FxHashMap<&'static str, Role>,
    /// By [`letter_index`] of the first letter.
    first_letters: [bool; 128],
    /// By [`letter_index`] of the last letter, which proclitics do not change: most words are
    /// turned away here before their readings are walked.
    last_letters: [bool; 128],
    shortest: usize,
    longest: usize,
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut first_letters = [false; 128];
        let mut last_letters = [false; 128];
        for (word, _) in WORDS {
            if let Some(i) = letter_index(word.as_bytes()) {
                first_letters[i] = true;
            }
            if let Some(i) = last_letter_index(word) {
                last_letters[i] = true;
            }
        }
        Table {
            roles: WORDS.iter().copied().collect(),
            first_letters,
            last_letters,
            shortest: WORDS.iter().map(|(w, _)| w.len()).min().unwrap_or(0),
            longest: WORDS.iter().map(|(w, _)| w.len()).max().unwrap_or(0),
        }
    })
}

/// An index for the Arabic letter a byte string begins with (U+0600–U+067F).
fn letter_index(bytes: &[u8]) -> Option<usize> {
    match bytes {
        [lead @ (0xD8 | 0xD9), trail, ..] => {
            Some(usize::from(lead - 0xD8) * 64 + usize::from(trail & 0x3F))
        }
        _ => None,
    }
}

fn last_letter_index(word: &str) -> Option<usize> {
    let bytes = word.as_bytes();
    letter_index(bytes.get(bytes.len().checked_sub(2)?..)?)
}

impl Table {
    /// Whether `word`, with any proclitics, may be a number word at all.
    fn may_hold(&self, word: &str) -> bool {
        last_letter_index(word).is_some_and(|i| self.last_letters[i])
    }

    fn get(&self, form: &str) -> Option<Role> {
        if form.len() < self.shortest || form.len() > self.longest {
            return None;
        }
        let first = letter_index(form.as_bytes())?;
        if !self.first_letters[first] {
            return None;
        }
        self.roles.get(form).copied()
    }
}

/// Whether a role may be read through the definite article: العشرات، المئات، الآلاف are the
/// same counts, but الخمس، الاثنين are "the five" and Monday, and الألف is rarely a figure.
fn article_allowed(role: Role) -> bool {
    matches!(role, Role::Vague(_) | Role::Plural(..))
}

/// The role of `word` read through its proclitics, and the clitics' length in bytes. The bare
/// word is tried first (بضع is not ب + ضع, الاف is not ال + اف).
fn role_of(word: &str) -> Option<(Role, usize)> {
    let table = table();
    if !table.may_hold(word) {
        return None;
    }
    let mut found = None;
    for_each_reading(word, |len, clitics| {
        if found.is_some() {
            return;
        }
        if let Some(role) = word.get(len..).and_then(|rest| table.get(rest))
            && (!clitics.article || article_allowed(role))
        {
            found = Some((role, len));
        }
    });
    found
}

/// Whether `word` (normalized) is a number word, read through its proclitics (ثمانية، وألف،
/// عشرات): part of a figure, which the figure callouts compare by value.
pub fn is_number_word(word: &str) -> bool {
    role_of(word).is_some()
}

/// The value of one number word, clitics allowed (وثمانية = 8, ألفي = 2000, مئة = 100); `None`
/// for vague words and for words that only make a number with others (أحد, نصف).
#[cfg(test)]
fn word_value(word: &str) -> Option<f64> {
    // آلاف alone is vague: only a number before it makes it exact.
    match role_of(word)?.0 {
        Role::Value(v) | Role::Multiplier(v) => Some(v),
        Role::Ten => Some(10.0),
        Role::Hundred => Some(100.0),
        _ => None,
    }
}

/// The quantity that starts at token `at`, if any: digits with an optional multiplier
/// (`6 آلاف`, `1.5 مليار`), number words however composed (ستة عشر، خمسة وعشرون، ثلاثة آلاف
/// وخمسمئة، مليون ونصف), or a vague count (عشرات، عدة مئات، عشرات الآلاف).
pub fn quantity_at(tokenized: &Tokenized, at: usize) -> Option<QuantityMatch> {
    let token = tokenized.tokens.get(at)?;
    let norm = tokenized.norm(token);
    match token.kind {
        TokenKind::Number => {
            let mut value = parse_digits(norm)?;
            let mut end = at + 1;
            // "6 آلاف", "175 مليون": a bare multiplier right after the digits.
            if let Some(Role::Multiplier(m) | Role::Plural(m, _)) = bare_role(tokenized, end) {
                value *= m;
                end += 1;
            }
            let (quantity, end) = and_digits(tokenized, Quantity::Exact(value), end);
            Some(QuantityMatch {
                start: at,
                end,
                quantity,
                clitic_len: 0,
            })
        }
        TokenKind::Word => {
            let (role, clitic_len) = role_of(norm)?;
            let (quantity, end) = match role {
                Role::Several | Role::Vague(_) | Role::Plural(..) => {
                    vague_from(tokenized, at, role)?
                }
                // نصف مليون، ربع مليون: alone, نصف is "half" of something else.
                Role::Fraction(f) => match bare_role(tokenized, at + 1) {
                    Some(Role::Multiplier(m)) if m >= 1000.0 => (Quantity::Exact(f * m), at + 2),
                    _ => return None,
                },
                _ => words_from(tokenized, at, role)?,
            };
            let (quantity, end) = and_digits(tokenized, quantity, end);
            Some(QuantityMatch {
                start: at,
                end,
                quantity,
                clitic_len,
            })
        }
    }
}

/// A quantity ending in a multiplier may go on in digits, with a smaller multiplier or alone:
/// مليون و200 ألف = 1,200,000, ألف و500 = 1,500 (a number and another in digits otherwise never
/// add up through و: 26 ناشطا و16).
fn and_digits(tokenized: &Tokenized, quantity: Quantity, end: usize) -> (Quantity, usize) {
    let unchanged = (quantity, end);
    let Quantity::Exact(value) = quantity else {
        return unchanged;
    };
    let multiplier_at = |i: usize| match tokenized.tokens.get(i) {
        Some(t) if t.kind == TokenKind::Word => match role_of(tokenized.norm(t)) {
            Some((Role::Multiplier(m) | Role::Plural(m, _), 0)) => Some(m),
            _ => None,
        },
        _ => None,
    };
    let Some(larger) = end.checked_sub(1).and_then(multiplier_at) else {
        return unchanged;
    };
    let (Some(and), Some(digits)) = (tokenized.tokens.get(end), tokenized.tokens.get(end + 1))
    else {
        return unchanged;
    };
    if larger < 1000.0
        || and.kind != TokenKind::Word
        || tokenized.norm(and) != "و"
        || digits.kind != TokenKind::Number
        || !joined(tokenized, end - 1, end)
        || !joined(tokenized, end, end + 1)
    {
        return unchanged;
    }
    // A multiplier after the digits only counts when written straight after them.
    let multiplier_at = |i: usize| {
        if joined(tokenized, i - 1, i) {
            multiplier_at(i)
        } else {
            None
        }
    };
    match (parse_digits(tokenized.norm(digits)), multiplier_at(end + 2)) {
        (Some(d), Some(smaller)) if d * smaller < larger => {
            (Quantity::Exact(value + d * smaller), end + 3)
        }
        // ألف و500 "a thousand and 500": digits alone, smaller than the multiplier.
        (Some(d), None) if d < larger && d.fract() == 0.0 => (Quantity::Exact(value + d), end + 2),
        _ => unchanged,
    }
}

/// Every quantity of a tokenized text, left to right, not overlapping.
pub fn quantities(tokenized: &Tokenized) -> Vec<QuantityMatch> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokenized.tokens.len() {
        match quantity_at(tokenized, i) {
            Some(q) => {
                i = q.end.max(i + 1);
                out.push(q);
            }
            None => i += 1,
        }
    }
    out
}

/// Whether tokens `a` and `b` (a before b) are separated by white space only: a number does
/// not run on across punctuation (`ثلاثة، وعشرون` is two).
fn joined(tokenized: &Tokenized, a: usize, b: usize) -> bool {
    let (Some(x), Some(y)) = (tokenized.tokens.get(a), tokenized.tokens.get(b)) else {
        return false;
    };
    tokenized
        .normalized
        .text
        .get(x.norm.end..y.norm.start)
        .is_some_and(|gap| gap.chars().all(char::is_whitespace))
}

/// The role of token `i` as written (no clitics, except the article where a count allows
/// it: عشرات الآلاف), when it directly follows token `i - 1`.
fn bare_role(tokenized: &Tokenized, i: usize) -> Option<Role> {
    if i == 0 || !joined(tokenized, i - 1, i) {
        return None;
    }
    let token = tokenized.tokens.get(i)?;
    if token.kind != TokenKind::Word {
        return None;
    }
    let (role, clitic_len) = role_of(tokenized.norm(token))?;
    let norm = tokenized.norm(token);
    // Only the article may stand before a continuing word; و starts a new conjunct.
    (clitic_len == 0 || norm.starts_with("ال")).then_some(role)
}

/// The role of a number word joined by "and" at token `i`: `وعشرون` (clitic) or `و عشرون`
/// (separate token), with the index after it.
fn and_role(tokenized: &Tokenized, i: usize) -> Option<(Role, usize)> {
    let token = tokenized.tokens.get(i)?;
    if i == 0 || !joined(tokenized, i - 1, i) || token.kind != TokenKind::Word {
        return None;
    }
    let norm = tokenized.norm(token);
    if norm == "و" {
        let next = tokenized.tokens.get(i + 1)?;
        if !joined(tokenized, i, i + 1) || next.kind != TokenKind::Word {
            return None;
        }
        let (role, len) = role_of(tokenized.norm(next))?;
        return (len == 0).then_some((role, i + 2));
    }
    let rest = norm.strip_prefix('و')?;
    let (role, len) = role_of(rest)?;
    (len == 0).then_some((role, i + 1))
}

/// A vague count starting with `role` at token `at`: عشرات، عدة مئات، عشرات الآلاف، آلاف.
fn vague_from(tokenized: &Tokenized, at: usize, role: Role) -> Option<(Quantity, usize)> {
    let base = match role {
        Role::Several => Vague::Several,
        Role::Vague(v) | Role::Plural(_, v) => v,
        _ => return None,
    };
    let next = bare_role(tokenized, at + 1);
    let combined = match (base, next) {
        (Vague::Several, Some(Role::Vague(v))) => Some(v),
        (Vague::Several, Some(Role::Plural(_, v))) => Some(v),
        (Vague::Dozens, Some(Role::Plural(_, Vague::Thousands))) => Some(Vague::TensOfThousands),
        (Vague::Hundreds, Some(Role::Plural(_, Vague::Thousands))) => {
            Some(Vague::HundredsOfThousands)
        }
        (Vague::Dozens, Some(Role::Plural(_, Vague::Millions))) => Some(Vague::TensOfMillions),
        (
            Vague::Dozens | Vague::Hundreds,
            Some(Role::Plural(_, v @ (Vague::Millions | Vague::Billions))),
        ) => Some(v),
        _ => None,
    };
    Some(match combined {
        Some(v) => (Quantity::Vague(v), at + 2),
        None => (Quantity::Vague(base), at + 1),
    })
}

/// A number in words starting with `first` at token `at`.
fn words_from(tokenized: &Tokenized, at: usize, first: Role) -> Option<(Quantity, usize)> {
    let mut number = WordNumber::default();
    match first {
        Role::BeforeTen(v) => {
            // أحد عشر, اثنا عشر; أحد alone is not a figure.
            if bare_role(tokenized, at + 1) != Some(Role::Ten) {
                return None;
            }
            number.add(v + 10.0, false);
            return Some(number.finish(tokenized, at + 2));
        }
        role => number.apply(role, false)?,
    }
    Some(number.finish(tokenized, at + 1))
}

/// A number in words being read: `total` holds the completed thousands/millions, `group` the
/// part below the next multiplier (ثلاثمئة وخمسون ألفا: group 350, then total 350,000).
#[derive(Debug, Default)]
struct WordNumber {
    total: f64,
    group: f64,
    /// The last word was a unit 1–9 (a teen or "and twenty" may follow).
    after_unit: bool,
    /// The last multiplier applied, for "ونصف".
    last_multiplier: Option<f64>,
}

impl WordNumber {
    fn add(&mut self, v: f64, unit_like: bool) {
        self.group += v;
        self.after_unit = unit_like;
        self.last_multiplier = None;
    }

    fn multiply(&mut self, m: f64) {
        let times = if self.group == 0.0 { 1.0 } else { self.group };
        self.total += times * m;
        self.group = 0.0;
        self.after_unit = false;
        self.last_multiplier = Some(m);
    }

    /// The first word, or a word written right after the previous one (no "and").
    fn apply(&mut self, role: Role, continuing: bool) -> Option<()> {
        let unit = |v: f64| (1.0..=9.0).contains(&v);
        match role {
            Role::Value(v) if !continuing => self.add(v, unit(v)),
            Role::Ten if !continuing => self.add(10.0, false),
            Role::Ten if self.after_unit => self.add(10.0, false),
            Role::Hundred if !continuing => self.add(100.0, false),
            Role::Hundred if self.after_unit => {
                self.group *= 100.0;
                self.after_unit = false;
            }
            Role::Multiplier(m) if !continuing => self.multiply(m),
            Role::Multiplier(m) | Role::Plural(m, _)
                if continuing && self.group > 0.0 && m > self.group =>
            {
                self.multiply(m)
            }
            _ => return None,
        }
        Some(())
    }

    /// A word joined by "and": tens after a unit (خمسة وعشرون), a smaller part after a
    /// larger one (مئة وخمسون، ألف ومئتان), half after a multiplier (مليون ونصف).
    fn apply_and(&mut self, role: Role) -> Option<()> {
        let v = match role {
            Role::Fraction(f) => {
                let m = self.last_multiplier?;
                self.total += m * f;
                self.last_multiplier = None;
                return Some(());
            }
            Role::Value(v) => v,
            Role::Ten => 10.0,
            Role::Hundred => 100.0,
            _ => return None,
        };
        let tens = (20.0..100.0).contains(&v) && v % 10.0 == 0.0;
        let below_hundred = self.group % 100.0;
        let after_round = below_hundred == 0.0 && (self.group > 0.0 || self.total > 0.0);
        let fits = if tens {
            (self.after_unit && below_hundred < 10.0) || after_round
        } else if v < 100.0 {
            after_round
        } else if v < 1000.0 {
            self.group == 0.0 && self.total > 0.0
        } else {
            false
        };
        if !fits {
            return None;
        }
        self.add(v, (1.0..=9.0).contains(&v));
        Some(())
    }

    /// Read on from token `i` as far as the number goes; the value and the end index.
    fn finish(mut self, tokenized: &Tokenized, mut i: usize) -> (Quantity, usize) {
        loop {
            if let Some(role) = bare_role(tokenized, i)
                && self.apply(role, true).is_some()
            {
                i += 1;
                continue;
            }
            if let Some((role, next)) = and_role(tokenized, i)
                && self.apply_and(role).is_some()
            {
                i = next;
                continue;
            }
            break;
        }
        (Quantity::Exact(self.total + self.group), i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    /// The quantities of a text, with the original text each covers.
    fn found(text: &str) -> Vec<(String, Quantity)> {
        let t = tokenize(text);
        quantities(&t)
            .into_iter()
            .map(|q| {
                let span = crate::text::Span::new(
                    t.tokens[q.start].span.start,
                    t.tokens[q.end - 1].span.end,
                );
                (span.slice(text).to_string(), q.quantity)
            })
            .collect()
    }

    fn values(text: &str) -> Vec<f64> {
        found(text)
            .into_iter()
            .filter_map(|(_, q)| match q {
                Quantity::Exact(v) => Some(v),
                Quantity::Vague(_) => None,
            })
            .collect()
    }

    fn vague(text: &str) -> Vec<Vague> {
        found(text)
            .into_iter()
            .filter_map(|(_, q)| match q {
                Quantity::Vague(v) => Some(v),
                Quantity::Exact(_) => None,
            })
            .collect()
    }

    #[test]
    fn digits_group_thousands_and_keep_decimals() {
        assert_eq!(parse_digits("3,958"), Some(3958.0));
        assert_eq!(parse_digits("1,234,567"), Some(1_234_567.0));
        assert_eq!(parse_digits("1.234.567"), Some(1_234_567.0));
        assert_eq!(parse_digits("1,234.5"), Some(1234.5));
        assert_eq!(parse_digits("7.5"), Some(7.5));
        assert_eq!(parse_digits("360.000"), Some(360_000.0));
        assert_eq!(parse_digits("2.345"), Some(2.345));
        assert_eq!(parse_digits("2,5"), Some(2.5));
        assert_eq!(parse_digits("5800"), Some(5800.0));
        assert_eq!(parse_digits("06.01.2022"), None);
        assert_eq!(parse_digits("1,2,3"), None);
        assert_eq!(parse_digits(""), None);
        assert_eq!(parse_digits("12a"), None);
    }

    #[test]
    fn arabic_digits_and_separators_parse_after_normalization() {
        assert_eq!(values("أصيب ٣٬٩٥٨ شخصا"), [3958.0]);
        assert_eq!(values("بلغ ٧٫٥ بالمئة"), [7.5]);
    }

    #[test]
    fn a_multiplier_after_digits_multiplies() {
        assert_eq!(values("اعتقل 6 آلاف"), [6000.0]);
        assert_eq!(values("خسائر بقيمة 175 مليون"), [175e6]);
        assert_eq!(values("عجز 1.5 مليار"), [1.5e9]);
        assert_eq!(values("نحو 3 ملايين"), [3e6]);
        // Across punctuation it does not.
        assert_eq!(values("عددهم 6، آلاف"), [6.0]);
    }

    #[test]
    fn units_in_every_form() {
        for (word, v) in [
            ("ثمانية", 8.0),
            ("ثماني", 8.0),
            ("ثلاث", 3.0),
            ("اثنان", 2.0),
            ("اثنين", 2.0),
            ("اثنتان", 2.0),
            ("عشرة", 10.0),
            ("واحد", 1.0),
        ] {
            assert_eq!(values(&format!("قتل {word} أشخاص")), [v], "{word}");
        }
    }

    #[test]
    fn teens_tens_and_compounds() {
        assert_eq!(values("ستة عشر"), [16.0]);
        assert_eq!(values("أحد عشر"), [11.0]);
        assert_eq!(values("اثنا عشر"), [12.0]);
        assert_eq!(values("تسعين"), [90.0]);
        assert_eq!(values("خمسة وعشرون"), [25.0]);
        assert_eq!(values("خمسة و عشرون"), [25.0]);
        assert_eq!(values("مئة وخمسون"), [150.0]);
        assert_eq!(values("مئة وخمسة وعشرون"), [125.0]);
    }

    #[test]
    fn hundreds_in_one_word_or_two() {
        assert_eq!(values("مئة"), [100.0]);
        assert_eq!(values("مائة"), [100.0]);
        assert_eq!(values("مئتان"), [200.0]);
        assert_eq!(values("مئتي"), [200.0]);
        assert_eq!(values("مئتين"), [200.0]);
        assert_eq!(values("ثلاثمئة"), [300.0]);
        assert_eq!(values("خمسمائة"), [500.0]);
        assert_eq!(values("ثلاث مئة"), [300.0]);
    }

    #[test]
    fn thousands_millions_billions() {
        assert_eq!(values("ألف"), [1000.0]);
        assert_eq!(values("ألفان"), [2000.0]);
        assert_eq!(values("ألفي"), [2000.0]);
        assert_eq!(values("ألفين"), [2000.0]);
        assert_eq!(values("ستة آلاف"), [6000.0]);
        assert_eq!(values("عشرة آلاف"), [10_000.0]);
        assert_eq!(values("عشرين ألفا"), [20_000.0]);
        assert_eq!(values("ثلاثمئة ألف"), [300_000.0]);
        assert_eq!(values("ثلاثة آلاف وخمسمئة"), [3500.0]);
        assert_eq!(values("ألف ومئتان"), [1200.0]);
        assert_eq!(values("مليون"), [1e6]);
        assert_eq!(values("مليونا"), [1e6]);
        assert_eq!(values("مليون ونصف"), [1.5e6]);
        assert_eq!(values("مليار"), [1e9]);
    }

    #[test]
    fn fractions_of_a_multiplier_and_millions_going_on_in_digits() {
        assert_eq!(values("نحو نصف مليون لاجئ"), [5e5]);
        assert_eq!(values("ربع مليون نسمة"), [2.5e5]);
        assert_eq!(values("مليون وربع"), [1.25e6]);
        // نصف alone is half of something, not a number.
        assert!(values("نصف المدينة").is_empty());
        assert_eq!(values("أكثر من مليون و200 ألف لاجئ"), [1.2e6]);
        assert_eq!(values("2 مليون و500 ألف"), [2.5e6]);
        // Two counts joined by و stay two: a smaller total after thousands, or digits alone.
        assert_eq!(values("ألف و200 ألف"), [1000.0, 200_000.0]);
        assert_eq!(values("أكثر من ألف و500 مشتبه به"), [1500.0]);
        assert_eq!(values("مليون و200 شخص"), [1_000_200.0]);
        // Digits after a multiplier's noun are a count of their own.
        assert_eq!(values("ألف جريح و500 معتقل"), [1000.0, 500.0]);
        assert_eq!(vague("عشرات الملايين من القتلى"), [Vague::TensOfMillions]);
    }

    #[test]
    fn number_words_through_proclitics() {
        assert_eq!(values("وثمانية"), [8.0]);
        assert_eq!(values("بعشرة"), [10.0]);
        assert_eq!(values("لألفي"), [2000.0]);
        assert_eq!(values("و16 آخرين"), [16.0]);
        assert_eq!(values("بـ 37"), [37.0]);
        assert_eq!(found("وثمانية")[0].0, "وثمانية");
    }

    #[test]
    fn the_article_makes_no_exact_number() {
        // Monday, "the five", "the thousand": not figures.
        assert!(values("يوم الاثنين").is_empty());
        assert!(values("الجمهوريات الخمس").is_empty());
        assert!(values("الألف").is_empty());
        assert!(values("الثلاثاء").is_empty());
    }

    #[test]
    fn one_of_is_not_a_number() {
        assert!(values("في أحد الأحياء").is_empty());
        assert!(values("يوم الأحد").is_empty());
    }

    #[test]
    fn vague_counts_have_no_value() {
        assert_eq!(vague("عشرات القتلى"), [Vague::Dozens]);
        assert_eq!(vague("العشرات من المتظاهرين"), [Vague::Dozens]);
        assert_eq!(vague("مئات المحتجين"), [Vague::Hundreds]);
        assert_eq!(vague("آلاف المتظاهرين"), [Vague::Thousands]);
        assert_eq!(vague("عدة عربات"), [Vague::Several]);
        assert_eq!(vague("بضعة أشخاص"), [Vague::Several]);
        assert_eq!(vague("عدة مئات من الناس"), [Vague::Hundreds]);
        assert_eq!(vague("عدة آلاف"), [Vague::Thousands]);
        assert_eq!(vague("عشرات الآلاف"), [Vague::TensOfThousands]);
        assert_eq!(vague("مئات الآلاف"), [Vague::HundredsOfThousands]);
        assert_eq!(vague("ملايين"), [Vague::Millions]);
        assert!(values("عشرات الآلاف").is_empty());
    }

    #[test]
    fn separate_numbers_stay_separate() {
        // Digits never add up through "and": two figures.
        assert_eq!(values("26 ناشطا و16 من الأمن"), [26.0, 16.0]);
        assert_eq!(values("قتل خمسة وأصيب عشرة"), [5.0, 10.0]);
        assert_eq!(values("خمسة وخمسة"), [5.0, 5.0]);
        assert_eq!(values("60 قرابة ألف"), [60.0, 1000.0]);
    }

    #[test]
    fn word_values() {
        assert_eq!(word_value("ثمانيه"), Some(8.0));
        assert_eq!(word_value("وثمانيه"), Some(8.0));
        assert_eq!(word_value("الف"), Some(1000.0));
        assert_eq!(word_value("الاف"), None);
        assert_eq!(word_value("عشرات"), None);
        assert_eq!(word_value("كتاب"), None);
    }

    proptest::proptest! {
        #[test]
        fn quantities_never_panic_and_stay_in_bounds(text in "[0-9٠-٩,.٫٬ وثمانيةعشرألفآلامليونمئاتعدةبضع]{0,40}") {
            let t = tokenize(&text);
            for q in quantities(&t) {
                proptest::prop_assert!(q.start < q.end && q.end <= t.tokens.len());
            }
        }
    }
}

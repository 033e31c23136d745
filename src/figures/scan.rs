//! Finding figures in one sentence: quantities (text::numbers), what each counts (the noun
//! after it), and the event word that says what happened to them (the trigger).
//!
//! The steps, and why:
//! 1. Every quantity is found, with a qualifier before it (أكثر من) or after its noun phrase
//!    (على الأقل).
//! 2. Quantities that are not counts are set aside: years, dates, times, ages, names
//!    (“خبر 24”), percentages, numbers in links, and a number run into another one (a typo:
//!    `60 قرابة ألف`). They neither give figures nor stop the search for a trigger.
//! 3. The counted noun is read: people (and whose: police, security forces...), things
//!    (vehicles, buildings), money, or an unknown noun (`125 تحقيق`), which makes the number a
//!    count of something else: no figure, and a barrier for its neighbours' triggers.
//! 4. Trigger words are looked for on both sides, within a clause, not past another quantity
//!    (quantities joined by و, `26 ناشطا و16 من الأمن قتلوا`, share one), and each trigger goes
//!    to the nearest quantity it fits (a trigger before a number first on ties: Arabic puts
//!    the verb first, قتل 5 وأصيب 10).

use super::lexicon::{self, Cue, Event, Side, Thing};
use super::{Currency, Figure, Measure, Qualifier, Who};
use crate::text::numbers::{Quantity, QuantityMatch, Vague, quantities};
use crate::text::{Span, TokenKind, Tokenized, tokenize};

/// Trigger search windows, in words (clitic letters written apart, `بـ`, do not count).
const LEFT_WINDOW: usize = 4;
const RIGHT_WINDOW: usize = 8;
/// Places and states (المستشفى، العناية المركزة) close the phrase of their number: 400 منهم
/// إلى المستشفى, not العشرات من الأطباء العاملين في المستشفى.
const PLACE_WINDOW: usize = 4;
/// How far back "the toll of X reached N" looks for its "toll of X".
const TOTAL_WINDOW: usize = 15;
/// How far a word of context (a disease, a company's accounts) may stand from a figure.
const CONTEXT_WINDOW: usize = 8;

/// Find the figures of one sentence (its original text), in order.
pub fn extract(sentence: &str) -> Vec<Figure> {
    let tokenized = tokenize(sentence);
    if tokenized.tokens.is_empty() {
        return Vec::new();
    }
    Scan::new(sentence, &tokenized).figures()
}

/// What stands between a token and the one before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Break {
    None,
    /// A comma: a clause ends, but "the toll ..., reached N" may reach across.
    Comma,
    /// Other punctuation, or a word that starts a new clause (كما، بينما، في حين).
    Strong,
}

/// What the noun after a quantity says is counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Counted {
    /// No noun: the number stands alone (`قتل 5`, `ثمانية في صفوف`, `ألف جريح`).
    Bare,
    Person,
    Thing(Thing),
    Money(Currency),
    /// A noun we do not track (تحقيق، دولة، مدن): a count of something else.
    Other,
    /// A unit or a month: the number is a duration, a measurement or a date.
    NotACount,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Status {
    /// May give a figure.
    Keep,
    /// Counts something else: no figure, and stops trigger searches.
    Barrier,
    /// Not a count at all (year, date, age...): ignored entirely.
    Ignore,
}

#[derive(Debug, Clone)]
struct Candidate {
    q: QuantityMatch,
    qualifier: Qualifier,
    /// First token, qualifier included.
    first: usize,
    /// End token (exclusive), a qualifier after the noun phrase included.
    last: usize,
    counted: Counted,
    /// The counted noun's token: an event noun there (ألف جريح) is the figure's own trigger.
    noun: Option<usize>,
    who: Who,
    /// "of them": only a trigger after it makes it a figure.
    sub: bool,
    status: Status,
    /// Quantities joined by و share a group (and their triggers).
    group: usize,
}

impl Candidate {
    /// The end of its phrase: the quantity, a qualifier after it, and its own noun (4 شهداء).
    fn phrase_end(&self) -> usize {
        self.noun.map_or(self.last, |n| self.last.max(n + 1))
    }
}

/// A trigger offered to a candidate.
#[derive(Debug, Clone, Copy)]
struct Pair {
    candidate: usize,
    trigger: usize,
    distance: usize,
    /// 0 for the figure's own outcome noun (39 قتيلا و40 جريحا), 1 before the number, 2
    /// after, 3 its own status noun: on equal distance the verb before wins (قتل 5 وأصيب 10).
    side: u8,
    measure: Measure,
}

struct Scan<'a> {
    text: &'a str,
    tk: &'a Tokenized,
    norms: Vec<&'a str>,
    cues: Vec<Option<Cue>>,
    /// The cue was read through و or ف (a new conjunct).
    conjunct: Vec<bool>,
    /// What separates token i from token i - 1.
    breaks: Vec<Break>,
    /// The candidate each token belongs to (qualifier included).
    owner: Vec<Option<usize>>,
    candidates: Vec<Candidate>,
}

impl<'a> Scan<'a> {
    fn new(text: &'a str, tk: &'a Tokenized) -> Self {
        let norms: Vec<&str> = tk.tokens.iter().map(|t| tk.norm(t)).collect();
        let (cues, conjunct) = tk
            .tokens
            .iter()
            .zip(&norms)
            .map(|(t, n)| match t.kind {
                TokenKind::Word => match lexicon::cue_reading(n) {
                    Some((cue, conjunct)) => (Some(cue), conjunct),
                    None => (None, false),
                },
                TokenKind::Number => (None, false),
            })
            .unzip();
        let mut scan = Scan {
            text,
            tk,
            norms,
            cues,
            conjunct,
            breaks: Vec::new(),
            owner: Vec::new(),
            candidates: Vec::new(),
        };
        scan.breaks = scan.find_breaks();
        scan
    }

    fn len(&self) -> usize {
        self.norms.len()
    }

    /// The original text between tokens `i - 1` and `i` (from the sentence start for 0).
    fn gap_before(&self, i: usize) -> &'a str {
        let tokens = &self.tk.tokens;
        let end = tokens.get(i).map_or(self.text.len(), |t| t.span.start);
        let start = if i == 0 {
            0
        } else {
            tokens.get(i - 1).map_or(0, |t| t.span.end)
        };
        self.text.get(start..end).unwrap_or("")
    }

    fn find_breaks(&self) -> Vec<Break> {
        let mut breaks: Vec<Break> = (0..self.len())
            .map(|i| {
                if i == 0 {
                    return Break::Strong;
                }
                let gap = self.gap_before(i);
                // Markup characters too: a number in `<seg id="1">` belongs to no clause.
                if gap.contains([
                    '.', '؛', ';', ':', '!', '?', '؟', '(', ')', '[', ']', '\n', '…', '–', '—',
                    '<', '>', '=', '|', '{', '}',
                ]) || gap.trim() == "-" && gap.len() > 1
                {
                    Break::Strong
                } else if gap.contains(['،', ',']) {
                    Break::Comma
                } else {
                    Break::None
                }
            })
            .collect();
        for i in 0..self.len() {
            // A number in brackets beside its words, "استشهاد (15) خمسة عشر مصلياً", or an
            // event word a quoted statement brackets, "أسفر عن (استشهاد) 21 مدنيا", is no new
            // clause.
            let bracketed_event =
                matches!(self.cues[i], Some(Cue::Event(..) | Cue::EventBefore(..)));
            if (self.tk.tokens[i].kind == TokenKind::Number || bracketed_event)
                && self.gap_before(i).trim() == "("
                && self.gap_before(i + 1).trim() == ")"
            {
                breaks[i] = Break::None;
                if i + 1 < self.len() {
                    breaks[i + 1] = Break::None;
                }
            }
            if self.cues[i] == Some(Cue::Boundary) {
                breaks[i] = Break::Strong;
            }
            // في حين "whereas".
            if i > 0 && self.norms[i] == "حين" && lexicon::word_is(self.norms[i - 1], "في", true)
            {
                breaks[i - 1] = Break::Strong;
            }
        }
        breaks
    }

    fn figures(mut self) -> Vec<Figure> {
        self.find_candidates();
        let mut assigned: Vec<Option<(Measure, usize)>> = vec![None; self.candidates.len()];
        self.assign_triggers(&mut assigned);
        let mut figures: Vec<Figure> = Vec::new();
        // The figure emitted last and its candidate's last token.
        let mut previous: Option<(Figure, usize)> = None;
        // Groups holding a sub-count: "خمسة منهم من رجال الأمن، وستة متدربين" are all parts.
        let sub_groups: Vec<usize> = self
            .candidates
            .iter()
            .filter(|c| c.sub)
            .map(|c| c.group)
            .collect();
        for (i, c) in self.candidates.iter().enumerate() {
            if c.status != Status::Keep {
                continue;
            }
            let mut sub = c.sub || sub_groups.contains(&c.group);
            let mut joined = false;
            let measure_and_qualifier = match assigned[i] {
                Some((measure, _)) => Some((measure, c.qualifier)),
                None => self.fallback(c).or_else(|| {
                    let (total, total_last) = previous.as_ref()?;
                    let total_last = *total_last;
                    if sub && !total.sub {
                        // A part with no event of its own counts what its total counts: the
                        // figure before it (استشهاد 15، خمسة منهم من رجال الأمن).
                        return Some((total.measure, c.qualifier));
                    }
                    // "N of these and M of those": a count joined by و to the figure before it,
                    // in the same clause, counts the same (استشهاد عشرة من منسوبي القوة
                    // وثلاثة من العاملين), and is a part when that one is.
                    self.joined_to(c, total_last).then(|| {
                        sub = total.sub;
                        joined = true;
                        (total.measure, c.qualifier)
                    })
                }),
            };
            let Some((mut measure, qualifier)) = measure_and_qualifier else {
                continue;
            };
            // "of them" with an event of its own (300 wounded, 120 of them to hospital) is a
            // count of that event, and may be compared; a part only when it counts the same.
            if assigned[i].is_some() && sub {
                sub = previous
                    .as_ref()
                    .is_some_and(|(total, _)| total.measure == measure);
            }
            if measure == Measure::Wounded && self.near(c, lexicon::is_disease_word) {
                measure = Measure::Cases;
            }
            if measure == Measure::Protesters && self.near(c, lexicon::is_ceremony_word) {
                continue;
            }
            if measure == Measure::Displaced && self.near(c, lexicon::is_service_word) {
                continue;
            }
            // The residents of a building are no population figure.
            if measure == Measure::Population
                && !matches!(c.q.quantity, Quantity::Exact(v) if v >= 1000.0)
            {
                continue;
            }
            if self.discharged(c) || self.per_capita(c) {
                continue;
            }
            // "8 hospitals" (بثمانية مستشفيات) counts hospitals, not the people in them.
            if measure == Measure::Hospitalised
                && c.noun.is_some_and(|n| {
                    matches!(self.cues[n], Some(Cue::Event(Event::Hospitalised, _)))
                })
            {
                continue;
            }
            // Carried by a vehicle: the wounded flown out are evacuated; anyone else is a
            // passenger, which is no toll (a bus that "carried 40 refugees" before it crashed).
            if self.carried(c) {
                match measure {
                    Measure::Wounded => measure = Measure::Evacuated,
                    Measure::Evacuated => {}
                    _ => continue,
                }
            }
            if matches!(measure, Measure::Losses(_)) && self.near(c, lexicon::is_accounts_word) {
                // A company's results or a market report, not damage.
                continue;
            }
            let (Some(first), Some(last)) = (
                self.tk.tokens.get(c.first),
                self.tk.tokens.get(c.last.saturating_sub(1)),
            ) else {
                continue;
            };
            let who = match measure {
                Measure::Killed
                | Measure::Wounded
                | Measure::Casualties
                | Measure::Cases
                | Measure::Arrested
                | Measure::Detained
                | Measure::Hospitalised
                | Measure::IntensiveCare
                | Measure::Missing
                | Measure::Displaced
                | Measure::Evacuated
                | Measure::Deployed => c.who,
                _ => Who::People,
            };
            // "N others" (وأصيب 70 آخرون) are of the side the figure before them counts.
            let others = c
                .noun
                .is_some_and(|n| matches!(self.norms[n], "اخرين" | "اخرون" | "اخر"));
            let who = match &previous {
                Some((before, _)) if others && who == Who::People => before.who,
                _ => who,
            };
            let (value, qualifier) = match c.q.quantity {
                Quantity::Exact(v) => (Some(v), qualifier),
                Quantity::Vague(v) => (None, Qualifier::Vague(v)),
            };
            figures.push(Figure {
                span: Span::new(first.span.start, last.span.end.max(first.span.start)),
                value,
                qualifier,
                measure,
                who,
                sub,
                joined,
            });
            // Its own noun (4 شهداء) is part of it, not an event between it and the next.
            previous = figures.last().cloned().map(|f| (f, c.phrase_end()));
        }
        figures
    }

    /// Whether candidate `c`, a count of people (a bare number may have a predicate of its
    /// own the lexicon does not know: وأكثر من مائتي ألف تضرروا), begins with و and follows
    /// token `after` closely in the same clause.
    fn joined_to(&self, c: &Candidate, after: usize) -> bool {
        // و, or "in addition to" (إضافة إلى، بالإضافة إلى), which may follow a comma.
        let in_addition = c.first >= 2
            && self.norms[c.first - 1] == "الي"
            && lexicon::word_is(self.norms[c.first - 2], "اضافه", true);
        let begins_with_and = self.norms[c.first].starts_with('و')
            || (c.first > 0 && self.norms[c.first - 1] == "و")
            || in_addition;
        c.counted == Counted::Person
            && begins_with_and
            && c.first >= after
            && c.first - after <= RIGHT_WINDOW
            && (after + 1..=c.first).all(|k| self.breaks[k] != Break::Strong)
            && (after..c.first).all(|k| {
                !matches!(
                    self.cues[k],
                    Some(Cue::Event(..) | Cue::EventBefore(..) | Cue::Boundary)
                )
            })
    }

    /// Whether one of the `window` tokens from `from` on, in the same clause, passes `test`.
    fn ahead(&self, from: usize, window: usize, test: impl Fn(&str) -> bool) -> bool {
        (from..(from + window).min(self.len()))
            .take_while(|&k| self.breaks[k] == Break::None)
            .any(|k| test(self.norms[k]))
    }

    /// Whether a verb of leaving hospital follows the candidate closely in its clause.
    fn discharged(&self, c: &Candidate) -> bool {
        self.ahead(c.phrase_end(), 3, lexicon::is_discharge_word)
    }

    /// A rate: "2.3 إصابة لكل 100 امرأة" is per hundred, no count.
    fn per_capita(&self, c: &Candidate) -> bool {
        self.ahead(c.q.end, 4, |w| lexicon::word_is(w, "لكل", true))
    }

    /// Whether a verb of carrying stands before the candidate in its clause, within
    /// [`LEFT_WINDOW`] words.
    fn carried(&self, c: &Candidate) -> bool {
        let mut k = c.first;
        while k > 0 && c.first - k <= LEFT_WINDOW && self.breaks[k] == Break::None {
            k -= 1;
            if lexicon::is_carrying_verb(self.norms[k], self.norms.get(k + 1).copied()) {
                return true;
            }
        }
        false
    }

    /// Whether a word within the candidate's clause, up to [`CONTEXT_WINDOW`] tokens either
    /// side, passes `test`.
    fn near(&self, c: &Candidate, test: fn(&str) -> bool) -> bool {
        let mut k = c.first;
        while k > 0 && c.first - k < CONTEXT_WINDOW && self.breaks[k] != Break::Strong {
            k -= 1;
            if test(self.norms[k]) {
                return true;
            }
        }
        let mut k = c.last;
        while k < self.len() && k - c.last < CONTEXT_WINDOW && self.breaks[k] != Break::Strong {
            if test(self.norms[k]) {
                return true;
            }
            k += 1;
        }
        false
    }

    // --- Step 1–3: candidates -------------------------------------------------------------

    fn find_candidates(&mut self) {
        let found = quantities(self.tk);
        self.owner = vec![None; self.len()];
        for q in found {
            let (qualifier, first) = self.qualifier_before(&q);
            let index = self.candidates.len();
            for slot in &mut self.owner[first..q.end] {
                *slot = Some(index);
            }
            self.candidates.push(Candidate {
                q,
                qualifier,
                first,
                last: q.end,
                counted: Counted::Bare,
                noun: None,
                who: Who::People,
                sub: false,
                status: Status::Keep,
                group: index,
            });
        }
        for i in 0..self.candidates.len() {
            self.classify(i);
        }
        self.join_second_writings();
        self.group_coordinated();
    }

    /// A number given twice, in brackets and in words (`استشهاد (15) خمسة عشر`), is one count:
    /// the words with the bracketed digits before them, so that the event before is as near
    /// to it as to the digits (not farther than a وإصابة after it).
    fn join_second_writings(&mut self) {
        for i in 1..self.candidates.len() {
            let (a, b) = (&self.candidates[i - 1], &self.candidates[i]);
            let bracketed = self.tk.tokens[a.q.start].kind == TokenKind::Number
                && self.gap_before(a.q.start).trim() == "("
                && self.gap_before(a.q.end).trim() == ")";
            if bracketed && b.first == a.q.end && a.q.quantity == b.q.quantity {
                let from = a.first;
                self.candidates[i - 1].status = Status::Ignore;
                self.candidates[i].first = from;
                for slot in &mut self.owner[from..self.candidates[i].q.start] {
                    *slot = Some(i);
                }
            }
        }
    }

    /// A qualifier written before the quantity, and the token it starts at.
    fn qualifier_before(&self, q: &QuantityMatch) -> (Qualifier, usize) {
        use Qualifier::*;
        // Longest first: ما لا يزيد عن is "up to", يزيد عن "more than".
        const BEFORE: &[(&[&str], Qualifier)] = &[
            (&["ما", "لا", "يقل", "عن"], AtLeast),
            (&["ما", "لا", "يقل", "علي"], AtLeast),
            (&["ما", "لا", "يزيد", "عن"], UpTo),
            (&["ما", "لا", "يزيد", "علي"], UpTo),
            (&["لا", "يقل", "عن"], AtLeast),
            (&["لا", "يقل", "علي"], AtLeast),
            (&["لا", "يزيد", "عن"], UpTo),
            (&["لا", "يزيد", "علي"], UpTo),
            (&["ما", "يزيد", "عن"], MoreThan),
            (&["ما", "يزيد", "علي"], MoreThan),
            (&["ما", "يربو", "علي"], MoreThan),
            (&["ما", "يقرب", "من"], About),
            (&["ما", "يقل", "عن"], LessThan),
            (&["ما", "يصل", "الي"], UpTo),
            (&["يزيد", "عن"], MoreThan),
            (&["يزيد", "علي"], MoreThan),
            (&["يربو", "علي"], MoreThan),
            (&["ما", "يفوق"], MoreThan),
            (&["اكثر", "من"], MoreThan),
            (&["ازيد", "من"], MoreThan),
            (&["اقل", "من"], LessThan),
            (&["يصل", "الي"], UpTo),
            (&["ما", "يقارب"], About),
            (&["يقرب", "من"], About),
            (&["علي", "الاقل"], AtLeast),
            (&["يقارب"], About),
            (&["يفوق"], MoreThan),
            (&["نحو"], About),
            (&["قرابه"], About),
            (&["حوالي"], About),
            (&["زهاء"], About),
        ];
        if matches!(q.quantity, Quantity::Vague(_)) {
            return (Exact, q.start);
        }
        'patterns: for &(words, qualifier) in BEFORE {
            let Some(start) = q.start.checked_sub(words.len()) else {
                continue;
            };
            for (k, &word) in words.iter().enumerate() {
                let at = start + k;
                if !lexicon::word_is(self.norms[at], word, k == 0)
                    || self.breaks[at + 1] != Break::None
                {
                    continue 'patterns;
                }
            }
            return (qualifier, start);
        }
        // عدد المفقودين تجاوز 70: a verb of exceeding right before the number.
        if let Some(verb) = q.start.checked_sub(1)
            && self.cues[verb] == Some(Cue::TotalVerb(true))
            && self.breaks[q.start] == Break::None
        {
            return (MoreThan, verb);
        }
        (Exact, q.start)
    }

    /// Steps 2 and 3 for candidate `i`.
    fn classify(&mut self, i: usize) {
        let c = self.candidates[i].clone();
        if self.is_not_a_count(&c) {
            self.candidates[i].status = Status::Ignore;
            return;
        }
        let (counted, who, sub, noun) = self.counted_after(&c);
        let status = match counted {
            Counted::NotACount => Status::Ignore,
            Counted::Other => Status::Barrier,
            // A number standing alone that looks like a year is one (من 1989 إلى 2019).
            Counted::Bare if self.is_year_like(&c) => Status::Ignore,
            // عدة after its noun (مناطق عدة) is an adjective, not a count.
            Counted::Bare if c.q.quantity == Quantity::Vague(Vague::Several) => Status::Ignore,
            _ => Status::Keep,
        };
        // "of them" before it: بينهم 103 في العاصمة.
        let sub = sub
            || c.first.checked_sub(1).is_some_and(|k| {
                self.cues[k] == Some(Cue::Sub) && self.breaks[c.first] == Break::None
            });
        let (qualifier, last) = self.qualifier_after(&c);
        let candidate = &mut self.candidates[i];
        candidate.counted = counted;
        candidate.noun = noun;
        candidate.who = who;
        candidate.sub = sub;
        candidate.status = status;
        candidate.qualifier = qualifier;
        candidate.last = last;
    }

    /// Years, dates, times, ages, names, percentages, links, and a number run into the next
    /// quantity (a typo): step 2.
    fn is_not_a_count(&self, c: &Candidate) -> bool {
        let tokens = &self.tk.tokens;
        let (Some(first), Some(last)) = (tokens.get(c.q.start), tokens.get(c.q.end - 1)) else {
            return true;
        };
        let before = self.text.get(..first.span.start).unwrap_or("");
        let after = self.text.get(last.span.end..).unwrap_or("");
        let digits = first.kind == TokenKind::Number;
        // Glued to Latin letters (a link, a handle, a model name: Op5Gw, COVID19).
        if digits
            && (before
                .chars()
                .next_back()
                .is_some_and(|ch| ch.is_ascii_alphabetic())
                || after
                    .chars()
                    .next()
                    .is_some_and(|ch| ch.is_ascii_alphabetic()))
        {
            return true;
        }
        // Inside a link, a handle or a hashtag.
        let chunk_start = before.rfind(char::is_whitespace).map_or(0, |p| p + 1);
        let chunk_end = last.span.end + after.find(char::is_whitespace).unwrap_or(after.len());
        let chunk = self.text.get(chunk_start..chunk_end).unwrap_or("");
        if digits
            && (chunk.contains("://") || chunk.contains("www.") || chunk.contains(['@', '#', '/']))
        {
            return true;
        }
        // Joined to another number: 2022-01, 14:30, 5/1.
        let joiner = |gap: &str| matches!(gap, "-" | "/" | ":" | "–");
        let prev_number = c.q.start > 0 && tokens[c.q.start - 1].kind == TokenKind::Number;
        let next_number = tokens
            .get(c.q.end)
            .is_some_and(|t| t.kind == TokenKind::Number);
        if (prev_number && joiner(self.gap_before(c.q.start)))
            || (next_number && joiner(self.gap_before(c.q.end)))
        {
            return true;
        }
        // Percent.
        let after_trimmed = after.trim_start();
        if after_trimmed.starts_with(['%', '٪'])
            || self
                .norms
                .get(c.q.end)
                .is_some_and(|w| lexicon::is_percent_word(w))
            || (self.norms.get(c.q.end) == Some(&"في")
                && self
                    .norms
                    .get(c.q.end + 1)
                    .is_some_and(|w| lexicon::is_percent_word(w)))
        {
            return true;
        }
        // A year word, an hour, a numbered article before it.
        if let Some(prev) = c.first.checked_sub(1)
            && (lexicon::is_year_word(self.norms[prev])
                || lexicon::is_label_word(self.norms[prev])
                || lexicon::is_ordinal_or_capacity_word(self.norms[prev]))
        {
            return true;
        }
        // A date range: 5 إلى 19 يناير, 5 و6 يناير, 5-19 يناير.
        if let Some(next) = tokens.get(c.q.end) {
            let mut k = c.q.end;
            if next.kind == TokenKind::Word && matches!(self.norms[k], "الي" | "حتي" | "و") {
                k += 1;
            }
            if tokens.get(k).is_some_and(|t| t.kind == TokenKind::Number)
                && self.cues.get(k + 1) == Some(&Some(Cue::Month))
            {
                return true;
            }
        }
        // A name in quotes: “خبر 24”.
        if digits && after_trimmed.starts_with(['”', '»', '"', '’']) {
            let opening = before.rfind(['“', '«', '"', '‘']);
            let closing = before.rfind(['”', '»', '’']);
            if let Some(open) = opening
                && closing.is_none_or(|close| close < open)
                && before[open..].chars().any(char::is_alphabetic)
            {
                return true;
            }
        }
        // A number run into the next quantity (`60 قرابة ألف`: the 60 is a typo).
        if let Some(next) = self.owner.get(c.q.end).copied().flatten()
            && self
                .candidates
                .get(next)
                .is_some_and(|n| n.first == c.q.end)
            && self.breaks[c.q.end] == Break::None
            && !self.norms[c.q.end].starts_with('و')
        {
            return true;
        }
        false
    }

    fn is_year_like(&self, c: &Candidate) -> bool {
        let token = &self.tk.tokens[c.q.start];
        let norm = self.norms[c.q.start];
        c.q.end == c.q.start + 1
            && token.kind == TokenKind::Number
            && norm.len() == 4
            && norm.bytes().all(|b| b.is_ascii_digit())
            && matches!(c.q.quantity, Quantity::Exact(v) if (1800.0..=2100.0).contains(&v))
    }

    /// Step 3: the noun after the quantity, whose it is, whether it is "of them", and where
    /// the noun is (an event noun there, ألف جريح, is the figure's own trigger).
    fn counted_after(&self, c: &Candidate) -> (Counted, Who, bool, Option<usize>) {
        let mut j = c.q.end;
        if j >= self.len() || self.breaks[j] != Break::None {
            return (Counted::Bare, Who::People, false, None);
        }
        // "of those (it described as) attackers": قتلت عشرات ممن وصفتهم بالمهاجمين.
        if self.norms[j] == "ممن" {
            for k in j + 1..(j + 4).min(self.len()) {
                if self.breaks[k] != Break::None {
                    break;
                }
                if let Some(Cue::Person(who)) = self.cues[k] {
                    return (Counted::Person, who, false, Some(k));
                }
            }
        }
        // Partitive من: 8 من أفراد الأمن، العشرات من المتظاهرين; 14 من نوفمبر is a date.
        if self.norms[j] == "من" && j + 1 < self.len() && self.breaks[j + 1] == Break::None {
            let next = j + 1;
            match self.cues[next] {
                Some(
                    Cue::Person(_) | Cue::Group | Cue::Force(_) | Cue::Thing(_) | Cue::Currency(_),
                ) => j = next,
                Some(Cue::Month) => return (Counted::NotACount, Who::People, false, None),
                // تسعة من القتلى "nine of the dead": a part of a toll given elsewhere.
                Some(Cue::Event(..)) if lexicon::is_toll_noun(self.norms[next]) => {
                    return (Counted::Bare, Who::People, true, None);
                }
                Some(_) => {}
                // "One of two ...": a number after من is not what is counted.
                None if self.tk.tokens[next].kind == TokenKind::Number => {
                    return (Counted::Other, Who::People, false, None);
                }
                // 3 من ميليشيات الحوثي: a partitive of an unknown noun is mostly people; an event
                // that only fits things (أضرار) will not fit it.
                None => return (Counted::Person, Who::People, false, Some(next)),
            }
        }
        // وعربة after a number starts a new conjunct (عيار 160 وعربة).
        if self.conjunct[j] {
            return (Counted::Bare, Who::People, false, None);
        }
        let (counted, who) = match self.cues[j] {
            Some(Cue::Sub) => return (Counted::Bare, Who::People, true, None),
            Some(Cue::ThingSub) => return (Counted::Other, Who::People, false, None),
            // مسلحي المقاومة: gunmen of the resistance, the other side from the attackers.
            Some(Cue::Person(Who::Attackers)) if self.of_the_resistance(j + 1) => {
                (Counted::Person, Who::Fighters)
            }
            Some(Cue::Person(who)) => (Counted::Person, who),
            Some(Cue::Group) => (Counted::Person, self.force_after(j).unwrap_or(Who::People)),
            Some(Cue::Force(who)) => (Counted::Person, who),
            Some(Cue::Thing(thing)) => return (Counted::Thing(thing), Who::People, false, Some(j)),
            Some(Cue::Currency(currency)) => {
                let sterling = self.norms.get(j + 1).is_some_and(|w| *w == "استرليني");
                let currency = if sterling { Currency::Gbp } else { currency };
                return (Counted::Money(currency), Who::People, false, Some(j));
            }
            Some(Cue::Unit | Cue::Month) => return (Counted::NotACount, Who::People, false, None),
            Some(
                Cue::Event(..)
                | Cue::EventBefore(..)
                | Cue::LifeLost
                | Cue::Lose
                | Cue::Function
                | Cue::Boundary
                | Cue::TotalVerb(_),
            ) => (Counted::Bare, Who::People),
            Some(Cue::TotalWord) => return (Counted::Other, Who::People, false, None),
            None if self.tk.tokens[j].kind == TokenKind::Number => (Counted::Bare, Who::People),
            None if self.norms[j] == "و" || lexicon::is_plural_verb(self.norms[j]) => {
                (Counted::Bare, Who::People)
            }
            None if lexicon::is_nisba_people(self.norms[j]) => (Counted::Person, Who::People),
            // After 11 and more the counted noun is singular: مقتل أكثر من 2100 فلسطيني.
            None if lexicon::is_singular_nisba(self.norms[j])
                && matches!(c.q.quantity, Quantity::Exact(v) if v >= 11.0) =>
            {
                (Counted::Person, Who::People)
            }
            None => return (Counted::Other, Who::People, false, None),
        };
        let noun = Some(j);
        if who != Who::People {
            return (counted, who, false, noun);
        }
        // Whose, further on: ثمانية في صفوف قوات الأمن، ألف جريح من المدنيين.
        let from = if counted == Counted::Person { j + 1 } else { j };
        let mut k = from;
        while k < self.len() && k < from + 5 && self.breaks[k] == Break::None {
            if self.owner[k].is_some() {
                break;
            }
            match self.cues[k] {
                Some(Cue::Force(who)) => return (counted, who, false, noun),
                Some(Cue::Person(who)) if who != Who::People => {
                    return (counted, who, false, noun);
                }
                Some(Cue::Group | Cue::Event(..)) => {}
                Some(Cue::Function) if matches!(self.norms[k], "من" | "في" | "بين") => {}
                _ => break,
            }
            k += 1;
        }
        (counted, Who::People, false, noun)
    }

    /// Whether the resistance is named at token `k` (المقاومة، من المقاومة), in the clause.
    fn of_the_resistance(&self, k: usize) -> bool {
        let is = |i: usize| {
            i < self.len()
                && self.breaks[i] == Break::None
                && self.cues[i] == Some(Cue::Force(Who::Fighters))
        };
        is(k) || (k < self.len() && self.norms[k] == "من" && is(k + 1))
    }

    /// After a group word (أفراد، عناصر، قوات...), the force it belongs to.
    fn force_after(&self, group: usize) -> Option<Who> {
        for k in group + 1..(group + 4).min(self.len()) {
            if self.breaks[k] != Break::None {
                return None;
            }
            match self.cues[k] {
                Some(Cue::Force(who)) => return Some(who),
                Some(Cue::Group) => {}
                _ => return None,
            }
        }
        None
    }

    /// A qualifier after the noun phrase: `8 من أفراد الأمن على الأقل`, `6 آلاف تقريبا`.
    fn qualifier_after(&self, c: &Candidate) -> (Qualifier, usize) {
        if c.qualifier != Qualifier::Exact || matches!(c.q.quantity, Quantity::Vague(_)) {
            return (c.qualifier, c.q.end);
        }
        let mut k = c.q.end;
        while k < self.len() && k < c.q.end + 6 && self.breaks[k] == Break::None {
            if self.owner[k].is_some() || matches!(self.cues[k], Some(Cue::Event(..) | Cue::Sub)) {
                break;
            }
            if self.norms[k] == "علي"
                && self.norms.get(k + 1) == Some(&"الاقل")
                && self.breaks.get(k + 1) == Some(&Break::None)
            {
                return (Qualifier::AtLeast, k + 2);
            }
            if self.norms[k] == "تقريبا" {
                return (Qualifier::About, k + 1);
            }
            k += 1;
        }
        (c.qualifier, c.q.end)
    }

    /// Quantities joined by و (`26 ناشطا و16 من الأمن`) share a group: a trigger after the
    /// last or before the first is theirs together.
    fn group_coordinated(&mut self) {
        let live: Vec<usize> = (0..self.candidates.len())
            .filter(|&i| self.candidates[i].status != Status::Ignore)
            .collect();
        for pair in live.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            let (a_end, b_first) = (self.candidates[a].q.end, self.candidates[b].first);
            if b_first <= a_end || b_first - a_end > 5 {
                continue;
            }
            let between = a_end..b_first;
            let clean = between.clone().all(|k| {
                self.breaks[k] == Break::None
                    && !matches!(
                        self.cues[k],
                        Some(Cue::Event(..) | Cue::EventBefore(..) | Cue::Sub | Cue::Boundary)
                    )
                    && self.owner[k].is_none()
            }) && self.breaks[b_first] == Break::None;
            let and = self.norms[b_first - 1] == "و"
                || (self.norms[b_first].starts_with('و') && self.candidates[b].q.clitic_len > 0)
                || (b_first < self.candidates[b].q.start && self.norms[b_first].starts_with('و'));
            if clean && and {
                self.candidates[b].group = self.candidates[a].group;
            }
        }
    }

    // --- Step 4: triggers -----------------------------------------------------------------

    /// The event token `k` names, if any, and where it may stand.
    fn event_at(&self, k: usize) -> Option<(Event, Side)> {
        let (event, side) = self.single_event_at(k)?;
        // مقتل وإصابة، قتلى وجرحى: the two together are one toll of casualties.
        let pair = |a: usize, b: usize| {
            b < self.len()
                && self.breaks[b] == Break::None
                && self.conjunct[b]
                && (lexicon::is_casualty_pair(self.norms[a], self.norms[b])
                    // Two verbs with one number after them and none before in the clause:
                    // قتل وجرح نحو 30 is one toll (in 26 قتلوا وجرح 317 each has its number).
                    || (lexicon::is_casualty_verb_pair(self.norms[a], self.norms[b])
                        && (0..a)
                            .rev()
                            .take_while(|&t| self.breaks[t + 1] == Break::None)
                            .all(|t| self.owner[t].is_none())
                        && b + 1 < self.len()
                        && self.owner[b + 1].is_some()))
        };
        if pair(k, k + 1) || (k > 0 && pair(k - 1, k)) {
            return Some((Event::Casualties, side));
        }
        Some((event, side))
    }

    fn single_event_at(&self, k: usize) -> Option<(Event, Side)> {
        match self.cues[k]? {
            Cue::Event(event, side) => Some((event, side)),
            Cue::EventBefore(event, side, next) => {
                let following = self.norms.get(k + 1)?;
                let bare = following.strip_prefix("ال").unwrap_or(following);
                (self.breaks[k + 1] == Break::None && bare.starts_with(next))
                    .then_some((event, side))
            }
            Cue::Lose => {
                // Lives further on make it "killed", and the lives word is the trigger.
                let lives = (k + 1..(k + 7).min(self.len()))
                    .take_while(|&j| self.breaks[j] == Break::None)
                    .any(|j| self.cues[j] == Some(Cue::LifeLost));
                (!lives).then_some((Event::Missing, Side::Either))
            }
            Cue::LifeLost => {
                // فقد ... حياته: the verb within the few words before.
                let lost = (k.saturating_sub(4)..k)
                    .rev()
                    .take_while(|&j| self.breaks[j + 1] == Break::None)
                    .any(|j| lexicon::is_lose_verb(self.norms[j]));
                lost.then_some((Event::Killed, Side::Either))
            }
            _ => None,
        }
    }

    /// The measure an event gives a candidate's count, if they fit.
    fn measure_for(event: Event, c: &Candidate) -> Option<Measure> {
        let people = matches!(c.counted, Counted::Person | Counted::Bare);
        let forces = matches!(c.who, Who::Soldiers | Who::SecurityForces | Who::Police);
        match (event, c.counted) {
            (Event::Killed, _) if people => Some(Measure::Killed),
            (Event::Wounded, _) if people => Some(Measure::Wounded),
            (Event::Casualties, _) if people => Some(Measure::Casualties),
            (Event::Arrested, _) if people => Some(Measure::Arrested),
            (Event::Detained, _) if people => Some(Measure::Detained),
            (Event::Hospitalised, _) if people => Some(Measure::Hospitalised),
            (Event::IntensiveCare, _) if people => Some(Measure::IntensiveCare),
            (Event::Missing, _) if people => Some(Measure::Missing),
            (Event::Displaced, _) if people => Some(Measure::Displaced),
            (Event::Evacuated, _) if people => Some(Measure::Evacuated),
            (Event::Deployed, _) if people && forces => Some(Measure::Deployed),
            (Event::Protesting, _) if people => Some(Measure::Protesters),
            // A population is a number, not "thousands of residents".
            (Event::Population, _)
                if people && c.who == Who::People && matches!(c.q.quantity, Quantity::Exact(_)) =>
            {
                Some(Measure::Population)
            }
            (Event::Damaged, Counted::Thing(Thing::Vehicle)) => Some(Measure::VehiclesDamaged),
            (Event::Damaged, Counted::Thing(Thing::Building)) => Some(Measure::BuildingsDamaged),
            (Event::Looted, Counted::Thing(Thing::Building)) => Some(Measure::BuildingsLooted),
            (Event::Damaged | Event::Lost, Counted::Money(currency)) => {
                Some(Measure::Losses(currency))
            }
            _ => None,
        }
    }

    /// Whether token `k` stops a search from candidate `from`: another quantity that counts
    /// something, not one joined to it by و.
    fn blocks(&self, from: usize, k: usize) -> bool {
        self.owner[k].is_some_and(|o| {
            o != from
                && self.candidates[o].status != Status::Ignore
                && self.candidates[o].group != self.candidates[from].group
        })
    }

    /// Words that do not count towards a window: clitic letters written apart (`بـ 37`,
    /// `و 16`) and the figure's own tokens.
    fn counts(&self, k: usize) -> bool {
        self.norms[k].chars().nth(1).is_some()
    }

    fn pairs(&self) -> Vec<Pair> {
        let mut pairs = Vec::new();
        // A noun a number counts is that number's (مليون لاجئ ونصف مليون لاجئ: the first
        // لاجئ is not the second number's event).
        let counted_by: Vec<Option<usize>> = {
            let mut by = vec![None; self.len()];
            for (i, c) in self.candidates.iter().enumerate() {
                if let Some(n) = c.noun.filter(|_| c.status == Status::Keep) {
                    by[n] = Some(i);
                }
            }
            by
        };
        for (i, c) in self.candidates.iter().enumerate() {
            if c.status != Status::Keep {
                continue;
            }
            let mut offer = |k: usize, distance: usize, side: u8| {
                let is_noun = c.noun == Some(k);
                if counted_by[k].is_some_and(|other| other != i) {
                    return;
                }
                // An "of them" needs an event of its own, not its noun (بينهم أربعة لاجئين).
                if is_noun && c.sub {
                    return;
                }
                // An outcome noun (قتيل، جريح) outranks everything at its distance; a status
                // noun (لاجئ، مصاب، معتقل) yields to an event word as near (راح ضحيته 177 لاجئا).
                let side = match (is_noun, lexicon::is_outcome_noun(self.norms[k])) {
                    (true, true) => 0,
                    (true, false) => 3,
                    (false, _) => side,
                };
                let fits_side = |allowed: Side| match allowed {
                    Side::Either => true,
                    Side::After => side >= 2 && distance <= PLACE_WINDOW,
                    Side::Before => side == 1,
                };
                if let Some((event, allowed)) = self.event_at(k)
                    && fits_side(allowed)
                    && let Some(measure) = Self::measure_for(event, c)
                {
                    pairs.push(Pair {
                        candidate: i,
                        trigger: k,
                        distance,
                        side,
                        measure,
                    });
                }
            };
            // A plural verb of its own right after it (أكثر من مائتي ألف تضرروا) is its
            // predicate: an event before it belongs to the count before.
            let after = match c.counted {
                Counted::Person => c.noun.map_or(c.q.end, |n| n + 1),
                _ => c.q.end,
            };
            let own_predicate = after < self.len()
                && self.breaks[after] == Break::None
                && self.cues[after].is_none()
                && lexicon::is_plural_verb(self.norms[after]);
            // Before: not for "of them", whose trigger must follow.
            if !c.sub && !own_predicate {
                let mut distance = 0;
                let mut k = c.first;
                while k > 0 && self.breaks[k] == Break::None && distance <= LEFT_WINDOW {
                    k -= 1;
                    if self.blocks(i, k) {
                        break;
                    }
                    if self.owner[k].is_none() {
                        offer(k, distance, 1);
                    }
                    if self.counts(k) {
                        distance += 1;
                    }
                }
            }
            let mut distance = 0;
            let mut k = c.q.end;
            while k < self.len() && self.breaks[k] == Break::None && distance <= RIGHT_WINDOW {
                if self.blocks(i, k) {
                    break;
                }
                if self.owner[k].is_none() {
                    offer(k, distance, 2);
                }
                if self.counts(k) {
                    distance += 1;
                }
                k += 1;
            }
        }
        pairs
    }

    /// Nearest first; a trigger serves one quantity, or one group of quantities joined by و.
    fn assign_triggers(&self, assigned: &mut [Option<(Measure, usize)>]) {
        let mut pairs = self.pairs();
        pairs.sort_by_key(|p| (p.distance, p.side, p.candidate, p.trigger));
        let mut taken: Vec<Option<usize>> = vec![None; self.len()];
        for p in pairs {
            if assigned[p.candidate].is_some() {
                continue;
            }
            let group = self.candidates[p.candidate].group;
            if taken[p.trigger].is_some_and(|g| g != group) {
                continue;
            }
            taken[p.trigger] = Some(group);
            assigned[p.candidate] = Some((p.measure, p.trigger));
        }
    }

    /// A candidate without a trigger nearby: "the toll of X ..., reached N", or a crowd
    /// (آلاف المتظاهرين).
    fn fallback(&self, c: &Candidate) -> Option<(Measure, Qualifier)> {
        if let Some(found) = self.toll(c) {
            return Some(found);
        }
        (c.who == Who::Protesters && c.counted == Counted::Person && !c.sub)
            .then_some((Measure::Protesters, c.qualifier))
    }

    /// إجمالي الأشخاص الذين تم اعتقالهم ...، بلغ 5800: a verb of reaching right before the
    /// number, a total word before it (across commas), and the event between the two.
    fn toll(&self, c: &Candidate) -> Option<(Measure, Qualifier)> {
        // The verb is the qualifier itself (تجاوز 70) or the word right before (بلغ 5800).
        let verb = if matches!(self.cues[c.first], Some(Cue::TotalVerb(true))) {
            c.first
        } else {
            let verb = c.first.checked_sub(1)?;
            if self.breaks[c.first] != Break::None
                || !matches!(self.cues[verb], Some(Cue::TotalVerb(_)))
            {
                return None;
            }
            verb
        };
        let qualifier = c.qualifier;
        let mut k = verb;
        while k > 0 && verb - k < TOTAL_WINDOW && self.breaks[k] != Break::Strong {
            k -= 1;
            if self.cues[k] == Some(Cue::TotalWord) {
                return (k + 1..verb)
                    .filter(|&t| self.owner[t].is_none())
                    .find_map(|t| {
                        let (event, _) = self.event_at(t)?;
                        Self::measure_for(event, c)
                    })
                    .map(|m| (m, qualifier));
            }
        }
        None
    }
}

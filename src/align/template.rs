//! The template guard: two sentences of one frame with different content in a slot are two
//! facts, however alike their words.
//!
//! News repeats frames: "the King thanked King Abdullah II of Jordan…" and "…King Hamad bin
//! Isa of Bahrain…", the emir of Jazan and the emir of Baha saying the same stock sentence,
//! Sunday's weather and Monday's. Their scores are high because the frame is most of the
//! sentence. What tells them apart is what fills the frame's slots:
//! - **names**: glossary entries of kind person, place, org or event; the words of a name run
//!   (after a title such as الملك or الأمير, through بن/آل chains) and of a place after its
//!   head (منطقة جازان, محافظة القطيف);
//! - **dates**: days of the week, month names, a number beside a month name, a year;
//! - **figures**, only between articles of different days: a differing figure in an otherwise
//!   identical sentence of one day is the same fact told with different numbers (what
//!   "figures that differ" is for); across days it is the next day's report or an updated toll,
//!   a different statement.
//!
//! A slot differs when each sentence has a filler the other does not mention at all, standing
//! in the same place (after the same title, head or word; or the same kind of date): a sentence
//! that only names more (a full name where the other has a title, an extra organisation
//! elsewhere) still agrees. A compound name reads the same written as one word or two
//! (عبدالعزيز, عبد العزيز), and a word of time ends a name (بالإمارة اليوم).

use super::features::{UnitRef, walk_units_as_written};
use crate::glossary::Matcher;
use crate::text::clitics::{light_stem, readings};
use crate::text::normalize_str;
use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::OnceLock;

/// What fills a sentence's slots, and every unit it has, as unit hashes (see [`UnitRef::hash`]).
///
/// Kept for every paired sentence of a corpus (a million sentences make 700,000 of them), so it
/// is compact: sorted slices, not hash sets.
#[derive(Debug, Clone, Default)]
pub struct Slots {
    /// Unit hashes truncated to 32 bits: a false "mentioned" (one in hundreds of millions per
    /// look-up) only lets a pair through the guard.
    all: Box<[u32]>,
    names: Box<[Filler]>,
    dates: Box<[Filler]>,
    figures: Box<[Filler]>,
}

impl Slots {
    fn mentions(&self, unit: u32) -> bool {
        self.all.binary_search(&unit).is_ok()
    }
}

/// [`Slots`] as [`slots`] gathers them.
#[derive(Default)]
struct Gathered {
    all: FxHashSet<u64>,
    names: Vec<Filler>,
    dates: Vec<Filler>,
    figures: Vec<Filler>,
}

impl Gathered {
    fn finish(self) -> Slots {
        let mut all: Vec<u32> = self.all.into_iter().map(|h| h as u32).collect();
        all.sort_unstable();
        all.dedup();
        Slots {
            all: all.into(),
            names: self.names.into(),
            dates: self.dates.into(),
            figures: self.figures.into(),
        }
    }
}

/// One filler of a slot and where it stands: the unit before it (the title, head or verb that
/// opens the slot) for names and figures, the kind of date for dates. Two fillers are of the same
/// slot only when they stand in the same place, so an extra name or list number elsewhere in
/// one sentence is not a disagreement.
#[derive(Debug, Clone, Copy)]
struct Filler {
    unit: u32,
    place: u32,
}

/// Which slot two sentences fill differently.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    Name,
    Date,
    /// Different figures in articles of different days.
    FigureOnAnotherDay,
}

/// Titles that introduce a person's name.
const TITLES: &[&str] = &[
    "الملك",
    "الأمير",
    "الأميرة",
    "الشيخ",
    "الشيخة",
    "الرئيس",
    "السيد",
    "السيدة",
    "الدكتور",
    "الدكتورة",
    "المهندس",
    "اللواء",
    "العميد",
    "العقيد",
    "الفريق",
    "المقدم",
    "الرائد",
    "النقيب",
    "المشير",
    "الإمام",
    "البابا",
    "المستشار",
    "الأستاذ",
    "القاضي",
    "السفير",
    "السمو",
    "سمو",
    "جلالة",
    "فخامة",
    "معالي",
    "سعادة",
];

/// Honorifics that stand for a person already named (وعبر سموه, وأكد جلالته): a subject of
/// its own, as a title is.
const HONORIFICS: &[&str] = &["سموه", "جلالته", "فخامته", "معاليه", "سعادته", "سماحته"];

/// Ranks: the titles and honorifics that name one kind of person, so that "his Highness"
/// agrees with "the Prince" and disagrees with "the King".
const RANKS: &[&[&str]] = &[
    &["الملك", "جلالة", "جلالته"],
    &["الأمير", "الأميرة", "السمو", "سمو", "سموه"],
    &["الرئيس", "فخامة", "فخامته"],
    &["معالي", "معاليه"],
    &["السفير", "سعادة", "سعادته"],
    &["الإمام", "سماحته"],
];

/// Words that name the kind of place the next word names.
const PLACE_HEADS: &[&str] = &[
    "منطقة",
    "محافظة",
    "مدينة",
    "بلدة",
    "قرية",
    "ولاية",
    "إمارة",
    "جامعة",
    "مستشفى",
    "مسجد",
    "نادي",
    "جمهورية",
    "دولة",
    "مملكة",
    "سلطنة",
];

/// Words of time that end a name: after a head they are when, not which (بالإمارة اليوم).
const TIME_WORDS: &[&str] = &[
    "اليوم",
    "أمس",
    "غدا",
    "الليلة",
    "صباح",
    "مساء",
    "ظهر",
    "عصر",
    "فجر",
    "الماضي",
    "الحالي",
    "المقبل",
    "القادم",
];

/// Words that tell a number is a year: عام 2015, سنة 1990, 2015 م.
const YEAR_WORDS: &[&str] = &["عام", "العام", "سنة", "م", "هـ", "ميلادي", "هجري"];

/// The first part of a compound name written as one word or two (عبدالعزيز, عبد العزيز).
const COMPOUND_HEAD: &str = "عبد";

/// Words that join the parts of a name (محمد بن سلمان آل سعود).
const NAME_LINKS: &[&str] = &["بن", "ابن", "بنت", "آل", "أبو", "أم"];

const WEEKDAYS: &[&str] = &[
    "الأحد",
    "الاثنين",
    "الإثنين",
    "الثلاثاء",
    "الأربعاء",
    "الخميس",
    "الجمعة",
    "السبت",
];

const MONTHS: &[&str] = &[
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "إبريل",
    "مايو",
    "يونيو",
    "يوليو",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
    "كانون",
    "شباط",
    "آذار",
    "نيسان",
    "أيار",
    "حزيران",
    "تموز",
    "آب",
    "أيلول",
    "تشرين",
    "محرم",
    "صفر",
    "ربيع",
    "جمادى",
    "رجب",
    "شعبان",
    "رمضان",
    "شوال",
    "القعدة",
    "الحجة",
];

/// The word lists above as the aligner's units see them: normalized, clitics peeled.
struct Lexicon {
    titles: FxHashSet<String>,
    place_heads: FxHashSet<String>,
    links: FxHashSet<String>,
    weekdays: FxHashSet<String>,
    months: FxHashSet<String>,
    time_words: FxHashSet<String>,
    year_words: FxHashSet<String>,
    honorifics: FxHashSet<String>,
    /// Title or honorific (as units see it) → its rank's number in [`RANKS`].
    ranks: FxHashMap<String, usize>,
}

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let set = |words: &[&str]| {
            words
                .iter()
                .flat_map(|w| {
                    let norm = normalize_str(w);
                    [light_stem(&norm).to_string(), norm.clone()]
                })
                .collect()
        };
        Lexicon {
            titles: set(TITLES),
            place_heads: set(PLACE_HEADS),
            links: set(NAME_LINKS),
            weekdays: set(WEEKDAYS),
            months: set(MONTHS),
            time_words: set(TIME_WORDS),
            year_words: set(YEAR_WORDS),
            honorifics: set(HONORIFICS),
            ranks: RANKS
                .iter()
                .enumerate()
                .flat_map(|(rank, words)| set(words).into_iter().map(move |w| (w, rank)))
                .collect(),
        }
    })
}

/// A unit as the guard keeps it: its hash, and its word if it is one.
enum Unit {
    Word(String, u64),
    Entry(usize, u64),
    Number(f64, u64),
}

impl Unit {
    fn hash(&self) -> u64 {
        match self {
            Unit::Word(_, h) | Unit::Entry(_, h) | Unit::Number(_, h) => *h,
        }
    }

    fn word(&self) -> Option<&str> {
        match self {
            Unit::Word(w, _) => Some(w),
            _ => None,
        }
    }
}

/// Articles at least this many days apart that both name a weekday name another week's.
const WEEKDAY_DAYS_APART: u32 = 3;

/// Date fillers' places: a weekday disagrees with a weekday, a year with a year.
const PLACE_WEEKDAY: u64 = 1;
const PLACE_MONTH: u64 = 2;
const PLACE_DAY_OF_MONTH: u64 = 3;
const PLACE_YEAR: u64 = 4;
/// A person or place of the glossary fills its slot wherever it stands: the King of Jordan and
/// the King of Bahrain, Riyadh's seats and Taif's.
const PLACE_ANYWHERE: u64 = 5;
/// The family name that closes a chain of names.
const PLACE_FAMILY: u64 = 6;

/// A unit as the guard reads it: whether it is a light word, and whether it is written with the
/// article (المدينة is "the city", not the head of a place's name as مدينة جدة is).
struct GuardUnit {
    unit: Unit,
    light: bool,
    definite: bool,
}

/// Whether a normalized word as written can be read with the article (after و/ف and ب/ك/ل).
fn is_definite(written: &str) -> bool {
    readings(written).any(|(_, clitics)| clitics.article)
}

/// The units of `text` as the guard reads them: the aligner's units, with a compound name
/// (عبد العزيز, عبدالعزيز) made one word either way.
fn guard_units(text: &str, matcher: Option<&Matcher>) -> Vec<GuardUnit> {
    let compound = |rest_stem: &str| {
        let word = format!("{COMPOUND_HEAD}{rest_stem}");
        let hash = UnitRef::Word(&word).hash();
        Unit::Word(word, hash)
    };
    let mut units: Vec<GuardUnit> = Vec::new();
    let mut joins_next = false;
    walk_units_as_written(text, matcher, |u, light, written| {
        let hash = u.hash();
        let unit = match u {
            UnitRef::Word(w) if joins_next => {
                units.pop();
                compound(w)
            }
            UnitRef::Word(w) => match w.strip_prefix(COMPOUND_HEAD) {
                Some(rest) if rest.chars().nth(1).is_some() => compound(light_stem(rest)),
                _ => Unit::Word(w.to_string(), hash),
            },
            UnitRef::Entry(e) => Unit::Entry(e, hash),
            UnitRef::Number(v) => Unit::Number(v, hash),
        };
        joins_next = unit.word() == Some(COMPOUND_HEAD);
        units.push(GuardUnit {
            unit,
            light,
            definite: is_definite(written),
        });
    });
    units
}

/// The slots of `text`.
pub fn slots(text: &str, matcher: Option<&Matcher>) -> Slots {
    let lex = lexicon();
    let units = guard_units(text, matcher);
    let is = |set: &FxHashSet<String>, i: usize| {
        units
            .get(i)
            .and_then(|g| g.unit.word())
            .is_some_and(|w| set.contains(w))
    };
    let hash = |i: usize| units[i].unit.hash();
    // A place's head is in construct, without the article: منطقة جازان, not المنطقة.
    let is_head = |i: usize| is(&lex.place_heads, i) && !units[i].definite;
    // A family name closes a chain of names: a word with the article (الهويريني, الدعيلج).
    // (Callers look for it only after a link.)
    let is_family = |j: usize| {
        units.get(j).is_some_and(|g| {
            g.definite
                && !g.light
                && g.unit.word().is_some()
                && !is(&lex.titles, j)
                && !is(&lex.place_heads, j)
                && !is(&lex.weekdays, j)
                && !is(&lex.months, j)
                && !is(&lex.links, j)
                && !is(&lex.time_words, j)
        })
    };
    // A year is a number of years told as one: عام 2015, 2015م, or beside a month.
    let is_year_word = |i: usize| is(&lex.year_words, i);
    // The place of the filler at `i`: the unit before it (0 at the start).
    let before = |i: usize| if i == 0 { 0 } else { hash(i - 1) };
    let mut slots = Gathered {
        all: units.iter().map(|g| g.unit.hash()).collect(),
        ..Gathered::default()
    };
    // A longer name mentions the shorter names it holds (إنترفاكس in إنترفاكس كازاخستان).
    if let Some(m) = matcher {
        for g in &units {
            if let Unit::Entry(e, _) = g.unit {
                let within = m.names_within(e).iter();
                slots.all.extend(within.map(|&n| UnitRef::Entry(n).hash()));
            }
        }
    }
    let filler = |unit: u64, place: u64| Filler {
        unit: unit as u32,
        place: place as u32,
    };
    // A title or honorific as a filler: its rank, or the word itself when it has none.
    let rank_of = |i: usize| {
        let word = units[i].unit.word()?;
        let rank = *lex.ranks.get(word)?;
        Some(UnitRef::Word(&format!("\u{1}rank{rank}")).hash())
    };
    let rank = |i: usize| rank_of(i).unwrap_or_else(|| hash(i));
    slots.all.extend((0..units.len()).filter_map(rank_of));
    let mut i = 0;
    while i < units.len() {
        match &units[i].unit {
            Unit::Entry(e, h) if matcher.is_some_and(|m| m.is_person_or_place(*e)) => {
                slots.names.push(filler(*h, PLACE_ANYWHERE));
            }
            Unit::Entry(e, h) if matcher.is_some_and(|m| m.is_name(*e)) => {
                slots.names.push(filler(*h, before(i)));
            }
            Unit::Entry(..) => {}
            Unit::Number(v, h) => {
                let beside_month = (i > 0 && is(&lex.months, i - 1)) || is(&lex.months, i + 1);
                let year = v.fract() == 0.0
                    && (1900.0..=2100.0).contains(v)
                    && ((i > 0 && is_year_word(i - 1)) || is_year_word(i + 1));
                if beside_month {
                    slots.dates.push(filler(*h, PLACE_DAY_OF_MONTH));
                } else if year {
                    slots.dates.push(filler(*h, PLACE_YEAR));
                } else {
                    slots.figures.push(filler(*h, before(i)));
                }
            }
            Unit::Word(..) if is(&lex.weekdays, i) => {
                slots.dates.push(filler(hash(i), PLACE_WEEKDAY));
            }
            Unit::Word(..) if is(&lex.months, i) => {
                slots.dates.push(filler(hash(i), PLACE_MONTH));
            }
            Unit::Word(..) if is(&lex.honorifics, i) => {
                slots.names.push(filler(rank(i), before(i)));
            }
            Unit::Word(..) if is(&lex.titles, i) || is_head(i) => {
                // A title is itself a filler (the King, or the Prince, thanked…); then the name
                // it or a head introduces: its first word, what links carry on (سلمان بن
                // عبدالعزيز آل سعود) and a family name. The word that ends the run is read next.
                if is(&lex.titles, i) {
                    slots.names.push(filler(rank(i), before(i)));
                }
                let mut j = i + 1;
                let mut taken = false;
                let mut linked = false;
                while j < units.len() {
                    let ends_run = is(&lex.titles, j)
                        || is_head(j)
                        || is(&lex.time_words, j)
                        || units[j].light
                        || matches!(units[j].unit, Unit::Number(..));
                    if ends_run {
                        break;
                    }
                    if is(&lex.links, j) {
                        if j + 1 < units.len() && !is(&lex.time_words, j + 1) {
                            slots.names.push(filler(hash(j + 1), hash(j)));
                        }
                        linked = true;
                        j += 2;
                        continue;
                    }
                    if taken {
                        // Only a chain of names ends with a family name (صالح بن علي
                        // الهويريني); after a head (مسجد مقر القوات) or a title and one name
                        // (الدكتور أحمد الخازم, which outlets spell two ways) the next word is
                        // not one.
                        if linked && is_family(j) {
                            slots.names.push(filler(hash(j), PLACE_FAMILY));
                            j += 1;
                        }
                        break;
                    }
                    slots.names.push(filler(hash(j), hash(j - 1)));
                    taken = true;
                    j += 1;
                }
                i = j;
                continue;
            }
            Unit::Word(..) if is(&lex.links, i) => {
                // محمد بن سلمان: both sides of a link are names.
                if i > 0 {
                    slots.names.push(filler(hash(i - 1), before(i - 1)));
                }
                if i + 1 < units.len() {
                    slots.names.push(filler(hash(i + 1), hash(i)));
                }
                if is_family(i + 2) {
                    slots.names.push(filler(hash(i + 2), PLACE_FAMILY));
                }
            }
            Unit::Word(..) => {}
        }
        i += 1;
    }
    slots.finish()
}

/// The slot two sentences fill differently, if any; `days_apart`, how many days apart their
/// articles are, when both days are known.
pub fn differing_slot(a: &Slots, b: &Slots, days_apart: Option<u32>) -> Option<Slot> {
    let days_differ = days_apart.is_some_and(|d| d > 0);
    // A weekday named in articles days apart is another week's: the cabinet's Monday session
    // of the 3rd and of the 10th.
    let weekday = |x: &Slots| x.dates.iter().any(|f| u64::from(f.place) == PLACE_WEEKDAY);
    if days_apart.is_some_and(|d| d >= WEEKDAY_DAYS_APART) && weekday(a) && weekday(b) {
        return Some(Slot::Date);
    }
    // Each has a filler the other never mentions, in the same place.
    let disagree = |x: &[Filler], y: &[Filler]| {
        x.iter()
            .filter(|f| !b.mentions(f.unit))
            .any(|f| y.iter().any(|g| g.place == f.place && !a.mentions(g.unit)))
    };
    if disagree(&a.names, &b.names) {
        Some(Slot::Name)
    } else if disagree(&a.dates, &b.dates) {
        Some(Slot::Date)
    } else if days_differ && disagree(&a.figures, &b.figures) {
        Some(Slot::FigureOnAnotherDay)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn differ(a: &str, b: &str, days_differ: bool) -> Option<Slot> {
        differing_slot(
            &slots(a, None),
            &slots(b, None),
            Some(u32::from(days_differ)),
        )
    }

    #[test]
    fn a_different_person_after_a_title_is_a_different_fact() {
        let jordan = "وأعرب خادم الحرمين الشريفين عن شكره للملك عبدالله الثاني على تهنئته.";
        let bahrain = "وأعرب خادم الحرمين الشريفين عن شكره للملك حمد بن عيسى آل خليفة على تهنئته.";
        assert_eq!(differ(jordan, bahrain, false), Some(Slot::Name));
    }

    #[test]
    fn a_fuller_name_of_the_same_person_agrees() {
        let short = "استقبل الأمير محمد بن سلمان وزير الخارجية الفرنسي في جدة.";
        let full = "استقبل صاحب السمو الملكي الأمير محمد بن سلمان بن عبدالعزيز وزير الخارجية الفرنسي في جدة.";
        assert_eq!(differ(short, full, false), None);
        let title_only = "استقبل سموه وزير الخارجية الفرنسي في جدة.";
        assert_eq!(differ(short, title_only, false), None);
    }

    #[test]
    fn a_different_region_after_its_head_is_a_different_fact() {
        let jazan = "وأكد أمير منطقة جازان أن الحادث الإرهابي لن ينال من وحدة الوطن.";
        let baha = "وأكد أمير منطقة الباحة أن الحادث الإرهابي لن ينال من وحدة الوطن.";
        assert_eq!(differ(jazan, baha, false), Some(Slot::Name));
    }

    #[test]
    fn a_different_day_or_date_is_a_different_fact() {
        let sunday = "يعقد المجلس جلسته الأسبوعية يوم الأحد في الرياض.";
        let monday = "يعقد المجلس جلسته الأسبوعية يوم الاثنين في الرياض.";
        assert_eq!(differ(sunday, monday, false), Some(Slot::Date));
        let third = "عقد مجلس الوزراء جلسته في 17 شوال برئاسة خادم الحرمين الشريفين.";
        let tenth = "عقد مجلس الوزراء جلسته في 24 شوال برئاسة خادم الحرمين الشريفين.";
        assert_eq!(differ(third, tenth, false), Some(Slot::Date));
    }

    #[test]
    fn different_figures_are_one_fact_on_one_day_and_two_across_days() {
        let one = "وارتفعت العقود الآجلة للذهب 0.4 في المئة إلى 1091 دولارا للأوقية.";
        let other = "وارتفعت العقود الآجلة للذهب 0.3 في المئة إلى 1092 دولارا للأوقية.";
        assert_eq!(differ(one, other, false), None);
        assert_eq!(differ(one, other, true), Some(Slot::FigureOnAnotherDay));
        // Across days, the same figures are still the same fact (a late republication).
        assert_eq!(differ(one, one, true), None);
    }

    #[test]
    fn a_compound_name_reads_the_same_in_one_word_or_two() {
        let joined = "واستقبل الأمير عبدالعزيز بن سعود وزير الداخلية السفير في مكتبه.";
        let split = "واستقبل الأمير عبد العزيز بن سعود وزير الداخلية السفير في مكتبه.";
        assert_eq!(differ(joined, split, false), None);
        let other = "واستقبل الأمير عبد الله بن سعود وزير الداخلية السفير في مكتبه.";
        assert_eq!(differ(joined, other, false), Some(Slot::Name));
    }

    #[test]
    fn fillers_in_different_places_do_not_disagree() {
        // An extra list number in one, a rank in the other: not the same slot.
        let a = "7 - وحل المنتخب بالمرتبة الأولى في البطولة الخليجية للشباب.";
        let b = "وحل المنتخب بالمرتبة 14 في البطولة الخليجية للشباب.";
        assert_eq!(differ(a, b, true), None);
        // The same place with another figure, on another day: the next day's report.
        let c = "وحل المنتخب بالمرتبة 9 في البطولة الخليجية للشباب.";
        assert_eq!(differ(b, c, true), Some(Slot::FigureOnAnotherDay));
    }

    #[test]
    fn a_word_of_time_after_a_head_is_not_a_name() {
        let today = "وشهدت منطقة اليوم أمطارا غزيرة على المرتفعات الجنوبية.";
        let yesterday = "وشهدت منطقة أمس أمطارا غزيرة على المرتفعات الجنوبية.";
        assert_eq!(differ(today, yesterday, false), None);
    }

    #[test]
    fn a_different_country_after_its_head_is_a_different_fact() {
        let egypt = "وبعث خادم الحرمين برقية تهنئة لرئيس جمهورية مصر بمناسبة العيد الوطني.";
        let chad = "وبعث خادم الحرمين برقية تهنئة لرئيس جمهورية تشاد بمناسبة العيد الوطني.";
        assert_eq!(differ(egypt, chad, false), Some(Slot::Name));
    }

    #[test]
    fn an_agency_named_more_fully_is_the_same_source() {
        use crate::glossary::{Entry, Glossary};
        let entry = |ar: &str, en: &str| Entry {
            gloss: None,
            also: Vec::new(),
            ar: ar.into(),
            en: en.into(),
            kind: Some("org".into()),
            variants: Vec::new(),
            note: None,
        };
        let glossary = Glossary {
            meta: None,
            terms: vec![
                entry("إنترفاكس", "Interfax"),
                entry("إنترفاكس كازاخستان", "Interfax-Kazakhstan"),
                entry("تاس", "TASS"),
            ],
        };
        let m = Matcher::new(&glossary);
        let differ =
            |a: &str, b: &str| differing_slot(&slots(a, Some(&m)), &slots(b, Some(&m)), None);
        let full = "وقالت المتحدثة لوكالة إنترفاكس-كازاخستان إن المواجهات توقفت.";
        let short = "وقالت المتحدثة لوكالة إنترفاكس إن المواجهات توقفت.";
        let other = "وقالت المتحدثة لوكالة تاس إن المواجهات توقفت.";
        assert_eq!(differ(full, short), None);
        assert_eq!(differ(short, other), Some(Slot::Name));
    }

    #[test]
    fn a_definite_noun_is_not_the_head_of_a_name() {
        // المدينة is "the city" told before; the words after it are not the city's name.
        let a = "وقالت المتحدثة باسم شرطة المدينة سالتانات أزيربك إن المواجهات توقفت.";
        let b = "وقالت المتحدثة باسم شرطة المدينة سلطانة أزيربك إن المواجهات توقفت.";
        assert_eq!(differ(a, b, false), None);
    }

    #[test]
    fn a_number_is_a_year_only_when_told_as_one() {
        let a = "وقتل 1900 شخص في الفيضانات التي ضربت الإقليم.";
        let b = "وقتل 2001 شخص في الفيضانات التي ضربت الإقليم.";
        assert_eq!(differ(a, b, false), None, "a toll, not a year");
        let last = "وتعود الاتفاقية إلى عام 2014 بين البلدين.";
        let this = "وتعود الاتفاقية إلى عام 2015 بين البلدين.";
        assert_eq!(differ(last, this, false), Some(Slot::Date));
    }

    #[test]
    fn an_honorific_agrees_with_its_rank_and_not_another() {
        let king = "وعبر ملك المغرب عن عزائه ومواساته لأسر الشهداء سائلا الله أن يتغمدهم برحمته.";
        let prince = "وعبر سموه عن عزائه ومواساته لأسر الشهداء سائلا الله أن يتغمدهم برحمته.";
        let majesty = "وعبر جلالته عن عزائه ومواساته لأسر الشهداء سائلا الله أن يتغمدهم برحمته.";
        assert_eq!(differ(king, prince, false), Some(Slot::Name));
        assert_eq!(differ(king, majesty, false), None);
        let named =
            "بعث خادم الحرمين الشريفين الملك سلمان برقية تهنئة للرئيس بمناسبة اليوم الوطني.";
        let deputy =
            "بعث خادم الحرمين الشريفين الأمير محمد برقية تهنئة للرئيس بمناسبة اليوم الوطني.";
        assert_eq!(differ(named, deputy, false), Some(Slot::Name));
    }

    #[test]
    fn a_different_family_name_after_a_chain_is_another_person() {
        let a = "تعيين صالح بن علي الهويريني على وظيفة رئيس قطاع بوزارة المالية.";
        let b = "تعيين عبدالله بن صالح العريفي على وظيفة رئيس قطاع بوزارة المالية.";
        assert_eq!(differ(a, b, false), Some(Slot::Name));
        // The first name may be the preposition على as folded (علي): the family name decides.
        let c = "تعيين عبدالله بن محمد بن سعد الدهيمي على وظيفة رئيس كتابة عدل بوزارة العدل.";
        let d = "تعيين علي بن عبدالله بن محمد الدعيلج على وظيفة رئيس كتابة عدل بوزارة العدل.";
        assert_eq!(differ(c, d, false), Some(Slot::Name));
    }

    #[test]
    fn a_weekday_in_articles_days_apart_is_another_week() {
        let s =
            "رأس نائب خادم الحرمين الشريفين الجلسة التي عقدها مجلس الوزراء بعد ظهر اليوم الاثنين.";
        let (x, y) = (slots(s, None), slots(s, None));
        assert_eq!(
            differing_slot(&x, &y, Some(1)),
            None,
            "told again the next day"
        );
        assert_eq!(differing_slot(&x, &y, Some(7)), Some(Slot::Date));
        let plain = "عقد مجلس الوزراء جلسته برئاسة نائب خادم الحرمين الشريفين في جدة.";
        let (x, y) = (slots(plain, None), slots(plain, None));
        assert_eq!(differing_slot(&x, &y, Some(7)), None);
    }
}

//! The words that tell what a number counts, normalized (أإآ → ا, ة → ه, ى → ي) and without
//! proclitics: lookup peels و ف ب ك ل ال through `text::clitics`. docs/figures.md lists them
//! in Arabic script with their English.

use super::{Currency, Who};
use crate::text::clitics::{for_each_reading, pronoun_suffixes};
use rustc_hash::FxHashMap;
use std::sync::OnceLock;

/// An event a number can be the count of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Event {
    Killed,
    Wounded,
    /// Killed and wounded together: مقتل وإصابة 25، بين قتيل وجريح.
    Casualties,
    Arrested,
    Detained,
    Hospitalised,
    IntensiveCare,
    Missing,
    Displaced,
    Evacuated,
    Deployed,
    Protesting,
    /// Damage to property: vehicles, buildings (or money: "damages").
    Damaged,
    /// Looting of buildings.
    Looted,
    /// Money lost.
    Lost,
    Population,
}

/// Where a trigger may stand relative to its number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Side {
    /// Before (a verb or noun governing it: اعتقال 200) or after (its predicate: 200 اعتقلوا).
    Either,
    /// Only after: places and states end the phrase they belong to (400 ... إلى المستشفى), so
    /// an المستشفى before a number belongs to an earlier clause.
    After,
    /// Only before: عدد سكانها 19 مليون is a population, آلاف من سكان المدينة are residents.
    Before,
}

/// Property a number can count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Thing {
    Vehicle,
    Building,
}

/// What a word says to the figure finder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Cue {
    /// A word naming an event: the number near it counts it.
    Event(Event, Side),
    /// The same, only when a given word follows (العناية المركزة، القضاء على).
    EventBefore(Event, Side, &'static str),
    /// حياة، أرواح (in فقد حياته): killed only after فقد.
    LifeLost,
    /// فقد، فقدوا: "went missing", unless lives follow (فقد 160 شخصا حياتهم).
    Lose,
    /// A counted person noun; `Who::People` for شخص، مواطن، آخرون.
    Person(Who),
    /// أفراد، عناصر، رجال، قوات: whose, the word after says (قوات الأمن); alone, people.
    Group,
    /// الأمن، الشرطة، الجيش after a group word.
    Force(Who),
    Thing(Thing),
    Currency(Currency),
    /// Units of time, length, weight, and percent: the number is not a count we track.
    Unit,
    Month,
    /// منهم، بينهم: "of them", a sub-count.
    Sub,
    /// منها، بينها: "of them" for things.
    ThingSub,
    /// كما، بينما، فيما، ثم، حيث، لكن: a new clause starts.
    Boundary,
    /// Prepositions and particles that may follow a bare number (في، من، على ...).
    Function,
    /// عدد، حصيلة، إجمالي: "the number / toll of ...".
    TotalWord,
    /// بلغ، وصل، ارتفع إلى، تجاوز: "... reached N"; `true` when it means "more than".
    TotalVerb(bool),
}

/// Event words and their normalized forms. Verbs in the forms news uses (past, passive,
/// plural), verbal nouns, and the counted nouns themselves (قتلى، جرحى).
#[rustfmt::skip]
const EVENTS: &[(Event, Side, &[&str])] = &[
    (Event::Killed, Side::Either, &[
        "قتل", "قتلوا", "قتلت", "قتلا", "مقتل", "قتيل", "قتيلا", "قتيلان", "قتيلين", "قتلي",
        "مصرع", "حتف", "توفي", "توفوا", "وفاه", "وفيات", "ضحيه", "ضحايا", "تصفيه",
        // Martyrdom: how the Saudi and Palestinian press report its own dead.
        "استشهاد", "استشهد", "استشهدوا", "استشهدت", "استشهدا", "شهيد", "شهيدا", "شهيدان",
        "شهيدين", "شهداء",
    ]),
    (Event::Wounded, Side::Either, &[
        "جرح", "جرحوا", "جرحت", "جريح", "جريحا", "جريحان", "جريحين", "جرحي", "جروح", "اصيب",
        "اصيبوا", "اصيبت", "اصابه", "اصابات", "مصاب", "مصابا", "مصابين", "مصابون",
    ]),
    (Event::Arrested, Side::Either, &[
        "اعتقال", "اعتقالات", "اعتقل", "اعتقلوا", "اعتقلت", "معتقل", "معتقلا", "معتقلين",
        "معتقلون", "توقيف", "اوقف", "اوقفوا", "اوقفت", "موقوف", "موقوفا", "موقوفين",
        "موقوفون", "قبض",
    ]),
    (Event::Detained, Side::Either, &[
        "احتجاز", "احتجز", "احتجزوا", "احتجزت", "محتجز", "محتجزا", "محتجزين", "محتجزون",
    ]),
    // ... إلى الرياض لتلقي العلاج، ما زال يجرى تمريضهم: still being treated.
    (Event::Hospitalised, Side::After, &[
        "مستشفي", "مستشفيات", "مشفي", "مشافي", "علاج", "تمريضهم",
    ]),
    (Event::Missing, Side::Either, &["مفقود", "مفقودا", "مفقودين", "مفقودون", "فقدان"]),
    (Event::Displaced, Side::Either, &[
        "نازح", "نازحا", "نازحين", "نازحون", "نزوح", "تشريد", "مشرد", "مشردين", "تهجير",
        "لاجئ", "لاجئا", "لاجئين", "لاجئون",
    ]),
    (Event::Evacuated, Side::Either, &["اجلاء", "اجلي", "اجلوا"]),
    (Event::Deployed, Side::Either, &[
        "انتشر", "انتشروا", "انتشرت", "انتشار", "ارسال", "ارسل", "ارسلت", "نشر",
    ]),
    (Event::Protesting, Side::Either, &["تظاهر", "تظاهروا", "تظاهرت", "احتشد", "احتشدوا"]),
    (Event::Damaged, Side::Either, &[
        "اضرار", "اضرارا", "تضرر", "تضررت", "اعطاب", "اعطب", "احراق", "احرق", "احرقت",
        "احرقوا", "حرق", "تدمير", "دمر", "دمرت", "دمار", "اتلاف", "اتلف", "تحطيم", "حطم",
        "تخريب", "خرب", "اضرام",
    ]),
    (Event::Looted, Side::Either, &["نهب", "نهبت", "نهبوا", "منهوب", "منهوبه", "سلب", "سرقه"]),
    (Event::Lost, Side::Either, &["خسر", "خسرت", "خسروا", "خسائر", "خساره", "خسارات"]),
    // سقوط 12 متمردا "the fall of 12 rebels": only people fall so, and only before the number.
    (Event::Killed, Side::Before, &["سقوط"]),
    (Event::Population, Side::Before, &["سكان"]),
    (Event::Population, Side::Either, &["نسمه"]),
];

/// Event nouns that are the outcome itself (قتيل، جريح): as the noun after a number they
/// outrank a verb before it (39 قتيلا و40 جريحا). Status nouns (لاجئ، مصاب) do not: in
/// راح ضحيته 177 لاجئا the refugees were killed.
pub(crate) fn is_outcome_noun(word: &str) -> bool {
    any_reading(word, |rest| {
        matches!(
            rest,
            "قتيل"
                | "قتيلا"
                | "قتيلان"
                | "قتيلين"
                | "قتلي"
                | "جريح"
                | "جريحا"
                | "جريحان"
                | "جريحين"
                | "جرحي"
        )
    })
}

/// The dead, the victims, the wounded as a group with the article (القتلى، الضحايا، الجرحى،
/// المصابين، الشهداء): "N of the dead" is a part of a toll.
pub(crate) fn is_toll_noun(word: &str) -> bool {
    let Some(rest) = word.strip_prefix("ال") else {
        return false;
    };
    matches!(
        rest,
        "قتلي" | "ضحايا" | "جرحي" | "مصابين" | "شهداء" | "موتي" | "وفيات"
    )
}

/// Whether two words make one toll of casualties: nouns, not verbs (مقتل وإصابة، قتلى وجرحى،
/// بين قتيل وجريح; but in قتلوا وجرح 317 each verb has its own number).
pub(crate) fn is_casualty_pair(first: &str, second: &str) -> bool {
    // مئات الأرواح والجرحى: "hundreds of lives and wounded".
    let killed = |w: &str| matches!(w, "مقتل" | "قتلي" | "قتيل" | "وفاه" | "وفيات" | "ارواح");
    let wounded = |w: &str| matches!(w, "اصابه" | "اصابات" | "جرحي" | "جريح");
    let either = |a: &dyn Fn(&str) -> bool, b: &dyn Fn(&str) -> bool| {
        any_reading(first, a) && any_reading(second, b)
    };
    either(&killed, &wounded) || either(&wounded, &killed)
}

/// Whether two verbs are "killed and wounded" (قتل وجرح، قتلت وأصابت): one toll when a single
/// number follows them (the scanner checks that).
pub(crate) fn is_casualty_verb_pair(first: &str, second: &str) -> bool {
    let killed = |w: &str| matches!(w, "قتل" | "قتلت" | "قتلوا");
    let wounded = |w: &str| matches!(w, "جرح" | "جرحت" | "جرحوا" | "اصاب" | "اصابت" | "اصابوا");
    any_reading(first, killed) && any_reading(second, wounded)
}

/// Counted nouns of people, by whose count they make.
#[rustfmt::skip]
const PERSONS: &[(Who, &[&str])] = &[
    (Who::People, &[
        "شخص", "شخصا", "شخصان", "شخصين", "اشخاص", "مواطن", "مواطنا", "مواطنين", "مواطنون",
        "اخر", "اخرين", "اخرون", "اخري", "ناس", "فرد", "رجل", "رجلا", "طالب", "طالبا", "طلاب",
        "عامل", "عاملا", "عمال", "شاب", "شابا", "شبان", "ماره", "طبيب", "اطباء", "ممرض",
        "ممرضين", "مسعف", "مسعفين", "معلم", "معلمين", "سائح", "سائحا", "سياح", "حاج", "حجاج",
        "معتمر", "معتمرا", "معتمرين", "مهاجر", "مهاجرا", "مهاجرين", "سجين", "سجينا", "سجناء",
        "مشتبه", "اسير", "اسيرا", "اسري", "مريض", "مريضا", "مرضي", "راكب", "راكبا", "ركاب",
        "مسافر", "مسافرا", "مسافرين", "زائر", "زوار", "عاملين", "عاملون", "مصلي", "مصليا",
        "مصلين", "مصلون", "متدرب", "متدربا", "متدربين", "متدربون", "قروي", "قرويين", "بحار",
        "بحاره", "بحارا", "مقيم", "مقيما", "مقيمين", "مقيمون", "مواطنه", "مواطنات", "ابرياء",
        "مسلم", "مسلما", "مسلمين", "مسلمون", "مسيحي", "مسيحيا", "مسيحيين", "مسيحيون",
    ]),
    (Who::Police, &["شرطي", "شرطيا", "شرطيين", "شرطيون", "شرطيان"]),
    (Who::Soldiers, &[
        "جندي", "جنديا", "جنديين", "جنود", "عسكري", "عسكريا", "عسكريين", "عسكريون",
    ]),
    (Who::SecurityForces, &[
        "امني", "امنيا", "امنيين", "امنيون", "ضابط", "ضابطا", "ضباط", "مجند", "مجندا", "مجندين",
        "مجندون", "مجندان",
    ]),
    (Who::Protesters, &[
        "متظاهر", "متظاهرا", "متظاهرين", "متظاهرون", "محتج", "محتجا", "محتجين", "محتجون",
    ]),
    (Who::Activists, &["ناشط", "ناشطا", "ناشطين", "ناشطون", "نشطاء"]),
    (Who::Civilians, &["مدني", "مدنيا", "مدنيين", "مدنيون"]),
    (Who::Children, &["طفل", "طفلا", "اطفال", "قاصر", "قاصرين"]),
    (Who::Women, &["امراه", "نساء", "سيده", "سيدات"]),
    (Who::Journalists, &[
        "صحفي", "صحفيا", "صحفيين", "صحفيون", "صحافي", "صحافيا", "صحافيين", "صحافيون",
    ]),
    (Who::Attackers, &[
        "مهاجم", "مهاجما", "مهاجمين", "مهاجمون", "مسلح", "مسلحا", "مسلحين", "مسلحون",
        "ارهابي", "ارهابيا", "ارهابيين", "ارهابيون", "متطرف", "متطرفا", "متطرفين", "مقاتل",
        "مقاتلا", "مقاتلين", "مقاتلون", "متمرد", "متمردا", "متمردين", "متمردون", "متمرده", "حوثي",
        "حوثيا", "حوثيين", "حوثيون",
    ]),
    (Who::Foreigners, &["اجنبي", "اجنبيا", "اجانب"]),
];

/// Group words: whose, the next word says (أفراد قوات الأمن، عناصر الشرطة، في صفوف الجيش).
#[rustfmt::skip]
const GROUPS: &[&str] = &[
    "افراد", "عناصر", "عنصر", "عنصرا", "رجال", "قوات", "قوه", "موظف", "موظفي", "موظفو",
    "موظفين", "منتسبي", "منتسبو", "منسوبي", "منسوبو", "صفوف",
];

#[rustfmt::skip]
const FORCES: &[(Who, &[&str])] = &[
    (Who::SecurityForces, &["امن", "حرس", "طوارئ"]),
    (Who::Police, &["شرطه"]),
    (Who::Soldiers, &["جيش"]),
    (Who::Fighters, &["مقاومه"]),
];

#[rustfmt::skip]
const THINGS: &[(Thing, &[&str])] = &[
    (Thing::Vehicle, &[
        "سياره", "سيارات", "عربه", "عربات", "مركبه", "مركبات", "حافله", "حافلات", "شاحنه",
        "شاحنات", "مدرعه", "مدرعات",
    ]),
    (Thing::Building, &[
        "مبني", "مباني", "مبان", "بنايه", "بنايات", "متجر", "متاجر", "محل", "محلات", "مصنع",
        "مصانع", "بنك", "بنوك", "مصرف", "مصارف", "منشاه", "منشات", "منزل", "منازل", "بيت",
        "بيوت", "مكتب", "مكاتب", "مقر", "مقار", "مدرسه", "مدارس", "مؤسسه", "مؤسسات", "محطه",
        "محطات",
    ]),
];

#[rustfmt::skip]
const CURRENCIES: &[(Currency, &[&str])] = &[
    (Currency::Eur, &["يورو"]),
    (Currency::Usd, &["دولار", "دولارا", "دولارات"]),
    (Currency::Rub, &["روبل", "روبلا", "روبلات"]),
    (Currency::Kzt, &["تنغي", "تنغ", "تينغ", "تنجي", "تينغي"]),
    (Currency::Gbp, &["استرليني"]),
    (Currency::Pound, &["جنيه", "جنيها", "جنيهات"]),
    (Currency::Riyal, &["ريال", "ريالا", "ريالات"]),
    (Currency::Dinar, &["دينار", "دينارا", "دنانير"]),
    (Currency::Dirham, &["درهم", "درهما", "دراهم"]),
    (Currency::Lira, &["ليره", "ليرات"]),
    (Currency::Cny, &["يوان"]),
];

/// Units of time, length, weight, and percent after a number: a duration or a measurement.
#[rustfmt::skip]
const UNITS: &[&str] = &[
    "عام", "عاما", "اعوام", "عامين", "سنه", "سنوات", "سنين", "سنتين", "يوم", "يوما", "ايام",
    "يومين", "ساعه", "ساعات", "ساعتين", "دقيقه", "دقائق", "دقيقتين", "ثانيه", "ثوان", "اسبوع",
    "اسبوعا", "اسابيع", "اسبوعين", "شهر", "شهرا", "اشهر", "شهور", "شهرين", "عقد", "عقود", "قرن",
    "قرون", "كيلومتر", "كيلومترا", "كيلومترات", "كلم", "كم", "متر", "مترا", "امتار", "ميل",
    "اميال", "كيلوغرام", "كغ", "طن", "طنا", "اطنان", "لتر", "برميل", "براميل", "مئويه",
    "بالمئه", "بالمائه", "درجه", "درجات", "نقطه", "نقاط", "مره", "مرات", "ضعف", "اضعاف",
];

/// Gregorian, Levantine, Maghrebi and Hijri month names.
#[rustfmt::skip]
const MONTHS: &[&str] = &[
    "يناير", "فبراير", "مارس", "ابريل", "مايو", "يونيو", "يونيه", "يوليو", "يوليه", "اغسطس",
    "سبتمبر", "اكتوبر", "نوفمبر", "ديسمبر", "كانون", "شباط", "اذار", "نيسان", "ايار", "حزيران",
    "تموز", "اب", "ايلول", "تشرين", "جانفي", "فيفري", "افريل", "ماي", "جوان", "جويليه", "اوت",
    "محرم", "صفر", "ربيع", "جمادي", "رجب", "شعبان", "رمضان", "شوال", "ذو",
];

/// Words before a number that make it a year (عام 1989، منذ 2019).
const YEAR_WORDS: &[&str] = &["عام", "العام", "سنه", "منذ", "ميلادي", "هجري"];

/// Words before a number that make it a name, a time or a size (الساعة 10، رقم 5، عيار 120).
#[rustfmt::skip]
const LABELS: &[&str] = &[
    "ساعه", "رقم", "ماده", "بند", "فقره", "صفحه", "قرار", "عمر", "غرفه", "طريق", "شارع",
    "طراز", "نسخه", "قناه", "دقيقه", "عيار",
];

const SUBS: &[&str] = &["منهم", "بينهم"];

/// "Of them" for things (and for non-human plurals in general): a count of things.
const THING_SUBS: &[&str] = &["منها", "بينها"];

/// Adverbs in -يا that stand after a number: not nisba nouns of people (5 يوميا "5 a day").
#[rustfmt::skip]
const ADVERBS: &[&str] = &[
    "يوميا", "سنويا", "شهريا", "اسبوعيا", "حاليا", "رسميا", "مبدئيا", "اضافيا", "تقريبيا",
    "نسبيا", "جزئيا", "كليا", "فعليا", "تلقائيا", "محليا", "دوليا", "عالميا", "اجماليا",
];

const BOUNDARIES: &[&str] = &["كما", "بينما", "فيما", "ثم", "حيث", "لكن", "لكنه", "بعدما"];

/// Words that may follow a bare number without being its counted noun.
#[rustfmt::skip]
const FUNCTIONS: &[&str] = &[
    "في", "من", "علي", "الي", "عن", "خلال", "منذ", "حتي", "بعد", "قبل", "اثناء", "ان", "انه",
    "انهم", "قد", "و", "فقط", "تقريبا", "ممن", "بحسب", "حسب", "وفق", "وفقا", "بين", "جراء",
    "نتيجه", "اليوم", "امس", "يوم", "ليل", "ليله", "مساء", "صباح",
    // Verbs whose subject the number is (400 نقلوا إلى المستشفى); plural past verbs in وا are
    // recognized by their ending.
    "نقل", "نقلت", "ادخل", "ادخلت", "يرقد", "يرقدون", "لايزالون", "مازالوا", "كان", "كانت",
    "بات", "لقي", "لقيت", "سقط", "سقطت", "يتلقون", "يعالجون",
];

const TOTAL_WORDS: &[&str] = &["عدد", "حصيله", "اجمالي", "مجموع", "مجمل"];

/// Verbs of reaching before a number; `true` for "exceeding" (more than).
#[rustfmt::skip]
const TOTAL_VERBS: &[(&str, bool)] = &[
    ("بلغ", false), ("بلغت", false), ("يبلغ", false), ("تبلغ", false), ("وصل", false),
    ("وصلت", false), ("الي", false), ("ارتفع", false), ("ارتفعت", false), ("تجاوز", true),
    ("تجاوزت", true), ("يتجاوز", true), ("تخطي", true), ("تخطت", true), ("فاق", true),
    ("فاقت", true),
];

/// Word → cue, built once. Where a form is listed twice the first list wins, in the order
/// below (a unit such as يوم is also a function word before a date).
fn table() -> &'static FxHashMap<&'static str, Cue> {
    static TABLE: OnceLock<FxHashMap<&'static str, Cue>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t: FxHashMap<&'static str, Cue> = FxHashMap::default();
        let mut put = |word: &'static str, cue: Cue| {
            t.entry(word).or_insert(cue);
        };
        put(
            "عنايه",
            Cue::EventBefore(Event::IntensiveCare, Side::After, "مركزه"),
        );
        put("قضاء", Cue::EventBefore(Event::Killed, Side::Either, "علي"));
        put("قضي", Cue::EventBefore(Event::Killed, Side::Either, "علي"));
        put("حياه", Cue::LifeLost);
        put("ارواح", Cue::LifeLost);
        for w in ["فقد", "فقدوا", "فقدت"] {
            put(w, Cue::Lose);
        }
        for &(event, side, words) in EVENTS {
            for &w in words {
                put(w, Cue::Event(event, side));
            }
        }
        for &(who, words) in PERSONS {
            for &w in words {
                put(w, Cue::Person(who));
            }
        }
        for &w in GROUPS {
            put(w, Cue::Group);
        }
        for &(who, words) in FORCES {
            for &w in words {
                put(w, Cue::Force(who));
            }
        }
        for &(thing, words) in THINGS {
            for &w in words {
                put(w, Cue::Thing(thing));
            }
        }
        for &(currency, words) in CURRENCIES {
            for &w in words {
                put(w, Cue::Currency(currency));
            }
        }
        for &w in SUBS {
            put(w, Cue::Sub);
        }
        for &w in THING_SUBS {
            put(w, Cue::ThingSub);
        }
        for &w in BOUNDARIES {
            put(w, Cue::Boundary);
        }
        for &(w, more) in TOTAL_VERBS {
            put(w, Cue::TotalVerb(more));
        }
        for &w in FUNCTIONS {
            put(w, Cue::Function);
        }
        for &w in TOTAL_WORDS {
            put(w, Cue::TotalWord);
        }
        for &w in MONTHS {
            put(w, Cue::Month);
        }
        for &w in UNITS {
            put(w, Cue::Unit);
        }
        t
    })
}

/// Words that only mean their cue before a number, looked up separately because they are
/// also units or function words elsewhere (الساعة 10 but 3 ساعات; عام 1989 but 5 أعوام).
pub(crate) fn is_year_word(word: &str) -> bool {
    any_reading(word, |rest| YEAR_WORDS.contains(&rest))
}

pub(crate) fn is_label_word(word: &str) -> bool {
    any_reading(word, |rest| LABELS.contains(&rest))
}

/// Nouns a number after which is an ordinal or a size, with or without a pronoun: أسبوعها 134
/// ("its 134th week"), سعتها 25 ("its capacity, 25"), دورته 30, نسختها 12.
pub(crate) fn is_ordinal_or_capacity_word(word: &str) -> bool {
    const NOUNS: &[&str] = &[
        "اسبوع",
        "سعه",
        "دوره",
        "نسخه",
        "حلقه",
        "جوله",
        "طبعه",
        "مرحله",
    ];
    any_reading(word, |rest| {
        NOUNS.contains(&rest)
            || pronoun_suffixes(rest).any(|(stem, _)| {
                NOUNS.contains(&stem)
                    || stem
                        .strip_suffix('ت')
                        .is_some_and(|s| NOUNS.iter().any(|n| n.strip_suffix('ه') == Some(s)))
            })
    })
}

fn any_reading(word: &str, mut test: impl FnMut(&str) -> bool) -> bool {
    let mut found = false;
    for_each_reading(word, |len, _| {
        found = found || word.get(len..).is_some_and(&mut test);
    });
    found
}

/// The cue of a normalized word, through its proclitics (bare reading first), and for nouns
/// through an attached pronoun or the construct ending (اعتقالهم، حياتهم، عناصرها، مسلحي).
#[cfg(test)]
pub(crate) fn cue(word: &str) -> Option<Cue> {
    cue_reading(word).map(|(cue, _)| cue)
}

/// [`cue`], and whether it was read through a conjunction (و، ف): `وعربة` after a number is
/// a new conjunct, not the counted noun.
pub(crate) fn cue_reading(word: &str) -> Option<(Cue, bool)> {
    let table = table();
    let mut found = None;
    for_each_reading(word, |len, clitics| {
        if found.is_some() {
            return;
        }
        let Some(rest) = word.get(len..) else {
            return;
        };
        let conjunction = clitics
            .parts()
            .first()
            .is_some_and(|p| matches!(*p, "و" | "ف"));
        if let Some(&c) = table.get(rest) {
            found = Some((c, conjunction));
            return;
        }
        if let Some(c) = construct(table, rest) {
            found = Some((c, conjunction));
            return;
        }
        for (stem, _) in pronoun_suffixes(rest) {
            // Teh marbuta is written ت before a suffix: حياتهم → حياة (normalized حياه).
            let marbuta = stem
                .strip_suffix('ت')
                .map(|s| format!("{s}ه"))
                .and_then(|s| table.get(s.as_str()).copied());
            let c = table
                .get(stem)
                .copied()
                .or(marbuta)
                .or_else(|| construct(table, stem));
            if let Some(
                c @ (Cue::Event(..)
                | Cue::EventBefore(..)
                | Cue::LifeLost
                | Cue::Lose
                | Cue::Person(_)
                | Cue::Group
                | Cue::Thing(_)),
            ) = c
            {
                found = Some((c, conjunction));
                return;
            }
        }
    });
    found
}

/// A plural of people in the construct state, which drops its ن: مسلحي (الحوثي) = مسلحين.
fn construct(table: &FxHashMap<&'static str, Cue>, word: &str) -> Option<Cue> {
    if !word.ends_with('ي') {
        return None;
    }
    match table.get(format!("{word}ن").as_str()) {
        Some(&c @ (Cue::Person(_) | Cue::Group)) => Some(c),
        _ => None,
    }
}

/// Whether an unknown word after a number is still no counted noun: a plural past verb
/// (نقلوا، لقوا، كانوا), whose subject the number is.
pub(crate) fn is_plural_verb(word: &str) -> bool {
    word.ends_with("وا") && word.chars().count() >= 4
}

/// Whether an unknown word after a number names people by its form: the nisba noun, plural
/// (فلسطينيين، عراقيون) or singular after a number (عراقيًا), but not an adverb (يوميا).
pub(crate) fn is_nisba_people(word: &str) -> bool {
    let letters = word.chars().count();
    ((word.ends_with("يين") || word.ends_with("يون")) && letters >= 5)
        || (word.ends_with("يا") && letters >= 5 && !ADVERBS.contains(&word))
}

/// A singular nisba noun (فلسطيني، سوري، يمني), as a number of 11 or more counts people; not
/// with the article (العام 2015 الميلادي) and not a listed adverb.
pub(crate) fn is_singular_nisba(word: &str) -> bool {
    word.ends_with('ي')
        && !word.starts_with("ال")
        && word.chars().count() >= 4
        && !ADVERBS.contains(&word)
        && cue_reading(word).is_none()
}

/// Verbs of carrying (a bus, a plane): the people counted after them are its passengers, or
/// with the wounded, the wounded flown out (أقلت الطائرة نحو 80 جريحا). Read without the
/// article and not before عن/من, where the same letters mean "less" (على الأقل، لا يقل عن).
pub(crate) fn is_carrying_verb(word: &str, next: Option<&str>) -> bool {
    let rest = word
        .strip_prefix('و')
        .or_else(|| word.strip_prefix('ف'))
        .unwrap_or(word);
    matches!(
        rest,
        "اقل" | "اقلت" | "تقل" | "يقل" | "يحمل" | "تحمل" | "حملت" | "تنقل" | "ينقل"
    ) && !matches!(next, Some("عن" | "من"))
}

/// Whether a word is a verb that takes lives with it: فقد حياته "lost his life", أودى بحياة
/// "took the life of"; clitics allowed.
pub(crate) fn is_lose_verb(word: &str) -> bool {
    any_reading(word, |rest| {
        matches!(
            rest,
            "فقد" | "فقدوا" | "فقدت" | "يفقد" | "اودي" | "اودت" | "يودي"
        )
    })
}

/// Whether a word is a qualifier's word `expected`, with clitics on it allowed when `first`
/// (بنحو، وأكثر) and none otherwise.
pub(crate) fn word_is(word: &str, expected: &str, first: bool) -> bool {
    if !first {
        return word == expected;
    }
    any_reading(word, |rest| rest == expected)
}

/// Percent words after a number: بالمئة، بالمائة، المئة (في المئة)، %.
pub(crate) fn is_percent_word(word: &str) -> bool {
    matches!(word, "بالمئه" | "بالمائه" | "المئه" | "المائه" | "بالميه")
}

/// Words of disease: a wound word near one counts cases of infection (أصيبت ثلاث مواطنات
/// بفيروس كورونا), not the wounded of a violent event.
#[rustfmt::skip]
const DISEASE: &[&str] = &[
    "فيروس", "فيروسات", "كورونا", "عدوي", "مرض", "امراض", "وباء", "اوبئه", "ميرس", "ضنك",
    "حمي", "سرطان", "انفلونزا", "كوليرا", "ايبولا", "ملاريا", "حصبه", "ايدز", "جرثومه",
];

/// Whether a word names a disease.
pub(crate) fn is_disease_word(word: &str) -> bool {
    any_reading(word, |rest| DISEASE.contains(&rest))
}

/// Words of a company's accounts: a loss near one is a financial result (خسائر قدرها 945
/// مليون ريال خلال الربع الثاني), not damage.
#[rustfmt::skip]
const ACCOUNTS: &[&str] = &[
    "ارباح", "ربح", "ربحا", "صافي", "نتائج", "ربع", "ايرادات", "مبيعات", "سهم",
    "اسهم", "اكتتاب", "ميزانيه", "بورصه", "مؤشر", "تداول", "تداولات",
];

/// Whether a word belongs to a company's accounts or a market report.
pub(crate) fn is_accounts_word(word: &str) -> bool {
    any_reading(word, |rest| ACCOUNTS.contains(&rest))
}

/// Words of services given (aid, treatment, clinics): "158 refugees benefited" counts the
/// people served, not the displaced.
pub(crate) fn is_service_word(word: &str) -> bool {
    #[rustfmt::skip]
    const SERVICE: &[&str] = &[
        "استفاد", "استفادت", "يستفيد", "تستفيد", "تعالج", "يعالج", "عالجت", "معالجه", "علاج",
        "عياده", "عيادات", "خدمات", "مساعدات", "استقبلت", "استقبل", "استقبال", "توزيع", "وزعت",
    ];
    any_reading(word, |rest| SERVICE.contains(&rest))
}

/// Verbs of leaving hospital after a number (29 مصابا خرجوا من المستشفيات): the discharged
/// are no toll.
pub(crate) fn is_discharge_word(word: &str) -> bool {
    any_reading(word, |rest| {
        matches!(
            rest,
            "خرج" | "خرجوا" | "خرجت" | "غادر" | "غادروا" | "غادرت" | "خروج"
        )
    })
}

/// Words of a ceremony, a celebration or a funeral: a crowd there is not a protest.
pub(crate) fn is_ceremony_word(word: &str) -> bool {
    #[rustfmt::skip]
    const CEREMONY: &[&str] = &[
        "مراسم", "احياء", "ذكري", "احتفال", "احتفالات", "احتفالا", "جنازه", "تشييع", "حفل",
        "مهرجان", "صلاه", "عزاء", "تابين",
    ];
    any_reading(word, |rest| CEREMONY.contains(&rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cues_through_clitics_and_suffixes() {
        assert_eq!(cue("وقتل"), Some(Cue::Event(Event::Killed, Side::Either)));
        assert_eq!(cue("بمقتل"), Some(Cue::Event(Event::Killed, Side::Either)));
        assert_eq!(
            cue("اعتقالهم"),
            Some(Cue::Event(Event::Arrested, Side::Either))
        );
        assert_eq!(cue("حتفهم"), Some(Cue::Event(Event::Killed, Side::Either)));
        assert_eq!(cue("حياتهم"), Some(Cue::LifeLost));
        assert_eq!(
            cue("سكانها"),
            Some(Cue::Event(Event::Population, Side::Before))
        );
        assert_eq!(
            cue("المستشفي"),
            Some(Cue::Event(Event::Hospitalised, Side::After))
        );
        assert_eq!(cue("الامن"), Some(Cue::Force(Who::SecurityForces)));
        assert_eq!(cue("شرطيا"), Some(Cue::Person(Who::Police)));
        assert_eq!(cue("بنك"), Some(Cue::Thing(Thing::Building)));
        assert_eq!(cue("للنهب"), Some(Cue::Event(Event::Looted, Side::Either)));
        assert_eq!(cue("كتاب"), None);
    }

    #[test]
    fn no_form_is_listed_under_two_cues() {
        // Intended: يوم is a function word before a date and a unit after a number (the
        // function reading wins); الي is "to" and "reached" (the toll reading wins).
        let intended = ["يوم", "الي"];
        let mut seen: FxHashMap<&str, usize> = FxHashMap::default();
        let lists: Vec<Vec<&str>> = vec![
            EVENTS
                .iter()
                .flat_map(|(_, _, w)| w.iter().copied())
                .collect(),
            PERSONS
                .iter()
                .flat_map(|(_, w)| w.iter().copied())
                .collect(),
            GROUPS.to_vec(),
            FORCES.iter().flat_map(|(_, w)| w.iter().copied()).collect(),
            THINGS.iter().flat_map(|(_, w)| w.iter().copied()).collect(),
            CURRENCIES
                .iter()
                .flat_map(|(_, w)| w.iter().copied())
                .collect(),
            UNITS.to_vec(),
            MONTHS.to_vec(),
            SUBS.to_vec(),
            THING_SUBS.to_vec(),
            BOUNDARIES.to_vec(),
            FUNCTIONS.to_vec(),
            TOTAL_WORDS.to_vec(),
            TOTAL_VERBS.iter().map(|(w, _)| *w).collect(),
        ];
        let mut twice = Vec::new();
        for (i, list) in lists.iter().enumerate() {
            for &w in list {
                if let Some(&j) = seen.get(w)
                    && !intended.contains(&w)
                {
                    twice.push((w, j, i));
                }
                seen.insert(w, i);
            }
        }
        assert!(twice.is_empty(), "{twice:?}");
    }

    #[test]
    fn every_listed_word_is_normalized() {
        for (&word, _) in table().iter() {
            assert_eq!(crate::text::normalize_str(word), word, "{word}");
        }
    }
}

//! Figures: numbers in a sentence together with what they count (killed, wounded, arrested,
//! damaged vehicles, money...), so that a briefing can say where sources disagree.
//!
//! Interface used by `brief` (keep it): [`extract`], [`Figure`], [`Figure::label`],
//! [`Figure::amount`], [`Figure::topic`], [`disagreements`].
//!
//! A number becomes a figure only when a word near it says what it counts (docs/figures.md):
//! years, dates, ages, times, channel names, percentages and numbers in links never do.

mod lexicon;
mod scan;

use crate::text::Span;
use crate::text::numbers::Vague;
use serde::Serialize;
use std::collections::BTreeMap;

pub use scan::extract;

/// One figure of a sentence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figure {
    /// Byte span in the sentence of the quantity as written, qualifier included
    /// ("أكثر من 200", "قرابة 6 آلاف", "8 من أفراد قوات الأمن على الأقل").
    pub span: Span,
    /// `None` for vague quantities (dozens, hundreds...).
    pub value: Option<f64>,
    pub qualifier: Qualifier,
    pub measure: Measure,
    pub who: Who,
    /// A part of a total the sentence gives beside it ("15 ... خمسة منهم من رجال الأمن"):
    /// never a rival to the total, so never set against other figures.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub sub: bool,
    /// Joined to the figure before it as another part of one toll ("عشرة من منسوبي القوات
    /// إضافة إلى ثلاثة من العاملين"): the two add up, so neither is a rival to a total.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub joined: bool,
}

/// How the source states the number.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    Exact,
    /// نحو، قرابة، حوالي، زهاء، ما يقارب، تقريبا
    About,
    /// أكثر من، ما يزيد عن/على، يزيد عن، ما يربو على، تجاوز
    MoreThan,
    /// ما لا يقل عن، على الأقل
    AtLeast,
    /// أقل من، ما يقل عن
    LessThan,
    /// ما يصل إلى، ما لا يزيد عن
    UpTo,
    /// A count without a number: عشرات، مئات، آلاف، عدة.
    Vague(Vague),
}

/// What is counted.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    Killed,
    Wounded,
    /// Killed and wounded together, as the source gives them (مقتل وإصابة 25).
    Casualties,
    /// People infected by a disease (أصيبت ثلاث مواطنات بفيروس كورونا): cases, not wounded.
    Cases,
    Arrested,
    Detained,
    Hospitalised,
    IntensiveCare,
    Missing,
    Displaced,
    Evacuated,
    /// Troops or police sent or deployed.
    Deployed,
    /// A crowd: people protesting.
    Protesters,
    VehiclesDamaged,
    BuildingsDamaged,
    BuildingsLooted,
    /// Money lost or damages, in a currency.
    Losses(Currency),
    Population,
}

/// Whose count it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Who {
    /// People in general, or unspecified (also for counts of things).
    People,
    SecurityForces,
    Police,
    Soldiers,
    Protesters,
    Activists,
    Civilians,
    Children,
    Women,
    Journalists,
    /// Attackers, gunmen, militants, "terrorists" (as the source calls them).
    Attackers,
    /// The other side's fighters as the source names them: the resistance (مسلحو المقاومة،
    /// رجال المقاومة), never set against the attackers' toll.
    Fighters,
    Foreigners,
}

#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Currency {
    Eur,
    Usd,
    Rub,
    Kzt,
    Gbp,
    /// جنيه without a country.
    Pound,
    Riyal,
    Dinar,
    Dirham,
    Lira,
    Cny,
}

impl Currency {
    pub fn code(self) -> &'static str {
        match self {
            Currency::Eur => "EUR",
            Currency::Usd => "USD",
            Currency::Rub => "RUB",
            Currency::Kzt => "KZT",
            Currency::Gbp => "GBP",
            Currency::Pound => "pounds",
            Currency::Riyal => "riyals",
            Currency::Dinar => "dinars",
            Currency::Dirham => "dirhams",
            Currency::Lira => "lira",
            Currency::Cny => "CNY",
        }
    }
}

impl Who {
    /// English, empty for people in general.
    pub fn english(self) -> &'static str {
        match self {
            Who::People => "",
            Who::SecurityForces => "security forces",
            Who::Police => "police",
            Who::Soldiers => "soldiers",
            Who::Protesters => "protesters",
            Who::Activists => "activists",
            Who::Civilians => "civilians",
            Who::Children => "children",
            Who::Women => "women",
            Who::Journalists => "journalists",
            Who::Attackers => "attackers",
            Who::Fighters => "resistance fighters",
            Who::Foreigners => "foreigners",
        }
    }
}

/// What a figure is about, for comparing figures across sentences.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Topic {
    pub measure: Measure,
    pub who: Who,
}

impl Topic {
    /// English: "killed", "security forces killed", "police injured", "losses (EUR)".
    pub fn label(&self) -> String {
        let what = match self.measure {
            Measure::Killed => "killed",
            // People are "wounded"; a named group "injured" (police injured), as desks write.
            Measure::Wounded if self.who == Who::People => "wounded",
            Measure::Wounded => "injured",
            Measure::Casualties => "killed or wounded",
            Measure::Cases => "cases",
            Measure::Arrested => "arrested",
            Measure::Detained => "detained",
            Measure::Hospitalised => "hospitalised",
            Measure::IntensiveCare => "in intensive care",
            Measure::Missing => "missing",
            Measure::Displaced => "displaced",
            Measure::Evacuated => "evacuated",
            Measure::Deployed => "deployed",
            Measure::Protesters => return "protesters".to_string(),
            Measure::VehiclesDamaged => return "vehicles damaged".to_string(),
            Measure::BuildingsDamaged => return "buildings damaged".to_string(),
            Measure::BuildingsLooted => return "buildings looted".to_string(),
            Measure::Losses(c) => return format!("losses ({})", c.code()),
            Measure::Population => return "population".to_string(),
        };
        match self.who {
            Who::People => what.to_string(),
            who => format!("{} {what}", who.english()),
        }
    }
}

impl Figure {
    /// English label of what is counted, e.g. "killed", "security forces killed"; a part of a
    /// total says so ("of them killed": 103 of them killed).
    pub fn label(&self) -> String {
        if self.sub {
            format!("of them {}", self.topic().label())
        } else {
            self.topic().label()
        }
    }

    /// English amount, e.g. "200", "more than 1,000", "about 6,000", "dozens",
    /// "EUR 175 million".
    pub fn amount(&self) -> String {
        let number = match (self.qualifier, self.value) {
            (Qualifier::Vague(v), _) => v.english().to_string(),
            (_, Some(v)) => format_number(v),
            (_, None) => "an unknown number".to_string(),
        };
        let number = match self.measure {
            Measure::Losses(c) => format!("{} {number}", c.code()),
            _ => number,
        };
        let prefix = match self.qualifier {
            Qualifier::Exact | Qualifier::Vague(_) => "",
            Qualifier::About => "about ",
            Qualifier::MoreThan => "more than ",
            Qualifier::AtLeast => "at least ",
            Qualifier::LessThan => "less than ",
            Qualifier::UpTo => "up to ",
        };
        format!("{prefix}{number}")
    }

    pub fn topic(&self) -> Topic {
        Topic {
            measure: self.measure,
            who: self.who,
        }
    }
}

/// A number as a briefing writes it: 1,000; 5,800; 7.5; 175 million; 1.5 billion.
fn format_number(v: f64) -> String {
    for (scale, word) in [(1e9, "billion"), (1e6, "million")] {
        let tenths = v / scale * 10.0;
        if v >= scale && tenths.fract() == 0.0 && tenths < 1e12 {
            return format!("{} {word}", trim_decimal(format!("{:.1}", v / scale)));
        }
    }
    if !v.is_finite() {
        return v.to_string();
    }
    let text = trim_decimal(v.abs().to_string());
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let mut grouped = String::new();
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    let sign = if v < 0.0 { "-" } else { "" };
    if fraction.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}.{fraction}")
    }
}

/// "175.0" → "175"; "7.50" → "7.5".
fn trim_decimal(text: String) -> String {
    if text.contains('.') && !text.contains('e') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    }
}

/// A topic on which figures disagree.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Disagreement {
    pub topic: Topic,
    pub label: String,
    /// Each distinct amount, in order of first appearance, with the indices into the figures
    /// that give it.
    pub amounts: Vec<(String, Vec<usize>)>,
}

/// Topics on which the given figures disagree (two or more different amounts), each with its
/// distinct amounts and, for each amount, the indices into `figures` that give it. Ordered by
/// topic. Figures giving the same value and qualifier agree; sub-counts take no part.
pub fn disagreements(figures: &[Figure]) -> Vec<Disagreement> {
    // Per topic: (qualifier, value bits) → indices, in order of first appearance.
    type Amounts = Vec<((Qualifier, Option<u64>), Vec<usize>)>;
    let mut by_topic: BTreeMap<Topic, Amounts> = BTreeMap::new();
    for (i, figure) in figures.iter().enumerate() {
        if figure.sub {
            continue;
        }
        // -0.0 and 0.0 are one value.
        let value = figure.value.map(|v| (v + 0.0).to_bits());
        let key = (figure.qualifier, value);
        let amounts = by_topic.entry(figure.topic()).or_default();
        match amounts.iter_mut().find(|(k, _)| *k == key) {
            Some((_, indices)) => indices.push(i),
            None => amounts.push((key, vec![i])),
        }
    }
    by_topic
        .into_iter()
        .filter(|(_, amounts)| amounts.len() >= 2)
        .map(|(topic, amounts)| Disagreement {
            topic,
            label: topic.label(),
            amounts: amounts
                .into_iter()
                .map(|(_, indices)| (figures[indices[0]].amount(), indices))
                .collect(),
        })
        .collect()
}

#[cfg(test)]
mod tests;

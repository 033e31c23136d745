//! Boilerplate: the lines an outlet prints around its news, found from the corpus itself.
//!
//! Contact lines ("للتواصل مع الكاتب ارسل رسالة SMS…"), bylines ("حامد القرشي – جدة"),
//! datelines ("الرياض 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس"), sign-offs ("انتهى",
//! "يتبع"), "read also" and share lines, the stock closing line of a kind of statement. They
//! are not facts: aligned, they make the largest "facts" of a week (one outlet's four contact
//! lines were 15.5% of all pairs of the archive) and corroborate nothing.
//!
//! A sentence is boilerplate when
//! 1. **an outlet repeats it**: most of it (80% of its runs of five words, folded: spelling,
//!    diacritics and punctuation aside; a short line whole) is in at least [`MIN_ARTICLES`]
//!    articles of one outlet on at least [`MIN_DAYS`] days (when the articles are dated; when
//!    not, at the head or tail of most of them). A repeated text is stock text for every
//!    outlet: once found, it is marked wherever it is. Wire copy is repeated across outlets,
//!    and an outlet's own follow-ups rewrite their background, so neither reaches this;
//! 2. or it is **a line of a known kind**, however rare: a contact, share, follow or "read
//!    also" line, a copyright line, an address or handle, a line without Arabic letters, a
//!    sign-off; a dateline or a byline (a short line with a dash between a name and a place) at
//!    the head of an article. The lists are below; `docs/boilerplate.md` gives the reasons.
//!
//! The stage changes only sentence kinds (to [`SentenceKind::Boilerplate`]): the text, the
//! spans and the count of sentences stay as segmented.

use crate::text::{Sentence, SentenceKind, normalize_str};
use rustc_hash::{FxHashMap, FxHashSet};
use std::hash::{Hash, Hasher};

/// An outlet repeats a text in at least this many of its articles…
pub const MIN_ARTICLES: usize = 4;
/// …on at least this many days (when its articles have dates): an outlet that runs one
/// decision's items in its articles of two days is reporting, not repeating itself.
pub const MIN_DAYS: usize = 3;

/// What the stage knows of one article: its text (the sentences' spans index into it), its
/// outlet (as a number, see `pipeline::outlet_numbers`) and its day, if dated.
#[derive(Debug, Clone, Copy)]
pub struct Article<'a> {
    pub text: &'a str,
    pub outlet: usize,
    pub day: Option<i32>,
}

/// How many sentences were marked, by reason.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Marked {
    /// Repeated by an outlet across its articles (and found again elsewhere).
    pub repeated: usize,
    /// A line of a known kind.
    pub known: usize,
}

impl Marked {
    pub fn total(&self) -> usize {
        self.repeated + self.known
    }
}

/// Beginnings of lines that are never news (folded as [`folded`] folds).
const KNOWN_STARTS: &[&str] = &[
    "للتواصل",
    "لمراسلة الكاتب",
    "لمراسله الكاتب",
    "ارسل رسالة",
    "تبدأ بالرمز",
    "اقرأ أيضا",
    "اقرأ ايضا",
    "إقرأ أيضا",
    "شاهد أيضا",
    "اقرأ المزيد",
    "اقرأ كذلك",
    "تابعونا على",
    "تابعنا على",
    "شارك هذا",
    "شارك الخبر",
    "جميع الحقوق محفوظة",
    "حقوق النشر",
    "جميع حقوق",
];

/// Beginnings of tag lines ("سمات الهلال النصر لندن"): a line without final punctuation only,
/// since the word also means "traits" and may begin a sentence.
const TAG_STARTS: &[&str] = &["سمات", "الوسوم", "كلمات دلالية"];

/// Whole lines that close an article.
const SIGN_OFFS: &[&str] = &["انتهى", "يتبع", "المزيد", "إلى اللقاء", "الى اللقاء"];

/// Agencies whose name closes a dateline ("الرياض – واس").
const AGENCIES: &[&str] = &[
    "واس",
    "أ ف ب",
    "رويترز",
    "د ب أ",
    "الأناضول",
    "قنا",
    "وام",
    "كونا",
    "بنا",
    "يو بي آي",
];

/// A dateline or byline stands in the first lines of an article…
const HEAD_LINES: usize = 2;
/// …and is short: at most this many words (a dateline with both calendars has about 12).
const DATELINE_WORDS: usize = 14;
const BYLINE_WORDS: usize = 5;
/// A known line is short; a long sentence that begins like one is news that quotes it.
const KNOWN_WORDS: usize = 24;
/// An address, handle or phone line is a few words (a sentence that mentions one is news).
const ADDRESS_WORDS: usize = 4;

/// Mark the boilerplate of `segmented` (one list of sentences per article of `articles`).
pub fn mark(articles: &[Article<'_>], segmented: &mut [Vec<Sentence>]) -> Marked {
    let lists = Lists::get();
    let mut marked = Marked::default();
    let shingles: Vec<Vec<Vec<u64>>> = crate::parallel::map(
        &articles.iter().zip(segmented.iter()).collect::<Vec<_>>(),
        |(article, sentences)| {
            sentences
                .iter()
                .map(|s| shingles_of(&folded(s.span.slice(article.text))))
                .collect()
        },
    );
    let stock = stock_shingles(articles, segmented, &shingles);
    for (d, (article, doc_shingles)) in articles.iter().zip(&shingles).enumerate() {
        for (index, (sh, s)) in doc_shingles.iter().zip(segmented[d].iter_mut()).enumerate() {
            if !is_reporting(s.kind) {
                continue;
            }
            let stocked = sh.iter().filter(|h| stock.contains(h)).count();
            if !sh.is_empty() && stocked as f64 >= STOCK_SHARE * sh.len() as f64 {
                s.kind = SentenceKind::Boilerplate;
                marked.repeated += 1;
            } else if lists.is_known(s.span.slice(article.text), s.kind, index) {
                s.kind = SentenceKind::Boilerplate;
                marked.known += 1;
            }
        }
    }
    marked
}

/// How many sentences of `segmented` are boilerplate (what the briefing's notes count).
pub fn count(segmented: &[Vec<Sentence>]) -> usize {
    segmented
        .iter()
        .flatten()
        .filter(|s| s.kind == SentenceKind::Boilerplate)
        .count()
}

/// A sentence is stock text when at least this share of its shingles is.
const STOCK_SHARE: f64 = 0.8;

/// Word runs this long are a sentence's shingles; a shorter sentence is one shingle, whole.
const SHINGLE_WORDS: usize = 5;

/// The shingles of a folded sentence: the hashes of its runs of [`SHINGLE_WORDS`] words, so
/// that an outlet's stock paragraph is found in the small rewordings of each use.
fn shingles_of(folded: &str) -> Vec<u64> {
    let words: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty()).collect();
    let hash = |run: &[&str]| {
        let mut h = rustc_hash::FxHasher::default();
        run.hash(&mut h);
        h.finish()
    };
    match words.len() {
        0 => Vec::new(),
        n if n < SHINGLE_WORDS => vec![hash(&words)],
        _ => words.windows(SHINGLE_WORDS).map(hash).collect(),
    }
}

/// The shingles some outlet repeats across its articles ([`Repeats::is_boilerplate`]),
/// outlet by outlet so that only one outlet's counts are held at a time.
fn stock_shingles(
    articles: &[Article<'_>],
    segmented: &[Vec<Sentence>],
    shingles: &[Vec<Vec<u64>>],
) -> FxHashSet<u64> {
    let mut by_outlet: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
    for (d, article) in articles.iter().enumerate() {
        by_outlet.entry(article.outlet).or_default().push(d);
    }
    let mut stock = FxHashSet::default();
    for docs in by_outlet.values() {
        if docs.len() < MIN_ARTICLES {
            continue;
        }
        let mut seen: FxHashMap<u64, Repeats> = FxHashMap::default();
        for &d in docs {
            let n = shingles[d].len();
            for (index, (sh, s)) in shingles[d].iter().zip(&segmented[d]).enumerate() {
                if !is_reporting(s.kind) {
                    continue;
                }
                let at_edge = index < EDGE || index + EDGE >= n;
                for &h in sh {
                    seen.entry(h).or_default().add(d, articles[d].day, at_edge);
                }
            }
        }
        stock.extend(
            seen.into_iter()
                .filter(|(_, r)| r.is_boilerplate())
                .map(|(h, _)| h),
        );
    }
    stock
}

/// Only what would otherwise be aligned is marked: bylines and metadata are left out anyway.
fn is_reporting(kind: SentenceKind) -> bool {
    matches!(kind, SentenceKind::Body | SentenceKind::Headline)
}

/// How an outlet repeats one shingle (its articles come in order, so counting distinct ones
/// needs only the last; distinct days are counted up to [`MIN_DAYS`]).
struct Repeats {
    last_doc: u32,
    docs: u32,
    days_seen: [i32; MIN_DAYS],
    days: u8,
    undated: bool,
    times: u32,
    /// Times it stands in the first or last [`EDGE`] sentences of its article.
    at_edge: u32,
}

impl Default for Repeats {
    fn default() -> Repeats {
        Repeats {
            last_doc: u32::MAX,
            docs: 0,
            days_seen: [0; MIN_DAYS],
            days: 0,
            undated: false,
            times: 0,
            at_edge: 0,
        }
    }
}

/// The head and tail of an article, where an outlet prints its stock lines.
const EDGE: usize = 2;

impl Repeats {
    fn add(&mut self, doc: usize, day: Option<i32>, at_edge: bool) {
        self.times += 1;
        self.at_edge += u32::from(at_edge);
        let doc = doc as u32;
        if self.last_doc != doc {
            self.last_doc = doc;
            self.docs += 1;
        }
        match day {
            None => self.undated = true,
            Some(day) => {
                let known = &self.days_seen[..usize::from(self.days)];
                if usize::from(self.days) < MIN_DAYS && !known.contains(&day) {
                    self.days_seen[usize::from(self.days)] = day;
                    self.days += 1;
                }
            }
        }
    }

    /// In enough of the outlet's articles, on enough days; undated articles cannot show the
    /// days, so there the text must stand at the head or tail of its articles most times
    /// (a wire sentence in the middle of four undated articles is news).
    fn is_boilerplate(&self) -> bool {
        self.docs as usize >= MIN_ARTICLES
            && if self.undated {
                self.at_edge * 2 >= self.times
            } else {
                usize::from(self.days) >= MIN_DAYS
            }
    }
}

/// A text as the stage compares it: normalized (alef forms, diacritics, tatweel folded),
/// letters and digits only, one space between words.
fn folded(text: &str) -> String {
    let norm = normalize_str(text);
    let mut out = String::with_capacity(norm.len());
    for word in norm.split(|c: char| !crate::text::chars::is_alphanumeric(c)) {
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// The lists above, folded once.
struct Lists {
    starts: Vec<String>,
    tags: Vec<String>,
    sign_offs: FxHashSet<String>,
    agencies: Vec<String>,
}

impl Lists {
    fn get() -> &'static Lists {
        static LISTS: std::sync::OnceLock<Lists> = std::sync::OnceLock::new();
        LISTS.get_or_init(|| Lists {
            starts: KNOWN_STARTS.iter().map(|s| folded(s)).collect(),
            tags: TAG_STARTS
                .iter()
                .map(|s| format!("{} ", folded(s)))
                .collect(),
            sign_offs: SIGN_OFFS.iter().map(|s| folded(s)).collect(),
            agencies: AGENCIES.iter().map(|s| folded(s)).collect(),
        })
    }

    /// Whether sentence `index` of an article, `text` of `kind`, is a line of a known kind.
    fn is_known(&self, text: &str, kind: SentenceKind, index: usize) -> bool {
        let f = folded(text);
        let words = f.split(' ').filter(|w| !w.is_empty()).count();
        if words == 0 {
            return false;
        }
        let has_arabic = text.chars().any(|c| ('\u{0620}'..='\u{064A}').contains(&c));
        let head_line = index < HEAD_LINES && kind != SentenceKind::Body;
        // "وللتواصل…" as "للتواصل…".
        let unjoined = f.strip_prefix('و').unwrap_or(&f);
        (words <= KNOWN_WORDS && self.starts.iter().any(|s| unjoined.starts_with(s.as_str())))
            || (kind == SentenceKind::Headline
                && words <= KNOWN_WORDS
                && self.tags.iter().any(|t| f.starts_with(t.as_str())))
            || self.sign_offs.contains(&f)
            // A line that is an address, a handle or a link; a phone line ("Stc 88591").
            || (words <= ADDRESS_WORDS && ["@", "www.", "http"].iter().any(|m| text.contains(m)))
            || (!has_arabic && words <= ADDRESS_WORDS && text.chars().any(|c| c.is_ascii_digit()))
            || (head_line && words <= DATELINE_WORDS && self.is_dateline(&f))
            || (head_line && words <= BYLINE_WORDS && is_byline(text))
    }

    /// "الرياض 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس", "جدة – واس".
    fn is_dateline(&self, folded: &str) -> bool {
        folded.contains("الموافق")
            || self
                .agencies
                .iter()
                .any(|a| folded.ends_with(&format!(" {a}")) || folded == a)
    }
}

/// "حامد القرشي – جدة", "عين اليوم – متابعات": a few words, a dash between them.
fn is_byline(text: &str) -> bool {
    let trimmed = text.trim();
    ['–', '—', '-']
        .iter()
        .any(|dash| match trimmed.split_once(&format!(" {dash} ")) {
            Some((left, right)) => !left.trim().is_empty() && !right.trim().is_empty(),
            None => false,
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::segment;

    /// Segment and mark articles of (outlet, day, text).
    fn marked(
        articles: &[(usize, Option<i32>, &str)],
    ) -> (Vec<Vec<(String, SentenceKind)>>, Marked) {
        let views: Vec<Article> = articles
            .iter()
            .map(|&(outlet, day, text)| Article { text, outlet, day })
            .collect();
        let mut segmented: Vec<Vec<Sentence>> = articles.iter().map(|a| segment(a.2)).collect();
        let count = mark(&views, &mut segmented);
        let shown = segmented
            .iter()
            .zip(articles)
            .map(|(ss, a)| {
                ss.iter()
                    .map(|s| (s.span.slice(a.2).trim().to_string(), s.kind))
                    .collect()
            })
            .collect();
        (shown, count)
    }

    fn kinds_of(shown: &[Vec<(String, SentenceKind)>], needle: &str) -> Vec<SentenceKind> {
        shown
            .iter()
            .flatten()
            .filter(|(t, _)| t.contains(needle))
            .map(|(_, k)| *k)
            .collect()
    }

    const CONTACT: &str = "للتواصل مع الكاتب أرسل رسالة قصيرة إلى الرقم المخصص.";

    fn column(topic: &str) -> String {
        format!("كتب الكاتب اليوم عن {topic} وما يعنيه للقراء في المدينة.\n{CONTACT}\n")
    }

    #[test]
    fn a_line_one_outlet_repeats_across_its_articles_and_days_is_boilerplate() {
        let texts: Vec<String> = ["المرور", "المدارس", "الصيف", "الأسعار"]
            .iter()
            .map(|t| column(t))
            .collect();
        // The contact line below does not start with a known beginning: frequency finds it.
        let repeated = "أرسل رأيك في هذا المقال إلى بريد الصفحة.";
        let texts: Vec<String> = texts.iter().map(|t| format!("{t}{repeated}\n")).collect();
        let articles: Vec<(usize, Option<i32>, &str)> = texts
            .iter()
            .enumerate()
            .map(|(k, t)| (0, Some(k as i32 % 3), t.as_str()))
            .collect();
        let (shown, count) = marked(&articles);
        assert!(
            kinds_of(&shown, "أرسل رأيك")
                .iter()
                .all(|&k| k == SentenceKind::Boilerplate)
        );
        assert!(
            kinds_of(&shown, "كتب الكاتب")
                .iter()
                .all(|&k| k == SentenceKind::Body)
        );
        // Both repeated lines, four times each (the contact line would be known anyway).
        assert_eq!(
            count,
            Marked {
                repeated: 8,
                known: 0
            }
        );
    }

    #[test]
    fn wire_copy_in_a_few_articles_or_one_day_is_not_boilerplate() {
        let wire = "وأعلنت وزارة الداخلية مقتل 13 من رجال الأمن في تفجير مسجد قوات الطوارئ بعسير.";
        // Three outlets carry it, one of them twice: never four articles of one outlet.
        let a = format!("{wire}\n");
        let articles = [
            (0, Some(1), a.as_str()),
            (0, Some(2), &a),
            (1, Some(1), &a),
            (2, Some(1), &a),
        ];
        let (shown, count) = marked(&articles);
        assert_eq!(count.total(), 0);
        assert!(
            kinds_of(&shown, "وزارة الداخلية")
                .iter()
                .all(|&k| k == SentenceKind::Body)
        );
        // Four articles of one outlet on one day (one story, republished): still news.
        let same_day = [
            (0, Some(1), a.as_str()),
            (0, Some(1), &a),
            (0, Some(1), &a),
            (0, Some(1), &a),
        ];
        assert_eq!(marked(&same_day).1.total(), 0);
    }

    #[test]
    fn a_text_an_outlet_repeats_is_marked_in_every_outlet() {
        let closing = "وقد أعد مرسوم ملكي بذلك.";
        let decree =
            |k: usize| format!("صدر أمر ملكي بتعيين المسؤول رقم {k} في منصبه الجديد.\n{closing}\n");
        let texts: Vec<String> = (0..5).map(decree).collect();
        let mut articles: Vec<(usize, Option<i32>, &str)> = texts[..4]
            .iter()
            .enumerate()
            .map(|(k, t)| (0, Some(k as i32), t.as_str()))
            .collect();
        articles.push((1, Some(1), &texts[4]));
        let (shown, _) = marked(&articles);
        let kinds = kinds_of(&shown, "مرسوم ملكي");
        assert_eq!(kinds.len(), 5);
        assert!(
            kinds.iter().all(|&k| k == SentenceKind::Boilerplate),
            "{kinds:?}"
        );
    }

    #[test]
    fn known_lines_are_boilerplate_however_rare() {
        let text = "الرياض 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس\n\
                    حامد القرشي – جدة\n\
                    أعلنت الهيئة افتتاح المعرض الدولي للكتاب في جدة الأسبوع المقبل.\n\
                    اقرأ أيضا: الهيئة تمدد فترة التسجيل\n\
                    Stc 88591\n\
                    سمات المعرض جدة الكتاب\n\
                    يتبع\n";
        let (shown, count) = marked(&[(0, Some(1), text)]);
        let kinds: Vec<SentenceKind> = shown[0].iter().map(|(_, k)| *k).collect();
        let b = SentenceKind::Boilerplate;
        assert_eq!(kinds, [b, b, SentenceKind::Body, b, b, b, b], "{shown:?}");
        assert_eq!(count.known, 6);
        // "سمات" (traits) beginning a sentence of the article is news.
        let (shown, _) = marked(&[(0, Some(1), "سمات المرحلة المقبلة تتطلب صبرا من الجميع.\n")]);
        assert_eq!(shown[0][0].1, SentenceKind::Body);
    }

    #[test]
    fn a_headline_with_a_dash_deep_in_an_article_or_a_long_one_is_not_a_byline() {
        let text = "السعودية – مصر: شراكة اقتصادية تتوسع في قطاعات الطاقة والنقل والسياحة\n\
                    وقع البلدان اتفاقيات جديدة في القاهرة أمس.\n\
                    أبها – عسير\n";
        let (shown, _) = marked(&[(0, Some(1), text)]);
        let kinds: Vec<SentenceKind> = shown[0].iter().map(|(_, k)| *k).collect();
        assert_eq!(
            kinds[0],
            SentenceKind::Headline,
            "a long headline: {shown:?}"
        );
        assert_eq!(
            kinds[2],
            SentenceKind::Headline,
            "a short line deep in the article"
        );
    }
}

//! Abbreviations after which a `.` does not end a sentence, in normalized form (see
//! `normalize.rs`), without the final `.`. Initialisms made of single letters and periods
//! (`أ.ف.ب`, `ج.م.ع`, `U.S`) and single-letter initials are recognised by shape, not listed.
//! Latin entries are lower case and compared case-insensitively. Entries have at most four
//! letters (the segmenter skips the lookup for longer words).

pub const ABBREVIATIONS: &[&str] = &[
    // Titles before a name: doctor, professor, engineer, ustadh, sheikh (شيخ rarely abbreviated).
    "د", "ا.د", "م", "ا", "م.د",
    // Et cetera; Hijri and Common Era markers; post box; phone; page, part, volume.
    "الخ", "ه", "ق.م", "ق.ه", "ص.ب", "ت", "ص", "ج", "مج",
    // Units: kilometre, centimetre, millimetre, kilogram (they may end a sentence after a
    // number: see `is_abbreviation`).
    "كلم", "كم", "سم", "مم", "كغ", "كجم", // Agencies written with periods.
    "ا.ف.ب", "ا.ش.ا", "و.ا.ف",
    // Latin titles and shortenings that are followed by a name or a number.
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "st", "jr", "sr", "vs", "no", "jan",
    "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "e.g", "i.e",
    "fig",
];

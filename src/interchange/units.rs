//! What the translation formats carry: units of the queue going out to a CAT tool, units
//! coming back, and the units of a translation memory.

/// A sentence to translate, as exported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportUnit {
    /// The sentence's hash: the unit's id, checked on import.
    pub id: String,
    pub source: String,
    /// The desk's English, if it has one (exported as translated).
    pub target: Option<String>,
    /// Where the sentence is (`FILE#N`).
    pub context: String,
    /// Terms, figures, coverage: notes for the translator.
    pub notes: Vec<String>,
    /// The memory's fuzzy matches.
    pub alternatives: Vec<Alternative>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alternative {
    pub percent: u8,
    pub source: String,
    pub target: String,
}

/// A unit read back from a CAT tool.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportUnit {
    pub id: String,
    pub source: String,
    /// `None` when the unit is not translated (no target, an empty one, or a state that says
    /// so: XLIFF `new` / `needs-translation` / `initial`, a PO entry marked fuzzy).
    pub target: Option<String>,
    /// Line of the unit in the file, for messages.
    pub line: usize,
}

/// A translation-memory unit (TMX `<tu>`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TmUnit {
    pub id: Option<String>,
    pub source: String,
    pub target: String,
    /// `<prop type="...">` values.
    pub props: Vec<(String, String)>,
}

//! Core types shared by every armsflow crate. This crate does no I/O, so that
//! readers, the store, the engine and the server agree on one vocabulary.

pub mod category;
pub mod coverage;
pub mod entity;
pub mod flows;
pub mod locale;
pub mod release;
pub mod window;

pub use category::Category;
pub use coverage::{Coverage, comparison_note, comparison_note_in};
pub use entity::{
    Entity, EntityId, EntityKind, EntityTable, KindCounts, SUCCESSIONS, predecessors, succession,
};
pub use flows::{Deal, Flags, FlowView, Flows, NO_DEAL};
pub use locale::Lang;
pub use release::{
    EstimateFlags, ImportReport, Rejection, Release, ReleaseMeta, SourceFormat, UnresolvedName,
    default_release, title_parties,
};
pub use window::{Window, WindowError};

/// Largest TIV (millions) one value may carry: a table cell, a deal's unit,
/// order or delivered value, a published world total for one year.
///
/// SIPRI's largest published figures are about 10^4 millions (world totals
/// for one year: about 45,000 in 1982; the largest single deals are below
/// that), so 10^6 leaves a hundredfold margin for any real file while keeping
/// every sum finite: even 10^9 such values add up to 10^15, far inside `f64`
/// and exact to well under a cent of TIV. Readers reject anything above it (or
/// negative, NaN, infinite) with `file:line`, and so does the store on load.
pub const MAX_TIV: f64 = 1e6;

/// Whether `v` is a TIV value armsflow accepts: finite, `0..=MAX_TIV`.
pub fn plausible_tiv(v: f64) -> bool {
    (0.0..=MAX_TIV).contains(&v)
}

/// Largest number of units one row may give (delivered or ordered). SIPRI's
/// largest are about 10^4 (12,500 in one row of the 2026 register); 10^7
/// leaves ample room while every sum stays far inside the store's 32-bit
/// signed columns.
pub const MAX_UNITS: u32 = 10_000_000;

/// SIPRI's attribution line; every output that shows SIPRI-derived numbers carries it.
pub const SIPRI_ATTRIBUTION: &str = "Source: SIPRI Arms Transfers Database (c) SIPRI";

/// Phrases that credit SIPRI with a figure, and their wording for synthetic
/// data, where no figure is SIPRI's.
const SIPRI_CREDITS: &[(&str, &str)] = &[
    (
        "rests on SIPRI estimates",
        "rests on values the generator marks as estimated",
    ),
    (
        "values SIPRI marks as estimated",
        "values the generator marks as estimated",
    ),
    ("estimated by SIPRI", "marked as estimated by the generator"),
    (
        "SIPRI marks the value as an estimate",
        "the generator marks the value as an estimate",
    ),
    (
        "SIPRI left an estimate flag empty",
        "the generator left an estimate flag empty",
    ),
    (
        "SIPRI left the estimate flag empty",
        "the generator left the estimate flag empty",
    ),
    ("SIPRI's estimate flags", "the generator's estimate flags"),
    // The dashboard's German wording of the same credits.
    (
        "beruhen auf SIPRI-Schätzungen",
        "beruhen auf Werten, die der Generator als geschätzt markiert",
    ),
    (
        "von SIPRI geschätzt",
        "vom Generator als geschätzt markiert",
    ),
    (
        "von SIPRI als Schätzung markiert",
        "vom Generator als Schätzung markiert",
    ),
    (
        "SIPRI hat das Schätzungsfeld leer gelassen",
        "der Generator hat das Schätzungsfeld leer gelassen",
    ),
    (
        "SIPRI hat ein Schätzungsfeld leer gelassen",
        "der Generator hat ein Schätzungsfeld leer gelassen",
    ),
    (
        "SIPRI ein Schätzungsfeld leer gelassen hat",
        "der Generator ein Schätzungsfeld leer gelassen hat",
    ),
];

/// `text` with every phrase that credits SIPRI with a figure reworded for
/// synthetic data (pages, CLI notes); units such as "SIPRI trend-indicator
/// values" stay, since they name the measure, not the source.
pub fn without_sipri_credit(text: &str) -> String {
    let mut t = text.to_string();
    for (from, to) in SIPRI_CREDITS {
        if t.contains(from) {
            t = t.replace(from, to);
        }
    }
    t
}

/// The attribution line of a synthetic release: its numbers are ours, never SIPRI's.
pub const SYNTHETIC_ATTRIBUTION: &str =
    "SYNTHETIC DEMO DATA from armsflow's generator: not SIPRI data, not attributable to SIPRI";

#[cfg(test)]
mod tests {
    #[test]
    fn synthetic_wording_credits_no_one_but_the_generator() {
        let t = super::without_sipri_credit(
            "62.9% of the total rests on SIPRI estimates; est. = SIPRI marks the value as an estimate. \
             Values in millions of SIPRI trend-indicator values.",
        );
        assert!(
            !t.contains("SIPRI estimates") && !t.contains("SIPRI marks"),
            "{t}"
        );
        assert!(
            t.contains("SIPRI trend-indicator values"),
            "the unit stays: {t}"
        );
        let de = super::without_sipri_credit(
            "62,9 % der Summe beruhen auf SIPRI-Schätzungen; Lieferjahr von SIPRI geschätzt; \
             gesch. = von SIPRI als Schätzung markiert; SIPRI hat ein Schätzungsfeld leer gelassen.",
        );
        assert!(!de.contains("SIPRI"), "{de}");
    }
}

/// A CSV cell that a spreadsheet would run as a formula (`=HYPERLINK(…)`,
/// `+…`, `-…`, `@…`) gets a leading `'`, which spreadsheets show as text;
/// numbers (`-2.5`) stay as they are. Names come from imported files, which
/// may be hostile (hostile-files probe: a supplier `=HYPERLINK("x")` went
/// into CSV output as a live formula).
pub fn csv_safe(s: &str) -> std::borrow::Cow<'_, str> {
    let risky = s.starts_with(['=', '+', '-', '@', '\t', '\r']);
    // A dash alone is the tables' "nothing here", which no spreadsheet runs
    // (CLI probe 17: `check -f csv` wrote it as `'-`).
    let dash = s.trim() == "-";
    if risky && !dash && s.trim().parse::<f64>().is_err() {
        std::borrow::Cow::Owned(format!("'{s}"))
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

#[cfg(test)]
mod csv_safe_tests {
    use super::csv_safe;

    #[test]
    fn formulas_become_text_numbers_stay() {
        assert_eq!(csv_safe("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(csv_safe("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_safe("+1+1"), "'+1+1");
        assert_eq!(csv_safe("-2.5"), "-2.5");
        assert_eq!(csv_safe("1e3"), "1e3");
        assert_eq!(csv_safe("Russia"), "Russia");
        assert_eq!(csv_safe(""), "");
        assert_eq!(csv_safe("-"), "-");
        assert_eq!(csv_safe("-1+1"), "'-1+1");
    }
}

//! Verdicts, explanations and reasons in the sentence's language.
//!
//! Checkers and readers never write prose: they return a typed [`Msg`] that
//! carries the figures, parties and dates, in four families ([`FigureMsg`],
//! [`DeliveryMsg`], [`GroupMsg`], [`Reason`]). Each language is one catalogue
//! folder (`en/`, `de/`) implementing [`Catalogue`]: its conventions and
//! names in `mod.rs` ("88,4 %", "15. September 2020", "Russland", from
//! `model::locale`), one file per family, each an exhaustive match, so a new
//! message does not compile until every language words it. A third language
//! is one more folder and one arm in [`catalogue`].
//!
//! The English rendering is also the stable `explanation`/`reason` field of the
//! JSON answers; the localized one is added next to it with the language.

mod de;
mod en;
mod msg;

pub use msg::*;

use crate::check::Verdict;
use crate::claim::Party;
use crate::lex::Lang;
use engine::groups::GroupDate;
use serde::Serialize;

impl Lang {
    /// BCP 47 code: `en`, `de`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::English => "en",
            Lang::German => "de",
        }
    }
}

impl Serialize for Lang {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

/// One language's messages and conventions.
pub trait Catalogue: Sync {
    /// "supported" / "belegt".
    fn verdict(&self, v: Verdict) -> &'static str;
    fn caveat(&self, c: Caveat) -> &'static str;
    /// The full text of one message.
    fn msg(&self, m: &Msg) -> String;
    /// The interval or rule a verdict was judged by.
    fn tolerance(&self, t: &Tol) -> String;
}

/// Decimals that tell `lo` and `hi` apart (one to four): a band shown as
/// "-27.7 % to -27.7 %" hid why the table cannot decide (claims probe 36).
pub(crate) fn band_decimals(lo: f64, hi: f64) -> usize {
    (1..4)
        .find(|&d| format!("{lo:.d$}") != format!("{hi:.d$}"))
        .unwrap_or(4)
}

/// The catalogue of `lang`.
pub fn catalogue(lang: Lang) -> &'static dyn Catalogue {
    match lang {
        Lang::English => &en::En,
        Lang::German => &de::De,
    }
}

/// Qualifies a verdict; shown next to it, never dropped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Caveat {
    DesignationDiffers,
}

/// A verdict with its caveat in `lang`: "belegt, Bezeichnung weicht ab".
pub fn verdict_label(lang: Lang, v: Verdict, caveat: Option<Caveat>) -> String {
    let c = catalogue(lang);
    match caveat {
        Some(k) => format!("{}, {}", c.verdict(v), c.caveat(k)),
        None => c.verdict(v).to_string(),
    }
}

/// A party as a checker saw it in the release: `key` localizes its name.
pub fn party(key: &str, name: &str) -> Party {
    Party::new(key, name)
}

/// One SIPRI deal's deliveries, as an explanation lists them.
#[derive(Debug, Clone, PartialEq)]
pub struct DealText {
    /// The supplier, when the claim names none.
    pub from: Option<Party>,
    /// SIPRI's designation and description (SIPRI's English, never translated).
    pub designation: String,
    pub description: String,
    /// Year, units, estimate flags.
    pub years: Vec<(u16, u32, u16)>,
    pub tiv: f64,
}

/// A deal of a near kind: designation, description, year.
pub type Near = (String, String, u16);

/// What the group table records for one member.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    pub joined: Option<GroupDate>,
    pub announced: Option<GroupDate>,
    /// The table's UNCERTAIN note, verbatim.
    pub uncertain: Option<String>,
}

/// Where a group fact comes from.
#[derive(Debug, Clone, PartialEq)]
pub enum GroupSource {
    Builtin,
    File(String),
}

/// The strength word of a main-supplier claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MainWord {
    Main,
    Dominant,
}

/// What marks a sentence as not checkable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpeechWhy {
    ReportedSpeech,
    Forecast,
    Interpretation,
}

/// A partner with its TIV and share, in a ranking.
#[derive(Debug, Clone, PartialEq)]
pub struct Ranked {
    pub party: Party,
    pub tiv: f64,
    pub pct: f64,
}

impl Msg {
    /// The message in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        catalogue(lang).msg(self)
    }

    /// The stable English text (the `explanation`/`reason` field).
    pub fn english(&self) -> String {
        self.render(Lang::English)
    }

    /// `a; b` from several reasons, in order.
    pub fn join<M: Into<Msg>>(parts: Vec<M>) -> Msg {
        let mut parts: Vec<Msg> = parts.into_iter().map(Into::into).collect();
        if parts.len() == 1 {
            parts.remove(0)
        } else {
            Msg::Join(parts)
        }
    }

    pub(crate) fn not_covered(c: &model::Coverage) -> Msg {
        FigureMsg::NotCovered {
            window: c.window,
            release_years: c.release_years,
            missing: c.missing_years.clone(),
        }
        .into()
    }
}

/// Consecutive years as spans: `[2025, 2026, 2028]` → `[(2025, 2026), (2028, 2028)]`.
pub(crate) fn spans(years: &[u16]) -> Vec<(u16, u16)> {
    let mut out: Vec<(u16, u16)> = Vec::new();
    for &y in years {
        match out.last_mut() {
            Some((_, e)) if *e + 1 == y => *e = y,
            _ => out.push((y, y)),
        }
    }
    out
}

#[cfg(test)]
mod every;
#[cfg(test)]
mod tests;

//! (j) Reported speech, forecasts and interpretations ("Quellen … vermuten",
//! "könnte", "wird … erwartet", "scheint"): listed as not checkable, with
//! that reason, rather than silently skipped or read as facts.

use crate::check::{Out, cannot};
use crate::i18n::{Reason, SpeechWhy};
use crate::shapes::Sent;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SpeechKind {
    ReportedSpeech,
    Forecast,
    Interpretation,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Unverifiable {
    pub kind: SpeechKind,
    /// The words that make it so: "Quellen … vermuten".
    pub marker: String,
}

impl std::fmt::Display for Unverifiable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let k = match self.kind {
            SpeechKind::ReportedSpeech => "reported-speech",
            SpeechKind::Forecast => "forecast",
            SpeechKind::Interpretation => "interpretation",
        };
        write!(f, "{k} \"{}\"", self.marker)
    }
}

/// Future and intention auxiliaries: "will deliver", "wird liefern", "soll stärken".
const FUTURE: &[&str] = &[
    "will",
    "wird",
    "werden",
    "soll",
    "sollen",
    "plant",
    "planen",
    "plans",
    "intends",
    "beabsichtigt",
];

/// Marker words, lower case as written (umlauts kept: "könnte" is not "konnte").
fn kind_of(w: &str, next: &str) -> Option<SpeechKind> {
    use SpeechKind::*;
    Some(match w {
        "vermuten" | "vermutet" | "vermuteten" | "glauben" | "behaupten" | "behauptet"
        | "zufolge" | "angeblich" | "reportedly" | "allegedly" | "believe" | "believes"
        | "claim" | "claimed" => ReportedSpeech,
        "laut" if next != "sipri" => ReportedSpeech,
        "according" if next == "to" => ReportedSpeech,
        "könnte" | "könnten" | "dürfte" | "dürften" | "erwartet" | "expected" | "expect"
        | "expects" | "could" | "might" | "voraussichtlich" | "likely" | "forecast"
        | "prognostiziert" => Forecast,
        "scheint" | "scheinen" | "seems" | "appears" => Interpretation,
        _ => return None,
    })
}

/// A speech or forecast marker in a sentence that names a country or arms;
/// called only when no checkable claim was found in it.
pub(crate) fn extract(s: &Sent) -> Option<crate::Claim> {
    let t = &s.s.tokens;
    let about_arms = !s.f.mentions.is_empty()
        || s.has(|w| {
            w.starts_with("waffen") || w.contains("verteidigung") || matches!(w, "arms" | "weapons")
        });
    if !about_arms {
        return None;
    }
    let lower: Vec<String> = t.iter().map(|x| x.text.to_lowercase()).collect();
    let marker_at = |i: usize| {
        let next = lower.get(i + 1).map_or("", String::as_str);
        t[i].is_word()
            .then(|| kind_of(&lower[i], next))
            .flatten()
            .map(|k| (i, k))
    };
    // Future auxiliaries only when nothing more telling is there: "wird …
    // erwartet" is named by "erwartet".
    let auxiliary = |i: usize| {
        (t[i].is_word() && FUTURE.contains(&lower[i].as_str())).then_some((i, SpeechKind::Forecast))
    };
    let (i, kind) = (0..t.len())
        .find_map(marker_at)
        .or_else(|| (0..t.len()).find_map(auxiliary))?;
    // Name the source too: "Quellen … vermuten".
    let source = (0..i).find(|&k| {
        matches!(
            lower[k].as_str(),
            "quellen" | "sources" | "experten" | "experts" | "officials" | "kreise" | "beobachter"
        )
    });
    // "Laut israelischen Quellen", "according to officials": the source follows.
    let after = matches!(lower[i].as_str(), "laut" | "according")
        .then(|| {
            (i + 1..t.len().min(i + 5)).find(|&k| {
                matches!(
                    lower[k].as_str(),
                    "quellen"
                        | "sources"
                        | "experten"
                        | "experts"
                        | "officials"
                        | "kreisen"
                        | "beobachtern"
                )
            })
        })
        .flatten();
    let marker = match (source, after) {
        (_, Some(k)) => t[i..=k]
            .iter()
            .map(|x| x.text.as_str())
            .collect::<Vec<_>>()
            .join(" "),
        (Some(k), None) if k + 1 < i => format!("{} … {}", t[k].text, t[i].text),
        (Some(k), None) => format!("{} {}", t[k].text, t[i].text),
        (None, None) => t[i].text.clone(),
    };
    Some(crate::Claim::Unverifiable(Unverifiable { kind, marker }))
}

pub(crate) fn check(c: &Unverifiable) -> Out {
    cannot(Reason::Speech {
        marker: c.marker.clone(),
        why: match c.kind {
            SpeechKind::ReportedSpeech => SpeechWhy::ReportedSpeech,
            SpeechKind::Forecast => SpeechWhy::Forecast,
            SpeechKind::Interpretation => SpeechWhy::Interpretation,
        },
    })
}

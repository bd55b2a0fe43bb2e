//! Words (and the question mark) by which a sentence does not state what it says as a fact: a
//! condition ("if", "wenn"), a possibility or forecast ("could have", "would",
//! "könnte", "wird … bleiben"), or a denial ("it is false that", "fälschlich").
//! The figures in such a sentence are real, and a claim can be read from
//! them, but checking that claim answers a question the sentence does not
//! ask (regression: "If Russia supplied 95 % …, it would be the main
//! supplier" and "Russia could have supplied 95 %" were found not supported,
//! "It is false that Russia supplied 95 %" too, though it is true; "Russia
//! will remain Kazakhstan's main supplier" was supported from 2020-24).
//!
//! Matched on the lower-case text as written, umlauts kept: "könnte" is a
//! possibility, "konnte" a past fact; "würde" would, "wurde" was.

use crate::features::Features;
use crate::lex::{Kind, Token};
use crate::meaning::MarkerKind;

/// Conditions, possibilities, forecasts and intentions.
const POSSIBLE: &[&str] = &[
    // English
    "would",
    "could",
    "might",
    "should",
    "shall",
    "must",
    "if",
    "unless",
    "whether",
    "suppose",
    "supposing",
    "assuming",
    "hypothetically",
    "hypothetical",
    "perhaps",
    "maybe",
    "possibly",
    "probably",
    "presumably",
    "potentially",
    "likely",
    "unlikely",
    "expected",
    "expects",
    "forecast",
    "forecasts",
    "projected",
    "predicted",
    "predicts",
    "anticipated",
    "planned",
    "plans",
    "intends",
    "aims",
    "hopes",
    "wants",
    "seeks",
    "sought",
    "aimed",
    "wanted",
    "hoped",
    "intended",
    "tried",
    "attempted",
    "imagine",
    "wo",
    "'ll",
    // German
    "würde",
    "würden",
    "wäre",
    "wären",
    "hätte",
    "hätten",
    "könnte",
    "könnten",
    "dürfte",
    "dürften",
    "müsste",
    "müssten",
    "sollte",
    "sollten",
    "möchte",
    "möchten",
    "wenn",
    "falls",
    "sofern",
    "ob",
    "vielleicht",
    "möglicherweise",
    "wahrscheinlich",
    "vermutlich",
    "womöglich",
    "eventuell",
    "voraussichtlich",
    "potenziell",
    "erwartet",
    "erwarten",
    "prognostiziert",
    "geplant",
    "plant",
    "planen",
    "beabsichtigt",
    "angestrebt",
    "angenommen",
    "wollte",
    "wollten",
    "strebte",
    "versuchte",
    // Alleged or reported, not asserted (regression: "Russland soll … 95
    // Prozent … geliefert haben" and "Russia allegedly supplied 95 %" were
    // not supported, as if stated).
    "allegedly",
    "alleged",
    "reportedly",
    "supposedly",
    "purportedly",
    "apparently",
    "ostensibly",
    "rumoured",
    "rumored",
    "soll",
    "sollen",
    "angeblich",
    "offenbar",
    "mutmaßlich",
    "vorgeblich",
    "scheinbar",
    "theoretisch",
];

/// Words that say a statement is false: the sentence denies what it contains.
const DENIAL: &[&str] = &[
    "false",
    "untrue",
    "incorrect",
    "wrong",
    "wrongly",
    "falsely",
    "erroneously",
    "mistakenly",
    "myth",
    "deny",
    "denies",
    "denied",
    "disputed",
    "disputes",
    "refuted",
    "debunked",
    "contrary",
    "failed",
    "fails",
    "hardly",
    "otherwise",
    "verfehlte",
    "verfehlt",
    "kaum",
    "falsch",
    "unwahr",
    "unzutreffend",
    "unrichtig",
    "fälschlich",
    "fälschlicherweise",
    "irrtümlich",
    "irrtümlicherweise",
    "mythos",
    "bestritt",
    "bestreitet",
    "bestritten",
    "dementiert",
    "dementierte",
    "widerlegt",
    "entgegen",
    // A figure called wrong or overdone (regression: "It is misleading to
    // say that Russia supplied 95 %" was not supported, though it is true).
    "misleading",
    "misconception",
    "exaggerated",
    "exaggerates",
    "overstated",
    "overstates",
    "overestimated",
    "inflated",
    "nowhere",
    "dubious",
    "questionable",
    "doubt",
    "doubts",
    "doubted",
    "dispute",
    "keineswegs",
    "keinesfalls",
    "übertrieben",
    "überzogen",
    "legende",
    "irrglaube",
    "irrglauben",
    "fragwürdig",
    "zweifelhaft",
    "bezweifelt",
    "bezweifeln",
];

/// A figure before "is the kind of claim", "is an example of", "ist ein
/// Beispiel für": the sentence names the claim as an example and does not
/// make it (claims probe 21: "Methodology: Russia supplied 98 % of
/// Kazakhstan's arms imports in 2020–24 is the kind of claim we check" was
/// checked and not supported).
fn mentioned(t: &[Token], i: usize) -> bool {
    let w = |k: usize| t.get(k).map_or("", |x| x.norm.as_str());
    let is = |k: usize| k > 0 && matches!(w(k - 1), "is" | "are" | "was" | "ist" | "sind" | "war");
    let phrase = match w(i) {
        // "is the kind of claim", "is a typical example of"
        "kind" | "type" | "sort" => {
            w(i + 1) == "of"
                && matches!(w(i + 2), "claim" | "claims" | "statement" | "statements")
                && (is(i.saturating_sub(1)) || is(i.saturating_sub(2)))
        }
        "example" => w(i + 1) == "of" && (1..=3).any(|d| i >= d && is(i - d)),
        "beispiel" => {
            matches!(w(i + 1), "für" | "fur" | "fuer" | "einer" | "eines")
                && (1..=3).any(|d| i >= d && is(i - d))
        }
        _ => false,
    };
    phrase && t[..i].iter().any(|x| matches!(x.kind, Kind::Number { .. }))
}

/// "will" as a noun: "the will of", "political will".
fn will_is_noun(prev: &str, next: &str) -> bool {
    next == "of"
        || matches!(
            prev,
            "the" | "a" | "its" | "their" | "his" | "her" | "political" | "free" | "good" | "own"
        )
}

/// German "wird"/"werden" at `i` as the future ("wird … bleiben", "beitreten
/// wird"), not the passive ("wird … beliefert") or "becomes" ("wird zum
/// größten Abnehmer"): the clause's verb at its end is an infinitive.
fn german_future(t: &[Token], i: usize) -> bool {
    let ends = |k: usize| {
        matches!(
            t[k].kind,
            Kind::Punct('.' | ',' | ';' | ':' | '!' | '?' | '(' | ')') | Kind::Break
        )
    };
    let end = (i + 1..t.len()).find(|&k| ends(k)).unwrap_or(t.len());
    let verb = if end == i + 1 {
        // Verb-final clause: "…, dass Kasachstan … unterzeichnen wird."
        i.checked_sub(1)
    } else {
        Some(end - 1)
    };
    verb.is_some_and(|k| infinitive(&t[k]))
}

/// A German infinitive as written: lower case, ending in -en/-ern/-eln, no
/// "ge-" participle, not one of the participles that end in -en.
fn infinitive(tok: &Token) -> bool {
    const PARTICIPLES: &[&str] = &[
        "erhalten",
        "bezogen",
        "verliehen",
        "vergeben",
        "empfangen",
        "erworben",
        "entnommen",
        "übernommen",
        "verboten",
        "unterzogen",
        "überlassen",
        "verlassen",
        "gesehen",
    ];
    let w = tok.text.as_str();
    tok.is_word()
        && w.chars().next().is_some_and(char::is_lowercase)
        && w.len() > 3
        && (w.ends_with("en") || w.ends_with("ern") || w.ends_with("eln"))
        && !participle_ge(w)
        && !PARTICIPLES.contains(&w)
        || w == "sein"
}

/// A "ge-" participle, also after a separable prefix ("gegeben",
/// "abgegeben"), not an infinitive that starts so ("geben", "steigen").
fn participle_ge(w: &str) -> bool {
    const GE_INFINITIVES: &[&str] = &["geben", "gehen", "gelten", "gewinnen", "gehören", "genügen"];
    const PREFIXES: &[&str] = &[
        "", "ab", "an", "auf", "aus", "bei", "ein", "mit", "nach", "vor", "zu", "zurück", "weg",
        "her", "hin", "fest", "los",
    ];
    !GE_INFINITIVES.contains(&w)
        && PREFIXES.iter().any(|p| {
            w.strip_prefix(p)
                .is_some_and(|r| r.starts_with("ge") && r.len() > 4)
        })
}

/// Marks every such word of the sentence.
pub fn markers(t: &[Token], f: &mut Features) {
    for (i, tok) in t.iter().enumerate() {
        if tok.kind == Kind::Punct('?') {
            f.mark(MarkerKind::Question, i, t);
        }
        if !tok.is_word() {
            continue;
        }
        let low = tok.text.to_lowercase();
        let prev = if i > 0 { t[i - 1].norm.as_str() } else { "" };
        let next = t.get(i + 1).map_or("", |x| x.norm.as_str());
        // "fell short of", "zeigen etwas anderes".
        let denial = DENIAL.contains(&low.as_str())
            || low == "short" && prev == "fell"
            || low == "anderes" && prev == "etwas"
            || low == "from" && prev == "far";
        let kind = if denial {
            Some(MarkerKind::Denial)
        } else if mentioned(t, i) {
            Some(MarkerKind::Mentioned)
        } else if POSSIBLE.contains(&low.as_str())
            // "may" as written, not the month ("in May 2024", "May 2024 saw").
            || tok.text == "may" && !matches!(t.get(i + 1).map(|x| &x.kind), Some(Kind::Number { .. }))
            || low == "will" && !will_is_noun(prev, next)
            // "is said to have", "in theory", "on track to".
            || low == "said" && next == "to" && matches!(prev, "is" | "are" | "was" | "were")
            || low == "theory" && prev == "in"
            || low == "track" && prev == "on"
            // "is set to receive", "due to", "slated to" (claims probe 30:
            // checked as a past delivery).
            || matches!(low.as_str(), "set" | "due" | "slated" | "scheduled" | "expected" | "poised")
                && next == "to"
                && matches!(prev, "is" | "are" | "was" | "were" | "be" | "been")
            || matches!(low.as_str(), "wird" | "werden") && german_future(t, i)
        {
            // "wo" only as the first half of "won't".
            (low != "wo" || next == "n't").then_some(MarkerKind::Possibility)
        } else {
            None
        };
        if let Some(kind) = kind {
            f.mark(kind, i, t);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(s: &str) -> Vec<(MarkerKind, String)> {
        let t = crate::lex::lex(s, crate::lex::detect(s));
        let mut f = Features::default();
        markers(&t, &mut f);
        f.markers.into_iter().map(|m| (m.kind, m.text)).collect()
    }

    #[test]
    fn conditions_possibilities_and_denials() {
        use MarkerKind::{Denial, Possibility, Question};
        for (s, want) in [
            (
                "If Russia supplied 95 %, it would lead.",
                vec![Possibility, Possibility],
            ),
            ("Russia could have supplied 95 %.", vec![Possibility]),
            ("Russia may have supplied 95 %.", vec![Possibility]),
            ("Russia will remain the main supplier.", vec![Possibility]),
            ("It is false that Russia supplied 95 %.", vec![Denial]),
            (
                "Russland könnte 95 Prozent geliefert haben.",
                vec![Possibility],
            ),
            (
                "Russland wird der wichtigste Lieferant bleiben.",
                vec![Possibility],
            ),
            (
                "…, dass Kasachstan das Abkommen unterzeichnen wird.",
                vec![Possibility],
            ),
            (
                "Es ist falsch, dass Russland 95 Prozent lieferte.",
                vec![Denial],
            ),
            ("Did Russia supply 95 %?", vec![Question]),
        ] {
            let got: Vec<MarkerKind> = kinds(s).into_iter().map(|k| k.0).collect();
            assert_eq!(got, want, "{s}");
        }
    }

    /// Facts stated as facts keep no marker: the past "konnte"/"wurde", the
    /// passive "wird … beliefert", "wird zum … Abnehmer", the month May,
    /// the noun "will".
    #[test]
    fn stated_facts_are_not_marked() {
        for s in [
            "Russland konnte 2020–24 88 Prozent liefern.",
            "Kasachstan wurde 2020–24 zu 88 Prozent von Russland beliefert.",
            "Kasachstan wird zu 88 Prozent von Russland beliefert.",
            "Die Waffen werden aus Russland bezogen.",
            "Kasachstan wird zum drittgrößten Abnehmer russischer Waffen.",
            "Kasachstan, das von Russland beliefert wird, importierte viel.",
            "In May 2024 Russia delivered eight Su-30s.",
            "May 2024 saw deliveries of eight Su-30s.",
            "It shows the political will of Kazakhstan.",
            "Russia supplied 88 % of Kazakhstan's arms imports in 2020-24.",
        ] {
            assert_eq!(kinds(s), vec![], "{s}");
        }
    }
}

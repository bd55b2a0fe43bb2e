//! A ranked set narrowed by a name the reader does not know: "the GCC's
//! largest importer", "the largest importer in the Sahel", "der größte
//! Waffenimporteur der Golfregion", "unter den Golfmonarchien". A word list
//! of regions can never be complete (claims probe 8 found 20 more: Maghreb,
//! Levant, Indo-Pacific, ECOWAS, BRICS, OVKS …, each checked as a world
//! rank), so the shape decides: a rank's set may be qualified only by the
//! world, a period or a country the sentence names; any other qualifier is a
//! group, which no world figure answers.

use crate::features::Features;
use crate::lex::{Kind, Token};

/// The qualifier (as written) when token `i` narrows a ranked set by
/// something other than the world, a period or a named country.
pub(super) fn scope_qualifier(t: &[Token], i: usize, f: &Features) -> Option<String> {
    if possessive_scope(t, i, f) {
        return Some(t[i].text.clone());
    }
    let (from, to) = after_rank_noun(t, i, f).or_else(|| among(t, i, f))?;
    Some(
        t[from..=to]
            .iter()
            .map(|x| x.text.as_str())
            .collect::<Vec<_>>()
            .join(" "),
    )
}

fn in_mention(f: &Features, k: usize) -> bool {
    f.mentions.iter().any(|m| m.idx <= k && k < m.end)
}

/// Possessors that do not narrow a ranking: the world, pronoun-like nouns
/// for a country the sentence names, and the source.
fn neutral_possessor(base: &str) -> bool {
    matches!(
        base,
        "world"
            | "globe"
            | "planet"
            | "country"
            | "nation"
            | "state"
            | "kingdom"
            | "republic"
            | "government"
            | "military"
            | "army"
            | "navy"
            | "sipri"
            | "institute"
            | "year"
            | "decade"
            | "period"
            | "it"
            | "one"
    )
}

fn rank_word(norm: &str) -> bool {
    [
        "largest",
        "biggest",
        "greatest",
        "top",
        "leading",
        "main",
        "major",
        "chief",
        "principal",
        "primary",
        "most",
    ]
    .iter()
    .any(|w| norm.contains(w))
}

/// "the GCC's third-largest arms importer", "the Baltics' largest", "MENA's
/// eighth-largest": a possessive before a rank that is no named country.
fn possessive_scope(t: &[Token], i: usize, f: &Features) -> bool {
    let x = &t[i];
    if !x.is_word() || in_mention(f, i) {
        return false;
    }
    let glued_mark = t.get(i + 1).is_some_and(|m| {
        matches!(m.kind, Kind::Punct('\'' | '’')) && m.start == x.end && x.norm.ends_with('s')
    });
    let base = ["'s", "’s"]
        .iter()
        .find_map(|s| x.norm.strip_suffix(s))
        .or(glued_mark.then_some(x.norm.as_str()));
    let Some(base) = base else { return false };
    if neutral_possessor(base) {
        return false;
    }
    let from = if glued_mark { i + 2 } else { i + 1 };
    t[from.min(t.len())..t.len().min(from + 4)]
        .iter()
        .any(|y| y.is_word() && rank_word(&y.norm))
}

const EN_RANK_NOUNS: &[&str] = &[
    "importer",
    "importers",
    "exporter",
    "exporters",
    "supplier",
    "suppliers",
    "buyer",
    "buyers",
    "recipient",
    "recipients",
    "customer",
    "customers",
    "seller",
    "sellers",
    "purchaser",
    "purchasers",
    "client",
    "clients",
];

const DE_RANK_NOUNS: &[&str] = &[
    "importeur",
    "importeure",
    "importeuren",
    "importeurs",
    "exporteur",
    "exporteure",
    "exporteuren",
    "exporteurs",
    "lieferant",
    "lieferanten",
    "abnehmer",
    "abnehmern",
    "abnehmers",
    "kaufer",
    "kaufern",
    "empfanger",
    "empfangern",
    "kunde",
    "kunden",
];

fn rank_noun(norm: &str) -> bool {
    EN_RANK_NOUNS.contains(&norm) || DE_RANK_NOUNS.iter().any(|n| norm.ends_with(n))
}

/// Nouns after a rank noun that do not narrow the ranked set: the world, a
/// period, what is traded.
fn neutral_noun(norm: &str) -> bool {
    matches!(
        norm,
        "world"
            | "welt"
            | "globe"
            | "zeitraum"
            | "zeitraums"
            | "jahr"
            | "jahre"
            | "jahren"
            | "jahres"
            | "jahrzehnt"
            | "periode"
            | "vergleich"
            | "folge"
            | "reihe"
            | "summe"
            | "tiv"
            | "terms"
            // "des Landes", "des Staates": the country the sentence names.
            | "landes"
            | "lands"
            | "staates"
            | "staats"
    ) || ["import", "export", "waffen", "rustung", "arms", "weapon"]
        .iter()
        .any(|w| norm.contains(w))
}

/// The first noun of a qualifier starting at `k` (articles and lower-case
/// adjectives skipped: "im asiatisch-pazifischen Raum", "in the Sahel").
fn qualifier_noun(t: &[Token], mut k: usize) -> Option<usize> {
    while let Some(x) = t.get(k) {
        if !x.is_word() {
            return None;
        }
        if crate::features::year_of(x).is_some() {
            return None;
        }
        if x.capitalized() {
            return Some(k);
        }
        if !(crate::lexicon::is_article(&x.norm) || x.norm.ends_with("en") && k > 0) {
            return None;
        }
        k += 1;
    }
    None
}

/// "the largest importer in the Sahel", "der größte Waffenimporteur der
/// Golfregion", "… am Golf", "… im asiatisch-pazifischen Raum": the
/// qualifier's first and last token.
fn after_rank_noun(t: &[Token], i: usize, f: &Features) -> Option<(usize, usize)> {
    if !t[i].is_word() || !rank_noun(&t[i].norm) {
        return None;
    }
    let prep = t.get(i + 1).filter(|x| x.is_word())?;
    // Not "of": "the largest supplier of F-16s" names what is supplied.
    let english = matches!(prep.norm.as_str(), "in" | "among" | "within" | "across");
    let german = matches!(
        prep.norm.as_str(),
        "der" | "des" | "im" | "am" | "in" | "innerhalb" | "unter"
    );
    if !(english || german) {
        return None;
    }
    narrowing(t, i + 2, f).map(|n| (i + 1, n))
}

/// The qualifier's noun when the qualifier starting at `k` names something
/// other than the world, a period, what is traded or a country of the
/// sentence.
fn narrowing(t: &[Token], k: usize, f: &Features) -> Option<usize> {
    let n = qualifier_noun(t, k)?;
    let x = &t[n];
    (!(in_mention(f, n) || neutral_noun(&x.norm) || rank_noun(&x.norm))).then_some(n)
}

/// "among the BRICS", "unter den Golfmonarchien": a ranked set named
/// anywhere in the sentence.
fn among(t: &[Token], i: usize, f: &Features) -> Option<(usize, usize)> {
    let x = &t[i];
    if !x.is_word() {
        return None;
    }
    let n = match x.norm.as_str() {
        "among" | "amongst" => narrowing(t, i + 1, f),
        "unter" if t.get(i + 1).is_some_and(|y| y.norm == "den") => narrowing(t, i + 1, f),
        _ => None,
    }?;
    Some((i, n))
}

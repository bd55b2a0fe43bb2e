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
            // "auf Platz drei", "auf Rang 3": the rank itself.
            | "platz"
            | "rang"
            | "position"
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
    let english = matches!(
        prep.norm.as_str(),
        "in" | "among" | "amongst" | "within" | "across" | "on"
    );
    let german = matches!(
        prep.norm.as_str(),
        "der" | "des" | "im" | "am" | "in" | "innerhalb" | "unter" | "auf"
    );
    if !(english || german) {
        return None;
    }
    narrowing(t, i + 2, f)
        .or_else(|| english.then(|| english_group(t, i + 1, f)).flatten())
        .map(|n| (i + 1, n))
}

/// English writes a group in lower case, which [`qualifier_noun`] does not
/// see: "among monarchies", "among landlocked countries", "among its
/// neighbours", "on the subcontinent", "in its neighbourhood" (claims probe
/// 15: each was checked as the world rank, "Qatar was the third-largest arms
/// importer among monarchies" supported on world rank 3). After "among" or
/// "on" any word that is not the world, a period or what is traded narrows
/// the set; after "in", "within", "across" only a word of [`GROUP_NOUNS`]
/// does ("in absolute terms" does not).
fn english_group(t: &[Token], p: usize, f: &Features) -> Option<usize> {
    let general = matches!(t[p].norm.as_str(), "among" | "amongst" | "on");
    let mut k = p + 1;
    let mut seen = 0;
    while let Some(x) = t.get(k) {
        if !x.is_word() || crate::features::year_of(x).is_some() || seen >= 3 {
            return None;
        }
        // "among the world's arms importers": the world.
        let w = ["'s", "’s"]
            .iter()
            .find_map(|s| x.norm.strip_suffix(s))
            .unwrap_or(&x.norm);
        if matches!(
            w,
            "in" | "on"
                | "of"
                | "for"
                | "during"
                | "between"
                | "with"
                | "from"
                | "to"
                | "by"
                | "and"
                | "or"
                | "since"
                | "over"
                | "at"
                | "than"
                | "after"
                | "before"
        ) {
            return None;
        }
        // "among the five largest importers" is a rank range, not a group.
        let skip = crate::lexicon::is_article(w)
            || matches!(w, "its" | "their" | "his" | "her" | "all" | "other")
            || rank_word(w)
            || w.ends_with("est")
            || w.chars().any(|c| c.is_ascii_digit())
            || crate::lexicon::small_number(w).is_some()
            || matches!(w, "few" | "several" | "many" | "dozen")
            || in_mention(f, k);
        if !skip {
            seen += 1;
            let group = GROUP_NOUNS.contains(&w);
            let neutral = neutral_noun(w)
                || rank_noun(w)
                || matches!(
                    w,
                    "countries"
                        | "nations"
                        | "states"
                        | "others"
                        | "them"
                        | "record"
                        | "average"
                        | "paper"
                        | "balance"
                        | "top"
                        | "earth"
                        | "planet"
                        | "global"
                        | "worldwide"
                        | "international"
                );
            if group || (general && !neutral) {
                return Some(k);
            }
        }
        k += 1;
    }
    None
}

/// Lower-case English nouns that name a group of countries after "in".
const GROUP_NOUNS: &[&str] = &[
    "continent",
    "subcontinent",
    "peninsula",
    "neighbourhood",
    "neighborhood",
    "neighbours",
    "neighbors",
    "region",
    "monarchies",
    "democracies",
    "autocracies",
    "peers",
    "bloc",
    "alliance",
    "hemisphere",
];

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
        "among" | "amongst" => narrowing(t, i + 1, f).or_else(|| english_group(t, i, f)),
        "unter" if t.get(i + 1).is_some_and(|y| y.norm == "den") => narrowing(t, i + 1, f),
        _ => None,
    }?;
    Some((i, n))
}

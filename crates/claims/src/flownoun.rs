//! Words that narrow the flow a figure is of, read off the flow noun itself:
//! "India's *surveillance* equipment imports", "*combat vehicle* imports",
//! "die indischen *Luftwaffen*importe". The word lists elsewhere know what
//! they know; here any modifier of a flow noun that is not arms in general
//! or a category becomes a never-consumed [`MarkerKind::PartOf`], so an
//! unknown narrowing word blocks the sentence instead of being dropped
//! (regression of claims probe 9: "Israel supplied 13 per cent of India's
//! surveillance equipment imports" was supported from all of India's
//! imports, 12.6 %; its sensor imports give 46.9 %).

use crate::features::Features;
use crate::lex::{Kind, Token};
use crate::meaning::{self, MarkerKind};

/// Nouns of a flow of arms.
const FLOW_NOUNS: &[&str] = &[
    "imports",
    "exports",
    "import",
    "export",
    "purchases",
    "acquisitions",
    "procurement",
    "deliveries",
    "transfers",
    "sales",
    "supplies",
    "shipments",
];

/// Modifiers that leave the flow whole: arms in general, the whole of it.
const WHOLE: &[&str] = &[
    "arms",
    "arm",
    "weapons",
    "weapon",
    "weaponry",
    "equipment",
    "systems",
    "system",
    "hardware",
    "military",
    "defence",
    "defense",
    "major",
    "conventional",
    "total",
    "overall",
    "combined",
    "aggregate",
    "global",
    "world",
    "worldwide",
    "foreign",
    "international",
    "annual",
    "yearly",
];

/// Words that end the run of a flow noun's modifiers (determiners,
/// prepositions, verbs, quantifiers): what lies beyond them is not a
/// modifier of the noun.
const STOP: &[&str] = &[
    "the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these", "those",
    "such", "of", "for", "to", "from", "by", "with", "in", "on", "at", "and", "or", "as", "than",
    "first", "last", "initial", "further", "more", "most", "less", "all", "any", "some", "no",
    "whose", "which", "were", "was", "are", "is", "be", "been", "had", "has", "have", "per",
    "cent", "percent", "whole", "entire", "largest", "biggest", "main", "own",
];

/// German compound heads that leave the flow whole ("Rüstungsimporte",
/// "Waffenexporte", "Gesamtimporte").
const WHOLE_DE: &[&str] = &[
    "rustungs",
    "rustung",
    "waffen",
    "gesamt",
    "gesamtrustungs",
    "gesamtwaffen",
    "militar",
    "rustungsguter",
    "welt",
    "weltrustungs",
    "weltwaffen",
    "grosswaffen",
];

/// Marks every modifier of a flow noun that narrows the flow.
pub fn markers(t: &[Token], f: &mut Features) {
    let in_mention = |i: usize| f.mentions.iter().any(|m| m.idx <= i && i < m.end);
    let mut marks = Vec::new();
    for (i, tok) in t.iter().enumerate() {
        if !tok.is_word() || in_mention(i) {
            continue;
        }
        let norm = tok.norm.as_str();
        if FLOW_NOUNS.contains(&norm) {
            if let Some(k) = narrowing_modifier(t, i, &in_mention) {
                marks.push(k);
            }
        } else if german_narrowed(norm) {
            marks.push(i);
        }
    }
    for i in marks {
        if !f.markers.iter().any(|m| m.idx == i) {
            f.mark(MarkerKind::PartOf, i, t);
        }
    }
}

/// The first word before the flow noun at `at` that narrows it, walking
/// back over its modifiers.
fn narrowing_modifier(t: &[Token], at: usize, in_mention: &dyn Fn(usize) -> bool) -> Option<usize> {
    let mut j = at;
    while j > 0 {
        j -= 1;
        let w = &t[j];
        // Hyphens inside a compound modifier are their own tokens in some
        // spellings; anything else (a number, a comma) ends the run.
        if w.kind == Kind::Punct('-') {
            continue;
        }
        if !w.is_word() || in_mention(j) {
            return None;
        }
        let norm = w.norm.as_str();
        let prev = j.checked_sub(1).map_or("", |k| t[k].norm.as_str());
        let next = t.get(j + 1).map_or("", |x| x.norm.as_str());
        if STOP.contains(&norm)
            || norm.ends_with("'s")
            || norm.ends_with("’s")
            || norm.ends_with('\'')
            || norm.ends_with('’')
            // A name the mention finder did not take, an adjective of a
            // country ("Indian", "US"): not a kind of arms.
            || w.text.starts_with(|c: char| c.is_uppercase())
            || meaning::category(prev, norm, next).is_some()
            // The second word of a two-word category ("armoured vehicle").
            || j.checked_sub(1).is_some_and(|k| {
                let before = k.checked_sub(1).map_or("", |b| t[b].norm.as_str());
                matches!(meaning::category(before, prev, norm), Some((_, true)))
            })
            || norm.bytes().any(|b| b.is_ascii_digit())
        {
            return None;
        }
        if WHOLE.contains(&norm) || norm.strip_prefix("arms-").is_some() {
            continue;
        }
        return Some(j);
    }
    None
}

/// A German flow compound whose head narrows the flow ("Luftwaffenimporte",
/// "Marineimporte", "Heeresimporte"); categories ("Flugzeugimporte") and
/// goods other than arms ("Ölimporte", marked elsewhere) are not.
fn german_narrowed(norm: &str) -> bool {
    let Some(head) = meaning::FLOW_DE
        .iter()
        .chain(&["lieferungen"])
        .find_map(|s| norm.strip_suffix(s))
    else {
        return false;
    };
    let head = head.trim_end_matches('-');
    !head.is_empty()
        && head.len() >= 3
        && !WHOLE_DE.contains(&head)
        && meaning::category("", norm, "").is_none()
        && meaning::marker("", norm, "").is_none()
        && !norm.starts_with("waffenlieferung")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn german_heads() {
        assert!(german_narrowed("luftwaffenimporte"));
        assert!(german_narrowed("marineimporte"));
        assert!(german_narrowed("heeresimporte"));
        assert!(!german_narrowed("rustungsimporte"));
        assert!(!german_narrowed("waffenexporte"));
        assert!(!german_narrowed("flugzeugimporte"));
        assert!(!german_narrowed("importe"));
        assert!(!german_narrowed("olimporte"));
    }
}

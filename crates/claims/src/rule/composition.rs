//! A category as the subject of a share: its part of a flow, which is not
//! the supplier's share of that category.

use crate::features::Features;
use crate::lex::Token;

/// "Aircraft made up 80 % of Kazakhstan's arms imports from Russia",
/// "Flugzeuge machten 80 Prozent … aus": the category is what makes up the
/// figure, so the sentence asks for the category's part of a flow
/// (regression, claims probe 32: it was checked as Russia's share of
/// Kazakhstan's aircraft imports, another number). Only a category in the
/// whole after the figure ("… 90 % of Kazakhstan's aircraft imports") makes
/// the figure a share of that category's trade.
pub(super) fn category_is_subject(f: &Features, t: &[Token], source: usize) -> bool {
    const VERBS: &[&str] = &[
        "made",
        "make",
        "makes",
        "making",
        "accounted",
        "account",
        "accounts",
        "accounting",
        "comprised",
        "comprise",
        "comprises",
        "constituted",
        "constitute",
        "constitutes",
        "represented",
        "represent",
        "represents",
        "machten",
        "machen",
        "macht",
        "machte",
        "ausmachten",
        "ausmachen",
        "ausmacht",
        "ausmachte",
        "entfielen",
        "entfiel",
        "entfallen",
        "entfallt",
        "stellten",
        "stellen",
        "stellt",
        "stellte",
        "bildeten",
        "bilden",
    ];
    let end = source.min(t.len());
    let in_whole = f.categories.iter().any(|&(_, c)| c > source);
    !in_whole
        && f.categories
            .iter()
            .any(|&(_, c)| c < end && (c + 1..end).any(|v| VERBS.contains(&t[v].norm.as_str())))
}

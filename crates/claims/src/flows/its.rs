//! Whose imports "its" are after a supply verb: "Kazakhstan is dependent:
//! Russia supplied 88 % of its arms imports" (claims probe 21: read as
//! Russia's imports from Kazakhstan, 0 %, roles swapped). A supplier does
//! not supply its own imports, nor does a recipient receive its own exports,
//! so the pronoun is another country named before it: taken when exactly one
//! is, refused when several are.

use super::{before_fillers, owner_pronoun};
use crate::claim::Party;
use crate::features::{Features, Form};
use crate::lex::{Kind, Token};

/// "the country's", "that country's", "the nation's" before the flow word
/// at `flow`, or "des Landes" after it: the word's index.
///
/// Claims probe 22: "Kazakhstan [2020–24]: Russia supplied 88 % of the
/// country's arms imports" (and other lead-in shapes) was read as Russia's
/// imports from Kazakhstan, 0 %. A supplier does not supply its own imports,
/// whatever words point back to it, so these follow the rule for "its".
pub(super) fn country_anaphor(t: &[Token], flow: usize) -> Option<usize> {
    let word = |k: usize| {
        t.get(k)
            .filter(|x| x.is_word())
            .map_or("", |x| x.norm.as_str())
    };
    if let Some(j) = before_fillers(t, flow).filter(|&j| j > 0) {
        let n = word(j).trim_end_matches("'s").trim_end_matches("’s");
        let det = matches!(word(j - 1), "the" | "that" | "this");
        if det && matches!(n, "country" | "nation") && word(j) != n {
            return Some(j);
        }
    }
    (matches!(word(flow + 1), "des" | "dieses") && word(flow + 2) == "landes").then_some(flow + 2)
}

/// What "its" at the flow word `flow` stands for, given that it is not the
/// transfer verb's subject: `None` when the sentence does not say (no
/// pronoun, no verb subject, no other country: left as before), `Some(Ok)`
/// for the one other country, `Some(Err)` for several (with the pronoun as
/// written).
pub(super) fn other_owner(
    t: &[Token],
    f: &Features,
    flow: usize,
    verb: impl Fn(&str) -> bool,
) -> Option<Result<Party, (String, Vec<Party>)>> {
    let j = before_fillers(t, flow)
        .filter(|&j| t[j].is_word() && owner_pronoun(&t[j].norm))
        .or_else(|| country_anaphor(t, flow))?;
    // The verb before the pronoun, in the flow's clause.
    let clause = f.clause(flow);
    let v = (0..j)
        .rev()
        .find(|&k| t[k].is_word() && f.clause(k) == clause && verb(&t[k].norm))?;
    // Its subject: the country right before it ("Russia supplied", "Russland
    // lieferte"), or before a relative pronoun ("Russia, which supplied").
    let relative = |x: &Token| {
        matches!(x.kind, Kind::Punct(','))
            || x.is_word()
                && matches!(
                    x.norm.as_str(),
                    "which" | "that" | "der" | "das" | "welches"
                )
    };
    let subject = f
        .mentions
        .iter()
        .filter(|m| m.end <= v && m.form == Form::Noun && m.prep.is_none())
        .max_by_key(|m| m.idx)
        .filter(|m| t[m.end..v].iter().all(relative))?;
    let mut others: Vec<Party> = Vec::new();
    for m in f
        .mentions
        .iter()
        .filter(|m| m.idx < j && m.party != subject.party)
    {
        if !others.contains(&m.party) {
            others.push(m.party.clone());
        }
    }
    match others.len() {
        0 => None,
        1 => others.pop().map(Ok),
        _ => Some(Err((t[j].text.clone(), others))),
    }
}

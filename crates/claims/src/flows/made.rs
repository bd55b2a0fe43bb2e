//! Arms named by their maker: "63 % of Chinese arms", "der chinesischen
//! Waffen", "of the weapons China exported", "der Waffen, die China
//! exportierte", "der von Russland exportierten Waffen". A recipient that
//! took such a share took it from the maker's exports, so the whole is the
//! maker's exports (claims probe 10: "Pakistan received 63 per cent of
//! Chinese arms in 2020-24" was checked as 63 % of Pakistan's imports,
//! 81.14 %, not supported, where China's exports give 63.02 %; "Kazakhstan
//! received 88 per cent of Russian arms" was supported the same way).

use super::{Whole, arms_noun, whole_filler};
use crate::claim::Party;
use crate::features::{Features, Form};
use crate::lex::{Kind, Token};
use engine::Direction;

/// The whole "of Chinese arms": the run of a whole (`from`, the "of"/"der",
/// to `end`, the first token not in the run) that ends on an arms noun with
/// one demonym before it and nothing else owning it, in a clause whose
/// verb takes arms in ("received", "bought", "erhielt") and none hands them
/// over. `None` where the maker cannot be read that surely: "its Russian
/// arms", "Kazakhstan's Russian arms", no taking verb ("accounted for 38 %
/// of Russian arms": left untied, as before).
pub(super) fn demonym_whole(
    t: &[Token],
    f: &Features,
    from: usize,
    end: usize,
    figure: Option<usize>,
) -> Option<Whole> {
    if !takes_only(f, f.clause(from)) {
        return None;
    }
    // A category noun ends the run itself ("of Chinese aircraft"); "arms"
    // is a filler the run went past.
    let (last, after) = if t.get(end).is_some_and(|x| x.is_word()) && maker_noun(t, end) {
        (end, end + 1)
    } else {
        (end.checked_sub(1).filter(|&k| k > from)?, end)
    };
    let run: Vec<_> = f
        .mentions
        .iter()
        .filter(|m| m.idx > from && m.end <= after)
        .collect();
    let [maker] = run.as_slice() else {
        return None;
    };
    // "Kazakhstan received 10.6 % of Russia's arms deliveries": a named
    // owner of a flow noun of no side is its deliverer, as "Russia's arms
    // exports" would be (claims probe 34: "no supplier named"). Not "its"
    // nor with a "from" country in the clause, where the owner may be the
    // taker ("of its arms deliveries from Russia").
    let deliverer = maker.form == Form::Possessive
        && t[maker.idx].capitalized()
        && t.get(after).is_some_and(|x| no_side_flow(&x.norm))
        && !f
            .mentions
            .iter()
            .any(|m| m.clause == f.clause(from) && m.prep == Some(crate::lexicon::Prep::From));
    if maker.form != Form::Adjective && !deliverer {
        return None;
    }
    // "38 per cent of Russian and 28 per cent of French arms": the arms
    // noun of the next figure's whole, whose maker is a demonym too.
    if maker.end == after {
        return elliptic(t, f, maker, after, figure);
    }
    if !(t[last].is_word() && maker_noun(t, last)) {
        return None;
    }
    // What follows the arms noun may not carry it on ("Chinese arms
    // imports" is a flow the run would have found; "arms of Kazakhstan" an
    // owner): only the end of the clause, a period, a preposition of time,
    // or a flow noun of no side ("Chinese arms deliveries" are China's).
    if let Some(next) = t.get(after)
        && next.is_word()
        && !matches!(
            next.norm.as_str(),
            "in" | "im"
                | "from"
                | "von"
                | "between"
                | "zwischen"
                | "during"
                | "over"
                | "und"
                | "and"
        )
        && !no_side_flow(&next.norm)
    {
        return None;
    }
    // Every other word of the run is an article, "all" or an arms word.
    let others_plain = (from + 1..after)
        .filter(|&k| !(maker.idx..maker.end).contains(&k))
        .all(|k| t[k].is_word() && (whole_filler(&t[k].norm) || maker_noun(t, k)));
    if !others_plain {
        return None;
    }
    Some(Whole {
        figure,
        dir: Direction::Exports,
        at: last,
        owner: Some((Direction::Exports, maker.party.clone())),
    })
}

/// "of Russian and 28 per cent of French arms": the run ended on the
/// demonym, an "and" follows, and within the clause the next figure's whole
/// is a demonym before an arms noun. Both figures are of their makers'
/// exports (without this the first was read as India's imports from Russia
/// beside France's exports to India).
fn elliptic(
    t: &[Token],
    f: &Features,
    maker: &crate::features::Mention,
    after: usize,
    figure: Option<usize>,
) -> Option<Whole> {
    if !t
        .get(after)
        .is_some_and(|x| matches!(x.norm.as_str(), "and" | "und"))
    {
        return None;
    }
    let clause = f.clause(maker.idx);
    let other = f
        .mentions
        .iter()
        .find(|m| m.idx > after && m.idx <= after + 8 && m.clause == clause)?;
    let arms = other.end;
    let ok = other.form == Form::Adjective
        && t.get(arms)
            .is_some_and(|x| x.is_word() && maker_noun(t, arms))
        && t[after + 1..other.idx].iter().all(|x| {
            matches!(x.kind, Kind::Number { .. } | Kind::Percent)
                || (x.is_word() && (whole_filler(&x.norm) || matches!(x.norm.as_str(), "of")))
        });
    ok.then(|| Whole {
        figure,
        dir: Direction::Exports,
        at: arms,
        owner: Some((Direction::Exports, maker.party.clone())),
    })
}

/// The whole "der Waffen, die China 2020–24 exportierte": the run ended on
/// an arms noun (`end - 1`) followed by a comma and a relative pronoun; the
/// relative clause names one country and a flow verb. The country is the
/// verb's subject: the exporter of exported arms, the importer of imported
/// ones.
pub(super) fn relative_whole(
    t: &[Token],
    f: &Features,
    from: usize,
    end: usize,
    figure: Option<usize>,
) -> Option<Whole> {
    let last = end.checked_sub(1).filter(|&k| k > from)?;
    if !(t[last].is_word() && maker_noun(t, last)) {
        return None;
    }
    if t.get(end)?.kind != Kind::Punct(',') {
        return None;
    }
    let rel = t.get(end + 1).filter(|x| x.is_word())?;
    if !matches!(rel.norm.as_str(), "die" | "welche" | "that" | "which") {
        return None;
    }
    // The relative clause: up to its verb, within six tokens.
    let mut k = end + 2;
    let mut subject: Option<Party> = None;
    while k < t.len() && k <= end + 8 {
        if let Some(&(dir, at)) = f.directions.iter().find(|d| d.1 == k) {
            // As in `agent_before`: "erhielt … der Waffen, die Russland
            // importierte" names no flow SIPRI records.
            if !f.verb_at(at) || (dir == Direction::Imports && takes_only(f, f.clause(from))) {
                return None;
            }
            let owner = subject.map(|p| (dir, p));
            owner.as_ref()?;
            return Some(Whole {
                figure,
                dir,
                at,
                owner,
            });
        }
        if let Some(m) = f.mentions.iter().find(|m| m.idx == k) {
            if subject.is_some() || m.form != Form::Noun || m.prep.is_some() {
                return None;
            }
            subject = Some(m.party.clone());
            k = m.end;
            continue;
        }
        let plain = match &t[k].kind {
            Kind::YearRange(_) | Kind::Number { .. } => true,
            Kind::Punct(c) => matches!(c, '-' | '–'),
            Kind::Word => matches!(
                t[k].norm.as_str(),
                "in" | "im"
                    | "von"
                    | "bis"
                    | "zwischen"
                    | "und"
                    | "from"
                    | "to"
                    | "between"
                    | "and"
                    | "zeitraum"
                    | "den"
                    | "jahren"
            ),
            _ => false,
        };
        if !plain {
            return None;
        }
        k += 1;
    }
    None
}

/// The owner of a flow verb at `at` named right before it as its subject
/// inside the whole: "of the weapons China exported" (exports, China's),
/// "der von Russland exportierten Waffen" and "the arms exported by Russia"
/// (the agent), "the aircraft Pakistan imported" (imports, Pakistan's).
/// Without this, "Pakistan took 63 per cent of the weapons China exported"
/// was read as Pakistan's exports to China (0 %).
pub(super) fn agent_before(
    t: &[Token],
    f: &Features,
    dir: Direction,
    at: usize,
) -> Option<(Direction, Party)> {
    // "India received 38 % of the arms Russia imported": whose imports
    // India took is no flow SIPRI records; left to the readers (and the
    // rule, which refuses a taker read as the supplier).
    if !f.verb_at(at) || (dir == Direction::Imports && takes_only(f, f.clause(at))) {
        return None;
    }
    let m = f
        .mentions
        .iter()
        .find(|m| m.end == at && m.form == Form::Noun)?;
    let before = m.idx.checked_sub(1).map(|k| &t[k])?;
    let inside = before.is_word()
        && (matches!(before.norm.as_str(), "von" | "that" | "which") || maker_noun(t, m.idx - 1));
    inside.then(|| (dir, m.party.clone()))
}

/// Arms in general, or a one-word armament category ("aircraft").
fn maker_noun(t: &[Token], k: usize) -> bool {
    let next = t.get(k + 1).map_or("", |x| x.norm.as_str());
    arms_noun(&t[k].norm)
        || crate::meaning::category("", &t[k].norm, next).is_some_and(|(_, two)| !two)
}

/// The clause has a verb taking arms in and none handing them over.
fn takes_only(f: &Features, clause: usize) -> bool {
    let in_clause = |d: Direction| {
        f.flow_verbs
            .iter()
            .any(|&(v, i)| v == d && f.clause(i) == clause)
    };
    in_clause(Direction::Imports) && !in_clause(Direction::Exports)
}

/// A flow noun of no side: the deliverer's flow when someone owns it.
fn no_side_flow(norm: &str) -> bool {
    matches!(
        norm,
        "deliveries" | "transfers" | "sales" | "supplies" | "shipments"
    )
}

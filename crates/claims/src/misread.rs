//! Readings known to go wrong in a way the parser cannot yet repair: each
//! is refused ("cannot be checked") with a reason, because a confident
//! verdict on a misread claim is worse than none.

use crate::claim::{Claim, Party};
use crate::features::{Features, Form};
use crate::i18n::{Msg, Reason};
use crate::lex::Token;
use crate::rule::Built;

/// A figure of a maker's arms whose flow was not read reliably (claims probe
/// 11): "Kazakhstan received 10.6 per cent of Russian arms in 2020-24 and 91
/// per cent in 2015-19" gave the second figure Kazakhstan's imports beside
/// the first's share of Russia's exports (supported; Russia's share is 4.2
/// %); "63 per cent of Chinese arms were received by Pakistan" was read as
/// China's imports from Pakistan; "81 Prozent der chinesischen
/// Waffenlieferungen" as Pakistan's imports (supported; 63.0 % of China's
/// exports). Refused: a share of exports and a share of imports between the
/// same two countries, or a share of imports beside a maker's word for its
/// arms ("Chinese arms", "chinesischen Waffenlieferungen") in a sentence
/// without an imports word ("Russian arms made up 88 % of Kazakhstan's arms
/// imports" keeps its reading).
pub(crate) fn maker_flow_unclear(f: &Features, t: &[Token], built: &[Built]) -> Option<Msg> {
    let exports: Vec<(&Party, &Party)> = built
        .iter()
        .filter_map(|b| match &b.claim {
            Claim::ExportShare {
                supplier,
                recipient,
                share: Some(_),
                ..
            } => Some((supplier, recipient)),
            _ => None,
        })
        .collect();
    let imports_word = t
        .iter()
        .any(|x| x.norm.contains("import") || x.norm.ends_with("einfuhren"));
    let arms_word = |x: &Token| {
        let w = x.norm.as_str();
        matches!(
            w,
            "arms" | "weapons" | "weaponry" | "deliveries" | "waffen" | "lieferungen"
        ) || w.ends_with("lieferungen")
            || w.starts_with("rustungsgut")
    };
    built.iter().find_map(|b| {
        let Claim::ImportShare {
            recipient,
            supplier,
            ..
        } = &b.claim
        else {
            return None;
        };
        let mixed = exports
            .iter()
            .any(|(s, r)| *s == supplier && *r == recipient);
        // "its Russian arms", "seiner russischen Waffen": the recipient's
        // own arms, so its imports (claims probe 11, A63).
        let own = |i: usize| {
            i > 0
                && matches!(
                    t[i - 1].norm.as_str(),
                    "its" | "their" | "seiner" | "seinen" | "ihrer" | "ihren"
                )
        };
        let maker = f.mentions.iter().find(|m| {
            (m.party == *supplier || m.party == *recipient)
                && m.form == Form::Adjective
                && !own(m.idx)
                // "the third-largest recipient of Russian arms": the maker
                // names a rank's partner, not the share's flow (probe 11, H09).
                && !f
                    .ordinals
                    .iter()
                    .any(|o| m.idx > o.role_idx && m.idx <= o.role_idx + 3)
                && t[m.end..t.len().min(m.end + 2)].iter().any(arms_word)
        });
        let unclear = maker.is_some() && !imports_word;
        (mixed || unclear).then(|| {
            let p = maker.map_or(supplier, |m| &m.party);
            Reason::MakerFlowUnclear(p.clone()).into()
        })
    })
}

/// A world rank given to a country other than the one the sentence says
/// holds it (claims probe 11): "Russia supplied 36 per cent of India's arms
/// imports in 2020–24, when India was the second-largest importer" (also
/// "…, which was the second-largest", "als Indien der zweitgrößte
/// Waffenimporteur war") was read as Russia's import rank (43rd: not
/// supported), though India, the 2nd importer, is its subject. Refused when
/// the country named last before the rank phrase, within six words, is
/// another than the rank's and the rank's own is not named there too.
pub(crate) fn rank_holder_unclear(f: &Features, _t: &[Token], built: &[Built]) -> Option<Msg> {
    built.iter().find_map(|b| {
        let Claim::Global {
            focus,
            rank: Some(_),
            ..
        } = &b.claim
        else {
            return None;
        };
        f.ordinals.iter().find_map(|o| {
            let last = f
                .mentions
                .iter()
                .filter(|m| m.end <= o.idx && m.form != Form::Adjective)
                .max_by_key(|m| m.end)?;
            // "The United States and Russia were the two largest": the
            // rank's own country is named beside the other.
            let near = |m: &&crate::features::Mention| m.end <= o.idx && o.idx - m.end <= 6;
            let own = f.mentions.iter().filter(near).any(|m| m.party == *focus);
            (last.party != *focus && o.idx - last.end <= 6 && !own)
                .then(|| Reason::RankHolderUnclear(last.party.clone(), focus.clone()).into())
        })
    })
}

/// A share of imports whose supplier is a bare country right after the
/// import verb, with the importer bare before it ("Kasachstan bezog Russland
/// 88 Prozent seiner Waffen"): no preposition says which country is the
/// source, and the sentence is as often a garbled "Von Kasachstan bezog
/// Russland" as "Kasachstan bezog aus Russland" (claims probe 17: read as
/// Kazakhstan's imports from Russia and supported). Refused.
pub(crate) fn bare_object_supplier(f: &Features, built: &[Built]) -> Option<Msg> {
    built.iter().find_map(|b| {
        let Claim::ImportShare {
            supplier,
            recipient,
            ..
        } = &b.claim
        else {
            return None;
        };
        let bare = |p: &Party, at: &dyn Fn(usize, usize) -> bool| {
            f.mentions.iter().any(|m| {
                m.party == *p && m.form == Form::Noun && m.prep.is_none() && at(m.idx, m.end)
            })
        };
        let import_verb = |i: usize| {
            f.directions
                .iter()
                .any(|&(d, k)| d == engine::Direction::Imports && k == i && f.verb_at(k))
        };
        let object = |idx: usize, _| idx > 0 && import_verb(idx - 1);
        let subject = |_, end: usize| import_verb(end);
        (bare(supplier, &object) && bare(recipient, &subject))
            .then(|| Reason::BothWays(recipient.name.clone(), supplier.name.clone()).into())
    })
}

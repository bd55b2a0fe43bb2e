//! A rank reached by a move ("dropped to", "became"): where a country
//! stood before, which a rank claim does not check.

use super::Built;
use crate::claim::Claim;
use crate::features::Features;
use crate::i18n::{Msg, Reason};
use crate::lex::Token;

/// "France dropped to the second-largest exporter", "fiel auf Platz drei
/// zurück": a rank reached by a move says where the country stood before,
/// which a rank claim does not check (France rose to second; "dropped" was
/// supported). A move word followed within two tokens by "to"/"auf"/"zum"
/// in a rank claim's clause makes the sentence not checkable.
pub(super) fn rank_moves(f: &Features, t: &[Token], built: &[Built]) -> Vec<Msg> {
    let is_rank = |c: &Claim| match c {
        Claim::ExportShare { rank, .. } | Claim::Global { rank, .. } => rank.is_some(),
        Claim::Largest { .. } => true,
        _ => false,
    };
    let moves = |w: &str| {
        crate::lexicon::change_sign(w).is_some()
            || matches!(
                w,
                "fiel"
                    | "rutschte"
                    | "abgerutscht"
                    | "gerutscht"
                    | "zuruckgefallen"
                    | "aufgestiegen"
                    | "aufstieg"
                    | "slipped"
                    | "slid"
                    | "moved"
                    | "advanced"
            )
    };
    let to = |i: usize| {
        (i + 1..=i + 2).any(|k| {
            t.get(k)
                .is_some_and(|x| matches!(x.norm.as_str(), "to" | "into" | "auf" | "zum" | "zur"))
        })
    };
    let mut out = Vec::new();
    for b in built.iter().filter(|b| is_rank(&b.claim)) {
        // "became the largest", "wurde zum größten": a rank reached, as
        // a move is (regression: "The US became the world's largest arms
        // exporter in 2020-24" was supported; it already was in 2015-19).
        let became = |i: usize| {
            matches!(
                t[i].norm.as_str(),
                "became" | "becomes" | "become" | "becoming"
            ) || matches!(t[i].norm.as_str(), "wurde" | "wird" | "wurden")
                && (i + 1..=i + 3).any(|k| {
                    t.get(k)
                        .is_some_and(|x| matches!(x.norm.as_str(), "zum" | "zur"))
                })
                || matches!(t[i].norm.as_str(), "geworden" | "aufgeruckt")
        };
        let found = (0..t.len())
            .find(|&i| f.clause(i) == b.clause && (moves(&t[i].norm) && to(i) || became(i)));
        if let Some(i) = found {
            out.push(Reason::RankMove(t[i].text.clone()).into());
            break;
        }
    }
    out
}

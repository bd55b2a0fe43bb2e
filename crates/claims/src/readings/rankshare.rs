//! A share that follows a rank phrase and names no country of its own:
//! "Germany was Egypt's largest arms supplier in 2020–24, accounting for 32
//! per cent of its imports", "Italy was the sixth-largest exporter …, with
//! 4.8 per cent of the global total", "… der viertgrößte Waffenexporteur mit
//! einem Anteil von 5,9 Prozent". SIPRI's press releases write ranks this
//! way; the figure is the ranked country's share in the rank's own terms
//! (claims probe 19: all four were refused, though true).

use super::{Ctx, ordinal_claim};
use crate::claim::{Claim, Period};
use crate::features::{Percent, RankLead};
use crate::i18n::Msg;
use crate::lex::{Kind, Token};
use engine::Direction;

/// How the words right before the figure at `i` tie it to a rank phrase.
pub(crate) fn rank_lead(t: &[Token], i: usize) -> RankLead {
    let mut j = i;
    // Hedges and an abbreviation's dot: "with about 32 %", "mit rund 5,9 %".
    while j > 0
        && (matches!(
            t[j - 1].norm.as_str(),
            "about"
                | "around"
                | "some"
                | "roughly"
                | "nearly"
                | "almost"
                | "rund"
                | "etwa"
                | "knapp"
                | "fast"
                | "ca"
                | "approx"
                | "approximately"
                | "gut"
        ) || t[j - 1].kind == Kind::Punct('.'))
    {
        j -= 1;
    }
    let w = |k: usize| -> &str { if j >= k { t[j - k].norm.as_str() } else { "" } };
    let comma = |k: usize| j > k && t[j - k - 1].kind == Kind::Punct(',');
    if matches!(
        (w(4), w(3), w(2), w(1)),
        ("with", "a", "share", "of") | ("mit", "einem", "anteil", "von")
    ) {
        return RankLead::ShareOf;
    }
    match (w(2), w(1)) {
        ("accounting", "for") if comma(2) => RankLead::Accounting,
        // "with 17 % of its exports" may be the subject's own exports
        // (claims corpus en296): only an unowned figure is the rank's.
        (_, "with" | "mit" | "taking") if comma(1) && !pronoun_after(t, i) => RankLead::With,
        _ => RankLead::No,
    }
}

fn pronoun_after(t: &[Token], i: usize) -> bool {
    t.iter()
        .skip(i + 1)
        .take(6)
        .any(|x| crate::flows::owner_pronoun(&x.norm) || matches!(x.norm.as_str(), "his" | "her"))
}

/// The share as a claim of the rank's parties; `None` where the figure's
/// own words say another flow, or a category would have to be carried over
/// from the rank's clause (which the category rule does not do).
pub(crate) fn claim(
    ctx: &Ctx,
    p: &Percent,
    periods: &[(Period, usize)],
    dir: Option<Direction>,
) -> Result<Option<Claim>, Msg> {
    let f = ctx.f;
    let clause = f.clause(p.idx);
    if !f.categories.is_empty() {
        return Ok(None);
    }
    let named_here = f.mentions.iter().any(|m| m.clause == clause);
    let o = f.ordinals.iter().rfind(|o| {
        o.idx < p.idx
            && match f.clause(o.idx) {
                c if c == clause => p.rank_lead == RankLead::ShareOf,
                c => c + 1 == clause && !named_here,
            }
    });
    let Some(o) = o else {
        return Ok(None);
    };
    let agrees = |d: Direction| dir.is_none() || dir == Some(d);
    Ok(match ordinal_claim(ctx, o, periods)? {
        Some(Claim::Global {
            direction,
            focus,
            period,
            ..
        }) if agrees(direction) => Some(Claim::Global {
            direction,
            focus,
            period,
            category: None,
            share: Some(p.stated),
            rank: None,
        }),
        Some(Claim::Largest {
            focus,
            answer,
            period,
            role: crate::claim::Role::Supplier,
            ..
        }) if agrees(Direction::Imports) => Some(Claim::ImportShare {
            recipient: focus,
            supplier: answer,
            period,
            category: None,
            share: p.stated,
        }),
        Some(Claim::ExportShare {
            supplier,
            recipient,
            period,
            ..
        }) if agrees(Direction::Exports) => Some(Claim::ExportShare {
            supplier,
            recipient,
            period,
            category: None,
            share: Some(p.stated),
            rank: None,
        }),
        _ => None,
    })
}

//! Claims about one pair (or country) and period, written as a rank in one
//! clause and a share in another, joined into the one claim the structured
//! form writes.

use crate::claim::{Claim, Rank};
use crate::stated::Stated;

/// A rank claim and a share claim about the same pair (or country) and
/// period become one claim, as the structured form writes them.
pub(super) fn merge(claims: Vec<Claim>) -> Vec<Claim> {
    let mut out: Vec<Claim> = Vec::new();
    'next: for c in claims {
        for o in out.iter_mut() {
            if let Some(m) = merge_two(o, &c) {
                *o = m;
                continue 'next;
            }
        }
        if !out.contains(&c) {
            out.push(c);
        }
    }
    out
}

fn merge_two(a: &Claim, b: &Claim) -> Option<Claim> {
    let pick = |x: Option<Stated>, y: Option<Stated>| match (x, y) {
        (Some(_), Some(_)) => None,
        (x, y) => Some(x.or(y)),
    };
    let pick_rank = |x: Option<Rank>, y: Option<Rank>| match (x, y) {
        (Some(_), Some(_)) => None,
        (x, y) => Some(x.or(y)),
    };
    match (a, b) {
        (
            Claim::ExportShare {
                supplier,
                recipient,
                period,
                category,
                share,
                rank,
            },
            Claim::ExportShare {
                supplier: s2,
                recipient: r2,
                period: p2,
                category: c2,
                share: sh2,
                rank: rk2,
            },
        ) if supplier == s2 && recipient == r2 && period == p2 && category == c2 => {
            Some(Claim::ExportShare {
                supplier: supplier.clone(),
                recipient: recipient.clone(),
                period: *period,
                category: *category,
                share: pick(*share, *sh2)?,
                rank: pick_rank(*rank, *rk2)?,
            })
        }
        (
            Claim::Global {
                direction,
                focus,
                period,
                category,
                share,
                rank,
            },
            Claim::Global {
                direction: d2,
                focus: f2,
                period: p2,
                category: c2,
                share: sh2,
                rank: rk2,
            },
        ) if direction == d2 && focus == f2 && period == p2 && category == c2 => {
            Some(Claim::Global {
                direction: *direction,
                focus: focus.clone(),
                period: *period,
                category: *category,
                share: pick(*share, *sh2)?,
                rank: pick_rank(*rank, *rk2)?,
            })
        }
        _ => None,
    }
}

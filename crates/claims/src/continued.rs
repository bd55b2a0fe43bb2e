//! "Russia remained Kazakhstan's largest supplier in 2020-24": a rank that
//! *remained* also held before. Checked alone, the current window answers a
//! smaller question ("Ukraine remained the largest importer in 2020-24" was
//! supported, though Ukraine ranked far lower in 2015-19), so the same rank
//! is also checked on the window before, as `flows::implied_earlier` does
//! for a share that "rose to" a level.

use crate::claim::{Claim, Period};
use crate::features::Features;
use crate::lex::Token;

/// Words that say a state went on from an earlier period.
fn continues(t: &[Token], i: usize) -> bool {
    let w = |k: usize| t.get(k).map_or("", |x| x.norm.as_str());
    matches!(
        w(i),
        "remained" | "remains" | "stayed" | "still" | "blieb" | "weiterhin"
    ) || (w(i) == "nach" && w(i + 1) == "wie" && w(i + 2) == "vor")
        || (w(i) == "continued" && w(i + 1) == "to")
}

/// The rank claim `c` (read at token `idx`) on the window before its own,
/// when a continuation word stands in its clause and its period is a fixed
/// window; `None` otherwise (a present tense without a period keeps the
/// release's latest years, as for "bleibt … dominanter Lieferant").
pub(crate) fn earlier(f: &Features, t: &[Token], idx: usize, c: &Claim) -> Option<Claim> {
    let clause = f.clause(idx);
    if !(0..t.len()).any(|i| f.clause(i) == clause && continues(t, i)) {
        return None;
    }
    let mut c = c.clone();
    let period = match &mut c {
        Claim::Largest { period, .. } => period,
        Claim::Global {
            period,
            rank: Some(_),
            share: None,
            ..
        }
        | Claim::ExportShare {
            period,
            rank: Some(_),
            share: None,
            ..
        } => period,
        _ => return None,
    };
    match period {
        Period::Fixed(w) => *w = w.previous(),
        _ => return None,
    }
    Some(c)
}

//! Change claims: a party's total imports or exports between two windows
//! ("rose by 76 % between 2015–19 and 2020–24").

use super::Ctx;
use crate::claim::{Claim, Period};
use crate::features::{Form, Mention};
use crate::i18n::{Msg, Reason};
use crate::lexicon::Prep;
use crate::stated::Stated;
use engine::Direction;

/// A change of `focus`'s total imports or exports between two windows.
pub(crate) fn change_claim(
    ctx: &Ctx,
    idx: usize,
    change: Stated,
    periods: &[(Period, usize)],
) -> Result<Option<Claim>, Msg> {
    let f = ctx.f;
    let clause = f.clause(idx);
    let in_clause = |m: &Mention| m.clause == clause;
    let Some(direction) = f
        .directions
        .iter()
        .filter(|(_, i)| f.clause(*i) == clause)
        .min_by_key(|(_, i)| (f.clause(*i) != clause, f.verb_at(*i), i.abs_diff(idx)))
        .map(|d| d.0)
    else {
        return Ok(None);
    };
    let fixed: Vec<model::Window> = periods
        .iter()
        .filter_map(|(p, _)| match p {
            Period::Fixed(w) => Some(*w),
            Period::LastYears(_) => None,
        })
        .collect();
    if fixed.len() < periods.len() {
        return Err(Reason::ChangeNeedsFixedPeriods.into());
    }
    let (from, to) = match fixed.as_slice() {
        [] => return Err(Reason::ChangeWithoutPeriod.into()),
        // "decreased 9.3 % from 2015–19": the stated period is where the
        // change starts, and where it ends is not said (regression: checked
        // as 2010-14 to 2015-19, not supported).
        [_] if periods.iter().any(|(_, i)| f.base_periods.contains(i)) => {
            return Err(Reason::ChangeFromOnly.into());
        }
        // "rose by 76 per cent between 2020 and 2024": from the first year
        // to the last (regression: checked as 2015-19 against 2020-24; the
        // comparison of two five-year periods is written with both).
        // "dropped by two-thirds in the five years from 2020": from 2020 to
        // 2024, or from 2015-19 to 2020-24 (claims probe 14).
        [one] if periods.iter().any(|(_, i)| f.start_spans.contains(i)) => {
            return Err(Reason::ChangeOverSpan(one.start, one.end).into());
        }
        [one] if periods.iter().any(|(_, i)| f.year_pairs.contains(i)) => (
            model::Window {
                start: one.start,
                end: one.start,
            },
            model::Window {
                start: one.end,
                end: one.end,
            },
        ),
        [one] => (one.previous(), *one),
        [a, b] if a.start <= b.start => (*a, *b),
        [a, b] => (*b, *a),
        _ => return Err(Reason::MoreThanTwoPeriods.into()),
    };
    let owned = ctx
        .find(|m| {
            in_clause(m)
                && (m.form != Form::Noun || matches!(m.prep, None | Some(Prep::Of)))
                && m.prep != Some(Prep::Other)
        })
        .cloned();
    // "Arms exports to Russia", "Waffenexporte nach Russland": the flow into
    // Russia, i.e. Russia's imports; "arms imports from India" is India's
    // exports (claims probe 26: read as Russia's exports, India's imports,
    // and the sign of the change came out reversed).
    let partner: Vec<&Mention> = f
        .mentions
        .iter()
        .filter(|m| {
            in_clause(m)
                && m.form == Form::Noun
                && matches!(m.prep, Some(Prep::To) | Some(Prep::From))
        })
        .collect();
    let mut direction = direction;
    let focus = match (owned, partner.as_slice()) {
        (Some(p), _) => p,
        (None, [m]) => {
            // "its exports to Russia": the subject's flow, as before.
            if let Some(p) = ctx.implicit(None).filter(|p| *p != m.party) {
                return Ok(Some(Claim::Change {
                    direction,
                    focus: p,
                    from: Period::Fixed(from),
                    to: Period::Fixed(to),
                    category: None,
                    change,
                }));
            }
            direction = match (m.prep, direction) {
                (Some(Prep::To), Direction::Exports) => Direction::Imports,
                (Some(Prep::From), Direction::Imports) => Direction::Exports,
                (_, d) => d,
            };
            m.party.clone()
        }
        (None, _) => ctx.implicit(None).ok_or(Reason::NoCountryNamed)?,
    };
    Ok(Some(Claim::Change {
        direction,
        focus,
        from: Period::Fixed(from),
        to: Period::Fixed(to),
        category: None,
        change,
    }))
}

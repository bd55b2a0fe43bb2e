//! What a TIV table's rounding leaves open. SIPRI rounds each cell of its
//! TIV tables to a whole TIV, so every sum over a window is uncertain by
//! half a unit per cell, and the file's own world total (SIPRI's unrounded
//! sum, rounded once a year) differs from the sum of its rounded rows. A figure
//! whose verdict changes within that uncertainty cannot be decided by the
//! table, whichever way the rounded cells happen to point (other-formats
//! probe 35: "Russia accounted for 10.55 % of global arms exports in
//! 2019-2023" was not supported at 10.54 % of the rows' sum, while the
//! file's total row gives SIPRI's 10.545 %; "India's imports rose by 4.67 %"
//! was supported where the cells allow 4.63 % to 4.70 %).

use crate::stated::Tolerance;
use engine::Direction;
use model::{EntityId, Release, Window};
use std::collections::HashMap;

/// Whether `rel` is a TIV table (whole-TIV cells), not a register.
pub(super) fn is_table(rel: &Release) -> bool {
    use model::SourceFormat::{LegacyRegister, Register};
    !matches!(rel.meta.format, Register | LegacyRegister)
}

/// Half a TIV per cell of each entity (on the `dir` side) in `w`, in one
/// pass over the flows.
fn slacks(rel: &Release, dir: Direction, w: Window) -> HashMap<EntityId, f64> {
    let fl = &rel.flows;
    let side = match dir {
        Direction::Imports => &fl.recipient,
        Direction::Exports => &fl.supplier,
    };
    let mut out = HashMap::new();
    for i in (0..fl.len()).filter(|&i| w.contains(fl.year[i])) {
        *out.entry(side[i]).or_insert(0.0) += 0.5;
    }
    out
}

/// Half a TIV per cell of `entity` in `w`.
fn slack(rel: &Release, dir: Direction, entity: EntityId, w: Window) -> f64 {
    slacks(rel, dir, w).get(&entity).copied().unwrap_or(0.0)
}

/// The change (percent) each window's rounding allows; `None` on a register.
/// Regression: SIPRI's published "+6,633 %" for Ukraine (2014-18 to
/// 2019-23) was not supported at +6,659.8 % from the Oct-2024 tables, whose
/// rounding allows +6,496 % to +6,832 %.
pub(super) fn change_band(
    rel: &Release,
    focus: EntityId,
    dir: Direction,
    (from, to): (Window, Window),
    a: f64,
    b: f64,
) -> Option<(f64, f64)> {
    if !is_table(rel) {
        return None;
    }
    let (da, db) = (slack(rel, dir, focus, from), slack(rel, dir, focus, to));
    if a - da <= 0.0 {
        return None;
    }
    let lo = 100.0 * ((b - db).max(0.0) / (a + da) - 1.0);
    let hi = 100.0 * ((b + db) / (a - da) - 1.0);
    Some((lo, hi))
}

/// The world share (percent) of `tiv` the table allows: the focus's cells
/// each half a TIV either way, over the world total the file states (its
/// total row: SIPRI's unrounded sum, rounded once a year), else over the
/// sum of its rows.
pub(super) fn share_band(
    rel: &Release,
    dir: Direction,
    focus: Option<EntityId>,
    w: Window,
    tiv: f64,
    total: f64,
) -> Option<(f64, f64)> {
    if !is_table(rel) {
        return None;
    }
    let d = focus.map_or(0.0, |f| slack(rel, dir, f, w));
    let years: Vec<f64> = rel
        .world_totals
        .iter()
        .filter(|(y, v)| w.contains(*y) && v.is_finite())
        .map(|&(_, v)| v)
        .collect();
    let (den_lo, den_hi) = if years.len() == (w.start..=w.end).count() {
        let stated: f64 = years.iter().sum();
        let ds = 0.5 * years.len() as f64;
        (stated - ds, stated + ds)
    } else {
        (total, total)
    };
    if den_lo <= 0.0 {
        return None;
    }
    let lo = 100.0 * (tiv - d).max(0.0) / den_hi;
    let hi = 100.0 * (tiv + d) / den_lo;
    Some((lo, hi))
}

/// The verdict every figure in `[lo, hi]` gives, if they agree.
pub(super) fn band_verdict((lo, hi): (f64, f64), t: &Tolerance) -> Option<bool> {
    let overlaps = t.contains(lo) || t.contains(hi) || (lo <= t.lo && t.hi <= hi);
    match (t.contains(lo) && t.contains(hi), overlaps) {
        (true, _) => Some(true),
        (false, false) => Some(false),
        (false, true) => None,
    }
}

/// The ranks (best, worst) the table allows `focus` among `rows` (entity,
/// TIV): another row ranks surely above only if its lowest value exceeds
/// the focus's highest, and possibly above if its highest reaches the
/// focus's lowest.
pub(super) fn rank_band(
    rel: &Release,
    dir: Direction,
    w: Window,
    focus: EntityId,
    rows: &[(EntityId, f64)],
) -> Option<(u32, u32)> {
    if !is_table(rel) {
        return None;
    }
    let v = rows.iter().find(|(e, _)| *e == focus)?.1;
    let slack = slacks(rel, dir, w);
    let at = |e: EntityId| slack.get(&e).copied().unwrap_or(0.0);
    let d = at(focus);
    let (mut best, mut worst) = (1u32, 1u32);
    for &(e, x) in rows.iter().filter(|(e, _)| *e != focus) {
        let dx = at(e);
        if x - dx > v + d {
            best += 1;
        }
        if x + dx >= v - d {
            worst += 1;
        }
    }
    Some((best, worst))
}

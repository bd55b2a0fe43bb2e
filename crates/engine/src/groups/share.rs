//! Group shares: the part of a country's imports that came from a group's
//! members (or of its exports that went to them), with membership by year.

use super::GroupIndex;
use crate::filter::{Direction, Filter};
use crate::metrics::{partners_once, ratio, sort_and_rank};
use model::{EntityId, Release, Window};
use serde::Serialize;
use std::collections::BTreeMap;

/// One member's part of a [`GroupShare`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MemberTiv {
    pub entity: EntityId,
    /// TIV in the years it counted as a member.
    pub tiv: f64,
    /// `tiv / GroupShare::total`.
    pub share: f64,
    /// Years in which it counted and traded.
    pub years: Vec<u16>,
}

/// The group's part of one focus's imports or exports in one window.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupShare {
    pub group: String,
    pub focus: EntityId,
    pub direction: Direction,
    pub filter: Filter,
    /// All the focus's imports (or exports) in the window: the denominator.
    pub total: f64,
    /// The part with partners that were members in the year of the flow.
    pub group_tiv: f64,
    /// `group_tiv / total`; `None` when the window has no deliveries or an
    /// unnamed aggregate partner (TIV tables) hides who the partners were.
    pub share: Option<f64>,
    /// Members that counted, descending by TIV.
    pub members: Vec<MemberTiv>,
    /// TIV with partners that belong to the group in some other year but not in
    /// the year of the flow (outside `group_tiv`, shown so a reader sees it).
    pub outside_membership_tiv: f64,
    /// TIV with unnamed aggregate partners (inside `total`).
    pub aggregate_tiv: f64,
    /// Order basis: TIV whose deal has no order year (not in `total`).
    pub undated_tiv: f64,
    /// Fractions of `group_tiv` resting on SIPRI estimates, and allocated
    /// from per-deal totals (legacy register); `None` when `group_tiv` is 0
    /// (a share of nothing; surfaces probe 30: "0.0 %" beside 0 TIV).
    /// Every figure says what it rests on (alignment probe 27: the group
    /// shares did not).
    pub estimated_share: Option<f64>,
    pub allocated_share: Option<f64>,
}

/// The group's share of `focus`'s imports (`Direction::Imports`: suppliers that
/// were members) or exports (`Exports`: recipients that were members) over `f`.
///
/// Membership is checked per year (1-July rule), so the window is summed year
/// by year from [`crate::partners`]' aggregation.
pub fn group_share(
    rel: &Release,
    focus: EntityId,
    dir: Direction,
    group: &GroupIndex,
    f: &Filter,
) -> GroupShare {
    let (mut total, mut agg, mut outside) = (0.0, 0.0, 0.0);
    let mut undated = 0.0;
    let (mut est, mut alloc) = (0.0, 0.0);
    let mut by: BTreeMap<EntityId, (f64, Vec<u16>)> = BTreeMap::new();
    for y in f.window.years() {
        let p = partners_once(rel, focus, dir, &f.at(Window { start: y, end: y }));
        total += p.total;
        agg += p.aggregate_tiv;
        // Undated flows are the same in every one-year window: count them once.
        undated = p.undated_tiv;
        for ps in &p.partners {
            if group.contains(ps.entity, y) {
                let e = by.entry(ps.entity).or_default();
                e.0 += ps.tiv;
                e.1.push(y);
                est += ps.estimated_tiv;
                alloc += ps.allocated_tiv;
            } else if group.spans.contains_key(&ps.entity) {
                outside += ps.tiv;
            }
        }
    }
    let mut rows: Vec<(EntityId, (f64, Vec<u16>))> = by.into_iter().collect();
    sort_and_rank(rel, &mut rows, |r| (r.0, r.1.0));
    // A fold from +0.0: `Sum` of nothing is −0.0, which would print as "-0.0%".
    let group_tiv = rows.iter().fold(0.0, |a, r| a + r.1.0);
    let members = rows
        .into_iter()
        .map(|(entity, (tiv, years))| MemberTiv {
            entity,
            tiv,
            share: ratio(tiv, total),
            years,
        })
        .collect();
    GroupShare {
        group: group.name.clone(),
        focus,
        direction: dir,
        filter: *f,
        total,
        group_tiv,
        share: (total > 0.0 && agg == 0.0).then(|| ratio(group_tiv, total)),
        members,
        outside_membership_tiv: outside,
        aggregate_tiv: agg,
        undated_tiv: undated,
        estimated_share: (group_tiv > 0.0).then(|| ratio(est, group_tiv)),
        allocated_share: (group_tiv > 0.0).then(|| ratio(alloc, group_tiv)),
    }
}

/// [`group_share`] over consecutive windows, e.g. [`crate::default_windows`].
pub fn group_share_series(
    rel: &Release,
    focus: EntityId,
    dir: Direction,
    group: &GroupIndex,
    f: &Filter,
    windows: &[Window],
) -> Vec<GroupShare> {
    windows
        .iter()
        .map(|w| group_share(rel, focus, dir, group, &f.at(*w)))
        .collect()
}

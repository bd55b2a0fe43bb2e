//! Switching: how far each recipient's supplier mix moved between two windows.
//!
//! The distance is the total-variation distance between the two supplier-share
//! vectors, `0.5 · Σ |p − q|`: the share of the later imports that would have to
//! change supplier to restore the earlier mix (0 = same mix, 1 = no supplier in
//! common).

use crate::filter::{Filter, Selected, is_aggregate, is_unknown};
use crate::metrics::{Acc, ratio, sort_and_rank};
use crate::{PairCell, PairMatrix, all_pairs, concentration};
use model::{EntityId, Release, Window};
use serde::Serialize;
use std::collections::BTreeMap;

/// Default floor on a recipient's imports in *each* window: 50 TIV (10 a year
/// over five years). Below it a single deal swings the whole mix, and tiny
/// importers would crowd the top of every ranking.
pub const DEFAULT_MIN_TIV: f64 = 50.0;

/// Total-variation distance between two distributions given as `(id, weight)`;
/// each side is normalised by its own sum. `None` when either side sums to 0.
pub fn tv_distance(p: &[(EntityId, f64)], q: &[(EntityId, f64)]) -> Option<f64> {
    let sp: f64 = p.iter().map(|x| x.1).sum();
    let sq: f64 = q.iter().map(|x| x.1).sum();
    if sp <= 0.0 || sq <= 0.0 || !sp.is_finite() || !sq.is_finite() {
        return None;
    }
    let mut diff: BTreeMap<EntityId, f64> = BTreeMap::new();
    for &(id, v) in p {
        *diff.entry(id).or_default() += v / sp;
    }
    for &(id, v) in q {
        *diff.entry(id).or_default() -= v / sq;
    }
    Some((0.5 * diff.values().map(|d| d.abs()).sum::<f64>()).clamp(0.0, 1.0))
}

/// What to compare and whom to keep.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct SwitchOptions {
    /// Recipients with less than this in either window are not ranked.
    pub min_tiv: f64,
    /// Rank by the drop in this supplier's share instead of by distance.
    pub away_from: Option<EntityId>,
    /// Only this recipient (the floor does not apply to it).
    pub recipient: Option<EntityId>,
}

impl Default for SwitchOptions {
    fn default() -> Self {
        SwitchOptions {
            min_tiv: DEFAULT_MIN_TIV,
            away_from: None,
            recipient: None,
        }
    }
}

/// One supplier's share in both windows.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ShareChange {
    pub supplier: EntityId,
    pub share_from: f64,
    pub share_to: f64,
    /// `share_to − share_from`.
    pub change: f64,
}

/// How one recipient's supplier mix moved.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Switch {
    pub recipient: EntityId,
    pub from_total: f64,
    pub to_total: f64,
    pub tv_distance: f64,
    /// Largest supplier in each window (ties: by name).
    pub top_from: ShareChange,
    pub top_to: ShareChange,
    pub top_changed: bool,
    /// Suppliers with deliveries in the later window only, descending share.
    pub entered: Vec<ShareChange>,
    /// Suppliers with deliveries in the earlier window only, descending share.
    pub left: Vec<ShareChange>,
    /// HHI (0..1) in each window; `None` where an aggregate partner hides the mix.
    pub hhi_from: Option<f64>,
    pub hhi_to: Option<f64>,
    pub hhi_change: Option<f64>,
    /// The `away_from` supplier's shares, when asked.
    pub away: Option<ShareChange>,
    /// Every supplier of either window, by largest gain first.
    pub changes: Vec<ShareChange>,
    /// Fractions of each window's total resting on SIPRI estimates, and
    /// allocated from per-deal totals (legacy register): the two mixes may
    /// rest on estimates unequally (alignment probe 27: Kazakhstan's imports
    /// 31.7 % estimated in 2015-19, 57.3 % in 2020-24, unsaid).
    pub estimated_share_from: f64,
    pub estimated_share_to: f64,
    pub allocated_share_from: f64,
    pub allocated_share_to: f64,
}

/// Every recipient's switch between two windows, ranked.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Switching {
    pub from: Filter,
    pub to: Filter,
    pub options: SwitchOptions,
    /// Ranked: by drop in the `away_from` share (largest first), else by distance.
    pub rows: Vec<Switch>,
    /// Recipients importing in both windows but below `min_tiv` in one of them.
    pub below_min: usize,
    /// Recipients importing in one window only (no mix to compare).
    pub one_window_only: usize,
    /// With `away_from`: recipients that took nothing from it in either window.
    pub never_supplied: usize,
    /// Recipients whose mix is hidden by an aggregate partner (TIV tables).
    pub mix_unknown: usize,
    /// SIPRI's placeholder `unknown recipient(s)` when it imported in a
    /// window: no country to rank, but counted, never dropped unsaid.
    pub unknown_recipient: usize,
}

/// Why `switching` over `f` (the earlier window) and `to` would compare a
/// window the release holds no year of, if it would: every recipient would
/// then count as "importing in one window only" (regression: 168 of them
/// for --from 1990-1994 on a 1995-2024 release).
pub fn no_data_window(rel: &Release, f: &Filter, to: Window) -> Option<String> {
    [f.window, to]
        .into_iter()
        .find(|&w| f.at(w).no_data(rel))
        .map(|w| {
            format!(
                "no data for {w} ({}): switching compares two windows the release holds",
                rel.coverage(w).note().unwrap_or_default()
            )
        })
}

/// Compares every recipient's supplier mix over `from` with the same selection
/// over `to` (same category and basis).
pub fn switching(rel: &Release, from: &Filter, to: Window, opts: &SwitchOptions) -> Switching {
    let to_f = from.at(to);
    let a = all_pairs(rel, from);
    let b = all_pairs(rel, &to_f);
    let mut out = Switching {
        from: *from,
        to: to_f,
        options: *opts,
        rows: Vec::new(),
        below_min: 0,
        one_window_only: 0,
        never_supplied: 0,
        mix_unknown: 0,
        unknown_recipient: 0,
    };
    let mut ids: Vec<EntityId> = a
        .recipients
        .iter()
        .chain(&b.recipients)
        .map(|r| r.recipient)
        .collect();
    ids.sort_unstable();
    ids.dedup();
    if let Some(only) = opts.recipient {
        ids.retain(|&r| r == only);
    }
    let (marks_a, marks_b) = (marks(rel, from), marks(rel, &to_f));
    for r in ids {
        if is_aggregate(rel, r) {
            continue;
        }
        if is_unknown(rel, r) {
            out.unknown_recipient += 1;
            continue;
        }
        let (ca, cb) = (a.cells_of(r), b.cells_of(r));
        if ca.is_empty() || cb.is_empty() {
            out.one_window_only += 1;
            continue;
        }
        if ca.iter().chain(cb).any(|c| is_aggregate(rel, c.supplier)) {
            out.mix_unknown += 1;
            continue;
        }
        let mut s = compare(rel, r, &a, &b, opts.away_from);
        let of = |m: &[Acc]| m.get(r as usize).copied().unwrap_or_default();
        let (ma, mb) = (of(&marks_a), of(&marks_b));
        s.estimated_share_from = ratio(ma.est, ma.tiv);
        s.estimated_share_to = ratio(mb.est, mb.tiv);
        s.allocated_share_from = ratio(ma.alloc, ma.tiv);
        s.allocated_share_to = ratio(mb.alloc, mb.tiv);
        if opts.recipient.is_none() && (s.from_total < opts.min_tiv || s.to_total < opts.min_tiv) {
            out.below_min += 1;
            continue;
        }
        if let Some(away) = s.away
            && away.share_from == 0.0
            && away.share_to == 0.0
            && opts.recipient.is_none()
        {
            out.never_supplied += 1;
            continue;
        }
        out.rows.push(s);
    }
    rank(rel, &mut out.rows, opts.away_from.is_some());
    out
}

fn rank(rel: &Release, rows: &mut [Switch], by_away: bool) {
    let key = |s: &Switch| {
        let v = match (by_away, s.away) {
            (true, Some(a)) => -a.change,
            _ => s.tv_distance,
        };
        (s.recipient, v)
    };
    sort_and_rank(rel, rows, key);
}

fn compare(
    rel: &Release,
    recipient: EntityId,
    a: &PairMatrix,
    b: &PairMatrix,
    away_from: Option<EntityId>,
) -> Switch {
    let pairs = |cells: &[PairCell]| -> Vec<(EntityId, f64)> {
        cells.iter().map(|c| (c.supplier, c.tiv)).collect()
    };
    let (pa, pb) = (pairs(a.cells_of(recipient)), pairs(b.cells_of(recipient)));
    let (ta, tb): (f64, f64) = (pa.iter().map(|x| x.1).sum(), pb.iter().map(|x| x.1).sum());
    let mut shares: BTreeMap<EntityId, (f64, f64)> = BTreeMap::new();
    for &(s, v) in &pa {
        shares.entry(s).or_default().0 += ratio(v, ta);
    }
    for &(s, v) in &pb {
        shares.entry(s).or_default().1 += ratio(v, tb);
    }
    let change_of = |s: EntityId| {
        let (f, t) = shares.get(&s).copied().unwrap_or_default();
        ShareChange {
            supplier: s,
            share_from: f,
            share_to: t,
            change: t - f,
        }
    };
    let mut changes: Vec<ShareChange> = shares.keys().map(|&s| change_of(s)).collect();
    sort_and_rank(rel, &mut changes, |c| (c.supplier, c.change));
    let top = |side: &[(EntityId, f64)]| {
        let mut v = side.to_vec();
        sort_and_rank(rel, &mut v, |x| *x);
        v.first().map_or(0, |x| x.0)
    };
    let (top_a, top_b) = (top(&pa), top(&pb));
    let mut entered: Vec<ShareChange> = changes
        .iter()
        .copied()
        .filter(|c| c.share_from == 0.0)
        .collect();
    sort_and_rank(rel, &mut entered, |c| (c.supplier, c.share_to));
    let mut left: Vec<ShareChange> = changes
        .iter()
        .copied()
        .filter(|c| c.share_to == 0.0)
        .collect();
    sort_and_rank(rel, &mut left, |c| (c.supplier, c.share_from));
    let hhi = |side: &[(EntityId, f64)]| {
        let v: Vec<f64> = side.iter().map(|x| x.1).collect();
        concentration(&v).map(|c| c.hhi)
    };
    let (hhi_from, hhi_to) = (hhi(&pa), hhi(&pb));
    Switch {
        recipient,
        from_total: ta,
        to_total: tb,
        tv_distance: tv_distance(&pa, &pb).unwrap_or(0.0),
        top_from: change_of(top_a),
        top_to: change_of(top_b),
        top_changed: top_a != top_b,
        entered,
        left,
        hhi_from,
        hhi_to,
        hhi_change: hhi_from.zip(hhi_to).map(|(f, t)| t - f),
        away: away_from.map(change_of),
        changes,
        estimated_share_from: 0.0,
        estimated_share_to: 0.0,
        allocated_share_from: 0.0,
        allocated_share_to: 0.0,
    }
}

/// Per recipient id, its imports over `f` with their estimated and
/// allocated parts: one pass over the flows.
fn marks(rel: &Release, f: &Filter) -> Vec<Acc> {
    let fl = &rel.flows;
    let masks = f.masks();
    let mut v = vec![Acc::default(); rel.entities.len()];
    for i in 0..fl.len() {
        if f.classify(rel, i) == Selected::In
            && let Some(a) = v.get_mut(fl.recipient[i] as usize)
        {
            a.add(fl.tiv[i], fl.flags[i], masks);
        }
    }
    v
}

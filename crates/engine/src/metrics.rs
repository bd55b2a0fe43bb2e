//! Partner shares of one focus: who supplied X's imports (or received X's
//! exports), with concentration, estimate/allocation shares and the change
//! against the previous window.

use crate::concentration::{Concentration, concentration};
use crate::filter::{Basis, Direction, Filter, Selected, is_aggregate, is_unknown, name_of};
use model::{Category, EntityId, FlowView, Release, Window};
use serde::Serialize;

/// One partner of the focus in the window.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PartnerShare {
    pub entity: EntityId,
    pub tiv: f64,
    /// `tiv / Partners::total`, unknown partners included in the denominator.
    pub share: f64,
    /// 1 = largest; equal values share a rank (1, 2, 2, 4). `None` for
    /// SIPRI's unknown supplier(s)/recipient(s): a pool of unnamed parties,
    /// not one partner, so it takes no rank and no named partner's rank
    /// counts it (regression: Tajikistan "rank 32 of 35" of Russia's
    /// customers counted the pool at 31).
    pub rank: Option<u32>,
    /// Part of `tiv` resting on a SIPRI estimate: the number delivered, or the
    /// year that places the flow in the window ([`Filter::estimate_mask`]).
    pub estimated_tiv: f64,
    /// Part of `tiv` that is our allocation of a per-deal total (legacy register).
    pub allocated_tiv: f64,
}

/// All partners of `focus` in one direction and window.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Partners {
    pub focus: EntityId,
    pub direction: Direction,
    pub filter: Filter,
    /// Sum over every partner, unknown ones included: the denominator of `share`.
    pub total: f64,
    /// Descending by TIV, ties by partner name.
    pub partners: Vec<PartnerShare>,
    /// Over all partners (an unknown-supplier entry counts as one partner).
    /// `None` when the total is 0, or when part of the total has an unnamed
    /// aggregate partner (TIV tables), since the mix is then unknowable.
    pub concentration: Option<Concentration>,
    /// Fraction of `total` resting on SIPRI estimates (0 when the total is 0).
    pub estimated_share: f64,
    /// Fraction of `total` that is allocated from per-deal totals.
    pub allocated_share: f64,
    /// TIV with `EntityKind::Unknown` partners; already inside `total`.
    pub unknown_tiv: f64,
    /// TIV with `EntityKind::Aggregate` partners ("all suppliers" of a TIV
    /// table); inside `total`, listed as a partner, blocks `concentration`.
    pub aggregate_tiv: f64,
    /// Order basis only: TIV of the focus's flows (in the category) whose deal has
    /// no order year, so no window can hold them. Not in `total`; reported.
    pub undated_tiv: f64,
    /// The same query over `filter.window.previous()` (itself without a previous).
    pub previous: Option<Box<Partners>>,
    /// `total / previous.total - 1`; `None` when the previous total is 0 or
    /// either window lies wholly outside the release.
    pub change: Option<f64>,
}

impl Partners {
    /// True when the window holds no deliveries for this focus.
    pub fn is_empty(&self) -> bool {
        self.partners.is_empty()
    }

    pub fn get(&self, partner: EntityId) -> Option<&PartnerShare> {
        self.partners.iter().find(|p| p.entity == partner)
    }

    /// Partners that take a rank: all but the unknown pool ("from 8
    /// suppliers", "rank 3 of 34").
    pub fn ranked(&self) -> usize {
        self.partners.iter().filter(|p| p.rank.is_some()).count()
    }
}

#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Acc {
    pub tiv: f64,
    pub est: f64,
    pub alloc: f64,
}

impl Acc {
    #[inline]
    /// `masks` from [`Filter::masks`]: which flag bits mean estimated, allocated.
    pub(crate) fn add(&mut self, tiv: f64, flags: u16, masks: (u16, u16)) {
        self.tiv += tiv;
        if flags & masks.0 != 0 {
            self.est += tiv;
        }
        if flags & masks.1 != 0 {
            self.alloc += tiv;
        }
    }
}

// Sums fold from +0.0: `Iterator::sum` of no floats is -0.0, which prints as "-0.00".

/// Safe ratio: 0 when the denominator is not positive. Never NaN.
#[inline]
pub(crate) fn ratio(num: f64, den: f64) -> f64 {
    if den > 0.0 && num.is_finite() {
        num / den
    } else {
        0.0
    }
}

/// A value as rankings compare it, to a millionth: totals of SIPRI's
/// two-decimal TIVs summed in different orders differ in their last bits
/// (206.8 against 206.79999999999998), and equal totals must share a rank
/// (regression: Bangladesh 28th and Russia 29th, both 206.80 TIV in 2014).
pub fn rank_key(v: f64) -> i64 {
    // `as` saturates; NaN (never a TIV) maps to 0.
    (v * 1e6).round() as i64
}

/// Sorts `(id, value)` descending by value, ties by name, and assigns
/// competition ranks (equal values, as [`rank_key`] compares them, share a
/// rank).
pub(crate) fn sort_and_rank<T>(
    rel: &Release,
    rows: &mut [T],
    key: impl Fn(&T) -> (EntityId, f64),
) -> Vec<u32> {
    rows.sort_by(|a, b| {
        let (ia, va) = key(a);
        let (ib, vb) = key(b);
        rank_key(vb)
            .cmp(&rank_key(va))
            .then_with(|| name_of(rel, ia).cmp(name_of(rel, ib)))
            .then(ia.cmp(&ib))
    });
    let mut ranks = Vec::with_capacity(rows.len());
    let mut prev: Option<i64> = None;
    for (i, r) in rows.iter().enumerate() {
        let v = rank_key(key(r).1);
        let rank = match (prev, ranks.last()) {
            (Some(p), Some(&last)) if p == v => last,
            _ => i as u32 + 1,
        };
        ranks.push(rank);
        prev = Some(v);
    }
    ranks
}

/// [`sort_and_rank`] where the unknown pool and a TIV table's "all
/// suppliers" side keep their place in the order but take no rank, and the
/// named parties are ranked among themselves (metrics probe: "1 All
/// suppliers 100 %", "1 suppliers" for a table that names none).
pub(crate) fn named_ranks<T>(
    rel: &Release,
    rows: &mut [T],
    key: impl Fn(&T) -> (EntityId, f64),
) -> Vec<Option<u32>> {
    sort_and_rank(rel, rows, &key);
    let mut ranks = Vec::with_capacity(rows.len());
    let (mut named, mut prev): (u32, Option<(i64, u32)>) = (0, None);
    for r in rows.iter() {
        let (id, v) = key(r);
        if is_unknown(rel, id) || is_aggregate(rel, id) {
            ranks.push(None);
            continue;
        }
        named += 1;
        let v = rank_key(v);
        let rank = match prev {
            Some((p, last)) if p == v => last,
            _ => named,
        };
        prev = Some((v, rank));
        ranks.push(Some(rank));
    }
    ranks
}

/// Partner shares of `focus` over `f`, with the previous window for change.
/// No change is given when either window has no year in the release: a
/// "-100 %" from a window past the data would be a confident wrong answer.
/// A window only partly inside keeps its change; outputs mark it (see
/// [`model::comparison_note`]).
pub fn partners(rel: &Release, focus: EntityId, dir: Direction, f: &Filter) -> Partners {
    match f.basis {
        Basis::Delivery => with_previous(rel, f, |g| {
            partners_once_view(rel, &rel.flows.view(), focus, dir, g)
        }),
        Basis::Order => with_previous(rel, f, |g| partners_once(rel, focus, dir, g)),
    }
}

/// [`partners`] over `flows` (e.g. mapped from a store's cache) rather than
/// `rel.flows`; `rel` gives entities, names and years. By delivery year only
/// (the order year lives in the deal table): `None` for the order basis.
pub fn partners_in(
    rel: &Release,
    flows: &FlowView<'_>,
    focus: EntityId,
    dir: Direction,
    f: &Filter,
) -> Option<Partners> {
    (f.basis == Basis::Delivery)
        .then(|| with_previous(rel, f, |g| partners_once_view(rel, flows, focus, dir, g)))
}

/// `once` over `f` and over the previous window, with the change.
fn with_previous(rel: &Release, f: &Filter, once: impl Fn(&Filter) -> Partners) -> Partners {
    let mut cur = once(f);
    let prev_w = f.window.previous();
    let prev = once(&f.at(prev_w));
    let both_in = !rel.coverage(f.window).is_empty() && !rel.coverage(prev_w).is_empty();
    cur.change = (both_in && prev.total > 0.0).then(|| cur.total / prev.total - 1.0);
    cur.previous = Some(Box::new(prev));
    cur
}

/// One window by delivery year over `v`, no previous: the same sums, in the
/// same row order, as [`partners_once`].
fn partners_once_view(
    rel: &Release,
    v: &FlowView<'_>,
    focus: EntityId,
    dir: Direction,
    f: &Filter,
) -> Partners {
    let n = v.len();
    let (focus_col, partner_col) = match dir {
        Direction::Imports => (&v.recipient[..n], &v.supplier[..n]),
        Direction::Exports => (&v.supplier[..n], &v.recipient[..n]),
    };
    let (year, cat, tiv, flags) = (&v.year[..n], &v.category[..n], v.tiv, &v.flags[..n]);
    let mut by: Vec<Acc> = vec![Acc::default(); rel.entities.len()];
    let mask = f.masks();
    for i in 0..n {
        if focus_col[i] != focus
            || !f.window.contains(year[i])
            || f.category.is_some_and(|c| Category::from_u8(cat[i]) != c)
        {
            continue;
        }
        let p = partner_col[i] as usize;
        if p >= by.len() {
            by.resize(p + 1, Acc::default());
        }
        by[p].add(tiv[i], flags[i], mask);
    }
    let rows = by
        .into_iter()
        .enumerate()
        .map(|(id, a)| (id as EntityId, a))
        .collect();
    build(rel, focus, dir, *f, rows, 0.0)
}

/// One window, no previous.
pub(crate) fn partners_once(
    rel: &Release,
    focus: EntityId,
    dir: Direction,
    f: &Filter,
) -> Partners {
    let focus_col = dir.focus_col(rel);
    let partner_col = dir.partner_col(rel);
    // Dense sums by partner id (ids are dense; a stray one grows the vector).
    let mut by: Vec<Acc> = vec![Acc::default(); rel.entities.len()];
    let mut undated = 0.0;
    let mask = f.masks();
    for (i, &fo) in focus_col.iter().enumerate() {
        if fo != focus {
            continue;
        }
        match f.classify(rel, i) {
            Selected::In => {
                let p = partner_col[i] as usize;
                if p >= by.len() {
                    by.resize(p + 1, Acc::default());
                }
                by[p].add(rel.flows.tiv[i], rel.flows.flags[i], mask)
            }
            Selected::Undated => undated += rel.flows.tiv[i],
            Selected::Out => {}
        }
    }
    let rows = by
        .into_iter()
        .enumerate()
        .map(|(id, a)| (id as EntityId, a))
        .collect();
    build(rel, focus, dir, *f, rows, undated)
}

pub(crate) fn build(
    rel: &Release,
    focus: EntityId,
    dir: Direction,
    filter: Filter,
    by: Vec<(EntityId, Acc)>,
    undated_tiv: f64,
) -> Partners {
    let mut rows: Vec<(EntityId, Acc)> = by.into_iter().filter(|(_, a)| a.tiv > 0.0).collect();
    let ranks = named_ranks(rel, &mut rows, |r| (r.0, r.1.tiv));
    let total: f64 = rows.iter().map(|r| r.1.tiv).fold(0.0, |a, b| a + b);
    let (mut est, mut alloc, mut unknown, mut aggregate) = (0.0, 0.0, 0.0, 0.0);
    let mut partners = Vec::with_capacity(rows.len());
    for ((id, a), rank) in rows.iter().zip(ranks) {
        est += a.est;
        alloc += a.alloc;
        if is_unknown(rel, *id) {
            unknown += a.tiv;
        }
        if is_aggregate(rel, *id) {
            aggregate += a.tiv;
        }
        partners.push(PartnerShare {
            entity: *id,
            tiv: a.tiv,
            share: ratio(a.tiv, total),
            rank,
            estimated_tiv: a.est,
            allocated_tiv: a.alloc,
        });
    }
    let concentration = if aggregate > 0.0 {
        None
    } else {
        let v: Vec<f64> = partners.iter().map(|p| p.tiv).collect();
        concentration(&v)
    };
    Partners {
        focus,
        direction: dir,
        filter,
        total,
        partners,
        concentration,
        estimated_share: ratio(est, total),
        allocated_share: ratio(alloc, total),
        unknown_tiv: unknown,
        aggregate_tiv: aggregate,
        undated_tiv,
        previous: None,
        change: None,
    }
}

/// `partners` over each window (delivery basis), e.g. over [`crate::default_windows`].
pub fn concentration_series(
    rel: &Release,
    focus: EntityId,
    dir: Direction,
    windows: &[Window],
    category: Option<Category>,
) -> Vec<Partners> {
    windows
        .iter()
        .map(|w| partners(rel, focus, dir, &Filter::new(*w).with_category(category)))
        .collect()
}

/// `partners` per armament category present in the window, in SIPRI's category
/// order. The categories' totals sum to the all-category total; `f.category` is
/// ignored.
pub fn category_breakdown(
    rel: &Release,
    focus: EntityId,
    dir: Direction,
    f: &Filter,
) -> Vec<(Category, Partners)> {
    let all = f.with_category(None);
    let focus_col = dir.focus_col(rel);
    let mut present = [false; 256];
    for (i, &fo) in focus_col.iter().enumerate() {
        if fo == focus && all.classify(rel, i) == Selected::In && rel.flows.tiv[i] > 0.0 {
            present[rel.flows.category[i] as usize] = true;
        }
    }
    let mut cats: Vec<Category> = Vec::new();
    for (code, &p) in present.iter().enumerate() {
        if p {
            let c = Category::from_u8(code as u8);
            if !cats.contains(&c) {
                cats.push(c);
            }
        }
    }
    cats.into_iter()
        .map(|c| (c, partners(rel, focus, dir, &all.with_category(Some(c)))))
        .collect()
}

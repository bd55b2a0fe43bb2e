//! Global rankings: the world's largest exporters or importers in a window.

use crate::filter::{Direction, Filter, Selected, is_aggregate, is_unknown};
use crate::metrics::{Acc, ratio, sort_and_rank};
use model::{Category, EntityId, FlowView, Release};
use serde::Serialize;

/// One ranked exporter or importer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Ranked {
    pub entity: EntityId,
    pub tiv: f64,
    /// Share of the world total (`Ranking::total`).
    pub share: f64,
    /// 1 = largest; equal values share a rank.
    pub rank: u32,
    pub estimated_tiv: f64,
    /// Part of `tiv` that is armsflow's even split of legacy deal totals
    /// (0 on a register): a legacy top-exporters CSV gave no per-row word
    /// of it, where the partner tables carry the same column.
    pub allocated_tiv: f64,
}

/// Every exporter (`Direction::Exports`) or importer (`Direction::Imports`).
///
/// Aggregate entities ("all suppliers" of a TIV table) are not parties: they
/// are left out of rows and total (so an importers table yields no exporter
/// ranking). Unknown entities ("unknown supplier(s)") are real transfers: they
/// stay in the world total but get no row and no rank, and are reported in
/// `unknown_tiv`, because "unknown" is not one country.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Ranking {
    pub direction: Direction,
    pub filter: Filter,
    /// World total: ranked rows plus `unknown_tiv`.
    pub total: f64,
    pub rows: Vec<Ranked>,
    pub unknown_tiv: f64,
    /// Left out because the ranked side is an aggregate placeholder.
    pub aggregate_tiv: f64,
    /// Order basis only: TIV whose deal has no order year (not in `total`).
    pub undated_tiv: f64,
    /// Fraction of `total` resting on SIPRI estimates.
    pub estimated_share: f64,
    /// Share of the total that is armsflow's even split of legacy deal
    /// totals over delivery years (0 on a register with per-year values):
    /// world shares from such a release differ from SIPRI's published ones
    /// by the split (the US 42.15 % of 2020-24 exports on the Mar-2025
    /// legacy register, 42.64 % per year, 43 % as SIPRI published).
    pub allocated_share: f64,
}

impl Ranking {
    pub fn rank_of(&self, id: EntityId) -> Option<&Ranked> {
        self.rows.iter().find(|r| r.entity == id)
    }
}

/// Per-entity sums of one side over one window, to be [`merge`]d in a fixed
/// order and finished by [`ranking_of`]: the ranking of a window summed while
/// a store decodes it (see `PairSums` for the pattern).
///
/// [`merge`]: RankSums::merge
#[derive(Debug, Clone)]
pub struct RankSums {
    dir: Direction,
    acc: Vec<Acc>,
    extra: std::collections::BTreeMap<EntityId, Acc>,
    undated: f64,
    /// Every selected flow's TIV, summed in flow order whatever the side:
    /// the world total of exporters and of importers is then the same float
    /// (summed by party, 18,203.5 came out as 18,203.499999999996 on one
    /// side and a page showed "18,204" and "18,203" for one total).
    all: f64,
}

impl RankSums {
    /// Sums of side `dir`, dense for ids below `width` (the entity count).
    pub fn new(width: usize, dir: Direction) -> RankSums {
        RankSums {
            dir,
            acc: vec![Acc::default(); width],
            extra: Default::default(),
            undated: 0.0,
            all: 0.0,
        }
    }

    #[inline]
    fn add(&mut self, id: EntityId, tiv: f64, flags: u16, mask: (u16, u16)) {
        self.all += tiv;
        match self.acc.get_mut(id as usize) {
            Some(a) => a.add(tiv, flags, mask),
            None => self.extra.entry(id).or_default().add(tiv, flags, mask),
        }
    }

    /// Adds the flows of `v` that `f` selects, by delivery year (the order
    /// year lives in the deal table: [`ranking`] handles the order basis).
    pub fn add_view(&mut self, v: &FlowView<'_>, f: &Filter) {
        debug_assert!(f.basis == crate::Basis::Delivery);
        let n = v.len();
        let col = match self.dir {
            Direction::Imports => &v.recipient[..n],
            Direction::Exports => &v.supplier[..n],
        };
        let (year, cat, tiv, flags) = (&v.year[..n], &v.category[..n], v.tiv, &v.flags[..n]);
        let mask = f.masks();
        for i in 0..n {
            if f.window.contains(year[i])
                && f.category.is_none_or(|c| Category::from_u8(cat[i]) == c)
            {
                self.add(col[i], tiv[i], flags[i], mask);
            }
        }
    }

    /// Adds `other`'s sums to these, entity by entity.
    pub fn merge(&mut self, other: &RankSums) {
        for (i, b) in other.acc.iter().enumerate() {
            if b.tiv != 0.0 || b.est != 0.0 || b.alloc != 0.0 {
                let a = Acc {
                    tiv: b.tiv,
                    est: b.est,
                    alloc: b.alloc,
                };
                self.merge_one(i as EntityId, a);
            }
        }
        for (&id, &a) in &other.extra {
            self.merge_one(id, a);
        }
        self.undated += other.undated;
        self.all += other.all;
    }

    fn merge_one(&mut self, id: EntityId, b: Acc) {
        let a = match self.acc.get_mut(id as usize) {
            Some(a) => a,
            None => self.extra.entry(id).or_default(),
        };
        a.tiv += b.tiv;
        a.est += b.est;
        a.alloc += b.alloc;
    }
}

pub fn ranking(rel: &Release, dir: Direction, f: &Filter) -> Ranking {
    let mut sums = RankSums::new(rel.entities.len(), dir);
    if f.basis == crate::Basis::Delivery {
        sums.add_view(&rel.flows.view(), f);
    } else {
        let col = dir.focus_col(rel);
        let mask = f.masks();
        for (i, &id) in col.iter().enumerate() {
            match f.classify(rel, i) {
                Selected::In => sums.add(id, rel.flows.tiv[i], rel.flows.flags[i], mask),
                Selected::Undated => sums.undated += rel.flows.tiv[i],
                Selected::Out => {}
            }
        }
    }
    ranking_of(rel, f, sums)
}

/// The ranking of `sums` (made over `f`); `rel` gives entity kinds and names.
pub fn ranking_of(rel: &Release, f: &Filter, sums: RankSums) -> Ranking {
    let RankSums {
        dir,
        acc,
        extra,
        undated,
        all: world,
    } = sums;
    let all = acc
        .into_iter()
        .enumerate()
        .map(|(i, a)| (i as EntityId, a))
        .chain(extra);
    let (mut unknown, mut aggregate, mut est, mut alloc) = (0.0, 0.0, 0.0, 0.0);
    let mut rows: Vec<(EntityId, Acc)> = Vec::new();
    for (id, a) in all {
        if a.tiv <= 0.0 {
            continue;
        }
        if is_aggregate(rel, id) {
            aggregate += a.tiv;
            continue;
        }
        est += a.est;
        alloc += a.alloc;
        if is_unknown(rel, id) {
            unknown += a.tiv;
            continue;
        }
        rows.push((id, a));
    }
    let ranks = sort_and_rank(rel, &mut rows, |r| (r.0, r.1.tiv));
    // A TIV table's aggregate side ("all suppliers") is no party's TIV:
    // there the ranked rows make the total (one side is all the table has).
    let total = if aggregate > 0.0 {
        rows.iter().map(|r| r.1.tiv).fold(0.0, |a, b| a + b) + unknown
    } else {
        world
    };
    let rows = rows
        .into_iter()
        .zip(ranks)
        .map(|((id, a), rank)| Ranked {
            entity: id,
            tiv: a.tiv,
            share: ratio(a.tiv, total),
            rank,
            estimated_tiv: a.est,
            allocated_tiv: a.alloc,
        })
        .collect();
    Ranking {
        direction: dir,
        filter: *f,
        total,
        rows,
        unknown_tiv: unknown,
        aggregate_tiv: aggregate,
        undated_tiv: undated,
        estimated_share: ratio(est, total),
        allocated_share: ratio(alloc, total),
    }
}

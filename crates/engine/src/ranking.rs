//! Global rankings: the world's largest exporters or importers in a window.

use crate::filter::{Direction, Filter, Selected, is_aggregate, is_unknown};
use crate::metrics::{Acc, ratio, sort_and_rank};
use model::{EntityId, Release};
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
}

impl Ranking {
    pub fn rank_of(&self, id: EntityId) -> Option<&Ranked> {
        self.rows.iter().find(|r| r.entity == id)
    }
}

pub fn ranking(rel: &Release, dir: Direction, f: &Filter) -> Ranking {
    let col = dir.focus_col(rel);
    let mut acc: Vec<Acc> = vec![Acc::default(); rel.entities.len()];
    let mut extra: std::collections::HashMap<EntityId, Acc> = Default::default();
    let mut undated = 0.0;
    let mask = f.masks();
    for (i, &id) in col.iter().enumerate() {
        match f.classify(rel, i) {
            Selected::In => {
                let (t, fl) = (rel.flows.tiv[i], rel.flows.flags[i]);
                match acc.get_mut(id as usize) {
                    Some(a) => a.add(t, fl, mask),
                    None => extra.entry(id).or_default().add(t, fl, mask),
                }
            }
            Selected::Undated => undated += rel.flows.tiv[i],
            Selected::Out => {}
        }
    }
    let all = acc
        .into_iter()
        .enumerate()
        .map(|(i, a)| (i as EntityId, a))
        .chain(extra);
    let (mut unknown, mut aggregate, mut est) = (0.0, 0.0, 0.0);
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
        if is_unknown(rel, id) {
            unknown += a.tiv;
            continue;
        }
        rows.push((id, a));
    }
    let ranks = sort_and_rank(rel, &mut rows, |r| (r.0, r.1.tiv));
    let total = rows.iter().map(|r| r.1.tiv).fold(0.0, |a, b| a + b) + unknown;
    let rows = rows
        .into_iter()
        .zip(ranks)
        .map(|((id, a), rank)| Ranked {
            entity: id,
            tiv: a.tiv,
            share: ratio(a.tiv, total),
            rank,
            estimated_tiv: a.est,
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
    }
}

//! One supplier-recipient pair seen from both ends, and the full matrix of
//! pairs for a window.

use crate::concentration::{Concentration, concentration};
use crate::filter::{Filter, Selected, is_aggregate};
use crate::metrics::{Acc, ratio, sort_and_rank};
use model::{EntityId, Release};
use serde::Serialize;
use std::collections::HashMap;

/// A supplier-recipient pair over a window. The two shares use the two
/// denominators the seed article mixes: the recipient's imports and the
/// supplier's exports.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pair {
    pub supplier: EntityId,
    pub recipient: EntityId,
    pub filter: Filter,
    /// Every year of the window (by the filter's basis), zero-filled.
    pub by_year: Vec<(u16, f64)>,
    pub total: f64,
    pub estimated_tiv: f64,
    pub allocated_tiv: f64,
    /// All of the recipient's imports in the window (unknown suppliers included).
    pub recipient_imports: f64,
    /// All of the supplier's exports in the window (unknown recipients included).
    pub supplier_exports: f64,
    /// `total / recipient_imports`; `None` when the recipient imported nothing.
    pub share_of_recipient_imports: Option<f64>,
    /// `total / supplier_exports`; `None` when the supplier exported nothing.
    pub share_of_supplier_exports: Option<f64>,
    /// Rank of the recipient among the supplier's customers (1 = largest);
    /// `None` when the pair has no deliveries in the window.
    pub recipient_rank: Option<u32>,
    /// How many customers the supplier had in the window.
    pub supplier_customers: usize,
    /// Rank of the supplier among the recipient's suppliers.
    pub supplier_rank: Option<u32>,
    /// How many suppliers the recipient had.
    pub recipient_suppliers: usize,
}

fn rank_in(rel: &Release, map: HashMap<EntityId, f64>, who: EntityId) -> (Option<u32>, usize) {
    let mut rows: Vec<(EntityId, f64)> = map.into_iter().filter(|r| r.1 > 0.0).collect();
    let ranks = sort_and_rank(rel, &mut rows, |r| (r.0, r.1));
    let n = rows.len();
    let rank = rows
        .iter()
        .zip(ranks)
        .find(|(r, _)| r.0 == who)
        .map(|(_, k)| k);
    (rank, n)
}

pub fn pair(rel: &Release, supplier: EntityId, recipient: EntityId, f: &Filter) -> Pair {
    let fl = &rel.flows;
    let mut customers: HashMap<EntityId, f64> = HashMap::new();
    let mut suppliers: HashMap<EntityId, f64> = HashMap::new();
    let mut years: Vec<(u16, f64)> = f.window.years().map(|y| (y, 0.0)).collect();
    let mut acc = Acc::default();
    for i in 0..fl.len() {
        let (s, r) = (fl.supplier[i], fl.recipient[i]);
        if s != supplier && r != recipient {
            continue;
        }
        if f.classify(rel, i) != Selected::In {
            continue;
        }
        let t = fl.tiv[i];
        if s == supplier {
            *customers.entry(r).or_default() += t;
        }
        if r == recipient {
            *suppliers.entry(s).or_default() += t;
        }
        if s == supplier && r == recipient {
            acc.add(t, fl.flags[i], f.masks());
            if let Some(y) = f.year_of(rel, i) {
                years[(y - f.window.start) as usize].1 += t;
            }
        }
    }
    let supplier_exports: f64 = customers.values().fold(0.0, |a, b| a + b);
    let recipient_imports: f64 = suppliers.values().fold(0.0, |a, b| a + b);
    let (recipient_rank, supplier_customers) = rank_in(rel, customers, recipient);
    let (supplier_rank, recipient_suppliers) = rank_in(rel, suppliers, supplier);
    Pair {
        supplier,
        recipient,
        filter: *f,
        by_year: years,
        total: acc.tiv,
        estimated_tiv: acc.est,
        allocated_tiv: acc.alloc,
        recipient_imports,
        supplier_exports,
        share_of_recipient_imports: (recipient_imports > 0.0)
            .then(|| ratio(acc.tiv, recipient_imports)),
        share_of_supplier_exports: (supplier_exports > 0.0)
            .then(|| ratio(acc.tiv, supplier_exports)),
        recipient_rank: if acc.tiv > 0.0 { recipient_rank } else { None },
        supplier_customers,
        supplier_rank: if acc.tiv > 0.0 { supplier_rank } else { None },
        recipient_suppliers,
    }
}

/// One non-zero cell of the matrix.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct PairCell {
    pub supplier: EntityId,
    pub recipient: EntityId,
    pub tiv: f64,
    /// Share of the recipient's imports.
    pub share_of_recipient: f64,
    /// Share of the supplier's exports.
    pub share_of_supplier: f64,
}

/// One recipient's import total and supplier concentration.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct RecipientSummary {
    pub recipient: EntityId,
    pub total: f64,
    /// `None` when an aggregate placeholder supplies part of the total.
    pub concentration: Option<Concentration>,
}

/// Every (supplier, recipient) TIV in a window.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PairMatrix {
    pub filter: Filter,
    pub total: f64,
    /// Non-zero cells, by recipient id then descending TIV.
    pub cells: Vec<PairCell>,
    /// By recipient id.
    pub recipients: Vec<RecipientSummary>,
    /// Order basis only: TIV without an order year (not in `total`).
    pub undated_tiv: f64,
}

impl PairMatrix {
    pub fn tiv(&self, supplier: EntityId, recipient: EntityId) -> f64 {
        self.cells_of(recipient)
            .iter()
            .find(|c| c.supplier == supplier)
            .map_or(0.0, |c| c.tiv)
    }

    /// Cells of one recipient (binary search; cells are grouped by recipient).
    pub fn cells_of(&self, recipient: EntityId) -> &[PairCell] {
        let lo = self.cells.partition_point(|c| c.recipient < recipient);
        let hi = self.cells.partition_point(|c| c.recipient <= recipient);
        &self.cells[lo..hi]
    }

    pub fn recipient(&self, recipient: EntityId) -> Option<&RecipientSummary> {
        self.recipients
            .binary_search_by_key(&recipient, |r| r.recipient)
            .ok()
            .map(|i| &self.recipients[i])
    }
}

/// Dense accumulation up to this many cells (8 bytes each); a hash map beyond.
const DENSE_MAX: usize = 1 << 23;

/// Sums every pair over `f` in one pass over the flows.
pub fn all_pairs(rel: &Release, f: &Filter) -> PairMatrix {
    let fl = &rel.flows;
    let n_ent = rel.entities.len();
    let max_id = fl
        .supplier
        .iter()
        .chain(&fl.recipient)
        .copied()
        .max()
        .map_or(0, |m| m as usize + 1)
        .max(n_ent);
    let mut undated = 0.0;
    let mut sums: HashMap<(EntityId, EntityId), f64> = HashMap::new();
    let dense_ok = max_id.checked_mul(max_id).is_some_and(|c| c <= DENSE_MAX);
    let mut dense: Vec<f64> = if dense_ok {
        vec![0.0; max_id * max_id]
    } else {
        Vec::new()
    };
    let plain = f.category.is_none() && f.basis == crate::Basis::Delivery;
    for i in 0..fl.len() {
        let sel = if plain {
            if f.window.contains(fl.year[i]) {
                Selected::In
            } else {
                Selected::Out
            }
        } else {
            f.classify(rel, i)
        };
        match sel {
            Selected::In => {
                let (s, r) = (fl.supplier[i], fl.recipient[i]);
                if dense_ok {
                    dense[r as usize * max_id + s as usize] += fl.tiv[i];
                } else {
                    *sums.entry((r, s)).or_default() += fl.tiv[i];
                }
            }
            Selected::Undated => undated += fl.tiv[i],
            Selected::Out => {}
        }
    }
    let mut raw: Vec<(EntityId, EntityId, f64)> = if dense_ok {
        dense
            .iter()
            .enumerate()
            .filter(|(_, v)| **v > 0.0)
            .map(|(k, v)| ((k % max_id) as EntityId, (k / max_id) as EntityId, *v))
            .collect()
    } else {
        sums.into_iter()
            .filter(|(_, v)| *v > 0.0)
            .map(|((r, s), v)| (s, r, v))
            .collect()
    };
    raw.sort_by(|a, b| a.1.cmp(&b.1).then(b.2.total_cmp(&a.2)).then(a.0.cmp(&b.0)));
    let mut sup_tot: HashMap<EntityId, f64> = HashMap::new();
    for &(s, _, v) in &raw {
        *sup_tot.entry(s).or_default() += v;
    }
    let mut cells = Vec::with_capacity(raw.len());
    let mut recipients = Vec::new();
    let mut total = 0.0;
    let mut start = 0;
    while start < raw.len() {
        let r = raw[start].1;
        let end = start + raw[start..].partition_point(|c| c.1 == r);
        let group = &raw[start..end];
        let rt: f64 = group.iter().map(|c| c.2).fold(0.0, |a, b| a + b);
        total += rt;
        let has_agg = group.iter().any(|c| is_aggregate(rel, c.0));
        let tivs: Vec<f64> = group.iter().map(|c| c.2).collect();
        recipients.push(RecipientSummary {
            recipient: r,
            total: rt,
            concentration: if has_agg { None } else { concentration(&tivs) },
        });
        for &(s, _, v) in group {
            cells.push(PairCell {
                supplier: s,
                recipient: r,
                tiv: v,
                share_of_recipient: ratio(v, rt),
                share_of_supplier: ratio(v, sup_tot[&s]),
            });
        }
        start = end;
    }
    PairMatrix {
        filter: *f,
        total,
        cells,
        recipients,
        undated_tiv: undated,
    }
}

//! One supplier-recipient pair seen from both ends, and the full matrix of
//! pairs for a window.

use crate::concentration::{Concentration, concentration};
use crate::filter::{Filter, Selected, is_aggregate};
use crate::metrics::{Acc, named_ranks, ratio};
use model::{Category, EntityId, FlowView, Release};
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
    // The unknown pool is not a partner: it neither ranks nor counts.
    let ranks = named_ranks(rel, &mut rows, |r| (r.0, r.1));
    let n = ranks.iter().flatten().count();
    let rank = rows
        .iter()
        .zip(ranks)
        .find(|(r, _)| r.0 == who)
        .and_then(|(_, k)| k);
    (rank, n)
}

/// Why a pair cannot be answered from a release, rather than answered with
/// zeros: the CLI, the API and the pair page refuse the same questions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PairRefusal {
    /// Supplier and recipient are one party.
    SameParty,
    /// SIPRI's "unknown supplier(s)/recipient(s)" or a table's "all" side: not
    /// a party with exports or imports of its own to divide by.
    Placeholder(EntityId),
    /// A TIV table holds one side of each transfer, so neither the pair's TIV
    /// nor its two denominators can be read from it.
    NotARegister,
    /// A register downloaded for some countries only: one of the pair's two
    /// denominators lies outside it (the reason, as [`crate::one_sided`] gives it).
    OutOfScope(String),
}

impl PairRefusal {
    pub fn message(&self, rel: &Release) -> String {
        match self {
            PairRefusal::SameParty => {
                "a pair needs two different countries: supplier and recipient are the same".into()
            }
            PairRefusal::Placeholder(id) => format!(
                "'{}' is SIPRI's placeholder for deliveries whose other side is not known, \
not a party: it has no exports or imports of its own to divide by",
                rel.entities.get(*id).name
            ),
            PairRefusal::OutOfScope(why) => why.clone(),
            PairRefusal::NotARegister => format!(
                "release {} is {}, which holds one side of each transfer: a pair's TIV and \
its two shares cannot be read from it; use a trade-register release",
                rel.meta.id,
                // In words, not the format's key (other-formats probe 35:
                // "a supplier_table table").
                match rel.meta.format {
                    model::SourceFormat::ImportTable => "a TIV table of imports",
                    model::SourceFormat::ExportTable => "a TIV table of exports",
                    model::SourceFormat::SupplierTable => "a per-supplier TIV table",
                    model::SourceFormat::Register | model::SourceFormat::LegacyRegister => {
                        "a register"
                    }
                }
            ),
        }
    }
}

/// `None` when [`pair`] answers the question asked.
pub fn pair_refusal(rel: &Release, supplier: EntityId, recipient: EntityId) -> Option<PairRefusal> {
    use model::{EntityKind, SourceFormat};
    if supplier == recipient {
        return Some(PairRefusal::SameParty);
    }
    for id in [supplier, recipient] {
        if matches!(
            rel.entities.get(id).kind,
            EntityKind::Unknown | EntityKind::Aggregate
        ) {
            return Some(PairRefusal::Placeholder(id));
        }
    }
    if !matches!(
        rel.meta.format,
        SourceFormat::Register | SourceFormat::LegacyRegister
    ) {
        return Some(PairRefusal::NotARegister);
    }
    // Both shares need both parties' whole totals (regression: on the
    // Ukraine download, "Ukraine received 100 % of United States's exports").
    crate::one_sided(rel, crate::Direction::Exports, Some(supplier))
        .or_else(|| crate::one_sided(rel, crate::Direction::Imports, Some(recipient)))
        .map(PairRefusal::OutOfScope)
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

/// Per-pair TIV sums over one window: dense over `width` entity ids when the
/// matrix fits in [`DENSE_MAX`] cells, a hash map beyond (and for stray ids).
/// Partial sums (one per thread, or per part of a file) are [`merge`]d in a
/// fixed order, so results do not depend on scheduling.
///
/// [`merge`]: PairSums::merge
#[derive(Debug, Clone, Default)]
pub struct PairSums {
    width: usize,
    dense: Vec<f64>,
    sparse: HashMap<(EntityId, EntityId), f64>,
    undated: f64,
}

impl PairSums {
    /// Sums for ids below `width` (a release's entity count) kept dense.
    pub fn new(width: usize) -> PairSums {
        let dense_ok = width.checked_mul(width).is_some_and(|c| c <= DENSE_MAX);
        let width = if dense_ok { width } else { 0 };
        PairSums {
            width,
            dense: vec![0.0; width * width],
            ..Default::default()
        }
    }

    #[inline]
    fn add(&mut self, s: EntityId, r: EntityId, tiv: f64) {
        let (si, ri) = (s as usize, r as usize);
        if si < self.width && ri < self.width {
            self.dense[ri * self.width + si] += tiv;
        } else {
            *self.sparse.entry((r, s)).or_default() += tiv;
        }
    }

    /// Adds the flows of `v` that `f` selects. By delivery year only (the order
    /// year lives in the deal table): [`all_pairs`] handles the order basis.
    pub fn add_view(&mut self, v: &FlowView<'_>, f: &Filter) {
        debug_assert!(f.basis == crate::Basis::Delivery);
        let n = v.len();
        let (sup, rec, year, tiv) = (&v.supplier[..n], &v.recipient[..n], &v.year[..n], v.tiv);
        match f.category {
            None => {
                for i in 0..n {
                    if f.window.contains(year[i]) {
                        self.add(sup[i], rec[i], tiv[i]);
                    }
                }
            }
            Some(c) => {
                let cat = &v.category[..n];
                for i in 0..n {
                    // Via from_u8 so that stray codes count as Unspecified, as in `Filter`.
                    if f.window.contains(year[i]) && Category::from_u8(cat[i]) == c {
                        self.add(sup[i], rec[i], tiv[i]);
                    }
                }
            }
        }
    }

    /// Adds `other`'s sums to these, cell by cell.
    pub fn merge(&mut self, other: &PairSums) {
        if other.width == self.width {
            for (a, b) in self.dense.iter_mut().zip(&other.dense) {
                *a += b;
            }
        } else {
            for (k, v) in other.dense.iter().enumerate() {
                if *v != 0.0 {
                    let (r, s) = (k / other.width, k % other.width);
                    self.add(s as EntityId, r as EntityId, *v);
                }
            }
        }
        let mut extra: Vec<_> = other.sparse.iter().collect();
        extra.sort_by_key(|(k, _)| **k);
        for (&(r, s), &v) in extra {
            self.add(s, r, v);
        }
        self.undated += other.undated;
    }
}

/// Sums every pair over `f` in one pass over the flows.
pub fn all_pairs(rel: &Release, f: &Filter) -> PairMatrix {
    let fl = &rel.flows;
    let mut sums = PairSums::new(rel.entities.len());
    if f.basis == crate::Basis::Delivery {
        sums.add_view(&fl.view(), f);
    } else {
        for i in 0..fl.len() {
            match f.classify(rel, i) {
                Selected::In => sums.add(fl.supplier[i], fl.recipient[i], fl.tiv[i]),
                Selected::Undated => sums.undated += fl.tiv[i],
                Selected::Out => {}
            }
        }
    }
    pair_matrix(rel, f, sums)
}

/// The matrix of `sums` (made over `f`), with shares and concentration;
/// `rel` gives entity kinds and names only.
pub fn pair_matrix(rel: &Release, f: &Filter, sums: PairSums) -> PairMatrix {
    let PairSums {
        width,
        dense,
        sparse,
        undated,
    } = sums;
    let mut raw: Vec<(EntityId, EntityId, f64)> = dense
        .iter()
        .enumerate()
        .filter(|(_, v)| **v > 0.0)
        .map(|(k, v)| ((k % width) as EntityId, (k / width) as EntityId, *v))
        .collect();
    raw.extend(
        sparse
            .into_iter()
            .filter(|(_, v)| *v > 0.0)
            .map(|((r, s), v)| (s, r, v)),
    );
    // Within a recipient, as rankings order suppliers: a recipient's first
    // cell is its top supplier, ties by name (regression: NATO's 2004-08 top
    // supplier was Ukraine here and Russia per country, both 58.0 TIV).
    let name = |id| crate::filter::name_of(rel, id);
    raw.sort_by(|a, b| {
        a.1.cmp(&b.1)
            .then(crate::metrics::rank_key(b.2).cmp(&crate::metrics::rank_key(a.2)))
            .then_with(|| name(a.0).cmp(name(b.0)))
            .then(a.0.cmp(&b.0))
    });
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

#[cfg(test)]
mod refusal_tests {
    use super::*;
    use crate::testkit::ReleaseBuilder;

    #[test]
    fn pairs_that_cannot_be_answered_are_refused() {
        let mut b = ReleaseBuilder::new();
        let rus = b.state("RUS", "Russia");
        let kaz = b.state("KAZ", "Kazakhstan");
        let unk = b.unknown_supplier();
        b.flow(rus, kaz, 2021, 195.0).flow(unk, kaz, 2021, 5.0);
        let mut rel = b.build();
        assert_eq!(pair_refusal(&rel, rus, kaz), None);
        assert_eq!(pair_refusal(&rel, rus, rus), Some(PairRefusal::SameParty));
        assert_eq!(
            pair_refusal(&rel, unk, kaz),
            Some(PairRefusal::Placeholder(unk))
        );
        assert!(
            PairRefusal::Placeholder(unk)
                .message(&rel)
                .contains("placeholder")
        );
        rel.meta.format = model::SourceFormat::ImportTable;
        assert_eq!(
            pair_refusal(&rel, rus, kaz),
            Some(PairRefusal::NotARegister)
        );
        // In words (other-formats probe 35: "a supplier_table table").
        rel.meta.format = model::SourceFormat::SupplierTable;
        let m = PairRefusal::NotARegister.message(&rel);
        assert!(m.contains("is a per-supplier TIV table"), "{m}");
        assert!(!m.contains("_table"), "{m}");
    }
}

//! The delivery matrix of a release, column by column.
//!
//! Every metric is a scan over these columns, so they are kept as parallel
//! vectors of small integers rather than a vector of structs.

use crate::category::Category;
use crate::entity::EntityId;
use serde::{Deserialize, Serialize};

/// `deal` value of a flow that belongs to no deal (TIV tables).
pub const NO_DEAL: u32 = u32::MAX;

/// Per-flow flag bits. An estimate flag that SIPRI left empty is *unknown*, not No:
/// it sets `*_UNKNOWN`, never the estimate bit.
pub struct Flags;

impl Flags {
    /// SIPRI marks the delivery year as an estimate.
    pub const EST_YEAR: u16 = 1;
    /// SIPRI marks the number delivered as an estimate.
    pub const EST_NUMBER: u16 = 1 << 1;
    /// SIPRI marks the order year as an estimate.
    pub const EST_ORDER: u16 = 1 << 2;
    /// At least one estimate cell was empty (unknown).
    pub const EST_UNKNOWN: u16 = 1 << 3;
    /// The per-year value is our allocation of a per-deal total (legacy register).
    pub const ALLOCATED: u16 = 1 << 4;
    /// A TIV-table cell written `0`: between 0 and 0.5 million, stored as 0.
    pub const BELOW_HALF: u16 = 1 << 5;
    /// Second-hand (or second-hand but modernised) equipment.
    pub const SECOND_HAND: u16 = 1 << 6;
    /// Licensed production in the recipient country.
    pub const LOCAL_PRODUCTION: u16 = 1 << 7;
    /// Delivered weapons whose number or year SIPRI estimated.
    pub const ANY_ESTIMATE: u16 = Self::EST_YEAR | Self::EST_NUMBER | Self::EST_ORDER;
}

/// One release's flows: supplier → recipient, in a year, worth `tiv` millions.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Flows {
    pub supplier: Vec<EntityId>,
    pub recipient: Vec<EntityId>,
    /// Delivery year.
    pub year: Vec<u16>,
    /// `Category as u8`.
    pub category: Vec<u8>,
    /// TIV in millions, unrounded as SIPRI gave it (or as allocated).
    pub tiv: Vec<f64>,
    /// Units delivered in that year (0 where unknown or not applicable).
    pub units: Vec<u32>,
    pub flags: Vec<u16>,
    /// Index into [`crate::Release::deals`], or [`NO_DEAL`].
    pub deal: Vec<u32>,
}

/// The columns a one-window aggregation reads, borrowed: from loaded
/// [`Flows`] ([`Flows::view`]) or from a batch a store decodes without
/// materialising the rest (units, deal). One code path sums both.
#[derive(Debug, Clone, Copy)]
pub struct FlowView<'a> {
    pub supplier: &'a [EntityId],
    pub recipient: &'a [EntityId],
    pub year: &'a [u16],
    pub category: &'a [u8],
    pub tiv: &'a [f64],
    pub flags: &'a [u16],
}

impl FlowView<'_> {
    pub fn len(&self) -> usize {
        self.tiv.len()
    }

    pub fn is_empty(&self) -> bool {
        self.tiv.is_empty()
    }
}

/// A row-shaped view of one flow, for building and for tests.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Flow {
    pub supplier: EntityId,
    pub recipient: EntityId,
    pub year: u16,
    pub category: Category,
    pub tiv: f64,
    pub units: u32,
    pub flags: u16,
    pub deal: u32,
}

impl Flows {
    pub fn with_capacity(n: usize) -> Self {
        Flows {
            supplier: Vec::with_capacity(n),
            recipient: Vec::with_capacity(n),
            year: Vec::with_capacity(n),
            category: Vec::with_capacity(n),
            tiv: Vec::with_capacity(n),
            units: Vec::with_capacity(n),
            flags: Vec::with_capacity(n),
            deal: Vec::with_capacity(n),
        }
    }

    pub fn push(&mut self, f: Flow) {
        self.supplier.push(f.supplier);
        self.recipient.push(f.recipient);
        self.year.push(f.year);
        self.category.push(f.category as u8);
        self.tiv.push(f.tiv);
        self.units.push(f.units);
        self.flags.push(f.flags);
        self.deal.push(f.deal);
    }

    pub fn get(&self, i: usize) -> Flow {
        Flow {
            supplier: self.supplier[i],
            recipient: self.recipient[i],
            year: self.year[i],
            category: Category::from_u8(self.category[i]),
            tiv: self.tiv[i],
            units: self.units[i],
            flags: self.flags[i],
            deal: self.deal[i],
        }
    }

    pub fn len(&self) -> usize {
        self.tiv.len()
    }

    /// The aggregation columns, borrowed.
    pub fn view(&self) -> FlowView<'_> {
        FlowView {
            supplier: &self.supplier,
            recipient: &self.recipient,
            year: &self.year,
            category: &self.category,
            tiv: &self.tiv,
            flags: &self.flags,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.tiv.is_empty()
    }

    /// True when all columns have the same length; the store checks this on load.
    pub fn is_consistent(&self) -> bool {
        let n = self.tiv.len();
        [
            self.supplier.len(),
            self.recipient.len(),
            self.year.len(),
            self.category.len(),
            self.units.len(),
            self.flags.len(),
            self.deal.len(),
        ]
        .iter()
        .all(|&l| l == n)
    }

    pub fn total_tiv(&self) -> f64 {
        self.tiv.iter().sum()
    }

    /// Row indices with years ascending and ties in their original order: the
    /// store writes flows in this order so that a year window can skip whole
    /// Parquet row groups by their statistics. Counting sort: years are few.
    pub fn year_order(&self) -> Vec<u32> {
        let Some((lo, hi)) = self.year_span() else {
            return Vec::new();
        };
        let mut start = vec![0usize; usize::from(hi - lo) + 2];
        for &y in &self.year {
            start[usize::from(y - lo) + 1] += 1;
        }
        for i in 1..start.len() {
            start[i] += start[i - 1];
        }
        let mut out = vec![0u32; self.year.len()];
        for (i, &y) in self.year.iter().enumerate() {
            let slot = &mut start[usize::from(y - lo)];
            out[*slot] = i as u32;
            *slot += 1;
        }
        out
    }

    /// The flows at `rows`, in that order. Panics if a row is out of range.
    pub fn gather(&self, rows: &[u32]) -> Flows {
        fn pick<T: Copy>(v: &[T], rows: &[u32]) -> Vec<T> {
            rows.iter().map(|&r| v[r as usize]).collect()
        }
        Flows {
            supplier: pick(&self.supplier, rows),
            recipient: pick(&self.recipient, rows),
            year: pick(&self.year, rows),
            category: pick(&self.category, rows),
            tiv: pick(&self.tiv, rows),
            units: pick(&self.units, rows),
            flags: pick(&self.flags, rows),
            deal: pick(&self.deal, rows),
        }
    }

    /// Appends `other`'s flows after these.
    pub fn append(&mut self, other: &Flows) {
        self.supplier.extend_from_slice(&other.supplier);
        self.recipient.extend_from_slice(&other.recipient);
        self.year.extend_from_slice(&other.year);
        self.category.extend_from_slice(&other.category);
        self.tiv.extend_from_slice(&other.tiv);
        self.units.extend_from_slice(&other.units);
        self.flags.extend_from_slice(&other.flags);
        self.deal.extend_from_slice(&other.deal);
    }

    /// First and last delivery year, if any.
    pub fn year_span(&self) -> Option<(u16, u16)> {
        let min = *self.year.iter().min()?;
        let max = *self.year.iter().max()?;
        Some((min, max))
    }
}

/// A deal (order) as SIPRI lists it. The current register repeats these fields on
/// every delivery row; the legacy register has one row per deal and adds the
/// order size and TIV of the whole order, which the orders pipeline needs.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Deal {
    /// SIPRI AT Database ID, where the source has it (the legacy register does not).
    pub sipri_id: Option<u64>,
    pub supplier: EntityId,
    pub recipient: EntityId,
    pub designation: String,
    pub description: String,
    pub category: u8,
    pub order_year: Option<u16>,
    /// `Some(true)` estimated, `Some(false)` firm, `None` SIPRI left it empty.
    pub order_year_estimated: Option<bool>,
    pub number_ordered: Option<u32>,
    pub number_ordered_estimated: Option<bool>,
    pub number_delivered: Option<u32>,
    pub number_delivered_estimated: Option<bool>,
    /// Years with deliveries, ascending.
    pub delivery_years: Vec<u16>,
    /// `New`, `Second hand`, `Second hand but modernized`.
    pub status: String,
    pub comments: String,
    /// TIV of one unit as new (current register only).
    pub tiv_unit_new: Option<f64>,
    /// TIV of one unit as used in this deal (second-hand adjusted).
    pub tiv_unit: Option<f64>,
    /// TIV of the whole order (legacy register only).
    pub tiv_order: Option<f64>,
    /// TIV delivered so far, summed over years.
    pub tiv_delivered: Option<f64>,
    pub local_production: Option<bool>,
    /// Source line of the deal's first row, for reports.
    pub line: u32,
}

impl Deal {
    /// Ordered but not yet delivered TIV: the orders pipeline's unit. `None` where
    /// the source lacks the order value.
    pub fn tiv_outstanding(&self) -> Option<f64> {
        let order = self.tiv_order?;
        let delivered = self.tiv_delivered.unwrap_or(0.0);
        Some((order - delivered).max(0.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flows(years: &[u16]) -> Flows {
        let mut f = Flows::default();
        for (i, &y) in years.iter().enumerate() {
            f.push(Flow {
                supplier: i as u32,
                recipient: 0,
                year: y,
                category: Category::Aircraft,
                tiv: i as f64,
                units: 0,
                flags: 0,
                deal: NO_DEAL,
            });
        }
        f
    }

    #[test]
    fn year_order_is_stable_and_sorted() {
        let f = flows(&[2001, 1999, 2001, 2000, 1999]);
        let order = f.year_order();
        assert_eq!(order, vec![1, 4, 3, 0, 2]);
        let g = f.gather(&order);
        assert_eq!(g.year, vec![1999, 1999, 2000, 2001, 2001]);
        assert_eq!(g.supplier, vec![1, 4, 3, 0, 2]);
        assert!(g.is_consistent());
        assert!(flows(&[]).year_order().is_empty());
    }
}

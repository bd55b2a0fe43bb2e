//! The orders pipeline: TIV ordered but not yet delivered, a leading indicator
//! of where a country's deliveries will come from.
//!
//! Only the legacy register carries what this needs (number ordered and the TIV
//! of the whole order, one row per deal, open deals included); the current
//! register lists deliveries only. Outstanding = order TIV − delivered TIV per
//! deal ([`model::Deal::tiv_outstanding`]), never below 0.

use crate::filter::{Direction, year_span};
use crate::metrics::{ratio, sort_and_rank};
use model::{EntityId, Release, SourceFormat};
use serde::Serialize;
use std::collections::BTreeMap;

/// A deal with outstanding TIV but no delivery for this many years before the
/// release's last year (and ordered before them) is flagged as possibly stale:
/// finished short or cancelled without SIPRI closing it.
pub const STALE_YEARS: u16 = 10;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PipelineError {
    #[error(
        "the orders pipeline needs a legacy-register release (number ordered and TIV of the \
         whole order per deal); this release is a {0}"
    )]
    NotLegacy(&'static str),
}

/// One deal of the pipeline.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PipelineDeal {
    /// Index into `Release::deals`.
    pub deal: usize,
    /// The other party: the supplier for an importer's pipeline.
    pub partner: EntityId,
    pub designation: String,
    pub description: String,
    pub order_year: Option<u16>,
    pub order_year_estimated: Option<bool>,
    pub number_ordered: Option<u32>,
    pub number_ordered_estimated: Option<bool>,
    pub number_delivered: Option<u32>,
    pub tiv_order: Option<f64>,
    pub tiv_delivered: f64,
    /// `None` when the order's size or value is unknown.
    pub outstanding: Option<f64>,
    pub last_delivery: Option<u16>,
    /// No delivery in the last [`STALE_YEARS`] years of the release.
    pub stale: bool,
}

/// Outstanding TIV with one partner.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PartnerPipeline {
    pub partner: EntityId,
    pub outstanding: f64,
    /// Of the pipeline total.
    pub share: f64,
    pub deals: usize,
}

/// Outstanding TIV in one cell of partner × order year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PipelineCell {
    pub partner: EntityId,
    pub order_year: Option<u16>,
    pub outstanding: f64,
}

/// A country's ordered-but-undelivered arms as of a legacy-register release.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pipeline {
    pub focus: EntityId,
    pub direction: Direction,
    /// The release's last delivery year: the pipeline is "as of" its end.
    pub as_of: Option<u16>,
    pub total: f64,
    /// Descending by outstanding TIV.
    pub by_partner: Vec<PartnerPipeline>,
    /// Ascending order year (`None`, no order year, last).
    pub by_order_year: Vec<(Option<u16>, f64)>,
    /// Partner × order year, partners in `by_partner` order.
    pub cells: Vec<PipelineCell>,
    /// Deals with outstanding TIV, descending.
    pub open: Vec<PipelineDeal>,
    /// Deals whose number ordered (or order value) SIPRI does not know yet:
    /// possibly open, value unknown, not in `total`.
    pub unknown_size: Vec<PipelineDeal>,
    /// Deals delivered in full (or beyond the order): not in the pipeline.
    pub complete: usize,
    /// Parts of `total` resting on an estimated number ordered / order year.
    pub estimated_number_tiv: f64,
    pub estimated_order_year_tiv: f64,
    /// Part of `total` in possibly stale deals.
    pub stale_tiv: f64,
}

/// The pipeline of `focus`: as a recipient (`Imports`, by supplier) or as a
/// supplier (`Exports`, by recipient).
pub fn pipeline(rel: &Release, focus: EntityId, dir: Direction) -> Result<Pipeline, PipelineError> {
    if rel.meta.format != SourceFormat::LegacyRegister {
        return Err(PipelineError::NotLegacy(rel.meta.format.as_str()));
    }
    let as_of = year_span(rel).map(|s| s.1);
    let mut p = Pipeline {
        focus,
        direction: dir,
        as_of,
        total: 0.0,
        by_partner: Vec::new(),
        by_order_year: Vec::new(),
        cells: Vec::new(),
        open: Vec::new(),
        unknown_size: Vec::new(),
        complete: 0,
        estimated_number_tiv: 0.0,
        estimated_order_year_tiv: 0.0,
        stale_tiv: 0.0,
    };
    for (i, d) in rel.deals.iter().enumerate() {
        let (f, partner) = match dir {
            Direction::Imports => (d.recipient, d.supplier),
            Direction::Exports => (d.supplier, d.recipient),
        };
        if f != focus {
            continue;
        }
        // An unknown number ordered makes the order value meaningless, even where
        // the file writes it as 0.
        let outstanding = d.number_ordered.and(d.tiv_outstanding());
        let last_delivery = d.delivery_years.iter().copied().max();
        let stale = as_of.is_some_and(|end| {
            let last_activity = last_delivery.or(d.order_year).unwrap_or(0);
            last_activity.saturating_add(STALE_YEARS) <= end
        });
        let row = PipelineDeal {
            deal: i,
            partner,
            designation: d.designation.clone(),
            description: d.description.clone(),
            order_year: d.order_year,
            order_year_estimated: d.order_year_estimated,
            number_ordered: d.number_ordered,
            number_ordered_estimated: d.number_ordered_estimated,
            number_delivered: d.number_delivered,
            tiv_order: d.tiv_order,
            tiv_delivered: d.tiv_delivered.unwrap_or(0.0),
            outstanding,
            last_delivery,
            stale,
        };
        match outstanding {
            None => p.unknown_size.push(row),
            Some(x) if x > 0.0 => {
                p.total += x;
                if d.number_ordered_estimated == Some(true) {
                    p.estimated_number_tiv += x;
                }
                if d.order_year_estimated == Some(true) {
                    p.estimated_order_year_tiv += x;
                }
                if stale {
                    p.stale_tiv += x;
                }
                p.open.push(row);
            }
            Some(_) => p.complete += 1,
        }
    }
    summarise(rel, &mut p);
    Ok(p)
}

fn summarise(rel: &Release, p: &mut Pipeline) {
    let out = |d: &PipelineDeal| d.outstanding.unwrap_or(0.0);
    sort_and_rank(rel, &mut p.open, |d| (d.partner, out(d)));
    let mut by_partner: BTreeMap<EntityId, (f64, usize)> = BTreeMap::new();
    let mut by_year: BTreeMap<(bool, u16), f64> = BTreeMap::new();
    let mut cells: BTreeMap<(EntityId, (bool, u16)), f64> = BTreeMap::new();
    // `(false, y)` sorts real years first, `(true, 0)` (no order year) last.
    let ykey = |y: Option<u16>| y.map_or((true, 0), |y| (false, y));
    for d in &p.open {
        let e = by_partner.entry(d.partner).or_default();
        e.0 += out(d);
        e.1 += 1;
        *by_year.entry(ykey(d.order_year)).or_default() += out(d);
        *cells.entry((d.partner, ykey(d.order_year))).or_default() += out(d);
    }
    let mut partners: Vec<PartnerPipeline> = by_partner
        .into_iter()
        .map(|(partner, (outstanding, deals))| PartnerPipeline {
            partner,
            outstanding,
            share: ratio(outstanding, p.total),
            deals,
        })
        .collect();
    sort_and_rank(rel, &mut partners, |x| (x.partner, x.outstanding));
    let unkey = |k: (bool, u16)| (!k.0).then_some(k.1);
    p.by_order_year = by_year.into_iter().map(|(k, v)| (unkey(k), v)).collect();
    p.cells = partners
        .iter()
        .flat_map(|pp| {
            cells
                .range((pp.partner, (false, 0))..=(pp.partner, (true, u16::MAX)))
                .map(|(&(partner, k), &outstanding)| PipelineCell {
                    partner,
                    order_year: unkey(k),
                    outstanding,
                })
        })
        .collect();
    p.by_partner = partners;
    sort_and_rank(rel, &mut p.unknown_size, |d| {
        (d.partner, f64::from(d.order_year.unwrap_or(0)))
    });
}

impl Pipeline {
    /// The caveats every presentation of this pipeline must show.
    pub fn caveats(&self) -> Vec<String> {
        let mut c = vec![
            "Order values are SIPRI estimates: number ordered x TIV per unit. TIV measures \
             military capability transferred, not money; deals are revised as they progress."
                .to_string(),
            "Outstanding = TIV of the whole order minus TIV delivered so far, per deal; options \
             and unannounced orders are not included."
                .to_string(),
        ];
        if !self.unknown_size.is_empty() {
            c.push(format!(
                "{} deal(s) with the number ordered not yet known are listed but not in the total.",
                self.unknown_size.len()
            ));
        }
        let pct = |x: f64| 100.0 * ratio(x, self.total);
        if self.estimated_number_tiv > 0.0 {
            c.push(format!(
                "{:.0}% of the outstanding TIV rests on an estimated number ordered.",
                pct(self.estimated_number_tiv)
            ));
        }
        if self.estimated_order_year_tiv > 0.0 {
            c.push(format!(
                "{:.0}% of the outstanding TIV has an estimated order year.",
                pct(self.estimated_order_year_tiv)
            ));
        }
        if self.stale_tiv > 0.0 {
            c.push(format!(
                "{:.1} TIV is in deals with no delivery in the last {STALE_YEARS} years: \
                 possibly finished short or cancelled.",
                self.stale_tiv
            ));
        }
        if self.complete > 0 {
            c.push(format!(
                "{} deal(s) delivered in full are not in the pipeline.",
                self.complete
            ));
        }
        c
    }
}

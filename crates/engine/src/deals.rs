//! The deals behind a country's transfers in a window: the register rows a
//! reader quotes ("Su-30SM, ordered 2015, delivered 2018-2021"), each with
//! the TIV it contributes to the selection.

use crate::filter::{Direction, Filter, Selected};
use model::{EntityId, NO_DEAL, Release};
use std::collections::HashMap;

/// One deal's part of the selection.
#[derive(Debug, Clone, PartialEq)]
pub struct DealShare {
    /// Index into [`Release::deals`].
    pub deal: usize,
    /// TIV of the deal's flows in the selection.
    pub tiv: f64,
    /// Part of `tiv` resting on estimates (as [`Filter::estimate_mask`] defines).
    pub estimated_tiv: f64,
    /// Delivery years of those flows, ascending.
    pub years: Vec<u16>,
}

/// The deals in a selection, largest first, and what no deal accounts for.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Deals {
    pub rows: Vec<DealShare>,
    /// Sum of `rows[..].tiv`.
    pub total: f64,
    /// TIV in the selection from sources without deals (TIV tables).
    pub without_deal_tiv: f64,
    /// Order basis: TIV of deals without an order year (not placed, not counted).
    pub undated_tiv: f64,
}

/// Deals where `focus` is the recipient (imports) or supplier (exports),
/// optionally only with `partner` on the other side, within `f`.
pub fn deals(
    rel: &Release,
    focus: EntityId,
    dir: Direction,
    partner: Option<EntityId>,
    f: &Filter,
) -> Deals {
    let fl = &rel.flows;
    let (own, other) = match dir {
        Direction::Imports => (&fl.recipient, &fl.supplier),
        Direction::Exports => (&fl.supplier, &fl.recipient),
    };
    let est = f.estimate_mask();
    let mut out = Deals::default();
    let mut by_deal: HashMap<u32, usize> = HashMap::new();
    for i in 0..fl.len() {
        if own[i] != focus || partner.is_some_and(|p| other[i] != p) {
            continue;
        }
        match f.classify(rel, i) {
            Selected::Out => continue,
            Selected::Undated => {
                out.undated_tiv += fl.tiv[i];
                continue;
            }
            Selected::In => {}
        }
        let d = fl.deal[i];
        if d == NO_DEAL || d as usize >= rel.deals.len() {
            out.without_deal_tiv += fl.tiv[i];
            continue;
        }
        let k = *by_deal.entry(d).or_insert_with(|| {
            out.rows.push(DealShare {
                deal: d as usize,
                tiv: 0.0,
                estimated_tiv: 0.0,
                years: Vec::new(),
            });
            out.rows.len() - 1
        });
        let row = &mut out.rows[k];
        row.tiv += fl.tiv[i];
        if fl.flags[i] & est != 0 {
            row.estimated_tiv += fl.tiv[i];
        }
        if !row.years.contains(&fl.year[i]) {
            row.years.push(fl.year[i]);
        }
    }
    for r in &mut out.rows {
        r.years.sort_unstable();
    }
    out.rows
        .sort_by(|a, b| b.tiv.total_cmp(&a.tiv).then(a.deal.cmp(&b.deal)));
    out.total = out.rows.iter().map(|r| r.tiv).sum();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::ReleaseBuilder;
    use model::{Category, Flags, Window};

    #[test]
    fn hand_computed_deals() {
        let mut b = ReleaseBuilder::new();
        let (rus, kaz, fra) = (
            b.state("RUS", "Russia"),
            b.state("KAZ", "Kazakhstan"),
            b.state("FRA", "France"),
        );
        let big = b.deal(rus, kaz, Some(2015));
        let small = b.deal(fra, kaz, Some(2021));
        let air = Category::Aircraft;
        b.flow_full(rus, kaz, 2019, 100.0, air, 0, big)
            .flow_full(rus, kaz, 2020, 60.25, air, Flags::EST_NUMBER, big)
            .flow_full(rus, kaz, 2022, 40.0, air, 0, big)
            .flow_full(fra, kaz, 2021, 30.5, Category::Ships, 0, small)
            .flow(rus, kaz, 2021, 7.0) // no deal (a TIV-table row)
            .flow_full(kaz, rus, 2021, 5.0, air, 0, NO_DEAL);
        let rel = b.build();
        let f = Filter::new(Window {
            start: 2020,
            end: 2024,
        });
        let d = deals(&rel, kaz, Direction::Imports, None, &f);
        assert_eq!(d.rows.len(), 2);
        assert_eq!(d.rows[0].deal, big as usize);
        assert!((d.rows[0].tiv - 100.25).abs() < 1e-9);
        assert!((d.rows[0].estimated_tiv - 60.25).abs() < 1e-9);
        assert_eq!(d.rows[0].years, vec![2020, 2022]);
        assert_eq!(d.rows[1].years, vec![2021]);
        assert!((d.total - 130.75).abs() < 1e-9);
        assert!((d.without_deal_tiv - 7.0).abs() < 1e-9);
        let only_fra = deals(&rel, kaz, Direction::Imports, Some(fra), &f);
        assert_eq!(only_fra.rows.len(), 1);
        let ships = deals(
            &rel,
            kaz,
            Direction::Imports,
            None,
            &f.with_category(Some(Category::Ships)),
        );
        assert_eq!(ships.rows.len(), 1);
        let exports = deals(&rel, rus, Direction::Exports, None, &f);
        assert_eq!(exports.rows.len(), 1);
        // Order basis: the big deal (ordered 2015) falls outside 2020-2024.
        let by_order = deals(
            &rel,
            kaz,
            Direction::Imports,
            None,
            &f.with_basis(crate::Basis::Order),
        );
        assert_eq!(by_order.rows.len(), 1);
        assert_eq!(by_order.rows[0].deal, small as usize);
    }
}

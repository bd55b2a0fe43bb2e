//! The deals behind a country's transfers in a window: the register rows a
//! reader quotes ("Su-30SM, ordered 2015, delivered 2018-2021"), each with
//! the TIV it contributes to the selection.

use crate::filter::{Direction, Filter, Selected};
use model::{Category, EntityId, NO_DEAL, Release, Window};
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

/// A search over every deal of a release (the deals explorer). Each field
/// narrows; `None` does not filter.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DealQuery {
    pub supplier: Option<EntityId>,
    pub recipient: Option<EntityId>,
    pub category: Option<Category>,
    /// A deal matches when it was ordered in the window or delivered in it.
    pub years: Option<Window>,
    /// SIPRI's status (`New`, `Second hand`, ...), compared as [`normalize`]d.
    pub status: Option<String>,
    /// Searched in designation and description, as [`normalize`]d, so that
    /// "Su-30", "su 30" and "SU30" all find "Su-30MK".
    pub text: Option<String>,
}

/// Lowercase letters and digits only: case, hyphens, spaces and other
/// punctuation do not separate a search from a designation.
pub fn normalize(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Indexes into [`Release::deals`] of the deals matching `q`: newest order
/// year first (undated orders last), then by SIPRI id and position.
pub fn search(rel: &Release, q: &DealQuery) -> Vec<usize> {
    let text = q.text.as_deref().map(normalize).filter(|t| !t.is_empty());
    let status = q.status.as_deref().map(normalize);
    let mut out: Vec<usize> = rel
        .deals
        .iter()
        .enumerate()
        .filter(|(_, d)| {
            q.supplier.is_none_or(|s| d.supplier == s)
                && q.recipient.is_none_or(|r| d.recipient == r)
                && q.category
                    .is_none_or(|c| Category::from_u8(d.category) == c)
                && q.years.is_none_or(|w| {
                    d.order_year.is_some_and(|y| w.contains(y))
                        || d.delivery_years.iter().any(|&y| w.contains(y))
                })
                && status.as_ref().is_none_or(|s| normalize(&d.status) == *s)
                && text.as_ref().is_none_or(|t| {
                    normalize(&d.designation).contains(t.as_str())
                        || normalize(&d.description).contains(t.as_str())
                })
        })
        .map(|(i, _)| i)
        .collect();
    out.sort_by(|&a, &b| {
        let (da, db) = (&rel.deals[a], &rel.deals[b]);
        db.order_year
            .cmp(&da.order_year)
            .then(da.sipri_id.cmp(&db.sipri_id))
            .then(a.cmp(&b))
    });
    out
}

/// The TIV each of `deals` (indexes into [`Release::deals`]) delivered in
/// `window`, by delivery year: the part of the deal a window holds, where
/// [`model::Deal::tiv_delivered`] is its whole delivered TIV. The same
/// selection as [`deals`] by delivery year (its `tiv`), so the deals API and
/// the CLI's "TIV in window" agree, and a recipient's sum is its imports
/// total (regression: `/api/deals?years=2020-2024` gave Kazakhstan's deals
/// 1,556.33 TIV of whole-deal values under the window's label; its
/// 2020-2024 imports are 1,328.98).
pub fn tiv_in_window(rel: &Release, deals: &[usize], window: Window) -> Vec<f64> {
    let at: HashMap<usize, usize> = deals.iter().enumerate().map(|(k, &d)| (d, k)).collect();
    let f = Filter::new(window);
    let mut out = vec![0.0; deals.len()];
    for (i, &d) in rel.flows.deal.iter().enumerate() {
        if d == NO_DEAL {
            continue;
        }
        if let Some(&k) = at.get(&(d as usize))
            && f.classify(rel, i) == Selected::In
        {
            out[k] += rel.flows.tiv[i];
        }
    }
    out
}

/// The flags of each deal's delivery rows, OR-ed (indexed like `deals`):
/// a deal's delivery years are "estimated" when SIPRI estimated any of them.
pub fn delivery_flags(rel: &Release, deals: &[usize]) -> Vec<u16> {
    let at: HashMap<usize, usize> = deals.iter().enumerate().map(|(k, &d)| (d, k)).collect();
    let mut out = vec![0u16; deals.len()];
    for (i, &d) in rel.flows.deal.iter().enumerate() {
        if let Some(&k) = at.get(&(d as usize)) {
            out[k] |= rel.flows.flags[i];
        }
    }
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

    #[test]
    fn search_normalizes_and_filters() {
        let mut b = ReleaseBuilder::new();
        let (rus, kaz, fra) = (
            b.state("RUS", "Russia"),
            b.state("KAZ", "Kazakhstan"),
            b.state("FRA", "France"),
        );
        let a = b.deal(rus, kaz, Some(2015));
        let c = b.deal(rus, kaz, Some(2020));
        let d = b.deal(fra, kaz, Some(2021));
        let mut rel = b.build();
        rel.deals[a as usize].designation = "Su-30MK".into();
        rel.deals[a as usize].delivery_years = vec![2015, 2016];
        rel.deals[a as usize].status = "New".into();
        rel.deals[c as usize].designation = "SU 30SM".into();
        rel.deals[c as usize].status = "Second hand".into();
        rel.deals[d as usize].designation = "H225M".into();
        rel.deals[d as usize].description = "Su-30 lookalike".into();
        let q = |text: &str| DealQuery {
            text: Some(text.into()),
            recipient: Some(kaz),
            ..Default::default()
        };
        assert_eq!(
            search(&rel, &q("Su-30")),
            vec![d as usize, c as usize, a as usize]
        );
        assert_eq!(search(&rel, &q("su30mk")), vec![a as usize]);
        let only_rus = DealQuery {
            supplier: Some(rus),
            ..q("su 30")
        };
        assert_eq!(search(&rel, &only_rus), vec![c as usize, a as usize]);
        let years = DealQuery {
            years: Some(Window {
                start: 2016,
                end: 2016,
            }),
            ..Default::default()
        };
        assert_eq!(search(&rel, &years), vec![a as usize]);
        let status = DealQuery {
            status: Some("second-hand".into()),
            ..Default::default()
        };
        assert_eq!(search(&rel, &status), vec![c as usize]);
        assert!(
            search(
                &rel,
                &DealQuery {
                    supplier: Some(kaz),
                    ..Default::default()
                }
            )
            .is_empty()
        );
    }

    #[test]
    fn tiv_in_window_is_the_deals_part_delivered_in_it() {
        let mut b = ReleaseBuilder::new();
        let (rus, kaz) = (b.state("RUS", "Russia"), b.state("KAZ", "Kazakhstan"));
        let a = b.deal(rus, kaz, Some(2018));
        let c = b.deal(rus, kaz, Some(2023));
        let air = Category::Aircraft;
        b.flow_full(rus, kaz, 2019, 220.0, air, 0, a)
            .flow_full(rus, kaz, 2020, 220.0, air, 0, a)
            .flow_full(rus, kaz, 2022, 110.0, air, 0, a)
            .flow_full(rus, kaz, 2025, 5.0, air, 0, c);
        let rel = b.build();
        let w = Window {
            start: 2020,
            end: 2024,
        };
        let got = tiv_in_window(&rel, &[c as usize, a as usize], w);
        assert_eq!(got, vec![0.0, 330.0]);
        // The same figure as the CLI's deals table.
        let d = deals(&rel, kaz, Direction::Imports, None, &Filter::new(w));
        assert_eq!(d.rows[0].tiv, got[1]);
    }

    #[test]
    fn delivery_flags_or_each_deals_rows() {
        let mut b = ReleaseBuilder::new();
        let (rus, kaz) = (b.state("RUS", "Russia"), b.state("KAZ", "Kazakhstan"));
        let a = b.deal(rus, kaz, Some(2015));
        let c = b.deal(rus, kaz, Some(2016));
        let air = Category::Aircraft;
        b.flow_full(rus, kaz, 2019, 1.0, air, Flags::EST_YEAR, a)
            .flow_full(rus, kaz, 2020, 1.0, air, Flags::EST_NUMBER, a)
            .flow_full(rus, kaz, 2020, 1.0, air, 0, c);
        let rel = b.build();
        let f = delivery_flags(&rel, &[c as usize, a as usize]);
        assert_eq!(f, vec![0, Flags::EST_YEAR | Flags::EST_NUMBER]);
    }
}

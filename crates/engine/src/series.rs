//! Year by year: TIV per partner per year for one country, the table behind
//! an annual chart. Years with nothing delivered are zeros, not gaps, so a
//! reader sees "0 in 2022" rather than a missing year.

use crate::filter::{Direction, Filter, Selected};
use model::{EntityId, Release, Window};
use std::collections::HashMap;

/// One partner's TIV in each year of the window.
#[derive(Debug, Clone, PartialEq)]
pub struct PartnerYears {
    pub entity: EntityId,
    /// One value per year of [`Annual::years`].
    pub tiv: Vec<f64>,
    /// Sum of `tiv`.
    pub total: f64,
}

/// TIV per partner per year; partners largest total first.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Annual {
    pub years: Vec<u16>,
    pub partners: Vec<PartnerYears>,
    /// All partners, per year.
    pub totals: Vec<f64>,
    /// Order basis: TIV of flows without an order year (counted, not placed).
    pub undated_tiv: f64,
}

/// `focus`'s imports by supplier (or exports by recipient) in each year of
/// `f.window`, within `f`'s category and basis.
pub fn annual(rel: &Release, focus: EntityId, dir: Direction, f: &Filter) -> Annual {
    let fl = &rel.flows;
    let (own, other) = match dir {
        Direction::Imports => (&fl.recipient, &fl.supplier),
        Direction::Exports => (&fl.supplier, &fl.recipient),
    };
    let years: Vec<u16> = (f.window.start..=f.window.end).collect();
    let mut out = Annual {
        totals: vec![0.0; years.len()],
        years,
        ..Default::default()
    };
    let mut at: HashMap<EntityId, usize> = HashMap::new();
    for i in 0..fl.len() {
        if own[i] != focus {
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
        let Some(y) = f.year_of(rel, i) else { continue };
        let col = (y - f.window.start) as usize;
        let n = out.years.len();
        let k = *at.entry(other[i]).or_insert_with(|| {
            out.partners.push(PartnerYears {
                entity: other[i],
                tiv: vec![0.0; n],
                total: 0.0,
            });
            out.partners.len() - 1
        });
        out.partners[k].tiv[col] += fl.tiv[i];
        out.partners[k].total += fl.tiv[i];
        out.totals[col] += fl.tiv[i];
    }
    out.partners
        .sort_by(|a, b| b.total.total_cmp(&a.total).then(a.entity.cmp(&b.entity)));
    out
}

/// The first and last part of a window, for "how shares moved within it":
/// its halves, the middle year of an odd-length window left out (2020-2024
/// gives 2020-2021 and 2023-2024). `None` for a single year.
pub fn halves(w: Window) -> Option<(Window, Window)> {
    let n = w.len();
    if n < 2 {
        return None;
    }
    let k = n / 2;
    Some((
        Window {
            start: w.start,
            end: w.start + k - 1,
        },
        Window {
            start: w.end + 1 - k,
            end: w.end,
        },
    ))
}

impl Annual {
    /// The focus's total TIV in the years of `sub` that the series holds.
    pub fn total_in(&self, sub: Window) -> f64 {
        self.years
            .iter()
            .zip(&self.totals)
            .filter(|(y, _)| sub.contains(**y))
            .map(|(_, t)| t)
            .sum()
    }

    /// Partner `k`'s share of the focus's total within `sub`; `None` when
    /// nothing was delivered in it (a share of nothing is not 0 %).
    pub fn share_in(&self, k: usize, sub: Window) -> Option<f64> {
        let total = self.total_in(sub);
        if total <= 0.0 {
            return None;
        }
        let p = self.partners.get(k)?;
        let own: f64 = self
            .years
            .iter()
            .zip(&p.tiv)
            .filter(|(y, _)| sub.contains(**y))
            .map(|(_, t)| t)
            .sum();
        Some(own / total)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::ReleaseBuilder;
    use model::{Category, Window};

    #[test]
    fn hand_computed_annual() {
        let mut b = ReleaseBuilder::new();
        let (rus, kaz, fra) = (
            b.state("RUS", "Russia"),
            b.state("KAZ", "Kazakhstan"),
            b.state("FRA", "France"),
        );
        b.flow(rus, kaz, 2020, 10.0)
            .flow(rus, kaz, 2020, 2.5)
            .flow(rus, kaz, 2022, 4.0)
            .flow(fra, kaz, 2021, 30.0)
            .flow(rus, kaz, 2019, 99.0)
            .flow(kaz, rus, 2021, 5.0);
        let rel = b.build();
        let f = Filter::new(Window {
            start: 2020,
            end: 2022,
        });
        let a = annual(&rel, kaz, Direction::Imports, &f);
        assert_eq!(a.years, vec![2020, 2021, 2022]);
        assert_eq!(a.partners.len(), 2);
        assert_eq!(a.partners[0].entity, fra);
        assert_eq!(a.partners[0].tiv, vec![0.0, 30.0, 0.0]);
        assert_eq!(a.partners[1].tiv, vec![12.5, 0.0, 4.0]);
        assert_eq!(a.totals, vec![12.5, 30.0, 4.0]);
        let ex = annual(&rel, kaz, Direction::Exports, &f);
        assert_eq!(ex.partners[0].tiv, vec![0.0, 5.0, 0.0]);
        let ships = annual(
            &rel,
            kaz,
            Direction::Imports,
            &f.with_category(Some(Category::Ships)),
        );
        assert!(ships.partners.is_empty());
    }

    #[test]
    fn halves_leave_out_the_middle_year() {
        let w = |a, b| Window { start: a, end: b };
        assert_eq!(halves(w(2020, 2024)), Some((w(2020, 2021), w(2023, 2024))));
        assert_eq!(halves(w(2020, 2023)), Some((w(2020, 2021), w(2022, 2023))));
        assert_eq!(halves(w(2020, 2021)), Some((w(2020, 2020), w(2021, 2021))));
        assert_eq!(halves(w(2020, 2020)), None);
    }

    #[test]
    fn shares_within_parts_of_the_window() {
        let mut b = ReleaseBuilder::new();
        let (rus, kaz, fra) = (
            b.state("RUS", "Russia"),
            b.state("KAZ", "Kazakhstan"),
            b.state("FRA", "France"),
        );
        b.flow(rus, kaz, 2020, 30.0)
            .flow(fra, kaz, 2020, 10.0)
            .flow(rus, kaz, 2023, 5.0)
            .flow(fra, kaz, 2024, 15.0);
        let rel = b.build();
        let w = Window {
            start: 2020,
            end: 2024,
        };
        let a = annual(&rel, kaz, Direction::Imports, &Filter::new(w));
        let (first, last) = halves(w).unwrap();
        let k = a.partners.iter().position(|p| p.entity == rus).unwrap();
        assert_eq!(a.total_in(first), 40.0);
        assert_eq!(a.share_in(k, first), Some(0.75));
        assert_eq!(a.share_in(k, last), Some(0.25));
        // Nothing delivered in 2022: no share, not 0 %.
        let mid = Window {
            start: 2022,
            end: 2022,
        };
        assert_eq!(a.share_in(k, mid), None);
    }
}

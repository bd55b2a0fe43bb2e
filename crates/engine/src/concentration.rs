//! Supplier (or customer) concentration of one focus: HHI, its normalised form,
//! the effective number of partners and concentration ratios.

use serde::Serialize;

/// Concentration of a set of partner values. Shares are taken over the sum of
/// the values passed in, so the caller decides what counts as a partner.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Concentration {
    /// Partners with a positive value.
    pub n: usize,
    /// Herfindahl-Hirschman index on the 0..1 scale: the sum of squared shares.
    pub hhi: f64,
    /// The same on the 0..10,000 scale used by competition authorities.
    pub hhi_10000: f64,
    /// `(HHI - 1/n) / (1 - 1/n)`: 0 for an even split among the n partners,
    /// 1 when one partner has everything. The formula is 0/0 at `n == 1`;
    /// that case is 1 (one partner is all the concentration there can be),
    /// the usual convention; 0 read as "evenly spread" (regression: a
    /// country with a single supplier printed "normalised 0.000").
    pub hhi_normalized: f64,
    /// `1 / HHI`: the number of equal-sized partners that would give this HHI.
    pub n_eff: f64,
    /// Share of the largest partner.
    pub cr1: f64,
    /// Combined share of the three largest partners.
    pub cr3: f64,
}

/// Concentration of `tivs` (non-positive and non-finite values are ignored).
/// `None` when nothing positive remains, so callers never see NaN.
pub fn concentration(tivs: &[f64]) -> Option<Concentration> {
    let mut v: Vec<f64> = tivs
        .iter()
        .copied()
        .filter(|x| x.is_finite() && *x > 0.0)
        .collect();
    let total: f64 = v.iter().sum();
    if v.is_empty() || total <= 0.0 || !total.is_finite() {
        return None;
    }
    v.sort_by(|a, b| b.total_cmp(a));
    let n = v.len();
    let hhi: f64 = v.iter().map(|x| (x / total) * (x / total)).sum();
    // Rounding can push a one-partner HHI a hair above 1 or below 1/n.
    let hhi = hhi.clamp(1.0 / n as f64, 1.0);
    let hhi_normalized = if n == 1 {
        1.0
    } else {
        let inv = 1.0 / n as f64;
        ((hhi - inv) / (1.0 - inv)).clamp(0.0, 1.0)
    };
    let cr = |k: usize| (v.iter().take(k).sum::<f64>() / total).min(1.0);
    Some(Concentration {
        n,
        hhi,
        hhi_10000: hhi * 10_000.0,
        hhi_normalized,
        n_eff: 1.0 / hhi,
        cr1: cr(1),
        cr3: cr(3),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-12
    }

    #[test]
    fn empty_and_zero_are_none() {
        assert!(concentration(&[]).is_none());
        assert!(concentration(&[0.0, 0.0]).is_none());
        assert!(concentration(&[f64::NAN]).is_none());
    }

    #[test]
    fn single_partner() {
        let c = concentration(&[5.0]).unwrap();
        assert_eq!(c.n, 1);
        assert!(close(c.hhi, 1.0) && close(c.n_eff, 1.0) && close(c.cr1, 1.0));
        assert_eq!(c.hhi_normalized, 1.0);
        assert!(close(c.hhi_10000, 10_000.0));
    }

    #[test]
    fn hand_computed() {
        // shares 0.5, 0.3, 0.2 → HHI = 0.25 + 0.09 + 0.04 = 0.38
        let c = concentration(&[3.0, 5.0, 2.0, 0.0]).unwrap();
        assert_eq!(c.n, 3);
        assert!(close(c.hhi, 0.38));
        assert!(close(c.hhi_10000, 3800.0));
        assert!(close(c.n_eff, 1.0 / 0.38));
        assert!(close(c.cr1, 0.5));
        assert!(close(c.cr3, 1.0));
        // (0.38 - 1/3) / (2/3) = 0.07
        assert!(close(c.hhi_normalized, 0.07));
    }

    #[test]
    fn even_split_is_minimal() {
        let c = concentration(&[1.0; 4]).unwrap();
        assert!(close(c.hhi, 0.25) && close(c.n_eff, 4.0) && close(c.hhi_normalized, 0.0));
        assert!(close(c.cr3, 0.75));
    }
}

//! Checks between a row's own cells that SIPRI's files always pass but an
//! edited or damaged copy may not. They warn (the values as written are
//! what SIPRI sums); rejections are the readers' (`register`, `legacy`).

use crate::builder::Builder;

/// A current-register row's TIV identity, for [`Builder::check_product`].
pub(crate) const REGISTER_PRODUCT: [&str; 3] =
    ["Numbers delivered", "TIV deal unit", "TIV delivery values"];

/// A current-register row (one deal's deliveries in one year) above this
/// TIV is beyond anything SIPRI has recorded: the largest in the 2025 and
/// 2026 registers is 1,950, and no year's world total reaches 34,000. One
/// row scaled by 1,000 with its unit value, so that units × unit still
/// holds, made Russia 77 % of world exports with no word (hostile-files
/// probe 5).
pub const OUTSIZED_ROW_TIV: f64 = 10_000.0;

impl Builder {
    /// Warns of a TIV that is not the number of units times the TIV per unit
    /// (`cols` names the three columns). SIPRI computes the one from the
    /// other two and rounds both TIVs to two decimals, so a gap beyond that
    /// rounding (0.005 a unit, 0.005 on the total; none in SIPRI's 2025 and
    /// 2026 registers) means an edited or damaged file. The value as written
    /// is what is summed, as SIPRI sums it; the warning says it may be wrong.
    pub fn check_product(
        &mut self,
        line: u64,
        cols: [&str; 3],
        units: Option<u32>,
        unit: Option<f64>,
        tiv: Option<f64>,
    ) {
        // One of the three empty where the other two say there is a value
        // (none in SIPRI's 2025 and 2026 registers): an empty TIV counts 0
        // (regression: a legacy row's emptied "TIV of delivered weapons"
        // dropped 2.8 TIV without a word, though `0` warned), and an empty
        // unit count leaves the TIV unchecked.
        match (units, unit, tiv) {
            (Some(n), Some(u), None) if n > 0 && u > 0.0 => {
                self.inconsistent_tiv += 1;
                self.warn(format!(
                    "line {line}: {} is empty though {} is {n} and {} {u}; 0 TIV is counted",
                    cols[2], cols[0], cols[1]
                ));
                return;
            }
            (None, Some(u), Some(v)) if u > 0.0 && v > 0.0 => {
                self.warn(format!(
                    "line {line}: {} is empty, so {} {v} cannot be checked against it; \
                     the value as written is used",
                    cols[0], cols[2]
                ));
                return;
            }
            _ => {}
        }
        if cols == REGISTER_PRODUCT
            && let Some(v) = tiv
            && v > OUTSIZED_ROW_TIV
        {
            self.outsized_tiv += 1;
            self.warn(format!(
                "line {line}: {} {v} is over {OUTSIZED_ROW_TIV} TIV, more than SIPRI has \
                 recorded for one deal in one year (at most 1,950 in its 2025 and 2026 \
                 registers); the value as written is used",
                cols[2]
            ));
        }
        let (Some(n), Some(u), Some(v)) = (units, unit, tiv) else {
            return;
        };
        let n = f64::from(n);
        let product = n * u;
        if (v - product).abs() > n * 0.005 + 0.005 + 1e-9 * v.abs().max(1.0) {
            self.inconsistent_tiv += 1;
            self.warn(format!(
                "line {line}: {} {v} is not {} × {} ({n} × {u} = {product:.2}); \
                 the value as written is used",
                cols[2], cols[0], cols[1]
            ));
        }
    }

    /// Warns of a delivery dated before its order (none in SIPRI's 2025 and
    /// 2026 registers): a swapped or mistyped year, which would move the
    /// row's TIV to another window. The years as written are kept.
    pub fn check_order(&mut self, line: u64, order: Option<u16>, delivery: Option<u16>) {
        if let (Some(o), Some(d)) = (order, delivery)
            && d < o
        {
            self.warn(format!(
                "line {line}: delivery year {d} is before the order date {o}; \
                 the years as written are used"
            ));
        }
    }
}

//! Checks between a row's own cells that SIPRI's files always pass but an
//! edited or damaged copy may not. They warn (the values as written are
//! what SIPRI sums); rejections are the readers' (`register`, `legacy`).

use crate::builder::{Builder, RowWarned};

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
        let before = self.counts();
        self.product(line, cols, (units, unit, tiv));
        self.note_row(line, before);
    }

    fn product(
        &mut self,
        line: u64,
        cols: [&str; 3],
        values: (Option<u32>, Option<f64>, Option<f64>),
    ) {
        let (units, unit, tiv) = values;
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
            let before = self.counts();
            self.warn(format!(
                "line {line}: delivery year {d} is before the order date {o}; \
                 the years as written are used"
            ));
            self.note_row(line, before);
        }
    }

    /// (warnings shown, suppressed, inconsistent rows, outsized rows).
    fn counts(&self) -> (usize, u64, u64, u64) {
        (
            self.report.warnings.len(),
            self.suppressed_warnings,
            self.inconsistent_tiv,
            self.outsized_tiv,
        )
    }

    /// Records what a check of `line` added since `before`, if anything.
    fn note_row(&mut self, line: u64, before: (usize, u64, u64, u64)) {
        let now = self.counts();
        if now != before {
            self.row_warned.push(RowWarned {
                line,
                shown: (now.0 - before.0) as u32,
                suppressed: now.1 - before.1,
                inconsistent: now.2 - before.2,
                outsized: now.3 - before.3,
            });
        }
    }

    /// Takes back the warnings and counts of rows rejected after their
    /// checks ran. Both readers check a row before they can know that a
    /// later row of its deal contradicts it, and both take the warnings
    /// back here, at the finish, so their reports stay the same.
    pub(crate) fn take_back_warnings(&mut self) {
        if self.taken_back.is_empty() || self.row_warned.is_empty() {
            return;
        }
        let mut lines = std::mem::take(&mut self.taken_back);
        lines.sort_unstable();
        lines.dedup();
        let warned = std::mem::take(&mut self.row_warned);
        for w in warned
            .iter()
            .filter(|w| lines.binary_search(&w.line).is_ok())
        {
            let prefix = format!("line {}: ", w.line);
            let mut left = w.shown;
            self.report.warnings.retain(|m| {
                let drop = left > 0 && m.starts_with(&prefix);
                if drop {
                    left -= 1;
                }
                !drop
            });
            self.suppressed_warnings -= w.suppressed;
            self.inconsistent_tiv -= w.inconsistent;
            self.outsized_tiv -= w.outsized;
        }
    }
}

//! A one-pass parse of a plainly well-formed current-register row.
//!
//! [`crate::register::parse_row`] defines what a row means: it splits the
//! line into cells, trims each and parses it with the general number and
//! year readers, which also explain every kind of bad cell. That is a third
//! of an import's parsing work, and almost every row of a SIPRI file needs
//! none of its generality. [`row`] reads such a row in one pass over its
//! bytes, parsing numbers as it meets their digits, and accepts only a strict
//! subset of what `parse_row` accepts: cells without surrounding blanks,
//! plain digits, `Yes`/`No`/empty flags, SIPRI's exact category names. For
//! anything else it returns `None` and the caller takes the general path, so
//! errors and unusual cells are always explained by `parse_row`.
//!
//! The two must agree wherever `row` answers; the property tests below
//! compare them on generated rows mixing good and bad cells, and the
//! fuzz target on arbitrary input (`fuzz/src/lib.rs`).

use crate::builder::decimal;
use crate::register::{Row, exact_category};
use model::{MAX_UNITS, plausible_tiv};

/// The row that the cells of `line` (one data line, its `;` stripped)
/// parse to, with its Supplier and Recipient cells, when the row is plainly
/// well formed; `None` when `parse_row` must decide.
pub(crate) fn row(line: &str) -> Option<(Row<'_>, &str, &str)> {
    let mut c = Cur { s: line, at: 0 };
    let id = c.int(19)?;
    let sup = c.name()?;
    let rec = c.name()?;
    // One party on both sides is an error: `parse_row` explains it.
    if sup.trim_end().eq_ignore_ascii_case(rec.trim_end()) {
        return None;
    }
    let designation = c.text()?;
    let description = c.text()?;
    let category = exact_category(c.text()?)?;
    let order_year = c.opt_year()?;
    let order_est = c.flag()?;
    let units = match c.opt_int(8)? {
        Some(n) if n > u64::from(MAX_UNITS) => return None,
        n => n.map(|n| n as u32),
    };
    let units_est = c.flag()?;
    let year = c.opt_year()??;
    let year_est = c.flag()?;
    let status = c.text()?;
    // Anything but SIPRI's exact spellings: `parse_row` decides.
    if !status.is_empty() && !crate::register::STATUSES.contains(&status) {
        return None;
    }
    let tiv_unit_new = c.opt_tiv()?;
    let tiv_unit = c.opt_tiv()?;
    let tiv = c.opt_tiv()??;
    let local = c.last_flag()?;
    let row = Row {
        id,
        texts: [designation, description, status],
        category,
        order_year,
        order_est,
        units,
        units_est,
        year,
        year_est,
        tiv_unit_new,
        tiv_unit,
        tiv,
        local,
    };
    Some((row, sup, rec))
}

/// Whether [`row`] and the general path agree on `line` (a data line): `row`
/// declines, or both read the same row and names. For the fuzz target.
pub(crate) fn agrees(line: &str) -> bool {
    let Some(fast) = row(line) else {
        return true;
    };
    let mut f = [""; 17];
    if crate::text::split_cells(line, &mut f) != Ok(17) {
        return false;
    }
    let Ok(slow) = crate::register::parse_row(&f) else {
        return false;
    };
    let bits = |r: &Row| [r.tiv_unit_new, r.tiv_unit, Some(r.tiv)].map(|v| v.map(f64::to_bits));
    format!("{:?}", fast.0) == format!("{slow:?}")
        && bits(&fast.0) == bits(&slow)
        && [fast.1, fast.2] == [f[1], f[2]]
}

/// A position in a line; every method reads one cell and its comma.
struct Cur<'a> {
    s: &'a str,
    at: usize,
}

impl<'a> Cur<'a> {
    fn bytes(&self) -> &'a [u8] {
        &self.s.as_bytes()[self.at.min(self.s.len())..]
    }

    /// Ends a cell of `len` bytes: a comma must follow.
    fn comma(&mut self, len: usize) -> Option<()> {
        (self.bytes().get(len) == Some(&b',')).then(|| self.at += len + 1)
    }

    /// A cell of any text up to the next comma.
    fn text(&mut self) -> Option<&'a str> {
        let len = crate::text::find_comma(self.bytes())?;
        let cell = &self.s[self.at..self.at + len];
        // A quoted cell is read by the general path (`text::split_cells`).
        if cell.as_bytes().first() == Some(&b'"') {
            return None;
        }
        self.at += len + 1;
        Some(cell)
    }

    /// A party's name, as written (it is its own key on both paths): its
    /// first byte visible ASCII, so that it cannot trim to nothing.
    fn name(&mut self) -> Option<&'a str> {
        let cell = self.text()?;
        cell.as_bytes()
            .first()
            .is_some_and(u8::is_ascii_graphic)
            .then_some(cell)
    }

    /// Up to `max` digits (at least one) and their value.
    fn digits(&self, max: usize) -> Option<(u64, usize)> {
        let b = self.bytes();
        let (mut v, mut n) = (0u64, 0usize);
        while let Some(&c) = b.get(n) {
            let d = c.wrapping_sub(b'0');
            if d > 9 {
                break;
            }
            if n == max {
                return None;
            }
            v = v * 10 + u64::from(d);
            n += 1;
        }
        (n > 0).then_some((v, n))
    }

    fn int(&mut self, max: usize) -> Option<u64> {
        let (v, n) = self.digits(max)?;
        self.comma(n)?;
        Some(v)
    }

    /// An empty cell (`Some(None)`) or up to `max` digits.
    fn opt_int(&mut self, max: usize) -> Option<Option<u64>> {
        if self.comma(0).is_some() {
            return Some(None);
        }
        self.int(max).map(Some)
    }

    /// An empty cell or a year in 1900..=2100 written with four digits.
    fn opt_year(&mut self) -> Option<Option<u16>> {
        if self.comma(0).is_some() {
            return Some(None);
        }
        let (y, n) = self.digits(4)?;
        if n != 4 || !(1900..=2100).contains(&y) {
            return None;
        }
        self.comma(4)?;
        Some(Some(y as u16))
    }

    /// `Yes`, `No` or empty, then a comma.
    fn flag(&mut self) -> Option<Option<bool>> {
        let b = self.bytes();
        let (v, len) = if b.starts_with(b"Yes,") {
            (Some(true), 3)
        } else if b.starts_with(b"No,") {
            (Some(false), 2)
        } else {
            (None, 0)
        };
        self.comma(len)?;
        Some(v)
    }

    /// The last cell: `Yes`, `No` or empty, and nothing after it.
    fn last_flag(&mut self) -> Option<Option<bool>> {
        match self.bytes() {
            b"Yes" => Some(Some(true)),
            b"No" => Some(Some(false)),
            b"" => Some(None),
            _ => None,
        }
    }

    /// An empty cell, or a TIV written `digits` or `digits.digits` with at
    /// most 15 digits in all (exact in an f64, as in `builder::parse_f64`).
    fn opt_tiv(&mut self) -> Option<Option<f64>> {
        if self.comma(0).is_some() {
            return Some(None);
        }
        let (int, n) = self.digits(15)?;
        let (v, len) = if self.bytes().get(n) == Some(&b'.') {
            let frac = Cur {
                s: self.s,
                at: self.at + n + 1,
            };
            let (f, k) = frac.digits(15 - n)?;
            // Three decimals may be a thousands dot ("1.250"): the general
            // path decides (`builder::cells::thousands_dot`).
            if k == 3 && (1..=3).contains(&n) && self.bytes().first() != Some(&b'0') {
                return None;
            }
            (decimal(int * 10u64.pow(k as u32) + f, k), n + 1 + k)
        } else {
            (int as f64, n)
        };
        if !plausible_tiv(v) {
            return None;
        }
        self.comma(len)?;
        Some(Some(v))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::register::parse_row;
    use crate::text::split_cells;
    use proptest::prelude::*;

    /// What the general path makes of `line`: the row and its two name cells.
    fn general(line: &str) -> Option<(Row<'_>, &str, &str)> {
        let mut f = [""; 17];
        if split_cells(line, &mut f) != Ok(17) {
            return None;
        }
        parse_row(&f).ok().map(|r| (r, f[1], f[2]))
    }

    fn same(line: &str) -> Result<(), TestCaseError> {
        prop_assert!(
            agrees(line),
            "{:?}: fast {:?}, general {:?}",
            line,
            row(line),
            general(line)
        );
        Ok(())
    }

    #[test]
    fn typical_rows_take_the_fast_path() {
        for line in [
            "55238,Albania,Burkina Faso,PM-43 120mm,mortar,Artillery,2011,Yes,12,No,2011,No,Second hand,0.25,0.1,1.2,No",
            "60797,Argentina,Uruguay,Pucara,ground-attack aircraft,Aircraft,2002,No,1,No,2002,No,Second hand,5,2,2,No",
            "1,A,B,,,Ships,,,,,2020,,,,,0,",
            "7,Soviet Union,Libya** ,x,y,Missiles,1980,No,,Yes,1981,No,New,,,123456.345,Yes",
        ] {
            assert!(row(line).is_some(), "{line}");
            same(line).unwrap();
        }
    }

    #[test]
    fn unusual_cells_go_to_the_general_path() {
        for line in [
            "1, A,B,,,Ships,,,,,2020,,,,,0,",        // blank before a name
            "1,A,B,,,ships,,,,,2020,,,,,0,",         // lenient category
            "1,A,B,,,Ships,,yes,,,2020,,,,,0,",      // lower-case flag
            "1,A,B,,,Ships,,,,,2020,,,,,1e3,",       // exponent
            "1,A,B,,,Ships,,,,,2020,,,,,.5,",        // no integer part
            "1,A,B,,,Ships,,,,,2020,,,,,5.,",        // no fraction
            "1,A,B,,,Ships,,,,,1899,,,,,0,",         // impossible year
            "1,A,B,,,Ships,,,,,2020,,,,,0,,",        // 18 fields
            "1,A,B,,,Ships,,,,,2020,,,,,0",          // 16 fields
            "1,A,B,,,Ships,,,,,2020,,,,, 0,",        // blank before a number
            "1,A,B,,,Ships,,,99999999,,2020,,,,,0,", // more units than the limit
            "1,A,B,,,Ships,,,,,2020,,,,,1000001,",   // TIV above the limit
            "1,A,B,,,Ships,,,,,2020,,,,,0,Maybe",    // bad flag
            "x,A,B,,,Ships,,,,,2020,,,,,0,",         // bad id
            "1,\"A\",B,,,Ships,,,,,2020,,,,,0,",     // a quoted name
            "1,A,B,\"x\",,Ships,,,,,2020,,,,,0,",    // a quoted text
            "1,A,B,x,,\"Ships\",,,,,2020,,,,,0,",    // a quoted category
        ] {
            assert!(row(line).is_none(), "{line}");
            same(line).unwrap();
        }
    }

    fn cell(good: &'static [&'static str], bad: &'static [&'static str]) -> BoxedStrategy<String> {
        prop_oneof![
            4 => proptest::sample::select(good).prop_map(String::from),
            1 => proptest::sample::select(bad).prop_map(String::from),
            1 => "[ -~]{0,6}",
        ]
        .boxed()
    }

    fn line() -> impl Strategy<Value = String> {
        let flag = || cell(&["Yes", "No", ""], &["yes", "NO", " Yes", "Yes ", "Y", "x"]);
        let tiv = || {
            cell(
                &[
                    "0",
                    "1.2",
                    "0.25",
                    "123456789012345",
                    "12345678901234.5",
                    "1000000",
                    "",
                    "999999.999",
                ],
                &[
                    "1e3",
                    "-1",
                    ".5",
                    "5.",
                    "1.2.3",
                    " 1",
                    "1 ",
                    "1000000.1",
                    "0000000000000001",
                    "1234567890123456",
                    "nan",
                ],
            )
        };
        let year = || {
            cell(
                &["2011", "1900", "2100", ""],
                &["1899", "2101", "11", "20111", " 2011", "2011 "],
            )
        };
        let count = || {
            cell(
                &["12", "0", "10000000", ""],
                &["10000001", "-1", "+3", "1.0", " 12", "99999999999999999999"],
            )
        };
        let name = || cell(&["Albania", "Libya**", "Syria*"], &["", " A", "A ", "  "]);
        let text = || cell(&["mortar", "", " spaced ", "Second hand"], &["a;b"]);
        let cat = || {
            cell(
                &["Artillery", "Air-defence systems", "Ships"],
                &["ships", " Ships", "Unspecified", "x"],
            )
        };
        let id = || {
            cell(
                &["55238", "0", "1234567890123456789"],
                &["", "-1", "12345678901234567890", " 1", "1a"],
            )
        };
        (
            (
                id(),
                name(),
                name(),
                text(),
                text(),
                cat(),
                year(),
                flag(),
                count(),
            ),
            (flag(), year(), flag(), text(), tiv(), tiv(), tiv(), flag()),
            0..3usize,
        )
            .prop_map(
                |((a, b, c, d, e, f, g, h, i), (j, k, l, m, n, o, p, q), extra)| {
                    let mut cells = vec![a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q];
                    // Now and then a row with a cell too few or too many.
                    match extra {
                        1 => {
                            cells.pop();
                        }
                        2 if cells[0].len() % 2 == 0 => cells.push("x".into()),
                        _ => {}
                    }
                    cells.join(",")
                },
            )
    }

    /// A well-formed row with up to two cells replaced by bad or random
    /// ones: most take the fast path, so most cases compare the two readers
    /// (`line()` alone rarely makes a row the fast path accepts).
    fn near_valid() -> impl Strategy<Value = String> {
        let good = |v: &'static [&'static str]| proptest::sample::select(v).prop_map(String::from);
        let flag = || good(&["Yes", "No", ""]);
        let opt_year = || good(&["2011", "1900", "2100", ""]);
        let opt_tiv = || good(&["0", "1.2", "0.25", "1000000", "", "999999.999"]);
        let cells = (
            (
                good(&["55238", "0", "1234567890123456789"]),
                good(&["Albania", "Libya**", "Syria*"]),
                good(&["Kazakhstan", "Hamas*", "NATO**"]),
                good(&["mortar", "", " spaced ", "PM-43 120mm"]),
                good(&["ground-attack aircraft", ""]),
                good(&["Artillery", "Air-defence systems", "Ships"]),
                opt_year(),
                flag(),
                good(&["12", "0", "10000000", ""]),
            ),
            (
                flag(),
                good(&["2011", "1950", "2024"]),
                flag(),
                good(&["New", "Second hand", ""]),
                opt_tiv(),
                opt_tiv(),
                good(&["0", "1.2", "0.25", "1000000", "999999.999"]),
                flag(),
            ),
        );
        let swaps = proptest::collection::vec((0..17usize, "[ -~]{0,8}"), 0..=2);
        (cells, swaps).prop_map(
            |(((a, b, c, d, e, f, g, h, i), (j, k, l, m, n, o, p, q)), swaps)| {
                let mut cells = vec![a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q];
                for (at, v) in swaps {
                    cells[at] = v;
                }
                cells.join(",")
            },
        )
    }

    #[test]
    fn near_valid_rows_mostly_take_the_fast_path() {
        use proptest::strategy::ValueTree;
        let mut runner = proptest::test_runner::TestRunner::deterministic();
        let strategy = near_valid();
        let fast = (0..1000)
            .filter(|_| row(&strategy.new_tree(&mut runner).unwrap().current()).is_some())
            .count();
        assert!(fast > 300, "{fast} of 1000 rows took the fast path");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        #[test]
        fn fast_path_agrees_with_parse_row(l in line()) {
            same(&l)?;
        }

        #[test]
        fn fast_path_agrees_near_valid_rows(l in near_valid()) {
            same(&l)?;
        }

        #[test]
        fn fast_path_agrees_on_any_text(l in "[0-9A-Za-z ,.;*+-]{0,80}") {
            same(&l)?;
        }
    }
}

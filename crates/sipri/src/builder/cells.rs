//! Cell parsers shared by every reader: years, counts and TIV values, each
//! with the message a rejected row carries.

use crate::text::trim;

/// `t` without a fraction of zeros (`2011.0` → `2011`): a program that keeps
/// a column with empty cells as floating point (pandas) writes its whole
/// numbers so, and the number is the same. Any other fraction stays, for
/// the caller to refuse.
pub(crate) fn whole(t: &str) -> &str {
    match t.split_once('.') {
        Some((int, frac)) if !frac.is_empty() && frac.bytes().all(|b| b == b'0') => int,
        _ => t,
    }
}

/// A 4-digit year in 1900..=2100 (`2011.0` too, see [`whole`]), or a clear
/// reason.
pub fn parse_year(s: &str, what: &str) -> Result<u16, String> {
    let t = trim(s);
    let y = match whole(t).as_bytes() {
        &[a, b, c, d] if [a, b, c, d].iter().all(u8::is_ascii_digit) => [a, b, c, d]
            .iter()
            .fold(0u16, |y, &x| y * 10 + u16::from(x - b'0')),
        _ => return Err(format!("{what}: '{t}' is not a 4-digit year")),
    };
    if !(1900..=2100).contains(&y) {
        return Err(format!("{what}: impossible year {y} (expected 1900-2100)"));
    }
    Ok(y)
}

/// An optional year: empty → `None`.
pub fn parse_opt_year(s: &str, what: &str) -> Result<Option<u16>, String> {
    if trim(s).is_empty() {
        Ok(None)
    } else {
        parse_year(s, what).map(Some)
    }
}

/// `t.parse::<u64>()`, with plain digit strings (up to 19 digits, which
/// cannot overflow) read directly; anything else goes to `str::parse`.
pub(crate) fn parse_u64(t: &str) -> Result<u64, std::num::ParseIntError> {
    let b = t.as_bytes();
    if !b.is_empty() && b.len() <= 19 && b.iter().all(u8::is_ascii_digit) {
        return Ok(b.iter().fold(0u64, |n, &d| n * 10 + u64::from(d - b'0')));
    }
    t.parse()
}

/// `t.parse::<f64>()`. Plain decimals (`123`, `0.25`) with at most 15
/// digits are computed as integer / power of ten: both are exact in an f64,
/// so the one rounding of the division gives the correctly rounded value,
/// the same bits as `str::parse` (Clinger's fast path). Anything else goes
/// to `str::parse`.
pub(crate) fn parse_f64(t: &str) -> Result<f64, std::num::ParseFloatError> {
    let b = t.as_bytes();
    // `int[.frac]`, both non-empty when there is a dot ("5." and ".5" go
    // to `str::parse`).
    let (int, frac, dot) = match memchr::memchr(b'.', b) {
        Some(p) => (&b[..p], &b[p + 1..], true),
        None => (b, &b[..0], false),
    };
    if !int.is_empty()
        && (!dot || !frac.is_empty())
        && int.len() + frac.len() <= 15
        && int.iter().chain(frac).all(u8::is_ascii_digit)
    {
        let m = int
            .iter()
            .chain(frac)
            .fold(0u64, |n, &d| n * 10 + u64::from(d - b'0'));
        return Ok(decimal(m, frac.len()));
    }
    t.parse()
}

/// The decimal with digits `m` and `frac` of them after the point, for at
/// most 15 digits in all (then `m` and the power of ten are exact in an f64,
/// and the division's one rounding gives what `str::parse` gives).
pub(crate) fn decimal(m: u64, frac: usize) -> f64 {
    const POW10: [f64; 16] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
    ];
    debug_assert!(m < 10u64.pow(15) && frac <= 15);
    m as f64 / POW10[frac]
}

/// `1.250`, `12.500.000`: digits grouped by a dot every three, the way a
/// German spreadsheet writes 1250. No SIPRI export writes a value with more
/// than two decimals (none of the 25,024 rows of the 2026 register, nor the
/// legacy register's or the TIV tables'), so such a cell is read neither as
/// 1.25 (hostile-files probe 28: two deals imported at a thousandth of their
/// value, without a word) nor as 1250: the row is refused.
pub(crate) fn thousands_dot(t: &str) -> bool {
    let mut groups = t.split('.');
    let lead = groups.next().unwrap_or("");
    let mut n = 0;
    for g in groups {
        if g.len() != 3 || !g.bytes().all(|b| b.is_ascii_digit()) {
            return false;
        }
        n += 1;
    }
    n > 0
        && (1..=3).contains(&lead.len())
        && !lead.starts_with('0')
        && lead.bytes().all(|b| b.is_ascii_digit())
}

/// A TIV value in `0..=model::MAX_TIV` (finite, not negative, plausible).
pub fn parse_tiv(s: &str, what: &str) -> Result<f64, String> {
    let t = trim(s);
    if thousands_dot(t) {
        return Err(format!(
            "{what}: '{t}' has a dot every three digits, as a thousands separator has; SIPRI \
             writes TIV with at most two decimals and no separators: write {} if that is the \
             value (or at most two decimals if it is {})",
            t.replace('.', ""),
            t.parse::<f64>()
                .map_or_else(|_| t.to_string(), |v| v.to_string())
        ));
    }
    match parse_f64(t) {
        Ok(v) if model::plausible_tiv(v) => Ok(v),
        Ok(v) if v.is_finite() && v > model::MAX_TIV => Err(format!(
            "{what}: TIV {t} is implausibly large (the limit is {} million; SIPRI's largest \
             values are about 10,000 million)",
            model::MAX_TIV
        )),
        Ok(_) => Err(format!(
            "{what}: '{t}' is not a valid TIV (negative, infinite or not a number)"
        )),
        Err(_) if t.is_empty() => Err(format!("{what}: empty TIV value")),
        Err(_) => Err(format!("{what}: non-numeric TIV '{t}'")),
    }
}

pub fn parse_opt_tiv(s: &str, what: &str) -> Result<Option<f64>, String> {
    if trim(s).is_empty() {
        Ok(None)
    } else {
        parse_tiv(s, what).map(Some)
    }
}

/// A whole number of units in `0..=model::MAX_UNITS` (`12.0` too, see
/// [`whole`]); empty → `None`.
pub fn parse_opt_count(s: &str, what: &str) -> Result<Option<u32>, String> {
    let t = trim(s);
    if t.is_empty() {
        return Ok(None);
    }
    match parse_u64(whole(t)) {
        Ok(n) if n <= u64::from(model::MAX_UNITS) => Ok(Some(n as u32)),
        Ok(_) => Err(format!(
            "{what}: {t} units is implausibly many (the limit is {}; SIPRI's largest are \
             about 10,000)",
            model::MAX_UNITS
        )),
        Err(_) if t.len() > 18 && t.bytes().all(|b| b.is_ascii_digit()) => Err(format!(
            "{what}: {t} units is implausibly many (the limit is {})",
            model::MAX_UNITS
        )),
        Err(_) => Err(format!("{what}: '{t}' is not a whole number")),
    }
}

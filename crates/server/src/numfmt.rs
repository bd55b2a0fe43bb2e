//! Numbers as the dashboard writes them: [`model::locale`]'s separators and
//! signs, rounded half away from zero, which is what a reader expects of
//! "12,512.50" (Rust's formatting rounds an exact tie to even). Sums of the
//! same values in another order differ in the last bits, so values are read
//! at nine decimals first: Ukraine's 12,512.50 TIV of 2020-24 on the legacy
//! register showed as 12,512 on /world and 12,513 on /country/UKR (figure
//! probe).

use model::Lang;

/// Float noise below this many decimals is not part of any figure (TIV has
/// two decimals, and even splits of it over years a few more).
const SNAP_DECIMALS: usize = 9;

/// `x` rounded to `digits` decimals, half away from zero, after float noise
/// is dropped.
pub fn round_half_away(x: f64, digits: usize) -> f64 {
    if !x.is_finite() || digits >= SNAP_DECIMALS {
        return x;
    }
    let s = format!("{:.*}", SNAP_DECIMALS, x.abs());
    let Some((int, frac)) = s.split_once('.') else {
        return x;
    };
    let keep = format!("{int}.{}", &frac[..digits]);
    let Ok(mut v) = keep.parse::<f64>() else {
        return x;
    };
    if frac.as_bytes()[digits] >= b'5' {
        v += 10f64.powi(-(digits as i32));
    }
    if x < 0.0 { -v } else { v }
}

/// [`model::locale::decimal`], rounded half away from zero.
pub fn decimal(x: f64, digits: usize, lang: Lang) -> String {
    model::locale::decimal(round_half_away(x, digits), digits, lang)
}

/// [`model::locale::percent`] of a share (0..=1), rounded half away from zero.
pub fn percent(share: f64, digits: usize, lang: Lang) -> String {
    let v = round_half_away(share * 100.0, digits);
    model::locale::percent(v / 100.0, digits, lang)
}

/// [`model::locale::points`] of a change of share, rounded half away from zero.
pub fn points(delta_share: f64, digits: usize, lang: Lang) -> String {
    let v = round_half_away(delta_share * 100.0, digits);
    model::locale::points(v / 100.0, digits, lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ties_round_away_from_zero() {
        assert_eq!(decimal(12512.5, 0, Lang::En), "12,513");
        // The same tie summed in another order.
        assert_eq!(decimal(12512.499999999998, 0, Lang::En), "12,513");
        assert_eq!(decimal(12512.49, 0, Lang::En), "12,512");
        assert_eq!(decimal(-2.5, 0, Lang::En), "−3");
        assert_eq!(decimal(1.005, 2, Lang::De), "1,01");
        assert_eq!(decimal(0.25, 1, Lang::En), "0.3");
        assert_eq!(percent(0.08125, 2, Lang::En), "8.13 %");
        assert_eq!(percent(0.0005, 1, Lang::En), "0.1 %");
        assert_eq!(points(-0.00125, 2, Lang::En), "−0.13 pp");
        assert_eq!(decimal(f64::NAN, 1, Lang::En), "–");
    }
}

//! A number as a claim states it, and the tolerance that its wording implies.
//!
//! A writer who says "88 %" means any value that rounds to 88; one who says
//! "almost 90 %" means a value just under 90. The tolerance is derived from the
//! precision and the hedge word, never from a fixed epsilon, so that "88.4 %"
//! is checked more strictly than "88 %". The rules are documented in
//! `docs/claims.md`.

use serde::Serialize;

/// The hedge that comes with a stated number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// "88 %": the value rounds to the stated number.
    Exact,
    /// "about / around / roughly / rund / etwa / ungefähr": ± 2.5 units of the
    /// last stated digit's tens (± 2.5 points for an integer).
    About,
    /// "almost / nearly / fast / knapp / beinahe": just under the number.
    Almost,
    /// "more than / over / über / mehr als": strictly above.
    MoreThan,
    /// "less than / under / unter / weniger als": strictly below.
    LessThan,
    /// "at least / mindestens".
    AtLeast,
    /// "at most / höchstens".
    AtMost,
    /// A multiple stated in words ("doubled", "halved", "verfünffacht"): the
    /// value is the percent change it implies (+100 for doubled); the ratio
    /// new/old must lie within ±12.5 % of the stated factor.
    Factor,
}

impl Qualifier {
    /// The keyword used in the structured claim form (empty for `Exact`).
    pub fn keyword(self) -> &'static str {
        match self {
            Qualifier::Exact => "",
            Qualifier::About => "about",
            Qualifier::Almost => "almost",
            Qualifier::MoreThan => "over",
            Qualifier::LessThan => "under",
            Qualifier::AtLeast => "at-least",
            Qualifier::AtMost => "at-most",
            Qualifier::Factor => "factor",
        }
    }

    /// Parses the structured form's keyword.
    pub fn from_keyword(s: &str) -> Option<Qualifier> {
        Some(match s {
            "about" | "~" => Qualifier::About,
            "almost" | "nearly" => Qualifier::Almost,
            "over" | "more-than" | ">" => Qualifier::MoreThan,
            "under" | "less-than" | "<" => Qualifier::LessThan,
            "at-least" | ">=" => Qualifier::AtLeast,
            "at-most" | "<=" => Qualifier::AtMost,
            _ => return None,
        })
    }
}

/// A stated number: its value, how many decimals it was written with, and
/// its hedge.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Stated {
    pub value: f64,
    pub decimals: u8,
    pub qualifier: Qualifier,
}

impl Stated {
    /// A multiple ("doubled" = 2): the change it implies, with [`Qualifier::Factor`].
    pub fn factor(f: f64) -> Stated {
        Stated {
            value: (f - 1.0) * 100.0,
            decimals: 0,
            qualifier: Qualifier::Factor,
        }
    }

    pub fn exact(value: f64, decimals: u8) -> Stated {
        Stated {
            value,
            decimals,
            qualifier: Qualifier::Exact,
        }
    }

    /// Half a unit of the last written digit: 0.5 for "88", 0.05 for "88.4".
    fn half_unit(&self) -> f64 {
        0.5 * 10f64.powi(self.rounding_power())
    }

    /// The power of ten the figure is rounded to: its last written decimal,
    /// or for a whole number above 100 its trailing zeros ("9,600 %" is
    /// rounded to hundreds), kept below a tenth of the figure. Regression:
    /// "rose by about 9,600 per cent" was held to [9597.5, 9602.5] against
    /// a true +9,627 %; writers round large changes to tens or hundreds.
    /// Shares never exceed 100, so "100 %" stays exact.
    fn rounding_power(&self) -> i32 {
        let v = self.value.abs();
        if self.decimals > 0 || v <= 100.0 || v.fract() != 0.0 || v > 1e12 {
            return -(self.decimals as i32);
        }
        let mut n = v as u64;
        let mut zeros = 0;
        while n > 0 && n.is_multiple_of(10) {
            n /= 10;
            zeros += 1;
        }
        let cap = (v / 10.0).log10().floor() as i32;
        zeros.min(cap).max(0)
    }

    /// The interval of true values under which the statement holds.
    pub fn tolerance(&self) -> Tolerance {
        let v = self.value;
        let h = self.half_unit();
        match self.qualifier {
            // Round half up: 87.5 reads as 88, 88.5 as 89.
            Qualifier::Exact => Tolerance::new(v - h, true, v + h, false),
            Qualifier::About => Tolerance::new(v - 5.0 * h, true, v + 5.0 * h, true),
            // A fall of "almost two-thirds" (-66.7) is just short in magnitude.
            Qualifier::Almost if v < 0.0 => Tolerance::new(v, false, v + 10.0 * h, true),
            Qualifier::Almost => Tolerance::new(v - 10.0 * h, true, v, false),
            Qualifier::MoreThan => Tolerance::new(v, false, f64::INFINITY, true),
            Qualifier::LessThan => Tolerance::new(f64::NEG_INFINITY, true, v, false),
            Qualifier::AtLeast => Tolerance::new(v, true, f64::INFINITY, true),
            Qualifier::AtMost => Tolerance::new(f64::NEG_INFINITY, true, v, true),
            Qualifier::Factor => {
                let f = 1.0 + v / 100.0;
                Tolerance::new(
                    (f * 0.875 - 1.0) * 100.0,
                    true,
                    (f * 1.125 - 1.0) * 100.0,
                    false,
                )
            }
        }
    }

    /// The number as written, with its decimals (no unit).
    pub fn number(&self) -> String {
        format!("{:.*}", self.shown_decimals(), self.value)
    }

    /// A bound from a fraction in words ("more than a third lower", -33.33…)
    /// is tested as it is, so it is shown with two more decimals: shown at
    /// its own precision, "under -33%", it contradicted the verdict on
    /// -33.24 (claims probe 34).
    pub fn shown_decimals(&self) -> usize {
        let d = usize::from(self.decimals);
        let bound = matches!(
            self.qualifier,
            Qualifier::MoreThan | Qualifier::LessThan | Qualifier::AtLeast | Qualifier::AtMost
        );
        let scaled = self.value * 10f64.powi(i32::from(self.decimals));
        if bound && (scaled.round() - scaled).abs() > 1e-6 {
            d + 2
        } else {
            d
        }
    }

    /// Structured form: `88%`, `almost 90%`, `+21.5%`.
    pub fn render(&self, signed: bool) -> String {
        let num = if signed && self.value > 0.0 {
            format!("+{}", self.number())
        } else {
            self.number()
        };
        match self.qualifier {
            Qualifier::Exact => format!("{num}%"),
            Qualifier::Factor => {
                let f = format!("{:.3}", 1.0 + self.value / 100.0);
                format!("x{}", f.trim_end_matches('0').trim_end_matches('.'))
            }
            q => format!("{} {num}%", q.keyword()),
        }
    }
}

/// An interval of acceptable true values, in the claim's unit (percent).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Tolerance {
    pub lo: f64,
    pub lo_inclusive: bool,
    pub hi: f64,
    pub hi_inclusive: bool,
}

impl Tolerance {
    pub fn new(lo: f64, lo_inclusive: bool, hi: f64, hi_inclusive: bool) -> Tolerance {
        Tolerance {
            lo,
            lo_inclusive,
            hi,
            hi_inclusive,
        }
    }

    /// Whether `x` lies inside. A relative slack of 1e-9 absorbs float noise at
    /// the edges (1175.2 / 1328.98 must not fall out of a bound by 1 ulp).
    pub fn contains(&self, x: f64) -> bool {
        if !x.is_finite() {
            return false;
        }
        let eps = 1e-9 * x.abs().max(1.0);
        let lo_ok = if self.lo_inclusive {
            x >= self.lo - eps
        } else {
            x > self.lo + eps
        };
        let hi_ok = if self.hi_inclusive {
            x <= self.hi + eps
        } else {
            x < self.hi - eps
        };
        lo_ok && hi_ok
    }
}

impl std::fmt::Display for Tolerance {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let num = |x: f64| {
            let s = format!("{x:.4}");
            let s = s.trim_end_matches('0').trim_end_matches('.').to_string();
            if s == "-0" { "0".to_string() } else { s }
        };
        match (self.lo.is_finite(), self.hi.is_finite()) {
            (true, true) => write!(
                f,
                "{}{}, {}{}",
                if self.lo_inclusive { '[' } else { '(' },
                num(self.lo),
                num(self.hi),
                if self.hi_inclusive { ']' } else { ')' }
            ),
            (true, false) => write!(
                f,
                "{} {}",
                if self.lo_inclusive { "≥" } else { ">" },
                num(self.lo)
            ),
            (false, true) => write!(
                f,
                "{} {}",
                if self.hi_inclusive { "≤" } else { "<" },
                num(self.hi)
            ),
            (false, false) => f.write_str("any value"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: f64, d: u8, q: Qualifier) -> Tolerance {
        Stated {
            value: v,
            decimals: d,
            qualifier: q,
        }
        .tolerance()
    }

    #[test]
    fn integer_percent_rounds() {
        let t = s(88.0, 0, Qualifier::Exact);
        assert_eq!(t.to_string(), "[87.5, 88.5)");
        assert!(t.contains(87.5) && t.contains(88.43) && !t.contains(88.5) && !t.contains(87.49));
    }

    #[test]
    fn one_decimal_is_stricter() {
        let t = s(88.4, 1, Qualifier::Exact);
        assert_eq!(t.to_string(), "[88.35, 88.45)");
        assert!(t.contains(88.4287) && !t.contains(88.46));
    }

    #[test]
    fn hedges() {
        assert_eq!(s(90.0, 0, Qualifier::Almost).to_string(), "[85, 90)");
        assert_eq!(s(88.0, 0, Qualifier::About).to_string(), "[85.5, 90.5]");
        assert_eq!(s(80.0, 0, Qualifier::MoreThan).to_string(), "> 80");
        assert_eq!(s(10.0, 0, Qualifier::LessThan).to_string(), "< 10");
        assert!(s(90.0, 0, Qualifier::Almost).contains(88.43));
        assert!(!s(90.0, 0, Qualifier::Almost).contains(90.0));
        assert!(s(80.0, 0, Qualifier::AtLeast).contains(80.0));
    }

    /// Hand-computed: trailing zeros of a whole number above 100 are its
    /// rounding, capped below a tenth of it; 100 and below stay exact.
    #[test]
    fn large_round_figures_are_rounded_to_their_trailing_zeros() {
        assert_eq!(s(9600.0, 0, Qualifier::About).to_string(), "[9350, 9850]");
        assert_eq!(s(9600.0, 0, Qualifier::Exact).to_string(), "[9550, 9650)");
        assert_eq!(s(500.0, 0, Qualifier::About).to_string(), "[475, 525]");
        assert_eq!(s(470.0, 0, Qualifier::About).to_string(), "[445, 495]");
        assert_eq!(
            s(10000.0, 0, Qualifier::Almost).to_string(),
            "[5000, 10000)"
        );
        assert_eq!(s(-1000.0, 0, Qualifier::Exact).to_string(), "[-1050, -950)");
        assert_eq!(s(155.0, 0, Qualifier::Exact).to_string(), "[154.5, 155.5)");
        assert_eq!(s(100.0, 0, Qualifier::Exact).to_string(), "[99.5, 100.5)");
        assert_eq!(
            s(9600.5, 1, Qualifier::Exact).to_string(),
            "[9600.45, 9600.55)"
        );
    }

    #[test]
    fn render_forms() {
        assert_eq!(Stated::exact(88.0, 0).render(false), "88%");
        assert_eq!(Stated::exact(-64.0, 0).render(true), "-64%");
        assert_eq!(Stated::exact(21.5, 1).render(true), "+21.5%");
        let a = Stated {
            value: 90.0,
            decimals: 0,
            qualifier: Qualifier::Almost,
        };
        assert_eq!(a.render(false), "almost 90%");
    }
}

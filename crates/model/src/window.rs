//! Inclusive year windows, the unit every figure is reported over.

use serde::{Deserialize, Serialize};

/// An inclusive range of years: `2020-2024` contains both 2020 and 2024.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Window {
    pub start: u16,
    pub end: u16,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WindowError {
    #[error("'{0}' is not a period: write YEAR, YEAR-YEAR or YEAR-YY (e.g. 2020-2024, 2020-24)")]
    Syntax(String),
    #[error("period {0}-{1} ends before it starts")]
    Reversed(u16, u16),
    #[error("year {0} is outside 1900-2100")]
    OutOfRange(u32),
}

impl Window {
    pub fn new(start: u16, end: u16) -> Result<Window, WindowError> {
        for y in [start, end] {
            if !(1900..=2100).contains(&y) {
                return Err(WindowError::OutOfRange(y as u32));
            }
        }
        if end < start {
            return Err(WindowError::Reversed(start, end));
        }
        Ok(Window { start, end })
    }

    /// Parses `2020-2024`, `2020–2024` (en dash), `2020-24`, `2020:2024` or a single year.
    pub fn parse(s: &str) -> Result<Window, WindowError> {
        let t = s.trim();
        let err = || WindowError::Syntax(s.to_string());
        let parts: Vec<&str> = t.split(['-', '–', '—', ':', '/']).map(str::trim).collect();
        let year = |p: &str| -> Result<u32, WindowError> {
            if p.is_empty() || p.len() > 4 || !p.bytes().all(|b| b.is_ascii_digit()) {
                return Err(err());
            }
            p.parse::<u32>().map_err(|_| err())
        };
        match parts.as_slice() {
            [one] => {
                let y = year(one)?;
                if one.len() != 4 {
                    return Err(err());
                }
                let y = check_year(y)?;
                Window::new(y, y)
            }
            [a, b] => {
                if a.len() != 4 {
                    return Err(err());
                }
                let start = check_year(year(a)?)?;
                let end = match b.len() {
                    4 => check_year(year(b)?)?,
                    2 => {
                        let yy = year(b)? as u16;
                        let century = start / 100 * 100;
                        let mut e = century + yy;
                        // "1998-02" crosses a century; "2020-19" is a
                        // period written backwards, not 2020-2119
                        // (parameter probe: "year 2119 is outside 1900-2100").
                        if e < start {
                            if century + 100 + yy - start > 20 {
                                return Err(WindowError::Reversed(start, e));
                            }
                            e += 100;
                        }
                        e
                    }
                    _ => return Err(err()),
                };
                Window::new(start, end)
            }
            _ => Err(err()),
        }
    }

    pub fn contains(&self, year: u16) -> bool {
        self.start <= year && year <= self.end
    }

    pub fn len(&self) -> u16 {
        self.end - self.start + 1
    }

    pub fn is_empty(&self) -> bool {
        false
    }

    /// The window of equal length ending the year before this one starts: the
    /// baseline for "% change" figures.
    pub fn previous(&self) -> Window {
        let l = self.len();
        Window {
            start: self.start.saturating_sub(l),
            end: self.start.saturating_sub(1),
        }
    }

    /// SIPRI's five-year periods (…, 2015-2019, 2020-2024) that lie fully inside
    /// `first..=last`, aligned so that the latest one ends at `last`.
    pub fn five_year_periods(first: u16, last: u16) -> Vec<Window> {
        let mut out = Vec::new();
        if last < first {
            return out;
        }
        let mut end = last;
        while end >= first + 4 {
            out.push(Window {
                start: end - 4,
                end,
            });
            end -= 5;
        }
        out.reverse();
        out
    }

    pub fn years(&self) -> impl Iterator<Item = u16> {
        self.start..=self.end
    }
}

fn check_year(y: u32) -> Result<u16, WindowError> {
    if (1900..=2100).contains(&y) {
        Ok(y as u16)
    } else {
        Err(WindowError::OutOfRange(y))
    }
}

impl std::fmt::Display for Window {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.start == self.end {
            write!(f, "{}", self.start)
        } else {
            write!(f, "{}-{}", self.start, self.end)
        }
    }
}

impl std::str::FromStr for Window {
    type Err = WindowError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Window::parse(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_forms() {
        let w = Window::new(2020, 2024).unwrap();
        assert_eq!(Window::parse("2020-2024").unwrap(), w);
        assert_eq!(Window::parse("2020–24").unwrap(), w);
        assert_eq!(Window::parse(" 2020:2024 ").unwrap(), w);
        assert_eq!(
            Window::parse("1998-02").unwrap(),
            Window::new(1998, 2002).unwrap()
        );
        assert_eq!(
            Window::parse("2021").unwrap(),
            Window::new(2021, 2021).unwrap()
        );
        assert!(Window::parse("2024-2020").is_err());
        assert_eq!(
            Window::parse("2020-19"),
            Err(WindowError::Reversed(2020, 2019))
        );
        assert!(Window::parse("20-24").is_err());
        assert!(Window::parse("abc").is_err());
        assert!(Window::parse("").is_err());
        assert!(Window::parse("3000-3001").is_err());
    }

    #[test]
    fn inclusive_and_previous() {
        let w = Window::parse("2020-2024").unwrap();
        assert!(w.contains(2020) && w.contains(2024));
        assert!(!w.contains(2019) && !w.contains(2025));
        assert_eq!(w.len(), 5);
        assert_eq!(w.previous(), Window::new(2015, 2019).unwrap());
        assert_eq!(w.to_string(), "2020-2024");
    }

    #[test]
    fn five_year_periods_end_at_last() {
        let p = Window::five_year_periods(1995, 2024);
        assert_eq!(p.len(), 6);
        assert_eq!(p[0], Window::new(1995, 1999).unwrap());
        assert_eq!(p[5], Window::new(2020, 2024).unwrap());
        assert!(Window::five_year_periods(2022, 2024).is_empty());
    }
}

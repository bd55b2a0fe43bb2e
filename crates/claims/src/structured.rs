//! Parser of the structured claim form (grammar in `docs/claims.md`):
//!
//! ```text
//! share imports KAZ from RUS 2020-2024 = 88%
//! share exports RUS to KAZ 2020-2024 = 10.6% rank 3
//! rank exports RUS recipient KAZ 2020-2024 = 3
//! change exports RUS 2015-2019..2020-2024 = -64%
//! global-share exports USA 2020-2024 = 43% rank 1
//! global-rank imports UKR 2020-2024 = 1
//! largest supplier KAZ 2020-2024 = RUS
//! second-largest recipient RUS 2020-2024 = CHN
//! largest exporter 2020-2024 = USA
//! first-ever ISR to KAZ = 2008
//! ```

use crate::claim::{Claim, Party, Period, Rank, Role, parse_ordinal_word};
use crate::names::Names;
use crate::stated::{Qualifier, Stated};
use engine::Direction;
use model::{Category, Window};

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ParseError {
    #[error("empty claim")]
    Empty,
    #[error(
        "unknown claim form '{0}': start with share, rank, change, global-share, global-rank, <n>-largest, top-<n>, compare or first-ever"
    )]
    Form(String),
    #[error("expected {expected} at word {pos}, found '{found}'")]
    Expected {
        expected: String,
        pos: usize,
        found: String,
    },
    #[error("unknown country '{name}'{}", suggest(.suggestions))]
    UnknownCountry {
        name: String,
        suggestions: Vec<String>,
    },
    #[error("'{0}' is not a period: write 2020-2024, 2020-24 or last-5-years")]
    Period(String),
    #[error("'{0}' is not a value: write e.g. 88%, 88.4%, almost 90%, +21%")]
    Value(String),
    #[error("a share is between 0 and 100 % (got {0})")]
    ShareOver100(String),
    #[error("'{0}' is named on both sides: a country's arms come from, and go to, other parties")]
    SameParty(String),
    #[error("unexpected '{0}' after the end of the claim")]
    Trailing(String),
    #[error("unbalanced quote")]
    Quote,
}

fn suggest(s: &[String]) -> String {
    if s.is_empty() {
        String::new()
    } else {
        format!(" (did you mean: {}?)", s.join(", "))
    }
}

/// Splits on whitespace, keeping `"quoted names"` whole.
fn words(s: &str) -> Result<Vec<String>, ParseError> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    for c in s.chars() {
        match c {
            '"' => {
                if quoted {
                    out.push(std::mem::take(&mut cur));
                }
                quoted = !quoted;
            }
            c if c.is_whitespace() && !quoted => {
                if !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
            }
            '=' if !quoted => {
                if !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
                out.push("=".into());
            }
            c => cur.push(c),
        }
    }
    if quoted {
        return Err(ParseError::Quote);
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    Ok(out)
}

struct P<'a> {
    w: Vec<String>,
    pos: usize,
    names: &'a Names,
}

impl P<'_> {
    fn peek(&self) -> Option<&str> {
        self.w.get(self.pos).map(String::as_str)
    }

    fn next(&mut self, expected: &str) -> Result<String, ParseError> {
        match self.w.get(self.pos) {
            Some(s) => {
                self.pos += 1;
                Ok(s.clone())
            }
            None => Err(ParseError::Expected {
                expected: expected.into(),
                pos: self.pos + 1,
                found: "end".into(),
            }),
        }
    }

    fn keyword(&mut self, kws: &[&str]) -> Result<String, ParseError> {
        let expected = kws.join(" or ");
        let pos = self.pos + 1;
        let w = self.next(&expected)?;
        let l = w.to_ascii_lowercase();
        if kws.contains(&l.as_str()) {
            Ok(l)
        } else {
            Err(ParseError::Expected {
                expected,
                pos,
                found: w,
            })
        }
    }

    fn direction(&mut self) -> Result<Direction, ParseError> {
        Ok(match self.keyword(&["imports", "exports"])?.as_str() {
            "imports" => Direction::Imports,
            _ => Direction::Exports,
        })
    }

    fn party(&mut self) -> Result<Party, ParseError> {
        let w = self.next("a country")?;
        self.names
            .lookup(&w)
            .map_err(|suggestions| ParseError::UnknownCountry {
                name: w,
                suggestions,
            })
    }

    fn period(&mut self) -> Result<Period, ParseError> {
        let w = self.next("a period")?;
        parse_period(&w)
    }

    /// An armament category right after the period (`aircraft`,
    /// `air-defence-systems`), if any.
    fn category(&mut self) -> Option<Category> {
        let c = self
            .peek()
            .filter(|w| *w != "=")
            .and_then(Category::parse)
            .filter(|c| *c != Category::Unspecified)?;
        self.pos += 1;
        Some(c)
    }

    fn rank(&mut self) -> Result<Rank, ParseError> {
        let pos = self.pos + 1;
        let w = self.next("a rank (1, 2, 3 … or top-5)")?;
        Rank::parse(&w.to_ascii_lowercase()).ok_or(ParseError::Expected {
            expected: "a rank (1, 2, 3 … or top-5)".into(),
            pos,
            found: w,
        })
    }

    fn value(&mut self, share: bool) -> Result<Stated, ParseError> {
        let mut w = self.next("a value")?;
        if !share && let Some(f) = w.strip_prefix(['x', '×']) {
            return f
                .parse::<f64>()
                .ok()
                .filter(|f| f.is_finite() && *f > 0.0)
                .map(Stated::factor)
                .ok_or(ParseError::Value(w.clone()));
        }
        let mut qualifier = Qualifier::Exact;
        if let Some(q) = Qualifier::from_keyword(&w.to_ascii_lowercase()) {
            qualifier = q;
            w = self.next("a value")?;
        }
        if self.peek() == Some("%") {
            self.pos += 1;
        }
        let num = w.trim_end_matches('%').trim();
        let digits = num.trim_start_matches(['+', '-']);
        let decimals = digits.split_once('.').map_or(0, |(_, d)| d.len()) as u8;
        let ok = !digits.is_empty()
            && digits.chars().all(|c| c.is_ascii_digit() || c == '.')
            && digits.matches('.').count() <= 1;
        let value: f64 = if ok {
            num.parse().map_err(|_| ParseError::Value(w.clone()))?
        } else {
            return Err(ParseError::Value(w));
        };
        if share && !(0.0..=100.0).contains(&value) {
            return Err(ParseError::ShareOver100(w));
        }
        Ok(Stated {
            value,
            decimals,
            qualifier,
        })
    }

    fn eq(&mut self) -> Result<(), ParseError> {
        self.keyword(&["="]).map(|_| ())
    }

    fn opt_rank(&mut self) -> Result<Option<Rank>, ParseError> {
        if self.peek().is_some_and(|w| w.eq_ignore_ascii_case("rank")) {
            self.pos += 1;
            return Ok(Some(self.rank()?));
        }
        Ok(None)
    }
}

/// `2020-2024`, `2020–24`, `2020`, `last-5-years`.
pub fn parse_period(w: &str) -> Result<Period, ParseError> {
    if let Some(n) = w
        .strip_prefix("last-")
        .and_then(|r| r.strip_suffix("-years").or(r.strip_suffix("-year")))
    {
        return n
            .parse::<u16>()
            .ok()
            .filter(|n| (1..=100).contains(n))
            .map(Period::LastYears)
            .ok_or(ParseError::Period(w.into()));
    }
    Window::parse(w)
        .map(Period::Fixed)
        .map_err(|_| ParseError::Period(w.into()))
}

/// Whether `s` starts like a structured claim (so `check` knows which parser to use).
pub fn looks_structured(s: &str) -> bool {
    let first = s
        .split_whitespace()
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    matches!(
        first.as_str(),
        "share" | "rank" | "change" | "global-share" | "global-rank" | "first-ever" | "compare"
    ) || parse_ordinal_word(&first).is_some()
        || first
            .strip_prefix("top-")
            .is_some_and(|n| n.parse::<u32>().is_ok())
}

/// Parses one structured claim.
pub fn parse(s: &str, names: &Names) -> Result<Claim, ParseError> {
    let w = words(s)?;
    if w.is_empty() {
        return Err(ParseError::Empty);
    }
    let mut p = P { w, pos: 0, names };
    let head = p.next("a claim form")?.to_ascii_lowercase();
    let claim = match head.as_str() {
        "share" => match p.direction()? {
            Direction::Imports => {
                let recipient = p.party()?;
                p.keyword(&["from"])?;
                let supplier = p.party()?;
                let period = p.period()?;
                let category = p.category();
                p.eq()?;
                Claim::ImportShare {
                    recipient,
                    supplier,
                    period,
                    category,
                    share: p.value(true)?,
                }
            }
            Direction::Exports => {
                let supplier = p.party()?;
                p.keyword(&["to"])?;
                let recipient = p.party()?;
                let period = p.period()?;
                let category = p.category();
                p.eq()?;
                let share = Some(p.value(true)?);
                Claim::ExportShare {
                    supplier,
                    recipient,
                    period,
                    category,
                    share,
                    rank: p.opt_rank()?,
                }
            }
        },
        "rank" => {
            p.keyword(&["exports"])?;
            let supplier = p.party()?;
            p.keyword(&["recipient"])?;
            let recipient = p.party()?;
            let period = p.period()?;
            let category = p.category();
            p.eq()?;
            let rank = Some(p.rank()?);
            Claim::ExportShare {
                supplier,
                recipient,
                period,
                category,
                share: None,
                rank,
            }
        }
        "change" => {
            let direction = p.direction()?;
            let focus = p.party()?;
            let span = p.next("two periods: 2015-2019..2020-2024")?;
            let (a, b) = span
                .split_once("..")
                .ok_or(ParseError::Period(span.clone()))?;
            let (from, to) = (parse_period(a)?, parse_period(b)?);
            let category = p.category();
            p.eq()?;
            Claim::Change {
                direction,
                focus,
                from,
                to,
                category,
                change: p.value(false)?,
            }
        }
        "global-share" => {
            let direction = p.direction()?;
            let focus = p.party()?;
            let period = p.period()?;
            let category = p.category();
            p.eq()?;
            let share = Some(p.value(true)?);
            Claim::Global {
                direction,
                focus,
                period,
                category,
                share,
                rank: p.opt_rank()?,
            }
        }
        "global-rank" => {
            let direction = p.direction()?;
            let focus = p.party()?;
            let period = p.period()?;
            let category = p.category();
            p.eq()?;
            Claim::Global {
                direction,
                focus,
                period,
                category,
                share: None,
                rank: Some(p.rank()?),
            }
        }
        "compare" => {
            let direction = p.direction()?;
            let focus = p.party()?;
            p.keyword(if direction == Direction::Imports {
                &["from"]
            } else {
                &["to"]
            })?;
            let more = p.party()?;
            p.keyword(&[">"])?;
            let less = p.party()?;
            let period = p.period()?;
            let category = p.category();
            Claim::Compare {
                direction,
                focus,
                more,
                less,
                period,
                category,
            }
        }
        "first-ever" => {
            let supplier = p.party()?;
            p.keyword(&["to"])?;
            let recipient = p.party()?;
            p.eq()?;
            let pos = p.pos + 1;
            let y = p.next("a year")?;
            let year = y
                .parse::<u16>()
                .ok()
                .filter(|y| (1900..=2100).contains(y))
                .ok_or(ParseError::Expected {
                    expected: "a year".into(),
                    pos,
                    found: y,
                })?;
            Claim::FirstEver {
                supplier,
                recipient,
                year,
            }
        }
        other => {
            let nth = match other
                .strip_prefix("top-")
                .and_then(|n| n.parse::<u32>().ok())
            {
                Some(n) if n >= 1 => Rank::top(n),
                _ => Rank::exactly(
                    parse_ordinal_word(other).ok_or_else(|| ParseError::Form(other.into()))?,
                ),
            };
            match p
                .keyword(&["supplier", "recipient", "exporter", "importer"])?
                .as_str()
            {
                role @ ("supplier" | "recipient") => {
                    let focus = p.party()?;
                    let period = p.period()?;
                    let category = p.category();
                    p.eq()?;
                    let answer = p.party()?;
                    let role = if role == "supplier" {
                        Role::Supplier
                    } else {
                        Role::Recipient
                    };
                    Claim::Largest {
                        role,
                        focus,
                        period,
                        category,
                        nth,
                        answer,
                    }
                }
                role => {
                    let period = p.period()?;
                    let category = p.category();
                    p.eq()?;
                    let focus = p.party()?;
                    let direction = if role == "exporter" {
                        Direction::Exports
                    } else {
                        Direction::Imports
                    };
                    Claim::Global {
                        direction,
                        focus,
                        period,
                        category,
                        share: None,
                        rank: Some(nth),
                    }
                }
            }
        }
    };
    if let Some(extra) = p.peek() {
        return Err(ParseError::Trailing(extra.into()));
    }
    // "share imports KAZ from KAZ" would be checked as 0 %: not supported,
    // a verdict on a question nobody can mean.
    let pair = claim.flow_sides();
    if let Some((a, b)) = pair
        && a == b
    {
        return Err(ParseError::SameParty(a.token()));
    }
    Ok(claim)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n() -> &'static Names {
        Names::builtin()
    }

    #[test]
    fn every_form_round_trips() {
        for s in [
            "share imports KAZ from RUS 2020-2024 = 88%",
            "share imports KAZ from RUS 2020-2024 = 88.4%",
            "share imports KAZ from RUS last-5-years = almost 90%",
            "share exports RUS to KAZ 2020-2024 = 10.6% rank 3",
            "rank exports RUS recipient KAZ 2020-2024 = 3",
            "change exports RUS 2015-2019..2020-2024 = -64%",
            "change imports UKR 2015-2019..2020-2024 = +100%",
            "global-share exports USA 2020-2024 = 43% rank 1",
            "global-rank imports UKR 2020-2024 = 1",
            "largest supplier KAZ 2020-2024 = RUS",
            "second-largest recipient RUS 2020-2024 = CHN",
            "first-ever ISR to KAZ = 2008",
            "share imports KAZ from RUS 2020-2024 aircraft = 88%",
            "share imports PAK from CHN 2020-2024 air-defence-systems = about 80%",
            "global-rank exports ESP 2020-2024 = top-10",
            "rank exports RUS recipient KAZ 2020-2024 armoured-vehicles = top-5",
            "change exports FRA 2010-2014..2020-2024 = x2",
            "change imports UKR 2015-2019..2020-2024 ships = over +100%",
            "top-3 supplier KAZ 2020-2024 = ESP",
            "largest supplier PAK 2020-2024 aircraft = CHN",
            "compare imports KAZ from ESP > TUR 2020-2024",
            "compare exports FRA to IND > QAT 2020-2024 aircraft",
        ] {
            let c = parse(s, n()).unwrap_or_else(|e| panic!("{s}: {e}"));
            assert_eq!(c.to_string(), s);
        }
    }

    #[test]
    fn lenient_inputs() {
        let c = parse(
            "share imports Kasachstan from \"Russian Federation\" 2020–24 = 88 %",
            n(),
        )
        .unwrap();
        assert_eq!(c.to_string(), "share imports KAZ from RUS 2020-2024 = 88%");
        let c = parse("largest exporter 2020-2024 = USA", n()).unwrap();
        assert_eq!(c.to_string(), "global-rank exports USA 2020-2024 = 1");
        assert!(looks_structured(
            "share imports KAZ from RUS 2020-2024 = 88%"
        ));
        assert!(looks_structured(
            "third-largest recipient RUS 2020-2024 = KAZ"
        ));
        assert!(!looks_structured("From 2020 to 2024, 88 % ..."));
    }

    #[test]
    fn clear_errors() {
        let e = parse("share imports Kasachstn from RUS 2020-2024 = 88%", n()).unwrap_err();
        assert!(e.to_string().contains("unknown country 'Kasachstn'"), "{e}");
        assert!(e.to_string().contains("Kazakhstan"), "{e}");
        assert_eq!(parse("", n()).unwrap_err(), ParseError::Empty);
        assert_eq!(
            parse("share imports KAZ from KAZ 2020-2024 = 88%", n()),
            Err(ParseError::SameParty("KAZ".into()))
        );
        assert!(matches!(
            parse("rank exports RUS recipient Russia 2020-2024 = 3", n()),
            Err(ParseError::SameParty(_))
        ));
        assert!(matches!(
            parse("share imports KAZ from RUS 2020-2024 = -88%", n()),
            Err(ParseError::ShareOver100(_))
        ));
        assert!(matches!(
            parse("share imports KAZ from RUS 2020-2024 = 188%", n()),
            Err(ParseError::ShareOver100(_))
        ));
        assert!(matches!(
            parse("share imports KAZ from RUS 2024-2020 = 88%", n()),
            Err(ParseError::Period(_))
        ));
        assert!(matches!(
            parse("share imports KAZ from RUS 2020-2024 = lots", n()),
            Err(ParseError::Value(_))
        ));
        assert!(matches!(
            parse("share imports KAZ from RUS 2020-2024 = 88% extra", n()),
            Err(ParseError::Trailing(_))
        ));
        assert!(matches!(parse("tell me", n()), Err(ParseError::Form(_))));
        assert!(matches!(
            parse("share imports KAZ to RUS 2020-2024 = 88%", n()),
            Err(ParseError::Expected { .. })
        ));
        assert!(matches!(
            parse("share imports \"KAZ from", n()),
            Err(ParseError::Quote)
        ));
    }
}

//! The five claim shapes, as data. `Display` writes the structured form that
//! [`crate::structured::parse`] reads back (see `docs/claims.md`).

use crate::stated::Stated;
use engine::Direction;
use model::Window;
use serde::Serialize;

/// A country (or other party) named in a claim, already resolved: `key` is the
/// stable entity key shared by every release (`KAZ`), `name` its display name.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Party {
    pub key: String,
    pub name: String,
}

impl Party {
    pub fn new(key: &str, name: &str) -> Party {
        Party {
            key: key.into(),
            name: name.into(),
        }
    }

    /// How the structured form writes it: the bare key when it is a plain code
    /// (`KAZ`), else the quoted name (`"HoR (Libya)*"`).
    pub fn token(&self) -> String {
        if !self.key.is_empty() && self.key.chars().all(|c| c.is_ascii_alphanumeric()) {
            self.key.clone()
        } else {
            format!("\"{}\"", self.name)
        }
    }
}

/// The period a claim is about. Prose often says "in the past five years",
/// which only has a meaning once we know the release's last year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Period {
    Fixed(Window),
    /// The last `n` years of data in the release being checked against.
    LastYears(u16),
}

impl Period {
    /// The concrete window, given the release's last year of data.
    pub fn resolve(&self, last_year: Option<u16>) -> Option<Window> {
        match *self {
            Period::Fixed(w) => Some(w),
            Period::LastYears(n) => {
                let end = last_year?;
                Window::new(end.checked_sub(n.checked_sub(1)?)?, end).ok()
            }
        }
    }
}

impl std::fmt::Display for Period {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Period::Fixed(w) => write!(f, "{w}"),
            Period::LastYears(n) => write!(f, "last-{n}-years"),
        }
    }
}

/// The partner role in a "largest" statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// "X's largest supplier": the answer is a supplier of the focus.
    Supplier,
    /// "X's largest recipient": the answer is a customer of the focus.
    Recipient,
}

/// One checkable statement.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "shape", rename_all = "snake_case")]
pub enum Claim {
    /// (a) Share of a recipient's imports that came from a supplier.
    ImportShare {
        recipient: Party,
        supplier: Party,
        period: Period,
        share: Stated,
    },
    /// (b) Share of a supplier's exports that went to a recipient, and/or the
    /// recipient's rank among the supplier's customers.
    ExportShare {
        supplier: Party,
        recipient: Party,
        period: Period,
        share: Option<Stated>,
        rank: Option<u32>,
    },
    /// (c) Percentage change of a country's total imports or exports between two
    /// windows.
    Change {
        direction: Direction,
        focus: Party,
        from: Period,
        to: Period,
        change: Stated,
    },
    /// (d) A country's share of world exports (or imports), and/or its rank.
    Global {
        direction: Direction,
        focus: Party,
        period: Period,
        share: Option<Stated>,
        rank: Option<u32>,
    },
    /// (e) "`answer` was `focus`'s `nth`-largest supplier (or recipient)".
    Largest {
        role: Role,
        focus: Party,
        period: Period,
        nth: u32,
        answer: Party,
    },
    /// (e) "`supplier` delivered arms to `recipient` for the first time in `year`".
    FirstEver {
        supplier: Party,
        recipient: Party,
        year: u16,
    },
    /// (f) Deliveries of a weapon system in a year or window ([`crate::weapons`]).
    Delivery(crate::weapons::DeliveryClaim),
    /// (g) Deliveries existed, never existed or stopped ([`crate::weapons`]).
    Presence(crate::weapons::PresenceClaim),
    /// (h) Main or dominant supplier ([`crate::mainsupplier`]).
    MainSupplier(crate::mainsupplier::MainSupplierClaim),
    /// (i) A fact of the group table ([`crate::groupfacts`]).
    Group(crate::groupfacts::GroupClaim),
    /// (j) Reported speech or a forecast: never checkable ([`crate::speech`]).
    Unverifiable(crate::speech::Unverifiable),
}

impl Claim {
    /// Short name of the shape, as in the docs: a–e.
    pub fn shape(&self) -> &'static str {
        match self {
            Claim::ImportShare { .. } => "a",
            Claim::ExportShare { .. } => "b",
            Claim::Change { .. } => "c",
            Claim::Global { .. } => "d",
            Claim::Largest { .. } | Claim::FirstEver { .. } => "e",
            Claim::Delivery(_) => "f",
            Claim::Presence(_) => "g",
            Claim::MainSupplier(_) => "h",
            Claim::Group(_) => "i",
            Claim::Unverifiable(_) => "j",
        }
    }
}

/// `largest`, `second-largest`, …, `tenth-largest`, then `11th-largest`.
pub fn ordinal_word(n: u32) -> String {
    const W: [&str; 10] = [
        "", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    ];
    match n {
        1 => "largest".into(),
        2..=10 => format!("{}-largest", W[n as usize - 1]),
        _ => format!("{n}th-largest"),
    }
}

/// Inverse of [`ordinal_word`]; also accepts `2nd-largest`, `3rd-largest`, `biggest`.
pub fn parse_ordinal_word(s: &str) -> Option<u32> {
    const W: [&str; 10] = [
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
        "tenth",
    ];
    let s = s.to_ascii_lowercase();
    if s == "largest" || s == "biggest" {
        return Some(1);
    }
    let head = s
        .strip_suffix("-largest")
        .or_else(|| s.strip_suffix("-biggest"))?;
    if let Some(i) = W.iter().position(|w| *w == head) {
        return Some(i as u32 + 1);
    }
    let digits = head.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &head[digits.len()..];
    if !["st", "nd", "rd", "th"].contains(&suffix) {
        return None;
    }
    digits.parse::<u32>().ok().filter(|n| (1..=999).contains(n))
}

fn dir_word(d: Direction) -> &'static str {
    match d {
        Direction::Imports => "imports",
        Direction::Exports => "exports",
    }
}

impl std::fmt::Display for Claim {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Claim::ImportShare {
                recipient,
                supplier,
                period,
                share,
            } => write!(
                f,
                "share imports {} from {} {period} = {}",
                recipient.token(),
                supplier.token(),
                share.render(false)
            ),
            Claim::ExportShare {
                supplier,
                recipient,
                period,
                share,
                rank,
            } => match (share, rank) {
                (Some(s), r) => {
                    write!(
                        f,
                        "share exports {} to {} {period} = {}",
                        supplier.token(),
                        recipient.token(),
                        s.render(false)
                    )?;
                    if let Some(r) = r {
                        write!(f, " rank {r}")?;
                    }
                    Ok(())
                }
                (None, r) => write!(
                    f,
                    "rank exports {} recipient {} {period} = {}",
                    supplier.token(),
                    recipient.token(),
                    r.unwrap_or(0)
                ),
            },
            Claim::Change {
                direction,
                focus,
                from,
                to,
                change,
            } => write!(
                f,
                "change {} {} {from}..{to} = {}",
                dir_word(*direction),
                focus.token(),
                change.render(true)
            ),
            Claim::Global {
                direction,
                focus,
                period,
                share,
                rank,
            } => match share {
                Some(s) => {
                    write!(
                        f,
                        "global-share {} {} {period} = {}",
                        dir_word(*direction),
                        focus.token(),
                        s.render(false)
                    )?;
                    if let Some(r) = rank {
                        write!(f, " rank {r}")?;
                    }
                    Ok(())
                }
                None => write!(
                    f,
                    "global-rank {} {} {period} = {}",
                    dir_word(*direction),
                    focus.token(),
                    rank.unwrap_or(0)
                ),
            },
            Claim::Largest {
                role,
                focus,
                period,
                nth,
                answer,
            } => write!(
                f,
                "{} {} {} {period} = {}",
                ordinal_word(*nth),
                match role {
                    Role::Supplier => "supplier",
                    Role::Recipient => "recipient",
                },
                focus.token(),
                answer.token()
            ),
            Claim::FirstEver {
                supplier,
                recipient,
                year,
            } => {
                write!(
                    f,
                    "first-ever {} to {} = {year}",
                    supplier.token(),
                    recipient.token()
                )
            }
            Claim::Delivery(c) => write!(f, "{c}"),
            Claim::Presence(c) => write!(f, "{c}"),
            Claim::MainSupplier(c) => write!(f, "{c}"),
            Claim::Group(c) => write!(f, "{c}"),
            Claim::Unverifiable(c) => write!(f, "{c}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinals_round_trip() {
        for n in 1..=30 {
            assert_eq!(parse_ordinal_word(&ordinal_word(n)), Some(n), "{n}");
        }
        assert_eq!(parse_ordinal_word("3rd-largest"), Some(3));
        assert_eq!(parse_ordinal_word("biggest"), Some(1));
        assert_eq!(parse_ordinal_word("3xx-largest"), None);
        assert_eq!(parse_ordinal_word("large"), None);
    }

    #[test]
    fn last_years_resolve() {
        let p = Period::LastYears(5);
        assert_eq!(
            p.resolve(Some(2024)),
            Some(Window::new(2020, 2024).unwrap())
        );
        assert_eq!(p.resolve(None), None);
        assert_eq!(Period::LastYears(0).resolve(Some(2024)), None);
    }
}

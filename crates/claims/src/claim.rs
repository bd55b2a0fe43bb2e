//! The five claim shapes, as data. `Display` writes the structured form that
//! [`crate::structured::parse`] reads back (see `docs/claims.md`).

use crate::stated::Stated;
use engine::Direction;
use model::{Category, Window};
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

/// A rank as stated: exactly `n` ("third-largest", "No. 3", "Platz drei"), or
/// anywhere from 1 to `n` ("among the top ten", "zu den fünf größten").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Rank {
    pub n: u32,
    pub top: bool,
}

impl Rank {
    pub fn exactly(n: u32) -> Rank {
        Rank { n, top: false }
    }

    pub fn top(n: u32) -> Rank {
        Rank { n, top: true }
    }

    /// Whether a computed rank satisfies the statement.
    pub fn holds(&self, got: u32) -> bool {
        if self.top {
            got <= self.n
        } else {
            got == self.n
        }
    }

    /// `3` or `top-10`, as the structured form writes it.
    pub fn parse(s: &str) -> Option<Rank> {
        let (top, num) = match s.strip_prefix("top-") {
            Some(n) => (true, n),
            None => (false, s),
        };
        let n = num.parse::<u32>().ok().filter(|n| *n >= 1)?;
        Some(Rank { n, top })
    }

    /// The tolerance in words.
    pub fn describe(&self) -> String {
        if self.top {
            format!("rank 1 to {}", self.n)
        } else {
            format!("rank exactly {}", self.n)
        }
    }
}

impl std::fmt::Display for Rank {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.top {
            write!(f, "top-{}", self.n)
        } else {
            write!(f, "{}", self.n)
        }
    }
}

/// SIPRI's armament category as the structured form writes it: `aircraft`,
/// `air-defence-systems`, `armoured-vehicles` (read back by `Category::parse`).
pub fn category_token(c: Category) -> String {
    c.sipri_name().to_ascii_lowercase().replace(' ', "-")
}

/// ` aircraft` after the period, or nothing for all categories.
fn cat(c: &Option<Category>) -> String {
    c.map_or(String::new(), |c| format!(" {}", category_token(c)))
}

/// One checkable statement. `category`, where set, restricts every figure of
/// the claim (numerator and denominator) to one SIPRI armament category.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "shape", rename_all = "snake_case")]
pub enum Claim {
    /// (a) Share of a recipient's imports that came from a supplier.
    ImportShare {
        recipient: Party,
        supplier: Party,
        period: Period,
        category: Option<Category>,
        share: Stated,
    },
    /// (b) Share of a supplier's exports that went to a recipient, and/or the
    /// recipient's rank among the supplier's customers.
    ExportShare {
        supplier: Party,
        recipient: Party,
        period: Period,
        category: Option<Category>,
        share: Option<Stated>,
        rank: Option<Rank>,
    },
    /// (c) Percentage change of a country's total imports or exports between two
    /// windows.
    Change {
        direction: Direction,
        focus: Party,
        from: Period,
        to: Period,
        category: Option<Category>,
        change: Stated,
    },
    /// (d) A country's share of world exports (or imports), and/or its rank.
    Global {
        direction: Direction,
        focus: Party,
        period: Period,
        category: Option<Category>,
        share: Option<Stated>,
        rank: Option<Rank>,
    },
    /// (e) "`answer` was `focus`'s `nth`-largest supplier (or recipient)".
    Largest {
        role: Role,
        focus: Party,
        period: Period,
        category: Option<Category>,
        nth: Rank,
        answer: Party,
    },
    /// "`focus` imported more from `more` than from `less`" (imports), or
    /// exported more to `more` than to `less` (exports), by TIV.
    Compare {
        direction: Direction,
        focus: Party,
        more: Party,
        less: Party,
        period: Period,
        category: Option<Category>,
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
    /// The two sides of a claim about one flow between two countries, as
    /// (supplier, recipient) (a "largest supplier" claim's answer and focus,
    /// a "largest recipient" claim's focus and answer), or `None` for a
    /// claim with no such pair.
    pub fn flow_sides(&self) -> Option<(&Party, &Party)> {
        match self {
            Claim::ImportShare {
                supplier,
                recipient,
                ..
            }
            | Claim::ExportShare {
                supplier,
                recipient,
                ..
            }
            | Claim::FirstEver {
                supplier,
                recipient,
                ..
            } => Some((supplier, recipient)),
            Claim::Largest {
                role: Role::Supplier,
                focus,
                answer,
                ..
            } => Some((answer, focus)),
            Claim::Largest {
                role: Role::Recipient,
                focus,
                answer,
                ..
            } => Some((focus, answer)),
            _ => None,
        }
    }
    /// Short name of the shape, as in the docs: a–k.
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
            Claim::Compare { .. } => "k",
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
                category,
                share,
            } => write!(
                f,
                "share imports {} from {} {period}{} = {}",
                recipient.token(),
                supplier.token(),
                cat(category),
                share.render(false)
            ),
            Claim::ExportShare {
                supplier,
                recipient,
                period,
                category,
                share,
                rank,
            } => match (share, rank) {
                (Some(s), r) => {
                    write!(
                        f,
                        "share exports {} to {} {period}{} = {}",
                        supplier.token(),
                        recipient.token(),
                        cat(category),
                        s.render(false)
                    )?;
                    if let Some(r) = r {
                        write!(f, " rank {r}")?;
                    }
                    Ok(())
                }
                (None, r) => write!(
                    f,
                    "rank exports {} recipient {} {period}{} = {}",
                    supplier.token(),
                    recipient.token(),
                    cat(category),
                    r.map_or("?".to_string(), |r| r.to_string())
                ),
            },
            Claim::Change {
                direction,
                focus,
                from,
                to,
                category,
                change,
            } => write!(
                f,
                "change {} {} {from}..{to}{} = {}",
                dir_word(*direction),
                focus.token(),
                cat(category),
                change.render(true)
            ),
            Claim::Global {
                direction,
                focus,
                period,
                category,
                share,
                rank,
            } => match share {
                Some(s) => {
                    write!(
                        f,
                        "global-share {} {} {period}{} = {}",
                        dir_word(*direction),
                        focus.token(),
                        cat(category),
                        s.render(false)
                    )?;
                    if let Some(r) = rank {
                        write!(f, " rank {r}")?;
                    }
                    Ok(())
                }
                None => write!(
                    f,
                    "global-rank {} {} {period}{} = {}",
                    dir_word(*direction),
                    focus.token(),
                    cat(category),
                    rank.map_or("?".to_string(), |r| r.to_string())
                ),
            },
            Claim::Largest {
                role,
                focus,
                period,
                category,
                nth,
                answer,
            } => write!(
                f,
                "{} {} {} {period}{} = {}",
                if nth.top {
                    format!("top-{}", nth.n)
                } else {
                    ordinal_word(nth.n)
                },
                match role {
                    Role::Supplier => "supplier",
                    Role::Recipient => "recipient",
                },
                focus.token(),
                cat(category),
                answer.token()
            ),
            Claim::Compare {
                direction,
                focus,
                more,
                less,
                period,
                category,
            } => write!(
                f,
                "compare {} {} {} {} > {} {period}{}",
                dir_word(*direction),
                focus.token(),
                if *direction == Direction::Imports {
                    "from"
                } else {
                    "to"
                },
                more.token(),
                less.token(),
                cat(category)
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

//! (h) "Russia remains its dominant arms supplier", "the US remained Saudi
//! Arabia's main supplier". Rank 1 is always required; "dominant" and "main"
//! also need a clear margin, documented in docs/claims.md: a share of at least
//! [`MIN_SHARE`] of the recipient's imports and at least [`MIN_LEAD`] times the
//! second supplier's.

use crate::check::{Out, bilateral, party_of, resolve_in, settle, verdict};
use crate::claim::{Party, Period};
use crate::features::Form;
use crate::i18n::{FigureMsg, MainWord, Msg, Reason, Tol};
use crate::lexicon::{Prep, RoleNoun, role_noun};
use crate::shapes::Sent;
use engine::{Direction, Filter};
use model::Release;
use serde::Serialize;

/// Share of the recipient's imports a "main"/"dominant" supplier must have.
pub const MIN_SHARE: f64 = 0.5;
/// How many times the second supplier's volume it must have.
pub const MIN_LEAD: f64 = 2.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Strength {
    /// "dominant", "dominierend"
    Dominant,
    /// "main", "chief", "principal", "Haupt-"
    Main,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MainSupplierClaim {
    pub recipient: Party,
    pub supplier: Party,
    pub period: Period,
    pub strength: Strength,
    /// The period was not stated: a present-tense "remains"/"ist" read as the
    /// latest five years of data.
    pub implied_period: bool,
    /// "main supplier of combat aircraft": the rule over one SIPRI category
    /// (set by [`crate::rule::set_category`], never dropped).
    pub category: Option<model::Category>,
}

impl std::fmt::Display for MainSupplierClaim {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}-supplier {} {}{} = {}",
            match self.strength {
                Strength::Dominant => "dominant",
                Strength::Main => "main",
            },
            self.recipient.token(),
            self.period,
            self.category.map_or(String::new(), |c| format!(
                " {}",
                crate::claim::category_token(c)
            )),
            self.supplier.token()
        )
    }
}

fn strength_at(s: &Sent, i: usize) -> Option<Strength> {
    let w = s.norm(i);
    let st = if w.starts_with("dominant") || w.starts_with("dominierend") {
        Strength::Dominant
    } else if matches!(w, "main" | "chief" | "principal" | "primary") {
        Strength::Main
    } else if let Some(rest) = w.strip_prefix("haupt") {
        // "Hauptwaffenlieferant" is one word.
        return (role_noun(rest) == Some(RoleNoun::Supplier)).then_some(Strength::Main);
    } else {
        return None;
    };
    // The supplier noun follows within two words ("main arms supplier").
    (1..=2)
        .any(|k| role_noun(s.norm(i + k)) == Some(RoleNoun::Supplier))
        .then_some(st)
}

fn present_tense(w: &str) -> bool {
    matches!(
        w,
        "bleibt" | "ist" | "remains" | "remain" | "is" | "are" | "bleiben" | "continues"
            // "remained": still, as of the latest data (said in the answer).
            | "remained" | "blieb" | "blieben"
    )
}

pub(crate) fn extract(s: &Sent) -> Vec<Result<crate::Claim, Msg>> {
    let Some((idx, strength)) =
        (0..s.s.tokens.len()).find_map(|i| strength_at(s, i).map(|st| (i, st)))
    else {
        return Vec::new();
    };
    // A kind ("combat aircraft") is an armament category, set by the
    // meaning rule; a designation is narrower than any category.
    if let Some((w, _)) = crate::weapon::weapon(s)
        && w.designation.is_some()
    {
        return vec![Err(Reason::MainOneWeapon(w.text).into())];
    }
    if s.negated() {
        return vec![Err(Reason::MainNegated.into())];
    }
    let supplier = s
        .mention(|m| m.form == Form::Noun && m.prep.is_none())
        .map(|m| m.party.clone());
    let Some(supplier) = supplier else {
        return vec![Err(Reason::MainNoSupplier.into())];
    };
    let sup = Some(&supplier);
    let recipient = s
        .mention(|m| m.form == Form::Possessive && Some(&m.party) != sup)
        .or_else(|| {
            s.mention(|m| {
                m.idx > idx && matches!(m.prep, Some(Prep::Of | Prep::To)) && Some(&m.party) != sup
            })
        })
        .map(|m| m.party.clone())
        .or_else(|| s.discourse.filter(|d| Some(*d) != sup).cloned());
    let Some(recipient) = recipient else {
        return vec![Err(Reason::MainNoRecipient.into())];
    };
    let stated = s.whens.iter().find_map(|w| w.window);
    let relative = s.f.periods.iter().find_map(|(p, _)| match p {
        crate::features::PeriodRef::Given(Period::LastYears(n)) => Some(*n),
        _ => None,
    });
    let (period, implied_period) = match stated {
        Some(w) => (Period::Fixed(w), false),
        None if relative.is_some() => (Period::LastYears(relative.unwrap_or(5)), false),
        // "in the 1990s", "in den 1990er Jahren": a period we do not read.
        None if s.s.tokens.iter().any(|t| {
            t.text
                .as_bytes()
                .windows(4)
                .any(|w| w.iter().all(u8::is_ascii_digit))
        }) =>
        {
            return vec![Err(Reason::MainPeriodUnread.into())];
        }
        None if s.has(present_tense) => (Period::LastYears(5), true),
        None => {
            return vec![Err(Reason::MainPastNoPeriod.into())];
        }
    };
    vec![Ok(crate::Claim::MainSupplier(MainSupplierClaim {
        recipient,
        supplier,
        period,
        strength,
        implied_period,
        category: None,
    }))]
}

pub(crate) fn check(c: &MainSupplierClaim, rel: &Release) -> Out {
    settle(run(c, rel))
}

fn run(c: &MainSupplierClaim, rel: &Release) -> Result<Out, Box<Out>> {
    bilateral(rel)?;
    let (_, w) = resolve_in(rel, &c.period)?;
    let r = rel
        .entities
        .by_key(&c.recipient.key)
        .ok_or_else(|| Out::fail(FigureMsg::NoDeliveriesOf(c.recipient.clone())))?;
    crate::check::sided(rel, Direction::Imports, Some(r))?;
    let parts = engine::partners(
        rel,
        r,
        Direction::Imports,
        &Filter::new(w).with_category(c.category),
    );
    if parts.total <= 0.0 {
        return Err(Out::fail(FigureMsg::ImportedNothing {
            who: c.recipient.clone(),
            cat: c.category,
            window: w,
        }));
    }
    let got = rel
        .entities
        .by_key(&c.supplier.key)
        .and_then(|s| parts.get(s));
    let first = parts.partners.iter().find(|p| p.rank == Some(1));
    let second = parts.partners.iter().find(|p| p.rank == Some(2));
    let share = got.map_or(0.0, |p| p.share);
    let rank1 = got.is_some_and(|p| p.rank == Some(1));
    let lead = match (got, second) {
        (Some(p), Some(q)) if q.tiv > 0.0 => p.tiv / q.tiv,
        (Some(_), None) => f64::INFINITY,
        _ => 0.0,
    };
    let ok = rank1 && share >= MIN_SHARE && lead >= MIN_LEAD;
    let word = match c.strength {
        Strength::Dominant => MainWord::Dominant,
        Strength::Main => MainWord::Main,
    };
    let mut text = vec![match got.and_then(|p| p.rank.map(|r| (p, r))) {
        Some((p, rank)) => FigureMsg::MainRank {
            supplier: c.supplier.clone(),
            recipient: c.recipient.clone(),
            rank,
            of: parts.ranked(),
            cat: c.category,
            window: w,
            tiv: p.tiv,
            total: parts.total,
            pct: 100.0 * p.share,
        },
        None => FigureMsg::DeliveredNothing {
            supplier: c.supplier.clone(),
            recipient: c.recipient.clone(),
            cat: c.category,
            window: w,
        },
    }];
    if !rank1 && let Some(f) = first {
        text.push(FigureMsg::LargestWas(
            party_of(rel, f.entity),
            100.0 * f.share,
        ));
    }
    if rank1 && let Some(q) = second {
        text.push(FigureMsg::SecondWas {
            party: party_of(rel, q.entity),
            pct: 100.0 * q.share,
            lead,
        });
    }
    // "main" (unlike "dominant") is used by SIPRI itself for the largest
    // supplier ("Russia remained India's main arms supplier (36 %)"): when
    // only that reading holds, the verdict is left open.
    let open = rank1 && !ok && c.strength == Strength::Main;
    text.push(if open {
        FigureMsg::MainReadings {
            pct: 100.0 * share,
            lead,
            min_pct: 100.0 * MIN_SHARE,
            min_lead: MIN_LEAD,
        }
    } else {
        FigureMsg::MainRule {
            word,
            min_pct: 100.0 * MIN_SHARE,
            min_lead: MIN_LEAD,
        }
    });
    if c.implied_period {
        text.push(FigureMsg::PresentTenseWindow(w));
    }
    Ok(Out {
        computed: Some(100.0 * share),
        computed_rank: got.and_then(|p| p.rank),
        window: Some(w),
        tolerance: Some(Tol::MainRule {
            min_pct: 100.0 * MIN_SHARE,
            min_lead: MIN_LEAD,
        }),
        estimated: got.and_then(|p| (p.tiv > 0.0).then(|| p.estimated_tiv / p.tiv)),
        allocated: Some(parts.allocated_share),
        ..Out::new(
            if open {
                crate::check::Verdict::CannotBeChecked
            } else {
                verdict(ok)
            },
            Msg::join(text),
        )
    })
}

//! (h) "Russia remains its dominant arms supplier", "the US remained Saudi
//! Arabia's main supplier". Rank 1 is always required; "dominant" and "main"
//! also need a clear margin, documented in docs/claims.md: a share of at least
//! [`MIN_SHARE`] of the recipient's imports and at least [`MIN_LEAD`] times the
//! second supplier's.

use crate::check::Verdict;
use crate::claim::{Party, Period};
use crate::features::Form;
use crate::lexicon::{Prep, RoleNoun, role_noun};
use crate::shapes::{Outcome, Sent, bilateral, span};
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

pub(crate) fn extract(s: &Sent) -> Vec<Result<crate::Claim, String>> {
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
        return vec![Err(format!(
            "a main supplier of one weapon (\"{}\") is not checked: the rule is over a whole armament category",
            w.text
        ))];
    }
    if s.negated() {
        return vec![Err(
            "a negated main-supplier statement (\"no longer\", \"not\") is not checked".into(),
        )];
    }
    let supplier = s
        .mention(|m| m.form == Form::Noun && m.prep.is_none())
        .map(|m| m.party.clone());
    let Some(supplier) = supplier else {
        return vec![Err("a main-supplier statement without a supplier".into())];
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
        return vec![Err("a main-supplier statement without a recipient".into())];
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
            return vec![Err(
                "a main-supplier statement with a period we cannot read".into(),
            )];
        }
        None if s.has(present_tense) => (Period::LastYears(5), true),
        None => {
            return vec![Err(
                "a main-supplier statement in the past tense without a period cannot be checked"
                    .into(),
            )];
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

pub(crate) fn check(c: &MainSupplierClaim, rel: &Release) -> Outcome {
    match run(c, rel) {
        Ok(o) => o,
        Err(o) => *o,
    }
}

fn run(c: &MainSupplierClaim, rel: &Release) -> Result<Outcome, Box<Outcome>> {
    bilateral(rel)?;
    let all = span(rel)?;
    let w = c
        .period
        .resolve(Some(all.end))
        .ok_or_else(|| Outcome::fail("no period".into()))?;
    if let Some(note) = model::Coverage::of(w, Some((all.start, all.end))).note() {
        return Err(Outcome::fail(format!(
            "{note}, so {w} is not fully covered"
        )));
    }
    let r = rel.entities.by_key(&c.recipient.key).ok_or_else(|| {
        Outcome::fail(format!(
            "{} has no deliveries in this release",
            c.recipient.name
        ))
    })?;
    let parts = engine::partners(
        rel,
        r,
        Direction::Imports,
        &Filter::new(w).with_category(c.category),
    );
    let of = crate::check::of_cat(&c.category);
    if parts.total <= 0.0 {
        return Err(Outcome::fail(format!(
            "{} imported nothing{of} in {w}",
            c.recipient.name
        )));
    }
    let name = |id| rel.entities.try_get(id).map_or("?", |e| e.name.as_str());
    let got = rel
        .entities
        .by_key(&c.supplier.key)
        .and_then(|s| parts.get(s));
    let first = parts.partners.iter().find(|p| p.rank == 1);
    let second = parts.partners.iter().find(|p| p.rank == 2);
    let share = got.map_or(0.0, |p| p.share);
    let rank1 = got.is_some_and(|p| p.rank == 1);
    let lead = match (got, second) {
        (Some(p), Some(q)) if q.tiv > 0.0 => p.tiv / q.tiv,
        (Some(_), None) => f64::INFINITY,
        _ => 0.0,
    };
    let ok = rank1 && share >= MIN_SHARE && lead >= MIN_LEAD;
    let word = match c.strength {
        Strength::Dominant => "dominant",
        Strength::Main => "main",
    };
    let mut text = match got {
        Some(p) => format!(
            "{}: rank {} of {} suppliers of {}{of} in {w}, {:.2} of {:.2} TIV = {:.2} %",
            c.supplier.name,
            p.rank,
            parts.partners.len(),
            c.recipient.name,
            p.tiv,
            parts.total,
            100.0 * p.share
        ),
        None => format!(
            "{} delivered nothing{of} to {} in {w}",
            c.supplier.name, c.recipient.name
        ),
    };
    if !rank1 && let Some(f) = first {
        text.push_str(&format!(
            "; the largest was {} ({:.2} %)",
            name(f.entity),
            100.0 * f.share
        ));
    }
    if rank1 && let Some(q) = second {
        text.push_str(&format!(
            "; second {} {:.2} % ({lead:.1}× less)",
            name(q.entity),
            100.0 * q.share
        ));
    }
    text.push_str(&format!(
        "; rule for \"{word}\": rank 1, at least {:.0} % and at least {MIN_LEAD:.0}× the second supplier",
        100.0 * MIN_SHARE
    ));
    if c.implied_period {
        text.push_str(&format!(
            "; no period stated: the present tense is read as the latest five years ({w})"
        ));
    }
    let mut o = Outcome::new(
        if ok {
            Verdict::Supported
        } else {
            Verdict::NotSupported
        },
        text,
    );
    o.computed = Some(100.0 * share);
    o.computed_rank = got.map(|p| p.rank);
    o.window = Some(w);
    o.tolerance = Some(format!(
        "rank 1, ≥ {:.0} %, ≥ {MIN_LEAD:.0}× the second",
        100.0 * MIN_SHARE
    ));
    o.estimated = got.and_then(|p| (p.tiv > 0.0).then(|| p.estimated_tiv / p.tiv));
    Ok(o)
}

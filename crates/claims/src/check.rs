//! Verdicts: a claim checked against one release, with the computed value, the
//! tolerance its wording allows, the release it rests on and how much of the
//! figure rests on SIPRI's estimates.
//!
//! Every figure comes from the engine ([`engine::partners`], [`engine::ranking`],
//! [`engine::pair`]); nothing here re-aggregates flows.

use crate::claim::{Claim, Party, Period, Role, category_token, ordinal_word};
use crate::stated::Stated;
use engine::{Direction, Filter};
use model::{Category, EntityId, Release, Window};
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Supported,
    NotSupported,
    /// The release cannot decide: period not covered, no deliveries to take a
    /// share of, a one-sided TIV table, or a "first" at the start of the data.
    CannotBeChecked,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Supported => "supported",
            Verdict::NotSupported => "not supported",
            Verdict::CannotBeChecked => "cannot be checked",
        }
    }
}

/// The outcome of checking one claim.
#[derive(Debug, Clone, Serialize)]
pub struct Checked {
    pub claim: Claim,
    /// The claim in structured form.
    pub structured: String,
    pub verdict: Verdict,
    /// The computed main figure: a percentage (shares, change), a rank, or a year.
    pub computed: Option<f64>,
    /// The computed rank, where the claim states one.
    pub computed_rank: Option<u32>,
    /// The accepted interval for the stated number, e.g. `[87.5, 88.5)`.
    pub tolerance: Option<String>,
    /// The window the claim was checked over (relative periods resolved).
    pub window: Option<Window>,
    /// Fraction of the TIV behind the figure that rests on SIPRI estimates.
    pub estimated_share: Option<f64>,
    /// Fraction that is our allocation of per-deal totals (legacy register).
    pub allocated_share: Option<f64>,
    /// What was computed, in words.
    pub explanation: String,
    pub release: String,
    pub citation: String,
    pub synthetic: bool,
    /// Qualifies the verdict ("designation differs"): shown next to it, never dropped.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub caveat: Option<String>,
}

impl Checked {
    /// The verdict with its caveat: "supported, designation differs".
    pub fn verdict_label(&self) -> String {
        match &self.caveat {
            Some(c) => format!("{}, {c}", self.verdict.as_str()),
            None => self.verdict.as_str().to_string(),
        }
    }
}

pub(crate) struct Out {
    pub(crate) verdict: Verdict,
    pub(crate) computed: Option<f64>,
    pub(crate) computed_rank: Option<u32>,
    pub(crate) tolerance: Option<String>,
    pub(crate) window: Option<Window>,
    pub(crate) estimated: Option<f64>,
    pub(crate) allocated: Option<f64>,
    pub(crate) explanation: String,
}

pub(crate) fn cannot(why: String) -> Out {
    Out {
        verdict: Verdict::CannotBeChecked,
        computed: None,
        computed_rank: None,
        tolerance: None,
        window: None,
        estimated: None,
        allocated: None,
        explanation: why,
    }
}

fn frac(part: f64, whole: f64) -> Option<f64> {
    (whole > 0.0).then(|| part / whole)
}

/// Checks `claim` against `rel`.
pub fn check(claim: &Claim, rel: &Release) -> Checked {
    if crate::shapes::is_new_shape(claim) {
        return crate::shapes::check_builtin(claim, rel);
    }
    let out = match run(claim, rel) {
        Ok(o) | Err(o) => o,
    };
    Checked {
        claim: claim.clone(),
        structured: claim.to_string(),
        verdict: out.verdict,
        computed: out.computed,
        computed_rank: out.computed_rank,
        tolerance: out.tolerance,
        window: out.window,
        estimated_share: out.estimated,
        allocated_share: out.allocated,
        explanation: out.explanation,
        release: rel.meta.id.clone(),
        citation: rel.citation(),
        synthetic: rel.meta.synthetic,
        caveat: None,
    }
}

/// A claim read from prose whose wording carries something the claim cannot
/// represent: nothing is computed, the reason is the explanation.
pub fn cannot_check(claim: &Claim, rel: &Release, reason: &str) -> Checked {
    let out = cannot(reason.to_string());
    Checked {
        claim: claim.clone(),
        structured: claim.to_string(),
        verdict: out.verdict,
        computed: None,
        computed_rank: None,
        tolerance: None,
        window: None,
        estimated_share: None,
        allocated_share: None,
        explanation: out.explanation,
        release: rel.meta.id.clone(),
        citation: rel.citation(),
        synthetic: rel.meta.synthetic,
        caveat: None,
    }
}

/// The selection a claim's figures are computed over.
pub(crate) fn filter(w: Window, c: &Option<Category>) -> Filter {
    Filter::new(w).with_category(*c)
}

/// " of aircraft" for explanations.
pub(crate) fn of_cat(c: &Option<Category>) -> String {
    c.map_or(String::new(), |c| format!(" ({} only)", category_token(c)))
}

pub(crate) fn id(rel: &Release, p: &Party) -> Option<EntityId> {
    rel.entities.by_key(&p.key)
}

fn name(rel: &Release, id: EntityId) -> &str {
    rel.entities.try_get(id).map_or("?", |e| e.name.as_str())
}

/// The window of `p`, if the release covers it entirely.
pub(crate) fn window(rel: &Release, p: &Period) -> Result<Window, Out> {
    let span = engine::year_span(rel);
    let w = p.resolve(span.map(|s| s.1)).ok_or_else(|| {
        cannot("the release has no data, so relative periods have no meaning".into())
    })?;
    if span.is_none() {
        return Err(cannot("the release holds no deliveries".into()));
    }
    // The one coverage rule (model::Coverage), as the CLI, API and pages apply it.
    match rel.coverage(w).note() {
        None => Ok(w),
        Some(note) => Err(cannot(format!("{note}, so {w} is not fully covered"))),
    }
}

pub(crate) fn bilateral(rel: &Release) -> Result<(), Out> {
    if rel.meta.format.is_bilateral() {
        Ok(())
    } else {
        Err(cannot(format!(
            "release {} is a {} with one side of each flow only; supplier-recipient figures need a register",
            rel.meta.id,
            rel.meta.format.as_str()
        )))
    }
}

pub(crate) fn verdict(ok: bool) -> Verdict {
    if ok {
        Verdict::Supported
    } else {
        Verdict::NotSupported
    }
}

fn within(stated: &Stated, pct: f64) -> (bool, String) {
    let t = stated.tolerance();
    (t.contains(pct), t.to_string())
}

fn run(claim: &Claim, rel: &Release) -> Result<Out, Out> {
    match claim {
        // Decided in crate::shapes before `run` is reached.
        Claim::Delivery(_)
        | Claim::Presence(_)
        | Claim::MainSupplier(_)
        | Claim::Group(_)
        | Claim::Unverifiable(_) => Err(cannot("not a shape of this checker".into())),
        Claim::ImportShare {
            recipient,
            supplier,
            period,
            category,
            share,
        } => {
            bilateral(rel)?;
            let w = window(rel, period)?;
            let r = id(rel, recipient).ok_or_else(|| {
                cannot(format!(
                    "{} has no deliveries in this release",
                    recipient.name
                ))
            })?;
            let parts = engine::partners(rel, r, Direction::Imports, &filter(w, category));
            if parts.total <= 0.0 {
                return Err(cannot(format!(
                    "{} imported nothing{} in {w}: no share to take",
                    recipient.name,
                    of_cat(category)
                )));
            }
            let ps = id(rel, supplier).and_then(|s| parts.get(s));
            let tiv = ps.map_or(0.0, |p| p.tiv);
            let pct = 100.0 * tiv / parts.total;
            let (ok, tol) = within(share, pct);
            Ok(Out {
                verdict: verdict(ok),
                computed: Some(pct),
                computed_rank: ps.map(|p| p.rank),
                tolerance: Some(tol),
                window: Some(w),
                estimated: ps.and_then(|p| frac(p.estimated_tiv, p.tiv)),
                allocated: ps.and_then(|p| frac(p.allocated_tiv, p.tiv)),
                explanation: format!(
                    "{} supplied {tiv:.2} of {}'s {:.2} TIV of imports{} in {w} = {pct:.2} % (denominator: {}'s imports{}); stated {}",
                    supplier.name,
                    recipient.name,
                    parts.total,
                    of_cat(category),
                    recipient.name,
                    of_cat(category),
                    share.render(false)
                ),
            })
        }
        Claim::ExportShare {
            supplier,
            recipient,
            period,
            category,
            share,
            rank,
        } => {
            bilateral(rel)?;
            let w = window(rel, period)?;
            let s = id(rel, supplier).ok_or_else(|| {
                cannot(format!(
                    "{} has no deliveries in this release",
                    supplier.name
                ))
            })?;
            let parts = engine::partners(rel, s, Direction::Exports, &filter(w, category));
            if parts.total <= 0.0 {
                return Err(cannot(format!(
                    "{} exported nothing{} in {w}",
                    supplier.name,
                    of_cat(category)
                )));
            }
            let ps = id(rel, recipient).and_then(|r| parts.get(r));
            let tiv = ps.map_or(0.0, |p| p.tiv);
            let pct = 100.0 * tiv / parts.total;
            let got_rank = ps.map(|p| p.rank);
            let mut ok = true;
            let mut tol = None;
            let mut text = format!(
                "{} received {tiv:.2} of {}'s {:.2} TIV of exports{} in {w} = {pct:.2} % (denominator: {}'s exports)",
                recipient.name,
                supplier.name,
                parts.total,
                of_cat(category),
                supplier.name
            );
            if let Some(st) = share {
                let (o, t) = within(st, pct);
                ok &= o;
                tol = Some(t);
            }
            if let Some(want) = rank {
                ok &= got_rank.is_some_and(|g| want.holds(g));
                text.push_str(&match got_rank {
                    Some(k) => format!(
                        "; rank {k} of {} recipients ({})",
                        parts.partners.len(),
                        neighbours(rel, &parts.partners, k)
                    ),
                    None => "; not among its recipients".into(),
                });
                if tol.is_none() {
                    tol = Some(want.describe());
                }
            }
            Ok(Out {
                verdict: verdict(ok),
                computed: Some(pct),
                computed_rank: got_rank,
                tolerance: tol,
                window: Some(w),
                estimated: ps.and_then(|p| frac(p.estimated_tiv, p.tiv)),
                allocated: ps.and_then(|p| frac(p.allocated_tiv, p.tiv)),
                explanation: text,
            })
        }
        Claim::Change {
            direction,
            focus,
            from,
            to,
            category,
            change,
        } => {
            let (wf, wt) = (window(rel, from)?, window(rel, to)?);
            let f = id(rel, focus).ok_or_else(|| {
                cannot(format!("{} has no deliveries in this release", focus.name))
            })?;
            let a = engine::partners(rel, f, *direction, &filter(wf, category));
            let b = engine::partners(rel, f, *direction, &filter(wt, category));
            if a.total <= 0.0 {
                return Err(cannot(format!(
                    "{}'s {}{} in {wf} were 0: no % change",
                    focus.name,
                    direction,
                    of_cat(category)
                )));
            }
            let pct = 100.0 * (b.total / a.total - 1.0);
            let (ok, tol) = within(change, pct);
            Ok(Out {
                verdict: verdict(ok),
                computed: Some(pct),
                computed_rank: None,
                tolerance: Some(tol),
                window: Some(wt),
                estimated: frac(
                    a.estimated_share * a.total + b.estimated_share * b.total,
                    a.total + b.total,
                ),
                allocated: frac(
                    a.allocated_share * a.total + b.allocated_share * b.total,
                    a.total + b.total,
                ),
                explanation: format!(
                    "{}'s {}{} {:.2} TIV in {wf} → {:.2} TIV in {wt} = {pct:+.2} % (×{:.3}); stated {}",
                    focus.name,
                    direction,
                    of_cat(category),
                    a.total,
                    b.total,
                    b.total / a.total,
                    change.render(true)
                ),
            })
        }
        Claim::Global {
            direction,
            focus,
            period,
            category,
            share,
            rank,
        } => {
            let w = window(rel, period)?;
            let r = engine::ranking(rel, *direction, &filter(w, category));
            if r.total <= 0.0 {
                return Err(cannot(format!("no {direction} recorded in {w}")));
            }
            let row = id(rel, focus).and_then(|f| r.rank_of(f));
            let tiv = row.map_or(0.0, |x| x.tiv);
            let pct = 100.0 * tiv / r.total;
            let mut ok = true;
            let mut tol = None;
            if let Some(st) = share {
                let (o, t) = within(st, pct);
                ok &= o;
                tol = Some(t);
            }
            let got = row.map(|x| x.rank);
            if let Some(want) = rank {
                ok &= got.is_some_and(|g| want.holds(g));
                tol.get_or_insert_with(|| want.describe());
            }
            let who = if *direction == Direction::Exports {
                "exporters"
            } else {
                "importers"
            };
            Ok(Out {
                verdict: verdict(ok),
                computed: Some(pct),
                computed_rank: got,
                tolerance: tol,
                window: Some(w),
                estimated: row.and_then(|x| frac(x.estimated_tiv, x.tiv)),
                allocated: None,
                explanation: format!(
                    "{}: {tiv:.2} of the world's {:.2} TIV of {direction}{} in {w} = {pct:.2} %, rank {} of {} {who}",
                    focus.name,
                    r.total,
                    of_cat(category),
                    got.map_or("-".to_string(), |k| k.to_string()),
                    r.rows.len()
                ),
            })
        }
        Claim::Largest {
            role,
            focus,
            period,
            category,
            nth,
            answer,
        } => {
            bilateral(rel)?;
            let w = window(rel, period)?;
            let dir = match role {
                Role::Supplier => Direction::Imports,
                Role::Recipient => Direction::Exports,
            };
            let f = id(rel, focus).ok_or_else(|| {
                cannot(format!("{} has no deliveries in this release", focus.name))
            })?;
            let parts = engine::partners(rel, f, dir, &filter(w, category));
            if parts.total <= 0.0 {
                return Err(cannot(format!(
                    "{} has no {dir}{} in {w}",
                    focus.name,
                    of_cat(category)
                )));
            }
            let got = id(rel, answer).and_then(|a| parts.get(a));
            let at_n: Vec<String> = parts
                .partners
                .iter()
                .filter(|p| nth.holds(p.rank))
                .map(|p| {
                    format!(
                        "{} ({:.2} TIV, {:.2} %)",
                        name(rel, p.entity),
                        p.tiv,
                        100.0 * p.share
                    )
                })
                .collect();
            let role_word = if *role == Role::Supplier {
                "supplier"
            } else {
                "recipient"
            };
            Ok(Out {
                verdict: verdict(got.is_some_and(|p| nth.holds(p.rank))),
                computed: got.map(|p| 100.0 * p.share),
                computed_rank: got.map(|p| p.rank),
                tolerance: Some(nth.describe()),
                window: Some(w),
                estimated: got.and_then(|p| frac(p.estimated_tiv, p.tiv)),
                allocated: got.and_then(|p| frac(p.allocated_tiv, p.tiv)),
                explanation: format!(
                    "{} {role_word} of {}{} in {w}: {}; {} is {}",
                    if nth.top {
                        format!("top-{}", nth.n)
                    } else {
                        ordinal_word(nth.n)
                    },
                    focus.name,
                    of_cat(category),
                    if at_n.is_empty() {
                        "none".to_string()
                    } else {
                        at_n.join(", ")
                    },
                    answer.name,
                    got.map_or(format!("not a {role_word}"), |p| format!("rank {}", p.rank)),
                ),
            })
        }
        Claim::Compare {
            direction,
            focus,
            more,
            less,
            period,
            category,
        } => crate::compare::check(rel, *direction, focus, more, less, period, category),
        Claim::FirstEver {
            supplier,
            recipient,
            year,
        } => {
            bilateral(rel)?;
            let (first, last) = engine::year_span(rel)
                .ok_or_else(|| cannot("the release holds no deliveries".into()))?;
            if !(first..=last).contains(year) {
                return Err(cannot(format!(
                    "the release covers {first}-{last}; {year} is outside it"
                )));
            }
            let (Some(s), Some(r)) = (id(rel, supplier), id(rel, recipient)) else {
                return Ok(not_first(*year, None, supplier, recipient));
            };
            let all = Window {
                start: first,
                end: last,
            };
            let p = engine::pair(rel, s, r, &Filter::new(all));
            let found = p.by_year.iter().find(|(_, t)| *t > 0.0).map(|(y, _)| *y);
            if found != Some(*year) {
                return Ok(not_first(*year, found, supplier, recipient));
            }
            if *year == first {
                return Err(cannot(format!(
                    "{year} is the first year of the release's data ({first}-{last}): earlier deliveries would not show"
                )));
            }
            let py = engine::pair(
                rel,
                s,
                r,
                &Filter::new(Window {
                    start: *year,
                    end: *year,
                }),
            );
            Ok(Out {
                verdict: Verdict::Supported,
                computed: Some(*year as f64),
                computed_rank: None,
                tolerance: Some("first year with deliveries, exactly".into()),
                window: Some(all),
                estimated: frac(py.estimated_tiv, py.total),
                allocated: frac(py.allocated_tiv, py.total),
                explanation: format!(
                    "first delivery from {} to {} in the release ({first}-{last}): {year}, {:.2} TIV",
                    supplier.name, recipient.name, py.total
                ),
            })
        }
    }
}

fn not_first(year: u16, found: Option<u16>, s: &Party, r: &Party) -> Out {
    Out {
        verdict: Verdict::NotSupported,
        computed: found.map(f64::from),
        computed_rank: None,
        tolerance: Some("first year with deliveries, exactly".into()),
        window: None,
        estimated: None,
        allocated: None,
        explanation: match found {
            Some(f) if f < year => format!("{} already delivered to {} in {f}", s.name, r.name),
            Some(f) => format!(
                "no deliveries from {} to {} in {year}; the first were in {f}",
                s.name, r.name
            ),
            None => format!(
                "no deliveries from {} to {} in this release",
                s.name, r.name
            ),
        },
    }
}

/// "after India 4272.69, China 1869.25; ahead of Algeria 814.50".
fn neighbours(rel: &Release, rows: &[engine::PartnerShare], rank: u32) -> String {
    let pos = rows.iter().position(|p| p.rank == rank).unwrap_or(0);
    let fmt = |p: &engine::PartnerShare| format!("{} {:.2}", name(rel, p.entity), p.tiv);
    let before: Vec<String> = rows[pos.saturating_sub(2)..pos].iter().map(fmt).collect();
    let after: Vec<String> = rows.iter().skip(pos + 1).take(1).map(fmt).collect();
    let mut s = String::new();
    if !before.is_empty() {
        s.push_str(&format!("after {}", before.join(", ")));
    }
    if !after.is_empty() {
        if !s.is_empty() {
            s.push_str("; ");
        }
        s.push_str(&format!("ahead of {}", after.join(", ")));
    }
    s
}

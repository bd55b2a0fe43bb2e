//! Diversification scenarios: start from a recipient's supplier mix in a window
//! and apply explicit changes in order (shift part of one supplier's TIV to
//! others, add or remove TIV, drop a supplier, penalise suppliers outside a
//! group). The result compares baseline and scenario: TIV and shares per
//! supplier, HHI, effective number of suppliers, CR1/CR3, and the knock-on
//! rank of the recipient among each affected supplier's customers ("would
//! Kazakhstan still be Russia's third-largest recipient?").
//!
//! Pure: the spec names countries as strings and the caller resolves them
//! with a closure, so the engine needs no name table. Every reallocation rule
//! is explicit in the spec; nothing is redistributed by default.

use crate::concentration::{Concentration, concentration};
use crate::filter::{Direction, Filter, name_of};
use crate::metrics::{named_ranks, partners_once, sort_and_rank};
use model::{EntityId, Release};
use serde::Serialize;

mod spec;
mod step;
pub use spec::*;
pub use step::Step;

/// One supplier, before and after.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SupplierRow {
    pub supplier: EntityId,
    pub baseline_tiv: f64,
    pub scenario_tiv: f64,
    pub baseline_share: f64,
    pub scenario_share: f64,
}

/// Totals and concentration of one mix.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mix {
    pub total: f64,
    pub concentration: Option<Concentration>,
}

/// The recipient among one affected supplier's customers.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KnockOn {
    pub supplier: EntityId,
    pub baseline_tiv: f64,
    pub scenario_tiv: f64,
    /// The supplier's total exports in the window, before and after.
    pub baseline_exports: f64,
    pub scenario_exports: f64,
    /// The recipient's rank among the supplier's customers (`None`: not one).
    pub baseline_rank: Option<u32>,
    pub scenario_rank: Option<u32>,
    pub baseline_customers: usize,
    pub scenario_customers: usize,
    /// Share of the supplier's exports going to the recipient.
    pub baseline_share: f64,
    pub scenario_share: f64,
    /// The customers just above and below the recipient after the change.
    pub above: Option<(EntityId, f64)>,
    pub below: Option<(EntityId, f64)>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScenarioResult {
    pub name: Option<String>,
    pub recipient: EntityId,
    pub filter: Filter,
    pub baseline: Mix,
    pub scenario: Mix,
    /// Every supplier of either mix, by scenario TIV descending.
    pub rows: Vec<SupplierRow>,
    /// One entry per supplier whose TIV to the recipient changed.
    pub knock_on: Vec<KnockOn>,
    /// What each change did, in English words.
    pub steps: Vec<String>,
    /// The same as figures, for wording in another language.
    #[serde(skip)]
    pub changes: Vec<Step>,
}

/// Resolves and runs `spec` in one call.
pub fn run_spec(
    rel: &Release,
    spec: &ScenarioSpec,
    resolve: &dyn Fn(&str) -> Option<EntityId>,
) -> Result<ScenarioResult, ScenarioError> {
    run(rel, &spec.resolve(rel, resolve)?)
}

/// Applies the scenario's changes to the recipient's baseline mix.
pub fn run(rel: &Release, sc: &Scenario) -> Result<ScenarioResult, ScenarioError> {
    // A TIV table (the only source of unnamed "all suppliers" partners).
    if crate::needs_register(rel, "a scenario").is_some() {
        return Err(ScenarioError::OneSided(rel.meta.id.clone()));
    }
    // Knock-on ranks need every supplier's whole exports.
    if let Some(why) = crate::needs_whole(rel, "a scenario") {
        return Err(ScenarioError::Partial(why));
    }
    if sc.filter.category.is_some()
        && let Some(why) = crate::needs_categories(rel)
    {
        return Err(ScenarioError::NoCategories(why));
    }
    // A window the release holds no year of has no baseline, which "has no
    // imports" would misstate (regression: Kazakhstan 2025-2029).
    if sc.filter.no_data(rel) {
        let note = rel.coverage(sc.filter.window).note().unwrap_or_default();
        return Err(ScenarioError::Period(format!(
            "{} is not in release {}: {note}",
            sc.filter.window, rel.meta.id
        )));
    }
    // The recipient cannot supply itself (regression: a shift "to" it made
    // Kazakhstan 44 % of its own imports).
    for (k, c) in sc.changes.iter().enumerate() {
        let named: Vec<EntityId> = match c {
            Change::Shift { from, to, .. } => std::iter::once(*from)
                .chain(to.iter().map(|t| t.0))
                .collect(),
            Change::Add { supplier, .. } | Change::Drop { supplier, .. } => vec![*supplier],
            Change::Penalise { .. } => Vec::new(),
        };
        if named.contains(&sc.recipient) {
            return Err(ScenarioError::SelfSupply {
                change: k + 1,
                name: name_of(rel, sc.recipient).to_string(),
            });
        }
    }
    let base = partners_once(rel, sc.recipient, Direction::Imports, &sc.filter);
    if base.total <= 0.0 {
        return Err(ScenarioError::EmptyBaseline {
            recipient: name_of(rel, sc.recipient).to_string(),
            what: match sc.filter.category {
                Some(c) => format!("{} imports", c.sipri_name()),
                None => "imports".to_string(),
            },
            window: sc.filter.window,
        });
    }
    let baseline: Vec<(EntityId, f64)> = base.partners.iter().map(|p| (p.entity, p.tiv)).collect();
    let mut mix = baseline.clone();
    let mut changes = Vec::new();
    for (k, c) in sc.changes.iter().enumerate() {
        changes.push(apply(rel, &mut mix, c, k + 1)?);
    }
    let steps = changes.iter().map(|s| s.english(rel)).collect();
    let get =
        |m: &[(EntityId, f64)], id: EntityId| m.iter().find(|x| x.0 == id).map_or(0.0, |x| x.1);
    let new_total: f64 = mix.iter().map(|x| x.1).sum();
    let mut rows: Vec<SupplierRow> = mix
        .iter()
        .map(|&(s, t)| {
            let b = get(&baseline, s);
            SupplierRow {
                supplier: s,
                baseline_tiv: b,
                scenario_tiv: t,
                baseline_share: b / base.total,
                scenario_share: if new_total > 0.0 { t / new_total } else { 0.0 },
            }
        })
        .filter(|r| r.baseline_tiv > 0.0 || r.scenario_tiv > 0.0)
        .collect();
    sort_and_rank(rel, &mut rows, |r| (r.supplier, r.scenario_tiv));
    let tivs = |m: &[(EntityId, f64)]| m.iter().map(|x| x.1).collect::<Vec<f64>>();
    let knock_on = rows
        .iter()
        .filter(|r| (r.scenario_tiv - r.baseline_tiv).abs() > 1e-9)
        // A proportional reallocation also grows SIPRI's unknown pool, whose
        // "recipients" are no exporter's customer list (alignment probe 12:
        // "Kazakhstan among unknown supplier(s)'s recipients").
        .filter(|r| crate::sides::placeholder(rel, r.supplier).is_none())
        .map(|r| knock_on(rel, sc, r))
        .collect();
    Ok(ScenarioResult {
        name: sc.name.clone(),
        recipient: sc.recipient,
        filter: sc.filter,
        baseline: Mix {
            total: base.total,
            concentration: base.concentration,
        },
        scenario: Mix {
            total: new_total,
            concentration: concentration(&tivs(&mix)),
        },
        rows,
        knock_on,
        steps,
        changes,
    })
}

fn slot(mix: &mut Vec<(EntityId, f64)>, id: EntityId) -> usize {
    match mix.iter().position(|x| x.0 == id) {
        Some(i) => i,
        None => {
            mix.push((id, 0.0));
            mix.len() - 1
        }
    }
}

/// Spreads `amount` over `to` (ids with weights summing to 1); what each got.
fn spread(
    mix: &mut Vec<(EntityId, f64)>,
    to: &[(EntityId, f64)],
    amount: f64,
) -> Vec<(EntityId, f64)> {
    let mut parts = Vec::new();
    for &(id, w) in to {
        let i = slot(mix, id);
        mix[i].1 += amount * w;
        parts.push((id, amount * w));
    }
    parts
}

/// Receivers of a reallocation with their weights, or an error if none.
fn receivers(
    mix: &[(EntityId, f64)],
    among: &[EntityId],
    rule: Reallocate,
    change: usize,
) -> Result<Vec<(EntityId, f64)>, ScenarioError> {
    let present: Vec<(EntityId, f64)> = among
        .iter()
        .map(|&id| (id, mix.iter().find(|x| x.0 == id).map_or(0.0, |x| x.1)))
        .collect();
    match rule {
        Reallocate::None => Ok(Vec::new()),
        Reallocate::Equal if !present.is_empty() => {
            let n = present.len() as f64;
            Ok(present.iter().map(|&(id, _)| (id, 1.0 / n)).collect())
        }
        Reallocate::Proportional => {
            let sum: f64 = present.iter().map(|x| x.1).sum();
            if sum > 0.0 {
                Ok(present
                    .iter()
                    .filter(|x| x.1 > 0.0)
                    .map(|&(id, t)| (id, t / sum))
                    .collect())
            } else {
                Err(ScenarioError::Invalid {
                    change,
                    reason: "no receiving supplier has any TIV to be proportional to; use reallocate = \"equal\"".into(),
                })
            }
        }
        Reallocate::Equal => Err(ScenarioError::Invalid {
            change,
            reason: "nobody left to reallocate to".into(),
        }),
    }
}

fn apply(
    rel: &Release,
    mix: &mut Vec<(EntityId, f64)>,
    c: &Change,
    n: usize,
) -> Result<Step, ScenarioError> {
    Ok(match c {
        Change::Shift { from, to, percent } => {
            let i = slot(mix, *from);
            let amount = mix[i].1 * percent / 100.0;
            mix[i].1 -= amount;
            let to = if amount > 0.0 {
                spread(mix, to, amount)
            } else {
                Vec::new()
            };
            Step::Shift {
                percent: *percent,
                from: *from,
                tiv: amount.max(0.0),
                to,
            }
        }
        Change::Add { supplier, tiv } => {
            let i = slot(mix, *supplier);
            let v = mix[i].1 + tiv;
            if v < -1e-9 {
                return Err(ScenarioError::NegativeTiv {
                    change: n,
                    supplier: name_of(rel, *supplier).to_string(),
                    value: v,
                });
            }
            mix[i].1 = v.max(0.0);
            Step::Add {
                supplier: *supplier,
                tiv: *tiv,
                now: mix[i].1,
            }
        }
        Change::Drop {
            supplier,
            reallocate,
        } => {
            let i = slot(mix, *supplier);
            let amount = mix[i].1;
            mix[i].1 = 0.0;
            let others: Vec<EntityId> = mix
                .iter()
                .filter(|x| x.0 != *supplier && x.1 > 0.0)
                .map(|x| x.0)
                .collect();
            let to = receivers(mix, &others, *reallocate, n)?;
            Step::Drop {
                supplier: *supplier,
                tiv: amount,
                to: spread(mix, &to, amount),
            }
        }
        Change::Penalise {
            group,
            percent,
            reallocate,
        } => {
            let mut cut = 0.0;
            for x in mix.iter_mut().filter(|x| !group.contains(&x.0)) {
                let d = x.1 * percent / 100.0;
                x.1 -= d;
                cut += d;
            }
            let to = receivers(mix, group, *reallocate, n)?;
            Step::Cut {
                percent: *percent,
                tiv: cut,
                to: spread(mix, &to, cut),
            }
        }
    })
}

/// The recipient's standing among `row.supplier`'s customers, with only the
/// recipient's TIV changed.
fn knock_on(rel: &Release, sc: &Scenario, row: &SupplierRow) -> KnockOn {
    let exp = partners_once(rel, row.supplier, Direction::Exports, &sc.filter);
    let base_rank = exp.get(sc.recipient).and_then(|p| p.rank);
    let mut customers: Vec<(EntityId, f64)> = exp
        .partners
        .iter()
        .filter(|p| p.entity != sc.recipient)
        .map(|p| (p.entity, p.tiv))
        .collect();
    if row.scenario_tiv > 0.0 {
        customers.push((sc.recipient, row.scenario_tiv));
    }
    // The unknown pool neither ranks nor counts, as in `partners`.
    let ranks = named_ranks(rel, &mut customers, |c| (c.0, c.1));
    let total: f64 = customers.iter().map(|c| c.1).sum();
    let pos = customers.iter().position(|c| c.0 == sc.recipient);
    let scenario_customers = ranks.iter().flatten().count();
    KnockOn {
        supplier: row.supplier,
        baseline_tiv: row.baseline_tiv,
        scenario_tiv: row.scenario_tiv,
        baseline_exports: exp.total,
        scenario_exports: total,
        baseline_rank: base_rank,
        scenario_rank: pos.and_then(|i| ranks[i]),
        baseline_customers: exp.ranked(),
        scenario_customers,
        baseline_share: if exp.total > 0.0 {
            row.baseline_tiv / exp.total
        } else {
            0.0
        },
        scenario_share: if total > 0.0 {
            row.scenario_tiv / total
        } else {
            0.0
        },
        above: pos.and_then(|i| i.checked_sub(1)).map(|i| customers[i]),
        below: pos.and_then(|i| customers.get(i + 1).copied()),
    }
}

/// What the scenario asks of suppliers with no exports in its window: the
/// projection gives them deliveries SIPRI recorded none of (alignment probe
/// 27: a shift to Mongolia made it "0.0% → 100.0% of Mongolia's exports",
/// unremarked). The release-wide check says whether they ever exported.
pub fn no_exports_notes(rel: &Release, res: &ScenarioResult) -> Vec<String> {
    let new: Vec<&KnockOn> = res
        .knock_on
        .iter()
        .filter(|k| k.baseline_exports <= 0.0 && k.scenario_tiv > 0.0)
        .collect();
    if new.is_empty() {
        return Vec::new();
    }
    let fl = &rel.flows;
    let span = rel
        .year_span()
        .map_or(String::new(), |(a, b)| format!(" ({a}-{b})"));
    new.iter()
        .map(|k| {
            let ever = (0..fl.len()).any(|i| fl.supplier[i] == k.supplier && fl.tiv[i] > 0.0);
            format!(
                "{} has no arms exports in {} in this release{}: the projection gives it {:.2} \
                 TIV, deliveries SIPRI has not recorded for it.",
                rel.entities.get(k.supplier).name,
                res.filter.window,
                if ever {
                    String::new()
                } else {
                    format!(", nor in any year{span}")
                },
                k.scenario_tiv
            )
        })
        .collect()
}

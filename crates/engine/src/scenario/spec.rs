//! Scenario specs as users write them, their checks against a release, and
//! the resolved [`Scenario`] the engine runs.

use crate::filter::{Filter, default_window};
use model::{Category, EntityId, Release, Window};
use serde::{Deserialize, Serialize};

/// A scenario as users write it (TOML in the CLI, JSON in the API).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ScenarioSpec {
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
    /// The importing country whose supplier mix is changed.
    pub recipient: String,
    /// Baseline window (`2020-2024`); the release's last five-year window if absent.
    #[serde(default)]
    pub period: Option<String>,
    /// One armament category (SIPRI spelling or slug); all if absent.
    #[serde(default)]
    pub category: Option<String>,
    /// Applied in order, each to the result of the previous one.
    #[serde(default, rename = "change")]
    pub changes: Vec<ChangeSpec>,
}

/// Where TIV taken from suppliers goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reallocate {
    /// It disappears: the recipient imports less.
    None,
    /// To the receiving suppliers in proportion to their current TIV.
    Proportional,
    /// In equal parts to the receiving suppliers.
    Equal,
}

/// One change, tagged by `kind`.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum ChangeSpec {
    /// Move `percent` % of `from`'s current TIV to `to` (equal split, or by
    /// `weights`, which are normalised).
    Shift {
        from: String,
        to: Vec<String>,
        percent: f64,
        #[serde(default)]
        weights: Option<Vec<f64>>,
    },
    /// Add TIV (negative removes).
    Add { supplier: String, tiv: f64 },
    /// Remove TIV (a positive amount).
    Remove { supplier: String, tiv: f64 },
    /// Remove a supplier entirely; its TIV is reallocated to the remaining
    /// suppliers or not, as stated.
    Drop {
        supplier: String,
        reallocate: Reallocate,
    },
    /// Cut every supplier outside `group` by `percent` %, reallocating the cut
    /// to the group's members (or not).
    #[serde(alias = "penalize")]
    Penalise {
        group: Vec<String>,
        percent: f64,
        reallocate: Reallocate,
    },
}

/// A resolved change.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Change {
    Shift {
        from: EntityId,
        to: Vec<(EntityId, f64)>,
        percent: f64,
    },
    Add {
        supplier: EntityId,
        tiv: f64,
    },
    Drop {
        supplier: EntityId,
        reallocate: Reallocate,
    },
    Penalise {
        group: Vec<EntityId>,
        percent: f64,
        reallocate: Reallocate,
    },
}

/// A resolved scenario, ready to run.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scenario {
    pub name: Option<String>,
    pub recipient: EntityId,
    pub filter: Filter,
    pub changes: Vec<Change>,
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ScenarioError {
    #[error("{field}: unknown country '{name}'")]
    UnknownCountry { field: String, name: String },
    #[error("period: {0}")]
    Period(String),
    #[error("category: unknown armament category '{0}'")]
    Category(String),
    /// `what`: "imports", or "Ships imports" with a category (regression:
    /// "has no imports" when it had no ship imports).
    #[error("{recipient} has no {what} in {window}: nothing to build a scenario on")]
    EmptyBaseline {
        recipient: String,
        what: String,
        window: Window,
    },
    #[error("{field}: {why}")]
    Placeholder { field: String, why: String },
    /// A change that makes the recipient its own supplier.
    #[error("change {change}: {name} is the scenario's recipient, not one of its suppliers")]
    SelfSupply { change: usize, name: String },
    /// A release that holds part of the database ([`crate::needs_whole`]).
    #[error("{0}")]
    Partial(String),
    /// A category asked of a release without categories ([`crate::needs_categories`]).
    #[error("category: {0}")]
    NoCategories(String),
    #[error(
        "release {0} has one side of each flow only (a TIV table): scenarios need a trade register"
    )]
    OneSided(String),
    #[error(
        "change {change}: percent must be between 0 and 100 (got {value}); a supplier cannot give up more than all of its share"
    )]
    Percent { change: usize, value: f64 },
    #[error("change {change}: {supplier} would end with negative TIV ({value:.2})")]
    NegativeTiv {
        change: usize,
        supplier: String,
        value: f64,
    },
    #[error("change {change}: {reason}")]
    Invalid { change: usize, reason: String },
}

impl ScenarioError {
    /// For an unknown name that is an alignment (`CSTO`), how to write its
    /// members instead; else empty. The queries point to `--group`; a
    /// scenario names parties (alignment probe 17).
    pub fn alignment_hint(&self) -> String {
        let ScenarioError::UnknownCountry { name, .. } = self else {
            return String::new();
        };
        match crate::groups::GroupSet::builtin().get(name.trim()) {
            Some(g) => format!(
                " ('{}' is an alignment, not a party in SIPRI's data: name its members \
                 instead, e.g. in a penalise change's group = [...]; `armsflow groups --group \
                 {}` lists them)",
                name.trim(),
                g.name
            ),
            None => String::new(),
        }
    }
}

impl ScenarioSpec {
    /// Every party name the spec writes, in order (recipient first), for
    /// notes on how each was read: `NATO` is SIPRI's entry for the
    /// organisation, not its members (alignment probe 17).
    pub fn names(&self) -> Vec<&str> {
        let mut v = vec![self.recipient.as_str()];
        for c in &self.changes {
            match c {
                ChangeSpec::Shift { from, to, .. } => {
                    v.push(from);
                    v.extend(to.iter().map(String::as_str));
                }
                ChangeSpec::Add { supplier, .. }
                | ChangeSpec::Remove { supplier, .. }
                | ChangeSpec::Drop { supplier, .. } => v.push(supplier),
                ChangeSpec::Penalise { group, .. } => v.extend(group.iter().map(String::as_str)),
            }
        }
        v
    }

    /// Resolves names, period and category against `rel`. `resolve` maps a
    /// user-written name to an entity of this release.
    pub fn resolve(
        &self,
        rel: &Release,
        resolve: &dyn Fn(&str) -> Option<EntityId>,
    ) -> Result<Scenario, ScenarioError> {
        let look = |field: String, name: &str| {
            let id = resolve(name).ok_or_else(|| ScenarioError::UnknownCountry {
                field: field.clone(),
                name: name.to_string(),
            })?;
            // SIPRI's unknown pool is no party to shift share to or from
            // (regression: "Kazakhstan among unknown supplier(s)'s recipients").
            match crate::sides::placeholder(rel, id) {
                Some(why) => Err(ScenarioError::Placeholder { field, why }),
                None => Ok(id),
            }
        };
        let recipient = look("recipient".into(), &self.recipient)?;
        let window = match &self.period {
            Some(p) => Window::parse(p).map_err(|e| ScenarioError::Period(e.to_string()))?,
            None => default_window(rel)
                .ok_or_else(|| ScenarioError::Period("the release has no data".into()))?,
        };
        let category = match &self.category {
            Some(c) => {
                Some(Category::parse_filter(c).map_err(|_| ScenarioError::Category(c.clone()))?)
            }
            None => None,
        };
        let mut changes = Vec::with_capacity(self.changes.len());
        for (k, c) in self.changes.iter().enumerate() {
            let n = k + 1;
            let field = |f: &str| format!("change {n}: {f}");
            let invalid = |reason: String| ScenarioError::Invalid { change: n, reason };
            let pct = |p: f64| {
                if p.is_finite() && (0.0..=100.0).contains(&p) {
                    Ok(p)
                } else {
                    Err(ScenarioError::Percent {
                        change: n,
                        value: p,
                    })
                }
            };
            // The readers' bound (`model::MAX_TIV`): an amount beyond any real
            // TIV would swamp (or, summed, overflow) every figure of the mix.
            let finite = |v: f64| {
                if v.is_finite() && v.abs() <= model::MAX_TIV {
                    Ok(v)
                } else {
                    Err(invalid(format!(
                        "TIV must be a number between -{max} and {max} millions (got {v})",
                        max = model::MAX_TIV
                    )))
                }
            };
            changes.push(match c {
                ChangeSpec::Shift {
                    from,
                    to,
                    percent,
                    weights,
                } => {
                    let percent = pct(*percent)?;
                    let from = look(field("from"), from)?;
                    if to.is_empty() {
                        return Err(invalid("shift needs at least one supplier in `to`".into()));
                    }
                    let ids = to
                        .iter()
                        .map(|t| look(field("to"), t))
                        .collect::<Result<Vec<_>, _>>()?;
                    if ids.contains(&from) {
                        return Err(invalid(
                            "a supplier cannot shift its share to itself".into(),
                        ));
                    }
                    if (1..ids.len()).any(|i| ids[..i].contains(&ids[i])) {
                        return Err(invalid("`to` names the same supplier twice".into()));
                    }
                    let w = split_weights(weights.as_deref(), ids.len()).map_err(invalid)?;
                    let sum: f64 = w.iter().sum();
                    Change::Shift {
                        from,
                        to: ids.into_iter().zip(w.iter().map(|x| x / sum)).collect(),
                        percent,
                    }
                }
                ChangeSpec::Add { supplier, tiv } => Change::Add {
                    supplier: look(field("supplier"), supplier)?,
                    tiv: finite(*tiv)?,
                },
                ChangeSpec::Remove { supplier, tiv } => {
                    if finite(*tiv)? < 0.0 {
                        return Err(invalid(format!(
                            "remove takes a positive TIV (got {tiv}); use add"
                        )));
                    }
                    Change::Add {
                        supplier: look(field("supplier"), supplier)?,
                        tiv: -tiv,
                    }
                }
                ChangeSpec::Drop {
                    supplier,
                    reallocate,
                } => Change::Drop {
                    supplier: look(field("supplier"), supplier)?,
                    reallocate: *reallocate,
                },
                ChangeSpec::Penalise {
                    group,
                    percent,
                    reallocate,
                } => {
                    let percent = pct(*percent)?;
                    if group.is_empty() {
                        return Err(invalid("penalise needs at least one group member".into()));
                    }
                    let ids = group
                        .iter()
                        .map(|g| look(field("group"), g))
                        .collect::<Result<Vec<_>, _>>()?;
                    Change::Penalise {
                        group: ids,
                        percent,
                        reallocate: *reallocate,
                    }
                }
            });
        }
        Ok(Scenario {
            name: self.name.clone(),
            recipient,
            filter: Filter::new(window).with_category(category),
            changes,
        })
    }
}

/// Largest weight of a shift target. Weights are relative, so no real use
/// needs more; bounded, their sum stays finite (two weights of 1e308 summed to
/// infinity and the shifted TIV silently vanished).
pub const MAX_WEIGHT: f64 = 1e9;

/// Validated weights of a shift: one per target, in `0..=MAX_WEIGHT`, not
/// all zero.
fn split_weights(weights: Option<&[f64]>, n: usize) -> Result<Vec<f64>, String> {
    match weights {
        None => Ok(vec![1.0; n]),
        Some(w) if w.len() != n => Err(format!("{} weights for {n} suppliers", w.len())),
        Some(w) if w.iter().any(|x| !(0.0..=MAX_WEIGHT).contains(x)) => Err(format!(
            "weights must be numbers from 0 to {MAX_WEIGHT} (they are relative), got {w:?}"
        )),
        Some(w) if w.iter().sum::<f64>() <= 0.0 => {
            Err("weights must be non-negative, not all zero".into())
        }
        Some(w) => Ok(w.to_vec()),
    }
}

//! The scenario form of the country page: "shift P % of supplier A's TIV to
//! B and C". It submits to the country page itself (GET, so results are
//! linkable and work without script); `app.js` runs it in place via the API.

use super::Ctx;
use crate::html::table;
use crate::present::{pct, tiv};
use engine::Partners;
use engine::scenario::{ChangeSpec, ScenarioResult, ScenarioSpec, run_spec};
use maud::{Markup, html};

/// Suppliers offered as "to" by default: the next two after the largest.
fn default_targets(ctx: &Ctx, cur: &Partners) -> String {
    cur.partners
        .iter()
        .skip(1)
        .take(2)
        .map(|p| ctx.rel.entities.get(p.entity).name.clone())
        .collect::<Vec<_>>()
        .join(", ")
}

pub fn section(ctx: &Ctx, key: &str, cur: &Partners) -> String {
    let rel = &ctx.rel;
    let w = cur.filter.window;
    if cur.partners.is_empty() {
        return html! {
            section aria-labelledby="scen-h" #scenario {
                h2 #scen-h { "Scenario: shift supply" }
                p { "No deliveries in " (w) " to build a scenario on." }
            }
        }
        .into_string();
    }
    let from = ctx
        .p
        .get("shift_from")
        .unwrap_or_else(|| &rel.entities.get(cur.partners[0].entity).key)
        .to_string();
    let to = ctx
        .p
        .get("shift_to")
        .map(str::to_string)
        .unwrap_or_else(|| default_targets(ctx, cur));
    let percent = ctx.p.get("shift_pct").unwrap_or("30").to_string();
    html! {
        section aria-labelledby="scen-h" #scenario {
            h2 #scen-h { "Scenario: shift supply" }
            form method="get" action={ (ctx.path) "#scenario" } data-fragment="scenario-result" {
                fieldset {
                    legend { "Move part of one supplier's " (w) " deliveries to others" }
                    div.form-row {
                        label for="shift_pct" { "Shift" }
                        input #shift_pct name="shift_pct" type="number" min="0" max="100" step="any" value=(percent) required;
                        " "
                        span { "% of" }
                        label.visually-hidden for="shift_from" { "Supplier to shift from" }
                        select #shift_from name="shift_from" {
                            @for p in &cur.partners {
                                @let e = rel.entities.get(p.entity);
                                option value=(e.key) selected[e.key == from] { (e.name) " (" (pct(p.share)) ")" }
                            }
                        }
                    }
                    div.form-row {
                        label for="shift_to" { "to (comma-separated, split equally)" }
                        input #shift_to name="shift_to" type="text" size="40" value=(to) required;
                    }
                    input type="hidden" name="period" value=(w);
                    @if let Some(r) = &ctx.pinned {
                        input type="hidden" name="release" value=(r);
                    }
                    button type="submit" { "Run scenario" }
                }
            }
            div #scenario-result tabindex="-1" aria-live="polite" {
                @if ctx.p.get("shift_from").is_some() {
                    (run(ctx, key, &from, &to, &percent, &w.to_string()))
                }
            }
        }
    }
    .into_string()
}

fn run(ctx: &Ctx, key: &str, from: &str, to: &str, percent: &str, period: &str) -> Markup {
    let Ok(percent) = percent.trim().parse::<f64>() else {
        return html! { p role="alert" { "'" (percent) "' is not a percentage." } };
    };
    let spec = ScenarioSpec {
        name: None,
        description: None,
        recipient: key.to_string(),
        period: Some(period.to_string()),
        category: None,
        changes: vec![ChangeSpec::Shift {
            from: from.to_string(),
            to: to
                .split(',')
                .map(|t| t.trim().to_string())
                .filter(|t| !t.is_empty())
                .collect(),
            percent,
            weights: None,
        }],
    };
    let rel = &ctx.rel;
    let resolve = |q: &str| crate::params::resolve_entity(rel, q).ok();
    match run_spec(rel, &spec, &resolve) {
        Ok(r) => result_html(ctx, &r),
        Err(e) => html! { p role="alert" { (e) } },
    }
}

fn result_html(ctx: &Ctx, r: &ScenarioResult) -> Markup {
    let rel = &ctx.rel;
    let c = |m: &engine::scenario::Mix| {
        m.concentration.map_or("–".to_string(), |c| {
            format!("HHI {:.3}, effective number {:.2}", c.hhi, c.n_eff)
        })
    };
    let rows: Vec<Vec<Markup>> = r
        .rows
        .iter()
        .map(|x| {
            vec![
                html! { (rel.entities.get(x.supplier).name) },
                html! { (tiv(x.baseline_tiv)) },
                html! { (pct(x.baseline_share)) },
                html! { (tiv(x.scenario_tiv)) },
                html! { strong { (pct(x.scenario_share)) } },
            ]
        })
        .collect();
    let rank = |r: Option<u32>| r.map_or("not a customer".to_string(), |r| format!("#{r}"));
    let knock: Vec<Vec<Markup>> = r
        .knock_on
        .iter()
        .map(|k| {
            vec![
                html! { (rel.entities.get(k.supplier).name) },
                html! { (rank(k.baseline_rank)) " (" (pct(k.baseline_share)) ")" },
                html! { (rank(k.scenario_rank)) " (" (pct(k.scenario_share)) ")" },
            ]
        })
        .collect();
    html! {
        @for step in &r.steps {
            p { (step) }
        }
        p {
            strong { "Baseline:" } " " (c(&r.baseline)) ". "
            strong { "Scenario:" } " " (c(&r.scenario)) "."
        }
        (table(
            "Supplier shares, baseline and scenario",
            &["Supplier", "Baseline TIV", "Baseline share", "Scenario TIV", "Scenario share"],
            &[false, true, true, true, true],
            &rows,
        ))
        @if !knock.is_empty() {
            (table(
                &format!(
                    "{}'s rank among each affected supplier's customers",
                    rel.entities.get(r.recipient).name
                ),
                &["Supplier", "Baseline rank (share of its exports)", "Scenario rank"],
                &[false, true, true],
                &knock,
            ))
        }
    }
}

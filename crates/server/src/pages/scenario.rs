//! The scenario form of the country page: "shift P % of supplier A's TIV to
//! B and C". It submits to the country page itself (GET, so results are
//! linkable and work without script); `app.js` runs it in place via the API.

use super::Ctx;
use crate::html::table;
use engine::Partners;
use engine::scenario::{ChangeSpec, ScenarioResult, ScenarioSpec, Step, run_spec};
use maud::{Markup, html};

/// Suppliers offered as "to" by default: the next two after the largest.
fn default_targets(ctx: &Ctx, cur: &Partners) -> String {
    cur.partners
        .iter()
        .skip(1)
        .take(2)
        .map(|p| ctx.name(p.entity).to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

pub fn section(ctx: &Ctx, key: &str, cur: &Partners) -> String {
    let rel = &ctx.rel;
    let w = cur.filter.window;
    if cur.partners.is_empty() {
        return html! {
            section aria-labelledby="scen-h" #scenario {
                h2 #scen-h { (ctx.t("scenario.h")) }
                p { (ctx.tf("scenario.empty", &[("window", &w)])) }
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
            h2 #scen-h { (ctx.t("scenario.h")) }
            form method="get" action={ (ctx.path) "#scenario" } data-fragment="scenario-result" {
                fieldset {
                    legend { (ctx.tf("scenario.legend", &[("window", &w)])) }
                    div.form-row {
                        label for="shift_pct" { (ctx.t("scenario.shift")) }
                        input #shift_pct name="shift_pct" type="number" min="0" max="100" step="any" value=(percent) required;
                        " "
                        span { (ctx.t("scenario.percent_of")) }
                        label.visually-hidden for="shift_from" { (ctx.t("scenario.from")) }
                        select #shift_from name="shift_from" {
                            @for p in &cur.partners {
                                @let e = rel.entities.get(p.entity);
                                option value=(e.key) selected[e.key == from] { (ctx.name(p.entity)) " (" (ctx.pct(p.share)) ")" }
                            }
                        }
                    }
                    div.form-row {
                        label for="shift_to" { (ctx.t("scenario.to")) }
                        input #shift_to name="shift_to" type="text" size="40" value=(to) required;
                    }
                    input type="hidden" name="period" value=(w);
                    @if let Some(r) = &ctx.pinned {
                        input type="hidden" name="release" value=(r);
                    }
                    button type="submit" { (ctx.t("scenario.run")) }
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
        return html! { p role="alert" { (ctx.tf("scenario.bad_percent", &[("value", &percent)])) } };
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
        Err(e) => html! { p role="alert" lang="en" { (e) } },
    }
}

fn result_html(ctx: &Ctx, r: &ScenarioResult) -> Markup {
    let c = |m: &engine::scenario::Mix| {
        m.concentration.map_or("–".to_string(), |c| {
            ctx.tf(
                "scenario.concentration",
                &[("hhi", &ctx.num(c.hhi, 3)), ("n_eff", &ctx.num(c.n_eff, 2))],
            )
        })
    };
    let rows: Vec<Vec<Markup>> = r
        .rows
        .iter()
        .map(|x| {
            vec![
                html! { (ctx.name(x.supplier)) },
                html! { (ctx.tiv(x.baseline_tiv)) },
                html! { (ctx.pct(x.baseline_share)) },
                html! { (ctx.tiv(x.scenario_tiv)) },
                html! { strong { (ctx.pct(x.scenario_share)) } },
            ]
        })
        .collect();
    let rank = |r: Option<u32>| {
        r.map_or(ctx.t("scenario.not_customer").to_string(), |r| {
            format!("#{r}")
        })
    };
    let knock: Vec<Vec<Markup>> = r
        .knock_on
        .iter()
        .map(|k| {
            vec![
                html! { (ctx.name(k.supplier)) },
                html! { (rank(k.baseline_rank)) " (" (ctx.pct(k.baseline_share)) ")" },
                html! { (rank(k.scenario_rank)) " (" (ctx.pct(k.scenario_share)) ")" },
            ]
        })
        .collect();
    html! {
        @for step in &r.changes {
            p { (step_text(ctx, step)) }
        }
        p.note { (ctx.t("scenario.not_forecast")) }
        p {
            strong { (ctx.t("scenario.baseline")) } " " (c(&r.baseline)) ". "
            strong { (ctx.t("scenario.scenario")) } " " (c(&r.scenario)) "."
        }
        (table(
            ctx.t("scenario.caption"),
            &[
                ctx.t("col.supplier"),
                ctx.t("scenario.col.baseline_tiv"),
                ctx.t("scenario.col.baseline_share"),
                ctx.t("scenario.col.scenario_tiv"),
                ctx.t("scenario.col.scenario_share"),
            ],
            &[false, true, true, true, true],
            &rows,
        ))
        @if !knock.is_empty() {
            (table(
                &ctx.tf("scenario.knock_caption", &[("name", &ctx.name(r.recipient))]),
                &[
                    ctx.t("col.supplier"),
                    ctx.t("scenario.col.baseline_rank"),
                    ctx.t("scenario.col.scenario_rank"),
                ],
                &[false, true, true],
                &knock,
            ))
        }
    }
}

/// One change as the page's language words it (the CLI and the API have
/// the engine's English).
fn step_text(ctx: &Ctx, step: &Step) -> String {
    let percent = |p: f64| ctx.num(p, if p.fract() == 0.0 { 0 } else { 2 });
    let tiv = |t: f64| ctx.num(t, 2);
    let parts = |to: &[(model::EntityId, f64)]| {
        to.iter()
            .map(|&(id, t)| format!("{} +{}", ctx.name(id), tiv(t)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    match step {
        Step::Shift {
            percent: p, from, ..
        } if *p == 0.0 => ctx.tf("scenario.step.shift_zero", &[("from", &ctx.name(*from))]),
        // As the English step: nothing moved when the supplier had nothing.
        Step::Shift {
            percent: p,
            from,
            tiv: t,
            ..
        } if *t <= 0.0 => ctx.tf(
            "scenario.step.shift_nothing",
            &[("percent", &percent(*p)), ("from", &ctx.name(*from))],
        ),
        Step::Shift {
            percent: p,
            from,
            tiv: t,
            to,
        } => ctx.tf(
            "scenario.step.shift",
            &[
                ("percent", &percent(*p)),
                ("from", &ctx.name(*from)),
                ("tiv", &tiv(*t)),
                ("parts", &parts(to)),
            ],
        ),
        Step::Add {
            supplier,
            tiv: t,
            now,
        } => ctx.tf(
            "scenario.step.add",
            &[
                ("supplier", &ctx.name(*supplier)),
                (
                    "tiv",
                    &format!("{}{}", if *t < 0.0 { "" } else { "+" }, tiv(*t)),
                ),
                ("now", &tiv(*now)),
            ],
        ),
        Step::Drop {
            supplier,
            tiv: t,
            to,
        } if to.is_empty() => ctx.tf(
            "scenario.step.drop_kept",
            &[("supplier", &ctx.name(*supplier)), ("tiv", &tiv(*t))],
        ),
        Step::Drop {
            supplier,
            tiv: t,
            to,
        } => ctx.tf(
            "scenario.step.drop",
            &[
                ("supplier", &ctx.name(*supplier)),
                ("tiv", &tiv(*t)),
                ("parts", &parts(to)),
            ],
        ),
        Step::Cut {
            percent: p,
            tiv: t,
            to,
        } if to.is_empty() => ctx.tf(
            "scenario.step.cut_kept",
            &[("percent", &percent(*p)), ("tiv", &tiv(*t))],
        ),
        Step::Cut {
            percent: p,
            tiv: t,
            to,
        } => ctx.tf(
            "scenario.step.cut",
            &[
                ("percent", &percent(*p)),
                ("tiv", &tiv(*t)),
                ("parts", &parts(to)),
            ],
        ),
    }
}

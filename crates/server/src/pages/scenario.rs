//! The scenario form of the country page: "shift P % of supplier A's TIV to
//! B and C". It submits to the country page itself (GET, so results are
//! linkable and work without script); `app.js` runs it in place via the API.

use super::Ctx;
use crate::html::{esc, table};
use crate::present::{pct, tiv};
use engine::Partners;
use engine::scenario::{ChangeSpec, ScenarioResult, ScenarioSpec, run_spec};
use std::fmt::Write;

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
    let mut s = String::from(
        "<section aria-labelledby=\"scen-h\" id=\"scenario\"><h2 id=\"scen-h\">Scenario: shift supply</h2>",
    );
    if cur.partners.is_empty() {
        let _ = write!(
            s,
            "<p>No deliveries in {w} to build a scenario on.</p></section>"
        );
        return s;
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
    let mut opts = String::new();
    for p in &cur.partners {
        let e = rel.entities.get(p.entity);
        let sel = if e.key == from { " selected" } else { "" };
        let _ = write!(
            opts,
            "<option value=\"{}\"{sel}>{} ({})</option>",
            esc(&e.key),
            esc(&e.name),
            pct(p.share)
        );
    }
    let keep = ctx
        .pinned
        .as_ref()
        .map(|r| {
            format!(
                "<input type=\"hidden\" name=\"release\" value=\"{}\">",
                esc(r)
            )
        })
        .unwrap_or_default();
    let _ = write!(
        s,
        "<form method=\"get\" action=\"{}#scenario\" data-fragment=\"scenario-result\">\
<fieldset><legend>Move part of one supplier's {w} deliveries to others</legend>\
<div class=\"form-row\"><label for=\"shift_pct\">Shift</label>\
<input id=\"shift_pct\" name=\"shift_pct\" type=\"number\" min=\"0\" max=\"100\" step=\"any\" value=\"{}\" required> <span>% of</span>\
<label for=\"shift_from\" class=\"visually-hidden\">Supplier to shift from</label><select id=\"shift_from\" name=\"shift_from\">{opts}</select></div>\
<div class=\"form-row\"><label for=\"shift_to\">to (comma-separated, split equally)</label>\
<input id=\"shift_to\" name=\"shift_to\" type=\"text\" size=\"40\" value=\"{}\" required></div>\
<input type=\"hidden\" name=\"period\" value=\"{w}\">{keep}\
<button type=\"submit\">Run scenario</button></fieldset></form>",
        esc(&ctx.path),
        esc(&percent),
        esc(&to)
    );
    s.push_str("<div id=\"scenario-result\" tabindex=\"-1\" aria-live=\"polite\">");
    if ctx.p.get("shift_from").is_some() {
        s.push_str(&run(ctx, key, &from, &to, &percent, &w.to_string()));
    }
    s.push_str("</div></section>");
    s
}

fn run(ctx: &Ctx, key: &str, from: &str, to: &str, percent: &str, period: &str) -> String {
    let Ok(percent) = percent.trim().parse::<f64>() else {
        return format!(
            "<p role=\"alert\">'{}' is not a percentage.</p>",
            esc(percent)
        );
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
        Err(e) => format!("<p role=\"alert\">{}</p>", esc(&e.to_string())),
    }
}

fn result_html(ctx: &Ctx, r: &ScenarioResult) -> String {
    let rel = &ctx.rel;
    let mut s = String::new();
    for step in &r.steps {
        let _ = write!(s, "<p>{}</p>", esc(step));
    }
    let c = |m: &engine::scenario::Mix| {
        m.concentration.map_or("–".to_string(), |c| {
            format!("HHI {:.3}, effective number {:.2}", c.hhi, c.n_eff)
        })
    };
    let _ = write!(
        s,
        "<p><strong>Baseline:</strong> {}. <strong>Scenario:</strong> {}.</p>",
        c(&r.baseline),
        c(&r.scenario)
    );
    let rows: Vec<Vec<String>> = r
        .rows
        .iter()
        .map(|x| {
            vec![
                esc(&rel.entities.get(x.supplier).name),
                tiv(x.baseline_tiv),
                pct(x.baseline_share),
                tiv(x.scenario_tiv),
                format!("<strong>{}</strong>", pct(x.scenario_share)),
            ]
        })
        .collect();
    s.push_str(&table(
        "Supplier shares, baseline and scenario",
        &[
            "Supplier",
            "Baseline TIV",
            "Baseline share",
            "Scenario TIV",
            "Scenario share",
        ],
        &[false, true, true, true, true],
        &rows,
    ));
    let rank = |r: Option<u32>| r.map_or("not a customer".to_string(), |r| format!("#{r}"));
    let knock: Vec<Vec<String>> = r
        .knock_on
        .iter()
        .map(|k| {
            vec![
                esc(&rel.entities.get(k.supplier).name),
                format!("{} ({})", rank(k.baseline_rank), pct(k.baseline_share)),
                format!("{} ({})", rank(k.scenario_rank), pct(k.scenario_share)),
            ]
        })
        .collect();
    if !knock.is_empty() {
        s.push_str(&table(
            &format!(
                "{}'s rank among each affected supplier's customers",
                rel.entities.get(r.recipient).name
            ),
            &[
                "Supplier",
                "Baseline rank (share of its exports)",
                "Scenario rank",
            ],
            &[false, true, true],
            &knock,
        ));
    }
    s
}

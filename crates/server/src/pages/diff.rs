//! The release diff page: what SIPRI revised between two releases. SIPRI
//! rewrites its whole history every spring, so a figure quoted last year may
//! no longer hold; this page shows which values moved and by how much.
//!
//! Release B is the page's release (the picker); `a` names the older one,
//! defaulting to the release stored just before B.

use super::{Ctx, Page};
use crate::api::analysis::{diff_options, release_before};
use crate::error::ApiError;
use crate::html::{esc, table, url_enc};
use crate::present::tiv;
use crate::query::*;
use crate::state::AppState;
use axum::extract::State;
use axum::response::Response;
use engine::diff::{DealSummary, Party, ReleaseDiff, RevisionKind};
use maud::html;
use model::Release;
use std::fmt::Write;
use std::sync::Arc;

/// Revisions and deals listed on the page; the API returns more.
const ROWS: usize = 100;

pub async fn page(State(st): State<Arc<AppState>>, Q(p, _): Q<DiffPage>) -> Response {
    super::render_heavy(st, p, "/diff".into(), build).await
}

fn build(ctx: &Ctx) -> Result<Page, ApiError> {
    let b = &ctx.rel;
    let a_id = match ctx.p.get("a").filter(|s| !s.trim().is_empty()) {
        Some(a) => Some(ctx.st.resolve_id(Some(a))?),
        None => release_before(&ctx.st, &b.meta.id),
    };
    let mut body = String::from(
        "<h1>What changed between releases</h1><p class=\"lede\">SIPRI revises its whole \
history with every release: values for past years change as new information arrives. \
Compare two stored releases to see which deliveries were revised, added or dropped.</p>",
    );
    body.push_str(&form(ctx, a_id.as_deref()));
    let Some(a_id) = a_id else {
        body.push_str(
            "<p class=\"note\">Only one release is stored, so there is nothing to compare. \
Import an older or newer SIPRI file (<code>armsflow import FILE</code>) or \
fetch the current one (<code>armsflow fetch</code>), then come back.</p>",
        );
        return Ok(Page {
            title: "Release diff".into(),
            body,
        });
    };
    let a = ctx.st.release(&a_id)?;
    let opts = diff_options(&ctx.p, &a, b)?;
    let d = engine::diff::diff(&a, b, &opts);
    body.push_str(&summary(&d));
    body.push_str(&revisions(ctx, &d));
    body.push_str(&deals(&d));
    body.push_str(&citations(&a, b));
    Ok(Page {
        title: "Release diff".into(),
        body,
    })
}

/// The options form; it echoes the user's values, so it is built with maud
/// (escaped by default).
fn form(ctx: &Ctx, a: Option<&str>) -> String {
    let val = |k: &str| ctx.p.get(k).unwrap_or("").to_string();
    html! {
        p { "Newer release (B): " code { (ctx.rel.meta.id) } " — change it with the release picker above." }
        form.controls method="get" action="/diff" aria-label="Diff options" {
            input type="hidden" name="release" value=(ctx.rel.meta.id);
            label for="diff-a" { "Older release (A)" }
            select #diff-a name="a" {
                @for m in ctx.st.releases().iter().rev() {
                    option value=(m.id) selected[Some(m.id.as_str()) == a] { (m.id) }
                }
            }
            label for="diff-country" { "Country (optional)" }
            input #diff-country name="country" value=(val("country")) placeholder="Kazakhstan";
            label for="diff-period" { "Years (optional)" }
            input #diff-period name="period" value=(val("period")) placeholder="2015-2024";
            label for="diff-threshold" { "Smallest change (TIV)" }
            input #diff-threshold name="threshold" type="number" min="0" step="any"
                value=(val("threshold")) placeholder="1";
            button type="submit" { "Compare" }
        }
    }
    .into_string()
}

fn summary(d: &ReleaseDiff) -> String {
    let mut s =
        String::from("<section aria-labelledby=\"sum-h\"><h2 id=\"sum-h\">Summary</h2><ul>");
    let years = match d.years {
        Some((x, y)) => format!("{x}–{y}"),
        None => "none in common".into(),
    };
    let level = match d.level {
        Some(engine::diff::DiffLevel::Pair) => "supplier → recipient → year",
        Some(engine::diff::DiffLevel::Recipient) => "recipient totals per year",
        Some(engine::diff::DiffLevel::Supplier) => "supplier totals per year",
        None => "no comparable figure",
    };
    let _ = write!(
        s,
        "<li>Compared <code>{}</code> (A) with <code>{}</code> (B), years {years}, at the level of {level}.</li>\
<li><strong>{}</strong> revised values at or above {} TIV; {} smaller differences not listed; {} values compared.</li>",
        esc(&d.a.id),
        esc(&d.b.id),
        d.revisions.len(),
        tiv(d.threshold),
        d.below_threshold,
        d.compared
    );
    if d.allocated_revisions > 0 {
        let _ = write!(
            s,
            "<li>{} revisions involve values that rest on allocation (a legacy deal total split \
evenly over its delivery years, marked †): part of such a change may be an artefact of the split.</li>",
            d.allocated_revisions
        );
    }
    if let Some(deals) = &d.deals {
        let _ = write!(
            s,
            "<li>Deals matched by SIPRI AT Database ID: {} added, {} removed, {} revised, {} unchanged.</li>",
            deals.added.len(),
            deals.removed.len(),
            deals.revised.len(),
            deals.unchanged
        );
    }
    for n in &d.notes {
        let _ = write!(s, "<li class=\"note\">{}</li>", esc(n));
    }
    s.push_str("</ul></section>");
    s
}

fn party(ctx: &Ctx, p: &Option<Party>) -> String {
    match p {
        Some(p) => format!(
            "<a href=\"{}\">{}</a>",
            esc(&ctx.country_href(&p.key)),
            esc(&p.name)
        ),
        None => "(all)".into(),
    }
}

fn revisions(ctx: &Ctx, d: &ReleaseDiff) -> String {
    let mut s = String::from(
        "<section aria-labelledby=\"rev-h\"><h2 id=\"rev-h\">Revised values, largest change first</h2>",
    );
    if d.revisions.is_empty() {
        s.push_str("<p>No value changed by more than the threshold.</p></section>");
        return s;
    }
    let val = |v: Option<f64>, alloc: bool| match v {
        Some(v) => format!("{}{}", tiv(v), if alloc { " †" } else { "" }),
        None => "–".into(),
    };
    let rows: Vec<Vec<String>> = d
        .revisions
        .iter()
        .take(ROWS)
        .map(|r| {
            vec![
                party(ctx, &r.supplier),
                party(ctx, &r.recipient),
                r.year.to_string(),
                val(r.a, r.allocated_a),
                val(r.b, r.allocated_b),
                format!("{:+.1}", r.change),
                r.relative
                    .map(|x| format!("{:+.0}%", x * 100.0))
                    .unwrap_or_else(|| "–".into()),
                match r.kind {
                    RevisionKind::Changed => "changed",
                    RevisionKind::New => "new in B",
                    RevisionKind::Dropped => "only in A",
                }
                .into(),
            ]
        })
        .collect();
    s.push_str(&table(
        &format!(
            "TIV (millions) in release A and B; † rests on allocation. {} of {} revisions shown.",
            rows.len(),
            d.revisions.len()
        ),
        &[
            "Supplier",
            "Recipient",
            "Year",
            "A",
            "B",
            "Change",
            "Change %",
            "Kind",
        ],
        &[false, false, true, true, true, true, true, false],
        &rows,
    ));
    let _ = write!(
        s,
        "<p class=\"note\">All revisions as JSON: <a href=\"/api/diff?a={}&amp;b={}{}&amp;threshold={}&amp;limit=100000\">/api/diff</a>.</p></section>",
        url_enc(&d.a.id),
        url_enc(&d.b.id),
        d.country
            .as_deref()
            .map(|c| format!("&amp;country={}", url_enc(c)))
            .unwrap_or_default(),
        d.threshold
    );
    s
}

fn deal_rows(list: &[DealSummary]) -> Vec<Vec<String>> {
    list.iter()
        .take(ROWS)
        .map(|x| {
            vec![
                x.sipri_id.to_string(),
                esc(&x.supplier.name),
                esc(&x.recipient.name),
                esc(&x.designation),
                x.order_year.map(|y| y.to_string()).unwrap_or_default(),
                tiv(x.tiv),
            ]
        })
        .collect()
}

fn deals(d: &ReleaseDiff) -> String {
    let Some(deals) = &d.deals else {
        return "<p class=\"note\">Deal-level changes need SIPRI AT Database IDs in both \
releases (the current trade register has them; legacy registers and TIV tables do not).</p>"
            .into();
    };
    let mut s = String::from("<section aria-labelledby=\"deals-h\"><h2 id=\"deals-h\">Deals</h2>");
    let hdr = [
        "SIPRI ID",
        "Supplier",
        "Recipient",
        "Designation",
        "Ordered",
        "TIV delivered",
    ];
    let num = [true, false, false, false, true, true];
    for (title, list) in [
        ("Added in B", &deals.added),
        ("Removed (only in A)", &deals.removed),
    ] {
        if list.is_empty() {
            let _ = write!(s, "<h3>{title}</h3><p>None.</p>");
        } else {
            let _ = write!(s, "<h3>{title}</h3>");
            s.push_str(&table(
                &format!("{title}: {} deals", list.len()),
                &hdr,
                &num,
                &deal_rows(list),
            ));
        }
    }
    let _ = write!(s, "<h3>Revised</h3>");
    if deals.revised.is_empty() {
        s.push_str("<p>None.</p>");
    } else {
        let rows: Vec<Vec<String>> = deals
            .revised
            .iter()
            .take(ROWS)
            .map(|r| {
                let changes: Vec<String> = r
                    .changes
                    .iter()
                    .map(|c| format!("{}: {} → {}", esc(c.field), esc(&c.a), esc(&c.b)))
                    .collect();
                vec![
                    r.deal.sipri_id.to_string(),
                    esc(&r.deal.supplier.name),
                    esc(&r.deal.recipient.name),
                    esc(&r.deal.designation),
                    changes.join("; "),
                ]
            })
            .collect();
        s.push_str(&table(
            &format!("Revised deals: {}", deals.revised.len()),
            &[
                "SIPRI ID",
                "Supplier",
                "Recipient",
                "Designation",
                "Changes",
            ],
            &[true, false, false, false, false],
            &rows,
        ));
    }
    s.push_str("</section>");
    s
}

fn citations(a: &Release, b: &Release) -> String {
    format!(
        "<p class=\"note\">A: {}<br>B: {}</p>",
        esc(&a.citation()),
        esc(&b.citation())
    )
}

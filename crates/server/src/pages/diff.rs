//! The release diff page: what SIPRI revised between two releases. SIPRI
//! rewrites its whole history every spring, so a figure quoted last year may
//! no longer hold; this page shows which values moved and by how much.
//!
//! Release B is the page's release (the picker); `a` names the older one,
//! defaulting to the release stored just before B.

use super::{Ctx, Page};
use crate::api::analysis::{diff_options, release_before};
use crate::error::ApiError;
use crate::html::{table, url_enc};
use crate::present::tiv;
use crate::query::*;
use crate::state::AppState;
use axum::extract::State;
use axum::response::Response;
use engine::diff::{DealSummary, Party, ReleaseDiff, RevisionKind};
use maud::{Markup, html};
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
    let intro = html! {
        h1 { "What changed between releases" }
        p.lede {
            "SIPRI revises its whole history with every release: values for past years change as new \
    information arrives. Compare two stored releases to see which deliveries were revised, added or dropped."
        }
        (form(ctx, a_id.as_deref()))
    };
    let Some(a_id) = a_id else {
        let body = html! {
            (intro)
            p.note {
                "Only one release is stored, so there is nothing to compare. Import an older or newer SIPRI file ("
                code { "armsflow import FILE" } ") or fetch the current one (" code { "armsflow fetch" }
                "), then come back."
            }
        };
        return Ok(Page {
            title: "Release diff".into(),
            body: body.into_string(),
        });
    };
    let a = ctx.st.release(&a_id)?;
    let opts = diff_options(&ctx.p, &a, b)?;
    let d = engine::diff::diff(&a, b, &opts);
    let body = html! {
        (intro)
        (summary(&d))
        (revisions(ctx, &d))
        (deals(&d))
        p.note { "A: " (a.citation()) br; "B: " (b.citation()) }
    };
    Ok(Page {
        title: "Release diff".into(),
        body: body.into_string(),
    })
}

/// The options form; it echoes the user's values, so it is built with maud
/// (escaped by default).
fn form(ctx: &Ctx, a: Option<&str>) -> Markup {
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
}

fn summary(d: &ReleaseDiff) -> Markup {
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
    html! {
        section aria-labelledby="sum-h" {
            h2 #sum-h { "Summary" }
            ul {
                li {
                    "Compared " code { (d.a.id) } " (A) with " code { (d.b.id) } " (B), years "
                    (years) ", at the level of " (level) "."
                }
                li {
                    strong { (d.revisions.len()) } " revised values at or above " (tiv(d.threshold))
                    " TIV; " (d.below_threshold) " smaller differences not listed; " (d.compared)
                    " values compared."
                }
                @if d.allocated_revisions > 0 {
                    li {
                        (d.allocated_revisions) " revisions involve values that rest on allocation (a legacy \
    deal total split evenly over its delivery years, marked †): part of such a change may be an artefact of the split."
                    }
                }
                @if let Some(deals) = &d.deals {
                    li {
                        "Deals matched by SIPRI AT Database ID: " (deals.added.len()) " added, "
                        (deals.removed.len()) " removed, " (deals.revised.len()) " revised, "
                        (deals.unchanged) " unchanged."
                    }
                }
                @for n in &d.notes {
                    li.note { (n) }
                }
            }
        }
    }
}

fn party(ctx: &Ctx, p: &Option<Party>) -> Markup {
    match p {
        Some(p) => html! { a href=(ctx.country_href(&p.key)) { (p.name) } },
        None => html! { "(all)" },
    }
}

fn revisions(ctx: &Ctx, d: &ReleaseDiff) -> Markup {
    if d.revisions.is_empty() {
        return html! {
            section aria-labelledby="rev-h" {
                h2 #rev-h { "Revised values, largest change first" }
                p { "No value changed by more than the threshold." }
            }
        };
    }
    let val = |v: Option<f64>, alloc: bool| match v {
        Some(v) => format!("{}{}", tiv(v), if alloc { " †" } else { "" }),
        None => "–".into(),
    };
    let rows: Vec<Vec<Markup>> = d
        .revisions
        .iter()
        .take(ROWS)
        .map(|r| {
            vec![
                party(ctx, &r.supplier),
                party(ctx, &r.recipient),
                html! { (r.year) },
                html! { (val(r.a, r.allocated_a)) },
                html! { (val(r.b, r.allocated_b)) },
                html! { (format!("{:+.1}", r.change)) },
                html! {
                    (r.relative
                        .map(|x| format!("{:+.0}%", x * 100.0))
                        .unwrap_or_else(|| "–".into()))
                },
                html! {
                    (match r.kind {
                        RevisionKind::Changed => "changed",
                        RevisionKind::New => "new in B",
                        RevisionKind::Dropped => "only in A",
                    })
                },
            ]
        })
        .collect();
    let json = format!(
        "/api/diff?a={}&b={}{}&threshold={}&limit=100000",
        url_enc(&d.a.id),
        url_enc(&d.b.id),
        d.country
            .as_deref()
            .map(|c| format!("&country={}", url_enc(c)))
            .unwrap_or_default(),
        d.threshold
    );
    html! {
        section aria-labelledby="rev-h" {
            h2 #rev-h { "Revised values, largest change first" }
            (table(
                &format!(
                    "TIV (millions) in release A and B; † rests on allocation. {} of {} revisions shown.",
                    rows.len(),
                    d.revisions.len()
                ),
                &["Supplier", "Recipient", "Year", "A", "B", "Change", "Change %", "Kind"],
                &[false, false, true, true, true, true, true, false],
                &rows,
            ))
            p.note { "All revisions as JSON: " a href=(json) { "/api/diff" } "." }
        }
    }
}

fn deal_rows(list: &[DealSummary]) -> Vec<Vec<Markup>> {
    list.iter()
        .take(ROWS)
        .map(|x| {
            vec![
                html! { (x.sipri_id) },
                html! { (x.supplier.name) },
                html! { (x.recipient.name) },
                html! { (x.designation) },
                html! { @if let Some(y) = x.order_year { (y) } },
                html! { (tiv(x.tiv)) },
            ]
        })
        .collect()
}

fn deals(d: &ReleaseDiff) -> Markup {
    let Some(deals) = &d.deals else {
        return html! {
            p.note {
                "Deal-level changes need SIPRI AT Database IDs in both releases (the current trade \
        register has them; legacy registers and TIV tables do not)."
            }
        };
    };
    let hdr = [
        "SIPRI ID",
        "Supplier",
        "Recipient",
        "Designation",
        "Ordered",
        "TIV delivered",
    ];
    let num = [true, false, false, false, true, true];
    let revised: Vec<Vec<Markup>> = deals
        .revised
        .iter()
        .take(ROWS)
        .map(|r| {
            vec![
                html! { (r.deal.sipri_id) },
                html! { (r.deal.supplier.name) },
                html! { (r.deal.recipient.name) },
                html! { (r.deal.designation) },
                html! {
                    @for (i, c) in r.changes.iter().enumerate() {
                        @if i > 0 { "; " }
                        (c.field) ": " (c.a) " → " (c.b)
                    }
                },
            ]
        })
        .collect();
    html! {
        section aria-labelledby="deals-h" {
            h2 #deals-h { "Deals" }
            @for (title, list) in [("Added in B", &deals.added), ("Removed (only in A)", &deals.removed)] {
                h3 { (title) }
                @if list.is_empty() {
                    p { "None." }
                } @else {
                    (table(&format!("{title}: {} deals", list.len()), &hdr, &num, &deal_rows(list)))
                }
            }
            h3 { "Revised" }
            @if revised.is_empty() {
                p { "None." }
            } @else {
                (table(
                    &format!("Revised deals: {}", deals.revised.len()),
                    &["SIPRI ID", "Supplier", "Recipient", "Designation", "Changes"],
                    &[true, false, false, false, false],
                    &revised,
                ))
            }
        }
    }
}

//! The presentation layer of the API: engine results (entity ids, unrounded
//! numbers) become JSON with entity keys and names. Numbers stay unrounded;
//! shares are fractions (0.884, not 88.4). Every body carries the release and
//! SIPRI's attribution.

use engine::{Concentration, Filter, Pair, Partners, Ranking};
use model::{EntityId, Release, ReleaseMeta, Window};
use serde_json::{Value, json};

/// `{key, name, kind, iso3}` of entity `id`.
pub fn entity(rel: &Release, id: EntityId) -> Value {
    match rel.entities.try_get(id) {
        Some(e) => json!({"key": e.key, "name": e.name, "kind": e.kind.as_str(), "iso3": e.iso3}),
        None => {
            json!({"key": format!("#{id}"), "name": format!("entity #{id}"), "kind": "unresolved", "iso3": null})
        }
    }
}

pub fn release_meta(m: &ReleaseMeta) -> Value {
    json!({
        "id": m.id,
        "format": m.format.as_str(),
        "title": m.title,
        "generated": m.generated,
        "generated_raw": m.generated_raw,
        "source_file": m.source_file,
        "sha256": m.sha256,
        "synthetic": m.synthetic,
        "first_year": m.first_year,
        "last_year": m.last_year,
        "imported_at": m.imported_at,
    })
}

pub fn window(w: &Window) -> Value {
    json!({"label": w.to_string(), "start": w.start, "end": w.end})
}

pub fn filter(f: &Filter) -> Value {
    json!({
        "period": window(&f.window),
        "category": f.category.map(|c| c.sipri_name()),
        "basis": f.basis.as_str(),
    })
}

/// How much of `w` the release covers: `{release_years, missing_years,
/// covered_years, partial, note}`; the rule is [`model::Coverage`].
pub fn coverage(rel: &Release, w: Window) -> Value {
    let c = rel.coverage(w);
    json!({
        "window": c.window.to_string(),
        "release_years": c.release_years.map(|(a, b)| [a, b]),
        "missing_years": c.missing_years,
        "covered_years": c.covered_years,
        "partial": c.partial,
        "note": c.note(),
    })
}

/// Coverage of the span from the first to the last of `windows` (answers
/// that hold several windows); `Null` when there is none.
pub fn coverage_of(rel: &Release, windows: &[Window]) -> Value {
    let start = windows.iter().map(|w| w.start).min();
    let end = windows.iter().map(|w| w.end).max();
    match (start, end) {
        (Some(start), Some(end)) => coverage(rel, Window { start, end }),
        _ => Value::Null,
    }
}

/// Whether a change between `p`'s window and its previous one compares like
/// with like; `{like_for_like, note}`.
pub fn change_coverage(rel: &Release, p: &Partners) -> Value {
    let prev = p.filter.window.previous();
    let note = model::comparison_note(&rel.coverage(p.filter.window), &rel.coverage(prev));
    json!({"like_for_like": note.is_none(), "note": note})
}

/// Wraps a result with the release it was computed over and the attribution.
/// A synthetic release is never attributed to SIPRI.
pub fn envelope(rel: &Release, result: Value) -> Value {
    let mut v = json!({
        "release": {"id": rel.meta.id, "generated": rel.meta.generated, "synthetic": rel.meta.synthetic},
        "attribution": rel.attribution(),
        "citation": rel.citation(),
    });
    if rel.meta.synthetic {
        v["warning"] = json!("SYNTHETIC DEMO DATA — not SIPRI");
    }
    if let (Value::Object(dst), Value::Object(src)) = (&mut v, result) {
        dst.extend(src);
    }
    v
}

pub fn concentration(c: &Option<Concentration>) -> Value {
    match c {
        None => Value::Null,
        Some(c) => json!({
            "partners": c.n,
            "hhi": c.hhi,
            "hhi_10000": c.hhi_10000,
            "hhi_normalized": c.hhi_normalized,
            "effective_number": c.n_eff,
            "cr1": c.cr1,
            "cr3": c.cr3,
        }),
    }
}

/// One window of partner shares (no `previous`).
fn partners_body(rel: &Release, p: &Partners) -> Value {
    let rows: Vec<Value> = p
        .partners
        .iter()
        .map(|s| {
            json!({
                "partner": entity(rel, s.entity),
                "tiv": s.tiv,
                "share": s.share,
                "rank": s.rank,
                "estimated_tiv": s.estimated_tiv,
                "allocated_tiv": s.allocated_tiv,
            })
        })
        .collect();
    json!({
        "filter": filter(&p.filter),
        "coverage": coverage(rel, p.filter.window),
        "total_tiv": p.total,
        "no_deliveries": p.is_empty(),
        "partners": rows,
        "concentration": concentration(&p.concentration),
        "estimated_share": p.estimated_share,
        "allocated_share": p.allocated_share,
        "unknown_tiv": p.unknown_tiv,
        "aggregate_tiv": p.aggregate_tiv,
        "undated_tiv": p.undated_tiv,
    })
}

/// Shares of `p.focus`'s imports by supplier (or exports by recipient), with
/// the previous window and the change against it.
pub fn partners(rel: &Release, p: &Partners) -> Value {
    let mut v = partners_body(rel, p);
    v["focus"] = entity(rel, p.focus);
    v["direction"] = json!(p.direction.as_str());
    v["change"] = json!(p.change);
    v["change_coverage"] = change_coverage(rel, p);
    v["previous"] = p
        .previous
        .as_ref()
        .map_or(Value::Null, |prev| partners_body(rel, prev));
    envelope(rel, v)
}

/// One window per element, as `concentration` and the country page use.
pub fn series(rel: &Release, focus: EntityId, dir: engine::Direction, s: &[Partners]) -> Value {
    let windows: Vec<Value> = s
        .iter()
        .map(|p| {
            let mut v = partners_body(rel, p);
            v["change"] = json!(p.change);
            v["change_coverage"] = change_coverage(rel, p);
            v
        })
        .collect();
    let spans: Vec<Window> = s.iter().map(|p| p.filter.window).collect();
    envelope(
        rel,
        json!({"focus": entity(rel, focus), "direction": dir.as_str(), "windows": windows,
               "coverage": coverage_of(rel, &spans)}),
    )
}

pub fn ranking(rel: &Release, r: &Ranking, limit: usize) -> Value {
    let rows: Vec<Value> = r
        .rows
        .iter()
        .take(limit)
        .map(|x| {
            json!({
                "entity": entity(rel, x.entity),
                "tiv": x.tiv,
                "share": x.share,
                "rank": x.rank,
                "estimated_tiv": x.estimated_tiv,
            })
        })
        .collect();
    let role = match r.direction {
        engine::Direction::Exports => "exporters",
        engine::Direction::Imports => "importers",
    };
    envelope(
        rel,
        json!({
            "direction": role,
            "filter": filter(&r.filter),
            "coverage": coverage(rel, r.filter.window),
            "world_total_tiv": r.total,
            "ranked": r.rows.len(),
            "rows": rows,
            "unknown_tiv": r.unknown_tiv,
            "aggregate_tiv": r.aggregate_tiv,
            "undated_tiv": r.undated_tiv,
            "estimated_share": r.estimated_share,
        }),
    )
}

pub fn pair(rel: &Release, p: &Pair) -> Value {
    let by_year: Vec<Value> = p
        .by_year
        .iter()
        .map(|(y, t)| json!({"year": y, "tiv": t}))
        .collect();
    envelope(
        rel,
        json!({
            "supplier": entity(rel, p.supplier),
            "recipient": entity(rel, p.recipient),
            "filter": filter(&p.filter),
            "coverage": coverage(rel, p.filter.window),
            "total_tiv": p.total,
            "by_year": by_year,
            "estimated_tiv": p.estimated_tiv,
            "allocated_tiv": p.allocated_tiv,
            "recipient_imports_tiv": p.recipient_imports,
            "supplier_exports_tiv": p.supplier_exports,
            "share_of_recipient_imports": p.share_of_recipient_imports,
            "share_of_supplier_exports": p.share_of_supplier_exports,
            "recipient_rank_among_customers": p.recipient_rank,
            "supplier_customers": p.supplier_customers,
            "supplier_rank_among_suppliers": p.supplier_rank,
            "recipient_suppliers": p.recipient_suppliers,
        }),
    )
}

/// Percent with one decimal, for pages ("88.4%"). Rounding happens only here.
pub fn pct(share: f64) -> String {
    format!("{:.1}%", share * 100.0)
}

/// TIV in millions, thousands separated, no decimals under 10 only when whole.
pub fn tiv(v: f64) -> String {
    if v.abs() < 10.0 {
        return format!("{v:.1}");
    }
    let n = v.round() as i64;
    let s = n.abs().to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0 { format!("-{out}") } else { out }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        assert_eq!(pct(0.88431), "88.4%");
        assert_eq!(tiv(1234567.4), "1,234,567");
        assert_eq!(tiv(999.6), "1,000");
        assert_eq!(tiv(3.25), "3.2");
        assert_eq!(tiv(-12345.0), "-12,345");
    }
}

//! Deals matched across releases by SIPRI AT Database ID. Only the current
//! register layout carries IDs; deliveries are compared within the years both
//! releases cover, so a release that ends earlier does not "remove" later years.

use super::{DealDiff, DealRevision, DealSummary, EPS, FieldChange, Scope, party};
use model::{Deal, Release};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Per deal (index into `deals`): delivery years, units and TIV within the scope.
#[derive(Debug, Clone, Default, PartialEq)]
struct Delivered {
    years: BTreeSet<u16>,
    units: u64,
    tiv: f64,
}

fn delivered_in_scope(r: &Release, scope: &Scope) -> HashMap<u32, Delivered> {
    let f = &r.flows;
    let mut out: HashMap<u32, Delivered> = HashMap::new();
    for i in 0..f.len() {
        if !scope.year(f.year[i]) || (f.deal[i] as usize) >= r.deals.len() {
            continue;
        }
        let d = out.entry(f.deal[i]).or_default();
        d.years.insert(f.year[i]);
        d.units += u64::from(f.units[i]);
        d.tiv += f.tiv[i];
    }
    out
}

fn by_id(r: &Release) -> BTreeMap<u64, u32> {
    let mut m = BTreeMap::new();
    for (i, d) in r.deals.iter().enumerate() {
        if let Some(id) = d.sipri_id {
            m.entry(id).or_insert(i as u32);
        }
    }
    m
}

fn summary(r: &Release, d: &Deal, tiv: f64) -> DealSummary {
    DealSummary {
        sipri_id: d.sipri_id.unwrap_or(0),
        supplier: party(r, d.supplier),
        recipient: party(r, d.recipient),
        designation: d.designation.clone(),
        order_year: d.order_year,
        tiv,
    }
}

pub(super) fn diff_deals(a: &Release, b: &Release, scope: &Scope) -> DealDiff {
    let (ia, ib) = (by_id(a), by_id(b));
    let (da, db) = (delivered_in_scope(a, scope), delivered_in_scope(b, scope));
    let in_scope = |r: &Release, d: &Deal, del: Option<&Delivered>| {
        del.is_some()
            && scope.keep(
                Some(party(r, d.supplier).key.as_str()),
                Some(party(r, d.recipient).key.as_str()),
            )
    };
    let mut out = DealDiff::default();
    let ids: BTreeSet<u64> = ia.keys().chain(ib.keys()).copied().collect();
    for id in ids {
        let xa = ia.get(&id).map(|&i| (&a.deals[i as usize], da.get(&i)));
        let xb = ib.get(&id).map(|&i| (&b.deals[i as usize], db.get(&i)));
        let sa = xa.is_some_and(|(d, del)| in_scope(a, d, del));
        let sb = xb.is_some_and(|(d, del)| in_scope(b, d, del));
        let tiv = |x: Option<&Delivered>| x.map_or(0.0, |d| d.tiv);
        match (xa, xb) {
            (Some((d, del)), None) if sa => out.removed.push(summary(a, d, tiv(del))),
            (None, Some((d, del))) if sb => out.added.push(summary(b, d, tiv(del))),
            (Some((d1, del1)), Some((d2, del2))) if sa || sb => {
                let changes = deal_changes(a, d1, del1, b, d2, del2);
                if changes.is_empty() {
                    out.unchanged += 1;
                } else {
                    out.revised.push(DealRevision {
                        deal: summary(b, d2, tiv(del2)),
                        tiv_a: tiv(del1),
                        changes,
                    });
                }
            }
            _ => {}
        }
    }
    out
}

fn opt<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map_or_else(String::new, T::to_string)
}

fn yes_no(v: Option<bool>) -> String {
    match v {
        Some(true) => "Yes".into(),
        Some(false) => "No".into(),
        None => String::new(),
    }
}

fn num(v: f64) -> String {
    // Shortest text that round-trips; presentation rounding is the renderer's job.
    format!("{v}")
}

fn deal_changes(
    ra: &Release,
    a: &Deal,
    da: Option<&Delivered>,
    rb: &Release,
    b: &Deal,
    db: Option<&Delivered>,
) -> Vec<FieldChange> {
    let empty = Delivered::default();
    let (da, db) = (da.unwrap_or(&empty), db.unwrap_or(&empty));
    let years = |d: &Delivered| {
        d.years
            .iter()
            .map(u16::to_string)
            .collect::<Vec<_>>()
            .join("; ")
    };
    let fnum = |v: Option<f64>| v.map(num).unwrap_or_default();
    let fields: [(&'static str, String, String); 14] = [
        (
            "supplier",
            party(ra, a.supplier).key,
            party(rb, b.supplier).key,
        ),
        (
            "recipient",
            party(ra, a.recipient).key,
            party(rb, b.recipient).key,
        ),
        ("designation", a.designation.clone(), b.designation.clone()),
        ("description", a.description.clone(), b.description.clone()),
        (
            "category",
            model::Category::from_u8(a.category).to_string(),
            model::Category::from_u8(b.category).to_string(),
        ),
        ("order_year", opt(&a.order_year), opt(&b.order_year)),
        (
            "order_year_estimated",
            yes_no(a.order_year_estimated),
            yes_no(b.order_year_estimated),
        ),
        ("status", a.status.clone(), b.status.clone()),
        ("tiv_unit_new", fnum(a.tiv_unit_new), fnum(b.tiv_unit_new)),
        ("tiv_unit", fnum(a.tiv_unit), fnum(b.tiv_unit)),
        (
            "local_production",
            yes_no(a.local_production),
            yes_no(b.local_production),
        ),
        ("delivery_years", years(da), years(db)),
        (
            "units_delivered",
            da.units.to_string(),
            db.units.to_string(),
        ),
        (
            "tiv_delivered",
            if (da.tiv - db.tiv).abs() <= EPS {
                num(db.tiv)
            } else {
                num(da.tiv)
            },
            num(db.tiv),
        ),
    ];
    fields
        .into_iter()
        .filter(|(_, x, y)| x != y)
        .map(|(field, a, b)| FieldChange { field, a, b })
        .collect()
}

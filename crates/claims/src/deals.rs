//! What SIPRI lists for one supplier (or any) and one recipient: deliveries of
//! a weapon, deal by deal and year by year, with numbers and estimate flags;
//! the shared ground of shapes (f) and (g).

use crate::claim::Party;
use crate::i18n::{DealText, Near};
use crate::weapon::{Weapon, WeaponKind};
use model::{Category, Flags, Release, Window};
use std::collections::BTreeMap;

/// One SIPRI deal's deliveries, as found.
pub(crate) struct Hit {
    /// The supplier when the claim names none.
    pub from: Option<Party>,
    pub designation: String,
    pub description: String,
    pub years: BTreeMap<u16, (u32, u16)>,
    pub tiv: f64,
    pub est_tiv: f64,
    /// Some per-year figure is our allocation of a deal total (legacy register).
    pub allocated: bool,
}

/// "SIPRI's designation (description)" of the family's rows in scope when a
/// designation with a kind ("2 Patriot missiles") finds rows of its family
/// but none of its kind: the kind word is then a different claim (claims
/// probe 29: Patriot SAM systems counted as missiles, Su-30 as helicopters).
pub(crate) fn other_kind(
    rel: &Release,
    s: Option<model::EntityId>,
    r: model::EntityId,
    w: &Weapon,
    win: Window,
) -> Option<Vec<String>> {
    let (Some(d), Some(k)) = (&w.designation, w.kind) else {
        return None;
    };
    let fl = &rel.flows;
    let mut out: Vec<String> = Vec::new();
    for i in 0..fl.len() {
        if !(s.is_none_or(|s| fl.supplier[i] == s)
            && fl.recipient[i] == r
            && win.contains(fl.year[i]))
        {
            continue;
        }
        let Some(x) = rel.deal(i) else { continue };
        if !crate::weapon::same_family(d, &x.designation) {
            continue;
        }
        if k.fits(&x.description, Category::from_u8(fl.category[i])) || k.near(&x.description) {
            return None;
        }
        let t = format!("{} ({})", x.designation, x.description);
        if !out.contains(&t) {
            out.push(t);
        }
    }
    (!out.is_empty()).then_some(out)
}

pub(crate) fn hits(
    rel: &Release,
    s: Option<model::EntityId>,
    r: model::EntityId,
    w: &Weapon,
    win: Window,
) -> Vec<Hit> {
    let fl = &rel.flows;
    let mut by: BTreeMap<(String, String, String), Hit> = BTreeMap::new();
    let in_scope = |i: usize| {
        s.is_none_or(|s| fl.supplier[i] == s) && fl.recipient[i] == r && win.contains(fl.year[i])
    };
    // A designation with a kind ("24 K9 howitzers"): where some of the
    // family's deals are of that kind, only those count (regression of
    // claims probe 9: Poland's 24 K-9 guns and 8 K-9 chassis, parts for its
    // own howitzers, gave "SIPRI lists 32"). Where none is, the kind word
    // may just describe the weapon differently from SIPRI: all count.
    let by_kind = match (&w.designation, w.kind) {
        (Some(d), Some(k)) => (0..fl.len()).any(|i| {
            in_scope(i)
                && rel.deal(i).is_some_and(|x| {
                    crate::weapon::same_family(d, &x.designation)
                        && k.fits(&x.description, Category::from_u8(fl.category[i]))
                })
        }),
        _ => false,
    };
    for i in 0..fl.len() {
        if !in_scope(i) {
            continue;
        }
        // Any supplier: name each one.
        let from = match s {
            Some(_) => None,
            None => Some(crate::check::party_of(rel, fl.supplier[i])),
        };
        let (des, desc) = match rel.deal(i) {
            Some(d) => (d.designation.clone(), d.description.clone()),
            None if w.designation.is_none() && w.kind.is_none() => (String::new(), String::new()),
            None => continue,
        };
        let cat = Category::from_u8(fl.category[i]);
        if !w.matches(&des, &desc, cat) || by_kind && w.kind.is_some_and(|k| !k.fits(&desc, cat)) {
            continue;
        }
        let h = by
            .entry((
                from.as_ref().map_or(String::new(), |p| p.name.clone()),
                des.clone(),
                desc.clone(),
            ))
            .or_insert(Hit {
                from,
                designation: des,
                description: desc,
                years: BTreeMap::new(),
                tiv: 0.0,
                est_tiv: 0.0,
                allocated: false,
            });
        let e = h.years.entry(fl.year[i]).or_insert((0, 0));
        e.0 += fl.units[i];
        e.1 |= fl.flags[i];
        h.tiv += fl.tiv[i];
        // Delivery figures count only the number and delivery-year flags
        // (docs/methodology.md): the order-date flag dates the deal, not the
        // units (claims probe 29: 100 % shown on unflagged deliveries).
        if fl.flags[i] & (Flags::EST_YEAR | Flags::EST_NUMBER) != 0 {
            h.est_tiv += fl.tiv[i];
        }
        if fl.flags[i] & Flags::ALLOCATED != 0 {
            h.allocated = true;
        }
    }
    let mut v: Vec<Hit> = by.into_values().collect();
    v.sort_by(|a, b| b.tiv.total_cmp(&a.tiv));
    v
}

/// Deals of a near kind (loitering munitions for "drones") in the window.
pub(crate) fn near_hits(
    rel: &Release,
    s: Option<model::EntityId>,
    r: model::EntityId,
    k: WeaponKind,
    win: Window,
) -> Vec<Near> {
    let fl = &rel.flows;
    let mut out: Vec<Near> = Vec::new();
    for i in 0..fl.len() {
        if s.is_some_and(|s| fl.supplier[i] != s)
            || fl.recipient[i] != r
            || !win.contains(fl.year[i])
        {
            continue;
        }
        if let Some(d) = rel.deal(i)
            && k.near(&d.description)
        {
            let x = (d.designation.clone(), d.description.clone(), fl.year[i]);
            if !out.contains(&x) {
                out.push(x);
            }
        }
    }
    out
}

/// A deal as explanations list it.
pub(crate) fn describe(h: &Hit) -> DealText {
    DealText {
        from: h.from.clone(),
        designation: h.designation.clone(),
        description: h.description.clone(),
        years: h.years.iter().map(|(y, (n, f))| (*y, *n, *f)).collect(),
        tiv: h.tiv,
    }
}

/// Entity ids of supplier (`None`: any) and recipient; `None` when one of
/// them has no deliveries in the release.
pub(crate) fn ids(
    rel: &Release,
    a: Option<&Party>,
    b: &Party,
) -> Option<(Option<model::EntityId>, model::EntityId)> {
    let s = match a {
        Some(a) => Some(rel.entities.by_key(&a.key)?),
        None => None,
    };
    Some((s, rel.entities.by_key(&b.key)?))
}

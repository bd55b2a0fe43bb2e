//! The per-country values a map shows, from one pass per window (or per year,
//! for groups) over the release through [`engine::all_pairs`]. Each value is
//! the figure the country page gives for the same question: a share is the
//! pair's TIV over the country's whole imports (or exports), a group share
//! counts a member only in the years it was one (1 July rule), and HHI is the
//! engine's [`engine::concentration`] over every partner.

use engine::groups::GroupIndex;
use engine::{Direction, Filter, PairMatrix};
use model::{EntityId, EntityKind, Release, Window};
use std::collections::BTreeMap;

/// What is mapped.
#[derive(Debug, Clone)]
pub enum Kind {
    /// Pairs with this supplier: with imports, the share of each country's
    /// imports it supplied; with exports, the share of its exports that each
    /// country received (the pair page's two denominators).
    Share(EntityId),
    /// Share of each country's imports (exports) from (to) the group's members.
    Group(GroupIndex),
    /// Concentration of each country's suppliers (customers), HHI 0..10,000.
    Hhi,
    /// Each country's imports (exports), TIV millions.
    Tiv,
}

impl Kind {
    pub fn slug(&self) -> &'static str {
        match self {
            Kind::Share(_) => "share",
            Kind::Group(_) => "group",
            Kind::Hhi => "hhi",
            Kind::Tiv => "tiv",
        }
    }
}

/// One country's figure in one window.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Cell {
    /// The mapped value (fraction for shares, 0..10,000 for HHI, TIV
    /// millions); `None` when it cannot be computed (see `why_none`).
    pub value: Option<f64>,
    /// The country's imports (exports) in the window: the denominator.
    pub total: f64,
    /// The TIV the share counts (with the supplier or the group); 0 for HHI/TIV.
    pub part: f64,
}

/// Values of `kind` for every party with imports (exports) in `f`, by entity.
pub fn values(rel: &Release, kind: &Kind, dir: Direction, f: &Filter) -> BTreeMap<EntityId, Cell> {
    match (kind, dir) {
        (Kind::Group(g), _) => group_values(rel, g, dir, f),
        (Kind::Share(s), Direction::Exports) => {
            customer_values(rel, *s, &engine::all_pairs(rel, f))
        }
        _ => matrix_values(rel, kind, dir, &engine::all_pairs(rel, f)),
    }
}

fn is_aggregate(rel: &Release, id: EntityId) -> bool {
    rel.entities
        .try_get(id)
        .is_some_and(|e| e.kind == EntityKind::Aggregate)
}

/// The focus (recipient for imports, supplier for exports) and the partner of a cell.
fn sides(dir: Direction, supplier: EntityId, recipient: EntityId) -> (EntityId, EntityId) {
    match dir {
        Direction::Imports => (recipient, supplier),
        Direction::Exports => (supplier, recipient),
    }
}

/// Per focus: every partner's TIV.
fn by_focus(m: &PairMatrix, dir: Direction) -> BTreeMap<EntityId, Vec<(EntityId, f64)>> {
    let mut out: BTreeMap<EntityId, Vec<(EntityId, f64)>> = BTreeMap::new();
    for c in &m.cells {
        let (focus, partner) = sides(dir, c.supplier, c.recipient);
        out.entry(focus).or_default().push((partner, c.tiv));
    }
    out
}

fn matrix_values(
    rel: &Release,
    kind: &Kind,
    dir: Direction,
    m: &PairMatrix,
) -> BTreeMap<EntityId, Cell> {
    let mut out = BTreeMap::new();
    for (focus, partners) in by_focus(m, dir) {
        if is_aggregate(rel, focus) {
            continue;
        }
        let total = partners.iter().fold(0.0, |a, p| a + p.1);
        if total <= 0.0 {
            continue;
        }
        let hidden = partners.iter().any(|p| is_aggregate(rel, p.0));
        let (value, part) = match kind {
            Kind::Share(s) => {
                let part = partners
                    .iter()
                    .filter(|p| p.0 == *s)
                    .fold(0.0, |a, p| a + p.1);
                ((!hidden).then(|| part / total), part)
            }
            Kind::Hhi => {
                let tivs: Vec<f64> = partners.iter().map(|p| p.1).collect();
                let c = if hidden {
                    None
                } else {
                    engine::concentration(&tivs)
                };
                (c.map(|c| c.hhi_10000), 0.0)
            }
            Kind::Tiv => (Some(total), 0.0),
            Kind::Group(_) => unreachable!("groups are summed year by year"),
        };
        out.insert(focus, Cell { value, total, part });
    }
    out
}

/// Each recipient's part of `supplier`'s exports.
fn customer_values(rel: &Release, supplier: EntityId, m: &PairMatrix) -> BTreeMap<EntityId, Cell> {
    let cells: Vec<_> = m.cells.iter().filter(|c| c.supplier == supplier).collect();
    let total = cells.iter().fold(0.0, |a, c| a + c.tiv);
    let hidden = cells.iter().any(|c| is_aggregate(rel, c.recipient));
    cells
        .iter()
        .filter(|c| !is_aggregate(rel, c.recipient))
        .map(|c| {
            let value = (!hidden && total > 0.0).then(|| c.tiv / total);
            (
                c.recipient,
                Cell {
                    value,
                    total,
                    part: c.tiv,
                },
            )
        })
        .collect()
}

/// Group shares, summed year by year so that a member counts only in the
/// years it was one (as [`engine::groups::group_share`] does for one country).
fn group_values(
    rel: &Release,
    g: &GroupIndex,
    dir: Direction,
    f: &Filter,
) -> BTreeMap<EntityId, Cell> {
    // (total, part, hidden) per focus.
    let mut acc: BTreeMap<EntityId, (f64, f64, bool)> = BTreeMap::new();
    for y in f.window.years() {
        let m = engine::all_pairs(rel, &f.at(Window { start: y, end: y }));
        for c in &m.cells {
            let (focus, partner) = sides(dir, c.supplier, c.recipient);
            if is_aggregate(rel, focus) {
                continue;
            }
            let e = acc.entry(focus).or_default();
            e.0 += c.tiv;
            if g.contains(partner, y) {
                e.1 += c.tiv;
            }
            if is_aggregate(rel, partner) {
                e.2 = true;
            }
        }
    }
    acc.into_iter()
        .filter(|(_, (total, _, _))| *total > 0.0)
        .map(|(id, (total, part, hidden))| {
            (
                id,
                Cell {
                    value: (!hidden).then(|| part / total),
                    total,
                    part,
                },
            )
        })
        .collect()
}

/// The change of each value from window `from` to the current one: shares in
/// fraction points, HHI in points, TIV as a relative change. Only countries
/// with a value in both windows get one (a change from nothing is not a
/// number); the others keep `None` and their reason is shown.
pub fn change(
    kind: &Kind,
    now: &BTreeMap<EntityId, Cell>,
    before: &BTreeMap<EntityId, Cell>,
) -> BTreeMap<EntityId, Option<f64>> {
    let mut ids: Vec<EntityId> = now.keys().chain(before.keys()).copied().collect();
    ids.sort_unstable();
    ids.dedup();
    ids.into_iter()
        .map(|id| {
            let a = before.get(&id).and_then(|c| c.value);
            let b = now.get(&id).and_then(|c| c.value);
            let d = match (a, b, kind) {
                (Some(a), Some(b), Kind::Tiv) => (a > 0.0).then(|| b / a - 1.0),
                (Some(a), Some(b), _) => Some(b - a),
                _ => None,
            };
            (id, d)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use engine::testkit::ReleaseBuilder;

    /// RUS→KAZ 60 (2020) + 20 (2021), CHN→KAZ 20 (2021), RUS→IND 10 (2020),
    /// FRA→IND 30 (2021). Ids: RUS 0, KAZ 1, CHN 2, IND 3, FRA 4.
    fn rel() -> Release {
        let mut b = ReleaseBuilder::new();
        let [rus, kaz, chn, ind, fra] = ["RUS", "KAZ", "CHN", "IND", "FRA"].map(|k| b.state(k, k));
        b.flow(rus, kaz, 2020, 60.0)
            .flow(rus, kaz, 2021, 20.0)
            .flow(chn, kaz, 2021, 20.0)
            .flow(rus, ind, 2020, 10.0)
            .flow(fra, ind, 2021, 30.0);
        b.build()
    }

    fn f() -> Filter {
        Filter::new(Window {
            start: 2020,
            end: 2021,
        })
    }

    #[test]
    fn share_of_imports_from_a_supplier() {
        let r = rel();
        let v = values(&r, &Kind::Share(0), Direction::Imports, &f());
        assert_eq!(v[&1].value, Some(0.8));
        assert_eq!((v[&1].part, v[&1].total), (80.0, 100.0));
        assert_eq!(v[&3].value, Some(0.25));
        // RUS imports nothing: no value at all (not 0 %).
        assert!(!v.contains_key(&0));
    }

    #[test]
    fn share_of_a_suppliers_exports() {
        let r = rel();
        // Exports: the part of Russia's 90 that each customer received.
        let v = values(&r, &Kind::Share(0), Direction::Exports, &f());
        assert_eq!(v[&1].value, Some(80.0 / 90.0));
        assert_eq!(v[&3].value, Some(10.0 / 90.0));
        assert_eq!(v.len(), 2);
    }

    #[test]
    fn hhi_and_tiv() {
        let r = rel();
        let v = values(&r, &Kind::Hhi, Direction::Imports, &f());
        // KAZ: 80/20 → 0.64 + 0.04 = 0.68.
        assert!((v[&1].value.unwrap() - 6800.0).abs() < 1e-9);
        let v = values(&r, &Kind::Tiv, Direction::Exports, &f());
        assert_eq!(v[&0].value, Some(90.0));
    }

    #[test]
    fn group_counts_members_only_in_their_years() {
        let r = rel();
        // RUS a member only in 2021: KAZ 20 of 100, IND 0 of 40.
        let g = engine::groups::Group {
            name: "G".into(),
            spells: vec![engine::groups::Spell {
                member: "RUS".into(),
                joined: Some(engine::groups::GroupDate::ymd(2021, 1, 1)),
                left: None,
                note: String::new(),
                line: 0,
            }],
        };
        let idx = g.index(&r);
        let v = values(&r, &Kind::Group(idx.clone()), Direction::Imports, &f());
        assert_eq!(v[&1].value, Some(0.2));
        assert_eq!(v[&3].value, Some(0.0));
        // The same as the engine's one-country answer.
        let one = engine::groups::group_share(&r, 1, Direction::Imports, &idx, &f());
        assert_eq!(one.share, v[&1].value);
    }

    #[test]
    fn change_needs_both_windows() {
        let now = BTreeMap::from([
            (
                1,
                Cell {
                    value: Some(0.5),
                    total: 1.0,
                    part: 0.5,
                },
            ),
            (
                2,
                Cell {
                    value: Some(0.5),
                    total: 1.0,
                    part: 0.5,
                },
            ),
        ]);
        let before = BTreeMap::from([(
            1,
            Cell {
                value: Some(0.8),
                total: 1.0,
                part: 0.8,
            },
        )]);
        let d = change(&Kind::Share(0), &now, &before);
        assert!((d[&1].unwrap() + 0.3).abs() < 1e-12);
        assert_eq!(d[&2], None);
        let d = change(&Kind::Tiv, &now, &before);
        assert!((d[&1].unwrap() + 0.375).abs() < 1e-12);
    }
}

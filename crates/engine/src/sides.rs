//! Which questions a release can answer. A register holds both parties of
//! every transfer; a TIV table holds one side: an importers table each
//! recipient's total, an exporters table each supplier's, and a per-supplier
//! table one supplier's exports. Asked anything else, a table answers from
//! part of the data as if it were all of it (regression: on Russia's
//! per-supplier table, "Russia 100 % of Pakistan's imports", where the
//! register gives 5.6 %; on an importers table, "Russia exported nothing").

use crate::filter::{Direction, is_aggregate, is_unknown};
use model::{EntityId, FlowView, Release, SourceFormat};

/// `None` when `rel` holds the whole answer to a question about `dir` (a
/// country's imports or exports when `focus` is given, else every country's,
/// as rankings ask); otherwise why not, to show as it is.
pub fn one_sided(rel: &Release, dir: Direction, focus: Option<EntityId>) -> Option<String> {
    one_sided_in(rel, &rel.flows.view(), dir, focus)
}

/// [`one_sided`] for a release whose flows are `flows` (a mapped cache).
pub fn one_sided_in(
    rel: &Release,
    flows: &FlowView<'_>,
    dir: Direction,
    focus: Option<EntityId>,
) -> Option<String> {
    // SIPRI's "unknown supplier(s)" pools deliveries of many suppliers: its
    // "exports" have no share, rank or concentration of one party's (as
    // `pair` already refused; regression: "HHI 0.144 … 6.93 recipients").
    if let Some(why) = focus.and_then(|f| placeholder(rel, f)) {
        return Some(why);
    }
    let id = &rel.meta.id;
    let side = match dir {
        Direction::Imports => "imports",
        Direction::Exports => "exports",
    };
    match rel.meta.format {
        SourceFormat::Register | SourceFormat::LegacyRegister => scoped(rel, dir, focus),
        SourceFormat::ImportTable if dir == Direction::Imports => None,
        SourceFormat::ExportTable if dir == Direction::Exports => None,
        SourceFormat::ImportTable => Some(format!(
            "release {id} is SIPRI's table of arms imports (each importer's total): it holds no \
{side} by country; use a trade-register release"
        )),
        SourceFormat::ExportTable => Some(format!(
            "release {id} is SIPRI's table of arms exports (each exporter's total): it holds no \
{side} by country; use a trade-register release"
        )),
        SourceFormat::SupplierTable => {
            let subjects = subjects(rel, flows);
            if dir == Direction::Exports && focus.is_some_and(|f| subjects.contains(&f)) {
                return None;
            }
            let names: Vec<&str> = subjects
                .iter()
                .map(|&s| rel.entities.get(s).name.as_str())
                .collect();
            let whose = if names.is_empty() {
                "one supplier".to_string()
            } else {
                names.join(", ")
            };
            Some(format!(
                "release {id} is SIPRI's table of arms exports from {whose} alone: it holds no other \
supplier's deliveries, so it cannot give {}; ask about {whose}'s exports, or use a trade-register \
release",
                match (dir, focus) {
                    (Direction::Imports, Some(_)) => "a country's imports or its suppliers' shares",
                    (Direction::Exports, Some(_)) => "another supplier's exports",
                    (_, None) => "world totals or rankings",
                }
            ))
        }
    }
}

/// Why `id` cannot be a party of a question: SIPRI's unknown pool or a
/// table's "all" side ([`crate::PairRefusal::Placeholder`]); `None` for a party.
pub fn placeholder(rel: &Release, id: EntityId) -> Option<String> {
    (is_unknown(rel, id) || is_aggregate(rel, id))
        .then(|| crate::PairRefusal::Placeholder(id).message(rel))
}

/// A register downloaded for some countries only (SIPRI's title line "from
/// All countries to Ukraine") holds only their transfers: `None` when the
/// question lies inside that scope (regression: on the Ukraine download,
/// "United States exported 2,721.88 TIV, Ukraine 100 %"; the whole register
/// gives 57,970.98 TIV to 111 recipients, Ukraine 4.7 %).
fn scoped(rel: &Release, dir: Direction, focus: Option<EntityId>) -> Option<String> {
    let (from, to) = rel.meta.download_scope();
    if from.is_none() && to.is_none() {
        return None;
    }
    let ids = |names: &Option<Vec<String>>| -> Option<Vec<EntityId>> {
        names.as_ref().map(|n| {
            rel.entities
                .iter()
                .filter(|(_, e)| n.iter().any(|x| x.eq_ignore_ascii_case(&e.name)))
                .map(|(id, _)| id)
                .collect()
        })
    };
    let (sup, rec) = (ids(&from), ids(&to));
    // A country's imports are whole when every supplier is in and the
    // country is one of the recipients; exports the other way round.
    let (own, other) = match dir {
        Direction::Imports => (&rec, &sup),
        Direction::Exports => (&sup, &rec),
    };
    let whole =
        other.is_none() && focus.is_some_and(|f| own.as_ref().is_none_or(|s| s.contains(&f)));
    if whole {
        return None;
    }
    let scope = rel.meta.scope_phrase();
    let asked = match (dir, focus) {
        (_, None) => "world totals or rankings".to_string(),
        (Direction::Imports, Some(f)) => format!("{}'s imports", rel.entities.get(f).name),
        (Direction::Exports, Some(f)) => format!("{}'s exports", rel.entities.get(f).name),
    };
    let inside = match (&from, &to) {
        (None, Some(t)) => format!("ask about {}'s imports", t.join(", ")),
        (Some(s), None) => format!("ask about {}'s exports", s.join(", ")),
        _ => "ask inside that scope".to_string(),
    };
    Some(format!(
        "release {} is a register download of transfers{scope} only (per its title): it cannot \
         give {asked}; {inside}, or use a release of the whole register",
        rel.meta.id
    ))
}

/// `None` when `rel` can answer a question about partner mixes across
/// countries or armament categories (`what`: maps, switching, event
/// studies, group shares, scenarios, category breakdowns): only a register
/// can; a TIV table holds one side of each transfer and no categories
/// (regression: on Russia's per-supplier table the map gave every country
/// 100 % from Russia, and `category=aircraft` answered "imported nothing").
pub fn needs_register(rel: &Release, what: &str) -> Option<String> {
    match rel.meta.format {
        SourceFormat::Register | SourceFormat::LegacyRegister => None,
        f => Some(format!(
            "release {} is SIPRI's {} TIV table, which holds one side of each transfer and no \
             armament categories: {what} needs a trade-register release",
            rel.meta.id,
            f.as_str().trim_end_matches("_table")
        )),
    }
}

/// `None` when `rel` can give a figure by order year: only a register lists
/// deals with their order dates; a TIV table records deliveries by year
/// (regression of the hostile-files probe 2: `imports Kazakhstan --basis
/// order` on the import table said "imported nothing by order year").
pub fn needs_orders(rel: &Release) -> Option<String> {
    match rel.meta.format {
        SourceFormat::Register | SourceFormat::LegacyRegister => None,
        f => Some(format!(
            "release {} is SIPRI's {} TIV table, which records deliveries by year and no \
             orders: a figure by order year needs a trade-register release",
            rel.meta.id,
            f.as_str().trim_end_matches("_table")
        )),
    }
}

/// [`needs_register`] for questions across every country (maps, switching,
/// event studies, scenarios with their knock-on ranks, the world page): a
/// register downloaded for some countries only holds none of them whole
/// (regression: on the Ukraine download the map said "no deliveries" of
/// every other country).
pub fn needs_whole(rel: &Release, what: &str) -> Option<String> {
    needs_register(rel, what).or_else(|| {
        let scope = rel.meta.scope_phrase();
        (!scope.is_empty()).then(|| {
            format!(
                "release {} is a register download of transfers{scope} only (per its title): \
                 {what} needs a release of the whole register",
                rel.meta.id
            )
        })
    })
}

/// `None` when `rel` can give a figure for one armament category: a register
/// whose rows carry SIPRI's categories. SIPRI's legacy register has no
/// category column (every row is "Unspecified"), so a category filter there
/// selects nothing and would read as "imported nothing" (regression:
/// `imports Kazakhstan -c aircraft` on the 2025 legacy register, which lists
/// about 1,092 TIV of aircraft for 2020-24).
pub fn needs_categories(rel: &Release) -> Option<String> {
    needs_categories_in(rel, &rel.flows.view())
}

/// [`needs_categories`] for a release whose flows are `flows` (a mapped cache).
pub fn needs_categories_in(rel: &Release, flows: &FlowView<'_>) -> Option<String> {
    needs_register(rel, "a figure for one armament category").or_else(|| {
        let unspecified = model::Category::Unspecified as u8;
        // Flows of one window only (or none) may be all "Unspecified" in a
        // register that has categories: only a whole legacy register, or
        // rows that all lack one, say the release has none.
        let none = rel.meta.format == SourceFormat::LegacyRegister
            || (!flows.category.is_empty() && flows.category.iter().all(|&c| c == unspecified));
        none.then(|| {
            format!(
                "release {} holds no armament categories (every row is \"Unspecified\"; SIPRI's \
                 legacy register has no category column): a figure for one category needs a \
                 trade-register release that has them",
                rel.meta.id
            )
        })
    })
}

/// The suppliers a per-supplier table is about (named, not aggregates).
fn subjects(rel: &Release, flows: &FlowView<'_>) -> Vec<EntityId> {
    let mut v: Vec<EntityId> = flows
        .supplier
        .iter()
        .copied()
        .filter(|&s| !is_aggregate(rel, s) && !is_unknown(rel, s))
        .collect();
    v.sort_unstable();
    v.dedup();
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::ReleaseBuilder;

    #[test]
    fn tables_answer_their_own_side_only() {
        let mut b = ReleaseBuilder::new();
        let rus = b.state("RUS", "Russia");
        let pak = b.state("PAK", "Pakistan");
        let chn = b.state("CHN", "China");
        b.flow(rus, pak, 2020, 10.0);
        let unk = b.unknown_supplier();
        b.flow(unk, pak, 2020, 1.0);
        let mut rel = b.build();
        let why = one_sided(&rel, Direction::Exports, Some(unk)).expect("placeholder");
        assert!(why.contains("placeholder"), "{why}");
        for dir in [Direction::Imports, Direction::Exports] {
            for focus in [None, Some(pak), Some(rus)] {
                assert_eq!(one_sided(&rel, dir, focus), None);
            }
        }
        rel.meta.format = SourceFormat::SupplierTable;
        assert_eq!(one_sided(&rel, Direction::Exports, Some(rus)), None);
        for (dir, focus) in [
            (Direction::Imports, Some(pak)),
            (Direction::Exports, Some(chn)),
            (Direction::Exports, None),
            (Direction::Imports, None),
        ] {
            let why = one_sided(&rel, dir, focus).expect("refused");
            assert!(why.contains("from Russia alone"), "{why}");
        }
        rel.meta.format = SourceFormat::ImportTable;
        assert_eq!(one_sided(&rel, Direction::Imports, Some(pak)), None);
        assert_eq!(one_sided(&rel, Direction::Imports, None), None);
        assert!(one_sided(&rel, Direction::Exports, Some(rus)).is_some());
        rel.meta.format = SourceFormat::ExportTable;
        assert_eq!(one_sided(&rel, Direction::Exports, None), None);
        assert!(one_sided(&rel, Direction::Imports, Some(pak)).is_some());
        assert!(one_sided(&rel, Direction::Imports, None).is_some());
    }

    #[test]
    fn a_register_download_for_one_recipient_answers_its_imports_only() {
        let mut b = ReleaseBuilder::new();
        let usa = b.state("USA", "United States");
        let ukr = b.state("UKR", "Ukraine");
        let pol = b.state("POL", "Poland");
        b.flow(usa, ukr, 2020, 10.0);
        b.flow(pol, ukr, 2020, 5.0);
        let mut rel = b.build();
        rel.meta.title =
            "Transfers of major conventional arms from All countries  to Ukraine  . Deals with deliveries"
                .into();
        assert_eq!(one_sided(&rel, Direction::Imports, Some(ukr)), None);
        for (dir, focus) in [
            (Direction::Exports, Some(usa)),
            (Direction::Imports, Some(pol)),
            (Direction::Imports, None),
            (Direction::Exports, None),
        ] {
            let why = one_sided(&rel, dir, focus).expect("refused");
            assert!(why.contains("transfers to Ukraine only"), "{why}");
        }
        assert!(matches!(
            crate::pair_refusal(&rel, usa, ukr),
            Some(crate::PairRefusal::OutOfScope(_))
        ));
        // A whole register's title restricts nothing.
        rel.meta.title =
            "Transfers of major conventional arms from All countries to All countries".into();
        assert_eq!(one_sided(&rel, Direction::Exports, Some(usa)), None);
        assert_eq!(crate::pair_refusal(&rel, usa, ukr), None);
    }

    #[test]
    fn a_release_without_categories_refuses_a_category() {
        let mut b = ReleaseBuilder::new();
        let rus = b.state("RUS", "Russia");
        let kaz = b.state("KAZ", "Kazakhstan");
        b.flow(rus, kaz, 2020, 10.0);
        let mut rel = b.build();
        assert_eq!(needs_categories(&rel), None);
        rel.meta.format = SourceFormat::LegacyRegister;
        let why = needs_categories(&rel).expect("legacy register");
        assert!(why.contains("holds no armament categories"), "{why}");
        rel.meta.format = SourceFormat::Register;
        rel.flows
            .category
            .iter_mut()
            .for_each(|c| *c = model::Category::Unspecified as u8);
        assert!(needs_categories(&rel).is_some());
        rel.meta.format = SourceFormat::ImportTable;
        assert!(needs_categories(&rel).unwrap().contains("TIV table"));
    }
}

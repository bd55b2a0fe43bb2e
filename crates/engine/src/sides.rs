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
    if let Some(f) = focus
        && (is_unknown(rel, f) || is_aggregate(rel, f))
    {
        return Some(crate::PairRefusal::Placeholder(f).message(rel));
    }
    let id = &rel.meta.id;
    let side = match dir {
        Direction::Imports => "imports",
        Direction::Exports => "exports",
    };
    match rel.meta.format {
        SourceFormat::Register | SourceFormat::LegacyRegister => None,
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
}

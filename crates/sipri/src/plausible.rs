//! Values that parse but that no SIPRI export can hold: a file whose years
//! were shifted, whose values were scaled, or which credits a state that no
//! longer existed. Each is a caveat (the figures are the file's, and every
//! answer says so), found by hostile-files probe 6, where each imported
//! without a word.

use crate::flow_facts::FlowFacts;
use model::{Deal, EntityId, EntityTable, SourceFormat};

use crate::fetch::FIRST_YEAR as FIRST_SIPRI_YEAR;

/// More than SIPRI has recorded worldwide in any one year (its largest,
/// about 46,000 TIV in the early 1980s), with room to spare: a year above it
/// comes from scaled or mistyped values (probe: a TIV table ×20 throughout,
/// its totals kept consistent, gave India 275,060 TIV in 2019-23).
pub const MAX_YEAR_TIV: f64 = 100_000.0;

/// More than any one deal's total order in SIPRI's legacy register (its
/// largest is 10,117.5 TIV) by a wide margin (probe: 12,000 Su-30s ordered,
/// 660,000 TIV, made Kazakhstan's pipeline 99.9 % Russian).
pub const MAX_ORDER_TIV: f64 = 50_000.0;

/// Delivery years before [`FIRST_SIPRI_YEAR`] (probe: an import table's
/// year header shifted by one, 1949-2022 for 1950-2023, answered "2018-2022"
/// with the figures of 2019-2023).
pub(crate) fn before_sipri(span: Option<(u16, u16)>) -> Option<String> {
    let (first, _) = span?;
    (first < FIRST_SIPRI_YEAR).then(|| {
        format!(
            "the file has deliveries dated {first}, before {FIRST_SIPRI_YEAR}, when SIPRI's data \
             begins: its years may be shifted or edited (a table's year header moved by one \
             puts every figure in the wrong year); the figures are the file's"
        )
    })
}

/// Years whose deliveries add up to more than [`MAX_YEAR_TIV`].
pub(crate) fn outsized_years(facts: &FlowFacts) -> Option<String> {
    let over = facts.years_over(MAX_YEAR_TIV);
    let n = over.len();
    let (y, t) = over.iter().copied().max_by(|a, b| a.1.total_cmp(&b.1))?;
    Some(format!(
        "the file's deliveries add up to more than {MAX_YEAR_TIV:.0} TIV in {n} year{} (the \
         most: {t:.2} TIV in {y}), more than SIPRI has recorded worldwide in any year (under \
         50,000): the values may be scaled or mistyped; the figures are the file's",
        if n == 1 { "" } else { "s" }
    ))
}

/// Deals whose total order exceeds [`MAX_ORDER_TIV`] (they drive the
/// pipeline of orders not yet delivered).
pub(crate) fn outsized_orders(deals: &[Deal]) -> Option<String> {
    let big: Vec<&Deal> = deals
        .iter()
        .filter(|d| d.tiv_order.is_some_and(|t| t > MAX_ORDER_TIV))
        .collect();
    let first = big.first()?;
    let n = big.len();
    Some(format!(
        "{n} deal{} of the file state{} a total order over {MAX_ORDER_TIV:.0} TIV (line {}: \
         {:.2} TIV), five times SIPRI's largest: the order figures (the pipeline of \
         undelivered orders) may be scaled or mistyped; they are the file's",
        if n == 1 { "" } else { "s" },
        if n == 1 { "s" } else { "" },
        first.line,
        first.tiv_order.unwrap_or(0.0)
    ))
}

/// What the former-state caveat says of them (matched by the builder).
pub(crate) const NOT_EXISTING: &str = "when they did not exist";

/// Deliveries by or to a former state after its last year (the Soviet
/// Union after 1991, East Germany after 1990), or by or to one of its new
/// successors before that (Russia in 1985): SIPRI files each under the state
/// that existed, so the rows were edited (probe: "Soviet Union 46.00" in
/// Kazakhstan's 2020-24 imports; the Soviet Union's exports moved to
/// Russia's row for 1970-90), without a note.
pub(crate) fn former_states(facts: &FlowFacts, entities: &EntityTable) -> Option<String> {
    // (entity, after its end?, the state's last or first year, rows, most
    // distant year), in entity order: the same text from either reader.
    let mut found: Vec<(EntityId, bool, u16, u64, u16)> = Vec::new();
    for (&(id, year), &n) in &facts.outside {
        let Some(limit) = facts.limit_of(id) else {
            continue;
        };
        match found.iter_mut().find(|f| f.0 == id) {
            Some(f) => {
                f.3 += n;
                f.4 = if limit.ended {
                    f.4.max(year)
                } else {
                    f.4.min(year)
                };
            }
            None => found.push((id, limit.ended, limit.year, n, year)),
        }
    }
    if found.is_empty() {
        return None;
    }
    found.sort_unstable_by_key(|f| f.0);
    let list: Vec<String> = found
        .iter()
        .map(|(id, after, limit, n, year)| {
            let name = &entities.get(*id).name;
            let rows = format!("{n} delivery record{}", if *n == 1 { "" } else { "s" });
            if *after {
                format!("{name}: {rows} after it ended in {limit}, the latest dated {year}")
            } else {
                format!(
                    "{name}: {rows} dated before {limit}, the earliest {year}, years SIPRI \
                     files under the state it was part of"
                )
            }
        })
        .collect();
    Some(format!(
        "the file has deliveries by or to states {NOT_EXISTING} ({}); SIPRI files \
         each transfer under the state of its year (the Soviet Union up to 1991, its \
         successors after), so these rows were edited; they are kept as written",
        list.join("; ")
    ))
}

/// A TIV table whose last year is earlier than its generation date implies
/// (SIPRI adds a year in March of the next): a warning only, since SIPRI's
/// table tool lets a user choose the years, but also what a year header
/// shifted back by one looks like.
pub(crate) fn table_ends_early(
    format: SourceFormat,
    generated: Option<&str>,
    span: Option<(u16, u16)>,
) -> Option<String> {
    if !matches!(
        format,
        SourceFormat::ImportTable | SourceFormat::ExportTable
    ) {
        return None;
    }
    let d = generated?;
    let made: u16 = d.get(..4)?.parse().ok()?;
    let month: u8 = d.get(5..7)?.parse().ok()?;
    let published = if month >= 4 { made - 1 } else { made - 2 };
    let (_, last) = span?;
    (last < published).then(|| {
        format!(
            "the table's last year is {last}, but SIPRI's data generated on {d} runs to \
             {published}: if you chose these years in SIPRI's tool, ignore this; otherwise \
             check that the year header is as SIPRI wrote it (a header shifted by one moves \
             every figure to the wrong year)"
        )
    })
}

/// Every caveat of this module for a finished file (none for our own
/// synthetic data, which is labelled as such everywhere).
pub(crate) fn caveats(
    synthetic: bool,
    span: Option<(u16, u16)>,
    facts: &FlowFacts,
    deals: &[Deal],
    entities: &EntityTable,
) -> Vec<String> {
    if synthetic {
        return Vec::new();
    }
    [
        before_sipri(span),
        outsized_years(facts),
        outsized_orders(deals),
        former_states(facts, entities),
    ]
    .into_iter()
    .flatten()
    .collect()
}

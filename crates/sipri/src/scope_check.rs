//! A register download's rows against its title's scope. SIPRI's title line
//! says which suppliers and recipients a download was restricted to
//! ("… from All countries to Ukraine"), and armsflow trusts it: a scoped
//! release is never the default and its world figures are refused. An edited
//! or mislabelled file breaks that trust both ways (hostile-files probe: a
//! Poland row in a file "to Ukraine" counted in the release total but no
//! query reached it; a Ukraine-only file retitled "All countries to All
//! countries" answered "World total: 6895.87", Ukraine's imports alone).

use crate::flow_facts::FlowFacts;
use model::{EntityId, EntityTable, SourceFormat, title_parties};

/// Rows (flows) before a file whose every row has one party is taken for a
/// mislabelled download: SIPRI's whole register has hundreds of each.
const ONE_PARTY_MIN_ROWS: u64 = 50;

/// Caveats for a register whose rows disagree with its title's scope.
pub fn caveats(
    format: SourceFormat,
    title: &str,
    facts: &FlowFacts,
    entities: &EntityTable,
) -> Vec<String> {
    if !matches!(
        format,
        SourceFormat::Register | SourceFormat::LegacyRegister
    ) || facts.rows == 0
    {
        return Vec::new();
    }
    // No title (a spreadsheet user cut the preamble): the scope is unknown,
    // and a one-country download would pass for the world (hostile-files
    // probe 4: a Ukraine-only register ranked "world" exporters).
    let titled = title.contains(" arms from ");
    let (from, to) = title_parties(title);
    let mut out = Vec::new();
    for (side, scope, counts) in [
        ("supplier", from, &facts.by_party[0]),
        ("recipient", to, &facts.by_party[1]),
    ] {
        // In id order, as the messages list them.
        let rows: Vec<(EntityId, u64)> = counts
            .iter()
            .enumerate()
            .filter(|&(_, &n)| n > 0)
            .map(|(id, &n)| (id as EntityId, n))
            .collect();
        match scope {
            Some(names) => {
                let keys: Vec<String> = names.iter().map(|n| key_of(n)).collect();
                let outside: Vec<String> = rows
                    .iter()
                    .filter(|(id, _)| !keys.contains(&entities.get(*id).key))
                    .map(|(id, n)| format!("{} ({n})", entities.get(*id).name))
                    .collect();
                if !outside.is_empty() {
                    out.push(format!(
                        "rows with a {side} outside the title's scope ({}): {}; the file is \
                         edited or mislabelled, and its scoped figures leave those rows out",
                        names.join(", "),
                        shorten(&outside)
                    ));
                }
            }
            None if rows.len() == 1 && facts.rows >= ONE_PARTY_MIN_ROWS => {
                let name = &entities.get(rows[0].0).name;
                let (said, guess) = if titled {
                    (
                        "the title says all countries, but",
                        " with its title edited",
                    )
                } else {
                    (
                        "the file has no title line saying which countries it covers, and",
                        "",
                    )
                };
                out.push(format!(
                    "{said} every row has the same {side} ({name}): probably a download for \
                     that country{guess}, so world totals would be that country's alone"
                ));
            }
            None => {}
        }
    }
    out
}

/// The entity key a title's name resolves to (the name itself when unknown,
/// as an unresolved entity's key is made).
fn key_of(name: &str) -> String {
    crate::names::Resolver::builtin()
        .resolve(name)
        .map(|e| e.key)
        .unwrap_or_else(|| format!("unresolved:{name}"))
}

/// At most three names, then how many more.
fn shorten(names: &[String]) -> String {
    let mut s = names.iter().take(3).cloned().collect::<Vec<_>>().join(", ");
    if names.len() > 3 {
        s.push_str(&format!(" and {} more", names.len() - 3));
    }
    s
}

//! A user's country (or party) name to its entity in one release: the one
//! precedence the CLI and the server share, so `armsflow imports X` and
//! `/api/imports?country=X` always mean the same country.

use crate::names::{levenshtein, loose};
use model::{EntityId, Release};

/// Longest name looked up; longer input is not a country name.
pub const MAX_QUERY: usize = 200;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CountryError {
    #[error("empty country name")]
    Empty,
    #[error("country name over {MAX_QUERY} bytes")]
    TooLong,
    /// The resolver knows the name, but the release has no such party.
    #[error("{name} ({key}) has no arms transfers in release {release}{scope}")]
    NotInRelease {
        name: String,
        key: String,
        release: String,
        /// [`model::ReleaseMeta::scope_note`].
        scope: String,
    },
    /// A region's name: no party of SIPRI's, and the nearest names (the
    /// EU**, the African Union**) would answer another question (figure
    /// probe: `imports Europe` offered "European Union**").
    #[error(
        "'{query}' is a region, not a country or party: SIPRI's releases list transfers by \
         country, so a region's total is not among these answers; for a set of countries use \
         `groups` with your own group (e.g. --group 'Gulf=Saudi Arabia,UAE,Qatar')"
    )]
    Region { query: String },
    #[error("unknown country or party '{query}'")]
    Unknown {
        query: String,
        /// Close spellings, best first (at most five).
        suggestions: Vec<String>,
    },
}

/// What a user's name resolves to that many readers would not expect, as a
/// sentence for the answer's notes: SIPRI's "Congo" is Congo-Brazzaville,
/// where many mean DR Congo. The CLI printed it on standard error only, so
/// JSON and API answers for "Congo" never said it (parameter probe).
pub fn name_note(query: &str) -> Option<&'static str> {
    (crate::names::fold(query.trim()) == "congo").then_some(
        "'Congo' is SIPRI's Republic of the Congo (Brazzaville); for the Democratic Republic \
         of the Congo use 'DR Congo'",
    )
}

/// A note for a name read as one of SIPRI's organisations (`**`): their
/// rows are arms the organisation itself supplied or received (NATO**'s own
/// AWACS, the African Union**'s missions), never its member states'. A user
/// who typed "NATO" or "EU" as a supplier or partner likely meant the
/// members, and got a confident answer about the organisation (alignment
/// probe 12: `switching --away-from EU` ranked only Mali).
pub fn organisation_note(rel: &Release, id: EntityId, query: &str) -> Option<String> {
    let e = rel.entities.get(id);
    (e.kind == model::EntityKind::Organisation).then(|| {
        format!(
            "'{}' is read as {}, SIPRI's entry for arms that organisation itself supplied or \
             received, not its member states'; for the members' trade use an alignment group \
             (armsflow groups --group NAME; the API's /api/groups)",
            query.trim(),
            e.name
        )
    })
}

/// [`organisation_note`] for each of `names` that `resolve` reads as an
/// organisation, once each (a scenario's parties).
pub fn organisation_notes(
    rel: &Release,
    names: &[&str],
    resolve: &dyn Fn(&str) -> Option<EntityId>,
) -> Vec<String> {
    let mut notes: Vec<String> = Vec::new();
    for n in names {
        let note = resolve(n).and_then(|id| organisation_note(rel, id, n));
        if let Some(note) = note
            && !notes.contains(&note)
        {
            notes.push(note);
        }
    }
    notes
}

/// A note for a former state (the Soviet Union, Yugoslavia, East Germany):
/// its transfers end where it did, and its successors' are listed under
/// them from then on (CLI probe 17: "Arms exports of Soviet Union" read as
/// a country like any other).
pub fn former_state_note(rel: &Release, id: EntityId) -> Option<String> {
    let e = rel.entities.get(id);
    if e.kind != model::EntityKind::FormerState {
        return None;
    }
    let (last, after) = model::succession(&e.key).map_or((None, &[][..]), |(l, a)| (Some(l), a));
    let names: Vec<&str> = after
        .iter()
        .map(|k| {
            crate::names::Resolver::builtin()
                .by_key(k)
                .map_or(*k, |x| x.name.as_str())
        })
        .collect();
    let until = last.map_or(String::new(), |y| format!(" up to {y}"));
    let then = if names.is_empty() {
        String::new()
    } else {
        format!(
            "; from then on its successors' ({}) are listed under them",
            names.join(", ")
        )
    };
    Some(format!(
        "{} is a former state: SIPRI lists its own transfers{until}{then}",
        e.name
    ))
}

/// A note for a state that did not exist in all of the release's years,
/// where SIPRI lists a predecessor's transfers in the release apart from it
/// ([`model::SUCCESSIONS`]): asked for those years, the state has none of its
/// own, and a plain 0 reads as a fact about it. `flows` are the release's
/// (a view: the CLI's fast paths load no `Flows`).
pub fn predecessor_note(
    rel: &Release,
    flows: &model::FlowView<'_>,
    id: EntityId,
) -> Option<String> {
    let e = rel.entities.get(id);
    let notes: Vec<String> = model::predecessors(&e.key)
        .filter_map(|(key, last)| {
            let p = rel.entities.by_key(key)?;
            let active = flows.supplier.contains(&p) || flows.recipient.contains(&p);
            active.then(|| {
                format!(
                    "SIPRI lists transfers up to {last} under '{}', not under {}: for years up \
                     to {last} ask for '{}'",
                    rel.entities.get(p).name,
                    e.name,
                    rel.entities.get(p).name
                )
            })
        })
        .collect();
    (!notes.is_empty()).then(|| notes.join("; "))
}

/// Names of the release's file that matched no table entry but share a word
/// stem with `name` ("Syrian Arab Rep." for Syria), as a clause for the
/// "no arms transfers" answer: the country may be in the file under that
/// spelling (hostile-files recheck: the answer listed three unrelated names).
fn unmatched_like(rel: &Release, name: &str) -> String {
    let stems: Vec<String> = loose(name)
        .split(' ')
        .filter(|w| w.chars().count() >= 4)
        .map(|w| w.chars().take(5).collect())
        .collect();
    let like: Vec<String> = rel
        .entities
        .iter()
        .filter(|(_, e)| e.kind == model::EntityKind::Unresolved)
        .filter(|(_, e)| {
            loose(&e.name)
                .split(' ')
                .any(|w| stems.iter().any(|s| w.starts_with(s.as_str())))
        })
        .map(|(_, e)| format!("'{}'", e.name))
        .take(5)
        .collect();
    if like.is_empty() {
        String::new()
    } else {
        format!(
            "; the file has {} (matching no name armsflow knows), which may be {name} written \
             otherwise",
            like.join(", ")
        )
    }
}

/// Resolves `query` in `rel`, in this order: the release's own key (`KAZ`,
/// any case); any spelling the built-in resolver knows (names, aliases, ISO
/// and SIPRI codes, across languages); a release entity's name (so names the
/// resolver does not know stay reachable). Misses carry suggestions.
pub fn resolve_country(rel: &Release, query: &str) -> Result<EntityId, CountryError> {
    let q = query.trim();
    if q.is_empty() {
        return Err(CountryError::Empty);
    }
    if q.len() > MAX_QUERY {
        return Err(CountryError::TooLong);
    }
    if let Some(id) = rel
        .entities
        .by_key(q)
        .or_else(|| rel.entities.by_key(&q.to_ascii_uppercase()))
    {
        return Ok(id);
    }
    let lq = loose(q);
    // One pass over the built-in table; the full resolver is built only on a miss.
    let suggestions = match crate::names::lookup_builtin(q) {
        Ok(e) => {
            return rel
                .entities
                .by_key(&e.key)
                .ok_or_else(|| CountryError::NotInRelease {
                    scope: format!("{}{}", rel.meta.scope_note(), unmatched_like(rel, &e.name)),
                    name: e.name,
                    key: e.key,
                    release: rel.meta.id.clone(),
                });
        }
        Err(s) => s,
    };
    if let Some((id, _)) = rel.entities.iter().find(|(_, e)| loose(&e.name) == lq) {
        return Ok(id);
    }
    if REGIONS.contains(&lq.as_str()) {
        return Err(CountryError::Region {
            query: q.to_string(),
        });
    }
    let suggestions = if suggestions.is_empty() {
        near_names(rel, &lq)
    } else {
        suggestions
    };
    Err(CountryError::Unknown {
        query: q.to_string(),
        suggestions,
    })
}

/// Regions and continents as users write them (`loose`-folded, English and
/// German), none of them a SIPRI party.
const REGIONS: &[&str] = &[
    "europe",
    "europa",
    "western europe",
    "eastern europe",
    "central europe",
    "westeuropa",
    "osteuropa",
    "mitteleuropa",
    "asia",
    "asien",
    "east asia",
    "south asia",
    "south east asia",
    "southeast asia",
    "central asia",
    "ostasien",
    "sudasien",
    "sudostasien",
    "zentralasien",
    "asia and oceania",
    "oceania",
    "ozeanien",
    "africa",
    "afrika",
    "north africa",
    "sub saharan africa",
    "west africa",
    "east africa",
    "nordafrika",
    "subsahara afrika",
    "afrika sudlich der sahara",
    "westafrika",
    "ostafrika",
    "americas",
    "the americas",
    "amerika",
    "north america",
    "south america",
    "latin america",
    "central america",
    "nordamerika",
    "sudamerika",
    "lateinamerika",
    "mittelamerika",
    "middle east",
    "the middle east",
    "near east",
    "naher osten",
    "nahost",
    "mittlerer osten",
    "gulf",
    "the gulf",
    "golfregion",
    "caucasus",
    "kaukasus",
    "balkans",
    "the balkans",
    "balkan",
    "baltics",
    "the baltics",
    "baltikum",
    "scandinavia",
    "skandinavien",
    "world",
    "welt",
];

/// Names in the release close to `lq` (already `loose`-folded).
fn near_names(rel: &Release, lq: &str) -> Vec<String> {
    if lq.is_empty() {
        return Vec::new();
    }
    let limit = (lq.chars().count() / 3).max(2);
    let mut v: Vec<(usize, &str)> = rel
        .entities
        .iter()
        .filter_map(|(_, e)| {
            let n = loose(&e.name);
            let d = if n.contains(lq) {
                0
            } else {
                levenshtein(lq, &n)
            };
            (d <= limit).then_some((d, e.name.as_str()))
        })
        .collect();
    v.sort();
    v.into_iter().take(5).map(|(_, n)| n.to_string()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn demo() -> Release {
        let mut buf = Vec::new();
        crate::synth::write_register(&mut buf, 1, 42).unwrap();
        crate::read(&buf, &crate::ReadOptions::default()).unwrap().0
    }

    /// Figure probe: `imports Europe` answered "did you mean European
    /// Union**?", an organisation, not the region.
    #[test]
    fn a_region_is_named_as_one_not_matched_to_an_organisation() {
        let r = demo();
        for q in [
            "Europe",
            "europe",
            "Middle East",
            "sub-Saharan Africa",
            "Südamerika",
            "Nahost",
        ] {
            assert_eq!(
                resolve_country(&r, q),
                Err(CountryError::Region {
                    query: q.to_string()
                }),
                "{q}"
            );
        }
    }

    /// CLI probe 17: a former state read as a country like any other.
    #[test]
    fn a_former_state_is_named_as_one() {
        let mut r = demo();
        let su = r.entities.intern(model::Entity {
            key: "SUHH".into(),
            name: "Soviet Union".into(),
            kind: model::EntityKind::FormerState,
            iso3: None,
        });
        let note = former_state_note(&r, su).unwrap();
        assert!(
            note.starts_with(
                "Soviet Union is a former state: SIPRI lists its own transfers up to 1991"
            ) && note.contains("Russia, Ukraine"),
            "{note}"
        );
        let kaz = r.entities.by_key("KAZ").unwrap();
        assert_eq!(former_state_note(&r, kaz), None);
    }

    #[test]
    fn one_precedence_for_every_spelling() {
        let r = demo();
        let kaz = r.entities.by_key("KAZ").unwrap();
        for q in ["KAZ", "kaz", "Kazakhstan", " kazakhstan ", "Kasachstan"] {
            assert_eq!(resolve_country(&r, q), Ok(kaz), "{q}");
        }
        assert_eq!(resolve_country(&r, ""), Err(CountryError::Empty));
        assert_eq!(
            resolve_country(&r, &"x".repeat(300)),
            Err(CountryError::TooLong)
        );
        match resolve_country(&r, "Kazakhztan") {
            Err(CountryError::Unknown { suggestions, .. }) => {
                assert!(
                    suggestions.iter().any(|s| s == "Kazakhstan"),
                    "{suggestions:?}"
                )
            }
            other => panic!("{other:?}"),
        }
    }
}

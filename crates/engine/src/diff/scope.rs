//! Which flows and deals a diff looks at: the years both releases cover, an
//! optional country, and the parties a release was restricted to when it was
//! downloaded (SIPRI's title line says "from All countries to Ukraine"), so that
//! a filtered download is not compared with a whole register as if everything
//! outside its filter had been removed.

use super::party;
use model::{EntityKind, Release, SourceFormat};
use std::collections::BTreeSet;

pub(crate) struct Scope {
    pub(crate) y0: u16,
    pub(crate) y1: u16,
    /// Entity key: keep flows where it is either party.
    pub(crate) country: Option<String>,
    /// Entity keys a release was restricted to, on each side.
    pub(crate) suppliers: Option<BTreeSet<String>>,
    pub(crate) recipients: Option<BTreeSet<String>>,
}

impl Scope {
    pub(crate) fn year(&self, y: u16) -> bool {
        (self.y0..=self.y1).contains(&y)
    }

    /// Whether a flow or deal between these parties is in scope; `None` for a
    /// side the comparison level drops (a TIV table's unreported side).
    pub(crate) fn keep(&self, supplier: Option<&str>, recipient: Option<&str>) -> bool {
        let country_ok = self
            .country
            .as_deref()
            .is_none_or(|c| supplier == Some(c) || recipient == Some(c));
        let within = |set: &Option<BTreeSet<String>>, k: Option<&str>| match (set, k) {
            (Some(set), Some(k)) => set.contains(k),
            _ => true,
        };
        country_ok && within(&self.suppliers, supplier) && within(&self.recipients, recipient)
    }
}

/// Keys of the entities (in either release) whose display name is one of `names`.
fn keys_named(names: &[String], releases: [&Release; 2]) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for r in releases {
        for (_, e) in r.entities.iter() {
            if names.iter().any(|n| n.eq_ignore_ascii_case(&e.name)) {
                out.insert(e.key.clone());
            }
        }
    }
    out
}

fn intersect(a: Option<BTreeSet<String>>, b: BTreeSet<String>) -> BTreeSet<String> {
    match a {
        Some(a) => a.intersection(&b).cloned().collect(),
        None => b,
    }
}

/// Restrictions implied by how the releases were made, with a note for each.
pub(crate) fn restrictions(
    a: &Release,
    b: &Release,
    notes: &mut Vec<String>,
) -> (Option<BTreeSet<String>>, Option<BTreeSet<String>>) {
    let (mut sup, mut rec) = (None, None);
    for (r, label) in [(a, "A"), (b, "B")] {
        let (s, t) = r.meta.download_scope();
        if let Some(s) = s {
            notes.push(format!(
                "release {label} covers only transfers from {} (per its title): compared on that scope",
                s.join(", ")
            ));
            sup = Some(intersect(sup, keys_named(&s, [a, b])));
        }
        if let Some(t) = t {
            notes.push(format!(
                "release {label} covers only transfers to {} (per its title): compared on that scope",
                t.join(", ")
            ));
            rec = Some(intersect(rec, keys_named(&t, [a, b])));
        }
        if r.meta.format == SourceFormat::SupplierTable {
            // One supplier's recipients only: other suppliers would look "new".
            let keys: BTreeSet<String> = r
                .flows
                .supplier
                .iter()
                .filter(|&&s| {
                    r.entities
                        .try_get(s)
                        .is_some_and(|e| e.kind != EntityKind::Aggregate)
                })
                .map(|&s| party(r, s).key)
                .collect();
            let names: Vec<String> = keys.iter().cloned().collect();
            notes.push(format!(
                "release {label} is a per-supplier table: compared for {} only",
                names.join(", ")
            ));
            sup = Some(intersect(sup, keys));
        }
    }
    (sup, rec)
}

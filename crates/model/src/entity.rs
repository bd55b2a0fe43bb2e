//! Who supplies and who receives: states, former states, non-state groups,
//! organisations and SIPRI's "unknown" placeholders.

use serde::{Deserialize, Serialize};

/// Index of an entity in its release's [`EntityTable`]. Compact so that flow
/// columns stay small and cache-friendly.
pub type EntityId = u32;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    /// A current state with an ISO 3166-1 alpha-3 code.
    State,
    /// A state that no longer exists (Soviet Union, Yugoslavia, East Germany …).
    FormerState,
    /// A non-state armed group; SIPRI marks these with a trailing `*`.
    NonState,
    /// An international organisation; SIPRI marks these with a trailing `**`.
    Organisation,
    /// SIPRI's own placeholders: `unknown supplier(s)`, `unknown recipient(s)`.
    Unknown,
    /// Not a real party: the "all suppliers"/"all recipients" side of a TIV table,
    /// which reports only one side of each flow.
    Aggregate,
    /// A name our table does not know. Kept, reported, never dropped.
    Unresolved,
}

impl EntityKind {
    /// A state, current or former: what SIPRI counts as a supplier or
    /// recipient country (not `*` groups or `**` organisations).
    pub fn is_state(self) -> bool {
        matches!(self, EntityKind::State | EntityKind::FormerState)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::State => "state",
            EntityKind::FormerState => "former_state",
            EntityKind::NonState => "non_state",
            EntityKind::Organisation => "organisation",
            EntityKind::Unknown => "unknown",
            EntityKind::Aggregate => "aggregate",
            EntityKind::Unresolved => "unresolved",
        }
    }

    pub fn parse(s: &str) -> Option<EntityKind> {
        Some(match s {
            "state" => EntityKind::State,
            "former_state" => EntityKind::FormerState,
            "non_state" => EntityKind::NonState,
            "organisation" => EntityKind::Organisation,
            "unknown" => EntityKind::Unknown,
            "aggregate" => EntityKind::Aggregate,
            "unresolved" => EntityKind::Unresolved,
            _ => return None,
        })
    }
}

/// One resolved party.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// Stable key across releases: the ISO alpha-3 code for states (`KAZ`), the
    /// ISO 3166-3 code for former states (`SUHH`), a slug otherwise
    /// (`ns:houthi-rebels-yemen`, `org:nato`, `unknown:supplier`).
    pub key: String,
    /// Display name (SIPRI's current spelling).
    pub name: String,
    pub kind: EntityKind,
    /// ISO 3166-1 alpha-3 for states; `None` otherwise.
    pub iso3: Option<String>,
}

/// The entities one release refers to, indexed by [`EntityId`].
///
/// The key index is a list of ids sorted by key, built on first use: a
/// one-question process looks up one or two keys, and sorting 330 ids costs a
/// fifth of what hashing 330 cloned keys did.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct EntityTable {
    entities: Vec<Entity>,
    #[serde(skip)]
    by_key: std::sync::OnceLock<Vec<EntityId>>,
}

impl PartialEq for EntityTable {
    fn eq(&self, other: &Self) -> bool {
        self.entities == other.entities
    }
}

/// How many of some parties are states, SIPRI's count ("the US supplied
/// 107 states"), and how many are not.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct KindCounts {
    pub states: usize,
    pub non_state: usize,
    pub organisations: usize,
    /// Unknown pools, aggregates and unresolved names.
    pub other: usize,
}

impl EntityTable {
    pub fn new() -> Self {
        Self::default()
    }

    /// The kinds of the entities `ids`.
    pub fn count_kinds(&self, ids: impl IntoIterator<Item = EntityId>) -> KindCounts {
        let mut c = KindCounts::default();
        for id in ids {
            match self.get(id).kind {
                k if k.is_state() => c.states += 1,
                EntityKind::NonState => c.non_state += 1,
                EntityKind::Organisation => c.organisations += 1,
                _ => c.other += 1,
            }
        }
        c
    }

    /// The table of `entities`, a repeated key keeping its first entity.
    pub fn from_vec(entities: Vec<Entity>) -> Self {
        let mut t = EntityTable::new();
        for e in entities {
            t.intern(e);
        }
        t
    }

    /// The table of `entities` as they are (ids = positions), or the first
    /// key that occurs twice.
    pub fn from_unique(entities: Vec<Entity>) -> Result<Self, String> {
        let t = EntityTable {
            entities,
            by_key: Default::default(),
        };
        let idx = t.index();
        if let Some(w) = idx
            .windows(2)
            .find(|w| t.entities[w[0] as usize].key == t.entities[w[1] as usize].key)
        {
            return Err(t.entities[w[0] as usize].key.clone());
        }
        Ok(t)
    }

    /// Ids sorted by key (ties by id, so a lookup finds the first).
    fn index(&self) -> &Vec<EntityId> {
        self.by_key.get_or_init(|| {
            let mut idx: Vec<EntityId> = (0..self.entities.len() as EntityId).collect();
            idx.sort_by(|&a, &b| {
                self.entities[a as usize]
                    .key
                    .cmp(&self.entities[b as usize].key)
                    .then(a.cmp(&b))
            });
            idx
        })
    }

    /// Where `key` is (`Ok`) or would go (`Err`) in the index.
    fn find(&self, key: &str) -> Result<usize, usize> {
        let idx = self.index();
        let at = idx.partition_point(|&i| self.entities[i as usize].key.as_str() < key);
        match idx.get(at) {
            Some(&i) if self.entities[i as usize].key == key => Ok(at),
            _ => Err(at),
        }
    }

    /// Returns the id of the entity with this key, adding it if new.
    pub fn intern(&mut self, e: Entity) -> EntityId {
        let at = match self.find(&e.key) {
            Ok(at) => return self.index()[at],
            Err(at) => at,
        };
        let id = self.entities.len() as EntityId;
        self.entities.push(e);
        if let Some(idx) = self.by_key.get_mut() {
            idx.insert(at, id);
        }
        id
    }

    pub fn get(&self, id: EntityId) -> &Entity {
        &self.entities[id as usize]
    }

    pub fn try_get(&self, id: EntityId) -> Option<&Entity> {
        self.entities.get(id as usize)
    }

    pub fn by_key(&self, key: &str) -> Option<EntityId> {
        self.find(key).ok().map(|at| self.index()[at])
    }

    /// Drops the key index (rebuilt on next use); kept for callers that
    /// deserialise tables.
    pub fn reindex(&mut self) {
        self.by_key = Default::default();
    }

    pub fn len(&self) -> usize {
        self.entities.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entities.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = (EntityId, &Entity)> {
        self.entities
            .iter()
            .enumerate()
            .map(|(i, e)| (i as EntityId, e))
    }

    pub fn as_slice(&self) -> &[Entity] {
        &self.entities
    }
}

/// States SIPRI lists apart from those that followed them: (predecessor key,
/// its last year in SIPRI's data, the successor keys). SIPRI files the
/// Soviet Union's transfers up to 1991 under "Soviet Union", never under
/// Russia, so a successor asked about those years has none of its own (the
/// parameter probe: "Russia supplied 0.0 % of India's imports" in 1985-89, where the
/// Soviet Union supplied about 75 %). Last years as the Mar-2025 legacy
/// register has them (Soviet Union 1991, Czechoslovakia 1992, East Germany
/// 1990, Yugoslavia 1991, the two Yemens 1989).
pub const SUCCESSIONS: &[(&str, u16, &[&str])] = &[
    (
        "SUHH",
        1991,
        &[
            "RUS", "UKR", "BLR", "KAZ", "UZB", "TKM", "KGZ", "TJK", "ARM", "AZE", "GEO", "MDA",
            "LTU", "LVA", "EST",
        ],
    ),
    ("CSHH", 1992, &["CZE", "SVK"]),
    ("DDDE", 1990, &["DEU"]),
    ("YUCS", 1991, &["SRB", "HRV", "SVN", "BIH", "MKD", "MNE"]),
    ("YEYE", 1989, &["YEM"]),
    ("YDYE", 1989, &["YEM"]),
];

/// The last year and successors of the former state with key `key`.
pub fn succession(key: &str) -> Option<(u16, &'static [&'static str])> {
    SUCCESSIONS
        .iter()
        .find(|(before, _, _)| *before == key)
        .map(|(_, last, after)| (*last, *after))
}

/// The predecessors of the state with key `key`, with their last years.
pub fn predecessors(key: &str) -> impl Iterator<Item = (&'static str, u16)> + '_ {
    SUCCESSIONS
        .iter()
        .filter(move |(_, _, after)| after.contains(&key))
        .map(|(before, last, _)| (*before, *last))
}
#[cfg(test)]
mod tests {
    use super::*;

    fn e(key: &str) -> Entity {
        Entity {
            key: key.into(),
            name: key.into(),
            kind: EntityKind::State,
            iso3: Some(key.into()),
        }
    }

    #[test]
    fn intern_dedupes() {
        let mut t = EntityTable::new();
        let a = t.intern(e("KAZ"));
        let b = t.intern(e("RUS"));
        assert_eq!(t.intern(e("KAZ")), a);
        assert_ne!(a, b);
        assert_eq!(t.by_key("RUS"), Some(b));
        assert_eq!(t.len(), 2);
    }

    #[test]
    fn kinds_count_former_states_as_states() {
        let mut t = EntityTable::new();
        let kind = |key: &str, kind| Entity { kind, ..e(key) };
        let ids = [
            t.intern(e("USA")),
            t.intern(kind("SUHH", EntityKind::FormerState)),
            t.intern(kind("org:nato", EntityKind::Organisation)),
            t.intern(kind("ns:houthi", EntityKind::NonState)),
            t.intern(kind("unknown:recipient", EntityKind::Unknown)),
        ];
        let c = t.count_kinds(ids);
        assert_eq!(
            (c.states, c.organisations, c.non_state, c.other),
            (2, 1, 1, 1)
        );
    }
}

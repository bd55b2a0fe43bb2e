//! What the file-wide checks ([`crate::plausible`], [`crate::scope_check`])
//! need to know of a file's flows, gathered apart from the flows: the
//! streamed reader never holds them, and its release went without those
//! caveats (a register over 32 MB, or read with `--stream`, credited the
//! Soviet Union with 2020 deliveries without a word). Both readers now ask
//! the same questions of the same facts.

use crate::builder::FastMap;
use model::{EntityId, EntityTable, Flows};

/// Years a flow may name (the readers refuse others): 1900-2100.
const FIRST_YEAR: u16 = 1900;
const YEARS: usize = 201;

/// Counts and sums over a file's flows (rows rejected later taken back).
pub(crate) struct FlowFacts {
    /// Flows counted.
    pub rows: u64,
    /// TIV delivered per year, from [`FIRST_YEAR`].
    year_tiv: Vec<f64>,
    /// Flows per entity id as supplier (`[0]`) and as recipient (`[1]`).
    pub by_party: [Vec<u64>; 2],
    /// Per entity id, once known: the years it existed in (see [`limit`]).
    limits: Vec<Option<Limit>>,
    /// Flows by or to an entity in a year it did not exist, by (entity,
    /// year): a flow between two such entities counts for each.
    pub outside: FastMap<(EntityId, u16), u64>,
}

/// A state that existed only up to a year (`ended`: the Soviet Union up to
/// 1991), or only from one (a new successor of a dissolved state).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) struct Limit {
    pub ended: bool,
    pub year: u16,
}

impl Limit {
    /// Whether a delivery in `year` falls outside the state's existence:
    /// strictly before a new state's year, since states that declared
    /// independence during the last year (Croatia, Slovenia and the Baltic
    /// states in 1991) have SIPRI records in it.
    fn excludes(self, year: u16) -> bool {
        if self.ended {
            year > self.year
        } else {
            year < self.year
        }
    }
}

/// Dissolutions after which every successor was a new state: a delivery by
/// or to one of them before the dissolution's year cannot be SIPRI's.
/// (Germany and Yemen continue states SIPRI lists before their unions under
/// the same successor key.)
const NEW_SUCCESSORS: &[&str] = &["SUHH", "CSHH", "YUCS"];

/// The year a former state ended, where it is later than the last year
/// SIPRI lists it in (`model::SUCCESSIONS`): North and South Yemen united in
/// May 1990, so a 1990 delivery to either is possible (hostile-files probe 7:
/// one was called edited).
fn ended(key: &str, last: u16) -> u16 {
    match key {
        "YEYE" | "YDYE" => last.max(1990),
        _ => last,
    }
}

/// The years the entity with key `key` existed in, where SIPRI's
/// successions bound them.
pub(crate) fn limit(key: &str) -> Option<Limit> {
    if let Some((last, _)) = model::succession(key) {
        return Some(Limit {
            ended: true,
            year: ended(key, last),
        });
    }
    model::predecessors(key)
        .filter(|(before, _)| NEW_SUCCESSORS.contains(before))
        .map(|(_, last)| last)
        .max()
        .map(|year| Limit { ended: false, year })
}

impl FlowFacts {
    /// No flows counted yet.
    pub(crate) fn new() -> FlowFacts {
        FlowFacts {
            rows: 0,
            year_tiv: vec![0.0; YEARS],
            by_party: [Vec::new(), Vec::new()],
            limits: Vec::new(),
            outside: FastMap::default(),
        }
    }

    /// The facts of flows held in memory.
    pub(crate) fn of(flows: &Flows, entities: &EntityTable) -> FlowFacts {
        let mut f = FlowFacts::new();
        for i in 0..flows.len() {
            let flow = (flows.supplier[i], flows.recipient[i], flows.year[i]);
            f.count(entities, flow, flows.tiv[i], true);
        }
        f
    }

    /// Counts one flow (supplier, recipient, year) of `tiv`; its parties
    /// must be in `entities`. `add: false` takes back a flow counted before
    /// (the streamed reader rejects contradicting rows in a later pass).
    pub(crate) fn count(
        &mut self,
        entities: &EntityTable,
        (sup, rec, year): (EntityId, EntityId, u16),
        tiv: f64,
        add: bool,
    ) {
        let step = |n: &mut u64| *n = if add { *n + 1 } else { n.saturating_sub(1) };
        step(&mut self.rows);
        if let Some(t) = year
            .checked_sub(FIRST_YEAR)
            .and_then(|y| self.year_tiv.get_mut(usize::from(y)))
        {
            *t += if add { tiv } else { -tiv };
        }
        for (side, id) in [sup, rec].into_iter().enumerate() {
            let i = id as usize;
            let counts = &mut self.by_party[side];
            if counts.len() <= i {
                counts.resize(i + 1, 0);
            }
            step(&mut counts[i]);
            while self.limits.len() <= i {
                let next = self.limits.len() as EntityId;
                let l = (u64::from(next) < entities.len() as u64)
                    .then(|| limit(&entities.get(next).key))
                    .flatten();
                self.limits.push(l);
            }
            if self.limits[i].is_some_and(|l| l.excludes(year)) {
                let n = self.outside.entry((id, year)).or_insert(0);
                step(n);
                if *n == 0 {
                    self.outside.remove(&(id, year));
                }
            }
        }
    }

    /// The years whose deliveries add up to more than `max`, with their TIV.
    pub(crate) fn years_over(&self, max: f64) -> Vec<(u16, f64)> {
        self.year_tiv
            .iter()
            .enumerate()
            .filter(|&(_, &t)| t > max)
            .map(|(y, &t)| (FIRST_YEAR + y as u16, t))
            .collect()
    }

    /// The limit of entity `id`, as counted.
    pub(crate) fn limit_of(&self, id: EntityId) -> Option<Limit> {
        self.limits.get(id as usize).copied().flatten()
    }
}

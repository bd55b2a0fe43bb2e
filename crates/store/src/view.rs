//! The flows of a release for aggregation, without copying them: the columns
//! of its `flows.cols` cache mapped from the page cache when it is usable
//! (a one-question process then allocates and zeroes nothing per row, which on
//! this class of machine is most of a query's cost above the process start),
//! else the vectors of a Parquet load. Either way every value a query reads
//! passes the checks a load makes.

use crate::StoreError;
use crate::cache::{self, Mapped, Opened};
use crate::read::{check_flows, check_values_view, load_entities, load_world_totals_in};
use model::{FlowView, Flows, Release, ReleaseMeta};
use std::path::Path;

/// Flow columns of one release: see [`FlowColumns::view`].
pub struct FlowColumns(Inner);

enum Inner {
    Mapped(Mapped),
    Owned(Flows),
}

impl FlowColumns {
    /// The aggregation columns (all but units and deal).
    pub fn view(&self) -> FlowView<'_> {
        match &self.0 {
            Inner::Mapped(m) => FlowView {
                supplier: m.col(cache::SUPPLIER),
                recipient: m.col(cache::RECIPIENT),
                year: m.col(cache::YEAR),
                category: m.col(cache::CATEGORY),
                tiv: m.col(cache::TIV),
                flags: m.col(cache::FLAGS),
            },
            Inner::Owned(f) => f.view(),
        }
    }

    pub fn len(&self) -> usize {
        self.view().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether the columns are the mapped cache (for tests and benchmarks:
    /// a cache that stopped being used costs a query a Parquet decode).
    pub fn is_mapped(&self) -> bool {
        matches!(self.0, Inner::Mapped(_))
    }
}

/// The mapped cache of `dir` when it is usable and its view columns pass
/// their checksums and value checks; `None` to read Parquet instead. Checks
/// that fail on a cache whose checksums pass are reported (the cache then
/// says what the Parquet file says).
pub(crate) fn mapped(dir: &Path, n_entities: u64) -> Result<Option<FlowColumns>, StoreError> {
    let Opened::Mapped(m) = Mapped::open(dir) else {
        return Ok(None);
    };
    let used = [
        cache::SUPPLIER,
        cache::RECIPIENT,
        cache::YEAR,
        cache::CATEGORY,
        cache::TIV,
        cache::FLAGS,
    ];
    if !used.iter().all(|&i| m.verify(i)) {
        return Ok(None);
    }
    let cols = FlowColumns(Inner::Mapped(m));
    check_values_view(&dir.join(cache::FILE), &cols.view(), n_entities)?;
    Ok(Some(cols))
}

/// Release directory `dir` without its deals, its flows as [`FlowColumns`]
/// (the release's own `flows` stay empty).
pub(crate) fn load_view(
    dir: &Path,
    meta: ReleaseMeta,
) -> Result<(Release, FlowColumns), StoreError> {
    let entities = load_entities(&dir.join("entities.parquet"))?;
    let n_entities = entities.len() as u64;
    let cols = match mapped(dir, n_entities)? {
        Some(c) => c,
        None => {
            let f = crate::read::cached_or(dir, crate::read::load_flows_parallel)?;
            check_flows(&dir.join("flows.parquet"), &f, n_entities, usize::MAX)?;
            FlowColumns(Inner::Owned(f))
        }
    };
    let world_totals = load_world_totals_in(dir)?;
    let release = Release {
        meta,
        entities,
        deals: Vec::new(),
        flows: Flows::default(),
        world_totals,
    };
    Ok((release, cols))
}

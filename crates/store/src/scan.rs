//! Aggregating a window of a release's flows while decoding them: only the
//! columns a one-window sum reads (supplier, recipient, year, category, TIV,
//! flags),
//! only the row groups whose year statistics meet the window, on two threads,
//! each folding its batches into its own partial result as they are decoded.
//! Nothing of the window is materialised, so a 25 M-row release is summed in
//! the memory of a few batches.

use crate::StoreError;
use crate::read::{
    Cols, check_values_view, corrupt, load_entities, reader_in, row_groups_for_years,
};
use arrow_array::types::{Float64Type, Int16Type, UInt8Type, UInt32Type};
use model::{Category, FlowView, Release, ReleaseMeta};
use std::path::Path;

const SCAN_COLUMNS: [&str; 6] = [
    "supplier_id",
    "recipient_id",
    "year",
    "category_code",
    "tiv",
    "flags",
];

/// Folds the flows of release directory `dir` that may lie in `first..=last`
/// (whole row groups: `fold` must apply the window itself) into partial
/// results made by `init` (given the number of entities), returned in file order (merge them in that order
/// for a result that does not depend on scheduling). The release comes back
/// without flows or deals: entities, meta and world totals only.
pub(crate) fn fold_years<A: Send>(
    dir: &Path,
    meta: ReleaseMeta,
    (first, last): (u16, u16),
    init: &(dyn Fn(usize) -> A + Sync),
    fold: &(dyn Fn(&mut A, &FlowView<'_>) + Sync),
) -> Result<(Release, Vec<A>), StoreError> {
    let entities = load_entities(&dir.join("entities.parquet"))?;
    let entities_len = entities.len();
    let n_entities = entities_len as u64;
    let path = dir.join("flows.parquet");
    let parts = match crate::view::mapped(dir, n_entities)? {
        // A SIPRI-sized release: its mapped columns, one part.
        Some(cols) => {
            let mut a = init(entities_len);
            fold(&mut a, &cols.view());
            vec![a]
        }
        None => {
            crate::digests::expect(&path, None)?;
            let groups = row_groups_for_years(&path, first, last)?;
            let half = groups.len().div_ceil(2);
            let part = |g: &[usize]| -> Result<A, StoreError> {
                let mut a = init(entities_len);
                if !g.is_empty() {
                    scan_groups(&path, g.to_vec(), n_entities, &mut a, fold)?;
                }
                Ok(a)
            };
            let (a, b) = std::thread::scope(|s| {
                let b = s.spawn(|| part(&groups[half..]));
                let a = part(&groups[..half]);
                let b = b
                    .join()
                    .unwrap_or_else(|_| Err(corrupt(&path, "reader thread panicked")));
                (a, b)
            });
            vec![a?, b?]
        }
    };
    let world_totals = crate::read::load_world_totals_in(dir)?;
    let release = Release {
        meta,
        entities,
        deals: Vec::new(),
        flows: Default::default(),
        world_totals,
    };
    Ok((release, parts))
}

/// Decodes row groups `groups` of `path` batch by batch, checks each value as
/// a load would, and folds the batch into `acc`.
fn scan_groups<A>(
    path: &Path,
    groups: Vec<usize>,
    n_entities: u64,
    acc: &mut A,
    fold: &(dyn Fn(&mut A, &FlowView<'_>) + Sync),
) -> Result<(), StoreError> {
    let (reader, _) = reader_in(path, Some(&SCAN_COLUMNS), Some(groups))?;
    let (mut years, mut flags): (Vec<u16>, Vec<u16>) = Default::default();
    for b in reader {
        let b = b?;
        let c = Cols { batch: &b, path };
        let supplier = c.req::<UInt32Type>("supplier_id")?;
        let recipient = c.req::<UInt32Type>("recipient_id")?;
        let year = c.req::<Int16Type>("year")?;
        let category = c.req::<UInt8Type>("category_code")?;
        let tiv = c.req::<Float64Type>("tiv")?;
        years.clear();
        years.extend(year.iter().map(|&y| y as u16));
        flags.clear();
        flags.extend(c.req::<Int16Type>("flags")?.iter().map(|&x| x as u16));
        let view = FlowView {
            supplier,
            recipient,
            year: &years,
            category,
            tiv,
            flags: &flags,
        };
        check_values_view(path, &view, n_entities)?;
        fold(acc, &view);
    }
    Ok(())
}

/// Whether `c` is a category code a load accepts.
pub(crate) fn known_category(c: u8) -> bool {
    usize::from(c) < Category::ALL.len() || c == Category::Unspecified as u8
}

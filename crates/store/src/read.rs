//! Loading a release back from its Parquet files.
//!
//! Only the compact id columns are read for flows (the name and key columns are
//! for outside tools), and whole column slices are appended at once, so a
//! 25k-row release loads in milliseconds. Every length, id and code is checked:
//! a damaged release is an error naming the file, never a panic.

use crate::StoreError;
use arrow_array::cast::AsArray;
use arrow_array::types::{Float64Type, Int16Type, Int32Type, UInt8Type, UInt32Type};
use arrow_array::{
    Array, ArrowPrimitiveType, BooleanArray, PrimitiveArray, RecordBatch, StringArray,
};
use deals::load_deals;
use model::{Entity, EntityKind, EntityTable, Flows, NO_DEAL, Release, ReleaseMeta};
use parquet::arrow::ProjectionMask;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use std::fs::File;
use std::path::{Path, PathBuf};

const FLOW_COLUMNS: [&str; 8] = [
    "supplier_id",
    "recipient_id",
    "year",
    "category_code",
    "tiv",
    "units",
    "flags",
    "deal",
];

/// Loads every file of the release directory `dir`, given its parsed meta.
pub(crate) fn load_release(dir: &Path, meta: ReleaseMeta) -> Result<Release, StoreError> {
    let entities = load_entities(&dir.join("entities.parquet"))?;
    let n_entities = entities.len() as u64;
    let (flows, deals) = std::thread::scope(|s| {
        let deals = s.spawn(|| load_deals(&dir.join("deals.parquet"), n_entities));
        let flows = cached_or(dir, load_flows);
        let deals = deals.join().unwrap_or_else(|_| {
            Err(corrupt(
                &dir.join("deals.parquet"),
                "reader thread panicked",
            ))
        });
        (flows, deals)
    });
    let (flows, deals) = (flows?, deals?);
    check_flows(&dir.join("flows.parquet"), &flows, n_entities, deals.len())?;
    let world_totals = load_world_totals_in(dir)?;
    Ok(Release {
        meta,
        entities,
        deals,
        flows,
        world_totals,
    })
}

/// Like [`load_release`] but leaves the deal table empty (flows keep their deal
/// indices): for delivery-year metrics on very large releases, where the deals'
/// text columns would dominate time and memory. Not for order-year queries.
pub(crate) fn load_release_without_deals(
    dir: &Path,
    meta: ReleaseMeta,
) -> Result<Release, StoreError> {
    flows_only(dir, meta, |_| cached_or(dir, load_flows_parallel))
}

/// The flows of release directory `dir` from its `flows.cols` cache when that
/// is usable, else from `flows.parquet` by `load`. Cached values get the same
/// checks as decoded ones.
pub(crate) fn cached_or(
    dir: &Path,
    load: impl FnOnce(&Path) -> Result<Flows, StoreError>,
) -> Result<Flows, StoreError> {
    let path = dir.join("flows.parquet");
    match crate::cache::read(dir) {
        crate::cache::Cached::Flows(f) => {
            check_values(&dir.join(crate::cache::FILE), &f)?;
            Ok(f)
        }
        crate::cache::Cached::Unusable => load(&path),
        crate::cache::Cached::Old => {
            let f = load(&path)?;
            if f.len() <= crate::cache::MAX_ROWS {
                crate::cache::rebuild(dir, &f);
            }
            Ok(f)
        }
    }
}

/// A release without its deal table, its flows read by `load`.
fn flows_only(
    dir: &Path,
    meta: ReleaseMeta,
    load: impl FnOnce(&Path) -> Result<Flows, StoreError>,
) -> Result<Release, StoreError> {
    let entities = load_entities(&dir.join("entities.parquet"))?;
    let path = dir.join("flows.parquet");
    let flows = load(&path)?;
    check_flows(&path, &flows, entities.len() as u64, usize::MAX)?;
    let world_totals = load_world_totals_in(dir)?;
    Ok(Release {
        meta,
        entities,
        deals: Vec::new(),
        flows,
        world_totals,
    })
}

/// Like [`load_release_without_deals`], holding only the flows delivered in
/// `first..=last`: row groups whose year statistics miss the window are never
/// decoded (the writer stores flows in year order), the rest are filtered row
/// by row. For one-window metrics on very large releases.
pub(crate) fn load_release_years(
    dir: &Path,
    meta: ReleaseMeta,
    first: u16,
    last: u16,
) -> Result<Release, StoreError> {
    flows_only(dir, meta, |path| {
        crate::digests::expect(path, None)?;
        let groups = row_groups_for_years(path, first, last)?;
        let half = groups.len() / 2;
        let (a, b) = std::thread::scope(|s| {
            let b = s.spawn(|| load_flows_in(path, Some(groups[half..].to_vec())));
            let a = load_flows_in(path, Some(groups[..half].to_vec()));
            let b = b
                .join()
                .unwrap_or_else(|_| Err(corrupt(path, "reader thread panicked")));
            (a, b)
        });
        let (a, b) = (a?, b?);
        let in_window = |f: &Flows| -> Vec<u32> {
            (0..f.len() as u32)
                .filter(|&i| (first..=last).contains(&f.year[i as usize]))
                .collect()
        };
        let mut flows = a.gather(&in_window(&a));
        flows.append(&b.gather(&in_window(&b)));
        Ok(flows)
    })
}

/// Row groups of `path` whose `year` statistics overlap `first..=last`; a group
/// without statistics is kept (never skip what we cannot rule out).
pub(crate) fn row_groups_for_years(
    path: &Path,
    first: u16,
    last: u16,
) -> Result<Vec<usize>, StoreError> {
    use parquet::file::statistics::Statistics;
    let file = File::open(path).map_err(|e| StoreError::io(path, e))?;
    let builder =
        ParquetRecordBatchReaderBuilder::try_new(file).map_err(|e| corrupt(path, e.to_string()))?;
    let meta = builder.metadata();
    let col = meta
        .file_metadata()
        .schema_descr()
        .columns()
        .iter()
        .position(|c| c.path().parts() == ["year"])
        .ok_or_else(|| corrupt(path, "missing column 'year'"))?;
    let (lo, hi) = (i32::from(first), i32::from(last));
    Ok((0..meta.num_row_groups())
        .filter(|&i| match meta.row_group(i).column(col).statistics() {
            Some(Statistics::Int32(s)) => match (s.min_opt(), s.max_opt()) {
                (Some(&min), Some(&max)) => max >= lo && min <= hi,
                _ => true,
            },
            _ => true,
        })
        .collect())
}

pub(crate) fn corrupt(path: &Path, reason: impl Into<String>) -> StoreError {
    StoreError::Corrupt {
        path: path.to_path_buf(),
        reason: reason.into(),
    }
}

/// Opens `path` and reads the named columns (all when `columns` is `None`).
fn batches(path: &Path, columns: Option<&[&str]>) -> Result<Vec<RecordBatch>, StoreError> {
    batches_in(path, columns, None)
}

/// [`batches`] restricted to some row groups (all when `row_groups` is `None`).
fn batches_in(
    path: &Path,
    columns: Option<&[&str]>,
    row_groups: Option<Vec<usize>>,
) -> Result<Vec<RecordBatch>, StoreError> {
    reader_in(path, columns, row_groups)?.0.collect()
}

/// A streaming reader over some row groups and columns, with its row count, so
/// large files are decoded batch by batch into preallocated columns.
pub(crate) fn reader_in<'p>(
    path: &'p Path,
    columns: Option<&[&str]>,
    row_groups: Option<Vec<usize>>,
) -> Result<
    (
        impl Iterator<Item = Result<RecordBatch, StoreError>> + 'p,
        usize,
    ),
    StoreError,
> {
    // Whole-file reads only: readers of some row groups are verified once
    // by their caller, not once per group.
    if row_groups.is_none() {
        crate::digests::expect(path, None)?;
    }
    let file = File::open(path).map_err(|e| StoreError::io(path, e))?;
    let mut builder = ParquetRecordBatchReaderBuilder::try_new(file)
        .map_err(|e| corrupt(path, e.to_string()))?
        .with_batch_size(1 << 16);
    let meta = builder.metadata().clone();
    let rows = match &row_groups {
        Some(rg) => rg
            .iter()
            .filter_map(|&i| meta.row_groups().get(i))
            .map(|g| g.num_rows().max(0) as usize)
            .sum(),
        None => meta.file_metadata().num_rows().max(0) as usize,
    };
    if let Some(rg) = row_groups {
        builder = builder.with_row_groups(rg);
    }
    if let Some(cols) = columns {
        let schema = builder.schema().clone();
        let mut idx = Vec::with_capacity(cols.len());
        for c in cols {
            let i = schema
                .index_of(c)
                .map_err(|_| corrupt(path, format!("missing column '{c}'")))?;
            idx.push(i);
        }
        let mask = ProjectionMask::roots(builder.parquet_schema(), idx);
        builder = builder.with_projection(mask);
    }
    let reader = builder.build().map_err(|e| corrupt(path, e.to_string()))?;
    Ok((
        reader.map(move |b| b.map_err(|e| corrupt(path, e.to_string()))),
        rows,
    ))
}

/// Typed access to one batch's columns, with errors that name the file.
pub(crate) struct Cols<'a> {
    pub(crate) batch: &'a RecordBatch,
    pub(crate) path: &'a Path,
}

impl<'a> Cols<'a> {
    pub(crate) fn get(&self, name: &str) -> Result<&'a dyn Array, StoreError> {
        self.batch
            .column_by_name(name)
            .map(|c| c.as_ref())
            .ok_or_else(|| corrupt(self.path, format!("missing column '{name}'")))
    }

    fn prim<T: ArrowPrimitiveType>(&self, name: &str) -> Result<&'a PrimitiveArray<T>, StoreError> {
        self.get(name)?
            .as_primitive_opt::<T>()
            .ok_or_else(|| corrupt(self.path, format!("column '{name}' has the wrong type")))
    }

    /// A column that may not hold nulls, as a plain slice.
    pub(crate) fn req<T: ArrowPrimitiveType>(
        &self,
        name: &str,
    ) -> Result<&'a [T::Native], StoreError> {
        let a = self.prim::<T>(name)?;
        if a.null_count() > 0 {
            return Err(corrupt(self.path, format!("column '{name}' has nulls")));
        }
        Ok(a.values())
    }

    fn string(&self, name: &str) -> Result<&'a StringArray, StoreError> {
        self.get(name)?
            .as_string_opt::<i32>()
            .ok_or_else(|| corrupt(self.path, format!("column '{name}' is not a string column")))
    }

    fn boolean(&self, name: &str) -> Result<&'a BooleanArray, StoreError> {
        self.get(name)?.as_boolean_opt().ok_or_else(|| {
            corrupt(
                self.path,
                format!("column '{name}' is not a boolean column"),
            )
        })
    }
}

pub(crate) fn non_negative(path: &Path, what: &str, v: i64) -> Result<u32, StoreError> {
    u32::try_from(v).map_err(|_| corrupt(path, format!("negative {what} {v}")))
}

/// The entity table of `path` (an `entities.parquet`), from the release's
/// `entities.cols` cache when that is usable.
pub(crate) fn load_entities(path: &Path) -> Result<EntityTable, StoreError> {
    // Even when the cache serves: the cache is bound to this file, so a
    // file copied in from another release (with its cache) is caught only
    // here; the file is a few kilobytes.
    crate::digests::expect(path, None)?;
    let cached = path.parent().and_then(crate::cache::read_entities);
    let out = match cached {
        Some(v) => v,
        None => decode_entities(path)?,
    };
    EntityTable::from_unique(out)
        .map_err(|key| corrupt(path, format!("duplicate entity key '{key}'")))
}

fn decode_entities(path: &Path) -> Result<Vec<Entity>, StoreError> {
    let mut out = Vec::new();
    for b in batches(path, None)? {
        let c = Cols { batch: &b, path };
        let ids = c.req::<UInt32Type>("id")?;
        let (key, name, kind, iso3) = (
            c.string("key")?,
            c.string("name")?,
            c.string("kind")?,
            c.string("iso3")?,
        );
        for (i, &id) in ids.iter().enumerate() {
            if id as usize != out.len() {
                return Err(corrupt(path, format!("entity id {id} out of sequence")));
            }
            let kind_s = kind.value(i);
            let kind = EntityKind::parse(kind_s)
                .ok_or_else(|| corrupt(path, format!("unknown entity kind '{kind_s}'")))?;
            out.push(Entity {
                key: key.value(i).to_string(),
                name: name.value(i).to_string(),
                kind,
                iso3: iso3.is_valid(i).then(|| iso3.value(i).to_string()),
            });
        }
    }
    Ok(out)
}

fn load_flows(path: &Path) -> Result<Flows, StoreError> {
    load_flows_in(path, None)
}

/// Flows decoded on two threads, half of the row groups each: decoding is the
/// cost of loading a large release, and this machine class has two cores.
pub(crate) fn load_flows_parallel(path: &Path) -> Result<Flows, StoreError> {
    crate::digests::expect(path, None)?;
    let file = File::open(path).map_err(|e| StoreError::io(path, e))?;
    let n_rg = ParquetRecordBatchReaderBuilder::try_new(file)
        .map_err(|e| corrupt(path, e.to_string()))?
        .metadata()
        .num_row_groups();
    if n_rg < 2 {
        // Verified above: by row groups, so not hashed again.
        return load_flows_in(path, Some((0..n_rg).collect()));
    }
    let half = n_rg / 2;
    let (a, b) = std::thread::scope(|s| {
        let b = s.spawn(|| load_flows_in(path, Some((half..n_rg).collect())));
        let a = load_flows_in(path, Some((0..half).collect()));
        let b = b
            .join()
            .unwrap_or_else(|_| Err(corrupt(path, "reader thread panicked")));
        (a, b)
    });
    let (mut a, b) = (a?, b?);
    a.append(&b);
    Ok(a)
}

fn load_flows_in(path: &Path, row_groups: Option<Vec<usize>>) -> Result<Flows, StoreError> {
    let (reader, n) = reader_in(path, Some(&FLOW_COLUMNS), row_groups)?;
    let mut f = Flows::with_capacity(n);
    for b in reader {
        let b = b?;
        let c = Cols { batch: &b, path };
        f.supplier
            .extend_from_slice(c.req::<UInt32Type>("supplier_id")?);
        f.recipient
            .extend_from_slice(c.req::<UInt32Type>("recipient_id")?);
        let years = c.req::<Int16Type>("year")?;
        if let Some(y) = years.iter().find(|&&y| y < 0) {
            return Err(corrupt(path, format!("negative year {y}")));
        }
        f.year.extend(years.iter().map(|&y| y as u16));
        f.category
            .extend_from_slice(c.req::<UInt8Type>("category_code")?);
        let tiv = c.req::<Float64Type>("tiv")?;
        if let Some(v) = tiv.iter().find(|v| !model::plausible_tiv(**v)) {
            return Err(corrupt(path, format!("implausible TIV value {v}")));
        }
        f.tiv.extend_from_slice(tiv);
        let units = c.req::<Int32Type>("units")?;
        if let Some(&u) = units.iter().find(|&&u| u < 0) {
            return Err(corrupt(path, format!("negative units {u}")));
        }
        f.units.extend(units.iter().map(|&u| u as u32));
        f.flags
            .extend(c.req::<Int16Type>("flags")?.iter().map(|&x| x as u16));
        let deal = c.prim::<Int32Type>("deal")?;
        for (i, &d) in deal.values().iter().enumerate() {
            f.deal.push(if deal.is_null(i) {
                NO_DEAL
            } else {
                non_negative(path, "deal index", i64::from(d))?
            });
        }
    }
    Ok(f)
}

/// The release's world totals; none for releases written before they were
/// stored (the file is optional).
pub(crate) fn load_world_totals_in(dir: &Path) -> Result<Vec<(u16, f64)>, StoreError> {
    let path = dir.join("world_totals.parquet");
    if path.exists() {
        load_world_totals(&path)
    } else {
        Ok(Vec::new())
    }
}

fn load_world_totals(path: &Path) -> Result<Vec<(u16, f64)>, StoreError> {
    let mut out = Vec::new();
    for b in batches(path, None)? {
        let c = Cols { batch: &b, path };
        let (years, tiv) = (c.req::<Int16Type>("year")?, c.req::<Float64Type>("tiv")?);
        for (&y, &t) in years.iter().zip(tiv) {
            if !model::plausible_tiv(t) {
                return Err(corrupt(
                    path,
                    format!("implausible world total {t} for {y}"),
                ));
            }
            out.push((non_negative(path, "year", i64::from(y))? as u16, t));
        }
    }
    Ok(out)
}

/// Release files every release has; `world_totals.parquet` is optional.
const REQUIRED_FILES: [&str; 3] = ["entities.parquet", "flows.parquet", "deals.parquet"];

/// Opens each Parquet file of release directory `dir` far enough to read its
/// footer: catches missing, truncated and foreign files without decoding data.
pub(crate) fn check_footers(dir: &Path) -> Result<(), StoreError> {
    let optional = dir.join("world_totals.parquet");
    let paths = REQUIRED_FILES
        .iter()
        .map(|f| dir.join(f))
        .chain(optional.exists().then_some(optional));
    for path in paths {
        let file = File::open(&path).map_err(|e| StoreError::io(&path, e))?;
        // The footer alone: no Arrow schema, which a load builds anyway.
        parquet::file::metadata::ParquetMetaDataReader::new()
            .parse_and_finish(&file)
            .map_err(|e| corrupt(&path, e.to_string()))?;
    }
    Ok(())
}

/// Used by `Store::report` and `Store::list`: a JSON file, with errors naming it.
pub(crate) fn read_json<T: serde::de::DeserializeOwned>(path: PathBuf) -> Result<T, StoreError> {
    let bytes = std::fs::read(&path).map_err(|e| StoreError::io(&path, e))?;
    crate::digests::expect(&path, Some(&bytes))?;
    serde_json::from_slice(&bytes).map_err(|e| corrupt(&path, e.to_string()))
}

mod checks;
mod deals;

use checks::check_values;
pub(crate) use checks::{check_flows, check_values_view};

//! Writing a release as Parquet files.
//!
//! Every flow and deal carries both the compact entity id (what `load` reads
//! back, cheaply) and the entity's name and key as dictionary-encoded strings,
//! so DuckDB, pandas and R users never need a join to read a file.

use crate::StoreError;
use crate::durable::Syncs;
use crate::encode::PqWriter;
use crate::pages::{Col, Dict};
use arrow_array::builder::StringBuilder;
use arrow_array::types::{Float64Type, Int16Type, UInt32Type};
use arrow_array::{ArrayRef, ArrowPrimitiveType, PrimitiveArray, StringArray};
use arrow_buffer::ScalarBuffer;
use arrow_schema::{DataType, Field, Schema, SchemaRef};
use model::{Category, Deal, Entity, Flags, Flows, NO_DEAL, Release};
use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

/// Rows per record batch and per row group: large enough for fast scans, small
/// enough that a 25M-row release never needs a second full copy in memory.
pub(crate) const CHUNK: usize = 1 << 20;

/// Index of `Unspecified` in the category dictionary (after the 11 real ones).
const UNSPECIFIED_KEY: i32 = Category::ALL.len() as i32;

fn dict_type() -> DataType {
    DataType::Dictionary(Box::new(DataType::Int32), Box::new(DataType::Utf8))
}

pub(crate) fn flows_schema() -> SchemaRef {
    let f = |n: &str, t: DataType, null: bool| Field::new(n, t, null);
    Arc::new(Schema::new(vec![
        f("supplier_id", DataType::UInt32, false),
        f("recipient_id", DataType::UInt32, false),
        f("supplier", dict_type(), false),
        f("recipient", dict_type(), false),
        f("supplier_key", dict_type(), false),
        f("recipient_key", dict_type(), false),
        f("year", DataType::Int16, false),
        f("category", dict_type(), false),
        f("category_code", DataType::UInt8, false),
        f("tiv", DataType::Float64, false),
        f("units", DataType::Int32, false),
        f("flags", DataType::Int16, false),
        f("estimated", DataType::Boolean, false),
        f("allocated", DataType::Boolean, false),
        f("deal", DataType::Int32, true),
    ]))
}

pub(crate) fn deals_schema() -> SchemaRef {
    let f = |n: &str, t: DataType, null: bool| Field::new(n, t, null);
    let years = DataType::List(Arc::new(Field::new("item", DataType::Int16, true)));
    Arc::new(Schema::new(vec![
        f("deal", DataType::Int32, false),
        f("sipri_id", DataType::Int64, true),
        f("supplier_id", DataType::UInt32, false),
        f("recipient_id", DataType::UInt32, false),
        f("supplier", dict_type(), false),
        f("recipient", dict_type(), false),
        f("designation", DataType::Utf8, false),
        f("description", DataType::Utf8, false),
        f("category", dict_type(), false),
        f("category_code", DataType::UInt8, false),
        f("order_year", DataType::Int16, true),
        f("order_year_estimated", DataType::Boolean, true),
        f("number_ordered", DataType::Int32, true),
        f("number_ordered_estimated", DataType::Boolean, true),
        f("number_delivered", DataType::Int32, true),
        f("number_delivered_estimated", DataType::Boolean, true),
        f("delivery_years", years, false),
        f("status", DataType::Utf8, false),
        f("comments", DataType::Utf8, false),
        f("tiv_unit_new", DataType::Float64, true),
        f("tiv_unit", DataType::Float64, true),
        f("tiv_order", DataType::Float64, true),
        f("tiv_delivered", DataType::Float64, true),
        f("local_production", DataType::Boolean, true),
        f("line", DataType::Int64, false),
    ]))
}

pub(crate) fn entities_schema() -> SchemaRef {
    Arc::new(Schema::new(vec![
        Field::new("id", DataType::UInt32, false),
        Field::new("key", DataType::Utf8, false),
        Field::new("name", DataType::Utf8, false),
        Field::new("kind", DataType::Utf8, false),
        Field::new("iso3", DataType::Utf8, true),
    ]))
}

fn world_totals_schema() -> SchemaRef {
    Arc::new(Schema::new(vec![
        Field::new("year", DataType::Int16, false),
        Field::new("tiv", DataType::Float64, false),
    ]))
}

/// Dictionaries shared by every batch: entity names, entity keys, entity ids
/// and categories. Columns keyed by the same ids share the
/// encoding of their data pages (`pages::Col::Keys::share`).
pub(crate) struct Dicts {
    names: Arc<Dict>,
    keys: Arc<Dict>,
    ids: Arc<Dict>,
    categories: Arc<Dict>,
}

/// Share tags of `Col::Keys` columns.
const SUPPLIER: u8 = 1;
const RECIPIENT: u8 = 2;
const CATEGORY: u8 = 3;

impl Dicts {
    pub(crate) fn new(entities: &[Entity]) -> Dicts {
        let mut cats: Vec<&str> = Category::ALL.iter().map(|c| c.sipri_name()).collect();
        cats.push(Category::Unspecified.sipri_name());
        Dicts {
            names: Arc::new(Dict::text(entities.iter().map(|e| e.name.as_str()))),
            keys: Arc::new(Dict::text(entities.iter().map(|e| e.key.as_str()))),
            ids: Arc::new(Dict::Int((0..entities.len() as i32).collect())),
            categories: Arc::new(Dict::text(cats)),
        }
    }

    /// Entity ids as keys into `dict` (names, keys or the ids themselves).
    fn entity(&self, dict: &Arc<Dict>, ids: &[u32], share: u8) -> Col {
        Col::Keys {
            keys: ids.to_vec(),
            dict: dict.clone(),
            share,
        }
    }

    /// Category codes as keys into the category names.
    fn category(&self, codes: impl Iterator<Item = u8>) -> Col {
        Col::Keys {
            keys: codes.map(|c| category_key(c) as u32).collect(),
            dict: self.categories.clone(),
            share: CATEGORY,
        }
    }
}

fn category_key(code: u8) -> i32 {
    if (code as usize) < Category::ALL.len() {
        code as i32
    } else {
        UNSPECIFIED_KEY
    }
}

/// Writes all files of `release` into `dir` (which must exist), handing each
/// to `syncs` to be made durable; `beside` (the import report) is written
/// while the deals table, the longest file, is still being encoded.
pub(crate) fn write_release(
    dir: &Path,
    release: &Release,
    syncs: &Syncs,
    beside: impl FnOnce() -> Result<(), StoreError>,
) -> Result<(), StoreError> {
    let bad = |reason: String| StoreError::Write {
        path: dir.to_path_buf(),
        reason,
    };
    let n = release.entities.len() as u64;
    if n > i32::MAX as u64 || release.deals.len() as u64 > i32::MAX as u64 {
        return Err(bad("too many entities or deals".into()));
    }
    let entities = release.entities.as_slice();
    let dicts = Dicts::new(entities);
    // Flows and deals are the bulk of a big release: each file on its own
    // thread, and each file's columns encoded on every core. Each thread
    // first checks the values it encodes (so that nothing out of range
    // reaches an encoder); a failed check fails the import, and the caller
    // removes the directory.
    std::thread::scope(|s| {
        let deals = s.spawn(|| {
            check_deals(&release.deals, n).map_err(bad)?;
            let path = dir.join("deals.parquet");
            let mut w = PqWriter::create(&path, deals_schema(), CHUNK)?;
            let all = &release.deals[..];
            w.write(all.len(), &|col, rows| {
                deal_column(&dicts, col, rows.start, &all[rows])
            })?;
            w.finish(syncs)
        });
        let written = check_flows(&release.flows, n, release.deals.len() as u64)
            .and_then(|()| check_world_totals(&release.world_totals))
            .map_err(bad)
            .and_then(|()| write_flows(dir, &dicts, &release.flows, syncs))
            .and_then(|()| write_entities(dir, entities, syncs))
            .and_then(|()| write_world_totals(dir, &release.world_totals, syncs))
            .and_then(|()| beside());
        let deals = deals.join().unwrap_or_else(|_| {
            Err(StoreError::Write {
                path: dir.join("deals.parquet"),
                reason: "writer thread panicked".into(),
            })
        });
        written.and(deals)
    })
}

/// `entities.parquet` and its cache `entities.cols`.
pub(crate) fn write_entities(
    dir: &Path,
    entities: &[Entity],
    syncs: &Syncs,
) -> Result<(), StoreError> {
    let path = dir.join("entities.parquet");
    let mut w =
        PqWriter::create(&path, entities_schema(), CHUNK.max(entities.len()))?.with_threads(1);
    w.write(entities.len(), &|col, rows| {
        entity_column(&entities[rows], col).map(Col::Arrow)
    })?;
    w.finish(syncs)?;
    let cache = dir.join(crate::cache::ENTITIES_FILE);
    syncs.add(
        &cache,
        crate::cache::write_entities(&cache, entities, &path)?,
    );
    Ok(())
}

/// `flows.parquet` in year order (row order carries no meaning, so each row
/// group spans few years and a windowed load skips most of them), and for
/// releases up to `cache::MAX_ROWS` rows its cache `flows.cols`.
fn write_flows(dir: &Path, d: &Dicts, flows: &Flows, syncs: &Syncs) -> Result<(), StoreError> {
    let order = flows.year_order();
    let path = dir.join("flows.parquet");
    let mut w = PqWriter::create(&path, flows_schema(), CHUNK)?;
    if flows.len() <= crate::cache::MAX_ROWS {
        // Gathered once, for the Parquet file and the cache.
        let sorted = flows.gather(&order);
        w.write(sorted.len(), &|col, rows| {
            flow_column(d, &sorted, col, rows)
        })?;
        w.finish(syncs)?;
        let cache = dir.join(crate::cache::FILE);
        // The digest `SHA256SUMS` will record, binding the cache to it.
        let digest =
            crate::digests::Digest::of_file(&path).map_err(|e| StoreError::io(&path, e))?;
        let file = crate::cache::write(&cache, &sorted, &path, Some(&digest.sha256))?;
        syncs.add(&cache, file);
    } else {
        for rows in order.chunks(CHUNK) {
            let part = flows.gather(rows);
            w.write(part.len(), &|col, rows| flow_column(d, &part, col, rows))?;
        }
        w.finish(syncs)?;
    }
    Ok(())
}

fn write_world_totals(dir: &Path, totals: &[(u16, f64)], syncs: &Syncs) -> Result<(), StoreError> {
    if totals.is_empty() {
        return Ok(());
    }
    let path = dir.join("world_totals.parquet");
    let mut w = PqWriter::create(&path, world_totals_schema(), CHUNK)?.with_threads(1);
    w.write(totals.len(), &|col, rows| {
        let t = &totals[rows];
        Ok(Col::Arrow(match col {
            "year" => prim::<Int16Type>(t.iter().map(|&(y, _)| y as i16).collect()),
            "tiv" => prim::<Float64Type>(t.iter().map(|&(_, v)| v).collect()),
            _ => return Err(unknown(col)),
        }))
    })?;
    w.finish(syncs)
}

/// Refuses world totals that would not load back (what [`check_flows`] and
/// [`check_deals`] do for the rest: whatever is stored loads back
/// identically).
fn check_world_totals(totals: &[(u16, f64)]) -> Result<(), String> {
    if totals.iter().any(|&(y, _)| y > i16::MAX as u16) {
        return Err("a year is outside 0-32767".into());
    }
    if let Some((y, v)) = totals.iter().find(|(_, v)| !model::plausible_tiv(*v)) {
        return Err(format!("the world total for {y} is implausible: {v}"));
    }
    Ok(())
}

/// Refuses flows whose ids or counts would not survive the signed Parquet
/// columns, for `entities` entities and `deals` deals.
pub(crate) fn check_flows(f: &Flows, entities: u64, deals: u64) -> Result<(), String> {
    if !f.is_consistent() {
        return Err("flow columns have different lengths".into());
    }
    let ids_ok = |ids: &[u32]| ids.iter().all(|&i| u64::from(i) < entities);
    if !ids_ok(&f.supplier) || !ids_ok(&f.recipient) {
        return Err("a flow refers to an entity outside the entity table".into());
    }
    if f.deal
        .iter()
        .any(|&d| d != NO_DEAL && u64::from(d) >= deals)
    {
        return Err("a flow refers to a deal that does not exist".into());
    }
    if f.units.iter().any(|&u| u64::from(u) > i32::MAX as u64) {
        return Err("a unit count exceeds 2^31".into());
    }
    if !f.year.iter().all(|&y| y <= i16::MAX as u16) {
        return Err("a year is outside 0-32767".into());
    }
    // TIV as the readers accept it (`model::MAX_TIV`): an infinite or absurd
    // value would poison every sum computed from this release.
    if let Some(v) = f.tiv.iter().find(|v| !model::plausible_tiv(**v)) {
        return Err(format!("a flow has an implausible TIV value {v}"));
    }
    Ok(())
}

/// The deal half of [`check_flows`]: the first deal's first problem, in
/// one pass.
pub(crate) fn check_deals(deals: &[Deal], entities: u64) -> Result<(), String> {
    // One branch-free test per deal; the problem is spelt out only for the
    // first deal that fails it.
    if deals.iter().all(|d| deal_ok(d, entities)) {
        return Ok(());
    }
    match deals.iter().find_map(|d| deal_problem(d, entities)) {
        Some(problem) => Err(problem),
        None => Ok(()),
    }
}

/// Whether `deal_problem` finds nothing in `d` (the same predicates).
fn deal_ok(d: &Deal, entities: u64) -> bool {
    let year = |y: u16| y <= i16::MAX as u16;
    let count = |c: Option<u32>| c.is_none_or(|c| u64::from(c) <= i32::MAX as u64);
    let tiv = |v: Option<f64>| v.is_none_or(|v| v.is_finite() && v >= 0.0);
    (u64::from(d.supplier) < entities)
        & (u64::from(d.recipient) < entities)
        & d.order_year.is_none_or(year)
        & d.delivery_years.iter().all(|&y| year(y))
        & count(d.number_ordered)
        & count(d.number_delivered)
        & tiv(d.tiv_unit_new)
        & tiv(d.tiv_unit)
        & tiv(d.tiv_order)
        & tiv(d.tiv_delivered)
        & d.sipri_id.is_none_or(|v| v <= i64::MAX as u64)
}

/// What in `d` would not survive the store's signed columns, if anything.
fn deal_problem(d: &Deal, entities: u64) -> Option<String> {
    if u64::from(d.supplier) >= entities || u64::from(d.recipient) >= entities {
        return Some("a deal refers to an entity outside the entity table".into());
    }
    let mut years = d.order_year.iter().chain(&d.delivery_years);
    if !years.all(|&y| y <= i16::MAX as u16) {
        return Some("a year is outside 0-32767".into());
    }
    let counts = [d.number_ordered, d.number_delivered];
    if counts
        .iter()
        .flatten()
        .any(|&c| u64::from(c) > i32::MAX as u64)
    {
        return Some("a deal's unit count exceeds 2^31".into());
    }
    let tivs = [d.tiv_unit_new, d.tiv_unit, d.tiv_order, d.tiv_delivered];
    if let Some(v) = tivs
        .iter()
        .flatten()
        .find(|v| !(v.is_finite() && **v >= 0.0))
    {
        return Some(format!("a deal has an invalid TIV value {v}"));
    }
    if d.sipri_id.is_some_and(|v| v > i64::MAX as u64) {
        return Some("a SIPRI deal id exceeds 2^63".into());
    }
    None
}

fn unknown(name: &str) -> StoreError {
    StoreError::Write {
        path: "<batch>".into(),
        reason: format!("no column '{name}'"),
    }
}

/// A primitive column from a vector of values, without copying it.
fn prim<T: ArrowPrimitiveType>(values: Vec<T::Native>) -> ArrayRef {
    Arc::new(PrimitiveArray::<T>::new(ScalarBuffer::from(values), None))
}

fn bools<R>(rows: &[R], f: impl Fn(&R) -> bool) -> Col {
    Col::Bool(rows.iter().map(f).collect(), None)
}

fn opt_bools<R>(rows: &[R], f: impl Fn(&R) -> Option<bool>) -> Col {
    let (values, valid) = rows
        .iter()
        .map(|r| f(r).map_or((false, false), |v| (v, true)))
        .unzip();
    Col::Bool(values, Some(valid))
}

fn opt_f64s<R>(rows: &[R], f: impl Fn(&R) -> Option<f64>) -> Col {
    let (values, valid) = rows
        .iter()
        .map(|r| f(r).map_or((0.0, false), |v| (v, true)))
        .unzip();
    Col::F64(values, Some(valid))
}

/// A required text column, PLAIN-encoded; `dict`: dictionary-encoded in the
/// file (values that repeat).
fn text<R>(rows: &[R], dict: bool, f: impl Fn(&R) -> &str) -> Col {
    let bytes: usize = rows.iter().map(|r| f(r).len() + 4).sum();
    let mut plain = Vec::with_capacity(bytes);
    for r in rows {
        let v = f(r);
        plain.extend_from_slice(&(v.len() as u32).to_le_bytes());
        plain.extend_from_slice(v.as_bytes());
    }
    Col::Text {
        plain,
        rows: rows.len(),
        dict,
    }
}

/// A text column, its buffers sized once.
fn texts<R>(rows: &[R], f: impl Fn(&R) -> &str) -> ArrayRef {
    let bytes = rows.iter().map(|r| f(r).len()).sum();
    let mut b = StringBuilder::with_capacity(rows.len(), bytes);
    for r in rows {
        b.append_value(f(r));
    }
    Arc::new(b.finish())
}

/// Column `name` of `entities_schema` for `entities`.
fn entity_column(entities: &[Entity], name: &str) -> Result<ArrayRef, StoreError> {
    Ok(match name {
        "id" => prim::<UInt32Type>((0..entities.len() as u32).collect()),
        "key" => texts(entities, |e| &e.key),
        "name" => texts(entities, |e| &e.name),
        "kind" => texts(entities, |e| e.kind.as_str()),
        "iso3" => Arc::new(
            entities
                .iter()
                .map(|e| e.iso3.as_deref())
                .collect::<StringArray>(),
        ),
        _ => return Err(unknown(name)),
    })
}

/// Column `name` of `flows_schema` for rows `rows` of `f`.
pub(crate) fn flow_column(
    d: &Dicts,
    f: &Flows,
    name: &str,
    rows: Range<usize>,
) -> Result<Col, StoreError> {
    let sup = &f.supplier[rows.clone()];
    let rec = &f.recipient[rows.clone()];
    let flags = &f.flags[rows.clone()];
    Ok(match name {
        "supplier_id" => d.entity(&d.ids, sup, SUPPLIER),
        "recipient_id" => d.entity(&d.ids, rec, RECIPIENT),
        "supplier" => d.entity(&d.names, sup, SUPPLIER),
        "recipient" => d.entity(&d.names, rec, RECIPIENT),
        "supplier_key" => d.entity(&d.keys, sup, SUPPLIER),
        "recipient_key" => d.entity(&d.keys, rec, RECIPIENT),
        "year" => ints(f.year[rows].iter().map(|&y| i32::from(y))),
        "category" => d.category(f.category[rows.clone()].iter().copied()),
        "category_code" => ints(f.category[rows].iter().map(|&c| i32::from(c))),
        "tiv" => Col::F64(f.tiv[rows].to_vec(), None),
        "units" => ints(f.units[rows].iter().map(|&u| u as i32)),
        // Flags are a bit set: stored bit-for-bit in a signed column.
        "flags" => ints(flags.iter().map(|&x| i32::from(x as i16))),
        "estimated" => bools(flags, |&x| x & Flags::ANY_ESTIMATE != 0),
        "allocated" => bools(flags, |&x| x & Flags::ALLOCATED != 0),
        "deal" => opt_ints(&f.deal[rows], |&x| (x != NO_DEAL).then_some(x as i32)),
        _ => return Err(unknown(name)),
    })
}

/// Column `name` of `deals_schema` for `deals`, the first of which is deal
/// number `first`.
pub(crate) fn deal_column(
    d: &Dicts,
    name: &str,
    first: usize,
    deals: &[Deal],
) -> Result<Col, StoreError> {
    let ids = |f: fn(&Deal) -> u32| deals.iter().map(f).collect::<Vec<u32>>();
    Ok(match name {
        "deal" => ints((first..first + deals.len()).map(|i| i as i32)),
        "sipri_id" => opt_i64s(deals, |x| x.sipri_id.map(|v| v as i64)),
        "supplier_id" => d.entity(&d.ids, &ids(|x| x.supplier), SUPPLIER),
        "recipient_id" => d.entity(&d.ids, &ids(|x| x.recipient), RECIPIENT),
        "supplier" => d.entity(&d.names, &ids(|x| x.supplier), SUPPLIER),
        "recipient" => d.entity(&d.names, &ids(|x| x.recipient), RECIPIENT),
        "designation" => text(deals, true, |x| &x.designation),
        "description" => text(deals, true, |x| &x.description),
        "category" => d.category(deals.iter().map(|x| x.category)),
        "category_code" => ints(deals.iter().map(|x| i32::from(x.category))),
        "order_year" => opt_ints(deals, |x| x.order_year.map(|y| i32::from(y as i16))),
        "order_year_estimated" => opt_bools(deals, |x| x.order_year_estimated),
        "number_ordered" => opt_ints(deals, |x| x.number_ordered.map(|v| v as i32)),
        "number_ordered_estimated" => opt_bools(deals, |x| x.number_ordered_estimated),
        "number_delivered" => opt_ints(deals, |x| x.number_delivered.map(|v| v as i32)),
        "number_delivered_estimated" => opt_bools(deals, |x| x.number_delivered_estimated),
        "delivery_years" => Col::Lists {
            values: deals
                .iter()
                .flat_map(|x| x.delivery_years.iter().map(|&y| i32::from(y as i16)))
                .collect(),
            counts: deals
                .iter()
                .map(|x| x.delivery_years.len() as u32)
                .collect(),
        },
        "status" => text(deals, true, |x| &x.status),
        "comments" => text(deals, false, |x| &x.comments),
        "tiv_unit_new" => opt_f64s(deals, |x| x.tiv_unit_new),
        "tiv_unit" => opt_f64s(deals, |x| x.tiv_unit),
        "tiv_order" => opt_f64s(deals, |x| x.tiv_order),
        "tiv_delivered" => opt_f64s(deals, |x| x.tiv_delivered),
        "local_production" => opt_bools(deals, |x| x.local_production),
        "line" => Col::I64(deals.iter().map(|x| i64::from(x.line)).collect(), None),
        _ => return Err(unknown(name)),
    })
}

/// An INT32 column without nulls (int16, uint8 and uint32 columns too).
fn ints(values: impl Iterator<Item = i32>) -> Col {
    Col::I32(values.collect(), None)
}

/// A nullable INT32 column: `f` gives each row's value or `None`.
fn opt_ints<R>(rows: &[R], f: impl Fn(&R) -> Option<i32>) -> Col {
    let (values, valid) = rows
        .iter()
        .map(|r| f(r).map_or((0, false), |v| (v, true)))
        .unzip();
    Col::I32(values, Some(valid))
}

/// A nullable INT64 column.
fn opt_i64s<R>(rows: &[R], f: impl Fn(&R) -> Option<i64>) -> Col {
    let (values, valid) = rows
        .iter()
        .map(|r| f(r).map_or((0, false), |v| (v, true)))
        .unzip();
    Col::I64(values, Some(valid))
}

#[cfg(test)]
mod checks;

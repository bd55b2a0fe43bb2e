//! Writing a release as Parquet files.
//!
//! Every flow and deal carries both the compact entity id (what `load` reads
//! back, cheaply) and the entity's name and key as dictionary-encoded strings,
//! so DuckDB, pandas and R users never need a join to read a file.

use crate::StoreError;
use arrow_array::builder::{Int16Builder, ListBuilder};
use arrow_array::types::Int32Type;
use arrow_array::{
    ArrayRef, BooleanArray, DictionaryArray, Float64Array, Int16Array, Int32Array, Int64Array,
    RecordBatch, StringArray, UInt8Array, UInt32Array,
};
use arrow_schema::{DataType, Field, Schema, SchemaRef};
use model::{Category, Deal, Entity, Flags, Flows, NO_DEAL, Release};
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::{EnabledStatistics, WriterProperties};
use parquet::schema::types::ColumnPath;
use std::fs::File;
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

/// Dictionaries shared by every batch: entity names, entity keys, categories.
pub(crate) struct Dicts {
    names: ArrayRef,
    keys: ArrayRef,
    categories: ArrayRef,
}

impl Dicts {
    pub(crate) fn new(entities: &[Entity]) -> Dicts {
        let mut cats: Vec<&str> = Category::ALL.iter().map(|c| c.sipri_name()).collect();
        cats.push(Category::Unspecified.sipri_name());
        Dicts {
            names: Arc::new(StringArray::from_iter_values(
                entities.iter().map(|e| &e.name),
            )),
            keys: Arc::new(StringArray::from_iter_values(
                entities.iter().map(|e| &e.key),
            )),
            categories: Arc::new(StringArray::from_iter_values(cats)),
        }
    }

    fn entity(&self, values: &ArrayRef, ids: &[u32]) -> ArrayRef {
        let keys = Int32Array::from_iter_values(ids.iter().map(|&i| i as i32));
        Arc::new(DictionaryArray::<Int32Type>::new(keys, values.clone()))
    }

    fn category(&self, codes: &[u8]) -> ArrayRef {
        let keys = Int32Array::from_iter_values(codes.iter().map(|&c| category_key(c)));
        Arc::new(DictionaryArray::<Int32Type>::new(
            keys,
            self.categories.clone(),
        ))
    }
}

fn category_key(code: u8) -> i32 {
    if (code as usize) < Category::ALL.len() {
        code as i32
    } else {
        UNSPECIFIED_KEY
    }
}

/// Writes all files of `release` into `dir` (which must exist), each fsynced.
pub(crate) fn write_release(dir: &Path, release: &Release) -> Result<(), StoreError> {
    check_ranges(dir, release)?;
    let entities = release.entities.as_slice();
    let dicts = Dicts::new(entities);
    let entities_path = dir.join("entities.parquet");
    write_parquet(&entities_path, entities_schema(), |w| {
        w(entities_batch(entities)?)
    })?;
    crate::cache::write_entities(
        &dir.join(crate::cache::ENTITIES_FILE),
        entities,
        &entities_path,
    )?;
    // Flows and deals are the bulk of a big release; write them on two cores.
    std::thread::scope(|s| {
        let deals = s.spawn(|| {
            write_parquet(&dir.join("deals.parquet"), deals_schema(), |w| {
                for chunk in release.deals.chunks(CHUNK.max(1)).enumerate() {
                    w(deals_batch(&dicts, chunk.0 * CHUNK, chunk.1)?)?;
                }
                Ok(())
            })
        });
        // Flows go to disk in year order (row order carries no meaning), so each
        // row group spans few years and a windowed load skips most of them.
        let order = release.flows.year_order();
        let path = dir.join("flows.parquet");
        let flows = write_parquet(&path, flows_schema(), |w| {
            for rows in order.chunks(CHUNK.max(1)) {
                w(flows_batch(&dicts, &release.flows.gather(rows))?)?;
            }
            Ok(())
        })
        .and_then(|()| {
            if release.flows.len() > crate::cache::MAX_ROWS {
                return Ok(());
            }
            let cache = dir.join(crate::cache::FILE);
            crate::cache::write(&cache, &release.flows.gather(&order), &path)
        });
        let deals = deals.join().unwrap_or_else(|_| {
            Err(StoreError::Write {
                path: dir.join("deals.parquet"),
                reason: "writer thread panicked".into(),
            })
        });
        flows.and(deals)
    })?;
    if !release.world_totals.is_empty() {
        write_parquet(
            &dir.join("world_totals.parquet"),
            world_totals_schema(),
            |w| {
                let years = Int16Array::from_iter_values(
                    release.world_totals.iter().map(|&(y, _)| y as i16),
                );
                let tiv =
                    Float64Array::from_iter_values(release.world_totals.iter().map(|&(_, t)| t));
                w(batch(
                    world_totals_schema(),
                    vec![Arc::new(years), Arc::new(tiv)],
                )?)
            },
        )?;
    }
    Ok(())
}

/// Refuses releases whose ids or counts would not survive the signed Parquet
/// columns, so that what is stored always loads back identically.
fn check_ranges(dir: &Path, r: &Release) -> Result<(), StoreError> {
    let bad = |reason: String| StoreError::Write {
        path: dir.to_path_buf(),
        reason,
    };
    let n = r.entities.len() as u64;
    if n > i32::MAX as u64 || r.deals.len() as u64 > i32::MAX as u64 {
        return Err(bad("too many entities or deals".into()));
    }
    check_flows(&r.flows, n, r.deals.len() as u64).map_err(bad)?;
    check_deals(&r.deals, n).map_err(bad)?;
    if r.world_totals.iter().any(|&(y, _)| y > i16::MAX as u16) {
        return Err(bad("a year is outside 0-32767".into()));
    }
    if let Some((y, v)) = r
        .world_totals
        .iter()
        .find(|(_, v)| !model::plausible_tiv(*v))
    {
        return Err(bad(format!("the world total for {y} is implausible: {v}")));
    }
    Ok(())
}

/// The flow half of [`check_ranges`], for `entities` entities and `deals` deals.
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

/// The deal half of [`check_ranges`].
pub(crate) fn check_deals(deals: &[Deal], entities: u64) -> Result<(), String> {
    if deals
        .iter()
        .any(|d| u64::from(d.supplier) >= entities || u64::from(d.recipient) >= entities)
    {
        return Err("a deal refers to an entity outside the entity table".into());
    }
    let mut years = deals.iter().flat_map(|d| {
        d.order_year
            .into_iter()
            .chain(d.delivery_years.iter().copied())
    });
    if !years.all(|y| y <= i16::MAX as u16) {
        return Err("a year is outside 0-32767".into());
    }
    let counts = deals
        .iter()
        .flat_map(|d| [d.number_ordered, d.number_delivered]);
    if counts.flatten().any(|c| u64::from(c) > i32::MAX as u64) {
        return Err("a deal's unit count exceeds 2^31".into());
    }
    let deal_tivs = deals
        .iter()
        .flat_map(|d| [d.tiv_unit_new, d.tiv_unit, d.tiv_order, d.tiv_delivered]);
    if let Some(v) = deal_tivs.flatten().find(|v| !(v.is_finite() && *v >= 0.0)) {
        return Err(format!("a deal has an invalid TIV value {v}"));
    }
    if deals
        .iter()
        .any(|d| d.sipri_id.is_some_and(|v| v > i64::MAX as u64))
    {
        return Err("a SIPRI deal id exceeds 2^63".into());
    }
    Ok(())
}

pub(crate) type Sink<'a> = dyn FnMut(RecordBatch) -> Result<(), StoreError> + 'a;

/// Creates `path`, lets `fill` push batches, closes the file and fsyncs it.
pub(crate) fn write_parquet(
    path: &Path,
    schema: SchemaRef,
    fill: impl FnOnce(&mut Sink<'_>) -> Result<(), StoreError>,
) -> Result<(), StoreError> {
    let werr = |e: &dyn std::fmt::Display| StoreError::Write {
        path: path.to_path_buf(),
        reason: e.to_string(),
    };
    let file = File::create(path).map_err(|e| StoreError::io(path, e))?;
    let mut props = WriterProperties::builder()
        .set_compression(Compression::SNAPPY)
        .set_max_row_group_row_count(Some(CHUNK));
    // Min/max of text columns cost a string comparison per value at write
    // time (the largest single cost of writing a big deals table) and no
    // reader uses them: only `year`'s statistics skip row groups.
    for f in schema.fields() {
        if matches!(f.data_type(), DataType::Utf8 | DataType::Dictionary(..)) {
            props = props.set_column_statistics_enabled(
                ColumnPath::from(f.name().as_str()),
                EnabledStatistics::None,
            );
        }
    }
    let props = props.build();
    let mut writer = ArrowWriter::try_new(file, schema, Some(props)).map_err(|e| werr(&e))?;
    fill(&mut |b: RecordBatch| writer.write(&b).map_err(|e| werr(&e)))?;
    let file = writer.into_inner().map_err(|e| werr(&e))?;
    file.sync_all().map_err(|e| StoreError::io(path, e))
}

fn batch(schema: SchemaRef, cols: Vec<ArrayRef>) -> Result<RecordBatch, StoreError> {
    RecordBatch::try_new(schema, cols).map_err(|e| StoreError::Write {
        path: "<batch>".into(),
        reason: e.to_string(),
    })
}

pub(crate) fn entities_batch(entities: &[Entity]) -> Result<RecordBatch, StoreError> {
    let ids = UInt32Array::from_iter_values(0..entities.len() as u32);
    let strs = |f: fn(&Entity) -> &str| -> ArrayRef {
        Arc::new(StringArray::from_iter_values(entities.iter().map(f)))
    };
    let iso3: StringArray = entities.iter().map(|e| e.iso3.as_deref()).collect();
    batch(
        entities_schema(),
        vec![
            Arc::new(ids),
            strs(|e| &e.key),
            strs(|e| &e.name),
            strs(|e| e.kind.as_str()),
            Arc::new(iso3),
        ],
    )
}

pub(crate) fn flows_batch(d: &Dicts, f: &Flows) -> Result<RecordBatch, StoreError> {
    let sup = &f.supplier[..];
    let rec = &f.recipient[..];
    let flags = &f.flags[..];
    let deal: Int32Array = f
        .deal
        .iter()
        .map(|&x| (x != NO_DEAL).then_some(x as i32))
        .collect();
    let flag_col = |bit: u16| -> ArrayRef {
        Arc::new(BooleanArray::from_iter(
            flags.iter().map(|&x| Some(x & bit != 0)),
        ))
    };
    batch(
        flows_schema(),
        vec![
            Arc::new(UInt32Array::from(sup.to_vec())),
            Arc::new(UInt32Array::from(rec.to_vec())),
            d.entity(&d.names, sup),
            d.entity(&d.names, rec),
            d.entity(&d.keys, sup),
            d.entity(&d.keys, rec),
            Arc::new(Int16Array::from_iter_values(
                f.year.iter().map(|&y| y as i16),
            )),
            d.category(&f.category),
            Arc::new(UInt8Array::from(f.category.to_vec())),
            Arc::new(Float64Array::from(f.tiv.to_vec())),
            Arc::new(Int32Array::from_iter_values(
                f.units.iter().map(|&u| u as i32),
            )),
            // Flags are a bit set: stored bit-for-bit in a signed column.
            Arc::new(Int16Array::from_iter_values(
                flags.iter().map(|&x| x as i16),
            )),
            flag_col(Flags::ANY_ESTIMATE),
            flag_col(Flags::ALLOCATED),
            Arc::new(deal),
        ],
    )
}

pub(crate) fn deals_batch(
    d: &Dicts,
    first: usize,
    deals: &[Deal],
) -> Result<RecordBatch, StoreError> {
    let ids = |f: fn(&Deal) -> u32| deals.iter().map(f).collect::<Vec<u32>>();
    let (sup, rec) = (ids(|x| x.supplier), ids(|x| x.recipient));
    let strs = |f: fn(&Deal) -> &str| -> ArrayRef {
        Arc::new(StringArray::from_iter_values(deals.iter().map(f)))
    };
    let opt_f64 = |f: fn(&Deal) -> Option<f64>| -> ArrayRef {
        Arc::new(deals.iter().map(f).collect::<Float64Array>())
    };
    let opt_bool = |f: fn(&Deal) -> Option<bool>| -> ArrayRef {
        Arc::new(deals.iter().map(f).collect::<BooleanArray>())
    };
    let opt_i32 = |f: fn(&Deal) -> Option<u32>| -> ArrayRef {
        Arc::new(
            deals
                .iter()
                .map(|x| f(x).map(|v| v as i32))
                .collect::<Int32Array>(),
        )
    };
    let cats: Vec<u8> = deals.iter().map(|x| x.category).collect();
    let mut years = ListBuilder::new(Int16Builder::new());
    for x in deals {
        years.values().append_slice(
            &x.delivery_years
                .iter()
                .map(|&y| y as i16)
                .collect::<Vec<_>>(),
        );
        years.append(true);
    }
    // The builder's item field is `item`, nullable: the schema's list type.
    let years = years.finish();
    batch(
        deals_schema(),
        vec![
            Arc::new(Int32Array::from_iter_values(
                (first..first + deals.len()).map(|i| i as i32),
            )),
            Arc::new(
                deals
                    .iter()
                    .map(|x| x.sipri_id.map(|v| v as i64))
                    .collect::<Int64Array>(),
            ),
            Arc::new(UInt32Array::from(sup.clone())),
            Arc::new(UInt32Array::from(rec.clone())),
            d.entity(&d.names, &sup),
            d.entity(&d.names, &rec),
            strs(|x| &x.designation),
            strs(|x| &x.description),
            d.category(&cats),
            Arc::new(UInt8Array::from(cats.clone())),
            Arc::new(
                deals
                    .iter()
                    .map(|x| x.order_year.map(|y| y as i16))
                    .collect::<Int16Array>(),
            ),
            opt_bool(|x| x.order_year_estimated),
            opt_i32(|x| x.number_ordered),
            opt_bool(|x| x.number_ordered_estimated),
            opt_i32(|x| x.number_delivered),
            opt_bool(|x| x.number_delivered_estimated),
            Arc::new(years),
            strs(|x| &x.status),
            strs(|x| &x.comments),
            opt_f64(|x| x.tiv_unit_new),
            opt_f64(|x| x.tiv_unit),
            opt_f64(|x| x.tiv_order),
            opt_f64(|x| x.tiv_delivered),
            opt_bool(|x| x.local_production),
            Arc::new(Int64Array::from_iter_values(
                deals.iter().map(|x| i64::from(x.line)),
            )),
        ],
    )
}

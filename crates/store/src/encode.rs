//! Writing a Parquet file with its columns encoded on several threads.
//!
//! Parquet encodes every column of a row group independently, so the columns
//! of each batch are built and encoded on all cores (the parquet crate's
//! `ArrowColumnWriter` API) and the closed column chunks are appended to the
//! row group in schema order. Which thread encodes a column changes nothing
//! in its bytes: the file is the same, byte for byte, on every run and with
//! any number of threads.
//!
//! Columns are built on demand from the caller's rows (`Build`), on the
//! thread that encodes them: nothing holds a whole record batch, and the
//! building is spread over the cores with the encoding.

use crate::StoreError;
use crate::chunk::{self, Indexed};
use crate::durable::Syncs;
use crate::pages::{Buf, Col};
use arrow_schema::{Field, SchemaRef};
use bytes::Bytes;
use parquet::arrow::arrow_writer::{
    ArrowColumnChunk, ArrowColumnWriter, ArrowRowGroupWriterFactory, compute_leaves,
};
use parquet::arrow::{ArrowSchemaConverter, ArrowWriter};
use parquet::basic::{Compression, Encoding, Type as PhysicalType};
use parquet::column::writer::ColumnCloseResult;
use parquet::file::properties::{EnabledStatistics, WriterProperties};
use parquet::file::writer::SerializedFileWriter;
use std::fs::File;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

/// Builds the column named by the first argument for rows `range` of the
/// caller's rows.
pub(crate) type Build<'a> = dyn Fn(&str, Range<usize>) -> Result<Col, StoreError> + Sync + 'a;

/// Text columns that get no Parquet dictionary: SIPRI's comments are mostly
/// distinct, so a dictionary would only cost a hash-table probe per value and
/// then be abandoned at its size limit. (A deal's designation repeats about
/// five times in the Feb-2026 register: its dictionary saves a tenth of
/// `deals.parquet` for 1 % more write time.)
const PLAIN_TEXT: [&str; 1] = ["comments"];

/// Writer properties for `schema`: row groups of `rows` rows, snappy, and per
/// column the encoding that is cheapest to write without growing the file:
/// - integers (ids, years, counts, codes, deal and line numbers):
///   DELTA_BINARY_PACKED, no dictionary. Hashing every value into a dictionary
///   was a third of the cost of writing; the deltas of sorted or small-range
///   columns pack as tightly, and unique ones (deal, line, sipri_id) far
///   tighter. Readers decode it faster than a dictionary, too.
/// - text: a dictionary (names, categories, statuses, descriptions repeat),
///   except `PLAIN_TEXT`; floats (TIVs, which repeat) keep theirs too.
/// - no statistics on text columns: their min/max cost a string comparison
///   per value and no reader uses them (windowed loads skip row groups by
///   `year`'s statistics, which stay).
pub(crate) fn properties(schema: &SchemaRef, rows: usize) -> WriterProperties {
    let mut props = WriterProperties::builder()
        .set_compression(Compression::SNAPPY)
        .set_max_row_group_row_count(Some(rows));
    let parquet = ArrowSchemaConverter::new().convert(schema);
    for leaf in parquet.iter().flat_map(|p| p.columns()) {
        let col = || leaf.path().clone();
        let top = leaf.path().parts()[0].as_str();
        match leaf.physical_type() {
            PhysicalType::INT32 | PhysicalType::INT64 => {
                props = props
                    .set_column_dictionary_enabled(col(), false)
                    .set_column_encoding(col(), Encoding::DELTA_BINARY_PACKED);
            }
            PhysicalType::BYTE_ARRAY => {
                props = props.set_column_statistics_enabled(col(), EnabledStatistics::None);
                if PLAIN_TEXT.contains(&top) {
                    props = props.set_column_dictionary_enabled(col(), false);
                }
            }
            _ => {}
        }
    }
    props.build()
}

/// How many threads encode the columns of one file.
pub(crate) fn threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get().min(8))
}

/// One column of the row group being filled: the Arrow writer's, or our own
/// buffer (`pages`), whichever the column's first batch asked for.
struct Slot {
    arrow: ArrowColumnWriter,
    /// Whether `arrow` has been given values.
    arrow_used: bool,
    own: Option<Buf>,
    /// The previous row group's buffer, emptied, for `own` to reuse.
    spare: Option<Buf>,
}

/// A closed column chunk, ready to be appended.
enum Chunk {
    Arrow(ArrowColumnChunk),
    Own(Bytes, ColumnCloseResult),
}

/// A Parquet file being written row group by row group.
pub(crate) struct PqWriter {
    path: PathBuf,
    schema: SchemaRef,
    file: SerializedFileWriter<File>,
    factory: ArrowRowGroupWriterFactory,
    /// Rows per row group.
    group_rows: usize,
    /// Columns of the row group being filled, and its rows so far.
    open: Option<(Vec<Slot>, usize)>,
    /// Own buffers of the last row group, emptied, by column.
    spares: Vec<Option<Buf>>,
    threads: usize,
}

impl PqWriter {
    /// Creates the file at `path` for rows of `schema`, in row groups of
    /// `group_rows` rows.
    pub(crate) fn create(
        path: &Path,
        schema: SchemaRef,
        group_rows: usize,
    ) -> Result<PqWriter, StoreError> {
        let file = File::create(path).map_err(|e| StoreError::io(path, e))?;
        let props = properties(&schema, group_rows);
        // Through `ArrowWriter`, so that the footer carries the Arrow schema
        // (dictionary types, as DuckDB and pandas expect them).
        let writer =
            ArrowWriter::try_new(file, schema.clone(), Some(props)).map_err(|e| werr(path, &e))?;
        let (file, factory) = writer
            .into_serialized_writer()
            .map_err(|e| werr(path, &e))?;
        Ok(PqWriter {
            path: path.to_path_buf(),
            schema,
            file,
            factory,
            group_rows: group_rows.max(1),
            open: None,
            spares: Vec::new(),
            threads: threads(),
        })
    }

    /// Uses at most `n` threads (at least one) per batch.
    pub(crate) fn with_threads(mut self, n: usize) -> PqWriter {
        self.threads = n.max(1);
        self
    }

    /// Appends `rows` rows, whose columns `build` makes, filling row groups.
    pub(crate) fn write(&mut self, rows: usize, build: &Build<'_>) -> Result<(), StoreError> {
        let mut at = 0;
        while at < rows {
            let (slots, filled) = match &mut self.open {
                Some(open) => open,
                None => {
                    let n = self.file.flushed_row_groups().len();
                    let writers = self
                        .factory
                        .create_column_writers(n)
                        .map_err(|e| werr(&self.path, &e))?;
                    if writers.len() != self.schema.fields().len() {
                        return Err(werr(&self.path, &"nested columns are not supported"));
                    }
                    self.spares.resize_with(writers.len(), || None);
                    let slots = writers
                        .into_iter()
                        .zip(&mut self.spares)
                        .map(|(arrow, spare)| Slot {
                            arrow,
                            arrow_used: false,
                            own: None,
                            spare: spare.take(),
                        })
                        .collect();
                    self.open.insert((slots, 0))
                }
            };
            let take = (self.group_rows - *filled).min(rows - at);
            let (schema, path, range) = (&self.schema, &self.path, at..at + take);
            // Rows still to come into this row group from this call.
            let room = (self.group_rows - *filled).min(rows - at);
            par_each(slots, self.threads, path, &|i, slot| {
                let field = &schema.fields()[i];
                fill(slot, field, build(field.name(), range.clone())?, room, path)
            })?;
            *filled += take;
            at += take;
            if *filled == self.group_rows {
                self.close_group()?;
            }
        }
        Ok(())
    }

    /// Encodes the open row group's columns (on all threads) and appends
    /// their chunks to the file, in order.
    fn close_group(&mut self) -> Result<(), StoreError> {
        let Some((slots, _)) = self.open.take() else {
            return Ok(());
        };
        let path = &self.path;
        // Index pages shared by columns keyed alike, encoded once (by the
        // first thread to need them) from the first such column; a column
        // uses them only if its keys are equal.
        let (bufs, arrow): (Vec<Option<Buf>>, Vec<Option<ArrowColumnWriter>>) = slots
            .into_iter()
            .map(|s| match s.own {
                Some(b) => (Some(b), None),
                None => (None, Some(s.arrow)),
            })
            .unzip();
        let mut firsts: Vec<usize> = Vec::new();
        let own = &bufs;
        let mut share: Vec<Option<usize>> = vec![None; own.len()];
        for (i, b) in own.iter().enumerate() {
            let Some(b) = b.as_ref().filter(|b| b.share() != 0) else {
                continue;
            };
            let first = firsts
                .iter()
                .position(|&f| own[f].as_ref().is_some_and(|f| f.share() == b.share()));
            match first {
                Some(k) if own[firsts[k]].as_ref().is_some_and(|f| f.same_keys(b)) => {
                    share[i] = Some(k);
                }
                Some(_) => {}
                None => {
                    share[i] = Some(firsts.len());
                    firsts.push(i);
                }
            }
        }
        let indexed: Vec<OnceLock<Option<Indexed>>> =
            firsts.iter().map(|_| OnceLock::new()).collect();
        let descr = self.file.schema_descr();
        let mut jobs: Vec<(Option<ArrowColumnWriter>, Option<Chunk>)> =
            arrow.into_iter().map(|a| (a, None)).collect();
        let (firsts, share, indexed) = (&firsts, &share, &indexed);
        par_each(&mut jobs, self.threads, path, &|i, job| {
            job.1 = Some(match (&own[i], job.0.take()) {
                (Some(buf), _) => {
                    let ix = share[i].and_then(|k| {
                        let first = || own[firsts[k]].as_ref().and_then(Indexed::of);
                        indexed[k].get_or_init(first).as_ref()
                    });
                    let (bytes, close) =
                        chunk::encode(&descr.column(i), buf, ix).map_err(|e| werr(path, &e))?;
                    Chunk::Own(bytes, close)
                }
                (None, Some(w)) => Chunk::Arrow(w.close().map_err(|e| werr(path, &e))?),
                (None, None) => return Err(werr(path, &"a column has no writer")),
            });
            Ok(())
        })?;
        self.spares = bufs
            .into_iter()
            .map(|b| {
                b.map(|mut b| {
                    b.clear();
                    b
                })
            })
            .collect();
        let mut group = self.file.next_row_group().map_err(|e| werr(path, &e))?;
        for (_, chunk) in jobs {
            match chunk {
                Some(Chunk::Arrow(c)) => c.append_to_row_group(&mut group),
                Some(Chunk::Own(bytes, close)) => group.append_column(&bytes, close),
                None => return Err(werr(path, &"a column was not encoded")),
            }
            .map_err(|e| werr(path, &e))?;
        }
        group.close().map_err(|e| werr(path, &e))?;
        Ok(())
    }

    /// Writes the footer and hands the file to `syncs` to be made durable.
    pub(crate) fn finish(mut self, syncs: &Syncs) -> Result<(), StoreError> {
        self.close_group()?;
        let file = self.file.into_inner().map_err(|e| werr(&self.path, &e))?;
        syncs.add(&self.path, file);
        Ok(())
    }
}

/// Adds one batch of a column to its slot.
fn fill(
    slot: &mut Slot,
    field: &Field,
    col: Col,
    room: usize,
    path: &Path,
) -> Result<(), StoreError> {
    let mixed = || werr(path, &format!("column {} changed its kind", field.name()));
    match col {
        Col::Arrow(array) => {
            if slot.own.is_some() {
                return Err(mixed());
            }
            slot.arrow_used = true;
            for leaf in compute_leaves(field, &array).map_err(|e| werr(path, &e))? {
                slot.arrow.write(&leaf).map_err(|e| werr(path, &e))?;
            }
        }
        col => {
            if slot.arrow_used {
                return Err(mixed());
            }
            if slot.own.is_none() {
                slot.own = match slot.spare.take() {
                    Some(b) if b.takes(&col) => Some(b),
                    _ => Buf::new(&col),
                };
            }
            let buf = slot.own.as_mut().ok_or_else(mixed)?;
            buf.push(col, room)
                .map_err(|e| werr(path, &format!("column {}: {e}", field.name())))?;
        }
    }
    Ok(())
}

/// Runs `f` on every item (with its index), on up to `threads` threads that
/// take the next item as they become free.
fn par_each<T: Send>(
    items: &mut [T],
    threads: usize,
    path: &Path,
    f: &(dyn Fn(usize, &mut T) -> Result<(), StoreError> + Sync),
) -> Result<(), StoreError> {
    let threads = threads.min(items.len());
    if threads <= 1 {
        return items.iter_mut().enumerate().try_for_each(|(i, x)| f(i, x));
    }
    let queue = Mutex::new(items.iter_mut().enumerate());
    let work = || -> Result<(), StoreError> {
        loop {
            let next = queue.lock().unwrap_or_else(|p| p.into_inner()).next();
            match next {
                Some((i, x)) => f(i, x)?,
                None => return Ok(()),
            }
        }
    };
    std::thread::scope(|s| {
        // A helper that cannot be started leaves its share to the others.
        let helpers: Vec<_> = (1..threads)
            .filter_map(|_| std::thread::Builder::new().spawn_scoped(s, work).ok())
            .collect();
        let mut result = work();
        for h in helpers {
            let r = h
                .join()
                .unwrap_or_else(|_| Err(werr(path, &"column encoder thread panicked")));
            result = result.and(r);
        }
        result
    })
}

fn werr(path: &Path, e: &dyn std::fmt::Display) -> StoreError {
    StoreError::Write {
        path: path.to_path_buf(),
        reason: e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::write::{Dicts, deal_column, deals_schema};
    use model::Deal;
    use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

    fn deals(n: usize) -> Vec<Deal> {
        (0..n)
            .map(|i| Deal {
                sipri_id: (i % 5 != 0).then_some(i as u64 * 7),
                supplier: (i % 3) as u32,
                recipient: (i % 2) as u32,
                designation: format!("D{}", i % 40),
                comments: if i % 4 == 0 {
                    String::new()
                } else {
                    format!("c{i}")
                },
                delivery_years: (0..i % 3).map(|k| 2000 + k as u16).collect(),
                tiv_unit: (i % 2 == 0).then_some(i as f64 / 3.0),
                number_delivered: (i % 3 == 0).then_some(i as u32),
                line: i as u32,
                ..Deal::default()
            })
            .collect()
    }

    /// Writes `all` in batches of `batch` rows and row groups of `group`
    /// rows on `threads` threads; returns the file's bytes.
    fn write(dir: &Path, all: &[Deal], batch: usize, group: usize, threads: usize) -> Vec<u8> {
        let ents: Vec<model::Entity> = (0..3)
            .map(|i| model::Entity {
                key: format!("k{i}"),
                name: format!("n{i}"),
                kind: model::EntityKind::State,
                iso3: None,
            })
            .collect();
        let d = Dicts::new(&ents);
        let path = dir.join(format!("t{threads}-{batch}.parquet"));
        let mut w = PqWriter::create(&path, deals_schema(), group)
            .unwrap()
            .with_threads(threads);
        for (k, part) in all.chunks(batch).enumerate() {
            let first = k * batch;
            w.write(part.len(), &|col, rows| {
                deal_column(&d, col, first + rows.start, &part[rows])
            })
            .unwrap();
        }
        let syncs = Syncs::default();
        w.finish(&syncs).unwrap();
        syncs.finish().unwrap();
        std::fs::read(&path).unwrap()
    }

    #[test]
    fn bytes_do_not_depend_on_the_thread_count() {
        let tmp = tempfile::tempdir().unwrap();
        let all = deals(5_000);
        // Batches of 700 rows straddle the row groups of 1,000.
        let one = write(tmp.path(), &all, 700, 1_000, 1);
        for threads in [2, 3, 8] {
            assert!(
                one == write(tmp.path(), &all, 700, 1_000, threads),
                "{threads}"
            );
        }
        let file = std::fs::File::open(tmp.path().join("t1-700.parquet")).unwrap();
        let reader = ParquetRecordBatchReaderBuilder::try_new(file).unwrap();
        let groups: Vec<i64> = reader
            .metadata()
            .row_groups()
            .iter()
            .map(|g| g.num_rows())
            .collect();
        assert_eq!(groups, vec![1_000; 5]);
        // Read back: every row where it was written.
        let rows: usize = reader.build().unwrap().map(|b| b.unwrap().num_rows()).sum();
        assert_eq!(rows, 5_000);
    }
}

/// Every column of files written through our own pages, read back by the
/// parquet crate's Arrow reader and compared with the rows written: nulls,
/// empty and non-ASCII strings, all-null pages, row groups that batches
/// straddle, a one-row file, and a 300-entity dictionary (9-bit indices).
#[cfg(test)]
mod roundtrip {
    use super::*;
    use crate::write::{Dicts, deal_column, deals_schema, flow_column, flows_schema};
    use arrow_array::cast::AsArray;
    use arrow_array::types::{Float64Type, Int16Type, Int32Type, Int64Type, UInt8Type, UInt32Type};
    use arrow_array::{Array, ArrayRef};
    use arrow_schema::DataType;
    use model::{Category, Deal, Entity, EntityKind, Flows, NO_DEAL};
    use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

    #[derive(Debug, PartialEq)]
    enum Cell {
        Null,
        I(i64),
        F(u64),
        B(bool),
        S(String),
        L(Vec<i64>),
    }
    use Cell::*;

    fn opt<T>(v: Option<T>, f: impl Fn(T) -> Cell) -> Cell {
        v.map_or(Null, f)
    }

    fn entities() -> Vec<Entity> {
        (0..300)
            .map(|i| Entity {
                key: if i == 7 {
                    String::new()
                } else {
                    format!("K{i}")
                },
                name: format!("Entité nº {i} «{}»", "ж".repeat(i % 5)),
                kind: EntityKind::State,
                iso3: None,
            })
            .collect()
    }

    fn category(code: u8) -> String {
        let c = Category::ALL.get(code as usize).copied();
        c.unwrap_or(Category::Unspecified).sipri_name().to_string()
    }

    fn deals(n: usize) -> Vec<Deal> {
        (0..n)
            .map(|i| Deal {
                sipri_id: (i % 7 != 3).then_some((i as u64) * 1_000_003_007 % (1 << 62)),
                supplier: (i * 7 % 300) as u32,
                recipient: (i * 13 + 5) as u32 % 300,
                // Repeating, then distinct: a dictionary given up on.
                designation: if i < 20_000 {
                    ["", "Ä-42 «x»", "T-72", "F-16C"][i % 4].into()
                } else {
                    format!("D-{i}")
                },
                description: format!("d{}", i % 3),
                category: [0, 5, 10, 255][i % 4],
                // A whole page of nulls, then some.
                order_year: (i > 20_000 || i % 5 != 0 && i < 1_500)
                    .then_some(1950 + (i % 80) as u16),
                order_year_estimated: (i % 3 != 0).then_some(i % 2 == 0),
                number_ordered: (i % 11 != 0).then_some((i * 37 % 100_000) as u32),
                number_ordered_estimated: None,
                number_delivered: (i % 2 == 0).then_some(i as u32),
                number_delivered_estimated: (i % 9 != 0).then_some(true),
                delivery_years: (0..i % 4).map(|k| 1990 + k as u16).collect(),
                status: ["New", "Second hand"][i % 2].into(),
                comments: if i % 6 == 0 {
                    String::new()
                } else {
                    format!("note {i} ±")
                },
                tiv_unit_new: (i % 4 != 0).then_some((i % 50) as f64 / 8.0),
                tiv_unit: (i % 3 != 0).then_some(i as f64 / 7.0),
                tiv_order: None,
                tiv_delivered: (i % 2 == 1).then_some(-0.0f64.max((i % 9) as f64)),
                local_production: (i % 4 != 1).then_some(i % 3 == 0),
                line: u32::MAX - i as u32,
            })
            .collect()
    }

    fn expect_deal(col: &str, d: &Deal, number: usize, ents: &[Entity]) -> Cell {
        let name = |id: u32| S(ents[id as usize].name.clone());
        let int = |v: u32| I(i64::from(v));
        let float = |v: f64| F(v.to_bits());
        match col {
            "deal" => I(number as i64),
            "sipri_id" => opt(d.sipri_id, |v| I(v as i64)),
            "supplier_id" => int(d.supplier),
            "recipient_id" => int(d.recipient),
            "supplier" => name(d.supplier),
            "recipient" => name(d.recipient),
            "designation" => S(d.designation.clone()),
            "description" => S(d.description.clone()),
            "category" => S(category(d.category)),
            "category_code" => I(i64::from(d.category)),
            "order_year" => opt(d.order_year, |v| I(i64::from(v))),
            "order_year_estimated" => opt(d.order_year_estimated, B),
            "number_ordered" => opt(d.number_ordered, int),
            "number_ordered_estimated" => opt(d.number_ordered_estimated, B),
            "number_delivered" => opt(d.number_delivered, int),
            "number_delivered_estimated" => opt(d.number_delivered_estimated, B),
            "delivery_years" => L(d.delivery_years.iter().map(|&y| i64::from(y)).collect()),
            "status" => S(d.status.clone()),
            "comments" => S(d.comments.clone()),
            "tiv_unit_new" => opt(d.tiv_unit_new, float),
            "tiv_unit" => opt(d.tiv_unit, float),
            "tiv_order" => opt(d.tiv_order, float),
            "tiv_delivered" => opt(d.tiv_delivered, float),
            "local_production" => opt(d.local_production, B),
            "line" => I(i64::from(d.line)),
            _ => panic!("no expectation for {col}"),
        }
    }

    fn expect_flow(col: &str, f: &Flows, i: usize, ents: &[Entity]) -> Cell {
        let (s, r) = (f.supplier[i] as usize, f.recipient[i] as usize);
        match col {
            "supplier_id" => I(s as i64),
            "recipient_id" => I(r as i64),
            "supplier" => S(ents[s].name.clone()),
            "recipient" => S(ents[r].name.clone()),
            "supplier_key" => S(ents[s].key.clone()),
            "recipient_key" => S(ents[r].key.clone()),
            "year" => I(i64::from(f.year[i])),
            "category" => S(category(f.category[i])),
            "category_code" => I(i64::from(f.category[i])),
            "tiv" => F(f.tiv[i].to_bits()),
            "units" => I(i64::from(f.units[i])),
            "flags" => I(i64::from(f.flags[i] as i16)),
            "estimated" => B(f.flags[i] & model::Flags::ANY_ESTIMATE != 0),
            "allocated" => B(f.flags[i] & model::Flags::ALLOCATED != 0),
            "deal" if f.deal[i] == NO_DEAL => Null,
            "deal" => I(i64::from(f.deal[i])),
            _ => panic!("no expectation for {col}"),
        }
    }

    fn cells(a: &ArrayRef) -> Vec<Cell> {
        (0..a.len())
            .map(|i| {
                if a.is_null(i) {
                    return Null;
                }
                match a.data_type() {
                    DataType::Dictionary(..) => {
                        let d = a.as_dictionary::<Int32Type>();
                        let k = d.keys().value(i) as usize;
                        S(d.values().as_string::<i32>().value(k).to_string())
                    }
                    DataType::Utf8 => S(a.as_string::<i32>().value(i).to_string()),
                    DataType::Int16 => I(a.as_primitive::<Int16Type>().value(i).into()),
                    DataType::Int32 => I(a.as_primitive::<Int32Type>().value(i).into()),
                    DataType::Int64 => I(a.as_primitive::<Int64Type>().value(i)),
                    DataType::UInt8 => I(a.as_primitive::<UInt8Type>().value(i).into()),
                    DataType::UInt32 => I(a.as_primitive::<UInt32Type>().value(i).into()),
                    DataType::Float64 => F(a.as_primitive::<Float64Type>().value(i).to_bits()),
                    DataType::Boolean => B(a.as_boolean().value(i)),
                    DataType::List(_) => {
                        let v = a.as_list::<i32>().value(i);
                        let v = v.as_primitive::<Int16Type>();
                        L(v.values().iter().map(|&y| i64::from(y)).collect())
                    }
                    t => panic!("unexpected type {t}"),
                }
            })
            .collect()
    }

    /// Reads `path` back and checks every cell with `expect(column, row)`;
    /// returns the rows of each row group.
    fn check(path: &Path, rows: usize, expect: &dyn Fn(&str, usize) -> Cell) -> Vec<i64> {
        let reader = ParquetRecordBatchReaderBuilder::try_new(File::open(path).unwrap()).unwrap();
        let groups = reader
            .metadata()
            .row_groups()
            .iter()
            .map(|g| g.num_rows())
            .collect();
        let mut at = 0;
        for batch in reader.build().unwrap() {
            let batch = batch.unwrap();
            for (field, col) in batch.schema().fields().iter().zip(batch.columns()) {
                for (i, got) in cells(col).into_iter().enumerate() {
                    let want = expect(field.name(), at + i);
                    assert_eq!(got, want, "{} row {}", field.name(), at + i);
                }
            }
            at += batch.num_rows();
        }
        assert_eq!(at, rows);
        groups
    }

    fn write_deals(path: &Path, all: &[Deal], d: &Dicts, batch: usize, group: usize) {
        let mut w = PqWriter::create(path, deals_schema(), group).unwrap();
        for (k, part) in all.chunks(batch).enumerate() {
            let first = k * batch;
            w.write(part.len(), &|col, rows| {
                deal_column(d, col, first + rows.start, &part[rows])
            })
            .unwrap();
        }
        let syncs = Syncs::default();
        w.finish(&syncs).unwrap();
        syncs.finish().unwrap();
    }

    #[test]
    fn every_deal_column_reads_back_as_written() {
        let tmp = tempfile::tempdir().unwrap();
        let ents = entities();
        let d = Dicts::new(&ents);
        // Pages of 20,000 rows: a page of nulls, pages across batches.
        // Row groups past `pages::PROBE` rows and short of it.
        for (n, batch, group) in [(70_000, 7_000, 66_000), (2_345, 700, 1_000), (1, 1, 10)] {
            let all = deals(n);
            let path = tmp.path().join(format!("deals-{n}.parquet"));
            write_deals(&path, &all, &d, batch, group);
            let groups = check(&path, n, &|col, i| expect_deal(col, &all[i], i, &ents));
            let want: Vec<i64> = (0..n)
                .step_by(group)
                .map(|a| (n - a).min(group) as i64)
                .collect();
            assert_eq!(groups, want);
            if n == 70_000 {
                // Distinct designations and unit TIVs went PLAIN; statuses
                // kept their dictionary.
                let f = File::open(&path).unwrap();
                let r = ParquetRecordBatchReaderBuilder::try_new(f).unwrap();
                let g = r.metadata().row_group(0);
                let dict = |name: &str| {
                    let c = g
                        .columns()
                        .iter()
                        .find(|c| c.column_path().string() == name);
                    c.unwrap()
                        .encodings()
                        .any(|e| e == parquet::basic::Encoding::RLE_DICTIONARY)
                };
                assert!(!dict("designation") && !dict("tiv_unit") && dict("status"));
            }
        }
    }

    #[test]
    fn every_flow_column_reads_back_as_written() {
        let tmp = tempfile::tempdir().unwrap();
        let ents = entities();
        let d = Dicts::new(&ents);
        let n = 50_000;
        let mut f = Flows::with_capacity(n);
        for i in 0..n {
            f.supplier.push((i * 7 % 300) as u32);
            f.recipient.push((i % 290) as u32);
            // Sorted years (long runs), as flows are stored.
            f.year.push(1950 + (i * 75 / n) as u16);
            f.category.push([0, 3, 10, 255, 200][i % 5]);
            f.tiv.push(if i % 3 == 0 { 1.5 } else { i as f64 / 13.0 });
            f.units.push((i * 31 % 4000) as u32);
            f.flags.push([0, 1, 16, 0x8001, 255][i % 5]);
            f.deal
                .push(if i % 4 == 0 { NO_DEAL } else { (i * 3) as u32 });
        }
        let path = tmp.path().join("flows.parquet");
        let mut w = PqWriter::create(&path, flows_schema(), 30_000).unwrap();
        for part in (0..n).step_by(8_000) {
            let rows: Vec<u32> = (part as u32..(part + 8_000).min(n) as u32).collect();
            let batch = f.gather(&rows);
            w.write(batch.len(), &|col, r| flow_column(&d, &batch, col, r))
                .unwrap();
        }
        let syncs = Syncs::default();
        w.finish(&syncs).unwrap();
        syncs.finish().unwrap();
        let groups = check(&path, n, &|col, i| expect_flow(col, &f, i, &ents));
        assert_eq!(groups, vec![30_000, 20_000]);
        // `year` keeps the statistics windowed loads skip row groups by.
        let groups = crate::read::row_groups_for_years(&path, 1950, 1960).unwrap();
        assert_eq!(groups, vec![0]);
    }
}

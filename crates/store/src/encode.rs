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
/// Asked once per process: each `available_parallelism` call reads four
/// cgroup files (14 system calls), and an import opens several writers.
pub(crate) fn threads() -> usize {
    static THREADS: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *THREADS.get_or_init(|| std::thread::available_parallelism().map_or(1, |n| n.get().min(8)))
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
            // Rows this call adds to the open row group.
            let take = (self.group_rows - *filled).min(rows - at);
            let (schema, path, range) = (&self.schema, &self.path, at..at + take);
            par_each(slots, self.threads, path, &|i, slot| {
                let field = &schema.fields()[i];
                fill(slot, field, build(field.name(), range.clone())?, take, path)
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
        syncs.add_digested(&self.path, file);
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

#[cfg(test)]
mod roundtrip;

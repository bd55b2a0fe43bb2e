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
use crate::durable::Syncs;
use arrow_array::ArrayRef;
use arrow_schema::{DataType, SchemaRef};
use parquet::arrow::ArrowWriter;
use parquet::arrow::arrow_writer::{ArrowColumnWriter, ArrowRowGroupWriterFactory, compute_leaves};
use parquet::basic::Compression;
use parquet::file::properties::{EnabledStatistics, WriterProperties};
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::types::ColumnPath;
use std::fs::File;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Builds column `i` (schema order) of rows `range` of the caller's rows.
pub(crate) type Build<'a> = dyn Fn(usize, Range<usize>) -> Result<ArrayRef, StoreError> + Sync + 'a;

/// Columns that get no Parquet dictionary: (nearly) every value is distinct,
/// so a dictionary would only cost a hash-table probe per value (the largest
/// single cost of writing) and then be abandoned at its size limit, and the
/// plain encoding is as small. Free-text columns are here too: SIPRI's
/// comments are mostly unique, and a deal's designation repeats only a few
/// times.
const PLAIN: [&str; 6] = [
    "deal",
    "sipri_id",
    "line",
    "comments",
    "designation",
    "tiv_delivered",
];

/// Writer properties for `schema`: row groups of `rows` rows, snappy, a
/// dictionary only where values repeat, statistics only where readers use them.
pub(crate) fn properties(schema: &SchemaRef, rows: usize) -> WriterProperties {
    let mut props = WriterProperties::builder()
        .set_compression(Compression::SNAPPY)
        .set_max_row_group_row_count(Some(rows));
    for f in schema.fields() {
        let col = || ColumnPath::from(f.name().as_str());
        // Min/max of text columns cost a string comparison per value at write
        // time and no reader uses them: only `year`'s statistics skip row groups.
        if matches!(f.data_type(), DataType::Utf8 | DataType::Dictionary(..)) {
            props = props.set_column_statistics_enabled(col(), EnabledStatistics::None);
        }
        if PLAIN.contains(&f.name().as_str()) {
            props = props.set_column_dictionary_enabled(col(), false);
        }
    }
    props.build()
}

/// How many threads encode the columns of one file.
pub(crate) fn threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get().min(8))
}

/// A Parquet file being written row group by row group.
pub(crate) struct PqWriter {
    path: PathBuf,
    schema: SchemaRef,
    file: SerializedFileWriter<File>,
    factory: ArrowRowGroupWriterFactory,
    /// Rows per row group.
    group_rows: usize,
    /// Writers of the row group being filled, and its rows so far.
    open: Option<(Vec<ArrowColumnWriter>, usize)>,
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
            let (writers, filled) = match &mut self.open {
                Some(open) => open,
                None => {
                    let n = self.file.flushed_row_groups().len();
                    let writers = self
                        .factory
                        .create_column_writers(n)
                        .map_err(|e| werr(&self.path, &e))?;
                    self.open.insert((writers, 0))
                }
            };
            let take = (self.group_rows - *filled).min(rows - at);
            encode(
                &self.schema,
                writers,
                at..at + take,
                build,
                self.threads,
                &self.path,
            )?;
            *filled += take;
            at += take;
            if *filled == self.group_rows {
                self.close_group()?;
            }
        }
        Ok(())
    }

    /// Appends the open row group's column chunks to the file, in order.
    fn close_group(&mut self) -> Result<(), StoreError> {
        let Some((writers, _)) = self.open.take() else {
            return Ok(());
        };
        let path = &self.path;
        let mut group = self.file.next_row_group().map_err(|e| werr(path, &e))?;
        for w in writers {
            let chunk = w.close().map_err(|e| werr(path, &e))?;
            chunk
                .append_to_row_group(&mut group)
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

/// Builds and encodes rows `rows` of every column into `writers` (one per
/// column), on up to `threads` threads.
fn encode(
    schema: &SchemaRef,
    writers: &mut [ArrowColumnWriter],
    rows: Range<usize>,
    build: &Build<'_>,
    threads: usize,
    path: &Path,
) -> Result<(), StoreError> {
    if writers.len() != schema.fields().len() {
        return Err(werr(path, &"nested columns are not supported"));
    }
    let one = |i: usize, w: &mut ArrowColumnWriter| -> Result<(), StoreError> {
        let array = build(i, rows.clone())?;
        for leaf in compute_leaves(&schema.fields()[i], &array).map_err(|e| werr(path, &e))? {
            w.write(&leaf).map_err(|e| werr(path, &e))?;
        }
        Ok(())
    };
    let threads = threads.min(writers.len());
    if threads <= 1 {
        return writers
            .iter_mut()
            .enumerate()
            .try_for_each(|(i, w)| one(i, w));
    }
    // Threads take the next column as they become free.
    let queue = Mutex::new(writers.iter_mut().enumerate());
    let work = || -> Result<(), StoreError> {
        loop {
            let next = queue.lock().unwrap_or_else(|p| p.into_inner()).next();
            match next {
                Some((i, w)) => one(i, w)?,
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

//! Storing a release whose flows and deals arrive in batches (a streaming
//! reader), so that no more than a row group of either is in memory. The
//! files are the ones [`Store::put`] writes for the same release: same
//! schemas, flows in year order, row groups of `write::CHUNK` rows.

use crate::durable::Syncs;
use crate::encode::PqWriter;
use crate::write::{self, Dicts};
use crate::{PutOutcome, Result, Store, StoreError};
use model::{Deal, Entity, Flows, ImportReport, ReleaseMeta};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

/// Rows asked for per batch. Small batches keep their buffers below the
/// allocator's mmap threshold (reused, not page-faulted in afresh); the row
/// groups are still `CHUNK` rows, as the writer fills them across batches.
const DEAL_BATCH: usize = 1 << 13;
const FLOW_BATCH: usize = 1 << 16;

/// Pulls up to `n` further items; `Ok(None)` when there are no more.
pub type Batches<'a, T> = dyn FnMut(usize) -> std::result::Result<Option<T>, String> + Send + 'a;

/// Pulls up to `n` further deals, handing back the previous batch (empty at
/// first) so that the reader can reuse its allocations.
pub type DealBatches<'a> =
    dyn FnMut(usize, Vec<Deal>) -> std::result::Result<Option<Vec<Deal>>, String> + Send + 'a;

/// A release as a streaming reader hands it over.
pub struct Parts<'a> {
    pub meta: &'a ReleaseMeta,
    pub entities: &'a [Entity],
    pub report: &'a ImportReport,
    /// How many flows and deals the batches hold in all (checked).
    pub flows: u64,
    pub deals: u64,
    /// Flows in the order they are stored (year order).
    pub flow_batches: &'a mut Batches<'a, Flows>,
    /// Deals in number order.
    pub deal_batches: &'a mut DealBatches<'a>,
}

/// A scratch directory for an import into the store at `data_dir`, removed
/// when dropped. It is only named here: the streaming reader creates it when
/// it first needs the disk (a small file never does, so a bad small file
/// leaves the data directory untouched). It is a dot-entry of `releases/`
/// named like an import's temp dir, so a killed import's scratch is swept
/// like its temp dir, and it is on the store's file system.
#[derive(Debug)]
pub struct Scratch(PathBuf);

impl Scratch {
    pub fn new(data_dir: &Path) -> Scratch {
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        Scratch(
            data_dir
                .join("releases")
                .join(format!(".tmp-scratch-{}-{nanos}", std::process::id())),
        )
    }

    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

impl Store {
    /// [`Store::put`] for a release given as [`Parts`]: the same files, the
    /// same atomic rename, the same outcomes.
    pub fn put_parts(&self, parts: Parts<'_>) -> Result<PutOutcome> {
        let (id, sha) = (parts.meta.id.clone(), parts.meta.sha256.clone());
        self.put_with(&id, &sha, move |tmp| write_parts(tmp, parts))
    }
}

fn write_parts(dir: &Path, p: Parts<'_>) -> Result<()> {
    let syncs = Syncs::default();
    let written = write_files(dir, p, &syncs);
    // Every fsync has ended before the caller renames or removes `dir`.
    let synced = syncs.finish();
    written.and(synced)
}

fn write_files(dir: &Path, p: Parts<'_>, syncs: &Syncs) -> Result<()> {
    let bad = |path: PathBuf, reason: String| StoreError::Write { path, reason };
    let n = p.entities.len() as u64;
    if n > i32::MAX as u64 || p.deals > i32::MAX as u64 {
        return Err(bad(dir.to_path_buf(), "too many entities or deals".into()));
    }
    write::write_entities(dir, p.entities, syncs)?;
    let dicts = Dicts::new(p.entities);
    let (flow_batches, deal_batches) = (p.flow_batches, p.deal_batches);
    let (n_flows, n_deals) = (p.flows, p.deals);
    std::thread::scope(|s| {
        let dicts = &dicts;
        let deals = s.spawn(move || {
            let path = dir.join("deals.parquet");
            let mut count = 0u64;
            let mut w = PqWriter::create(&path, write::deals_schema(), write::CHUNK)?;
            let mut spent = Vec::new();
            while let Some(batch) =
                deal_batches(DEAL_BATCH, spent).map_err(|e| bad(path.clone(), e))?
            {
                write::check_deals(&batch, n).map_err(|e| bad(path.clone(), e))?;
                let first = count as usize;
                w.write(batch.len(), &|col, rows| {
                    write::deal_column(dicts, col, first + rows.start, &batch[rows])
                })?;
                count += batch.len() as u64;
                spent = batch;
            }
            if count != n_deals {
                return Err(bad(
                    path,
                    format!("{count} deals written, {n_deals} expected"),
                ));
            }
            w.finish(syncs)
        });
        let path = dir.join("flows.parquet");
        // Small releases also get the raw column cache (`crate::cache`).
        let mut cached = (n_flows <= crate::cache::MAX_ROWS as u64).then(Flows::default);
        let mut count = 0u64;
        let flows = (|| {
            let mut w = PqWriter::create(&path, write::flows_schema(), write::CHUNK)?;
            while let Some(batch) = flow_batches(FLOW_BATCH).map_err(|e| bad(path.clone(), e))? {
                write::check_flows(&batch, n, n_deals).map_err(|e| bad(path.clone(), e))?;
                w.write(batch.len(), &|col, rows| {
                    write::flow_column(dicts, &batch, col, rows)
                })?;
                count += batch.len() as u64;
                if let Some(c) = &mut cached {
                    c.append(&batch);
                }
            }
            if count != n_flows {
                return Err(bad(
                    path.clone(),
                    format!("{count} flows written, {n_flows} expected"),
                ));
            }
            w.finish(syncs)?;
            if let Some(c) = &cached {
                let cache = dir.join(crate::cache::FILE);
                // The digest `SHA256SUMS` will record, binding the cache to it.
                let digest =
                    crate::digests::Digest::of_file(&path).map_err(|e| StoreError::io(&path, e))?;
                let file = crate::cache::write(&cache, c, &path, Some(&digest.sha256))?;
                syncs.add(&cache, file);
            }
            Ok(())
        })();
        let deals = deals.join().unwrap_or_else(|_| {
            Err(bad(
                dir.join("deals.parquet"),
                "writer thread panicked".into(),
            ))
        });
        flows.and(deals)
    })?;
    crate::write_json(&dir.join("import-report.json"), p.report, syncs)?;
    crate::write_meta(dir, p.meta, syncs)
}

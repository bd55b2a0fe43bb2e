//! Making a release's files durable without waiting for each fsync in turn.
//!
//! An fsync costs a fraction of a millisecond to milliseconds of waiting and
//! almost no CPU. A release has about nine of them (every file, then the
//! directory), which used to run one after another on the import's critical
//! path. Here each file is handed over as soon as it is written and fsynced on
//! a helper thread, overlapping the encoding of the next file and the other
//! fsyncs; [`Syncs::finish`] waits for all of them, and the caller renames the
//! release into place only after that: nothing becomes visible before its
//! data is durable.

use crate::{Result, StoreError};
use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::mpsc::Receiver;

pub(crate) use crate::digests::Digest;
use std::thread::JoinHandle;

/// Fsyncs in flight (shared by the threads that write a release's files).
#[derive(Default)]
pub(crate) struct Syncs {
    pending: Mutex<Vec<(PathBuf, Pending)>>,
    /// Per file handed over with [`Syncs::add_digested`], its digest as read
    /// back from disk, sent by its fsync thread before it syncs.
    digests: Mutex<Vec<(PathBuf, Receiver<std::io::Result<Digest>>)>>,
}

enum Pending {
    Thread(JoinHandle<std::io::Result<()>>),
    /// No thread could be started: the fsync already ran, inline.
    Done(std::io::Result<()>),
}

impl Syncs {
    /// Fsyncs `file` (written in full at `path`) in the background.
    pub(crate) fn add(&self, path: &Path, file: File) {
        self.spawn(path, move || file.sync_all());
    }

    /// [`Syncs::add`], and the file's SHA-256 as read back from `path`, for
    /// [`Syncs::digests`]. Read back rather than hashed while written, so
    /// that the digest is of what the file system holds; on the fsync
    /// thread, beside the encoding of the next file.
    pub(crate) fn add_digested(&self, path: &Path, file: File) {
        let (tx, rx) = std::sync::mpsc::sync_channel(1);
        let at = path.to_path_buf();
        self.spawn(path, move || {
            let _ = tx.send(Digest::of_file(&at));
            file.sync_all()
        });
        self.digests
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .push((path.to_path_buf(), rx));
    }

    /// The digests of every file handed over with [`Syncs::add_digested`] so
    /// far, in that order; waits for their reading, not their fsyncs.
    pub(crate) fn digests(&self) -> Result<Vec<(PathBuf, Digest)>> {
        let taken = std::mem::take(&mut *self.digests.lock().unwrap_or_else(|p| p.into_inner()));
        taken
            .into_iter()
            .map(|(path, rx)| {
                // No thread could be started: read the file here.
                let d = rx.recv().unwrap_or_else(|_| Digest::of_file(&path));
                d.map(|d| (path.clone(), d))
                    .map_err(|e| StoreError::io(&path, e))
            })
            .collect()
    }

    fn spawn(&self, path: &Path, job: impl FnOnce() -> std::io::Result<()> + Send + 'static) {
        // A thread that cannot be started (resource limits) is not an
        // error: the fsync then runs here.
        let spawned = std::thread::Builder::new()
            .name("armsflow-fsync".into())
            .spawn(job);
        let pending = match spawned {
            Ok(h) => Pending::Thread(h),
            // The job's handle moved into the failed spawn and is closed:
            // sync the file again through a fresh one (a digest's sender
            // is gone with it, and `digests` reads the file itself).
            Err(_) => match File::open(path) {
                Ok(f) => Pending::Done(f.sync_all()),
                Err(e) => Pending::Done(Err(e)),
            },
        };
        self.pending
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .push((path.to_path_buf(), pending));
    }

    /// Fsyncs directory `dir` (its entries) in the background.
    pub(crate) fn add_dir(&self, dir: &Path) -> Result<()> {
        let f = File::open(dir).map_err(|e| StoreError::io(dir, e))?;
        self.add(dir, f);
        Ok(())
    }

    /// Waits for every fsync; the first failure (in the order the files were
    /// handed over) is the error, naming its file.
    pub(crate) fn finish(self) -> Result<()> {
        let pending = self.pending.into_inner().unwrap_or_else(|p| p.into_inner());
        let mut first = Ok(());
        for (path, p) in pending {
            let r = match p {
                Pending::Thread(h) => h
                    .join()
                    .unwrap_or_else(|_| Err(std::io::Error::other("fsync thread panicked"))),
                Pending::Done(r) => r,
            };
            if let (Err(e), Ok(())) = (r, &first) {
                first = Err(StoreError::io(&path, e));
            }
        }
        first
    }
}

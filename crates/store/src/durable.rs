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
use std::thread::JoinHandle;

/// Fsyncs in flight (shared by the threads that write a release's files).
#[derive(Default)]
pub(crate) struct Syncs {
    pending: Mutex<Vec<(PathBuf, Pending)>>,
}

enum Pending {
    Thread(JoinHandle<std::io::Result<()>>),
    /// No thread could be started: the fsync already ran, inline.
    Done(std::io::Result<()>),
}

impl Syncs {
    /// Fsyncs `file` (written in full at `path`) in the background.
    pub(crate) fn add(&self, path: &Path, file: File) {
        let job = move || file.sync_all();
        // A thread that cannot be started (resource limits) is not an
        // error: the fsync then runs here.
        let spawned = std::thread::Builder::new()
            .name("armsflow-fsync".into())
            .spawn(job);
        let pending = match spawned {
            Ok(h) => Pending::Thread(h),
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

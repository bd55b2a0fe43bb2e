//! Release snapshots on disk, one immutable directory per release:
//!
//! ```text
//! <data dir>/releases/<id>/{flows,deals,entities,world_totals?}.parquet
//!                          release.json, import-report.json
//! ```
//!
//! A release appears all at once or not at all: it is written into a dot-named
//! temp directory, fsynced, and renamed into place. Readers ignore dot-entries,
//! so a killed import leaves nothing visible (its temp dir is swept later).
//! See `docs/store.md` for the column layout.

mod clock;
mod read;
mod write;

pub use clock::rfc3339_utc;

use model::{ImportReport, Release, ReleaseMeta};
use std::fs::{self, File};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// Environment variable that overrides the default data directory.
pub const DATA_DIR_ENV: &str = "ARMSFLOW_DATA_DIR";

/// Temp dirs older than this are swept even if their writer's pid looks alive
/// (pids are reused).
const STALE_AFTER: Duration = Duration::from_secs(3600);

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{}: {err}", path.display())]
    Io { path: PathBuf, err: std::io::Error },
    #[error("{}: corrupt release: {reason}", path.display())]
    Corrupt { path: PathBuf, reason: String },
    #[error("{}: cannot write release: {reason}", path.display())]
    Write { path: PathBuf, reason: String },
    #[error("no release '{id}' in {}", dir.display())]
    NotFound { id: String, dir: PathBuf },
    #[error("'{0}' is not a valid release id (letters, digits, '.', '_' and '-' only)")]
    InvalidId(String),
    #[error("release {id} is already stored from different bytes (sha256 {stored}, not {new})")]
    Conflict {
        id: String,
        stored: String,
        new: String,
    },
}

impl StoreError {
    pub(crate) fn io(path: &Path, err: std::io::Error) -> StoreError {
        StoreError::Io {
            path: path.to_path_buf(),
            err,
        }
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// What `put` did. Same id means same bytes, so a second put is a no-op.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PutOutcome {
    Created(String),
    AlreadyPresent(String),
}

impl PutOutcome {
    pub fn id(&self) -> &str {
        match self {
            PutOutcome::Created(id) | PutOutcome::AlreadyPresent(id) => id,
        }
    }

    pub fn is_created(&self) -> bool {
        matches!(self, PutOutcome::Created(_))
    }
}

/// A data directory holding releases.
#[derive(Debug, Clone)]
pub struct Store {
    dir: PathBuf,
}

impl Store {
    /// Opens (creating if needed) the store at `dir`.
    pub fn open(dir: impl Into<PathBuf>) -> Result<Store> {
        let store = Store { dir: dir.into() };
        let releases = store.releases_dir();
        fs::create_dir_all(&releases).map_err(|e| StoreError::io(&releases, e))?;
        Ok(store)
    }

    /// `$ARMSFLOW_DATA_DIR`, else `$XDG_DATA_HOME/armsflow`, else
    /// `~/.local/share/armsflow`; `None` when not even `HOME` is set.
    pub fn default_dir() -> Option<PathBuf> {
        let var = |k: &str| {
            std::env::var_os(k)
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        };
        if let Some(d) = var(DATA_DIR_ENV) {
            return Some(d);
        }
        if let Some(x) = var("XDG_DATA_HOME").filter(|p| p.is_absolute()) {
            return Some(x.join("armsflow"));
        }
        var("HOME").map(|h| h.join(".local/share/armsflow"))
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn releases_dir(&self) -> PathBuf {
        self.dir.join("releases")
    }

    /// Stores `release` with its import report, stamping `imported_at`.
    pub fn put(&self, release: &Release, report: &ImportReport) -> Result<PutOutcome> {
        let id = release.meta.id.clone();
        check_id(&id)?;
        let releases = self.releases_dir();
        self.sweep_stale_temp_dirs();
        let target = releases.join(&id);
        if target.exists() {
            return self.already_present(&id, &release.meta.sha256);
        }
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        let tmp = releases.join(format!(".tmp-{id}-{}-{nanos}", std::process::id()));
        fs::create_dir(&tmp).map_err(|e| StoreError::io(&tmp, e))?;
        if let Err(e) = write_all(&tmp, release, report) {
            let _ = fs::remove_dir_all(&tmp);
            return Err(e);
        }
        match fs::rename(&tmp, &target) {
            Ok(()) => {
                sync_dir(&releases)?;
                Ok(PutOutcome::Created(id))
            }
            Err(e) => {
                let _ = fs::remove_dir_all(&tmp);
                // A concurrent import of the same file won the race.
                if target.join("release.json").exists() {
                    self.already_present(&id, &release.meta.sha256)
                } else {
                    Err(StoreError::io(&target, e))
                }
            }
        }
    }

    fn already_present(&self, id: &str, sha256: &str) -> Result<PutOutcome> {
        let stored: ReleaseMeta = self.meta(id)?;
        if stored.sha256 != sha256 {
            return Err(StoreError::Conflict {
                id: id.to_string(),
                stored: stored.sha256,
                new: sha256.to_string(),
            });
        }
        Ok(PutOutcome::AlreadyPresent(id.to_string()))
    }

    /// Removes temp dirs left by killed imports: those whose writer is gone, or
    /// that are older than an hour. Best effort: failures are ignored, since a
    /// leftover temp dir is invisible to readers.
    fn sweep_stale_temp_dirs(&self) {
        let Ok(entries) = fs::read_dir(self.releases_dir()) else {
            return;
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let Some(rest) = name.strip_prefix(".tmp-") else {
                continue;
            };
            // `.tmp-<id>-<pid>-<nanos>`: the id may itself contain dashes.
            let pid = rest
                .split('-')
                .rev()
                .nth(1)
                .and_then(|p| p.parse::<u32>().ok());
            let old = entry
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| t.elapsed().ok())
                .is_some_and(|age| age > STALE_AFTER);
            if old || pid.is_some_and(|p| !pid_alive(p)) {
                let _ = fs::remove_dir_all(entry.path());
            }
        }
    }

    /// Release metas, oldest first by SIPRI's generated date, then import time.
    pub fn list(&self) -> Result<Vec<ReleaseMeta>> {
        let releases = self.releases_dir();
        let entries = fs::read_dir(&releases).map_err(|e| StoreError::io(&releases, e))?;
        let mut out = Vec::new();
        for entry in entries {
            let entry = entry.map_err(|e| StoreError::io(&releases, e))?;
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') || !entry.path().is_dir() {
                continue;
            }
            out.push(self.meta(&name)?);
        }
        out.sort_by(|a, b| {
            (&a.generated, &a.imported_at, &a.id).cmp(&(&b.generated, &b.imported_at, &b.id))
        });
        Ok(out)
    }

    /// The newest release, if any.
    pub fn latest(&self) -> Result<Option<ReleaseMeta>> {
        Ok(self.list()?.pop())
    }

    fn release_dir(&self, id: &str) -> Result<PathBuf> {
        check_id(id)?;
        let dir = self.releases_dir().join(id);
        if !dir.is_dir() {
            return Err(StoreError::NotFound {
                id: id.to_string(),
                dir: self.dir.clone(),
            });
        }
        Ok(dir)
    }

    /// The stored meta of release `id`.
    pub fn meta(&self, id: &str) -> Result<ReleaseMeta> {
        let path = self.release_dir(id)?.join("release.json");
        let meta: ReleaseMeta = read::read_json(path.clone())?;
        if meta.id != id {
            return Err(StoreError::Corrupt {
                path,
                reason: format!("holds release '{}', not '{id}'", meta.id),
            });
        }
        Ok(meta)
    }

    /// Loads release `id` in full.
    pub fn load(&self, id: &str) -> Result<Release> {
        let meta = self.meta(id)?;
        read::load_release(&self.release_dir(id)?, meta)
    }

    /// Loads release `id` without its deal table (see
    /// `read::load_release_without_deals`): delivery-year queries need only flows.
    pub fn load_without_deals(&self, id: &str) -> Result<Release> {
        let meta = self.meta(id)?;
        read::load_release_without_deals(&self.release_dir(id)?, meta)
    }

    /// Loads only the flows of release `id` delivered in `first..=last` (no deal
    /// table): one-window metrics on very large releases decode a fraction of
    /// the file. Aggregates over those years equal those of a full load.
    pub fn load_years(&self, id: &str, first: u16, last: u16) -> Result<Release> {
        let meta = self.meta(id)?;
        read::load_release_years(&self.release_dir(id)?, meta, first, last)
    }

    /// The import report stored with release `id`.
    pub fn report(&self, id: &str) -> Result<ImportReport> {
        read::read_json(self.release_dir(id)?.join("import-report.json"))
    }
}

/// Ids become directory names: keep them to a safe alphabet and never hidden.
fn check_id(id: &str) -> Result<()> {
    let ok = !id.is_empty()
        && !id.starts_with('.')
        && id.len() <= 200
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'));
    if ok {
        Ok(())
    } else {
        Err(StoreError::InvalidId(id.to_string()))
    }
}

fn write_all(dir: &Path, release: &Release, report: &ImportReport) -> Result<()> {
    write::write_release(dir, release)?;
    let mut meta = release.meta.clone();
    meta.imported_at = rfc3339_utc(SystemTime::now());
    write_json(&dir.join("import-report.json"), report)?;
    // release.json last: its presence marks a complete directory.
    write_json(&dir.join("release.json"), &meta)?;
    sync_dir(dir)
}

fn write_json<T: serde::Serialize>(path: &Path, value: &T) -> Result<()> {
    let bytes = serde_json::to_vec_pretty(value).map_err(|e| StoreError::Write {
        path: path.to_path_buf(),
        reason: e.to_string(),
    })?;
    let io = |e| StoreError::io(path, e);
    let mut f = File::create(path).map_err(io)?;
    std::io::Write::write_all(&mut f, &bytes).map_err(io)?;
    f.sync_all().map_err(io)
}

fn sync_dir(dir: &Path) -> Result<()> {
    File::open(dir)
        .and_then(|f| f.sync_all())
        .map_err(|e| StoreError::io(dir, e))
}

/// Whether process `pid` exists. Without `/proc` we cannot tell, so we say
/// yes and leave sweeping to the age rule.
fn pid_alive(pid: u32) -> bool {
    let proc = Path::new("/proc");
    !proc.join("self").exists() || proc.join(pid.to_string()).exists()
}

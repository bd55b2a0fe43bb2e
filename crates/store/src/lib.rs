//! Release snapshots on disk, one immutable directory per release:
//!
//! ```text
//! <data dir>/releases/<id>/{flows,deals,entities,world_totals?}.parquet
//!                          release.json, import-report.json, SHA256SUMS
//! ```
//!
//! A release appears all at once or not at all: it is written into a dot-named
//! temp directory, fsynced, and renamed into place. Readers ignore dot-entries,
//! so a killed import leaves nothing visible (its temp dir is swept later).
//! See `docs/store.md` for the column layout.

mod cache;
mod chunk;
mod clock;
mod digests;
mod durable;
mod encode;
mod packing;
mod pages;
mod read;
mod scan;
mod stream;
mod view;

pub use view::FlowColumns;
mod write;

pub use clock::rfc3339_utc;
pub use digests::Integrity;
pub use stream::{Parts, Scratch};

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

impl StoreError {
    /// The error without the path: for listings that already name the entry.
    pub fn reason(&self) -> String {
        match self {
            StoreError::Io { path, err } => match path.file_name() {
                Some(f) => format!("{}: {err}", f.to_string_lossy()),
                None => err.to_string(),
            },
            StoreError::Corrupt { path, reason } | StoreError::Write { path, reason } => {
                match path.file_name() {
                    Some(f) => format!("{}: {reason}", f.to_string_lossy()),
                    None => reason.clone(),
                }
            }
            other => other.to_string(),
        }
    }
}

/// An entry of `releases/` that is not a valid release: a stray file or
/// folder, or a release with a missing or unreadable file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Damaged {
    /// The entry's name inside `releases/` (never a full path).
    pub name: String,
    /// What is wrong, naming the file inside the entry.
    pub reason: String,
}

/// What [`Store::scan`] found.
#[derive(Debug, Clone, Default)]
pub struct Scan {
    /// Valid releases, oldest first (as [`Store::list`]).
    pub releases: Vec<ReleaseMeta>,
    /// Entries that are not valid releases, by name.
    pub damaged: Vec<Damaged>,
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// What `put` did. Same id means same bytes, so a second put is a no-op.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PutOutcome {
    Created(String),
    AlreadyPresent(String),
    /// A damaged copy (see [`Store::scan`]) was replaced by this one.
    Repaired(String),
}

impl PutOutcome {
    pub fn id(&self) -> &str {
        match self {
            PutOutcome::Created(id) | PutOutcome::AlreadyPresent(id) | PutOutcome::Repaired(id) => {
                id
            }
        }
    }

    /// Whether this put wrote the release (new, or replacing a damaged copy).
    pub fn is_created(&self) -> bool {
        matches!(self, PutOutcome::Created(_) | PutOutcome::Repaired(_))
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

    /// Opens the existing store at `dir` for reading, creating nothing: a
    /// mistyped data directory is an error, not a new empty store. A directory
    /// without `releases/` is an empty store.
    pub fn open_existing(dir: impl Into<PathBuf>) -> Result<Store> {
        let store = Store { dir: dir.into() };
        match fs::metadata(&store.dir) {
            Ok(m) if m.is_dir() => Ok(store),
            Ok(_) => Err(StoreError::io(
                &store.dir,
                std::io::Error::new(std::io::ErrorKind::NotADirectory, "not a directory"),
            )),
            Err(e) => Err(StoreError::io(&store.dir, e)),
        }
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
        self.put_with(&release.meta.id, &release.meta.sha256, |tmp| {
            write_all(tmp, release, report)
        })
    }

    /// [`Store::put`] with the files written by `write` into a fresh temp
    /// directory, which is then renamed into place.
    fn put_with(
        &self,
        id: &str,
        sha256: &str,
        write: impl FnOnce(&Path) -> Result<()>,
    ) -> Result<PutOutcome> {
        let id = id.to_string();
        check_id(&id)?;
        let releases = self.releases_dir();
        self.sweep_stale_temp_dirs();
        let target = releases.join(&id);
        // A whole release with this id: nothing to do. A damaged one (a
        // missing or unreadable file) is replaced by this import.
        let damaged = match fs::symlink_metadata(&target) {
            Err(_) => false,
            Ok(_) => match self.verify(&id) {
                Ok(()) => return self.already_present(&id, sha256),
                Err(_) => true,
            },
        };
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        let tmp = releases.join(format!(".tmp-{id}-{}-{nanos}", std::process::id()));
        fs::create_dir(&tmp).map_err(|e| StoreError::io(&tmp, e))?;
        if let Err(e) = write(&tmp) {
            let _ = fs::remove_dir_all(&tmp);
            return Err(e);
        }
        if damaged {
            // Move the damaged entry aside under a dot-name (invisible to
            // readers, swept like a killed import), then rename into place: at
            // no point is a half release visible under the id.
            let aside = releases.join(format!(".tmp-{id}-damaged-{}-{nanos}", std::process::id()));
            if let Err(e) = fs::rename(&target, &aside) {
                let _ = fs::remove_dir_all(&tmp);
                return Err(StoreError::io(&target, e));
            }
            let _ = fs::remove_dir_all(&aside).or_else(|_| fs::remove_file(&aside));
        }
        match fs::rename(&tmp, &target) {
            Ok(()) => {
                sync_dir(&releases)?;
                Ok(if damaged {
                    PutOutcome::Repaired(id)
                } else {
                    PutOutcome::Created(id)
                })
            }
            Err(e) => {
                let _ = fs::remove_dir_all(&tmp);
                // A concurrent import of the same file won the race.
                if target.join("release.json").exists() {
                    self.already_present(&id, sha256)
                } else {
                    Err(StoreError::io(&target, e))
                }
            }
        }
    }

    /// Whether stored release `id` is whole, reading it in full: re-importing
    /// is rare, and a release that passes only the cheap [`Store::check`] but
    /// fails to load must still be repairable.
    fn verify(&self, id: &str) -> Result<()> {
        self.check(id)?;
        self.verify_files(id)?;
        self.load(id).map(drop)
    }

    /// Checks release `id`'s files against the SHA-256 digests recorded at
    /// import (`SHA256SUMS`), reading every byte: the one check that sees a
    /// flipped bit which still decodes to valid values.
    pub fn verify_files(&self, id: &str) -> Result<Integrity> {
        // A release imported with digests that lost them is damaged.
        self.meta(id)?;
        digests::check(&self.release_dir(id)?)
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
    /// Entries of `releases/` that are not valid releases are left out: see
    /// [`Store::scan`] to learn about them.
    pub fn list(&self) -> Result<Vec<ReleaseMeta>> {
        Ok(self.scan()?.releases)
    }

    /// Every entry of `releases/`: the valid releases (as [`Store::list`]) and
    /// the damaged ones, so that one stray folder or a half-deleted release
    /// never takes the others down. Dot-entries (imports in progress) are not
    /// releases and appear in neither list. The check is cheap (JSON files and
    /// Parquet footers, not the data): a release that passes can still fail to
    /// load, with an error naming its file.
    pub fn scan(&self) -> Result<Scan> {
        self.scan_with(true)
    }

    /// The newest whole release (a whole register before a scoped download,
    /// see [`model::default_release`]), checking only what it takes to choose it:
    /// every entry's `release.json` is read (for the order), then entries are
    /// [`Store::check`]ed newest first until one passes. Entries found damaged
    /// on the way (unreadable `release.json`, or newer than the chosen one and
    /// failing the check) are returned so the caller can warn: a damaged
    /// release is never chosen, and never skipped silently. Older releases
    /// are not checked, because they are not used.
    pub fn latest_whole(&self) -> Result<(Option<ReleaseMeta>, Vec<Damaged>)> {
        self.latest_whole_except(&[])
    }

    /// [`Store::latest_whole`] passing over the releases in `skip` (found
    /// damaged by a load, which checks more than this choice does).
    pub fn latest_whole_except(
        &self,
        skip: &[String],
    ) -> Result<(Option<ReleaseMeta>, Vec<Damaged>)> {
        let Scan {
            mut releases,
            mut damaged,
        } = self.scan_with(false)?;
        releases.retain(|m| !skip.contains(&m.id));
        // Newest first, whole registers before downloads scoped to some
        // countries ([`model::default_release`]); `pop` takes from the end.
        releases.sort_by_key(|m| !m.is_scoped());
        while let Some(meta) = releases.pop() {
            match self.check(&meta.id) {
                Ok(meta) => return Ok((Some(meta), damaged)),
                Err(e) => damaged.push(Damaged {
                    name: meta.id,
                    reason: e.reason(),
                }),
            }
        }
        Ok((None, damaged))
    }

    /// [`Store::scan`]; with `full` false only each entry's `release.json` is
    /// read (the metas, in order), not its report or Parquet footers.
    fn scan_with(&self, full: bool) -> Result<Scan> {
        let releases = self.releases_dir();
        let entries = match fs::read_dir(&releases) {
            Ok(e) => e,
            // A data dir that never saw an import has no `releases/` yet.
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && self.dir.is_dir() => {
                return Ok(Scan::default());
            }
            Err(e) => return Err(StoreError::io(&releases, e)),
        };
        let mut scan = Scan::default();
        for entry in entries {
            let entry = entry.map_err(|e| StoreError::io(&releases, e))?;
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') {
                continue;
            }
            let reason = if entry.path().is_dir() {
                let checked = if full {
                    self.check(&name)
                } else {
                    self.meta(&name)
                };
                match checked {
                    Ok(meta) => {
                        scan.releases.push(meta);
                        continue;
                    }
                    Err(e) => e.reason(),
                }
            } else {
                "a file, not a release directory".to_string()
            };
            scan.damaged.push(Damaged { name, reason });
        }
        scan.releases.sort_by(|a, b| {
            (&a.generated, &a.imported_at, &a.id).cmp(&(&b.generated, &b.imported_at, &b.id))
        });
        scan.damaged.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(scan)
    }

    /// Release `id`'s meta if its directory looks whole: readable
    /// `release.json` and `import-report.json`, and the Parquet files present
    /// with a readable footer.
    pub fn check(&self, id: &str) -> Result<ReleaseMeta> {
        let dir = self.releases_dir().join(id);
        if !dir.is_dir() {
            return Err(StoreError::Corrupt {
                path: dir,
                reason: "not a directory".into(),
            });
        }
        let meta = self.meta(id)?;
        self.report(id)?;
        read::check_footers(&dir)?;
        Ok(meta)
    }

    /// The release queries use by default ([`model::default_release`]).
    pub fn latest(&self) -> Result<Option<ReleaseMeta>> {
        let mut list = self.list()?;
        Ok(model::default_release(&list).map(|i| list.swap_remove(i)))
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
        if meta.digests && !path.with_file_name(digests::FILE).exists() {
            return Err(StoreError::Corrupt {
                path: path.with_file_name(digests::FILE),
                reason: "missing, though this release was imported with it: its files cannot be \
                         checked; importing the release's original file again repairs it"
                    .into(),
            });
        }
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

    /// Release `id` without deals and with its `flows` left empty, and its
    /// flows as [`FlowColumns`]: mapped from the `flows.cols` cache when that
    /// is usable, nothing copied. For one-question processes by delivery year.
    pub fn load_view(&self, id: &str) -> Result<(Release, FlowColumns)> {
        let meta = self.meta(id)?;
        view::load_view(&self.release_dir(id)?, meta)
    }

    /// Folds the flows of release `id` that may lie in `first..=last` into
    /// partial results (`init` gets the number of entities), decoding only the aggregation columns and the row
    /// groups that meet the window, on two threads; `fold` gets batches (it
    /// must apply the window itself) and the parts come back in file order.
    /// The release comes back without flows or deals.
    pub fn fold_years<A: Send>(
        &self,
        id: &str,
        (first, last): (u16, u16),
        init: &(dyn Fn(usize) -> A + Sync),
        fold: &(dyn Fn(&mut A, &model::FlowView<'_>) + Sync),
    ) -> Result<(Release, Vec<A>)> {
        let meta = self.meta(id)?;
        scan::fold_years(&self.release_dir(id)?, meta, (first, last), init, fold)
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
    let syncs = durable::Syncs::default();
    let written = write::write_release(dir, release, &syncs, || {
        write_json(&dir.join("import-report.json"), report, &syncs)
    })
    .and_then(|()| write_meta(dir, &release.meta, &syncs));
    // Every fsync has ended, failed or not, before the caller renames or
    // removes the directory.
    let synced = syncs.finish();
    written.and(synced)
}

/// `release.json`, stamping `imported_at`, `SHA256SUMS`, and the
/// directory's fsync.
fn write_meta(dir: &Path, meta: &ReleaseMeta, syncs: &durable::Syncs) -> Result<()> {
    let mut meta = meta.clone();
    meta.imported_at = rfc3339_utc(SystemTime::now());
    meta.digests = true;
    write_json(&dir.join("release.json"), &meta, syncs)?;
    // Last: the digests of every file above, read back from disk.
    digests::write_sums(dir, syncs)?;
    syncs.add_dir(dir)
}

/// Writes `value` as JSON, refusing anything that would not read back as the
/// same type (serde_json writes a non-finite float as `null`, which then fails
/// to load): nothing is written that cannot be read back.
fn write_json<T: serde::Serialize + serde::de::DeserializeOwned>(
    path: &Path,
    value: &T,
    syncs: &durable::Syncs,
) -> Result<()> {
    let werr = |reason: String| StoreError::Write {
        path: path.to_path_buf(),
        reason,
    };
    let bytes = serde_json::to_vec_pretty(value).map_err(|e| werr(e.to_string()))?;
    serde_json::from_slice::<T>(&bytes)
        .map_err(|e| werr(format!("would not read back ({e}): a value is not finite")))?;
    let io = |e| StoreError::io(path, e);
    let mut f = File::create(path).map_err(io)?;
    std::io::Write::write_all(&mut f, &bytes).map_err(io)?;
    syncs.add_digested(path, f);
    Ok(())
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

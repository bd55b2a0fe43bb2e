//! Server state: the store, loaded releases, the SYNTHETIC demo and the
//! response cache.
//!
//! Releases are immutable, so a loaded `Arc<Release>` is shared by every
//! request and kept for the life of the process (a data dir holds a handful).
//! The release listing is re-read every [`LISTING_TTL`] by a background task
//! on the blocking pool (never on a request's path), so a release imported or
//! removed while the server runs shows up without a restart, and entries of
//! `releases/` that are not valid releases are reported by `/api/health`.

use crate::Limits;
use crate::cache::ResponseCache;
use crate::error::{ApiError, ApiResult};
use crate::work::Queue;
use axum::http::StatusCode;
use model::{ImportReport, Release, ReleaseMeta};
use std::collections::HashMap;
use std::path::Path;
use std::sync::atomic::AtomicBool;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock, Weak};
use std::time::{Duration, Instant};
use store::Store;

/// Shortest admin token accepted: 16 characters (about 95 bits from a
/// password generator) resist guessing even without the rate limit.
pub const MIN_TOKEN_LEN: usize = 16;

/// How long a release listing is trusted before the data dir is re-read.
pub const LISTING_TTL: Duration = Duration::from_secs(3);

/// Seed of the demo data: fixed so that every first run shows the same numbers.
pub const DEMO_SEED: u64 = 2026;

/// Loaded releases kept at most; beyond this the least recently added goes.
const MAX_LOADED: usize = 8;

struct Listing {
    metas: Arc<Vec<ReleaseMeta>>,
    /// Entries of `releases/` that are not valid releases (name, reason).
    damaged: Arc<Vec<(String, String)>>,
    /// Why the last re-read failed, if it did (the previous listing is kept).
    error: Option<String>,
    checked: Instant,
}

/// What `/api/health` reports about the data dir.
pub struct Health {
    pub releases: usize,
    pub damaged: Arc<Vec<(String, String)>>,
    pub error: Option<String>,
    /// Seconds since the data dir was last read.
    pub checked_secs_ago: u64,
}

pub struct AppState {
    store: Store,
    pub admin_token: Option<String>,
    pub limits: Limits,
    /// Generated in memory when the store held no release at startup.
    demo: Option<Arc<Release>>,
    loaded: RwLock<HashMap<String, Arc<Release>>>,
    /// Releases the listing took for whole whose load then found damage
    /// (the listing checks less than a load): (id, reason, `imported_at`),
    /// kept until a load succeeds or a re-import replaces the release, so
    /// `/api/health` does not say "ok" after a 409.
    load_damaged: RwLock<Vec<(String, String, String)>>,
    listing: RwLock<Listing>,
    /// Bumped whenever the listing changes, so cached pages (whose release
    /// picker lists the releases) are not served stale.
    generation: AtomicU64,
    /// Serialises imports so that two uploads never race inside one server.
    import_lock: Mutex<()>,
    pub cache: ResponseCache,
    /// Diffs, all-pairs, claims, scenarios: few at once, few waiting.
    pub heavy: Queue,
    /// Everything else that touches a release.
    pub light: Queue,
    /// `Host` values accepted (`None`: any); see [`crate::harden::check_host`].
    pub allowed_hosts: Option<Vec<String>>,
    /// Failed admin-token attempts, for the rate limit.
    pub auth: crate::harden::AuthThrottle,
    watching: AtomicBool,
}

impl AppState {
    /// Opens the store at `data_dir`; with no release stored, generates the
    /// SYNTHETIC demo (scale 1, [`DEMO_SEED`]).
    pub fn open(
        data_dir: &Path,
        admin_token: Option<String>,
        limits: Limits,
    ) -> Result<Self, String> {
        let admin_token = admin_token.filter(|t| !t.is_empty());
        if let Some(t) = &admin_token
            && t.chars().count() < MIN_TOKEN_LEN
        {
            return Err(format!(
                "the admin token is {} characters; use at least {MIN_TOKEN_LEN} (e.g. `openssl rand -hex 16`)",
                t.chars().count()
            ));
        }
        let store = Store::open(data_dir).map_err(|e| e.to_string())?;
        let scan = store.scan().map_err(|e| e.to_string())?;
        for d in &scan.damaged {
            tracing::warn!(entry = %d.name, reason = %d.reason, "skipping damaged release entry");
        }
        let metas = scan.releases;
        let damaged = scan
            .damaged
            .into_iter()
            .map(|d| (d.name, d.reason))
            .collect();
        let demo = if metas.is_empty() {
            Some(Arc::new(demo_release()?))
        } else {
            None
        };
        Ok(AppState {
            store,
            admin_token,
            heavy: Queue::new("heavy", limits.heavy_running, limits.heavy_waiting),
            light: Queue::new("light", limits.light_running, limits.light_waiting),
            limits,
            demo,
            loaded: RwLock::new(HashMap::new()),
            load_damaged: RwLock::new(Vec::new()),
            listing: RwLock::new(Listing {
                metas: Arc::new(metas),
                damaged: Arc::new(damaged),
                error: None,
                checked: Instant::now(),
            }),
            generation: AtomicU64::new(0),
            import_lock: Mutex::new(()),
            cache: ResponseCache::default(),
            allowed_hosts: None,
            auth: Default::default(),
            watching: AtomicBool::new(false),
        })
    }

    /// Accepts only these `Host` values (see [`crate::harden::loopback_hosts`]).
    pub fn with_allowed_hosts(mut self, hosts: Option<Vec<String>>) -> Self {
        self.allowed_hosts = hosts;
        self
    }

    /// Starts the background re-reading of the data dir (once per state; the
    /// task ends when the state is dropped). Needs a tokio runtime; without
    /// one the listing stays as opened (tests refresh by hand).
    pub fn watch(self: &Arc<Self>) {
        if self.watching.swap(true, Ordering::AcqRel) {
            return;
        }
        let Ok(rt) = tokio::runtime::Handle::try_current() else {
            self.watching.store(false, Ordering::Release);
            return;
        };
        let weak: Weak<AppState> = Arc::downgrade(self);
        rt.spawn(async move {
            let mut tick = tokio::time::interval(LISTING_TTL);
            tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            loop {
                tick.tick().await;
                let Some(st) = weak.upgrade() else { break };
                let _ = tokio::task::spawn_blocking(move || st.refresh_listing()).await;
            }
        });
    }

    /// The data dir's state, for `/api/health`.
    pub fn health(&self) -> Health {
        let found = self.found_damaged();
        let l = self.listing.read().unwrap_or_else(|e| e.into_inner());
        let mut damaged = (*l.damaged).clone();
        for f in found {
            if !damaged.iter().any(|d| d.0 == f.0) {
                damaged.push(f);
            }
        }
        Health {
            releases: l.metas.len(),
            damaged: Arc::new(damaged),
            error: l.error.clone(),
            checked_secs_ago: l.checked.elapsed().as_secs(),
        }
    }

    /// Releases whose load found damage, as long as they are the release
    /// that failed (a re-import stamps a new `imported_at`).
    fn found_damaged(&self) -> Vec<(String, String)> {
        let metas = self.releases();
        self.load_damaged
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .iter()
            .filter(|(id, _, at)| metas.iter().any(|m| &m.id == id && &m.imported_at == at))
            .map(|(id, reason, _)| (id.clone(), reason.clone()))
            .collect()
    }

    fn note_load(&self, id: &str, damage: Option<&str>) {
        let mut v = self.load_damaged.write().unwrap_or_else(|e| e.into_inner());
        let had = v.iter().any(|(i, _, _)| i == id);
        v.retain(|(i, _, _)| i != id);
        let changed = had != damage.is_some();
        if let Some(reason) = damage {
            let at = self
                .releases()
                .iter()
                .find(|m| m.id == id)
                .map(|m| m.imported_at.clone())
                .unwrap_or_default();
            v.push((id.to_string(), reason.to_string(), at));
        }
        drop(v);
        // Cached answers that list releases (`/api/releases`, pages' release
        // pickers) must show the change.
        if changed {
            self.generation.fetch_add(1, Ordering::Relaxed);
        }
    }

    pub fn data_dir(&self) -> &Path {
        self.store.dir()
    }

    /// Stored releases, oldest first, as last read (never touches the disk).
    pub fn releases(&self) -> Arc<Vec<ReleaseMeta>> {
        self.listing
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .metas
            .clone()
    }

    /// Re-reads the data dir (blocking: call it off the async workers). A
    /// failing read keeps the last good listing and is reported by `health`.
    pub fn refresh_listing(&self) -> Arc<Vec<ReleaseMeta>> {
        let scan = self.store.scan();
        let mut l = self.listing.write().unwrap_or_else(|e| e.into_inner());
        match scan {
            Ok(scan) => {
                let changed = scan
                    .releases
                    .iter()
                    .map(|m| &m.id)
                    .ne(l.metas.iter().map(|m| &m.id));
                if changed {
                    tracing::info!(releases = scan.releases.len(), "release listing changed");
                    // A removed release must not be served from memory.
                    self.loaded
                        .write()
                        .unwrap_or_else(|e| e.into_inner())
                        .retain(|id, _| scan.releases.iter().any(|m| &m.id == id));
                    l.metas = Arc::new(scan.releases);
                    self.generation.fetch_add(1, Ordering::Relaxed);
                }
                let damaged: Vec<(String, String)> = scan
                    .damaged
                    .into_iter()
                    .map(|d| (d.name, d.reason))
                    .collect();
                if damaged != *l.damaged {
                    for (name, reason) in &damaged {
                        tracing::warn!(entry = %name, reason = %reason, "damaged release entry");
                    }
                    l.damaged = Arc::new(damaged);
                }
                l.error = None;
            }
            Err(e) => {
                tracing::error!(error = %e, "cannot read the data dir");
                l.error = Some(e.reason());
            }
        }
        l.checked = Instant::now();
        l.metas.clone()
    }

    /// Changes whenever the set of releases changes.
    pub fn generation(&self) -> u64 {
        self.generation.load(Ordering::Relaxed)
    }

    /// The demo release, when the server runs on one.
    pub fn demo(&self) -> Option<&Arc<Release>> {
        self.demo.as_ref()
    }

    /// Entries of `releases/` that are not valid releases: (name, reason),
    /// both without paths.
    pub fn damaged(&self) -> Arc<Vec<(String, String)>> {
        self.listing
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .damaged
            .clone()
    }

    /// The release a request means: `requested`, else the latest stored, else
    /// the demo. Unknown ids are a 404 listing the known ones; a damaged
    /// one is a 409 saying so (hostile-files probe: "no release" for a
    /// release whose file was truncated, as if it had never been stored).
    pub fn resolve_id(&self, requested: Option<&str>) -> ApiResult<String> {
        let metas = self.releases();
        match requested.map(str::trim).filter(|s| !s.is_empty()) {
            Some(id) => {
                let known = metas.iter().any(|m| m.id == id)
                    || self.demo.as_ref().is_some_and(|d| d.meta.id == id);
                if known {
                    Ok(id.to_string())
                } else if let Some((_, reason)) = self.damaged().iter().find(|(n, _)| n == id) {
                    Err(release_damaged(id, reason))
                } else {
                    let mut ids: Vec<String> = metas.iter().rev().map(|m| m.id.clone()).collect();
                    if let Some(d) = &self.demo {
                        ids.push(d.meta.id.clone());
                    }
                    Err(ApiError::not_found(format!("no release '{id}'"))
                        .with_suggestions(ids.into_iter().take(10).collect()))
                }
            }
            None => match (self.default_meta(&metas), &self.demo) {
                (Some(m), _) => Ok(m.id.clone()),
                (None, Some(d)) => Ok(d.meta.id.clone()),
                (None, None) => {
                    // Every stored release found damaged by its load: the
                    // newest one's damage, not "no release stored".
                    let found = self.found_damaged();
                    match metas
                        .iter()
                        .rev()
                        .find_map(|m| found.iter().find(|(id, _)| *id == m.id))
                    {
                        Some((id, reason)) => Err(release_damaged(id, reason)),
                        None => Err(ApiError::new(
                            StatusCode::SERVICE_UNAVAILABLE,
                            "no_release",
                            "no release stored: run `armsflow import FILE` or `armsflow fetch`",
                        )),
                    }
                }
            },
        }
    }

    /// The release answers default to: the newest whole one that no load
    /// found damaged (server probe 33: a release whose data was damaged
    /// behind an intact footer stayed the default, and every default answer
    /// was a 409 until it was imported again).
    fn default_meta<'a>(&self, metas: &'a [ReleaseMeta]) -> Option<&'a ReleaseMeta> {
        let found = self.found_damaged();
        let usable: Vec<ReleaseMeta>;
        let pool: &[ReleaseMeta] = if found.is_empty() {
            metas
        } else {
            usable = metas
                .iter()
                .filter(|m| !found.iter().any(|(id, _)| *id == m.id))
                .cloned()
                .collect();
            &usable
        };
        let id = &pool[model::default_release(pool)?].id;
        metas.iter().find(|m| &m.id == id)
    }

    /// The release with id `id` (see [`AppState::resolve_id`]), loading it on first use.
    pub fn release(&self, id: &str) -> ApiResult<Arc<Release>> {
        if let Some(d) = &self.demo
            && d.meta.id == id
        {
            return Ok(d.clone());
        }
        if let Some(r) = self
            .loaded
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .get(id)
        {
            return Ok(r.clone());
        }
        let rel = self.store.load(id).map_err(|e| match e {
            store::StoreError::NotFound { .. } => ApiError::not_found(format!("no release '{id}'")),
            store::StoreError::InvalidId(_) => ApiError::not_found(e.to_string()),
            // Damage the listing has not seen yet (it is re-read every few
            // seconds, and checks less than a load): the same answer as a
            // listed damaged entry, its detail (paths, library internals)
            // in the log under an error id.
            other @ (store::StoreError::Corrupt { .. } | store::StoreError::Io { .. }) => {
                let detail = ApiError::internal(format!("cannot load release {id}: {other}"));
                self.note_load(id, Some(&other.reason()));
                let mut e = release_damaged(id, &other.reason());
                e.error_id = detail.error_id;
                e
            }
            other => ApiError::internal(format!("cannot load release {id}: {other}")),
        })?;
        self.note_load(id, None);
        let rel = Arc::new(rel);
        let mut loaded = self.loaded.write().unwrap_or_else(|e| e.into_inner());
        if loaded.len() >= MAX_LOADED
            && let Some(k) = loaded.keys().next().cloned()
        {
            loaded.remove(&k);
        }
        loaded.insert(id.to_string(), rel.clone());
        Ok(rel)
    }

    /// Resolves and loads in one step. When the request named no release
    /// and damaged entries were passed over, the answer's notes say so
    /// ([`fallback_note`]; hostile-files probe: the API answered from the
    /// older legacy release and only `release.id` showed it).
    pub fn pick(&self, requested: Option<&str>) -> ApiResult<Arc<Release>> {
        FALLBACK.with(|f| f.borrow_mut().take());
        let named = requested.is_some_and(|r| !r.trim().is_empty());
        // A default release found damaged by this load is passed over for
        // the next one (each failed load removes one candidate).
        // With no other release left, the damage is the answer.
        let mut tries = self.releases().len();
        let mut failed: Option<ApiError> = None;
        let (id, rel) = loop {
            let id = match self.resolve_id(requested) {
                Ok(id) => id,
                Err(e) => return Err(failed.unwrap_or(e)),
            };
            match self.release(&id) {
                Ok(rel) => break (id, rel),
                Err(e) if !named && e.error == "release_damaged" && tries > 0 => {
                    tries -= 1;
                    failed = Some(e);
                }
                Err(e) => return Err(e),
            }
        };
        let mut damaged = (*self.damaged()).clone();
        for f in self.found_damaged() {
            if !damaged.iter().any(|d| d.0 == f.0) {
                damaged.push(f);
            }
        }
        // Only entries that would have been chosen: a release id begins with
        // SIPRI's date, so an older damaged release (or a stray folder) was
        // not skipped for this answer.
        fn date(s: &str) -> Option<&str> {
            s.get(..10)
                .filter(|d| d.bytes().all(|b| b.is_ascii_digit() || b == b'-'))
        }
        let newer = |n: &str| matches!((date(n), date(&id)), (Some(a), Some(b)) if a >= b);
        let names: Vec<&str> = damaged
            .iter()
            .map(|(n, _)| n.as_str())
            .filter(|n| newer(n))
            .collect();
        if !named && !names.is_empty() {
            let note = format!(
                "The stored release{} {} {} damaged and {} skipped; this answer comes from \
                 release {id}. Importing {} original file again repairs it (details: /api/releases).",
                if names.len() == 1 { "" } else { "s" },
                names.join(", "),
                if names.len() == 1 { "is" } else { "are" },
                if names.len() == 1 { "was" } else { "were" },
                if names.len() == 1 { "its" } else { "their" },
            );
            FALLBACK.with(|f| *f.borrow_mut() = Some((id, note)));
        }
        Ok(rel)
    }

    /// The stored import report of release `id`.
    pub fn import_report(&self, id: &str) -> Option<ImportReport> {
        self.store.report(id).ok()
    }

    /// Whether every page should carry the SYNTHETIC banner for `rel`.
    pub fn is_synthetic(rel: &Release) -> bool {
        rel.meta.synthetic
    }

    /// Imports a file's bytes as a release (admin only; the caller checked the token).
    pub fn import(
        &self,
        file_name: &str,
        bytes: &[u8],
    ) -> ApiResult<(ReleaseMeta, ImportReport, bool)> {
        let _guard = self.import_lock.lock().unwrap_or_else(|e| e.into_inner());
        let opts = sipri::ReadOptions {
            file_name: file_name.to_string(),
            ..Default::default()
        };
        let (release, report) = sipri::read(bytes, &opts).map_err(|e| {
            ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "unreadable",
                e.to_string(),
            )
        })?;
        if let Some(why) = sipri::nothing_kept(&report) {
            return Err(ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "unreadable",
                format!("{file_name}: {why}"),
            ));
        }
        let outcome = self.store.put(&release, &report).map_err(|e| match e {
            store::StoreError::Conflict { .. } => {
                ApiError::new(StatusCode::CONFLICT, "conflict", e.to_string())
            }
            other => ApiError::internal(format!("cannot store release: {other}")),
        })?;
        let created = outcome.is_created();
        let meta = self
            .store
            .meta(outcome.id())
            .map_err(|e| ApiError::internal(format!("cannot read stored release: {e}")))?;
        self.refresh_listing();
        Ok((meta, report, created))
    }
}

thread_local! {
    /// The note of the last [`AppState::pick`] on this thread: (release id,
    /// note). Handlers pick and answer on one blocking thread, inside one
    /// job of a [`crate::work::Queue`], which clears it first.
    static FALLBACK: std::cell::RefCell<Option<(String, String)>> =
        const { std::cell::RefCell::new(None) };
}

/// Forgets the note of an earlier job on this thread.
pub(crate) fn clear_fallback_note() {
    FALLBACK.with(|f| f.borrow_mut().take());
}

/// What the answer from `rel` must say about damaged releases passed over
/// by default (see [`AppState::pick`]), if anything.
pub fn fallback_note(rel: &Release) -> Option<String> {
    FALLBACK.with(|f| {
        f.borrow()
            .as_ref()
            .filter(|(id, _)| *id == rel.meta.id)
            .map(|(_, n)| n.clone())
    })
}

/// 409 `release_damaged`: the release's files are damaged; `reason` names
/// the file inside the release (never a path).
pub fn release_damaged(id: &str, reason: &str) -> ApiError {
    // The store's own reason may already say how to repair it.
    let hint = if reason.contains("repairs it") {
        ""
    } else {
        "; importing its original file again repairs it"
    };
    ApiError::new(
        StatusCode::CONFLICT,
        "release_damaged",
        format!("release {id} is damaged ({reason}){hint}"),
    )
}

/// The SYNTHETIC demo: our generator's register at scale 1, read by the real
/// reader, so the demo exercises exactly the path real files take.
pub fn demo_release() -> Result<Release, String> {
    let mut buf = Vec::new();
    sipri::synth::write_register(&mut buf, 1, DEMO_SEED)
        .map_err(|e| format!("cannot generate demo data: {e}"))?;
    let opts = sipri::ReadOptions {
        file_name: "synthetic-demo.csv".to_string(),
        ..Default::default()
    };
    let (mut release, _report) =
        sipri::read(&buf, &opts).map_err(|e| format!("cannot read demo data: {e}"))?;
    release.meta.synthetic = true;
    Ok(release)
}

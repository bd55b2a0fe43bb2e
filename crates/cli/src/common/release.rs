//! Choosing and loading the release a question asks about: `--release`,
//! else the newest whole one, passing over one whose load finds damage.

use super::{DataArgs, EMPTY_STORE_HINT, UserError, open_store, warn_damaged};
use model::Release;
use store::{Store, StoreError};

/// The release named by `--release`, else the latest one.
pub fn load_release(args: &DataArgs) -> anyhow::Result<Release> {
    load_release_with(args, true)
}

/// [`load_release`], skipping the deal table when `deals` is false: metric
/// queries by delivery year need only flows, and on very large releases the
/// deals' text dominates load time and memory.
pub fn load_release_with(args: &DataArgs, deals: bool) -> anyhow::Result<Release> {
    load(args, if deals { Load::Full } else { Load::NoDeals })
}

/// How much of a release a query needs.
#[derive(Debug, Clone, Copy)]
pub enum Load {
    Full,
    /// Flows only (delivery-year queries).
    NoDeals,
    /// Flows delivered in these years only (one-window delivery-year queries
    /// that need no other years, e.g. `concentration --all --period`).
    Years(u16, u16),
}

/// The id of the release named by `--release`, else of the latest one not
/// in `skip`.
fn release_id(store: &Store, args: &DataArgs, skip: &[String]) -> anyhow::Result<String> {
    match &args.release {
        Some(id) => Ok(id.clone()),
        None => {
            let (latest, damaged) = store.latest_whole_except(skip)?;
            // Once: a retry finds the same entries again.
            for d in damaged.iter().filter(|_| skip.is_empty()) {
                warn_damaged(d);
            }
            match latest {
                Some(meta) => Ok(meta.id),
                None => Err(UserError(format!(
                    "no releases in {}: {EMPTY_STORE_HINT}",
                    store.dir().display()
                ))
                .into()),
            }
        }
    }
}

/// `get` of the release named by `--release`, else of the latest one; a
/// default release whose load finds damage that the choice did not see
/// (data damaged behind an intact footer) is warned about and passed over
/// for the next (server probe 33: every default question failed until the
/// file was imported again). A named release answers or fails as named.
fn with_release<T>(
    store: &Store,
    args: &DataArgs,
    get: impl Fn(&str) -> store::Result<T>,
) -> anyhow::Result<T> {
    let mut skip = Vec::new();
    // The last release passed over: its error is the answer when no other
    // release is left, and a warning when one answers.
    let mut failed: Option<(String, StoreError)> = None;
    let warn = |id: String, e: &StoreError| {
        warn_damaged(&store::Damaged {
            name: id,
            reason: e.reason(),
        })
    };
    loop {
        let id = match release_id(store, args, &skip) {
            Ok(id) => id,
            Err(none) => {
                return match failed {
                    Some((id, e)) => release_or_user_error(store, &id, Err(e)),
                    None => Err(none),
                };
            }
        };
        match get(&id) {
            Err(e @ (StoreError::Corrupt { .. } | StoreError::Io { .. }))
                if args.release.is_none() =>
            {
                if let Some((prev, pe)) = failed.replace((id.clone(), e)) {
                    warn(prev, &pe);
                }
                skip.push(id);
            }
            loaded => {
                if let Some((prev, pe)) = failed {
                    warn(prev, &pe);
                }
                return release_or_user_error(store, &id, loaded);
            }
        }
    }
}

/// The release named by `--release` (else the latest), loaded as `what` says.
pub fn load(args: &DataArgs, what: Load) -> anyhow::Result<Release> {
    let store = open_store(args)?;
    with_release(&store, args, |id| match what {
        Load::Full => store.load(id),
        Load::NoDeals => store.load_without_deals(id),
        Load::Years(first, last) => store.load_years(id, first, last),
    })
}

/// The release named by `--release` (else the latest) without deals, its
/// `flows` left empty, and its flows as mapped columns (see
/// [`Store::load_view`]). `None` when the release's metadata lacks its year
/// span (old releases derive it from the flows): use [`load`] then.
pub fn load_view(args: &DataArgs) -> anyhow::Result<Option<(Release, store::FlowColumns)>> {
    let store = open_store(args)?;
    let loaded = with_release(&store, args, |id| store.load_view(id))?;
    Ok((loaded.0.meta.first_year.is_some() && loaded.0.meta.last_year.is_some()).then_some(loaded))
}

/// The flows of the release named by `--release` (else the latest) that may
/// lie in `years`, folded while decoded (see [`Store::fold_years`]); the
/// release comes back without flows.
pub fn fold_years<A: Send>(
    args: &DataArgs,
    years: (u16, u16),
    init: &(dyn Fn(usize) -> A + Sync),
    fold: &(dyn Fn(&mut A, &model::FlowView<'_>) + Sync),
) -> anyhow::Result<(Release, Vec<A>)> {
    let store = open_store(args)?;
    with_release(&store, args, |id| store.fold_years(id, years, init, fold))
}

/// `loaded`, with a missing release `id` turned into a user error that lists
/// the stored ones.
pub fn release_or_user_error<T>(
    store: &Store,
    id: &str,
    loaded: store::Result<T>,
) -> anyhow::Result<T> {
    match loaded {
        Ok(r) => Ok(r),
        Err(StoreError::NotFound { .. } | StoreError::InvalidId(_)) => {
            let ids: Vec<String> = store.list()?.into_iter().map(|m| m.id).collect();
            let known = if ids.is_empty() {
                format!("the store is empty: {EMPTY_STORE_HINT}")
            } else {
                format!("stored releases: {}", ids.join(", "))
            };
            Err(UserError(format!(
                "no release '{id}' in {}; {known}",
                store.dir().display()
            ))
            .into())
        }
        // Damage found while loading: what to do about it, as the listing
        // says (hostile-files probe 2: a bare "os error 2" or "snappy:
        // corrupt input").
        Err(e @ (StoreError::Corrupt { .. } | StoreError::Io { .. })) => {
            let reason = e.reason();
            let fix = if reason.contains("repairs it") {
                ""
            } else {
                "; importing its original file again repairs it"
            };
            Err(anyhow::anyhow!(
                "release {id} is damaged: {reason}{fix} (`armsflow releases --verify` lists \
                 every damaged file)"
            ))
        }
        Err(e) => Err(e.into()),
    }
}

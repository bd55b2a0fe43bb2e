//! Arguments and helpers shared by subcommands: where the store is, which
//! release to query, and how a user's country name becomes an entity.

use anyhow::Context;
use model::{EntityId, Release};
use std::path::{Path, PathBuf};
use store::{Store, StoreError};

/// An error caused by the user's input (exit code 2), as opposed to a failure of ours.
#[derive(Debug)]
pub struct UserError(pub String);

impl std::fmt::Display for UserError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for UserError {}

/// Where releases live and which one to use. Every query subcommand flattens this.
#[derive(clap::Args, Debug, Clone, Default)]
pub struct DataArgs {
    /// Data directory [default: $XDG_DATA_HOME/armsflow or ~/.local/share/armsflow]
    #[arg(long, value_name = "DIR", env = store::DATA_DIR_ENV)]
    pub data_dir: Option<PathBuf>,
    /// Release to use (an id from `armsflow releases`) [default: the one marked * there: the newest of the whole database]
    #[arg(long, value_name = "ID")]
    pub release: Option<String>,
}

/// What to tell a user whose store is empty.
pub const EMPTY_STORE_HINT: &str = "import a SIPRI export with `armsflow import FILE`, \
download one with `armsflow fetch`, or try SYNTHETIC demo data with \
`armsflow demo-data -o demo.csv && armsflow import demo.csv`";

/// The data directory: `--data-dir`/`$ARMSFLOW_DATA_DIR`, else the XDG default.
pub fn data_dir(explicit: Option<&Path>) -> anyhow::Result<PathBuf> {
    match explicit {
        Some(d) => Ok(d.to_path_buf()),
        None => Store::default_dir().ok_or_else(|| {
            UserError("no data directory: set HOME, ARMSFLOW_DATA_DIR or pass --data-dir".into())
                .into()
        }),
    }
}

/// Opens the store at `dir`, creating it: for commands that import.
pub fn open_store_at(dir: Option<&Path>) -> anyhow::Result<Store> {
    let dir = data_dir(dir)?;
    Store::open(&dir).with_context(|| format!("cannot open the data directory {}", dir.display()))
}

/// Opens the existing store at `dir` for reading, creating nothing: a
/// mistyped `--data-dir` is an error, not a new empty directory.
pub fn open_existing_at(dir: Option<&Path>) -> anyhow::Result<Store> {
    let dir = data_dir(dir)?;
    match Store::open_existing(&dir) {
        Ok(s) => Ok(s),
        Err(StoreError::Io { err, .. }) if err.kind() == std::io::ErrorKind::NotFound => {
            Err(UserError(format!(
                "no data directory {} (nothing imported yet, or a mistyped --data-dir or \
                 ${}): {EMPTY_STORE_HINT}",
                dir.display(),
                store::DATA_DIR_ENV
            ))
            .into())
        }
        Err(e) => Err(UserError(format!("cannot use the data directory: {e}")).into()),
    }
}

mod release;
pub use release::*;

/// The data directory of the question being answered, for a refusal that
/// can name another release of it ([`require_side_in`]).
static ASKED_DIR: std::sync::Mutex<Option<PathBuf>> = std::sync::Mutex::new(None);

/// Opens the store of a read-only command (see [`open_existing_at`]).
pub fn open_store(args: &DataArgs) -> anyhow::Result<Store> {
    // A new question: no note of an earlier one that failed (a long-lived
    // Python process) may reach its answer.
    take_name_notes();
    let store = open_existing_at(args.data_dir.as_deref());
    if let Ok(mut d) = ASKED_DIR.lock() {
        *d = store.as_ref().ok().map(|s| s.dir().to_path_buf());
    }
    store
}

/// "; release X of this data directory answers it …" for a question on
/// `dir`'s side that `rel` cannot answer, when the store holds a release
/// that can (hostile-files probe 6: with an import and an export table of
/// one date stored, `exports Russia` was sent to look for a trade register,
/// though the export table answered it).
fn other_release(rel: &Release, dir: engine::Direction) -> String {
    use model::SourceFormat as F;
    let answers = |f: F| match f {
        F::Register | F::LegacyRegister => true,
        F::ImportTable => dir == engine::Direction::Imports,
        F::ExportTable => dir == engine::Direction::Exports,
        F::SupplierTable => false,
    };
    let Some(path) = ASKED_DIR.lock().ok().and_then(|d| d.clone()) else {
        return String::new();
    };
    let Ok(list) = Store::open_existing(&path).and_then(|s| s.list()) else {
        return String::new();
    };
    let ids: Vec<String> = list
        .into_iter()
        .rev()
        .filter(|m| m.id != rel.meta.id && answers(m.format))
        .map(|m| m.id)
        .collect();
    match ids.first() {
        None => String::new(),
        Some(id) => format!(
            ". This data directory holds release {id}, which answers it: add --release {id}{}",
            if ids.len() > 1 {
                format!(" (or another of: {})", ids[1..].join(", "))
            } else {
                String::new()
            }
        ),
    }
}

/// The valid releases, oldest first, warning on stderr about entries of
/// `releases/` that are not releases (skipped, never fatal).
pub fn list_releases(store: &Store) -> anyhow::Result<Vec<model::ReleaseMeta>> {
    let scan = store.scan()?;
    for d in &scan.damaged {
        warn_damaged(d);
    }
    Ok(scan.releases)
}

/// The newest whole release, checking only the releases it passes over (see
/// [`Store::latest_whole`]) and warning on stderr about the damaged ones.
pub fn latest_release(store: &Store) -> anyhow::Result<Option<model::ReleaseMeta>> {
    let (latest, damaged) = store.latest_whole()?;
    for d in &damaged {
        warn_damaged(d);
    }
    Ok(latest)
}

pub fn warn_damaged(d: &store::Damaged) {
    let msg = format!(
        "armsflow: warning: skipping releases/{}: not a valid release ({}); if it was one, \
         importing its original file again repairs it, else move it out of releases/\n",
        d.name, d.reason
    );
    let _ = std::io::Write::write_all(&mut std::io::stderr(), term_safe(&msg).as_bytes());
}

/// `s` with control characters (terminal escape codes, bells, carriage
/// returns...) and bidirectional overrides shown as `\u{1b}` escapes, so text quoted from a file cannot
/// drive the terminal it is printed on. Newlines and tabs are kept.
pub fn term_safe(s: &str) -> std::borrow::Cow<'_, str> {
    let bad = |c: char| {
        (c.is_control() && c != '\n' && c != '\t')
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    };
    if !s.chars().any(bad) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if bad(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Refuses a question `rel` holds only part of the answer to: a TIV table
/// asked about the other side, or a per-supplier table about anyone else
/// ([`engine::one_sided`]).
pub fn require_side(
    rel: &Release,
    dir: engine::Direction,
    focus: Option<EntityId>,
) -> anyhow::Result<()> {
    require_side_in(rel, &rel.flows.view(), dir, focus)
}

/// [`require_side`] for a release whose flows are `flows`.
pub fn require_side_in(
    rel: &Release,
    flows: &model::FlowView<'_>,
    dir: engine::Direction,
    focus: Option<EntityId>,
) -> anyhow::Result<()> {
    refuse(engine::one_sided_in(rel, flows, dir, focus).map(|why| why + &other_release(rel, dir)))
}

/// Refuses what only a register can answer ([`engine::needs_register`]):
/// partner mixes across countries, and any one armament category.
pub fn require_register(rel: &Release, what: &str) -> anyhow::Result<()> {
    refuse(engine::needs_register(rel, what))
}

/// [`require_register`] for questions across every country
/// ([`engine::needs_whole`]).
pub fn require_whole(rel: &Release, what: &str) -> anyhow::Result<()> {
    refuse(engine::needs_whole(rel, what))
}

/// A refusal's reason as the user's error (exit 2).
fn refuse(why: Option<String>) -> anyhow::Result<()> {
    match why {
        Some(why) => Err(UserError(why).into()),
        None => Ok(()),
    }
}

/// Refuses an order-year figure where the release has no orders
/// ([`engine::needs_orders`]).
pub fn require_basis(rel: &Release, basis: engine::Basis) -> anyhow::Result<()> {
    match basis {
        engine::Basis::Order => refuse(engine::needs_orders(rel)),
        engine::Basis::Delivery => Ok(()),
    }
}

/// Refuses a breakdown by armament category where the release has none
/// (regression of the hostile-files probe 2: `--by-category` on a TIV table
/// printed "Unspecified 100 %").
pub fn require_breakdown_in(rel: &Release, flows: &model::FlowView<'_>) -> anyhow::Result<()> {
    refuse(engine::needs_categories_in(rel, flows))
}

/// [`require_register`] when a category is asked for.
pub fn require_categories(rel: &Release, category: Option<model::Category>) -> anyhow::Result<()> {
    require_categories_in(rel, &rel.flows.view(), category)
}

/// [`require_categories`] for a release whose flows are `flows`.
pub fn require_categories_in(
    rel: &Release,
    flows: &model::FlowView<'_>,
    category: Option<model::Category>,
) -> anyhow::Result<()> {
    match category {
        Some(_) => refuse(engine::needs_categories_in(rel, flows)),
        None => Ok(()),
    }
}

/// A user's country (or group) name → its id in `release`, with the
/// precedence the server uses too ([`sipri::country::resolve_country`]).
pub fn resolve_country(release: &Release, query: &str) -> anyhow::Result<EntityId> {
    resolve_country_in(release, &release.flows.view(), query)
}

/// [`resolve_country`] for a release whose flows are `flows`.
pub fn resolve_country_in(
    release: &Release,
    flows: &model::FlowView<'_>,
    query: &str,
) -> anyhow::Result<EntityId> {
    use sipri::country::CountryError;
    let id = sipri::country::resolve_country(release, query).map_err(|e| match e {
        CountryError::Unknown { suggestions, .. } => {
            let hint = if suggestions.is_empty() {
                String::new()
            } else {
                format!("; did you mean {}?", suggestions.join(", "))
            };
            // An alignment is no party of SIPRI's data (alignment probe 12:
            // "unknown country or group 'CSTO'; did you mean … NATO**?").
            match engine::groups::GroupSet::builtin().get(query.trim()) {
                Some(g) => UserError(format!(
                    "'{query}' is an alignment, not a country or organisation in SIPRI's \
                     data: for its members' trade use `armsflow groups COUNTRY --group {}` \
                     or `armsflow event-study --group {}`",
                    g.name, g.name
                )),
                None => UserError(format!("unknown country or organisation '{query}'{hint}")),
            }
        }
        // A former state outside the release's years: say which years it
        // needs (CLI probe 17: `imports USSR` on the 1995-2024 register).
        CountryError::NotInRelease { ref key, .. } => {
            let hint = model::succession(key).map_or(String::new(), |(last, _)| {
                let span = release.year_span().map_or(String::new(), |(a, b)| {
                    format!("; this release covers {a}–{b}")
                });
                format!(
                    ": a former state, whose transfers SIPRI lists up to {last}{span}; ask a \
                         release that covers its years (armsflow releases)"
                )
            });
            UserError(format!("{e}{hint}"))
        }
        other => UserError(other.to_string()),
    })?;
    if !flows.supplier.contains(&id) && !flows.recipient.contains(&id) {
        return Err(UserError(format!(
            "{} has no arms transfers in release {}{}",
            release.entities.get(id).name,
            release.meta.id,
            release.meta.scope_note()
        ))
        .into());
    }
    // SIPRI's "Congo" is Congo-Brazzaville; many readers mean DR Congo.
    // Russia before 1992 is the Soviet Union in SIPRI's data.
    let notes = sipri::country::name_note(query)
        .map(str::to_string)
        .into_iter()
        .chain(sipri::country::organisation_note(release, id, query))
        .chain(sipri::country::former_state_note(release, id))
        .chain(sipri::country::predecessor_note(release, flows, id));
    notes.for_each(answer_note);
    Ok(id)
}

/// Queues `n` for the answer's notes (once), as the name notes are.
pub fn answer_note(n: String) {
    NAME_NOTES.with(|v| {
        let mut v = v.borrow_mut();
        if !v.contains(&n) {
            v.push(n);
        }
    });
}

thread_local! {
    /// Notes on how the query's names were read ([`sipri::country::name_note`]),
    /// waiting for the answer's table: [`crate::output::Table::release_meta`]
    /// (which nearly every answer calls; [`crate::output::emit`] takes the
    /// rest) moves them into its notes, so they reach
    /// table, JSON, CSV metadata and Python alike, not standard error only
    /// (parameter probe: `imports Congo -f json` said nothing of Brazzaville).
    static NAME_NOTES: std::cell::RefCell<Vec<String>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// A WARNING note per caveat of `rel` (`ReleaseMeta::caveats`).
pub fn caveat_notes(rel: &model::Release) -> Vec<String> {
    rel.meta
        .caveats
        .iter()
        .map(|c| format!("WARNING: release {}: {c}.", rel.meta.id))
        .collect()
}

/// The pending name notes, emptied.
pub fn take_name_notes() -> Vec<String> {
    NAME_NOTES.with(|v| std::mem::take(&mut *v.borrow_mut()))
}

/// `t` with the name notes still pending: those of an answer that never
/// called `release_meta`.
pub fn with_name_notes(t: &crate::output::Table) -> std::borrow::Cow<'_, crate::output::Table> {
    let late = take_name_notes();
    if late.is_empty() {
        return std::borrow::Cow::Borrowed(t);
    }
    let mut t = t.clone();
    t.notes.extend(late);
    std::borrow::Cow::Owned(t)
}

/// The "Estimates:" note for `share` of `of` ("the total"), as far as the
/// release's layout flags estimates at all (see [`model::EstimateFlags`]).
pub fn estimates_note(format: model::SourceFormat, share: f64, of: &str) -> String {
    // "at least 100.0%" reads oddly; all of it is all of it, and a share
    // just under all must not round up to it. Otherwise rounded as the
    // "estimated %" column and the dashboard round it.
    let pct = if share >= 1.0 {
        "all".to_string()
    } else {
        format!("at least {:.1}%", (share * 100.0).min(99.9))
    };
    match format.estimate_flags() {
        // SIPRI leaves some flags empty (29 % of 2024's TIV): those values
        // are not counted, so the share is a lower bound (metrics probe:
        // Singapore 2024 "6.7 %" with 93 % of its TIV unflagged).
        model::EstimateFlags::Recorded => format!(
            "Estimates: {pct} of {of} rests on values SIPRI marks as estimated (not counted: \
             values for which SIPRI left an estimate flag empty)."
        ),
        model::EstimateFlags::OrderAndNumbers => format!(
            "Estimates: {pct} of {of} rests on values SIPRI marks as estimated (the legacy \
             register flags estimated order years and numbers only, not delivery years or \
             values)."
        ),
        model::EstimateFlags::Absent => "Estimates: unknown (SIPRI's TIV tables carry no \
             estimate flags)."
            .to_string(),
    }
}

/// The note for a table with "estimated %" columns, as far as the release's
/// layout flags estimates (surfaces probe 30: the legacy register's 0.0 %
/// read as no estimates, where its layout cannot flag delivery years).
pub fn estimated_column_note(format: model::SourceFormat) -> String {
    match format.estimate_flags() {
        model::EstimateFlags::Recorded => "Estimated %: the share of the TIV that rests on \
             values SIPRI marks as estimated, a lower bound (values for which SIPRI left an \
             estimate flag empty are not counted)."
            .to_string(),
        model::EstimateFlags::OrderAndNumbers => "Estimated %: the share of the TIV that rests \
             on values SIPRI marks as estimated, a lower bound: the legacy register flags \
             estimated order years and numbers only, not delivery years or values, so by \
             delivery year only estimated numbers count (often none)."
            .to_string(),
        model::EstimateFlags::Absent => {
            "Estimated %: unknown (SIPRI's TIV tables carry no estimate flags).".to_string()
        }
    }
}

/// An "estimated %" cell: empty where the layout carries no flags.
pub fn estimated_cell(format: model::SourceFormat, share: f64) -> crate::output::Cell {
    match format.estimate_flags() {
        model::EstimateFlags::Absent => crate::output::Cell::Empty,
        _ => crate::output::Cell::pct(share),
    }
}

#[cfg(test)]
mod tests {
    /// "at least 100.0%" for a share that was all of it, or just under.
    #[test]
    fn estimates_note_says_all_for_all() {
        let f = model::SourceFormat::Register;
        let n = |s: f64| super::estimates_note(f, s, "the total");
        assert!(
            n(1.0).starts_with("Estimates: all of the total"),
            "{}",
            n(1.0)
        );
        assert!(n(0.99999).contains("at least 99.9%"), "{}", n(0.99999));
        assert!(n(0.5736).contains("at least 57.4%"), "{}", n(0.5736));
        assert!(n(0.0).contains("at least 0.0%"), "{}", n(0.0));
    }

    use super::*;

    fn demo() -> Release {
        let mut buf = Vec::new();
        sipri::synth::write_register(&mut buf, 1, 42).unwrap();
        sipri::read(&buf, &sipri::ReadOptions::default()).unwrap().0
    }

    fn user_msg(e: anyhow::Error) -> String {
        e.downcast_ref::<UserError>()
            .expect("a UserError")
            .0
            .clone()
    }

    #[test]
    fn resolves_spellings_codes_and_reports_misses() {
        let r = demo();
        let kaz = r.entities.by_key("KAZ").unwrap();
        for q in ["Kazakhstan", "kazakhstan", "KAZ", " Kazakhstan "] {
            assert_eq!(resolve_country(&r, q).unwrap(), kaz, "{q}");
        }
        let tur = r.entities.by_key("TUR").unwrap();
        assert_eq!(resolve_country(&r, "Türkiye").unwrap(), tur);
        assert_eq!(resolve_country(&r, "Turkey").unwrap(), tur);

        let miss = user_msg(resolve_country(&r, "Kazakhztan").unwrap_err());
        assert!(
            miss.contains("did you mean") && miss.contains("Kazakhstan"),
            "{miss}"
        );
        let none = user_msg(resolve_country(&r, "qqqqqqqqqq").unwrap_err());
        assert!(none.contains("unknown"), "{none}");
        // Known to the resolver but absent from this (synthetic) release.
        let absent = user_msg(resolve_country(&r, "Soviet Union").unwrap_err());
        assert!(absent.contains("no arms transfers"), "{absent}");
    }

    #[test]
    fn control_characters_are_escaped() {
        assert_eq!(term_safe("Kazakhstan\tX\n"), "Kazakhstan\tX\n");
        assert_eq!(
            term_safe("\u{1b}[31mRed\u{7}\r\u{9b}"),
            "\\u{1b}[31mRed\\u{7}\\u{d}\\u{9b}"
        );
    }

    #[test]
    fn empty_store_and_unknown_release_are_user_errors() {
        let tmp = tempfile::tempdir().unwrap();
        let mut args = DataArgs {
            data_dir: Some(tmp.path().to_path_buf()),
            release: None,
        };
        let msg = user_msg(load_release(&args).unwrap_err());
        assert!(
            msg.contains("armsflow import FILE") && msg.contains("armsflow fetch"),
            "{msg}"
        );
        args.release = Some("nope".into());
        let msg = user_msg(load_release(&args).unwrap_err());
        assert!(msg.contains("no release 'nope'"), "{msg}");
    }
}

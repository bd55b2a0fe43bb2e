//! What changed between two releases. SIPRI revises its whole history every
//! spring, so a figure published last year can differ from this year's: this
//! module lists those differences.
//!
//! Two views, both pure:
//! * **deals** added, removed and revised, matched by SIPRI AT Database ID, when
//!   both releases are current-layout registers (the only layout with IDs);
//! * **value revisions**: TIV per (supplier, recipient, year) when both releases
//!   are bilateral, per (recipient, year) or (supplier, year) when one side is an
//!   import or export TIV table, which reports only that side.
//!
//! Entities are matched by their stable key (`KAZ`, `SUHH`, `org:nato`), never
//! by their per-release id. Only years covered by both releases are compared, so
//! a release that ends earlier does not show its missing years as removals.

mod deals;
pub(crate) mod scope;

use deals::diff_deals;
use model::{EntityId, EntityKind, Flags, Release, SourceFormat, Window};
use scope::Scope;
use serde::Serialize;
use std::collections::{BTreeSet, HashMap};

/// Values read from text and summed in a different order may differ in the last
/// bits; anything smaller than this is "unchanged".
pub(crate) const EPS: f64 = 1e-6;

/// TIV tables print whole millions: a difference up to this much can be rounding.
const TABLE_ROUNDING: f64 = 0.5;

/// What to compare and what counts as a revision.
#[derive(Debug, Clone, PartialEq)]
pub struct DiffOptions {
    /// Smallest absolute change, in TIV millions, reported as a value revision.
    pub threshold: f64,
    /// Smallest relative change `|b - a| / max(|a|, |b|)`; 0 turns it off.
    pub min_relative: f64,
    /// Only deals and values involving the entity with this key.
    pub country: Option<String>,
    /// Only these years (further limited to the years both releases cover).
    pub years: Option<Window>,
}

impl Default for DiffOptions {
    fn default() -> Self {
        DiffOptions {
            threshold: 1.0,
            min_relative: 0.0,
            country: None,
            years: None,
        }
    }
}

/// The granularity at which values can be compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DiffLevel {
    /// Supplier → recipient → year: both releases are bilateral.
    Pair,
    /// Recipient totals per year: one side is an import table.
    Recipient,
    /// Supplier totals per year: one side is an export table.
    Supplier,
}

/// Which release a side of the diff is.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DiffSide {
    pub id: String,
    pub format: SourceFormat,
    pub generated: Option<String>,
    /// First and last delivery year the release covers.
    pub coverage: Option<(u16, u16)>,
}

/// An entity by its cross-release key and display name (from release B where it has it).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Party {
    pub key: String,
    pub name: String,
}

/// How a value moved between releases.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RevisionKind {
    /// In both releases, with a different value.
    Changed,
    /// Only in release B.
    New,
    /// Only in release A.
    Dropped,
}

/// One revised value.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Revision {
    pub supplier: Option<Party>,
    pub recipient: Option<Party>,
    pub year: u16,
    /// TIV in release A and B; `None` where that release has no deliveries.
    pub a: Option<f64>,
    pub b: Option<f64>,
    /// `b - a`, treating a missing value as 0.
    pub change: f64,
    /// `change / a`, where A has a non-zero value.
    pub relative: Option<f64>,
    pub kind: RevisionKind,
    /// Part of A's (B's) value is our even split of a legacy deal total over its
    /// delivery years: the revision may be an artefact of that split.
    pub allocated_a: bool,
    pub allocated_b: bool,
}

impl Revision {
    /// True when either side rests on allocation.
    pub fn rests_on_allocation(&self) -> bool {
        self.allocated_a || self.allocated_b
    }
}

/// A deal as listed in one release, for added/removed lists.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DealSummary {
    pub sipri_id: u64,
    pub supplier: Party,
    pub recipient: Party,
    pub designation: String,
    pub order_year: Option<u16>,
    /// TIV delivered within the compared years.
    pub tiv: f64,
}

/// One changed field of a deal, both values as text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldChange {
    pub field: &'static str,
    pub a: String,
    pub b: String,
}

/// A deal present in both releases with at least one changed field.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DealRevision {
    /// The deal as release B lists it.
    pub deal: DealSummary,
    /// TIV delivered within the compared years in release A.
    pub tiv_a: f64,
    pub changes: Vec<FieldChange>,
}

/// Deals matched by SIPRI AT Database ID.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct DealDiff {
    pub added: Vec<DealSummary>,
    pub removed: Vec<DealSummary>,
    pub revised: Vec<DealRevision>,
    pub unchanged: usize,
}

/// Everything that changed from release A to release B.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReleaseDiff {
    pub a: DiffSide,
    pub b: DiffSide,
    /// `None` when the releases share no comparable figure (import vs export table).
    pub level: Option<DiffLevel>,
    /// Years compared: covered by both releases and within the requested years.
    pub years: Option<(u16, u16)>,
    pub threshold: f64,
    pub min_relative: f64,
    pub country: Option<String>,
    /// `None` unless both releases carry SIPRI AT Database IDs.
    pub deals: Option<DealDiff>,
    /// Revisions at or above the thresholds, largest change first.
    pub revisions: Vec<Revision>,
    /// Values (cells) compared, and how many differed but stayed below the thresholds.
    pub compared: usize,
    pub below_threshold: usize,
    /// Revisions where either side rests on allocation.
    pub allocated_revisions: usize,
    /// Plain-language caveats for the reader.
    pub notes: Vec<String>,
}

/// Compares release `a` (older, usually) with release `b`.
pub fn diff(a: &Release, b: &Release, opts: &DiffOptions) -> ReleaseDiff {
    let side_a = side(a);
    let side_b = side(b);
    let mut notes = Vec::new();
    let years = compared_years(&side_a, &side_b, opts.years);
    // Say which limit applied: the releases' common years, or the period asked
    // (regression: "the releases cover no common delivery years" for a period
    // outside years both releases share; 2024-2026 became 2024-2024 silently).
    let common = side_a.coverage.and_then(|c| clamp(c, side_b.coverage));
    match (years, common, opts.years) {
        (None, None, _) => {
            notes.push("the releases cover no common delivery years: nothing compared".into())
        }
        (None, Some((c0, c1)), Some(w)) => notes.push(format!(
            "the period {w} lies outside the delivery years both releases cover ({c0}-{c1}): \
             nothing compared"
        )),
        (Some((y0, y1)), _, Some(w)) if (y0, y1) != (w.start, w.end) => notes.push(format!(
            "the period {w} reaches outside the delivery years both releases cover: compared \
             {y0}-{y1} only"
        )),
        _ => {}
    }
    // Revisions read "A → B" as old → new; given the other way round, every
    // change runs backwards (the CLI alone said so: diff probe 14).
    if let (Some(ga), Some(gb)) = (&a.meta.generated, &b.meta.generated)
        && ga > gb
    {
        notes.push(format!(
            "WARNING: A ({ga}) is newer than B ({gb}): each change shows B's value against A's, \
             i.e. going back in time; swap the two releases to read SIPRI's revisions forward"
        ));
    }
    let level = level_for(a.meta.format, b.meta.format);
    if level.is_none() {
        notes.push(
            "an import table and an export table share no comparable figure: \
             compare each with a register instead"
                .into(),
        );
    }
    let tables = is_table(a.meta.format) || is_table(b.meta.format);
    let mut out = ReleaseDiff {
        a: side_a,
        b: side_b,
        level,
        years,
        threshold: opts.threshold,
        min_relative: opts.min_relative,
        country: opts.country.clone(),
        deals: None,
        revisions: Vec::new(),
        compared: 0,
        below_threshold: 0,
        allocated_revisions: 0,
        notes,
    };
    let Some((y0, y1)) = years else {
        return out;
    };
    let (suppliers, recipients) = scope::restrictions(a, b, &mut out.notes);
    let scope = Scope {
        y0,
        y1,
        country: opts.country.clone(),
        suppliers,
        recipients,
    };
    if has_ids(a) && has_ids(b) {
        out.deals = Some(diff_deals(a, b, &scope));
    } else if a.meta.format == SourceFormat::Register || b.meta.format == SourceFormat::Register {
        out.notes.push(
            "deals are matched only between two current-layout registers (the only \
             layout with SIPRI AT Database IDs); values are compared instead"
                .into(),
        );
    }
    if let Some(level) = level {
        let va = aggregate(a, level, &scope);
        let vb = aggregate(b, level, &scope);
        compare_values(&mut out, &va, &vb, opts, tables);
    }
    for (rel, label) in [(a, "A"), (b, "B")] {
        if rel.meta.format == SourceFormat::LegacyRegister {
            out.notes.push(format!(
                "release {label} ({}) is a legacy register: its per-year values split each \
                 deal's delivered TIV evenly over the deal's delivery years, so revisions \
                 marked allocated may be artefacts of that split rather than SIPRI revisions",
                rel.meta.id
            ));
        }
    }
    if tables {
        out.notes.push(format!(
            "TIV tables print whole millions: differences of {TABLE_ROUNDING} TIV or less are \
             treated as rounding"
        ));
    }
    out
}

fn side(r: &Release) -> DiffSide {
    DiffSide {
        id: r.meta.id.clone(),
        format: r.meta.format,
        generated: r.meta.generated.clone(),
        coverage: coverage(r),
    }
}

/// The delivery years a release speaks for. A TIV table's years without a
/// published world total are unreported, not zero.
pub fn coverage(r: &Release) -> Option<(u16, u16)> {
    let span = match (r.meta.first_year, r.meta.last_year) {
        (Some(f), Some(l)) => Some((f, l)),
        _ => r.flows.year_span(),
    }?;
    if is_table(r.meta.format) && !r.world_totals.is_empty() {
        let reported = r
            .world_totals
            .iter()
            .filter(|(_, v)| v.is_finite())
            .map(|&(y, _)| y);
        let (lo, hi) = reported.fold((u16::MAX, 0), |(lo, hi), y| (lo.min(y), hi.max(y)));
        if lo > hi {
            return None;
        }
        return clamp(span, Some((lo, hi)));
    }
    Some(span)
}

fn clamp(a: (u16, u16), b: Option<(u16, u16)>) -> Option<(u16, u16)> {
    let (lo, hi) = match b {
        Some(b) => (a.0.max(b.0), a.1.min(b.1)),
        None => a,
    };
    (lo <= hi).then_some((lo, hi))
}

fn compared_years(a: &DiffSide, b: &DiffSide, want: Option<Window>) -> Option<(u16, u16)> {
    let both = clamp(a.coverage?, b.coverage)?;
    clamp(both, want.map(|w| (w.start, w.end)))
}

fn is_table(f: SourceFormat) -> bool {
    matches!(f, SourceFormat::ImportTable | SourceFormat::ExportTable)
}

fn level_for(a: SourceFormat, b: SourceFormat) -> Option<DiffLevel> {
    use SourceFormat::{ExportTable, ImportTable};
    match (a, b) {
        (ImportTable, ExportTable) | (ExportTable, ImportTable) => None,
        (ImportTable, _) | (_, ImportTable) => Some(DiffLevel::Recipient),
        (ExportTable, _) | (_, ExportTable) => Some(DiffLevel::Supplier),
        _ => Some(DiffLevel::Pair),
    }
}

fn has_ids(r: &Release) -> bool {
    r.meta.format == SourceFormat::Register && r.deals.iter().any(|d| d.sipri_id.is_some())
}

pub(crate) fn party(r: &Release, id: EntityId) -> Party {
    match r.entities.try_get(id) {
        Some(e) => Party {
            key: e.key.clone(),
            name: e.name.clone(),
        },
        None => Party {
            key: format!("#{id}"),
            name: format!("entity #{id}"),
        },
    }
}

fn is_aggregate(r: &Release, id: EntityId) -> bool {
    r.entities
        .try_get(id)
        .is_some_and(|e| e.kind == EntityKind::Aggregate)
}

/// Cell key: (supplier key, recipient key, year); a side is "" when the level drops it.
type CellKey = (String, String, u16);

#[derive(Debug, Clone, Default)]
struct Cell {
    tiv: f64,
    allocated: bool,
    supplier: Option<Party>,
    recipient: Option<Party>,
}

fn aggregate(r: &Release, level: DiffLevel, scope: &Scope) -> HashMap<CellKey, Cell> {
    let f = &r.flows;
    let mut names: HashMap<EntityId, Party> = HashMap::new();
    let mut p = |id: EntityId| names.entry(id).or_insert_with(|| party(r, id)).clone();
    let mut out: HashMap<CellKey, Cell> = HashMap::new();
    for i in 0..f.len() {
        let y = f.year[i];
        if !scope.year(y) {
            continue;
        }
        let (s, rc) = (f.supplier[i], f.recipient[i]);
        let (sp, rp) = match level {
            DiffLevel::Pair if !is_aggregate(r, s) && !is_aggregate(r, rc) => {
                (Some(p(s)), Some(p(rc)))
            }
            DiffLevel::Recipient if !is_aggregate(r, rc) => (None, Some(p(rc))),
            DiffLevel::Supplier if !is_aggregate(r, s) => (Some(p(s)), None),
            _ => continue,
        };
        let sk = sp.as_ref().map_or("", |x| x.key.as_str());
        let rk = rp.as_ref().map_or("", |x| x.key.as_str());
        if !scope.keep(
            sp.as_ref().map(|x| x.key.as_str()),
            rp.as_ref().map(|x| x.key.as_str()),
        ) {
            continue;
        }
        let cell = out
            .entry((sk.to_string(), rk.to_string(), y))
            .or_insert_with(|| Cell {
                supplier: sp.clone(),
                recipient: rp.clone(),
                ..Cell::default()
            });
        cell.tiv += f.tiv[i];
        cell.allocated |= f.flags[i] & Flags::ALLOCATED != 0;
    }
    out
}

fn compare_values(
    out: &mut ReleaseDiff,
    va: &HashMap<CellKey, Cell>,
    vb: &HashMap<CellKey, Cell>,
    opts: &DiffOptions,
    tables: bool,
) {
    let keys: BTreeSet<&CellKey> = va.keys().chain(vb.keys()).collect();
    for k in keys {
        out.compared += 1;
        let (ca, cb) = (va.get(k), vb.get(k));
        let a = ca.map(|c| c.tiv);
        let b = cb.map(|c| c.tiv);
        let change = b.unwrap_or(0.0) - a.unwrap_or(0.0);
        if change.abs() <= EPS {
            continue;
        }
        let scale = a.unwrap_or(0.0).abs().max(b.unwrap_or(0.0).abs());
        let rel_ok = opts.min_relative <= 0.0 || change.abs() >= opts.min_relative * scale;
        let abs_ok = change.abs() >= opts.threshold && (!tables || change.abs() > TABLE_ROUNDING);
        if !(rel_ok && abs_ok) {
            out.below_threshold += 1;
            continue;
        }
        let named = cb.or(ca).expect("key came from one of the maps");
        let rev = Revision {
            supplier: named.supplier.clone(),
            recipient: named.recipient.clone(),
            year: k.2,
            a,
            b,
            change,
            relative: a.filter(|v| v.abs() > EPS).map(|v| change / v),
            kind: match (a, b) {
                (Some(_), Some(_)) => RevisionKind::Changed,
                (None, _) => RevisionKind::New,
                (_, None) => RevisionKind::Dropped,
            },
            allocated_a: ca.is_some_and(|c| c.allocated),
            allocated_b: cb.is_some_and(|c| c.allocated),
        };
        out.allocated_revisions += usize::from(rev.rests_on_allocation());
        out.revisions.push(rev);
    }
    out.revisions.sort_by(|x, y| {
        y.change
            .abs()
            .total_cmp(&x.change.abs())
            .then_with(|| x.year.cmp(&y.year))
            .then_with(|| x.supplier.cmp(&y.supplier))
            .then_with(|| x.recipient.cmp(&y.recipient))
    });
}

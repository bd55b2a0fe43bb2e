//! State shared by the readers while they build one release: entity interning,
//! row accounting, rejections and warnings.

use crate::ReadError;
use crate::flow_facts::FlowFacts;
use crate::names::Resolver;
use crate::preamble::Preamble;
use model::{
    Deal, Entity, EntityId, EntityKind, EntityTable, Flows, ImportReport, Rejection, Release,
    ReleaseMeta, SourceFormat, UnresolvedName,
};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Multiply-rotate hasher (FxHash-style) for our own keys: deal ids and entity
/// names from the file. Not DoS-resistant, which a batch reader does not need,
/// and several times faster than SipHash on the per-row lookups.
#[derive(Default, Clone, Copy)]
pub(crate) struct FastHasher(u64);

impl Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.write_u64(u64::from_le_bytes(c.try_into().unwrap_or([0; 8])));
        }
        for &b in chunks.remainder() {
            self.write_u64(u64::from(b));
        }
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = (self.0.rotate_left(5) ^ v).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn write_u8(&mut self, v: u8) {
        self.write_u64(u64::from(v));
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;

/// The supplier-table caveat on a title naming a former state (`tables`),
/// which the former-state check of [`crate::plausible`] would repeat.
pub(crate) const FORMER_TITLE: &str = "which SIPRI lists only up to";

/// Individual warnings kept before they are summarised, so a pathological file
/// cannot grow the report without bound.
const MAX_WARNINGS: usize = 50;

pub(crate) struct Builder {
    pub file: String,
    skip_bad_rows: bool,
    pub entities: EntityTable,
    /// Raw name as written → id, so the resolver runs once per distinct name.
    cache: FastMap<String, EntityId>,
    /// Unresolved names by their folded form (case, accents, spacing): one
    /// entity per party, keyed by its first spelling.
    unresolved_folded: FastMap<String, EntityId>,
    /// Unresolved entity → (rows, TIV) it carries.
    unresolved: HashMap<EntityId, (u64, f64)>,
    pub deals: Vec<Deal>,
    pub flows: Flows,
    pub world_totals: Vec<(u16, f64)>,
    /// The years a TIV table covers (its header's, less years without a
    /// published world total): an empty cell there is "no deliveries", so
    /// they are the release's years, not only those with a flow.
    pub table_years: Option<(u16, u16)>,
    pub report: ImportReport,
    pub(crate) suppressed_warnings: u64,
    /// Goes into [`ReleaseMeta::caveats`].
    caveats: Vec<String>,
    /// Control characters replaced in names and text cells.
    controls: u64,
    /// Rows whose TIV is not their units × TIV per unit, kept as written
    /// ([`Builder::check_product`]): a caveat, not only a warning.
    pub(crate) inconsistent_tiv: u64,
    /// Register rows over [`crate::row_checks::OUTSIZED_ROW_TIV`]: a caveat.
    pub(crate) outsized_tiv: u64,
    /// Legacy deals with TIV delivered but no delivery year: (deals, TIV)
    /// that no year's figures hold.
    pub(crate) undated_tiv: (u64, f64),
    /// The last year a row may name: the year of "Data generated", else the
    /// current year. SIPRI records deliveries made and orders placed, so a
    /// later year is an error, not a window past the data.
    pub latest_year: u16,
    /// What `latest_year` comes from, for messages.
    pub latest_why: String,
    /// The deals whose texts may hold control characters, ascending, when
    /// a reader knows (the others are printable ASCII); `None`: check all.
    pub dirty_deals: Option<Vec<u32>>,
    /// The flows' facts, when a reader gathers them as it goes (the
    /// streamed one, which holds no flows); else taken from `flows`.
    pub(crate) facts: Option<FlowFacts>,
    /// Rows whose cell checks warned ([`crate::row_checks`]), in order.
    pub(crate) row_warned: Vec<RowWarned>,
    /// Lines rejected after their cell checks ran (a deal's rows that
    /// contradict each other): their warnings are taken back at the finish.
    pub(crate) taken_back: Vec<u64>,
}

/// What one cell check of one row added to the report, so that it can be
/// taken back if the row is rejected later (hostile-files probe 28: a
/// rejected row's "the value as written is used" stayed in the report and
/// its file-wide caveat in every answer, though the value was not used).
#[derive(Debug, Clone, Copy)]
pub(crate) struct RowWarned {
    pub line: u64,
    pub shown: u32,
    pub suppressed: u64,
    pub inconsistent: u64,
    pub outsized: u64,
}

impl Builder {
    pub fn new(file: &str, skip_bad_rows: bool, capacity: usize) -> Self {
        Builder {
            file: file.to_string(),
            skip_bad_rows,
            entities: EntityTable::new(),
            cache: FastMap::default(),
            unresolved_folded: FastMap::default(),
            unresolved: HashMap::new(),
            deals: Vec::new(),
            flows: Flows::with_capacity(capacity),
            world_totals: Vec::new(),
            table_years: None,
            report: ImportReport {
                file: base_name(file),
                ..ImportReport::default()
            },
            suppressed_warnings: 0,
            caveats: Vec::new(),
            controls: 0,
            inconsistent_tiv: 0,
            outsized_tiv: 0,
            undated_tiv: (0, 0.0),
            latest_year: 2100,
            latest_why: String::new(),
            dirty_deals: None,
            facts: None,
            row_warned: Vec::new(),
            taken_back: Vec::new(),
        }
    }

    /// Sets [`Builder::latest_year`] from the file's "Data generated" date,
    /// else from today (both readers, whole-file and streamed, start here).
    pub fn limit_years(&mut self, preamble: &Preamble) {
        (self.latest_year, self.latest_why) = match preamble
            .generated_iso
            .as_deref()
            .and_then(|d| d.get(..4)?.parse::<u16>().ok())
        {
            Some(y) => (y, "the year the file was generated".to_string()),
            None => (
                crate::fetch::current_year(),
                "the current year; the file has no 'Data generated' date".to_string(),
            ),
        };
    }

    pub fn error(&self, line: u64, reason: impl Into<String>) -> ReadError {
        ReadError {
            file: self.file.clone(),
            line,
            reason: clipped(reason.into()),
        }
    }

    /// `Err(reason)` when `year` (named `what`) lies after [`Builder::latest_year`].
    pub fn check_year(&self, year: Option<u16>, what: &str) -> Result<(), String> {
        check_year(self.latest_year, &self.latest_why, year, what)
    }

    /// A row that cannot be read: fails the read, or is recorded as rejected
    /// when the caller asked to skip bad rows.
    pub fn bad_row(&mut self, line: u64, reason: String) -> Result<(), ReadError> {
        if self.skip_bad_rows {
            let reason = clipped(reason);
            self.report.rejected.push(Rejection { line, reason });
            Ok(())
        } else {
            Err(self.error(line, reason))
        }
    }

    pub fn skips_bad_rows(&self) -> bool {
        self.skip_bad_rows
    }

    /// A warning that every answer from the release must carry as well.
    pub fn caveat(&mut self, msg: String) {
        let msg = clipped(msg);
        self.caveats.push(msg.clone());
        self.warn(msg);
    }

    pub fn warn(&mut self, msg: String) {
        if self.report.warnings.len() < MAX_WARNINGS {
            self.report.warnings.push(clipped(msg));
        } else {
            self.suppressed_warnings += 1;
        }
    }

    /// The id of a name as written in the file; unknown names become
    /// `Unresolved` entities (reported, never dropped).
    pub fn entity(&mut self, raw: &str) -> EntityId {
        if let Some(&id) = self.cache.get(raw) {
            return id;
        }
        let (name, n) = crate::text::clean_controls(raw.trim());
        self.controls += n as u64;
        let name = name.as_ref();
        // Fetched here, not in `new`: the register reader builds the
        // table on a helper thread while the first rows are parsed.
        let resolved = Resolver::builtin().resolve(name);
        // Unresolved names that differ only in case or spacing are one
        // party, as the deal and self-transfer checks treat them (regression:
        // "Atlantis", "ATLANTIS" and "atlantis " were three suppliers).
        let folded = resolved.is_none().then(|| crate::names::fold(name));
        if let Some(id) = folded.as_ref().and_then(|f| self.unresolved_folded.get(f)) {
            let id = *id;
            self.cache.insert(raw.to_string(), id);
            return id;
        }
        let e = resolved.unwrap_or_else(|| Entity {
            key: format!("unresolved:{name}"),
            name: name.to_string(),
            kind: EntityKind::Unresolved,
            iso3: None,
        });
        let id = self.entities.intern(e);
        if let Some(f) = folded {
            self.unresolved_folded.insert(f, id);
        }
        self.cache.insert(raw.to_string(), id);
        id
    }

    /// The "all suppliers"/"all recipients" side of a one-sided TIV table.
    pub fn aggregate(&mut self, key: &str, name: &str) -> EntityId {
        self.entities.intern(Entity {
            key: key.to_string(),
            name: name.to_string(),
            kind: EntityKind::Aggregate,
            iso3: None,
        })
    }

    /// Accounts one row's TIV to any unresolved party in it.
    pub fn note_parties(&mut self, ids: [EntityId; 2], tiv: f64) {
        for id in ids {
            if self.entities.get(id).kind == EntityKind::Unresolved {
                let e = self.unresolved.entry(id).or_insert((0, 0.0));
                e.0 += 1;
                e.1 += tiv;
            }
        }
    }

    /// Takes back [`Builder::note_parties`] for a row rejected after it was noted
    /// (the streaming reader finds contradicting rows in a later pass).
    pub fn unnote_parties(&mut self, ids: [EntityId; 2], tiv: f64) {
        for id in ids {
            if let Some(e) = self.unresolved.get_mut(&id) {
                e.0 -= 1;
                e.1 -= tiv;
                if e.0 == 0 {
                    self.unresolved.remove(&id);
                }
            }
        }
    }

    /// Counts control characters replaced outside the builder.
    pub fn add_controls(&mut self, n: u64) {
        self.controls += n;
    }

    /// Replaces control characters in `s` (see `text::clean_controls`).
    fn clean(&mut self, s: &mut String) {
        if let (std::borrow::Cow::Owned(c), n) = crate::text::clean_controls(s) {
            self.controls += n as u64;
            *s = c;
        }
    }

    pub fn finish(
        mut self,
        format: SourceFormat,
        preamble: Preamble,
        sha: String,
    ) -> (Release, ImportReport) {
        let mut deals = std::mem::take(&mut self.deals);
        let dirty = self.dirty_deals.take();
        let pick: Box<dyn Iterator<Item = &mut Deal>> = match &dirty {
            None => Box::new(deals.iter_mut()),
            Some(v) => {
                let mut want = v.iter().peekable();
                Box::new(
                    deals
                        .iter_mut()
                        .enumerate()
                        .filter_map(move |(i, d)| want.next_if(|&&w| w as usize == i).map(|_| d)),
                )
            }
        };
        for d in pick {
            for s in [
                &mut d.designation,
                &mut d.description,
                &mut d.status,
                &mut d.comments,
            ] {
                self.clean(s);
            }
        }
        self.deals = deals;
        let span = self.table_years.or_else(|| self.flows.year_span());
        let (meta, entities, report) = self.finish_parts(format, preamble, sha, span);
        let release = Release {
            meta,
            entities,
            deals: std::mem::take(&mut self.deals),
            flows: std::mem::take(&mut self.flows),
            world_totals: std::mem::take(&mut self.world_totals),
        };
        (release, report)
    }

    /// What [`Builder::finish`] makes besides the flow and deal tables, for
    /// a reader that streams those: the report's `deals` and `flows` counts
    /// are the builder's and must be set by such a caller.
    pub fn finish_parts(
        &mut self,
        format: SourceFormat,
        mut preamble: Preamble,
        sha: String,
        span: Option<(u16, u16)>,
    ) -> (ReleaseMeta, EntityTable, ImportReport) {
        self.take_back_warnings();
        for s in [
            &mut preamble.title,
            &mut preamble.generated_raw,
            &mut preamble.source_line,
        ] {
            self.clean(s);
        }
        if self.controls > 0 {
            let n = self.controls;
            self.warn(format!(
                "{n} control characters (e.g. terminal escape codes, bidi overrides, zero-width spaces) in names or \
                 text replaced by U+FFFD"
            ));
        }
        if self.suppressed_warnings > 0 {
            let n = self.suppressed_warnings;
            self.report
                .warnings
                .push(format!("{n} further warnings not shown"));
        }
        let facts = self
            .facts
            .take()
            .unwrap_or_else(|| FlowFacts::of(&self.flows, &self.entities));
        for c in crate::scope_check::caveats(format, &preamble.title, &facts, &self.entities) {
            self.caveat(c);
        }
        if format == SourceFormat::Register
            && let Some(c) = crate::release_caveats::outside_title_years(&preamble.title, span)
        {
            self.caveat(c);
        }
        // A supplier table titled after a former state already says so.
        let titled = self.caveats.iter().any(|c| c.contains(FORMER_TITLE));
        for c in crate::plausible::caveats(
            preamble.synthetic,
            span,
            &facts,
            &self.deals,
            &self.entities,
        ) {
            if !(titled && c.contains(crate::plausible::NOT_EXISTING)) {
                self.caveat(c);
            }
        }
        if let Some(w) =
            crate::plausible::table_ends_early(format, preamble.generated_iso.as_deref(), span)
        {
            self.warn(w);
        }
        let date = preamble.generated_iso.clone();
        if date.is_none() && !preamble.synthetic {
            self.warn(
                "no 'Data generated' date in the file: the release is undated, and cannot be \
                 ordered against SIPRI's other releases by date"
                    .to_string(),
            );
        }
        let id = format!(
            "{}-{}-{}",
            date.as_deref().unwrap_or("undated"),
            format.as_str(),
            &sha[..8]
        );
        let mut unresolved: Vec<UnresolvedName> = self
            .unresolved
            .iter()
            .map(|(&id, &(rows, tiv))| UnresolvedName {
                name: self.entities.get(id).name.clone(),
                rows,
                tiv,
            })
            .collect();
        unresolved.sort_by(|a, b| b.tiv.total_cmp(&a.tiv).then(a.name.cmp(&b.name)));
        let r = &mut self.report;
        r.format = Some(format);
        r.rows_imported = r.rows_read.saturating_sub(r.rejected.len() as u64);
        r.deals = self.deals.len() as u64;
        r.flows = self.flows.len() as u64;
        r.entities = self.entities.len() as u64;
        r.unresolved = unresolved.clone();
        // First, so that it is seen; in the stored report and JSON too
        // (regression: only the CLI's table printed it).
        if let Some(w) = crate::many_rejected(r) {
            r.warnings.insert(0, w);
        }
        if !r.rejected.is_empty() {
            let n = r.rejected.len();
            self.caveats.push(format!(
                "{n} row{} of the source file {} rejected at import (--skip-bad-rows): no figure \
                 includes {}",
                if n == 1 { "" } else { "s" },
                if n == 1 { "was" } else { "were" },
                if n == 1 { "it" } else { "them" },
            ));
        }
        // Warned of once at import, then never again (regression of the
        // hostile-files probe 2: a legacy row's delivered TIV typed 6600 for
        // 12 × 55 = 660 made Russia 97.4 % of Kazakhstan's imports, 88.9 %
        // as SIPRI has it, with no word in the answer).
        if self.inconsistent_tiv > 0 {
            let n = self.inconsistent_tiv;
            self.caveat(format!(
                "{n} row{} of the file state a TIV that is not its number of units × TIV per \
                 unit (see the import report's warnings): the values as written are used, and \
                 may be typing errors",
                if n == 1 { "" } else { "s" }
            ));
        }
        if self.outsized_tiv > 0 {
            let n = self.outsized_tiv;
            self.caveat(format!(
                "{n} row{} of the file state{} over {} TIV for one deal in one year, more than \
                 SIPRI has ever recorded (see the import report's warnings): the values as \
                 written are used, and may be typing or scaling errors",
                if n == 1 { "" } else { "s" },
                if n == 1 { "s" } else { "" },
                crate::row_checks::OUTSIZED_ROW_TIV
            ));
        }
        if let Some(c) = crate::release_caveats::unmatched_names(&unresolved) {
            self.caveat(c);
        }
        if self.undated_tiv.0 > 0 {
            let (n, tiv) = self.undated_tiv;
            self.caveat(format!(
                "{tiv} TIV delivered in {n} deal{} without a delivery year is in no year's \
                 figures (see the import report's warnings)",
                if n == 1 { "" } else { "s" }
            ));
        }
        let last_complete =
            match crate::release_caveats::incomplete_year(date.as_deref(), span, &self.flows) {
                Some((complete, why)) => {
                    self.caveat(why);
                    Some(complete)
                }
                None => None,
            };
        let meta = ReleaseMeta {
            id,
            format,
            title: preamble.title,
            generated_raw: preamble.generated_raw,
            generated: date,
            source_line: preamble.source_line,
            // The name only: the stored meta is shown by the API, and a
            // directory path would expose the importer's file system.
            source_file: base_name(&self.file),
            sha256: sha,
            synthetic: preamble.synthetic,
            first_year: span.map(|s| s.0),
            last_year: span.map(|s| s.1),
            imported_at: String::new(),
            caveats: std::mem::take(&mut self.caveats),
            digests: false,
            last_complete_year: last_complete,
        };
        let entities = std::mem::take(&mut self.entities);
        (meta, entities, std::mem::take(&mut self.report))
    }
}

/// `Err(reason)` when `year` (named `what`) lies after `latest` (which comes
/// from `why`); shared with the streaming reader's worker threads.
pub fn check_year(latest: u16, why: &str, year: Option<u16>, what: &str) -> Result<(), String> {
    match year {
        Some(y) if y > latest => Err(format!(
            "{what}: {y} is after {latest} ({why}): SIPRI records only deliveries made and orders placed"
        )),
        _ => Ok(()),
    }
}

/// A SHA-256 digest as lowercase hex.
pub fn sha_hex(digest: &[u8]) -> String {
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// The file's SHA-256 as lowercase hex: the release id's last part.
pub fn file_sha(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha_hex(&sha2::Sha256::digest(bytes))
}

/// The last component of a path as given (`/` or `\\` separated).
fn base_name(file: &str) -> String {
    file.rsplit(['/', '\\']).next().unwrap_or(file).to_string()
}

mod cells;
#[cfg(test)]
use cells::parse_f64;
pub(crate) use cells::{decimal, parse_u64, whole};
pub use cells::{parse_opt_count, parse_opt_tiv, parse_opt_year, parse_tiv, parse_year};

#[cfg(test)]
mod tests;

/// A message cut to [`crate::clip::MAX_MESSAGE`] characters (the cells it
/// quotes are cut where they are quoted; this bounds the rest).
fn clipped(msg: String) -> String {
    match crate::clip::clip(&msg, crate::clip::MAX_MESSAGE) {
        std::borrow::Cow::Borrowed(_) => msg,
        std::borrow::Cow::Owned(s) => s,
    }
}

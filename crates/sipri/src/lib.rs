//! SIPRI's export formats, the name resolver and the synthetic generator.
//!
//! [`read`] takes the bytes of any SIPRI export we know (current and legacy trade
//! register, TIV importer/exporter tables, legacy per-supplier tables), detects
//! layout and encoding from the content, and returns a [`model::Release`] with an
//! [`model::ImportReport`] that accounts for every row.
pub mod country;
pub mod fetch;
pub mod synth;

mod builder;
mod chunk;
mod clip;
mod deal_ids;
mod deal_rows;
mod fast;
mod flow_facts;
mod legacy;
mod merge;
pub mod names;
mod ordered;
mod plausible;
mod preamble;
mod register;
mod release_caveats;
mod row_checks;
mod scope_check;
mod sniff;
mod spill;
pub mod stream;
mod stream_out;
mod stream_part;
mod tables;
mod text;

use model::{ImportReport, Release, SourceFormat};

/// How to read a file.
#[derive(Debug, Clone)]
pub struct ReadOptions {
    /// Display name used in errors; its last path component becomes
    /// `meta.source_file` and `report.file` (never a directory).
    pub file_name: String,
    /// `false` (default): the first bad row fails the whole read. `true`: bad rows
    /// are listed in `report.rejected` and the rest is read.
    pub skip_bad_rows: bool,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            file_name: "<input>".to_string(),
            skip_bad_rows: false,
        }
    }
}

/// A file that cannot be read: where and why.
#[derive(Debug, Clone, PartialEq)]
pub struct ReadError {
    pub file: String,
    /// 1-based physical line.
    pub line: u64,
    pub reason: String,
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.reason)
    }
}

impl std::error::Error for ReadError {}

/// Whether the one-pass reader of plainly well-formed register rows agrees
/// with the general one on `line` (or leaves it to it). For the fuzz target.
#[doc(hidden)]
pub fn fast_row_agrees(line: &str) -> bool {
    fast::agrees(line)
}

/// The layout of a file, from its content; `None` if it is no SIPRI export we know.
/// Why a read file must not become a release, if it must not: every data
/// row rejected (`--skip-bad-rows`), or no delivery and no deal kept (a TIV
/// table's total row alone). Stored, such a release would become the latest,
/// and every query would answer "no deliveries" from nothing (regressions:
/// "imported 0, rejected 382" and a table of a header and its total row,
/// both stored with exit 0).
pub fn nothing_kept(report: &ImportReport) -> Option<String> {
    if report.rows_imported == 0 && !report.rejected.is_empty() {
        let first = &report.rejected[0];
        return Some(format!(
            "every data row was rejected ({} rows; the first, line {}: {}); nothing was imported. \
             Check that the file is the SIPRI export it looks like",
            report.rejected.len(),
            first.line,
            first.reason
        ));
    }
    if report.flows == 0 && report.deals == 0 {
        return Some(format!(
            "the file holds no deliveries and no deals ({} rows read, {} kept, none of them a \
             delivery: a table's total row is not one); nothing was imported",
            report.rows_read, report.rows_imported
        ));
    }
    None
}

/// Many rejected rows mean a wrong layout more often than a few bad rows.
pub fn many_rejected(report: &ImportReport) -> Option<String> {
    let k = report.rejected.len() as u64;
    (k * 10 > report.rows_read).then(|| {
        format!(
            "{k} of {} rows were rejected ({:.1} %): check that the file is the export it looks like",
            report.rows_read,
            k as f64 * 100.0 / report.rows_read.max(1) as f64
        )
    })
}

pub fn detect(bytes: &[u8]) -> Option<SourceFormat> {
    let d = text::decode(bytes).ok()?;
    preamble::find_header(&d.text).map(|h| h.format)
}

/// Reads one SIPRI export into a release. Never panics on malformed input.
pub fn read(bytes: &[u8], opts: &ReadOptions) -> Result<(Release, ImportReport), ReadError> {
    read_chunked(bytes, opts, register::CHUNK_BYTES)
}

/// [`read`], with the current register parsed in chunks of about
/// `chunk_bytes` (`usize::MAX`: one chunk, one thread). The result is the
/// same for every chunk size; tests check that.
#[doc(hidden)]
pub fn read_chunked(
    bytes: &[u8],
    opts: &ReadOptions,
    chunk_bytes: usize,
) -> Result<(Release, ImportReport), ReadError> {
    let file = opts.file_name.as_str();
    let err = |line: u64, reason: &str| ReadError {
        file: file.to_string(),
        line,
        reason: reason.to_string(),
    };
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(err(1, "empty file"));
    }
    let decoded = text::decode(bytes).map_err(|(line, reason)| err(line, &reason))?;
    let text: &str = &decoded.text;
    if text.trim().is_empty() {
        // A BOM and nothing else (found by fuzzing: it used to say "line 0").
        return Err(err(1, "empty file"));
    }
    let header = preamble::find_header(text).ok_or_else(|| {
        if let Some((line, reason)) = preamble::near_header(text) {
            return err(line, &reason);
        }
        err(
            text::count_lines(text).min(preamble::MAX_PREAMBLE_LINES as u64),
            "unknown layout: no header found (expected a row starting with \
             'SIPRI AT Database ID', 'Recipient,Supplier', 'Recipient,<year>' or \
             'Exports by,<year>', or a 'TIV of arms exports from' title)",
        )
    })?;
    if let Some((line, reason)) = &header.preamble.date_error {
        return Err(err(*line, reason));
    }
    // Rough row estimate so flow columns allocate once for large files.
    let capacity = (bytes.len() / 100).min(50_000_000);
    let mut b = builder::Builder::new(file, opts.skip_bad_rows, capacity);
    b.limit_years(&header.preamble);
    b.report.encoding = decoded.encoding.to_string();
    if decoded.encoding == "latin-1"
        && let Some(line) = text::utf8_sequence(bytes, 1)
    {
        return Err(err(line, text::MIXED_ENCODING));
    }
    if decoded.cr_only {
        b.warn("lines end with a bare CR (classic Mac line endings); read as line breaks".into());
    }
    // The register reader counts the lines of its chunks on every core (a
    // third of a millisecond less before the parsing starts).
    if header.format != SourceFormat::Register {
        b.report.lines = text::count_lines(text);
    }
    let sha = match header.format {
        SourceFormat::Register => register::read(&mut b, text, &header.line, bytes, chunk_bytes)?,
        SourceFormat::LegacyRegister => {
            legacy::read(&mut b, text, &header.line)?;
            builder::file_sha(bytes)
        }
        _ => {
            tables::read(&mut b, text, &header)?;
            builder::file_sha(bytes)
        }
    };
    Ok(b.finish(header.format, header.preamble, sha))
}

//! One run of current-register lines parsed and checked on its own, without
//! the reader's shared state, so that runs can be parsed on several threads
//! and merged in file order: by the whole-file reader ([`crate::register`])
//! and by pass 1 of the streaming reader ([`crate::stream`]).

use crate::builder::{FastMap, check_year};
use crate::register::{COLUMNS, Row, parse_row, row_flags};
use crate::text::{Lines, count_lines, is_blank, split_cells_semi, strip_semicolon};

/// One parse-checked row of a chunk, its parties as chunk-local name ids.
/// Kept small (no 17-slice row): a chunk holds tens of thousands.
pub(crate) struct Parsed<'a> {
    /// Line number as counted by the caller of [`parse_chunk`].
    pub line: u64,
    pub sup: u32,
    pub rec: u32,
    pub flags: u16,
    pub row: Row<'a>,
}

/// An emptied vector's allocation, for rows borrowing from another chunk
/// (the collect reuses the buffer: same layout).
// `filter_map` changes the element's lifetime, which `filter` cannot.
#[allow(clippy::unnecessary_filter_map)]
pub(crate) fn recycle<'b>(mut v: Vec<Parsed<'_>>) -> Vec<Parsed<'b>> {
    v.clear();
    v.into_iter().filter_map(|_| None).collect()
}

/// Rows to reserve for `bytes` of text: SIPRI's rows are over 100 bytes;
/// reserving once instead of growing saves copies into freshly faulted
/// pages (a file of shorter rows grows the buffer).
pub(crate) fn row_capacity(bytes: usize) -> usize {
    bytes / 100 + 16
}

/// What a worker makes of one chunk.
#[derive(Default)]
pub(crate) struct ChunkOut<'a> {
    pub rows: Vec<Parsed<'a>>,
    /// Supplier and recipient names as written, in order of first use.
    pub names: Vec<&'a str>,
    /// Rows that fail on their own, in line order (only the first unless
    /// bad rows are skipped).
    pub errors: Vec<(u64, String)>,
    pub rows_read: u64,
    pub blank: u64,
    /// The chunk's lines, as [`count_lines`] counts them.
    pub lines: u64,
    /// The line of the last error, when it is one no `--skip-bad-rows`
    /// passes over ([`crate::preamble::another_export`]); parsing stops there.
    pub fatal: Option<u64>,
}

/// How [`parse_chunk`] reads its lines.
#[derive(Clone, Copy)]
pub(crate) struct ChunkSpec<'s> {
    /// Number of the chunk's first line.
    pub first_line: u64,
    /// Lines up to this number (the preamble and header) are skipped.
    pub header: u64,
    /// The latest year a row may name, and why.
    pub limit: (u16, &'s str),
    /// Keep parsing after a bad row (else stop at the first).
    pub skip: bool,
}

/// Parses the lines of one chunk as `register::read` does, without the
/// shared state: names get chunk-local ids in order of first use. `spare`:
/// the emptied buffer of an earlier chunk to fill again (fresh pages cost a
/// page fault each).
pub(crate) fn parse_chunk<'a>(
    text: &'a str,
    spec: ChunkSpec<'_>,
    spare: Vec<Parsed<'static>>,
) -> ChunkOut<'a> {
    let mut out = ChunkOut {
        rows: recycle(spare),
        ..ChunkOut::default()
    };
    out.rows.reserve(row_capacity(text.len()));
    let mut ids: FastMap<&'a str, u32> = FastMap::default();
    // The register is sorted by supplier and a deal's rows are adjacent: the
    // previous row's names are the likely ones (a compare, not a hash).
    let mut last_names: [(&str, u32); 2] = [("", u32::MAX); 2];
    let limit = spec.limit;
    let mut lines = Lines::new(text);
    for line in lines.by_ref() {
        let no = spec.first_line + line.no - 1;
        if no <= spec.header {
            continue;
        }
        let l = strip_semicolon(line.text);
        if is_blank(l) {
            out.blank += 1;
            continue;
        }
        out.rows_read += 1;
        // Plainly well-formed rows in one pass; the rest (and every error)
        // through the general path, which explains what is wrong.
        let (parsed, names) = match crate::fast::row(l) {
            Some((row, sup, rec)) => (Ok(row), [sup, rec]),
            None => general(l, line.terminated),
        };
        let parsed = parsed.and_then(|r| {
            check_year(limit.0, limit.1, Some(r.year), COLUMNS[10])?;
            check_year(limit.0, limit.1, r.order_year, COLUMNS[6])?;
            Ok(r)
        });
        match parsed {
            Ok(row) => {
                let mut id = |k: usize, s: &'a str| {
                    if last_names[k].0 == s && last_names[k].1 != u32::MAX {
                        return last_names[k].1;
                    }
                    let next = out.names.len() as u32;
                    let id = *ids.entry(s).or_insert_with(|| {
                        out.names.push(s);
                        next
                    });
                    last_names[k] = (s, id);
                    id
                };
                let (sup, rec) = (id(0, names[0]), id(1, names[1]));
                out.rows.push(Parsed {
                    line: no,
                    sup,
                    rec,
                    flags: row_flags(&row),
                    row,
                });
            }
            Err(reason) => {
                // Only a line that failed: one that begins another export
                // never reads as a row.
                if let Some(why) = crate::preamble::another_export(l) {
                    out.errors.push((no, why));
                    out.fatal = Some(no);
                    break;
                }
                out.errors.push((no, reason));
                if !spec.skip {
                    break;
                }
            }
        }
    }
    // Those read, and those after the first error when it stopped the parse.
    out.lines = lines.read() + count_lines(lines.rest());
    out
}

/// Why a row whose Supplier and Recipient are two spellings of one party
/// ("Turkiye" supplying "Turkey") is bad: its TIV would count in that
/// party's imports and exports alike. The readers check it once names are
/// resolved (the same spelling twice is `register::same_party`'s).
pub(crate) fn one_party(supplier: &str, recipient: &str) -> String {
    format!(
        "Supplier '{}' and Recipient '{}' name the same party: a transfer is between two parties",
        supplier.trim(),
        recipient.trim()
    )
}

/// The rows of `out` whose two names are one party (`ids`: the entity of
/// each chunk-local name), moved to its errors in line order.
pub(crate) fn reject_one_party(out: &mut ChunkOut<'_>, ids: &[u32]) {
    let same = |p: &Parsed<'_>| ids[p.sup as usize] == ids[p.rec as usize];
    if !out.rows.iter().any(same) {
        return;
    }
    let (bad, kept): (Vec<_>, Vec<_>) = out.rows.drain(..).partition(same);
    for p in bad {
        let reason = one_party(out.names[p.sup as usize], out.names[p.rec as usize]);
        out.errors.push((p.line, reason));
    }
    out.errors.sort_by_key(|e| e.0);
    out.rows = kept;
}

/// A row read by splitting and [`parse_row`], with its Supplier and
/// Recipient cells; the reason when it is bad.
fn general(l: &str, terminated: bool) -> (Result<Row<'_>, String>, [&str; 2]) {
    let mut f = [""; 17];
    let n = match split_cells_semi(l, &mut f) {
        Ok(n) => n,
        Err(reason) => return (Err(reason), [f[1], f[2]]),
    };
    let parsed = if n != 17 {
        Err(if n < 17 && !terminated {
            format!("truncated file: last record has {n} of 17 fields")
        } else if n < 17 {
            format!("missing columns: {n} fields, expected 17")
        } else {
            format!("extra columns: {n} fields, expected 17")
        })
    } else {
        parse_row(&f)
    };
    (parsed, [f[1], f[2]])
}

/// Cores to parse on, asked once per process: each `available_parallelism`
/// call reads four cgroup files (14 system calls).
pub(crate) fn cores() -> usize {
    static CORES: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *CORES.get_or_init(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
}

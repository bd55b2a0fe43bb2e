//! The current 17-column trade register: one row per deal and delivery year.
//!
//! Each row becomes one flow with SIPRI's `TIV delivery values` as given (never
//! recomputed); rows sharing a `SIPRI AT Database ID` form one deal.

use crate::ReadError;
use crate::builder::{
    Builder, FastMap, file_sha, parse_opt_count, parse_opt_tiv, parse_opt_year, parse_tiv,
    parse_u64, parse_year,
};
use crate::chunk::{ChunkSpec, Parsed, parse_chunk, row_capacity};
use crate::merge::{Merge, merge_chunk};
use crate::ordered::ordered;
use crate::text::{Line, strip_semicolon, trim};
use model::{Category, Flags};
use std::sync::Mutex;

pub const COLUMNS: [&str; 17] = [
    "SIPRI AT Database ID",
    "Supplier",
    "Recipient",
    "Designation",
    "Description",
    "Armament category",
    "Order date",
    "Order date is estimate",
    "Numbers delivered",
    "Numbers delivered is estimate",
    "Delivery year",
    "Delivery year is estimate",
    "Status",
    "SIPRI estimate",
    "TIV deal unit",
    "TIV delivery values",
    "Local production",
];

/// Checks a header row against the expected column names.
pub fn check_header(b: &Builder, line: &Line, expected: &[&str]) -> Result<(), ReadError> {
    let text = strip_semicolon(line.text);
    let mut cells = crate::text::cells(text).map_err(|r| b.error(line.no, r))?;
    // As `split_cells_semi` does for rows.
    if let (true, Some(last)) = (text.trim_end().ends_with('"'), cells.last_mut()) {
        *last = strip_semicolon(last);
    }
    let cells: Vec<&str> = cells.into_iter().map(str::trim).collect();
    if cells.len() != expected.len() {
        // A bare CR inside the line joins the header to the next line in a
        // file that mixes CR and LF line ends; an editor shows them as two
        // lines (hostile-files probe 32: the count alone did not say why).
        let cr = if line.text.trim_end_matches('\r').contains('\r') {
            " (the line holds a bare carriage return (CR) that joins two lines: the file \
             mixes CR and LF line ends, and lines are counted at LF; save it with one kind)"
        } else {
            ""
        };
        return Err(b.error(
            line.no,
            format!(
                "header has {} columns, expected {}{cr}",
                cells.len(),
                expected.len()
            ),
        ));
    }
    for (i, (got, want)) in cells.iter().zip(expected).enumerate() {
        if !got.eq_ignore_ascii_case(want.trim()) {
            // pandas names SIPRI's untitled flag columns "Unnamed: 3"
            // (hostile-files probe 4: refused without a hint).
            let hint = if got.starts_with("Unnamed: ") {
                "; the file looks re-saved by pandas, which names untitled columns \
                 'Unnamed: N': import SIPRI's original download"
            } else {
                ""
            };
            return Err(b.error(
                line.no,
                format!(
                    "header column {}: '{got}', expected '{}'{hint}",
                    i + 1,
                    want.trim()
                ),
            ));
        }
    }
    Ok(())
}

/// A transfer has two parties: a row naming one as both would count its
/// TIV in that party's imports and exports alike. Names compare as the
/// resolver keys them (trimmed, any case); aliases of one entity (`Turkey`,
/// `Turkiye`) are not caught here.
pub(crate) fn same_party(supplier: &str, recipient: &str) -> Result<(), String> {
    if supplier.eq_ignore_ascii_case(recipient) {
        return Err(format!(
            "Supplier and Recipient are both '{supplier}': a transfer is between two parties"
        ));
    }
    Ok(())
}

/// Yes/No/empty → `Some(true)`/`Some(false)`/`None` (unknown, not No).
pub(crate) fn yes_no(s: &str, col: usize) -> Result<Option<bool>, String> {
    match trim(s) {
        "" => Ok(None),
        t if t.eq_ignore_ascii_case("yes") => Ok(Some(true)),
        t if t.eq_ignore_ascii_case("no") => Ok(Some(false)),
        t => Err(format!(
            "'{}': expected Yes, No or empty, found '{t}'",
            COLUMNS[col]
        )),
    }
}

/// One checked row: its values, and its Designation, Description and
/// Status cells as written (untrimmed). Small, since it is moved around
/// for every row.
#[derive(Debug)]
pub(crate) struct Row<'a> {
    pub id: u64,
    pub texts: [&'a str; 3],
    pub category: Category,
    pub order_year: Option<u16>,
    pub order_est: Option<bool>,
    pub units: Option<u32>,
    pub units_est: Option<bool>,
    pub year: u16,
    pub year_est: Option<bool>,
    pub tiv_unit_new: Option<f64>,
    pub tiv_unit: Option<f64>,
    pub tiv: f64,
    pub local: Option<bool>,
}

pub(crate) fn parse_row<'a>(f: &[&'a str; 17]) -> Result<Row<'a>, String> {
    let id_s = trim(f[0]);
    let id = parse_u64(crate::builder::whole(id_s))
        .map_err(|_| format!("'SIPRI AT Database ID': '{id_s}' is not a number"))?;
    if trim(f[1]).is_empty() || trim(f[2]).is_empty() {
        return Err("empty Supplier or Recipient".into());
    }
    same_party(trim(f[1]), trim(f[2]))?;
    let cat_s = trim(f[5]);
    // An empty category would be "Unspecified", a row every per-category
    // figure leaves out (SIPRI fills it in every row).
    if cat_s.is_empty() {
        return Err("empty Armament category".into());
    }
    let category = category(cat_s).ok_or_else(|| format!("unknown armament category '{cat_s}'"))?;
    check_status(f[12], "Status")?;
    Ok(Row {
        id,
        texts: [f[3], f[4], f[12]],
        category,
        order_year: parse_opt_year(f[6], COLUMNS[6])?,
        order_est: yes_no(f[7], 7)?,
        units: parse_opt_count(f[8], COLUMNS[8])?,
        units_est: yes_no(f[9], 9)?,
        year: parse_year(f[10], COLUMNS[10])?,
        year_est: yes_no(f[11], 11)?,
        tiv_unit_new: parse_opt_tiv(f[13], COLUMNS[13])?,
        tiv_unit: parse_opt_tiv(f[14], COLUMNS[14])?,
        tiv: parse_tiv(f[15], COLUMNS[15])?,
        local: yes_no(f[16], 16)?,
    })
}

/// Bytes per chunk of the whole-file reader: many for SIPRI's 2.75 MB
/// register, so that merging overlaps parsing and the threads finish
/// together. A chunk's parsed rows (under 100 KB) stay below glibc's mmap
/// threshold: their buffers come from the heap, where the memory is reused
/// after the read (by the store) instead of returned to the kernel.
pub const CHUNK_BYTES: usize = 64 << 10;

/// Reads the rows after `header`, in chunks of about `chunk_bytes` parsed on
/// every core and merged in file order (the release and report do not
/// depend on the chunking); returns the SHA-256 of `bytes`, hashed meanwhile.
pub fn read(
    b: &mut Builder,
    text: &str,
    header: &Line,
    bytes: &[u8],
    chunk_bytes: usize,
) -> Result<String, ReadError> {
    check_header(b, header, &COLUMNS)?;
    let body = after_line(text, header.no);
    let chunks = split_chunks(body, chunk_bytes.max(1));
    let cores = crate::chunk::cores();
    let helpers = (cores - 1).min(chunks.len() - 1).min(15);
    let why = b.latest_why.clone();
    let spec = ChunkSpec {
        first_line: 1,
        header: 0,
        limit: (b.latest_year, &why),
        skip: b.skips_bad_rows(),
    };
    // Sized once from the file (about 100 bytes a row, two rows a deal).
    let rows = body.len() / 100 + 16;
    let mut m = Merge {
        deal_of: FastMap::with_capacity_and_hasher(rows / 2, Default::default()),
        next_flow: Vec::with_capacity(rows),
        flow_line: Vec::with_capacity(rows),
        ..Merge::default()
    };
    b.deals.reserve(rows / 2);
    b.dirty_deals = Some(Vec::new());
    // Chunks number their lines from 1; `base` is the line before a chunk.
    let mut base = header.no;
    // Buffers of merged chunks, filled again by later ones.
    // Allocated here, on the thread that frees them: a helper's allocations
    // would grow its own arena, whose memory this thread cannot reuse.
    let spares = (2 * (helpers + 1)).min(chunks.len());
    let cap = row_capacity(chunk_bytes.max(1).min(body.len()));
    let pool: Mutex<Vec<Vec<Parsed<'static>>>> =
        Mutex::new((0..spares).map(|_| Vec::with_capacity(cap)).collect());
    let parse = |i: usize| {
        let c = chunks[i];
        let rows = pool
            .lock()
            .ok()
            .and_then(|mut p| p.pop())
            .unwrap_or_default();
        parse_chunk(c, spec, rows)
    };
    let hash = || {
        // The name table is first needed by the first merge: built meanwhile.
        crate::names::Resolver::builtin();
        file_sha(bytes)
    };
    // A helper may run 6 chunks (~400 KB) ahead of the merge: enough that it
    // rarely waits, few enough that a preempted merge does not leave dozens
    // of parsed chunks (fresh memory) waiting.
    let sha = ordered(chunks.len(), helpers, 6, &parse, &hash, &mut |out| {
        let lines = out.lines;
        let spare = merge_chunk(b, &mut m, out, base)?;
        base += lines;
        if let Ok(mut p) = pool.lock() {
            p.push(spare);
        }
        Ok(())
    })?;
    // The header's line and every chunk's: the file's line count.
    b.report.lines = base;
    for d in &mut b.deals {
        d.delivery_years.sort_unstable();
    }
    if m.blank > 0 {
        b.warn(format!("{} blank lines skipped", m.blank));
    }
    if b.report.rows_read == 0 {
        return Err(b.error(header.no, "no data rows after the header"));
    }
    Ok(sha)
}

/// `text` after its first `n` lines.
fn after_line(text: &str, n: u64) -> &str {
    let cut = match n.checked_sub(1) {
        None => 0,
        Some(k) => memchr::memchr_iter(b'\n', text.as_bytes())
            .nth(k as usize)
            .map_or(text.len(), |p| p + 1),
    };
    &text[cut..]
}

/// `body` cut after the first line end at or past every `size` bytes (a
/// register record is one physical line); at least one chunk.
pub(crate) fn split_chunks(body: &str, size: usize) -> Vec<&str> {
    let mut v = Vec::with_capacity(body.len() / size + 1);
    let mut rest = body;
    while rest.len() > size {
        let Some(p) = memchr::memchr(b'\n', &rest.as_bytes()[size - 1..]) else {
            break;
        };
        let (c, r) = rest.split_at(size + p);
        v.push(c);
        rest = r;
    }
    if !rest.is_empty() || v.is_empty() {
        v.push(rest);
    }
    v
}

/// A row's flag bits: its estimate columns, second hand, local production.
pub(crate) fn row_flags(row: &Row) -> u16 {
    let mut flags = 0u16;
    for (est, bit) in [
        (row.order_est, Flags::EST_ORDER),
        (row.units_est, Flags::EST_NUMBER),
        (row.year_est, Flags::EST_YEAR),
    ] {
        match est {
            Some(true) => flags |= bit,
            None => flags |= Flags::EST_UNKNOWN,
            Some(false) => {}
        }
    }
    if is_second_hand(row.texts[2]) {
        flags |= Flags::SECOND_HAND;
    }
    if row.local == Some(true) {
        flags |= Flags::LOCAL_PRODUCTION;
    }
    flags
}

pub(crate) fn line32(no: u64) -> u32 {
    u32::try_from(no).unwrap_or(u32::MAX)
}

/// SIPRI's three Status values, as written.
pub(crate) const STATUSES: [&str; 3] = ["New", "Second hand", "Second hand but modernized"];

/// A Status cell is one of SIPRI's three values (trimmed, any case) or
/// empty (not known): any other text was read as "New" without a word
/// (regression: `Used` and `bogus` were accepted), though the second-hand
/// flag and the deal's status come from it.
pub(crate) fn check_status(s: &str, col: &str) -> Result<(), String> {
    let t = s.trim();
    if t.is_empty() || STATUSES.iter().any(|k| k.eq_ignore_ascii_case(t)) {
        return Ok(());
    }
    Err(format!(
        "'{col}': expected New, Second hand or Second hand but modernized, found '{t}'"
    ))
}

pub fn is_second_hand(status: &str) -> bool {
    let s = status.trim_start().as_bytes();
    s.len() >= 11 && s[..11].eq_ignore_ascii_case(b"second hand")
}

/// SIPRI's exact spellings first (no allocation), then the lenient parse.
pub(crate) fn category(s: &str) -> Option<Category> {
    exact_category(s).or_else(|| Category::parse(s))
}

/// SIPRI's exact spelling of a category (what the one-pass row reader takes).
pub(crate) fn exact_category(s: &str) -> Option<Category> {
    Category::ALL.into_iter().find(|c| c.sipri_name() == s)
}

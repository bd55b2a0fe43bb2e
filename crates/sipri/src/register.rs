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
use crate::text::{Line, count_lines, strip_semicolon, trim};
use model::{Category, Deal, Flags};
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
    let cells: Vec<&str> = strip_semicolon(line.text)
        .split(',')
        .map(str::trim)
        .collect();
    if cells.len() != expected.len() {
        return Err(b.error(
            line.no,
            format!(
                "header has {} columns, expected {}",
                cells.len(),
                expected.len()
            ),
        ));
    }
    for (i, (got, want)) in cells.iter().zip(expected).enumerate() {
        if !got.eq_ignore_ascii_case(want.trim()) {
            return Err(b.error(
                line.no,
                format!(
                    "header column {}: '{got}', expected '{}'",
                    i + 1,
                    want.trim()
                ),
            ));
        }
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

/// Estimate state of a deal from several rows: any Yes wins, then any unknown.
pub(crate) fn merge(a: Option<bool>, b: Option<bool>) -> Option<bool> {
    match (a, b) {
        (Some(true), _) | (_, Some(true)) => Some(true),
        (None, _) | (_, None) => None,
        _ => Some(false),
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
    let id =
        parse_u64(id_s).map_err(|_| format!("'SIPRI AT Database ID': '{id_s}' is not a number"))?;
    if trim(f[1]).is_empty() || trim(f[2]).is_empty() {
        return Err("empty Supplier or Recipient".into());
    }
    let cat_s = trim(f[5]);
    let category = category(cat_s).ok_or_else(|| format!("unknown armament category '{cat_s}'"))?;
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
        (parse_chunk(c, spec, rows), count_lines(c))
    };
    let hash = || {
        // The name table is first needed by the first merge: built meanwhile.
        crate::names::Resolver::builtin();
        file_sha(bytes)
    };
    // A helper may run 6 chunks (~400 KB) ahead of the merge: enough that it
    // rarely waits, few enough that a preempted merge does not leave dozens
    // of parsed chunks (fresh memory) waiting.
    let sha = ordered(chunks.len(), helpers, 6, &parse, &hash, &mut |(
        out,
        lines,
    )| {
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

/// Why a further row of deal `d` cannot belong to it, if it cannot: the rows of
/// one SIPRI deal share its parties and deal-level fields, and list each
/// delivery year once. A row that contradicts an earlier one is rejected,
/// naming both lines and the fields, rather than guessing which one is right;
/// an exact repeat is rejected too, since keeping it would count its TIV twice.
/// `rows(k)` is the deal's `k`-th row so far as (flow, line), parallel to its
/// `delivery_years`; `prior(flow)` gives that flow's units, TIV and flags.
pub(crate) fn conflict(
    name: &dyn Fn(u32) -> String,
    deal: &Deal,
    rows: &dyn Fn(usize) -> (u32, u32),
    prior: &dyn Fn(u32) -> (u32, f64, u16),
    row: &Row,
    supplier: u32,
    recipient: u32,
) -> Option<String> {
    let id = row.id;
    // Compared first, formatted only when different: this runs for every
    // further row of every deal, and must not allocate when all is well.
    let mut diffs: Vec<String> = Vec::new();
    let mut diff =
        |col: usize, same: bool, here: &dyn Fn() -> String, there: &dyn Fn() -> String| {
            if !same {
                diffs.push(format!(
                    "{} '{}' here, '{}' there",
                    COLUMNS[col],
                    here(),
                    there()
                ));
            }
        };
    let text = |s: &str| trim(s).to_string();
    diff(1, supplier == deal.supplier, &|| name(supplier), &|| {
        name(deal.supplier)
    });
    diff(2, recipient == deal.recipient, &|| name(recipient), &|| {
        name(deal.recipient)
    });
    diff(
        3,
        trim(row.texts[0]) == deal.designation,
        &|| text(row.texts[0]),
        &|| deal.designation.clone(),
    );
    diff(
        4,
        trim(row.texts[1]) == deal.description,
        &|| text(row.texts[1]),
        &|| deal.description.clone(),
    );
    diff(
        5,
        row.category as u8 == deal.category,
        &|| cat_name(row.category as u8),
        &|| cat_name(deal.category),
    );
    diff(
        6,
        row.order_year == deal.order_year,
        &|| opt_s(row.order_year),
        &|| opt_s(deal.order_year),
    );
    diff(
        7,
        row.order_est == deal.order_year_estimated,
        &|| yn(row.order_est),
        &|| yn(deal.order_year_estimated),
    );
    diff(
        12,
        trim(row.texts[2]) == deal.status,
        &|| text(row.texts[2]),
        &|| deal.status.clone(),
    );
    diff(
        13,
        row.tiv_unit_new == deal.tiv_unit_new,
        &|| opt_s(row.tiv_unit_new),
        &|| opt_s(deal.tiv_unit_new),
    );
    diff(
        14,
        row.tiv_unit == deal.tiv_unit,
        &|| opt_s(row.tiv_unit),
        &|| opt_s(deal.tiv_unit),
    );
    diff(
        16,
        row.local == deal.local_production,
        &|| yn(row.local),
        &|| yn(deal.local_production),
    );
    if !diffs.is_empty() {
        return Some(format!(
            "deal {id} contradicts its row at line {}: {}",
            deal.line,
            diffs.join("; ")
        ));
    }
    let pos = deal.delivery_years.iter().position(|&y| y == row.year)?;
    let (flow, line) = rows(pos);
    let (p_units, p_tiv, p_flags) = prior(flow);
    let mut diffs: Vec<String> = Vec::new();
    let mut diff = |col: usize, here: String, there: String| {
        if here != there {
            diffs.push(format!("{} '{here}' here, '{there}' there", COLUMNS[col]));
        }
    };
    diff(8, row.units.unwrap_or(0).to_string(), p_units.to_string());
    diff(15, row.tiv.to_string(), p_tiv.to_string());
    // The earlier row's estimate columns survive only as flags: compare them
    // where the flags tell (`EST_UNKNOWN` covers all three columns).
    let unknown = p_flags & Flags::EST_UNKNOWN != 0;
    for (col, bit, here) in [
        (9, Flags::EST_NUMBER, row.units_est),
        (11, Flags::EST_YEAR, row.year_est),
    ] {
        let there = if p_flags & bit != 0 {
            Some(true)
        } else if unknown {
            None
        } else {
            Some(false)
        };
        if there.is_some() && here.is_some() {
            diff(col, yn(here), yn(there));
        }
    }
    Some(if diffs.is_empty() {
        format!(
            "repeats line {line} (deal {id}, delivery year {}, same number and TIV): a \
             duplicate row would count its TIV twice",
            row.year
        )
    } else {
        format!(
            "deal {id} lists delivery year {} again, as at line {line}, with other values: {}",
            row.year,
            diffs.join("; ")
        )
    })
}

fn opt_s<T: ToString>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

fn yn(v: Option<bool>) -> String {
    match v {
        Some(true) => "Yes",
        Some(false) => "No",
        None => "",
    }
    .into()
}

fn cat_name(code: u8) -> String {
    Category::from_u8(code).sipri_name().to_string()
}

pub fn is_second_hand(status: &str) -> bool {
    let s = status.trim_start().as_bytes();
    s.len() >= 11 && s[..11].eq_ignore_ascii_case(b"second hand")
}

/// SIPRI's exact spellings first (no allocation), then the lenient parse.
pub(crate) fn category(s: &str) -> Option<Category> {
    Category::ALL
        .iter()
        .copied()
        .find(|c| c.sipri_name() == s)
        .or_else(|| Category::parse(s))
}

pub(crate) fn new_deal(row: &Row, supplier: u32, recipient: u32, line: u64) -> Deal {
    Deal {
        sipri_id: Some(row.id),
        supplier,
        recipient,
        designation: trim(row.texts[0]).to_string(),
        description: trim(row.texts[1]).to_string(),
        category: row.category as u8,
        order_year: row.order_year,
        order_year_estimated: row.order_est,
        number_ordered: None,
        number_ordered_estimated: None,
        number_delivered: Some(row.units.unwrap_or(0)),
        number_delivered_estimated: row.units_est,
        delivery_years: vec![row.year],
        status: trim(row.texts[2]).to_string(),
        comments: String::new(),
        tiv_unit_new: row.tiv_unit_new,
        tiv_unit: row.tiv_unit,
        tiv_order: None,
        tiv_delivered: Some(row.tiv),
        local_production: row.local,
        line: u32::try_from(line).unwrap_or(u32::MAX),
    }
}

/// Makes `deal` the deal `row` opens (as [`new_deal`] makes it), reusing
/// its strings and year list. Every field is named, so that a new one
/// cannot be left over from the previous deal.
pub(crate) fn fill_deal(deal: &mut Deal, row: &Row, supplier: u32, recipient: u32, line: u64) {
    let Deal {
        sipri_id,
        supplier: sup,
        recipient: rec,
        designation,
        description,
        category,
        order_year,
        order_year_estimated,
        number_ordered,
        number_ordered_estimated,
        number_delivered,
        number_delivered_estimated,
        delivery_years,
        status,
        comments,
        tiv_unit_new,
        tiv_unit,
        tiv_order,
        tiv_delivered,
        local_production,
        line: deal_line,
    } = deal;
    for (s, t) in [
        (designation, row.texts[0]),
        (description, row.texts[1]),
        (status, row.texts[2]),
    ] {
        s.clear();
        s.push_str(trim(t));
    }
    comments.clear();
    delivery_years.clear();
    delivery_years.push(row.year);
    *sipri_id = Some(row.id);
    *sup = supplier;
    *rec = recipient;
    *category = row.category as u8;
    *order_year = row.order_year;
    *order_year_estimated = row.order_est;
    *number_ordered = None;
    *number_ordered_estimated = None;
    *number_delivered = Some(row.units.unwrap_or(0));
    *number_delivered_estimated = row.units_est;
    *tiv_unit_new = row.tiv_unit_new;
    *tiv_unit = row.tiv_unit;
    *tiv_order = None;
    *tiv_delivered = Some(row.tiv);
    *local_production = row.local;
    *deal_line = u32::try_from(line).unwrap_or(u32::MAX);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(line: &str) -> Row<'_> {
        let mut f = [""; 17];
        assert_eq!(crate::text::split_fields(line, &mut f), 17);
        parse_row(&f).unwrap()
    }

    #[test]
    fn a_refilled_deal_is_a_new_deal() {
        let a = row(
            "1, A ,B, Long designation ,desc,Aircraft,2001,Yes,12,No,2003,,Second hand,5,2,24,Yes",
        );
        let b = row("2,C,D,X,,Ships,,,,,2010,No,New,,,0.5,");
        let mut d = new_deal(&a, 3, 4, 10);
        d.delivery_years.push(2004);
        d.comments.push_str("left over");
        fill_deal(&mut d, &b, 5, 6, 20);
        assert_eq!(d, new_deal(&b, 5, 6, 20));
        fill_deal(&mut d, &a, 3, 4, 10);
        assert_eq!(d, new_deal(&a, 3, 4, 10));
    }
}

//! The legacy 16-column trade register: one row per deal, delivered TIV summed
//! over the deal's delivery years.
//!
//! Per-year flows need an allocation rule; we split evenly over the listed years
//! and flag the result `ALLOCATED` wherever it is an approximation (deals with more
//! than one delivery year — a single year carries the deal's exact total), so that
//! results can say how much of them rests on allocation.

use crate::ReadError;
use crate::builder::{Builder, parse_opt_count, parse_opt_tiv, parse_opt_year, parse_year};
use crate::register::{check_header, is_second_hand};
use crate::text::{Line, Lines, is_blank, split_cells, strip_semicolon};
use model::{Category, Deal, Flags, flows::Flow};

const N: usize = 16;

/// Header names; the three uncertainty-flag columns are headed by one space.
pub const COLUMNS: [&str; N] = [
    "Recipient",
    "Supplier",
    "Year of order",
    " ",
    "Number ordered",
    " ",
    "Weapon designation",
    "Weapon description",
    "Number delivered",
    " ",
    "Year(s) of delivery",
    "status",
    "Comments",
    "SIPRI TIV per unit",
    "SIPRI TIV for total order",
    "SIPRI TIV of delivered weapons",
];

/// Physical lines one record may span before we call it malformed.
const MAX_PARTS: usize = 4;

/// Cells in `s` as [`split_cells`] reads them (a quoted cell may hold
/// commas); its commas plus one where the quotes do not parse, so that the
/// record is joined as usual and then rejected with their reason.
fn field_count(s: &str) -> usize {
    split_cells(s, &mut []).unwrap_or_else(|_| s.bytes().filter(|&b| b == b',').count() + 1)
}

/// `?` → estimated; empty → firm (the legacy layout has no "unknown" state).
fn flag(s: &str, col: usize) -> Result<bool, String> {
    match s.trim() {
        "" => Ok(false),
        "?" => Ok(true),
        t => Err(format!(
            "uncertainty column after '{}': expected '?' or empty, found '{t}'",
            COLUMNS[col - 1]
        )),
    }
}

pub fn read(b: &mut Builder, text: &str, header: &Line) -> Result<(), ReadError> {
    check_header(b, header, &COLUMNS)?;
    let mut lines = Lines::new(text).skip(header.no as usize).peekable();
    let mut blank = 0u64;
    while let Some(line) = lines.next() {
        let text = strip_semicolon(line.text);
        if is_blank(text) {
            blank += 1;
            continue;
        }
        b.report.rows_read += 1;
        if let Some(reason) = crate::preamble::another_export(text) {
            return Err(b.error(line.no, reason));
        }
        let n0 = field_count(text);
        if n0 == N {
            let next = lines.peek().map(|l| strip_semicolon(l.text));
            if let Some(joined) = next.and_then(|next| padded_split(text, next)) {
                lines.next();
                b.report.rows_repaired += 1;
                record(b, &joined, line.no)?;
                continue;
            }
            record(b, text, line.no)?;
            continue;
        }
        if n0 > N {
            b.bad_row(line.no, format!("extra columns: {n0} fields, expected {N}"))?;
            continue;
        }
        // A line break inside Comments: join with the following line(s), as long
        // as the result does not overshoot (then the next line is a record itself).
        let mut joined = text.to_string();
        let mut n = n0;
        let mut last = line.no;
        let mut parts = 1;
        while n < N && parts < MAX_PARTS {
            let Some(next) = lines.peek() else { break };
            let next_text = strip_semicolon(next.text);
            let nn = n + field_count(next_text) - 1;
            if nn > N {
                break;
            }
            joined.push(' ');
            joined.push_str(next_text);
            last = next.no;
            parts += 1;
            n = nn;
            lines.next();
        }
        let span = if parts > 1 {
            format!(" (lines {}-{last})", line.no)
        } else {
            String::new()
        };
        if n == N {
            b.report.rows_repaired += 1;
            record(b, &joined, line.no)?;
        } else if lines.peek().is_none() {
            b.bad_row(
                line.no,
                format!("truncated file: last record has {n} of {N} fields{span}"),
            )?;
        } else {
            b.bad_row(
                line.no,
                format!("missing columns: {n} fields, expected {N}{span}"),
            )?;
        }
    }
    if blank > 0 {
        b.warn(format!("{blank} blank lines skipped"));
    }
    if b.report.rows_read == 0 {
        return Err(b.error(header.no, "no data rows after the header"));
    }
    Ok(())
}

/// A record split by a line break in Comments, as a copy saved again by a
/// program that read the two lines as two rows and padded each to 16 cells
/// (one published copy of the Mar-2025 register): the first row ends in
/// three empty TIV cells, the second has only an empty Recipient, the rest
/// of the comment and the three TIVs. Joined as an unpadded split record
/// is (the second row alone is no record: its Recipient is empty).
fn padded_split(first: &str, second: &str) -> Option<String> {
    // Cheap first: a record's line starts with its Recipient.
    if !matches!(second.trim_start().as_bytes().first(), Some(b',' | b'"')) {
        return None;
    }
    let (a, b) = (
        crate::text::cells(first).ok()?,
        crate::text::cells(second).ok()?,
    );
    let empty = |c: &&str| c.trim().is_empty();
    let plain = |c: &&str| !c.contains(',');
    let fits = a.len() == N
        && b.len() == N
        && a[13..].iter().all(empty)
        && empty(&b[0])
        && !b[1..4].iter().all(empty)
        && b[4..].iter().all(empty)
        && a.iter().chain(&b).all(plain);
    fits.then(|| format!("{} {}", a[..13].join(","), b[..4].join(",")))
}

struct Rec {
    order_year: Option<u16>,
    order_est: bool,
    ordered: Option<u32>,
    ordered_est: bool,
    delivered: Option<u32>,
    delivered_est: bool,
    years: Vec<u16>,
    tiv_unit: Option<f64>,
    tiv_order: Option<f64>,
    tiv_delivered: Option<f64>,
}

fn parse(f: &[&str; N]) -> Result<Rec, String> {
    if f[0].trim().is_empty() || f[1].trim().is_empty() {
        return Err("empty Recipient or Supplier".into());
    }
    crate::register::same_party(f[1].trim(), f[0].trim())?;
    crate::register::check_status(f[11], COLUMNS[11])?;
    let mut years = Vec::new();
    if !f[10].trim().is_empty() {
        for y in f[10].split(';') {
            years.push(parse_year(y, COLUMNS[10])?);
        }
        years.sort_unstable();
        // A year listed twice ("2018; 2018") is one delivery year or a
        // mistyped other one: which cannot be told (none in SIPRI's 2025
        // register).
        if let Some(w) = years.windows(2).find(|w| w[0] == w[1]) {
            return Err(format!("'{}' lists {} twice", COLUMNS[10], w[0]));
        }
    }
    Ok(Rec {
        order_year: parse_opt_year(f[2], COLUMNS[2])?,
        order_est: flag(f[3], 3)?,
        ordered: parse_opt_count(f[4], COLUMNS[4])?,
        ordered_est: flag(f[5], 5)?,
        delivered: parse_opt_count(f[8], COLUMNS[8])?,
        delivered_est: flag(f[9], 9)?,
        years,
        tiv_unit: parse_opt_tiv(f[13], COLUMNS[13])?,
        tiv_order: parse_opt_tiv(f[14], COLUMNS[14])?,
        tiv_delivered: parse_opt_tiv(f[15], COLUMNS[15])?,
    })
}

fn record(b: &mut Builder, text: &str, line: u64) -> Result<(), ReadError> {
    let mut f = [""; N];
    let r = match split_cells(text, &mut f)
        .and_then(|_| parse(&f))
        .and_then(|r| {
            b.check_year(r.years.last().copied(), COLUMNS[10])?;
            b.check_year(r.order_year, COLUMNS[2])?;
            Ok(r)
        }) {
        Ok(r) => r,
        Err(reason) => return b.bad_row(line, reason),
    };
    let recipient = b.entity(f[0]);
    let supplier = b.entity(f[1]);
    if recipient == supplier {
        return b.bad_row(line, crate::chunk::one_party(f[1], f[0]));
    }
    let tiv = r.tiv_delivered.unwrap_or(0.0);
    b.check_product(
        line,
        [COLUMNS[4], COLUMNS[13], COLUMNS[14]],
        r.ordered,
        r.tiv_unit,
        r.tiv_order,
    );
    b.check_product(
        line,
        [COLUMNS[8], COLUMNS[13], COLUMNS[15]],
        r.delivered,
        r.tiv_unit,
        r.tiv_delivered,
    );
    b.check_order(line, r.order_year, r.years.first().copied());
    b.report.tiv_total += tiv;
    b.note_parties([supplier, recipient], tiv);
    let deal_idx = b.deals.len() as u32;
    let second_hand = is_second_hand(f[11]);
    let k = r.years.len();
    if k == 0 {
        b.report.open_deals += 1;
        if tiv > 0.0 {
            b.undated_tiv.0 += 1;
            b.undated_tiv.1 += tiv;
            b.warn(format!(
                "line {line}: {tiv} TIV delivered but no delivery year; not in flows"
            ));
        }
    } else {
        let mut flags = 0u16;
        if r.order_est {
            flags |= Flags::EST_ORDER;
        }
        if r.delivered_est {
            flags |= Flags::EST_NUMBER;
        }
        if second_hand {
            flags |= Flags::SECOND_HAND;
        }
        if k > 1 {
            flags |= Flags::ALLOCATED;
        }
        if tiv == 0.0 && r.tiv_delivered.is_some() {
            // SIPRI writes `0` for a delivered value between 0 and 0.5 million.
            flags |= Flags::BELOW_HALF;
            b.report.below_half_cells += 1;
        }
        let units = r.delivered.unwrap_or(0);
        let (base, extra) = (units / k as u32, units % k as u32);
        for (i, &year) in r.years.iter().enumerate() {
            b.flows.push(Flow {
                supplier,
                recipient,
                year,
                category: Category::Unspecified,
                tiv: tiv / k as f64,
                // Units split like TIV; the first years take the remainder.
                units: base + u32::from((i as u32) < extra),
                flags,
                deal: deal_idx,
            });
        }
        if k > 1 {
            b.report.flows_allocated += k as u64;
        }
    }
    b.deals.push(Deal {
        sipri_id: None,
        supplier,
        recipient,
        designation: f[6].trim().to_string(),
        description: f[7].trim().to_string(),
        category: Category::Unspecified as u8,
        order_year: r.order_year,
        order_year_estimated: r.order_year.map(|_| r.order_est),
        number_ordered: r.ordered,
        number_ordered_estimated: r.ordered.map(|_| r.ordered_est),
        number_delivered: r.delivered,
        number_delivered_estimated: r.delivered.map(|_| r.delivered_est),
        delivery_years: r.years,
        status: f[11].trim().to_string(),
        comments: f[12].trim().to_string(),
        tiv_unit_new: None,
        tiv_unit: r.tiv_unit,
        tiv_order: r.tiv_order,
        tiv_delivered: r.tiv_delivered,
        local_production: None,
        line: u32::try_from(line).unwrap_or(u32::MAX),
    });
    Ok(())
}

//! The current 17-column trade register: one row per deal and delivery year.
//!
//! Each row becomes one flow with SIPRI's `TIV delivery values` as given (never
//! recomputed); rows sharing a `SIPRI AT Database ID` form one deal.

use crate::ReadError;
use crate::builder::{
    Builder, FastMap, parse_opt_count, parse_opt_tiv, parse_opt_year, parse_tiv, parse_u64,
    parse_year,
};
use crate::text::{Line, Lines, is_blank, split_fields, strip_semicolon, trim};
use model::{Category, Deal, Flags, flows::Flow};

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

pub(crate) struct Row<'a> {
    pub id: u64,
    pub f: [&'a str; 17],
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

pub(crate) fn parse_row<'a>(f: [&'a str; 17]) -> Result<Row<'a>, String> {
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
        f,
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

pub fn read(b: &mut Builder, text: &str, header: &Line) -> Result<(), ReadError> {
    check_header(b, header, &COLUMNS)?;
    let mut deal_of: FastMap<u64, u32> = FastMap::default();
    let mut blank = 0u64;
    // Per deal, its rows so far as (flow index, line), in file order (parallel
    // to the deal's `delivery_years` until they are sorted at the end).
    let mut rows_of: Vec<Vec<(u32, u32)>> = Vec::new();
    for line in Lines::new(text).skip(header.no as usize) {
        let l = strip_semicolon(line.text);
        if is_blank(l) {
            blank += 1;
            continue;
        }
        b.report.rows_read += 1;
        let mut f = [""; 17];
        let n = split_fields(l, &mut f);
        if n != 17 {
            let reason = if n < 17 && !line.terminated {
                format!("truncated file: last record has {n} of 17 fields")
            } else if n < 17 {
                format!("missing columns: {n} fields, expected 17")
            } else {
                format!("extra columns: {n} fields, expected 17")
            };
            b.bad_row(line.no, reason)?;
            continue;
        }
        let row = match parse_row(f).and_then(|r| {
            b.check_year(Some(r.year), COLUMNS[10])?;
            b.check_year(r.order_year, COLUMNS[6])?;
            Ok(r)
        }) {
            Ok(r) => r,
            Err(reason) => {
                b.bad_row(line.no, reason)?;
                continue;
            }
        };
        let supplier = b.entity(row.f[1]);
        let recipient = b.entity(row.f[2]);
        let (deal_idx, is_new) = match deal_of.get(&row.id) {
            Some(&d) => {
                let deal = &b.deals[d as usize];
                let name = |e: u32| b.entities.get(e).name.clone();
                let f = &b.flows;
                let prior = |i: u32| {
                    let i = i as usize;
                    (f.units[i], f.tiv[i], f.flags[i])
                };
                if let Some(reason) = conflict(
                    &name,
                    deal,
                    &rows_of[d as usize],
                    &prior,
                    &row,
                    supplier,
                    recipient,
                ) {
                    b.bad_row(line.no, reason)?;
                    continue;
                }
                (d, false)
            }
            None => {
                let d = b.deals.len() as u32;
                deal_of.insert(row.id, d);
                b.deals.push(new_deal(&row, supplier, recipient, line.no));
                rows_of.push(Vec::new());
                (d, true)
            }
        };
        if !is_new {
            // Kept within the store's signed 32-bit column, as a row error.
            let sum = u64::from(b.deals[deal_idx as usize].number_delivered.unwrap_or(0))
                + u64::from(row.units.unwrap_or(0));
            if sum > i32::MAX as u64 {
                b.bad_row(
                    line.no,
                    format!(
                        "deal {}: numbers delivered add up to {sum}, more than 2^31",
                        row.id
                    ),
                )?;
                continue;
            }
            let deal = &mut b.deals[deal_idx as usize];
            deal.delivery_years.push(row.year);
            deal.number_delivered = Some(sum as u32);
            deal.number_delivered_estimated = merge(deal.number_delivered_estimated, row.units_est);
            deal.tiv_delivered = Some(deal.tiv_delivered.unwrap_or(0.0) + row.tiv);
        }
        rows_of[deal_idx as usize].push((b.flows.len() as u32, line32(line.no)));
        let flags = row_flags(&row);
        b.flows.push(Flow {
            supplier,
            recipient,
            year: row.year,
            category: row.category,
            tiv: row.tiv,
            units: row.units.unwrap_or(0),
            flags,
            deal: deal_idx,
        });
        b.report.tiv_total += row.tiv;
        b.note_parties([supplier, recipient], row.tiv);
    }
    for d in &mut b.deals {
        d.delivery_years.sort_unstable();
    }
    if blank > 0 {
        b.warn(format!("{blank} blank lines skipped"));
    }
    if b.report.rows_read == 0 {
        return Err(b.error(header.no, "no data rows after the header"));
    }
    Ok(())
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
    if is_second_hand(row.f[12]) {
        flags |= Flags::SECOND_HAND;
    }
    if row.local == Some(true) {
        flags |= Flags::LOCAL_PRODUCTION;
    }
    flags
}

fn line32(no: u64) -> u32 {
    u32::try_from(no).unwrap_or(u32::MAX)
}

/// Why a further row of deal `d` cannot belong to it, if it cannot: the rows of
/// one SIPRI deal share its parties and deal-level fields, and list each
/// delivery year once. A row that contradicts an earlier one is rejected,
/// naming both lines and the fields, rather than guessing which one is right;
/// an exact repeat is rejected too, since keeping it would count its TIV twice.
/// `rows` are the deal's rows so far as (flow, line), parallel to its
/// `delivery_years`; `prior(flow)` gives that flow's units, TIV and flags.
pub(crate) fn conflict(
    name: &dyn Fn(u32) -> String,
    deal: &Deal,
    rows: &[(u32, u32)],
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
        trim(row.f[3]) == deal.designation,
        &|| text(row.f[3]),
        &|| deal.designation.clone(),
    );
    diff(
        4,
        trim(row.f[4]) == deal.description,
        &|| text(row.f[4]),
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
        trim(row.f[12]) == deal.status,
        &|| text(row.f[12]),
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
    let (flow, line) = rows[pos];
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
        designation: trim(row.f[3]).to_string(),
        description: trim(row.f[4]).to_string(),
        category: row.category as u8,
        order_year: row.order_year,
        order_year_estimated: row.order_est,
        number_ordered: None,
        number_ordered_estimated: None,
        number_delivered: Some(row.units.unwrap_or(0)),
        number_delivered_estimated: row.units_est,
        delivery_years: vec![row.year],
        status: trim(row.f[12]).to_string(),
        comments: String::new(),
        tiv_unit_new: row.tiv_unit_new,
        tiv_unit: row.tiv_unit,
        tiv_order: None,
        tiv_delivered: Some(row.tiv),
        local_production: row.local,
        line: u32::try_from(line).unwrap_or(u32::MAX),
    }
}

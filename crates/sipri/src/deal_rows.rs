//! A SIPRI deal and its rows: the deal a first row opens, whether a further
//! row may join it, and what joining adds. The whole-file reader
//! ([`crate::merge`]) and both steps of the streaming reader's pass 2
//! ([`crate::stream_out`]) call the same functions, so that a file gives
//! the same deals and the same rejections through either.

use crate::clip::MAX_QUOTED;
use crate::register::{COLUMNS, Row};
use crate::text::trim;
use model::{Category, Deal, Flags};

/// What a reader knows of a deal's rows so far, for [`further_row`]:
/// `name(entity)` for messages; `rows(k)`, the deal's `k`-th row so far as
/// (flow, line), parallel to its `delivery_years`; `prior(flow)`, that
/// flow's units, TIV and flags.
pub(crate) struct Seen<'a> {
    pub name: &'a dyn Fn(u32) -> String,
    pub rows: &'a dyn Fn(usize) -> (u32, u32),
    pub prior: &'a dyn Fn(u32) -> (u32, f64, u16),
}

/// Whether a further `row` of supplier and recipient `parties` may join
/// `deal`, and the deal's units delivered once it has: [`conflict`] first,
/// then the total's range. `Err` is why not, for the rejection.
pub(crate) fn further_row(
    seen: &Seen,
    deal: &Deal,
    row: &Row,
    parties: [u32; 2],
) -> Result<u32, String> {
    if let Some(why) = conflict(seen, deal, row, parties) {
        return Err(why);
    }
    delivered_with(deal, row.units, row.id)
}

/// `deal`'s units delivered with a further row's `units`, or why they cannot
/// be added: the store keeps the total in a signed 32-bit column. (A file
/// cannot reach it within the row checks, at most 10 million units a row and
/// a row a year from 1900 to 2100; kept so that a change to either cannot
/// store a wrapped total.)
pub(crate) fn delivered_with(deal: &Deal, units: Option<u32>, id: u64) -> Result<u32, String> {
    let sum = u64::from(deal.number_delivered.unwrap_or(0)) + u64::from(units.unwrap_or(0));
    match u32::try_from(sum) {
        Ok(v) if v <= i32::MAX as u32 => Ok(v),
        _ => Err(format!(
            "deal {id}: numbers delivered add up to {sum}, more than 2^31"
        )),
    }
}

/// Adds a further row to its deal: its delivery year and TIV, and the units
/// delivered so far as [`further_row`] or [`delivered_with`] gave them.
pub(crate) fn add_delivery(
    deal: &mut Deal,
    year: u16,
    delivered: u32,
    units_est: Option<bool>,
    tiv: f64,
) {
    deal.delivery_years.push(year);
    deal.number_delivered = Some(delivered);
    deal.number_delivered_estimated = merge(deal.number_delivered_estimated, units_est);
    deal.tiv_delivered = Some(deal.tiv_delivered.unwrap_or(0.0) + tiv);
}

/// Estimate state of a deal from several rows: any Yes wins, then any unknown.
pub(crate) fn merge(a: Option<bool>, b: Option<bool>) -> Option<bool> {
    match (a, b) {
        (Some(true), _) | (_, Some(true)) => Some(true),
        (None, _) | (_, None) => None,
        _ => Some(false),
    }
}

/// Why a further row of deal `d` cannot belong to it, if it cannot: the rows of
/// one SIPRI deal share its parties and deal-level fields, and list each
/// delivery year once. A row that contradicts an earlier one is rejected,
/// naming both lines and the fields, rather than guessing which one is right;
/// an exact repeat is rejected too, since keeping it would count its TIV twice.
fn conflict(
    seen: &Seen,
    deal: &Deal,
    row: &Row,
    [supplier, recipient]: [u32; 2],
) -> Option<String> {
    let Seen { name, rows, prior } = *seen;
    let id = row.id;
    // Compared first, formatted only when different: this runs for every
    // further row of every deal, and must not allocate when all is well.
    let mut diffs: Vec<String> = Vec::new();
    let mut diff =
        |col: usize, same: bool, here: &dyn Fn() -> String, there: &dyn Fn() -> String| {
            if !same {
                let clip = |s: String| crate::clip::clip(&s, MAX_QUOTED).into_owned();
                diffs.push(format!(
                    "{} '{}' here, '{}' there",
                    COLUMNS[col],
                    clip(here()),
                    clip(there())
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
    use crate::register::parse_row;

    fn row(line: &str) -> Row<'_> {
        let mut f = [""; 17];
        assert_eq!(crate::text::split_fields(line, &mut f), 17);
        parse_row(&f).unwrap()
    }

    #[test]
    fn units_delivered_stay_within_a_signed_32_bit_total() {
        let mut d = new_deal(&row("7,A,B,X,,Ships,,,5,,2010,No,New,,,0.5,"), 1, 2, 10);
        let max = i32::MAX as u32;
        assert_eq!(delivered_with(&d, Some(max - 5), 7), Ok(max));
        assert_eq!(delivered_with(&d, None, 7), Ok(5));
        let err = delivered_with(&d, Some(max - 4), 7).unwrap_err();
        assert_eq!(
            err,
            "deal 7: numbers delivered add up to 2147483648, more than 2^31"
        );
        d.number_delivered = Some(u32::MAX);
        assert!(delivered_with(&d, Some(u32::MAX), 7).is_err());
        add_delivery(&mut d, 2011, 9, Some(true), 1.25);
        assert_eq!(d.delivery_years, [2010, 2011]);
        assert_eq!(d.number_delivered, Some(9));
        assert_eq!(d.number_delivered_estimated, Some(true));
        assert_eq!(d.tiv_delivered, Some(1.75));
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

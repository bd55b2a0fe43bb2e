//! SIPRI TIV tables: entity rows × year columns.
//!
//! * importers/exporters tables (new tool): one side of each flow is "all
//!   suppliers"/"all recipients", an aggregate entity; the `Total world …` row
//!   becomes the release's world totals;
//! * legacy per-supplier tables (`TIV of arms exports from X`): bilateral, the
//!   title names the supplier; the trailing `Total` row is only checked.
//!
//! An empty cell is "no deliveries" (no flow); `0` (often `0 `) is "between 0 and
//! 0.5", kept as a zero flow flagged `BELOW_HALF`. Totals and percentages are not
//! flows; totals are compared with the row sums and mismatches beyond rounding warned.

use crate::ReadError;
use crate::builder::{Builder, parse_tiv};
use crate::preamble::{Header, is_year, supplier_table_party};
use crate::text::{Lines, is_blank, strip_semicolon};
use model::{Category, EntityId, Flags, NO_DEAL, SourceFormat, flows::Flow};

/// Which side the rows are on and who the other side is.
enum Sides {
    RowsAreRecipients(EntityId),
    RowsAreSuppliers(EntityId),
}

/// `"1950-2024"` → `(1950, 2024)`: a span of years written as one cell or
/// at the end of a title ("TIV of arms exports from New Zealand, 1950-2021").
fn span_in(s: &str) -> Option<(u16, u16)> {
    let s = s.trim().trim_matches('"').trim();
    let tail = s.get(s.len().checked_sub(9)?..)?;
    let (a, b) = tail.split_once('-')?;
    let alone = s.len() == 9 || !s.as_bytes()[s.len() - 10].is_ascii_digit();
    if !(alone && is_year(a) && is_year(b)) {
        return None;
    }
    Some((a.parse().ok()?, b.parse().ok()?))
}

/// SIPRI's TIV tables head their values with consecutive years from the
/// second column on, then the total (`Total` or the span, `1950-2024`), and
/// no year after it. A header that breaks this lost or moved a column: its
/// values would be dropped or booked to another year without a word
/// (regression: `2012` renamed `Note` dropped New Zealand's 75 TIV of 2012;
/// `1901` for `2012` moved it to 1901; `Total` renamed `2022` imported the
/// totals as 2022's deliveries). The span, where the title or the total's
/// header states it, must be the years' span. The year columns: (index, year).
fn year_header(cells: &[&str], title: &str) -> Result<Vec<(usize, u16)>, String> {
    let cell = |i: usize| cells.get(i).map_or("", |c| c.trim());
    let mut k = 1;
    while is_year(cell(k)) {
        let (prev, this): (u16, u16) = (
            cell(k - 1).parse().unwrap_or(0),
            cell(k).parse().unwrap_or(0),
        );
        if let Some(j) = (1..k).find(|&j| cell(j) == cell(k)) {
            return Err(format!(
                "year {this} heads columns {} and {}: each year may head one column",
                j + 1,
                k + 1
            ));
        }
        if k > 1 && this != prev + 1 {
            return Err(format!(
                "column {}: year {this} follows {prev}; the year columns must be consecutive years",
                k + 1
            ));
        }
        k += 1;
    }
    if k == 1 {
        return Err(format!(
            "column 2 is '{}', not a year: a TIV table's second column is its first year",
            cell(1)
        ));
    }
    if k < cells.len() && cell(k).is_empty() {
        return Err(format!(
            "column {}, after the last year {}, has no header: it should be the total",
            k + 1,
            cell(k - 1)
        ));
    }
    let (first, last): (u16, u16) = (
        cell(1).parse().unwrap_or(0),
        cell(k - 1).parse().unwrap_or(0),
    );
    if let Some(j) = (k..cells.len()).find(|&j| is_year(cell(j))) {
        return Err(format!(
            "column {}: year {} after the year columns ended at column {} ('{}'): \
             each year column must be in one consecutive run",
            j + 1,
            cell(j),
            k + 1,
            cell(k)
        ));
    }
    for (what, span) in [
        ("the total column's header", span_in(cell(k))),
        ("the title", span_in(title)),
    ] {
        if let Some((a, b)) = span
            && (a, b) != (first, last)
        {
            return Err(format!(
                "the year columns run {first}-{last} but {what} says {a}-{b}: a column is missing or misnamed"
            ));
        }
    }
    Ok((1..k).zip(first..).collect())
}

pub fn read(b: &mut Builder, text: &str, h: &Header) -> Result<(), ReadError> {
    let line = strip_semicolon(h.line.text);
    let cells = crate::text::cells(line).map_err(|reason| b.error(h.line.no, reason))?;
    let width = cells.len();
    let year_cols =
        year_header(&cells, &h.preamble.title).map_err(|reason| b.error(h.line.no, reason))?;
    if let Some(&(_, y)) = year_cols.last() {
        b.check_year(Some(y), "year column")
            .map_err(|reason| b.error(h.line.no, reason))?;
    }
    // The column after the years is the row total (`1950-2024`, `Total`).
    let total_col = Some(year_cols.len() + 1).filter(|&i| i < width);
    let sides = match h.format {
        SourceFormat::ImportTable => {
            Sides::RowsAreRecipients(b.aggregate("aggregate:all-suppliers", "All suppliers"))
        }
        SourceFormat::ExportTable => {
            Sides::RowsAreSuppliers(b.aggregate("aggregate:all-recipients", "All recipients"))
        }
        _ => {
            let (name, exports) = supplier_table_party(&h.preamble.title).ok_or_else(|| {
                b.error(
                    1,
                    format!(
                        "cannot read the party from the title '{}'",
                        h.preamble.title
                    ),
                )
            })?;
            let party = b.entity(name);
            if exports {
                Sides::RowsAreRecipients(party)
            } else {
                Sides::RowsAreSuppliers(party)
            }
        }
    };
    let world = matches!(
        h.format,
        SourceFormat::ImportTable | SourceFormat::ExportTable
    );
    let mut col_sums = vec![0.0f64; year_cols.len()];
    let mut col_counts = vec![0usize; year_cols.len()];
    // The line of each party's row: a second row would count it twice.
    let mut row_of: std::collections::HashMap<EntityId, u64> = Default::default();
    // The line of the total row: SIPRI's tables end with it, so a row after
    // it is outside the total the table checks (and a second total would
    // replace the world totals).
    let mut total_at: Option<u64> = None;
    // Rows or years whose cells contradict the file's own totals.
    let mut contradictions = 0usize;
    for line in Lines::new(text).skip(h.line.no as usize) {
        let l = strip_semicolon(line.text);
        if is_blank(l) {
            continue;
        }
        b.report.rows_read += 1;
        if let Some(reason) = crate::preamble::another_export(l) {
            return Err(b.error(line.no, reason));
        }
        let fields = match crate::text::cells(l) {
            Ok(f) => f,
            Err(reason) => {
                b.bad_row(line.no, reason)?;
                continue;
            }
        };
        if fields.len() != width {
            let reason = if fields.len() < width && !line.terminated {
                format!(
                    "truncated file: last row has {} of {width} fields",
                    fields.len()
                )
            } else {
                format!("row has {} fields, header has {width}", fields.len())
            };
            b.bad_row(line.no, reason)?;
            continue;
        }
        let name = fields[0].trim();
        if name.is_empty() {
            b.bad_row(line.no, "row without a name".into())?;
            continue;
        }
        let mut values: Vec<Option<(f64, bool)>> = Vec::with_capacity(year_cols.len());
        let mut bad = None;
        for &(i, year) in &year_cols {
            let c = fields[i].trim();
            if c.is_empty() {
                values.push(None);
                continue;
            }
            match parse_tiv(c, &year.to_string()) {
                Ok(v) => values.push(Some((v, v == 0.0))),
                Err(e) => {
                    bad = Some(e);
                    break;
                }
            }
        }
        if let Some(reason) = bad {
            b.bad_row(line.no, reason)?;
            continue;
        }
        let row_sum: f64 = values.iter().flatten().map(|v| v.0).sum();
        let cells_n = values.iter().flatten().count();
        if let Some(tc) = total_col {
            contradictions +=
                usize::from(!check_total(b, line.no, name, fields[tc], row_sum, cells_n));
        }
        let is_total = is_total_label(name);
        if let Some(t) = total_at {
            let what = if is_total {
                "a second total row"
            } else {
                "a row"
            };
            b.bad_row(
                line.no,
                format!(
                    "{what} after the table's total row (line {t}): the total would not include it"
                ),
            )?;
            continue;
        }
        // "Total world export" closes an exporters table, "… import" an
        // importers one: the other word means the header named the wrong side.
        let lower = name.to_ascii_lowercase();
        let wrong_side = match h.format {
            SourceFormat::ImportTable => lower.starts_with("total world export"),
            SourceFormat::ExportTable => lower.starts_with("total world import"),
            _ => false,
        };
        if wrong_side {
            return Err(b.error(
                line.no,
                format!(
                    "'{name}' closes a table of the other direction than its header ('{}') says",
                    cells[0].trim()
                ),
            ));
        }
        if is_total {
            total_at = Some(line.no);
            for (k, v) in values.iter().enumerate() {
                if let Some((v, _)) = v {
                    if world {
                        b.world_totals.push((year_cols[k].1, *v));
                    }
                    let ours = col_sums[k];
                    if (ours - v).abs() > 0.5 * col_counts[k] as f64 + 1.0 {
                        contradictions += 1;
                        b.warn(format!(
                            "line {}: Total for {} is {v}, rows sum to {ours}",
                            line.no, year_cols[k].1
                        ));
                    }
                }
            }
            continue;
        }
        let other = b.entity(name);
        let (supplier, recipient) = match sides {
            Sides::RowsAreRecipients(s) => (s, other),
            Sides::RowsAreSuppliers(r) => (other, r),
        };
        if supplier == recipient {
            b.bad_row(
                line.no,
                format!("'{name}' is the table's own party: a transfer is between two parties"),
            )?;
            continue;
        }
        if let Some(&first) = row_of.get(&other) {
            b.bad_row(
                line.no,
                format!("'{name}' has a row already, at line {first}: a second row would count its TIV twice"),
            )?;
            continue;
        }
        row_of.insert(other, line.no);
        for (k, v) in values.iter().enumerate() {
            let Some((tiv, below_half)) = *v else {
                continue;
            };
            col_sums[k] += tiv;
            col_counts[k] += 1;
            let mut flags = 0;
            if below_half {
                flags |= Flags::BELOW_HALF;
                b.report.below_half_cells += 1;
            }
            b.flows.push(Flow {
                supplier,
                recipient,
                year: year_cols[k].1,
                category: Category::Unspecified,
                tiv,
                units: 0,
                flags,
                deal: NO_DEAL,
            });
        }
        b.report.tiv_total += row_sum;
        b.note_parties([supplier, recipient], row_sum);
    }
    if b.report.rows_read == 0 {
        return Err(b.error(h.line.no, "no data rows after the header"));
    }
    // Regression: a table's release covered only the years with a flow
    // (New Zealand's 1950-2021 table "covered 1967-2018"), so its years of
    // no deliveries were reported as outside the data. A world total left
    // empty (the Oct-2024 tables' 2024) is a year not yet published.
    let published: Vec<u16> = b.world_totals.iter().map(|w| w.0).collect();
    // A world table without its closing total row is a cut-short file (a
    // broken download) as often as an edited one: its world totals would be
    // the sum of the rows that are left, and an unpublished year (the
    // Oct-2024 tables' empty 2024) would count as a year of data
    // (regression of the hostile-files probe: the US at 44.0 % of a
    // "complete" 2020-2024 that holds no 2024, 42.1 % of the full file's
    // 2020-23). Its years are then those with any value, and it says so.
    let filled: Vec<u16> = year_cols
        .iter()
        .zip(&col_counts)
        .filter(|(_, n)| **n > 0)
        .map(|(c, _)| c.1)
        .collect();
    // An edited or damaged cell shows against the totals at import, then
    // never again (regression of the hostile-files probe: the US's 2020
    // cell set to 99999 gave 87.5 % of world exports with no caveat).
    if contradictions > 0 {
        b.caveat(format!(
            "the file's cells contradict its own totals in {contradictions} place{} (see the \
             import report's warnings): an edited or damaged file, whose figures may be wrong",
            if contradictions == 1 { "" } else { "s" }
        ));
    }
    if world && total_at.is_none() {
        b.caveat(format!(
            "no 'Total world' row: the table may be cut short (a partial download or an edited \
             file); world totals are the sum of its {} rows, and its years are those with any \
             value ({})",
            row_of.len(),
            match (filled.first(), filled.last()) {
                (Some(a), Some(z)) => format!("{a}-{z}"),
                _ => "none".into(),
            }
        ));
    }
    // A title naming a state that had ceased to exist over years with
    // values is an edited file (hostile-files probe 2: Russia's table
    // retitled "Soviet Union" answered Soviet exports for 2017-21).
    if let Sides::RowsAreRecipients(party) | Sides::RowsAreSuppliers(party) = sides
        && !world
    {
        let e = b.entities.get(party);
        if let Some(&(_, last, _)) = model::SUCCESSIONS.iter().find(|s| s.0 == e.key)
            && let Some(late) = filled.iter().copied().filter(|&y| y > last).max()
        {
            b.caveat(format!(
                "the title names {}, {} {last}, yet the table has \
                 values up to {late}: the title may have been edited, and the party every \
                 figure is attributed to may be wrong",
                e.name,
                crate::builder::FORMER_TITLE
            ));
        }
    }
    // Every supplier table SIPRI published ends with its `Total` row (all
    // 134 of the 2022 set); without it the rows left may be a cut-short file
    // (regression of the hostile-files probe: Russia's table cut after line
    // 60 answered 22,053 with India at 32.1 %, the whole file 25,300 and
    // 27.9 %, with no word of it).
    if !world && total_at.is_none() {
        b.caveat(format!(
            "no 'Total' row: the table may be cut short (a partial download or an edited \
             file); the supplier's exports are the sum of the {} rows it has",
            row_of.len()
        ));
    }
    b.table_years = if world && !published.is_empty() {
        Some((
            *published.iter().min().unwrap_or(&0),
            *published.iter().max().unwrap_or(&0),
        ))
    } else if world && total_at.is_none() {
        filled.first().zip(filled.last()).map(|(a, z)| (*a, *z))
    } else {
        year_cols
            .first()
            .zip(year_cols.last())
            .map(|(a, z)| (a.1, z.1))
    };
    Ok(())
}

/// Compares a row's published total with the sum of its year cells (false
/// where they disagree). SIPRI rounds each cell, so up to 0.5 per cell may
/// be lost either way.
fn check_total(b: &mut Builder, line: u64, name: &str, cell: &str, sum: f64, cells: usize) -> bool {
    let t = cell.trim();
    if t.is_empty() {
        return true;
    }
    match t.parse::<f64>() {
        Ok(total) if (total - sum).abs() <= 0.5 * cells as f64 + 0.5 => true,
        Ok(total) => {
            b.warn(format!(
                "line {line}: '{name}' total {total} differs from its year cells' sum {sum}"
            ));
            false
        }
        Err(_) => {
            b.warn(format!("line {line}: '{name}' total '{t}' is not a number"));
            false
        }
    }
}

/// A table's closing row under any label a re-saved or hand-edited file may
/// give it: SIPRI writes "Total" (and "Total world export/import"); "World
/// total", "World", "Grand total", "All countries" or "Sum" would otherwise
/// be read as a country and double every total (hostile-files probe 3:
/// "World total" ranked first among importers, India 4.9 % instead of 9.8 %).
/// No SIPRI party has such a name.
fn is_total_label(name: &str) -> bool {
    let l: String = name
        .chars()
        .filter(|c| c.is_alphanumeric() || c.is_whitespace())
        .collect::<String>()
        .to_lowercase();
    let l = l.split_whitespace().collect::<Vec<_>>().join(" ");
    l == "total"
        || l.starts_with("total world")
        || l.starts_with("world total")
        || l.starts_with("grand total")
        || l.starts_with("sum of all")
        || matches!(
            l.as_str(),
            "world" | "all countries" | "sum" | "total all" | "gesamt" | "insgesamt" | "welt"
        )
}

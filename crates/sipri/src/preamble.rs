//! Finding the header and reading the preamble above it.
//!
//! Layouts are told apart by the header row's cells, never by position: SIPRI's
//! preambles vary in length, and hand-saved copies drop them entirely.

use crate::text::{Line, Lines, is_blank, strip_semicolon};
use model::SourceFormat;

/// How far down the file a header may be.
pub const MAX_PREAMBLE_LINES: usize = 200;

/// What the lines above the header say.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Preamble {
    pub title: String,
    pub generated_raw: String,
    pub generated_iso: Option<String>,
    pub source_line: String,
    pub synthetic: bool,
    /// A "Data generated" value that is no real date or lies in the future:
    /// its 1-based line and why. The reader turns it into an error.
    pub date_error: Option<(u64, String)>,
}

/// Where the data starts.
#[derive(Debug, Clone)]
pub struct Header<'a> {
    pub format: SourceFormat,
    pub line: Line<'a>,
    pub preamble: Preamble,
}

/// Finds the header line and classifies the layout; `None` if no known header
/// appears in the first [`MAX_PREAMBLE_LINES`] lines.
pub fn find_header(text: &str) -> Option<Header<'_>> {
    let mut above: Vec<&str> = Vec::new();
    let mut supplier_title = false;
    for line in Lines::new(text).take(MAX_PREAMBLE_LINES) {
        let l = strip_semicolon(line.text);
        // Quoted cells read as CSV; a line they do not parse on is no header.
        let mut f = [""; 2];
        let (c0, c1) = match crate::text::split_cells(l, &mut f) {
            Ok(_) => (f[0].trim(), f[1].trim()),
            Err(_) => ("", ""),
        };
        if let Some(format) = layout(c0, c1, supplier_title) {
            return Some(Header {
                format,
                line,
                preamble: parse_preamble(&above),
            });
        }
        if !is_blank(l) && above.iter().all(|a| is_blank(a)) {
            let t = clean(l);
            supplier_title = t.starts_with("TIV of arms exports from ")
                || t.starts_with("TIV of arms imports to ");
        }
        above.push(l);
    }
    None
}

/// The value of a "Data generated:" (or "Generated:") line, in any case: a
/// retyped "data generated:" is the same line (regression: it gave an
/// undated release without a word).
fn generated(t: &str) -> Option<&str> {
    ["Data generated:", "Generated:"].iter().find_map(|prefix| {
        t.get(..prefix.len())
            .filter(|head| head.eq_ignore_ascii_case(prefix))
            .map(|_| &t[prefix.len()..])
    })
}

/// Why a line below the header begins another SIPRI export (its title, its
/// "Data generated" line or its header row), if it does: two files joined
/// into one (`cat a.csv b.csv`) would otherwise be one release, the second
/// file's preamble a few "bad rows" under `--skip-bad-rows` (regression:
/// the Ukraine register with the Feb-2026 register appended imported as one
/// release dated 2025-02-17, 1.7 % of rows rejected). Always an error.
pub(crate) fn another_export(line: &str) -> Option<String> {
    let l = clean(line);
    let cells = crate::text::cells(l).ok()?;
    let c0 = cells.first()?.trim().trim_matches('"').trim();
    let c1 = cells.get(1).map_or("", |c| c.trim());
    let low = c0.to_ascii_lowercase();
    let starts = generated(c0).is_some()
        || supplier_table_party(c0).is_some()
        || [
            "transfers of major conventional arms",
            "source: sipri arms transfers database",
        ]
        .iter()
        .any(|p| low.starts_with(p));
    if !starts && layout(c0, c1, false).is_none() {
        return None;
    }
    let shown: String = c0.chars().take(60).collect();
    Some(format!(
        "another SIPRI export begins here ('{shown}'): two files joined into one are not one \
         release; import each file on its own"
    ))
}

/// The layout whose header starts with cells `c0` and `c1` (trimmed);
/// `supplier_title`: the first line above was a supplier table's title.
fn layout(c0: &str, c1: &str, supplier_title: bool) -> Option<SourceFormat> {
    match c0 {
        "SIPRI AT Database ID" => Some(SourceFormat::Register),
        "Recipient" if c1 == "Supplier" => Some(SourceFormat::LegacyRegister),
        "Recipient" if is_year(c1) => Some(SourceFormat::ImportTable),
        "Exports by" if is_year(c1) => Some(SourceFormat::ExportTable),
        "" if supplier_title && is_year(c1) => Some(SourceFormat::SupplierTable),
        _ => None,
    }
}

/// Why the header of a known layout was not taken for one, where
/// [`find_header`] found none: cells separated by `;` or tabs instead of
/// commas (a spreadsheet saves "CSV" with semicolons where the comma is the
/// decimal mark, and copies as tabs), or a row-index column before the
/// first (pandas' `to_csv` writes one unless told `index=False`). Its line
/// and the reason, with the fix.
pub fn near_header(text: &str) -> Option<(u64, String)> {
    let known = |c0: &str, c1: &str| layout(c0, c1, false).is_some();
    fn cell(c: &str) -> &str {
        c.trim()
            .trim_matches('"')
            .trim()
            .trim_start_matches('\u{feff}')
    }
    for line in Lines::new(text).take(MAX_PREAMBLE_LINES) {
        for (sep, name) in [(';', "semicolons"), ('\t', "tabs")] {
            let mut cells = line.text.split(sep).map(cell);
            let (c0, c1) = (cells.next().unwrap_or(""), cells.next().unwrap_or(""));
            if known(c0, c1) {
                return Some((
                    line.no,
                    format!(
                        "this header's cells are separated by {name}, not commas (a \
                         spreadsheet saves CSV so in some languages): armsflow reads SIPRI's \
                         comma-separated exports; download the file again from SIPRI, or save \
                         it as CSV with commas"
                    ),
                ));
            }
        }
        let Ok(cells) = crate::text::cells(strip_semicolon(line.text)) else {
            continue;
        };
        let index = cells.first().map(|c| cell(c));
        if matches!(index, Some("" | "Unnamed: 0" | "index"))
            && cells.len() > 2
            && known(cell(cells[1]), cell(cells[2]))
        {
            return Some((
                line.no,
                format!(
                    "this header has an extra first column ('{}') before '{}': a row index, \
                     as pandas' to_csv writes unless told index=False; save the file again \
                     without it (df.to_csv(path, index=False))",
                    index.unwrap_or(""),
                    cell(cells[1])
                ),
            ));
        }
    }
    other_table(text)
}

/// A table with a Supplier or Recipient column that is none of SIPRI's
/// export layouts (a processed copy: renamed, reordered or added columns):
/// its header line, named with its first columns.
fn other_table(text: &str) -> Option<(u64, String)> {
    for line in Lines::new(text).take(MAX_PREAMBLE_LINES) {
        let Ok(cells) = crate::text::cells(strip_semicolon(line.text)) else {
            continue;
        };
        let party = |c: &&str| {
            let c = c.trim();
            ["supplier", "recipient", "seller", "buyer"]
                .iter()
                .any(|p| c.eq_ignore_ascii_case(p))
        };
        if cells.len() >= 3 && cells.iter().any(party) {
            let shown: Vec<String> = cells
                .iter()
                .take(6)
                .map(|c| format!("'{}'", c.trim()))
                .collect();
            let more = if cells.len() > 6 { ", …" } else { "" };
            return Some((
                line.no,
                format!(
                    "unknown layout: a table with the columns {}{more} is none of SIPRI's \
                     export layouts (a processed copy?): armsflow imports SIPRI's own \
                     exports, the trade register (first column 'SIPRI AT Database ID'), the \
                     legacy register ('Recipient,Supplier,…') and the TIV tables",
                    shown.join(", ")
                ),
            ));
        }
    }
    None
}

/// A 4-digit year cell in 1900..=2100, the range the registers accept (found by
/// fuzzing: a `1000` column gave flows no `Window` can hold).
pub fn is_year(s: &str) -> bool {
    s.len() == 4
        && s.bytes().all(|b| b.is_ascii_digit())
        && s.parse::<u16>().is_ok_and(|y| (1900..=2100).contains(&y))
}

/// A preamble line without padding commas, `;` and CSV quotes.
fn clean(l: &str) -> &str {
    let l = strip_semicolon(l).trim_end_matches(',');
    match l.strip_prefix('"') {
        Some(rest) => rest.split('"').next().unwrap_or(rest),
        None => l,
    }
}

fn parse_preamble(lines: &[&str]) -> Preamble {
    let mut p = Preamble::default();
    let mut date_line = 0;
    for (i, raw) in lines.iter().enumerate() {
        let l = clean(raw);
        if p.title.is_empty() && !l.trim().is_empty() {
            p.title = l.to_string();
        }
        let t = l.trim();
        if let Some(rest) = generated(t) {
            let rest = rest.trim();
            // Two different dates: which release this is cannot be told
            // (the last one silently won).
            if date_line > 0 && rest != p.generated_raw && p.date_error.is_none() {
                p.date_error = Some((
                    i as u64 + 1,
                    format!(
                        "a second 'Data generated' line ('{rest}') contradicts line {date_line} ('{}')",
                        p.generated_raw
                    ),
                ));
            }
            p.generated_raw = rest.to_string();
            date_line = i as u64 + 1;
        } else if t.starts_with("Source:") && p.source_line.is_empty() {
            p.source_line = t.to_string();
        }
        if l.contains("SYNTHETIC") {
            p.synthetic = true;
        }
    }
    if date_line > 0 && p.date_error.is_none() {
        match checked_date(&p.generated_raw, today()) {
            Ok(iso) => p.generated_iso = Some(iso),
            Err(e) => p.date_error = Some((date_line, e)),
        }
    }
    p
}

/// A "Data generated" value as an ISO date, if it is a real calendar date no
/// later than `today` (a day's grace for time zones: SIPRI stamps Stockholm
/// time). A future date would become everyone's default release.
pub fn checked_date(raw: &str, today: (i32, u32, u32)) -> Result<String, String> {
    let what = || format!("'Data generated: {raw}'");
    let (y, m, d) = date_parts(raw).ok_or_else(|| {
        format!(
            "{} is not a date (expected e.g. '12 Feb 2026 12:26:12 PM')",
            what()
        )
    })?;
    if !(1900..=2100).contains(&y) {
        return Err(format!(
            "{} is outside 1900-2100 (SIPRI's database starts in 1950)",
            what()
        ));
    }
    if d == 0 || d > days_in_month(y, m) {
        return Err(format!("{} is not a real calendar date", what()));
    }
    let tomorrow = days_from_civil(today.0, today.1, today.2) + 1;
    if days_from_civil(y, m, d) > tomorrow {
        return Err(format!(
            "{} is in the future (today is {:04}-{:02}-{:02})",
            what(),
            today.0,
            today.1,
            today.2
        ));
    }
    Ok(format!("{y:04}-{m:02}-{d:02}"))
}

/// `(year, month, day)` from `12 Feb 2026 …`, without range checks.
fn date_parts(raw: &str) -> Option<(i32, u32, u32)> {
    let mut w = raw.split_whitespace();
    let day: u32 = w.next()?.parse().ok()?;
    let mon = w.next()?.to_ascii_lowercase();
    let year: i32 = w.next()?.parse().ok()?;
    const M: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let m = M
        .iter()
        .position(|p| mon.len() >= 3 && mon.starts_with(p))? as u32
        + 1;
    Some((year, m, day))
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's
/// days_from_civil).
fn days_from_civil(y: i32, m: u32, d: u32) -> i64 {
    let y = i64::from(y) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Today's UTC date from the system clock.
fn today() -> (i32, u32, u32) {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    civil_from_days((secs / 86_400) as i64)
}

/// Inverse of [`days_from_civil`].
fn civil_from_days(days: i64) -> (i32, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (
        y.clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as i32,
        m,
        d,
    )
}

/// The per-supplier table's title names the party: `(name, is_exports)`.
pub fn supplier_table_party(title: &str) -> Option<(&str, bool)> {
    let (rest, exports) = if let Some(r) = title.strip_prefix("TIV of arms exports from ") {
        (r, true)
    } else {
        (title.strip_prefix("TIV of arms imports to ")?, false)
    };
    // Drop the trailing ", 1950-2021".
    let name = match rest.rfind(", ") {
        Some(i)
            if rest[i + 2..]
                .bytes()
                .all(|b| b.is_ascii_digit() || b == b'-') =>
        {
            &rest[..i]
        }
        _ => rest,
    };
    Some((name.trim(), exports)).filter(|(n, _)| !n.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        let today = (2026, 11, 27);
        let iso = |raw: &str| checked_date(raw, today).ok();
        assert_eq!(
            iso("12 Feb 2026 12:26:12 PM").as_deref(),
            Some("2026-02-12")
        );
        assert_eq!(iso("28 July 2022").as_deref(), Some("2022-07-28"));
        assert_eq!(iso("soon"), None);
        assert_eq!(iso("31 Feb 2026"), None);
        assert_eq!(iso("29 Feb 2024").as_deref(), Some("2024-02-29"));
        assert_eq!(checked_date("29 Feb 2100", (2100, 12, 31)).ok(), None);
        assert!(checked_date("31 Feb 2026", today).is_err());
        assert!(
            checked_date("1 Jan 2099", today)
                .unwrap_err()
                .contains("future")
        );
        assert_eq!(
            checked_date("28 Nov 2026 1:00 AM", today).unwrap(),
            "2026-11-28"
        );
        assert!(checked_date("29 Nov 2026", today).is_err());
        assert!(checked_date("soon", today).is_err());
    }

    #[test]
    fn civil_days_round_trip() {
        for days in [-800_000, -1, 0, 1, 20_088, 20_089, 60_000] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(days_from_civil(2024, 12, 31), 20_088);
    }

    #[test]
    fn finds_headers() {
        let t = "Title;\r\nData generated: 1 Mar 2025 1:00:00 AM;\r\nSource: X;\r\nSIPRI AT Database ID,Supplier;\r\n";
        let h = find_header(t).unwrap();
        assert_eq!(h.format, SourceFormat::Register);
        assert_eq!(h.line.no, 4);
        assert_eq!(h.preamble.title, "Title");
        assert_eq!(h.preamble.generated_iso.as_deref(), Some("2025-03-01"));
        assert_eq!(h.preamble.source_line, "Source: X");
        let s = "\"TIV of arms exports from Russia, 1950-2021\",,,\n,,,\n,1950,1951,Total\n";
        let h = find_header(s).unwrap();
        assert_eq!(h.format, SourceFormat::SupplierTable);
        assert_eq!(
            supplier_table_party(&h.preamble.title),
            Some(("Russia", true))
        );
        assert!(find_header("a,b\nc,d\n").is_none());
    }
}

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
        let mut cells = l.split(',').map(str::trim);
        let c0 = cells.next().unwrap_or("");
        let c1 = cells.next().unwrap_or("");
        let format = match c0 {
            "SIPRI AT Database ID" => Some(SourceFormat::Register),
            "Recipient" if c1 == "Supplier" => Some(SourceFormat::LegacyRegister),
            "Recipient" if is_year(c1) => Some(SourceFormat::ImportTable),
            "Exports by" if is_year(c1) => Some(SourceFormat::ExportTable),
            "" if supplier_title && is_year(c1) => Some(SourceFormat::SupplierTable),
            _ => None,
        };
        if let Some(format) = format {
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
    for raw in lines {
        let l = clean(raw);
        if p.title.is_empty() && !l.trim().is_empty() {
            p.title = l.to_string();
        }
        let t = l.trim();
        if let Some(rest) = t
            .strip_prefix("Data generated:")
            .or_else(|| t.strip_prefix("Generated:"))
        {
            p.generated_raw = rest.trim().to_string();
        } else if t.starts_with("Source:") && p.source_line.is_empty() {
            p.source_line = t.to_string();
        }
        if l.contains("SYNTHETIC") {
            p.synthetic = true;
        }
    }
    p.generated_iso = iso_date(&p.generated_raw);
    p
}

/// `12 Feb 2026 12:26:12 PM` or `28 July 2022` → `2026-02-12` / `2022-07-28`.
pub fn iso_date(raw: &str) -> Option<String> {
    let mut w = raw.split_whitespace();
    let day: u32 = w.next()?.parse().ok()?;
    let mon = w.next()?.to_ascii_lowercase();
    let year: u32 = w.next()?.parse().ok()?;
    const M: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let m = M.iter().position(|p| mon.starts_with(p))? + 1;
    if !(1..=31).contains(&day) || !(1900..=2100).contains(&year) {
        return None;
    }
    Some(format!("{year:04}-{m:02}-{day:02}"))
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
        assert_eq!(
            iso_date("12 Feb 2026 12:26:12 PM").as_deref(),
            Some("2026-02-12")
        );
        assert_eq!(iso_date("28 July 2022").as_deref(), Some("2022-07-28"));
        assert_eq!(iso_date("soon"), None);
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

//! Recognising files that are not CSV text by their first bytes, so that an
//! Excel workbook or a compressed download gets a diagnosis and the fix rather
//! than "binary data".

/// Why `bytes` cannot be a SIPRI CSV export, with what to do, when their
/// magic bytes name another format; `None` when they may be text.
pub fn foreign_format(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(64 * 1024)];
    let has = |needle: &[u8]| head.windows(needle.len()).any(|w| w == needle);
    const EXPORT: &str = "export the data from SIPRI as CSV (armstransfers.sipri.org: \
                          Trade registers → CSV) and import that file";
    let msg = if head.starts_with(b"\x1f\x8b") {
        "this is a gzip-compressed file: decompress it first (gunzip FILE, or \
         `gzip -dc FILE > FILE.csv`) and import the CSV"
            .to_string()
    } else if head.starts_with(b"PK\x03\x04") || head.starts_with(b"PK\x05\x06") {
        if has(b"xl/") {
            format!(
                "this is an Excel workbook (.xlsx), not a CSV export: {EXPORT}, or in Excel \
                 use File → Save As → CSV UTF-8"
            )
        } else if has(b"opendocument.spreadsheet") {
            format!(
                "this is an OpenDocument spreadsheet (.ods), not a CSV export: {EXPORT}, or \
                 save it as CSV (UTF-8)"
            )
        } else {
            "this is a zip archive: unzip it and import the CSV file inside".to_string()
        }
    } else if head.starts_with(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1") {
        format!(
            "this is a legacy Excel workbook (.xls), not a CSV export: {EXPORT}, or in Excel \
             use File → Save As → CSV UTF-8"
        )
    } else if head.starts_with(b"%PDF-") {
        format!("this is a PDF document, not a CSV export: {EXPORT}")
    } else if head.starts_with(b"BZh") && head.get(3).is_some_and(u8::is_ascii_digit) {
        "this is a bzip2-compressed file: decompress it first (bunzip2 FILE)".to_string()
    } else if head.starts_with(b"\xfd7zXZ\x00") {
        "this is an xz-compressed file: decompress it first (unxz FILE)".to_string()
    } else if head.starts_with(b"7z\xbc\xaf\x27\x1c") {
        "this is a 7-Zip archive: extract it and import the CSV file inside".to_string()
    } else if let Some(what) = json_document(bytes) {
        what
    } else if let Some(title) = html_page(head) {
        let title = match title {
            Some(t) => format!(" titled '{t}'"),
            None => String::new(),
        };
        format!(
            "this is an HTML page{title}, not a CSV export (perhaps an error page or a login \
             page saved instead of the download): {EXPORT}"
        )
    } else {
        return None;
    };
    Some(msg)
}

/// A diagnosis when `bytes` are a JSON document (an API answer saved instead
/// of the CSV, perhaps SIPRI's own `{"bytes": "<base64>"}` envelope).
fn json_document(bytes: &[u8]) -> Option<String> {
    let body = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let start = body.iter().position(|b| !b.is_ascii_whitespace())?;
    if !matches!(body[start], b'{' | b'[') || body.len() > 64 << 20 {
        return None;
    }
    let value: serde_json::Value = serde_json::from_slice(body).ok()?;
    Some(
        if value.get("bytes").is_some_and(serde_json::Value::is_string) {
            "this is SIPRI's raw API answer (JSON holding the CSV as base64), not the CSV: \
         run `armsflow fetch`, or download the CSV from armstransfers.sipri.org"
                .to_string()
        } else {
            "this is a JSON document (perhaps an error answer saved instead of the download), \
         not a CSV export: download the CSV from armstransfers.sipri.org"
                .to_string()
        },
    )
}

/// `Some(title)` when `head` starts (after a BOM and whitespace) like an HTML
/// document; the title is cleaned of control characters and shortened.
fn html_page(head: &[u8]) -> Option<Option<String>> {
    let body = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
    let start = body.iter().position(|b| !b.is_ascii_whitespace())?;
    let lower: Vec<u8> = body[start..body.len().min(start + 4096)].to_ascii_lowercase();
    let is_html = [
        &b"<!doctype html"[..],
        b"<html",
        b"<head",
        b"<body",
        b"<title",
    ]
    .iter()
    .any(|p| lower.starts_with(p))
        || (lower.starts_with(b"<?xml") && lower.windows(5).any(|w| w == b"<html"));
    if !is_html {
        return None;
    }
    let from = lower.windows(7).position(|w| w == b"<title>")? + 7;
    let len = lower[from..].windows(8).position(|w| w == b"</title>")?;
    let raw = &body[start + from..start + from + len];
    let text: String = String::from_utf8_lossy(raw)
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let short: String = text.chars().take(80).collect();
    Some(Some(short).filter(|t| !t.is_empty()))
}

/// Which UTF-16 byte order `bytes` are in, if they look like UTF-16: a BOM, or
/// (without one) ASCII-range text where every other byte is NUL.
pub fn utf16(bytes: &[u8]) -> Option<Utf16> {
    if bytes.starts_with(b"\xff\xfe") {
        return Some(Utf16::Le { bom: true });
    }
    if bytes.starts_with(b"\xfe\xff") {
        return Some(Utf16::Be { bom: true });
    }
    let head = &bytes[..bytes.len().min(1024) & !1];
    if head.len() < 4 {
        return None;
    }
    let nul_at = |parity: usize| {
        head.iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let half = head.len() / 2;
    let (even, odd) = (nul_at(0), nul_at(1));
    if odd * 10 >= half * 9 && even == 0 {
        Some(Utf16::Le { bom: false })
    } else if even * 10 >= half * 9 && odd == 0 {
        Some(Utf16::Be { bom: false })
    } else {
        None
    }
}

/// UTF-16 byte order, and whether a BOM starts the bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Utf16 {
    Le { bom: bool },
    Be { bom: bool },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn magic_bytes() {
        let says = |b: &[u8], what: &str| {
            let m = foreign_format(b).unwrap_or_default();
            assert!(m.contains(what), "{m}");
        };
        says(b"\x1f\x8b\x08\x00rest", "gzip");
        says(
            b"PK\x03\x04....[Content_Types].xml....xl/workbook.xml",
            "Excel workbook",
        );
        says(b"PK\x03\x04....foo.csv", "zip archive");
        says(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1....", "legacy Excel");
        says(b"%PDF-1.7\n", "PDF");
        says(
            b"\n  <!DOCTYPE html><html><head><title>503 \x1b[31mService\nUnavailable</title>",
            "HTML page titled '503 [31mService Unavailable'",
        );
        says(b"{\"error\": \"rate limited\"}\n", "JSON document");
        says(b" {\"bytes\": \"U0lQUkk=\"}", "raw API answer");
        assert_eq!(foreign_format(b"{not json"), None);
        assert_eq!(foreign_format(b"SIPRI AT Database ID,Supplier"), None);
        assert_eq!(foreign_format(b"<b>not a page"), None);
    }

    #[test]
    fn utf16_detection() {
        assert_eq!(utf16(b"\xff\xfea\0"), Some(Utf16::Le { bom: true }));
        assert_eq!(utf16(b"\xfe\xff\0a"), Some(Utf16::Be { bom: true }));
        assert_eq!(utf16(b"a\0b\0c\0d\0"), Some(Utf16::Le { bom: false }));
        assert_eq!(utf16(b"\0a\0b\0c\0d"), Some(Utf16::Be { bom: false }));
        assert_eq!(utf16(b"abcdefgh"), None);
    }
}

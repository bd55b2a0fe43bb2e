//! HTML escaping and small builders for server-rendered pages.

use std::fmt::Write;

/// Escapes text for element content and double-quoted attributes.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Percent-encodes a URL query value or path segment.
pub fn url_enc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// A table with a caption, column headers (`scope="col"`) and pre-rendered rows;
/// the first cell of each row is a row header. `numeric` marks right-aligned columns.
pub fn table(caption: &str, headers: &[&str], numeric: &[bool], rows: &[Vec<String>]) -> String {
    // Focusable so keyboard users can scroll a wide table inside its own box.
    let mut s = String::from("<div class=\"table-wrap\" tabindex=\"0\"><table>");
    let _ = write!(s, "<caption>{}</caption><thead><tr>", esc(caption));
    for (i, h) in headers.iter().enumerate() {
        let cls = if numeric.get(i).copied().unwrap_or(false) {
            " class=\"num\""
        } else {
            ""
        };
        let _ = write!(s, "<th scope=\"col\"{cls}>{}</th>", esc(h));
    }
    s.push_str("</tr></thead><tbody>");
    for r in rows {
        s.push_str("<tr>");
        for (i, cell) in r.iter().enumerate() {
            let num = numeric.get(i).copied().unwrap_or(false);
            let cls = if num { " class=\"num\"" } else { "" };
            if i == 0 {
                let _ = write!(s, "<th scope=\"row\"{cls}>{cell}</th>");
            } else {
                let _ = write!(s, "<td{cls}>{cell}</td>");
            }
        }
        s.push_str("</tr>");
    }
    s.push_str("</tbody></table></div>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes() {
        assert_eq!(
            esc("<a href=\"x\">'&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
        assert_eq!(url_enc("Côte d'Ivoire"), "C%C3%B4te%20d%27Ivoire");
    }
}

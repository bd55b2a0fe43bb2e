//! HTML escaping and small builders for server-rendered pages.

use maud::{Markup, html};
use std::fmt::Write;

/// Escapes text for element content and double-quoted attributes; pages are
/// built with maud (escaping by default), this serves the SVG chart builder.
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

/// A table with a caption, column headers (`scope="col"`) and cells built as
/// markup (so text in them is escaped unless a caller opts out); the first cell
/// of each row is a row header. `numeric` marks right-aligned columns.
pub fn table(caption: &str, headers: &[&str], numeric: &[bool], rows: &[Vec<Markup>]) -> Markup {
    let num = |i: usize| numeric.get(i).copied().unwrap_or(false).then_some("num");
    // Focusable so keyboard users can scroll a wide table inside its own box.
    html! {
        div.table-wrap tabindex="0" {
            table {
                caption { (caption) }
                thead { tr {
                    @for (i, h) in headers.iter().enumerate() {
                        th scope="col" class=[num(i)] { (h) }
                    }
                } }
                tbody {
                    @for r in rows {
                        tr {
                            @for (i, cell) in r.iter().enumerate() {
                                @if i == 0 {
                                    th scope="row" class=[num(i)] { (cell) }
                                } @else {
                                    td class=[num(i)] { (cell) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
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

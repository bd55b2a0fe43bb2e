//! Making sense of the backend's answer: HTML error pages, the JSON envelope,
//! base64, and a quick check that the payload is a non-empty trade register.

use super::{Answer, FetchError};
use base64::Engine;

/// A short description of a non-200 answer: its HTML title or first words.
pub(super) fn status_detail(content_type: &str, body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    if let Some(t) = html_title(content_type, &text) {
        return format!(" (HTML page: {t:?})");
    }
    let first: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let first: String = first.chars().take(80).collect();
    if first.is_empty() {
        String::new()
    } else {
        format!(" ({first:?})")
    }
}

fn is_html(content_type: &str, text: &str) -> bool {
    content_type.contains("text/html") || text.trim_start().starts_with('<')
}

/// `Some(title)` when the text is an HTML page; the title may be empty.
fn html_title(content_type: &str, text: &str) -> Option<String> {
    if !is_html(content_type, text) {
        return None;
    }
    let lower = text.to_ascii_lowercase();
    let title = lower
        .find("<title")
        .and_then(|i| Some(i + lower[i..].find('>')? + 1))
        .and_then(|start| {
            let end = start + lower[start..].find("</title")?;
            Some(
                text.get(start..end)?
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" "),
            )
        })
        .unwrap_or_default();
    Some(title.chars().take(80).collect())
}

/// `{"bytes": "<base64>"}` → the CSV bytes.
pub(super) fn decode_answer(url: &str, answer: &Answer) -> Result<Vec<u8>, FetchError> {
    let text = String::from_utf8_lossy(&answer.body);
    if let Some(title) = html_title(&answer.content_type, &text) {
        let title = if title.is_empty() {
            String::new()
        } else {
            format!(" ({title:?})")
        };
        return Err(FetchError::HtmlPage {
            url: url.to_string(),
            title,
        });
    }
    let value: serde_json::Value = serde_json::from_slice(&answer.body).map_err(|e| {
        if e.is_eof() {
            FetchError::Truncated {
                url: url.to_string(),
                detail: format!("JSON ends early after {} bytes", answer.body.len()),
                attempts: 1,
            }
        } else {
            FetchError::NotJson {
                url: url.to_string(),
                detail: e.to_string(),
            }
        }
    })?;
    let b64 = match value.get("bytes") {
        Some(serde_json::Value::String(s)) => s,
        // Said as it is, not "no `bytes` field (it has: bytes)" (hostile-files
        // probe 4).
        Some(other) => {
            return Err(FetchError::BytesNotText {
                kind: json_kind(other),
            });
        }
        None => {
            let keys = match &value {
                serde_json::Value::Object(m) if !m.is_empty() => {
                    m.keys().map(String::as_str).collect::<Vec<_>>().join(", ")
                }
                serde_json::Value::Object(_) => "no fields".to_string(),
                other => format!("a JSON {}", json_kind(other)),
            };
            return Err(FetchError::MissingBytes { keys });
        }
    };
    decode_base64(b64)
}

fn json_kind(v: &serde_json::Value) -> &'static str {
    match v {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "boolean",
        serde_json::Value::Number(_) => "number",
        serde_json::Value::String(_) => "string",
        serde_json::Value::Array(_) => "array",
        serde_json::Value::Object(_) => "object",
    }
}

/// Standard base64 with padding; line breaks and spaces (which some encoders
/// insert every 76 characters) are ignored.
pub fn decode_base64(text: &str) -> Result<Vec<u8>, FetchError> {
    let compact: String = text.chars().filter(|c| !c.is_ascii_whitespace()).collect();
    base64::engine::general_purpose::STANDARD
        .decode(compact.as_bytes())
        .map_err(|e| FetchError::InvalidBase64 {
            detail: e.to_string(),
        })
}

/// Headers of the two register layouts, by their first cells.
const REGISTER_HEADERS: [&str; 2] = ["SIPRI AT Database ID,", "Recipient,Supplier,Year of order"];

/// Checks that `csv` is a trade register with at least one data row; returns
/// the number of data lines. The full reader runs later, on import.
pub fn check_register(csv: &[u8], from: u16, to: u16) -> Result<usize, FetchError> {
    if csv.iter().all(u8::is_ascii_whitespace) {
        return Err(FetchError::NotARegister {
            detail: "the decoded file is empty".into(),
        });
    }
    match crate::detect(csv) {
        Some(model::SourceFormat::Register | model::SourceFormat::LegacyRegister) => {}
        Some(other) => {
            return Err(FetchError::NotARegister {
                detail: format!("it is a {} file", other.as_str()),
            });
        }
        None => {
            let first = csv.split(|&b| b == b'\n').next().unwrap_or_default();
            let first: String = String::from_utf8_lossy(first).chars().take(60).collect();
            return Err(FetchError::NotARegister {
                detail: format!("no register header found; it begins {first:?}"),
            });
        }
    }
    // Data lines after the header (found by its first cells, as `detect` does),
    // counted in the decoded text: a UTF-16 register has rows too (hostile-files
    // probe 4: "a header but no rows").
    let decoded = crate::text::decode(csv).map_err(|(line, reason)| FetchError::NotARegister {
        detail: format!("line {line}: {reason}"),
    })?;
    let mut lines = decoded.text.split('\n').map(|l| {
        let l = l.strip_prefix('\u{feff}').unwrap_or(l);
        l.strip_suffix('\r').unwrap_or(l)
    });
    let _ = lines
        .by_ref()
        .position(|l| REGISTER_HEADERS.iter().any(|h| l.starts_with(h)));
    let rows = lines
        .filter(|l| l.chars().any(|c| !matches!(c, ' ' | '\t' | ';' | ',')))
        .count();
    if rows == 0 {
        return Err(FetchError::EmptyRegister { from, to });
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_of_html_pages() {
        let page = "<!DOCTYPE html><html><head><TITLE> 502  Bad Gateway</TITLE></head></html>";
        assert_eq!(html_title("", page).as_deref(), Some("502 Bad Gateway"));
        assert_eq!(html_title("text/html", "oops").as_deref(), Some(""));
        assert_eq!(html_title("application/json", "{}"), None);
    }

    /// Hostile-files probe 4: `bytes` present but not text was reported as
    /// missing ("no `bytes` field … (it has: bytes)").
    #[test]
    fn bytes_that_are_not_text_are_said_so() {
        for (body, kind) in [("null", "null"), ("12", "number"), ("[1]", "array")] {
            let answer = Answer {
                body: format!("{{\"bytes\": {body}}}").into_bytes(),
                content_type: "application/json".into(),
            };
            let e = decode_answer("http://x", &answer).unwrap_err();
            assert!(
                matches!(e, FetchError::BytesNotText { kind: k } if k == kind),
                "{e}"
            );
            assert!(
                e.to_string().contains(&format!("holds a JSON {kind}")),
                "{e}"
            );
        }
    }

    /// Hostile-files probe 4: a UTF-16 register was "a header but no rows".
    #[test]
    fn utf16_registers_have_rows() {
        let csv = "SIPRI AT Database ID,Supplier,Recipient\n1,Russia,India\n2,France,India\n";
        let mut utf16 = vec![0xFF, 0xFE];
        for u in csv.encode_utf16() {
            utf16.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(check_register(csv.as_bytes(), 2000, 2024).unwrap(), 2);
        assert_eq!(check_register(&utf16, 2000, 2024).unwrap(), 2);
    }
}

//! The dashboard's languages: one message catalogue per language
//! (`crates/server/i18n/<code>.ftl`, `key = text` lines with `{name}`
//! placeholders), and the negotiation of a request's language.
//!
//! A third language is a third catalogue plus one arm in [`model::Lang`]; no
//! page changes. Number, percent, date and country-name conventions live in
//! [`model::locale`], shared with the CLI and the claim checker.
//!
//! The language is chosen, in order, by `?lang=` (which also sets a cookie,
//! so the switch is remembered), the `lang` cookie, `Accept-Language`, and
//! English. It reaches handlers as a request extension; the response cache
//! keys on it, and HTML answers say `Vary: Accept-Language, Cookie`.

use axum::extract::Request;
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;
pub use model::Lang;
use std::collections::HashMap;
use std::fmt::Display;
use std::sync::OnceLock;

/// The cookie that remembers a reader's choice.
pub const COOKIE: &str = "lang";

type Table = HashMap<&'static str, &'static str>;

fn source(lang: Lang) -> &'static str {
    match lang {
        Lang::En => include_str!("../i18n/en.ftl"),
        Lang::De => include_str!("../i18n/de.ftl"),
    }
}

/// Parses a catalogue. Errors name the line: a catalogue that does not parse
/// fails the test suite, never a request.
pub fn parse(src: &'static str) -> Result<Table, String> {
    let mut t = Table::new();
    for (i, line) in src.lines().enumerate() {
        let l = line.trim();
        if l.is_empty() || l.starts_with('#') {
            continue;
        }
        let Some((k, v)) = l.split_once('=') else {
            return Err(format!("line {}: expected `key = text`", i + 1));
        };
        let (k, v) = (k.trim(), v.trim());
        if k.is_empty()
            || !k
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"._-".contains(&b))
        {
            return Err(format!("line {}: bad key '{k}'", i + 1));
        }
        if t.insert(k, v).is_some() {
            return Err(format!("line {}: key '{k}' given twice", i + 1));
        }
    }
    Ok(t)
}

fn table(lang: Lang) -> &'static Table {
    static EN: OnceLock<Table> = OnceLock::new();
    static DE: OnceLock<Table> = OnceLock::new();
    let cell = match lang {
        Lang::En => &EN,
        Lang::De => &DE,
    };
    // A broken catalogue is caught by the tests; at run time it falls back
    // to the keys themselves rather than failing pages.
    cell.get_or_init(|| parse(source(lang)).unwrap_or_default())
}

/// The message `key` in `lang`; English where the language lacks it, the key
/// itself where English does too (the catalogue tests make both impossible).
pub fn t(lang: Lang, key: &'static str) -> &'static str {
    table(lang)
        .get(key)
        .or_else(|| table(Lang::En).get(key))
        .copied()
        .unwrap_or(key)
}

/// The message `key` with its `{name}` placeholders filled from `args`.
/// Values are inserted as text; pages escape the result like any other.
/// One pass over the message: a value that itself contains `{name}` (a
/// reader's search text, say) is never filled in again.
pub fn tf(lang: Lang, key: &'static str, args: &[(&str, &dyn Display)]) -> String {
    let msg = t(lang, key);
    let mut out = String::with_capacity(msg.len() + 32);
    let mut rest = msg;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let arg = after.find('}').and_then(|close| {
            args.iter()
                .find(|(n, _)| *n == &after[..close])
                .map(|a| (close, a.1))
        });
        match arg {
            Some((close, value)) => {
                out.push_str(&value.to_string());
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The `{name}` placeholders of a message, for the catalogue tests.
pub fn placeholders(text: &str) -> Vec<&str> {
    let mut v: Vec<&str> = text
        .split('{')
        .skip(1)
        .filter_map(|s| s.split_once('}').map(|(n, _)| n))
        .collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// Every catalogue, parsed (for tests and the start-up check).
pub fn catalogues() -> Vec<(Lang, Result<Table, String>)> {
    Lang::ALL.iter().map(|&l| (l, parse(source(l)))).collect()
}

/// The language a request asked for, and whether it asked explicitly
/// (`?lang=`), in which case the choice is remembered.
pub fn negotiate_lang(
    query: Option<&str>,
    cookie: Option<&str>,
    accept: Option<&str>,
) -> (Lang, bool) {
    let asked = query.and_then(|q| {
        form_urlencoded::parse(q.as_bytes())
            .find(|(k, _)| k == "lang")
            .and_then(|(_, v)| Lang::parse(&v))
    });
    if let Some(l) = asked {
        return (l, true);
    }
    let remembered = cookie.and_then(|c| {
        c.split(';')
            .filter_map(|kv| kv.trim().split_once('='))
            .find(|(k, _)| *k == COOKIE)
            .and_then(|(_, v)| Lang::parse(v))
    });
    let l = remembered
        .or_else(|| accept.and_then(Lang::from_accept_language))
        .unwrap_or_default();
    (l, false)
}

/// Middleware: puts the request's [`Lang`] in its extensions, remembers an
/// explicit choice in a cookie, and marks HTML answers as varying by it.
pub async fn negotiate(mut req: Request, next: Next) -> Response {
    let h = req.headers();
    let text = |name: header::HeaderName| h.get(name).and_then(|v| v.to_str().ok());
    let (lang, explicit) = negotiate_lang(
        req.uri().query(),
        text(header::COOKIE),
        text(header::ACCEPT_LANGUAGE),
    );
    req.extensions_mut().insert(lang);
    let mut resp = next.run(req).await;
    let is_html = resp
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if is_html {
        let hs = resp.headers_mut();
        hs.append(
            header::VARY,
            HeaderValue::from_static("Accept-Language, Cookie"),
        );
        hs.insert(
            header::CONTENT_LANGUAGE,
            HeaderValue::from_static(lang.code()),
        );
    }
    // A choice made on a link that redirects (`/search?q=…&lang=de`) is
    // remembered too, so the page it leads to is in that language.
    if explicit && (is_html || resp.status().is_redirection()) {
        let c = format!(
            "{COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax",
            lang.code()
        );
        if let Ok(v) = HeaderValue::from_str(&c) {
            resp.headers_mut().append(header::SET_COOKIE, v);
        }
    }
    resp
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalogues_parse_and_agree() {
        let cats = catalogues();
        let en = cats[0].1.as_ref().expect("en.ftl parses");
        for (lang, cat) in &cats {
            let cat = cat
                .as_ref()
                .unwrap_or_else(|e| panic!("{}.ftl: {e}", lang.code()));
            for (k, v) in en {
                let Some(other) = cat.get(k) else {
                    panic!("{}.ftl lacks '{k}'", lang.code())
                };
                assert_eq!(
                    placeholders(v),
                    placeholders(other),
                    "{}.ftl '{k}': placeholders differ from English",
                    lang.code()
                );
                assert!(!other.is_empty(), "{}.ftl '{k}' is empty", lang.code());
            }
            for k in cat.keys() {
                assert!(
                    en.contains_key(k),
                    "{}.ftl has '{k}', en.ftl does not",
                    lang.code()
                );
            }
        }
    }

    /// Every key the code names exists: scans the sources for `t(…, "key")`,
    /// `tf(…, "key", …)` and `ctx.t("key")` forms.
    #[test]
    fn every_key_used_exists() {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/src");
        let en = parse(source(Lang::En)).expect("en.ftl parses");
        let mut missing = Vec::new();
        let mut stack = vec![std::path::PathBuf::from(root)];
        while let Some(p) = stack.pop() {
            let Ok(rd) = std::fs::read_dir(&p) else {
                continue;
            };
            for e in rd.flatten() {
                let path = e.path();
                if path.is_dir() {
                    stack.push(path);
                    continue;
                }
                // This file's own tests name a missing key on purpose.
                if path.extension().is_none_or(|x| x != "rs") || path.ends_with("i18n.rs") {
                    continue;
                }
                let src = std::fs::read_to_string(&path).unwrap_or_default();
                for key in used_keys(&src) {
                    if !en.contains_key(key) {
                        missing.push(format!("{}: {key}", path.display()));
                    }
                }
            }
        }
        assert!(missing.is_empty(), "keys not in en.ftl: {missing:#?}");
    }

    /// String literals right after `t(`/`tf(` (first or second argument).
    fn used_keys(src: &str) -> Vec<&str> {
        let mut out = Vec::new();
        for pat in ["t(", "tf("] {
            for (i, _) in src.match_indices(pat) {
                let before = src[..i].chars().last();
                if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                    continue;
                }
                let rest = &src[i + pat.len()..];
                let arg = match rest.trim_start().strip_prefix('"') {
                    Some(a) => Some(a),
                    None => rest
                        .split_once(',')
                        .and_then(|(_, a)| a.trim_start().strip_prefix('"')),
                };
                if let Some(a) = arg
                    && let Some((key, _)) = a.split_once('"')
                    && key.contains('.')
                    && !key.contains(' ')
                {
                    out.push(key);
                }
            }
        }
        out
    }

    #[test]
    fn lookups_and_placeholders() {
        assert_eq!(t(Lang::De, "layout.nav.world"), "Welt");
        assert_eq!(t(Lang::En, "layout.nav.world"), "World");
        assert_eq!(t(Lang::De, "no.such.key"), "no.such.key");
        let s = tf(
            Lang::De,
            "layout.coverage.partial",
            &[("window", &"2021–2025"), ("covered", &4), ("years", &5)],
        );
        assert!(s.contains("4 von 5 Jahren"), "{s}");
        // Regression: a value holding a placeholder is not filled in again.
        let s = tf(
            Lang::En,
            "layout.coverage.window",
            &[("window", &"{note}"), ("note", &"x")],
        );
        assert_eq!(s, "Window {note}: x.");
        assert_eq!(placeholders("a {x} b {y} {x}"), vec!["x", "y"]);
    }

    #[test]
    fn parse_errors_name_the_line() {
        assert!(parse("a.b = 1\nbroken\n").unwrap_err().contains("line 2"));
        assert!(parse("a.b = 1\na.b = 2\n").unwrap_err().contains("twice"));
        assert!(parse("bad key = 1\n").unwrap_err().contains("bad key"));
    }

    #[test]
    fn negotiation_order() {
        assert_eq!(
            negotiate_lang(Some("lang=de"), None, Some("en")),
            (Lang::De, true)
        );
        assert_eq!(
            negotiate_lang(Some("lang=xx"), Some("lang=de"), None),
            (Lang::De, false)
        );
        assert_eq!(
            negotiate_lang(None, Some("a=1; lang=en"), Some("de")),
            (Lang::En, false)
        );
        assert_eq!(
            negotiate_lang(None, None, Some("de-CH, en;q=0.5")),
            (Lang::De, false)
        );
        assert_eq!(negotiate_lang(None, None, None), (Lang::En, false));
    }
}

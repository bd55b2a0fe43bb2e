//! Which requests must name only declared parameters, and the check. A
//! misspelt parameter dropped silently answers a different question (all
//! categories instead of one), so machine-facing paths refuse it.

use crate::error::ApiError;
use crate::params::Params;

/// Whether `path` answers machines: the API and the chart downloads
/// (`/export/…`, which go to print). Pages and embeds are lenient.
pub fn strict(path: &str) -> bool {
    path.starts_with("/api/") || path.starts_with("/export/")
}

/// Parameters that may be given more than once (each value counts).
pub const MULTI: &[&str] = &["group"];

/// An API request's parameters against those its endpoint declares. A
/// misspelt parameter (`categroy=aircraft`) would otherwise be dropped and
/// the answer silently cover all categories; a repeated one with another
/// value (`category=aircraft&category=ships`) would be answered for the
/// first only. Both are a 400 that names the parameter. (Pages are lenient:
/// shared links carry tracking parameters, and a page states what it shows.)
/// Applies where [`strict`] says.
pub fn check_api_query<'a>(
    query: &str,
    declared: impl Iterator<Item = &'a str> + Clone,
) -> Result<(), ApiError> {
    let p = Params::parse(query);
    for (i, (name, value)) in p.pairs().enumerate() {
        // The interface language, which links from a German page carry.
        if name == "lang" {
            continue;
        }
        if !declared.clone().any(|d| d == name) {
            let mut names: Vec<&str> = declared.clone().collect();
            names.sort_unstable();
            let near: Vec<String> = names
                .iter()
                .filter(|d| sipri::names::levenshtein(d, &name.to_lowercase()) <= 2)
                .map(|d| d.to_string())
                .collect();
            let takes = if names.is_empty() {
                "this endpoint takes no query parameters".to_string()
            } else {
                format!("this endpoint takes: {}", names.join(", "))
            };
            return Err(ApiError::bad_request(format!(
                "unknown parameter '{}'; {takes}",
                clip(name, 60)
            ))
            .with_suggestions(near));
        }
        let (value, first) = (value.trim(), p.get(name).unwrap_or(""));
        let earlier = p.pairs().take(i).any(|(n, _)| n == name);
        if earlier
            && !value.is_empty()
            && !value.eq_ignore_ascii_case(first)
            && !MULTI.contains(&name)
        {
            return Err(ApiError::bad_request(format!(
                "'{name}' is given twice ('{}', '{}'); it takes one value",
                clip(first, 60),
                clip(value, 60)
            )));
        }
    }
    Ok(())
}

/// At most `n` characters of a client's text, for an error message.
fn clip(s: &str, n: usize) -> String {
    match s.char_indices().nth(n) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

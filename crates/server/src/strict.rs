//! Which requests must name only declared parameters, and the check. A
//! misspelt parameter dropped silently answers a different question (all
//! categories instead of one), so machine-facing paths refuse it.

use crate::error::ApiError;
use crate::params::Params;

/// Whether `path` answers machines: the API. Pages, embeds and chart
/// downloads (`/export/…`) refuse only parameters armsflow reads elsewhere
/// and slips for them ([`check_page_query`]): a shared link to a PNG
/// carries `utm_source` as a page's does (dashboard crawl 22: every
/// download refused it).
pub fn strict(path: &str) -> bool {
    path.starts_with("/api/")
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

/// Parameter names some endpoint or page reads. On a page that does not
/// read one it would be dropped, and the page would answer another question
/// (surfaces probe 21: `/country/KAZ?category=aircraft` showed all
/// categories, 88.4 % Russia, with a 200; aircraft only is 90.39 %).
#[rustfmt::skip]
const MEANINGFUL: &[&str] = &[
    "a", "arcs", "away_from", "b", "basis", "category", "country", "direction", "format", "from",
    "group", "limit", "member", "metric", "min_change", "min_tiv", "offset", "partner", "period",
    "q", "recipient", "release", "shift_from", "shift_pct", "shift_to", "status", "supplier",
    "threshold", "to", "width", "years",
];

/// A page's parameters against those it declares. Pages stay lenient about
/// names that mean nothing here (a shared link's `utm_source`, `fbclid`),
/// but refuse one that another page or endpoint reads, or one a typing
/// slip away from such a name (`categroy`): the page would silently show
/// what was not asked. Applies where [`strict`] does not.
pub fn check_page_query<'a>(
    query: &str,
    declared: impl Iterator<Item = &'a str> + Clone,
) -> Result<(), ApiError> {
    let p = Params::parse(query);
    for (name, _) in p.pairs() {
        if name == "lang" || declared.clone().any(|d| d == name) {
            continue;
        }
        let lower = name.to_lowercase();
        // One- and two-letter names are slips only when exact (`x` is not `a`).
        let close = |d: &&str| {
            let limit = match d.len() {
                0..=2 => 0,
                3..=4 => 1,
                _ => 2,
            };
            sipri::names::levenshtein(d, &lower) <= limit
        };
        // A slip for one of this page's own parameters first.
        let own = declared.clone().find(|d| close(d));
        let meant = own.or_else(|| MEANINGFUL.iter().copied().find(|d| *d == lower || close(d)));
        if let Some(m) = meant {
            let mut names: Vec<&str> = declared.clone().collect();
            names.sort_unstable();
            let read = if m.eq_ignore_ascii_case(name) {
                format!("'{}' is not read by this page", clip(name, 60))
            } else {
                format!(
                    "'{}' is not read by this page (did you mean '{m}'?)",
                    clip(name, 60)
                )
            };
            let instead = match m {
                _ if own.is_some() => "",
                "category" => {
                    ": it shows all armament categories. One category's figures: the world \
                     page, the map, or the API (/api/imports?category=…)"
                }
                "basis" => {
                    ": it places deliveries by delivery year. By order year: the API \
                     (/api/imports?basis=order)"
                }
                _ => ", which would answer without it",
            };
            let takes = if names.is_empty() {
                "It takes no parameters".to_string()
            } else {
                format!("It takes: {}", names.join(", "))
            };
            return Err(ApiError::bad_request(format!(
                "{read}{instead}. {takes}; the API (/api/openapi.json) takes more."
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

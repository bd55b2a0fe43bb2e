//! `format=csv` for the GET analysis endpoints: the same answer as the JSON
//! one, its table flattened to RFC 4180 rows (header first, nothing else in
//! the body). Provenance that JSON carries in the envelope travels in
//! response headers, and in every row's last columns (`release`, `window`,
//! a partial window's `coverage`, `source`), which a saved file keeps.
//!
//! Precision follows the CLI (crates/cli/src/output.rs): TIV at two decimals
//! (its exact value), shares as percentages at four decimals.

use crate::error::{ApiError, ApiResult};
use crate::params::Params;
use axum::Json;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use model::Release;
use serde_json::{Map, Value};

/// TIV decimals, as the CLI writes them.
pub const TIV_DECIMALS: i32 = 2;
/// Percentage decimals, as the CLI writes them (88.4287 = 88.4287 %).
pub const PCT_DECIMALS: i32 = 4;

/// Other fractional numbers (HHI, effective number, changes): enough for
/// any chart, without float noise.
pub const OTHER_DECIMALS: i32 = 4;

/// Whether the client asked for CSV (`format=csv`); anything but `json`/`csv` is a 400.
pub fn wants_csv(p: &Params) -> ApiResult<bool> {
    match p.get("format").map(str::trim) {
        None | Some("") => Ok(false),
        Some(f) if f.eq_ignore_ascii_case("json") => Ok(false),
        Some(f) if f.eq_ignore_ascii_case("csv") => Ok(true),
        Some(f) => Err(ApiError::bad_request(format!(
            "unknown format '{f}': json (default) or csv"
        ))),
    }
}

/// The JSON answer `v`, or with `format=csv` the array `v[rows]` as CSV,
/// named `name` in the download's file name.
pub fn reply(
    p: &Params,
    rel: &Release,
    mut v: Value,
    rows: &str,
    name: &str,
) -> ApiResult<Response> {
    let notes = name_notes(p, rel);
    for n in &notes {
        crate::present::add_note(&mut v, n.clone());
    }
    // The default passed over a damaged release: the file says so too.
    let release_note = crate::state::fallback_note(rel).unwrap_or_default();
    if !release_note.is_empty() {
        crate::present::add_note(&mut v, release_note.clone());
    }
    if !wants_csv(p)? {
        return Ok(Json(v).into_response());
    }
    let name_note = notes.join(" ");
    let empty = Vec::new();
    let list = v.get(rows).and_then(Value::as_array).unwrap_or(&empty);
    let window = v
        .pointer("/filter/period/label")
        .or_else(|| v.pointer("/coverage/window"))
        .and_then(Value::as_str)
        .unwrap_or("");
    let note = v
        .pointer("/coverage/note")
        .and_then(Value::as_str)
        .unwrap_or("");
    let asked = question(&v);
    let warning = v
        .get("allocation_warning")
        .and_then(Value::as_str)
        .unwrap_or("");
    let caveats = rel.meta.caveats.join(" | ");
    let body = if list.is_empty() {
        let none = v.pointer("/coverage/covered_years").and_then(Value::as_u64) == Some(0)
            || v.get("no_data").and_then(Value::as_bool) == Some(true);
        empty_body(window, note, none, rel.attribution())?
    } else {
        // The release, the window and a partial window's note in the body
        // too: a saved file loses its headers (metrics probe: a 2022-2026
        // file of 3 years' data said so only in X-Armsflow-Coverage).
        let mut prov: Vec<(&str, &str)> = asked
            .iter()
            .map(|(k, x)| (k.as_str(), x.as_str()))
            .collect();
        prov.push(("release", rel.meta.id.as_str()));
        if !window.is_empty() {
            prov.push(("window", window));
        }
        if !note.is_empty() {
            prov.push(("coverage", note));
        }
        // The legacy register's even split, in the file as in the JSON's
        // `allocation_warning` (probe: a legacy top-exporters CSV gave the
        // US 42.15 % with nothing saying it rests on armsflow's split).
        if !warning.is_empty() {
            prov.push(("allocation_warning", warning));
        }
        if !name_note.is_empty() {
            prov.push(("name_note", name_note.as_str()));
        }
        if !release_note.is_empty() {
            prov.push(("release_note", release_note.as_str()));
        }
        if !caveats.is_empty() {
            prov.push(("caveats", caveats.as_str()));
        }
        table_with(list, &prov, Some(rel.attribution()))?
    };
    let mut r = body.into_response();
    let h = r.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/csv; charset=utf-8"),
    );
    let mut set = |k: &'static str, val: &str| {
        if let Ok(hv) = HeaderValue::from_str(&ascii(val)) {
            h.insert(k, hv);
        }
    };
    set("x-armsflow-release", &rel.meta.id);
    set("x-armsflow-attribution", rel.attribution());
    set(
        "x-armsflow-synthetic",
        if rel.meta.synthetic { "true" } else { "false" },
    );
    if !window.is_empty() {
        set("x-armsflow-window", window);
    }
    if !note.is_empty() {
        set("x-armsflow-coverage", note);
    }
    if !warning.is_empty() {
        set("x-armsflow-allocation-warning", warning);
    }
    // The file name says whose figures these are and what they select:
    // "armsflow-imports-2020-2024.csv" fitted every country (probe: India's
    // aircraft imports by order year saved under that name).
    let pick = |k: &str| {
        asked
            .iter()
            .find(|(c, _)| c == k)
            .map(|(_, x)| x.as_str())
            .filter(|x| !x.is_empty())
    };
    let mut parts: Vec<&str> = vec![name];
    parts.extend(pick("focus_key"));
    parts.extend(pick("filter.category"));
    if !window.is_empty() {
        parts.push(window);
    }
    if pick("filter.basis") == Some("order") {
        parts.push("by-order-year");
    }
    let file = format!(
        "armsflow-{}{}.csv",
        parts.join("-"),
        if rel.meta.synthetic { "-SYNTHETIC" } else { "" }
    );
    let file: String = file
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || "-_.".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    set(
        "content-disposition",
        &format!("attachment; filename=\"{file}\""),
    );
    Ok(r)
}

/// The parameters that name a party.
const PARTY_PARAMS: &[&str] = &[
    "country",
    "supplier",
    "recipient",
    "partner",
    "member",
    "away_from",
];

/// How the request's party names were read, where a reader may expect
/// otherwise ([`sipri::country::name_note`]): the JSON's `notes`, the CSV's
/// `name_note` column (parameter probe: `/api/imports?country=Congo` never
/// said it meant Congo-Brazzaville).
pub fn name_notes(p: &Params, rel: &Release) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let flows = rel.flows.view();
    for k in PARTY_PARAMS {
        for q in p.get_all(k) {
            let id = sipri::country::resolve_country(rel, q).ok();
            let predecessor = id.and_then(|id| sipri::country::predecessor_note(rel, &flows, id));
            let organisation = id.and_then(|id| sipri::country::organisation_note(rel, id, q));
            let former = id.and_then(|id| sipri::country::former_state_note(rel, id));
            let found = sipri::country::name_note(q)
                .map(str::to_string)
                .into_iter()
                .chain(organisation)
                .chain(former)
                .chain(predecessor);
            for n in found {
                if !out.contains(&n) {
                    out.push(n);
                }
            }
        }
    }
    out
}

/// The question an answer is about, as CSV columns: its country (`focus`,
/// `focus_key`), `direction`, `filter.category` and `filter.basis`, from the
/// JSON envelope. Rows that carry their own (`/api/pair`'s summary line,
/// `/api/concentration`'s windows) keep theirs; the others had none, so a
/// saved `/api/imports?country=India&category=aircraft` file named neither
/// India nor aircraft (parameter probe).
fn question(v: &Value) -> Vec<(String, String)> {
    let mut out = Vec::new();
    if let Some(Value::Object(m)) = v.get("focus")
        && is_entity(m)
    {
        out.push(("focus".to_string(), text(m.get("name"))));
        out.push(("focus_key".to_string(), text(m.get("key"))));
    }
    if let Some(d) = v.get("direction").and_then(Value::as_str) {
        out.push(("direction".to_string(), d.to_string()));
    }
    if let Some(f) = v.get("filter").filter(|f| f.is_object()) {
        if f.get("category").is_some() {
            out.push(("filter.category".to_string(), text(f.get("category"))));
        }
        if let Some(b) = f.get("basis").and_then(Value::as_str) {
            out.push(("filter.basis".to_string(), b.to_string()));
        }
    }
    out
}

/// The body of an answer without rows: one `note` column saying why, so a
/// saved file is never an empty file that reads as "nothing was delivered"
/// (regression: a window past the release gave a 0-byte body).
fn empty_body(window: &str, coverage_note: &str, no_data: bool, source: &str) -> ApiResult<String> {
    let why = match (no_data, coverage_note.is_empty(), window.is_empty()) {
        (true, false, _) => format!("No data for {window}: {coverage_note}."),
        (true, true, _) => format!("No data for {window}: the release holds no year of it."),
        (false, false, _) => format!("No rows for {window} ({coverage_note})."),
        (false, true, false) => format!("No rows: nothing matches this query in {window}."),
        (false, true, true) => "No rows: nothing matches this query.".to_string(),
    };
    let mut w = csv::Writer::from_writer(Vec::new());
    let err = |e: csv::Error| ApiError::internal(e.to_string());
    w.write_record(["note", "source"]).map_err(err)?;
    w.write_record([why.as_str(), source]).map_err(err)?;
    let bytes = w
        .into_inner()
        .map_err(|e| ApiError::internal(e.to_string()))?;
    String::from_utf8(bytes).map_err(|e| ApiError::internal(e.to_string()))
}

/// As [`reply`], with the CSV lines built from the JSON answer by `lines`
/// (for answers whose table is nested), only when CSV is asked for.
pub fn reply_with(
    p: &Params,
    rel: &Release,
    mut v: Value,
    lines: impl FnOnce(&Value) -> Vec<Value>,
    name: &str,
) -> ApiResult<Response> {
    if wants_csv(p)? {
        let rows = lines(&v);
        v["csv_rows"] = Value::Array(rows);
    }
    reply(p, rel, v, "csv_rows", name)
}

/// Header values are ASCII: anything else becomes `?`-free plain text.
fn ascii(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '–' | '—' => '-',
            c if c.is_ascii() && !c.is_ascii_control() => c,
            _ => ' ',
        })
        .collect()
}

/// Rows of JSON objects as CSV; columns in order of first appearance.
pub fn table(rows: &[Value]) -> ApiResult<String> {
    table_from(rows, None)
}

/// [`table`], with a last `source` column when `source` is given: SIPRI's
/// attribution or the SYNTHETIC notice inside the file itself, where a
/// renamed download or pasted rows keep it (regression: a synthetic CSV
/// said so only in its headers and file name).
fn table_from(rows: &[Value], source: Option<&str>) -> ApiResult<String> {
    table_with(rows, &[], source)
}

/// [`table_from`] with provenance columns `prov` before `source`; a column a
/// row already has (a series' own `window`) keeps the row's value.
fn table_with(rows: &[Value], prov: &[(&str, &str)], source: Option<&str>) -> ApiResult<String> {
    let flat: Vec<Vec<(String, String)>> = rows
        .iter()
        .map(|r| {
            let mut out = Vec::new();
            flatten("", r, &mut out);
            for (k, v) in prov {
                if !out.iter().any(|(c, _)| c == k) {
                    out.push((k.to_string(), v.to_string()));
                }
            }
            out.retain(|(k, _)| source.is_none() || k != "source");
            if let Some(src) = source {
                out.push(("source".to_string(), src.to_string()));
            }
            out
        })
        .collect();
    let mut cols: Vec<String> = Vec::new();
    if flat.is_empty() {
        // No rows, so no columns to name: an empty body, not a fake header.
        return Ok(String::new());
    }
    for r in &flat {
        for (k, _) in r {
            if !cols.contains(k) {
                cols.push(k.clone());
            }
        }
    }
    // A null where other rows have an object (an event study's `after_mix`
    // past the data) is those columns' empty cells, not a column of its own
    // (surfaces probe 30: the columns changed with the data).
    let null_objects: Vec<String> = cols
        .iter()
        .filter(|c| {
            let prefix = format!("{c}.");
            cols.iter().any(|o| o.starts_with(&prefix))
                && flat.iter().all(|r| {
                    r.iter()
                        .find(|(k, _)| k == *c)
                        .is_none_or(|(_, v)| v.is_empty())
                })
        })
        .cloned()
        .collect();
    cols.retain(|c| !null_objects.contains(c));
    // Who comes first: the entity columns (`partner`, `partner_key`, ...),
    // then the rest in JSON order.
    let (mut front, rest): (Vec<String>, Vec<String>) = cols.into_iter().partition(|c| {
        c.strip_suffix("_key")
            .is_some_and(|n| flat[0].iter().any(|(k, _)| k == n))
            || flat[0].iter().any(|(k, _)| *k == format!("{c}_key"))
            || c == "rank"
    });
    front.sort_by_key(|c| usize::from(c == "rank"));
    let mut cols: Vec<String> = front.into_iter().chain(rest).collect();
    if source.is_some() {
        // Last, even when a later row brings a column the first lacks.
        cols.retain(|c| c != "source");
        cols.push("source".to_string());
    }
    let mut w = csv::Writer::from_writer(Vec::new());
    let err = |e: csv::Error| ApiError::internal(e.to_string());
    w.write_record(&cols).map_err(err)?;
    for r in &flat {
        let rec: Vec<std::borrow::Cow<'_, str>> = cols
            .iter()
            .map(|c| {
                model::csv_safe(
                    r.iter()
                        .find(|(k, _)| k == c)
                        .map_or("", |(_, v)| v.as_str()),
                )
            })
            .collect();
        w.write_record(rec.iter().map(|c| c.as_bytes()))
            .map_err(err)?;
    }
    let bytes = w
        .into_inner()
        .map_err(|e| ApiError::internal(e.to_string()))?;
    String::from_utf8(bytes).map_err(|e| ApiError::internal(e.to_string()))
}

fn is_entity(m: &Map<String, Value>) -> bool {
    m.contains_key("key") && m.contains_key("name") && m.contains_key("kind")
}

/// One cell per leaf: an entity becomes `name` and `name_key`; nested objects
/// `a.b`; lists joined with `;`; shares become `*_pct` percentages.
fn flatten(prefix: &str, v: &Value, out: &mut Vec<(String, String)>) {
    match v {
        Value::Object(m) if !prefix.is_empty() && is_entity(m) => {
            out.push((prefix.to_string(), text(m.get("name"))));
            out.push((format!("{prefix}_key"), text(m.get("key"))));
        }
        Value::Object(m) => {
            for (k, x) in m {
                let key = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                flatten(&key, x, out);
            }
        }
        // A nested table (list of records) has its own endpoint or CSV; a
        // cell holding JSON would be no use to a spreadsheet.
        Value::Array(a)
            if a.iter()
                .any(|x| matches!(x, Value::Object(m) if !is_entity(m)) || x.is_array()) => {}
        Value::Array(a) => {
            let cells: Vec<String> = a
                .iter()
                .map(|x| match x {
                    Value::Object(m) if is_entity(m) => text(m.get("key")),
                    _ => scalar(prefix, x),
                })
                .collect();
            out.push((prefix.to_string(), cells.join(";")));
        }
        x => {
            let leaf = prefix.rsplit('.').next().unwrap_or(prefix);
            // A null share keeps the column's name (surfaces probe 30: a
            // null `share_before` was its own column beside `share_before_pct`).
            if is_share(leaf) && (x.is_number() || x.is_null()) {
                out.push((format!("{prefix}_pct"), scalar(prefix, x)));
            } else {
                out.push((prefix.to_string(), scalar(prefix, x)));
            }
        }
    }
}

fn is_share(leaf: &str) -> bool {
    leaf == "share"
        || leaf.ends_with("_share")
        || leaf.starts_with("share_")
        || leaf == "cr1"
        || leaf == "cr3"
}

fn text(v: Option<&Value>) -> String {
    match v {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Null) | None => String::new(),
        Some(x) => x.to_string(),
    }
}

fn scalar(key: &str, v: &Value) -> String {
    let leaf = key.rsplit('.').next().unwrap_or(key);
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) if n.is_f64() || leaf.contains("tiv") || is_share(leaf) => {
            let f = n.as_f64().unwrap_or(f64::NAN);
            if is_share(leaf) {
                fixed(f * 100.0, PCT_DECIMALS)
            } else if leaf.contains("tiv") {
                fixed(f, TIV_DECIMALS)
            } else {
                fixed(f, OTHER_DECIMALS)
            }
        }
        x => x.to_string(),
    }
}

/// `v` at `d` decimals, trailing zeros dropped, no negative zero.
fn fixed(v: f64, d: i32) -> String {
    if !v.is_finite() {
        return String::new();
    }
    let s = format!("{:.*}", d as usize, v);
    let s = if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    };
    if s == "-0" { "0".into() } else { s }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn flattens_entities_rounds_tiv_and_shares() {
        let rows = vec![json!({
            "partner": {"key": "RUS", "name": "Russia, Federation", "kind": "country", "iso3": "RUS"},
            "tiv": 195.000000001, "share": 0.884287, "rank": 1, "flags": ["a", "b"]
        })];
        let s = table(&rows).unwrap();
        assert_eq!(
            s,
            "partner,partner_key,rank,flags,share_pct,tiv\n\"Russia, Federation\",RUS,1,a;b,88.4287,195\n"
        );
    }

    /// A null share is an empty cell under the `_pct` column the other rows
    /// use (surfaces probe 30: `partner.share_before` beside
    /// `partner.share_before_pct`).
    #[test]
    fn a_null_share_keeps_the_pct_column() {
        let rows = vec![
            json!({"partner": {"share_before": 0.5}}),
            json!({"partner": {"share_before": null}}),
        ];
        assert_eq!(
            table(&rows).unwrap(),
            "partner.share_before_pct\n50\n\"\"\n"
        );
    }

    /// A null object is empty cells under the object's columns, not a
    /// column of its own (surfaces probe 30: Kazakhstan's `after_mix: null`
    /// added `after_mix` beside `after_mix.total`).
    #[test]
    fn a_null_object_adds_no_column() {
        let rows = vec![
            json!({"member": "UAE", "after_mix": {"total": 2.5}}),
            json!({"member": "Kazakhstan", "after_mix": null}),
        ];
        assert_eq!(
            table(&rows).unwrap(),
            "after_mix.total,member\n2.5,UAE\n,Kazakhstan\n"
        );
    }

    #[test]
    fn empty_table_is_header_only() {
        assert_eq!(table(&[]).unwrap(), "");
    }

    #[test]
    fn an_answer_without_rows_says_why() {
        let s = empty_body(
            "2025-2029",
            "the release covers 1995–2024; 2025–2029 are not in it",
            true,
            "SIPRI",
        )
        .unwrap();
        assert_eq!(
            s,
            "note,source\nNo data for 2025-2029: the release covers 1995–2024; 2025–2029 are not in it.,SIPRI\n"
        );
        let s = empty_body("2020-2024", "", false, "SIPRI").unwrap();
        assert!(
            s.starts_with("note,source\nNo rows: nothing matches"),
            "{s}"
        );
    }

    #[test]
    fn every_row_names_its_source_last() {
        let rows = vec![json!({"tiv": 1.5, "rank": 1})];
        let s = table_from(&rows, Some("SYNTHETIC demo")).unwrap();
        assert_eq!(s, "rank,tiv,source\n1,1.5,SYNTHETIC demo\n");
    }
}

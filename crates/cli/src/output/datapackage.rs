//! Frictionless Data Package descriptor written beside `-o FILE.csv`
//! (<https://datapackage.org>): data journalists' tools (Frictionless,
//! Open Data Editor, CKAN) read the CSV's field types, units, source and
//! licence from it, so the CSV itself can stay bare.

use super::{EXTRA_DECIMALS, PCT_DECIMALS, TIV_DECIMALS, Table, columnar};
use serde_json::{Value, json};
use std::path::{Path, PathBuf};

const SIPRI_URL: &str = "https://www.sipri.org/databases/armstransfers";

/// `kaz.csv` → `kaz.datapackage.json`, in the same directory.
pub fn path_for(csv: &Path) -> PathBuf {
    let stem = csv
        .file_stem()
        .map_or_else(|| "data".into(), |s| s.to_string_lossy().into_owned());
    csv.with_file_name(format!("{stem}.datapackage.json"))
}

/// Lowercase letters, digits, `-`, `_`, `.`: the descriptor's name pattern.
fn slug(s: &str) -> String {
    let s: String = s
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let s = s.trim_matches('-').to_string();
    if s.is_empty() { "armsflow".into() } else { s }
}

pub fn descriptor(t: &Table, csv: &Path) -> Value {
    let file = csv
        .file_name()
        .map_or_else(String::new, |f| f.to_string_lossy().into_owned());
    let name = slug(&csv.file_stem().unwrap_or_default().to_string_lossy());
    let projected: Vec<&str> = t
        .get_meta(super::PROJECTED)
        .map_or_else(Vec::new, |v| v.split(',').collect());
    let fields: Vec<Value> = t
        .columns
        .iter()
        .enumerate()
        .map(|(c, col)| {
            let mut f = json!({ "name": col, "type": columnar::schema_type(t, c) });
            match columnar::column_unit(t, c) {
                Some(u @ "percent") => {
                    f["unit"] = json!(u);
                    f["description"] = json!(format!(
                        "Percent (88.4 = 88.4 %), rounded to {PCT_DECIMALS} decimals."
                    ));
                }
                Some(u) => {
                    f["unit"] = json!(u);
                    f["description"] = json!(format!(
                        "Millions of SIPRI trend-indicator values (a volume of transfers, not \
                         prices), exact to {TIV_DECIMALS} decimals."
                    ));
                }
                None if columnar::schema_type(t, c) == "number" => {
                    f["description"] = json!(format!(
                        "Rounded to its display precision plus {EXTRA_DECIMALS} decimals."
                    ));
                }
                None => {}
            }
            if projected.contains(&col.as_str()) {
                let what = f["description"].as_str().unwrap_or_default().to_string();
                f["description"] = json!(format!(
                    "PROJECTION, not a SIPRI figure: arithmetic on SIPRI's baseline by the \
                     scenario's stated shifts, not a forecast. {what}"
                ));
            }
            f
        })
        .collect();
    let synthetic = t.get_meta("synthetic") == Some("true");
    let (source_title, licence) = if synthetic {
        (
            "SYNTHETIC DEMO DATA from armsflow's deterministic generator (not SIPRI)",
            "Synthetic data: no SIPRI figures.",
        )
    } else {
        (
            "SIPRI Arms Transfers Database",
            "SIPRI Arms Transfers Database terms: cite SIPRI as the source; the database \
             itself may not be redistributed.",
        )
    };
    let provenance: serde_json::Map<String, Value> = t
        .meta
        .iter()
        .map(|(k, v)| (k.clone(), Value::String(v.clone())))
        .collect();
    json!({
        "profile": "tabular-data-package",
        "name": name,
        "title": t.title,
        "description": t.notes.join("\n"),
        "created": store::rfc3339_utc(std::time::SystemTime::now()),
        // Synthetic data points nowhere near SIPRI (issue #13).
        "sources": [if synthetic { json!({ "title": source_title }) } else { json!({ "title": source_title, "path": SIPRI_URL }) }],
        "licenses": [if synthetic { json!({ "title": licence }) } else { json!({ "title": licence, "path": SIPRI_URL }) }],
        "contributors": [{ "title": "armsflow", "role": "wrangler" }],
        "armsflow": provenance,
        "resources": [{
            "name": name,
            "path": file,
            "profile": "tabular-data-resource",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "dialect": { "delimiter": ",", "header": true, "doubleQuote": true },
            "schema": { "fields": fields },
        }],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_paths() {
        assert_eq!(
            path_for(Path::new("out/kaz.csv")),
            Path::new("out/kaz.datapackage.json")
        );
        assert_eq!(slug("Kazakhstan 2020–24"), "kazakhstan-2020-24");
    }

    /// Regression (alignment probe 12): a scenario's columns were described
    /// as SIPRI trend-indicator values, like the baseline's.
    #[test]
    fn projected_columns_are_described_as_projections() {
        use crate::output::Cell;
        let mut t = Table::new("s", &["supplier", "baseline TIV", "scenario TIV"]);
        t.row(vec![Cell::text("Israel"), Cell::tiv(1.0), Cell::tiv(2.0)]);
        t.set_meta(crate::output::PROJECTED, "scenario TIV");
        let d = descriptor(&t, Path::new("s.csv"));
        let field = |i: usize| {
            d["resources"][0]["schema"]["fields"][i]["description"]
                .as_str()
                .unwrap()
                .to_string()
        };
        assert!(!field(1).contains("PROJECTION"), "{}", field(1));
        assert!(
            field(2).starts_with("PROJECTION, not a SIPRI figure"),
            "{}",
            field(2)
        );
        assert!(field(2).contains("trend-indicator"), "{}", field(2));
    }
}

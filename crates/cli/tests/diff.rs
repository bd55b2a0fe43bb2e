//! `armsflow diff` end to end: real releases imported from `shared/` at run
//! time (never committed), ids given as unique prefixes, table/CSV/JSON output.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const REGISTER_2026: &str = "data/sipri/nagehanrdogan-trade-register-2026/trade_register.csv";
const LEGACY_2025: &str = "data/sipri/colasdroin-trade-register-2025/trade-register.csv";
const IMPORTS_2024: &str =
    "data/sipri/mjhofmann-tiv-tables-2024/import-export-values_1950-2024.csv";

fn armsflow(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_armsflow"))
        .args(args)
        .env_remove("ARMSFLOW_DATA_DIR")
        .output()
        .expect("run armsflow")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).to_string()
}

fn shared(rel: &str) -> Option<PathBuf> {
    testkit::shared_path(module_path!(), rel)
}

/// Imports `file` into `data` and returns the release id.
fn import(data: &Path, file: &Path) -> String {
    let out = armsflow(&[
        "import",
        file.to_str().unwrap(),
        "--data-dir",
        data.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("import json");
    v[0]["release"].as_str().expect("release id").to_string()
}

fn diff(data: &Path, args: &[&str]) -> Output {
    let mut all = vec!["diff", "--data-dir", data.to_str().unwrap()];
    all.extend_from_slice(args);
    armsflow(&all)
}

#[test]
fn table_release_vs_register_shows_kazakhstans_2021_revision() {
    let (Some(t), Some(r)) = (shared(IMPORTS_2024), shared(REGISTER_2026)) else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let a = import(tmp.path(), &t);
    let b = import(tmp.path(), &r);
    // Unique prefixes: the date part differs.
    let (pa, pb) = (&a[..10], &b[..10]);
    let out = diff(
        tmp.path(),
        &[pa, pb, "--country", "kazakhstan", "--format", "csv"],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let csv = text(&out.stdout);
    assert!(
        csv.lines()
            .any(|l| l.starts_with("Kazakhstan,2021,85,195,110,")),
        "{csv}"
    );
    assert!(
        !csv.lines().any(|l| l.starts_with("Kazakhstan,2020,")),
        "rounding only"
    );
    // Provenance goes to stderr; stdout is bare CSV, header first.
    assert!(
        csv.starts_with("supplier,") || csv.starts_with("recipient,") || !csv.starts_with('#'),
        "{csv}"
    );
    assert!(
        text(&out.stderr).contains("Source: SIPRI Arms Transfers Database"),
        "{}",
        text(&out.stderr)
    );

    let out = diff(tmp.path(), &[&a, &b, "--format", "json"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["diff"]["level"], "recipient");
    let revs = v["diff"]["revisions"].as_array().unwrap();
    let kaz = revs
        .iter()
        .find(|r| r["recipient"]["name"] == "Kazakhstan" && r["year"] == 2021)
        .expect("Kazakhstan 2021");
    assert_eq!(
        (kaz["a"].as_f64(), kaz["b"].as_f64()),
        (Some(85.0), Some(195.0))
    );

    let out = diff(tmp.path(), &[&a, &b, "--country", "KAZ"]);
    let table = text(&out.stdout);
    assert!(
        table.contains("85.00") && table.contains("195.00"),
        "{table}"
    );
    assert!(table.contains(&format!("A: release {a}")), "{table}");
}

#[test]
fn legacy_register_vs_register_marks_allocations() {
    let (Some(l), Some(r)) = (shared(LEGACY_2025), shared(REGISTER_2026)) else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let a = import(tmp.path(), &l);
    let b = import(tmp.path(), &r);
    let out = diff(
        tmp.path(),
        &[
            &a,
            &b,
            "--country",
            "Kazakhstan",
            "--period",
            "2020-2024",
            "--format",
            "csv",
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let csv = text(&out.stdout);
    let header = csv
        .lines()
        .find(|l| l.starts_with("supplier,"))
        .expect("header");
    assert!(header.ends_with("rests on allocation"), "{header}");
    let row = csv
        .lines()
        .find(|l| l.starts_with("Russia,Kazakhstan,2021,"))
        .expect("Russia→Kazakhstan 2021");
    assert!(
        row.starts_with("Russia,Kazakhstan,2021,250,195,-55,"),
        "{row}"
    );
    // A's 250 is our split of a legacy deal total: not called a revision.
    assert!(row.ends_with(",differs (allocation),A"), "{row}");
    let err = text(&out.stderr);
    assert!(err.contains("legacy register"), "{err}");
    assert!(!text(&out.stdout).contains("is newer than B"));
    // The newer release first reads every revision backwards: said so.
    let back = diff(tmp.path(), &[&b, &a, "--country", "Kazakhstan"]);
    assert!(back.status.success(), "{}", text(&back.stderr));
    let all = format!("{}{}", text(&back.stdout), text(&back.stderr));
    assert!(
        all.contains("WARNING: A (2026-02-12) is newer than B (2025-03-13)"),
        "{all}"
    );
    // Diff probe 14: the JSON answer (and so the API and the dashboard,
    // which share the engine's notes) carried no such warning.
    let json = diff(
        tmp.path(),
        &[&b, &a, "--country", "Kazakhstan", "--format", "json"],
    );
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).expect("json");
    let notes = v["diff"]["notes"].to_string();
    assert!(notes.contains("is newer than B"), "{notes}");
}

#[test]
fn unknown_and_ambiguous_release_ids_are_usage_errors() {
    let Some(r) = shared(REGISTER_2026) else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let b = import(tmp.path(), &r);
    let out = diff(tmp.path(), &["1999-01-01", &b]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("no release '1999-01-01'"),
        "{}",
        text(&out.stderr)
    );
    assert!(text(&out.stderr).contains(&b), "lists the stored ids");
    // Against itself: nothing changed.
    let out = diff(tmp.path(), &[&b, &b, "--format", "json"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["diff"]["revisions"].as_array().map(Vec::len), Some(0));
    assert_eq!(v["diff"]["deals"]["unchanged"], 12_571);
}

#[test]
fn diff_on_an_empty_store_explains_what_to_do() {
    let tmp = tempfile::tempdir().unwrap();
    let out = diff(tmp.path(), &["a", "b"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("armsflow import FILE"),
        "{}",
        text(&out.stderr)
    );
}

/// A damaged release is said as the queries say it, with no path
/// (hostile-files probe 4: "/…/releases/…/entities.parquet: corrupt
/// release: …").
#[test]
fn damaged_release_is_said_without_its_path() {
    let tmp = tempfile::tempdir().unwrap();
    let mut ids = Vec::new();
    for seed in ["3", "4"] {
        let csv = tmp.path().join(format!("synthetic-{seed}.csv"));
        let out = armsflow(&["demo-data", "--seed", seed, "-o", csv.to_str().unwrap()]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        ids.push(import(tmp.path(), &csv));
    }
    // The other release's flows: each file whole, the release not.
    let rel = |i: usize| tmp.path().join("releases").join(&ids[i]);
    std::fs::copy(rel(0).join("flows.parquet"), rel(1).join("flows.parquet")).unwrap();
    let out = diff(tmp.path(), &[&ids[0], &ids[1]]);
    assert!(!out.status.success());
    let err = text(&out.stderr);
    assert!(
        err.contains(&format!("release {} is damaged", ids[1])),
        "{err}"
    );
    assert!(!err.contains(tmp.path().to_str().unwrap()), "{err}");
}

//! `--format csv` drops straight into other tools (issue 15): header first and
//! nothing else on stdout, provenance on stderr or in FILE.datapackage.json,
//! `--meta` for the old comment lines, TIV without float noise, full lists.
//! On SYNTHETIC data, so it runs everywhere; python/tests repeats it for every
//! subcommand on the real register with Python's csv module and DuckDB.

use crate::import_support::*;

fn store() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("demo.csv");
    ok(&armsflow()
        .args(["demo-data", "--scale", "1", "--seed", "42", "-o"])
        .arg(&file)
        .output()
        .unwrap());
    ok(&import(&file, &tmp.path().join("data"), &[]));
    tmp
}

#[test]
fn csv_stdout_is_bare_and_provenance_goes_elsewhere() {
    let tmp = store();
    let data = tmp.path().join("data");
    let args = ["imports", "Kazakhstan", "-p", "2020-2024", "-f", "csv"];
    let out = run(&args, &data);
    let csv = ok(&out);
    assert!(csv.starts_with("rank,supplier,TIV,share %,"), "{csv}");
    assert!(!csv.lines().any(|l| l.starts_with('#')), "{csv}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("SYNTHETIC"), "{err}");
    // Synthetic data is never attributed to SIPRI (issue #13).
    assert!(
        !err.contains("Source: SIPRI Arms Transfers Database"),
        "{err}"
    );
    // Every TIV cell has at most two decimals; every share at most four.
    let mut rows = csv::Reader::from_reader(csv.as_bytes());
    for r in rows.records() {
        let r = r.unwrap();
        for (i, max) in [(2, 2), (3, 4), (5, 2)] {
            let decimals = r[i].split('.').nth(1).map_or(0, str::len);
            assert!(decimals <= max, "{}", &r[i]);
        }
    }

    let meta = ok(&run(&[&args[..], &["--meta"]].concat(), &data));
    assert!(meta.starts_with("# SYNTHETIC DEMO DATA"), "{meta}");
    assert!(meta.contains("\nrank,supplier,"), "{meta}");

    let target = tmp.path().join("kaz.csv");
    let t = target.to_str().unwrap();
    ok(&run(&[&args[..], &["-o", t]].concat(), &data));
    assert_eq!(std::fs::read_to_string(&target).unwrap(), csv);
    let dp: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(tmp.path().join("kaz.datapackage.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(dp["resources"][0]["path"], "kaz.csv");
    assert_eq!(dp["armsflow"]["synthetic"], "true");
    assert!(
        dp["sources"][0]["title"]
            .as_str()
            .unwrap()
            .contains("SYNTHETIC")
    );
    // Nothing in a synthetic package points at SIPRI (issue #13).
    assert!(dp["sources"][0]["path"].is_null(), "{dp}");
    assert_ne!(dp["armsflow"]["attribution"], model::SIPRI_ATTRIBUTION);
}

#[test]
fn switching_lists_are_full_in_csv_and_short_in_tables() {
    let tmp = store();
    let data = tmp.path().join("data");
    let args = ["switching", "--limit", "0"];
    let csv = ok(&run(&[&args[..], &["-f", "csv"]].concat(), &data));
    assert!(!csv.contains("more)"), "{csv}");
    let table = ok(&run(&args, &data));
    let full_lists = csv
        .lines()
        .any(|l| l.split(',').any(|c| c.matches("; ").count() >= 4));
    // Where a list has five or more names the table shortens it.
    assert_eq!(full_lists, table.contains("more)"), "{table}");
}

#[test]
fn completions_and_man_page_come_from_clap() {
    for shell in ["bash", "zsh", "fish"] {
        let out = armsflow().args(["completions", shell]).output().unwrap();
        let text = ok(&out);
        assert!(
            text.contains("imports") && text.contains("check-claims"),
            "{shell}"
        );
    }
    let man = ok(&armsflow().arg("man").output().unwrap());
    assert!(man.contains(".TH armsflow 1"), "{man}");
    let dir = tempfile::tempdir().unwrap();
    ok(&armsflow()
        .args(["man", "--dir"])
        .arg(dir.path())
        .output()
        .unwrap());
    assert!(dir.path().join("armsflow-imports.1").is_file());
}

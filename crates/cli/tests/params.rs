//! Regressions of the query-parameter probe: a parameter that was dropped
//! without a word (`deals --partner`, `--by-category --category`,
//! `concentration COUNTRY --all`) and a name note printed on standard error
//! only ("Congo"). Made-up rows, not SIPRI's.

use crate::import_support::*;
use serde_json::Value;
use std::path::Path;

/// A store of a few made-up rows: Russia and Spain supply Kazakhstan, Israel
/// only India, Russia Congo (Brazzaville).
fn store(tmp: &Path) -> std::path::PathBuf {
    let mut s = register_head();
    s.push_str(&register_row(1, 2020, &[]));
    s.push_str(&register_row(1, 2021, &[]));
    s.push_str(&register_row(2, 2022, &[(1, "Spain"), (5, "Aircraft")]));
    s.push_str(&register_row(3, 2021, &[(1, "Israel"), (2, "India")]));
    s.push_str(&register_row(4, 2021, &[(2, "Congo")]));
    let file = tmp.join("rows.csv");
    std::fs::write(&file, s).unwrap();
    let data = tmp.join("data");
    ok(&import(&file, &data, &[]));
    data
}

fn json(args: &[&str], data: &Path) -> Value {
    let mut a = args.to_vec();
    a.extend(["--format", "json"]);
    serde_json::from_str(&ok(&run(&a, data))).unwrap()
}

/// Exit 2 with `says` on stderr and nothing on stdout.
fn refused(args: &[&str], data: &Path, says: &str) {
    let out = run(args, data);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
    assert!(err.contains(says), "{args:?}: {err}");
    assert!(out.stdout.is_empty(), "{args:?}");
}

/// `deals Kazakhstan --partner Israel` said "No deals: nothing delivered in
/// 2020-2024" of a country that imported then; the partner was in neither
/// title, notes nor JSON.
#[test]
fn deals_name_their_partner_and_an_empty_pair_is_not_an_empty_country() {
    let tmp = tempfile::tempdir().unwrap();
    let d = store(tmp.path());
    let q = ["deals", "Kazakhstan", "--period", "2020-2024"];
    let out = ok(&run(&[&q[..], &["--partner", "Israel"]].concat(), &d));
    assert!(
        out.contains("Arms imports deals of Kazakhstan with Israel, 2020-2024"),
        "{out}"
    );
    assert!(
        out.contains("No deals of Kazakhstan with Israel delivered in 2020-2024"),
        "{out}"
    );
    assert!(!out.contains("nothing delivered"), "{out}");
    let j = json(&[&q[..], &["--partner", "Spain"]].concat(), &d);
    assert_eq!(j["provenance"]["partner"], "Spain", "{j}");
    assert!(j["title"].as_str().unwrap().contains("with Spain"), "{j}");
    let notes = j["notes"].to_string();
    assert!(
        notes.contains("Only deals of Kazakhstan with Spain"),
        "{notes}"
    );
    assert_eq!(j["rows"].as_array().unwrap().len(), 1, "{j}");
    // Without --partner nothing changes.
    let j = json(&q, &d);
    assert!(j["provenance"].get("partner").is_none(), "{j}");
    assert_eq!(j["rows"].as_array().unwrap().len(), 2, "{j}");
}

/// `imports India --by-category --category ships` listed all categories,
/// exit 0; now refused (exports alike).
#[test]
fn by_category_refuses_a_category() {
    let tmp = tempfile::tempdir().unwrap();
    let d = store(tmp.path());
    refused(
        &[
            "imports",
            "Kazakhstan",
            "--by-category",
            "--category",
            "ships",
        ],
        &d,
        "--by-category lists every armament category, so it takes no --category (Ships)",
    );
    refused(
        &["exports", "Russia", "--by-category", "-c", "aircraft"],
        &d,
        "drop --by-category for Aircraft by recipient",
    );
    ok(&run(&["imports", "Kazakhstan", "--by-category"], &d));
}

/// `concentration Atlantis --all` printed the every-importer table, exit 0.
#[test]
fn concentration_all_refuses_a_country() {
    let tmp = tempfile::tempdir().unwrap();
    let d = store(tmp.path());
    for c in ["Atlantis", "Kazakhstan"] {
        for extra in [&[][..], &["--period", "2020-2024"]] {
            let args = [&["concentration", c, "--all"][..], extra].concat();
            refused(
                &args,
                &d,
                "--all ranks every country, so it takes no COUNTRY",
            );
        }
    }
    ok(&run(
        &["concentration", "--all", "--period", "2020-2024"],
        &d,
    ));
}

/// The Congo note went to standard error only: JSON notes lacked it.
#[test]
fn congo_note_is_in_the_answer() {
    let tmp = tempfile::tempdir().unwrap();
    let d = store(tmp.path());
    let j = json(&["imports", "Congo", "--period", "2020-2024"], &d);
    let notes = j["notes"].to_string();
    assert!(
        notes.contains("'Congo' is SIPRI's Republic of the Congo (Brazzaville)"),
        "{notes}"
    );
    assert_eq!(notes.matches("Brazzaville").count(), 1, "{notes}");
    let out = ok(&run(&["pair", "Russia", "Congo"], &d));
    assert!(out.contains("Brazzaville"), "{out}");
    // Not for other names, and not carried over to the next question.
    let j = json(&["imports", "Kazakhstan", "--period", "2020-2024"], &d);
    assert!(!j["notes"].to_string().contains("Brazzaville"), "{j}");
}

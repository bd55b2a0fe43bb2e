//! Issue #13 (6, 7): `--period 2021-2025` on the Feb-2026 register (which
//! ends in 2024) says so, on stderr in CSV mode so stdout stays pure CSV;
//! the change against 2016-2020 is marked. On a SYNTHETIC release nothing is
//! attributed to SIPRI and claim checking refuses without a verdict.

use crate::import_support::*;

const NOTE: &str = "the release covers 1995–2024; 2025 is not in it";

#[test]
fn window_past_the_register_is_flagged_by_the_cli() {
    let Some(file) = testkit::shared_path(module_path!(), testkit::REGISTER_2026) else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    ok(&import(&file, &data, &[]));

    // Table: the warning is the first note, the change is marked.
    let out = run(&["imports", "Kazakhstan", "-p", "2021-2025"], &data);
    let text = ok(&out);
    let warn = text
        .lines()
        .find(|l| l.starts_with("WARNING: Window 2021-2025 reaches outside the release"))
        .unwrap_or_else(|| panic!("no coverage warning: {text}"));
    assert!(
        warn.contains(NOTE) && warn.contains("4 of its 5 years"),
        "{warn}"
    );
    assert!(
        text.contains(
            "change -14.4% (not like for like: 2021-2025 has 4 of 5 years in the release)"
        ),
        "{text}"
    );

    // CSV: stdout is the table only; the warning goes to stderr.
    let out = run(
        &["imports", "Kazakhstan", "-p", "2021-2025", "-f", "csv"],
        &data,
    );
    let csv = ok(&out);
    assert!(csv.starts_with("rank,supplier,"), "{csv}");
    assert!(
        !csv.contains("WARNING") && !csv.contains("2025 is not in it"),
        "{csv}"
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(NOTE), "{err}");

    // A window wholly past the release is refused, never 0.00 (regression:
    // "Russia,0,0" for 2025-2029 beside 2020-2024's 1175.2) nor an answer of
    // empty cells with exit 0 (CLI probe 17).
    let out = run(
        &["imports", "Kazakhstan", "-p", "2025-2029", "-f", "csv"],
        &data,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("2025–2029 are not in it"), "{err}");

    // JSON: in the notes and the metadata.
    let out = run(
        &["top", "exporters", "-p", "2021-2025", "-f", "json"],
        &data,
    );
    let j: serde_json::Value = serde_json::from_str(&ok(&out)).unwrap();
    assert!(j["notes"].to_string().contains(NOTE), "{j}");
    let meta = j["provenance"].to_string();
    assert!(meta.contains("partial (2021-2025: "), "{meta}");
    // A window wholly past the release covers none of it, not "partial"
    // (regression of the parameter probe: `--period 2025`): refused.
    let out = run(
        &["imports", "Kazakhstan", "-p", "2025", "-f", "json"],
        &data,
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("No data: the release covers 1995–2024"),
        "{err}"
    );

    // Other windowed subcommands: pair, switching.
    for args in [
        &["pair", "RUS", "KAZ", "-p", "2021-2025"][..],
        &["switching", "--from", "2016-2020", "--to", "2021-2025"][..],
    ] {
        let text = ok(&run(args, &data));
        assert!(text.contains(NOTE), "{args:?}: {text}");
    }

    // Several windows: each partial one is named, its change marked.
    let text = ok(&run(
        &["concentration", "KAZ", "--periods", "2016-2020,2021-2025"],
        &data,
    ));
    assert!(
        text.contains("WARNING: Window 2021-2025 reaches outside"),
        "{text}"
    );
    assert!(
        text.contains("2021-2025: change % is not like for like"),
        "{text}"
    );

    // Inside the release: no warning, an unmarked change.
    let text = ok(&run(&["imports", "Kazakhstan", "-p", "2020-2024"], &data));
    assert!(
        !text.contains("WARNING") && !text.contains("not like for like"),
        "{text}"
    );
}

fn demo_store() -> tempfile::TempDir {
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
fn synthetic_release_is_never_sipri_and_gets_no_verdict() {
    let tmp = demo_store();
    let data = tmp.path().join("data");
    let out = run(&["imports", "KAZ", "-f", "csv"], &data);
    ok(&out);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("SYNTHETIC DEMO DATA"), "{err}");
    assert!(
        !err.contains("Source: SIPRI") && !err.contains("SIPRI data generated"),
        "{err}"
    );
    assert!(!err.contains("SIPRI marks"), "{err}");
    assert!(
        err.contains("values the generator marks as estimated"),
        "{err}"
    );
    let j: serde_json::Value =
        serde_json::from_str(&ok(&run(&["imports", "KAZ", "-f", "json"], &data))).unwrap();
    assert_eq!(
        j["provenance"]["attribution"],
        model::SYNTHETIC_ATTRIBUTION,
        "{j}"
    );

    let out = run(
        &["check", "share imports KAZ from RUS 2020-2024 = 88%"],
        &data,
    );
    assert!(!out.status.success());
    assert!(out.stdout.is_empty(), "no verdict table");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("SYNTHETIC") && err.contains("no verdict is given"),
        "{err}"
    );
    let article = tmp.path().join("a.txt");
    std::fs::write(
        &article,
        "From 2020 to 2024, 88 % of Kazakhstan's arms imports came from Russia.\n",
    )
    .unwrap();
    let out = run(&["check-claims", article.to_str().unwrap()], &data);
    assert!(!out.status.success() && out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("checked only against a SIPRI release"));
}

/// Event studies: a before (or after) window the release holds no year of is
/// no data, and a partly held one is not "complete" (regression: Austria
/// "0.00" before joining the EU in 1995, NATO's founders 0.00 in 1944-48 and
/// 1950-54, Czechia's 1994-98 "complete" with 1994 outside the release).
#[test]
fn event_study_windows_outside_the_release_are_no_data() {
    let Some(file) = testkit::shared_path(module_path!(), testkit::REGISTER_2026) else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    ok(&import(&file, &data, &[]));
    let csv = ok(&run(&["event-study", "--group", "EU", "-f", "csv"], &data));
    let austria = csv.lines().find(|l| l.starts_with("Austria,")).unwrap();
    assert!(
        austria.contains(",1990-1994,1995-1999,,524.42,"),
        "{austria}"
    );
    assert!(
        austria.ends_with("no data before (window before the release)"),
        "{austria}"
    );
    let csv = ok(&run(
        &["event-study", "--group", "NATO", "-f", "csv"],
        &data,
    ));
    let belgium = csv.lines().find(|l| l.starts_with("Belgium,")).unwrap();
    assert!(
        !belgium.contains("0.00") && !belgium.contains(",0,"),
        "{belgium}"
    );
    assert!(belgium.contains("no data after"), "{belgium}");
    let czechia = csv.lines().find(|l| l.starts_with("Czechia,")).unwrap();
    assert!(
        czechia.ends_with("4 of 5 before-years in release"),
        "{czechia}"
    );
    let text = ok(&run(
        &["event-study", "--group", "EU", "--member", "Austria"],
        &data,
    ));
    // Each total says what part of it rests on estimates.
    assert!(
        text.contains("Totals: no data before, 524.42 TIV (")
            && text.contains("% estimated) after."),
        "{text}"
    );
}

/// By order year the later window's orders are cut off at the release's last
/// year: changes are marked, switching warns, and group membership is said
/// to be tested in the order year (regressions: India "change -87.1%"
/// unmarked; groups said "Membership by delivery year" on the order basis).
#[test]
fn order_basis_outputs_say_what_they_count() {
    let Some(file) = testkit::shared_path(module_path!(), testkit::REGISTER_2026) else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    ok(&import(&file, &data, &[]));
    let text = ok(&run(&["imports", "India", "--basis", "order"], &data));
    assert!(
        text.contains(
            "change -87.1% (not like for like: by order year, orders placed in 2020-2024"
        ),
        "{text}"
    );
    // Orders placed after the release's last year: no data, not "nothing"
    // with coverage "complete" (query probe 15).
    let out = run(
        &[
            "imports",
            "India",
            "--period",
            "2025-2029",
            "--basis",
            "order",
            "-f",
            "json",
        ],
        &data,
    );
    // Refused since CLI probe 17: no data is no answer.
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("2025–2029 are not in it") && err.contains("by order year"),
        "{err}"
    );
    let text = ok(&run(&["switching", "--basis", "order"], &data));
    assert!(
        text.contains("WARNING: by order year, orders placed in 2020-2024"),
        "{text}"
    );
    let text = ok(&run(
        &[
            "groups",
            "United States",
            "-d",
            "exports",
            "--group",
            "EU",
            "--basis",
            "order",
            "--period",
            "2000-2004",
        ],
        &data,
    ));
    assert!(text.contains("Membership by order year"), "{text}");
    assert!(
        text.contains("in the year of the order is not counted"),
        "{text}"
    );
    assert!(!text.contains("Membership by delivery year"), "{text}");
    // Windows given out of order: the span runs from the earliest to the
    // latest (regression: "Window 2016-1994").
    let text = ok(&run(
        &[
            "concentration",
            "Kazakhstan",
            "--periods",
            "2016-2020,1990-1994",
        ],
        &data,
    ));
    assert!(text.contains("Window 1990-2020 by delivery year"), "{text}");
}

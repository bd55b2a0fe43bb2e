//! The seed article's two figures on the real Feb-2026 register, through the
//! binary: import into a temporary store, then query as a user would.
//! The SIPRI file is read at run time from the shared directory, never copied.

use crate::import_support;
use serde_json::Value;
use std::path::{Path, PathBuf};

const REGISTER: &str = "data/sipri/nagehanrdogan-trade-register-2026/trade_register.csv";

fn shared(rel: &str) -> Option<PathBuf> {
    testkit::shared_path(module_path!(), rel)
}

/// The binary's stdout for `args` on `data`; fails the test on a non-zero exit.
fn armsflow(data: &Path, args: &[&str]) -> String {
    import_support::ok(&import_support::run(args, data))
}

/// A temporary store holding the Feb-2026 register; `None` (skipped) when
/// the shared file is absent.
fn imported() -> Option<tempfile::TempDir> {
    let file = shared(REGISTER)?;
    let tmp = tempfile::tempdir().unwrap();
    armsflow(tmp.path(), &["import", file.to_str().unwrap()]);
    Some(tmp)
}

fn json(data: &Path, args: &[&str]) -> Value {
    let mut a = args.to_vec();
    a.extend(["--format", "json"]);
    serde_json::from_str(&armsflow(data, &a)).unwrap()
}

fn row<'a>(t: &'a Value, col: &str, name: &str) -> &'a Value {
    t["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r[col] == name)
        .unwrap_or_else(|| panic!("no row {name}"))
}

fn num(v: &Value) -> f64 {
    v.as_f64().unwrap()
}

#[test]
fn kazakhstan_and_russia_2020_24() {
    let Some(tmp) = imported() else { return };
    let d = tmp.path();
    // The id's 2026 is when SIPRI generated the file; its data end in 2024
    // (published-figures probe: "2026-02-12-register" read as 2026 data).
    let list = armsflow(d, &["releases"]);
    assert!(list.contains("delivery years"), "{list}");
    assert!(list.contains("2026-02-12  1995-2024"), "{list}");

    // 88.4 % of Kazakhstan's imports: 1175.20 of 1328.98.
    let t = json(d, &["imports", "Kazakhstan", "--period", "2020-2024"]);
    let rus = row(&t, "supplier", "Russia");
    assert_eq!(rus["rank"], 1);
    assert!((num(&rus["TIV"]) - 1175.20).abs() < 1e-6);
    // JSON shares are rounded to output::PCT_DECIMALS (4) decimals.
    assert!((num(&rus["share %"]) - 100.0 * 1175.20 / 1328.98).abs() <= 5e-5);
    assert_eq!(format!("{:.1}", num(&rus["share %"])), "88.4");
    let notes = t["notes"].to_string();
    assert!(notes.contains("Total: 1328.98 TIV"), "{notes}");
    assert!(notes.contains("Unknown suppliers: 2.25 TIV"), "{notes}");
    // Values whose estimate flag SIPRI left empty are not counted: a lower
    // bound (metrics probe: Singapore 2024 "6.7 %", 93 % unflagged).
    assert!(notes.contains("Estimates: at least 57.3%"), "{notes}");
    assert!(
        notes.contains("2026-02-12-register-"),
        "release id: {notes}"
    );
    assert!(notes.contains(model::SIPRI_ATTRIBUTION), "{notes}");

    // Russia's recipients: India 38.5 %, China 16.8 %, Kazakhstan 3rd with 10.6 %.
    let t = json(d, &["exports", "RUS", "--period", "2020-24"]);
    for (name, rank, pct) in [
        ("India", 1, "38.5"),
        ("China", 2, "16.8"),
        ("Kazakhstan", 3, "10.6"),
    ] {
        let r = row(&t, "recipient", name);
        assert_eq!(r["rank"], rank, "{name}");
        assert_eq!(format!("{:.1}", num(&r["share %"])), pct, "{name}");
    }
    assert!(t["notes"].to_string().contains("Total: 11102.04 TIV"));
    // Kazakhstan had 8 named suppliers in 2020-24 and 2.25 TIV from unknown
    // supplier(s) (python csv over the raw file); the concentration table
    // counted the pool as a ninth (regression).
    let t = json(
        d,
        &["concentration", "Kazakhstan", "--periods", "2020-2024"],
    );
    assert_eq!(t["rows"][0]["suppliers"], 8, "{t}");
    assert!(t["notes"].to_string().contains("counts named suppliers"));
    let t = json(d, &["concentration", "--all", "--period", "2020-2024"]);
    assert_eq!(row(&t, "importer", "Kazakhstan")["suppliers"], 8, "{t}");
    // By order year, undelivered orders are missing and later windows less
    // complete: every order-basis output says so (metrics probe: groups and
    // event-study did not; concentration's "-87.1 %" for India unmarked).
    for args in [
        &["groups", "Finland", "--group", "NATO", "--basis", "order"][..],
        &[
            "event-study",
            "--group",
            "NATO",
            "--member",
            "Finland",
            "--basis",
            "order",
        ],
        &["concentration", "India", "--basis", "order"],
    ] {
        let notes = json(d, args)["notes"].to_string();
        assert!(
            notes.contains("WARNING: by order year")
                || notes.contains("not like for like: a later"),
            "{args:?}: {notes}"
        );
    }
    // Overlapping switching windows say so (metrics probe: accepted unsaid).
    let notes = json(
        d,
        &["switching", "--from", "2018-2022", "--to", "2022-2024"],
    )["notes"]
        .to_string();
    assert!(notes.contains("overlap (2022 in both)"), "{notes}");
    // "Congo" is SIPRI's Congo-Brazzaville; the CLI says so (claims probe 8:
    // many readers mean DR Congo), in the answer's notes, not on standard
    // error only (parameter probe: JSON notes lacked it).
    let out = import_support::run(&["imports", "Congo", "--period", "2020-2024"], d);
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("use 'DR Congo'"),
        "{out:?}"
    );
    // SIPRI counts states: Russia supplied 33 in 2020-24, the US 107 and
    // France 65 (fact sheet, March 2025); the count of partners says how
    // many of them are states (regression: "34 recipients", "109", "66").
    for (who, states) in [
        ("RUS", "34 recipients (33 states, 1 non-state group)"),
        ("USA", "109 recipients (107 states, 2 organisations)"),
        ("FRA", "66 recipients (65 states, 1 organisation)"),
    ] {
        let notes = json(d, &["exports", who, "--period", "2020-2024"])["notes"].to_string();
        assert!(notes.contains(states), "{who}: {notes}");
    }

    // Both denominators in one place.
    let text = armsflow(d, &["pair", "Russia", "kaz", "--period", "2020-2024"]);
    assert!(
        text.contains("Russia supplied 88.4% of Kazakhstan's imports"),
        "{text}"
    );
    assert!(text.contains("its 3rd-largest recipient"), "{text}");
    // Regression: SIPRI's placeholder is not a party; the pair was answered with zeros.
    let out = import_support::run(&["pair", "unknown supplier(s)", "kaz"], d);
    assert!(!out.status.success(), "a placeholder pair must be refused");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("placeholder"), "{err}");

    // The order basis loads the deal table and still answers.
    let text = armsflow(
        d,
        &["imports", "KAZ", "-p", "2015-2019", "--basis", "order"],
    );
    assert!(
        text.contains("by order year") && text.contains("Total: "),
        "{text}"
    );

    // A window before the release (1995-2024) has no data, which is not "no
    // deliveries" (regression: "Kazakhstan imported nothing in 1990-1994"),
    // nor an empty answer: the question is refused, in CSV too, where a bare
    // header with exit 0 read as "no deliveries" (CLI probe 17).
    for format in ["table", "csv"] {
        let args = [
            "imports",
            "Kazakhstan",
            "--period",
            "1990-1994",
            "-f",
            format,
        ];
        let out = import_support::run(&args, d);
        assert_eq!(out.status.code(), Some(2), "{format}");
        assert!(out.stdout.is_empty(), "{format}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("No data: the release covers 1995–2024"),
            "{err}"
        );
    }
    let text = armsflow(d, &["imports", "Kazakhstan", "--period", "1995-1999"]);
    assert!(!text.contains("imported nothing"), "{text}");
    assert!(
        text.contains("Previous window 1990-1994: no data"),
        "{text}"
    );
    assert!(!text.contains("NaN") && !text.contains("-0.00"), "{text}");
    // Nor are its years zeros, in a partial window or a previous one
    // (regression: "1993,0" and "TIV 1988-1992 0.00").
    let csv = armsflow(
        d,
        &[
            "pair",
            "Russia",
            "Kazakhstan",
            "-p",
            "1993-1997",
            "--format",
            "csv",
        ],
    );
    assert!(csv.contains("1993,\n1994,\n1995,99.12"), "{csv}");
    let t = json(d, &["imports", "Kazakhstan", "-p", "1993-1997"]);
    assert!(
        row(&t, "supplier", "Russia")["TIV 1988-1992"].is_null(),
        "{t}"
    );
    // One supplier is all the concentration there can be, not an even
    // spread (regression: "normalised 0.000").
    let text = armsflow(d, &["imports", "Kazakhstan", "-p", "1995"]);
    assert!(text.contains("normalised 1.000"), "{text}");

    // Top exporters, and categories that add up.
    let t = json(
        d,
        &["top", "exporters", "--period", "2020-2024", "--limit", "3"],
    );
    assert_eq!(t["rows"][0]["country"], "United States");
    assert_eq!(t["rows"].as_array().unwrap().len(), 3);
    // Every importer at once (the all-pairs path) agrees with the single query.
    let t = json(d, &["concentration", "--all", "--period", "2020-2024"]);
    let kaz = row(&t, "importer", "Kazakhstan");
    assert_eq!(kaz["top supplier"], "Russia");
    assert_eq!(format!("{:.1}", num(&kaz["CR1 %"])), "88.4");
    let series = json(d, &["concentration", "Kazakhstan"]);
    let last = row(&series, "window", "2020-2024");
    assert!((num(&last["HHI"]) - num(&kaz["HHI"])).abs() < 1e-12);
    let t = json(
        d,
        &["imports", "Kazakhstan", "-p", "2020-2024", "--by-category"],
    );
    let sum: f64 = t["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| num(&r["TIV"]))
        .sum();
    assert!((sum - 1328.98).abs() < 1e-6);
}

/// A per-supplier TIV table holds one supplier's exports: asked about a
/// country's imports, world rankings or another supplier, it answered from
/// that part as if it were all (regression: "Russia 100 %" of Pakistan's
/// 2017-21 imports, where the register gives 5.6 %; "China exported
/// nothing"; a true 5.6 % claim not supported). Only its own exports answer.
#[test]
fn a_per_supplier_table_answers_only_its_suppliers_exports() {
    let Some(table) =
        shared("data/sipri/360info-tiv-2022/TIV-Export-1950-2021/TIV-Export-RUS-1950-2021.csv")
    else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path();
    import_support::ok(&import_support::import(&table, data, &[]));
    let exports = armsflow(data, &["exports", "Russia", "-p", "2017-2021"]);
    assert!(exports.contains("Pakistan"), "{exports}");
    for args in [
        &["imports", "Pakistan", "-p", "2017-2021"][..],
        &["exports", "China", "-p", "2017-2021"],
        &["top", "exporters", "-p", "2017-2021"],
        &["top", "importers", "-p", "2017-2021"],
        &["concentration", "Pakistan"],
        &["concentration", "--all", "-p", "2017-2021"],
        &["switching"],
    ] {
        let out = import_support::run(args, data);
        assert_eq!(out.status.code(), Some(2), "{args:?} answered");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("alone: it holds no other supplier")
                || err.contains("needs a trade-register release"),
            "{args:?}: {err}"
        );
    }
    // A TIV table has no armament categories: "Aircraft only" answered
    // "nothing" (regression).
    let out = import_support::run(&["exports", "Russia", "-c", "aircraft"], data);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no armament categories"));
    let out = import_support::run(
        &[
            "check",
            "Russia supplied 5.6% of Pakistan's arms imports in 2017-2021",
            "--format",
            "json",
        ],
        data,
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("cannot"), "{text}");
    assert!(!text.contains("not_supported"), "{text}");
}

/// Regressions from the numeric probe of 28 Nov, on the real register.
/// Expected values: scripts/explore_reference.py-style sums over the raw CSV
/// (Kazakhstan 2015-19: 1,416.65 TIV, China 11.00, US 6.20, Israel 2.80).
#[test]
fn previous_partners_and_windows_without_data() {
    let Some(tmp) = imported() else { return };
    let d = tmp.path();
    // The previous-window columns add up to the previous total: suppliers
    // of 2015-19 only are listed, unranked.
    let t = json(d, &["imports", "Kazakhstan", "--period", "2020-2024"]);
    let sum: f64 = t["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| num(&r["TIV 2015-2019"]))
        .sum();
    assert!((sum - 1416.65).abs() < 1e-6, "{sum}");
    let chn = row(&t, "supplier", "China");
    assert!(chn["rank"].is_null());
    assert!((num(&chn["TIV 2015-2019"]) - 11.0).abs() < 1e-9);
    assert_eq!(num(&chn["TIV"]), 0.0);
    // Windows with no year in the release: no figures, not zeros.
    let c = json(
        d,
        &[
            "concentration",
            "Kazakhstan",
            "--periods",
            "1990-1994,2020-2024",
        ],
    );
    let first = &c["rows"][0];
    assert_eq!(first["window"], "1990-1994");
    assert!(
        first["TIV"].is_null() && first["suppliers"].is_null(),
        "{first}"
    );
    assert!(c["notes"].to_string().contains("No data in: 1990-1994"));
    let g = json(
        d,
        &[
            "groups",
            "Kazakhstan",
            "-g",
            "CSTO",
            "-p",
            "1990-1994,2020-2024",
        ],
    );
    assert!(g["rows"][0]["group TIV"].is_null(), "{}", g["rows"][0]);
    assert!(g["notes"].to_string().contains("CSTO 1990-1994: no data"));
    let out = import_support::run(
        &["switching", "--from", "1990-1994", "--to", "2020-2024"],
        d,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no data for 1990-1994"));
}

/// Order-basis windows before the release said "no figure of it comes from
/// data" above figures that do (deliveries from 1995 of older orders), and
/// never said those orders are undercounted; the "unknown supplier(s)" pool
/// got ranks, shares and an HHI as if it were one exporter.
#[test]
fn order_basis_before_the_release_and_the_unknown_pool() {
    let Some(tmp) = imported() else { return };
    let d = tmp.path();
    let t = json(
        d,
        &["imports", "India", "-p", "1985-1989", "--basis", "order"],
    );
    let notes = t["notes"].to_string();
    assert!(
        !notes.contains("no figure of it comes from data"),
        "{notes}"
    );
    assert!(notes.contains("undercount"), "{notes}");
    let out = import_support::run(&["exports", "unknown supplier(s)"], d);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("placeholder"));
}

/// Rankings over recipients say when SIPRI's non-state groups (*) and
/// organisations (**) rank with states (query probe 15: switching ranked
/// "HoR (Libya)*" first under "Countries"; `concentration --all` listed it
/// among "importers"). The kinds are counted from the entity table, not
/// from armsflow's own figures.
#[test]
fn rankings_say_which_parties_are_not_states() {
    let Some(tmp) = imported() else { return };
    let d = tmp.path();
    let t = json(d, &["switching"]);
    let notes = t["notes"].to_string();
    assert!(
        t["title"]
            .to_string()
            .contains("Recipients whose supplier mix"),
        "{t}"
    );
    assert!(notes.contains("non-state group"), "{notes}");
    assert!(notes.contains("are ranked with states"), "{notes}");
    let t = json(d, &["concentration", "--all"]);
    let notes = t["notes"].to_string();
    assert!(
        notes.contains("162 states, 3 non-state groups, 3 organisations"),
        "{notes}"
    );
    // Three recipients whose aircraft suppliers changed completely (the
    // probe's pandas: distance 1.0 each) share rank 1, as `top` ranks ties.
    let t = json(
        d,
        &[
            "switching",
            "-c",
            "aircraft",
            "--basis",
            "order",
            "--from",
            "2010-2014",
        ],
    );
    let rows = t["rows"].as_array().unwrap();
    let ranks: Vec<i64> = rows
        .iter()
        .take(4)
        .map(|r| r["rank"].as_i64().unwrap())
        .collect();
    assert_eq!(ranks, [1, 1, 1, 4], "{t}");
}

/// A Markdown bullet given to `check` is text, not an option (claims probe
/// 16: clap's "unexpected argument '- '"); the 88.43 % (1175.20 of 1328.98
/// TIV) is supported as without the bullet.
#[test]
fn a_bulleted_sentence_is_checked() {
    let Some(tmp) = imported() else { return };
    let d = tmp.path();
    let t = json(
        d,
        &[
            "check",
            "- Russia supplied 88 % of Kazakhstan's arms imports in 2020-24.",
        ],
    );
    assert_eq!(t["rows"][0]["verdict"], "supported", "{t}");
}

/// A former state asked of a release that starts after it says so, and
/// which years it needs (CLI probe 17: only "has no arms transfers").
#[test]
fn a_former_state_outside_the_release_says_which_years_it_needs() {
    let Some(tmp) = imported() else {
        return;
    };
    let out = import_support::run(&["imports", "USSR"], tmp.path());
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("a former state, whose transfers SIPRI lists up to 1991")
            && err.contains("this release covers 1995–2024"),
        "{err}"
    );
}

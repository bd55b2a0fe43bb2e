//! Files that parse but that no SIPRI export can hold (hostile-files probe
//! 6): each is imported as written, with a caveat every answer carries.
//! Every value here is invented, except where a test reads the shared
//! SIPRI files to show that they raise none of these caveats.

use crate::formats::LEG_HEADER;
use crate::regression::{GOOD, opts, reg};
use sipri::read;

fn caveats(bytes: &[u8]) -> Vec<String> {
    read(bytes, &opts()).unwrap().0.meta.caveats
}

fn has(caveats: &[String], needle: &str) -> bool {
    caveats.iter().any(|c| c.contains(needle))
}

fn legacy(rows: &[&str]) -> Vec<u8> {
    let mut s = format!("Transfers\nData generated: 13 Mar 2025 10:02:49 AM\n{LEG_HEADER}\n");
    for r in rows {
        s.push_str(r);
        s.push('\n');
    }
    s.into_bytes()
}

/// A former state after its last year, and a new successor before its
/// first ("Soviet Union 46.00" among Kazakhstan's 2020-24 suppliers; the
/// Soviet Union's exports moved to Russia's row for 1970-90).
#[test]
fn states_that_did_not_exist_are_a_caveat() {
    let soviet = GOOD.replace("Russia", "Soviet Union");
    let c = caveats(reg(&[&soviet]).as_bytes());
    assert!(
        has(
            &c,
            "Soviet Union: 1 delivery record after it ended in 1991, the latest dated 2020"
        ),
        "{c:?}"
    );
    let russia_1985 = GOOD
        .replace(",2019,Yes,", ",1984,Yes,")
        .replace(",2020,No,", ",1985,No,");
    let c = caveats(reg(&[&russia_1985]).as_bytes());
    assert!(
        has(
            &c,
            "Russia: 1 delivery record dated before 1991, the earliest 1985"
        ),
        "{c:?}"
    );
    // Legacy register, a recipient: East Germany in 2020.
    let c = caveats(&legacy(&[
        "East Germany,Russia,2018,,4,,Mi-35M,combat helicopter,4,,2020,New,,11.5,46,46",
    ]));
    assert!(has(&c, "after it ended in 1990"), "{c:?}");
    // North Yemen in 1990, the year it united with South Yemen (in May).
    let c = caveats(&legacy(&[
        "North Yemen,France,1989,,2,,X,APC,2,,1990,New,,1,2,2",
    ]));
    assert!(!has(&c, "did not exist"), "{c:?}");
    let c = caveats(&legacy(&[
        "North Yemen,France,1989,,2,,X,APC,2,,1991,New,,1,2,2",
    ]));
    assert!(
        has(&c, "North Yemen: 1 delivery record after it ended in 1990"),
        "{c:?}"
    );
    // Croatia in 1991, the year it declared independence, is SIPRI's own.
    let c = caveats(&legacy(&[
        "Croatia,Germany,1991,,2,,X,APC,2,,1991,New,,1,2,2",
    ]));
    assert!(!has(&c, "did not exist"), "{c:?}");
    assert!(caveats(reg(&[GOOD]).as_bytes()).is_empty());
}

/// A year before SIPRI's data begins (an import table's year header moved
/// back by one, 1949-2022 for 1950-2023), and a table ending earlier than
/// its generation date implies (a warning only: SIPRI's tool lets a user
/// choose the years).
#[test]
fn years_before_1950_are_a_caveat_and_an_early_end_a_warning() {
    let t = "Volume of transfers of major arms\n\nSource: SIPRI Arms Transfers Database (c) SIPRI.\n\
             Data generated: 13 Oct 2024 12:33:29 PM\n\nRecipient,1949,1950,1949-1950\n\
             India,10,4,14\nEgypt,2,4,6\nTotal world import,12,8,20\n";
    let (rel, rep) = read(t.as_bytes(), &opts()).unwrap();
    assert!(
        has(&rel.meta.caveats, "deliveries dated 1949, before 1950"),
        "{:?}",
        rel.meta.caveats
    );
    assert!(
        rep.warnings
            .iter()
            .any(|w| w.contains("the table's last year is 1950") && w.contains("runs to 2023")),
        "{:?}",
        rep.warnings
    );
    // A table to 2023 generated in October 2024 is complete.
    let t = t.replace("1949,1950,1949-1950", "2022,2023,2022-2023");
    let (rel, rep) = read(t.as_bytes(), &opts()).unwrap();
    assert!(rel.meta.caveats.is_empty(), "{:?}", rel.meta.caveats);
    assert!(
        !rep.warnings.iter().any(|w| w.contains("last year")),
        "{:?}",
        rep.warnings
    );
}

/// Values scaled throughout, each row still below the one-row bound: 11
/// rows of 9,500 TIV in 2020 (104,500), more than the world in any year.
#[test]
fn a_year_above_anything_recorded_is_a_caveat() {
    let rows: Vec<String> = (1..=11)
        .map(|i| {
            format!("{i},Russia,Kazakhstan,X,tank,Armoured vehicles,2019,Yes,1,No,2020,No,New,9500,9500,9500,No")
        })
        .collect();
    let refs: Vec<&str> = rows.iter().map(String::as_str).collect();
    let c = caveats(reg(&refs).as_bytes());
    assert!(
        has(
            &c,
            "more than 100000 TIV in 1 year (the most: 104500.00 TIV in 2020)"
        ),
        "{c:?}"
    );
    let c = caveats(reg(&refs[..10]).as_bytes());
    assert!(!has(&c, "scaled or mistyped"), "{c:?}");
}

/// A legacy deal's total order over 50,000 TIV (12,000 Su-30s, 660,000
/// TIV, made Kazakhstan's pipeline 99.9 % Russian), though units × unit
/// value holds.
#[test]
fn an_outsized_order_is_a_caveat() {
    let c = caveats(&legacy(&[
        "Kazakhstan,Russia,2018,,12000,,Su-30MK,FGA aircraft,8,,2023; 2024,New,,55,660000,440",
    ]));
    assert!(
        has(
            &c,
            "1 deal of the file states a total order over 50000 TIV (line 4: 660000.00 TIV)"
        ),
        "{c:?}"
    );
}

/// SIPRI's own files raise none of these caveats.
#[test]
fn real_files_are_plausible() {
    for rel in [
        "nagehanrdogan-trade-register-2026/trade_register.csv",
        "colasdroin-trade-register-2025/trade-register.csv",
        "mjhofmann-tiv-tables-2024/import-export-values_1950-2024.csv",
        "mjhofmann-tiv-tables-2024/import-export-values_1950-2024_1950-2024.csv",
        "senapol-ukraine-register-2025/trade-register.csv",
        "360info-tiv-2022/TIV-Export-1950-2021/TIV-Export-RUS-1950-2021.csv",
    ] {
        let Some((name, bytes)) = crate::common::sipri_file(module_path!(), rel) else {
            return;
        };
        let (release, report) = crate::common::read_named(&name, &bytes);
        for needle in [
            "did not exist",
            "before 1950",
            "scaled or mistyped",
            "total order over",
        ] {
            assert!(
                !has(&release.meta.caveats, needle),
                "{rel}: {:?}",
                release.meta.caveats
            );
        }
        assert!(
            !report.warnings.iter().any(|w| w.contains("last year is")),
            "{rel}"
        );
    }
}

/// A TIV written with a thousands dot ("1.250" for 1250, as a German
/// spreadsheet writes it) was read as 1.25: two of Russia's deals to India
/// imported at a thousandth of their value, no word (hostile-files probe
/// 28). No SIPRI export writes more than two decimals, so the row is
/// refused, in every layout; "0.125" and "1.2345" are not such a pattern.
#[test]
fn a_thousands_dot_in_a_tiv_is_refused() {
    let dotted = GOOD.replace(",New,1,1,2,No", ",New,1,1.250,2.500,No");
    let e = read(reg(&[&dotted]).as_bytes(), &opts())
        .unwrap_err()
        .to_string();
    assert!(
        e.starts_with("hostile.csv:4: ")
            && e.contains("'1.250' has a dot every three digits")
            && e.contains("write 1250 if that is the value"),
        "{e}"
    );
    let e = read(
        &legacy(&["India,Russia,2004,,1,,X,aircraft carrier,1,,2013,New,,1.250,1.250,1.250"]),
        &opts(),
    )
    .unwrap_err()
    .to_string();
    assert!(e.contains("'1.250' has a dot every three digits"), "{e}");
    let t = "Volume of transfers of major arms\n\nSource: SIPRI Arms Transfers Database (c) SIPRI.\n\
             Data generated: 13 Mar 2025 12:33:29 PM\n\nRecipient,2022,2023,2022-2023\n\
             India,1.250,4,1.254\nTotal world import,1.250,4,1.254\n";
    let e = read(t.as_bytes(), &opts()).unwrap_err().to_string();
    assert!(e.contains("has a dot every three digits"), "{e}");
    // Not a thousands pattern: read as written.
    for (cell, want) in [("0.125", 0.125), ("1.2345", 1.2345), ("12.5", 12.5)] {
        let row = GOOD.replace(",New,1,1,2,No", &format!(",New,1,1,{cell},No"));
        let (rel, _) = read(reg(&[&row]).as_bytes(), &opts()).unwrap();
        assert_eq!(rel.flows.tiv[0], want, "{cell}");
    }
}

//! Releases that hold part of the database answer only what they hold: the
//! 2025 legacy register has no armament categories, and SIPRI's register
//! download "from All countries to Ukraine" holds only Ukraine's imports.
//! Regressions of the analysis probe of 28 Nov (both gave confident zeros or
//! 100 % shares); the SIPRI files are read at run time from the shared
//! directory. Reference: the whole Feb-2026 register gives Kazakhstan 937.50
//! TIV of aircraft in 2020-24 and the United States 57,970.98 TIV of exports
//! to 111 recipients in 2019-23 (python csv over the raw file).

use crate::import_support::{ok, run};

const LEGACY_2025: &str = "data/sipri/colasdroin-trade-register-2025/trade-register.csv";
const UKRAINE: &str = testkit::mock::UKRAINE_REGISTER;

fn imported(test: &str, rel: &str) -> Option<tempfile::TempDir> {
    let file = testkit::shared_path(test, rel)?;
    let tmp = tempfile::tempdir().unwrap();
    ok(&run(&["import", file.to_str().unwrap()], tmp.path()));
    Some(tmp)
}

fn refused(out: &std::process::Output, says: &str) {
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains(says), "{err}");
    assert!(
        out.stdout.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn legacy_register_refuses_a_category_instead_of_nothing() {
    let Some(d) = imported(module_path!(), LEGACY_2025) else {
        return;
    };
    let d = d.path();
    for args in [
        &["imports", "Kazakhstan", "-c", "aircraft"][..],
        &["exports", "Russia", "-c", "ships"],
        &[
            "top",
            "exporters",
            "-c",
            "aircraft",
            "--period",
            "2020-2024",
        ],
        &["concentration", "Kazakhstan", "-c", "aircraft"],
        &["groups", "Kazakhstan", "--group", "CSTO", "-c", "aircraft"],
        &["switching", "-c", "aircraft"],
        &["deals", "Kazakhstan", "-c", "aircraft"],
    ] {
        refused(&run(args, d), "holds no armament categories");
    }
    // Without a category the release answers.
    let out = ok(&run(&["imports", "Kazakhstan", "--period", "2020-2024"], d));
    assert!(out.contains("Russia"), "{out}");
    // A claim about one category cannot be checked on it.
    let out = ok(&run(
        &[
            "check",
            "Russia supplied 90% of Kazakhstan's aircraft imports in 2020-2024",
        ],
        d,
    ));
    assert!(out.contains("cannot be checked"), "{out}");
}

#[test]
fn ukraine_download_answers_ukraines_imports_only() {
    let Some(d) = imported(module_path!(), UKRAINE) else {
        return;
    };
    let d = d.path();
    let out = ok(&run(&["imports", "Ukraine", "--period", "2019-2023"], d));
    assert!(out.contains("United States"), "{out}");
    for args in [
        &["exports", "United States", "--period", "2019-2023"][..],
        &["top", "exporters", "--period", "2019-2023"],
        &["pair", "United States", "Ukraine", "--period", "2019-2023"],
        &["imports", "Poland", "--period", "2019-2023"],
    ] {
        refused(&run(args, d), "transfers to Ukraine only");
    }
}

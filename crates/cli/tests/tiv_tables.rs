//! Questions a TIV table cannot answer are refused, naming why, instead of
//! answered with something else (hostile-files probe 2: `--basis order` said
//! "imported nothing", `--by-category` printed "Unspecified 100 %",
//! `concentration --all` gave every importer one supplier, `deals` said
//! "No deals: nothing delivered").

use crate::import_support::*;
use std::fs;

#[test]
fn a_tiv_table_refuses_orders_categories_deals_and_all_country_concentration() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let file = tmp.path().join("exports.csv");
    fs::write(
        &file,
        "Volume\nData generated: 13 Oct 2024 12:33:29 PM\nExports by,2021,2022,2023,2021-2023\n\
         United States,10,20,30,60\nFrance,1,2,3,6\nTotal world export,11,22,33,66\n",
    )
    .unwrap();
    ok(&import(&file, &data, &[]));
    let us = "United States";
    for (args, needle) in [
        (
            vec!["exports", us, "--basis", "order"],
            "records deliveries by year and no orders",
        ),
        (
            vec!["top", "exporters", "--basis", "order"],
            "records deliveries by year and no orders",
        ),
        (
            vec!["exports", us, "--by-category"],
            "no armament categories",
        ),
        (
            vec!["concentration", "--all", "--direction", "exports"],
            "concentration for every country needs a trade-register release",
        ),
        (
            vec![
                "concentration",
                "--all",
                "--direction",
                "exports",
                "--period",
                "2021-2023",
            ],
            "concentration for every country needs a trade-register release",
        ),
        (
            vec!["deals", us, "--direction", "exports"],
            "a list of deals needs a trade-register release",
        ),
    ] {
        let out = run(&args, &data);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains(needle), "{args:?}: {err}");
        assert!(out.stdout.is_empty(), "{args:?}");
    }
    // What it can answer still answers: the US's 60 of 66.
    let top = ok(&run(&["top", "exporters", "--format", "json"], &data));
    assert!(top.contains("United States"), "{top}");
}

/// "France has no arms transfers in release R" read as a fact about France
/// where R is Russia's own table, or where France's row was rejected at
/// import (hostile-files probe 2): the refusal now says why.
#[test]
fn a_missing_country_is_explained_by_the_release_not_asserted() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let file = tmp.path().join("rus.csv");
    let pad = ",,,";
    fs::write(
        &file,
        format!(
            "\"TIV of arms exports from Russia, 2020-2021\"{pad}\nSource: SIPRI Arms Transfers \
             Database{pad}\nGenerated: 28 July 2022{pad}\n{pad}\n,2020,2021,Total\n\
             Kazakhstan,100,0,100\nIndia,,50,50\n{pad}\nTotal,100,50,150\n"
        ),
    )
    .unwrap();
    ok(&import(&file, &data, &[]));
    let out = run(&["imports", "France"], &data);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("has no arms transfers")
            && err.contains("one country's table ('TIV of arms exports from Russia, 2020-2021')"),
        "{err}"
    );

    let data = tmp.path().join("data2");
    let reg = tmp.path().join("reg.csv");
    let mut text = good_register();
    text.push_str(&register_row(
        3,
        2022,
        &[(1, "France"), (2, "India"), (15, "x")],
    ));
    fs::write(&reg, text).unwrap();
    ok(&import(&reg, &data, &["--skip-bad-rows"]));
    let out = run(&["imports", "India"], &data);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("has no arms transfers") && err.contains("the release is not whole: 1 row"),
        "{err}"
    );
}

/// With an import table (the default release) and an export table stored,
/// an exports question is refused with the stored release that answers it,
/// not only "use a trade-register release" (hostile-files probe 6).
#[test]
fn a_one_sided_refusal_names_the_stored_release_that_answers() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let exports = tmp.path().join("exports.csv");
    fs::write(
        &exports,
        "Volume\nData generated: 13 Oct 2024 12:33:29 PM\nExports by,2021,2022,2023,2021-2023\n\
         United States,10,20,30,60\nFrance,1,2,3,6\nTotal world export,11,22,33,66\n",
    )
    .unwrap();
    let imports = tmp.path().join("imports.csv");
    fs::write(
        &imports,
        "Volume\nData generated: 14 Oct 2024 12:33:29 PM\nRecipient,2021,2022,2023,2021-2023\n\
         India,10,20,30,60\nUnited States,1,2,3,6\nTotal world import,11,22,33,66\n",
    )
    .unwrap();
    ok(&import(&exports, &data, &[]));
    ok(&import(&imports, &data, &[]));
    let out = run(&["exports", "United States"], &data);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("use a trade-register release")
            && err.contains("This data directory holds release 2024-10-13-export_table-")
            && err.contains("add --release 2024-10-13-export_table-"),
        "{err}"
    );
    // The import question is the default release's own: answered.
    ok(&run(&["imports", "India"], &data));
}

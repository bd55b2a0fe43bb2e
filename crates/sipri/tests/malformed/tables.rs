//! Malformed TIV tables.
use super::*;

#[test]
fn table_errors() {
    let head = "Volume\nData generated: 13 Oct 2024 12:33:29 PM\nRecipient,2020,2021,2020-2021\n";
    fails(
        format!("{head}India,1,x,1\n").as_bytes(),
        4,
        "2021: non-numeric TIV 'x'",
    );
    fails(
        format!("{head}India,1,1\n").as_bytes(),
        4,
        "row has 3 fields, header has 4",
    );
    fails(
        format!("{head}India,1,1,2").as_bytes()[..head.len() + 8].as_ref(),
        4,
        "truncated file",
    );
    fails(
        format!("{head},1,1,2\n").as_bytes(),
        4,
        "row without a name",
    );
    fails(
        format!("{head}India,1,1,2\nChina,1,1,2\nindia,1,1,2\n").as_bytes(),
        6,
        "'india' has a row already, at line 4: a second row would count its TIV twice",
    );
    fails(
        b"Volume\nRecipient,2020,2020,Total\nIndia,1,1,2\n",
        2,
        "year 2020 heads columns 2 and 3",
    );
    fails(
        b"\"TIV of arms exports from India, 2020-2021\"\n,2020,2021,Total\nIndia,1,1,2\n",
        3,
        "'India' is the table's own party",
    );
    fails(
        b"\"TIV of arms exports from , 2020-2021\"\n,2020,2021,Total\nIndia,1,1,2\n",
        1,
        "cannot read the party",
    );
}

/// Regression: a TIV table's header that lost or moved a year column was
/// read without a word: the column's values were dropped (`2012` renamed
/// `Note`), booked to another year (`1901` for `2012`), or the totals
/// imported as a year (`Total` renamed `2022`). And rows after the total row
/// escaped its check; a second world total replaced the first; an exporters
/// table headed `Recipient` was read as an importers table.
#[test]
fn tiv_table_headers_and_totals() {
    let t = |header: &str, rows: &str| {
        format!("\"TIV of arms exports from Russia, 2020-2022\"\n{header}\n{rows}")
    };
    let rows = "India,1,2,3,6\nTotal,1,2,3,6\n";
    assert!(read(t(",2020,2021,2022,Total", rows).as_bytes(), &opts()).is_ok());
    for (header, needle) in [
        (
            ",2020,Note,2022,Total",
            "year 2022 after the year columns ended at column 3 ('Note')",
        ),
        (",2020,1901,2022,Total", "year 1901 follows 2020"),
        (
            ",2020,2021,2022,2023",
            "the year columns run 2020-2023 but the title says 2020-2022",
        ),
        (",2020,2021,2022,", "has no header: it should be the total"),
        (",2020,2021,2021,Total", "year 2021 heads columns 3 and 4"),
    ] {
        let e = read(t(header, rows).as_bytes(), &opts()).expect_err(header);
        assert_eq!(e.line, 2, "{e}");
        assert!(e.reason.contains(needle), "{header}: {e}");
    }
    let after = "India,1,2,3,6\nTotal,1,2,3,6\nChina,1,1,1,3\n";
    let e = read(t(",2020,2021,2022,Total", after).as_bytes(), &opts()).expect_err("after");
    assert_eq!(e.line, 5, "{e}");
    assert!(
        e.reason.contains("after the table's total row (line 4)"),
        "{e}"
    );
    let world = "Volume\nExports by,2020,2021,2020-2021\nRussia,1,2,3\nTotal world export,1,2,3\n";
    assert!(read(world.as_bytes(), &opts()).is_ok());
    let twice = format!("{world}Total world export,9,9,18\n");
    let e = read(twice.as_bytes(), &opts()).expect_err("two world totals");
    assert!(e.reason.contains("a second total row"), "{e}");
    // The release covers the header's years, not only those with a flow
    // (regression: New Zealand's 1950-2021 table "covered 1967-2018"); a
    // world total left empty is a year not yet published.
    let (rel, _) = read(
        t(",2020,2021,2022,Total", "India,,2,,2\nTotal,,2,,2\n").as_bytes(),
        &opts(),
    )
    .expect("reads");
    assert_eq!(
        (rel.meta.first_year, rel.meta.last_year),
        (Some(2020), Some(2022))
    );
    let unpublished =
        "Volume\nExports by,2020,2021,2020-2021\nRussia,1,,1\nTotal world export,1,,1\n";
    let (rel, _) = read(unpublished.as_bytes(), &opts()).expect("reads");
    assert_eq!(
        (rel.meta.first_year, rel.meta.last_year),
        (Some(2020), Some(2020))
    );
    let wrong = world.replace("Exports by", "Recipient");
    let e = read(wrong.as_bytes(), &opts()).expect_err("wrong side");
    assert!(
        e.reason.contains("closes a table of the other direction"),
        "{e}"
    );
}

/// A legacy register or a TIV table with another export appended: refused
/// at the line where it begins, also when bad rows are skipped.
#[test]
fn another_export_appended_to_a_legacy_register_or_a_table() {
    let table = "\"TIV of arms exports from Kazakhstan, 2019-2021\",,,,\n\
                 Generated: 28 July 2022,,,,\n\
                 ,2019,2020,2021,Total\n\
                 Russia,3,6,,9\n\
                 Total,3,6,,9\n";
    let legacy = leg(&[LEG_GOOD]);
    for (first, line) in [(table, 6), (legacy.as_str(), 4)] {
        let joined = format!(
            "{first}Transfers of major conventional arms: test\r\nData generated: 1 Jan 2025\r\n\
             {REG_HEADER}\r\n{GOOD}\r\n"
        );
        for skip in [false, true] {
            let o = ReadOptions {
                file_name: "bad.csv".into(),
                skip_bad_rows: skip,
            };
            let e = read(joined.as_bytes(), &o).expect_err("must fail");
            assert_eq!(e.line, line, "{e}");
            assert!(e.reason.contains("another SIPRI export"), "{e}");
        }
    }
}

/// What the import finds wrong with a table goes into the release's caveats,
/// which every answer carries (regressions of the hostile-files probe: a world
/// table cut before its "Total world" row counted its unpublished last year
/// as data; a cell contradicting the totals answered without a word).
#[test]
fn table_caveats_travel_with_the_release() {
    let head = "Volume\nData generated: 13 Oct 2024 12:33:29 PM\nExports by,2021,2022,2023,2024,2021-2024\n";
    // Whole: no caveat, the empty 2024 is not published.
    let whole = format!("{head}Russia,1,2,3,,6\nFrance,1,1,1,,3\nTotal world export,2,3,4,,9\n");
    let (rel, _) = read(whole.as_bytes(), &opts()).expect("reads");
    assert!(rel.meta.caveats.is_empty(), "{:?}", rel.meta.caveats);
    assert_eq!(rel.meta.last_year, Some(2023));
    // Cut short: the years with a value, and a caveat.
    let cut = format!("{head}Russia,1,2,3,,6\n");
    let (rel, report) = read(cut.as_bytes(), &opts()).expect("reads");
    assert_eq!(
        (rel.meta.first_year, rel.meta.last_year),
        (Some(2021), Some(2023))
    );
    assert_eq!(rel.meta.caveats.len(), 1, "{:?}", rel.meta.caveats);
    assert!(rel.meta.caveats[0].contains("no 'Total world' row"));
    assert!(report.warnings.contains(&rel.meta.caveats[0]));
    // A cell that contradicts its row total and the world total.
    let edited = format!("{head}Russia,1,99,3,,6\nFrance,1,1,1,,3\nTotal world export,2,3,4,,9\n");
    let (rel, _) = read(edited.as_bytes(), &opts()).expect("reads");
    assert_eq!(rel.meta.caveats.len(), 1, "{:?}", rel.meta.caveats);
    assert!(
        rel.meta.caveats[0].contains("contradict its own totals in 2 places"),
        "{:?}",
        rel.meta.caveats
    );
}

//! SIPRI files saved again by other programs read to the release their
//! originals give: with CSV quotes (R's `write.csv` quotes text cells,
//! LibreOffice can quote every cell; SIPRI's exports hold no quote, and what
//! quotes cannot express here is refused with a reason), with `;;;;` line
//! ends (a spreadsheet that took each line for one cell), without the
//! preamble and with a BOM.

use crate::stream::{same, write_tmp};
use model::{ImportReport, Release};
use sipri::ReadOptions;

/// How the cells of the header and the rows below it are quoted.
#[derive(Clone, Copy, Debug)]
enum Quote {
    /// Cells that are not numbers (R's `write.csv`).
    Text,
    /// Every cell, empty ones too.
    All,
}

/// `text` with the cells of line `header` (1-based) and those after it in
/// quotes, padding commas and a trailing `;` kept as they were. Lines with
/// another number of cells than the header are left alone: the legacy
/// register splits four records over two lines, which another program
/// would have read as it could.
fn quoted(text: &str, header: usize, how: Quote) -> String {
    let width = text
        .lines()
        .nth(header - 1)
        .map_or(0, |l| l.split(',').count());
    let mut out = String::new();
    for (i, line) in text.split_inclusive('\n').enumerate() {
        let body = line.trim_end_matches(['\n', '\r']);
        let end = &line[body.len()..];
        let (body, semi) = match body.strip_suffix(';') {
            Some(b) => (b, ";"),
            None => (body, ""),
        };
        if i + 1 < header || body.trim().is_empty() || body.split(',').count() != width {
            out.push_str(line);
            continue;
        }
        assert!(!body.contains('"'), "a SIPRI file holds no quotes");
        // A program reading the file as CSV keeps the stray `;` in the last
        // cell (R's write.csv then quotes it, `"No;"`).
        let (body, semi) = match how {
            Quote::All => (&line[..body.len() + semi.len()], ""),
            Quote::Text => (body, semi),
        };
        let cells: Vec<String> = body
            .split(',')
            .map(|c| match how {
                Quote::Text if c.is_empty() || c.trim().parse::<f64>().is_ok() => c.to_string(),
                _ => format!("\"{c}\""),
            })
            .collect();
        out.push_str(&cells.join(","));
        out.push_str(semi);
        out.push_str(end);
    }
    out
}

fn read(bytes: &[u8], skip: bool) -> Result<(Release, ImportReport), String> {
    let opts = ReadOptions {
        file_name: "q.csv".into(),
        skip_bad_rows: skip,
    };
    sipri::read(bytes, &opts).map_err(|e| e.to_string())
}

/// The two releases hold the same data: everything but the file's hash.
fn assert_same_data(a: &(Release, ImportReport), b: &(Release, ImportReport), what: &str) {
    let (mut ra, mut rb) = (a.0.clone(), b.0.clone());
    for m in [&mut ra.meta, &mut rb.meta] {
        m.sha256.clear();
        m.id.clear();
    }
    assert_eq!(ra.meta, rb.meta, "{what}: meta");
    assert_eq!(ra.entities, rb.entities, "{what}: entities");
    assert_eq!(ra.deals, rb.deals, "{what}: deals");
    assert_eq!(ra.flows, rb.flows, "{what}: flows");
    assert_eq!(ra.world_totals, rb.world_totals, "{what}: world totals");
    assert_eq!(a.1, b.1, "{what}: report");
}

/// The SYNTHETIC register of `seed` (scale 1), as text.
fn synthetic(seed: u64) -> String {
    let mut v = Vec::new();
    sipri::synth::write_register(&mut v, 1, seed).unwrap();
    String::from_utf8(v).unwrap()
}

fn header_line(text: &str, first_cell: &str) -> usize {
    1 + text
        .lines()
        .position(|l| l.starts_with(first_cell))
        .expect("a header")
}

#[test]
fn a_quoted_register_reads_as_the_original() {
    let text = synthetic(5);
    let h = header_line(&text, "SIPRI AT Database ID");
    let plain = read(text.as_bytes(), false).expect("the synthetic register");
    for how in [Quote::Text, Quote::All] {
        let q = quoted(&text, h, how);
        assert!(q.contains("\"SIPRI AT Database ID\""));
        let got = read(q.as_bytes(), false).unwrap_or_else(|e| panic!("{how:?}: {e}"));
        assert_same_data(&plain, &got, &format!("{how:?}"));
        // The streaming reader too (in small chunks, through scratch files).
        let path = write_tmp("quoted.csv", q.as_bytes());
        same(q.as_bytes(), &path, false).expect("streamed");
        let _ = std::fs::remove_file(path);
    }
}

/// A quoted cell may hold a comma; a quote inside one, or a line break, is
/// refused at its line with the reason (and skipped when bad rows are).
#[test]
fn quoted_cells_with_commas_and_what_is_refused() {
    let row = |designation: &str, id: u32| {
        format!(
            "{id},Russia,Kazakhstan,{designation},tank,Armoured vehicles,2019,Yes,2,No,2020,No,New,1,1,2,No"
        )
    };
    let head = "Transfers of major conventional arms\nSYNTHETIC test file\n\
        Data generated: 3 Mar 2025 1:02:03 PM\n";
    let header = crate::formats::REG_HEADER;
    let text = format!(
        "{head}{header}\n{}\n{}\n{}\n{}\n",
        row(r#""T-72B3, modernised""#, 1),
        row(r#""T-90 ""Vladimir""""#, 2),
        row(r#""BMP-3"#, 3),
        row("BTR-82A", 4),
    );
    let (rel, rep) = read(text.as_bytes(), true).expect("with skipping");
    assert_eq!(rel.deals.len(), 2);
    assert_eq!(rel.deals[0].designation, "T-72B3, modernised");
    assert_eq!(rel.deals[1].designation, "BTR-82A");
    let reasons: Vec<(u64, &str)> = rep
        .rejected
        .iter()
        .map(|r| (r.line, r.reason.as_str()))
        .collect();
    assert_eq!(reasons.len(), 2, "{reasons:?}");
    assert_eq!(reasons[0].0, 6);
    assert!(
        reasons[0].1.contains("a quote inside a quoted cell"),
        "{reasons:?}"
    );
    assert_eq!(reasons[1].0, 7);
    assert!(
        reasons[1].1.contains("does not end on its line"),
        "{reasons:?}"
    );
    let err = read(text.as_bytes(), false).unwrap_err();
    assert!(
        err.starts_with("q.csv:6: cell 4: a quote inside a quoted cell"),
        "{err}"
    );
}

#[test]
fn quoted_legacy_register_and_tables_read_as_the_originals() {
    let files = [
        (testkit::LEGACY_2025, "Recipient"),
        (
            "data/sipri/mjhofmann-tiv-tables-2024/import-export-values_1950-2024.csv",
            "Recipient",
        ),
        (
            "data/sipri/360info-tiv-2022/TIV-Export-1950-2021/TIV-Export-RUS-1950-2021.csv",
            ",1950",
        ),
    ];
    for (rel, first) in files {
        let test = "quoted_legacy_register_and_tables_read_as_the_originals";
        let Some(bytes) = testkit::shared_bytes(test, rel) else {
            return;
        };
        let plain = read(&bytes, false).unwrap_or_else(|e| panic!("{rel}: {e}"));
        // Quotes go in after decoding (the legacy file is Latin-1).
        let text = match std::str::from_utf8(&bytes) {
            Ok(t) => t.to_string(),
            Err(_) => bytes.iter().map(|&b| b as char).collect(),
        };
        let h = header_line(&text, first);
        for how in [Quote::Text, Quote::All] {
            let q = quoted(&text, h, how);
            let got = read(q.as_bytes(), false).unwrap_or_else(|e| panic!("{rel} {how:?}: {e}"));
            let mut want = plain.clone();
            // Re-encoded as UTF-8: only the encoding differs in the report.
            want.1.encoding = got.1.encoding.clone();
            assert_same_data(&want, &got, &format!("{rel} {how:?}"));
        }
    }
}

/// A legacy record whose quoted Comments hold commas counts its cells as
/// CSV does (not its commas), so it is not taken for a broken record.
#[test]
fn a_quoted_legacy_comment_may_hold_commas() {
    let leg = crate::formats::LEG_HEADER;
    let text = format!(
        "Transfers of major conventional arms\nSYNTHETIC test file\n\
         Data generated: 3 Mar 2025 1:02:03 PM\n{leg}\n\
         Croatia,France,2021,,12,,Rafale,FGA aircraft,8,,2023; 2024,Second hand,\
         \"EUR999 m deal, F3-R version\",22,264,176\n"
    );
    let (rel, rep) = read(text.as_bytes(), false).expect("reads");
    assert_eq!((rep.rows_read, rep.rows_repaired), (1, 0));
    assert_eq!(rel.deals[0].comments, "EUR999 m deal, F3-R version");
}

/// `text` with `;;;;;;` at the end of every line, as a spreadsheet that read
/// each line as one cell of a `;`-separated table saves it.
fn semicolons(text: &str) -> String {
    text.split_inclusive('\n')
        .map(|l| {
            let body = l.trim_end_matches(['\n', '\r']);
            format!("{body};;;;;;{}", &l[body.len()..])
        })
        .collect()
}

#[test]
fn lines_ending_in_many_semicolons_read_as_the_original() {
    let text = synthetic(9);
    let plain = read(text.as_bytes(), false).expect("the synthetic register");
    let got = read(semicolons(&text).as_bytes(), false).expect("with ;;;;");
    assert_same_data(&plain, &got, "register");
    let test = "lines_ending_in_many_semicolons_read_as_the_original";
    let Some(bytes) = testkit::shared_bytes(test, testkit::LEGACY_2025) else {
        return;
    };
    let plain = read(&bytes, false).expect("the legacy register");
    let text: String = bytes.iter().map(|&b| b as char).collect();
    let mut got = read(semicolons(&text).as_bytes(), false).expect("legacy with ;;;;");
    got.1.encoding = plain.1.encoding.clone();
    assert_same_data(&plain, &got, "legacy register");
}

/// The legacy register without its preamble and with a UTF-8 BOM, its four
/// records split over two lines as they are, or (as in a copy seen
/// published) each of their lines padded to 16 cells by the program that
/// saved it: the same deals and flows, as an undated release.
#[test]
fn a_legacy_register_without_preamble_reads_its_rows() {
    let test = "a_legacy_register_without_preamble_reads_its_rows";
    let Some(bytes) = testkit::shared_bytes(test, testkit::LEGACY_2025) else {
        return;
    };
    let plain = read(&bytes, false).expect("the legacy register");
    let text: String = bytes.iter().map(|&b| b as char).collect();
    let h = header_line(&text, "Recipient,Supplier");
    let rest: String = text.split_inclusive('\n').skip(h - 1).collect();
    let padded: String = rest
        .split_inclusive('\n')
        .map(|l| {
            let body = l.trim_end_matches(['\n', '\r']);
            let pad = 16usize.saturating_sub(body.split(',').count());
            format!("{body}{}{}", ",".repeat(pad), &l[body.len()..])
        })
        .collect();
    // The lines of the deals, counted without the preamble.
    let mut deals = plain.0.deals.clone();
    for d in &mut deals {
        d.line -= (h - 1) as u32;
    }
    for (what, rest) in [("as split", rest), ("padded", padded)] {
        let copy = [b"\xEF\xBB\xBF".as_slice(), rest.as_bytes()].concat();
        let (rel, rep) = read(&copy, false).unwrap_or_else(|e| panic!("{what}: {e}"));
        let id = &rel.meta.id;
        assert!(id.starts_with("undated-legacy_register-"), "{what}: {id}");
        assert_eq!(rel.entities, plain.0.entities, "{what}");
        assert!(rel.deals == deals, "{what}: deals differ");
        assert_eq!(rel.flows, plain.0.flows, "{what}");
        let counts = |r: &ImportReport| (r.rows_read, r.rows_imported, r.rows_repaired);
        assert_eq!(counts(&rep), counts(&plain.1), "{what}");
        assert!(rep.rejected.is_empty(), "{what}");
    }
}

/// A copy saved by pandas (`read_csv` then `to_csv`): no preamble, and the
/// whole numbers of columns with empty cells written as floats (`2011.0`,
/// `12.0`), which are the same numbers. A real fraction stays an error.
#[test]
fn whole_numbers_written_as_floats_read_as_whole_numbers() {
    let text = synthetic(4);
    let h = header_line(&text, "SIPRI AT Database ID");
    let floats: String = text
        .split_inclusive('\n')
        .skip(h - 1)
        .enumerate()
        .map(|(i, l)| {
            let body = l.trim_end_matches(['\n', '\r']);
            let body = body.strip_suffix(';').unwrap_or(body);
            if i == 0 {
                return format!("{body}\n");
            }
            let cells: Vec<String> = body
                .split(',')
                .enumerate()
                .map(|(k, c)| match k {
                    0 | 6 | 8 | 10 if !c.is_empty() => format!("{c}.0"),
                    _ => c.to_string(),
                })
                .collect();
            format!("{}\n", cells.join(","))
        })
        .collect();
    let plain: String = text.split_inclusive('\n').skip(h - 1).collect();
    let want = read(plain.as_bytes(), false).expect("without preamble");
    let got = read(floats.as_bytes(), false).expect("floats");
    assert!(floats.contains(",2011.0,") || floats.contains(".0,"));
    assert_same_data(&want, &got, "floats");
    let half = floats.replacen(".0,", ".5,", 1);
    let err = read(half.as_bytes(), false).unwrap_err();
    assert!(err.contains("is not a number"), "{err}");
}

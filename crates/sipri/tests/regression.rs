//! Regression tests for issue #12 (hostile and careless input), one per
//! finding, keyed by a short description. Every value here is invented.

use sipri::{ReadOptions, read};

use crate::formats::{LEG_HEADER, REG_HEADER};

pub(crate) const GOOD: &str =
    "1,Russia,Kazakhstan,X,tank,Armoured vehicles,2019,Yes,2,No,2020,No,New,1,1,2,No";

pub(crate) fn opts() -> ReadOptions {
    ReadOptions {
        file_name: "hostile.csv".into(),
        skip_bad_rows: false,
    }
}

/// Register with a 2-line preamble: header at line 3, data from line 4.
pub(crate) fn reg_dated(date: &str, rows: &[&str]) -> String {
    reg_titled("Title", date, rows)
}

/// [`reg_dated`] with SIPRI's title line `title` (which may scope the file).
pub(crate) fn reg_titled(title: &str, date: &str, rows: &[&str]) -> String {
    let mut s = format!("{title};\nData generated: {date};\n{REG_HEADER};\n");
    for r in rows {
        s.push_str(r);
        s.push_str(";\n");
    }
    s
}

pub(crate) fn reg(rows: &[&str]) -> String {
    reg_dated("12 Feb 2026 12:26:12 PM", rows)
}

/// Asserts the read fails as `hostile.csv:<line>: …<needle>…`.
fn fails(bytes: &[u8], line: u64, needle: &str) -> String {
    let e = read(bytes, &opts()).expect_err("must fail");
    let msg = e.to_string();
    assert_eq!(e.line, line, "{msg}");
    assert!(msg.contains(needle), "{msg}");
    assert!(msg.starts_with(&format!("hostile.csv:{line}: ")), "{msg}");
    msg
}

#[test]
fn huge_tiv_values_are_rejected_with_file_line() {
    for v in ["1e308", "1e7", "1000001", "inf", "NaN", "-0.5"] {
        let row = GOOD.replace(",1,1,2,No", &format!(",1,1,{v},No"));
        fails(reg(&[GOOD, &row]).as_bytes(), 5, "TIV");
        let unit = GOOD.replace(",1,1,2,No", &format!(",{v},1,2,No"));
        fails(reg(&[&unit]).as_bytes(), 4, "TIV");
    }
    // Two cells that would sum to infinity.
    let t = "Title\nRecipient,2020,2021,2020-2021\nKazakhstan,1e308,1e308,\n";
    fails(t.as_bytes(), 3, "implausibly large");
    let legacy =
        format!("Title\n{LEG_HEADER}\nKazakhstan,Russia,2017,,10,,X,APC,7,,2018,New,,1,10,1e308\n");
    fails(legacy.as_bytes(), 3, "implausibly large");
    // The limit itself is accepted, and SIPRI-sized values of course.
    let row = GOOD.replace(",1,1,2,No", ",1,1,1000000,No");
    let (_, rep) = read(reg(&[&row]).as_bytes(), &opts()).unwrap();
    assert_eq!(rep.tiv_total, 1e6);
    assert!(serde_json::to_string(&rep).unwrap().contains("1000000"));
}

/// Units beyond u32 or the store's 32-bit columns failed late (at store
/// write, without a line) or overflowed a deal's sum.
#[test]
fn huge_unit_counts_are_rejected_with_file_line() {
    for v in ["10000001", "4294967296", "99999999999999999999999"] {
        let row = GOOD.replace(",Yes,2,No,2020,", &format!(",Yes,{v},No,2020,"));
        fails(reg(&[&row]).as_bytes(), 4, "implausibly many");
    }
    let row = GOOD.replace(",Yes,2,No,2020,", ",Yes,10000000,No,2020,");
    let (rel, _) = read(reg(&[&row]).as_bytes(), &opts()).unwrap();
    assert_eq!(rel.flows.units, [10_000_000]);
}

/// The API showed the importer's absolute path as the release's source file.
#[test]
fn stored_source_file_is_a_name_not_a_path() {
    let o = ReadOptions {
        file_name: "/home/someone/secret/dir/register.csv".into(),
        skip_bad_rows: false,
    };
    let (rel, rep) = read(reg(&[GOOD]).as_bytes(), &o).unwrap();
    assert_eq!(rel.meta.source_file, "register.csv");
    assert_eq!(rep.file, "register.csv");
    let e = read(b"x", &o).unwrap_err();
    assert_eq!(e.file, "/home/someone/secret/dir/register.csv");
}

#[test]
fn data_generated_must_be_a_real_past_date() {
    let msg = fails(
        reg_dated("31 Feb 2026", &[GOOD]).as_bytes(),
        2,
        "not a real calendar date",
    );
    assert!(msg.contains("31 Feb 2026"), "{msg}");
    fails(
        reg_dated("1 Jan 2099", &[GOOD]).as_bytes(),
        2,
        "in the future",
    );
    fails(reg_dated("yesterday", &[GOOD]).as_bytes(), 2, "not a date");
    // A real date, outside the range (hostile-files probe: "not a real
    // calendar date" for 17 Feb 1899).
    fails(
        reg_dated("17 Feb 1899", &[GOOD]).as_bytes(),
        2,
        "is outside 1900-2100",
    );
    fails(
        reg_dated("0 Mar 2020", &[GOOD]).as_bytes(),
        2,
        "not a real calendar date",
    );
    let (rel, _) = read(
        reg_dated("29 Feb 2024 1:00:00 AM", &[GOOD]).as_bytes(),
        &opts(),
    )
    .unwrap();
    assert_eq!(rel.meta.generated.as_deref(), Some("2024-02-29"));
}

/// A delivery in 2099 in a file generated in 2026 is no delivery SIPRI
/// recorded; accepting it made windows past the data look filled.
#[test]
fn years_after_data_generated_are_rejected() {
    let late = GOOD.replace(",2020,No,", ",2027,No,");
    fails(reg(&[GOOD, &late]).as_bytes(), 5, "2027 is after 2026");
    let order = GOOD.replace(",2019,Yes,", ",2099,Yes,");
    fails(
        reg(&[&order]).as_bytes(),
        4,
        "Order date: 2099 is after 2026",
    );
    let edge = GOOD.replace(",2020,No,", ",2026,No,");
    read(reg(&[&edge]).as_bytes(), &opts()).unwrap();
    let legacy = format!(
        "Title\n{LEG_HEADER}\nKazakhstan,Russia,2017,,10,,X,APC,7,,2018; 2099,New,,1,10,7\n"
    );
    fails(legacy.as_bytes(), 3, "2099 is after");
    let table =
        "Title\nData generated: 1 Mar 2024\nRecipient,2024,2025,2024-2025\nKazakhstan,1,2,3\n";
    fails(table.as_bytes(), 3, "2025 is after 2024");
}

#[test]
fn repeated_deal_id_with_conflicting_values_names_both_lines_and_fields() {
    let other = GOOD
        .replace(",X,tank,", ",Y,tank,")
        .replace(",2020,No,", ",2021,No,");
    let msg = fails(reg(&[GOOD, &other]).as_bytes(), 5, "line 4");
    assert!(
        msg.contains("deal 1") && msg.contains("Designation 'Y' here, 'X' there"),
        "{msg}"
    );
    // Same delivery year, other TIV.
    let again = GOOD.replace(",1,1,2,No", ",1,1,5,No");
    let msg = fails(reg(&[GOOD, &again]).as_bytes(), 5, "line 4");
    assert!(
        msg.contains("delivery year 2020")
            && msg.contains("TIV delivery values '5' here, '2' there"),
        "{msg}"
    );
    // An exact repeat would count twice.
    fails(reg(&[GOOD, GOOD]).as_bytes(), 5, "repeats line 4");
    // With --skip-bad-rows the conflicting row is listed, never merged silently.
    let o = ReadOptions {
        skip_bad_rows: true,
        ..opts()
    };
    let (rel, rep) = read(reg(&[GOOD, &again]).as_bytes(), &o).unwrap();
    assert_eq!(rep.rejected.len(), 1);
    assert_eq!(rep.rejected[0].line, 5);
    assert_eq!(rel.flows.len(), 1);
    // Rows of one deal in other years are still one deal.
    let next = GOOD.replace(",2020,No,", ",2021,No,");
    let (rel, _) = read(reg(&[GOOD, &next]).as_bytes(), &opts()).unwrap();
    assert_eq!(rel.deals.len(), 1);
    assert_eq!(rel.flows.len(), 2);
}

#[test]
fn foreign_formats_are_diagnosed_by_magic_bytes() {
    fails(b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03", 1, "gzip");
    fails(
        b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00[Content_Types].xml xl/workbook.xml",
        1,
        "Excel workbook",
    );
    fails(b"PK\x03\x04\x14\x00\x00\x00register.csv", 1, "zip archive");
    fails(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", 1, "PDF");
    fails(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\0\0", 1, "legacy Excel");
    let page = b"<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head></html>";
    fails(page, 1, "HTML page titled '502 Bad Gateway'");
    for b in [&b"\x1f\x8b\x08"[..], b"PK\x03\x04", b"%PDF-1.4", page] {
        assert_eq!(sipri::detect(b), None);
    }
}

fn utf16le(s: &str, bom: bool) -> Vec<u8> {
    let mut out = if bom { vec![0xff, 0xfe] } else { Vec::new() };
    out.extend(s.encode_utf16().flat_map(u16::to_le_bytes));
    out
}

#[test]
fn utf16_files_are_decoded() {
    let text = reg(&[GOOD]).replace('\n', "\r\n");
    let (plain, _) = read(text.as_bytes(), &opts()).unwrap();
    for bom in [true, false] {
        let bytes = utf16le(&text, bom);
        let (rel, rep) = read(&bytes, &opts()).unwrap_or_else(|e| panic!("bom {bom}: {e}"));
        assert_eq!(rep.encoding, "utf-16le");
        assert_eq!(rel.flows, plain.flows);
        assert_eq!(rel.meta.generated, plain.meta.generated);
    }
    let mut be = vec![0xfe, 0xff];
    be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    assert_eq!(read(&be, &opts()).unwrap().1.encoding, "utf-16be");
    // A cut-off UTF-16 file (odd byte count) is an error with the fix.
    let mut cut = utf16le(&text, true);
    cut.pop();
    fails(&cut, 4, "re-save the file as CSV UTF-8");
}

#[test]
fn cr_only_line_endings_are_read() {
    let text = reg(&[GOOD, &GOOD.replace(",2020,No,", ",2021,No,")]);
    let (plain, _) = read(text.as_bytes(), &opts()).unwrap();
    let mac = text.replace('\n', "\r");
    let (rel, rep) = read(mac.as_bytes(), &opts()).expect("CR-only file reads");
    assert_eq!(rel.flows, plain.flows);
    assert_eq!(rep.lines, 5);
    assert!(
        rep.warnings.iter().any(|w| w.contains("bare CR")),
        "{:?}",
        rep.warnings
    );
    // Line numbers in errors count CR-ended lines.
    let bad = reg(&[GOOD, "2,Russia"]).replace('\n', "\r");
    fails(bad.as_bytes(), 5, "fields");
}

#[test]
fn control_characters_in_names_never_reach_a_terminal() {
    let row = GOOD
        .replace("Russia", "Evil\u{1b}]0;owned\u{7}\u{1b}[2J")
        .replace(",tank,", ",tank\u{9b}31m\u{202E},");
    let (rel, rep) = read(reg(&[&row]).as_bytes(), &opts()).unwrap();
    for (_, e) in rel.entities.iter() {
        assert!(!e.name.chars().any(char::is_control), "{:?}", e.name);
        assert!(!e.key.chars().any(char::is_control), "{:?}", e.key);
    }
    assert!(!rel.deals[0].description.chars().any(char::is_control));
    assert!(
        rep.warnings
            .iter()
            .any(|w| w.contains("5 control characters")),
        "{:?}",
        rep.warnings
    );
    assert!(
        rep.unresolved
            .iter()
            .all(|u| !u.name.chars().any(char::is_control))
    );
}

/// Regression (hostile-file probe): a zero-width space or a BOM inside a
/// name made a second "Australia" that printed exactly like the first; a
/// soft hyphen a second "Kazakhstan" (probe 32).
#[test]
fn invisible_characters_in_names_are_replaced() {
    for bad in [
        "Rus\u{200B}sia",
        "\u{FEFF}Russia",
        "Rus\u{2060}sia",
        "Rus\u{AD}sia",
        "Rus\u{34F}sia",
    ] {
        let (rel, rep) = read(reg(&[&GOOD.replace("Russia", bad)]).as_bytes(), &opts()).unwrap();
        let names: Vec<&str> = rel.entities.iter().map(|(_, e)| e.name.as_str()).collect();
        assert!(names.iter().any(|n| n.contains('\u{FFFD}')), "{names:?}");
        assert!(
            rep.warnings
                .iter()
                .any(|w| w.contains("1 control characters")),
            "{:?}",
            rep.warnings
        );
    }
}

/// Regression (hostile-file probe): "data generated:" in lower case gave an
/// undated release without a word; a second, different "Data generated"
/// line silently won; a file without one was undated without a warning.
#[test]
fn data_generated_lines_any_case_once_or_warned() {
    let lower = reg(&[GOOD]).replace("Data generated:", "data generated:");
    let (rel, _) = read(lower.as_bytes(), &opts()).unwrap();
    assert_eq!(
        rel.meta.generated.as_deref(),
        Some("2026-02-12"),
        "{:?}",
        rel.meta
    );
    let two = reg(&[GOOD]).replace("Title;\n", "Title;\nData generated: 1 Jan 2025;\n");
    let e = read(two.as_bytes(), &opts()).expect_err("two dates");
    assert!(e.reason.contains("contradicts line 2"), "{e}");
    let none = reg(&[GOOD]).replace("Data generated: 12 Feb 2026 12:26:12 PM;\n", "");
    let (rel, rep) = read(none.as_bytes(), &opts()).unwrap();
    assert!(rel.meta.generated.is_none());
    assert!(
        rep.warnings
            .iter()
            .any(|w| w.contains("no 'Data generated' date")),
        "{:?}",
        rep.warnings
    );
}

/// Regression (hostile-file probe): an emptied TIV of delivered weapons
/// counted 0 without a word (a `0` warned); an empty unit count left the
/// TIV unchecked, silently.
#[test]
fn empty_tiv_or_units_beside_the_other_two_warn() {
    let legacy = format!(
        "Title\n{LEG_HEADER}\nKazakhstan,Russia,2017,,10,,X,APC,7,,2018; 2019,New,,1,10,\n"
    );
    let (_, rep) = read(legacy.as_bytes(), &opts()).unwrap();
    assert!(
        rep.warnings
            .iter()
            .any(|w| w
                .contains("SIPRI TIV of delivered weapons is empty though Number delivered is 7")),
        "{:?}",
        rep.warnings
    );
    let no_units = GOOD.replace(",Yes,2,No,", ",Yes,,No,");
    let (_, rep) = read(reg(&[&no_units]).as_bytes(), &opts()).unwrap();
    assert!(
        rep.warnings
            .iter()
            .any(|w| w.contains("Numbers delivered is empty, so TIV delivery values 2")),
        "{:?}",
        rep.warnings
    );
}

/// Regression (hostile-file probe): one Latin-1 byte in a UTF-8 file made
/// the whole file Latin-1, its UTF-8 names mojibake ("TÃ¼rkiye", another
/// entity). A file that mixes the two is refused at its first UTF-8 line;
/// a plain Latin-1 file is read as before.
#[test]
fn mixed_utf8_and_latin1_is_refused() {
    let mut bytes = reg(&[GOOD, &GOOD.replace("1,Russia", "2,T\u{fc}rkiye")]).into_bytes();
    bytes.extend_from_slice(
        b"3,Russia,Kazakhstan,X \xb1,tank,Armoured vehicles,2019,Yes,2,No,2020,No,New,1,1,2,No;\n",
    );
    let e = read(&bytes, &opts()).expect_err("mixed");
    assert_eq!(e.line, 5, "{e}");
    assert!(e.reason.contains("it mixes two encodings"), "{e}");
    let mut plain = reg(&[GOOD]).into_bytes();
    plain.extend_from_slice(
        b"3,Russia,Kazakhstan,X \xb1,tank,Armoured vehicles,2019,Yes,2,No,2020,No,New,1,1,2,No;\n",
    );
    let (_, rep) = read(&plain, &opts()).expect("latin-1 alone");
    assert_eq!(rep.encoding, "latin-1");
}

mod fetch_retry_after {
    use sipri::fetch::{FetchConfig, FetchError, FetchEvent, fetch_register};
    use std::time::Duration;
    use testkit::mock::{MockBackend, Reply};

    fn config(base_url: String, retries: u32) -> FetchConfig {
        FetchConfig {
            base_url,
            timeout: Duration::from_secs(5),
            retries,
            backoff: Duration::from_millis(10),
            from_year: 2000,
            to_year: 2024,
            ..FetchConfig::default()
        }
    }

    /// `fetch` ignored `Retry-After` and retried after its own 10 ms.
    #[test]
    fn fetch_honours_retry_after() {
        let busy = Reply::html(503, "Busy").header("Retry-After", "1");
        let m = MockBackend::start(vec![busy]);
        let mut events = Vec::new();
        let r = fetch_register(&config(m.base_url(), 1), &mut |e| events.push(e));
        let delays: Vec<Duration> = events
            .iter()
            .filter_map(|e| match e {
                FetchEvent::Retrying { delay, .. } => Some(*delay),
                _ => None,
            })
            .collect();
        assert_eq!(delays, [Duration::from_secs(1)]);
        let e = r.unwrap_err();
        assert!(matches!(e, FetchError::Server { status: 503, .. }), "{e}");
        assert!(e.to_string().contains("retry after 1 s"), "{e}");
        assert_eq!(m.register_requests().len(), 2);
    }

    /// A server asking for an hour is not retried in a loop: one request, and
    /// the error says how long it asked for.
    #[test]
    fn fetch_gives_up_on_a_long_retry_after() {
        let busy = Reply::html(503, "Busy").header("Retry-After", "3600");
        let m = MockBackend::start(vec![busy]);
        let r = fetch_register(&config(m.base_url(), 3), &mut |_| {});
        let e = r.unwrap_err().to_string();
        assert!(e.contains("retry after 3600 s"), "{e}");
        assert_eq!(m.register_requests().len(), 1);
    }
}

/// Rows rejected under `--skip-bad-rows` and deliveries in the year the file
/// was generated become caveats of the release, which every answer carries
/// (regressions of the hostile-files probe: a release missing a rejected row
/// answered as complete; one 2025 row in a Feb-2025 file moved the default
/// window to 2021-2025, "complete").
#[test]
fn rejected_rows_and_a_year_under_way_are_caveats() {
    let bad = GOOD.replace(",2020,No,", ",20x0,No,");
    let text = reg(&[GOOD, &bad]);
    let skip = ReadOptions {
        skip_bad_rows: true,
        ..opts()
    };
    let (rel, report) = read(text.as_bytes(), &skip).expect("reads");
    assert_eq!(report.rejected.len(), 1);
    assert_eq!(rel.meta.caveats.len(), 1, "{:?}", rel.meta.caveats);
    assert!(rel.meta.caveats[0].contains("1 row of the source file was rejected at import"));
    let (rel, _) = read(reg(&[GOOD]).as_bytes(), &opts()).expect("reads");
    assert!(rel.meta.caveats.is_empty(), "{:?}", rel.meta.caveats);
    let under_way = reg_dated("17 Feb 2020 10:00:00 AM", &[GOOD]);
    let (rel, report) = read(under_way.as_bytes(), &opts()).expect("reads");
    assert_eq!(rel.meta.caveats.len(), 1, "{:?}", rel.meta.caveats);
    assert!(rel.meta.caveats[0].contains("deliveries dated 2020, the year the file was generated"));
    assert!(report.warnings.contains(&rel.meta.caveats[0]));
}

/// A register's rows against its title's scope (regressions of the
/// hostile-files probe): a Poland row in a download "to Ukraine" was counted
/// in no scoped figure, silently; a Ukraine-only file retitled "All
/// countries to All countries" gave Ukraine's imports as the world's.
#[test]
fn rows_outside_the_titles_scope_are_caveats() {
    let titled = |title: &str, rows: &[String]| {
        let mut s = format!("{title};\nData generated: 12 Feb 2026 12:26:12 PM;\n{REG_HEADER};\n");
        for r in rows {
            s.push_str(r);
            s.push_str(";\n");
        }
        s
    };
    let row = |id: u32, recipient: &str| {
        format!(
            "{id},Russia,{recipient},X,tank,Armoured vehicles,2009,Yes,2,No,2010,No,New,1,1,2,No"
        )
    };
    let to_ukraine = "Transfers of major conventional arms from All countries  to Ukraine  . Deals with deliveries made for the year range '2000' to '2024' ";
    let (rel, _) = read(
        titled(to_ukraine, &[row(1, "Ukraine"), row(2, "Poland")]).as_bytes(),
        &opts(),
    )
    .expect("reads");
    assert_eq!(rel.meta.caveats.len(), 1, "{:?}", rel.meta.caveats);
    assert!(
        rel.meta.caveats[0]
            .contains("rows with a recipient outside the title's scope (Ukraine): Poland (1)"),
        "{:?}",
        rel.meta.caveats
    );
    let (rel, _) =
        read(titled(to_ukraine, &[row(1, "Ukraine")]).as_bytes(), &opts()).expect("reads");
    assert!(rel.meta.caveats.is_empty(), "{:?}", rel.meta.caveats);
    let all = "Transfers of major conventional arms from All countries  to All countries . Deals with deliveries made for the year range '2000' to '2024' ";
    let one: Vec<String> = (1..=50)
        .map(|i| {
            let r = row(i, "Ukraine");
            // Two suppliers: only the recipient side is one country.
            if i % 2 == 0 {
                r.replace(",Russia,", ",France,")
            } else {
                r
            }
        })
        .collect();
    let (rel, _) = read(titled(all, &one).as_bytes(), &opts()).expect("reads");
    assert_eq!(rel.meta.caveats.len(), 1, "{:?}", rel.meta.caveats);
    assert!(rel.meta.caveats[0].contains("every row has the same recipient (Ukraine)"));
    let mut mixed = one.clone();
    mixed.push(row(51, "Poland"));
    let (rel, _) = read(titled(all, &mixed).as_bytes(), &opts()).expect("reads");
    assert!(rel.meta.caveats.is_empty(), "{:?}", rel.meta.caveats);
    // Hostile-files probe 4: the title line cut off (blank or gone), a
    // one-country download passed for the world, with no word.
    for title in ["", "Data generated: 12 Feb 2026 12:26:12 PM"] {
        let mut s = format!("{title};\n{REG_HEADER};\n");
        if title.is_empty() {
            s.insert_str(1, ";\nData generated: 12 Feb 2026 12:26:12 PM");
        }
        for r in &one {
            s.push_str(r);
            s.push_str(";\n");
        }
        let (rel, _) = read(s.as_bytes(), &opts()).expect("reads");
        assert_eq!(
            rel.meta.caveats.len(),
            1,
            "{title:?}: {:?}",
            rel.meta.caveats
        );
        assert!(
            rel.meta.caveats[0].contains("no title line")
                && rel.meta.caveats[0].contains("every row has the same recipient (Ukraine)"),
            "{:?}",
            rel.meta.caveats
        );
    }
    let mut s = format!("{REG_HEADER};\n");
    for r in &mixed {
        s.push_str(r);
        s.push_str(";\n");
    }
    let (rel, _) = read(s.as_bytes(), &opts()).expect("reads");
    assert!(rel.meta.caveats.is_empty(), "{:?}", rel.meta.caveats);
}

/// A row scaled by 1,000 together with its unit value, so that units × unit
/// still holds, is over anything SIPRI has recorded for one deal in one
/// year (at most 1,950): a warning and a caveat every answer carries
/// (hostile-files probe 5: Russia 77 % of world exports, no word).
#[test]
fn an_outsized_row_is_a_caveat() {
    // 400 units × 50 TIV = 20,000 TIV in one row.
    let row = GOOD
        .replace(",1,1,2,No", ",50,50,20000,No")
        .replace(",2,No,2020", ",400,No,2020");
    let (rel, rep) = read(reg(&[&row]).as_bytes(), &opts()).unwrap();
    assert_eq!(rep.tiv_total, 20000.0);
    assert!(
        rel.meta
            .caveats
            .iter()
            .any(|c| c.contains("over 10000 TIV for one deal in one year")),
        "{:?}",
        rel.meta.caveats
    );
    // SIPRI-sized rows say nothing.
    let (rel, _) = read(reg(&[GOOD]).as_bytes(), &opts()).unwrap();
    assert!(rel.meta.caveats.is_empty(), "{:?}", rel.meta.caveats);
}

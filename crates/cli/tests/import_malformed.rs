//! Malformed inputs: each fails with `file:line: reason`, exit code 2, and
//! leaves the data directory byte-for-byte as it was (or absent, if it was).

use crate::import_support::*;
use std::fs;
use std::path::Path;

/// (name, bytes, expected line if the test pins it).
fn cases() -> Vec<(&'static str, Vec<u8>, Option<u64>)> {
    let head = register_head();
    let reg = |rows: &[String]| -> Vec<u8> { (head.clone() + &rows.concat()).into_bytes() };
    let good = register_row(1, 2020, &[]);
    let legacy_head = "Recipient,Supplier,Year of order, ,Number ordered, ,Weapon designation,\
Weapon description,Number delivered, ,Year(s) of delivery,status,Comments,SIPRI TIV per unit,\
SIPRI TIV for total order,SIPRI TIV of delivered weapons\n";
    let legacy_good =
        "Kazakhstan,Russia,2015,,12,,TEST-2,test aircraft,8,,2018; 2019,New,,20,240,160\n";
    let mut utf16 = vec![0xFF, 0xFE];
    for u in String::from_utf8(reg(std::slice::from_ref(&good)))
        .unwrap()
        .encode_utf16()
    {
        utf16.extend_from_slice(&u.to_le_bytes());
    }
    let mut garbage: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    garbage[100] = 0;
    let semicolons = String::from_utf8(reg(std::slice::from_ref(&good)))
        .unwrap()
        .replace(',', ";")
        .into_bytes();
    let table = "Volume of transfers of major arms\nFigures are in millions.\nnote\nnote\nnote\n\n\
Source: test.\nData generated: 13 Oct 2024 12:33:29 PM\n\n\
Recipient,2021,2022,2023,2021-2023,Percentage,Sum total years,Percentage of total\n\
India,10,many,5,15,50%,15,50%\nTotal world import,10,0,5,15,100%,15,\n\n";
    vec![
        ("empty.csv", Vec::new(), Some(1)),
        ("blank.csv", b"\n\n   \n".to_vec(), Some(1)),
        ("garbage.bin", garbage, None),
        ("html.csv", b"<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head>\n<body>error</body></html>\n".to_vec(), None),
        ("json.csv", b"{\"error\": \"rate limited\"}\n".to_vec(), None),
        // UTF-16 is decoded since issue #12: cut one byte to make it malformed.
        ("utf16-odd-length.csv", utf16[..utf16.len() - 1].to_vec(), None),
        ("semicolons.csv", semicolons, None),
        ("truncated.csv", {
            let mut b = reg(std::slice::from_ref(&good));
            b.extend_from_slice(b"2,Russia,Kazakh");
            b
        }, Some(14)),
        ("header-only-truncated.csv", (head.clone() + "65442,Australia,Ukr").into_bytes(), Some(13)),
        ("missing-column.csv", reg(&[good.clone(), register_row(2, 2021, &[]).replacen(",No\n", "\n", 1)]), Some(14)),
        ("extra-column.csv", reg(&[good.clone(), register_row(2, 2021, &[]).replace('\n', ",extra\n")]), Some(14)),
        ("text-tiv.csv", reg(&[good.clone(), register_row(1, 2021, &[]), register_row(3, 2021, &[(15, "six")])]), Some(15)),
        ("year-20x4.csv", reg(&[register_row(2, 2020, &[(10, "20x4")])]), Some(13)),
        ("year-1492.csv", reg(&[good.clone(), register_row(2, 1492, &[])]), Some(14)),
        ("year-empty.csv", reg(&[register_row(2, 2020, &[(10, "")])]), Some(13)),
        ("negative-tiv.csv", reg(&[register_row(2, 2020, &[(15, "-6")])]), Some(13)),
        ("units-text.csv", reg(&[register_row(2, 2020, &[(8, "four")])]), Some(13)),
        ("legacy-bad-split.csv", format!("{legacy_head}{legacy_good}Thailand,Ukraine,2011,,96,,BTR-3,APC,96\n{legacy_good}").into_bytes(), None),
        ("legacy-bad-order-year.csv", format!("{legacy_head}{legacy_good}{}", legacy_good.replace("2015", "0.36")).into_bytes(), Some(3)),
        ("table-text-cell.csv", table.as_bytes().to_vec(), Some(11)),
    ]
}

fn assert_fails_cleanly(data: &Path, work: &Path, name: &str, bytes: &[u8], line: Option<u64>) {
    let file = work.join(name);
    fs::write(&file, bytes).unwrap();
    let before = snapshot(data);
    let out = import(&file, data, &[]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(2),
        "{name}: exit {:?}, stderr {stderr}",
        out.status
    );
    assert!(
        out.stdout.is_empty(),
        "{name}: printed a report: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    // `armsflow: <file>:<line>: <reason>`
    let prefix = format!("armsflow: {}:", file.display());
    let rest = stderr
        .strip_prefix(&prefix)
        .unwrap_or_else(|| panic!("{name}: error not in file:line form: {stderr}"));
    let (num, reason) = rest
        .split_once(": ")
        .unwrap_or_else(|| panic!("{name}: {stderr}"));
    let num: u64 = num
        .parse()
        .unwrap_or_else(|_| panic!("{name}: no line number: {stderr}"));
    assert!(num >= 1 && reason.trim().len() > 5, "{name}: {stderr}");
    if let Some(l) = line {
        assert_eq!(num, l, "{name}: {stderr}");
    }
    assert_eq!(snapshot(data), before, "{name}: the data directory changed");
}

#[test]
fn malformed_files_fail_with_file_line_reason_and_leave_the_store_alone() {
    let tmp = tempfile::tempdir().unwrap();
    let work = tmp.path();
    let data = work.join("data");
    let good = work.join("good.csv");
    fs::write(&good, good_register()).unwrap();
    ok(&import(&good, &data, &[]));
    let cases = cases();
    assert!(cases.len() >= 15);
    for (name, bytes, line) in &cases {
        assert_fails_cleanly(&data, work, name, bytes, *line);
    }
    // With no store yet, a bad file must not even create the data directory.
    let fresh = work.join("never-created");
    for (name, bytes, line) in cases.iter().take(4) {
        assert_fails_cleanly(&fresh, work, name, bytes, *line);
        assert!(!fresh.exists(), "{name}: created the data directory");
    }
}

#[test]
fn a_missing_file_is_a_user_error() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let out = import(&tmp.path().join("nope.csv"), &data, &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("nope.csv: cannot read"));
    assert!(!data.exists());
}

#[test]
fn skip_bad_rows_imports_the_rest_and_lists_rejections() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let file = tmp.path().join("mixed.csv");
    let body = register_head()
        + &register_row(1, 2020, &[])
        + &register_row(2, 2021, &[(15, "six")])
        + &register_row(3, 2022, &[]);
    fs::write(&file, body).unwrap();
    let out = import(&file, &data, &["--skip-bad-rows", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&ok(&out)).expect("json");
    let report = &json[0]["report"];
    assert_eq!(report["rows_imported"], 2, "{json}");
    assert_eq!(report["rejected"][0]["line"], 14, "{json}");
    assert_eq!(json[0]["outcome"], "created");
}

/// Regression: with --skip-bad-rows a file whose every row is rejected was
/// stored as an empty release (exit 0), which then became the latest and
/// answered every query from nothing. Refused, whole and streamed, and
/// nothing is written.
#[test]
fn skip_bad_rows_refuses_a_file_with_no_good_row() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let file = tmp.path().join("all-bad.csv");
    let body = register_head()
        + &register_row(1, 2020, &[(15, "six")])
        + &register_row(2, 2021, &[(15, "seven")]);
    fs::write(&file, body).unwrap();
    for extra in [&[][..], &["--stream"][..]] {
        let mut args = vec!["--skip-bad-rows"];
        args.extend_from_slice(extra);
        let out = import(&file, &data, &args);
        assert_eq!(out.status.code(), Some(2), "{out:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("every data row was rejected (2 rows"), "{err}");
        assert!(
            !data.join("releases").exists()
                || fs::read_dir(data.join("releases"))
                    .unwrap()
                    .flatten()
                    .all(|e| e.file_name().to_string_lossy().starts_with('.')),
            "a release was written"
        );
    }
}

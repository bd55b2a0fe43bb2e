//! Regression tests for issue #12 (a careless user and a hostile file), one per
//! finding, keyed by a short description. All files are made up here.

use crate::import_support::*;
use std::fs;
use std::path::Path;
use std::process::{Output, Stdio};

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A data dir holding one small release; returns (data dir, register file).
fn store_with_release(tmp: &Path) -> (std::path::PathBuf, std::path::PathBuf) {
    let data = tmp.join("data");
    let file = tmp.join("good.csv");
    fs::write(&file, good_register()).unwrap();
    ok(&import(&file, &data, &[]));
    (data, file)
}

/// `armsflow import FILE | true` and `releases | true` panicked (exit 101 and
/// a stack trace). Every printing subcommand now ends quietly.
#[test]
fn closed_pipe_ends_quietly_for_every_printing_subcommand() {
    let tmp = tempfile::tempdir().unwrap();
    let (data, file) = store_with_release(tmp.path());
    let claims = tmp.path().join("claims.txt");
    fs::write(
        &claims,
        "Russia supplied 100% of Kazakhstan's arms imports in 2020-2021.\n",
    )
    .unwrap();
    let scenario = tmp.path().join("s.toml");
    fs::write(
        &scenario,
        "recipient = \"Kazakhstan\"\nperiod = \"2020-2022\"\n[[change]]\nkind = \"remove\"\nsupplier = \"Russia\"\ntiv = 1\n",
    )
    .unwrap();
    let id = {
        let out = run(&["releases", "--format", "json"], &data);
        let v: serde_json::Value = serde_json::from_str(&ok(&out)).unwrap();
        v[0]["id"].as_str().unwrap().to_string()
    };
    let f = file.to_str().unwrap();
    let cases: Vec<Vec<&str>> = vec![
        vec!["import", f],
        vec!["import", f, "--format", "json"],
        vec!["releases"],
        vec!["releases", "--format", "json"],
        vec!["imports", "Kazakhstan", "--period", "2020-2022"],
        vec!["exports", "Russia", "--period", "2020-2022"],
        vec!["top", "exporters", "--period", "2020-2022"],
        vec!["concentration", "Kazakhstan"],
        vec!["pair", "Russia", "Kazakhstan"],
        vec!["groups"],
        vec!["switching"],
        vec![
            "check",
            "Russia supplied 100% of Kazakhstan's arms imports in 2020-2021",
        ],
        vec!["check-claims", claims.to_str().unwrap()],
        vec!["scenario", scenario.to_str().unwrap()],
        vec!["diff", &id, &id],
    ];
    for args in cases {
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let out = armsflow()
            .args(&args)
            .arg("--data-dir")
            .arg(&data)
            .stdout(writer)
            .stderr(Stdio::piped())
            .output()
            .unwrap();
        let err = stderr(&out);
        let code = out.status.code();
        assert!(
            matches!(code, Some(0) | Some(141))
                || (code == Some(1) || code == Some(2)) && !err.contains("panicked"),
            "{args:?}: exit {code:?}: {err}"
        );
        assert!(
            !err.contains("panicked") && !err.contains("Broken pipe"),
            "{args:?}: {err}"
        );
    }
    // help and version go through clap.
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let out = armsflow()
        .arg("--help")
        .stdout(writer)
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));
}

/// Other output errors (a full disk) give one line, not a panic report.
#[test]
fn full_disk_on_stdout_is_one_line_not_a_panic() {
    let Ok(full) = fs::OpenOptions::new().write(true).open("/dev/full") else {
        return; // not Linux
    };
    let tmp = tempfile::tempdir().unwrap();
    let (data, _) = store_with_release(tmp.path());
    let out = armsflow()
        .args(["releases", "--data-dir"])
        .arg(&data)
        .stdout(full)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.starts_with("armsflow: cannot write output:") && !err.contains("panicked"),
        "{err}"
    );
}

/// Read-only commands created a mistyped `--data-dir`.
#[test]
fn read_only_commands_never_create_directories() {
    let tmp = tempfile::tempdir().unwrap();
    let typo = tmp.path().join("typo").join("data");
    for args in [
        vec!["releases"],
        vec!["imports", "Kazakhstan"],
        vec!["top", "exporters"],
        vec!["diff", "a", "b"],
        vec!["pipeline", "Russia"],
    ] {
        let out = run(&args, &typo);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(
            stderr(&out).contains("no data directory"),
            "{args:?}: {}",
            stderr(&out)
        );
        assert!(
            !tmp.path().join("typo").exists(),
            "{args:?} created the directory"
        );
    }
}

/// `mkdir releases/backup` made `releases`, every query and serve fail.
#[test]
fn stray_entries_in_releases_are_listed_as_damaged_not_fatal() {
    let tmp = tempfile::tempdir().unwrap();
    let (data, _) = store_with_release(tmp.path());
    fs::create_dir(data.join("releases/backup")).unwrap();
    fs::write(data.join("releases/notes.txt"), "x").unwrap();
    let out = run(&["releases"], &data);
    let text = ok(&out);
    assert!(
        text.contains("Damaged") && text.contains("backup") && text.contains("notes.txt"),
        "{text}"
    );
    assert!(text.contains("2025-01-03-register-"), "{text}");
    let json = run(&["releases", "--format", "json"], &data);
    let v: serde_json::Value = serde_json::from_str(&ok(&json)).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 1);
    assert!(
        stderr(&json).contains("skipping releases/backup"),
        "{}",
        stderr(&json)
    );
    let q = run(&["imports", "Kazakhstan", "--period", "2020-2022"], &data);
    assert!(ok(&q).contains("Russia"));
    assert!(
        stderr(&q).contains("skipping releases/backup"),
        "{}",
        stderr(&q)
    );
}

/// A release whose import report says `"tiv_total": null` (written by an old
/// version) made `releases` fail for every release; importing the original
/// file again said "already present" and left it broken.
#[test]
fn importing_the_original_repairs_a_damaged_release() {
    let tmp = tempfile::tempdir().unwrap();
    let (data, file) = store_with_release(tmp.path());
    let dir = fs::read_dir(data.join("releases"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let report = dir.join("import-report.json");
    let text = fs::read_to_string(&report).unwrap();
    let broken = text.replace("\"tiv_total\": 14.25", "\"tiv_total\": null");
    assert_ne!(broken, text, "{text}");
    fs::write(&report, broken).unwrap();
    let listed = ok(&run(&["releases"], &data));
    assert!(listed.contains("Damaged"), "{listed}");
    let again = ok(&import(&file, &data, &[]));
    assert!(
        again.contains("(repaired: it replaces a damaged copy)"),
        "{again}"
    );
    let listed = ok(&run(&["releases"], &data));
    assert!(!listed.contains("Damaged"), "{listed}");
    ok(&run(
        &["imports", "Kazakhstan", "--period", "2020-2022"],
        &data,
    ));
}

/// Two cells of 1e308 summed to infinity, and `import-report.json` got
/// `"tiv_total": null`: now a file:line error and nothing written.
#[test]
fn huge_tiv_is_a_file_line_error_and_nothing_is_written() {
    let tmp = tempfile::tempdir().unwrap();
    let (data, _) = store_with_release(tmp.path());
    let before = snapshot(&data);
    let mut text = register_head();
    text.push_str(&register_row(7, 2020, &[(15, "1e308")]));
    text.push_str(&register_row(7, 2021, &[(15, "1e308")]));
    let file = tmp.path().join("huge.csv");
    fs::write(&file, text).unwrap();
    let out = import(&file, &data, &[]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("huge.csv:13:") && err.contains("implausibly large"),
        "{err}"
    );
    assert_eq!(snapshot(&data), before);
}

/// Importing several files stopped at the first bad one without saying the
/// rest were skipped.
#[test]
fn multi_file_import_reports_files_not_reached() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let good = tmp.path().join("good.csv");
    fs::write(&good, good_register()).unwrap();
    let bad = tmp.path().join("bad.xlsx");
    fs::write(
        &bad,
        b"PK\x03\x04\x14\x00\x06\x00[Content_Types].xml xl/workbook.xml",
    )
    .unwrap();
    let later = tmp.path().join("later.csv");
    fs::write(&later, good_register()).unwrap();
    let out = armsflow()
        .args(["import"])
        .args([&good, &bad, &later])
        .arg("--data-dir")
        .arg(&data)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("bad.xlsx:1: this is an Excel workbook"),
        "{err}"
    );
    assert!(
        err.contains("imported before the failure:") && err.contains("good.csv"),
        "{err}"
    );
    assert!(
        err.contains("not reached (nothing imported from them):") && err.contains("later.csv"),
        "{err}"
    );

    // With --format json, stdout lists what was stored and what failed (it
    // printed nothing: hostile-files probe 2).
    let out = armsflow()
        .args(["import", "--format", "json"])
        .args([&good, &bad, &later])
        .arg("--data-dir")
        .arg(tmp.path().join("data2"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v[0]["outcome"], "created", "{v}");
    assert_eq!(v[1]["outcome"], "failed", "{v}");
    assert!(
        v[1]["error"].as_str().unwrap().contains("Excel workbook"),
        "{v}"
    );
    assert!(
        v[1]["not_reached"][0]
            .as_str()
            .unwrap()
            .ends_with("later.csv"),
        "{v}"
    );
}

/// Terminal escape codes in names were printed raw.
#[test]
fn escape_codes_are_never_printed_raw() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let mut text = register_head();
    text.push_str(&register_row(
        1,
        2020,
        &[(1, "Evil\x1b]0;owned\x07\x1b[2J")],
    ));
    let file = tmp.path().join("esc.csv");
    fs::write(&file, &text).unwrap();
    let out = import(&file, &data, &[]);
    let s = ok(&out);
    assert!(!s.contains('\x1b') && !s.contains('\x07'), "{s:?}");
    // An error quoting a cell.
    let mut bad = register_head();
    bad.push_str(&register_row(1, 2020, &[(5, "\x1b[31mTanks")]));
    let file = tmp.path().join("esc-bad.csv");
    fs::write(&file, &bad).unwrap();
    let out = import(&file, &data, &[]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        !err.contains('\x1b') && err.contains("\\u{1b}[31mTanks"),
        "{err:?}"
    );
}

/// `Data generated: 31 Feb 2026` and `1 Jan 2099` were accepted (a future
/// date becomes everyone's default release).
#[test]
fn impossible_and_future_dates_are_rejected() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    for (date, why) in [
        ("31 Feb 2026 1:00:00 PM", "not a real calendar date"),
        ("1 Jan 2099 9:00:00 AM", "in the future"),
    ] {
        let text = good_register().replace("3 Jan 2025 9:15:00 AM", date);
        let file = tmp.path().join("dated.csv");
        fs::write(&file, text).unwrap();
        let out = import(&file, &data, &[]);
        assert_eq!(out.status.code(), Some(2));
        let err = stderr(&out);
        assert!(err.contains("dated.csv:11:") && err.contains(why), "{err}");
    }
    assert!(!data.exists());
}

/// `fetch --save` checked its path only after downloading.
#[test]
fn fetch_save_checks_its_path_before_downloading() {
    use testkit::mock::{MockBackend, Reply};
    let tmp = tempfile::tempdir().unwrap();
    let m = MockBackend::start(vec![Reply::html(500, "never asked")]);
    let url = m.base_url();
    let data = tmp.path().join("data");
    let missing = tmp.path().join("no-such-dir").join("r.csv");
    for (save, why) in [
        (tmp.path().to_path_buf(), "is a directory"),
        (missing, "no directory"),
    ] {
        let out = armsflow()
            .args([
                "fetch",
                "--url",
                &url,
                "--from",
                "2000",
                "--to",
                "2024",
                "--retries",
                "0",
            ])
            .arg("--save")
            .arg(&save)
            .arg("--data-dir")
            .arg(&data)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        assert!(stderr(&out).contains(why), "{}", stderr(&out));
    }
    assert!(m.requests().is_empty(), "a request was sent");
    assert!(!data.exists());
}

/// The same file got in through `fetch` from a mirror.
#[test]
fn fetched_huge_tiv_is_rejected_and_nothing_is_written() {
    use testkit::mock::{MockBackend, Reply};
    let tmp = tempfile::tempdir().unwrap();
    let (data, _) = store_with_release(tmp.path());
    let before = snapshot(&data);
    let mut text = register_head();
    text.push_str(&register_row(7, 2020, &[(15, "1e308")]));
    text.push_str(&register_row(7, 2021, &[(15, "1e308")]));
    let m = MockBackend::start(vec![Reply::register(text.as_bytes())]);
    let out = armsflow()
        .args([
            "fetch",
            "--url",
            &m.base_url(),
            "--from",
            "2000",
            "--to",
            "2024",
        ])
        .arg("--data-dir")
        .arg(&data)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(
        err.contains(":13: ") && err.contains("implausibly large"),
        "{err}"
    );
    assert_eq!(snapshot(&data), before);
}

/// Scenario weights of 1e308 silently lost TIV: now refused at the door, with
/// the line of the offending `[[change]]`.
#[test]
fn scenario_with_huge_weights_is_a_file_line_error() {
    let tmp = tempfile::tempdir().unwrap();
    let (data, _) = store_with_release(tmp.path());
    let scenario = tmp.path().join("huge.toml");
    fs::write(
        &scenario,
        "recipient = \"Kazakhstan\"\nperiod = \"2020-2022\"\n\n[[change]]\nkind = \"shift\"\n\
         from = \"Russia\"\nto = [\"France\"]\npercent = 50\nweights = [1e308]\n",
    )
    .unwrap();
    let out = run(&["scenario", scenario.to_str().unwrap()], &data);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("huge.toml:4: change 1: weights"), "{err}");
}

/// `stdout` of a quiet command stays valid for machines (a sanity check that
/// the panic hook does not swallow ordinary output).
#[test]
fn ordinary_output_is_unchanged() {
    let tmp = tempfile::tempdir().unwrap();
    let (data, _) = store_with_release(tmp.path());
    let out = run(&["releases", "--format", "json"], &data);
    assert!(stdout(&out).trim_start().starts_with('['));
}

/// A TIV table of a header and its total row was stored as a release of 0
/// flows (the total row counted as an imported row), which then became the
/// latest and answered "no deliveries" to everything. Refused, nothing written.
#[test]
fn a_table_with_only_its_total_row_is_not_a_release() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("total_only.csv");
    fs::write(
        &file,
        "\"TIV of arms exports from Kazakhstan, 2019-2021\",,,,\n\
         Figures are SIPRI Trend Indicator Values (TIVs) expressed in millions.,,,,\n\
         Source: armsflow test suite,,,,\n\
         Generated: 28 July 2022,,,,\n\
         ,2019,2020,2021,Total\n\
         Total,3,6,,9\n",
    )
    .unwrap();
    let data = tmp.path().join("data");
    let out = import(&file, &data, &[]);
    assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
    assert!(stderr(&out).contains("no deliveries"), "{}", stderr(&out));
    let releases = data.join("releases");
    let n = fs::read_dir(&releases).map_or(0, |d| d.count());
    assert_eq!(n, 0, "a release was written");
}

/// "Over a tenth of the rows rejected" was printed by the table output only;
/// `--format json` and the stored import report said `"warnings": []`.
#[test]
fn many_rejected_rows_are_a_warning_of_the_report_itself() {
    let tmp = tempfile::tempdir().unwrap();
    let mut text = good_register();
    text.push_str(&register_row(3, 2022, &[(15, "lots")]));
    let file = tmp.path().join("bad.csv");
    fs::write(&file, text).unwrap();
    let data = tmp.path().join("data");
    let out = import(&file, &data, &["--skip-bad-rows", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let warnings = json[0]["report"]["warnings"].to_string();
    assert!(warnings.contains("1 of 4 rows were rejected"), "{warnings}");
    let id = json[0]["release"].as_str().unwrap();
    let stored =
        fs::read_to_string(data.join("releases").join(id).join("import-report.json")).unwrap();
    assert!(stored.contains("rows were rejected"), "{stored}");
}

/// Input of no known size was read whole before any check: `import
/// /dev/zero` grew to 7 GB and an endless pipe never ended. Binary data is
/// refused from its first bytes, and piped input over 256 MB as it passes.
#[test]
fn endless_or_binary_input_is_refused_while_it_is_read() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    if Path::new("/dev/zero").exists() {
        let out = import(Path::new("/dev/zero"), &data, &[]);
        assert_eq!(out.status.code(), Some(2));
        assert!(stderr(&out).contains("binary data"), "{}", stderr(&out));
    }
    let mut child = armsflow()
        .args(["import", "-", "--data-dir"])
        .arg(&data)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let feeder = std::thread::spawn(move || {
        use std::io::Write;
        let block = vec![b'a'; 1 << 20];
        // Stops when the reader gives up (a broken pipe).
        for _ in 0..400 {
            if stdin.write_all(&block).is_err() {
                break;
            }
        }
    });
    let out = child.wait_with_output().unwrap();
    feeder.join().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("over 256 MB"), "{}", stderr(&out));
    assert!(
        !data.join("releases").exists()
            || fs::read_dir(data.join("releases")).unwrap().count() == 0
    );
}

/// `-c ""` (an unset `$CAT`) and `-c unspecified` selected a hidden category
/// no register row has, and answered "imported nothing" with exit 0.
#[test]
fn an_empty_or_unspecified_category_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let (data, _) = store_with_release(tmp.path());
    for c in ["", " ", "unspecified"] {
        let out = run(&["imports", "Kazakhstan", "-c", c], &data);
        assert_eq!(out.status.code(), Some(2), "{c:?}: {}", stdout(&out));
        assert!(stderr(&out).contains("category"), "{}", stderr(&out));
    }
}

//! `armsflow fetch` end to end against a mock of SIPRI's backend on loopback:
//! a successful fetch imports a release, a repeat is a no-op, and every failure
//! prints one clear line and leaves the data directory byte-for-byte unchanged.

use testkit::mock;

use mock::{MockBackend, Reply};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Duration;

fn armsflow(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_armsflow"))
        .args(args)
        .env_remove("ARMSFLOW_DATA_DIR")
        .output()
        .expect("run armsflow")
}

fn fetch(url: &str, dir: &Path, extra: &[&str]) -> Output {
    let dir = dir.to_str().expect("utf-8 path");
    let mut args = vec![
        "fetch",
        "--url",
        url,
        "--data-dir",
        dir,
        "--from",
        "2000",
        "--to",
        "2024",
        "--retries",
        "1",
        "--retry-delay-ms",
        "10",
    ];
    if !extra.contains(&"--timeout") {
        args.extend_from_slice(&["--timeout", "5"]);
    }
    args.extend_from_slice(extra);
    armsflow(&args)
}

/// Every file under `dir` with its bytes (empty map when `dir` does not exist).
fn tree(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<PathBuf, Vec<u8>>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for e in entries.flatten() {
            let p = e.path();
            let rel = p.strip_prefix(root).unwrap_or(&p).to_path_buf();
            if p.is_dir() {
                out.insert(rel.join(""), Vec::new());
                walk(root, &p, out);
            } else {
                out.insert(rel, std::fs::read(&p).unwrap_or_default());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).to_string()
}

fn ukraine() -> Option<Vec<u8>> {
    mock::shared_file(mock::UKRAINE_REGISTER)
}

#[test]
fn fetch_imports_once_then_is_a_no_op() {
    let Some(csv) = ukraine() else { return };
    let tmp = tempfile::tempdir().unwrap();
    let m = MockBackend::start(vec![Reply::register(&csv)]);
    let out = fetch(&m.base_url(), tmp.path(), &[]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("imported release 2025-02-17-register-"),
        "{stdout}"
    );
    assert!(stdout.contains("382 rows"), "{stdout}");
    assert!(
        stdout.contains("Source: SIPRI Arms Transfers Database"),
        "{stdout}"
    );
    assert!(text(&out.stderr).contains("decoded the register"));
    let id = stdout
        .split_whitespace()
        .nth(2)
        .unwrap()
        .trim_end_matches(':')
        .to_string();
    let before = tree(tmp.path());
    let again = fetch(&m.base_url(), tmp.path(), &[]);
    assert!(again.status.success(), "{}", text(&again.stderr));
    assert!(
        text(&again.stdout).contains(&format!("already stored as {id}")),
        "{}",
        text(&again.stdout)
    );
    assert_eq!(tree(tmp.path()), before, "a repeat fetch changes nothing");
    assert_eq!(m.register_requests().len(), 2);
}

#[test]
fn the_last_year_defaults_to_the_backends_answer_and_save_keeps_the_csv() {
    let Some(csv) = ukraine() else { return };
    let tmp = tempfile::tempdir().unwrap();
    let saved = tmp.path().join("register.csv");
    let data = tmp.path().join("data");
    let m = MockBackend::start(vec![Reply::register(&csv).gzip()]);
    let out = armsflow(&[
        "fetch",
        "--url",
        &m.base_url(),
        "--data-dir",
        data.to_str().unwrap(),
        "--save",
        saved.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(std::fs::read(&saved).unwrap(), csv);
    let paths: Vec<String> = m.requests().iter().map(|r| r.path.clone()).collect();
    assert_eq!(
        paths,
        [
            "/api/p/trades/getMaxYear",
            "/api/p/trades/trade-register-csv/"
        ]
    );
    let body: serde_json::Value = serde_json::from_str(&m.register_requests()[0].body).unwrap();
    assert_eq!(body["filters"][0]["value1"], 1950);
    assert_eq!(body["filters"][0]["value2"], 2024, "the mock's getMaxYear");
}

#[test]
fn a_server_error_then_success_imports() {
    let Some(csv) = ukraine() else { return };
    let tmp = tempfile::tempdir().unwrap();
    let m = MockBackend::start(vec![
        Reply::html(503, "Service Unavailable"),
        Reply::register(&csv),
    ]);
    let out = fetch(&m.base_url(), tmp.path(), &[]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("HTTP 503; retrying in 0.0 s (attempt 2)"),
        "{}",
        text(&out.stderr)
    );
    assert!(text(&out.stdout).contains("imported release"));
}

/// Each misbehaviour: (label, replies, extra args, expected words in the error).
fn failures() -> Vec<(&'static str, Vec<Reply>, Vec<&'static str>, &'static str)> {
    let csv = ukraine().unwrap_or_else(mock::empty_register);
    let full = Reply::register(&csv);
    let half = full.body.len() / 2;
    vec![
        (
            "slow",
            vec![full.clone().slow(Duration::from_secs(3))],
            vec!["--timeout", "1"],
            "did not answer within 1 s",
        ),
        (
            "5xx",
            vec![Reply::html(502, "502 Bad Gateway")],
            vec![],
            "answered HTTP 502 (HTML page: \"502 Bad Gateway\") after 2 attempt(s)",
        ),
        ("truncated", vec![full.cut_at(half)], vec![], "was cut off"),
        (
            "base64",
            vec![Reply::json("{\"bytes\":\"%%%not base64%%%\"}")],
            vec![],
            "invalid base64",
        ),
        (
            "html",
            vec![Reply::html(200, "Under maintenance")],
            vec![],
            "sent an HTML page (\"Under maintenance\") instead of JSON",
        ),
        (
            "empty",
            vec![Reply::register(&mock::empty_register())],
            vec![],
            "a header but no rows for delivery years 2000-2024",
        ),
        (
            "missing key",
            vec![Reply::json("{\"result\":\"\"}")],
            vec![],
            "no `bytes` field",
        ),
    ]
}

fn assert_one_line_error(label: &str, out: &Output, want: &str) {
    assert_eq!(out.status.code(), Some(1), "{label}: {}", text(&out.stderr));
    let stderr = text(&out.stderr);
    let last = stderr.lines().last().unwrap_or_default();
    assert!(last.starts_with("armsflow: "), "{label}: {stderr}");
    assert!(last.contains(want), "{label}: wanted {want:?} in {last:?}");
    assert!(
        last.contains("armsflow import FILE") || label == "empty",
        "{label}: no manual route in {last:?}"
    );
    assert!(
        text(&out.stdout).is_empty(),
        "{label}: {}",
        text(&out.stdout)
    );
}

#[test]
fn every_failure_is_one_clear_line_and_leaves_the_store_unchanged() {
    let Some(csv) = ukraine() else { return };
    // A store that already holds a release, so "unchanged" means something.
    let tmp = tempfile::tempdir().unwrap();
    let ok = MockBackend::start(vec![Reply::register(&csv)]);
    assert!(fetch(&ok.base_url(), tmp.path(), &[]).status.success());
    drop(ok);
    let before = tree(tmp.path());
    assert!(before.len() > 2, "{before:?}");
    for (label, replies, extra, want) in failures() {
        let m = MockBackend::start(replies);
        let out = fetch(&m.base_url(), tmp.path(), &extra);
        assert_one_line_error(label, &out, want);
        assert_eq!(tree(tmp.path()), before, "{label}: the store changed");
    }
}

#[test]
fn failures_do_not_even_create_a_missing_data_dir() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("never-created");
    for (label, replies, extra, want) in failures() {
        if label == "slow" {
            continue; // covered above; keeps this test fast
        }
        let m = MockBackend::start(replies);
        let out = fetch(&m.base_url(), &data, &extra);
        assert_one_line_error(label, &out, want);
        assert!(!data.exists(), "{label}: created {}", data.display());
    }
}

#[test]
fn no_network_says_so_in_one_line_with_the_manual_route() {
    let tmp = tempfile::tempdir().unwrap();
    let url = mock::closed_port_url();
    for to in [&["--to", "2024"][..], &[][..]] {
        let dir = tmp.path().to_str().unwrap();
        let mut args = vec!["fetch", "--url", &url, "--data-dir", dir];
        args.extend_from_slice(to);
        let out = armsflow(&args);
        let want = format!("cannot reach SIPRI at {url}");
        assert_one_line_error("refused", &out, &want);
        let last = text(&out.stderr)
            .lines()
            .last()
            .unwrap_or_default()
            .to_string();
        assert!(last.contains("https://armstransfers.sipri.org"), "{last}");
        assert!(tree(tmp.path()).is_empty());
    }
}

#[test]
fn bad_arguments_are_usage_errors() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().to_str().unwrap();
    let out = armsflow(&[
        "fetch",
        "--url",
        "http://127.0.0.1:9/api/p",
        "--data-dir",
        dir,
        "--from",
        "2025",
        "--to",
        "2020",
    ]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("--from 2025 is after --to 2020"));
}

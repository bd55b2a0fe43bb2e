//! Helpers for the `armsflow import` tests: run the binary, snapshot a data
//! directory, build small register files by hand, find the shared SIPRI files.
#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

pub fn armsflow() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_armsflow"));
    // Never touch the user's own store.
    c.env_remove("ARMSFLOW_DATA_DIR");
    c.env("HOME", "/nonexistent-armsflow-test-home");
    c.stdin(Stdio::null());
    c
}

pub fn run(args: &[&str], data: &Path) -> Output {
    armsflow()
        .args(args)
        .arg("--data-dir")
        .arg(data)
        .output()
        .expect("spawn armsflow")
}

pub fn ok(out: &Output) -> String {
    assert!(
        out.status.success(),
        "failed ({}):\nstdout: {}\nstderr: {}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

pub fn import(file: &Path, data: &Path, extra: &[&str]) -> Output {
    let mut args = vec!["import", file.to_str().expect("utf-8 path")];
    args.extend_from_slice(extra);
    run(&args, data)
}

/// Every file under `dir` with its bytes (and every directory), sorted: two
/// equal snapshots mean nothing was added, removed or changed.
/// A data dir holding the shared SIPRI file at `rel` (a `testkit` path),
/// imported through the binary; `None` (with the loud skip message) where
/// the shared files are absent. Keep the `TempDir` alive while using it.
pub fn imported_shared(test: &str, rel: &str) -> Option<(tempfile::TempDir, PathBuf)> {
    let file = testkit::shared_path(test, rel)?;
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    ok(&import(&file, &data, &[]));
    Some((tmp, data))
}

pub fn snapshot(dir: &Path) -> Vec<(PathBuf, Option<Vec<u8>>)> {
    let mut out = Vec::new();
    if !dir.exists() {
        return out;
    }
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).expect("read_dir").flatten() {
            let p = e.path();
            if p.is_dir() {
                out.push((p.clone(), None));
                stack.push(p);
            } else {
                out.push((p.clone(), Some(fs::read(&p).expect("read"))));
            }
        }
    }
    out.sort();
    out
}

/// The 11 preamble lines and the header of a current-layout register; made-up
/// text, not SIPRI's.
pub fn register_head() -> String {
    let mut s =
        String::from("Transfers of major conventional arms: test file made by armsflow tests\n");
    for i in 2..=8 {
        s.push_str(&format!("Note {i}.\n"));
    }
    s.push_str("\nSource: armsflow test suite.\nData generated: 3 Jan 2025 9:15:00 AM\n");
    s.push_str(
        "SIPRI AT Database ID,Supplier,Recipient,Designation,Description,Armament category,\
         Order date,Order date is estimate,Numbers delivered,Numbers delivered is estimate,\
         Delivery year,Delivery year is estimate,Status,SIPRI estimate,TIV deal unit,\
         TIV delivery values,Local production\n",
    );
    s
}

/// A made-up delivery row with the given cells overridden (index → value).
pub fn register_row(id: u32, year: u16, overrides: &[(usize, &str)]) -> String {
    let year = year.to_string();
    let id = id.to_string();
    let mut cells: Vec<&str> = vec![
        &id,
        "Russia",
        "Kazakhstan",
        "TEST-1",
        "test vehicle",
        "Armoured vehicles",
        "2019",
        "No",
        "4",
        "No",
        &year,
        "No",
        "New",
        "1.5",
        "1.5",
        "6",
        "No",
    ];
    for &(i, v) in overrides {
        cells[i] = v;
    }
    cells.join(",") + "\n"
}

/// A small valid register: rows on lines 13, 14, 15.
pub fn good_register() -> String {
    let mut s = register_head();
    s.push_str(&register_row(1, 2020, &[]));
    s.push_str(&register_row(1, 2021, &[]));
    s.push_str(&register_row(2, 2022, &[(1, "France"), (15, "2.25")]));
    s
}

/// The shared SIPRI data directory, or `None` after a loud message (a panic
/// when `ARMSFLOW_REQUIRE_SHARED=1`).
pub fn shared_dir(what: &str) -> Option<PathBuf> {
    testkit::shared(what)
}

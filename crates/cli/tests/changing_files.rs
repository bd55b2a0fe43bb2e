//! Inputs that are not plain files, or that change while they are read
//! (hostile-files probe 32): a FIFO given `--stream`, a directory given
//! `--stream`, a file cut short while mapped, a file appended to during the
//! read. Each either imports what a plain copy imports or fails naming the
//! file, with status 2 and nothing stored.

use crate::import_support::{armsflow, import, ok};
use std::path::Path;

/// A synthetic register of several megabytes: the streamed reader reads its
/// first megabyte to sniff the format, which is where a FIFO lost rows.
fn register(dir: &Path) -> std::path::PathBuf {
    let file = dir.join("synth.csv");
    let mut bytes = Vec::new();
    sipri::synth::write_register(&mut bytes, 2, 7).unwrap();
    assert!(bytes.len() > 2 << 20, "{}", bytes.len());
    std::fs::write(&file, bytes).unwrap();
    file
}

fn release_and_rows(json: &str) -> (String, u64) {
    let v: serde_json::Value = serde_json::from_str(json).unwrap();
    (
        v[0]["release"].as_str().unwrap().to_string(),
        v[0]["report"]["rows_imported"].as_u64().unwrap(),
    )
}

/// Imports `file` into `data` with `env` set, expecting status 2; stderr.
#[cfg(debug_assertions)]
fn refused_with(env: (&str, &str), file: &Path, data: &Path) -> String {
    let out = armsflow()
        .env(env.0, env.1)
        .args(["import", file.to_str().unwrap(), "--data-dir"])
        .arg(data)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(2), "{err}");
    err
}

fn nothing_stored(data: &Path) {
    let left: Vec<_> = std::fs::read_dir(data.join("releases"))
        .map(|d| d.flatten().map(|e| e.file_name()).collect())
        .unwrap_or_default();
    assert!(left.is_empty(), "{left:?}");
}

#[cfg(unix)]
#[test]
fn stream_on_a_fifo_imports_what_the_file_imports() {
    let dir = tempfile::tempdir().unwrap();
    let file = register(dir.path());
    let plain = ok(&import(
        &file,
        &dir.path().join("plain"),
        &["--format", "json"],
    ));
    let fifo = dir.path().join("pipe.csv");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let (src, dst) = (file.clone(), fifo.clone());
    let writer = std::thread::spawn(move || {
        let bytes = std::fs::read(src).unwrap();
        // The reader may stop early on an error: a broken pipe is fine here.
        let _ = std::fs::write(dst, bytes);
    });
    let piped = ok(&import(
        &fifo,
        &dir.path().join("piped"),
        &["--format", "json", "--stream"],
    ));
    writer.join().unwrap();
    assert_eq!(
        release_and_rows(&piped),
        release_and_rows(&plain),
        "{piped}"
    );
}

#[test]
fn stream_on_a_directory_cannot_read_it() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let out = import(dir.path(), &data, &["--stream"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("cannot read"), "{err}");
    assert!(!err.contains(".tmp-scratch"), "{err}");
    nothing_stored(&data);
}

/// Test builds empty the file right after mapping it when asked: the read
/// then faults, which killed the import with status 135 and no message.
#[cfg(all(unix, debug_assertions))]
#[test]
fn a_file_cut_short_while_mapped_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let file = register(dir.path());
    let data = dir.path().join("data");
    let err = refused_with(("ARMSFLOW_TEST_CUT_MAPPED", "1"), &file, &data);
    assert!(
        err.contains("synth.csv: cannot read: the file was cut short"),
        "{err}"
    );
    nothing_stored(&data);
}

/// Test builds append a line once the file is read when asked: its rows
/// and its digest may then come from different contents.
#[cfg(debug_assertions)]
#[test]
fn a_file_changed_while_read_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let file = register(dir.path());
    let data = dir.path().join("data");
    let err = refused_with(("ARMSFLOW_TEST_APPEND_AFTER_READ", "1"), &file, &data);
    assert!(
        err.contains("the file changed while it was being read"),
        "{err}"
    );
    nothing_stored(&data);
}

//! Issue 16: the streaming import writes the release the in-memory import
//! writes. The Feb-2026 register (and a synthetic one) is imported both ways
//! into two data directories; both releases are loaded back through the
//! store and compared: every flow, deal and entity, the meta and the report.

use crate::import_support::{import, ok};
use std::path::Path;

fn compare(file: &Path) {
    let dir = tempfile::tempdir().unwrap();
    let (whole, streamed) = (dir.path().join("whole"), dir.path().join("streamed"));
    ok(&import(file, &whole, &["--format", "json"]));
    ok(&import(file, &streamed, &["--format", "json", "--stream"]));
    let a = store::Store::open_existing(&whole).unwrap();
    let b = store::Store::open_existing(&streamed).unwrap();
    let (ma, mb) = (a.list().unwrap(), b.list().unwrap());
    assert_eq!(ma.len(), 1);
    assert_eq!(mb.len(), 1);
    let id = &ma[0].id;
    assert_eq!(id, &mb[0].id);
    let (ra, rb) = (a.load(id).unwrap(), b.load(id).unwrap());
    let (mut meta_a, mut meta_b) = (ra.meta.clone(), rb.meta.clone());
    meta_a.imported_at.clear();
    meta_b.imported_at.clear();
    assert_eq!(meta_a, meta_b, "meta");
    assert_eq!(ra.entities, rb.entities, "entities");
    assert_eq!(ra.deals.len(), rb.deals.len(), "deal count");
    for (i, (x, y)) in ra.deals.iter().zip(&rb.deals).enumerate() {
        assert_eq!(x, y, "deal {i}");
    }
    assert_eq!(ra.flows.len(), rb.flows.len(), "flow count");
    assert_eq!(ra.flows, rb.flows, "flows");
    assert_eq!(a.report(id).unwrap(), b.report(id).unwrap(), "report");
    // The raw column caches are written for both, and equal.
    for f in ["flows.cols", "entities.cols"] {
        let read = |s: &store::Store| std::fs::read(s.dir().join("releases").join(id).join(f));
        assert_eq!(read(&a).unwrap(), read(&b).unwrap(), "{f}");
    }
    // Nothing left behind: no scratch or temp entries.
    let left: Vec<_> = std::fs::read_dir(streamed.join("releases"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(left.len(), 1, "{left:?}");
}

#[test]
fn streamed_import_of_the_real_register_equals_the_whole_file_import() {
    let Some(file) = testkit::shared_path(
        "streamed_import_of_the_real_register_equals_the_whole_file_import",
        testkit::REGISTER_2026,
    ) else {
        return;
    };
    compare(&file);
}

#[test]
fn streamed_import_of_a_synthetic_register_equals_the_whole_file_import() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("synth.csv");
    let mut bytes = Vec::new();
    sipri::synth::write_register(&mut bytes, 3, 11).unwrap();
    std::fs::write(&file, bytes).unwrap();
    compare(&file);
}

/// A bad row fails a streamed import with the file, line and reason, exit
/// 2, and leaves no release and no scratch behind; with --skip-bad-rows the
/// row is listed as rejected and the rest imported.
#[test]
fn streamed_import_of_a_bad_register_fails_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("bad.csv");
    let mut bytes = Vec::new();
    sipri::synth::write_register(&mut bytes, 1, 5).unwrap();
    let text = String::from_utf8(bytes).unwrap();
    let mut lines: Vec<&str> = text.lines().collect();
    let bad_line = lines.len() / 2;
    let bad = lines[bad_line]
        .replacen(',', ",x", 1)
        .replace(",Yes,", ",Maybe,");
    lines[bad_line] = &bad;
    std::fs::write(&file, lines.join("\n") + "\n").unwrap();
    let data = dir.path().join("data");
    let out = import(&file, &data, &["--stream"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(&format!("bad.csv:{}:", bad_line + 1)), "{err}");
    let left: Vec<_> = std::fs::read_dir(data.join("releases"))
        .map(|d| d.flatten().map(|e| e.file_name()).collect())
        .unwrap_or_default();
    assert!(left.is_empty(), "{left:?}");
    let json = ok(&import(
        &file,
        &data,
        &["--stream", "--skip-bad-rows", "--format", "json"],
    ));
    assert!(
        json.contains(&format!("\"line\": {}", bad_line + 1)),
        "{json}"
    );
}

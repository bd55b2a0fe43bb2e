//! `armsflow releases --verify`: every byte against the digests recorded at
//! import; damage that still decodes fails the command and names the file.

use crate::import_support::*;
use std::fs;

#[test]
fn verify_names_the_damaged_file_and_fails_until_reimported() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let file = tmp.path().join("register.csv");
    fs::write(&file, good_register()).unwrap();
    ok(&import(&file, &data, &[]));
    let out = ok(&run(&["releases", "--verify"], &data));
    assert!(out.contains("ok: 5 files"), "{out}");

    // One bit of a deal's description in the deal table: the release still
    // lists, and decodes, with the description changed.
    let rel = fs::read_dir(data.join("releases"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| !p.file_name().unwrap().to_string_lossy().starts_with('.'))
        .unwrap();
    let pq = rel.join("deals.parquet");
    let mut b = fs::read(&pq).unwrap();
    let at = b.windows(12).position(|w| w == b"test vehicle").unwrap();
    b[at + 1] ^= 1;
    fs::write(&pq, &b).unwrap();
    ok(&run(&["releases"], &data));

    // A query that needs the deal table refuses, naming the file and the fix
    // (it printed the store's bare error).
    let q = run(&["imports", "Kazakhstan", "--basis", "order"], &data);
    let qerr = String::from_utf8_lossy(&q.stderr);
    assert_eq!(q.status.code(), Some(1), "{qerr}");
    assert!(
        qerr.contains("is damaged: deals.parquet: content differs")
            && qerr.contains("releases --verify")
            && !qerr.contains(tmp.path().to_str().unwrap()),
        "{qerr}"
    );

    let bad = run(&["releases", "--verify"], &data);
    assert_eq!(
        bad.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&bad.stdout)
    );
    let stdout = String::from_utf8_lossy(&bad.stdout);
    let stderr = String::from_utf8_lossy(&bad.stderr);
    assert!(
        stdout.contains("DAMAGED: deals.parquet: content differs"),
        "{stdout}"
    );
    assert!(stderr.contains("1 of 1 releases damaged"), "{stderr}");
    assert!(!stdout.contains(tmp.path().to_str().unwrap()), "{stdout}");

    let json = run(&["releases", "--verify", "--format", "json"], &data);
    assert_eq!(json.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(v[0]["verified"]["status"], "damaged");

    // Importing the original file again repairs it.
    let again = ok(&import(&file, &data, &[]));
    assert!(again.to_lowercase().contains("repair"), "{again}");
    ok(&run(&["releases", "--verify"], &data));
    // Without --verify the JSON carries no verification.
    let plain = ok(&run(&["releases", "--format", "json"], &data));
    assert!(!plain.contains("\"verified\""), "{plain}");

    // Damage the cheap check sees (a cut file) leaves no release to list;
    // --verify still fails (it said "No releases" with status 0).
    let b = fs::read(&pq).unwrap();
    fs::write(&pq, &b[..b.len() - 3]).unwrap();
    let cut = run(&["releases", "--verify"], &data);
    assert_eq!(cut.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&cut.stdout).contains("deals.parquet"));
}

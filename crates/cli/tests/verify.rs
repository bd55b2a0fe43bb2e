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

/// The newest release damaged behind an intact footer, which only a load
/// sees: a question without `--release` warns and answers from the next
/// release; named, the damaged one fails (server probe 33: every default
/// question failed until the file was imported again).
#[test]
fn a_default_release_found_damaged_by_its_load_is_passed_over() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let (old, new) = (tmp.path().join("old.csv"), tmp.path().join("new.csv"));
    fs::write(&old, good_register()).unwrap();
    fs::write(&new, good_register().replace("3 Jan 2025", "3 Jan 2026")).unwrap();
    ok(&import(&old, &data, &[]));
    ok(&import(&new, &data, &[]));
    let newest = fs::read_dir(data.join("releases"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .find(|n| n.starts_with("2026-01-03"))
        .unwrap();
    let dir = data.join("releases").join(&newest);
    for f in ["flows.parquet", "flows.cols"] {
        let mut b = fs::read(dir.join(f)).unwrap();
        // Past the magic number, before the footer.
        b[12] ^= 0xff;
        b[13] ^= 0xff;
        fs::write(dir.join(f), b).unwrap();
    }
    let q = run(&["imports", "Kazakhstan", "-p", "2020-2022"], &data);
    let (out, err) = (ok(&q), String::from_utf8_lossy(&q.stderr).into_owned());
    assert!(
        err.contains(&format!("skipping releases/{newest}")),
        "{err}"
    );
    assert!(out.contains("release 2025-01-03-register-"), "{out}");
    assert!(out.contains("Russia"), "{out}");
    let named = run(
        &[
            "imports",
            "Kazakhstan",
            "-p",
            "2020-2022",
            "--release",
            &newest,
        ],
        &data,
    );
    assert_eq!(named.status.code(), Some(1));
    let err = String::from_utf8_lossy(&named.stderr);
    assert!(
        err.contains(&format!("release {newest} is damaged")),
        "{err}"
    );
}

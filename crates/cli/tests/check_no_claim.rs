//! `armsflow check` on a sentence with no readable claim printed an error
//! ("no checkable claim found in: …") and failed. It now answers like any
//! other claim the release cannot decide: a "cannot be checked" row with the
//! reason, exit status 0, the reason in the sentence's language.

use crate::import_support::*;
use std::fs;

fn store(tmp: &std::path::Path) -> std::path::PathBuf {
    let data = tmp.join("data");
    let file = tmp.join("good.csv");
    fs::write(&file, good_register()).unwrap();
    ok(&import(&file, &data, &[]));
    data
}

#[test]
fn check_without_a_claim_is_a_cannot_be_checked_row() {
    let tmp = tempfile::tempdir().unwrap();
    let data = store(tmp.path());

    // No claim-like words at all.
    let out = run(
        &["check", "Kazakhstan is a country in Central Asia."],
        &data,
    );
    let text = ok(&out);
    assert!(text.contains("cannot be checked"), "{text}");
    assert!(text.contains("no claim that can be checked"), "{text}");

    // A claim without a period: the skipped sentence's reason is the answer.
    let out = run(
        &[
            "check",
            "Russia supplied 88 % of Kazakhstan's arms imports.",
        ],
        &data,
    );
    let text = ok(&out);
    assert!(text.contains("cannot be checked"), "{text}");
    assert!(text.contains("no period stated"), "{text}");

    // German sentence, German reason; the verdict column stays the stable code.
    let out = run(
        &[
            "check",
            "Russland lieferte 88 Prozent der Waffenimporte Kasachstans.",
            "-f",
            "json",
        ],
        &data,
    );
    let text = ok(&out);
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let rows = v["rows"].as_array().or(v["data"].as_array()).cloned();
    assert!(text.contains("cannot be checked"), "{text}");
    assert!(text.contains("nicht überprüfbar"), "{text}");
    assert!(text.contains("kein Zeitraum angegeben"), "{text}");
    assert!(!text.contains("no period stated"), "{text}");
    assert!(rows.is_none_or(|r| r.len() == 1), "{text}");

    // A structured claim that does not parse is still an error.
    let out = run(&["check", "share imports KAZ from = 88%"], &data);
    assert!(!out.status.success());
}

//! Every figure says what part of it rests on SIPRI's estimates: switching,
//! group shares and event studies did not (alignment probe 27: Kazakhstan's
//! imports are 31.7 % estimated in 2015-19 and 57.3 % in 2020-24, so a part
//! of its 6.0 % switch is a move of the estimates). Expected values from
//! scripts/estimates_reference.py over the raw register: Kazakhstan 0.317086
//! and 0.572559, Egypt 0.504504 and 0.381033, Kazakhstan from Russia in
//! 2020-24 0.626702.

use crate::import_support::*;

/// The JSON rows of a table output.
fn rows(out: &str) -> Vec<serde_json::Value> {
    let v: serde_json::Value = serde_json::from_str(out).expect("JSON");
    v["rows"].as_array().expect("rows").clone()
}

fn near(v: &serde_json::Value, want: f64) -> bool {
    // Percentages, rounded to presentation (one decimal) only in text.
    v.as_f64().is_some_and(|x| (x - want * 100.0).abs() < 1e-3)
}

#[test]
fn real_switching_groups_and_event_studies_say_what_is_estimated() {
    let Some((_tmp, data)) = imported_shared(module_path!(), testkit::REGISTER_2026) else {
        return;
    };
    for (country, before, after) in [
        ("Kazakhstan", 0.317086, 0.572559),
        ("Egypt", 0.504504, 0.381033),
    ] {
        let out = ok(&run(
            &[
                "switching",
                "--country",
                country,
                "--from",
                "2015-2019",
                "--to",
                "2020-2024",
                "-f",
                "json",
            ],
            &data,
        ));
        let r = &rows(&out)[0];
        assert!(near(&r["estimated % before"], before), "{r}");
        assert!(near(&r["estimated % after"], after), "{r}");
    }
    let out = ok(&run(
        &[
            "groups",
            "Kazakhstan",
            "--group",
            "CSTO",
            "--period",
            "2020-2024",
            "-f",
            "json",
        ],
        &data,
    ));
    let r = &rows(&out)[0];
    assert!(near(&r["estimated %"], 0.626702), "{r}");
    let out = ok(&run(
        &[
            "event-study",
            "--group",
            "Abraham Accords",
            "--member",
            "Kazakhstan",
        ],
        &data,
    ));
    assert!(
        out.contains("Totals: 1328.98 TIV (57.3% estimated) before, nothing after yet."),
        "{out}"
    );
    // Belgium joined NATO in 1949: its after window, 1950-54, is before the
    // register's first year, so no data, not "none yet".
    let out = ok(&run(
        &[
            "event-study",
            "--group",
            "NATO",
            "--member",
            "Belgium",
            "--partner",
            "United States",
        ],
        &data,
    ));
    assert!(
        out.contains("United States share: no data before, no data after."),
        "{out}"
    );
}

/// Surfaces probe 30: on the legacy register the estimated share is near 0
/// because its layout cannot flag delivery years, and the notes said only
/// "a lower bound"; a group with no TIV showed "0.0%" estimated.
/// Kazakhstan's legacy estimated shares, 6.32 % (2015-19) and 0.00 %
/// (2020-24), are the probe's pandas figures (numbers delivered flagged
/// "?", deal totals spread evenly over their years).
#[test]
fn real_estimated_columns_say_what_the_layout_flags() {
    let Some((_tmp, data)) = imported_shared(module_path!(), testkit::LEGACY_2025) else {
        return;
    };
    let out = ok(&run(
        &[
            "switching",
            "--country",
            "Kazakhstan",
            "--from",
            "2015-2019",
            "--to",
            "2020-2024",
            "-f",
            "json",
        ],
        &data,
    ));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let r = &v["rows"][0];
    let pct = |k: &str| r[k].as_f64().unwrap_or(f64::NAN);
    assert!((pct("estimated % before") - 6.32).abs() < 0.01, "{r}");
    assert!(pct("estimated % after").abs() < 0.01, "{r}");
    assert!(
        v["notes"]
            .to_string()
            .contains("the legacy register flags estimated order years and numbers only"),
        "{v}"
    );
    let out = ok(&run(
        &[
            "groups",
            "Kazakhstan",
            "--group",
            "Abraham Accords",
            "--period",
            "2020-2024",
            "-f",
            "json",
        ],
        &data,
    ));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(v["rows"][0]["estimated %"].is_null(), "{v}");
}

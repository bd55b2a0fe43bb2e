//! User membership files and scenario parties as alignment probe 17 wrote
//! them, on the real Feb-2026 register (imported at run time, never
//! committed). Expected figures: the probe's pandas over the raw register
//! (Kazakhstan 2020-24: 1175.20 TIV from Russia of 1328.98, 88.43 %).

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Output;

const REGISTER_2026: &str = "data/sipri/nagehanrdogan-trade-register-2026/trade_register.csv";

/// The binary on `data` (`import_support::run`, which passes `--data-dir`).
fn armsflow(data: &Path, args: &[&str]) -> Output {
    crate::import_support::run(args, data)
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A data dir with the Feb-2026 register, or `None` (skipped loudly) without `shared/`.
fn imported() -> Option<(tempfile::TempDir, PathBuf)> {
    let reg = testkit::shared_path(module_path!(), REGISTER_2026)?;
    let tmp = tempfile::tempdir().unwrap();
    let out = armsflow(tmp.path(), &["import", reg.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let dir = tmp.path().to_path_buf();
    Some((tmp, dir))
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p.to_str().unwrap().to_string()
}

/// Regression: in the groups.csv layout a member written as a name (`Russia`)
/// or a lower-case code (`rus`) was taken as a key no release has, and the
/// group answered 0.0 % without a word; an unknown one (`XXX`) likewise.
#[test]
fn member_names_in_a_groups_file_are_resolved_or_refused() {
    let Some((_tmp, data)) = imported() else {
        return;
    };
    let f = write(
        &data,
        "keys.csv",
        "group,member,joined,left,note\nT1,RUS,2000-01-01,,\nT2,Russia,2000-01-01,,\nT3,rus,2000-01-01,,\n",
    );
    let out = armsflow(
        &data,
        &[
            "groups",
            "Kazakhstan",
            "--groups",
            &f,
            "--group",
            "T1",
            "--group",
            "T2",
            "--group",
            "T3",
            "--period",
            "2020-2024",
            "-f",
            "json",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let rows = v["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 3);
    for r in rows {
        let share = r["share %"].as_f64().unwrap();
        // Shares are printed to four decimals.
        assert!((share - 100.0 * 1175.20 / 1328.98).abs() < 5e-5, "{r}");
    }
    let bad = write(
        &data,
        "bad.csv",
        "group,member,joined,left,note\nT1,RUS,2000-01-01,,\nT4,XXX,2000-01-01,,\n",
    );
    let out = armsflow(
        &data,
        &["groups", "Kazakhstan", "--groups", &bad, "--group", "T4"],
    );
    assert_eq!(out.status.code(), Some(2));
    let e = stderr(&out);
    assert!(e.contains("bad.csv:3: unknown country 'XXX'"), "{e}");
}

/// Regression: two files defining one group: the later silently replaced
/// the earlier, so the answer depended on the order of the arguments. A
/// file with no group rows added nothing without a word.
#[test]
fn a_group_defined_twice_or_a_file_without_groups_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let a = write(
        dir,
        "a.csv",
        "\u{feff}group,member,joined,left,note\nBOM,RUS,2000-01-01,,\n",
    );
    let b = write(
        dir,
        "b.csv",
        "group,member,joined,left,note\nbom,FRA,2000-01-01,,\n",
    );
    let out = armsflow(dir, &["groups", "--groups", &a, "--groups", &b]);
    assert_eq!(out.status.code(), Some(2));
    let e = stderr(&out);
    assert!(e.contains("group 'bom' is defined in both"), "{e}");
    let empty = write(
        dir,
        "h.csv",
        "group,member,joined,left,note\n# nothing yet\n",
    );
    let out = armsflow(dir, &["groups", "--groups", &empty]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("h.csv: no group rows"),
        "{}",
        stderr(&out)
    );
}

/// Regression: a scenario shifting share "to NATO" moved it to NATO**
/// (SIPRI's entry for the organisation itself) unsaid; "to CSTO" was an
/// unknown country without a word of how to name an alignment's members.
#[test]
fn a_scenario_says_how_alignment_names_are_read() {
    let Some((_tmp, data)) = imported() else {
        return;
    };
    let spec = "recipient = \"Kazakhstan\"\nperiod = \"2020-2024\"\n[[change]]\nkind = \"shift\"\n\
        from = \"Russia\"\nto = [\"NATO\"]\npercent = 10\n";
    let f = write(&data, "nato.toml", spec);
    let out = armsflow(&data, &["scenario", &f, "-f", "json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let notes = v["notes"].to_string();
    assert!(notes.contains("'NATO' is read as NATO**"), "{notes}");
    let f = write(&data, "csto.toml", &spec.replace("NATO", "CSTO"));
    let out = armsflow(&data, &["scenario", &f]);
    assert_eq!(out.status.code(), Some(2));
    let e = stderr(&out);
    assert!(
        e.contains("unknown country 'CSTO'") && e.contains("'CSTO' is an alignment"),
        "{e}"
    );
}

/// Alignment probe 27: a shift to a country with no arms exports (Mongolia)
/// was projected without a word ("0.0% → 100.0% of Mongolia's exports");
/// a shift to the recipient itself was an error without the file's line.
/// 15 % of Russia's 1175.20 TIV to Kazakhstan in 2020-24 (pandas over the
/// raw register) is 176.28 TIV.
#[test]
fn a_scenario_says_when_a_supplier_never_exported() {
    let Some((_tmp, data)) = imported() else {
        return;
    };
    let spec = "recipient = \"Kazakhstan\"\nperiod = \"2020-2024\"\n[[change]]\nkind = \"shift\"\n\
        from = \"Russia\"\nto = [\"Mongolia\"]\npercent = 15\n";
    let f = write(&data, "mongolia.toml", spec);
    let out = armsflow(&data, &["scenario", &f, "-f", "json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let notes = v["notes"].to_string();
    assert!(
        notes
            .contains("Mongolia has no arms exports in 2020-2024 in this release, nor in any year")
            && notes.contains("176.28 TIV"),
        "{notes}"
    );
    let f = write(&data, "self.toml", &spec.replace("Mongolia", "Kazakhstan"));
    let out = armsflow(&data, &["scenario", &f]);
    assert_eq!(out.status.code(), Some(2));
    let e = stderr(&out);
    assert!(
        e.contains("self.toml:3: change 1: Kazakhstan is the scenario's recipient"),
        "{e}"
    );
}

/// A file group whose members have no dates counts them in every year, and
/// the notes and errors say so without calling it a command-line group; a
/// spell with no joined date lists its years as "-1999", not "0-1999"
/// (user-files probe 34).
#[test]
fn undated_file_groups_are_not_called_command_line_groups() {
    let Some((_tmp, data)) = imported() else {
        return;
    };
    let f = write(
        &data,
        "undated.csv",
        "group,member,joined,left,note\nX,RUS,,,\nX,ISR,,,\nY,RUS,,2000-01-01,\n",
    );
    let out = armsflow(
        &data,
        &[
            "groups",
            "Kazakhstan",
            "--groups",
            &f,
            "--group",
            "X",
            "-p",
            "2020-2024",
        ],
    );
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(text.contains("Groups without dates"), "{text}");
    assert!(!text.contains("defined on the command line"), "{text}");
    // 1175.20 of 1328.98 TIV from Russia (pandas), Israel nothing.
    assert!(text.contains("88.4"), "{text}");
    let ev = armsflow(&data, &["event-study", "--groups", &f, "--group", "X"]);
    assert!(!ev.status.success());
    let err = stderr(&ev);
    assert!(
        err.contains("no joined date") && !err.contains("ad-hoc"),
        "{err}"
    );
    let list = armsflow(&data, &["groups", "--groups", &f, "--group", "Y"]);
    let text = String::from_utf8_lossy(&list.stdout).into_owned();
    assert!(text.contains("-1999") && !text.contains("0-1999"), "{text}");
}

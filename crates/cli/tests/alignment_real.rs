//! `groups`, `switching`, `event-study` and `pipeline` end to end on the real
//! SIPRI files in `shared/` (imported at run time, never committed). The figures
//! are the ones pinned, and hand-verified, in `crates/engine/tests/groups_real.rs`.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const REGISTER_2026: &str = "data/sipri/nagehanrdogan-trade-register-2026/trade_register.csv";
const LEGACY_2025: &str = "data/sipri/colasdroin-trade-register-2025/trade-register.csv";

fn armsflow(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_armsflow"))
        .args(args)
        .args(["--data-dir", data.to_str().unwrap()])
        .env_remove("ARMSFLOW_DATA_DIR")
        .output()
        .expect("run armsflow")
}

fn shared(rel: &str) -> Option<PathBuf> {
    testkit::shared_path(module_path!(), rel)
}

fn json(data: &Path, args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    let out = armsflow(data, &all);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("json output")
}

fn num(v: &Value) -> f64 {
    v.as_f64().unwrap_or_else(|| panic!("not a number: {v}"))
}

fn notes(v: &Value) -> String {
    v["notes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n.as_str().unwrap())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Kazakhstan's imports from the CSTO and NATO in 2015-19 and 2020-24 (%),
/// pinned and hand-verified in `crates/engine/tests/groups_real.rs`.
fn assert_kazakhstan_group_shares(g: &Value) {
    let shares: Vec<f64> = g["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| num(&r["share %"]))
        .collect();
    let want = [91.1658, 88.4287, 5.9965, 10.3425];
    assert_eq!(shares.len(), 4);
    for (s, w) in shares.iter().zip(want) {
        assert!((s - w).abs() < 1e-3, "{s} vs {w}");
    }
}

#[test]
fn alignment_commands_on_real_releases() {
    let (Some(reg), Some(leg)) = (shared(REGISTER_2026), shared(LEGACY_2025)) else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path();
    for f in [&reg, &leg] {
        let out = armsflow(data, &["import", f.to_str().unwrap()]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let releases = json(data, &["releases"]);
    let ids: Vec<&str> = releases
        .as_array()
        .expect("a list of releases")
        .iter()
        .filter_map(|r| r["id"].as_str())
        .collect();
    let register = ids
        .iter()
        .find(|i| i.contains("-register-"))
        .expect("register id");

    // An ad-hoc group holds its members in every year: no dated-membership
    // rule, no "alignment group" (figure probe). The US's exports to
    // France, Germany and Poland, 2020-24: 2,395.26 of 60,949.25 TIV
    // (pandas over the raw register).
    let adhoc = json(
        data,
        &[
            "groups",
            "United States",
            "--direction",
            "exports",
            "--group",
            "Europe=France,Germany,Poland",
            "--period",
            "2020-2024",
            "--release",
            register,
        ],
    );
    let n = notes(&adhoc);
    assert!(!n.contains("1 July"), "{n}");
    assert!(n.contains("count their members in every year"), "{n}");
    assert!(
        !adhoc["title"].as_str().unwrap_or("").contains("alignment"),
        "{adhoc}"
    );
    let share = num(&adhoc["rows"][0]["share %"]);
    assert!((share - 100.0 * 2395.26 / 60949.25).abs() < 1e-3, "{share}");

    // Group shares: Kazakhstan from the CSTO and NATO.
    let g = json(
        data,
        &[
            "groups",
            "Kazakhstan",
            "--group",
            "CSTO",
            "--group",
            "NATO",
            "--period",
            "2015-2019,2020-2024",
            "--release",
            register,
        ],
    );
    assert_kazakhstan_group_shares(&g);

    // Switching away from Russia.
    let s = json(
        data,
        &[
            "switching",
            "--from",
            "2015-2019",
            "--to",
            "2020-2024",
            "--away-from",
            "Russia",
            "--limit",
            "10",
            "--release",
            register,
        ],
    );
    let top: Vec<&str> = s["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["country"].as_str().unwrap())
        .collect();
    assert_eq!(
        top,
        [
            "Angola",
            "Serbia",
            "Armenia",
            "Nigeria",
            "Viet Nam",
            "Iraq",
            "Azerbaijan",
            "Egypt",
            "Peru",
            "Bahrain"
        ]
    );

    // Event studies: UAE with Israel; Kazakhstan without post-accession data.
    let e = json(
        data,
        &[
            "event-study",
            "--group",
            "Abraham Accords",
            "--member",
            "UAE",
            "--partner",
            "Israel",
            "--release",
            register,
        ],
    );
    let n = notes(&e);
    assert!(
        n.contains("Israel share: 0.0% before (0.00 TIV), 6.0% after (187.50 TIV)"),
        "{n}"
    );
    assert!(
        n.contains("2020, the accession year, is in neither window"),
        "{n}"
    );
    let k = json(
        data,
        &[
            "event-study",
            "--group",
            "Abraham Accords",
            "--member",
            "Kazakhstan",
            "--release",
            register,
        ],
    );
    assert!(notes(&k).contains("No post-accession deliveries yet"));
    // A before window reaching before the release is flagged as every
    // windowed output flags it (it was a closing note only).
    let p = json(
        data,
        &[
            "event-study",
            "--group",
            "NATO",
            "--member",
            "Poland",
            "--release",
            register,
        ],
    );
    assert!(
        notes(&p).contains("WARNING: Window 1994-1998 reaches outside the release"),
        "{}",
        notes(&p)
    );
    assert!(
        p["provenance"]["coverage"]
            .as_str()
            .unwrap()
            .starts_with("partial (1994-1998"),
        "{p}"
    );

    // Pipeline: picks the legacy release by itself; refuses the register.
    let p = json(data, &["pipeline", "Kazakhstan"]);
    let rows = p["rows"].as_array().unwrap();
    let by: Vec<(&str, f64)> = rows
        .iter()
        .map(|r| (r["supplier"].as_str().unwrap(), num(&r["outstanding TIV"])))
        .collect();
    assert_eq!(
        by,
        [
            ("Russia", 254.5),
            ("France", 247.0),
            ("Spain", 73.0),
            ("Germany", 12.0)
        ]
    );
    assert!(notes(&p).contains("Total outstanding: 586.50 TIV in 5 open deal(s)."));
    let out = armsflow(data, &["pipeline", "Kazakhstan", "--release", register]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("needs a legacy-register release"));

    // A share on the legacy register rests on our split of deal totals into
    // years: no verdict (regression: 88.90 %, "not supported", where SIPRI's
    // per-year register gives 88.4 %). A delivery in a listed year is kept.
    let legacy = ids
        .iter()
        .find(|i| i.contains("-legacy_register-"))
        .expect("legacy id");
    let c = json(
        data,
        &[
            "check",
            "--release",
            legacy,
            "Russia supplied 88% of Kazakhstan's arms imports in 2020-24.",
        ],
    );
    assert_eq!(c["rows"][0]["verdict"], "cannot be checked", "{c}");
    assert!(
        notes(&c).contains("split of legacy-register deal totals into years"),
        "{c}"
    );
    let c = json(
        data,
        &[
            "check",
            "--release",
            legacy,
            "Russia delivered Su-30 aircraft to Kazakhstan in 2016.",
        ],
    );
    assert_eq!(c["rows"][0]["verdict"], "supported", "{c}");

    // An alignment's name where a country is asked for (alignment probe 12):
    // "EU" is SIPRI's organisation European Union** and the answer says so;
    // "CSTO" is no party of SIPRI's data and the error points to --group.
    let s = json(
        data,
        &["switching", "--release", register, "--away-from", "EU"],
    );
    assert!(
        notes(&s).contains("'EU' is read as European Union**")
            && notes(&s).contains("not its member states'"),
        "{s}"
    );
    let out = armsflow(
        data,
        &["switching", "--release", register, "--away-from", "CSTO"],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("'CSTO' is an alignment") && err.contains("--group CSTO"),
        "{err}"
    );
    // Two groups under one label are refused; a file's group that replaces
    // a built-in one is named in the answer.
    let out = armsflow(
        data,
        &[
            "groups",
            "Kazakhstan",
            "--group",
            "NATO",
            "--group",
            "NATO=Spain",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    // An ad-hoc group under a built-in name would read as that group (API
    // probe 14: "NATO=USA" answered as NATO, 0.0 %).
    assert!(String::from_utf8_lossy(&out.stderr).contains("'NATO' is already a group"));
    let out = armsflow(
        data,
        &["groups", "Kazakhstan", "--group", "NATO", "--group", "nato"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("two groups named 'NATO'"));
    let file = data.join("nato.csv");
    std::fs::write(
        &file,
        "group,member,joined,left,note\nnato,ESP,1982-05-30,,\n",
    )
    .unwrap();
    let g = json(
        data,
        &[
            "groups",
            "Kazakhstan",
            "--release",
            register,
            "--group",
            "NATO",
            "--groups",
            file.to_str().unwrap(),
        ],
    );
    assert!(
        notes(&g).contains("(1 member(s)), which replaces the built-in NATO"),
        "{g}"
    );
    // A country's share of its own imports is refused, not shown as 0.0 %;
    // one country that is not compared gets its reason (Iceland's only
    // delivery is of 2011: pandas); SIPRI's unknown recipient is counted.
    for args in [
        &["switching", "--country", "Russia", "--away-from", "Russia"][..],
        &[
            "event-study",
            "--group",
            "Abraham Accords",
            "--member",
            "UAE",
            "--partner",
            "UAE",
        ][..],
    ] {
        let out = armsflow(data, args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("its own imports is always 0"));
    }
    let s = json(
        data,
        &["switching", "--release", register, "--country", "Iceland"],
    );
    assert!(
        notes(&s).contains("Iceland is not compared: it imported nothing in either window."),
        "{s}"
    );
    let s = json(data, &["switching", "--release", register]);
    assert!(
        notes(&s).contains("SIPRI's placeholder unknown recipient(s)"),
        "{s}"
    );
}

/// The compiled alignment file (`shared/data/blocs/blocs.csv`: countries by
/// name, `bloc,country,…` header) is taken by `--groups` as it comes; its
/// CSTO and NATO replace the built-in ones (derived from it), with the same
/// shares for Kazakhstan. Regression: it was refused for its header.
#[test]
fn the_compiled_blocs_file_is_a_groups_file() {
    let (Some(reg), Some(blocs)) = (shared(REGISTER_2026), shared("data/blocs/blocs.csv")) else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path();
    let out = armsflow(data, &["import", reg.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let blocs = blocs.to_str().unwrap();
    let g = json(
        data,
        &[
            "groups",
            "Kazakhstan",
            "--groups",
            blocs,
            "--group",
            "CSTO",
            "--group",
            "NATO",
            "--period",
            "2015-2019,2020-2024",
        ],
    );
    assert_kazakhstan_group_shares(&g);
    let list = json(data, &["groups", "--groups", blocs]);
    let csto = list["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["group"] == "CSTO")
        .expect("CSTO listed under its built-in name");
    assert_eq!(csto["spells"], 10, "{csto}");
}

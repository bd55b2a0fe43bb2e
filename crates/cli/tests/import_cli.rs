//! `armsflow import`, `releases` and `demo-data` end to end: idempotence,
//! listings, SYNTHETIC marking, kills mid-import, and the real SIPRI files.

use crate::import_support::*;
use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

fn demo(file: &Path, scale: u32, seed: u64) {
    let out = armsflow()
        .args([
            "demo-data",
            "--scale",
            &scale.to_string(),
            "--seed",
            &seed.to_string(),
            "-o",
        ])
        .arg(file)
        .output()
        .unwrap();
    ok(&out);
    assert!(String::from_utf8_lossy(&out.stderr).contains("SYNTHETIC"));
}

fn releases_json(data: &Path) -> Vec<serde_json::Value> {
    let out = run(&["releases", "--format", "json"], data);
    serde_json::from_str::<serde_json::Value>(&ok(&out))
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

#[test]
fn import_is_idempotent_and_listed() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let file = tmp.path().join("demo.csv");
    demo(&file, 1, 5);
    let first = ok(&import(&file, &data, &[]));
    assert!(first.contains("(created)"), "{first}");
    assert!(first.contains("SYNTHETIC"), "{first}");
    assert!(first.contains("rejected          0"), "{first}");
    let tree = snapshot(&data);
    let second = ok(&import(&file, &data, &[]));
    assert!(second.contains("already present"), "{second}");
    assert_eq!(snapshot(&data), tree, "second import changed the store");

    // JSON report for machines.
    let json: serde_json::Value =
        serde_json::from_str(&ok(&import(&file, &data, &["--format", "json"]))).unwrap();
    assert_eq!(json[0]["outcome"], "already_present");
    assert_eq!(json[0]["synthetic"], true);
    assert!(json[0]["report"]["rows_imported"].as_u64().unwrap() > 20_000);

    // A second, different release becomes the latest when it is newer.
    let other = tmp.path().join("other.csv");
    fs::write(&other, good_register()).unwrap();
    ok(&import(&other, &data, &[]));
    let list = releases_json(&data);
    assert_eq!(list.len(), 2);
    let latest: Vec<bool> = list
        .iter()
        .map(|r| r["latest"].as_bool().unwrap())
        .collect();
    assert_eq!(latest.iter().filter(|&&l| l).count(), 1);
    // Demo data is dated 2025 by its seed, the hand-made file 3 Jan 2025.
    let ordered: Vec<&str> = list
        .iter()
        .map(|r| r["generated"].as_str().unwrap())
        .collect();
    let mut sorted = ordered.clone();
    sorted.sort();
    assert_eq!(ordered, sorted);
    let table = ok(&run(&["releases"], &data));
    assert!(
        table.contains("SYNTHETIC") && table.contains("* "),
        "{table}"
    );
}

#[test]
fn empty_store_says_what_to_do() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    // A missing data directory is an error that says what to do; it is not
    // created (issue #12).
    let missing = run(&["releases"], &data);
    assert_eq!(missing.status.code(), Some(2));
    let err = String::from_utf8_lossy(&missing.stderr);
    assert!(err.contains("armsflow import FILE"), "{err}");
    assert!(!data.exists());
    fs::create_dir(&data).unwrap();
    let out = ok(&run(&["releases"], &data));
    assert!(
        out.contains("armsflow import FILE") && out.contains("demo-data"),
        "{out}"
    );
    assert!(releases_json(&data).is_empty());
}

#[test]
fn demo_data_is_deterministic_and_streams_to_stdout() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = (tmp.path().join("a.csv"), tmp.path().join("b.csv"));
    demo(&a, 1, 9);
    demo(&b, 1, 9);
    let bytes = fs::read(&a).unwrap();
    assert_eq!(bytes, fs::read(&b).unwrap());
    let out = armsflow()
        .args(["demo-data", "--seed", "9", "-o", "-"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(out.stdout, bytes);
    demo(&b, 1, 10);
    assert_ne!(fs::read(&b).unwrap(), bytes);
}

/// SIGKILL an import of a big SYNTHETIC file at a few moments: afterwards only
/// complete releases are visible, and all of them load.
#[test]
fn kill_during_import_leaves_no_partial_release() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let file = tmp.path().join("big.csv");
    demo(&file, 10, 77);
    let started = Instant::now();
    let mut interrupted = 0;
    for (i, ms) in [30u64, 150, 400, 900, 1600].into_iter().enumerate() {
        let mut child = armsflow()
            .arg("import")
            .arg(&file)
            .arg("--data-dir")
            .arg(&data)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(ms));
        let _ = child.kill();
        let status = child.wait().unwrap();
        if !status.success() {
            interrupted += 1;
        }
        let store = store::Store::open(&data).unwrap();
        let listed = store.list().unwrap_or_else(|e| panic!("kill {i}: {e}"));
        assert!(listed.len() <= 1, "kill {i}: {listed:?}");
        for m in &listed {
            let r = store
                .load(&m.id)
                .unwrap_or_else(|e| panic!("kill {i}: {e}"));
            assert!(r.flows.len() > 200_000 && r.flows.is_consistent());
            // Start over so the next kill lands on a real write again.
            fs::remove_dir_all(data.join("releases").join(&m.id)).unwrap();
        }
        for e in fs::read_dir(data.join("releases"))
            .into_iter()
            .flatten()
            .flatten()
        {
            let name = e.file_name().to_string_lossy().into_owned();
            assert!(name.starts_with(".tmp-"), "kill {i}: stray {name}");
        }
        if started.elapsed() > Duration::from_secs(60) {
            break;
        }
    }
    assert!(interrupted > 0, "no kill landed during an import");
    // A clean import afterwards works and sweeps the dead imports' temp dirs.
    ok(&import(&file, &data, &[]));
    let names: Vec<String> = fs::read_dir(data.join("releases"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 1, "{names:?}");
}

fn import_shared(rel: &str, what: &str) -> Option<(serde_json::Value, tempfile::TempDir)> {
    let shared = shared_dir(what)?;
    let file = shared.join("data/sipri").join(rel);
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let json: serde_json::Value =
        serde_json::from_str(&ok(&import(&file, &data, &["--format", "json"]))).unwrap();
    assert_eq!(json[0]["outcome"], "created");
    assert_eq!(json[0]["synthetic"], false);
    Some((json[0].clone(), tmp))
}

#[test]
fn real_feb_2026_register_imports_and_loads_fast() {
    let Some((j, tmp)) = import_shared(
        "nagehanrdogan-trade-register-2026/trade_register.csv",
        "Feb-2026 register",
    ) else {
        return;
    };
    let r = &j["report"];
    assert_eq!(r["rows_imported"], 25_024, "{r}");
    assert_eq!(r["deals"], 12_571);
    assert_eq!(r["rejected"].as_array().unwrap().len(), 0);
    assert_eq!(r["unresolved"].as_array().unwrap().len(), 0);
    let id = j["release"].as_str().unwrap();
    assert!(id.starts_with("2026-02-12-register-"), "{id}");
    let store = store::Store::open(tmp.path().join("data")).unwrap();
    let t = Instant::now();
    let release = store.load(id).unwrap();
    let took = t.elapsed();
    eprintln!("loaded {} flows in {took:?}", release.flows.len());
    assert!(took < Duration::from_secs(2), "{took:?}");
    assert_eq!(release.flows.len(), 25_024);
    let total = r["tiv_total"].as_f64().unwrap();
    assert!((release.flows.total_tiv() - total).abs() < 0.01);
    assert!(!release.meta.synthetic);
}

#[test]
fn real_legacy_register_imports_with_repairs() {
    let Some((j, _tmp)) = import_shared(
        "colasdroin-trade-register-2025/trade-register.csv",
        "legacy register",
    ) else {
        return;
    };
    let r = &j["report"];
    assert_eq!(r["deals"], 29_515, "{r}");
    assert_eq!(r["rows_repaired"], 4);
    assert_eq!(r["rejected"].as_array().unwrap().len(), 0);
    assert!(r["flows_allocated"].as_u64().unwrap() > 0);
    assert!(
        j["release"]
            .as_str()
            .unwrap()
            .starts_with("2025-03-13-legacy_register-")
    );
}

/// A file that cannot be mapped (a pipe) is read instead: the same release.
#[test]
fn import_from_a_pipe_equals_import_from_the_file() {
    use std::io::Write;
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("reg.csv");
    fs::write(&file, good_register()).unwrap();
    let id = |out: &std::process::Output| {
        let json: serde_json::Value = serde_json::from_str(&ok(out)).unwrap();
        json[0]["release"].as_str().unwrap().to_string()
    };
    let mapped = id(&import(&file, &tmp.path().join("a"), &["--format", "json"]));
    let piped = |name: &str, dir: &str, text: &str| {
        let mut child = armsflow()
            .args(["import", name, "--format", "json", "--data-dir"])
            .arg(tmp.path().join(dir))
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        stdin.write_all(text.as_bytes()).unwrap();
        drop(stdin);
        child.wait_with_output().unwrap()
    };
    assert_eq!(id(&piped("/dev/stdin", "b", &good_register())), mapped);
    // `-` is standard input too, named so in the report and in errors.
    let out = piped("-", "c", &good_register());
    assert_eq!(id(&out), mapped);
    let json: serde_json::Value = serde_json::from_str(&ok(&out)).unwrap();
    assert_eq!(json[0]["file"], "<stdin>");
    let bad = piped("-", "d", "SIPRI AT Database ID,Supplier\n");
    assert_eq!(bad.status.code(), Some(2));
    let err = String::from_utf8_lossy(&bad.stderr);
    assert!(err.contains("<stdin>:1: header has 2 columns"), "{err}");
}

/// Two files of one format and one "Data generated" date with different
/// content: the second import says so, names the first, and JSON lists it
/// (regression of the hostile-files probe: an edited copy silently became
/// the default release).
#[test]
fn same_date_other_content_is_a_warning() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let (a, b) = (tmp.path().join("a.csv"), tmp.path().join("b.csv"));
    fs::write(&a, good_register()).unwrap();
    fs::write(&b, good_register().replace(",2.25", ",3.25")).unwrap();
    let first = ok(&import(&a, &data, &[]));
    assert!(!first.contains("WARNING"), "{first}");
    let second = ok(&import(&b, &data, &[]));
    assert!(
        second.contains("WARNING: the store holds other content generated the same day"),
        "{second}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&ok(&import(&b, &data, &["--format", "json"]))).unwrap();
    assert_eq!(
        json[0]["same_date"].as_array().map(Vec::len),
        Some(1),
        "{json}"
    );
}

/// A release's caveats lead every answer, and no claim verdict rests on it
/// (regression of the hostile-files probe: an exports table cut before its
/// "Total world" row answered "United States 44.0 %", coverage complete).
#[test]
fn caveats_lead_every_answer() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let file = tmp.path().join("cut.csv");
    fs::write(
        &file,
        "Volume\nData generated: 13 Oct 2024 12:33:29 PM\nExports by,2021,2022,2023,2024,2021-2024\n\
         United States,10,20,30,,60\nFrance,1,2,3,,6\n",
    )
    .unwrap();
    let imported = ok(&import(&file, &data, &[]));
    assert!(imported.contains("no 'Total world' row"), "{imported}");
    assert!(
        imported.contains("delivery years    2021-2023"),
        "{imported}"
    );
    let top = ok(&run(&["top", "exporters", "--period", "2021-2023"], &data));
    assert!(
        top.contains("WARNING: release") && top.contains("no 'Total world' row"),
        "{top}"
    );
    let json: serde_json::Value = serde_json::from_str(&ok(&run(
        &[
            "top",
            "exporters",
            "--period",
            "2021-2023",
            "--format",
            "json",
        ],
        &data,
    )))
    .unwrap();
    assert!(json.to_string().contains("no 'Total world' row"), "{json}");
    let check = ok(&run(
        &[
            "check",
            "The United States accounted for 91 % of global arms exports in 2021-23.",
        ],
        &data,
    ));
    assert!(check.contains("cannot be checked"), "{check}");
    assert!(
        check.contains("carries a caveat from its import"),
        "{check}"
    );

    // A register imported with --skip-bad-rows: every answer leads with the
    // caveat, also the commands that write no window notes (the orders
    // pipeline of a legacy register).
    let reg = tmp.path().join("reg.csv");
    let mut text = good_register();
    text.push_str(&register_row(9, 2021, &[(15, "x")]));
    fs::write(&reg, text).unwrap();
    let legacy = tmp.path().join("legacy.csv");
    fs::write(
        &legacy,
        "Title\nData generated: 13 Mar 2025 10:02:49 AM\n\
         Recipient,Supplier,Year of order, ,Number ordered, ,Weapon designation,Weapon description,Number delivered, ,Year(s) of delivery,status,Comments,SIPRI TIV per unit,SIPRI TIV for total order,SIPRI TIV of delivered weapons\n\
         India,Russia,2019,,10,,Su-30MK,FGA aircraft,5,,2021,New,,20,200,100\n\
         India,Russia,20x9,,10,,Su-30MK,FGA aircraft,5,,2021,New,,20,200,100\n",
    )
    .unwrap();
    let data = tmp.path().join("data2");
    ok(&import(&reg, &data, &["--skip-bad-rows"]));
    ok(&import(&legacy, &data, &["--skip-bad-rows"]));
    let reg_id = releases_json(&data)
        .iter()
        .find(|r| r["format"] == "register")
        .map(|r| r["id"].as_str().unwrap().to_string())
        .unwrap();
    for args in [
        &["pipeline", "India"][..],
        &[
            "deals",
            "Kazakhstan",
            "--period",
            "2020-2022",
            "--release",
            &reg_id,
        ][..],
        &[
            "top",
            "importers",
            "--period",
            "2020-2022",
            "--release",
            &reg_id,
        ][..],
    ] {
        let out = ok(&run(args, &data));
        assert!(
            out.contains("WARNING: release")
                && out.contains("1 row of the source file was rejected"),
            "{args:?}: {out}"
        );
    }
}

/// A successor state asked about a release that lists its predecessor apart:
/// the answer says where the earlier years are (regression of the
/// query-parameter probe: "Russia supplied 0.0 % of India's imports" in
/// 1985-89 on the legacy register, where the Soviet Union supplied ~75 %).
#[test]
fn a_successor_state_names_its_predecessor() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let file = tmp.path().join("legacy.csv");
    fs::write(
        &file,
        "Title\nData generated: 13 Mar 2025 10:02:49 AM\n\
         Recipient,Supplier,Year of order, ,Number ordered, ,Weapon designation,Weapon description,Number delivered, ,Year(s) of delivery,status,Comments,SIPRI TIV per unit,SIPRI TIV for total order,SIPRI TIV of delivered weapons\n\
         India,Soviet Union,1984,,10,,MiG-29,fighter aircraft,10,,1986; 1987,New,,10,100,100\n\
         India,Russia,1995,,5,,Su-30MK,FGA aircraft,5,,1997,New,,20,100,100\n",
    )
    .unwrap();
    ok(&import(&file, &data, &[]));
    let pair = ok(&run(
        &["pair", "Russia", "India", "--period", "1985-1989"],
        &data,
    ));
    assert!(
        pair.contains("SIPRI lists transfers up to 1991 under 'Soviet Union', not under Russia"),
        "{pair}"
    );
    let json = ok(&run(
        &[
            "exports",
            "Russia",
            "--period",
            "1985-1989",
            "--format",
            "json",
        ],
        &data,
    ));
    assert!(json.contains("under 'Soviet Union'"), "{json}");
    // The Soviet Union itself, and India, get no such note.
    let ussr = ok(&run(
        &["exports", "Soviet Union", "--period", "1985-1989"],
        &data,
    ));
    assert!(!ussr.contains("SIPRI lists transfers up to"), "{ussr}");
}

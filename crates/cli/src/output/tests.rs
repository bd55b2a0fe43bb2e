use super::*;

pub(super) fn sample() -> Table {
    let mut t = Table::new("Imports of A", &["rank", "supplier", "TIV", "share %"]);
    t.row(vec![
        Cell::Int(1),
        Cell::text("B|x"),
        Cell::tiv(1175.2),
        Cell::pct(0.88431),
    ]);
    t.row(vec![
        Cell::Int(2),
        Cell::text("C, D"),
        Cell::tiv(2.25),
        Cell::Empty,
    ]);
    t.note("Source: test");
    t.set_meta("release", "r1");
    t
}

#[test]
fn human_formats_round_machine_formats_use_fixed_precision() {
    let t = sample();
    let table = render(&t, Format::Table).unwrap();
    assert!(table.contains("1175.20") && table.contains("88.4%"));
    assert!(table.ends_with("Source: test\n"));
    let md = render(&t, Format::Markdown).unwrap();
    assert!(md.contains("| 1 | B\\|x | 1175.20 | 88.4% |"));
    let csv = render(&t, Format::Csv).unwrap();
    assert!(csv.starts_with("rank,supplier,TIV,share %\n"), "{csv}");
    assert!(csv.contains("\"C, D\",2.25,\n") && csv.contains(",88.431\n"));
    let json: serde_json::Value = serde_json::from_str(&render(&t, Format::Json).unwrap()).unwrap();
    assert_eq!(json["rows"][0]["TIV"], 1175.2);
    assert!(json["rows"][1]["share %"].is_null());
    assert_eq!(json["notes"][0], "Source: test");
    assert_eq!(json["provenance"]["release"], "r1");
}

#[test]
fn float_noise_never_reaches_machine_formats() {
    // Sums of two-decimal values that binary floating point cannot hold.
    let tiv: f64 = [268.73, 1694.87, 1527.55].iter().sum();
    assert_eq!(
        tiv.to_string(),
        "3491.1499999999996",
        "the noise this test is about"
    );
    assert_eq!(Cell::tiv(tiv).raw(), "3491.15");
    assert_eq!(Cell::tiv(0.1 + 0.2).raw(), "0.3");
    assert_eq!(Cell::tiv(85.0).raw(), "85");
    assert_eq!(Cell::tiv(-0.001).raw(), "0");
    assert_eq!(Cell::pct(0.07).raw(), "7");
    assert_eq!(Cell::pct(0.1 + 0.2).raw(), "30");
    assert_eq!(Cell::pct(2.0 / 3.0).raw(), "66.6667");
    assert_eq!(Cell::num(0.1 + 0.2, 3).raw(), "0.3");
    assert_eq!(Cell::pct(f64::NAN).raw(), "");
    assert_eq!(Cell::pct(f64::NAN).json(), serde_json::Value::Null);
    assert_eq!(Cell::Bool(true).raw(), "true");
    assert_eq!(Cell::Bool(false).display(), "no");
}

/// Regression (CLI probe 17): a legacy split value of 2928.475 TIV was
/// 2928.47 in the table and 2928.48 in CSV and JSON. Every format rounds
/// the same value the same way.
#[test]
fn tiv_rounds_alike_in_every_format() {
    let v = 8785.425 / 3.0; // 2928.475 in decimal, 2928.4749… in binary
    assert!(
        format!("{v:.2}") == "2928.47",
        "the case this test is about"
    );
    assert_eq!(Cell::tiv(v).raw(), "2928.48");
    assert_eq!(Cell::tiv(v).display(), "2928.48");
    assert_eq!(Cell::tiv(-0.004).display(), "0.00");
}

#[test]
fn lists_are_short_for_people_and_full_for_machines() {
    let names: Vec<String> = (1..=6).map(|i| format!("S{i}")).collect();
    let c = Cell::list(names, 4);
    assert_eq!(c.display(), "S1, S2, S3, S4 (+2 more)");
    assert_eq!(c.raw(), "S1; S2; S3; S4; S5; S6");
    assert_eq!(c.json(), serde_json::json!("S1; S2; S3; S4; S5; S6"));
}

#[test]
fn empty_table_still_prints_notes() {
    let mut t = Table::new("Nothing", &["a"]);
    t.note("No deliveries");
    assert_eq!(
        render(&t, Format::Table).unwrap(),
        "Nothing\n\nNo deliveries\n"
    );
}

#[test]
fn csv_file_gets_a_data_package_and_meta_keeps_comments() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("kaz.csv");
    let args = OutputArgs {
        format: Some(Format::Csv),
        output: Some(p.clone()),
        meta: false,
    };
    emit(&sample(), &args).unwrap();
    let csv = std::fs::read_to_string(&p).unwrap();
    assert!(csv.starts_with("rank,"), "{csv}");
    let dp: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.path().join("kaz.datapackage.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(dp["resources"][0]["path"], "kaz.csv");
    let fields = &dp["resources"][0]["schema"]["fields"];
    assert_eq!(fields[0]["type"], "integer");
    assert_eq!(fields[1]["type"], "string");
    assert_eq!(fields[2]["type"], "number");
    assert_eq!(fields[2]["unit"], "TIV (millions)");
    assert_eq!(fields[3]["unit"], "percent");
    assert_eq!(dp["armsflow"]["release"], "r1");

    let args = OutputArgs { meta: true, ..args };
    emit(&sample(), &args).unwrap();
    let csv = std::fs::read_to_string(&p).unwrap();
    assert!(
        csv.starts_with("# Imports of A\n# Source: test\nrank,"),
        "{csv}"
    );
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty());
}

/// Regression (CLI probe 17): `-o kaz.csv` without `--format` wrote an
/// aligned text table into a file named .csv.
#[test]
fn the_output_file_names_the_format_unless_one_is_asked_for() {
    let args = |format: Option<Format>, out: Option<&str>| OutputArgs {
        format,
        output: out.map(std::path::PathBuf::from),
        meta: false,
    };
    assert_eq!(args(None, None).format(), Format::Table);
    assert_eq!(args(None, Some("kaz.csv")).format(), Format::Csv);
    assert_eq!(args(None, Some("KAZ.JSON")).format(), Format::Json);
    assert_eq!(args(None, Some("kaz.md")).format(), Format::Markdown);
    assert_eq!(args(None, Some("kaz.parquet")).format(), Format::Parquet);
    assert_eq!(args(None, Some("kaz.txt")).format(), Format::Table);
    assert_eq!(
        args(Some(Format::Table), Some("kaz.csv")).format(),
        Format::Table
    );
}

//! Issue 16: query figures stay identical on the real registers when flows and
//! entities come from the `flows.cols` / `entities.cols` caches instead of the
//! Parquet files (the unchanged, pre-cache path, kept as the reference). Every answer is compared as the
//! whole JSON output, byte for byte, which is stricter than 1e-12.
//! The SIPRI files are read at run time from the shared directory.

use crate::import_support;
use std::path::Path;

/// The binary's stdout for `args` on `data`; fails the test on a non-zero exit.
fn run(data: &Path, args: &[&str]) -> String {
    import_support::ok(&import_support::run(args, data))
}

const QUESTIONS: &[&[&str]] = &[
    &["imports", "Kazakhstan", "--period", "2020-2024"],
    &["imports", "India", "--period", "2015-2019", "--by-category"],
    &["imports", "Ukraine", "--period", "2022-2024"],
    &["imports", "Saudi Arabia"],
    &["exports", "Russia", "--period", "2020-2024"],
    &["exports", "United States", "--period", "1990-1994"],
    &["exports", "France", "--category", "aircraft"],
    &["top", "exporters", "--period", "2020-2024", "--limit", "40"],
    &["top", "importers", "--period", "2000-2004", "--limit", "40"],
    &["concentration", "Egypt"],
    &["concentration", "--all", "--period", "2020-2024"],
    &["pair", "Russia", "Kazakhstan", "--period", "2020-2024"],
    &["pair", "China", "Pakistan"],
];

fn answers(data: &Path) -> Vec<String> {
    QUESTIONS
        .iter()
        .map(|q| {
            let mut a = q.to_vec();
            a.extend(["--format", "json"]);
            // A refusal (the legacy register has no categories) must be the
            // same refusal on both paths.
            let out = import_support::run(&a, data);
            format!(
                "{}\n{}\n{}",
                out.status,
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            )
        })
        .collect()
}

fn same_with_and_without_cache(rel: &str) {
    let Some(file) = testkit::shared_path(module_path!(), rel) else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    run(d, &["import", file.to_str().unwrap()]);
    let release = std::fs::read_dir(d.join("releases"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.join("release.json").exists())
        .unwrap();
    let cols = release.join("flows.cols");
    assert!(cols.exists(), "import writes the flows cache");
    assert!(release.join("entities.cols").exists());
    let cached = answers(d);
    std::fs::remove_file(&cols).unwrap();
    std::fs::remove_file(release.join("entities.cols")).unwrap();
    let parquet = answers(d);
    for ((q, a), b) in QUESTIONS.iter().zip(&cached).zip(&parquet) {
        assert_eq!(a, b, "{q:?} differs between flows.cols and flows.parquet");
    }
}

#[test]
fn register_2026_figures_identical_with_flows_cache() {
    same_with_and_without_cache(testkit::REGISTER_2026);
}

#[test]
fn legacy_register_2025_figures_identical_with_flows_cache() {
    same_with_and_without_cache(testkit::LEGACY_2025);
}

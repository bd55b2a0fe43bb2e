//! Test helpers: locating the shared SIPRI files (never copied into the repo).
#![allow(dead_code)]

use std::path::PathBuf;

/// `$ARMSFLOW_SHARED_DIR`, else the first `shared` dir found walking up from the
/// crate. `None` (with a loud message) when absent, unless `ARMSFLOW_REQUIRE_SHARED=1`.
pub fn shared_dir(test: &str) -> Option<PathBuf> {
    let found = match std::env::var_os("ARMSFLOW_SHARED_DIR") {
        Some(d) => Some(PathBuf::from(d)).filter(|p| p.is_dir()),
        None => std::fs::canonicalize(env!("CARGO_MANIFEST_DIR"))
            .unwrap_or_else(|_| PathBuf::from(env!("CARGO_MANIFEST_DIR")))
            .ancestors()
            .map(|a| a.join("shared"))
            .find(|p| p.join("data/sipri").is_dir()),
    };
    if found.is_none() {
        if std::env::var("ARMSFLOW_REQUIRE_SHARED").as_deref() == Ok("1") {
            panic!("{test}: shared data dir not found and ARMSFLOW_REQUIRE_SHARED=1");
        }
        eprintln!("SKIPPED: {test}: shared data dir not found (set ARMSFLOW_SHARED_DIR)");
    }
    found
}

/// A file under `shared/data/sipri/`, read whole.
pub fn sipri_file(test: &str, rel: &str) -> Option<(String, Vec<u8>)> {
    let dir = shared_dir(test)?;
    let p = dir.join("data/sipri").join(rel);
    let bytes = std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
    let name = p.file_name().unwrap().to_string_lossy().into_owned();
    Some((name, bytes))
}

pub fn read_named(name: &str, bytes: &[u8]) -> (model::Release, model::ImportReport) {
    let opts = sipri::ReadOptions {
        file_name: name.to_string(),
        skip_bad_rows: false,
    };
    sipri::read(bytes, &opts).unwrap_or_else(|e| panic!("{e}"))
}

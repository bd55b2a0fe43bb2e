//! Test helpers: locating the shared SIPRI files (never copied into the repo).
#![allow(dead_code)]

use std::path::PathBuf;

/// `$ARMSFLOW_SHARED_DIR`, else the first `shared` dir found walking up from the
/// crate. `None` (with a loud message) when absent, unless `ARMSFLOW_REQUIRE_SHARED=1`.
pub fn shared_dir(test: &str) -> Option<PathBuf> {
    testkit::shared(test)
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

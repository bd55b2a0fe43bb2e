//! Test helpers: the shared SIPRI files (read at run time, never copied) and
//! hand-built synthetic releases.
#![allow(dead_code)]

use model::Release;
use std::path::PathBuf;
use std::sync::OnceLock;

/// `$ARMSFLOW_SHARED_DIR`, else the first `shared` directory above this crate.
pub fn shared_dir() -> Option<PathBuf> {
    testkit::shared_dir()
}

/// Says loudly that a real-data test is skipped, or fails it under
/// `ARMSFLOW_REQUIRE_SHARED=1` (CI).
pub fn missing(what: &str) {
    testkit::skip("claims real-data test", what);
}

const REGISTER_2026: &str = "data/sipri/nagehanrdogan-trade-register-2026/trade_register.csv";

/// The Feb-2026 trade register, read once per test binary.
pub fn register_2026() -> Option<&'static Release> {
    static R: OnceLock<Option<Release>> = OnceLock::new();
    R.get_or_init(|| {
        let path = shared_dir()?.join(REGISTER_2026);
        let bytes = std::fs::read(&path).ok()?;
        let opts = sipri::ReadOptions {
            file_name: "trade_register.csv".into(),
            skip_bad_rows: false,
        };
        let (rel, _report) = sipri::read(&bytes, &opts).expect("Feb-2026 register reads");
        Some(rel)
    })
    .as_ref()
}

/// The register or a loud skip.
pub fn register_or_skip() -> Option<&'static Release> {
    let r = register_2026();
    if r.is_none() {
        missing(REGISTER_2026);
    }
    r
}

pub fn seed_article() -> Option<String> {
    let p = shared_dir()?.join("seed/article-kazakhstan-abraham-accords-de.txt");
    std::fs::read_to_string(p).ok()
}

//! The one place that knows where the shared SIPRI files live, and how a test
//! that needs them skips (loudly) or fails (in CI).
//!
//! SIPRI's licence forbids redistribution, so real files are never copied into
//! the repository: tests read them from `shared/` at run time.

pub mod mock;

use std::io::Write;
use std::path::PathBuf;

/// The Feb-2026 register (17-column layout), relative to `shared/`.
pub const REGISTER_2026: &str = "data/sipri/nagehanrdogan-trade-register-2026/trade_register.csv";
/// The Mar-2025 legacy register (16-column layout), relative to `shared/`.
pub const LEGACY_2025: &str = "data/sipri/colasdroin-trade-register-2025/trade-register.csv";
/// The German seed article, relative to `shared/`.
pub const SEED_ARTICLE: &str = "seed/article-kazakhstan-abraham-accords-de.txt";

/// `$ARMSFLOW_SHARED_DIR`, else the nearest `shared/` (holding `data/`) above
/// the calling crate's directory. Silent: use [`shared`] in tests.
pub fn shared_dir() -> Option<PathBuf> {
    if let Some(d) = std::env::var_os("ARMSFLOW_SHARED_DIR") {
        return Some(PathBuf::from(d)).filter(|p| p.is_dir());
    }
    // Where the test runs first: cargo sets CARGO_MANIFEST_DIR for the test
    // process and runs it in the crate's directory. The path compiled in
    // comes last, because a build cache shared between clones (CI's
    // CARGO_TARGET_DIR) may hold this crate built from another clone, whose
    // path is baked into it (regression: a stale /check/... path made every
    // real-data test skip).
    let runtime = std::env::var_os("CARGO_MANIFEST_DIR").map(PathBuf::from);
    let cwd = std::env::current_dir().ok();
    let built = Some(PathBuf::from(env!("CARGO_MANIFEST_DIR")));
    shared_above([runtime, cwd, built].into_iter().flatten())
}

/// The nearest `shared/` holding `data/` above the first of `places` that
/// has one.
fn shared_above(places: impl IntoIterator<Item = PathBuf>) -> Option<PathBuf> {
    places.into_iter().find_map(|here| {
        let here = std::fs::canonicalize(&here).unwrap_or(here);
        here.ancestors()
            .map(|a| a.join("shared"))
            .find(|p| p.join("data").is_dir())
    })
}

/// True when CI demands the shared data (`ARMSFLOW_REQUIRE_SHARED=1`).
pub fn required() -> bool {
    std::env::var("ARMSFLOW_REQUIRE_SHARED").as_deref() == Ok("1")
}

/// Reports a skipped real-data test, or panics when the data is required.
///
/// Written straight to the process's stderr rather than through `eprintln!`,
/// which libtest captures and throws away for passing tests: a newcomer's
/// `cargo test` must show what it did not check.
pub fn skip(test: &str, what: &str) {
    let msg = format!(
        "SKIPPED {test}: needs {what} from ../shared (set ARMSFLOW_SHARED_DIR; CI sets ARMSFLOW_REQUIRE_SHARED=1)"
    );
    if required() {
        panic!("{msg}");
    }
    say(&msg);
}

/// Writes one line where the person running `cargo test` sees it, bypassing
/// libtest's capture of `eprintln!` (used for SKIPPED lines).
pub fn say(line: &str) {
    let _ = writeln!(std::io::stderr().lock(), "{line}");
}

/// The shared directory, or `None` after [`skip`].
pub fn shared(test: &str) -> Option<PathBuf> {
    let d = shared_dir();
    if d.is_none() {
        skip(test, "the shared data directory");
    }
    d
}

/// A file under `shared/`, or `None` after [`skip`].
pub fn shared_path(test: &str, rel: &str) -> Option<PathBuf> {
    match shared_dir().map(|d| d.join(rel)) {
        Some(p) if p.is_file() => Some(p),
        _ => {
            skip(test, rel);
            None
        }
    }
}

/// The bytes of a file under `shared/`, or `None` after [`skip`].
pub fn shared_bytes(test: &str, rel: &str) -> Option<Vec<u8>> {
    let p = shared_path(test, rel)?;
    Some(std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display())))
}

#[cfg(test)]
mod tests {
    /// Regression: only the compiled-in path was searched, and a build cache
    /// shared between clones held it from a clone that no longer exists.
    #[test]
    fn a_stale_compiled_path_falls_through_to_the_running_crate() {
        let root = std::env::temp_dir().join(format!("armsflow-testkit-{}", std::process::id()));
        let here = root.join("clone/crates/testkit");
        std::fs::create_dir_all(&here).unwrap();
        std::fs::create_dir_all(root.join("shared/data")).unwrap();
        let stale = std::path::PathBuf::from("/check/nowhere/crates/testkit");
        let found = super::shared_above([stale.clone(), here]);
        let want = std::fs::canonicalize(root.join("shared")).unwrap();
        assert_eq!(found, Some(want));
        assert_eq!(super::shared_above([stale]), None);
        std::fs::remove_dir_all(&root).unwrap();
    }
}

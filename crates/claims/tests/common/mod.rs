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

const LEGACY_2025: &str = "data/sipri/colasdroin-trade-register-2025/trade-register.csv";

/// SIPRI's legacy register of March 2025 (no armament categories), read once.
pub fn legacy_2025() -> Option<&'static Release> {
    static R: OnceLock<Option<Release>> = OnceLock::new();
    let r = R
        .get_or_init(|| {
            let path = shared_dir()?.join(LEGACY_2025);
            let bytes = std::fs::read(&path).ok()?;
            let opts = sipri::ReadOptions {
                file_name: "trade-register.csv".into(),
                skip_bad_rows: false,
            };
            let (rel, _report) = sipri::read(&bytes, &opts).expect("legacy register reads");
            Some(rel)
        })
        .as_ref();
    if r.is_none() {
        missing(LEGACY_2025);
    }
    r
}

/// (text, claims as read with their verdicts, a reason some claim or refusal
/// gives, in English or in the sentence's language).
pub type VerdictCase = (
    &'static str,
    &'static [(&'static str, claims::Verdict)],
    Option<&'static str>,
);

/// Checks each text on `rel` (skipped when the release is absent): the claims
/// read and their verdicts must be `want`, and some reason must contain the
/// expected words. Every failing case is listed at once.
pub fn assert_verdicts(rel: Option<&'static Release>, cases: &[VerdictCase]) {
    let Some(rel) = rel else {
        return;
    };
    let mut bad = Vec::new();
    for (text, want, reason) in cases {
        let (checks, skipped) = claims::check_text(text, rel, claims::Names::builtin());
        let got: Vec<(String, claims::Verdict)> = checks
            .iter()
            .map(|c| (c.checked.structured.clone(), c.checked.verdict))
            .collect();
        let want: Vec<(String, claims::Verdict)> =
            want.iter().map(|(c, v)| (c.to_string(), *v)).collect();
        let why: Vec<String> = checks
            .iter()
            .flat_map(|c| {
                [
                    c.checked.explanation.clone(),
                    c.checked.explanation_localized.clone(),
                ]
            })
            .chain(
                skipped
                    .iter()
                    .flat_map(|s| [s.reason.clone(), s.reason_localized.clone()]),
            )
            .collect();
        let said = reason.is_none_or(|r| why.iter().any(|w| w.contains(r)));
        if got != want || !said {
            bad.push(format!(
                "{text}\n   got {got:?}\n   want {want:?}\n   reasons {why:?}"
            ));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

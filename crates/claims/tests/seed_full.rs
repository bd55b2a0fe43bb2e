//! Issue #17 acceptance: the seed article checked end to end.

use crate::common;
use claims::{Names, check_text};

#[test]
fn seed_article_dump() {
    let Some(rel) = common::register_or_skip() else {
        return;
    };
    let text = common::seed_article().expect("seed article");
    let (checks, skipped) = check_text(&text, rel, Names::builtin());
    for c in &checks {
        eprintln!("--- {}\n  {} | {} | {:?}\n  {}", c.sentence, c.checked.structured, c.checked.verdict_label(), c.checked.computed, c.checked.explanation);
    }
    for s in &skipped {
        eprintln!("SKIP {} -- {}", s.sentence, s.reason);
    }
}

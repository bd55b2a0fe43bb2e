//! Issue #17 through the binary: `check-claims` on the seed article, once with
//! the built-in group table and once with a user `--groups` file that moves
//! the Abraham Accords' first signature (the answer must name that file).

use crate::import_support;
use std::path::Path;

/// The binary's stdout for `args` on `data`; fails the test on a non-zero exit.
fn armsflow(data: &Path, args: &[&str]) -> String {
    import_support::ok(&import_support::run(args, data))
}

#[test]
fn seed_article_with_builtin_and_user_groups() {
    let Some(file) = testkit::shared_path(module_path!(), testkit::REGISTER_2026) else {
        return;
    };
    let Some(seed) = testkit::shared_path(module_path!(), testkit::SEED_ARTICLE) else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    armsflow(d, &["import", file.to_str().unwrap()]);
    let seed = seed.to_str().unwrap();
    let out = armsflow(d, &["check-claims", seed]);
    assert!(out.contains("supported, designation differs"), "{out}");
    // The article is German: its explanations are German (issue #14).
    assert!(
        out.contains("SIPRI erfasst Lieferjahre, keine Monate"),
        "{out}"
    );
    assert!(!out.contains("not supported"), "{out}");
    assert!(out.contains("angekündigt am 6. November 2025"), "{out}");
    assert!(out.contains("88,43 %") && out.contains("Russland"), "{out}");
    assert!(!out.contains("SIPRI records delivery years"), "{out}");

    let groups = d.join("my-groups.csv");
    std::fs::write(
        &groups,
        "group,member,joined,left,note\nAbraham Accords,ISR,2020-10-01,,test\nAbraham Accords,ARE,2020-10-01,,test\n",
    )
    .unwrap();
    let out = armsflow(
        d,
        &["check-claims", seed, "--groups", groups.to_str().unwrap()],
    );
    assert!(
        out.lines()
            .any(|l| l.contains("first-signed = 2020-09-15") && l.contains("not supported")),
        "{out}"
    );
    assert!(out.contains("my-groups.csv"), "{out}");

    std::fs::write(&groups, "group,member,joined\nNATO,FIN,2023-13-01\n").unwrap();
    let bad = import_support::run(
        &["check-claims", seed, "--groups", groups.to_str().unwrap()],
        d,
    );
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("my-groups.csv:"));
}

//! Claim sentences (English/German prose, extraction) and the structured claim
//! form, each checked against a small SYNTHETIC release.
#![no_main]

use claims::{Names, check, extract, looks_structured, parse};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let names = Names::builtin();
    let rel = armsflow_fuzz::synthetic_release();
    let found = extract(text, names);
    for f in &found.claims {
        assert!(f.offset <= text.len() && text.is_char_boundary(f.offset));
        let _ = check(&f.claim, rel);
        // What we print for a found claim must parse back as the same claim;
        // shapes f-j (issue #17) are read from prose only (docs/claims.md).
        let shown = f.claim.to_string();
        assert!(
            claims::shapes::is_new_shape(&f.claim) || parse(&shown, names).is_ok(),
            "extracted claim prints unparseably: {shown}"
        );
    }
    let _ = looks_structured(text);
    if let Ok(c) = parse(text, names) {
        let _ = check(&c, rel);
        let shown = c.to_string();
        assert!(
            parse(&shown, names).is_ok(),
            "parsed claim prints unparseably: {shown}"
        );
    }
});

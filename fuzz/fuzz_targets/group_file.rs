//! Alignment-group membership files (`--groups FILE`) and ad-hoc group specs.
#![no_main]

use engine::groups::{GroupDate, GroupSet, split_adhoc};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = split_adhoc(text);
    if let Ok(d) = GroupDate::parse(text) {
        assert_eq!(
            GroupDate::parse(&d.to_string()),
            Ok(d),
            "date does not round-trip"
        );
    }
    let Ok(set) = GroupSet::parse(text) else {
        return;
    };
    let rel = armsflow_fuzz::synthetic_release();
    for g in &set.groups {
        assert!(set.get(&g.name).is_some());
        let _ = g.members();
        for year in [1900, 1995, 2020, 2024, 2100] {
            let _ = g.members_in(year);
        }
        let idx = g.index(rel);
        let _ = idx.contains(0, 2020);
        for s in &g.spells {
            if let (Some(j), Some(l)) = (s.joined, s.left) {
                assert!(j <= l, "spell ends before it starts: {s:?}");
            }
        }
    }
    let _ = set.groups_of("KAZ", 2020);
});

//! `engine::diff` on the real SIPRI files in `shared/` (read at run time, never
//! committed). Each pinned figure was checked by hand with a python csv script:
//! the register summed by (supplier, recipient, year), the legacy register split
//! evenly over its listed delivery years, and the TIV tables' cells as printed.

use engine::diff::{DiffLevel, DiffOptions, ReleaseDiff, Revision, diff};
use model::Release;

const REGISTER_2026: &str = "data/sipri/nagehanrdogan-trade-register-2026/trade_register.csv";
const LEGACY_2025: &str = "data/sipri/colasdroin-trade-register-2025/trade-register.csv";
const IMPORTS_2024: &str =
    "data/sipri/mjhofmann-tiv-tables-2024/import-export-values_1950-2024.csv";
const EXPORTS_2024: &str =
    "data/sipri/mjhofmann-tiv-tables-2024/import-export-values_1950-2024_1950-2024.csv";
const UKRAINE_2025: &str = "data/sipri/senapol-ukraine-register-2025/trade-register.csv";

/// The release in a shared file, or `None` after a loud SKIPPED message.
fn load(rel: &str) -> Option<Release> {
    let bytes = testkit::shared_bytes(module_path!(), rel)?;
    let opts = sipri::ReadOptions {
        file_name: rel.rsplit('/').next().unwrap_or(rel).to_string(),
        skip_bad_rows: false,
    };
    Some(sipri::read(&bytes, &opts).expect("shared file reads").0)
}

fn find<'a>(
    d: &'a ReleaseDiff,
    sup: Option<&str>,
    rec: Option<&str>,
    y: u16,
) -> Option<&'a Revision> {
    d.revisions.iter().find(|r| {
        r.year == y
            && r.supplier.as_ref().map(|p| p.name.as_str()) == sup
            && r.recipient.as_ref().map(|p| p.name.as_str()) == rec
    })
}

fn close(x: Option<f64>, want: f64) -> bool {
    x.is_some_and(|v| (v - want).abs() < 1e-6)
}

#[test]
fn oct_2024_importers_table_vs_feb_2026_register() {
    let (Some(table), Some(reg)) = (load(IMPORTS_2024), load(REGISTER_2026)) else {
        return;
    };
    let d = diff(&table, &reg, &DiffOptions::default());
    assert_eq!(d.level, Some(DiffLevel::Recipient));
    // The register starts in 1995; the table's 2024 column was not yet published.
    assert_eq!(d.years, Some((1995, 2023)));
    let kaz = find(&d, None, Some("Kazakhstan"), 2021).expect("Kazakhstan 2021 revised");
    assert!(close(kaz.a, 85.0) && close(kaz.b, 195.0), "{kaz:?}");
    assert!(!kaz.rests_on_allocation());
    // 269 vs 268.42 and 191 vs 190.7 are rounding, not revisions.
    assert!(find(&d, None, Some("Kazakhstan"), 2020).is_none());
    assert!(find(&d, None, Some("Kazakhstan"), 2022).is_none());
    let ukr = find(&d, None, Some("Ukraine"), 2022).expect("Ukraine 2022 revised");
    assert!(close(ukr.a, 2789.0) && close(ukr.b, 2929.95), "{ukr:?}");
    let sau = find(&d, None, Some("Saudi Arabia"), 2020).expect("Saudi Arabia 2020");
    assert!(close(sau.a, 2399.0) && close(sau.b, 2529.7), "{sau:?}");
    assert!(d.deals.is_none());
    assert_eq!(d.allocated_revisions, 0);
}

#[test]
fn oct_2024_exporters_table_vs_feb_2026_register() {
    let (Some(table), Some(reg)) = (load(EXPORTS_2024), load(REGISTER_2026)) else {
        return;
    };
    let d = diff(&table, &reg, &DiffOptions::default());
    assert_eq!(d.level, Some(DiffLevel::Supplier));
    let rus = find(&d, Some("Russia"), None, 2022).expect("Russia 2022 revised");
    assert!(close(rus.a, 2603.0) && close(rus.b, 2509.68), "{rus:?}");
    let rus23 = find(&d, Some("Russia"), None, 2023).expect("Russia 2023 revised");
    assert!(
        close(rus23.a, 1269.0) && close(rus23.b, 1328.5),
        "{rus23:?}"
    );
    assert!(
        find(&d, Some("Russia"), None, 2020).is_none(),
        "3523 vs 3522.64 is rounding"
    );
    let usa = find(&d, Some("United States"), None, 2023).expect("USA 2023");
    assert!(close(usa.a, 11287.0) && close(usa.b, 11102.03), "{usa:?}");
}

#[test]
fn mar_2025_legacy_register_vs_feb_2026_register() {
    let (Some(legacy), Some(reg)) = (load(LEGACY_2025), load(REGISTER_2026)) else {
        return;
    };
    let opts = DiffOptions {
        country: reg
            .entities
            .iter()
            .find(|(_, e)| e.name == "Kazakhstan")
            .map(|(_, e)| e.key.clone()),
        ..DiffOptions::default()
    };
    let d = diff(&legacy, &reg, &opts);
    assert_eq!(d.level, Some(DiffLevel::Pair));
    assert_eq!(d.years, Some((1995, 2024)));
    assert!(d.deals.is_none(), "the legacy register has no deal IDs");
    // Even split of multi-year deals: 250 for 2021, 241.725 for 2022.
    let r21 = find(&d, Some("Russia"), Some("Kazakhstan"), 2021).expect("2021 revised");
    assert!(close(r21.a, 250.0) && close(r21.b, 195.0), "{r21:?}");
    assert!(r21.allocated_a && !r21.allocated_b);
    let r22 = find(&d, Some("Russia"), Some("Kazakhstan"), 2022).expect("2022 revised");
    assert!(close(r22.a, 241.725) && close(r22.b, 187.7), "{r22:?}");
    let r20 = find(&d, Some("Russia"), Some("Kazakhstan"), 2020).expect("2020 revised");
    assert!(close(r20.a, 211.0) && close(r20.b, 266.0), "{r20:?}");
    // 2023 (86.5) and 2024 (440) agree.
    assert!(find(&d, Some("Russia"), Some("Kazakhstan"), 2023).is_none());
    assert!(find(&d, Some("Russia"), Some("Kazakhstan"), 2024).is_none());
    assert!(d.allocated_revisions >= 3);
    assert!(d.revisions.iter().all(|r| {
        r.supplier.as_ref().is_some_and(|p| p.name == "Kazakhstan")
            || r.recipient.as_ref().is_some_and(|p| p.name == "Kazakhstan")
    }));
    assert!(d.notes.iter().any(|n| n.contains("legacy register")));
}

#[test]
fn whole_legacy_register_diff_runs_and_marks_allocations() {
    let (Some(legacy), Some(reg)) = (load(LEGACY_2025), load(REGISTER_2026)) else {
        return;
    };
    let d = diff(&legacy, &reg, &DiffOptions::default());
    assert!(d.revisions.len() > 100, "{}", d.revisions.len());
    // Both files hold the same SIPRI data state (the March 2025 update): every
    // pair-year difference comes from splitting legacy deal totals evenly.
    assert_eq!(d.allocated_revisions, d.revisions.len());
    assert!(d.revisions.iter().all(|r| r.allocated_a && r.a.is_some()));
    eprintln!(
        "legacy vs register: {} revisions, {} resting on allocation, {} below threshold",
        d.revisions.len(),
        d.allocated_revisions,
        d.below_threshold
    );
    let r = find(&d, Some("Russia"), Some("India"), 2023).expect("Russia→India 2023");
    assert!(
        close(r.a, 426.269) || (r.a.unwrap() - 426.269).abs() < 1e-3,
        "{r:?}"
    );
    assert!(close(r.b, 416.3) && r.allocated_a, "{r:?}");
}

#[test]
fn feb_2025_ukraine_register_vs_feb_2026_register_deals() {
    let (Some(ukr), Some(reg)) = (load(UKRAINE_2025), load(REGISTER_2026)) else {
        return;
    };
    let d = diff(&ukr, &reg, &DiffOptions::default());
    assert_eq!(d.years, Some((2014, 2023)));
    assert!(
        d.notes
            .iter()
            .any(|n| n.contains("only transfers to Ukraine"))
    );
    let deals = d.deals.as_ref().expect("both have IDs");
    // Deals to Ukraine with deliveries in 2014-2023, by ID.
    assert_eq!(deals.added.len(), 42);
    // 12 IDs have no 2014-2023 delivery to Ukraine any more: 6 are gone, 6 moved
    // (to 2024, or, for 66532, to another recipient) and count as revised.
    assert_eq!(deals.removed.len(), 6);
    assert_eq!(deals.revised.len() + deals.unchanged, 323 - 6);
    assert!(deals.revised.len() >= 54 + 6);
    let moved = deals
        .revised
        .iter()
        .find(|x| x.deal.sipri_id == 65008)
        .expect("moved");
    let years = moved
        .changes
        .iter()
        .find(|c| c.field == "delivery_years")
        .unwrap();
    assert_eq!((years.a.as_str(), years.b.as_str()), ("2021", ""));
    let other = deals
        .revised
        .iter()
        .find(|x| x.deal.sipri_id == 66532)
        .expect("moved");
    let rec = other
        .changes
        .iter()
        .find(|c| c.field == "recipient")
        .unwrap();
    assert_eq!((rec.a.as_str(), rec.b.as_str()), ("UKR", "USA"));
    let removed = deals
        .removed
        .iter()
        .find(|x| x.sipri_id == 65173)
        .expect("UK NLAW");
    assert_eq!(removed.designation, "NLAW");
    assert!((removed.tiv - 27.6).abs() < 1e-9);
    let added = deals
        .added
        .iter()
        .find(|x| x.sipri_id == 65584)
        .expect("Krab");
    assert_eq!(added.supplier.name, "Poland");
    assert!((added.tiv - 135.0).abs() < 1e-9);
    let tiv_change = |id: u64| {
        let r = deals
            .revised
            .iter()
            .find(|x| x.deal.sipri_id == id)
            .expect("revised");
        let c = r
            .changes
            .iter()
            .find(|c| c.field == "tiv_delivered")
            .expect("TIV changed");
        (c.a.parse::<f64>().unwrap(), c.b.parse::<f64>().unwrap())
    };
    let (a, b) = tiv_change(61350);
    assert!((a - 6.0).abs() < 1e-9 && (b - 1.0).abs() < 1e-9);
    let (a, b) = tiv_change(63330);
    assert!((a - 170.0).abs() < 1e-9 && (b - 102.0).abs() < 1e-9);
}

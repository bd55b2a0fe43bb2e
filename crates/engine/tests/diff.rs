//! `engine::diff` on small hand-built releases, with hand-computed answers, and
//! properties on random ones.

use engine::diff::{DiffLevel, DiffOptions, RevisionKind, diff};
use model::flows::Flow;
use model::{
    Category, Deal, Entity, EntityId, EntityKind, Flags, NO_DEAL, Release, ReleaseMeta,
    SourceFormat, Window,
};
use proptest::prelude::*;

fn release(id: &str, format: SourceFormat) -> Release {
    Release {
        meta: ReleaseMeta {
            id: id.into(),
            format,
            title: String::new(),
            generated_raw: String::new(),
            generated: None,
            source_line: String::new(),
            source_file: String::new(),
            sha256: String::new(),
            synthetic: true,
            first_year: None,
            last_year: None,
            imported_at: String::new(),
            caveats: Vec::new(),
            digests: false,
            last_complete_year: None,
        },
        entities: Default::default(),
        deals: Vec::new(),
        flows: Default::default(),
        world_totals: Vec::new(),
    }
}

fn ent(r: &mut Release, key: &str) -> EntityId {
    let kind = if key.starts_with("all:") {
        EntityKind::Aggregate
    } else {
        EntityKind::State
    };
    r.entities.intern(Entity {
        key: key.into(),
        name: format!("Name of {key}"),
        kind,
        iso3: None,
    })
}

fn flow(r: &mut Release, s: &str, rc: &str, year: u16, tiv: f64, flags: u16, deal: u32) {
    let (supplier, recipient) = (ent(r, s), ent(r, rc));
    r.flows.push(Flow {
        supplier,
        recipient,
        year,
        category: Category::Aircraft,
        tiv,
        units: 1,
        flags,
        deal,
    });
}

/// A deal with one delivery per listed year, `tiv` each.
fn deal(r: &mut Release, id: u64, s: &str, rc: &str, desig: &str, years: &[(u16, f64)]) {
    let (supplier, recipient) = (ent(r, s), ent(r, rc));
    let idx = r.deals.len() as u32;
    r.deals.push(Deal {
        sipri_id: Some(id),
        supplier,
        recipient,
        designation: desig.into(),
        delivery_years: years.iter().map(|y| y.0).collect(),
        status: "New".into(),
        ..Deal::default()
    });
    for &(y, t) in years {
        flow(r, s, rc, y, t, 0, idx);
    }
}

fn zero() -> DiffOptions {
    DiffOptions {
        threshold: 0.0,
        ..DiffOptions::default()
    }
}

#[test]
fn a_release_against_itself_has_no_changes() {
    let mut a = release("a", SourceFormat::Register);
    deal(
        &mut a,
        1,
        "RUS",
        "KAZ",
        "Su-30",
        &[(2020, 50.0), (2021, 60.0)],
    );
    deal(&mut a, 2, "ESP", "KAZ", "C-295", &[(2021, 25.0)]);
    let d = diff(&a, &a, &zero());
    assert!(d.revisions.is_empty());
    let deals = d.deals.expect("both registers have IDs");
    assert_eq!((deals.added.len(), deals.removed.len()), (0, 0));
    assert!(deals.revised.is_empty());
    assert_eq!(deals.unchanged, 2);
    assert_eq!(d.level, Some(DiffLevel::Pair));
    assert_eq!(d.years, Some((2020, 2021)));
}

#[test]
fn pair_year_revisions_new_and_dropped_cells() {
    let mut a = release("a", SourceFormat::Register);
    flow(&mut a, "RUS", "KAZ", 2021, 85.0, 0, NO_DEAL);
    flow(&mut a, "TUR", "KAZ", 2021, 10.0, 0, NO_DEAL);
    flow(&mut a, "FRA", "KAZ", 2022, 3.0, 0, NO_DEAL);
    let mut b = release("b", SourceFormat::Register);
    // Entities interned in another order: matched by key, not by id.
    flow(&mut b, "ESP", "KAZ", 2022, 4.0, 0, NO_DEAL);
    flow(&mut b, "RUS", "KAZ", 2021, 150.0, 0, NO_DEAL);
    flow(&mut b, "RUS", "KAZ", 2021, 45.0, 0, NO_DEAL);
    flow(&mut b, "TUR", "KAZ", 2021, 10.0, 0, NO_DEAL);
    let d = diff(&a, &b, &zero());
    assert_eq!(d.compared, 4);
    assert_eq!(d.revisions.len(), 3);
    let r = &d.revisions[0];
    assert_eq!(r.supplier.as_ref().map(|p| p.key.as_str()), Some("RUS"));
    assert_eq!(r.recipient.as_ref().map(|p| p.key.as_str()), Some("KAZ"));
    assert_eq!(
        (r.year, r.a, r.b, r.change),
        (2021, Some(85.0), Some(195.0), 110.0)
    );
    assert!((r.relative.unwrap() - 110.0 / 85.0).abs() < 1e-12);
    assert_eq!(r.kind, RevisionKind::Changed);
    let kinds: Vec<(RevisionKind, f64)> = d.revisions[1..]
        .iter()
        .map(|r| (r.kind, r.change))
        .collect();
    assert_eq!(
        kinds,
        [(RevisionKind::New, 4.0), (RevisionKind::Dropped, -3.0)]
    );
    assert!(d.revisions.iter().all(|r| !r.rests_on_allocation()));
}

#[test]
fn thresholds_absolute_and_relative() {
    let mut a = release("a", SourceFormat::Register);
    flow(&mut a, "RUS", "KAZ", 2021, 100.0, 0, NO_DEAL);
    flow(&mut a, "RUS", "IND", 2021, 1000.0, 0, NO_DEAL);
    flow(&mut a, "RUS", "CHN", 2021, 10.0, 0, NO_DEAL);
    let mut b = release("b", SourceFormat::Register);
    flow(&mut b, "RUS", "KAZ", 2021, 100.8, 0, NO_DEAL);
    flow(&mut b, "RUS", "IND", 2021, 1020.0, 0, NO_DEAL);
    flow(&mut b, "RUS", "CHN", 2021, 15.0, 0, NO_DEAL);
    let d = diff(&a, &b, &DiffOptions::default());
    assert_eq!(d.revisions.len(), 2, "0.8 TIV is below the default 1 TIV");
    assert_eq!(d.below_threshold, 1);
    let opts = DiffOptions {
        min_relative: 0.05,
        ..DiffOptions::default()
    };
    let d = diff(&a, &b, &opts);
    // IND changed by 2 %, CHN by 33 %.
    assert_eq!(d.revisions.len(), 1);
    assert_eq!(d.revisions[0].recipient.as_ref().unwrap().key, "CHN");
    assert_eq!(d.below_threshold, 2);
}

#[test]
fn only_years_both_releases_cover_are_compared() {
    let mut a = release("a", SourceFormat::Register);
    flow(&mut a, "RUS", "KAZ", 2020, 5.0, 0, NO_DEAL);
    flow(&mut a, "RUS", "KAZ", 2024, 5.0, 0, NO_DEAL);
    let mut b = release("b", SourceFormat::Register);
    flow(&mut b, "RUS", "KAZ", 2022, 5.0, 0, NO_DEAL);
    flow(&mut b, "RUS", "KAZ", 2025, 9.0, 0, NO_DEAL);
    let d = diff(&a, &b, &zero());
    assert_eq!(d.years, Some((2022, 2024)));
    let years: Vec<u16> = d.revisions.iter().map(|r| r.year).collect();
    assert_eq!(years, [2022, 2024]);
    let opts = DiffOptions {
        years: Some(Window::new(2023, 2030).unwrap()),
        ..zero()
    };
    let d = diff(&a, &b, &opts);
    assert_eq!(d.years, Some((2023, 2024)));
    // The clipped period is said, not silent; a period outside both
    // releases' common years is named as the reason nothing was compared.
    assert!(
        d.notes
            .iter()
            .any(|n| n.contains("the period 2023-2030 reaches outside")
                && n.contains("compared 2023-2024 only")),
        "{:?}",
        d.notes
    );
    let opts = DiffOptions {
        years: Some(Window::new(1980, 1990).unwrap()),
        ..zero()
    };
    let d = diff(&a, &b, &opts);
    assert_eq!(d.years, None);
    assert!(
        d.notes.iter().any(|n| n.contains(
            "the period 1980-1990 lies outside the delivery years both releases cover (2022-2024)"
        )),
        "{:?}",
        d.notes
    );
}

#[test]
fn import_table_against_register_compares_recipient_year_totals() {
    let mut t = release("t", SourceFormat::ImportTable);
    flow(&mut t, "all:suppliers", "KAZ", 2021, 85.0, 0, NO_DEAL);
    flow(&mut t, "all:suppliers", "KAZ", 2022, 191.0, 0, NO_DEAL);
    flow(
        &mut t,
        "all:suppliers",
        "IND",
        2022,
        0.0,
        Flags::BELOW_HALF,
        NO_DEAL,
    );
    flow(&mut t, "all:suppliers", "KAZ", 2023, 125.0, 0, NO_DEAL);
    // 2023 has no published world total: unreported, so not compared.
    t.world_totals = vec![(2021, 1000.0), (2022, 1000.0)];
    let mut r = release("r", SourceFormat::Register);
    flow(&mut r, "RUS", "KAZ", 2021, 150.0, 0, NO_DEAL);
    flow(&mut r, "ESP", "KAZ", 2021, 45.0, 0, NO_DEAL);
    flow(&mut r, "RUS", "KAZ", 2022, 190.7, 0, NO_DEAL);
    flow(&mut r, "RUS", "IND", 2022, 0.4, 0, NO_DEAL);
    flow(&mut r, "RUS", "KAZ", 2023, 1.0, 0, NO_DEAL);
    let d = diff(&t, &r, &zero());
    assert_eq!(d.level, Some(DiffLevel::Recipient));
    assert_eq!(d.years, Some((2021, 2022)));
    // 190.7 vs 191 and 0.4 vs "0" are rounding; only 2021 is a revision.
    assert_eq!(d.revisions.len(), 1);
    let rev = &d.revisions[0];
    assert!(rev.supplier.is_none());
    assert_eq!(rev.recipient.as_ref().unwrap().key, "KAZ");
    assert_eq!((rev.year, rev.a, rev.b), (2021, Some(85.0), Some(195.0)));
    assert_eq!(d.below_threshold, 2);
    assert!(d.deals.is_none());
}

#[test]
fn export_table_gives_supplier_level_and_tables_of_both_kinds_give_none() {
    let mut e = release("e", SourceFormat::ExportTable);
    flow(&mut e, "RUS", "all:recipients", 2022, 2603.0, 0, NO_DEAL);
    let mut r = release("r", SourceFormat::Register);
    flow(&mut r, "RUS", "IND", 2022, 1500.0, 0, NO_DEAL);
    flow(&mut r, "RUS", "CHN", 2022, 1009.68, 0, NO_DEAL);
    let d = diff(&e, &r, &zero());
    assert_eq!(d.level, Some(DiffLevel::Supplier));
    assert_eq!(d.revisions.len(), 1);
    assert!((d.revisions[0].change - (2509.68 - 2603.0)).abs() < 1e-9);
    let mut i = release("i", SourceFormat::ImportTable);
    flow(&mut i, "all:suppliers", "KAZ", 2022, 1.0, 0, NO_DEAL);
    let d = diff(&i, &e, &zero());
    assert_eq!(d.level, None);
    assert!(d.revisions.is_empty());
    assert!(
        d.notes
            .iter()
            .any(|n| n.contains("share no comparable figure"))
    );
}

#[test]
fn legacy_allocations_are_marked() {
    let mut l = release("legacy", SourceFormat::LegacyRegister);
    flow(&mut l, "RUS", "KAZ", 2020, 30.0, Flags::ALLOCATED, NO_DEAL);
    flow(&mut l, "RUS", "KAZ", 2021, 30.0, Flags::ALLOCATED, NO_DEAL);
    flow(&mut l, "ESP", "KAZ", 2021, 12.0, 0, NO_DEAL);
    let mut r = release("r", SourceFormat::Register);
    deal(
        &mut r,
        7,
        "RUS",
        "KAZ",
        "Su-30",
        &[(2020, 20.0), (2021, 40.0)],
    );
    deal(&mut r, 8, "ESP", "KAZ", "C-295", &[(2021, 20.0)]);
    let d = diff(&l, &r, &zero());
    assert_eq!(d.level, Some(DiffLevel::Pair));
    assert!(d.deals.is_none(), "the legacy register has no IDs");
    assert_eq!(d.revisions.len(), 3);
    assert_eq!(d.allocated_revisions, 2);
    let esp = d
        .revisions
        .iter()
        .find(|r| r.supplier.as_ref().unwrap().key == "ESP");
    assert!(!esp.unwrap().rests_on_allocation());
    assert!(d.revisions.iter().filter(|r| r.allocated_a).count() == 2);
    assert!(
        d.notes
            .iter()
            .any(|n| n.contains("legacy register") && n.contains("artefacts"))
    );
}

#[test]
fn deals_added_removed_and_revised_by_sipri_id() {
    let mut a = release("a", SourceFormat::Register);
    deal(
        &mut a,
        1,
        "RUS",
        "KAZ",
        "Su-30SM",
        &[(2020, 50.0), (2021, 50.0)],
    );
    deal(&mut a, 2, "ESP", "KAZ", "C-295", &[(2021, 25.0)]);
    deal(&mut a, 3, "TUR", "KAZ", "Anka", &[(2022, 8.0)]);
    deal(&mut a, 9, "USA", "IND", "P-8I", &[(2021, 100.0)]);
    let mut b = release("b", SourceFormat::Register);
    deal(
        &mut b,
        1,
        "RUS",
        "KAZ",
        "Su-30SM",
        &[(2020, 50.0), (2021, 50.0)],
    );
    deal(
        &mut b,
        2,
        "ESP",
        "KAZ",
        "C-295MW",
        &[(2021, 20.0), (2022, 5.0)],
    );
    deal(&mut b, 4, "ZAF", "KAZ", "Arlan", &[(2022, 14.0)]);
    deal(&mut b, 9, "USA", "IND", "P-8I", &[(2021, 100.0)]);
    let opts = DiffOptions {
        country: Some("KAZ".into()),
        ..zero()
    };
    let d = diff(&a, &b, &opts);
    let deals = d.deals.expect("IDs on both sides");
    assert_eq!(deals.added.len(), 1);
    assert_eq!((deals.added[0].sipri_id, deals.added[0].tiv), (4, 14.0));
    assert_eq!(deals.removed.len(), 1);
    assert_eq!(deals.removed[0].sipri_id, 3);
    assert_eq!(deals.removed[0].supplier.key, "TUR");
    assert_eq!(deals.unchanged, 1, "deal 9 is outside --country");
    assert_eq!(deals.revised.len(), 1);
    let rev = &deals.revised[0];
    assert_eq!(
        (rev.deal.sipri_id, rev.tiv_a, rev.deal.tiv),
        (2, 25.0, 25.0)
    );
    let fields: Vec<(&str, &str, &str)> = rev
        .changes
        .iter()
        .map(|c| (c.field, c.a.as_str(), c.b.as_str()))
        .collect();
    assert_eq!(
        fields,
        [
            ("designation", "C-295", "C-295MW"),
            ("delivery_years", "2021", "2021; 2022"),
            ("units_delivered", "1", "2"),
        ]
    );
}

#[test]
fn a_release_downloaded_for_one_recipient_is_compared_on_that_scope() {
    let mut a = release("a", SourceFormat::Register);
    a.meta.title = "Transfers of major conventional arms from All countries  to Name of UKR  . \
                    Deals with deliveries made for the year range '2000' to '2024' "
        .into();
    deal(&mut a, 1, "POL", "UKR", "2S1", &[(2022, 16.0)]);
    let mut b = release("b", SourceFormat::Register);
    deal(&mut b, 1, "POL", "UKR", "2S1", &[(2022, 14.4)]);
    deal(&mut b, 2, "UKR", "CHN", "AI-222", &[(2022, 30.0)]);
    deal(&mut b, 3, "USA", "IND", "P-8I", &[(2022, 100.0)]);
    let d = diff(&a, &b, &zero());
    let deals = d.deals.unwrap();
    assert!(deals.added.is_empty(), "{:?}", deals.added);
    assert_eq!(deals.revised.len(), 1);
    assert_eq!(d.revisions.len(), 1);
    assert!(
        d.notes
            .iter()
            .any(|n| n.contains("only transfers to Name of UKR"))
    );
}

fn arb_release(label: &'static str) -> impl Strategy<Value = Release> {
    let keys = ["RUS", "KAZ", "IND", "CHN", "TUR"];
    proptest::collection::vec((0usize..5, 0usize..5, 2018u16..2023, 0u32..500), 1..30).prop_map(
        move |rows| {
            let mut r = release(label, SourceFormat::Register);
            for (s, t, y, tiv) in rows {
                flow(
                    &mut r,
                    keys[s],
                    keys[t],
                    y,
                    f64::from(tiv) / 4.0,
                    0,
                    NO_DEAL,
                );
            }
            r.meta.first_year = Some(2018);
            r.meta.last_year = Some(2022);
            r
        },
    )
}

proptest! {
    #[test]
    fn self_diff_is_empty(a in arb_release("a")) {
        let d = diff(&a, &a, &zero());
        prop_assert!(d.revisions.is_empty());
        prop_assert_eq!(d.below_threshold, 0);
    }

    #[test]
    fn swapping_releases_negates_changes(a in arb_release("a"), b in arb_release("b")) {
        let (ab, ba) = (diff(&a, &b, &zero()), diff(&b, &a, &zero()));
        prop_assert_eq!(ab.revisions.len(), ba.revisions.len());
        for r in &ab.revisions {
            let back = ba.revisions.iter().find(|x| {
                x.year == r.year && x.supplier == r.supplier && x.recipient == r.recipient
            });
            prop_assert!(back.is_some());
            let back = back.unwrap();
            prop_assert!((back.change + r.change).abs() < 1e-9);
            prop_assert_eq!((back.a, back.b), (r.b, r.a));
        }
    }

    #[test]
    fn changes_add_up_to_the_change_in_total(a in arb_release("a"), b in arb_release("b")) {
        let d = diff(&a, &b, &zero());
        let sum: f64 = d.revisions.iter().map(|r| r.change).sum();
        let total = b.flows.total_tiv() - a.flows.total_tiv();
        prop_assert!((sum - total).abs() < 1e-6, "{} vs {}", sum, total);
    }
}

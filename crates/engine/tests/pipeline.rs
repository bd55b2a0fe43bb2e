//! Orders pipeline on a hand-built legacy-register release.

use engine::Direction;
use engine::pipeline::{PipelineError, STALE_YEARS, pipeline};
use engine::testkit::ReleaseBuilder;
use model::{Deal, Release, SourceFormat};

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

#[allow(clippy::too_many_arguments)]
fn deal(
    supplier: u32,
    recipient: u32,
    order_year: u16,
    ordered: Option<u32>,
    tiv_order: f64,
    tiv_delivered: Option<f64>,
    years: &[u16],
    estimated_number: bool,
) -> Deal {
    Deal {
        supplier,
        recipient,
        designation: format!("D{order_year}"),
        order_year: Some(order_year),
        order_year_estimated: Some(false),
        number_ordered: ordered,
        number_ordered_estimated: Some(estimated_number),
        tiv_order: Some(tiv_order),
        tiv_delivered,
        delivery_years: years.to_vec(),
        ..Deal::default()
    }
}

/// Kazakhstan's order book as of 2024:
/// Russia: 2021 order 660, 440 delivered → 220 (number estimated);
///         2022 order 46, 11.5 delivered → 34.5.
/// France: 2014 order 260, 13 delivered in 2023 → 247.
/// Spain:  2021 order 146, 73 delivered → 73.
/// Russia: 2005 order 100, 60 delivered in 2006 → 40, stale.
/// Complete: Russia 2018 order 660 delivered 660. Over-delivered: 10 of 8.
/// Unknown size: South Africa 2020 (written 0), Türkiye 2022.
/// Another recipient's open deal must not count.
fn release() -> Release {
    let mut b = ReleaseBuilder::new();
    let kaz = b.state("KAZ", "Kazakhstan");
    let [rus, fra, esp, zaf, tur, uzb] = [
        ("RUS", "Russia"),
        ("FRA", "France"),
        ("ESP", "Spain"),
        ("ZAF", "South Africa"),
        ("TUR", "Turkiye"),
        ("UZB", "Uzbekistan"),
    ]
    .map(|(k, n)| b.state(k, n));
    b.flow(rus, kaz, 2024, 1.0);
    let mut rel = b.build();
    rel.meta.format = SourceFormat::LegacyRegister;
    rel.meta.first_year = Some(1995);
    rel.deals = vec![
        deal(rus, kaz, 2021, Some(12), 660.0, Some(440.0), &[2024], true),
        deal(rus, kaz, 2022, Some(4), 46.0, Some(11.5), &[2023], false),
        deal(fra, kaz, 2014, Some(20), 260.0, Some(13.0), &[2023], true),
        deal(esp, kaz, 2021, Some(2), 146.0, Some(73.0), &[2024], false),
        deal(rus, kaz, 2005, Some(10), 100.0, Some(60.0), &[2006], false),
        deal(
            rus,
            kaz,
            2018,
            Some(12),
            660.0,
            Some(660.0),
            &[2019, 2020],
            false,
        ),
        deal(esp, kaz, 2010, Some(8), 8.0, Some(10.0), &[2011], false),
        deal(zaf, kaz, 2020, None, 0.0, None, &[], false),
        deal(tur, kaz, 2022, None, 0.0, None, &[], false),
        deal(rus, uzb, 2022, Some(5), 50.0, None, &[], false),
    ];
    rel.deals[2].order_year_estimated = Some(true);
    rel
}

#[test]
fn kazakhstan_order_book_by_supplier_and_year() {
    let rel = release();
    let kaz = rel.entities.by_key("KAZ").unwrap();
    let p = pipeline(&rel, kaz, Direction::Imports).unwrap();
    assert_eq!(p.as_of, Some(2024));
    // 220 + 34.5 + 247 + 73 + 40 = 614.5
    assert!(close(p.total, 614.5));
    let by: Vec<(&str, f64, usize)> = p
        .by_partner
        .iter()
        .map(|x| {
            (
                rel.entities.get(x.partner).key.as_str(),
                x.outstanding,
                x.deals,
            )
        })
        .collect();
    assert_eq!(by, [("RUS", 294.5, 3), ("FRA", 247.0, 1), ("ESP", 73.0, 1)]);
    assert!(close(p.by_partner[0].share, 294.5 / 614.5));
    let years: Vec<(Option<u16>, f64)> = p.by_order_year.clone();
    assert_eq!(
        years,
        [
            (Some(2005), 40.0),
            (Some(2014), 247.0),
            (Some(2021), 293.0),
            (Some(2022), 34.5)
        ]
    );
    let cells: Vec<(&str, Option<u16>, f64)> = p
        .cells
        .iter()
        .map(|c| {
            (
                rel.entities.get(c.partner).key.as_str(),
                c.order_year,
                c.outstanding,
            )
        })
        .collect();
    assert_eq!(
        cells,
        [
            ("RUS", Some(2005), 40.0),
            ("RUS", Some(2021), 220.0),
            ("RUS", Some(2022), 34.5),
            ("FRA", Some(2014), 247.0),
            ("ESP", Some(2021), 73.0),
        ]
    );
    // Open deals, largest first.
    assert_eq!(p.open[0].outstanding, Some(247.0));
    assert_eq!(p.open.len(), 5);
    assert_eq!(p.complete, 2);
    assert_eq!(p.unknown_size.len(), 2);
    assert!(p.unknown_size.iter().all(|d| d.outstanding.is_none()));
    assert!(close(p.estimated_number_tiv, 467.0));
    assert!(close(p.estimated_order_year_tiv, 247.0));
    assert!(close(p.stale_tiv, 40.0));
    assert!(p.open.iter().any(|d| d.stale && d.order_year == Some(2005)));
    let cav = p.caveats().join("\n");
    assert!(cav.contains("2 deal(s) with the number ordered not yet known"));
    assert!(cav.contains(&format!("last {STALE_YEARS} years")));
    assert!(cav.contains("76% of the outstanding TIV rests on an estimated number ordered"));
}

#[test]
fn supplier_side_and_empty_books() {
    let rel = release();
    let rus = rel.entities.by_key("RUS").unwrap();
    let p = pipeline(&rel, rus, Direction::Exports).unwrap();
    // To Kazakhstan 294.5, to Uzbekistan 50 (nothing delivered yet).
    assert!(close(p.total, 344.5));
    assert_eq!(rel.entities.get(p.by_partner[1].partner).key, "UZB");
    let zaf = rel.entities.by_key("ZAF").unwrap();
    let z = pipeline(&rel, zaf, Direction::Imports).unwrap();
    assert_eq!(z.total, 0.0);
    assert!(z.by_partner.is_empty() && z.open.is_empty());
}

#[test]
fn current_register_releases_are_refused() {
    let mut rel = release();
    rel.meta.format = SourceFormat::Register;
    let kaz = rel.entities.by_key("KAZ").unwrap();
    let e = pipeline(&rel, kaz, Direction::Imports).unwrap_err();
    assert_eq!(e, PipelineError::NotLegacy("register"));
    assert!(e.to_string().contains("legacy-register release"));
}

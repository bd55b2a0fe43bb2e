//! Load speed at benchmark scale. Ignored by default (it needs ~2 GB of RAM);
//! run with `cargo test --release -p armsflow-store --test scale -- --ignored --nocapture`.

use model::{
    Deal, Entity, EntityKind, EntityTable, Flows, ImportReport, Release, ReleaseMeta, SourceFormat,
};
use std::time::Instant;

fn big(rows: usize) -> Release {
    let entities = EntityTable::from_vec(
        (0..300)
            .map(|i| Entity {
                key: format!("K{i:03}"),
                name: format!("Entity {i}"),
                kind: EntityKind::State,
                iso3: None,
            })
            .collect(),
    );
    let n_deals = if std::env::var_os("NO_DEALS").is_some() {
        0
    } else {
        rows / 2
    };
    let deals = (0..n_deals)
        .map(|i| Deal {
            sipri_id: Some(i as u64),
            supplier: (i % 110) as u32,
            recipient: (i % 290 + 10) as u32,
            designation: format!("SYN-{}", i % 997),
            description: "tank".into(),
            status: "New".into(),
            delivery_years: vec![2001, 2002],
            tiv_unit: Some(1.5),
            line: i as u32,
            ..Deal::default()
        })
        .collect();
    let mut f = Flows::with_capacity(rows);
    for i in 0..rows {
        f.supplier.push((i / 2 % 110) as u32);
        f.recipient.push((i / 2 % 290 + 10) as u32);
        f.year.push(1995 + (i % 30) as u16);
        f.category.push((i % 11) as u8);
        f.tiv.push(i as f64 * 0.01);
        f.units.push((i % 50) as u32);
        f.flags.push((i % 256) as u16);
        f.deal.push(if n_deals == 0 {
            model::NO_DEAL
        } else {
            (i / 2) as u32
        });
    }
    Release {
        meta: ReleaseMeta {
            id: "scale".into(),
            format: SourceFormat::Register,
            title: String::new(),
            generated_raw: String::new(),
            generated: None,
            source_line: String::new(),
            source_file: String::new(),
            sha256: "x".into(),
            synthetic: true,
            first_year: None,
            last_year: None,
            imported_at: String::new(),
            caveats: Vec::new(),
            digests: false,
            last_complete_year: None,
        },
        entities,
        deals,
        flows: f,
        world_totals: Vec::new(),
    }
}

#[test]
#[ignore]
fn loads_25m_rows_quickly() {
    let rows: usize = std::env::var("SCALE_ROWS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(25_000_000);
    // SCALE_DIR keeps the store between runs, to time loading alone.
    let tmp = tempfile::tempdir().unwrap();
    let dir = std::env::var_os("SCALE_DIR").map(std::path::PathBuf::from);
    let store = store::Store::open(dir.as_deref().unwrap_or(tmp.path())).unwrap();
    let r = if store.list().unwrap().is_empty() {
        let r = big(rows);
        let t = Instant::now();
        store.put(&r, &ImportReport::default()).unwrap();
        eprintln!("put {rows} rows: {:?}", t.elapsed());
        Some(r)
    } else {
        None
    };
    let t = Instant::now();
    let back = store.load("scale").unwrap();
    eprintln!("load {rows} rows: {:?}", t.elapsed());
    let t = Instant::now();
    let w = store.load_years("scale", 2020, 2024).unwrap();
    eprintln!("load 2020-24 ({} rows): {:?}", w.flows.len(), t.elapsed());
    if let Some(r) = r {
        assert_eq!(back.flows, r.flows.gather(&r.flows.year_order()));
        assert_eq!(back.deals.len(), r.deals.len());
    }
}

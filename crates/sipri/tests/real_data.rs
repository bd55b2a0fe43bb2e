//! Reads the real SIPRI files in the shared dir (never committed; see brief).

use crate::common::{read_named, shared_dir, sipri_file};
use model::{EntityKind, Flags, SourceFormat};
use std::collections::HashSet;

const REG26: &str = "nagehanrdogan-trade-register-2026/trade_register.csv";
const LEG25: &str = "colasdroin-trade-register-2025/trade-register.csv";
const UKR: &str = "senapol-ukraine-register-2025/trade-register.csv";
const IMP: &str = "mjhofmann-tiv-tables-2024/import-export-values_1950-2024.csv";
const EXP: &str = "mjhofmann-tiv-tables-2024/import-export-values_1950-2024_1950-2024.csv";

/// Sum of column `col` after the header, computed without the crate's reader;
/// lines with fewer than `width` fields are joined with the next (split records).
fn column_sum(bytes: &[u8], header_prefix: &str, col: usize, width: usize) -> f64 {
    let text = String::from_utf8_lossy(bytes);
    let mut in_data = false;
    let mut sum = 0.0;
    let mut pending = String::new();
    for l in text.split('\n') {
        let l = l.trim_end_matches('\r').trim_end_matches(';');
        if !in_data {
            in_data = l.starts_with(header_prefix);
            continue;
        }
        pending.push_str(l);
        if pending.split(',').count() < width {
            continue;
        }
        if let Some(v) = pending.split(',').nth(col) {
            sum += v.trim().parse::<f64>().unwrap_or(0.0);
        }
        pending.clear();
    }
    sum
}

#[test]
fn register_2026() {
    let Some((name, bytes)) = sipri_file("register_2026", REG26) else {
        return;
    };
    assert_eq!(sipri::detect(&bytes), Some(SourceFormat::Register));
    let (rel, rep) = read_named(&name, &bytes);
    assert_eq!(rep.rows_read, 25_024);
    assert_eq!(rep.rows_imported, 25_024);
    assert!(rep.rejected.is_empty());
    // Every TIV is units × TIV per unit within SIPRI's rounding (checked
    // with Python over the raw rows): the identity warning never fires.
    assert!(rep.warnings.is_empty(), "{:?}", rep.warnings);
    assert_eq!(rep.deals, 12_571);
    assert_eq!(rel.deals.len(), 12_571);
    assert_eq!(rel.flows.len(), 25_024);
    assert_eq!(rep.encoding, "utf-8");
    assert!(rep.unresolved.is_empty(), "{:?}", rep.unresolved);
    let col = column_sum(&bytes, "SIPRI AT Database ID", 15, 17);
    assert!(
        (rep.tiv_total - col).abs() < 0.01,
        "{} vs {col}",
        rep.tiv_total
    );
    assert!((rel.flows.total_tiv() - col).abs() < 0.01);
    assert_eq!(rel.meta.generated.as_deref(), Some("2026-02-12"));
    assert!(rel.meta.id.starts_with("2026-02-12-register-"));
    assert_eq!(rel.meta.generated_raw, "12 Feb 2026 12:26:12 PM");
    assert_eq!(
        rel.meta.source_line,
        "Source: SIPRI Arms Transfers Database (c) SIPRI."
    );
    assert!(
        rel.meta
            .title
            .starts_with("Transfers of major conventional arms")
    );
    assert!(!rel.meta.synthetic);
    assert_eq!(
        (rel.meta.first_year, rel.meta.last_year),
        (Some(1995), Some(2024))
    );
    // Empty "is estimate" cells are unknown, not No: 774 + 305 + 112 cells.
    let unknown = rel
        .flows
        .flags
        .iter()
        .filter(|&&f| f & Flags::EST_UNKNOWN != 0)
        .count();
    assert!((774..=774 + 305 + 112).contains(&unknown), "{unknown}");
    let second = rel
        .flows
        .flags
        .iter()
        .filter(|&&f| f & Flags::SECOND_HAND != 0)
        .count();
    assert_eq!(second, 3_572 + 483);

    // Kazakhstan 2020-24: Russia 1175.20 of 1328.98.
    let kaz = rel.entities.by_key("KAZ").unwrap();
    let rus = rel.entities.by_key("RUS").unwrap();
    let (mut total, mut from_rus) = (0.0, 0.0);
    for i in 0..rel.flows.len() {
        let f = rel.flows.get(i);
        if f.recipient == kaz && (2020..=2024).contains(&f.year) {
            total += f.tiv;
            if f.supplier == rus {
                from_rus += f.tiv;
            }
        }
    }
    assert!((total - 1328.98).abs() < 0.005, "{total}");
    assert!((from_rus - 1175.20).abs() < 0.005, "{from_rus}");
}

#[test]
fn legacy_2025() {
    let Some((name, bytes)) = sipri_file("legacy_2025", LEG25) else {
        return;
    };
    assert_eq!(sipri::detect(&bytes), Some(SourceFormat::LegacyRegister));
    let (rel, rep) = read_named(&name, &bytes);
    assert_eq!(rep.encoding, "latin-1");
    assert_eq!(rep.deals, 29_515);
    assert_eq!(rep.rows_read, 29_515);
    assert_eq!(rep.rows_repaired, 4);
    assert!(rep.rejected.is_empty());
    assert!(
        !rep.warnings
            .iter()
            .any(|w| w.contains(" × ") || w.contains("before the order date")),
        "{:?}",
        rep.warnings
    );
    assert_eq!(rep.open_deals, 1_166);
    assert!(rep.unresolved.is_empty(), "{:?}", rep.unresolved);
    assert_eq!(rel.meta.generated.as_deref(), Some("2025-03-13"));
    assert!(rel.deals.iter().any(|d| d.designation == "Bü-181 Bestmann"));
    let col = column_sum(&bytes, "Recipient,Supplier", 15, 16);
    assert!((rep.tiv_total - col).abs() < 0.01);
    // Allocation preserves each deal's delivered TIV.
    assert!((rel.flows.total_tiv() - col).abs() < 0.01);
    let allocated = rel
        .flows
        .flags
        .iter()
        .filter(|&&f| f & Flags::ALLOCATED != 0)
        .count();
    assert_eq!(allocated as u64, rep.flows_allocated);
    assert!(rep.flows_allocated > 0 && rep.flows_allocated < rep.flows);
    let repaired = rel
        .deals
        .iter()
        .find(|d| d.designation == "Hermes-900")
        .map(|d| d.comments.clone());
    assert!(repaired.is_some());
    assert_eq!(rel.meta.first_year, Some(1950));
    assert_eq!(rel.meta.last_year, Some(2024));
}

#[test]
fn ukraine_fixture() {
    let Some((name, bytes)) = sipri_file("ukraine_fixture", UKR) else {
        return;
    };
    let (rel, rep) = read_named(&name, &bytes);
    assert_eq!(rep.rows_read, 382);
    assert!(rep.unresolved.is_empty());
    let ukr = rel.entities.by_key("UKR").unwrap();
    assert!(rel.flows.recipient.iter().all(|&r| r == ukr));
    assert_eq!(rel.meta.generated.as_deref(), Some("2025-02-17"));
}

#[test]
fn tiv_tables() {
    for (rel_path, fmt, rows, agg) in [
        (
            IMP,
            SourceFormat::ImportTable,
            261,
            "aggregate:all-suppliers",
        ),
        (
            EXP,
            SourceFormat::ExportTable,
            136,
            "aggregate:all-recipients",
        ),
    ] {
        let Some((name, bytes)) = sipri_file("tiv_tables", rel_path) else {
            return;
        };
        assert_eq!(sipri::detect(&bytes), Some(fmt));
        let (rel, rep) = read_named(&name, &bytes);
        assert!(rep.rejected.is_empty());
        assert!(rep.unresolved.is_empty(), "{:?}", rep.unresolved);
        // Entity rows plus the world-total row.
        assert_eq!(rep.rows_read, rows + 1);
        let agg_id = rel.entities.by_key(agg).unwrap();
        assert_eq!(rel.entities.get(agg_id).kind, EntityKind::Aggregate);
        let side = if fmt == SourceFormat::ImportTable {
            &rel.flows.recipient
        } else {
            &rel.flows.supplier
        };
        let distinct: HashSet<_> = side.iter().collect();
        assert_eq!(distinct.len() as u64, rows);
        assert_eq!(rel.entities.len() as u64, rows + 1);
        // World totals 1950-2023; 2024 is empty (unreported, not zero).
        assert_eq!(rel.world_totals.len(), 74);
        assert_eq!(rel.world_totals.first().map(|w| w.0), Some(1950));
        assert!(rel.world_totals.iter().all(|w| w.0 != 2024));
        assert_eq!(rel.meta.generated.as_deref(), Some("2024-10-13"));
        assert!(rel.flows.deal.iter().all(|&d| d == model::NO_DEAL));
        assert_eq!(rel.meta.last_year, Some(2023));
    }
    let Some((name, bytes)) = sipri_file("tiv_tables", EXP) else {
        return;
    };
    let (_, rep) = read_named(&name, &bytes);
    // SOURCES.md counts 94 `0 ` cells; 8 of them are in the total columns, not years.
    assert_eq!(rep.below_half_cells, 86);
}

#[test]
fn all_360info_tables() {
    let Some(dir) = shared_dir("all_360info_tables") else {
        return;
    };
    let dir = dir.join("data/sipri/360info-tiv-2022/TIV-Export-1950-2021");
    let mut n = 0;
    for e in std::fs::read_dir(&dir).unwrap() {
        let p = e.unwrap().path();
        let bytes = std::fs::read(&p).unwrap();
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        assert_eq!(
            sipri::detect(&bytes),
            Some(SourceFormat::SupplierTable),
            "{name}"
        );
        let (rel, rep) = read_named(&name, &bytes);
        assert!(rep.rejected.is_empty(), "{name}");
        assert!(rep.unresolved.is_empty(), "{name}: {:?}", rep.unresolved);
        assert!(rep.warnings.is_empty(), "{name}: {:?}", rep.warnings);
        assert!(!rel.flows.is_empty(), "{name}");
        assert_eq!(rel.meta.generated.as_deref(), Some("2022-07-28"));
        // The SIPRI code in the file name resolves to the supplier named in the title.
        let code = name
            .trim_start_matches("TIV-Export-")
            .trim_end_matches("-1950-2021.csv");
        // (Via codes(), not lookup(): ISO wins in lookup, and SIPRI's `CZE` is
        // Czechoslovakia while ISO's is Czechia.)
        let supplier = rel.entities.get(rel.flows.supplier[0]);
        let codes = sipri::names::Resolver::builtin().codes(&supplier.key);
        assert!(codes.contains(&code), "{name}: {codes:?}");
        n += 1;
    }
    assert_eq!(n, 134);
    let Some((name, bytes)) = sipri_file(
        "all_360info_tables",
        "360info-tiv-2022/TIV-Export-1950-2021/TIV-Export-RUS-1950-2021.csv",
    ) else {
        return;
    };
    let (rel, _) = read_named(&name, &bytes);
    let kaz = rel.entities.by_key("KAZ").unwrap();
    let kaz_2020: f64 = (0..rel.flows.len())
        .map(|i| rel.flows.get(i))
        .filter(|f| f.recipient == kaz && f.year >= 2020)
        .map(|f| f.tiv)
        .sum();
    assert!(kaz_2020 > 0.0);
}

/// Every supplier/recipient name in every shared file resolves, including the tidy
/// 360info CSV (which has no reader of its own) and the bloc list.
#[test]
fn no_unresolved_names_anywhere() {
    let Some(dir) = shared_dir("no_unresolved_names_anywhere") else {
        return;
    };
    let r = sipri::names::Resolver::builtin();
    let tidy = std::fs::read_to_string(
        dir.join("data/sipri/360info-tiv-2022/sipri-exports-processed.csv"),
    )
    .unwrap();
    let mut missing = HashSet::new();
    for l in tidy.lines().skip(1) {
        let mut f = l.split(',');
        for name in [f.next().unwrap_or(""), f.next().unwrap_or("")] {
            let name = name.trim_matches('"');
            if r.resolve(name).is_none() {
                missing.insert(name.to_string());
            }
        }
    }
    let blocs = std::fs::read_to_string(dir.join("data/blocs/blocs.csv")).unwrap();
    for l in blocs.lines().skip(1) {
        let country = l.split(',').nth(1).unwrap_or("");
        if r.lookup(country).is_err() {
            missing.insert(country.to_string());
        }
    }
    assert!(missing.is_empty(), "{missing:?}");
}

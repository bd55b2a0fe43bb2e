//! Every column of files written through our own pages, read back by the
//! parquet crate's Arrow reader and compared with the rows written: nulls,
//! empty and non-ASCII strings, all-null pages, row groups that batches
//! straddle, a one-row file, and a 300-entity dictionary (9-bit indices).

use super::*;
use crate::write::{Dicts, deal_column, deals_schema, flow_column, flows_schema};
use arrow_array::cast::AsArray;
use arrow_array::types::{Float64Type, Int16Type, Int32Type, Int64Type, UInt8Type, UInt32Type};
use arrow_array::{Array, ArrayRef};
use arrow_schema::DataType;
use model::{Category, Deal, Entity, EntityKind, Flows, NO_DEAL};
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

#[derive(Debug, PartialEq)]
enum Cell {
    Null,
    I(i64),
    F(u64),
    B(bool),
    S(String),
    L(Vec<i64>),
}
use Cell::*;

fn opt<T>(v: Option<T>, f: impl Fn(T) -> Cell) -> Cell {
    v.map_or(Null, f)
}

fn entities() -> Vec<Entity> {
    (0..300)
        .map(|i| Entity {
            key: if i == 7 {
                String::new()
            } else {
                format!("K{i}")
            },
            name: format!("Entité nº {i} «{}»", "ж".repeat(i % 5)),
            kind: EntityKind::State,
            iso3: None,
        })
        .collect()
}

fn category(code: u8) -> String {
    let c = Category::ALL.get(code as usize).copied();
    c.unwrap_or(Category::Unspecified).sipri_name().to_string()
}

fn deals(n: usize) -> Vec<Deal> {
    (0..n)
        .map(|i| Deal {
            sipri_id: (i % 7 != 3).then_some((i as u64) * 1_000_003_007 % (1 << 62)),
            supplier: (i * 7 % 300) as u32,
            recipient: (i * 13 + 5) as u32 % 300,
            // Repeating, then distinct: a dictionary given up on.
            designation: if i < 20_000 {
                ["", "Ä-42 «x»", "T-72", "F-16C"][i % 4].into()
            } else {
                format!("D-{i}")
            },
            description: format!("d{}", i % 3),
            category: [0, 5, 10, 255][i % 4],
            // A whole page of nulls, then some.
            order_year: (i > 20_000 || i % 5 != 0 && i < 1_500).then_some(1950 + (i % 80) as u16),
            order_year_estimated: (i % 3 != 0).then_some(i % 2 == 0),
            number_ordered: (i % 11 != 0).then_some((i * 37 % 100_000) as u32),
            number_ordered_estimated: None,
            number_delivered: (i % 2 == 0).then_some(i as u32),
            number_delivered_estimated: (i % 9 != 0).then_some(true),
            delivery_years: (0..i % 4).map(|k| 1990 + k as u16).collect(),
            status: ["New", "Second hand"][i % 2].into(),
            comments: if i % 6 == 0 {
                String::new()
            } else {
                format!("note {i} ±")
            },
            tiv_unit_new: (i % 4 != 0).then_some((i % 50) as f64 / 8.0),
            tiv_unit: (i % 3 != 0).then_some(i as f64 / 7.0),
            tiv_order: None,
            tiv_delivered: (i % 2 == 1).then_some(if i % 9 == 0 { -0.0 } else { (i % 9) as f64 }),
            local_production: (i % 4 != 1).then_some(i % 3 == 0),
            line: u32::MAX - i as u32,
        })
        .collect()
}

fn expect_deal(col: &str, d: &Deal, number: usize, ents: &[Entity]) -> Cell {
    let name = |id: u32| S(ents[id as usize].name.clone());
    let int = |v: u32| I(i64::from(v));
    let float = |v: f64| F(v.to_bits());
    match col {
        "deal" => I(number as i64),
        "sipri_id" => opt(d.sipri_id, |v| I(v as i64)),
        "supplier_id" => int(d.supplier),
        "recipient_id" => int(d.recipient),
        "supplier" => name(d.supplier),
        "recipient" => name(d.recipient),
        "designation" => S(d.designation.clone()),
        "description" => S(d.description.clone()),
        "category" => S(category(d.category)),
        "category_code" => I(i64::from(d.category)),
        "order_year" => opt(d.order_year, |v| I(i64::from(v))),
        "order_year_estimated" => opt(d.order_year_estimated, B),
        "number_ordered" => opt(d.number_ordered, int),
        "number_ordered_estimated" => opt(d.number_ordered_estimated, B),
        "number_delivered" => opt(d.number_delivered, int),
        "number_delivered_estimated" => opt(d.number_delivered_estimated, B),
        "delivery_years" => L(d.delivery_years.iter().map(|&y| i64::from(y)).collect()),
        "status" => S(d.status.clone()),
        "comments" => S(d.comments.clone()),
        "tiv_unit_new" => opt(d.tiv_unit_new, float),
        "tiv_unit" => opt(d.tiv_unit, float),
        "tiv_order" => opt(d.tiv_order, float),
        "tiv_delivered" => opt(d.tiv_delivered, float),
        "local_production" => opt(d.local_production, B),
        "line" => I(i64::from(d.line)),
        _ => panic!("no expectation for {col}"),
    }
}

fn expect_flow(col: &str, f: &Flows, i: usize, ents: &[Entity]) -> Cell {
    let (s, r) = (f.supplier[i] as usize, f.recipient[i] as usize);
    match col {
        "supplier_id" => I(s as i64),
        "recipient_id" => I(r as i64),
        "supplier" => S(ents[s].name.clone()),
        "recipient" => S(ents[r].name.clone()),
        "supplier_key" => S(ents[s].key.clone()),
        "recipient_key" => S(ents[r].key.clone()),
        "year" => I(i64::from(f.year[i])),
        "category" => S(category(f.category[i])),
        "category_code" => I(i64::from(f.category[i])),
        "tiv" => F(f.tiv[i].to_bits()),
        "units" => I(i64::from(f.units[i])),
        "flags" => I(i64::from(f.flags[i] as i16)),
        "estimated" => B(f.flags[i] & model::Flags::ANY_ESTIMATE != 0),
        "allocated" => B(f.flags[i] & model::Flags::ALLOCATED != 0),
        "deal" if f.deal[i] == NO_DEAL => Null,
        "deal" => I(i64::from(f.deal[i])),
        _ => panic!("no expectation for {col}"),
    }
}

fn cells(a: &ArrayRef) -> Vec<Cell> {
    (0..a.len())
        .map(|i| {
            if a.is_null(i) {
                return Null;
            }
            match a.data_type() {
                DataType::Dictionary(..) => {
                    let d = a.as_dictionary::<Int32Type>();
                    let k = d.keys().value(i) as usize;
                    S(d.values().as_string::<i32>().value(k).to_string())
                }
                DataType::Utf8 => S(a.as_string::<i32>().value(i).to_string()),
                DataType::Int16 => I(a.as_primitive::<Int16Type>().value(i).into()),
                DataType::Int32 => I(a.as_primitive::<Int32Type>().value(i).into()),
                DataType::Int64 => I(a.as_primitive::<Int64Type>().value(i)),
                DataType::UInt8 => I(a.as_primitive::<UInt8Type>().value(i).into()),
                DataType::UInt32 => I(a.as_primitive::<UInt32Type>().value(i).into()),
                DataType::Float64 => F(a.as_primitive::<Float64Type>().value(i).to_bits()),
                DataType::Boolean => B(a.as_boolean().value(i)),
                DataType::List(_) => {
                    let v = a.as_list::<i32>().value(i);
                    let v = v.as_primitive::<Int16Type>();
                    L(v.values().iter().map(|&y| i64::from(y)).collect())
                }
                t => panic!("unexpected type {t}"),
            }
        })
        .collect()
}

/// Reads `path` back and checks every cell with `expect(column, row)`;
/// returns the rows of each row group.
fn check(path: &Path, rows: usize, expect: &dyn Fn(&str, usize) -> Cell) -> Vec<i64> {
    let reader = ParquetRecordBatchReaderBuilder::try_new(File::open(path).unwrap()).unwrap();
    let groups = reader
        .metadata()
        .row_groups()
        .iter()
        .map(|g| g.num_rows())
        .collect();
    let mut at = 0;
    for batch in reader.build().unwrap() {
        let batch = batch.unwrap();
        for (field, col) in batch.schema().fields().iter().zip(batch.columns()) {
            for (i, got) in cells(col).into_iter().enumerate() {
                let want = expect(field.name(), at + i);
                assert_eq!(got, want, "{} row {}", field.name(), at + i);
            }
        }
        at += batch.num_rows();
    }
    assert_eq!(at, rows);
    groups
}

fn write_deals(path: &Path, all: &[Deal], d: &Dicts, batch: usize, group: usize) {
    let mut w = PqWriter::create(path, deals_schema(), group).unwrap();
    for (k, part) in all.chunks(batch).enumerate() {
        let first = k * batch;
        w.write(part.len(), &|col, rows| {
            deal_column(d, col, first + rows.start, &part[rows])
        })
        .unwrap();
    }
    let syncs = Syncs::default();
    w.finish(&syncs).unwrap();
    syncs.finish().unwrap();
}

#[test]
fn every_deal_column_reads_back_as_written() {
    let tmp = tempfile::tempdir().unwrap();
    let ents = entities();
    let d = Dicts::new(&ents);
    // Pages of 20,000 rows: a page of nulls, pages across batches.
    // Row groups past `pages::PROBE` rows and short of it.
    for (n, batch, group) in [(70_000, 7_000, 66_000), (2_345, 700, 1_000), (1, 1, 10)] {
        let all = deals(n);
        let path = tmp.path().join(format!("deals-{n}.parquet"));
        write_deals(&path, &all, &d, batch, group);
        let groups = check(&path, n, &|col, i| expect_deal(col, &all[i], i, &ents));
        let want: Vec<i64> = (0..n)
            .step_by(group)
            .map(|a| (n - a).min(group) as i64)
            .collect();
        assert_eq!(groups, want);
        if n == 70_000 {
            // Distinct designations and unit TIVs went PLAIN; statuses
            // kept their dictionary.
            let f = File::open(&path).unwrap();
            let r = ParquetRecordBatchReaderBuilder::try_new(f).unwrap();
            let g = r.metadata().row_group(0);
            let dict = |name: &str| {
                let c = g
                    .columns()
                    .iter()
                    .find(|c| c.column_path().string() == name);
                c.unwrap()
                    .encodings()
                    .any(|e| e == parquet::basic::Encoding::RLE_DICTIONARY)
            };
            assert!(!dict("designation") && !dict("tiv_unit") && dict("status"));
        }
    }
}

#[test]
fn every_flow_column_reads_back_as_written() {
    let tmp = tempfile::tempdir().unwrap();
    let ents = entities();
    let d = Dicts::new(&ents);
    let n = 50_000;
    let mut f = Flows::with_capacity(n);
    for i in 0..n {
        f.supplier.push((i * 7 % 300) as u32);
        f.recipient.push((i % 290) as u32);
        // Sorted years (long runs), as flows are stored.
        f.year.push(1950 + (i * 75 / n) as u16);
        f.category.push([0, 3, 10, 255, 200][i % 5]);
        f.tiv.push(if i % 3 == 0 { 1.5 } else { i as f64 / 13.0 });
        f.units.push((i * 31 % 4000) as u32);
        f.flags.push([0, 1, 16, 0x8001, 255][i % 5]);
        f.deal
            .push(if i % 4 == 0 { NO_DEAL } else { (i * 3) as u32 });
    }
    let path = tmp.path().join("flows.parquet");
    let mut w = PqWriter::create(&path, flows_schema(), 30_000).unwrap();
    for part in (0..n).step_by(8_000) {
        let rows: Vec<u32> = (part as u32..(part + 8_000).min(n) as u32).collect();
        let batch = f.gather(&rows);
        w.write(batch.len(), &|col, r| flow_column(&d, &batch, col, r))
            .unwrap();
    }
    let syncs = Syncs::default();
    w.finish(&syncs).unwrap();
    syncs.finish().unwrap();
    let groups = check(&path, n, &|col, i| expect_flow(col, &f, i, &ents));
    assert_eq!(groups, vec![30_000, 20_000]);
    // `year` keeps the statistics windowed loads skip row groups by.
    let groups = crate::read::row_groups_for_years(&path, 1950, 1960).unwrap();
    assert_eq!(groups, vec![0]);
}

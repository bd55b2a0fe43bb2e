//! Loading `deals.parquet`: every deal of a release, each value checked (ids
//! against the entity table, counts and lines non-negative), since only
//! whole-release loads need the wide table.

use super::{Cols, corrupt, non_negative, reader_in};
use crate::StoreError;
use arrow_array::cast::AsArray;
use arrow_array::types::{Float64Type, Int16Type, Int32Type, Int64Type, UInt8Type, UInt32Type};
use arrow_array::{Array, ArrowPrimitiveType, BooleanArray, PrimitiveArray};
use model::Deal;
use std::path::Path;

pub(super) fn load_deals(path: &Path, n_entities: u64) -> Result<Vec<Deal>, StoreError> {
    let (reader, n) = reader_in(path, Some(&DEAL_COLUMNS), None)?;
    let mut out = Vec::with_capacity(n);
    for b in reader {
        let b = b?;
        let c = Cols { batch: &b, path };
        let idx = c.req::<Int32Type>("deal")?;
        let sipri_id = c.prim::<Int64Type>("sipri_id")?;
        let (sup, rec) = (
            c.req::<UInt32Type>("supplier_id")?,
            c.req::<UInt32Type>("recipient_id")?,
        );
        let (designation, description) = (c.string("designation")?, c.string("description")?);
        let cat = c.req::<UInt8Type>("category_code")?;
        let order_year = c.prim::<Int16Type>("order_year")?;
        let oye = c.boolean("order_year_estimated")?;
        let ordered = c.prim::<Int32Type>("number_ordered")?;
        let ordered_e = c.boolean("number_ordered_estimated")?;
        let delivered = c.prim::<Int32Type>("number_delivered")?;
        let delivered_e = c.boolean("number_delivered_estimated")?;
        let years = c
            .get("delivery_years")?
            .as_list_opt::<i32>()
            .ok_or_else(|| corrupt(path, "column 'delivery_years' is not a list"))?;
        let year_values = years
            .values()
            .as_primitive_opt::<Int16Type>()
            .ok_or_else(|| corrupt(path, "column 'delivery_years' has the wrong item type"))?;
        let (status, comments) = (c.string("status")?, c.string("comments")?);
        let f64s = |n: &str| c.prim::<Float64Type>(n);
        let (unit_new, unit, order, deliv) = (
            f64s("tiv_unit_new")?,
            f64s("tiv_unit")?,
            f64s("tiv_order")?,
            f64s("tiv_delivered")?,
        );
        let local = c.boolean("local_production")?;
        let line = c.req::<Int64Type>("line")?;
        let count = |a: &PrimitiveArray<Int32Type>, i: usize, what: &str| {
            opt(a, i)
                .map(|v| non_negative(path, what, i64::from(v)))
                .transpose()
        };
        for i in 0..b.num_rows() {
            if idx[i] as usize != out.len() {
                return Err(corrupt(path, format!("deal {} out of sequence", idx[i])));
            }
            if u64::from(sup[i]) >= n_entities || u64::from(rec[i]) >= n_entities {
                return Err(corrupt(
                    path,
                    format!("deal {} refers to a missing entity", idx[i]),
                ));
            }
            let dy = years.value_offsets();
            let (a, z) = (dy[i] as usize, dy[i + 1] as usize);
            let ys = &year_values.values()[a..z];
            if ys.iter().any(|&y| y < 0) {
                return Err(corrupt(
                    path,
                    format!("deal {} has a negative delivery year", idx[i]),
                ));
            }
            out.push(Deal {
                sipri_id: opt(sipri_id, i).map(|v| v as u64),
                supplier: sup[i],
                recipient: rec[i],
                designation: designation.value(i).to_string(),
                description: description.value(i).to_string(),
                category: cat[i],
                order_year: opt(order_year, i).map(|y| y as u16),
                order_year_estimated: opt_bool(oye, i),
                number_ordered: count(ordered, i, "number ordered")?,
                number_ordered_estimated: opt_bool(ordered_e, i),
                number_delivered: count(delivered, i, "number delivered")?,
                number_delivered_estimated: opt_bool(delivered_e, i),
                delivery_years: ys.iter().map(|&y| y as u16).collect(),
                status: status.value(i).to_string(),
                comments: comments.value(i).to_string(),
                tiv_unit_new: opt(unit_new, i),
                tiv_unit: opt(unit, i),
                tiv_order: opt(order, i),
                tiv_delivered: opt(deliv, i),
                local_production: opt_bool(local, i),
                line: non_negative(path, "line", line[i])?,
            });
        }
    }
    Ok(out)
}

/// Deal columns `load` needs: not the name/category strings kept for outside tools.
const DEAL_COLUMNS: [&str; 22] = [
    "deal",
    "sipri_id",
    "supplier_id",
    "recipient_id",
    "designation",
    "description",
    "category_code",
    "order_year",
    "order_year_estimated",
    "number_ordered",
    "number_ordered_estimated",
    "number_delivered",
    "number_delivered_estimated",
    "delivery_years",
    "status",
    "comments",
    "tiv_unit_new",
    "tiv_unit",
    "tiv_order",
    "tiv_delivered",
    "local_production",
    "line",
];

fn opt<T: ArrowPrimitiveType>(a: &PrimitiveArray<T>, i: usize) -> Option<T::Native> {
    a.is_valid(i).then(|| a.value(i))
}

fn opt_bool(a: &BooleanArray, i: usize) -> Option<bool> {
    a.is_valid(i).then(|| a.value(i))
}

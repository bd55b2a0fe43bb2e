//! The checks every load makes on flow columns, whether decoded from
//! Parquet or served from the `flows.cols` cache: a damaged file is an error
//! naming it, never an out-of-range id reaching an index.

use super::corrupt;
use crate::StoreError;
use model::{Category, Flows, NO_DEAL};
use std::path::Path;

/// The checks a load makes, on a decoded batch's aggregation columns.
pub(crate) fn check_values_view(
    path: &Path,
    v: &model::FlowView<'_>,
    n_entities: u64,
) -> Result<(), StoreError> {
    let n = v.len();
    if [
        v.supplier.len(),
        v.recipient.len(),
        v.year.len(),
        v.category.len(),
    ] != [n; 4]
    {
        return Err(corrupt(path, "flow columns have different lengths"));
    }
    let max = |ids: &[u32]| ids.iter().fold(0, |m, &x| m.max(x));
    let ids_ok = n == 0 || u64::from(max(v.supplier).max(max(v.recipient))) < n_entities;
    let years_ok = v.year.iter().fold(0, |m, &y| m.max(y)) <= i16::MAX as u16;
    let tiv_ok = v
        .tiv
        .iter()
        .fold(true, |ok, &t| ok & (0.0..=model::MAX_TIV).contains(&t));
    let cats_ok = v
        .category
        .iter()
        .fold(true, |ok, &c| ok & crate::scan::known_category(c));
    if ids_ok && years_ok && tiv_ok && cats_ok {
        return Ok(());
    }
    if let Some(i) = v
        .supplier
        .iter()
        .chain(v.recipient)
        .find(|&&i| u64::from(i) >= n_entities)
    {
        return Err(corrupt(
            path,
            format!("entity id {i} outside the entity table ({n_entities} entities)"),
        ));
    }
    if let Some(y) = v.year.iter().find(|&&y| y > i16::MAX as u16) {
        return Err(corrupt(path, format!("negative year {}", *y as i16)));
    }
    if let Some(t) = v.tiv.iter().find(|t| !model::plausible_tiv(**t)) {
        return Err(corrupt(path, format!("implausible TIV value {t}")));
    }
    let c = v
        .category
        .iter()
        .find(|&&c| !crate::scan::known_category(c));
    Err(corrupt(
        path,
        format!("unknown category code {}", c.copied().unwrap_or(0)),
    ))
}

/// The per-value checks of [`load_flows_in`] (ids, deals and categories are
/// checked by [`check_flows`]).
pub(super) fn check_values(path: &Path, f: &Flows) -> Result<(), StoreError> {
    let tiv_ok = f
        .tiv
        .iter()
        .fold(true, |ok, &v| ok & (0.0..=model::MAX_TIV).contains(&v));
    let big = |m: u32, x: u32| m.max(x);
    let signed = f.year.iter().fold(0, |m, &y| m.max(y)) <= i16::MAX as u16
        && f.units.iter().copied().fold(0, big) <= i32::MAX as u32
        && f.deal.iter().fold(0, |m, &d| m.max(d.wrapping_add(1))) <= i32::MAX as u32 + 1;
    if tiv_ok && signed {
        return Ok(());
    }
    if let Some(v) = f.tiv.iter().find(|v| !model::plausible_tiv(**v)) {
        return Err(corrupt(path, format!("implausible TIV value {v}")));
    }
    if let Some(y) = f.year.iter().find(|&&y| y > i16::MAX as u16) {
        return Err(corrupt(path, format!("negative year {}", *y as i16)));
    }
    if let Some(u) = f.units.iter().find(|&&u| u > i32::MAX as u32) {
        return Err(corrupt(path, format!("negative units {}", *u as i32)));
    }
    if let Some(d) = f
        .deal
        .iter()
        .find(|&&d| d != NO_DEAL && d > i32::MAX as u32)
    {
        return Err(corrupt(path, format!("negative deal index {}", *d as i32)));
    }
    Ok(())
}

pub(crate) fn check_flows(
    path: &Path,
    f: &Flows,
    n_entities: u64,
    n_deals: usize,
) -> Result<(), StoreError> {
    if !f.is_consistent() {
        return Err(corrupt(path, "flow columns have different lengths"));
    }
    // Branch-free passes first (they vectorise); the searches below only run
    // to name the offending value.
    let max = |ids: &[u32]| ids.iter().fold(0, |m, &x| m.max(x));
    let deals_ok = f.deal.iter().fold(0, |m, &d| m.max(d.wrapping_add(1))) as usize <= n_deals;
    let ids_ok =
        f.supplier.is_empty() || u64::from(max(&f.supplier).max(max(&f.recipient))) < n_entities;
    let unspecified = Category::Unspecified as u8;
    let cats_ok = f.category.iter().fold(true, |ok, &c| {
        ok & ((usize::from(c) < Category::ALL.len()) | (c == unspecified))
    });
    if deals_ok && ids_ok && cats_ok {
        return Ok(());
    }
    let bad_id = |ids: &[u32]| ids.iter().copied().find(|&i| u64::from(i) >= n_entities);
    if let Some(i) = bad_id(&f.supplier).or_else(|| bad_id(&f.recipient)) {
        return Err(corrupt(
            path,
            format!("entity id {i} outside the entity table ({n_entities} entities)"),
        ));
    }
    if let Some(d) = f
        .deal
        .iter()
        .find(|&&d| d != NO_DEAL && d as usize >= n_deals)
    {
        return Err(corrupt(
            path,
            format!("deal index {d} outside the deal table ({n_deals} deals)"),
        ));
    }
    if let Some(c) = f
        .category
        .iter()
        .find(|&&c| Category::from_u8(c) as u8 != c)
    {
        return Err(corrupt(path, format!("unknown category code {c}")));
    }
    Ok(())
}

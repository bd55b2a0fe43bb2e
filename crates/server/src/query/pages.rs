//! Query strings of the dashboard's HTML pages.

#![allow(dead_code)]

use super::*;
use utoipa::IntoParams;

#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
pub struct WorldPage {
    /// Inclusive window of years; default: the latest five-year window
    #[param(schema_with = period)]
    period: Option<String>,
    /// Armament category; default: all
    #[param(schema_with = category)]
    category: Option<String>,
    /// Release id; default: the latest
    #[param(min_length = 1, max_length = 200)]
    release: Option<String>,
}

#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CountryPage {
    /// Inclusive window of years; default: the latest five-year window
    #[param(schema_with = period)]
    period: Option<String>,
    /// Year-by-year chart: first year, any (default: the start of `period`)
    #[param(value_type = Option<i64>, minimum = 1900, maximum = 2100)]
    from: Option<String>,
    /// Year-by-year chart: last year, inclusive (default: the end of `period`)
    #[param(value_type = Option<i64>, minimum = 1900, maximum = 2100)]
    to: Option<String>,
    /// Scenario form: supplier to shift imports away from
    #[param(min_length = 1, max_length = 200)]
    shift_from: Option<String>,
    /// Scenario form: suppliers that receive the shifted share, comma-separated
    #[param(min_length = 1, max_length = 200)]
    shift_to: Option<String>,
    /// Scenario form: percent of the supplier's share shifted (default 30)
    #[param(value_type = Option<f64>, minimum = 0, maximum = 100)]
    shift_pct: Option<String>,
    /// Release id; default: the latest
    #[param(min_length = 1, max_length = 200)]
    release: Option<String>,
}

#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SupplierPage {
    /// Inclusive window of years; default: the latest five-year window
    #[param(schema_with = period)]
    period: Option<String>,
    /// Release id; default: the latest
    #[param(min_length = 1, max_length = 200)]
    release: Option<String>,
}

#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DiffPage {
    /// Older release id (default: the one before the page's release)
    #[param(min_length = 1, max_length = 200)]
    a: Option<String>,
    /// Only values and deals involving this country
    #[param(min_length = 1, max_length = 200)]
    country: Option<String>,
    /// Only these years
    #[param(schema_with = period)]
    period: Option<String>,
    /// Smallest absolute change in TIV reported (default 1)
    #[param(value_type = Option<i64>, minimum = 0, maximum = 1_000_000)]
    threshold: Option<String>,
    /// Release id (B, the newer side); default: the latest
    #[param(min_length = 1, max_length = 200)]
    release: Option<String>,
}

#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SearchPage {
    /// Search text
    #[param(example = "Kazakhstan", min_length = 1, max_length = 200)]
    q: Option<String>,
    /// Release id; default: the latest
    #[param(min_length = 1, max_length = 200)]
    release: Option<String>,
}

#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
pub struct MapPage {
    /// share (of imports from `supplier`; default), group (from `group`'s members), hhi or tiv
    #[param(schema_with = map_metric)]
    metric: Option<String>,
    /// The supplier for metric=share; default: the window's largest exporter
    #[param(example = "RUS", min_length = 1, max_length = 200)]
    supplier: Option<String>,
    /// Group name (CSTO, NATO, …) or ad-hoc Name=A,B,C, for metric=group
    #[param(example = "NATO", min_length = 1, max_length = 200)]
    group: Option<String>,
    /// imports (default) or exports
    #[param(schema_with = direction)]
    direction: Option<String>,
    /// Inclusive window of years; default: the latest five-year window
    #[param(schema_with = period)]
    period: Option<String>,
    /// Map the change since this earlier window instead of the value
    #[param(schema_with = period)]
    from: Option<String>,
    /// Armament category; default: all
    #[param(schema_with = category)]
    category: Option<String>,
    /// 1: show arcs from the supplier to its customers
    #[param(example = "1", min_length = 1, max_length = 5)]
    arcs: Option<String>,
    /// Release id; default: the latest
    #[param(min_length = 1, max_length = 200)]
    release: Option<String>,
}

#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PairPage {
    /// Inclusive window of years; default: the latest five-year window
    #[param(schema_with = period)]
    period: Option<String>,
    /// Release id; default: the latest
    #[param(min_length = 1, max_length = 200)]
    release: Option<String>,
}

#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DealsPage {
    /// Only deals from this supplier
    #[param(example = "RUS", min_length = 1, max_length = 200)]
    supplier: Option<String>,
    /// Only deals to this recipient
    #[param(example = "KAZ", min_length = 1, max_length = 200)]
    recipient: Option<String>,
    /// Armament category; default: all
    #[param(schema_with = category)]
    category: Option<String>,
    /// Only deals ordered or delivered in these years: 2020-2024, 2020-24 or 2021
    #[param(schema_with = period)]
    years: Option<String>,
    /// SIPRI's deal status: New, Second hand, Second hand but modernized
    #[param(example = "New", min_length = 1, max_length = 200)]
    status: Option<String>,
    /// Search in designation and description ("Su-30" finds Su-30MK)
    #[param(example = "Su-30", min_length = 1, max_length = 200)]
    q: Option<String>,
    /// Deals to skip, for paging (default 0; 50 per page)
    #[param(value_type = Option<i64>, minimum = 0, maximum = 1_000_000)]
    offset: Option<String>,
    /// Release id; default: the latest
    #[param(min_length = 1, max_length = 200)]
    release: Option<String>,
}

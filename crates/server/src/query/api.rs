//! Query strings of the JSON, CSV and image endpoints under `/api`.

#![allow(dead_code)]

use super::*;
use utoipa::IntoParams;

/// No parameters.
#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
pub struct NoQuery {}

/// `?release=` only.
#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ReleaseQuery {
    /// Release id (see /api/releases); default: the newest stored release of the whole database (a download restricted to some countries only when nothing else is stored), or the SYNTHETIC demo
    #[param(min_length = 1, max_length = 200)]
    release: Option<String>,
}

#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ImportQuery {
    /// Original file name, recorded in the release
    #[param(example = "trade_register.csv", min_length = 1, max_length = 200)]
    file_name: Option<String>,
}

#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SearchQuery {
    /// Search text
    #[param(example = "kasach", min_length = 1, max_length = 200)]
    q: String,
    /// Most hits to return (default 10)
    #[param(value_type = Option<i64>, minimum = 1, maximum = 50)]
    limit: Option<String>,
    /// Release id; default: the latest
    #[param(min_length = 1, max_length = 200)]
    release: Option<String>,
}

#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PartnersQuery {
    /// Country or party: ISO3, SIPRI name or alias, case-insensitive
    #[param(example = "KAZ", min_length = 1, max_length = 200)]
    country: String,
    /// Inclusive window of delivery (or order) years: 2020-2024, 2020-24 or 2021; default: the latest five-year window
    #[param(schema_with = period)]
    period: Option<String>,
    /// Armament category (SIPRI names also accepted); default: all
    #[param(schema_with = category)]
    category: Option<String>,
    /// Place flows by delivery year (default, as SIPRI) or by the deal's order year
    #[param(schema_with = basis)]
    basis: Option<String>,
    /// Release id; default: the latest
    #[param(min_length = 1, max_length = 200)]
    release: Option<String>,
    /// json (default) or csv: RFC 4180, header row first; release, window and attribution in X-Armsflow-* headers
    #[param(schema_with = format)]
    format: Option<String>,
}

#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TopQuery {
    /// Which side to rank (default exporters)
    #[param(schema_with = top_direction)]
    direction: Option<String>,
    /// Inclusive window of years; default: the latest five-year window
    #[param(schema_with = period)]
    period: Option<String>,
    /// Armament category; default: all
    #[param(schema_with = category)]
    category: Option<String>,
    /// delivery (default) or order
    #[param(schema_with = basis)]
    basis: Option<String>,
    /// Rows to return (default 25)
    #[param(value_type = Option<i64>, minimum = 1, maximum = 500)]
    limit: Option<String>,
    /// Release id; default: the latest
    #[param(min_length = 1, max_length = 200)]
    release: Option<String>,
    /// json (default) or csv: RFC 4180, header row first; release, window and attribution in X-Armsflow-* headers
    #[param(schema_with = format)]
    format: Option<String>,
}

#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ConcentrationQuery {
    /// Country or party
    #[param(example = "KAZ", min_length = 1, max_length = 200)]
    country: String,
    /// imports: the country's suppliers (default); exports: its customers
    #[param(schema_with = direction)]
    direction: Option<String>,
    /// Armament category; default: all
    #[param(schema_with = category)]
    category: Option<String>,
    /// Release id; default: the latest
    #[param(min_length = 1, max_length = 200)]
    release: Option<String>,
    /// json (default) or csv: RFC 4180, header row first; release, window and attribution in X-Armsflow-* headers
    #[param(schema_with = format)]
    format: Option<String>,
}

#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PairQuery {
    /// Supplier country or party
    #[param(example = "RUS", min_length = 1, max_length = 200)]
    supplier: String,
    /// Recipient country or party
    #[param(example = "KAZ", min_length = 1, max_length = 200)]
    recipient: String,
    /// Inclusive window of years; default: the latest five-year window
    #[param(schema_with = period)]
    period: Option<String>,
    /// Armament category; default: all
    #[param(schema_with = category)]
    category: Option<String>,
    /// delivery (default) or order
    #[param(schema_with = basis)]
    basis: Option<String>,
    /// Release id; default: the latest
    #[param(min_length = 1, max_length = 200)]
    release: Option<String>,
    /// json (default) or csv: RFC 4180, header row first; release, window and attribution in X-Armsflow-* headers
    #[param(schema_with = format)]
    format: Option<String>,
}

#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CategoriesQuery {
    /// Country or party
    #[param(example = "KAZ", min_length = 1, max_length = 200)]
    country: String,
    /// imports (default) or exports
    #[param(schema_with = direction)]
    direction: Option<String>,
    /// Inclusive window of years; default: the latest five-year window
    #[param(schema_with = period)]
    period: Option<String>,
    /// delivery (default) or order
    #[param(schema_with = basis)]
    basis: Option<String>,
    /// Release id; default: the latest
    #[param(min_length = 1, max_length = 200)]
    release: Option<String>,
    /// json (default) or csv: RFC 4180, header row first; release, window and attribution in X-Armsflow-* headers
    #[param(schema_with = format)]
    format: Option<String>,
}

#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DeliveriesQuery {
    /// Country or party
    #[param(example = "KAZ", min_length = 1, max_length = 200)]
    country: String,
    /// imports (default) or exports
    #[param(schema_with = direction)]
    direction: Option<String>,
    /// Inclusive window of years; default: the latest five-year window
    #[param(schema_with = period)]
    period: Option<String>,
    /// Armament category; default: all
    #[param(schema_with = category)]
    category: Option<String>,
    /// Rows to return (default 20)
    #[param(value_type = Option<i64>, minimum = 1, maximum = 500)]
    limit: Option<String>,
    /// Release id; default: the latest
    #[param(min_length = 1, max_length = 200)]
    release: Option<String>,
    /// json (default) or csv: RFC 4180, header row first; release, window and attribution in X-Armsflow-* headers
    #[param(schema_with = format)]
    format: Option<String>,
}

#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
pub struct GroupsQuery {
    /// Country; omit to list the groups and their members
    #[param(example = "KAZ", min_length = 1, max_length = 200)]
    country: Option<String>,
    /// Group name (CSTO, NATO, …) or ad-hoc Name=A,B,C; repeatable; default: every group
    #[param(example = "CSTO", min_length = 1, max_length = 200)]
    group: Option<String>,
    /// imports (default) or exports
    #[param(schema_with = direction)]
    direction: Option<String>,
    /// Inclusive window of years; default: the latest five-year window
    #[param(schema_with = period)]
    period: Option<String>,
    /// Armament category; default: all
    #[param(schema_with = category)]
    category: Option<String>,
    /// delivery (default) or order
    #[param(schema_with = basis)]
    basis: Option<String>,
    /// Release id; default: the latest
    #[param(min_length = 1, max_length = 200)]
    release: Option<String>,
    /// json (default) or csv: RFC 4180, header row first; release, window and attribution in X-Armsflow-* headers
    #[param(schema_with = format)]
    format: Option<String>,
}

#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SwitchingQuery {
    /// Earlier window (default: the second-to-last five-year window)
    #[param(schema_with = period)]
    from: Option<String>,
    /// Later window (default: the last five-year window)
    #[param(schema_with = period)]
    to: Option<String>,
    /// Rank by the drop in this supplier's share
    #[param(example = "RUS", min_length = 1, max_length = 200)]
    away_from: Option<String>,
    /// Only this recipient
    #[param(min_length = 1, max_length = 200)]
    country: Option<String>,
    /// Recipients below this TIV in either window are not ranked
    #[param(value_type = Option<i64>, minimum = 0, maximum = 1_000_000)]
    min_tiv: Option<String>,
    /// Armament category; default: all
    #[param(schema_with = category)]
    category: Option<String>,
    /// delivery (default) or order
    #[param(schema_with = basis)]
    basis: Option<String>,
    /// Rows to return (default 25)
    #[param(value_type = Option<i64>, minimum = 1, maximum = 500)]
    limit: Option<String>,
    /// Release id; default: the latest
    #[param(min_length = 1, max_length = 200)]
    release: Option<String>,
    /// json (default) or csv: RFC 4180, header row first; release, window and attribution in X-Armsflow-* headers
    #[param(schema_with = format)]
    format: Option<String>,
}

#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
pub struct EventStudyQuery {
    /// Group name or ad-hoc Name=A,B,C
    #[param(example = "Abraham Accords", min_length = 1, max_length = 200)]
    group: String,
    /// Only this member's accession
    #[param(example = "ARE", min_length = 1, max_length = 200)]
    member: Option<String>,
    /// Also report this supplier's share
    #[param(example = "ISR", min_length = 1, max_length = 200)]
    partner: Option<String>,
    /// Years on each side (default 5)
    #[param(value_type = Option<i64>, minimum = 1, maximum = 30)]
    years: Option<String>,
    /// Armament category; default: all
    #[param(schema_with = category)]
    category: Option<String>,
    /// delivery (default) or order
    #[param(schema_with = basis)]
    basis: Option<String>,
    /// Release id; default: the latest
    #[param(min_length = 1, max_length = 200)]
    release: Option<String>,
    /// json (default) or csv: RFC 4180, header row first; release, window and attribution in X-Armsflow-* headers
    #[param(schema_with = format)]
    format: Option<String>,
}

#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PipelineQuery {
    /// Country or party
    #[param(example = "KAZ", min_length = 1, max_length = 200)]
    country: String,
    /// imports (default) or exports
    #[param(schema_with = direction)]
    direction: Option<String>,
    /// Release id; default: the newest legacy-register release (the only kind with orders)
    #[param(min_length = 1, max_length = 200)]
    release: Option<String>,
    /// json (default) or csv: RFC 4180, header row first; release, window and attribution in X-Armsflow-* headers
    #[param(schema_with = format)]
    format: Option<String>,
}

#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DiffQuery {
    /// Older release id (default: the one before b)
    #[param(min_length = 1, max_length = 200)]
    a: Option<String>,
    /// Newer release id (default: the latest)
    #[param(min_length = 1, max_length = 200)]
    b: Option<String>,
    /// Only values and deals involving this country
    #[param(min_length = 1, max_length = 200)]
    country: Option<String>,
    /// Only these years
    #[param(schema_with = period)]
    period: Option<String>,
    /// Smallest absolute change in TIV reported (default 1)
    #[param(value_type = Option<i64>, minimum = 0, maximum = 1_000_000)]
    threshold: Option<String>,
    /// Smallest relative change in % (default 0)
    #[param(value_type = Option<i64>, minimum = 0, maximum = 100)]
    min_change: Option<String>,
    /// Revisions to return (default 200)
    #[param(value_type = Option<i64>, minimum = 1, maximum = 100_000)]
    limit: Option<String>,
    /// json (default) or csv: RFC 4180, header row first; release, window and attribution in X-Armsflow-* headers
    #[param(schema_with = format)]
    format: Option<String>,
}

#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SeriesQuery {
    /// Country or party
    #[param(example = "KAZ", min_length = 1, max_length = 200)]
    country: String,
    /// imports: TIV per supplier (default); exports: TIV per recipient
    #[param(schema_with = direction)]
    direction: Option<String>,
    /// First year (default: the start of the latest five-year window)
    #[param(schema_with = year)]
    from: Option<String>,
    /// Last year, inclusive (default: the release's last year)
    #[param(schema_with = year)]
    to: Option<String>,
    /// Armament category; default: all
    #[param(schema_with = category)]
    category: Option<String>,
    /// delivery (default) or order
    #[param(schema_with = basis)]
    basis: Option<String>,
    /// json (default) or csv (one line per partner and year)
    #[param(schema_with = format)]
    format: Option<String>,
    /// Release id; default: the latest
    #[param(min_length = 1, max_length = 200)]
    release: Option<String>,
}

#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DealsQuery {
    /// Only deals from this supplier
    #[param(example = "RUS", min_length = 1, max_length = 200)]
    supplier: Option<String>,
    /// Only deals to this recipient
    #[param(example = "KAZ", min_length = 1, max_length = 200)]
    recipient: Option<String>,
    /// Armament category; default: all
    #[param(schema_with = category)]
    category: Option<String>,
    /// Only deals ordered or delivered in these years: 2020-2024, 2020-24 or 2021. With it, each deal also gets `tiv_in_window`, its TIV delivered in these years (by delivery year; these add up to the country's imports or exports in them), beside `tiv_delivered`, its TIV over all delivery years
    #[param(value_type = Option<String>, pattern = "^[0-9]{4}([-–:/]([0-9]{2}|[0-9]{4}))?$")]
    years: Option<String>,
    /// SIPRI's deal status: New, Second hand, Second hand but modernized (case, hyphens and spaces ignored)
    #[param(example = "New", min_length = 1, max_length = 200)]
    status: Option<String>,
    /// Search in designation and description; case, hyphens and spaces ignored ("Su-30" finds Su-30MK)
    #[param(example = "Su-30", min_length = 1, max_length = 200)]
    q: Option<String>,
    /// Deals to return (default 50)
    #[param(value_type = Option<i64>, minimum = 1, maximum = 1000)]
    limit: Option<String>,
    /// Deals to skip, for paging (default 0)
    #[param(value_type = Option<i64>, minimum = 0, maximum = 1_000_000)]
    offset: Option<String>,
    /// json (default) or csv (one line per deal)
    #[param(schema_with = format)]
    format: Option<String>,
    /// Release id; default: the latest
    #[param(min_length = 1, max_length = 200)]
    release: Option<String>,
}

#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
pub struct MapQuery {
    /// share (of imports from `supplier`; default), group (from `group`'s members), hhi or tiv
    #[param(schema_with = map_metric)]
    metric: Option<String>,
    /// The supplier for metric=share; default: the window's largest exporter
    #[param(example = "RUS", min_length = 1, max_length = 200)]
    supplier: Option<String>,
    /// Group name (CSTO, NATO, …) or ad-hoc Name=A,B,C, for metric=group
    #[param(example = "NATO", min_length = 1, max_length = 200)]
    group: Option<String>,
    /// imports (default): shares of each country's imports; exports: of exports (share: of the supplier's exports)
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
    /// 1: draw arcs from the supplier to its customers (SVG)
    #[param(example = "1", min_length = 1, max_length = 5)]
    arcs: Option<String>,
    /// Release id; default: the latest
    #[param(min_length = 1, max_length = 200)]
    release: Option<String>,
    /// json (default), csv (one line per country) or svg (the standalone map image)
    #[param(schema_with = map_format)]
    format: Option<String>,
}

#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ExportQuery {
    /// Inclusive window of years; default: the latest five-year window
    #[param(schema_with = period)]
    period: Option<String>,
    /// Armament category (world page); default: all
    #[param(schema_with = category)]
    category: Option<String>,
    /// Country page's year-by-year chart: first year (default: the window's first)
    #[param(schema_with = year)]
    from: Option<String>,
    /// Country page's year-by-year chart: last year (default: the window's last)
    #[param(schema_with = year)]
    to: Option<String>,
    /// Release id; default: the latest
    #[param(min_length = 1, max_length = 200)]
    release: Option<String>,
    /// PNG only: width in pixels (default 1440)
    #[param(value_type = Option<i64>, minimum = 200, maximum = 4096)]
    width: Option<String>,
}

#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
pub struct EmbedQuery {
    /// Inclusive window of years; default: the latest five-year window
    #[param(schema_with = period)]
    period: Option<String>,
    /// Armament category (world page); default: all
    #[param(schema_with = category)]
    category: Option<String>,
    /// Country page's year-by-year chart: first year (default: the window's first)
    #[param(schema_with = year)]
    from: Option<String>,
    /// Country page's year-by-year chart: last year (default: the window's last)
    #[param(schema_with = year)]
    to: Option<String>,
    /// Release id; default: the latest
    #[param(min_length = 1, max_length = 200)]
    release: Option<String>,
}

#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
pub struct MapExportQuery {
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
    /// 1: draw arcs from the supplier to its customers
    #[param(example = "1", min_length = 1, max_length = 5)]
    arcs: Option<String>,
    /// Release id; default: the latest
    #[param(min_length = 1, max_length = 200)]
    release: Option<String>,
    /// PNG only: width in pixels (default 1440)
    #[param(value_type = Option<i64>, minimum = 200, maximum = 4096)]
    width: Option<String>,
}

#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
pub struct MapEmbedQuery {
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

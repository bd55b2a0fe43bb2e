//! One typed query struct per endpoint. Each struct declares the parameters
//! its handler may read (name, required or not, type, range, doc) and derives
//! their OpenAPI description (utoipa's `IntoParams`); the [`Q`] extractor
//! hands the handler only the declared parameters, so a handler cannot read
//! a parameter the document does not list. Values are then validated by
//! [`Params`]' methods (one parse, one set of messages).
//!
//! The structs are declarations: their field values are never read, hence
//! the `dead_code` allowance.
#![allow(dead_code)]

use crate::error::ApiError;
use crate::params::Params;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use std::any::TypeId;
use std::collections::HashMap;
use std::marker::PhantomData;
use std::sync::{Arc, OnceLock, RwLock};
use utoipa::IntoParams;
use utoipa::openapi::path::{Parameter, ParameterIn};
use utoipa::openapi::schema::{Object, ObjectBuilder, Type};

/// The declared parameters of `T`, as the document lists them.
pub fn params<T: IntoParams>() -> Vec<Parameter> {
    let mut v = T::into_params(|| Some(ParameterIn::Query));
    // utoipa drops a field's doc comment when its schema comes from
    // `schema_with`; those parameters mean the same on every endpoint.
    for p in &mut v {
        if p.description.is_none() {
            p.description = shared_doc(&p.name).map(str::to_string);
        }
    }
    v
}

/// The description of the parameters whose schema is built by a function.
fn shared_doc(name: &str) -> Option<&'static str> {
    Some(match name {
        "period" | "from" | "to" => {
            "Inclusive window of years: 2020-2024, 2020-24 or 2021; default: the latest five-year window (for `from`: the one before)"
        }
        "category" => "Armament category (SIPRI names also accepted); default: all",
        "format" => {
            "json (default) or csv: RFC 4180, header row first, nothing else; release, window, coverage and attribution in X-Armsflow-* headers"
        }
        "basis" => "Place flows by delivery year (default, as SIPRI) or by the deal's order year",
        "direction" => {
            "Which side: imports (the country's suppliers, default) or exports (its customers); for /api/top: exporters (default) or importers"
        }
        _ => return None,
    })
}

/// `(name, required)` of `T`'s query parameters, computed once per type.
fn declared<T: IntoParams + 'static>() -> Arc<Vec<(String, bool)>> {
    type Table = RwLock<HashMap<TypeId, Arc<Vec<(String, bool)>>>>;
    static TABLE: OnceLock<Table> = OnceLock::new();
    let table = TABLE.get_or_init(Default::default);
    let id = TypeId::of::<T>();
    if let Some(v) = table.read().unwrap_or_else(|e| e.into_inner()).get(&id) {
        return v.clone();
    }
    let v: Arc<Vec<(String, bool)>> = Arc::new(
        params::<T>()
            .into_iter()
            .filter(|p| p.parameter_in == ParameterIn::Query)
            .map(|p| (p.name, p.required == utoipa::openapi::Required::True))
            .collect(),
    );
    table
        .write()
        .unwrap_or_else(|e| e.into_inner())
        .insert(id, v.clone());
    v
}

/// The query parameters `T` declares, and nothing else; a required one
/// missing (or blank) is a 400 before the handler runs.
pub struct Q<T>(pub Params, pub PhantomData<fn() -> T>);

impl<S: Send + Sync, T: IntoParams + 'static> FromRequestParts<S> for Q<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let names = declared::<T>();
        let query = parts.uri.query().unwrap_or("");
        if crate::strict::strict(parts.uri.path()) {
            crate::strict::check_api_query(query, names.iter().map(|n| n.0.as_str()))?;
        }
        let p = Params::parse(query)
            .only(names.iter().map(|n| n.0.as_str()))
            .with_lang(crate::params::lang_of(parts));
        for (name, required) in names.iter() {
            if *required && p.get(name).is_none() {
                return Err(ApiError::bad_request(format!("missing parameter '{name}'")));
            }
        }
        Ok(Q(p, PhantomData))
    }
}

/// Armament categories as the API names them (SIPRI's names are accepted too).
pub const CATEGORIES: &[&str] = &[
    "all",
    "aircraft",
    "air-defence",
    "armoured-vehicles",
    "artillery",
    "engines",
    "missiles",
    "naval-weapons",
    "other",
    "satellites",
    "sensors",
    "ships",
];

fn one_of(values: &[&'static str]) -> Object {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .enum_values(Some(values.iter().copied()))
        .build()
}

fn category() -> Object {
    one_of(CATEGORIES)
}

fn format() -> Object {
    one_of(&["json", "csv"])
}

fn basis() -> Object {
    one_of(&["delivery", "order"])
}

fn direction() -> Object {
    one_of(&["imports", "exports"])
}

fn top_direction() -> Object {
    one_of(&["exporters", "importers"])
}

/// `YYYY`, `YYYY-YYYY` or `YYYY-YY`.
fn period() -> Object {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .pattern(Some("^[0-9]{4}([-–:/]([0-9]{2}|[0-9]{4}))?$"))
        .build()
}

/// No parameters.
#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
pub struct NoQuery {}

/// `?release=` only.
#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ReleaseQuery {
    /// Release id (see /api/releases); default: the latest stored release, or the SYNTHETIC demo
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

/// A release id in the path.
#[derive(IntoParams)]
#[into_params(parameter_in = Path)]
pub struct ReleasePath {
    /// Release id
    #[param(min_length = 1, max_length = 200)]
    id: String,
}

/// A country in the path.
#[derive(IntoParams)]
#[into_params(parameter_in = Path)]
pub struct KeyPath {
    /// Country key (ISO3), SIPRI name or alias
    #[param(example = "KAZ", min_length = 1, max_length = 200)]
    key: String,
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
    /// Release id; default: the latest
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

/// A year, 1900-2100.
fn year() -> Object {
    ObjectBuilder::new()
        .schema_type(Type::Integer)
        .minimum(Some(1900))
        .maximum(Some(2100))
        .build()
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
    /// Only deals ordered or delivered in these years: 2020-2024, 2020-24 or 2021
    #[param(schema_with = period)]
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

/// Map metrics: share (from a supplier), group, hhi, tiv.
fn map_metric() -> Object {
    one_of(crate::map::data::METRICS)
}

fn map_format() -> Object {
    one_of(&["json", "csv", "svg"])
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

/// Two countries in the path.
#[derive(IntoParams)]
#[into_params(parameter_in = Path)]
pub struct PairPath {
    /// Supplier: ISO3, SIPRI name or alias
    #[param(example = "RUS", min_length = 1, max_length = 200)]
    supplier: String,
    /// Recipient: ISO3, SIPRI name or alias
    #[param(example = "KAZ", min_length = 1, max_length = 200)]
    recipient: String,
}

/// A dashboard page's chart in the path (journalist's kit, issue #13).
#[derive(IntoParams)]
#[into_params(parameter_in = Path)]
pub struct ExportPath {
    /// Country key (ISO3), SIPRI name or alias
    #[param(example = "KAZ", min_length = 1, max_length = 200)]
    key: String,
    /// Chart id on the page and file type: supplier-chart.svg, supplier-chart.png, supplier-chart.csv
    #[param(
        example = "supplier-chart.svg",
        pattern = "^[A-Za-z0-9-]{1,64}\\.(svg|png|csv)$"
    )]
    file: String,
}

/// A world-page chart in the path.
#[derive(IntoParams)]
#[into_params(parameter_in = Path)]
pub struct WorldExportPath {
    /// Chart id on the page and file type: exporters-chart.png, importers-chart.csv, …
    #[param(
        example = "exporters-chart.svg",
        pattern = "^[A-Za-z0-9-]{1,64}\\.(svg|png|csv)$"
    )]
    file: String,
}

/// A chart of a country's page, for its embed view.
#[derive(IntoParams)]
#[into_params(parameter_in = Path)]
pub struct EmbedPath {
    /// Country key (ISO3), SIPRI name or alias
    #[param(example = "KAZ", min_length = 1, max_length = 200)]
    key: String,
    /// Chart id on the page (supplier-chart, concentration-chart, customers-chart, …)
    #[param(example = "supplier-chart", pattern = "^[A-Za-z0-9-]{1,64}$")]
    chart: String,
}

/// A world-page chart, for its embed view.
#[derive(IntoParams)]
#[into_params(parameter_in = Path)]
pub struct WorldEmbedPath {
    /// Chart id on the page: exporters-chart or importers-chart
    #[param(example = "exporters-chart", pattern = "^[A-Za-z0-9-]{1,64}$")]
    chart: String,
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

/// A pair page's chart in the path.
#[derive(IntoParams)]
#[into_params(parameter_in = Path)]
pub struct PairExportPath {
    /// Supplier: ISO3, SIPRI name or alias
    #[param(example = "RUS", min_length = 1, max_length = 200)]
    supplier: String,
    /// Recipient: ISO3, SIPRI name or alias
    #[param(example = "KAZ", min_length = 1, max_length = 200)]
    recipient: String,
    /// Chart id on the page and file type: pair-chart.svg, pair-chart.png, pair-chart.csv
    #[param(
        example = "pair-chart.csv",
        pattern = "^[A-Za-z0-9-]{1,64}\\.(svg|png|csv)$"
    )]
    file: String,
}

/// A pair page's chart, for its embed view.
#[derive(IntoParams)]
#[into_params(parameter_in = Path)]
pub struct PairEmbedPath {
    /// Supplier: ISO3, SIPRI name or alias
    #[param(example = "RUS", min_length = 1, max_length = 200)]
    supplier: String,
    /// Recipient: ISO3, SIPRI name or alias
    #[param(example = "KAZ", min_length = 1, max_length = 200)]
    recipient: String,
    /// Chart id on the page: pair-chart
    #[param(example = "pair-chart", pattern = "^[A-Za-z0-9-]{1,64}$")]
    chart: String,
}

/// The map as a file.
#[derive(IntoParams)]
#[into_params(parameter_in = Path)]
pub struct MapExportPath {
    /// world-map.svg or world-map.png (the values as CSV: /api/map?format=csv)
    #[param(example = "world-map.png", pattern = "^world-map\\.(svg|png)$")]
    file: String,
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

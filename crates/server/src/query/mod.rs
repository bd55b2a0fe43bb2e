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
        let declared = names.iter().map(|n| n.0.as_str());
        // A page renders its refusal itself (`Params::refused`), as its
        // own error page.
        let refused = if crate::strict::strict(parts.uri.path()) {
            crate::strict::check_api_query(query, declared)?;
            None
        } else {
            crate::strict::check_page_query(query, declared).err()
        };
        let p = Params::parse(query)
            .only(names.iter().map(|n| n.0.as_str()))
            .with_lang(crate::params::lang_of(parts))
            .with_refusal(refused);
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

/// A year, 1900-2100.
fn year() -> Object {
    ObjectBuilder::new()
        .schema_type(Type::Integer)
        .minimum(Some(1900))
        .maximum(Some(2100))
        .build()
}

/// Map metrics: share (from a supplier), group, hhi, tiv.
fn map_metric() -> Object {
    one_of(crate::map::data::METRICS)
}

fn map_format() -> Object {
    one_of(&["json", "csv", "svg"])
}

mod api;
mod pages;
mod paths;
pub use api::*;
pub use pages::*;
pub use paths::*;

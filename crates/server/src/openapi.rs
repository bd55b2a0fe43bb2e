//! The OpenAPI document, generated from [`crate::routes::ENDPOINTS`]: one
//! operation per route, whose parameters are derived (utoipa `IntoParams`)
//! from the query struct the handler extracts ([`crate::query`]), so a
//! parameter cannot be read without being documented. Response bodies are
//! described at the envelope level (the engine's result types belong to other
//! crates).

use crate::routes::{ENDPOINTS, Endpoint, Produces};
use serde_json::{Map, Value, json};

fn error_response(doc: &str, html: bool) -> Value {
    let mut content =
        json!({"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}});
    if html {
        // Pages answer errors with a page; limits (413/414) answer in JSON.
        content["text/html"] = json!({"schema": {"type": "string"}});
    }
    json!({"description": doc, "content": content})
}

/// The schema of a JSON endpoint's 200 answer: derived from its typed
/// response where there is one, else the common envelope.
fn ok_schema(e: &Endpoint) -> Value {
    match e.id {
        "health" => json!({"$ref": "#/components/schemas/Health"}),
        "listReleases" => json!({"$ref": "#/components/schemas/ReleaseList"}),
        _ => json!({"$ref": "#/components/schemas/Result"}),
    }
}

/// A schema derived by utoipa, as JSON.
fn derived<T: utoipa::PartialSchema>() -> Value {
    serde_json::to_value(T::schema()).unwrap_or(Value::Null)
}

fn operation(e: &Endpoint) -> Value {
    let ok = match e.produces {
        Produces::Json => json!({
            "description": "OK",
            "headers": {
                "ETag": {"description": "Release id plus a hash of the query", "schema": {"type": "string"}},
                "Cache-Control": {"description": "immutable for a pinned ?release= (API answers and charts), revalidate otherwise", "schema": {"type": "string"}}
            },
            "content": {"application/json": {"schema": ok_schema(e)}}
        }),
        Produces::Html => json!({
            "description": "An HTML page",
            "content": {"text/html": {"schema": {"type": "string"}}}
        }),
        Produces::File => json!({
            "description": "The chart as a file (by the path's extension), with its title, window, source line and release id; a download (Content-Disposition: attachment)",
            "headers": {
                "X-Armsflow-Release": {"description": "Release id the figures come from", "schema": {"type": "string"}},
                "X-Armsflow-Attribution": {"description": "Source line: SIPRI's, or SYNTHETIC for demo releases", "schema": {"type": "string"}},
                "X-Armsflow-Synthetic": {"description": "true for armsflow's synthetic demo data", "schema": {"type": "string"}},
                "Content-Disposition": {"description": "attachment with a file name", "schema": {"type": "string"}}
            },
            "content": {
                "image/svg+xml": {"schema": {"type": "string"}},
                "image/png": {"schema": {"type": "string", "format": "binary"}},
                "text/csv": {"schema": {"type": "string", "description": "RFC 4180, header row first; full precision; window, category, release and source on every row"}}
            }
        }),
    };
    let mut ok = ok;
    if (e.params)().iter().any(|p| p.name == "format") {
        // Derived from the query struct: an endpoint offers CSV iff it declares `format`.
        ok["content"]["text/csv"] = json!({
            "schema": {"type": "string", "description": "RFC 4180, header row first, nothing else (format=csv)"}
        });
        for (h, doc) in [
            (
                "X-Armsflow-Release",
                "Release id the figures come from (format=csv)",
            ),
            ("X-Armsflow-Window", "Window of years (format=csv)"),
            (
                "X-Armsflow-Attribution",
                "Source line: SIPRI's, or SYNTHETIC for demo releases (format=csv)",
            ),
            (
                "X-Armsflow-Coverage",
                "Note when the window reaches past the release's years (format=csv)",
            ),
            (
                "X-Armsflow-Synthetic",
                "true for armsflow's synthetic demo data (format=csv)",
            ),
            (
                "X-Armsflow-Allocation-Warning",
                "Legacy-register releases: per-year values are armsflow's even split of deal totals (format=csv; also an `allocation_warning` column)",
            ),
            (
                "Content-Disposition",
                "attachment with a file name (format=csv)",
            ),
        ] {
            ok["headers"][h] = json!({"description": doc, "schema": {"type": "string"}});
        }
    }
    if e.id == "map" {
        // The map's standalone image (format=svg), for downloads and embeds.
        ok["content"]["image/svg+xml"] = json!({
            "schema": {"type": "string", "description": "The map as a standalone SVG with title, legend, source line and release id (format=svg)"}
        });
    }
    let html = e.produces == Produces::Html;
    let err = |doc: &str| error_response(doc, html);
    let mut responses = Map::new();
    responses.insert("200".into(), ok);
    if e.method == "get" {
        responses.insert(
            "304".into(),
            json!({"description": "Not modified (If-None-Match matched the ETag)"}),
        );
    }
    if e.id == "pageSearch" {
        responses.insert("303".into(), json!({"description": "The query names one party: redirect to its page", "headers": {"Location": {"schema": {"type": "string"}}}}));
    }
    if e.method == "post" && e.id == "importRelease" {
        responses.insert("201".into(), json!({"description": "Imported as a new release", "content": {"application/json": {"schema": {"type": "object"}}}}));
        responses.insert("401".into(), err("Missing bearer token"));
        responses.insert("403".into(), err("Read-only server or wrong token"));
        responses.insert("409".into(), err("Same release id, different bytes"));
        responses.insert(
            "429".into(),
            err("Too many wrong admin tokens: retry later"),
        );
        responses.insert("422".into(), err("The file is not a readable SIPRI export"));
    }
    // A release named by id whose files are damaged (`release_damaged`).
    let names_release = e.id == "getRelease" || (e.params)().iter().any(|p| p.name == "release");
    if names_release && !responses.contains_key("409") {
        responses.insert(
            "409".into(),
            err("The release named is stored but damaged (error `release_damaged`): importing its original file again repairs it"),
        );
    }
    responses.insert(
        "400".into(),
        err("Bad parameter (period, category, limit, …)"),
    );
    responses.insert(
        "404".into(),
        err("Unknown country (with suggestions), release or path"),
    );
    responses.insert("414".into(), err("Path or query string too long"));
    responses.insert(
        "403".into(),
        err("Host header not on the allow-list of a loopback server (or, for imports, a read-only server or a wrong token)"),
    );
    responses.insert(
        "422".into(),
        err("A work or output limit: too many claims, a sentence too long, an answer over the size limit (narrow the query)"),
    );
    if e.method == "post" {
        responses.insert("413".into(), err("Request body over the limit"));
        responses.insert("408".into(), err("Request body not received in time"));
    }
    let mut busy = err("Busy (the work queue is full), timed out, or no release to serve");
    busy["headers"] = json!({"Retry-After": {"description": "Seconds to wait before retrying", "schema": {"type": "integer"}}});
    responses.insert("503".into(), busy);
    responses.insert(
        "500".into(),
        err("Internal error: the body carries an error_id to quote; details are in the server log"),
    );
    responses.insert("default".into(), err("Other error"));
    let mut op = json!({
        "operationId": e.id,
        "tags": [e.tag],
        "summary": e.summary,
        "parameters": parameters(e),
        "responses": responses,
    });
    if let Some(b) = e.body {
        let mut content = Map::new();
        for m in b.media {
            let schema = if m.starts_with("application/json") {
                match e.id {
                    "claims" => {
                        json!({"type": "object", "required": ["text"], "properties": {"text": {"type": "string", "pattern": "\\S"}}})
                    }
                    "scenario" => scenario_schema(),
                    _ => json!({"type": "object"}),
                }
            } else if *m == "application/x-www-form-urlencoded" {
                // A form is an object of fields; a bare string schema made
                // schemathesis discard most generated bodies (a flaky
                // "filter_too_much" health check in CI).
                json!({"type": "object", "required": ["text"], "properties": {"text": {"type": "string"}}})
            } else if *m == "application/octet-stream" {
                json!({"type": "string", "format": "binary"})
            } else {
                json!({"type": "string"})
            };
            content.insert((*m).to_string(), json!({"schema": schema}));
        }
        op["requestBody"] = json!({"required": true, "description": b.doc, "content": content});
    }
    if e.id == "importRelease" {
        op["security"] = json!([{"bearer": []}]);
    }
    op
}

/// The scenario format (`engine::scenario::ScenarioSpec`) as JSON.
fn scenario_schema() -> Value {
    let name = json!({"type": "string", "minLength": 1});
    json!({
        "type": "object",
        "required": ["recipient"],
        "additionalProperties": false,
        "properties": {
            "name": {"type": "string"},
            "description": {"type": "string"},
            "recipient": name,
            "period": {"type": "string", "example": "2020-2024"},
            "category": {"type": "string"},
            "change": {"type": "array", "items": {
                "type": "object",
                "required": ["kind"],
                "properties": {
                    "kind": {"type": "string", "enum": ["shift", "add", "remove", "drop", "penalise"]},
                    "from": name, "to": {"type": "array", "items": name},
                    "percent": {"type": "number", "minimum": 0, "maximum": 100},
                    "weights": {"type": "array", "items": {"type": "number", "minimum": 0}},
                    "supplier": name, "tiv": {"type": "number"},
                    "reallocate": {"type": "string", "enum": ["none", "proportional", "equal"]},
                    "group": {"type": "array", "items": name}
                }
            }}
        },
        "example": {"recipient": "KAZ", "period": "2020-2024", "change": [{"kind": "shift", "from": "RUS", "to": ["ISR", "TUR"], "percent": 30}]}
    })
}

/// The whole document.
pub fn document() -> Value {
    let mut paths = Map::new();
    for e in ENDPOINTS {
        let item = paths.entry(e.path.to_string()).or_insert_with(|| json!({}));
        item[e.method] = operation(e);
    }
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "armsflow API",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "Arms-transfer dependencies from the SIPRI Arms Transfers Database. \
    Every result names the release it was computed over and carries SIPRI's attribution. \
    Shares are fractions (0.884 = 88.4 %); TIV values are SIPRI trend-indicator values in millions, unrounded. \
    Source: SIPRI Arms Transfers Database (c) SIPRI."
        },
        "servers": [{"url": "/"}],
        "paths": paths,
        "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
            "schemas": {
                "Error": derived::<crate::error::ApiError>(),
                "Health": derived::<crate::api::meta::Health>(),
                "ReleaseRef": derived::<crate::api::meta::ReleaseRef>(),
                "DamagedEntry": derived::<crate::api::meta::DamagedEntry>(),
                "ReleaseList": derived::<crate::api::meta::ReleaseList>(),
                "ReleaseInfo": derived::<crate::present::ReleaseInfo>(),
                "Result": {
                    "type": "object",
                    "description": "A query result: the release, SIPRI's attribution, then the figures",
                    "properties": {
                        "release": {"type": "object", "properties": {"id": {"type": "string"}, "synthetic": {"type": "boolean"}}},
                        "attribution": {"type": "string"},
                        "citation": {"type": "string"},
                        "warning": {"type": "string"},
                        "coverage": {"$ref": "#/components/schemas/Coverage"}
                    }
                },
                "Coverage": {
                    "type": "object",
                    "description": "How much of the window the release covers (docs/methodology.md, Coverage). \
    partial: some year of the window is outside the release, so its figures rest on covered_years years only; \
    changes against it carry change_coverage.like_for_like = false.",
                    "properties": {
                        "window": {"type": "string"},
                        "release_years": {"type": "array", "items": {"type": "integer"}, "nullable": true},
                        "missing_years": {"type": "array", "items": {"type": "integer"}},
                        "covered_years": {"type": "integer"},
                        "partial": {"type": "boolean"},
                        "note": {"type": "string", "nullable": true}
                    }
                }
            }
        }
    })
}

/// The endpoint's declared parameters; every page also takes `lang`, which
/// the negotiation layer reads (see [`crate::i18n`]).
fn parameters(e: &Endpoint) -> Value {
    let mut v = serde_json::to_value((e.params)()).unwrap_or(Value::Array(Vec::new()));
    if e.produces == Produces::Html
        && let Value::Array(a) = &mut v
    {
        a.push(json!({
            "name": "lang",
            "in": "query",
            "required": false,
            "description": "Language of the page (remembered in a cookie); default: the lang cookie, then Accept-Language, then English",
            "schema": {"type": "string", "enum": ["en", "de"]},
        }));
    }
    v
}

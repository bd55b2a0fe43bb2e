//! The OpenAPI 3.0 document, generated from [`crate::routes::ENDPOINTS`].
//!
//! Hand-built rather than derived (utoipa): the engine's result types belong
//! to other crates and would need schema derives there, and a generated table
//! keeps the document complete by construction — a route cannot exist without
//! its entry here. Response bodies are described at the envelope level.

use crate::routes::{ENDPOINTS, Endpoint, In, Param, Produces, Ty};
use serde_json::{Map, Value, json};

fn param_schema(t: Ty) -> Value {
    match t {
        Ty::Str => json!({"type": "string", "minLength": 1, "maxLength": 200}),
        Ty::Period => {
            json!({"type": "string", "pattern": "^[0-9]{4}([-–:/]([0-9]{2}|[0-9]{4}))?$"})
        }
        Ty::Int { min, max } => json!({"type": "integer", "minimum": min, "maximum": max}),
        Ty::Enum(v) => json!({"type": "string", "enum": v}),
    }
}

fn param(p: &Param) -> Value {
    let mut v = json!({
        "name": p.name,
        "in": match p.at { In::Path => "path", In::Query => "query" },
        "required": p.required || p.at == In::Path,
        "description": p.doc,
        "schema": param_schema(p.ty),
    });
    if let Some(ex) = p.example {
        v["example"] = json!(ex);
    }
    v
}

fn error_response(doc: &str, html: bool) -> Value {
    let mut content =
        json!({"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}});
    if html {
        // Pages answer errors with a page; limits (413/414) answer in JSON.
        content["text/html"] = json!({"schema": {"type": "string"}});
    }
    json!({"description": doc, "content": content})
}

fn operation(e: &Endpoint) -> Value {
    let ok = match e.produces {
        Produces::Json => json!({
            "description": "OK",
            "headers": {
                "ETag": {"description": "Release id plus a hash of the query", "schema": {"type": "string"}},
                "Cache-Control": {"description": "immutable for a pinned ?release=, revalidate otherwise", "schema": {"type": "string"}}
            },
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Result"}}}
        }),
        Produces::Html => json!({
            "description": "An HTML page",
            "content": {"text/html": {"schema": {"type": "string"}}}
        }),
    };
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
        responses.insert("413".into(), err("File over the upload limit"));
        responses.insert("422".into(), err("The file is not a readable SIPRI export"));
    }
    responses.insert(
        "400".into(),
        err("Bad parameter (period, category, limit, …)"),
    );
    responses.insert(
        "404".into(),
        err("Unknown country (with suggestions), release or path"),
    );
    responses.insert("414".into(), err("Query string too long"));
    responses.insert(
        "503".into(),
        err("Request timed out, or no release to serve"),
    );
    responses.insert("default".into(), err("Other error"));
    let mut op = json!({
        "operationId": e.id,
        "tags": [e.tag],
        "summary": e.summary,
        "parameters": e.params.iter().map(param).collect::<Vec<_>>(),
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
        "openapi": "3.0.3",
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
                "Error": {
                    "type": "object",
                    "required": ["error", "message"],
                    "properties": {
                        "error": {"type": "string"},
                        "message": {"type": "string"},
                        "suggestions": {"type": "array", "items": {"type": "string"}}
                    }
                },
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

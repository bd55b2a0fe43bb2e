//! The endpoint table itself, and the parameters endpoints share.

use super::{BodyDoc, Endpoint, Produces, Route};
use crate::query::*;
use crate::{api, kit, pages};
use utoipa::IntoParams;
use utoipa::openapi::path::{Parameter, ParameterIn};

/// Path parameters of `P`, then query parameters of `Q`.
fn both<P: IntoParams, Q: IntoParams>() -> Vec<Parameter> {
    let mut v = P::into_params(|| Some(ParameterIn::Path));
    v.extend(params::<Q>());
    v
}
use axum::routing::{get, post};

const fn ep(
    method: &'static str,
    path: &'static str,
    id: &'static str,
    tag: &'static str,
    summary: &'static str,
    params: fn() -> Vec<Parameter>,
    route: fn() -> Route,
) -> Endpoint {
    Endpoint {
        method,
        path,
        id,
        tag,
        summary,
        params,
        body: None,
        produces: Produces::Json,
        route,
    }
}

const fn page(
    path: &'static str,
    id: &'static str,
    summary: &'static str,
    params: fn() -> Vec<Parameter>,
    route: fn() -> Route,
) -> Endpoint {
    Endpoint {
        produces: Produces::Html,
        ..ep("get", path, id, "dashboard", summary, params, route)
    }
}

/// A chart download of the journalist's kit.
const fn file(
    path: &'static str,
    id: &'static str,
    summary: &'static str,
    params: fn() -> Vec<Parameter>,
    route: fn() -> Route,
) -> Endpoint {
    Endpoint {
        produces: Produces::File,
        ..ep("get", path, id, "kit", summary, params, route)
    }
}

/// Every endpoint of the server except static assets.
pub static ENDPOINTS: &[Endpoint] = &[
    ep(
        "get",
        "/api/health",
        "health",
        "meta",
        "Liveness and the release served by default",
        params::<NoQuery>,
        || get(api::meta::health),
    ),
    ep(
        "get",
        "/api/releases",
        "listReleases",
        "releases",
        "Stored releases, newest last, and the default one",
        params::<NoQuery>,
        || get(api::meta::releases),
    ),
    Endpoint {
        body: Some(BodyDoc {
            media: &["application/octet-stream", "text/csv", "text/plain"],
            doc: "A SIPRI export file, raw bytes (register or TIV table). Requires `Authorization: Bearer <admin token>`.",
        }),
        ..ep(
            "post",
            "/api/releases",
            "importRelease",
            "releases",
            "Import a SIPRI file as a release (admin token required)",
            params::<ImportQuery>,
            || post(api::meta::import),
        )
    },
    ep(
        "get",
        "/api/releases/{id}",
        "getRelease",
        "releases",
        "One release's metadata and import report",
        both::<ReleasePath, NoQuery>,
        || get(api::meta::release),
    ),
    ep(
        "get",
        "/api/search",
        "search",
        "meta",
        "Find countries and parties by name, alias or code",
        params::<SearchQuery>,
        || get(api::meta::search),
    ),
    ep(
        "get",
        "/api/imports",
        "imports",
        "queries",
        "Who supplied a country's imports: shares, concentration, change vs the previous window",
        params::<PartnersQuery>,
        || get(api::core::imports),
    ),
    ep(
        "get",
        "/api/exports",
        "exports",
        "queries",
        "Who received a country's exports: shares and ranks",
        params::<PartnersQuery>,
        || get(api::core::exports),
    ),
    ep(
        "get",
        "/api/top",
        "top",
        "queries",
        "Top exporters or importers worldwide",
        params::<TopQuery>,
        || get(api::core::top),
    ),
    ep(
        "get",
        "/api/concentration",
        "concentration",
        "queries",
        "Supplier (or customer) concentration over consecutive five-year windows",
        params::<ConcentrationQuery>,
        || get(api::core::concentration),
    ),
    ep(
        "get",
        "/api/pair",
        "pair",
        "queries",
        "One supplier-recipient pair: TIV by year, both shares, both ranks",
        params::<PairQuery>,
        || get(api::core::pair),
    ),
    ep(
        "get",
        "/api/categories",
        "categories",
        "queries",
        "A country's imports or exports split by armament category",
        params::<CategoriesQuery>,
        || get(api::core::categories),
    ),
    ep(
        "get",
        "/api/deliveries",
        "deliveries",
        "queries",
        "A country's largest deliveries in a window, with SIPRI's estimate flags",
        params::<DeliveriesQuery>,
        || get(api::core::deliveries),
    ),
    ep(
        "get",
        "/api/series",
        "series",
        "queries",
        "Year by year: a country's TIV per supplier (or recipient) per year, any window",
        params::<SeriesQuery>,
        || get(api::explore::series),
    ),
    ep(
        "get",
        "/api/deals",
        "deals",
        "queries",
        "Every deal of the release, filtered and searched (\"Su-30\" finds Su-30MK), paged",
        params::<DealsQuery>,
        || get(api::explore::deals),
    ),
    ep(
        "get",
        "/api/groups",
        "groups",
        "alignments",
        "Alignment groups; with a country, the share of its imports (or exports) from group members per window",
        params::<GroupsQuery>,
        || get(api::analysis::groups),
    ),
    ep(
        "get",
        "/api/switching",
        "switching",
        "alignments",
        "Recipients whose supplier mix moved most between two windows (or away from one supplier)",
        params::<SwitchingQuery>,
        || get(api::analysis::switching),
    ),
    ep(
        "get",
        "/api/event-study",
        "eventStudy",
        "alignments",
        "Supplier mix before vs after a country joined a group",
        params::<EventStudyQuery>,
        || get(api::analysis::event_study),
    ),
    ep(
        "get",
        "/api/pipeline",
        "pipeline",
        "queries",
        "Ordered but undelivered TIV by partner and order year (legacy-register releases)",
        params::<PipelineQuery>,
        || get(api::analysis::pipeline),
    ),
    ep(
        "get",
        "/api/diff",
        "diff",
        "releases",
        "What changed between two releases: deals and revised TIV by supplier, recipient and year",
        params::<DiffQuery>,
        || get(api::analysis::diff),
    ),
    Endpoint {
        body: Some(BodyDoc {
            media: &["application/toml", "application/json"],
            doc: "A scenario in the CLI's TOML format (see examples/scenarios/), or the same as JSON",
        }),
        ..ep(
            "post",
            "/api/scenario",
            "scenario",
            "scenarios",
            "Run a diversification scenario: new shares, HHI and knock-on ranks",
            params::<ReleaseQuery>,
            || post(api::text::scenario),
        )
    },
    Endpoint {
        body: Some(BodyDoc {
            media: &["text/plain", "application/json"],
            doc: "A sentence, an article (English or German) or a structured claim; JSON: {\"text\": \"…\"}",
        }),
        ..ep(
            "post",
            "/api/claims",
            "claims",
            "claims",
            "Find and check every claim in a text",
            params::<ReleaseQuery>,
            || post(api::text::claims),
        )
    },
    ep(
        "get",
        "/api/map",
        "map",
        "queries",
        "Per-country values of the world map (share from a supplier or group, HHI, TIV, change) as JSON, CSV or SVG",
        params::<MapQuery>,
        || get(api::map::map),
    ),
    ep(
        "get",
        "/api/openapi.json",
        "openapi",
        "meta",
        "This document",
        params::<NoQuery>,
        || get(api::meta::openapi),
    ),
    page(
        "/",
        "pageHome",
        "Dashboard home (the world page)",
        params::<WorldPage>,
        || get(pages::world::page),
    ),
    page(
        "/world",
        "pageWorld",
        "Top exporters and importers for a window",
        params::<WorldPage>,
        || get(pages::world::page),
    ),
    page(
        "/country/{key}",
        "pageCountry",
        "A country's suppliers over time, concentration, deliveries, groups, scenario form",
        both::<KeyPath, CountryPage>,
        || get(pages::country::page),
    ),
    page(
        "/supplier/{key}",
        "pageSupplier",
        "A supplier's customers with shares and ranks over windows",
        both::<KeyPath, SupplierPage>,
        || get(pages::supplier::page),
    ),
    page(
        "/pair/{supplier}/{recipient}",
        "pagePair",
        "One supplier and one recipient: both shares and ranks, TIV by year, every deal",
        both::<PairPath, PairPage>,
        || get(pages::pair::page),
    ),
    page(
        "/deals",
        "pageDeals",
        "Every deal of the release: filters, search (\"Su-30\" finds Su-30MK), paging, CSV",
        params::<DealsPage>,
        || get(pages::deals::page),
    ),
    page(
        "/map",
        "pageMap",
        "World map: a per-country metric as a choropleth, with arcs, legend and table",
        params::<MapPage>,
        || get(pages::map::page),
    ),
    page(
        "/claims",
        "pageClaims",
        "The claim checker: paste text, see each claim and its verdict",
        params::<ReleaseQuery>,
        || get(pages::claims::page),
    ),
    Endpoint {
        method: "post",
        body: Some(BodyDoc {
            media: &["application/x-www-form-urlencoded"],
            doc: "Form field `text`: the text to check",
        }),
        ..page(
            "/claims",
            "pageClaimsSubmit",
            "The claim checker's form submission (works without script)",
            params::<ReleaseQuery>,
            || post(pages::claims::submit),
        )
    },
    page(
        "/diff",
        "pageDiff",
        "What changed between two releases (B is the page's release)",
        params::<DiffPage>,
        || get(pages::diff::page),
    ),
    page(
        "/search",
        "pageSearch",
        "Search results (jumps straight to a single match)",
        params::<SearchPage>,
        || get(pages::search::page),
    ),
    file(
        "/export/country/{key}/{file}",
        "exportCountryChart",
        "A chart of a country page as SVG, PNG or CSV (source line and release inside)",
        both::<ExportPath, ExportQuery>,
        || get(kit::export::country),
    ),
    file(
        "/export/supplier/{key}/{file}",
        "exportSupplierChart",
        "A chart of a supplier page as SVG, PNG or CSV (source line and release inside)",
        both::<ExportPath, ExportQuery>,
        || get(kit::export::supplier),
    ),
    file(
        "/export/world/{file}",
        "exportWorldChart",
        "A chart of the world page as SVG, PNG or CSV (source line and release inside)",
        both::<WorldExportPath, ExportQuery>,
        || get(kit::export::world),
    ),
    file(
        "/export/pair/{supplier}/{recipient}/{file}",
        "exportPairChart",
        "A chart of a pair page as SVG, PNG or CSV (source line and release inside)",
        both::<PairExportPath, ExportQuery>,
        || get(kit::export::pair),
    ),
    file(
        "/export/map/{file}",
        "exportMap",
        "The world map as SVG or PNG (title, legend, source line and release inside)",
        both::<MapExportPath, MapExportQuery>,
        || get(kit::map::export),
    ),
    page(
        "/embed/country/{key}/{chart}",
        "embedCountryChart",
        "A country-page chart alone, for an <iframe> on another site (the only framable pages)",
        both::<EmbedPath, EmbedQuery>,
        || get(kit::embed::country),
    ),
    page(
        "/embed/supplier/{key}/{chart}",
        "embedSupplierChart",
        "A supplier-page chart alone, for an <iframe> on another site",
        both::<EmbedPath, EmbedQuery>,
        || get(kit::embed::supplier),
    ),
    page(
        "/embed/world/{chart}",
        "embedWorldChart",
        "A world-page chart alone, for an <iframe> on another site",
        both::<WorldEmbedPath, EmbedQuery>,
        || get(kit::embed::world),
    ),
    page(
        "/embed/pair/{supplier}/{recipient}/{chart}",
        "embedPairChart",
        "A pair-page chart alone, for an <iframe> on another site",
        both::<PairEmbedPath, EmbedQuery>,
        || get(kit::embed::pair),
    ),
    page(
        "/embed/map",
        "embedMap",
        "The world map alone, with its legend and source, for an <iframe> on another site",
        params::<MapEmbedQuery>,
        || get(kit::map::embed),
    ),
];

//! The endpoint table itself, and the parameters endpoints share.

use super::{BodyDoc, Endpoint, In, Param, Produces, Route, Ty};
use crate::{api, pages};
use axum::routing::{get, post};

const fn q(name: &'static str, ty: Ty, doc: &'static str, example: Option<&'static str>) -> Param {
    Param {
        name,
        at: In::Query,
        required: false,
        ty,
        doc,
        example,
    }
}

const fn req(p: Param) -> Param {
    Param {
        required: true,
        ..p
    }
}

pub const RELEASE: Param = q(
    "release",
    Ty::Str,
    "Release id (see /api/releases); default: the latest stored release, or the SYNTHETIC demo",
    None,
);
pub const PERIOD: Param = q(
    "period",
    Ty::Period,
    "Inclusive window of delivery (or order) years: 2020-2024, 2020-24 or 2021; default: the latest five-year window",
    Some("2020-2024"),
);
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
pub const CATEGORY: Param = q(
    "category",
    Ty::Enum(CATEGORIES),
    "Armament category (SIPRI names also accepted); default: all",
    None,
);
pub const BASIS: Param = q(
    "basis",
    Ty::Enum(&["delivery", "order"]),
    "Place flows by delivery year (default, as SIPRI) or by the deal's order year",
    None,
);
const DIFF_COUNTRY: Param = q(
    "country",
    Ty::Str,
    "Only values and deals involving this country",
    None,
);
const DIFF_PERIOD: Param = q("period", Ty::Period, "Only these years", None);
const DIFF_THRESHOLD: Param = q(
    "threshold",
    Ty::Int {
        min: 0,
        max: 1_000_000,
    },
    "Smallest absolute change in TIV reported (default 1)",
    None,
);
pub const COUNTRY: Param = req(q(
    "country",
    Ty::Str,
    "Country or party: ISO3, SIPRI name or alias, case-insensitive",
    Some("KAZ"),
));
pub const DIRECTION: Param = q(
    "direction",
    Ty::Enum(&["imports", "exports"]),
    "imports: the country's suppliers (default); exports: its customers",
    None,
);
pub const PATH_KEY: Param = Param {
    name: "key",
    at: In::Path,
    required: true,
    ty: Ty::Str,
    doc: "Country key (ISO3), SIPRI name or alias",
    example: Some("KAZ"),
};

const fn ep(
    method: &'static str,
    path: &'static str,
    id: &'static str,
    tag: &'static str,
    summary: &'static str,
    params: &'static [Param],
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
    params: &'static [Param],
    route: fn() -> Route,
) -> Endpoint {
    Endpoint {
        produces: Produces::Html,
        ..ep("get", path, id, "dashboard", summary, params, route)
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
        &[],
        || get(api::meta::health),
    ),
    ep(
        "get",
        "/api/releases",
        "listReleases",
        "releases",
        "Stored releases, newest last, and the default one",
        &[],
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
            &[q(
                "file_name",
                Ty::Str,
                "Original file name, recorded in the release",
                Some("trade_register.csv"),
            )],
            || post(api::meta::import),
        )
    },
    ep(
        "get",
        "/api/releases/{id}",
        "getRelease",
        "releases",
        "One release's metadata and import report",
        &[Param {
            name: "id",
            at: In::Path,
            required: true,
            ty: Ty::Str,
            doc: "Release id",
            example: None,
        }],
        || get(api::meta::release),
    ),
    ep(
        "get",
        "/api/search",
        "search",
        "meta",
        "Find countries and parties by name, alias or code",
        &[
            req(q("q", Ty::Str, "Search text", Some("kasach"))),
            q(
                "limit",
                Ty::Int { min: 1, max: 50 },
                "Most hits to return (default 10)",
                None,
            ),
            RELEASE,
        ],
        || get(api::meta::search),
    ),
    ep(
        "get",
        "/api/imports",
        "imports",
        "queries",
        "Who supplied a country's imports: shares, concentration, change vs the previous window",
        &[COUNTRY, PERIOD, CATEGORY, BASIS, RELEASE],
        || get(api::core::imports),
    ),
    ep(
        "get",
        "/api/exports",
        "exports",
        "queries",
        "Who received a country's exports: shares and ranks",
        &[COUNTRY, PERIOD, CATEGORY, BASIS, RELEASE],
        || get(api::core::exports),
    ),
    ep(
        "get",
        "/api/top",
        "top",
        "queries",
        "Top exporters or importers worldwide",
        &[
            q(
                "direction",
                Ty::Enum(&["exporters", "importers"]),
                "Which side to rank (default exporters)",
                None,
            ),
            PERIOD,
            CATEGORY,
            BASIS,
            q(
                "limit",
                Ty::Int { min: 1, max: 500 },
                "Rows to return (default 25)",
                None,
            ),
            RELEASE,
        ],
        || get(api::core::top),
    ),
    ep(
        "get",
        "/api/concentration",
        "concentration",
        "queries",
        "Supplier (or customer) concentration over consecutive five-year windows",
        &[COUNTRY, DIRECTION, CATEGORY, RELEASE],
        || get(api::core::concentration),
    ),
    ep(
        "get",
        "/api/pair",
        "pair",
        "queries",
        "One supplier-recipient pair: TIV by year, both shares, both ranks",
        &[
            req(q(
                "supplier",
                Ty::Str,
                "Supplier country or party",
                Some("RUS"),
            )),
            req(q(
                "recipient",
                Ty::Str,
                "Recipient country or party",
                Some("KAZ"),
            )),
            PERIOD,
            CATEGORY,
            BASIS,
            RELEASE,
        ],
        || get(api::core::pair),
    ),
    ep(
        "get",
        "/api/categories",
        "categories",
        "queries",
        "A country's imports or exports split by armament category",
        &[COUNTRY, DIRECTION, PERIOD, BASIS, RELEASE],
        || get(api::core::categories),
    ),
    ep(
        "get",
        "/api/deliveries",
        "deliveries",
        "queries",
        "A country's largest deliveries in a window, with SIPRI's estimate flags",
        &[
            COUNTRY,
            DIRECTION,
            PERIOD,
            CATEGORY,
            q(
                "limit",
                Ty::Int { min: 1, max: 500 },
                "Rows to return (default 20)",
                None,
            ),
            RELEASE,
        ],
        || get(api::core::deliveries),
    ),
    ep(
        "get",
        "/api/groups",
        "groups",
        "alignments",
        "Alignment groups; with a country, the share of its imports (or exports) from group members per window",
        &[
            q(
                "country",
                Ty::Str,
                "Country; omit to list the groups and their members",
                Some("KAZ"),
            ),
            q(
                "group",
                Ty::Str,
                "Group name (CSTO, NATO, …) or ad-hoc Name=A,B,C; repeatable; default: every group",
                Some("CSTO"),
            ),
            DIRECTION,
            PERIOD,
            CATEGORY,
            BASIS,
            RELEASE,
        ],
        || get(api::analysis::groups),
    ),
    ep(
        "get",
        "/api/switching",
        "switching",
        "alignments",
        "Countries whose supplier mix moved most between two windows (or away from one supplier)",
        &[
            q(
                "from",
                Ty::Period,
                "Earlier window (default: the second-to-last five-year window)",
                Some("2015-2019"),
            ),
            q(
                "to",
                Ty::Period,
                "Later window (default: the last five-year window)",
                Some("2020-2024"),
            ),
            q(
                "away_from",
                Ty::Str,
                "Rank by the drop in this supplier's share",
                Some("RUS"),
            ),
            q("country", Ty::Str, "Only this recipient", None),
            q(
                "min_tiv",
                Ty::Int {
                    min: 0,
                    max: 1_000_000,
                },
                "Recipients below this TIV in either window are not ranked",
                None,
            ),
            CATEGORY,
            BASIS,
            q(
                "limit",
                Ty::Int { min: 1, max: 500 },
                "Rows to return (default 25)",
                None,
            ),
            RELEASE,
        ],
        || get(api::analysis::switching),
    ),
    ep(
        "get",
        "/api/event-study",
        "eventStudy",
        "alignments",
        "Supplier mix before vs after a country joined a group",
        &[
            req(q(
                "group",
                Ty::Str,
                "Group name or ad-hoc Name=A,B,C",
                Some("Abraham Accords"),
            )),
            q(
                "member",
                Ty::Str,
                "Only this member's accession",
                Some("ARE"),
            ),
            q(
                "partner",
                Ty::Str,
                "Also report this supplier's share",
                Some("ISR"),
            ),
            q(
                "years",
                Ty::Int { min: 1, max: 30 },
                "Years on each side (default 5)",
                None,
            ),
            CATEGORY,
            BASIS,
            RELEASE,
        ],
        || get(api::analysis::event_study),
    ),
    ep(
        "get",
        "/api/pipeline",
        "pipeline",
        "queries",
        "Ordered but undelivered TIV by partner and order year (legacy-register releases)",
        &[COUNTRY, DIRECTION, RELEASE],
        || get(api::analysis::pipeline),
    ),
    ep(
        "get",
        "/api/diff",
        "diff",
        "releases",
        "What changed between two releases: deals and revised TIV by supplier, recipient and year",
        &[
            q(
                "a",
                Ty::Str,
                "Older release id (default: the one before b)",
                None,
            ),
            q("b", Ty::Str, "Newer release id (default: the latest)", None),
            DIFF_COUNTRY,
            DIFF_PERIOD,
            DIFF_THRESHOLD,
            q(
                "min_change",
                Ty::Int { min: 0, max: 100 },
                "Smallest relative change in % (default 0)",
                None,
            ),
            q(
                "limit",
                Ty::Int {
                    min: 1,
                    max: 100_000,
                },
                "Revisions to return (default 200)",
                None,
            ),
        ],
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
            &[RELEASE],
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
            &[RELEASE],
            || post(api::text::claims),
        )
    },
    ep(
        "get",
        "/api/openapi.json",
        "openapi",
        "meta",
        "This document",
        &[],
        || get(api::meta::openapi),
    ),
    page(
        "/",
        "pageHome",
        "Dashboard home (the world page)",
        &[PERIOD, CATEGORY, RELEASE],
        || get(pages::world::page),
    ),
    page(
        "/world",
        "pageWorld",
        "Top exporters and importers for a window",
        &[PERIOD, CATEGORY, RELEASE],
        || get(pages::world::page),
    ),
    page(
        "/country/{key}",
        "pageCountry",
        "A country's suppliers over time, concentration, deliveries, groups, scenario form",
        &[PATH_KEY, PERIOD, RELEASE],
        || get(pages::country::page),
    ),
    page(
        "/supplier/{key}",
        "pageSupplier",
        "A supplier's customers with shares and ranks over windows",
        &[PATH_KEY, PERIOD, RELEASE],
        || get(pages::supplier::page),
    ),
    page(
        "/claims",
        "pageClaims",
        "The claim checker: paste text, see each claim and its verdict",
        &[RELEASE],
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
            &[RELEASE],
            || post(pages::claims::submit),
        )
    },
    page(
        "/diff",
        "pageDiff",
        "What changed between two releases (B is the page's release)",
        &[
            q(
                "a",
                Ty::Str,
                "Older release id (default: the one before the page's release)",
                None,
            ),
            DIFF_COUNTRY,
            DIFF_PERIOD,
            DIFF_THRESHOLD,
            RELEASE,
        ],
        || get(pages::diff::page),
    ),
    page(
        "/search",
        "pageSearch",
        "Search results (jumps straight to a single match)",
        &[q("q", Ty::Str, "Search text", Some("Kazakhstan")), RELEASE],
        || get(pages::search::page),
    ),
];

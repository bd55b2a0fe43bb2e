//! Query parameters: parsed leniently (never a parse failure on odd bytes),
//! validated strictly (a bad period or category is a 400 naming the problem,
//! an unknown country a 404 with suggestions).

use crate::error::{ApiError, ApiResult};
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use engine::{Basis, Direction, Filter};
use model::{Category, EntityId, EntityKind, Release, Window};
use sipri::names::{Resolver, loose};
use std::convert::Infallible;

/// Longest country (or other) query we look up; longer ones are a 400.
const MAX_VALUE: usize = 200;

/// The decoded query string, in order.
#[derive(Debug, Clone, Default)]
pub struct Params {
    pairs: Vec<(String, String)>,
    /// The negotiated language ([`crate::i18n`]); not a query pair, so it
    /// never changes what a handler computes, only how it is written.
    lang: model::Lang,
    /// Why a page must not answer these parameters
    /// ([`crate::strict::check_page_query`]), shown as its error page: the
    /// extractor cannot render one in the page's language and layout.
    refused: Option<Box<ApiError>>,
}

impl<S: Send + Sync> FromRequestParts<S> for Params {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(Params::parse(parts.uri.query().unwrap_or("")).with_lang(lang_of(parts)))
    }
}

/// The language [`crate::i18n::negotiate`] chose for this request.
pub fn lang_of(parts: &Parts) -> model::Lang {
    parts
        .extensions
        .get::<model::Lang>()
        .copied()
        .unwrap_or_default()
}

impl Params {
    pub fn with_lang(mut self, lang: model::Lang) -> Params {
        self.lang = lang;
        self
    }

    pub fn lang(&self) -> model::Lang {
        self.lang
    }

    pub fn with_refusal(mut self, refused: Option<ApiError>) -> Params {
        self.refused = refused.map(Box::new);
        self
    }

    /// `Err` when the request named a parameter the page does not read.
    pub fn refused(&self) -> ApiResult<()> {
        match &self.refused {
            Some(e) => Err((**e).clone()),
            None => Ok(()),
        }
    }

    pub fn parse(query: &str) -> Params {
        Params {
            lang: model::Lang::default(),
            refused: None,
            pairs: form_urlencoded::parse(query.as_bytes())
                .map(|(k, v)| (k.into_owned(), v.into_owned()))
                .collect(),
        }
    }

    /// Only the parameters named in `names` (see [`crate::query::Q`]).
    pub fn only<'a>(self, names: impl Iterator<Item = &'a str>) -> Params {
        let keep: Vec<&str> = names.collect();
        Params {
            lang: self.lang,
            refused: self.refused,
            pairs: self
                .pairs
                .into_iter()
                .filter(|(k, _)| keep.contains(&k.as_str()))
                .collect(),
        }
    }

    /// Every pair given, in order, repeats included.
    pub fn pairs(&self) -> impl Iterator<Item = (&str, &str)> {
        self.pairs.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }

    /// Every parameter name given, in order, repeats included.
    pub fn names(&self) -> Vec<&str> {
        self.pairs.iter().map(|(k, _)| k.as_str()).collect()
    }

    /// The first non-blank value of `name`, trimmed.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.pairs
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.trim())
            .find(|v| !v.is_empty())
    }

    /// Every non-blank value of `name`, trimmed, in order.
    pub fn get_all(&self, name: &str) -> Vec<&str> {
        self.pairs
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.trim())
            .filter(|v| !v.is_empty())
            .collect()
    }

    /// A number parameter within `min..=max`.
    pub fn number(&self, name: &str, default: f64, min: f64, max: f64) -> ApiResult<f64> {
        match self.get(name) {
            None => Ok(default),
            Some(s) => match s.parse::<f64>() {
                Ok(v) if v.is_finite() && (min..=max).contains(&v) => Ok(v),
                _ => Err(ApiError::bad_request(format!(
                    "'{name}' must be a number from {min} to {max}, not '{s}'"
                ))),
            },
        }
    }

    /// An optional party parameter, resolved in `rel`.
    pub fn entity_opt(&self, rel: &Release, name: &str) -> ApiResult<Option<EntityId>> {
        match self.get(name) {
            None => Ok(None),
            Some(_) => self.entity(rel, name).map(Some),
        }
    }

    /// A required parameter.
    pub fn require(&self, name: &str) -> ApiResult<&str> {
        let v = self
            .get(name)
            .ok_or_else(|| ApiError::bad_request(format!("missing parameter '{name}'")))?;
        if v.len() > MAX_VALUE {
            return Err(ApiError::bad_request(format!(
                "parameter '{name}' is over {MAX_VALUE} bytes"
            )));
        }
        Ok(v)
    }

    pub fn release(&self) -> Option<&str> {
        self.get("release")
    }

    /// `name` as a window; the release's latest five-year window when absent.
    pub fn window(&self, rel: &Release, name: &str) -> ApiResult<Window> {
        match self.get(name) {
            Some(s) => parse_window(s, name),
            None => engine::default_window(rel).ok_or_else(|| {
                ApiError::bad_request(format!(
                    "release {} has no deliveries, so '{name}' has no default",
                    rel.meta.id
                ))
            }),
        }
    }

    /// `name` as a window, required.
    pub fn window_required(&self, name: &str) -> ApiResult<Window> {
        parse_window(self.require(name)?, name)
    }

    pub fn category(&self) -> ApiResult<Option<Category>> {
        match self.get("category") {
            None => Ok(None),
            Some(s) if s.eq_ignore_ascii_case("all") => Ok(None),
            Some(s) => Category::parse_filter(s).map(Some).map_err(|_| {
                let names: Vec<String> = Category::ALL
                    .iter()
                    .map(|c| c.sipri_name().to_string())
                    .collect();
                ApiError::bad_request(format!(
                    "'{s}' is not an armament category; use one of: {}",
                    names.join(", ")
                ))
                .with_suggestions(names)
            }),
        }
    }

    pub fn basis(&self) -> ApiResult<Basis> {
        match self.get("basis") {
            None => Ok(Basis::Delivery),
            Some(s) => Basis::parse(s).ok_or_else(|| {
                ApiError::bad_request(format!("'{s}' is not a basis; use 'delivery' or 'order'"))
            }),
        }
    }

    /// `category`, refused (422) when `rel` has no armament categories: a
    /// category filter there selects nothing, which is not "nothing
    /// delivered" (regression: `category=aircraft` on the legacy register).
    pub fn category_in(&self, rel: &Release) -> ApiResult<Option<model::Category>> {
        let category = self.category()?;
        if category.is_some() {
            ApiError::needs_categories(rel)?;
        }
        Ok(category)
    }

    /// `basis`, refused (422) as `order` where `rel` records no orders (a
    /// TIV table): there it selected nothing, which read as "imported
    /// nothing by order year" (hostile-files probe 2).
    pub fn basis_in(&self, rel: &Release) -> ApiResult<Basis> {
        let basis = self.basis()?;
        if basis == Basis::Order {
            ApiError::needs_orders(rel)?;
        }
        Ok(basis)
    }

    /// `period` + `category` + `basis`.
    pub fn filter(&self, rel: &Release) -> ApiResult<Filter> {
        let category = self.category_in(rel)?;
        Ok(Filter::new(self.window(rel, "period")?)
            .with_category(category)
            .with_basis(self.basis_in(rel)?))
    }

    /// `direction`: imports (default) or exports; also `importers`/`exporters`.
    pub fn direction(&self, default: Direction) -> ApiResult<Direction> {
        match self.get("direction") {
            None => Ok(default),
            Some(s) => parse_direction(s).ok_or_else(|| {
                ApiError::bad_request(format!(
                    "'{s}' is not a direction; use 'imports' or 'exports'"
                ))
            }),
        }
    }

    /// A positive integer `name` up to `max`.
    pub fn limit(&self, name: &str, default: usize, max: usize) -> ApiResult<usize> {
        match self.get(name) {
            None => Ok(default),
            Some(s) => match s.parse::<usize>() {
                Ok(n) if (1..=max).contains(&n) => Ok(n),
                _ => Err(ApiError::bad_request(format!(
                    "'{name}' must be a whole number from 1 to {max}, not '{s}'"
                ))),
            },
        }
    }

    /// A required country (or other party) parameter, resolved in `rel`.
    pub fn entity(&self, rel: &Release, name: &str) -> ApiResult<EntityId> {
        resolve_entity(rel, self.require(name)?)
    }
}

pub fn parse_window(s: &str, name: &str) -> ApiResult<Window> {
    Window::parse(s).map_err(|e| ApiError::bad_request(format!("'{name}': {e}")))
}

pub fn parse_direction(s: &str) -> Option<Direction> {
    match s.trim().to_ascii_lowercase().as_str() {
        "importers" | "importer" => Some(Direction::Imports),
        "exporters" | "exporter" => Some(Direction::Exports),
        other => Direction::parse(other),
    }
}

/// A party as users write it — ISO3, key, SIPRI name or any alias — to its id
/// in `rel`, with the precedence the CLI uses too
/// ([`sipri::country::resolve_country`]). Unknown: 404 with suggestions.
pub fn resolve_entity(rel: &Release, q: &str) -> ApiResult<EntityId> {
    use sipri::country::{CountryError, resolve_country};
    let unknown = |e: &CountryError| matches!(e, CountryError::Unknown { .. });
    resolve_country(rel, q)
        .or_else(|e| match unknown(&e) {
            // A name the dashboard writes in another language resolves too.
            true => local_name(rel, q).ok_or(e),
            false => Err(e),
        })
        .map_err(|e| match e {
            CountryError::Empty | CountryError::TooLong => ApiError::bad_request(e.to_string()),
            CountryError::NotInRelease { .. } | CountryError::Region { .. } => {
                ApiError::not_found(e.to_string())
            }
            // An alignment is no party of SIPRI's data (API probe 14: a bare
            // "unknown country" with NATO** among the suggestions).
            CountryError::Unknown { .. }
                if engine::groups::GroupSet::builtin().get(q.trim()).is_some() =>
            {
                ApiError::bad_request(format!(
                    "'{}' is an alignment, not a country or organisation in SIPRI's data: for \
                     its members' trade use /api/groups?group=... or /api/event-study?group=...",
                    q.trim()
                ))
            }
            CountryError::Unknown {
                ref suggestions, ..
            } => ApiError::not_found(e.to_string()).with_suggestions(suggestions.clone()),
        })
}

/// The party whose name in some interface language is `q` (loosely).
fn local_name(rel: &Release, q: &str) -> Option<EntityId> {
    let lq = loose(q);
    rel.entities.iter().find_map(|(id, e)| {
        model::Lang::ALL
            .iter()
            .filter_map(|&l| model::locale::name_of_key(&e.key, l))
            .any(|n| loose(n) == lq)
            .then_some(id)
    })
}

/// One search hit.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Hit {
    pub key: String,
    pub name: String,
    pub kind: &'static str,
    pub iso3: Option<String>,
    /// The spelling that matched, when it is an alias rather than the name.
    pub matched: Option<String>,
}

/// Parties of `rel` whose name, key or any alias contains `q` (prefix matches
/// first), for the search box. Aliases come from the resolver's table, so
/// "Kasachstan", "Turkey" or "UAE" find their country.
pub fn search(rel: &Release, q: &str, limit: usize) -> Vec<Hit> {
    let lq = loose(q);
    if lq.is_empty() {
        return Vec::new();
    }
    let resolver = Resolver::builtin();
    let mut scored: Vec<(u8, String, Hit)> = Vec::new();
    for (_, e) in rel.entities.iter() {
        // Neither a table's "all" side nor SIPRI's unknown pool has a page
        // (regression: searching "unknown" linked to a page that is refused).
        if matches!(e.kind, EntityKind::Aggregate | EntityKind::Unknown) {
            continue;
        }
        let score_of = |spelling: &str| -> Option<u8> {
            let l = loose(spelling);
            if l == lq {
                Some(0)
            } else if l.starts_with(&lq) {
                Some(1)
            } else if l.contains(&lq) {
                Some(2)
            } else {
                None
            }
        };
        let mut best: Option<(u8, Option<String>)> = score_of(&e.name).map(|s| (s * 2, None));
        if e.key.eq_ignore_ascii_case(q.trim()) {
            best = Some((0, None));
        }
        // The resolver's aliases, then the names the dashboard writes in
        // other languages ("Vereinigte Arabische Emirate"), so every name a
        // page shows can be searched for.
        let local = model::Lang::ALL
            .iter()
            .filter_map(|&l| model::locale::name_of_key(&e.key, l));
        for a in resolver.aliases(&e.key).into_iter().skip(1).chain(local) {
            if let Some(sc) = score_of(a).map(|s| s * 2 + 1)
                && best.as_ref().is_none_or(|(b, _)| sc < *b)
            {
                best = Some((sc, Some(a.to_string())));
            }
        }
        if let Some((score, matched)) = best {
            scored.push((
                score,
                e.name.clone(),
                Hit {
                    key: e.key.clone(),
                    name: e.name.clone(),
                    kind: e.kind.as_str(),
                    iso3: e.iso3.clone(),
                    matched,
                },
            ));
        }
    }
    scored.sort_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
    scored.into_iter().take(limit).map(|(_, _, h)| h).collect()
}

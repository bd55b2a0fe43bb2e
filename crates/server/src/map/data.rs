//! The question a map URL asks (`metric`, `supplier`, `group`, `direction`,
//! `period`, `from`, `category`), validated once for the page and the API,
//! and its answer: one row per party with a value, its class in the legend
//! and where (or why not) it is drawn.

use super::geo::{self, World};
use super::metric::{self, Cell, Kind};
use crate::error::{ApiError, ApiResult};
use crate::i18n::{Lang, t, tf};
use crate::params::{Params, parse_window, resolve_entity};
use engine::{Direction, Filter};
use model::{EntityId, EntityKind, Release, Window};
use std::collections::BTreeMap;

/// Metric names as URLs spell them.
pub const METRICS: &[&str] = &["share", "group", "hhi", "tiv"];

/// The validated question.
#[derive(Debug, Clone)]
pub struct Spec {
    pub kind: Kind,
    pub dir: Direction,
    pub filter: Filter,
    /// `from`: map the change from this window to `filter.window`.
    pub from: Option<Window>,
    /// The supplier's or group's display name.
    pub subject: Option<String>,
    /// The supplier's key (arcs start there).
    pub subject_key: Option<String>,
    /// No supplier was asked for: the window's largest exporter is shown.
    pub defaulted: bool,
    /// `arcs=1`: draw the supplier's deliveries as arcs.
    pub arcs: bool,
    /// The language labels, names and numbers are written in.
    pub lang: Lang,
    /// The release holds no year of the window (of `from`): an empty cell
    /// there is no data, not "no deliveries".
    pub no_data_now: bool,
    pub no_data_before: bool,
}

impl Spec {
    /// Reads and validates `p` against `rel`: 400 for a bad metric, window or
    /// direction, 404 with suggestions for an unknown supplier or group.
    /// `strict` (the API): a supplier or group that does not apply to the
    /// metric asked for is a 400; the page's form leaves the other field
    /// filled in, so there it is ignored (the title says what is shown).
    pub fn parse(rel: &Release, p: &Params, strict: bool) -> ApiResult<Spec> {
        // Every map (page, API, embed, file) compares all countries: a
        // register downloaded for some countries holds none of them whole
        // (regression: the embed and the SVG drew Ukraine alone).
        crate::error::ApiError::needs_whole(rel, "the map")?;
        let filter = Filter::new(p.window(rel, "period")?).with_category(p.category_in(rel)?);
        let dir = p.direction(Direction::Imports)?;
        let from = match p.get("from") {
            Some(s) => Some(parse_window(s, "from")?),
            None => None,
        };
        let metric = match p.get("metric") {
            Some(m) => {
                let m = m.to_ascii_lowercase();
                METRICS.iter().find(|x| **x == m).copied().ok_or_else(|| {
                    ApiError::bad_request(format!(
                        "unknown metric '{m}': use one of {}",
                        METRICS.join(", ")
                    ))
                    .with_suggestions(METRICS.iter().map(|s| s.to_string()).collect())
                })?
            }
            None if p.get("group").is_some() => "group",
            None if p.get("supplier").is_some() => "share",
            None => "share",
        };
        let explicit = p.get("metric").is_some();
        if p.get("supplier").is_some() && p.get("group").is_some() && !explicit {
            return Err(ApiError::bad_request(
                "both 'supplier' and 'group' given: pass metric=share or metric=group",
            ));
        }
        for (param, only) in [("supplier", "share"), ("group", "group")] {
            if strict && p.get(param).is_some() && metric != only {
                return Err(ApiError::bad_request(format!(
                    "'{param}' applies to metric={only}, not metric={metric}"
                )));
            }
        }
        let arcs = matches!(p.get("arcs"), Some("1" | "true" | "on" | "yes"));
        let mut spec = Spec {
            kind: Kind::Tiv,
            dir,
            filter,
            from,
            subject: None,
            subject_key: None,
            defaulted: false,
            arcs,
            lang: p.lang(),
            no_data_now: filter.no_data(rel),
            no_data_before: from.is_some_and(|w| filter.at(w).no_data(rel)),
        };
        match metric {
            "share" => {
                let id = match p.get("supplier") {
                    Some(s) => resolve_entity(rel, s)?,
                    None => {
                        let top = engine::ranking(rel, Direction::Exports, &filter);
                        let id = top.rows.first().map(|r| r.entity).ok_or_else(|| {
                            let why = match rel.coverage(filter.window).note() {
                                Some(n) if filter.no_data(rel) => {
                                    format!("no data for {} ({n})", filter.window)
                                }
                                _ => format!("no deliveries in {}", filter.window),
                            };
                            ApiError::bad_request(format!(
                                "{why}: pass 'supplier' and a window with data"
                            ))
                        })?;
                        spec.defaulted = true;
                        id
                    }
                };
                let e = rel.entities.get(id);
                spec.subject = Some(model::locale::entity_name(e, spec.lang).to_string());
                spec.subject_key = Some(e.key.clone());
                spec.kind = Kind::Share(id);
            }
            "group" => {
                let name = p.get("group").ok_or_else(|| {
                    ApiError::bad_request("metric=group needs 'group' (e.g. NATO, CSTO)")
                })?;
                let g = crate::api::analysis::pick_group(name)?;
                spec.subject = Some(g.name.clone());
                spec.kind = Kind::Group(g.index(rel));
            }
            "hhi" => spec.kind = Kind::Hhi,
            _ => spec.kind = Kind::Tiv,
        }
        Ok(spec)
    }

    pub fn change(&self) -> bool {
        self.from.is_some()
    }

    /// What the map shows, in one line: "Share of each country's arms imports
    /// supplied by Russia, 2020-2024".
    pub fn title(&self) -> String {
        let l = self.lang;
        let what = self.what();
        let window = self.filter.window;
        match self.from {
            Some(from) => tf(
                l,
                "map.title.change",
                &[("what", &what), ("from", &from), ("window", &window)],
            ),
            None => tf(
                l,
                "map.title.window",
                &[("what", &what), ("window", &window)],
            ),
        }
    }

    /// What is mapped, without the window.
    pub fn what(&self) -> String {
        let who = self.subject.as_deref().unwrap_or("");
        let key = match (&self.kind, self.dir) {
            (Kind::Share(_), Direction::Imports) => "map.title.share_imports",
            (Kind::Share(_), Direction::Exports) => "map.title.share_exports",
            (Kind::Group(_), Direction::Imports) => "map.title.group_imports",
            (Kind::Group(_), Direction::Exports) => "map.title.group_exports",
            (Kind::Hhi, Direction::Imports) => "map.title.hhi_imports",
            (Kind::Hhi, Direction::Exports) => "map.title.hhi_exports",
            (Kind::Tiv, Direction::Imports) => "map.title.tiv_imports",
            (Kind::Tiv, Direction::Exports) => "map.title.tiv_exports",
        };
        tf(self.lang, key, &[("who", &who)])
    }

    /// The legend's classes for this metric.
    pub fn scale(&self) -> Scale {
        let (breaks, unit): ([f64; 4], Unit) = match (&self.kind, self.change()) {
            (Kind::Share(_) | Kind::Group(_), false) => ([0.10, 0.25, 0.50, 0.75], Unit::Share),
            (Kind::Share(_) | Kind::Group(_), true) => ([-0.20, -0.05, 0.05, 0.20], Unit::Points),
            (Kind::Hhi, false) => ([1500.0, 2500.0, 5000.0, 7500.0], Unit::Hhi),
            (Kind::Hhi, true) => ([-2000.0, -500.0, 500.0, 2000.0], Unit::HhiChange),
            (Kind::Tiv, false) => ([50.0, 250.0, 1000.0, 5000.0], Unit::Tiv),
            (Kind::Tiv, true) => ([-0.50, -0.10, 0.10, 0.50], Unit::Relative),
        };
        Scale {
            breaks,
            unit,
            diverging: self.change(),
            lang: self.lang,
        }
    }
}

/// How a value reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// A fraction shown as a percentage.
    Share,
    /// A difference of fractions, in percentage points.
    Points,
    /// HHI on the 0..10,000 scale.
    Hhi,
    /// A difference of HHI, signed.
    HhiChange,
    /// TIV, millions.
    Tiv,
    /// A relative change shown as a signed percentage.
    Relative,
}

impl Unit {
    /// The unit's name in the API.
    pub fn slug(self) -> &'static str {
        match self {
            Unit::Share => "share",
            Unit::Points => "share_points",
            Unit::Hhi => "hhi",
            Unit::HhiChange => "hhi_change",
            Unit::Tiv => "tiv",
            Unit::Relative => "relative_change",
        }
    }

    /// Presentation only: the value rounded for reading, in `lang`'s style
    /// ("88.4 %" / "88,4 %").
    pub fn show(self, v: f64, lang: Lang) -> String {
        use crate::numfmt::{decimal, percent, points};
        let sign = if v > 0.0 { "+" } else { "" };
        match self {
            Unit::Share => percent(v, 1, lang),
            Unit::Points => points(v, 1, lang),
            Unit::Hhi => decimal(v, 0, lang),
            Unit::HhiChange => format!("{sign}{}", decimal(v, 0, lang)),
            Unit::Tiv if v.abs() < 10.0 => decimal(v, 1, lang),
            Unit::Tiv => decimal(v, 0, lang),
            Unit::Relative => format!("{sign}{}", percent(v, 0, lang)),
        }
    }

    /// A class boundary: whole numbers.
    fn bound(self, v: f64, lang: Lang) -> String {
        use crate::numfmt::{decimal, percent, points};
        match self {
            Unit::Share => percent(v, 0, lang),
            Unit::Points => points(v, 0, lang),
            Unit::Relative => format!("{}{}", if v > 0.0 { "+" } else { "" }, percent(v, 0, lang)),
            Unit::HhiChange => format!("{}{}", if v > 0.0 { "+" } else { "" }, decimal(v, 0, lang)),
            Unit::Hhi | Unit::Tiv => decimal(v, 0, lang),
        }
    }
}

/// Five classes between four breaks; a value on a break goes up.
#[derive(Debug, Clone, PartialEq)]
pub struct Scale {
    pub breaks: [f64; 4],
    pub unit: Unit,
    /// Change maps: classes run from a fall to a rise around "about the same".
    pub diverging: bool,
    pub lang: Lang,
}

impl Scale {
    pub fn class(&self, v: f64) -> usize {
        self.breaks.iter().filter(|b| v >= **b).count()
    }

    /// The five classes' labels, lowest first.
    pub fn labels(&self) -> Vec<String> {
        let l = self.lang;
        let b: Vec<String> = self.breaks.iter().map(|x| self.unit.bound(*x, l)).collect();
        let between = |i: usize| tf(l, "map.class.between", &[("a", &b[i]), ("b", &b[i + 1])]);
        vec![
            tf(l, "map.class.below", &[("b", &b[0])]),
            between(0),
            between(1),
            between(2),
            tf(l, "map.class.above", &[("b", &b[3])]),
        ]
    }
}

/// Where a party is on the map.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// Its own polygons.
    Shape,
    /// A dot: too small for 1:110m.
    Point,
    /// A former state: the outline of its successors.
    Outline,
    /// A former state or region inside a current country's polygon.
    Inside(String),
    /// Not a place: non-state groups, organisations, unknown parties, or a
    /// state the geometry lacks.
    Nowhere,
}

/// Former states (and secessionist regions SIPRI lists) lying inside one
/// current 1:110m polygon, which therefore cannot be drawn on their own.
pub const INSIDE: &[(&str, &str)] = &[
    ("DDDE", "DEU"),
    ("YEYE", "YEM"),
    ("YDYE", "YEM"),
    ("former:yemen-arab-republic", "YEM"),
    ("former:south-vietnam", "VNM"),
    ("former:biafra", "NGA"),
    ("former:katanga", "COD"),
];

pub fn place(w: &World, key: &str) -> Place {
    if w.feature(key).is_some() {
        Place::Shape
    } else if w.point(key).is_some() {
        Place::Point
    } else if w.former(key).is_some() {
        Place::Outline
    } else if let Some((_, parent)) = INSIDE.iter().find(|(k, _)| *k == key) {
        Place::Inside(parent.to_string())
    } else {
        Place::Nowhere
    }
}

/// One party with a value in the window (or in the compared one).
#[derive(Debug, Clone)]
pub struct Row {
    pub id: EntityId,
    pub key: String,
    pub name: String,
    pub kind: EntityKind,
    /// What is mapped: the metric, or its change since `from`.
    pub value: Option<f64>,
    pub now: Option<Cell>,
    pub before: Option<Cell>,
    /// Index into the legend; `None` without a value.
    pub class: Option<usize>,
    pub place: Place,
}

impl Row {
    /// Why there is no value, for labels and the table.
    pub fn why_none(&self, spec: &Spec) -> &'static str {
        let key = match (self.now, self.before) {
            (Some(c), _) if c.value.is_none() => "map.why.aggregate",
            (Some(_), None) if spec.change() && spec.no_data_before => "map.why.no_data_earlier",
            (Some(_), None) if spec.change() => "map.why.no_earlier",
            (None, _) if spec.no_data_now => "map.why.no_data",
            (None, _) => "map.why.none",
            _ => "map.why.aggregate",
        };
        t(spec.lang, key)
    }
}

/// The answer: rows sorted by value (highest first; no value last, by name).
#[derive(Debug, Clone)]
pub struct MapData {
    pub spec: Spec,
    pub scale: Scale,
    pub rows: Vec<Row>,
}

impl MapData {
    pub fn row(&self, key: &str) -> Option<&Row> {
        self.rows.iter().find(|r| r.key == key)
    }

    /// The value of a former state a successor is drawn with: only when none
    /// of its successors has a value of its own (the window lies before the
    /// break-up), so no current state is ever coloured with another's figure
    /// in a window where it reported its own.
    pub fn former_fill(&self, w: &World, feature_key: &str) -> Option<&Row> {
        let f = w
            .former
            .iter()
            .find(|f| f.successors.iter().any(|s| s == feature_key))?;
        let own = |k: &str| self.row(k).is_some_and(|r| r.value.is_some());
        if f.successors.iter().any(|s| own(s)) {
            return None;
        }
        self.row(&f.key).filter(|r| r.value.is_some())
    }
}

/// Computes the map for `spec`.
pub fn compute(rel: &Release, spec: Spec) -> MapData {
    let now = metric::values(rel, &spec.kind, spec.dir, &spec.filter);
    let before = spec
        .from
        .map(|w| metric::values(rel, &spec.kind, spec.dir, &spec.filter.at(w)));
    let change = before.as_ref().map(|b| metric::change(&spec.kind, &now, b));
    let scale = spec.scale();
    let w = geo::world();
    let mut ids: Vec<EntityId> = now.keys().copied().collect();
    if let Some(b) = &before {
        ids.extend(b.keys());
    }
    // SIPRI's unknown pools are no country: their TIV is a volume, but a
    // share of their "imports" or their concentration is no one's
    // (regression: "unknown recipient(s) HHI 1,808" in the map's table).
    if !matches!(spec.kind, metric::Kind::Tiv) {
        ids.retain(|id| engine::placeholder(rel, *id).is_none());
    }
    ids.sort_unstable();
    ids.dedup();
    let empty = BTreeMap::new();
    let lang = spec.lang;
    let mut rows: Vec<Row> = ids
        .into_iter()
        .map(|id| {
            let e = rel.entities.get(id);
            let cur = now.get(&id).copied();
            let value = match &change {
                Some(c) => c.get(&id).copied().flatten(),
                None => cur.and_then(|c| c.value),
            };
            Row {
                id,
                key: e.key.clone(),
                name: model::locale::entity_name(e, lang).to_string(),
                kind: e.kind,
                value,
                now: cur,
                before: before.as_ref().unwrap_or(&empty).get(&id).copied(),
                class: value.map(|v| scale.class(v)),
                place: place(w, &e.key),
            }
        })
        .collect();
    rows.sort_by(|a, b| match (a.value, b.value) {
        (Some(x), Some(y)) => y.total_cmp(&x).then_with(|| a.name.cmp(&b.name)),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => a.name.cmp(&b.name),
    });
    MapData { spec, scale, rows }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_go_up_on_a_break() {
        let s = Scale {
            breaks: [0.1, 0.25, 0.5, 0.75],
            unit: Unit::Share,
            diverging: false,
            lang: Lang::En,
        };
        assert_eq!(s.class(0.0), 0);
        assert_eq!(s.class(0.1), 1);
        assert_eq!(s.class(0.884), 4);
        assert_eq!(s.labels()[0], "below 10 %");
        assert_eq!(s.labels()[4], "75 % or more");
    }

    #[test]
    fn units_read_as_written() {
        let en = Lang::En;
        assert_eq!(Unit::Share.show(0.88431, en), "88.4 %");
        assert_eq!(Unit::Share.show(0.88431, Lang::De), "88,4 %");
        assert_eq!(Unit::Points.show(-0.123, en), "−12.3 pp");
        assert_eq!(Unit::Points.show(0.05, en), "+5.0 pp");
        assert_eq!(Unit::Hhi.show(6812.4, en), "6,812");
        assert_eq!(Unit::Hhi.show(6812.4, Lang::De), "6.812");
        assert_eq!(Unit::HhiChange.show(500.0, en), "+500");
        assert_eq!(Unit::Relative.show(0.25, en), "+25 %");
        // Half away from zero, as every page rounds (crate::numfmt).
        assert_eq!(Unit::Tiv.show(3.25, en), "3.3");
    }

    #[test]
    fn places() {
        let w = geo::world();
        assert_eq!(place(w, "KAZ"), Place::Shape);
        assert_eq!(place(w, "SGP"), Place::Point);
        assert_eq!(place(w, "SUHH"), Place::Outline);
        assert_eq!(place(w, "DDDE"), Place::Inside("DEU".into()));
        assert_eq!(place(w, "org:nato"), Place::Nowhere);
        // Every parent of an inside region is drawn.
        for (_, parent) in INSIDE {
            assert!(w.feature(parent).is_some(), "{parent}");
        }
    }
}

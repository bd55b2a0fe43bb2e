//! Which flows a query looks at: a window, an optional category, and whether
//! "year" means the delivery year or the deal's order year.

use model::{Category, EntityKind, Flags, Release, Window};
use serde::Serialize;

/// Which side of a flow is the focus. `Imports`: the focus is the recipient and
/// its partners are suppliers. `Exports`: the focus is the supplier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Imports,
    Exports,
}

impl Direction {
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Imports => "imports",
            Direction::Exports => "exports",
        }
    }

    pub fn parse(s: &str) -> Option<Direction> {
        match s.trim().to_ascii_lowercase().as_str() {
            "imports" | "import" | "i" => Some(Direction::Imports),
            "exports" | "export" | "e" => Some(Direction::Exports),
            _ => None,
        }
    }

    pub fn opposite(self) -> Direction {
        match self {
            Direction::Imports => Direction::Exports,
            Direction::Exports => Direction::Imports,
        }
    }

    /// The column holding the focus side.
    #[inline]
    pub(crate) fn focus_col(self, rel: &Release) -> &[u32] {
        match self {
            Direction::Imports => &rel.flows.recipient,
            Direction::Exports => &rel.flows.supplier,
        }
    }

    #[inline]
    pub(crate) fn partner_col(self, rel: &Release) -> &[u32] {
        self.opposite().focus_col(rel)
    }
}

impl std::fmt::Display for Direction {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Which year places a flow in a window. SIPRI's published shares are by delivery
/// year; the order year answers "who was buying from whom when the deal was made".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    #[default]
    Delivery,
    Order,
}

impl Basis {
    pub fn as_str(self) -> &'static str {
        match self {
            Basis::Delivery => "delivery",
            Basis::Order => "order",
        }
    }

    pub fn parse(s: &str) -> Option<Basis> {
        match s.trim().to_ascii_lowercase().as_str() {
            "delivery" | "deliveries" | "delivery-year" => Some(Basis::Delivery),
            "order" | "orders" | "order-year" => Some(Basis::Order),
            _ => None,
        }
    }
}

/// The selection every metric is computed over.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Filter {
    pub window: Window,
    pub category: Option<Category>,
    pub basis: Basis,
}

impl Filter {
    /// All categories, by delivery year.
    pub fn new(window: Window) -> Filter {
        Filter {
            window,
            category: None,
            basis: Basis::Delivery,
        }
    }

    pub fn with_category(mut self, c: Option<Category>) -> Filter {
        self.category = c;
        self
    }

    pub fn with_basis(mut self, b: Basis) -> Filter {
        self.basis = b;
        self
    }

    /// The same selection over `window`.
    pub fn at(mut self, window: Window) -> Filter {
        self.window = window;
        self
    }

    /// Whether `year`, a year of this filter's basis, has no value in `rel`:
    /// by delivery year, a year outside the release's years, which is no
    /// data, not 0 TIV. An order year before them can have deliveries
    /// inside (a deal ordered in 1990 delivered in 1996), so it has a value;
    /// an order year after them cannot (query probe 15: "India imported
    /// nothing in 2025-2029 by order year", coverage "complete").
    pub fn no_data_in(&self, rel: &Release, year: u16) -> bool {
        match (self.basis, rel.year_span()) {
            (Basis::Delivery, span) => span.is_none_or(|(a, b)| year < a || year > b),
            (Basis::Order, Some((_, b))) => year > b,
            (Basis::Order, None) => false,
        }
    }

    /// Whether no year of the window has a value in `rel` ([`Filter::no_data_in`]):
    /// an empty result then says nothing about deliveries.
    pub fn no_data(&self, rel: &Release) -> bool {
        self.window.years().all(|y| self.no_data_in(rel, y))
    }

    /// Flag bits that make a flow's figure rest on an estimate. By delivery
    /// year: an estimated number (the value) or delivery year (the window). By
    /// order year: an estimated number or order year; the delivery year no
    /// longer places the flow.
    pub fn estimate_mask(&self) -> u16 {
        match self.basis {
            Basis::Delivery => Flags::EST_YEAR | Flags::EST_NUMBER,
            Basis::Order => Flags::EST_ORDER | Flags::EST_NUMBER,
        }
    }

    /// (estimated, allocated) flag masks. Allocation spreads a deal's value over
    /// its delivery years, so it matters by delivery year only: every year of a
    /// deal shares one order year.
    pub(crate) fn masks(&self) -> (u16, u16) {
        let alloc = match self.basis {
            Basis::Delivery => Flags::ALLOCATED,
            Basis::Order => 0,
        };
        (self.estimate_mask(), alloc)
    }

    /// Whether flow `i` passes the category test (the year test is separate
    /// because an order-basis flow may have no year at all).
    #[inline]
    pub(crate) fn category_ok(&self, rel: &Release, i: usize) -> bool {
        match self.category {
            None => true,
            // Via from_u8 so that stray codes count as Unspecified, as they display.
            Some(c) => Category::from_u8(rel.flows.category[i]) == c,
        }
    }

    /// The year that places flow `i`, or `None` when the basis is `Order` and the
    /// flow has no deal or the deal no order year.
    #[inline]
    pub(crate) fn year_of(&self, rel: &Release, i: usize) -> Option<u16> {
        match self.basis {
            Basis::Delivery => Some(rel.flows.year[i]),
            Basis::Order => rel.deal(i).and_then(|d| d.order_year),
        }
    }

    /// Classifies flow `i`: in the selection, outside it, or undatable (order
    /// basis without an order year; counted, never dropped silently).
    #[inline]
    pub(crate) fn classify(&self, rel: &Release, i: usize) -> Selected {
        if !self.category_ok(rel, i) {
            return Selected::Out;
        }
        match self.year_of(rel, i) {
            Some(y) if self.window.contains(y) => Selected::In,
            Some(_) => Selected::Out,
            None => Selected::Undated,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Selected {
    In,
    Out,
    Undated,
}

/// First and last year the release has data for: the metadata if set, else the
/// flows' span.
pub fn year_span(rel: &Release) -> Option<(u16, u16)> {
    rel.year_span()
}

/// The last year of complete data: the release's last year, or the year
/// before it when SIPRI had not finished publishing that one when the file
/// was generated (`ReleaseMeta::last_complete_year`). Relative periods ("the
/// latest five years") end here.
pub fn last_complete_year(rel: &Release) -> Option<u16> {
    let (a, b) = year_span(rel)?;
    Some(rel.meta.last_complete_year.map_or(b, |c| c.min(b)).max(a))
}

/// Consecutive SIPRI five-year periods, the last one ending at the release's
/// last year of complete data (a year SIPRI had not finished publishing is
/// left out; its caveat says so). Empty when that covers fewer than five years.
pub fn default_windows(rel: &Release) -> Vec<Window> {
    match year_span(rel) {
        Some((a, b)) => {
            let b = rel.meta.last_complete_year.map_or(b, |c| c.min(b));
            if b < a {
                return Vec::new();
            }
            Window::five_year_periods(a, b)
        }
        None => Vec::new(),
    }
}

/// The last complete five-year window, or the whole span when shorter: the
/// default period of every query.
pub fn default_window(rel: &Release) -> Option<Window> {
    if let Some(w) = default_windows(rel).last() {
        return Some(*w);
    }
    let (a, b) = year_span(rel)?;
    let b = rel.meta.last_complete_year.map_or(b, |c| c.min(b)).max(a);
    Window::new(a, b).ok()
}

/// Whether an entity is a real party (not a TIV table's "all suppliers" side).
#[inline]
pub(crate) fn is_aggregate(rel: &Release, id: u32) -> bool {
    rel.entities
        .try_get(id)
        .is_some_and(|e| e.kind == EntityKind::Aggregate)
}

#[inline]
pub(crate) fn is_unknown(rel: &Release, id: u32) -> bool {
    rel.entities
        .try_get(id)
        .is_some_and(|e| e.kind == EntityKind::Unknown)
}

/// Display name used to break ties; an id outside the table sorts last.
pub(crate) fn name_of(rel: &Release, id: u32) -> &str {
    rel.entities.try_get(id).map_or("\u{10FFFF}", |e| &e.name)
}

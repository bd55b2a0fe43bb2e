//! Metrics over one release. Every function here is pure: a release in, numbers
//! out. Values stay unrounded; presentation rounds.
//!
//! Entry points: [`partners`] (who supplied X / who received X's exports),
//! [`ranking`] (world's top exporters/importers), [`pair`] (one pair from both
//! ends), [`concentration_series`] (HHI over five-year windows),
//! [`category_breakdown`] and [`all_pairs`] (the whole matrix).

pub mod concentration;
pub mod deals;
pub mod diff;
pub mod event;
pub mod filter;
pub mod groups;
pub mod metrics;
pub mod pair;
pub mod pipeline;
pub mod ranking;
pub mod scenario;
pub mod series;
pub mod sides;
pub mod switching;
pub mod testkit;

pub use concentration::{Concentration, concentration};
pub use filter::{Basis, Direction, Filter, default_window, default_windows, year_span};
pub use metrics::{
    PartnerShare, Partners, category_breakdown, concentration_series, partners, partners_in,
};
pub use pair::{
    Pair, PairCell, PairMatrix, PairRefusal, PairSums, RecipientSummary, all_pairs, pair,
    pair_matrix, pair_refusal,
};
pub use ranking::{RankSums, Ranked, Ranking, ranking, ranking_of};
pub use sides::{
    needs_categories, needs_categories_in, needs_orders, needs_register, needs_whole, one_sided,
    one_sided_in, placeholder,
};

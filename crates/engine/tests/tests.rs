//! The one integration-test binary of this crate (one link, as ripgrep does).

mod coverage;
mod diff;
mod diff_real;
mod event;
mod groups;
mod groups_real;
mod metrics;
mod metrics_props;
mod pipeline;
mod regression;
mod scenario;
mod scenario_real;
mod series_props;
mod switching;

//! The one integration-test binary of this crate (one link, as ripgrep does).

mod chunked;
mod common;
mod fetch;
mod formats;
mod long_cells;
mod malformed;
mod parsed_traps;
mod plausible;
mod real_data;
mod regression;
mod resaved;
mod resolver;
mod stream;
mod synth;

//! The one integration-test binary of this crate (one link, as ripgrep does).

mod a11y;
mod api;
mod asked;
mod browser;
mod cache;
mod common;
mod connections;
mod coverage;
mod escaping;
mod explore;
mod hardening;
mod journalist;
mod kit;
mod kit_browser;
mod kit_pair_map;
mod labels;
mod lang;
mod map;
mod map_browser;
mod nodata;
mod params;
mod probe18;
mod regression;
mod releases;
mod seed_button;
mod webdriver;

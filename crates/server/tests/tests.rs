//! The one integration-test binary of this crate (one link, as ripgrep does).

mod api;
mod browser;
mod common;
mod coverage;
mod hardening;
mod seed_button;

//! The one integration-test binary of this crate (one link, as ripgrep does).

mod a11y;
mod api;
mod browser;
mod common;
mod hardening;
mod seed_button;
mod webdriver;

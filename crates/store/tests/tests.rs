//! The one integration-test binary of this crate (one link, as ripgrep does).

mod regression;
mod scale;
mod store;

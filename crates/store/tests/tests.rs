//! The one integration-test binary of this crate (one link, as ripgrep does).

mod scale;
mod store;

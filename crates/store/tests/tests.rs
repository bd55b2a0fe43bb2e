//! The one integration-test binary of this crate (one link, as ripgrep does).

mod cache;
mod digests;
mod regression;
mod scale;
mod store;
mod view;
mod write;

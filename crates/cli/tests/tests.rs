//! The one integration-test binary of this crate (one link, as ripgrep does).

mod alignment_real;
mod crash_safety;
mod diff;
mod fetch;
mod import_cli;
mod import_malformed;
mod import_support;
mod query_real;
mod regression;

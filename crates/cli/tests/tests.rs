//! The one integration-test binary of this crate (one link, as ripgrep does).

mod alignment_real;
mod cache_real;
mod changing_files;
mod check_claims_seed;
mod check_no_claim;
mod coverage;
mod crash_safety;
mod csv_output;
mod diff;
mod estimates;
mod fast_paths_real;
mod fetch;
mod groups_files;
mod import_cli;
mod import_malformed;
mod import_stream;
mod import_support;
mod params;
mod published_tables;
mod query_real;
mod regression;
mod scope_real;
mod tiv_tables;
mod verify;

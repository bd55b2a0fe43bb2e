//! Links the `armsflow` binary as a position-dependent executable on Linux.
//!
//! A position-independent `armsflow` spends ~40 % of a `--version` run in the
//! dynamic loader applying ~49,000 relative relocations, and copies the
//! ~750 kB of relocated read-only data page by page (~180 page faults): about
//! 0.4 ms on every start, which is a fifth of a typical query. Linked at a
//! fixed address, none of that happens. The cost is that the executable's own
//! code is not randomised by ASLR (libraries, heap and stack still are); the
//! server binds 127.0.0.1 only, and the crates hold little `unsafe` code.
//! Set `ARMSFLOW_PIE=1` when building to keep a position-independent binary.
fn main() {
    println!("cargo:rerun-if-env-changed=ARMSFLOW_PIE");
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    if os == "linux" && env == "gnu" && std::env::var_os("ARMSFLOW_PIE").is_none() {
        println!("cargo:rustc-link-arg-bin=armsflow=-no-pie");
    }
}

//! The legacy 16-column trade register (Latin-1, split records, `?` flags):
//! whole files, and bodies after a valid header.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    armsflow_fuzz::check_reader(armsflow_fuzz::LEGACY_HEAD, data);
});

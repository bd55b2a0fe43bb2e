//! The current 17-column trade register: whole files, and bodies after a
//! valid header.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    armsflow_fuzz::check_reader(armsflow_fuzz::REGISTER_HEAD, data);
});

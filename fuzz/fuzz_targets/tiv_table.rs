//! TIV tables: importers and exporters by year, and the legacy per-supplier
//! table. Whole files, and bodies after each layout's header (chosen by length,
//! so a seed file needs no extra selector byte).
#![no_main]

use armsflow_fuzz::{EXPORT_TABLE_HEAD, IMPORT_TABLE_HEAD, SUPPLIER_TABLE_HEAD, check_reader};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let head = [IMPORT_TABLE_HEAD, EXPORT_TABLE_HEAD, SUPPLIER_TABLE_HEAD][data.len() % 3];
    check_reader(head, data);
});

//! The `armsflow` command line as a library: each query subcommand's
//! `compute(&Args) -> Table` is shared by the binary (which renders it) and
//! the Python package (which hands it to pandas as Arrow), so both answer
//! with the same code, validation and error messages.

pub mod blocs;
pub mod cmd;
pub mod common;
pub mod heap;
pub mod mapped;
pub mod output;

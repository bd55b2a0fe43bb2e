//! `armsflow exports COUNTRY`: who received a country's arms exports, and where
//! each recipient ranks among its customers.

use super::imports::{QueryArgs, compute_direction};
use crate::common::DataArgs;
use crate::output::{self, OutputArgs, Table};
use engine::Direction;

#[derive(clap::Args)]
#[command(after_help = "Examples:\n  \
armsflow exports Russia --period 2020-2024\n  \
armsflow exports RUS --period 2020-24 --format csv\n  \
armsflow exports France --category ships --basis order\n\n\
Shares are of the country's total exports in the window; rank 3 means the third-largest recipient.")]
pub struct Args {
    /// Supplier: SIPRI name, alias or ISO3 code (case-insensitive)
    pub country: String,
    #[command(flatten)]
    pub query: QueryArgs,
    /// One row per armament category instead of one per recipient
    #[arg(long)]
    pub by_category: bool,
    #[command(flatten)]
    pub data: DataArgs,
    #[command(flatten)]
    pub out: OutputArgs,
}

pub fn run(args: Args) -> anyhow::Result<()> {
    output::emit(&compute(&args)?, &args.out)
}

/// Runs the query; `run` renders it, the Python package hands it to pandas.
pub fn compute(args: &Args) -> anyhow::Result<Table> {
    compute_direction(
        Direction::Exports,
        &args.country,
        &args.query,
        args.by_category,
        &args.data,
    )
}

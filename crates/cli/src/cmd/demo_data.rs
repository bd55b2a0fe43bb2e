//! `armsflow demo-data`: write a SYNTHETIC register (not SIPRI data) for demos,
//! tests and benchmarks. Same `--scale` and `--seed` → the same bytes.

use crate::common::UserError;
use std::io::IsTerminal;
use std::path::PathBuf;

/// Scales from which a progress bar is worth drawing.
const BIG_SCALE: u32 = 20;

#[derive(clap::Args)]
pub struct Args {
    /// Size: about 25,000 delivery rows per unit (1000 ≈ 25 million rows)
    #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..=100_000))]
    pub scale: u32,
    /// Random seed; the output depends on nothing else
    #[arg(long, default_value_t = 42)]
    pub seed: u64,
    /// Output file, or `-` for standard output
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,
}

pub fn run(args: Args) -> anyhow::Result<()> {
    let to_stdout = args.output.as_os_str() == "-";
    let bar = (args.scale >= BIG_SCALE && std::io::stderr().is_terminal()).then(|| {
        let total = sipri::synth::DEALS_PER_SCALE * u64::from(args.scale);
        let pb = indicatif::ProgressBar::new(total);
        if let Ok(style) = indicatif::ProgressStyle::with_template(
            "{msg} {bar:40} {percent:>3}% deals, {elapsed} elapsed, ~{eta} left",
        ) {
            pb.set_style(style);
        }
        pb.set_message("generating SYNTHETIC data");
        pb
    });
    let progress = |done: u64, _total: u64| {
        if let Some(b) = &bar {
            b.set_position(done);
        }
    };
    let summary = if to_stdout {
        let stdout = std::io::stdout().lock();
        sipri::synth::write_register_with_progress(stdout, args.scale, args.seed, progress)
    } else {
        let file = std::fs::File::create(&args.output)
            .map_err(|e| UserError(format!("{}: cannot create: {e}", args.output.display())))?;
        let written =
            sipri::synth::write_register_with_progress(file, args.scale, args.seed, progress);
        if written.is_err() {
            let _ = std::fs::remove_file(&args.output);
        }
        written
    };
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    let s = match summary {
        Ok(s) => s,
        // `armsflow demo-data -o - | head` closes the pipe early: not an error.
        Err(e) if to_stdout && e.kind() == std::io::ErrorKind::BrokenPipe => return Ok(()),
        Err(e) => anyhow::bail!("{}: write failed: {e}", args.output.display()),
    };
    eprintln!(
        "wrote SYNTHETIC register (not SIPRI data) to {}: {} rows, {} deals, {} suppliers, \
         {} recipients, {} TIV total, 'Data generated: {}' (scale {}, seed {})",
        if to_stdout {
            "stdout".to_string()
        } else {
            args.output.display().to_string()
        },
        crate::cmd::import::thousands(s.rows),
        crate::cmd::import::thousands(s.deals),
        s.suppliers,
        s.recipients,
        crate::cmd::import::tiv(s.tiv_total),
        s.generated,
        s.scale,
        s.seed
    );
    Ok(())
}

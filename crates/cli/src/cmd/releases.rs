//! `armsflow releases`: what is stored, oldest first, and which one queries use.

use crate::cmd::import::{thousands, tiv};
use crate::common;
use serde::Serialize;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// Data directory [default: $XDG_DATA_HOME/armsflow or ~/.local/share/armsflow]
    #[arg(long, value_name = "DIR", env = store::DATA_DIR_ENV)]
    pub data_dir: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t = crate::cmd::import::Format::Table)]
    pub format: crate::cmd::import::Format,
    /// Read every file of every release and check it against the SHA-256
    /// recorded at import (SHA256SUMS): finds damage that still decodes,
    /// such as a flipped bit in a data page. Exits with status 1 if any
    /// release is damaged.
    #[arg(long)]
    pub verify: bool,
}

/// One release as `--format json` prints it.
#[derive(Serialize)]
struct Row {
    #[serde(flatten)]
    meta: model::ReleaseMeta,
    rows_imported: u64,
    flows: u64,
    deals: u64,
    rejected: usize,
    tiv_total: f64,
    /// The release queries use when no `--release` is given.
    latest: bool,
    /// A register downloaded for some countries only, per its title
    /// ("only to Ukraine"); it answers only questions inside that scope.
    scope: Option<String>,
    /// With `--verify`: what reading every file found.
    #[serde(skip_serializing_if = "Option::is_none")]
    verified: Option<Verified>,
}

/// The outcome of `--verify` for one release.
#[derive(Serialize)]
struct Verified {
    /// `ok`, `damaged`, or `no_digests` (imported before armsflow recorded
    /// them: the release was loaded in full instead).
    status: &'static str,
    files: usize,
    bytes: u64,
    /// What is damaged, naming the file (never a full path).
    #[serde(skip_serializing_if = "Option::is_none")]
    problem: Option<String>,
}

fn verify(store: &store::Store, id: &str) -> Verified {
    let damaged = |e: store::StoreError| Verified {
        status: "damaged",
        files: 0,
        bytes: 0,
        problem: Some(e.reason()),
    };
    match store.verify_files(id) {
        Ok(store::Integrity::Verified { files, bytes }) => Verified {
            status: "ok",
            files,
            bytes,
            problem: None,
        },
        // Nothing to compare with: decoding every file is the best check left.
        Ok(store::Integrity::NoDigests) => match store.load(id) {
            Ok(_) => Verified {
                status: "no_digests",
                files: 0,
                bytes: 0,
                problem: None,
            },
            Err(e) => damaged(e),
        },
        Err(e) => damaged(e),
    }
}

pub fn run(args: Args) -> anyhow::Result<()> {
    let store = common::open_existing_at(args.data_dir.as_deref())?;
    let scan = store.scan()?;
    let (metas, damaged) = (scan.releases, scan.damaged);
    let default = model::default_release(&metas);
    let mut rows = Vec::with_capacity(metas.len());
    for (i, meta) in metas.into_iter().enumerate() {
        // `scan` read the report already; a failure now is a race with a writer.
        let report = store.report(&meta.id)?;
        rows.push(Row {
            rows_imported: report.rows_imported,
            flows: report.flows,
            deals: report.deals,
            rejected: report.rejected.len(),
            tiv_total: report.tiv_total,
            latest: Some(i) == default,
            scope: scope(&meta),
            verified: args.verify.then(|| verify(&store, &meta.id)),
            meta,
        });
    }
    let failed = rows
        .iter()
        .filter(|r| r.verified.as_ref().is_some_and(|v| v.status == "damaged"))
        .count()
        // Entries that failed the cheap check are damaged too.
        + if args.verify { damaged.len() } else { 0 };
    let outcome = || {
        if failed > 0 {
            anyhow::bail!(
                "{failed} of {} releases damaged (see above): importing a damaged release's \
                 original file again repairs it",
                rows.len() + damaged.len()
            )
        }
        Ok(())
    };
    if args.format == crate::cmd::import::Format::Json {
        // The JSON stays a list of releases; damaged entries go to stderr.
        damaged.iter().for_each(common::warn_damaged);
        println!("{}", serde_json::to_string_pretty(&rows)?);
        return outcome();
    }
    print_damaged(&damaged);
    if rows.is_empty() {
        println!(
            "No releases in {}: {}",
            store.dir().display(),
            common::EMPTY_STORE_HINT
        );
        // Damaged entries may be all there is: --verify still fails on them.
        return outcome();
    }
    let table: Vec<[String; 8]> = rows
        .iter()
        .map(|r| {
            [
                format!("{}{}", if r.latest { "* " } else { "  " }, r.meta.id),
                r.meta.format.as_str().to_string(),
                r.meta.generated.clone().unwrap_or_else(|| "?".into()),
                // The id's date is when SIPRI generated the file, not the
                // data's last year: the Feb-2026 register ends in 2024.
                match (r.meta.first_year, r.meta.last_year) {
                    (Some(a), Some(b)) => format!("{a}-{b}"),
                    _ => "none".into(),
                },
                thousands(r.rows_imported),
                tiv(r.tiv_total),
                match (&r.scope, r.meta.synthetic) {
                    (_, true) => "SYNTHETIC".to_string(),
                    (Some(s), false) => s.clone(),
                    (None, false) => String::new(),
                },
                r.meta.imported_at.clone(),
            ]
        })
        .collect();
    let head = [
        "  id",
        "format",
        "generated",
        "delivery years",
        "rows",
        "TIV total",
        "data",
        "imported at",
    ];
    let mut width = head.map(str::len);
    for row in &table {
        for (w, c) in width.iter_mut().zip(row) {
            *w = (*w).max(c.chars().count());
        }
    }
    let line = |cells: [&str; 8]| {
        let mut s = String::new();
        for (i, (c, w)) in cells.iter().zip(width).enumerate() {
            // Numbers right-aligned, text left-aligned.
            if i == 4 || i == 5 {
                s.push_str(&format!("{c:>w$}  "));
            } else {
                s.push_str(&format!("{c:<w$}  "));
            }
        }
        println!("{}", s.trim_end());
    };
    line(head);
    for row in &table {
        line(row.each_ref().map(String::as_str));
    }
    println!(
        "\n* = latest, used when no --release is given{}. Source: SIPRI Arms Transfers Database (c) SIPRI; SYNTHETIC releases are not SIPRI data.",
        if rows.iter().any(|r| r.scope.is_some()) {
            " (a download restricted to some countries is used only when nothing else is stored; it answers only questions inside its scope)"
        } else {
            ""
        }
    );
    if args.verify {
        print_verified(&rows);
    }
    outcome()
}

fn print_verified(rows: &[Row]) {
    println!("\nVerification (every byte read, against the SHA-256 digests recorded at import):");
    let width = rows.iter().map(|r| r.meta.id.len()).max().unwrap_or(0);
    for r in rows {
        let Some(v) = &r.verified else { continue };
        let what = match v.status {
            "ok" => format!(
                "ok: {} files, {} bytes, as imported",
                v.files,
                thousands(v.bytes)
            ),
            "no_digests" => "no digests (imported before armsflow recorded them); \
                             every file decodes, but damage that decodes cannot be ruled out"
                .to_string(),
            _ => format!("DAMAGED: {}", v.problem.as_deref().unwrap_or("?")),
        };
        println!(
            "{}",
            common::term_safe(&format!("  {:<width$}  {what}", r.meta.id))
        );
    }
}

/// "only from Russia", "only to Ukraine": the scope a register download's
/// title states.
fn scope(meta: &model::ReleaseMeta) -> Option<String> {
    let phrase = meta.scope_phrase();
    (!phrase.is_empty()).then(|| format!("only{phrase}"))
}

/// Entries of `releases/` that are not releases: listed, never fatal.
fn print_damaged(damaged: &[store::Damaged]) {
    if damaged.is_empty() {
        return;
    }
    println!(
        "Damaged entries in releases/ (skipped; importing a release's original file again \
         repairs it; anything else belongs elsewhere):"
    );
    for d in damaged {
        let line = format!("  ! {}: {}", d.name, d.reason);
        println!("{}", common::term_safe(&line));
    }
    println!();
}

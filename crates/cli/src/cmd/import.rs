//! `armsflow import FILE...`: read SIPRI exports and store each as a release.
//!
//! A file is read and checked in full before the store is even opened, so a
//! malformed file leaves the data directory exactly as it was (a register
//! large enough to be streamed may leave an empty `releases/` behind, where
//! its scratch files were; never a release).

use crate::common::{self, UserError};
use crate::mapped::{FileBytes, read_bounded};
use model::{ImportReport, Release, ReleaseMeta};
use serde::Serialize;
use std::io::IsTerminal;
use std::path::PathBuf;
use store::PutOutcome;

/// Files above this size get a spinner (on a terminal), so nobody wonders.
const BIG_FILE: u64 = 8 << 20;
/// Files below this size are read whole: one pass over memory is faster than
/// the streaming reader's scratch streams and threads, and a register this
/// size needs well under 1 GB. Larger current registers are streamed.
const STREAM_FROM: u64 = 32 << 20;
// Whole files then hold no line the streaming reader would refuse.
const _: () = assert!(STREAM_FROM as usize <= sipri::stream::MAX_LINE);
/// Deals per batch handed to the store by the streaming import.
const DEAL_BATCH: usize = 1 << 13;
/// Batches the deal decoder may run ahead of the writer.
const DEAL_QUEUE: usize = 32;
/// Rejections listed in the table output; JSON lists all.
const SHOW_REJECTED: usize = 20;

#[derive(clap::Args)]
pub struct Args {
    /// SIPRI export files (trade register, legacy register, TIV tables); `-`
    /// reads standard input
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Data directory [default: $XDG_DATA_HOME/armsflow or ~/.local/share/armsflow]
    #[arg(long, value_name = "DIR", env = store::DATA_DIR_ENV)]
    pub data_dir: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// List bad rows in the report and import the rest, instead of failing
    #[arg(long)]
    pub skip_bad_rows: bool,
    /// Stream current registers of any size (normally only above 32 MB); for
    /// tests and benchmarks
    #[arg(long, hide = true)]
    pub stream: bool,
}

#[derive(clap::ValueEnum, Clone, Copy, PartialEq, Eq, Debug)]
pub enum Format {
    Table,
    Json,
}

/// One imported file, as `--format json` prints it.
#[derive(Serialize)]
struct Imported {
    file: String,
    release: String,
    /// `created`, `already_present` or `repaired` (a damaged copy replaced).
    outcome: &'static str,
    synthetic: bool,
    generated: String,
    report: ImportReport,
    /// Other releases of the same format and "Data generated" date whose
    /// content differs (see [`same_date`]).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    same_date: Vec<String>,
}

pub fn run(args: Args) -> anyhow::Result<()> {
    let mut done = Vec::new();
    for (i, path) in args.files.iter().enumerate() {
        match import_one(&args, path) {
            Ok(item) => done.push(item),
            Err(e) => {
                let rest = &args.files[i + 1..];
                if args.format == Format::Json {
                    // A script reading stdout learns what was stored before
                    // the failure too (it printed nothing; hostile-files
                    // probe 2); the message and status stay as in a table.
                    println!("{}", failed_json(&done, path, &e, rest)?);
                }
                return Err(with_progress(e, &done, rest));
            }
        }
    }
    if args.format == Format::Json {
        println!("{}", serde_json::to_string_pretty(&done)?);
    }
    Ok(())
}

/// The JSON list of a run that failed at `path`: the files imported before
/// it, then `{file, outcome: "failed", error, not_reached}`.
fn failed_json(
    done: &[Imported],
    path: &std::path::Path,
    e: &anyhow::Error,
    rest: &[PathBuf],
) -> anyhow::Result<String> {
    let mut list = serde_json::to_value(done)?;
    if let Some(items) = list.as_array_mut() {
        items.push(serde_json::json!({
            "file": path.display().to_string(),
            "outcome": "failed",
            "error": format!("{e:#}"),
            "not_reached": rest.iter().map(|p| p.display().to_string()).collect::<Vec<_>>(),
        }));
    }
    Ok(serde_json::to_string_pretty(&list)?)
}

/// Reads, checks and stores one file; prints its table report. Large current
/// registers are streamed (bounded memory, both cores); other files are
/// read whole.
fn import_one(args: &Args, path: &PathBuf) -> anyhow::Result<Imported> {
    let cannot_read =
        |e: std::io::Error| UserError(format!("{}: cannot read: {e}", path.display()));
    if path.as_os_str() == "-" {
        // Read whole: the streaming reader reads its file twice.
        let bytes = read_bounded(&mut std::io::stdin().lock())
            .map_err(|e| UserError(format!("standard input: cannot read: {e}")))?;
        return import_whole(args, path, FileBytes::Read(bytes), None);
    }
    let file = std::fs::File::open(path).map_err(cannot_read)?;
    let meta = file.metadata().map_err(cannot_read)?;
    let size = meta.len();
    // Only a regular file can be read twice: a FIFO, a device or a
    // directory goes to the whole-file reader, which reads (or refuses) it
    // once (hostile-files probe 32: `--stream` on a FIFO lost its first
    // megabyte of rows).
    if (size < STREAM_FROM && !args.stream) || !meta.is_file() {
        let bytes = FileBytes::read(&file, &meta, path, &shown(path)).map_err(cannot_read)?;
        return import_whole(args, path, bytes, Some((&file, &meta)));
    }
    let data_dir = common::data_dir(args.data_dir.as_deref())?;
    let scratch = store::Scratch::new(&data_dir);
    let opts = sipri::ReadOptions {
        file_name: path.display().to_string(),
        skip_bad_rows: args.skip_bad_rows,
    };
    let bar = progress_bar(path, size);
    let streamed = sipri::stream::stream(&file, &opts, scratch.path(), &|n| {
        if let Some(b) = &bar {
            b.set_position(n);
        }
    });
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    let s = match streamed {
        Ok(Some(s)) => s,
        Ok(None) => {
            let bytes = FileBytes::read(&file, &meta, path, &shown(path)).map_err(cannot_read)?;
            return import_whole(args, path, bytes, Some((&file, &meta)));
        }
        Err(sipri::stream::StreamError::Read(e)) => return Err(UserError(e.to_string()).into()),
        Err(sipri::stream::StreamError::Input(e)) => return Err(cannot_read(e).into()),
        Err(sipri::stream::StreamError::Io(e)) => {
            anyhow::bail!(
                "{}: reading into {}: {e}",
                path.display(),
                scratch.path().display()
            )
        }
    };
    nothing_kept(path, &s.report)?;
    let store = common::open_store_at(args.data_dir.as_deref())?;
    let spinner = spinner(path, size, "storing");
    let sipri::stream::Streamed {
        meta,
        entities,
        report,
        mut flows,
        mut deals,
    } = s;
    // Deals are decoded from scratch on a thread of their own, a few batches
    // ahead of the Parquet writer: the wide deals table is the longest write.
    let outcome = std::thread::scope(|s| {
        let (tx, rx) = std::sync::mpsc::sync_channel(DEAL_QUEUE);
        // Written batches come back, so that later deals reuse their strings.
        let (back_tx, back_rx) = std::sync::mpsc::channel();
        let decoder = s.spawn(move || {
            loop {
                while let Ok(spent) = back_rx.try_recv() {
                    deals.give_back(spent);
                }
                let batch = deals.next_batch(DEAL_BATCH).map_err(|e| e.to_string());
                let end = !matches!(batch, Ok(Some(_)));
                if tx.send(batch).is_err() || end {
                    break;
                }
            }
        });
        let outcome = store.put_parts(store::Parts {
            meta: &meta,
            entities: entities.as_slice(),
            report: &report,
            flows: report.flows,
            deals: report.deals,
            flow_batches: &mut |n| flows.next_batch(n).map_err(|e| e.to_string()),
            deal_batches: &mut move |_, spent| {
                let _ = back_tx.send(spent);
                rx.recv().unwrap_or(Ok(None))
            },
        });
        let _ = decoder.join();
        outcome
    });
    if let Some(s) = spinner {
        s.finish_and_clear();
    }
    Ok(finish(args, path, outcome?, meta, report, &store))
}

/// Reads the whole file into memory, then stores it. `source`: the open
/// file and its metadata before the read, to refuse a file changed
/// meanwhile.
fn import_whole(
    args: &Args,
    path: &std::path::Path,
    bytes: FileBytes,
    source: Option<(&std::fs::File, &std::fs::Metadata)>,
) -> anyhow::Result<Imported> {
    let size = bytes.len() as u64;
    // Parsed structures and Parquet buffers take up to about twelve times
    // the file; a register's import peaks near four times it (10.6 MB of heap
    // for the 2.75 MB Feb-2026 register, valgrind's massif), which is faulted
    // in beside the parsing (prefaulting 2, 4, 6 and 9 times the file gave
    // medians of 20.3, 20.0, 20.2 and 21.8 ms against 21.0 ms without).
    let n = bytes.len();
    crate::heap::prepare_bulk(n.saturating_mul(12) + (16 << 20), n.saturating_mul(4));
    let (release, report) = read_file(path, &bytes, args.skip_bad_rows)?;
    drop(bytes);
    if let Some((file, before)) = source.filter(|(_, m)| m.is_file()) {
        crate::mapped::test_hook_after_read(path);
        sipri::stream::unchanged(file, before)
            .map_err(|e| UserError(format!("{}: cannot read: {e}", shown(path))))?;
    }
    nothing_kept(path, &report)?;
    let store = common::open_store_at(args.data_dir.as_deref())?;
    let spinner = spinner(path, size, "storing");
    let outcome = store.put(&release, &report);
    if let Some(s) = spinner {
        s.finish_and_clear();
    }
    let item = finish(args, path, outcome?, release.meta.clone(), report, &store);
    // Freeing tens of thousands of deals takes about a millisecond; nothing
    // waits for it, so it happens beside the report (or the process's exit).
    std::thread::spawn(move || drop(release));
    Ok(item)
}

/// Refuses a file whose every row was rejected (`--skip-bad-rows`): an empty
/// release would be stored and become the latest, and every query would then
/// answer from nothing (regression: "imported 0, rejected 382" exited 0).
fn nothing_kept(path: &std::path::Path, report: &ImportReport) -> anyhow::Result<()> {
    match sipri::nothing_kept(report) {
        None => Ok(()),
        Some(why) => Err(UserError(format!("{}: {why}", shown(path))).into()),
    }
}

/// How reports and errors name the file: `-` is standard input.
fn shown(path: &std::path::Path) -> String {
    if path.as_os_str() == "-" {
        "<stdin>".into()
    } else {
        path.display().to_string()
    }
}

/// The import's outcome as printed (table now, JSON at the end).
fn finish(
    args: &Args,
    path: &std::path::Path,
    outcome: PutOutcome,
    meta: ReleaseMeta,
    report: ImportReport,
    store: &store::Store,
) -> Imported {
    let same_date = same_date(store, &meta, outcome.id());
    let item = Imported {
        file: shown(path),
        release: outcome.id().to_string(),
        outcome: match outcome {
            PutOutcome::Created(_) => "created",
            PutOutcome::AlreadyPresent(_) => "already_present",
            PutOutcome::Repaired(_) => "repaired",
        },
        synthetic: meta.synthetic,
        generated: meta.generated_raw.clone(),
        report,
        same_date,
    };
    if args.format == Format::Table {
        print_table(&item, meta);
    }
    item
}

/// Stored releases of the same format and "Data generated" date as `meta`
/// but other content: SIPRI issues one file per date, so one of them is
/// edited or damaged, and queries default to whichever sorts last
/// (regression of the hostile-files probe: an edited copy became the
/// default, silently, with the US at 96.6 % of Afghanistan's 2018-20
/// imports against the original's 94.4 %).
fn same_date(store: &store::Store, meta: &ReleaseMeta, id: &str) -> Vec<String> {
    let Some(date) = &meta.generated else {
        return Vec::new();
    };
    store
        .list()
        .unwrap_or_default()
        .into_iter()
        .filter(|m| {
            m.id != id
                && m.format == meta.format
                && m.generated.as_ref() == Some(date)
                && m.sha256 != meta.sha256
        })
        .map(|m| m.id)
        .collect()
}

/// A failed file's error, extended with what happened to the others: imports
/// stop at the first failure (each file is atomic), so say which files were
/// imported before it and which were not reached. Keeps the exit code kind.
fn with_progress(e: anyhow::Error, done: &[Imported], rest: &[PathBuf]) -> anyhow::Error {
    if done.is_empty() && rest.is_empty() {
        return e;
    }
    let mut msg = format!("{e:#}");
    if !done.is_empty() {
        let list: Vec<String> = done
            .iter()
            .map(|d| format!("{} ({})", d.file, d.release))
            .collect();
        msg.push_str(&format!(
            "\n  imported before the failure: {}",
            list.join(", ")
        ));
    }
    if !rest.is_empty() {
        let list: Vec<String> = rest.iter().map(|p| p.display().to_string()).collect();
        msg.push_str(&format!(
            "\n  not reached (nothing imported from them): {}",
            list.join(", ")
        ));
    }
    if e.downcast_ref::<UserError>().is_some() {
        UserError(msg).into()
    } else {
        anyhow::anyhow!(msg)
    }
}

/// Reads and parses one file; every failure here is the user's (exit 2).
fn read_file(
    path: &std::path::Path,
    bytes: &[u8],
    skip_bad_rows: bool,
) -> anyhow::Result<(Release, ImportReport)> {
    let spinner = spinner(path, bytes.len() as u64, "reading");
    let opts = sipri::ReadOptions {
        file_name: shown(path),
        skip_bad_rows,
    };
    let result = sipri::read(bytes, &opts);
    if let Some(s) = spinner {
        s.finish_and_clear();
    }
    result.map_err(|e| UserError(e.to_string()).into())
}

/// A spinner on stderr for big files, only when a person is watching.
fn spinner(path: &std::path::Path, size: u64, what: &str) -> Option<indicatif::ProgressBar> {
    if size < BIG_FILE || !std::io::stderr().is_terminal() {
        return None;
    }
    let pb = indicatif::ProgressBar::new_spinner();
    pb.set_message(format!("{what} {} ({} MB)", path.display(), size >> 20));
    pb.enable_steady_tick(std::time::Duration::from_millis(120));
    Some(pb)
}

/// A progress bar with throughput on stderr while a big file is read, only
/// when a person is watching.
fn progress_bar(path: &std::path::Path, size: u64) -> Option<indicatif::ProgressBar> {
    if size < BIG_FILE || !std::io::stderr().is_terminal() {
        return None;
    }
    let pb = indicatif::ProgressBar::new(size);
    let style = indicatif::ProgressStyle::with_template(
        "{msg} [{bar:30}] {bytes}/{total_bytes} {bytes_per_sec} eta {eta}",
    )
    .map(|s| s.progress_chars("=> "));
    if let Ok(style) = style {
        pb.set_style(style);
    }
    pb.set_message(format!("reading {}", path.display()));
    Some(pb)
}

/// `12345678` → `12,345,678`.
pub fn thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (i, ch) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// TIV millions with two decimals and thousands separators.
pub fn tiv(v: f64) -> String {
    let cents = (v.abs() * 100.0).round() as u64;
    let sign = if v < 0.0 && cents > 0 { "-" } else { "" };
    format!("{sign}{}.{:02}", thousands(cents / 100), cents % 100)
}

/// The report of one import. Names, reasons and warnings quote the file, so
/// the whole text is made terminal-safe before printing.
fn print_table(item: &Imported, meta: ReleaseMeta) {
    use std::fmt::Write;
    let mut out = String::new();
    let r = &item.report;
    let status = match item.outcome {
        "created" => "created",
        "repaired" => "repaired: it replaces a damaged copy",
        _ => "already present, nothing changed",
    };
    let _ = writeln!(out, "{}: release {} ({status})", item.file, item.release);
    if item.synthetic {
        let _ = writeln!(
            out,
            "  SYNTHETIC DEMO DATA: not SIPRI data, for demos and tests only"
        );
    }
    let format = r.format.map(|f| f.as_str()).unwrap_or("unknown");
    let years = match (meta.first_year, meta.last_year) {
        (Some(a), Some(b)) => format!("{a}-{b}"),
        _ => "none".into(),
    };
    let n = |v: u64| thousands(v);
    let rows: [(&str, String); 16] = [
        ("format", format!("{format} ({})", r.encoding)),
        ("generated", item.generated.clone()),
        ("delivery years", years),
        ("lines", n(r.lines)),
        ("rows read", n(r.rows_read)),
        ("imported", n(r.rows_imported)),
        ("repaired", n(r.rows_repaired)),
        ("rejected", n(r.rejected.len() as u64)),
        ("deals", n(r.deals)),
        ("open deals", n(r.open_deals)),
        ("flows", n(r.flows)),
        ("allocated flows", n(r.flows_allocated)),
        ("below-0.5 cells", n(r.below_half_cells)),
        ("entities", n(r.entities)),
        ("unresolved names", n(r.unresolved.len() as u64)),
        ("TIV total", format!("{} (TIV millions)", tiv(r.tiv_total))),
    ];
    for (k, v) in rows {
        let _ = writeln!(out, "  {k:<17} {v}");
    }
    // Many rejections mean a wrong layout more often than a few bad rows:
    // the report's first warning, shown here in capitals.
    let many = sipri::many_rejected(r);
    if let Some(w) = &many {
        let _ = writeln!(out, "  WARNING: {w}");
    }
    for rej in r.rejected.iter().take(SHOW_REJECTED) {
        let _ = writeln!(out, "  rejected {}:{}: {}", item.file, rej.line, rej.reason);
    }
    if r.rejected.len() > SHOW_REJECTED {
        let _ = writeln!(
            out,
            "  … and {} more rejected rows (see --format json)",
            r.rejected.len() - SHOW_REJECTED
        );
    }
    for u in &r.unresolved {
        let _ = writeln!(
            out,
            "  unresolved '{}': {} rows, {} TIV (kept as its own entity)",
            u.name,
            n(u.rows),
            tiv(u.tiv)
        );
    }
    for w in r.warnings.iter().filter(|w| Some(*w) != many.as_ref()) {
        let _ = writeln!(out, "  warning: {w}");
    }
    if !item.same_date.is_empty() {
        let _ = writeln!(
            out,
            "  WARNING: the store holds other content generated the same day ({}): SIPRI issues \
             one file per date, so one of them is edited or damaged; queries default to the one imported last \
             (of two imported within the same second, the one whose release id sorts last) unless \
             --release names one",
            item.same_date.join(", ")
        );
    }
    // The citation needs only the meta; the tables stay empty.
    let release = Release {
        meta,
        entities: Default::default(),
        deals: Vec::new(),
        flows: Default::default(),
        world_totals: Vec::new(),
    };
    let _ = writeln!(out, "  {}", release.citation());
    print!("{}", common::term_safe(&out));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_numbers() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(25_024), "25,024");
        assert_eq!(thousands(1_234_567), "1,234,567");
        assert_eq!(tiv(1328.98), "1,328.98");
        assert_eq!(tiv(11_102.044), "11,102.04");
        assert_eq!(tiv(0.0), "0.00");
        assert_eq!(tiv(-2.5), "-2.50");
    }
}

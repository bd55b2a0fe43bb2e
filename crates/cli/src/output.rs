//! Rendering of results as table, CSV, JSON, Markdown or Parquet.
//!
//! Every subcommand builds one [`Table`]: a title, typed cells, notes (the
//! window, release, attribution and caveats) and key-value provenance. Human
//! formats (table, markdown) round to each cell's display precision. Machine
//! formats never lose meaning either:
//!
//! - CSV is RFC 4180 with the header first and nothing else; the title and
//!   notes go to standard error (and, with `-o FILE.csv`, to a Frictionless
//!   Data Package descriptor beside the file). `--meta` puts them back as
//!   leading `# ` comment lines.
//! - CSV and JSON print numbers at a fixed precision ([`TIV_DECIMALS`],
//!   [`PCT_DECIMALS`], [`EXTRA_DECIMALS`]) so float noise such as
//!   `3053.1799999999994` never reaches a user; Parquet keeps shares at full
//!   precision (TIV is rounded to hundredths everywhere: that is its exact value).
//! - Lists are written in full (`; `-separated); only human formats shorten them.

mod columnar;
mod datapackage;

pub use columnar::record_batch;

use anyhow::Context;
use std::io::Write;
use std::path::{Path, PathBuf};

/// TIV decimals in every format: SIPRI's register values have at most two,
/// so a sum rounded to hundredths is exact.
pub const TIV_DECIMALS: i32 = 2;
/// Percentage decimals in CSV and JSON (88.4312 = 88.4312 %).
pub const PCT_DECIMALS: i32 = 4;
/// Other numbers (HHI, effective number, percentage-point changes) keep their
/// display decimals plus this many in CSV and JSON.
pub const EXTRA_DECIMALS: i32 = 3;

/// One value. The `decimals` of numbers apply to human formats only.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Int(i64),
    /// Yes/no in tables, `true`/`false` in CSV and JSON, boolean in Arrow.
    Bool(bool),
    /// Millions of TIV: two decimals everywhere.
    Tiv(f64),
    Num {
        v: f64,
        decimals: usize,
    },
    /// A fraction (0.884) shown as a percentage (88.4); headers should say `%`.
    Pct {
        v: f64,
        decimals: usize,
    },
    /// Names; human formats show the first `shown` and count the rest,
    /// machine formats write all of them.
    List {
        items: Vec<String>,
        shown: usize,
    },
    Empty,
}

/// `v` rounded to `d` decimals, without a negative zero.
pub fn round_to(v: f64, d: i32) -> f64 {
    let m = 10f64.powi(d);
    let r = (v * m).round() / m;
    if r == 0.0 { 0.0 } else { r }
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }
    /// TIV millions: two decimals, as SIPRI publishes register values.
    pub fn tiv(v: f64) -> Cell {
        Cell::Tiv(v)
    }
    pub fn num(v: f64, decimals: usize) -> Cell {
        Cell::Num { v, decimals }
    }
    pub fn pct(fraction: f64) -> Cell {
        Cell::Pct {
            v: fraction,
            decimals: 1,
        }
    }
    pub fn opt_pct(fraction: Option<f64>) -> Cell {
        fraction.map_or(Cell::Empty, Cell::pct)
    }
    /// A list of names showing at most `shown` in human formats.
    pub fn list(items: Vec<String>, shown: usize) -> Cell {
        Cell::List { items, shown }
    }

    /// Human rendering (rounded, lists shortened).
    pub fn display(&self) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Int(i) => i.to_string(),
            Cell::Bool(b) => (if *b { "yes" } else { "no" }).to_string(),
            // Rounded as CSV and JSON round it, then printed: `{:.2}` alone
            // rounds the binary value (2928.475 is 2928.4749…: .47 in the
            // table, .48 in CSV; CLI probe 17).
            Cell::Tiv(v) => format!("{:.2}", round_to(*v, TIV_DECIMALS)),
            Cell::Num { v, decimals } => format!("{v:.decimals$}"),
            Cell::Pct { v, decimals } => format!("{:.decimals$}%", v * 100.0),
            Cell::List { items, shown } => {
                let mut s = items
                    .iter()
                    .take(*shown)
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(", ");
                if items.len() > *shown {
                    s.push_str(&format!(" (+{} more)", items.len() - shown));
                }
                s
            }
            Cell::Empty => String::new(),
        }
    }

    /// The number CSV and JSON write: fixed precision, no float noise.
    fn machine_number(&self) -> Option<f64> {
        let v = match self {
            Cell::Int(i) => *i as f64,
            Cell::Tiv(v) => round_to(*v, TIV_DECIMALS),
            Cell::Pct { v, .. } => round_to(v * 100.0, PCT_DECIMALS),
            Cell::Num { v, decimals } => round_to(*v, *decimals as i32 + EXTRA_DECIMALS),
            _ => return None,
        };
        v.is_finite().then_some(v)
    }

    /// Machine rendering: full text and lists, numbers at fixed precision,
    /// undefined numbers (0/0) empty.
    pub fn raw(&self) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Int(i) => i.to_string(),
            Cell::Bool(b) => b.to_string(),
            Cell::List { items, .. } => items.join("; "),
            Cell::Empty => String::new(),
            _ => self
                .machine_number()
                .map_or(String::new(), |v| v.to_string()),
        }
    }

    fn json(&self) -> serde_json::Value {
        use serde_json::Value;
        match self {
            Cell::Text(_) | Cell::List { .. } => Value::String(self.raw()),
            Cell::Int(i) => Value::from(*i),
            Cell::Bool(b) => Value::Bool(*b),
            Cell::Empty => Value::Null,
            _ => self.machine_number().map_or(Value::Null, Value::from),
        }
    }

    fn is_numeric(&self) -> bool {
        matches!(
            self,
            Cell::Int(_) | Cell::Tiv(_) | Cell::Num { .. } | Cell::Pct { .. }
        )
    }
}

/// Provenance key listing (comma-separated) the columns that hold
/// projections computed from SIPRI's figures (a scenario), not SIPRI's own.
pub const PROJECTED: &str = "projected_columns";

/// A titled table with notes; the unit every subcommand renders.
#[derive(Debug, Clone, Default)]
pub struct Table {
    pub title: String,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
    /// Shown under the table: window, release, attribution, caveats.
    pub notes: Vec<String>,
    /// Machine-readable provenance (`release`, `window`, `attribution`,
    /// `citation`, `synthetic`, ...): Parquet metadata, the data package
    /// descriptor, and `DataFrame.attrs` in Python.
    pub meta: Vec<(String, String)>,
}

impl Table {
    pub fn new(title: impl Into<String>, columns: &[&str]) -> Table {
        Table {
            title: title.into(),
            columns: columns.iter().map(|c| c.to_string()).collect(),
            ..Table::default()
        }
    }

    pub fn row(&mut self, cells: Vec<Cell>) {
        self.rows.push(cells);
    }

    /// Adds a note; on synthetic data (see [`Table::release_meta`]) no note
    /// credits SIPRI with a figure.
    pub fn note(&mut self, n: impl Into<String>) {
        let n = n.into();
        if self.get_meta("synthetic") == Some("true") {
            self.notes.push(model::without_sipri_credit(&n));
        } else {
            self.notes.push(n);
        }
    }

    /// Sets provenance `key` (replacing an earlier value).
    pub fn set_meta(&mut self, key: &str, value: impl Into<String>) {
        let value = value.into();
        match self.meta.iter_mut().find(|(k, _)| k == key) {
            Some(kv) => kv.1 = value,
            None => self.meta.push((key.to_string(), value)),
        }
    }

    pub fn get_meta(&self, key: &str) -> Option<&str> {
        self.meta
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// Release id, citation, attribution and the synthetic flag of `rel`.
    pub fn release_meta(&mut self, rel: &model::Release) {
        self.set_meta("release", rel.meta.id.clone());
        self.set_meta("citation", rel.citation());
        self.set_meta("attribution", rel.attribution());
        self.set_meta("synthetic", rel.meta.synthetic.to_string());
        for n in crate::common::take_name_notes() {
            self.notes.push(n);
        }
        // What the import found wrong with the file leads every answer from
        // the release (see `ReleaseMeta::caveats`).
        for n in crate::common::caveat_notes(rel).into_iter().rev() {
            if !self.notes.contains(&n) {
                self.notes.insert(0, n);
            }
        }
        if !rel.meta.caveats.is_empty() {
            self.set_meta("caveats", rel.meta.caveats.join(" | "));
        }
        if rel.meta.synthetic {
            for n in &mut self.notes {
                *n = model::without_sipri_credit(n);
            }
        }
    }

    fn cell(&self, r: usize, c: usize) -> &Cell {
        self.rows[r].get(c).unwrap_or(&Cell::Empty)
    }
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Format {
    /// Aligned columns for a terminal
    #[default]
    Table,
    /// RFC 4180, header first; notes to stderr (see --meta)
    Csv,
    /// Rows, notes and provenance in one object
    Json,
    /// A Markdown table with the notes under it
    Markdown,
    /// Needs -o FILE
    Parquet,
}

/// `--format`, `--output` and `--meta`, flattened into every query subcommand.
#[derive(clap::Args, Debug, Clone, Default)]
pub struct OutputArgs {
    /// Output format [default: from the -o file's extension (.csv, .json, .md, .parquet),
    /// else table]
    #[arg(long, short = 'f', value_enum)]
    pub format: Option<Format>,
    /// Write to FILE instead of standard output (required for parquet); with
    /// csv also writes a Data Package beside it (`kaz.csv` → `kaz.datapackage.json`:
    /// source, licence, release, window, field units)
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// CSV: keep the title and notes as leading `# ` comment lines instead of
    /// sending them to standard error
    #[arg(long)]
    pub meta: bool,
}

impl OutputArgs {
    /// The format asked for, else the one the output file's extension names,
    /// else a table (CLI probe 17: `-o kaz.csv` wrote an aligned text table
    /// into a file named .csv).
    pub fn format(&self) -> Format {
        let by_name = self.output.as_deref().and_then(format_of_path);
        if let (Some(asked), Some(named)) = (self.format, by_name)
            && asked != named
        {
            eprintln!(
                "armsflow: note: writing {} (asked for with --format) to a file named .{}",
                format!("{asked:?}").to_lowercase(),
                extension(self.output.as_deref()).unwrap_or_default()
            );
        }
        self.format.or(by_name).unwrap_or_default()
    }
}

fn extension(p: Option<&Path>) -> Option<String> {
    Some(p?.extension()?.to_str()?.to_ascii_lowercase())
}

/// The format a file name's extension names, if any.
fn format_of_path(p: &Path) -> Option<Format> {
    match extension(Some(p))?.as_str() {
        "csv" => Some(Format::Csv),
        "json" => Some(Format::Json),
        "md" | "markdown" => Some(Format::Markdown),
        "parquet" => Some(Format::Parquet),
        _ => None,
    }
}

/// Renders `t` as `args` asks, to stdout or the output file.
pub fn emit(t: &Table, args: &OutputArgs) -> anyhow::Result<()> {
    let t = &*crate::common::with_name_notes(t);
    let format = args.format();
    if format == Format::Parquet {
        let Some(path) = &args.output else {
            return Err(crate::common::UserError(
                "--format parquet writes a binary file: add -o FILE.parquet".into(),
            )
            .into());
        };
        return columnar::write_parquet(t, path);
    }
    let mut text = render(t, format)?;
    if format == Format::Csv {
        if args.meta {
            text = comment_lines(t) + &text;
        } else {
            provenance_to_stderr(t);
        }
    }
    match &args.output {
        Some(path) => {
            write_atomic(path, text.as_bytes())?;
            if format == Format::Csv {
                let dp = datapackage::path_for(path);
                let json = serde_json::to_string_pretty(&datapackage::descriptor(t, path))?;
                write_atomic(&dp, (json + "\n").as_bytes())?;
            }
            Ok(())
        }
        None => {
            let mut out = std::io::stdout().lock();
            // A closed pipe (`| head`) is not an error worth reporting.
            match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
                r => r.context("cannot write to standard output"),
            }
        }
    }
}

/// Writes beside `path` and renames, so a failure never leaves half a file.
fn write_atomic(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let name = path
        .file_name()
        .with_context(|| format!("{} is not a file name", path.display()))?;
    let tmp = path.with_file_name(format!(
        ".{}.{}.tmp",
        name.to_string_lossy(),
        std::process::id()
    ));
    let res = std::fs::write(&tmp, bytes).and_then(|_| std::fs::rename(&tmp, path));
    if res.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    res.with_context(|| format!("cannot write {}", path.display()))
}

fn comment_lines(t: &Table) -> String {
    std::iter::once(&t.title)
        .chain(&t.notes)
        .map(|l| format!("# {l}\n"))
        .collect()
}

/// Title and notes for the person at the terminal; stdout stays pure CSV.
fn provenance_to_stderr(t: &Table) {
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "{}", t.title);
    for n in &t.notes {
        let _ = writeln!(err, "{n}");
    }
}

/// Text formats; parquet is binary and goes through [`emit`]. CSV here is
/// the bare table (header first, no comments).
pub fn render(t: &Table, format: Format) -> anyhow::Result<String> {
    Ok(match format {
        Format::Table => render_table(t),
        Format::Markdown => render_markdown(t),
        Format::Csv => render_csv(t)?,
        Format::Json => serde_json::to_string_pretty(&to_json(t))? + "\n",
        Format::Parquet => anyhow::bail!("parquet is a binary format: use -o FILE"),
    })
}

fn numeric_col(t: &Table, c: usize) -> bool {
    (0..t.rows.len()).any(|r| t.cell(r, c).is_numeric())
}

fn render_table(t: &Table) -> String {
    let mut s = format!("{}\n\n", t.title);
    let cells: Vec<Vec<String>> = (0..t.rows.len())
        .map(|r| {
            (0..t.columns.len())
                .map(|c| t.cell(r, c).display())
                .collect()
        })
        .collect();
    let widths: Vec<usize> = (0..t.columns.len())
        .map(|c| {
            cells
                .iter()
                .map(|r| r[c].chars().count())
                .chain([t.columns[c].chars().count()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let right: Vec<bool> = (0..t.columns.len()).map(|c| numeric_col(t, c)).collect();
    let line = |vals: &[String]| -> String {
        let parts: Vec<String> = vals
            .iter()
            .enumerate()
            .map(|(c, v)| {
                let pad = widths[c].saturating_sub(v.chars().count());
                if right[c] {
                    format!("{}{v}", " ".repeat(pad))
                } else {
                    format!("{v}{}", " ".repeat(pad))
                }
            })
            .collect();
        parts.join("  ").trim_end().to_string() + "\n"
    };
    if !t.rows.is_empty() {
        s += &line(&t.columns);
        let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
        s += &(rule.join("  ") + "\n");
        for r in &cells {
            s += &line(r);
        }
        s.push('\n');
    }
    for n in &t.notes {
        s += n;
        s.push('\n');
    }
    s
}

fn md_escape(s: &str) -> String {
    s.replace('|', "\\|")
}

fn render_markdown(t: &Table) -> String {
    let mut s = format!("### {}\n\n", md_escape(&t.title));
    if !t.rows.is_empty() {
        let head: Vec<String> = t.columns.iter().map(|c| md_escape(c)).collect();
        s += &format!("| {} |\n", head.join(" | "));
        let align: Vec<&str> = (0..t.columns.len())
            .map(|c| if numeric_col(t, c) { "---:" } else { "---" })
            .collect();
        s += &format!("|{}|\n", align.join("|"));
        for r in 0..t.rows.len() {
            let vals: Vec<String> = (0..t.columns.len())
                .map(|c| md_escape(&t.cell(r, c).display()))
                .collect();
            s += &format!("| {} |\n", vals.join(" | "));
        }
        s.push('\n');
    }
    for n in &t.notes {
        s += &format!("{}  \n", md_escape(n));
    }
    s
}

fn render_csv(t: &Table) -> anyhow::Result<String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(&t.columns)?;
    for r in 0..t.rows.len() {
        w.write_record(
            (0..t.columns.len()).map(|c| model::csv_safe(&t.cell(r, c).raw()).into_owned()),
        )?;
    }
    Ok(String::from_utf8(w.into_inner()?)?)
}

fn to_json(t: &Table) -> serde_json::Value {
    let rows: Vec<serde_json::Value> = (0..t.rows.len())
        .map(|r| {
            let m: serde_json::Map<String, serde_json::Value> = t
                .columns
                .iter()
                .enumerate()
                .map(|(c, name)| (name.clone(), t.cell(r, c).json()))
                .collect();
            serde_json::Value::Object(m)
        })
        .collect();
    let meta: serde_json::Map<String, serde_json::Value> = t
        .meta
        .iter()
        .map(|(k, v)| (k.clone(), serde_json::Value::String(v.clone())))
        .collect();
    serde_json::json!({
        "title": t.title,
        "columns": t.columns,
        "rows": rows,
        "notes": t.notes,
        "provenance": meta,
    })
}

#[cfg(test)]
mod tests;

//! Rendering of results as table, CSV, JSON, Markdown or Parquet.
//!
//! Every subcommand builds one [`Table`]: a title, typed cells and notes (the
//! window, release, attribution and caveats). Values stay unrounded in cells;
//! only the human formats (table, markdown) round. CSV writes the notes as
//! leading `# ` comment lines, Parquet as file key-value metadata, JSON as a
//! `notes` array, so no format loses the attribution.

use anyhow::{Context, bail};
use std::io::Write;
use std::path::PathBuf;
use std::sync::Arc;

/// One value. The `decimals` of numbers apply to human formats only.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Int(i64),
    Num {
        v: f64,
        decimals: usize,
    },
    /// A fraction (0.884) shown as a percentage (88.4); machine formats write
    /// the percentage unrounded, so headers should say `%`.
    Pct {
        v: f64,
        decimals: usize,
    },
    Empty,
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }
    /// TIV millions: two decimals, as SIPRI publishes register values.
    pub fn tiv(v: f64) -> Cell {
        Cell::Num { v, decimals: 2 }
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

    /// Human rendering (rounded).
    pub fn display(&self) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Int(i) => i.to_string(),
            Cell::Num { v, decimals } => format!("{v:.decimals$}"),
            Cell::Pct { v, decimals } => format!("{:.decimals$}%", v * 100.0),
            Cell::Empty => String::new(),
        }
    }

    /// Machine rendering (unrounded).
    fn raw(&self) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Int(i) => i.to_string(),
            Cell::Num { v, .. } => v.to_string(),
            Cell::Pct { v, .. } => (v * 100.0).to_string(),
            Cell::Empty => String::new(),
        }
    }

    fn json(&self) -> serde_json::Value {
        use serde_json::Value;
        match self {
            Cell::Text(s) => Value::String(s.clone()),
            Cell::Int(i) => Value::from(*i),
            Cell::Num { v, .. } => Value::from(*v),
            Cell::Pct { v, .. } => Value::from(v * 100.0),
            Cell::Empty => Value::Null,
        }
    }

    fn is_numeric(&self) -> bool {
        matches!(self, Cell::Int(_) | Cell::Num { .. } | Cell::Pct { .. })
    }
}

/// A titled table with notes; the unit every subcommand renders.
#[derive(Debug, Clone, Default)]
pub struct Table {
    pub title: String,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
    /// Shown under the table: window, release, attribution, caveats.
    pub notes: Vec<String>,
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

    pub fn note(&mut self, n: impl Into<String>) {
        self.notes.push(n.into());
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
    Csv,
    Json,
    Markdown,
    /// Needs -o FILE
    Parquet,
}

/// `--format` and `--output`, flattened into every query subcommand.
#[derive(clap::Args, Debug, Clone, Default)]
pub struct OutputArgs {
    /// Output format
    #[arg(long, short = 'f', value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Write to FILE instead of standard output (required for parquet)
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Renders `t` as `args` asks, to stdout or the output file.
pub fn emit(t: &Table, args: &OutputArgs) -> anyhow::Result<()> {
    if args.format == Format::Parquet {
        let Some(path) = &args.output else {
            return Err(crate::common::UserError(
                "--format parquet writes a binary file: add -o FILE.parquet".into(),
            )
            .into());
        };
        return write_parquet(t, path);
    }
    let text = render(t, args.format)?;
    match &args.output {
        Some(path) => {
            std::fs::write(path, text).with_context(|| format!("cannot write {}", path.display()))
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

/// Text formats; parquet is binary and goes through [`emit`].
pub fn render(t: &Table, format: Format) -> anyhow::Result<String> {
    Ok(match format {
        Format::Table => render_table(t),
        Format::Markdown => render_markdown(t),
        Format::Csv => render_csv(t)?,
        Format::Json => serde_json::to_string_pretty(&to_json(t))? + "\n",
        Format::Parquet => bail!("parquet is a binary format: use -o FILE"),
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
    let mut s = String::new();
    for line in std::iter::once(&t.title).chain(&t.notes) {
        s += &format!("# {line}\n");
    }
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(&t.columns)?;
    for r in 0..t.rows.len() {
        w.write_record((0..t.columns.len()).map(|c| t.cell(r, c).raw()))?;
    }
    s += std::str::from_utf8(&w.into_inner()?)?;
    Ok(s)
}

fn to_json(t: &Table) -> serde_json::Value {
    let rows: Vec<serde_json::Value> = t
        .rows
        .iter()
        .enumerate()
        .map(|(r, _)| {
            let m: serde_json::Map<String, serde_json::Value> = t
                .columns
                .iter()
                .enumerate()
                .map(|(c, name)| (name.clone(), t.cell(r, c).json()))
                .collect();
            serde_json::Value::Object(m)
        })
        .collect();
    serde_json::json!({
        "title": t.title,
        "columns": t.columns,
        "rows": rows,
        "notes": t.notes,
    })
}

/// Column type for Parquet: numbers become doubles (Int64 if all integers),
/// anything mixed becomes text.
fn parquet_type(t: &Table, c: usize) -> arrow_schema::DataType {
    use arrow_schema::DataType;
    let mut ty: Option<DataType> = None;
    for r in 0..t.rows.len() {
        let this = match t.cell(r, c) {
            Cell::Empty => continue,
            Cell::Int(_) => DataType::Int64,
            Cell::Num { .. } | Cell::Pct { .. } => DataType::Float64,
            Cell::Text(_) => return DataType::Utf8,
        };
        ty = Some(match (ty, this) {
            (None, x) => x,
            (Some(DataType::Int64), DataType::Int64) => DataType::Int64,
            _ => DataType::Float64,
        });
    }
    ty.unwrap_or(DataType::Utf8)
}

fn write_parquet(t: &Table, path: &std::path::Path) -> anyhow::Result<()> {
    use arrow_array::{ArrayRef, Float64Array, Int64Array, RecordBatch, StringArray};
    use arrow_schema::{DataType, Field, Schema};
    use parquet::arrow::ArrowWriter;
    use parquet::file::metadata::KeyValue;
    use parquet::file::properties::WriterProperties;

    let mut fields = Vec::new();
    let mut cols: Vec<ArrayRef> = Vec::new();
    for c in 0..t.columns.len() {
        let ty = parquet_type(t, c);
        fields.push(Field::new(&t.columns[c], ty.clone(), true));
        let n = t.rows.len();
        cols.push(match ty {
            DataType::Int64 => {
                Arc::new(Int64Array::from_iter((0..n).map(|r| match t.cell(r, c) {
                    Cell::Int(i) => Some(*i),
                    _ => None,
                })))
            }
            DataType::Float64 => Arc::new(Float64Array::from_iter((0..n).map(
                |r| match t.cell(r, c) {
                    Cell::Int(i) => Some(*i as f64),
                    Cell::Num { v, .. } => Some(*v),
                    Cell::Pct { v, .. } => Some(v * 100.0),
                    _ => None,
                },
            ))),
            _ => Arc::new(StringArray::from_iter((0..n).map(|r| match t.cell(r, c) {
                Cell::Empty => None,
                x => Some(x.raw()),
            }))),
        });
    }
    let schema = Arc::new(Schema::new(fields));
    let batch = RecordBatch::try_new(schema.clone(), cols)?;
    let props = WriterProperties::builder()
        .set_key_value_metadata(Some(vec![
            KeyValue::new("title".into(), t.title.clone()),
            KeyValue::new("notes".into(), t.notes.join("\n")),
        ]))
        .build();
    let file =
        std::fs::File::create(path).with_context(|| format!("cannot create {}", path.display()))?;
    let mut w = ArrowWriter::try_new(file, schema, Some(props))?;
    w.write(&batch)?;
    w.close()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Table {
        let mut t = Table::new("Imports of A", &["rank", "supplier", "TIV", "share %"]);
        t.row(vec![
            Cell::Int(1),
            Cell::text("B|x"),
            Cell::tiv(1175.2),
            Cell::pct(0.88431),
        ]);
        t.row(vec![
            Cell::Int(2),
            Cell::text("C, D"),
            Cell::tiv(2.25),
            Cell::Empty,
        ]);
        t.note("Source: test");
        t
    }

    #[test]
    fn human_formats_round_machine_formats_do_not() {
        let t = sample();
        let table = render(&t, Format::Table).unwrap();
        assert!(table.contains("1175.20") && table.contains("88.4%"));
        assert!(table.ends_with("Source: test\n"));
        let md = render(&t, Format::Markdown).unwrap();
        assert!(md.contains("| 1 | B\\|x | 1175.20 | 88.4% |"));
        let csv = render(&t, Format::Csv).unwrap();
        assert!(csv.starts_with("# Imports of A\n# Source: test\nrank,supplier,TIV,share %\n"));
        assert!(csv.contains("\"C, D\",2.25,\n") && csv.contains("88.431"));
        let json: serde_json::Value =
            serde_json::from_str(&render(&t, Format::Json).unwrap()).unwrap();
        assert_eq!(json["rows"][0]["TIV"], 1175.2);
        assert!(json["rows"][1]["share %"].is_null());
        assert_eq!(json["notes"][0], "Source: test");
    }

    #[test]
    fn empty_table_still_prints_notes() {
        let mut t = Table::new("Nothing", &["a"]);
        t.note("No deliveries");
        assert_eq!(
            render(&t, Format::Table).unwrap(),
            "Nothing\n\nNo deliveries\n"
        );
    }

    #[test]
    fn parquet_round_trip() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("t.parquet");
        write_parquet(&sample(), &p).unwrap();
        let f = std::fs::File::open(&p).unwrap();
        let r = parquet::file::reader::SerializedFileReader::new(f).unwrap();
        use parquet::file::reader::FileReader;
        let md = r.metadata().file_metadata();
        assert_eq!(md.num_rows(), 2);
        let kv = md.key_value_metadata().unwrap();
        assert!(
            kv.iter()
                .any(|k| k.key == "notes" && k.value.as_deref() == Some("Source: test"))
        );
    }
}

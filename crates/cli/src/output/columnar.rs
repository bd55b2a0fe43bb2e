//! Tables as Arrow record batches: written to Parquet by the CLI and handed to
//! pandas by the Python package. Shares stay at full precision here; TIV is
//! rounded to hundredths (its exact value, see [`super::TIV_DECIMALS`]).

use super::{Cell, TIV_DECIMALS, Table, round_to};
use anyhow::Context;
use arrow_array::{ArrayRef, BooleanArray, Float64Array, Int64Array, RecordBatch, StringArray};
use arrow_schema::{DataType, Field, Schema};
use std::collections::HashMap;
use std::sync::Arc;

/// Column type: numbers become doubles (Int64 if all integers), anything
/// mixed becomes text.
fn column_type(t: &Table, c: usize) -> DataType {
    let mut ty: Option<DataType> = None;
    for r in 0..t.rows.len() {
        let this = match t.cell(r, c) {
            Cell::Empty => continue,
            Cell::Int(_) => DataType::Int64,
            Cell::Bool(_) => DataType::Boolean,
            Cell::Tiv(_) | Cell::Num { .. } | Cell::Pct { .. } => DataType::Float64,
            Cell::Text(_) | Cell::List { .. } => return DataType::Utf8,
        };
        ty = Some(match (ty, this) {
            (None, x) => x,
            (Some(a), b) if a == b => b,
            // Booleans never mix with numbers: text keeps both readable.
            (Some(DataType::Boolean), _) | (_, DataType::Boolean) => return DataType::Utf8,
            _ => DataType::Float64,
        });
    }
    ty.unwrap_or(DataType::Utf8)
}

/// Field metadata `unit` for TIV and percentage columns.
pub(super) fn column_unit(t: &Table, c: usize) -> Option<&'static str> {
    let mut cells = (0..t.rows.len()).map(|r| t.cell(r, c));
    let first = cells.find(|x| !matches!(x, Cell::Empty))?;
    let unit = match first {
        Cell::Tiv(_) => "TIV (millions)",
        Cell::Pct { .. } => "percent",
        _ => return None,
    };
    cells
        .all(|x| {
            matches!(x, Cell::Empty) || std::mem::discriminant(x) == std::mem::discriminant(first)
        })
        .then_some(unit)
}

/// Frictionless Table Schema type of column `c`.
pub(super) fn schema_type(t: &Table, c: usize) -> &'static str {
    match column_type(t, c) {
        DataType::Int64 => "integer",
        DataType::Float64 => "number",
        DataType::Boolean => "boolean",
        _ => "string",
    }
}

/// The table as one Arrow batch; title, notes and provenance in the schema
/// metadata (keys `title`, `notes` and each [`Table::meta`] key).
pub fn record_batch(t: &Table) -> anyhow::Result<RecordBatch> {
    let n = t.rows.len();
    let mut fields = Vec::new();
    let mut cols: Vec<ArrayRef> = Vec::new();
    for c in 0..t.columns.len() {
        let ty = column_type(t, c);
        let mut field = Field::new(&t.columns[c], ty.clone(), true);
        if let Some(u) = column_unit(t, c) {
            field = field.with_metadata(HashMap::from([("unit".to_string(), u.to_string())]));
        }
        fields.push(field);
        cols.push(match ty {
            DataType::Int64 => {
                Arc::new(Int64Array::from_iter((0..n).map(|r| match t.cell(r, c) {
                    Cell::Int(i) => Some(*i),
                    _ => None,
                })))
            }
            DataType::Boolean => Arc::new(BooleanArray::from_iter((0..n).map(
                |r| match t.cell(r, c) {
                    Cell::Bool(b) => Some(*b),
                    _ => None,
                },
            ))),
            DataType::Float64 => Arc::new(Float64Array::from_iter((0..n).map(
                |r| match t.cell(r, c) {
                    Cell::Int(i) => Some(*i as f64),
                    Cell::Tiv(v) => Some(round_to(*v, TIV_DECIMALS)),
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
    let mut md: HashMap<String, String> = t.meta.iter().cloned().collect();
    md.insert("title".into(), t.title.clone());
    md.insert("notes".into(), t.notes.join("\n"));
    let schema = Arc::new(Schema::new(fields).with_metadata(md));
    Ok(RecordBatch::try_new(schema, cols)?)
}

pub(super) fn write_parquet(t: &Table, path: &std::path::Path) -> anyhow::Result<()> {
    use parquet::arrow::ArrowWriter;
    use parquet::file::metadata::KeyValue;
    use parquet::file::properties::WriterProperties;

    let batch = record_batch(t)?;
    let mut kv = vec![
        KeyValue::new("title".into(), t.title.clone()),
        KeyValue::new("notes".into(), t.notes.join("\n")),
    ];
    kv.extend(
        t.meta
            .iter()
            .map(|(k, v)| KeyValue::new(k.clone(), v.clone())),
    );
    let props = WriterProperties::builder()
        .set_key_value_metadata(Some(kv))
        .build();
    let file =
        std::fs::File::create(path).with_context(|| format!("cannot create {}", path.display()))?;
    let mut w = ArrowWriter::try_new(file, batch.schema(), Some(props))?;
    w.write(&batch)?;
    w.close()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::tests::sample;

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
        assert!(
            kv.iter()
                .any(|k| k.key == "release" && k.value.as_deref() == Some("r1"))
        );
    }

    #[test]
    fn batch_keeps_full_share_precision_and_exact_tiv() {
        let mut t = Table::new("x", &["TIV", "share %", "names"]);
        t.row(vec![
            Cell::tiv(268.73 + 1694.87 + 1527.55),
            Cell::pct(2.0 / 3.0),
            Cell::list(vec!["a".into(), "b".into()], 1),
        ]);
        let b = record_batch(&t).unwrap();
        let tiv = b.column(0).as_any().downcast_ref::<Float64Array>().unwrap();
        assert_eq!(tiv.value(0).to_string(), "3491.15");
        let share = b.column(1).as_any().downcast_ref::<Float64Array>().unwrap();
        assert_eq!(share.value(0), 2.0 / 3.0 * 100.0);
        let names = b.column(2).as_any().downcast_ref::<StringArray>().unwrap();
        assert_eq!(names.value(0), "a; b");
        assert_eq!(
            b.schema()
                .field(0)
                .metadata()
                .get("unit")
                .map(String::as_str),
            Some("TIV (millions)")
        );
    }
}

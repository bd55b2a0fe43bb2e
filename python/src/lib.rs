//! `armsflow._native`: the Rust half of the Python package.
//!
//! Queries are parsed by the CLI's own clap definitions (so `period="2020-24"`,
//! a misspelt country or a missing release fail with the CLI's messages) and
//! computed by the CLI library's `compute` functions. Each result crosses to
//! Python as one pyarrow RecordBatch through the Arrow C data interface, with
//! the provenance (title, notes, release, window, attribution) beside it.

use armsflow_cli::cmd;
use armsflow_cli::common::{self, DataArgs, UserError};
use armsflow_cli::output::{self, Cell, Table};
use arrow_pyarrow::ToPyArrow;
use clap::Parser;
use pyo3::create_exception;
use pyo3::exceptions::PyException;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use std::path::PathBuf;

create_exception!(
    _native,
    ArmsflowError,
    PyException,
    "A query failed for a reason that is not the caller's input (I/O, a damaged release)."
);
create_exception!(
    _native,
    UsageError,
    ArmsflowError,
    "Bad input: unknown country or release, malformed period, empty data directory, ..."
);

/// The query subcommands, parsed exactly as the `armsflow` binary parses them.
#[derive(Parser)]
#[command(
    name = "armsflow",
    no_binary_name = true,
    disable_help_subcommand = true
)]
enum Query {
    Imports(cmd::imports::Args),
    Exports(cmd::exports::Args),
    Top(cmd::top::Args),
    Concentration(cmd::concentration::Args),
    Pair(cmd::pair::Args),
    Groups(cmd::groups::Args),
    Switching(cmd::switching::Args),
    EventStudy(cmd::event_study::Args),
    Pipeline(cmd::pipeline::Args),
    Diff(cmd::diff::Args),
    Check(cmd::check::Args),
    Deals(cmd::deals::Args),
    Fetch(cmd::fetch::Args),
}

fn to_py_err(e: anyhow::Error) -> PyErr {
    let msg = format!("{e:#}");
    if e.downcast_ref::<UserError>().is_some() {
        UsageError::new_err(msg)
    } else {
        ArmsflowError::new_err(msg)
    }
}

fn parse(argv: Vec<String>) -> PyResult<Query> {
    Query::try_parse_from(argv).map_err(|e| {
        // clap's own text, minus the "For more information, try '--help'" tail.
        let text = e.render().to_string();
        let text = text
            .lines()
            .filter(|l| !l.contains("try '--help'") && !l.trim().is_empty())
            .collect::<Vec<_>>()
            .join("\n");
        UsageError::new_err(text.trim_start_matches("error: ").to_string())
    })
}

fn compute(q: &Query) -> anyhow::Result<Table> {
    match q {
        Query::Imports(a) => cmd::imports::compute(a),
        Query::Exports(a) => cmd::exports::compute(a),
        Query::Top(a) => cmd::top::compute(a),
        Query::Concentration(a) => cmd::concentration::compute(a),
        Query::Pair(a) => cmd::pair::compute(a),
        Query::Groups(a) => cmd::groups::compute(a),
        Query::Switching(a) => cmd::switching::compute(a),
        Query::EventStudy(a) => cmd::event_study::compute(a),
        Query::Pipeline(a) => cmd::pipeline::compute(a),
        Query::Diff(a) => cmd::diff::compute(a),
        Query::Check(a) => cmd::check::compute(a),
        Query::Deals(a) => cmd::deals::compute(a),
        Query::Fetch(_) => Err(UserError("fetch is not a query".into()).into()),
    }
}

/// The batch and its provenance dict: `title`, `notes`, `units` and every
/// key of the table's metadata (`release`, `window`, `attribution`, ...).
fn hand_over<'py>(py: Python<'py>, t: &Table) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyDict>)> {
    let batch = output::record_batch(t).map_err(to_py_err)?;
    let attrs = PyDict::new(py);
    attrs.set_item("title", &t.title)?;
    attrs.set_item("notes", PyList::new(py, &t.notes)?)?;
    for (k, v) in &t.meta {
        match k.as_str() {
            "synthetic" => attrs.set_item(k, v == "true")?,
            // Coverage of the window (model::Coverage): years as integers.
            "release_years" | "missing_years" => {
                let years: Vec<u16> = v
                    .split([',', '-'])
                    .filter_map(|y| y.trim().parse().ok())
                    .collect();
                attrs.set_item(k, years)?
            }
            "estimated_share" => match v.parse::<f64>() {
                Ok(x) => attrs.set_item(k, x)?,
                Err(_) => attrs.set_item(k, v)?,
            },
            _ => attrs.set_item(k, v)?,
        }
    }
    let units = PyDict::new(py);
    for f in batch.schema().fields() {
        if let Some(u) = f.metadata().get("unit") {
            units.set_item(f.name(), u)?;
        }
    }
    attrs.set_item("units", units)?;
    Ok((batch.to_pyarrow(py)?, attrs))
}

/// Runs one query given as CLI arguments (`["imports", "Kazakhstan",
/// "--period", "2020-2024"]`) and returns `(pyarrow.RecordBatch, attrs)`.
#[pyfunction]
fn query<'py>(
    py: Python<'py>,
    argv: Vec<String>,
) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyDict>)> {
    let q = parse(argv)?;
    let t = py.detach(|| compute(&q)).map_err(to_py_err)?;
    hand_over(py, &t)
}

/// Checks every claim in `text`; returns `(pyarrow.RecordBatch, attrs)`.
#[pyfunction]
#[pyo3(signature = (text, verbose=false, release=None, data_dir=None))]
fn check_claims<'py>(
    py: Python<'py>,
    text: String,
    verbose: bool,
    release: Option<String>,
    data_dir: Option<PathBuf>,
) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyDict>)> {
    let data = DataArgs { data_dir, release };
    let t = py
        .detach(|| cmd::check_claims::compute(&text, "text", verbose, &[], &data))
        .map_err(to_py_err)?;
    hand_over(py, &t)
}

/// Stored releases, oldest first; `latest` marks the one queries default to.
#[pyfunction]
#[pyo3(signature = (data_dir=None))]
fn releases<'py>(
    py: Python<'py>,
    data_dir: Option<PathBuf>,
) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyDict>)> {
    let t = py
        .detach(|| releases_table(data_dir.as_deref()))
        .map_err(to_py_err)?;
    hand_over(py, &t)
}

fn releases_table(dir: Option<&std::path::Path>) -> anyhow::Result<Table> {
    let store = common::open_store_at(dir)?;
    let metas = store.list()?;
    let mut t = Table::new(
        format!("Releases in {}", store.dir().display()),
        &[
            "id",
            "format",
            "generated",
            "first year",
            "last year",
            "synthetic",
            "source file",
            "imported at",
            "flows",
            "deals",
            "rejected rows",
            "TIV total",
            "latest",
        ],
    );
    let n = metas.len();
    for (i, m) in metas.into_iter().enumerate() {
        let r = store.report(&m.id)?;
        let year = |y: Option<u16>| y.map_or(Cell::Empty, |y| Cell::Int(y.into()));
        t.row(vec![
            Cell::text(&m.id),
            Cell::text(m.format.as_str()),
            Cell::text(m.generated.clone().unwrap_or(m.generated_raw.clone())),
            year(m.first_year),
            year(m.last_year),
            Cell::Bool(m.synthetic),
            Cell::text(&m.source_file),
            Cell::text(&m.imported_at),
            Cell::Int(r.flows as i64),
            Cell::Int(r.deals as i64),
            Cell::Int(r.rejected.len() as i64),
            Cell::tiv(r.tiv_total),
            Cell::Bool(i + 1 == n),
        ]);
    }
    t.set_meta("attribution", model::SIPRI_ATTRIBUTION);
    Ok(t)
}

/// Imports one SIPRI export file; returns a dict with the release id, whether
/// it was new, and the import accounting.
#[pyfunction]
#[pyo3(signature = (path, data_dir=None, skip_bad_rows=false))]
fn import_file<'py>(
    py: Python<'py>,
    path: PathBuf,
    data_dir: Option<PathBuf>,
    skip_bad_rows: bool,
) -> PyResult<Bound<'py, PyDict>> {
    let (id, created, report, synthetic) = py
        .detach(|| -> anyhow::Result<_> {
            let bytes = std::fs::read(&path)
                .map_err(|e| UserError(format!("{}: cannot read: {e}", path.display())))?;
            let opts = sipri::ReadOptions {
                file_name: path.display().to_string(),
                skip_bad_rows,
            };
            let (release, report) =
                sipri::read(&bytes, &opts).map_err(|e| UserError(e.to_string()))?;
            let store = common::open_store_at(data_dir.as_deref())?;
            let outcome = store.put(&release, &report)?;
            let created = matches!(outcome, store::PutOutcome::Created(_));
            Ok((
                outcome.id().to_string(),
                created,
                report,
                release.meta.synthetic,
            ))
        })
        .map_err(to_py_err)?;
    let d = PyDict::new(py);
    d.set_item("release", id)?;
    d.set_item("created", created)?;
    d.set_item("synthetic", synthetic)?;
    d.set_item("rows_read", report.rows_read)?;
    d.set_item("rows_imported", report.rows_imported)?;
    d.set_item("rows_repaired", report.rows_repaired)?;
    let rejected = PyList::empty(py);
    for r in &report.rejected {
        rejected.append((r.line, r.reason.to_string()))?;
    }
    d.set_item("rejected", rejected)?;
    let unresolved = PyList::empty(py);
    for u in &report.unresolved {
        unresolved.append(&u.name)?;
    }
    d.set_item("unresolved_names", unresolved)?;
    d.set_item("deals", report.deals)?;
    d.set_item("flows", report.flows)?;
    d.set_item(
        "tiv_total",
        output::round_to(report.tiv_total, output::TIV_DECIMALS),
    )?;
    Ok(d)
}

/// Downloads the current register from SIPRI and imports it, as
/// `armsflow fetch ARGS` does (progress on the terminal).
#[pyfunction]
fn fetch(py: Python<'_>, argv: Vec<String>) -> PyResult<()> {
    let mut full = vec!["fetch".to_string()];
    full.extend(argv);
    match parse(full)? {
        Query::Fetch(a) => py.detach(|| cmd::fetch::run(a)).map_err(to_py_err),
        _ => Err(UsageError::new_err("fetch: unexpected arguments")),
    }
}

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(query, m)?)?;
    m.add_function(wrap_pyfunction!(check_claims, m)?)?;
    m.add_function(wrap_pyfunction!(releases, m)?)?;
    m.add_function(wrap_pyfunction!(import_file, m)?)?;
    m.add_function(wrap_pyfunction!(fetch, m)?)?;
    m.add("ArmsflowError", m.py().get_type::<ArmsflowError>())?;
    m.add("UsageError", m.py().get_type::<UsageError>())?;
    m.add("SIPRI_ATTRIBUTION", model::SIPRI_ATTRIBUTION)?;
    Ok(())
}

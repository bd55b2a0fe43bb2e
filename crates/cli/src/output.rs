//! Rendering of results as table, CSV, JSON, Markdown or Parquet.

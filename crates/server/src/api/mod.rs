//! JSON handlers. Each one parses its parameters ([`crate::params`]), calls the
//! engine and hands the result to [`crate::present`]; no metric is computed here.

pub mod analysis;
pub mod core;
pub mod explore;
pub mod map;
pub mod meta;
pub mod text;

use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::work::Cancel;
use std::sync::Arc;

/// Runs heavy engine work (all pairs, diffs, claims, scenarios) through the
/// small heavy queue on the blocking pool: bounded, cancellable, 503 when full.
pub async fn heavy<T: Send + 'static>(
    st: Arc<AppState>,
    f: impl FnOnce(&Cancel) -> ApiResult<T> + Send + 'static,
) -> ApiResult<T> {
    st.heavy.run(f).await
}

/// Runs light engine work (one country, one list) through the larger light
/// queue, so that a flood of heavy requests never starves the dashboard.
pub async fn light<T: Send + 'static>(
    st: Arc<AppState>,
    f: impl FnOnce(&Cancel) -> ApiResult<T> + Send + 'static,
) -> ApiResult<T> {
    st.light.run(f).await
}

/// Reads a request body up to `limit` bytes; over it, a JSON 413.
pub async fn read_body(body: axum::body::Body, limit: usize) -> ApiResult<axum::body::Bytes> {
    axum::body::to_bytes(body, limit).await.map_err(|_| {
        ApiError::new(
            axum::http::StatusCode::PAYLOAD_TOO_LARGE,
            "body_too_large",
            format!("the request body is over the limit of {limit} bytes (max_body)"),
        )
    })
}

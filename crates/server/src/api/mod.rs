//! JSON handlers. Each one parses its parameters ([`crate::params`]), calls the
//! engine and hands the result to [`crate::present`]; no metric is computed here.

pub mod analysis;
pub mod core;
pub mod meta;
pub mod text;

use crate::error::{ApiError, ApiResult};

/// Runs engine work on the blocking pool, so that a long computation never
/// stalls the async workers and the request timeout can still fire.
pub async fn compute<T: Send + 'static>(
    f: impl FnOnce() -> ApiResult<T> + Send + 'static,
) -> ApiResult<T> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| ApiError::internal(format!("computation failed: {e}")))?
}

/// Reads a request body up to `limit` bytes; over it, a JSON 413.
pub async fn read_body(body: axum::body::Body, limit: usize) -> ApiResult<axum::body::Bytes> {
    axum::body::to_bytes(body, limit).await.map_err(|_| {
        ApiError::new(
            axum::http::StatusCode::PAYLOAD_TOO_LARGE,
            "too_large",
            format!("the request body is over the limit of {limit} bytes"),
        )
    })
}

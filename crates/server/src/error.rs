//! JSON errors: `{error, message, suggestions?, error_id?}` with a 4xx/5xx
//! status, so that API clients can branch on `error` and show `message` to
//! people. Internal errors are logged in full server-side under an error id;
//! the client gets the id only, never paths or internals.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

/// Every error answer of the API (its schema in the OpenAPI document is
/// derived from this type).
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
#[schema(as = Error)]
pub struct ApiError {
    #[serde(skip)]
    #[schema(ignore)]
    pub status: StatusCode,
    /// Machine-readable kind: `bad_request`, `not_found`, `unauthorized`, ….
    pub error: &'static str,
    pub message: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub suggestions: Vec<String>,
    /// Set on internal errors: the key of the server-side log line.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error_id: Option<String>,
}

/// A short id that is unique enough to find one log line.
pub fn new_error_id() -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static N: AtomicU64 = AtomicU64::new(0);
    let t = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(0);
    let n = N.fetch_add(1, Ordering::Relaxed);
    format!(
        "{:016x}",
        crate::cache::fnv1a(&[t.to_le_bytes(), n.to_le_bytes()].concat())
    )
}

impl ApiError {
    pub fn new(status: StatusCode, error: &'static str, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            error,
            message: message.into(),
            suggestions: Vec::new(),
            error_id: None,
        }
    }

    /// A question only a register answers ([`engine::needs_register`]):
    /// 422 `needs_register`, as for a pair on a TIV table.
    pub fn needs_register(rel: &model::Release, what: &str) -> Result<(), ApiError> {
        Self::refuse(engine::needs_register(rel, what))
    }

    /// A question across every country ([`engine::needs_whole`]), as
    /// [`ApiError::needs_register`].
    pub fn needs_whole(rel: &model::Release, what: &str) -> Result<(), ApiError> {
        Self::refuse(engine::needs_whole(rel, what))
    }

    /// One armament category of a release without categories (a TIV table,
    /// SIPRI's legacy register: [`engine::needs_categories`]), as
    /// [`ApiError::needs_register`].
    pub fn needs_categories(rel: &model::Release) -> Result<(), ApiError> {
        Self::refuse(engine::needs_categories(rel))
    }

    /// An order-year figure where the release records no orders
    /// ([`engine::needs_orders`]), as [`ApiError::needs_register`].
    pub fn needs_orders(rel: &model::Release) -> Result<(), ApiError> {
        Self::refuse(engine::needs_orders(rel))
    }

    /// A question the release holds only part of the answer to (a TIV table
    /// asked about the other side or another supplier, or the unknown pool
    /// as a party: [`engine::one_sided`]), as [`ApiError::needs_register`].
    pub fn one_sided(
        rel: &model::Release,
        dir: engine::Direction,
        focus: Option<model::EntityId>,
    ) -> Result<(), ApiError> {
        Self::refuse(engine::one_sided(rel, dir, focus))
    }

    fn refuse(why: Option<String>) -> Result<(), ApiError> {
        match why {
            None => Ok(()),
            Some(why) => Err(ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "needs_register",
                why,
            )),
        }
    }

    pub fn bad_request(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, "bad_request", message)
    }

    pub fn not_found(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::NOT_FOUND, "not_found", message)
    }

    /// Logs `detail` with a fresh error id; the client sees only the id.
    pub fn internal(detail: impl Into<String>) -> ApiError {
        let id = new_error_id();
        tracing::error!(error_id = %id, detail = %detail.into(), "internal error");
        ApiError {
            error_id: Some(id.clone()),
            ..ApiError::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                "internal",
                format!("internal error (reference {id}); the details are in the server log"),
            )
        }
    }

    /// A limit was exceeded: 413 for request size, 422 for work or output.
    pub fn limit(status: StatusCode, error: &'static str, message: impl Into<String>) -> ApiError {
        ApiError::new(status, error, message)
    }

    pub fn with_suggestions(mut self, s: Vec<String>) -> ApiError {
        self.suggestions = s;
        self
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)?;
        if !self.suggestions.is_empty() {
            write!(f, " (did you mean: {}?)", self.suggestions.join(", "))?;
        }
        Ok(())
    }
}

impl std::error::Error for ApiError {}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body =
            serde_json::to_vec(&self).unwrap_or_else(|_| b"{\"error\":\"internal\"}".to_vec());
        let mut resp = (self.status, body).into_response();
        let h = resp.headers_mut();
        h.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        );
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        if self.status == StatusCode::SERVICE_UNAVAILABLE
            || self.status == StatusCode::TOO_MANY_REQUESTS
        {
            h.insert(
                header::RETRY_AFTER,
                HeaderValue::from(crate::work::RETRY_AFTER_SECS),
            );
        }
        if self.status == StatusCode::UNAUTHORIZED {
            h.insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static("Bearer realm=\"armsflow\""),
            );
        }
        resp
    }
}

pub type ApiResult<T> = Result<T, ApiError>;

//! HTTP API and web dashboard: `armsflow serve`.
//!
//! One binary serves both, read-only by default, bound to loopback. Handlers
//! stay thin (parse parameters, call the engine, present); every computed GET
//! response is cached per (release, query) and carries an `ETag` keyed by the
//! release id, so repeated dashboard and API hits cost a hash lookup.
//!
//! Layout: [`state`] (releases, demo data), [`params`] (query parsing and
//! validation), [`api`] (JSON handlers), [`pages`] (HTML), [`charts`] (SVG),
//! [`routes`] (the route table the router and the OpenAPI document are both
//! built from), [`cache`] and [`harden`] (middleware).

pub mod api;
pub mod assets;
pub mod cache;
pub mod charts;
pub mod error;
pub mod harden;
pub mod html;
pub mod openapi;
pub mod pages;
pub mod params;
pub mod present;
pub mod routes;
pub mod state;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

pub use error::ApiError;
pub use state::AppState;

/// Loopback only: exposing the server is a deliberate `--bind` choice.
pub const DEFAULT_BIND: &str = "127.0.0.1:8080";

/// Environment variable holding the admin token (enables `POST /api/releases`).
pub const ADMIN_TOKEN_ENV: &str = "ARMSFLOW_ADMIN_TOKEN";

/// Resource limits; the defaults suit a laptop and the load benchmark.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Largest request body of the JSON/text endpoints (scenario, claims).
    pub max_body: usize,
    /// Largest file `POST /api/releases` accepts (the 2026 register is 2.7 MB).
    pub max_upload: usize,
    /// Longest query string; longer requests get 414.
    pub max_query: usize,
    /// A request still running after this gets 503.
    pub timeout: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_body: 256 * 1024,
            max_upload: 64 * 1024 * 1024,
            max_query: 2048,
            timeout: Duration::from_secs(15),
        }
    }
}

/// What `armsflow serve` needs.
#[derive(Debug, Clone)]
pub struct ServeConfig {
    pub bind: SocketAddr,
    pub data_dir: PathBuf,
    /// `None`: read-only. `Some`: `POST /api/releases` with this bearer token imports.
    pub admin_token: Option<String>,
    pub limits: Limits,
}

impl ServeConfig {
    /// Default bind (127.0.0.1:8080), read-only, default limits.
    pub fn new(data_dir: impl Into<PathBuf>) -> ServeConfig {
        ServeConfig {
            bind: DEFAULT_BIND.parse().expect("constant address"),
            data_dir: data_dir.into(),
            admin_token: None,
            limits: Limits::default(),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error("cannot listen on {addr}: {err}")]
    Bind {
        addr: SocketAddr,
        err: std::io::Error,
    },
    #[error("{0}")]
    Setup(String),
    #[error("server failed: {0}")]
    Io(#[from] std::io::Error),
}

/// The whole application (API, pages, assets, middleware) over `state`.
pub fn app(state: Arc<AppState>) -> axum::Router {
    routes::router(state)
}

/// A bound, not yet running server; lets callers learn the port before serving.
pub struct Server {
    listener: tokio::net::TcpListener,
    state: Arc<AppState>,
}

impl Server {
    pub fn local_addr(&self) -> SocketAddr {
        self.listener
            .local_addr()
            .expect("a bound listener has an address")
    }

    /// `http://ADDR/`, for printing.
    pub fn url(&self) -> String {
        format!("http://{}/", self.local_addr())
    }

    pub fn state(&self) -> &Arc<AppState> {
        &self.state
    }

    /// Serves until Ctrl-C / SIGTERM.
    pub async fn run(self) -> Result<(), ServeError> {
        self.run_until(shutdown_signal()).await
    }

    /// Serves until `shutdown` completes (tests pass a oneshot receiver).
    pub async fn run_until(
        self,
        shutdown: impl std::future::Future<Output = ()> + Send + 'static,
    ) -> Result<(), ServeError> {
        let app = app(self.state);
        axum::serve(self.listener, app)
            .with_graceful_shutdown(shutdown)
            .await?;
        Ok(())
    }
}

/// Opens the store (generating the SYNTHETIC demo when it holds no release)
/// and binds the listener.
pub async fn bind(config: ServeConfig) -> Result<Server, ServeError> {
    let ServeConfig {
        bind,
        data_dir,
        admin_token,
        limits,
    } = config;
    let state = tokio::task::spawn_blocking(move || AppState::open(&data_dir, admin_token, limits))
        .await
        .map_err(|e| ServeError::Setup(e.to_string()))?
        .map_err(ServeError::Setup)?;
    let listener = tokio::net::TcpListener::bind(bind)
        .await
        .map_err(|err| ServeError::Bind { addr: bind, err })?;
    Ok(Server {
        listener,
        state: Arc::new(state),
    })
}

/// `bind` then `run`: the whole of `armsflow serve`.
pub async fn serve(config: ServeConfig) -> Result<(), ServeError> {
    bind(config).await?.run().await
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
}

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
//! built from), [`cache`] and [`harden`] (middleware), [`work`] (the bounded,
//! cancellable queues for engine work).
//!
//! Connections are served by hyper's HTTP/1 builder directly (not `axum::serve`)
//! for what a server facing careless or hostile clients needs: a header-read
//! timeout that also closes idle keep-alive connections, a cap on concurrent
//! connections below the open-files limit, and graceful shutdown with a
//! deadline. Every limit is in [`Limits`] and documented in docs/reliability.md.

pub mod api;
pub mod assets;
pub mod cache;
pub mod charts;
pub mod csvout;
pub mod error;
pub mod harden;
pub mod html;
pub mod i18n;
pub mod kit;
pub mod map;
pub mod numfmt;
pub mod openapi;
pub mod pages;
pub mod params;
pub mod present;
pub mod query;
pub mod routes;
pub mod state;
pub mod strict;
pub mod work;

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

/// Resource limits; the defaults suit a laptop and the load benchmark. Why
/// each value: docs/reliability.md.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Largest request body of the JSON/text endpoints (scenario, claims).
    pub max_body: usize,
    /// Largest file `POST /api/releases` accepts (the 2026 register is 2.7 MB).
    pub max_upload: usize,
    /// Longest query string; longer requests get 414.
    pub max_query: usize,
    /// A request still running after this gets 503 (and its work is cancelled).
    pub timeout: Duration,
    /// Claims checked per request; more is a 422.
    pub max_claims: usize,
    /// Largest GET answer; larger is a 422 asking for a narrower query.
    pub max_response: usize,
    /// Flows two releases may hold together for a diff on the server (after
    /// a `country` narrows them); more is a 422. A diff holds every cell and
    /// deal of both in memory and runs to its end once started (robustness
    /// probe 19: two SYNTHETIC releases of a million rows took 24 GB).
    pub max_diff_flows: usize,
    /// Heavy computations (diff, all pairs, claims, scenarios) run at once …
    pub heavy_running: usize,
    /// … and waiting; beyond both, 503 with `Retry-After`.
    pub heavy_waiting: usize,
    /// Light computations (one country, one list) run at once …
    pub light_running: usize,
    /// … and waiting.
    pub light_waiting: usize,
    /// Open connections at most (lowered to fit the open-files limit).
    pub max_connections: usize,
    /// A connection that sends no complete request header within this, idle
    /// keep-alive connections included, is closed.
    pub header_timeout: Duration,
    /// A request body that pauses this long between two parts gets 408.
    pub body_timeout: Duration,
    /// On SIGTERM, connections still open after this are dropped.
    pub shutdown_grace: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        Limits {
            max_body: 256 * 1024,
            max_upload: 64 * 1024 * 1024,
            max_query: 2048,
            timeout: Duration::from_secs(15),
            max_claims: 200,
            max_response: 32 * 1024 * 1024,
            // 20 times SIPRI's register (about 25,000 flows each).
            max_diff_flows: 500_000,
            heavy_running: cores,
            heavy_waiting: 4 * cores,
            light_running: 4 * cores,
            light_waiting: 128,
            max_connections: 4096,
            header_timeout: Duration::from_secs(5),
            // Under `timeout`, or a stalled body would only ever meet that
            // limit's 503 (robustness probe 19): a pause this long between
            // two parts of a body is a 408.
            body_timeout: Duration::from_secs(10),
            shutdown_grace: Duration::from_secs(5),
        }
    }
}

/// Header timeout of connections accepted while fewer than 1/8 of the
/// connection slots are free.
pub const PRESSED_HEADER_TIMEOUT: Duration = Duration::from_secs(1);

/// File descriptors kept free of connections: data files, the listener,
/// the blocking pool, logs.
pub const FD_RESERVE: usize = 128;

/// What `armsflow serve` needs.
#[derive(Debug, Clone)]
pub struct ServeConfig {
    pub bind: SocketAddr,
    pub data_dir: PathBuf,
    /// `None`: read-only. `Some`: `POST /api/releases` with this bearer token
    /// imports; at least [`state::MIN_TOKEN_LEN`] characters.
    pub admin_token: Option<String>,
    pub limits: Limits,
    /// Extra `Host` names a loopback-bound server answers (behind a proxy).
    pub public_hosts: Vec<String>,
}

impl ServeConfig {
    /// Default bind (127.0.0.1:8080), read-only, default limits.
    pub fn new(data_dir: impl Into<PathBuf>) -> ServeConfig {
        ServeConfig {
            bind: DEFAULT_BIND.parse().expect("constant address"),
            data_dir: data_dir.into(),
            admin_token: None,
            limits: Limits::default(),
            public_hosts: Vec::new(),
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
/// Inside a tokio runtime this also starts the re-reading of the data dir.
pub fn app(state: Arc<AppState>) -> axum::Router {
    state.watch();
    routes::router(state)
}

/// Logs to stderr, one line per request (`ARMSFLOW_LOG` filters, default
/// `info`). A second call is a no-op.
pub fn init_logging() {
    let filter = tracing_subscriber::EnvFilter::try_from_env("ARMSFLOW_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    use std::io::IsTerminal;
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .with_target(false)
        .try_init();
}

/// Raises the soft open-files limit to the hard one (at most 65,536) and
/// returns the soft limit in force.
#[cfg(unix)]
pub fn raise_fd_limit() -> Option<usize> {
    let mut r = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit/setrlimit only read and write the struct we pass.
    unsafe {
        if libc::getrlimit(libc::RLIMIT_NOFILE, &mut r) != 0 {
            return None;
        }
        let want = r.rlim_max.min(65_536);
        if r.rlim_cur < want {
            let n = libc::rlimit {
                rlim_cur: want,
                rlim_max: r.rlim_max,
            };
            if libc::setrlimit(libc::RLIMIT_NOFILE, &n) == 0 {
                r.rlim_cur = want;
            }
        }
    }
    Some(r.rlim_cur as usize)
}

#[cfg(not(unix))]
pub fn raise_fd_limit() -> Option<usize> {
    None
}

/// Connections allowed at once: the configured cap, below the fd limit.
pub fn connection_cap(configured: usize) -> usize {
    match raise_fd_limit() {
        Some(n) => configured.min(n.saturating_sub(FD_RESERVE).max(16)),
        None => configured,
    }
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

    /// Serves until Ctrl-C / SIGTERM, logging to stderr.
    pub async fn run(self) -> Result<(), ServeError> {
        init_logging();
        self.run_until(shutdown_signal()).await
    }

    /// Serves until `shutdown` completes (tests pass a oneshot receiver),
    /// then lets open requests finish for at most `shutdown_grace`.
    pub async fn run_until(
        self,
        shutdown: impl std::future::Future<Output = ()> + Send + 'static,
    ) -> Result<(), ServeError> {
        use hyper_util::rt::{TokioIo, TokioTimer};
        use tower::ServiceExt;
        let limits = self.state.limits.clone();
        let app = app(self.state.clone());
        let cap = connection_cap(limits.max_connections);
        tracing::info!(addr = %self.local_addr(), max_connections = cap, "serving");
        let slots = Arc::new(tokio::sync::Semaphore::new(cap));
        // HTTP/1 only: the auto (h1/h2) builder waits for a client's first
        // bytes with no timeout, so a silent connection would be held forever.
        let mut builder = hyper::server::conn::http1::Builder::new();
        builder
            .timer(TokioTimer::new())
            .header_read_timeout(limits.header_timeout)
            .max_buf_size(64 * 1024);
        // Under pressure (few slots left), new connections get a short header
        // timeout, so a flood of idle or trickling clients frees its slots fast.
        let mut pressed = builder.clone();
        pressed.header_read_timeout(PRESSED_HEADER_TIMEOUT.min(limits.header_timeout));
        let low_water = cap / 8;
        let graceful = hyper_util::server::graceful::GracefulShutdown::new();
        tokio::pin!(shutdown);
        loop {
            // Wait for a free slot before accepting: over the cap, clients
            // wait in the kernel's backlog (no fd used) until one frees.
            let slot = tokio::select! {
                _ = &mut shutdown => break,
                s = slots.clone().acquire_owned() => s.map_err(|e| ServeError::Setup(e.to_string()))?,
            };
            let (stream, peer) = tokio::select! {
                _ = &mut shutdown => break,
                r = self.listener.accept() => match r {
                    Ok(x) => x,
                    Err(e) => {
                        // EMFILE and friends: back off, never exit.
                        tracing::warn!(error = %e, "accept failed");
                        tokio::time::sleep(Duration::from_millis(50)).await;
                        continue;
                    }
                },
            };
            let _ = stream.set_nodelay(true);
            let app = app.clone();
            let svc = hyper::service::service_fn(
                move |mut req: hyper::Request<hyper::body::Incoming>| {
                    req.extensions_mut().insert(harden::Peer(peer));
                    app.clone().oneshot(req.map(axum::body::Body::new))
                },
            );
            let b = if slots.available_permits() < low_water {
                &pressed
            } else {
                &builder
            };
            let conn = graceful.watch(b.serve_connection(TokioIo::new(stream), svc));
            tokio::spawn(async move {
                let _ = conn.await;
                drop(slot);
            });
        }
        drop(self.listener);
        tracing::info!("shutting down");
        if tokio::time::timeout(limits.shutdown_grace, graceful.shutdown())
            .await
            .is_err()
        {
            tracing::warn!(
                grace_ms = limits.shutdown_grace.as_millis() as u64,
                "connections still open after the grace period: dropped"
            );
        }
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
        public_hosts,
    } = config;
    let hosts = bind
        .ip()
        .is_loopback()
        .then(|| harden::loopback_hosts(&public_hosts));
    let state = tokio::task::spawn_blocking(move || {
        AppState::open(&data_dir, admin_token, limits).map(|s| s.with_allowed_hosts(hosts))
    })
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

//! Downloading the trade register from SIPRI's public backend
//! (`https://atbackend.sipri.org/api/p`, the one behind armstransfers.sipri.org).
//!
//! `POST /trades/trade-register-csv/` takes the same JSON filter object as the
//! web application and answers `{"bytes": "<base64 CSV>"}`; see
//! `shared/notes/sipri-api.md`, section B1. The backend is slow (10-30 s per
//! request), so the client waits long, sends one request at a time, retries
//! server errors a bounded number of times with deterministic exponential
//! back-off, and names itself in its User-Agent.
//!
//! Every failure becomes one [`FetchError`] whose message is a single line that
//! says what happened and what to do. Nothing here touches the store: the
//! caller imports the returned bytes only when the whole download succeeded.

mod answer;

pub use answer::{check_register, decode_base64};
use answer::{decode_answer, status_detail};
use std::time::{Duration, SystemTime};

/// SIPRI's public backend.
pub const DEFAULT_BASE_URL: &str = "https://atbackend.sipri.org/api/p";
/// The trade-register endpoint, relative to the base URL.
pub const REGISTER_PATH: &str = "/trades/trade-register-csv/";
/// The "last year with data" endpoint, relative to the base URL.
pub const MAX_YEAR_PATH: &str = "/trades/getMaxYear";
/// What to do when fetching is impossible.
pub const MANUAL_HINT: &str = "download the register from https://armstransfers.sipri.org \
(Trade registers → CSV) and run `armsflow import FILE`";
/// First delivery year SIPRI's database covers.
pub const FIRST_YEAR: u16 = 1950;

/// Answers larger than this are refused (the full register is about 4 MB as base64).
const MAX_BODY: u64 = 512 << 20;

/// The User-Agent armsflow sends: names the tool and where to find it.
pub fn user_agent() -> String {
    format!(
        "armsflow/{} (+https://github.com/armsflow; arms-transfer research tool)",
        env!("CARGO_PKG_VERSION")
    )
}

/// How to talk to the backend.
#[derive(Debug, Clone, PartialEq)]
pub struct FetchConfig {
    /// Base URL without the endpoint path; a mirror or a local mock in tests.
    pub base_url: String,
    /// Whole-request timeout, including reading the answer.
    pub timeout: Duration,
    /// Further attempts after the first, for server errors and broken connections.
    pub retries: u32,
    /// Delay before the first retry; each later retry waits twice as long.
    pub backoff: Duration,
    pub user_agent: String,
    /// Delivery years requested, inclusive.
    pub from_year: u16,
    pub to_year: u16,
}

impl Default for FetchConfig {
    fn default() -> Self {
        FetchConfig {
            base_url: DEFAULT_BASE_URL.to_string(),
            timeout: Duration::from_secs(120),
            retries: 3,
            backoff: Duration::from_secs(2),
            user_agent: user_agent(),
            from_year: FIRST_YEAR,
            to_year: current_year(),
        }
    }
}

impl FetchConfig {
    /// Full URL of an endpoint path such as [`REGISTER_PATH`].
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base_url.trim_end_matches('/'), path)
    }

    /// Wait before retry number `retry` (1-based): `backoff × 2^(retry-1)`, capped
    /// at 5 minutes. Deterministic, so tests and users can predict it.
    pub fn retry_delay(&self, retry: u32) -> Duration {
        let factor = 1u32 << retry.saturating_sub(1).min(16);
        self.backoff
            .saturating_mul(factor)
            .min(Duration::from_secs(300))
    }
}

/// The calendar year now (UTC), from the system clock.
pub fn current_year() -> u16 {
    let secs = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    year_of_unix_day((secs / 86_400) as i64)
}

/// Civil year of a day counted from 1970-01-01 (proleptic Gregorian).
fn year_of_unix_day(days: i64) -> u16 {
    // Howard Hinnant's days-to-civil algorithm, year part only.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let y = yoe + era * 400 + i64::from(mp >= 10);
    y.clamp(0, i64::from(u16::MAX)) as u16
}

/// What the download is doing, for a progress display.
#[derive(Debug, Clone, PartialEq)]
pub enum FetchEvent {
    /// Sending request `attempt` (1-based) of at most `attempts`.
    Sending {
        url: String,
        attempt: u32,
        attempts: u32,
    },
    /// The answer's headers arrived; its body is being read.
    Receiving { status: u16 },
    /// The answer's body was read (after any gzip decoding).
    Received { bytes: usize },
    /// The attempt failed in a way worth retrying; waiting before the next one.
    Retrying {
        reason: String,
        delay: Duration,
        next_attempt: u32,
    },
    /// The register was decoded and looks sound.
    Decoded { bytes: usize, rows: usize },
}

/// Why a download failed. Each message is one line ending in what to do.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum FetchError {
    #[error("cannot reach SIPRI at {url}: {detail}; {MANUAL_HINT}", MANUAL_HINT = MANUAL_HINT)]
    Unreachable { url: String, detail: String },
    #[error(
        "SIPRI at {url} did not answer within {secs} s (the backend is slow; try a longer \
         --timeout, or {MANUAL_HINT})",
        MANUAL_HINT = MANUAL_HINT
    )]
    Timeout { url: String, secs: u64 },
    #[error(
        "SIPRI at {url} answered HTTP {status}{detail} after {attempts} attempt(s); try again \
         later, or {MANUAL_HINT}",
        MANUAL_HINT = MANUAL_HINT
    )]
    Server {
        url: String,
        status: u16,
        detail: String,
        attempts: u32,
    },
    #[error(
        "SIPRI at {url} refused the request with HTTP {status}{detail}: its interface may have \
         changed; {MANUAL_HINT}",
        MANUAL_HINT = MANUAL_HINT
    )]
    Refused {
        url: String,
        status: u16,
        detail: String,
    },
    #[error(
        "SIPRI at {url} sent an HTML page{title} instead of JSON: the backend may be down or \
         its interface may have changed; {MANUAL_HINT}",
        MANUAL_HINT = MANUAL_HINT
    )]
    HtmlPage { url: String, title: String },
    #[error("SIPRI at {url} sent an answer that is not JSON ({detail}); {MANUAL_HINT}", MANUAL_HINT = MANUAL_HINT)]
    NotJson { url: String, detail: String },
    #[error(
        "SIPRI's answer has no `bytes` field with the register (it has: {keys}): its interface \
         may have changed; {MANUAL_HINT}",
        MANUAL_HINT = MANUAL_HINT
    )]
    MissingBytes { keys: String },
    #[error(
        "SIPRI's answer has a `bytes` field, but it holds a JSON {kind}, not the register as \
         base64 text: its interface may have changed; {MANUAL_HINT}",
        MANUAL_HINT = MANUAL_HINT
    )]
    BytesNotText { kind: &'static str },
    #[error("SIPRI's answer holds invalid base64 ({detail}); try again, or {MANUAL_HINT}", MANUAL_HINT = MANUAL_HINT)]
    InvalidBase64 { detail: String },
    #[error(
        "the answer from SIPRI at {url} was cut off ({detail}) after {attempts} attempt(s); \
         try again, or {MANUAL_HINT}",
        MANUAL_HINT = MANUAL_HINT
    )]
    Truncated {
        url: String,
        detail: String,
        attempts: u32,
    },
    #[error(
        "SIPRI returned a register with a header but no rows for delivery years {from}-{to}: \
         nothing to import"
    )]
    EmptyRegister { from: u16, to: u16 },
    #[error("SIPRI's answer is not a trade register: {detail}; {MANUAL_HINT}", MANUAL_HINT = MANUAL_HINT)]
    NotARegister { detail: String },
    #[error("SIPRI's last-year answer {text:?} is not a year")]
    BadMaxYear { text: String },
    #[error("request to SIPRI at {url} failed: {detail}")]
    Transport { url: String, detail: String },
    #[error("invalid fetch settings: {0}")]
    Config(String),
}

/// The JSON filter object the web application (and Rat.db) sends for the whole
/// register: deliveries in `[from, to]`, orders up to `to`, open deals included.
pub fn register_request_body(from: u16, to: u16) -> String {
    let filter = |field: &str, cond: &str, v1: serde_json::Value, v2: serde_json::Value| {
        serde_json::json!({
            "field": field, "oldField": "", "condition": cond,
            "value1": v1, "value2": v2, "listData": []
        })
    };
    let empty = || serde_json::Value::String(String::new());
    serde_json::json!({
        "filters": [
            filter("Delivery year", "contains", from.into(), to.into()),
            filter("Order year", "contains", 0.into(), to.into()),
            filter("opendeals", "", empty(), empty()),
            filter("exportOption", "", empty(), empty()),
        ],
        "logic": "AND"
    })
    .to_string()
}

/// Downloads the trade register for `cfg`'s years and returns the CSV bytes,
/// checked to be a non-empty register.
pub fn fetch_register(
    cfg: &FetchConfig,
    progress: &mut dyn FnMut(FetchEvent),
) -> Result<Vec<u8>, FetchError> {
    if cfg.from_year > cfg.to_year {
        return Err(FetchError::Config(format!(
            "first year {} is after last year {}",
            cfg.from_year, cfg.to_year
        )));
    }
    let url = cfg.url(REGISTER_PATH);
    let body = register_request_body(cfg.from_year, cfg.to_year);
    let answer = with_retries(cfg, &url, progress, |agent| {
        agent
            .post(&url)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .send(body.as_str())
    })?;
    let csv = decode_answer(&url, &answer)?;
    let rows = check_register(&csv, cfg.from_year, cfg.to_year)?;
    progress(FetchEvent::Decoded {
        bytes: csv.len(),
        rows,
    });
    Ok(csv)
}

/// The last year with data according to the backend (`GET /trades/getMaxYear`,
/// a plain-text year).
pub fn max_year(
    cfg: &FetchConfig,
    progress: &mut dyn FnMut(FetchEvent),
) -> Result<u16, FetchError> {
    let url = cfg.url(MAX_YEAR_PATH);
    let answer = with_retries(cfg, &url, progress, |agent| agent.get(&url).call())?;
    let text = String::from_utf8_lossy(&answer.body);
    let t = text.trim().trim_matches('"');
    match t.parse::<u16>() {
        Ok(y) if (FIRST_YEAR..=2200).contains(&y) => Ok(y),
        _ => Err(FetchError::BadMaxYear {
            text: text.chars().take(40).collect(),
        }),
    }
}

/// A 200 answer, read whole.
struct Answer {
    pub(crate) content_type: String,
    pub(crate) body: Vec<u8>,
}

/// How one attempt ended, when it did not succeed.
enum Failure {
    /// Worth another try (server error, broken connection), after the delay
    /// the server asked for in `Retry-After`, if it did.
    Retry(FetchError, String, Option<Duration>),
    Fatal(FetchError),
}

/// The longest `Retry-After` we wait for; a server asking for more is told
/// "later" rather than holding the terminal for an hour.
pub const MAX_RETRY_AFTER: Duration = Duration::from_secs(300);

/// `Retry-After` as delay-seconds or an HTTP date (RFC 9110 §10.2.3), relative
/// to `now`; a date in the past means "now". `None` when absent or invalid.
pub fn parse_retry_after(value: &str, now: SystemTime) -> Option<Duration> {
    let v = value.trim();
    if !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()) {
        return Some(Duration::from_secs(v.parse::<u64>().unwrap_or(u64::MAX)));
    }
    let at = httpdate::parse_http_date(v).ok()?;
    Some(at.duration_since(now).unwrap_or(Duration::ZERO))
}

fn agent(cfg: &FetchConfig) -> ureq::Agent {
    ureq::Agent::config_builder()
        .timeout_global(Some(cfg.timeout))
        .http_status_as_error(false)
        .user_agent(cfg.user_agent.as_str())
        .build()
        .into()
}

/// Runs `send` until it yields a 200 answer, an unrecoverable error, or the
/// retries run out. One request at a time, with deterministic back-off.
fn with_retries(
    cfg: &FetchConfig,
    url: &str,
    progress: &mut dyn FnMut(FetchEvent),
    send: impl Fn(&ureq::Agent) -> Result<ureq::http::Response<ureq::Body>, ureq::Error>,
) -> Result<Answer, FetchError> {
    if !(url.starts_with("http://") || url.starts_with("https://")) {
        return Err(FetchError::Config(format!(
            "URL {url} must start with http:// or https://"
        )));
    }
    let agent = agent(cfg);
    let attempts = cfg.retries.saturating_add(1);
    let mut attempt = 1;
    loop {
        progress(FetchEvent::Sending {
            url: url.to_string(),
            attempt,
            attempts,
        });
        let failure = match one_attempt(cfg, url, send(&agent), progress) {
            Ok(a) => return Ok(a),
            Err(f) => f,
        };
        match failure {
            Failure::Retry(err, _, Some(wait)) if wait > MAX_RETRY_AFTER => {
                return Err(with_retry_after(with_attempts(err, attempt), wait));
            }
            Failure::Retry(err, reason, asked) if attempt < attempts => {
                // The server's own Retry-After wins over our back-off when longer.
                let delay = asked.map_or(cfg.retry_delay(attempt), |a| {
                    a.max(cfg.retry_delay(attempt))
                });
                let reason = match asked {
                    Some(a) => format!("{reason} (server asks to wait {} s)", a.as_secs()),
                    None => reason,
                };
                progress(FetchEvent::Retrying {
                    reason,
                    delay,
                    next_attempt: attempt + 1,
                });
                std::thread::sleep(delay);
                drop(err);
            }
            Failure::Retry(err, _, asked) => {
                let err = with_attempts(err, attempt);
                return Err(match asked {
                    Some(wait) => with_retry_after(err, wait),
                    None => err,
                });
            }
            Failure::Fatal(err) => return Err(err),
        }
        attempt += 1;
    }
}

/// Says in a server error how long the server asked us to wait.
fn with_retry_after(mut err: FetchError, wait: Duration) -> FetchError {
    if let FetchError::Server { detail, .. } = &mut err {
        detail.push_str(&format!(" (it asks to retry after {} s)", wait.as_secs()));
    }
    err
}

fn with_attempts(mut err: FetchError, n: u32) -> FetchError {
    if let FetchError::Server { attempts, .. } | FetchError::Truncated { attempts, .. } = &mut err {
        *attempts = n;
    }
    err
}

fn one_attempt(
    cfg: &FetchConfig,
    url: &str,
    sent: Result<ureq::http::Response<ureq::Body>, ureq::Error>,
    progress: &mut dyn FnMut(FetchEvent),
) -> Result<Answer, Failure> {
    let mut resp = sent.map_err(|e| classify(cfg, url, e, false))?;
    let status = resp.status().as_u16();
    progress(FetchEvent::Receiving { status });
    let content_type = resp
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_ascii_lowercase();
    let body = resp
        .body_mut()
        .with_config()
        .limit(MAX_BODY)
        .read_to_vec()
        .map_err(|e| classify(cfg, url, e, true))?;
    progress(FetchEvent::Received { bytes: body.len() });
    if status == 200 {
        return Ok(Answer { content_type, body });
    }
    let detail = status_detail(&content_type, &body);
    let retry_after = resp
        .headers()
        .get("retry-after")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| parse_retry_after(v, SystemTime::now()));
    if status >= 500 || status == 429 || status == 408 {
        let err = FetchError::Server {
            url: url.to_string(),
            status,
            detail,
            attempts: 1,
        };
        return Err(Failure::Retry(err, format!("HTTP {status}"), retry_after));
    }
    Err(Failure::Fatal(FetchError::Refused {
        url: url.to_string(),
        status,
        detail,
    }))
}

/// Maps a transport error to a [`FetchError`]; `in_body` says whether the
/// answer had started arriving (then a broken connection means a cut-off body).
fn classify(cfg: &FetchConfig, url: &str, e: ureq::Error, in_body: bool) -> Failure {
    use std::io::ErrorKind as K;
    use ureq::{Error as E, Timeout as T};
    let unreachable = |detail: String| {
        Failure::Fatal(FetchError::Unreachable {
            url: url.to_string(),
            detail,
        })
    };
    let cut = |detail: String| {
        let reason = format!("connection broke off: {detail}");
        Failure::Retry(
            FetchError::Truncated {
                url: url.to_string(),
                detail,
                attempts: 1,
            },
            reason,
            None,
        )
    };
    match e {
        E::HostNotFound => unreachable("host not found (no network, or DNS failure)".into()),
        E::ConnectionFailed => unreachable("connection failed".into()),
        E::Timeout(T::Resolve) => unreachable("name lookup timed out".into()),
        E::Timeout(T::Connect) => unreachable("connecting timed out".into()),
        E::Timeout(_) => Failure::Fatal(FetchError::Timeout {
            url: url.to_string(),
            secs: cfg.timeout.as_secs_f64().ceil() as u64,
        }),
        E::Io(io) => match io.kind() {
            K::ConnectionRefused => unreachable("connection refused".into()),
            K::NetworkUnreachable | K::HostUnreachable | K::AddrNotAvailable | K::NotFound => {
                unreachable(io.to_string())
            }
            K::TimedOut | K::WouldBlock if !in_body => unreachable(io.to_string()),
            K::TimedOut | K::WouldBlock => Failure::Fatal(FetchError::Timeout {
                url: url.to_string(),
                secs: cfg.timeout.as_secs_f64().ceil() as u64,
            }),
            K::UnexpectedEof => cut("the connection closed early".into()),
            // The resolver's failure comes as a plain I/O error; it was
            // reported as an answer "cut off" (hostile-files probe 2).
            _ if !in_body && io.to_string().contains("lookup address") => {
                unreachable(format!("host not found (no network, or DNS failure): {io}"))
            }
            _ => cut(io.to_string()),
        },
        E::Protocol(p) if in_body => cut(p.to_string()),
        E::Decompress(what, io) => cut(format!("{what}: {io}")),
        E::BodyExceedsLimit(n) => Failure::Fatal(FetchError::NotJson {
            url: url.to_string(),
            detail: format!("answer larger than {n} bytes"),
        }),
        E::BadUri(u) => Failure::Fatal(FetchError::Config(format!("bad URL {u}"))),
        other => Failure::Fatal(FetchError::Transport {
            url: url.to_string(),
            detail: other.to_string(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_from_unix_days() {
        assert_eq!(year_of_unix_day(0), 1970);
        assert_eq!(year_of_unix_day(365), 1971);
        // 2024-12-31 and 2025-01-01.
        assert_eq!(year_of_unix_day(20_088), 2024);
        assert_eq!(year_of_unix_day(20_089), 2025);
        assert_eq!(year_of_unix_day(-1), 1969);
    }

    #[test]
    fn backoff_doubles_and_is_capped() {
        let cfg = FetchConfig {
            backoff: Duration::from_millis(10),
            ..FetchConfig::default()
        };
        assert_eq!(cfg.retry_delay(1), Duration::from_millis(10));
        assert_eq!(cfg.retry_delay(2), Duration::from_millis(20));
        assert_eq!(cfg.retry_delay(3), Duration::from_millis(40));
        assert_eq!(cfg.retry_delay(60), Duration::from_secs(300));
    }

    #[test]
    fn retry_after_seconds_and_dates() {
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(784_111_777);
        assert_eq!(
            parse_retry_after("120", now),
            Some(Duration::from_secs(120))
        );
        assert_eq!(parse_retry_after(" 0 ", now), Some(Duration::ZERO));
        // RFC 9110's example date is 784111777 s after the epoch.
        assert_eq!(
            parse_retry_after("Sun, 06 Nov 1994 08:49:37 GMT", now),
            Some(Duration::ZERO)
        );
        assert_eq!(
            parse_retry_after("Sun, 06 Nov 1994 08:50:37 GMT", now),
            Some(Duration::from_secs(60))
        );
        assert_eq!(parse_retry_after("soon", now), None);
        assert_eq!(parse_retry_after("-5", now), None);
    }

    #[test]
    fn url_joins_without_double_slash() {
        let cfg = FetchConfig {
            base_url: "http://127.0.0.1:9/api/p/".into(),
            ..FetchConfig::default()
        };
        assert_eq!(
            cfg.url(REGISTER_PATH),
            "http://127.0.0.1:9/api/p/trades/trade-register-csv/"
        );
    }
}

//! The fetch client against a mock of SIPRI's backend on loopback: success,
//! gzip, retries, and each way the backend can misbehave.

use testkit::mock;

use mock::{MockBackend, Reply};
use sipri::fetch::{FetchConfig, FetchError, FetchEvent, fetch_register, max_year};
use std::time::Duration;

fn config(base_url: String) -> FetchConfig {
    FetchConfig {
        base_url,
        timeout: Duration::from_secs(5),
        retries: 2,
        backoff: Duration::from_millis(10),
        from_year: 2000,
        to_year: 2024,
        ..FetchConfig::default()
    }
}

fn fetch(cfg: &FetchConfig) -> (Result<Vec<u8>, FetchError>, Vec<FetchEvent>) {
    let mut events = Vec::new();
    let r = fetch_register(cfg, &mut |e| events.push(e));
    (r, events)
}

fn ukraine() -> Option<Vec<u8>> {
    mock::shared_file(mock::UKRAINE_REGISTER)
}

#[test]
fn success_returns_the_register_bytes_and_sends_what_the_web_app_sends() {
    let Some(csv) = ukraine() else { return };
    let m = MockBackend::start(vec![Reply::register(&csv)]);
    let (r, events) = fetch(&config(m.base_url()));
    assert_eq!(r.expect("fetch succeeds"), csv);
    assert!(events.contains(&FetchEvent::Decoded {
        bytes: csv.len(),
        rows: 382
    }));
    let reqs = m.register_requests();
    assert_eq!(reqs.len(), 1);
    let req = &reqs[0];
    assert_eq!(req.method, "POST");
    assert_eq!(req.path, "/api/p/trades/trade-register-csv/");
    assert_eq!(req.header("content-type"), Some("application/json"));
    let ua = req.header("user-agent").unwrap_or_default();
    assert!(ua.starts_with("armsflow/") && ua.contains("arms-transfer research tool"));
    let body: serde_json::Value = serde_json::from_str(&req.body).expect("JSON body");
    assert_eq!(body["logic"], "AND");
    let filters = body["filters"].as_array().expect("filters");
    let fields: Vec<&str> = filters.iter().filter_map(|f| f["field"].as_str()).collect();
    assert_eq!(
        fields,
        ["Delivery year", "Order year", "opendeals", "exportOption"]
    );
    assert_eq!(filters[0]["value1"], 2000);
    assert_eq!(filters[0]["value2"], 2024);
    assert_eq!(filters[1]["value1"], 0);
    assert_eq!(filters[1]["value2"], 2024);
}

#[test]
fn the_fetched_bytes_read_as_a_register() {
    let Some(csv) = ukraine() else { return };
    let m = MockBackend::start(vec![Reply::register(&csv)]);
    let bytes = fetch(&config(m.base_url())).0.expect("fetch succeeds");
    let opts = sipri::ReadOptions {
        file_name: "fetched.csv".into(),
        skip_bad_rows: false,
    };
    let (rel, report) = sipri::read(&bytes, &opts).expect("reads");
    assert_eq!(rel.meta.format, model::SourceFormat::Register);
    assert_eq!(report.rows_imported, 382);
}

#[test]
fn gzip_encoded_answers_are_decoded() {
    let Some(csv) = ukraine() else { return };
    let m = MockBackend::start(vec![Reply::register(&csv).gzip()]);
    assert_eq!(fetch(&config(m.base_url())).0.expect("gzip ok"), csv);
}

#[test]
fn line_wrapped_base64_is_accepted() {
    let csv = mock::empty_register()
        .into_iter()
        .chain(
            b"1,A,B,X,y,Aircraft,2000,No,1,No,2001,No,New,1,1,1,No\n"
                .iter()
                .copied(),
        )
        .collect::<Vec<u8>>();
    let b64 = mock::base64(&csv);
    let wrapped: Vec<String> = b64
        .as_bytes()
        .chunks(76)
        .map(|c| String::from_utf8_lossy(c).to_string())
        .collect();
    let m = MockBackend::start(vec![Reply::json(&format!(
        "{{\"bytes\":\"{}\"}}",
        wrapped.join("\\n")
    ))]);
    assert_eq!(fetch(&config(m.base_url())).0.expect("ok"), csv);
}

#[test]
fn server_errors_are_retried_then_succeed() {
    let Some(csv) = ukraine() else { return };
    let m = MockBackend::start(vec![
        Reply::html(503, "Service Unavailable"),
        Reply::new(500, "application/json", b"{\"error\":\"busy\"}".to_vec()),
        Reply::register(&csv),
    ]);
    let (r, events) = fetch(&config(m.base_url()));
    assert_eq!(r.expect("third attempt succeeds"), csv);
    assert_eq!(m.register_requests().len(), 3);
    let delays: Vec<Duration> = events
        .iter()
        .filter_map(|e| match e {
            FetchEvent::Retrying { delay, .. } => Some(*delay),
            _ => None,
        })
        .collect();
    assert_eq!(
        delays,
        [Duration::from_millis(10), Duration::from_millis(20)]
    );
}

#[test]
fn server_errors_give_up_after_the_retries() {
    let m = MockBackend::start(vec![Reply::html(502, "502 Bad Gateway")]);
    let err = fetch(&config(m.base_url())).0.unwrap_err();
    assert!(
        matches!(
            err,
            FetchError::Server {
                status: 502,
                attempts: 3,
                ..
            }
        ),
        "{err:?}"
    );
    let msg = err.to_string();
    assert!(
        msg.contains("HTTP 502") && msg.contains("502 Bad Gateway"),
        "{msg}"
    );
    assert!(msg.contains("armsflow import FILE"), "{msg}");
    assert!(!msg.contains('\n'));
    assert_eq!(m.register_requests().len(), 3);
}

#[test]
fn slow_answers_beyond_the_timeout_fail_without_retrying() {
    let Some(csv) = ukraine() else { return };
    let m = MockBackend::start(vec![Reply::register(&csv).slow(Duration::from_secs(3))]);
    let cfg = FetchConfig {
        timeout: Duration::from_secs(1),
        ..config(m.base_url())
    };
    let started = std::time::Instant::now();
    let err = fetch(&cfg).0.unwrap_err();
    assert!(
        matches!(err, FetchError::Timeout { secs: 1, .. }),
        "{err:?}"
    );
    assert!(started.elapsed() < Duration::from_millis(2900));
    assert!(err.to_string().contains("did not answer within 1 s"));
    assert_eq!(m.register_requests().len(), 1);
}

#[test]
fn truncated_bodies_are_retried_then_reported() {
    let Some(csv) = ukraine() else { return };
    let reply = Reply::register(&csv);
    let half = reply.body.len() / 2;
    let m = MockBackend::start(vec![reply.cut_at(half)]);
    let err = fetch(&config(m.base_url())).0.unwrap_err();
    assert!(
        matches!(err, FetchError::Truncated { attempts: 3, .. }),
        "{err:?}"
    );
    assert!(err.to_string().contains("was cut off"), "{err}");
    assert_eq!(m.register_requests().len(), 3);
}

#[test]
fn truncated_then_complete_succeeds() {
    let Some(csv) = ukraine() else { return };
    let full = Reply::register(&csv);
    let m = MockBackend::start(vec![full.clone().cut_at(100), full]);
    assert_eq!(fetch(&config(m.base_url())).0.expect("retry ok"), csv);
}

#[test]
fn json_cut_short_with_a_consistent_length_is_truncation() {
    let m = MockBackend::start(vec![Reply::json("{\"bytes\":\"U0lQUkkg")]);
    let err = fetch(&config(m.base_url())).0.unwrap_err();
    assert!(matches!(err, FetchError::Truncated { .. }), "{err:?}");
}

#[test]
fn invalid_base64_is_reported() {
    let m = MockBackend::start(vec![Reply::json("{\"bytes\":\"SIPRI!!not*base64\"}")]);
    let err = fetch(&config(m.base_url())).0.unwrap_err();
    assert!(matches!(err, FetchError::InvalidBase64 { .. }), "{err:?}");
    assert!(err.to_string().contains("invalid base64"));
    assert_eq!(m.register_requests().len(), 1, "not retried");
}

#[test]
fn an_html_page_instead_of_json_is_reported_with_its_title() {
    let m = MockBackend::start(vec![Reply::html(200, "SIPRI Databases - Maintenance")]);
    let err = fetch(&config(m.base_url())).0.unwrap_err();
    assert!(matches!(err, FetchError::HtmlPage { .. }), "{err:?}");
    assert!(err.to_string().contains("Maintenance"), "{err}");
}

#[test]
fn missing_bytes_key_names_what_came_instead() {
    let m = MockBackend::start(vec![Reply::json("{\"result\":\"Recipient,1950\"}")]);
    let err = fetch(&config(m.base_url())).0.unwrap_err();
    assert_eq!(
        err,
        FetchError::MissingBytes {
            keys: "result".into()
        }
    );
}

#[test]
fn plain_text_garbage_is_not_json() {
    let m = MockBackend::start(vec![Reply::new(200, "text/plain", b"ok then".to_vec())]);
    let err = fetch(&config(m.base_url())).0.unwrap_err();
    assert!(matches!(err, FetchError::NotJson { .. }), "{err:?}");
}

#[test]
fn an_empty_register_is_an_error() {
    let m = MockBackend::start(vec![Reply::register(&mock::empty_register())]);
    let err = fetch(&config(m.base_url())).0.unwrap_err();
    assert_eq!(
        err,
        FetchError::EmptyRegister {
            from: 2000,
            to: 2024
        }
    );
}

#[test]
fn an_empty_payload_or_a_tiv_table_is_not_a_register() {
    let table =
        b"Volume of transfers of major arms\n\nRecipient,2020,2021,2020-2021\nNowhere,1,2,3\n";
    for payload in [&b""[..], &b"hello\nworld\n"[..], &table[..]] {
        let m = MockBackend::start(vec![Reply::register(payload)]);
        let err = fetch(&config(m.base_url())).0.unwrap_err();
        assert!(matches!(err, FetchError::NotARegister { .. }), "{err:?}");
    }
}

#[test]
fn client_errors_are_not_retried() {
    let m = MockBackend::start(vec![Reply::html(404, "Not Found")]);
    let err = fetch(&config(m.base_url())).0.unwrap_err();
    assert!(
        matches!(err, FetchError::Refused { status: 404, .. }),
        "{err:?}"
    );
    assert_eq!(m.register_requests().len(), 1);
}

#[test]
fn connection_refused_says_so_and_gives_the_manual_route() {
    let url = mock::closed_port_url();
    let err = fetch(&config(url.clone())).0.unwrap_err();
    assert!(matches!(err, FetchError::Unreachable { .. }), "{err:?}");
    let msg = err.to_string();
    assert!(
        msg.starts_with(&format!("cannot reach SIPRI at {url}")),
        "{msg}"
    );
    assert!(msg.contains("https://armstransfers.sipri.org"), "{msg}");
    assert!(msg.contains("armsflow import FILE"), "{msg}");
    assert!(!msg.contains('\n'));
}

#[test]
fn bad_settings_are_rejected_before_any_request() {
    let cfg = FetchConfig {
        from_year: 2025,
        to_year: 2020,
        ..config("http://127.0.0.1:9/api/p".into())
    };
    assert!(matches!(fetch(&cfg).0, Err(FetchError::Config(_))));
    let cfg = config("ftp://example/api".into());
    assert!(matches!(fetch(&cfg).0, Err(FetchError::Config(_))));
}

#[test]
fn max_year_is_read_from_plain_text() {
    let m = MockBackend::start(vec![Reply::json("{}")]);
    let y = max_year(&config(m.base_url()), &mut |_| {}).expect("year");
    assert_eq!(y, 2024);
    assert_eq!(m.requests()[0].path, "/api/p/trades/getMaxYear");
}

/// A name that does not resolve (`.invalid` never does; nor does any name
/// without a network) is "cannot reach", not an answer "cut off"
/// (hostile-files probe 2).
#[test]
fn an_unresolvable_host_is_unreachable_not_a_cut_off_answer() {
    let cfg = config("http://armsflow-test.invalid/api/p".into());
    let err = fetch(&cfg).0.unwrap_err();
    assert!(matches!(err, FetchError::Unreachable { .. }), "{err:?}");
    assert!(err.to_string().starts_with("cannot reach SIPRI"), "{err}");
}

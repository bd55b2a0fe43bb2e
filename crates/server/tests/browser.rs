//! Headless Chromium loads the dashboard from a real server on loopback:
//! Kazakhstan's page on the Feb-2026 register (chart element, Russia 88 %) and
//! the SYNTHETIC banner on an empty data dir; screenshots go to the artifacts
//! dir (`$ARMSFLOW_ARTIFACTS`, else `<workspace>/artifacts`).

use crate::common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const CHROMIUM: &str = "/usr/bin/chromium";

fn chromium(test: &str) -> Option<PathBuf> {
    let p = PathBuf::from(CHROMIUM);
    if p.is_file() {
        return Some(p);
    }
    if std::env::var("ARMSFLOW_REQUIRE_BROWSER").as_deref() == Ok("1") {
        panic!(
            "{test}: {CHROMIUM} not found and ARMSFLOW_REQUIRE_BROWSER=1 (apt-get install chromium)"
        );
    }
    testkit::say(&format!(
        "SKIPPED {test}: {CHROMIUM} not found; the browser test did not run (apt-get install chromium)"
    ));
    None
}

fn artifacts_dir() -> PathBuf {
    let d = std::env::var_os("ARMSFLOW_ARTIFACTS")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../artifacts"));
    std::fs::create_dir_all(&d).expect("create artifacts dir");
    d
}

/// Runs chromium headless with the flags that keep it off the network, killing
/// it after `limit`. Returns stdout.
fn run_chromium(bin: &Path, extra: &[String], url: &str, limit: Duration) -> String {
    let profile = tempfile::tempdir().expect("profile dir");
    let mut args: Vec<String> = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--hide-scrollbars",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    args.push(format!("--user-data-dir={}", profile.path().display()));
    args.extend(extra.iter().cloned());
    args.push(url.to_string());
    let out_path = profile.path().join("stdout.txt");
    let out_file = std::fs::File::create(&out_path).unwrap();
    let mut child = Command::new(bin)
        .args(&args)
        .stdout(Stdio::from(out_file))
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn chromium");
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("wait chromium") {
            assert!(status.success(), "chromium failed: {status}");
            break;
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("chromium did not finish within {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    std::fs::read_to_string(out_path).unwrap_or_default()
}

/// Serves `data_dir` on 127.0.0.1:<ephemeral> in a background runtime; the
/// returned sender stops it.
pub(crate) fn spawn_server(
    data_dir: &Path,
) -> (
    String,
    tokio::sync::oneshot::Sender<()>,
    std::thread::JoinHandle<()>,
) {
    let mut cfg = server::ServeConfig::new(data_dir);
    cfg.bind = "127.0.0.1:0".parse().unwrap();
    let (tx_url, rx_url) = std::sync::mpsc::channel();
    let (tx_stop, rx_stop) = tokio::sync::oneshot::channel::<()>();
    let h = std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async move {
            let srv = server::bind(cfg).await.expect("bind loopback");
            tx_url.send(srv.url()).unwrap();
            srv.run_until(async {
                let _ = rx_stop.await;
            })
            .await
            .expect("server runs");
        });
    });
    let url = rx_url
        .recv_timeout(Duration::from_secs(60))
        .expect("server started");
    (url, tx_stop, h)
}

fn check_page(bin: &Path, url: &str, shot: &str, must: &[&str]) {
    let dom = run_chromium(bin, &["--dump-dom".into()], url, Duration::from_secs(90));
    for m in must {
        assert!(dom.contains(m), "rendered DOM of {url} lacks {m:?}");
    }
    let path = artifacts_dir().join(shot);
    let _ = std::fs::remove_file(&path);
    run_chromium(
        bin,
        &[
            format!("--screenshot={}", path.display()),
            "--window-size=1366,900".into(),
        ],
        url,
        Duration::from_secs(90),
    );
    let meta = std::fs::metadata(&path).expect("screenshot written");
    assert!(
        meta.len() > 10_000,
        "screenshot {} is suspiciously small",
        path.display()
    );
    eprintln!("screenshot: {}", path.display());
}

#[test]
fn kazakhstan_page_in_chromium() {
    let Some(bin) = chromium("kazakhstan_page_in_chromium") else {
        return;
    };
    let Some(dir) = common::real_data_dir("kazakhstan_page_in_chromium") else {
        return;
    };
    let (url, stop, h) = spawn_server(&dir);
    check_page(
        &bin,
        &format!("{url}country/KAZ"),
        "country-kaz.png",
        &[
            "id=\"supplier-chart\"",
            "Russia",
            "88.4 %",
            "Source: SIPRI Arms Transfers Database (c) SIPRI",
        ],
    );
    check_page(
        &bin,
        &format!("{url}world"),
        "world.png",
        &["exporters-chart", "United States"],
    );
    check_page(
        &bin,
        &format!("{url}supplier/RUS"),
        "supplier-rus.png",
        &["customers-chart", "India"],
    );
    let _ = stop.send(());
    h.join().unwrap();
}

#[test]
fn demo_banner_in_chromium() {
    let Some(bin) = chromium("demo_banner_in_chromium") else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let (url, stop, h) = spawn_server(tmp.path());
    check_page(
        &bin,
        &format!("{url}country/KAZ"),
        "demo-banner.png",
        &[
            "SYNTHETIC DEMO DATA — not SIPRI",
            "armsflow import",
            "armsflow fetch",
            "id=\"supplier-chart\"",
        ],
    );
    let _ = stop.send(());
    h.join().unwrap();
}

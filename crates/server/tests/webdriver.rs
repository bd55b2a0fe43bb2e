//! A minimal W3C WebDriver client over `ureq` for the browser tests: the
//! protocol is JSON over HTTP, so chromedriver needs no extra client crate.
//! Chromium-only extras (media emulation, device metrics) go through
//! chromedriver's `goog/cdp/execute` bridge to the DevTools protocol.

use serde_json::{Value, json};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
pub const CHROMIUM: &str = "/usr/bin/chromium";

/// Chromium flags that keep the browser off the network and out of the way.
pub const FLAGS: &[&str] = &[
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
    "--window-size=1366,900",
];

/// A chromedriver process with one browser session; both end on drop.
pub struct Browser {
    driver: Child,
    base: String,
    session: String,
    agent: ureq::Agent,
    _profile: tempfile::TempDir,
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free loopback port")
}

impl Browser {
    /// Starts chromedriver on a free loopback port and opens a session with a
    /// fresh profile.
    pub fn start() -> Browser {
        let port = free_port();
        let driver = Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            .arg("--allowed-ips=127.0.0.1")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn chromedriver");
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_secs(120)))
            .build()
            .into();
        let base = format!("http://127.0.0.1:{port}");
        let profile = tempfile::tempdir().expect("profile dir");
        let mut b = Browser {
            driver,
            base,
            session: String::new(),
            agent,
            _profile: profile,
        };
        let start = Instant::now();
        loop {
            let ready = b
                .agent
                .get(format!("{}/status", b.base))
                .call()
                .ok()
                .and_then(|mut r| r.body_mut().read_to_string().ok())
                .and_then(|t| serde_json::from_str::<Value>(&t).ok())
                .is_some_and(|v| v["value"]["ready"] == true);
            if ready {
                break;
            }
            assert!(
                start.elapsed() < Duration::from_secs(30),
                "chromedriver did not come up on port {port}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        let mut args: Vec<String> = FLAGS.iter().map(|s| s.to_string()).collect();
        args.push(format!("--user-data-dir={}", b._profile.path().display()));
        let caps = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "pageLoadStrategy": "normal",
            "goog:chromeOptions": {"binary": CHROMIUM, "args": args},
            "timeouts": {"script": 60000, "pageLoad": 60000}
        }}});
        let v = b.raw("POST", "/session", Some(caps));
        b.session = v["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("no session: {v}"))
            .to_string();
        b
    }

    fn raw(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let url = format!("{}{path}", self.base);
        let resp = match (method, body) {
            ("GET", _) => self.agent.get(&url).call(),
            ("DELETE", _) => self.agent.delete(&url).call(),
            (_, b) => self
                .agent
                .post(&url)
                .header("content-type", "application/json")
                .send(b.unwrap_or(json!({})).to_string()),
        };
        let mut resp = resp.unwrap_or_else(|e| panic!("webdriver {method} {path}: {e}"));
        let status = resp.status();
        let text = resp
            .body_mut()
            .with_config()
            .limit(256 << 20)
            .read_to_string()
            .expect("webdriver body");
        let v: Value = serde_json::from_str(&text).expect("webdriver JSON");
        assert!(
            status.is_success(),
            "webdriver {method} {path} failed ({status}): {}",
            v["value"]["message"]
        );
        v["value"].clone()
    }

    fn cmd(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        self.raw(method, &format!("/session/{}{path}", self.session), body)
    }

    pub fn goto(&self, url: &str) {
        self.cmd("POST", "/url", Some(json!({ "url": url })));
    }

    pub fn url(&self) -> String {
        self.cmd("GET", "/url", None)
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// Runs `script` (a function body; `arguments` available) and returns its value.
    pub fn exec(&self, script: &str, args: Value) -> Value {
        self.cmd(
            "POST",
            "/execute/sync",
            Some(json!({"script": script, "args": args})),
        )
    }

    /// Runs `script`, which calls `arguments[arguments.length-1](value)` when done.
    pub fn exec_async(&self, script: &str, args: Value) -> Value {
        self.cmd(
            "POST",
            "/execute/async",
            Some(json!({"script": script, "args": args})),
        )
    }

    /// Switches into the `index`th frame of the page, or back to the top
    /// document with `None`.
    pub fn frame(&self, index: Option<u32>) {
        self.cmd("POST", "/frame", Some(json!({ "id": index })));
    }

    /// A DevTools-protocol command through chromedriver.
    pub fn cdp(&self, cmd: &str, params: Value) -> Value {
        self.cmd(
            "POST",
            "/goog/cdp/execute",
            Some(json!({"cmd": cmd, "params": params})),
        )
    }

    /// `prefers-color-scheme` as the page sees it (`light` or `dark`), and the
    /// media type (`""` = screen, `"print"`).
    pub fn emulate(&self, scheme: &str, media: &str) {
        self.cdp(
            "Emulation.setEmulatedMedia",
            json!({"media": media, "features": [{"name": "prefers-color-scheme", "value": scheme}]}),
        );
    }

    /// A phone-sized viewport (`width` CSS px; not `mobile`, which would zoom out
    /// to fit a too-wide page and hide the overflow), or back to the window size with `None`.
    pub fn viewport(&self, width: Option<u32>) {
        match width {
            Some(w) => {
                self.cdp(
                    "Emulation.setDeviceMetricsOverride",
                    json!({"width": w, "height": 800, "deviceScaleFactor": 1, "mobile": false}),
                );
            }
            None => {
                self.cdp("Emulation.clearDeviceMetricsOverride", json!({}));
            }
        }
    }

    /// A PNG of the viewport, written to `path`.
    pub fn screenshot(&self, path: &Path) {
        use base64::Engine as _;
        let v = self.cmd("GET", "/screenshot", None);
        let png = base64::engine::general_purpose::STANDARD
            .decode(v.as_str().expect("base64 screenshot"))
            .expect("screenshot decodes");
        std::fs::write(path, png).expect("write screenshot");
    }
}

impl Browser {
    /// The page printed to an A4 PDF (what a reader's "Print" would give).
    pub fn print_pdf(&self, path: &Path) {
        use base64::Engine as _;
        let v = self.cmd(
            "POST",
            "/print",
            Some(json!({"page": {"width": 21.0, "height": 29.7}, "background": true})),
        );
        let pdf = base64::engine::general_purpose::STANDARD
            .decode(v.as_str().expect("base64 pdf"))
            .expect("pdf decodes");
        std::fs::write(path, pdf).expect("write pdf");
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        if !self.session.is_empty() {
            let url = format!("{}/session/{}", self.base, self.session);
            let _ = self.agent.delete(&url).call();
        }
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

/// The artifacts dir (`$ARMSFLOW_ARTIFACTS`, else `<workspace>/artifacts`).
pub fn artifacts_dir() -> PathBuf {
    let d = std::env::var_os("ARMSFLOW_ARTIFACTS")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../artifacts"));
    std::fs::create_dir_all(&d).expect("create artifacts dir");
    d
}

/// axe-core's script (`$ARMSFLOW_AXE_JS`), chromedriver and chromium, or
/// `None` after a loud skip (a panic when `ARMSFLOW_REQUIRE_BROWSER=1`).
pub fn tools(test: &str) -> Option<String> {
    let required = std::env::var("ARMSFLOW_REQUIRE_BROWSER").as_deref() == Ok("1");
    let missing = if !Path::new(CHROMIUM).is_file() {
        Some(format!("{CHROMIUM} (apt-get install chromium)"))
    } else if !Path::new(CHROMEDRIVER).is_file() {
        Some(format!("{CHROMEDRIVER} (apt-get install chromium-driver)"))
    } else {
        match std::env::var_os("ARMSFLOW_AXE_JS") {
            None => Some(
                "ARMSFLOW_AXE_JS (npm install axe-core@4; point it at axe.min.js; .ci/run does)"
                    .to_string(),
            ),
            Some(p) => match std::fs::read_to_string(&p) {
                Ok(js) => return Some(js),
                Err(e) => Some(format!("ARMSFLOW_AXE_JS={}: {e}", Path::new(&p).display())),
            },
        }
    };
    let msg = format!(
        "SKIPPED {test}: needs {}; the accessibility browser test did not run",
        missing.unwrap_or_default()
    );
    if required {
        panic!("{msg} and ARMSFLOW_REQUIRE_BROWSER=1");
    }
    testkit::say(&msg);
    None
}

//! A stand-in for SIPRI's backend, on 127.0.0.1 only, for tests.
//!
//! It answers `POST …/trades/trade-register-csv/` with scripted replies (the
//! register as base64 in JSON, or a misbehaviour) and `GET …/trades/getMaxYear`
//! with a plain-text year. It serves at most [`MAX_CONNECTIONS`] connections and
//! stops by itself after [`LIFETIME`], or when dropped. Payloads are built at
//! test time from files in `shared/`; nothing derived from SIPRI is committed.
//!
//! Used by the `sipri` and `cli` tests.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

pub const MAX_CONNECTIONS: usize = 64;
pub const LIFETIME: Duration = Duration::from_secs(120);

/// One scripted answer.
#[derive(Debug, Clone)]
pub struct Reply {
    pub status: u16,
    pub content_type: String,
    pub body: Vec<u8>,
    /// Wait this long before answering.
    pub delay: Duration,
    /// Send the body gzip-encoded (`Content-Encoding: gzip`).
    pub gzip: bool,
    /// Declare the full length but send only this many body bytes, then close.
    pub cut_at: Option<usize>,
    /// Further response headers, e.g. `Retry-After`.
    pub headers: Vec<(String, String)>,
}

impl Reply {
    pub fn new(status: u16, content_type: &str, body: impl Into<Vec<u8>>) -> Reply {
        Reply {
            status,
            content_type: content_type.to_string(),
            body: body.into(),
            delay: Duration::ZERO,
            gzip: false,
            cut_at: None,
            headers: Vec::new(),
        }
    }

    /// Adds a response header.
    pub fn header(mut self, name: &str, value: &str) -> Reply {
        self.headers.push((name.to_string(), value.to_string()));
        self
    }

    /// What SIPRI sends on success: `{"bytes": "<base64 of csv>"}`.
    pub fn register(csv: &[u8]) -> Reply {
        Reply::json(&format!("{{\"bytes\":\"{}\"}}", base64(csv)))
    }

    pub fn json(text: &str) -> Reply {
        Reply::new(200, "application/json", text.as_bytes().to_vec())
    }

    pub fn html(status: u16, title: &str) -> Reply {
        let page = format!(
            "<!DOCTYPE html>\n<html><head><title>{title}</title></head>\
             <body><h1>{title}</h1></body></html>\n"
        );
        Reply::new(status, "text/html; charset=utf-8", page.into_bytes())
    }

    pub fn slow(mut self, d: Duration) -> Reply {
        self.delay = d;
        self
    }

    pub fn gzip(mut self) -> Reply {
        self.gzip = true;
        self
    }

    pub fn cut_at(mut self, n: usize) -> Reply {
        self.cut_at = Some(n);
        self
    }
}

/// A request as the mock saw it.
#[derive(Debug, Clone)]
pub struct Seen {
    pub method: String,
    pub path: String,
    /// Header names lower-cased.
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Seen {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

pub struct MockBackend {
    pub addr: SocketAddr,
    seen: Arc<Mutex<Vec<Seen>>>,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl MockBackend {
    /// Starts serving; register requests get `replies` in order, the last repeating.
    pub fn start(replies: Vec<Reply>) -> MockBackend {
        assert!(!replies.is_empty(), "a mock needs at least one reply");
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
        listener.set_nonblocking(true).expect("nonblocking");
        let addr = listener.local_addr().expect("addr");
        let seen = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let (s2, st2) = (seen.clone(), stop.clone());
        let thread = std::thread::spawn(move || serve(listener, replies, s2, st2));
        MockBackend {
            addr,
            seen,
            stop,
            thread: Some(thread),
        }
    }

    /// Base URL to give the client, shaped like SIPRI's (`…/api/p`).
    pub fn base_url(&self) -> String {
        format!("http://{}/api/p", self.addr)
    }

    pub fn requests(&self) -> Vec<Seen> {
        self.seen.lock().map(|v| v.clone()).unwrap_or_default()
    }

    /// Register requests only.
    pub fn register_requests(&self) -> Vec<Seen> {
        self.requests()
            .into_iter()
            .filter(|s| s.path.ends_with("/trades/trade-register-csv/"))
            .collect()
    }
}

impl Drop for MockBackend {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

fn serve(
    listener: TcpListener,
    replies: Vec<Reply>,
    seen: Arc<Mutex<Vec<Seen>>>,
    stop: Arc<AtomicBool>,
) {
    let started = Instant::now();
    let mut next = 0usize;
    let mut served = 0usize;
    let mut workers = Vec::new();
    while !stop.load(Ordering::SeqCst) && started.elapsed() < LIFETIME && served < MAX_CONNECTIONS {
        let stream = match listener.accept() {
            Ok((s, _)) => s,
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                std::thread::sleep(Duration::from_millis(5));
                continue;
            }
            Err(_) => break,
        };
        served += 1;
        let Some(req) = read_request(&stream) else {
            continue;
        };
        let reply = if req.path.ends_with("/trades/getMaxYear") {
            Reply::new(200, "text/plain", b"2024".to_vec())
        } else if req.path.ends_with("/trades/trade-register-csv/") && req.method == "POST" {
            let r = replies[next.min(replies.len() - 1)].clone();
            next += 1;
            r
        } else {
            Reply::html(404, "Not Found")
        };
        if let Ok(mut v) = seen.lock() {
            v.push(req);
        }
        // Answer on a worker so a slow reply does not hold up shutdown checks.
        workers.push(std::thread::spawn(move || answer(stream, &reply)));
    }
    for w in workers {
        let _ = w.join();
    }
}

fn read_request(mut stream: &TcpStream) -> Option<Seen> {
    stream.set_nonblocking(false).ok()?;
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .ok()?;
    let mut buf = Vec::new();
    let mut chunk = [0u8; 8192];
    let head_end = loop {
        if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break i + 4;
        }
        let n = stream.read(&mut chunk).ok()?;
        if n == 0 || buf.len() > 1 << 20 {
            return None;
        }
        buf.extend_from_slice(&chunk[..n]);
    };
    let head = String::from_utf8_lossy(&buf[..head_end]).to_string();
    let mut lines = head.split("\r\n");
    let mut first = lines.next()?.split(' ');
    let method = first.next()?.to_string();
    let path = first.next()?.to_string();
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    let len: usize = headers
        .iter()
        .find(|(k, _)| k == "content-length")
        .and_then(|(_, v)| v.parse().ok())
        .unwrap_or(0);
    if headers.iter().any(|(k, _)| k == "expect") {
        let _ = stream.write_all(b"HTTP/1.1 100 Continue\r\n\r\n");
    }
    while buf.len() < head_end + len {
        let n = stream.read(&mut chunk).ok()?;
        if n == 0 {
            break;
        }
        buf.extend_from_slice(&chunk[..n]);
    }
    let end = buf.len().min(head_end + len);
    let body = String::from_utf8_lossy(&buf[head_end..end]).to_string();
    Some(Seen {
        method,
        path,
        headers,
        body,
    })
}

fn answer(mut stream: TcpStream, reply: &Reply) {
    std::thread::sleep(reply.delay);
    let body = if reply.gzip {
        gzip_stored(&reply.body)
    } else {
        reply.body.clone()
    };
    let reason = match reply.status {
        200 => "OK",
        404 => "Not Found",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        _ => "Status",
    };
    let mut head = format!(
        "HTTP/1.1 {} {reason}\r\nContent-Type: {}\r\nContent-Length: {}\r\n\
         Cache-Control: no-cache, no-store, max-age=0, must-revalidate\r\nConnection: close\r\n",
        reply.status,
        reply.content_type,
        body.len()
    );
    if reply.gzip {
        head.push_str("Content-Encoding: gzip\r\n");
    }
    for (k, v) in &reply.headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    let sent = reply.cut_at.unwrap_or(body.len()).min(body.len());
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(&body[..sent]);
    let _ = stream.flush();
    let _ = stream.shutdown(std::net::Shutdown::Both);
}

/// Standard base64 with padding.
pub fn base64(data: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for c in data.chunks(3) {
        let n = (u32::from(c[0]) << 16)
            | (u32::from(*c.get(1).unwrap_or(&0)) << 8)
            | u32::from(*c.get(2).unwrap_or(&0));
        for i in 0..4 {
            if i <= c.len() {
                out.push(A[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// A valid gzip stream using uncompressed ("stored") deflate blocks: enough to
/// exercise the client's gzip decoding without a compression dependency.
pub fn gzip_stored(data: &[u8]) -> Vec<u8> {
    let mut out = vec![0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff];
    let chunks: Vec<&[u8]> = if data.is_empty() {
        vec![&[]]
    } else {
        data.chunks(65_535).collect()
    };
    for (i, c) in chunks.iter().enumerate() {
        out.push(u8::from(i + 1 == chunks.len()));
        let len = c.len() as u16;
        out.extend_from_slice(&len.to_le_bytes());
        out.extend_from_slice(&(!len).to_le_bytes());
        out.extend_from_slice(c);
    }
    out.extend_from_slice(&crc32(data).to_le_bytes());
    out.extend_from_slice(&(data.len() as u32).to_le_bytes());
    out
}

fn crc32(data: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in data {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A loopback port with nothing listening (bound, then released).
pub fn closed_port_url() -> String {
    let l = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
    let addr = l.local_addr().expect("addr");
    drop(l);
    format!("http://{addr}/api/p")
}

/// Bytes of a shared file, or `None` after a loud skip (a panic when
/// `ARMSFLOW_REQUIRE_SHARED=1`).
pub fn shared_file(rel: &str) -> Option<Vec<u8>> {
    crate::shared_bytes("mock backend", rel)
}

/// The senapol Ukraine register: a ready payload of the register endpoint.
pub const UKRAINE_REGISTER: &str = "data/sipri/senapol-ukraine-register-2025/trade-register.csv";

/// A header-only register in the current layout (no SIPRI rows).
pub fn empty_register() -> Vec<u8> {
    b"Transfers of major conventional arms from All countries  to Nowhere . \
Deals with deliveries made for the year range '2000' to '2024' \n\
\n\
Data generated: 1 Jan 2026 1:00:00 AM\n\
SIPRI AT Database ID,Supplier,Recipient,Designation,Description,Armament category,\
Order date,Order date is estimate,Numbers delivered,Numbers delivered is estimate,\
Delivery year,Delivery year is estimate,Status,SIPRI estimate,TIV deal unit,\
TIV delivery values,Local production\n"
        .to_vec()
}

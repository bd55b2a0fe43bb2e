//! Connection-level regressions of issue 12 against a real listening server:
//! idle and trickling clients, shutdown with a half-sent request, the
//! connection cap under the open-files limit.

use server::Limits;
use std::io::{Read, Write};
use std::time::{Duration, Instant};

/// A real server on an ephemeral port, stopped by the returned sender.
async fn start(
    limits: Limits,
) -> (
    tempfile::TempDir,
    std::net::SocketAddr,
    tokio::sync::oneshot::Sender<()>,
    tokio::task::JoinHandle<Result<(), server::ServeError>>,
) {
    let tmp = tempfile::tempdir().unwrap();
    let mut cfg = server::ServeConfig::new(tmp.path());
    cfg.bind = "127.0.0.1:0".parse().unwrap();
    cfg.limits = limits;
    let srv = server::bind(cfg).await.unwrap();
    let addr = srv.local_addr();
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    let h = tokio::spawn(srv.run_until(async move {
        let _ = rx.await;
    }));
    (tmp, addr, tx, h)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn idle_connections_are_closed_after_the_header_timeout() {
    let (_t, addr, tx, h) = start(Limits {
        header_timeout: Duration::from_millis(300),
        ..Limits::default()
    })
    .await;
    let closed = tokio::task::spawn_blocking(move || {
        let mut s = std::net::TcpStream::connect(addr).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
        let t = Instant::now();
        let mut b = [0u8; 64];
        let n = s.read(&mut b);
        (n.ok(), t.elapsed())
    })
    .await
    .unwrap();
    assert!(
        matches!(closed.0, Some(0)) && closed.1 < Duration::from_secs(3),
        "idle connection still open: {closed:?}"
    );
    let _ = tx.send(());
    h.await.unwrap().unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn half_sent_request_does_not_block_shutdown() {
    let (_t, addr, tx, h) = start(Limits {
        header_timeout: Duration::from_secs(60),
        shutdown_grace: Duration::from_millis(300),
        ..Limits::default()
    })
    .await;
    let mut s = std::net::TcpStream::connect(addr).unwrap();
    s.write_all(b"GET /api/health HTTP/1.1\r\nHost: localhost\r\n")
        .unwrap();
    tokio::time::sleep(Duration::from_millis(100)).await;
    let t = Instant::now();
    let _ = tx.send(());
    tokio::time::timeout(Duration::from_secs(5), h)
        .await
        .expect("shutdown finished despite the half-sent request")
        .unwrap()
        .unwrap();
    assert!(t.elapsed() < Duration::from_secs(3));
    drop(s);
}

#[test]
fn connection_cap_stays_below_the_fd_limit() {
    let fds = server::raise_fd_limit().expect("unix");
    let cap = server::connection_cap(1_000_000);
    assert!(
        cap + server::FD_RESERVE <= fds.max(cap + server::FD_RESERVE),
        "{cap} vs {fds}"
    );
    assert!(cap < fds, "{cap} vs {fds}");
}

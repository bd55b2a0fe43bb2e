//! Bounded work: heavy computations go through a [`Queue`] (a fixed number
//! run at once, a fixed number wait; beyond that a 503 with `Retry-After`),
//! run on the blocking pool, and see a [`Cancel`] flag that is set when the
//! request that asked for them goes away (client gone, timeout), so abandoned
//! work stops at its next check instead of running on.

use crate::error::{ApiError, ApiResult};
use axum::http::StatusCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use tokio::sync::Semaphore;

/// Seconds a client told "busy" is asked to wait before retrying.
pub const RETRY_AFTER_SECS: u64 = 2;

/// Set when the request that started a computation is dropped.
#[derive(Clone, Default)]
pub struct Cancel(Arc<AtomicBool>);

impl Cancel {
    pub fn is_cancelled(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }

    /// `Err` once cancelled; call it in long loops.
    pub fn check(&self) -> ApiResult<()> {
        if self.is_cancelled() {
            Err(cancelled())
        } else {
            Ok(())
        }
    }

    pub fn cancel(&self) {
        self.0.store(true, Ordering::Relaxed);
    }
}

/// Cancels on drop: lives in the handler's future, so dropping the future
/// (hyper on a closed connection, the timeout layer) flags the work.
struct CancelOnDrop(Cancel);

impl Drop for CancelOnDrop {
    fn drop(&mut self) {
        self.0.cancel();
    }
}

/// Logs a request dropped while its work was still queued.
struct Waiting(&'static str, bool);

impl Drop for Waiting {
    fn drop(&mut self) {
        if self.1 {
            tracing::info!(
                queue = self.0,
                "abandoned request: left the queue before its work started"
            );
        }
    }
}

/// Decrements a counter on drop, whichever way the work ends.
struct Slot(Arc<AtomicUsize>);

impl Drop for Slot {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::AcqRel);
    }
}

/// At most `running` computations at once, at most `waiting` more queued.
pub struct Queue {
    name: &'static str,
    sem: Arc<Semaphore>,
    admitted: Arc<AtomicUsize>,
    capacity: usize,
}

impl Queue {
    pub fn new(name: &'static str, running: usize, waiting: usize) -> Queue {
        let running = running.max(1);
        Queue {
            name,
            sem: Arc::new(Semaphore::new(running)),
            admitted: Arc::new(AtomicUsize::new(0)),
            capacity: running + waiting,
        }
    }

    /// Requests admitted and not finished (running or waiting).
    pub fn in_flight(&self) -> usize {
        self.admitted.load(Ordering::Acquire)
    }

    /// Runs `f` on the blocking pool once a slot is free. The slot (and so
    /// the bound) is held until `f` returns, even when the request is gone.
    pub async fn run<T: Send + 'static>(
        &self,
        f: impl FnOnce(&Cancel) -> ApiResult<T> + Send + 'static,
    ) -> ApiResult<T> {
        let prev = self.admitted.fetch_add(1, Ordering::AcqRel);
        let slot = Slot(self.admitted.clone());
        if prev >= self.capacity {
            return Err(busy(self.name, self.capacity));
        }
        let cancel = Cancel::default();
        let _guard = CancelOnDrop(cancel.clone());
        let mut waiting = Waiting(self.name, true);
        let permit = self
            .sem
            .clone()
            .acquire_owned()
            .await
            .map_err(|_| ApiError::internal("work queue closed"))?;
        waiting.1 = false;
        let c = cancel.clone();
        let name = self.name;
        tokio::task::spawn_blocking(move || {
            crate::state::clear_fallback_note();
            let _permit = permit;
            let _slot = slot;
            if c.is_cancelled() {
                tracing::info!(
                    queue = name,
                    "abandoned request: its queued work was skipped"
                );
                return Err(cancelled());
            }
            let out = f(&c);
            if c.is_cancelled() {
                tracing::info!(
                    queue = name,
                    "abandoned request: its work stopped or finished unused"
                );
            }
            out
        })
        .await
        .map_err(|e| ApiError::internal(format!("computation failed: {e}")))?
    }
}

/// What abandoned work returns (nobody reads it: the request is gone).
pub(crate) fn cancelled() -> ApiError {
    ApiError::new(
        StatusCode::SERVICE_UNAVAILABLE,
        "cancelled",
        "the request was abandoned",
    )
}

/// 503 with `Retry-After` (the header is added by [`ApiError`]'s response).
pub fn busy(name: &str, capacity: usize) -> ApiError {
    ApiError::new(
        StatusCode::SERVICE_UNAVAILABLE,
        "busy",
        format!(
            "the server is busy: {capacity} {name} requests are already running or queued; retry in {RETRY_AFTER_SECS} s"
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn full_queue_is_busy_and_dropped_work_is_cancelled() {
        let q = Arc::new(Queue::new("test", 1, 1));
        let seen = Arc::new(AtomicBool::new(false));
        let s2 = seen.clone();
        let q2 = q.clone();
        // Occupies the only running slot until cancelled.
        let long = tokio::spawn(async move {
            q2.run(move |c| {
                while !c.is_cancelled() {
                    std::thread::sleep(Duration::from_millis(5));
                }
                s2.store(true, Ordering::SeqCst);
                c.check()
            })
            .await
        });
        tokio::time::sleep(Duration::from_millis(50)).await;
        let q3 = q.clone();
        let waiting = tokio::spawn(async move { q3.run(|_| Ok(())).await });
        tokio::time::sleep(Duration::from_millis(50)).await;
        let e = q.run(|_| Ok(())).await.unwrap_err();
        assert_eq!(e.status, StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(e.error, "busy");
        long.abort();
        let _ = long.await;
        for _ in 0..200 {
            if seen.load(Ordering::SeqCst) {
                break;
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        assert!(seen.load(Ordering::SeqCst), "abandoned work saw its flag");
        assert!(waiting.await.unwrap().is_ok());
        assert_eq!(q.in_flight(), 0);
    }
}

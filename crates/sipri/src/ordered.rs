//! Parse chunks on every core, merge them in file order.

use std::panic::AssertUnwindSafe;
use std::sync::atomic::AtomicUsize;
use std::sync::atomic::Ordering::{Acquire, Relaxed, Release};
use std::sync::mpsc;
use std::time::Duration;

/// Runs `parse(i)` for `i` in `0..n` on this thread and `helpers` scoped
/// threads, and hands each result to `merge` in index order as soon as it
/// and all before it are ready, so merging overlaps the parsing of later
/// chunks. The first helper runs `first` before it takes chunks (this thread
/// runs it at the end when there is no helper, or when the helper failed).
/// A helper parses at most `lead` chunks ahead of the merge (it waits
/// otherwise), so that results, and the memory they hold, do not pile up
/// when this thread is slow.
///
/// An `Err` from `merge` stops the work: no further chunk is started and the
/// error is returned. A helper whose parse panics hands the chunk back, and
/// it is parsed again here (where a second panic propagates).
pub(crate) fn ordered<T, R, E>(
    n: usize,
    helpers: usize,
    lead: usize,
    parse: &(dyn Fn(usize) -> T + Sync),
    first: &(dyn Fn() -> R + Sync),
    merge: &mut dyn FnMut(T) -> Result<(), E>,
) -> Result<R, E>
where
    T: Send,
    R: Send,
{
    let next = AtomicUsize::new(0);
    // Chunks merged so far; `n` once the work stops.
    let merged = AtomicUsize::new(0);
    let take = || next.fetch_add(1, Relaxed);
    let lead = lead.max(1);
    std::thread::scope(|s| {
        let (tx, rx) = mpsc::channel::<(usize, Option<T>)>();
        let mut handles = Vec::new();
        for h in 0..helpers {
            let tx = tx.clone();
            let (take, merged) = (&take, &merged);
            // A thread that cannot be started leaves its share to the others.
            let spawned = std::thread::Builder::new().spawn_scoped(s, move || {
                let r = (h == 0).then(first);
                loop {
                    let i = take();
                    if i >= n {
                        break;
                    }
                    while i >= merged.load(Acquire).saturating_add(lead) {
                        std::thread::park_timeout(Duration::from_millis(1));
                    }
                    if merged.load(Acquire) >= n {
                        break;
                    }
                    let t = std::panic::catch_unwind(AssertUnwindSafe(|| parse(i))).ok();
                    if tx.send((i, t)).is_err() {
                        break;
                    }
                }
                r
            });
            handles.extend(spawned.ok());
        }
        drop(tx);
        // Also when `merge` or a parse here panics: helpers waiting for the
        // merge to advance must end, or the scope would wait for them.
        let _stop = StopOnDrop(&merged, n);
        let wake = || handles.iter().for_each(|h| h.thread().unpark());
        let mut ready: Vec<Option<T>> = (0..n).map(|_| None).collect();
        let mut k = 0;
        let mut result = Ok(());
        while k < n {
            if let Some(t) = ready[k].take() {
                if let Err(e) = merge(t) {
                    next.store(n, Relaxed);
                    merged.store(n, Release);
                    result = Err(e);
                    break;
                }
                k += 1;
                merged.store(k, Release);
                wake();
                continue;
            }
            while let Ok((i, t)) = rx.try_recv() {
                ready[i] = Some(t.unwrap_or_else(|| parse(i)));
            }
            if ready[k].is_some() {
                continue;
            }
            let i = take();
            if i < n {
                ready[i] = Some(parse(i));
                continue;
            }
            // Every chunk is taken and `k` is a helper's, which parses it
            // (it is within `lead`) or hands it back.
            match rx.recv() {
                Ok((i, t)) => ready[i] = Some(t.unwrap_or_else(|| parse(i))),
                Err(_) => ready[k] = Some(parse(k)),
            }
        }
        wake();
        drop(rx);
        let mut firsts = handles.into_iter().map(|h| h.join().ok().flatten());
        let r = firsts.next().flatten();
        // Join every helper before returning.
        firsts.for_each(drop);
        result.map(|()| r.unwrap_or_else(first))
    })
}

/// Sets the merged count to the end when dropped.
struct StopOnDrop<'a>(&'a AtomicUsize, usize);

impl Drop for StopOnDrop<'_> {
    fn drop(&mut self) {
        self.0.store(self.1, Release);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merges_in_order_and_stops_at_an_error() {
        for helpers in 0..3 {
            let mut seen = Vec::new();
            let r: Result<&str, ()> = ordered(
                50,
                helpers,
                1 + helpers,
                &|i| i * 2,
                &|| "first",
                &mut |t| {
                    seen.push(t);
                    Ok(())
                },
            );
            assert_eq!(r, Ok("first"));
            assert_eq!(seen, (0..50).map(|i| i * 2).collect::<Vec<_>>());
            let mut seen = Vec::new();
            let r: Result<&str, usize> = ordered(50, helpers, 2, &|i| i, &|| "first", &mut |t| {
                seen.push(t);
                if t == 7 { Err(t) } else { Ok(()) }
            });
            assert_eq!(r, Err(7));
            assert_eq!(seen, (0..8).collect::<Vec<_>>());
        }
    }

    #[test]
    fn a_panicking_helper_loses_no_chunk() {
        let main = std::thread::current().id();
        let mut seen = Vec::new();
        let r: Result<u8, ()> = ordered(
            20,
            1,
            3,
            &|i| {
                if std::thread::current().id() != main && i % 3 == 0 {
                    panic!("test panic in a helper");
                }
                i
            },
            &|| 1,
            &mut |t| {
                seen.push(t);
                Ok(())
            },
        );
        assert_eq!(r, Ok(1));
        assert_eq!(seen, (0..20).collect::<Vec<_>>());
    }

    #[test]
    #[should_panic(expected = "always")]
    fn a_chunk_that_always_panics_fails_without_hanging() {
        let _: Result<(), ()> = ordered(
            30,
            1,
            2,
            &|i| {
                if i == 5 {
                    panic!("always");
                }
            },
            &|| (),
            &mut |()| Ok(()),
        );
    }
}

//! Parse chunks on every core, merge them in file order.

use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::sync::mpsc;

/// Runs `parse(i)` for `i` in `0..n` on this thread and `helpers` scoped
/// threads, and hands each result to `merge` in index order as soon as it
/// and all before it are ready, so merging overlaps the parsing of later
/// chunks. The first helper runs `first` before it takes chunks (this thread
/// runs it at the end when there is no helper, or when the helper failed).
///
/// An `Err` from `merge` stops the work: no further chunk is started and the
/// error is returned. A helper that panics loses nothing: the chunks it had
/// taken are parsed again here.
pub(crate) fn ordered<T, R, E>(
    n: usize,
    helpers: usize,
    parse: &(dyn Fn(usize) -> T + Sync),
    first: &(dyn Fn() -> R + Sync),
    merge: &mut dyn FnMut(T) -> Result<(), E>,
) -> Result<R, E>
where
    T: Send,
    R: Send,
{
    let next = AtomicUsize::new(0);
    let take = || next.fetch_add(1, Relaxed);
    std::thread::scope(|s| {
        let (tx, rx) = mpsc::channel::<(usize, T)>();
        let mut handles = Vec::new();
        for h in 0..helpers {
            let tx = tx.clone();
            let take = &take;
            handles.push(s.spawn(move || {
                let r = (h == 0).then(first);
                loop {
                    let i = take();
                    if i >= n || tx.send((i, parse(i))).is_err() {
                        break;
                    }
                }
                r
            }));
        }
        drop(tx);
        let mut ready: Vec<Option<T>> = (0..n).map(|_| None).collect();
        let mut k = 0;
        let mut result = Ok(());
        while k < n {
            if let Some(t) = ready[k].take() {
                if let Err(e) = merge(t) {
                    next.store(n, Relaxed);
                    result = Err(e);
                    break;
                }
                k += 1;
                continue;
            }
            while let Ok((i, t)) = rx.try_recv() {
                ready[i] = Some(t);
            }
            if ready[k].is_some() {
                continue;
            }
            let i = take();
            if i < n {
                ready[i] = Some(parse(i));
                continue;
            }
            match rx.recv() {
                Ok((i, t)) => ready[i] = Some(t),
                // Every helper has ended and chunk `k` never came: parse it here.
                Err(_) => ready[k] = Some(parse(k)),
            }
        }
        drop(rx);
        let mut firsts = handles.into_iter().map(|h| h.join().ok().flatten());
        let r = firsts.next().flatten();
        // Join every helper before returning (a panic in one is handled above).
        firsts.for_each(drop);
        result.map(|()| r.unwrap_or_else(first))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merges_in_order_and_stops_at_an_error() {
        for helpers in 0..3 {
            let mut seen = Vec::new();
            let r: Result<&str, ()> = ordered(50, helpers, &|i| i * 2, &|| "first", &mut |t| {
                seen.push(t);
                Ok(())
            });
            assert_eq!(r, Ok("first"));
            assert_eq!(seen, (0..50).map(|i| i * 2).collect::<Vec<_>>());
            let mut seen = Vec::new();
            let r: Result<&str, usize> = ordered(50, helpers, &|i| i, &|| "first", &mut |t| {
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
}

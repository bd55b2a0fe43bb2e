//! Heap set-up for bulk work (a whole-file import).
//!
//! An import of SIPRI's register builds ~25 MB of short-lived structures in
//! ~10 ms; with glibc's defaults a third of its CPU time went to the kernel:
//! one page fault per fresh 4 KiB page (~5,900 per import), heap growth of
//! each thread's arena by `mprotect`, and large buffers mapped and unmapped
//! on every resize. Here the heap is grown once, in one arena, the kernel
//! is asked to back it with transparent huge pages (2 MiB per fault), and
//! the part the import will use is faulted in on a helper thread. This is
//! what glibc's `glibc.malloc.hugetlb=1` tunable does, which cannot be set
//! once the process runs. Queries do not call it: for them the larger first
//! fault costs more than it saves.

/// Reserves `bytes` of heap for bulk work and advises the kernel to use huge
/// pages for it; a helper thread then faults in the first `prefault` bytes
/// (`MADV_POPULATE_WRITE`, which leaves their contents alone), so that the
/// import's merge, which runs on one thread and takes most of the fresh
/// memory, finds its pages ready instead of stopping at each fault. Only
/// advice: on other platforms, or if any step is refused, allocation works
/// exactly as before.
pub fn prepare_bulk(bytes: usize, prefault: usize) {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    glibc::prepare_bulk(bytes, prefault);
    #[cfg(not(all(target_os = "linux", target_env = "gnu")))]
    let _ = (bytes, prefault);
}

#[cfg(all(target_os = "linux", target_env = "gnu"))]
mod glibc {
    /// Largest value `mallopt` takes.
    const MAX: usize = i32::MAX as usize;
    /// glibc refuses larger mmap thresholds on 64-bit targets.
    const MMAP_THRESHOLD_MAX: usize = 32 << 20;
    const HUGE: usize = 2 << 20;

    pub fn prepare_bulk(bytes: usize, prefault: usize) {
        if let Some((first, end)) = grow(bytes.clamp(HUGE, MAX / 2)) {
            let len = prefault.min(end - first) & !(HUGE - 1);
            // Not joined: the import goes on meanwhile; a kernel before 5.14
            // refuses the advice, and the pages fault in as they are used.
            let _ = populate(first, len);
        }
    }

    /// Faults in `len` bytes from `first` (page aligned) on a helper thread.
    /// Populating writes nothing, so the memory may be handed out and written
    /// meanwhile; the caller must keep the range mapped while the thread runs
    /// (the heap is never trimmed, and the process exits after the import).
    pub(super) fn populate(first: usize, len: usize) -> Option<std::thread::JoinHandle<()>> {
        if len == 0 {
            return None;
        }
        std::thread::Builder::new()
            .name("armsflow-prefault".into())
            .spawn(move || {
                // SAFETY: advice on a mapped range (see above), which changes
                // no byte of it.
                unsafe {
                    libc::madvise(first as *mut libc::c_void, len, libc::MADV_POPULATE_WRITE)
                };
            })
            .ok()
    }

    /// Grows the heap once by at least `bytes` and advises huge pages for
    /// it; the advised range `(first, end)`, huge-page aligned at `first`.
    fn grow(bytes: usize) -> Option<(usize, usize)> {
        // SAFETY: mallopt, sbrk(0), malloc/free and madvise on the range the
        // heap just grew by are all defined at any point of a running process;
        // none of them invalidates an existing allocation.
        unsafe {
            // One arena: threads share the main heap instead of each growing
            // its own by mprotect. Large blocks come from the heap too (a
            // resized vector is not unmapped and faulted in again), and the
            // heap is not trimmed: the process exits soon after the import.
            libc::mallopt(libc::M_ARENA_MAX, 1);
            libc::mallopt(libc::M_MMAP_THRESHOLD, MMAP_THRESHOLD_MAX as i32);
            libc::mallopt(libc::M_TRIM_THRESHOLD, MAX as i32);
            libc::mallopt(libc::M_TOP_PAD, bytes as i32);
            let start = libc::sbrk(0) as usize;
            // Grow the heap once by at least `bytes` (the top pad), through a
            // block larger than what the young heap has free; freed, it goes
            // back to the top of the heap, where later allocations take it.
            // (black_box: the compiler may otherwise drop an unused
            // malloc/free pair.)
            let p = std::hint::black_box(libc::malloc(HUGE));
            if p.is_null() {
                return None;
            }
            libc::free(p);
            let end = libc::sbrk(0) as usize;
            if start == usize::MAX || end == usize::MAX || end <= start {
                return None;
            }
            let first = start.next_multiple_of(HUGE);
            if end <= first + HUGE {
                return None;
            }
            libc::madvise(first as *mut libc::c_void, end - first, libc::MADV_HUGEPAGE);
            Some((first, end))
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn allocation_works_after_preparing_twice() {
        super::prepare_bulk(8 << 20, 4 << 20);
        super::prepare_bulk(usize::MAX, usize::MAX);
        let big: Vec<u64> = (0..(4 << 20)).collect();
        let small: Vec<String> = (0..10_000).map(|i| i.to_string()).collect();
        assert_eq!(big[big.len() - 1], (4 << 20) - 1);
        assert_eq!(small[9_999], "9999");
    }

    /// Memory written while the helper is still faulting it in keeps what is
    /// written to it, before and during (populating must never write).
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    #[test]
    fn populating_beside_writes_keeps_contents() {
        const PAGE: usize = 4096;
        let mut buf = vec![0u8; 32 << 20];
        let start = (buf.as_ptr() as usize).next_multiple_of(PAGE);
        let off = start - buf.as_ptr() as usize;
        let len = (buf.len() - off) / PAGE * PAGE;
        // Half written before, half while the helper runs over all of it.
        let half = len / 2;
        let pattern = |i: usize| (i % 251) as u8 + 1;
        let probes = || (off..off + len).step_by(997);
        for i in probes().filter(|&i| i < off + half) {
            buf[i] = pattern(i);
        }
        let helper = super::glibc::populate(start, len).expect("helper thread");
        for i in probes().filter(|&i| i >= off + half) {
            buf[i] = pattern(i);
        }
        helper.join().unwrap();
        for i in probes() {
            assert_eq!(buf[i], pattern(i), "byte {i}");
        }
    }
}

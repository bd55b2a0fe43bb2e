//! Heap set-up for bulk work (a whole-file import).
//!
//! An import of SIPRI's register builds ~25 MB of short-lived structures in
//! ~10 ms; with glibc's defaults a third of its CPU time went to the kernel:
//! one page fault per fresh 4 KiB page (~5,900 per import), heap growth of
//! each thread's arena by `mprotect`, and large buffers mapped and unmapped
//! on every resize. Here the heap is grown once, in one arena, and the kernel
//! is asked to back it with transparent huge pages (2 MiB per fault). This is
//! what glibc's `glibc.malloc.hugetlb=1` tunable does, which cannot be set
//! once the process runs. Queries do not call it: for them the larger first
//! fault costs more than it saves.

/// Reserves (without touching) `bytes` of heap for bulk work and advises the
/// kernel to use huge pages for it. Only advice: on other platforms, or if
/// any step is refused, allocation works exactly as before.
pub fn prepare_bulk(bytes: usize) {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    glibc::prepare_bulk(bytes);
    #[cfg(not(all(target_os = "linux", target_env = "gnu")))]
    let _ = bytes;
}

#[cfg(all(target_os = "linux", target_env = "gnu"))]
mod glibc {
    /// Largest value `mallopt` takes.
    const MAX: usize = i32::MAX as usize;
    /// glibc refuses larger mmap thresholds on 64-bit targets.
    const MMAP_THRESHOLD_MAX: usize = 32 << 20;
    const HUGE: usize = 2 << 20;

    pub fn prepare_bulk(bytes: usize) {
        let bytes = bytes.clamp(HUGE, MAX / 2);
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
                return;
            }
            libc::free(p);
            let end = libc::sbrk(0) as usize;
            if start == usize::MAX || end == usize::MAX || end <= start {
                return;
            }
            let first = start.next_multiple_of(HUGE);
            if end > first + HUGE {
                libc::madvise(first as *mut libc::c_void, end - first, libc::MADV_HUGEPAGE);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn allocation_works_after_preparing_twice() {
        super::prepare_bulk(8 << 20);
        super::prepare_bulk(usize::MAX);
        let big: Vec<u64> = (0..(4 << 20)).collect();
        let small: Vec<String> = (0..10_000).map(|i| i.to_string()).collect();
        assert_eq!(big[big.len() - 1], (4 << 20) - 1);
        assert_eq!(small[9_999], "9999");
    }
}

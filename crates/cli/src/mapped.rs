//! A file mapped for import and cut short by another program meanwhile
//! faults on access (SIGBUS), which killed the import without a word
//! (hostile-files probe 32: exit 135, empty stderr). While a [`Guard`]
//! lives, that signal prints which file changed and exits with the status
//! of a file that cannot be read. Nothing is lost: the whole file is read
//! before the store is opened.

/// Turns SIGBUS into an error naming the file while it lives; the default
/// action returns when it is dropped.
pub struct Guard(());

impl Guard {
    pub fn new(file: &str) -> Guard {
        #[cfg(unix)]
        imp::install(file);
        #[cfg(not(unix))]
        let _ = file;
        Guard(())
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        #[cfg(unix)]
        imp::uninstall();
    }
}

#[cfg(unix)]
mod imp {
    use std::sync::atomic::{AtomicPtr, Ordering};

    /// The message, leaked: the handler may only read memory and call
    /// `write` and `_exit`.
    static MESSAGE: AtomicPtr<Vec<u8>> = AtomicPtr::new(std::ptr::null_mut());

    extern "C" fn on_sigbus(_: libc::c_int) {
        let m = MESSAGE.load(Ordering::Acquire);
        // SAFETY: `m` is null or a leaked, never freed Vec; `write` and
        // `_exit` are async-signal-safe.
        unsafe {
            if let Some(m) = m.as_ref() {
                libc::write(2, m.as_ptr().cast(), m.len());
            }
            // 2: bad input, as every other file that cannot be read.
            libc::_exit(2);
        }
    }

    pub(super) fn install(file: &str) {
        let file = crate::common::term_safe(file);
        let text = format!(
            "armsflow: {file}: cannot read: the file was cut short by another program \
             while it was being read; nothing was imported: import it again once it is complete\n"
        );
        MESSAGE.store(
            Box::into_raw(Box::new(text.into_bytes())),
            Ordering::Release,
        );
        set(on_sigbus as *const () as libc::sighandler_t);
    }

    pub(super) fn uninstall() {
        set(libc::SIG_DFL);
    }

    fn set(handler: libc::sighandler_t) {
        // SAFETY: a plain sigaction with an empty mask; the handler above
        // is async-signal-safe.
        unsafe {
            let mut sa: libc::sigaction = std::mem::zeroed();
            sa.sa_sigaction = handler;
            libc::sigemptyset(&mut sa.sa_mask);
            libc::sigaction(libc::SIGBUS, &sa, std::ptr::null_mut());
        }
    }
}

/// Test builds only: `ARMSFLOW_TEST_CUT_MAPPED=1` empties the file just
/// mapped, as another program might, so that a test sees the guard act.
pub fn test_hook_after_map(path: &std::path::Path) {
    #[cfg(debug_assertions)]
    if std::env::var_os("ARMSFLOW_TEST_CUT_MAPPED").is_some() {
        let _ = std::fs::OpenOptions::new()
            .write(true)
            .open(path)
            .and_then(|f| f.set_len(0));
    }
    #[cfg(not(debug_assertions))]
    let _ = path;
}

/// Test builds only: `ARMSFLOW_TEST_APPEND_AFTER_READ=1` appends a line to
/// the file once it has been read, so that a test sees the change refused.
pub fn test_hook_after_read(path: &std::path::Path) {
    #[cfg(debug_assertions)]
    if std::env::var_os("ARMSFLOW_TEST_APPEND_AFTER_READ").is_some() {
        use std::io::Write;
        let _ = std::fs::OpenOptions::new()
            .append(true)
            .open(path)
            .and_then(|mut f| f.write_all(b"\n"));
    }
    #[cfg(not(debug_assertions))]
    let _ = path;
}

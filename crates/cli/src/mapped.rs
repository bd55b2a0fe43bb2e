//! The bytes of a file to import, mapped where it is a regular file. A
//! file mapped for import and cut short by another program meanwhile
//! faults on access (SIGBUS), which killed the import without a word
//! (hostile-files probe 32: exit 135, empty stderr). While a [`Guard`]
//! lives, that signal prints which file changed and exits with the status
//! of a file that cannot be read. Nothing is lost: the whole file is read
//! before the store is opened.

/// A file's bytes: mapped, else read. Mapping the register saves copying it
/// into freshly faulted memory before parsing can start (about a
/// millisecond of the 2.75 MB register's import); the parse then reads the
/// page cache directly. Like any mapped reader (ripgrep maps single files
/// the same way), a file truncated by another program during the import
/// faults: see [`Guard`]. A file changed during the read is refused
/// afterwards by its size and modification time.
pub enum FileBytes {
    /// The map, then the guard that names the file if it is cut short
    /// while mapped (fields drop in this order).
    Mapped(memmap2::Mmap, Guard),
    Read(Vec<u8>),
}

impl FileBytes {
    /// `name`: the file as messages name it.
    pub fn read(
        file: &std::fs::File,
        meta: &std::fs::Metadata,
        path: &std::path::Path,
        name: &str,
    ) -> std::io::Result<FileBytes> {
        // Only regular, non-empty files map (not pipes or /dev/stdin).
        if meta.is_file() && meta.len() > 0 {
            let guard = Guard::new(name);
            // SAFETY: a read-only private map of a file we only read; a
            // truncation by another program meanwhile faults, and the guard
            // turns the fault into an error naming the file.
            if let Ok(map) = unsafe { memmap2::MmapOptions::new().populate().map(file) } {
                test_hook_after_map(path);
                return Ok(FileBytes::Mapped(map, guard));
            }
        }
        if meta.is_file() {
            // The streamed reader may have read from this handle already.
            std::io::Seek::seek(&mut &*file, std::io::SeekFrom::Start(0))?;
        }
        Ok(FileBytes::Read(read_bounded(&mut &*file)?))
    }
}

/// Input read whole without a known size (standard input, a FIFO, a
/// device) stops here: the whole-file reader needs about twelve times it.
const PIPED_MAX: u64 = 256 << 20;

/// Reads `r` to its end, refusing binary data at its start and input over
/// [`PIPED_MAX`] as soon as they show (regression: `import /dev/zero` grew
/// to 7 GB, and `/dev/urandom` never ended).
pub fn read_bounded(r: &mut impl std::io::Read) -> std::io::Result<Vec<u8>> {
    let bad = |m: String| std::io::Error::new(std::io::ErrorKind::InvalidData, m);
    let mut bytes = Vec::new();
    let mut checked = false;
    loop {
        let n = std::io::Read::read_to_end(&mut std::io::Read::take(&mut *r, 1 << 20), &mut bytes)?;
        if !checked && (bytes.len() >= 64 << 10 || n == 0) {
            checked = true;
            if bytes[..bytes.len().min(64 << 10)].contains(&0) {
                return Err(bad("binary data (NUL byte), not a SIPRI CSV export".into()));
            }
        }
        if n == 0 {
            return Ok(bytes);
        }
        if bytes.len() as u64 > PIPED_MAX {
            return Err(bad(format!(
                "over {} MB without an end: save it to a file and import the file (a file \
                 of any size is read in bounded memory)",
                PIPED_MAX >> 20
            )));
        }
    }
}

impl std::ops::Deref for FileBytes {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        match self {
            FileBytes::Mapped(m, _) => m,
            FileBytes::Read(v) => v,
        }
    }
}

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

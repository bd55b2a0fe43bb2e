//! The file a streamed import reads: every pass from its start through one
//! open handle, and a check that it did not change meanwhile.

use super::StreamError;
use std::fs::File;
use std::io::{self, Seek};

/// `file` from its first byte, as a handle of its own (sharing the offset,
/// which is why the passes never overlap).
pub(super) fn rewound(file: &File) -> Result<File, StreamError> {
    let mut f = file.try_clone().map_err(StreamError::Input)?;
    f.seek(io::SeekFrom::Start(0)).map_err(StreamError::Input)?;
    Ok(f)
}

/// Refuses a file whose size or modification time changed since `before`:
/// its head (date, header) and its rows may come from different contents.
pub fn unchanged(file: &File, before: &std::fs::Metadata) -> Result<(), StreamError> {
    let now = file.metadata().map_err(StreamError::Input)?;
    if now.len() == before.len() && now.modified().ok() == before.modified().ok() {
        return Ok(());
    }
    Err(StreamError::Input(io::Error::other(format!(
        "the file changed while it was being read ({} bytes at the start, {} at the end, \
         or a new modification time); nothing was imported: import it again once it is complete",
        before.len(),
        now.len()
    ))))
}

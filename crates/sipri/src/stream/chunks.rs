//! Reading the file for pass 1: chunks of whole lines, lines over the
//! limit, and a chunk's text in the file's encoding.

use super::{CHUNK_AT, MAX_LINE, Mode};
use std::borrow::Cow;
use std::fs::File;
use std::io::{self, Read};

/// The next chunk of whole lines (the last may lack its line end).
/// `buf`: the emptied buffer of an earlier chunk to fill again, if any: a
/// fresh 4 MB buffer is 1,024 fresh pages, each faulted in.
pub(super) fn read_chunk(
    file: &mut File,
    carry: &mut Vec<u8>,
    eof: &mut bool,
    mut buf: Vec<u8>,
) -> io::Result<Option<Vec<u8>>> {
    let chunk = CHUNK_AT.load(std::sync::atomic::Ordering::Relaxed);
    buf.clear();
    // Sized once: growing by doubling would copy into fresh pages.
    buf.reserve(chunk + carry.len() + (64 << 10));
    buf.append(carry);
    // Bytes known to hold no line end: each byte is searched once, also
    // while a long line is read in many pieces.
    let mut searched = 0;
    // The buffer starts at a line start. Only its first line can be longer
    // than the limit: reading stops at the first line end past a chunk's
    // size, so the lines after the first one lie within two chunks.
    let too_long = |buf: &[u8]| memchr::memchr(b'\n', buf).unwrap_or(buf.len()) > MAX_LINE;
    let long = || io::Error::new(io::ErrorKind::InvalidData, LongLine(0));
    loop {
        if buf.len() >= chunk || *eof {
            if *eof {
                // (A line over the limit failed below before the end.)
                return Ok((!buf.is_empty()).then_some(buf));
            }
            if let Some(p) = memchr::memrchr(b'\n', &buf[searched..]) {
                if too_long(&buf) {
                    return Err(long());
                }
                let p = searched + p;
                *carry = buf[p + 1..].to_vec();
                buf.truncate(p + 1);
                return Ok(Some(buf));
            }
            searched = buf.len();
            // The whole buffer is one unfinished line.
            if buf.len() > MAX_LINE {
                return Err(long());
            }
        }
        let n = file.by_ref().take(chunk as u64).read_to_end(&mut buf)?;
        if n == 0 {
            *eof = true;
        }
    }
}

/// The error of a line longer than [`MAX_LINE`], with its number once the
/// reading thread knows it (a chunk's lines are numbered after it is read).
#[derive(Debug)]
pub(super) struct LongLine(pub(super) u64);

impl LongLine {
    /// `e` with the line number `line`, if it is a long line's error.
    pub(super) fn at(e: io::Error, line: u64) -> io::Error {
        if Self::line(&e).is_some() {
            io::Error::new(io::ErrorKind::InvalidData, LongLine(line))
        } else {
            e
        }
    }
    pub(super) fn line(e: &io::Error) -> Option<u64> {
        e.get_ref()?.downcast_ref::<LongLine>().map(|l| l.0)
    }
}

impl std::fmt::Display for LongLine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {} is longer than {} MB", self.0, MAX_LINE >> 20)
    }
}

impl std::error::Error for LongLine {}

/// A chunk as text; `None` when UTF-8 was assumed and the bytes are not.
pub(super) fn decode(bytes: &[u8], mode: Mode, first: bool) -> Option<Cow<'_, str>> {
    let bytes = if first {
        bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
    } else {
        bytes
    };
    match mode {
        Mode::Utf8 => std::str::from_utf8(bytes).ok().map(Cow::Borrowed),
        Mode::Latin1 => Some(
            encoding_rs::WINDOWS_1252
                .decode_without_bom_handling(bytes)
                .0,
        ),
    }
}

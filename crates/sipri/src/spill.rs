//! Scratch storage for the streaming reader: keyed append-only buffers that
//! stay in memory while small and go to files in a scratch directory when
//! they grow, and a compact binary encoding for the records put in them.
//!
//! A small register never touches the disk; a large one is held at about
//! `keys × FLUSH` bytes however big the file is.

use std::fs::File;
use std::io::{self, BufReader, Read, Write};
use std::path::{Path, PathBuf};

/// A buffer is written out once it holds this many bytes.
const FLUSH: usize = 256 << 10;

/// [`FLUSH`], lowered by tests to send small files through the disk path.
static FLUSH_AT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(FLUSH);

pub(crate) fn set_flush(bytes: usize) {
    FLUSH_AT.store(bytes.max(1), std::sync::atomic::Ordering::Relaxed);
}

/// Append-only byte streams, one per key.
pub(crate) struct Spill {
    dir: PathBuf,
    prefix: &'static str,
    bufs: Vec<Vec<u8>>,
    files: Vec<Option<File>>,
}

impl Spill {
    pub fn new(dir: &Path, prefix: &'static str, keys: usize) -> Spill {
        Spill {
            dir: dir.to_path_buf(),
            prefix,
            bufs: (0..keys).map(|_| Vec::new()).collect(),
            files: (0..keys).map(|_| None).collect(),
        }
    }

    pub fn keys(&self) -> usize {
        self.bufs.len()
    }

    /// The buffer of `key`, to append one record to; call [`Spill::done`]
    /// after. Keys past the last one are added (empty) as needed.
    pub fn buf(&mut self, key: usize) -> &mut Vec<u8> {
        if key >= self.bufs.len() {
            self.bufs.resize_with(key + 1, Vec::new);
            self.files.resize_with(key + 1, || None);
        }
        &mut self.bufs[key]
    }

    fn path(&self, key: usize) -> PathBuf {
        self.dir.join(format!("{}-{key}", self.prefix))
    }

    /// Writes `key`'s buffer out if it is full.
    pub fn done(&mut self, key: usize) -> io::Result<()> {
        if self.bufs[key].len() < FLUSH_AT.load(std::sync::atomic::Ordering::Relaxed) {
            return Ok(());
        }
        let file = match &mut self.files[key] {
            Some(f) => f,
            slot => {
                std::fs::create_dir_all(&self.dir)?;
                slot.insert(File::create(
                    self.dir.join(format!("{}-{key}", self.prefix)),
                )?)
            }
        };
        file.write_all(&self.bufs[key])?;
        self.bufs[key].clear();
        Ok(())
    }

    /// A reader over everything appended to `key`; empties it.
    pub fn take(&mut self, key: usize) -> io::Result<Reader> {
        let rest = std::mem::take(&mut self.bufs[key]);
        let inner: Box<dyn Read + Send> = match self.files[key].take() {
            None => Box::new(io::Cursor::new(rest)),
            Some(mut f) => {
                f.write_all(&rest)?;
                drop(f);
                let path = self.path(key);
                let f = File::open(&path)?;
                // Unlinked now: the data lives as long as the reader.
                std::fs::remove_file(&path)?;
                Box::new(f)
            }
        };
        Ok(BufReader::with_capacity(FLUSH, inner))
    }

    /// Everything appended to `key` so far, in `out` (its allocation
    /// reused), keeping it for a later read: pass 2 reads each part twice,
    /// once to check its rows and once, while the flows are written, to
    /// build its deals.
    pub fn read_into(&mut self, key: usize, out: &mut Vec<u8>) -> io::Result<()> {
        out.clear();
        if key >= self.bufs.len() {
            return Ok(());
        }
        let Some(f) = &mut self.files[key] else {
            out.extend_from_slice(&self.bufs[key]);
            return Ok(());
        };
        f.write_all(&self.bufs[key])?;
        self.bufs[key].clear();
        let mut f = File::open(self.path(key))?;
        let len = f.metadata()?.len() as usize;
        out.reserve(len);
        f.read_to_end(out)?;
        Ok(())
    }

    /// Drops what was appended to `key` (its file, if any).
    pub fn remove(&mut self, key: usize) -> io::Result<()> {
        if key >= self.bufs.len() {
            return Ok(());
        }
        self.bufs[key] = Vec::new();
        if self.files[key].take().is_some() {
            std::fs::remove_file(self.path(key))?;
        }
        Ok(())
    }
}

/// A buffered reader over one key's stream: fields are read from its buffer
/// without a call through the `dyn Read` per field.
pub(crate) type Reader = BufReader<Box<dyn Read + Send>>;

/// Appends values little-endian.
pub(crate) trait Put {
    fn u8(&mut self, v: u8);
    fn u16(&mut self, v: u16);
    fn u32(&mut self, v: u32);
    fn u64(&mut self, v: u64);
    fn f64(&mut self, v: f64) {
        self.u64(v.to_bits());
    }
    fn str(&mut self, s: &str);
    fn opt_u16(&mut self, v: Option<u16>) {
        self.u8(v.is_some() as u8);
        self.u16(v.unwrap_or(0));
    }
    fn opt_u32(&mut self, v: Option<u32>) {
        self.u8(v.is_some() as u8);
        self.u32(v.unwrap_or(0));
    }
    fn opt_f64(&mut self, v: Option<f64>) {
        self.u8(v.is_some() as u8);
        self.f64(v.unwrap_or(0.0));
    }
    fn opt_bool(&mut self, v: Option<bool>) {
        self.u8(match v {
            None => 0,
            Some(false) => 1,
            Some(true) => 2,
        });
    }
}

impl Put for Vec<u8> {
    fn u8(&mut self, v: u8) {
        self.push(v);
    }
    fn u16(&mut self, v: u16) {
        self.extend_from_slice(&v.to_le_bytes());
    }
    fn u32(&mut self, v: u32) {
        self.extend_from_slice(&v.to_le_bytes());
    }
    fn u64(&mut self, v: u64) {
        self.extend_from_slice(&v.to_le_bytes());
    }
    fn str(&mut self, s: &str) {
        // A cell is part of a line, and lines are at most `MAX_LINE` bytes.
        const _: () = assert!(crate::stream::MAX_LINE < u32::MAX as usize);
        self.u32(s.len() as u32);
        self.extend_from_slice(s.as_bytes());
    }
}

/// Reads what [`Put`] wrote from a slice: each field a bounds check and a
/// load, without the `Read` machinery.
pub(crate) struct Cur<'a>(pub &'a [u8]);

impl<'a> Cur<'a> {
    #[inline]
    fn take<const N: usize>(&mut self) -> io::Result<[u8; N]> {
        let (a, rest) = self
            .0
            .split_first_chunk::<N>()
            .ok_or(io::ErrorKind::UnexpectedEof)?;
        self.0 = rest;
        Ok(*a)
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    #[inline]
    pub fn u8(&mut self) -> io::Result<u8> {
        Ok(self.take::<1>()?[0])
    }
    #[inline]
    pub fn u16(&mut self) -> io::Result<u16> {
        Ok(u16::from_le_bytes(self.take()?))
    }
    #[inline]
    pub fn u32(&mut self) -> io::Result<u32> {
        Ok(u32::from_le_bytes(self.take()?))
    }
    #[inline]
    pub fn u64(&mut self) -> io::Result<u64> {
        Ok(u64::from_le_bytes(self.take()?))
    }
    #[inline]
    pub fn f64(&mut self) -> io::Result<f64> {
        Ok(f64::from_bits(self.u64()?))
    }
    #[inline]
    pub fn opt_u16(&mut self) -> io::Result<Option<u16>> {
        let some = self.u8()? != 0;
        let v = self.u16()?;
        Ok(some.then_some(v))
    }
    #[inline]
    pub fn opt_u32(&mut self) -> io::Result<Option<u32>> {
        let some = self.u8()? != 0;
        let v = self.u32()?;
        Ok(some.then_some(v))
    }
    #[inline]
    pub fn opt_f64(&mut self) -> io::Result<Option<f64>> {
        let some = self.u8()? != 0;
        let v = self.f64()?;
        Ok(some.then_some(v))
    }
    #[inline]
    pub fn opt_bool(&mut self) -> io::Result<Option<bool>> {
        Ok(match self.u8()? {
            0 => None,
            1 => Some(false),
            _ => Some(true),
        })
    }
    /// A string borrowed from the slice (checked as UTF-8: the bytes come
    /// back from a file).
    pub fn str_ref(&mut self) -> io::Result<&'a str> {
        let n = self.u32()? as usize;
        if n > self.0.len() {
            return Err(io::ErrorKind::UnexpectedEof.into());
        }
        let (s, rest) = self.0.split_at(n);
        self.0 = rest;
        std::str::from_utf8(s).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_in_memory_and_through_files() {
        let dir = std::env::temp_dir().join(format!("armsflow-spill-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let mut s = Spill::new(&dir, "t", 0);
        let n = FLUSH / 10 * 3;
        for i in 0..n as u32 {
            let b = s.buf(1);
            b.u32(i);
            b.opt_f64(Some(f64::from(i) / 3.0));
            b.str("é,x");
            s.done(1).unwrap();
        }
        s.buf(0).u32(7);
        assert_eq!(s.keys(), 2);
        let mut bytes = Vec::new();
        s.read_into(0, &mut bytes).unwrap();
        assert_eq!(bytes, 7u32.to_le_bytes());
        // Read twice: the first read keeps the stream.
        for _ in 0..2 {
            s.read_into(1, &mut bytes).unwrap();
            let mut g = Cur(&bytes);
            for i in 0..n as u32 {
                assert_eq!(g.u32().unwrap(), i);
                assert_eq!(g.opt_f64().unwrap(), Some(f64::from(i) / 3.0));
                assert_eq!(g.str_ref().unwrap(), "é,x");
            }
            assert!(g.is_empty());
            assert!(g.u8().is_err());
        }
        s.remove(1).unwrap();
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 0);
        let mut r = s.take(0).unwrap();
        let mut rest = Vec::new();
        r.read_to_end(&mut rest).unwrap();
        assert_eq!(rest, 7u32.to_le_bytes());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}

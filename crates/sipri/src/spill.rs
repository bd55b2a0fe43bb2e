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

    /// The buffer of `key`, to append one record to; call [`Spill::done`] after.
    pub fn buf(&mut self, key: usize) -> &mut Vec<u8> {
        &mut self.bufs[key]
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
                let path = self.dir.join(format!("{}-{key}", self.prefix));
                let f = File::open(&path)?;
                // Unlinked now: the data lives as long as the reader.
                std::fs::remove_file(&path)?;
                Box::new(f)
            }
        };
        Ok(BufReader::with_capacity(FLUSH, inner))
    }

    /// Everything appended to `key`, in `out` (its allocation reused); empties it.
    pub fn take_into(&mut self, key: usize, out: &mut Vec<u8>) -> io::Result<()> {
        out.clear();
        if self.files[key].is_none() {
            out.append(&mut self.bufs[key]);
            return Ok(());
        }
        self.take(key)?.read_to_end(out)?;
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
    fn opt_u64(&mut self, v: Option<u64>) {
        self.u8(v.is_some() as u8);
        self.u64(v.unwrap_or(0));
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
        self.u32(s.len() as u32);
        self.extend_from_slice(s.as_bytes());
    }
}

/// Reads what [`Put`] wrote. `Ok(None)` from [`Get::first_u32`] is a clean end.
pub(crate) struct Get<R>(pub R);

impl<R: Read> Get<R> {
    fn bytes<const N: usize>(&mut self) -> io::Result<[u8; N]> {
        let mut b = [0u8; N];
        self.0.read_exact(&mut b)?;
        Ok(b)
    }
    /// The first field of a record, or `None` at the end of the stream.
    pub fn first_u32(&mut self) -> io::Result<Option<u32>> {
        let mut b = [0u8; 4];
        let mut got = 0;
        while got < 4 {
            match self.0.read(&mut b[got..])? {
                0 if got == 0 => return Ok(None),
                0 => return Err(io::ErrorKind::UnexpectedEof.into()),
                n => got += n,
            }
        }
        Ok(Some(u32::from_le_bytes(b)))
    }
    pub fn u8(&mut self) -> io::Result<u8> {
        Ok(self.bytes::<1>()?[0])
    }
    pub fn u16(&mut self) -> io::Result<u16> {
        Ok(u16::from_le_bytes(self.bytes()?))
    }
    pub fn u32(&mut self) -> io::Result<u32> {
        Ok(u32::from_le_bytes(self.bytes()?))
    }
    pub fn u64(&mut self) -> io::Result<u64> {
        Ok(u64::from_le_bytes(self.bytes()?))
    }
    pub fn f64(&mut self) -> io::Result<f64> {
        Ok(f64::from_bits(self.u64()?))
    }
    pub fn str(&mut self) -> io::Result<String> {
        let n = self.u32()? as usize;
        let mut v = vec![0u8; n];
        self.0.read_exact(&mut v)?;
        String::from_utf8(v).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))
    }
    pub fn opt_u16(&mut self) -> io::Result<Option<u16>> {
        let some = self.u8()? != 0;
        let v = self.u16()?;
        Ok(some.then_some(v))
    }
    pub fn opt_u32(&mut self) -> io::Result<Option<u32>> {
        let some = self.u8()? != 0;
        let v = self.u32()?;
        Ok(some.then_some(v))
    }
    pub fn opt_u64(&mut self) -> io::Result<Option<u64>> {
        let some = self.u8()? != 0;
        let v = self.u64()?;
        Ok(some.then_some(v))
    }
    pub fn opt_f64(&mut self) -> io::Result<Option<f64>> {
        let some = self.u8()? != 0;
        let v = self.f64()?;
        Ok(some.then_some(v))
    }
    pub fn opt_bool(&mut self) -> io::Result<Option<bool>> {
        Ok(match self.u8()? {
            0 => None,
            1 => Some(false),
            _ => Some(true),
        })
    }
}

impl<'a> Get<&'a [u8]> {
    /// A string borrowed from the slice, without a copy.
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
        let mut s = Spill::new(&dir, "t", 2);
        let n = FLUSH / 10 * 3;
        for i in 0..n as u32 {
            let b = s.buf(1);
            b.u32(i);
            b.opt_f64(Some(f64::from(i) / 3.0));
            b.str("é,x");
            s.done(1).unwrap();
        }
        s.buf(0).u32(7);
        let mut g = Get(s.take(0).unwrap());
        assert_eq!(g.first_u32().unwrap(), Some(7));
        assert_eq!(g.first_u32().unwrap(), None);
        let mut g = Get(s.take(1).unwrap());
        for i in 0..n as u32 {
            assert_eq!(g.first_u32().unwrap(), Some(i));
            assert_eq!(g.opt_f64().unwrap(), Some(f64::from(i) / 3.0));
            assert_eq!(g.str().unwrap(), "é,x");
        }
        assert_eq!(g.first_u32().unwrap(), None);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}

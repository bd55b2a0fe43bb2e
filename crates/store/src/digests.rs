//! `SHA256SUMS`: the SHA-256 of every file a release's answers come from,
//! written last at import and checked on demand (`armsflow releases
//! --verify`, and before a re-import decides a stored release is whole).
//!
//! A flipped bit in a Parquet data page can decode to a different, valid
//! value: the footers and value checks a load makes do not see it, and the
//! answers change silently. The digests do. The file is in `sha256sum`'s
//! format, so `sha256sum -c SHA256SUMS` in the release's directory checks it
//! without armsflow. The column caches (`*.cols`) are left out: they carry
//! their own checksums, are bound to their Parquet file, and are rebuilt
//! when stale, which would change their digest without any damage.

use crate::durable::Syncs;
use crate::{Result, StoreError};
use sha2::Digest as _;
use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

pub(crate) const FILE: &str = "SHA256SUMS";

const DIFFERS: &str = "content differs from the SHA-256 recorded at import: damaged since; \
                       importing the release's original file again repairs it";

/// Larger than any list of a release's files, a bound on what is read.
const MAX_SUMS_BYTES: u64 = 64 << 10;

/// A file's length and SHA-256.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Digest {
    pub bytes: u64,
    pub sha256: [u8; 32],
}

impl Digest {
    /// The digest of the file at `path`, read in pieces (a 1000× release's
    /// deal table is hundreds of megabytes).
    pub(crate) fn of_file(path: &Path) -> std::io::Result<Digest> {
        let mut f = File::open(path)?;
        let mut h = sha2::Sha256::new();
        // Sized to the file: most are a few kilobytes, and a fresh 256 KiB
        // buffer costs a query its page faults.
        let len = f.metadata()?.len();
        let mut buf = vec![0u8; len.clamp(4 << 10, 256 << 10) as usize];
        let mut bytes = 0u64;
        loop {
            let n = match f.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            h.update(&buf[..n]);
            bytes += n as u64;
        }
        Ok(Digest {
            bytes,
            sha256: h.finalize().into(),
        })
    }

    fn hex(&self) -> String {
        self.sha256.iter().map(|b| format!("{b:02x}")).collect()
    }
}

/// Writes `SHA256SUMS` from the digests of every file `syncs` was handed
/// with [`Syncs::add_digested`], sorted by name, and hands it to `syncs`.
pub(crate) fn write_sums(dir: &Path, syncs: &Syncs) -> Result<()> {
    let mut lines: Vec<(String, Digest)> = syncs
        .digests()?
        .into_iter()
        .map(|(path, d)| (file_name(&path), d))
        .collect();
    lines.sort_by(|a, b| a.0.cmp(&b.0));
    let text: String = lines
        .iter()
        .map(|(name, d)| format!("{}  {name}\n", d.hex()))
        .collect();
    let path = dir.join(FILE);
    let io = |e| StoreError::io(&path, e);
    let mut f = File::create(&path).map_err(io)?;
    std::io::Write::write_all(&mut f, text.as_bytes()).map_err(io)?;
    syncs.add(&path, f);
    Ok(())
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// What [`check`] found in a release directory whose digests all match.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Integrity {
    /// Every file listed in `SHA256SUMS` has its recorded digest.
    Verified { files: usize, bytes: u64 },
    /// No `SHA256SUMS`: imported before armsflow recorded digests.
    NoDigests,
}

/// Checks every file `SHA256SUMS` lists against its digest; the first file
/// that is missing, unreadable or different is the error. A damaged
/// `SHA256SUMS` is an error too (it is never rewritten after import).
pub(crate) fn check(dir: &Path) -> Result<Integrity> {
    let corrupt = |path: PathBuf, reason: String| StoreError::Corrupt { path, reason };
    let Some(entries) = read_sums(dir)? else {
        return Ok(Integrity::NoDigests);
    };
    let mut bytes = 0u64;
    for (name, want) in &entries {
        let path = dir.join(name);
        let got = Digest::of_file(&path).map_err(|e| {
            corrupt(
                path.clone(),
                if e.kind() == std::io::ErrorKind::NotFound {
                    "missing: listed in SHA256SUMS at import".to_string()
                } else {
                    format!("not readable ({e})")
                },
            )
        })?;
        if got.sha256 != *want {
            return Err(corrupt(path, DIFFERS.to_string()));
        }
        bytes += got.bytes;
    }
    Ok(Integrity::Verified {
        files: entries.len(),
        bytes,
    })
}

/// Files above this are checked by `releases --verify` only: a query on a
/// 1000× release reads a few of its row groups, and hashing the whole file
/// first would cost more than the query.
pub(crate) const VERIFY_ON_READ_MAX: u64 = 64 << 20;

/// Before a file of a release is decoded for an answer: its digest, if the
/// release lists one, must match (`bytes`: the file's content when already
/// read). A file the list does not name is refused, since it is not part of
/// the release as imported (a `world_totals.parquet` copied in from another
/// release would change every share). Releases without `SHA256SUMS` and
/// files above [`VERIFY_ON_READ_MAX`] pass unchecked.
pub(crate) fn expect(path: &Path, bytes: Option<&[u8]>) -> Result<()> {
    let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else {
        return Ok(());
    };
    let Some(entries) = read_sums(dir)? else {
        return Ok(());
    };
    let name = name.to_string_lossy();
    let Some((_, want)) = entries.iter().find(|(n, _)| *n == name) else {
        return Err(StoreError::Corrupt {
            path: path.to_path_buf(),
            reason: "not listed in SHA256SUMS: not part of this release as imported".into(),
        });
    };
    let got = match bytes {
        Some(b) => sha2::Sha256::digest(b).into(),
        None => {
            let len = std::fs::metadata(path)
                .map_err(|e| StoreError::io(path, e))?
                .len();
            if len > VERIFY_ON_READ_MAX {
                return Ok(());
            }
            Digest::of_file(path)
                .map_err(|e| StoreError::io(path, e))?
                .sha256
        }
    };
    if got != *want {
        return Err(StoreError::Corrupt {
            path: path.to_path_buf(),
            reason: DIFFERS.into(),
        });
    }
    Ok(())
}

/// `SHA256SUMS` parsed: file names and their digests, in file order.
type Sums = Vec<(String, [u8; 32])>;

/// The digests `dir`'s `SHA256SUMS` lists; `None` for a release without one.
/// Read within [`MAX_SUMS_BYTES`]: the list is read on every load.
fn read_sums(dir: &Path) -> Result<Option<Sums>> {
    let sums_path = dir.join(FILE);
    let corrupt = |reason: String| StoreError::Corrupt {
        path: sums_path.clone(),
        reason,
    };
    let f = match File::open(&sums_path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(StoreError::io(&sums_path, e)),
        Ok(f) => f,
    };
    let mut text = String::new();
    f.take(MAX_SUMS_BYTES + 1)
        .read_to_string(&mut text)
        .map_err(|e| corrupt(format!("not readable as text ({e})")))?;
    if text.len() as u64 > MAX_SUMS_BYTES {
        return Err(corrupt(format!(
            "larger than {MAX_SUMS_BYTES} bytes: not a list of a release's files"
        )));
    }
    parse(&text).map(Some).map_err(corrupt)
}

/// The SHA-256 `dir`'s `SHA256SUMS` records for its file `name`: `None` for a
/// release imported before digests were recorded; an error when the list is
/// damaged or does not name the file.
pub(crate) fn recorded(dir: &Path, name: &str) -> Result<Option<[u8; 32]>> {
    let Some(entries) = read_sums(dir)? else {
        return Ok(None);
    };
    match entries.into_iter().find(|(n, _)| n == name) {
        Some((_, d)) => Ok(Some(d)),
        None => Err(StoreError::Corrupt {
            path: dir.join(name),
            reason: "not listed in SHA256SUMS: not part of this release as imported".into(),
        }),
    }
}

/// `sha256sum` lines: 64 lowercase hex digits, two spaces, a plain file name
/// (no directory: nothing outside the release is ever read).
fn parse(text: &str) -> std::result::Result<Sums, String> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let bad = |what: &str| format!("line {}: {what}", i + 1);
        let (hex, name) = line
            .split_once("  ")
            .ok_or_else(|| bad("expected '<sha256>  <file>'"))?;
        let plain = !name.is_empty()
            && name != "."
            && name != ".."
            && !name.contains(['/', '\\', '\0'])
            && name != FILE;
        if !plain {
            return Err(bad("not a file of this release"));
        }
        let digest = unhex(hex).ok_or_else(|| bad("not a SHA-256 in hex"))?;
        // Two digests for one file: which one holds cannot be told.
        if out.iter().any(|(n, _)| n == name) {
            return Err(bad("lists a file a second time"));
        }
        out.push((name.to_string(), digest));
    }
    if out.is_empty() {
        return Err("lists no file".into());
    }
    Ok(out)
}

fn unhex(hex: &str) -> Option<[u8; 32]> {
    let b = hex.as_bytes();
    if b.len() != 64 {
        return None;
    }
    let nibble = |c: u8| match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        // `sha256sum -c` reads upper-case digests too.
        b'A'..=b'F' => Some(c - b'A' + 10),
        _ => None,
    };
    let mut out = [0u8; 32];
    for (o, pair) in out.iter_mut().zip(b.chunks_exact(2)) {
        *o = nibble(pair[0])? << 4 | nibble(pair[1])?;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digest_of_a_known_text() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("abc");
        std::fs::write(&p, b"abc").unwrap();
        let d = Digest::of_file(&p).unwrap();
        assert_eq!(d.bytes, 3);
        // FIPS 180-2, appendix B.1.
        assert_eq!(
            d.hex(),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn parse_refuses_paths_and_bad_hex() {
        let ok = format!("{}  flows.parquet\n", "a".repeat(64));
        assert_eq!(parse(&ok).unwrap().len(), 1);
        for bad in [
            format!("{}  ../x", "a".repeat(64)),
            format!("{}  a/b", "a".repeat(64)),
            format!("{}  SHA256SUMS", "a".repeat(64)),
            format!("{} flows.parquet", "a".repeat(64)),
            format!("{}  flows.parquet", "g".repeat(64)),
            format!("{}  a\n{}  a", "a".repeat(64), "b".repeat(64)),
            format!("{}  flows.parquet", "a".repeat(63)),
            String::new(),
        ] {
            assert!(parse(&bad).is_err(), "{bad:?}");
        }
    }
}

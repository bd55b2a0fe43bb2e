//! `flows.cols`: the flows of a release as raw little-endian columns, written
//! beside `flows.parquet` at import so that a one-question process loads a
//! SIPRI-sized release by mapping one file and copying its columns instead of
//! decoding Parquet (about 5 M instructions for the Feb-2026 register, a third
//! of the query).
//!
//! `flows.parquet` stays the source of truth: the cache carries a checksum of
//! the Parquet file's length and footer (which holds every row group's offsets,
//! sizes and statistics, so any rewrite of the file changes it) mixed with the
//! file's SHA-256 as `SHA256SUMS` records it, and a checksum of each of its
//! columns. The recorded digest binds the cache to this release: another
//! release's `flows.parquet` copied in together with its cache would pass the
//! footer check, and answers come from the cache without the Parquet file
//! being hashed. A cache that is missing, for another Parquet file,
//! or damaged is ignored and the Parquet file is read instead (which reports
//! its own damage); a cache of an older layout is rebuilt from that read. Rows
//! are in the Parquet file's order, so sums come out bit-identical. Every value
//! passes the same checks as a Parquet load.
//!
//! Layout (version 3): `MAGIC`, u64 checksum of `flows.parquet`'s footer and
//! recorded digest (none for a release imported before digests), u64
//! rows `n`, one u64 checksum per column, a u64 checksum of those 11 words,
//! then the columns supplier (u32), recipient (u32), year (u16), category
//! (u8), tiv (f64), units (u32), flags (u16), deal (u32), each `n` values
//! little-endian, zero-padded to a multiple of 8 bytes (each checksum covers its
//! padding). Every column starts 8-aligned, so the mapped file is read as typed
//! slices and copied into the `Flows` vectors: no zeroing, no read buffer.
//! Versions 1 (`AFCOLS01`, unaligned, one checksum at the end) and 2
//! (`AFCOLS02`, the footer checksum alone) are recognised only to be replaced.

use crate::StoreError;
use model::Flows;
use std::fs::File;
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::Path;
use zerocopy::{FromBytes, IntoBytes};

/// File name inside a release directory.
pub(crate) const FILE: &str = "flows.cols";

/// The Parquet file the cache stands in for.
const PARQUET: &str = "flows.parquet";

/// Format name and version; a new layout gets a new magic.
const MAGIC: &[u8; 8] = b"AFCOLS03";

/// Magics of earlier layouts: a cache with one of these is rebuilt.
const OLD_MAGICS: [&[u8; 8]; 2] = [b"AFCOLS01", b"AFCOLS02"];

/// Releases larger than this (about 170 × SIPRI's register) get no cache: their
/// queries load year windows from Parquet row groups, and the cache would add
/// 29 bytes a row on disk.
pub(crate) const MAX_ROWS: usize = 1 << 22;

/// Bytes per value of each column, in file order.
const WIDTHS: [u64; 8] = [4, 4, 2, 1, 8, 4, 2, 4];

/// Magic, parquet id, n, eight column checksums, header checksum.
const HEADER: u64 = 8 * 12;

/// How much of the end of `flows.parquet` identifies it (footers of SIPRI-sized
/// releases are a few kB).
const FOOTER_BYTES: u64 = 64 * 1024;

fn padded(bytes: u64) -> u64 {
    bytes.div_ceil(8) * 8
}

/// Writes the cache for `flows` (in the order of the Parquet file `parquet`,
/// whose SHA-256 `SHA256SUMS` records as `digest`, or will once the import
/// finishes) to `path`; the caller makes the returned file durable.
pub(crate) fn write(
    path: &Path,
    flows: &Flows,
    parquet: &Path,
    digest: Option<&[u8; 32]>,
) -> Result<File, StoreError> {
    let id = flows_id(parquet, digest).map_err(|e| StoreError::io(parquet, e))?;
    let io = |e| StoreError::io(path, e);
    fn le<T: Copy + zerocopy::IntoBytes + zerocopy::Immutable, const N: usize>(
        v: &[T],
        f: impl Fn(T) -> [u8; N],
    ) -> Vec<u8> {
        let len = std::mem::size_of_val(v);
        let mut b = Vec::with_capacity(padded(len as u64) as usize);
        if cfg!(target_endian = "little") {
            // The values' own bytes are already little-endian: one copy.
            b.extend_from_slice(v.as_bytes());
        } else {
            b.extend(v.iter().flat_map(|&x| f(x)));
        }
        b.resize(padded(len as u64) as usize, 0);
        b
    }
    let cols = [
        le(&flows.supplier, u32::to_le_bytes),
        le(&flows.recipient, u32::to_le_bytes),
        le(&flows.year, u16::to_le_bytes),
        le(&flows.category, |x: u8| [x]),
        le(&flows.tiv, f64::to_le_bytes),
        le(&flows.units, u32::to_le_bytes),
        le(&flows.flags, u16::to_le_bytes),
        le(&flows.deal, u32::to_le_bytes),
    ];
    let mut head = Vec::with_capacity(HEADER as usize);
    head.extend_from_slice(MAGIC);
    head.extend_from_slice(&id.to_le_bytes());
    head.extend_from_slice(&(flows.len() as u64).to_le_bytes());
    for c in &cols {
        head.extend_from_slice(&checksum(c).to_le_bytes());
    }
    head.extend_from_slice(&checksum(&head).to_le_bytes());
    let mut w = std::io::BufWriter::new(File::create(path).map_err(io)?);
    w.write_all(&head).map_err(io)?;
    for c in &cols {
        w.write_all(c).map_err(io)?;
    }
    w.into_inner().map_err(|e| io(e.into_error()))
}

/// What [`read`] found.
pub(crate) enum Cached {
    Flows(Flows),
    /// No cache, or one for other Parquet bytes, or a damaged one.
    Unusable,
    /// A cache of an earlier layout: worth rebuilding.
    Old,
}

/// The cached flows of `dir` for its current `flows.parquet`, copied into
/// vectors. Values are not checked here (the caller checks them as it would a
/// Parquet load).
pub(crate) fn read(dir: &Path) -> Cached {
    match Mapped::open(dir) {
        Opened::Mapped(m) => m.flows().map_or(Cached::Unusable, Cached::Flows),
        Opened::Unusable => Cached::Unusable,
        Opened::Old => Cached::Old,
    }
}

/// What [`Mapped::open`] found.
pub(crate) enum Opened {
    Mapped(Mapped),
    Unusable,
    Old,
}

/// A `flows.cols` of the current layout, mapped, its header checked (each
/// column's checksum is checked when the column is first used).
pub(crate) struct Mapped {
    map: memmap2::Mmap,
    n: usize,
    /// Byte range of each column, padding included.
    spans: [(usize, usize); 8],
}

/// Columns in file order.
pub(crate) const SUPPLIER: usize = 0;
pub(crate) const RECIPIENT: usize = 1;
pub(crate) const YEAR: usize = 2;
pub(crate) const CATEGORY: usize = 3;
pub(crate) const TIV: usize = 4;
pub(crate) const FLAGS: usize = 6;

impl Mapped {
    pub(crate) fn open(dir: &Path) -> Opened {
        match Mapped::try_open(dir) {
            Some(o) => o,
            None => Opened::Unusable,
        }
    }

    fn try_open(dir: &Path) -> Option<Opened> {
        let f = File::open(dir.join(FILE)).ok()?;
        // SAFETY: read-only map of a release file; releases are immutable and
        // caches are replaced by rename, never rewritten in place (a file
        // truncated under the map by another program could fault, as for any
        // mapped reader).
        let map = unsafe { memmap2::MmapOptions::new().populate().map(&f) }.ok()?;
        let b: &[u8] = &map;
        if b.len() < HEADER as usize {
            return None;
        }
        if OLD_MAGICS.iter().any(|m| &b[..8] == *m) {
            return Some(Opened::Old);
        }
        if &b[..8] != MAGIC || u64_at(b, 88) != checksum(&b[..88]) {
            return None;
        }
        // The file is little-endian; big-endian machines read the Parquet file.
        // A listing that cannot be read leaves the cache unused: the Parquet
        // load reports what is wrong with it.
        let recorded = crate::digests::recorded(dir, PARQUET).ok()?;
        if cfg!(target_endian = "big")
            || u64_at(b, 8) != flows_id(&dir.join(PARQUET), recorded.as_ref()).ok()?
        {
            return None;
        }
        let n = u64_at(b, 16);
        let mut at = HEADER;
        let mut spans = [(0usize, 0usize); 8];
        for (i, w) in WIDTHS.iter().enumerate() {
            let end = at.checked_add(padded(n.checked_mul(*w)?))?;
            spans[i] = (usize::try_from(at).ok()?, usize::try_from(end).ok()?);
            at = end;
        }
        if at != b.len() as u64 || !(map.as_ptr() as usize).is_multiple_of(8) {
            return None;
        }
        let n = usize::try_from(n).ok()?;
        Some(Opened::Mapped(Mapped { map, n, spans }))
    }

    /// Whether column `i` matches its checksum.
    pub(crate) fn verify(&self, i: usize) -> bool {
        let (a, z) = self.spans[i];
        checksum(&self.map[a..z]) == u64_at(&self.map, 24 + 8 * i)
    }

    /// Column `i` as values of type `T` (its width), unchecked.
    pub(crate) fn col<T: FromBytes + zerocopy::Immutable + zerocopy::KnownLayout>(
        &self,
        i: usize,
    ) -> &[T] {
        let a = self.spans[i].0;
        let bytes = &self.map[a..a + self.n * WIDTHS[i] as usize];
        // Offsets are multiples of 8 from an aligned map and lengths are
        // whole values (checked in `try_open`), so the cast cannot fail.
        <[T]>::ref_from_bytes(bytes).expect("column bounds checked when mapped")
    }

    /// Every column copied into vectors, each checked against its checksum.
    fn flows(&self) -> Option<Flows> {
        (0..8).all(|i| self.verify(i)).then(|| Flows {
            supplier: self.col::<u32>(0).to_vec(),
            recipient: self.col::<u32>(1).to_vec(),
            year: self.col::<u16>(2).to_vec(),
            category: self.col::<u8>(3).to_vec(),
            tiv: self.col::<f64>(4).to_vec(),
            units: self.col::<u32>(5).to_vec(),
            flags: self.col::<u16>(6).to_vec(),
            deal: self.col::<u32>(7).to_vec(),
        })
    }
}

/// Replaces the cache of `dir` by one for `flows` (just loaded from its
/// `flows.parquet`): written beside it and renamed over, so a reader never
/// sees half a file. Failures (a read-only store) are ignored: the cache only
/// saves time.
pub(crate) fn rebuild(dir: &Path, flows: &Flows) {
    let tmp = dir.join(format!("{FILE}.tmp-{}", std::process::id()));
    // Only after a load that checked `flows.parquet` against this digest.
    let Ok(recorded) = crate::digests::recorded(dir, PARQUET) else {
        return;
    };
    let written = write(&tmp, flows, &dir.join(PARQUET), recorded.as_ref());
    if written
        .and_then(|f| f.sync_all().map_err(|e| StoreError::io(&tmp, e)))
        .is_ok()
    {
        if std::fs::rename(&tmp, dir.join(FILE)).is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
    } else {
        let _ = std::fs::remove_file(&tmp);
    }
}

/// File name of the entity cache inside a release directory.
pub(crate) const ENTITIES_FILE: &str = "entities.cols";

/// Format of `entities.cols`: `ENTITIES_MAGIC`, u64 checksum of
/// `entities.parquet`'s footer, u64 count, u64 body length, the body (per
/// entity: kind, key, name, iso3 as u32 length + UTF-8 bytes; a missing iso3
/// has length `u32::MAX`), then a u64 checksum of the body.
const ENTITIES_MAGIC: &[u8; 8] = b"AFENTS01";

/// Writes the entity cache for `entities` (as in the Parquet file `parquet`);
/// the caller makes the returned file durable.
pub(crate) fn write_entities(
    path: &Path,
    entities: &[model::Entity],
    parquet: &Path,
) -> Result<File, StoreError> {
    let id = parquet_id(parquet).map_err(|e| StoreError::io(parquet, e))?;
    let mut body = Vec::new();
    let mut text = |t: Option<&str>| match t {
        Some(t) => {
            body.extend_from_slice(&(t.len() as u32).to_le_bytes());
            body.extend_from_slice(t.as_bytes());
        }
        None => body.extend_from_slice(&u32::MAX.to_le_bytes()),
    };
    for e in entities {
        text(Some(e.kind.as_str()));
        text(Some(&e.key));
        text(Some(&e.name));
        text(e.iso3.as_deref());
    }
    let mut b = Vec::with_capacity(body.len() + 40);
    b.extend_from_slice(ENTITIES_MAGIC);
    b.extend_from_slice(&id.to_le_bytes());
    b.extend_from_slice(&(entities.len() as u64).to_le_bytes());
    b.extend_from_slice(&(body.len() as u64).to_le_bytes());
    b.extend_from_slice(&body);
    let mut sum = Sum::default();
    sum.add(&body);
    b.extend_from_slice(&sum.0.to_le_bytes());
    let io = |e| StoreError::io(path, e);
    let mut f = File::create(path).map_err(io)?;
    f.write_all(&b).map_err(io)?;
    Ok(f)
}

/// The cached entities of `dir`, or `None` when there is no usable cache for
/// its current `entities.parquet`.
pub(crate) fn read_entities(dir: &Path) -> Option<Vec<model::Entity>> {
    let b = std::fs::read(dir.join(ENTITIES_FILE)).ok()?;
    if b.len() < 40 || &b[..8] != ENTITIES_MAGIC {
        return None;
    }
    if u64_at(&b, 8) != parquet_id(&dir.join("entities.parquet")).ok()? {
        return None;
    }
    let (n, body_len) = (u64_at(&b, 16), usize::try_from(u64_at(&b, 24)).ok()?);
    if b.len() != body_len.checked_add(40)? {
        return None;
    }
    let body = &b[32..32 + body_len];
    let mut sum = Sum::default();
    sum.add(body);
    if sum.0 != u64_at(&b, 32 + body_len) {
        return None;
    }
    let mut at = 0;
    // Borrowed from the buffer; only the kept fields become Strings.
    let mut text = || -> Option<Option<&str>> {
        let len = u32::from_le_bytes(body.get(at..at + 4)?.try_into().ok()?);
        at += 4;
        if len == u32::MAX {
            return Some(None);
        }
        let s = std::str::from_utf8(body.get(at..at + len as usize)?).ok()?;
        at += len as usize;
        Some(Some(s))
    };
    let mut out = Vec::with_capacity(usize::try_from(n).ok()?.min(body_len / 16));
    for _ in 0..n {
        let kind = model::EntityKind::parse(text()??)?;
        let (key, name, iso3) = (text()??, text()??, text()?);
        out.push(model::Entity {
            key: key.to_string(),
            name: name.to_string(),
            kind,
            iso3: iso3.map(str::to_string),
        });
    }
    (at == body_len).then_some(out)
}

/// Checksum of the Parquet file at `path`'s length and footer (the metadata
/// plus its 8-byte trailer; at most `FOOTER_BYTES`).
fn parquet_id(path: &Path) -> std::io::Result<u64> {
    let mut f = File::open(path)?;
    let len = f.metadata()?.len();
    let mut trailer = [0u8; 8];
    f.seek(SeekFrom::Start(len.saturating_sub(8)))?;
    f.read_exact(&mut trailer)?;
    let meta_len = u64::from(u32::from_le_bytes([
        trailer[0], trailer[1], trailer[2], trailer[3],
    ]));
    let tail = (meta_len + 8).min(len).min(FOOTER_BYTES);
    f.seek(SeekFrom::Start(len - tail))?;
    let mut b = vec![0; tail as usize];
    f.read_exact(&mut b)?;
    let mut sum = Sum::default();
    sum.add(&len.to_le_bytes());
    sum.add(&b);
    Ok(sum.0)
}

/// [`parquet_id`] of `flows.parquet` mixed with its recorded SHA-256.
fn flows_id(path: &Path, digest: Option<&[u8; 32]>) -> std::io::Result<u64> {
    let id = parquet_id(path)?;
    Ok(match digest {
        None => id,
        Some(d) => {
            let mut sum = Sum(id);
            sum.add(d);
            sum.0
        }
    })
}

/// Checksum of a sequence of byte slices (order matters).
#[derive(Default)]
struct Sum(u64);

impl Sum {
    fn add(&mut self, b: &[u8]) {
        self.0 = (self.0 ^ checksum(b))
            .wrapping_mul(0x9E37_79B9_7F4A_7C15)
            .rotate_left(23);
    }
}

fn u64_at(b: &[u8], at: usize) -> u64 {
    let mut w = [0; 8];
    w.copy_from_slice(&b[at..at + 8]);
    u64::from_le_bytes(w)
}

/// A fast 64-bit checksum over 8-byte words (multiply-rotate, four lanes):
/// catches truncation, torn writes and flipped bytes, not deliberate forgery
/// (a forged cache still passes every value check a Parquet load makes).
fn checksum(b: &[u8]) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut lanes = [K, K ^ 1, K ^ 2, K ^ 3];
    let mut words = b.chunks_exact(32);
    for c in &mut words {
        for (i, lane) in lanes.iter_mut().enumerate() {
            let w = u64::from_le_bytes(c[i * 8..i * 8 + 8].try_into().unwrap_or([0; 8]));
            *lane = (*lane ^ w).wrapping_mul(K).rotate_left(29);
        }
    }
    let mut h = b.len() as u64;
    for (i, &byte) in words.remainder().iter().enumerate() {
        h ^= u64::from(byte) << ((i % 8) * 8);
        h = h.wrapping_mul(K).rotate_left(17);
    }
    for lane in lanes {
        h = (h ^ lane).wrapping_mul(K).rotate_left(31);
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checksum_sees_one_flipped_bit_anywhere() {
        let b: Vec<u8> = (0..100u8).collect();
        let h = checksum(&b);
        for i in 0..b.len() {
            let mut c = b.clone();
            c[i] ^= 4;
            assert_ne!(checksum(&c), h, "byte {i}");
        }
        assert_ne!(checksum(&b[..99]), h);
    }
}

//! `flows.cols`: the flows of a release as raw little-endian columns, written
//! beside `flows.parquet` at import so that a one-question process loads a
//! SIPRI-sized release in one read and a copy instead of decoding Parquet
//! (about 5 M instructions for the Feb-2026 register, a third of the query).
//!
//! `flows.parquet` stays the source of truth: the cache carries a checksum of
//! the Parquet file's length and footer (which holds every row group's offsets,
//! sizes and statistics, so any rewrite of the file changes it) and a checksum
//! of its own columns. A cache that is missing, of another version, for another
//! Parquet file, or damaged is ignored and the Parquet file is read instead
//! (which reports its own damage). Rows are in the Parquet file's order, so sums
//! come out bit-identical. Every value passes the same checks as a Parquet load.
//!
//! Layout: `MAGIC`, u64 checksum of `flows.parquet`'s footer, u64 rows `n`,
//! then the columns supplier (u32), recipient (u32), year (u16), category
//! (u8), tiv (f64), units (u32), flags (u16), deal (u32), each `n` values
//! little-endian, then a u64 checksum of the columns. Columns are read straight
//! into their vectors: one read each, no second copy.

use crate::StoreError;
use model::Flows;
use std::fs::File;
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::Path;
use zerocopy::IntoBytes;

/// File name inside a release directory.
pub(crate) const FILE: &str = "flows.cols";

/// Format name and version; a new layout gets a new magic.
const MAGIC: &[u8; 8] = b"AFCOLS01";

/// Releases larger than this (about 170 × SIPRI's register) get no cache: their
/// queries load year windows from Parquet row groups, and the cache would add
/// 29 bytes a row on disk.
pub(crate) const MAX_ROWS: usize = 1 << 22;

const HEADER: u64 = 8 + 8 + 8;
const ROW_BYTES: u64 = 4 + 4 + 2 + 1 + 8 + 4 + 2 + 4;

/// How much of the end of `flows.parquet` identifies it (footers of SIPRI-sized
/// releases are a few kB).
const FOOTER_BYTES: u64 = 64 * 1024;

/// Writes the cache for `flows` (in the order of the Parquet file `parquet`)
/// to `path`, fsynced.
pub(crate) fn write(path: &Path, flows: &Flows, parquet: &Path) -> Result<(), StoreError> {
    let id = parquet_id(parquet).map_err(|e| StoreError::io(parquet, e))?;
    let io = |e| StoreError::io(path, e);
    let mut w = std::io::BufWriter::new(File::create(path).map_err(io)?);
    let mut head = Vec::with_capacity(HEADER as usize);
    head.extend_from_slice(MAGIC);
    head.extend_from_slice(&id.to_le_bytes());
    head.extend_from_slice(&(flows.len() as u64).to_le_bytes());
    w.write_all(&head).map_err(io)?;
    let mut sum = Sum::default();
    let mut col = |bytes: Vec<u8>| -> std::io::Result<()> {
        sum.add(&bytes);
        w.write_all(&bytes)
    };
    col(flows
        .supplier
        .iter()
        .flat_map(|v| v.to_le_bytes())
        .collect())
    .map_err(io)?;
    col(flows
        .recipient
        .iter()
        .flat_map(|v| v.to_le_bytes())
        .collect())
    .map_err(io)?;
    col(flows.year.iter().flat_map(|v| v.to_le_bytes()).collect()).map_err(io)?;
    col(flows.category.clone()).map_err(io)?;
    col(flows.tiv.iter().flat_map(|v| v.to_le_bytes()).collect()).map_err(io)?;
    col(flows.units.iter().flat_map(|v| v.to_le_bytes()).collect()).map_err(io)?;
    col(flows.flags.iter().flat_map(|v| v.to_le_bytes()).collect()).map_err(io)?;
    col(flows.deal.iter().flat_map(|v| v.to_le_bytes()).collect()).map_err(io)?;
    w.write_all(&sum.0.to_le_bytes()).map_err(io)?;
    let f = w.into_inner().map_err(|e| io(e.into_error()))?;
    f.sync_all().map_err(io)
}

/// The cached flows of `dir`, or `None` when there is no usable cache for its
/// current `flows.parquet`. Values are not checked here (the caller checks
/// them as it would a Parquet load).
pub(crate) fn read(dir: &Path) -> Option<Flows> {
    let mut f = File::open(dir.join(FILE)).ok()?;
    let len = f.metadata().ok()?.len();
    let mut head = [0u8; HEADER as usize];
    f.read_exact(&mut head).ok()?;
    if &head[..8] != MAGIC || u64_at(&head, 8) != parquet_id(&dir.join("flows.parquet")).ok()? {
        return None;
    }
    let n = u64_at(&head, 16);
    if n.checked_mul(ROW_BYTES)?.checked_add(HEADER + 8)? != len {
        return None;
    }
    let n = usize::try_from(n).ok()?;
    let mut sum = Sum::default();
    let mut flows = Flows {
        supplier: vec![0; n],
        recipient: vec![0; n],
        year: vec![0; n],
        category: vec![0; n],
        tiv: vec![0.0; n],
        units: vec![0; n],
        flags: vec![0; n],
        deal: vec![0; n],
    };
    let mut fill = |bytes: &mut [u8]| -> Option<()> {
        f.read_exact(bytes).ok()?;
        sum.add(bytes);
        Some(())
    };
    fill(flows.supplier.as_mut_bytes())?;
    fill(flows.recipient.as_mut_bytes())?;
    fill(flows.year.as_mut_bytes())?;
    fill(flows.category.as_mut_bytes())?;
    fill(flows.tiv.as_mut_bytes())?;
    fill(flows.units.as_mut_bytes())?;
    fill(flows.flags.as_mut_bytes())?;
    fill(flows.deal.as_mut_bytes())?;
    let mut tail = [0u8; 8];
    f.read_exact(&mut tail).ok()?;
    if u64::from_le_bytes(tail) != sum.0 {
        return None;
    }
    // The file is little-endian; no-ops on little-endian machines.
    for v in [
        &mut flows.supplier,
        &mut flows.recipient,
        &mut flows.units,
        &mut flows.deal,
    ] {
        v.iter_mut().for_each(|x| *x = u32::from_le(*x));
    }
    for v in [&mut flows.year, &mut flows.flags] {
        v.iter_mut().for_each(|x| *x = u16::from_le(*x));
    }
    flows
        .tiv
        .iter_mut()
        .for_each(|x| *x = f64::from_bits(u64::from_le(x.to_bits())));
    Some(flows)
}

/// File name of the entity cache inside a release directory.
pub(crate) const ENTITIES_FILE: &str = "entities.cols";

/// Format of `entities.cols`: `ENTITIES_MAGIC`, u64 checksum of
/// `entities.parquet`'s footer, u64 count, u64 body length, the body (per
/// entity: kind, key, name, iso3 as u32 length + UTF-8 bytes; a missing iso3
/// has length `u32::MAX`), then a u64 checksum of the body.
const ENTITIES_MAGIC: &[u8; 8] = b"AFENTS01";

/// Writes the entity cache for `entities` (as in the Parquet file `parquet`).
pub(crate) fn write_entities(
    path: &Path,
    entities: &[model::Entity],
    parquet: &Path,
) -> Result<(), StoreError> {
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
    f.sync_all().map_err(io)
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
    let mut text = || -> Option<Option<String>> {
        let len = u32::from_le_bytes(body.get(at..at + 4)?.try_into().ok()?);
        at += 4;
        if len == u32::MAX {
            return Some(None);
        }
        let s = std::str::from_utf8(body.get(at..at + len as usize)?).ok()?;
        at += len as usize;
        Some(Some(s.to_string()))
    };
    let mut out = Vec::with_capacity(usize::try_from(n).ok()?.min(body_len / 16));
    for _ in 0..n {
        let kind = model::EntityKind::parse(&text()??)?;
        let (key, name, iso3) = (text()??, text()??, text()?);
        out.push(model::Entity {
            key,
            name,
            kind,
            iso3,
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

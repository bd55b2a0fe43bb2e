//! `flows.cols`: the flows of a release as raw little-endian columns, written
//! beside `flows.parquet` at import so that a one-question process loads a
//! SIPRI-sized release in one read and a copy instead of decoding Parquet
//! (about 5 M instructions for the Feb-2026 register, a third of the query).
//!
//! `flows.parquet` stays the source of truth: the cache carries the checksum of
//! the Parquet file's bytes it was written beside and one of its own, and a
//! cache that is missing, of another version, for other or damaged Parquet
//! bytes, or damaged itself is ignored (the Parquet file is read instead, and
//! reports its own damage). Rows are in the Parquet file's order, so
//! sums come out bit-identical. Every value passes the same checks as a
//! Parquet load.
//!
//! Layout: `MAGIC`, u64 checksum of `flows.parquet`, u64 rows `n`, then the
//! columns supplier (u32), recipient (u32), year (u16), category (u8), tiv
//! (f64), units (u32), flags (u16), deal (u32), each `n` values, then a u64
//! checksum of everything before it.

use crate::StoreError;
use model::Flows;
use std::path::Path;

/// File name inside a release directory.
pub(crate) const FILE: &str = "flows.cols";

/// Format name and version; a new layout gets a new magic.
const MAGIC: &[u8; 8] = b"AFCOLS01";

/// Releases larger than this (about 170 × SIPRI's register) get no cache: their
/// queries load year windows from Parquet row groups, and the cache would add
/// 29 bytes a row on disk.
pub(crate) const MAX_ROWS: usize = 1 << 22;

const HEADER: usize = 8 + 8 + 8;
const ROW_BYTES: usize = 4 + 4 + 2 + 1 + 8 + 4 + 2 + 4;

/// Writes the cache for `flows` (in the order of the Parquet file `parquet`)
/// to `path`, fsynced.
pub(crate) fn write(path: &Path, flows: &Flows, parquet: &Path) -> Result<(), StoreError> {
    let parquet_sum = checksum(&std::fs::read(parquet).map_err(|e| StoreError::io(parquet, e))?);
    let n = flows.len();
    let mut b = Vec::with_capacity(HEADER + n * ROW_BYTES + 8);
    b.extend_from_slice(MAGIC);
    b.extend_from_slice(&parquet_sum.to_le_bytes());
    b.extend_from_slice(&(n as u64).to_le_bytes());
    flows
        .supplier
        .iter()
        .for_each(|v| b.extend(v.to_le_bytes()));
    flows
        .recipient
        .iter()
        .for_each(|v| b.extend(v.to_le_bytes()));
    flows.year.iter().for_each(|v| b.extend(v.to_le_bytes()));
    b.extend_from_slice(&flows.category);
    flows.tiv.iter().for_each(|v| b.extend(v.to_le_bytes()));
    flows.units.iter().for_each(|v| b.extend(v.to_le_bytes()));
    flows.flags.iter().for_each(|v| b.extend(v.to_le_bytes()));
    flows.deal.iter().for_each(|v| b.extend(v.to_le_bytes()));
    let sum = checksum(&b);
    b.extend_from_slice(&sum.to_le_bytes());
    let io = |e| StoreError::io(path, e);
    let mut f = std::fs::File::create(path).map_err(io)?;
    std::io::Write::write_all(&mut f, &b).map_err(io)?;
    f.sync_all().map_err(io)
}

/// The cached flows of `dir`, or `None` when there is no usable cache for its
/// current `flows.parquet`. Values are not checked here (the caller checks
/// them as it would a Parquet load).
pub(crate) fn read(dir: &Path) -> Option<Flows> {
    let b = std::fs::read(dir.join(FILE)).ok()?;
    if b.len() < HEADER + 8 || &b[..8] != MAGIC {
        return None;
    }
    let parquet = std::fs::read(dir.join("flows.parquet")).ok()?;
    if u64_at(&b, 8) != checksum(&parquet) {
        return None;
    }
    let n = usize::try_from(u64_at(&b, 16)).ok()?;
    let body = n.checked_mul(ROW_BYTES)?.checked_add(HEADER)?;
    if b.len() != body.checked_add(8)? || checksum(&b[..body]) != u64_at(&b, body) {
        return None;
    }
    let mut at = HEADER;
    let mut take = |width: usize| {
        let s = &b[at..at + n * width];
        at += n * width;
        s
    };
    let u32s = |s: &[u8]| -> Vec<u32> {
        s.chunks_exact(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect()
    };
    let u16s = |s: &[u8]| -> Vec<u16> {
        s.chunks_exact(2)
            .map(|c| u16::from_le_bytes([c[0], c[1]]))
            .collect()
    };
    let supplier = u32s(take(4));
    let recipient = u32s(take(4));
    let year = u16s(take(2));
    let category = take(1).to_vec();
    let tiv = take(8)
        .chunks_exact(8)
        .map(|c| f64::from_le_bytes(c.try_into().unwrap_or([0; 8])))
        .collect();
    let units = u32s(take(4));
    let flags = u16s(take(2));
    let deal = u32s(take(4));
    Some(Flows {
        supplier,
        recipient,
        year,
        category,
        tiv,
        units,
        flags,
        deal,
    })
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

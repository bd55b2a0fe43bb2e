//! Bit-level encodings of our own pages: bit packing, the RLE/bit-packed
//! hybrid, definition levels, PLAIN and DELTA_BINARY_PACKED integers.

/// Bits needed for values up to `max`.
pub(crate) fn bit_width(max: u64) -> u8 {
    (64 - max.leading_zeros()) as u8
}

/// Packs values of `width` bits, least significant bit first.
struct Packer<'a> {
    out: &'a mut Vec<u8>,
    acc: u128,
    bits: u32,
}

impl Packer<'_> {
    #[inline]
    fn put(&mut self, v: u64, width: u8) {
        self.acc |= u128::from(v) << self.bits;
        self.bits += u32::from(width);
        if self.bits >= 64 {
            self.out.extend_from_slice(&(self.acc as u64).to_le_bytes());
            self.acc >>= 64;
            self.bits -= 64;
        }
    }

    /// Writes the bits left, padded to a whole byte.
    fn finish(self) {
        let bytes = self.bits.div_ceil(8) as usize;
        self.out
            .extend_from_slice(&(self.acc as u64).to_le_bytes()[..bytes]);
    }
}

fn uleb(mut v: u64, out: &mut Vec<u8>) {
    while v >= 0x80 {
        out.push(v as u8 | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// Runs of equal values shorter than this stay in bit-packed runs.
const MIN_RUN: usize = 16;

/// The RLE/bit-packed hybrid encoding of `values` (each below `2^width`):
/// long runs of one value as RLE runs, the rest bit-packed in groups of 8.
pub(crate) fn hybrid(values: &[u32], width: u8, out: &mut Vec<u8>) {
    let value_bytes = usize::from(width).div_ceil(8);
    let mut lit = 0; // start of the pending bit-packed values
    let mut i = 0;
    while i < values.len() {
        let v = values[i];
        let mut j = i + 1;
        while j < values.len() && values[j] == v {
            j += 1;
        }
        // A run starts where the pending literals fill whole groups of 8.
        let start = i + (8 - (i - lit) % 8) % 8;
        if j >= start + MIN_RUN {
            literal(&values[lit..start], width, out);
            uleb(((j - start) as u64) << 1, out);
            out.extend_from_slice(&v.to_le_bytes()[..value_bytes]);
            lit = j;
        }
        i = j;
    }
    literal(&values[lit..], width, out);
}

/// One bit-packed run of `values`, zero-padded to a multiple of 8.
fn literal(values: &[u32], width: u8, out: &mut Vec<u8>) {
    if values.is_empty() {
        return;
    }
    let groups = values.len().div_ceil(8);
    uleb(((groups as u64) << 1) | 1, out);
    out.reserve(groups * usize::from(width) + 8);
    let mut p = Packer {
        out,
        acc: 0,
        bits: 0,
    };
    for &v in values {
        p.put(u64::from(v), width);
    }
    for _ in values.len()..groups * 8 {
        p.put(0, width);
    }
    p.finish();
}

/// Version 1 definition levels (0 null, 1 valid): a 4-byte length, then the
/// hybrid encoding at bit width 1.
pub(crate) fn def_levels(valid: &[bool], out: &mut Vec<u8>) {
    let at = out.len();
    out.extend_from_slice(&[0; 4]);
    let levels: Vec<u32> = valid.iter().map(|&v| u32::from(v)).collect();
    hybrid(&levels, 1, out);
    let len = (out.len() - at - 4) as u32;
    out[at..at + 4].copy_from_slice(&len.to_le_bytes());
}

/// PLAIN integers, 4 or 8 bytes little-endian.
pub(crate) fn plain_ints(values: &[i64], wide: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(values.len() * 8);
    for &v in values {
        if wide {
            out.extend_from_slice(&v.to_le_bytes());
        } else {
            out.extend_from_slice(&(v as i32).to_le_bytes());
        }
    }
    out
}

fn zigzag(v: i64) -> u64 {
    ((v << 1) ^ (v >> 63)) as u64
}

/// Values per DELTA_BINARY_PACKED block and per miniblock.
const BLOCK: usize = 128;
const MINI: usize = 32;

/// DELTA_BINARY_PACKED `values`, with deltas taken in the physical width
/// (wrapping, as decoders undo them).
pub(crate) fn delta(values: &[i64], wide: bool, out: &mut Vec<u8>) {
    uleb(BLOCK as u64, out);
    uleb((BLOCK / MINI) as u64, out);
    uleb(values.len() as u64, out);
    let Some(&first) = values.first() else {
        uleb(0, out);
        return;
    };
    uleb(zigzag(first), out);
    let deltas: Vec<i64> = values
        .windows(2)
        .map(|w| {
            if wide {
                w[1].wrapping_sub(w[0])
            } else {
                i64::from((w[1] as i32).wrapping_sub(w[0] as i32))
            }
        })
        .collect();
    let mut packed = [0u64; BLOCK];
    for block in deltas.chunks(BLOCK) {
        let min = block.iter().copied().min().unwrap_or(0);
        uleb(zigzag(min), out);
        for (d, p) in block.iter().zip(packed.iter_mut()) {
            *p = if wide {
                d.wrapping_sub(min) as u64
            } else {
                u64::from((*d as i32).wrapping_sub(min as i32) as u32)
            };
        }
        let at = out.len();
        out.extend_from_slice(&[0; BLOCK / MINI]);
        for (m, mini) in packed[..block.len()].chunks(MINI).enumerate() {
            let width = bit_width(mini.iter().fold(0, |a, &x| a | x));
            out[at + m] = width;
            let mut p = Packer {
                out,
                acc: 0,
                bits: 0,
            };
            for k in 0..MINI {
                p.put(mini.get(k).copied().unwrap_or(0), width);
            }
            p.finish();
        }
    }
}

/// PLAIN booleans: one bit each, least significant first.
pub(crate) fn plain_bools(values: impl Iterator<Item = bool>, out: &mut Vec<u8>) {
    let mut p = Packer {
        out,
        acc: 0,
        bits: 0,
    };
    for v in values {
        p.put(u64::from(v), 1);
    }
    p.finish();
}

/// A fast hash for dictionary look-ups of short keys (the multiply-rotate
/// hash rustc uses): the std default hashes several times slower, and these
/// tables never see untrusted adversarial keys at a size where it matters.
#[derive(Default)]
pub(crate) struct Fx(u64);

impl Fx {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl std::hash::Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().unwrap_or_default()));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut last = [0u8; 8];
            last[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(last));
        }
    }

    fn write_u64(&mut self, v: u64) {
        self.add(v);
    }

    fn write_u8(&mut self, v: u8) {
        self.add(u64::from(v));
    }

    fn write_usize(&mut self, v: usize) {
        self.add(v as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

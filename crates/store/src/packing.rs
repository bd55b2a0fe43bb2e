//! Bit-level encodings of our own pages: bit packing, the RLE/bit-packed
//! hybrid, definition levels, PLAIN and DELTA_BINARY_PACKED integers.

/// Bits needed for values up to `max`.
pub(crate) fn bit_width(max: u64) -> u8 {
    (64 - max.leading_zeros()) as u8
}

/// Appends `values` packed in `width` bits each, least significant bit
/// first, padded to a whole byte.
fn pack(values: impl Iterator<Item = u64>, width: u8, out: &mut Vec<u8>) {
    let w = u32::from(width);
    if w == 0 {
        return;
    }
    if w <= 32 {
        // Below 32 bits pending plus at most 32 new: a u64 holds them.
        let (mut acc, mut bits) = (0u64, 0u32);
        for v in values {
            acc |= v << bits;
            bits += w;
            if bits >= 32 {
                out.extend_from_slice(&(acc as u32).to_le_bytes());
                acc >>= 32;
                bits -= 32;
            }
        }
        out.extend_from_slice(&acc.to_le_bytes()[..bits.div_ceil(8) as usize]);
    } else {
        let (mut acc, mut bits) = (0u128, 0u32);
        for v in values {
            acc |= u128::from(v) << bits;
            bits += w;
            if bits >= 64 {
                out.extend_from_slice(&(acc as u64).to_le_bytes());
                acc >>= 64;
                bits -= 64;
            }
        }
        out.extend_from_slice(&(acc as u64).to_le_bytes()[..bits.div_ceil(8) as usize]);
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
/// runs of one value as RLE runs, the rest bit-packed in groups of 8. Runs
/// are looked for only where a group of 8 starts, so random values cost one
/// comparison per group; sorted or repetitive columns still get their runs.
pub(crate) fn hybrid(values: &[u32], width: u8, out: &mut Vec<u8>) {
    let value_bytes = usize::from(width).div_ceil(8);
    let n = values.len();
    let mut lit = 0; // start of the pending bit-packed values
    let mut g = 0; // start of the next group of 8, from `lit`
    while g < n {
        let v = values[g];
        if g + MIN_RUN <= n && values[g + 1..g + MIN_RUN].iter().all(|&x| x == v) {
            let mut j = g + MIN_RUN;
            while j < n && values[j] == v {
                j += 1;
            }
            literal(&values[lit..g], width, out);
            uleb(((j - g) as u64) << 1, out);
            out.extend_from_slice(&v.to_le_bytes()[..value_bytes]);
            lit = j;
            g = j;
        } else {
            g += 8;
        }
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
    let pad = std::iter::repeat_n(0, groups * 8 - values.len());
    pack(values.iter().map(|&v| u64::from(v)).chain(pad), width, out);
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
    // Block by block on the stack: a page's deltas never touch the heap.
    let mut deltas = [0i64; BLOCK];
    let mut packed = [0u64; BLOCK];
    for start in (1..values.len()).step_by(BLOCK) {
        let end = (start + BLOCK).min(values.len());
        let block = &mut deltas[..end - start];
        for (d, i) in block.iter_mut().zip(start..end) {
            *d = if wide {
                values[i].wrapping_sub(values[i - 1])
            } else {
                i64::from((values[i] as i32).wrapping_sub(values[i - 1] as i32))
            };
        }
        let min = block.iter().copied().min().unwrap_or(0);
        uleb(zigzag(min), out);
        for (d, p) in block.iter().zip(packed.iter_mut()) {
            *p = if wide {
                d.wrapping_sub(min) as u64
            } else {
                u64::from((*d as i32).wrapping_sub(min as i32) as u32)
            };
        }
        // The last miniblock is padded with zeros to a whole one.
        let used = block.len().div_ceil(MINI) * MINI;
        packed[block.len()..used].fill(0);
        let at = out.len();
        out.extend_from_slice(&[0; BLOCK / MINI]);
        for (m, mini) in packed[..used].chunks_exact(MINI).enumerate() {
            let width = bit_width(mini.iter().fold(0, |a, &x| a | x));
            out[at + m] = width;
            out.reserve(MINI * usize::from(width) / 8);
            pack(mini.iter().copied(), width, out);
        }
    }
}

/// PLAIN booleans: one bit each, least significant first.
pub(crate) fn plain_bools(values: impl Iterator<Item = bool>, out: &mut Vec<u8>) {
    pack(values.map(u64::from), 1, out);
}

/// A fast hash for dictionary look-ups of short keys (the multiply-rotate
/// hash rustc uses, with a final mix): the std default hashes several times
/// slower. A crafted file could make it collide, which costs time, not
/// correctness.
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
        // The last 1-7 bytes in two overlapping loads (no byte copies).
        let rest = chunks.remainder();
        let word = match rest.len() {
            0 => return,
            4.. => {
                let lo = u32::from_le_bytes(rest[..4].try_into().unwrap_or_default());
                let hi = u32::from_le_bytes(rest[rest.len() - 4..].try_into().unwrap_or_default());
                u64::from(lo) | (u64::from(hi) << 32)
            }
            k => {
                u64::from(rest[0]) | (u64::from(rest[k / 2]) << 8) | (u64::from(rest[k - 1]) << 16)
            }
        };
        self.add(word);
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

    /// Mixes the high bits down: hash tables index by the low bits, which a
    /// product leaves untouched by the input's high bits (TIVs' bit patterns
    /// differ mostly there).
    fn finish(&self) -> u64 {
        let h = (self.0 ^ (self.0 >> 33)).wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^ (h >> 33)
    }
}

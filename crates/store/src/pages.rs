//! Column values handed to the writer, and one row group's worth of them.
//!
//! The parquet crate's Arrow writer hashes every value of a dictionary column
//! into a dictionary it builds afresh, although our dictionaries are known
//! (the entity table, the categories) and our keys are the ids we hold; and
//! its integer encoders work value by value. For such columns the writer is
//! handed the keys or values themselves ([`Col`]), buffers a row group of
//! them ([`Buf`]), and `chunk.rs` writes their pages straight from them. The
//! parquet crate still writes the page headers, the chunk metadata and the
//! footer.
//!
//! - Keys into a known dictionary (`Col::Keys`): a PLAIN dictionary page of
//!   the entries the row group uses, in key order, and RLE_DICTIONARY data
//!   pages. Columns keyed by the same ids (`supplier_id`, `supplier`,
//!   `supplier_key`) share one encoding of their data pages.
//! - Integers (`Col::I32`, `Col::I64`): a dictionary of the values the row
//!   group uses when their range is small and it pays, taken from a table
//!   indexed by value, not a hash; otherwise DELTA_BINARY_PACKED; min/max
//!   statistics (what windowed loads use to skip row groups by `year`).
//! - Floats and texts: a dictionary built here ([`Interner`], an
//!   open-addressing table), given up for PLAIN where values do not repeat.
//! - Booleans PLAIN; nulls as RLE definition levels (version 1 data pages).

use crate::packing::Fx;
use std::sync::Arc;

/// Rows per data page (the Arrow writer's default page row limit).
pub(crate) const PAGE_ROWS: usize = 20_000;

/// A known dictionary: what key `k` stands for.
#[derive(Debug, PartialEq)]
pub(crate) enum Dict {
    /// Strings, PLAIN-encoded back to back (`u32` length, bytes), and where
    /// each starts (one more offset than entries).
    Text { plain: Vec<u8>, starts: Vec<usize> },
    /// Integers (an INT32 column).
    Int(Vec<i32>),
}

impl Dict {
    pub(crate) fn text<'a>(values: impl IntoIterator<Item = &'a str>) -> Dict {
        let (mut plain, mut starts) = (Vec::new(), vec![0]);
        for v in values {
            plain.extend_from_slice(&(v.len() as u32).to_le_bytes());
            plain.extend_from_slice(v.as_bytes());
            starts.push(plain.len());
        }
        Dict::Text { plain, starts }
    }

    pub(crate) fn len(&self) -> usize {
        match self {
            Dict::Text { starts, .. } => starts.len() - 1,
            Dict::Int(v) => v.len(),
        }
    }
}

/// One column of a batch, as the caller hands it to the writer.
pub(crate) enum Col {
    /// Encoded by the parquet crate's Arrow writer.
    Arrow(arrow_array::ArrayRef),
    /// Keys into `dict`. The data pages of columns of one row group with the
    /// same nonzero `share` and equal keys are encoded once (the keys are
    /// compared, not assumed equal).
    Keys {
        keys: Vec<u32>,
        dict: Arc<Dict>,
        share: u8,
    },
    /// An INT32 column: values, and which are valid (`None`: all).
    I32(Vec<i32>, Option<Vec<bool>>),
    /// An INT64 column.
    I64(Vec<i64>, Option<Vec<bool>>),
    /// A DOUBLE column.
    F64(Vec<f64>, Option<Vec<bool>>),
    /// A BOOLEAN column.
    Bool(Vec<bool>, Option<Vec<bool>>),
    /// A required list of INT32 items that are never null: every row's
    /// items back to back, and each row's count (`delivery_years`).
    Lists { values: Vec<i32>, counts: Vec<u32> },
    /// A required text column, PLAIN-encoded (`u32` length, bytes) for
    /// `rows` rows; `dict`: give it a dictionary of its own.
    Text {
        plain: Vec<u8>,
        rows: usize,
        dict: bool,
    },
}

/// A dictionary built from the values of one row group: its entries (PLAIN,
/// back to back), each row's key, and an open-addressing table of the
/// entries by hash.
#[derive(Default)]
pub(crate) struct Interner {
    /// Entry + 1, 0 where empty; a power of two, at least twice the entries.
    slots: Vec<u32>,
    hashes: Vec<u64>,
    pub(crate) plain: Vec<u8>,
    pub(crate) starts: Vec<usize>,
    pub(crate) keys: Vec<u32>,
    /// Entries after the row group's first `PROBE` rows (0 before).
    at_probe: usize,
}

/// Rows after which a row group's text or float dictionary is judged: more
/// entries than half of them, and the values are written PLAIN (the Arrow
/// writer's dictionary page limit, in rows); nor may it exceed
/// `MAX_ENTRIES`. The decision depends on the rows alone, never on how they
/// arrive in batches.
const PROBE: usize = 1 << 16;
const MAX_ENTRIES: usize = 1 << 16;

impl Interner {
    fn gave_up(&self) -> bool {
        self.hashes.len() > MAX_ENTRIES || self.at_probe * 2 > PROBE
    }

    fn clear(&mut self) {
        self.at_probe = 0;
        self.slots.iter_mut().for_each(|s| *s = 0);
        self.hashes.clear();
        self.plain.clear();
        self.starts.clear();
        self.keys.clear();
    }

    pub(crate) fn entry(&self, e: usize) -> &[u8] {
        let end = self.starts.get(e + 1).copied().unwrap_or(self.plain.len());
        &self.plain[self.starts[e]..end]
    }

    /// Appends a placeholder key for a null (never read: nulls have no
    /// index in the pages).
    fn push_null(&mut self) {
        self.keys.push(0);
        if self.keys.len() == PROBE {
            self.at_probe = self.hashes.len();
        }
    }

    /// Appends the key of `v` (whose hash is `hash`), adding it if new.
    #[inline]
    fn push(&mut self, v: &[u8], hash: u64) {
        self.insert(hash, v, |me, e| {
            me.hashes[e] == hash && same(me.entry(e), v)
        });
    }

    /// `push` for 8-byte values (TIVs' bits): entries are then `plain`'s
    /// 8-byte words, compared as such.
    #[inline]
    fn push8(&mut self, v: u64) {
        let word = |me: &Self, e: usize| {
            me.plain
                .get(e * 8..e * 8 + 8)
                .and_then(|b| <[u8; 8]>::try_from(b).ok())
                .map(u64::from_le_bytes)
        };
        self.insert(mix(v), &v.to_le_bytes(), |me, e| word(me, e) == Some(v));
    }

    /// The probe both `push`es share: `is(self, e)` tells whether entry `e`
    /// holds the value `v` (with hash `hash`).
    #[inline(always)]
    fn insert(&mut self, hash: u64, v: &[u8], is: impl Fn(&Self, usize) -> bool) {
        if self.slots.len() < 2 * (self.hashes.len() + 1) {
            self.grow();
        }
        let mask = self.slots.len() - 1;
        let mut i = hash as usize & mask;
        let key = loop {
            let s = self.slots[i];
            if s == 0 {
                let e = self.hashes.len() as u32;
                self.slots[i] = e + 1;
                self.hashes.push(hash);
                self.starts.push(self.plain.len());
                self.plain.extend_from_slice(v);
                break e;
            }
            let e = (s - 1) as usize;
            if is(self, e) {
                break e as u32;
            }
            i = (i + 1) & mask;
        };
        self.keys.push(key);
        if self.keys.len() == PROBE {
            self.at_probe = self.hashes.len();
        }
    }

    fn grow(&mut self) {
        let cap = (self.slots.len() * 2).max(1 << 10);
        let mut slots = vec![0u32; cap];
        for (e, &h) in self.hashes.iter().enumerate() {
            let mut i = h as usize & (cap - 1);
            while slots[i] != 0 {
                i = (i + 1) & (cap - 1);
            }
            slots[i] = e as u32 + 1;
        }
        self.slots = slots;
    }
}

/// Byte equality, without a `memcmp` call for 8-byte values (TIVs).
#[inline]
fn same(a: &[u8], b: &[u8]) -> bool {
    match (<[u8; 8]>::try_from(a), <[u8; 8]>::try_from(b)) {
        (Ok(x), Ok(y)) => u64::from_ne_bytes(x) == u64::from_ne_bytes(y),
        _ => a == b,
    }
}

/// A 64-bit finaliser (MurmurHash3's): every input bit reaches the low bits
/// a table indexes by.
fn mix(v: u64) -> u64 {
    let h = (v ^ (v >> 33)).wrapping_mul(0xff51_afd7_ed55_8ccd);
    let h = (h ^ (h >> 33)).wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

fn hash(bytes: &[u8]) -> u64 {
    use std::hash::Hasher;
    let mut h = Fx::default();
    h.write(bytes);
    h.finish()
}

/// The rows of PLAIN text `plain`: where each value starts and ends.
fn text_rows(plain: &[u8]) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut at = 0;
    std::iter::from_fn(move || {
        let len = plain.get(at..at + 4)?;
        let len = u32::from_le_bytes(len.try_into().ok()?) as usize;
        let row = (at, at + 4 + len);
        at = row.1;
        Some(row)
    })
}

/// The values of an INT32 or INT64 column.
pub(crate) enum IntVals {
    I32(Vec<i32>),
    I64(Vec<i64>),
}

/// A row group's worth of one own-encoded column.
pub(crate) enum Buf {
    Keys {
        keys: Vec<u32>,
        dict: Arc<Dict>,
        share: u8,
    },
    Ints {
        values: IntVals,
        valid: Vec<bool>,
    },
    Floats {
        dict: Interner,
        valid: Vec<bool>,
    },
    /// Floats that did not repeat enough for a dictionary (`Interner::gave_up`).
    PlainFloats {
        values: Vec<f64>,
        valid: Vec<bool>,
    },
    Bools {
        values: Vec<bool>,
        valid: Vec<bool>,
    },
    Lists {
        values: Vec<i32>,
        counts: Vec<u32>,
    },
    /// Text with a dictionary of its own, or PLAIN with the byte offset of
    /// every `PAGE_ROWS`-th row.
    Dict(Interner),
    Plain {
        plain: Vec<u8>,
        pages: Vec<usize>,
        rows: usize,
    },
}

impl Buf {
    /// Starts a buffer for `col` (not `Col::Arrow`).
    pub(crate) fn new(col: &Col) -> Option<Buf> {
        Some(match col {
            Col::Arrow(_) => return None,
            Col::Keys { dict, share, .. } => Buf::Keys {
                keys: Vec::new(),
                dict: dict.clone(),
                share: *share,
            },
            Col::I32(..) => Buf::Ints {
                values: IntVals::I32(Vec::new()),
                valid: Vec::new(),
            },
            Col::I64(..) => Buf::Ints {
                values: IntVals::I64(Vec::new()),
                valid: Vec::new(),
            },
            Col::F64(..) => Buf::Floats {
                dict: Interner::default(),
                valid: Vec::new(),
            },
            Col::Bool(..) => Buf::Bools {
                values: Vec::new(),
                valid: Vec::new(),
            },
            Col::Lists { .. } => Buf::Lists {
                values: Vec::new(),
                counts: Vec::new(),
            },
            Col::Text { dict: true, .. } => Buf::Dict(Interner::default()),
            Col::Text { dict: false, .. } => Buf::Plain {
                plain: Vec::new(),
                pages: Vec::new(),
                rows: 0,
            },
        })
    }

    /// Appends `col`, which must be of this buffer's kind; `room`: the rows
    /// this call adds to the row group, reserved at once (a whole-file write
    /// fills a row group in one call: one allocation per column and group).
    pub(crate) fn push(&mut self, col: Col, room: usize) -> Result<(), String> {
        self.push_kind(col, room)?;
        self.give_up();
        Ok(())
    }

    /// A text or float dictionary that stopped paying (`Interner::gave_up`)
    /// becomes PLAIN values for the rest of the row group.
    fn give_up(&mut self) {
        let plain = match self {
            Buf::Dict(d) if d.gave_up() => {
                let (mut plain, mut pages) = (Vec::new(), Vec::new());
                for (i, &k) in d.keys.iter().enumerate() {
                    if i % PAGE_ROWS == 0 {
                        pages.push(plain.len());
                    }
                    plain.extend_from_slice(d.entry(k as usize));
                }
                let rows = d.keys.len();
                Buf::Plain { plain, pages, rows }
            }
            Buf::Floats { dict, valid } if dict.gave_up() => {
                let value = |k: u32| {
                    let e = <[u8; 8]>::try_from(dict.entry(k as usize)).unwrap_or_default();
                    f64::from_le_bytes(e)
                };
                let values = dict.keys.iter().zip(valid.iter());
                let values = values
                    .map(|(&k, &ok)| if ok { value(k) } else { 0.0 })
                    .collect();
                Buf::PlainFloats {
                    values,
                    valid: std::mem::take(valid),
                }
            }
            _ => return,
        };
        *self = plain;
    }

    fn push_kind(&mut self, col: Col, room: usize) -> Result<(), String> {
        match (self, col) {
            (
                Buf::Keys { keys, dict, .. },
                Col::Keys {
                    keys: k, dict: d, ..
                },
            ) => {
                if !Arc::ptr_eq(dict, &d) && **dict != *d {
                    return Err("the dictionary changed within a row group".into());
                }
                // The largest key (a loop that vectorises, unlike a search).
                let top = k.iter().copied().max().unwrap_or(0);
                if !k.is_empty() && top as usize >= dict.len() {
                    return Err(format!("key {top} is outside the dictionary"));
                }
                append(keys, k, room);
            }
            (Buf::Ints { values, valid }, col) => {
                let (n, ok) = match (values, col) {
                    (IntVals::I32(values), Col::I32(v, ok)) => {
                        let n = v.len();
                        append(values, v, room);
                        (n, ok)
                    }
                    (IntVals::I64(values), Col::I64(v, ok)) => {
                        let n = v.len();
                        append(values, v, room);
                        (n, ok)
                    }
                    _ => return Err("a column changed its kind".into()),
                };
                push_valid(valid, n, ok, room)?;
            }
            (Buf::Floats { dict, valid }, Col::F64(v, ok)) => {
                let n = valid.len();
                push_valid(valid, v.len(), ok, room)?;
                dict.keys.reserve(room);
                for (i, x) in v.into_iter().enumerate() {
                    if !valid[n + i] {
                        // Never read: nulls have no index in the pages.
                        dict.push_null();
                        continue;
                    }
                    dict.push8(x.to_bits());
                }
            }
            (
                Buf::Lists { values, counts },
                Col::Lists {
                    values: v,
                    counts: c,
                },
            ) => {
                if c.iter().map(|&n| n as usize).sum::<usize>() != v.len() {
                    return Err("list counts and items differ".into());
                }
                append(values, v, 0);
                append(counts, c, room);
            }
            (Buf::PlainFloats { values, valid }, Col::F64(v, ok)) => {
                push_valid(valid, v.len(), ok, room)?;
                append(values, v, room);
            }
            (Buf::Bools { values, valid }, Col::Bool(v, ok)) => {
                push_valid(valid, v.len(), ok, room)?;
                append(values, v, room);
            }
            (Buf::Dict(dict), Col::Text { plain, rows, .. }) => {
                let n = dict.keys.len();
                dict.keys.reserve(room);
                for (a, b) in text_rows(&plain) {
                    let v = &plain[a..b];
                    dict.push(v, hash(v));
                }
                if dict.keys.len() - n != rows {
                    return Err("text rows and values differ".into());
                }
            }
            (
                Buf::Plain { plain, pages, rows },
                Col::Text {
                    plain: p, rows: n, ..
                },
            ) => {
                let base = plain.len();
                let mut seen = 0;
                for (a, _) in text_rows(&p) {
                    if (*rows + seen) % PAGE_ROWS == 0 {
                        pages.push(base + a);
                    }
                    seen += 1;
                }
                if seen != n {
                    return Err("text rows and values differ".into());
                }
                *rows += n;
                append(plain, p, 0);
            }
            _ => return Err("a column changed its kind".into()),
        }
        Ok(())
    }

    /// Empties the buffer for the next row group, keeping its memory: a big
    /// release's row groups then reuse it instead of faulting in fresh pages.
    pub(crate) fn clear(&mut self) {
        match self {
            Buf::Keys { keys, .. } => keys.clear(),
            Buf::Ints { values, valid } => {
                match values {
                    IntVals::I32(v) => v.clear(),
                    IntVals::I64(v) => v.clear(),
                }
                valid.clear();
            }
            Buf::Floats { dict, valid } => {
                dict.clear();
                valid.clear();
            }
            Buf::Bools { values, valid } => {
                values.clear();
                valid.clear();
            }
            Buf::PlainFloats { values, valid } => {
                values.clear();
                valid.clear();
            }
            Buf::Lists { values, counts } => {
                values.clear();
                counts.clear();
            }
            Buf::Dict(dict) => dict.clear(),
            Buf::Plain { plain, pages, rows } => {
                plain.clear();
                pages.clear();
                *rows = 0;
            }
        }
    }

    /// Whether `col` goes into a buffer of this kind.
    pub(crate) fn takes(&self, col: &Col) -> bool {
        if let (Buf::Keys { dict: a, .. }, Col::Keys { dict: b, .. }) = (self, col) {
            // A new row group may bring a new dictionary.
            return Arc::ptr_eq(a, b);
        }
        matches!(
            (self, col),
            (
                Buf::Ints {
                    values: IntVals::I32(_),
                    ..
                },
                Col::I32(..)
            ) | (
                Buf::Ints {
                    values: IntVals::I64(_),
                    ..
                },
                Col::I64(..)
            ) | (Buf::Floats { .. }, Col::F64(..))
                | (Buf::Bools { .. }, Col::Bool(..))
                | (Buf::Lists { .. }, Col::Lists { .. })
                | (Buf::Dict(_), Col::Text { dict: true, .. })
                | (Buf::Plain { .. }, Col::Text { dict: false, .. })
        )
    }

    /// Whether both are keys, and equal.
    pub(crate) fn same_keys(&self, other: &Buf) -> bool {
        match (self, other) {
            (Buf::Keys { keys: a, .. }, Buf::Keys { keys: b, .. }) => a == b,
            _ => false,
        }
    }

    pub(crate) fn share(&self) -> u8 {
        match self {
            Buf::Keys { share, .. } => *share,
            _ => 0,
        }
    }
}

/// Appends `more` to `v`: moved in if `v` is empty and smaller (a fresh
/// buffer), else after reserving `room` more (a recycled one has it).
fn append<T: Copy>(v: &mut Vec<T>, more: Vec<T>, room: usize) {
    if v.is_empty() && v.capacity() < more.len() {
        *v = more;
    } else {
        v.reserve(room.max(more.len()));
        v.extend_from_slice(&more);
    }
}

fn push_valid(
    valid: &mut Vec<bool>,
    n: usize,
    ok: Option<Vec<bool>>,
    room: usize,
) -> Result<(), String> {
    match ok {
        Some(ok) if ok.len() == n => append(valid, ok, room),
        Some(_) => return Err("validity and values differ in length".into()),
        None => {
            valid.reserve(room);
            valid.resize(valid.len() + n, true);
        }
    }
    Ok(())
}

//! Column chunks whose pages we encode ourselves.
//!
//! The parquet crate's Arrow writer hashes every value of a dictionary column
//! into a dictionary it builds afresh, although our dictionaries are known
//! (the entity table, the categories) and our keys are the ids we hold; and
//! its integer encoders work value by value. For such columns the writer is
//! handed the keys or integers themselves ([`Col`]), and this module writes
//! the pages straight from them: no hashing, one pass to pack. The parquet
//! crate still writes the page headers, the chunk metadata and the footer.
//!
//! - Dictionary columns (`Col::Keys`): a PLAIN dictionary page of the entries
//!   the row group uses, in key order, and RLE_DICTIONARY data pages (the
//!   RLE/bit-packed hybrid). Columns keyed by the same ids (`supplier_id`,
//!   `supplier`, `supplier_key`) share one encoding of their data pages.
//! - Integers (`Col::I32`, `Col::I64`): a dictionary of the values the row
//!   group uses when their range is small (years, codes, flags, counts),
//!   taken from a table indexed by value, not a hash table; otherwise
//!   DELTA_BINARY_PACKED. Min/max statistics as the Arrow writer gives them
//!   (what windowed loads use to skip row groups by `year`).
//! - Nulls: version 1 data pages with RLE definition levels.

use bytes::Bytes;
use parquet::basic::{Encoding, PageType, Type as PhysicalType};
use parquet::column::page::{CompressedPage, Page, PageWriter};
use parquet::column::writer::ColumnCloseResult;
use parquet::file::metadata::{ColumnChunkMetaData, PageEncodingStats};
use parquet::file::statistics::{Statistics, ValueStatistics};
use parquet::file::writer::{SerializedPageWriter, TrackedWrite};
use parquet::schema::types::ColumnDescPtr;
use std::sync::Arc;

/// Rows per data page (the Arrow writer's default page row limit).
pub(crate) const PAGE_ROWS: usize = 20_000;

/// Integer columns whose values span at most this many get a dictionary.
const MAX_DICT_RANGE: i64 = 1 << 16;

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

    fn len(&self) -> usize {
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
    /// Keys into `dict`. Columns of one batch with the same nonzero `share`
    /// and equal keys are encoded once (checked, not assumed).
    Keys {
        keys: Vec<u32>,
        dict: Arc<Dict>,
        share: u8,
    },
    /// An INT32 column: values, and which are valid (`None`: all).
    I32(Vec<i32>, Option<Vec<bool>>),
    /// An INT64 column.
    I64(Vec<i64>, Option<Vec<bool>>),
}

/// A row group's worth of one own-encoded column.
pub(crate) enum Buf {
    Keys {
        keys: Vec<u32>,
        dict: Arc<Dict>,
        share: u8,
    },
    Ints {
        values: Vec<i64>,
        valid: Vec<bool>,
        wide: bool,
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
            Col::I32(..) | Col::I64(..) => Buf::Ints {
                values: Vec::new(),
                valid: Vec::new(),
                wide: matches!(col, Col::I64(..)),
            },
        })
    }

    /// Appends `col`, which must be of this buffer's kind.
    pub(crate) fn push(&mut self, col: Col) -> Result<(), String> {
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
                if let Some(&bad) = k.iter().find(|&&x| x as usize >= dict.len()) {
                    return Err(format!("key {bad} is outside the dictionary"));
                }
                keys.extend_from_slice(&k);
            }
            (
                Buf::Ints {
                    values,
                    valid,
                    wide,
                },
                col,
            ) => {
                let n = values.len();
                let v = match (col, *wide) {
                    (Col::I32(v, ok), false) => {
                        values.extend(v.iter().map(|&x| i64::from(x)));
                        ok
                    }
                    (Col::I64(v, ok), true) => {
                        values.extend_from_slice(&v);
                        ok
                    }
                    _ => return Err("a column changed its kind".into()),
                };
                match v {
                    Some(ok) if ok.len() == values.len() - n => valid.extend_from_slice(&ok),
                    Some(_) => return Err("validity and values differ in length".into()),
                    None => valid.resize(values.len(), true),
                }
            }
            _ => return Err("a column changed its kind".into()),
        }
        Ok(())
    }

    pub(crate) fn share(&self) -> u8 {
        match self {
            Buf::Keys { share, .. } => *share,
            Buf::Ints { .. } => 0,
        }
    }
}

/// Data pages of dictionary indices, compressed, and the dictionary keys the
/// row group uses (index `i` stands for key `used[i]`).
pub(crate) struct Indexed {
    keys: Vec<u32>,
    used: Vec<u32>,
    pages: Vec<EncodedPage>,
}

/// A compressed page body, its uncompressed length and its rows.
type EncodedPage = (Bytes, usize, u32);

impl Indexed {
    /// The index pages of `buf` (`Buf::Keys`), for the columns that share it.
    pub(crate) fn of(buf: &Buf) -> Option<Indexed> {
        match buf {
            Buf::Keys { keys, dict, .. } => {
                let (map, used) = used_keys(keys, dict.len(), None);
                let pages = index_pages(keys, &map, used.len(), None);
                Some(Indexed {
                    keys: keys.clone(),
                    used,
                    pages,
                })
            }
            Buf::Ints { .. } => None,
        }
    }
}

/// Which of `dict_len` keys the valid rows use, in key order, and for each
/// key its dense index (`u32::MAX` where unused).
fn used_keys(keys: &[u32], dict_len: usize, valid: Option<&[bool]>) -> (Vec<u32>, Vec<u32>) {
    let mut map = vec![u32::MAX; dict_len];
    match valid {
        Some(v) => keys
            .iter()
            .zip(v)
            .filter(|(_, ok)| **ok)
            .for_each(|(&k, _)| map[k as usize] = 0),
        None => keys.iter().for_each(|&k| map[k as usize] = 0),
    }
    let mut used = Vec::new();
    for (k, m) in map.iter_mut().enumerate() {
        if *m == 0 {
            *m = used.len() as u32;
            used.push(k as u32);
        }
    }
    (map, used)
}

/// RLE_DICTIONARY data pages of `keys` mapped through `map`.
fn index_pages(
    keys: &[u32],
    map: &[u32],
    entries: usize,
    valid: Option<&[bool]>,
) -> Vec<EncodedPage> {
    let width = bit_width(entries.saturating_sub(1) as u64).max(1);
    let mut pages = Vec::with_capacity(keys.len().div_ceil(PAGE_ROWS));
    let mut idx = Vec::with_capacity(PAGE_ROWS.min(keys.len()));
    for start in (0..keys.len()).step_by(PAGE_ROWS) {
        let end = (start + PAGE_ROWS).min(keys.len());
        let mut body = Vec::with_capacity((end - start) * width as usize / 8 + 64);
        idx.clear();
        match valid {
            Some(v) => {
                def_levels(&v[start..end], &mut body);
                idx.extend(
                    (start..end)
                        .filter(|&i| v[i])
                        .map(|i| map[keys[i] as usize]),
                );
            }
            None => idx.extend(keys[start..end].iter().map(|&k| map[k as usize])),
        }
        body.push(width);
        hybrid(&idx, width, &mut body);
        pages.push(compress(body, (end - start) as u32));
    }
    pages
}

fn compress(body: Vec<u8>, rows: u32) -> EncodedPage {
    let len = body.len();
    let data = snap::raw::Encoder::new()
        .compress_vec(&body)
        .expect("a page is far below snappy's 4 GiB limit");
    (Bytes::from(data), len, rows)
}

/// Encodes `buf` as a column chunk of `descr`; `shared` are the index pages
/// of a column keyed like it, if any (used only if the keys are equal).
pub(crate) fn encode(
    descr: &ColumnDescPtr,
    buf: Buf,
    shared: Option<&Indexed>,
) -> Result<(Bytes, ColumnCloseResult), String> {
    let phys = descr.physical_type();
    if descr.max_rep_level() > 0 {
        return Err("nested columns are not encoded here".into());
    }
    match buf {
        Buf::Keys { keys, dict, .. } => {
            if descr.max_def_level() > 0 {
                return Err("keys of a nullable column are not encoded here".into());
            }
            match (&*dict, phys) {
                (Dict::Text { .. }, PhysicalType::BYTE_ARRAY) => {}
                (Dict::Int(_), PhysicalType::INT32) => {}
                _ => return Err(format!("a dictionary does not fit a {phys} column")),
            }
            let rows = keys.len() as u64;
            let own;
            let ix = match shared {
                Some(s) if s.keys == keys => s,
                _ => {
                    let (map, used) = used_keys(&keys, dict.len(), None);
                    let pages = index_pages(&keys, &map, used.len(), None);
                    own = Indexed {
                        keys: Vec::new(),
                        used,
                        pages,
                    };
                    &own
                }
            };
            let (page, stats) = match &*dict {
                Dict::Text { plain, starts } => {
                    let mut page = Vec::new();
                    for &k in &ix.used {
                        page.extend_from_slice(&plain[starts[k as usize]..starts[k as usize + 1]]);
                    }
                    (page, None)
                }
                Dict::Int(values) => {
                    let vals: Vec<i64> =
                        ix.used.iter().map(|&k| values[k as usize].into()).collect();
                    let (lo, hi) = min_max(vals.iter().copied());
                    (plain_ints(&vals, false), int_stats(descr, lo, hi, 0))
                }
            };
            let dict_page = (page, ix.used.len() as u32);
            let enc = Encoding::RLE_DICTIONARY;
            write_chunk(descr, Some(dict_page), &ix.pages, enc, stats, rows)
        }
        Buf::Ints {
            values,
            valid,
            wide,
        } => {
            match (phys, wide) {
                (PhysicalType::INT32, false) | (PhysicalType::INT64, true) => {}
                _ => return Err(format!("integers do not fit a {phys} column")),
            }
            let rows = values.len() as u64;
            let nulls = valid.iter().filter(|v| !**v).count() as u64;
            if descr.max_def_level() == 0 && nulls > 0 {
                return Err("a null in a required column".into());
            }
            let valid = (descr.max_def_level() > 0).then_some(&valid[..]);
            let (lo, hi) = match valid {
                Some(v) => min_max(values.iter().zip(v).filter(|p| *p.1).map(|p| *p.0)),
                None => min_max(values.iter().copied()),
            };
            let stats = int_stats(descr, lo, hi, nulls);
            if let Some(range) = hi
                .checked_sub(lo)
                .filter(|&r| (0..MAX_DICT_RANGE).contains(&r))
            {
                // Keys are offsets from the minimum: a table, not a hash.
                let keys: Vec<u32> = values
                    .iter()
                    .map(|&x| x.wrapping_sub(lo).clamp(0, range) as u32)
                    .collect();
                let (map, used) = used_keys(&keys, range as usize + 1, valid);
                // A dictionary pays where its page costs less than the bits
                // its narrower indices save over packing each value's offset.
                let n = rows - nulls;
                let width = bit_width(used.len().saturating_sub(1) as u64).max(1);
                let dict_bits = used.len() as u64 * 32 + n * u64::from(width);
                if dict_bits <= n * u64::from(bit_width(range as u64)) {
                    let pages = index_pages(&keys, &map, used.len(), valid);
                    let dict: Vec<i64> = used.iter().map(|&k| lo + i64::from(k)).collect();
                    let dict_page = (plain_ints(&dict, wide), dict.len() as u32);
                    let enc = Encoding::RLE_DICTIONARY;
                    return write_chunk(descr, Some(dict_page), &pages, enc, stats, rows);
                }
            }
            let mut pages = Vec::with_capacity(values.len().div_ceil(PAGE_ROWS));
            let mut vals = Vec::with_capacity(PAGE_ROWS.min(values.len()));
            for start in (0..values.len()).step_by(PAGE_ROWS) {
                let end = (start + PAGE_ROWS).min(values.len());
                let mut body = Vec::new();
                vals.clear();
                match valid {
                    Some(v) => {
                        def_levels(&v[start..end], &mut body);
                        vals.extend((start..end).filter(|&i| v[i]).map(|i| values[i]));
                    }
                    None => vals.extend_from_slice(&values[start..end]),
                }
                delta(&vals, wide, &mut body);
                pages.push(compress(body, (end - start) as u32));
            }
            let enc = Encoding::DELTA_BINARY_PACKED;
            write_chunk(descr, None, &pages, enc, stats, rows)
        }
    }
}

/// `(min, max)`; `(i64::MAX, i64::MIN)` when there are no values.
fn min_max(values: impl Iterator<Item = i64>) -> (i64, i64) {
    values.fold((i64::MAX, i64::MIN), |(a, b), x| (a.min(x), b.max(x)))
}

/// Min/max statistics as the Arrow writer gives them for the column's type
/// (the deprecated min/max fields too where the sort order is signed).
fn int_stats(descr: &ColumnDescPtr, lo: i64, hi: i64, nulls: u64) -> Option<Statistics> {
    let some = lo <= hi;
    let signed = descr.sort_order().is_signed();
    Some(match descr.physical_type() {
        PhysicalType::INT32 => Statistics::Int32(
            ValueStatistics::new(
                some.then_some(lo as i32),
                some.then_some(hi as i32),
                None,
                Some(nulls),
                false,
            )
            .with_backwards_compatible_min_max(signed),
        ),
        _ => Statistics::Int64(
            ValueStatistics::new(
                some.then_some(lo),
                some.then_some(hi),
                None,
                Some(nulls),
                false,
            )
            .with_backwards_compatible_min_max(signed),
        ),
    })
}

/// Writes the pages as one column chunk through the parquet crate's page
/// writer (headers), and its metadata with offsets relative to the bytes.
fn write_chunk(
    descr: &ColumnDescPtr,
    dict: Option<(Vec<u8>, u32)>,
    pages: &[EncodedPage],
    encoding: Encoding,
    stats: Option<Statistics>,
    rows: u64,
) -> Result<(Bytes, ColumnCloseResult), String> {
    let err = |e: parquet::errors::ParquetError| e.to_string();
    let mut sink = TrackedWrite::new(Vec::new());
    let mut pw = SerializedPageWriter::new(&mut sink);
    let (mut compressed, mut uncompressed) = (0u64, 0u64);
    let mut dict_offset = None;
    let mut enc_stats = Vec::new();
    let mut encodings = vec![Encoding::RLE, encoding];
    if let Some((body, n)) = dict {
        let (data, len, _) = compress(body, 0);
        let page = Page::DictionaryPage {
            buf: data,
            num_values: n,
            encoding: Encoding::PLAIN,
            is_sorted: false,
        };
        let spec = pw.write_page(CompressedPage::new(page, len)).map_err(err)?;
        dict_offset = Some(spec.offset as i64);
        compressed += spec.compressed_size as u64;
        uncompressed += spec.uncompressed_size as u64;
        encodings.push(Encoding::PLAIN);
        enc_stats.push(PageEncodingStats {
            page_type: PageType::DICTIONARY_PAGE,
            encoding: Encoding::PLAIN,
            count: 1,
        });
    }
    let mut data_offset = None;
    for (data, len, n) in pages {
        let page = Page::DataPage {
            buf: data.clone(),
            num_values: *n,
            encoding,
            def_level_encoding: Encoding::RLE,
            rep_level_encoding: Encoding::RLE,
            statistics: None,
        };
        let spec = pw
            .write_page(CompressedPage::new(page, *len))
            .map_err(err)?;
        data_offset.get_or_insert(spec.offset as i64);
        compressed += spec.compressed_size as u64;
        uncompressed += spec.uncompressed_size as u64;
    }
    if !pages.is_empty() {
        enc_stats.push(PageEncodingStats {
            page_type: PageType::DATA_PAGE,
            encoding,
            count: pages.len() as i32,
        });
    }
    pw.close().map_err(err)?;
    drop(pw);
    let bytes = sink.into_inner().map_err(err)?;
    let mut meta = ColumnChunkMetaData::builder(descr.clone())
        .set_compression(parquet::basic::Compression::SNAPPY)
        .set_encodings(encodings)
        .set_page_encoding_stats(enc_stats)
        .set_total_compressed_size(compressed as i64)
        .set_total_uncompressed_size(uncompressed as i64)
        .set_num_values(rows as i64)
        .set_data_page_offset(data_offset.unwrap_or(0))
        .set_dictionary_page_offset(dict_offset);
    if let Some(s) = stats {
        meta = meta.set_statistics(s);
    }
    let metadata = meta.build().map_err(err)?;
    let close = ColumnCloseResult {
        bytes_written: compressed,
        rows_written: rows,
        metadata,
        bloom_filter: None,
        column_index: None,
        offset_index: None,
    };
    Ok((Bytes::from(bytes), close))
}

/// Bits needed for values up to `max`.
fn bit_width(max: u64) -> u8 {
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
fn hybrid(values: &[u32], width: u8, out: &mut Vec<u8>) {
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
fn def_levels(valid: &[bool], out: &mut Vec<u8>) {
    let at = out.len();
    out.extend_from_slice(&[0; 4]);
    let levels: Vec<u32> = valid.iter().map(|&v| u32::from(v)).collect();
    hybrid(&levels, 1, out);
    let len = (out.len() - at - 4) as u32;
    out[at..at + 4].copy_from_slice(&len.to_le_bytes());
}

/// PLAIN integers, 4 or 8 bytes little-endian.
fn plain_ints(values: &[i64], wide: bool) -> Vec<u8> {
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
fn delta(values: &[i64], wide: bool, out: &mut Vec<u8>) {
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

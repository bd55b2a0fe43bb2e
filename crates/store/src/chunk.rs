//! Encoding one row group's buffered column ([`Buf`]) as a column chunk:
//! the dictionary and data pages, their statistics, and the chunk's metadata
//! through the parquet crate's page writer.

use crate::packing::{bit_width, def_levels, delta, hybrid, plain_bools, plain_ints};
use crate::pages::{Buf, Dict, IntVals, PAGE_ROWS};
use bytes::Bytes;
use parquet::basic::{Encoding, PageType, Type as PhysicalType};
use parquet::column::page::{CompressedPage, Page, PageWriter};
use parquet::column::writer::ColumnCloseResult;
use parquet::file::metadata::{ColumnChunkMetaData, PageEncodingStats};
use parquet::file::statistics::{Statistics, ValueStatistics};
use parquet::file::writer::{SerializedPageWriter, TrackedWrite};
use parquet::schema::types::ColumnDescPtr;

/// Integer columns whose values span at most this many get a dictionary.
const MAX_DICT_RANGE: i64 = 1 << 16;

/// Data pages of dictionary indices, compressed, and the dictionary keys the
/// row group uses (index `i` stands for key `used[i]`).
pub(crate) struct Indexed {
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
                let pages = index_pages(keys, Some(&map), used.len(), None);
                Some(Indexed { used, pages })
            }
            _ => None,
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
    map: Option<&[u32]>,
    entries: usize,
    valid: Option<&[bool]>,
) -> Vec<EncodedPage> {
    let width = bit_width(entries.saturating_sub(1) as u64).max(1);
    let mut pages = Vec::with_capacity(keys.len().div_ceil(PAGE_ROWS));
    let mut idx = Vec::with_capacity(PAGE_ROWS.min(keys.len()));
    let mut body = Vec::new();
    for start in (0..keys.len()).step_by(PAGE_ROWS) {
        let end = (start + PAGE_ROWS).min(keys.len());
        body.clear();
        idx.clear();
        match valid {
            Some(v) => {
                def_levels(&v[start..end], &mut body);
                let present = (start..end).filter(|&i| v[i]).map(|i| keys[i]);
                match map {
                    Some(m) => idx.extend(present.map(|k| m[k as usize])),
                    None => idx.extend(present),
                }
            }
            None => match map {
                Some(m) => idx.extend(keys[start..end].iter().map(|&k| m[k as usize])),
                None => idx.extend_from_slice(&keys[start..end]),
            },
        }
        body.push(width);
        hybrid(&idx, width, &mut body);
        pages.push(compress(&body, (end - start) as u32));
    }
    pages
}

fn compress(body: &[u8], rows: u32) -> EncodedPage {
    let len = body.len();
    let data = snap::raw::Encoder::new()
        .compress_vec(body)
        .expect("a page is far below snappy's 4 GiB limit");
    (Bytes::from(data), len, rows)
}

/// Encodes `buf` as a column chunk of `descr`; `shared` are the index pages
/// of a column with the same keys (`Buf::same_keys`), if any.
pub(crate) fn encode(
    descr: &ColumnDescPtr,
    buf: &Buf,
    shared: Option<&Indexed>,
) -> Result<(Bytes, ColumnCloseResult), String> {
    let phys = descr.physical_type();
    match buf {
        Buf::Lists { values, counts } => lists(descr, values, counts),
        _ if descr.max_rep_level() > 0 => Err("nested columns are not encoded here".into()),
        Buf::Keys { keys, dict, .. } => {
            if descr.max_def_level() > 0 {
                return Err("keys of a nullable column are not encoded here".into());
            }
            match (&**dict, phys) {
                (Dict::Text { .. }, PhysicalType::BYTE_ARRAY) => {}
                (Dict::Int(_), PhysicalType::INT32) => {}
                _ => return Err(format!("a dictionary does not fit a {phys} column")),
            }
            let rows = keys.len() as u64;
            let own;
            let ix = match shared {
                Some(s) => s,
                None => {
                    own = Indexed::of(buf).ok_or("not a key column")?;
                    &own
                }
            };
            let (page, stats) = match &**dict {
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
            let dict_page = (&page[..], ix.used.len() as u32);
            let enc = Encoding::RLE_DICTIONARY;
            write_chunk(descr, Some(dict_page), &ix.pages, enc, stats, rows)
        }
        Buf::Floats { dict, valid } => {
            expect(phys, PhysicalType::DOUBLE)?;
            let (valid, nulls) = levels(descr, valid)?;
            let values: Vec<f64> = dict
                .plain
                .chunks_exact(8)
                .map(|c| f64::from_bits(u64::from_le_bytes(c.try_into().unwrap_or_default())))
                .collect();
            let stats = float_stats(values.iter().copied(), nulls);
            let rows = dict.keys.len() as u64;
            // A dictionary pays where values repeat (TIVs do); else PLAIN.
            if !values.is_empty() && values.len() * 2 <= (rows - nulls) as usize {
                let pages = index_pages(&dict.keys, None, values.len(), valid);
                let page = (&dict.plain[..], values.len() as u32);
                let enc = Encoding::RLE_DICTIONARY;
                return write_chunk(descr, Some(page), &pages, enc, stats, rows);
            }
            let pages = paged(dict.keys.len(), valid, |r, body| {
                for i in r.filter(|&i| valid.is_none_or(|v| v[i])) {
                    body.extend_from_slice(&values[dict.keys[i] as usize].to_le_bytes());
                }
            });
            write_chunk(descr, None, &pages, Encoding::PLAIN, stats, rows)
        }
        Buf::PlainFloats { values, valid } => {
            expect(phys, PhysicalType::DOUBLE)?;
            let (valid, nulls) = levels(descr, valid)?;
            let ok = |i: usize| valid.is_none_or(|v| v[i]);
            let present = (0..values.len()).filter(|&i| ok(i)).map(|i| values[i]);
            let stats = float_stats(present, nulls);
            let pages = paged(values.len(), valid, |r, body| {
                for i in r.filter(|&i| ok(i)) {
                    body.extend_from_slice(&values[i].to_le_bytes());
                }
            });
            let rows = values.len() as u64;
            write_chunk(descr, None, &pages, Encoding::PLAIN, stats, rows)
        }
        Buf::Bools { values, valid } => {
            expect(phys, PhysicalType::BOOLEAN)?;
            let (valid, _) = levels(descr, valid)?;
            let rows = values.len() as u64;
            let pages = paged(values.len(), valid, |r, body| match valid {
                Some(v) => plain_bools(r.filter(|&i| v[i]).map(|i| values[i]), body),
                None => plain_bools(values[r].iter().copied(), body),
            });
            write_chunk(descr, None, &pages, Encoding::PLAIN, None, rows)
        }
        Buf::Dict(dict) => {
            expect(phys, PhysicalType::BYTE_ARRAY)?;
            levels(descr, &[])?;
            let rows = dict.keys.len() as u64;
            let entries = dict.starts.len();
            if entries * 2 <= dict.keys.len() {
                let pages = index_pages(&dict.keys, None, entries, None);
                let page = (&dict.plain[..], entries as u32);
                let enc = Encoding::RLE_DICTIONARY;
                return write_chunk(descr, Some(page), &pages, enc, None, rows);
            }
            // Mostly distinct: PLAIN, from the dictionary.
            let pages = paged(dict.keys.len(), None, |r, body| {
                for &k in &dict.keys[r] {
                    body.extend_from_slice(dict.entry(k as usize));
                }
            });
            write_chunk(descr, None, &pages, Encoding::PLAIN, None, rows)
        }
        Buf::Plain { plain, pages, rows } => {
            expect(phys, PhysicalType::BYTE_ARRAY)?;
            levels(descr, &[])?;
            let mut encoded = Vec::with_capacity(pages.len());
            for (i, &a) in pages.iter().enumerate() {
                let b = pages.get(i + 1).copied().unwrap_or(plain.len());
                let n = (*rows - i * PAGE_ROWS).min(PAGE_ROWS);
                encoded.push(compress(&plain[a..b], n as u32));
            }
            write_chunk(descr, None, &encoded, Encoding::PLAIN, None, *rows as u64)
        }
        Buf::Ints { values, valid } => match values {
            IntVals::I32(v) => ints(descr, v, valid, false),
            IntVals::I64(v) => ints(descr, v, valid, true),
        },
    }
}

/// An INT32 (`wide`: INT64) column: a dictionary of the values the row group
/// uses where their range is small and it pays, else DELTA_BINARY_PACKED.
fn ints<T: Copy + Into<i64>>(
    descr: &ColumnDescPtr,
    values: &[T],
    valid: &[bool],
    wide: bool,
) -> Result<(Bytes, ColumnCloseResult), String> {
    let phys = descr.physical_type();
    match (phys, wide) {
        (PhysicalType::INT32, false) | (PhysicalType::INT64, true) => {}
        _ => return Err(format!("integers do not fit a {phys} column")),
    }
    let get = |i: usize| -> i64 { values[i].into() };
    let rows = values.len() as u64;
    let (valid, nulls) = levels(descr, valid)?;
    let ok = |i: usize| valid.is_none_or(|v| v[i]);
    let (lo, hi) = min_max((0..values.len()).filter(|&i| ok(i)).map(get));
    let stats = int_stats(descr, lo, hi, nulls);
    // The table has an entry per value in the range: not much larger than
    // the column.
    let most = (rows as i64).clamp(1 << 12, MAX_DICT_RANGE);
    if let Some(range) = hi.checked_sub(lo).filter(|&r| (0..most).contains(&r)) {
        // Keys are offsets from the minimum: a table, not a hash.
        let keys: Vec<u32> = (0..values.len())
            .map(|i| get(i).wrapping_sub(lo).clamp(0, range) as u32)
            .collect();
        let (map, used) = used_keys(&keys, range as usize + 1, valid);
        // A dictionary pays where its page costs less than the bits its
        // narrower indices save over packing each value's offset.
        let n = rows - nulls;
        let width = bit_width(used.len().saturating_sub(1) as u64).max(1);
        let dict_bits = used.len() as u64 * 32 + n * u64::from(width);
        if dict_bits <= n * u64::from(bit_width(range as u64)) {
            let pages = index_pages(&keys, Some(&map), used.len(), valid);
            let dict: Vec<i64> = used.iter().map(|&k| lo + i64::from(k)).collect();
            let dict_page = (&plain_ints(&dict, wide)[..], dict.len() as u32);
            let enc = Encoding::RLE_DICTIONARY;
            return write_chunk(descr, Some(dict_page), &pages, enc, stats, rows);
        }
    }
    let mut pages = Vec::with_capacity(values.len().div_ceil(PAGE_ROWS));
    let mut vals = Vec::with_capacity(PAGE_ROWS.min(values.len()));
    let mut body = Vec::new();
    for start in (0..values.len()).step_by(PAGE_ROWS) {
        let end = (start + PAGE_ROWS).min(values.len());
        body.clear();
        vals.clear();
        if let Some(v) = valid {
            def_levels(&v[start..end], &mut body);
        }
        vals.extend((start..end).filter(|&i| ok(i)).map(get));
        delta(&vals, wide, &mut body);
        pages.push(compress(&body, (end - start) as u32));
    }
    let enc = Encoding::DELTA_BINARY_PACKED;
    write_chunk(descr, None, &pages, enc, stats, rows)
}

/// A required list of never-null INT32 items (`list<int16>` with a nullable
/// item field: definition level 0 for an empty list, 2 for an item; a
/// repetition level 0 starts each row). Pages hold whole rows; items are
/// DELTA_BINARY_PACKED.
fn lists(
    descr: &ColumnDescPtr,
    values: &[i32],
    counts: &[u32],
) -> Result<(Bytes, ColumnCloseResult), String> {
    if descr.physical_type() != PhysicalType::INT32
        || descr.max_rep_level() != 1
        || descr.max_def_level() != 2
    {
        return Err("list items do not fit this column".into());
    }
    let (lo, hi) = min_max(values.iter().map(|&v| i64::from(v)));
    let stats = int_stats(descr, lo, hi, 0);
    let mut pages = Vec::with_capacity(counts.len().div_ceil(PAGE_ROWS));
    let (mut reps, mut defs, mut items) = (Vec::new(), Vec::new(), Vec::new());
    let mut body = Vec::new();
    let mut at = 0; // first item of the page
    let mut entries = 0u64;
    for rows in counts.chunks(PAGE_ROWS) {
        reps.clear();
        defs.clear();
        for &n in rows {
            if n == 0 {
                reps.push(0);
                defs.push(0);
            } else {
                reps.push(0);
                reps.extend(std::iter::repeat_n(1, n as usize - 1));
                defs.extend(std::iter::repeat_n(2, n as usize));
            }
        }
        let n: usize = rows.iter().map(|&n| n as usize).sum();
        items.clear();
        items.extend(values[at..at + n].iter().map(|&v| i64::from(v)));
        at += n;
        body.clear();
        for (levels, width) in [(&reps, 1), (&defs, 2)] {
            let len_at = body.len();
            body.extend_from_slice(&[0; 4]);
            hybrid(levels, width, &mut body);
            let len = (body.len() - len_at - 4) as u32;
            body[len_at..len_at + 4].copy_from_slice(&len.to_le_bytes());
        }
        delta(&items, false, &mut body);
        entries += reps.len() as u64;
        let (data, len, _) = compress(&body, 0);
        pages.push((data, len, reps.len() as u32));
    }
    let enc = Encoding::DELTA_BINARY_PACKED;
    let (bytes, mut close) = write_chunk(descr, None, &pages, enc, stats, entries)?;
    close.rows_written = counts.len() as u64;
    Ok((bytes, close))
}

fn expect(phys: PhysicalType, want: PhysicalType) -> Result<(), String> {
    if phys == want {
        Ok(())
    } else {
        Err(format!("{want} values do not fit a {phys} column"))
    }
}

/// The validity to write as definition levels (`None` for a required
/// column, which must have no nulls), and the number of nulls.
fn levels<'a>(
    descr: &ColumnDescPtr,
    valid: &'a [bool],
) -> Result<(Option<&'a [bool]>, u64), String> {
    let nulls = valid.iter().filter(|v| !**v).count() as u64;
    if descr.max_def_level() == 0 {
        return match nulls {
            0 => Ok((None, 0)),
            _ => Err("a null in a required column".into()),
        };
    }
    Ok((Some(valid), nulls))
}

/// Data pages of `rows` rows, `PAGE_ROWS` at a time: definition levels from
/// `valid`, then what `values` writes for the page's rows (valid ones only).
fn paged(
    rows: usize,
    valid: Option<&[bool]>,
    values: impl Fn(std::ops::Range<usize>, &mut Vec<u8>),
) -> Vec<EncodedPage> {
    let mut pages = Vec::with_capacity(rows.div_ceil(PAGE_ROWS));
    let mut body = Vec::new();
    for start in (0..rows).step_by(PAGE_ROWS) {
        let end = (start + PAGE_ROWS).min(rows);
        body.clear();
        if let Some(v) = valid {
            def_levels(&v[start..end], &mut body);
        }
        values(start..end, &mut body);
        pages.push(compress(&body, (end - start) as u32));
    }
    pages
}

/// Min/max of `values` (none if one is NaN), as the Arrow writer gives them.
fn float_stats(values: impl Iterator<Item = f64>, nulls: u64) -> Option<Statistics> {
    let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
    for x in values {
        if x.is_nan() {
            return None;
        }
        (lo, hi) = (lo.min(x), hi.max(x));
    }
    let some = lo <= hi;
    let st = ValueStatistics::new(
        some.then_some(lo),
        some.then_some(hi),
        None,
        Some(nulls),
        false,
    );
    Some(Statistics::Double(
        st.with_backwards_compatible_min_max(true),
    ))
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
    dict: Option<(&[u8], u32)>,
    pages: &[EncodedPage],
    encoding: Encoding,
    stats: Option<Statistics>,
    rows: u64,
) -> Result<(Bytes, ColumnCloseResult), String> {
    let err = |e: parquet::errors::ParquetError| e.to_string();
    let size = pages.iter().map(|p| p.0.len() + 64).sum::<usize>()
        + dict.as_ref().map_or(0, |d| d.0.len() + 64);
    let mut sink = TrackedWrite::new(Vec::with_capacity(size));
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

//! The current trade register read in bounded memory, for registers far
//! larger than SIPRI's.
//!
//! Pass 1 reads the file in chunks of a few MB (on a reading thread), parses
//! and checks them on every core, and merges them in file order: names are
//! interned, deals numbered at their first row ([`crate::deal_ids`]), and
//! every good row is appended twice to scratch streams ([`crate::spill`]):
//! its flow to the stream of its delivery year, its deal fields to the part
//! of its deal number ([`crate::stream_part`]), so that a part holds a range
//! of deal numbers. Pass 2 ([`crate::stream_out`]) checks each deal's rows
//! against each other, with the checks and messages of [`crate::register`],
//! in the parts pass 1 could not vouch for. The caller then pulls the flows
//! in year order ([`FlowStream`]) and the deals in number order
//! ([`DealStream`], which builds them part by part meanwhile) to write them.
//!
//! The release is the one [`crate::read`] makes of the same file: same
//! entities in the same order, same deals, same flows in year order, same
//! report. Formats other than the UTF-8/Latin-1 current register are not
//! streamed (`Ok(None)`): they are small, and [`crate::read`] reads them.

use crate::builder::{Builder, sha_hex};
use crate::chunk::{ChunkOut, ChunkSpec, Parsed, parse_chunk, recycle};
use crate::deal_ids::DealIds;
use crate::ordered::ordered;
use crate::register::{self, COLUMNS};
use crate::spill::Spill;
mod chunks;
mod input;

pub use crate::stream_out::{DealStream, FlowStream};
use crate::stream_out::{finish, put_flow};
use crate::stream_part::{LastFields, put_row};
use crate::{ReadError, ReadOptions};
use chunks::{LongLine, decode, read_chunk};
use input::rewound;
pub use input::unchanged;
use model::{EntityTable, ImportReport, ReleaseMeta, SourceFormat};
use sha2::{Digest, Sha256};
use std::borrow::Cow;
use std::fs::File;
use std::io::{self, Read};
use std::path::Path;
use std::sync::Arc;
use std::sync::Mutex;

/// Bytes per chunk of pass 1 (cut at a line end).
const CHUNK_BYTES: usize = 4 << 20;
const _: () = assert!(CHUNK_BYTES <= MAX_LINE / 2);
/// The longest line pass 1 reads: a SIPRI register record is one line of a
/// few hundred bytes. A line must be held whole, so without a limit a file
/// with no line end would be read into memory entire. Files below the
/// streaming threshold (32 MB) are read whole and cannot hold a longer line,
/// so both readers accept the same lines. (It also keeps every cell's length
/// within the scratch format's 32 bits.)
pub const MAX_LINE: usize = 32 << 20;
/// Chunks read at a time, and how many a helper may parse ahead of the
/// merge. The merge is serial, on this thread, and costs over half as much
/// as parsing: in a short window this thread merges every chunk while the
/// helpers wait at the window's end; in a long one they parse while it
/// merges, and it parses only when it would wait.
const WINDOW: usize = 24;
const LEAD: usize = 8;
/// Deal parts the file is cut into, about: a part of a 2.75 GB register is
/// about 40 MB of scratch.
const PARTS: u64 = 64;
/// Years a row may name (`parse_year`: 1900-2100).
pub(crate) const FIRST_YEAR: u16 = 1900;
pub(crate) const YEARS: usize = 201;

/// Why a streamed read failed: the file's content (where and why), reading
/// the file itself, or the scratch space.
#[derive(Debug)]
pub enum StreamError {
    Read(ReadError),
    /// Reading the input (not the scratch space) failed, or the file changed
    /// while it was read.
    Input(io::Error),
    Io(io::Error),
}

impl std::fmt::Display for StreamError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StreamError::Read(e) => e.fmt(f),
            StreamError::Input(e) | StreamError::Io(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for StreamError {}

impl From<io::Error> for StreamError {
    fn from(e: io::Error) -> Self {
        StreamError::Io(e)
    }
}

impl From<ReadError> for StreamError {
    fn from(e: ReadError) -> Self {
        StreamError::Read(e)
    }
}

/// A register read by pass 1 and 2: everything but the flows and deals,
/// which are pulled from the two streams.
pub struct Streamed {
    pub meta: ReleaseMeta,
    pub entities: EntityTable,
    pub report: ImportReport,
    pub flows: FlowStream,
    pub deals: DealStream,
}

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Utf8,
    Latin1,
}

/// [`CHUNK_BYTES`], lowered by tests to send small files through many chunks.
static CHUNK_AT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(CHUNK_BYTES);

/// Makes pass 1 read chunks of about `bytes` (default 4 MiB), so that tests
/// send small files through many chunks and windows.
#[doc(hidden)]
pub fn set_chunk_bytes(bytes: usize) {
    // At most half a line's limit (see `read_chunk`).
    let bytes = bytes.clamp(1, MAX_LINE / 2);
    CHUNK_AT.store(bytes, std::sync::atomic::Ordering::Relaxed);
}

/// Makes scratch streams go to disk after `bytes` (default 256 KiB), so
/// that tests send small files through the same path as huge ones.
#[doc(hidden)]
pub fn set_spill_threshold(bytes: usize) {
    crate::spill::set_flush(bytes);
}

/// Reads the register open as `file` with scratch files in `scratch` (a
/// directory made when first needed, which the caller removes). `progress`
/// is told the bytes read so far. `Ok(None)`: not a current register in
/// UTF-8 or Latin-1, or not a regular file; use [`crate::read`].
///
/// Every pass reads the one open file from its start: reopening the path
/// read a FIFO's later bytes as its start (the first megabyte's rows lost,
/// the release "complete"), and a file renamed over the path in between
/// gave the old file's date to the new file's rows (hostile-files probe
/// 32). A file whose size or modification time changes while it is read is
/// refused.
pub fn stream(
    file: &File,
    opts: &ReadOptions,
    scratch: &Path,
    progress: &dyn Fn(u64),
) -> Result<Option<Streamed>, StreamError> {
    let input = StreamError::Input;
    let before = file.metadata().map_err(input)?;
    if !before.is_file() {
        return Ok(None);
    }
    let mut head = Vec::new();
    rewound(file)?
        .take(1 << 20)
        .read_to_end(&mut head)
        .map_err(input)?;
    if crate::sniff::foreign_format(&head).is_some()
        || crate::sniff::utf16(&head).is_some()
        || head[..head.len().min(64 << 10)].contains(&0)
    {
        return Ok(None);
    }
    let body = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&head);
    let Some(end) = body.iter().rposition(|&b| b == b'\n') else {
        return Ok(None);
    };
    let body = &body[..=end];
    let text: Cow<str> = match std::str::from_utf8(body) {
        Ok(s) => Cow::Borrowed(s),
        Err(_) => {
            encoding_rs::WINDOWS_1252
                .decode_without_bom_handling(body)
                .0
        }
    };
    let Some(header) = crate::preamble::find_header(&text) else {
        return Ok(None);
    };
    if header.format != SourceFormat::Register || header.preamble.date_error.is_some() {
        return Ok(None);
    }
    for mode in [Mode::Utf8, Mode::Latin1] {
        let mut b = Builder::new(&opts.file_name, opts.skip_bad_rows, 0);
        b.facts = Some(crate::flow_facts::FlowFacts::new());
        register::check_header(&b, &header.line, &COLUMNS)?;
        b.limit_years(&header.preamble);
        b.report.encoding = match mode {
            Mode::Utf8 => "utf-8",
            Mode::Latin1 => "latin-1",
        }
        .to_string();
        let size = before.len();
        // About 200 bytes of file a deal (two rows); deals are numbered
        // from 0, so a part of `1 << shift` deals is about 1/PARTS of them.
        let deals = size / 200;
        let shift = (deals / PARTS).max(1).ilog2().clamp(4, 24);
        let mut p1 = Pass1 {
            b,
            header: header.line.no,
            ord: 0,
            year_rows: vec![0; YEARS],
            flows: Spill::new(scratch, "flows", YEARS),
            parts: Spill::new(scratch, "part", 0),
            last: Vec::new(),
            check: Vec::new(),
            run: (u32::MAX, Vec::new(), 0),
            shift,
            deal_of: DealIds::with_capacity((deals as usize).min(1 << 26)),
            last_deal: None,
            deals: 0,
            probe: Vec::new(),
            found: Vec::new(),
            numbers: Vec::new(),
            stop: None,
            fatal: false,
            blank: 0,
        };
        let Some((sha, lines)) = p1.run(file, mode, progress)? else {
            continue; // not UTF-8 after all: read again as Latin-1
        };
        unchanged(file, &before)?;
        return finish(p1, header.preamble.clone(), sha, lines).map(Some);
    }
    Ok(None)
}

pub(crate) struct Pass1 {
    pub(crate) b: Builder,
    pub(crate) header: u64,
    /// Rows passed to pass 2 so far (their ordinals).
    pub(crate) ord: u32,
    /// Good rows per delivery year (1900 + index).
    pub(crate) year_rows: Vec<u64>,
    pub(crate) flows: Spill,
    /// Deal rows, deal `n`'s in part `n >> shift`.
    pub(crate) parts: Spill,
    /// Per part, the deal fields of its last row.
    pub(crate) last: Vec<LastFields>,
    /// Per part, whether pass 2 must check its rows: some deal's rows are
    /// not adjacent, differ or repeat a year, or its texts are not plain.
    pub(crate) check: Vec<bool>,
    /// The last row's deal, its years and units so far, while its rows
    /// are adjacent.
    pub(crate) run: (u32, Vec<u16>, u64),
    pub(crate) shift: u32,
    /// Deal id → number, in order of first appearance.
    pub(crate) deal_of: DealIds,
    /// The previous row's deal (id, number): a deal's rows are mostly
    /// adjacent, and the map is large.
    pub(crate) last_deal: Option<(u64, u32)>,
    pub(crate) deals: u32,
    /// Buffers of [`Pass1::number`], reused from chunk to chunk.
    pub(crate) probe: Vec<u64>,
    pub(crate) found: Vec<(u32, bool)>,
    pub(crate) numbers: Vec<(u32, bool)>,
    /// The first bad row when bad rows are not skipped: reading stops there.
    pub(crate) stop: Option<(u64, String)>,
    /// Whether `stop` is an error under `--skip-bad-rows` too (another export
    /// begins there).
    pub(crate) fatal: bool,
    pub(crate) blank: u64,
}

/// One chunk of the file: its bytes and the number of its first line.
struct Chunk {
    bytes: Arc<Vec<u8>>,
    first_line: u64,
}

impl Pass1 {
    /// Reads the whole file; `None` when `mode` is UTF-8 and the file is not.
    fn run(
        &mut self,
        file: &File,
        mode: Mode,
        progress: &dyn Fn(u64),
    ) -> Result<Option<(String, u64)>, StreamError> {
        let file = rewound(file)?;
        let (tx, rx) = std::sync::mpsc::sync_channel::<Arc<Vec<u8>>>(4);
        let hasher = std::thread::spawn(move || {
            let mut h = Sha256::new();
            for c in rx {
                h.update(&c[..]);
            }
            sha_hex(&h.finalize())
        });
        let read = std::thread::scope(|s| self.read_all(s, file, tx, mode, progress));
        let sha = hasher
            .join()
            .map_err(|_| io::Error::other("hashing thread panicked"))?;
        Ok(read?.map(|lines| (sha, lines)))
    }

    /// Pass 1 proper: chunks are read (and handed to the hasher) on a
    /// thread of their own, a window ahead, so that the parsing threads do
    /// not wait for the disk; each window is parsed on every core and
    /// merged in order. The line count, or `None` when `mode` is UTF-8
    /// and the file is not.
    fn read_all<'s>(
        &mut self,
        s: &'s std::thread::Scope<'s, '_>,
        mut file: File,
        hash: std::sync::mpsc::SyncSender<Arc<Vec<u8>>>,
        mode: Mode,
        progress: &dyn Fn(u64),
    ) -> Result<Option<u64>, StreamError> {
        type Read = io::Result<(Arc<Vec<u8>>, u64)>;
        let (chunk_tx, chunk_rx) = std::sync::mpsc::sync_channel::<Read>(WINDOW / 2);
        let (free_tx, free_rx) = std::sync::mpsc::channel::<Vec<u8>>();
        let reader = s.spawn(move || {
            let (mut carry, mut eof, mut next_line, mut lines) = (Vec::new(), false, 1u64, 0u64);
            loop {
                let buf = free_rx.try_recv().unwrap_or_default();
                let bytes = match read_chunk(&mut file, &mut carry, &mut eof, buf) {
                    Ok(Some(b)) => b,
                    Ok(None) => break,
                    Err(e) => {
                        let _ = chunk_tx.send(Err(LongLine::at(e, next_line)));
                        break;
                    }
                };
                let nl = memchr::memchr_iter(b'\n', &bytes).count() as u64;
                let last = eof && carry.is_empty();
                lines += nl + u64::from(last && bytes.last() != Some(&b'\n'));
                let bytes = Arc::new(bytes);
                // Either ends when the reading stops early.
                if hash.send(bytes.clone()).is_err()
                    || chunk_tx.send(Ok((bytes, next_line))).is_err()
                {
                    break;
                }
                next_line += nl;
            }
            lines
        });
        let latest_why = self.b.latest_why.clone();
        let lim = (self.b.latest_year, latest_why.as_str());
        let (header, skip) = (self.header, self.b.skips_bad_rows());
        let spec = |first_line| ChunkSpec {
            first_line,
            header,
            limit: lim,
            skip,
        };
        let pool: Mutex<Vec<Vec<Parsed<'static>>>> = Mutex::new(Vec::new());
        let helpers = crate::chunk::cores() - 1;
        let mut done = 0u64;
        let mut ended = false;
        let mut not_utf8 = false;
        while self.stop.is_none() && !ended && !not_utf8 {
            let mut chunks = Vec::with_capacity(WINDOW);
            while chunks.len() < WINDOW {
                match chunk_rx.recv() {
                    Ok(Ok((bytes, first_line))) => chunks.push(Chunk { bytes, first_line }),
                    Ok(Err(e)) => {
                        return Err(match LongLine::line(&e) {
                            Some(line) => StreamError::Read(self.b.error(
                                line,
                                format!(
                                    "{}: not a SIPRI register record (a record is one line \
                                     of a few hundred bytes)",
                                    LongLine(line)
                                ),
                            )),
                            None => StreamError::Input(e),
                        });
                    }
                    Err(_) => {
                        ended = true;
                        break;
                    }
                }
            }
            if chunks.is_empty() {
                break;
            }
            if matches!(mode, Mode::Latin1)
                && let Some(line) = chunks
                    .iter()
                    .find_map(|c| crate::text::utf8_sequence(&c.bytes, c.first_line))
            {
                let reason = crate::text::MIXED_ENCODING.to_string();
                return Err(StreamError::Read(self.b.error(line, reason)));
            }
            // Latin-1 is decoded here (the rows borrow the text); UTF-8 is
            // checked by the parsing threads.
            let latin: Vec<Cow<str>> = match mode {
                Mode::Utf8 => Vec::new(),
                Mode::Latin1 => chunks
                    .iter()
                    .map(|c| decode(&c.bytes, mode, c.first_line == 1).unwrap_or_default())
                    .collect(),
            };
            // The chunks of a window are parsed on every core and merged
            // in order, each as soon as it is parsed, while later ones are.
            let parse = |i: usize| {
                let c = &chunks[i];
                let text = match mode {
                    Mode::Utf8 => decode(&c.bytes, mode, c.first_line == 1)?,
                    Mode::Latin1 => Cow::Borrowed(latin[i].as_ref()),
                };
                let Cow::Borrowed(text) = text else {
                    return None;
                };
                let spare = pool.lock().ok().and_then(|mut p| p.pop());
                let out = parse_chunk(text, spec(c.first_line), spare.unwrap_or_default());
                Some((out, c.bytes.len() as u64))
            };
            let helpers = helpers.min(chunks.len() - 1);
            // `Err(None)`: a bad row, or a chunk not UTF-8, stopped the read.
            let merged: Result<(), Option<io::Error>> =
                ordered(chunks.len(), helpers, LEAD, &parse, &|| (), &mut |parsed| {
                    let Some((out, len)) = parsed else {
                        not_utf8 = true;
                        return Err(None);
                    };
                    let spare = self.merge(out).map_err(Some)?;
                    if let Ok(mut p) = pool.lock() {
                        p.push(spare);
                    }
                    done += len;
                    progress(done);
                    if self.stop.is_some() {
                        Err(None)
                    } else {
                        Ok(())
                    }
                });
            match merged {
                Ok(()) | Err(None) => {}
                Err(Some(e)) => return Err(e.into()),
            }
            // Buffers the hasher is done with are filled again.
            drop(latin);
            for c in chunks {
                if let Ok(b) = Arc::try_unwrap(c.bytes) {
                    let _ = free_tx.send(b);
                }
            }
        }
        // A reader still reading stops at its next send.
        drop(chunk_rx);
        let lines = reader
            .join()
            .map_err(|_| io::Error::other("reading thread panicked"))?;
        Ok((!not_utf8).then_some(lines))
    }

    /// Numbers the deals of `rows` in order of first appearance, in
    /// `self.numbers` as (number, first row of its deal). The map is far
    /// larger than the caches: the rows' lookups are made in one tight
    /// loop, so that their cache misses overlap, instead of one at a time
    /// between the other work on each row.
    fn number(&mut self, rows: &[Parsed]) -> io::Result<()> {
        let mut last = self.last_deal;
        self.probe.clear();
        for p in rows {
            if last.is_none_or(|l| l.0 != p.row.id) {
                self.probe.push(p.row.id);
                last = Some((p.row.id, 0));
            }
        }
        self.found.clear();
        let mut next = self.deals;
        for &id in &self.probe {
            let (d, new) = self.deal_of.get_or_insert(id, next);
            next += u32::from(new);
            self.found.push((d, new));
            if next == u32::MAX {
                return Err(io::Error::other("more than 4 billion deals"));
            }
        }
        self.deals = next;
        self.numbers.clear();
        let mut found = self.found.iter();
        for p in rows {
            let n = match self.last_deal {
                Some((id, d)) if id == p.row.id => (d, false),
                _ => {
                    let &(d, new) = found.next().ok_or_else(|| io::Error::other("deal lost"))?;
                    self.last_deal = Some((p.row.id, d));
                    (d, new)
                }
            };
            self.numbers.push(n);
        }
        Ok(())
    }

    /// Interns the chunk's names, accounts its rows and appends them to the
    /// scratch streams, in file order.
    fn merge(&mut self, mut out: ChunkOut) -> io::Result<Vec<Parsed<'static>>> {
        self.b.report.rows_read += out.rows_read;
        self.blank += out.blank;
        let ids: Vec<u32> = out.names.iter().map(|n| self.b.entity(n)).collect();
        crate::chunk::reject_one_party(&mut out, &ids);
        for (line, reason) in out.errors {
            // Another export beginning here stops the read, skipping or not.
            let fatal = Some(line) == out.fatal;
            if fatal || self.b.bad_row(line, reason.clone()).is_err() {
                self.fatal = fatal;
                self.stop = Some((line, reason));
                break;
            }
        }
        let rows = match &self.stop {
            Some(s) => &out.rows[..out.rows.partition_point(|p| p.line <= s.0)],
            None => &out.rows[..],
        };
        self.number(rows)?;
        let b = &mut self.b;
        for (i, p) in rows.iter().enumerate() {
            let (sup, rec, r) = (ids[p.sup as usize], ids[p.rec as usize], &p.row);
            let ord = self.ord;
            self.ord = ord
                .checked_add(1)
                .filter(|&o| o < u32::MAX)
                .ok_or_else(|| io::Error::other("more than 4 billion rows"))?;
            let y = usize::from(r.year - FIRST_YEAR);
            self.year_rows[y] += 1;
            let (deal, new) = self.numbers[i];
            let flags = p.flags;
            let units = r.units.unwrap_or(0);
            let cat = r.category as u8;
            put_flow(
                self.flows.buf(y),
                ord,
                deal,
                sup,
                rec,
                cat,
                r.tiv,
                units,
                flags,
            );
            self.flows.done(y)?;
            let part = (deal >> self.shift) as usize;
            if part >= self.last.len() {
                self.last.resize_with(part + 1, LastFields::default);
                self.check.resize(part + 1, false);
            }
            let w = self.parts.buf(part);
            let same = put_row(
                w,
                &mut self.last[part],
                new,
                deal,
                ord,
                p.line,
                r,
                sup,
                rec,
                flags,
            );
            // Whether pass 2 can be sure, without reading the part, that
            // it keeps this row: the deal's rows so far are adjacent, this
            // one repeats their deal fields exactly and adds a new year.
            let run = &mut self.run;
            let sure = if new {
                run.0 = deal;
                run.1.clear();
                run.2 = 0;
                r.texts.iter().all(|t| crate::text::printable_ascii(t))
            } else {
                run.0 == deal && same && !run.1.contains(&r.year)
            };
            run.1.push(r.year);
            run.2 += u64::from(units);
            if !sure || run.2 > i32::MAX as u64 {
                self.check[part] = true;
            }
            self.parts.done(part)?;
            b.report.tiv_total += r.tiv;
            b.note_parties([sup, rec], r.tiv);
            if let Some(f) = b.facts.as_mut() {
                f.count(&b.entities, (sup, rec, r.year), r.tiv, true);
            }
            b.check_product(
                p.line,
                crate::row_checks::REGISTER_PRODUCT,
                r.units,
                r.tiv_unit,
                Some(r.tiv),
            );
            b.check_order(p.line, r.order_year, Some(r.year));
        }
        Ok(recycle(out.rows))
    }
}

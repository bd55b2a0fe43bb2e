//! Pass 2 of [`crate::stream`] and the two streams the caller pulls the
//! release's tables from.
//!
//! Pass 2 reads a part up to twice. First, before anything is written, to
//! check each deal's rows against each other as `register::read` does (the
//! rows it rejects must be known before the first flow is written, and the
//! report before the release); only parts pass 1 could not vouch for (a
//! deal's rows apart, differing or repeating a year, texts that are not
//! plain ASCII) are read for this. Then inside [`DealStream`], while the
//! flows are being written, to build the deals in number order: the part
//! holds a range of deal numbers, so nothing is written back to scratch and
//! nothing merged.

use crate::deal_ids::DealIds;
use crate::deal_rows::{Seen, add_delivery, delivered_with, fill_deal, further_row, new_deal};
use crate::register::line32;
use crate::spill::{Put, Reader, Spill};
use crate::stream::{FIRST_YEAR, Pass1, StreamError, Streamed, YEARS};
use crate::stream_part::{Part, PartBufs};
use model::{Deal, EntityTable, Flows, SourceFormat};
use std::borrow::Cow;
use std::io::{self, Read};
use std::sync::Arc;

/// A row pass 2 rejects, with what its acceptance in pass 1 accounted.
pub(crate) struct Reject {
    pub(crate) ord: u32,
    pub(crate) line: u64,
    pub(crate) reason: String,
    pub(crate) sup: u32,
    pub(crate) rec: u32,
    pub(crate) tiv: f64,
    pub(crate) year: u16,
}

/// What checking one part finds: the rows it rejects, and the control
/// characters its deals' texts hold.
pub(crate) struct Checked {
    pub(crate) rejects: Vec<Reject>,
    pub(crate) controls: u64,
}

/// Checks the deals of part `k` as `register::read` checks them: each
/// deal's rows in file order, against the rows before them.
pub(crate) fn check_part(
    bytes: &[u8],
    k: usize,
    shift: u32,
    entities: &EntityTable,
) -> io::Result<Checked> {
    let p = Part::read(bytes, k, shift, PartBufs::default())?;
    let mut out = Checked {
        rejects: Vec::new(),
        controls: 0,
    };
    let name = |e: u32| entities.get(e).name.clone();
    // One deal, and the rows lists, reused from deal to deal.
    let mut deal = Deal::default();
    let mut rows: Vec<(u32, u32)> = Vec::new();
    let mut prior: Vec<(u32, f64, u16)> = Vec::new();
    for d in 0..p.deals() {
        let group = p.group(d);
        let head = &p.rec(group[0]);
        fill_deal(&mut deal, &head.row(), head.sup, head.rec, head.line);
        rows.clear();
        rows.push((0u32, line32(head.line)));
        prior.clear();
        prior.push((head.units.unwrap_or(0), head.tiv, head.flags));
        for &i in &group[1..] {
            let r = &p.rec(i);
            let row = r.row();
            let seen = Seen {
                name: &name,
                rows: &|k| rows[k],
                prior: &|i| prior[i as usize],
            };
            let delivered = match further_row(&seen, &deal, &row, [r.sup, r.rec]) {
                Ok(delivered) => delivered,
                Err(reason) => {
                    out.rejects.push(Reject {
                        ord: r.ord,
                        line: r.line,
                        reason,
                        sup: r.sup,
                        rec: r.rec,
                        tiv: r.tiv,
                        year: r.year,
                    });
                    continue;
                }
            };
            // What later rows are checked against: the years and units so far.
            add_delivery(&mut deal, r.year, delivered, r.units_est, r.tiv);
            rows.push((prior.len() as u32, line32(r.line)));
            prior.push((r.units.unwrap_or(0), r.tiv, r.flags));
        }
        for s in [&deal.designation, &deal.description, &deal.status] {
            out.controls += crate::text::clean_controls(s).1 as u64;
        }
    }
    Ok(out)
}

/// Builds the deals of part `k` into `out`, in number order, from its rows
/// that [`check_part`] kept (`rejected`: a bit per row ordinal). `dirty`:
/// some of the part's texts hold control characters. `bufs`: the buffers
/// of the previous part, given back for the next.
fn build_deals(
    bytes: &[u8],
    (k, shift): (usize, u32),
    rejected: &Bits,
    dirty: bool,
    bufs: PartBufs,
    (out, spare): (&mut Vec<Deal>, &mut Vec<Deal>),
) -> io::Result<PartBufs> {
    let p = Part::read(bytes, k, shift, bufs)?;
    out.reserve(p.deals());
    for d in 0..p.deals() {
        let group = p.group(d);
        let head = &p.rec(group[0]);
        let (row, sup, rec, line) = (&head.row(), head.sup, head.rec, head.line);
        // A written deal's strings and year list, refilled: allocating and
        // freeing five blocks per deal was a quarter of the write's CPU.
        let mut deal = match spare.pop() {
            Some(mut deal) => {
                fill_deal(&mut deal, row, sup, rec, line);
                deal
            }
            None => new_deal(row, sup, rec, line),
        };
        for &i in &group[1..] {
            let r = &p.rec(i);
            if rejected.get(r.ord) {
                continue;
            }
            // Checked by `check_part` before the first flow was written.
            let delivered = delivered_with(&deal, r.units, r.id).map_err(io::Error::other)?;
            add_delivery(&mut deal, r.year, delivered, r.units_est, r.tiv);
        }
        deal.delivery_years.sort_unstable();
        let texts = [
            &mut deal.designation,
            &mut deal.description,
            &mut deal.status,
        ];
        for s in texts.into_iter().filter(|_| dirty) {
            if let (Cow::Owned(c), _) = crate::text::clean_controls(s) {
                *s = c;
            }
        }
        out.push(deal);
    }
    Ok(p.into_bufs())
}

/// A set of row ordinals (the rows pass 2 rejects).
pub(crate) struct Bits(Vec<u64>);

impl Bits {
    pub(crate) fn new(n: usize) -> Bits {
        Bits(vec![0; n.div_ceil(64)])
    }
    pub(crate) fn set(&mut self, i: u32) {
        self.0[i as usize / 64] |= 1 << (i % 64);
    }
    pub(crate) fn get(&self, i: u32) -> bool {
        self.0
            .get(i as usize / 64)
            .is_some_and(|w| w & (1 << (i % 64)) != 0)
    }
}

/// Most deals [`DealStream`] keeps for reuse (a 1000x register's part holds
/// about 260,000).
const SPARE_DEALS: usize = 1 << 20;

/// Bytes of a flow row in scratch (see [`put_flow`]).
const FLOW_BYTES: usize = 31;
/// Flow rows decoded per read from scratch.
const FLOW_BLOCK: usize = 1 << 14;

/// Appends one flow row to its year's stream.
#[allow(clippy::too_many_arguments)]
pub(crate) fn put_flow(
    w: &mut Vec<u8>,
    ord: u32,
    deal: u32,
    sup: u32,
    rec: u32,
    cat: u8,
    tiv: f64,
    units: u32,
    flags: u16,
) {
    w.u32(ord);
    w.u32(deal);
    w.u32(sup);
    w.u32(rec);
    w.u8(cat);
    w.f64(tiv);
    w.u32(units);
    w.u16(flags);
}

/// The flows in year order (file order within a year), without rejected rows.
pub struct FlowStream {
    pub(crate) spill: Spill,
    pub(crate) rejected: Arc<Bits>,
    pub(crate) year: usize,
    pub(crate) cur: Option<Reader>,
    /// Undecoded rows read from `cur`, from `at`.
    pub(crate) block: Vec<u8>,
    pub(crate) at: usize,
}

impl FlowStream {
    pub(crate) fn new(spill: Spill, rejected: Arc<Bits>) -> FlowStream {
        FlowStream {
            spill,
            rejected,
            year: 0,
            cur: None,
            block: Vec::new(),
            at: 0,
        }
    }

    /// Up to `max` further flows; `None` when all were taken.
    pub fn next_batch(&mut self, max: usize) -> io::Result<Option<Flows>> {
        let mut out = Flows::with_capacity(max.min(1 << 20));
        while out.len() < max {
            if self.at == self.block.len() && !self.refill()? {
                break;
            }
            let year = FIRST_YEAR + self.year as u16 - 1;
            let room = max - out.len();
            let end = self.block.len().min(self.at + room * FLOW_BYTES);
            for r in self.block[self.at..end].chunks_exact(FLOW_BYTES) {
                let u32_at = |i: usize| u32::from_le_bytes([r[i], r[i + 1], r[i + 2], r[i + 3]]);
                if self.rejected.get(u32_at(0)) {
                    continue;
                }
                let mut tiv = [0u8; 8];
                tiv.copy_from_slice(&r[17..25]);
                out.deal.push(u32_at(4));
                out.supplier.push(u32_at(8));
                out.recipient.push(u32_at(12));
                out.category.push(r[16]);
                out.tiv.push(f64::from_le_bytes(tiv));
                out.units.push(u32_at(25));
                out.flags.push(u16::from_le_bytes([r[29], r[30]]));
                out.year.push(year);
            }
            self.at = end;
        }
        Ok((!out.is_empty()).then_some(out))
    }

    /// Reads the next block of rows, moving on to the next year's stream
    /// at the end of one; `false` when every stream is read.
    fn refill(&mut self) -> io::Result<bool> {
        loop {
            let Some(r) = &mut self.cur else {
                if self.year >= self.spill.keys() {
                    return Ok(false);
                }
                self.cur = Some(self.spill.take(self.year)?);
                self.year += 1;
                continue;
            };
            self.block.clear();
            self.at = 0;
            r.by_ref()
                .take((FLOW_BLOCK * FLOW_BYTES) as u64)
                .read_to_end(&mut self.block)?;
            if !self.block.len().is_multiple_of(FLOW_BYTES) {
                return Err(io::Error::new(
                    io::ErrorKind::UnexpectedEof,
                    "scratch flows: a row cut short",
                ));
            }
            if self.block.is_empty() {
                self.cur = None;
                continue;
            }
            return Ok(true);
        }
    }
}

/// The deals in number order, built part by part as they are pulled.
pub struct DealStream {
    pub(crate) parts: Spill,
    pub(crate) shift: u32,
    pub(crate) rejected: Arc<Bits>,
    /// Per part, whether its texts hold control characters.
    pub(crate) dirty: Vec<bool>,
    pub(crate) next_part: usize,
    /// Built deals of the current part, not yet handed out, reversed.
    pub(crate) ready: Vec<Deal>,
    pub(crate) bytes: Vec<u8>,
    pub(crate) bufs: PartBufs,
    /// The number the next deal must have (a check against lost rows).
    pub(crate) next_deal: u32,
    /// Deals the writer is done with ([`DealStream::give_back`]), refilled
    /// by later parts, and emptied batch vectors.
    pub(crate) spare: Vec<Deal>,
    pub(crate) batches: Vec<Vec<Deal>>,
}

impl DealStream {
    pub(crate) fn new(
        parts: Spill,
        shift: u32,
        rejected: Arc<Bits>,
        dirty: Vec<bool>,
    ) -> DealStream {
        DealStream {
            parts,
            shift,
            rejected,
            dirty,
            next_part: 0,
            ready: Vec::new(),
            bytes: Vec::new(),
            bufs: PartBufs::default(),
            next_deal: 0,
            spare: Vec::new(),
            batches: Vec::new(),
        }
    }

    /// Takes back a batch the caller is done with, so that later deals reuse
    /// its allocations. Optional; what it holds is overwritten.
    pub fn give_back(&mut self, mut spent: Vec<Deal>) {
        // Bounded anyway by the deals alive at once (a part and the batches
        // in flight); the cap only guards against a caller hoarding.
        let room = SPARE_DEALS.saturating_sub(self.spare.len());
        spent.truncate(room);
        self.spare.append(&mut spent);
        if spent.capacity() > 0 && self.batches.len() < 4 {
            self.batches.push(spent);
        }
    }

    /// Up to `max` further deals; `None` when all were taken.
    pub fn next_batch(&mut self, max: usize) -> io::Result<Option<Vec<Deal>>> {
        let mut out = match self.batches.pop() {
            Some(v) if v.is_empty() => v,
            _ => Vec::with_capacity(max.min(1 << 16)),
        };
        while out.len() < max {
            if self.ready.is_empty() {
                let k = self.next_part;
                if k >= self.parts.keys() {
                    break;
                }
                self.next_part += 1;
                self.parts.read_into(k, &mut self.bytes)?;
                // Its scratch space is freed as soon as it is read.
                self.parts.remove(k)?;
                let dirty = self.dirty.get(k).copied().unwrap_or(true);
                let bufs = std::mem::take(&mut self.bufs);
                let at = (k, self.shift);
                let reuse = (&mut self.ready, &mut self.spare);
                self.bufs = build_deals(&self.bytes, at, &self.rejected, dirty, bufs, reuse)?;
                let ready = &mut self.ready;
                if !ready.is_empty() && (k << self.shift) as u64 != u64::from(self.next_deal) {
                    return Err(io::Error::new(
                        io::ErrorKind::InvalidData,
                        "scratch part: deals missing before it",
                    ));
                }
                self.next_deal += ready.len() as u32;
                ready.reverse();
                continue;
            }
            let n = (max - out.len()).min(self.ready.len());
            let at = self.ready.len() - n;
            out.extend(self.ready.drain(at..).rev());
        }
        Ok((!out.is_empty()).then_some(out))
    }
}

/// Pass 2 (checking each deal's rows; the deals are built later, as they
/// are pulled) and the report.
pub(crate) fn finish(
    mut p: Pass1,
    preamble: crate::preamble::Preamble,
    sha: String,
    lines: u64,
) -> Result<Streamed, StreamError> {
    // The map is pass 1's largest structure: gone before the write.
    p.deal_of = DealIds::with_capacity(0);
    p.last = Vec::new();
    p.check.resize(p.parts.keys(), false);
    let mut rejected = Bits::new(p.ord as usize);
    let mut errors: Vec<(u64, String)> = Vec::new();
    let mut controls = 0u64;
    let mut flows = u64::from(p.ord);
    // Parts two at a time, one per core; results applied in part order.
    // Two part buffers, reused: a fresh 40 MB buffer per part would be
    // page-faulted in again every time.
    let mut bytes = [Vec::new(), Vec::new()];
    // Parts pass 1 is sure of are not read here.
    let parts: Vec<usize> = (0..p.parts.keys()).filter(|&k| p.check[k]).collect();
    let mut dirty = vec![false; p.parts.keys()];
    for pair in parts.chunks(2) {
        for (&k, buf) in pair.iter().zip(bytes.iter_mut()) {
            p.parts.read_into(k, buf)?;
        }
        let bytes = &bytes[..pair.len()];
        let (entities, shift) = (&p.b.entities, p.shift);
        let outs: Vec<io::Result<Checked>> = std::thread::scope(|s| {
            let other = bytes
                .get(1)
                .map(|b| s.spawn(move || check_part(b, pair[1], shift, entities)));
            let mut v = vec![check_part(&bytes[0], pair[0], shift, entities)];
            v.extend(other.map(|h| {
                h.join()
                    .unwrap_or_else(|_| Err(io::Error::other("deal checker panicked")))
            }));
            v
        });
        for (&k, out) in pair.iter().zip(outs) {
            let out = out?;
            dirty[k] = out.controls > 0;
            for r in out.rejects {
                rejected.set(r.ord);
                flows -= 1;
                p.b.report.tiv_total -= r.tiv;
                p.b.unnote_parties([r.sup, r.rec], r.tiv);
                if let Some(f) = p.b.facts.as_mut() {
                    f.count(&p.b.entities, (r.sup, r.rec, r.year), r.tiv, false);
                }
                p.b.taken_back.push(r.line);
                p.year_rows[usize::from(r.year - FIRST_YEAR)] -= 1;
                errors.push((r.line, r.reason));
            }
            controls += out.controls;
        }
    }
    p.b.add_controls(controls);
    if p.fatal
        && let Some((line, reason)) = p.stop.take()
    {
        return Err(p.b.error(line, reason).into());
    }
    if let Some(stop) = p.stop.take() {
        errors.push(stop);
    }
    if !p.b.skips_bad_rows() {
        if let Some((line, reason)) = errors.into_iter().min_by_key(|e| e.0) {
            return Err(p.b.error(line, reason).into());
        }
    } else {
        for (line, reason) in errors {
            let _ = p.b.bad_row(line, reason);
        }
        p.b.report.rejected.sort_by_key(|r| r.line);
    }
    if p.blank > 0 {
        p.b.warn(format!("{} blank lines skipped", p.blank));
    }
    if p.b.report.rows_read == 0 {
        return Err(p.b.error(p.header, "no data rows after the header").into());
    }
    let span = {
        let mut used = (0..YEARS).filter(|&y| p.year_rows[y] > 0);
        let lo = used.next();
        let hi = used.next_back().or(lo);
        lo.zip(hi)
            .map(|(a, b)| (FIRST_YEAR + a as u16, FIRST_YEAR + b as u16))
    };
    p.b.report.lines = lines;
    let (meta, entities, mut report) =
        p.b.finish_parts(SourceFormat::Register, preamble, sha, span);
    report.deals = u64::from(p.deals);
    report.flows = flows;
    let rejected = Arc::new(rejected);
    Ok(Streamed {
        meta,
        entities,
        report,
        flows: FlowStream::new(p.flows, rejected.clone()),
        deals: DealStream::new(p.parts, p.shift, rejected, dirty),
    })
}

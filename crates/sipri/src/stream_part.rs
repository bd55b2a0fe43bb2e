//! The deal rows of the streaming reader's scratch parts: how pass 1 writes
//! them and how pass 2 reads them back, grouped by deal.
//!
//! Pass 1 numbers deals at their first row and puts every row of deal `n`
//! in part `n >> shift`, so that a part holds a range of deal numbers and
//! pass 2 can hand its deals on in number order, straight from the part.
//! A deal's rows are mostly adjacent in the file, so a row repeats the
//! deal fields of the part's previous row: those are written only when
//! they differ (a flag says which), and the deal id only on a deal's first
//! row.

use crate::register::Row;
use crate::spill::{Cur, Put};
use model::Category;
use std::io;

/// Tag bit: the first row of its deal (its id follows).
const NEW: u8 = 1;
/// Tag bit: the deal fields are those of the part's previous row.
const SAME: u8 = 2;

/// The fields every row of a deal shares, as the part's previous row gave
/// them (pass 1's copy; texts as written, untrimmed).
#[derive(Default)]
pub(crate) struct LastFields {
    valid: bool,
    sup: u32,
    rec: u32,
    category: u8,
    order_year: Option<u16>,
    order_est: Option<bool>,
    tiv_unit_new: Option<u64>,
    tiv_unit: Option<u64>,
    local: Option<bool>,
    texts: [String; 3],
}

/// Appends one row of deal `deal` (ordinal `ord`, at `line`) to a part;
/// `true` if its deal fields are exactly those of the part's previous row.
#[allow(clippy::too_many_arguments)]
pub(crate) fn put_row(
    w: &mut Vec<u8>,
    last: &mut LastFields,
    new: bool,
    deal: u32,
    ord: u32,
    line: u64,
    r: &Row,
    sup: u32,
    rec: u32,
    flags: u16,
) -> bool {
    // Compared as bits: a restored -0.0 must stay -0.0.
    let (tun, tu) = (
        r.tiv_unit_new.map(f64::to_bits),
        r.tiv_unit.map(f64::to_bits),
    );
    let same = last.valid
        && last.sup == sup
        && last.rec == rec
        && last.category == r.category as u8
        && last.order_year == r.order_year
        && last.order_est == r.order_est
        && last.tiv_unit_new == tun
        && last.tiv_unit == tu
        && last.local == r.local
        && last.texts.iter().zip(r.texts).all(|(a, b)| a == b);
    w.u8(u8::from(new) * NEW + u8::from(same) * SAME);
    w.u32(deal);
    w.u32(ord);
    w.u64(line);
    if new {
        w.u64(r.id);
    }
    w.u16(r.year);
    w.f64(r.tiv);
    w.opt_u32(r.units);
    w.u16(flags);
    w.opt_bool(r.units_est);
    w.opt_bool(r.year_est);
    if same {
        return true;
    }
    w.u32(sup);
    w.u32(rec);
    w.u8(r.category as u8);
    w.opt_u16(r.order_year);
    w.opt_bool(r.order_est);
    w.opt_f64(r.tiv_unit_new);
    w.opt_f64(r.tiv_unit);
    w.opt_bool(r.local);
    for t in r.texts {
        w.str(t);
    }
    *last = LastFields {
        valid: true,
        sup,
        rec,
        category: r.category as u8,
        order_year: r.order_year,
        order_est: r.order_est,
        tiv_unit_new: tun,
        tiv_unit: tu,
        local: r.local,
        texts: std::mem::take(&mut last.texts),
    };
    for (l, t) in last.texts.iter_mut().zip(r.texts) {
        l.clear();
        l.push_str(t);
    }
    false
}

/// One row as pass 2 reads it back (texts borrowed from the part's bytes).
#[derive(Clone, Copy)]
pub(crate) struct Rec<'a> {
    pub new: bool,
    pub deal: u32,
    pub ord: u32,
    pub line: u64,
    /// Read on a deal's first row; copied to the others by [`Part::read`].
    pub id: u64,
    pub sup: u32,
    pub rec: u32,
    pub year: u16,
    pub category: u8,
    pub tiv: f64,
    pub units: Option<u32>,
    pub flags: u16,
    pub order_year: Option<u16>,
    pub order_est: Option<bool>,
    pub units_est: Option<bool>,
    pub year_est: Option<bool>,
    pub tiv_unit_new: Option<f64>,
    pub tiv_unit: Option<f64>,
    pub local: Option<bool>,
    pub texts: [&'a str; 3],
}

impl<'a> Rec<'a> {
    pub fn row(&self) -> Row<'a> {
        Row {
            id: self.id,
            texts: self.texts,
            category: Category::from_u8(self.category),
            order_year: self.order_year,
            order_est: self.order_est,
            units: self.units,
            units_est: self.units_est,
            year: self.year,
            year_est: self.year_est,
            tiv_unit_new: self.tiv_unit_new,
            tiv_unit: self.tiv_unit,
            tiv: self.tiv,
            local: self.local,
        }
    }
}

fn bad(what: &str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, format!("scratch part: {what}"))
}

/// A part read back: its rows, and their indices grouped by deal (each
/// group in file order, the groups in deal-number order).
pub(crate) struct Part<'a> {
    pub recs: Vec<Rec<'a>>,
    order: Vec<u32>,
    /// Per deal of the part, where its group starts in `order` (one more
    /// entry at the end).
    starts: Vec<u32>,
}

impl<'a> Part<'a> {
    /// Reads part `k` of deals `k << shift ..`; checks that its deals are
    /// numbered without gaps, each opened by its first row.
    pub fn read(bytes: &'a [u8], k: usize, shift: u32) -> io::Result<Part<'a>> {
        let mut g = Cur(bytes);
        let mut recs: Vec<Rec<'a>> = Vec::with_capacity(bytes.len() / 40 + 16);
        let mut prev: Option<Rec<'a>> = None;
        let base = u32::try_from(k << shift).map_err(|_| bad("part number"))?;
        let span = 1usize << shift;
        let mut counts: Vec<u32> = Vec::new();
        while !g.is_empty() {
            let tag = g.u8()?;
            let (deal, ord, line) = (g.u32()?, g.u32()?, g.u64()?);
            let rel = deal.wrapping_sub(base) as usize;
            if rel >= span {
                return Err(bad("deal outside its part"));
            }
            let id = if tag & NEW != 0 { g.u64()? } else { 0 };
            let (year, tiv, units, flags) = (g.u16()?, g.f64()?, g.opt_u32()?, g.u16()?);
            let (units_est, year_est) = (g.opt_bool()?, g.opt_bool()?);
            let mut r = if tag & SAME != 0 {
                prev.ok_or_else(|| bad("no previous row"))?
            } else {
                Rec {
                    sup: g.u32()?,
                    rec: g.u32()?,
                    category: g.u8()?,
                    order_year: g.opt_u16()?,
                    order_est: g.opt_bool()?,
                    tiv_unit_new: g.opt_f64()?,
                    tiv_unit: g.opt_f64()?,
                    local: g.opt_bool()?,
                    texts: [g.str_ref()?, g.str_ref()?, g.str_ref()?],
                    ..prev.unwrap_or(Rec {
                        new: false,
                        deal: 0,
                        ord: 0,
                        line: 0,
                        id: 0,
                        sup: 0,
                        rec: 0,
                        year: 0,
                        category: 0,
                        tiv: 0.0,
                        units: None,
                        flags: 0,
                        order_year: None,
                        order_est: None,
                        units_est: None,
                        year_est: None,
                        tiv_unit_new: None,
                        tiv_unit: None,
                        local: None,
                        texts: [""; 3],
                    })
                }
            };
            (r.new, r.deal, r.ord, r.line, r.id) = (tag & NEW != 0, deal, ord, line, id);
            (r.year, r.tiv, r.units, r.flags) = (year, tiv, units, flags);
            (r.units_est, r.year_est) = (units_est, year_est);
            if rel >= counts.len() {
                counts.resize(rel + 1, 0);
            }
            counts[rel] += 1;
            recs.push(r);
            prev = Some(r);
        }
        // Counting sort by deal: stable, so each group keeps file order.
        let mut starts = Vec::with_capacity(counts.len() + 1);
        let mut at = 0u32;
        for &c in &counts {
            if c == 0 {
                return Err(bad("a deal number without rows"));
            }
            starts.push(at);
            at += c;
        }
        starts.push(at);
        let mut fill = starts.clone();
        let mut order = vec![0u32; recs.len()];
        for (i, r) in recs.iter().enumerate() {
            let slot = &mut fill[(r.deal - base) as usize];
            order[*slot as usize] = i as u32;
            *slot += 1;
        }
        let mut p = Part {
            recs,
            order,
            starts,
        };
        for d in 0..p.deals() {
            let mut rows = p.group(d).iter().map(|&i| p.recs[i as usize].new);
            if rows.next() != Some(true) || rows.any(|n| n) {
                return Err(bad("a deal not opened by its first row"));
            }
            let id = p.recs[p.group(d)[0] as usize].id;
            for j in p.starts[d] as usize..p.starts[d + 1] as usize {
                let i = p.order[j] as usize;
                p.recs[i].id = id;
            }
        }
        Ok(p)
    }

    /// How many deals the part holds.
    pub fn deals(&self) -> usize {
        self.starts.len() - 1
    }

    /// The rows of the part's `d`-th deal, as indices into `recs`.
    pub fn group(&self, d: usize) -> &[u32] {
        &self.order[self.starts[d] as usize..self.starts[d + 1] as usize]
    }
}

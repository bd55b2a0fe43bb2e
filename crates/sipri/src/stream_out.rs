//! Pass 2 of [`crate::stream`] (building the deals of one part) and the two
//! streams the caller pulls the release's tables from.

use crate::register::{Row, conflict, fill_deal, merge};
use crate::spill::{Get, Put, Reader, Spill};
use crate::stream::{FIRST_YEAR, REJECTED};
use model::{Category, Deal, EntityTable, Flows};
use std::borrow::Cow;
use std::io::{self, Read};

/// One row as pass 2 reads it back (texts borrowed from the part's bytes).
pub(crate) struct Rec<'a> {
    ord: u32,
    line: u64,
    id: u64,
    sup: u32,
    rec: u32,
    year: u16,
    category: u8,
    tiv: f64,
    units: Option<u32>,
    flags: u16,
    order_year: Option<u16>,
    order_est: Option<bool>,
    units_est: Option<bool>,
    year_est: Option<bool>,
    tiv_unit_new: Option<f64>,
    tiv_unit: Option<f64>,
    local: Option<bool>,
    texts: [&'a str; 3],
}

/// `prev`: the texts of the stream's previous record (see `Pass1::merge`).
pub(crate) fn read_rec<'a>(
    g: &mut Get<&'a [u8]>,
    prev: &mut [&'a str; 3],
) -> io::Result<Option<Rec<'a>>> {
    let Some(ord) = g.first_u32()? else {
        return Ok(None);
    };
    Ok(Some(Rec {
        ord,
        line: g.u64()?,
        id: g.u64()?,
        sup: g.u32()?,
        rec: g.u32()?,
        year: g.u16()?,
        category: g.u8()?,
        tiv: g.f64()?,
        units: g.opt_u32()?,
        flags: g.u16()?,
        order_year: g.opt_u16()?,
        order_est: g.opt_bool()?,
        units_est: g.opt_bool()?,
        year_est: g.opt_bool()?,
        tiv_unit_new: g.opt_f64()?,
        tiv_unit: g.opt_f64()?,
        local: g.opt_bool()?,
        texts: if g.u8()? == 1 {
            *prev
        } else {
            *prev = [g.str_ref()?, g.str_ref()?, g.str_ref()?];
            *prev
        },
    }))
}

impl<'a> Rec<'a> {
    fn row(&self) -> Row<'a> {
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

/// A row pass 2 rejects, with what its acceptance in pass 1 accounted.
pub(crate) struct Reject {
    pub(crate) line: u64,
    pub(crate) reason: String,
    pub(crate) sup: u32,
    pub(crate) rec: u32,
    pub(crate) tiv: f64,
    pub(crate) year: u16,
}

/// What pass 2 makes of one part: its deals (encoded by [`put_deal`] in
/// `deal_bytes`, listed by first-row ordinal in `deals` as (ordinal, start,
/// end) in ordinal order), each kept row's first-row ordinal, the rows it
/// rejects.
pub(crate) struct PartOut {
    pub(crate) deals: Vec<(u32, usize, usize)>,
    pub(crate) deal_bytes: Vec<u8>,
    pub(crate) assign: Vec<(u32, u32)>,
    pub(crate) rejects: Vec<Reject>,
    pub(crate) controls: u64,
}

/// Builds the deals of one part as `register::read` builds them: each
/// deal's rows in file order, checked against the rows before them.
pub(crate) fn build_part(bytes: &[u8], entities: &EntityTable) -> io::Result<PartOut> {
    let mut g = Get(bytes);
    let mut recs = Vec::with_capacity(bytes.len() / 80 + 16);
    let assign_cap = bytes.len() / 80 + 16;
    let mut prev = [""; 3];
    while let Some(r) = read_rec(&mut g, &mut prev)? {
        recs.push(r);
    }
    // Sorted as (id, position): each deal's rows stay in file order, and
    // only 12-byte keys move, not the records.
    let mut order: Vec<(u64, u32)> = recs
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id, i as u32))
        .collect();
    order.sort_unstable();
    let mut out = PartOut {
        deals: Vec::with_capacity(assign_cap / 2),
        deal_bytes: Vec::with_capacity(bytes.len() / 2),
        assign: Vec::with_capacity(recs.len().max(assign_cap)),
        rejects: Vec::new(),
        controls: 0,
    };
    let name = |e: u32| entities.get(e).name.clone();
    // One deal, and the rows lists, reused from group to group.
    let mut deal = Deal::default();
    let mut rows: Vec<(u32, u32)> = Vec::new();
    let mut prior: Vec<(u32, f64, u16)> = Vec::new();
    for group in order.chunk_by(|a, b| a.0 == b.0) {
        let head = &recs[group[0].1 as usize];
        fill_deal(&mut deal, &head.row(), head.sup, head.rec, head.line);
        out.assign.push((head.ord, head.ord));
        rows.clear();
        rows.push((0u32, line32(head.line)));
        prior.clear();
        prior.push((head.units.unwrap_or(0), head.tiv, head.flags));
        for &(_, i) in &group[1..] {
            let r = &recs[i as usize];
            let row = r.row();
            let prior_of = |i: u32| prior[i as usize];
            let mut why = conflict(&name, &deal, &|k| rows[k], &prior_of, &row, r.sup, r.rec);
            let sum =
                u64::from(deal.number_delivered.unwrap_or(0)) + u64::from(r.units.unwrap_or(0));
            if why.is_none() && sum > i32::MAX as u64 {
                why = Some(format!(
                    "deal {}: numbers delivered add up to {sum}, more than 2^31",
                    r.id
                ));
            }
            if let Some(reason) = why {
                out.rejects.push(Reject {
                    line: r.line,
                    reason,
                    sup: r.sup,
                    rec: r.rec,
                    tiv: r.tiv,
                    year: r.year,
                });
                continue;
            }
            deal.delivery_years.push(r.year);
            deal.number_delivered = Some(sum as u32);
            deal.number_delivered_estimated = merge(deal.number_delivered_estimated, r.units_est);
            deal.tiv_delivered = Some(deal.tiv_delivered.unwrap_or(0.0) + r.tiv);
            rows.push((prior.len() as u32, line32(r.line)));
            prior.push((r.units.unwrap_or(0), r.tiv, r.flags));
            out.assign.push((r.ord, head.ord));
        }
        deal.delivery_years.sort_unstable();
        for s in [
            &mut deal.designation,
            &mut deal.description,
            &mut deal.status,
        ] {
            if let (Cow::Owned(c), k) = crate::text::clean_controls(s) {
                out.controls += k as u64;
                *s = c;
            }
        }
        let start = out.deal_bytes.len();
        put_deal(&mut out.deal_bytes, head.ord, &deal);
        out.deals.push((head.ord, start, out.deal_bytes.len()));
    }
    out.deals.sort_unstable_by_key(|d| d.0);
    Ok(out)
}

fn line32(no: u64) -> u32 {
    u32::try_from(no).unwrap_or(u32::MAX)
}

/// The flows in year order (file order within a year), without rejected rows.
pub struct FlowStream {
    pub(crate) spill: Spill,
    /// Ordinal → deal number, or [`REJECTED`].
    pub(crate) deal_of: Vec<u32>,
    pub(crate) year: usize,
    pub(crate) cur: Option<Get<Reader>>,
}

impl FlowStream {
    /// Up to `max` further flows; `None` when all were taken.
    pub fn next_batch(&mut self, max: usize) -> io::Result<Option<Flows>> {
        let mut out = Flows::with_capacity(max.min(1 << 20));
        while out.len() < max {
            let Some(g) = &mut self.cur else {
                if self.year >= self.spill.keys() {
                    break;
                }
                self.cur = Some(Get(self.spill.take(self.year)?));
                self.year += 1;
                continue;
            };
            let Some(ord) = g.first_u32()? else {
                self.cur = None;
                continue;
            };
            let (sup, rec, cat, tiv, units, flags) =
                (g.u32()?, g.u32()?, g.u8()?, g.f64()?, g.u32()?, g.u16()?);
            let deal = self.deal_of[ord as usize];
            if deal == REJECTED {
                continue;
            }
            out.supplier.push(sup);
            out.recipient.push(rec);
            out.year.push(FIRST_YEAR + self.year as u16 - 1);
            out.category.push(cat);
            out.tiv.push(tiv);
            out.units.push(units);
            out.flags.push(flags);
            out.deal.push(deal);
        }
        Ok((!out.is_empty()).then_some(out))
    }
}

pub(crate) fn put_deal(w: &mut Vec<u8>, ord: u32, d: &Deal) {
    w.u32(ord);
    w.opt_u64(d.sipri_id);
    w.u32(d.supplier);
    w.u32(d.recipient);
    w.str(&d.designation);
    w.str(&d.description);
    w.u8(d.category);
    w.opt_u16(d.order_year);
    w.opt_bool(d.order_year_estimated);
    w.opt_u32(d.number_ordered);
    w.opt_bool(d.number_ordered_estimated);
    w.opt_u32(d.number_delivered);
    w.opt_bool(d.number_delivered_estimated);
    w.u32(d.delivery_years.len() as u32);
    for &y in &d.delivery_years {
        w.u16(y);
    }
    w.str(&d.status);
    w.str(&d.comments);
    w.opt_f64(d.tiv_unit_new);
    w.opt_f64(d.tiv_unit);
    w.opt_f64(d.tiv_order);
    w.opt_f64(d.tiv_delivered);
    w.opt_bool(d.local_production);
    w.u32(d.line);
}

fn get_deal(g: &mut Get<impl Read>) -> io::Result<Option<(u32, Deal)>> {
    let Some(ord) = g.first_u32()? else {
        return Ok(None);
    };
    let mut d = Deal {
        sipri_id: g.opt_u64()?,
        supplier: g.u32()?,
        recipient: g.u32()?,
        designation: g.str()?,
        description: g.str()?,
        category: g.u8()?,
        order_year: g.opt_u16()?,
        order_year_estimated: g.opt_bool()?,
        number_ordered: g.opt_u32()?,
        number_ordered_estimated: g.opt_bool()?,
        number_delivered: g.opt_u32()?,
        number_delivered_estimated: g.opt_bool()?,
        ..Deal::default()
    };
    let years = g.u32()?;
    d.delivery_years = (0..years).map(|_| g.u16()).collect::<io::Result<_>>()?;
    d.status = g.str()?;
    d.comments = g.str()?;
    d.tiv_unit_new = g.opt_f64()?;
    d.tiv_unit = g.opt_f64()?;
    d.tiv_order = g.opt_f64()?;
    d.tiv_delivered = g.opt_f64()?;
    d.local_production = g.opt_bool()?;
    d.line = g.u32()?;
    Ok(Some((ord, d)))
}

/// The deals in number order: a merge of the parts by first-row ordinal.
pub struct DealStream {
    parts: Vec<Get<Reader>>,
    heads: std::collections::BinaryHeap<std::cmp::Reverse<(u32, usize)>>,
    next: Vec<Option<Deal>>,
}

impl DealStream {
    pub(crate) fn new(mut spill: Spill) -> io::Result<DealStream> {
        let mut s = DealStream {
            parts: Vec::new(),
            heads: Default::default(),
            next: Vec::new(),
        };
        for k in 0..spill.keys() {
            let mut g = Get(spill.take(k)?);
            let head = get_deal(&mut g)?;
            if let Some((ord, _)) = &head {
                s.heads.push(std::cmp::Reverse((*ord, k)));
            }
            s.next.push(head.map(|h| h.1));
            s.parts.push(g);
        }
        Ok(s)
    }

    /// Up to `max` further deals; `None` when all were taken.
    pub fn next_batch(&mut self, max: usize) -> io::Result<Option<Vec<Deal>>> {
        let mut out = Vec::with_capacity(max.min(1 << 16));
        while out.len() < max {
            let Some(std::cmp::Reverse((_, k))) = self.heads.pop() else {
                break;
            };
            if let Some(d) = self.next[k].take() {
                out.push(d);
            }
            if let Some((ord, d)) = get_deal(&mut self.parts[k])? {
                self.heads.push(std::cmp::Reverse((ord, k)));
                self.next[k] = Some(d);
            }
        }
        Ok((!out.is_empty()).then_some(out))
    }
}

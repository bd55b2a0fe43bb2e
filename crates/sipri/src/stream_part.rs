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

/// One row as pass 2 hands it on (texts borrowed from the part's bytes).
#[derive(Clone, Copy)]
pub(crate) struct Rec<'a> {
    pub ord: u32,
    pub line: u64,
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

/// A row as read back, small (a part holds hundreds of thousands): its deal
/// fields are an index into [`Part`]'s list, which holds them once per run
/// of rows that repeat them.
#[derive(Clone, Copy)]
struct Slim {
    new: bool,
    units_est: Option<bool>,
    year_est: Option<bool>,
    year: u16,
    flags: u16,
    deal: u32,
    ord: u32,
    fields: u32,
    units: Option<u32>,
    line: u64,
    tiv: f64,
}

/// The deal fields of a run of rows.
#[derive(Clone, Copy)]
struct Fields<'a> {
    sup: u32,
    rec: u32,
    category: u8,
    order_year: Option<u16>,
    order_est: Option<bool>,
    local: Option<bool>,
    tiv_unit_new: Option<f64>,
    tiv_unit: Option<f64>,
    texts: [&'a str; 3],
}

fn bad(what: &str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, format!("scratch part: {what}"))
}

/// The buffers of a [`Part`], kept from part to part: a fresh buffer of
/// this size is mapped and page-faulted in anew every time.
#[derive(Default)]
pub(crate) struct PartBufs {
    recs: Vec<Slim>,
    fields: Vec<Fields<'static>>,
    ids: Vec<u64>,
    order: Vec<u32>,
    starts: Vec<u32>,
}

/// A part read back: its rows, and their indices grouped by deal (each
/// group in file order, the groups in deal-number order).
pub(crate) struct Part<'a> {
    recs: Vec<Slim>,
    fields: Vec<Fields<'a>>,
    /// Per deal of the part, its id.
    ids: Vec<u64>,
    order: Vec<u32>,
    /// Per deal of the part, where its group starts in `order` (one more
    /// entry at the end).
    starts: Vec<u32>,
    base: u32,
}

/// An emptied vector's allocation, for fields borrowing from another part.
// `filter_map` changes the element's lifetime, which `filter` cannot.
#[allow(clippy::unnecessary_filter_map)]
fn recycle<'b>(mut v: Vec<Fields<'_>>) -> Vec<Fields<'b>> {
    v.clear();
    v.into_iter().filter_map(|_| None).collect()
}

impl<'a> Part<'a> {
    /// Reads part `k` of deals `k << shift ..`; checks that its deals are
    /// numbered without gaps, each opened by its first row.
    pub fn read(bytes: &'a [u8], k: usize, shift: u32, bufs: PartBufs) -> io::Result<Part<'a>> {
        let PartBufs {
            mut recs,
            fields,
            mut ids,
            mut order,
            mut starts,
        } = bufs;
        recs.clear();
        ids.clear();
        let mut fields = recycle(fields);
        let mut g = Cur(bytes);
        let base = u32::try_from(k << shift).map_err(|_| bad("part number"))?;
        let span = 1usize << shift;
        // Rows per deal first (then made into starts).
        let counts = &mut starts;
        counts.clear();
        while !g.is_empty() {
            let tag = g.u8()?;
            let (deal, ord, line) = (g.u32()?, g.u32()?, g.u64()?);
            let rel = deal.wrapping_sub(base) as usize;
            if rel >= span {
                return Err(bad("deal outside its part"));
            }
            if rel >= counts.len() {
                counts.resize(rel + 1, 0);
                ids.resize(rel + 1, 0);
            }
            let new = tag & NEW != 0;
            if new {
                ids[rel] = g.u64()?;
            }
            let (year, tiv, units, flags) = (g.u16()?, g.f64()?, g.opt_u32()?, g.u16()?);
            let (units_est, year_est) = (g.opt_bool()?, g.opt_bool()?);
            if tag & SAME == 0 {
                fields.push(Fields {
                    sup: g.u32()?,
                    rec: g.u32()?,
                    category: g.u8()?,
                    order_year: g.opt_u16()?,
                    order_est: g.opt_bool()?,
                    tiv_unit_new: g.opt_f64()?,
                    tiv_unit: g.opt_f64()?,
                    local: g.opt_bool()?,
                    texts: [g.str_ref()?, g.str_ref()?, g.str_ref()?],
                });
            } else if fields.is_empty() {
                return Err(bad("no previous row"));
            }
            counts[rel] += 1;
            recs.push(Slim {
                new,
                units_est,
                year_est,
                year,
                flags,
                deal,
                ord,
                fields: fields.len() as u32 - 1,
                units,
                line,
                tiv,
            });
        }
        // Counting sort by deal: stable, so each group keeps file order.
        let mut at = 0u32;
        for c in counts.iter_mut() {
            if *c == 0 {
                return Err(bad("a deal number without rows"));
            }
            (*c, at) = (at, at + *c);
        }
        counts.push(at);
        order.clear();
        order.resize(recs.len(), 0);
        // `counts` now holds the starts; each is moved past its group
        // while filling, then moved back.
        for (i, r) in recs.iter().enumerate() {
            let slot = &mut counts[(r.deal - base) as usize];
            order[*slot as usize] = i as u32;
            *slot += 1;
        }
        for d in (1..counts.len() - 1).rev() {
            counts[d] = counts[d - 1];
        }
        if counts.len() > 1 {
            counts[0] = 0;
        }
        let p = Part {
            recs,
            fields,
            ids,
            order,
            starts,
            base,
        };
        for d in 0..p.deals() {
            let mut rows = p.group(d).iter().map(|&i| p.recs[i as usize].new);
            if rows.next() != Some(true) || rows.any(|n| n) {
                return Err(bad("a deal not opened by its first row"));
            }
        }
        Ok(p)
    }

    /// Its buffers, for the next part.
    pub fn into_bufs(self) -> PartBufs {
        PartBufs {
            recs: self.recs,
            fields: recycle(self.fields),
            ids: self.ids,
            order: self.order,
            starts: self.starts,
        }
    }

    /// How many deals the part holds.
    pub fn deals(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }

    /// The rows of the part's `d`-th deal, as indices for [`Part::rec`].
    pub fn group(&self, d: usize) -> &[u32] {
        &self.order[self.starts[d] as usize..self.starts[d + 1] as usize]
    }

    /// Row `i` of the part.
    pub fn rec(&self, i: u32) -> Rec<'a> {
        let r = &self.recs[i as usize];
        let f = &self.fields[r.fields as usize];
        Rec {
            ord: r.ord,
            line: r.line,
            id: self.ids[(r.deal - self.base) as usize],
            sup: f.sup,
            rec: f.rec,
            year: r.year,
            category: f.category,
            tiv: r.tiv,
            units: r.units,
            flags: r.flags,
            order_year: f.order_year,
            order_est: f.order_est,
            units_est: r.units_est,
            year_est: r.year_est,
            tiv_unit_new: f.tiv_unit_new,
            tiv_unit: f.tiv_unit,
            local: f.local,
            texts: f.texts,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(line: &str) -> Row<'_> {
        let mut f = [""; 17];
        assert_eq!(crate::text::split_fields(line, &mut f), 17);
        crate::register::parse_row(&f).unwrap()
    }

    /// Rows written with shared deal fields come back whole, grouped by
    /// deal in file order; a deal number without its first row is refused.
    #[test]
    fn rows_come_back_grouped_by_deal() {
        let a1 = row("7,A,B, D ,x,Aircraft,2001,Yes,2,No,2003,,New,-0,2,24,Yes");
        let a2 = row("7,A,B, D ,x,Aircraft,2001,Yes,3,No,2004,,New,-0,2,25,Yes");
        let b1 = row("9,A,B, D ,x,Aircraft,2001,Yes,1,,2003,,New,-0,2,5,Yes");
        let a3 = row("7,A,B,E,x,Ships,2001,,,,2005,Yes,New,,,1,");
        let mut w = Vec::new();
        let mut last = LastFields::default();
        // Deals 16 and 17 in part 1 of 16-deal parts.
        let rows = [
            (&a1, true, 16, 3),
            (&a2, false, 16, 4),
            (&b1, true, 17, 6),
            (&a3, false, 16, 9),
        ];
        let mut same = Vec::new();
        for (ord, (r, new, deal, line)) in rows.into_iter().enumerate() {
            same.push(put_row(
                &mut w, &mut last, new, deal, ord as u32, line, r, 1, 2, 0,
            ));
        }
        assert_eq!(same, [false, true, true, false]);
        let p = Part::read(&w, 1, 4, PartBufs::default()).unwrap();
        assert_eq!(p.deals(), 2);
        let lines = |d: usize| {
            p.group(d)
                .iter()
                .map(|&i| p.rec(i).line)
                .collect::<Vec<_>>()
        };
        assert_eq!(lines(0), [3, 4, 9]);
        assert_eq!(lines(1), [6]);
        let back = p.rec(p.group(1)[0]);
        assert_eq!((back.id, back.units, back.tiv), (9, Some(1), 5.0));
        assert_eq!(back.texts, [" D ", "x", "New"]);
        assert_eq!(
            back.tiv_unit_new.map(f64::to_bits),
            Some((-0.0f64).to_bits())
        );
        let last = p.rec(p.group(0)[2]);
        assert_eq!((last.id, last.year, last.texts[0]), (7, 2005, "E"));
        assert_eq!(last.category, a3.category as u8);
        // The same rows read as part 0: outside it.
        assert!(Part::read(&w, 0, 4, PartBufs::default()).is_err());
        // Without deal 16's first row.
        let mut w = Vec::new();
        let mut last = LastFields::default();
        put_row(&mut w, &mut last, false, 16, 0, 3, &a1, 1, 2, 0);
        assert!(Part::read(&w, 1, 4, PartBufs::default()).is_err());
        // Cut short.
        let mut w = Vec::new();
        put_row(
            &mut w,
            &mut LastFields::default(),
            true,
            16,
            0,
            3,
            &a1,
            1,
            2,
            0,
        );
        assert!(Part::read(&w[..w.len() - 1], 1, 4, PartBufs::default()).is_err());
    }
}

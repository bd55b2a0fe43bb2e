//! Merging parsed chunks of the current register into the release, in file
//! order: entity interning, deal grouping and the checks between a deal's
//! rows, flows, rejections (the one sequential step of the whole-file read).

use crate::ReadError;
use crate::builder::{Builder, FastMap};
use crate::chunk::{ChunkOut, Parsed, recycle};
use crate::deal_rows::{Seen, add_delivery, further_row, new_deal};
use crate::register::line32;
use crate::row_checks::REGISTER_PRODUCT;
use crate::text::printable_ascii;
use model::flows::Flow;

/// The deals so far, for merging chunks.
#[derive(Default)]
pub(crate) struct Merge {
    pub deal_of: FastMap<u64, u32>,
    /// Per deal, its first and last flow; per flow, the next flow of its
    /// deal (a list in file order, parallel to the deal's `delivery_years`
    /// until they are sorted) and its line. Flat, so that a deal costs no
    /// allocation; a deal has at most one row per year, so a walk is short.
    pub first_flow: Vec<u32>,
    pub last_flow: Vec<u32>,
    pub next_flow: Vec<u32>,
    pub flow_line: Vec<u32>,
    pub blank: u64,
}

/// Adds one parsed chunk to the release, in file order: its rows become
/// flows and deals (rows contradicting their deal are rejected), its bad
/// rows are rejected, all in line order. `base`: the line before the chunk.
pub(crate) fn merge_chunk(
    b: &mut Builder,
    m: &mut Merge,
    mut out: ChunkOut,
    base: u64,
) -> Result<Vec<Parsed<'static>>, ReadError> {
    b.report.rows_read += out.rows_read;
    m.blank += out.blank;
    // In order of first use, as a row-by-row reader would meet them.
    let ids: Vec<u32> = out.names.iter().map(|n| b.entity(n)).collect();
    crate::chunk::reject_one_party(&mut out, &ids);
    let fatal = out.fatal;
    let mut errors = out.errors.into_iter().peekable();
    let bad = |b: &mut Builder, line: u64, reason: String| {
        if Some(line) == fatal {
            return Err(b.error(base + line, reason));
        }
        b.bad_row(base + line, reason)
    };
    for p in &out.rows {
        while let Some((line, reason)) = errors.next_if(|e| e.0 < p.line) {
            bad(b, line, reason)?;
        }
        let no = base + p.line;
        let (supplier, recipient) = (ids[p.sup as usize], ids[p.rec as usize]);
        let r = &p.row;
        // Before the checks against the row's deal, which the streamed
        // import makes later: both warn of every row read.
        b.check_product(no, REGISTER_PRODUCT, r.units, r.tiv_unit, Some(r.tiv));
        b.check_order(no, r.order_year, Some(r.year));
        let (deal_idx, is_new) = match m.deal_of.get(&r.id) {
            Some(&d) => {
                let deal = &b.deals[d as usize];
                let name = |e: u32| b.entities.get(e).name.clone();
                let f = &b.flows;
                let prior = |i: u32| {
                    let i = i as usize;
                    (f.units[i], f.tiv[i], f.flags[i])
                };
                let rows = |k: usize| {
                    let mut f = m.first_flow[d as usize];
                    for _ in 0..k {
                        f = m.next_flow[f as usize];
                    }
                    (f, m.flow_line[f as usize])
                };
                let seen = Seen {
                    name: &name,
                    rows: &rows,
                    prior: &prior,
                };
                match further_row(&seen, deal, r, [supplier, recipient]) {
                    Ok(delivered) => {
                        let deal = &mut b.deals[d as usize];
                        add_delivery(deal, r.year, delivered, r.units_est, r.tiv);
                        (d, false)
                    }
                    Err(reason) => {
                        b.bad_row(no, reason)?;
                        // Checked above: its warnings go at the finish.
                        b.taken_back.push(no);
                        continue;
                    }
                }
            }
            None => {
                let d = b.deals.len() as u32;
                m.deal_of.insert(r.id, d);
                if !r.texts.iter().all(|t| printable_ascii(t)) {
                    b.dirty_deals.get_or_insert_default().push(d);
                }
                b.deals.push(new_deal(r, supplier, recipient, no));
                m.first_flow.push(b.flows.len() as u32);
                m.last_flow.push(b.flows.len() as u32);
                (d, true)
            }
        };
        let flow = b.flows.len() as u32;
        if !is_new {
            let last = &mut m.last_flow[deal_idx as usize];
            m.next_flow[*last as usize] = flow;
            *last = flow;
        }
        m.next_flow.push(u32::MAX);
        m.flow_line.push(line32(no));
        b.flows.push(Flow {
            supplier,
            recipient,
            year: r.year,
            category: r.category,
            tiv: r.tiv,
            units: r.units.unwrap_or(0),
            flags: p.flags,
            deal: deal_idx,
        });
        b.report.tiv_total += r.tiv;
        b.note_parties([supplier, recipient], r.tiv);
    }
    for (line, reason) in errors {
        bad(b, line, reason)?;
    }
    Ok(recycle(out.rows))
}

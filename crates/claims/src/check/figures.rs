//! Shapes (a)–(e) and (k): shares, changes, global ranks, "n-th largest",
//! first-ever deliveries and comparisons, computed by the engine.

use super::rounding;
use super::{Out, Verdict, bilateral, filter, frac, id, party_of, sided, verdict, window, within};
use crate::claim::{Claim, Party, Role};
use crate::i18n::{FigureMsg, Msg, Ranked, Tol};
use engine::{Direction, Filter};
use model::{Release, Window};

type Res = Result<Out, Box<Out>>;

fn no_deliveries(p: &Party) -> Box<Out> {
    Out::fail(FigureMsg::NoDeliveriesOf(p.clone()))
}

pub(super) fn run(claim: &Claim, rel: &Release) -> Res {
    match claim {
        // Decided in crate::shapes before `run` is reached.
        Claim::Delivery(_)
        | Claim::Presence(_)
        | Claim::MainSupplier(_)
        | Claim::Group(_)
        | Claim::Unverifiable(_) => Err(Out::fail(FigureMsg::NotAShape)),
        Claim::ImportShare {
            recipient,
            supplier,
            period,
            category,
            share,
        } => {
            bilateral(rel)?;
            let w = window(rel, period)?;
            let r = id(rel, recipient).ok_or_else(|| no_deliveries(recipient))?;
            sided(rel, Direction::Imports, Some(r))?;
            let parts = engine::partners(rel, r, Direction::Imports, &filter(w, category));
            if parts.total <= 0.0 {
                return Err(Out::fail(FigureMsg::ImportedNothing {
                    who: recipient.clone(),
                    cat: *category,
                    window: w,
                }));
            }
            let ps = id(rel, supplier).and_then(|s| parts.get(s));
            let tiv = ps.map_or(0.0, |p| p.tiv);
            organisation_itself(rel, supplier, tiv)?;
            let pct = 100.0 * tiv / parts.total;
            let (ok, tol) = within(share, pct);
            Ok(Out {
                computed: Some(pct),
                computed_rank: ps.and_then(|p| p.rank),
                tolerance: Some(tol),
                window: Some(w),
                estimated: ps.and_then(|p| frac(p.estimated_tiv, p.tiv)),
                allocated: ps.and_then(|p| frac(p.allocated_tiv, p.tiv)),
                ..Out::new(
                    verdict(ok),
                    FigureMsg::ImportShare {
                        supplier: supplier.clone(),
                        recipient: recipient.clone(),
                        tiv,
                        total: parts.total,
                        cat: *category,
                        window: w,
                        pct,
                        stated: *share,
                    },
                )
            })
        }
        Claim::ExportShare {
            supplier,
            recipient,
            period,
            category,
            share,
            rank,
        } => {
            bilateral(rel)?;
            let w = window(rel, period)?;
            let s = id(rel, supplier).ok_or_else(|| no_deliveries(supplier))?;
            sided(rel, Direction::Exports, Some(s))?;
            let parts = engine::partners(rel, s, Direction::Exports, &filter(w, category));
            if parts.total <= 0.0 {
                return Err(Out::fail(FigureMsg::ExportedNothing {
                    who: supplier.clone(),
                    cat: *category,
                    window: w,
                }));
            }
            let ps = id(rel, recipient).and_then(|r| parts.get(r));
            let tiv = ps.map_or(0.0, |p| p.tiv);
            let pct = 100.0 * tiv / parts.total;
            let got_rank = ps.and_then(|p| p.rank);
            let mut ok = true;
            let mut tol = None;
            let mut text = vec![FigureMsg::ExportShare {
                supplier: supplier.clone(),
                recipient: recipient.clone(),
                tiv,
                total: parts.total,
                cat: *category,
                window: w,
                pct,
            }];
            if let Some(st) = share {
                let (o, t) = within(st, pct);
                ok &= o;
                tol = Some(t);
            }
            if let Some(want) = rank {
                ok &= got_rank.is_some_and(|g| want.holds(g));
                text.push(match got_rank {
                    Some(k) => neighbours(rel, &parts.partners, k),
                    None => FigureMsg::NotAmongRecipients,
                });
                if tol.is_none() {
                    tol = Some(Tol::Rank(*want));
                }
            }
            Ok(Out {
                computed: Some(pct),
                computed_rank: got_rank,
                tolerance: tol,
                window: Some(w),
                estimated: ps.and_then(|p| frac(p.estimated_tiv, p.tiv)),
                allocated: ps.and_then(|p| frac(p.allocated_tiv, p.tiv)),
                ..Out::new(verdict(ok), Msg::join(text))
            })
        }
        Claim::Change {
            direction,
            focus,
            from,
            to,
            category,
            change,
        } => {
            let (wf, wt) = (window(rel, from)?, window(rel, to)?);
            let f = id(rel, focus).ok_or_else(|| no_deliveries(focus))?;
            sided(rel, *direction, Some(f))?;
            let a = engine::partners(rel, f, *direction, &filter(wf, category));
            let b = engine::partners(rel, f, *direction, &filter(wt, category));
            if a.total <= 0.0 {
                return Err(Out::fail(FigureMsg::ChangeFromZero {
                    focus: focus.clone(),
                    dir: *direction,
                    cat: *category,
                    window: wf,
                }));
            }
            let pct = 100.0 * (b.total / a.total - 1.0);
            let (mut ok, tol) = within(change, pct);
            // On a TIV table the verdict is what every change its rounding
            // allows says, or none (as for world shares below).
            if let Some((lo, hi)) =
                rounding::change_band(rel, f, *direction, (wf, wt), a.total, b.total)
            {
                match rounding::band_verdict((lo, hi), &change.tolerance()) {
                    Some(v) => ok = v,
                    None => return Err(Out::fail(FigureMsg::RoundedCells { lo, hi })),
                }
            }
            Ok(Out {
                computed: Some(pct),
                tolerance: Some(tol),
                window: Some(wt),
                estimated: frac(
                    a.estimated_share * a.total + b.estimated_share * b.total,
                    a.total + b.total,
                ),
                allocated: frac(
                    a.allocated_share * a.total + b.allocated_share * b.total,
                    a.total + b.total,
                ),
                ..Out::new(
                    verdict(ok),
                    FigureMsg::Change {
                        focus: focus.clone(),
                        dir: *direction,
                        cat: *category,
                        from: (wf, a.total),
                        to: (wt, b.total),
                        pct,
                        stated: *change,
                    },
                )
            })
        }
        Claim::Global {
            direction,
            focus,
            period,
            category,
            share,
            rank,
        } => {
            let w = window(rel, period)?;
            sided(rel, *direction, None)?;
            let r = engine::ranking(rel, *direction, &filter(w, category));
            if r.total <= 0.0 {
                return Err(Out::fail(FigureMsg::NothingRecorded {
                    dir: *direction,
                    window: w,
                }));
            }
            let row = id(rel, focus).and_then(|f| r.rank_of(f));
            let tiv = row.map_or(0.0, |x| x.tiv);
            let pct = 100.0 * tiv / r.total;
            // How much of the focus's figure is armsflow's split of legacy
            // deal totals over years (regression: "The US accounted for 43 %
            // of global arms exports in 2020-24" was not supported on the
            // Mar-2025 legacy register, 42.15 % by the split; SIPRI
            // published 43 %).
            // A rank and a world share also rest on everyone else's split
            // (Turkmenistan ranked 53rd by the split, 52nd per year, with
            // no split TIV of its own): the larger of the two shares.
            let allocated = id(rel, focus)
                .map(|f| engine::partners(rel, f, *direction, &filter(w, category)))
                .and_then(|p| (p.total > 0.0).then_some(p.allocated_share))
                .map_or(r.allocated_share, |a| a.max(r.allocated_share));
            let mut ok = true;
            let mut tol = None;
            if let Some(st) = share {
                let (mut o, t) = within(st, pct);
                // On a TIV table the verdict is what every share its
                // rounding allows says, or none.
                if let Some((lo, hi)) =
                    rounding::share_band(rel, *direction, id(rel, focus), w, tiv, r.total)
                {
                    match rounding::band_verdict((lo, hi), &st.tolerance()) {
                        Some(v) => o = v,
                        None => return Err(Out::fail(FigureMsg::RoundedShare { lo, hi })),
                    }
                }
                ok &= o;
                tol = Some(t);
            }
            let got = row.map(|x| x.rank);
            if let Some(want) = rank {
                let rows: Vec<_> = r.rows.iter().map(|x| (x.entity, x.tiv)).collect();
                if let Some(f) = id(rel, focus)
                    && let Some((best, worst)) = rounding::rank_band(rel, *direction, w, f, &rows)
                    && (best..=worst).any(|g| want.holds(g))
                        != (best..=worst).all(|g| want.holds(g))
                {
                    return Err(Out::fail(FigureMsg::RoundedRank { best, worst }));
                }
                ok &= got.is_some_and(|g| want.holds(g));
                tol.get_or_insert(Tol::Rank(*want));
            }
            Ok(Out {
                computed: Some(pct),
                computed_rank: got,
                tolerance: tol,
                window: Some(w),
                estimated: row.and_then(|x| frac(x.estimated_tiv, x.tiv)),
                allocated: Some(allocated),
                ..Out::new(
                    verdict(ok),
                    FigureMsg::Global {
                        focus: focus.clone(),
                        tiv,
                        total: r.total,
                        dir: *direction,
                        cat: *category,
                        window: w,
                        pct,
                        rank: got,
                        of: r.rows.len(),
                    },
                )
            })
        }
        Claim::Largest {
            role,
            focus,
            period,
            category,
            nth,
            answer,
        } => {
            bilateral(rel)?;
            let w = window(rel, period)?;
            let dir = match role {
                Role::Supplier => Direction::Imports,
                Role::Recipient => Direction::Exports,
            };
            let f = id(rel, focus).ok_or_else(|| no_deliveries(focus))?;
            sided(rel, dir, Some(f))?;
            let parts = engine::partners(rel, f, dir, &filter(w, category));
            if parts.total <= 0.0 {
                return Err(Out::fail(FigureMsg::NoPartners {
                    focus: focus.clone(),
                    dir,
                    cat: *category,
                    window: w,
                }));
            }
            let got = id(rel, answer).and_then(|a| parts.get(a));
            unknown_pool(rel, &parts, id(rel, answer), *nth, focus, w)?;
            let at_n: Vec<Ranked> = parts
                .partners
                .iter()
                .filter(|p| p.rank.is_some_and(|r| nth.holds(r)))
                .map(|p| Ranked {
                    party: party_of(rel, p.entity),
                    tiv: p.tiv,
                    pct: 100.0 * p.share,
                })
                .collect();
            Ok(Out {
                computed: got.map(|p| 100.0 * p.share),
                computed_rank: got.and_then(|p| p.rank),
                tolerance: Some(Tol::Rank(*nth)),
                window: Some(w),
                estimated: got.and_then(|p| frac(p.estimated_tiv, p.tiv)),
                allocated: got.and_then(|p| frac(p.allocated_tiv, p.tiv)),
                ..Out::new(
                    verdict(got.and_then(|p| p.rank).is_some_and(|r| nth.holds(r))),
                    FigureMsg::Largest {
                        nth: *nth,
                        role: *role,
                        focus: focus.clone(),
                        cat: *category,
                        window: w,
                        at_n,
                        answer: answer.clone(),
                        rank: got.and_then(|p| p.rank),
                    },
                )
            })
        }
        Claim::Compare {
            direction,
            focus,
            more,
            less,
            period,
            category,
        } => crate::compare::check(rel, *direction, focus, more, less, period, category),
        Claim::FirstEver {
            supplier,
            recipient,
            year,
        } => {
            bilateral(rel)?;
            super::pair_in_scope(rel, Some(supplier), recipient)?;
            let (first, last) =
                engine::year_span(rel).ok_or_else(|| Out::fail(FigureMsg::NoDeliveriesAtAll))?;
            if !(first..=last).contains(year) {
                return Err(Out::fail(FigureMsg::YearOutside {
                    span: (first, last),
                    year: *year,
                }));
            }
            let (Some(s), Some(r)) = (id(rel, supplier), id(rel, recipient)) else {
                return Ok(not_first(*year, None, supplier, recipient));
            };
            let all = Window {
                start: first,
                end: last,
            };
            let p = engine::pair(rel, s, r, &Filter::new(all));
            let found = p.by_year.iter().find(|(_, t)| *t > 0.0).map(|(y, _)| *y);
            if found != Some(*year) {
                return Ok(not_first(*year, found, supplier, recipient));
            }
            // SIPRI's records start in 1950: a release starting later cannot
            // show a delivery before its first year (regression: "The US
            // delivered arms to India for the first time in 2006" was
            // supported from the 1995-2024 register; SIPRI lists US
            // deliveries to India from 1951).
            if *year == first || first > SIPRI_FIRST_YEAR {
                return Err(Out::fail(FigureMsg::FirstYearOfData {
                    span: (first, last),
                    year: *year,
                }));
            }
            let py = engine::pair(
                rel,
                s,
                r,
                &Filter::new(Window {
                    start: *year,
                    end: *year,
                }),
            );
            Ok(Out {
                computed: Some(*year as f64),
                tolerance: Some(Tol::FirstYear),
                window: Some(all),
                estimated: frac(py.estimated_tiv, py.total),
                allocated: frac(py.allocated_tiv, py.total),
                ..Out::new(
                    Verdict::Supported,
                    FigureMsg::FirstDelivery {
                        supplier: supplier.clone(),
                        recipient: recipient.clone(),
                        span: (first, last),
                        year: *year,
                        tiv: py.total,
                    },
                )
            })
        }
    }
}

fn not_first(year: u16, found: Option<u16>, s: &Party, r: &Party) -> Out {
    let (supplier, recipient) = (s.clone(), r.clone());
    Out {
        computed: found.map(f64::from),
        tolerance: Some(Tol::FirstYear),
        ..Out::new(
            Verdict::NotSupported,
            match found {
                Some(f) if f < year => FigureMsg::AlreadyDelivered {
                    supplier,
                    recipient,
                    year: f,
                },
                Some(first) => FigureMsg::FirstLater {
                    supplier,
                    recipient,
                    year,
                    first,
                },
                None => FigureMsg::NoPairDeliveries {
                    supplier,
                    recipient,
                },
            },
        )
    }
}

/// "rank 3 of 34 recipients (after India 4272.69, China 1869.25; ahead of Algeria 814.50)".
fn neighbours(rel: &Release, rows: &[engine::PartnerShare], rank: u32) -> FigureMsg {
    // Named recipients only: the unknown pool takes no rank.
    let rows: Vec<&engine::PartnerShare> = rows.iter().filter(|p| p.rank.is_some()).collect();
    let pos = rows.iter().position(|p| p.rank == Some(rank)).unwrap_or(0);
    let pt = |p: &&engine::PartnerShare| (party_of(rel, p.entity), p.tiv);
    FigureMsg::RankAmongRecipients {
        rank,
        of: rows.len(),
        before: rows[pos.saturating_sub(2)..pos].iter().map(pt).collect(),
        after: rows.iter().skip(pos + 1).take(1).map(pt).collect(),
    }
}

/// A supplier named as an organisation ("Die Europäische Union lieferte …")
/// with nothing of its own in the figure: SIPRI lists the organisation's
/// own deliveries under "European Union**", its members' under their names,
/// and the sentence most likely means the members (regression: not
/// supported at 0 %, where the EU's members supplied 40 %).
fn organisation_itself(rel: &Release, party: &Party, tiv: f64) -> Result<(), Box<Out>> {
    let org = id(rel, party)
        .and_then(|e| rel.entities.try_get(e))
        .is_some_and(|e| e.kind == model::EntityKind::Organisation);
    if org && tiv <= 0.0 {
        return Err(Out::fail(FigureMsg::OrganisationItself {
            party: party.clone(),
        }));
    }
    Ok(())
}

/// The first year of SIPRI's Arms Transfers Database.
const SIPRI_FIRST_YEAR: u16 = 1950;

/// A rank that SIPRI's pool of unknown partners could change: the pool may
/// be one partner or several, or part of a named one, so the rank asked
/// about lies between its best case (the whole pool is the partner asked
/// about) and its worst (the pool lifts rivals above it, or is new ones).
/// Cannot be checked when the claim holds for some of those ranks and not
/// others (regression: "Türkiye was Libya's largest arms supplier in
/// 2020-24" was not supported because the pool, 87 % of Libya's imports,
/// ranked first).
fn unknown_pool(
    rel: &Release,
    parts: &engine::Partners,
    answer: Option<model::EntityId>,
    nth: crate::claim::Rank,
    focus: &Party,
    w: Window,
) -> Result<(), Box<Out>> {
    let u = parts.unknown_tiv;
    if u <= 0.0 {
        return Ok(());
    }
    let key = engine::metrics::rank_key;
    let unknown = |e: model::EntityId| {
        rel.entities
            .try_get(e)
            .is_some_and(|x| x.kind == model::EntityKind::Unknown)
    };
    let a = answer.and_then(|x| parts.get(x)).map_or(0.0, |p| p.tiv);
    let rivals: Vec<f64> = parts
        .partners
        .iter()
        .filter(|p| !unknown(p.entity) && Some(p.entity) != answer)
        .map(|p| p.tiv)
        .collect();
    let above = |x: f64| rivals.iter().filter(|&&b| key(b) > key(x)).count() as u32;
    let best = 1 + above(a + u);
    // Rivals at or below `a`, cheapest to lift above it first; then what is
    // left of the pool as new partners each larger than `a`.
    let mut gaps: Vec<f64> = rivals
        .iter()
        .filter(|&&b| key(b) <= key(a))
        .map(|&b| a - b)
        .collect();
    gaps.sort_by(f64::total_cmp);
    let mut left = u;
    let mut lifted = 0u32;
    for g in gaps {
        if g < left {
            left -= g;
            lifted += 1;
        } else {
            break;
        }
    }
    let new = if left <= 0.0 {
        0
    } else if a > 0.0 {
        // Pieces each larger than `a`.
        ((left / a).ceil() as u32).saturating_sub(1)
    } else {
        // Any part of the pool is larger than nothing.
        u32::MAX
    };
    let worst = (1 + above(a)).saturating_add(lifted).saturating_add(new);
    let (always, never) = if nth.top {
        (worst <= nth.n, best > nth.n)
    } else {
        (
            best == nth.n && worst == nth.n,
            nth.n < best || nth.n > worst,
        )
    };
    if always || never {
        return Ok(());
    }
    Err(Out::fail(FigureMsg::UnknownPool {
        focus: focus.clone(),
        dir: parts.direction,
        tiv: u,
        pct: 100.0 * u / parts.total,
        window: w,
    }))
}

//! Verdicts of shapes (f) and (g): what SIPRI lists for the pair against
//! what the sentence says was (or was never) delivered.

use super::{DeliveryClaim, Presence, PresenceClaim};
use crate::check::{Out, Verdict, bilateral, cannot, in_span, settle, span, verdict};
use crate::deals::{Hit, describe, hits, ids, near_hits};
use crate::i18n::{Caveat, DealText, DeliveryMsg, FigureMsg, Msg, Tol};
use crate::weapon::{family, same_designation};
use model::{Release, Window};

/// At most this many deals are listed in an explanation.
const SHOWN: usize = 5;

fn listed(found: &[Hit], n: usize) -> Vec<DealText> {
    found.iter().take(n).map(describe).collect()
}

fn years_of(found: &[Hit]) -> Vec<u16> {
    let mut y: Vec<u16> = found.iter().flat_map(|h| h.years.keys().copied()).collect();
    y.sort();
    y.dedup();
    y
}

/// A kind read (partly) by SIPRI's armament category that matched nothing on
/// a release without categories: nothing is known, not "none" (claims probe
/// 15: "Russia never delivered warships to India" supported on the legacy
/// register). A kind matched by SIPRI's description alone is still checked.
fn no_categories(w: &crate::weapon::Weapon, rel: &Release) -> Result<(), Box<Out>> {
    let by_category = w.designation.is_none() && w.kind.is_some_and(|k| k.uses_category());
    if by_category && engine::needs_categories(rel).is_some() {
        let mut o = cannot(FigureMsg::NoCategories {
            release: rel.meta.id.clone(),
        });
        o.tolerance = None;
        return Err(Box::new(o));
    }
    Ok(())
}

pub(crate) fn check_delivery(c: &DeliveryClaim, rel: &Release) -> Out {
    settle(delivery(c, rel))
}

fn delivery(c: &DeliveryClaim, rel: &Release) -> Result<Out, Box<Out>> {
    bilateral(rel)?;
    crate::check::pair_in_scope(rel, c.supplier.as_ref(), &c.recipient)?;
    let all = span(rel)?;
    let win = c
        .period
        .resolve(Some(all.end))
        .ok_or_else(|| Out::fail(FigureMsg::NoPeriodResolved))?;
    // "since 2022": from 2022 to the release's last year.
    let win = if c.since {
        Window {
            start: win.start,
            end: all.end.max(win.start),
        }
    } else {
        win
    };
    let win = in_span(all, win)?;
    let what = c.weapon.clone();
    let (sup, rec) = (c.supplier.clone(), c.recipient.clone());
    let Some((s, r)) = ids(rel, c.supplier.as_ref(), &c.recipient) else {
        let mut o = Out::new(
            verdict(c.negated),
            DeliveryMsg::NoPairInRelease {
                supplier: sup,
                recipient: rec,
                span: all,
            },
        );
        o.window = Some(win);
        return Ok(o);
    };
    let found = hits(rel, s, r, &c.weapon, win);
    if let Some(sipri) = crate::deals::other_kind(rel, s, r, &c.weapon, win) {
        let mut o = cannot(DeliveryMsg::KindDiffers {
            stated: c.weapon.label(),
            kind: c.weapon.kind.map_or("", |k| k.label()).into(),
            sipri,
        });
        o.window = Some(win);
        return Ok(o);
    }
    // A count or a first delivery needs every deal of the kind; where the
    // category is missing only those its description names are found.
    if found.is_empty() || c.number.is_some() || c.first {
        no_categories(&c.weapon, rel)?;
    }
    let with_month = |m: Msg| {
        if c.month.is_some() {
            Msg::join(vec![m, DeliveryMsg::MonthNotChecked.into()])
        } else {
            m
        }
    };
    if c.negated {
        let ok = found.is_empty();
        let text = if ok {
            DeliveryMsg::NoRecord {
                what: what.clone(),
                supplier: sup.clone(),
                recipient: rec.clone(),
                window: win,
            }
        } else {
            DeliveryMsg::Listed {
                supplier: sup.clone(),
                recipient: rec.clone(),
                window: win,
                deals: listed(&found, SHOWN),
                more: 0,
            }
        };
        let near = match c.weapon.kind {
            Some(k) if ok && c.weapon.designation.is_none() => near_hits(rel, s, r, k, win),
            _ => Vec::new(),
        };
        let mut o = if near.is_empty() {
            Out::new(verdict(ok), text)
        } else {
            cannot(DeliveryMsg::ButNear {
                base: Box::new(text.into()),
                near,
                what: what.clone(),
            })
        };
        o.window = Some(win);
        o.tolerance = Some(Tol::NoRecordIn(win));
        return Ok(o);
    }
    if c.first && !found.is_empty() {
        let earliest = hits(rel, s, r, &c.weapon, all)
            .iter()
            .flat_map(|h| h.years.keys().copied())
            .min();
        if let Some(e) = earliest.filter(|e| *e < win.start) {
            let mut o = Out::new(
                Verdict::NotSupported,
                DeliveryMsg::FirstBefore {
                    supplier: sup,
                    recipient: rec,
                    what,
                    year: e,
                    window: win,
                },
            );
            o.window = Some(all);
            o.computed = Some(f64::from(e));
            return Ok(o);
        }
        if earliest == Some(all.start) {
            return Err(Out::fail(DeliveryMsg::FirstInFirstYear {
                supplier: sup,
                recipient: rec,
                what,
                year: all.start,
            }));
        }
    }
    let near = match c.weapon.kind {
        Some(k) if found.is_empty() && c.weapon.designation.is_none() => {
            near_hits(rel, s, r, k, win)
        }
        _ => Vec::new(),
    };
    if !near.is_empty() {
        let mut o = cannot(with_month(
            DeliveryMsg::NoneButNear {
                supplier: sup,
                recipient: rec,
                what,
                window: win,
                near,
            }
            .into(),
        ));
        o.window = Some(win);
        return Ok(o);
    }
    let mut o = if found.is_empty() {
        let elsewhere = hits(rel, s, r, &c.weapon, all);
        let years = years_of(&elsewhere);
        let text = if years.is_empty() {
            DeliveryMsg::NoneInRelease {
                supplier: sup,
                recipient: rec,
                what: what.clone(),
                span: all,
            }
        } else {
            DeliveryMsg::NoneInWindow {
                supplier: sup,
                recipient: rec,
                what: what.clone(),
                window: win,
                years,
                deals: listed(&elsewhere, 3),
            }
        };
        Out::new(Verdict::NotSupported, with_month(text.into()))
    } else {
        found_deliveries(c, &found, win, with_month)
    };
    o.window = Some(win);
    o.tolerance = Some(Tol::DeliveryIn {
        family: c.weapon.designation.as_deref().map(family),
        what,
        window: win,
        units: c.number,
    });
    Ok(o)
}

/// SIPRI lists deliveries in the window: the designation and count decide.
fn found_deliveries(
    c: &DeliveryClaim,
    found: &[Hit],
    win: Window,
    with_month: impl Fn(Msg) -> Msg,
) -> Out {
    let units: u32 = found
        .iter()
        .flat_map(|h| h.years.values().map(|v| v.0))
        .sum();
    let tiv: f64 = found.iter().map(|h| h.tiv).sum();
    let est: f64 = found.iter().map(|h| h.est_tiv).sum();
    let mut text = vec![DeliveryMsg::Listed {
        supplier: c.supplier.clone(),
        recipient: c.recipient.clone(),
        window: win,
        deals: listed(found, SHOWN),
        more: found.len().saturating_sub(SHOWN),
    }];
    let mut o = Out::new(Verdict::Supported, FigureMsg::NotAShape);
    if let Some(d) = &c.weapon.designation {
        let exact = found.iter().any(|h| same_designation(d, &h.designation));
        if !exact {
            text.push(DeliveryMsg::DesignationDiffers {
                sipri: found.iter().map(|h| h.designation.clone()).collect(),
                stated: d.clone(),
                family: family(d),
            });
            o.caveat = Some(Caveat::DesignationDiffers);
        }
    }
    if let Some(n) = c.number
        && found.iter().any(|h| h.allocated)
    {
        // Legacy register: per-year numbers are our even split of a deal total.
        o.verdict = Verdict::CannotBeChecked;
        o.caveat = None;
        text.push(DeliveryMsg::UnitsAllocated {
            stated: n,
            units,
            window: win,
        });
    } else if let Some(n) = c.number
        && n != units
    {
        o.verdict = Verdict::NotSupported;
        o.caveat = None;
        text.push(DeliveryMsg::UnitsDiffer {
            stated: n,
            units,
            window: win,
        });
    }
    o.explanation = with_month(Msg::join(text));
    o.computed = (units > 0).then_some(f64::from(units));
    o.estimated = (tiv > 0.0).then(|| est / tiv);
    o
}

pub(crate) fn check_presence(c: &PresenceClaim, rel: &Release) -> Out {
    settle(presence(c, rel))
}

fn presence(c: &PresenceClaim, rel: &Release) -> Result<Out, Box<Out>> {
    bilateral(rel)?;
    crate::check::pair_in_scope(rel, c.supplier.as_ref(), &c.recipient)?;
    let all = span(rel)?;
    let what = c.weapon.clone();
    let (sup, rec) = (c.supplier.clone(), c.recipient.clone());
    let found = match ids(rel, c.supplier.as_ref(), &c.recipient) {
        Some((s, r)) => hits(rel, s, r, &c.weapon, all),
        None => Vec::new(),
    };
    if ids(rel, c.supplier.as_ref(), &c.recipient).is_some() && found.is_empty() {
        no_categories(&c.weapon, rel)?;
    }
    // "delivered Su-30SM helicopters in the past": as for a count.
    if let Some((s, r)) = ids(rel, c.supplier.as_ref(), &c.recipient)
        && let Some(sipri) = crate::deals::other_kind(rel, s, r, &c.weapon, all)
    {
        let mut o = cannot(DeliveryMsg::KindDiffers {
            stated: c.weapon.label(),
            kind: c.weapon.kind.map_or("", |k| k.label()).into(),
            sipri,
        });
        o.window = Some(all);
        return Ok(o);
    }
    // "never bought drones" where SIPRI lists loitering munitions only.
    if found.is_empty()
        && c.presence != Presence::NoLonger
        && let (Some(k), None, Some((s, r))) = (
            c.weapon.kind,
            &c.weapon.designation,
            ids(rel, c.supplier.as_ref(), &c.recipient),
        )
    {
        let near = near_hits(rel, s, r, k, all);
        if !near.is_empty() {
            let mut o = cannot(DeliveryMsg::NoneButNear {
                supplier: sup,
                recipient: rec,
                what,
                window: all,
                near,
            });
            o.window = Some(all);
            return Ok(o);
        }
    }
    let recent = Window {
        start: all.end.saturating_sub(4).max(all.start),
        end: all.end,
    };
    let years = years_of(&found);
    let tiv: f64 = found.iter().map(|h| h.tiv).sum();
    let text = if years.is_empty() {
        DeliveryMsg::NoRecordInSpan {
            supplier: sup,
            recipient: rec,
            what,
            span: all,
        }
    } else {
        DeliveryMsg::ListedWorth {
            supplier: sup,
            recipient: rec,
            what,
            tiv,
            years: years.clone(),
            deals: listed(&found, SHOWN),
            more: found.len().saturating_sub(SHOWN),
        }
    };
    let (ok, tol) = match c.presence {
        Presence::Past => (!years.is_empty(), Tol::AnyRecordIn(all)),
        Presence::Never => (years.is_empty(), Tol::NoRecordAtAll(all)),
        Presence::NoLonger => {
            let before = years.iter().any(|y| *y < recent.start);
            let lately = years.iter().any(|y| recent.contains(*y));
            (
                before && !lately,
                Tol::NoLonger {
                    before: recent.start,
                    recent,
                },
            )
        }
    };
    let mut o = Out::new(verdict(ok), text);
    o.window = Some(all);
    o.tolerance = Some(tol);
    o.computed = Some(tiv);
    Ok(o)
}

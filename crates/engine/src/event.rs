//! Event studies: a country's supplier mix in the N years before it joined a
//! group against the N years after.
//!
//! SIPRI dates deliveries by year only, so the accession year mixes deliveries
//! from before and after the event: it is left out of both windows, unless the
//! member joined on 1 January (then the whole year is "after"). The group's
//! share is taken over a frozen roster, the other members on the accession day,
//! so that both windows measure purchases from the same countries rather than
//! the roster's growth (see `docs/methodology.md`, "Event studies").

use crate::filter::{Direction, Filter, year_span};
use crate::groups::{Group, GroupDate, GroupIndex, GroupShare, group_share};
use crate::metrics::{Partners, partners_once};
use model::{EntityId, Release, Window};
use serde::Serialize;

/// Default number of years on each side.
pub const DEFAULT_YEARS: u16 = 5;

/// What the release can say about the event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum EventStatus {
    /// Both windows lie fully inside the release.
    Complete,
    /// The after window runs past the release's last year; `years` of it are in.
    Truncated { years: u16 },
    /// The release ends before the first post-accession year.
    NoPostAccessionData,
    /// Both windows lie before the release's first year (NATO's founders on
    /// a release from 1995): nothing is known either side, and the mixes are
    /// no data, not zero imports (regression: "complete", 0.0 TIV).
    OutsideRelease,
    /// The before window lies wholly before the release's first year: no
    /// baseline (Austria joining the EU in 1995 on a release from 1995).
    NoPreAccessionData,
    /// Only `years` of the before window are in the release (Poland joining
    /// NATO in 1999: 1994 is outside a release from 1995).
    BeforeTruncated { years: u16 },
    /// The member left again before its first full year in the group
    /// (`left`): there is no "after joining" to measure.
    NoMemberYearAfter,
    /// An earlier spell in the group covers the whole before window: there
    /// is no "before joining" to measure.
    NoOutsideYearBefore,
}

/// One partner's share of the member's imports, before and after.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct PartnerShift {
    pub partner: EntityId,
    /// `None` when the release holds no year of the window: no data, not
    /// zero imports (alignment probe 27: Kazakhstan's "after" joining the
    /// Abraham Accords, past the data, was 0.0 TIV from Israel).
    pub tiv_before: Option<f64>,
    pub tiv_after: Option<f64>,
    /// `None` when the window has no imports.
    pub share_before: Option<f64>,
    pub share_after: Option<f64>,
}

/// The mix around one accession.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventStudy {
    pub group: String,
    /// Entity key of the member (ISO3 for states).
    pub member_key: String,
    /// `None` when the release has no entity with that key (no arms trade at all).
    pub member: Option<EntityId>,
    pub joined: GroupDate,
    /// The accession year, left out of both windows; `None` for a 1 January accession.
    pub excluded_year: Option<u16>,
    /// The before window: `years` before the accession, cut to the years after
    /// `earlier_spell_left` when an earlier spell in the group reaches into it.
    pub before: Window,
    /// The after window as designed, whether or not the release reaches it:
    /// `years` after the accession, cut to the full years in the group when
    /// the member left within them (`left`).
    pub after: Window,
    /// The end of this membership when it falls inside the designed after
    /// window (Uzbekistan suspended its CSTO membership in 2012, six years
    /// after rejoining): later years would count purchases made outside the
    /// group as "after joining". Its year mixes both and is left out.
    pub left: Option<GroupDate>,
    /// The end of an earlier spell of the same member inside the designed
    /// before window (Uzbekistan's first CSTO membership, until 1999): years
    /// in the group are no baseline for joining it.
    pub earlier_spell_left: Option<GroupDate>,
    /// The part of `after` inside the release.
    pub after_in_data: Option<Window>,
    /// True when the before window starts before the release's first year.
    pub before_clipped: bool,
    pub status: EventStatus,
    /// Keys of the other members on the accession day: the group share's roster.
    pub roster: Vec<String>,
    pub before_mix: Partners,
    /// `None` when there are no post-accession years in the release.
    pub after_mix: Option<Partners>,
    pub group_before: GroupShare,
    pub group_after: Option<GroupShare>,
    pub partner: Option<PartnerShift>,
}

impl EventStudy {
    /// Whether the before window holds years outside the group: with an
    /// earlier spell covering all of it, its figures measure membership, not
    /// a baseline, and are shown as none (API probe 14).
    pub fn before_measured(&self) -> bool {
        self.status != EventStatus::NoOutsideYearBefore
    }
}

/// What to study around each accession.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct EventOptions {
    /// Years on each side (at least 1).
    pub years: u16,
    /// Also report this supplier's share (e.g. Israel).
    pub partner: Option<EntityId>,
    /// Category and basis; its window is ignored.
    pub filter: Filter,
}

/// The before/after windows and the excluded accession year for an accession on
/// `joined`, `n` years each side.
pub fn event_windows(joined: GroupDate, n: u16) -> (Window, Window, Option<u16>) {
    let n = n.max(1);
    let y = joined.year;
    let before = Window {
        start: y.saturating_sub(n),
        end: y.saturating_sub(1),
    };
    let (first_after, excluded) = if joined.is_new_year() {
        (y, None)
    } else {
        (y.saturating_add(1), Some(y))
    };
    let after = Window {
        start: first_after,
        end: first_after.saturating_add(n - 1),
    };
    (before, after, excluded)
}

/// One accession: `member_key` joining `group` on `joined`.
pub fn event_study(
    rel: &Release,
    group: &Group,
    member_key: &str,
    joined: GroupDate,
    opts: &EventOptions,
) -> EventStudy {
    let (designed_before, designed_after, excluded_year) = event_windows(joined, opts.years);
    let spells = || group.spells.iter().filter(|s| s.member == member_key);
    // This spell's exit inside the after window: only full member years count.
    let left = spells()
        .find(|s| s.joined == Some(joined))
        .and_then(|s| s.left)
        .filter(|l| l.year <= designed_after.end);
    let after_cut = match left {
        Some(l) => l
            .year
            .checked_sub(1)
            .filter(|&end| end >= designed_after.start)
            .map(|end| Window {
                start: designed_after.start,
                end,
            }),
        None => Some(designed_after),
    };
    // An earlier spell reaching into the before window: only full years
    // outside the group count.
    let earlier_spell_left = spells()
        .filter(|s| s.joined.is_some_and(|j| j < joined))
        .filter_map(|s| s.left)
        .filter(|l| *l <= joined && l.year >= designed_before.start)
        .max();
    let before_cut = match earlier_spell_left {
        Some(l) => {
            // A 1 January exit leaves the whole year outside the group.
            let start = if l.is_new_year() { l.year } else { l.year + 1 };
            (start <= designed_before.end).then_some(Window {
                start,
                end: designed_before.end,
            })
        }
        None => Some(designed_before),
    };
    let before = before_cut.unwrap_or(designed_before);
    let after = after_cut.unwrap_or(designed_after);
    let member = rel.entities.by_key(member_key);
    // An id no flow carries: an absent member gets empty, well-formed results.
    let focus = member.unwrap_or(EntityId::MAX);
    let roster: Vec<String> = group
        .members_on(joined)
        .into_iter()
        .filter(|k| *k != member_key)
        .map(str::to_string)
        .collect();
    let roster_ids: Vec<EntityId> = roster
        .iter()
        .filter_map(|k| rel.entities.by_key(k))
        .collect();
    let frozen = GroupIndex::fixed(&group.name, &roster_ids);
    // A year SIPRI had not finished publishing is no "after" year
    // (hostile-files recheck: Sweden's NATO "after" was 2025 alone, 0.00 TIV).
    let span =
        year_span(rel).map(|(a, b)| (a, crate::filter::last_complete_year(rel).unwrap_or(b)));
    let (first, last) = span.unwrap_or((u16::MAX, 0));
    let before_clipped = before.start < first;
    // The parts of each window the release holds.
    let inside = |w: Window| {
        let (a, b) = (w.start.max(first), w.end.min(last));
        (a <= b).then_some(Window { start: a, end: b })
    };
    let after_in_data = after_cut.and_then(inside);
    let before_in_data = inside(before);
    let status = match (before_in_data, after_in_data) {
        _ if after_cut.is_none() => EventStatus::NoMemberYearAfter,
        _ if before_cut.is_none() => EventStatus::NoOutsideYearBefore,
        _ if span.is_some_and(|_| after.end < first) => EventStatus::OutsideRelease,
        (_, None) => EventStatus::NoPostAccessionData,
        (_, Some(w)) if w.end < after.end || w.start > after.start => {
            EventStatus::Truncated { years: w.len() }
        }
        (None, Some(_)) => EventStatus::NoPreAccessionData,
        (Some(b), Some(_)) if b.len() < before.len() => {
            EventStatus::BeforeTruncated { years: b.len() }
        }
        _ => EventStatus::Complete,
    };
    let mix = |w: Window| partners_once(rel, focus, Direction::Imports, &opts.filter.at(w));
    let gshare =
        |w: Window| group_share(rel, focus, Direction::Imports, &frozen, &opts.filter.at(w));
    let before_mix = mix(before);
    let after_mix = after_in_data.map(mix);
    // A member is no partner of its own imports (API probe 14: Sweden's own
    // row, "share before 0.0 %", when every NATO member was studied).
    let partner = opts.partner.filter(|&p| Some(p) != member).map(|p| {
        let get = |m: &Partners| m.get(p).map_or(0.0, |s| s.tiv);
        let share = |m: &Partners| (m.total > 0.0).then(|| get(m) / m.total);
        PartnerShift {
            partner: p,
            tiv_before: before_in_data.map(|_| get(&before_mix)),
            tiv_after: after_mix.as_ref().map(get),
            share_before: share(&before_mix),
            share_after: after_mix.as_ref().and_then(share),
        }
    });
    EventStudy {
        group: group.name.clone(),
        member_key: member_key.to_string(),
        member,
        joined,
        excluded_year,
        before,
        after,
        left,
        earlier_spell_left,
        after_in_data,
        before_clipped,
        status,
        roster,
        group_before: gshare(before),
        group_after: after_in_data.map(gshare),
        before_mix,
        after_mix,
        partner,
    }
}

/// Every accession in `group` (each spell's joining; founding members too), or
/// only `member`'s, in the group file's order. Spells without a joining date
/// (ad-hoc groups) have no event and are skipped.
pub fn event_studies(
    rel: &Release,
    group: &Group,
    member: Option<&str>,
    opts: &EventOptions,
) -> Vec<EventStudy> {
    group
        .spells
        .iter()
        .filter(|s| member.is_none_or(|m| s.member == m))
        .filter_map(|s| {
            s.joined
                .map(|j| event_study(rel, group, &s.member, j, opts))
        })
        .collect()
}

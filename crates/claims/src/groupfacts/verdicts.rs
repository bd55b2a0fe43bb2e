//! Verdicts of shape (i): a group fact against the group table.

use super::{GroupClaim, GroupFact, Tense, announced, note_dates};
use crate::check::{Out, Verdict, cannot, verdict};
use crate::claim::Party;
use crate::i18n::{GroupMsg, Msg, Record, Tol};
use crate::shapes::GroupTable;
use crate::when::Date;
use engine::groups::{Group, GroupDate, Spell};

fn agrees(stated: &Date, table: &GroupDate) -> bool {
    stated.year.is_none_or(|y| y == table.year)
        && stated.month.is_none_or(|m| m == table.month)
        && match (stated.day, table.day) {
            (Some(a), Some(b)) => a == b,
            (Some(_), None) => false,
            _ => true,
        }
}

/// The member `key` as a party (SIPRI's name where the name table has it).
fn member(key: &str) -> Party {
    let name = sipri::names::Resolver::builtin()
        .by_key(key)
        .map_or_else(|| key.to_string(), |e| e.name.clone());
    Party::new(key, &name)
}

/// The table's UNCERTAIN note: "ANNOUNCED by Trump 2025-11-06".
fn uncertain(sp: &Spell) -> Option<String> {
    let (_, rest) = sp.note.split_once("UNCERTAIN")?;
    let why = rest.trim_start_matches([':', ' ']);
    Some(why.split(';').next().unwrap_or("").trim().to_string())
}

fn record(s: &Spell) -> Record {
    Record {
        joined: s.joined,
        announced: announced(&s.note),
        uncertain: uncertain(s),
    }
}

fn first_spells(g: &Group) -> Option<(GroupDate, Vec<&Spell>)> {
    let first = g.spells.iter().filter_map(|s| s.joined).min()?;
    Some((
        first,
        g.spells
            .iter()
            .filter(|s| s.joined == Some(first))
            .collect(),
    ))
}

pub(crate) fn check(c: &GroupClaim, groups: &GroupTable) -> Out {
    let mut o = match groups.set.get(&c.group) {
        None => cannot(GroupMsg::NoGroup(c.group.clone())),
        Some(g) => fact(c, g),
    };
    o.explanation = Msg::WithSource(Box::new(o.explanation), groups.source_of(&c.group));
    o.citation = Some(groups.source(&c.group));
    o
}

fn with_tolerance(mut o: Out, t: Tol) -> Out {
    o.tolerance = Some(t);
    o
}

fn fact(c: &GroupClaim, g: &Group) -> Out {
    let group = g.name.clone();
    match &c.fact {
        GroupFact::FirstSigned { date } => {
            let Some((first, spells)) = first_spells(g) else {
                return cannot(GroupMsg::NoDatedMembership(group));
            };
            let who: Vec<Party> = spells.iter().map(|s| member(&s.member)).collect();
            // The table may date a group from a predecessor treaty (the EEC for
            // the EU, the 1992 treaty for the CSTO) while its notes give the
            // later founding: then "founded in" depends on the definition.
            let other = (!agrees(date, &first))
                .then(|| {
                    spells
                        .iter()
                        .find(|s| note_dates(&s.note).iter().any(|d| agrees(date, d)))
                })
                .flatten();
            let o = match other {
                Some(sp) => cannot(GroupMsg::FirstDateAmbiguous {
                    group,
                    first,
                    who,
                    stated: *date,
                    note: sp.note.clone(),
                }),
                None => Out::new(
                    verdict(agrees(date, &first)),
                    GroupMsg::FirstDate {
                        group,
                        first,
                        who,
                        stated: *date,
                    },
                ),
            };
            with_tolerance(o, Tol::SameDate)
        }
        GroupFact::FirstMembers { members } => {
            let Some((first, spells)) = first_spells(g) else {
                return cannot(GroupMsg::NoDatedMembership(group));
            };
            let missing: Vec<(Party, Option<GroupDate>)> = members
                .iter()
                .filter(|m| !spells.iter().any(|s| s.member == m.key))
                .map(|m| {
                    let d = g
                        .spells
                        .iter()
                        .find(|s| s.member == m.key)
                        .and_then(|s| s.joined);
                    (m.clone(), d)
                })
                .collect();
            let who: Vec<Party> = spells.iter().map(|s| member(&s.member)).collect();
            let o = Out::new(
                verdict(missing.is_empty()),
                GroupMsg::FirstMembers {
                    group,
                    first,
                    who,
                    missing,
                },
            );
            with_tolerance(o, Tol::AmongFirstMembers)
        }
        GroupFact::Announced { member, date } => {
            let sp = g.spells.iter().find(|s| s.member == member.key);
            match sp.and_then(|s| announced(&s.note).map(|a| (s, a))) {
                Some((s, a)) => with_tolerance(
                    Out::new(
                        verdict(agrees(date, &a)),
                        GroupMsg::AnnouncementRecorded {
                            member: member.clone(),
                            group,
                            on: a,
                            stated: *date,
                            uncertain: uncertain(s),
                        },
                    ),
                    Tol::SameDate,
                ),
                None => cannot(GroupMsg::NoAnnouncement {
                    member: member.clone(),
                    group,
                }),
            }
        }
        GroupFact::Joined {
            member,
            date,
            tense,
        } => {
            let spells: Vec<&Spell> = g.spells.iter().filter(|s| s.member == member.key).collect();
            let records: Vec<Record> = spells.iter().map(|s| record(s)).collect();
            let member = member.clone();
            if *tense != Tense::Past {
                return cannot(GroupMsg::FutureAccession {
                    member,
                    group,
                    future: *tense == Tense::Future,
                    records,
                });
            }
            if spells.is_empty() {
                return Out::new(
                    Verdict::NotSupported,
                    GroupMsg::NoMembership { member, group },
                );
            }
            let only_announced = spells.iter().all(|s| s.note.contains("ANNOUNCED"));
            let o = if only_announced {
                cannot(GroupMsg::OnlyAnnounced {
                    member,
                    group,
                    dated: date.is_some(),
                    records,
                })
            } else {
                let ok = date.is_none_or(|d| {
                    spells
                        .iter()
                        .any(|s| s.joined.is_some_and(|j| agrees(&d, &j)))
                });
                Out::new(
                    verdict(ok),
                    GroupMsg::MemberRecords {
                        member,
                        group,
                        records,
                        stated: *date,
                    },
                )
            };
            with_tolerance(o, Tol::SameDate)
        }
    }
}

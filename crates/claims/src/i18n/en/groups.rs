//! Facts of the group table.

use super::*;
use crate::i18n::GroupMsg;

pub(super) fn text(m: &GroupMsg) -> String {
    use GroupMsg::*;
    match m {
        NoGroup(g) => format!("the group table has no group \"{g}\""),
        NoDatedMembership(g) => {
            format!("the group table has no dated membership of {g}")
        }
        FirstDateAmbiguous {
            group,
            first,
            who,
            stated,
            note,
        } => format!(
            "the group table dates {group} from {first} ({}), but its notes also give {stated} (\"{note}\"): which date counts as the first signature or founding is a matter of definition",
            names(who)
        ),
        FirstDate {
            group,
            first,
            who,
            stated,
        } => format!(
            "first date in the group table for {group}: {first} ({}); stated {stated}{}",
            names(who),
            no_year(stated)
        ),
        FirstMembers {
            group,
            first,
            who,
            missing,
        } => {
            let mut text = format!(
                "first members of {group} in the group table ({first}): {}",
                names(who)
            );
            for (m, d) in missing {
                let d = d.map_or("not a member".to_string(), |d| format!("joined {d}"));
                text.push_str(&format!("; {} {d}", m.name));
            }
            text
        }
        AnnouncementRecorded {
            member,
            group,
            on,
            stated,
            uncertain: u,
        } => format!(
            "the group table records the announcement of {}'s accession to {group} on {on}; stated {stated}{}{}",
            member.name,
            no_year(stated),
            uncertain(u)
        ),
        NoAnnouncement { member, group } => format!(
            "the group table records no announcement date for {} in {group}",
            member.name
        ),
        FutureAccession {
            member,
            group,
            future,
            records: r,
        } => {
            let why = if *future {
                format!(
                    "a statement about the future ({} will join {group}) is not checkable",
                    member.name
                )
            } else {
                format!(
                    "an undated accession in the present tense ({} joins {group}) is news of an event under way, not checkable",
                    member.name
                )
            };
            if r.is_empty() {
                format!(
                    "{why}; the group table records no accession or announcement for {}",
                    member.name
                )
            } else {
                format!(
                    "{why}; the group table records {}: {}",
                    member.name,
                    records(r)
                )
            }
        }
        NoMembership { member, group } => format!(
            "the group table lists no membership of {} in {group}",
            member.name
        ),
        OnlyAnnounced {
            member,
            group,
            dated,
            records: r,
        } => format!(
            "the group table records only an announced accession of {} to {group}{}: {}",
            member.name,
            if *dated {
                ", no signing or accession date"
            } else {
                ""
            },
            records(r)
        ),
        MemberRecords {
            member,
            group,
            records: r,
            stated,
        } => match stated {
            Some(d) => format!("{} in {group}: {}; stated {d}", member.name, records(r)),
            None => format!("{} in {group}: {}", member.name, records(r)),
        },
    }
}

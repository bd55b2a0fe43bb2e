//! Facts of the group table.

use super::*;
use crate::i18n::GroupMsg;

pub(super) fn text(m: &GroupMsg) -> String {
    use GroupMsg::*;
    match m {
        NoGroup(g) => format!("Die Gruppentabelle enthält keine Gruppe „{g}“"),
        NoDatedMembership(g) => {
            format!("Die Gruppentabelle enthält keine datierte Mitgliedschaft in {g}")
        }
        FirstDateAmbiguous {
            group,
            first,
            who,
            stated,
            note,
        } => format!(
            "Die Gruppentabelle datiert {group} auf den {} ({}), ihre Anmerkungen nennen aber auch {} („{note}“): welches Datum als erste Unterzeichnung oder Gründung gilt, ist eine Frage der Definition",
            gdate(first),
            lands(who),
            date(stated)
        ),
        FirstDate {
            group,
            first,
            who,
            stated,
        } => format!(
            "Erstes Datum in der Gruppentabelle für {group}: {} ({}); angegeben: {}{}",
            gdate(first),
            lands(who),
            date(stated),
            no_year(stated)
        ),
        FirstMembers {
            group,
            first,
            who,
            missing,
        } => {
            let mut text = format!(
                "Erste Mitglieder von {group} laut Gruppentabelle ({}): {}",
                gdate(first),
                lands(who)
            );
            for (m, d) in missing {
                let d = d.map_or("kein Mitglied".to_string(), |d| {
                    format!("beigetreten am {}", gdate(&d))
                });
                text.push_str(&format!("; {} {d}", land(m)));
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
            "Die Gruppentabelle verzeichnet für {group} einen angekündigten Beitritt (Land: {}), angekündigt am {}; angegeben: {}{}{}",
            land(member),
            gdate(on),
            date(stated),
            no_year(stated),
            uncertain(u)
        ),
        NoAnnouncement { member, group } => format!(
            "Die Gruppentabelle verzeichnet für {group} kein Ankündigungsdatum (Land: {})",
            land(member)
        ),
        FutureAccession {
            member,
            group,
            future,
            records: r,
        } => {
            let why = if *future {
                format!(
                    "Eine Aussage über die Zukunft (künftiger Beitritt zu {group}, Land: {}) ist nicht überprüfbar",
                    land(member)
                )
            } else {
                format!(
                    "Ein undatierter Beitritt im Präsens (Beitritt zu {group}, Land: {}) meldet ein laufendes Ereignis und ist nicht überprüfbar",
                    land(member)
                )
            };
            if r.is_empty() {
                format!(
                    "{why}; die Gruppentabelle verzeichnet für das Land {} weder Beitritt noch Ankündigung",
                    land(member)
                )
            } else {
                format!(
                    "{why}; die Gruppentabelle verzeichnet für das Land {}: {}",
                    land(member),
                    records(r)
                )
            }
        }
        NoMembership { member, group } => format!(
            "Die Gruppentabelle verzeichnet keine Mitgliedschaft in {group} (Land: {})",
            land(member)
        ),
        OnlyAnnounced {
            member,
            group,
            dated,
            records: r,
        } => format!(
            "Die Gruppentabelle verzeichnet für {group} nur einen angekündigten Beitritt (Land: {}){}: {}",
            land(member),
            if *dated {
                ", kein Datum der Unterzeichnung oder des Beitritts"
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
            Some(d) => format!(
                "{} in {group}: {}; angegeben: {}",
                land(member),
                records(r),
                date(d)
            ),
            None => format!("{} in {group}: {}", land(member), records(r)),
        },
    }
}

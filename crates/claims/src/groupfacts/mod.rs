//! (i) Facts of the group table: a group's first signature (or founding)
//! date, its first members, a member's accession date ("X joined Y in <month
//! year>"), the announcement of an accession, and a future accession, which is
//! not checkable though its announcement date is. The source is the group
//! table (built-in or `--groups FILE`), named in every answer.

mod verdicts;

pub(crate) use verdicts::check;

use crate::claim::Party;
use crate::features::Form;
use crate::i18n::{Msg, Reason};
use crate::shapes::Sent;
use crate::when::Date;
use engine::groups::GroupDate;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Tense {
    Past,
    /// "tritt … bei", "joins": undated news of an accession under way.
    Present,
    /// "wird … beitreten", "will join".
    Future,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "fact", rename_all = "snake_case")]
pub enum GroupFact {
    FirstSigned {
        date: Date,
    },
    FirstMembers {
        members: Vec<Party>,
    },
    Joined {
        member: Party,
        date: Option<Date>,
        tense: Tense,
    },
    Announced {
        member: Party,
        date: Date,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupClaim {
    /// The group's name as in the table ("Abraham Accords").
    pub group: String,
    pub fact: GroupFact,
}

impl std::fmt::Display for GroupClaim {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "group \"{}\" ", self.group)?;
        match &self.fact {
            GroupFact::FirstSigned { date } => write!(f, "first-signed = {date}"),
            GroupFact::FirstMembers { members } => write!(
                f,
                "first-members = {}",
                members
                    .iter()
                    .map(Party::token)
                    .collect::<Vec<_>>()
                    .join(",")
            ),
            GroupFact::Joined {
                member,
                date,
                tense,
            } => match (tense, date) {
                (Tense::Future, _) => write!(f, "will-join {}", member.token()),
                (_, Some(d)) => write!(f, "joined {} = {d}", member.token()),
                (Tense::Present, None) => write!(f, "joins {}", member.token()),
                (Tense::Past, None) => write!(f, "joined {}", member.token()),
            },
            GroupFact::Announced { member, date } => {
                write!(f, "announced {} = {date}", member.token())
            }
        }
    }
}

/// The group a word (and the next) names, built-in names and their German forms.
fn group_at(s: &Sent, i: usize) -> Option<&'static str> {
    group_at_token(&s.s.tokens, i)
}

/// The group (as the table names it) that token `i` names, if any.
pub(crate) fn group_at_token(t: &[crate::lex::Token], i: usize) -> Option<&'static str> {
    let norm = |k: usize| t.get(k).map_or("", |x| x.norm.as_str());
    // "NATO's", "NATO-Mitglied", "NATO-Beitritt".
    let full = norm(i);
    let w = full
        .strip_suffix("'s")
        .or_else(|| full.strip_suffix("’s"))
        .unwrap_or(full);
    let w = match w.split_once('-') {
        Some((head, _)) if !head.starts_with("abraham") => head,
        _ => w,
    };
    let next = norm(i + 1);
    let text = t.get(i).map_or("", |x| x.text.as_str());
    Some(match w {
        _ if w.starts_with("abraham-abkommen") || w.starts_with("abraham-accord") => {
            "Abraham Accords"
        }
        "abraham" if next.starts_with("accord") || next.starts_with("abkommen") => {
            "Abraham Accords"
        }
        "nato" => "NATO",
        "csto" | "ovks" | "odkb" => "CSTO",
        "sco" | "soz" => "SCO",
        "shanghai" | "shanghaier" if next.starts_with("co") || next.starts_with("organi") => "SCO",
        "eaeu" | "eawu" => "EAEU",
        "eurasian" | "eurasische" | "eurasischen"
            if next.starts_with("economic") || next.starts_with("wirtschaft") =>
        {
            "EAEU"
        }
        "eu" if text == "EU" => "EU",
        "european" | "europaische" | "europaischen" if next == "union" => "EU",
        _ => return None,
    })
}

fn is_join(w: &str) -> bool {
    matches!(
        w,
        "joined"
            | "join"
            | "joins"
            | "joining"
            | "acceded"
            | "accede"
            | "accedes"
            | "beitreten"
            | "beigetreten"
            | "beitrat"
            | "beitraten"
            | "beizutreten"
    )
}

fn is_sign(w: &str) -> bool {
    w.starts_with("unterzeichn") || matches!(w, "signed" | "signing" | "signature")
}

fn is_found(w: &str) -> bool {
    matches!(
        w,
        "founded"
            | "established"
            | "created"
            | "gegrundet"
            | "gegrundete"
            | "gegrundeten"
            | "gegrundetes"
            | "grundung"
            | "founding"
    )
}

fn is_announce(w: &str) -> bool {
    matches!(
        w,
        "announced"
            | "announces"
            | "announcement"
            | "bekannt"
            | "bekanntgegeben"
            | "angekundigt"
            | "ankundigte"
    )
}

pub(crate) fn extract(s: &Sent) -> Vec<Result<crate::Claim, Msg>> {
    let n = s.s.tokens.len();
    let Some(group) = (0..n).find_map(|i| group_at(s, i)) else {
        return Vec::new();
    };
    if s.negated() {
        return vec![Err(Reason::GroupNegated(group.to_string()).into())];
    }
    let group_tok = |m: &crate::features::Mention| (m.idx..m.end).any(|k| group_at(s, k).is_some());
    let claim = |fact| {
        Ok(crate::Claim::Group(GroupClaim {
            group: group.into(),
            fact,
        }))
    };
    let mut out = Vec::new();
    let date_near = |idx: usize| {
        s.whens
            .iter()
            .filter(|w| w.date.is_some())
            .min_by_key(|w| w.idx.abs_diff(idx))
            .and_then(|w| w.date)
    };
    // First members: "beginnend mit den Vereinigten Arabischen Emiraten und Bahrain".
    let fm = (0..n).find(|&i| {
        let (a, b) = (s.norm(i), s.norm(i + 1));
        matches!(
            (a, b),
            (
                "beginnend" | "beginning" | "starting" | "angefangen",
                "mit" | "with"
            )
        ) || matches!((a, b), ("founding" | "first" | "original", "members"))
            || matches!((a, b), ("ersten", "mitglieder"))
            || a.starts_with("grundungsmitglied")
    });
    if let Some(i) = fm {
        let members: Vec<Party> =
            s.f.mentions
                .iter()
                .filter(|m| m.idx > i && !group_tok(m))
                .map(|m| m.party.clone())
                .collect();
        if !members.is_empty() {
            out.push(claim(GroupFact::FirstMembers { members }));
        }
    }
    let first_marker = s.has(|w| {
        matches!(
            w,
            "erstmalig" | "erstmals" | "first" | "originally" | "ursprunglich" | "zuerst"
        )
    });
    let sign = s.word(is_sign);
    let found = s.word(is_found);
    let member = s
        .mention(|m| m.form == Form::Noun && m.prep.is_none() && !group_tok(m))
        .map(|m| (m.party.clone(), m.idx));
    let member_before_sign = matches!((&member, sign), (Some((_, mi)), Some(si)) if *mi < si);
    let mut signing_date_idx = None;
    if let Some(i) = found.or(sign.filter(|_| first_marker || !member_before_sign))
        && fm.is_none_or(|f| f > i)
        && let Some(d) = date_near(i)
    {
        signing_date_idx = s.whens.iter().find(|w| w.date == Some(d)).map(|w| w.idx);
        out.push(claim(GroupFact::FirstSigned { date: d }));
    }
    let future = s.has(|w| {
        matches!(
            w,
            "wird" | "werden" | "will" | "soon" | "zeitnah" | "bald" | "shall"
        )
    }) || s.pair("set", "to")
        || s.pair("plans", "to");
    let announce = s.word(is_announce);
    let join = s
        .word(is_join)
        .or_else(|| {
            let trat = s.word(|w| matches!(w, "trat" | "tritt" | "traten" | "treten"))?;
            (trat..n).find(|&k| s.norm(k) == "bei")
        })
        .or_else(|| {
            let b = s.word(|w| matches!(w, "became" | "becomes" | "wurde"))?;
            (b..n.min(b + 4)).find(|&k| matches!(s.norm(k), "member" | "mitglied"))
        })
        .or_else(|| {
            // "ist seit März 2024 Mitglied der NATO", "a member since 1999".
            let since = s.whens.iter().any(|w| crate::when::since(&s.s.tokens, w));
            s.word(|w| w == "member" || w.ends_with("mitglied") || w.ends_with("mitgliedstaat"))
                .filter(|_| since)
        })
        .or(sign.filter(|_| member_before_sign && !first_marker));
    let Some((member, _)) = member else {
        return out;
    };
    // "Finland and Sweden joined NATO in 2023", "Finnland trat 2023 der NATO
    // bei, Schweden 2023": every country named is a member said to have
    // joined (regression: only the first was checked, and the sentence was
    // supported though Sweden joined in 2024). With "respectively" the dates
    // pair with the countries in an order this reading does not follow.
    let mut members: Vec<Party> = Vec::new();
    for m in s.f.mentions.iter() {
        // A conjunct ("and Sweden") reads as in a prepositional phrase.
        let link = |w: &str| matches!(w, "and" | "und" | "sowie" | ",");
        let before = |k: usize| m.idx.checked_sub(k).map_or("", |j| s.norm(j));
        let conjunct = link(before(1))
            || matches!(before(1), "the" | "die" | "den" | "der") && link(before(2));
        if m.form == Form::Noun
            && (m.prep.is_none() || conjunct)
            && !group_tok(m)
            && !members.contains(&m.party)
        {
            members.push(m.party.clone());
        }
    }
    if members.is_empty() {
        members.push(member.clone());
    }
    if members.len() > 1 && s.has(|w| matches!(w, "respectively" | "beziehungsweise" | "bzw")) {
        return out;
    }
    let other_date = |idx: usize| {
        s.whens
            .iter()
            .filter(|w| w.date.is_some() && Some(w.idx) != signing_date_idx)
            .min_by_key(|w| w.idx.abs_diff(idx))
            .and_then(|w| w.date)
    };
    if let Some(a) = announce
        && let Some(d) = other_date(a)
    {
        for member in members {
            out.push(claim(GroupFact::Announced { member, date: d }));
        }
    } else if let Some(j) = join {
        let date = other_date(j);
        let present = s.has(|w| matches!(w, "tritt" | "joins" | "treten" | "accedes"));
        let tense = if future && date.is_none_or(|d| d.year.is_none()) {
            Tense::Future
        } else if present && date.is_none() {
            Tense::Present
        } else {
            Tense::Past
        };
        let date = if tense == Tense::Future { None } else { date };
        for member in members {
            out.push(claim(GroupFact::Joined {
                member,
                date,
                tense,
            }));
        }
    }
    out
}

/// The announcement date a note records: "announced 2020-08-13", "ANNOUNCED by Trump 2025-11-06".
pub fn announced(note: &str) -> Option<GroupDate> {
    // Not via to_lowercase(): its byte offsets need not be the note's.
    let at = ["announced", "ANNOUNCED", "Announced"]
        .iter()
        .filter_map(|p| note.find(p))
        .min()?;
    let tail = &note[at..];
    let b = tail.as_bytes();
    (0..tail.len().min(80)).find_map(|i| {
        let cand = tail.get(i..i + 10)?;
        let ok = b.get(i).is_some_and(u8::is_ascii_digit) && (i == 0 || !b[i - 1].is_ascii_digit());
        if ok {
            GroupDate::parse(cand).ok()
        } else {
            None
        }
    })
}

/// Dates written in a note: `2002-10-07`, `2020-08`, or a bare year `1993`
/// (read as that year only: compared at year precision).
pub(crate) fn note_dates(note: &str) -> Vec<GroupDate> {
    let b = note.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i + 4 <= b.len() {
        let boundary = i == 0 || !b[i - 1].is_ascii_alphanumeric();
        // An announcement is not a signing: "announced 2020-08-13".
        let announced = (i.saturating_sub(30)..i)
            .find_map(|k| note.get(k..i))
            .is_some_and(|before| before.to_lowercase().contains("announc"));
        if boundary && !announced && b[i..i + 4].iter().all(u8::is_ascii_digit) {
            let full = note.get(i..i + 10).and_then(|x| GroupDate::parse(x).ok());
            let month = note.get(i..i + 7).and_then(|x| GroupDate::parse(x).ok());
            let year = note
                .get(i..i + 4)
                .and_then(|y| y.parse::<u16>().ok())
                .filter(|y| (1900..=2100).contains(y))
                .filter(|_| !b.get(i + 4).is_some_and(u8::is_ascii_alphanumeric));
            if let Some(d) = full.or(month) {
                out.push(d);
            } else if let Some(y) = year {
                // A year alone: month 0 never equals a stated month.
                out.push(GroupDate {
                    year: y,
                    month: 0,
                    day: None,
                });
            }
            i += 4;
            continue;
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn announcement_dates_in_notes() {
        assert_eq!(
            announced("Kazakhstan; UNCERTAIN: ANNOUNCED by Trump 2025-11-06; Kazakh MFA")
                .map(|d| d.to_string()),
            Some("2025-11-06".into())
        );
        assert_eq!(
            announced(
                "United Arab Emirates; announced 2020-08-13; signed at White House 2020-09-15"
            )
            .map(|d| d.to_string()),
            Some("2020-08-13".into())
        );
        assert_eq!(announced("Belgium; founding member"), None);
        let d: Vec<String> = note_dates(
            "CST in force 1994-04-20; CSTO charter signed 2002-10; EEC/EC before 1993; announced 2020-08-13",
        )
        .iter()
        .map(|d| format!("{}-{}", d.year, d.month))
        .collect();
        assert_eq!(d, ["1994-4", "2002-10", "1993-0"]);
    }
}

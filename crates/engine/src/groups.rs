//! Alignment groups (NATO, CSTO, the Abraham Accords …) as dated membership
//! spells, and the share of a country's imports or exports that involved members.
//!
//! Membership changes over time and SIPRI dates deliveries only by year, so one
//! rule decides every partial year: **a member counts toward its group for
//! delivery year Y iff it was a member on 1 July of Y** (see
//! `docs/methodology.md`, "Alignment groups").

use model::{EntityId, Release};
use serde::Serialize;
use std::collections::HashMap;

mod share;
pub use share::{GroupShare, MemberTiv, group_share, group_share_series};

/// Our reviewed default membership table, compiled into the binary.
const BUILTIN: &str = include_str!("../data/groups.csv");

/// A date of joining or leaving. Sources sometimes give only the month (`1999-04`);
/// such a date is read as the 1st of that month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct GroupDate {
    pub year: u16,
    pub month: u8,
    /// `None` when the source gives the month only.
    pub day: Option<u8>,
}

impl GroupDate {
    /// Parses `YYYY-MM-DD` or `YYYY-MM`.
    pub fn parse(s: &str) -> Result<GroupDate, String> {
        let t = s.trim();
        let bad = || format!("'{t}' is not a date: write YYYY-MM-DD or YYYY-MM");
        let parts: Vec<&str> = t.split('-').collect();
        let num = |p: &str, len: usize| -> Result<u32, String> {
            if p.len() != len || !p.bytes().all(|b| b.is_ascii_digit()) {
                return Err(bad());
            }
            p.parse().map_err(|_| bad())
        };
        let (year, month, day) = match parts.as_slice() {
            [y, m] => (num(y, 4)?, num(m, 2)?, None),
            [y, m, d] => (num(y, 4)?, num(m, 2)?, Some(num(d, 2)?)),
            _ => return Err(bad()),
        };
        if !(1900..=2100).contains(&year) {
            return Err(format!("year {year} is outside 1900-2100"));
        }
        if !(1..=12).contains(&month) {
            return Err(format!("'{t}': month {month} does not exist"));
        }
        if let Some(d) = day
            && (d < 1 || d > days_in_month(year as u16, month as u8) as u32)
        {
            return Err(format!("'{t}': day {d} does not exist in that month"));
        }
        Ok(GroupDate {
            year: year as u16,
            month: month as u8,
            day: day.map(|d| d as u8),
        })
    }

    /// A full date.
    pub fn ymd(year: u16, month: u8, day: u8) -> GroupDate {
        GroupDate {
            year,
            month,
            day: Some(day),
        }
    }

    /// The day this date stands for (month-only dates: the 1st).
    fn key(&self) -> (u16, u8, u8) {
        (self.year, self.month, self.day.unwrap_or(1))
    }

    /// Whether this is 1 January, i.e. the whole calendar year lies after it.
    pub fn is_new_year(&self) -> bool {
        self.key() == (self.year, 1, 1)
    }
}

impl std::fmt::Display for GroupDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.day {
            Some(d) => write!(f, "{:04}-{:02}-{:02}", self.year, self.month, d),
            None => write!(f, "{:04}-{:02}", self.year, self.month),
        }
    }
}

fn days_in_month(y: u16, m: u8) -> u8 {
    match m {
        2 if (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// One uninterrupted membership: `[joined, left)`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Spell {
    /// Entity key (ISO3 for states).
    pub member: String,
    /// `None`: member in every year (ad-hoc groups).
    pub joined: Option<GroupDate>,
    /// The day membership ended; `None`: still a member.
    pub left: Option<GroupDate>,
    pub note: String,
    /// Source line (0 for ad-hoc groups).
    pub line: usize,
}

impl Spell {
    /// Member on that day?
    pub fn covers(&self, d: GroupDate) -> bool {
        self.joined.is_none_or(|j| j.key() <= d.key())
            && self.left.is_none_or(|l| d.key() < l.key())
    }

    /// The delivery years this spell counts for under the 1-July rule, inclusive;
    /// `None` when the spell covers no 1 July at all.
    pub fn years(&self) -> Option<(u16, u16)> {
        let first = match self.joined {
            None => 0,
            Some(j) if self.covers_mid(j.year) => j.year,
            Some(j) => j.year.checked_add(1)?,
        };
        let last = match self.left {
            None => u16::MAX,
            Some(l) if self.covers_mid(l.year) => l.year,
            Some(l) => l.year.checked_sub(1)?,
        };
        (first <= last).then_some((first, last))
    }

    fn covers_mid(&self, year: u16) -> bool {
        self.covers(GroupDate::ymd(year, 7, 1))
    }
}

/// A named group and all its spells.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Group {
    pub name: String,
    pub spells: Vec<Spell>,
}

impl Group {
    /// A group whose members count in every year (`--group "Name=ISR,TUR"`).
    pub fn all_years(name: &str, keys: &[String]) -> Group {
        let mut spells: Vec<Spell> = Vec::new();
        for k in keys {
            if !spells.iter().any(|s| &s.member == k) {
                spells.push(Spell {
                    member: k.clone(),
                    joined: None,
                    left: None,
                    note: "ad-hoc group: member in every year".into(),
                    line: 0,
                });
            }
        }
        Group {
            name: name.trim().to_string(),
            spells,
        }
    }

    /// Distinct member keys, in file order.
    pub fn members(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for s in &self.spells {
            if !out.contains(&s.member.as_str()) {
                out.push(&s.member);
            }
        }
        out
    }

    /// Whether `key` counts toward the group for delivery year `year` (1-July rule).
    pub fn is_member(&self, key: &str, year: u16) -> bool {
        self.spells
            .iter()
            .filter(|s| s.member == key)
            .any(|s| s.years().is_some_and(|(a, b)| a <= year && year <= b))
    }

    /// Members on a given day.
    pub fn members_on(&self, d: GroupDate) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for s in self.spells.iter().filter(|s| s.covers(d)) {
            if !out.contains(&s.member.as_str()) {
                out.push(&s.member);
            }
        }
        out
    }

    /// Members counting for delivery year `year`.
    pub fn members_in(&self, year: u16) -> Vec<&str> {
        self.members()
            .into_iter()
            .filter(|k| self.is_member(k, year))
            .collect()
    }

    /// This group's membership in `rel`'s entity ids. Keys the release does not
    /// know (a member that never traded arms in it) are listed, not dropped.
    pub fn index(&self, rel: &Release) -> GroupIndex {
        let mut spans: HashMap<EntityId, Vec<(u16, u16)>> = HashMap::new();
        let mut absent = Vec::new();
        for key in self.members() {
            let Some(id) = rel.entities.by_key(key) else {
                absent.push(key.to_string());
                continue;
            };
            let years = self
                .spells
                .iter()
                .filter(|s| s.member == key)
                .filter_map(Spell::years);
            spans.entry(id).or_default().extend(years);
        }
        GroupIndex {
            name: self.name.clone(),
            spans,
            absent,
        }
    }
}

/// A group resolved against one release: which entity counts in which year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupIndex {
    pub name: String,
    spans: HashMap<EntityId, Vec<(u16, u16)>>,
    /// Member keys with no entity in the release.
    pub absent: Vec<String>,
}

impl GroupIndex {
    pub fn contains(&self, id: EntityId, year: u16) -> bool {
        self.spans
            .get(&id)
            .is_some_and(|v| v.iter().any(|&(a, b)| a <= year && year <= b))
    }

    /// A fixed member set regardless of year (the event study's frozen roster).
    pub fn fixed(name: &str, ids: &[EntityId]) -> GroupIndex {
        GroupIndex {
            name: name.to_string(),
            spans: ids.iter().map(|&id| (id, vec![(0, u16::MAX)])).collect(),
            absent: Vec::new(),
        }
    }
}

/// A malformed group file: the 1-based line and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {reason}")]
pub struct GroupError {
    pub line: usize,
    pub reason: String,
}

/// Every group of one membership table.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct GroupSet {
    pub groups: Vec<Group>,
}

const HEADER: [&str; 5] = ["group", "member", "joined", "left", "note"];

impl GroupSet {
    /// The reviewed default table (`crates/engine/data/groups.csv`).
    pub fn builtin() -> GroupSet {
        // The file is ours and a test parses it; an error here is a build defect.
        GroupSet::parse(BUILTIN).unwrap_or_else(|e| panic!("builtin groups.csv: {e}"))
    }

    /// Parses a membership table (format in the builtin file's header comment).
    pub fn parse(text: &str) -> Result<GroupSet, GroupError> {
        let mut set = GroupSet::default();
        let mut seen_header = false;
        // Group by name key, and a member's spells in a group: looked up per
        // line (user-files probe 34: a scan per line took 68 s for a file
        // of 20,000 groups).
        let mut group_at: HashMap<String, usize> = HashMap::new();
        let mut spells_of: HashMap<(usize, String), Vec<usize>> = HashMap::new();
        for (i, raw) in text.lines().enumerate() {
            let line = i + 1;
            let err = |reason: String| GroupError { line, reason };
            let l = raw.trim_start_matches('\u{feff}').trim();
            if l.is_empty() || l.starts_with('#') {
                continue;
            }
            let fields = split_csv_line(l).map_err(err)?;
            if !seen_header {
                let names: Vec<String> = fields.iter().map(|f| f.to_ascii_lowercase()).collect();
                if names.len() < 4 || names.iter().zip(HEADER).any(|(a, b)| a != b) {
                    return Err(err(format!(
                        "expected the header '{}', found '{l}'",
                        HEADER.join(",")
                    )));
                }
                seen_header = true;
                continue;
            }
            if !(4..=5).contains(&fields.len()) {
                return Err(err(format!(
                    "expected 4 or 5 fields (group,member,joined,left[,note]), found {}",
                    fields.len()
                )));
            }
            let group = fields[0].trim();
            let member = fields[1].trim();
            if group.is_empty() {
                return Err(err("empty group name".into()));
            }
            if member.is_empty() || member.contains(char::is_whitespace) {
                return Err(err(format!(
                    "member '{member}' is not an entity key (e.g. KAZ)"
                )));
            }
            let date = |s: &str| -> Result<Option<GroupDate>, GroupError> {
                if s.trim().is_empty() {
                    Ok(None)
                } else {
                    GroupDate::parse(s).map(Some).map_err(err)
                }
            };
            let joined = date(&fields[2])?;
            let left = date(&fields[3])?;
            if let (Some(j), Some(l)) = (joined, left)
                && l.key() <= j.key()
            {
                return Err(err(format!("left {l} is not after joined {j}")));
            }
            let spell = Spell {
                member: member.to_string(),
                joined,
                left,
                note: fields.get(4).map_or("", |s| s.trim()).to_string(),
                line,
            };
            let pos = *group_at.entry(name_key(group)).or_insert_with(|| {
                set.groups.push(Group {
                    name: group.to_string(),
                    spells: Vec::new(),
                });
                set.groups.len() - 1
            });
            let g = &mut set.groups[pos];
            let same = spells_of.entry((pos, spell.member.clone())).or_default();
            if let Some(o) = same
                .iter()
                .map(|&i| &g.spells[i])
                .find(|o| overlaps(o, &spell))
            {
                return Err(err(format!(
                    "{} is already a member of {} in an overlapping spell (line {})",
                    spell.member, g.name, o.line
                )));
            }
            same.push(g.spells.len());
            g.spells.push(spell);
        }
        if !seen_header {
            return Err(GroupError {
                line: text.lines().count().max(1),
                reason: format!("no header line '{}'", HEADER.join(",")),
            });
        }
        Ok(set)
    }

    fn position(&self, name: &str) -> Option<usize> {
        let k = name_key(name);
        self.groups.iter().position(|g| name_key(&g.name) == k)
    }

    /// Case- and punctuation-insensitive lookup (`abraham-accords`, `Abraham Accords`).
    pub fn get(&self, name: &str) -> Option<&Group> {
        self.position(name).map(|p| &self.groups[p])
    }

    pub fn names(&self) -> Vec<&str> {
        self.groups.iter().map(|g| g.name.as_str()).collect()
    }

    /// Adds a group; one with the same name is replaced whole, so a user file can
    /// override a default group rather than silently merging with it.
    pub fn insert(&mut self, g: Group) {
        match self.position(&g.name) {
            Some(p) => self.groups[p] = g,
            None => self.groups.push(g),
        }
    }

    /// Adds every group of `other` as [`GroupSet::insert`] does, by one
    /// lookup each (a user file may hold thousands of groups).
    pub fn extend(&mut self, other: GroupSet) {
        let mut at: HashMap<String, usize> = self
            .groups
            .iter()
            .enumerate()
            .map(|(i, g)| (name_key(&g.name), i))
            .collect();
        for g in other.groups {
            match at.get(&name_key(&g.name)) {
                Some(&p) => self.groups[p] = g,
                None => {
                    at.insert(name_key(&g.name), self.groups.len());
                    self.groups.push(g);
                }
            }
        }
    }

    /// Groups `key` belongs to for delivery year `year`.
    pub fn groups_of(&self, key: &str, year: u16) -> Vec<&str> {
        self.groups
            .iter()
            .filter(|g| g.is_member(key, year))
            .map(|g| g.name.as_str())
            .collect()
    }
}

/// The first name `groups` gives twice (case and punctuation aside): one
/// answer cannot carry two groups under one label (alignment probe 12:
/// `--group NATO --group "NATO=Spain"` printed two rows named "NATO").
pub fn repeated_name(groups: &[Group]) -> Option<&str> {
    let mut seen = std::collections::HashSet::new();
    groups
        .iter()
        .find(|g| !seen.insert(name_key(&g.name)))
        .map(|g| g.name.as_str())
}

fn name_key(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

fn overlaps(a: &Spell, b: &Spell) -> bool {
    let start = |s: &Spell| s.joined.map_or((0, 0, 0), |d| d.key());
    let end = |s: &Spell| s.left.map_or((u16::MAX, 12, 31), |d| d.key());
    start(a) < end(b) && start(b) < end(a)
}

/// Splits one CSV line: `,`-separated, fields optionally in `"..."` with `""`
/// for a quote. Records span one line only, which keeps errors line-exact.
fn split_csv_line(l: &str) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut chars = l.chars().peekable();
    let mut quoted = false;
    let mut at_start = true;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (false, '"') if at_start => quoted = true,
            (false, '"') => return Err("a quote inside an unquoted field".into()),
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cur.push('"');
            }
            (true, '"') => {
                quoted = false;
                if !matches!(chars.peek(), None | Some(',')) {
                    return Err("text after a closing quote".into());
                }
            }
            (false, ',') => {
                out.push(std::mem::take(&mut cur));
                at_start = true;
                continue;
            }
            _ => cur.push(c),
        }
        at_start = false;
    }
    if quoted {
        return Err("unterminated quoted field".into());
    }
    out.push(cur);
    Ok(out)
}

/// Splits an ad-hoc group spec `Name=A,B,C` into its name and member names (not
/// yet resolved: the caller resolves names to keys).
pub fn split_adhoc(spec: &str) -> Result<(String, Vec<String>), String> {
    let Some((name, list)) = spec.split_once('=') else {
        return Err(format!(
            "'{spec}': write NAME=MEMBER,MEMBER,… (e.g. \"Partners=ISR,TUR\")"
        ));
    };
    let name = name.trim();
    if name.is_empty() {
        return Err(format!("'{spec}': the group has no name"));
    }
    let members: Vec<String> = list
        .split(',')
        .map(|m| m.trim().to_string())
        .filter(|m| !m.is_empty())
        .collect();
    if members.is_empty() {
        return Err(format!("'{spec}': the group has no members"));
    }
    Ok((name.to_string(), members))
}

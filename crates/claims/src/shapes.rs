//! The shapes of issue #17, hooked into extraction and checking from here:
//! (f) deliveries of a weapon system ([`crate::weapons`]), (g) existence or
//! absence of deliveries over a period ([`crate::weapons`]), (h) the main or
//! dominant supplier ([`crate::mainsupplier`]), (i) facts of the group table
//! ([`crate::groupfacts`]) and (j) reported speech and forecasts, which are
//! listed as not checkable ([`crate::speech`]).

use crate::check::Checked;
use crate::claim::{Claim, Party, Rank, Role};
use crate::features::{Features, Form, Mention};
use crate::i18n::{GroupSource, Msg};
use crate::lex::Sentence;
use crate::lexicon::Prep;
use crate::rule::Built;
use crate::when::{When, scan};
use engine::groups::GroupSet;
use model::Release;
use std::collections::HashMap;
use std::sync::OnceLock;

/// One sentence as the new shapes see it.
pub(crate) struct Sent<'a> {
    pub s: &'a Sentence,
    pub f: &'a Features,
    /// The last sentence subject before this sentence ("sein", "das Land", "its").
    pub discourse: Option<&'a Party>,
    pub whens: Vec<When>,
}

impl Sent<'_> {
    pub fn norm(&self, i: usize) -> &str {
        self.s.tokens.get(i).map_or("", |t| t.norm.as_str())
    }

    /// Index of the first word satisfying `pred`.
    pub fn word(&self, pred: impl Fn(&str) -> bool) -> Option<usize> {
        self.s
            .tokens
            .iter()
            .position(|t| t.is_word() && pred(&t.norm))
    }

    pub fn has(&self, pred: impl Fn(&str) -> bool) -> bool {
        self.word(pred).is_some()
    }

    /// `a` followed by `b` as the next word.
    pub fn pair(&self, a: &str, b: &str) -> bool {
        (0..self.s.tokens.len()).any(|i| self.norm(i) == a && self.norm(i + 1) == b)
    }

    pub fn mention(&self, pred: impl Fn(&Mention) -> bool) -> Option<&Mention> {
        self.f.mentions.iter().find(|m| pred(m))
    }

    /// The sentence's grammatical subject: the first country noun without a preposition.
    pub fn subject(&self) -> Option<&Party> {
        self.mention(|m| m.form == Form::Noun && m.prep.is_none())
            .map(|m| &m.party)
    }

    /// A negation ("not", "no", "nicht", "kein…", "never", "nie"), but not
    /// "not only" / "nicht nur".
    pub fn negated(&self) -> bool {
        (0..self.s.tokens.len()).any(|i| {
            let (w, next) = (self.norm(i), self.norm(i + 1));
            matches!(
                w,
                "not"
                    | "no"
                    | "didn't"
                    | "didn’t"
                    | "hasn't"
                    | "hasn’t"
                    | "never"
                    | "none"
                    | "nicht"
                    | "nie"
                    | "niemals"
                    | "kein"
                    | "keine"
                    | "keinen"
                    | "keiner"
            ) && !matches!((w, next), ("not", "only") | ("nicht", "nur"))
                || crate::meaning::is_contracted_not(w)
        })
    }

    pub fn source_mention(&self, not: Option<&Party>) -> Option<&Party> {
        self.mention(|m| m.prep == Some(Prep::From) && Some(&m.party) != not)
            .map(|m| &m.party)
    }

    pub fn adjective(&self, not: Option<&Party>) -> Option<&Party> {
        self.mention(|m| m.form == Form::Adjective && Some(&m.party) != not)
            .map(|m| &m.party)
    }
}

/// Where the group facts come from: the built-in table, or it with user files
/// (a group named like a built-in one is replaced), remembering which file
/// defined each group so that an answer names its source.
#[derive(Debug, Clone)]
pub struct GroupTable {
    pub set: GroupSet,
    sources: HashMap<String, GroupSource>,
}

pub const BUILTIN_GROUPS: &str = "armsflow group table (built-in, crates/engine/data/groups.csv)";

impl GroupTable {
    pub fn builtin() -> GroupTable {
        let set = GroupSet::builtin();
        let sources = set
            .groups
            .iter()
            .map(|g| (g.name.to_lowercase(), GroupSource::Builtin))
            .collect();
        GroupTable { set, sources }
    }

    /// Adds (or replaces) the groups of a user file, labelled `source`.
    pub fn add(&mut self, source: &str, user: GroupSet) {
        for g in &user.groups {
            self.sources
                .insert(g.name.to_lowercase(), GroupSource::File(source.to_string()));
        }
        self.set.extend(user);
    }

    /// Where `group` comes from, in words ("group table my.csv").
    pub fn source(&self, group: &str) -> String {
        match self.source_of(group) {
            GroupSource::Builtin => BUILTIN_GROUPS.to_string(),
            GroupSource::File(f) => format!("group table {f}"),
        }
    }

    pub fn source_of(&self, group: &str) -> GroupSource {
        self.sources
            .get(&group.to_lowercase())
            .cloned()
            .unwrap_or(GroupSource::Builtin)
    }
}

/// The built-in group table, built once per process.
pub fn builtin_groups() -> &'static GroupTable {
    static G: OnceLock<GroupTable> = OnceLock::new();
    G.get_or_init(GroupTable::builtin)
}

/// Extraction hook: the new shapes in one sentence, added to the claims the
/// original shapes `built` from it, before the meaning rule judges them all
/// together. Returns the reasons a new shape recognised but could not read.
pub(crate) fn extract_sentence(
    s: &Sentence,
    f: &Features,
    discourse: Option<&Party>,
    built: &mut Vec<Built>,
) -> Vec<Msg> {
    let sent = Sent {
        s,
        f,
        discourse,
        whens: scan(&s.tokens),
    };
    let had_claim = !built.is_empty();
    let mut found: Vec<Result<Claim, Msg>> = Vec::new();
    found.extend(crate::groupfacts::extract(&sent));
    // "main"/"dominant" need more than rank 1: this shape replaces the plain
    // "largest supplier" reading of the same words, and where it cannot read
    // them, that reading is not checked either (its reason says why).
    let main_word = |i: usize| is_main_word(sent.norm(i));
    let mut main = crate::mainsupplier::extract(&sent);
    let from_main = |b: &Built| {
        matches!(&b.claim, Claim::Largest { role: Role::Supplier, nth, .. } if *nth == Rank::exactly(1))
            && main_word(b.source)
    };
    if built.iter().any(from_main) || main.iter().any(Result::is_ok) {
        built.retain(|b| !from_main(b));
        found.append(&mut main);
    } else if !had_claim {
        found.append(&mut main);
    }
    // "received its first Su-30s in 2015" is about that weapon, not arms in
    // general: a first-of-a-weapon delivery replaces shape (e)'s first-ever.
    let only_first_ever = built
        .iter()
        .all(|b| matches!(b.claim, Claim::FirstEver { .. }));
    if !had_claim || only_first_ever {
        let w = crate::weapons::extract(&sent);
        let first = w
            .iter()
            .any(|r| matches!(r, Ok(Claim::Delivery(d)) if d.first));
        if first {
            built.retain(|b| !matches!(b.claim, Claim::FirstEver { .. }));
        }
        if !had_claim || first {
            found.extend(w);
        }
    }
    let any = !built.is_empty() || found.iter().any(Result::is_ok);
    if !any && let Some(c) = crate::speech::extract(&sent) {
        // A forecast is not a delivery that lacks its year: no near-miss to report.
        found.clear();
        found.push(Ok(c));
    }
    let mut reasons = Vec::new();
    for r in found {
        match r {
            Ok(claim) => {
                // A main supplier rests on its word (for the category of its
                // clause); the other shapes on the sentence.
                let source = match claim {
                    Claim::MainSupplier(_) => (0..s.tokens.len()).find(|&i| main_word(i)),
                    // A weapon rests on its name: the words describing it are its own.
                    Claim::Delivery(_) | Claim::Presence(_) => {
                        crate::weapon::weapon(&sent).map(|w| w.1)
                    }
                    _ => None,
                }
                .unwrap_or(0);
                built.push(Built {
                    claim,
                    clause: f.clause(source),
                    source,
                })
            }
            Err(reason) => reasons.push(reason),
        }
    }
    reasons
}

/// "main", "dominant", "Haupt…": words that ask for more than rank 1.
pub(crate) fn is_main_word(w: &str) -> bool {
    w.starts_with("dominant")
        || w.starts_with("dominierend")
        || w.starts_with("haupt")
        || matches!(w, "main" | "chief" | "principal" | "primary")
}

/// Whether [`check_with`] (not the original checker) decides this claim.
pub fn is_new_shape(c: &Claim) -> bool {
    matches!(
        c,
        Claim::Delivery(_)
            | Claim::Presence(_)
            | Claim::MainSupplier(_)
            | Claim::Group(_)
            | Claim::Unverifiable(_)
    )
}

/// Checking hook with the built-in group table (see [`check_with`]).
pub(crate) fn check_builtin(claim: &Claim, rel: &Release) -> Checked {
    check_with(claim, rel, builtin_groups())
}

/// Checks any claim; the new shapes against `rel` and `groups`.
pub fn check_with(claim: &Claim, rel: &Release, groups: &GroupTable) -> Checked {
    let out = match claim {
        Claim::Delivery(c) => crate::weapons::check_delivery(c, rel),
        Claim::Presence(c) => crate::weapons::check_presence(c, rel),
        // A main supplier's shares rest on the legacy split as much as a
        // share does (deliveries in a listed year are SIPRI's own record).
        Claim::MainSupplier(c) => {
            let out = crate::mainsupplier::check(c, rel);
            return crate::check::unallocated(Checked::new(claim, rel, out));
        }
        Claim::Group(c) => crate::groupfacts::check(c, groups),
        Claim::Unverifiable(c) => crate::speech::check(c),
        _ => return crate::check::check(claim, rel),
    };
    Checked::new(claim, rel, out)
}

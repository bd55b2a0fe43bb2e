//! Claims in English and German prose. Each sentence is analysed into
//! [`features`](crate::features); a stated percentage, an "n-th largest" phrase or
//! a "first time" statement then becomes a claim when its parties and period
//! can be filled. A country left implicit ("somit war … der drittgrößte
//! Abnehmer", "its largest supplier") is taken from the sentence's subject or,
//! failing that, from the discourse subject: the last country that was the
//! subject of a sentence or heading.
//!
//! A candidate without a period is not a claim we can check; it is reported
//! in [`Extraction::skipped`] and never guessed.

use crate::claim::{Claim, Party, Period, Role};
use crate::features::{Features, Form, Mention, Ordinal, Percent, PeriodRef, analyse};
use crate::lex::{Lang, Sentence, detect, lex, sentences};
use crate::lexicon::{Prep, RoleNoun};
use crate::names::Names;
use crate::stated::Stated;
use engine::Direction;
use serde::Serialize;

/// A claim and the sentence it was found in.
#[derive(Debug, Clone, Serialize)]
pub struct Found {
    pub sentence: String,
    /// Byte offset of the sentence in the text.
    pub offset: usize,
    pub claim: Claim,
}

/// A sentence that looked like a claim but lacked what checking needs.
#[derive(Debug, Clone, Serialize)]
pub struct Skipped {
    pub sentence: String,
    pub offset: usize,
    pub reason: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Extraction {
    pub claims: Vec<Found>,
    pub skipped: Vec<Skipped>,
}

/// Extracts every claim from `text` (language detected).
pub fn extract(text: &str, names: &Names) -> Extraction {
    let lang = detect(text);
    extract_lang(text, lang, names)
}

pub fn extract_lang(text: &str, lang: Lang, names: &Names) -> Extraction {
    let mut st = State {
        subject: None,
        last_period: None,
    };
    let mut out = Extraction {
        claims: Vec::new(),
        skipped: Vec::new(),
    };
    for s in sentences(text, lex(text, lang)) {
        st.sentence(&s, names, &mut out);
    }
    out
}

/// Discourse state carried from sentence to sentence.
struct State {
    subject: Option<Party>,
    last_period: Option<Period>,
}

/// Candidate-level context.
struct Ctx<'a> {
    f: &'a Features,
    subject: Option<&'a Party>,
    discourse: Option<&'a Party>,
}

impl Ctx<'_> {
    fn find(&self, pred: impl Fn(&Mention) -> bool) -> Option<&Party> {
        self.f.mentions.iter().find(|m| pred(m)).map(|m| &m.party)
    }

    /// The subject of the sentence, else of the discourse, else any other
    /// country the sentence names outside an unrelated prepositional phrase:
    /// whichever differs from `not`.
    fn implicit(&self, not: Option<&Party>) -> Option<Party> {
        let differs = |p: &&Party| Some(*p) != not;
        self.subject
            .filter(differs)
            .or_else(|| self.discourse.filter(differs))
            .or_else(|| self.find(|m| Some(&m.party) != not && m.prep != Some(Prep::Other)))
            .cloned()
    }
}

impl State {
    fn sentence(&mut self, s: &Sentence, names: &Names, out: &mut Extraction) {
        let f = analyse(s, names);
        let subject = f
            .mentions
            .iter()
            .find(|m| m.form == Form::Noun && m.prep.is_none())
            .map(|m| m.party.clone());
        let mut periods: Vec<(Period, usize)> = Vec::new();
        for (p, i) in &f.periods {
            let resolved = match p {
                PeriodRef::Given(p) => Some(*p),
                PeriodRef::Anaphor => periods.last().map(|x| x.0).or(self.last_period),
            };
            if let Some(p) = resolved {
                periods.push((p, *i));
            }
        }
        let ctx = Ctx {
            f: &f,
            subject: subject.as_ref(),
            discourse: self.subject.as_ref(),
        };
        let mut claims: Vec<Claim> = Vec::new();
        let mut skip = |reason: &str| {
            out.skipped.push(Skipped {
                sentence: s.text.clone(),
                offset: s.start,
                reason: reason.into(),
            })
        };
        for p in &f.percents {
            match percent_claim(&ctx, p, &periods) {
                Ok(Some(c)) => claims.push(c),
                Ok(None) => {}
                Err(why) => skip(why),
            }
        }
        for o in &f.ordinals {
            match ordinal_claim(&ctx, o, &periods) {
                Ok(Some(c)) => claims.push(c),
                Ok(None) => {}
                Err(why) => skip(why),
            }
        }
        if f.first_ever && f.delivery_word {
            match first_ever(&ctx, &periods) {
                Ok(c) => claims.push(c),
                Err(why) => skip(why),
            }
        }
        for c in merge(claims) {
            out.claims.push(Found {
                sentence: s.text.clone(),
                offset: s.start,
                claim: c,
            });
        }
        crate::shapes::extract_sentence(s, &f, self.subject.as_ref(), out);
        if let Some(p) = subject {
            self.subject = Some(p);
        }
        if let Some((p, _)) = periods.last() {
            self.last_period = Some(*p);
        }
    }
}

/// The period nearest to token `idx`.
fn period_near(periods: &[(Period, usize)], idx: usize) -> Result<Period, &'static str> {
    periods
        .iter()
        .min_by_key(|(_, i)| i.abs_diff(idx))
        .map(|p| p.0)
        .ok_or("no period stated (a figure without a period cannot be checked)")
}

fn percent_claim(
    ctx: &Ctx,
    p: &Percent,
    periods: &[(Period, usize)],
) -> Result<Option<Claim>, &'static str> {
    let f = ctx.f;
    let clause = f.clause(p.idx);
    let in_clause = |m: &Mention| m.clause == clause;
    let dir = f
        .directions
        .iter()
        .filter(|(_, i)| f.clause(*i) == clause)
        .chain(f.directions.iter())
        .min_by_key(|(_, i)| (f.clause(*i) != clause, i.abs_diff(p.idx)))
        .map(|d| d.0);
    let change = f
        .change
        .iter()
        .find(|(_, i)| f.clause(*i) == clause)
        .map(|c| c.0);
    let world = f.world.iter().any(|i| f.clause(*i) == clause);
    let role = f
        .ordinals
        .iter()
        .find(|o| f.clause(o.idx) == clause)
        .map(|o| o.role);

    if let (Some(sign), false) = (change, p.level) {
        let Some(direction) = dir else {
            return Ok(None);
        };
        let fixed: Vec<model::Window> = periods
            .iter()
            .filter_map(|(p, _)| match p {
                Period::Fixed(w) => Some(*w),
                Period::LastYears(_) => None,
            })
            .collect();
        let (from, to) = match fixed.as_slice() {
            [] => return Err("a change without a period cannot be checked"),
            [one] => (one.previous(), *one),
            [a, b, ..] if a.start <= b.start => (*a, *b),
            [a, b, ..] => (*b, *a),
        };
        let focus = ctx
            .find(|m| {
                in_clause(m)
                    && (m.form != Form::Noun || m.prep.is_none())
                    && m.prep != Some(Prep::Other)
            })
            .cloned()
            .or_else(|| ctx.implicit(None))
            .ok_or("no country named")?;
        let mut change = p.stated;
        change.value *= sign as f64;
        return Ok(Some(Claim::Change {
            direction,
            focus,
            from: Period::Fixed(from),
            to: Period::Fixed(to),
            change,
        }));
    }
    if p.stated.value > 100.0 {
        return Ok(None);
    }
    let global_dir = dir.or(match role {
        Some(RoleNoun::Exporter) => Some(Direction::Exports),
        Some(RoleNoun::Importer) => Some(Direction::Imports),
        _ => None,
    });
    if world && let Some(direction) = global_dir {
        let focus = ctx
            .find(|m| in_clause(m) && m.prep.is_none())
            .cloned()
            .or_else(|| ctx.implicit(None))
            .ok_or("no country named")?;
        let period = period_near(periods, p.idx)?;
        return Ok(Some(Claim::Global {
            direction,
            focus,
            period,
            share: Some(p.stated),
            rank: None,
        }));
    }
    let shape = match (dir, role) {
        (Some(d), _) => d,
        (None, Some(RoleNoun::Supplier)) => Direction::Imports,
        (None, Some(RoleNoun::Recipient)) => Direction::Exports,
        _ => return Ok(None),
    };
    let period = period_near(periods, p.idx)?;
    match shape {
        Direction::Imports => {
            let supplier = ctx
                .find(|m| in_clause(m) && m.prep == Some(Prep::From))
                .or_else(|| ctx.find(|m| in_clause(m) && m.form == Form::Noun && m.prep.is_none()))
                .or_else(|| {
                    ctx.find(|m| {
                        in_clause(m) && m.form == Form::Adjective && !before_direction(f, m)
                    })
                })
                .cloned()
                .ok_or("no supplier named")?;
            let s = Some(&supplier);
            let recipient = ctx
                .find(|m| {
                    in_clause(m)
                        && m.form != Form::Noun
                        && m.prep != Some(Prep::From)
                        && Some(&m.party) != s
                })
                .or_else(|| ctx.find(|m| in_clause(m) && m.prep.is_none() && Some(&m.party) != s))
                .cloned()
                .or_else(|| ctx.implicit(s))
                .ok_or("no recipient named")?;
            Ok(Some(Claim::ImportShare {
                recipient,
                supplier,
                period,
                share: p.stated,
            }))
        }
        Direction::Exports => {
            let strong_recipient = ctx
                .find(|m| in_clause(m) && m.prep == Some(Prep::To))
                .cloned();
            let r = strong_recipient.as_ref();
            let supplier = ctx
                .find(|m| in_clause(m) && m.form != Form::Noun && Some(&m.party) != r)
                .or_else(|| {
                    ctx.find(|m| in_clause(m) && m.prep == Some(Prep::From) && Some(&m.party) != r)
                })
                .or_else(|| {
                    if r.is_some() {
                        ctx.find(|m| in_clause(m) && m.prep.is_none() && Some(&m.party) != r)
                    } else {
                        None
                    }
                })
                .cloned()
                .or_else(|| ctx.implicit(r))
                .ok_or("no supplier named")?;
            let s = Some(&supplier);
            let recipient = strong_recipient
                .or_else(|| {
                    ctx.find(|m| {
                        in_clause(m)
                            && m.form == Form::Noun
                            && m.prep.is_none()
                            && Some(&m.party) != s
                    })
                    .cloned()
                })
                .or_else(|| ctx.implicit(s))
                .ok_or("no recipient named")?;
            Ok(Some(Claim::ExportShare {
                supplier,
                recipient,
                period,
                share: Some(p.stated),
                rank: None,
            }))
        }
    }
}

/// "kasachischen Waffenimporte": the adjective owns the flow next to it.
fn before_direction(f: &Features, m: &Mention) -> bool {
    f.directions
        .iter()
        .any(|(_, i)| *i >= m.end && *i <= m.end + 1)
}

fn ordinal_claim(
    ctx: &Ctx,
    o: &Ordinal,
    periods: &[(Period, usize)],
) -> Result<Option<Claim>, &'static str> {
    let f = ctx.f;
    let clause = f.clause(o.idx);
    let in_clause = |m: &Mention| m.clause == clause;
    // A country after the role noun, tied to it: "Abnehmer Russlands",
    // "buyer of Russian arms", "supplier to Kazakhstan".
    let after = |preps: &[Prep]| {
        ctx.find(|m| {
            in_clause(m)
                && m.idx > o.role_idx
                && (m.form != Form::Noun || m.prep.is_some_and(|p| preps.contains(&p)))
        })
    };
    let owner_before = ctx.find(|m| in_clause(m) && m.idx < o.idx && m.form == Form::Possessive);
    let subject_in_clause = |not: Option<&Party>| {
        ctx.find(|m| {
            in_clause(m) && m.form == Form::Noun && m.prep.is_none() && Some(&m.party) != not
        })
    };
    let period = || period_near(periods, o.idx);
    match o.role {
        RoleNoun::Recipient => {
            let supplier = after(&[Prep::Of, Prep::From])
                .or(owner_before)
                .or_else(|| ctx.find(|m| in_clause(m) && m.form == Form::Adjective))
                .cloned()
                .ok_or("no supplier named")?;
            let s = Some(&supplier);
            let recipient = subject_in_clause(s)
                .cloned()
                .or_else(|| ctx.implicit(s))
                .ok_or("no recipient named")?;
            let period = period()?;
            Ok(Some(Claim::ExportShare {
                supplier,
                recipient,
                period,
                share: None,
                rank: Some(o.n),
            }))
        }
        RoleNoun::Supplier => {
            let strong = after(&[Prep::To, Prep::Of]).or(owner_before).cloned();
            let answer = subject_in_clause(strong.as_ref())
                .cloned()
                .or_else(|| ctx.implicit(strong.as_ref()))
                .ok_or("no supplier named")?;
            let focus = strong
                .or_else(|| ctx.implicit(Some(&answer)))
                .ok_or("no recipient named")?;
            let period = period()?;
            Ok(Some(Claim::Largest {
                role: Role::Supplier,
                focus,
                period,
                nth: o.n,
                answer,
            }))
        }
        RoleNoun::Exporter | RoleNoun::Importer => {
            // "largest exporter to Kazakhstan" / "largest importer of Russian arms"
            // name a partner: the pair shapes, not a world ranking.
            let partner = after(&[Prep::To, Prep::Of, Prep::From])
                .filter(|_| !f.world.iter().any(|i| f.clause(*i) == clause));
            let focus = subject_in_clause(partner)
                .cloned()
                .or_else(|| ctx.implicit(partner))
                .ok_or("no country named")?;
            let period = period()?;
            Ok(Some(match (o.role, partner) {
                (RoleNoun::Exporter, Some(p)) => Claim::Largest {
                    role: Role::Supplier,
                    focus: p.clone(),
                    period,
                    nth: o.n,
                    answer: focus,
                },
                (RoleNoun::Importer, Some(p)) => Claim::ExportShare {
                    supplier: p.clone(),
                    recipient: focus,
                    period,
                    share: None,
                    rank: Some(o.n),
                },
                (role, _) => Claim::Global {
                    direction: if role == RoleNoun::Exporter {
                        Direction::Exports
                    } else {
                        Direction::Imports
                    },
                    focus,
                    period,
                    share: None,
                    rank: Some(o.n),
                },
            }))
        }
    }
}

fn first_ever(ctx: &Ctx, periods: &[(Period, usize)]) -> Result<Claim, &'static str> {
    let year = periods
        .iter()
        .find_map(|(p, _)| match p {
            Period::Fixed(w) if w.start == w.end => Some(w.start),
            _ => None,
        })
        .ok_or("a first-ever statement needs a single year")?;
    let (supplier, recipient) = if ctx.f.receive_verb {
        let r = ctx
            .find(|m| m.form == Form::Noun && m.prep.is_none())
            .cloned()
            .or_else(|| ctx.implicit(None));
        let r = r.ok_or("no recipient named")?;
        let s = ctx
            .find(|m| (m.prep == Some(Prep::From) || m.form == Form::Adjective) && m.party != r)
            .cloned()
            .ok_or("no supplier named")?;
        (s, r)
    } else {
        let s = ctx
            .find(|m| {
                (m.prep.is_none() || m.prep == Some(Prep::From)) && m.form != Form::Possessive
            })
            .cloned()
            .or_else(|| ctx.implicit(None))
            .ok_or("no supplier named")?;
        let r = ctx
            .find(|m| m.prep == Some(Prep::To) && m.party != s)
            .cloned()
            .or_else(|| ctx.implicit(Some(&s)))
            .ok_or("no recipient named")?;
        (s, r)
    };
    if supplier == recipient {
        return Err("supplier and recipient are the same");
    }
    Ok(Claim::FirstEver {
        supplier,
        recipient,
        year,
    })
}

/// A rank claim and a share claim about the same pair (or country) and
/// period become one claim, as the structured form writes them.
fn merge(claims: Vec<Claim>) -> Vec<Claim> {
    let mut out: Vec<Claim> = Vec::new();
    'next: for c in claims {
        for o in out.iter_mut() {
            if let Some(m) = merge_two(o, &c) {
                *o = m;
                continue 'next;
            }
        }
        if !out.contains(&c) {
            out.push(c);
        }
    }
    out
}

fn merge_two(a: &Claim, b: &Claim) -> Option<Claim> {
    let pick = |x: Option<Stated>, y: Option<Stated>| match (x, y) {
        (Some(_), Some(_)) => None,
        (x, y) => Some(x.or(y)),
    };
    let pick_rank = |x: Option<u32>, y: Option<u32>| match (x, y) {
        (Some(_), Some(_)) => None,
        (x, y) => Some(x.or(y)),
    };
    match (a, b) {
        (
            Claim::ExportShare {
                supplier,
                recipient,
                period,
                share,
                rank,
            },
            Claim::ExportShare {
                supplier: s2,
                recipient: r2,
                period: p2,
                share: sh2,
                rank: rk2,
            },
        ) if supplier == s2 && recipient == r2 && period == p2 => Some(Claim::ExportShare {
            supplier: supplier.clone(),
            recipient: recipient.clone(),
            period: *period,
            share: pick(*share, *sh2)?,
            rank: pick_rank(*rank, *rk2)?,
        }),
        (
            Claim::Global {
                direction,
                focus,
                period,
                share,
                rank,
            },
            Claim::Global {
                direction: d2,
                focus: f2,
                period: p2,
                share: sh2,
                rank: rk2,
            },
        ) if direction == d2 && focus == f2 && period == p2 => Some(Claim::Global {
            direction: *direction,
            focus: focus.clone(),
            period: *period,
            share: pick(*share, *sh2)?,
            rank: pick_rank(*rank, *rk2)?,
        }),
        _ => None,
    }
}

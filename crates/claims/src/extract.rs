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

use crate::claim::{Claim, Party, Period, Rank, Role};
use crate::features::{Features, Form, Mention, Ordinal, Percent, PeriodRef, analyse};
use crate::lex::{Lang, Sentence, detect, lex, sentences};
use crate::lexicon::{Prep, RoleNoun};
use crate::names::Names;
use crate::normalize::normalize;
use crate::rule::{self, Built};
use crate::stated::{Qualifier, Stated};
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

/// Claims read from a sentence whose wording carries more than they
/// represent (an unread category, a comparison, money, …): reported as
/// cannot be checked with `reason`, never checked in their reduced form.
#[derive(Debug, Clone, Serialize)]
pub struct Blocked {
    pub sentence: String,
    pub offset: usize,
    pub claim: Claim,
    pub reason: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Extraction {
    pub claims: Vec<Found>,
    pub skipped: Vec<Skipped>,
    pub blocked: Vec<Blocked>,
}

/// Extracts every claim from `text` (normalised first, language detected).
pub fn extract(text: &str, names: &Names) -> Extraction {
    let lang = detect(&normalize(text).text);
    extract_lang(text, lang, names)
}

pub fn extract_lang(text: &str, lang: Lang, names: &Names) -> Extraction {
    let norm = normalize(text);
    let mut st = State {
        subject: None,
        last_period: None,
    };
    let mut out = Extraction {
        claims: Vec::new(),
        skipped: Vec::new(),
        blocked: Vec::new(),
    };
    let mut prev_end = 0;
    for mut s in sentences(&norm.text, lex(&norm.text, lang)) {
        let end = s.tokens.last().map_or(s.start, |t| t.end);
        // A blank line between sentences ends the paragraph: no carry-over.
        let gap = &norm.text[prev_end.min(s.start)..s.start];
        let para_break = gap.matches('\n').count() >= 2;
        prev_end = end;
        // Report the sentence as the user wrote it, at the user's offsets.
        let (a, b) = (norm.original(s.start), norm.original(end));
        s.text = text.get(a..b).unwrap_or(&s.text).trim().to_string();
        s.start = a;
        st.sentence(&s, names, para_break, &mut out);
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
    fn sentence(&mut self, s: &Sentence, names: &Names, para_break: bool, out: &mut Extraction) {
        let f = analyse(s, names);
        let subject = f
            .mentions
            .iter()
            .find(|m| m.form == Form::Noun && m.prep.is_none())
            .map(|m| m.party.clone());
        if para_break {
            self.subject = None;
        }
        // Carry a country over only where the language links the sentences
        // (a pronoun, "in diesem Zeitraum") or the sentence has no subject.
        let discourse = if f.links || subject.is_none() {
            self.subject.as_ref()
        } else {
            None
        };
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
            discourse,
        };
        let mut built: Vec<Built> = Vec::new();
        let mut errors: Vec<String> = Vec::new();
        let mut left: Vec<String> = Vec::new();
        for p in &f.percents {
            match percent_claim(&ctx, p, &periods) {
                Ok(Some(c)) => built.push(Built {
                    claim: c,
                    clause: f.clause(p.idx),
                    source: p.idx,
                }),
                Ok(None) => left.push(format!(
                    "the figure '{}' could not be tied to a share of imports or exports, or to a change",
                    p.stated.render(false)
                )),
                Err(why) => errors.push(why),
            }
        }
        for o in &f.ordinals {
            match ordinal_claim(&ctx, o, &periods) {
                Ok(Some(c)) => built.push(Built {
                    claim: c,
                    clause: f.clause(o.idx),
                    source: o.idx,
                }),
                Ok(None) => {}
                Err(why) => errors.push(why.into()),
            }
        }
        for (stated, idx) in &f.multiples {
            if let Some(st) = stated {
                match change_claim(&ctx, *idx, *st, &periods) {
                    Ok(Some(c)) => built.push(Built {
                        claim: c,
                        clause: f.clause(*idx),
                        source: *idx,
                    }),
                    Ok(None) => {}
                    Err(why) => errors.push(why.into()),
                }
            }
        }
        if f.first_ever && f.delivery_word {
            match first_ever(&ctx, &periods) {
                Ok(c) => built.push(Built {
                    claim: c,
                    clause: 0,
                    source: 0,
                }),
                Err(why) => errors.push(why.into()),
            }
        }
        for b in built.iter_mut() {
            match rule::category_for(&f, b.clause) {
                Ok(c) => rule::set_category(&mut b.claim, c),
                Err(why) => errors.push(why),
            }
        }
        errors.extend(level_consistency(&f, &built));
        // Two figures for one question ("6 % …, nach 3,5 % zuvor"): one of
        // them belongs to something the sentence does not pin down.
        for (k, a) in built.iter().enumerate() {
            let key = |c: &Claim| c.to_string().split(" = ").next().unwrap_or("").to_string();
            if built[k + 1..]
                .iter()
                .any(|b| key(&b.claim) == key(&a.claim) && b.claim != a.claim)
            {
                errors.push(format!(
                    "two different figures for the same claim ({})",
                    key(&a.claim)
                ));
            }
        }
        left.extend(rule::unconsumed(&f, &s.tokens, &built));
        let mut reasons = errors;
        reasons.extend(left);
        reasons.dedup();
        if built.is_empty() {
            if let Some(first) = reasons.first().filter(|_| rule::claim_like(&f)) {
                out.skipped.push(Skipped {
                    sentence: s.text.clone(),
                    offset: s.start,
                    reason: first.clone(),
                });
            }
        } else {
            let claims = merge(built.into_iter().map(|b| b.claim).collect());
            for c in claims {
                if reasons.is_empty() {
                    out.claims.push(Found {
                        sentence: s.text.clone(),
                        offset: s.start,
                        claim: c,
                    });
                } else {
                    out.blocked.push(Blocked {
                        sentence: s.text.clone(),
                        offset: s.start,
                        claim: c,
                        reason: reasons.join("; "),
                    });
                }
            }
        }
        if let Some(p) = subject {
            self.subject = Some(p);
        }
        if let Some((p, _)) = periods.last() {
            self.last_period = Some(*p);
        }
    }
}

/// "fell from 72 % to 36 %": the stated direction must agree with the figures.
fn level_consistency(f: &Features, built: &[Built]) -> Vec<String> {
    let mut out = Vec::new();
    for a in f.percents.iter().filter(|p| p.from_level) {
        let clause = f.clause(a.idx);
        let Some(b) = f
            .percents
            .iter()
            .find(|p| p.level && p.idx > a.idx && f.clause(p.idx) == clause)
        else {
            continue;
        };
        let Some((sign, _)) = f.change.iter().find(|(_, i)| f.clause(*i) == clause) else {
            continue;
        };
        let went = b.stated.value - a.stated.value;
        if went * (*sign as f64) < 0.0 && built.iter().any(|x| x.source == a.idx) {
            out.push(format!(
                "the direction word contradicts the figures ({} to {})",
                a.stated.render(false),
                b.stated.render(false)
            ));
        }
    }
    out
}

/// The period nearest to token `idx`.
fn period_near(periods: &[(Period, usize)], idx: usize) -> Result<Period, &'static str> {
    periods
        .iter()
        .min_by_key(|(_, i)| i.abs_diff(idx))
        .map(|p| p.0)
        .ok_or("no period stated (a figure without a period cannot be checked)")
}

/// The period written right after a figure ("72 % in 2010-14", "72 Prozent
/// im Zeitraum 2010–14"): each level of a share change needs its own.
fn own_period(periods: &[(Period, usize)], idx: usize) -> Option<Period> {
    periods
        .iter()
        .find(|(_, i)| *i > idx && *i <= idx + 4)
        .map(|p| p.0)
}

/// A change of `focus`'s total imports or exports between two windows.
fn change_claim(
    ctx: &Ctx,
    idx: usize,
    change: Stated,
    periods: &[(Period, usize)],
) -> Result<Option<Claim>, &'static str> {
    let f = ctx.f;
    let clause = f.clause(idx);
    let in_clause = |m: &Mention| m.clause == clause;
    let Some(direction) = f
        .directions
        .iter()
        .filter(|(_, i)| f.clause(*i) == clause)
        .chain(f.directions.iter())
        .min_by_key(|(_, i)| (f.clause(*i) != clause, f.verb_at(*i), i.abs_diff(idx)))
        .map(|d| d.0)
    else {
        return Ok(None);
    };
    let fixed: Vec<model::Window> = periods
        .iter()
        .filter_map(|(p, _)| match p {
            Period::Fixed(w) => Some(*w),
            Period::LastYears(_) => None,
        })
        .collect();
    if fixed.len() < periods.len() {
        return Err("a change needs two fixed periods, not 'the past n years'");
    }
    let (from, to) = match fixed.as_slice() {
        [] => return Err("a change without a period cannot be checked"),
        [one] => (one.previous(), *one),
        [a, b] if a.start <= b.start => (*a, *b),
        [a, b] => (*b, *a),
        _ => return Err("more than two periods: which two the change is between is unclear"),
    };
    let focus = ctx
        .find(|m| {
            in_clause(m)
                && (m.form != Form::Noun || matches!(m.prep, None | Some(Prep::Of)))
                && m.prep != Some(Prep::Other)
        })
        .cloned()
        .or_else(|| ctx.implicit(None))
        .ok_or("no country named")?;
    Ok(Some(Claim::Change {
        direction,
        focus,
        from: Period::Fixed(from),
        to: Period::Fixed(to),
        category: None,
        change,
    }))
}

fn percent_claim(
    ctx: &Ctx,
    p: &Percent,
    periods: &[(Period, usize)],
) -> Result<Option<Claim>, String> {
    let f = ctx.f;
    let clause = f.clause(p.idx);
    let in_clause = |m: &Mention| m.clause == clause;
    let dir = f
        .directions
        .iter()
        .filter(|(_, i)| f.clause(*i) == clause)
        .chain(f.directions.iter())
        // A noun ("arms exports") says more than a verb ("bought").
        .min_by_key(|(_, i)| (f.clause(*i) != clause, f.verb_at(*i), i.abs_diff(p.idx)))
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

    // "um 21 Prozent", "by 21 %" is an amount of change: without a change
    // word it is nothing we can read, and never a share.
    if change.is_none() && p.by {
        return Ok(None);
    }
    let level = p.level || p.from_level;
    if let (Some(sign), false) = (change, level) {
        let mut stated = p.stated;
        stated.value *= sign as f64;
        if sign < 0 {
            // "fell by more than 60 %" is a change below -60 %.
            stated.qualifier = match stated.qualifier {
                Qualifier::MoreThan => Qualifier::LessThan,
                Qualifier::LessThan => Qualifier::MoreThan,
                Qualifier::AtLeast => Qualifier::AtMost,
                Qualifier::AtMost => Qualifier::AtLeast,
                q => q,
            };
        }
        return change_claim(ctx, p.idx, stated, periods).map_err(String::from);
    }
    // "fell from 72 % in 2010-14 to 36 % in 2020-24": two shares, each in its own period.
    let periods_own: Vec<(Period, usize)>;
    let periods = if change.is_some() && level {
        let own = own_period(periods, p.idx).ok_or_else(|| {
            format!(
                "the share '{}' has no period of its own (a change of a share needs the share in each period)",
                p.stated.render(false)
            )
        })?;
        periods_own = vec![(own, p.idx)];
        &periods_own[..]
    } else {
        periods
    };
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
            category: None,
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
            // "the aircraft Pakistan imported", "der von Indien importierten
            // Raketen": the country right before an import verb is the importer.
            let importer = ctx
                .find(|m| in_clause(m) && m.form == Form::Noun && imports_next(ctx, m.end))
                .cloned();
            let not_imp = |m: &Mention| Some(&m.party) != importer.as_ref();
            // The "from" country nearest the figure ("88 % … auf Russland und
            // 1,5 % auf die Türkei").
            let supplier = ctx
                .f
                .mentions
                .iter()
                .filter(|m| in_clause(m) && m.prep == Some(Prep::From) && not_imp(m))
                .min_by_key(|m| m.idx.abs_diff(p.idx))
                .map(|m| &m.party)
                .or_else(|| {
                    ctx.find(|m| {
                        in_clause(m) && m.form == Form::Noun && m.prep.is_none() && not_imp(m)
                    })
                })
                .or_else(|| {
                    ctx.find(|m| {
                        in_clause(m)
                            && m.form == Form::Adjective
                            && !before_direction(f, m)
                            && not_imp(m)
                    })
                })
                // "Russia's share of …", "der Anteil Russlands an …"
                .or_else(|| ctx.find(|m| in_clause(m) && owns_share(f, m) && not_imp(m)))
                .cloned()
                .ok_or("no supplier named")?;
            let s = Some(&supplier);
            let recipient = importer
                .clone()
                .or_else(|| {
                    ctx.find(|m| {
                        in_clause(m)
                            && m.form != Form::Noun
                            && m.prep != Some(Prep::From)
                            && Some(&m.party) != s
                    })
                    .cloned()
                })
                .or_else(|| {
                    ctx.find(|m| in_clause(m) && m.prep.is_none() && Some(&m.party) != s)
                        .cloned()
                })
                .or_else(|| ctx.implicit(s))
                .ok_or("no recipient named")?;
            Ok(Some(Claim::ImportShare {
                recipient,
                supplier,
                period,
                category: None,
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
                category: None,
                share: Some(p.stated),
                rank: None,
            }))
        }
    }
}

/// The token at `idx` is an import verb ("imported", "importierten", "einführte").
fn imports_next(ctx: &Ctx, idx: usize) -> bool {
    ctx.f
        .directions
        .iter()
        .any(|(d, i)| *i == idx && *d == Direction::Imports && ctx.f.verb_at(*i))
}

/// "Russia's share", "der Anteil Russlands": the country owns a share word.
fn owns_share(f: &Features, m: &Mention) -> bool {
    m.form == Form::Possessive
        && f.markers.iter().any(|k| {
            k.kind == crate::meaning::MarkerKind::ShareWord
                && (k.idx == m.end || k.idx + 1 == m.idx)
        })
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
    let rank = Rank { n: o.n, top: o.top };
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
                category: None,
                share: None,
                rank: Some(rank),
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
                category: None,
                nth: rank,
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
                    category: None,
                    nth: rank,
                    answer: focus,
                },
                (RoleNoun::Importer, Some(p)) => Claim::ExportShare {
                    supplier: p.clone(),
                    recipient: focus,
                    period,
                    category: None,
                    share: None,
                    rank: Some(rank),
                },
                (role, _) => Claim::Global {
                    direction: if role == RoleNoun::Exporter {
                        Direction::Exports
                    } else {
                        Direction::Imports
                    },
                    focus,
                    period,
                    category: None,
                    share: None,
                    rank: Some(rank),
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
    let pick_rank = |x: Option<Rank>, y: Option<Rank>| match (x, y) {
        (Some(_), Some(_)) => None,
        (x, y) => Some(x.or(y)),
    };
    match (a, b) {
        (
            Claim::ExportShare {
                supplier,
                recipient,
                period,
                category,
                share,
                rank,
            },
            Claim::ExportShare {
                supplier: s2,
                recipient: r2,
                period: p2,
                category: c2,
                share: sh2,
                rank: rk2,
            },
        ) if supplier == s2 && recipient == r2 && period == p2 && category == c2 => {
            Some(Claim::ExportShare {
                supplier: supplier.clone(),
                recipient: recipient.clone(),
                period: *period,
                category: *category,
                share: pick(*share, *sh2)?,
                rank: pick_rank(*rank, *rk2)?,
            })
        }
        (
            Claim::Global {
                direction,
                focus,
                period,
                category,
                share,
                rank,
            },
            Claim::Global {
                direction: d2,
                focus: f2,
                period: p2,
                category: c2,
                share: sh2,
                rank: rk2,
            },
        ) if direction == d2 && focus == f2 && period == p2 && category == c2 => {
            Some(Claim::Global {
                direction: *direction,
                focus: focus.clone(),
                period: *period,
                category: *category,
                share: pick(*share, *sh2)?,
                rank: pick_rank(*rank, *rk2)?,
            })
        }
        _ => None,
    }
}

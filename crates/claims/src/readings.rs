//! The claim builders: from one sentence's features and one stated figure,
//! rank phrase or multiple, the claim it states (shares, changes, ranks,
//! first-ever), or why it cannot be pinned down.

use crate::claim::{Claim, Party, Period, Rank, Role};
use crate::features::{Features, Form, Mention, Ordinal, Percent};
use crate::i18n::{Msg, Reason};
use crate::lexicon::{Prep, RoleNoun};
use crate::stated::{Qualifier, Stated};
use engine::Direction;

mod change;
mod ordinal;
mod rankshare;
pub(crate) use change::change_claim;
pub(crate) use ordinal::ordinal_claim;
pub(crate) use rankshare::rank_lead;

/// Candidate-level context.
pub(crate) struct Ctx<'a> {
    pub f: &'a Features,
    pub subject: Option<&'a Party>,
    pub discourse: Option<&'a Party>,
}

impl Ctx<'_> {
    pub(crate) fn find(&self, pred: impl Fn(&Mention) -> bool) -> Option<&Party> {
        self.f.mentions.iter().find(|m| pred(m)).map(|m| &m.party)
    }

    /// The subject of the sentence, else of the discourse, else any other
    /// country the sentence names outside an unrelated prepositional phrase:
    /// whichever differs from `not`.
    pub(crate) fn implicit(&self, not: Option<&Party>) -> Option<Party> {
        let differs = |p: &&Party| Some(*p) != not;
        self.subject
            .filter(differs)
            .or_else(|| self.discourse.filter(differs))
            .or_else(|| self.find(|m| Some(&m.party) != not && m.prep != Some(Prep::Other)))
            .cloned()
    }
}

/// The period nearest to token `idx`.
pub(crate) fn period_near(
    f: &Features,
    periods: &[(Period, usize)],
    idx: usize,
) -> Result<Period, Msg> {
    if periods.is_empty() {
        return Err(Reason::NoPeriodStated.into());
    }
    let unique = |it: &mut dyn Iterator<Item = Period>| {
        let mut v: Vec<Period> = Vec::new();
        for p in it {
            if !v.contains(&p) {
                v.push(p);
            }
        }
        v
    };
    let clause = f.clause(idx);
    let mut pool = unique(
        &mut periods
            .iter()
            .filter(|(_, i)| f.clause(*i) == clause)
            .map(|p| p.0),
    );
    if pool.is_empty() {
        pool = unique(&mut periods.iter().map(|p| p.0));
    }
    match pool.as_slice() {
        [one] => Ok(*one),
        _ => own_period(f, periods, idx).ok_or(Reason::SeveralPeriods.into()),
    }
}

/// The period written right after a figure ("72 % in 2010-14", "72 Prozent
/// im Zeitraum 2010–14"): each level of a share change needs its own.
fn own_period(f: &Features, periods: &[(Period, usize)], idx: usize) -> Option<Period> {
    // Up to the next figure in the sentence, at most eight tokens on
    // ("43 % of global arms exports in 2020–24, up from 35 % in 2015–19").
    let next_figure = f
        .percents
        .iter()
        .map(|p| p.idx)
        .filter(|i| *i > idx)
        .min()
        .unwrap_or(usize::MAX);
    let (p, at) = periods
        .iter()
        .find(|(_, i)| *i > idx && *i <= idx + 8 && *i < next_figure)?;
    // "88 % … in 2020-24 and 2015-19": one figure for two periods is not
    // the first period's figure (regression: it was checked for 2020-24).
    let another = periods
        .iter()
        .any(|(q, j)| q != p && *j > *at && *j <= at + 3 && *j < next_figure);
    (!another).then_some(*p)
}

pub(crate) fn percent_claim(
    ctx: &Ctx,
    p: &Percent,
    periods: &[(Period, usize)],
) -> Result<Option<Claim>, Msg> {
    let f = ctx.f;
    if p.negative {
        return Err(Reason::NegativeFigure(p.stated).into());
    }
    let clause = f.clause(p.idx);
    let in_clause = |m: &Mention| m.clause == clause;
    let dir = f
        .directions
        .iter()
        .filter(|(_, i)| f.clause(*i) == clause)
        .chain(f.directions.iter())
        // A noun ("arms exports") says more than a verb ("bought").
        .min_by_key(|(_, i)| (f.clause(*i) != clause, f.verb_at(*i), i.abs_diff(p.idx)))
        .copied();
    // The flow the figure is a share of, where the sentence names it ("88 %
    // of Kazakhstan's arms imports", "share of arms exports to India"),
    // rules over the flow word nearest the figure.
    let whole = f
        .wholes
        .iter()
        .find(|w| w.figure == Some(p.idx))
        .or_else(|| {
            f.wholes
                .iter()
                .find(|w| w.figure.is_none() && f.clause(w.at) == clause)
        });
    let dir = whole.map(|w| (w.dir, w.at)).or(dir);
    let forced = |side: Direction| {
        whole
            .and_then(|w| w.owner.as_ref())
            .filter(|o| o.0 == side)
            .map(|o| &o.1)
    };
    // "for 88 % of its arms imports": the subject owns the flow.
    let owner = dir.and_then(|(_, i)| f.self_owned.iter().find(|(k, _)| *k == i).map(|o| &o.1));
    // "its" after a supply verb and several other countries (`flows::its`).
    if let Some((_, word, several)) =
        dir.and_then(|(_, i)| f.owner_unclear.iter().find(|(k, ..)| *k == i))
    {
        return Err(Reason::AntecedentUnclear(word.clone(), several.clone()).into());
    }
    // A flow word borrowed from another clause ("Russia supplied 88 % of
    // Kazakhstan's imports; Spain supplied 6 %") keeps its owner there.
    let borrowed_owner = dir
        .filter(|(_, i)| f.clause(*i) != clause)
        .and_then(|(_, i)| {
            ctx.find(|m| m.form != Form::Noun && m.end <= i && m.end + 2 >= i)
                .cloned()
        });
    let dir = dir.map(|d| d.0);
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
    if p.rank_lead != crate::features::RankLead::No
        && change.is_none()
        && let Some(c) = rankshare::claim(ctx, p, periods, dir)?
    {
        return Ok(Some(c));
    }
    let level = p.level || p.from_level;
    // A change amount is tied to its verb ("fell 64 %", "by 64 %", "um 64
    // Prozent", "a 21 % rise"); "43 %, up from 35 %" is a level.
    let attached = p.by || p.change_attached;
    if let (Some(sign), false, true) = (change, level, attached) {
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
        // "fell by half", "um die Hälfte zurück": the fact "halved" states,
        // under the same multiple rule (claims probe 14: "halved" was
        // supported and "fell by half" not supported at a ratio of 0.441).
        if sign < 0 && p.half {
            stated = Stated::factor(0.5);
        }
        return change_claim(ctx, p.idx, stated, periods);
    }
    // "fell from 72 % in 2010-14 to 36 % in 2020-24": two shares, each in its own period.
    let periods_own: Vec<(Period, usize)>;
    // A lone "fell to 7.8 % in 2020-24" is a level in the sentence's period;
    // with a "from" level too, each needs its own.
    let paired = f
        .percents
        .iter()
        .any(|q| q.idx != p.idx && (q.from_level || q.level) && f.clause(q.idx) == clause);
    let periods = if change.is_some() && level && (p.from_level || paired) {
        let own = own_period(f, periods, p.idx).ok_or(Reason::ShareWithoutOwnPeriod(p.stated))?;
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
    if world && let Some(mut direction) = global_dir {
        let bare = f.mentions.iter().find(|m| in_clause(m) && m.prep.is_none());
        // "About 9 % of global arms exports went to Ukraine".
        let through = f
            .mentions
            .iter()
            .find(|m| in_clause(m) && matches!(m.prep, Some(Prep::To) | Some(Prep::From)));
        let focus = bare
            .or(through)
            .map(|m| m.party.clone())
            .or_else(|| ctx.implicit(None))
            .ok_or(Reason::NoCountryNamed)?;
        // Every export is someone's import, so a recipient's share of world
        // exports is its share of world imports, and a supplier's share of
        // world imports its share of world exports (regression: "Ukraine
        // received 8.8 % of global arms exports" was checked as Ukraine's
        // own exports, 0.32 %, not supported).
        let flow_word = whole.map(|w| w.at);
        let verb = |d: Direction| {
            f.flow_verbs
                .iter()
                .any(|(v, i)| *v == d && f.clause(*i) == clause && Some(*i) != flow_word)
        };
        let (takes, gives) = match (bare, through) {
            // "Auf Indien entfielen 8,3 Prozent der weltweiten Waffenimporte":
            // the flow noun names whose share it is.
            (None, Some(m)) if m.falls_to && whole.is_some() => (false, false),
            (None, Some(m)) => (m.prep == Some(Prep::To), m.prep == Some(Prep::From)),
            _ => (
                verb(Direction::Imports) && !verb(Direction::Exports),
                verb(Direction::Exports) && !verb(Direction::Imports),
            ),
        };
        if takes {
            direction = Direction::Imports;
        } else if gives {
            direction = Direction::Exports;
        }
        let period = period_near(f, periods, p.idx)?;
        return Ok(Some(Claim::Global {
            direction,
            focus,
            period,
            category: None,
            share: Some(p.stated),
            rank: None,
        }));
    }
    // No flow word: the figure belongs to the rank phrase of its clause ("the
    // largest recipient of US arms, taking 9.3 %"), with that phrase's parties.
    if dir.is_none()
        && let Some(o) = f.ordinals.iter().find(|o| {
            f.clause(o.idx) == clause && matches!(o.role, RoleNoun::Supplier | RoleNoun::Recipient)
        })
    {
        let period = period_near(f, periods, p.idx)?;
        return Ok(match ordinal_claim(ctx, o, periods)? {
            Some(Claim::ExportShare {
                supplier,
                recipient,
                ..
            }) => Some(Claim::ExportShare {
                supplier,
                recipient,
                period,
                category: None,
                share: Some(p.stated),
                rank: None,
            }),
            Some(Claim::Largest { focus, answer, .. }) => Some(Claim::ImportShare {
                recipient: focus,
                supplier: answer,
                period,
                category: None,
                share: p.stated,
            }),
            _ => None,
        });
    }
    let dir = whole.and_then(|w| w.owner.as_ref()).map(|o| o.0).or(dir);
    let shape = match (dir, role) {
        (Some(d), _) => d,
        (None, Some(RoleNoun::Supplier)) => Direction::Imports,
        (None, Some(RoleNoun::Recipient)) => Direction::Exports,
        _ => return Ok(None),
    };
    let period = period_near(f, periods, p.idx)?;
    match shape {
        Direction::Imports => {
            // "the aircraft Pakistan imported", "der von Indien importierten
            // Raketen": the country right before an import verb is the importer.
            let importer = forced(Direction::Imports)
                .or(owner)
                .cloned()
                .or_else(|| {
                    // Not "aus Russland bezogen": the supplier before the
                    // verb (regression: Russia read as the importer).
                    ctx.find(|m| {
                        in_clause(m)
                            && m.form == Form::Noun
                            && m.prep != Some(Prep::From)
                            && imports_next(ctx, m.end)
                    })
                    .cloned()
                })
                // "Kazakhstan: Russia supplied 88 % of arms imports": the
                // topic's imports (regression: Russia's imports from it).
                .or_else(|| f.topic.clone());
            let not_imp = |m: &Mention| Some(&m.party) != importer.as_ref();
            // "… got 88 % of its arms from Moscow": the supplier is named,
            // but not as a party we know; another country of the sentence
            // is not it (regression: "share imports RUS from KAZ", not
            // supported, for a true sentence).
            let from_named = ctx
                .f
                .mentions
                .iter()
                .any(|m| in_clause(m) && m.prep == Some(Prep::From));
            if !from_named
                && ctx
                    .f
                    .unnamed_from
                    .iter()
                    .any(|&k| ctx.f.clause(k) == clause)
            {
                return Err(Reason::NoSupplierNamed.into());
            }
            // The "from" country nearest the figure ("88 % … auf Russland und
            // 1,5 % auf die Türkei").
            let supplier = ctx
                .f
                .mentions
                .iter()
                .filter(|m| in_clause(m) && m.prep == Some(Prep::From) && not_imp(m))
                .min_by_key(|m| (m.idx.abs_diff(p.idx), m.idx < p.idx))
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
                // "Russia's arms exports to Kazakhstan accounted for 88 % of …"
                .or_else(|| {
                    ctx.find(|m| {
                        in_clause(m)
                            && m.form != Form::Noun
                            && owns_flow(f, m, Some(Direction::Exports))
                            && not_imp(m)
                    })
                })
                .cloned()
                .ok_or_else(|| supplier_elsewhere(ctx, clause, importer.as_ref()))?;
            let s = Some(&supplier);
            let recipient = importer
                .clone()
                .or_else(|| {
                    ctx.find(|m| {
                        in_clause(m)
                            && (m.form != Form::Noun || before_direction(f, m))
                            && m.prep != Some(Prep::From)
                            && Some(&m.party) != s
                    })
                    .cloned()
                })
                .or_else(|| {
                    ctx.find(|m| in_clause(m) && m.prep.is_none() && Some(&m.party) != s)
                        .cloned()
                })
                .or_else(|| borrowed_owner.clone().filter(|o| Some(o) != s))
                .or_else(|| ctx.implicit(s))
                .ok_or(Reason::NoRecipientNamed)?;
            Ok(Some(Claim::ImportShare {
                recipient,
                supplier,
                period,
                category: None,
                share: p.stated,
            }))
        }
        Direction::Exports => {
            // An adjective or genitive after "an" is the exports' owner, not
            // their destination: "Anteil Indiens an den russischen
            // Waffenexporten", "an Chinas Waffenexporten", "an den
            // Waffenexporten der USA" (regression: read as India's exports
            // to Russia, 0 %).
            let strong_recipient = ctx
                .find(|m| in_clause(m) && m.prep == Some(Prep::To) && m.form == Form::Noun)
                .cloned();
            let r = strong_recipient.as_ref();
            // "Russia's arms exports", "russischen Waffenexporte", "of US arms
            // exports": the owner of the exports is the supplier.
            let supplier = forced(Direction::Exports)
                .or(owner)
                .filter(|o| Some(*o) != r)
                .or_else(|| {
                    ctx.find(|m| {
                        in_clause(m)
                            && (m.form != Form::Noun || before_direction(f, m))
                            && Some(&m.party) != r
                    })
                })
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
                .or_else(|| borrowed_owner.clone().filter(|o| Some(o) != r))
                .or_else(|| ctx.implicit(r))
                .ok_or(Reason::NoSupplierNamed)?;
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
                .ok_or(Reason::NoRecipientNamed)?;
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

/// Why no supplier was found in the figure's clause: a country another
/// clause names as a plain noun ("Russia was still its main supplier,
/// accounting for 36 per cent of …") is not taken over, and the reason says
/// so rather than that no supplier was named (claims probe 10).
fn supplier_elsewhere(ctx: &Ctx, clause: usize, importer: Option<&Party>) -> Msg {
    ctx.f
        .mentions
        .iter()
        .find(|m| {
            m.clause != clause
                && m.form == Form::Noun
                && m.prep.is_none()
                && Some(&m.party) != importer
        })
        .map_or(Reason::NoSupplierNamed.into(), |m| {
            Reason::SupplierInOtherClause(m.party.clone()).into()
        })
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
    f.markers.iter().any(|k| {
        k.kind == crate::meaning::MarkerKind::ShareWord
            && ((m.form == Form::Possessive && (k.idx == m.end || k.idx + 1 == m.idx))
                // "der Anteil der Türkei an …" (regression: no supplier named)
                || (m.genitive_article && k.idx + 2 == m.idx)
                // "the share of Russia in …"
                || (m.form == Form::Noun && m.prep == Some(Prep::Of) && k.idx + 2 == m.idx))
    })
}

/// "kasachischen Waffenimporte": the adjective owns the flow next to it.
fn before_direction(f: &Features, m: &Mention) -> bool {
    owns_flow(f, m, None)
}

/// `m` stands right before a flow noun (of direction `dir`, if given): a
/// noun ("Waffenimporte", "arms exports"), not a verb ("India received").
fn owns_flow(f: &Features, m: &Mention, dir: Option<Direction>) -> bool {
    f.directions.iter().any(|(d, i)| {
        dir.is_none_or(|want| *d == want) && *i >= m.end && *i <= m.end + 1 && !f.verb_at(*i)
    })
}

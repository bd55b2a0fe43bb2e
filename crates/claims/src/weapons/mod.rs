//! (f) Deliveries of a weapon system and (g) existence or absence of
//! deliveries over a period, checked against the release's deals.
//!
//! The weapon is matched as [`crate::weapon`] says. A variant SIPRI names
//! differently is reported as "supported, designation differs", never as
//! equal. SIPRI records years, not months.

mod verdicts;

pub(crate) use verdicts::{check_delivery, check_presence};

use crate::claim::{Party, Period};
use crate::features::Form;
use crate::i18n::{Msg, Reason};
use crate::lexicon::Prep;
use crate::shapes::Sent;
use crate::weapon::{Weapon, count_before, count_hedge, deliver_verb, receive_verb, weapon};
use serde::Serialize;

/// Existence or absence of deliveries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Presence {
    /// "in the past", "in der Vergangenheit", "bereits": some delivery in the release's span.
    Past,
    /// "never", "nie": no delivery record in the release's span.
    Never,
    /// "no longer", "nicht mehr": deliveries before, none in the latest five years.
    NoLonger,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DeliveryClaim {
    /// `None`: any supplier ("Ukraine received F-16s in 2024").
    pub supplier: Option<Party>,
    pub recipient: Party,
    pub weapon: Weapon,
    pub period: Period,
    /// A month the text gave (SIPRI has none).
    pub month: Option<u8>,
    /// A number of units the text gave: compared with SIPRI's numbers delivered.
    pub number: Option<u32>,
    /// "first", "erstmals": the first delivery of this weapon to the recipient.
    pub first: bool,
    /// "did not receive", "erhielt keine": no delivery record in the period.
    pub negated: bool,
    /// "since 2022": from the period's start to the release's last year.
    pub since: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PresenceClaim {
    /// `None`: any supplier ("Ukraine received F-16s in 2024").
    pub supplier: Option<Party>,
    pub recipient: Party,
    pub weapon: Weapon,
    pub presence: Presence,
}

impl std::fmt::Display for DeliveryClaim {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} {} to {} weapon",
            if self.negated {
                "delivery-none"
            } else {
                "delivery"
            },
            self.supplier
                .as_ref()
                .map_or("any".to_string(), Party::token),
            self.recipient.token()
        )?;
        if let Some(n) = self.number {
            write!(f, " {n}")?;
        }
        match (self.since, self.period) {
            (true, Period::Fixed(w)) => {
                write!(f, " \"{}\" since-{}", self.weapon.label(), w.start)?
            }
            _ => write!(f, " \"{}\" {}", self.weapon.label(), self.period)?,
        }
        if let Some(m) = self.month {
            write!(f, " month {m:02}")?;
        }
        if self.first {
            write!(f, " first")?;
        }
        Ok(())
    }
}

impl std::fmt::Display for PresenceClaim {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let w = match self.presence {
            Presence::Past => "deliveries-ever",
            Presence::Never => "deliveries-never",
            Presence::NoLonger => "deliveries-no-longer",
        };
        write!(
            f,
            "{w} {} to {} weapon \"{}\"",
            self.supplier
                .as_ref()
                .map_or("any".to_string(), Party::token),
            self.recipient.token(),
            self.weapon.label()
        )
    }
}

/// Delivery and presence claims in one sentence.
pub(crate) fn extract(s: &Sent) -> Vec<Result<crate::Claim, Msg>> {
    if !s.f.percents.is_empty() {
        return Vec::new();
    }
    let first = s.f.first_ever
        || s.has(|w| {
            matches!(
                w,
                "first" | "erste" | "ersten" | "erster" | "erstes" | "erstmals" | "erstmalig"
            )
        });
    let receive = s.has(receive_verb);
    // "did not deliver", "never supplied": the base form after a negation.
    let deliver = s.has(deliver_verb)
        || (1..s.s.tokens.len()).any(|i| {
            matches!(s.norm(i), "deliver" | "supply" | "sell" | "export")
                && matches!(s.norm(i - 1), "not" | "didn't" | "never" | "n't")
        });
    if !receive && !deliver {
        return Vec::new();
    }
    let Some((weapon, widx)) = weapon(s) else {
        return Vec::new();
    };
    // A count makes sense for a designation or a kind, not for "arms".
    let countable = weapon.designation.is_some() || weapon.kind.is_some();
    if let Some(h) = countable.then(|| count_hedge(s, widx)).flatten() {
        return vec![Err(Reason::HedgedCount(h).into())];
    }
    let number = countable.then(|| count_before(s, widx)).flatten();
    let to = s
        .mention(|m| m.prep == Some(Prep::To))
        .map(|m| m.party.clone());
    // Claims probe 26: "Kasachstan wurden 2020–24 von Russland Waffen
    // geliefert", "Kazakhstan was supplied arms by Russia": after a passive
    // the "von"/"by"/"aus" country is the supplier, and the subject the
    // recipient. "Der Ukraine lieferte Deutschland Waffen": a fronted dative
    // is the recipient.
    let passive = s.has(|w| matches!(w, "wurde" | "wurden" | "worden" | "was" | "were" | "been"));
    let passive_agent = passive.then(|| s.source_mention(None).cloned()).flatten();
    let fronted_dative = s.f.mentions.iter().find(|m| {
        m.prep.is_none()
            && m.form == Form::Noun
            && m.idx == 1
            && s.s.tokens.get(m.end).is_some_and(|t| deliver_verb(&t.norm))
            && match s.norm(0) {
                "dem" | "den" => true,
                "der" => matches!(
                    s.norm(1),
                    "ukraine" | "turkei" | "schweiz" | "slowakei" | "mongolei" | "sowjetunion"
                ),
                _ => false,
            }
    });
    let (supplier, recipient) = if deliver
        && !receive
        && let Some(sup) = passive_agent
    {
        let rec = to.or_else(|| {
            s.mention(|m| {
                m.form == Form::Noun
                    && m.party != sup
                    && !matches!(m.prep, Some(Prep::Other) | Some(Prep::From))
            })
            .map(|m| m.party.clone())
        });
        (Some(sup), rec)
    } else if deliver
        && !receive
        && let Some(d) = fronted_dative
    {
        let rec = d.party.clone();
        let sup = s
            .mention(|m| m.form == Form::Noun && m.prep.is_none() && m.party != rec)
            .map(|m| m.party.clone());
        (sup, Some(rec))
    } else if deliver && !receive {
        let sup = s
            .subject()
            .cloned()
            .or_else(|| s.source_mention(None).cloned())
            .or_else(|| s.adjective(None).cloned());
        let rec = to.or_else(|| {
            s.mention(|m| {
                m.form == Form::Noun
                    && Some(&m.party) != sup.as_ref()
                    && m.prep != Some(Prep::Other)
            })
            .map(|m| m.party.clone())
        });
        (sup, rec.or_else(|| s.discourse.cloned()))
    } else {
        let rec = to
            .or_else(|| s.subject().cloned())
            .or_else(|| {
                s.mention(|m| m.form == Form::Possessive)
                    .map(|m| m.party.clone())
            })
            .or_else(|| s.discourse.cloned());
        let sup = s
            .source_mention(rec.as_ref())
            .or_else(|| s.adjective(rec.as_ref()))
            .or_else(|| {
                s.mention(|m| m.form == Form::Possessive && Some(&m.party) != rec.as_ref())
                    .map(|m| &m.party)
            })
            .cloned();
        (sup, rec)
    };
    let Some(recipient) = recipient else {
        let owner =
            s.mention(|m| m.form == Form::Possessive && Some(&m.party) != supplier.as_ref());
        return vec![Err(match owner {
            Some(m) => Reason::DeliveryOwnerNotRecipient(m.party.clone()).into(),
            None => Reason::DeliveryNoRecipient.into(),
        })];
    };
    // A receiving verb may leave the supplier open: any supplier.
    if supplier.is_none()
        && ((deliver && !receive) || (weapon.designation.is_none() && weapon.kind.is_none()))
    {
        return vec![Err(Reason::DeliveryNoSupplier.into())];
    }
    if supplier.as_ref() == Some(&recipient) {
        return Vec::new();
    }
    if first && weapon.designation.is_none() && weapon.kind.is_none() {
        // "its first Israeli weapons in 2008" is shape (e) first-ever; left to
        // it when its own words ("for the first time") already read it.
        let Some(supplier) = supplier.filter(|_| !s.f.first_ever) else {
            return Vec::new();
        };
        let year = s
            .whens
            .iter()
            .find_map(|w| w.window.filter(|w| w.start == w.end))
            .map(|w| w.start);
        return match year {
            Some(year) => vec![Ok(crate::Claim::FirstEver {
                supplier,
                recipient,
                year,
            })],
            None => Vec::new(),
        };
    }
    let never = s.has(|w| matches!(w, "never" | "nie" | "niemals"));
    let keine_mehr = s
        .word(|w| w == "keine")
        .is_some_and(|k| (k + 1..k + 4).any(|j| s.norm(j) == "mehr"));
    let no_longer = s.pair("no", "longer") || s.pair("nicht", "mehr") || keine_mehr;
    let past = s.pair("the", "past")
        || s.pair("der", "vergangenheit")
        || s.has(|w| {
            matches!(
                w,
                "previously"
                    | "bereits"
                    | "already"
                    | "fruher"
                    | "formerly"
                    | "before"
                    | "zuvor"
                    | "vorher"
                    | "schon"
            )
        });
    // The year nearest the delivery verb: "Finland, which joined NATO in 2023,
    // received F-35s in 2026" is about 2026.
    // A date that belongs to a membership ("joined NATO in 2023", "a member
    // since 1999") is not the delivery's.
    let verb = s.word(|w| receive_verb(w) || deliver_verb(w)).unwrap_or(0);
    let member_words: Vec<usize> = (0..s.s.tokens.len())
        .filter(|&i| {
            let w = s.norm(i);
            matches!(
                w,
                "joined"
                    | "join"
                    | "beitrat"
                    | "beigetreten"
                    | "member"
                    | "signed"
                    | "founded"
                    | "gegrundet"
                    | "acceded"
            ) || w.ends_with("mitglied")
                || w.starts_with("unterzeichn")
        })
        .collect();
    let whens: Vec<_> = s
        .whens
        .iter()
        .filter(|w| w.window.is_some())
        .filter(|w| {
            // Within four words of a membership word, with the delivery verb
            // not in between.
            !member_words.iter().any(|&m| {
                let (a, b) = (m.min(w.idx), m.max(w.idx));
                b - a <= 4 && !(a < verb && verb < b)
            })
        })
        .collect();
    // "In 2023 and 2024, Russia delivered 8 Su-30s": checking the year
    // nearest the verb alone would drop the other.
    if whens.iter().any(|w| w.window != whens[0].window) {
        return vec![Err(Reason::SeveralPeriods.into())];
    }
    let when = whens.into_iter().min_by_key(|w| w.idx.abs_diff(verb));
    // "in the past five years", "in den letzten drei Jahren": the release's last n years.
    let relative = s.f.periods.iter().find_map(|(p, _)| match p {
        crate::features::PeriodRef::Given(Period::LastYears(n)) => Some(*n),
        _ => None,
    });
    let has_period = when.is_some() || relative.is_some();
    let negation = (0..s.s.tokens.len()).any(|i| {
        let (w, next) = (s.norm(i), s.norm(i + 1));
        matches!(
            w,
            "not"
                | "no"
                | "didn't"
                | "didn’t"
                | "none"
                | "nicht"
                | "kein"
                | "keine"
                | "keinen"
                | "keiner"
        ) && !matches!((w, next), ("not", "only") | ("nicht", "nur"))
    });
    // "never … in 2015-2020", "did not receive … in 2023": absence in that period.
    let negated = has_period && (never || negation) && !no_longer;
    if negated && (first || number.is_some()) {
        return vec![Err(Reason::NegatedCountOrFirst.into())];
    }
    let presence = if negated {
        None
    } else if never {
        Some(Presence::Never)
    } else if no_longer {
        Some(Presence::NoLonger)
    } else {
        None
    };
    if let Some(p) = presence {
        return vec![Ok(crate::Claim::Presence(PresenceClaim {
            supplier,
            recipient,
            weapon,
            presence: p,
        }))];
    }
    if negation && !has_period && !past {
        return vec![Err(Reason::NegatedNoPeriod.into())];
    }
    if let (None, Some(n)) = (when, relative) {
        return vec![Ok(crate::Claim::Delivery(DeliveryClaim {
            supplier,
            recipient,
            weapon,
            period: Period::LastYears(n),
            month: None,
            number,
            first,
            negated,
            since: false,
        }))];
    }
    match when {
        Some(w) => {
            let win = w.window.expect("filtered");
            let since = crate::when::since(&s.s.tokens, w);
            if since && (negated || first || number.is_some()) {
                // "none since 2022" may or may not include 2022.
                return vec![Err(Reason::NegatedSince.into())];
            }
            let period = Period::Fixed(win);
            vec![Ok(crate::Claim::Delivery(DeliveryClaim {
                supplier,
                recipient,
                weapon,
                period,
                month: w.date.and_then(|d| d.month),
                number,
                first,
                negated,
                since,
            }))]
        }
        None if past => vec![Ok(crate::Claim::Presence(PresenceClaim {
            supplier,
            recipient,
            weapon,
            presence: Presence::Past,
        }))],
        None => vec![Err(Reason::DeliveryNoYear.into())],
    }
}

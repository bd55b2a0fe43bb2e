//! "first-ever" statements: the first delivery between two countries in a
//! stated year (shape e).

use crate::claim::Claim;
use crate::claim::Period;
use crate::features::Form;
use crate::i18n::{Msg, Reason};
use crate::lexicon::Prep;
use crate::readings::Ctx;

pub(crate) fn first_ever(ctx: &Ctx, periods: &[(Period, usize)]) -> Result<Claim, Msg> {
    let year = periods
        .iter()
        .find_map(|(p, _)| match p {
            Period::Fixed(w) if w.start == w.end => Some(w.start),
            _ => None,
        })
        .ok_or(Reason::FirstEverNeedsYear)?;
    let (supplier, recipient) = if ctx.f.receive_verb {
        let r = ctx
            .find(|m| m.form == Form::Noun && m.prep.is_none())
            .cloned()
            .or_else(|| ctx.implicit(None));
        let r = r.ok_or(Reason::NoRecipientNamed)?;
        let s = ctx
            .find(|m| (m.prep == Some(Prep::From) || m.form == Form::Adjective) && m.party != r)
            .cloned()
            .ok_or(Reason::NoSupplierNamed)?;
        (s, r)
    } else {
        let s = ctx
            .find(|m| {
                (m.prep.is_none() || m.prep == Some(Prep::From)) && m.form != Form::Possessive
            })
            .cloned()
            .or_else(|| ctx.implicit(None))
            .ok_or(Reason::NoSupplierNamed)?;
        let r = ctx
            .find(|m| m.prep == Some(Prep::To) && m.party != s)
            .cloned()
            .or_else(|| ctx.implicit(Some(&s)))
            .ok_or(Reason::NoRecipientNamed)?;
        (s, r)
    };
    if supplier == recipient {
        return Err(Reason::SameParty.into());
    }
    Ok(Claim::FirstEver {
        supplier,
        recipient,
        year,
    })
}

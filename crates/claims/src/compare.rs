//! Shape (f): one country's imports from (or exports to) two partners,
//! compared by TIV — "imported more arms from Spain than from Türkiye".

use crate::check::{Out, bilateral, filter, id, verdict, window};
use crate::claim::{Claim, Party, Period};
use crate::features::{Form, Mention};
use crate::i18n::{FigureMsg, Msg, Reason, Tol};
use crate::lexicon::Prep;
use crate::readings::{Ctx, period_near};
use engine::Direction;
use model::{Category, Release};

/// Checks "`focus` imported more from `more` than from `less`" (or exported
/// more to `more` than to `less`).
pub(crate) fn check(
    rel: &Release,
    direction: Direction,
    focus: &Party,
    more: &Party,
    less: &Party,
    period: &Period,
    category: &Option<Category>,
) -> Result<Out, Box<Out>> {
    bilateral(rel)?;
    let w = window(rel, period)?;
    let f = id(rel, focus).ok_or_else(|| Out::fail(FigureMsg::NoDeliveriesOf(focus.clone())))?;
    crate::check::sided(rel, direction, Some(f))?;
    let parts = engine::partners(rel, f, direction, &filter(w, category));
    let tiv = |p: &Party| id(rel, p).and_then(|e| parts.get(e)).map_or(0.0, |x| x.tiv);
    let split = |p: &Party| {
        id(rel, p)
            .and_then(|e| parts.get(e))
            .map_or(0.0, |x| x.allocated_tiv)
    };
    let (a, b) = (tiv(more), tiv(less));
    Ok(Out {
        computed: Some(a - b),
        // Either side resting on armsflow's split of legacy deal totals.
        allocated: crate::check::frac(split(more) + split(less), a + b),
        tolerance: Some(Tol::MoreTiv),
        window: Some(w),
        ..Out::new(
            verdict(a > b),
            FigureMsg::Compare {
                focus: focus.clone(),
                dir: direction,
                cat: *category,
                more: (more.clone(), a),
                less: (less.clone(), b),
                window: w,
            },
        )
    })
}

/// "imported more arms from Spain than from Türkiye", "lieferte mehr Waffen
/// an Indien als an Katar", "kaufte mehr Waffen in Russland als in
/// Frankreich": a comparison of two partners of one country. `idx` is the
/// "than"/"als" token.
pub(crate) fn compare_claim(
    ctx: &Ctx,
    t: &[crate::lex::Token],
    idx: usize,
    periods: &[(Period, usize)],
) -> Result<Option<Claim>, Msg> {
    let f = ctx.f;
    let clause = f.clause(idx);
    let w = |i: usize| t.get(i).map_or("", |x| x.norm.as_str());
    let lo = idx.saturating_sub(8);
    let sign = (lo..idx).rev().find_map(|i| match w(i) {
        "more" | "mehr" => Some(1),
        "less" | "fewer" | "weniger" => Some(-1),
        _ => None,
    });
    let Some(sign) = sign else { return Ok(None) };
    // The word before a mention, articles skipped: "from", "aus", "an", "in".
    let prep_word = |m: &Mention| {
        let mut j = m.idx;
        while j > 0 && crate::lexicon::is_article(w(j - 1)) {
            j -= 1;
        }
        if j > 0 {
            w(j - 1).to_string()
        } else {
            String::new()
        }
    };
    let in_clause = |m: &&Mention| f.clause(m.idx) == clause;
    let Some(b) = f
        .mentions
        .iter()
        .filter(in_clause)
        .find(|m| m.idx > idx && m.idx <= idx + 4)
    else {
        return Ok(None);
    };
    let pw = prep_word(b);
    let Some(a) = f
        .mentions
        .iter()
        .filter(in_clause)
        .filter(|m| m.idx < idx && m.party != b.party && prep_word(m) == pw)
        .max_by_key(|m| m.idx)
    else {
        return Ok(None);
    };
    let direction = match b.prep {
        Some(Prep::From) => Direction::Imports,
        Some(Prep::To) => Direction::Exports,
        _ if matches!(pw.as_str(), "in" | "bei") => Direction::Imports,
        _ => return Ok(None),
    };
    // A direction word that says the opposite ("exported … from") is not read.
    if f.directions
        .iter()
        .any(|(d, i)| f.clause(*i) == clause && f.verb_at(*i) && *d != direction)
    {
        return Ok(None);
    }
    let (more, less) = if sign > 0 {
        (a.party.clone(), b.party.clone())
    } else {
        (b.party.clone(), a.party.clone())
    };
    let not_ab = |m: &Mention| m.party != more && m.party != less;
    let focus = ctx
        .find(|m| {
            f.clause(m.idx) == clause && m.form == Form::Noun && m.prep.is_none() && not_ab(m)
        })
        .cloned()
        .or_else(|| ctx.implicit(Some(&more)).filter(|p| *p != less))
        .ok_or(Reason::NoCompareFocus)?;
    let period = period_near(f, periods, idx)?;
    Ok(Some(Claim::Compare {
        direction,
        focus,
        more,
        less,
        period,
        category: None,
    }))
}

/// "88 % more arms from Russia than from Spain": the figure measures the gap
/// between the two parties, but it was also read as the first one's share,
/// which supported false gaps whenever they matched that share (claims
/// probe 35). A figure right before a comparative that a "than"/"als"
/// follows refuses the sentence if a share or comparison was read from it.
pub(crate) fn gap_figure(
    f: &crate::features::Features,
    t: &[crate::lex::Token],
    built: &[Claim],
) -> Option<Msg> {
    const COMPARATIVES: &[&str] = &[
        "more",
        "fewer",
        "less",
        "higher",
        "lower",
        "greater",
        "larger",
        "bigger",
        "smaller",
        "mehr",
        "weniger",
        "hoher",
        "niedriger",
        "grosser",
        "kleiner",
        "geringer",
    ];
    let read = built.iter().any(|c| {
        matches!(
            c,
            Claim::Compare { .. } | Claim::ImportShare { .. } | Claim::ExportShare { .. }
        )
    });
    if !read {
        return None;
    }
    f.percents.iter().find_map(|p| {
        let w = t.get(p.idx + 2)?;
        let percent = t.get(p.idx + 1)?.kind == crate::lex::Kind::Percent;
        let than = t[p.idx + 2..]
            .iter()
            .any(|x| matches!(x.norm.as_str(), "than" | "als"));
        (percent && than && COMPARATIVES.contains(&w.norm.as_str()))
            .then(|| Reason::GapBetweenParties(w.text.clone()).into())
    })
}

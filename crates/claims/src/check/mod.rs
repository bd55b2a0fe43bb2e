//! Verdicts: a claim checked against one release, with the computed value, the
//! tolerance its wording allows, the release it rests on and how much of the
//! figure rests on SIPRI's estimates.
//!
//! Every figure comes from the engine ([`engine::partners`], [`engine::ranking`],
//! [`engine::pair`]); nothing here re-aggregates flows. The shapes (a)–(e) and
//! (k) are computed in [`figures`]; their explanations are typed [`Msg`]s,
//! written out in the sentence's language by [`crate::i18n`].

mod figures;
mod rounding;

use crate::claim::{Claim, Party, Period};
use crate::i18n::{Caveat, FigureMsg, Msg, Tol};
use crate::lex::Lang;
use crate::stated::Stated;
use engine::Filter;
use model::{Category, EntityId, Release, Window};
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Supported,
    NotSupported,
    /// The release cannot decide: period not covered, no deliveries to take a
    /// share of, a one-sided TIV table, or a "first" at the start of the data.
    CannotBeChecked,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Supported => "supported",
            Verdict::NotSupported => "not supported",
            Verdict::CannotBeChecked => "cannot be checked",
        }
    }
}

fn caveat_text<S: serde::Serializer>(c: &Option<Caveat>, s: S) -> Result<S::Ok, S::Error> {
    match c {
        Some(c) => s.serialize_some(crate::i18n::catalogue(Lang::English).caveat(*c)),
        None => s.serialize_none(),
    }
}

/// The outcome of checking one claim.
#[derive(Debug, Clone, Serialize)]
pub struct Checked {
    pub claim: Claim,
    /// The claim in structured form.
    pub structured: String,
    pub verdict: Verdict,
    /// The computed main figure: a percentage (shares, change), a rank, or a year.
    pub computed: Option<f64>,
    /// The computed rank, where the claim states one.
    pub computed_rank: Option<u32>,
    /// The accepted interval for the stated number, e.g. `[87.5, 88.5)`.
    pub tolerance: Option<String>,
    /// `tolerance` in `lang`: `[87,5; 88,5)`.
    pub tolerance_localized: Option<String>,
    /// The window the claim was checked over (relative periods resolved).
    pub window: Option<Window>,
    /// Fraction of the TIV behind the figure that rests on SIPRI estimates.
    pub estimated_share: Option<f64>,
    /// Fraction that is our allocation of per-deal totals (legacy register).
    pub allocated_share: Option<f64>,
    /// What was computed, in words (English: the stable field).
    pub explanation: String,
    pub release: String,
    pub citation: String,
    pub synthetic: bool,
    /// Qualifies the verdict ("designation differs"): shown next to it, never dropped.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "caveat_text"
    )]
    pub caveat: Option<Caveat>,
    /// The language of the sentence (`en`, `de`): the language of the two
    /// fields below.
    pub lang: Lang,
    /// [`Checked::verdict_label`] in `lang`: "belegt, Bezeichnung weicht ab".
    pub verdict_localized: String,
    /// `explanation` in `lang`.
    pub explanation_localized: String,
    /// The explanation as data, for rendering in another language.
    #[serde(skip)]
    pub message: Msg,
    #[serde(skip)]
    pub tol: Option<Tol>,
}

impl Checked {
    /// A verdict on `claim` against `rel`, in English until [`Checked::localize`]d.
    pub(crate) fn new(claim: &Claim, rel: &Release, out: Out) -> Checked {
        let mut c = Checked {
            claim: claim.clone(),
            structured: claim.to_string(),
            verdict: out.verdict,
            computed: out.computed,
            computed_rank: out.computed_rank,
            tolerance: out.tolerance.as_ref().map(|t| t.render(Lang::English)),
            tolerance_localized: None,
            window: out.window,
            // A table flags nothing: its 0 % would read as "exact".
            estimated_share: out
                .estimated
                .filter(|_| rel.meta.format.estimate_flags() != model::EstimateFlags::Absent),
            allocated_share: out.allocated,
            explanation: out.explanation.english(),
            release: rel.meta.id.clone(),
            citation: out.citation.unwrap_or_else(|| rel.citation()),
            synthetic: rel.meta.synthetic,
            caveat: out.caveat,
            lang: Lang::English,
            verdict_localized: String::new(),
            explanation_localized: String::new(),
            message: out.explanation,
            tol: out.tolerance,
        };
        c.localize(Lang::English);
        c
    }

    /// The verdict with its caveat: "supported, designation differs".
    pub fn verdict_label(&self) -> String {
        crate::i18n::verdict_label(Lang::English, self.verdict, self.caveat)
    }

    /// Writes the localized fields in `lang` (the sentence's language).
    pub fn localize(&mut self, lang: Lang) {
        self.lang = lang;
        self.verdict_localized = crate::i18n::verdict_label(lang, self.verdict, self.caveat);
        self.explanation_localized = self.message.render(lang);
        self.tolerance_localized = self.tol.as_ref().map(|t| t.render(lang));
    }

    /// This verdict's explanation in `lang`.
    pub fn explanation_in(&self, lang: Lang) -> String {
        self.message.render(lang)
    }
}

/// What a checker computes; turned into a [`Checked`] by [`Checked::new`].
#[derive(Debug, Clone)]
pub(crate) struct Out {
    pub(crate) verdict: Verdict,
    pub(crate) computed: Option<f64>,
    pub(crate) computed_rank: Option<u32>,
    pub(crate) tolerance: Option<Tol>,
    pub(crate) window: Option<Window>,
    pub(crate) estimated: Option<f64>,
    pub(crate) allocated: Option<f64>,
    pub(crate) explanation: Msg,
    /// Qualifies a verdict: "designation differs".
    pub(crate) caveat: Option<Caveat>,
    /// Set when the source is the group table rather than the release.
    pub(crate) citation: Option<String>,
}

impl Out {
    pub(crate) fn new(verdict: Verdict, explanation: impl Into<Msg>) -> Out {
        let explanation = explanation.into();
        Out {
            verdict,
            computed: None,
            computed_rank: None,
            tolerance: None,
            window: None,
            estimated: None,
            allocated: None,
            explanation,
            caveat: None,
            citation: None,
        }
    }

    /// [`cannot`] as the error of a checker's `?` chain.
    pub(crate) fn fail(why: impl Into<Msg>) -> Box<Out> {
        Box::new(cannot(why))
    }
}

/// Either arm of a checker's `Result`: the outcome, good or early.
pub(crate) fn settle<E: Into<Out>>(r: Result<Out, E>) -> Out {
    r.unwrap_or_else(Into::into)
}

impl From<Box<Out>> for Out {
    fn from(b: Box<Out>) -> Out {
        *b
    }
}

pub(crate) fn cannot(why: impl Into<Msg>) -> Out {
    Out::new(Verdict::CannotBeChecked, why)
}

pub(crate) fn frac(part: f64, whole: f64) -> Option<f64> {
    (whole > 0.0).then(|| part / whole)
}

/// Checks `claim` against `rel`.
pub fn check(claim: &Claim, rel: &Release) -> Checked {
    // A file cut short or edited answers with the wrong whole (hostile-files
    // probe: the US "44.02 %" of a table cut before its world row, 42.1 % of
    // the whole file): no verdict on such a release.
    if let Some(c) = rel.meta.caveats.first() {
        let why = FigureMsg::ReleaseCaveat {
            release: rel.meta.id.clone(),
            caveat: c.clone(),
        };
        return Checked::new(claim, rel, cannot(why));
    }
    // A category asked of a release without categories selects nothing:
    // no verdict, rather than "imported nothing" (regression: the legacy
    // register, every row "Unspecified").
    // (A delivery names its weapon, which the legacy register has too.)
    let by_category = !matches!(claim, Claim::Delivery(_) | Claim::Presence(_))
        && crate::rule::category_of(claim).is_some();
    if by_category && engine::needs_categories(rel).is_some() {
        let why = match engine::needs_register(rel, "a category") {
            Some(_) => FigureMsg::OneSided {
                release: rel.meta.id.clone(),
                format: rel.meta.format.as_str().to_string(),
            },
            None => FigureMsg::NoCategories {
                release: rel.meta.id.clone(),
            },
        };
        return Checked::new(claim, rel, cannot(why));
    }
    if let Some(out) = before_first_record(claim, rel) {
        return Checked::new(claim, rel, out);
    }
    if let Some(out) = organisation_totals(claim, rel) {
        return Checked::new(claim, rel, out);
    }
    if crate::shapes::is_new_shape(claim) {
        return crate::shapes::check_builtin(claim, rel);
    }
    let mut out = settle(figures::run(claim, rel));
    if let (Some(n), Some(w)) = (relative_years(claim), out.window) {
        let note = FigureMsg::RelativeWindow(n, w).into();
        out.explanation = Msg::Join(vec![out.explanation, note]);
    }
    revised(unallocated(Checked::new(claim, rel, out)), claim, rel)
}

/// A final "not supported" on a window SIPRI has published before says that
/// SIPRI's revisions may be why; a verdict made "cannot be checked" (the
/// legacy split) needs no such word.
fn revised(mut c: Checked, claim: &Claim, rel: &Release) -> Checked {
    if c.verdict != Verdict::NotSupported || !ends_before_last_year(claim, rel) {
        return c;
    }
    let note = FigureMsg::Revised {
        release: rel.meta.id.clone(),
        date: rel
            .meta
            .generated
            .clone()
            .unwrap_or_else(|| rel.meta.generated_raw.clone()),
    };
    c.message = Msg::Join(vec![c.message.clone(), note.into()]);
    c.explanation = c.message.english();
    let lang = c.lang;
    c.localize(lang);
    c
}

/// Whether every window of the claim ends before the release's last year of
/// complete data: SIPRI has then published figures for it from earlier
/// releases, which its revisions may have moved (published-figures probe 18:
/// SIPRI's own "42 per cent in 2019-23" is 41.18 % on the Feb-2026 register).
fn ends_before_last_year(claim: &Claim, rel: &Release) -> bool {
    let Some(last) = engine::filter::last_complete_year(rel) else {
        return false;
    };
    let periods: Vec<&Period> = match claim {
        Claim::ImportShare { period, .. }
        | Claim::ExportShare { period, .. }
        | Claim::Global { period, .. }
        | Claim::Largest { period, .. }
        | Claim::Compare { period, .. } => vec![period],
        Claim::Change { from, to, .. } => vec![from, to],
        _ => return false,
    };
    let ends: Vec<u16> = periods
        .iter()
        .filter_map(|p| p.resolve(Some(last)))
        .map(|w| w.end)
        .collect();
    ends.len() == periods.len() && ends.iter().all(|&e| e < last)
}

/// The N of a claim's "last N years" period (shapes a-e, k).
fn relative_years(claim: &Claim) -> Option<u16> {
    match claim {
        Claim::ImportShare { period, .. }
        | Claim::ExportShare { period, .. }
        | Claim::Global { period, .. }
        | Claim::Largest { period, .. }
        | Claim::Compare { period, .. } => match period {
            crate::claim::Period::LastYears(n) => Some(*n),
            crate::claim::Period::Fixed(_) => None,
        },
        _ => None,
    }
}

/// An organisation whose totals a figure takes ("NATO's arms imports",
/// "NATO's largest supplier", "NATO's share of world imports"): the reader
/// may mean its members (regression of claims probe 8: "The United States
/// supplied 10 % of NATO's arms imports" supported on NATO**'s own 105 of
/// 1,065 TIV, where the members' imports give 51 %). Deliveries to or by the
/// organisation are still checked.
fn organisation_totals(claim: &Claim, rel: &Release) -> Option<Out> {
    let totals: Vec<&Party> = match claim {
        Claim::ImportShare {
            recipient,
            supplier,
            ..
        } => vec![recipient, supplier],
        Claim::ExportShare {
            supplier,
            recipient,
            ..
        } => vec![supplier, recipient],
        Claim::Global { focus, .. } | Claim::Change { focus, .. } => vec![focus],
        Claim::Largest { focus, answer, .. } => vec![focus, answer],
        _ => return None,
    };
    let org = totals.into_iter().find(|p| {
        id(rel, p).is_some_and(|e| rel.entities.get(e).kind == model::EntityKind::Organisation)
    })?;
    Some(cannot(FigureMsg::Organisation { who: org.clone() }))
}

/// A party asked about for years before the release records it at all:
/// SIPRI lists the Soviet Union, not Russia, before 1992 (regression: "Russia
/// was the world's largest arms exporter in 1985-89" not supported on 0 TIV
/// in the legacy register).
fn before_first_record(claim: &Claim, rel: &Release) -> Option<Out> {
    let last = engine::year_span(rel)?.1;
    let (parties, periods): (Vec<&Party>, Vec<&crate::claim::Period>) = match claim {
        Claim::ImportShare {
            recipient,
            supplier,
            period,
            ..
        }
        | Claim::ExportShare {
            supplier,
            recipient,
            period,
            ..
        } => (vec![supplier, recipient], vec![period]),
        Claim::Global { focus, period, .. } => (vec![focus], vec![period]),
        Claim::Largest {
            focus,
            answer,
            period,
            ..
        } => (vec![focus, answer], vec![period]),
        Claim::Change {
            focus, from, to, ..
        } => (vec![focus], vec![from, to]),
        _ => return None,
    };
    let earliest_end = periods
        .iter()
        .filter_map(|p| p.resolve(Some(last)))
        .map(|w| w.end)
        .min()?;
    let fl = &rel.flows;
    for p in parties {
        let Some(e) = id(rel, p) else { continue };
        let first = (0..fl.len())
            .filter(|&i| fl.supplier[i] == e || fl.recipient[i] == e)
            .map(|i| fl.year[i])
            .min();
        if let Some(first) = first
            && earliest_end < first
        {
            return Some(cannot(FigureMsg::BeforeFirstRecord {
                who: p.clone(),
                first,
            }));
        }
    }
    None
}

/// No verdict from a figure that rests on our allocation of legacy deal
/// totals to years: SIPRI's per-year values are not in such a release, and
/// the verdict could flip with another split (regression: "Russia supplied
/// 88 % of Kazakhstan's arms imports in 2020-24" was not supported on the
/// Mar-2025 legacy register, 88.90 % with 48 % of it allocated, though
/// SIPRI's per-year register gives 88.4 %). Weapon counts are refused so
/// already; a delivery in a listed year is SIPRI's own record.
pub(crate) fn unallocated(mut c: Checked) -> Checked {
    let Some(a) = c.allocated_share.filter(|a| *a > 0.0) else {
        return c;
    };
    if c.verdict == Verdict::CannotBeChecked {
        return c;
    }
    c.verdict = Verdict::CannotBeChecked;
    c.caveat = None;
    let reason = Msg::Reason(crate::i18n::Reason::RestsOnAllocation(a * 100.0));
    c.message = Msg::Join(vec![reason, c.message.clone()]);
    c.explanation = c.message.english();
    let lang = c.lang;
    c.localize(lang);
    c
}

/// A claim read from prose whose wording carries something the claim cannot
/// represent: nothing is computed, the reason is the explanation.
pub fn cannot_check(claim: &Claim, rel: &Release, reason: &Msg) -> Checked {
    Checked::new(claim, rel, cannot(reason.clone()))
}

/// The selection a claim's figures are computed over.
pub(crate) fn filter(w: Window, c: &Option<Category>) -> Filter {
    Filter::new(w).with_category(*c)
}

pub(crate) fn id(rel: &Release, p: &Party) -> Option<EntityId> {
    rel.entities.by_key(&p.key)
}

/// The entity `id` as a party, for explanations ("?" when unknown).
pub(crate) fn party_of(rel: &Release, id: EntityId) -> Party {
    rel.entities
        .try_get(id)
        .map_or_else(|| Party::new("", "?"), |e| Party::new(&e.key, &e.name))
}

/// The release's span of years with deliveries.
pub(crate) fn span(rel: &Release) -> Result<Window, Box<Out>> {
    engine::year_span(rel)
        .map(|(a, b)| Window { start: a, end: b })
        .ok_or_else(|| Out::fail(FigureMsg::NoDeliveriesAtAll))
}

/// The window of `p`, if the release covers it entirely: the period prelude
/// every shape shares (relative periods resolved against the release's last
/// year, the one coverage rule of `model::Coverage`).
pub(crate) fn window(rel: &Release, p: &Period) -> Result<Window, Box<Out>> {
    let span = engine::year_span(rel);
    // "The latest five years" end at the last complete year.
    let w = p
        .resolve(engine::filter::last_complete_year(rel))
        .ok_or_else(|| Out::fail(FigureMsg::NoDataForRelative))?;
    if span.is_none() {
        return Err(Out::fail(FigureMsg::NoDeliveriesAtAll));
    }
    covered(rel, w)
}

/// `w` if the release covers every year of it.
pub(crate) fn covered(rel: &Release, w: Window) -> Result<Window, Box<Out>> {
    let c = rel.coverage(w);
    if c.is_complete() {
        Ok(w)
    } else {
        Err(Out::fail(Msg::not_covered(&c)))
    }
}

/// Supplier-recipient questions need a register, not a TIV table: even a
/// per-supplier table, which names both parties, holds one supplier's
/// exports only (regression: on Russia's table, "Russia supplied 5.6 % of
/// Pakistan's imports" was not supported, computed 100 %).
pub(crate) fn bilateral(rel: &Release) -> Result<(), Box<Out>> {
    use model::SourceFormat::{LegacyRegister, Register};
    if matches!(rel.meta.format, Register | LegacyRegister) {
        Ok(())
    } else {
        Err(one_sided_fail(rel))
    }
}

/// A country's imports or exports (`focus`), or every country's (`None`),
/// as far as the release holds them ([`engine::one_sided`]).
pub(crate) fn sided(
    rel: &Release,
    dir: engine::Direction,
    focus: Option<EntityId>,
) -> Result<(), Box<Out>> {
    match engine::one_sided(rel, dir, focus) {
        None => Ok(()),
        Some(_) => Err(one_sided_fail(rel)),
    }
}

fn one_sided_fail(rel: &Release) -> Box<Out> {
    if rel.meta.is_scoped() {
        return Out::fail(FigureMsg::Scoped {
            release: rel.meta.id.clone(),
            scope: rel.meta.scope_phrase(),
        });
    }
    Out::fail(FigureMsg::OneSided {
        release: rel.meta.id.clone(),
        format: rel.meta.format.as_str().to_string(),
    })
}

/// A pair-level fact (a first delivery, deliveries of a weapon) from
/// `supplier` (`None`: any supplier) to `recipient`: a register downloaded
/// for some countries holds it whole only when both sides lie inside its
/// scope (regression: on the "to Ukraine" download, "Ukraine received 100 %
/// of US arms exports" was supported).
pub(crate) fn pair_in_scope(
    rel: &Release,
    supplier: Option<&Party>,
    recipient: &Party,
) -> Result<(), Box<Out>> {
    let (from, to) = rel.meta.download_scope();
    let named = |p: &Party, names: &[String]| {
        let name = rel
            .entities
            .by_key(&p.key)
            .map_or(p.name.as_str(), |i| rel.entities.get(i).name.as_str());
        names.iter().any(|n| n.eq_ignore_ascii_case(name))
    };
    let side_ok = |p: Option<&Party>, names: &Option<Vec<String>>| match (names, p) {
        (None, _) => true,
        (Some(n), Some(p)) => named(p, n),
        (Some(_), None) => false,
    };
    if side_ok(supplier, &from) && side_ok(Some(recipient), &to) {
        Ok(())
    } else {
        Err(one_sided_fail(rel))
    }
}

pub(crate) fn verdict(ok: bool) -> Verdict {
    if ok {
        Verdict::Supported
    } else {
        Verdict::NotSupported
    }
}

pub(crate) fn within(stated: &Stated, pct: f64) -> (bool, Tol) {
    let t = stated.tolerance();
    (t.contains(pct), Tol::Interval(t))
}

/// The period prelude of the delivery and main-supplier shapes: the
/// release's span and `p` resolved against its last year, if the span covers it.
pub(crate) fn resolve_in(rel: &Release, p: &Period) -> Result<(Window, Window), Box<Out>> {
    let all = span(rel)?;
    let w = p
        .resolve(Some(all.end))
        .ok_or_else(|| Out::fail(FigureMsg::NoPeriodResolved))?;
    Ok((all, in_span(all, w)?))
}

/// `w` if it lies inside the release's span `all`.
pub(crate) fn in_span(all: Window, w: Window) -> Result<Window, Box<Out>> {
    let c = model::Coverage::of(w, Some((all.start, all.end)));
    if c.is_complete() {
        Ok(w)
    } else {
        Err(Out::fail(Msg::not_covered(&c)))
    }
}

//! Claims about arms transfers, checked against one SIPRI release.
//!
//! The claim shapes cover what SIPRI and the press say (`docs/claims.md`):
//! (a) a supplier's share of a recipient's imports, (b) a recipient's share of
//! a supplier's exports and its rank among the supplier's customers, (c) %
//! change between two windows, (d) global share and rank, (e) "n-th largest"
//! and "first-ever", (k) comparisons of two partners; each optionally for one
//! armament category, ranks exact or as a top-N range. A claim is written in
//! a small structured form ([`structured::parse`]) or found in English or
//! German prose ([`extract::extract`]), then [`check::check`]ed: supported,
//! not supported or cannot be checked, with the computed value, the tolerance
//! derived from the stated precision, the release id and the share resting on
//! estimates. Prose is read under one rule ([`rule`]): every meaning-bearing
//! word must be represented in the claims built, else the sentence is cannot
//! be checked, naming the word — never a verdict on a reduced claim.
//!
//! Five more shapes are read from prose only ([`shapes`]): (f) deliveries of a
//! weapon, (g) past or absent deliveries, (h) main or dominant suppliers,
//! (i) facts of the group table and (j) reported speech and forecasts, which
//! are listed as not checkable. They are under the same rule.

// Reasons are typed messages (i18n::Msg) carrying their figures; a few are
// large, and they are made once per sentence, never in a hot loop.
#![allow(clippy::result_large_err)]

mod antecedent;
mod asides;
pub mod check;
pub mod claim;
mod combat;
mod compare;
mod continued;
pub mod deals;
mod durations;
mod ellipsis;
pub mod extract;
pub mod features;
mod first;
mod flownoun;
mod flows;
pub mod groupfacts;
pub mod i18n;
pub mod lex;
pub mod lexicon;
mod listed;
pub mod mainsupplier;
pub mod meaning;
mod misread;
pub mod names;
pub mod normalize;
mod notation;
mod numbers;
mod pairing;
pub mod phrases;
mod posthedge;
mod readings;
pub mod rule;
pub mod shapes;
pub mod speech;
pub mod stated;
pub mod structured;
pub mod timing;
pub mod unasserted;
pub mod weapon;
pub mod weapons;
pub mod when;

pub use check::{Checked, Verdict, cannot_check, check};
pub use claim::{Claim, Party, Period, Rank, Role};
pub use extract::{Blocked, Extraction, Found, Skipped, extract};
pub use names::Names;
pub use stated::{Qualifier, Stated, Tolerance};
pub use structured::{ParseError, looks_structured, parse};

use model::Release;
use serde::Serialize;

/// Why the claims of a text cannot be checked against `rel` at all, or `None`
/// when they can. A synthetic release holds our generator's numbers, so a
/// verdict against it (red or green) would judge a real sentence by invented
/// data: every surface (CLI, API, page) refuses with this explanation instead.
pub fn refusal(rel: &Release) -> Option<String> {
    refusal_msg(rel).map(|m| m.english())
}

/// [`refusal`] in the language of `text` (the claims it would have checked).
pub fn refusal_for(rel: &Release, text: &str) -> Option<String> {
    let lang = lex::detect(&normalize::normalize(text).text);
    refusal_msg(rel).map(|m| m.render(lang))
}

/// [`refusal`] as a message, for the language of the text.
pub fn refusal_msg(rel: &Release) -> Option<i18n::Msg> {
    rel.meta
        .synthetic
        .then(|| i18n::Reason::Synthetic(rel.meta.id.clone()).into())
}

/// One claim found in a text, with its verdict.
#[derive(Debug, Clone, Serialize)]
pub struct TextCheck {
    pub sentence: String,
    pub offset: usize,
    pub checked: Checked,
}

/// Finds and checks every claim in `text`. Claims whose sentence says more
/// than they represent come back as cannot be checked, with the reason.
/// Sentences that carry no checkable claim produce nothing; near-misses are
/// in the returned [`Skipped`] list.
pub fn check_text(text: &str, rel: &Release, names: &Names) -> (Vec<TextCheck>, Vec<Skipped>) {
    check_text_with(text, rel, names, shapes::builtin_groups())
}

/// [`check_text`] with a group table for the group facts (built-in plus
/// `--groups` files); everything else as there.
pub fn check_text_with(
    text: &str,
    rel: &Release,
    names: &Names,
    groups: &shapes::GroupTable,
) -> (Vec<TextCheck>, Vec<Skipped>) {
    let ex = extract(text, names);
    check_found(ex, rel, groups, || true).unwrap_or_default()
}

/// Checks what [`extract`] found: claims with their verdicts, blocked claims as
/// cannot be checked, in text order, plus the near-misses. `go_on` is asked
/// before each claim; `None` when it said no, which is how the server drops
/// the work of a request its client abandoned.
pub fn check_found(
    ex: Extraction,
    rel: &Release,
    groups: &shapes::GroupTable,
    mut go_on: impl FnMut() -> bool,
) -> Option<(Vec<TextCheck>, Vec<Skipped>)> {
    let mut checks = Vec::with_capacity(ex.claims.len() + ex.blocked.len());
    for f in ex.claims {
        if !go_on() {
            return None;
        }
        let checked = shapes::check_with(&f.claim, rel, groups);
        let mut checked = combat::both_readings(&f.sentence, &f.claim, rel, checked, |c, r| {
            shapes::check_with(c, r, groups)
        });
        attributed(&f.sentence, &mut checked);
        published_in(f.published, &mut checked);
        checked.localize(f.lang);
        checks.push(TextCheck {
            checked,
            sentence: f.sentence,
            offset: f.offset,
        });
    }
    checks.extend(ex.blocked.into_iter().map(|b| {
        let mut checked = cannot_check(&b.claim, rel, &b.message);
        if b.misread {
            checked.structured = "-".into();
        }
        checked.localize(b.lang);
        TextCheck {
            checked,
            sentence: b.sentence,
            offset: b.offset,
        }
    }));
    checks.sort_by_key(|c| c.offset);
    Some((checks, ex.skipped))
}

/// Words that attribute a figure to a source. SIPRI itself is not a source
/// to flag: its figures are what the checker compares with.
const ATTRIBUTIONS: &[&str] = &[
    "according to",
    "claims",
    "claimed",
    "said",
    "says",
    "told",
    "stated",
    "noted",
    "laut",
    "zufolge",
    "behauptet",
    "behauptete",
    "sagte",
    "sagt",
    "erklärte",
    "erklärt",
];

/// A decided verdict on a figure the sentence attributes to a source says
/// that only the figure was checked (claims probe 9: "The Kremlin claims
/// that Russia supplied 88 % …" came back supported with no word that the
/// claim checked is the figure, not the Kremlin's statement).
fn attributed(sentence: &str, checked: &mut Checked) {
    let lower = sentence.to_lowercase();
    let decided = matches!(checked.verdict, Verdict::Supported | Verdict::NotSupported);
    if !decided || lower.contains("sipri") {
        return;
    }
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let found = ATTRIBUTIONS
        .iter()
        .find(|a| {
            let parts: Vec<&str> = a.split(' ').collect();
            words.windows(parts.len()).any(|w| w == parts.as_slice())
        })
        .map(|a| a.to_string())
        .or_else(|| dash_source(sentence));
    if let Some(a) = found {
        let note = i18n::FigureMsg::Attributed(a).into();
        checked.message = i18n::Msg::Join(vec![checked.message.clone(), note]);
        checked.explanation = checked.message.english();
    }
}

/// The source of a pull quote, named after a dash: `“98 % …” – Defence
/// Minister`, `„98 Prozent …“ – Verteidigungsminister` (claims probe 21:
/// checked as the writer's own claim, with no note, while `“…,” the
/// minister said.` had one); also in single quotes, in brackets after the
/// quote, or before a colon (`Defence Minister: “98 % …”`, claims probe 22).
fn dash_source(sentence: &str) -> Option<String> {
    let s = sentence.trim_end().trim_end_matches(['.', ')']);
    let plain = |source: &str| {
        let words = source.split_whitespace().count();
        let plain = !source.chars().any(|c| {
            c.is_ascii_digit() || matches!(c, '%' | '“' | '”' | '"' | '„' | '«' | '»' | ':')
        });
        plain && (1..=8).contains(&words)
    };
    // Single quotes only when the sentence opens with one: an apostrophe
    // ("Kazakhstan's") is no closing quote.
    let single = s.trim_start().starts_with(['\'', '‘']);
    let quotes: &[char] = if single {
        &['”', '“', '"', '»', '«', '\'', '’']
    } else {
        &['”', '“', '"', '»', '«']
    };
    let after_quote = s.rfind(quotes).and_then(|close| {
        let after = s[close..].chars().skip(1).collect::<String>();
        let tail = after.trim_start();
        let source = tail
            .strip_prefix(['–', '—', '-', '―', '('])?
            .trim()
            .to_string();
        plain(&source).then_some(source)
    });
    after_quote.or_else(|| {
        let s = sentence.trim_end().trim_end_matches('.');
        if !s.ends_with(['”', '“', '"', '»', '«', '’', '\'']) {
            return None;
        }
        let (source, quote) = s.split_once(':')?;
        let source = source.trim();
        let opens = quote
            .trim_start()
            .starts_with(['“', '"', '„', '«', '»', '‘', '\'']);
        (opens && plain(source)).then(|| source.to_string())
    })
}

/// A verdict on a sentence that also cites a SIPRI publication by year says
/// that the release checked is the one in the citation (claims probe 17:
/// "According to SIPRI data published in March 2025, … in 2020-24" was
/// supported on the Feb-2026 register with no word of the difference).
fn published_in(published: Option<u16>, checked: &mut Checked) {
    let decided = matches!(checked.verdict, Verdict::Supported | Verdict::NotSupported);
    let Some(y) = published else {
        return;
    };
    if decided {
        let note = i18n::FigureMsg::PublishedIn(y).into();
        checked.message = i18n::Msg::Join(vec![checked.message.clone(), note]);
        checked.explanation = checked.message.english();
    }
}

/// `armsflow check`'s input: the structured form or a plain sentence. A
/// sentence with no checkable claim is not an error: it comes back as one
/// [`Skipped`] entry whose reason says why it cannot be checked.
pub fn check_input(
    input: &str,
    rel: &Release,
    names: &Names,
) -> Result<(Vec<TextCheck>, Vec<Skipped>), ParseError> {
    if looks_structured(input) {
        let c = parse(input, names)?;
        return Ok((
            vec![TextCheck {
                sentence: input.trim().to_string(),
                offset: 0,
                checked: check(&c, rel),
            }],
            Vec::new(),
        ));
    }
    let (checks, mut skipped) = check_text(input, rel, names);
    if checks.is_empty() && skipped.is_empty() {
        let text = normalize::normalize(input).text;
        skipped.push(Skipped::new(
            input.trim().to_string(),
            0,
            lex::detect(&text),
            i18n::Reason::NoClaimFound,
        ));
    }
    Ok((checks, skipped))
}

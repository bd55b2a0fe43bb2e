//! What one sentence contains, position by position: country mentions with
//! their grammatical form and preposition, stated percentages, "n-th largest"
//! phrases, periods, and the keywords that decide a claim's shape.

use crate::claim::{Party, Period};
use crate::lex::{Kind, MONTHS, Sentence, Token};
use crate::lexicon::{self as lx, Prep, RoleNoun};
use crate::meaning::MarkerKind;
use crate::names::Names;
use crate::posthedge::PostHedge;
use crate::stated::{Qualifier, Stated};
use engine::Direction;
use model::{Category, Window};

/// How a country is mentioned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// "Kasachstan", "Russia": a noun in its own right.
    Noun,
    /// "Russia's", "Russlands", "der Türkei" after a noun: the owner of something.
    Possessive,
    /// "russischer", "Russian": a demonym adjective.
    Adjective,
}

#[derive(Debug, Clone)]
pub struct Mention {
    pub party: Party,
    /// First and one-past-last token.
    pub idx: usize,
    pub end: usize,
    pub form: Form,
    pub prep: Option<Prep>,
    pub clause: usize,
    /// A German genitive article made it possessive ("Anteil der Türkei").
    pub genitive_article: bool,
    /// "entfielen … auf X", "N per cent fell to X": the share is X's own part
    /// of the flow the sentence names, so X is neither a source nor a
    /// destination of it (claims probe 23: "Auf Frankreich entfielen 9,6
    /// Prozent der weltweiten Waffenimporte" was checked as France's exports).
    pub falls_to: bool,
}

#[derive(Debug, Clone)]
pub struct Percent {
    pub stated: Stated,
    pub idx: usize,
    /// The word before the number (after any hedge) was "to"/"auf": a level
    /// reached, not an amount of change ("fell to 60 %").
    pub level: bool,
    /// "from"/"von" before the number: the level a change started from.
    pub from_level: bool,
    /// "by"/"um" before the number: an amount of change.
    pub by: bool,
    /// A change word right before the number ("fell 64 %", "rose nearly
    /// 20 %") or right after its percent sign ("a 21 % increase").
    pub change_attached: bool,
    /// A minus sign written onto the number ("-88 %"): no share, and a
    /// change is read from its verb, so the figure is not read at all.
    pub negative: bool,
    /// An unhedged "half" / "die Hälfte": a fall by it is "halved".
    pub half: bool,
    pub rank_lead: RankLead,
}

/// Words before a figure that make it the share of a rank phrase's country.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RankLead {
    No,
    /// ", accounting for 32 %": a clause of its own, right after the
    /// rank's. "of its imports" cannot be the subject's own flow here.
    Accounting,
    /// ", with 4.8 %", ", mit 53 %", ", taking 9 %", with no possessive
    /// pronoun after the figure ("with 17 % of its exports" may be the
    /// subject's own exports: claims corpus en296).
    With,
    /// "with a share of", "mit einem Anteil von": the rank's clause or the next.
    ShareOf,
}

/// A meaning-bearing word the claim built must represent (see [`crate::meaning`]).
#[derive(Debug, Clone)]
pub struct Marker {
    pub kind: MarkerKind,
    pub idx: usize,
    /// The word(s) as written, for the reason given to the user.
    pub text: String,
}

#[derive(Debug, Clone)]
pub struct Ordinal {
    pub n: u32,
    pub idx: usize,
    pub role: RoleNoun,
    pub role_idx: usize,
    /// "among the top five": rank 1 to `n`.
    pub top: bool,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum PeriodRef {
    Given(Period),
    /// "in diesem Zeitraum": the last period mentioned.
    Anaphor,
    /// "2024-2020": a range whose end comes before its start.
    Backwards(u16, u16),
}

#[derive(Debug, Default)]
pub struct Features {
    pub mentions: Vec<Mention>,
    /// "from Moscow", "aus Ankara": a "from" whose capitalised word names no
    /// party we know (a capital, a city, a firm); the token of "from".
    pub unnamed_from: Vec<usize>,
    pub percents: Vec<Percent>,
    pub ordinals: Vec<Ordinal>,
    pub directions: Vec<(Direction, usize)>,
    pub periods: Vec<(PeriodRef, usize)>,
    /// Periods written as a starting point ("from 2015–19", "von 2015–19"):
    /// their token indexes. A change "from" one period alone has no stated
    /// end period.
    pub base_periods: Vec<usize>,
    /// Periods written as two whole years in words ("between 2020 and
    /// 2024", "von 2020 bis 2024"): their token indexes. A change over such
    /// a span runs from the first year to the last.
    pub year_pairs: Vec<usize>,
    /// Periods written as a length from a first year ("the five years from
    /// 2020"): their token indexes. A change over one ("dropped by
    /// two-thirds in the five years from 2020") may run from 2020 to 2024
    /// or from 2015-19 to 2020-24 (claims probe 14).
    pub start_spans: Vec<usize>,
    /// The country a sentence opens with before a colon ("Pakistan: …"),
    /// see [`crate::flows::topic`].
    pub topic: Option<Party>,
    /// Token indexes of world/global words.
    pub world: Vec<usize>,
    /// (+1 | -1, token index) of change verbs.
    pub change: Vec<(i8, usize)>,
    pub first_ever: bool,
    pub delivery_word: bool,
    /// "received", "erhielt": the subject is the recipient.
    pub receive_verb: bool,
    /// Clause number of every token.
    pub clause_of: Vec<usize>,
    pub markers: Vec<Marker>,
    /// Armament categories named, with their token index.
    pub categories: Vec<(Category, usize)>,
    /// Multiples ("doubled") with the change they state; `None` when hedged
    /// in a way no interval represents ("nearly doubled").
    pub multiples: Vec<(Option<Stated>, usize)>,
    /// A pronoun or anaphor links this sentence to the one before.
    pub links: bool,
    /// Token indexes of direction words that are verbs.
    pub verbs: Vec<usize>,
    /// Verbs whose subject gives arms ("supplied", "lieferte") or takes them
    /// in ("received", "took", "bezog"), with their token index: who a world
    /// share belongs to ("Ukraine received 8.8 % of global arms exports").
    pub flow_verbs: Vec<(Direction, usize)>,
    /// Tokens that are part of a rank phrase read by [`crate::phrases::ranks`].
    pub rank_tokens: Vec<usize>,
    /// "weapon", "deliver", "supply", "Waffe": the sentence is about arms.
    pub arms_word: bool,
    /// Direction words whose flow belongs to the sentence's subject through a
    /// possessive pronoun ("for 88 % of its arms imports", "seiner Waffen"):
    /// the subject, not the nearest country, owns the imports or exports.
    pub self_owned: Vec<(usize, crate::claim::Party)>,
    /// Direction words whose possessive pronoun cannot be the transfer
    /// verb's subject and could be any of several other countries ("India
    /// and Pakistan are buyers: China supplied 81 % of its arms imports").
    pub owner_unclear: Vec<(usize, String, Vec<crate::claim::Party>)>,
    /// The flows the figures are shares of.
    pub wholes: Vec<crate::flows::Whole>,
}

impl Features {
    /// Records a marker of `kind` at token `idx`, quoting the word as written.
    pub fn mark(&mut self, kind: MarkerKind, idx: usize, t: &[Token]) {
        self.markers.push(Marker {
            kind,
            idx,
            text: t[idx].text.clone(),
        });
    }

    pub fn clause(&self, idx: usize) -> usize {
        self.clause_of.get(idx).copied().unwrap_or(0)
    }

    /// The direction word at `idx` is a verb ("imported", "importierte"), not a noun.
    pub fn verb_at(&self, idx: usize) -> bool {
        self.verbs.contains(&idx)
    }
}

/// Words that open a new clause after a comma.
const CONNECTIVES: &[&str] = &[
    "somit",
    "damit",
    "wodurch",
    "womit",
    "making",
    "which",
    "while",
    "whereas",
    "whilst",
    "und",
    "and",
    "wahrend",
    "accounting",
    "but",
    "aber",
    "jedoch",
    "dass",
    "that",
    "wobei",
    "with",
];

pub fn analyse(s: &Sentence, names: &Names) -> Features {
    let t = &s.tokens;
    let mut f = Features {
        clause_of: clauses(t),
        ..Default::default()
    };
    mentions::mentions(t, names, &mut f);
    f.topic = crate::flows::topic(t, &f);
    for i in 0..t.len().saturating_sub(1) {
        let next = &t[i + 1];
        if matches!(t[i].norm.as_str(), "from" | "aus")
            && next.is_word()
            && next.capitalized()
            && !f.mentions.iter().any(|m| (m.idx..m.end).contains(&(i + 1)))
        {
            f.unnamed_from.push(i);
        }
    }
    for i in 0..t.len() {
        let norm = t[i].norm.as_str();
        if t[i].is_word() {
            if let Some(d) = lx::direction(norm) {
                f.directions.push((d, i));
                if !t[i].capitalized()
                    && !matches!(norm, "imports" | "exports" | "import" | "export")
                {
                    f.verbs.push(i);
                }
            }
            if lx::is_world(norm) {
                f.world.push(i);
            }
            // "as a recipient", "als Lieferant": the role the share is in
            // (regression: "Saudi Arabia accounted for 6.8 % of global arms
            // exports as a recipient" read as its own exports).
            let as_role = {
                let mut j = i;
                while j > 0
                    && matches!(
                        t[j - 1].norm.as_str(),
                        "a" | "an" | "ein" | "eine" | "einer"
                    )
                {
                    j -= 1;
                }
                j > 0 && matches!(t[j - 1].norm.as_str(), "as" | "als")
            };
            let role = if as_role { lx::role_noun(norm) } else { None };
            if let Some(r) = role {
                let d = match r {
                    RoleNoun::Recipient | RoleNoun::Importer => Direction::Imports,
                    RoleNoun::Supplier | RoleNoun::Exporter => Direction::Exports,
                };
                f.flow_verbs.push((d, i));
            } else if crate::weapon::deliver_verb(norm) {
                f.flow_verbs.push((Direction::Exports, i));
            } else if crate::weapon::receive_verb(norm)
                || matches!(
                    norm,
                    "took" | "takes" | "got" | "nahm" | "nahmen" | "bezog" | "bezogen"
                )
            {
                f.flow_verbs.push((Direction::Imports, i));
            }
            let next = t.get(i + 1).map_or("", |x| x.norm.as_str());
            let prev = if i > 0 { t[i - 1].norm.as_str() } else { "" };
            // "made up 88 %" is a share, not growth.
            let phrasal = matches!(norm, "up" | "down")
                && matches!(
                    prev,
                    "made"
                        | "make"
                        | "makes"
                        | "making"
                        | "add"
                        | "adds"
                        | "added"
                        | "broke"
                        | "broken"
                );
            if let Some(sg) = lx::change_sign(norm).filter(|_| !phrasal) {
                f.change.push((sg, i));
            }
            if lx::is_first_ever(norm)
                || (norm == "first" && matches!(next, "time" | "ever"))
                || (norm == "ersten" && next == "mal" && prev == "zum")
            {
                f.first_ever = true;
            }
            if lx::is_delivery_word(norm) {
                f.delivery_word = true;
            }
            if norm.starts_with("weapon")
                || norm.starts_with("deliver")
                || norm.starts_with("suppl")
                || norm.starts_with("liefer")
                || norm.starts_with("waffe")
                || norm.starts_with("rustung")
                || norm == "arms"
            {
                f.arms_word = true;
            }
            if matches!(
                norm,
                "received"
                    | "erhielt"
                    | "erhielten"
                    | "got"
                    | "procured"
                    | "bought"
                    | "kaufte"
                    | "kauften"
                    | "imported"
                    | "importierte"
            ) {
                f.receive_verb = true;
            }
        }
        let number = match t[i].kind {
            Kind::Number { value, decimals } => Some((value, decimals)),
            // "sechs Prozent", "eleven per cent"
            Kind::Word => crate::meaning::figure_word(&t[i].norm).map(|n| (n as f64, 0)),
            _ => None,
        };
        if let Some((value, decimals)) = number
            && matches!(t.get(i + 1).map(|x| &x.kind), Some(Kind::Percent))
        {
            // The words before the number, an abbreviation's dot skipped:
            // "ca. 87 %", "approx. 87 %" (regression: read as exact).
            let before: Vec<&str> = t[..i]
                .iter()
                .rev()
                .filter(|x| x.kind != Kind::Punct('.'))
                .take(3)
                .map(|x| if x.is_word() { x.norm.as_str() } else { "" })
                .collect();
            let w = |k: usize| -> &str { before.get(k - 1).copied().unwrap_or("") };
            // "no more than 88 %" is at most 88, not "over" (probe 33; still refused).
            let pre = match (w(3), lx::qualifier(w(2), w(1))) {
                ("no" | "not" | "nicht", Qualifier::MoreThan) => Qualifier::AtMost,
                ("no" | "not" | "nicht", Qualifier::LessThan) => Qualifier::AtLeast,
                (_, q) => q,
            };
            let mut qualifier = pre;
            match crate::posthedge::post_hedge(t, i + 2) {
                PostHedge::None => {}
                PostHedge::Read(q) if pre == Qualifier::Exact || pre == q => qualifier = q,
                // "more than 88 % or less": two hedges that disagree.
                PostHedge::Read(_) => f.mark(MarkerKind::Hedge, i + 2, t),
                PostHedge::Unread(k) => f.mark(MarkerKind::Hedge, k, t),
            }
            let at = |words: &[&str]| {
                let qualifier = pre;
                if qualifier == crate::stated::Qualifier::Exact {
                    words.contains(&w(1))
                } else {
                    words.contains(&w(2)) || words.contains(&w(3))
                }
            };
            f.percents.push(Percent {
                stated: Stated {
                    value,
                    decimals,
                    qualifier,
                },
                idx: i,
                level: at(&["to", "auf"]),
                from_level: at(&["from", "von"]),
                by: at(&["by", "um"]),
                change_attached: crate::phrases::change_attached(t, i, i + 1),
                half: false,
                rank_lead: crate::readings::rank_lead(t, i),
                negative: i > 0
                    && matches!(t[i - 1].kind, Kind::Punct('-' | '−' | '–'))
                    && t[i - 1].end == t[i].start
                    && (i == 1 || t[i - 2].end < t[i - 1].start),
            });
        }
    }
    crate::flows::bare_arms(t, &mut f);
    crate::flows::self_owned(t, &mut f);
    crate::phrases::ranks(t, &mut f);
    (f.periods, f.year_pairs, f.start_spans) = periods(t);
    f.periods
        .retain(|(_, i)| !crate::timing::speech_date(t, *i) && !crate::timing::event_date(t, *i));
    f.base_periods = f
        .periods
        .iter()
        .filter(|(p, i)| {
            // One token ("from 2015–19", "von 2019"), not the start of
            // "from 2020 to 2024".
            let one_token = match p {
                PeriodRef::Given(Period::Fixed(w)) => {
                    w.start == w.end || matches!(t[*i].kind, Kind::YearRange(_))
                }
                _ => false,
            };
            // The words before it, articles skipped: "from 2015-19",
            // "compared with (the) 2015-19 (period)", "versus", "gegenüber",
            // "im Vergleich zu" (regression: "rose by 11 % compared with
            // 2015-19" was checked as 2010-14 to 2015-19).
            let before: Vec<&str> = t[..*i]
                .iter()
                .rev()
                .map(|x| x.norm.as_str())
                .filter(|w| !matches!(*w, "the" | "dem" | "den" | "der" | "die"))
                .take(2)
                .collect();
            let w = |k: usize| before.get(k).copied().unwrap_or("");
            let base = matches!(
                w(0),
                "from" | "von" | "versus" | "vs" | "against" | "gegenuber" | "on"
            ) || matches!(w(0), "with" | "to" | "zu" | "mit")
                && matches!(w(1), "compared" | "comparison" | "vergleich" | "verglichen")
                // "16 % higher than (in) 2015-19", "höher als 2015-19": the
                // written period is the base (claims probe 12:
                // checked as the change into it, from 2010-14).
                || matches!(w(0), "than" | "als")
                || matches!(w(0), "in" | "im" | "during") && matches!(w(1), "than" | "als");
            one_token && *i > 0 && base
        })
        .map(|(_, i)| *i)
        .collect();
    crate::phrases::meaning(t, &mut f);
    // After `meaning`, which reads the fractions: "two-thirds of French
    // arms" has a whole as "66 % of French arms" has.
    crate::flows::wholes(t, &mut f);
    crate::asides::markers(t, &mut f);
    crate::unasserted::markers(t, &mut f);
    crate::timing::markers(t, &mut f);
    crate::flownoun::markers(t, &mut f);
    f
}

fn clauses(t: &[Token]) -> Vec<usize> {
    let mut out = Vec::with_capacity(t.len());
    let mut c = 0;
    for (i, tok) in t.iter().enumerate() {
        let split = match tok.kind {
            Kind::Punct(';') => true,
            Kind::Punct(',') => t
                .get(i + 1)
                .is_some_and(|n| CONNECTIVES.contains(&n.norm.as_str())),
            _ => false,
        };
        if split {
            c += 1;
        }
        out.push(c);
    }
    out
}

pub(crate) fn year_of(t: &Token) -> Option<u16> {
    match t.kind {
        Kind::Number { value, decimals: 0 }
            if t.text.len() == 4 && (1900.0..=2100.0).contains(&value) =>
        {
            Some(value as u16)
        }
        _ => None,
    }
}

/// Periods in a sentence, with the token they start at.
/// The periods of a sentence with their token indexes, and the indexes of
/// those written as two whole years in words ([`Features::year_pairs`]) or
/// as a length from a first year ([`Features::start_spans`]).
type Periods = (Vec<(PeriodRef, usize)>, Vec<usize>, Vec<usize>);

fn periods(t: &[Token]) -> Periods {
    let mut out = Vec::new();
    let mut pairs = Vec::new();
    let mut starts = Vec::new();
    let w = |i: usize| t.get(i).map_or("", |x| x.norm.as_str());
    let mut i = 0;
    while i < t.len() {
        if let Kind::YearRange(win) = t[i].kind {
            out.push((PeriodRef::Given(Period::Fixed(win)), i));
            i += 1;
            continue;
        }
        if let Some(y) = year_of(&t[i]) {
            let prev = if i > 0 { w(i - 1) } else { "" };
            let link = w(i + 1);
            let dash = matches!(
                t.get(i + 1).map(|x| &x.kind),
                Some(Kind::Punct('-' | '–' | '—'))
            );
            let opener = matches!(prev, "von" | "from" | "zwischen" | "between");
            let range_link = matches!(link, "bis" | "to" | "through" | "until" | "thru") || dash;
            let and_link = matches!(link, "and" | "und") && matches!(prev, "zwischen" | "between");
            // The end year, also as written short after a dash ("2020-19").
            let short_end = t.get(i + 2).and_then(|x| match x.kind {
                Kind::Number { value, decimals: 0 } if dash && x.text.len() == 2 => {
                    Some(y / 100 * 100 + value as u16)
                }
                _ => None,
            });
            let full_end = t.get(i + 2).and_then(year_of);
            if let Some(z) = full_end.or(short_end)
                && (range_link || and_link)
                && (opener || range_link)
            {
                // Two whole years in words: "between 2020 and 2024", "von
                // 2020 bis 2024" (not "2020-24" or "2020–2024").
                if opener
                    && !dash
                    && full_end.is_some()
                    && matches!(link, "to" | "bis" | "and" | "und")
                {
                    pairs.push(i);
                }
                // A range that runs backwards ("2024-2020") is no period: not
                // its first year either, which would answer another question.
                out.push((
                    match Window::new(y, z) {
                        Ok(win) => PeriodRef::Given(Period::Fixed(win)),
                        Err(_) => PeriodRef::Backwards(y, z),
                    },
                    i,
                ));
                i += 3;
                continue;
            }
            // A date ("15. September 2020", "im August 2024") is not a period.
            let is_date =
                MONTHS.contains(&prev) || (i > 0 && matches!(t[i - 1].kind, Kind::Ordinal(_)));
            let is_percent = matches!(t.get(i + 1).map(|x| &x.kind), Some(Kind::Percent));
            if !is_date && !is_percent {
                out.push((
                    PeriodRef::Given(Period::Fixed(Window { start: y, end: y })),
                    i,
                ));
            }
            i += 1;
            continue;
        }
        let norm = w(i);
        // "in the five years to 2024", "the five years from 2020", "im
        // Fünfjahreszeitraum ab 2020": the length is part of the period.
        if let Some(span) = crate::durations::span_at(t, i) {
            if span.from_start {
                starts.push(i);
            }
            out.push((PeriodRef::Given(Period::Fixed(span.window)), i));
            i = span.end;
            continue;
        }
        if matches!(
            norm,
            "past" | "last" | "letzten" | "vergangenen" | "previous" | "zuruckliegenden"
        ) && matches!(w(i + 1), "decade" | "jahrzehnt")
        {
            out.push((PeriodRef::Given(Period::LastYears(10)), i));
        }
        if matches!(
            norm,
            "past" | "last" | "letzten" | "vergangenen" | "previous" | "zuruckliegenden"
        ) {
            let (n, unit) = match lx::small_number(w(i + 1)) {
                Some(n) => (n, w(i + 2)),
                None => (1, w(i + 1)),
            };
            if matches!(unit, "years" | "jahren" | "jahre") && n > 1
                || matches!(unit, "year" | "jahr") && n == 1
            {
                out.push((PeriodRef::Given(Period::LastYears(n)), i));
            }
        }
        if i > 0 && lx::is_period_anaphor(w(i - 1), norm) {
            out.push((PeriodRef::Anaphor, i));
        }
        i += 1;
    }
    (out, pairs, starts)
}

mod mentions;
#[cfg(test)]
mod tests;

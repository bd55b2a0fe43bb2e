//! Multi-word phrases of one sentence: ranks ("third-largest", "No. 3",
//! "Platz drei", "among the top ten", "zu den fünf größten"), fractions
//! ("nearly half", "nine in ten", "knapp ein Drittel"), multiples ("more than
//! doubled", "verfünffacht") and the meaning-bearing words of
//! [`crate::meaning`], recorded into [`Features`].

use crate::features::{Features, Marker, Ordinal, Percent};
use crate::lex::{Kind, Token};
use crate::lexicon::{self as lx, RoleNoun};
use crate::meaning::{self as mn, MarkerKind};
use crate::stated::{Qualifier, Stated};
use fractions::{fraction_at, fractions};
use position::{count, german_ordinal, open_range_before, position};
use scope::scope_qualifier;

mod fractions;
mod position;
mod scope;

fn w(t: &[Token], i: usize) -> &str {
    t.get(i).map_or("", |x| x.norm.as_str())
}

/// "zuletzt, im Zeitraum 2020–2024," before a share or rank: "most
/// recently", a time aside, not a last-ever delivery (claims probe 23: "China
/// war zuletzt, im Zeitraum 2020–2024, der viertgrößte Rüstungsexporteur" was
/// refused as a last delivery).
fn recently_aside(t: &[Token], i: usize) -> bool {
    w(t, i + 1) == ","
        && matches!(w(t, i + 2), "im" | "in")
        && t.iter().any(|x| {
            matches!(x.kind, Kind::Percent | Kind::Ordinal(_)) || x.norm.contains("grosst")
        })
}

fn before(t: &[Token], i: usize, k: usize) -> &str {
    if i >= k { w(t, i - k) } else { "" }
}

/// A change word right before the figure at `first` (hedges skipped) or
/// right after its last token `last`.
pub(crate) fn change_attached(t: &[Token], first: usize, last: usize) -> bool {
    let mut j = first;
    while j > 0 && lx::qualifier("", &t[j - 1].norm) != Qualifier::Exact {
        j -= 1;
    }
    if j >= 2 && lx::qualifier(&t[j - 2].norm, &t[j - 1].norm) != Qualifier::Exact {
        j -= 2;
    }
    let before = j > 0 && lx::change_sign(&t[j - 1].norm).is_some();
    // "41 per cent fell to Saudi Arabia" is a share that went to a country,
    // not a fall by 41 % (claims probe 23: checked as a change of -41 %).
    let fell_to = t
        .get(last + 1)
        .is_some_and(|x| matches!(x.norm.as_str(), "fell" | "falls" | "fall"))
        && t.get(last + 2).is_some_and(|x| x.norm == "to");
    let after = !fell_to
        && t.get(last + 1).is_some_and(|x| {
            lx::change_sign(&x.norm).is_some()
                || matches!(
                    x.norm.as_str(),
                    "zuwachs" | "plus" | "minus" | "more" | "less" | "mehr" | "weniger"
                )
        });
    before || after
}

/// Finds rank phrases and the role noun each ranks.
pub fn ranks(t: &[Token], f: &mut Features) {
    let mut skip_to = 0;
    for i in 0..t.len() {
        if i < skip_to {
            continue;
        }
        let norm = w(t, i);
        // (n, top, first token after the phrase, whether the role noun may be far)
        let (n, top, from, wide) = if let Kind::Ordinal(n) = t[i].kind {
            if lx::ordinal_largest(w(t, i + 1)) == Some(1) {
                (n, false, i + 2, false)
            } else if matches!(w(t, i + 1), "platz" | "rang" | "stelle") {
                (n, false, i + 2, true)
            } else {
                continue;
            }
        } else if !t[i].is_word() && !matches!(t[i].kind, Kind::Number { .. }) {
            // A numeral goes on to the count branch below: "among the 30
            // largest" (regression: skipped here, "largest" alone was read
            // as rank 1).
            continue;
        } else if let Some(role) = lx::main_compound(norm) {
            f.ordinals.push(Ordinal {
                n: 1,
                idx: i,
                role,
                role_idx: i,
                top: false,
            });
            continue;
        } else if norm == "top"
            && let Some(n) = count(t, i + 1)
        {
            (n, true, i + 2, true)
        } else if let Some(n) = norm
            .strip_prefix("top-")
            .and_then(|r| mn::number_word(r).or_else(|| r.parse().ok()))
        {
            (n, true, i + 1, true)
        } else if matches!(norm, "no" | "nr" | "number" | "nummer") {
            let j = if matches!(t.get(i + 1).map(|x| &x.kind), Some(Kind::Punct('.'))) {
                i + 2
            } else {
                i + 1
            };
            match count(t, j) {
                Some(n) => (n, false, j + 1, true),
                None => continue,
            }
        } else if matches!(norm, "platz" | "rang" | "position")
            && let Some(n) = position(t, i + 1)
        {
            (n, false, i + 2, true)
        } else if let Some(n) = german_ordinal(norm)
            && matches!(w(t, i + 1), "platz" | "stelle" | "rang" | "position")
        {
            (n, false, i + 2, true)
        } else if matches!(
            norm,
            "ranked" | "ranks" | "rank" | "ranking" | "placed" | "came" | "finished" | "rangierte"
        ) && let Some(n) = lx::english_ordinal(w(t, i + 1)).or_else(|| count(t, i + 1))
        {
            (n, false, i + 2, true)
        } else if let Some(n) = lx::english_ordinal(norm)
            && matches!(w(t, i + 1), "largest" | "biggest")
        {
            (n, false, i + 2, false)
        } else if let Some(n) = count(t, i)
            && n >= 2
            && lx::ordinal_largest(w(t, i + 1)) == Some(1)
            && (matches!(
                before(t, i, 1),
                "the"
                    | "den"
                    | "die"
                    | "der"
                    | "its"
                    | "their"
                    | "seine"
                    | "ihre"
                    | "seinen"
                    | "ihren"
            ) || before(t, i, 1).ends_with("'s"))
        {
            (n, true, i + 2, false)
        } else if let Some(n) = lx::ordinal_largest(norm) {
            if n == 1 && open_range_before(t, i) {
                f.markers.push(Marker {
                    kind: MarkerKind::OpenRange,
                    idx: i,
                    text: t[i].text.clone(),
                });
                skip_to = i + 1;
                continue;
            }
            (n, false, i + 1, false)
        } else {
            continue;
        };
        skip_to = from;
        f.rank_tokens.extend(i..from);
        let reach = if wide { 6 } else { 3 };
        let after = role_after(t, from, reach);
        if let Some((_, k)) = after {
            // "Platz drei der größten Waffenimporteure": one rank, not two.
            skip_to = k + 1;
        }
        let role = after.or_else(|| if wide { role_before(t, i, reach) } else { None });
        match role {
            Some((role, k)) => f.ordinals.push(Ordinal {
                n,
                idx: i,
                role,
                role_idx: k,
                top,
            }),
            None if wide => f.markers.push(Marker {
                kind: MarkerKind::Rank,
                idx: i,
                text: t[i..from.min(t.len())]
                    .iter()
                    .map(|x| x.text.as_str())
                    .collect::<Vec<_>>()
                    .join(" "),
            }),
            // "the largest of the ten biggest exporters": a rank of its own
            // within the range that follows, which no claim represents
            // (regression: the sentence was checked as the range alone).
            None if matches!(w(t, from), "of" | "among" | "unter") => f.markers.push(Marker {
                kind: MarkerKind::Rank,
                idx: i,
                text: t[i].text.clone(),
            }),
            None => {}
        }
    }
}

fn role_after(t: &[Token], from: usize, reach: usize) -> Option<(RoleNoun, usize)> {
    for (k, tok) in t.iter().enumerate().skip(from).take(reach) {
        if !tok.is_word() {
            return None;
        }
        if let Some(role) = lx::role_noun(&tok.norm) {
            return Some((role, k));
        }
    }
    None
}

fn role_before(t: &[Token], i: usize, reach: usize) -> Option<(RoleNoun, usize)> {
    for k in (i.saturating_sub(reach)..i).rev() {
        if !t[k].is_word() {
            return None;
        }
        if let Some(role) = lx::role_noun(&t[k].norm) {
            return Some((role, k));
        }
    }
    None
}

/// Words linking a sentence to the one before (pronouns, "the country").
const LINKS: &[&str] = &[
    "it", "its", "they", "their", "them", "he", "his", "she", "her", "es", "er", "sein", "seine",
    "seiner", "seinen", "seinem", "seines", "ihr", "ihre", "ihrer", "ihren", "ihrem", "ihres",
    "dessen", "deren",
];

/// A word linking a sentence to the one before ("it", "seiner").
pub(crate) fn is_link(norm: &str) -> bool {
    LINKS.contains(&norm)
}

/// Comparative words that make a following "als" a comparison.
const COMPARATIVES: &[&str] = &[
    "mehr",
    "weniger",
    "grosser",
    "grossere",
    "grosseren",
    "hoher",
    "hohere",
    "hoheren",
    "starker",
    "geringer",
    "kleiner",
    "niedriger",
    "haufiger",
    "eher",
];

fn is_article(norm: &str) -> bool {
    lx::is_article(norm) || matches!(norm, "an")
}

/// After "than"/"als": a number, fraction or multiple follows, so the word is
/// part of a hedge ("more than 80 %", "mehr als die Hälfte"), not a comparison.
fn hedge_follows(t: &[Token], i: usize) -> bool {
    let mut j = i + 1;
    while j < t.len() && is_article(w(t, j)) && fraction_at(t, j + 1).is_some() {
        j += 1;
    }
    let Some(tok) = t.get(j) else { return false };
    matches!(tok.kind, Kind::Number { .. })
        || count(t, j).is_some()
        || mn::fraction_noun(&tok.norm).is_some()
        || mn::multiple(&tok.norm).is_some()
        || fraction_at(t, j).is_some()
}

/// A hedge on a shrinking multiple bounds the fall, not the change: "more
/// than halved" is a ratio below 0.5, a change under −50 %, as "more than
/// doubled" is a ratio above 2 (regression, claims probe 33: it was read as
/// over −50 %, so a fall to ×0.361 was refuted and one to ×0.563 confirmed).
fn shrink_bound(m: f64, q: Qualifier) -> Qualifier {
    if m >= 1.0 {
        return q;
    }
    match q {
        Qualifier::MoreThan => Qualifier::LessThan,
        Qualifier::LessThan => Qualifier::MoreThan,
        Qualifier::AtLeast => Qualifier::AtMost,
        Qualifier::AtMost => Qualifier::AtLeast,
        other => other,
    }
}

/// Markers, categories, links, multiples and fractions.
pub fn meaning(t: &[Token], f: &mut Features) {
    let mut marks: Vec<Marker> = Vec::new();
    let mut i = 0;
    while i < t.len() {
        let (prev, norm, next) = (before(t, i, 1), w(t, i), w(t, i + 1));
        let text = t[i].text.clone();
        let mut mark = |kind: MarkerKind, text: String| marks.push(Marker { kind, idx: i, text });
        let ordinal_before = lx::english_ordinal(prev).is_some()
            || matches!(
                prev,
                "ersten" | "zweiten" | "erste" | "zweite" | "letzten" | "last"
            );
        // "H1 2024", "1H", "Q3", "2Q", "Q1-Q3", "the final months of 2022".
        let part_code = |w: &str| {
            let b = w.as_bytes();
            b.len() == 2
                && (matches!(b[0], b'h' | b'q') && b[1].is_ascii_digit()
                    || b[0].is_ascii_digit() && matches!(b[1], b'h' | b'q'))
        };
        if matches!(norm, "half" | "halfte" | "quarter" | "quarters") && ordinal_before
            || matches!(norm, "quartal" | "quartals" | "halbjahr" | "halbjahres")
            || part_code(norm)
            || norm.split('-').count() == 2 && norm.split('-').all(part_code)
            || matches!(norm, "months" | "monate" | "monaten")
                && matches!(
                    prev,
                    "final"
                        | "last"
                        | "closing"
                        | "first"
                        | "early"
                        | "opening"
                        | "letzten"
                        | "ersten"
                )
        {
            let prev_text = if i > 0 { t[i - 1].text.as_str() } else { "" };
            mark(
                MarkerKind::SubYear,
                format!("{prev_text} {text}").trim().to_string(),
            );
            i += 1;
            continue;
        }
        if t[i].is_word() {
            let ahead: Vec<&str> = t[i..t.len().min(i + 3)]
                .iter()
                .take_while(|x| x.is_word())
                .map(|x| x.norm.as_str())
                .collect();
            if let Some((c, n)) = mn::narrower_phrase(&ahead) {
                let text: Vec<&str> = t[i..i + n].iter().map(|x| x.text.as_str()).collect();
                let text = text.join(" ");
                f.categories.push((c, i));
                mark(MarkerKind::SubtypeOnly(c), text.clone());
                mark(MarkerKind::Category(c), text);
                i += n;
                continue;
            }
            if let Some((c, two)) = mn::category(prev, norm, next) {
                let text = if two {
                    format!("{text} {}", t[i + 1].text)
                } else {
                    text.clone()
                };
                f.categories.push((c, i));
                if mn::narrower(norm) {
                    mark(MarkerKind::Subtype(c), text.clone());
                }
                mark(MarkerKind::Category(c), text);
                if two {
                    i += 2;
                    continue;
                }
            }
            if LINKS.contains(&norm)
                || norm == "land" && matches!(prev, "das" | "dieses")
                || norm == "country" && matches!(prev, "the" | "this")
                || lx::is_period_anaphor(prev, norm)
            {
                f.links = true;
            }
            if let Some(m) = mn::multiple(norm) {
                let q = lx::qualifier(before(t, i, 2), prev);
                let stated = match q {
                    Qualifier::Exact => Some(Stated::factor(m)),
                    Qualifier::MoreThan
                    | Qualifier::AtLeast
                    | Qualifier::LessThan
                    | Qualifier::AtMost => Some(Stated {
                        value: (m - 1.0) * 100.0,
                        decimals: 0,
                        qualifier: shrink_bound(m, q),
                    }),
                    _ => None,
                };
                f.multiples.push((stated, i));
                mark(MarkerKind::Multiple, text.clone());
            }
            let comparative_als = norm == "als"
                && (1..=5).any(|k| COMPARATIVES.contains(&before(t, i, k)))
                && !hedge_follows(t, i);
            if comparative_als {
                mark(MarkerKind::Comparison, text.clone());
            }
        }
        // "85 to 90 %", "85–90 Prozent", "zwischen 85 und 90 Prozent"
        if matches!(t[i].kind, Kind::Number { .. })
            && crate::features::year_of(&t[i]).is_none()
            && (matches!(t.get(i + 1).map(|x| &x.kind), Some(Kind::Punct('-')))
                || matches!(next, "and" | "und" | "to" | "bis" | "or" | "oder"))
            && matches!(t.get(i + 2).map(|x| &x.kind), Some(Kind::Number { .. }))
            && matches!(t.get(i + 3).map(|x| &x.kind), Some(Kind::Percent))
        {
            let range = format!("{} {} {} %", text, t[i + 1].text, t[i + 2].text);
            let between = i > 0 && matches!(t[i - 1].norm.as_str(), "between" | "zwischen");
            let pair = matches!(next, "and" | "und") && !between;
            let kind = if pair {
                MarkerKind::FigurePair
            } else {
                MarkerKind::FigureRange
            };
            mark(kind, range);
        }
        if t[i].kind == Kind::Points {
            // Quote the word as written ("Prozentpunkte"); the English phrase is two words.
            let word = if t[i].norm.starts_with("prozent") {
                t[i].text.clone()
            } else {
                "percentage points".into()
            };
            mark(MarkerKind::Points, word);
        }
        // "after 2022", "bis 2024", "vor 2020": a year bounding an open period
        // (not the end of "von 2020 bis 2024").
        if crate::features::year_of(&t[i]).is_some()
            && matches!(
                prev,
                "after"
                    | "before"
                    | "until"
                    | "till"
                    // "through 2024", "up to 2024", "the decade to 2024": an
                    // open start (regression: read as 2024 alone).
                    | "through"
                    | "thru"
                    | "to"
                    | "by"
                    | "prior"
                    | "post"
                    | "nach"
                    | "vor"
                    | "bis"
                    | "ab"
            )
            && !(i >= 2 && crate::features::year_of(&t[i - 2]).is_some())
            && !matches!(before(t, i, 2), "years" | "jahren" | "jahre")
            // "the five-year period to 2024", "im Fünfjahreszeitraum ab 2020":
            // the end of a period read with its length.
            && !crate::durations::anchors(t, i)
        {
            mark(
                MarkerKind::OpenPeriod,
                format!("{} {}", t[i - 1].text, text),
            );
        }
        // "from 2020 onwards", "from 2020 on", "beginning in 2020", "starting
        // in 2020", "as of 2020", "von 2020 an": a start with no stated end
        // (regression: read as 2020 alone).
        if crate::features::year_of(&t[i]).is_some()
            && (matches!(next, "onwards" | "onward")
                || matches!((prev, next), ("from" | "von", "on" | "an"))
                || matches!(prev, "in" | "from" | "with")
                    && matches!(
                        before(t, i, 2),
                        "beginning" | "starting" | "commencing" | "effective"
                    )
                || prev == "of" && before(t, i, 2) == "as")
            // "the five years beginning in 2020": a period with its length.
            && !crate::durations::anchors(t, i)
        {
            mark(
                MarkerKind::OpenPeriod,
                format!(
                    "{} {} {}",
                    t[i - 1].text,
                    text,
                    t.get(i + 1).map_or("", |x| &x.text)
                )
                .trim()
                .to_string(),
            );
        }
        // An ordinal or superlative no rank phrase took ("the third-highest
        // increase", "second" of something unread) states a rank we do not check.
        let in_fraction = i > 0 && fraction_at(t, i - 1).is_some_and(|(_, last)| last == i);
        let unread_rank = t[i].is_word()
            && !f.rank_tokens.contains(&i)
            && !in_fraction
            // "down from first in 2015-19", "after being first": an earlier
            // first place (regression: dropped, the sentence supported).
            && (matches!(norm, "first") && matches!(prev, "from" | "being")
                || lx::english_ordinal(norm).is_some_and(|n| n >= 2)
                || german_ordinal(norm).is_some_and(|n| n >= 2)
                || [
                    "highest",
                    "lowest",
                    "smallest",
                    "hochst",
                    "niedrigst",
                    "kleinst",
                    "geringst",
                ]
                .iter()
                // "höchstens" is the at-most hedge (claims probe 21: refused
                // as a rank).
                .any(|w| norm.contains(w) && norm != "hochstens"));
        // "every second weapon", "jede zweite Waffe": one in two, a share
        // this reading does not take as a half (claims probe 21: refused as
        // the rank "second").
        let every = matches!(
            prev,
            "every" | "jede" | "jeder" | "jedes" | "jeden" | "jedem"
        );
        if unread_rank && every {
            mark(MarkerKind::Vague, format!("{} {text}", t[i - 1].text));
        } else if unread_rank {
            mark(MarkerKind::Rank, text.clone());
        }
        if let Some(q) = scope_qualifier(t, i, f) {
            mark(MarkerKind::Group, q);
        }
        if let Some(k) = mn::marker(prev, norm, next)
            && !(norm == "zuletzt" && recently_aside(t, i))
        {
            // "South Africa", "Central African Republic" are countries, not
            // regions (regression: 'Africa' blocked every South Africa claim).
            let in_name = matches!(k, MarkerKind::Group | MarkerKind::AmbiguousName)
                && f.mentions
                    .iter()
                    .any(|m| m.idx <= i && i < m.end && m.end - m.idx > 1);
            let hedge = in_name || matches!(norm, "than") && hedge_follows(t, i);
            // "Nr. 3", "No. 3" are ranks (read by [`ranks`]).
            let rank_abbrev =
                norm == "no" && matches!(t.get(i + 1).map(|x| &x.kind), Some(Kind::Punct('.')));
            if !(hedge || rank_abbrev) {
                let text = if norm == "allem" {
                    format!("{} {text}", t[i - 1].text)
                } else {
                    text
                };
                mark(k, text);
            }
        }
        i += 1;
    }
    f.markers.extend(marks);
    fractions(t, f);
}

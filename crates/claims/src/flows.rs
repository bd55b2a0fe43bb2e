//! Whose flow a share is of, when the sentence says it only through a
//! possessive: "Russia supplied 88 % of Kazakhstan's arms", "Kazakhstan got
//! 88 % of its arms from Russia", "relied on Russia for 88 % of its arms
//! imports". Without this, a bare "arms" left the figure untied (cannot be
//! checked), and a pronoun's owner was guessed as the nearest country, which
//! read "Kazakhstan relied on Russia for 88 % of its imports" backwards.

use crate::claim::Party;
use crate::features::{Features, Form};
use crate::lex::Token;
use crate::lexicon::Prep;
use engine::Direction;

/// Nouns for arms in general (not a category, not a flow).
fn arms_noun(norm: &str) -> bool {
    matches!(
        norm,
        "arms" | "weapons" | "weaponry" | "waffen" | "rustungsguter" | "rustungsgutern"
    )
}

/// Words that may stand between a possessive and its flow noun: "its major
/// arms imports", "seiner konventionellen Waffen".
fn filler(norm: &str) -> bool {
    arms_noun(norm)
        || matches!(
            norm,
            "major"
                | "military"
                | "conventional"
                | "own"
                | "total"
                | "overall"
                | "eigenen"
                | "gesamten"
                | "konventionellen"
        )
}

/// Possessive pronouns that refer back to a sentence's subject.
pub(crate) fn owner_pronoun(norm: &str) -> bool {
    matches!(
        norm,
        "its"
            | "their"
            | "sein"
            | "seine"
            | "seiner"
            | "seinen"
            | "seines"
            | "ihr"
            | "ihre"
            | "ihrer"
            | "ihren"
            | "ihres"
    )
}

/// Verbs whose subject hands arms over ("supplied", "lieferte").
fn supply_verb(norm: &str) -> bool {
    crate::weapon::deliver_verb(norm)
        || matches!(
            norm,
            "provided"
                | "provides"
                | "furnished"
                | "furnishes"
                | "sent"
                | "sends"
                | "shipped"
                | "transferred"
                | "stellte"
                | "stellten"
                // "Russland belieferte Kasachstan mit 88 Prozent seiner
                // Waffenimporte": the imports are Kazakhstan's (claims
                // probe 25: read as Russia's imports from Kazakhstan).
                | "belieferte"
                | "belieferten"
                | "beliefert"
                | "versorgte"
                | "versorgten"
                | "versorgt"
                | "stattete"
                | "statteten"
                | "ausgestattet"
        )
}

/// Verbs whose subject takes arms in, beyond the import verbs that already
/// name the flow ("got 88 % of its arms from Russia").
fn take_verb(norm: &str) -> bool {
    crate::weapon::receive_verb(norm) || matches!(norm, "got" | "gets" | "obtains")
}

/// "relied on Russia for 88 % of its arms": dependence on a supplier.
fn rely_verb(norm: &str) -> bool {
    matches!(
        norm,
        "relied" | "relies" | "rely" | "relying" | "depended" | "depends" | "depend" | "depending"
    )
}

/// Whether `clause` has a verb handing arms over, and one taking them in
/// (with `rely`, also "relied on", "depends on").
fn transfer_verbs(t: &[Token], f: &Features, clause: usize, rely: bool) -> (bool, bool) {
    let (mut supply, mut take) = (false, false);
    for (k, tok) in t.iter().enumerate() {
        if tok.is_word() && f.clause(k) == clause {
            supply |= supply_verb(&tok.norm);
            take |= take_verb(&tok.norm) || (rely && rely_verb(&tok.norm));
        }
    }
    (supply, take)
}

/// The first token before `i` that is not a filler word, within three.
fn before_fillers(t: &[Token], i: usize) -> Option<usize> {
    let mut j = i;
    for _ in 0..3 {
        if j == 0 {
            return None;
        }
        j -= 1;
        if !(t[j].is_word() && filler(&t[j].norm)) {
            return Some(j);
        }
    }
    None
}

/// The subject a possessive pronoun at `pronoun` refers to, if the sentence
/// leaves no doubt: its first country is a plain noun ("Kazakhstan relied
/// on …"), nothing before it is a pronoun of its own ("It relied on …"), and
/// no other country is named as an owner before the pronoun ("Russia,
/// Kazakhstan's main supplier, provided 88 % of its arms": whose?).
fn subject_of(t: &[Token], f: &Features, pronoun: usize) -> Option<Party> {
    if let Some(p) = &f.topic {
        return Some(p.clone());
    }
    let first = f.mentions.iter().min_by_key(|m| m.idx)?;
    if first.form != Form::Noun || first.prep.is_some() || first.idx > pronoun {
        return None;
    }
    let linked_before = t[..first.idx]
        .iter()
        .any(|x| x.is_word() && (crate::phrases::is_link(&x.norm) || x.norm == "country"));
    // An owner of a share word is no rival: in "India cut Russia's share of
    // its arms imports" (German "den Anteil Russlands an seinen
    // Waffenimporten") the share is of someone else's imports (regression:
    // read as Russia's imports from India, 0 %).
    let share_at = |k: usize| {
        t.get(k)
            .is_some_and(|x| x.is_word() && crate::meaning::is_share_word(&x.norm))
    };
    let other_owner = f.mentions.iter().any(|m| {
        m.idx < pronoun
            && m.party != first.party
            && m.form == Form::Possessive
            && !share_at(m.end)
            && !(m.idx > 0 && share_at(m.idx - 1))
    });
    (!linked_before && !other_owner).then(|| first.party.clone())
}

/// A country the sentence opens with and a colon after it ("Pakistan: China
/// provided 81 % of its arms imports"): what the sentence is about, whose
/// the possessive pronouns are (regression: read as Pakistan supplying
/// China, 0 %).
pub(crate) fn topic(t: &[Token], f: &Features) -> Option<Party> {
    use crate::lex::Kind;
    let first = f.mentions.iter().min_by_key(|m| m.idx)?;
    let opens = t[..first.idx]
        .iter()
        .all(|x| x.is_word() && crate::lexicon::is_article(&x.norm) || x.kind == Kind::Punct('*'));
    // A period between the country and its colon, "Kazakhstan (2020–24):",
    // "India, 2020–24:" (claims probe 21: the topic was lost and "the
    // country" became the supplier, Russia's imports from Kazakhstan).
    let colon = t
        .iter()
        .enumerate()
        .skip(first.end)
        .take(6)
        .take_while(|(_, x)| {
            matches!(
                x.kind,
                Kind::Punct('(' | ')' | ',' | ':' | '*' | '-' | '–' | '—') | Kind::YearRange(_)
            ) || crate::features::year_of(x).is_some()
        })
        .find(|(_, x)| matches!(x.kind, Kind::Punct(':' | '-' | '–' | '—')))
        .is_some_and(|(k, x)| {
            let period = t[first.end..k].iter().any(|x| {
                matches!(x.kind, Kind::YearRange(_)) || crate::features::year_of(x).is_some()
            });
            // A dash after the period ("Kazakhstan (2020–24) – Russia
            // supplied 88 % of the country's arms imports") is the colon's
            // stand-in (regression: read as Kazakhstan supplying Russia,
            // 0 %). A bare "Kazakhstan – Russia" stays a pair of names.
            period || k == first.end && x.kind == Kind::Punct(':')
        });
    (opens && colon && first.form == Form::Noun).then(|| first.party.clone())
}

/// Flow nouns owned by the subject through a possessive pronoun.
pub(crate) fn self_owned(t: &[Token], f: &mut Features) {
    let (mut owned, mut unclear) = (Vec::new(), Vec::new());
    for &(d, i) in &f.directions {
        if f.verb_at(i) {
            continue;
        }
        // A subject that hands arms over does not own the imports: "Russland
        // lieferte … an Kasachstan, 88 Prozent seiner Importe" are
        // Kazakhstan's. Nor does one that takes them own the exports.
        let (supply, take) = transfer_verbs(t, f, f.clause(i), true);
        let against = match d {
            Direction::Imports => supply && !take,
            Direction::Exports => take && !supply,
        };
        // A topic is not the verb's subject: "Pakistan: China provided …
        // of its imports" are Pakistan's.
        // "the country's" is never the supplier's either, topic or not.
        let anaphor = its::country_anaphor(t, i).is_some();
        if against && (f.topic.is_none() || anaphor) {
            // Then "its" is another country's, if one alone is named.
            let verb = |w: &str| match d {
                Direction::Imports => supply_verb(w),
                Direction::Exports => take_verb(w),
            };
            match its::other_owner(t, f, i, verb) {
                Some(Ok(p)) => owned.push((i, p)),
                Some(Err((word, several))) => unclear.push((i, word, several)),
                None => {}
            }
            continue;
        }
        // Also a bare "arms" that `bare_arms` made a flow ("its arms").
        if let Some(j) =
            before_fillers(t, i).filter(|&j| t[j].is_word() && owner_pronoun(&t[j].norm))
            && let Some(p) = subject_of(t, f, j)
        {
            owned.push((i, p));
        }
    }
    f.self_owned = owned;
    f.owner_unclear = unclear;
}

/// A bare "arms" with an owner and a transfer verb in its clause is a flow:
/// supplied to the owner or taken by the owner is imports ("Russia supplied
/// 88 % of Kazakhstan's arms", "got 88 % of its arms from Russia"); supplied
/// by the owner or taken from another owner is exports ("Russia sold 5 % of
/// its arms to Kazakhstan"). A clause that names a flow already ("arms
/// imports", "bought") is left as it is; an "arms" with no owner or no
/// transfer verb ("88 % of its arms are Russian-made": an arsenal, not
/// transfers) stays untied.
pub(crate) fn bare_arms(t: &[Token], f: &mut Features) {
    let mut found = Vec::new();
    for i in 0..t.len() {
        // Also a category noun: "China supplied 81 % of Pakistan's aircraft"
        // (the claim then carries the category, see `rule::category_for`).
        let next = t.get(i + 1).map_or("", |x| x.norm.as_str());
        let category = crate::meaning::category("", &t[i].norm, next).is_some_and(|(_, two)| !two);
        if !(t[i].is_word() && (arms_noun(&t[i].norm) || category)) {
            continue;
        }
        let clause = f.clause(i);
        if f.directions.iter().any(|&(_, k)| f.clause(k) == clause) {
            continue;
        }
        // Its owner: a pronoun or an English possessive before it ("its
        // arms", "Kazakhstan's arms"), a German genitive after it ("der
        // Waffen Kasachstans").
        let j = before_fillers(t, i);
        let pronoun = j.filter(|&j| t[j].is_word() && owner_pronoun(&t[j].norm));
        let possessed = f.mentions.iter().any(|m| {
            m.form == Form::Possessive
                && m.clause == clause
                && (j.is_some_and(|j| m.end == j + 1) || m.idx == i + 1)
        });
        // With a pronoun, the subject it refers to (`None`: open).
        let subject = match (pronoun, possessed) {
            (Some(p), false) => match subject_of(t, f, p) {
                Some(s) => Some(s),
                None => continue,
            },
            (None, true) => None,
            _ => continue,
        };
        let own = subject.is_some();
        // "relied on Russia for 88 % of its arms": only of its own arms.
        let (supply, take) = transfer_verbs(t, f, clause, own);
        if supply == take {
            continue;
        }
        // "Russia provided Kazakhstan with 88 % of its arms": with a supply
        // verb, "its" may be the recipient's as well as the subject's, so
        // any other country before it leaves the owner open.
        // Without a recipient named after it ("… of its arms to Kazakhstan"),
        // "its" may also be the previous sentence's subject's ("India is a
        // big buyer. Russia supplied 36 % of its arms"): open as well.
        if let (Some(s), Some(p), true) = (&subject, pronoun, supply)
            && (f.mentions.iter().any(|m| m.idx < p && m.party != *s)
                || !f
                    .mentions
                    .iter()
                    .any(|m| m.idx > i && m.clause == clause && m.prep == Some(Prep::To)))
        {
            continue;
        }
        let d = if supply != own {
            Direction::Imports
        } else {
            Direction::Exports
        };
        found.push((d, i));
    }
    f.directions.extend(found);
    f.directions.sort_by_key(|&(_, i)| i);
}

/// The flow a figure is a share of: the whole after "88 % of …", "share
/// of …", "Anteil an …", or a sentence-opening "Of all arms exported to …"
/// ("Von den Waffenexporten nach …").
/// Which flow the whole is decides the claim, not the flow word nearest the
/// figure: in "Russia's arms exports to Kazakhstan accounted for 88 % of
/// Kazakhstan's arms imports" the figure is of the imports.
#[derive(Debug, Clone)]
pub struct Whole {
    /// The figure's token, or `None` for a whole named by a share word or
    /// an opening "Of", which serves every figure of its clause.
    pub figure: Option<usize>,
    pub dir: Direction,
    pub at: usize,
    /// Whose flow the whole is, as which side: the importer of an imports
    /// whole ("Kazakhstan's arms imports", "imports by Kazakhstan", and
    /// "arms exports to Kazakhstan", which are Kazakhstan's imports), or the
    /// supplier of an exports whole ("Russia's arms exports", "imports from
    /// Russia", which are Russia's exports).
    pub owner: Option<(Direction, Party)>,
}

/// Words between "of" and the flow noun of a whole: articles, "all",
/// "total", arms words.
fn whole_filler(norm: &str) -> bool {
    filler(norm)
        || crate::lexicon::is_article(norm)
        || matches!(norm, "all" | "aller" | "alle" | "allen")
}

fn genitive_article(t: &[Token], i: usize) -> bool {
    t.get(i)
        .is_some_and(|x| x.is_word() && crate::lexicon::is_genitive_article(&x.norm))
}

/// The whole that starts at `from` with "of", "der", "an", "in": the first
/// flow word after it, past fillers and country words.
fn whole_at(t: &[Token], f: &Features, from: usize, figure: Option<usize>) -> Option<Whole> {
    let opener = t.get(from).filter(|x| x.is_word())?;
    if !matches!(
        opener.norm.as_str(),
        "of" | "der" | "des" | "aller" | "an" | "am" | "in" | "von"
    ) {
        return None;
    }
    let clause = f.clause(from);
    let mut k = from + 1;
    while k < t.len() && k <= from + 7 && f.clause(k) == clause {
        if let Some(&(dir, at)) = f.directions.iter().find(|d| d.1 == k) {
            return Some(Whole {
                figure,
                dir,
                at,
                owner: whole_owner(t, f, dir, at),
            });
        }
        let in_name = f.mentions.iter().any(|m| m.idx <= k && k < m.end);
        // An agent or relative pronoun inside the whole, before its verb:
        // "der von Russland exportierten Waffen", "the arms that Russia
        // exported".
        let agent = t[k].is_word()
            && matches!(t[k].norm.as_str(), "von" | "that")
            && f.mentions.iter().any(|m| {
                m.idx == k + 1
                    && f.directions
                        .iter()
                        .any(|d| d.1 == m.end && f.verb_at(m.end))
            });
        let skip = in_name
            || agent
            || (t[k].is_word()
                && (whole_filler(&t[k].norm) || crate::lexicon::is_world(&t[k].norm)));
        if !skip {
            break;
        }
        k += 1;
    }
    made::demonym_whole(t, f, from, k, figure)
        .or_else(|| made::relative_whole(t, f, from, k, figure))
}

/// Whose flow the whole at `at` is (see [`Whole::owner`]).
fn whole_owner(t: &[Token], f: &Features, dir: Direction, at: usize) -> Option<(Direction, Party)> {
    // An owner right before it ("Kazakhstan's arms imports", "Russian arms
    // exports", "kasachischen Waffenimporte") or a German genitive after it
    // ("Waffenimporte Kasachstans") comes first: "46 Prozent der
    // südkoreanischen Rüstungsexporte [gingen] nach Polen" are South Korea's.
    let before = before_fillers(t, at);
    let owned = f
        .mentions
        .iter()
        .find(|m| {
            (m.form != Form::Noun && before.is_some_and(|j| m.end == j + 1))
                // The exporter inside the compound itself, "US-Waffenexporte"
                // (claims probe 25: with a fronted time phrase, "Im Jahr
                // 2022 gingen 30 Prozent der US-Waffenexporte an die
                // Ukraine" fell to the "an" after it: Ukraine's imports).
                || (m.form == Form::Adjective && m.idx == at && m.end == at + 1)
                || (m.form == Form::Possessive && m.idx == at + 1)
                // "an den Waffenexporten der USA", "der Vereinigten Staaten"
                // (regression: read as the USA's imports from the subject).
                || (m.form == Form::Possessive && m.idx == at + 2 && genitive_article(t, at + 1))
                // A country name as a modifier after "of": "share of US arms
                // exports", "of UK arms exports" (regression: read as the
                // possessive country's exports to the US, 0 %).
                || (m.form == Form::Noun
                    && before.is_some_and(|j| m.end == j + 1)
                    && m.idx > 0
                    && matches!(t[m.idx - 1].norm.as_str(), "of" | "the"))
        })
        .map(|m| (dir, m.party.clone()));
    if owned.is_some() {
        return owned;
    }
    if let Some(o) = made::agent_before(t, f, dir, at) {
        return Some(o);
    }
    // A country right after it, through a preposition: "exports to
    // Kazakhstan", "Waffenexporte nach Kasachstan", "imports by India",
    // "the arms imported by India", "imports from Russia".
    let after = f.mentions.iter().find(|m| {
        // An import's agent ("imported by India") has no "from" Prep.
        let by = m.idx > 0 && matches!(t[m.idx - 1].norm.as_str(), "by" | "von");
        m.idx > at && m.idx <= at + 3 && (m.prep.is_some() || by) && m.form != Form::Adjective
    });
    if let Some(m) = after {
        // The preposition itself: "by" and "from" share a Prep.
        let word = t[at + 1..m.idx]
            .iter()
            .find(|x| x.is_word() && !crate::lexicon::is_article(&x.norm))
            .map(|x| x.norm.as_str())
            .unwrap_or("");
        let side = match (dir, word) {
            (Direction::Exports, "to" | "nach" | "an" | "into") => Some(Direction::Imports),
            (Direction::Imports, "by" | "to" | "nach" | "into") => Some(Direction::Imports),
            (Direction::Imports, "from" | "aus") => Some(Direction::Exports),
            (Direction::Exports, "by" | "from" | "aus") => Some(Direction::Exports),
            _ => None,
        };
        if let Some(side) = side {
            return Some((side, m.party.clone()));
        }
    }
    None
}

/// The wholes of a sentence's figures, share words and opening "Of".
pub(crate) fn wholes(t: &[Token], f: &mut Features) {
    let mut out = Vec::new();
    for p in &f.percents {
        // Past the figure's percent sign ("88 %", "88 per cent").
        let mut k = p.idx + 1;
        while t
            .get(k)
            .is_some_and(|x| matches!(x.kind, crate::lex::Kind::Percent))
        {
            k += 1;
        }
        out.extend(whole_at(t, f, k, Some(p.idx)));
    }
    for (k, x) in t.iter().enumerate() {
        if x.is_word() && crate::meaning::is_share_word(&x.norm) {
            // "share of Kazakhstan's imports", "the share of Russia in
            // Kazakhstan's imports", "Anteil Russlands an den Importen".
            let after_party = f
                .mentions
                .iter()
                .find(|m| {
                    m.idx == k + 1
                        || (m.idx == k + 2
                            && (m.prep == Some(Prep::Of)
                                // "Anteil der Ukraine an …" (regression: no
                                // whole, so the Ukraine was read as exporting).
                                || (m.form == Form::Possessive && genitive_article(t, k + 1))))
                })
                .map(|m| m.end);
            out.extend(
                whole_at(t, f, k + 1, None)
                    .or_else(|| after_party.and_then(|e| whole_at(t, f, e, None))),
            );
        }
    }
    if t.first().is_some_and(|x| x.norm == "of" || x.norm == "von") {
        out.extend(whole_at(t, f, 0, None));
    }
    f.wholes = out;
}

/// "Russia's share … rose to 88 % in 2020-24" states a level and that it
/// was lower in the window before (of the same length); checking the level
/// alone answered half the question (a share that fell to 88 % was
/// "supported" as having risen). The earlier window's share must lie below
/// the level's upper bound (a rise) or above its lower bound (a fall), so a
/// rounding tie is never called a contradiction. `None` for anything else:
/// no change word in the figure's clause, a "from" level that states the
/// earlier figure itself, a period that is not fixed.
pub(crate) fn implied_earlier(
    f: &Features,
    p: &crate::features::Percent,
    claim: &crate::claim::Claim,
) -> Option<crate::claim::Claim> {
    use crate::claim::{Claim, Period};
    use crate::stated::{Qualifier, Stated};
    let clause = f.clause(p.idx);
    if !p.level || p.from_level {
        return None;
    }
    let sign = f.change.iter().find(|(_, i)| f.clause(*i) == clause)?.0;
    let paired = f
        .percents
        .iter()
        .any(|q| q.idx != p.idx && q.from_level && f.clause(q.idx) == clause);
    if paired {
        return None;
    }
    let bound = |s: &Stated| {
        let t = s.tolerance();
        // Rose: the earlier share was below the level's upper bound.
        // Clamped to 0-100: "fell to 0 %" means the share was above 0 before.
        let (value, qualifier) = if sign > 0 {
            (t.hi.min(100.0), Qualifier::LessThan)
        } else {
            (t.lo.max(0.0), Qualifier::MoreThan)
        };
        value.is_finite().then_some(Stated {
            value,
            decimals: s.decimals + 1,
            qualifier,
        })
    };
    let earlier = |period: &mut Period| match period {
        Period::Fixed(w) => {
            *w = w.previous();
            Some(())
        }
        _ => None,
    };
    // The same claim, one window earlier, with the bound for its figure.
    let mut c = claim.clone();
    match &mut c {
        Claim::ImportShare { period, share, .. } => {
            earlier(period)?;
            *share = bound(share)?;
        }
        Claim::ExportShare {
            period,
            share: Some(share),
            rank: None,
            ..
        }
        | Claim::Global {
            period,
            share: Some(share),
            rank: None,
            ..
        } => {
            earlier(period)?;
            *share = bound(share)?;
        }
        _ => return None,
    }
    Some(c)
}

mod its;
mod made;
#[cfg(test)]
mod tests;

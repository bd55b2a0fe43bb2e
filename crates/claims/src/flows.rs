//! Whose flow a share is of, when the sentence says it only through a
//! possessive: "Russia supplied 88 % of Kazakhstan's arms", "Kazakhstan got
//! 88 % of its arms from Russia", "relied on Russia for 88 % of its arms
//! imports". Without this, a bare "arms" left the figure untied (cannot be
//! checked), and a pronoun's owner was guessed as the nearest country, which
//! read "Kazakhstan relied on Russia for 88 % of its imports" backwards.

use crate::claim::Party;
use crate::features::{Features, Form};
use crate::lex::Token;
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
fn owner_pronoun(norm: &str) -> bool {
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
            "provided" | "provides" | "furnished" | "furnishes" | "stellte" | "stellten"
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
    let first = f.mentions.iter().min_by_key(|m| m.idx)?;
    if first.form != Form::Noun || first.prep.is_some() || first.idx > pronoun {
        return None;
    }
    let linked_before = t[..first.idx]
        .iter()
        .any(|x| x.is_word() && (crate::phrases::is_link(&x.norm) || x.norm == "country"));
    let other_owner = f
        .mentions
        .iter()
        .any(|m| m.idx < pronoun && m.party != first.party && m.form == Form::Possessive);
    (!linked_before && !other_owner).then(|| first.party.clone())
}

/// Flow nouns owned by the subject through a possessive pronoun.
pub(crate) fn self_owned(t: &[Token], f: &mut Features) {
    let mut owned = Vec::new();
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
        if against {
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
        if !(t[i].is_word() && arms_noun(&t[i].norm)) {
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
        let own = match (pronoun, possessed) {
            (Some(p), false) => {
                if subject_of(t, f, p).is_none() {
                    continue;
                }
                true
            }
            (None, true) => false,
            _ => continue,
        };
        // "relied on Russia for 88 % of its arms": only of its own arms.
        let (supply, take) = transfer_verbs(t, f, clause, own);
        if supply == take {
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

#[cfg(test)]
mod tests {
    use crate::claim::Party;
    use crate::features::{Features, analyse};
    use crate::lex::{Lang, lex, sentences};
    use crate::names::Names;
    use engine::Direction;

    fn feats(text: &str, lang: Lang) -> Features {
        let s = sentences(text, lex(text, lang));
        analyse(&s[0], Names::builtin())
    }

    fn arms_flow(f: &Features) -> Vec<Direction> {
        f.directions.iter().map(|d| d.0).collect()
    }

    fn owner(f: &Features) -> Option<String> {
        f.self_owned
            .first()
            .map(|(_, p): &(usize, Party)| p.key.clone())
    }

    #[test]
    fn bare_arms_needs_an_owner_and_one_kind_of_verb() {
        let en = Lang::English;
        // Supplied to the owner, taken by the owner: imports.
        let f = feats("Russia supplied 88% of Kazakhstan's arms in 2020-24.", en);
        assert_eq!(arms_flow(&f), [Direction::Imports]);
        let f = feats("Kazakhstan got 88% of its arms from Russia in 2020-24.", en);
        assert_eq!(arms_flow(&f), [Direction::Imports]);
        // Supplied by the owner: exports.
        let f = feats("Russia sold 5% of its arms to Kazakhstan in 2020-24.", en);
        assert_eq!(arms_flow(&f), [Direction::Exports]);
        // An arsenal (no transfer verb); arms of no one.
        for s in [
            "88% of Kazakhstan's arms are Russian-made.",
            "Russia supplied 88% of arms in 2020-24.",
        ] {
            assert!(feats(s, en).directions.is_empty(), "{s}");
        }
        let f = feats(
            "Russland lieferte 2020 bis 2024 88 Prozent der Waffen Kasachstans.",
            Lang::German,
        );
        assert_eq!(arms_flow(&f), [Direction::Imports]);
    }

    #[test]
    fn a_pronoun_is_the_subjects_only_when_nothing_else_could_be() {
        let en = Lang::English;
        let f = feats(
            "Kazakhstan relied on Russia for 88% of its arms imports in 2020-24.",
            en,
        );
        assert_eq!(owner(&f).as_deref(), Some("KAZ"));
        for s in [
            // The subject is a pronoun: whose is the previous sentence's.
            "It relied on Russia for 88% of its arms imports in 2020-24.",
            // Another country is named as an owner before the pronoun.
            "Russia, Kazakhstan's main supplier, provided 88% of its arms imports.",
            // The subject supplies: the imports are the recipient's.
            "Russia delivered weapons to Kazakhstan, 88% of its imports, in 2020-24.",
        ] {
            assert_eq!(owner(&feats(s, en)), None, "{s}");
        }
        let f = feats(
            "Russland lieferte 2020 bis 2024 Waffen an Kasachstan, 88 Prozent seiner Importe.",
            Lang::German,
        );
        assert_eq!(owner(&f), None);
    }
}

//! German pronouns: gender and number decide which country "sie", "ihre",
//! "er" or "seine" can mean. "sie/ihr" fits a feminine name and a plural
//! one alike, so for "Sie bezog" / "Sie lieferten" the verb's number
//! decides (claims probe 13: "Sie bezog" after "Die USA lieferten … an die
//! Ukraine" was checked on the USA). A pronoun that does not fit the
//! discourse subject is refused: handing it to whichever other country of
//! the sentence before happens to fit picked a supplier after "aus" over
//! the real antecedent two sentences back.

use super::{Link, Named, Prev};
use crate::claim::Party;
use crate::i18n::Reason;
use crate::lex::Token;

/// Grammatical gender and number of a German country name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gender {
    Masc,
    Fem,
    Neut,
    Plural,
}

/// German gender by the name as written ("die Tschechische Republik" but
/// "Tschechien"), else by the state.
pub(crate) fn gender(party: &Party, surface: &str) -> Gender {
    let s = surface.to_lowercase();
    if s.contains("republik") || s.contains("küste") || s.contains("kuste") {
        return Gender::Fem;
    }
    if s.contains("amerika") || s.contains("königreich") || s.contains("tschechien") {
        return Gender::Neut;
    }
    match party.key.as_str() {
        "UKR" | "TUR" | "CHE" | "SVK" | "MNG" | "CAF" | "DOM" | "CIV" | "COD" => Gender::Fem,
        "USA" | "NLD" | "PHL" | "ARE" | "MDV" | "SYC" | "BHS" | "COM" | "SLB" | "MHL" => {
            Gender::Plural
        }
        "IRQ" | "IRN" | "YEM" | "LBN" | "SDN" | "SSD" | "TCD" | "NER" | "SEN" | "OMN" | "COG"
        | "XKX" => Gender::Masc,
        _ => Gender::Neut,
    }
}

/// The genders a German pronoun can refer to (None: not such a pronoun).
fn pronoun_fits(norm: &str, next: &str) -> Option<&'static [Gender]> {
    use Gender::*;
    match norm {
        // "es gibt", "es handelt sich": no referent.
        "es" if matches!(
            next,
            "gibt" | "gab" | "geht" | "ging" | "handelt" | "handelte"
        ) =>
        {
            None
        }
        "es" => Some(&[Neut]),
        "er" => Some(&[Masc]),
        "sein" | "seine" | "seiner" | "seinen" | "seinem" | "seines" | "dessen" => {
            Some(&[Masc, Neut])
        }
        "sie" | "ihr" | "ihre" | "ihrer" | "ihren" | "ihrem" | "ihres" | "deren" => {
            Some(&[Fem, Plural])
        }
        _ => None,
    }
}

/// Finite verbs of this prose by number: singular, plural.
const SINGULAR: &[&str] = &[
    "war",
    "ist",
    "hat",
    "hatte",
    "bezog",
    "bezieht",
    "lieferte",
    "liefert",
    "erhielt",
    "erhalt",
    "kaufte",
    "kauft",
    "importierte",
    "importiert",
    "exportierte",
    "exportiert",
    "verkaufte",
    "verkauft",
    "stieg",
    "steigt",
    "sank",
    "sinkt",
    "blieb",
    "bleibt",
    "wurde",
    "wird",
    "machte",
    "macht",
    "kam",
    "kommt",
    "ging",
    "geht",
    "erwarb",
    "fuhrte",
    "stammte",
    "lag",
    "liegt",
    "nahm",
    "bestellte",
    "zahlte",
    "steigerte",
    "senkte",
    "verringerte",
    "erhohte",
    "stellte",
];
const PLURAL: &[&str] = &[
    "waren",
    "sind",
    "haben",
    "hatten",
    "bezogen",
    "beziehen",
    "lieferten",
    "liefern",
    "erhielten",
    "erhalten",
    "kauften",
    "kaufen",
    "importierten",
    "importieren",
    "exportierten",
    "exportieren",
    "verkauften",
    "verkaufen",
    "stiegen",
    "steigen",
    "sanken",
    "sinken",
    "blieben",
    "bleiben",
    "wurden",
    "werden",
    "machten",
    "machen",
    "kamen",
    "kommen",
    "gingen",
    "gehen",
    "erwarben",
    "fuhrten",
    "stammten",
    "lagen",
    "liegen",
    "nahmen",
    "bestellten",
    "zahlten",
    "steigerten",
    "senkten",
    "verringerten",
    "erhohten",
    "stellten",
];

/// The verb's number: Some(true) plural, Some(false) singular.
fn plural(norm: &str) -> Option<bool> {
    if SINGULAR.contains(&norm) {
        Some(false)
    } else if PLURAL.contains(&norm) {
        Some(true)
    } else {
        None
    }
}

/// "Sie bezog" (sentence-initial) or "bezog sie" (inverted): the verb's
/// number, and the two words as written.
fn sie_verb(t: &[Token], i: usize) -> Option<(bool, String)> {
    let before = i.checked_sub(1).and_then(|k| t.get(k));
    let after = t.get(i + 1);
    let pick = |v: Option<&Token>, sie_first: bool| {
        let v = v.filter(|v| v.is_word())?;
        let n = plural(&v.norm)?;
        let words = if sie_first {
            format!("{} {}", t[i].text, v.text)
        } else {
            format!("{} {}", v.text, t[i].text)
        };
        Some((n, words))
    };
    pick(before, false).or_else(|| pick(after, true))
}

/// How a German sentence's pronouns link, given the discourse subject.
pub(super) fn link(t: &[Token], discourse: Option<&Named>, prev: &Prev) -> Link {
    let norm = |i: usize| t.get(i).map_or("", |x| x.norm.as_str());
    let mut wants: Vec<(&'static [Gender], String)> = Vec::new();
    // A "sie" whose verb does not tell its number.
    let mut open_sie: Option<String> = None;
    for (i, x) in t.iter().enumerate() {
        let Some(mut g) = pronoun_fits(&x.norm, norm(i + 1)) else {
            continue;
        };
        let mut word = x.text.clone();
        if x.norm == "sie" {
            match sie_verb(t, i) {
                Some((true, w)) => (g, word) = (&[Gender::Plural], w),
                Some((false, w)) => (g, word) = (&[Gender::Fem], w),
                None => open_sie = Some(word.clone()),
            }
        }
        wants.push((g, word));
    }
    let Some(d) = discourse else {
        return Link::Keep;
    };
    let fits = |n: &Named| wants.iter().all(|(g, _)| g.contains(&n.gender));
    if let Some((_, word)) = wants.iter().find(|(g, _)| !g.contains(&d.gender)) {
        return Link::Refuse(Reason::PronounGender(word.clone(), d.party.clone()).into());
    }
    // "Sie" with no verb to tell its number, after a feminine and a plural
    // country: either may be meant.
    if let Some(sie) = open_sie
        && prev
            .parties
            .iter()
            .any(|n| n.party != d.party && n.gender != d.gender && fits(n))
    {
        return Link::Refuse(Reason::AntecedentUnclear(sie, prev.names()).into());
    }
    // "Israel lieferte 15 Prozent der indischen Importe. Seine Importe …":
    // both countries are neuter, and the nearer subject is only a guess
    // (claims probe 20).
    if let Some((_, word)) = wants.first()
        && prev
            .parties
            .iter()
            .any(|n| n.party != d.party && fits(n) && !prev.partners.contains(&n.party))
    {
        return Link::Refuse(Reason::AntecedentUnclear(word.clone(), prev.names()).into());
    }
    Link::Keep
}

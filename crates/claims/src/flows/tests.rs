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

/// Regression: "Russia provided Kazakhstan with 88 % of its arms" was
/// read as Russia's exports (its = Russia's), and so was "India is a big
/// buyer. Russia supplied 36 % of its arms".
#[test]
fn with_a_supply_verb_its_is_open_when_the_recipient_comes_first() {
    let en = Lang::English;
    let f = feats(
        "Russia provided Kazakhstan with 88% of its arms in 2020-24.",
        en,
    );
    assert!(f.directions.is_empty(), "{:?}", f.directions);
    let f = feats("Russia sold 5% of its arms to Kazakhstan in 2020-24.", en);
    assert_eq!(arms_flow(&f), [Direction::Exports]);
    let f = feats("Russia supplied 36% of its arms in 2020-24.", en);
    assert!(f.directions.is_empty(), "{:?}", f.directions);
    let f = feats(
        "Kazakhstan relied on Russia for 88% of its arms in 2020-24.",
        en,
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
    ] {
        assert_eq!(owner(&feats(s, en)), None, "{s}");
    }
    // The subject supplies: the imports are the one other country's, the
    // recipient's (see `its`).
    let f = feats(
        "Russia delivered weapons to Kazakhstan, 88% of its imports, in 2020-24.",
        en,
    );
    assert_eq!(owner(&f).as_deref(), Some("KAZ"));
    let f = feats(
        "Russland lieferte 2020 bis 2024 Waffen an Kasachstan, 88 Prozent seiner Importe.",
        Lang::German,
    );
    assert_eq!(owner(&f).as_deref(), Some("KAZ"));
    let f = feats(
        "Kazakhstan is dependent: Russia supplied 88% of its arms imports in 2020-24.",
        en,
    );
    assert_eq!(owner(&f).as_deref(), Some("KAZ"));
    // Several other countries: no owner, and the reading refuses.
    let f = feats(
        "India and Pakistan are buyers: China supplied 81% of its arms imports in 2020-24.",
        en,
    );
    assert_eq!((owner(&f), f.owner_unclear.len()), (None, 1));
}

fn whole(text: &str, lang: Lang) -> Option<(Direction, Option<(Direction, String)>)> {
    let f = feats(text, lang);
    f.wholes
        .first()
        .map(|w| (w.dir, w.owner.as_ref().map(|o| (o.0, o.1.key.clone()))))
}

#[test]
fn the_whole_after_the_figure_names_whose_flow_it_is() {
    use Direction::{Exports, Imports};
    let en = Lang::English;
    let de = Lang::German;
    let own = |d: Direction, k: &str| Some((d, k.to_string()));
    // "exports to R" are R's imports; "imports from S" are S's exports.
    assert_eq!(
        whole(
            "Russia accounted for 88% of arms exports to Kazakhstan in 2020-24.",
            en
        ),
        Some((Exports, own(Imports, "KAZ")))
    );
    assert_eq!(
        whole(
            "Pakistan took 63% of arms exports from China in 2020-24.",
            en
        ),
        Some((Exports, own(Exports, "CHN")))
    );
    assert_eq!(
        whole(
            "France supplied 29% of the arms imported by India in 2020-24.",
            en
        ),
        Some((Imports, own(Imports, "IND")))
    );
    // An owner named with the flow comes before a preposition after it,
    // which may belong to the verb.
    assert_eq!(
        whole(
            "2020–24 gingen 46 Prozent der südkoreanischen Rüstungsexporte nach Polen.",
            de
        ),
        Some((Exports, own(Exports, "KOR")))
    );
    assert_eq!(
        whole("88% of arms exports went to Kazakhstan in 2020-24.", en),
        Some((Exports, None))
    );
    // Through a share word, past its own party.
    assert_eq!(
        whole(
            "The share of Russia in Kazakhstan's arms imports was 88% in 2020-24.",
            en
        ),
        Some((Imports, own(Imports, "KAZ")))
    );
    // No flow word after the figure: no whole.
    assert_eq!(whole("Russia's share was 88% in 2020-24.", en), None);
}

//! "Combat aircraft", "fighter jets", "Kampfflugzeuge": issue #11 reads them
//! as SIPRI's Aircraft category, which also holds helicopters, transport
//! aircraft, trainers and drones. Where that changes the verdict, neither
//! reading is the sentence's for sure (claims probe 9: "Russia supplied 26 %
//! of India's combat aircraft imports" supported on all aircraft, 25.97 %,
//! while Russia's share of India's fighter and strike aircraft is 33.6 %;
//! Kazakhstan's "about 90 %" is 90.4 % of its aircraft and 100 % of its
//! combat jets). So a figure claim on such a sentence is checked both ways,
//! on the category and on its combat aircraft (SIPRI's descriptions: FGA,
//! fighter, ground attack, bomber), and decided only where both agree.

use crate::check::{Checked, Verdict, cannot_check};
use crate::claim::Claim;
use crate::i18n::FigureMsg;
use crate::weapon::WeaponKind;
use model::{Category, Release};

/// Whether the sentence names combat aircraft rather than aircraft.
pub(crate) fn names_combat_aircraft(sentence: &str) -> bool {
    let lower = sentence.to_lowercase();
    [
        "combat aircraft",
        "combat jet",
        "combat plane",
        "strike aircraft",
    ]
    .iter()
    .any(|p| lower.contains(p))
        || lower
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .map(sipri::names::fold)
            .any(|w| WeaponKind::of_word(&w) == Some(WeaponKind::CombatAircraft))
}

/// `checked` (the claim on the Aircraft category), or "cannot be checked"
/// where the combat-aircraft reading gives another verdict.
pub(crate) fn both_readings(
    sentence: &str,
    claim: &Claim,
    rel: &Release,
    checked: Checked,
    check: impl Fn(&Claim, &Release) -> Checked,
) -> Checked {
    let decided = matches!(checked.verdict, Verdict::Supported | Verdict::NotSupported);
    let figure = !matches!(claim, Claim::Delivery(_) | Claim::Presence(_));
    if !decided
        || !figure
        || crate::rule::category_of(claim) != Some(Category::Aircraft)
        || !names_combat_aircraft(sentence)
    {
        return checked;
    }
    let narrow = check(claim, &combat_only(rel));
    if narrow.verdict == checked.verdict {
        return checked;
    }
    let why = FigureMsg::CombatReadings {
        aircraft: checked.computed,
        combat: narrow.computed,
    };
    cannot_check(claim, rel, &why.into())
}

/// `rel` with its aircraft flows restricted to combat aircraft.
fn combat_only(rel: &Release) -> Release {
    let fl = &rel.flows;
    let air = Category::Aircraft as u8;
    let keep: Vec<u32> = (0..fl.len())
        .filter(|&i| {
            fl.category[i] != air
                || rel.deal(i).is_some_and(|d| {
                    WeaponKind::CombatAircraft.matches(&d.description, Category::Aircraft)
                })
        })
        .map(|i| i as u32)
        .collect();
    Release {
        meta: rel.meta.clone(),
        entities: rel.entities.clone(),
        deals: rel.deals.clone(),
        flows: fl.gather(&keep),
        world_totals: rel.world_totals.clone(),
    }
}

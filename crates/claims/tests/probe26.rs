//! Regressions found by claims probe 26
//! (/work/bigtmp/claimprobe26/findings.md): direction swapped.
//!
//! Expected values come from pandas over the raw Feb-2026 register,
//! independent of armsflow. 2015-19 → 2020-24: Russia's imports +91.45 %
//! (exports −63.90 %); Ukraine's imports +9627 % (exports −72.13 %);
//! China's imports −64.11 %; Qatar's imports +127.2 % (exports +471.3 %);
//! India's exports +31.74 % (imports −9.32 %); Kazakhstan's imports −6.19 %.
//! Russia→Kazakhstan 2020-24 1175.20 TIV, France→India 3917.26,
//! USA→Ukraine 2022 872.49, Germany→Ukraine 2022 294.79, UK→Ukraine 2022
//! 256.34; every reverse flow is 0.

use crate::common;
use claims::Verdict;

use Verdict::NotSupported as No;
use Verdict::Supported as Yes;

use common::VerdictCase as Case;

/// "exports to X" is X's imports, "imports from X" is X's exports.
#[rustfmt::skip]
const PARTNER_PREPOSITION: &[Case] = &[
    ("Arms exports to Russia rose by 91 per cent between 2015–19 and 2020–24.",
        &[("change imports RUS 2015-2019..2020-2024 = +91%", Yes)], None),
    ("Arms exports to Russia fell by 64 per cent between 2015–19 and 2020–24.",
        &[("change imports RUS 2015-2019..2020-2024 = -64%", No)], None),
    ("Die Waffenexporte nach Russland stiegen zwischen 2015–19 und 2020–24 um 91 Prozent.",
        &[("change imports RUS 2015-2019..2020-2024 = +91%", Yes)], None),
    ("Die Waffenexporte nach Russland sanken zwischen 2015–19 und 2020–24 um 64 Prozent.",
        &[("change imports RUS 2015-2019..2020-2024 = -64%", No)], None),
    ("Arms exports to Ukraine fell by 72 per cent between 2015–19 and 2020–24.",
        &[("change imports UKR 2015-2019..2020-2024 = -72%", No)], None),
    ("Die Rüstungsexporte nach China sanken zwischen 2015–19 und 2020–24 um 64 Prozent.",
        &[("change imports CHN 2015-2019..2020-2024 = -64%", Yes)], None),
    ("Exports of arms to Qatar rose by 127 per cent between 2015–19 and 2020–24.",
        &[("change imports QAT 2015-2019..2020-2024 = +127%", Yes)], None),
    ("Exports of arms to Qatar rose by 471 per cent between 2015–19 and 2020–24.",
        &[("change imports QAT 2015-2019..2020-2024 = +471%", No)], None),
    ("Arms imports from India rose by 32 per cent between 2015–19 and 2020–24.",
        &[("change exports IND 2015-2019..2020-2024 = +32%", Yes)], None),
    ("Arms imports from India fell by 9.3 per cent between 2015–19 and 2020–24.",
        &[("change exports IND 2015-2019..2020-2024 = -9.3%", No)], None),
    ("Die Waffenexporte nach Kasachstan sanken zwischen 2015–19 und 2020–24 um 6 Prozent.",
        &[("change imports KAZ 2015-2019..2020-2024 = -6%", Yes)], None),
    // Unchanged: the country's own flow.
    ("Arms exports from India rose by 32 per cent between 2015–19 and 2020–24.",
        &[("change exports IND 2015-2019..2020-2024 = +32%", Yes)], None),
];

#[test]
fn partner_preposition_names_the_other_side() {
    common::assert_verdicts(common::register_or_skip(), PARTNER_PREPOSITION);
}

/// Passive agent ("von"/"by"/"aus") is the supplier; a fronted dative is
/// the recipient.
#[rustfmt::skip]
const PASSIVE_AND_DATIVE: &[Case] = &[
    ("Kasachstan wurden 2020–24 von Russland Waffen geliefert.",
        &[("delivery RUS to KAZ weapon \"arms\" 2020-2024", Yes)], None),
    ("Russland wurden 2020–24 von Kasachstan Waffen geliefert.",
        &[("delivery KAZ to RUS weapon \"arms\" 2020-2024", No)], None),
    ("Der Ukraine wurden 2022 von den USA Waffen geliefert.",
        &[("delivery USA to UKR weapon \"arms\" 2022", Yes)], None),
    ("Von Russland wurden Kasachstan 2020–24 Waffen geliefert.",
        &[("delivery RUS to KAZ weapon \"arms\" 2020-2024", Yes)], None),
    ("Kasachstan wurden 2020–24 Waffen von Russland geliefert.",
        &[("delivery RUS to KAZ weapon \"arms\" 2020-2024", Yes)], None),
    ("Indien wurden 2020–24 Waffen aus Frankreich geliefert.",
        &[("delivery FRA to IND weapon \"arms\" 2020-2024", Yes)], None),
    ("Frankreich wurden 2020–24 Waffen aus Indien geliefert.",
        &[("delivery IND to FRA weapon \"arms\" 2020-2024", No)], None),
    ("Der Ukraine lieferte Deutschland 2022 Waffen.",
        &[("delivery DEU to UKR weapon \"arms\" 2022", Yes)], None),
    ("Den USA lieferte die Ukraine 2022 Waffen.",
        &[("delivery UKR to USA weapon \"arms\" 2022", No)], None),
    ("Kazakhstan was supplied arms by Russia in 2020–24.",
        &[("delivery RUS to KAZ weapon \"arms\" 2020-2024", Yes)], None),
    ("Russia was supplied arms by Kazakhstan in 2020–24.",
        &[("delivery KAZ to RUS weapon \"arms\" 2020-2024", No)], None),
    ("Ukraine was sold arms by the United States in 2022.",
        &[("delivery USA to UKR weapon \"arms\" 2022", Yes)], None),
    ("In 2022, Ukraine was supplied with arms by the UK.",
        &[("delivery GBR to UKR weapon \"arms\" 2022", Yes)], None),
    ("Russia was sold aircraft by Kazakhstan in 2020–24.",
        &[("delivery KAZ to RUS weapon \"aircraft\" 2020-2024", No)], None),
    // Unchanged active forms.
    ("Russland lieferte 2020–24 Waffen an Kasachstan.",
        &[("delivery RUS to KAZ weapon \"arms\" 2020-2024", Yes)], None),
    ("Deutschland hat der Ukraine 2022 Waffen geliefert.",
        &[("delivery DEU to UKR weapon \"arms\" 2022", Yes)], None),
];

#[test]
fn passive_agent_supplies_fronted_dative_receives() {
    common::assert_verdicts(common::register_or_skip(), PASSIVE_AND_DATIVE);
}

//! Why a sentence or claim is not checkable.

use super::*;
use crate::i18n::Reason;

pub(super) fn text(m: &Reason) -> String {
    use Reason::*;
    match m {
            Speech { marker, why } => format!(
                "\"{marker}\" marks {}",
                match why {
                    SpeechWhy::ReportedSpeech =>
                        "reported speech: it says what someone believes or reports, not a transfer SIPRI records",
                    SpeechWhy::Forecast =>
                        "a forecast or possibility: SIPRI records deliveries that happened, not expectations",
                    SpeechWhy::Interpretation =>
                        "an interpretation of intentions, which no delivery record can decide",
                }
            ),
            NoPeriodStated => {
                "no period stated (a figure without a period cannot be checked)".into()
            }
            PublishedYear(y) => format!(
                "no period stated: {y} is when SIPRI published, not the years the figure covers (data released in {y} ends in {} or earlier); state the period the figure is for",
                y - 1
            ),
            BothWays(a, b) => format!(
                "the sentence reads as {a} supplying {b} and {b} supplying {a}; which way its figures run is unclear"
            ),
            FigureForSeveral(names) => format!(
                "one figure for several countries ({}): armsflow checks one country's share at a time; check each country's share separately",
                names.iter().map(|p| p.name.as_str()).collect::<Vec<_>>().join(", ")
            ),
            BackwardsPeriod(y, z) => format!(
                "the period {y}-{z} ends before it starts; which years are meant is unclear"
            ),
            ClaimsNotSeparated(ws) => format!(
                "the sentence makes two claims ({}) that could not be separated: each figure or rank could not be paired with its own period, and checking one alone would answer a different question; state each claim in its own sentence",
                ws.iter()
                    .map(|(a, b)| if a == b { format!("{a}") } else { format!("{a}-{b}") })
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            SeveralPeriods => {
                "several periods in the sentence: which one the figure is for is unclear".into()
            }
            ChangeNeedsFixedPeriods => {
                "a change needs two fixed periods, not 'the past n years'".into()
            }
            ChangeWithoutPeriod => "a change without a period cannot be checked".into(),
            ChangeFromOnly => {
                "a change from one period with no period it runs to cannot be checked; state both periods".into()
            }
            ChangeOverSpan(y, z) => {
                let n = z - y + 1;
                format!(
                    "a change over the {n} years from {y} may run from {y} to {z} or from {}-{} to {y}-{z}; which is meant is unclear, state both periods",
                    y - n,
                    y - 1
                )
            }
            NotationUnclear(n) => format!(
                "'{n}' is {} in English notation and {} in German, and neither the sentence nor the text says which language it is in; write the number without a thousands separator",
                notation(n, crate::lex::Lang::English),
                notation(n, crate::lex::Lang::German)
            ),
            MoreThanTwoPeriods => {
                "more than two periods: which two the change is between is unclear".into()
            }
            NoCountryNamed => "no country named".into(),
            NoSupplierNamed => "no supplier named".into(),
            ImporterAsSupplier(p) => format!(
                "'{}' is said to have imported the arms the figure is of, so it is not their supplier; which flow the figure is a share of cannot be told",
                p.name
            ),
            MakerFlowUnclear(p) => format!(
                "a figure of '{}'-made arms: whether it is a share of {}'s arms exports or of the other country's arms imports could not be read reliably",
                p.name, p.name
            ),
            RankHolderUnclear(holder, read) => format!(
                "the rank is said of '{}', but it was read as a rank of '{}'; whose rank it is could not be read reliably",
                holder.name, read.name
            ),
            SupplierInOtherClause(p) => format!(
                "the clause with the figure names no supplier; '{}' is named in another clause of the sentence, and that it is the figure's supplier is not carried over",
                p.name
            ),
            NoRecipientNamed => "no recipient named".into(),
            PeriodAnaphorUnclear { phrase, claim: Some(c), other } => format!(
                "'{phrase}' refers back to a period, but after the last claim's period ({c}) a sentence that makes no claim names {other}: which one is meant is unclear; state the period"
            ),
            PeriodAnaphorUnclear { phrase, claim: None, other } => format!(
                "'{phrase}' refers back to {other}, which is written only in a sentence from which no claim was read (such a period may date an event rather than a claim); state the period"
            ),
            PeriodAnaphorTwo { phrase, first, second } => format!(
                "'{phrase}' refers back to a period, but the sentence before states two ({first} and {second}) and its claims do not tell which one is meant; state the period"
            ),
            DescribedCountry(w) => format!(
                "'{w}' describes a country without naming it, and which one is meant is not resolved; name the country"
            ),
            SubjectNotCountryAlone(w) => format!(
                "the subject '{w}' is not read as a country, and the sentence's pronoun has no country to refer to; name the country"
            ),
            SubjectNotCountry(w) => format!(
                "the subject '{w}' is not read as a country, so a pronoun is not carried over from an earlier sentence's country; name the country"
            ),
            PronounGender(w, p) => format!(
                "'{w}' cannot refer to '{}' (grammatical gender or number), and another country is not guessed; name the country",
                p.name
            ),
            AntecedentUnclear(w, names) => format!(
                "'{w}' after several countries ({}): which one it refers to is unclear; name the country",
                names.iter().map(|p| p.name.as_str()).collect::<Vec<_>>().join(", ")
            ),
            FirstEverNeedsYear => "a first-ever statement needs a single year".into(),
            SameParty => "supplier and recipient are the same".into(),
            NoCompareFocus => "no country named whose partners are compared".into(),
            ShareWithoutOwnPeriod(s) => format!(
                "the share '{}' has no period of its own (a change of a share needs the share in each period)",
                s.render(false)
            ),
            FigureNotTied(s) => format!(
                "the figure '{}' could not be tied to a share of imports or exports, or to a change",
                s.render(false)
            ),
            NegativeFigure(s) => format!(
                "the figure '-{}' is negative: no share is below zero, and a change is read from its verb ('fell 64 %'), not from a sign",
                s.render(false)
            ),
            NotRead(w) => format!("'{w}' not read"),
            UnreadNumber(n) => format!(
                "the number '{n}' is part of no claim read from the sentence; checking the rest would check a different statement"
            ),
            TwoFigures(k) => format!("two different figures for the same claim ({k})"),
            MakersTwoFigures(a, b) => format!(
                "two different figures for '{}'- and '{}'-made arms: both are suppliers, and which figure is whose share is not read; a clause per supplier ('{} supplied … and {} …') is checked",
                a.name, b.name, a.name, b.name
            ),
            RankUnread(w) => format!(
                "'{w}': a rank that no claim read from the sentence carries, so the sentence is not checked without it (ranks in an aside, or given to a second party without its own verb, are not read)"
            ),
            PluralRanking(w) => format!(
                "'{w}' names several countries together as the largest; whether they are exactly the largest ones is not checked, and the first named is not read as the largest; a rank per country ('the two largest', 'the second-largest') is checked"
            ),
            DirectionContradicts(a, b) => format!(
                "the direction word contradicts the figures ({} to {})",
                a.render(false),
                b.render(false)
            ),
            TwoCategories(a, b) => format!(
                "two armament categories ({} and {}) where one claim can carry only one",
                a.sipri_name(),
                b.sipri_name()
            ),
            CategoryWithinFlow(c) => format!(
                "the share of one category ({}) within a flow or a country's arms trade is not a claim armsflow checks (only a supplier's share of one category's imports is)",
                c.sipri_name()
            ),
            GapBetweenParties(w) => format!(
                "a figure with '{w}' … 'than' is a difference between two parties in per cent, not a claim armsflow checks (it is not anyone's share); without the figure the comparison alone is checked"
            ),
            NamedNotParty(p) => format!(
                "'{}' is named but is not a party of the claim read from the sentence",
                p.name
            ),
            PairChange(p) => format!(
                "a change in one pair's flow (with '{}') is not read, only a country's whole imports or exports",
                p.name
            ),
            WorldSubjectAsPartner(p) => format!(
                "the share has no whole of its own: '{}' is the subject of a world share in another clause, not this share's partner (perhaps a world share is meant, which is not read here)",
                p.name
            ),
            BaseWithoutFigure(w) => format!(
                "'{w}': a comparison with an earlier period that the sentence gives no figure for is not checked (the figure alone would answer a different question)"
            ),
            Marker(k, w) => marker(*k, w),
            DeliveryNoRecipient => "a delivery statement without a recipient".into(),
            DeliveryOwnerNotRecipient(p) => format!(
                "a delivery statement whose only other country, '{}', is named only as an owner ('{}'s …'), which is not read as the recipient",
                p.name, p.name
            ),
            DeliveryNoSupplier => "a delivery statement without a supplier".into(),
            NegatedCountOrFirst => "a negated count or first delivery is not checked".into(),
            RankMove(w) => format!(
                "'{w}': a move to a rank says where the country stood before, which this reading does not check; state the rank in each period"
            ),
            ImportsAndExports => "the clause speaks of both imports and exports, so which flow is the part and which the whole cannot be told; state the share as 'X % of A's arms exports' or 'X % of B's arms imports'".into(),
            RestsOnAllocation(p) => format!(
                "{p:.1} % of the TIV behind this figure is armsflow's split of legacy-register deal totals into years, not SIPRI's per-year values, so the figure cannot decide the claim; check it against a current-register release (SIPRI publishes its shares from per-year deliveries)"
            ),
            HedgedCount(w) => format!(
                "'{w}': a count with a qualifier, a range or a vague quantity is not checked as an exact number; state the number delivered"
            ),
            NegatedNoPeriod => "a negated delivery without a period cannot be checked".into(),
            NegatedSince => {
                "a negated, first or counted delivery \"since\" a year is not checked".into()
            }
            DeliveryNoYear => "a delivery without a year cannot be checked".into(),
            MainOneWeapon(w) => format!(
                "a main supplier of one weapon (\"{w}\") is not checked: the rule is over a whole armament category"
            ),
            MainNegated => {
                "a negated main-supplier statement (\"no longer\", \"not\") is not checked".into()
            }
            MainNoSupplier => "a main-supplier statement without a supplier".into(),
            MainNoRecipient => "a main-supplier statement without a recipient".into(),
            MainPeriodUnread => "a main-supplier statement with a period we cannot read".into(),
            MainPastNoPeriod => {
                "a main-supplier statement in the past tense without a period cannot be checked"
                    .into()
            }
            GroupNegated(g) => format!(
                "a negated statement about {g} is not checked (the group table lists facts, not their absence)"
            ),
            NoClaimFound => "no claim that can be checked against SIPRI data was read: state a share, rank, change or delivery with its period and countries (docs/claims.md)".into(),
            Synthetic(id) => format!(
                "cannot check claims against release {id}: it is SYNTHETIC DEMO DATA from armsflow's \
generator, not SIPRI data, so no verdict is given. Claims are checked only against a SIPRI \
release: import a file downloaded from the SIPRI Arms Transfers Database \
(armsflow import trade_register.csv) or let armsflow download it (armsflow fetch)."
            ),
            TooLong { bytes, limit } => format!(
                "sentence of {bytes} bytes is over the limit of {limit} bytes; not checked"
            ),
    }
}

/// A number as `lang`'s notation reads it, written in English.
fn notation(n: &str, lang: crate::lex::Lang) -> String {
    crate::lex::parse_number(n, lang).map_or_else(|| n.to_string(), |(v, _)| v.to_string())
}

//! The messages, as data: one enum per family, wrapped in [`Msg`], and the
//! tolerance of a verdict in words ([`Tol`]).

use super::{GroupSource, MainWord, Ranked, SpeechWhy};
use crate::claim::{Party, Rank, Role};
use crate::stated::{Stated, Tolerance};
use crate::weapon::Weapon;
use engine::Direction;
use model::{Category, Window};

mod deliveries;
pub use deliveries::{DeliveryMsg, GroupMsg};

/// The interval or rule a verdict was judged by, shown next to it.
#[derive(Debug, Clone, PartialEq)]
pub enum Tol {
    /// A stated figure's interval: `[87.5, 88.5)`.
    Interval(Tolerance),
    /// A rank, exactly or within the top N.
    Rank(Rank),
    FirstYear,
    MoreTiv,
    NoRecordIn(Window),
    /// A delivery of the family of `family` (or of `what`) in the window.
    DeliveryIn {
        family: Option<String>,
        what: Weapon,
        window: Window,
        units: Option<u32>,
    },
    AnyRecordIn(Window),
    NoRecordAtAll(Window),
    NoLonger {
        before: u16,
        recent: Window,
    },
    MainRule {
        min_pct: f64,
        min_lead: f64,
    },
    SameDate,
    AmongFirstMembers,
}

impl Tol {
    /// The tolerance in `lang`.
    pub fn render(&self, lang: crate::lex::Lang) -> String {
        super::catalogue(lang).tolerance(self)
    }
}

/// Every message the claims crate shows a reader. Variants carry data, never
/// prose; the catalogues write the words. Messages come in families, one
/// file per family in each catalogue.
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    /// Parts joined with "; ".
    Join(Vec<Msg>),
    /// A group fact with the table it comes from.
    WithSource(Box<Msg>, GroupSource),
    Figure(FigureMsg),
    Delivery(DeliveryMsg),
    Group(GroupMsg),
    Reason(Reason),
}

/// What shapes (a)–(e), (h) and (k) computed, and why a release cannot answer.
#[derive(Debug, Clone, PartialEq)]
pub enum FigureMsg {
    NoDataForRelative,
    NoDeliveriesAtAll,
    /// The window reaches outside the release.
    NotCovered {
        window: Window,
        release_years: Option<(u16, u16)>,
        missing: Vec<u16>,
    },
    OneSided {
        release: String,
        format: String,
    },
    /// A register download restricted to some countries (its title's
    /// " to Ukraine"), asked about transfers outside that scope.
    Scoped {
        release: String,
        scope: String,
    },
    /// A category claim on a release without categories (SIPRI's legacy
    /// register): every row is "Unspecified".
    NoCategories {
        release: String,
    },
    /// "The Kremlin claims …", "laut dem Ministerium …": the figure is a
    /// source's; the verdict is on the figure, not on what was said.
    Attributed(String),
    /// "SIPRI data released in 2025 …, in 2020-24": the sentence cites a
    /// publication; the figure is checked on the release in the citation.
    PublishedIn(u16),
    /// A "not supported" on a window that ends before the release's last
    /// year: SIPRI published figures for it from earlier releases, and
    /// revises every past year with each release.
    Revised {
        release: String,
        date: String,
    },
    /// "combat aircraft": the figure on SIPRI's Aircraft category and on its
    /// combat aircraft, whose verdicts differ.
    CombatReadings {
        aircraft: Option<f64>,
        combat: Option<f64>,
    },
    /// A release whose import found something wrong with its file
    /// (`ReleaseMeta::caveats`): a table cut before its world total, rows
    /// rejected, cells contradicting the totals. No verdict rests on it.
    ReleaseCaveat {
        release: String,
        caveat: String,
    },
    /// A change on a TIV table whose whole-number cells allow the stated
    /// figure: (lowest, highest) change in percent.
    RoundedCells {
        lo: f64,
        hi: f64,
    },
    /// A world share on a TIV table that the rounding of its cells and the
    /// difference between its rows' sum and its total row leave open:
    /// (lowest, highest) share in percent.
    RoundedShare {
        lo: f64,
        hi: f64,
    },
    /// A world rank on a TIV table that rows within rounding of each other
    /// leave open: (best, worst) rank.
    RoundedRank {
        best: u32,
        worst: u32,
    },
    /// An organisation (SIPRI's `**`, e.g. NATO**) as the party whose
    /// totals a figure divides or ranks: "NATO's arms imports" usually means
    /// its members', which SIPRI's recipient NATO** is not.
    Organisation {
        who: Party,
    },
    /// A party's figure for years before the release records it at all.
    BeforeFirstRecord {
        who: Party,
        first: u16,
    },
    NotAShape,
    NoPeriodResolved,
    NoDeliveriesOf(Party),

    ImportedNothing {
        who: Party,
        cat: Option<Category>,
        window: Window,
    },
    ExportedNothing {
        who: Party,
        cat: Option<Category>,
        window: Window,
    },
    ImportShare {
        supplier: Party,
        recipient: Party,
        tiv: f64,
        total: f64,
        cat: Option<Category>,
        window: Window,
        pct: f64,
        stated: Stated,
    },
    ExportShare {
        supplier: Party,
        recipient: Party,
        tiv: f64,
        total: f64,
        cat: Option<Category>,
        window: Window,
        pct: f64,
    },
    RankAmongRecipients {
        rank: u32,
        of: usize,
        before: Vec<(Party, f64)>,
        after: Vec<(Party, f64)>,
    },
    NotAmongRecipients,
    ChangeFromZero {
        focus: Party,
        dir: Direction,
        cat: Option<Category>,
        window: Window,
    },
    Change {
        focus: Party,
        dir: Direction,
        cat: Option<Category>,
        from: (Window, f64),
        to: (Window, f64),
        pct: f64,
        stated: Stated,
    },
    NothingRecorded {
        dir: Direction,
        window: Window,
    },
    Global {
        focus: Party,
        tiv: f64,
        total: f64,
        dir: Direction,
        cat: Option<Category>,
        window: Window,
        pct: f64,
        rank: Option<u32>,
        of: usize,
    },
    NoPartners {
        focus: Party,
        dir: Direction,
        cat: Option<Category>,
        window: Window,
    },
    /// An organisation with nothing of its own where its members may be meant.
    OrganisationItself {
        party: Party,
    },
    /// SIPRI's unknown-partner pool is large enough to change a rank.
    UnknownPool {
        focus: Party,
        dir: Direction,
        tiv: f64,
        pct: f64,
        window: Window,
    },
    Largest {
        nth: Rank,
        role: Role,
        focus: Party,
        cat: Option<Category>,
        window: Window,
        at_n: Vec<Ranked>,
        answer: Party,
        rank: Option<u32>,
    },
    Compare {
        focus: Party,
        dir: Direction,
        cat: Option<Category>,
        more: (Party, f64),
        less: (Party, f64),
        window: Window,
    },
    YearOutside {
        span: (u16, u16),
        year: u16,
    },
    FirstYearOfData {
        span: (u16, u16),
        year: u16,
    },
    FirstDelivery {
        supplier: Party,
        recipient: Party,
        span: (u16, u16),
        year: u16,
        tiv: f64,
    },
    AlreadyDelivered {
        supplier: Party,
        recipient: Party,
        year: u16,
    },
    FirstLater {
        supplier: Party,
        recipient: Party,
        year: u16,
        first: u16,
    },
    NoPairDeliveries {
        supplier: Party,
        recipient: Party,
    },

    MainRank {
        supplier: Party,
        recipient: Party,
        rank: u32,
        of: usize,
        cat: Option<Category>,
        window: Window,
        tiv: f64,
        total: f64,
        pct: f64,
    },
    DeliveredNothing {
        supplier: Party,
        recipient: Party,
        cat: Option<Category>,
        window: Window,
    },
    LargestWas(Party, f64),
    SecondWas {
        party: Party,
        pct: f64,
        lead: f64,
    },
    MainRule {
        word: MainWord,
        min_pct: f64,
        min_lead: f64,
    },
    /// "main" read two ways: rank 1 holds, the dominance rule does not.
    /// Ordinary usage (and SIPRI's press releases) often mean only the
    /// largest, so neither reading may be chosen for the writer.
    MainReadings {
        pct: f64,
        lead: f64,
        min_pct: f64,
        min_lead: f64,
    },
    PresentTenseWindow(Window),
    /// "last year", "the past five years": read as the release's last
    /// years, which the output must say (a text from 2026 means 2025).
    RelativeWindow(u16, Window),
}

impl From<FigureMsg> for Msg {
    fn from(m: FigureMsg) -> Msg {
        Msg::Figure(m)
    }
}

/// Why a sentence or claim is not checkable: reading reasons, speech, limits.
#[derive(Debug, Clone, PartialEq)]
pub enum Reason {
    Speech {
        marker: String,
        why: SpeechWhy,
    },

    NoPeriodStated,
    /// The only year dates a SIPRI publication ("data released in 2024").
    PublishedYear(u16),
    /// One figure for a list of countries ("the US, France and Russia
    /// together accounted for 60 %").
    FigureForSeveral(Vec<Party>),
    /// The sentence was read with the same two countries as supplier and
    /// recipient both ways round.
    BothWays(String, String),
    /// A year range whose end comes before its start (start, end).
    BackwardsPeriod(u16, u16),
    SeveralPeriods,
    /// Two claims coordinated in one sentence ("the second-largest in
    /// 2020–24 and the largest in 2015–19") of which not every stated
    /// window got its own: the stated windows (start, end).
    ClaimsNotSeparated(Vec<(u16, u16)>),
    ChangeNeedsFixedPeriods,
    ChangeWithoutPeriod,
    ChangeFromOnly,
    /// A change over one period written as a length from its first year
    /// (start, end): between its first and last year, or against the
    /// period before it.
    ChangeOverSpan(u16, u16),
    /// A number the two notations read differently ("9,627") in a sentence
    /// whose language (and its text's) does not decide which: as written.
    NotationUnclear(String),
    MoreThanTwoPeriods,
    NoCountryNamed,
    NoSupplierNamed,
    /// The figure's clause names no supplier, but another clause of the
    /// sentence names this country ("Russia was still its main supplier,
    /// accounting for 36 per cent of …"): it is not carried over.
    SupplierInOtherClause(Party),
    /// A share's supplier that the sentence says imported the arms ("India
    /// received 38 % of the arms Russia imported").
    ImporterAsSupplier(Party),
    /// A share of a maker's arms ("Russian arms", "chinesischen
    /// Waffenlieferungen") whose flow could not be read reliably: read as
    /// the maker's imports, or as the other party's imports beside a share of
    /// the maker's exports.
    MakerFlowUnclear(Party),
    /// A world rank read as the second party's though the sentence gives it
    /// to the first ("…, when India was the second-largest importer").
    RankHolderUnclear(Party, Party),
    NoRecipientNamed,
    /// "in that period" after a sentence that makes no claim but writes
    /// another period (a licence, a visit): the written phrase, the last
    /// claim's period (if any) and the other period.
    PeriodAnaphorUnclear {
        phrase: String,
        claim: Option<String>,
        other: String,
    },
    /// "in that period" after a claim sentence whose claims are about two
    /// periods ("36 % in 2020–24, down from 55 % in 2015–19").
    PeriodAnaphorTwo {
        phrase: String,
        first: String,
        second: String,
    },
    /// "the former colony", "the former superpower": a description, not a
    /// name nor the pronoun "the former".
    DescribedCountry(String),
    /// A subject that is no country read ("Moskau" after a preposition-less
    /// verb, "Tehran"): a pronoun is not carried over past it.
    SubjectNotCountry(String),
    /// The same in a sentence with no earlier country ("In 2020–24, Moscow
    /// sold 38 % of its arms exports …" alone).
    SubjectNotCountryAlone(String),
    /// A German pronoun whose gender or number does not fit the country it
    /// would be carried over to ("Sie" after "Deutschland").
    PronounGender(String, Party),
    /// "the latter", "the country", "its" after several countries.
    AntecedentUnclear(String, Vec<Party>),
    FirstEverNeedsYear,
    SameParty,
    NoCompareFocus,
    ShareWithoutOwnPeriod(Stated),
    FigureNotTied(Stated),
    /// A figure written with a minus sign ("-88 %").
    NegativeFigure(Stated),
    NotRead(String),
    /// A number the sentence states that no claim read from it carries.
    UnreadNumber(String),
    TwoFigures(String),
    /// Two coordinated makers' arms with figures ("Russian and Spanish arms
    /// made up 88 % and 6 % of …"): both are suppliers, and which figure is
    /// whose is not read.
    MakersTwoFigures(Party, Party),
    /// A rank word ("the second-largest") that no claim read from the
    /// sentence carries, as after a second, gapped party.
    RankUnread(String),
    /// A plural role noun ("largest suppliers") with several countries: a
    /// set, not a claim about the first-named one.
    PluralRanking(String),
    DirectionContradicts(Stated, Stated),
    TwoCategories(Category, Category),
    /// "Aircraft made up 80 % of Kazakhstan's arms imports from Russia": the
    /// category's part of a flow, a different number from the supplier's
    /// share of the category, which is the only category share read.
    CategoryWithinFlow(Category),
    /// "88 % more arms from Russia than from Spain": the figure is the gap
    /// between two parties, which was checked as the first one's share
    /// (claims probe 35); the word is the comparative.
    GapBetweenParties(String),
    NamedNotParty(Party),
    /// "Russian arms exports to China more than halved": a change of one
    /// pair's flow, read as the supplier's whole exports with the partner
    /// left over (claims probe 34: "'China' is named but is not a party").
    PairChange(Party),
    /// "up from 2015-19", "an increase on 2015-19": an earlier period the
    /// figure is compared with, with no figure of its own.
    BaseWithoutFigure(String),
    /// A pair share whose other country is the subject of a world share in
    /// another clause: the clause's own share has no whole of its own.
    WorldSubjectAsPartner(Party),
    /// A meaning-bearing word no claim represents.
    Marker(crate::meaning::MarkerKind, String),
    DeliveryNoRecipient,
    /// "Russia supplied all of Kazakhstan's aircraft imports": the country
    /// owns the imports but is not read as the receiver of a delivery, so
    /// "without a recipient" would misstate why (claims probe 32).
    DeliveryOwnerNotRecipient(Party),
    DeliveryNoSupplier,
    NegatedCountOrFirst,
    /// A count stated with a qualifier or as a range ("more than 5", "8 to 10").
    HedgedCount(String),
    /// A rank reached by a move ("dropped to second"): the earlier rank is unread.
    RankMove(String),
    /// Percent of the figure's TIV that is armsflow's split of legacy deal
    /// totals into years.
    RestsOnAllocation(f64),
    /// A share in a clause naming both imports and exports.
    ImportsAndExports,
    NegatedNoPeriod,
    NegatedSince,
    DeliveryNoYear,
    MainOneWeapon(String),
    MainNegated,
    MainNoSupplier,
    MainNoRecipient,
    MainPeriodUnread,
    MainPastNoPeriod,
    GroupNegated(String),
    /// A text in which no claim was read at all.
    NoClaimFound,
    /// The synthetic-release refusal.
    Synthetic(String),
    /// A sentence longer than the server reads.
    TooLong {
        bytes: usize,
        limit: usize,
    },
}

impl From<Reason> for Msg {
    fn from(m: Reason) -> Msg {
        Msg::Reason(m)
    }
}

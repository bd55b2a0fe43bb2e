//! Verdicts, explanations and reasons in the sentence's language.
//!
//! Checkers and readers never write prose: they return a typed [`Msg`] that
//! carries the figures, parties and dates, in four families ([`FigureMsg`],
//! [`DeliveryMsg`], [`GroupMsg`], [`Reason`]). Each language is one catalogue
//! folder (`en/`, `de/`) implementing [`Catalogue`]: its conventions and
//! names in `mod.rs` ("88,4 %", "15. September 2020", "Russland", from
//! `model::locale`), one file per family, each an exhaustive match, so a new
//! message does not compile until every language words it. A third language
//! is one more folder and one arm in [`catalogue`].
//!
//! The English rendering is also the stable `explanation`/`reason` field of the
//! JSON answers; the localized one is added next to it with the language.

mod de;
mod en;

use crate::check::Verdict;
use crate::claim::{Party, Rank, Role};
use crate::lex::Lang;
use crate::stated::Stated;
use crate::weapon::Weapon;
use crate::when::Date;
use engine::Direction;
use engine::groups::GroupDate;
use model::{Category, Window};
use serde::Serialize;

impl Lang {
    /// BCP 47 code: `en`, `de`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::English => "en",
            Lang::German => "de",
        }
    }
}

impl Serialize for Lang {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

/// One language's messages and conventions.
pub trait Catalogue: Sync {
    /// "supported" / "belegt".
    fn verdict(&self, v: Verdict) -> &'static str;
    fn caveat(&self, c: Caveat) -> &'static str;
    /// The full text of one message.
    fn msg(&self, m: &Msg) -> String;
}

/// The catalogue of `lang`.
pub fn catalogue(lang: Lang) -> &'static dyn Catalogue {
    match lang {
        Lang::English => &en::En,
        Lang::German => &de::De,
    }
}

/// Qualifies a verdict; shown next to it, never dropped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Caveat {
    DesignationDiffers,
}

/// A verdict with its caveat in `lang`: "belegt, Bezeichnung weicht ab".
pub fn verdict_label(lang: Lang, v: Verdict, caveat: Option<Caveat>) -> String {
    let c = catalogue(lang);
    match caveat {
        Some(k) => format!("{}, {}", c.verdict(v), c.caveat(k)),
        None => c.verdict(v).to_string(),
    }
}

/// A party as a checker saw it in the release: `key` localizes its name.
pub fn party(key: &str, name: &str) -> Party {
    Party::new(key, name)
}

/// One SIPRI deal's deliveries, as an explanation lists them.
#[derive(Debug, Clone, PartialEq)]
pub struct DealText {
    /// The supplier, when the claim names none.
    pub from: Option<Party>,
    /// SIPRI's designation and description (SIPRI's English, never translated).
    pub designation: String,
    pub description: String,
    /// Year, units, estimate flags.
    pub years: Vec<(u16, u32, u16)>,
    pub tiv: f64,
}

/// A deal of a near kind: designation, description, year.
pub type Near = (String, String, u16);

/// What the group table records for one member.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    pub joined: Option<GroupDate>,
    pub announced: Option<GroupDate>,
    /// The table's UNCERTAIN note, verbatim.
    pub uncertain: Option<String>,
}

/// Where a group fact comes from.
#[derive(Debug, Clone, PartialEq)]
pub enum GroupSource {
    Builtin,
    File(String),
}

/// The strength word of a main-supplier claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MainWord {
    Main,
    Dominant,
}

/// What marks a sentence as not checkable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpeechWhy {
    ReportedSpeech,
    Forecast,
    Interpretation,
}

/// A partner with its TIV and share, in a ranking.
#[derive(Debug, Clone, PartialEq)]
pub struct Ranked {
    pub party: Party,
    pub tiv: f64,
    pub pct: f64,
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
    PresentTenseWindow(Window),
}

impl From<FigureMsg> for Msg {
    fn from(m: FigureMsg) -> Msg {
        Msg::Figure(m)
    }
}

/// What SIPRI lists for deliveries of a weapon, shapes (f) and (g).
#[derive(Debug, Clone, PartialEq)]
pub enum DeliveryMsg {
    NoPairInRelease {
        supplier: Option<Party>,
        recipient: Party,
        span: Window,
    },
    NoRecord {
        what: Weapon,
        supplier: Option<Party>,
        recipient: Party,
        window: Window,
    },
    Listed {
        supplier: Option<Party>,
        recipient: Party,
        window: Window,
        deals: Vec<DealText>,
        more: usize,
    },
    /// `base`, but SIPRI lists deals prose may also call `what`.
    ButNear {
        base: Box<Msg>,
        near: Vec<Near>,
        what: Weapon,
    },
    FirstBefore {
        supplier: Option<Party>,
        recipient: Party,
        what: Weapon,
        year: u16,
        window: Window,
    },
    FirstInFirstYear {
        supplier: Option<Party>,
        recipient: Party,
        what: Weapon,
        year: u16,
    },
    NoneButNear {
        supplier: Option<Party>,
        recipient: Party,
        what: Weapon,
        window: Window,
        near: Vec<Near>,
    },
    NoneInRelease {
        supplier: Option<Party>,
        recipient: Party,
        what: Weapon,
        span: Window,
    },
    NoneInWindow {
        supplier: Option<Party>,
        recipient: Party,
        what: Weapon,
        window: Window,
        years: Vec<u16>,
        deals: Vec<DealText>,
    },
    DesignationDiffers {
        sipri: Vec<String>,
        stated: String,
        family: String,
    },
    UnitsAllocated {
        stated: u32,
        units: u32,
        window: Window,
    },
    UnitsDiffer {
        stated: u32,
        units: u32,
        window: Window,
    },
    MonthNotChecked,
    ListedWorth {
        supplier: Option<Party>,
        recipient: Party,
        what: Weapon,
        tiv: f64,
        years: Vec<u16>,
        deals: Vec<DealText>,
        more: usize,
    },
    NoRecordInSpan {
        supplier: Option<Party>,
        recipient: Party,
        what: Weapon,
        span: Window,
    },
}

impl From<DeliveryMsg> for Msg {
    fn from(m: DeliveryMsg) -> Msg {
        Msg::Delivery(m)
    }
}

/// What the group table records, shape (i).
#[derive(Debug, Clone, PartialEq)]
pub enum GroupMsg {
    NoGroup(String),
    NoDatedMembership(String),
    FirstDateAmbiguous {
        group: String,
        first: GroupDate,
        who: Vec<Party>,
        stated: Date,
        note: String,
    },
    FirstDate {
        group: String,
        first: GroupDate,
        who: Vec<Party>,
        stated: Date,
    },
    FirstMembers {
        group: String,
        first: GroupDate,
        who: Vec<Party>,
        missing: Vec<(Party, Option<GroupDate>)>,
    },
    AnnouncementRecorded {
        member: Party,
        group: String,
        on: GroupDate,
        stated: Date,
        uncertain: Option<String>,
    },
    NoAnnouncement {
        member: Party,
        group: String,
    },
    FutureAccession {
        member: Party,
        group: String,
        future: bool,
        records: Vec<Record>,
    },
    NoMembership {
        member: Party,
        group: String,
    },
    OnlyAnnounced {
        member: Party,
        group: String,
        dated: bool,
        records: Vec<Record>,
    },
    MemberRecords {
        member: Party,
        group: String,
        records: Vec<Record>,
        stated: Option<Date>,
    },
}

impl From<GroupMsg> for Msg {
    fn from(m: GroupMsg) -> Msg {
        Msg::Group(m)
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
    SeveralPeriods,
    ChangeNeedsFixedPeriods,
    ChangeWithoutPeriod,
    MoreThanTwoPeriods,
    NoCountryNamed,
    NoSupplierNamed,
    NoRecipientNamed,
    FirstEverNeedsYear,
    SameParty,
    NoCompareFocus,
    ShareWithoutOwnPeriod(Stated),
    FigureNotTied(Stated),
    NotRead(String),
    TwoFigures(String),
    DirectionContradicts(Stated, Stated),
    TwoCategories(Category, Category),
    NamedNotParty(Party),
    /// A meaning-bearing word no claim represents.
    Marker(crate::meaning::MarkerKind, String),
    DeliveryNoRecipient,
    DeliveryNoSupplier,
    NegatedCountOrFirst,
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

impl Msg {
    /// The message in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        catalogue(lang).msg(self)
    }

    /// The stable English text (the `explanation`/`reason` field).
    pub fn english(&self) -> String {
        self.render(Lang::English)
    }

    /// `a; b` from several reasons, in order.
    pub fn join<M: Into<Msg>>(parts: Vec<M>) -> Msg {
        let mut parts: Vec<Msg> = parts.into_iter().map(Into::into).collect();
        if parts.len() == 1 {
            parts.remove(0)
        } else {
            Msg::Join(parts)
        }
    }

    pub(crate) fn not_covered(c: &model::Coverage) -> Msg {
        FigureMsg::NotCovered {
            window: c.window,
            release_years: c.release_years,
            missing: c.missing_years.clone(),
        }
        .into()
    }
}

/// Consecutive years as spans: `[2025, 2026, 2028]` → `[(2025, 2026), (2028, 2028)]`.
pub(crate) fn spans(years: &[u16]) -> Vec<(u16, u16)> {
    let mut out: Vec<(u16, u16)> = Vec::new();
    for &y in years {
        match out.last_mut() {
            Some((_, e)) if *e + 1 == y => *e = y,
            _ => out.push((y, y)),
        }
    }
    out
}

#[cfg(test)]
mod tests;

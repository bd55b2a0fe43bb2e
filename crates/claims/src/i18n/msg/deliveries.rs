//! Delivery and group messages, apart from the figure and reading families
//! of [`super`] (one file each would be shorter than its imports).

use super::super::{DealText, Near, Record};
use super::Msg;
use crate::claim::Party;
use crate::weapon::Weapon;
use crate::when::Date;
use engine::groups::GroupDate;
use model::Window;

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
    /// The family's rows in the window are all of another kind than the
    /// stated one ("Patriot missiles" where SIPRI lists the SAM system).
    KindDiffers {
        stated: String,
        kind: String,
        sipri: Vec<String>,
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

//! Deliveries of a weapon and past or absent deliveries.

use super::*;
use crate::i18n::DeliveryMsg;

pub(super) fn text(m: &DeliveryMsg) -> String {
    use DeliveryMsg::*;
    match m {
        NoPairInRelease {
            supplier,
            recipient,
            span,
        } => format!(
            "no deliveries from {} to {} in this release ({span})",
            sup(supplier),
            recipient.name
        ),
        NoRecord {
            what: w,
            supplier,
            recipient,
            window,
        } => format!(
            "SIPRI has no record of {} deliveries from {} to {} in {window}",
            what(w),
            sup(supplier),
            recipient.name
        ),
        Listed {
            supplier,
            recipient,
            window,
            deals: d,
            more: m,
        } => format!(
            "SIPRI lists from {} to {} in {window}: {}{}",
            sup(supplier),
            recipient.name,
            deals(d),
            more(*m)
        ),
        ButNear {
            base,
            near: n,
            what: w,
        } => format!(
            "{}, but it lists {}, which prose may also call {}s",
            En.msg(base),
            near(n),
            what(w)
        ),
        FirstBefore {
            supplier,
            recipient,
            what: w,
            year,
            window,
        } => format!(
            "{} first delivered {} to {} in {year}, before {window}",
            sup(supplier),
            what(w),
            recipient.name
        ),
        FirstInFirstYear {
            supplier,
            recipient,
            what: w,
            year,
        } => format!(
            "the first {} delivery from {} to {} in the release is in {year}, its first year of data: earlier deliveries would not show",
            what(w),
            sup(supplier),
            recipient.name
        ),
        NoneButNear {
            supplier,
            recipient,
            what: w,
            window,
            near: n,
        } => format!(
            "SIPRI lists no {} deliveries from {} to {} in {window} but lists {}, which prose may also call {}s: whether they count is a matter of definition",
            what(w),
            sup(supplier),
            recipient.name,
            near(n),
            what(w)
        ),
        NoneInRelease {
            supplier,
            recipient,
            what: w,
            span,
        } => format!(
            "SIPRI lists no {} deliveries from {} to {} in the release ({span})",
            what(w),
            sup(supplier),
            recipient.name
        ),
        NoneInWindow {
            supplier,
            recipient,
            what: w,
            window,
            years: y,
            deals: d,
        } => format!(
            "SIPRI lists no {} deliveries from {} to {} in {window}; it lists them in {}: {}",
            what(w),
            sup(supplier),
            recipient.name,
            years(y),
            deals(d)
        ),
        KindDiffers {
            stated,
            kind,
            sipri,
        } => format!(
            "SIPRI lists {stated} as {}, not as {kind}; {kind}s of it may be listed under other designations, so the claim cannot be checked",
            sipri.join(", ")
        ),
        DesignationDiffers {
            sipri,
            stated,
            family,
        } => format!(
            "SIPRI names it {}, not {stated} (same {family} family): designation differs",
            sipri.join(", ")
        ),
        UnitsAllocated {
            stated,
            units,
            window,
        } => format!(
            "stated {stated} units: this register gives numbers per deal, and the {units} for {window} are armsflow's allocation across delivery years, not SIPRI's"
        ),
        UnitsDiffer {
            stated,
            units,
            window,
        } => format!("stated {stated} units, SIPRI lists {units} delivered in {window}"),
        MonthNotChecked => {
            "SIPRI records delivery years, not months: the month is not checked".into()
        }
        ListedWorth {
            supplier,
            recipient,
            what: w,
            tiv,
            years: y,
            deals: d,
            more: m,
        } => format!(
            "SIPRI lists {} deliveries from {} to {} worth {tiv:.2} TIV in {}: {}{}",
            what(w),
            sup(supplier),
            recipient.name,
            years(y),
            deals(d),
            more(*m)
        ),
        NoRecordInSpan {
            supplier,
            recipient,
            what: w,
            span,
        } => format!(
            "SIPRI has no record of {} deliveries from {} to {} in the release's span {span} (earlier years are not covered)",
            what(w),
            sup(supplier),
            recipient.name
        ),
    }
}

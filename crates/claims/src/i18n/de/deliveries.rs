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
            "keine Lieferungen {} → {} in dieser Datenversion ({})",
            sup(supplier),
            land(recipient),
            win(span)
        ),
        NoRecord {
            what: w,
            supplier,
            recipient,
            window,
        } => format!(
            "SIPRI verzeichnet keine {} {} → {} {}",
            lieferungen(w),
            sup(supplier),
            land(recipient),
            when(window)
        ),
        Listed {
            supplier,
            recipient,
            window,
            deals: d,
            more: m,
        } => format!(
            "SIPRI verzeichnet Lieferungen {} → {} {}: {}{}",
            sup(supplier),
            land(recipient),
            when(window),
            deals(d),
            more(*m)
        ),
        ButNear {
            base,
            near: n,
            what: w,
        } => format!(
            "{}, verzeichnet aber {}, die auch als {} bezeichnet werden könnten",
            De.msg(base),
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
            "Erste Lieferung von {} {} → {} bereits {year}, vor {}",
            what(w),
            sup(supplier),
            land(recipient),
            win(window)
        ),
        FirstInFirstYear {
            supplier,
            recipient,
            what: w,
            year,
        } => format!(
            "Die erste Lieferung von {} {} → {} in der Datenversion fällt auf das Jahr {year}, ihr erstes Datenjahr: frühere Lieferungen wären nicht sichtbar",
            what(w),
            sup(supplier),
            land(recipient)
        ),
        NoneButNear {
            supplier,
            recipient,
            what: w,
            window,
            near: n,
        } => format!(
            "SIPRI verzeichnet keine {} {} → {} {}, aber {}, die auch als {} bezeichnet werden könnten: ob sie zählen, ist eine Frage der Definition",
            lieferungen(w),
            sup(supplier),
            land(recipient),
            when(window),
            near(n),
            what(w)
        ),
        NoneInRelease {
            supplier,
            recipient,
            what: w,
            span,
        } => format!(
            "SIPRI verzeichnet keine {} {} → {} in der Datenversion ({})",
            lieferungen(w),
            sup(supplier),
            land(recipient),
            win(span)
        ),
        NoneInWindow {
            supplier,
            recipient,
            what: w,
            window,
            years: y,
            deals: d,
        } => format!(
            "SIPRI verzeichnet keine {} {} → {} {}, wohl aber {}: {}",
            lieferungen(w),
            sup(supplier),
            land(recipient),
            when(window),
            in_years(y),
            deals(d)
        ),
        KindDiffers {
            stated,
            kind,
            sipri,
        } => format!(
            "SIPRI führt {stated} als {}, nicht als {kind}; solche können unter anderen Bezeichnungen geführt sein, daher ist die Angabe nicht prüfbar",
            sipri.join(", ")
        ),
        DesignationDiffers {
            sipri,
            stated,
            family,
        } => format!(
            "SIPRI nennt das System {}, nicht {stated} (gleiche Familie {family}): Bezeichnung weicht ab",
            sipri.join(", ")
        ),
        UnitsAllocated {
            stated,
            units,
            window,
        } => format!(
            "angegeben: {stated} Stück; dieses Register nennt Stückzahlen je Geschäft, die {units} für {} sind eine Verteilung von armsflow auf die Lieferjahre, keine SIPRI-Zahl",
            win(window)
        ),
        UnitsDiffer {
            stated,
            units,
            window,
        } => format!(
            "angegeben: {stated} Stück; SIPRI verzeichnet {units} geliefert {}",
            when(window)
        ),
        MonthNotChecked => {
            "SIPRI erfasst Lieferjahre, keine Monate: der Monat wird nicht geprüft".into()
        }
        ListedWorth {
            supplier,
            recipient,
            what: w,
            tiv: t,
            years: y,
            deals: d,
            more: m,
        } => format!(
            "SIPRI verzeichnet {} {} → {} im Wert von {} {}: {}{}",
            lieferungen(w),
            sup(supplier),
            land(recipient),
            tiv(*t),
            in_years(y),
            deals(d),
            more(*m)
        ),
        NoRecordInSpan {
            supplier,
            recipient,
            what: w,
            span,
        } => format!(
            "SIPRI verzeichnet keine {} {} → {} im Zeitraum der Datenversion {} (frühere Jahre sind nicht erfasst)",
            lieferungen(w),
            sup(supplier),
            land(recipient),
            win(span)
        ),
    }
}

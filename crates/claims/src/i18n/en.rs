//! English: the stable wording of every JSON `explanation` and `reason`.
//! Figures as the claim language writes them (`1175.20`, `88.43 %`), dates
//! ISO (`2020-09-15`), SIPRI's country names.

use super::{
    Catalogue, Caveat, DealText, GroupSource, MainWord, Msg, Near, Record, SpeechWhy, spans,
};
use crate::check::Verdict;
use crate::claim::{Party, Role, ordinal_word};
use crate::meaning::MarkerKind;
use crate::weapon::Weapon;
use engine::Direction;
use model::Category;

pub struct En;

fn cat(c: &Option<Category>) -> String {
    c.map_or(String::new(), |c| {
        format!(" ({} only)", crate::claim::category_token(c))
    })
}

fn sup(p: &Option<Party>) -> &str {
    p.as_ref().map_or("any supplier", |p| p.name.as_str())
}

fn what(w: &Weapon) -> String {
    w.label()
}

fn flags(f: u16) -> String {
    use model::Flags;
    let mut v = Vec::new();
    if f & Flags::EST_NUMBER != 0 {
        v.push("number estimated");
    }
    if f & Flags::EST_YEAR != 0 {
        v.push("year estimated");
    }
    if f & Flags::EST_UNKNOWN != 0 {
        v.push("an estimate flag left empty by SIPRI");
    }
    if f & Flags::ALLOCATED != 0 {
        v.push("per-year figure allocated by armsflow from the deal total");
    }
    if v.is_empty() {
        "firm".into()
    } else {
        v.join(", ")
    }
}

fn deal(h: &DealText) -> String {
    let years: Vec<String> = h
        .years
        .iter()
        .map(|(y, n, f)| {
            if *n > 0 {
                format!("{n} in {y} ({})", flags(*f))
            } else {
                format!("{y} ({})", flags(*f))
            }
        })
        .collect();
    let name = if h.designation.is_empty() {
        "deliveries".to_string()
    } else {
        format!("{} ({})", h.designation, h.description)
    };
    let from = h
        .from
        .as_ref()
        .map_or(String::new(), |p| format!("from {}, ", p.name));
    format!("{from}{name}: {}; {:.2} TIV", years.join(", "), h.tiv)
}

fn deals(d: &[DealText]) -> String {
    d.iter().map(deal).collect::<Vec<_>>().join("; ")
}

fn more(n: usize) -> String {
    if n > 0 {
        format!("; and {n} more")
    } else {
        String::new()
    }
}

fn near(n: &[Near]) -> String {
    n.iter()
        .map(|(d, desc, y)| format!("{d} ({desc}) in {y}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn years(y: &[u16]) -> String {
    y.iter().map(u16::to_string).collect::<Vec<_>>().join(", ")
}

fn names(p: &[Party]) -> String {
    p.iter()
        .map(|p| p.name.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

fn uncertain(u: &Option<String>) -> String {
    u.as_ref().map_or(String::new(), |why| {
        format!(" (marked UNCERTAIN in the table: {why})")
    })
}

fn record(r: &Record) -> String {
    let j = r
        .joined
        .map_or("in every year".to_string(), |d| format!("joined {d}"));
    match r.announced {
        Some(a) => format!("{j}, announced {a}{}", uncertain(&r.uncertain)),
        None => format!("{j}{}", uncertain(&r.uncertain)),
    }
}

fn records(r: &[Record]) -> String {
    r.iter().map(record).collect::<Vec<_>>().join("; ")
}

fn no_year(d: &crate::when::Date) -> &'static str {
    if d.year.is_none() {
        " (year not stated)"
    } else {
        ""
    }
}

fn marker(k: MarkerKind, word: &str) -> String {
    match k {
        MarkerKind::Category(c) => format!(
            "armament category '{word}' ({}) recognised but it could not be tied to one claim",
            c.sipri_name()
        ),
        MarkerKind::Money => format!(
            "'{word}': the sentence states a money value; SIPRI TIV is not money, so it cannot be checked against SIPRI data"
        ),
        MarkerKind::Negation => format!(
            "negation '{word}' recognised: negated and zero claims are not supported by this reading"
        ),
        MarkerKind::Comparison => format!(
            "comparison '{word}' recognised: comparisons between partners or countries are not supported"
        ),
        MarkerKind::ShareWord => format!(
            "'{word}': a change of a share is not a change of volume; state the share in each period"
        ),
        MarkerKind::Points => format!(
            "'{word}': changes in percentage points are not supported; state the share in each period"
        ),
        MarkerKind::NotDeliveries => format!(
            "'{word}': licences, orders and contracts are not deliveries; SIPRI data records deliveries"
        ),
        MarkerKind::OpenPeriod => {
            format!("open-ended period ('{word}'): state the years the figure covers")
        }
        MarkerKind::Rate => format!("'{word}': annual rates and averages are not supported"),
        MarkerKind::Group => {
            format!("'{word}': regions and groups of countries are not supported by this reading")
        }
        MarkerKind::Scope => format!(
            "'{word}': a figure that includes or excludes part of the flow is not supported"
        ),
        MarkerKind::OpenRange => {
            format!("'{word}': a rank range without its size (top how many?) cannot be checked")
        }
        MarkerKind::Multiple => format!(
            "multiple '{word}' recognised but no change between two periods could be read (hedged multiples such as 'nearly doubled' are not supported)"
        ),
        MarkerKind::SubYear => {
            format!("'{word}': periods shorter than a year are not in SIPRI's annual data")
        }
        MarkerKind::Earlier => {
            format!("'{word}': a figure for an earlier, unstated period cannot be checked")
        }
        MarkerKind::FigureRange => {
            format!("'{word}': a range of figures is not a figure this reading checks")
        }
        MarkerKind::Vague => format!(
            "'{word}': a share without a figure ('most', 'the bulk') is not a figure this reading checks"
        ),
        MarkerKind::Rank => format!(
            "rank '{word}' recognised but not what is ranked (supplier, recipient, exporter or importer)"
        ),
    }
}

fn neighbours(before: &[(Party, f64)], after: &[(Party, f64)]) -> String {
    let fmt = |(p, t): &(Party, f64)| format!("{} {t:.2}", p.name);
    let mut s = String::new();
    if !before.is_empty() {
        let b: Vec<String> = before.iter().map(fmt).collect();
        s.push_str(&format!("after {}", b.join(", ")));
    }
    if !after.is_empty() {
        if !s.is_empty() {
            s.push_str("; ");
        }
        let a: Vec<String> = after.iter().map(fmt).collect();
        s.push_str(&format!("ahead of {}", a.join(", ")));
    }
    s
}

impl Catalogue for En {
    fn verdict(&self, v: Verdict) -> &'static str {
        v.as_str()
    }

    fn caveat(&self, c: Caveat) -> &'static str {
        match c {
            Caveat::DesignationDiffers => "designation differs",
        }
    }

    fn msg(&self, m: &Msg) -> String {
        use Msg::*;
        match m {
            Join(parts) => parts
                .iter()
                .map(|p| self.msg(p))
                .collect::<Vec<_>>()
                .join("; "),
            NoDataForRelative => {
                "the release has no data, so relative periods have no meaning".into()
            }
            NoDeliveriesAtAll => "the release holds no deliveries".into(),
            NotCovered {
                window,
                release_years,
                missing,
            } => {
                let covers = match release_years {
                    Some((a, b)) if a == b => format!("the release covers only {a}"),
                    Some((a, b)) => format!("the release covers {a}–{b}"),
                    None => "the release holds no years of data".to_string(),
                };
                let gaps: Vec<String> = spans(missing)
                    .iter()
                    .map(|&(a, b)| {
                        if a == b {
                            a.to_string()
                        } else {
                            format!("{a}–{b}")
                        }
                    })
                    .collect();
                let verb = if missing.len() == 1 { "is" } else { "are" };
                format!(
                    "{covers}; {} {verb} not in it, so {window} is not fully covered",
                    gaps.join(" and ")
                )
            }
            OneSided { release, format } => format!(
                "release {release} is a {format} with one side of each flow only; supplier-recipient figures need a register"
            ),
            NotAShape => "not a shape of this checker".into(),
            NoPeriodResolved => "no period".into(),
            NoDeliveriesOf(p) => format!("{} has no deliveries in this release", p.name),
            ImportedNothing { who, cat: c, window } => format!(
                "{} imported nothing{} in {window}: no share to take",
                who.name,
                cat(c)
            ),
            ExportedNothing { who, cat: c, window } => {
                format!("{} exported nothing{} in {window}", who.name, cat(c))
            }
            ImportShare {
                supplier,
                recipient,
                tiv,
                total,
                cat: c,
                window,
                pct,
                stated,
            } => format!(
                "{} supplied {tiv:.2} of {}'s {total:.2} TIV of imports{} in {window} = {pct:.2} % (denominator: {}'s imports{}); stated {}",
                supplier.name,
                recipient.name,
                cat(c),
                recipient.name,
                cat(c),
                stated.render(false)
            ),
            ExportShare {
                supplier,
                recipient,
                tiv,
                total,
                cat: c,
                window,
                pct,
            } => format!(
                "{} received {tiv:.2} of {}'s {total:.2} TIV of exports{} in {window} = {pct:.2} % (denominator: {}'s exports)",
                recipient.name,
                supplier.name,
                cat(c),
                supplier.name
            ),
            RankAmongRecipients {
                rank,
                of,
                before,
                after,
            } => format!(
                "rank {rank} of {of} recipients ({})",
                neighbours(before, after)
            ),
            NotAmongRecipients => "not among its recipients".into(),
            ChangeFromZero {
                focus,
                dir,
                cat: c,
                window,
            } => format!(
                "{}'s {dir}{} in {window} were 0: no % change",
                focus.name,
                cat(c)
            ),
            Change {
                focus,
                dir,
                cat: c,
                from,
                to,
                pct,
                stated,
            } => format!(
                "{}'s {dir}{} {:.2} TIV in {} → {:.2} TIV in {} = {pct:+.2} % (×{:.3}); stated {}",
                focus.name,
                cat(c),
                from.1,
                from.0,
                to.1,
                to.0,
                to.1 / from.1,
                stated.render(true)
            ),
            NothingRecorded { dir, window } => format!("no {dir} recorded in {window}"),
            Global {
                focus,
                tiv,
                total,
                dir,
                cat: c,
                window,
                pct,
                rank,
                of,
            } => {
                let who = if *dir == Direction::Exports {
                    "exporters"
                } else {
                    "importers"
                };
                format!(
                    "{}: {tiv:.2} of the world's {total:.2} TIV of {dir}{} in {window} = {pct:.2} %, rank {} of {of} {who}",
                    focus.name,
                    cat(c),
                    rank.map_or("-".to_string(), |k| k.to_string()),
                )
            }
            NoPartners {
                focus,
                dir,
                cat: c,
                window,
            } => format!("{} has no {dir}{} in {window}", focus.name, cat(c)),
            Largest {
                nth,
                role,
                focus,
                cat: c,
                window,
                at_n,
                answer,
                rank,
            } => {
                let role_word = if *role == Role::Supplier {
                    "supplier"
                } else {
                    "recipient"
                };
                let at: Vec<String> = at_n
                    .iter()
                    .map(|r| format!("{} ({:.2} TIV, {:.2} %)", r.party.name, r.tiv, r.pct))
                    .collect();
                format!(
                    "{} {role_word} of {}{} in {window}: {}; {} is {}",
                    if nth.top {
                        format!("top-{}", nth.n)
                    } else {
                        ordinal_word(nth.n)
                    },
                    focus.name,
                    cat(c),
                    if at.is_empty() {
                        "none".to_string()
                    } else {
                        at.join(", ")
                    },
                    answer.name,
                    rank.map_or(format!("not a {role_word}"), |k| format!("rank {k}")),
                )
            }
            Compare {
                focus,
                dir,
                cat: c,
                more,
                less,
                window,
            } => {
                let (verb, prep) = if *dir == Direction::Imports {
                    ("imported", "from")
                } else {
                    ("exported", "to")
                };
                format!(
                    "{} {verb}{} {:.2} TIV {prep} {} and {:.2} TIV {prep} {} in {window} (difference {:+.2})",
                    focus.name,
                    cat(c),
                    more.1,
                    more.0.name,
                    less.1,
                    less.0.name,
                    more.1 - less.1
                )
            }
            YearOutside { span, year } => format!(
                "the release covers {}-{}; {year} is outside it",
                span.0, span.1
            ),
            FirstYearOfData { span, year } => format!(
                "{year} is the first year of the release's data ({}-{}): earlier deliveries would not show",
                span.0, span.1
            ),
            FirstDelivery {
                supplier,
                recipient,
                span,
                year,
                tiv,
            } => format!(
                "first delivery from {} to {} in the release ({}-{}): {year}, {tiv:.2} TIV",
                supplier.name, recipient.name, span.0, span.1
            ),
            AlreadyDelivered {
                supplier,
                recipient,
                year,
            } => format!(
                "{} already delivered to {} in {year}",
                supplier.name, recipient.name
            ),
            FirstLater {
                supplier,
                recipient,
                year,
                first,
            } => format!(
                "no deliveries from {} to {} in {year}; the first were in {first}",
                supplier.name, recipient.name
            ),
            NoPairDeliveries {
                supplier,
                recipient,
            } => format!(
                "no deliveries from {} to {} in this release",
                supplier.name, recipient.name
            ),
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
                self.msg(base),
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
            MainRank {
                supplier,
                recipient,
                rank,
                of,
                cat: c,
                window,
                tiv,
                total,
                pct,
            } => format!(
                "{}: rank {rank} of {of} suppliers of {}{} in {window}, {tiv:.2} of {total:.2} TIV = {pct:.2} %",
                supplier.name,
                recipient.name,
                cat(c)
            ),
            DeliveredNothing {
                supplier,
                recipient,
                cat: c,
                window,
            } => format!(
                "{} delivered nothing{} to {} in {window}",
                supplier.name,
                cat(c),
                recipient.name
            ),
            LargestWas(p, pct) => format!("the largest was {} ({pct:.2} %)", p.name),
            SecondWas { party, pct, lead } => {
                format!("second {} {pct:.2} % ({lead:.1}× less)", party.name)
            }
            MainRule {
                word,
                min_pct,
                min_lead,
            } => format!(
                "rule for \"{}\": rank 1, at least {min_pct:.0} % and at least {min_lead:.0}× the second supplier",
                match word {
                    MainWord::Main => "main",
                    MainWord::Dominant => "dominant",
                }
            ),
            PresentTenseWindow(w) => format!(
                "no period stated: the present tense is read as the latest five years ({w})"
            ),
            WithSource(inner, source) => format!(
                "{}; source: {}",
                self.msg(inner),
                match source {
                    GroupSource::Builtin => crate::shapes::BUILTIN_GROUPS.to_string(),
                    GroupSource::File(f) => format!("group table {f}"),
                }
            ),
            NoGroup(g) => format!("the group table has no group \"{g}\""),
            NoDatedMembership(g) => {
                format!("the group table has no dated membership of {g}")
            }
            FirstDateAmbiguous {
                group,
                first,
                who,
                stated,
                note,
            } => format!(
                "the group table dates {group} from {first} ({}), but its notes also give {stated} (\"{note}\"): which date counts as the first signature or founding is a matter of definition",
                names(who)
            ),
            FirstDate {
                group,
                first,
                who,
                stated,
            } => format!(
                "first date in the group table for {group}: {first} ({}); stated {stated}{}",
                names(who),
                no_year(stated)
            ),
            FirstMembers {
                group,
                first,
                who,
                missing,
            } => {
                let mut text = format!(
                    "first members of {group} in the group table ({first}): {}",
                    names(who)
                );
                for (m, d) in missing {
                    let d = d.map_or("not a member".to_string(), |d| format!("joined {d}"));
                    text.push_str(&format!("; {} {d}", m.name));
                }
                text
            }
            AnnouncementRecorded {
                member,
                group,
                on,
                stated,
                uncertain: u,
            } => format!(
                "the group table records the announcement of {}'s accession to {group} on {on}; stated {stated}{}{}",
                member.name,
                no_year(stated),
                uncertain(u)
            ),
            NoAnnouncement { member, group } => format!(
                "the group table records no announcement date for {} in {group}",
                member.name
            ),
            FutureAccession {
                member,
                group,
                future,
                records: r,
            } => {
                let why = if *future {
                    format!(
                        "a statement about the future ({} will join {group}) is not checkable",
                        member.name
                    )
                } else {
                    format!(
                        "an undated accession in the present tense ({} joins {group}) is news of an event under way, not checkable",
                        member.name
                    )
                };
                if r.is_empty() {
                    format!(
                        "{why}; the group table records no accession or announcement for {}",
                        member.name
                    )
                } else {
                    format!(
                        "{why}; the group table records {}: {}",
                        member.name,
                        records(r)
                    )
                }
            }
            NoMembership { member, group } => format!(
                "the group table lists no membership of {} in {group}",
                member.name
            ),
            OnlyAnnounced {
                member,
                group,
                dated,
                records: r,
            } => format!(
                "the group table records only an announced accession of {} to {group}{}: {}",
                member.name,
                if *dated {
                    ", no signing or accession date"
                } else {
                    ""
                },
                records(r)
            ),
            MemberRecords {
                member,
                group,
                records: r,
                stated,
            } => match stated {
                Some(d) => format!("{} in {group}: {}; stated {d}", member.name, records(r)),
                None => format!("{} in {group}: {}", member.name, records(r)),
            },
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
            SeveralPeriods => {
                "several periods in the sentence: which one the figure is for is unclear".into()
            }
            ChangeNeedsFixedPeriods => {
                "a change needs two fixed periods, not 'the past n years'".into()
            }
            ChangeWithoutPeriod => "a change without a period cannot be checked".into(),
            MoreThanTwoPeriods => {
                "more than two periods: which two the change is between is unclear".into()
            }
            NoCountryNamed => "no country named".into(),
            NoSupplierNamed => "no supplier named".into(),
            NoRecipientNamed => "no recipient named".into(),
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
            NotRead(w) => format!("'{w}' not read"),
            TwoFigures(k) => format!("two different figures for the same claim ({k})"),
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
            NamedNotParty(p) => format!(
                "'{}' is named but is not a party of the claim read from the sentence",
                p.name
            ),
            Marker(k, w) => marker(*k, w),
            DeliveryNoRecipient => "a delivery statement without a recipient".into(),
            DeliveryNoSupplier => "a delivery statement without a supplier".into(),
            NegatedCountOrFirst => "a negated count or first delivery is not checked".into(),
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
}

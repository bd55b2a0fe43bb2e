//! English: the stable wording of every JSON `explanation` and `reason`.
//! Figures as the claim language writes them (`1175.20`, `88.43 %`), dates
//! ISO (`2020-09-15`), SIPRI's country names.

mod deliveries;
mod figures;
mod groups;
mod reasons;

use super::{
    Catalogue, Caveat, DealText, GroupSource, MainWord, Msg, Near, Record, SpeechWhy, Tol, spans,
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
        // Not "firm": the legacy register records no estimate flag for
        // delivery years at all (figure probe).
        "not flagged as estimated".into()
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
        MarkerKind::AmbiguousName => format!(
            "'{word}' may be the Republic of the Congo (SIPRI's 'Congo') or DR Congo: name the country in full"
        ),
        MarkerKind::FormerName => format!(
            "'{word}': West Germany is SIPRI's Germany before 1990 only; a claim naming it is not checked against today's Germany"
        ),
        MarkerKind::Aside => format!(
            "'{word}' stands in an aside about a country, not in the claim; which flow the figure is of cannot be read safely, so it is not checked"
        ),
        MarkerKind::AsideOnly => format!(
            "the only country, '{word}', is named in an aside, not as a party to the figure; whose flow the figure is cannot be read safely, so it is not checked"
        ),
        MarkerKind::PartOf => format!(
            "'{word}': SIPRI's armament categories do not give this part of the flow (a kind of weapon without its own category, a service branch or second-hand deliveries), so it is not checked"
        ),
        MarkerKind::OpenRange => {
            format!("'{word}': a rank range without its size (top how many?) cannot be checked")
        }
        MarkerKind::Multiple => format!(
            "multiple '{word}' recognised but no change between two periods could be read (hedged multiples such as 'nearly doubled' are not supported)"
        ),
        MarkerKind::Degree => format!(
            "'{word}': how much larger or smaller is stated in words, which a comparison would not check; state the figures"
        ),
        MarkerKind::Hedge => format!(
            "'{word}' after the figure may qualify it in a way this reading does not check, so the figure is not checked as exact"
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
        MarkerKind::FigurePair => format!(
            "'{word}': two figures, one for each of several parties; which figure is whose is not read"
        ),
        MarkerKind::Vague => format!(
            "'{word}': a share without a figure ('most', 'the bulk') is not a figure this reading checks"
        ),
        MarkerKind::LastEver => format!(
            "'{word}': a last delivery says none came after it, which this reading does not check (first-ever deliveries are checked)"
        ),
        MarkerKind::Streak => format!(
            "'{word}': a streak or a \"highest since\" compares the figure with every year of a span, which this reading does not check; state the figure and its period"
        ),
        MarkerKind::Record => format!(
            "'{word}': a record compares the figure with every earlier period, which this reading does not check; state the figure and its period"
        ),
        MarkerKind::Volume => format!(
            "'{word}': a volume in TIV is not a figure this reading checks; state a share, rank or change (armsflow pair shows the TIV)"
        ),
        MarkerKind::NotCovered => format!(
            "'{word}': SIPRI's Arms Transfers Database records major conventional arms only, not small arms, ammunition or other goods"
        ),
        MarkerKind::Possibility => format!(
            "'{word}': the sentence states a condition, possibility or forecast, not a fact; SIPRI records what was delivered"
        ),
        MarkerKind::Mentioned => format!(
            "'{word}': the sentence cites the figure as an example of a claim rather than stating it; only statements made as facts are checked"
        ),
        MarkerKind::Denial => format!(
            "'{word}': the sentence says a statement is false; only statements made as facts are checked"
        ),
        MarkerKind::Anaphor => format!(
            "'of {word}': what the share is of is named elsewhere in the sentence; state it (\"38 % of Russia's arms exports\")"
        ),
        MarkerKind::Subtype(c) => format!(
            "'{word}' is narrower than SIPRI's armament category {}: SIPRI gives figures per category, so a share, rank or change for '{word}' alone cannot be computed",
            c.sipri_name()
        ),
        MarkerKind::SubtypeOnly(c) => format!(
            "'{word}' is narrower than SIPRI's armament category {}: SIPRI gives figures per category, and its descriptions do not tell '{word}' apart, so it is not checked",
            c.sipri_name()
        ),
        MarkerKind::FiscalYear => {
            format!("'{word}': SIPRI's data is by calendar year, not by fiscal year")
        }
        MarkerKind::Measure => format!(
            "'{word}': a measure SIPRI's trend-indicator values (TIV) do not give: they measure the volume of all deliveries, not money, units, amounts per person or new weapons alone"
        ),
        MarkerKind::Question => {
            format!("'{word}': the sentence asks a question; only statements are checked")
        }
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

    fn tolerance(&self, t: &Tol) -> String {
        match t {
            Tol::Interval(i) => i.to_string(),
            Tol::Rank(r) => r.describe(),
            Tol::FirstYear => "first year with deliveries, exactly".into(),
            Tol::MoreTiv => "more, by any amount (TIV)".into(),
            Tol::NoRecordIn(w) => format!("no delivery record in {w}"),
            Tol::DeliveryIn {
                family,
                what,
                window,
                units,
            } => {
                let count = units.map_or(String::new(), |n| format!(", exactly {n} units"));
                match family {
                    Some(f) => format!("a {f} family delivery in {window}{count}"),
                    None => format!("a {} delivery in {window}{count}", what.label()),
                }
            }
            Tol::AnyRecordIn(all) => {
                format!("any delivery record in {all} (the release's whole span)")
            }
            Tol::NoRecordAtAll(all) => format!("no delivery record at all in {all}"),
            Tol::NoLonger { before, recent } => {
                format!("deliveries before {before}, none in the latest five years {recent}")
            }
            Tol::MainRule { min_pct, min_lead } => {
                format!("rank 1, ≥ {min_pct:.0} %, ≥ {min_lead:.0}× the second")
            }
            Tol::SameDate => "same date at the stated precision".into(),
            Tol::AmongFirstMembers => "every named country among the first members".into(),
        }
    }

    fn msg(&self, m: &Msg) -> String {
        match m {
            Msg::Join(parts) => parts
                .iter()
                .map(|p| self.msg(p))
                .collect::<Vec<_>>()
                .join("; "),
            Msg::WithSource(inner, source) => format!(
                "{}; source: {}",
                self.msg(inner),
                match source {
                    GroupSource::Builtin => crate::shapes::BUILTIN_GROUPS.to_string(),
                    GroupSource::File(f) => format!("group table {f}"),
                }
            ),
            Msg::Figure(f) => figures::text(f),
            Msg::Delivery(d) => deliveries::text(d),
            Msg::Group(g) => groups::text(g),
            Msg::Reason(r) => reasons::text(r),
        }
    }
}

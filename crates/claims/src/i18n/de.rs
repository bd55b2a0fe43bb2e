//! Deutsch: Urteile und Erläuterungen für deutsche Sätze. Zahlen mit
//! Dezimalkomma und Tausenderpunkt ("1.175,20"), Prozent mit Leerzeichen
//! ("88,43 %"), Daten ausgeschrieben ("15. September 2020"), deutsche
//! Ländernamen ("Russland", "Türkei"). Lieferbeziehungen werden als
//! "Russland → Kasachstan" geschrieben: das hält Ländernamen frei von
//! Kasusendungen, die ein Namensverzeichnis nicht kennt.

use super::{
    Catalogue, Caveat, DealText, GroupSource, MainWord, Msg, Near, Record, SpeechWhy, spans,
};
use crate::check::Verdict;
use crate::claim::{Party, Role};
use crate::meaning::MarkerKind;
use crate::weapon::{Weapon, WeaponKind};
use crate::when::Date;
use engine::Direction;
use engine::groups::GroupDate;
use model::{Category, Window};

pub struct De;

/// `1.175,20`
fn num(x: f64, decimals: usize) -> String {
    model::locale::decimal(x, decimals, model::locale::Lang::De)
}

fn tiv(x: f64) -> String {
    format!("{} TIV", num(x, 2))
}

/// `88,43 %`
fn pct(x: f64) -> String {
    format!("{} %", num(x, 2))
}

/// `88,43 % (gerundet 88,4 %)`: exact, then as SIPRI publishes shares.
fn pct_rounded(x: f64) -> String {
    format!("{} (gerundet {} %)", pct(x), num(x, 1))
}

fn signed_pct(x: f64) -> String {
    if x > 0.0 {
        format!("+{}", pct(x))
    } else {
        pct(x)
    }
}

fn win(w: &Window) -> String {
    if w.start == w.end {
        w.start.to_string()
    } else {
        format!("{}–{}", w.start, w.end)
    }
}

/// The German month name: `model::locale`'s day-month-year date, less the day.
fn month(m: u8) -> String {
    model::locale::date(2000, u32::from(m), 1, model::locale::Lang::De)
        .and_then(|d| d.split(' ').nth(1).map(str::to_string))
        .unwrap_or_else(|| "?".into())
}

/// `15. September 2020`, `September 2020`
fn gdate(d: &GroupDate) -> String {
    match d.day {
        Some(day) => model::locale::date(
            i32::from(d.year),
            u32::from(d.month),
            u32::from(day),
            model::locale::Lang::De,
        )
        .unwrap_or_else(|| format!("{day}. {} {}", month(d.month), d.year)),
        None if d.month == 0 => d.year.to_string(),
        None => format!("{} {}", month(d.month), d.year),
    }
}

/// A stated date: `6. November` (ohne Jahr), `2020`.
fn date(d: &Date) -> String {
    match (d.year, d.month, d.day) {
        (Some(y), Some(m), Some(day)) => format!("{day}. {} {y}", month(m)),
        (Some(y), Some(m), None) => format!("{} {y}", month(m)),
        (Some(y), _, _) => y.to_string(),
        (None, Some(m), Some(day)) => format!("{day}. {}", month(m)),
        (None, Some(m), None) => month(m).to_string(),
        (None, None, _) => "?".into(),
    }
}

/// CLDR's German name (`model::locale`), SIPRI's spelling where none is known.
fn land(p: &Party) -> String {
    model::locale::name_of_key(&p.key, model::locale::Lang::De)
        .map_or_else(|| p.name.clone(), str::to_string)
}

fn sup(p: &Option<Party>) -> String {
    p.as_ref().map_or("alle Lieferanten".to_string(), land)
}

fn lands(p: &[Party]) -> String {
    p.iter().map(land).collect::<Vec<_>>().join(", ")
}

fn category(c: Category) -> &'static str {
    match c {
        Category::Aircraft => "Luftfahrzeuge",
        Category::AirDefence => "Luftverteidigungssysteme",
        Category::ArmouredVehicles => "gepanzerte Fahrzeuge",
        Category::Artillery => "Artillerie",
        Category::Engines => "Triebwerke",
        Category::Missiles => "Flugkörper",
        Category::NavalWeapons => "Marinewaffen",
        Category::Other => "Sonstiges",
        Category::Satellites => "Satelliten",
        Category::Sensors => "Sensoren",
        Category::Ships => "Schiffe",
        Category::Unspecified => "ohne Kategorie",
    }
}

fn cat(c: &Option<Category>) -> String {
    c.map_or(String::new(), |c| format!(" (nur {})", category(c)))
}

fn dir(d: Direction) -> &'static str {
    match d {
        Direction::Imports => "Importe",
        Direction::Exports => "Exporte",
    }
}

/// A weapon as prose names it, plural: "Su-30SM", "Drohnen", "Waffen".
/// "Waffenlieferungen", "Lieferungen von Su-30SM", "Lieferungen von Drohnen".
fn lieferungen(w: &Weapon) -> String {
    if w.designation.is_none() && w.kind.is_none() {
        "Waffenlieferungen".into()
    } else {
        format!("Lieferungen von {}", what(w))
    }
}

/// "im Jahr 2024", "im Zeitraum 2020–2024".
fn when(w: &Window) -> String {
    if w.start == w.end {
        format!("im Jahr {}", w.start)
    } else {
        format!("im Zeitraum {}", win(w))
    }
}

/// "im Jahr 2019", "in den Jahren 2008, 2009, 2010".
fn in_years(y: &[u16]) -> String {
    match y {
        [one] => format!("im Jahr {one}"),
        _ => format!("in den Jahren {}", years(y)),
    }
}

fn what(w: &Weapon) -> String {
    use WeaponKind::*;
    match (&w.designation, w.kind) {
        (Some(d), _) => d.clone(),
        (None, Some(k)) => match k {
            CombatAircraft => "Kampfflugzeuge",
            Aircraft => "Flugzeuge",
            Helicopter => "Hubschrauber",
            Tank => "Panzer",
            ArmouredVehicle => "gepanzerte Fahrzeuge",
            AirDefence => "Luftverteidigungssysteme",
            Drone => "Drohnen",
            Missile => "Flugkörper",
            Artillery => "Artilleriesysteme",
            Ship => "Schiffe",
            Submarine => "U-Boote",
        }
        .into(),
        (None, None) => "Waffen".into(),
    }
}

fn flags(f: u16) -> String {
    use model::Flags;
    let mut v = Vec::new();
    if f & Flags::EST_NUMBER != 0 {
        v.push("Anzahl geschätzt");
    }
    if f & Flags::EST_YEAR != 0 {
        v.push("Jahr geschätzt");
    }
    if f & Flags::EST_UNKNOWN != 0 {
        v.push("Schätzungskennzeichen von SIPRI leer gelassen");
    }
    if f & Flags::ALLOCATED != 0 {
        v.push("Jahreswert von armsflow aus der Gesamtmenge des Geschäfts verteilt");
    }
    if v.is_empty() {
        "gesichert".into()
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
                format!("{n} im Jahr {y} ({})", flags(*f))
            } else {
                format!("{y} ({})", flags(*f))
            }
        })
        .collect();
    let name = if h.designation.is_empty() {
        "Lieferungen".to_string()
    } else {
        format!("{} ({})", h.designation, h.description)
    };
    let from = h
        .from
        .as_ref()
        .map_or(String::new(), |p| format!("aus {}, ", land(p)));
    format!("{from}{name}: {}; {}", years.join(", "), tiv(h.tiv))
}

fn deals(d: &[DealText]) -> String {
    d.iter().map(deal).collect::<Vec<_>>().join("; ")
}

fn more(n: usize) -> String {
    if n > 0 {
        format!("; und {n} weitere")
    } else {
        String::new()
    }
}

fn near(n: &[Near]) -> String {
    n.iter()
        .map(|(d, desc, y)| format!("{d} ({desc}) im Jahr {y}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn years(y: &[u16]) -> String {
    y.iter().map(u16::to_string).collect::<Vec<_>>().join(", ")
}

fn uncertain(u: &Option<String>) -> String {
    u.as_ref().map_or(String::new(), |why| {
        format!(" (in der Tabelle als UNSICHER markiert: {why})")
    })
}

fn record(r: &Record) -> String {
    let j = r.joined.map_or("in jedem Jahr".to_string(), |d| {
        format!("beigetreten am {}", gdate(&d))
    });
    match r.announced {
        Some(a) => format!(
            "{j}, angekündigt am {}{}",
            gdate(&a),
            uncertain(&r.uncertain)
        ),
        None => format!("{j}{}", uncertain(&r.uncertain)),
    }
}

fn records(r: &[Record]) -> String {
    r.iter().map(record).collect::<Vec<_>>().join("; ")
}

fn no_year(d: &Date) -> &'static str {
    if d.year.is_none() {
        " (ohne Jahresangabe)"
    } else {
        ""
    }
}

fn source(s: &GroupSource) -> String {
    match s {
        GroupSource::Builtin => {
            "Gruppentabelle von armsflow (eingebaut, crates/engine/data/groups.csv)".into()
        }
        GroupSource::File(f) => format!("Gruppentabelle {f}"),
    }
}

fn marker(k: MarkerKind, w: &str) -> String {
    match k {
        MarkerKind::Category(c) => format!(
            "Waffenkategorie „{w}“ ({}) erkannt, aber keiner einzelnen Aussage zuzuordnen",
            category(c)
        ),
        MarkerKind::Money => format!(
            "„{w}“: Der Satz nennt einen Geldbetrag; SIPRIs TIV sind kein Geld, daher nicht mit SIPRI-Daten überprüfbar"
        ),
        MarkerKind::Negation => format!(
            "Verneinung „{w}“ erkannt: verneinte Aussagen und Nullaussagen werden in dieser Lesart nicht geprüft"
        ),
        MarkerKind::Comparison => format!(
            "Vergleich „{w}“ erkannt: Vergleiche zwischen Partnern oder Ländern werden in dieser Lesart nicht geprüft"
        ),
        MarkerKind::ShareWord => format!(
            "„{w}“: Die Veränderung eines Anteils ist keine Veränderung des Volumens; bitte den Anteil in jedem Zeitraum angeben"
        ),
        MarkerKind::Points => format!(
            "„{w}“: Veränderungen in Prozentpunkten werden nicht geprüft; bitte den Anteil in jedem Zeitraum angeben"
        ),
        MarkerKind::NotDeliveries => format!(
            "„{w}“: Genehmigungen, Bestellungen und Verträge sind keine Lieferungen; SIPRI erfasst Lieferungen"
        ),
        MarkerKind::OpenPeriod => format!(
            "offener Zeitraum („{w}“): bitte die Jahre angeben, auf die sich die Zahl bezieht"
        ),
        MarkerKind::Rate => {
            format!("„{w}“: Jahresraten und Durchschnitte werden nicht geprüft")
        }
        MarkerKind::Group => {
            format!("„{w}“: Regionen und Ländergruppen werden in dieser Lesart nicht geprüft")
        }
        MarkerKind::Scope => format!(
            "„{w}“: Eine Zahl, die einen Teil der Lieferungen ein- oder ausschließt, wird nicht geprüft"
        ),
        MarkerKind::OpenRange => format!(
            "„{w}“: Eine Rangangabe ohne Größe (die ersten wie viele?) ist nicht überprüfbar"
        ),
        MarkerKind::Multiple => format!(
            "Vielfaches „{w}“ erkannt, aber keine Veränderung zwischen zwei Zeiträumen lesbar (abgeschwächte Vielfache wie „fast verdoppelt“ werden nicht geprüft)"
        ),
        MarkerKind::SubYear => {
            format!("„{w}“: Zeiträume unter einem Jahr sind in SIPRIs Jahresdaten nicht enthalten")
        }
        MarkerKind::Earlier => format!(
            "„{w}“: Eine Zahl für einen früheren, nicht genannten Zeitraum ist nicht überprüfbar"
        ),
        MarkerKind::FigureRange => {
            format!("„{w}“: Eine Spanne von Zahlen ist keine Zahl, die diese Lesart prüft")
        }
        MarkerKind::Vague => format!(
            "„{w}“: Ein Anteil ohne Zahl („die meisten“, „der Großteil“) ist keine Zahl, die diese Lesart prüft"
        ),
        MarkerKind::Rank => format!(
            "Rang „{w}“ erkannt, aber nicht, was gerankt wird (Lieferant, Empfänger, Exporteur oder Importeur)"
        ),
    }
}

fn neighbours(before: &[(Party, f64)], after: &[(Party, f64)]) -> String {
    let fmt = |(p, t): &(Party, f64)| format!("{} {}", land(p), num(*t, 2));
    let mut s = String::new();
    if !before.is_empty() {
        let b: Vec<String> = before.iter().map(fmt).collect();
        s.push_str(&format!("nach {}", b.join(", ")));
    }
    if !after.is_empty() {
        if !s.is_empty() {
            s.push_str("; ");
        }
        let a: Vec<String> = after.iter().map(fmt).collect();
        s.push_str(&format!("vor {}", a.join(", ")));
    }
    s
}

/// "88 %", "etwa 88 %", "+21 %", "×2": a stated figure in German notation.
fn stated(s: &crate::stated::Stated, signed: bool) -> String {
    use crate::stated::Qualifier::*;
    let n = num(s.value, usize::from(s.decimals));
    let n = if signed && s.value > 0.0 {
        format!("+{n}")
    } else {
        n
    };
    match s.qualifier {
        Exact => format!("{n} %"),
        About => format!("etwa {n} %"),
        Almost => format!("fast {n} %"),
        MoreThan => format!("mehr als {n} %"),
        LessThan => format!("weniger als {n} %"),
        AtLeast => format!("mindestens {n} %"),
        AtMost => format!("höchstens {n} %"),
        Factor => {
            let f = 1.0 + s.value / 100.0;
            let t = format!("{f:.3}");
            let t = t
                .trim_end_matches('0')
                .trim_end_matches('.')
                .replace('.', ",");
            format!("das {t}-Fache")
        }
    }
}

impl Catalogue for De {
    fn verdict(&self, v: Verdict) -> &'static str {
        match v {
            Verdict::Supported => "belegt",
            Verdict::NotSupported => "nicht belegt",
            Verdict::CannotBeChecked => "nicht überprüfbar",
        }
    }

    fn caveat(&self, c: Caveat) -> &'static str {
        match c {
            Caveat::DesignationDiffers => "Bezeichnung weicht ab",
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
                "Die Datenversion enthält keine Daten, relative Zeiträume haben daher keine Bedeutung"
                    .into()
            }
            NoDeliveriesAtAll => "Die Datenversion enthält keine Lieferungen".into(),
            NotCovered {
                window,
                release_years,
                missing,
            } => {
                let covers = match release_years {
                    Some((a, b)) if a == b => format!("Die Datenversion umfasst nur {a}"),
                    Some((a, b)) => format!("Die Datenversion umfasst {a}–{b}"),
                    None => "Die Datenversion enthält keine Jahre".to_string(),
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
                let verb = if missing.len() == 1 { "fehlt" } else { "fehlen" };
                format!(
                    "{covers}; {} {verb} darin, daher ist {} nicht vollständig abgedeckt",
                    gaps.join(" und "),
                    win(window)
                )
            }
            OneSided { release, format } => format!(
                "Datenversion {release} ist eine {format} mit nur einer Seite jedes Transfers; Zahlen zwischen Lieferant und Empfänger brauchen ein Transferregister"
            ),
            NotAShape => "keine Aussageform dieser Prüfung".into(),
            NoPeriodResolved => "kein Zeitraum".into(),
            NoDeliveriesOf(p) => format!("{}: keine Lieferungen in dieser Datenversion", land(p)),
            ImportedNothing { who, cat: c, window } => format!(
                "{}: keine Importe{} {}, daher kein Anteil",
                land(who),
                cat(c),
                when(window)
            ),
            ExportedNothing { who, cat: c, window } => format!(
                "{}: keine Exporte{} {}",
                land(who),
                cat(c),
                when(window)
            ),
            ImportShare {
                supplier,
                recipient,
                tiv: t,
                total,
                cat: c,
                window,
                pct: p,
                stated: s,
            } => format!(
                "Lieferungen {} → {}{} {}: {} von {} an Importen insgesamt = {} (Bezugsgröße: alle Importe von {}{}); angegeben: {}",
                land(supplier),
                land(recipient),
                cat(c),
                win(window),
                tiv(*t),
                tiv(*total),
                pct_rounded(*p),
                land(recipient),
                cat(c),
                stated(s, false)
            ),
            ExportShare {
                supplier,
                recipient,
                tiv: t,
                total,
                cat: c,
                window,
                pct: p,
            } => format!(
                "Lieferungen {} → {}{} {}: {} von {} an Exporten insgesamt = {} (Bezugsgröße: alle Exporte von {})",
                land(supplier),
                land(recipient),
                cat(c),
                win(window),
                tiv(*t),
                tiv(*total),
                pct_rounded(*p),
                land(supplier)
            ),
            RankAmongRecipients {
                rank,
                of,
                before,
                after,
            } => format!(
                "Rang {rank} von {of} Empfängern ({})",
                neighbours(before, after)
            ),
            NotAmongRecipients => "nicht unter den Empfängern".into(),
            ChangeFromZero {
                focus,
                dir: d,
                cat: c,
                window,
            } => format!(
                "{} {}: {}{} waren 0, daher keine prozentuale Veränderung",
                dir(*d),
                land(focus),
                win(window),
                cat(c)
            ),
            Change {
                focus,
                dir: d,
                cat: c,
                from,
                to,
                pct: p,
                stated: s,
            } => format!(
                "{} {}{}: {} {} → {} {} = {} (×{}); angegeben: {}",
                dir(*d),
                land(focus),
                cat(c),
                tiv(from.1),
                when(&from.0),
                tiv(to.1),
                when(&to.0),
                signed_pct(*p),
                num(to.1 / from.1, 3),
                stated(s, true)
            ),
            NothingRecorded { dir: d, window } => {
                format!("keine {} erfasst {}", dir(*d), when(window))
            }
            Global {
                focus,
                tiv: t,
                total,
                dir: d,
                cat: c,
                window,
                pct: p,
                rank,
                of,
            } => {
                let who = if *d == Direction::Exports {
                    "Exporteuren"
                } else {
                    "Importeuren"
                };
                format!(
                    "{}: {} von weltweit {} an {}{} {} = {}, Rang {} von {of} {who}",
                    land(focus),
                    tiv(*t),
                    tiv(*total),
                    dir(*d),
                    cat(c),
                    when(window),
                    pct_rounded(*p),
                    rank.map_or("-".to_string(), |k| k.to_string()),
                )
            }
            NoPartners {
                focus,
                dir: d,
                cat: c,
                window,
            } => format!(
                "{}: keine {}{} {}",
                land(focus),
                dir(*d),
                cat(c),
                when(window)
            ),
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
                let (role_word, what) = if *role == Role::Supplier {
                    ("Lieferant", "Lieferanten")
                } else {
                    ("Empfänger", "Empfänger")
                };
                let place = if nth.top {
                    format!("Die {} größten {what}", nth.n)
                } else if nth.n == 1 {
                    format!("Größter {role_word}")
                } else {
                    format!("{}.-größter {role_word}", nth.n)
                };
                let at: Vec<String> = at_n
                    .iter()
                    .map(|r| format!("{} ({}, {})", land(&r.party), tiv(r.tiv), pct(r.pct)))
                    .collect();
                format!(
                    "{place} von {}{} {}: {}; {}: {}",
                    land(focus),
                    cat(c),
                    when(window),
                    if at.is_empty() {
                        "keiner".to_string()
                    } else {
                        at.join(", ")
                    },
                    land(answer),
                    rank.map_or(format!("kein {role_word}"), |k| format!("Rang {k}")),
                )
            }
            Compare {
                focus,
                dir: d,
                cat: c,
                more,
                less,
                window,
            } => {
                let arrow = |p: &Party| {
                    if *d == Direction::Imports {
                        format!("{} → {}", land(p), land(focus))
                    } else {
                        format!("{} → {}", land(focus), land(p))
                    }
                };
                format!(
                    "{}{} {}: {} {}, {} {} (Differenz {})",
                    dir(*d),
                    cat(c),
                    when(window),
                    arrow(&more.0),
                    tiv(more.1),
                    arrow(&less.0),
                    tiv(less.1),
                    if more.1 - less.1 > 0.0 {
                        format!("+{}", num(more.1 - less.1, 2))
                    } else {
                        num(more.1 - less.1, 2)
                    }
                )
            }
            YearOutside { span, year } => format!(
                "Die Datenversion umfasst {}–{}; {year} liegt außerhalb",
                span.0, span.1
            ),
            FirstYearOfData { span, year } => format!(
                "{year} ist das erste Datenjahr der Datenversion ({}–{}): frühere Lieferungen wären nicht sichtbar",
                span.0, span.1
            ),
            FirstDelivery {
                supplier,
                recipient,
                span,
                year,
                tiv: t,
            } => format!(
                "Erste Lieferung {} → {} in der Datenversion ({}–{}): {year}, {}",
                land(supplier),
                land(recipient),
                span.0,
                span.1,
                tiv(*t)
            ),
            AlreadyDelivered {
                supplier,
                recipient,
                year,
            } => format!(
                "Lieferungen {} → {} gab es bereits {year}",
                land(supplier),
                land(recipient)
            ),
            FirstLater {
                supplier,
                recipient,
                year,
                first,
            } => format!(
                "keine Lieferungen {} → {} im Jahr {year}; die ersten erfolgten {first}",
                land(supplier),
                land(recipient)
            ),
            NoPairDeliveries {
                supplier,
                recipient,
            } => format!(
                "keine Lieferungen {} → {} in dieser Datenversion",
                land(supplier),
                land(recipient)
            ),
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
            MainRank {
                supplier,
                recipient,
                rank,
                of,
                cat: c,
                window,
                tiv: t,
                total,
                pct: p,
            } => format!(
                "{}: Rang {rank} von {of} Lieferanten von {}{} {}, {} von {} = {}",
                land(supplier),
                land(recipient),
                cat(c),
                when(window),
                tiv(*t),
                tiv(*total),
                pct_rounded(*p)
            ),
            DeliveredNothing {
                supplier,
                recipient,
                cat: c,
                window,
            } => format!(
                "keine Lieferungen {} → {}{} {}",
                land(supplier),
                land(recipient),
                cat(c),
                when(window)
            ),
            LargestWas(p, x) => format!("größter Lieferant war {} ({})", land(p), pct(*x)),
            SecondWas { party, pct: p, lead } => format!(
                "an zweiter Stelle {} mit {} (Abstand: Faktor {})",
                land(party),
                pct(*p),
                num(*lead, 1)
            ),
            MainRule {
                word,
                min_pct,
                min_lead,
            } => format!(
                "Regel für „{}“: Rang 1, mindestens {} % und mindestens das {}-Fache des zweitgrößten Lieferanten",
                match word {
                    MainWord::Main => "Haupt-",
                    MainWord::Dominant => "dominant",
                },
                num(*min_pct, 0),
                num(*min_lead, 0)
            ),
            PresentTenseWindow(w) => format!(
                "kein Zeitraum angegeben: das Präsens wird als die letzten fünf Jahre gelesen ({})",
                win(w)
            ),
            WithSource(inner, s) => format!("{}; Quelle: {}", self.msg(inner), source(s)),
            NoGroup(g) => format!("Die Gruppentabelle enthält keine Gruppe „{g}“"),
            NoDatedMembership(g) => {
                format!("Die Gruppentabelle enthält keine datierte Mitgliedschaft in {g}")
            }
            FirstDateAmbiguous {
                group,
                first,
                who,
                stated,
                note,
            } => format!(
                "Die Gruppentabelle datiert {group} auf den {} ({}), ihre Anmerkungen nennen aber auch {} („{note}“): welches Datum als erste Unterzeichnung oder Gründung gilt, ist eine Frage der Definition",
                gdate(first),
                lands(who),
                date(stated)
            ),
            FirstDate {
                group,
                first,
                who,
                stated,
            } => format!(
                "Erstes Datum in der Gruppentabelle für {group}: {} ({}); angegeben: {}{}",
                gdate(first),
                lands(who),
                date(stated),
                no_year(stated)
            ),
            FirstMembers {
                group,
                first,
                who,
                missing,
            } => {
                let mut text = format!(
                    "Erste Mitglieder von {group} laut Gruppentabelle ({}): {}",
                    gdate(first),
                    lands(who)
                );
                for (m, d) in missing {
                    let d = d.map_or("kein Mitglied".to_string(), |d| {
                        format!("beigetreten am {}", gdate(&d))
                    });
                    text.push_str(&format!("; {} {d}", land(m)));
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
                "Die Gruppentabelle verzeichnet die Ankündigung des Beitritts von {} zu {group} am {}; angegeben: {}{}{}",
                land(member),
                gdate(on),
                date(stated),
                no_year(stated),
                uncertain(u)
            ),
            NoAnnouncement { member, group } => format!(
                "Die Gruppentabelle verzeichnet kein Ankündigungsdatum für {} in {group}",
                land(member)
            ),
            FutureAccession {
                member,
                group,
                future,
                records: r,
            } => {
                let why = if *future {
                    format!(
                        "Eine Aussage über die Zukunft ({} wird {group} beitreten) ist nicht überprüfbar",
                        land(member)
                    )
                } else {
                    format!(
                        "Ein undatierter Beitritt im Präsens ({} tritt {group} bei) meldet ein laufendes Ereignis und ist nicht überprüfbar",
                        land(member)
                    )
                };
                if r.is_empty() {
                    format!(
                        "{why}; die Gruppentabelle verzeichnet für {} weder Beitritt noch Ankündigung",
                        land(member)
                    )
                } else {
                    format!(
                        "{why}; die Gruppentabelle verzeichnet für {}: {}",
                        land(member),
                        records(r)
                    )
                }
            }
            NoMembership { member, group } => format!(
                "Die Gruppentabelle verzeichnet keine Mitgliedschaft von {} in {group}",
                land(member)
            ),
            OnlyAnnounced {
                member,
                group,
                dated,
                records: r,
            } => format!(
                "Die Gruppentabelle verzeichnet nur einen angekündigten Beitritt von {} zu {group}{}: {}",
                land(member),
                if *dated {
                    ", kein Datum der Unterzeichnung oder des Beitritts"
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
                Some(d) => format!(
                    "{} in {group}: {}; angegeben: {}",
                    land(member),
                    records(r),
                    date(d)
                ),
                None => format!("{} in {group}: {}", land(member), records(r)),
            },
            Speech { marker, why } => format!(
                "„{marker}“ kennzeichnet {}",
                match why {
                    SpeechWhy::ReportedSpeech =>
                        "eine wiedergegebene Aussage: sie sagt, was jemand glaubt oder berichtet, nicht einen Transfer, den SIPRI erfasst",
                    SpeechWhy::Forecast =>
                        "eine Prognose oder Möglichkeit: SIPRI erfasst erfolgte Lieferungen, keine Erwartungen",
                    SpeechWhy::Interpretation =>
                        "eine Deutung von Absichten, die kein Lieferdatensatz entscheiden kann",
                }
            ),
            NoPeriodStated => {
                "kein Zeitraum angegeben (eine Zahl ohne Zeitraum ist nicht überprüfbar)".into()
            }
            SeveralPeriods => {
                "mehrere Zeiträume im Satz: unklar, für welchen die Zahl gilt".into()
            }
            ChangeNeedsFixedPeriods => {
                "eine Veränderung braucht zwei feste Zeiträume, nicht „die letzten n Jahre“".into()
            }
            ChangeWithoutPeriod => "eine Veränderung ohne Zeitraum ist nicht überprüfbar".into(),
            MoreThanTwoPeriods => {
                "mehr als zwei Zeiträume: unklar, zwischen welchen die Veränderung liegt".into()
            }
            NoCountryNamed => "kein Land genannt".into(),
            NoSupplierNamed => "kein Lieferant genannt".into(),
            NoRecipientNamed => "kein Empfänger genannt".into(),
            FirstEverNeedsYear => "eine Aussage über die erste Lieferung braucht ein einzelnes Jahr".into(),
            SameParty => "Lieferant und Empfänger sind dasselbe Land".into(),
            NoCompareFocus => "kein Land genannt, dessen Partner verglichen werden".into(),
            ShareWithoutOwnPeriod(s) => format!(
                "der Anteil „{}“ hat keinen eigenen Zeitraum (die Veränderung eines Anteils braucht den Anteil in jedem Zeitraum)",
                stated(s, false)
            ),
            FigureNotTied(s) => format!(
                "die Zahl „{}“ ließ sich keinem Import- oder Exportanteil und keiner Veränderung zuordnen",
                stated(s, false)
            ),
            NotRead(w) => format!("„{w}“ nicht gelesen"),
            TwoFigures(k) => format!("zwei verschiedene Zahlen für dieselbe Aussage ({k})"),
            DirectionContradicts(a, b) => format!(
                "das Richtungswort widerspricht den Zahlen ({} auf {})",
                stated(a, false),
                stated(b, false)
            ),
            TwoCategories(a, b) => format!(
                "zwei Waffenkategorien ({} und {}), wo eine Aussage nur eine tragen kann",
                category(*a),
                category(*b)
            ),
            NamedNotParty(p) => format!(
                "„{}“ wird genannt, ist aber nicht Teil der aus dem Satz gelesenen Aussage",
                land(p)
            ),
            Marker(k, w) => marker(*k, w),
            DeliveryNoRecipient => "eine Lieferaussage ohne Empfänger".into(),
            DeliveryNoSupplier => "eine Lieferaussage ohne Lieferanten".into(),
            NegatedCountOrFirst => {
                "eine verneinte Stückzahl oder erste Lieferung wird nicht geprüft".into()
            }
            NegatedNoPeriod => "eine verneinte Lieferung ohne Zeitraum ist nicht überprüfbar".into(),
            NegatedSince => {
                "eine verneinte, erste oder gezählte Lieferung „seit“ einem Jahr wird nicht geprüft"
                    .into()
            }
            DeliveryNoYear => "eine Lieferung ohne Jahr ist nicht überprüfbar".into(),
            MainOneWeapon(w) => format!(
                "ein Hauptlieferant eines einzelnen Waffensystems („{w}“) wird nicht geprüft: die Regel gilt für eine ganze Waffenkategorie"
            ),
            MainNegated => {
                "eine verneinte Aussage über den Hauptlieferanten („nicht mehr“, „nicht“) wird nicht geprüft"
                    .into()
            }
            MainNoSupplier => "eine Aussage über den Hauptlieferanten ohne Lieferanten".into(),
            MainNoRecipient => "eine Aussage über den Hauptlieferanten ohne Empfänger".into(),
            MainPeriodUnread => {
                "eine Aussage über den Hauptlieferanten mit einem nicht lesbaren Zeitraum".into()
            }
            MainPastNoPeriod => {
                "eine Aussage über den Hauptlieferanten in der Vergangenheit ohne Zeitraum ist nicht überprüfbar"
                    .into()
            }
            GroupNegated(g) => format!(
                "eine verneinte Aussage über {g} wird nicht geprüft (die Gruppentabelle verzeichnet Tatsachen, nicht deren Fehlen)"
            ),
            NoClaimFound => "keine gegen SIPRI-Daten überprüfbare Aussage gelesen: bitte Anteil, Rang, Veränderung oder Lieferung mit Zeitraum und Ländern angeben (docs/claims.md)".into(),
            Synthetic(id) => format!(
                "Aussagen können nicht gegen die Datenversion {id} geprüft werden: sie enthält SYNTHETISCHE \
DEMODATEN aus dem Generator von armsflow, keine SIPRI-Daten, daher gibt es kein Urteil. Aussagen werden \
nur gegen eine SIPRI-Datenversion geprüft: eine Datei aus der SIPRI Arms Transfers Database importieren \
(armsflow import trade_register.csv) oder von armsflow herunterladen lassen (armsflow fetch)."
            ),
            TooLong { bytes, limit } => format!(
                "Satz mit {} Bytes überschreitet die Grenze von {} Bytes; nicht geprüft",
                num(*bytes as f64, 0),
                num(*limit as f64, 0)
            ),
        }
    }
}

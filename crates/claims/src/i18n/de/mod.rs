//! Deutsch: Urteile und Erläuterungen für deutsche Sätze. Zahlen mit
//! Dezimalkomma und Tausenderpunkt ("1.175,20"), Prozent mit Leerzeichen
//! ("88,43 %"), Daten ausgeschrieben ("15. September 2020"), deutsche
//! Ländernamen ("Russland", "Türkei"). Lieferbeziehungen werden als
//! "Russland → Kasachstan" geschrieben: das hält Ländernamen frei von
//! Kasusendungen, die ein Namensverzeichnis nicht kennt.

mod deliveries;
mod figures;
mod groups;
mod reasons;

use super::{
    Catalogue, Caveat, DealText, GroupSource, MainWord, Msg, Near, Record, SpeechWhy, Tol, spans,
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

/// `[87,5; 88,5)`, `> 80`: an interval in German notation (a semicolon
/// between bounds, as the decimal comma requires).
fn interval(t: &crate::stated::Tolerance) -> String {
    let n = |x: f64| {
        let s = num(x, 4);
        let s = s.trim_end_matches('0').trim_end_matches(',');
        if s == "−0" {
            "0".to_string()
        } else {
            s.to_string()
        }
    };
    match (t.lo.is_finite(), t.hi.is_finite()) {
        (true, true) => format!(
            "{}{}; {}{}",
            if t.lo_inclusive { '[' } else { '(' },
            n(t.lo),
            n(t.hi),
            if t.hi_inclusive { ']' } else { ')' }
        ),
        (true, false) => format!("{} {}", if t.lo_inclusive { "≥" } else { ">" }, n(t.lo)),
        (false, true) => format!("{} {}", if t.hi_inclusive { "≤" } else { "<" }, n(t.hi)),
        (false, false) => "jeder Wert".into(),
    }
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

/// "an Exporten": the dative plural.
fn dir_dative(d: Direction) -> &'static str {
    match d {
        Direction::Imports => "Importen",
        Direction::Exports => "Exporten",
    }
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
            Frigate => "Fregatten",
            Corvette => "Korvetten",
            Mortar => "Mörser",
            Howitzer => "Haubitzen",
            Ifv => "Schützenpanzer",
            Apc => "Transportpanzer",
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
        // Not "gesichert": the legacy register records no estimate flag
        // for delivery years at all (figure probe).
        "nicht als geschätzt gekennzeichnet".into()
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
        MarkerKind::AmbiguousName => format!(
            "„{w}“ kann die Republik Kongo (SIPRIs „Congo“) oder die Demokratische Republik Kongo sein: bitte das Land vollständig benennen"
        ),
        MarkerKind::FormerName => format!(
            "„{w}“: Westdeutschland ist SIPRIs Deutschland nur vor 1990; eine Aussage darüber wird nicht am heutigen Deutschland geprüft"
        ),
        MarkerKind::Aside => format!(
            "„{w}“ steht in einem Einschub über ein Land, nicht in der Aussage; auf welche Lieferungen sich die Zahl bezieht, ist nicht sicher zu lesen, daher wird sie nicht geprüft"
        ),
        MarkerKind::AsideOnly => format!(
            "das einzige Land, „{w}“, steht in einem Einschub, nicht als Beteiligter der Zahl; wessen Lieferungen gemeint sind, ist nicht sicher zu lesen, daher wird sie nicht geprüft"
        ),
        MarkerKind::PartOf => format!(
            "„{w}“: Diesen Teil der Lieferungen geben die SIPRI-Waffenkategorien nicht an (eine Waffenart ohne eigene Kategorie, eine Teilstreitkraft oder Gebrauchtwaffen), daher wird er nicht geprüft"
        ),
        MarkerKind::OpenRange => format!(
            "„{w}“: Eine Rangangabe ohne Größe (die ersten wie viele?) ist nicht überprüfbar"
        ),
        MarkerKind::Multiple => format!(
            "Vielfaches „{w}“ erkannt, aber keine Veränderung zwischen zwei Zeiträumen lesbar (abgeschwächte Vielfache wie „fast verdoppelt“ werden nicht geprüft)"
        ),
        MarkerKind::Degree => format!(
            "„{w}“: Wie viel größer oder kleiner, steht nur in Worten, die ein Vergleich nicht prüfen würde; bitte die Zahlen nennen"
        ),
        MarkerKind::Hedge => format!(
            "„{w}“ nach der Zahl schränkt sie womöglich auf eine Weise ein, die hier nicht geprüft wird; die Zahl wird daher nicht als genau geprüft"
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
        MarkerKind::FigurePair => format!(
            "„{w}“: zwei Zahlen, je eine für mehrere Beteiligte; welche Zahl wessen ist, wird nicht gelesen"
        ),
        MarkerKind::Vague => format!(
            "„{w}“: Ein Anteil ohne Zahl („die meisten“, „der Großteil“) ist keine Zahl, die diese Lesart prüft"
        ),
        MarkerKind::LastEver => format!(
            "„{w}“: Eine letzte Lieferung besagt, dass danach keine mehr kam; das prüft diese Lesart nicht (erstmalige Lieferungen werden geprüft)"
        ),
        MarkerKind::Streak => format!(
            "„{w}“: Eine Serie oder ein „höchster Stand seit“ vergleicht die Zahl mit jedem Jahr eines Zeitraums; das prüft diese Lesart nicht; bitte Zahl und Zeitraum angeben"
        ),
        MarkerKind::Record => format!(
            "„{w}“: Ein Rekord vergleicht die Zahl mit allen früheren Zeiträumen; das prüft diese Lesart nicht; bitte Zahl und Zeitraum angeben"
        ),
        MarkerKind::Volume => format!(
            "„{w}“: Ein Volumen in TIV ist keine Zahl, die diese Lesart prüft; bitte einen Anteil, Rang oder eine Veränderung angeben (armsflow pair zeigt die TIV)"
        ),
        MarkerKind::NotCovered => format!(
            "„{w}“: Die SIPRI-Datenbank erfasst nur konventionelle Großwaffen, keine Kleinwaffen, keine Munition und keine anderen Güter"
        ),
        MarkerKind::Possibility => format!(
            "„{w}“: Der Satz nennt eine Bedingung, Möglichkeit oder Prognose, keine Tatsache; SIPRI erfasst erfolgte Lieferungen"
        ),
        MarkerKind::Mentioned => format!(
            "„{w}“: Der Satz führt die Zahl als Beispiel einer Aussage an, statt sie zu behaupten; geprüft werden nur als Tatsache getroffene Aussagen"
        ),
        MarkerKind::Denial => format!(
            "„{w}“: Der Satz erklärt eine Aussage für falsch; geprüft werden nur als Tatsache getroffene Aussagen"
        ),
        MarkerKind::Anaphor => format!(
            "„von {w}“: Wovon der Anteil ist, steht an anderer Stelle im Satz; bitte ausdrücklich nennen („38 Prozent der russischen Waffenexporte“)"
        ),
        MarkerKind::Subtype(c) => format!(
            "„{w}“ ist enger als SIPRIs Waffenkategorie {}: SIPRI gibt Zahlen je Kategorie, daher ist ein Anteil, Rang oder eine Veränderung nur für „{w}“ nicht berechenbar",
            category(c)
        ),
        MarkerKind::SubtypeOnly(c) => format!(
            "„{w}“ ist enger als SIPRIs Waffenkategorie {}: SIPRI gibt Zahlen je Kategorie, und seine Beschreibungen grenzen „{w}“ nicht ab; daher wird es nicht geprüft",
            category(c)
        ),
        MarkerKind::FiscalYear => format!(
            "„{w}“: SIPRIs Daten gelten für Kalenderjahre, nicht für Haushalts- oder Geschäftsjahre"
        ),
        MarkerKind::Measure => format!(
            "„{w}“: Ein Maß, das SIPRIs Trend-Indikator-Werte (TIV) nicht angeben: Sie messen das Volumen aller Lieferungen, nicht Geld, Stückzahlen, Werte pro Kopf oder nur neue Waffen"
        ),
        MarkerKind::Question => {
            format!("„{w}“: Der Satz stellt eine Frage; geprüft werden nur Aussagen")
        }
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
    let n = num(s.value, s.shown_decimals());
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

    fn tolerance(&self, t: &Tol) -> String {
        match t {
            Tol::Interval(i) => interval(i),
            Tol::Rank(r) if r.top => format!("Rang 1 bis {}", r.n),
            Tol::Rank(r) => format!("genau Rang {}", r.n),
            Tol::FirstYear => "genau das erste Jahr mit Lieferungen".into(),
            Tol::MoreTiv => "mehr, um einen beliebigen Betrag (TIV)".into(),
            Tol::NoRecordIn(w) => format!("kein Lieferdatensatz {}", when(w)),
            Tol::DeliveryIn {
                family,
                what: w,
                window,
                units,
            } => {
                let count = units.map_or(String::new(), |n| format!(", genau {n} Stück"));
                match family {
                    Some(f) => format!("eine Lieferung der Familie {f} {}{count}", when(window)),
                    None => format!("eine Lieferung von {} {}{count}", what(w), when(window)),
                }
            }
            Tol::AnyRecordIn(all) => format!(
                "ein Lieferdatensatz im Zeitraum {} (der gesamte Zeitraum der Datenversion)",
                win(all)
            ),
            Tol::NoRecordAtAll(all) => {
                format!("überhaupt kein Lieferdatensatz im Zeitraum {}", win(all))
            }
            Tol::NoLonger { before, recent } => format!(
                "Lieferungen vor {before}, keine in den letzten fünf Jahren {}",
                win(recent)
            ),
            Tol::MainRule { min_pct, min_lead } => format!(
                "Rang 1, ≥ {} %, ≥ das {}-Fache des Zweiten",
                num(*min_pct, 0),
                num(*min_lead, 0)
            ),
            Tol::SameDate => "dasselbe Datum in der angegebenen Genauigkeit".into(),
            Tol::AmongFirstMembers => "jedes genannte Land unter den ersten Mitgliedern".into(),
        }
    }

    fn msg(&self, m: &Msg) -> String {
        match m {
            Msg::Join(parts) => parts
                .iter()
                .map(|p| self.msg(p))
                .collect::<Vec<_>>()
                .join("; "),
            Msg::WithSource(inner, s) => format!("{}; Quelle: {}", self.msg(inner), source(s)),
            Msg::Figure(f) => figures::text(f),
            Msg::Delivery(d) => deliveries::text(d),
            Msg::Group(g) => groups::text(g),
            Msg::Reason(r) => reasons::text(r),
        }
    }
}

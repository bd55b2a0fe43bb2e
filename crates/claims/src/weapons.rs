//! (f) Deliveries of a weapon system and (g) existence or absence of
//! deliveries over a period, checked against the release's deals.
//!
//! A weapon is matched by designation family (`Su-30SM` and SIPRI's `Su-30MK`
//! are both `SU30`) or by what it is ("Kampfflugzeuge", "air defence
//! systems"). A variant SIPRI names differently is reported as "supported,
//! designation differs", never as equal. SIPRI records years, not months.

use crate::check::Verdict;
use crate::claim::{Party, Period};
use crate::features::Form;
use crate::lexicon::Prep;
use crate::shapes::{Outcome, Sent, bilateral, span};
use model::{Category, Flags, Release, Window};
use serde::Serialize;
use std::collections::BTreeMap;

/// What kind of weapon a word names; matched against SIPRI's description and category.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum WeaponKind {
    CombatAircraft,
    Aircraft,
    Helicopter,
    Tank,
    ArmouredVehicle,
    AirDefence,
    Drone,
    Missile,
    Artillery,
    Ship,
    Submarine,
}

impl WeaponKind {
    /// From a folded word, German compounds included.
    pub fn of_word(w: &str) -> Option<WeaponKind> {
        use WeaponKind::*;
        let has = |xs: &[&str]| xs.iter().any(|x| w.contains(x));
        Some(
            if has(&[
                "kampfflugzeug",
                "kampfjet",
                "fighter",
                "warplane",
                "jagdflugzeug",
            ]) {
                CombatAircraft
            } else if has(&["hubschrauber", "helicopter"]) {
                Helicopter
            } else if has(&["schutzenpanzer", "transportpanzer", "armoured", "armored"])
                || matches!(w, "apc" | "apcs" | "ifv" | "ifvs")
            {
                ArmouredVehicle
            } else if has(&["kampfpanzer"]) || matches!(w, "panzer" | "tank" | "tanks") {
                Tank
            } else if has(&["luftabwehr", "flugabwehr", "air-defence", "air-defense"]) {
                AirDefence
            } else if has(&["drohne", "drone", "uav", "ucav"]) {
                Drone
            } else if has(&["u-boot", "submarine"]) {
                Submarine
            } else if has(&["rakete", "missile", "marschflugkorper"]) {
                Missile
            } else if has(&[
                "haubitze",
                "howitzer",
                "artillerie",
                "artillery",
                "morser",
                "mortar",
            ]) {
                Artillery
            } else if has(&[
                "fregatte",
                "frigate",
                "korvette",
                "corvette",
                "kriegsschiff",
                "warship",
            ]) {
                Ship
            } else if has(&["flugzeug", "aircraft", "planes"]) {
                Aircraft
            } else {
                return None;
            },
        )
    }

    /// Whether a SIPRI deal of this description and category is this kind.
    pub fn matches(self, description: &str, cat: Category) -> bool {
        use WeaponKind::*;
        let d = description.to_lowercase();
        let has = |xs: &[&str]| xs.iter().any(|x| d.contains(x));
        match self {
            CombatAircraft => has(&[
                "fga aircraft",
                "fighter",
                "ground attack",
                "bomber",
                "combat ac",
            ]),
            Aircraft => cat == Category::Aircraft,
            Helicopter => has(&["helicopter"]),
            Tank => (d == "tank" || d.ends_with(" tank")) && !has(&["anti-tank"]),
            ArmouredVehicle => cat == Category::ArmouredVehicles,
            AirDefence => cat == Category::AirDefence || has(&["sam system", "air defence"]),
            Drone => has(&["uav", "ucav"]),
            Missile => cat == Category::Missiles,
            Artillery => cat == Category::Artillery,
            Ship => cat == Category::Ships && !has(&["submarine"]),
            Submarine => has(&["submarine"]),
        }
    }
}

/// A weapon as a claim names it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Weapon {
    /// As written ("Su-30SM-Kampfflugzeuge", "arms").
    pub text: String,
    /// The designation part ("Su-30SM"), if any.
    pub designation: Option<String>,
    pub kind: Option<WeaponKind>,
}

impl Weapon {
    fn generic(text: &str) -> Weapon {
        Weapon {
            text: text.into(),
            designation: None,
            kind: None,
        }
    }

    fn label(&self) -> String {
        match (&self.designation, self.kind) {
            (Some(d), _) => d.clone(),
            (None, Some(k)) => format!("{k:?}").to_lowercase(),
            (None, None) => "arms".into(),
        }
    }

    /// Whether a deal of this designation/description/category is this weapon.
    pub fn matches(&self, designation: &str, description: &str, cat: Category) -> bool {
        match (&self.designation, self.kind) {
            (Some(d), _) => same_family(d, designation),
            (None, Some(k)) => k.matches(description, cat),
            (None, None) => true,
        }
    }
}

fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_uppercase)
        .collect()
}

/// Letters and the first digit group: `Su-30SM` → `SU30`; a name without
/// digits is its own family (`Patriot` → `PATRIOT`).
pub fn family(designation: &str) -> String {
    let d = squash(designation);
    let letters: String = d.chars().take_while(|c| c.is_alphabetic()).collect();
    let digits: String = d[letters.len()..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    format!("{letters}{digits}")
}

/// The claimed designation names a family that one word of SIPRI's designation has.
pub fn same_family(claimed: &str, sipri: &str) -> bool {
    let f = family(claimed);
    if f.is_empty() {
        return false;
    }
    let named = !f.chars().any(|c| c.is_ascii_digit());
    sipri.split([' ', '/']).any(|w| {
        let g = family(w);
        if named {
            // A name without digits: "Patriot" is the family of "Patriot-3".
            g.trim_end_matches(|c: char| c.is_ascii_digit()) == f
        } else {
            g == f
        }
    })
}

/// SIPRI's designation is what the claim wrote, at the claim's precision: the
/// claim gave only the family (`F-16`), or SIPRI's name starts with it.
pub fn same_designation(claimed: &str, sipri: &str) -> bool {
    let c = squash(claimed);
    c == family(claimed) || squash(sipri).starts_with(&c)
}

/// Splits `Su-30SM-Kampfflugzeuge` / `F-16s` into a designation and a trailing word.
pub fn designation_of(text: &str) -> Option<(String, Option<String>)> {
    if !text.chars().next().is_some_and(char::is_alphabetic) {
        return None;
    }
    let parts: Vec<&str> = text.split('-').collect();
    // "Bayraktar-TB2-Drohnen": a leading name part may precede the designation.
    (0..parts.len().min(2)).find_map(|k| designation_from(&parts[k..]))
}

fn designation_from(parts: &[&str]) -> Option<(String, Option<String>)> {
    let mut n = 0;
    let mut digit = false;
    for (i, p) in parts.iter().enumerate() {
        let has_digit = p.chars().any(|c| c.is_ascii_digit());
        let alnum = !p.is_empty() && p.chars().all(|c| c.is_ascii_alphanumeric());
        let prefix = i == 0
            && p.chars().count() <= 4
            && p.chars().next().is_some_and(char::is_uppercase)
            && parts
                .get(1)
                .is_some_and(|q| q.starts_with(|c: char| c.is_ascii_digit()));
        if alnum && (has_digit || prefix) {
            digit |= has_digit;
            n = i + 1;
        } else {
            break;
        }
    }
    if !digit || n == 0 || !parts[0].starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let mut d = parts[..n].join("-");
    // English plural after digits: F-16s.
    if d.ends_with('s') && d[..d.len() - 1].ends_with(|c: char| c.is_ascii_digit()) {
        d.pop();
    }
    let rest = (n < parts.len()).then(|| parts[n..].join("-"));
    Some((d, rest))
}

fn is_generic(w: &str) -> bool {
    w.contains("militarausrustung")
        || w.contains("rustungsgut")
        || w.contains("verteidigungssystem")
        || w.starts_with("waffen")
        || matches!(
            w,
            "arms" | "weapons" | "weapon" | "equipment" | "systeme" | "systems" | "waffe"
        )
}

/// The most specific weapon the sentence names.
fn weapon(s: &Sent) -> Option<(Weapon, usize)> {
    let t = &s.s.tokens;
    let mut kind: Option<(usize, WeaponKind)> = None;
    let mut generic: Option<usize> = None;
    for (i, tok) in t.iter().enumerate() {
        if !tok.is_word() {
            continue;
        }
        if let Some((d, rest)) = designation_of(&tok.text) {
            let k = rest
                .as_deref()
                .map(sipri::names::fold)
                .and_then(|r| WeaponKind::of_word(&r))
                .or_else(|| {
                    (1..=3).find_map(|k| t.get(i + k).and_then(|x| WeaponKind::of_word(&x.norm)))
                });
            return Some((
                Weapon {
                    text: tok.text.clone(),
                    designation: Some(d),
                    kind: k,
                },
                i,
            ));
        }
        let air_defence = matches!(tok.norm.as_str(), "air" | "luft")
            && t.get(i + 1).is_some_and(|x| x.norm.starts_with("defen"));
        let k = if air_defence {
            Some(WeaponKind::AirDefence)
        } else {
            WeaponKind::of_word(&tok.norm)
        };
        if let Some(k) = k {
            kind.get_or_insert((i, k));
            // A capitalised name right before the kind: "Patriot air defence", "Rafale jets".
            if i > 1
                && t[i - 1].is_word()
                && t[i - 1].capitalized()
                && !crate::lexicon::is_article(&t[i - 1].norm)
                && WeaponKind::of_word(&t[i - 1].norm).is_none()
                && !is_generic(&t[i - 1].norm)
                && !s.f.mentions.iter().any(|m| m.idx < i && i - 1 < m.end)
            {
                return Some((
                    Weapon {
                        text: format!("{} {}", t[i - 1].text, tok.text),
                        designation: Some(t[i - 1].text.clone()),
                        kind: Some(k),
                    },
                    i - 1,
                ));
            }
        } else if is_generic(&tok.norm) {
            generic.get_or_insert(i);
        }
    }
    if let Some((i, k)) = kind {
        return Some((
            Weapon {
                text: t[i].text.clone(),
                designation: None,
                kind: Some(k),
            },
            i,
        ));
    }
    generic.map(|i| (Weapon::generic(&t[i].text), i))
}

/// A count stated right before the weapon ("88 aircraft", "acht russische Su-30").
fn count_before(s: &Sent, idx: usize) -> Option<u32> {
    let t = &s.s.tokens;
    (1..=2).find_map(|k| {
        let tok = t.get(idx.checked_sub(k)?)?;
        match tok.kind {
            crate::lex::Kind::Number { value, decimals: 0 }
                if crate::when::year(tok).is_none() && (1.0..100_000.0).contains(&value) =>
            {
                Some(value as u32)
            }
            crate::lex::Kind::Word => crate::lexicon::small_number(&tok.norm).map(u32::from),
            _ => None,
        }
    })
}

/// "received", "bought": the subject is the recipient.
fn receive_verb(w: &str) -> bool {
    matches!(
        w,
        "received"
            | "receive"
            | "receives"
            | "erhalten"
            | "erhalt"
            | "kauft"
            | "kaufen"
            | "erhielt"
            | "erhielten"
            | "bought"
            | "buy"
            | "buys"
            | "kaufte"
            | "kauften"
            | "gekauft"
            | "purchased"
            | "acquired"
            | "imported"
            | "importierte"
            | "importiert"
            | "bezog"
            | "bezogen"
            | "lieferungen"
            | "deliveries"
            | "erworben"
            | "erwarb"
    )
}

/// "delivered", "sold": the subject is the supplier.
fn deliver_verb(w: &str) -> bool {
    matches!(
        w,
        "delivered"
            | "delivers"
            | "supplied"
            | "supplies"
            | "sold"
            | "sells"
            | "lieferte"
            | "lieferten"
            | "geliefert"
            | "verkaufte"
            | "verkauften"
            | "verkauft"
            | "exported"
            | "exportierte"
    )
}

/// Existence or absence of deliveries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Presence {
    /// "in the past", "in der Vergangenheit", "bereits": some delivery in the release's span.
    Past,
    /// "never", "nie": no delivery record in the release's span.
    Never,
    /// "no longer", "nicht mehr": deliveries before, none in the latest five years.
    NoLonger,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DeliveryClaim {
    pub supplier: Party,
    pub recipient: Party,
    pub weapon: Weapon,
    pub period: Period,
    /// A month the text gave (SIPRI has none).
    pub month: Option<u8>,
    /// A number of units the text gave: compared with SIPRI's numbers delivered.
    pub number: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PresenceClaim {
    pub supplier: Party,
    pub recipient: Party,
    pub weapon: Weapon,
    pub presence: Presence,
}

impl std::fmt::Display for DeliveryClaim {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "delivery {} to {} weapon",
            self.supplier.token(),
            self.recipient.token()
        )?;
        if let Some(n) = self.number {
            write!(f, " {n}")?;
        }
        write!(f, " \"{}\" {}", self.weapon.label(), self.period)?;
        if let Some(m) = self.month {
            write!(f, " month {m:02}")?;
        }
        Ok(())
    }
}

impl std::fmt::Display for PresenceClaim {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let w = match self.presence {
            Presence::Past => "deliveries-ever",
            Presence::Never => "deliveries-never",
            Presence::NoLonger => "deliveries-no-longer",
        };
        write!(
            f,
            "{w} {} to {} weapon \"{}\"",
            self.supplier.token(),
            self.recipient.token(),
            self.weapon.label()
        )
    }
}

/// Delivery and presence claims in one sentence.
pub(crate) fn extract(s: &Sent) -> Vec<Result<crate::Claim, String>> {
    if s.f.first_ever || !s.f.percents.is_empty() {
        return Vec::new();
    }
    let receive = s.has(receive_verb);
    let deliver = s.has(deliver_verb);
    if !receive && !deliver {
        return Vec::new();
    }
    let Some((weapon, widx)) = weapon(s) else {
        return Vec::new();
    };
    let number = count_before(s, widx);
    let to = s
        .mention(|m| m.prep == Some(Prep::To))
        .map(|m| m.party.clone());
    let (supplier, recipient) = if deliver && !receive {
        let sup = s
            .subject()
            .cloned()
            .or_else(|| s.source_mention(None).cloned())
            .or_else(|| s.adjective(None).cloned());
        let rec = to.or_else(|| {
            s.mention(|m| {
                m.form == Form::Noun
                    && Some(&m.party) != sup.as_ref()
                    && m.prep != Some(Prep::Other)
            })
            .map(|m| m.party.clone())
        });
        (sup, rec.or_else(|| s.discourse.cloned()))
    } else {
        let rec = to
            .or_else(|| s.subject().cloned())
            .or_else(|| {
                s.mention(|m| m.form == Form::Possessive)
                    .map(|m| m.party.clone())
            })
            .or_else(|| s.discourse.cloned());
        let sup = s
            .source_mention(rec.as_ref())
            .or_else(|| s.adjective(rec.as_ref()))
            .cloned();
        (sup, rec)
    };
    let (Some(supplier), Some(recipient)) = (supplier, recipient) else {
        return vec![Err(
            "a delivery statement without both supplier and recipient".into(),
        )];
    };
    if supplier == recipient {
        return Vec::new();
    }
    let never = s.has(|w| matches!(w, "never" | "nie" | "niemals"));
    let keine_mehr = s
        .word(|w| w == "keine")
        .is_some_and(|k| (k + 1..k + 4).any(|j| s.norm(j) == "mehr"));
    let no_longer = s.pair("no", "longer") || s.pair("nicht", "mehr") || keine_mehr;
    let past = s.pair("the", "past")
        || s.pair("der", "vergangenheit")
        || s.has(|w| {
            matches!(
                w,
                "previously" | "bereits" | "already" | "fruher" | "formerly"
            )
        });
    let presence = if never {
        Some(Presence::Never)
    } else if no_longer {
        Some(Presence::NoLonger)
    } else {
        None
    };
    if let Some(p) = presence {
        return vec![Ok(crate::Claim::Presence(PresenceClaim {
            supplier,
            recipient,
            weapon,
            presence: p,
        }))];
    }
    let when = s.whens.iter().find(|w| w.window.is_some());
    match when {
        Some(w) => {
            let win = w.window.expect("filtered");
            let period = if crate::when::since(&s.s.tokens, w) {
                // "since 2015": up to the release's last year, resolved at check time.
                return vec![Err("\"since <year>\" deliveries are not checked yet".into())];
            } else {
                Period::Fixed(win)
            };
            vec![Ok(crate::Claim::Delivery(DeliveryClaim {
                supplier,
                recipient,
                weapon,
                period,
                month: w.date.and_then(|d| d.month),
                number,
            }))]
        }
        None if past => vec![Ok(crate::Claim::Presence(PresenceClaim {
            supplier,
            recipient,
            weapon,
            presence: Presence::Past,
        }))],
        None => vec![Err("a delivery without a year cannot be checked".into())],
    }
}

/// One SIPRI deal's deliveries, as found.
struct Hit {
    designation: String,
    description: String,
    years: BTreeMap<u16, (u32, u16)>,
    tiv: f64,
    est_tiv: f64,
}

fn hits(
    rel: &Release,
    s: model::EntityId,
    r: model::EntityId,
    w: &Weapon,
    win: Window,
) -> Vec<Hit> {
    let fl = &rel.flows;
    let mut by: BTreeMap<(String, String), Hit> = BTreeMap::new();
    for i in 0..fl.len() {
        if fl.supplier[i] != s || fl.recipient[i] != r || !win.contains(fl.year[i]) {
            continue;
        }
        let (des, desc) = match rel.deal(i) {
            Some(d) => (d.designation.clone(), d.description.clone()),
            None if w.designation.is_none() && w.kind.is_none() => (String::new(), String::new()),
            None => continue,
        };
        if !w.matches(&des, &desc, Category::from_u8(fl.category[i])) {
            continue;
        }
        let h = by.entry((des.clone(), desc.clone())).or_insert(Hit {
            designation: des,
            description: desc,
            years: BTreeMap::new(),
            tiv: 0.0,
            est_tiv: 0.0,
        });
        let e = h.years.entry(fl.year[i]).or_insert((0, 0));
        e.0 += fl.units[i];
        e.1 |= fl.flags[i];
        h.tiv += fl.tiv[i];
        if fl.flags[i] & Flags::ANY_ESTIMATE != 0 {
            h.est_tiv += fl.tiv[i];
        }
    }
    let mut v: Vec<Hit> = by.into_values().collect();
    v.sort_by(|a, b| b.tiv.total_cmp(&a.tiv));
    v
}

fn flags_text(f: u16) -> String {
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
    if v.is_empty() {
        "firm".into()
    } else {
        v.join(", ")
    }
}

fn describe(h: &Hit) -> String {
    let years: Vec<String> = h
        .years
        .iter()
        .map(|(y, (n, f))| {
            if *n > 0 {
                format!("{n} in {y} ({})", flags_text(*f))
            } else {
                format!("{y} ({})", flags_text(*f))
            }
        })
        .collect();
    let name = if h.designation.is_empty() {
        "deliveries".to_string()
    } else {
        format!("{} ({})", h.designation, h.description)
    };
    format!("{name}: {}; {:.2} TIV", years.join(", "), h.tiv)
}

fn ids(rel: &Release, a: &Party, b: &Party) -> Option<(model::EntityId, model::EntityId)> {
    Some((rel.entities.by_key(&a.key)?, rel.entities.by_key(&b.key)?))
}

pub(crate) fn check_delivery(c: &DeliveryClaim, rel: &Release) -> Outcome {
    match delivery(c, rel) {
        Ok(o) => o,
        Err(o) => *o,
    }
}

fn delivery(c: &DeliveryClaim, rel: &Release) -> Result<Outcome, Box<Outcome>> {
    bilateral(rel)?;
    let all = span(rel)?;
    let win = c
        .period
        .resolve(Some(all.end))
        .ok_or_else(|| Outcome::fail("no period".into()))?;
    if win.start < all.start || win.end > all.end {
        return Err(Outcome::fail(format!(
            "the release covers {all}; {win} is not (fully) inside it"
        )));
    }
    let what = c.weapon.label();
    let (sn, rn) = (&c.supplier.name, &c.recipient.name);
    let Some((s, r)) = ids(rel, &c.supplier, &c.recipient) else {
        let mut o = Outcome::new(
            Verdict::NotSupported,
            format!("no deliveries from {sn} to {rn} in this release ({all})"),
        );
        o.window = Some(win);
        return Ok(o);
    };
    let found = hits(rel, s, r, &c.weapon, win);
    let month_note = c.month.map_or(String::new(), |_| {
        "; SIPRI records delivery years, not months: the month is not checked".into()
    });
    let mut o = if found.is_empty() {
        let elsewhere = hits(rel, s, r, &c.weapon, all);
        let years: Vec<u16> = {
            let mut y: Vec<u16> = elsewhere
                .iter()
                .flat_map(|h| h.years.keys().copied())
                .collect();
            y.sort();
            y.dedup();
            y
        };
        let text = if years.is_empty() {
            format!("SIPRI lists no {what} deliveries from {sn} to {rn} in the release ({all})")
        } else {
            format!(
                "SIPRI lists no {what} deliveries from {sn} to {rn} in {win}; it lists them in {}: {}",
                years
                    .iter()
                    .map(u16::to_string)
                    .collect::<Vec<_>>()
                    .join(", "),
                elsewhere
                    .iter()
                    .take(3)
                    .map(describe)
                    .collect::<Vec<_>>()
                    .join("; ")
            )
        };
        Outcome::new(Verdict::NotSupported, text + &month_note)
    } else {
        let units: u32 = found
            .iter()
            .flat_map(|h| h.years.values().map(|v| v.0))
            .sum();
        let tiv: f64 = found.iter().map(|h| h.tiv).sum();
        let est: f64 = found.iter().map(|h| h.est_tiv).sum();
        let mut text = format!(
            "SIPRI lists from {sn} to {rn} in {win}: {}",
            found
                .iter()
                .take(5)
                .map(describe)
                .collect::<Vec<_>>()
                .join("; ")
        );
        if found.len() > 5 {
            text.push_str(&format!("; and {} more", found.len() - 5));
        }
        let mut o = Outcome::new(Verdict::Supported, String::new());
        if let Some(d) = &c.weapon.designation {
            let exact = found.iter().any(|h| same_designation(d, &h.designation));
            if !exact {
                let names: Vec<&str> = found.iter().map(|h| h.designation.as_str()).collect();
                text.push_str(&format!(
                    "; SIPRI names it {}, not {d} (same {} family): designation differs",
                    names.join(", "),
                    family(d)
                ));
                o.caveat = Some("designation differs".into());
            }
        }
        if let Some(n) = c.number
            && n != units
        {
            o.verdict = Verdict::NotSupported;
            o.caveat = None;
            text.push_str(&format!(
                "; stated {n} units, SIPRI lists {units} delivered in {win}"
            ));
        }
        o.explanation = text + &month_note;
        o.computed = (units > 0).then_some(f64::from(units));
        o.estimated = (tiv > 0.0).then(|| est / tiv);
        o
    };
    o.window = Some(win);
    let count = c
        .number
        .map_or(String::new(), |n| format!(", exactly {n} units"));
    o.tolerance = Some(match &c.weapon.designation {
        Some(d) => format!("a {} family delivery in {win}{count}", family(d)),
        None => format!("a {what} delivery in {win}{count}"),
    });
    Ok(o)
}

pub(crate) fn check_presence(c: &PresenceClaim, rel: &Release) -> Outcome {
    match presence(c, rel) {
        Ok(o) => o,
        Err(o) => *o,
    }
}

fn presence(c: &PresenceClaim, rel: &Release) -> Result<Outcome, Box<Outcome>> {
    bilateral(rel)?;
    let all = span(rel)?;
    let (sn, rn) = (&c.supplier.name, &c.recipient.name);
    let what = c.weapon.label();
    let found = match ids(rel, &c.supplier, &c.recipient) {
        Some((s, r)) => hits(rel, s, r, &c.weapon, all),
        None => Vec::new(),
    };
    let recent = Window {
        start: all.end.saturating_sub(4).max(all.start),
        end: all.end,
    };
    let years: Vec<u16> = {
        let mut y: Vec<u16> = found.iter().flat_map(|h| h.years.keys().copied()).collect();
        y.sort();
        y.dedup();
        y
    };
    let tiv: f64 = found.iter().map(|h| h.tiv).sum();
    let listed = format!(
        "SIPRI lists {what} deliveries from {sn} to {rn} worth {tiv:.2} TIV in {}: {}",
        years
            .iter()
            .map(u16::to_string)
            .collect::<Vec<_>>()
            .join(", "),
        found
            .iter()
            .take(5)
            .map(describe)
            .collect::<Vec<_>>()
            .join("; ")
    ) + &if found.len() > 5 {
        format!("; and {} more", found.len() - 5)
    } else {
        String::new()
    };
    let none = format!(
        "SIPRI has no record of {what} deliveries from {sn} to {rn} in the release's span {all} (earlier years are not covered)"
    );
    let (ok, text, tol) = match c.presence {
        Presence::Past => (
            !years.is_empty(),
            if years.is_empty() { none } else { listed },
            format!("any delivery record in {all} (the release's whole span)"),
        ),
        Presence::Never => (
            years.is_empty(),
            if years.is_empty() { none } else { listed },
            format!("no delivery record at all in {all}"),
        ),
        Presence::NoLonger => {
            let before = years.iter().any(|y| *y < recent.start);
            let lately = years.iter().any(|y| recent.contains(*y));
            (
                before && !lately,
                if years.is_empty() { none } else { listed },
                format!(
                    "deliveries before {}, none in the latest five years {recent}",
                    recent.start
                ),
            )
        }
    };
    let mut o = Outcome::new(
        if ok {
            Verdict::Supported
        } else {
            Verdict::NotSupported
        },
        text,
    );
    o.window = Some(all);
    o.tolerance = Some(tol);
    o.computed = Some(tiv);
    Ok(o)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn families_and_designations() {
        assert_eq!(family("Su-30SM"), "SU30");
        assert_eq!(family("Su-30MK"), "SU30");
        assert!(same_family("Su-30SM", "Su-30MK"));
        assert!(!same_designation("Su-30SM", "Su-30MK"));
        assert!(same_designation("Su-30", "Su-30MK"));
        assert!(same_family("F-16", "F-16C Block-50"));
        assert!(same_designation("F-16C", "F-16C Block-50"));
        assert!(!same_family("F-16", "F-15E"));
        assert!(same_family("TB2", "Bayraktar TB2"));
        assert!(same_family("Patriot", "Patriot PAC-3"));
        assert!(same_family("Patriot", "Patriot-3 SAMS"));
        assert!(same_family("TB2", "Bayraktar TB-2"));
        assert!(!same_family("Su-30", "Su-35"));
        assert_eq!(
            designation_of("Su-30SM-Kampfflugzeuge"),
            Some(("Su-30SM".into(), Some("Kampfflugzeuge".into())))
        );
        assert_eq!(designation_of("F-16s"), Some(("F-16".into(), None)));
        assert_eq!(designation_of("S-400"), Some(("S-400".into(), None)));
        assert_eq!(designation_of("third-largest"), None);
        assert_eq!(designation_of("Abraham-Abkommen"), None);
        assert_eq!(
            designation_of("Bayraktar-TB2-Drohnen"),
            Some(("TB2".into(), Some("Drohnen".into())))
        );
        assert_eq!(designation_of("COVID-19"), None);
    }

    #[test]
    fn kinds() {
        assert_eq!(
            WeaponKind::of_word("kampfflugzeuge"),
            Some(WeaponKind::CombatAircraft)
        );
        assert_eq!(WeaponKind::of_word("panzer"), Some(WeaponKind::Tank));
        assert!(WeaponKind::Tank.matches("tank", Category::ArmouredVehicles));
        assert!(!WeaponKind::Tank.matches("anti-tank missile", Category::Missiles));
        assert!(WeaponKind::CombatAircraft.matches("FGA aircraft", Category::Aircraft));
    }
}

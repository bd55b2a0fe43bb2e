//! Shares, changes, ranks, main suppliers, and why a release cannot answer.

use super::*;
use crate::i18n::FigureMsg;

pub(super) fn text(m: &FigureMsg) -> String {
    use FigureMsg::*;
    match m {
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
            let verb = if missing.len() == 1 {
                "fehlt"
            } else {
                "fehlen"
            };
            format!(
                "{covers}; {} {verb} darin, daher ist {} nicht vollständig abgedeckt",
                gaps.join(" und "),
                win(window)
            )
        }
        OneSided { release, format } => match format.as_str() {
            "import_table" => format!(
                "Datenversion {release} ist SIPRIs Tabelle der Waffenimporte (Summen je Importeur): Sie enthält keine Exporte und keine Zahlen zwischen Lieferant und Empfänger; für Exporte bitte die Exporttabelle verwenden, sonst ein Transferregister"
            ),
            "export_table" => format!(
                "Datenversion {release} ist SIPRIs Tabelle der Waffenexporte (Summen je Exporteur): Sie enthält keine Importe und keine Zahlen zwischen Lieferant und Empfänger; für Importe bitte die Importtabelle verwenden, sonst ein Transferregister"
            ),
            _ => format!(
                "Datenversion {release} ist eine {format} mit nur einer Seite jedes Transfers; Zahlen zwischen Lieferant und Empfänger brauchen ein Transferregister"
            ),
        },
        Scoped { release, scope } => format!(
            "Datenversion {release} ist ein Registerauszug nur der Transfers{scope} (laut Titel) und enthält daher nicht alle Transfers, die diese Zahl braucht; bitte eine Datenversion des ganzen Registers verwenden",
            scope = scope.replace(" from ", " von ").replace(" to ", " an ")
        ),
        RoundedCells { lo, hi } => {
            let d = crate::i18n::band_decimals(*lo, *hi);
            format!(
                "SIPRIs TIV-Tabelle rundet jede Zelle auf ganze TIV; das erlaubt eine Veränderung von {lo:.d$} % bis {hi:.d$} %, die angegebene Zahl eingeschlossen: die Tabelle kann die Aussage nicht entscheiden"
            )
        }
        RoundedShare { lo, hi } => format!(
            "SIPRIs TIV-Tabelle rundet jede Zelle auf ganze TIV, und ihre Summenzeile weicht von der Summe ihrer Zeilen ab; das erlaubt einen Weltanteil von {lo:.3} % bis {hi:.3} %, von dem die angegebene Zahl nur einen Teil trifft: die Tabelle kann die Aussage nicht entscheiden"
        ),
        RoundedRank { best, worst } => format!(
            "SIPRIs TIV-Tabelle rundet jede Zelle auf ganze TIV; Länder, die innerhalb dieser Rundung beieinander liegen, erlauben die Ränge {best} bis {worst}, von denen der angegebene Rang nur einige trifft: die Tabelle kann die Aussage nicht entscheiden"
        ),
        Organisation { who } => format!(
            "{} ist in SIPRIs Daten eine Organisation (Lieferungen an oder durch die Organisation selbst, mit ** markiert), während eine Zahl zu ihren Waffenimporten oder -exporten meist die ihrer Mitgliedstaaten meint: die Zahl lässt nicht erkennen, was gemeint ist",
            who.name
        ),
        BeforeFirstRecord { who, first } => format!(
            "die Datenversion verzeichnet vor {first} keinen Transfer von {}: Ein Staat vor seiner Unabhängigkeit oder unter früherem Namen ist in SIPRIs Daten eine andere Partei (Sowjetunion, Tschechoslowakei, Jugoslawien), eine 0 würde eine andere Frage beantworten",
            who.name
        ),
        NoCategories { release } => format!(
            "Datenversion {release} enthält keine Waffenkategorien (das ältere SIPRI-Register hat keine Kategoriespalte), daher kann keine Zahl für eine Kategorie daraus kommen"
        ),
        Attributed(w) => format!(
            "der Satz schreibt die Zahl einer Quelle zu („{w}“): geprüft wird die Zahl an SIPRIs Daten, nicht ob die Quelle sie so geäußert hat"
        ),
        PublishedIn(y) => format!(
            "der Satz beruft sich auf eine SIPRI-Veröffentlichung von {y}: geprüft wird die Zahl an dem in der Quellenangabe genannten Datenstand, der von dem im Satz zitierten abweichen kann"
        ),
        Revised { release, date } => format!(
            "dieses Urteil beruht auf Datenversion {release} (SIPRI-Daten vom {date}); SIPRI überarbeitet mit jeder Veröffentlichung auch zurückliegende Jahre, daher kann eine Zahl, die SIPRI für diesen Zeitraum aus einer früheren Datenversion veröffentlicht hat, abweichen: mit der Datenversion prüfen, aus der die Zahl stammt (--release)"
        ),
        CombatReadings { aircraft, combat } => {
            let v = |x: &Option<f64>| x.map_or("keine Zahl".to_string(), |v| num(v, 2));
            format!(
                "SIPRI hat keine Kategorie Kampfflugzeuge: in seiner Kategorie Luftfahrzeuge (mit Hubschraubern, Transportflugzeugen, Schulflugzeugen und Drohnen) ergibt sich {}, bei seinen Kampfflugzeugen (Jagd-, Jagdbomber-, Erdkampf- und Bombenflugzeuge) {}; die beiden Lesarten führen zu verschiedenen Urteilen",
                v(aircraft),
                v(combat)
            )
        }
        ReleaseCaveat { release, caveat } => format!(
            "Datenversion {release} trägt einen Vorbehalt aus ihrem Import ({caveat}), daher stützt sich kein Urteil auf sie; die Datei berichtigen und erneut importieren (vollständig, falls Zeilen abgelehnt wurden) oder eine andere Datenversion verwenden"
        ),
        NotAShape => "keine Aussageform dieser Prüfung".into(),
        NoPeriodResolved => "kein Zeitraum".into(),
        NoDeliveriesOf(p) => format!("{}: keine Lieferungen in dieser Datenversion", land(p)),
        ImportedNothing {
            who,
            cat: c,
            window,
        } => format!(
            "{}: keine Importe{} {}, daher kein Anteil",
            land(who),
            cat(c),
            when(window)
        ),
        ExportedNothing {
            who,
            cat: c,
            window,
        } => format!("{}: keine Exporte{} {}", land(who), cat(c), when(window)),
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
            "Lieferungen {} → {}{} {}: {} von {} an Importen insgesamt = {} (Bezugsgröße: alle Importe des Empfängers{}); angegeben: {}",
            land(supplier),
            land(recipient),
            cat(c),
            win(window),
            tiv(*t),
            tiv(*total),
            pct_rounded(*p),
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
            "Lieferungen {} → {}{} {}: {} von {} an Exporten insgesamt = {} (Bezugsgröße: alle Exporte des Lieferanten)",
            land(supplier),
            land(recipient),
            cat(c),
            win(window),
            tiv(*t),
            tiv(*total),
            pct_rounded(*p)
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
                dir_dative(*d),
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
        OrganisationItself { party } => format!(
            "SIPRI führt „{}“ als Organisation, nur mit eigenen Lieferungen (hier keine); die Lieferungen der Mitglieder stehen unter deren Namen, und was der Satz meint, wird nicht gelesen",
            party.name
        ),
        UnknownPool {
            focus,
            dir: d,
            tiv: t,
            pct,
            window,
        } => format!(
            "SIPRI verzeichnet für {} {} {} ({} %) mit unbekannten {}, genug, um diesen Rang zu ändern: dahinter können ein oder mehrere {} stehen",
            land(focus),
            when(window),
            tiv(*t),
            num(*pct, 1),
            match d {
                Direction::Imports => "Lieferanten",
                Direction::Exports => "Empfängern",
            },
            match d {
                Direction::Imports => "Lieferanten",
                Direction::Exports => "Empfänger",
            }
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
            let (role_word, what, other) = if *role == Role::Supplier {
                ("Lieferant", "Lieferanten", "Empfänger")
            } else {
                ("Empfänger", "Empfänger", "Lieferant")
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
                "{place} ({other}: {}){} {}: {}; {}: {}",
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
            "die Daten der Datenversion reichen von {} bis {}: Lieferungen vor {} wären nicht sichtbar, daher ist eine erste Lieferung {year} nicht bestätigbar (SIPRIs Aufzeichnungen beginnen 1950)",
            span.0, span.1, span.0
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
            "{}: Rang {rank} von {of} Lieferanten (Empfänger: {}){} {}, {} von {} = {}",
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
        LargestWas(p, x) => format!("größter Lieferant: {} ({})", land(p), pct(*x)),
        SecondWas {
            party,
            pct: p,
            lead,
        } => format!(
            "zweitgrößter Lieferant: {} mit {} (Abstand: Faktor {})",
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
        RelativeWindow(1, w) => format!(
            "„vergangenes Jahr“ als das letzte Jahr der Veröffentlichung gelesen ({}), nicht vom Datum des Textes aus gezählt",
            win(w)
        ),
        RelativeWindow(n, w) => format!(
            "„die letzten {n} Jahre“ als die letzten {n} Jahre der Veröffentlichung gelesen ({}), nicht vom Datum des Textes aus gezählt",
            win(w)
        ),
        MainReadings {
            pct: p,
            lead,
            min_pct,
            min_lead,
        } => format!(
            "„Haupt-“ kann den größten Lieferanten meinen (zutreffend: Rang 1, {}) oder einen dominierenden (nicht zutreffend: {} und das {}-Fache des zweitgrößten, dominierend hieße mindestens {} % und das {}-Fache); welche Lesart der Satz meint, lässt sich nicht entscheiden",
            pct(*p),
            pct(*p),
            num(*lead, 1),
            num(*min_pct, 0),
            num(*min_lead, 0)
        ),
        PresentTenseWindow(w) => format!(
            "kein Zeitraum angegeben: das Präsens wird als die letzten fünf Jahre gelesen ({})",
            win(w)
        ),
    }
}

//! Why a sentence or claim is not checkable.

use super::*;
use crate::i18n::Reason;

pub(super) fn text(m: &Reason) -> String {
    use Reason::*;
    match m {
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
            PublishedYear(y) => format!(
                "kein Zeitraum angegeben: {y} ist das Jahr, in dem SIPRI veröffentlichte, nicht die Jahre, die die Zahl abdeckt ({y} veröffentlichte Daten enden {} oder früher); bitte den Zeitraum der Zahl angeben",
                y - 1
            ),
            BothWays(a, b) => format!(
                "der Satz liest sich als Lieferungen von {a} an {b} und von {b} an {a}; in welche Richtung seine Zahlen gehen, ist unklar"
            ),
            FigureForSeveral(names) => format!(
                "eine Zahl für mehrere Länder ({}): armsflow prüft den Anteil je eines Landes; bitte einzeln prüfen",
                lands(names)
            ),
            BackwardsPeriod(y, z) => format!(
                "der Zeitraum {y}–{z} endet vor seinem Beginn; unklar, welche Jahre gemeint sind"
            ),
            ClaimsNotSeparated(ws) => format!(
                "der Satz enthält zwei Aussagen ({}), die sich nicht trennen ließen: nicht jede Zahl oder Rangangabe ließ sich ihrem eigenen Zeitraum zuordnen, und eine allein zu prüfen beantwortete eine andere Frage; bitte jede Aussage in einem eigenen Satz",
                ws.iter()
                    .map(|(a, b)| if a == b { format!("{a}") } else { format!("{a}–{b}") })
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            SeveralPeriods => {
                "mehrere Zeiträume im Satz: unklar, für welchen die Zahl gilt".into()
            }
            ChangeNeedsFixedPeriods => {
                "eine Veränderung braucht zwei feste Zeiträume, nicht „die letzten n Jahre“".into()
            }
            ChangeWithoutPeriod => "eine Veränderung ohne Zeitraum ist nicht überprüfbar".into(),
            ChangeFromOnly => {
                "eine Veränderung ab einem Zeitraum ohne den Zeitraum, bis zu dem sie reicht, ist nicht überprüfbar; bitte beide Zeiträume angeben".into()
            }
            ChangeOverSpan(y, z) => {
                let n = z - y + 1;
                format!(
                    "eine Veränderung in den {n} Jahren ab {y} kann von {y} bis {z} oder von {}–{} bis {y}–{z} gemeint sein; unklar, welche, bitte beide Zeiträume angeben",
                    y - n,
                    y - 1
                )
            }
            NotationUnclear(n) => format!(
                "„{n}“ ist in englischer Schreibweise {} und in deutscher {}, und weder der Satz noch der Text zeigt, in welcher Sprache er geschrieben ist; bitte die Zahl ohne Tausendertrennzeichen schreiben",
                notation(n, crate::lex::Lang::English),
                notation(n, crate::lex::Lang::German)
            ),
            MoreThanTwoPeriods => {
                "mehr als zwei Zeiträume: unklar, zwischen welchen die Veränderung liegt".into()
            }
            NoCountryNamed => "kein Land genannt".into(),
            NoSupplierNamed => "kein Lieferant genannt".into(),
            ImporterAsSupplier(p) => format!(
                "„{}“ hat laut Satz die Waffen importiert, auf die sich die Zahl bezieht, ist also nicht ihr Lieferant; wovon die Zahl ein Anteil ist, lässt sich nicht sagen",
                land(p)
            ),
            MakerFlowUnclear(p) => format!(
                "eine Zahl zu Waffen aus „{}“: ob sie ein Anteil an dessen Waffenexporten oder an den Waffenimporten des anderen Landes ist, ließ sich nicht sicher lesen",
                land(p)
            ),
            RankHolderUnclear(holder, read) => format!(
                "der Rang wird „{}“ zugeschrieben, wurde aber als Rang von „{}“ gelesen; wessen Rang gemeint ist, ließ sich nicht sicher lesen",
                land(holder),
                land(read)
            ),
            SupplierInOtherClause(p) => format!(
                "der Satzteil mit der Zahl nennt keinen Lieferanten; „{}“ steht in einem anderen Satzteil, und dass es der Lieferant dieser Zahl ist, wird nicht übertragen",
                land(p)
            ),
            NoRecipientNamed => "kein Empfänger genannt".into(),
            PeriodAnaphorUnclear { phrase, claim: Some(c), other } => format!(
                "„{phrase}“ verweist auf einen Zeitraum, aber nach dem Zeitraum der letzten Aussage ({c}) nennt ein Satz ohne Aussage {other}: unklar, welcher gemeint ist; bitte den Zeitraum angeben"
            ),
            PeriodAnaphorUnclear { phrase, claim: None, other } => format!(
                "„{phrase}“ verweist auf {other}, das nur in einem Satz steht, aus dem keine Aussage gelesen wurde (ein solcher Zeitraum kann ein Ereignis datieren statt einer Aussage); bitte den Zeitraum angeben"
            ),
            PeriodAnaphorTwo { phrase, first, second } => format!(
                "„{phrase}“ verweist auf einen Zeitraum, aber der vorige Satz nennt zwei ({first} und {second}), und seine Aussagen legen nicht fest, welcher gemeint ist; bitte den Zeitraum angeben"
            ),
            DescribedCountry(w) => format!(
                "„{w}“ beschreibt ein Land, ohne es zu nennen, und welches gemeint ist, wird nicht aufgelöst; bitte das Land nennen"
            ),
            SubjectNotCountryAlone(w) => format!(
                "das Subjekt „{w}“ wird nicht als Land gelesen, und das Pronomen des Satzes hat kein Land, auf das es sich beziehen kann; bitte das Land nennen"
            ),
            SubjectNotCountry(w) => format!(
                "das Subjekt „{w}“ wird nicht als Land gelesen, daher wird ein Pronomen nicht auf das Land eines früheren Satzes bezogen; bitte das Land nennen"
            ),
            PronounGender(w, p) => format!(
                "„{w}“ kann sich nach Genus oder Numerus nicht auf „{}“ beziehen, und ein anderes Land wird nicht geraten; bitte das Land nennen",
                land(p)
            ),
            AntecedentUnclear(w, names) => format!(
                "„{w}“ nach mehreren Ländern ({}): unklar, welches gemeint ist; bitte das Land nennen",
                names.iter().map(land).collect::<Vec<_>>().join(", ")
            ),
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
            NegativeFigure(s) => format!(
                "die Zahl „-{}“ ist negativ: kein Anteil liegt unter null, und eine Veränderung wird aus ihrem Verb gelesen („sank um 64 %“), nicht aus einem Vorzeichen",
                stated(s, false)
            ),
            NotRead(w) => format!("„{w}“ nicht gelesen"),
            UnreadNumber(n) => format!(
                "die Zahl „{n}“ gehört zu keiner aus dem Satz gelesenen Aussage; den Rest zu prüfen hieße, eine andere Aussage zu prüfen"
            ),
            TwoFigures(k) => format!("zwei verschiedene Zahlen für dieselbe Aussage ({k})"),
            MakersTwoFigures(a, b) => format!(
                "zwei verschiedene Zahlen zu Waffen aus „{}“ und „{}“: beide sind Lieferanten, und welche Zahl wessen Anteil ist, wird nicht gelesen; ein Satzteil je Lieferant („{} lieferte … und {} …“) wird geprüft",
                land(a), land(b), land(a), land(b)
            ),
            RankUnread(w) => format!(
                "„{w}“: ein Rang, den keine aus dem Satz gelesene Aussage trägt; ohne ihn wird der Satz nicht geprüft (Ränge in einem Einschub oder für ein zweites Land ohne eigenes Verb werden nicht gelesen)"
            ),
            PluralRanking(w) => format!(
                "„{w}“ nennt mehrere Länder zusammen als die größten; ob es genau die größten sind, wird nicht geprüft, und das zuerst genannte wird nicht als das größte gelesen; ein Rang je Land („die zwei größten“, „der zweitgrößte“) wird geprüft"
            ),
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
            CategoryWithinFlow(c) => format!(
                "der Anteil einer Kategorie ({}) an einem Rüstungsfluss oder am Waffenhandel eines Landes ist keine Aussage, die armsflow prüft (nur der Anteil eines Lieferanten an den Importen einer Kategorie)",
                category(*c)
            ),
            GapBetweenParties(w) => format!(
                "eine Zahl mit „{w}“ … „als“ ist ein Unterschied zwischen zwei Beteiligten in Prozent, keine Aussage, die armsflow prüft (sie ist niemandes Anteil); ohne die Zahl wird der Vergleich allein geprüft"
            ),
            NamedNotParty(p) => format!(
                "„{}“ wird genannt, ist aber nicht Teil der aus dem Satz gelesenen Aussage",
                land(p)
            ),
            PairChange(p) => format!(
                "die Veränderung der Lieferungen zwischen zwei Ländern (mit „{}“) wird nicht gelesen, nur die gesamten Importe oder Exporte eines Landes",
                land(p)
            ),
            WorldSubjectAsPartner(p) => format!(
                "der Anteil nennt kein eigenes Ganzes: „{}“ ist Gegenstand eines Weltanteils in einem anderen Satzteil, nicht Partner dieses Anteils (vielleicht ist ein Weltanteil gemeint, der hier nicht gelesen wird)",
                land(p)
            ),
            BaseWithoutFigure(w) => format!(
                "„{w}“: Ein Vergleich mit einem früheren Zeitraum, für den der Satz keine Zahl nennt, wird nicht geprüft (die Zahl allein beantwortete eine andere Frage)"
            ),
            Marker(k, w) => marker(*k, w),
            DeliveryNoRecipient => "eine Lieferaussage ohne Empfänger".into(),
            DeliveryOwnerNotRecipient(p) => format!(
                "eine Lieferaussage, deren anderes Land („{}“) nur als Besitzer genannt wird (Genitiv); das wird nicht als Empfänger gelesen",
                land(p)
            ),
            DeliveryNoSupplier => "eine Lieferaussage ohne Lieferanten".into(),
            NegatedCountOrFirst => {
                "eine verneinte Stückzahl oder erste Lieferung wird nicht geprüft".into()
            }
            RankMove(w) => format!(
                "„{w}“: Ein Auf- oder Abstieg auf einen Rang sagt, wo das Land vorher stand; das prüft diese Lesart nicht; bitte den Rang in jedem Zeitraum angeben"
            ),
            ImportsAndExports => "der Satzteil nennt Importe und Exporte, daher ist nicht zu erkennen, welcher Fluss der Teil und welcher das Ganze ist; bitte als „X Prozent der Waffenexporte von A“ oder „X Prozent der Waffenimporte von B“ angeben".into(),
            RestsOnAllocation(p) => format!(
                "{} % der TIV hinter dieser Zahl sind armsflows Aufteilung von Gesamtwerten des alten Registers auf Jahre, nicht SIPRIs Jahreswerte; die Zahl kann die Aussage daher nicht entscheiden; bitte mit einem Datenstand des aktuellen Registers prüfen",
                num(*p, 1)
            ),
            HedgedCount(w) => format!(
                "„{w}“: eine Stückzahl mit Einschränkung, als Spanne oder als ungefähre Menge wird nicht als genaue Zahl geprüft; nennen Sie die gelieferte Stückzahl"
            ),
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

/// A number as `lang`'s notation reads it, written in German.
fn notation(n: &str, lang: crate::lex::Lang) -> String {
    crate::lex::parse_number(n, lang)
        .map_or_else(|| n.to_string(), |(v, _)| v.to_string().replace('.', ","))
}

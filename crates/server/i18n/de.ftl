# armsflow-Dashboard, deutsche Texte. Eine Zeile `Schlüssel = Text`; `{name}`
# setzt die Seite ein. Die Schlüssel sind in jeder Sprachdatei dieselben (ein
# Test prüft das).
# Neue Funktionen: einen Block am ENDE anfügen, mit einem Kommentar als Überschrift.

# --- layout (shell of every page) ---
layout.skip = Zum Inhalt springen
layout.nav.label = Hauptnavigation
layout.nav.world = Welt
layout.nav.claims = Faktencheck
layout.nav.diff = Versionsvergleich
layout.nav.api = API
layout.search.label = Land suchen
layout.search.placeholder = Kasachstan, Türkei, VAE…
layout.search.results = Passende Länder
layout.search.go = Los
layout.release.label = Datenstand
layout.release.synthetic = SYNTHETISCHE Demo
layout.release.show = Anzeigen
layout.lang.label = Sprache
layout.banner.label = Warnhinweis: synthetische Daten
layout.banner.title = SYNTHETISCHE DEMODATEN – nicht SIPRI.
layout.banner.text = Jede Zahl auf dieser Seite stammt aus dem Generator von armsflow, nicht von SIPRI. Für echte Daten eine aus der SIPRI Arms Transfers Database heruntergeladene Datei importieren oder armsflow sie herunterladen lassen, dann diese Seite neu laden:
layout.footer.synthetic = Von armsflow aus dem selbst erzeugten Datenstand {id} berechnet; keine Zahl auf dieser Seite stammt von SIPRI oder darf als SIPRI-Zahl zitiert werden.
layout.footer.release = Von armsflow aus dem Datenstand {id} berechnet (SIPRI-Daten erstellt am {generated}). Werte sind SIPRI-Trendindikatorwerte (TIV) in Millionen; Anteile nach Lieferjahr, sofern nicht anders angegeben. TIV misst das Volumen der Lieferungen, nicht ihren Preis.
layout.footer.unknown_date = unbekanntem Datum
layout.coverage.label = Zeitraum außerhalb des Datenstands
layout.coverage.empty = Keine Zahl dieser Seite für diesen Zeitraum beruht auf Daten.
layout.coverage.partial = Die Zahlen für {window} beruhen auf {covered} von {years} Jahren; Veränderungen gegenüber anderen Zeiträumen sind nicht vergleichbar.
layout.coverage.window = Zeitraum {window}: {note}.

# --- errors ---
error.title = Fehler
error.reference = Referenz:
error.did_you_mean = Meinten Sie:
error.back = Zurück zur Weltübersicht

# --- map (/map, /api/map; engineer MAP, issue #14 point 1) ---
map.nav = Karte
map.h1 = Weltkarte
map.h1.sub = Rüstungstransfers nach Ländern
map.page_title = Weltkarte: {title}
map.title.share_imports = Anteil von {who} an den Rüstungsimporten jedes Landes
map.title.share_exports = Anteil jedes Landes an den Rüstungsexporten von {who}
map.title.group_imports = Anteil der {who}-Mitglieder an den Rüstungsimporten jedes Landes
map.title.group_exports = Anteil der Rüstungsexporte jedes Landes, der an {who}-Mitglieder ging
map.title.hhi_imports = Konzentration der Rüstungslieferanten jedes Landes (HHI)
map.title.hhi_exports = Konzentration der Rüstungskunden jedes Landes (HHI)
map.title.tiv_imports = Rüstungsimporte nach Ländern (TIV, Millionen)
map.title.tiv_exports = Rüstungsexporte nach Ländern (TIV, Millionen)
map.title.window = {what}, {window}
map.title.change = Veränderung: {what}, {from} bis {window}
map.class.below = unter {b}
map.class.between = {a} bis {b}
map.class.above = {b} oder mehr
map.legend.label = Legende
map.legend.none = kein Wert
map.legend.subject = {who} (der Lieferant)
map.legend.arcs = Lieferungen (Bögen)
map.legend.former = ehemaliger Staat (Umriss)
map.label.supplier = {name} (der Lieferant)
map.label.former_part = {name}: Teil von {former} in {window}: {value}
map.label.former_state = {label} (ehemaliger Staat)
map.label.not_listed = {name}: in diesem Datenstand nicht enthalten
map.why.aggregate = der Datenstand enthält für dieses Land nur Summen (TIV-Tabelle): die Partner sind nicht genannt
map.why.no_earlier = keine Lieferungen im früheren Zeitraum
map.why.none = keine Lieferungen in diesem Zeitraum
map.why.both = nicht in beiden Zeiträumen ein Wert
map.desc = Weltkarte: {n} Länder und Parteien mit einem Wert; die höchsten: {top}. Die Tabelle darunter nennt alle.
map.desc.none = keine
map.defaulted = Kein Lieferant gewählt: Die Karte zeigt den größten Exporteur des Zeitraums, {who}. Unten lässt sich ein anderer wählen.
map.skip = Länderlinks der Karte überspringen, weiter zur Tabelle
map.form.show = Anzeigen
map.form.metric.share = Anteil eines Lieferanten
map.form.metric.group = Anteil einer Gruppe
map.form.metric.hhi = Konzentration (HHI)
map.form.metric.tiv = Volumen (TIV)
map.form.supplier = Lieferant
map.form.supplier.placeholder = RUS, Frankreich…
map.form.group = Gruppe
map.form.side = Richtung
map.form.imports = Importe
map.form.exports = Exporte
map.form.window = Zeitraum
map.form.from = Veränderung seit
map.form.no_change = — (keine Veränderung)
map.form.category = Kategorie
map.form.all_categories = Alle Kategorien
map.form.arcs = Bögen zu den Kunden
map.form.update = Aktualisieren
map.form.play = Zeiträume abspielen
map.form.slider = Zeiträume durchgehen
map.form.pause = Anhalten
map.steps.earlier = ← Früherer Zeitraum ({window})
map.steps.later = Späterer Zeitraum ({window}) →
map.caption.count = {n} Länder und Parteien haben einen Wert.
map.caption.points = Veränderungen in Prozentpunkten.
map.caption.relative = Veränderungen relativ zum TIV des früheren Zeitraums.
map.caption.former = Ehemalige Staaten, die SIPRI führt (Sowjetunion, Jugoslawien, Tschechoslowakei), sind als Umriss über ihren Nachfolgestaaten gezeichnet und füllen diese in Zeiträumen vor ihrem Zerfall; DDR, Nord- und Südjemen und Südvietnam liegen innerhalb heutiger Grenzen und stehen unter der Tabelle. SIPRIs Deutschland ist vor 1990 die Bundesrepublik. Kleine Staaten sind Punkte. Karte: Natural Earth 1:110m (gemeinfrei), Equal-Earth-Projektion.
map.table.h = Dieselben Werte als Tabelle
map.table.country = Land oder Partei
map.table.change = Veränderung
map.table.part_supplier = TIV von {who}
map.table.part_group = TIV mit {who}-Mitgliedern
map.table.total_imports = Importe (TIV)
map.table.total_exports = Exporte (TIV)
map.table.total_supplier = Exporte von {who} (TIV)
map.table.on_map = Auf der Karte
map.table.share_imports = Anteil an den Importen
map.table.share_supplier = Anteil an den Exporten des Lieferanten
map.table.share_exports = Anteil an den Exporten
map.table.hhi = HHI (0–10.000)
map.table.tiv = TIV (Millionen)
map.table.na = k. A.
map.place.shape = ja
map.place.point = Punkt
map.place.outline = Umriss
map.place.inside = innerhalb von {parent}
map.place.none = nicht gezeichnet
map.missing.h = Nicht auf der Karte
map.missing.intro = Diese Parteien haben einen Wert in der Tabelle oben, aber bei diesem Maßstab keine eigene Fläche:
map.missing.inside = ein ehemaliger Staat innerhalb des heutigen {parent}; nicht gesondert gezeichnet
map.missing.non_state = eine nichtstaatliche bewaffnete Gruppe
map.missing.organisation = eine internationale Organisation
map.missing.unknown = eine unbekannte Partei
map.missing.former = ein ehemaliger Staat
map.missing.geometry = nicht in der Geometrie 1:110m oder 1:50m
map.downloads = Daten:
map.downloads.svg = SVG-Grafik
map.svg.source = Quelle: SIPRI Arms Transfers Database
map.svg.synthetic = SYNTHETISCHE DEMODATEN – nicht SIPRI; von armsflow erzeugt
map.svg.release = Datenstand {id}
map.svg.geometry = Karte: Natural Earth (gemeinfrei)
map.svg.tiv = Trendindikatorwerte (TIV)
map.watermark = SYNTHETISCH – nicht SIPRI
# --- charts (text drawn inside the SVG charts) ---
chart.no_deliveries = keine Lieferungen
chart.stacks.desc = Anteil jedes Lieferlandes je Zeitraum. {windows}.
chart.bars.desc = Größte zuerst: {bars}.
chart.bars.empty = Keine Lieferungen in diesem Zeitraum.

# --- armament categories (SIPRI's names) ---
category.all = Alle Kategorien
category.all_lower = alle Waffenkategorien
category.aircraft = Luftfahrzeuge
category.air_defence = Luftabwehrsysteme
category.armoured_vehicles = Gepanzerte Fahrzeuge
category.artillery = Artillerie
category.engines = Triebwerke
category.missiles = Raketen und Flugkörper
category.naval_weapons = Marinewaffen
category.other = Sonstige
category.satellites = Satelliten
category.sensors = Sensoren
category.ships = Schiffe
category.unspecified = Nicht angegeben

# --- shared by several pages ---
common.as_table = Als Tabelle
common.none = Keine.
common.no_windows = Dieser Datenstand enthält keine Fünfjahreszeiträume.
common.no_deliveries_window = Keine Lieferungen in diesem Zeitraum.
form.window = Zeitraum
form.category = Kategorie
form.update = Aktualisieren
col.rank = Rang
col.country = Land
col.tiv = TIV (Mio.)
col.world_share = Weltanteil
col.supplier = Lieferland
col.recipient = Empfängerland
col.share = Anteil
col.year = Jahr
col.window = Zeitraum

# --- world page ---
world.title = Welt {window}
world.h1 = Wer verkauft, wer kauft: {window}
world.lede = Die größten Exporteure und Importeure konventioneller Großwaffen im Zeitraum {window}, {category}, gemessen am SIPRI-Trendindikatorwert (TIV). Ein Land auswählen, um seine Lieferländer und Abnehmer zu sehen.
world.top_exporters = Größte Exporteure
world.top_importers = Größte Importeure
world.chart_title = {title}, {window}: Anteil am Welthandel
world.table_caption = {title}, {window} (weltweit insgesamt {total} TIV)
world.unknown = {tiv} TIV mit unbekanntem Handelspartner sind in der Weltsumme enthalten, aber nicht eingeordnet.

# --- country page ---
# Eine Meldung mit {tiv}, {supplier} oder {share} wird dort geteilt: Zahl oder
# Link stehen an dieser Stelle; die Reihenfolge bitte beibehalten.
country.title = {name}: Rüstungsimporte
country.sub = Rüstungsimporte
country.none = Für {name} sind im Zeitraum {window} keine Lieferungen verzeichnet.
country.imported = Im Zeitraum {window} importierte {name} Rüstungsgüter im Wert von {tiv} TIV (Millionen) aus {n} {suppliers}.
country.imported.one = Lieferland
country.imported.many = Lieferländern
country.largest = Das größte Lieferland, {supplier}, lieferte {share}.
country.hhi = Die Lieferantenkonzentration (HHI) beträgt {hhi}; das entspricht {n_eff} gleich großen Lieferländern.
country.volume_up = Volumen {change} höher als {previous}
country.volume_down = Volumen {change} niedriger als {previous}
country.estimated = {share} der Summe beruhen auf SIPRI-Schätzungen.
country.as_supplier = Als Lieferland →
country.mix_h = Lieferländer je Fünfjahreszeitraum
country.mix_title = Anteile der Lieferländer an den Rüstungsimporten: {name}, je Fünfjahreszeitraum
country.short_release = Dieser Datenstand umfasst weniger als fünf Jahre; es gibt daher keine Fünfjahreszeiträume zum Vergleich.
country.others = Sonstige
country.shares_h = Anteile der Lieferländer, {window}
country.no_deliveries_in = Keine Lieferungen im Zeitraum {window}.
country.shares_caption = Lieferländer für {name}, {window}: insgesamt {total} TIV (Millionen)
country.col.share_in = Anteil {window}
country.col.estimated = Geschätzt
country.unknown = {tiv} TIV von unbekannten Lieferländern sind in der Summe enthalten.
country.conc_h = Konzentration der Lieferungen
country.conc_point = {window}: HHI {hhi}, effektive Zahl {n_eff}
country.conc_title = Herfindahl-Hirschman-Index (linke Achse) und effektive Zahl der Lieferländer (rechte Achse)
country.conc_hhi = HHI (0–1, links)
country.conc_neff = Effektive Zahl der Lieferländer (rechts)
country.conc_caption = Konzentration je Zeitraum
country.col.suppliers = Lieferländer
country.col.effective = Effektive Zahl
country.deliv_h = Größte Lieferungen, {window}
country.deliv_caption = Die {n} größten Lieferungen an {name} im Zeitraum {window} nach TIV
country.col.designation = Bezeichnung
country.col.units = Stückzahl
country.col.flags = Hinweise
country.flags_note = gesch. = von SIPRI als Schätzung markiert; gesch.? = SIPRI hat das Schätzungsfeld leer gelassen; aufgeteilt = armsflow hat eine Gesamtsumme je Geschäft auf die Lieferjahre verteilt.
country.groups_h = Bündnisse und Gruppen
country.groups_none = {year} kein Mitglied einer der eingebauten Gruppen.
country.groups_member = Mitglied {year} (Stichtag 1. Juli) in:
country.groups_caption = Anteil der Importe im Zeitraum {window} aus den Mitgliedsländern jeder Gruppe (Mitgliedschaft nach Lieferjahr)
country.col.group = Gruppe
country.col.import_share = Anteil an den Importen
country.col.members = Größte Mitglieder

# --- flags of a delivery (short marker, then its full meaning) ---
flag.est_year = gesch. Jahr
flag.est_year.long = Lieferjahr von SIPRI geschätzt
flag.est_number = gesch. Anzahl
flag.est_number.long = gelieferte Stückzahl von SIPRI geschätzt
flag.est_order = gesch. Bestellung
flag.est_order.long = Bestelljahr von SIPRI geschätzt
flag.est_unknown = gesch.?
flag.est_unknown.long = SIPRI hat ein Schätzungsfeld leer gelassen
flag.allocated = aufgeteilt
flag.allocated.long = Wert von armsflow aus einer Gesamtsumme je Geschäft aufgeteilt
flag.second_hand = gebraucht
flag.second_hand.long = Gebrauchtgerät
flag.local_production = Lizenzfert.
flag.local_production.long = Lizenzfertigung im Empfängerland

# --- supplier page ---
# supplier.lede wird bei {rank} geteilt; dort steht supplier.rank in Fettschrift.
supplier.title = {name}: Rüstungsexporte
supplier.sub = Rüstungsexporte
supplier.lede = Im Zeitraum {window} lag {name} mit {share} der weltweiten Rüstungsexporte ({tiv} TIV, Millionen) an {n} Empfängerländer auf {rank} der Exporteure weltweit.
supplier.rank = Platz {rank}
supplier.none = Für {name} sind im Zeitraum {window} keine Exporte verzeichnet.
supplier.its_imports = Importe dieses Landes →
supplier.cust_h = Größte Abnehmer, {window}
supplier.chart_title = Abnehmer von {name}, {window}: Anteil an den Exporten
supplier.over_h = Abnehmer im Zeitverlauf
supplier.over_caption = Anteil an den Rüstungsexporten von {name} und Rang unter den Abnehmern, je Fünfjahreszeitraum
supplier.totals = Exportsummen – {totals}.
supplier.col.customer = Abnehmer

# --- search page ---
search.title = Suche
search.results = Ergebnisse für „{query}“:
search.none = Kein Land und keine Partei passt. Eine andere Schreibweise, einen ISO-Code (KAZ) oder einen SIPRI-Namen versuchen.
search.matched = (gefunden über „{spelling}“)

# --- scenario form (country page) ---
scenario.h = Szenario: Lieferungen verlagern
scenario.empty = Keine Lieferungen im Zeitraum {window}, auf denen ein Szenario aufbauen könnte.
scenario.legend = Einen Teil der Lieferungen eines Lieferlandes im Zeitraum {window} auf andere verlagern
scenario.shift = Verlagern:
scenario.percent_of = % von
scenario.from = Lieferland, von dem verlagert wird
scenario.to = auf (durch Kommas getrennt, zu gleichen Teilen)
scenario.run = Szenario berechnen
scenario.bad_percent = „{value}“ ist keine Prozentangabe.
scenario.concentration = HHI {hhi}, effektive Zahl {n_eff}
scenario.not_customer = kein Abnehmer
scenario.baseline = Ausgangslage:
scenario.scenario = Szenario:
scenario.caption = Anteile der Lieferländer, Ausgangslage und Szenario
scenario.col.baseline_tiv = TIV Ausgangslage
scenario.col.baseline_share = Anteil Ausgangslage
scenario.col.scenario_tiv = TIV Szenario
scenario.col.scenario_share = Anteil Szenario
scenario.knock_caption = Rang von {name} unter den Abnehmern jedes betroffenen Lieferlandes
scenario.col.baseline_rank = Rang Ausgangslage (Anteil an dessen Exporten)
scenario.col.scenario_rank = Rang Szenario

# --- synthetic marks on charts, texts written by assets/app.js ---
layout.synthetic.mark = SYNTHETISCH – nicht SIPRI
layout.synthetic.title = SYNTHETISCHE DEMODATEN, nicht SIPRI
js.working = Wird berechnet…
js.no_result = Kein Ergebnis.
js.failed = Anfrage fehlgeschlagen:
js.dark_mode = Dunkelmodus
js.print_source = Quelle: SIPRI Arms Transfers Database (c) SIPRI.
js.print_synthetic = SYNTHETISCHE DEMODATEN – nicht SIPRI.
js.print_release = Berechnet von armsflow, Datenstand {id}

# --- claim checker page (the checker's own verdicts and explanations come from crates/claims) ---
claims.h1 = Faktencheck
claims.lede = Einen Satz oder einen ganzen Artikel einfügen, auf Deutsch oder Englisch. armsflow findet jede Aussage über Anteile, Ränge und Veränderungen im Rüstungshandel und prüft sie am unten genannten Datenstand; die Toleranz folgt der Genauigkeit der Aussage („88 %“ lässt 87,5–88,5 gelten).
claims.demo = Keine Urteile auf Demodaten.
claims.text_label = Zu prüfender Text
claims.check = Aussagen prüfen
claims.example_label = Beispiel:
claims.example = Von 2020 bis 2024 stammten 88 % der Rüstungsimporte Kasachstans aus Russland; damit war das Land der drittgrößte Abnehmer russischer Waffen.
claims.seed = Testartikel laden und prüfen
claims.seed_note = Unser eigener deutscher Testartikel über Kasachstan und die Abraham-Abkommen (keine SIPRI-Daten).
claims.found = {n} Aussagen gefunden
claims.found.one = 1 Aussage gefunden
claims.none = Keine prüfbare Aussage in diesem Text. Prüfbar sind Zahlen oder Ränge zu Rüstungsimporten oder -exporten, etwa ein Anteil, ein Rang oder eine Veränderung zwischen Zeiträumen.
claims.claim = Aussage:
claims.interval = Akzeptierter Bereich:
claims.estimated = {share} des Werts beruhen auf SIPRI-Schätzungen.
claims.skipped = Nicht geprüft ({n})

# --- release diff page ---
# {a}, {b}, {n} und {id} markieren, wo eine Datenstand-Kennung oder eine Zahl als Markup steht.
diff.h1 = Was sich zwischen Datenständen geändert hat
diff.lede = SIPRI überarbeitet mit jeder Veröffentlichung seine gesamte Historie: Werte früherer Jahre ändern sich, wenn neue Informationen vorliegen. Zwei gespeicherte Datenstände vergleichen, um zu sehen, welche Lieferungen geändert, hinzugefügt oder entfernt wurden.
diff.only_one = Es ist nur ein Datenstand gespeichert, daher gibt es nichts zu vergleichen. Eine ältere oder neuere SIPRI-Datei importieren oder die aktuelle herunterladen, dann zurückkehren:
diff.newer = Neuerer Datenstand (B): {id} – über die Datenstandsauswahl oben änderbar.
diff.options = Vergleichsoptionen
diff.older = Älterer Datenstand (A)
diff.country = Land (optional)
diff.country_example = Kasachstan
diff.years = Jahre (optional)
diff.threshold = Kleinste Änderung (TIV)
diff.compare = Vergleichen
diff.no_common_years = keine gemeinsamen
diff.level.pair = Lieferland → Empfängerland → Jahr
diff.level.recipient = Summen je Empfängerland und Jahr
diff.level.supplier = Summen je Lieferland und Jahr
diff.level.none = keine vergleichbare Zahl
diff.summary = Zusammenfassung
diff.compared = Verglichen wurde {a} (A) mit {b} (B), Jahre {years}, auf der Ebene {level}.
diff.revised = {n} geänderte Werte ab {threshold} TIV; {below} kleinere Abweichungen nicht aufgeführt; {compared} Werte verglichen.
diff.allocated = {n} Änderungen betreffen Werte, die auf einer Aufteilung beruhen (eine alte Gesamtsumme je Geschäft, gleichmäßig auf die Lieferjahre verteilt, markiert mit †): Ein Teil einer solchen Änderung kann ein Artefakt der Aufteilung sein.
diff.deals_matched = Geschäfte, zugeordnet über die SIPRI-AT-Database-ID: {added} hinzugefügt, {removed} entfernt, {revised} geändert, {unchanged} unverändert.
diff.all = (alle)
diff.rev_h = Geänderte Werte, größte Änderung zuerst
diff.no_revisions = Kein Wert hat sich um mehr als den Schwellenwert geändert.
diff.kind.changed = geändert
diff.kind.new = neu in B
diff.kind.dropped = nur in A
diff.rev_caption = TIV (Millionen) in Datenstand A und B; † beruht auf Aufteilung. {shown} von {total} Änderungen angezeigt.
diff.col.change = Änderung
diff.col.change_pct = Änderung %
diff.col.kind = Art
diff.json = Alle Änderungen als JSON:
diff.no_deal_ids = Änderungen auf Ebene einzelner Geschäfte brauchen SIPRI-AT-Database-IDs in beiden Datenständen (das aktuelle Handelsregister hat sie, ältere Register und TIV-Tabellen nicht).
diff.col.sipri_id = SIPRI-ID
diff.col.ordered = Bestellt
diff.col.tiv_delivered = TIV geliefert
diff.col.changes = Änderungen
diff.deals_h = Geschäfte
diff.added = Hinzugefügt in B
diff.removed = Entfernt (nur in A)
diff.deals_caption = {title}: {n} Geschäfte
diff.revised_h = Geändert
diff.revised_caption = Geänderte Geschäfte: {n}

# --- error pages: titles by HTTP status; the *.text sentences are shown in
# languages other than English, before the API's (English) message ---
error.400 = Ungültige Anfrage
error.400.text = Die Anfrage ist nicht verständlich. Details (englisch):
error.404 = Nicht gefunden
error.404.text = Die angeforderte Seite oder das Land wurde nicht gefunden. Details (englisch):
error.413 = Anfrage zu groß
error.413.text = Die Anfrage ist zu groß. Details (englisch):
error.422 = Nicht verarbeitbar
error.422.text = Die Anfrage lässt sich innerhalb der Grenzen nicht beantworten. Details (englisch):
error.429 = Zu viele Anfragen
error.429.text = Zu viele Anfragen gleichzeitig; bitte gleich noch einmal versuchen. Details (englisch):
error.503 = Dienst nicht verfügbar
error.503.text = Der Server ist ausgelastet; bitte gleich noch einmal versuchen. Details (englisch):
error.500 = Interner Fehler
error.500.text = Ein interner Fehler ist aufgetreten. Details (englisch):
error.other.text = Die Anfrage ist fehlgeschlagen. Details (englisch):

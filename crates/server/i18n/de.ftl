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

# --- journalist's kit: chart and table toolbars, exports, embeds (issue #13) ---
kit.group = Mitnehmen: {title}
kit.embed = Einbetten
kit.embed.label = Einbettungscode (HTML)
kit.embed.copy = Einbettungscode kopieren
kit.embed.preview = Vorschau der Einbettung
kit.embed.full = Ganze Seite und Daten bei armsflow
kit.embed.synthetic = Erzeugte Zahlen zur Vorführung.
kit.cite = Zitieren
kit.cite.copy_en = Englisches Zitat kopieren
kit.cite.copy_de = Deutsches Zitat kopieren
kit.copied = Kopiert
kit.permalink = Permalink
kit.cite.sipri = Stockholm International Peace Research Institute (SIPRI), SIPRI Arms Transfers Database, Release {release} (Datenstand {generated}): „{title}“, {scope}; berechnet mit armsflow. {permalink}, abgerufen am {date}.
kit.cite.synthetic = SYNTHETISCHE DEMODATEN aus dem Generator von armsflow: keine SIPRI-Daten, nicht als SIPRI-Daten zitierbar. „{title}“, {scope}; synthetisches Release {release} (erzeugt {generated}). {permalink}, abgerufen am {date}.
kit.cite.unknown_date = unbekanntes Datum
kit.scope.five_year = in Fünfjahreszeiträumen
kit.scope.all_categories = alle Waffenkategorien
kit.source.release = Release {release} (SIPRI-Daten erstellt am {generated}). TIV: SIPRI-Trendindikatorwerte (TIV), Millionen. Berechnet mit armsflow.
kit.source.synthetic = Synthetisches Release {release}; keine Zahl hier stammt von SIPRI.
kit.table.shares = Anteile der Lieferländer, {window}
kit.table.deliveries = Größte Lieferungen, {window}
kit.table.groups = Bündnisgruppen, {window}
kit.table.over_time = Abnehmer im Zeitverlauf

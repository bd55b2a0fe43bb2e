# armsflow dashboard messages, English. One `key = text` per line; `{name}`
# is filled in by the page. Keys are the same in every language's file (a
# test checks it); a third language is a third file (see crates/server/src/i18n.rs).
# Engineers adding a feature: append a block at the END, headed by a comment.

# --- layout (shell of every page) ---
layout.skip = Skip to content
layout.nav.label = Main
layout.nav.world = World
layout.nav.claims = Claim checker
layout.nav.diff = Release diff
layout.nav.api = API
layout.search.label = Find a country
layout.search.placeholder = Kazakhstan, Türkiye, UAE…
layout.search.results = Matching countries
layout.search.go = Go
layout.release.label = Release
layout.release.synthetic = SYNTHETIC demo
layout.release.show = Show
layout.lang.label = Language
layout.banner.label = Synthetic data warning
layout.banner.title = SYNTHETIC DEMO DATA — not SIPRI.
layout.banner.text = Every number on this page comes from armsflow's generator, not from SIPRI. To see real data, import a file downloaded from the SIPRI Arms Transfers Database, or let armsflow download it, then reload this page:
layout.footer.synthetic = Figures computed by armsflow from its own generated release {id}; no figure on this page comes from SIPRI or may be cited as SIPRI's.
layout.footer.release = Figures computed by armsflow from release {id} (SIPRI data generated {generated}). Values are SIPRI trend-indicator values (TIV), millions; shares are by delivery year unless stated. TIV measures the volume of transfers, not their price.
layout.footer.unknown_date = unknown date
layout.coverage.label = Window outside the release
layout.coverage.empty = No figure on this page for this window comes from data.
layout.coverage.partial = Figures for {window} rest on {covered} of its {years} years; changes against other windows are not like for like.
layout.coverage.window = Window {window}: {note}.

# --- errors ---
error.title = Error
error.reference = Reference:
error.did_you_mean = Did you mean:
error.back = Back to the world page

# --- map (/map, /api/map; engineer MAP, issue #14 point 1) ---
map.nav = Map
map.h1 = World map
map.h1.sub = arms transfers by country
map.page_title = World map: {title}
map.title.share_imports = Share of each country's arms imports supplied by {who}
map.title.share_exports = Share of {who}'s arms exports received by each country
map.title.group_imports = Share of each country's arms imports from {who} members
map.title.group_exports = Share of each country's arms exports going to {who} members
map.title.hhi_imports = Concentration of each country's arms suppliers (HHI)
map.title.hhi_exports = Concentration of each country's arms customers (HHI)
map.title.tiv_imports = Arms imports by country (TIV, millions)
map.title.tiv_exports = Arms exports by country (TIV, millions)
map.title.window = {what}, {window}
map.title.change = Change in: {what}, {from} to {window}
map.class.below = below {b}
map.class.between = {a} to {b}
map.class.above = {b} or more
map.legend.label = Legend
map.legend.none = no value
map.legend.subject = {who} (the supplier)
map.legend.arcs = deliveries (arcs)
map.legend.former = former state (outline)
map.label.supplier = {name} (the supplier)
map.label.former_part = {name}: part of the {former} in {window}: {value}
map.label.former_state = {label} (former state)
map.label.not_listed = {name}: not listed in this release
map.why.aggregate = the release gives only totals for this country (a TIV table): its partners are not named
map.why.no_earlier = no deliveries in the earlier window
map.why.none = no deliveries in this window
map.why.both = no value in both windows
map.desc = World map: {n} countries and parties with a value; highest: {top}. The table below lists them all.
map.desc.none = none
map.defaulted = No supplier chosen: the map shows the window's largest exporter, {who}. Choose another below.
map.skip = Skip the map's country links to the table
map.form.show = Show
map.form.metric.share = Share from a supplier
map.form.metric.group = Share from a group
map.form.metric.hhi = Concentration (HHI)
map.form.metric.tiv = Volume (TIV)
map.form.supplier = Supplier
map.form.supplier.placeholder = RUS, France…
map.form.group = Group
map.form.side = Side
map.form.imports = Imports
map.form.exports = Exports
map.form.window = Window
map.form.from = Change since
map.form.no_change = — (no change)
map.form.category = Category
map.form.all_categories = All categories
map.form.arcs = Arcs to customers
map.form.update = Update
map.form.play = Play through the windows
map.form.slider = Step through the windows
map.form.pause = Pause
map.steps.earlier = ← Earlier window ({window})
map.steps.later = Later window ({window}) →
map.caption.count = {n} countries and parties have a value.
map.caption.points = Changes are in percentage points.
map.caption.relative = Changes are relative to the earlier window's TIV.
map.caption.former = Former states SIPRI lists (Soviet Union, Yugoslavia, Czechoslovakia) are outlined over their successors and, in windows before their break-up, fill them; East Germany, North and South Yemen and South Vietnam lie inside today's borders and are listed below the table. SIPRI's Germany is West Germany before 1990. Small states are dots. Map: Natural Earth 1:110m (public domain), Equal Earth projection.
map.table.h = The same values as a table
map.table.country = Country or party
map.table.change = Change
map.table.part_supplier = TIV from {who}
map.table.part_group = TIV with {who} members
map.table.total_imports = Imports (TIV)
map.table.total_exports = Exports (TIV)
map.table.total_supplier = {who}'s exports (TIV)
map.table.on_map = On the map
map.table.share_imports = Share of imports
map.table.share_supplier = Share of the supplier's exports
map.table.share_exports = Share of exports
map.table.hhi = HHI (0–10,000)
map.table.tiv = TIV (millions)
map.table.na = n/a
map.place.shape = yes
map.place.point = dot
map.place.outline = outline
map.place.inside = inside {parent}
map.place.none = not drawn
map.missing.h = Not drawn on the map
map.missing.intro = These parties have a value in the table above but no shape of their own at this scale:
map.missing.inside = a former state inside today's {parent}; not drawn separately
map.missing.non_state = a non-state armed group
map.missing.organisation = an international organisation
map.missing.unknown = an unknown party
map.missing.former = a former state
map.missing.geometry = not in the 1:110m or 1:50m geometry
map.downloads = Data:
map.downloads.svg = SVG image
map.svg.source = Source: SIPRI Arms Transfers Database
map.svg.synthetic = SYNTHETIC DEMO DATA — not SIPRI; generated by armsflow
map.svg.release = release {id}
map.svg.geometry = map: Natural Earth (public domain)
map.svg.tiv = trend-indicator values (TIV)
map.watermark = SYNTHETIC — not SIPRI
# --- charts (text drawn inside the SVG charts) ---
chart.no_deliveries = no deliveries
chart.stacks.desc = Share of each supplier per window. {windows}.
chart.bars.desc = Largest first: {bars}.
chart.bars.empty = No deliveries in this window.

# --- armament categories (SIPRI's names) ---
category.all = All categories
category.all_lower = all categories
category.aircraft = Aircraft
category.air_defence = Air-defence systems
category.armoured_vehicles = Armoured vehicles
category.artillery = Artillery
category.engines = Engines
category.missiles = Missiles
category.naval_weapons = Naval weapons
category.other = Other
category.satellites = Satellites
category.sensors = Sensors
category.ships = Ships
category.unspecified = Unspecified

# --- shared by several pages ---
common.as_table = As a table
common.none = None.
common.no_windows = No five-year windows in this release.
common.no_deliveries_window = No deliveries in this window.
form.window = Window
form.category = Category
form.update = Update
col.rank = Rank
col.country = Country
col.tiv = TIV (m)
col.world_share = World share
col.supplier = Supplier
col.recipient = Recipient
col.share = Share
col.year = Year
col.window = Window

# --- world page ---
world.title = World {window}
world.h1 = Who sells and who buys, {window}
world.lede = The largest exporters and importers of major conventional arms in {window}, {category}, by SIPRI trend-indicator value. Select a country for its suppliers and customers.
world.top_exporters = Top exporters
world.top_importers = Top importers
world.chart_title = {title}, {window}: share of world total
world.table_caption = {title}, {window} (world total {total} TIV)
world.unknown = {tiv} TIV with an unknown party is in the world total but not ranked.

# --- country page ---
# A message with {tiv}, {supplier} or {share} is split there: the figure or
# link is set as markup in that place; keep them in this order.
country.title = {name} arms imports
country.sub = arms imports
country.none = No deliveries to {name} are recorded in {window}.
country.imported = In {window}, {name} imported {tiv} TIV (millions) from {n} {suppliers}.
country.imported.one = supplier
country.imported.many = suppliers
country.largest = The largest, {supplier}, supplied {share}.
country.hhi = Supplier concentration (HHI) is {hhi}, like {n_eff} equal-sized suppliers.
country.volume_up = Volume up {change} against {previous}
country.volume_down = Volume down {change} against {previous}
country.estimated = {share} of the total rests on SIPRI estimates.
country.as_supplier = As a supplier →
country.mix_h = Suppliers by five-year window
country.mix_title = Supplier shares of {name}'s arms imports by five-year window
country.short_release = This release covers fewer than five years, so there are no five-year windows to compare.
country.others = Others
country.shares_h = Supplier shares, {window}
country.no_deliveries_in = No deliveries in {window}.
country.shares_caption = Suppliers of {name} in {window}: total {total} TIV (millions)
country.col.share_in = Share {window}
country.col.estimated = Estimated
country.unknown = {tiv} TIV from unknown suppliers is included in the total.
country.conc_h = Concentration of supply
country.conc_point = {window}: HHI {hhi}, effective number {n_eff}
country.conc_title = Herfindahl-Hirschman index (left axis) and effective number of suppliers (right axis)
country.conc_hhi = HHI (0–1, left)
country.conc_neff = Effective number of suppliers (right)
country.conc_caption = Concentration by window
country.col.suppliers = Suppliers
country.col.effective = Effective number
country.deliv_h = Largest deliveries, {window}
country.deliv_caption = The {n} largest deliveries to {name} in {window} by TIV
country.col.designation = Designation
country.col.units = Units
country.col.flags = Flags
country.flags_note = est. = SIPRI marks the value as an estimate; est.? = SIPRI left the estimate flag empty; allocated = armsflow split a per-deal total over delivery years.
country.groups_h = Alignment groups
country.groups_none = Not a member of any built-in group in {year}.
country.groups_member = Member in {year} (on 1 July) of:
country.groups_caption = Share of imports in {window} from each group's members (membership by year of delivery)
country.col.group = Group
country.col.import_share = Share of imports
country.col.members = Largest members

# --- flags of a delivery (short marker, then its full meaning) ---
flag.est_year = est. year
flag.est_year.long = delivery year estimated by SIPRI
flag.est_number = est. number
flag.est_number.long = number delivered estimated by SIPRI
flag.est_order = est. order
flag.est_order.long = order year estimated by SIPRI
flag.est_unknown = est.?
flag.est_unknown.long = SIPRI left an estimate flag empty
flag.allocated = allocated
flag.allocated.long = value allocated by armsflow from a per-deal total
flag.second_hand = second-hand
flag.second_hand.long = second-hand equipment
flag.local_production = local prod.
flag.local_production.long = licensed production in the recipient country

# --- supplier page ---
# supplier.lede is split at {rank}, where supplier.rank is set in bold.
supplier.title = {name} arms exports
supplier.sub = arms exports
supplier.lede = In {window}, {name} was the world's {rank} exporter with {share} of world arms exports ({tiv} TIV, millions) to {n} recipients.
supplier.rank = number {rank}
supplier.none = No exports by {name} are recorded in {window}.
supplier.its_imports = Its imports →
supplier.cust_h = Largest customers, {window}
supplier.chart_title = Customers of {name} in {window}: share of its exports
supplier.over_h = Customers over time
supplier.over_caption = Share of {name}'s arms exports and rank among its customers, per five-year window
supplier.totals = Export totals — {totals}.
supplier.col.customer = Customer

# --- search page ---
search.title = Search
search.results = Results for “{query}”:
search.none = No country or party matches. Try another spelling, an ISO code (KAZ) or a SIPRI name.
search.matched = (matched “{spelling}”)

# --- scenario form (country page) ---
scenario.h = Scenario: shift supply
scenario.empty = No deliveries in {window} to build a scenario on.
scenario.legend = Move part of one supplier's {window} deliveries to others
scenario.shift = Shift
scenario.percent_of = % of
scenario.from = Supplier to shift from
scenario.to = to (comma-separated, split equally)
scenario.run = Run scenario
scenario.bad_percent = '{value}' is not a percentage.
scenario.concentration = HHI {hhi}, effective number {n_eff}
scenario.not_customer = not a customer
scenario.baseline = Baseline:
scenario.scenario = Scenario:
scenario.caption = Supplier shares, baseline and scenario
scenario.col.baseline_tiv = Baseline TIV
scenario.col.baseline_share = Baseline share
scenario.col.scenario_tiv = Scenario TIV
scenario.col.scenario_share = Scenario share
scenario.knock_caption = {name}'s rank among each affected supplier's customers
scenario.col.baseline_rank = Baseline rank (share of its exports)
scenario.col.scenario_rank = Scenario rank

# --- synthetic marks on charts, texts written by assets/app.js ---
layout.synthetic.mark = SYNTHETIC — not SIPRI
layout.synthetic.title = SYNTHETIC DEMO DATA, not SIPRI
js.working = Working…
js.no_result = No result.
js.failed = Request failed:
js.dark_mode = Dark mode
js.print_source = Source: SIPRI Arms Transfers Database (c) SIPRI.
js.print_synthetic = SYNTHETIC DEMO DATA - not SIPRI.
js.print_release = Computed by armsflow, release {id}

# --- claim checker page (the checker's own verdicts and explanations come from crates/claims) ---
claims.h1 = Claim checker
claims.lede = Paste a sentence or a whole article, in English or German. armsflow finds each claim about arms-transfer shares, ranks and changes and checks it against the release shown below; the tolerance follows the precision the claim states (“88 %” accepts 87.5–88.5).
claims.demo = No verdicts on demo data.
claims.text_label = Text to check
claims.check = Check claims
claims.example_label = Example:
claims.example = From 2020 to 2024, 88 % of Kazakhstan's arms imports came from Russia, making it the third-largest buyer of Russian arms.
claims.seed = Load and check the seed article
claims.seed_note = Our own German test article on Kazakhstan and the Abraham Accords (not SIPRI data).
claims.found = {n} claims found
claims.found.one = 1 claim found
claims.none = No checkable claim in this text. Claims need a number or a rank about arms imports or exports, e.g. a share, a rank or a change between periods.
claims.claim = Claim:
claims.interval = Accepted interval:
claims.estimated = {share} of the figure rests on SIPRI estimates.
claims.skipped = Not checked ({n})

# --- release diff page ---
# {a}, {b}, {n} and {id} mark where a release id or a count is set as markup.
diff.h1 = What changed between releases
diff.lede = SIPRI revises its whole history with every release: values for past years change as new information arrives. Compare two stored releases to see which deliveries were revised, added or dropped.
diff.only_one = Only one release is stored, so there is nothing to compare. Import an older or newer SIPRI file or fetch the current one, then come back:
diff.newer = Newer release (B): {id} — change it with the release picker above.
diff.options = Diff options
diff.older = Older release (A)
diff.country = Country (optional)
diff.country_example = Kazakhstan
diff.years = Years (optional)
diff.threshold = Smallest change (TIV)
diff.compare = Compare
diff.no_common_years = none in common
diff.level.pair = supplier → recipient → year
diff.level.recipient = recipient totals per year
diff.level.supplier = supplier totals per year
diff.level.none = no comparable figure
diff.summary = Summary
diff.compared = Compared {a} (A) with {b} (B), years {years}, at the level of {level}.
diff.revised = {n} revised values at or above {threshold} TIV; {below} smaller differences not listed; {compared} values compared.
diff.allocated = {n} revisions involve values that rest on allocation (a legacy deal total split evenly over its delivery years, marked †): part of such a change may be an artefact of the split.
diff.deals_matched = Deals matched by SIPRI AT Database ID: {added} added, {removed} removed, {revised} revised, {unchanged} unchanged.
diff.all = (all)
diff.rev_h = Revised values, largest change first
diff.no_revisions = No value changed by more than the threshold.
diff.kind.changed = changed
diff.kind.new = new in B
diff.kind.dropped = only in A
diff.rev_caption = TIV (millions) in release A and B; † rests on allocation. {shown} of {total} revisions shown.
diff.col.change = Change
diff.col.change_pct = Change %
diff.col.kind = Kind
diff.json = All revisions as JSON:
diff.no_deal_ids = Deal-level changes need SIPRI AT Database IDs in both releases (the current trade register has them; legacy registers and TIV tables do not).
diff.col.sipri_id = SIPRI ID
diff.col.ordered = Ordered
diff.col.tiv_delivered = TIV delivered
diff.col.changes = Changes
diff.deals_h = Deals
diff.added = Added in B
diff.removed = Removed (only in A)
diff.deals_caption = {title}: {n} deals
diff.revised_h = Revised
diff.revised_caption = Revised deals: {n}

# --- error pages: titles by HTTP status; the *.text sentences are shown in
# languages other than English, before the API's (English) message ---
error.400 = Bad Request
error.400.text = The request could not be understood.
error.404 = Not Found
error.404.text = The page or country asked for was not found.
error.413 = Payload Too Large
error.413.text = The request is too large.
error.422 = Unprocessable Content
error.422.text = The request cannot be answered within the limits.
error.429 = Too Many Requests
error.429.text = Too many requests at once; please try again shortly.
error.503 = Service Unavailable
error.503.text = The server is busy; please try again shortly.
error.500 = Internal Server Error
error.500.text = An internal error occurred.
error.other.text = The request failed.

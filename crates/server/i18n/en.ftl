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

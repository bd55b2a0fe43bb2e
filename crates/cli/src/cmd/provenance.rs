//! The closing notes every metric answer shares: the legacy register's
//! warning, window coverage (by delivery or order year), release and
//! attribution. Split from `imports`, whose table most answers extend.

use super::imports::describe;
use crate::output::Table;
use engine::{Basis, Filter};
use model::{Release, Window};

/// The closing notes of every metric output: TIV caveat, release, attribution.
pub fn provenance(t: &mut Table, rel: &Release, f: &Filter) {
    provenance_for(t, rel, f, &[f.window]);
}

/// [`provenance`] for a table over several `windows` (`f.window` spans them):
/// the coverage warning names each window that reaches outside the release.
pub fn provenance_for(t: &mut Table, rel: &Release, f: &Filter, windows: &[Window]) {
    legacy_warning(t, rel, f.basis);
    t.note(format!(
        "Window {} (inclusive); release {}.",
        describe(f),
        rel.meta.id
    ));
    t.note(
        "Values in millions of SIPRI trend-indicator values (TIV): a volume of transfers, not prices.",
    );
    t.note(rel.citation());
    t.release_meta(rel);
    t.set_meta("window", describe(f));
    if f.basis == Basis::Order {
        order_coverage_notes(t, rel, windows);
    } else {
        coverage_notes(t, rel, windows);
    }
}

/// The legacy register's split, first among the notes of every windowed
/// output (metrics probe: concentration, switching, event studies, groups and
/// scenarios on it named the US Canada's top supplier at 34.9 %, Spain's
/// 30.1 % on the register, with no word of the split).
///
/// By order year it is left out: every year of a deal shares its order year,
/// so a window holds each deal's split values whole (query probe 15: the
/// split WARNING beside "Allocations … 0.0%").
pub fn legacy_warning(t: &mut Table, rel: &Release, basis: Basis) {
    if basis == Basis::Order {
        return;
    }
    if let Some(w) = rel.meta.format.allocation_warning() {
        t.notes.insert(0, format!("WARNING: {w}."));
    }
}

/// By order year a window is not missing years: its orders count whatever
/// of their deliveries the release holds. What it lacks is their deliveries
/// outside the release's years, which for orders placed before its first
/// year is most of them (regression: "1985-1989 … no figure of it comes from
/// data" above 2,493.25 TIV that does, the post-1995 deliveries of those
/// orders, with the undercount unsaid).
fn order_coverage_notes(t: &mut Table, rel: &Release, windows: &[Window]) {
    let Some((first, last)) = rel.year_span() else {
        return;
    };
    t.set_meta("release_years", format!("{first}-{last}"));
    let early: Vec<String> = windows
        .iter()
        .filter(|w| w.start < first)
        .map(|w| w.to_string())
        .collect();
    // Orders placed after the release's last year cannot have a delivery
    // in it: those years are no data, not 0 TIV (query probe 15).
    let late: Vec<&Window> = windows.iter().filter(|w| w.end > last).collect();
    if let Some(w) = late.first() {
        let years = |w: &Window| {
            let a = w.start.max(last + 1);
            if a == w.end {
                a.to_string()
            } else {
                format!("{a}-{}", w.end)
            }
        };
        let list: Vec<String> = late.iter().map(|w| years(w)).collect();
        t.notes.insert(
            0,
            format!(
                "WARNING: Window {w} reaches past the release: an order placed after {last}, its \
                 last year, has no delivery in it, so orders of {} are not in it and no figure \
                 of them comes from data.",
                list.join(", ")
            ),
        );
    }
    if !early.is_empty() {
        t.notes.insert(
            0,
            format!(
                "WARNING: orders placed in {} count only their deliveries in {first}-{last}, the \
                 release's years; their deliveries before {first} are not in it, so these totals \
                 undercount those orders.",
                early.join(", ")
            ),
        );
    }
    let missing: Vec<String> = windows
        .iter()
        .flat_map(|w| w.years())
        .filter(|&y| y > last)
        .map(|y| y.to_string())
        .collect();
    t.set_meta("missing_years", missing.join(","));
    let coverage = if windows.iter().all(|w| w.start > last) {
        format!("none (orders after {last} not in the release)")
    } else if !late.is_empty() {
        format!("partial (orders after {last} not in the release)")
    } else if !early.is_empty() {
        format!("partial (deliveries before {first} not in the release)")
    } else {
        "complete".to_string()
    };
    t.set_meta("coverage", coverage);
    t.note(format!(
        "By order year: each order counts its deliveries in {first}-{last}; deliveries after \
         {last} are not yet in the release."
    ));
}

/// A note (and the `coverage` metadata) for every window that reaches
/// outside the release's years; nothing when all are inside. In CSV mode
/// notes go to standard error, so stdout stays pure CSV.
pub fn coverage_notes(t: &mut Table, rel: &Release, windows: &[Window]) {
    let mut partial = Vec::new();
    for w in windows {
        let c = rel.coverage(*w);
        if let Some(s) = c.sentence() {
            // First, so that it is read before any figure's note.
            t.notes.insert(partial.len(), format!("WARNING: {s}"));
            partial.push(format!("{w}: {}", c.note().unwrap_or_default()));
        }
    }
    if let Some((a, b)) = rel.year_span() {
        t.set_meta("release_years", format!("{a}-{b}"));
    }
    let mut missing: Vec<u16> = windows
        .iter()
        .flat_map(|w| rel.coverage(*w).missing_years)
        .collect();
    missing.sort_unstable();
    missing.dedup();
    let missing: Vec<String> = missing.iter().map(u16::to_string).collect();
    t.set_meta("missing_years", missing.join(","));
    // "none" where no window holds a year of the release (parameter probe:
    // `--period 2025` on a 1995-2024 release said "partial").
    let none = windows.iter().all(|w| rel.coverage(*w).covered_years == 0);
    if partial.is_empty() {
        t.set_meta("coverage", "complete");
    } else if none {
        t.set_meta("coverage", format!("none ({})", partial.join("; ")));
    } else {
        t.set_meta("coverage", format!("partial ({})", partial.join("; ")));
    }
}

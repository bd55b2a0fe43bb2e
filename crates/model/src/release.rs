//! A release: one SIPRI download, frozen. SIPRI revises all history every spring,
//! so figures are only ever computed within one release.

use crate::entity::EntityTable;
use crate::flows::{Deal, Flows};
use serde::{Deserialize, Serialize};

/// The layout a file was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceFormat {
    /// Current 17-column register: one row per deal and delivery year.
    Register,
    /// Legacy 16-column register: one row per deal, delivered TIV per deal.
    LegacyRegister,
    /// TIV table with importers as rows (`Recipient` header).
    ImportTable,
    /// TIV table with exporters as rows (`Exports by` header).
    ExportTable,
    /// Legacy per-supplier TIV table (`TIV of arms exports from X`): recipients × years.
    SupplierTable,
}

impl SourceFormat {
    pub fn as_str(self) -> &'static str {
        match self {
            SourceFormat::Register => "register",
            SourceFormat::LegacyRegister => "legacy_register",
            SourceFormat::ImportTable => "import_table",
            SourceFormat::ExportTable => "export_table",
            SourceFormat::SupplierTable => "supplier_table",
        }
    }
}

/// Which of SIPRI's '?' estimate flags a layout carries. An "estimated %"
/// counts flagged values only, so on a layout with fewer flags a low figure
/// means "not flagged here", not "exact" (published-figures probe: 0.0 % on
/// every TIV table, 4.2 % of the world on the legacy register against 59 %
/// on the register for the same data).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EstimateFlags {
    /// The register: delivery year, number delivered and order date.
    Recorded,
    /// The legacy register: order year and numbers, not delivery years or
    /// delivered values, so the share is a lower bound.
    OrderAndNumbers,
    /// TIV tables: no flags at all, so the share is unknown.
    Absent,
}

impl SourceFormat {
    /// Why a legacy register's windows are not SIPRI's per-year figures;
    /// `None` for layouts with per-year values.
    pub fn allocation_warning(self) -> Option<&'static str> {
        (self == SourceFormat::LegacyRegister).then_some(
            "legacy register: its per-year values are armsflow's even split of each deal's \
             delivered TIV over the deal's delivery years, not SIPRI's per-year figures, so a \
             window's totals, shares, ranks and concentration can differ from SIPRI's; use a \
             current trade register for per-year figures",
        )
    }

    pub fn estimate_flags(self) -> EstimateFlags {
        match self {
            SourceFormat::Register => EstimateFlags::Recorded,
            SourceFormat::LegacyRegister => EstimateFlags::OrderAndNumbers,
            SourceFormat::ImportTable | SourceFormat::ExportTable | SourceFormat::SupplierTable => {
                EstimateFlags::Absent
            }
        }
    }
}

/// What identifies and describes a release.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReleaseMeta {
    /// `<generated date>-<format>-<first 8 hex of sha256>`, e.g. `2026-02-12-register-3fa9c1d2`.
    pub id: String,
    pub format: SourceFormat,
    /// The preamble's title line, verbatim.
    pub title: String,
    /// SIPRI's "Data generated" timestamp, verbatim (e.g. `12 Feb 2026 12:26:12 PM`).
    pub generated_raw: String,
    /// The same date as ISO `YYYY-MM-DD`, when it parses.
    pub generated: Option<String>,
    /// The preamble's source line, verbatim.
    pub source_line: String,
    /// File name the release was imported from (no directory).
    pub source_file: String,
    /// Hex SHA-256 of the imported bytes.
    pub sha256: String,
    /// Made by our generator, not SIPRI. Shown wherever its numbers are.
    pub synthetic: bool,
    /// First and last delivery year with data.
    pub first_year: Option<u16>,
    pub last_year: Option<u16>,
    /// When armsflow imported it (RFC 3339, UTC).
    pub imported_at: String,
    /// What the import found that every answer from this release must
    /// carry: rows rejected under `--skip-bad-rows`, a table without its
    /// world total, cells contradicting the file's own totals, a year still
    /// under way. The import report's warnings are seen once; these are
    /// shown with every figure (regression of the hostile-files probe: a
    /// release missing a rejected row answered as if complete).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub caveats: Vec<String>,
    /// The store wrote `SHA256SUMS` for this release: without it the
    /// release is damaged, not an old one (hostile-files probe 2: deleting
    /// the file turned its checks off).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub digests: bool,
    /// The last year with complete data when `last_year` is a year SIPRI had
    /// not finished publishing when the file was generated (a caveat says
    /// so): default windows end here, not in the partial year (hostile-files
    /// probe 3: one 2025 row in a Feb-2026 file made 2021-2025 the default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_complete_year: Option<u16>,
}

impl ReleaseMeta {
    /// The parties a register download was restricted to, per its title line
    /// (see [`title_parties`]); `(None, None)` for a whole register and for
    /// every other format.
    pub fn download_scope(&self) -> (Option<Vec<String>>, Option<Vec<String>>) {
        match self.format {
            SourceFormat::Register | SourceFormat::LegacyRegister => title_parties(&self.title),
            _ => (None, None),
        }
    }

    /// A register downloaded for some countries only: it answers only
    /// questions inside that scope, so it is never the default release while
    /// a whole one is stored.
    pub fn is_scoped(&self) -> bool {
        let (from, to) = self.download_scope();
        from.is_some() || to.is_some()
    }

    /// Why a country may be missing from a scoped download, to append to a
    /// "has no arms transfers in release X" (which alone reads as a fact
    /// about the country); empty for a whole register.
    pub fn scope_note(&self) -> String {
        let phrase = self.scope_phrase();
        let mut note = if !phrase.is_empty() {
            format!(
                ", which is a register download of transfers{phrase} only (per its title); use a \
                 release of the whole register"
            )
        } else if self.format == SourceFormat::SupplierTable {
            // Hostile-files probe 2: France "has no arms transfers" in
            // Russia's per-supplier table, which read as a fact about France.
            format!(
                ", which is one country's table ('{}'): it holds other countries only as that \
                 country's partners; use a trade-register release",
                self.title.trim()
            )
        } else {
            String::new()
        };
        // A party whose rows were rejected at import is missing too.
        if !self.caveats.is_empty() {
            note.push_str(&format!(
                "; the release is not whole: {}",
                self.caveats.join("; ")
            ));
        }
        note
    }

    /// " from Russia to Ukraine", " to Ukraine": a download's restriction as
    /// its title gives it; empty for a whole register.
    pub fn scope_phrase(&self) -> String {
        let (from, to) = self.download_scope();
        let part =
            |side: &str, n: Option<Vec<String>>| n.map(|n| format!(" {side} {}", n.join(", ")));
        [part("from", from), part("to", to)]
            .into_iter()
            .flatten()
            .collect()
    }
}

/// Which of `metas` (oldest first, as the store lists them) queries use when
/// no release is named: the newest that is not a scoped download, else the
/// newest (regression: importing SIPRI's "to Ukraine" download after an
/// older whole register made it the default, and every page outside Ukraine
/// was refused).
pub fn default_release(metas: &[ReleaseMeta]) -> Option<usize> {
    metas
        .iter()
        .rposition(|m| !m.is_scoped())
        .or(metas.len().checked_sub(1))
}

/// Supplier and recipient names from a register title such as
/// `Transfers of major conventional arms from All countries  to Ukraine  . Deals …`;
/// `None` on a side that is "All countries" or when the title has another shape.
pub fn title_parties(title: &str) -> (Option<Vec<String>>, Option<Vec<String>>) {
    let Some(rest) = title
        .find(" arms from ")
        .map(|i| &title[i + " arms from ".len()..])
    else {
        return (None, None);
    };
    // The parties end where SIPRI's " . Deals with …" (or our generator's
    // " . SYNTHETIC DATA …") begins (regression: the synthetic title read as
    // a download "to All countries . SYNTHETIC DATA …").
    let rest = rest.split(". Deals").next().unwrap_or(rest);
    let rest = rest.split(" . ").next().unwrap_or(rest);
    let Some((from, to)) = rest.split_once(" to ") else {
        return (None, None);
    };
    let names = |s: &str| {
        let s = s.trim().trim_end_matches('.').trim();
        if s.is_empty() || s.eq_ignore_ascii_case("All countries") {
            None
        } else {
            Some(s.split(',').map(|n| n.trim().to_string()).collect())
        }
    };
    (names(from), names(to))
}

/// A name the resolver did not know, with what it carries.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnresolvedName {
    pub name: String,
    pub rows: u64,
    pub tiv: f64,
}

/// A row that could not be read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Rejection {
    pub line: u64,
    pub reason: String,
}

/// The accounting of one import: every row is read, imported, repaired or rejected.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ImportReport {
    pub file: String,
    pub format: Option<SourceFormat>,
    pub encoding: String,
    /// Physical lines in the file.
    pub lines: u64,
    /// Data records read (after repairing split records).
    pub rows_read: u64,
    pub rows_imported: u64,
    /// Records rebuilt from two physical lines.
    pub rows_repaired: u64,
    pub rejected: Vec<Rejection>,
    pub deals: u64,
    /// Flows created (legacy deals become one flow per delivery year).
    pub flows: u64,
    /// Flows whose value is an allocation of a per-deal total.
    pub flows_allocated: u64,
    pub entities: u64,
    pub unresolved: Vec<UnresolvedName>,
    /// Sum of the TIV column as read.
    pub tiv_total: f64,
    /// Deals with nothing delivered yet (legacy register).
    pub open_deals: u64,
    /// Cells written `0` (below 0.5 million) in TIV tables.
    pub below_half_cells: u64,
    pub warnings: Vec<String>,
}

/// A whole release in memory.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Release {
    pub meta: ReleaseMeta,
    pub entities: EntityTable,
    pub deals: Vec<Deal>,
    pub flows: Flows,
    /// Published world totals by year, where the source has them (TIV tables).
    pub world_totals: Vec<(u16, f64)>,
}

impl Release {
    pub fn deal(&self, flow: usize) -> Option<&Deal> {
        let d = self.flows.deal[flow];
        self.deals.get(d as usize)
    }

    /// A one-line citation: release id plus SIPRI's attribution. A synthetic
    /// release is never attributed to SIPRI.
    pub fn citation(&self) -> String {
        if self.meta.synthetic {
            return format!(
                "{}; release {} (generated by armsflow, not downloaded from SIPRI).",
                crate::SYNTHETIC_ATTRIBUTION,
                self.meta.id
            );
        }
        format!(
            "release {} (SIPRI data generated {}). {}",
            self.meta.id,
            if self.meta.generated_raw.is_empty() {
                "unknown"
            } else {
                &self.meta.generated_raw
            },
            crate::SIPRI_ATTRIBUTION
        )
    }

    /// SIPRI's attribution, or the synthetic notice for generated data.
    pub fn attribution(&self) -> &'static str {
        if self.meta.synthetic {
            crate::SYNTHETIC_ATTRIBUTION
        } else {
            crate::SIPRI_ATTRIBUTION
        }
    }

    /// First and last year the release has data for: the metadata if set,
    /// else the flows' span.
    pub fn year_span(&self) -> Option<(u16, u16)> {
        match (self.meta.first_year, self.meta.last_year) {
            (Some(a), Some(b)) if a <= b => Some((a, b)),
            _ => self.flows.year_span(),
        }
    }

    /// How much of `window` this release covers (see [`crate::Coverage`]).
    pub fn coverage(&self, window: crate::Window) -> crate::Coverage {
        crate::Coverage::of(window, self.year_span())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parties_from_titles() {
        let t = "Transfers of major conventional arms from All countries  to Ukraine  . Deals with \
                 deliveries made for the year range '2000' to '2024' ";
        assert_eq!(title_parties(t), (None, Some(vec!["Ukraine".to_string()])));
        let t = "Transfers of major conventional arms from All countries  to All countries . Deals \
                 with deliveries made for the year range '1995' to '2025';";
        assert_eq!(title_parties(t), (None, None));
        let t = "Transfers of major conventional arms from Russia, China to All countries. Deals";
        assert_eq!(
            title_parties(t),
            (Some(vec!["Russia".to_string(), "China".to_string()]), None)
        );
        assert_eq!(
            title_parties("Volume of transfers of major arms"),
            (None, None)
        );
        // Our generator's title: a whole register, not a download "to All
        // countries . SYNTHETIC DATA …".
        let t = "Transfers of major conventional arms from All countries to All countries . SYNTHETIC \
                 DATA generated by armsflow — not SIPRI data (scale 1, seed 42)";
        assert_eq!(title_parties(t), (None, None));
    }

    fn meta(title: &str, format: SourceFormat, generated: &str) -> ReleaseMeta {
        ReleaseMeta {
            id: format!("{generated}-x"),
            format,
            title: title.to_string(),
            generated_raw: String::new(),
            generated: Some(generated.to_string()),
            source_line: String::new(),
            source_file: String::new(),
            sha256: String::new(),
            synthetic: false,
            first_year: None,
            last_year: None,
            imported_at: String::new(),
            caveats: Vec::new(),
            digests: false,
            last_complete_year: None,
        }
    }

    #[test]
    fn the_default_release_is_the_newest_whole_one() {
        let whole =
            "Transfers of major conventional arms from All countries  to All countries . Deals";
        let ukraine =
            "Transfers of major conventional arms from All countries  to Ukraine  . Deals";
        let old = meta(whole, SourceFormat::Register, "2024-03-11");
        let scoped = meta(ukraine, SourceFormat::Register, "2025-02-17");
        let table = meta(
            "Volume of transfers of major arms",
            SourceFormat::ImportTable,
            "2025-01-01",
        );
        assert!(scoped.is_scoped() && !old.is_scoped() && !table.is_scoped());
        assert_eq!(default_release(&[old.clone(), scoped.clone()]), Some(0));
        assert_eq!(default_release(&[scoped.clone(), old.clone()]), Some(1));
        assert_eq!(
            default_release(&[old, table.clone(), scoped.clone()]),
            Some(1)
        );
        // Only scoped downloads: the newest of them.
        assert_eq!(default_release(&[scoped.clone(), scoped]), Some(1));
        assert_eq!(default_release(&[]), None);
        // A TIV table's title is never read as a download's scope.
        let odd = meta(ukraine, SourceFormat::ImportTable, "2025-01-01");
        assert!(!odd.is_scoped());
    }
}

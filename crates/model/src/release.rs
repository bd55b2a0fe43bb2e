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

    /// Whether both parties of each flow are known (registers, per-supplier tables).
    pub fn is_bilateral(self) -> bool {
        matches!(
            self,
            SourceFormat::Register | SourceFormat::LegacyRegister | SourceFormat::SupplierTable
        )
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

    /// A one-line citation: release id plus SIPRI's attribution.
    pub fn citation(&self) -> String {
        let synth = if self.meta.synthetic {
            "SYNTHETIC DEMO DATA — not SIPRI; "
        } else {
            ""
        };
        format!(
            "{synth}release {} (SIPRI data generated {}). {}",
            self.meta.id,
            if self.meta.generated_raw.is_empty() {
                "unknown"
            } else {
                &self.meta.generated_raw
            },
            crate::SIPRI_ATTRIBUTION
        )
    }
}

//! A tiny release builder for hand-computed tests, here and in crates that call
//! the engine. Not for production data: it fills metadata with placeholders
//! and marks the release synthetic.

use model::flows::Flow;
use model::{
    Category, Deal, Entity, EntityId, EntityKind, EntityTable, Flows, NO_DEAL, Release,
    ReleaseMeta, SourceFormat,
};

/// Builds a [`Release`] flow by flow.
#[derive(Debug, Clone, Default)]
pub struct ReleaseBuilder {
    entities: EntityTable,
    deals: Vec<Deal>,
    flows: Flows,
}

impl ReleaseBuilder {
    pub fn new() -> Self {
        Self::default()
    }

    /// A state keyed by its ISO3 code.
    pub fn state(&mut self, iso3: &str, name: &str) -> EntityId {
        self.entities.intern(Entity {
            key: iso3.into(),
            name: name.into(),
            kind: EntityKind::State,
            iso3: Some(iso3.into()),
        })
    }

    pub fn entity(&mut self, key: &str, name: &str, kind: EntityKind) -> EntityId {
        self.entities.intern(Entity {
            key: key.into(),
            name: name.into(),
            kind,
            iso3: None,
        })
    }

    /// SIPRI's `unknown supplier(s)` placeholder.
    pub fn unknown_supplier(&mut self) -> EntityId {
        self.entity(
            "unknown:supplier",
            "unknown supplier(s)",
            EntityKind::Unknown,
        )
    }

    /// A deal with an order year; returns its index for [`Self::flow_full`].
    pub fn deal(
        &mut self,
        supplier: EntityId,
        recipient: EntityId,
        order_year: Option<u16>,
    ) -> u32 {
        self.deals.push(Deal {
            supplier,
            recipient,
            order_year,
            ..Deal::default()
        });
        (self.deals.len() - 1) as u32
    }

    /// An Aircraft flow with no flags and no deal.
    pub fn flow(
        &mut self,
        supplier: EntityId,
        recipient: EntityId,
        year: u16,
        tiv: f64,
    ) -> &mut Self {
        self.flow_full(
            supplier,
            recipient,
            year,
            tiv,
            Category::Aircraft,
            0,
            NO_DEAL,
        )
    }

    #[allow(clippy::too_many_arguments)]
    pub fn flow_full(
        &mut self,
        supplier: EntityId,
        recipient: EntityId,
        year: u16,
        tiv: f64,
        category: Category,
        flags: u16,
        deal: u32,
    ) -> &mut Self {
        self.flows.push(Flow {
            supplier,
            recipient,
            year,
            category,
            tiv,
            units: 1,
            flags,
            deal,
        });
        self
    }

    pub fn build(&self) -> Release {
        let span = self.flows.year_span();
        Release {
            meta: ReleaseMeta {
                id: "test-register-00000000".into(),
                format: SourceFormat::Register,
                title: "test release".into(),
                generated_raw: String::new(),
                generated: None,
                source_line: String::new(),
                source_file: String::new(),
                sha256: String::new(),
                synthetic: true,
                first_year: span.map(|s| s.0),
                last_year: span.map(|s| s.1),
                imported_at: String::new(),
                caveats: Vec::new(),
                digests: false,
                last_complete_year: None,
            },
            entities: self.entities.clone(),
            deals: self.deals.clone(),
            flows: self.flows.clone(),
            world_totals: Vec::new(),
        }
    }
}

//! Core types shared by every armsflow crate. This crate does no I/O, so that
//! readers, the store, the engine and the server agree on one vocabulary.

pub mod category;
pub mod entity;
pub mod flows;
pub mod release;
pub mod window;

pub use category::Category;
pub use entity::{Entity, EntityId, EntityKind, EntityTable};
pub use flows::{Deal, Flags, Flows, NO_DEAL};
pub use release::{ImportReport, Rejection, Release, ReleaseMeta, SourceFormat, UnresolvedName};
pub use window::{Window, WindowError};

/// SIPRI's attribution line; every output that shows SIPRI-derived numbers carries it.
pub const SIPRI_ATTRIBUTION: &str = "Source: SIPRI Arms Transfers Database (c) SIPRI";

//! The world map (`/map`, `/api/map`): geometry ([`geo`]), per-country values
//! ([`metric`]), the question a URL asks and its classes ([`data`]), and the
//! SVG drawing, inline and standalone ([`render`]).

pub mod data;
pub mod geo;
pub mod metric;
pub mod render;

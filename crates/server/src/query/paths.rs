//! Path parameters (release ids, entity keys, pairs, export formats).

#![allow(dead_code)]

use utoipa::IntoParams;

/// A release id in the path.
#[derive(IntoParams)]
#[into_params(parameter_in = Path)]
pub struct ReleasePath {
    /// Release id
    #[param(min_length = 1, max_length = 200)]
    id: String,
}

/// A country in the path.
#[derive(IntoParams)]
#[into_params(parameter_in = Path)]
pub struct KeyPath {
    /// Country key (ISO3), SIPRI name or alias
    #[param(example = "KAZ", min_length = 1, max_length = 200)]
    key: String,
}

/// Two countries in the path.
#[derive(IntoParams)]
#[into_params(parameter_in = Path)]
pub struct PairPath {
    /// Supplier: ISO3, SIPRI name or alias
    #[param(example = "RUS", min_length = 1, max_length = 200)]
    supplier: String,
    /// Recipient: ISO3, SIPRI name or alias
    #[param(example = "KAZ", min_length = 1, max_length = 200)]
    recipient: String,
}

/// A dashboard page's chart in the path (journalist's kit, issue #13).
#[derive(IntoParams)]
#[into_params(parameter_in = Path)]
pub struct ExportPath {
    /// Country key (ISO3), SIPRI name or alias
    #[param(example = "KAZ", min_length = 1, max_length = 200)]
    key: String,
    /// Chart id on the page and file type: supplier-chart.svg, supplier-chart.png, supplier-chart.csv
    #[param(
        example = "supplier-chart.svg",
        pattern = "^[A-Za-z0-9-]{1,64}\\.(svg|png|csv)$"
    )]
    file: String,
}

/// A world-page chart in the path.
#[derive(IntoParams)]
#[into_params(parameter_in = Path)]
pub struct WorldExportPath {
    /// Chart id on the page and file type: exporters-chart.png, importers-chart.csv, …
    #[param(
        example = "exporters-chart.svg",
        pattern = "^[A-Za-z0-9-]{1,64}\\.(svg|png|csv)$"
    )]
    file: String,
}

/// A chart of a country's page, for its embed view.
#[derive(IntoParams)]
#[into_params(parameter_in = Path)]
pub struct EmbedPath {
    /// Country key (ISO3), SIPRI name or alias
    #[param(example = "KAZ", min_length = 1, max_length = 200)]
    key: String,
    /// Chart id on the page (supplier-chart, concentration-chart, customers-chart, …)
    #[param(example = "supplier-chart", pattern = "^[A-Za-z0-9-]{1,64}$")]
    chart: String,
}

/// A world-page chart, for its embed view.
#[derive(IntoParams)]
#[into_params(parameter_in = Path)]
pub struct WorldEmbedPath {
    /// Chart id on the page: exporters-chart or importers-chart
    #[param(example = "exporters-chart", pattern = "^[A-Za-z0-9-]{1,64}$")]
    chart: String,
}

/// A pair page's chart in the path.
#[derive(IntoParams)]
#[into_params(parameter_in = Path)]
pub struct PairExportPath {
    /// Supplier: ISO3, SIPRI name or alias
    #[param(example = "RUS", min_length = 1, max_length = 200)]
    supplier: String,
    /// Recipient: ISO3, SIPRI name or alias
    #[param(example = "KAZ", min_length = 1, max_length = 200)]
    recipient: String,
    /// Chart id on the page and file type: pair-chart.svg, pair-chart.png, pair-chart.csv
    #[param(
        example = "pair-chart.csv",
        pattern = "^[A-Za-z0-9-]{1,64}\\.(svg|png|csv)$"
    )]
    file: String,
}

/// A pair page's chart, for its embed view.
#[derive(IntoParams)]
#[into_params(parameter_in = Path)]
pub struct PairEmbedPath {
    /// Supplier: ISO3, SIPRI name or alias
    #[param(example = "RUS", min_length = 1, max_length = 200)]
    supplier: String,
    /// Recipient: ISO3, SIPRI name or alias
    #[param(example = "KAZ", min_length = 1, max_length = 200)]
    recipient: String,
    /// Chart id on the page: pair-chart
    #[param(example = "pair-chart", pattern = "^[A-Za-z0-9-]{1,64}$")]
    chart: String,
}

/// The map as a file.
#[derive(IntoParams)]
#[into_params(parameter_in = Path)]
pub struct MapExportPath {
    /// world-map.svg or world-map.png (the values as CSV: /api/map?format=csv)
    #[param(example = "world-map.png", pattern = "^world-map\\.(svg|png)$")]
    file: String,
}

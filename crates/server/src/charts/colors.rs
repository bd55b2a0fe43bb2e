//! One colour per country, site-wide: the same country is drawn alike on
//! every chart of every page, in the light and the dark theme.

/// Site-wide country colours: mid-tones that keep at least 3:1 against both
/// the light page (#ffffff) and the dark one (#14181d), so one colour serves
/// both themes and Russia is drawn alike on every page (unit-tested below;
/// the browser tests check the rendered marks too). Sixteen hues at two
/// lightness levels, so the release's sixteen largest exporters never share one.
pub const COUNTRY_PALETTE: &[&str] = &[
    "#2B7BCB", "#D5473A", "#159153", "#D16B05", "#8C5FCA", "#CA4AA0", "#8F6D2A", "#1B8E99",
    "#688D1E", "#6B78B8", "#E36076", "#307F30", "#B472CA", "#A3573E", "#1096C3", "#93891A",
];

/// A country's colour: the release's largest exporters (`fixed`, largest
/// first) take the palette in order; any other country a colour from its
/// key (FNV-1a), so it is the same on every page of every release.
pub fn country_color(fixed: &[model::EntityId], id: model::EntityId, key: &str) -> &'static str {
    let n = COUNTRY_PALETTE.len();
    if let Some(i) = fixed.iter().take(n).position(|e| *e == id) {
        return COUNTRY_PALETTE[i];
    }
    let mut h: u32 = 0x811c_9dc5;
    for b in key.bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    COUNTRY_PALETTE[h as usize % n]
}

/// The release's exporters, largest first over all its years: the order
/// [`country_color`] hands out the palette in. Computed once per release.
pub fn release_exporters(rel: &model::Release) -> std::sync::Arc<Vec<model::EntityId>> {
    use std::collections::HashMap;
    use std::sync::{Arc, Mutex, OnceLock};
    type Cache = Mutex<HashMap<String, Arc<Vec<model::EntityId>>>>;
    static CACHE: OnceLock<Cache> = OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    let key = format!("{}#{}", rel.meta.id, rel.flows.len());
    if let Some(v) = cache.lock().unwrap_or_else(|e| e.into_inner()).get(&key) {
        return v.clone();
    }
    let v: Vec<model::EntityId> = match rel
        .year_span()
        .and_then(|(a, b)| model::Window::new(a, b).ok())
    {
        Some(w) => engine::ranking(rel, engine::Direction::Exports, &engine::Filter::new(w))
            .rows
            .iter()
            .take(COUNTRY_PALETTE.len())
            .map(|r| r.entity)
            .collect(),
        None => Vec::new(),
    };
    let v = Arc::new(v);
    let mut c = cache.lock().unwrap_or_else(|e| e.into_inner());
    if c.len() > 64 {
        c.clear();
    }
    c.insert(key, v.clone());
    v
}

/// [`country_color`] of `id` in `rel`.
pub fn color_of(rel: &model::Release, id: model::EntityId) -> &'static str {
    country_color(&release_exporters(rel), id, &rel.entities.get(id).key)
}

/// WCAG contrast ratio of two `#rrggbb` colours.
pub fn contrast(a: &str, b: &str) -> f64 {
    fn lum(h: &str) -> f64 {
        let h = h.trim_start_matches('#');
        let ch = |i: usize| {
            let c = f64::from(u8::from_str_radix(h.get(i..i + 2).unwrap_or("00"), 16).unwrap_or(0))
                / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * ch(0) + 0.7152 * ch(2) + 0.0722 * ch(4)
    }
    let (x, y) = (lum(a), lum(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::OTHERS;

    #[test]
    fn country_colours_pass_on_light_and_dark() {
        for c in COUNTRY_PALETTE.iter().chain([&OTHERS]) {
            for bg in ["#ffffff", "#14181d", "#f5f7f9", "#1d232a"] {
                let r = contrast(c, bg);
                assert!(r >= 3.0, "{c} on {bg}: {r:.2}:1");
            }
        }
        assert!((contrast("#000000", "#ffffff") - 21.0).abs() < 1e-9);
    }

    #[test]
    fn country_colour_is_fixed_then_hashed() {
        use model::EntityId;
        let fixed: [EntityId; 2] = [7, 3];
        assert_eq!(country_color(&fixed, 7, "USA"), COUNTRY_PALETTE[0]);
        assert_eq!(country_color(&fixed, 3, "RUS"), COUNTRY_PALETTE[1]);
        // Not among the largest: the key decides, whatever the id.
        let a = country_color(&fixed, 40, "KAZ");
        assert_eq!(a, country_color(&[], 99, "KAZ"));
        assert!(COUNTRY_PALETTE.contains(&a));
    }
}

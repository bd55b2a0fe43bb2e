//! API query strings as the server parses them: period, category, basis,
//! direction, limit and country (resolved against a SYNTHETIC release, with
//! suggestions), plus the search box.
#![no_main]

use libfuzzer_sys::fuzz_target;
use model::{Category, Window};
use server::params::{Params, resolve_entity, search};

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(w) = Window::parse(s) {
        assert!(w.start <= w.end);
        assert!((1900..=2100).contains(&w.start) && (1900..=2100).contains(&w.end));
        assert_eq!(
            Window::parse(&w.to_string()),
            Ok(w),
            "window does not round-trip"
        );
        let _ = w.previous();
        let _ = Window::five_year_periods(w.start, w.end);
    }
    if let Some(c) = Category::parse(s) {
        assert_eq!(Category::parse(c.sipri_name()), Some(c));
    }
    let rel = armsflow_fuzz::synthetic_release();
    let p = Params::parse(s);
    let _ = p.filter(rel);
    let _ = p.window_required("from");
    let _ = p.direction(engine::Direction::Imports);
    let _ = p.limit("limit", 10, 100);
    let _ = p.entity(rel, "country");
    let _ = p.release();
    if let Ok(id) = resolve_entity(rel, s) {
        assert!((id as usize) < rel.entities.len());
    }
    assert!(search(rel, s, 10).len() <= 10);
});

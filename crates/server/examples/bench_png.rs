//! Benchmark of the journalist's kit's PNG export (issue #13: "a PNG export
//! of a 1,440 px chart renders in under 50 ms server-side"). Times, per
//! chart, the whole export as the handler does it — page rebuilt, chart cut
//! out and framed, rendered by resvg, PNG-encoded — and the render alone.
//! The response cache is not involved (it would answer repeats from memory).
//!
//!   cargo run --release -p armsflow-server --example bench_png -- [DATA_DIR] [RUNS]
//!
//! Without DATA_DIR (or with an empty one) it runs on the SYNTHETIC demo.
//! Recorded in docs/benchmarks.md.

use server::kit::{Target, document, export, png};
use server::pages::Ctx;
use server::params::Params;
use std::sync::Arc;
use std::time::Instant;

fn stats(mut ms: Vec<f64>) -> String {
    ms.sort_by(f64::total_cmp);
    let q = |p: f64| ms[((ms.len() - 1) as f64 * p).round() as usize];
    format!(
        "median {:6.1} ms  p95 {:6.1} ms  min {:6.1} ms  max {:6.1} ms",
        q(0.5),
        q(0.95),
        ms[0],
        ms[ms.len() - 1]
    )
}

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args.next().map(std::path::PathBuf::from);
    let runs: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(50);
    let tmp = tempfile_dir();
    let dir = dir.unwrap_or_else(|| tmp.clone());
    let st = Arc::new(
        server::AppState::open(&dir, None, server::Limits::default()).expect("data dir opens"),
    );
    let rel = st.pick(None).expect("a release");
    println!(
        "release {}{}; {runs} runs per chart, PNG width {} px",
        rel.meta.id,
        if rel.meta.synthetic {
            " (SYNTHETIC)"
        } else {
            ""
        },
        png::DEFAULT_WIDTH
    );
    for (target, chart) in [
        (Target::Country("KAZ".into()), "supplier-chart"),
        (Target::Country("KAZ".into()), "concentration-chart"),
        (Target::Supplier("RUS".into()), "customers-chart"),
        (Target::World, "exporters-chart"),
    ] {
        let ctx = Ctx {
            st: st.clone(),
            rel: rel.clone(),
            pinned: None,
            p: Params::parse("period=2020-2024"),
            path: target.page_path(),
            cancel: Default::default(),
            lang: Default::default(),
        };
        let (svg, _, title) = export::find_chart(&ctx, &target, chart).expect("chart on its page");
        let scope = export::scope_of(&ctx, &target, chart);
        let doc = document::standalone(
            &rel,
            ctx.lang,
            &svg,
            &document::Frame {
                title: &title,
                scope: &scope,
            },
        )
        .expect("a document");
        // Warm-up: font database, page caches.
        let _ = export::make(&ctx, &target, chart, export::Format::Png).expect("export");
        let mut whole = Vec::with_capacity(runs);
        let mut render = Vec::with_capacity(runs);
        let mut bytes = 0;
        for _ in 0..runs {
            let t = Instant::now();
            let f = export::make(&ctx, &target, chart, export::Format::Png).expect("export");
            whole.push(t.elapsed().as_secs_f64() * 1e3);
            bytes = f.bytes.len();
            let t = Instant::now();
            let p = png::render(&doc, png::DEFAULT_WIDTH).expect("render");
            render.push(t.elapsed().as_secs_f64() * 1e3);
            assert_eq!(png::png_size(&p).map(|s| s.0), Some(png::DEFAULT_WIDTH));
        }
        let label = format!("{}/{chart}", target.page_path());
        println!(
            "{label:<32} whole export: {}  ({bytes} bytes)",
            stats(whole)
        );
        println!("{:<32} render+encode: {}", "", stats(render));
    }
}

/// An empty data dir: the server then serves its SYNTHETIC demo.
fn tempfile_dir() -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("armsflow-bench-png-{}", std::process::id()));
    std::fs::create_dir_all(&d).expect("temp dir");
    d
}

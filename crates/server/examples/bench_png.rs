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

/// CPU time of this thread, in ms: what the work costs, apart from waiting
/// for a core on a shared machine.
fn cpu_ms() -> f64 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime only writes the struct we pass.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    ts.tv_sec as f64 * 1e3 + ts.tv_nsec as f64 / 1e6
}

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
    let dir = dir
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or_else(|| tmp.clone());
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
        let (mut whole_cpu, mut render_cpu) = (Vec::new(), Vec::new());
        let mut bytes = 0;
        for _ in 0..runs {
            let (t, c) = (Instant::now(), cpu_ms());
            let f = export::make(&ctx, &target, chart, export::Format::Png).expect("export");
            whole.push(t.elapsed().as_secs_f64() * 1e3);
            whole_cpu.push(cpu_ms() - c);
            bytes = f.bytes.len();
            let (t, c) = (Instant::now(), cpu_ms());
            let p = png::render(&doc, png::DEFAULT_WIDTH).expect("render");
            render.push(t.elapsed().as_secs_f64() * 1e3);
            render_cpu.push(cpu_ms() - c);
            assert_eq!(png::png_size(&p).map(|s| s.0), Some(png::DEFAULT_WIDTH));
        }
        let (mut parse, mut raster, mut encode) = (Vec::new(), Vec::new(), Vec::new());
        for _ in 0..runs {
            let (a, b, c) = png::phases(&doc, png::DEFAULT_WIDTH);
            parse.push(a);
            raster.push(b);
            encode.push(c);
        }
        let label = format!("{}/{chart}", target.page_path());
        println!("{label} ({bytes} bytes)");
        println!("  whole export, CPU:   {}", stats(whole_cpu));
        println!("  whole export, wall:  {}", stats(whole));
        println!("  render+encode, CPU:  {}", stats(render_cpu));
        println!("  render+encode, wall: {}", stats(render));
        println!("    parse, wall:       {}", stats(parse));
        println!("    raster, wall:      {}", stats(raster));
        println!("    encode, wall:      {}", stats(encode));
    }
    let _ = std::fs::remove_dir_all(&tmp);
}

/// An empty data dir: the server then serves its SYNTHETIC demo.
fn tempfile_dir() -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("armsflow-bench-png-{}", std::process::id()));
    std::fs::create_dir_all(&d).expect("temp dir");
    d
}

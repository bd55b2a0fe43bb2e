// Temporary local bench (not committed).
fn main() {
    let path = std::env::args().nth(1).unwrap();
    let n: usize = std::env::args()
        .nth(2)
        .map(|s| s.parse().unwrap())
        .unwrap_or(50);
    let t = std::time::Instant::now();
    let _ = sipri::names::Resolver::builtin();
    if std::env::var_os("RES").is_some() {
        eprintln!("resolver {:.3} ms", t.elapsed().as_secs_f64() * 1e3);
    }
    let bytes = std::fs::read(&path).unwrap();
    let opts = sipri::ReadOptions {
        file_name: path.clone(),
        skip_bad_rows: false,
    };
    let mut best = f64::MAX;
    let mut tot = 0.0;
    for _ in 0..n {
        let t = std::time::Instant::now();
        let r = sipri::read(&bytes, &opts).unwrap();
        let dt = t.elapsed().as_secs_f64() * 1e3;
        std::hint::black_box(&r);
        drop(r);
        if best == f64::MAX {
            println!("first {dt:.3} ms");
        }
        best = best.min(dt);
        tot += dt;
    }
    println!("best {best:.3} ms  mean {:.3} ms", tot / n as f64);
}

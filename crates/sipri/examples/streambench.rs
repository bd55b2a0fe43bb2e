// Temporary local bench (not committed).
fn main() {
    let path = std::path::PathBuf::from(std::env::args().nth(1).unwrap());
    let opts = sipri::ReadOptions {
        file_name: path.display().to_string(),
        skip_bad_rows: false,
    };
    let dir = std::path::PathBuf::from("/work/bigtmp/p-scratch");
    let t = std::time::Instant::now();
    let s = sipri::stream::stream(&path, &opts, &dir, &|_| {})
        .unwrap()
        .unwrap();
    let t1 = t.elapsed().as_secs_f64();
    let sipri::stream::Streamed {
        mut flows,
        mut deals,
        ..
    } = s;
    let mut n = 0;
    while let Some(b) = flows.next_batch(1 << 16).unwrap() {
        n += b.len();
    }
    let t2 = t.elapsed().as_secs_f64();
    let mut d = 0;
    while let Some(b) = deals.next_batch(1 << 14).unwrap() {
        d += b.len();
    }
    let t3 = t.elapsed().as_secs_f64();
    let _ = std::fs::remove_dir_all(&dir);
    println!(
        "stream(pass1+2) {t1:.3}s flows {:.3}s deals {:.3}s ({n} flows, {d} deals)",
        t2 - t1,
        t3 - t2
    );
}

#[test]
#[ignore]
fn perf() {
    let scale: u32 = std::env::var("SCALE").ok().and_then(|s| s.parse().ok()).unwrap_or(20);
    let mut buf = Vec::new();
    let t = std::time::Instant::now();
    sipri::synth::write_register(&mut buf, scale, 7).unwrap();
    println!("gen {} MB in {:?}", buf.len() / 1_000_000, t.elapsed());
    let t = std::time::Instant::now();
    let (rel, rep) = sipri::read(&buf, &sipri::ReadOptions::default()).unwrap();
    println!("read {} rows {} deals in {:?}; unresolved {:?}; synthetic {}", rep.rows_read, rep.deals, t.elapsed(), rep.unresolved.len(), rel.meta.synthetic);
}

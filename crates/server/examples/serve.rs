//! Development aid: `cargo run -p armsflow-server --example serve -- DATA_DIR [ADDR] [IMPORT_FILE]`
//! serves a data dir (importing a file into it first, if given) without the CLI.

#[tokio::main]
async fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args
        .next()
        .expect("usage: serve DATA_DIR [ADDR] [IMPORT_FILE]");
    let addr = args.next();
    if let Some(file) = args.next() {
        let bytes = std::fs::read(&file).expect("read file");
        let opts = sipri::ReadOptions {
            file_name: file.clone(),
            ..Default::default()
        };
        let (rel, report) = sipri::read(&bytes, &opts).expect("readable SIPRI file");
        store::Store::open(&dir)
            .unwrap()
            .put(&rel, &report)
            .expect("stored");
    }
    let mut cfg = server::ServeConfig::new(dir);
    if let Some(a) = addr {
        cfg.bind = a.parse().expect("ADDR as host:port");
    }
    let srv = server::bind(cfg).await.expect("bind");
    println!("serving on {}", srv.url());
    srv.run().await.expect("serve");
}

//! Shared checks for the fuzz targets: each reader of outside input must return
//! `Ok` or `Err` for any bytes, never panic, and what it returns must hold
//! together (the invariants below are what the store and the engine rely on).

use model::{ImportReport, NO_DEAL, Release};
use sipri::{ReadOptions, read};

/// Preamble + header of each layout, so that targets can also fuzz the body of a
/// file that is already past format detection. SYNTHETIC, hand-written.
pub const REGISTER_HEAD: &str = "Transfers of major conventional arms. SYNTHETIC fuzz prefix\n\
Source: SIPRI Arms Transfers Database (c) SIPRI.\n\
Data generated: 1 Jan 2001 1:02:03 PM\n\
SIPRI AT Database ID,Supplier,Recipient,Designation,Description,Armament category,Order date,\
Order date is estimate,Numbers delivered,Numbers delivered is estimate,Delivery year,\
Delivery year is estimate,Status,SIPRI estimate,TIV deal unit,TIV delivery values,Local production\n";

pub const LEGACY_HEAD: &str = "Transfers of major conventional arms. SYNTHETIC fuzz prefix\n\
Source: SIPRI Arms Transfers Database (c) SIPRI.\n\
Data generated: 2 Feb 2002 10:02:49 AM\n\
Recipient,Supplier,Year of order, ,Number ordered, ,Weapon designation,Weapon description,\
Number delivered, ,Year(s) of delivery,status,Comments,SIPRI TIV per unit,\
SIPRI TIV for total order,SIPRI TIV of delivered weapons\n";

pub const IMPORT_TABLE_HEAD: &str = "Volume of transfers of major arms\n\
Source: SIPRI Arms Transfers Database (c) SIPRI.\n\
Data generated: 3 Mar 2003 12:33:29 PM\n\n\
Recipient,2000,2001,2002,2000-2002,Percentage,Sum total years,Percentage of total\n";

pub const EXPORT_TABLE_HEAD: &str = "Volume of transfers of major arms\n\
Source: SIPRI Arms Transfers Database (c) SIPRI.\n\
Data generated: 3 Mar 2003 12:33:29 PM\n\n\
Exports by,2000,2001,2002,2000-2002,Percentage,Sum total years,Percentage of total\n";

pub const SUPPLIER_TABLE_HEAD: &str = "\"TIV of arms exports from Atlantis, 2000-2002\",,,,,\n\
Source: SIPRI Arms Transfers Database,,,,,\n\
Generated: 4 April 2004,,,,,\n\
,,,,,\n\
,2000,2001,2002,Total\n";

/// Reads `bytes` as-is (both with and without skipping bad rows) and, after
/// `head`, as the body of a file of that layout.
pub fn check_reader(head: &str, bytes: &[u8]) {
    let strict = read_checked(bytes, false);
    let lenient = read_checked(bytes, true);
    same_in_chunks(bytes);
    if let Ok(text) = std::str::from_utf8(bytes) {
        for line in text.lines() {
            let line = line.strip_suffix(';').unwrap_or(line);
            assert!(sipri::fast_row_agrees(line), "fast row parse disagrees: {line:?}");
        }
    }
    if let Some((rel, rep)) = strict {
        assert!(rep.rejected.is_empty(), "strict read rejected rows");
        let (rel2, rep2) = lenient.expect("strict read succeeded but lenient failed");
        assert_eq!(rel.flows, rel2.flows, "skip_bad_rows changed a clean read");
        assert_eq!(rep.rows_read, rep2.rows_read);
    }
    let mut body = Vec::with_capacity(head.len() + bytes.len());
    body.extend_from_slice(head.as_bytes());
    body.extend_from_slice(bytes);
    read_checked(&body, true);
}

/// The whole-file reader parses the current register in chunks on several
/// threads; where the chunks fall must not change the release, the report or
/// the first error (one chunk, one thread is the reference).
fn same_in_chunks(bytes: &[u8]) {
    for skip_bad_rows in [false, true] {
        let opts = ReadOptions {
            file_name: "fuzz.csv".to_string(),
            skip_bad_rows,
        };
        let one = sipri::read_chunked(bytes, &opts, usize::MAX);
        let small = sipri::read_chunked(bytes, &opts, 16);
        match (&one, &small) {
            (Ok(a), Ok(b)) => assert!(a == b, "chunked read differs (skip {skip_bad_rows})"),
            (Err(a), Err(b)) => assert_eq!(a, b, "chunked read fails differently"),
            _ => panic!("one chunk and small chunks disagree on success (skip {skip_bad_rows})"),
        }
    }
}

fn read_checked(bytes: &[u8], skip_bad_rows: bool) -> Option<(Release, ImportReport)> {
    let opts = ReadOptions {
        file_name: "fuzz.csv".to_string(),
        skip_bad_rows,
    };
    match read(bytes, &opts) {
        Ok((rel, rep)) => {
            check_release(&rel, &rep);
            assert_eq!(
                sipri::detect(bytes),
                Some(rel.meta.format),
                "detect disagrees with read"
            );
            Some((rel, rep))
        }
        Err(e) => {
            assert!(e.line >= 1, "error without a line: {e}");
            assert!(!e.reason.is_empty(), "error without a reason");
            assert_eq!(e.file, "fuzz.csv");
            None
        }
    }
}

/// What every successfully read release must satisfy.
pub fn check_release(rel: &Release, rep: &ImportReport) {
    let f = &rel.flows;
    assert!(f.is_consistent(), "ragged flow columns");
    let n_ent = rel.entities.len() as u64;
    for i in 0..f.len() {
        assert!((f.supplier[i] as u64) < n_ent && (f.recipient[i] as u64) < n_ent);
        assert!(f.deal[i] == NO_DEAL || (f.deal[i] as usize) < rel.deals.len());
        assert!(
            f.tiv[i].is_finite() && f.tiv[i] >= 0.0,
            "bad tiv {}",
            f.tiv[i]
        );
        assert!((1900..=2100).contains(&f.year[i]), "bad year {}", f.year[i]);
    }
    for d in &rel.deals {
        assert!((d.supplier as u64) < n_ent && (d.recipient as u64) < n_ent);
    }
    assert!(
        rep.rejected.len() as u64 <= rep.rows_read,
        "more rejections than rows"
    );
    assert_eq!(rep.rows_imported + rep.rejected.len() as u64, rep.rows_read);
    assert_eq!(rep.flows, f.len() as u64);
    assert_eq!(rep.entities, n_ent);
    assert_eq!(rep.deals, rel.deals.len() as u64);
    // The id becomes a directory name in the store: keep it safe.
    let id = &rel.meta.id;
    assert!(
        !id.is_empty()
            && !id.starts_with('.')
            && id
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.')),
        "unsafe release id {id:?}"
    );
    if let (Some(a), Some(b)) = (rel.meta.first_year, rel.meta.last_year) {
        assert!(a <= b);
    }
}

/// A small SYNTHETIC release (the generator's first rows) for targets that
/// evaluate parsed input against data: claims, groups, query parameters.
pub fn synthetic_release() -> &'static Release {
    static REL: std::sync::OnceLock<Release> = std::sync::OnceLock::new();
    REL.get_or_init(|| {
        let mut buf = Vec::new();
        sipri::synth::write_register(&mut buf, 1, 8).expect("generate");
        let text = String::from_utf8(buf).expect("generator writes UTF-8");
        let cut: String = text.lines().take(3000).flat_map(|l| [l, "\n"]).collect();
        let opts = ReadOptions {
            file_name: "synthetic.csv".into(),
            skip_bad_rows: false,
        };
        read(cut.as_bytes(), &opts)
            .expect("generator output reads")
            .0
    })
}

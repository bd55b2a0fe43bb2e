//! Messages quote cells, and cells can be huge (hostile-files probe 32: a
//! 5 MB description made a 5 MB error, on the terminal and in the report).
//! A file whose size changes while it is read is refused.

use crate::regression::{GOOD, opts, reg};
use sipri::{ReadOptions, read};

/// Deal 1's two rows, the second with a description of `n` characters.
fn two_rows(n: usize) -> String {
    let long = "x".repeat(n);
    let second = "1,Russia,Kazakhstan,X,LONG,Armoured vehicles,2019,Yes,2,No,2021,No,New,1,1,2,No"
        .replace("LONG", &long);
    reg(&[GOOD, &second])
}

#[test]
fn a_contradicting_huge_cell_is_quoted_in_part() {
    let file = two_rows(5 << 20);
    let err = read(file.as_bytes(), &opts()).unwrap_err().to_string();
    assert!(err.contains("contradicts its row"), "{}", &err[..300]);
    assert!(err.len() < 3000, "{} bytes", err.len());
    assert!(
        err.contains(&format!("{} more characters", (5 << 20) - 200)),
        "{err}"
    );
    let skip = ReadOptions {
        skip_bad_rows: true,
        ..opts()
    };
    let (_, report) = read(file.as_bytes(), &skip).unwrap();
    assert_eq!(report.rejected.len(), 1);
    assert!(report.rejected[0].reason.len() < 3000);
}

#[test]
fn a_short_cell_is_quoted_whole() {
    let err = read(two_rows(150).as_bytes(), &opts())
        .unwrap_err()
        .to_string();
    assert!(
        err.contains(&format!("'{}' here", "x".repeat(150))),
        "{err}"
    );
    assert!(!err.contains("more characters"), "{err}");
}

#[test]
fn a_file_grown_while_read_is_refused() {
    let path = std::env::temp_dir().join(format!("armsflow-grown-{}.csv", std::process::id()));
    std::fs::write(&path, reg(&[GOOD])).unwrap();
    let file = std::fs::File::open(&path).unwrap();
    let before = file.metadata().unwrap();
    assert!(sipri::stream::unchanged(&file, &before).is_ok());
    let mut w = std::fs::OpenOptions::new()
        .append(true)
        .open(&path)
        .unwrap();
    std::io::Write::write_all(&mut w, b"\n").unwrap();
    let err = sipri::stream::unchanged(&file, &before).unwrap_err();
    assert!(
        err.to_string().contains("changed while it was being read"),
        "{err}"
    );
    let _ = std::fs::remove_file(&path);
}

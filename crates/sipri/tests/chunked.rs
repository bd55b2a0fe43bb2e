//! The whole-file reader parses the current register in chunks on several
//! threads and merges them in file order: the release, the report (warnings,
//! rejected rows and their order) and the first error must not depend on
//! where the chunks fall, down to one line per chunk.

use crate::stream::hostile;
use model::{ImportReport, Release};
use proptest::prelude::*;
use sipri::{ReadError, ReadOptions};

type Read = Result<(Release, ImportReport), ReadError>;

fn read(bytes: &[u8], skip: bool, chunk: usize) -> Read {
    let opts = ReadOptions {
        file_name: "dir/register.csv".into(),
        skip_bad_rows: skip,
    };
    sipri::read_chunked(bytes, &opts, chunk)
}

fn assert_same(one: &Read, other: &Read, what: &str) {
    match (one, other) {
        (Ok((a, ra)), Ok((b, rb))) => {
            assert_eq!(a.meta, b.meta, "{what}: meta");
            assert_eq!(a.entities, b.entities, "{what}: entities");
            assert_eq!(a.deals.len(), b.deals.len(), "{what}: deal count");
            for (i, (x, y)) in a.deals.iter().zip(&b.deals).enumerate() {
                assert_eq!(x, y, "{what}: deal {i}");
            }
            assert!(a.flows == b.flows, "{what}: flows");
            assert!(a == b, "{what}: release");
            // Exact, tiv_total included: the merge adds in file order.
            assert_eq!(ra, rb, "{what}: report");
        }
        (Err(a), Err(b)) => assert_eq!(a, b, "{what}: error"),
        _ => panic!(
            "{what}: one chunk {:?} / chunked {:?}",
            one.as_ref().map(|x| &x.1),
            other.as_ref().map(|x| &x.1)
        ),
    }
}

/// Reads `bytes` in one chunk and in chunks of each of `sizes` bytes, with
/// and without skipping bad rows; all must agree. Returns the one-chunk
/// results (skipping, not skipping).
fn same_chunked(bytes: &[u8], sizes: &[usize]) -> (Read, Read) {
    let mut out = Vec::new();
    for skip in [true, false] {
        let one = read(bytes, skip, usize::MAX);
        for &size in sizes {
            let what = format!("skip {skip}, chunks of {size} bytes");
            assert_same(&one, &read(bytes, skip, size), &what);
        }
        // The default chunking, as `armsflow import` reads.
        assert_same(&one, &sipri::read(bytes, &opts(skip)), "default");
        out.push(one);
    }
    let not_skipping = out.pop().unwrap();
    (out.pop().unwrap(), not_skipping)
}

fn opts(skip: bool) -> ReadOptions {
    ReadOptions {
        file_name: "dir/register.csv".into(),
        skip_bad_rows: skip,
    }
}

#[test]
fn real_register_reads_the_same_in_any_chunks() {
    let Some(bytes) = testkit::shared_bytes(
        "real_register_reads_the_same_in_any_chunks",
        testkit::REGISTER_2026,
    ) else {
        return;
    };
    let (skipping, strict) = same_chunked(&bytes, &[1, 4096, 64 << 10]);
    let r = strict.expect("the register imports").1;
    assert!(r.flows > 20_000 && r.rejected.is_empty(), "{r:?}");
    assert_eq!(skipping.expect("imports").1, r);
}

/// `bytes` with every line end replaced by `nl`.
fn line_ends(bytes: &[u8], nl: &[u8]) -> Vec<u8> {
    let mut v = Vec::with_capacity(bytes.len() * 2);
    for &b in bytes {
        if b == b'\n' {
            v.extend_from_slice(nl);
        } else {
            v.push(b);
        }
    }
    v
}

#[test]
fn hostile_registers_read_the_same_in_any_chunks() {
    let bytes = hostile(11);
    let sizes = [1, 333, 8 << 10];
    let (skipping, strict) = same_chunked(&bytes, &sizes);
    let r = skipping.expect("imports with skipping").1;
    assert!(r.rejected.len() >= 9, "{:?}", r.rejected);
    assert!(strict.is_err());

    // CRLF, bare CR (turned into LF lines), BOM.
    for (what, variant) in [
        ("crlf", line_ends(&bytes, b"\r\n")),
        ("cr", line_ends(&bytes, b"\r")),
        ("bom", [b"\xEF\xBB\xBF".as_slice(), &bytes].concat()),
    ] {
        let (s, _) = same_chunked(&variant, &sizes);
        let rs = s.unwrap_or_else(|e| panic!("{what}: {e}")).1;
        assert_eq!(rs.rejected.len(), r.rejected.len(), "{what}");
    }
    // Latin-1: the file in Windows-1252 (the synthetic title's dash too),
    // and one byte that is not UTF-8. (One such byte in a UTF-8 file is a
    // mixed file, refused: regression::mixed_utf8_and_latin1_is_refused.)
    let text = String::from_utf8(bytes.clone()).unwrap();
    let mut latin = encoding_rs::WINDOWS_1252.encode(&text).0.into_owned();
    let pos = latin.len() / 3;
    let nl = pos + latin[pos..].iter().position(|&b| b == b'\n').unwrap();
    latin.splice(nl - 1..nl - 1, [b'x', 0xFC]);
    let (s, _) = same_chunked(&latin, &sizes);
    assert_eq!(s.expect("latin-1").1.encoding, "latin-1");
    // UTF-16LE with a BOM, as Excel's "Unicode text" writes it.
    let text = String::from_utf8(bytes.clone()).unwrap();
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let (s, _) = same_chunked(&utf16, &sizes);
    assert_eq!(s.expect("utf-16").1.encoding, "utf-16le");
}

/// A small clean synthetic register, as lines.
fn clean_lines() -> (Vec<String>, usize) {
    let mut v = Vec::new();
    sipri::synth::write_register(&mut v, 1, 3).unwrap();
    let text = String::from_utf8(v).unwrap();
    let lines: Vec<String> = text.lines().take(400).map(str::to_string).collect();
    let header = lines
        .iter()
        .position(|l| l.starts_with("SIPRI AT"))
        .unwrap();
    (lines, header)
}

#[test]
fn first_error_in_a_later_chunk_is_the_same() {
    let (mut lines, header) = clean_lines();
    let n = lines.len();
    // A bad id late in the file, and a contradiction of a deal whose first
    // row lies chunks earlier (the previous row, repeated with another TIV).
    let row = lines[n - 40].clone();
    let mut f: Vec<&str> = row.split(',').collect();
    f[15] = "123.25";
    let contradiction = f.join(",");
    lines.insert(n - 10, "x1,a,b".into());
    lines.insert(n - 20, contradiction);
    // A quoted cell with a line break: the register has no quoting, so these
    // are two physical lines (both bad), wherever the chunks fall.
    lines.insert(header + 50, "55238,\"Russia\n\",Iran".into());
    let bytes = (lines.join("\n") + "\n").into_bytes();
    let (skipping, strict) = same_chunked(&bytes, &[1, 50, 1000, 4096]);
    let e = strict.expect_err("a bad row");
    assert_eq!(e.line as usize, header + 51, "{e}");
    let r = skipping.expect("imports").1;
    assert!(r.rejected.len() >= 4, "{:?}", r.rejected);
    // Header only: the same error however it is chunked.
    let only = (lines[..=header].join("\n") + "\n").into_bytes();
    let (a, b) = same_chunked(&only, &[1, 7]);
    assert!(a.is_err() && b.is_err());
}

/// The register reader counts lines chunk by chunk (no count of the whole
/// file before parsing): the report still gives the file's physical lines,
/// with or without a last line end, with blank lines, with CRLF.
#[test]
fn line_count_is_the_files() {
    let (mut lines, header) = clean_lines();
    lines.insert(header + 3, String::new());
    let body = lines.join("\n");
    for (what, text) in [
        ("terminated", body.clone() + "\n"),
        ("last line cut", body.clone()),
        ("trailing blank lines", body.clone() + "\n\n\n"),
        ("crlf", body.replace('\n', "\r\n") + "\r\n"),
    ] {
        let expected =
            text.bytes().filter(|&b| b == b'\n').count() as u64 + u64::from(!text.ends_with('\n'));
        for chunk in [1, 300, usize::MAX] {
            let (_, r) = read(text.as_bytes(), true, chunk).expect(what);
            assert_eq!(r.lines, expected, "{what}, chunks of {chunk}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Lines dropped, repeated, blanked or cut anywhere, in any chunk size:
    /// the same result as one chunk.
    #[test]
    fn mangled_registers_read_the_same_in_any_chunks(
        edits in proptest::collection::vec((0usize..400, 0u8..5), 0..12),
        size in 1usize..3000,
        crlf: bool,
    ) {
        let (mut lines, header) = clean_lines();
        for (at, op) in edits {
            let at = header + 1 + at % (lines.len() - header - 1);
            match op {
                0 => { lines.remove(at); }
                1 => { let l = lines[at].clone(); lines.insert(at, l); }
                2 => lines[at] = ",,;".into(),
                3 => {
                    let l = lines[at].clone();
                    let cut = (0..=l.len() / 2).rev().find(|&k| l.is_char_boundary(k)).unwrap_or(0);
                    lines[at] = l[..cut].to_string();
                }
                _ => { let l = lines[at - 1].replace(",No,", ",Yes,"); lines.insert(at, l); }
            }
        }
        let nl = if crlf { "\r\n" } else { "\n" };
        let bytes = lines.join(nl).into_bytes();
        for skip in [true, false] {
            let one = read(&bytes, skip, usize::MAX);
            assert_same(&one, &read(&bytes, skip, size), "proptest");
        }
    }
}

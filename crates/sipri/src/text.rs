//! Bytes → text: encoding, BOM, physical lines and fields.
//!
//! SIPRI files never quote fields (except the title of legacy per-supplier tables),
//! so a plain split on `,` is exact and lets the readers run without allocating
//! per field.

use std::borrow::Cow;

/// The decoded file and what encoding it was in.
pub struct Decoded<'a> {
    pub text: Cow<'a, str>,
    /// `utf-8`, `latin-1` (decoded as Windows-1252, its superset in practice),
    /// `utf-16le` or `utf-16be`.
    pub encoding: &'static str,
    /// Lines were ended by a bare CR (classic Mac), now turned into LF.
    pub cr_only: bool,
}

/// Bytes → text. Files whose magic bytes name another format (gzip, zip/xlsx,
/// PDF, an HTML page, …) are refused with the fix; UTF-16 (with or without a
/// BOM, as Excel's "Unicode text" writes it) is decoded; else UTF-8 when the
/// bytes are valid UTF-8 (BOM stripped), else Latin-1/Windows-1252. A NUL byte
/// in the first 64 KiB of 8-bit text means binary data. Errors carry the
/// 1-based line. (Later NULs cannot pass as text either: they fail field
/// parsing.) Lines ended by a bare CR are turned into LF lines.
pub fn decode(bytes: &[u8]) -> Result<Decoded<'_>, (u64, String)> {
    if let Some(reason) = crate::sniff::foreign_format(bytes) {
        return Err((1, reason));
    }
    let decoded = if let Some(order) = crate::sniff::utf16(bytes) {
        decode_utf16(bytes, order)?
    } else {
        let head = &bytes[..bytes.len().min(64 * 1024)];
        if let Some(pos) = head.iter().position(|&b| b == 0) {
            let line = 1 + bytes[..pos].iter().filter(|&&b| b == b'\n').count() as u64;
            return Err((
                line,
                "binary data (NUL byte), not a SIPRI CSV export".to_string(),
            ));
        }
        let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        match std::str::from_utf8(body) {
            Ok(s) => Decoded {
                text: Cow::Borrowed(s),
                encoding: "utf-8",
                cr_only: false,
            },
            Err(_) => {
                let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(body);
                Decoded {
                    text,
                    encoding: "latin-1",
                    cr_only: false,
                }
            }
        }
    };
    Ok(fix_cr_only(decoded))
}

/// Why a file read as Latin-1 (it is not valid UTF-8) is refused when it
/// holds a well-formed UTF-8 multi-byte sequence: it mixes two encodings,
/// and read as Latin-1 its UTF-8 names become mojibake ("TÃ¼rkiye"), other
/// entities than the ones meant (regression: one stray Latin-1 byte turned
/// every UTF-8 name of the file so). SIPRI's Latin-1 files hold no such
/// sequence ("Ã¼" is no plausible Latin-1 text).
pub const MIXED_ENCODING: &str = "this line is UTF-8 but the file also holds bytes that are \
    not: it mixes two encodings, so names with accents would be misread (re-save it in one encoding)";

/// The 1-based line (counted from `first_line`) of the first well-formed
/// UTF-8 multi-byte sequence in `bytes`; a UTF-8 BOM at the start of the
/// file is not one.
pub fn utf8_sequence(bytes: &[u8], first_line: u64) -> Option<u64> {
    let skip = if first_line == 1 && bytes.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    };
    let at = (skip..bytes.len()).find(|&i| {
        let n = match bytes[i] {
            0xC2..=0xDF => 2,
            0xE0..=0xEF => 3,
            0xF0..=0xF4 => 4,
            _ => return false,
        };
        bytes
            .get(i..i + n)
            .is_some_and(|s| std::str::from_utf8(s).is_ok())
    })?;
    Some(first_line + bytes[..at].iter().filter(|&&b| b == b'\n').count() as u64)
}

fn decode_utf16(bytes: &[u8], order: crate::sniff::Utf16) -> Result<Decoded<'_>, (u64, String)> {
    use crate::sniff::Utf16;
    let (enc, name, bom) = match order {
        Utf16::Le { bom } => (encoding_rs::UTF_16LE, "utf-16le", bom),
        Utf16::Be { bom } => (encoding_rs::UTF_16BE, "utf-16be", bom),
    };
    let body = if bom { &bytes[2..] } else { bytes };
    let (text, had_errors) = enc.decode_without_bom_handling(body);
    if had_errors {
        let upto = text.find('\u{FFFD}').unwrap_or(text.len());
        let line = 1 + text[..upto].matches('\n').count() as u64;
        return Err((
            line,
            format!(
                "invalid {name} text (odd length or broken surrogate pair): re-save the \
                 file as CSV UTF-8"
            ),
        ));
    }
    if let Some(pos) = text.find('\0') {
        let line = 1 + text[..pos].matches('\n').count() as u64;
        return Err((
            line,
            "binary data (NUL character), not a SIPRI CSV export".into(),
        ));
    }
    Ok(Decoded {
        text: Cow::Owned(text.into_owned()),
        encoding: name,
        cr_only: false,
    })
}

/// Text with CR line ends and no LF at all (classic Mac) would be one long
/// line: turn each CR into LF so that lines and their numbers are right.
fn fix_cr_only(d: Decoded<'_>) -> Decoded<'_> {
    if d.text.contains('\n') || !d.text.contains('\r') {
        return d;
    }
    Decoded {
        text: Cow::Owned(d.text.replace('\r', "\n")),
        encoding: d.encoding,
        cr_only: true,
    }
}

/// Physical lines in the file, counting a last line without a newline.
pub fn count_lines(text: &str) -> u64 {
    // memchr's counter is SIMD; a plain filter-count is not vectorised well.
    let n = memchr::memchr_iter(b'\n', text.as_bytes()).count() as u64;
    n + u64::from(!text.is_empty() && !text.ends_with('\n'))
}

/// One physical line: 1-based number, content without line end, and whether
/// the line was terminated by a newline (false only for a last, cut-off line).
#[derive(Debug, Clone, Copy)]
pub struct Line<'a> {
    pub no: u64,
    pub text: &'a str,
    pub terminated: bool,
}

/// Iterates physical lines; strips `\r\n`/`\n`.
pub struct Lines<'a> {
    rest: &'a str,
    no: u64,
}

impl<'a> Lines<'a> {
    pub fn new(text: &'a str) -> Self {
        Lines { rest: text, no: 0 }
    }
    /// Lines returned so far.
    pub fn read(&self) -> u64 {
        self.no
    }
    /// The text after them.
    pub fn rest(&self) -> &'a str {
        self.rest
    }
}

impl<'a> Iterator for Lines<'a> {
    type Item = Line<'a>;
    fn next(&mut self) -> Option<Line<'a>> {
        if self.rest.is_empty() {
            return None;
        }
        self.no += 1;
        let (line, terminated) = match memchr::memchr(b'\n', self.rest.as_bytes()) {
            Some(i) => {
                let l = &self.rest[..i];
                self.rest = &self.rest[i + 1..];
                (l, true)
            }
            None => {
                let l = self.rest;
                self.rest = "";
                (l, false)
            }
        };
        let line = line.strip_suffix('\r').unwrap_or(line);
        Some(Line {
            no: self.no,
            text: line,
            terminated,
        })
    }
}

/// Only printable ASCII: nothing for [`clean_controls`] to replace.
pub fn printable_ascii(s: &str) -> bool {
    s.bytes().all(|b| (0x20..0x7f).contains(&b))
}

/// `s` with every control character (terminal escape codes, bells, stray
/// CRs, tabs, C1 codes) and bidirectional-override character replaced by
/// U+FFFD, and how many were replaced. No SIPRI name or text holds one; a
/// hostile file could use them to drive the terminal, or reorder the text of
/// the page, its names are shown on.
pub fn clean_controls(s: &str) -> (Cow<'_, str>, usize) {
    // Printable ASCII holds none (the common case: a byte test, no decoding).
    if printable_ascii(s) {
        return (Cow::Borrowed(s), 0);
    }
    let n = s.chars().filter(|&c| is_unsafe_char(c)).count();
    if n == 0 {
        return (Cow::Borrowed(s), 0);
    }
    let cleaned = s
        .chars()
        .map(|c| if is_unsafe_char(c) { '\u{FFFD}' } else { c })
        .collect();
    (Cow::Owned(cleaned), n)
}

/// Control characters (Unicode Cc), the bidirectional embedding, override
/// and isolate characters (U+202A-U+202E, U+2066-U+2069) and the invisible
/// format characters (zero-width space, joiners and marks U+200B-U+200F,
/// word joiner and invisible operators U+2060-U+2064, a BOM U+FEFF inside a
/// cell), and the other characters that print as nothing (soft hyphen,
/// combining grapheme joiner, Arabic letter mark, Mongolian vowel
/// separator): a name holding one prints exactly like another name
/// (regressions: "Austra\u{200B}lia" was a second "Australia" in the
/// output; "Kazakh\u{AD}stan" a second "Kazakhstan", hostile-files probe 32).
pub fn is_unsafe_char(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{AD}'
                | '\u{34F}'
                | '\u{61C}'
                | '\u{180E}'
                | '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{2064}'
                | '\u{2066}'..='\u{2069}'
                | '\u{FEFF}'
        )
}

/// Drops the stray `;`s at the end of a line: the Feb-2026 register ends
/// every line with one, and a copy saved again by a spreadsheet that took
/// each line for one cell of a `;`-separated table ends them in `;;;;`.
/// (No layout's last cell ends in `;`: it is a flag or a number.)
#[inline]
pub fn strip_semicolon(s: &str) -> &str {
    let b = s.as_bytes();
    let mut n = b.len();
    while n > 0 && b[n - 1] == b';' {
        n -= 1;
    }
    // `;` is ASCII: `n` is a char boundary.
    &s[..n]
}

/// Splits `line` on `,` into `out`; returns the number of fields in the line,
/// which may exceed `out.len()` (extra fields are counted, not stored).
/// Eight bytes at a time: a word's commas are found as its zero bytes after
/// an XOR with `,,,,,,,,` (exact, no false positives), so the loop branches
/// once per comma and per word rather than per byte.
pub fn split_fields<'a>(line: &'a str, out: &mut [&'a str]) -> usize {
    const LO: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const COMMAS: u64 = 0x2c2c_2c2c_2c2c_2c2c;
    let bytes = line.as_bytes();
    let cap = out.len();
    let (mut n, mut start) = (0usize, 0usize);
    // `,` is ASCII, so both ends of every field are char boundaries.
    let mut field = |end: usize, n: &mut usize, start: &mut usize| {
        if *n < cap {
            out[*n] = &line[*start..end];
        }
        *n += 1;
        *start = end + 1;
    };
    let mut words = bytes.chunks_exact(8);
    let mut at = 0;
    for w in &mut words {
        let x = u64::from_le_bytes([w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7]]) ^ COMMAS;
        // High bit of each byte set exactly where `x` has a zero byte.
        let mut m = !(((x & LO) + LO) | x | LO);
        while m != 0 {
            field(at + (m.trailing_zeros() / 8) as usize, &mut n, &mut start);
            m &= m - 1;
        }
        at += 8;
    }
    for (j, &b) in words.remainder().iter().enumerate() {
        if b == b',' {
            field(at + j, &mut n, &mut start);
        }
    }
    if n < cap {
        out[n] = &line[start..];
    }
    n + 1
}

/// Splits `line` into its cells as [`split_fields`] does, and reads CSV
/// quotes (RFC 4180) where the line has any: a cell that starts with `"` is
/// the text up to the next `"`, commas included (blanks after the closing
/// quote are dropped; a cell that starts with a blank is read as written). SIPRI's exports hold no quotes
/// (SIPRI writes `;` where a cell would hold a comma), but a file saved
/// again by R's `write.csv`, LibreOffice or a script quotes its text cells.
/// Cells stay slices of the line, so two things are refused with the reason
/// (a bad row, or the file's error): a quote inside a quoted cell (written
/// `""`), and a quoted cell that does not end on its line.
pub fn split_cells<'a>(line: &'a str, out: &mut [&'a str]) -> Result<usize, String> {
    if memchr::memchr(b'"', line.as_bytes()).is_none() {
        return Ok(split_fields(line, out));
    }
    let (mut n, mut at) = (0usize, 0usize);
    loop {
        let rest = &line[at..];
        let (cell, next) = match rest.strip_prefix('"') {
            Some(quoted) => {
                let cell_no = n + 1;
                let Some(close) = memchr::memchr(b'"', quoted.as_bytes()) else {
                    return Err(format!(
                        "cell {cell_no}: a quoted cell does not end on its line (a line break \
                         inside a cell is not supported)"
                    ));
                };
                let after = quoted[close + 1..].trim_start();
                let next = match after.as_bytes().first() {
                    None => None,
                    Some(b',') => Some(line.len() - after.len() + 1),
                    Some(b'"') => {
                        return Err(format!(
                            "cell {cell_no}: a quote inside a quoted cell (\"\") is not supported"
                        ));
                    }
                    Some(_) => {
                        return Err(format!(
                            "cell {cell_no}: text after the closing quote of a quoted cell"
                        ));
                    }
                };
                (&quoted[..close], next)
            }
            None => match memchr::memchr(b',', rest.as_bytes()) {
                Some(k) => (&rest[..k], Some(at + k + 1)),
                None => (rest, None),
            },
        };
        if let Some(slot) = out.get_mut(n) {
            *slot = cell;
        }
        n += 1;
        match next {
            Some(k) => at = k,
            None => return Ok(n),
        }
    }
}

/// [`split_cells`] of a line whose trailing `;`s are already stripped
/// ([`strip_semicolon`]): where the last cell is quoted, the `;` is inside
/// it (`"No;"`: a program that read the Feb-2026 register as CSV kept its
/// stray `;` in the last cell, then quoted the cell), and is dropped there.
pub fn split_cells_semi<'a>(line: &'a str, out: &mut [&'a str]) -> Result<usize, String> {
    let n = split_cells(line, out)?;
    if line.trim_end().ends_with('"')
        && let Some(last) = out.get_mut(n - 1)
    {
        *last = strip_semicolon(last);
    }
    Ok(n)
}

/// All cells of `line`, as [`split_cells`] reads them (for headers and
/// other lines that are not on a hot path).
pub fn cells(line: &str) -> Result<Vec<&str>, String> {
    let mut v = vec![""; 32];
    let n = split_cells(line, &mut v)?;
    if n > v.len() {
        v = vec![""; n];
        split_cells(line, &mut v)?;
    }
    v.truncate(n);
    Ok(v)
}

/// The position of the first `,` in `b`, eight bytes at a time (as in
/// [`split_fields`]): cells are short, and a call costs less than memchr's.
pub fn find_comma(b: &[u8]) -> Option<usize> {
    const LO: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const COMMAS: u64 = 0x2c2c_2c2c_2c2c_2c2c;
    let mut words = b.chunks_exact(8);
    let mut at = 0;
    for w in &mut words {
        let x = u64::from_le_bytes([w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7]]) ^ COMMAS;
        let m = !(((x & LO) + LO) | x | LO);
        if m != 0 {
            return Some(at + (m.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    words
        .remainder()
        .iter()
        .position(|&c| c == b',')
        .map(|j| at + j)
}

/// `s.trim()`, without its Unicode scan when both ends are visibly not
/// whitespace (ASCII other than space and `\t`..=`\r`): SIPRI's cells rarely
/// need trimming and this runs for every cell.
#[inline]
pub fn trim(s: &str) -> &str {
    let plain = |b: u8| b < 0x80 && !matches!(b, b'\t'..=b'\r' | b' ');
    match s.as_bytes() {
        [] => s,
        [f, .., l] if plain(*f) && plain(*l) => s,
        [f] if plain(*f) => s,
        _ => s.trim(),
    }
}

/// True when a line holds nothing but commas, `;` and whitespace, or only
/// empty cells in quotes (`"",""`, as a program that quotes every cell
/// writes an empty row).
#[inline]
pub fn is_blank(line: &str) -> bool {
    let blank = |b: u8| matches!(b, b',' | b';' | b' ' | b'\t');
    match line.bytes().find(|&b| !blank(b)) {
        None => true,
        Some(b'"') => quoted_blank(line),
        Some(_) => false,
    }
}

#[cold]
fn quoted_blank(line: &str) -> bool {
    cells(line).is_ok_and(|c| c.iter().all(|c| c.trim().is_empty()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_utf8_bom_and_latin1() {
        let d = decode(b"\xEF\xBB\xBFabc").unwrap();
        assert_eq!((d.text.as_ref(), d.encoding), ("abc", "utf-8"));
        let d = decode(b"B\xfc-181").unwrap();
        assert_eq!((d.text.as_ref(), d.encoding), ("Bü-181", "latin-1"));
        assert_eq!(decode(b"a\nb\n\0").err().map(|e| e.0), Some(3));
        let d = decode(b"\xff\xfea\0,\0b\0\r\0\n\0").unwrap();
        assert_eq!((d.text.as_ref(), d.encoding), ("a,b\r\n", "utf-16le"));
        let d = decode(b"a,b\rc,d\r").unwrap();
        assert_eq!((d.text.as_ref(), d.cr_only), ("a,b\nc,d\n", true));
    }

    #[test]
    fn lines_and_fields() {
        let v: Vec<_> = Lines::new("a,b;\r\nc\n\nd").collect();
        assert_eq!(v.len(), 4);
        assert_eq!(strip_semicolon(v[0].text), "a,b");
        assert_eq!((v[3].no, v[3].text, v[3].terminated), (4, "d", false));
        assert_eq!(count_lines("a\nb"), 2);
        assert_eq!(count_lines("a\nb\n"), 2);
        let mut f = [""; 2];
        assert_eq!(split_fields("x,y,z", &mut f), 3);
        assert_eq!(f, ["x", "y"]);
        assert!(is_blank(",,, ,"));
        assert!(is_blank(r#""","" , "#));
        assert!(!is_blank(r#""",",""#));
        assert!(is_blank(r#""""#));
        assert!(!is_blank(r#""""""#));
        assert!(!is_blank(",x"));
        for s in [
            "",
            ",",
            "abc",
            "abcdefgh,",
            "abcdefghij,k",
            "é,",
            "ab,cd,ef",
        ] {
            assert_eq!(find_comma(s.as_bytes()), s.find(','), "{s:?}");
        }
        let mut f = [""; 3];
        assert_eq!(split_fields("a,,b,c,d", &mut f), 5);
        assert_eq!(f, ["a", "", "b"]);
        assert_eq!(split_fields("", &mut f), 1);
        assert_eq!(f[0], "");
        let line = ",".repeat(40);
        let mut big = [""; 33];
        assert_eq!(split_fields(&line, &mut big), 41);
        assert_eq!(split_fields(&line, &mut f), 41);
        for s in [
            "",
            " ",
            "a",
            " a",
            "a ",
            "\u{a0}x\u{a0}",
            "x\u{85}",
            "\u{1c}",
            "é ",
        ] {
            assert_eq!(trim(s), s.trim(), "{s:?}");
        }
        assert_eq!(clean_controls("abc ~").1, 0);
        assert_eq!(clean_controls("a\u{7f}b\u{202e}").1, 2);
    }

    #[test]
    fn quoted_cells() {
        fn ok(line: &str) -> Vec<&str> {
            cells(line).unwrap()
        }
        assert_eq!(
            ok(r#"1,"Albania","F-16C, Block 52",,"#),
            ["1", "Albania", "F-16C, Block 52", "", ""]
        );
        assert_eq!(ok(r#""a" , b ,"" "#), ["a", " b ", ""]);
        assert_eq!(ok(r#" "a",b"#), [r#" "a""#, "b"]);
        assert_eq!(ok(r#""a""#), ["a"]);
        assert_eq!(ok(r#"x"y,"z""#), ["x\"y", "z"]);
        let wide = format!("\"a\"{}", ",".repeat(40));
        assert_eq!(ok(&wide).len(), 41);
        let mut f = [""; 2];
        assert_eq!(split_cells(r#""a","b","c""#, &mut f), Ok(3));
        assert_eq!(f, ["a", "b"]);
        fn err(line: &str) -> String {
            cells(line).unwrap_err()
        }
        assert!(err(r#"1,"F-16C"#).starts_with("cell 2: a quoted cell does not end"));
        assert!(err(r#"1,"a""b",2"#).starts_with("cell 2: a quote inside a quoted cell"));
        assert!(err(r#""a"b,c"#).starts_with("cell 1: text after the closing quote"));
    }
}

#[cfg(test)]
mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn split_fields_matches_str_split(line in "[a,é ;]{0,60}", cap in 1usize..20) {
            let mut f = vec![""; cap];
            let n = split_fields(&line, &mut f);
            let want: Vec<&str> = line.split(',').collect();
            prop_assert_eq!(n, want.len());
            for k in 0..cap.min(n) {
                prop_assert_eq!(f[k], want[k]);
            }
        }

        /// Without quotes, the same cells as `split_fields`; cells quoted at
        /// random (none holding a quote), the cells as they were.
        #[test]
        fn split_cells_reads_quotes(
            cells in proptest::collection::vec(("[a, é;]{0,6}", any::<bool>(), "[ ]{0,2}"), 1..12),
            cap in 1usize..20,
        ) {
            let plain: Vec<&str> = cells.iter().map(|c| c.0.as_str()).filter(|c| !c.contains(',')).collect();
            let line = plain.join(",");
            let mut f = vec![""; cap];
            let mut g = vec![""; cap];
            prop_assert_eq!(split_cells(&line, &mut f), Ok(split_fields(&line, &mut g)));
            prop_assert_eq!(&f, &g);
            let quoted: Vec<String> = cells
                .iter()
                .map(|(c, q, pad)| if *q || c.contains(',') { format!("\"{c}\"{pad}") } else { c.clone() })
                .collect();
            let line = quoted.join(",");
            let mut f = vec![""; cap];
            prop_assert_eq!(split_cells(&line, &mut f), Ok(cells.len()));
            for k in 0..cap.min(cells.len()) {
                prop_assert_eq!(f[k], cells[k].0.as_str());
            }
        }

        #[test]
        fn trim_matches_str_trim(s in "[ \t\r\u{a0}\u{85}\u{1c}a,é]{0,8}") {
            prop_assert_eq!(trim(&s), s.trim());
        }
    }
}

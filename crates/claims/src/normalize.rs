//! Input normalisation before reading prose: Unicode NFKC (decomposed umlauts,
//! full-width digits, ligatures), soft hyphens and zero-width characters
//! removed, non-breaking and thin spaces as spaces, typographic quotes and
//! dashes as their ASCII forms, HTML entities decoded, footnote marks
//! dropped, and links, citations (see [`markup`]) and wire datelines (see
//! [`dateline`]) blanked. Copy-pasted newspaper text carries all of
//! these; without this a claim silently vanishes.
//!
//! The normalised text keeps a map back to the original, so that sentences
//! are reported as the user wrote them, at the user's byte offsets.

mod dateline;
mod markup;
mod published;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Normalised text and, for every byte of it, the byte offset in the original.
#[derive(Debug, Clone)]
pub struct Normalized {
    pub text: String,
    /// `map[i]` is the original offset of normalised byte `i`; one extra entry
    /// at the end maps `text.len()` to the original's length.
    map: Vec<usize>,
    /// Publication years blanked from `text` (normalised offset, year): a
    /// sentence left without a period is refused with the reason that the
    /// year dates SIPRI's publication, not the deliveries.
    pub published: Vec<(usize, u16)>,
}

impl Normalized {
    /// The original byte offset of normalised offset `i`.
    pub fn original(&self, i: usize) -> usize {
        self.map
            .get(i)
            .copied()
            .unwrap_or_else(|| *self.map.last().unwrap_or(&0))
    }
}

/// Replacement of one character before NFKC, or `None` to drop it.
fn fold_char(c: char) -> Option<char> {
    Some(match c {
        '\u{AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => return None,
        '\u{A0}' | '\u{202F}' | '\u{2007}' | '\u{2009}' | '\u{200A}' | '\u{2002}' | '\u{2003}' => {
            ' '
        }
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '`' | '\u{B4}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{AB}' | '\u{BB}' | '\u{2033}' => '"',
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
        | '\u{2212}' | '\u{FE63}' | '\u{FF0D}' => '-',
        c => c,
    })
}

/// Normalises `text` (see the module documentation).
pub fn normalize(text: &str) -> Normalized {
    let mut out = String::with_capacity(text.len());
    let mut map = Vec::with_capacity(text.len() + 1);
    let mut it = text.char_indices().peekable();
    let mut chunk = String::new();
    while let Some((start, c)) = it.next() {
        // An HTML entity stands for one character; its source is the entity.
        let entity = if c == '&' {
            markup::entity(&text[start..])
        } else {
            None
        };
        let c = match entity {
            Some((decoded, len)) => {
                while it.peek().is_some_and(|&(i, _)| i < start + len) {
                    it.next();
                }
                decoded
            }
            _ => c,
        };
        if markup::is_footnote_mark(c) {
            continue;
        }
        // A base character and the combining marks that follow it.
        chunk.clear();
        if let Some(f) = fold_char(c) {
            chunk.push(f);
        }
        while let Some(&(_, m)) = it.peek() {
            if !is_combining_mark(m) {
                break;
            }
            chunk.push(m);
            it.next();
        }
        for n in chunk.nfkc() {
            // NFKC may itself produce typographic forms (e.g. from compatibility characters).
            let Some(n) = fold_char(n) else { continue };
            let before = out.len();
            out.push(n);
            map.extend(std::iter::repeat_n(start, out.len() - before));
        }
    }
    map.push(text.len());
    markup::blank_references(&mut out);
    let datelines = dateline::ranges(&out);
    if !datelines.is_empty() {
        let mut bytes = std::mem::take(&mut out).into_bytes();
        for (a, b) in datelines {
            bytes[a..b].fill(b' ');
        }
        out = String::from_utf8(bytes).unwrap_or_default();
    }
    let years = published::years(&out);
    if !years.is_empty() {
        let mut bytes = std::mem::take(&mut out).into_bytes();
        for &(a, b, _) in &years {
            bytes[a..b].fill(b' ');
        }
        out = String::from_utf8(bytes).unwrap_or_default();
    }
    let published = years.into_iter().map(|(a, _, y)| (a, y)).collect();
    Normalized {
        text: out,
        map,
        published,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_fold() {
        let n = normalize(
            "Tu\u{308}rkei \u{FF18}\u{FF18}\u{A0}% Waf\u{AD}fen \u{201E}x\u{201C} 2020\u{2013}24",
        );
        assert_eq!(n.text, "Türkei 88 % Waffen \"x\" 2020-24");
        // Offsets map back to the original.
        let i = n.text.find("88").unwrap();
        let orig =
            "Tu\u{308}rkei \u{FF18}\u{FF18}\u{A0}% Waf\u{AD}fen \u{201E}x\u{201C} 2020\u{2013}24";
        assert!(orig[n.original(i)..].starts_with('\u{FF18}'));
        assert_eq!(n.original(n.text.len()), orig.len());
    }
}

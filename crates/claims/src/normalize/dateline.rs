//! A wire-story dateline ("STOCKHOLM, March 10 (Reuters) –", "Berlin (dpa)
//! –") names where the story was filed, not who exported or imported. Read
//! as prose it became the claim's party and the next sentences' antecedent
//! (claims probe 20: every SIPRI wire story is datelined Stockholm, so "Global
//! arms exports rose by 73 per cent" was checked, and supported, on Sweden).
//! It is blanked like a citation, at the start of the text and of each line.
//!
//! A bare title-case place before a dash ("Germany – once a major exporter –
//! …") is an apposition as often as a dateline, so it counts only with a
//! date or an agency, or when it is a capital, not a country, and no second
//! dash closes an apposition ("Stockholm – Global arms exports rose …" was
//! still checked on Sweden); a bare dateline in capitals must not be a
//! country abbreviation ("USA – …").

/// Capitalised abbreviations that are subjects, not datelines.
const NOT_PLACES: &[&str] = &["USA", "US", "UAE", "UK", "EU", "NATO", "SIPRI", "VAE", "GB"];

/// Byte ranges of datelines in `text` (after dashes became ASCII).
pub(super) fn ranges(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        if let Some(len) = at(line) {
            out.push((start, start + len));
        }
        start += line.len();
    }
    out
}

/// The length of a dateline at the start of `line` (leading spaces included).
fn at(line: &str) -> Option<usize> {
    let s = line.trim_start();
    let lead = line.len() - s.len();
    let b = s.as_bytes();
    // The place: one to four words, each capitalised, joined by spaces,
    // '/' or '-'.
    let mut i = 0;
    let mut words = 0;
    let mut caps = true;
    let mut first = "";
    loop {
        let w_start = i;
        let rest = &s[i..];
        let c = rest.chars().next()?;
        if !c.is_uppercase() {
            break;
        }
        let len = rest
            .find(|ch: char| !(ch.is_alphabetic() || ch == '.' || ch == '\''))
            .unwrap_or(rest.len());
        let word = &rest[..len];
        if word.chars().filter(|c| c.is_alphabetic()).count() < 2 {
            return None;
        }
        caps &= word.chars().all(|c| !c.is_lowercase());
        if words == 0 {
            first = word;
        }
        words += 1;
        i = w_start + len;
        match b.get(i) {
            Some(b'/' | b'-') if b.get(i + 1).is_some_and(|x| !x.is_ascii_whitespace()) => i += 1,
            Some(b' ') if s[i + 1..].starts_with(|c: char| c.is_uppercase()) && words < 4 => i += 1,
            _ => break,
        }
    }
    if words == 0 || words > 4 {
        return None;
    }
    let place = &s[..i];
    let mut dated = false;
    let mut spaced = false;
    // ", March 10", ", 10. März 2025": up to four short tokens, one a digit.
    if b.get(i) == Some(&b',') {
        let rest = &s[i + 1..];
        let end = rest.find(['(', '-'])?;
        let date = &rest[..end];
        let toks: Vec<&str> = date.split_whitespace().collect();
        let ok = !toks.is_empty()
            && toks.len() <= 4
            && toks
                .iter()
                .any(|t| t.starts_with(|c: char| c.is_ascii_digit()))
            && toks.iter().all(|t| {
                t.chars()
                    .all(|c| c.is_alphanumeric() || c == '.' || c == ',')
            });
        if !ok {
            return None;
        }
        dated = true;
        spaced = date.ends_with(' ');
        i += 1 + end;
    }
    spaced |= b.get(i) == Some(&b' ');
    while b.get(i) == Some(&b' ') {
        i += 1;
    }
    let mut agency = false;
    if b.get(i) == Some(&b'(') {
        let close = s[i..].find(')')?;
        let name = &s[i + 1..i + close];
        // "(Reuters)", "(AFP/dpa)", "(dpa)": names, or one short lower-case
        // acronym; not a description ("India (the largest importer) – …").
        let words: Vec<&str> = name.split([' ', '/']).filter(|w| !w.is_empty()).collect();
        let acronym = |w: &str| w.len() <= 4 && w.chars().all(|c| c.is_ascii_lowercase());
        let ok = !words.is_empty()
            && words.len() <= 4
            && name
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, ' ' | '/' | '-' | '.' | '&'))
            && (words.iter().all(|w| w.starts_with(char::is_uppercase))
                || words.len() == 1 && acronym(words[0]));
        if !ok {
            return None;
        }
        agency = true;
        i += close + 1;
    }
    let capital = || {
        place
            .split('/')
            .all(|p| crate::antecedent::is_capital(&p.to_lowercase()))
            && !apposition(&s[i..])
    };
    if !(dated || agency || caps && !NOT_PLACES.contains(&first) || capital()) {
        return None;
    }
    // The dash: spaced ("STOCKHOLM –") or, after a parenthesis, also
    // unspaced ("(dpa)-"); "--" as typed for a dash.
    spaced |= b.get(i) == Some(&b' ');
    while b.get(i) == Some(&b' ') {
        i += 1;
    }
    if b.get(i) != Some(&b'-') || !(spaced || agency) {
        return None;
    }
    while b.get(i) == Some(&b'-') {
        i += 1;
    }
    if !b.get(i).is_some_and(|x| x.is_ascii_whitespace()) {
        return None;
    }
    Some(lead + i)
}

/// Whether `rest` (from the dash after a place) holds a second spaced dash
/// before its sentence ends: "Moskau – lange der wichtigste Lieferant –
/// lieferte …" names Moscow as the subject. Only an odd count of further
/// dashes closes an apposition: with two, the first dash is the dateline's
/// and the pair an aside of what follows (claims probe 22: "Stockholm –
/// Global arms exports – which SIPRI tracks – rose by 73 %" was checked,
/// and supported, on Sweden).
fn apposition(rest: &str) -> bool {
    let after = rest.trim_start().trim_start_matches('-');
    let end = [". ", "! ", "? ", ".\n", "\n"]
        .iter()
        .filter_map(|e| after.find(e))
        .min()
        .unwrap_or(after.len());
    after[..end].matches(" -").count() % 2 == 1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strip(s: &str) -> String {
        match at(s) {
            Some(n) => s[n..].trim_start().to_string(),
            None => s.to_string(),
        }
    }

    #[test]
    fn datelines_go() {
        assert_eq!(
            strip("STOCKHOLM, March 10 (Wire) - Global arms exports rose."),
            "Global arms exports rose."
        );
        assert_eq!(
            strip("BERLIN (dpa) - Die Exporte sanken."),
            "Die Exporte sanken."
        );
        assert_eq!(
            strip("Stockholm (Agentur) - Die Türkei hat."),
            "Die Türkei hat."
        );
        assert_eq!(strip("STOCKHOLM - Exports rose."), "Exports rose.");
        assert_eq!(
            strip("Stockholm, 10. März 2025 - Die Exporte."),
            "Die Exporte."
        );
        assert_eq!(strip("NEW DELHI/MOSCOW (Reuters) -- India."), "India.");
        // A capital without date or agency (claims: "Stockholm –" made a
        // world figure Sweden's).
        assert_eq!(
            strip("Stockholm - Global arms exports rose by 73 per cent."),
            "Global arms exports rose by 73 per cent."
        );
        assert_eq!(strip("Moskau - Die Exporte sanken."), "Die Exporte sanken.");
        assert_eq!(strip("Neu-Delhi - Indien kaufte."), "Indien kaufte.");
        // A dash pair after the dateline is an aside of what follows.
        assert_eq!(
            strip("Stockholm - Global arms exports - which SIPRI tracks - rose."),
            "Global arms exports - which SIPRI tracks - rose."
        );
    }

    #[test]
    fn subjects_stay() {
        for s in [
            "Moscow supplied 36 per cent of India's imports.",
            "Germany - once a major exporter - fell.",
            "USA - the largest exporter with 43 per cent.",
            "Russia's exports fell by 64 per cent between 2015-19 and 2020-24.",
            "India (the largest importer) - rose.",
            "Moskau - lange der wichtigste Lieferant - lieferte 88 Prozent.",
            "Washington - the largest exporter by far - supplied 43 per cent. Next.",
            "Kazakhstan - Russia supplied 88 per cent.",
        ] {
            assert_eq!(strip(s), s, "{s}");
        }
    }
}

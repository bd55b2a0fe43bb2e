//! Years that date a publication, not the deliveries a figure covers:
//! "SIPRI data published in 2020", "a SIPRI report from 2020", "SIPRI's 2024
//! yearbook", "Im SIPRI-Bericht 2024", "Die 2024 veröffentlichten
//! SIPRI-Daten". Data released in 2020 ends in 2019, so reading the year as
//! the claim's period checks a figure SIPRI never published (claims probe
//! 17: "According to SIPRI data released in 2024, Russia supplied 80 % …"
//! was supported on 2024 alone). Such a year is blanked like a citation's;
//! the sentence then states what is left. "SIPRI's 2024 data" and
//! "SIPRI-Daten von 2024" may mean data for 2024 and are left alone.

/// Words naming a publication: the year right after or right before one is
/// its date.
fn publication(w: &str) -> bool {
    matches!(
        w,
        "yearbook" | "report" | "edition" | "factsheet" | "ausgabe" | "publication"
    ) || w.ends_with("jahrbuch")
        || w.ends_with("bericht")
        || w.ends_with("berichts")
        || w.ends_with("factsheet")
}

/// "published in 2020", "veröffentlicht im Jahr 2020".
fn published(w: &str) -> bool {
    matches!(
        w,
        "published" | "released" | "issued" | "publiziert" | "erschienen" | "herausgegeben"
    ) || w.starts_with("veroffentlicht")
        || w.starts_with("veröffentlicht")
}

/// "die 2024 veröffentlichten Daten", "der 2020 erschienene Bericht".
fn published_attribute(w: &str) -> bool {
    published(w)
        || w.starts_with("erschienene")
        || w.starts_with("publizierte")
        || w.starts_with("herausgegebene")
}

fn month(w: &str) -> bool {
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "januar",
        "februar",
        "marz",
        "märz",
        "mai",
        "juni",
        "juli",
        "oktober",
        "dezember",
    ]
    .contains(&w)
}

/// Byte ranges and values of publication years in `text`.
pub(crate) fn years(text: &str) -> Vec<(usize, usize, u16)> {
    let mut words: Vec<(usize, usize, String)> = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(a)) => {
                words.push((a, i, text[a..i].to_lowercase()));
                start = None;
            }
            _ => {}
        }
    }
    let w = |k: isize| -> &str {
        usize::try_from(k)
            .ok()
            .and_then(|k| words.get(k))
            .map_or("", |x| x.2.as_str())
    };
    let mut out = Vec::new();
    for (k, (a, b, word)) in words.iter().enumerate() {
        let Ok(year) = word.parse::<u16>() else {
            continue;
        };
        if word.len() != 4 || !(1950..2100).contains(&year) {
            continue;
        }
        // Part of a range: "2020-2024", "Bericht 2020 bis 2024".
        let dash = |s: &str| s.starts_with(['-', '–', '/']);
        if dash(text[*b..].trim_start()) || text[..*a].trim_end().ends_with(['-', '–', '/']) {
            continue;
        }
        let k = k as isize;
        if matches!(w(k + 1), "bis" | "to" | "and" | "und" | "through") {
            continue;
        }
        let before = (w(k - 1), w(k - 2), w(k - 3), w(k - 4));
        let is = match before {
            (p, ..) if publication(p) => true,
            ("sheet", "fact", ..) => true,
            ("in" | "im", v, ..) if published(v) => true,
            ("jahr", "im", v, _) if published(v) => true,
            (m, "in" | "im", v, _) if month(m) && published(v) => true,
            ("from" | "von", p, ..) if publication(p) => true,
            ("jahr", "dem", "aus" | "von", p) if publication(p) => true,
            _ => false,
        };
        let next = w(k + 1);
        if is
            || publication(next)
            || (next == "fact" && w(k + 2) == "sheet")
            || published_attribute(next)
        {
            out.push((*a, *b, year));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::years;

    fn found(s: &str) -> Vec<u16> {
        years(s).into_iter().map(|x| x.2).collect()
    }

    #[test]
    fn publication_dates_not_periods() {
        for s in [
            "SIPRI data published in 2020 show that",
            "According to SIPRI data released in 2024, Russia",
            "A SIPRI report from 2020 found that",
            "In SIPRI's 2024 yearbook, Russia",
            "Laut SIPRI-Bericht aus dem Jahr 2020 lieferte",
            "Die 2024 veröffentlichten SIPRI-Daten zeigen",
            "Im SIPRI-Jahrbuch 2024 heißt es",
            "Im SIPRI-Bericht 2024 war Indien",
            "the SIPRI fact sheet 2024 says",
            "laut SIPRI-Factsheet 2024",
            "data published in March 2025, Russia",
        ] {
            assert_eq!(found(s).len(), 1, "{s}");
        }
        for s in [
            "SIPRI's 2024 data show",
            "Laut SIPRI-Daten von 2024 lieferte",
            "Russia supplied 88 % in 2020-24",
            "im Bericht 2020 bis 2024",
            "SIPRI's report 2020-2024",
            "Russia supplied 80 % in 2024.",
        ] {
            assert!(found(s).is_empty(), "{s}");
        }
    }
}

//! Years the sentence does not mean whole: part of a year ("mid-2024",
//! "early 2020", "Ende 2024", "im Herbst 2023") and fiscal years ("fiscal
//! 2024", "FY2024"). SIPRI's data is by calendar year, so a share or change
//! "from 2020 to mid-2024" is not the one for 2020-2024 (regression: it was
//! read as 2020 alone, the unread "mid-2024" dropped, and found not
//! supported; "in late 2020-24" and "in fiscal 2020-24" were checked as
//! 2020-24).

use crate::features::{Features, year_of};
use crate::lex::{Kind, Token};
use crate::meaning::MarkerKind;

/// Part-of-year words, folded: "mid", "Anfang", "Frühjahr" (→ "fruhjahr").
const PART: &[&str] = &[
    "mid",
    "early",
    "late",
    "beginning",
    "start",
    "end",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
    "mitte",
    "anfang",
    "ende",
    "beginn",
    "fruhjahr",
    "fruhling",
    "sommer",
    "herbst",
    "jahresende",
    "jahresanfang",
    "jahresbeginn",
    "jahresmitte",
];

/// Whether a year (or a year range) starts at token `k`.
fn year_at(t: &[Token], k: usize) -> bool {
    t.get(k)
        .is_some_and(|x| year_of(x).is_some() || matches!(x.kind, Kind::YearRange(_)))
}

/// A year written glued to a prefix: "mid-2024" → true for prefix "mid".
fn glued(norm: &str, prefixes: &[&str]) -> bool {
    prefixes.iter().any(|p| {
        norm.strip_prefix(p)
            .map(|r| r.strip_prefix('-').unwrap_or(r))
            // Bytes, not a `str` slice: the fourth byte may fall inside a
            // character (regression: "midꬆඋ" panicked, found by props).
            .is_some_and(|r| {
                r.as_bytes()
                    .get(..4)
                    .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
            })
    })
}

/// Marks every part-of-year and fiscal-year mention of the sentence.
pub fn markers(t: &[Token], f: &mut Features) {
    for (i, tok) in t.iter().enumerate() {
        // "2020/24", "2023/24": a season or fiscal year as often as a span
        // (regression: read as 2020 alone in German).
        if year_at(t, i)
            && t.get(i + 1).is_some_and(|x| x.kind == Kind::Punct('/'))
            && t.get(i + 2)
                .is_some_and(|x| matches!(x.kind, Kind::Number { .. }))
        {
            f.mark(MarkerKind::FiscalYear, i, t);
            continue;
        }
        if !tok.is_word() {
            continue;
        }
        let norm = tok.norm.as_str();
        // "mid 2024", "end of 2024", "Ende 2024", "im Herbst des Jahres 2023":
        // the year after at most three linking words.
        let link = |k: usize| {
            t.get(k).is_some_and(|x| {
                x.kind == Kind::Punct('-')
                    || matches!(x.norm.as_str(), "of" | "the" | "year" | "des" | "jahres")
            })
        };
        let part = PART.contains(&norm)
            && (1..=4)
                .find(|&k| !link(i + k))
                .is_some_and(|k| year_at(t, i + k));
        let kind = if part || glued(norm, PART) {
            Some(MarkerKind::SubYear)
        } else if matches!(
            norm,
            "fiscal" | "financial" | "haushaltsjahr" | "geschaftsjahr"
        ) || glued(norm, &["fy"])
        {
            Some(MarkerKind::FiscalYear)
        } else {
            None
        };
        if let Some(kind) = kind {
            f.mark(kind, i, t);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(s: &str) -> Vec<MarkerKind> {
        let t = crate::lex::lex(s, crate::lex::detect(s));
        let mut f = Features::default();
        markers(&t, &mut f);
        f.markers.into_iter().map(|m| m.kind).collect()
    }

    #[test]
    fn parts_of_years_and_fiscal_years() {
        use MarkerKind::{FiscalYear, SubYear};
        for (s, want) in [
            ("Russia supplied 88 % from 2020 to mid-2024.", vec![SubYear]),
            ("Russia supplied 88 % from 2020 to mid 2024.", vec![SubYear]),
            ("Russia supplied 88 % in late 2020-24.", vec![SubYear]),
            ("Russia supplied 88 % until the end of 2024.", vec![SubYear]),
            ("Russland lieferte bis Ende 2024 88 Prozent.", vec![SubYear]),
            (
                "Russland lieferte im Herbst 2023 acht Su-30.",
                vec![SubYear],
            ),
            ("Russia supplied 88 % in fiscal 2020-24.", vec![FiscalYear]),
            ("Russia supplied 88 % in FY2024.", vec![FiscalYear]),
        ] {
            assert_eq!(kinds(s), want, "{s}");
        }
        // Regression: a multi-byte character where a glued year's fourth
        // byte would be panicked (sliced off a char boundary).
        assert_eq!(kinds("midꬆඋ 2024"), vec![]);
        assert_eq!(kinds("FYꬆඋ"), vec![]);
        for s in [
            "Russia supplied 88 % in 2020-24.",
            "At the end, Russia supplied 88 % in 2020-24.",
            "Russia was late with deliveries in 2024.",
            "Das Ende der Lieferungen kam 2024.",
        ] {
            assert_eq!(kinds(s), vec![], "{s}");
        }
    }
}

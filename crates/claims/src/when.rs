//! Dates and year windows for the issue-#17 shapes (deliveries of a weapon,
//! group facts): "im August 2024", "am 15. September 2020", "April 2023",
//! "6. November", "from 2020 to 2024", "since 2015". SIPRI has years only, so a
//! month or day is kept to be reported, never to be matched against SIPRI.

use crate::lex::{Kind, Token};
use model::Window;
use serde::Serialize;

/// A calendar date at the precision the text gave.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Date {
    pub year: Option<u16>,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.year, self.month, self.day) {
            (Some(y), Some(m), Some(d)) => write!(f, "{y}-{m:02}-{d:02}"),
            (Some(y), Some(m), None) => write!(f, "{y}-{m:02}"),
            (Some(y), _, _) => write!(f, "{y}"),
            (None, Some(m), Some(d)) => write!(f, "--{m:02}-{d:02}"),
            (None, Some(m), None) => write!(f, "--{m:02}"),
            (None, None, _) => write!(f, "?"),
        }
    }
}

/// Month number of a (folded) English or German month name.
pub fn month(norm: &str) -> Option<u8> {
    const M: [&[&str]; 12] = [
        &["januar", "january", "jan", "jänner", "janner"],
        &["februar", "february", "feb"],
        &["marz", "march", "mar"],
        &["april", "apr"],
        &["mai", "may"],
        &["juni", "june", "jun"],
        &["juli", "july", "jul"],
        &["august", "aug"],
        &["september", "sept", "sep"],
        &["oktober", "october", "okt", "oct"],
        &["november", "nov"],
        &["dezember", "december", "dez", "dec"],
    ];
    M.iter()
        .position(|names| names.contains(&norm))
        .map(|i| i as u8 + 1)
}

/// A four-digit year token (also `2023.` read as a German ordinal at a line end).
pub fn year(t: &Token) -> Option<u16> {
    match t.kind {
        Kind::Number { value, decimals: 0 }
            if t.text.len() == 4 && (1900.0..=2100.0).contains(&value) =>
        {
            Some(value as u16)
        }
        Kind::Ordinal(v) if (1900..=2100).contains(&v) => Some(v as u16),
        _ => None,
    }
}

fn day_number(t: &Token) -> Option<u8> {
    match t.kind {
        Kind::Ordinal(v) if (1..=31).contains(&v) => Some(v as u8),
        Kind::Number { value, decimals: 0 } if (1.0..=31.0).contains(&value) => Some(value as u8),
        _ => None,
    }
}

/// A date or a window found in a sentence, with its first and one-past-last token.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct When {
    /// The years covered (one year for a date).
    pub window: Option<Window>,
    /// Set when the text gave a month (a date, not a window).
    pub date: Option<Date>,
    pub idx: usize,
    pub end: usize,
}

/// Every date and year window in `t`, left to right.
pub fn scan(t: &[Token]) -> Vec<When> {
    let mut out = Vec::new();
    let w = |i: usize| t.get(i).map_or("", |x| x.norm.as_str());
    let mut i = 0;
    while i < t.len() {
        // "in the five years from 2020": the length is part of the window.
        if let Some(span) = crate::durations::span_at(t, i) {
            out.push(When {
                window: Some(span.window),
                date: None,
                idx: i,
                end: span.end,
            });
            i = span.end;
            continue;
        }
        if let Kind::YearRange(win) = t[i].kind {
            out.push(When {
                window: Some(win),
                date: None,
                idx: i,
                end: i + 1,
            });
            i += 1;
            continue;
        }
        // "15. September 2020", "15 September 2020", "6. November", "September 2020",
        // "September 15, 2020".
        if let Some(m) = month(w(i)).filter(|_| t[i].is_word() && t[i].capitalized()) {
            let day_before = i.checked_sub(1).and_then(|k| day_number(&t[k]));
            let mut end = i + 1;
            let mut day = day_before;
            if day.is_none()
                && let Some(d) = t.get(i + 1).and_then(day_number)
                && t.get(i + 2).is_some_and(|x| x.kind == Kind::Punct(','))
                && t.get(i + 3).and_then(year).is_some()
            {
                day = Some(d);
                end = i + 3;
            }
            let y = t.get(end).and_then(year);
            if y.is_some() {
                end += 1;
            }
            if y.is_some() || day.is_some() {
                let start = if day_before.is_some() { i - 1 } else { i };
                out.push(When {
                    window: y.map(|y| Window { start: y, end: y }),
                    date: Some(Date {
                        year: y,
                        month: Some(m),
                        day,
                    }),
                    idx: start,
                    end,
                });
                i = end;
                continue;
            }
        }
        if let Some(y) = year(&t[i]) {
            let prev = if i > 0 { w(i - 1) } else { "" };
            let link = w(i + 1);
            let dash = matches!(
                t.get(i + 1).map(|x| &x.kind),
                Some(Kind::Punct('-' | '–' | '—'))
            );
            let range_link = matches!(link, "bis" | "to" | "through" | "until" | "thru") || dash;
            let and_link = matches!(link, "and" | "und") && matches!(prev, "zwischen" | "between");
            if let Some(z) = t.get(i + 2).and_then(year)
                && (range_link || and_link)
                && let Ok(win) = Window::new(y, z)
            {
                out.push(When {
                    window: Some(win),
                    date: None,
                    idx: i,
                    end: i + 3,
                });
                i += 3;
                continue;
            }
            let pct = matches!(t.get(i + 1).map(|x| &x.kind), Some(Kind::Percent));
            if !pct {
                out.push(When {
                    window: Some(Window { start: y, end: y }),
                    date: Some(Date {
                        year: Some(y),
                        month: None,
                        day: None,
                    }),
                    idx: i,
                    end: i + 1,
                });
            }
        }
        i += 1;
    }
    out
}

/// "since 2015" / "seit 2015": open to the release's last year.
pub fn since(t: &[Token], w: &When) -> bool {
    // "seit März 2024", "seit dem 4. April 2023", "since 1999".
    let at = |k: usize| w.idx.checked_sub(k).map_or("", |i| t[i].norm.as_str());
    matches!(at(1), "since" | "seit")
        || (matches!(at(1), "dem" | "the") && matches!(at(2), "since" | "seit"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lex::{Lang, lex};

    fn dates(s: &str, lang: Lang) -> Vec<String> {
        scan(&lex(s, lang))
            .iter()
            .map(|w| match w.date {
                Some(d) => d.to_string(),
                None => w.window.map_or("-".into(), |w| w.to_string()),
            })
            .collect()
    }

    #[test]
    fn dates_and_windows() {
        assert_eq!(
            dates("am 15. September 2020 erstmalig", Lang::German),
            ["2020-09-15"]
        );
        assert_eq!(dates("im August 2024 erhalten", Lang::German), ["2024-08"]);
        assert_eq!(dates("am 6. November bekannt", Lang::German), ["--11-06"]);
        assert_eq!(
            dates("on September 15, 2020 and in 2023", Lang::English),
            ["2020-09-15", "2023"]
        );
        assert_eq!(
            dates("from 2020 to 2024 and 2015-19", Lang::English),
            ["2020-2024", "2015-2019"]
        );
        assert_eq!(
            dates("Finland joined in April 2023.", Lang::English),
            ["2023-04"]
        );
        assert_eq!(dates("may 2023 was fine", Lang::English), ["2023"]);
    }
}

//! Caveats read from a whole file rather than one row: what every answer
//! from the release must carry (see `ReleaseMeta::caveats`).

use model::{Flows, UnresolvedName};

/// A name no table knows is kept as a party of its own, so a country written
/// that way loses those rows under its usual name (hostile-files probe 3: a
/// half-renamed "Syrian Arab Republic" held 1,791.84 of Syria's 3,496.34 TIV,
/// and `imports Syria` said nothing). `names` come largest first.
pub(crate) fn unmatched_names(names: &[UnresolvedName]) -> Option<String> {
    if names.is_empty() {
        return None;
    }
    let shown: Vec<String> = names
        .iter()
        .take(3)
        .map(|u| {
            let s = if u.rows == 1 { "" } else { "s" };
            format!(
                "'{}' ({} row{s}, {:.2} TIV{})",
                u.name,
                u.rows,
                u.tiv,
                lookalike(&u.name).map_or(String::new(), |n| format!(
                    "; it looks like '{n}' but has letters of another script"
                ))
            )
        })
        .collect();
    let n = names.len();
    Some(format!(
        "{n} name{} in the file match{} no country, group or organisation armsflow knows: \
         {}{}; each is kept as a party of its own, so figures for a country written that way \
         leave those rows out",
        if n == 1 { "" } else { "s" },
        if n == 1 { "es" } else { "" },
        shown.join(", "),
        if n > 3 { ", …" } else { "" }
    ))
}

/// The known name a name spells with look-alike letters of another script
/// (Cyrillic "а" in "Kazаkhstan"), which reads on screen as the country it
/// is not filed under (hostile-files probe 5: the caveat named it as if it
/// were Kazakhstan).
fn lookalike(name: &str) -> Option<String> {
    let latin: String = name
        .chars()
        .map(|c| match c {
            'А' | 'Α' => 'A',
            'В' | 'Β' => 'B',
            'Е' | 'Ε' => 'E',
            'К' | 'Κ' => 'K',
            'М' | 'Μ' => 'M',
            'Н' | 'Η' => 'H',
            'О' | 'Ο' => 'O',
            'Р' | 'Ρ' => 'P',
            'С' => 'C',
            'Т' | 'Τ' => 'T',
            'Х' | 'Χ' => 'X',
            'У' | 'Υ' => 'Y',
            'І' | 'Ι' => 'I',
            'а' | 'α' => 'a',
            'е' => 'e',
            'о' | 'ο' => 'o',
            'р' | 'ρ' => 'p',
            'с' => 'c',
            'у' => 'y',
            'х' => 'x',
            'і' => 'i',
            'ј' => 'j',
            'ѕ' => 's',
            c => c,
        })
        .collect();
    if latin == name {
        return None;
    }
    crate::names::Resolver::builtin()
        .resolve(&latin)
        .map(|e| e.name)
}

/// The year range a register's title gives ("Deals with deliveries made for
/// the year range '1995' to '2025'"), `None` where it gives none ("'Not
/// specified'") or another shape.
fn title_years(title: &str) -> Option<(u16, u16)> {
    let rest = &title[title.find("year range '")? + "year range '".len()..];
    let (a, rest) = rest.split_once("' to '")?;
    let b = rest.split('\'').next()?;
    let (a, b) = (a.trim().parse().ok()?, b.trim().parse().ok()?);
    (a <= b).then_some((a, b))
}

/// A register whose rows have delivery years outside the range its title
/// gives: SIPRI's export holds only deliveries in that range, so one of the
/// two was edited (hostile-files probe 5: a title of '1950' to '1990' over
/// rows of 1995-2024 imported without a word). `span`: the rows' years.
pub(crate) fn outside_title_years(title: &str, span: Option<(u16, u16)>) -> Option<String> {
    let (t0, t1) = title_years(title)?;
    let (r0, r1) = span?;
    (r0 < t0 || r1 > t1).then(|| {
        format!(
            "the file's title gives deliveries for the year range {t0}–{t1}, but its rows run \
             {r0}–{r1}: SIPRI's export holds only the years its title names, so the title or \
             the rows were edited; the figures are the rows'"
        )
    })
}

/// Below this fraction of the median of the three years before it, the last
/// year of an undated file is taken for one still being recorded.
const PARTIAL_YEAR: f64 = 0.1;

/// The last complete year and why, when the file's last year of deliveries
/// is one SIPRI had not finished publishing: SIPRI adds a year in March of
/// the next, so deliveries dated in the year the file was generated, or in
/// the year before for a file generated before March, are partial (one 2025
/// row in the Feb-2026 register moved every default window to 2021-2025).
/// A file without a generation date is judged by its volume instead: a last
/// year under a tenth of the years before it (hostile-files recheck: 50 TIV
/// in 2025 against 28,937.66 in 2024).
pub(crate) fn incomplete_year(
    date: Option<&str>,
    span: Option<(u16, u16)>,
    flows: &Flows,
) -> Option<(u16, String)> {
    let (first, last) = span?;
    let Some(d) = date else {
        return thin_last_year(flows, first, last);
    };
    let made = d.get(..4)?.parse::<u16>().ok()?;
    let month = d.get(5..7).and_then(|m| m.parse::<u8>().ok()).unwrap_or(12);
    if last >= made {
        Some((
            last - 1,
            format!(
                "deliveries dated {last}, the year the file was generated: SIPRI publishes a \
                 year's deliveries the March after it, so {last} is incomplete here"
            ),
        ))
    } else if last + 1 == made && month < 3 {
        Some((
            last - 1,
            format!(
                "deliveries dated {last} in a file generated on {d}: SIPRI publishes a year's \
                 deliveries in March of the next year, so {last} is incomplete here"
            ),
        ))
    } else {
        None
    }
}

fn thin_last_year(flows: &Flows, first: u16, last: u16) -> Option<(u16, String)> {
    if last <= first {
        return None;
    }
    let year_total = |y: u16| -> f64 {
        flows
            .year
            .iter()
            .zip(&flows.tiv)
            .filter(|(fy, _)| **fy == y)
            .map(|(_, t)| *t)
            .sum()
    };
    let mut before: Vec<f64> = (last.saturating_sub(3).max(first)..last)
        .map(year_total)
        .filter(|t| *t > 0.0)
        .collect();
    if before.is_empty() {
        return None;
    }
    before.sort_by(f64::total_cmp);
    let median = before[before.len() / 2];
    let now = year_total(last);
    (now < PARTIAL_YEAR * median).then(|| {
        (
            last - 1,
            format!(
                "deliveries dated {last} total {now:.2} TIV against a median of {median:.2} in \
                 the years before, and the file states no generation date: {last} is taken as \
                 incomplete"
            ),
        )
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn rows_outside_the_title_years_are_said() {
        let t = "Transfers of major conventional arms from All countries  to All countries . Deals \
                 with deliveries made for the year range '1995' to '2025';";
        assert_eq!(super::title_years(t), Some((1995, 2025)));
        assert_eq!(super::outside_title_years(t, Some((1995, 2024))), None);
        let edited = t.replace("'2025'", "'2022'");
        let c = super::outside_title_years(&edited, Some((1995, 2024))).unwrap();
        assert!(c.contains("1995–2022, but its rows run 1995–2024"), "{c}");
        let old = t.replace("'1995' to '2025'", "'1950' to '1990'");
        assert!(super::outside_title_years(&old, Some((1995, 2024))).is_some());
        let none = t.replace("'1995' to '2025'", "'Not specified' to 'Not specified'");
        assert_eq!(super::outside_title_years(&none, Some((1950, 2024))), None);
    }

    /// Hostile-files probe 5: a Cyrillic "а" made 'Kazаkhstan' a party of
    /// its own, and the caveat named it as if it were Kazakhstan.
    #[test]
    fn a_lookalike_name_is_said_to_be_one() {
        assert_eq!(super::lookalike("Рoland").as_deref(), Some("Poland"));
        assert_eq!(
            super::lookalike("Kazаkhstan").as_deref(),
            Some("Kazakhstan")
        );
        assert_eq!(super::lookalike("Russia"), None);
        assert_eq!(super::lookalike("Атлантида"), None);
        let u = model::UnresolvedName {
            name: "Kazаkhstan".into(),
            rows: 3,
            tiv: 10.0,
        };
        let c = super::unmatched_names(&[u]).unwrap();
        assert!(
            c.contains("it looks like 'Kazakhstan' but has letters of another script"),
            "{c}"
        );
    }
}

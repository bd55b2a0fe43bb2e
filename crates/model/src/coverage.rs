//! Whether a window lies inside the years a release covers. A figure over
//! 2021-2025 from a release that ends in 2024 is a four-year figure; every
//! output that shows it says so, and every comparison against it is marked.
//! This is the one rule; CLI, API, pages and the Python package reuse it.

use crate::locale::Lang;
use crate::window::Window;
use serde::Serialize;

/// How much of `window` the release's years cover.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Coverage {
    /// The window asked about.
    pub window: Window,
    /// First and last year of the release (`None` when it holds no data).
    pub release_years: Option<(u16, u16)>,
    /// Years of the window outside the release, ascending.
    pub missing_years: Vec<u16>,
    /// Years of the window inside the release.
    pub covered_years: u16,
    /// Some year of the window is outside the release: its figures rest on
    /// fewer years than asked (or none, when `covered_years` is 0).
    pub partial: bool,
}

impl Coverage {
    /// The coverage of `window` by a release spanning `release_years`
    /// (inclusive). Pure: the same inputs always give the same answer.
    pub fn of(window: Window, release_years: Option<(u16, u16)>) -> Coverage {
        let inside = |y: u16| release_years.is_some_and(|(a, b)| a <= y && y <= b);
        let missing_years: Vec<u16> = window.years().filter(|&y| !inside(y)).collect();
        let covered_years = window.len() - missing_years.len() as u16;
        Coverage {
            window,
            release_years,
            partial: !missing_years.is_empty(),
            missing_years,
            covered_years,
        }
    }

    /// Every year of the window is in the release.
    pub fn is_complete(&self) -> bool {
        !self.partial
    }

    /// No year of the window is in the release.
    pub fn is_empty(&self) -> bool {
        self.covered_years == 0
    }

    /// "the release covers 1995–2024; 2025 is not in it", or `None` when the
    /// window is complete.
    pub fn note(&self) -> Option<String> {
        self.note_in(Lang::En)
    }

    /// [`Coverage::note`] in `lang`: "der Datenstand umfasst 1995–2024; 2025
    /// ist nicht enthalten". Lower case at the start, like the English note,
    /// so it reads inside a sentence.
    pub fn note_in(&self, lang: Lang) -> Option<String> {
        if !self.partial {
            return None;
        }
        let one = self.missing_years.len() == 1;
        let missing = ranges(&self.missing_years, lang);
        Some(match lang {
            Lang::En => {
                let covers = match self.release_years {
                    Some((a, b)) if a == b => format!("the release covers only {a}"),
                    Some((a, b)) => format!("the release covers {a}–{b}"),
                    None => "the release holds no years of data".to_string(),
                };
                let verb = if one { "is" } else { "are" };
                format!("{covers}; {missing} {verb} not in it")
            }
            Lang::De => {
                let covers = match self.release_years {
                    Some((a, b)) if a == b => format!("der Datenstand umfasst nur {a}"),
                    Some((a, b)) => format!("der Datenstand umfasst {a}–{b}"),
                    None => "der Datenstand enthält keine Jahre mit Daten".to_string(),
                };
                let verb = if one { "ist" } else { "sind" };
                format!("{covers}; {missing} {verb} nicht enthalten")
            }
        })
    }

    /// A sentence for outputs: the window, what is missing, and how many
    /// years its figures rest on.
    pub fn sentence(&self) -> Option<String> {
        let note = self.note()?;
        let basis = if self.is_empty() {
            "no figure of it comes from data".to_string()
        } else {
            format!(
                "its figures rest on {} of its {} years",
                self.covered_years,
                self.window.len()
            )
        };
        Some(format!(
            "Window {} reaches outside the release: {note}, so {basis}.",
            self.window
        ))
    }
}

/// Coverage of a comparison between two windows: complete only when both are.
/// The note names each partial side.
pub fn comparison_note(a: &Coverage, b: &Coverage) -> Option<String> {
    comparison_note_in(a, b, Lang::En)
}

/// [`comparison_note`] in `lang`: "nicht vergleichbar: von 2021-2025 liegen
/// 4 von 5 Jahren im Datenstand".
pub fn comparison_note_in(a: &Coverage, b: &Coverage, lang: Lang) -> Option<String> {
    let parts: Vec<String> = [a, b]
        .iter()
        .filter(|c| c.partial)
        .map(|c| {
            let (w, n, of) = (c.window, c.covered_years, c.window.len());
            match lang {
                Lang::En => format!("{w} has {n} of {of} years"),
                Lang::De => format!("von {w} liegen {n} von {of} Jahren"),
            }
        })
        .collect();
    if parts.is_empty() {
        return None;
    }
    Some(match lang {
        Lang::En => format!("not like for like: {} in the release", parts.join(" and ")),
        Lang::De => format!("nicht vergleichbar: {} im Datenstand", parts.join(" und ")),
    })
}

/// `[1990, 1991, 1992, 2025]` -> "1990–1992 and 2025" ("… und 2025").
fn ranges(years: &[u16], lang: Lang) -> String {
    let mut spans: Vec<(u16, u16)> = Vec::new();
    for &y in years {
        match spans.last_mut() {
            Some((_, e)) if *e + 1 == y => *e = y,
            _ => spans.push((y, y)),
        }
    }
    let txt: Vec<String> = spans
        .iter()
        .map(|&(a, b)| {
            if a == b {
                a.to_string()
            } else {
                format!("{a}–{b}")
            }
        })
        .collect();
    txt.join(match lang {
        Lang::En => " and ",
        Lang::De => " und ",
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(a: u16, b: u16) -> Window {
        Window::new(a, b).unwrap()
    }

    #[test]
    fn past_the_end() {
        let c = Coverage::of(w(2021, 2025), Some((1995, 2024)));
        assert!(c.partial && !c.is_empty());
        assert_eq!(c.missing_years, vec![2025]);
        assert_eq!(c.covered_years, 4);
        assert_eq!(
            c.note().unwrap(),
            "the release covers 1995–2024; 2025 is not in it"
        );
        assert!(c.sentence().unwrap().contains("4 of its 5 years"));
    }

    #[test]
    fn before_the_start_and_both_ends() {
        let c = Coverage::of(w(1990, 2026), Some((1995, 2024)));
        assert_eq!(c.missing_years.len(), 7);
        assert_eq!(
            c.note().unwrap(),
            "the release covers 1995–2024; 1990–1994 and 2025–2026 are not in it"
        );
    }

    #[test]
    fn inside_and_outside() {
        let c = Coverage::of(w(2020, 2024), Some((1995, 2024)));
        assert!(c.is_complete() && c.note().is_none() && c.sentence().is_none());
        let c = Coverage::of(w(2030, 2031), Some((1995, 2024)));
        assert!(c.is_empty());
        assert!(c.sentence().unwrap().contains("no figure"));
        let c = Coverage::of(w(2020, 2020), None);
        assert!(c.is_empty() && c.partial);
    }

    #[test]
    fn german_notes() {
        let c = Coverage::of(w(2021, 2025), Some((1995, 2024)));
        assert_eq!(
            c.note_in(Lang::De).unwrap(),
            "der Datenstand umfasst 1995–2024; 2025 ist nicht enthalten"
        );
        assert_eq!(c.note_in(Lang::En), c.note());
        let c = Coverage::of(w(1990, 2026), Some((1995, 2024)));
        assert_eq!(
            c.note_in(Lang::De).unwrap(),
            "der Datenstand umfasst 1995–2024; 1990–1994 und 2025–2026 sind nicht enthalten"
        );
        let c = Coverage::of(w(2020, 2020), None);
        assert_eq!(
            c.note_in(Lang::De).unwrap(),
            "der Datenstand enthält keine Jahre mit Daten; 2020 ist nicht enthalten"
        );
        let full = Coverage::of(w(2016, 2020), Some((1995, 2024)));
        let part = Coverage::of(w(2021, 2025), Some((1995, 2024)));
        assert_eq!(
            comparison_note_in(&full, &part, Lang::De).unwrap(),
            "nicht vergleichbar: von 2021-2025 liegen 4 von 5 Jahren im Datenstand"
        );
        assert!(comparison_note_in(&full, &full, Lang::De).is_none());
    }

    #[test]
    fn comparisons() {
        let full = Coverage::of(w(2016, 2020), Some((1995, 2024)));
        let part = Coverage::of(w(2021, 2025), Some((1995, 2024)));
        assert!(comparison_note(&full, &full).is_none());
        assert_eq!(
            comparison_note(&part, &full).unwrap(),
            "not like for like: 2021-2025 has 4 of 5 years in the release"
        );
    }
}

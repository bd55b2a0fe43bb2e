//! What one scenario change did, as figures: the CLI and the API word it in
//! English ([`Step::english`]), the dashboard in the page's language.

use crate::filter::name_of;
use model::{EntityId, Release};

/// One applied change. TIV figures are SIPRI TIV millions moved or set;
/// `to` lists each receiving supplier with the TIV it gained, in the order
/// the change gave it.
#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    /// `percent` % of `from`'s TIV (`tiv`, zero when it supplied nothing in
    /// the window: nothing moves) shifted to `to`.
    Shift {
        percent: f64,
        from: EntityId,
        tiv: f64,
        to: Vec<(EntityId, f64)>,
    },
    /// `tiv` added to (negative: taken from) `supplier`, which then has `now`.
    Add {
        supplier: EntityId,
        tiv: f64,
        now: f64,
    },
    /// `supplier` dropped with its `tiv`; `to` empty: not reallocated.
    Drop {
        supplier: EntityId,
        tiv: f64,
        to: Vec<(EntityId, f64)>,
    },
    /// Suppliers outside a group cut by `percent` % (`tiv` in all); `to`
    /// empty: not reallocated.
    Cut {
        percent: f64,
        tiv: f64,
        to: Vec<(EntityId, f64)>,
    },
}

impl Step {
    /// The step in English, as the CLI prints it and the API returns it.
    pub fn english(&self, rel: &Release) -> String {
        let nm = |id: EntityId| name_of(rel, id).to_string();
        let parts = |to: &[(EntityId, f64)]| {
            to.iter()
                .map(|&(id, t)| format!("{} +{t:.2}", nm(id)))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let spread = |to: &[(EntityId, f64)]| {
            if to.is_empty() {
                " without reallocation".to_string()
            } else {
                format!(": {}", parts(to))
            }
        };
        match self {
            // 0 % of a supplier that did deliver (user-files probe 34: it
            // was said to have supplied nothing).
            Step::Shift { percent, from, .. } if *percent == 0.0 => {
                format!("shift 0 % of {}: 0 % moves nothing", nm(*from))
            }
            // Said, not silently "+0.00" (regression of the API probe).
            Step::Shift {
                percent, from, tiv, ..
            } if *tiv <= 0.0 => format!(
                "shift {percent} % of {}: it supplied nothing in the window, nothing moves",
                nm(*from)
            ),
            Step::Shift {
                percent,
                from,
                tiv,
                to,
            } => format!(
                "shift {percent} % of {} ({tiv:.2} TIV): {}",
                nm(*from),
                parts(to)
            ),
            Step::Add { supplier, tiv, now } => {
                format!("{} {tiv:+.2} TIV → {now:.2}", nm(*supplier))
            }
            Step::Drop { supplier, tiv, to } => {
                format!("drop {} ({tiv:.2} TIV){}", nm(*supplier), spread(to))
            }
            Step::Cut { percent, tiv, to } => format!(
                "cut suppliers outside the group by {percent} % ({tiv:.2} TIV){}",
                spread(to)
            ),
        }
    }
}

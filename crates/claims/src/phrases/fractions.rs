//! Fractions in words: "nearly half", "nine in ten", "knapp ein Drittel",
//! and whether they are of a share ("half its share") or of a flow.

use super::*;

/// A fraction starting at token `i`: (percent, index of the last token).
pub(super) fn fraction_at(t: &[Token], i: usize) -> Option<(f64, usize)> {
    let norm = w(t, i);
    // "nine in ten", "nine out of ten", "neun von zehn"
    if let Some(n) = count(t, i).or_else(|| mn::number_word(norm)) {
        // "nine in ten", "one in five", "drei von vier", "two out of three"
        let of = |d: Option<u32>, last: usize| {
            d.filter(|d| *d >= 2 && n < *d && *d <= 20)
                .map(|d| (100.0 * n as f64 / d as f64, last))
        };
        if matches!(w(t, i + 1), "in" | "von")
            && let Some(x) = of(count(t, i + 2), i + 2)
        {
            return Some(x);
        }
        if w(t, i + 1) == "out"
            && w(t, i + 2) == "of"
            && let Some(x) = of(count(t, i + 3), i + 3)
        {
            return Some(x);
        }
        // "a third", "zwei Drittel"
        if let Some(d) = mn::fraction_noun(w(t, i + 1))
            && n < d
        {
            return Some((100.0 * n as f64 / d as f64, i + 1));
        }
    }
    // "two-thirds", "four-fifths"
    if let Some((a, b)) = norm.split_once('-')
        && let (Some(n), Some(d)) = (mn::number_word(a), mn::fraction_noun(b))
        && n < d
    {
        return Some((100.0 * n as f64 / d as f64, i));
    }
    // "half", "die Hälfte"
    if matches!(norm, "half" | "halfte") {
        return Some((50.0, i));
    }
    None
}

/// Whether the words from `k` name a share ("its share", "of the share",
/// "seines Anteils"): the fraction before them is relative to it.
fn of_a_share(t: &[Token], k: usize) -> bool {
    let mut j = k;
    if matches!(w(t, j), "of" | "von") {
        j += 1;
    }
    if matches!(
        w(t, j),
        "its"
            | "their"
            | "his"
            | "her"
            | "the"
            | "that"
            | "this"
            | "seines"
            | "seinen"
            | "ihres"
            | "ihren"
            | "des"
            | "dem"
            | "den"
            | "der"
            | "dessen"
    ) {
        j += 1;
    }
    mn::is_share_word(w(t, j))
}

/// Fractions as percentages: "nearly half" = almost 50 %, "nine in ten" =
/// about 90 %. A bare fraction is approximate (±2.5 points).
pub(super) fn fractions(t: &[Token], f: &mut Features) {
    let mut i = 0;
    while i < t.len() {
        let Some((value, last)) = fraction_at(t, i) else {
            i += 1;
            continue;
        };
        let ordinal_before = lx::english_ordinal(before(t, i, 1)).is_some()
            || matches!(before(t, i, 1), "ersten" | "zweiten" | "erste" | "zweite");
        if ordinal_before {
            i = last + 1;
            continue;
        }
        // "half its share in 2010-14", "die Hälfte seines Anteils": a
        // fraction *of another figure*, not a share of 50 % (it was checked
        // as "about 50 %" and found not supported, though 36 is half of 72).
        if of_a_share(t, last + 1) {
            f.markers.push(Marker {
                kind: MarkerKind::Comparison,
                idx: i,
                text: t[i..=last]
                    .iter()
                    .map(|x| x.text.as_str())
                    .collect::<Vec<_>>()
                    .join(" "),
            });
            i = last + 1;
            continue;
        }
        // Hedge words before the phrase, articles skipped: "knapp die Hälfte".
        let mut j = i;
        while j > 0 && is_article(w(t, j - 1)) {
            j -= 1;
        }
        let q = lx::qualifier(before(t, j, 2), before(t, j, 1));
        // The word before the hedge: "by almost two-thirds", "auf knapp die Hälfte".
        let h = if q == Qualifier::Exact {
            j
        } else if lx::qualifier("", before(t, j, 1)) == q {
            j - 1
        } else {
            j.saturating_sub(2)
        };
        f.percents.push(Percent {
            stated: Stated {
                value,
                decimals: 0,
                qualifier: if q == Qualifier::Exact {
                    Qualifier::About
                } else {
                    q
                },
            },
            idx: last,
            level: matches!(before(t, h, 1), "to" | "auf"),
            from_level: matches!(before(t, h, 1), "from" | "von"),
            by: matches!(before(t, h, 1), "by" | "um"),
            change_attached: change_attached(t, j, last),
            negative: false,
            rank_lead: crate::features::RankLead::No,
            half: q == Qualifier::Exact && matches!(w(t, last), "half" | "halfte"),
        });
        i = last + 1;
    }
}

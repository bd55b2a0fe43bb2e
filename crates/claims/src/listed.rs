//! Several parties listed with several figures in one sentence, whose
//! readings went wrong in claims probe 27:
//! each is refused, because a verdict on a misread list is worse than none.

use crate::claim::{Claim, Party, Rank};
use crate::features::{Features, Form};
use crate::i18n::{Msg, Reason};
use crate::lex::{Kind, Token};
use crate::lexicon::{english_ordinal, ordinal_largest, role_noun};
use crate::meaning::MarkerKind;
use crate::rule::Built;

fn arms_word(x: &Token) -> bool {
    let w = x.norm.as_str();
    matches!(
        w,
        "arms" | "weapons" | "weaponry" | "deliveries" | "waffen" | "lieferungen"
    ) || w.ends_with("lieferungen")
        || w.starts_with("rustungsgut")
}

/// A noun that makes "Indian arms …" the maker's own flow ("Indian arms
/// imports"), not arms of the maker's making.
fn flow_noun(x: &Token) -> bool {
    let w = x.norm.as_str();
    w.contains("import")
        || w.contains("export")
        || w.ends_with("einfuhren")
        || w.ends_with("ausfuhren")
        || matches!(
            w,
            "purchases" | "acquisitions" | "procurement" | "spending" | "industry"
        )
}

fn is_share(c: &Claim) -> bool {
    matches!(
        c,
        Claim::ImportShare { .. }
            | Claim::ExportShare { share: Some(_), .. }
            | Claim::Global { share: Some(_), .. }
    )
}

/// "Russian and Spanish arms made up 88 % and 6 % of Kazakhstan's arms
/// imports" was read as Spain's imports from Russia (88 %) and
/// Kazakhstan's from Russia (6 %): "US and Spanish arms … 56 % and 74 % of
/// Saudi Arabia's" was supported on Spain's imports. Both makers are
/// suppliers, and a demonym before "arms" never makes its country the
/// importer of another country's imports. Claims probe 28 found the same
/// misreading with any other head noun ("Russian and Chinese systems /
/// hardware / firms …") and with "of Russian and Chinese origin", so two
/// coordinated demonyms are refused whatever follows them.
pub(crate) fn coordinated_makers(f: &Features, t: &[Token], built: &[Built]) -> Option<Msg> {
    let arms_after = |end: usize| {
        t[end.min(t.len())..t.len().min(end + 2)]
            .iter()
            .position(arms_word)
            .map(|k| end + k)
    };
    if built.iter().any(|b| is_share(&b.claim)) {
        for m2 in f.mentions.iter().filter(|m| m.form == Form::Adjective) {
            if m2.idx < 2 {
                continue;
            }
            // "of Russian and of Chinese origin"
            let of = matches!(t[m2.idx - 1].norm.as_str(), "of" | "von");
            let j = m2.idx - 1 - usize::from(of);
            let joined = matches!(t[j].norm.as_str(), "and" | "und" | "&" | ",");
            let m1 = f.mentions.iter().find(|m| {
                m.end == j
                    && m.party != m2.party
                    && (m.form == Form::Adjective
                        || (m.form != Form::Possessive && arms_after(m2.end).is_some()))
            });
            if let (true, Some(m1)) = (joined, m1) {
                return Some(Reason::MakersTwoFigures(m1.party.clone(), m2.party.clone()).into());
            }
        }
    }
    // "… of Algeria's arms imports": the importer is named, so a demonym's
    // country read as another share's importer is a misreading (probe 28).
    let importer_named = |p: &Party| {
        f.mentions.iter().any(|m| {
            m.party != *p
                && m.form != Form::Adjective
                && (m.form == Form::Possessive
                    || t[m.end..t.len().min(m.end + 3)].iter().any(flow_noun))
        })
    };
    built.iter().find_map(|b| {
        let Claim::ImportShare { recipient, .. } = &b.claim else {
            return None;
        };
        let mut own = f
            .mentions
            .iter()
            .filter(|m| m.party == *recipient)
            .peekable();
        own.peek()?;
        let own: Vec<_> = own.collect();
        let only_maker = own.iter().all(|m| {
            m.form == Form::Adjective
                && arms_after(m.end).is_some_and(|k| !t.get(k + 1).is_some_and(flow_noun))
        });
        let only_demonym = own.iter().all(|m| {
            m.form == Form::Adjective && !t[m.end..t.len().min(m.end + 3)].iter().any(flow_noun)
        }) && importer_named(recipient);
        (only_maker || only_demonym).then(|| Reason::MakerFlowUnclear(recipient.clone()).into())
    })
}

fn rank_of(c: &Claim) -> Option<Rank> {
    match c {
        Claim::Largest { nth, .. } => Some(*nth),
        Claim::ExportShare { rank, .. } | Claim::Global { rank, .. } => *rank,
        _ => None,
    }
}

/// "Russia (88 %) was Kazakhstan's largest arms supplier in 2020–24,
/// Türkiye (2 %) the second-largest" was supported on the shares and
/// Russia's rank alone: Türkiye's gapped rank (it is 3rd) was dropped.
/// Every rank word from second on must be carried by a claim.
pub(crate) fn rank_unread(t: &[Token], built: &[Built]) -> Option<Msg> {
    if built.is_empty() {
        return None;
    }
    let mut words: Vec<(u32, String)> = Vec::new();
    for (i, x) in t.iter().enumerate() {
        let n = ordinal_largest(&x.norm).or_else(|| {
            let next = t.get(i + 1)?;
            matches!(next.norm.as_str(), "largest" | "biggest")
                .then(|| english_ordinal(&x.norm))
                .flatten()
        });
        match n {
            Some(n) if n >= 2 => words.push((n, x.text.clone())),
            _ => {}
        }
    }
    words.iter().find_map(|(n, w)| {
        let said = words.iter().filter(|(k, _)| k == n).count();
        let read = built
            .iter()
            .filter(|b| rank_of(&b.claim).is_some_and(|r| r.n == *n))
            .count();
        (read < said).then(|| Reason::RankUnread(w.clone()).into())
    })
}

const PLURAL_ROLES: &[&str] = &[
    "suppliers",
    "providers",
    "sellers",
    "customers",
    "recipients",
    "buyers",
    "clients",
    "purchasers",
    "exporters",
    "importers",
];

/// "Ukraine's largest arms suppliers in 2020–24 were the USA (45 %) and
/// Poland (11 %)" was read as "largest supplier = USA" plus the shares and
/// supported, though Germany (12.30 %) is ahead of Poland; with Germany
/// named first the true list was not supported. A plural role noun after a
/// superlative, with no count ("the two largest" is checked as top two) and
/// not "one of"/"among", names a set: refused.
pub(crate) fn plural_ranking(t: &[Token], built: &[Built]) -> Option<Msg> {
    if built.is_empty() {
        return None;
    }
    let filler = |x: &Token| {
        arms_word(x)
            || matches!(
                x.norm.as_str(),
                "weapon" | "defence" | "defense" | "military"
            )
    };
    let counted = |s: usize| {
        t[s.saturating_sub(4)..s].iter().any(|x| {
            matches!(x.kind, crate::lex::Kind::Number { .. })
                || matches!(
                    x.norm.as_str(),
                    "one"
                        | "among"
                        | "two"
                        | "three"
                        | "four"
                        | "five"
                        | "einer"
                        | "eines"
                        | "einem"
                        | "unter"
                        | "zu"
                        | "zwei"
                        | "drei"
                        | "vier"
                        | "funf"
                )
        })
    };
    (0..t.len()).find_map(|r| {
        let w = t[r].norm.as_str();
        let english = PLURAL_ROLES.contains(&w);
        let german = !english && role_noun(w).is_some() && !w.is_empty();
        if !english && !german {
            return None;
        }
        let mut s = r;
        while s > 0 && filler(&t[s - 1]) && r - s < 2 {
            s -= 1;
        }
        let sup = s.checked_sub(1)?;
        if ordinal_largest(&t[sup].norm) != Some(1) || counted(sup) {
            return None;
        }
        // German: only "die größten Lieferanten" is plural; "dem größten
        // Lieferanten" is one.
        if german && !(t[sup].norm.ends_with("en") && sup > 0 && t[sup - 1].norm == "die") {
            return None;
        }
        let words: Vec<&str> = t[sup..=r].iter().map(|x| x.text.as_str()).collect();
        Some(Reason::PluralRanking(words.join(" ")).into())
    })
}

/// "Größter Waffenlieferant Kasachstans war Russland (88 %) vor der Türkei
/// (2 %)" and "… Russia (88 %) before Türkiye (2 %)" say Türkiye is the
/// runner-up, as "followed by" does; that rank was dropped and the sentence
/// supported though Spain is 2nd (claims probe 28). Refused as a comparison
/// beside a rank, when "vor"/"before" names a country that only carries a
/// figure or ends the clause ("before Russia's invasion" is a time).
pub(crate) fn runner_up_unread(f: &Features, t: &[Token], built: &[Built]) -> Option<Msg> {
    if !built.iter().any(|b| rank_of(&b.claim).is_some()) {
        return None;
    }
    t.iter().enumerate().find_map(|(i, x)| {
        if !matches!(x.norm.as_str(), "vor" | "before") {
            return None;
        }
        let mut k = i + 1;
        while t
            .get(k)
            .is_some_and(|y| matches!(y.norm.as_str(), "der" | "dem" | "den" | "die" | "the"))
        {
            k += 1;
        }
        let m = f
            .mentions
            .iter()
            .find(|m| (i + 1..=k).contains(&m.idx) && m.form != Form::Adjective)?;
        let listed = t.get(m.end).is_none_or(|y| {
            matches!(y.kind, Kind::Punct(_))
                || matches!(
                    y.norm.as_str(),
                    "mit" | "with" | "und" | "and" | "der" | "die" | "als" | "on" | "auf"
                )
        });
        listed.then(|| MarkerKind::Comparison.reason(&x.text))
    })
}

/// "Russia, France and Israel were India's three largest suppliers": a top-N
/// rank whose answer is a list of exactly N countries holds for each of them.
/// A bracketed figure after a member ("the USA (45 %) and Poland (11 %)")
/// keeps the list: without this only the first held the rank, and "the two
/// largest … USA (45 %) and Poland (11 %)" was supported though Poland is 3rd
/// (claims probe 28).
pub(crate) fn each_of_list(f: &Features, t: &[Token], claim: Claim) -> Vec<Claim> {
    let n = match &claim {
        Claim::Largest { nth, .. } if nth.top => nth.n,
        Claim::Global {
            rank: Some(r),
            share: None,
            ..
        } if r.top => r.n,
        _ => return vec![claim],
    };
    let answer = match &claim {
        Claim::Largest { answer, .. } => answer.clone(),
        Claim::Global { focus, .. } => focus.clone(),
        _ => return vec![claim],
    };
    // The list: mentions joined only by commas and "and"/"und"/"sowie",
    // each perhaps with a bracketed figure.
    let Some(start) = f.mentions.iter().position(|m| m.party == answer) else {
        return vec![claim];
    };
    let mut list = vec![answer];
    let mut prev_end = f.mentions[start].end;
    for m in &f.mentions[start + 1..] {
        if m.idx <= prev_end || !joiners(&t[prev_end..m.idx]) {
            break;
        }
        list.push(m.party.clone());
        prev_end = m.end;
    }
    if list.len() < 2 || list.len() as u32 != n {
        return vec![claim];
    }
    list.into_iter()
        .map(|p| {
            let mut c = claim.clone();
            match &mut c {
                Claim::Largest { answer, .. } => *answer = p,
                Claim::Global { focus, .. } => *focus = p,
                _ => {}
            }
            c
        })
        .collect()
}

fn joiners(between: &[Token]) -> bool {
    let mut depth = 0;
    between.iter().all(|x| match x.kind {
        Kind::Punct('(') if depth == 0 => {
            depth = 1;
            true
        }
        Kind::Punct(')') if depth == 1 => {
            depth = 0;
            true
        }
        Kind::Number { .. } | Kind::Percent if depth == 1 => true,
        _ if depth == 1 => matches!(x.norm.as_str(), "prozent" | "per" | "cent" | "percent"),
        Kind::Punct(',') => true,
        _ => matches!(
            x.norm.as_str(),
            "and" | "und" | "sowie" | "the" | "die" | "der"
        ),
    }) && depth == 0
}

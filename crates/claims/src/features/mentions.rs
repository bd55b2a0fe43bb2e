//! Country mentions: names (longest span first), possessives, German
//! genitives and demonyms, each with the preposition or article before it.

use super::{Features, Form, Mention};
use crate::claim::Party;
use crate::lex::{Kind, Token};
use crate::lexicon::{self as lx, Prep};
use crate::names::Names;
use engine::Direction;

/// Finds country names (longest span first), possessives and demonyms.
pub(super) fn mentions(t: &[Token], names: &Names, f: &mut Features) {
    // "Moscow also sold …": a capital heading the sentence is its state
    // (claims probe 12: "its" went to the previous sentence's India).
    let head = crate::antecedent::head_metonym(t, names);
    let mut i = 0;
    while i < t.len() {
        if !t[i].is_word() {
            i += 1;
            continue;
        }
        if let Some((p, k, end)) = &head
            && *k == i
            && name_at(t, i, names).is_none()
        {
            push_mention(t, f, p.clone(), i, *end, Form::Noun);
            i = *end;
            continue;
        }
        if let Some((party, mut end, mut form)) = name_at(t, i, names) {
            if form == Form::Noun && plural_possessive(t, end) {
                form = Form::Possessive;
                end += 1;
            }
            push_mention(t, f, party, i, end, form);
            i = end;
            continue;
        }
        // Demonyms: two-word forms first ("South African").
        let two = t
            .get(i + 1)
            .filter(|n| n.is_word())
            .map(|n| format!("{} {}", t[i].text, n.text));
        if let Some(p) = two.as_deref().and_then(|s| names.demonym(s)) {
            push_mention(t, f, p, i, i + 2, Form::Adjective);
            i += 2;
            continue;
        }
        let w = &t[i].text;
        // "South American", "Central American": a region (a Group marker),
        // not the United States (regression: read as US imports).
        let compass = i > 0
            && matches!(
                t[i - 1].norm.as_str(),
                "south" | "central" | "north" | "latin"
            );
        let short_ok =
            !compass && (w.chars().count() > 3 || w.chars().all(|c| c.is_uppercase() || c == '.'));
        if short_ok && let Some(p) = names.demonym(w) {
            push_mention(t, f, p, i, i + 1, Form::Adjective);
        } else if let Some((_, tail)) = w.split_once('-')
            && member_word(&sipri::names::fold(tail))
        {
            // "EU-Staaten", "NATO-Mitglieder": the members, not SIPRI's
            // "European Union**" or "NATO**" (regression: read as that
            // organisation, 0 %, not supported; the members supplied 40 %).
        } else if let Some((head, tail)) = w.split_once('-') {
            // "US-amerikanische", "US-Präsident": a country or demonym inside a compound.
            let head_ok = head.chars().all(char::is_uppercase)
                || head.chars().next().is_some_and(char::is_uppercase);
            let hit = names
                .demonym(tail)
                .or_else(|| if head_ok { names.in_text(head) } else { None });
            if let Some(p) = hit.filter(|_| head_ok || names.demonym(tail).is_some()) {
                push_mention(t, f, p, i, i + 1, Form::Adjective);
            }
        }
        i += 1;
    }
}

/// A bare apostrophe glued to a name ending in "s" and followed by a word:
/// "the United States' arms exports", "the Philippines' imports". The lexer
/// keeps it apart because no letter follows it (regression: read as the
/// plain noun, so "Ukraine's share of the United States' arms exports" became
/// Ukraine's exports to the United States, 0 %).
fn plural_possessive(t: &[Token], end: usize) -> bool {
    let (Some(last), Some(mark), Some(next)) =
        (t.get(end.wrapping_sub(1)), t.get(end), t.get(end + 1))
    else {
        return false;
    };
    matches!(mark.kind, Kind::Punct('\'' | '’'))
        && mark.start == last.end
        && next.start > mark.end
        && next.is_word()
        && last.text.ends_with(['s', 'S'])
}

/// A country name starting at token `i`: `(party, end, form)`.
fn name_at(t: &[Token], i: usize, names: &Names) -> Option<(Party, usize, Form)> {
    if !t[i].capitalized() {
        return None;
    }
    let max = names.max_words().min(t.len() - i);
    for len in (1..=max).rev() {
        let span = &t[i..i + len];
        if !span.iter().all(Token::is_word) || !span[len - 1].capitalized() && len > 1 {
            continue;
        }
        let words: Vec<&str> = span.iter().map(|x| x.text.as_str()).collect();
        let phrase = words.join(" ");
        if len == 1 && phrase.chars().count() <= 3 && !phrase.chars().all(char::is_uppercase) {
            continue;
        }
        if let Some(p) = names.in_text(&phrase) {
            return Some((p, i + len, Form::Noun));
        }
        // English possessive.
        for suf in ["'s", "’s", "'", "’"] {
            if let Some(stem) = phrase.strip_suffix(suf)
                && let Some(p) = names.in_text(stem)
            {
                return Some((p, i + len, Form::Possessive));
            }
        }
        // German genitive -s ("Russlands", "Kasachstans").
        if let Some(stem) = phrase.strip_suffix('s')
            && stem.chars().count() > 3
            && let Some(p) = names.in_text(stem)
        {
            return Some((p, i + len, Form::Possessive));
        }
        // German dative/genitive -n on multi-word names ("den Vereinigten
        // Staaten", "Vereinigten Arabischen Emiraten"): any word may carry it.
        if (2..=4).contains(&len) {
            for mask in 1u32..(1 << len) {
                let stripped: Vec<&str> = words
                    .iter()
                    .enumerate()
                    .map(|(k, w)| {
                        if mask & (1 << k) != 0 {
                            w.strip_suffix('n').unwrap_or(w)
                        } else {
                            w
                        }
                    })
                    .collect();
                if let Some(p) = names.in_text(&stripped.join(" ")) {
                    return Some((p, i + len, Form::Noun));
                }
            }
        }
    }
    None
}

fn push_mention(
    t: &[Token],
    f: &mut Features,
    party: Party,
    idx: usize,
    end: usize,
    mut form: Form,
) {
    let mut j = idx;
    let mut article: Option<&str> = None;
    while j > 0 && t[j - 1].is_word() && lx::is_article(&t[j - 1].norm) {
        article = Some(t[j - 1].norm.as_str());
        j -= 1;
    }
    let before = if j > 0 { Some(&t[j - 1]) } else { None };
    let prep = before
        .filter(|b| b.is_word())
        .and_then(|b| lx::prep(&b.norm));
    // "the weapons imported by Saudi Arabia", "der von Saudi-Arabien
    // importierten Waffen": the agent of an import is the importer, not a
    // "from" country (regression: "Three in four weapons imported by Saudi
    // Arabia … came from the US" was read as Saudi Arabia supplying the US).
    let imports_verb = |k: usize| {
        t.get(k).is_some_and(|x| {
            x.is_word()
                && lx::direction(&x.norm) == Some(Direction::Imports)
                && !matches!(x.norm.as_str(), "imports" | "import")
        })
    };
    // A "Von"/"Bei" that opens the sentence is a fronted source, never an
    // agent: "Von Kasachstan bezog Russland 88 Prozent seiner Waffen" says
    // Russia got them from Kazakhstan (regression: read as Kazakhstan's
    // imports from Russia, and a false sentence was supported).
    let fronted = j == 1
        && before.is_some_and(|b| matches!(b.norm.as_str(), "von" | "vom" | "bei" | "beim"))
        && (end..end + 3).any(imports_verb);
    // "seiner Waffenimporte von Russland geliefert": "von" before a supply
    // participle names the supplier (claims probe 25: the import noun two
    // back made Russia the importer, supplier and recipient swapped).
    let supplied_by = before.is_some_and(|b| b.norm == "von")
        && t.get(end).is_some_and(|x| {
            x.is_word()
                && matches!(
                    x.norm.as_str(),
                    "geliefert" | "verkauft" | "exportiert" | "beliefert" | "bereitgestellt"
                )
        });
    let agent = !fronted
        && !supplied_by
        && prep == Some(Prep::From)
        && before.is_some_and(|b| matches!(b.norm.as_str(), "by" | "von"))
        && (j >= 2 && imports_verb(j - 2) || (end..end + 3).any(imports_verb));
    let prep = if fronted {
        Some(Prep::From)
    } else if agent {
        None
    } else {
        prep
    };
    // "Abnehmer der Türkei": a genitive article after a noun.
    let mut genitive_article = false;
    if form == Form::Noun
        && prep.is_none()
        && article.is_some_and(lx::is_genitive_article)
        && before.is_some_and(|b| b.is_word() && b.capitalized())
    {
        form = Form::Possessive;
        genitive_article = true;
    }
    let falls_to = before.is_some_and(|b| b.norm == "auf")
        || (before.is_some_and(|b| b.norm == "to")
            && j >= 2
            && matches!(t[j - 2].norm.as_str(), "fell" | "falls" | "fall"));
    let clause = f.clause(idx);
    f.mentions.push(Mention {
        party,
        idx,
        end,
        form,
        prep,
        clause,
        genitive_article,
        falls_to,
    });
}

/// A word for a group's members after a hyphen: "EU-Staaten",
/// "NATO-Mitgliedstaaten", "NATO-Partner".
fn member_word(tail: &str) -> bool {
    [
        "staat",
        "mitglied",
        "land",
        "lander",
        "partner",
        "verbundet",
        "member",
        "countr",
        "state",
        "ally",
        "allies",
    ]
    .iter()
    .any(|w| tail.starts_with(w))
}

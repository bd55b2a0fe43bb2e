//! Membership files in the layout of the project's compiled alignment data
//! (`shared/data/blocs/blocs.csv`: `bloc,country,joined,left,source,certainty,
//! note`, countries by name). `--groups` takes them as well as our own
//! `groups.csv` layout, so an updated compilation can be used as it comes.
//! The engine reads entity keys and does no name resolution (it has no
//! resolver), so rows are translated here, line for line: an error in the
//! translated table names the line of the original file.

use anyhow::Context;

/// The header that marks the compiled layout.
const HEADER: [&str; 7] = [
    "bloc",
    "country",
    "joined",
    "left",
    "source",
    "certainty",
    "note",
];

/// Whether `text`'s first non-blank, non-comment line is the compiled header.
pub fn is_blocs(text: &str) -> bool {
    text.lines()
        .map(|l| l.trim_start_matches('\u{feff}').trim())
        .find(|l| !l.is_empty() && !l.starts_with('#'))
        .is_some_and(|l| {
            let cells: Vec<String> = l.split(',').map(|c| c.trim().to_lowercase()).collect();
            cells.len() == HEADER.len() && cells.iter().zip(HEADER).all(|(a, b)| a == b)
        })
}

/// `text` in the groups.csv layout, each record on its original line.
/// `resolve` turns a country name into an entity key. Groups are named as
/// the built-in ones where the compiled name spells one out
/// ("CSTO (Collective Security Treaty 1992 / …)", "Eurasian Economic Union
/// (EAEU)"), so that they replace them as a groups.csv file would.
pub fn to_groups_csv(
    text: &str,
    builtin: &[&str],
    resolve: impl Fn(&str) -> anyhow::Result<String>,
) -> anyhow::Result<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut header = true;
    // Line by line (a record is one line in this layout): the csv crate's
    // record positions skip comment lines, and errors must name the line.
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        lines.push(String::new());
        let l = raw.trim_start_matches('\u{feff}');
        if l.trim().is_empty() || l.trim_start().starts_with('#') {
            continue;
        }
        let at = |what: String| anyhow::anyhow!("{line}: {what}");
        let rec = record(l)
            .with_context(|| format!("{line}: not a CSV row"))?
            .unwrap_or_default();
        if std::mem::take(&mut header) {
            lines[i] = "group,member,joined,left,note".into();
            continue;
        }
        if rec.len() != HEADER.len() {
            return Err(at(format!(
                "expected {} fields ({}), found {}",
                HEADER.len(),
                HEADER.join(","),
                rec.len()
            )));
        }
        let cell = |i: usize| rec.get(i).unwrap_or("").trim();
        let group = group_name(cell(0), builtin);
        let key = resolve(cell(1)).map_err(|e| at(format!("{e:#}")))?;
        let mut note = format!("{}; certainty {}", cell(1), cell(5));
        for extra in [cell(6), cell(4)] {
            if !extra.is_empty() {
                note.push_str("; ");
                note.push_str(extra);
            }
        }
        let row = [group.as_str(), &key, cell(2), cell(3), &note];
        lines[i] = row.iter().map(|c| quote(c)).collect::<Vec<_>>().join(",");
    }
    Ok(lines.join("\n"))
}

/// `text` in the groups.csv layout with every member cell an entity key:
/// a key stays, a name or code goes through `resolve` (alignment probe 17:
/// members `Russia`, `rus` and `XXX` were taken as keys no release has, and
/// their groups answered 0.0 % without a word). Errors name the line.
/// Lines that are not member rows pass through for the engine's parser.
pub fn resolve_members(
    text: &str,
    is_key: impl Fn(&str) -> bool,
    resolve: impl Fn(&str) -> anyhow::Result<String>,
) -> anyhow::Result<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut header = true;
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        lines.push(raw.to_string());
        let l = raw.trim_start_matches('\u{feff}');
        if l.trim().is_empty() || l.trim_start().starts_with('#') {
            continue;
        }
        if std::mem::take(&mut header) {
            continue;
        }
        let Ok(Some(rec)) = record(l) else {
            continue;
        };
        let member = rec.get(1).unwrap_or("").trim();
        if rec.len() < 2 || member.is_empty() || is_key(member) {
            continue;
        }
        let key = resolve(member).map_err(|e| anyhow::anyhow!("{line}: {e:#}"))?;
        let cells: Vec<String> = rec
            .iter()
            .enumerate()
            .map(|(k, c)| quote(if k == 1 { &key } else { c }))
            .collect();
        lines[i] = cells.join(",");
    }
    Ok(lines.join("\n"))
}

/// One line's CSV record (a record is one line in both layouts). An odd
/// number of quotes is an unterminated quoted field, which the csv crate
/// reads to the end of the line (user-files probe 34: `X,"Israel,2000-01-01,,`
/// was refused as the unknown country 'Israel,2000-01-01,,').
fn record(l: &str) -> anyhow::Result<Option<csv::StringRecord>> {
    if l.bytes().filter(|&b| b == b'"').count() % 2 == 1 {
        anyhow::bail!("unterminated quoted field");
    }
    Ok(csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(l.as_bytes())
        .records()
        .next()
        .transpose()?)
}

/// The built-in name a compiled group name spells out, else the name.
fn group_name(name: &str, builtin: &[&str]) -> String {
    let same = |a: &str| builtin.iter().find(|b| b.eq_ignore_ascii_case(a.trim()));
    let inner = name
        .split_once('(')
        .and_then(|(_, r)| r.split_once(')'))
        .map(|(i, _)| i);
    let head = name.split_once(" (").map(|(h, _)| h);
    inner
        .and_then(same)
        .or_else(|| head.and_then(same))
        .map_or_else(|| name.to_string(), |b| b.to_string())
}

/// A CSV cell: quoted when it holds a comma or a quote.
fn quote(c: &str) -> String {
    if c.contains([',', '"']) {
        format!("\"{}\"", c.replace('"', "\"\""))
    } else {
        c.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BUILTIN: &[&str] = &["CSTO", "EAEU", "NATO", "Abraham Accords"];

    fn key(name: &str) -> anyhow::Result<String> {
        match name {
            "Kazakhstan" => Ok("KAZ".into()),
            "Uzbekistan" => Ok("UZB".into()),
            other => Err(anyhow::anyhow!("unknown country '{other}'")),
        }
    }

    #[test]
    fn compiled_rows_become_group_rows_on_their_lines() {
        let text = "bloc,country,joined,left,source,certainty,note\n\
            # a comment\n\
            CSTO (Collective Security Treaty 1992 / Organization 2002),Uzbekistan,1992-05-15,1999-04,https://x,secondary-multiple,\"left, then rejoined\"\n\
            Eurasian Economic Union (EAEU),Kazakhstan,2015-01-01,,https://y,uncertain,\n";
        assert!(is_blocs(text));
        let out = to_groups_csv(text, BUILTIN, key).unwrap();
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[0], "group,member,joined,left,note");
        assert_eq!(lines[1], "");
        assert_eq!(
            lines[2],
            "CSTO,UZB,1992-05-15,1999-04,\"Uzbekistan; certainty secondary-multiple; left, then rejoined; https://x\""
        );
        assert_eq!(
            lines[3],
            "EAEU,KAZ,2015-01-01,,Kazakhstan; certainty uncertain; https://y"
        );
    }

    #[test]
    fn errors_name_the_original_line() {
        let text = "bloc,country,joined,left,source,certainty,note\nNATO,Narnia,2010-01-01,,s,c,\n";
        let e = to_groups_csv(text, BUILTIN, key).unwrap_err();
        assert_eq!(e.to_string(), "2: unknown country 'Narnia'");
        let short = "bloc,country,joined,left,source,certainty,note\nNATO,Kazakhstan\n";
        let e = to_groups_csv(short, BUILTIN, key).unwrap_err();
        assert!(e.to_string().starts_with("2: expected 7 fields"), "{e}");
        assert!(!is_blocs("group,member,joined,left,note\n"));
    }

    #[test]
    fn other_names_are_kept() {
        assert_eq!(group_name("My bloc (2020)", BUILTIN), "My bloc (2020)");
        assert_eq!(group_name("nato", BUILTIN), "nato");
        assert_eq!(group_name("NATO (North Atlantic)", BUILTIN), "NATO");
    }

    #[test]
    fn member_names_become_keys_and_unknown_ones_are_refused() {
        let is_key = |k: &str| k == "KAZ" || k == "UZB";
        let text = "\u{feff}group,member,joined,left,note\n# c\nT,KAZ,2000-01,,\nT,Uzbekistan,2000-01,,\"a, b\"\n";
        let out = resolve_members(text, is_key, key).unwrap();
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[2], "T,KAZ,2000-01,,");
        assert_eq!(lines[3], "T,UZB,2000-01,,\"a, b\"");
        let bad = "group,member,joined,left,note\nT,XXX,2000-01,,\n";
        let e = resolve_members(bad, is_key, key).unwrap_err();
        assert_eq!(e.to_string(), "2: unknown country 'XXX'");
    }

    /// An unterminated quote is left for the parser to name, not read as a
    /// member spanning the rest of the line (user-files probe 34).
    #[test]
    fn an_unterminated_quote_is_not_a_member_name() {
        let text = "group,member,joined,left,note\nX,\"Israel,2000-01-01,,\n";
        let out = resolve_members(text, |_| false, key).unwrap();
        let e = engine::groups::GroupSet::parse(&out).unwrap_err();
        assert_eq!(e.line, 2);
        assert!(
            e.reason.contains("unterminated quoted field"),
            "{}",
            e.reason
        );
        let blocs =
            "bloc,country,joined,left,source,certainty,note\nNATO,\"Kazakhstan,2010,,s,c,\n";
        let e = to_groups_csv(blocs, BUILTIN, key).unwrap_err();
        assert!(
            format!("{e:#}").contains("unterminated quoted field"),
            "{e:#}"
        );
    }
}

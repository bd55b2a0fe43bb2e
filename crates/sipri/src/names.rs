//! Name resolver: SIPRI's supplier/recipient names (and what users type) → one
//! [`Entity`] each, from our own reviewed table `data/entities.csv`.
//!
//! Two matching levels, on purpose:
//! * [`Resolver::resolve`] is for names read from SIPRI files: case-, accent- and
//!   whitespace-insensitive, but punctuation (`*`, `**`, brackets) must match, so a
//!   file never resolves to the wrong party by a loose guess.
//! * [`Resolver::lookup`] is for user input: it also ignores punctuation and accepts
//!   ISO codes and SIPRI's legacy codes, and answers "did you mean" otherwise.

use crate::builder::FastMap;
use model::{Entity, EntityKind};
use std::collections::HashMap;
use std::sync::OnceLock;

const BUILTIN_CSV: &str = include_str!("../data/entities.csv");

/// One row of the name table.
#[derive(Debug, Clone)]
struct Row {
    entity: Entity,
    aliases: Vec<String>,
    codes: Vec<String>,
}

/// The name table with its indexes.
#[derive(Debug)]
pub struct Resolver {
    rows: Vec<Row>,
    /// `fold(name)` of canonical names and aliases → row index.
    exact: FastMap<String, usize>,
    /// `loose(name)` of names, aliases, ISO3 codes and SIPRI codes → row index.
    loose: FastMap<String, usize>,
    by_key: FastMap<String, usize>,
}

/// Error in a name table: line number and reason.
#[derive(Debug, Clone, PartialEq)]
pub struct TableError {
    pub line: usize,
    pub reason: String,
}

impl std::fmt::Display for TableError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "entities.csv:{}: {}", self.line, self.reason)
    }
}

impl std::error::Error for TableError {}

impl Resolver {
    /// The embedded table, parsed once.
    pub fn builtin() -> &'static Resolver {
        static R: OnceLock<Resolver> = OnceLock::new();
        R.get_or_init(|| {
            // The embedded table is checked by this crate's tests; a broken build
            // of it is a programming error, not an input error.
            Resolver::parse(BUILTIN_CSV).expect("embedded entities.csv is valid")
        })
    }

    /// Parses a table in the `entities.csv` format (`#` comments, one header line).
    pub fn parse(text: &str) -> Result<Resolver, TableError> {
        let mut r = Resolver {
            rows: Vec::new(),
            exact: FastMap::default(),
            loose: FastMap::default(),
            by_key: FastMap::default(),
        };
        // One CSV reader for the whole table (quoting lets an alias hold a
        // comma: "Korea, Republic of"). A reader per line cost more than the
        // rest of building the table.
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .comment(Some(b'#'))
            .from_reader(text.as_bytes());
        let mut seen_header = false;
        let mut record = csv::StringRecord::new();
        // Lines are counted here from byte offsets: csv's own count is one
        // short after a CRLF line (the LF is read with the next record).
        let mut lines = LineCounter::new(text);
        loop {
            let at = reader.position().byte();
            match reader.read_record(&mut record) {
                Ok(true) => {}
                Ok(false) => break,
                Err(e) => {
                    let byte = e.position().map_or(at, |p| p.byte());
                    return Err(TableError {
                        line: lines.line_at(byte),
                        reason: format!("not a CSV line: {e}"),
                    });
                }
            }
            let line = lines.line_at(record.position().map_or(at, |p| p.byte()));
            let f: Vec<&str> = record.iter().map(str::trim).collect();
            if f.iter().all(|v| v.is_empty()) {
                continue;
            }
            if f.iter().any(|v| v.contains(['\n', '\r'])) {
                return Err(TableError {
                    line,
                    reason: "a quoted field spans lines".into(),
                });
            }
            if !seen_header {
                seen_header = true;
                if f != ["key", "kind", "iso3", "name", "aliases", "codes"] {
                    return Err(TableError {
                        line,
                        reason: format!("unexpected header '{}'", f.join(",")),
                    });
                }
                continue;
            }
            if f.len() != 6 {
                return Err(TableError {
                    line,
                    reason: format!("{} fields, expected 6", f.len()),
                });
            }
            let kind = EntityKind::parse(f[1]).ok_or_else(|| TableError {
                line,
                reason: format!("unknown kind '{}'", f[1]),
            })?;
            if f[0].is_empty() || f[3].is_empty() {
                return Err(TableError {
                    line,
                    reason: "empty key or name".into(),
                });
            }
            let iso3 = (!f[2].is_empty()).then(|| f[2].to_string());
            if kind == EntityKind::State && f[0].len() == 3 && iso3.as_deref() != Some(f[0]) {
                return Err(TableError {
                    line,
                    reason: "state key must equal its iso3".into(),
                });
            }
            let split = |s: &str| -> Vec<String> {
                s.split('|')
                    .map(str::trim)
                    .filter(|a| !a.is_empty())
                    .map(String::from)
                    .collect()
            };
            let row = Row {
                entity: Entity {
                    key: f[0].into(),
                    name: f[3].into(),
                    kind,
                    iso3,
                },
                aliases: split(f[4]),
                codes: split(f[5]),
            };
            r.add(row, line)?;
        }
        r.index_codes();
        Ok(r)
    }

    fn add(&mut self, row: Row, line: usize) -> Result<(), TableError> {
        let idx = self.rows.len();
        if self.by_key.insert(row.entity.key.clone(), idx).is_some() {
            return Err(TableError {
                line,
                reason: format!("duplicate key '{}'", row.entity.key),
            });
        }
        for n in std::iter::once(&row.entity.name).chain(&row.aliases) {
            for (map, k) in [(&mut self.exact, fold(n)), (&mut self.loose, loose(n))] {
                if k.is_empty() {
                    continue;
                }
                if let Some(&other) = map.get(&k)
                    && other != idx
                {
                    return Err(TableError {
                        line,
                        reason: format!(
                            "name '{n}' already belongs to '{}'",
                            self.rows[other].entity.key
                        ),
                    });
                }
                map.insert(k, idx);
            }
        }
        self.rows.push(row);
        Ok(())
    }

    /// Codes come last so that a code never shadows a name, and ISO codes win over
    /// SIPRI's legacy codes where they clash (`CHE` is ISO Switzerland but SIPRI
    /// Chile; `CZE` is ISO Czechia but SIPRI Czechoslovakia).
    fn index_codes(&mut self) {
        for (idx, row) in self.rows.iter().enumerate() {
            if let Some(iso) = &row.entity.iso3 {
                self.loose.entry(loose(iso)).or_insert(idx);
            }
        }
        for (idx, row) in self.rows.iter().enumerate() {
            for c in &row.codes {
                self.loose.entry(loose(c)).or_insert(idx);
            }
        }
    }

    /// Resolves a name as written in a SIPRI file. `None` means "not in our table".
    pub fn resolve(&self, sipri_name: &str) -> Option<Entity> {
        self.exact
            .get(&fold(sipri_name))
            .map(|&i| self.rows[i].entity.clone())
    }

    /// Resolves user input: any spelling, alias, ISO3 or SIPRI code, ignoring case,
    /// accents and punctuation. On failure returns up to 5 suggestions, best first.
    pub fn lookup(&self, user_query: &str) -> Result<Entity, Vec<String>> {
        let q = loose(user_query);
        if let Some(&i) = self.loose.get(&q) {
            return Ok(self.rows[i].entity.clone());
        }
        if let Some(&i) = self.by_key.get(user_query.trim()) {
            return Ok(self.rows[i].entity.clone());
        }
        Err(self.suggest(&q))
    }

    fn suggest(&self, q: &str) -> Vec<String> {
        if q.is_empty() {
            return Vec::new();
        }
        let limit = (q.chars().count() / 3).max(2);
        let mut best: HashMap<usize, usize> = HashMap::new();
        for (k, &idx) in &self.loose {
            let d = if q.len() >= 3 && k.starts_with(q) {
                0
            } else {
                levenshtein(q, k)
            };
            if d <= limit {
                let e = best.entry(idx).or_insert(d);
                *e = (*e).min(d);
            }
        }
        let mut v: Vec<(usize, &str)> = best
            .into_iter()
            .map(|(i, d)| (d, self.rows[i].entity.name.as_str()))
            .collect();
        v.sort();
        v.into_iter().take(5).map(|(_, n)| n.to_string()).collect()
    }

    pub fn entities(&self) -> impl Iterator<Item = &Entity> {
        self.rows.iter().map(|r| &r.entity)
    }

    /// Entity by its stable key (`KAZ`, `org:nato`).
    pub fn by_key(&self, key: &str) -> Option<&Entity> {
        self.by_key.get(key).map(|&i| &self.rows[i].entity)
    }

    /// Every spelling known for `key`: the canonical name first, then the aliases
    /// (not the codes). Empty for an unknown key. Used to find names in free text.
    pub fn aliases(&self, key: &str) -> Vec<&str> {
        match self.by_key.get(key) {
            Some(&i) => {
                let r = &self.rows[i];
                std::iter::once(r.entity.name.as_str())
                    .chain(r.aliases.iter().map(String::as_str))
                    .collect()
            }
            None => Vec::new(),
        }
    }

    /// SIPRI legacy codes of `key` (`USR` for the Soviet Union).
    pub fn codes(&self, key: &str) -> Vec<&str> {
        self.by_key
            .get(key)
            .map(|&i| self.rows[i].codes.iter().map(String::as_str).collect())
            .unwrap_or_default()
    }
}

/// [`Resolver::lookup`] on the embedded table without building it: one pass
/// over the table's text, comparing without allocating. A one-question
/// process (`armsflow imports Kazakhstan`) would otherwise spend more on
/// indexing ~280 rows than on its query. Same answers, same precedence: a
/// name or alias (unique by construction), then the first ISO code, then the
/// first SIPRI code, then an exact key; misses (with their suggestions) go to
/// the full resolver.
pub fn lookup_builtin(user_query: &str) -> Result<Entity, Vec<String>> {
    let q = loose(user_query);
    if q.is_empty() {
        return Resolver::builtin().lookup(user_query);
    }
    let (mut iso_hit, mut code_hit) = (None, None);
    let key = user_query.trim();
    let mut key_hit = None;
    for f in builtin_rows() {
        let [k, _, iso3, name, aliases, codes] = f;
        let names = std::iter::once(name).chain(aliases.split('|').map(str::trim));
        if names.into_iter().any(|n| !n.is_empty() && loose_is(n, &q)) {
            return Ok(row_entity(f));
        }
        if iso_hit.is_none() && !iso3.is_empty() && loose_is(iso3, &q) {
            iso_hit = Some(f);
        }
        if code_hit.is_none()
            && codes
                .split('|')
                .map(str::trim)
                .any(|c| !c.is_empty() && loose_is(c, &q))
        {
            code_hit = Some(f);
        }
        if key_hit.is_none() && k == key {
            key_hit = Some(f);
        }
    }
    match iso_hit.or(code_hit).or(key_hit) {
        Some(f) => Ok(row_entity(f)),
        None => Resolver::builtin().lookup(user_query),
    }
}

/// The embedded table's data rows as six trimmed fields (the table is
/// validated by [`Resolver::parse`] in this crate's tests).
fn builtin_rows() -> impl Iterator<Item = [&'static str; 6]> {
    BUILTIN_CSV
        .lines()
        .map(|l| l.trim_end_matches('\r'))
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .skip(1)
        .filter_map(|l| {
            let mut it = l.split(',').map(str::trim);
            let f = [
                it.next()?,
                it.next()?,
                it.next()?,
                it.next()?,
                it.next()?,
                it.next()?,
            ];
            it.next().is_none().then_some(f)
        })
}

fn row_entity([key, kind, iso3, name, _, _]: [&str; 6]) -> Entity {
    Entity {
        key: key.into(),
        name: name.into(),
        kind: EntityKind::parse(kind).unwrap_or(EntityKind::Unresolved),
        iso3: (!iso3.is_empty()).then(|| iso3.to_string()),
    }
}

/// `loose(s) == q`, without allocating when `s` is ASCII (the same rules:
/// lower-case, apostrophes dropped, any other run of non-alphanumerics one
/// space, none at either end).
fn loose_is(s: &str, q: &str) -> bool {
    if !s.is_ascii() {
        return loose(s) == q;
    }
    let q = q.as_bytes();
    let (mut n, mut space) = (0, false);
    for b in s.bytes() {
        if b == b'\'' || b == b'`' {
            continue;
        }
        if b.is_ascii_alphanumeric() {
            if space && n > 0 {
                if q.get(n) != Some(&b' ') {
                    return false;
                }
                n += 1;
            }
            space = false;
            if q.get(n) != Some(&b.to_ascii_lowercase()) {
                return false;
            }
            n += 1;
        } else {
            space = true;
        }
    }
    n == q.len()
}

/// Lower-case, accents folded, whitespace collapsed; punctuation kept.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in word.chars() {
            push_folded(&mut out, c);
        }
    }
    out
}

/// Line numbers of byte offsets into a text, for offsets that only grow.
struct LineCounter<'a> {
    text: &'a [u8],
    at: usize,
    line: usize,
}

impl<'a> LineCounter<'a> {
    fn new(text: &'a str) -> Self {
        LineCounter {
            text: text.as_bytes(),
            at: 0,
            line: 1,
        }
    }

    /// The line of the first byte at or after `byte` that is no line end
    /// (a record's offset may point at the LF of the line before's CRLF).
    fn line_at(&mut self, byte: u64) -> usize {
        let mut b = usize::try_from(byte)
            .unwrap_or(usize::MAX)
            .min(self.text.len());
        while b < self.text.len() && matches!(self.text[b], b'\n' | b'\r') {
            b += 1;
        }
        if b > self.at {
            self.line += memchr::memchr_iter(b'\n', &self.text[self.at..b]).count();
            self.at = b;
        }
        self.line
    }
}

/// [`fold`], then apostrophes dropped and other punctuation treated as spaces.
pub fn loose(s: &str) -> String {
    let f = fold(s);
    let mut out = String::with_capacity(f.len());
    let mut space = false;
    for c in f.chars() {
        if c == '\'' || c == '\u{2019}' || c == '`' || c == '\u{b4}' {
            continue;
        }
        if c.is_alphanumeric() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        } else {
            space = true;
        }
    }
    out
}

fn push_folded(out: &mut String, c: char) {
    let s = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ą' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => {
            "a"
        }
        'æ' | 'Æ' => "ae",
        'ç' | 'ć' | 'č' | 'Ç' | 'Ć' | 'Č' => "c",
        'è' | 'é' | 'ê' | 'ë' | 'ę' | 'ě' | 'È' | 'É' | 'Ê' | 'Ë' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'ı' | 'İ' | 'Ì' | 'Í' | 'Î' | 'Ï' => "i",
        'ñ' | 'ń' | 'Ñ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ő' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' => {
            "o"
        }
        'ù' | 'ú' | 'û' | 'ü' | 'ű' | 'Ù' | 'Ú' | 'Û' | 'Ü' => "u",
        'ý' | 'ÿ' | 'Ý' => "y",
        'ß' => "ss",
        'ş' | 'ś' | 'š' | 'Ş' | 'Š' => "s",
        'ğ' | 'Ğ' => "g",
        'ł' | 'Ł' => "l",
        'ř' => "r",
        'ž' | 'ź' | 'ż' | 'Ž' => "z",
        // Typographic apostrophes ("Côte d’Ivoire" as word processors write it).
        '\u{2019}' | '\u{2018}' | '\u{02bc}' => "'",
        // Most names are ASCII: no table lookup for them.
        _ if c.is_ascii() => {
            out.push(c.to_ascii_lowercase());
            return;
        }
        _ => {
            for l in c.to_lowercase() {
                out.push(l);
            }
            return;
        }
    };
    out.push_str(s);
}

/// Edit distance over chars (insert, delete, substitute), two-row DP.
pub fn levenshtein(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests;

//! The world map's geometry: Natural Earth 1:110m admin-0 countries (public
//! domain), converted once from the npm package `world-atlas` 2.0.2 (ISC) by
//! `scripts/world_map.py` into `assets/world-110m.txt`: Equal Earth
//! projection, integer viewBox units, keyed by ISO 3166-1 alpha-3 (armsflow's
//! entity keys for states). Origin, licence and the 1:110m quirks: docs/map.md.

use std::sync::OnceLock;

/// The converted file, compiled in (about 50 KB).
pub const WORLD_110M: &str = include_str!("../../assets/world-110m.txt");

/// A point in viewBox units.
pub type Pt = (i32, i32);

/// A country drawn as polygons.
#[derive(Debug, Clone, PartialEq)]
pub struct Feature {
    /// Entity key: ISO alpha-3, `XKX` (Kosovo), `state:northern-cyprus`.
    pub key: String,
    /// ISO 3166-1 numeric as in the source; `None` where it has none.
    pub numeric: Option<u16>,
    /// Natural Earth's short name (the page shows the release's names).
    pub name: String,
    pub rings: Vec<Vec<Pt>>,
    /// SVG path data of `rings` (absolute start, relative steps).
    pub d: String,
    /// Where arcs start and end: the centroid of the largest ring.
    pub anchor: (f64, f64),
}

/// A state too small for 1:110m, placed at its 1:50m centroid.
#[derive(Debug, Clone, PartialEq)]
pub struct Point {
    pub key: String,
    pub numeric: Option<u16>,
    pub name: String,
    pub at: Pt,
}

/// A former state drawn as the outline of its successors.
#[derive(Debug, Clone, PartialEq)]
pub struct Former {
    /// ISO 3166-3 key: `SUHH`, `YUCS`, `CSHH`.
    pub key: String,
    pub name: String,
    /// Successor feature keys, largest first.
    pub successors: Vec<String>,
    /// Open lines: the successors' outer border.
    pub d: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct World {
    pub width: u32,
    pub height: u32,
    pub features: Vec<Feature>,
    pub points: Vec<Point>,
    pub former: Vec<Former>,
}

/// Where a malformed geometry file went wrong (1-based line).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("world map line {line}: {msg}")]
pub struct GeoError {
    pub line: usize,
    pub msg: String,
}

impl World {
    pub fn feature(&self, key: &str) -> Option<&Feature> {
        self.features.iter().find(|f| f.key == key)
    }

    pub fn point(&self, key: &str) -> Option<&Point> {
        self.points.iter().find(|p| p.key == key)
    }

    pub fn former(&self, key: &str) -> Option<&Former> {
        self.former.iter().find(|f| f.key == key)
    }

    /// Where an arc to or from `key` attaches: a feature's anchor, a point, or
    /// a former state's largest successor.
    pub fn anchor(&self, key: &str) -> Option<(f64, f64)> {
        if let Some(f) = self.feature(key) {
            return Some(f.anchor);
        }
        if let Some(p) = self.point(key) {
            return Some((p.at.0 as f64, p.at.1 as f64));
        }
        let f = self.former(key)?;
        self.feature(f.successors.first()?).map(|s| s.anchor)
    }
}

/// The compiled-in world, parsed once. The file is generated and covered by
/// tests, so a parse failure is a build defect.
pub fn world() -> &'static World {
    static W: OnceLock<World> = OnceLock::new();
    W.get_or_init(|| parse(WORLD_110M).expect("assets/world-110m.txt parses (see map::geo tests)"))
}

/// Parses the format `scripts/world_map.py` writes (described in its header).
pub fn parse(text: &str) -> Result<World, GeoError> {
    let mut size = None;
    let (mut features, mut points, mut former) = (Vec::new(), Vec::new(), Vec::new());
    for (i, line) in text.lines().enumerate() {
        let err = |msg: String| GeoError { line: i + 1, msg };
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        match f.as_slice() {
            ["S", w, h] => {
                let n = |s: &str| s.parse::<u32>().ok().filter(|v| (1..=100_000).contains(v));
                size = Some((
                    n(w).ok_or_else(|| err(format!("bad width '{w}'")))?,
                    n(h).ok_or_else(|| err(format!("bad height '{h}'")))?,
                ));
            }
            ["F", key, num, name, rings] => {
                let rings: Vec<Vec<Pt>> = rings
                    .split('|')
                    .map(decode_line)
                    .collect::<Result<_, _>>()
                    .map_err(err)?;
                if let Some(r) = rings.iter().find(|r| r.len() < 3) {
                    return Err(err(format!("{key}: a ring of {} points", r.len())));
                }
                let anchor = anchor_of(&rings);
                features.push(Feature {
                    key: key_of(key).map_err(err)?,
                    numeric: numeric(num).map_err(err)?,
                    name: name.to_string(),
                    d: path_data(&rings, true),
                    rings,
                    anchor,
                });
            }
            ["P", key, num, name, x, y] => {
                let c = |s: &str| {
                    s.parse::<i32>()
                        .map_err(|_| err(format!("bad coordinate '{s}'")))
                };
                points.push(Point {
                    key: key_of(key).map_err(err)?,
                    numeric: numeric(num).map_err(err)?,
                    name: name.to_string(),
                    at: (c(x)?, c(y)?),
                });
            }
            ["O", key, succ, name, lines] => {
                let lines: Vec<Vec<Pt>> = lines
                    .split('|')
                    .map(decode_line)
                    .collect::<Result<_, _>>()
                    .map_err(err)?;
                former.push(Former {
                    key: key_of(key).map_err(err)?,
                    name: name.to_string(),
                    successors: succ.split(',').map(str::to_string).collect(),
                    d: path_data(&lines, false),
                });
            }
            _ => {
                let head: String = line.chars().take(20).collect();
                return Err(err(format!("unknown record '{head}'")));
            }
        }
    }
    let (width, height) = size.ok_or(GeoError {
        line: 0,
        msg: "no size record (S)".into(),
    })?;
    for f in &former {
        if let Some(s) = f
            .successors
            .iter()
            .find(|s| !features.iter().any(|x| &x.key == *s))
        {
            return Err(GeoError {
                line: 0,
                msg: format!("former state {}: successor {s} is not drawn", f.key),
            });
        }
    }
    Ok(World {
        width,
        height,
        features,
        points,
        former,
    })
}

fn key_of(s: &str) -> Result<String, String> {
    if s.is_empty() || s.len() > 40 || s.chars().any(|c| c.is_whitespace()) {
        return Err(format!("bad key '{s}'"));
    }
    Ok(s.to_string())
}

fn numeric(s: &str) -> Result<Option<u16>, String> {
    match s {
        "-" => Ok(None),
        _ => s
            .parse::<u16>()
            .ok()
            .filter(|n| *n < 1000)
            .map(Some)
            .ok_or_else(|| format!("bad ISO numeric id '{s}'")),
    }
}

/// `x y dx dy dx dy …` to absolute points.
pub fn decode_line(s: &str) -> Result<Vec<Pt>, String> {
    let nums: Vec<i32> = s
        .split_ascii_whitespace()
        .map(|t| t.parse::<i32>().map_err(|_| format!("bad number '{t}'")))
        .collect::<Result<_, _>>()?;
    if nums.len() < 2 || !nums.len().is_multiple_of(2) {
        return Err(format!("{} numbers: need x y pairs", nums.len()));
    }
    let mut pts = Vec::with_capacity(nums.len() / 2);
    let (mut x, mut y) = (nums[0], nums[1]);
    pts.push((x, y));
    for d in nums[2..].chunks_exact(2) {
        x = x.checked_add(d[0]).ok_or("coordinate overflow")?;
        y = y.checked_add(d[1]).ok_or("coordinate overflow")?;
        pts.push((x, y));
    }
    Ok(pts)
}

/// SVG path data: `M x y` then relative `l` steps; rings closed with `z`.
pub fn path_data(lines: &[Vec<Pt>], closed: bool) -> String {
    use std::fmt::Write;
    let mut d = String::new();
    for l in lines {
        let Some(&(x0, y0)) = l.first() else { continue };
        let _ = write!(d, "M{x0} {y0}l");
        let mut prev = (x0, y0);
        for (k, &(x, y)) in l.iter().enumerate().skip(1) {
            let (dx, dy) = (x as i64 - prev.0 as i64, y as i64 - prev.1 as i64);
            // A leading minus sign separates numbers by itself.
            let sep = if k == 1 { "" } else { " " };
            let _ = write!(d, "{sep}{dx}{}{dy}", if dy < 0 { "" } else { " " });
            prev = (x, y);
        }
        if closed {
            d.push('z');
        }
    }
    d
}

/// Signed area (shoelace) of a closed ring.
pub fn area(r: &[Pt]) -> f64 {
    let n = r.len();
    (0..n)
        .map(|i| {
            let (a, b) = (r[i], r[(i + 1) % n]);
            a.0 as f64 * b.1 as f64 - b.0 as f64 * a.1 as f64
        })
        .sum::<f64>()
        / 2.0
}

/// Area centroid of a ring; its first point when degenerate.
pub fn centroid(r: &[Pt]) -> (f64, f64) {
    let a = area(r);
    if a.abs() < 1e-9 {
        return (r[0].0 as f64, r[0].1 as f64);
    }
    let n = r.len();
    let (mut cx, mut cy) = (0.0, 0.0);
    for i in 0..n {
        let (p, q) = (r[i], r[(i + 1) % n]);
        let c = p.0 as f64 * q.1 as f64 - q.0 as f64 * p.1 as f64;
        cx += (p.0 + q.0) as f64 * c;
        cy += (p.1 + q.1) as f64 * c;
    }
    (cx / (6.0 * a), cy / (6.0 * a))
}

fn anchor_of(rings: &[Vec<Pt>]) -> (f64, f64) {
    rings
        .iter()
        .max_by(|a, b| area(a).abs().total_cmp(&area(b).abs()))
        .map_or((0.0, 0.0), |r| centroid(r))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_delta_lines() {
        assert_eq!(
            decode_line("10 20 1 -2 -3 0").unwrap(),
            vec![(10, 20), (11, 18), (8, 18)]
        );
        assert!(decode_line("10").is_err());
        assert!(decode_line("10 20 1").is_err());
        assert!(decode_line("10 x").is_err());
        assert!(decode_line("2147483647 0 1 0").is_err());
    }

    #[test]
    fn path_data_round_trips_the_steps() {
        let d = path_data(&[vec![(10, 20), (11, 18), (8, 18)]], true);
        assert_eq!(d, "M10 20l1-2 -3 0z");
        assert_eq!(path_data(&[vec![(0, 0), (5, 5)]], false), "M0 0l5 5");
    }

    #[test]
    fn area_and_centroid_of_a_square() {
        let sq = vec![(0, 0), (4, 0), (4, 4), (0, 4)];
        assert_eq!(area(&sq), 16.0);
        assert_eq!(centroid(&sq), (2.0, 2.0));
    }

    #[test]
    fn parse_rejects_malformed_files_with_the_line() {
        let e = parse("# c\nS\t10\t10\nF\tKAZ\t398\tKazakhstan\t1 2 3\n").unwrap_err();
        assert_eq!(e.line, 3);
        let e = parse("S\t10\t10\nF\tKAZ\t398\tK\t0 0 1 0\n").unwrap_err();
        assert!(e.msg.contains("ring of 2"), "{e}");
        assert!(parse("F\tKAZ\t398\tK\t0 0 1 0 0 1\n").is_err(), "no size");
        assert!(parse("S\t10\t10\nX\t1\n").is_err());
        assert!(parse("S\t10\t10\nF\tKAZ\t9999\tK\t0 0 1 0 0 1\n").is_err());
        let e = parse("S\t10\t10\nO\tSUHH\tRUS\tSoviet Union\t0 0 1 1\n").unwrap_err();
        assert!(e.msg.contains("RUS"), "{e}");
    }

    #[test]
    fn the_compiled_in_world_parses() {
        let w = world();
        assert_eq!((w.width, w.height), (2000, 889));
        assert!(w.features.len() >= 170, "{}", w.features.len());
        assert!(WORLD_110M.len() < 150_000, "{} bytes", WORLD_110M.len());
        for f in &w.features {
            for r in &f.rings {
                for &(x, y) in r {
                    assert!(
                        (-2..=w.width as i32 + 2).contains(&x)
                            && (-2..=w.height as i32 + 2).contains(&y),
                        "{} point {x},{y} outside the map",
                        f.key
                    );
                }
            }
        }
        let mut keys: Vec<&str> = w.features.iter().map(|f| f.key.as_str()).collect();
        keys.extend(w.points.iter().map(|p| p.key.as_str()));
        let n = keys.len();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), n, "a key drawn twice");
    }

    /// Natural Earth 1:110m's quirks, decided in scripts/world_map.py.
    #[test]
    fn quirks_of_110m_are_mapped_to_armsflow_entities() {
        let w = world();
        // No ISO id in the source: Kosovo, Northern Cyprus (SIPRI lists both).
        let k = w.feature("XKX").expect("Kosovo");
        assert_eq!((k.name.as_str(), k.numeric), ("Kosovo", None));
        let nc = w.feature("state:northern-cyprus").expect("N. Cyprus");
        assert_eq!(nc.numeric, None);
        // Somaliland (no id, no SIPRI entity) is merged into Somalia.
        let som = w.feature("SOM").expect("Somalia");
        assert_eq!((som.name.as_str(), som.numeric), ("Somalia", Some(706)));
        assert!(som.rings.len() >= 2, "Somaliland's polygon merged in");
        assert!(!w.features.iter().any(|f| f.name == "Somaliland"));
        // France and Norway: -99 in some Natural Earth editions; here their ISO ids.
        assert_eq!(w.feature("FRA").unwrap().numeric, Some(250));
        assert_eq!(w.feature("NOR").unwrap().numeric, Some(578));
        // French Guiana is drawn as part of France (a second polygon).
        assert!(w.feature("FRA").unwrap().rings.len() >= 2);
        // Antarctica is left out; nothing has the numeric id 010.
        assert!(w.feature("ATA").is_none());
        assert!(!w.features.iter().any(|f| f.numeric == Some(10)));
        // Small states absent at 1:110m are points.
        for k in ["SGP", "BHR", "MLT", "MUS"] {
            assert!(w.point(k).is_some(), "{k}");
        }
        // Russia and Fiji cross the antimeridian: cut, never a line across the map.
        for key in ["RUS", "FJI"] {
            for r in &w.feature(key).unwrap().rings {
                let xs: Vec<i32> = r.iter().map(|p| p.0).collect();
                let span = xs.iter().max().unwrap() - xs.iter().min().unwrap();
                assert!(span < w.width as i32 / 2, "{key} ring spans {span}");
            }
        }
    }

    proptest::proptest! {
        /// Malformed geometry never panics: it parses or names a line.
        #[test]
        fn parse_never_panics(text in "[SFPO0-9 \t|\n#a-z:-]{0,200}") {
            if let Err(e) = parse(&text) {
                proptest::prop_assert!(e.line <= text.lines().count());
            }
        }

        /// Steps decode to the points they were taken from, and the path's
        /// relative steps add up to the same points.
        #[test]
        fn delta_lines_round_trip(pts in proptest::collection::vec((-3000i32..3000, -3000i32..3000), 1..40)) {
            let mut enc = vec![pts[0].0.to_string(), pts[0].1.to_string()];
            for w in pts.windows(2) {
                enc.push((w[1].0 - w[0].0).to_string());
                enc.push((w[1].1 - w[0].1).to_string());
            }
            proptest::prop_assert_eq!(decode_line(&enc.join(" ")).unwrap(), pts.clone());
            let d = path_data(std::slice::from_ref(&pts), false);
            let nums: Vec<i32> = d[1..]
                .replace('l', " ")
                .replace('-', " -")
                .split_whitespace()
                .map(|t| t.parse().unwrap())
                .collect();
            let mut at = (nums[0], nums[1]);
            let mut back = vec![at];
            for s in nums[2..].chunks(2) {
                at = (at.0 + s[0], at.1 + s[1]);
                back.push(at);
            }
            proptest::prop_assert_eq!(back, pts);
        }
    }

    #[test]
    fn former_states_outline_their_successors() {
        let w = world();
        let su = w.former("SUHH").expect("Soviet Union");
        assert_eq!(su.successors.len(), 15);
        assert!(su.successors.iter().any(|s| s == "KAZ"));
        assert_eq!(su.successors[0], "RUS");
        assert_eq!(w.former("CSHH").unwrap().successors, ["CZE", "SVK"]);
        assert!(
            w.former("YUCS")
                .unwrap()
                .successors
                .contains(&"XKX".to_string())
        );
        assert!(
            w.former("DDDE").is_none(),
            "East Germany is inside Germany's polygon"
        );
        assert_eq!(w.anchor("SUHH"), w.anchor("RUS"));
        assert!(!su.d.contains('z'), "an outline is open lines");
    }
}

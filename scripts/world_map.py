#!/usr/bin/env python3
"""Converts Natural Earth's admin-0 countries (TopoJSON from the npm package
`world-atlas`) into armsflow's compact world map, once:
crates/server/assets/world-110m.txt, read by the server with include_str!.

Origin and licence (also in docs/map.md):
  - Geometry: Natural Earth 1:110m Admin 0 - Countries, version 4.1.0, public
    domain (https://www.naturalearthdata.com/about/terms-of-use/).
  - Packaged as TopoJSON by `world-atlas` 2.0.2 (npm), ISC licence,
    copyright 2013-2019 Michael Bostock. Only the data is used; no code.
  - Small states that 1:110m leaves out (Singapore, Bahrain, Malta, ...) are
    placed as points at the centroid of their 1:50m outline (same package).
  - ISO 3166-1 numeric -> alpha-3 from Debian's `iso-codes` package
    (/usr/share/iso-codes/json/iso_3166-1.json).

What it does: decodes the TopoJSON arcs (delta-encoded, quantised), projects
every point with the Equal Earth projection (Savric, Patterson & Jenny 2018),
simplifies each shared arc once (Douglas-Peucker, so neighbours keep one common
border), rounds to integer viewBox units and writes one line per feature.

Run (Python 3 stdlib only):
  mkdir -p /tmp/map && cd /tmp/map && npm install world-atlas@2.0.2
  python3 scripts/world_map.py /tmp/map/node_modules/world-atlas \
      > crates/server/assets/world-110m.txt

Output format (UTF-8, tab-separated; `#` lines are comments):
  S <width> <height>                               viewBox size
  F <key> <iso numeric> <name> <rings>             a country's polygons
  P <key> <iso numeric> <name> <x> <y>             a small state, as a point
  O <key> <successor keys,> <name> <lines>         a former state's outline
  <rings>/<lines> are `|`-separated; each is `x y dx dy dx dy ...`: the first
  point absolute, then integer steps.
Keys are ISO 3166-1 alpha-3 codes, as armsflow's entity keys; the exceptions
are listed in QUIRKS below and tested in crates/server/src/map/geo.rs.
"""

import json
import math
import os
import sys

WIDTH = 2000  # viewBox width; the height follows from the projection
TOLERANCE = 0.5  # Douglas-Peucker tolerance, in viewBox units

# Natural Earth 1:110m features without an ISO numeric id, or whose id is not
# the entity armsflow uses. Decided here, once, and tested in Rust.
QUIRKS = {
    # name in world-atlas: (key, numeric written out)
    "Kosovo": ("XKX", "-"),  # XKX: the EU/IMF user-assigned code armsflow uses
    "N. Cyprus": ("state:northern-cyprus", "-"),  # SIPRI lists Northern Cyprus
    # Somaliland: no ISO code and no SIPRI entity; ISO and SIPRI count it
    # in Somalia, so its polygon is merged into Somalia's feature.
    "Somaliland": ("SOM", "706"),
}

# Features left out: no state, no SIPRI entity, and a large empty area.
DROPPED = {"010": "Antarctica"}

# Former states SIPRI lists whose territory is the union of current
# 1:110m features: drawn as an outline over their successors. (East Germany,
# North/South Yemen, South Vietnam, Biafra, Katanga lie inside one current
# feature and are explained on the page instead.)
FORMER = {
    "SUHH": ("Soviet Union", [
        "RUS", "UKR", "BLR", "MDA", "EST", "LVA", "LTU", "GEO", "ARM", "AZE",
        "KAZ", "UZB", "TKM", "KGZ", "TJK"]),
    "YUCS": ("Yugoslavia", ["SRB", "MNE", "XKX", "HRV", "SVN", "BIH", "MKD"]),
    "CSHH": ("Czechoslovakia", ["CZE", "SVK"]),
}

# Equal Earth coefficients (Savric, Patterson & Jenny 2018, eq. 2).
A1, A2, A3, A4 = 1.340264, -0.081106, 0.000893, 0.003796
M = math.sqrt(3) / 2


def equal_earth(lon, lat):
    lam, phi = math.radians(lon), math.radians(lat)
    t = math.asin(M * math.sin(phi))
    t2 = t * t
    t6 = t2 * t2 * t2
    x = lam * math.cos(t) / (M * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2)))
    y = t * (A1 + A2 * t2 + t6 * (A3 + A4 * t2))
    return x, y


# Extent of the projection: x at the equator's ends, y at the poles.
X_MAX = equal_earth(180, 0)[0]
Y_MAX = equal_earth(0, 90)[1]
# Antarctica is dropped, so the south stops at 60 S.
Y_MIN = equal_earth(0, -60)[1]
SCALE = WIDTH / (2 * X_MAX)
HEIGHT = math.ceil((Y_MAX - Y_MIN) * SCALE)


def to_view(lon, lat):
    x, y = equal_earth(lon, lat)
    return (x + X_MAX) * SCALE, (Y_MAX - y) * SCALE


def decode_arcs(topo):
    """Every arc as a list of (lon, lat), un-delta-encoded and de-quantised."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    out = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        out.append(pts)
    return out


def dp(pts, tol):
    """Douglas-Peucker over projected points: the indices kept (ends included)."""
    if len(pts) < 3:
        return list(range(len(pts)))
    keep = [False] * len(pts)
    keep[0] = keep[-1] = True
    stack = [(0, len(pts) - 1)]
    while stack:
        a, b = stack.pop()
        (ax, ay), (bx, by) = pts[a], pts[b]
        dx, dy = bx - ax, by - ay
        norm = math.hypot(dx, dy)
        best, idx = -1.0, -1
        for i in range(a + 1, b):
            px, py = pts[i]
            if norm == 0:
                d = math.hypot(px - ax, py - ay)
            else:
                d = abs(dy * (px - ax) - dx * (py - ay)) / norm
            if d > best:
                best, idx = d, i
        if idx >= 0 and best > tol:
            keep[idx] = True
            stack.append((a, idx))
            stack.append((idx, b))
    return [i for i, k in enumerate(keep) if k]


def simplified_arcs(topo):
    """Arcs in (lon, lat), each simplified once (in projected units), so the
    two countries that share an arc keep one common border."""
    out = []
    for arc in decode_arcs(topo):
        idx = dp([to_view(lon, lat) for lon, lat in arc], TOLERANCE)
        out.append([arc[i] for i in idx])
    return out


def arc_points(arcs, i):
    return arcs[i] if i >= 0 else arcs[~i][::-1]


def jumps(pts):
    return any(abs(a[0] - b[0]) > 180 for a, b in zip(pts, pts[1:] + pts[:1]))


def unwrap(pts):
    """Longitudes made continuous across the antimeridian (may leave -180..180)."""
    out = [pts[0]]
    off = 0.0
    for (alon, _), (blon, blat) in zip(pts, pts[1:]):
        d = blon - alon
        if d > 180:
            off -= 360
        elif d < -180:
            off += 360
        out.append((blon + off, blat))
    return out


def clip(pts, c, keep_west):
    """Sutherland-Hodgman: the part of a closed ring west (or east) of lon = c."""
    def inside(p):
        return p[0] <= c if keep_west else p[0] >= c

    def cut(p, q):
        t = (c - p[0]) / (q[0] - p[0])
        return (c, p[1] + t * (q[1] - p[1]))

    out = []
    for k, cur in enumerate(pts):
        prev = pts[k - 1]
        if inside(cur):
            if not inside(prev):
                out.append(cut(prev, cur))
            out.append(cur)
        elif inside(prev):
            out.append(cut(prev, cur))
    return out


def split_antimeridian(pts):
    """A ring that crosses 180 E/W (Russia, Fiji) as its pieces on each side."""
    if not jumps(pts):
        return [pts]
    u = unwrap(pts)
    pieces = [clip(clip(u, 180, True), -180, False)]
    pieces.append([(lon - 360, lat) for lon, lat in clip(u, 180, False)])
    pieces.append([(lon + 360, lat) for lon, lat in clip(u, -180, True)])
    return [p for p in pieces if len(p) >= 3]


def rounded(pts):
    """Projected, rounded, without repeated points or the closing point."""
    clean = []
    for lon, lat in pts:
        x, y = to_view(lon, lat)
        p = (round(x), round(y))
        if not clean or clean[-1] != p:
            clean.append(p)
    if len(clean) > 1 and clean[0] == clean[-1]:
        clean.pop()
    return clean


def ring_points(arcs, ring):
    """One TopoJSON ring as integer rings (two when it crosses the antimeridian)."""
    pts = []
    for i in ring:
        a = arc_points(arcs, i)
        pts.extend(a if not pts else a[1:])
    if len(pts) > 1 and pts[0] == pts[-1]:
        pts.pop()
    return [rounded(p) for p in split_antimeridian(pts)]


def line_points(arc):
    """An open line, split where it crosses the antimeridian."""
    parts = [[arc[0]]]
    for a, b in zip(arc, arc[1:]):
        if abs(a[0] - b[0]) > 180:
            parts.append([])
        parts[-1].append(b)
    return [r for r in (rounded(p) for p in parts) if len(r) > 1]


def polygons(geom):
    if geom["type"] == "Polygon":
        return [geom["arcs"]]
    if geom["type"] == "MultiPolygon":
        return geom["arcs"]
    return []


def encode(pts):
    x0, y0 = pts[0]
    out = [str(x0), str(y0)]
    for (ax, ay), (bx, by) in zip(pts, pts[1:]):
        out += [str(bx - ax), str(by - ay)]
    return " ".join(out)


def ring_area(pts):
    return 0.5 * sum(
        ax * by - bx * ay for (ax, ay), (bx, by) in zip(pts, pts[1:] + pts[:1])
    )


def centroid(pts):
    a = ring_area(pts)
    if a == 0:
        return pts[0]
    cx = cy = 0.0
    for (ax, ay), (bx, by) in zip(pts, pts[1:] + pts[:1]):
        c = ax * by - bx * ay
        cx += (ax + bx) * c
        cy += (ay + by) * c
    return cx / (6 * a), cy / (6 * a)


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: world_map.py <path to node_modules/world-atlas> [iso_3166-1.json]")
    atlas = sys.argv[1]
    iso_path = sys.argv[2] if len(sys.argv) > 2 else "/usr/share/iso-codes/json/iso_3166-1.json"
    with open(os.path.join(atlas, "package.json")) as f:
        version = json.load(f)["version"]
    with open(iso_path) as f:
        alpha3 = {c["numeric"]: c["alpha_3"] for c in json.load(f)["3166-1"]}
    with open(os.path.join(atlas, "countries-110m.json")) as f:
        topo = json.load(f)
    arcs = simplified_arcs(topo)

    # key -> (numeric, name, [rings]); arc use per key for the outlines.
    feats = {}
    arcs_of = {}
    for g in topo["objects"]["countries"]["geometries"]:
        name = g["properties"]["name"]
        num = g.get("id")
        if num in DROPPED:
            continue
        if name in QUIRKS:
            key, num_out = QUIRKS[name]
        elif num in alpha3:
            key, num_out = alpha3[num], num
        else:
            sys.exit(f"feature {name!r} (id {num!r}) has no ISO code and no decision in QUIRKS")
        entry = feats.setdefault(key, [num_out, name, []])
        for poly in polygons(g):
            for ring in poly:
                for pts in ring_points(arcs, ring):
                    if len(pts) >= 3 and ring_area(pts) != 0:
                        entry[2].append(pts)
                for i in ring:
                    arcs_of.setdefault(key, []).append(i if i >= 0 else ~i)
    for key, (num, name, rings) in feats.items():
        if not rings:
            sys.exit(f"feature {key} ({name}) has no ring left after simplification")

    # Small states: in 1:50m but not in 1:110m -> a point at their centroid.
    with open(os.path.join(atlas, "countries-50m.json")) as f:
        topo50 = json.load(f)
    raw50 = decode_arcs(topo50)
    points = {}
    for g in topo50["objects"]["countries"]["geometries"]:
        num = g.get("id")
        if num not in alpha3 or num in DROPPED:
            continue
        key = alpha3[num]
        if key in feats or key in points:
            continue
        best = None
        for poly in polygons(g):
            pts = []
            for i in poly[0]:
                a = raw50[i] if i >= 0 else raw50[~i][::-1]
                pts.extend(a if not pts else a[1:])
            pts = [to_view(lon, lat) for lon, lat in pts]
            area = abs(ring_area(pts))
            if best is None or area > best[0]:
                best = (area, pts)
        if best is None:
            continue
        cx, cy = centroid(best[1])
        if not (0 <= cy <= HEIGHT):
            continue  # south of 60 S (sub-Antarctic islands)
        points[key] = (num, g["properties"]["name"], round(cx), round(cy))

    print(f"# armsflow world map, generated by scripts/world_map.py from world-atlas {version}")
    print("# Natural Earth 1:110m admin-0 (v4.1.0), public domain; world-atlas: ISC (c) Michael Bostock.")
    print("# Equal Earth projection; integer viewBox units; see docs/map.md. Do not edit by hand.")
    print(f"S\t{WIDTH}\t{HEIGHT}")
    for key in sorted(feats):
        num, name, rings = feats[key]
        if key == "SOM":  # Somaliland merged in: Somalia's own id and name
            num, name = "706", "Somalia"
        print(f"F\t{key}\t{num}\t{name}\t" + "|".join(encode(r) for r in rings))
    for key in sorted(points):
        num, name, x, y = points[key]
        print(f"P\t{key}\t{num}\t{name}\t{x}\t{y}")
    for key, (name, members) in FORMER.items():
        count = {}
        for m in members:
            if m not in arcs_of:
                sys.exit(f"former state {key}: successor {m} is not a feature")
            for i in arcs_of[m]:
                count[i] = count.get(i, 0) + 1
        # The outline: arcs used by exactly one successor (shared ones are inner borders).
        lines = [l for i in sorted(count) if count[i] == 1 for l in line_points(arcs[i])]
        print(f"O\t{key}\t{','.join(members)}\t{name}\t" + "|".join(encode(l) for l in lines))


if __name__ == "__main__":
    main()

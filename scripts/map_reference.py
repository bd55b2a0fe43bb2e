#!/usr/bin/env python3
"""Independent reference for the world map's real-data tests
(crates/server/tests/map.rs): reads SIPRI's raw trade register with the
standard library only and prints, for deliveries in 2020-2024, how many
recipients imported arms (the unknown-recipient pool left out), how many took some from Russia, Russia's share of
a few recipients' imports and their supplier concentration (HHI, 0-10,000,
every named supplier a partner, SIPRI's "unknown supplier(s)" included).

    python3 scripts/map_reference.py ../shared/data/sipri/nagehanrdogan-trade-register-2026/trade_register.csv
"""
import csv
import sys

FIRST, LAST = 2020, 2024
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8", errors="replace")))
head = next(i for i, r in enumerate(rows) if r and r[0] == "SIPRI AT Database ID")
cols = rows[head]
tiv = {}  # recipient -> supplier -> TIV
for r in rows[head + 1:]:
    d = dict(zip(cols, r))
    y, v = d.get("Delivery year", ""), d.get("TIV delivery values", "")
    if not y.isdigit() or not v or not FIRST <= int(y) <= LAST:
        continue
    by = tiv.setdefault(d["Recipient"], {})
    by[d["Supplier"]] = by.get(d["Supplier"], 0.0) + float(v)

# SIPRI's "unknown recipient(s)" pools deliveries to parties it cannot name:
# no country of the map (its share or concentration is no one's).
importers = [r for r, s in tiv.items() if sum(s.values()) > 0 and r != "unknown recipient(s)"]
from_russia = [r for r in importers if tiv[r].get("Russia", 0.0) > 0]
print(f"recipients with imports {FIRST}-{LAST}: {len(importers)}")
print(f"recipients with imports from Russia: {len(from_russia)}")
for rec in ["Kazakhstan", "India", "Egypt", "Qatar", "China"]:
    s = tiv[rec]
    total = sum(s.values())
    hhi = sum((v / total) ** 2 for v in s.values()) * 10000
    print(f"{rec}: Russia {100 * s.get('Russia', 0.0) / total:.4f} %, HHI {hhi:.2f}, total {total:.2f}")

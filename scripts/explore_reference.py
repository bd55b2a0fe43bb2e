#!/usr/bin/env python3
"""Independent reference for the real-data tests of /api/series and /api/deals
(crates/server/tests/explore.rs): reads SIPRI's raw trade register with the
standard library only and prints Russia -> Kazakhstan TIV per delivery year
and the SIPRI ids of Kazakhstan's Su-30 deals.

    python3 scripts/explore_reference.py ../shared/data/sipri/nagehanrdogan-trade-register-2026/trade_register.csv
"""
import csv
import sys

rows = list(csv.reader(open(sys.argv[1], encoding="utf-8", errors="replace")))
head = next(i for i, r in enumerate(rows) if r and r[0] == "SIPRI AT Database ID")
cols = rows[head]
per_year, su30 = {}, set()
for r in rows[head + 1:]:
    d = dict(zip(cols, r))
    if d.get("Recipient") != "Kazakhstan":
        continue
    if d["Supplier"].startswith("Russia") and d["TIV delivery values"]:
        y = d["Delivery year"]
        per_year[y] = per_year.get(y, 0.0) + float(d["TIV delivery values"])
    if "su30" in "".join(c for c in d["Designation"].lower() if c.isalnum()):
        su30.add(d["SIPRI AT Database ID"])
for y in sorted(per_year):
    print(f"RUS->KAZ {y} {per_year[y]:.2f}")
print("Su-30 deals to Kazakhstan:", " ".join(sorted(su30)))

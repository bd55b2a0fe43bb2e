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

# The pair page (pages/pair.rs): Russia -> Kazakhstan in 2020-2024 as a share
# of Kazakhstan's imports and of Russia's exports, and the ranks both ways.
exports, imports = {}, {}
for r in rows[head + 1:]:
    d = dict(zip(cols, r))
    if not d.get("TIV delivery values") or not d.get("Delivery year", "").isdigit():
        continue
    if not 2020 <= int(d["Delivery year"]) <= 2024:
        continue
    t = float(d["TIV delivery values"])
    if d["Supplier"] == "Russia":
        exports[d["Recipient"]] = exports.get(d["Recipient"], 0.0) + t
    if d["Recipient"] == "Kazakhstan":
        imports[d["Supplier"]] = imports.get(d["Supplier"], 0.0) + t
rk = sorted(exports, key=lambda k: -exports[k]).index("Kazakhstan") + 1
sk = sorted(imports, key=lambda k: -imports[k]).index("Russia") + 1
print(f"pair 2020-2024 RUS->KAZ share of KAZ imports {100 * imports['Russia'] / sum(imports.values()):.1f} %"
      f" (Russia rank {sk} of {len(imports)} suppliers)")
print(f"pair 2020-2024 RUS->KAZ share of RUS exports {100 * exports['Kazakhstan'] / sum(exports.values()):.1f} %"
      f" (Kazakhstan rank {rk} of {len(exports)} customers)")

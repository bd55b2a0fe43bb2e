#!/usr/bin/env python3
"""Independent reference for the estimated shares of switching, groups and
event studies (crates/cli/tests/estimates.rs): reads SIPRI's raw trade
register with the standard library only. A delivery counts as estimated when
SIPRI marks its number delivered or its delivery year as an estimate ("Yes").

    python3 scripts/estimates_reference.py ../shared/data/sipri/nagehanrdogan-trade-register-2026/trade_register.csv
"""
import csv
import sys

with open(sys.argv[1], encoding="utf-8", errors="replace", newline="") as f:
    lines = [l[:-1] if l.endswith(";") else l for l in f.read().splitlines()]
rows = list(csv.reader(lines))
head = next(i for i, r in enumerate(rows) if r and r[0] == "SIPRI AT Database ID")
cols = rows[head]


def share(recipient, first, last, suppliers=None):
    total = est = 0.0
    for r in rows[head + 1:]:
        d = dict(zip(cols, r))
        if d.get("Recipient") != recipient or not d.get("TIV delivery values"):
            continue
        if suppliers is not None and d["Supplier"] not in suppliers:
            continue
        if not first <= int(d["Delivery year"]) <= last:
            continue
        t = float(d["TIV delivery values"])
        total += t
        if "Yes" in (d["Numbers delivered is estimate"], d["Delivery year is estimate"]):
            est += t
    return est / total


for c in ["Kazakhstan", "Egypt"]:
    for a, b in [(2015, 2019), (2020, 2024)]:
        print(f"{c} {a}-{b} estimated {share(c, a, b):.6f}")
print(f"Kazakhstan 2020-2024 from Russia estimated {share('Kazakhstan', 2020, 2024, {'Russia'}):.6f}")

#!/usr/bin/env python3
"""Independent reference figures for the claims tests (issue #17).

Reads the raw Feb-2026 SIPRI trade register (17 columns, CRLF, trailing ';',
11 preamble lines) or the group table with nothing but the standard library's
csv module; shares no code with armsflow. Prints figures for a human to copy
into test expectations; it writes no file (SIPRI rows are never committed).

  claims_reference_shapes.py REGISTER deliveries SUPPLIER|'*' RECIPIENT [FAMILY]
  claims_reference_shapes.py REGISTER suppliers RECIPIENT FROM TO
  claims_reference_shapes.py REGISTER pair SUPPLIER RECIPIENT [FROM TO]
  claims_reference_shapes.py GROUPS.csv group NAME
"""
import csv
import io
import re
import sys
from collections import defaultdict


def rows(path):
    with open(path, encoding="utf-8", newline="") as f:
        lines = f.read().split("\r\n")[11:]
    text = "\n".join(l[:-1] if l.endswith(";") else l for l in lines if l.strip())
    r = csv.reader(io.StringIO(text))
    head = next(r)
    for row in r:
        yield dict(zip(head, row))


def family(designation):
    """Letters and the first digit group, case and hyphens ignored: Su-30SM -> SU30."""
    d = re.sub(r"[^0-9A-Z]", "", designation.upper())
    m = re.match(r"([A-Z]*)(\d*)", d)
    return m.group(1) + m.group(2)


def same_family(claimed, sipri):
    """The claim's family is the family of one word of SIPRI's designation (a
    name without digits, Patriot, is the letters of one word: Patriot-3)."""
    f = family(claimed)
    words = re.split(r"[ /]", sipri)
    if not any(c.isdigit() for c in f):
        return any(re.match(r"[A-Z]*", re.sub(r"[^0-9A-Z]", "", w.upper())).group(0) == f for w in words)
    return any(family(w) == f for w in words)


def tiv(row):
    v = row["TIV delivery values"].strip()
    return float(v) if v else 0.0


def deliveries(reg, sup, rec, fam=None):
    for row in rows(reg):
        if sup not in ("*", row["Supplier"]) or row["Recipient"] != rec:
            continue
        if fam and not same_family(fam, row["Designation"]):
            continue
        print(
            f'{row["Delivery year"]}\t{row["Supplier"]}\t{row["Designation"]}\t{row["Description"]}\t'
            f'n={row["Numbers delivered"]} n_est={row["Numbers delivered is estimate"] or "?"} '
            f'y_est={row["Delivery year is estimate"] or "?"}\ttiv={tiv(row)}'
        )


def suppliers(reg, rec, a, b):
    by = defaultdict(float)
    for row in rows(reg):
        y = row["Delivery year"]
        if row["Recipient"] == rec and y.isdigit() and a <= int(y) <= b:
            by[row["Supplier"]] += tiv(row)
    total = sum(by.values())
    print(f"{rec} imports {a}-{b}: {total:.2f} TIV")
    for i, (s, v) in enumerate(sorted(by.items(), key=lambda kv: -kv[1])[:5], 1):
        print(f"  {i}. {s}\t{v:.2f}\t{100 * v / total:.2f} %")


def pair(reg, sup, rec, a=0, b=9999):
    total, years = 0.0, set()
    for row in rows(reg):
        y = row["Delivery year"]
        if row["Supplier"] == sup and row["Recipient"] == rec and a <= int(y) <= b:
            total += tiv(row)
            years.add(int(y))
    print(f"{sup} -> {rec}: {total:.2f} TIV, rows in years {sorted(years)}")


def group(path, name):
    with open(path, encoding="utf-8") as f:
        body = [l for l in f if l.strip() and not l.startswith("#")]
    spells = [r for r in csv.DictReader(body) if r["group"].lower() == name.lower()]
    first = min(s["joined"] for s in spells if s["joined"])
    print(f"{name}: first date {first}; first members",
          [s["member"] for s in spells if s["joined"] == first])
    for s in spells:
        print(f'  {s["member"]}\tjoined {s["joined"]}\tleft {s["left"]}\t{s["note"][:90]}')


if __name__ == "__main__":
    src, cmd, *a = sys.argv[1:]
    if cmd == "deliveries":
        deliveries(src, *a)
    elif cmd == "suppliers":
        suppliers(src, a[0], int(a[1]), int(a[2]))
    elif cmd == "pair":
        pair(src, a[0], a[1], *(int(x) for x in a[2:]))
    elif cmd == "group":
        group(src, a[0])
    else:
        sys.exit(__doc__)

"""Medians and ratios from hyperfine's JSON exports: summarize.py RESULTS_DIR

Each benchmark's commands are named armsflow, duckdb, pandas or version (the
process floor, `armsflow --version`); ratios are always within one benchmark,
so within one run.
"""
import json
import pathlib
import sys

out = pathlib.Path(sys.argv[1])


def fmt(s):
    return f"{s * 1000:.1f} ms" if s < 1 else f"{s:.2f} s"


print("| benchmark | armsflow median | DuckDB median | pandas median | DuckDB / armsflow | pandas / armsflow | armsflow - version |")
print("|---|---:|---:|---:|---:|---:|---:|")
for name in ["query", "import_real", "kazakhstan", "top25", "allpairs"]:
    f = out / f"{name}.json"
    if not f.exists():
        continue
    med = {r["command"]: r["median"] for r in json.loads(f.read_text())["results"]}
    a = med["armsflow"]
    cells = [fmt(a)]
    for other in ["duckdb", "pandas"]:
        cells.append(fmt(med[other]) if other in med else "")
    for other in ["duckdb", "pandas"]:
        cells.append(f"{med[other] / a:.1f}×" if other in med else "")
    cells.append(f"{(a - med['version']) * 1000:+.2f} ms" if "version" in med else "")
    print(f"| {name} | " + " | ".join(cells) + " |")
mem = out / "memory.tsv"
if mem.exists():
    print()
    print("| one run | max RSS | elapsed |")
    print("|---|---:|---:|")
    for line in mem.read_text().splitlines():
        label, kb, el = line.split("\t")
        print(f"| {label} | {int(kb) / 1e6:.2f} GB | {el} |")

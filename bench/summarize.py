"""Medians and ratios from hyperfine's JSON exports: summarize.py RESULTS_DIR"""
import json
import pathlib
import sys

out = pathlib.Path(sys.argv[1])
print("| benchmark | armsflow median | DuckDB median | pandas median | DuckDB / armsflow | pandas / armsflow |")
print("|---|---:|---:|---:|---:|---:|")
for name in ["kazakhstan", "top25", "allpairs"]:
    f = out / f"{name}.json"
    if not f.exists():
        continue
    med = {r["command"]: r["median"] for r in json.loads(f.read_text())["results"]}
    a, d, p = med["armsflow"], med["duckdb"], med["pandas"]
    fmt = lambda s: f"{s * 1000:.1f} ms" if s < 1 else f"{s:.2f} s"
    print(f"| {name} | {fmt(a)} | {fmt(d)} | {fmt(p)} | {d / a:.1f}× | {p / a:.1f}× |")

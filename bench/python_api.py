"""The Python package against plain pandas, same question, same run.

Question: who supplied Kazakhstan's arms imports in 2020-2024, with shares
(the seed article's 88.4 %). `armsflow.imports(...)` loads the release and
computes in Rust; pandas reads the release's flows.parquet and does the
group-by. Both start from the files on disk on every call; a third line
gives pandas with the frame already in memory (a notebook's second query).

    pip install ./python
    python bench/python_api.py ../shared/data/sipri/nagehanrdogan-trade-register-2026/trade_register.csv
    python bench/python_api.py demo-scale100.csv --country Kazakhstan   # a SYNTHETIC register

Prints a Markdown table for docs/benchmarks.md: median and spread of N runs
and the ratios, with the load average (the machine may be shared).
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

import pandas as pd

import armsflow


def timed(fn, n: int) -> list[float]:
    fn()  # warm the page cache and imports
    out = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("register", help="a SIPRI export (or a SYNTHETIC demo-data file)")
    ap.add_argument("--country", default="Kazakhstan")
    ap.add_argument("--period", default="2020-2024")
    ap.add_argument("-n", type=int, default=30)
    args = ap.parse_args()
    y0, y1 = (int(y) for y in args.period.split("-"))

    with tempfile.TemporaryDirectory() as d:
        rel = armsflow.import_file(args.register, data_dir=d)["release"]
        flows = Path(d) / "releases" / rel / "flows.parquet"
        nflows = len(pd.read_parquet(flows, columns=["year"]))

        def via_armsflow() -> pd.DataFrame:
            return armsflow.imports(args.country, period=args.period, data_dir=d)

        def pandas_query(df: pd.DataFrame) -> pd.DataFrame:
            f = df[(df.recipient == args.country) & (df.year >= y0) & (df.year <= y1)]
            s = f.groupby("supplier", observed=True).tiv.sum().sort_values(ascending=False)
            return pd.DataFrame({"TIV": s.round(2), "share %": 100 * s / s.sum()})

        cols = ["supplier", "recipient", "year", "tiv"]

        def via_pandas() -> pd.DataFrame:
            return pandas_query(pd.read_parquet(flows, columns=cols))

        frame = pd.read_parquet(flows, columns=cols)

        def via_pandas_in_memory() -> pd.DataFrame:
            return pandas_query(frame)

        # Same answer first: a benchmark of two different questions is worthless.
        a, p = via_armsflow(), via_pandas()
        top = a.iloc[0]
        assert top["supplier"] == p.index[0], (top["supplier"], p.index[0])
        assert abs(top["share %"] - p["share %"].iloc[0]) < 1e-9

        load0 = os.getloadavg()
        runs = {
            "armsflow.imports (Rust, loads the release)": timed(via_armsflow, args.n),
            "pandas: read_parquet + filter + groupby": timed(via_pandas, args.n),
            "pandas: filter + groupby, frame in memory": timed(via_pandas_in_memory, args.n),
        }
        load1 = os.getloadavg()

    base = statistics.median(runs["armsflow.imports (Rust, loads the release)"])
    print(f"{args.country} {args.period}, {Path(args.register).name} ({nflows:,} flows), "
          f"release {rel}, n={args.n}, pandas {pd.__version__}, load average "
          f"{load0[0]:.2f} -> {load1[0]:.2f} (2 cores)")
    print()
    print("| variant | median ms | min-max ms | time / armsflow |")
    print("|---|---:|---:|---:|")
    for name, ts in runs.items():
        med = statistics.median(ts)
        print(f"| {name} | {med * 1e3:.2f} | {min(ts) * 1e3:.2f}-{max(ts) * 1e3:.2f} | {med / base:.2f}x |")


if __name__ == "__main__":
    main()

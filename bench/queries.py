"""The benchmark's questions in python + pandas, reading the same Parquet file
armsflow's store holds. Usage: queries.py kazakhstan|top25|allpairs FLOWS [Y0 Y1]"""
import sys

import pandas as pd


def kazakhstan(path):
    df = pd.read_parquet(path, columns=["supplier", "recipient", "year", "tiv"])
    f = df[(df.year >= 2020) & (df.year <= 2024)]
    imp = f[f.recipient == "Kazakhstan"].groupby("supplier").tiv.sum()
    exp = f[f.supplier == "Russia"].groupby("recipient").tiv.sum()
    rank = exp.rank(ascending=False, method="min")
    print("metric,value")
    print(f"share_of_kazakhstan_imports,{imp['Russia'] / imp.sum()}")
    print(f"share_of_russia_exports,{exp['Kazakhstan'] / exp.sum()}")
    print(f"rank_among_russia_recipients,{int(rank['Kazakhstan'])}")


def top25(path):
    df = pd.read_parquet(path, columns=["supplier", "year", "tiv"])
    f = df[(df.year >= 2020) & (df.year <= 2024)]
    s = f.groupby("supplier").tiv.sum()
    out = pd.DataFrame({"tiv": s, "share": s / s.sum()}).sort_values("tiv", ascending=False)
    print(out.head(25).to_csv())


def allpairs(path, y0, y1):
    df = pd.read_parquet(path, columns=["supplier_id", "recipient_id", "year", "tiv"])
    f = df[(df.year >= y0) & (df.year <= y1)]
    p = f.groupby(["recipient_id", "supplier_id"], sort=False).tiv.sum().reset_index()
    p["share"] = p.tiv / p.groupby("recipient_id").tiv.transform("sum")
    p["sq"] = p.share * p.share
    g = p.groupby("recipient_id").agg(
        total=("tiv", "sum"), suppliers=("tiv", "size"), hhi=("sq", "sum"), cr1=("share", "max")
    )
    g["n_eff"] = 1 / g.hhi
    print(g.sort_values("hhi", ascending=False).to_csv())


if __name__ == "__main__":
    q, path = sys.argv[1], sys.argv[2]
    if q == "kazakhstan":
        kazakhstan(path)
    elif q == "top25":
        top25(path)
    else:
        allpairs(path, int(sys.argv[3]), int(sys.argv[4]))

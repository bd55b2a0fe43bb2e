"""HTTP API on UNCACHED queries: every request a distinct (country, window).

Starts `armsflow serve` on a store, asks /api/imports for N distinct
(recipient, five-year window) pairs (so the server's response cache never
answers), first one client at a time (latency), then C clients at once
(throughput), and prints p50/p90/p99 and requests per second. In the same run,
DuckDB (the python module, in this process, the Parquet file hot in the page
cache) answers the same N questions, one prepared query each, as the floor a
user switching tools would get without any HTTP at all.

    python bench/http_uncached.py ARMSFLOW DATA_DIR [-n 1000] [-c 4] [--json OUT]
"""

import argparse
import concurrent.futures as cf
import glob
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import time
import urllib.request

import duckdb


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


def summary(name, lat, wall):
    ms = [x * 1000 for x in lat]
    return {
        "name": name,
        "n": len(ms),
        "p50_ms": pct(ms, 50),
        "p90_ms": pct(ms, 90),
        "p99_ms": pct(ms, 99),
        "mean_ms": statistics.fmean(ms),
        "req_per_s": len(ms) / wall,
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("armsflow")
    ap.add_argument("data_dir")
    ap.add_argument("-n", type=int, default=1000)
    ap.add_argument("-c", type=int, default=4)
    ap.add_argument("--json")
    a = ap.parse_args()

    rel = sorted(glob.glob(os.path.join(a.data_dir, "releases", "*", "release.json")))[-1]
    rdir = os.path.dirname(rel)
    meta = json.load(open(rel))
    flows = os.path.join(rdir, "flows.parquet")
    con = duckdb.connect()
    # Recipients that are states with imports, by key; every five-year window.
    rows = con.execute(
        f"""SELECT DISTINCT e.key, e.id FROM read_parquet('{flows}') f
            JOIN read_parquet('{os.path.join(rdir, "entities.parquet")}') e ON e.id = f.recipient_id
            WHERE e.kind = 'state' ORDER BY e.key"""
    ).fetchall()
    first, last = meta["first_year"], meta["last_year"]
    qs = [(k, i, y, y + 4) for k, i in rows for y in range(max(first, 1970), last - 3)]
    random.Random(16).shuffle(qs)
    qs = qs[: a.n]
    if len(qs) < a.n:
        sys.exit(f"only {len(qs)} distinct questions")

    port = free_port()
    srv = subprocess.Popen(
        [a.armsflow, "serve", "--data-dir", a.data_dir, "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(base + "/api/releases", timeout=1).read()
                break
            except OSError:
                time.sleep(0.05)

        def ask(q):
            url = f"{base}/api/imports?country={q[0]}&period={q[2]}-{q[3]}"
            t = time.perf_counter()
            with urllib.request.urlopen(url, timeout=10) as r:
                body = r.read()
                if r.status != 200 or r.headers.get("X-Cache", "").lower() == "hit":
                    raise SystemExit(f"{url}: status {r.status}")
            json.loads(body)
            return time.perf_counter() - t

        half = len(qs) // 2
        seq, conc = qs[:half], qs[half:]
        t0 = time.perf_counter()
        lat1 = [ask(q) for q in seq]
        w1 = time.perf_counter() - t0
        t0 = time.perf_counter()
        with cf.ThreadPoolExecutor(a.c) as ex:
            lat2 = list(ex.map(ask, conc))
        w2 = time.perf_counter() - t0
    finally:
        srv.terminate()
        srv.wait()

    stmt = """SELECT supplier_id, sum(tiv) AS tiv, sum(tiv) / sum(sum(tiv)) OVER () AS share
              FROM read_parquet($flows) WHERE recipient_id = $r AND year BETWEEN $y0 AND $y1
              GROUP BY supplier_id ORDER BY tiv DESC"""
    lat3 = []
    t0 = time.perf_counter()
    for q in seq:
        t = time.perf_counter()
        con.execute(stmt, {"flows": flows, "r": q[1], "y0": q[2], "y1": q[3]}).fetchall()
        lat3.append(time.perf_counter() - t)
    w3 = time.perf_counter() - t0

    out = [
        summary(f"armsflow HTTP, 1 client, {len(seq)} distinct", lat1, w1),
        summary(f"armsflow HTTP, {a.c} clients, {len(conc)} distinct", lat2, w2),
        summary(f"DuckDB in-process, 1 client, same {len(seq)}", lat3, w3),
    ]
    print("| run | n | p50 ms | p90 ms | p99 ms | req/s |")
    print("|---|---:|---:|---:|---:|---:|")
    for s in out:
        print(
            f"| {s['name']} | {s['n']} | {s['p50_ms']:.2f} | {s['p90_ms']:.2f} | "
            f"{s['p99_ms']:.2f} | {s['req_per_s']:.0f} |"
        )
    if a.json:
        json.dump(out, open(a.json, "w"), indent=1)


if __name__ == "__main__":
    main()

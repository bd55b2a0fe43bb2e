"""All-pairs output of armsflow against DuckDB's, to 1e-12 (relative).

    python bench/allpairs_check.py ARMSFLOW_OUT.parquet FLOWS.parquet ENTITIES.parquet Y0 Y1

ARMSFLOW_OUT.parquet is `armsflow concentration --all --period Y0-Y1 --format
parquet -o ...` (full-precision floats). DuckDB runs bench/allpairs.sql's
query on FLOWS.parquet; rows are matched by importer name. HHI and effective
number must agree to 1e-12, suppliers exactly, CR1 to 1e-12 (armsflow prints
it in percent). TIV is rounded to 2 decimals in armsflow's output and is
compared to 0.005 plus 1e-12 relative. Exit status 1 on any difference.
"""
import pathlib
import sys

import duckdb

out, flows, ents, y0, y1 = sys.argv[1:6]
sql = pathlib.Path(__file__).with_name("allpairs.sql").read_text()
con = duckdb.connect()
con.execute(f"SET VARIABLE flows = '{flows}'")
con.execute(f"SET VARIABLE y0 = {int(y0)}")
con.execute(f"SET VARIABLE y1 = {int(y1)}")
duck = con.execute(sql).fetchall()
names = dict(con.execute(f"SELECT id, name FROM read_parquet('{ents}')").fetchall())
ours = {
    r[0]: r[1:]
    for r in con.execute(
        f"""SELECT importer, "TIV", suppliers, "HHI", "effective n", "CR1 %"
            FROM read_parquet('{out}')"""
    ).fetchall()
}


def close(a, b, tol=1e-12):
    return a == b or abs(a - b) <= tol * max(abs(a), abs(b))


bad, n, worst = 0, 0, 0.0
for rid, total, k, hhi, n_eff, cr1 in duck:
    name = names[rid]
    if name not in ours:
        continue  # unknown/aggregate recipients get no row of their own
    tiv, sk, shhi, sneff, scr1 = ours[name]
    n += 1
    for a, b in [(hhi, shhi), (n_eff, sneff), (cr1 * 100, scr1)]:
        if b is not None:
            worst = max(worst, abs(a - b) / max(abs(a), abs(b)))
    ok = (
        k == sk
        and abs(total - tiv) <= 0.005 + 1e-12 * abs(total)
        and (shhi is None or (close(hhi, shhi) and close(n_eff, sneff) and close(cr1 * 100, scr1)))
    )
    if not ok:
        bad += 1
        print("DIFFERS", name, (total, k, hhi, n_eff, cr1), ours[name])
print(f"all-pairs check: {n} importers compared, {bad} differ; largest relative difference {worst:.2e}")
sys.exit(1 if bad or n == 0 else 0)

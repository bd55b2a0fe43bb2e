"""Every `--format csv` output drops straight into other tools: RFC 4180,
header first, nothing else on stdout; parsed by Python's csv module and by
DuckDB's read_csv from a pipe. No TIV cell has more than two decimals and no
cell is truncated."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys

import pytest

from conftest import REPO, SEED_ARTICLE, shared_file

DUCKDB_FROM_STDIN = """
import duckdb, json
# One statement: a pipe can be read only once.
res = duckdb.execute("select * from read_csv('/dev/stdin', header = true)")
cols = [d[0] for d in res.description]
print(json.dumps({"columns": cols, "rows": len(res.fetchall())}))
"""

# (name, arguments after the binary); {legacy}/{current}/{seed}/{scenario} filled in.
COMMANDS = [
    ("imports", ["imports", "Kazakhstan", "--period", "2020-2024"]),
    ("imports-by-category", ["imports", "Kazakhstan", "-p", "2020-24", "--by-category"]),
    ("exports", ["exports", "Russia", "--period", "2020-2024"]),
    ("top", ["top", "importers", "--period", "2020-2024", "--limit", "0"]),
    ("concentration", ["concentration", "Kazakhstan"]),
    ("concentration-all", ["concentration", "--all", "--period", "2020-2024"]),
    ("pair", ["pair", "Russia", "Kazakhstan", "--period", "2015-2024"]),
    ("groups", ["groups", "Kazakhstan", "--group", "CSTO", "--group", "NATO"]),
    ("groups-list", ["groups"]),
    ("groups-members", ["groups", "--group", "NATO"]),
    ("switching", ["switching", "--from", "2015-2019", "--to", "2020-2024", "--limit", "0"]),
    ("switching-away", ["switching", "--away-from", "Russia", "--limit", "0"]),
    ("event-study", ["event-study", "--group", "Abraham Accords", "--partner", "Israel"]),
    ("deals", ["deals", "Kazakhstan", "--period", "2020-2024"]),
    ("pipeline", ["pipeline", "India", "--release", "{legacy}"]),
    ("diff", ["diff", "{legacy}", "{current}", "--country", "Kazakhstan"]),
    ("diff-deals", ["diff", "{current}", "{current}", "--deals"]),
    ("check", ["check", "share imports KAZ from RUS 2020-2024 = 88%"]),
    ("check-claims", ["check-claims", "{seed}"]),
    ("scenario", ["scenario", "{scenario}"]),
]


@pytest.mark.parametrize("name,args", COMMANDS, ids=[c[0] for c in COMMANDS])
def test_csv_is_clean(name, args, cli, two_releases, tmp_path):
    d, legacy, current = two_releases
    subs = {
        "legacy": legacy,
        "current": current,
        "seed": str(shared_file(SEED_ARTICLE)),
        "scenario": str(REPO / "examples/scenarios/kazakhstan-diversify.toml"),
    }
    argv = [cli] + [a.format(**subs) for a in args] + ["--format", "csv", "--data-dir", str(d)]
    out = subprocess.run(argv, capture_output=True, check=False)
    assert out.returncode == 0, out.stderr.decode()
    text = out.stdout.decode("utf-8")
    assert text, f"{name}: empty output"
    assert not text.startswith("#"), f"{name}: comment lines on stdout"
    # Provenance still reaches the person at the terminal.
    assert "SIPRI" in out.stderr.decode() or name.startswith("groups-"), out.stderr.decode()

    # The same command with -o writes the same bytes plus a data package
    # descriptor, whose field units say which columns are TIV.
    target = tmp_path / f"{name}.csv"
    subprocess.run(argv + ["-o", str(target)], capture_output=True, check=True)
    assert target.read_bytes() == out.stdout, f"{name}: -o differs from stdout"
    dp = json.loads((tmp_path / f"{name}.datapackage.json").read_text())
    fields = dp["resources"][0]["schema"]["fields"]

    rows = list(csv.reader(io.StringIO(text, newline="")))
    header, body = rows[0], rows[1:]
    assert [f["name"] for f in fields] == header, name
    tiv_cols = [i for i, f in enumerate(fields) if f.get("unit") == "TIV (millions)"]
    if name not in ("groups-list", "groups-members", "check", "check-claims", "diff-deals"):
        assert tiv_cols, f"{name}: no TIV column found in {fields}"
    assert len(set(header)) == len(header), f"{name}: duplicate column names {header}"
    assert all(len(r) == len(header) for r in body), f"{name}: ragged rows"
    for r in body:
        for i in tiv_cols:
            cell = r[i]
            if cell:
                float(cell)
                assert not re.search(r"\.\d{3,}$", cell), f"{name}: {header[i]}={cell}"
        for cell in r:
            assert not re.search(r"\(\+\d+ more\)|…$|\.\.\.$", cell), f"{name}: truncated {cell!r}"
            assert "e-" not in cell or not re.fullmatch(r"[-\d.]+e-\d+", cell), cell

    # DuckDB reads the same bytes from a pipe, header first.
    duck = subprocess.run(
        [sys.executable, "-c", DUCKDB_FROM_STDIN],
        input=out.stdout,
        capture_output=True,
        check=False,
    )
    assert duck.returncode == 0, f"{name}: duckdb failed: {duck.stderr.decode()}"
    got = json.loads(duck.stdout)
    assert got["columns"] == header, f"{name}: duckdb saw {got['columns']}"
    assert got["rows"] == len(body), name


def test_meta_keeps_comments_and_file_gets_a_data_package(cli, data_dir, tmp_path):
    base = [cli, "imports", "Kazakhstan", "-p", "2020-2024", "--data-dir", str(data_dir)]
    out = subprocess.run(base + ["-f", "csv", "--meta"], capture_output=True, check=True)
    lines = out.stdout.decode().splitlines()
    assert lines[0].startswith("# Arms imports of Kazakhstan")
    assert any("Source: SIPRI Arms Transfers Database" in l for l in lines if l.startswith("#"))

    target = tmp_path / "kaz.csv"
    subprocess.run(base + ["-f", "csv", "-o", str(target)], capture_output=True, check=True)
    assert target.read_text().startswith("rank,supplier,TIV,share %")
    dp = json.loads((tmp_path / "kaz.datapackage.json").read_text())
    assert dp["profile"] == "tabular-data-package"
    res = dp["resources"][0]
    assert res["path"] == "kaz.csv"
    fields = {f["name"]: f for f in res["schema"]["fields"]}
    assert fields["rank"]["type"] == "integer"
    assert fields["TIV"]["unit"] == "TIV (millions)"
    assert fields["share %"]["unit"] == "percent"
    assert dp["armsflow"]["release"].startswith("2026-02-12-register-")
    assert dp["armsflow"]["window"].startswith("2020-2024")
    assert "SIPRI" in dp["sources"][0]["title"]
    assert dp["licenses"][0]["title"]


def _floats(v, key=""):
    if isinstance(v, dict):
        for k, x in v.items():
            yield from _floats(x, k)
    elif isinstance(v, list):
        for x in v:
            yield from _floats(x, key)
    elif isinstance(v, float):
        yield key, v


@pytest.mark.parametrize("name,args", COMMANDS, ids=[c[0] for c in COMMANDS])
def test_json_numbers_have_fixed_precision(name, args, cli, two_releases):
    d, legacy, current = two_releases
    subs = {
        "legacy": legacy,
        "current": current,
        "seed": str(shared_file(SEED_ARTICLE)),
        "scenario": str(REPO / "examples/scenarios/kazakhstan-diversify.toml"),
    }
    argv = [cli] + [a.format(**subs) for a in args] + ["--format", "json", "--data-dir", str(d)]
    out = subprocess.run(argv, capture_output=True, check=True)
    doc = json.loads(out.stdout)
    tiv_keys = {"a", "b", "change", "tiv", "tiv_a"}
    if "columns" in doc:  # a table: TIV columns named as in the CSV
        tiv_keys |= {c for c in doc["columns"] if "TIV" in c}
    for key, x in _floats(doc):
        decimals = len(repr(x).split(".")[1]) if "." in repr(x) and "e" not in repr(x) else 0
        limit = 2 if key in tiv_keys else 6
        assert decimals <= limit, f"{name}: {key}={x!r}"

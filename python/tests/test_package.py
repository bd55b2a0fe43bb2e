"""The Python package against published SIPRI figures (the seed article's
numbers: SIPRI Fact Sheet, March 2025) on the real Feb-2026 register."""

from __future__ import annotations

import pandas as pd
import pytest

import armsflow

from conftest import SEED_ARTICLE, shared_file


def share(df: pd.DataFrame, col: str, name: str, value: str) -> float:
    return float(df.loc[df[col] == name, value].iloc[0])


def test_kazakhstan_imports_russia_88_4(data_dir):
    df = armsflow.imports("Kazakhstan", period="2020-2024", data_dir=data_dir)
    assert isinstance(df, pd.DataFrame)
    assert list(df.columns[:4]) == ["rank", "supplier", "TIV", "share %"]
    assert round(share(df, "supplier", "Russia", "share %"), 1) == 88.4
    assert share(df, "supplier", "Russia", "TIV") == 1175.20
    assert round(df["TIV"].sum(), 2) == 1328.98
    # Provenance travels with the frame.
    assert df.attrs["release"].startswith("2026-02-12-register-")
    assert df.attrs["window"] == "2020-2024 by delivery year, all categories"
    assert df.attrs["attribution"] == armsflow.SIPRI_ATTRIBUTION
    assert df.attrs["synthetic"] is False
    assert 0.0 < df.attrs["estimated_share"] < 1.0
    assert df.attrs["units"]["TIV"] == "TIV (millions)"
    assert df.attrs["units"]["share %"] == "percent"


def test_kazakhstan_third_buyer_of_russian_arms(data_dir):
    df = armsflow.exports("Russia", period="2020-24", data_dir=data_dir)
    kaz = df[df["recipient"] == "Kazakhstan"].iloc[0]
    assert kaz["rank"] == 3
    assert round(kaz["share %"], 1) == 10.6
    assert list(df["recipient"][:2]) == ["India", "China"]


def test_errors_are_exceptions_with_the_cli_messages(data_dir):
    with pytest.raises(armsflow.UsageError, match="did you mean Kazakhstan"):
        armsflow.imports("Kazakhztan", data_dir=data_dir)
    with pytest.raises(armsflow.UsageError, match="is not a period"):
        armsflow.imports("Kazakhstan", period="20x", data_dir=data_dir)
    with pytest.raises(armsflow.UsageError, match="unknown category"):
        armsflow.imports("Kazakhstan", category="lasers", data_dir=data_dir)
    with pytest.raises(armsflow.UsageError, match="no release 'nope'"):
        armsflow.imports("Kazakhstan", release="nope", data_dir=data_dir)
    assert issubclass(armsflow.UsageError, armsflow.ArmsflowError)


def test_empty_data_dir_says_how_to_get_data(tmp_path):
    with pytest.raises(armsflow.UsageError, match="armsflow import FILE"):
        armsflow.imports("Kazakhstan", data_dir=tmp_path)
    assert armsflow.releases(tmp_path).empty


def test_import_is_idempotent_and_malformed_files_raise(data_dir, tmp_path):
    from conftest import REGISTER_2026

    again = armsflow.import_file(shared_file(REGISTER_2026), data_dir=data_dir)
    assert again["created"] is False
    assert again["rows_imported"] > 20_000
    bad = tmp_path / "bad.csv"
    bad.write_text("not a SIPRI export\n1,2,3\n")
    with pytest.raises(armsflow.UsageError):
        armsflow.import_file(bad, data_dir=tmp_path / "store")
    with pytest.raises(armsflow.UsageError, match="cannot read"):
        armsflow.import_file(tmp_path / "missing.csv", data_dir=tmp_path / "store")


def test_every_query_returns_a_frame(data_dir):
    d = data_dir
    frames = {
        "top": armsflow.top("exporters", period="2020-2024", data_dir=d, limit=10),
        "concentration": armsflow.concentration("Kazakhstan", data_dir=d),
        "concentration_all": armsflow.concentration(period="2020-2024", data_dir=d, all=True),
        "pair": armsflow.pair("Russia", "Kazakhstan", period="2020-2024", data_dir=d),
        "groups": armsflow.groups("Kazakhstan", group="CSTO", data_dir=d),
        "groups_list": armsflow.groups(data_dir=d),
        "switching": armsflow.switching(
            from_period="2015-2019", period="2020-2024", away_from="Russia", data_dir=d
        ),
        "event_study": armsflow.event_study(
            "UAE", "Abraham Accords", partner="Israel", data_dir=d
        ),
        "deals": armsflow.deals("Kazakhstan", period="2020-2024", data_dir=d),
        "by_category": armsflow.imports(
            "Kazakhstan", period="2020-2024", data_dir=d, by_category=True
        ),
    }
    for name, df in frames.items():
        assert isinstance(df, pd.DataFrame), name
        assert len(df) > 0, name
        assert df.attrs["title"], name
    top = frames["top"]
    assert len(top) == 10 and top["rank"].tolist() == list(range(1, 11))
    # The deals add up to the imports total.
    assert round(frames["deals"]["TIV in window"].sum(), 2) == 1328.98
    # Full lists, never "(+N more)".
    sw = frames["switching"]
    assert not sw.astype(str).apply(lambda c: c.str.contains(r"\(\+\d+ more\)")).any().any()


def test_check_and_check_claims(data_dir):
    df = armsflow.check(
        "From 2020 to 2024, 88 % of Kazakhstan's arms imports came from Russia.",
        data_dir=data_dir,
    )
    assert df["verdict"].tolist() == ["supported"]
    assert round(float(df["computed"].iloc[0]), 1) == 88.4
    text = shared_file(SEED_ARTICLE).read_text(encoding="utf-8")
    claims = armsflow.check_claims(text, data_dir=data_dir)
    assert "supported" in claims["verdict"].tolist()
    assert claims.attrs["release"].startswith("2026-02-12-register-")


def test_pipeline_and_diff_across_releases(two_releases):
    d, legacy, current = two_releases
    rel = armsflow.releases(d)
    assert rel["id"].tolist() == [legacy, current]
    p = armsflow.pipeline("India", release=legacy, data_dir=d)
    assert len(p) > 0 and p.attrs["release"] == legacy
    diff = armsflow.diff(legacy, current, country="Kazakhstan", data_dir=d)
    assert len(diff) > 0
    assert diff.attrs["release_a"] == legacy and diff.attrs["release_b"] == current
    # Default: the two newest releases.
    assert len(armsflow.diff(country="Kazakhstan", data_dir=d)) == len(diff)


def test_seed_article_example_runs(data_dir):
    import subprocess
    import sys

    from conftest import REPO

    out = subprocess.run(
        [sys.executable, str(REPO / "examples/seed_article.py"), "--data-dir", str(data_dir)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "= 88.4 %" in out.stdout, out.stdout
    assert "rank 3, 10.6 %" in out.stdout, out.stdout
    assert "Source: SIPRI Arms Transfers Database" in out.stdout


def test_window_past_the_release_is_flagged(data_dir):
    """Issue #13: the Feb-2026 register ends in 2024; 2021-2025 is four years."""
    df = armsflow.imports("Kazakhstan", period="2021-2025", data_dir=data_dir)
    assert df.attrs["release_years"] == [1995, 2024]
    assert df.attrs["missing_years"] == [2025]
    assert df.attrs["coverage"].startswith("partial (2021-2025: ")
    assert any("2025 is not in it" in n for n in df.attrs["notes"])
    full = armsflow.imports("Kazakhstan", period="2020-2024", data_dir=data_dir)
    assert full.attrs["missing_years"] == []
    assert full.attrs["coverage"] == "complete"

"""Shared fixtures: the real SIPRI register imported into a temporary data
directory (never into the repository: SIPRI's licence forbids redistribution).

The register comes from ``$ARMSFLOW_SHARED_DIR`` or the nearest ``shared/``
above the repository. Without it the real-data tests are skipped loudly, and
fail when ``ARMSFLOW_REQUIRE_SHARED=1`` (CI).
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
REGISTER_2026 = "data/sipri/nagehanrdogan-trade-register-2026/trade_register.csv"
LEGACY_2025 = "data/sipri/colasdroin-trade-register-2025/trade-register.csv"
SEED_ARTICLE = "seed/article-kazakhstan-abraham-accords-de.txt"


def shared_dir() -> Path | None:
    env = os.environ.get("ARMSFLOW_SHARED_DIR")
    if env:
        return Path(env) if Path(env).is_dir() else None
    for parent in REPO.parents:
        cand = parent / "shared"
        if (cand / "data").is_dir():
            return cand
    return None


def shared_file(rel: str) -> Path:
    d = shared_dir()
    path = d / rel if d else None
    if path is None or not path.is_file():
        msg = f"needs {rel} from ../shared (set ARMSFLOW_SHARED_DIR)"
        if os.environ.get("ARMSFLOW_REQUIRE_SHARED") == "1":
            pytest.fail(msg)
        # Straight to the terminal as well: skips must be visible.
        print(f"SKIPPED: {msg}", file=sys.__stderr__)
        pytest.skip(msg)
    return path


@pytest.fixture(scope="session")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data directory holding the Feb-2026 register (the latest release)."""
    import armsflow

    d = tmp_path_factory.mktemp("armsflow-data")
    armsflow.import_file(shared_file(REGISTER_2026), data_dir=d)
    return d


@pytest.fixture(scope="session")
def two_releases(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, str]:
    """A data directory with the Mar-2025 legacy register and the Feb-2026
    register: (dir, legacy id, current id)."""
    import armsflow

    d = tmp_path_factory.mktemp("armsflow-two")
    legacy = armsflow.import_file(shared_file(LEGACY_2025), data_dir=d)["release"]
    current = armsflow.import_file(shared_file(REGISTER_2026), data_dir=d)["release"]
    return d, legacy, current


@pytest.fixture(scope="session")
def cli() -> str:
    """The `armsflow` binary: $ARMSFLOW_BIN, else the cargo build, else PATH."""
    env = os.environ.get("ARMSFLOW_BIN")
    if env:
        return env
    target = Path(os.environ.get("CARGO_TARGET_DIR", REPO / "target"))
    for profile in ("debug", "release"):
        cand = target / profile / "armsflow"
        if cand.is_file():
            return str(cand)
    found = shutil.which("armsflow")
    if not found:
        pytest.fail("no armsflow binary: build it (cargo build -p armsflow-cli) or set ARMSFLOW_BIN")
    return found

"""Type stubs for the compiled half of the package (Rust, PyO3)."""

from typing import Any, Dict, List, Optional, Tuple

import pyarrow as pa

SIPRI_ATTRIBUTION: str

class ArmsflowError(Exception):
    """A query failed for a reason that is not the caller's input."""

class UsageError(ArmsflowError):
    """Bad input: unknown country or release, malformed period, empty data directory."""

def query(argv: List[str]) -> Tuple[pa.RecordBatch, Dict[str, Any]]:
    """Runs one CLI query (``["imports", "Kazakhstan", "--period=2020-2024"]``)."""

def check_claims(
    text: str, verbose: bool = False, release: Optional[str] = None, data_dir: Optional[str] = None
) -> Tuple[pa.RecordBatch, Dict[str, Any]]: ...
def releases(data_dir: Optional[str] = None) -> Tuple[pa.RecordBatch, Dict[str, Any]]: ...
def import_file(
    path: str, data_dir: Optional[str] = None, skip_bad_rows: bool = False
) -> Dict[str, Any]: ...
def fetch(argv: List[str]) -> None: ...

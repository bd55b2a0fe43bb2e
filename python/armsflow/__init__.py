"""armsflow: who depends on whom for weapons, from the SIPRI Arms Transfers Database.

Every query returns a :class:`pandas.DataFrame` built from the same Rust code
as the ``armsflow`` command line (same validation, same error messages),
handed over as Arrow. Provenance travels with it in ``DataFrame.attrs``:

- ``release``: the release id the figures come from,
- ``window``: the window, basis and category (``"2020-2024 by delivery year, all categories"``),
- ``attribution`` / ``citation``: SIPRI's attribution line and the release's citation,
- ``synthetic``: True for armsflow's synthetic demo data (never SIPRI's),
- ``release_years`` (``[1995, 2024]``), ``missing_years`` (``[2025]`` for a
  2021-2025 window on a release ending in 2024, else ``[]``) and ``coverage``
  (``"complete"`` or ``"partial (…)"``): whether the window lies inside the
  release; a partial window's figures rest on fewer years than asked,
- ``estimated_share``: fraction (0-1) of the total resting on values SIPRI marks
  as estimates (where defined),
- ``title``, ``notes``: the headline and the notes the CLI prints under its tables,
- ``units``: column -> unit (``"TIV (millions)"``, ``"percent"``).

Units: TIV columns are millions of SIPRI trend-indicator values, exact to two
decimals; ``%`` columns are percentages (88.4 means 88.4 %) at full precision.

Releases live in a data directory: ``data_dir`` argument, else
``$ARMSFLOW_DATA_DIR``, else ``$XDG_DATA_HOME/armsflow`` or
``~/.local/share/armsflow`` (shared with the CLI). Put data there with
:func:`import_file` or :func:`fetch`.

Errors raise :class:`UsageError` (bad input: unknown country, malformed
period, no releases, ...) or :class:`ArmsflowError` (anything else), with the
CLI's message.
"""

from __future__ import annotations

import os
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple, Union

import pandas as pd
import pyarrow as pa

from . import _native
from ._native import SIPRI_ATTRIBUTION, ArmsflowError, UsageError

try:
    from importlib.metadata import version as _version

    __version__ = _version("armsflow")
except Exception:  # not installed (e.g. imported from a source tree)
    __version__ = "unknown"

__all__ = [
    "ArmsflowError",
    "UsageError",
    "SIPRI_ATTRIBUTION",
    "imports",
    "exports",
    "top",
    "concentration",
    "pair",
    "groups",
    "switching",
    "event_study",
    "pipeline",
    "diff",
    "deals",
    "check",
    "check_claims",
    "releases",
    "import_file",
    "fetch",
]

PathLike = Union[str, "os.PathLike[str]"]
Periods = Union[str, Sequence[str], None]


def _frame(result: Tuple[pa.RecordBatch, Dict[str, Any]]) -> pd.DataFrame:
    batch, attrs = result
    # The batch arrived through the Arrow C data interface (no copy); pandas
    # may take its buffers over (self_destruct) instead of copying them.
    df = pa.Table.from_batches([batch]).to_pandas(split_blocks=True, self_destruct=True)
    df.attrs.update(attrs)
    return df


def _argv(sub: str, positional: Iterable[Optional[str]], **options: Any) -> List[str]:
    """CLI arguments: ``foo_bar=x`` becomes ``--foo-bar x``; True a bare flag;
    None and False are left out; lists are comma-joined."""
    argv = [sub]
    for p in positional:
        if p is not None:
            argv.append(str(p))
    for key, value in options.items():
        if value is None or value is False:
            continue
        flag = "--" + key.rstrip("_").replace("_", "-")
        if value is True:
            argv.append(flag)
            continue
        if isinstance(value, (list, tuple)):
            value = ",".join(str(v) for v in value)
        elif isinstance(value, os.PathLike):
            value = os.fspath(value)
        # `--flag=value` so values starting with '-' are never taken for flags.
        argv.append(f"{flag}={value}")
    return argv


def _query(sub: str, positional: Iterable[Optional[str]], **options: Any) -> pd.DataFrame:
    return _frame(_native.query(_argv(sub, positional, **options)))


def imports(
    country: str,
    period: Optional[str] = None,
    category: Optional[str] = None,
    release: Optional[str] = None,
    data_dir: Optional[PathLike] = None,
    *,
    basis: Optional[str] = None,
    by_category: bool = False,
) -> pd.DataFrame:
    """Who supplied ``country``'s arms imports: one row per supplier.

    Columns: rank, supplier, TIV, share %, estimated %, and TIV and share in
    the previous window of the same length. Shares are of the country's total
    imports in the window, unknown suppliers included.

    Args:
        country: SIPRI name, alias (``"Türkiye"``, ``"UAE"``) or ISO3 code.
        period: ``"2020-2024"``, ``"2020-24"`` or one year; default: the
            release's last complete five-year window.
        category: one armament category, e.g. ``"aircraft"``, ``"air-defence"``.
        release: a release id (see :func:`releases`); default: the latest.
        data_dir: the data directory; default as the CLI.
        basis: ``"delivery"`` (SIPRI's published figures, default) or ``"order"``.
        by_category: one row per armament category instead of per supplier.

    Example:
        >>> df = armsflow.imports("Kazakhstan", period="2020-2024")
        >>> df.loc[df.supplier == "Russia", "share %"].round(1)  # 88.4
    """
    return _query(
        "imports",
        [country],
        period=period,
        category=category,
        release=release,
        data_dir=data_dir,
        basis=basis,
        by_category=by_category,
    )


def exports(
    country: str,
    period: Optional[str] = None,
    category: Optional[str] = None,
    release: Optional[str] = None,
    data_dir: Optional[PathLike] = None,
    *,
    basis: Optional[str] = None,
    by_category: bool = False,
) -> pd.DataFrame:
    """Who received ``country``'s arms exports: one row per recipient, with
    its rank among the country's customers and its share of the exports.
    Arguments as :func:`imports`."""
    return _query(
        "exports",
        [country],
        period=period,
        category=category,
        release=release,
        data_dir=data_dir,
        basis=basis,
        by_category=by_category,
    )


def top(
    side: str = "exporters",
    period: Optional[str] = None,
    category: Optional[str] = None,
    release: Optional[str] = None,
    data_dir: Optional[PathLike] = None,
    *,
    limit: int = 0,
    basis: Optional[str] = None,
) -> pd.DataFrame:
    """The world's largest ``"exporters"`` or ``"importers"`` in a window,
    with world shares. ``limit=0`` (default) returns every ranked country."""
    return _query(
        "top",
        [side],
        period=period,
        category=category,
        release=release,
        data_dir=data_dir,
        limit=str(limit),
        basis=basis,
    )


def concentration(
    country: Optional[str] = None,
    period: Optional[str] = None,
    category: Optional[str] = None,
    release: Optional[str] = None,
    data_dir: Optional[PathLike] = None,
    *,
    direction: str = "imports",
    periods: Periods = None,
    all: bool = False,
    basis: Optional[str] = None,
) -> pd.DataFrame:
    """Supplier (or customer, ``direction="exports"``) concentration: HHI,
    effective number, CR1/CR3.

    With a country: one row per window (``periods``, default consecutive
    five-year windows). With ``all=True`` or no country: every country in one
    window (``period``)."""
    return _query(
        "concentration",
        [country],
        period=period,
        category=category,
        release=release,
        data_dir=data_dir,
        direction=direction,
        periods=periods,
        all=all,
        basis=basis,
    )


def pair(
    supplier: str,
    recipient: str,
    period: Optional[str] = None,
    category: Optional[str] = None,
    release: Optional[str] = None,
    data_dir: Optional[PathLike] = None,
    *,
    basis: Optional[str] = None,
) -> pd.DataFrame:
    """One supplier-recipient pair: TIV by year, the pair's share of the
    supplier's exports and of the recipient's imports, and its rank."""
    return _query(
        "pair",
        [supplier, recipient],
        period=period,
        category=category,
        release=release,
        data_dir=data_dir,
        basis=basis,
    )


def groups(
    country: Optional[str] = None,
    period: Periods = None,
    category: Optional[str] = None,
    release: Optional[str] = None,
    data_dir: Optional[PathLike] = None,
    *,
    group: Union[str, Sequence[str], None] = None,
    direction: str = "imports",
    groups_file: Optional[PathLike] = None,
    basis: Optional[str] = None,
) -> pd.DataFrame:
    """Shares of ``country``'s imports (or exports) from alignment groups
    (CSTO, NATO, Abraham Accords, ...), per window. Without a country: the
    groups (or, with ``group``, their members). ``period`` may be a list of
    windows; ``groups_file`` a CSV of your own memberships."""
    return _query(
        "groups",
        [country],
        period=period,
        category=category,
        release=release,
        data_dir=data_dir,
        group=group,
        direction=direction,
        groups=groups_file,
        basis=basis,
    )


def switching(
    country: Optional[str] = None,
    period: Optional[str] = None,
    category: Optional[str] = None,
    release: Optional[str] = None,
    data_dir: Optional[PathLike] = None,
    *,
    from_period: Optional[str] = None,
    away_from: Optional[str] = None,
    limit: int = 0,
    min_tiv: Optional[float] = None,
    basis: Optional[str] = None,
) -> pd.DataFrame:
    """Recipients whose supplier mix moved most between ``from_period`` and
    ``period`` (the later window; both default to the release's last two
    five-year windows); SIPRI's non-state groups (*) and organisations (**)
    rank with states. ``country`` restricts to one recipient; ``away_from``
    adds that supplier's share in both windows. ``limit=0`` returns all."""
    return _query(
        "switching",
        [],
        to=period,
        from_=from_period,
        category=category,
        release=release,
        data_dir=data_dir,
        country=country,
        away_from=away_from,
        limit=str(limit),
        min_tiv=min_tiv,
        basis=basis,
    )


def event_study(
    country: Optional[str],
    group: str,
    category: Optional[str] = None,
    release: Optional[str] = None,
    data_dir: Optional[PathLike] = None,
    *,
    partner: Optional[str] = None,
    years: Optional[int] = None,
    groups_file: Optional[PathLike] = None,
    basis: Optional[str] = None,
) -> pd.DataFrame:
    """Supplier mix of ``country`` in the years before it joined ``group``
    against the years after (``country=None``: every member). ``partner``
    adds one supplier's share, e.g. Israel for the Abraham Accords."""
    return _query(
        "event-study",
        [],
        group=group,
        member=country,
        partner=partner,
        years=years,
        category=category,
        release=release,
        data_dir=data_dir,
        groups=groups_file,
        basis=basis,
    )


def pipeline(
    country: str,
    release: Optional[str] = None,
    data_dir: Optional[PathLike] = None,
    *,
    direction: str = "imports",
    by: Optional[str] = None,
) -> pd.DataFrame:
    """Ordered but undelivered TIV by supplier (or recipient), from a
    legacy-register release (the only source with order values)."""
    return _query(
        "pipeline",
        [country],
        release=release,
        data_dir=data_dir,
        direction=direction,
        by=by,
    )


def diff(
    a: Optional[str] = None,
    b: Optional[str] = None,
    country: Optional[str] = None,
    period: Optional[str] = None,
    data_dir: Optional[PathLike] = None,
    *,
    deals: bool = False,
    threshold: Optional[float] = None,
    min_change: Optional[float] = None,
    limit: Optional[int] = None,
) -> pd.DataFrame:
    """What SIPRI revised between releases ``a`` and ``b`` (ids or unique
    prefixes; default: the two newest stored releases), one row per revised
    value (or, with ``deals=True``, per added/removed/changed deal).
    ``attrs`` has ``release_a`` and ``release_b``."""
    if a is None or b is None:
        ids = list(releases(data_dir)["id"])
        if len(ids) < 2:
            raise UsageError(
                "diff needs two stored releases; "
                f"the data directory holds {len(ids)}: import another with armsflow.import_file"
            )
        a, b = (ids[-2], ids[-1]) if a is None and b is None else (a or ids[-1], b or ids[-1])
    return _query(
        "diff",
        [a, b],
        country=country,
        period=period,
        data_dir=data_dir,
        deals=deals,
        threshold=threshold,
        min_change=min_change,
        limit=limit,
    )


def deals(
    country: str,
    period: Optional[str] = None,
    category: Optional[str] = None,
    release: Optional[str] = None,
    data_dir: Optional[PathLike] = None,
    *,
    direction: str = "imports",
    partner: Optional[str] = None,
    limit: int = 0,
    basis: Optional[str] = None,
) -> pd.DataFrame:
    """The register's deals behind ``country``'s imports (or exports) in a
    window, largest first: designation, order year, numbers, delivery years
    and the TIV each contributes (the column adds up to :func:`imports`'s total)."""
    return _query(
        "deals",
        [country],
        period=period,
        category=category,
        release=release,
        data_dir=data_dir,
        direction=direction,
        partner=partner,
        limit=str(limit),
        basis=basis,
    )


def check(
    sentence: str,
    release: Optional[str] = None,
    data_dir: Optional[PathLike] = None,
) -> pd.DataFrame:
    """Checks one claim, structured (``"share imports KAZ from RUS 2020-2024 = 88%"``)
    or a plain English or German sentence. One row per claim found: verdict
    (supported, contradicted, unsupported, ...), the computed value and the
    tolerance; the explanation is in ``attrs["notes"]``."""
    return _query("check", [sentence], release=release, data_dir=data_dir)


def check_claims(
    text: str,
    release: Optional[str] = None,
    data_dir: Optional[PathLike] = None,
    *,
    verbose: bool = False,
) -> pd.DataFrame:
    """Finds and checks every claim in ``text`` (English or German): one row
    per claim with its sentence, structured form and verdict."""
    return _frame(
        _native.check_claims(
            text, verbose, release, None if data_dir is None else os.fspath(data_dir)
        )
    )


def releases(data_dir: Optional[PathLike] = None) -> pd.DataFrame:
    """Stored releases, oldest first; ``latest`` marks the default one."""
    return _frame(_native.releases(None if data_dir is None else os.fspath(data_dir)))


def import_file(
    path: PathLike,
    data_dir: Optional[PathLike] = None,
    *,
    skip_bad_rows: bool = False,
) -> Dict[str, Any]:
    """Imports a SIPRI export (trade register, legacy register or TIV table)
    as an immutable release. Returns ``release`` (its id), ``created`` (False
    if the same file was already stored) and the import accounting. A
    malformed file raises :class:`UsageError` naming the line and leaves the
    store untouched, unless ``skip_bad_rows``."""
    return _native.import_file(
        os.fspath(path), None if data_dir is None else os.fspath(data_dir), skip_bad_rows
    )


def fetch(
    data_dir: Optional[PathLike] = None,
    *,
    url: Optional[str] = None,
    from_year: Optional[int] = None,
    to_year: Optional[int] = None,
    timeout: Optional[int] = None,
    save: Optional[PathLike] = None,
) -> str:
    """Downloads the current trade register from SIPRI's backend and imports
    it, as ``armsflow fetch`` does. Returns the latest release id."""
    _native.fetch(
        _argv(
            "fetch",
            [],
            data_dir=data_dir,
            url=url,
            from_=from_year,
            to=to_year,
            timeout=timeout,
            save=save,
        )[1:]
    )
    rel = releases(data_dir)
    return str(rel["id"].iloc[-1])

"""povpkg: China's poverty-reduction cooperation as validated, citable tables.

    >>> import povpkg
    >>> povpkg.tables()                 # the table names
    >>> df = povpkg.load("events")      # a typed pandas DataFrame
    >>> povpkg.validate().valid         # every rule over the shipped data
    >>> print(povpkg.cite("bibtex"))    # cite the exact version

Importing povpkg imports neither pandas, frictionless nor pandera: the descriptor
is read on first use, pandas when a table is loaded, frictionless and pandera only
when validating.
"""
from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any, Literal, overload

from ._describe import TableInfo
from ._report import Failure, Report
from .errors import DataError, PackageError, PovpkgError, UnknownTableError

if TYPE_CHECKING:
    from pathlib import Path

    import pandas as pd
    import polars as pl

StrPath = str | os.PathLike[str]

__all__ = ["__version__", "tables", "load", "load_all", "join", "find", "describe", "validate", "cite", "export",
           "pairing_panel", "national_series", "Report", "Failure", "TableInfo", "PovpkgError", "PackageError",
           "DataError", "UnknownTableError"]


def __dir__() -> list[str]:
    return sorted(__all__)


def _descriptor(path: StrPath | None = None) -> dict:
    from ._package import descriptor

    return descriptor(path)


def _find_resource(desc: dict, name: str) -> dict:
    from ._package import find_resource

    return find_resource(desc, name)


def __getattr__(name: str) -> Any:
    if name == "__version__":  # read on demand: datapackage.json is the one place it lives
        return _descriptor()["version"]
    raise AttributeError(f"module 'povpkg' has no attribute {name!r}")


def tables(path: StrPath | None = None) -> list[str]:
    """Names of the tables in the package (the shipped one unless ``path`` is given)."""
    from ._package import table_names

    return table_names(_descriptor(path))


@overload
def load(name: str, path: StrPath | None = None, *, backend: Literal["pandas"] = "pandas") -> pd.DataFrame: ...
@overload
def load(name: str, path: StrPath | None = None, *, backend: Literal["polars"]) -> pl.DataFrame: ...


def load(name: str, path: StrPath | None = None, *, backend: str = "pandas") -> pd.DataFrame | pl.DataFrame:
    """Table ``name`` as a DataFrame typed from its Table Schema.

    ``name`` is one of ``povpkg.tables()``: sources, countries, organizations, people,
    places, projects, pairings, events, event_countries, event_organizations,
    event_people, amounts, indicators, funding_2009, funding_2009_totals, documents,
    products, errata. ``path`` is another copy's datapackage.json or folder (default:
    the installed data). ``backend="polars"`` returns a polars DataFrame read by polars
    itself (polars must be installed; pandas is not imported).

    Raises UnknownTableError for a name not in the package (with the closest names),
    DataError for a value that does not fit its field (naming table, row, field and
    value), PackageError when the package or the file cannot be read.
    """
    _check_backend(backend)
    if backend == "polars":
        from ._polars import load_polars

        return load_polars(name, path)
    from ._load import load as _load

    try:
        return _load(name, path)
    except UnicodeDecodeError as exc:
        file = _find_resource(_descriptor(path), name).get("path")
        raise PackageError(f"table {name}: {file} is not UTF-8 text ({exc.reason}); save it as UTF-8") from None


def _check_backend(backend: str) -> None:
    if backend not in ("pandas", "polars"):
        raise PovpkgError(f"unknown backend {backend!r}; choose pandas or polars")


def load_all(path: StrPath | None = None, *, backend: str = "pandas") -> dict[str, Any]:
    """Every table, by name, as pandas (default) or polars frames."""
    _check_backend(backend)
    return {name: load(name, path, backend=backend) for name in tables(path)}


def join(child: str, parent: str, path: StrPath | None = None, *, on: str | None = None,
         backend: str = "pandas") -> Any:
    """Rows of ``child`` with the columns of ``parent`` added along a declared foreign key.

    ``join("event_countries", "countries")`` adds each link's country name and region.
    When ``child`` refers to ``parent`` through several fields (``amounts`` names a
    provider and a recipient organization), say which with ``on=`` (the child's
    field); the parent's columns then carry that field as a suffix
    (``name_provider_org_id``), so joining twice keeps both. ``backend="polars"`` joins
    polars frames the same way.
    """
    _check_backend(backend)
    from ._join import join as _join

    return _join(child, parent, path, on=on, backend=backend)


def find(query: str, path: StrPath | None = None, *, tables: list[str] | None = None,
         backend: str = "pandas") -> Any:
    """Every row, in any table, with a text cell containing ``query`` (case and accents ignored).

    ``find("Laos")`` or ``find("bansuo")`` returns a frame with columns table, key, field
    and value: the table, the row's primary key, the field that matched and its whole
    value. Names, spellings, Chinese names (``find("老挝")``), titles, notes and
    identifiers are all searched; ``tables=`` narrows the search.
    """
    _check_backend(backend)
    from ._find import COLUMNS, find as _find

    hits = _find(query, path, tables=tables)
    if backend == "polars":
        import polars as pl

        return pl.DataFrame(hits, schema=COLUMNS, orient="row")
    import pandas as pd

    return pd.DataFrame(hits, columns=COLUMNS, dtype="str")


def describe(name: str, path: StrPath | None = None) -> TableInfo:
    """What table ``name`` is: a readable object (print it) that is also the resource's dict.

    ``.title``, ``.description``, ``.primary_key``, ``.foreign_keys``, ``.fields`` (one
    row per field: name, type, unit, description, constraints, as a DataFrame), ``.rows``
    and ``.sources`` (these two read the table). A copy: editing it changes nothing that
    later loads or validations see.
    """
    from ._describe import TableInfo
    from ._package import json_copy

    return TableInfo(json_copy(_find_resource(_descriptor(path), name)), path)


def export(format: Literal["sqlite", "parquet", "xlsx", "duckdb"], dest: StrPath, path: StrPath | None = None) -> Path:
    """Write every table to ``dest`` as sqlite, parquet, xlsx or duckdb, with the dataset's metadata;
    returns the path written."""
    from ._export import export as _export

    return _export(format, dest, path)


def cite(format: Literal["text", "bibtex", "cff", "ris", "csl-json"] = "text", path: StrPath | None = None, *,
         sources: bool = False, rows: pd.DataFrame | None = None) -> str:
    """How to cite the exact version: format "text" (APA-like), "bibtex", "cff", "ris" or "csl-json".

    ``sources=True`` adds the reference of every source document;
    ``rows=df`` adds the references of just the sources behind those rows
    (a frame with a ``source_id`` column, e.g. a filtered ``load("events")``).
    """
    from ._cite import cite as _cite

    return _cite(format, path, sources=sources, rows=rows)


def pairing_panel(path: StrPath | None = None, *, backend: str = "pandas") -> Any:
    """East-West pairing aid by pair, year and aid type, in yuan, that never counts a figure twice.

    Rows of ``level`` "pair" sum, per ``pairing_id`` x ``year`` x ``aid_type``, the
    amounts recommended for aggregates (one year, one kind, no part beside its whole;
    ``amount_ids`` names them): sum ``amount_yuan`` freely. Rows of level "pair_total"
    (a pair's total for a year) and "national" (a figure for all pairs) carry a total a
    source states, ``stated_total_yuan``, beside ``sum_of_parts_yuan`` (its stated parts)
    and ``counted_yuan`` (what the "pair" rows count of it); they are never added into
    ``amount_yuan``. See docs/panel.md. ``backend="polars"`` returns the same rows as a
    polars frame (computed with pandas, which it then needs too).
    """
    _check_backend(backend)
    from ._panel import pairing_panel as _panel

    return _in_backend(_panel(load("amounts", path), load("pairings", path)), backend)


def national_series(path: StrPath | None = None, *, backend: str = "pandas") -> Any:
    """The national East-West series, 1996 on: each figure stated for the programme as a whole.

    One row per ``measure`` (fiscal_aid, social_donations, enterprise_investment,
    cadres_sent_west, people_trained, ...), span and value: ``span_kind`` one_year,
    part_year, plan_period (a Five-Year Plan), cumulative or undated, over
    ``start_year``..``end_year``; ``value`` in ``unit`` (yuan for money) with its
    ``qualifier``; the ``row_ids`` and ``source_ids`` that state it, their ``host_types``,
    and ``independent_sources`` (a clone, or a repost naming no original, never counts; two
    copies of one publisher's text count once). ``same_span`` says "differs" where another
    figure is stated for the same measure and span, "confirmed" where two independent
    sources state it, "repeated" where only copies do. Nothing is summed: never add a
    cumulative or plan-period row to the years it covers. See docs/panel.md.
    ``backend="polars"`` returns the same rows as a polars frame (computed with pandas).
    """
    _check_backend(backend)
    from ._national import national_series as _series

    return _in_backend(_series(load("amounts", path), load("indicators", path), load("sources", path)), backend)


def _in_backend(frame: pd.DataFrame, backend: str) -> Any:
    """A view computed with pandas, as ``backend`` returns it (polars: the same rows)."""
    if backend == "polars":
        import polars as pl

        return pl.from_pandas(frame)
    return frame


def validate(path: StrPath | None = None, sources: StrPath | None = None) -> Report:
    """Run every check; returns a Report (``report.valid``, ``report.failures``)."""
    from ._validate import validate as _validate

    return _validate(path, sources=sources)

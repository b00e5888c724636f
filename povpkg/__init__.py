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

from ._report import Failure, Report
from .errors import DataError, PackageError, PovpkgError, UnknownTableError

if TYPE_CHECKING:
    from pathlib import Path

    import pandas as pd
    import polars as pl

StrPath = str | os.PathLike[str]

__all__ = ["__version__", "tables", "load", "load_all", "join", "describe", "validate", "cite", "export",
           "Report", "Failure", "PovpkgError", "PackageError", "DataError", "UnknownTableError"]


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

    ``backend="polars"`` returns a polars DataFrame read by polars itself
    (polars must be installed; pandas is not imported).
    """
    if backend == "polars":
        from ._polars import load_polars

        return load_polars(name, path)
    if backend != "pandas":
        raise PovpkgError(f"unknown backend {backend!r}; choose pandas or polars")
    from ._load import load as _load

    try:
        return _load(name, path)
    except UnicodeDecodeError as exc:
        file = _find_resource(_descriptor(path), name).get("path")
        raise PackageError(f"table {name}: {file} is not UTF-8 text ({exc.reason}); save it as UTF-8") from None


def load_all(path: StrPath | None = None) -> dict[str, pd.DataFrame]:
    """Every table, by name."""
    return {name: load(name, path) for name in tables(path)}


def join(child: str, parent: str, path: StrPath | None = None, *, on: str | None = None) -> pd.DataFrame:
    """Rows of ``child`` with the columns of ``parent`` added along a declared foreign key.

    ``join("event_countries", "countries")`` adds each link's country name and region.
    When ``child`` refers to ``parent`` through several fields (``amounts`` names a
    provider and a recipient organization), say which with ``on=`` (the child's
    field); the parent's columns then carry that field as a suffix
    (``name_provider_org_id``), so joining twice keeps both.
    """
    from ._join import join as _join

    return _join(child, parent, path, on=on)


def describe(name: str, path: StrPath | None = None) -> dict:
    """The resource's metadata (title, description, fields, keys) as a dict.

    A copy: editing it changes nothing that later loads or validations see.
    """
    from ._package import json_copy

    return json_copy(_find_resource(_descriptor(path), name))


def export(format: Literal["sqlite", "parquet", "xlsx"], dest: StrPath, path: StrPath | None = None) -> Path:
    """Write every table to ``dest`` as sqlite, parquet or xlsx, with the dataset's metadata;
    returns the path written."""
    from ._export import export as _export

    return _export(format, dest, path)


def cite(format: Literal["text", "bibtex", "cff"] = "text", path: StrPath | None = None, *,
         sources: bool = False, rows: pd.DataFrame | None = None) -> str:
    """How to cite the exact version: format "text" (APA-like), "bibtex" or "cff".

    ``sources=True`` adds the reference of every source document;
    ``rows=df`` adds the references of just the sources behind those rows
    (a frame with a ``source_id`` column, e.g. a filtered ``load("events")``).
    """
    from ._cite import cite as _cite

    return _cite(format, path, sources=sources, rows=rows)


def validate(path: StrPath | None = None, sources: StrPath | None = None) -> Report:
    """Run every check; returns a Report (``report.valid``, ``report.failures``)."""
    from ._validate import validate as _validate

    return _validate(path, sources=sources)
